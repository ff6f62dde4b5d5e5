"""Issue 28, point 8: no placeholders. What the source does not give is not made up: no key to
method codes the source never explained, ... Each case is a fixture under
tests/model/fixtures/ typed from the public shape the issue quotes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli import run
from generator.content.load import load
from generator.importer.assess import Methods
from generator.importer.blocks import Block
from generator.importer.criteria import SpecBuilder
from generator.importer.draft import _criteria as draft_criteria
from generator.model import Site
from generator.render.exports.interviewbook import interview_book
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.render import form_pages
from generator.render.pack import write_pack
from generator.render.site.feed import SiteAddress, atom_feed
from generator.render.site.jsonld import job_posting
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign, for_record
from tests.conftest import FIXTURES
from tests.model.test_faithful import content_of, forms_of, report, word_text
from tests.support.forms import parse
from tests.support.site import read_back, stacked_rows


def test_method_codes_without_a_key_in_the_source_print_no_key(tmp_path: Path) -> None:
    content = content_of(tmp_path, "method-codes")
    site = load(content).site
    assert site is not None
    page = render_all(site)["roles/highways-inspector/index.md"]
    rows = stacked_rows(page)
    assert ["E1", "Experience of inspecting roads and footways.", "Essential", "A, I"] in rows
    assert ["D1", "Able to use a hand-held inspection device.", "Desirable", "I"] in rows
    word = [text for _, text in word_text(site, "highways-inspector")]
    assert "A, I" in word
    for text in (page, "\n".join(word)):
        assert "Key to" not in text and "= Application" not in text and "= Interview" not in text
    # the source's own key, where it gives one, is printed as it is worded
    role = content / "roles" / "highways-inspector.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "  methods_as: abbreviations\n",
        "  methods_as: abbreviations\n  methods_key: A – Application form. I – Interview.\n"),
        encoding="utf-8")
    site = load(content).site
    assert site is not None
    page = render_all(site)["roles/highways-inspector/index.md"]
    assert "**Key to Method of Assessment:** A – Application form. I – Interview." in page
    word = [text for _, text in word_text(site, "highways-inspector")]
    assert "Key to Method of Assessment: A – Application form. I – Interview." in word


TRUNCATED = "Application form/ Int [TRUNCATED]"


def test_a_partly_legible_method_is_kept_as_worded_beside_the_methods_that_can_be_read(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "partly-legible-methods")
    site = load(content).site
    assert site is not None
    crit = next(c for c in site.roles["family-support-worker"].person_spec.criteria
                if c.id == "E2")
    assert [m.id for m in crit.assessed_by] == ["application"]
    assert crit.methods_partly_legible == TRUNCATED
    shown = f"Application (partly legible in the source: “{TRUNCATED}”)"
    page = render_all(site)["roles/family-support-worker/index.md"]
    rows = stacked_rows(page)
    assert ["E2", "Knowledge of safeguarding procedures for children.", "Essential",
            shown] in rows
    assert ["E1", "Experience of working with families under stress.", "Essential",
            "Application, Interview"] in rows
    assert page.count("partly legible") == 1
    word = [text for _, text in word_text(site, "family-support-worker")]
    assert shown in word
    # scored only by what can be read: on the shortlisting sheet, not at interview
    forms = forms_of(site, "family-support-worker")
    assert "Knowledge of safeguarding procedures" in parse(forms["shortlisting"]).text
    assert "Knowledge of safeguarding procedures" not in parse(forms["interview"]).text
    assert "Experience of working with families" in parse(forms["interview"]).text


def test_partly_legible_words_without_the_methods_read_from_them_are_refused_where_written(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "partly-legible-methods")
    role = content / "roles" / "family-support-worker.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("      assessed_by: [application]\n", ""), encoding="utf-8")
    code, said = report(content)
    assert code == 1
    line = next(ln for ln in said.splitlines() if "partly legible" in ln)
    assert line.startswith("content/roles/family-support-worker.yaml:21:31: "
                           "$.person_specification.criteria[1].methods_partly_legible: "
                           "criterion 'E2' keeps the source's partly legible method words")
    hint = said.splitlines()[said.splitlines().index(line) + 1]
    assert "only the methods you can read" in hint and "not stated" in hint
    assert "interview" not in hint and "application" not in hint.replace("assessed_by", "")


def _no_scale_site(tmp_path: Path) -> tuple[Path, Site]:
    content = content_of(tmp_path, "no-scale")
    site = load(content).site
    assert site is not None
    return content, site


# Words only a scale (Roleprint's standard 1 to 5, or any other) would put on a sheet.
SCALE_WORDS = ("Scoring scale", "What it means", "fully meets", "on the scale", "using the scale",
               "counts as meeting", "is a gate", "Essential criteria met")


def test_an_organisation_with_no_scale_gets_score_boxes_with_no_range_or_descriptors(
        tmp_path: Path) -> None:
    _, site = _no_scale_site(tmp_path)
    assert site.organisations["riverside-council"].default_scale is None
    vacancy = site.vacancies["library-assistant-2027"]
    settings = campaign(site, vacancy.role, vacancy=vacancy)
    pages = dict(form_pages(settings))
    for stem in ("shortlisting", "interview", "moderation"):
        text = parse(pages[stem]).text
        for words in SCALE_WORDS:
            assert words not in text, (stem, words)
        assert not re.search(r"\d+ to \d+", text), (stem, re.search(r".{40}\d+ to \d+", text))
        assert 'class="legend"' not in pages[stem], stem
    names = parse(pages["interview"]).names
    assert {"score-E1", "score-E2", "score-D1"} <= set(names)
    assert "Write a score in each box." in parse(pages["shortlisting"]).text
    for book in (shortlisting_book(site, vacancy.role, settings), interview_book(settings)):
        assert "Scoring scale" not in [sheet["name"] for sheet in book["sheets"]]
        text = json.dumps(book)
        assert not re.search(r"\d+ to \d+", text) and "Scoring scale" not in text
        scores = book["sheets"][0]  # "Scores", or "Agreed scores"
        assert scores["name"].endswith("cores") and scores["columns"][1][0].startswith("E1")
        assert not [v for v in scores["validations"] if v["kind"] == "whole"]


def test_collating_sheets_with_no_scale_is_refused_where_the_scale_would_be_named(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    content, site = _no_scale_site(tmp_path)
    pack = tmp_path / "pack"
    write_pack(for_record(site, "library-assistant-2027"), pack, pdf=False)
    for name, score in (("jo", 2), ("amir", 3)):
        book = load_workbook(pack / "shortlisting.xlsx")
        for row in (2, 3):
            for col in (2, 3):
                book["Scores"].cell(row=row, column=col, value=score)
        book.save(tmp_path / f"{name}.xlsx")
    monkeypatch.chdir(tmp_path)
    code = run(["collate", str(tmp_path / "jo.xlsx"), str(tmp_path / "amir.xlsx"),
                "--out", str(tmp_path / "collated"), "--no-pdf", "--content", str(content)])
    assert code == 1 and not (tmp_path / "collated").exists()
    err = capsys.readouterr().err
    where = content / "organisations" / "riverside-council.yaml"
    assert f"{where}:1:1: $.default_scale: the sheets were printed with no scoring scale" in err
    hint = err[err.index("hint:"):]
    assert "own documents give a scale" in hint and "by hand" in hint
    for guess in ("standard", "1-5", "1 to 5", "0 to"):
        assert guess not in hint, guess


# Words an employer's record, or one made up for a role without one, would put on a page.
EMPLOYER_WORDS = ("Example Council", "Employer not stated", "data controller", "organisations/",
                  "works for the employer", "Organisation: <", "[](")


def test_a_role_whose_employer_is_not_named_says_nothing_of_one(tmp_path: Path) -> None:
    site = load(content_of(tmp_path, "employer-not-stated")).site
    assert site is not None
    role = site.roles["care-worker"]
    assert not role.organisation.stated and role.organisation.name == ""
    pages = read_back(render_all(site))
    page = pages["roles/care-worker/index.md"]
    vacancy = pages["vacancies/care-worker-2027/index.md"]
    for text in (page, vacancy):
        for words in EMPLOYER_WORDS:
            assert words not in text, words
        assert "Organisation\n:   Not stated" in text
        assert "JobPosting" not in text and "hiringOrganization" not in text
    assert "# Care Worker\n\nBelfast\n" in page
    assert "Help service users with personal care, meals and medication" in page
    assert "This page does not say how to send an application.\n" in vacancy
    assert "**Questions:**" not in vacancy and "**Adjustments:**" not in vacancy
    assert "### Organisation not stated" in pages["index.md"]
    # the content health page groups its findings under no organisation's name
    assert "\n## Organisation not stated\n" in pages["content-health.md"]
    assert "[Care Worker](roles/care-worker/index.md), Belfast" in pages["index.md"]
    assert job_posting(site.vacancies["care-worker-2027"]) is None
    feed = atom_feed(site, SiteAddress("https://x.example/", "Careers", False)).decode()
    assert "Care Worker" not in feed
    word = [text for _, text in word_text(site, "care-worker")]
    assert "Role profile and person specification · Belfast" in word
    assert "Not stated" in word and not any("Example Council" in t for t in word)
    forms = forms_of(site, "care-worker")
    for stem, html in forms.items():
        text = parse(html).text
        assert 'class="org"' not in html and "Example Council" not in text, stem
        title = re.search(r"<title>([^<]*)</title>", html)
        assert title and title.group(1).endswith("Care Worker"), (stem, title)
        for words in ("data controller", "Guidance from", "Keeping this sheet"):
            assert words not in text, (stem, words)
    assert "anyone who works for the employer of this role?" in parse(
        forms["application-form"]).text


def test_an_open_vacancy_of_a_role_with_no_employer_is_warned_of_where_it_names_the_role(
        tmp_path: Path) -> None:
    code, said = report(content_of(tmp_path, "employer-not-stated"))
    assert code == 0
    assert said.startswith("content/vacancies/care-worker-2027.yaml:1:7: warning: $.role: "
                           "the role 'care-worker' does not state its organisation, so this "
                           "open vacancy has no JobPosting data")
    hint = said.splitlines()[1]
    assert "if the role's source names the employer" in hint and "otherwise nothing" in hint


def test_the_importer_keeps_a_partly_legible_method_cell_as_worded(tmp_path: Path) -> None:
    """A person specification table whose method cell is cut off: the methods that can be
    read go to assessed_by, the cell as worded to methods_partly_legible, with a review note."""
    spec = SpecBuilder(Methods(FIXTURES / "base", "example-council"))
    header = ("Criteria", "Essential / Desirable", "How assessed")
    rows = [header, ("Knowledge of safeguarding procedures.", "E", TRUNCATED),
            ("Experience of working with families.", "E", "Application form/ Interview")]
    for number, cells in enumerate(rows, start=1):
        spec.row(Block("row", " | ".join(cells), f"table 1, row {number}", cells=cells))
    spec.flush()
    cut, whole = spec.criteria
    assert (cut.methods, cut.methods_partly_legible) == (["application"], TRUNCATED)
    assert (whole.methods, whole.methods_partly_legible) == (
        ["application", "interview"], None)
    review: list[str] = []
    out = draft_criteria([cut, whole], review, [], [])
    assert out[0]["assessed_by"] == ["application"]
    assert out[0]["methods_partly_legible"] == TRUNCATED
    assert "methods_partly_legible" not in out[1]
    assert any("only partly legible" in note and TRUNCATED in note for note in review)


@pytest.mark.parametrize(("change", "where", "message"), [
    ("organisation_not_stated: true\n", "4:1: $: ", "'organisation' (Organisation) is missing"),
    ("organisation_not_stated: true\n", "5:26: $.organisation_not_stated: ",
     "the role names an organisation and also says its employer is not stated")])
def test_a_role_names_its_employer_or_says_its_source_names_none(
        tmp_path: Path, change: str, where: str, message: str) -> None:
    content = content_of(tmp_path, "employer-not-stated")
    role = content / "roles" / "care-worker.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace(change, "") if "missing" in message
                    else text.replace(change, change + "organisation: example-council\n"),
                    encoding="utf-8")
    code, said = report(content)
    assert code == 1
    lines = said.splitlines()
    line = next(ln for ln in lines if message in ln)
    assert line == f"content/roles/care-worker.yaml:{where}{message}"
    hint = lines[lines.index(line) + 1]
    assert "source" in hint and "example-council" not in hint


def test_a_wrong_value_in_each_new_field_is_located_with_a_hint_that_offers_no_words(
        tmp_path: Path) -> None:
    """methods_key, methods_partly_legible and organisation_not_stated: each mistake at its
    line and column, with a hint, and no hint offering the schema's example wording."""
    content = content_of(tmp_path, "partly-legible-methods")
    role = content / "roles" / "family-support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8")
                    .replace(f"methods_partly_legible: {TRUNCATED}", "methods_partly_legible: 12")
                    .replace("labels:\n", "labels:\n  methods_key: ''\n")
                    .replace("organisation: example-council\n", "organisation: example-council\n"
                             "organisation_not_stated: yes please\n"),
                    encoding="utf-8")
    code, said = report(content)
    assert code == 1
    lines = said.splitlines()
    found = {}
    for index, line in enumerate(lines):
        match = re.match(r"content/roles/family-support-worker\.yaml:(\d+):(\d+): "
                         r"\$\.(\S+): ", line)
        if match:
            hint = lines[index + 1]
            assert hint.startswith("    hint: ") and len(hint) > 16, line
            found[match.group(3)] = (int(match.group(1)), int(match.group(2)), hint)
    assert found["labels.methods_key"][:2] == (8, 16)
    assert found["person_specification.criteria[1].methods_partly_legible"][:2] == (24, 31)
    assert found["organisation_not_stated"][:2] == (6, 26)
    for _, _, hint in found.values():
        for example in ("Application form/ Int", "A = Application", "Interview"):
            assert example not in hint, hint


