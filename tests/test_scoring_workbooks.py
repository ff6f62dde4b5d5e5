"""The pack's workbooks, filled in by the test and recomputed by LibreOffice: totals, weighted
totals, gates and ranks equal those worked out here in Python, for each fixture campaign
(tests/fixtures/scoring: council, NHS-style, government, generic grid, university)."""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.exports.interviewbook import interview_sheet
from generator.exports.shortlist import shortlisting_sheet
from generator.forms import sheets
from generator.forms.build import campaign
from generator.forms.campaign import run_forms
from generator.model import Site
from generator.pipeline import load
from tests.waiting import LIMIT

FIXTURE = Path(__file__).parent / "fixtures" / "scoring"
VACANCIES = ("council-2027", "nhs-2027", "government-2027", "generic-2027", "university-2027")
BOOKS = {"shortlisting.xlsx": ("Scores", shortlisting_sheet),
         "interview-scores.xlsx": ("Agreed scores", interview_sheet)}


@pytest.fixture(scope="module")
def site() -> Site:
    found = load(FIXTURE).site
    assert found is not None
    return found


def _fill(sheet: sheets.Sheet, seed: int) -> list[dict[str, Any]]:
    """What the panel enters for each candidate: the last is left blank, the first meets every
    essential criterion, the second fails one; the others are random."""
    rng = random.Random(seed)
    low, high = sheet.scale.min, sheet.scale.max
    pass_mark = sheet.scale.pass_mark if sheet.scale.pass_mark is not None else low
    entries = []
    for n, _code in enumerate(sheet.candidates):
        row: dict[str, Any] = {}
        if n < len(sheet.candidates) - 1:
            for r in sheet.rows:
                if r.mode == sheets.MET:
                    row[r.key] = ("Not met" if (n == 1 and r.kind == "essential")
                                  else rng.choice(["Met", "Not met"]))
                    if n == 0 and r.kind == "essential":
                        row[r.key] = "Met"
                else:
                    row[r.key] = rng.randint(low, high)
                    if r.kind == "essential" and n == 0:
                        row[r.key] = rng.randint(pass_mark, high)
                    if r.kind == "essential" and n == 1 and pass_mark > low:
                        row[r.key] = pass_mark - 1
        entries.append(row)
    return entries


