"""The formulas of the scoring workbooks: totals, the essential gate and the ranking.

Shared by the shortlisting workbook (`shortlist.py`) and the interview workbook
(`interviewbook.py`). Every result is a formula over the cells the panel fills in, so that
nothing is typed twice and a blank row stays blank:

- a total shows only once every scored cell of the row has a score (a half-filled row is not
  a total, and an empty one is not 0);
- the gate is Y when every essential criterion is met: "Met" in a met / not met column, or a
  score at or above the scale's pass mark; it is blank until all of them are filled in;
- the scale says what failing the gate excludes: nothing, the total, or the ranking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from generator.model import Organisation
from generator.scoring import sheets

YES_NO = ["Y", "N"]
# A criterion checked, not scored, is chosen from this list (the ✓ / ✗ of the paper sheets).
MET, NOT_MET = "Met", "Not met"


def met_list(column: str, rows: int, title: str) -> dict[str, Any]:
    """A Met / Not met list for a criterion's candidate rows."""
    return {"kind": "list", "options": [MET, NOT_MET], "range": f"{column}2:{column}{rows + 1}",
            "title": title, "error": f"Choose {MET} or {NOT_MET} from the list.",
            "prompt": f"{MET} or {NOT_MET}."}


def yes_no(column: str, rows: int, title: str) -> dict[str, Any]:
    """A Y / N list for a column's candidate rows."""
    return {"kind": "list", "options": YES_NO, "range": f"{column}2:{column}{rows + 1}",
            "title": title, "error": "Enter Y (yes) or N (no).", "prompt": "Y (yes) or N (no)."}


def whole(column: str, rows: int, title: str, low: int, high: int) -> dict[str, Any]:
    """Whole numbers from `low` to `high` only, for a column's candidate rows."""
    return {"kind": "whole", "min": low, "max": high, "range": f"{column}2:{column}{rows + 1}",
            "title": title[:32], "error": f"Enter a whole number from {low} to {high}.",
            "prompt": f"Score from {low} to {high}."}


@dataclass(frozen=True)
class Layout:
    """Where each row of the sheet sits: one column per criterion or competency from B."""

    sheet: sheets.Sheet

    def letter(self, index: int) -> str:
        return get_column_letter(index + 2)

    @property
    def scored(self) -> list[tuple[str, int]]:
        return [(self.letter(n), r.multiplier) for n, r in enumerate(self.sheet.rows)
                if r.mode == sheets.SCORE]

    @property
    def essential(self) -> list[tuple[str, sheets.Row]]:
        return [(self.letter(n), r) for n, r in enumerate(self.sheet.rows)
                if r.kind == "essential"]

    @property
    def gate_worked_out(self) -> bool:
        """True when the gate can be a formula: every essential row is met / not met, or the
        scale has a pass mark for the scored ones."""
        rows = [r for _, r in self.essential]
        return bool(rows) and (self.sheet.scale.pass_mark is not None
                               or all(r.mode == sheets.MET for r in rows))


def gate_formula(layout: Layout, row: int) -> dict[str, str]:
    """Y or N from the essential columns of `row`, blank until they are all filled in."""
    refs = [f"{letter}{row}" for letter, _ in layout.essential]
    tests = [f'{letter}{row}="{MET}"' if r.mode == sheets.MET
             else f"{letter}{row}>={layout.sheet.scale.pass_mark}"
             for letter, r in layout.essential]
    blank = "OR(" + ",".join(f'{ref}=""' for ref in refs) + ")"
    return {"f": f'=IF({blank},"",IF(AND({",".join(tests)}),"Y","N"))'}


def _sum(columns: list[tuple[str, int]], row: int) -> str:
    return "+".join(f"{c}{row}" + (f"*{w}" if w != 1 else "") for c, w in columns)


def _blanks(columns: list[tuple[str, int]], row: int) -> str:
    return f"{len(columns)}-COUNT({','.join(f'{c}{row}' for c, _ in columns)})"


