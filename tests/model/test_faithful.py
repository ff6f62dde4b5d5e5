"""Issue 13, points 1 to 8: real job descriptions held as they are written.

Each case in tests/model/fixtures/ is laid over the base fixture; the build's date is fixed at
15 January 2027 (ROLEPRINT_TODAY). Run `python -m tests.model.test_faithful` to rewrite the
expected reports.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator.cli import run
from generator.content.load import load
from generator.core.text import markdown_safe, markdown_to_html
from generator.model import ImportReview, Site
from generator.model.autoid import criterion_ids
from generator.render.exports.formdoc import application_document
from generator.render.exports.profile import profile_blocks
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.render import form_pages
from generator.render.site.jsonld import job_posting
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign
from tests.conftest import FIXTURES, ROOT, overlay
from tests.support.site import read_back, stacked_rows

TODAY = "2027-01-15"  # the build's date for these cases
MODEL = Path(__file__).resolve().parent / "fixtures"
CASES = sorted(p.name for p in MODEL.iterdir() if p.is_dir())
NOTE_MARK = "7f3a"  # every internal note in the fixtures holds it


@pytest.fixture(autouse=True)
def build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEPRINT_TODAY", TODAY)


def content_of(tmp: Path, *cases: str) -> Path:
    """The base fixture with the cases' files laid over it."""
    content = overlay(FIXTURES / "base", MODEL / cases[0] / "content", tmp)
    for case in cases[1:]:
        shutil.copytree(MODEL / case / "content", content, dirs_exist_ok=True)
    return content


def give_vacancy(content: Path, role_id: str) -> None:
    """Add a draft vacancy for the role: only a role with a vacancy has forms on the site."""
    (content / "vacancies").mkdir(exist_ok=True)
    (content / "vacancies" / f"{role_id}-forms.yaml").write_text(
        f"role: {role_id}\nstatus: draft\n", encoding="utf-8")


def report(content: Path) -> tuple[int, str]:
    """`roleprint validate` run beside the content, as the expected reports were made."""
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(content.parent)
    try:
        with contextlib.redirect_stdout(out):
            code = run(["validate", "--content", "content"])
    finally:
        os.chdir(cwd)
    return code, out.getvalue()


def site_of(tmp: Path, case: str) -> Site:
    site = load(content_of(tmp, case)).site
    assert site is not None
    return site


def forms_of(site: Site, role_id: str) -> dict[str, str]:
    return dict(form_pages(campaign(site, site.roles[role_id])))


def word_text(site: Site, role_id: str) -> list[tuple[str, str]]:
    """The Word export's paragraphs as (style, text), table cells included."""
    return _block_texts(profile_blocks(site, site.roles[role_id]))


def _block_texts(blocks: list[Any]) -> list[tuple[str, str]]:
    """Word export blocks as (style, text), table cells included."""
    found: list[tuple[str, str]] = []
    for block in blocks:
        if block[0] == "h":
            found.append((f"h{block[1]}", "".join(r[0] for r in block[2])))
        elif block[0] == "p":
            found.append((block[1], "".join(r[0] for r in block[2])))
        else:
            found += [("th", name) for name in block[2]]
            found += [(style, "".join(r[0] for r in runs))
                      for row in block[3] for cell in row for style, runs in cell]
    return found


@pytest.mark.parametrize("case", CASES)
def test_case_gives_its_expected_report(case: str, tmp_path: Path) -> None:
    code, text = report(content_of(tmp_path, case))
    assert text == (MODEL / case / "expected.txt").read_text(encoding="utf-8")
    assert code == (1 if case.endswith("-invalid") else 0)  # warnings alone exit 0


