"""Text from YAML rendered as Markdown never loads anything from elsewhere."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import pytest

from generator.core import text
from generator.core.text import markdown_safe
from tests.support.site import scan


def test_images_are_not_rendered() -> None:
    html = markdown.markdown(markdown_safe("Logo: ![logo](https://tracker.example/pixel.png)"))
    assert "<img" not in html
    assert "logo" in html


SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables",
                   "pymdownx.magiclink", "toc"]


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


def test_the_test_renders_with_the_site_s_extensions() -> None:
    import yaml

    from tests.conftest import ROOT

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    named = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert sorted(named) == sorted(SITE_EXTENSIONS)


BARE_ADDRESSES = {
    # A bare address is a link, without the full stop that ends the sentence.
    "Apply online at https://www.example.gov.uk/jobs.": ["https://www.example.gov.uk/jobs"],
    "See www.example.org/apply, then apply.": ["http://www.example.org/apply"],
    "Send it to jobs@example.org today.": ["mailto:jobs@example.org"],
    # Only http(s) addresses: no ftp, no javascript.
    "Files at ftp://files.example.org/form.doc or FTPS://x.example.org/a": [],
    "Not javascript:alert(1) nor data:text/html,x": [],
    # Quotes and angle brackets cannot leave the href.
    'At https://example.org/"onmouseover="alert(1) now': ['https://example.org/"onmouseover="alert(1)'],
    "At https://example.org/<script>alert(1)</script>": [
        "https://example.org/<script>alert(1)</script"],  # text in the address, not a tag
    # An address already in a link is not linked twice.
    "[https://example.org](https://example.org/x)": ["https://example.org/x"],
}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


@pytest.mark.parametrize("source", BARE_ADDRESSES)
def test_bare_web_addresses_become_http_links_only(source: str) -> None:
    """On the site (mkdocs.yml's extensions) and in the forms (`markdown_to_html`) alike."""
    for rendered in (render(source), str(text.markdown_to_html(source))):
        parser = _Tags()
        parser.feed(rendered)
        links = [attrs for tag, attrs in parser.tags if tag == "a"]
        assert [a.get("href") for a in links] == BARE_ADDRESSES[source], rendered
        assert {tag for tag, _ in parser.tags} <= {"p", "a"}, rendered
        assert all(set(a) <= {"href", "rel"} for a in links), rendered
    assert "ftp://" in html.unescape(render("ftp://files.example.org/x"))  # shown as typed