def _split(layout: Layout) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """The scored columns counted for everyone, and those counted only for a candidate through
    the gate (the desirable ones, where the scale says so; else none)."""
    if not layout.sheet.desirable_after_gate:
        return layout.scored, []
    kinds = {layout.letter(n): r.kind for n, r in enumerate(layout.sheet.rows)}
    after = [c for c in layout.scored if kinds[c[0]] == "desirable"]
    return [c for c in layout.scored if c not in after], after


def blanks_formula(layout: Layout, row: int, gate: str | None) -> dict[str, str] | None:
    """How many scored cells of the row are still blank (desirable ones not counted for a
    candidate out at the gate, where desirable criteria come only after it)."""
    always, after = _split(layout)
    if not layout.scored:
        return None
    parts = [_blanks(always, row)] if always else []
    if after and gate:
        parts.append(f'IF({gate}{row}="N",0,{_blanks(after, row)})')
    return {"f": "=" + "+".join(parts)}


def total_formula(layout: Layout, row: int, gate: str | None) -> dict[str, str] | None:
    """Each score entered so far times its weight: the total grows as the scores come in
    (blank while none is in); blank for a candidate out at the gate where the scale says the
    gate excludes the total. Desirable scores that come only after the gate count once the
    gate is Y."""
    columns = layout.scored
    if not columns:
        return None
    refs = ",".join(f"{c}{row}" for c, _ in columns)
    always, after = _split(layout)
    total = _sum(always, row) if always else "0"
    if after and gate:
        total += f'+IF({gate}{row}="Y",{_sum(after, row)},0)'
    formula = f'IF(COUNT({refs})=0,"",{total})'
    if gate and layout.sheet.excludes == "total":
        formula = f'IF({gate}{row}="N","",{formula})'
    return {"f": "=" + formula}


def rank_formula(total: str, gate: str | None, row: int, last: int,
                 excludes: str, blanks: str) -> dict[str, str]:
    """1 for the highest total, among the candidates with every score in (`blanks` is the
    column counting the blank ones); blank until then, and for a candidate out at the gate
    where the scale says so (they are not counted above anyone either)."""
    totals = f"${total}$2:${total}${last}"
    complete = f"${blanks}$2:${blanks}${last},0"
    if gate and excludes in ("total", "ranking"):
        gates = f"${gate}$2:${gate}${last}"
        return {"f": f'=IF(OR({total}{row}="",{blanks}{row}<>0,{gate}{row}="N"),"",'
                     f'1+COUNTIFS({totals},">"&{total}{row},{complete},{gates},"<>N"))'}
    return {"f": f'=IF(OR({total}{row}="",{blanks}{row}<>0),"",'
                 f'1+COUNTIFS({totals},">"&{total}{row},{complete}))'}


def total_columns(sheet: sheets.Sheet, columns: list[list[Any]],
                  name: str) -> tuple[str, str] | None:
    """Add the "still to enter", total and rank columns where the sheet scores anything; the
    letters of the first two, else None."""
    if not sheet.scored:
        return None
    blanks = get_column_letter(len(columns) + 1)
    total = get_column_letter(len(columns) + 2)
    columns += [["Scores still to enter", 10],
                [f"{name}, {sheet.min_total} to {sheet.max_total} (so far)" if sheet.scale.stated
                 else f"{name} (so far)", 16],
                ["Rank (once every score is in)", 10]]
    return blanks, total


def total_cells(layout: Layout, row: int, last: int, gate: str | None,
                letters: tuple[str, str]) -> list[Any]:
    """A candidate's still-to-enter count, total so far and rank."""
    blanks, total = letters
    return [blanks_formula(layout, row, gate), total_formula(layout, row, gate),
            rank_formula(total, gate, row, last, layout.sheet.excludes, blanks)]


SHORT = 70  # characters of a criterion's text in its column's heading


