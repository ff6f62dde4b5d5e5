"""Finding the glossary terms a page uses: the fast search gives what the plain one gives."""

from __future__ import annotations

import random
import re

from generator.model import GlossaryTerm
from generator.site.abbr import _occurs, terms_used

# Terms that start alike (ID, IDV, IDVA, IDVAs) and end in signs; pieces that join into words.
TERMS = ["DA&SV", "IDVA", "ID", "IDV", "IDVAs", "A(8)", "SV", "&", "CPD", "é", "Person spec",
         "_x", "8"]
PIECES = ["DA&SV", "IDVA", "ID", "IDVAs", "A(8)", "SV", "A", "x", "_", " ", "(", ")", "&", "é",
          "8", "\n", "Person", "spec", "Person spec"]


def test_fast_search_agrees_with_the_pattern_on_random_text() -> None:
    rng = random.Random(7)
    glossary = tuple(GlossaryTerm(term, f"meaning of {term}", None) for term in TERMS)
    checked = 0
    for _ in range(3000):
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        expected = []
        for term in glossary:
            pattern = re.compile(rf"\b{re.escape(term.term)}\b")
            assert _occurs(body, term.term, pattern) == bool(pattern.search(body)), body
            if pattern.search(body):
                expected.append(term)
            checked += 1
        assert terms_used(body, glossary) == tuple(expected), body
    assert checked == 3000 * len(TERMS)
