"""The development corpus of real job descriptions in tests/importer/corpus: its documents, their
answer keys (format in tests/importer/corpus/README.md) and the word matching both the corpus test
and the measurement use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).parent / "corpus"
DOCUMENTS = CORPUS / "documents"
GENERATED = CORPUS / "generated"

REQUIREMENTS = ("essential", "desirable", "not stated", "unclear")
# Roleprint's built-in method ids, and "assessment" (a King's College code no built-in matches)
METHODS = ("application", "interview", "test", "written-exercise", "presentation", "references",
           "certificates", "assessment")
HEADER_FIELDS = ("grade", "salary", "hours", "location", "reports_to", "post_number", "contract",
                 "directorate", "service", "team", "department", "direct_reports", "other")
KINDS = ("NHS", "Civil Service", "council", "police", "school", "university",
         "housing association", "charity", "care provider")


@dataclass(frozen=True)
class Document:
    """One corpus document: its text as the source has it and its answer key."""

    id: str
    path: Path
    key: dict[str, Any]

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def versions(self) -> list[Path]:
        """The text and every Word or PDF version made from it
        (tests/importer/corpus/make_versions.py)."""
        return [self.path, *sorted(GENERATED.glob(f"{self.id}.*"))]


def documents() -> list[Document]:
    docs = []
    for path in sorted(DOCUMENTS.glob("*.txt")):
        key_path = path.with_suffix(".key.yaml")
        key = yaml.safe_load(key_path.read_text(encoding="utf-8")) if key_path.is_file() else {}
        docs.append(Document(path.stem, path, key if isinstance(key, dict) else {}))
    return docs


def kind(key: dict[str, Any]) -> str | None:
    """The kind of employer among KINDS ("NHS trust" and "NHS board (Scotland)" are NHS)."""
    words = str(key.get("kind", ""))
    return next((k for k in KINDS if words.lower().startswith(k.lower())), None)


def tokens(text: str) -> list[str]:
    """Lower-case words and figures. Words run together at a case change ("timesAbility", as
    text copied out of a table cell often is) are two words."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    return re.findall(r"[a-z0-9£]+", text.lower())


def occurs(needle: list[str], haystack: list[str], gap: int = 3) -> bool:
    """Whether the words of `needle` appear in `haystack` in order, with at most `gap` other
    words between two of them (a table copied as text puts a neighbouring cell's words, such
    as an E/D mark or a category, in the middle of a criterion)."""
    if not needle:
        return False
    for start, word in enumerate(haystack):
        if word != needle[0]:
            continue
        at, ok = start, True
        for want in needle[1:]:
            window = haystack[at + 1:at + 2 + gap]
            if want not in window:
                ok = False
                break
            at = at + 1 + window.index(want)
        if ok:
            return True
    return False


def _criterion_problems(index: int, crit: Any, words: list[str]) -> list[str]:
    where = f"criteria[{index}]"
    if not isinstance(crit, dict) or not isinstance(crit.get("text"), str):
        return [f"{where}: no text"]
    found = []
    if crit.get("requirement") not in REQUIREMENTS:
        found.append(f"{where}: requirement {crit.get('requirement')!r} is not one of "
                     f"{', '.join(REQUIREMENTS)}")
    methods = crit.get("methods")
    if not (methods in ("not stated", "unclear") or (
            isinstance(methods, list) and methods and all(m in METHODS for m in methods))):
        found.append(f"{where}: methods {methods!r} is neither a list of {METHODS} nor "
                     "'not stated' or 'unclear'")
    if not occurs(tokens(crit["text"]), words):
        found.append(f"{where}: {crit['text']!r} is not in the document's text")
    return found


def problems(doc: Document) -> list[str]:
    """What is wrong with a document's key; empty when it is well formed."""
    key = doc.key
    if not key:
        return ["no answer key (or one that is not a mapping)"]
    found = []
    source = key.get("source")
    if not (isinstance(source, dict) and str(source.get("url", "")).startswith("http")):
        found.append("no source address")
    if not (isinstance(key.get("licence"), str) and len(key["licence"]) > 20):
        found.append("no licence note")
    if not (isinstance(key.get("employer"), str) and key["employer"].strip()):
        found.append("no employer")
    if kind(key) is None:
        found.append(f"kind {key.get('kind')!r} is none of {', '.join(KINDS)}")
    words = tokens(doc.text)
    title = key.get("title")
    if title is not None and not (isinstance(title, str) and occurs(tokens(title), words, 0)):
        found.append(f"title {title!r} is not in the document's text")
    for entry in key.get("header") or []:
        if not isinstance(entry, dict) or entry.get("field") not in HEADER_FIELDS:
            found.append(f"header entry {entry!r}: field is none of {', '.join(HEADER_FIELDS)}")
        elif not occurs(tokens(str(entry.get("value", ""))), words, 0):
            found.append(f"header {entry['field']} {entry.get('value')!r} is not in the text")
    for index, crit in enumerate(key.get("criteria") or []):
        found.extend(_criterion_problems(index, crit, words))
    return found
