"""Issue 28, points 1 and 6: the importer's headings for vetting, dimensions and a prose-only
"Scope & Accountabilities", each placed word for word with nothing guessed."""

from __future__ import annotations

from generator.importer.assess import Methods
from generator.importer.blocks import Block
from generator.importer.extras import Organisation
from generator.importer.structure import Recovered, Walker
from tests.conftest import CONTENT

ORG = "second-step"


def walk(blocks: list[Block]) -> Recovered:
    return Walker(Methods(CONTENT, ORG), Organisation(CONTENT, ORG)).run(
        [Block("heading", "Vetting Caseworker", "paragraph 1", 1), *blocks])


def test_text_under_a_vetting_heading_is_each_vetting_in_the_sources_words() -> None:
    found = walk([
        Block("heading", "Security clearance", "paragraph 2", 2),
        Block("para", "Successful candidates must undergo National Security Vetting at "
                      "Developed Vetting (DV).", "paragraph 3"),
        Block("item", "You must hold Security Check (SC) clearance.", "paragraph 4", 1)])
    # No scheme, level or "must hold" is worked out from the words: the author adds them.
    assert found.role["pre_employment_checks"] == {"vetting": [
        {"text": "Successful candidates must undergo National Security Vetting at Developed "
                 "Vetting (DV)."},
        {"text": "You must hold Security Check (SC) clearance."}]}
    assert "vetting" not in found.role and not found.to_place
    assert ("pre_employment_checks.vetting", "paragraph 2", "high") in found.placed


def test_dimensions_are_label_and_value_pairs_and_other_text_is_kept_to_place() -> None:
    found = walk([
        Block("heading", "DIMENSIONS", "paragraph 2", 2),
        Block("para", "Budget: £1.2m revenue", "paragraph 3"),
        Block("row", "Staff managed | 14 FTE", "table 1, row 1", cells=("Staff managed", "14 FTE")),
        Block("para", "The figures are for 2024/25.", "paragraph 4")])
    assert found.role["dimensions"] == {"items": [
        {"label": "Budget", "value": "£1.2m revenue"},
        {"label": "Staff managed", "value": "14 FTE"}]}
    assert found.to_place == [("paragraph 4", "The figures are for 2024/25.")]
    assert ("dimensions", "paragraph 2", "high") in found.placed


def test_a_scope_and_accountabilities_of_paragraphs_only_keeps_its_prose() -> None:
    found = walk([
        Block("heading", "Scope & Accountabilities", "paragraph 2", 2),
        Block("para", "The postholder leads the housing options service.", "paragraph 3"),
        Block("para", "They work with partner agencies.", "paragraph 4")])
    assert found.role["accountabilities"] == {
        "title": "Scope & Accountabilities",
        "intro": "The postholder leads the housing options service.\n\n"
                 "They work with partner agencies."}
    assert not found.to_place