def test_warnings_do_not_block_a_build_and_are_printed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    content = content_of(tmp_path, "not-stated", "vacancies")
    monkeypatch.chdir(ROOT)
    site_dir = tmp_path / "site"
    assert run(["build", "--content", str(content), "--site-dir", str(site_dir), "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert "warning: $.person_specification.criteria[2].assessed_by: criterion 'E2'" in err
    assert "warning: $.closing_date: the vacancy is open but its closing date" in err
    assert (site_dir / "roles" / "band-4-administrator" / "index.html").exists()
    assert run(["validate", "--content", str(content), "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["valid"] is True
    assert [p["severity"] for p in body["problems"]] == ["warning", "warning"]
    assert body["summary"].endswith("are valid, with 2 warnings.")


def test_the_build_date_is_pinned_or_today_in_the_uk() -> None:
    from generator.core.clock import has_passed, today, uk_offset

    assert today({"ROLEPRINT_TODAY": "2027-01-15", "SOURCE_DATE_EPOCH": "0"}) == "2027-01-15"
    assert today({"SOURCE_DATE_EPOCH": "1799971200"}) == "2027-01-15"
    assert len(today({})) == 10
    assert has_passed("2027-01-14", "2027-01-15") and not has_passed("2027-01-15", "2027-01-15")
    assert has_passed("2026-12", "2027-01-15") and not has_passed("2027-01", "2027-01-15")
    assert uk_offset("2027-01-15") == "+00:00" and uk_offset("2027-07-01", "12:00") == "+01:00"


# Point 1: "not stated" --------------------------------------------------------------------

def test_not_stated_is_shown_as_not_stated_and_never_guessed(tmp_path: Path) -> None:
    site = site_of(tmp_path, "not-stated")
    page = render_all(site)["roles/band-4-administrator/index.md"]
    rows = stacked_rows(page)
    assert ["N1", "Previous experience in an NHS setting.", "Not stated",
            "Application, Interview"] in rows
    assert ["E2", "Ability to touch type at 40 words a minute.", "Essential", "Not stated"] in rows
    assert "DBS check\n:   Not stated" in page
    assert "- Issued: Not stated" in page
    assert "£26,530 to £29,114 (period not stated)" in page
    vacancy = read_back(render_all(site))["vacancies/band-4-administrator-2026/index.md"]
    assert "Reference\n:   Not stated" in vacancy
    word = dict((text, style) for style, text in word_text(site, "band-4-administrator"))
    assert "Not stated" in word and "Issued: Not stated" in word
    assert "£26,530 to £29,114 (period not stated)" in word


def test_criterion_without_a_method_is_on_no_sheet(tmp_path: Path) -> None:
    site = site_of(tmp_path, "not-stated")
    role = site.roles["band-4-administrator"]
    assert [c.id for c in role.person_spec.criteria] == ["E1", "N1", "E2", "D1"]
    assert [c.id for c in role.person_spec.unassessed] == ["E2"]
    forms = forms_of(site, "band-4-administrator")
    for stem in ("application-form", "shortlisting", "interview", "moderation"):
        assert 'id="row-E2"' not in forms[stem] and "touch type" not in forms[stem], stem
    assert "touch type" not in json.dumps(shortlisting_book(site, role))
    # The not-stated requirement is scored and labelled as such, not passed off as desirable.
    row = re.search(r'<th scope="row" class="cid">N1</th>\s*<td><span class="kind">([^<]+)<',
                    forms["shortlisting"])
    assert row is not None and row.group(1) == "Essential or desirable: not stated"


def test_ids_are_given_in_order_and_stay_when_one_is_added_at_the_end() -> None:
    criteria = [{"requirement": "essential"}, {"requirement": "desirable"},
                {"id": "E2", "requirement": "essential"}, {"requirement": "essential"},
                {"requirement": "not stated"}]
    assert criterion_ids(criteria) == ["E1", "D1", "E2", "E3", "N1"]
    longer = criterion_ids([*criteria, {"requirement": "essential"}])
    assert longer[:5] == ["E1", "D1", "E2", "E3", "N1"] and longer[5] == "E4"
    assert criterion_ids([{"requirement": "essential"}], taken=["E1"]) == ["E2"]


# Point 2: sub-items and links ----------------------------------------------------------------

def test_sub_items_are_lists_on_the_page_forms_word_and_excel(tmp_path: Path) -> None:
    site = site_of(tmp_path, "sub-items")
    page = render_all(site)["roles/recovery-worker/index.md"]
    assert ("including<ul><li>Active listening</li><li>Clear written communication<ul>"
            "<li>Case notes</li><li>Letters to partner agencies</li></ul></li>") in page
    forms = forms_of(site, "recovery-worker")
    nested = ('<ul class="subitems"><li>Active listening</li><li>Clear written communication'
              '<ul class="subitems"><li>Case notes</li>')
    for stem in ("application-form", "shortlisting", "interview"):
        assert nested in forms[stem], stem
    word = word_text(site, "recovery-worker")
    assert ("bullet:1", "Active listening") in word and ("bullet:2", "Case notes") in word
    book = json.dumps(shortlisting_book(site, site.roles["recovery-worker"]),
                      ensure_ascii=False)
    assert "including\\n• Active listening\\n• Clear written communication\\n    • Case notes" \
        in book


def test_autolinks_are_published_as_links_and_nothing_else_is() -> None:
    text = "See <https://www.example.org/values> and <javascript:alert(1)> and <b>"
    assert markdown_safe(text) == ("See <https://www.example.org/values> and "
                                   "&lt;javascript:alert(1)&gt; and &lt;b&gt;")
    html = markdown_to_html(text)
    assert '<a href="https://www.example.org/values"' in html
    assert "&lt;javascript:alert(1)&gt;" in html and "<b>" not in html


# Point 3: terms and benefits ----------------------------------------------------------------

def test_terms_and_benefits_on_pages_word_and_job_posting(tmp_path: Path) -> None:
    site = site_of(tmp_path, "terms")
    pages = render_all(site)
    role = pages["roles/charity-support-worker/index.md"]
    for line in ("- **Annual leave:** 25 days rising to 30 days after five years' service, "
                 "plus bank holidays",
                 "- **Pension:** Workplace pension with 5% employer contribution",
                 "- Cycle to work scheme",
                 "- **Where the work is done:** Hybrid (some on site, some remote): Two days a "
                 "week in the Bristol office",
                 "- **Visa sponsorship:** Not available for this job",
                 "£23,500 a year (estimated, pro rata)"):
        assert line in role, line
    vacancy = pages["vacancies/charity-support-worker-2027/index.md"]
    assert "- **Where the work is done:** Remote: Work from home anywhere in the UK" in vacancy
    assert "- **Pension:** Workplace pension" in vacancy  # the role's, under the vacancy's own
    data = job_posting(site.vacancies["charity-support-worker-2027"])
    assert data is not None
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "GB"}
    assert data["jobBenefits"].startswith("Annual leave: 25 days rising to 30 days")
    assert "Cycle to work scheme" in data["jobBenefits"]
    word = [text for _, text in word_text(site, "charity-support-worker")]
    assert "Terms and benefits" in word
    assert "Visa sponsorship: Not available for this job" in word


# Issue 28, point 5: who may apply ----------------------------------------------------------------

WHO_MAY_APPLY = """## Terms and benefits

- **Visa sponsorship:** Not stated

If it is identified that you require sponsorship and the role is not eligible for it, your \
application may be withdrawn.

### Who may apply

This job is broadly open to the following groups:

- UK nationals
- nationals of the Republic of Ireland
- nationals of Commonwealth countries who have the right to work in the UK

Further information on nationality requirements is in the candidate pack.
""".replace("\\\n", "")


def _terms_section(page: str) -> str:
    """The terms section, up to the next heading of its level or the page's script."""
    start = page.index("## Terms and benefits")
    ends = [page.find(mark, start) for mark in ("\n## ", "\n<")]
    return page[start:min(e for e in ends if e > 0)].rstrip("\n") + "\n"


def test_who_may_apply_and_the_visa_sentence_in_the_sources_words(tmp_path: Path) -> None:
    site = site_of(tmp_path, "who-may-apply")
    pages = render_all(site)
    # The terms say exactly what the advert says: nothing added, and "not stated" stays so.
    assert _terms_section(pages["roles/policy-adviser/index.md"]) == WHO_MAY_APPLY
    assert _terms_section(pages["vacancies/policy-adviser-2027/index.md"]) == WHO_MAY_APPLY
    data = job_posting(site.vacancies["policy-adviser-2027"])
    assert data is not None
    assert data["eligibilityToWorkRequirement"] == (
        "This job is broadly open to the following groups:\nUK nationals\n"
        "nationals of the Republic of Ireland\n"
        "nationals of Commonwealth countries who have the right to work in the UK\n"
        "Further information on nationality requirements is in the candidate pack.")
    assert "sponsorship" not in json.dumps(data)  # the sentence is not a requirement to work
    form = forms_of(site, "policy-adviser")["application-form"]
    section = form[form.index('id="s2-title"'):form.index('id="s3-title"')]
    assert '<div class="md" id="who-may-apply"><p><strong>Who may apply</strong></p><p>This job ' \
        "is broadly open to the following groups:</p>\n<ul>\n<li>UK nationals</li>" in section
    assert section.index("who-may-apply") < section.index("right-to-work")
    assert ("<p>If it is identified that you require sponsorship and the role is not eligible "
            "for it, your application may be withdrawn.</p>") in section
    assert section.index("visa-statement") < section.index('"sponsorship')
    form_word = [text for style, text in _block_texts(application_document(form)["blocks"])]
    start = form_word.index("Who may apply")
    assert form_word[start:start + 3] == [
        "Who may apply", "This job is broadly open to the following groups:", "UK nationals"]
    assert ("If it is identified that you require sponsorship and the role is not eligible for "
            "it, your application may be withdrawn.") in form_word
    word = word_text(site, "policy-adviser")
    start = word.index(("h2", "Terms and benefits"))
    assert word[start:start + 8] == [
        ("h2", "Terms and benefits"), ("bullet:1", "Visa sponsorship: Not stated"),
        ("", "If it is identified that you require sponsorship and the role is not eligible "
             "for it, your application may be withdrawn."),
        ("h3", "Who may apply"),
        ("", "This job is broadly open to the following groups:"),
        ("bullet:1", "UK nationals"), ("bullet:1", "nationals of the Republic of Ireland"),
        ("bullet:1", "nationals of Commonwealth countries who have the right to work in the UK")]
    assert word[start + 8] == (
        "", "Further information on nationality requirements is in the candidate pack.")


def test_a_role_without_who_may_apply_has_no_such_heading_or_property(tmp_path: Path) -> None:
    site = site_of(tmp_path, "terms")
    assert "Who may apply" not in render_all(site)["roles/charity-support-worker/index.md"]
    give_vacancy_form = forms_of(site, "charity-support-worker")["application-form"]
    assert "who-may-apply" not in give_vacancy_form and "visa-statement" not in give_vacancy_form
    data = job_posting(site.vacancies["charity-support-worker-2027"])
    assert data is not None and "eligibilityToWorkRequirement" not in data


# Point 4: the employer's own words -------------------------------------------------------------

def test_employer_labels_category_descriptions_and_method_key(tmp_path: Path) -> None:
    site = site_of(tmp_path, "labels")
    page = render_all(site)["roles/social-worker/index.md"]
    for heading in ("Department\n:   Children's Services", "## Role overview", "## Job purpose",
                    "## Main duties", "## Person specification (what we are looking for)",
                    "## Behaviours",
                    "**Key to M.O.A.:** A = Application; I = Interview; T = Test."):
        assert heading in page, heading
    rows = stacked_rows(page)
    assert ["Id", "Attributes", "E/D", "M.O.A."] in rows
    assert ["E2", "Working with the courts.", "Essential", "I, T"] in rows
    assert 'data-label="E/D"' in page and 'data-label="M.O.A."' in page
    for standard in ("## Context", "## Purpose", "## Accountabilities", "Directorate"):
        assert standard not in page, standard
    assert page.count("e.g. paid or voluntary work, placements during training") == 1
    word = [text for _, text in word_text(site, "social-worker")]
    assert "Role overview" in word and "Behaviours" in word and "M.O.A." in word
    assert "Key to M.O.A.: A = Application; I = Interview; T = Test." in word
    assert word.count("e.g. paid or voluntary work, placements during training") == 1
    interview = forms_of(site, "social-worker")["interview"]
    assert '<h2 id="group-2">Behaviours</h2>' in interview
    assert "For each criterion or behaviour" in interview


# Point 5: internal notes (and an import review, issue 27) are never published ----------

def _texts(site_dir: Path) -> dict[str, str]:
    """Every output file's text: PDFs through pdftotext, Word and Excel through their XML."""
    found = {}
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site_dir).as_posix()
        if path.suffix == ".pdf":
            found[name] = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                                         capture_output=True, text=True).stdout
        elif path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(path) as archive:
                found[name] = "".join(archive.read(n).decode("utf-8", "replace")
                                      for n in archive.namelist())
        else:
            found[name] = path.read_bytes().decode("utf-8", "replace")
    return found


def test_internal_notes_appear_in_no_published_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    content = content_of(tmp_path, "internal-notes", "sub-items")
    give_vacancy(content, "recovery-worker")  # for its forms, and so its sheets' PDFs
    site = load(content).site
    assert site is not None
    assert NOTE_MARK in (site.roles["notes-role"].internal_notes or "")  # kept in the record
    assert NOTE_MARK in (site.vacancies["notes-role-2027"].internal_notes or "")
    # The import review's words (issue 27) are kept out of the model altogether.
    assert site.roles["notes-role"].review == ImportReview((1,), (0,))
    assert NOTE_MARK not in repr(site.roles["notes-role"].review)
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache"))
    assert run(["build", "--content", str(content), "--site-dir", str(tmp_path / "site")]) == 0
    texts = _texts(tmp_path / "site")
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".pdf", ".docx", ".xlsx", ".csv", ".json"} <= kinds
    assert [name for name, text in texts.items() if NOTE_MARK in text] == []
    # The page, the search index and the PDF all hold the criterion's sub-items as a list.
    shortlisting = texts["roles/recovery-worker/forms/shortlisting.pdf"]
    assert "Active listening" in shortlisting and "Case notes" in shortlisting
    page = texts["roles/recovery-worker/index.html"]
    assert "<li>Clear written communication<ul><li>Case notes</li>" in page
    assert '<a href="https://www.example.org/values">' in page