def test_the_editor_offers_each_new_field() -> None:
    from tests.editor.test_config import collection_fields

    role = {f["name"]: f for f in collection_fields("role")}
    assert role["organisation"]["widget"] == "relation"
    assert not role["organisation"]["required"]
    assert role["organisation_not_stated"]["widget"] == "boolean"
    spec = {f["name"]: f for f in role["person_specification"]["fields"]}
    criterion = {f["name"]: f for f in spec["criteria"]["fields"]}
    assert criterion["methods_partly_legible"]["widget"] == "string"
    labels = {f["name"]: f for f in role["labels"]["fields"]}
    assert labels["methods_key"]["widget"] == "string"
    organisation = {f["name"]: f for f in collection_fields("organisation")}
    assert organisation["default_scale"]["widget"] == "relation"
    assert not organisation["default_scale"]["required"]
    sheets = {f["name"]: f for f in organisation["scoring_sheets"]["fields"]}
    assert "if the organisation does not say" in sheets["retention_months"]["hint"]


KEYED = """\
Job Title: Highways Inspector

Person specification
Experience
- Experience of inspecting roads and footways (A/I)
- A full driving licence (A)
Key: A = Application form, I = Interview
"""


@pytest.mark.parametrize("key", [True, False])
def test_the_importer_keeps_the_sources_key_to_its_method_codes_and_makes_none(
        key: bool, tmp_path: Path) -> None:
    import io
    import shutil

    from generator.content.yamlload import load_file
    from generator.importer.command import run as import_run

    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "base", content)
    source = tmp_path / "highways-inspector.txt"
    source.write_text(KEYED if key else KEYED.replace("Key: A = Application form, I = Interview\n",
                                                      ""), encoding="utf-8")
    import_run([source], "example-council", content, out=io.StringIO(), err=io.StringIO())
    path = content / "roles" / "highways-inspector.yaml"
    doc, _ = load_file(path, str(path))
    assert doc is not None
    labels = doc.data.get("labels") or {}
    if key:
        assert labels == {"methods_key": "A = Application form, I = Interview",
                          "methods_as": "abbreviations"}
    else:
        assert "methods_key" not in labels and "Key" not in path.read_text(encoding="utf-8")
    assert [c["assessed_by"] for c in doc.data["person_specification"]["criteria"]] == [
        ["application", "interview"], ["application"]]
