"""How a draft says "not stated" and keeps what it could not place, in one place.

The content model (issue 13) gives every record an `internal_notes` field that is never
published and lets the fields the schema forces (a criterion's requirement, its methods, dates,
the DBS level) say "not stated". This module reads the schema to see which of these the
checkout has, so the importer follows the content model rather than copying it; if the model
changes its spelling, only this module changes.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from generator.core.cache import SCHEMA_DIR

NOT_STATED = "not stated"
NOTES = "internal_notes"


@functools.cache
def schema(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_bytes())
    return data


def has_notes() -> bool:
    """True when roles and criteria can carry internal notes."""
    return NOTES in schema("role")["properties"]


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


def to_place_note(pieces: list[tuple[str, str]]) -> str:
    """The internal note holding, word for word, what the importer could not place."""
    lines = ["To place: the importer could not tell where these go. Move each one into the "
             "right field, or delete it, then delete this note."]
    lines += [f"- ({where}) {text}" for where, text in pieces]
    return "\n".join(lines)


def attach_notes(record: dict[str, Any], note: str) -> list[str]:
    """Put the note on the record; without the notes field, return it as comment lines."""
    if has_notes():
        record[NOTES] = note
        return []
    return note.splitlines()
