"""Competency levels as a framework gives them: by number, by name, or both.

A framework that numbers its levels keeps its numbers (and its levels are in number order); one
that names them only ("Operational Level", "Awareness") keeps the names, in the order it lists
them. A role names a level by either. Part of the model; `generator.model` re-exports the names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.model.terms import Labels

LevelRef = int | str


@dataclass(frozen=True)
class Level:
    number: int | None
    name: str
    indicators: tuple[str, ...] = ()
    description: str | None = None
    not_defined: bool = False
    not_defined_text: str | None = None
    applies_to: tuple[str, ...] = ()  # the roles or groups the framework names for the level

    @property
    def key(self) -> LevelRef:
        """What identifies the level in its framework: its number, else its name."""
        return self.name if self.number is None else self.number

    @property
    def named(self) -> bool:
        """True when the name says more than "Level <number>" (so it is worth printing)."""
        return self.number is None or self.name.lower() != f"level {self.number}"

    @property
    def called(self) -> str:
        """"Level 2: Entry Level", "Level 2" when the name says no more, or the name alone for
        a level the framework names only."""
        if self.number is None:
            return self.name
        return f"Level {self.number}: {self.name}" if self.named else f"Level {self.number}"

    def is_called(self, ref: LevelRef) -> bool:
        return refers_to(self.number, self.name, ref)


def default_name(number: int | None, name: str | None) -> str:
    """A level's name: the source's, else "Level <number>" (the schema lets a numbered level
    leave its name out, as sources do)."""
    return name or f"Level {number}"


def refers_to(number: int | None, name: str | None, ref: LevelRef) -> bool:
    """Whether a role's `level` (a number, or a name as the framework gives it, capital letters
    aside: names in a framework differ by more) is this level. The editor writes a number as
    text ("2"), so text that is a whole number is a number."""
    if isinstance(ref, bool):
        return False
    if isinstance(ref, int):
        return number == ref
    text = ref.strip()
    if number is not None and text.isdigit():
        return number == int(text)
    return default_name(number, name).strip().casefold() == text.casefold()


def ordered(keys: Iterable[LevelRef]) -> tuple[LevelRef, ...]:
    """The framework's order of its levels: by number where every level has one, else in the
    order the framework lists them (each once)."""
    seen = tuple(dict.fromkeys(keys))
    if all(isinstance(k, int) for k in seen):
        return tuple(sorted(seen, key=int))
    return seen


def find(levels: Iterable[Level], ref: LevelRef) -> Level | None:
    return next((lv for lv in levels if lv.is_called(ref)), None)


@dataclass(frozen=True)
class FrameworkLabels:
    """A framework's own words for its pages; each left out is today's standard wording."""

    competency: str | None = None      # the term for one competency: "skill"
    competencies: str | None = None    # the heading for them all: "Skills"
    levels: str | None = None          # the heading for framework-wide levels
    named_roles: str | None = None     # "Roles that require this skill:"

    @property
    def competency_term(self) -> str:
        return self.competency or "competency"

    @property
    def competencies_heading(self) -> str:
        sections = {"competencies": self.competencies} if self.competencies else {}
        return Labels(sections, competency=self.competency).competencies_heading

    @property
    def levels_heading(self) -> str:
        return self.levels or "Levels"

    @property
    def named_roles_lead(self) -> str:
        return self.named_roles or "Needed by, as the framework names them:"
