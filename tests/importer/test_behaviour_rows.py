"""Issue 28, problem 3 follow-up: the importer reads behaviours written on one line (a Civil
Service Jobs advert's "Behaviours: Working Together, Delivering at Pace", or the sentence under
a "Behaviours" heading followed by the names) and an NI care provider's person specification row
whose factor is a behavioural competency ("Yes" under Essential, "Interview / Practical
Assessment" under Assessment Method). Each name a loaded framework has becomes a competency with
no level made up; a name no framework has, and a method that cannot be read, are kept to place.
The fixtures (`fixtures/behaviour-rows`) give the organisations' frameworks."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from generator.content.yamlload import load_file
from generator.importer.assess import Methods
from generator.importer.blocks import Block
from generator.importer.command import run
from generator.importer.extras import Organisation
from generator.importer.structure import Walker
from generator.render.site.pages import render_all
from tests.conftest import FIXTURES, overlay
from tests.model.test_faithful import report
from tests.support.site import load_site

HERE = Path(__file__).parent / "fixtures" / "behaviour-rows"
ADVERTS = "example-department"
CARE = "example-care-provider"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return overlay(FIXTURES / "base", HERE / "content", tmp_path)


def imported(content: Path, source: str, organisation: str, role: str) -> dict[str, Any]:
    status = run([HERE / source], organisation, content, out=io.StringIO(), err=io.StringIO())
    assert status == 0
    doc, problems = load_file(content / "roles" / f"{role}.yaml", "draft")
    assert doc is not None, problems
    assert isinstance(doc.data, dict)
    return doc.data


def to_place(data: dict[str, Any]) -> list[str]:
    return [item["text"] for item in data["import_review"].get("to_place", [])]


def not_stated(*ids: str) -> list[dict[str, str]]:
    return [{"framework": "success-profiles-behaviours", "competency": i,
             "assessed_by": "not stated"} for i in ids]


def test_behaviours_labelled_on_one_line_become_competencies(content: Path) -> None:
    data = imported(content, "advert-labelled.txt", ADVERTS, "policy-adviser")
    # "Behaviours: Working Together, Delivering at Pace": no level, no method made up.
    assert data["competencies"] == not_stated("working-together", "delivering-at-pace")
    # The label is the line's heading, not words to place; nothing becomes a criterion.
    assert to_place(data) == []
    assert data["person_specification"] == {"introduction": (
        "This vacancy is using Success Profiles, and will assess your Behaviours and "
        "Experience.")}
    code, out = report(content)
    assert code == 0, out


def test_the_sentence_before_the_names_is_kept_and_an_unknown_name_is_not_dropped(
        content: Path) -> None:
    data = imported(content, "advert-sentence.txt", ADVERTS, "senior-policy-adviser")
    # "Developing Self and Others" is one behaviour, found after "… Big Picture and".
    assert data["competencies"] == not_stated(
        "working-together", "delivering-at-pace", "making-effective-decisions",
        "developing-self-and-others")
    # The advert's sentence, word for word as the one-name-per-line case keeps it, and the
    # behaviour no loaded framework has: to place, and never a criterion.
    assert to_place(data) == [
        "We'll assess you against these behaviours during the selection process:",
        "Seeing the Big Picture"]
    assert "person_specification" not in data
    code, out = report(content)
    assert code == 0, out
    assert "Seeing the Big Picture" not in out


def test_a_line_naming_no_loaded_behaviour_is_kept_whole(content: Path) -> None:
    walker = Walker(Methods(content, ADVERTS), Organisation(content, ADVERTS))
    line = ("We'll assess you against these behaviours during the selection process: "
            "Leadership, Seeing the Big Picture")
    found = walker.run([Block("heading", "Behaviours", "line 1"), Block("para", line, "line 2")])
    assert "competencies" not in found.role
    assert found.criteria == []
    assert found.to_place == [("line 2", line)]


def test_a_person_specification_row_naming_a_behaviour_is_an_essential_competency(
        content: Path) -> None:
    data = imported(content, "care-person-spec.md", CARE, "relief-care-worker")
    assert data["competencies"] == [
        {"framework": "care-behaviours", "competency": "meeting-service-user-needs",
         "requirement": "essential", "assessed_by": ["interview", "practical-assessment"]},
        {"framework": "care-behaviours", "competency": "respect-for-diversity",
         "requirement": "essential", "assessed_by": ["interview"]},
        # "Observed shadow shift" is no method the organisation has: not guessed.
        {"framework": "care-behaviours", "competency": "communication",
         "requirement": "essential", "assessed_by": "not stated"}]
    # The other rows are criteria, as before; a factor no framework has stays a criterion.
    criteria = data["person_specification"]["criteria"]
    assert [(c["text"], c["requirement"], c["assessed_by"]) for c in criteria] == [
        ("Experience of working in a care setting", "essential", ["application", "interview"]),
        ("Level 2 Diploma in Health and Social Care", "desirable", ["application"]),
        ("Working with Others", "essential", ["interview"])]
    # The method cell that could not be read is the source's words, kept for a person.
    assert to_place(data) == ["Observed shadow shift"]
    code, out = report(content)
    assert code == 0, out
    assert ("$.competencies[2].assessed_by: the competency 'communication' does not say how "
            "it is assessed") in out
    assert "competencies[0].assessed_by" not in out


def test_a_behaviour_named_in_the_factor_column_beside_its_indicators(content: Path) -> None:
    data = imported(content, "care-person-spec-criteria.md", CARE, "care-assistant")
    assert data["competencies"] == [
        {"framework": "care-behaviours", "competency": "meeting-service-user-needs",
         "requirement": "essential", "assessed_by": ["interview"]}]
    criteria = data["person_specification"]["criteria"]
    assert [(c["category"], c["text"]) for c in criteria] == [
        ("Experience", "Experience of supporting adults with a learning disability")]
    # The indicator written beside the behaviour is the source's, kept to place.
    assert to_place(data) == [
        "Places the service user's needs at the centre of all activities"]


def test_the_imported_row_shows_on_the_role_page_as_the_source_says(content: Path) -> None:
    imported(content, "care-person-spec.md", CARE, "relief-care-worker")
    path = content / "roles" / "relief-care-worker.yaml"
    text = path.read_text(encoding="utf-8")
    assert "status: draft\n" in text
    path.write_text(text.replace("status: draft\n", ""), encoding="utf-8")  # a person checked it
    page = render_all(load_site(content))["roles/relief-care-worker/index.md"]
    section = page.split("## Competencies", 1)[1].split("\n## ", 1)[0]
    assert [line for line in section.splitlines() if line.startswith(("###", "**", "Assessed"))] \
        == ["### Meeting Service User Needs", "**Essential or desirable:** Essential.",
            "Assessed by: Interview, Practical Assessment.",
            "### Respect for Diversity and Equality", "**Essential or desirable:** Essential.",
            "Assessed by: Interview.",
            "### Communication", "**Essential or desirable:** Essential.",
            "Assessed by: Not stated."]
    # No level is named by the source, so none is shown; the unread method is not published.
    assert "level" not in section.lower()
    assert "Observed shadow shift" not in page
