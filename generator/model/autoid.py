"""Ids for criteria the author left without one: E1, E2 … (essential), D1 … (desirable) and
N1 … (requirement not stated), in the order written.

Only criteria without an id are numbered, and a number already taken by a written id (or by an
inherited criterion) is skipped, so a criterion added at the end never renumbers the others.
The cross-checks and the model both use this, so the ids in problems and on sheets agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

PREFIXES = {"essential": "E", "desirable": "D"}
NOT_STATED_PREFIX = "N"


def criterion_ids(criteria: Iterable[dict[str, Any]], taken: Iterable[str] = ()) -> list[str]:
    """Each criterion's id: its own (as text), else the next free one for its requirement."""
    criteria = list(criteria)
    used = {str(c["id"]).casefold() for c in criteria if "id" in c}
    used.update(t.casefold() for t in taken)
    counters: dict[str, int] = {}
    ids = []
    for crit in criteria:
        if "id" in crit:
            ids.append(str(crit["id"]))
            continue
        prefix = PREFIXES.get(crit.get("requirement", ""), NOT_STATED_PREFIX)
        number = counters.get(prefix, 0)
        while True:
            number += 1
            candidate = f"{prefix}{number}"
            if candidate.casefold() not in used:
                break
        counters[prefix] = number
        used.add(candidate.casefold())
        ids.append(candidate)
    return ids
