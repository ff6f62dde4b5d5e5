"""The validated content as frozen dataclasses: what templates and exporters are given."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from generator.terms import NOT_STATED, NOT_STATED_LABEL, Labels, Terms, is_stated

T = TypeVar("T")

ESSENTIAL = "essential"
DESIRABLE = "desirable"
__all__ = ["NOT_STATED", "Labels", "Terms", "is_stated"]
STAGES = ("application", "interview", "pre-appointment")


@dataclass(frozen=True)
class ListItem:
    text: str
    number: str | None = None
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class ListGroup:
    heading: str | None
    intro: str | None
    items: tuple[ListItem, ...]


@dataclass(frozen=True)
class ListSection:
    title: str | None = None
    intro: str | None = None
    items: tuple[ListItem, ...] = ()
    groups: tuple[ListGroup, ...] = ()
    outro: str | None = None

    def __bool__(self) -> bool:
        return bool(self.items or self.groups or self.intro)


@dataclass(frozen=True)
class Salary:
    text: str
    min: float | None = None
    max: float | None = None
    period: str | None = None
    currency: str = "GBP"
    estimated: bool = False
    pro_rata: bool = False
    depends_on_experience: bool = False

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """What the source says about the figures, for showing beside them."""
        return tuple(word for word, on in (("estimated", self.estimated),
                                           ("pro rata", self.pro_rata),
                                           ("dependent on experience",
                                            self.depends_on_experience)) if on)


@dataclass(frozen=True)
class Statement:
    kind: str
    title: str
    text: str


@dataclass(frozen=True)
class Value:
    name: str
    description: str | None


@dataclass(frozen=True)
class Contact:
    purpose: str | None = None
    name: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class AssessmentMethod:
    id: str
    name: str
    abbreviation: str | None
    stage: str
    description: str | None = None


@dataclass(frozen=True)
class KnownRiskItem:
    id: str
    text: str
    letter: str | None = None
    note: str | None = None
    kind: str = "yes-no"


@dataclass(frozen=True)
class KnownRiskNote:
    id: str
    title: str
    text: str
    letter: str | None = None


@dataclass(frozen=True)
class KnownRiskForm:
    title: str
    introduction: str | None
    question: str | None
    items: tuple[KnownRiskItem, ...]
    notes: tuple[KnownRiskNote, ...]
    history: str | None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    default_scale: str
    methods: tuple[AssessmentMethod, ...]
    short_name: str | None = None
    formerly: tuple[str, ...] = ()
    about: str | None = None
    address: tuple[str, ...] = ()
    website: str | None = None
    contacts: tuple[Contact, ...] = ()
    values_intro: str | None = None
    values: tuple[Value, ...] = ()
    values_statement: str | None = None
    statements: tuple[Statement, ...] = ()
    colour: str | None = None
    known_risks_form: KnownRiskForm | None = None
    labels: Labels = field(default_factory=Labels)
    country: str | None = None

    def method(self, method_id: str) -> AssessmentMethod:
        return next(m for m in self.methods if m.id == method_id)


@dataclass(frozen=True)
class ScalePoint:
    score: int
    descriptor: str
    label: str | None = None


@dataclass(frozen=True)
class Scale:
    id: str
    name: str
    min: int
    max: int
    points: tuple[ScalePoint, ...]
    description: str | None = None
    weights: tuple[int, ...] = ()
    essential_gate: bool = True
    score_desirable_only: bool = False

    @property
    def points_high_first(self) -> tuple[ScalePoint, ...]:
        return tuple(sorted(self.points, key=lambda p: -p.score))


@dataclass(frozen=True)
class Level:
    number: int
    name: str
    indicators: tuple[str, ...] = ()
    description: str | None = None
    not_defined: bool = False
    not_defined_text: str | None = None


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    levels: tuple[Level, ...] = ()
    description: str | None = None
    relevance: str | None = None
    notes: str | None = None
    required_by: tuple[str, ...] = ()

    def level(self, number: int) -> Level | None:
        return next((lv for lv in self.levels if lv.number == number), None)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    organisation: str | None = None
    description: str | None = None
    relevance_label: str | None = None
    levels: tuple[Level, ...] = ()
    competencies: tuple[Competency, ...] = ()

    def level(self, number: int) -> Level | None:
        return next((lv for lv in self.levels if lv.number == number), None)

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies if c.id == competency_id), None)

    @property
    def level_numbers(self) -> tuple[int, ...]:
        numbers = {lv.number for lv in self.levels}
        for comp in self.competencies:
            numbers.update(lv.number for lv in comp.levels)
        return tuple(sorted(numbers))


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

    @property
    def assessed_by_text(self) -> str:
        if not self.methods_stated:
            return NOT_STATED_LABEL
        return ", ".join(m.name for m in self.assessed_by)

    @property
    def assessed_by_short(self) -> str:
        """The methods by abbreviation where they have one (the key explains them)."""
        if not self.methods_stated:
            return NOT_STATED_LABEL
        return ", ".join(m.abbreviation or m.name for m in self.assessed_by)


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
        requirements" from a shared criterion are one group, named as first written).
        """
        names: dict[str, str] = {}
        groups: dict[str, list[Criterion]] = {}
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
    level: Level
    assessed_by: tuple[AssessmentMethod, ...]
    entry_level: Level | None = None
    exceptional_level: Level | None = None

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