def _expected(sheet: sheets.Sheet, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gate, total and rank as the scale says, worked out without any spreadsheet."""
    scale = sheet.scale
    out = []
    for row in entries:
        essentials = [r for r in sheet.rows if r.kind == "essential"]
        gate = None
        if sheet.gate and essentials and all(r.key in row for r in essentials):
            met = all(row[r.key] == "Met" if r.mode == sheets.MET
                      else row[r.key] >= (scale.pass_mark or 0) for r in essentials)
            gate = "Y" if met else "N"
        total = None
        if sheet.scored and all(r.key in row for r in sheet.scored):
            total = sum(row[r.key] * r.multiplier for r in sheet.scored)
        if gate == "N" and scale.gate_excludes == "total":
            total = None
        out.append({"gate": gate, "total": total})
    ranked = [o for o in out if o["total"] is not None
              and not (o["gate"] == "N" and scale.gate_excludes in ("total", "ranking"))]
    for o in out:
        o["rank"] = (1 + sum(1 for p in ranked if p["total"] > o["total"])
                     if o in ranked else None)
    return out


def _recompute(folder: Path, books: list[Path]) -> Path:
    """LibreOffice (headless) opens each filled workbook, works out every formula, saves it."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice Calc is missing: make test's system step installs it"
    out = folder / "recomputed"
    profile = (folder / "lo-profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(out), *map(str, books)],
                   check=True, capture_output=True, timeout=LIMIT)
    return out


TOTAL = ("Total score", "Weighted total", "Agreed total", "Agreed weighted total")


def _column(header: list[str], start: str | tuple[str, ...]) -> int | None:
    return next((n for n, h in enumerate(header, 1) if h and h.startswith(start)), None)


def test_libreoffice_recomputes_every_filled_workbook_as_python_does(
        site: Site, tmp_path: Path) -> None:
    filled, cases = [], []
    for seed, vid in enumerate(VACANCIES):
        out = tmp_path / vid
        written = run_forms(site, vid, out, pdf=False)
        settings = campaign(site, site.vacancies[vid].role, vacancy=site.vacancies[vid])
        for name, (tab, make_sheet) in BOOKS.items():
            assert out / name in written
            sheet = make_sheet(settings)
            book = openpyxl.load_workbook(out / name)
            ws = book[tab]
            header = [c.value for c in ws[1]]
            entries = _fill(sheet, seed)
            for n, row in enumerate(entries, start=2):
                assert ws.cell(row=n, column=1).value == sheet.candidates[n - 2]
                for index, r in enumerate(sheet.rows):
                    if r.key in row:
                        ws.cell(row=n, column=index + 2).value = row[r.key]
            gate_col = _column(header, "Meets all essential")
            if gate_col and not header[gate_col - 1].endswith("worked out"):
                for n, value in enumerate(_expected(sheet, entries), start=2):
                    ws.cell(row=n, column=gate_col).value = value["gate"]  # the panel says
            path = tmp_path / f"{vid}-{name}"
            book.save(path)
            filled.append(path)
            cases.append((path.name, tab, header, sheet, entries))
    recomputed = _recompute(tmp_path, filled)
    checked = 0
    for file_name, tab, header, sheet, entries in cases:
        ws = openpyxl.load_workbook(recomputed / file_name, data_only=True)[tab]
        columns = {"gate": _column(header, "Meets all essential"),
                   "total": _column(header, TOTAL),
                   "rank": _column(header, "Rank")}
        for n, want in enumerate(_expected(sheet, entries), start=2):
            for what, col in columns.items():
                if col is None:
                    continue
                got = ws.cell(row=n, column=col).value
                assert (None if got == "" else got) == want[what], (file_name, n, what)
                checked += 1
    assert checked >= 80  # 90 values over the ten workbooks
    # the schemes differ as their scales say: some gate, some weight, some only check
    assert {c[3].scale.gate_excludes for c in cases} == {"nothing", "total", "ranking"}
    assert any(c[3].weighted for c in cases) and any(not c[3].scored for c in cases)


@pytest.mark.parametrize("vid", VACANCIES)
def test_each_campaign_workbook_has_its_rows_groups_and_formulas(site: Site, vid: str,
                                                                 tmp_path: Path) -> None:
    run_forms(site, vid, tmp_path, pdf=False)
    vacancy = site.vacancies[vid]
    settings = campaign(site, vacancy.role, vacancy=vacancy)
    for name, (tab, make_sheet) in BOOKS.items():
        sheet = make_sheet(settings)
        ws = openpyxl.load_workbook(tmp_path / name)[tab]
        header = [c.value for c in ws[1]]
        assert ws.max_row == vacancy.candidates + 1
        labels = [h.split(" (")[0] for h in header[1:1 + len(sheet.rows)]]
        assert labels == [r.label for r in sheet.rows]
        # grouped as the person specification groups them, essential first in each group
        groups = [g for g, _ in sheet.groups]
        assert groups[:2] == ["Qualifications", "Experience"]
        for _, rows in sheet.groups:
            kinds = [r.kind for r in rows]
            assert kinds == sorted(kinds, key=lambda k: k != "essential")
        total = _column(header, TOTAL)
        if sheet.scored:
            assert total and str(ws.cell(row=2, column=total).value).startswith("=IF(")
        else:
            assert total is None
        # every cell of the table is boxed, so a printed blank copy works as a paper form
        corner = ws.cell(row=ws.max_row, column=len(header))
        assert corner.border.left.style == corner.border.bottom.style == "thin"
