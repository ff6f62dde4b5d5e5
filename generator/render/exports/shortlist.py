"""A role's shortlisting sheet as a workbook spec (see `excel.py`).

The same sheet as the printed form (`generator.scoring.sheets.shortlisting` with the role's
standing campaign: its organisation's scale, the same candidate codes): one row per candidate
code, one column per criterion assessed at application, essential first; scores limited to the
scale, met / not met chosen from a Met / Not met list, a total worked out by a formula.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from generator.model import ListItem, Role, Scale, Site
from generator.render.exports.richtext import plain, plain_block
from generator.render.exports.scorebook import (
    Layout,
    gate_column,
    gate_formula,
    keeping,
    row_asks,
    score_columns,
    total_cells,
    total_columns,
    worked_out,
    yes_no,
)
from generator.scoring import sheets
from generator.scoring.campaign import Campaign, campaign
from generator.scoring.identity import book_keywords


def has_workbook(role: Role) -> bool:
    """Whether the role gets a shortlisting workbook: not when no criterion is assessed from
    the application (no rows, no workbook, as for the printed sheet)."""
    return sheets.SHORTLISTING not in sheets.left_out(role)


def _own(text: str | None) -> list[str]:
    """The organisation's own words, as a line, if it gives any."""
    return [plain_block(text)] if text else []


def _how_to(role: Role, sheet: sheets.Sheet) -> list[str]:
    scale = sheet.scale
    words = role.organisation.form_wording
    lines = [
        plain(role.organisation.after(f"Shortlisting for {role.title}")) + ".",
        "Score only the evidence in each application. Candidates are shown by code (C1, C2 …).",
        *_own(words.anonymised_to_panel),
        "Only the criteria that can be judged from the application are listed, under the "
        "person specification's headings, essential criteria first in each. The ids are the "
        "ones in the published person specification; the "
        "Criteria sheet gives each one in full.",
    ]
    # The instructions follow the scale: no "score in each column" beside "not scored".
    if sheet.met_rows:
        lines.append(("Criteria are" if scale.met_only else "Essential criteria are")
                     + " not scored: choose Met or Not met from the list in the cell."
                     + (f" Enter a score from {scale.min} to {scale.max} for each of the other "
                        "criteria, using the Scoring scale sheet. Anything else is refused."
                        if sheet.scored and scale.stated else
                        " Enter a score for each of the other criteria." if sheet.scored else ""))
    elif scale.stated:
        lines.append(f"Enter a score from {scale.min} to {scale.max} in each criterion's "
                     "column, using the Scoring scale sheet. Anything else is refused.")
    else:  # no scale given: no range, and no descriptors, of Roleprint's
        lines.append("Enter a score in each criterion's column.")
    if sheet.weighted:
        lines.append("Some criteria carry a weight (×1, ×2 …): the total multiplies each score "
                     "by its weight.")
    lines += worked_out(sheet, "shortlisted")
    if words.guaranteed_interview:
        lines[-1:-1] = [f"Guaranteed interview: HR enters Y for candidates who answered yes to "
                        f"“{plain(words.guaranteed_interview.question)}” on the application form.",
                        *_own(words.guaranteed_interview.to_panel)]
    lines += [
        *keeping(role.organisation, scale.id),
        *([f"Scoring scale: {plain(scale.name)} ({scale.min} to {scale.max})."]
          if scale.stated else []),
    ]
    if scale.description:
        lines.append(plain_block(scale.description))
    return lines


def _scores(sheet: sheets.Sheet, guaranteed_interview: bool) -> dict[str, Any]:
    codes = sheet.candidates
    count, last = len(codes), len(codes) + 1
    columns, validations = score_columns(sheet, count)
    layout = Layout(sheet)
    gate = gate_column(sheet, columns, validations, count)
    if guaranteed_interview:
        guaranteed = get_column_letter(len(columns) + 1)
        columns.append(["Guaranteed interview? (Y or N)", 18])
        validations.append(yes_no(guaranteed, count, "Guaranteed interview"))
    totals = total_columns(sheet, columns, "Weighted total (score × weight)" if sheet.weighted
                           else "Total score")
    invite = get_column_letter(len(columns) + 1)
    columns += [["Invite to interview? (Y or N)", 16],
                ["Notes (refer to candidates by code only)", 40]]
    validations.append(yes_no(invite, count, "Invite to interview"))
    table = []
    for n, code in enumerate(codes, start=2):
        cells: list[Any] = [code, *([None] * len(sheet.rows))]
        if gate:
            cells.append(gate_formula(layout, n) if layout.gate_worked_out else None)
        if guaranteed_interview:
            cells.append(None)
        if totals:
            cells += total_cells(layout, n, last, gate, totals)
        table.append([*cells, None, None])
    return {"name": "Scores", "columns": columns, "rows": table, "validations": validations,
            "freeze": "B2", "borders": True, "fit": True}


