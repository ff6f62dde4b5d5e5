"""Issue 15 point 2, piece by piece: labels, salaries, dates, DBS, methods, numbers, names."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer import header
from generator.importer.assess import Methods, requirement, trailing_methods
from generator.importer.blocks import split_number
from generator.importer.command import draft_id
from generator.importer.labels import split_label
from generator.importer.wordnumbers import _format

CONTENT = Path(__file__).resolve().parents[1] / "content"


@pytest.mark.parametrize(("text", "expected"), [
    ("£19,500 per annum", {"min": 19500, "max": 19500, "period": "year"}),
    ("£24,000 – £26,500 pro rata", {"min": 24000, "max": 26500, "period": "not stated",
                                    "pro_rata": True}),
    ("£10.50 per hour", {"min": 10.5, "max": 10.5, "period": "hour"}),
    ("Estimated £30,000 a year, depending on experience",
     {"min": 30000, "max": 30000, "period": "year", "estimated": True,
      "depends_on_experience": True}),
    ("Band 9", {}),
])
def test_salary_keeps_its_wording_and_reads_only_what_it_says(text: str, expected: dict) -> None:  # type: ignore[type-arg]
    assert header.salary(text) == {"text": text, **expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("June 2019", "2019-06"), ("15 January 2025", "2025-01-15"), ("04/2024", "2024-04"),
    ("2019-06", "2019-06"), ("Summer 2019", None), ("31/13/2020", None),
])
def test_dates(text: str, expected: str | None) -> None:
    assert header.month(text) == expected


@pytest.mark.parametrize(("text", "level"), [
    ("Enhanced with barred list check", "enhanced-with-barred-list"), ("Enhanced", "enhanced"),
    ("Basic", "basic"), ("Not required", "none"),
])
def test_dbs_levels(text: str, level: str) -> None:
    role: dict = {}  # type: ignore[type-arg]
    assert header.apply(role, "dbs", text)
    assert role == {"pre_employment_checks": {"dbs": level}}


def test_unreadable_dbs_is_not_guessed() -> None:
    role: dict = {}  # type: ignore[type-arg]
    assert not header.apply(role, "dbs", "To be confirmed by HR")
    assert role == {}


@pytest.mark.parametrize(("text", "found"), [
    ("Grade: Band 9", ("grade", "Grade", "Band 9")),
    ("Post No.: D13002", ("post_number", "Post No.", "D13002")),
    ("Responsible to: Team Leader", ("reports_to", "Responsible to", "Team Leader")),
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
