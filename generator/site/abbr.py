"""Glossary terms as Markdown abbreviations (`*[IDVA]: Independent …`), for the terms a page uses.

Python-Markdown's `abbr` extension wraps each whole-word, case-sensitive occurrence of a defined
term in `<abbr title="…">`; Material shows the title as a tooltip (`content.tooltips`). A page
defines only the terms that occur in it, found the same way the extension finds them.
"""

from __future__ import annotations

import re

from generator.model import GlossaryTerm
from generator.text import markdown_safe

# The abbr extension reads `*[term]: title` up to the end of the line; a term cannot hold
# a backslash, a closing bracket or a line break.
_UNUSABLE = re.compile(r"[\\\]\n\r]")


def usable(term: GlossaryTerm) -> bool:
    return bool(term.term.strip()) and not _UNUSABLE.search(term.term)


def _pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(markdown_safe(term))}\b")


def terms_used(body: str, glossary: tuple[GlossaryTerm, ...]) -> tuple[GlossaryTerm, ...]:
    """The glossary terms that occur in a page's Markdown, in glossary order."""
    return tuple(t for t in glossary if usable(t) and _pattern(t.term).search(body))


def definition(term: GlossaryTerm) -> str:
    # The title becomes an HTML attribute, escaped by the Markdown serialiser: it needs one line,
    # not Markdown escaping (which would show as `&amp;`).
    meaning = " ".join(term.meaning.split())
    return f"*[{term.term.strip()}]: {meaning}"


def abbreviation_lines(body: str, glossary: tuple[GlossaryTerm, ...]) -> str:
    """The definitions to end a page with: an empty string when it uses no term."""
    lines = [definition(t) for t in terms_used(body, glossary)]
    return "\n".join(lines) + "\n" if lines else ""