def _criteria(sheet: sheets.Sheet) -> dict[str, Any]:
    scale = sheet.scale
    columns = [["Id", 8], ["Criterion", 60], ["Essential or desirable", 14],
               ["Scored as", 18], *([["Weight", 8]] if sheet.weighted else []),
               ["How it is assessed", 24], ["Guidance for applicants", 40]]
    rows = []
    for row in sheet.rows:
        crit = row.criterion
        scored = ("Met or not met (from the list)" if row.mode == sheets.MET
                  else f"Score {scale.span}".strip())
        if crit is None:  # a competency assessed from the application
            assert row.competency is not None
            what, methods, guidance = row_asks(row), row.competency.assessed_by_text, None
        else:
            what = plain(crit.text) + items_text(crit.items)
            methods, guidance = crit.assessed_by_text, plain_block(crit.guidance) or None
        rows.append([plain(row.label), what, row.kind_label, scored,
                     *([row.weight] if sheet.weighted else []), plain(methods), guidance])
    return {"name": "Criteria", "columns": columns, "rows": rows, "freeze": "B2"}


def items_text(items: tuple[ListItem, ...], depth: int = 0) -> str:
    """Sub-items as lines under the criterion in its cell: a bullet and an indent per level."""
    lines = []
    for item in items:
        number = f"{plain(item.number)} " if item.number else ""
        lines.append("\n" + "    " * depth + "• " + number + plain(item.text)
                     + items_text(item.items, depth + 1))
    return "".join(lines)


def scale_sheet(scale: Scale) -> dict[str, Any]:
    """The scale's points (or its bands of scores: "1 to 2") in the scale's own order, as a
    sheet."""
    rows: list[list[Any]] = [
        [point.score, plain(point.label) if point.label else None, plain(point.descriptor)]
        for point in scale.points]
    if scale.bands:
        rows = [[line.scores, plain(line.label) if line.label else None,
                 plain(line.descriptor)] for line in scale.legend]
    first = ["Scores", 10] if scale.bands else ["Score", 8]
    return {"name": "Scoring scale", "columns": [first, ["Label", 24], ["What it means", 70]],
            "rows": rows}


def scale_sheets(scale: Scale) -> list[dict[str, Any]]:
    """The Scoring scale sheet, or none where no scale is given."""
    return [scale_sheet(scale)] if scale.stated else []


def shortlisting_sheet(settings: Campaign) -> sheets.Sheet:
    """The campaign's shortlisting sheet: its shortlisting scale, weights and candidates."""
    return sheets.shortlisting(settings.role, settings.scale_at("shortlisting"),
                               settings.candidates, settings.weights_at("shortlisting"))


def shortlisting_book(site: Site, role: Role,
                      settings: Campaign | None = None) -> dict[str, Any]:
    """The shortlisting workbook of a campaign (by default the role's standing one), as a
    spec for `excel.py`."""
    settings = settings or campaign(site, role)
    sheet = shortlisting_sheet(settings)
    return {
        "title": f"{role.title}: shortlisting",
        "subject": role.organisation.after("Shortlisting scores"),
        "keywords": book_keywords("shortlisting", settings, sheet.scale.id),
        "sheets": [_scores(sheet, role.organisation.form_wording.guaranteed_interview is not None),
                   _criteria(sheet), *scale_sheets(sheet.scale),
                   {"name": "How to use", "columns": [["How to use this workbook", 110]],
                    "rows": [[line] for line in _how_to(role, sheet)]}],
    }
