"""A role's shortlisting sheet as a workbook spec (see `excel.py`).

The same sheet as the printed form (`generator.forms.sheets.shortlisting` with the role's
standing campaign: its organisation's scale, the same candidate codes): one row per candidate
code, one column per criterion assessed at application, essential first; scores limited to the
scale, met / not met as Y or N, a total worked out by a formula.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter

from generator.exports.richtext import plain, plain_block
from generator.forms import sheets
from generator.forms.build import campaign
from generator.model import ListItem, Role, Scale, Site

YES_NO = ["Y", "N"]


def _yes_no(column: str, rows: int, title: str) -> dict[str, Any]:
    return {"kind": "list", "options": YES_NO, "range": f"{column}2:{column}{rows + 1}",
            "title": title, "error": "Enter Y (yes) or N (no).", "prompt": "Y (yes) or N (no)."}


def _header(row: sheets.Row) -> str:
    extra = f", ×{row.weight}" if row.weight else ""
    extra += ", Y or N" if row.mode == sheets.MET else ""
    return f"{plain(row.label)} ({row.kind_label.lower()}{extra})"


def _total(columns: list[tuple[str, int]], row: int) -> Any:
    """The row's total: each scored column times its weight."""
    if not columns:
        return 0
    if all(weight == 1 for _, weight in columns):
        numbers = [column_index_from_string(c) for c, _ in columns]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return {"f": f"=SUM({columns[0][0]}{row}:{columns[-1][0]}{row})"}
        return {"f": "=SUM(" + ",".join(f"{c}{row}" for c, _ in columns) + ")"}
    return {"f": "=" + "+".join(f"{c}{row}" + (f"*{w}" if w != 1 else "")
                                for c, w in columns)}


def _how_to(role: Role, sheet: sheets.Sheet) -> list[str]:
    scale = sheet.scale
    lines = [
        f"Shortlisting for {plain(role.title)}, {plain(role.organisation.name)}.",
        "Score only the evidence in each application. Candidates are shown by code (C1, C2 …): "
        "HR removes names and personal details before you see the applications.",
        "Only the criteria that can be judged from the application are listed, essential "
        "criteria first. The ids are the ones in the published person specification; the "
        "Criteria sheet gives each one in full.",
    ]
    # The instructions follow the scale: no "score in each column" beside "not scored".
    if sheet.met_rows:
        lines.append("Essential criteria are not scored: enter Y if the criterion is met or N "
                     "if it is not."
                     + (f" Enter a score from {scale.min} to {scale.max} for each of the other "
                        "criteria, using the Scoring scale sheet. Anything else is refused."
                        if sheet.scored else ""))
    else:
        lines.append(f"Enter a score from {scale.min} to {scale.max} in each criterion's "
                     "column, using the Scoring scale sheet. Anything else is refused.")
    if sheet.weighted:
        lines.append("Some criteria carry a weight (×1, ×2 …): the total multiplies each score "
                     "by its weight.")
    if sheet.gate:
        lines.append("Essential criteria are a gate: a candidate who does not meet every "
                     "essential criterion is not shortlisted, whatever their total. Agree before "
                     "you start what score counts as meeting a criterion.")
    lines += [
        "Guaranteed interview (Disability Confident): HR enters Y for candidates who asked for "
        "the scheme. If they meet the essential criteria, invite them to interview; do not "
        "score them out.",
        "The total is worked out for you.",
        f"This workbook is part of the recruitment record of {plain(role.organisation.name)}. "
        "Keep it secure and give it back to HR when the panel has finished; do not copy it or "
        "keep notes elsewhere. HR keeps it for 6 months after the appointment is made (longer "
        "only if a legal claim is made), then destroys it securely.",
        "Candidates may ask to see what is written about them, so record only evidence-based "
        "notes that you would be content for them to read.",
        f"Scoring scale: {plain(scale.name)} ({scale.min} to {scale.max}).",
    ]
    if scale.description:
        lines.append(plain_block(scale.description))
    return lines


