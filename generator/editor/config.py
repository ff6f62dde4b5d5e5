"""The editor's configuration (Decap CMS), made from the JSON Schemas and never written by hand.

Every property of every schema becomes one field: the schema's title is its label and its
description the hint under it; enumerations become select lists, ids of other records become
pickers (`references.py`), patterns, limits and required properties become the editor's own
checks. What a schema says that Decap cannot (such as "items or groups, or both") is checked by
Roleprint when the record is saved and shown in the editor's problems panel.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from generator.core.errors import RoleprintError
from generator.editor import hints, methods, references
from generator.editor.schemas import (
    FILES,
    FOLDERS,
    Node,
    is_ref_to,
    list_or_word,
    mapping,
    resolve,
    root,
    string_or_object,
)

Field = dict[str, Any]
# Collections in the order the editor lists them: the ones an HR officer works in first.
ORDER = ("role", "vacancy", "family", "criterion", "organisation", "framework", "scale",
         "glossary")
# The property whose slug names a new record's file: the first of these the schema requires.
# Decap lists only records holding it, and will not save a new one without it, so it must be
# one every record has: a vacancy's title is optional (it defaults to its role's), so a vacancy
# is named by its role, and its file by the role and the year, as the shipped ones are.
IDENTIFIERS = ("title", "name", "text", "role")
SLUGS = {"role": "{{slug}}-{{year}}"}
PROXY_URL = "/api/v1"
# How many levels of items inside items the forms offer (the rest are plain text).
MAX_NESTING = 3
_DEPTH: dict[str, int] = {}
# A day, picked from the browser's own calendar (Decap 3's `datetime` widget: with the time
# switched off it is an `<input type="date">`, shown in the order the officer's browser uses,
# day first on a British one) and stored as ISO text, "2027-01-15", as the schemas write it.
# Only fields of the shared `date` shape get it: a date that may be a month or "not stated"
# (`date_or_not_stated`) stays text, which a calendar could not hold.
DATE_PICKER: Field = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD",
                      "time_format": False, "picker_utc": False}
# What the editor says of a value its check refuses: the hint under the field says how to write it.
CHECK_MESSAGE = "Please write this as the help under the field says."
# What it says of a typed date it cannot read ("March 2026", "15/01/2027"): how to write one.
DATE_MESSAGE = ("Write the date as year, month and day with hyphens, such as 2027-01-15, or as "
                "year and month, such as 2027-01 (or \"not stated\" when the source leaves it "
                "blank).")
# The assessment methods a list of method ids offers, while one configuration is made.
_METHODS: ContextVar[methods.Offered] = ContextVar("methods", default=methods.BUILTIN)


class Unmapped(RoleprintError):
    """A schema shape the generator has no editor field for: the config test fails on it."""


def _label(name: str, node: Node) -> str:
    return str(node.get("title") or name.replace("_", " ").capitalize())


def _common(name: str, node: Node, required: bool) -> Field:
    field: Field = {"name": name, "label": _label(name, node), "required": required}
    if node.get("description"):
        field["hint"] = node["description"]
    # No `default`: Decap would write it into every new record (and a default inside an
    # optional object, such as a salary's currency, would make a half-filled salary).
    return field


def _pattern(node: Node) -> list[str] | None:
    pattern = node.get("pattern")
    if not pattern:
        return None
    return [pattern, CHECK_MESSAGE]


def _literal(word: str) -> str:
    """A word as a regular expression that JavaScript and Python both read the same way."""
    return re.sub(r"([\\^$.|?*+()\[\]{}])", r"\\\1", word)


def _either(pattern: str | None, words: list[str]) -> list[str] | None:
    """A pattern that also accepts `words` (such as "not stated"), as Decap's check."""
    if pattern is None:
        return None
    both = "|".join([pattern, *(f"^{_literal(w)}$" for w in words)])
    return [both, DATE_MESSAGE if "[0-9]{4}-" in pattern else CHECK_MESSAGE]


def _scalar(node: Node, raw: Node, base: str) -> Field:
    """The widget for a string, number or yes/no value."""
    if "enum" in node:
        return {"widget": "select", "options": [str(v) for v in node["enum"]]}
    kind = node.get("type")
    if kind is None and "anyOf" in node:
        branches = [resolve(b, base)[0] for b in node["anyOf"]]
        kinds = {b.get("type") for b in branches}
        if kinds <= {"string", "integer"}:
            # An id that may be text or a whole number (criterion ids), or a date that may be
            # the words "not stated": text, checked against every form the schema allows.
            strings = [b for b in branches if b.get("type") == "string" and "enum" not in b]
            words = [str(w) for b in branches for w in b.get("enum", [])]
            exact = str(strings[0]["pattern"]) if strings and "pattern" in strings[0] else None
            checked = _either(exact, words) if words else _pattern(strings[0]) if strings \
                else None
            return {"widget": "string", **({"pattern": checked} if checked else {})}
        raise Unmapped(f"anyOf of {sorted(map(str, kinds))}")
    if kind == "string":
        # Markdown fields use a plain text area: Decap's rich editor rewrites Markdown.
        markdown = is_ref_to(raw, "markdown") or node.get("title", "").startswith("Text (")
        widget = "text" if markdown else "string"
        field: Field = {"widget": widget}
        if (pattern := _pattern(node)) is not None:
            field["pattern"] = pattern
        return field
    if kind in ("integer", "number"):
        field = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        for key, decap in (("minimum", "min"), ("maximum", "max")):
            if key in node:
                field[decap] = node[key]
        return field
    if kind == "boolean":
        return {"widget": "boolean"}
    raise Unmapped(f"type {kind!r}")


