"""What goes on each scoring sheet, worked out in Python so the templates only lay it out.

Rows come from the person specification's "assessed by" column (and, at interview, from the
role's competency requirements); criterion ids are shown exactly as published. Field names are
built from a field-safe form of the id, so every score traces back to the requirement.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from generator.model import CompetencyRequirement, Criterion, Level, PersonSpec, Role, Scale

DEFAULT_CANDIDATES = 6
# More candidate columns than this and the criterion text gets too narrow on A4 portrait:
# the candidates are split over several tables instead.
MAX_COLUMNS = 6
SCORE = "score"
MET = "met"

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def field_key(raw: str) -> str:
    """An id made safe for a form field name ('.' would nest PDF fields): '1.1' -> '1_1', so
    that it stays apart from '1-1' (an id has no '_' of its own: the schema allows letters,
    digits, '.', '-'); anything else unsafe becomes '-': 'E 1.a' -> 'E-1_a'."""
    return _UNSAFE.sub("-", raw.replace(".", "_")).strip("-_") or "x"


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
    group: str = ""               # the person specification's category ("Experience" …)

    @property
    def kind(self) -> str:
        """essential, desirable, not stated (the source does not say) or competency."""
        if self.criterion is None:
            return "competency"
        return self.criterion.requirement

    @property
    def kind_label(self) -> str:
        if self.kind == "competency":
            term = self.competency_term.capitalize()
            said = self.competency.requirement if self.competency else None
            return f"{term}, {said}" if said else term
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
    def competencies_word(self) -> str:
        """The employer's word for its competencies when the sheet has any ("behaviours"),
        else nothing."""
        found = any(r.competency is not None for r in self.rows)
        return _plural(self.competency_term) if found else ""

    @property
    def tables(self) -> tuple[tuple[str, ...], ...]:
        return column_groups(self.candidates) if self.candidates else ()

    @property
    def groups(self) -> tuple[tuple[str, tuple[Row, ...]], ...]:
        """Rows under the person specification's own headings (qualifications, experience … or
        the employer's factors), in the order the specification first uses them, essential
        first inside each; then competencies (in the employer's word for them)."""
        order = {"essential": 0, "desirable": 1, "not stated": 2}
        found: dict[str, list[Row]] = {}
        names: dict[str, str] = {}
        for row in self.rows:
            if row.competency is None:
                names.setdefault(row.group.casefold(), row.group or "Criteria")
                found.setdefault(row.group.casefold(), []).append(row)
        groups = [(names[key], tuple(sorted(rows, key=lambda r: order.get(r.kind, 3))))
                  for key, rows in found.items()]
        comps = tuple(r for r in self.rows if r.competency is not None)
        if comps:
            groups.append((_plural(self.competency_term).capitalize(), comps))
        return tuple(groups)

    @property
    def sections(self) -> tuple[tuple[str, tuple[tuple[str, tuple[Row, ...]], ...]], ...]:
        """The groups split as panels' forms split them where some rows are checked and others
        scored: "Not to be scored" (✓ / ✗) first, then "To be scored"; else one part with no
        title."""
        groups = self.groups
        if not (self.met_rows and self.scored):
            return (("", groups),)
        parts = []
        for mode, title in ((MET, "Not to be scored: tick ✓ (met) or ✗ (not met)"),
                            (SCORE, "To be scored" + (f": {self.scale.span}"
                                                      if self.scale.stated else ""))):
            kept = tuple((name, picked) for name, rows in groups
                         if (picked := tuple(r for r in rows if r.mode == mode)))
            parts.append((title, kept))
        return tuple(parts)

    @property
    def desirable_after_gate(self) -> bool:
        """True where desirable rows are scored only for a candidate through the gate."""
        return (self.gate and self.scale.desirable_after_gate
                and any(r.kind == "desirable" for r in self.rows))

    @property
    def excludes(self) -> str:
        """What failing the gate leaves out: the scale's `gate_excludes`, or the total (and so
        the rank) where desirable criteria come only after the gate."""
        return "total" if self.desirable_after_gate else self.scale.gate_excludes

    @property
    def gate_rows(self) -> tuple[Row, ...]:
        """The essential rows the gate is worked out from (met / not met, or scored)."""
        return tuple(r for r in self.rows if r.kind == "essential")

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


def mode_for(scale: Scale, crit: Criterion | None) -> str:
    """MET on a met / not met scale, and for essential criteria on a scale that scores the
    desirable ones only (at every stage: shortlisting, interview and moderation)."""
    if scale.met_only or (scale.score_desirable_only and crit is not None and crit.essential):
        return MET
    return SCORE


def _weighted(scale: Scale, weights: list[int | None]) -> bool:
    """Weights show where the scale allows them and a row carries one; a weight the scale does
    not allow is a validate error (generator/content/scalerules.py), never printed."""
    return bool(scale.weights) and any(w is not None for w in weights)


def _criterion_row(crit: Criterion, mode: str, weight: int | None) -> Row:
    return Row(key=field_key(crit.id), label=crit.id, text=crit.text, mode=mode,
               weight=weight, essential=crit.essential, criterion=crit, group=crit.category)


def competency_row(req: CompetencyRequirement, term: str = "competency") -> Row:
    return Row(key="comp-" + field_key(req.key), label=req.name,
               text=req.level.name if req.level else "", competency=req, competency_term=term)


def in_spec_order(spec: PersonSpec, criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
    """`criteria` with their categories in the order the person specification (and the role
    page) first uses them; the order inside each category is kept."""
    rank = {name.casefold(): n for n, (name, _) in enumerate(spec.by_category())}
    return tuple(sorted(criteria, key=lambda c: rank.get(c.category.casefold(), len(rank))))


def _rows(scale: Scale, criteria: tuple[Criterion, ...], comps: tuple[Row, ...],
          weights: Mapping[str, int]) -> tuple[tuple[Row, ...], bool]:
    """Criterion rows then `comps`, each with its weight where the sheet is weighted: the
    vacancy's weight for the id at this stage, else the criterion's (or competency's) own."""
    rows = [_criterion_row(c, mode_for(scale, c), weights.get(c.id, c.weight)) for c in criteria]
    rows += [replace(r, mode=mode_for(scale, None), weight=weights.get(
        r.competency.key, r.competency.weight) if r.competency else None) for r in comps]
    weighted = _weighted(scale, [r.weight for r in rows if r.mode == SCORE])
    return tuple(replace(r, weight=(r.weight or 1) if weighted and r.mode == SCORE else None)
                 for r in rows), weighted


def stray_weights(role: Role, scale: Scale, stage: str,
                  weights: Mapping[str, int] | None = None) -> tuple[str, ...]:
    """The weights the stage's rows carry that `scale` does not allow ("E2 ×3"): what the
    sheets would otherwise drop (a scale without weights, or one that checks the row met or
    not met) or print and sum. Validate reports these in content, whatever the scale's kind;
    this catches a scale chosen on the command line."""
    weights = weights or {}
    interview = stage != SHORTLISTING
    criteria = role.person_spec.at_stage("interview" if interview else "application")
    found = [(c.id, weights.get(c.id, c.weight)) for c in criteria]
    found += [(r.name, weights.get(r.key, r.weight))
              for r in role.competencies_at_stage("interview" if interview else "application")]
    return tuple(f"{label} ×{w}" for label, w in found
                 if w is not None and w not in scale.weights)


def shortlisting(role: Role, scale: Scale, candidates: int = DEFAULT_CANDIDATES,
                 weights: Mapping[str, int] | None = None) -> Sheet:
    """Criteria judged from the application, grouped as the person specification groups them,
    one column per candidate code.

    With `score_desirable_only`, essential criteria are marked met / not met and only desirable
    criteria carry points; with `essential_gate`, a "meets all essential criteria" row is added.
    `weights` (criterion id -> weight) are the vacancy's for this stage.
    """
    criteria = in_spec_order(role.person_spec, role.person_spec.at_stage("application"))
    term = role.labels.competency_term
    comps = tuple(competency_row(req, term) for req in role.competencies_at_stage("application"))
    rows, weighted = _rows(scale, criteria, comps, weights or {})
    return Sheet(scale=scale, rows=rows, candidates=candidate_codes(candidates),
                 weighted=weighted, gate=_gate(scale, rows), competency_term=term)


def interview_rows(role: Role, scale: Scale, weights: Mapping[str, int] | None = None,
                   ) -> tuple[tuple[Row, ...], bool]:
    """Criteria assessed at interview, then competencies; and whether weighted."""
    criteria = in_spec_order(role.person_spec, role.person_spec.at_stage("interview"))
    term = role.labels.competency_term
    comps = tuple(competency_row(req, term) for req in role.competencies_at_stage("interview"))
    return _rows(scale, criteria, comps, weights or {})


def _gate(scale: Scale, rows: tuple[Row, ...]) -> bool:
    """The gate is on every sheet (shortlisting, interview, moderation) where the scale has it
    and there are essential rows: worked out from ✓ / ✗ or the pass mark, or, without a pass
    mark, judged by the panel (Y or N) on the score it agreed meets a criterion."""
    return scale.essential_gate and any(r.kind == "essential" for r in rows)


def interview(role: Role, scale: Scale, weights: Mapping[str, int] | None = None) -> Sheet:
    """One panel member's sheet for one candidate: every interview row on the scale (essential
    criteria checked, not scored, where the scale says so)."""
    rows, weighted = interview_rows(role, scale, weights)
    return Sheet(scale=scale, rows=rows, weighted=weighted, gate=_gate(scale, rows),
                 competency_term=role.labels.competency_term)


def moderation(role: Role, scale: Scale, candidates: int = DEFAULT_CANDIDATES,
               weights: Mapping[str, int] | None = None) -> Sheet:
    """The panel's agreed interview scores: the interview rows by candidate code."""
    rows, weighted = interview_rows(role, scale, weights)
    return Sheet(scale=scale, rows=rows, candidates=candidate_codes(candidates),
                 weighted=weighted, gate=_gate(scale, rows),
                 competency_term=role.labels.competency_term)


def gate_note(sheet: Sheet, outcome: str, by_hand: bool = True) -> str:
    """What the gate means on this sheet, in the scale's terms: no "whatever their total"
    where nothing is scored; no total, or no rank, where the scale says the gate excludes it;
    and how a scored essential criterion is met. `outcome`: "shortlisted", "appointed";
    `by_hand`: a paper sheet, where the panel leaves the total blank (a workbook does it)."""
    note = ("Essential criteria are a gate: a candidate who does not meet every essential "
            f"criterion is not {outcome}")
    if not sheet.scored:
        note += "."
    else:
        note += {"total": (" and gets no total: leave their total blank." if by_hand
                           else " and gets no total and no rank."),
                 "ranking": ": their total is recorded, but they are not ranked.",
                 }.get(sheet.excludes, ", whatever their total.")
    if any(r.mode == SCORE for r in sheet.gate_rows):
        pass_mark = sheet.scale.pass_mark
        note += (f" A score of {pass_mark} or more meets an essential criterion."
                 if pass_mark is not None else
                 " Agree before you start what score counts as meeting a criterion.")
    if sheet.desirable_after_gate:
        note += (" Desirable criteria are applied only to a candidate who meets every essential "
                 "criterion: " + ("score them only for those candidates." if by_hand else
                                  "their scores count only once the candidate's gate is Y."))
    return note


SHORTLISTING, INTERVIEW, MODERATION = "shortlisting", "interview", "moderation"


def left_out(role: Role) -> dict[str, str]:
    """The sheets this role would leave empty (file stem -> why), so none is made: a sheet of
    no rows would read "Total score, 0 to 0"."""
    spec = role.person_spec
    missing: dict[str, str] = {}
    if not (spec.at_stage("application") or role.competencies_at_stage("application")):
        missing[SHORTLISTING] = "no criterion is assessed from the application"
    if not (spec.at_stage("interview") or role.competencies_at_stage("interview")):
        why = f"no criterion or {role.labels.competency_term} is assessed at interview"
        missing[INTERVIEW] = why
        missing[MODERATION] = why
    return missing
