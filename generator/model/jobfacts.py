"""Facts about a job held as the source words them: the kind and end of its contract, the
vetting or security clearance it needs and its dimensions (budget, staff, caseload).

Part of the model; `generator.model` re-exports every name. Nothing here is worked out from
anything else: a fact the source does not give is None, or "not stated" where the author says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.terms import NOT_STATED, NOT_STATED_LABEL

CONTRACT_KIND_LABELS = {"permanent": "Permanent", "fixed-term": "Fixed term",
                        "temporary": "Temporary", "secondment": "Secondment",
                        NOT_STATED: NOT_STATED_LABEL}
# What the source says of a vetting: the candidate must already hold it, or will be put through
# it. "not stated" is shown as such; a vetting without the key shows nothing about it.
VETTING_CANDIDATE_LABELS = {"must-hold": "must already be held",
                            "will-be-vetted": "to be carried out",
                            NOT_STATED: "whether it must already be held is not stated"}


@dataclass(frozen=True)
class ContractFacts:
    """The structured facts beside a role's or vacancy's `contract` (kept as worded)."""

    kind: str | None = None    # permanent, fixed-term, temporary, secondment or not stated
    end: str | None = None     # YYYY-MM-DD or YYYY-MM, as the source dates it
    length: str | None = None  # the source's words ("12 months")

    def __bool__(self) -> bool:
        return bool(self.kind or self.end or self.length)

    @property
    def kind_label(self) -> str | None:
        return CONTRACT_KIND_LABELS.get(self.kind or "")


@dataclass(frozen=True)
class Vetting:
    """One vetting or security clearance, with the source's own sentence."""

    text: str
    scheme: str | None = None
    level: str | None = None
    candidate: str | None = None  # must-hold, will-be-vetted or not stated

    @property
    def name(self) -> str:
        """The scheme and level as the source names them ("Police vetting, RV"), or ""."""
        return ", ".join(part for part in (self.scheme, self.level) if part)

    @property
    def candidate_label(self) -> str | None:
        return VETTING_CANDIDATE_LABELS.get(self.candidate or "")


@dataclass(frozen=True)
class Dimension:
    label: str
    value: str  # Markdown


@dataclass(frozen=True)
class Dimensions:
    """A job description's DIMENSIONS section: label and value pairs, word for word."""

    title: str | None = None
    intro: str | None = None
    items: tuple[Dimension, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.items)

    @property
    def heading(self) -> str:
        return self.title or "Dimensions"
