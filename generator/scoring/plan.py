"""The interview sheet of a campaign with a question plan, worked out in Python.

Each assessment method used at interview (interview, test, written exercise, presentation …)
is its own section; under each criterion or competency the method assesses come the set
questions that ask about it, with their follow-up prompts, who asks each and a score box for
each. A criterion no set question covers keeps the boxes of today's sheet. Tests and written
exercises are not asked: their sections have no "Question asked" boxes and name no asker.
Each section has its subtotal, the sheet its total.

Questions are panel material: only campaign packs (`roleprint forms`) have a plan, never the
site's forms (`generator.render.forms.build.write_all_forms`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import AssessmentMethod, PlanEntry, Question, Role, Vacancy
from generator.scoring.sheets import SCORE, Row, Sheet, field_key

# Methods whose candidates answer on paper or at a screen: no one asks, nothing is asked.
WRITTEN = frozenset({"test", "written-exercise"})


@dataclass(frozen=True)
class SetQuestion:
    """A question of the plan, and the panel member who asks it (None: nobody named)."""

    question: Question
    asked_by: str | None = None

    @property
    def key(self) -> str:
        return field_key(self.question.id)


@dataclass(frozen=True)
class Block:
    """One criterion or competency in a method's section, and its set questions there."""

    row: Row
    questions: tuple[SetQuestion, ...] = ()

    @property
    def score_boxes(self) -> int:
        """Score boxes the block adds to its subtotal: one a question, else one."""
        return (len(self.questions) or 1) if self.row.mode == SCORE else 0


@dataclass(frozen=True)
class MethodSection:
    """A method's part of the sheet: its blocks under the person specification's groups."""

    method: AssessmentMethod
    groups: tuple[tuple[str, tuple[Block, ...]], ...]
    scale_min: int
    scale_max: int
    stated: bool = True  # False: no scale given, so no range is printed

    @property
    def key(self) -> str:
        return field_key(self.method.id)

    @property
    def written(self) -> bool:
        return self.method.id in WRITTEN

    @property
    def blocks(self) -> tuple[Block, ...]:
        return tuple(b for _, blocks in self.groups for b in blocks)

    @property
    def scored(self) -> bool:
        return any(b.score_boxes for b in self.blocks)

    @property
    def max_subtotal(self) -> int:
        return sum(self.scale_max * b.row.multiplier * b.score_boxes for b in self.blocks)

    @property
    def min_subtotal(self) -> int:
        return sum(self.scale_min * b.row.multiplier * b.score_boxes for b in self.blocks)


@dataclass(frozen=True)
class PlannedSheet:
    """The interview sheet's sections, one for each method used at interview."""

    sections: tuple[MethodSection, ...]

    @property
    def scored(self) -> bool:
        return any(s.scored for s in self.sections)

    @property
    def max_total(self) -> int:
        return sum(s.max_subtotal for s in self.sections)

    @property
    def min_total(self) -> int:
        return sum(s.min_subtotal for s in self.sections)

    @property
    def askers(self) -> tuple[str, ...]:
        """Everyone named to ask a question, once each, in the order they first ask."""
        names = (q.asked_by for s in self.sections if not s.written for b in s.blocks
                 for q in b.questions if q.asked_by)
        return tuple(dict.fromkeys(names))


def asker(given: int | str | None, panel: Sequence[str]) -> str | None:
    """Who asks: a panel member's number becomes their name where the panel is named, and
    "Panel member 2" where it is not (`--panel 3`) or the panel has no member 2."""
    if isinstance(given, int):
        named = panel[given - 1] if given <= len(panel) else ""
        return named or f"Panel member {given}"
    return given


def set_questions(role: Role, vacancy: Vacancy | None, panel: Sequence[str],
                  ) -> tuple[SetQuestion, ...]:
    """The campaign's questions: the vacancy's plan, else the role's whole bank in its order
    (nobody named to ask them). Cross-checks have made sure every planned id exists."""
    bank = {q.id: q for q in role.questions}
    entries = vacancy.question_plan if vacancy and vacancy.question_plan else tuple(
        PlanEntry(q.id) for q in role.questions)
    return tuple(SetQuestion(bank[e.question], asker(e.asked_by, panel))
                 for e in entries if e.question in bank)


def _assesses(question: Question, row: Row) -> bool:
    if row.criterion is not None:
        return row.criterion.id in question.criteria
    return row.competency is not None and row.competency.key in question.competencies


def _methods(row: Row) -> tuple[AssessmentMethod, ...]:
    source = row.criterion or row.competency
    return source.assessed_by if source is not None else ()


def planned(sheet: Sheet, questions: tuple[SetQuestion, ...]) -> PlannedSheet | None:
    """The sheet as method sections (None without questions: the sheet stays as it is).
    Methods come in the order the organisation lists them (built-in: interview, test,
    written exercise, presentation); a row is in each section whose method assesses it."""
    if not questions:
        return None
    methods: dict[str, AssessmentMethod] = {}
    for row in sheet.rows:
        for method in _methods(row):
            if method.stage == "interview":
                methods.setdefault(method.id, method)
    order = {m: n for n, m in enumerate(("interview", "test", "written-exercise",
                                         "presentation"))}
    sections = []
    for method in sorted(methods.values(), key=lambda m: order.get(m.id, len(order))):
        rows = tuple(r for r in sheet.rows if method in _methods(r))
        part = Sheet(scale=sheet.scale, rows=rows, competency_term=sheet.competency_term)
        groups = tuple((heading, tuple(Block(r, tuple(
            q for q in questions if q.question.method == method.id and _assesses(q.question, r)))
            for r in group)) for heading, group in part.groups)
        sections.append(MethodSection(method, groups, sheet.scale.min, sheet.scale.max,
                                      sheet.scale.stated))
    return PlannedSheet(tuple(sections))
