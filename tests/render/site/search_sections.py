"""What the site engines put in their search index, worked out from a staging tree without a build.

Both engines cut each page into sections at its headings (a heading with an id starts a section;
the text before the first one is the page's own), leave out pages whose front matter says
`search: exclude: true` and elements marked `data-search-exclude`, and keep only a few tags of
the text (`<p>`, lists, `<code>`). Zensical refuses to build when one field of one section is
longer than it can index (`benchmarks.measure.zensical_field_limit`). Rendering a page with
Python-Markdown and the extensions mkdocs.yml names gives the same sections and, measured
against Zensical's own index, the same text or a few bytes more
(tests/render/site/test_zensical.py).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml

from tests.conftest import ROOT

# The tags both engines keep in a section's text; everything else is reduced to its text.
KEPT = frozenset({"p", "ul", "ol", "li", "code", "pre"})
SKIPPED = frozenset({"script", "style"})  # their content is never text
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "source", "track", "wbr"})
HEADING = re.compile(r"h[1-6]")
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


@dataclass(frozen=True)
class Section:
    location: str  # as in the index: the page's URL, then #anchor for a heading's section
    text: str

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


class _Splitter(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.sections: list[tuple[str | None, list[str]]] = [(None, [])]
        self._open: list[bool] = []  # for each open element: whether it started an exclusion
        self._excluded = 0
        self._heading: str | None = None
        self._first_heading = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        marked = tag in SKIPPED or any(name == "data-search-exclude" for name, _ in attrs)
        self._open.append(marked)
        self._excluded += marked
        anchor = dict(attrs).get("id")
        if HEADING.fullmatch(tag) and anchor:
            # The page's first heading (its title) names the page's own section.
            if self._first_heading and tag == "h1" and not any(self.sections[0][1]):
                self._first_heading = False
            else:
                self.sections.append((anchor, []))
            self._heading = tag
        elif tag in KEPT:
            self._text(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self._open:
            return
        if tag == self._heading:
            self._heading = None
        elif tag in KEPT:
            self._text(f"</{tag}>")
        self._excluded -= self._open.pop()

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        # A numeric reference is indexed as its character (references are written that way:
        # `md_literal`); signs that HTML escapes stay escaped.
        code = int(name[1:], 16) if name[:1] in "xX" else int(name)
        self._text(html.escape(chr(code), quote=False) if code > 0x20 else f"&#{name};")

    def _text(self, text: str) -> None:
        if not self._excluded and self._heading is None:
            self.sections[-1][1].append(text)


def _converter() -> markdown.Markdown:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    options: dict[str, Any] = {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            ((name, value),) = entry.items()
            names.append(name)
            options[name] = value or {}
        else:
            names.append(entry)
    return markdown.Markdown(extensions=names, extension_configs=options)


def page_url(path: str) -> str:
    """The URL a page under docs/ gets with use_directory_urls, as the index writes it."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path[: -len("index.md")]
    return path[: -len(".md")] + "/"


class Indexer:
    """Cuts pages into the sections of the search index (one Markdown converter, reused)."""

    def __init__(self) -> None:
        self._md = _converter()

    def sections(self, path: str, text: str) -> list[Section]:
        """The sections of the page at `path` (under docs/) whose Markdown is `text`; none when
        its front matter excludes it from search."""
        front = FRONT_MATTER.match(text)
        if front:
            meta = yaml.safe_load(front.group(1)) or {}
            search = meta.get("search")
            if isinstance(search, dict) and search.get("exclude") is True:
                return []
            text = text[front.end():]
        self._md.reset()
        splitter = _Splitter()
        splitter.feed(self._md.convert(text))
        splitter.close()
        url = page_url(path)
        return [Section(url + (f"#{anchor}" if anchor else ""),
                        "".join(parts).replace("\n", " ").strip())
                for anchor, parts in splitter.sections]


def markdown_pages(docs: Path) -> list[str]:
    """Every Markdown page of a staging tree's docs/ folder, by path, sorted."""
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def index_sections(docs: Path, pages: Iterable[str]) -> list[Section]:
    """The search sections of `pages` (paths under `docs`), in order."""
    indexer = Indexer()
    return [section for page in pages
            for section in indexer.sections(page, (docs / page).read_text(encoding="utf-8"))]
