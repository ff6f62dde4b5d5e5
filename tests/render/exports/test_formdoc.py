"""The application form in Word: read from the HTML form, so the same sections, guidance,
criteria and questions, each question a table with a marked header row and an empty cell;
hostile text stays text; the same bytes every time; only where the HTML form is made."""

from __future__ import annotations

import html as htmllib
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from generator.core.cache import Cache
from generator.model import Site
from generator.render.exports import form_jobs, write_form_exports
from generator.render.exports.formdoc import YES_NO_NOTE, application_document
from generator.render.exports.safe import xml_text
from generator.render.exports.word import docx_bytes
from generator.render.forms.build import write_all_forms, write_html
from generator.render.forms.render import form_pages
from generator.render.links import APPLICATION_DOCX
from generator.render.pack import write_pack
from generator.scoring.campaign import Campaign, campaign
from tests.conftest import CONTENT, RECRUITING
from tests.render.exports.test_exports import DATE, HOSTILE, docx_text, hostile_site, squash
from tests.support.forms import FORM_SETTINGS, hand_site, parse
from tests.support.site import load_site


@pytest.fixture(scope="module")
def shipped() -> Site:
    return load_site(CONTENT)


def application_html(c: Campaign) -> str:
    return dict(form_pages(c))["application-form"]


def word_of(html: str) -> bytes:
    return docx_bytes(application_document(html), DATE)


def headings(document: docx.document.Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def html_headings(html: str, level: int) -> list[str]:
    found = re.findall(rf"<h{level}[^>]*>(.*?)</h{level}>", html, re.DOTALL)
    return [" ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def campaigns(shipped: Site) -> list[Campaign]:
    vacancy = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    hand = hand_site()
    return [campaign(shipped, vacancy.role, vacancy=vacancy),
            campaign(shipped, shipped.roles["da-sv-case-coordinator"]),
            campaign(hand, hand.roles["test-role"])]


def test_the_word_form_has_the_html_forms_sections_criteria_and_questions(shipped: Site) -> None:
    for c in campaigns(shipped):
        html = application_html(c)
        page = parse(html)
        data = word_of(html)
        document = docx.Document(io.BytesIO(data))
        assert document.core_properties.title == page.title.strip()
        assert document.core_properties.language == "en-GB"
        assert headings(document, 1) == ["Application form"]
        assert headings(document, 2) == html_headings(html, 2)  # every section, in order
        # The privacy notice is last when the organisation gives one; else the declarations.
        last = ("How we use your information" if c.organisation.form_wording.privacy_notice
                else "Declarations")
        assert last in headings(document, 2)[-1]
        text = docx_text(data)
        level3 = headings(document, 3)
        for crit in c.role.person_spec.at_stage("application"):
            assert any(h.startswith(crit.id + " ") for h in level3), crit.id
            assert squash(crit.text) in text, crit.id
        for crit in c.role.person_spec.at_stage("pre-appointment"):
            assert squash(crit.text) in text, crit.id  # "checked before appointment"
        # Every question is a table of its own: the question in a marked header row, and an
        # empty cell to write in (a yes / no question: the answer to delete).
        asked = {}
        for table in document.tables:
            rows = table._tbl.tr_lst
            assert rows[0].trPr.find(qn("w:tblHeader")) is not None
            header = tuple(cell.text for cell in table.rows[0].cells)
            if len(header) == 1:
                asked[header[0]] = table.rows[1].cells[0].text
        labels = page.labels
        radios = {f["id"] for f in page.fields if f.get("type") == "radio"}
        for f in page.fields:
            if f["id"] in radios or f["name"].startswith("qual-"):
                continue
            assert asked.get(labels[f["id"]], "?").strip() == "", labels[f["id"]]
        for question in re.findall(r'<fieldset class="choice inline"[^>]*>\s*<legend>(.*?)<',
                                   html):
            assert asked[htmllib.unescape(question)] == "Yes / No" + YES_NO_NOTE
        qualifications = next(t for t in document.tables if len(t.columns) == 6)
        assert [cell.text for cell in qualifications.rows[0].cells][:2] == ["No.",
                                                                            "Qualification"]
        assert [row.cells[0].text for row in qualifications.rows[1:]] == ["1", "2", "3", "4"]
        assert all(cell.text == "" for row in qualifications.rows[1:] for cell in row.cells[1:])
        # What only works in a browser is left out.
        assert "Clear what I have typed" not in text and "kept only in this browser" not in text


def test_the_vacancys_how_to_apply_and_guidance_come_with_it(shipped: Site) -> None:
    vacancy = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    text = docx_text(word_of(application_html(campaign(shipped, vacancy.role,
                                                        vacancy=vacancy))))
    assert "Vacancy reference: DBC-PG-0412" in text and "Closing date: 30 September 2027" in text
    assert "Situation" not in text  # Darlington gives no guidance on writing evidence
    hand = hand_site()
    data = word_of(application_html(campaign(hand, hand.roles["test-role"])))
    assert "Say how." in docx_text(data)  # the criterion's own guidance, from its Markdown
    assert FORM_SETTINGS["evidence_guidance"] in docx_text(data)  # the organisation's
    runs = [run for p in docx.Document(io.BytesIO(data)).paragraphs for run in p.runs]
    assert any(run.text == "how" and run.bold for run in runs)  # "Say **how**."


def test_hostile_text_stays_text_in_the_word_form(shipped: Site) -> None:
    bad = hostile_site(shipped)
    role = bad.roles["recovery-navigator"]
    html = application_html(campaign(bad, role))
    data = word_of(html)
    text = docx_text(data)
    assert squash(xml_text(HOSTILE[0])) in text and squash(xml_text(HOSTILE[1])) in text
    for crit in role.person_spec.at_stage("application"):
        assert squash(xml_text(crit.text)) in text, crit.id
    assert "\x00" not in text and "\x01" not in text
    package = zipfile.ZipFile(io.BytesIO(data))
    body = package.read("word/document.xml").decode()
    assert "<script" not in body
    assert "javascript" not in package.read("word/_rels/document.xml.rels").decode().lower()
    assert docx.Document(io.BytesIO(data)).core_properties.title  # the package reads back


def test_the_same_bytes_every_time_with_fixed_zip_times(shipped: Site, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    made = []
    for name in ("one", "two"):
        forms = write_html(form_pages(campaigns(shipped)[0]), tmp_path / name)
        stats = write_form_exports(forms, cache=Cache("exports", tmp_path / f"cache-{name}"))
        assert stats.made == 1 and stats.files == [tmp_path / name / APPLICATION_DOCX]
        made.append(stats.files[0].read_bytes())
    assert made[0] == made[1]
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(made[0])).infolist()}
    assert stamps == {(2026, 1, 1, 0, 0, 0)}


def test_only_roles_with_a_vacancy_get_one_and_not_without_pdfs(shipped: Site,
                                                                tmp_path: Path) -> None:
    forms = write_all_forms(shipped, tmp_path / "docs")
    outs = sorted(job.out.relative_to(tmp_path / "docs").as_posix() for job in form_jobs(forms))
    assert outs == [f"roles/{role}/forms/{APPLICATION_DOCX}" for role in sorted(RECRUITING)]
    vacancy = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    written = write_pack(campaign(shipped, vacancy.role, vacancy=vacancy), tmp_path / "pack",
                         pdf=False)
    assert not [path for path in written if path.suffix == ".docx"]
    assert not list((tmp_path / "pack").glob("*.docx"))
