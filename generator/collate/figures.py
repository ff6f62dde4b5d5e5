"""The panel's figures from its members' sheets: per candidate and row each member's score,
the mean and the spread, the flags; each candidate's totals, gate and rank.

Means are exact fractions (rounded only when written), so a tie is a tie. Ties share a rank
(1, 1, 3): a campaign sets no tie-break rule, so the panel breaks a tie at moderation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property

from generator.collate.filled import CollateError, Filled
from generator.scoring.sheets import MET, Row, Sheet

SPREAD_FLAG = 2  # members this many points apart on a row are flagged for moderation
TIES = "Ties share a rank: the campaign sets no tie-break rule, so the panel agrees one."


@dataclass(frozen=True)
class Line:
    """One candidate on one row: each member's score (met: 1, not met: 0; None: blank)."""

    row: Row
    scores: tuple[int | None, ...]
    pass_mark: int | None

    @property
    def given(self) -> list[int]:
        return [s for s in self.scores if s is not None]

    @cached_property
    def mean(self) -> Fraction | None:
        return Fraction(sum(self.given), len(self.given)) if self.given else None

    @property
    def spread(self) -> int | None:
        return max(self.given) - min(self.given) if self.given else None

    def meets(self, score: int) -> bool | None:
        if self.row.mode == MET:
            return score == 1
        return score >= self.pass_mark if self.pass_mark is not None else None

    @property
    def flags(self) -> tuple[str, ...]:
        found = []
        if None in self.scores:
            found.append("not scored by every member")
        if self.row.mode != MET and (self.spread or 0) >= SPREAD_FLAG:
            found.append(f"members differ by {self.spread} points")
        if self.row.kind == "essential":
            views = {self.meets(s) for s in self.given} - {None}
            if len(views) > 1:
                found.append("members disagree whether it is met")
        return tuple(found)


@dataclass(frozen=True)
class Candidate:
    code: str
    lines: tuple[Line, ...]
    member_gates: tuple[bool | None, ...]  # each member's view of the essential gate
    rank: int | None = None
    no_total: bool = False  # fails the gate where the scale's gate excludes the total

    def member_total(self, index: int) -> int | None:
        scored = [(ln.scores[index], ln.row.multiplier) for ln in self.lines
                  if ln.row.mode != MET]
        if not scored or any(s is None for s, _ in scored):
            return None
        return sum(s * w for s, w in scored if s is not None)

    @cached_property
    def total(self) -> Fraction | None:
        """The mean score of each scored row times its weight, added up."""
        means = [(ln.mean, ln.row.multiplier) for ln in self.lines if ln.row.mode != MET]
        if not means or any(m is None for m, _ in means):
            return None
        return sum((m * w for m, w in means if m is not None), Fraction(0))

    @property
    def gate(self) -> str:
        """'Y' every member finds every essential criterion met, 'N' none does, 'disagree',
        or '' where there is no gate or it is not known."""
        views = set(self.member_gates)
        if views == {True}:
            return "Y"
        if views == {False}:
            return "N"
        return "disagree" if True in views and False in views else ""

    @property
    def flagged(self) -> int:
        return sum(1 for ln in self.lines if ln.flags) + (self.gate == "disagree")


@dataclass(frozen=True)
class Figures:
    sheet: Sheet
    members: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    facts: dict[str, object]


def _score(raw: str, row: Row, sheet: Sheet, where: str, boxes: int = 1) -> int:
    if row.mode == MET:
        word = raw.strip().casefold().replace(" ", "-")
        if word in ("met", "1", "y", "yes", "✓"):
            return 1
        if word in ("not-met", "0", "n", "no", "✗"):
            return 0
        raise CollateError(f"{where}: '{raw}' is not Met or Not met")
    try:
        number = float(raw)
    except ValueError:
        number = float("nan")
    low, high = sheet.scale.min * boxes, sheet.scale.max * boxes  # boxes added up
    if not number.is_integer() or not low <= number <= high:
        raise CollateError(f"{where}: '{raw}' is not a score from {low} to {high}")
    return int(number)


def _member_gate(filled: Filled, code: str, lines: Sequence[tuple[Line, int | None]],
                 sheet: Sheet) -> bool | None:
    if not sheet.gate:
        return None
    views = []
    for line, score in lines:
        if line.row.kind == "essential" and score is not None:
            views.append(line.meets(score))
    typed = filled.gates.get(code, "").strip().upper()
    if None in views or not views:  # scored essentials without a pass mark: the member's Y / N
        return {"Y": True, "N": False}.get(typed)
    return all(views)


def collate(sheet: Sheet, filled: Sequence[Filled]) -> Figures:
    """The figures of every candidate any member scored, members in the order given.

    A score that is not on the scale is an error naming the file, candidate and row; so is a
    member who sent two sheets for one candidate (at interview).
    """
    members = tuple(f.member for f in filled)
    codes = sorted({code for f in filled for code, _ in f.values} | {c for f in filled
                                                                      for c in f.gates},
                   key=lambda c: (len(c), c))
    problems = []
    scores: dict[tuple[str, str], list[int | None]] = {}
    for index, f in enumerate(filled):
        for (code, key), raw in f.values.items():
            row = next(r for r in sheet.rows if r.key == key)
            where = f"{f.path}: candidate {code}, {row.label}"
            try:
                value = _score(raw, row, sheet, where, f.boxes.get(key, 1))
            except CollateError as err:
                problems.append(str(err))
                continue
            scores.setdefault((code, key), [None] * len(filled))[index] = value
    if problems:
        raise CollateError("\n".join(problems))
    pass_mark = sheet.scale.pass_mark
    result = []
    for code in codes:
        lines = tuple(Line(row, tuple(scores.get((code, row.key), [None] * len(filled))),
                           pass_mark) for row in sheet.rows)
        gates = tuple(_member_gate(f, code, [(ln, ln.scores[i]) for ln in lines], sheet)
                      for i, f in enumerate(filled))
        result.append(Candidate(code, lines, gates))
    return Figures(sheet, members, ranked(result, sheet.scale.gate_excludes), {})


def ranked(candidates: list[Candidate], gate_excludes: str) -> tuple[Candidate, ...]:
    """Each candidate with their rank by total (highest first, ties shared); a candidate whose
    gate is not 'Y' is left out of the ranking where the gate excludes the total or the
    ranking (and one the panel fails gets no total where it excludes the total), and so is one
    without a total."""
    def in_ranking(c: Candidate) -> bool:
        if c.total is None:
            return False
        return not (gate_excludes in ("total", "ranking") and c.gate not in ("Y", ""))

    totals = [c.total for c in candidates if in_ranking(c)]
    out = []
    for c in candidates:
        rank = (1 + sum(1 for t in totals if c.total is not None and t is not None
                        and t > c.total)) if in_ranking(c) else None
        out.append(Candidate(c.code, c.lines, c.member_gates, rank,
                             no_total=gate_excludes == "total" and c.gate == "N"))
    return tuple(out)
