"""Issue 28, problem 2: the importer places a competency whose level a framework names and does
not number ("Level: awareness") as the framework spells the level, and never guesses one."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.importer.blocks import Block
from generator.importer.extras import Organisation

FRAMEWORK = """name: Government Digital and Data Profession Capability Framework
organisation: digital-employer
competencies:
  - id: communicating-information
    name: Communicating information
    levels:
      - name: Awareness
        indicators: [take part in discussions within a multidisciplinary team]
      - name: Working
        indicators: [communicate with stakeholders]
"""


@pytest.fixture
def organisation(tmp_path: Path) -> Organisation:
    (tmp_path / "organisations").mkdir()
    (tmp_path / "organisations" / "digital-employer.yaml").write_text(
        "name: Digital employer\n", encoding="utf-8")
    (tmp_path / "frameworks").mkdir()
    (tmp_path / "frameworks" / "digital-skills.yaml").write_text(FRAMEWORK, encoding="utf-8")
    return Organisation(tmp_path, "digital-employer")


def test_a_named_level_is_placed_as_the_framework_spells_it(organisation: Organisation) -> None:
    found = {"framework": "digital-skills", "competency": "communicating-information",
             "level": "Awareness"}
    line = Block("para", "Communicating information – Level: awareness", "paragraph 4")
    assert organisation.competency(line) == found
    row = Block("row", "", "table 3, row 2", cells=("Communicating information", "Working"))
    assert organisation.competency(row) == {**found, "level": "Working"}


def test_a_level_the_framework_does_not_name_is_left_to_place(
        organisation: Organisation) -> None:
    for text in ("Communicating information – Level: aware",
                 "Communicating information – Level: expert"):
        assert organisation.competency(Block("para", text, "paragraph 4")) is None, text