def _scores(sheet: sheets.Sheet) -> dict[str, Any]:
    scale, rows, codes = sheet.scale, sheet.rows, sheet.candidates
    columns: list[list[Any]] = [["Candidate", 12]]
    columns += [[_header(row), 14] for row in rows]
    validations = []
    scored: list[tuple[str, int]] = []
    for number, row in enumerate(rows, start=2):
        letter = get_column_letter(number)
        where = f"{letter}2:{letter}{len(codes) + 1}"
        if row.mode == sheets.MET:
            validations.append(_yes_no(letter, len(codes), f"Criterion {row.label}"))
            continue
        scored.append((letter, row.multiplier))
        validations.append({
            "kind": "whole", "min": scale.min, "max": scale.max, "range": where,
            "title": f"Criterion {row.label}"[:32],
            "error": f"Enter a whole number from {scale.min} to {scale.max}.",
            "prompt": f"Score from {scale.min} to {scale.max}."})
    extra = []
    if sheet.gate:
        extra.append(("Meets all essential criteria? (Y or N)", "Essential criteria met"))
    extra.append(("Guaranteed interview scheme (Disability Confident)? (Y or N)",
                  "Guaranteed interview"))
    first_extra = len(rows) + 2
    for offset, (header, title) in enumerate(extra):
        columns.append([header, 18])
        validations.append(_yes_no(get_column_letter(first_extra + offset), len(codes), title))
    total_name = "Weighted total (score × weight)" if sheet.weighted else "Total score"
    columns.append([f"{total_name}, {sheet.min_total} to {sheet.max_total}", 16])
    invite = get_column_letter(len(columns) + 1)
    columns += [["Invite to interview? (Y or N)", 16],
                ["Notes (refer to candidates by code only)", 40]]
    validations.append(_yes_no(invite, len(codes), "Invite to interview"))
    table = [[code, *([None] * (len(rows) + len(extra))), _total(scored, n), None, None]
             for n, code in enumerate(codes, start=2)]
    return {"name": "Scores", "columns": columns, "rows": table, "validations": validations,
            "freeze": "B2"}


def _criteria(sheet: sheets.Sheet) -> dict[str, Any]:
    scale = sheet.scale
    columns = [["Id", 8], ["Criterion", 60], ["Essential or desirable", 14],
               ["Scored as", 18], *([["Weight", 8]] if sheet.weighted else []),
               ["How it is assessed", 24], ["Guidance for applicants", 40]]
    rows = []
    for row in sheet.rows:
        crit = row.criterion
        assert crit is not None  # a shortlisting row is always a criterion
        scored = ("Met or not met (Y or N)" if row.mode == sheets.MET
                  else f"Score {scale.min} to {scale.max}")
        rows.append([plain(row.label), plain(crit.text) + items_text(crit.items),
                     row.kind_label, scored,
                     *([row.weight] if sheet.weighted else []), plain(crit.assessed_by_text),
                     plain_block(crit.guidance) or None])
    return {"name": "Criteria", "columns": columns, "rows": rows, "freeze": "B2"}


def items_text(items: tuple[ListItem, ...], depth: int = 0) -> str:
    """Sub-items as lines under the criterion in its cell: a bullet and an indent per level."""
    lines = []
    for item in items:
        number = f"{plain(item.number)} " if item.number else ""
        lines.append("\n" + "    " * depth + "• " + number + plain(item.text)
                     + items_text(item.items, depth + 1))
    return "".join(lines)


def _scale(scale: Scale) -> dict[str, Any]:
    rows = [[point.score, plain(point.label) if point.label else None, plain(point.descriptor)]
            for point in scale.points_high_first]
    return {"name": "Scoring scale", "columns": [["Score", 8], ["Label", 24],
                                                 ["What it means", 70]],
            "rows": rows}


def shortlisting_book(site: Site, role: Role) -> dict[str, Any]:
    """The shortlisting workbook of a role's standing campaign, as a spec for `excel.py`."""
    settings = campaign(site, role)
    sheet = sheets.shortlisting(role, settings.scale, settings.candidates)
    return {
        "title": f"{role.title}: shortlisting",
        "subject": f"Shortlisting scores, {role.organisation.name}",
        "keywords": ", ".join(("shortlisting", role.id)),
        "sheets": [_scores(sheet), _criteria(sheet), _scale(sheet.scale),
                   {"name": "How to use", "columns": [["How to use this workbook", 110]],
                    "rows": [[line] for line in _how_to(role, sheet)]}],
    }
