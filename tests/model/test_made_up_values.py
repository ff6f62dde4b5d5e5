"""Issue 28, problem 9 follow-up: where a source is silent, the model says so and makes no
value up (a family criterion's methods, a criterion's category, a vacancy's country, a known
risk's answer, a framework level).

Each case in tests/model/made-up/ is laid over the base fixture.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.content.load import load
from generator.model import Site
from generator.render.site.pages import render_all
from tests.conftest import FIXTURES, ROOT, overlay
from tests.model.test_faithful import TODAY, forms_of, give_vacancy, report, word_text

CASES = Path(__file__).resolve().parent / "made-up"


@pytest.fixture(autouse=True)
def build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEPRINT_TODAY", TODAY)


def content_of(tmp: Path, case: str) -> Path:
    return overlay(FIXTURES / "base", CASES / case / "content", tmp)


def site_from(content: Path) -> Site:
    site = load(content).site
    assert site is not None
    return site


def _row(page: str, crit_id: str) -> str:
    """The table row (pipe table or stacked HTML row) of one criterion."""
    for row in page.split("<tr markdown>")[1:] + page.splitlines():
        if re.search(rf"(^\| {crit_id} \||>{crit_id}<)", row):
            return row
    raise AssertionError(f"no row for {crit_id}")


def test_a_family_criterion_without_methods_is_not_stated_unless_the_role_gives_a_default(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "family-methods")
    site = site_from(content)
    ward = {c.id: c for c in site.roles["ward-assistant"].person_spec.criteria}
    # The article never says how the work is judged: no application and interview made up.
    assert not ward["H1"].methods_stated and ward["H1"].assessed_by == ()
    assert not ward["H2"].methods_stated
    assert [m.id for m in ward["E1"].assessed_by] == ["interview"]
    porter = {c.id: c for c in site.roles["porter"].person_spec.criteria}
    assert [m.id for m in porter["H1"].assessed_by] == ["application"]  # the role's default
    family = {c.id: c for c in site.families["healthcare-support"].criteria}
    assert not family["H1"].methods_stated
    pages = render_all(site)
    page = pages["roles/ward-assistant/index.md"]
    assert "Not stated" in _row(page, "H1") and "Application" not in _row(page, "H1")
    assert "criterion is on no scoring sheet: H1, H2." in " ".join(page.split())
    assert "| H1 | A friendly, sensitive and positive approach. | Personal qualities | Essential " \
        "| Not stated |" in pages["families/healthcare-support.md"]
    code, text = report(content)
    assert code == 0
    warning = ("content/families/healthcare-support.yaml:4:5: warning: $.criteria[0]: family "
               "criterion 'H1' does not say how it is assessed, so it is on no scoring sheet of "
               "a role whose person specification does not say either")
    assert warning in text
    hint = text.split(warning, 1)[1].splitlines()[1]
    assert hint.startswith("    hint: when the source gives the method, copy it")
    assert "application" not in hint and "interview" not in hint  # no method offered
    assert "$.criteria[1]: family criterion 'H2'" in text


def test_the_shipped_family_says_its_article_never_gives_the_methods() -> None:
    site = site_from(ROOT / "content")
    family = site.families["prison-recovery-worker"]
    assert family.criteria and all(not c.methods_stated for c in family.criteria)
    page = render_all(site)["families/prison-recovery-worker.md"]
    assert "Application" not in page and "Interview" not in page
    assert page.count("| Not stated |") == len(family.criteria)


def test_criteria_under_no_heading_are_printed_under_none(tmp_path: Path) -> None:
    content = content_of(tmp_path, "no-category")
    give_vacancy(content, "care-assistant")
    site = site_from(content)
    spec = site.roles["care-assistant"].person_spec
    assert [c.category for c in spec.criteria] == ["", "", ""]
    page = render_all(site)["roles/care-assistant/index.md"]
    section = page[page.index("## Person specification"):page.index("## Example Council")]
    assert "###" not in section and "Other" not in section
    assert 'aria-label="Person specification"' in section  # the table's name has no category
    assert section.count("<tr markdown>") == 4  # the header and the three criteria
    word = word_text(site, "care-assistant")
    start = word.index(("h2", "Person specification"))
    end = word.index(("h2", "Example Council: values and statements"))
    assert [x for x in word[start:end] if x[0].startswith("h")] == [("h2", "Person specification")]
    assert "Other" not in str(word)
    for name, form in forms_of(site, "care-assistant").items():
        assert ">Other<" not in form and "Other</" not in form, name
    # Criteria under no heading come before any heading, not under the one above them.
    mixed = site.roles["senior-care-assistant"].person_spec.by_category()
    assert [(name, [c.id for c in crits]) for name, crits in mixed] == [
        ("", ["1", "3"]), ("Qualifications", ["2"])]
    page = render_all(site)["roles/senior-care-assistant/index.md"]
    assert page.index(">Experience of leading a shift.<") < page.index("### Qualifications")


def test_a_missing_country_is_asked_of_the_source_with_none_offered(tmp_path: Path) -> None:
    code, text = report(content_of(tmp_path, "country"))
    assert code == 1
    problem = ("content/vacancies/support-worker-2027.yaml:1:1: $: an open vacancy needs the "
               "country where the job is")
    assert problem in text
    hint = text.split(problem, 1)[1].splitlines()[1]
    assert hint == ("    hint: add  country:  to the vacancy or to its organisation, as the "
                    "two-letter code (ISO 3166-1) of the country the source gives for the job; "
                    "if the source does not name it, ask the employer")
    assert not re.search(r"\b[A-Z]{2}\b", hint.replace("ISO", ""))  # no country offered
    # A country written out in full is refused as such, and not also called missing.
    assert "support-worker-2028.yaml:7:10: $.country: the text 'United Kingdom'" in text
    assert "support-worker-2028.yaml:1:1" not in text


def test_a_known_risk_the_form_leaves_blank_is_not_stated(tmp_path: Path) -> None:
    site = site_from(content_of(tmp_path, "known-risks"))
    role = site.roles["caretaker"]
    assert [(a.item.id, a.answer) for a in role.known_risks] == [("asbestos", "not stated")]
    page = render_all(site)["roles/caretaker/index.md"]
    assert "| A | Is likely to be exposed to asbestos | Not stated |" in page
    word = word_text(site, "caretaker")
    start = word.index(("h2", "Known risks"))
    assert ("", "Not stated") in word[start:start + 12]
    assert not {("", "YES"), ("", "NO"), ("", "not stated")} & set(word[start:start + 12])


def test_a_known_risk_answer_is_asked_of_the_form_with_none_offered(tmp_path: Path) -> None:
    code, text = report(content_of(tmp_path, "known-risks-invalid"))
    assert code == 1
    assert ("content/roles/caretaker.yaml:4:5: $.known_risks[0]: needs 'answer' or 'details'\n"
            "    hint: add the one the source gives, or  answer: not stated  where it leaves it "
            "blank\n") in text
    assert ("content/roles/cleaner.yaml:5:13: $.known_risks[0].answer: the text 'Yes' is not one "
            "of: YES, NO, not stated\n    hint: did you mean 'YES'?\n") in text
    assert ("content/roles/porter.yaml:4:5: $.known_risks[0]: item 'asbestos' needs an answer\n"
            "    hint: copy the answer the employer's form gives, \"YES\" or \"NO\" in quotes; "
            "where the form leaves it blank, write  answer: not stated\n") in text


def test_a_level_marked_not_defined_is_asked_of_the_source(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base",
                      ROOT / "tests/content/fixtures/invalid/undefined-levels/content", tmp_path)
    code, text = report(content)
    assert code == 1
    problem = ("content/roles/levels.yaml:9:12: $.competencies[1].level: level 4 of the "
               "competency 'communication' is marked not defined\n")
    hint = text.split(problem, 1)[1].splitlines()[0]
    # The hint asks for the source's level: it neither invites choosing another nor names one.
    assert hint == ("    hint: write the level the source gives for the role, not another that "
                    "has indicators; if it gives this one, add its indicators from the "
                    "framework's source")
    assert not re.search(r"\d|choose", hint)
