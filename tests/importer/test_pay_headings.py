"""Issue 28, point 4: the importer keeps pay and benefits as the source words them: a Pension
heading's paragraphs, each Benefits or Other benefits heading as a group of its own, and the
lines under an Allowances heading beside the salary."""

from __future__ import annotations

from generator.importer.assess import Methods
from generator.importer.blocks import Block
from generator.importer.extras import Organisation
from generator.importer.structure import Recovered, Walker
from tests.conftest import CONTENT

ORG = "second-step"


def walk(blocks: list[Block]) -> Recovered:
    return Walker(Methods(CONTENT, ORG), Organisation(CONTENT, ORG)).run(blocks)


def test_pension_paragraphs_and_benefit_groups_keep_the_sources_words() -> None:
    found = walk([
        Block("heading", "Fundraising Officer", "paragraph 1", 1),
        Block("heading", "Pension", "paragraph 2", 2),
        Block("para", "You can join the Civil Service Pension scheme.", "paragraph 3"),
        Block("para", "The employer contributes 28.97% of your salary.", "paragraph 4"),
        Block("heading", "Benefits", "paragraph 5", 2),
        Block("item", "Flexible working hours", "paragraph 6", 1),
        Block("heading", "Other benefits:", "paragraph 7", 2),
        Block("item", "Cycle to work scheme", "paragraph 8", 1),
        Block("item", "Free eye tests", "paragraph 9", 1)])
    assert found.role["terms"] == {
        "pension": "You can join the Civil Service Pension scheme.\n\n"
                   "The employer contributes 28.97% of your salary.",
        "benefit_groups": [
            {"heading": "Benefits", "items": ["Flexible working hours"]},
            {"heading": "Other benefits", "items": ["Cycle to work scheme", "Free eye tests"]}]}
    assert not found.to_place
    assert ("terms.pension", "paragraph 2", "high") in found.placed
    assert ("terms.benefit_groups", "paragraph 7", "high") in found.placed


def test_allowances_go_beside_the_salary_or_are_kept_to_place() -> None:
    blocks = [Block("heading", "Environmental Health Officer", "paragraph 1", 1),
              Block("para", "Salary: £41,418 - £44,373 per annum", "paragraph 2"),
              Block("heading", "Allowances", "paragraph 3", 2),
              Block("item", "London Weighting: £4,023 per annum", "paragraph 4", 1),
              Block("item", "Plus an on-call supplement", "paragraph 5", 1)]
    found = walk(blocks)
    assert found.role["salary"]["text"] == "£41,418 - £44,373 per annum"
    assert found.role["salary"]["supplements"] == [
        {"text": "London Weighting: £4,023 per annum"}, {"text": "Plus an on-call supplement"}]
    assert not found.to_place
    without_salary = walk([blocks[0], *blocks[2:]])
    assert "salary" not in without_salary.role
    assert without_salary.to_place == [("paragraph 4", "London Weighting: £4,023 per annum"),
                                       ("paragraph 5", "Plus an on-call supplement")]


def test_a_benefits_heading_with_nothing_under_it_is_kept_to_place() -> None:
    found = walk([Block("heading", "Porter", "paragraph 1", 1),
                  Block("heading", "Benefits", "paragraph 2", 2)])
    assert "terms" not in found.role
    assert found.to_place == [("paragraph 2", "Benefits")]
