"""How a draft says "not stated" and keeps what it could not place, in one place.

The content model (issue 13) lets the fields the schema forces (a criterion's requirement, its
methods, dates, the DBS level) say "not stated", and gives a role an `import_review` (issue 27)
that is never published: what needs a person's eye and the text still to place, each with a
Done box the officer ticks in the editor. This module reads the schema to see which of these the
checkout has, so the importer follows the content model rather than copying it; if the model
changes its spelling, only this module changes.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from generator.core.cache import SCHEMA_DIR

NOT_STATED = "not stated"
REVIEW = "import_review"
_LINE = re.compile(r"\bline (\d+)")


@functools.cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_bytes())
    return data


def has_draft_status() -> bool:
    """True when a role can be marked `status: draft` (kept off the published site)."""
    status = schema("role")["properties"].get("status", {})
    return "draft" in status.get("enum", [])


def criterion_allows_not_stated() -> bool:
    """True when a criterion's requirement and methods may be "not stated"."""
    crit = schema("common")["definitions"]["Criterion"]["properties"]
    return NOT_STATED in crit["requirement"].get("enum", [])


def criterion_id_required() -> bool:
    return "id" in schema("common")["definitions"]["Criterion"].get("required", [])


def enum_allows(kind: str, *path: str) -> bool:
    """Whether a role schema property (by its path of property names) accepts "not stated"."""
    node: Any = schema(kind)
    for part in path:
        node = node["properties"][part]
    if "$ref" in node:
        node = schema("common")["definitions"][node["$ref"].rsplit("/", 1)[-1]]
    text = json.dumps(node)
    return json.dumps(NOT_STATED) in text or "not_stated" in text


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def in_words(text: str) -> str:
    """Where a piece was found, as an officer reads it: "page 2, 5th line", not "line 5"."""
    return _LINE.sub(lambda found: f"{_ordinal(int(found.group(1)))} line", " ".join(text.split()))


def title_of(key: str) -> str:
    """A role property's name as the editor labels it: its schema title."""
    return str(schema("role")["properties"].get(key, {}).get("title", key.replace("_", " ")))


def import_review(source: str, fmt: str, missing: list[str], review: list[str],
                  to_place: list[tuple[str, str]]) -> dict[str, Any]:
    """The draft's `import_review`: where it came from and, each with a Done box, what needs a
    person's eye and the text (word for word) the importer could not place. Never published."""
    out: dict[str, Any] = {"source": source, "format": fmt}
    if missing:
        out["not_stated"] = [title_of(key) for key in missing]
    if review:
        out["needs_a_look"] = [{"item": in_words(line), "done": False} for line in review]
    if to_place:
        out["to_place"] = [{"text": text, "where": in_words(where), "done": False}
                           for where, text in to_place]
    return out
