"""The hardened loader: what it keeps as text, and where it says values came from."""

from __future__ import annotations

import yaml

from generator import yamlload
from generator.yamlload import Mark, load_text


def load(text: str) -> dict[str, object]:
    doc, problems = load_text("x.yaml", text.encode())
    assert problems == []
    assert doc is not None
    return doc.data


def test_yaml_1_1_booleans_stay_text() -> None:
    data = load("a: NO\nb: yes\nc: on\nd: Off\ne: y\nf: true\ng: false\n")
    assert data == {"a": "NO", "b": "yes", "c": "on", "d": "Off", "e": "y", "f": True, "g": False}


def test_dates_and_times_stay_text() -> None:
    assert load("a: 2024-02-01\nb: 2019-06\nc: '12:00'\n") == {
        "a": "2024-02-01", "b": "2019-06", "c": "12:00"}


def test_plain_numbers_and_nulls() -> None:
    assert load("a: 12\nb: -3\nc: 1.5\nd:\ne: ~\nf: '12'\n") == {
        "a": 12, "b": -3, "c": 1.5, "d": None, "e": None, "f": "12"}


def test_every_value_and_key_has_its_position() -> None:
    doc, _ = load_text("x.yaml", b"title: A\nlist:\n  - one\n  - two: 2\n")
    assert doc is not None
    assert doc.marks[("title",)] == Mark(1, 8)
    assert doc.marks[("list", 1, "two")] == Mark(4, 10)
    assert doc.key_marks[("list",)] == Mark(2, 1)
    assert doc.mark(("list", 1, "missing")) == Mark(4, 5)


def test_the_c_parser_is_used_when_present() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert yamlload._Loader is yaml.CSafeLoader


def test_a_byte_order_mark_is_accepted() -> None:
    doc, problems = load_text("x.yaml", "\ufefftitle: A\n".encode())
    assert problems == [] and doc is not None and doc.data == {"title": "A"}


def test_alias_bomb_is_never_expanded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc, problems = load_text("bomb.yaml", "\n".join(lines).encode())
    assert doc is not None
    assert doc.data["l"] == [None] * 10  # ten to the eleventh strings, had it expanded
    assert len(problems) == 23  # each anchor and each alias name reported once
