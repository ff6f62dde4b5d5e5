"""A campaign's interview workbook: the panel's agreed scores by candidate code.

The moderation sheet as a workbook spec (see `excel.py`): one row per candidate code, one
column per criterion or competency assessed at interview (in the sheet's groups, essential
first in each), on the campaign's interview scale and weights. Each panel member's own total
is entered beside the agreed scores; the gate, the agreed total and the rank are formulas
(`scorebook.py`).
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from generator.render.exports.richtext import plain
from generator.render.exports.scorebook import (
    Layout,
    gate_column,
    gate_formula,
    keeping,
    row_asks,
    score_columns,
    total_cells,
    total_columns,
    whole,
    worked_out,
)
from generator.scoring import sheets
from generator.scoring.campaign import Campaign
from generator.scoring.identity import book_keywords

DECISIONS = ["Appoint", "Reserve", "Not appointed"]


def interview_sheet(settings: Campaign) -> sheets.Sheet:
    """The campaign's moderation sheet: its interview scale, weights and candidates."""
    return sheets.moderation(settings.role, settings.scale_at("interview"),
                             settings.candidates, settings.weights_at("interview"))


def _scores(sheet: sheets.Sheet, panel: tuple[str, ...],
            own: tuple[int, int] | None = None) -> dict[str, Any]:
    """`own`: the range of a panel member's own total where it is not the sheet's (a question
    plan scores each question, so a member's sheet adds up more boxes)."""
    codes = sheet.candidates
    count, last = len(codes), len(codes) + 1
    columns, validations = score_columns(sheet, count)
    layout = Layout(sheet)
    gate = gate_column(sheet, columns, validations, count)
    members = panel if sheet.scored else ()
    for number, name in enumerate(members, start=1):
        letter = get_column_letter(len(columns) + 1)
        who = f"Panel member {number}" + (f", {plain(name)}" if name else "")
        columns.append([f"{who}: total from their own sheet", 16])
        if own or sheet.scale.stated:  # no scale given: no range to hold the total to
            validations.append(whole(letter, count, f"Panel member {number} total",
                                     *(own or (sheet.min_total, sheet.max_total))))
    totals = total_columns(sheet, columns, "Agreed weighted total (score × weight)"
                           if sheet.weighted else "Agreed total")
    decision = get_column_letter(len(columns) + 1)
    columns += [["Decision", 16], ["Reasons for the decision (by code only)", 40]]
    validations.append({"kind": "list", "options": DECISIONS,
                        "range": f"{decision}2:{decision}{last}", "title": "Decision",
                        "error": "Enter Appoint, Reserve or Not appointed.",
                        "prompt": "Appoint, Reserve or Not appointed."})
    table = []
    for n, code in enumerate(codes, start=2):
        cells: list[Any] = [code, *([None] * len(sheet.rows))]
        if gate:
            cells.append(gate_formula(layout, n) if layout.gate_worked_out else None)
        cells += [None] * len(members)
        if totals:
            cells += total_cells(layout, n, last, gate, totals)
        table.append([*cells, None, None])
    return {"name": "Agreed scores", "columns": columns, "rows": table,
            "validations": validations, "freeze": "B2", "borders": True, "fit": True}


def _rows(sheet: sheets.Sheet) -> dict[str, Any]:
    scale = sheet.scale
    rows = []
    for row in sheet.rows:
        what = row_asks(row)
        rows.append([plain(row.label), plain(row.group) if row.criterion else row.kind_label,
                     row.kind_label, what,
                     "Met or not met (from the list)" if row.mode == sheets.MET
                     else f"Score {scale.span}".strip(),
                     row.weight if sheet.weighted else None])
    return {"name": "Criteria", "columns": [["Id", 14], ["Heading", 24], ["Kind", 14],
                                            ["What it asks for", 60], ["Scored as", 18],
                                            ["Weight", 8]],
            "rows": rows, "freeze": "B2"}


def interview_book(settings: Campaign) -> dict[str, Any]:
    """The interview workbook of a campaign, as a spec for `excel.py`."""
    from generator.render.exports.questionbook import plan_sheet
    from generator.render.exports.shortlist import scale_sheets
    from generator.scoring.plan import planned

    sheet = interview_sheet(settings)
    plan = planned(sheet, settings.questions)  # only in a pack, never on the site
    how = [plain(settings.organisation.after(f"Interview scores for {settings.title}")) + ".",
           ("After the interviews, enter the score the panel agrees for each candidate on each "
            "row, and each panel member's total from their own sheet beside it."
            if sheet.scored else "After the interviews, enter the panel's agreed judgement for "
            "each candidate on each row."),
           *worked_out(sheet, "appointed", "agreed total")]
    if sheet.met_rows:
        how.append("Rows marked met or not met are checked, not scored: choose Met or Not met "
                   "from the list in each cell.")
    if settings.questions and sheet.scored:
        how.append("Each panel member scores each set question on their own sheet (the "
                   "Question plan sheet lists them); the panel agrees one score for each row "
                   "here.")
    how += keeping(settings.organisation, sheet.scale.id)
    return {
        "title": f"{settings.title}: interview scores",
        "subject": settings.organisation.after("Interview scores"),
        "keywords": book_keywords("interview", settings, sheet.scale.id),
        "sheets": [_scores(sheet, settings.panel,
                           (plan.min_total, plan.max_total)
                           if plan and sheet.scale.stated else None),
                   _rows(sheet), *([plan_sheet(plan)] if plan else []), *scale_sheets(sheet.scale),
                   {"name": "How to use", "columns": [["How to use this workbook", 110]],
                    "rows": [[line] for line in how]}],
    }
