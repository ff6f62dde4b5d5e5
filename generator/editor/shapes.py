"""What a file holds, and what the editor's forms can show, translated both ways by the schema.

A list item may be plain text or a mapping with `text` (and a number, sub-items). Decap's list
widget holds either text or mappings, never both, so the editor is always given mappings
(`widen`) and a mapping holding nothing but `text` is written back as plain text (`narrow`).
A value that may be a list or a word ("not stated") is given to the editor as a list, the word
as its one entry, and written back as the word. A map whose keys are the writer's own
(criterion id -> weight) is given as a list of `{key, value}` pairs, in the map's order, and
written back as the map. A record's keys come out in the schema's order, whatever order the
form sent them in. Nothing else is changed: the two are inverse on every value the schemas
accept.
"""

from __future__ import annotations

from typing import Any

from generator.editor.schemas import (
    Node,
    list_or_word,
    mapping,
    number_or_name,
    resolve,
    root,
    string_or_object,
)


def _walk(value: Any, raw: Node, base: str, wide: bool) -> Any:
    node, base = resolve(raw, base)
    if number_or_name(node, base):
        if wide and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not wide and isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())
        return value
    union = string_or_object(node, base)
    if union is not None:
        obj, obj_base, key = union
        if wide and isinstance(value, str):
            value = {key: value}
        if isinstance(value, dict):
            value = _walk(value, obj, obj_base, wide)
            if not wide and list(value) == [key] and isinstance(value[key], str):
                return value[key]
        return value
    if (either := list_or_word(node, base)) is not None:
        items, items_base, words = either
        if wide and isinstance(value, str) and value in words:
            return [value]
        if not wide and isinstance(value, list) and len(value) == 1 and value[0] in words:
            return value[0]
        node, base = items, items_base
    if (found := mapping(node)) is not None:
        values = found[0]
        if wide and isinstance(value, dict):
            return [{"key": k, "value": _walk(v, values, base, wide)} for k, v in value.items()]
        if not wide and isinstance(value, list) and all(
                isinstance(e, dict) and "key" in e for e in value):
            return {e["key"]: _walk(e.get("value"), values, base, wide) for e in value}
        return value
    if isinstance(value, dict):
        # In the schema's order, whatever order the form's fields were filled in: Decap keeps
        # keys in the order they were first given a value, and a new record is written so.
        props = node.get("properties", {})
        keys = [k for k in props if k in value] + [k for k in value if k not in props]
        return {k: _walk(value[k], props[k], base, wide) if k in props else value[k]
                for k in keys}
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        return [_walk(v, node["items"], base, wide) for v in value]
    return value


def widen(kind: str, value: Any) -> Any:
    """A record's values as the editor's forms need them."""
    schema, base = root(kind)
    return _walk(value, schema, base, wide=True)


def narrow(kind: str, value: Any) -> Any:
    """A record's values from the editor, in the shortest form the schema accepts."""
    schema, base = root(kind)
    return _walk(value, schema, base, wide=False)


def _tree(raw: Node, base: str, depth: dict[str, int]) -> Node:
    """The rules `_walk` follows for one schema, as data: `wrap` (text stands for a mapping
    with this key), `words` (a word stands for a list), `m` (a map stands for a list of key and
    value pairs; its rules are those of the values), `p` (properties), `o` (the properties'
    order), `i` (list items)."""
    ref = f"{base}{raw.get('$ref', '')}" if "$ref" in raw else ""
    if ref and depth.get(ref, 0) >= 4:  # items within items: as deep as the forms go, and one
        return {}
    if ref:
        depth = {**depth, ref: depth.get(ref, 0) + 1}
    node, base = resolve(raw, base)
    out: Node = {}
    if number_or_name(node, base):
        return {"num": True}  # a whole number typed in a text box is written as a number
    union = string_or_object(node, base)
    if union is not None:
        node, base, out["wrap"] = union
    elif (either := list_or_word(node, base)) is not None:
        node, base, out["words"] = either
    if (found := mapping(node)) is not None:
        out["m"] = _tree(found[0], base, depth)
        return out
    props = {k: t for k, v in node.get("properties", {}).items() if (t := _tree(v, base, depth))}
    if props:
        out["p"] = props
    if len(node.get("properties", {})) > 1:
        out["o"] = list(node["properties"])  # the schema's order, which a record is written in
    if isinstance(node.get("items"), dict) and (items := _tree(node["items"], base, depth)):
        out["i"] = items
    return out


def tree(kind: str) -> Node:
    """What `widen` and `narrow` do to one record kind, for the hosted editor's own script
    (`roleprint-hosted.js`), which does the same in the browser where no Roleprint runs."""
    schema, base = root(kind)
    return _tree(schema, base, {})
