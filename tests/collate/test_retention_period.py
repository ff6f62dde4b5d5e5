"""Collated scores are deleted by a date only where the organisation gives a retention period
(`scoring_sheets.retention_months`); with none, collate and purge say plainly that no period is
set and purge keeps the scores, rather than inventing six months (issue 28, points 7 and 8)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from generator.cli import run
from generator.collate.retention import MANIFEST
from generator.content.load import load
from generator.render.pack import write_pack
from generator.scoring.campaign import for_record
from tests.conftest import CAMPAIGNS

ORG = Path("organisations") / "scoring-council.yaml"


def _content(tmp_path: Path, *, period: bool) -> Path:
    """The scoring fixture, whose council keeps its sheets 12 months, or says nothing."""
    content = tmp_path / "content"
    shutil.copytree(CAMPAIGNS, content)
    if not period:
        org = content / ORG
        text = org.read_text(encoding="utf-8")
        assert "  retention_months: 12\n" in text
        org.write_text(text.replace("  retention_months: 12\n", ""), encoding="utf-8")
    return content


def _filled(content: Path, tmp_path: Path) -> list[Path]:
    """The council's shortlisting workbook filled in by two panel members."""
    site = load(content).site
    assert site is not None
    pack = tmp_path / "pack"
    write_pack(for_record(site, "council-2027"), pack, pdf=False)
    books = []
    for name, score in (("jo", "Met"), ("amir", "Not met")):
        book = load_workbook(pack / "shortlisting.xlsx")
        scores = book["Scores"]
        for row in range(2, scores.max_row + 1):
            for col in range(2, scores.max_column + 1):
                blank = scores.cell(row=row, column=col).value is None
                if blank and scores.cell(row=1, column=col).value and \
                        scores.cell(row=row, column=1).value:
                    scores.cell(row=row, column=col, value=score)
        book.save(tmp_path / f"{name}.xlsx")
        books.append(tmp_path / f"{name}.xlsx")
    return books


@pytest.mark.parametrize("period", [True, False])
def test_a_delete_by_date_only_where_the_organisation_gives_a_period(
        period: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    content = _content(tmp_path, period=period)
    books = _filled(content, tmp_path)
    monkeypatch.setenv("ROLEPRINT_TODAY", "2027-10-20")
    out = tmp_path / "collated"
    assert run(["collate", *map(str, books), "--out", str(out), "--no-pdf",
                "--content", str(content)]) == 0
    said = capsys.readouterr().out
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    about = load_workbook(out / "collated.xlsx")["About"]["A2"].value
    html = (out / "moderation-collated.html").read_text(encoding="utf-8")
    if period:
        assert manifest["delete_by"] == "2028-10-20"
        assert "Scoring Council keeps these scores for 12 months. Delete this file by " \
            "2028-10-20" in about
        assert "Delete this file by 2028-10-20" in html and "delete by 2028-10-20." in said
    else:
        assert manifest["delete_by"] is None
        for text in (about, html):
            assert "Scoring Council sets no retention period for its scoring sheets, so these " \
                "scores have no delete-by date and roleprint purge will not delete them" in text
            assert "months" not in text and "Delete this file by" not in text
        assert "no retention period is set, so no delete-by date." in said
    # years later, purge deletes what has a date and keeps, saying why, what has none
    monkeypatch.setenv("ROLEPRINT_TODAY", "2040-01-01")
    monkeypatch.chdir(tmp_path)
    assert run(["purge", str(out)]) == 0
    said = capsys.readouterr().out
    assert (out / "collated.xlsx").exists() is not period
    if period:
        assert f"Deleted 2 files in {out}" in said
    else:
        assert f"Kept {out} (shortlisting scores for council-2027): no retention period is " \
            "set for it, so it has no delete-by date" in said
        assert "Deleted" not in said and "Nothing in" not in said
