"""The collated workbook (a spec for `generator/render/exports/excel.py`): each member's score as
typed, the mean, the spread and the totals as formulas a spreadsheet works out again, and an
Agreed column the panel edits at moderation (filled in with the mean), from which the agreed
total and the rank follow."""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from generator.collate.figures import TIES, Figures
from generator.scoring.sheets import MET


def _agreed(value: Any) -> Any:
    """The mean as a number for the Agreed column: exact where it ends, else 2 places."""
    return None if value is None else round(float(value), 2)


def book_spec(figures: Figures, notice: str) -> dict[str, Any]:
    """Sheets: Scores (a line per candidate and row), Totals, About."""
    n = len(figures.members)
    first, last = get_column_letter(5), get_column_letter(4 + n)
    mean, agreed = get_column_letter(5 + n), get_column_letter(7 + n)
    columns = [["Candidate", 10], ["Id", 10], ["Essential or desirable", 14], ["Weight", 8],
               *[[f"{m}: score", 12] for m in figures.members], ["Mean", 10], ["Spread", 10],
               ["Agreed (edit at moderation)", 14], ["Flags", 40]]
    rows: list[list[Any]] = []
    blocks: list[tuple[int, int]] = []
    for cand in figures.candidates:
        start = len(rows) + 2
        for line in cand.lines:
            r = len(rows) + 2
            if line.row.mode == MET:
                marks = [None if s is None else ("Met" if s else "Not met")
                         for s in line.scores]
                agreed_mark = ({1: "Met", 0: "Not met"}.get(line.given[0])
                               if line.given and len(set(line.given)) == 1 else None)
                figures_cells: list[Any] = [None, None, agreed_mark]
                cells: list[Any] = [None, *marks]
            else:
                span = f"{first}{r}:{last}{r}"
                figures_cells = [{"f": f"=AVERAGE({span})"},
                                 {"f": f"=MAX({span})-MIN({span})"}, _agreed(line.mean)]
                cells = [line.row.multiplier, *line.scores]
            rows.append([cand.code, line.row.label, line.row.kind_label, *cells,
                         *figures_cells, "; ".join(line.flags) or None])
        blocks.append((start, len(rows) + 1))
    end = len(figures.candidates) + 1
    totals = []
    for i, (cand, (a, b)) in enumerate(zip(figures.candidates, blocks, strict=True), start=2):
        scored = cand.total is not None and not cand.no_total
        ranked = "yes" if cand.rank is not None else "no"
        totals.append([
            cand.code,
            {"f": f"=SUMPRODUCT(Scores!{mean}{a}:{mean}{b},Scores!D{a}:D{b})"} if scored else None,
            {"f": f"=SUMPRODUCT(Scores!{agreed}{a}:{agreed}{b},Scores!D{a}:D{b})"}
            if scored else None,
            cand.gate or None, ranked,
            {"f": f'=IF(E{i}="yes",1+COUNTIFS($C$2:$C${end},">"&C{i},$E$2:$E${end},"yes"),"")'},
            cand.flagged])
    return {
        "title": "Collated panel scores", "subject": notice,
        "keywords": "collated scores, " + str(figures.facts.get("record", "")),
        "sheets": [
            {"name": "Scores", "columns": columns, "rows": rows, "freeze": "C2"},
            {"name": "Totals", "columns": [["Candidate", 10], ["Total of the means", 14],
                                           ["Agreed total", 14], ["Meets all essential", 14],
                                           ["In the ranking", 10], ["Rank (agreed total)", 10],
                                           ["Rows flagged", 10]],
             "rows": totals},
            {"name": "About", "columns": [["About these figures", 110]],
             "rows": [[notice], [TIES],
                      ["Scores: each member's score as typed on their sheet, the mean and the "
                       "spread (highest less lowest). Agreed: the mean to start from; change "
                       "it to the score the panel agrees, and the agreed total and the rank "
                       "follow."]]},
        ],
    }