@dataclass(frozen=True)
class WorkingArrangement:
    kind: str
    text: str


@dataclass(frozen=True)
class Checks:
    dbs: str | None = None
    rehabilitation_exemption: bool = False
    statement: str | None = None
    other: tuple[str, ...] = ()

    @property
    def needs_dbs(self) -> bool:
        return self.dbs not in (None, "none", NOT_STATED)


@dataclass(frozen=True)
class KnownRiskAnswer:
    item: KnownRiskItem
    answer: str | None
    details: str | None
    note: KnownRiskNote | None


@dataclass(frozen=True)
class RoleDates:
    issued: str | None = None
    reviewed: str | None = None
    next_review: str | None = None


@dataclass(frozen=True)
class Source:
    title: str | None
    kind: str | None
    text: str | None


@dataclass(frozen=True)
class Family:
    id: str
    title: str
    extends: str | None = None
    summary: str | None = None
    description: str | None = None
    responsibilities: ListSection = field(default_factory=ListSection)
    criteria: tuple[Criterion, ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    organisation: Organisation
    person_spec: PersonSpec
    family: Family | None = None
    directorate: str | None = None
    service: str | None = None
    team: str | None = None
    locations: tuple[str, ...] = ()
    reports_to: tuple[str, ...] = ()
    direct_reports: str | None = None
    grade: str | None = None
    salary: Salary | None = None
    post_number: str | None = None
    job_evaluation_number: str | None = None
    hours: str | None = None
    contract: str | None = None
    dates: RoleDates = field(default_factory=RoleDates)
    introduction: str | None = None
    context: str | None = None
    purpose: str | None = None
    accountabilities: ListSection = field(default_factory=ListSection)
    key_activities: ListSection = field(default_factory=ListSection)
    performance_measures: ListSection = field(default_factory=ListSection)
    working_arrangements: tuple[WorkingArrangement, ...] = ()
    checks: Checks = field(default_factory=Checks)
    known_risks: tuple[KnownRiskAnswer, ...] = ()
    statements: tuple[Statement, ...] = ()
    competencies: tuple[CompetencyRequirement, ...] = ()
    terms: Terms = field(default_factory=Terms)
    labels: Labels = field(default_factory=Labels)  # already merged over the organisation's
    internal_notes: str | None = None

    def competencies_at_stage(self, stage: str) -> tuple[CompetencyRequirement, ...]:
        return tuple(c for c in self.competencies if stage in c.stages)


@dataclass(frozen=True)
class Vacancy:
    id: str
    role: Role
    reference: str | None
    status: str
    title: str
    scale: Scale
    candidates: int = 6
    posted: str | None = None
    closing_date: str | None = None
    closing_time: str | None = None
    interview_dates: tuple[str, ...] = ()
    salary: Salary | None = None
    hours: str | None = None
    contract: str | None = None
    employment_type: str | None = None
    locations: tuple[str, ...] = ()
    how_to_apply: str | None = None
    contact: Contact | None = None
    panel: tuple[str, ...] = ()
    summary: str | None = None
    country: str | None = None
    terms: Terms = field(default_factory=Terms)  # the role's, with the vacancy's over them
    internal_notes: str | None = None
    # Marked open but its closing date has passed (on the build's date): shown as closed,
    # with no JobPosting data; `validate` warns about it.
    expired: bool = False

    @property
    def is_open(self) -> bool:
        return self.status == "open" and not self.expired

    @property
    def reference_text(self) -> str:
        return self.reference or NOT_STATED_LABEL


@dataclass(frozen=True)
class GlossaryTerm:
    term: str
    meaning: str
    description: str | None = None


@dataclass(frozen=True)
class Site:
    """Every record, keyed by id and sorted, with the look-ups pages need."""

    organisations: dict[str, Organisation]
    roles: dict[str, Role]
    families: dict[str, Family]
    frameworks: dict[str, Framework]
    scales: dict[str, Scale]
    vacancies: dict[str, Vacancy]
    shared_criteria: dict[str, Criterion]
    glossary: tuple[GlossaryTerm, ...]

    # Look-ups by id, worked out once on first use: a page per organisation, family and
    # framework each scanning every role would make the site's cost grow with N².
    # (cached_property writes past the frozen dataclass; the records never change.)
    @cached_property
    def _roles_by_organisation(self) -> dict[str, tuple[Role, ...]]:
        return _group(self.roles.values(), lambda r: (r.organisation.id,))

    @cached_property
    def _roles_by_family(self) -> dict[str, tuple[Role, ...]]:
        return _group(self.roles.values(), lambda r: (r.family.id,) if r.family else ())

    @cached_property
    def _vacancies_by_role(self) -> dict[str, tuple[Vacancy, ...]]:
        return _group(self.vacancies.values(), lambda v: (v.role.id,))

    @cached_property
    def _requirements(self) -> dict[tuple[str, str | None], tuple[
        tuple[Role, CompetencyRequirement], ...
    ]]:
        found: dict[tuple[str, str | None], list[tuple[Role, CompetencyRequirement]]] = {}
        for role in self.roles.values():
            for req in role.competencies:
                comp = req.competency.id if req.competency else None
                found.setdefault((req.framework.id, comp), []).append((role, req))
        return {key: tuple(pairs) for key, pairs in found.items()}

    def roles_of(self, organisation_id: str) -> tuple[Role, ...]:
        return self._roles_by_organisation.get(organisation_id, ())

    def vacancies_of(self, role_id: str) -> tuple[Vacancy, ...]:
        return self._vacancies_by_role.get(role_id, ())

    def open_vacancy(self, role_id: str) -> Vacancy | None:
        return next((v for v in self.vacancies_of(role_id) if v.is_open), None)

    def roles_in_family(self, family_id: str) -> tuple[Role, ...]:
        return self._roles_by_family.get(family_id, ())

    def roles_requiring(self, framework_id: str, competency_id: str | None) -> tuple[
        tuple[Role, CompetencyRequirement], ...
    ]:
        return self._requirements.get((framework_id, competency_id), ())

    def scale_for(self, role: Role, vacancy: Vacancy | None = None) -> Scale:
        if vacancy is not None:
            return vacancy.scale
        return self.scales[role.organisation.default_scale]


def _group(items: Iterable[T], keys: Callable[[T], tuple[str, ...]]) -> dict[str, tuple[T, ...]]:
    """The items under each of their keys, in the order given."""
    found: dict[str, list[T]] = {}
    for item in items:
        for key in keys(item):
            found.setdefault(key, []).append(item)
    return {key: tuple(group) for key, group in found.items()}
