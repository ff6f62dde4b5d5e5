"""Checks that need more than one record, or more than a schema can say.

Runs on records that passed their schema; each check reports Problems with positions.
"""

from __future__ import annotations

import calendar
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.autoid import criterion_ids
from generator.methods import BUILTIN_METHODS
from generator.problems import JsonPath, Problem, json_path
from generator.yamlload import Document

_NAMES = {
    "organisation": "organisations", "role": "roles", "family": "role families",
    "criterion": "shared criteria", "framework": "frameworks", "scale": "scales",
    "vacancy": "vacancies",
}


@dataclass
class Records:
    """Documents by kind and id; `known` also holds ids of files that failed earlier checks."""

    docs: dict[str, dict[str, Document]] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)

    def get(self, kind: str, record_id: str) -> Document | None:
        return self.docs.get(kind, {}).get(record_id)


class Checker:
    def __init__(self, records: Records) -> None:
        self.records = records
        self.problems: list[Problem] = []

    def report(self, doc: Document, path: JsonPath, message: str, hint: str = "") -> None:
        mark = doc.mark(path)
        self.problems.append(Problem(doc.path, mark.line, mark.column, json_path(path),
                                     message, hint))

    def reference(self, doc: Document, path: JsonPath, kind: str, value: str) -> bool:
        """Report an unknown reference with the ids it might have meant; True when it exists."""
        if value in self.records.known.get(kind, ()):
            return True
        known = sorted(self.records.known.get(kind, set()))  # only on a miss: costly per call
        self.report(doc, path, f"there is no {kind} with the id '{value}'", suggest(value, known,
                    _NAMES.get(kind, kind), f"content/{_folder(kind)}/"))
        return False

    def unique(self, doc: Document, base: JsonPath, items: Iterable[tuple[int, Any]],
               what: str, key: str = "id") -> None:
        seen: dict[str, Any] = {}
        for index, value in items:
            folded = str(value).casefold()
            if folded in seen:
                self.report(doc, (*base, index, key),
                            f"{what} '{value}' is used twice (also at {base[-1]}[{seen[folded]}])",
                            "each must be different (capital letters are ignored when comparing)")
            else:
                seen[folded] = index


def _folder(kind: str) -> str:
    return {"family": "families", "criterion": "criteria", "vacancy": "vacancies"}.get(
        kind, kind + "s")


def suggest(value: str, known: list[str], noun: str, where: str | None = None) -> str:
    """A hint for an unknown name: the closest known one, else (some of) the known ones."""
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if not known:
        return f"there are no {noun} yet" + (f": add one in {where}" if where else "")
    listed = ", ".join(known[:10]) + (", …" if len(known) > 10 else "")
    return f"the {noun} are: {listed}"


def check_dates(checker: Checker, doc: Document) -> None:
    """Every YYYY-MM-DD or YYYY-MM value must be a real date (the loader notes each one)."""
    for path, match in doc.dates:
        value = match.group()
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            checker.report(doc, path, f"'{value}' is not a real date: there is no month {month}")
            continue
        if match.group(3):
            day, last = int(match.group(3)), calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                name = calendar.month_name[month]
                checker.report(doc, path, f"'{value}' is not a real date: {name} {year} has "
                               f"{last} days", "check the day and the month")


def methods_for(records: Records, organisation_id: str | None) -> set[str]:
    methods = {m.id for m in BUILTIN_METHODS}
    org = records.get("organisation", organisation_id) if organisation_id else None
    if org:
        methods.update(m["id"] for m in org.data.get("assessment_methods", []))
    return methods


def check_methods(checker: Checker, doc: Document, path: JsonPath, values: list[str],
                  allowed: set[str]) -> None:
    for index, method in enumerate(values):
        if method not in allowed:
            close = difflib.get_close_matches(method, sorted(allowed), n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}'?" if close else
                    "the methods are: " + ", ".join(sorted(allowed)) +
                    " (an organisation can add its own under assessment_methods)")
            checker.report(doc, (*path, index), f"'{method}' is not an assessment method", hint)


def check_criteria(checker: Checker, doc: Document, base: JsonPath, criteria: list[dict[str, Any]],
                   allowed: set[str], default: list[str] | None) -> None:
    """Ids unique, shared criteria exist, methods known, and each says how it is assessed."""
    # Criteria may leave out their id (they are numbered E1, D1 … as the model numbers them).
    ids = criterion_ids(criteria)
    checker.unique(doc, base, ((i, c["id"]) for i, c in enumerate(criteria) if "id" in c),
                   "criterion id")
    for index, (crit, crit_id) in enumerate(zip(criteria, ids, strict=True)):
        path = (*base, index)
        shared = None
        if "use" in crit and checker.reference(doc, (*path, "use"), "criterion", crit["use"]):
            shared = checker.records.get("criterion", crit["use"])
        methods = crit.get("assessed_by")
        if methods == "not stated":  # said explicitly: modelrules warns, it is no error
            pass
        elif methods is not None:
            check_methods(checker, doc, (*path, "assessed_by"), methods, allowed)
        elif not default and not (shared and shared.data.get("assessed_by")):
            checker.report(doc, path, f"criterion '{crit_id}' does not say how it is assessed",
                           "add 'assessed_by: [application, interview]' to the criterion, or set "
                           "person_specification.assessed_by for all of them")
        if "text" not in crit and shared is None and "use" not in crit:
            checker.report(doc, path, "criterion needs 'text' or 'use'")
