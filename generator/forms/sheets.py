"""What goes on each scoring sheet, worked out in Python so the templates only lay it out.

Rows come from the person specification's "assessed by" column (and, at interview, from the
role's competency requirements); criterion ids are shown exactly as published. Field names are
built from a field-safe form of the id, so every score traces back to the requirement.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from generator.model import CompetencyRequirement, Criterion, Level, Role, Scale

DEFAULT_CANDIDATES = 6
# More candidate columns than this and the criterion text gets too narrow on A4 portrait:
# the candidates are split over several tables instead.
MAX_COLUMNS = 6
SCORE = "score"
MET = "met"

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def field_key(raw: str) -> str:
    """An id made safe for a form field name ('.' would nest PDF fields): 'E 1.a' -> 'E-1-a'."""
    return _UNSAFE.sub("-", raw).strip("-") or "x"


def candidate_codes(count: int) -> tuple[str, ...]:
    """Anonymous candidate codes, C1 to Cn: the columns of the sheets, never names."""
    if count < 1:
        raise ValueError(f"a campaign needs at least one candidate column, not {count}")
    return tuple(f"C{n}" for n in range(1, count + 1))


def column_groups(codes: tuple[str, ...], size: int = MAX_COLUMNS) -> tuple[tuple[str, ...], ...]:
    """Split candidate codes into tables of at most `size` columns, as evenly as possible."""
    tables = math.ceil(len(codes) / size)
    per_table = math.ceil(len(codes) / tables)
    return tuple(codes[i:i + per_table] for i in range(0, len(codes), per_table))


@dataclass(frozen=True)
class Row:
    """One line of a sheet: a criterion or a competency, with how it is scored."""

    key: str                      # field-safe: "E2", "comp-achieving-results"
    label: str                    # as published: "E2", or the competency's name
    text: str
    mode: str = SCORE             # SCORE (points on the scale) or MET (met / not met)
    weight: int | None = None     # set only when the sheet shows weights
    essential: bool | None = None  # None for a competency
    criterion: Criterion | None = None
    competency: CompetencyRequirement | None = None
    competency_term: str = "competency"  # the employer's word: "skill", "behaviour"

    @property
    def kind(self) -> str:
        """essential, desirable, not stated (the source does not say) or competency."""
        if self.criterion is None:
            return "competency"
        return self.criterion.requirement

    @property
    def kind_label(self) -> str:
        if self.kind == "competency":
            return self.competency_term.capitalize()
        return {"essential": "Essential", "desirable": "Desirable"}.get(
            self.kind, "Essential or desirable: not stated")

    @property
    def multiplier(self) -> int:
        return self.weight or 1

    @property
    def level(self) -> Level | None:
        return self.competency.level if self.competency else None


@dataclass(frozen=True)
class Sheet:
    """A scoring sheet: its rows, the scale, and the candidate columns."""

    scale: Scale
    rows: tuple[Row, ...]
    candidates: tuple[str, ...] = ()
    weighted: bool = False
    gate: bool = False
    competency_term: str = "competency"

    @property
    def tables(self) -> tuple[tuple[str, ...], ...]:
        return column_groups(self.candidates) if self.candidates else ()

    @property
    def groups(self) -> tuple[tuple[str, tuple[Row, ...]], ...]:
        """Rows under headings, in order: essential criteria, desirable, those whose requirement
        is not stated, then competencies (in the employer's word for them)."""
        found = []
        for heading, kind in (("Essential criteria", "essential"),
                              ("Desirable criteria", "desirable"),
                              ("Criteria not stated as essential or desirable", "not stated"),
                              (_plural(self.competency_term).capitalize(), "competency")):
            rows = tuple(r for r in self.rows if r.kind == kind)
            if rows:
                found.append((heading, rows))
        return tuple(found)

    @property
    def has_essential(self) -> bool:
        return any(r.kind == "essential" for r in self.rows)

    @property
    def scored(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.mode == SCORE)

    @property
    def met_rows(self) -> tuple[Row, ...]:
        return tuple(r for r in self.rows if r.mode == MET)

    @property
    def max_total(self) -> int:
        return sum(self.scale.max * r.multiplier for r in self.scored)

    @property
    def min_total(self) -> int:
        return sum(self.scale.min * r.multiplier for r in self.scored)


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def _weighted(scale: Scale, criteria: tuple[Criterion, ...]) -> bool:
    return bool(scale.weights) and any(c.weight is not None for c in criteria)


def _criterion_row(crit: Criterion, mode: str, weighted: bool) -> Row:
    return Row(key=field_key(crit.id), label=crit.id, text=crit.text, mode=mode,
               weight=(crit.weight or 1) if weighted and mode == SCORE else None,
               essential=crit.essential, criterion=crit)


def competency_row(req: CompetencyRequirement, term: str = "competency") -> Row:
    return Row(key="comp-" + field_key(req.key), label=req.name, text=req.level.name,
               competency=req, competency_term=term)


def shortlisting(role: Role, scale: Scale, candidates: int = DEFAULT_CANDIDATES) -> Sheet:
    """Criteria judged from the application, essential first, one column per candidate code.

    With `score_desirable_only`, essential criteria are marked met / not met and only desirable
    criteria carry points; with `essential_gate`, a "meets all essential criteria" row is added.
    """
    criteria = role.person_spec.at_stage("application")
    weighted = _weighted(scale, criteria)
    rows = tuple(
        _criterion_row(c, MET if (scale.score_desirable_only and c.essential) else SCORE, weighted)
        for c in criteria
    )
    # The gate applies only where there are essential criteria to meet.
    gate = scale.essential_gate and any(c.essential for c in criteria)
    return Sheet(scale=scale, rows=rows, candidates=candidate_codes(candidates),
                 weighted=weighted, gate=gate)


def interview_rows(role: Role, scale: Scale) -> tuple[tuple[Row, ...], bool]:
    """Criteria assessed at interview (essential first), then competencies; and if weighted."""
    criteria = role.person_spec.at_stage("interview")
    weighted = _weighted(scale, criteria)
    rows = tuple(_criterion_row(c, SCORE, weighted) for c in criteria)
    term = role.labels.competency_term
    comps = tuple(competency_row(req, term) for req in role.competencies_at_stage("interview"))
    if weighted:
        comps = tuple(replace(r, weight=1) for r in comps)
    return rows + comps, weighted


def interview(role: Role, scale: Scale) -> Sheet:
    """One panel member's sheet for one candidate: every interview row scored on the scale."""
    rows, weighted = interview_rows(role, scale)
    return Sheet(scale=scale, rows=rows, weighted=weighted,
                 competency_term=role.labels.competency_term)


def moderation(role: Role, scale: Scale, candidates: int = DEFAULT_CANDIDATES) -> Sheet:
    """The panel's agreed interview scores: the interview rows by candidate code."""
    rows, weighted = interview_rows(role, scale)
    return Sheet(scale=scale, rows=rows, candidates=candidate_codes(candidates),
                 weighted=weighted, competency_term=role.labels.competency_term)


SHORTLISTING, INTERVIEW, MODERATION = "shortlisting", "interview", "moderation"


def left_out(role: Role) -> dict[str, str]:
    """The sheets this role would leave empty (file stem -> why), so none is made: a sheet of
    no rows would read "Total score, 0 to 0"."""
    spec = role.person_spec
    missing: dict[str, str] = {}
    if not spec.at_stage("application"):
        missing[SHORTLISTING] = "no criterion is assessed from the application"
    if not (spec.at_stage("interview") or role.competencies_at_stage("interview")):
        why = f"no criterion or {role.labels.competency_term} is assessed at interview"
        missing[INTERVIEW] = why
        missing[MODERATION] = why
    return missing
