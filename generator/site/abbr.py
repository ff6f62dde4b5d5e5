"""Glossary terms as Markdown abbreviations (`*[IDVA]: Independent …`), for the terms a page uses.

Python-Markdown's `abbr` extension wraps each whole-word, case-sensitive occurrence of a defined
term in `<abbr title="…">`; Material shows the title as a tooltip (`content.tooltips`). A page
defines only the terms that occur in it, found the same way the extension finds them.
"""

from __future__ import annotations

import functools
import re

from generator.model import GlossaryTerm
from generator.text import markdown_safe

# The abbr extension reads `*[term]: title` up to the end of the line; a term cannot hold
# a backslash, a closing bracket or a line break.
_UNUSABLE = re.compile(r"[\\\]\n\r]")


def usable(term: GlossaryTerm) -> bool:
    return bool(term.term.strip()) and not _UNUSABLE.search(term.term)


@functools.cache
def _searches(
    glossary: tuple[GlossaryTerm, ...],
) -> tuple[tuple[GlossaryTerm, str, re.Pattern[str]], ...]:
    """Each usable term with its text as written in Markdown and its whole-word pattern."""
    found = []
    for term in filter(usable, glossary):
        text = markdown_safe(term.term)
        found.append((term, text, re.compile(rf"\b{re.escape(text)}\b")))
    return tuple(found)


def terms_used(body: str, glossary: tuple[GlossaryTerm, ...]) -> tuple[GlossaryTerm, ...]:
    """The glossary terms that occur in a page's Markdown, in glossary order."""
    return tuple(term for term, text, pattern in _searches(glossary)
                 if _occurs(body, text, pattern))


def _occurs(body: str, text: str, pattern: re.Pattern[str]) -> bool:
    """`pattern.search(body)`, trying the pattern only where its text occurs: a pattern that
    starts with \\b is otherwise tried at every position of a long page."""
    at = body.find(text)
    while at >= 0:
        if pattern.match(body, at):  # \b still sees the character before `at`
            return True
        at = body.find(text, at + 1)
    return False


def definition(term: GlossaryTerm) -> str:
    # The title becomes an HTML attribute, escaped by the Markdown serialiser: it needs one line,
    # not Markdown escaping (which would show as `&amp;`).
    meaning = " ".join(term.meaning.split())
    return f"*[{term.term.strip()}]: {meaning}"


def abbreviation_lines(body: str, glossary: tuple[GlossaryTerm, ...]) -> str:
    """The definitions to end a page with: an empty string when it uses no term."""
    lines = [definition(t) for t in terms_used(body, glossary)]
    return "\n".join(lines) + "\n" if lines else ""
