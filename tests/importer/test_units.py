"""Issue 15 point 2, piece by piece: labels, salaries, dates, DBS, methods, numbers, names."""

from __future__ import annotations

import pytest

from generator.importer import header
from generator.importer.assess import Methods, requirement, trailing_methods
from generator.importer.blocks import Block, split_number
from generator.importer.command import draft_id
from generator.importer.extras import Organisation
from generator.importer.labels import split_label
from generator.importer.structure import Walker
from generator.importer.wordnumbers import _format
from tests.conftest import CONTENT


@pytest.mark.parametrize(("text", "expected"), [
    ("£19,500 per annum", {"min": 19500, "max": 19500, "period": "year"}),
    ("£24,000 – £26,500 pro rata", {"min": 24000, "max": 26500, "period": "not stated",
                                    "pro_rata": True}),
    ("£10.50 per hour", {"min": 10.5, "max": 10.5, "period": "hour"}),
    ("Estimated £30,000 a year, depending on experience",
     {"min": 30000, "max": 30000, "period": "year", "estimated": True,
      "depends_on_experience": True}),
    ("Band 9", {}),
    ("£24k – £26.5k per annum", {"min": 24000, "max": 26500, "period": "year"}),
    ("Up to £28,000 per annum", {"max": 28000, "period": "year"}),
    ("From £9.50 an hour", {"min": 9.5, "period": "hour"}),
    ("Band 5 (£24,000 to £26,000 a year)", {"min": 24000, "max": 26000, "period": "year"}),
    ("£22,000 p.a.", {"min": 22000, "max": 22000, "period": "year"}),
    ("£23,000 plus benefits", {"min": 23000, "max": 23000, "period": "not stated"}),
])
def test_salary_keeps_its_wording_and_reads_only_what_it_says(text: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert header.salary(text) == {"text": text, **expected}


@pytest.mark.parametrize("text", [
    "£24,000 plus £2,000 London weighting",  # an allowance is not the top of a range
    "£12,000 (£24,000 FTE)",  # what is paid beside the full-time figure
    "£24,000 per annum pro rata (£12,000 actual)",
    "£24,000, £25,000 or £26,000",  # three figures
    "£10 per hour or £19,500 per annum",  # two periods
    "£26,000 – £24,000",  # a range the wrong way round
    "24,000 to 26,000",  # no £: not read as pounds
])
def test_salary_figures_not_read_with_confidence_are_left_out(text: str) -> None:
    role: dict = {}  # type: ignore[type-arg]
    result = header.apply(role, "salary", text)
    assert result.placed and result.doubt is not None and text in result.doubt
    assert set(role["salary"]) - {"pro_rata"} == {"text"}  # the wording only, no figures
    assert role["salary"]["text"] == text


@pytest.mark.parametrize(("text", "expected"), [
    ("June 2019", "2019-06"), ("15 January 2025", "2025-01-15"), ("04/2024", "2024-04"),
    ("2019-06", "2019-06"), ("Summer 2019", None), ("31/13/2020", None),
    ("31 February 2024", None), ("2019-13", None), ("0 June 2019", None),
    ("29 February 2024", "2024-02-29"),
])
def test_dates(text: str, expected: str | None) -> None:
    assert header.month(text) == expected


@pytest.mark.parametrize(("text", "level"), [
    ("Enhanced with barred list check", "enhanced-with-barred-list"), ("Enhanced", "enhanced"),
    ("Basic", "basic"), ("Not required", "none"),
])
def test_dbs_levels(text: str, level: str) -> None:
    role: dict = {}  # type: ignore[type-arg]
    assert header.apply(role, "dbs", text) == header.Result(True)
    assert role == {"pre_employment_checks": {"dbs": level}}


@pytest.mark.parametrize(("text", "why"), [
    ("To be confirmed by HR", "does not name a level"), ("Yes", "does not name a level"),
    ("Standard or enhanced, depending on the team", "names more than one level"),
])
def test_unreadable_dbs_is_not_guessed(text: str, why: str) -> None:
    role: dict = {}  # type: ignore[type-arg]
    result = header.apply(role, "dbs", text)
    assert not result.placed and result.doubt is not None and why in result.doubt
    assert role == {}


def test_blank_form_fields_say_not_stated_only_where_the_schema_allows() -> None:
    role: dict = {}  # type: ignore[type-arg]
    assert header.blank(role, "dbs") and header.blank(role, "next_review")
    assert not header.blank(role, "hours")  # the schema has no "not stated" for hours
    assert role == {"pre_employment_checks": {"dbs": "not stated"},
                    "dates": {"next_review": "not stated"}}
    assert not header.blank(role, "dbs")  # already set: left as it is


def test_places_split_only_at_semicolons() -> None:
    role: dict = {}  # type: ignore[type-arg]
    header.apply(role, "locations", "Bristol; Bath")
    header.apply(role, "reports_to", "Director of Care or Operations")
    assert role == {"locations": ["Bristol", "Bath"],
                    "reports_to": ["Director of Care or Operations"]}
    header.apply(role, "locations", ";")  # never an empty list, which the schema refuses
    assert role["locations"] == [";"]


def test_unreadable_date_is_kept_for_a_person() -> None:
    role: dict = {}  # type: ignore[type-arg]
    result = header.apply(role, "reviewed", "Spring 2024")
    assert not result.placed and result.doubt is not None and "Spring 2024" in result.doubt
    assert role == {}


@pytest.mark.parametrize(("text", "found"), [
    ("Grade: Band 9", ("grade", "Grade", "Band 9")),
    ("Post No.: D13002", ("post_number", "Post No.", "D13002")),
    ("Responsible to: Team Leader", ("reports_to", "Responsible to", "Team Leader")),
    ("Next review: April 2026", ("next_review", "Next review", "April 2026")),
    ("Note: this is not a label we know", None),
])
def test_labels(text: str, found: tuple[str, str, str] | None) -> None:
    assert split_label(text) == found


@pytest.mark.parametrize(("text", "methods"), [
    ("A/I", ["application", "interview"]), ("A, I, T", ["application", "interview", "test"]),
    ("A I T", ["application", "interview", "test"]),
    ("Application form and interview", ["application", "interview"]),
    ("AF & I", ["application", "interview"]), ("Certificates", ["certificates"]),
    ("X/Q", None), ("for example DipSW, RMN, CPN", None),
])
def test_methods_mapped_onto_the_organisation(text: str, methods: list[str] | None) -> None:
    assert Methods(CONTENT, "second-step").parse(text) == methods


def test_methods_after_a_criterion_and_a_dash_inside_it() -> None:
    methods = Methods(CONTENT, "forward-trust")
    assert trailing_methods("Proactivity – Quick thinking (A, I)", methods) == (
        "Proactivity – Quick thinking", ["application", "interview"])
    assert trailing_methods("Proactivity – Quick thinking", methods) == (
        "Proactivity – Quick thinking", None)
    assert trailing_methods("A qualification (for example DipSW, RMN)", methods)[1] is None


@pytest.mark.parametrize(("text", "found"), [("E", "essential"), ("Desirable", "desirable"),
                                             ("(D)", "desirable"), ("Experience", None)])
def test_requirement_marks(text: str, found: str | None) -> None:
    assert requirement(text) == found


@pytest.mark.parametrize(("text", "number", "rest"), [
    ("9. To develop staff", "9", "To develop staff"), ("1.2 Plan the work", "1.2", "Plan the work"),
    ("iv) Observation skills", "iv", "Observation skills"), ("(a) Budgets", "a", "Budgets"),
    ("A recognised qualification", None, "A recognised qualification"),
    ("• Numeracy", None, "Numeracy"),
])
def test_typed_numbers_and_bullets(text: str, number: str | None, rest: str) -> None:
    assert split_number(text)[:2] == (number, rest)


def test_word_number_formats() -> None:
    assert [_format(n, "lowerRoman") for n in (1, 4, 9, 14)] == ["i", "iv", "ix", "xiv"]
    assert _format(3, "upperLetter") == "C" and _format(2, "bullet") is None


def test_draft_names_are_always_valid_ids() -> None:
    assert draft_id("Supervised Contact Co-Ordinator", "x") == "supervised-contact-co-ordinator"
    assert draft_id("Index", "x") == "index-role"  # a name the site keeps for itself
    assert draft_id("not stated", "JD 2019 final (2)") == "jd-2019-final-2"
    assert len(draft_id("Senior " * 30, "x")) <= 80


def test_nationality_requirements_heading_goes_to_who_may_apply_word_for_word() -> None:
    org = "second-step"
    blocks = [Block("heading", "Policy Adviser", "paragraph 1", 1),
              Block("heading", "Nationality requirements", "paragraph 2", 2),
              Block("para", "This job is broadly open to the following groups:", "paragraph 3"),
              Block("item", "UK nationals", "paragraph 4", 1),
              Block("item", "nationals of the Republic of Ireland", "paragraph 5", 1)]
    found = Walker(Methods(CONTENT, org), Organisation(CONTENT, org)).run(blocks)
    assert found.role["terms"] == {"who_may_apply": (
        "This job is broadly open to the following groups:\n\n- UK nationals\n\n"
        "- nationals of the Republic of Ireland")}
    assert "who_may_apply" not in found.role and not found.to_place
    assert ("terms.who_may_apply", "paragraph 2", "high") in found.placed
