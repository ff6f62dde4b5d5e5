"""Interview questions: a role's (and its family's) question bank, and a vacancy's plan.

Part of the content model. Questions are panel material: the role page, the site's forms and
its search never show them; only a campaign pack (`roleprint forms`) prints them, on the
interview sheets (`generator.scoring.plan`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DEFAULT_METHOD = "interview"


@dataclass(frozen=True)
class Question:
    """One set question, and the criteria (by id) and competencies (by key) it assesses."""

    id: str
    text: str
    follow_up: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    method: str = DEFAULT_METHOD
    family: str | None = None  # the family it comes from, for a family's question


@dataclass(frozen=True)
class PlanEntry:
    """A question of the bank chosen for a campaign, and who asks it: a panel member's number
    (1 for the first), their name as written, or nobody named (None)."""

    question: str
    asked_by: int | str | None = None


def question(raw: dict[str, Any], family: str | None = None) -> Question:
    return Question(
        id=str(raw["id"]), text=raw["text"], follow_up=tuple(raw.get("follow_up", ())),
        criteria=tuple(str(c) for c in raw.get("criteria", ())),
        competencies=tuple(raw.get("competencies", ())),
        method=raw.get("method") or DEFAULT_METHOD, family=family)


def bank(layers: Iterable[tuple[str | None, list[dict[str, Any]]]]) -> tuple[Question, ...]:
    """The question bank from each layer's questions, eldest family first and the role last:
    a later question with the same id replaces the earlier one, in its place."""
    found: dict[str, Question] = {}
    for family, raws in layers:
        for raw in raws:
            found[str(raw["id"])] = question(raw, family)
    return tuple(found.values())


def plan(raws: list[dict[str, Any]] | None) -> tuple[PlanEntry, ...]:
    return tuple(PlanEntry(str(r["question"]), r.get("asked_by")) for r in raws or ())
