"""Records that roles and vacancies are built from: list sections, organisations with their
assessment methods and known-risks forms, scoring scales and competency frameworks.

Part of the model; `generator.model` re-exports every name, so import them from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model.levels import FrameworkLabels, Level, LevelRef, find, ordered
from generator.model.terms import Labels


@dataclass(frozen=True)
class ListItem:
    text: str
    number: str | None = None
    items: tuple[ListItem, ...] = ()
    priority: str | None = None       # the source's "Priority" column, as worded
    share_of_time: str | None = None  # the source's "% of Time" column, as worded


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
    # The source's headings of a duties table's columns, by key (text, priority, share_of_time).
    columns: tuple[tuple[str, str], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items or self.groups or self.intro)

    @property
    def table_columns(self) -> tuple[str, ...]:
        """The columns beside the duty that the source gives ("priority", "share_of_time"),
        when any of its items carries one: the section is then shown as a table."""
        items = (*self.items, *(item for group in self.groups for item in group.items))
        return tuple(key for key in ("priority", "share_of_time")
                     if any(getattr(item, key) for item in items))

    def column(self, key: str) -> str:
        """The source's heading of a duties table's column, or the standard one."""
        return dict(self.columns).get(key) or DUTY_COLUMNS[key]

    @property
    def table_heads(self) -> tuple[str, ...]:
        """A duties table's headings: the duty's, then each column the source gives."""
        return tuple(self.column(key) for key in ("text", *self.table_columns))


DUTY_COLUMNS = {"text": "Duty", "priority": "Priority", "share_of_time": "Share of time"}


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
class Apply:
    """How candidates apply for a vacancy, as the advert says (`apply` in its record)."""

    url: str | None = None          # the employer's apply page: http(s) only (the schema's rule)
    email: str | None = None        # where applications are e-mailed
    send: tuple[str, ...] = ()      # what to send, one thing each
    adjustments: str | None = None  # Markdown: how to ask for adjustments, in their words


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


FULL, GRID = "full", "grid"  # interview sheet layouts: a block per row, or a row per row


@dataclass(frozen=True)
class ScriptSection:
    """A part of the organisation's own interview script ("Introductions", "Ending the
    interview"), printed before or after the rows of the interview sheet."""

    heading: str
    text: str                  # Markdown
    position: str = "before"   # "before" or "after" the criteria


@dataclass(frozen=True)
class SheetWording:
    """The organisation's own wording on its scoring sheets (`scoring_sheets`)."""

    guidance: str | None = None                      # Markdown, on every scoring sheet
    scale_guidance: tuple[tuple[str, str], ...] = ()  # (scale id, Markdown), sorted by id
    retention_months: int | None = None              # only when the organisation gives one
    data_protection: str | None = None               # Markdown, the organisation's own words
    interview_layout: str = FULL                     # FULL or GRID
    interview_script: tuple[ScriptSection, ...] = ()

    def script(self, position: str) -> tuple[ScriptSection, ...]:
        """The script's sections printed `position` ("before" or "after") the rows."""
        return tuple(s for s in self.interview_script if s.position == position)

    def for_scale(self, scale_id: str) -> str | None:
        """The guidance for sheets scored on `scale_id`, if the organisation gives any."""
        return dict(self.scale_guidance).get(scale_id)


@dataclass(frozen=True)
class FormQuestion:
    """A yes / no question the organisation asks on its application form, with its own
    explanation (Markdown) and what it tells the panel about the answers, if anything."""

    question: str
    text: str | None = None
    to_panel: str | None = None


@dataclass(frozen=True)
class FormWording:
    """What the organisation itself says on its application form (`application_form`). Each
    statement is printed only when given; None (or 0 referees) means the form says nothing."""

    anonymised_to_applicants: str | None = None  # Markdown
    anonymised_to_panel: str | None = None       # Markdown
    anonymised: bool = False                     # it removes names before shortlisting
    guaranteed_interview: FormQuestion | None = None
    referees: int = 0
    referees_text: str | None = None
    evidence_guidance: str | None = None
    equality_monitoring: str | None = None
    criminal_records: FormQuestion | None = None
    criminal_records_exempt: FormQuestion | None = None
    privacy_notice: str | None = None
    equality_privacy_notice: str | None = None

    def convictions(self, exempt: bool) -> FormQuestion | None:
        """The criminal-records question for a post exempt (or not) from the Rehabilitation of
        Offenders Act 1974, if the organisation asks one."""
        return self.criminal_records_exempt if exempt else self.criminal_records


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    default_scale: str | None  # None: the organisation's documents give no scale
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
    # Scale ids by stage ('shortlisting', 'interview') over `default_scale`.
    stage_scales: tuple[tuple[str, str], ...] = ()
    sheet_wording: SheetWording = field(default_factory=SheetWording)
    form_wording: FormWording = field(default_factory=FormWording)
    # False for a role whose source names no employer (`organisation: not stated`): no name,
    # page, statement or wording of an organisation is shown for it.
    stated: bool = True

    def after(self, text: str) -> str:
        """`text`, then a comma and the organisation's name where it is stated."""
        return f"{text}, {self.name}" if self.stated else text

    def method(self, method_id: str) -> AssessmentMethod:
        return next(m for m in self.methods if m.id == method_id)


