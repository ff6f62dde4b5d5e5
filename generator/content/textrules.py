"""Checks on the text of every field: links must be full addresses.

A relative link (`[policy](../policy.pdf)`, `[x](#part)`, `www.example.org`) points at nothing
on the site, and WeasyPrint would turn it into a `file:` address on the build machine in the
PDF forms. The renderers drop such links (`generator.core.text.markdown_safe`); `validate` says so,
with the place, so the author can write the address in full.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from typing import Any

from generator.content.crosscheck import Checker
from generator.content.yamlload import Document
from generator.core.problems import JsonPath
from generator.core.text import link_scheme, link_targets, publishable

HINT = ("write the full address, starting https:// (for example "
        "https://www.example.org/policy.pdf), or mailto: for an e-mail address")
# Links with other schemes (javascript:, data:) are never published and are not reported:
# they are an attack rather than a mistake, and are shown as plain text.
_REPORTED_SCHEMES = {None, "http", "https", "mailto", "tel"}


def strings(value: Any, path: JsonPath = ()) -> Iterator[tuple[JsonPath, str]]:
    """Every string in a document's data, with its path; any shape is accepted."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, (*path, str(key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, (*path, index))


def _shown(target: str) -> str:
    """The target on one line and not too long, for a one-line message."""
    flat = " ".join(target.split()) or "(empty)"
    return flat if len(flat) <= 80 else flat[:77] + "…"


def unpublishable_links(text: str) -> list[str]:
    """The link targets in `text` that would not be published because they are not full
    addresses, in the order written."""
    if "](" not in text and "]:" not in text:  # most text: no link at all
        return []
    return [t for t in link_targets(text)
            if not publishable(t) and link_scheme(t) in _REPORTED_SCHEMES]


def check_text(checker: Checker, doc: Document) -> None:
    """Report every relative or incomplete link in any text field of the document."""
    for path, target in _links(doc):
        checker.report(doc, path, f"the link '{_shown(target)}' is not a full web address, "
                       "so it would lead nowhere on the site or in the PDF forms", HINT)


# Each document's unpublishable links, for as long as the document lives. A document is never
# changed once loaded, and the preview loads the same one again for every file whose bytes did
# not change: walking every string of a thousand roles again took a quarter of a second.
_found: dict[int, tuple[weakref.ref[Document], tuple[tuple[JsonPath, str], ...]]] = {}


def _links(doc: Document) -> tuple[tuple[JsonPath, str], ...]:
    kept = _found.get(id(doc))
    if kept is not None and kept[0]() is doc:
        return kept[1]
    found = tuple((path, target) for path, text in strings(doc.data)
                  for target in unpublishable_links(text))
    key = id(doc)
    # The entry goes with its document (at once, before the id can be used again).
    _found[key] = (weakref.ref(doc, lambda _: _found.pop(key, None)), found)
    return found
