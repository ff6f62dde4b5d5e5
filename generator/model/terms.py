"""Parts of the model that hold an employer's own words: "not stated", terms and benefits, and
the headings and labels a role or organisation uses instead of Roleprint's standard ones.

Kept apart from `generator.model` so that module stays readable; the model imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The one value that records "the source does not say" wherever a value would otherwise be
# forced (requirement, assessed_by, dates, DBS level, salary period, workplace, visa). It is
# never turned into a guess: pages and exports show NOT_STATED_LABEL.
NOT_STATED = "not stated"
NOT_STATED_LABEL = "Not stated"

WORKPLACE_LABELS = {"on-site": "On site", "hybrid": "Hybrid (some on site, some remote)",
                    "remote": "Remote", NOT_STATED: NOT_STATED_LABEL}
VISA_LABELS = {"yes": "Available for this job",
               "no": "Not available for this job",
               NOT_STATED: NOT_STATED_LABEL}

# Roleprint's standard headings, used when neither the role nor its organisation gives its own.
SECTION_DEFAULTS = {
    "context": "Context",
    "purpose": "Purpose",
    "accountabilities": "Accountabilities",
    "key_activities": "Key activities",
    "performance_measures": "Key results",
    "person_specification": "Person specification",
    "competencies": "Competencies",
    "directorate": "Directorate",
}
COLUMN_DEFAULTS = {"criterion": "Criterion", "requirement": "Essential or desirable",
                   "assessed_by": "How it is assessed"}


def is_stated(value: object) -> bool:
    """False for a missing value and for an explicit "not stated"."""
    return value is not None and value != NOT_STATED


@dataclass(frozen=True)
class BenefitGroup:
    """Benefits under a heading of the source's own ("Benefits", "Other benefits")."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Terms:
    """Terms and benefits as the source gives them; every field is optional."""

    annual_leave: str | None = None
    pension: str | None = None
    benefits: tuple[str, ...] = ()
    workplace: str | None = None
    workplace_text: str | None = None
    visa_sponsorship: str | None = None
    # The source's own words, kept beside the yes/no/not stated value and never deciding it.
    visa_sponsorship_statement: str | None = None
    who_may_apply: str | None = None  # e.g. a Civil Service advert's "Nationality requirements"
    # Benefits in the source's groups, each under its own heading, and the source's own labels
    # for annual leave and pension (Roleprint's when it gives none).
    benefit_groups: tuple[BenefitGroup, ...] = ()
    annual_leave_label: str | None = None
    pension_label: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in _TERM_FIELDS)

    @property
    def workplace_label(self) -> str | None:
        return WORKPLACE_LABELS.get(self.workplace or "")

    @property
    def workplace_label_shown(self) -> str | None:
        """The label to print before the source's own words, or None where those words already
        say it ("On-site" after "On site" would say it twice)."""
        label, text = self.workplace_label, self.workplace_text
        if label and text and _letters(text).startswith(_letters(label.split(" (")[0])):
            return None
        return label

    @property
    def annual_leave_heading(self) -> str:
        return self.annual_leave_label or "Annual leave"

    @property
    def pension_heading(self) -> str:
        return self.pension_label or "Pension"

    @property
    def pension_in_paragraphs(self) -> bool:
        """True when the pension is more than one paragraph or a list: it is then shown under
        its own heading rather than squeezed into one labelled line."""
        text = (self.pension or "").strip()
        return "\n\n" in text or any(line.lstrip()[:2] in ("- ", "* ")
                                       for line in text.splitlines())

    @property
    def visa_label(self) -> str | None:
        return VISA_LABELS.get(self.visa_sponsorship or "")

    def merged(self, over: Terms) -> Terms:
        """These terms with every field `over` gives replacing this one's (a vacancy's terms
        over its role's)."""
        return Terms(*(getattr(over, name) or getattr(self, name) for name in _TERM_FIELDS))


def _letters(text: str) -> str:
    """Only the letters, in lower case: 'On-site' and 'On site' are both 'onsite'."""
    return "".join(ch for ch in text.casefold() if ch.isalpha())


_TERM_FIELDS = ("annual_leave", "pension", "benefits", "workplace", "workplace_text",
                "visa_sponsorship", "visa_sponsorship_statement", "who_may_apply",
                "benefit_groups", "annual_leave_label", "pension_label")


@dataclass(frozen=True)
class Labels:
    """The employer's words for headings, person-specification columns and "competency"."""

    sections: dict[str, str] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)
    competency: str | None = None
    methods_as: str | None = None
    methods_key: str | None = None  # the source's own key to its method codes, as worded

    def __hash__(self) -> int:  # dict fields: hash by value so frozen records stay hashable
        return hash((tuple(sorted(self.sections.items())), tuple(sorted(self.columns.items())),
                     self.competency, self.methods_as, self.methods_key))

    def section(self, key: str) -> str:
        return self.sections.get(key) or SECTION_DEFAULTS[key]

    def column(self, key: str) -> str:
        return self.columns.get(key) or COLUMN_DEFAULTS[key]

    @property
    def competency_term(self) -> str:
        """The singular term, lower case: "competency" unless the employer says otherwise."""
        return self.competency or "competency"

    @property
    def competencies_heading(self) -> str:
        return self.section("competencies") if "competencies" in self.sections or not \
            self.competency else _plural(self.competency).capitalize()

    @property
    def abbreviations(self) -> bool:
        return self.methods_as == "abbreviations"

    def over(self, base: Labels) -> Labels:
        """These labels, falling back to `base` (the organisation's) for what they leave out."""
        return Labels({**base.sections, **self.sections}, {**base.columns, **self.columns},
                      self.competency or base.competency,
                      self.methods_as or base.methods_as,
                      self.methods_key or base.methods_key)


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
