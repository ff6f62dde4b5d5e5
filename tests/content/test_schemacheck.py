"""The fast schema check (jsonschema-rs) decides which records the detailed one (jsonschema)
explains. It must never pass a record the detailed check would reject, or an error would go
unreported: compared here on every shipped record, every fixture, and thousands of mutations."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.content.discover import discover
from generator.content.schemacheck import SchemaSet
from generator.content.yamlload import load_file
from tests.conftest import CONTENT, FIXTURES, INVALID

SCHEMAS = SchemaSet()
# 2.5 and 37.5 (a float that is not whole) are judged by the fast checker too; 1.0 is not.
REPLACEMENTS: tuple[Any, ...] = (None, True, 7, 2.5, 37.5, 1.0, -1, "", "text", "Bad Id",
                                 "2026-13-01", [], ["x"], {}, {"unknown": 1})


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


def has_whole_float(data: Any) -> bool:
    if isinstance(data, dict):
        return any(has_whole_float(v) for v in data.values())
    if isinstance(data, list):
        return any(has_whole_float(v) for v in data)
    return isinstance(data, float) and data.is_integer()


def agrees(kind: str, data: Any) -> bool:
    slow = not any(True for _ in SCHEMAS.validators[kind].iter_errors(data))
    if has_whole_float(data):  # the fast checker counts 1.0 as a whole number: not asked then
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


def test_a_float_that_is_not_whole_is_judged_by_the_fast_check_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a whole float (1.0) sends a valid record to the slow check: a salary of 12.44 an
    hour did, for a fifth of a cold load at 1,000 roles."""
    from generator.content.yamlload import load_text

    asked: list[str] = []
    slow = SCHEMAS.validators["vacancy"]

    class Counting:
        def iter_errors(self, data: Any) -> Any:
            asked.append("slow")
            return slow.iter_errors(data)

    monkeypatch.setitem(SCHEMAS.validators, "vacancy", Counting())
    path = CONTENT / "vacancies" / "da-sv-case-coordinator-2024.yaml"
    text = re.sub(r"(?m)^salary:.*\n(  .*\n)*", "", path.read_text(encoding="utf-8"))
    for figure, expected in (("12.44", []), ("12.0", ["slow"])):
        source = f"{text}salary:\n  text: £{figure} an hour\n  min: {figure}\n  max: {figure}\n"
        asked.clear()
        doc, _ = load_text(path.name, source.encode("utf-8"))
        assert doc is not None
        assert SCHEMAS.check("vacancy", doc) == []
        assert asked == expected
