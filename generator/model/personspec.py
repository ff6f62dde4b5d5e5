"""The person specification: criteria, how each is assessed, and competency requirements.

Part of the model; `generator.model` re-exports every name, so import them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.records import (
    AssessmentMethod,
    Competency,
    Framework,
    Level,
    ListItem,
)
from generator.model.terms import NOT_STATED, NOT_STATED_LABEL

ESSENTIAL = "essential"
DESIRABLE = "desirable"


@dataclass(frozen=True)
class Criterion:
    id: str
    category: str
    text: str
    requirement: str
    assessed_by: tuple[AssessmentMethod, ...]
    weight: int | None = None
    guidance: str | None = None
    shared: str | None = None
    inherited_from: str | None = None
    items: tuple[ListItem, ...] = ()
    # False when the source leaves the method blank ("not stated"): the criterion is then on
    # no scoring sheet, and `assessed_by` is empty.
    methods_stated: bool = True
    internal_notes: str | None = None
    # The source's method column as worded where only part of it can be read ("Application
    # form/ Int [TRUNCATED]"): `assessed_by` holds the methods that can be read.
    methods_partly_legible: str | None = None

    @property
    def essential(self) -> bool:
        return self.requirement == ESSENTIAL

    @property
    def desirable(self) -> bool:
        return self.requirement == DESIRABLE

    @property
    def requirement_stated(self) -> bool:
        return self.requirement != NOT_STATED

    @property
    def stages(self) -> frozenset[str]:
        return frozenset(m.stage for m in self.assessed_by)

    def _methods(self, names: list[str]) -> str:
        """The methods named, or "Not stated", then the source's partly legible words."""
        shown = ", ".join(names) if self.methods_stated else NOT_STATED_LABEL
        if self.methods_partly_legible is None:
            return shown
        return f"{shown} (partly legible in the source: “{self.methods_partly_legible}”)"

    @property
    def assessed_by_text(self) -> str:
        return self._methods([m.name for m in self.assessed_by])

    @property
    def assessed_by_short(self) -> str:
        """The methods by abbreviation where they have one (a key, if the source gives one)."""
        return self._methods([m.abbreviation or m.name for m in self.assessed_by])


@dataclass(frozen=True)
class PersonSpec:
    introduction: str | None
    criteria: tuple[Criterion, ...]
    categories: dict[str, str] = field(default_factory=dict)  # casefolded name -> description

    def __hash__(self) -> int:
        return hash((self.introduction, self.criteria, tuple(sorted(self.categories.items()))))

    def at_stage(self, stage: str) -> tuple[Criterion, ...]:
        """Criteria assessed at a stage: essential, desirable, then those whose requirement is
        not stated, otherwise in published order."""
        chosen = [c for c in self.criteria if stage in c.stages]
        return tuple(sorted(chosen, key=lambda c: (not c.essential, not c.desirable)))

    def category_description(self, category: str) -> str | None:
        return self.categories.get(category.casefold())

    @property
    def unassessed(self) -> tuple[Criterion, ...]:
        """Criteria whose assessment method the source does not state."""
        return tuple(c for c in self.criteria if not c.methods_stated)

    def methods_used(self) -> tuple[AssessmentMethod, ...]:
        """Every method the criteria name, once each, in the order first used: the key."""
        found: dict[str, AssessmentMethod] = {}
        for crit in self.criteria:
            for method in crit.assessed_by:
                found.setdefault(method.id, method)
        return tuple(found.values())

    def by_category(self) -> tuple[tuple[str, tuple[Criterion, ...]], ...]:
        """Criteria grouped by category in the order each category first appears.

        Categories are compared ignoring case ("Special Requirements" from a role and "Special
        requirements" from a shared criterion are one group, named as first written). Criteria
        the source puts under no heading are one group named "", first, so that no heading
        is printed over them and they do not seem to fall under another's.
        """
        names: dict[str, str] = {}
        groups: dict[str, list[Criterion]] = {}
        if any(not crit.category for crit in self.criteria):
            names[""], groups[""] = "", []
        for crit in self.criteria:
            key = crit.category.casefold()
            names.setdefault(key, crit.category)
            groups.setdefault(key, []).append(crit)
        return tuple((names[key], tuple(items)) for key, items in groups.items())

    @property
    def essential(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.essential)

    @property
    def desirable(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.desirable)


@dataclass(frozen=True)
class CompetencyRequirement:
    framework: Framework
    competency: Competency | None
    level: Level | None  # None when the source names no level: none is shown or printed
    assessed_by: tuple[AssessmentMethod, ...]
    entry_level: Level | None = None
    exceptional_level: Level | None = None
    weight: int | None = None
    requirement: str | None = None  # essential, desirable, or None when the source does not say
    # False when the source leaves the method blank ("not stated"): on no sheet or form.
    methods_stated: bool = True

    @property
    def essential(self) -> bool:
        return self.requirement == ESSENTIAL

    @property
    def assessed_by_text(self) -> str:
        if not self.methods_stated:
            return NOT_STATED_LABEL
        return ", ".join(m.name for m in self.assessed_by)

    @property
    def key(self) -> str:
        """A stable id for form fields: the competency id, or the framework's for a whole level."""
        return self.competency.id if self.competency else self.framework.id

    @property
    def name(self) -> str:
        return self.competency.name if self.competency else self.framework.name

    @property
    def stages(self) -> frozenset[str]:
        return frozenset(m.stage for m in self.assessed_by)
