"""The pack's workbooks, filled in by the test and recomputed by LibreOffice: totals, weighted
totals, gates and ranks equal those worked out here in Python, for each fixture campaign
(tests/scoring/fixtures/campaigns: council, NHS-style, government, generic grid, university)."""

from __future__ import annotations

import random
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator.content.load import load
from generator.core.clock import FIXED_DATE
from generator.model import Site
from generator.render.exports.excel import xlsx_bytes
from generator.render.exports.interviewbook import interview_book, interview_sheet
from generator.render.exports.shortlist import shortlisting_sheet
from generator.render.pack import write_pack
from generator.scoring import sheets
from generator.scoring.campaign import campaign, for_record
from tests.conftest import CAMPAIGNS
from tests.support.waiting import LIMIT

FIXTURE = CAMPAIGNS
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
    # the second last candidate is part-way through: their last scored cell is still blank
    part_way = entries[-2] if len(entries) > 2 else {}
    if sheet.scored and part_way:
        part_way.pop(sheet.scored[-1].key, None)
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
        # desirable scores count only through the gate, where the scale says so
        later = [r for r in sheet.scored if sheet.desirable_after_gate and r.kind == "desirable"]
        counted = [r for r in sheet.scored if r not in later] + (later if gate == "Y" else [])
        total = (sum(row[r.key] * r.multiplier for r in counted if r.key in row)
                 if any(r.key in row for r in sheet.scored) else None)
        blank = [r for r in sheet.scored if r.key not in row
                 and not (r in later and gate == "N")]
        if gate == "N" and sheet.excludes == "total":
            total = None
        out.append({"gate": gate, "total": total,
                    "blanks": len(blank) if sheet.scored else None, "done": not blank})
    ranked = [o for o in out if o["total"] is not None and o["done"]
              and not (o["gate"] == "N" and sheet.excludes in ("total", "ranking"))]
    for o in out:
        o["rank"] = (1 + sum(1 for p in ranked if p["total"] > o["total"])
                     if o in ranked else None)
        del o["done"]
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
        written = write_pack(for_record(site, vid), out, pdf=False)
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
    # the council's interview scale, applying desirable criteria only after the gate
    vacancy = site.vacancies["council-2027"]
    after = replace(site.scales["council-zero-to-two"], desirable_after_gate=True)
    settings = campaign(site, vacancy.role, vacancy=vacancy, stage_scales={"interview": after})
    sheet = interview_sheet(settings)
    assert sheet.desirable_after_gate
    path = tmp_path / "after-gate-interview-scores.xlsx"
    path.write_bytes(xlsx_bytes(interview_book(settings), FIXED_DATE))
    book = openpyxl.load_workbook(path)
    header = [c.value for c in book["Agreed scores"][1]]
    entries = _fill(sheet, 7)
    for n, row in enumerate(entries, start=2):
        for index, r in enumerate(sheet.rows):
            if r.key in row:
                book["Agreed scores"].cell(row=n, column=index + 2).value = row[r.key]
    book.save(path)
    filled.append(path)
    cases.append((path.name, "Agreed scores", header, sheet, entries))
    recomputed = _recompute(tmp_path, filled)
    checked = 0
    for file_name, tab, header, sheet, entries in cases:
        ws = openpyxl.load_workbook(recomputed / file_name, data_only=True)[tab]
        columns = {"gate": _column(header, "Meets all essential"),
                   "total": _column(header, TOTAL),
                   "blanks": _column(header, "Scores still to enter"),
                   "rank": _column(header, "Rank")}
        for n, want in enumerate(_expected(sheet, entries), start=2):
            for what, col in columns.items():
                if col is None:
                    continue
                got = ws.cell(row=n, column=col).value
                assert (None if got == "" else got) == want[what], (file_name, n, what)
                checked += 1
    assert checked >= 110  # 4 figures a candidate over the eleven workbooks
    # the schemes differ as their scales say: some gate, some weight, some only check
    assert {c[3].scale.gate_excludes for c in cases} == {"nothing", "total", "ranking"}
    assert any(c[3].weighted for c in cases) and any(not c[3].scored for c in cases)


@pytest.mark.parametrize("vid", VACANCIES)
def test_each_campaign_workbook_has_its_rows_groups_and_formulas(site: Site, vid: str,
                                                                 tmp_path: Path) -> None:
    write_pack(for_record(site, vid), tmp_path, pdf=False)
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


@pytest.mark.parametrize("vid", VACANCIES)
def test_the_scores_sheet_prints_fitted_to_the_width_with_each_criterion_named(
        site: Site, vid: str, tmp_path: Path) -> None:
    """Issue 29 point 3: fitted to one page's width (as tall as it needs), landscape, the
    header row and the candidate column on every page; each heading gives the criterion."""
    write_pack(for_record(site, vid), tmp_path, pdf=False)
    vacancy = site.vacancies[vid]
    settings = campaign(site, vacancy.role, vacancy=vacancy)
    for name, (tab, make_sheet) in BOOKS.items():
        sheet = make_sheet(settings)
        ws = openpyxl.load_workbook(tmp_path / name)[tab]
        setup = ws.page_setup
        assert (setup.fitToWidth, setup.fitToHeight, setup.orientation) == (1, 0, "landscape")
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert (ws.print_title_rows, ws.print_title_cols) == ("$1:$1", "$A:$A")
        header = [c.value for c in ws[1]]
        for row, heading in zip(sheet.rows, header[1:], strict=False):
            first, text = heading.split("\n")
            assert first.startswith(f"{row.label} (")
            want = row.text if row.criterion else f"Level {row.level.number}: {row.level.name}"
            assert text.removesuffix("…") in " ".join(want.split()) and len(text) <= 70
        if sheet.scored:  # the running total and the count beside it, stated on the sheet
            assert _column(header, "Scores still to enter")
            assert header[_column(header, TOTAL) - 1].endswith("(so far)")
            how = " ".join(str(r[0].value) for r in
                           openpyxl.load_workbook(tmp_path / name)["How to use"].iter_rows())
            assert "adds up the scores entered so far" in how
            assert "The rank is worked out once a candidate has a score in every scored column" \
                in how


def test_a_long_criterion_is_cut_at_a_word_in_its_heading() -> None:
    from generator.render.exports.scorebook import short_text

    text = "Experience of developing, contributing and implementing strategies, policies " \
           "and service procedures and ensuring compliance"
    assert short_text(text) == ("Experience of developing, contributing and implementing "
                                "strategies…")
    assert short_text("Short  text") == "Short text"
