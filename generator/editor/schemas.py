"""The JSON Schemas read once, with `$ref` followed, for the editor's configuration and shapes."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from generator.content.discover import KINDS, SINGLE_FILES
from generator.content.schemacheck import SCHEMA_DIR

Node = dict[str, Any]
# Record kind -> where its records live under content/ (a folder, or one file for the glossary).
FOLDERS: dict[str, str] = {kind: folder for folder, kind in KINDS.items()}
FILES: dict[str, str] = {kind: name for name, kind in SINGLE_FILES.items()}


@cache
def _document(name: str) -> Node:
    loaded: Node = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return loaded


def root(kind: str) -> tuple[Node, str]:
    """The schema of one record kind, and the file it came from (where its `$ref`s start)."""
    name = f"{kind}.schema.json"
    return _document(name), name


def resolve(node: Node, base: str) -> tuple[Node, str]:
    """Follow `$ref` until a schema with content is reached; `base` is the file `node` is in.

    The title and description written beside a `$ref` win over the definition's own, as they
    say what this particular property is.
    """
    while "$ref" in node:
        ref = node["$ref"]
        file, _, pointer = ref.partition("#")
        base = file or base
        target: Any = _document(base)
        for part in filter(None, pointer.split("/")):
            target = target[part]
        own = {k: v for k, v in node.items() if k in ("title", "description")}
        node = {**target, **own}
    return node, base


def is_ref_to(node: Node, definition: str) -> bool:
    """Whether `node` is a `$ref` to one of the shared definitions (such as `id`)."""
    return str(node.get("$ref", "")).endswith(f"#/definitions/{definition}")


def string_or_object(node: Node, base: str) -> tuple[Node, str, str] | None:
    """For `anyOf: [a string, an object that requires one key]`: the object, its base, the key.

    Such a value is written in a file as plain text when it has nothing but that key; the
    editor's widgets cannot hold "text or mapping", so the editor always sees the mapping.
    """
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return None
    kinds = {b.get("type"): b for b in branches}
    obj = kinds.get("object")
    if "string" not in kinds or obj is None or len(obj.get("required", [])) != 1:
        return None
    return obj, base, obj["required"][0]


def number_or_name(node: Node, base: str) -> bool:
    """For `anyOf: [a whole number, any text]` (a competency level: its number or its name):
    the editor's text box holds either, so a whole number typed in it is kept as a number."""
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return False
    kinds = {n.get("type"): n for n, _ in (resolve(b, base) for b in branches)}
    text = kinds.get("string")
    return "integer" in kinds and text is not None and not {"pattern", "enum"} & set(text)


def list_or_word(node: Node, base: str) -> tuple[Node, str, list[str]] | None:
    """For `anyOf: [a list, a word such as "not stated"]`: the list, its base and the words.

    Decap's list widget cannot hold a word instead of a list, so the editor sees the word as a
    list of that one entry (`shapes.py`); no list the schema accepts is made of such a word.
    """
    branches = node.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return None
    resolved = [resolve(b, base) for b in branches]
    lists = [(n, b) for n, b in resolved if n.get("type") == "array"]
    words = [n for n, _ in resolved if n.get("type") == "string" and "enum" in n]
    if len(lists) != 1 or len(words) != 1:
        return None
    return lists[0][0], lists[0][1], [str(v) for v in words[0]["enum"]]


def mapping(node: Node) -> tuple[Node, Node] | None:
    """For an object whose keys are the writer's own (`additionalProperties` a schema, no
    `properties`), such as criterion id -> weight: the schema of its values and of its keys.

    Decap has no widget for such a map, so the editor shows it as a list of key and value
    pairs (`shapes.py` turns the list back into the map on save).
    """
    values = node.get("additionalProperties")
    if not isinstance(values, dict) or node.get("properties"):
        return None
    keys = node.get("propertyNames")
    return values, keys if isinstance(keys, dict) else {}


def schema_dir() -> Path:
    return SCHEMA_DIR