def _relation(target: tuple[str, str, str], multiple: bool) -> Field:
    collection, value, shown = target
    return {"widget": "relation", "collection": collection, "value_field": value,
            "search_fields": [shown], "display_fields": [shown], "multiple": multiple,
            "options_length": 50}


def field(kind: str, name: str, raw: Node, base: str, required: bool) -> Field:
    """One editor field for the property `name` whose schema is `raw` (in file `base`), with
    its help in plain words (`hints.py`)."""
    out = _field(kind, name, raw, base, required)
    if "hint" in out:
        out["hint"] = hints.plain(out["hint"], out["widget"])
    return out


def _field(kind: str, name: str, raw: Node, base: str, required: bool) -> Field:
    node, base = resolve(raw, base)
    out = _common(name, node, required)
    if is_ref_to(raw, "id") and (target := references.reference(kind, name)):
        return {**out, **_relation(target, multiple=False)}
    words: list[str] = []
    if (either := list_or_word(node, base)) is not None:
        # A list, or a word such as "not stated": the editor shows a list, and the word is
        # written as its only entry (`shapes.py` turns it back into the word).
        node, base, words = either
    if node.get("type") == "array":
        items_raw = node.get("items", {})
        items, items_base = resolve(items_raw, base)
        out.update(widget="list", collapsed=False)
        if "minItems" in node:
            out["min"] = node["minItems"]
        if "maxItems" in node:
            out["max"] = node["maxItems"]
        if not words and is_ref_to(items_raw, "id") and (
                target := references.reference(kind, name)):
            return {**out, **_relation(target, multiple=True)}
        if name in methods.METHOD_LISTS and is_ref_to(items_raw, "id"):
            # Chosen by name from the methods there are (and "not stated" where allowed).
            out.pop("collapsed")
            choices = [*_METHODS.get().every,
                       *({"label": w.capitalize(), "value": w} for w in words)]
            return {**out, "widget": "select", "multiple": True, "options": choices}
        union = string_or_object(items, items_base)
        if union is not None:
            items, items_base, _ = union
        ref = str(items_raw.get("$ref", ""))
        if union is not None and _DEPTH.get(ref, 0) >= MAX_NESTING:
            # A list item holds sub-items of the same shape, without end; Decap's forms need an
            # end. Below MAX_NESTING levels the sub-items are plain text (the shipped content
            # goes two levels deep).
            out["field"] = {"name": "item", "label": _label("item", items), "widget": "text"}
            return out
        if items.get("type") == "object":
            _DEPTH[ref] = _DEPTH.get(ref, 0) + 1
            try:
                out["fields"] = fields(kind, items, items_base)
            finally:
                _DEPTH[ref] -= 1
            out["summary"] = _summary(items)
        else:
            # Each entry is labelled as the list is: "Locations", not the shared "Id".
            entry = {"name": "item", "label": out["label"],
                     **_scalar_or_date(items, items_raw, items_base)}
            if words:
                entry.pop("pattern", None)
                if (checked := _either(items.get("pattern"), words)) is not None:
                    entry["pattern"] = checked
            out["field"] = entry
        return out
    if (found := mapping(node)) is not None:
        return {**out, **_map(kind, name, found, base)}
    if node.get("type") == "object" or "properties" in node:
        if not node.get("properties"):
            raise Unmapped(f"object without properties at {name}")
        # Decap checks an optional object's required fields even when it is left empty, so
        # inside an optional object nothing is required here; Roleprint's check still is.
        return {**out, "widget": "object", "collapsed": False,
                "fields": fields(kind, node, base, optional=not required)}
    if name in methods.QUESTION_METHODS and is_ref_to(raw, "id"):
        return {**out, "widget": "select", "options": list(_METHODS.get().at_interview)}
    return {**out, **_scalar_or_date(node, raw, base)}


def _scalar_or_date(node: Node, raw: Node, base: str) -> Field:
    return dict(DATE_PICKER) if is_ref_to(raw, "date") else _scalar(node, raw, base)


