"""Every lint rule, by id: importing the rule modules registers them (see `registry`)."""

from __future__ import annotations

from generator.lint import currency, fairness, readability, records, review, writing
from generator.lint.registry import RULES, Rule

# Imported for the rules they register.
_MODULES = (currency, fairness, readability, records, review, writing)


def all_rules() -> dict[str, Rule]:
    """Every rule, by id, sorted."""
    return dict(sorted(RULES.items()))
