"""What every check is given: the model, where each record came from, the settings and today.

Findings are located like validation problems (file, line, column, JSON path) from the loaded
documents' marks. Without documents (the site's content-health page is made from the model
alone) a finding names its file and JSON path but no line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from generator.content.discover import KINDS
from generator.content.yamlload import Document
from generator.core.problems import JsonPath, Problem, json_path
from generator.lint.settings import Config
from generator.model import Criterion, Role, Site
from generator.model.autoid import criterion_ids

FOLDERS = {kind: folder for folder, kind in KINDS.items()}


@dataclass(frozen=True, order=True)
class Finding:
    """One lint finding: a located problem, its rule and the record it belongs to."""

    problem: Problem
    rule: str
    kind: str            # the record's kind: role, family, vacancy, criterion …
    record: str          # the record's id
    organisation: str | None = None
    where: str = ""      # a short label for people: "criterion E2", "how to apply"
    accepted: str | None = None  # the reason given in the configuration, when accepted

    @property
    def severity(self) -> str:
        return self.problem.severity


@dataclass
class Context:
    site: Site
    config: Config
    today: dt.date
    docs: dict[tuple[str, str], Document] = field(default_factory=dict)
    content_label: str = "content"
    severities: dict[str, str] = field(default_factory=dict)  # rule id -> severity
    memo: dict[str, Any] = field(default_factory=dict)  # worked out once, for every rule

    def path_of(self, kind: str, record: str) -> str:
        doc = self.docs.get((kind, record))
        if doc is not None:
            return doc.path
        return f"{self.content_label}/{FOLDERS.get(kind, kind)}/{record}.yaml"

    def find(self, rule: str, kind: str, record: str, path: JsonPath, message: str,
             hint: str = "", *, organisation: str | None = None, where: str = "") -> Finding:
        """A finding at `path` in a record's file, with the rule's severity."""
        doc = self.docs.get((kind, record))
        line = column = 0
        if doc is not None:
            line, column = doc.mark(path)
        problem = Problem(self.path_of(kind, record), line, column, json_path(path),
                          f"{message} [{rule}]", hint, self.severities.get(rule, "warning"))
        return Finding(problem, rule, kind, record, organisation, where)

    def raw(self, kind: str, record: str) -> dict[str, Any] | None:
        doc = self.docs.get((kind, record))
        return doc.data if doc is not None else None

    def criterion_at(self, role: Role, crit: Criterion) -> tuple[str, str, JsonPath]:
        """Where a role's criterion is written: in the role, or in the family it comes from."""
        base: JsonPath
        taken: tuple[str, ...] = ()
        if crit.inherited_from:
            kind, record, base = "family", crit.inherited_from, ("criteria",)
        else:
            kind, record, base = "role", role.id, ("person_specification", "criteria")
            taken = tuple(c.id for c in role.person_spec.criteria if c.inherited_from)
        index = self._criteria_index(kind, record, taken).get(crit.id)
        return kind, record, base if index is None else (*base, index)

    def _criteria_index(self, kind: str, record: str,
                        taken: tuple[str, ...] = ()) -> dict[str, int]:
        """A record's criteria ids and their positions in its file, worked out once; a
        criterion without an id has the one the model numbers it (after `taken`)."""
        key = f"criteria:{kind}:{record}"
        if key not in self.memo:
            data = self.raw(kind, record) or {}
            if kind == "role":
                data = data.get("person_specification") or {}
            items = [item if isinstance(item, dict) else {} for item in data.get("criteria") or []]
            self.memo[key] = {cid: index
                              for index, cid in enumerate(criterion_ids(items, taken))}
        found: dict[str, int] = self.memo[key]
        return found

    def criterion(self, rule: str, role: Role, crit: Criterion, message: str, hint: str = "",
                  *, key: str | None = None) -> Finding:
        kind, record, path = self.criterion_at(role, crit)
        if key is not None and len(path) > len(("criteria",)) and isinstance(path[-1], int):
            path = (*path, key)
        label = f"criterion {crit.id}"
        if kind == "family":
            label += f" (from the family '{record}')"
        return self.find(rule, kind, record, path, message, hint,
                         organisation=role.organisation.id, where=label)
