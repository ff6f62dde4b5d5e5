"""Issue 28, point 3: a behaviour assessed from the application is a column of the shortlisting
workbook, and collation adds it up like a criterion."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from generator.collate.run import collate_files
from generator.content.load import load
from generator.render.pack import write_workbooks
from generator.scoring.campaign import for_record
from tests.model.test_faithful import content_of


def test_a_behaviour_scored_at_shortlisting_is_collated(tmp_path: Path) -> None:
    site = load(content_of(tmp_path, "behaviours-success-profiles")).site
    assert site is not None
    out = tmp_path / "pack"
    out.mkdir()
    write_workbooks(for_record(site, "policy-officer", candidates=2), out)
    head = [c.value for c in load_workbook(out / "shortlisting.xlsx")["Scores"][1]][:3]
    assert head == ["Candidate", "E1 (Experience: essential)\nExperience of writing briefings "
                    "for senior leaders.", "Working Together (behaviour)"]  # no level
    for name, score in (("jo", 1), ("amir", 3)):
        book = load_workbook(out / "shortlisting.xlsx")
        for row in (2, 3):  # C1 and C2: E1 and Working Together
            for col in (2, 3):
                book["Scores"].cell(row=row, column=col, value=score)
        book.save(tmp_path / f"{name}.xlsx")
    _, figures = collate_files(site, [tmp_path / "jo.xlsx", tmp_path / "amir.xlsx"])
    for candidate in figures.candidates:
        assert [(ln.row.label, ln.mean, ln.spread) for ln in candidate.lines] == [
            ("E1", 2, 2), ("Working Together", 2, 2)]
        assert candidate.total == 4
