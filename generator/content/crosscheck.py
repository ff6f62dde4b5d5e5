"""Checks that need more than one record, or more than a schema can say.

Runs on the part of each record that passed its schema (generator/content/validpart.py); each check
reports Problems with positions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.content.yamlload import Document, date_problem
from generator.core.problems import JsonPath, Problem, json_path
from generator.model.autoid import criterion_ids
from generator.model.methods import BUILTIN_METHODS

# Never a guessed method: what the source says is copied, or its silence recorded.
# A weight comes from the source: the hints never offer one to pick (issue 28, point 9).
WEIGHT_NOT_ALLOWED_HINT = ("copy the weight the source gives; if it gives this one, add it to "
                           "the scale's weights")
NO_WEIGHTS_HINT = ("if the source gives this weight, list the weights the source uses under "
                   "the scale's weights; if it gives none, remove the weight")
METHODS_HINT = ("copy the methods the source gives into 'assessed_by' (on the criterion, or "
                "person_specification.assessed_by for all of them); if the source does not say, "
                "write  assessed_by: not stated")

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
        self.problems.append(Problem(doc.path, mark.line, mark.column,
                                     json_path(doc.source_path(path)), message, hint))

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
                first = doc.source_path((*base, seen[folded]))[-1]
                self.report(doc, (*base, index, key),
                            f"{what} '{value}' is used twice (also at {base[-1]}[{first}])",
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


def family_docs(records: Records, role: dict[str, Any]) -> list[tuple[str, Document]]:
    """The role's family and its ancestors, eldest first, as `assemble.family_chain` walks
    them (cross-checks report loops; the walk stops at one)."""
    docs = records.docs.get("family", {})
    chain: list[str] = []
    current = role.get("family")
    while current and current in docs and current not in chain:
        chain.insert(0, current)
        current = docs[current].data.get("extends")
    return [(fid, docs[fid]) for fid in chain]


def role_criterion_ids(records: Records, role: dict[str, Any]) -> list[str]:
    """The ids of the role's own criteria as the model gives them: a criterion written without
    one is numbered after those its families take, so messages name what the sheets show."""
    taken = [cid for _, family in family_docs(records, role)
             for cid in criterion_ids(only_mappings(family.data.get("criteria")))]
    spec = role.get("person_specification") or {}
    return criterion_ids(only_mappings(spec.get("criteria")), taken)


def only_mappings(items: Any) -> list[dict[str, Any]]:
    """The items, with anything not a mapping (refused by the schema) as an empty one."""
    return [item if isinstance(item, dict) else {} for item in items or []]


def check_dates(checker: Checker, doc: Document) -> None:
    """Every plain YYYY-MM-DD or YYYY-MM value must be a real date (the loader notes each one:
    other YAML tools would read it as a date, wherever it stands)."""
    for path, match in doc.dates:
        found = date_problem(match.group())
        if found:
            checker.report(doc, path, *found)


def methods_for(records: Records, organisation_id: str | None) -> set[str] | None:
    """The methods a role may use; None when the organisation's own were refused by its
    schema, so that no method is called unknown only because its definition is broken."""
    methods = {m.id for m in BUILTIN_METHODS}
    org = records.get("organisation", organisation_id) if organisation_id else None
    if org and org.is_cut(("assessment_methods",)):
        return None
    if org:
        methods.update(m["id"] for m in org.data.get("assessment_methods", []))
    return methods


def check_methods(checker: Checker, doc: Document, path: JsonPath, values: list[str],
                  allowed: set[str] | None) -> None:
    if allowed is None:
        return
    for index, method in enumerate(values):
        if method not in allowed:
            close = difflib.get_close_matches(method, sorted(allowed), n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}'?" if close else
                    "the methods are: " + ", ".join(sorted(allowed)) +
                    " (an organisation can add its own under assessment_methods)")
            checker.report(doc, (*path, index), f"'{method}' is not an assessment method", hint)


def check_criteria(checker: Checker, doc: Document, base: JsonPath, criteria: list[dict[str, Any]],
                   allowed: set[str] | None, default: list[str] | str | None,
                   ids: list[str] | None = None) -> None:
    """Ids unique, shared criteria exist, methods known, and each says how it is assessed.
    `ids` are the criteria's ids as the model numbers them (default: numbered from these)."""
    # Criteria may leave out their id (they are numbered E1, D1 … as the model numbers them).
    ids = ids or criterion_ids(criteria)
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
        elif doc.is_cut((*path, "assessed_by")):
            pass  # refused by the schema, which has said so
        elif not default and not (shared and shared.data.get("assessed_by")):
            checker.report(doc, path, f"criterion '{crit_id}' does not say how it is assessed",
                           METHODS_HINT)
        if "text" not in crit and shared is None and "use" not in crit:
            checker.report(doc, path, "criterion needs 'text' or 'use'")


def check_weights(checker: Checker, doc: Document, base: JsonPath, criteria: list[Any],
                  scale_id: str, at: JsonPath | None = None, ids: list[str] | None = None) -> None:
    """Every weight must be one the scale allows; a scale without weights allows none.

    A weight the sheets cannot use would otherwise be dropped without a word. Problems stand at
    each weight, or at `at` (a vacancy's scale) when the criteria belong to another record.
    """
    scale = checker.records.get("scale", scale_id)
    if scale is None or scale.is_cut(("weights",)):
        return  # an unknown or broken scale is reported where it is named or defined
    allowed = scale.data.get("weights") or []
    ids = ids or criterion_ids(only_mappings(criteria))
    for index, crit in enumerate(criteria):
        weight = crit.get("weight") if isinstance(crit, dict) else None
        if weight is None or weight in allowed:
            continue
        owner = "the role's criterion" if at else "criterion"
        which = f"{owner} '{ids[index]}' has the weight {weight}"
        if allowed:
            message = (f"{which}, which the scale '{scale_id}' does not allow (it allows "
                       + ", ".join(str(w) for w in allowed) + ")")
            hint = WEIGHT_NOT_ALLOWED_HINT
        else:
            message = f"{which}, but the scale '{scale_id}' has no weights"
            hint = NO_WEIGHTS_HINT
        checker.report(doc, at or (*base, index, "weight"), message, hint)
