"""Word lists (in data/, as YAML) and whole-word matching over the prose of a record."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.model import ListSection, Role, Vacancy

Prose = tuple[tuple[str | int, ...], str, str]  # (JSON path, label for people, text)


@cache
def word_data() -> dict[str, Any]:
    """Every word list in data/words.yaml, by name."""
    text = (resources.files("generator.lint") / "data" / "words.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching any of the phrases as whole words, ignoring case; longest first
    so that 'recent graduate' wins over 'recent'."""
    ordered = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not ordered:
        return re.compile(r"(?!x)x")
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w-])", re.IGNORECASE)


def _section(key: str, section: ListSection) -> Iterator[Prose]:
    label = key.replace("_", " ")
    for field in ("intro", "outro"):
        value = getattr(section, field)
        if value:
            yield (key, field), label, value
    for index, item in enumerate(section.items):
        yield (key, "items", index), f"{label}, item {index + 1}", item.text
        for sub, child in enumerate(item.items):
            yield ((key, "items", index, "items", sub), f"{label}, item {index + 1}.{sub + 1}",
                   child.text)
    for g, group in enumerate(section.groups):
        where = f"{label}, {group.heading or f'group {g + 1}'}"
        if group.intro:
            yield (key, "groups", g, "intro"), where, group.intro
        for index, item in enumerate(group.items):
            yield (key, "groups", g, "items", index), f"{where}, item {index + 1}", item.text


def role_prose(role: Role) -> Iterator[Prose]:
    """The role's own running text, where it is in the file and what people call it.

    Criteria are left to the criterion checks (their text may come from a family); the
    organisation's statements are its own boilerplate, checked nowhere here."""
    for key in ("introduction", "context", "purpose"):
        value = getattr(role, key)
        if value:
            yield (key,), key, value
    for key in ("accountabilities", "key_activities", "performance_measures"):
        yield from _section(key, getattr(role, key))
    for index, arrangement in enumerate(role.working_arrangements):
        yield ("working_arrangements", index, "text"), "working arrangements", arrangement.text
    if role.person_spec.introduction:
        yield (("person_specification", "introduction"), "person specification",
               role.person_spec.introduction)


def vacancy_prose(vacancy: Vacancy) -> Iterator[Prose]:
    if vacancy.how_to_apply:
        yield ("how_to_apply",), "how to apply", vacancy.how_to_apply


def sentences(text: str) -> list[str]:
    """Sentences, roughly: split after . ! ? and at line breaks between list-like lines."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(])|\n\s*\n|\n(?=\s*[-*•]\s)", text)
    return [p.strip() for p in parts if p.strip()]
