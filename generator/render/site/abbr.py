"""Glossary terms as Markdown abbreviations (`*[IDVA]: Independent …`), for the terms a page uses.

Python-Markdown's `abbr` extension wraps each whole-word, case-sensitive occurrence of a defined
term in `<abbr title="…">`; Material shows the title as a tooltip (`content.tooltips`). A page
defines only the terms that occur in it, found the same way the extension finds them.
"""

from __future__ import annotations

import functools
import re

from generator.core.text import ENTITY_START, escape_html, markdown_safe
from generator.model import GlossaryTerm

# The abbr extension reads `*[term]: title` up to the end of the line; a term cannot hold
# a backslash, a closing bracket or a line break.
_UNUSABLE = re.compile(r"[\\\]\n\r]")


def usable(term: GlossaryTerm) -> bool:
    return bool(term.term.strip()) and not _UNUSABLE.search(term.term)


_WORD = re.compile(r"\w+")
Trie = dict[str, "Trie"]
Search = tuple[GlossaryTerm, str, str | None, re.Pattern[str]]


def _trie(words: set[str]) -> str:
    """A pattern matching any of `words` (each made of word characters), written as a tree of
    their letters: trying it at a place costs the length of a word, not the number of words, and
    the pattern starts with a choice of letters, which lets `re` skip every place that cannot
    start a word."""
    tree: Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: Trie) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())
                    if char]
        if not branches:
            return ""
        either = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{either})?" if "" in node else either

    return pattern(tree)


@functools.cache
def _searches(
    glossary: tuple[GlossaryTerm, ...],
) -> tuple[re.Pattern[str] | None, tuple[Search, ...]]:
    """A pattern finding the words that terms start with, and each usable term: its text as
    written in Markdown, the word it starts with (None if it starts with a sign) and its
    whole-word pattern."""
    found = []
    for term in filter(usable, glossary):
        text = markdown_safe(term.term)
        first = _WORD.match(text)
        found.append((term, text, first.group() if first else None,
                      re.compile(rf"\b{re.escape(text)}\b")))
    firsts = {first for _, _, first, _ in found if first}
    return (re.compile(_trie(firsts)) if firsts else None), tuple(found)


def terms_used(body: str, glossary: tuple[GlossaryTerm, ...]) -> tuple[GlossaryTerm, ...]:
    """The glossary terms that occur in a page's Markdown, in glossary order.

    A whole-word match of a term that starts with a letter or digit begins with that first word
    standing alone in the page, so the first words found in the page, in one pass, rule most
    terms out at once: the time no longer grows with pages × glossary size. The pass finds more
    than whole words (`_trie` matches inside words too), never fewer: a word standing alone is
    always found whole, since no match can reach across the sign before it. Each term left is
    then checked with its own pattern.
    """
    starts, searches = _searches(glossary)
    words = set(starts.findall(body)) if starts else set()
    return tuple(term for term, text, first, pattern in searches
                 if (first is None or first in words) and _occurs(body, text, pattern))


# A run of text with no space in it that is a reference or an id ("SS-BR-0107", "D13002-A"),
# an e-mail address or a web address: a term inside one is not the term ("SS" in
# "SS-BR-0107" is part of a reference, not Second Step).
_NOT_A_WORD = re.compile(r"(?:[^\s@]*@|[a-z][a-z0-9+.-]*://|www\.)\S|"
                         r"(?=\S*\d)(?=\S*\w[-/_]\w)[\w-]*\w[-/_]\w[\w./-]*", re.IGNORECASE)
_SPACE = re.compile(r"[\s()\[\]<>\"'`*,;]")


def _in_a_reference(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] lies inside a reference, id, e-mail or web address: the run of
    text without spaces, brackets or quotes around it is one of those."""
    left = start
    while left > 0 and not _SPACE.match(body, left - 1):
        left -= 1
    right = end
    while right < len(body) and not _SPACE.match(body, right):
        right += 1
    run = body[left:right].rstrip(".:!?")
    return bool(_NOT_A_WORD.match(run))


def _occurs(body: str, text: str, pattern: re.Pattern[str]) -> bool:
    """`pattern.search(body)`, trying the pattern only where its text occurs: a pattern that
    starts with \\b is otherwise tried at every position of a long page. An occurrence inside
    a reference, id, e-mail or web address does not count."""
    at = body.find(text)
    while at >= 0:
        # \b still sees the character before `at`
        if pattern.match(body, at) and not _in_a_reference(body, at, at + len(text)):
            return True
        at = body.find(text, at + 1)
    return False


def definition(term: GlossaryTerm) -> str:
    """The abbr line for a term. The meaning becomes the <abbr>'s title attribute, and
    Material's tooltip (`content.tooltips`) puts that attribute's value into the page as HTML
    (innerHTML): so the value itself must be escaped HTML. The serialiser decodes one level
    (it keeps `&amp;` as written), hence the escaping twice; a bare `&` stays bare, so
    "Drug & alcohol" reads the same in the tooltip and in the browser's own title."""
    meaning = " ".join(term.meaning.split())
    escaped = ENTITY_START.sub("&amp;", escape_html(meaning))
    return f"*[{term.term.strip()}]: {escaped}"


def abbreviation_lines(body: str, glossary: tuple[GlossaryTerm, ...]) -> str:
    """The definitions to end a page with: an empty string when it uses no term."""
    lines = [definition(t) for t in terms_used(body, glossary)]
    return "\n".join(lines) + "\n" if lines else ""
