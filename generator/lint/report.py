"""Lint reports: text (like `validate`), JSON for scripts and SARIF 2.1.0 for code review."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from generator.core.problems import summary
from generator.lint.context import Finding
from generator.lint.registry import Rule

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


_NOUNS = {"error": ("error", "errors"), "warning": ("warning", "warnings"),
          "info": ("note", "notes")}


def counts(findings: Sequence[Finding]) -> str:
    """'2 errors, 1 warning, 5 notes (3 accepted in the settings, not shown)'."""
    active = [f for f in findings if f.accepted is None]
    by = Counter(f.severity for f in active)
    parts = [f"{by[s]} {_NOUNS[s][by[s] != 1]}" for s in _NOUNS if by[s]]
    accepted = len(findings) - len(active)
    text = ", ".join(parts) or "nothing to report"
    if accepted:
        text += f" ({accepted} accepted in the settings, not shown)"
    return text


def text(findings: Sequence[Finding], files: int) -> str:
    lines = [f.problem.format() for f in findings if f.accepted is None]
    lines.append(f"Lint of {files} content files: {counts(findings)}.")
    return "\n".join(lines)


def _finding(f: Finding) -> dict[str, Any]:
    body = asdict(f.problem)
    body["message"] = body["message"].removesuffix(f" [{f.rule}]")
    return {**body, "rule": f.rule, "record": {"kind": f.kind, "id": f.record},
            "organisation": f.organisation, "where": f.where, "accepted": f.accepted}


def as_json(findings: Sequence[Finding], files: int) -> str:
    body = {"files_checked": files, "findings": [_finding(f) for f in findings],
            "summary": f"Lint of {files} content files: {counts(findings)}."}
    return json.dumps(body, indent=2, ensure_ascii=False)


def sarif(findings: Sequence[Finding], rules: dict[str, Rule], version: str) -> str:
    """A SARIF 2.1.0 log: one run, every rule described, accepted findings as suppressed."""
    ids = sorted(rules)
    results = []
    for f in findings:
        location: dict[str, Any] = {"artifactLocation": {"uri": f.problem.path}}
        if f.problem.line:
            location["region"] = {"startLine": f.problem.line,
                                  "startColumn": max(f.problem.column, 1)}
        result: dict[str, Any] = {
            "ruleId": f.rule, "ruleIndex": ids.index(f.rule),
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": _finding(f)["message"]
                        + (f" ({f.problem.hint})" if f.problem.hint else "")},
            "locations": [{"physicalLocation": location,
                           "logicalLocations": [{"fullyQualifiedName": f.problem.json_path}]}],
        }
        if f.accepted is not None:
            result["suppressions"] = [{"kind": "external", "justification": f.accepted}]
        results.append(result)
    driver = {
        "name": "roleprint lint", "version": version,
        "rules": [{"id": r, "shortDescription": {"text": rules[r].why},
                   "defaultConfiguration": {"level": _SARIF_LEVEL[rules[r].severity]}}
                  for r in ids],
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": results,
                     "columnKind": "unicodeCodePoints"}]}
    return json.dumps(log, indent=2, ensure_ascii=False)


def problems_text(problems: Sequence[Any], files: int) -> str:
    """Content that does not validate is not linted: say so under the problems."""
    lines = [p.format() for p in sorted(problems)]
    lines.append(summary(problems, files)
                 + " Fix these first: lint reads only valid content and settings.")
    return "\n".join(lines)


def rules_table(rules: dict[str, Rule]) -> str:
    width = max(len(r) for r in rules)
    return "\n".join(f"{r.id:<{width}}  {r.severity:<7}  {r.why}" for r in rules.values())