def short_text(text: str, limit: int = SHORT) -> str:
    """`text` cut at a word to at most `limit` characters, with "…" where it was cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def row_header(row: sheets.Row) -> str:
    """A criterion column's header: id, essential or desirable, weight, met or not met; then,
    on the next line, what it asks for in short (the Criteria sheet has it in full)."""
    from generator.render.exports.richtext import plain

    group = f"{plain(row.group)}: " if row.group and row.competency is None else ""
    extra = f", ×{row.weight}" if row.weight else ""
    extra += ", met or not met" if row.mode == sheets.MET else ""
    what = row_asks(row)
    return (f"{plain(row.label)} ({group}{row.kind_label.lower()}{extra})"
            + (f"\n{short_text(what)}" if what else ""))


def row_asks(row: sheets.Row) -> str:
    """What a row asks for, as plain text: a competency's expected level as the framework
    calls it (nothing when the source names none), else the criterion's text."""
    from generator.render.exports.richtext import plain

    if row.level:
        return plain(row.level.called)
    return plain(row.text)


def score_columns(sheet: sheets.Sheet, count: int) -> tuple[list[list[Any]], list[Any]]:
    """The criterion columns (headers, widths) and their validations."""
    columns: list[list[Any]] = [["Candidate", 12]]
    validations = []
    layout = Layout(sheet)
    for index, row in enumerate(sheet.rows):
        columns.append([row_header(row), 14])
        letter = layout.letter(index)
        if row.mode == sheets.MET:
            validations.append(met_list(letter, count, f"{row.label} met?"))
        elif sheet.scale.stated:  # no scale given: no range to hold the score to
            validations.append(whole(letter, count, f"Criterion {row.label}",
                                     sheet.scale.min, sheet.scale.max))
    return columns, validations


def gate_column(sheet: sheets.Sheet, columns: list[list[Any]], validations: list[Any],
                count: int) -> str | None:
    """Add the essential gate's column where the sheet has a gate; its letter, else None. The
    panel says Y or N only where the gate cannot be worked out (scored essentials without a pass
    mark)."""
    if not sheet.gate:
        return None
    gate = get_column_letter(len(columns) + 1)
    worked_out = Layout(sheet).gate_worked_out
    columns.append(["Meets all essential criteria? (Y or N)"
                    + (", worked out" if worked_out else ""), 18])
    if not worked_out:
        validations.append(yes_no(gate, count, "Essential criteria met"))
    return gate


def worked_out(sheet: sheets.Sheet, outcome: str, total: str = "total") -> list[str]:
    """The workbook's lines on the gate, the total and the rank, in the scale's terms: where
    nothing is scored there is no total to work out."""
    layout = Layout(sheet)
    lines = [sheets.gate_note(sheet, outcome, by_hand=False)] if sheet.gate else []
    gate = sheet.gate and layout.gate_worked_out
    if sheet.scored:
        lines.append(f"The {total} is worked out for you as the scores come in: it adds up the "
                     "scores entered so far, and the column beside it counts the scored cells "
                     "still blank. The rank is worked out once a candidate has a score in "
                     "every scored column (none still to enter); until then it stays blank."
                     + (" The essential gate is worked out for you from the essential columns "
                        "once they are all filled in." if gate else ""))
    else:
        lines.append("Nothing is scored, so there is no total and no rank."
                     + (" The essential gate is worked out for you from the essential "
                        "columns once they are all filled in." if gate else ""))
    return lines


def keeping(organisation: Organisation, scale_id: str) -> list[str]:
    """The organisation's guidance (and its guidance for the scale), then its own
    data-protection text and retention period, each only where it gives one: what its printed
    sheets say (forms/_guidance.html, forms/_retention.html)."""
    from generator.render.exports.richtext import plain, plain_block

    wording = organisation.sheet_wording
    name = plain(organisation.name)
    lines = [f"Guidance from {name}:\n{plain_block(text)}"
             for text in (wording.guidance, wording.for_scale(scale_id)) if text]
    if wording.data_protection:
        lines.append(plain_block(wording.data_protection))
    months = wording.retention_months
    if months:
        lines.append(f"How long it is kept: {months} month{'' if months == 1 else 's'} after "
                     "the appointment is made.")
    return lines