# Point 6: sheets that say nothing ----------------------------------------------------------

def test_sheets_with_no_rows_are_left_out_and_the_page_says_why(tmp_path: Path) -> None:
    """The panel's page (the panel's sheets are there, not on the role's page) says why."""
    content = content_of(tmp_path, "sheets")
    give_vacancy(content, "checks-only")
    site = load(content).site
    assert site is not None
    assert list(forms_of(site, "checks-only")) == ["application-form", "equality-monitoring"]
    pages = render_all(site)
    assert 'href="forms/application-form.html"' in pages["roles/checks-only/index.md"]
    page = pages["roles/checks-only/panel/index.md"]
    assert "forms/shortlisting.html" not in page and "forms/interview.html" not in page
    assert "forms/moderation.html" not in page
    assert "checks-only-shortlisting.xlsx" not in page
    assert ("There is no shortlisting sheet or workbook: no criterion is assessed from the "
            "application.") in page
    assert ("There is no interview or moderation sheet: no criterion or competency is assessed "
            "at interview.") in page


def test_boilerplate_follows_the_scale(tmp_path: Path) -> None:
    site = site_of(tmp_path, "sheets")
    sheet = forms_of(site, "essentials-met")["shortlisting"]
    assert "Essential criteria are not scored" in sheet
    assert "Write a score from" not in sheet and "Total score" not in sheet
    assert "Essential criteria are a gate" not in sheet  # the scale has no gate
    assert "Meets all essential criteria?" not in sheet
    book = shortlisting_book(site, site.roles["essentials-met"])
    how_to = " ".join(row[0] for row in book["sheets"][-1]["rows"])
    assert "Essential criteria are not scored" in how_to
    assert "in each criterion's column" not in how_to and "a gate" not in how_to


