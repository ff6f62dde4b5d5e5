"""Compare the seed documents with the shipped content, sentence by sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.content.yamlload import load_file
from tests.conftest import CONTENT

SEEDS = CONTENT / "sources"
_TAGS = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[a-z0-9£%]+")
# Labels in the sources that became field names or numbers in the content.
_LABEL = re.compile(r"^([A-L]\)|Relevance to Recovery:|Date:|Location:|Direct Reports:"
                    r"|Immediate Supervisor)\s*")


def words(text: str) -> str:
    """Lower-case words only: layout, bullets, quotes and punctuation do not count."""
    return " ".join(_WORD.findall(_TAGS.sub(" ", text.replace("’", "'").lower())))


def values(data: Any) -> Iterator[str]:
    if isinstance(data, dict):
        for item in data.values():
            yield from values(item)
    elif isinstance(data, list):
        for item in data:
            yield from values(item)
    elif data is not None:
        yield str(data)


def content_words(content: Path) -> str:
    texts = []
    for path in sorted(content.rglob("*.yaml")):
        doc, _ = load_file(path, str(path))
        if doc is not None:
            texts.extend(values(doc.data))
    return " ".join(words(t) for t in texts)


def seed_fragments(seed: Path) -> Iterator[str]:
    """Each line of a seed, split further at sentence ends and table cells."""
    text = _TAGS.sub("\n", seed.read_text(encoding="utf-8"))
    for line in text.splitlines():
        for part in re.split(r"(?<=[.!?;])\s+|\t|▪|•|·|\uf0b7|\*\*", line):
            part = _LABEL.sub("", part.strip(" -"))
            if len(words(part).split()) >= 3:
                yield part.strip()


def missing(seed: Path, haystack: str) -> list[str]:
    return [frag for frag in seed_fragments(seed) if words(frag) not in haystack]
