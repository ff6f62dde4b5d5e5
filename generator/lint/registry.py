"""The rules: each has an id, a severity and a one-line why, and one check function.

Checks are plain functions of the lint context that yield findings; `rule` registers one.
`generator.lint.rules.all_rules()` gives the single list the reporters (SARIF's rule table, the
docs) and the configuration's switches read; this module imports no rule module, so the rule
modules import it without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.lint.context import Context, Finding

Check = Callable[["Context"], Iterator["Finding"]]
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    why: str
    check: Check
    group: str


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: str, why: str) -> Callable[[Check], Check]:
    """Register a check under an id; the group is the part of the id before the first hyphen."""
    assert severity in SEVERITIES, severity

    def register(check: Check) -> Check:
        assert rule_id not in RULES, rule_id
        RULES[rule_id] = Rule(rule_id, severity, why, check, rule_id.split("-", 1)[0])
        return check

    return register
