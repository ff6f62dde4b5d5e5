"""Behaviours written on one line ("Behaviours: Working Together, Delivering at Pace", a Civil
Service advert's) and a person specification row whose factor is a behaviour a loaded framework
has (an NI care provider's "Yes" under Essential with its assessment method): the role's
competencies, with no level or method made up. A name no framework has is kept to place."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importer.blocks import Block
from generator.importer.criteria import Criterion
from generator.importer.extras import Organisation
from generator.importer.labels import lookup
from generator.model.terms import NOT_STATED

_NAMES = re.compile(r"\s*[,;]\s*")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
_MAX_SPLITS = 3  # "A and B and C and D" at most: a longer run of "and"s is kept whole


@dataclass
class Line:
    """What one line of behaviours gives: the competencies it names, the sentence before its
    colon (None when that is only a "Behaviours" label) and the names no framework has."""

    competencies: list[dict[str, Any]] = field(default_factory=list)
    lead: str | None = None
    unknown: list[str] = field(default_factory=list)


def _named(organisation: Organisation, text: str, where: str) -> dict[str, Any] | None:
    found = organisation.competency(Block("para", text, where))
    return found if found is not None and "competency" in found else None


def _names(organisation: Organisation, part: str, where: str,
           depth: int = 0) -> tuple[list[dict[str, Any]], list[str]]:
    """The competencies one comma-separated part names, and what in it no framework names:
    "Seeing the Big Picture and Developing Self and Others" is split at the "and" that leaves
    a name on one side ("Developing Self and Others" is tried whole first)."""
    one = _named(organisation, part, where)
    if one is not None:
        return [one], []
    if depth < _MAX_SPLITS and len(_AND.findall(part)) <= _MAX_SPLITS:
        for match in _AND.finditer(part):
            left = _names(organisation, part[: match.start()], where, depth + 1)
            right = _names(organisation, part[match.end():], where, depth + 1)
            if left[0] or right[0]:
                return left[0] + right[0], left[1] + right[1]
    return [], [part]


def one_line(organisation: Organisation, block: Block, section: str | None) -> Line | None:
    """The behaviours a line names after its colon, when the line is labelled "Behaviours:" or
    stands under a Behaviours heading and at least one name is a framework's; None otherwise."""
    if block.kind not in ("para", "item"):
        return None
    head, colon, tail = block.text.partition(":")
    labelled = lookup("sections", head) == "competencies"
    if not colon or not tail.strip() or not (labelled or section == "competencies") or (
            organisation.competency(block) is not None):
        return None
    line = Line(lead=None if labelled else f"{head.strip()}:")
    for part in filter(None, (p.strip() for p in _NAMES.split(tail))):
        found, unknown = _names(organisation, part, block.where)
        line.competencies.extend(found)
        line.unknown.extend(unknown)
    return line if line.competencies else None


def from_row(organisation: Organisation, crit: Criterion, factor: str | None,
             how: str | None) -> tuple[dict[str, Any], list[str]] | None:
    """The competency a person specification row names in its criterion cell or its own factor
    cell, essential or desirable as marked and assessed as its method cell reads; with the
    cells it leaves to place (the framework's indicators beside the name, a method not read)."""
    found = _named(organisation, crit.text, crit.where)
    left: list[str] = []
    if found is None and factor:
        found, left = _named(organisation, factor, crit.where), [crit.text]
    if found is None:
        return None
    if crit.requirement:
        found["requirement"] = crit.requirement
    found["assessed_by"] = crit.methods or NOT_STATED
    if how and not crit.methods:
        left.append(how)  # not read, so not guessed: the source's words for a person
    return found, left