@dataclass(frozen=True)
class ScalePoint:
    score: int
    descriptor: str
    label: str | None = None


@dataclass(frozen=True)
class ScaleBand:
    """A run of scores described once: 1 to 2, "Very poor"."""

    low: int
    high: int
    descriptor: str
    label: str | None = None

    @property
    def scores(self) -> str:
        """How the band's scores are printed: "1 to 2", or "3" for a band of one."""
        return str(self.low) if self.low == self.high else f"{self.low} to {self.high}"


@dataclass(frozen=True)
class LegendLine:
    """One line of a scale's legend: a score or a band of scores, and what it means."""

    scores: str
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
    kind: str = "points"  # or "met": every criterion ticked met / not met
    pass_mark: int | None = None  # the lowest score meeting an essential criterion
    gate_excludes: str = "nothing"  # or "total", "ranking": what failing the gate leaves out
    bands: tuple[ScaleBand, ...] = ()  # descriptors written once for runs of scores
    # Desirable criteria scored only for a candidate who meets every essential one.
    desirable_after_gate: bool = False
    # False for NO_SCALE: the organisation names none, so the sheets print score boxes with no
    # range and no descriptors, and collation (which needs the range) is refused.
    stated: bool = True

    @property
    def span(self) -> str:
        """"1 to 5", or "" where no scale is given."""
        return f"{self.min} to {self.max}" if self.stated else ""

    @property
    def met_only(self) -> bool:
        return self.kind == "met"

    @property
    def points_high_first(self) -> tuple[ScalePoint, ...]:
        return tuple(sorted(self.points, key=lambda p: -p.score))

    @property
    def legend(self) -> tuple[LegendLine, ...]:
        """What each score means, in the order the scale lists its points (or bands), as the
        organisation's own form does, lowest or highest first: a line per band where the scale
        is banded, else a line per point."""
        if self.bands:
            return tuple(LegendLine(b.scores, b.descriptor, b.label) for b in self.bands)
        return tuple(LegendLine(str(p.score), p.descriptor, p.label) for p in self.points)


# A role whose organisation names no default scale, and no vacancy scale: its sheets are scored
# on no scale of Roleprint's making (min and max are never shown: `stated` is False), and no
# essential gate either, as that is a scale's rule and no scale was given.
NO_SCALE = Scale("", "", 0, 0, (), essential_gate=False, stated=False)


@dataclass(frozen=True)
class Competency:
    id: str
    name: str
    levels: tuple[Level, ...] = ()
    description: str | None = None
    relevance: str | None = None
    notes: str | None = None
    required_by: tuple[str, ...] = ()

    def level(self, ref: LevelRef) -> Level | None:
        return find(self.levels, ref)


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    organisation: str | None = None
    description: str | None = None
    relevance_label: str | None = None
    levels: tuple[Level, ...] = ()
    competencies: tuple[Competency, ...] = ()
    labels: FrameworkLabels = field(default_factory=FrameworkLabels)

    def level(self, ref: LevelRef) -> Level | None:
        return find(self.levels, ref)

    @property
    def relevance_lead(self) -> str:
        """The relevance heading with its colon, none after the source's own "?" or ":"
        ("Why is it important?")."""
        label = self.relevance_label or "Relevance"
        return label if label.endswith(("?", ":", "!")) else label + ":"

    def competency(self, competency_id: str) -> Competency | None:
        return next((c for c in self.competencies if c.id == competency_id), None)

    @property
    def level_order(self) -> tuple[LevelRef, ...]:
        """Each level the framework uses, once, in the framework's order (see `levels.ordered`)."""
        return ordered([lv.key for lv in self.levels]
                       + [lv.key for comp in self.competencies for lv in comp.levels])
