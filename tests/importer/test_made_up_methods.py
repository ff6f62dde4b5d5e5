"""Issue 28, problem 9 follow-up: a PDF table whose "How identified" cell is empty gives
criteria whose methods are "not stated", not lines for a person to place, and no method."""

from __future__ import annotations

from generator.importer.assess import Methods
from generator.importer.blocks import Block
from generator.importer.extras import Organisation
from generator.importer.structure import Walker
from tests.conftest import CONTENT

ORG = "second-step"


def _spec(*lines: str) -> list[Block]:
    """A PDF's text layer: the table's rows as lines under the person specification."""
    blocks = [Block("heading", "Recovery Worker", "page 1, line 1", 1),
              Block("heading", "Person specification", "page 1, line 2", 2)]
    blocks += [Block("para", line, f"page 1, line {n}") for n, line in enumerate(lines, 3)]
    return blocks


def test_an_empty_method_cell_under_an_e_d_column_is_not_stated() -> None:
    found = Walker(Methods(CONTENT, ORG), Organisation(CONTENT, ORG)).run(_spec(
        "Criteria E/ D How identified", "Experience handling a case load E",
        "Experience in prison work D", "Experience of group work E A/I"))
    # None is "the source does not say": the draft writes  assessed_by: not stated
    assert [(c.text, c.requirement, c.methods) for c in found.criteria] == [
        ("Experience handling a case load", "essential", None),
        ("Experience in prison work", "desirable", None),
        ("Experience of group work", "essential", ["application", "interview"])]
    assert not found.to_place


def test_a_line_ending_in_a_capital_is_no_row_without_an_e_d_column() -> None:
    found = Walker(Methods(CONTENT, ORG), Organisation(CONTENT, ORG)).run(_spec(
        "Experience of group work E A/I", "A full driving licence, category D"))
    assert [c.text for c in found.criteria] == ["Experience of group work"]
