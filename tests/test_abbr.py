"""Finding the glossary terms a page uses: the fast search gives what the plain one gives."""

from __future__ import annotations

import random
import re

from generator.site.abbr import _occurs


def test_fast_search_agrees_with_the_pattern_on_random_text() -> None:
    rng = random.Random(7)
    terms = ["DA&SV", "IDVA", "A(8)", "SV", "&", "CPD", "é"]
    alphabet = ["DA&SV", "IDVA", "A(8)", "SV", "A", "x", "_", " ", "(", ")", "&", "é", "8", "\n"]
    checked = 0
    for _ in range(3000):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        for term in terms:
            pattern = re.compile(rf"\b{re.escape(term)}\b")
            assert _occurs(body, term, pattern) == bool(pattern.search(body)), (body, term)
            checked += 1
    assert checked == 21000
