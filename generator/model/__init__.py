"""The model stage: validated content as frozen dataclasses, what every renderer is given.

Takes in the plain values of records that passed `generator.content` (`assemble.site()` builds
them); gives out a `Site` and everything in it, which nothing changes after it is made.

The records roles are built from are in `generator.model.records`, the person specification in
`generator.model.personspec` and the employer's own words in `generator.model.terms`; every name is
importable from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypeVar

from generator.model.jobfacts import ContractFacts, Dimension, Dimensions, Vetting
from generator.model.levels import FrameworkLabels, Level, LevelRef
from generator.model.pay import PayFigure, covering
from generator.model.personspec import (
    DESIRABLE,
    ESSENTIAL,
    CompetencyRequirement,
    Criterion,
    PersonSpec,
)
from generator.model.questions import PlanEntry, Question
from generator.model.records import (
    FULL,
    GRID,
    NO_SCALE,
    Apply,
    AssessmentMethod,
    Competency,
    Contact,
    FormQuestion,
    FormWording,
    Framework,
    KnownRiskForm,
    KnownRiskItem,
    KnownRiskNote,
    ListGroup,
    ListItem,
    ListSection,
    Organisation,
    Scale,
    ScaleBand,
    ScalePoint,
    ScriptSection,
    SheetWording,
    Statement,
    Value,
)
from generator.model.terms import (
    NOT_STATED,
    NOT_STATED_LABEL,
    BenefitGroup,
    Labels,
    Terms,
    is_stated,
)

__all__ = [
    "ASSESSMENT_STAGES",
    "DESIRABLE",
    "ESSENTIAL",
    "FULL",
    "GRID",
    "NOT_STATED",
    "NOT_STATED_LABEL",
    "NO_SCALE",
    "SCORING_STAGES",
    "Apply",
    "AssessmentMethod",
    "BenefitGroup",
    "Checks",
    "Competency",
    "CompetencyRequirement",
    "Contact",
    "ContractFacts",
    "Criterion",
    "Dimension",
    "Dimensions",
    "Family",
    "FormQuestion",
    "FormWording",
    "Framework",
    "FrameworkLabels",
    "GlossaryTerm",
    "KnownRiskAnswer",
    "KnownRiskForm",
    "KnownRiskItem",
    "KnownRiskNote",
    "Labels",
    "Level",
    "LevelRef",
    "ListGroup",
    "ListItem",
    "ListSection",
    "Organisation",
    "PayFigure",
    "PersonSpec",
    "PlanEntry",
    "Question",
    "Role",
    "RoleDates",
    "Salary",
    "Scale",
    "ScaleBand",
    "ScalePoint",
    "ScriptSection",
    "SheetWording",
    "Site",
    "Source",
    "Statement",
    "Terms",
    "Vacancy",
    "Value",
    "Vetting",
    "WorkingArrangement",
    "is_stated",
]

T = TypeVar("T")
# When a criterion is assessed (a person specification's "stage"), and the two stages a panel
# scores on sheets (the interview's scale covers moderation too).
ASSESSMENT_STAGES = ("application", "interview", "pre-appointment")
SCORING_STAGES = ("shortlisting", "interview")


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
    # The source's other rates (a London rate beside a national one, a starting salary after
    # a range) and its supplements and allowances, each in its own words; none is picked.
    rates: tuple[PayFigure, ...] = ()
    supplements: tuple[PayFigure, ...] = ()

    @property
    def span(self) -> PayFigure:
        """The figures that sort, filter and go in JobPosting's baseSalary: the salary's own,
        or, where other rates give figures too, the range from the lowest of them to the
        highest (supplements are not base pay, so never in it)."""
        own = PayFigure(self.text, self.min, self.max, self.period)
        if not any(rate.figures for rate in self.rates):
            return own
        return covering((own, *self.rates)) or own

    @property
    def qualifiers(self) -> tuple[str, ...]:
        """What the source says about the figures, for showing beside them."""
        return tuple(word for word, on in (("estimated", self.estimated),
                                           ("pro rata", self.pro_rata),
                                           ("dependent on experience",
                                            self.depends_on_experience),
                                           ("period not stated", self.period == NOT_STATED))
                     if on)


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
    vetting: tuple[Vetting, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.dbs or self.rehabilitation_exemption or self.statement or self.other
                    or self.vetting)

    @property
    def needs_dbs(self) -> bool:
        return self.dbs not in (None, "none", NOT_STATED)


@dataclass(frozen=True)
class KnownRiskAnswer:
    item: KnownRiskItem
    answer: str | None
    details: str | None
    note: KnownRiskNote | None

    @property
    def shown(self) -> str:
        """The answer as printed: "Not stated" where the employer's form leaves it blank."""
        if self.answer == NOT_STATED:
            return NOT_STATED_LABEL
        return self.answer or "Not answered"


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
class ImportReview:
    """What is still open in an imported role's review (`import_review`), by position in its
    lists. The review's own words are kept out of the model, so nothing can publish them."""

    open_looks: tuple[int, ...] = ()      # points needing a person's eye not ticked done
    open_to_place: tuple[int, ...] = ()   # pieces of text to place not ticked done


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
    contract_facts: ContractFacts = field(default_factory=ContractFacts)
    dates: RoleDates = field(default_factory=RoleDates)
    introduction: str | None = None
    context: str | None = None
    purpose: str | None = None
    accountabilities: ListSection = field(default_factory=ListSection)
    key_activities: ListSection = field(default_factory=ListSection)
    performance_measures: ListSection = field(default_factory=ListSection)
    dimensions: Dimensions = field(default_factory=Dimensions)
    working_arrangements: tuple[WorkingArrangement, ...] = ()
    checks: Checks = field(default_factory=Checks)
    known_risks: tuple[KnownRiskAnswer, ...] = ()
    statements: tuple[Statement, ...] = ()
    competencies: tuple[CompetencyRequirement, ...] = ()
    terms: Terms = field(default_factory=Terms)
    labels: Labels = field(default_factory=Labels)  # already merged over the organisation's
    internal_notes: str | None = None
    draft: bool = False  # `status: draft`: not yet checked, left out of a published site
    review: ImportReview = field(default_factory=ImportReview)
    # The question bank (its family's, then its own): panel material, never published.
    questions: tuple[Question, ...] = ()

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
    contract_facts: ContractFacts = field(default_factory=ContractFacts)  # its own, else the role's
    employment_type: str | None = None
    locations: tuple[str, ...] = ()
    how_to_apply: str | None = None
    apply: Apply | None = None  # the apply link or e-mail, what to send, adjustments
    contact: Contact | None = None
    panel: tuple[str, ...] = ()
    summary: str | None = None
    country: str | None = None
    terms: Terms = field(default_factory=Terms)  # the role's, with the vacancy's over them
    # Which details are made up (an example vacancy): published, in a notice at the top.
    illustrative: str | None = None
    internal_notes: str | None = None
    # Marked open but its closing date has passed (on the build's date): shown as closed,
    # with no JobPosting data; `validate` warns about it.
    expired: bool = False
    # The campaign's own scales and weights by stage ('shortlisting', 'interview').
    stage_scales: tuple[tuple[str, Scale], ...] = ()
    weights: tuple[tuple[str, tuple[tuple[str, int], ...]], ...] = ()
    # The campaign's interview questions and who asks each (none: the role's bank, in order).
    question_plan: tuple[PlanEntry, ...] = ()

    def weights_at(self, stage: str) -> dict[str, int]:
        """The vacancy's weights at a stage, by criterion or competency id."""
        return dict(dict(self.weights).get(stage, ()))

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
    # A digest of the files and schemas the model was loaded from ("" when not loaded from
    # files): what is worked out from the whole site can be kept in a cache under it.
    source: str = field(default="", compare=False, repr=False)

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

    def recruits(self, role_id: str) -> bool:
        """Whether the role has a vacancy, open or closed. Only such a role's application form
        and panel's sheets are published: nobody can apply for, or score, a role nobody is
        recruiting to, and forms make up most of a large site's size."""
        return role_id in self._vacancies_by_role

    def open_vacancy(self, role_id: str) -> Vacancy | None:
        return next((v for v in self.vacancies_of(role_id) if v.is_open), None)

    def roles_in_family(self, family_id: str) -> tuple[Role, ...]:
        return self._roles_by_family.get(family_id, ())

    def roles_requiring(self, framework_id: str, competency_id: str | None) -> tuple[
        tuple[Role, CompetencyRequirement], ...
    ]:
        return self._requirements.get((framework_id, competency_id), ())

    def without_drafts(self) -> tuple[Site, tuple[str, ...], tuple[str, ...]]:
        """The site as published: no draft role, and no vacancy for one; with the ids left out.

        A draft is a role not yet checked against its source (an imported one, say): HR sees
        it in `roleprint serve` or with `build --drafts`, never by accident on the live site."""
        drafts = tuple(sorted(k for k, r in self.roles.items() if r.draft))
        if not drafts:
            return self, (), ()
        vacancies = tuple(sorted(k for k, v in self.vacancies.items() if v.role.draft))
        site = replace(self, roles={k: r for k, r in self.roles.items() if not r.draft},
                       vacancies={k: v for k, v in self.vacancies.items()
                                  if k not in vacancies})
        return site, drafts, vacancies

    def scale_for(self, role: Role, vacancy: Vacancy | None = None,
                  stage: str | None = None) -> Scale:
        """The scale for a stage: the vacancy's for that stage, else the vacancy's own, else
        the organisation's for that stage, else its default."""
        if vacancy is not None:
            return dict(vacancy.stage_scales).get(stage or "", vacancy.scale)
        org = role.organisation
        found = dict(org.stage_scales).get(stage or "", org.default_scale)
        return self.scales[found] if found else NO_SCALE


def _group(items: Iterable[T], keys: Callable[[T], tuple[str, ...]]) -> dict[str, tuple[T, ...]]:
    """The items under each of their keys, in the order given."""
    found: dict[str, list[T]] = {}
    for item in items:
        for key in keys(item):
            found.setdefault(key, []).append(item)
    return {key: tuple(group) for key, group in found.items()}
