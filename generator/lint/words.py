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


class WordList:
    """Phrases matched as whole words; a piece of text is scanned only if it has one of the
    phrases' first words, and then only for the phrases that begin with those words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        phrases = [p for p in phrases if p.strip()]
        self.pattern = phrase_pattern(phrases)
        self.by_first: dict[str, list[str]] = {}
        for phrase in phrases:
            first = re.findall(r"\w+", phrase.casefold())
            if first:
                self.by_first.setdefault(first[0], []).append(phrase)
        self.first = frozenset(self.by_first)
        self._some: dict[frozenset[str], re.Pattern[str]] = {}

    def finditer(self, text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
        present = self.first & words
        if not present:
            return iter(())
        if not text.isascii():
            return self.pattern.finditer(text)
        # A phrase can match ASCII text only where its first word is one of the text's words,
        # so the others can be left out of the pattern: the same matches, in the same order
        # (the phrases keep their longest-first order), and a pattern of a few phrases is
        # tried at each position instead of one of them all.
        pattern = self._some.get(present)
        if pattern is None:
            pattern = self._some[present] = phrase_pattern(
                [p for word in sorted(present) for p in self.by_first[word]])
        return pattern.finditer(text)


_FIRST = re.compile(r"[\w'’-]+")


@cache
def _one_phrase(phrase: str) -> re.Pattern[str]:
    return phrase_pattern([phrase])  # compiled when first needed: most never are


class Exceptions:
    """Set phrases inside which a listed word does not count ("young" in "young people").

    Checked only around each match, among the phrases that contain the matched word: one
    pattern of a thousand job titles would be tried at every position of every text."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.by_word: dict[str, list[tuple[str, str]]] = {}
        self.longest = 0
        for phrase in sorted({" ".join(p.split()) for p in phrases if p.strip()}):
            self.longest = max(self.longest, len(phrase))
            parts = phrase.lower().split() if phrase.isascii() else []
            for word in {w.casefold() for w in re.findall(r"[\w'’-]+", phrase)}:
                # An ASCII phrase matches ASCII text only where each of its words is in it, in
                # some case: one substring test (its longest word but the one matched) rules
                # most of a thousand titles out before a pattern is tried.
                other = max((part for part in parts if part != word), key=len, default="")
                self.by_word.setdefault(word, []).append((phrase, other))

    def covers(self, text: str, start: int, end: int) -> bool:
        """Whether text[start:end] lies inside one of the phrases."""
        first = _FIRST.match(text, start, end)
        candidates = self.by_word.get(first.group(0).casefold(), ()) if first else ()
        if not candidates:
            return False
        low = max(0, start - self.longest)
        window = text[low:end + self.longest]
        lower = window.lower() if window.isascii() else None
        for phrase, other in candidates:
            if lower is not None and other not in lower:
                continue
            for found in _one_phrase(phrase).finditer(window):
                if found.start() + low <= start and end <= found.end() + low:
                    return True
        return False


def section_prose(key: str, section: ListSection) -> Iterator[Prose]:
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
        yield from section_prose(key, getattr(role, key))
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
