"""The assessment methods every organisation starts with (DOMAIN.md's open vocabulary)."""

from __future__ import annotations

from typing import Any

from generator.model import AssessmentMethod
from generator.model.terms import NOT_STATED

BUILTIN_METHODS: tuple[AssessmentMethod, ...] = (
    AssessmentMethod("application", "Application", "A", "application",
                     "Judged from the application form and supporting statement."),
    AssessmentMethod("interview", "Interview", "I", "interview"),
    AssessmentMethod("test", "Test", "T", "interview"),
    AssessmentMethod("written-exercise", "Written exercise", "W", "interview"),
    AssessmentMethod("presentation", "Presentation", "P", "interview"),
    AssessmentMethod("references", "References", "R", "pre-appointment"),
    AssessmentMethod("certificates", "Certificates", "C", "pre-appointment",
                     "Checked from original certificates or documents before appointment."),
)


def organisation_methods(entries: list[dict[str, Any]]) -> tuple[AssessmentMethod, ...]:
    """Built-in methods, relabelled or extended by an organisation's own list."""
    methods = {m.id: m for m in BUILTIN_METHODS}
    for entry in entries:
        base = methods.get(entry["id"])
        methods[entry["id"]] = AssessmentMethod(
            id=entry["id"],
            name=entry.get("name") or (base.name if base else entry["id"]),
            abbreviation=entry.get("abbreviation") or (base.abbreviation if base else None),
            stage=entry.get("stage") or (base.stage if base else "interview"),
            description=entry.get("description") or (base.description if base else None),
        )
    return tuple(methods.values())


def given_methods(own: Any, *fallbacks: Any) -> list[str] | None:
    """The method ids a criterion is assessed by: its own, else the first fallback given (a
    shared criterion's, then the person specification's default). None when the one that
    applies is "not stated": the source does not say, and no method is made up."""
    for value in (own, *fallbacks):
        if value == NOT_STATED:
            return None
        if value:
            return list(value)
    return []
