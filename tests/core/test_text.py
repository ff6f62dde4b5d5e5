"""Text from YAML rendered as Markdown never loads anything from elsewhere."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.core import text
from generator.core.text import markdown_safe
from tests.support.site import scan


def test_images_are_not_rendered() -> None:
    html = markdown.markdown(markdown_safe("Logo: ![logo](https://tracker.example/pixel.png)"))
    assert "<img" not in html
    assert "logo" in html


SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def render(text: str) -> str:
    return markdown.markdown(markdown_safe(text), extensions=SITE_EXTENSIONS)


ABBREVIATIONS = [
    "*[X]: a meaning\n\nX here",
    "- *[X]: a meaning\n\nX here",
    "> *[X]: a meaning\n\nX here",
    "1. item\n\n    *[X]: a meaning\n\nX here",
    "Term\n: *[X]: a meaning\n\nX here",
    "*[X] : a meaning\n\nX here",
    "*[X]:\na meaning\n\nX here",
    '*[DBS]: ""\n\nDBS here',  # would remove the glossary's own definition
]


@pytest.mark.parametrize("text", ABBREVIATIONS)
def test_content_cannot_define_an_abbreviation(text: str) -> None:
    html = render(text + "\n\n*[DBS]: Disclosure and Barring Service\n")
    assert "<abbr" not in html.replace('<abbr title="Disclosure and Barring Service">', "")
    assert "*[" in html  # shown as typed


def test_emphasised_links_keep_their_emphasis() -> None:
    assert render("*[a](https://example.org)* and **[b](https://example.org)**") == (
        '<p><em><a href="https://example.org">a</a></em> and '
        '<strong><a href="https://example.org">b</a></strong></p>')


AUTOLINKS = {
    "<https://example.org/a_b?x=1&y=2>": ["https://example.org/a_b?x=1&y=2"],
    "<jobs@example.org>": ["mailto:jobs@example.org"],
    "<mailto:jobs@example.org>": ["mailto:jobs@example.org"],
    "<javascript:alert(1)>": [],
    "<https://example.org/\"onmouseover=alert(1)>": [],
    "<p/onclick=alert(1)@example.org>": [],
    "<https://x.org/[a](javascript:alert(1))>": [],
    "<https://example.org/&lt;img>": [],
    "<//example.org>": [],
}


@pytest.mark.parametrize(("text", "expected"), AUTOLINKS.items())
def test_autolinks_are_links_only_for_full_addresses(text: str, expected: list[str]) -> None:
    found = scan(render(text))
    assert [attrs.get("href") for tag, attrs in found.tags if tag == "a"] == expected
    assert not [name for _, attrs in found.tags for name in attrs if name.startswith("on")]
    assert [tag for tag, _ in found.tags if tag not in ("p", "a")] == []


# Text the size of the largest file accepted (1 MB), shaped to make a naive scan quadratic.
SLOW = ["](" * 300_000, "](<" * 200_000, "*[x\n" * 200_000, "[" * 800_000,
        "- [r]: x\n" * 100_000, "[a](b)" * 100_000]


@pytest.mark.parametrize("text", SLOW, ids=lambda text: repr(text[:6]))
def test_hostile_text_is_made_safe_in_linear_time(text: str) -> None:
    import time

    from generator.core.text import link_targets

    started = time.process_time()
    markdown_safe(text)
    link_targets(text)
    assert time.process_time() - started < 20  # about 2 s here; quadratic was many minutes


@pytest.mark.parametrize(("written", "term"), [
    ("DBC-PG-0412", "DBC"), ("FL-CC-2024-07", "CC"), ("jobs@CC-trust.example", "CC"),
    ("a|b *c*", "b"),
])
def test_a_literal_reads_as_written_and_no_abbreviation_reaches_inside(written: str,
                                                                       term: str) -> None:
    source = f"{term} and {text.literal_inline(written)}\n\n*[{term}]: Meaning\n"
    rendered = markdown.markdown(source, extensions=["abbr", "tables"])
    assert rendered.count("<abbr") == 1  # the term standing alone only
    assert html.unescape(re.sub(r"<[^>]*>", "", rendered)) == f"{term} and {written}"
