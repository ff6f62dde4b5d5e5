"""The valid part of a record: refused values cut, later list items still found in the file."""

from __future__ import annotations

from generator.content.schemacheck import SchemaSet
from generator.content.validpart import valid_part
from generator.content.yamlload import load_text

SCHEMAS = SchemaSet()

FRAMEWORK = b"""\
name: Skills
competencies:
  - not a mapping
  - id: listening
    name: Listening
    levels:
      - number: one
      - number: 2
        name: Two
        indicators: [Listens.]
      - number: 3
        indicators: [Listens well., 4]
  - id: writing
    name: Writing
"""


def test_cut_items_leave_the_rest_where_the_file_has_them() -> None:
    doc, problems = load_text("content/frameworks/skills.yaml", FRAMEWORK)
    assert doc is not None and problems == []
    part = valid_part(SCHEMAS, "framework", doc)
    assert part is not None and part is not doc
    assert SCHEMAS.is_valid("framework", part, part.data)
    comps = part.data["competencies"]
    assert [c["id"] for c in comps] == ["listening", "writing"]
    assert [lv["number"] for lv in comps[0]["levels"]] == [2, 3]
    assert comps[0]["levels"][1]["indicators"] == ["Listens well."]  # the number 4 is cut
    # Positions and json paths are the file's own, not the cut-down list's.
    assert part.mark(("competencies", 1)) == doc.mark(("competencies", 2))
    assert part.mark(("competencies", 0, "levels", 1)) == doc.mark(("competencies", 1,
                                                                     "levels", 2))
    assert part.source_path(("competencies", 0, "levels", 1)) == ("competencies", 1,
                                                                  "levels", 2)
    assert part.is_cut(("competencies",)) and part.is_cut(("competencies", 0, "levels"))
    assert part.is_cut(("competencies", 0, "levels", 1, "indicators"))
    assert not part.is_cut(("levels",))
    assert doc.data["competencies"][0] == "not a mapping"  # the loaded record is unchanged


def test_a_valid_record_is_its_own_valid_part() -> None:
    doc, _ = load_text("content/scales/s.yaml", b"name: S\nmin: 0\nmax: 1\npoints:\n"
                       b"  - {score: 0, descriptor: no}\n  - {score: 1, descriptor: yes}\n")
    assert doc is not None and valid_part(SCHEMAS, "scale", doc) is doc