# Point 7: frameworks as they are written ------------------------------------------------------

def test_frameworks_keep_the_sources_wording(tmp_path: Path) -> None:
    site = site_of(tmp_path, "frameworks")
    page = render_all(site)["frameworks/digital-capability.md"]
    assert "### Level 3: Expert\n\nThis skill level is currently not defined\n" in page
    assert "| This skill level is currently not defined |" in page
    assert "**Needed by, as the framework names them:** Delivery manager; Service owner." in page
    section = page.split("## User research", 1)[1]
    assert "No role requires this yet" not in section
    levels = page.split("## Levels", 1)[1].split("## Competencies", 1)[0]
    assert "No behavioural indicators are given" not in levels


# Point 8: vacancies as job boards publish them -----------------------------------------------

def test_open_vacancy_has_what_google_requires(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vacancies")
    data = job_posting(site.vacancies["peer-mentor-2027"])
    assert data is not None
    assert data["datePosted"] == "2027-01-04"
    assert data["validThrough"] == "2027-02-15T23:59:00+00:00"  # Greenwich Mean Time
    assert data["jobLocation"][0]["address"]["addressCountry"] == "GB"
    assert data["description"] == ("<p>Help people in recovery to rebuild their lives, drawing "
                                   "on your own experience.</p>")
    assert "identifier" not in data  # the listing has no reference
    page = render_all(site)["vacancies/peer-mentor-2027/index.md"]
    assert "# Peer Mentor\n\nHelp people in recovery to rebuild their lives" in page


def test_open_vacancy_past_its_closing_date_is_shown_closed(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vacancies")
    vacancy = site.vacancies["peer-mentor-2026"]
    assert vacancy.status == "open" and vacancy.expired and not vacancy.is_open
    assert job_posting(vacancy) is None
    pages = read_back(render_all(site))
    page = pages["vacancies/peer-mentor-2026/index.md"]
    assert '!!! warning "Closed"' in page and "ld+json" not in page
    assert "Status\n:   Closed" in page
    role = pages["roles/peer-mentor/index.md"]
    assert "Open for applications until 15 February 2027" in role  # the other, still open
    # Listed under "Closed vacancies", apart from the open one, and saying it is closed.
    closed = role.split("### Closed vacancies\n")[1].split("\n#")[0]
    assert "Reference: PM-26<br>\n  Status: **Closed**" in closed
    assert "Closing date: 1 December 2026 at 12:00<br>" in closed
    assert "15 February 2027" not in closed
    opened = role.split("### Open vacancies\n")[1].split("### Closed vacancies")[0]
    assert "PM-26" not in opened and "Status: **Open**" in opened


# Editor help --------------------------------------------------------------------------------

def _properties(node: object, path: str) -> list[tuple[str, dict[str, object]]]:
    """Every property of a schema, however deep, with where it is."""
    found: list[tuple[str, dict[str, object]]] = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            found += [(f"{path}.{name}", prop), *_properties(prop, f"{path}.{name}")]
        for key in ("items", "anyOf", "definitions"):
            value = node.get(key)
            children = (value.items() if isinstance(value, dict) and key == "definitions"
                        else enumerate(value) if isinstance(value, list)
                        else [("[]", value)] if isinstance(value, dict) else [])
            for label, child in children:
                found += _properties(child, f"{path}/{label}")
    return found


def test_every_schema_property_has_title_description_and_examples() -> None:
    missing = [(where, key) for schema in sorted((ROOT / "schemas").glob("*.json"))
               for where, prop in _properties(json.loads(schema.read_text("utf-8")), schema.name)
               for key in ("title", "description", "examples") if key not in prop]
    assert missing == []


def main() -> None:
    """Rewrite each case's expected.txt; read every diff before committing it."""
    import tempfile

    os.environ["ROLEPRINT_TODAY"] = TODAY
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            _, text = report(content_of(Path(tmp), case))
        (MODEL / case / "expected.txt").write_text(text, encoding="utf-8")
        print(f"{case}: {text.count(chr(10))} lines")


if __name__ == "__main__":
    main()