def _map(kind: str, name: str, found: tuple[Node, Node], base: str) -> Field:
    """A map whose keys are the writer's own (criterion id -> weight) as a list of key and
    value pairs, which `shapes.narrow` turns back into the map on save. The key is picked from
    a list where the schema says it is an id of another record, else typed and checked
    against the schema's pattern for keys."""
    values_raw, keys_raw = found
    keys, _ = resolve(keys_raw, base) if keys_raw else ({}, base)
    key: Field = {"name": "key", "label": _label("id", keys), "required": True}
    if keys.get("description"):
        key["hint"] = keys["description"]
    if is_ref_to(keys_raw, "id") and (target := references.reference(kind, name)):
        key.update(_relation(target, multiple=False))
    else:
        key["widget"] = "string"
        if (pattern := _pattern(keys)) is not None:
            key["pattern"] = pattern
    if "hint" in key:
        key["hint"] = hints.plain(key["hint"], key["widget"])
    value = field(kind, "value", values_raw, base, True)
    return {"widget": "list", "collapsed": False, "fields": [key, value],
            "summary": "{{fields.key}}: {{fields.value}}"}


def _summary(items: Node) -> str:
    names = [n for n in ("id", "term", "name", "title", "heading", "text", "item", "framework")
             if n in items.get("properties", {})]
    names = names[:2] or [next(iter(items["properties"]))]
    return " ".join(f"{{{{fields.{n}}}}}" for n in names)


def fields(kind: str, node: Node, base: str, optional: bool = False) -> list[Field]:
    """The fields of an object schema, in the schema's own order."""
    required = set() if optional else set(node.get("required", []))
    return [field(kind, name, sub, base, name in required)
            for name, sub in node.get("properties", {}).items()]


def collection(kind: str, prefix: str = "content", hosted: bool = False) -> dict[str, Any]:
    """The editor collection for one record kind: a folder of records, or the glossary file."""
    schema, base = root(kind)
    label = str(schema.get("title") or kind.capitalize())
    plural = label if kind in FILES else _plural(label)
    common = {"name": FOLDERS.get(kind, kind), "label": plural, "label_singular": label,
              "description": hints.plain(str(schema.get("description", "")), "collection"),
              # The backend hands Decap each record as JSON (JSON.parse is many times quicker
              # than a YAML parser on 1,000 roles) and gives what Decap sends back to
              # `roleprint format`, which writes YAML: the files stay YAML. A hosted backend
              # (`hosted`) reads and writes the repository's files itself, through the YAML
              # formats roleprint-hosted.js adds (the same shapes for the forms).
              "format": f"roleprint-{kind}" if hosted else "json"}
    if kind in FILES:
        return {**common, "files": [{"name": kind, "label": label,
                                     "file": f"{prefix}/{FILES[kind]}",
                                     "fields": fields(kind, schema, base)}]}
    identifier = next(n for n in IDENTIFIERS if n in schema.get("required", ()))
    summary = "{{" + identifier + "}}"
    if identifier == "role":  # the reference and status tell two vacancies of a role apart
        summary = "{{role}} {{reference}} ({{status}})"
    return {**common, "folder": f"{prefix}/{FOLDERS[kind]}", "extension": "yaml", "create": True,
            "delete": True, "identifier_field": identifier,
            "slug": SLUGS.get(identifier, "{{slug}}"), "summary": summary,
            "sortable_fields": [identifier], "fields": fields(kind, schema, base)}


def _plural(label: str) -> str:
    if label.endswith("criterion"):
        return label[: -len("criterion")] + "criteria"
    last = label.rsplit(" ", 1)[-1]
    if re.fullmatch(r".*[^aeiou]y", last):
        return label[:-1] + "ies"
    return label if label.endswith("s") else label + "s"


def decap_config(prefix: str = "content", hosted: dict[str, str] | None = None,
                 content: Path | None = None) -> dict[str, Any]:
    """The whole Decap CMS configuration: for the local backend Roleprint serves, or (with
    `hosted`, e.g. `{"name": "github", "repo": "owner/name"}`) for GitHub or GitLab, where
    each save becomes a pull or merge request through draft, in review and ready.

    `prefix` is the content folder's name, the root being the folder that holds it;
    `content`, the folder itself, whose organisations' own assessment methods are offered.
    """
    offered = _METHODS.set(methods.offered(content))
    try:
        return _config(prefix, hosted)
    finally:
        _METHODS.reset(offered)


def _config(prefix: str, hosted: dict[str, str] | None) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "proxy", "proxy_url": PROXY_URL, "branch": "main"}
    if hosted:
        backend = {"branch": "main", **hosted, "squash_merges": True}
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow" if hosted else "simple",
        "media_folder": f"{prefix}/sources",
        # Records take no uploaded files: Roleprint's own media library (registered by
        # roleprint-editor.js) has no page, so Decap offers no Media tab.
        "media_library": {"name": "roleprint-none"},
        "locale": "en",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [collection(kind, prefix, bool(hosted)) for kind in ORDER],
    }
