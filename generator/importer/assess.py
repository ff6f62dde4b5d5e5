"""Essential/desirable marks and assessment methods, read from codes, columns or words and
mapped onto the organisation's own methods (built-in ones, relabelled or extended)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.content.yamlload import load_file
from generator.importer.labels import in_set, lookup, normalise
from generator.model.methods import organisation_methods

_SPLIT = re.compile(r"\s*(?:[/,;&+|]|\band\b|\bor\b)\s*")


class Methods:
    """Turns "A/I", "Application, Interview" or "AF & I" into method ids the organisation has."""

    def __init__(self, content: Path, organisation: str) -> None:
        entries: list[dict[str, Any]] = []
        path = content / "organisations" / f"{organisation}.yaml"
        doc, _ = load_file(path, str(path)) if path.is_file() else (None, [])
        if doc is not None and isinstance(doc.data.get("assessment_methods"), list):
            entries = [e for e in doc.data["assessment_methods"] if isinstance(e, dict)]
        self.ids = {m.id for m in organisation_methods(entries)}
        self.words: dict[str, str] = {}
        for method in organisation_methods(entries):
            self.words[normalise(method.name)] = method.id
            self.words[normalise(method.id.replace("-", " "))] = method.id
            if method.abbreviation:
                self.words[normalise(method.abbreviation)] = method.id

    def _one(self, token: str) -> str | None:
        key = normalise(token)
        found = self.words.get(key) or lookup("methods", key)
        return found if found in self.ids else None

    def parse(self, text: str) -> list[str] | None:
        """Method ids in the source's order, or None when any part cannot be read."""
        text = text.strip().strip("()[]").strip()
        if not text:
            return None
        found: list[str] = []
        for token in filter(None, _SPLIT.split(text)):
            one = self._one(token)
            if one is None and re.fullmatch(r"[A-Za-z](?:\s+[A-Za-z])+", token):
                parts = [self._one(t) for t in token.split()]  # "A I T"
                if None in parts:
                    return None
                found.extend(p for p in parts if p)
                continue
            if one is None:
                return None
            found.append(one)
        return list(dict.fromkeys(found)) or None


def readable_methods(text: str, methods: Methods) -> list[str] | None:
    """The methods that can be read in a method cell only part of which reads ("Application
    form/ Int [TRUNCATED]": application), or None when all of it reads or none of it does."""
    if methods.parse(text) is not None:
        return None
    parts = [methods.parse(token) for token in _SPLIT.split(text.strip()) if token.strip()]
    found = [one for part in parts if part for one in part]
    return list(dict.fromkeys(found)) or None


def requirement(text: str) -> str | None:
    """"essential" or "desirable" from "E", "Essential", "Des" …; None otherwise."""
    return lookup("requirements", text.strip().strip("()[]"))


def ticked(text: str) -> bool:
    return in_set("ticks", text) if text.strip() else False


# "… plan (A, I)", "… plan [A/I/T]", "… plan – Application, Interview": methods at the end,
# brackets tried first so that a dash inside the criterion ("Proactivity – Quick …") is text.
_TRAILING = (re.compile(r"\s*\(([^()]{1,60})\)\s*$"), re.compile(r"\s*\[([^\[\]]{1,60})\]\s*$"),
             re.compile(r"\s+[–-]\s+([^–-]{1,60})$"))


def trailing_methods(text: str, methods: Methods) -> tuple[str, list[str] | None]:
    """Split "Text (A, I)" into ("Text", ["application", "interview"]) when the tail reads."""
    for pattern in _TRAILING:
        match = pattern.search(text)
        if match:
            found = methods.parse(match.group(1))
            if found:
                return text[: match.start()].rstrip(), found
    return text, None
