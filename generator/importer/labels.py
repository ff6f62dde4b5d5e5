"""The heading and label synonyms (synonyms.yaml), and matching text against them."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import yaml

SYNONYMS = Path(__file__).with_name("synonyms.yaml")
# Punctuation and spaces at the start. Every pattern here takes time in proportion to the
# text: "[\s\W_]+$" searched for, or "\s*/", would try each start in a long run of them.
_EDGE = re.compile(r"[\s\W_]*")


def normalise(text: str) -> str:
    """Lower case, "&" as "and", no punctuation at the ends, single spaces."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = " ".join(text.split())
    if "/" in text:
        text = text.replace(" /", "/").replace("/ ", "/")
    text = re.sub(r"\.(?=\s|$)", "", text)  # "post no." and "post no" are the same
    start, end = _edge(text), len(text) - _edge(text[::-1])
    return text[start:max(start, end)]


def _edge(text: str) -> int:
    """How many punctuation and space characters `text` starts with."""
    found = _EDGE.match(text)
    return found.end() if found else 0


@functools.cache
def synonyms(path: Path = SYNONYMS) -> dict[str, Any]:
    """The data file, with every wording normalised; read once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Any] = {}
    for group, entries in data.items():
        if isinstance(entries, dict):
            out[group] = {normalise(str(w)): key for key, words in entries.items()
                          for w in words}
        else:
            out[group] = {normalise(str(w)) for w in entries}
    return out


def lookup(group: str, text: str) -> str | None:
    """The key that `text` stands for in one group of synonyms, if any."""
    found = synonyms()[group].get(normalise(text))
    return str(found) if found is not None else None


def in_set(group: str, text: str) -> bool:
    return normalise(text) in synonyms()[group]


def split_label(text: str) -> tuple[str, str, str] | None:
    """("grade", "Grade", "Band 9") from "Grade: Band 9", when the label is a known one."""
    label, sep, value = text.partition(":")
    if not sep or not value.strip() or len(label.split()) > 5:
        return None
    key = lookup("labels", label)
    return (key, label.strip(), value.strip()) if key else None


def is_category(text: str) -> bool:
    """A short line naming a person-specification category ("Skills", "Experience & Knowledge")."""
    words = set(re.findall(r"[a-z]+", normalise(text)))
    return len(text.split()) <= 6 and bool(words & synonyms()["categories"])
