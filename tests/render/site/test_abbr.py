"""Finding the glossary terms a page uses: the fast search gives what the plain one gives."""

from __future__ import annotations

import random
import re

import pytest

from generator.model import GlossaryTerm
from generator.render.site.abbr import _in_a_reference, _occurs, terms_used

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
            # The plain search: every match, less those inside a reference-like run.
            plain = any(not _in_a_reference(body, m.start(), m.end())
                        for m in pattern.finditer(body))
            assert _occurs(body, term.term, pattern) == plain, body
            if plain:
                expected.append(term)
            checked += 1
        assert terms_used(body, glossary) == tuple(expected), body
    assert checked == 3000 * len(TERMS)


MEANINGS = [
    "Disclosure and Barring Service",
    "Drug & alcohol",
    "<img src=x onerror=alert(1)> evil",
    "&lt;img src=x onerror=alert(1)&gt; typed as entities",
    "&amp;lt; twice &#60;script&#62;",
    'Quotes "double" and \'single\'',
]


@pytest.mark.parametrize("meaning", MEANINGS)
def test_a_tooltip_shows_the_meaning_as_text(meaning: str) -> None:
    """Material's tooltip sets innerHTML to the abbr's title attribute: that value, read as
    HTML, must hold no element and read as the meaning."""
    import html

    import markdown

    from generator.render.site.abbr import definition
    from tests.support.site import scan

    page = markdown.markdown(f"DBS\n\n{definition(GlossaryTerm('DBS', meaning, None))}",
                             extensions=["abbr"])
    [(_, attrs)] = [t for t in scan(page).tags if t[0] == "abbr"]
    value = attrs["title"] or ""  # as the DOM holds it: the parser decoded the attribute
    assert scan(value).tags == []
    assert html.unescape(value) == meaning


SECOND_STEP = (GlossaryTerm("SS", "Second Step"), GlossaryTerm("DBS", "Disclosure and Barring"))


@pytest.mark.parametrize("body", [
    "Reference: SS-BR-0107.", "Vacancy reference **SS-BR-0107**", "Post number SS-0107",
    "Write to jobs@SS.org.uk", "See https://example.org/SS/jobs", "See www.SS.org.uk today",
    "(SS/BR/0107)",
])
def test_no_term_is_found_inside_a_reference_id_or_address(body: str) -> None:
    assert terms_used(body, SECOND_STEP) == ()


@pytest.mark.parametrize("body", ["SS runs the service.", "Apply to SS: SS-BR-0107",
                                  "A DBS-checked post", "An enhanced DBS check (DBS)."])
def test_terms_standing_as_words_are_still_found(body: str) -> None:
    assert terms_used(body, SECOND_STEP) != ()
