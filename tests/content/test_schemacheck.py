"""The fast schema check (jsonschema-rs) decides which records the detailed one (jsonschema)
explains. It must never pass a record the detailed check would reject, or an error would go
unreported: compared here on every shipped record, every fixture, and thousands of mutations."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content.discover import discover
from generator.content.schemacheck import SchemaSet
from generator.content.yamlload import load_file
from tests.conftest import CONTENT, FIXTURES, INVALID

SCHEMAS = SchemaSet()
REPLACEMENTS: tuple[Any, ...] = (None, True, 7, 2.5, -1, "", "text", "Bad Id", "2026-13-01", [],
                                 ["x"], {}, {"unknown": 1})


def records(*folders: Path) -> Iterator[tuple[str, Any]]:
    for folder in folders:
        for source in discover(folder)[0]:
            doc, _ = load_file(source.path, source.display)
            if doc is not None:
                yield source.kind, doc.data


def paths(value: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*here, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*here, index))


def mutations(data: dict[str, Any]) -> Iterator[Any]:
    """Copies with one value replaced, one key removed or one key added."""
    for path in paths(data):
        if not path:
            continue
        *parents, last = path
        for replacement in REPLACEMENTS:
            changed = copy.deepcopy(data)
            parent = changed
            for step in parents:
                parent = parent[step]
            parent[last] = replacement
            yield changed
        removed = copy.deepcopy(data)
        parent = removed
        for step in parents:
            parent = parent[step]
        del parent[last]
        yield removed
        if isinstance(parent, dict):
            parent["surplus_key"] = "x"
            yield removed


def has_float(data: Any) -> bool:
    if isinstance(data, dict):
        return any(has_float(v) for v in data.values())
    if isinstance(data, list):
        return any(has_float(v) for v in data)
    return isinstance(data, float)


def agrees(kind: str, data: Any) -> bool:
    slow = not any(True for _ in SCHEMAS.validators[kind].iter_errors(data))
    if has_float(data):  # the fast checker counts 1.0 as a whole number: it is not asked then
        return True
    return SCHEMAS.fast[kind].is_valid(data) == slow


def invalid_fixture_folders() -> list[Path]:
    return sorted(p / "content" for p in INVALID.iterdir()
                  if (p / "content").is_dir())


def test_both_checks_agree_on_every_shipped_record_and_fixture() -> None:
    folders = [CONTENT, FIXTURES / "base", *invalid_fixture_folders()]
    checked = [(kind, data) for kind, data in records(*folders)]
    assert len(checked) > 40
    assert [(kind, data) for kind, data in checked if not agrees(kind, data)] == []


@pytest.mark.parametrize("kind", ["role", "vacancy", "organisation", "framework", "family",
                                  "scale", "criterion", "glossary"])
def test_both_checks_agree_on_mutated_records(kind: str) -> None:
    shipped = [data for k, data in records(CONTENT, FIXTURES / "base") if k == kind]
    smallest = min(shipped, key=lambda data: len(repr(data)))
    tried = disagreements = 0
    for mutant in mutations(smallest):
        tried += 1
        if not agrees(kind, mutant):
            disagreements += 1
    assert tried > 50
    assert disagreements == 0
