"""The part of a record its schema accepts, for the cross-checks to run on.

A record with schema errors is still cross-checked, so that an author sees every problem in
one run; but the rules trust the shapes the schema promises, and a scale whose `min` is a date
or a list of points that holds text made them crash. So each value the schema refuses is cut
away first: a key, or a list item (the later items' positions are renumbered, so problems
found in them still point at the right line).
"""

from __future__ import annotations

import copy
from contextlib import suppress
from typing import Any

from jsonschema.exceptions import ValidationError

from generator.content.schemacheck import SchemaSet
from generator.content.yamlload import MAX_DEPTH, Document
from generator.core.problems import JsonPath


def valid_part(schemas: SchemaSet, kind: str, doc: Document) -> Document | None:
    """The record with every refused value cut away; the record itself when it is valid.

    A cut can leave a required key missing, or a list empty, so the check is repeated until
    nothing more is cut; only keys required at the top level may then be missing (each rule
    looks before using one). None when the top level is wrong in a way no cut can mend.
    """
    for _ in range(2 * MAX_DEPTH + 2):  # each round cuts at least one value
        if schemas.is_valid(kind, doc, doc.data):
            return doc
        cuts: set[JsonPath] = set()
        for error in schemas.validators[kind].iter_errors(doc.data):
            found = _cuts(error)
            if found is None:
                return None
            cuts.update(found)
        if not cuts:  # only keys required at the top level are missing
            return doc
        doc = _without(doc, cuts)
    return None  # pragma: no cover - deeper than the loader allows


def _cuts(error: ValidationError) -> list[JsonPath] | None:
    """What to cut for one error: the refused value itself; None at the top level."""
    path: JsonPath = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        return [(*path, key) for key in error.instance if key not in known]
    if path:
        return [path]
    return [] if error.validator == "required" else None


def _lookup(data: Any, path: JsonPath) -> Any:
    for part in path:
        data = data[part]
    return data


def _without(doc: Document, cuts: set[JsonPath]) -> Document:
    """A copy of doc without the values at `cuts` (the loaded record is never changed)."""
    data = copy.deepcopy(doc.data)
    removed: dict[JsonPath, set[int]] = {}  # list path -> indexes cut from it
    for path in cuts:
        if isinstance(path[-1], int):
            removed.setdefault(path[:-1], set()).add(path[-1])
    # Keys first (popping one moves nothing), then list items, deepest lists first and later
    # items before earlier ones, so no cut moves the target of another.
    for path in cuts:
        if isinstance(path[-1], str):
            with suppress(KeyError, IndexError, TypeError):
                _lookup(data, path[:-1]).pop(path[-1], None)
    survivors: dict[JsonPath, list[int]] = {}  # list path -> the old indexes of what is left
    for list_path in sorted(removed, key=len, reverse=True):
        with suppress(KeyError, IndexError, TypeError):
            items = _lookup(data, list_path)
            kept = [i for i in range(len(items)) if i not in removed[list_path]]
            for index in sorted(removed[list_path], reverse=True):
                del items[index]
            survivors[list_path] = kept

    def moved(path: JsonPath) -> JsonPath | None:
        """Where a value of the original stands in the copy, or None if it was cut."""
        out: list[str | int] = []
        for depth, part in enumerate(path):
            if path[: depth + 1] in cuts:
                return None
            if isinstance(part, int) and path[:depth] in removed:
                part -= sum(1 for i in removed[path[:depth]] if i < part)
            out.append(part)
        return tuple(out)

    def table(old: dict[JsonPath, Any]) -> dict[JsonPath, Any]:
        return {new: value for path, value in old.items() if (new := moved(path)) is not None}

    dates = [(new, match) for path, match in doc.dates if (new := moved(path)) is not None]
    # What was cut, as the rules would name it: a key itself, or the list that lost an item.
    places = {(moved(path[:-1]), path[-1]) for path in cuts}
    cut = {(*parent, key) if isinstance(key, str) else parent
           for parent, key in places if parent is not None}
    cut |= {new for old in doc.cut if (new := moved(old)) is not None}  # earlier rounds' cuts
    origin = table(doc.origin)
    for list_path, kept in survivors.items():
        new_list = moved(list_path)
        if new_list is not None:
            for position, old in enumerate(kept):
                origin[(*new_list, position)] = doc.origin.get((*list_path, old), old)
    return Document(doc.path, data, table(doc.marks), table(doc.key_marks), table(doc.raw),
                    dates, frozenset(cut), origin, doc.unreal_dates)
