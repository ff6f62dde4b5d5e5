"""One panel member's filled sheet, as read: what it says it is, and the raw values."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import RoleprintError


class CollateError(RoleprintError):
    """A file collate cannot use; the message names it and says why."""


class NoScaleError(CollateError):
    """Sheets printed with no scale (the organisation names none, nor the vacancy): the
    scores cannot be checked against a lowest and highest score, so they are not collated."""

    def __init__(self, organisation: str) -> None:
        super().__init__(organisation)
        self.organisation = organisation


@dataclass
class Filled:
    """A member's sheet: `facts` (record, kind, stage, scale …), who filled it, and the
    values typed: (candidate code, row key) -> the text ("3", "met", "not-met")."""

    path: Path
    facts: dict[str, object]
    member: str
    values: dict[tuple[str, str], str] = field(default_factory=dict)
    gates: dict[str, str] = field(default_factory=dict)  # candidate -> "Y" / "N" typed
    # Score boxes a row has on a sheet with a question plan (one a set question), added up
    # into the row's score; a row not here has one.
    boxes: dict[str, int] = field(default_factory=dict)
