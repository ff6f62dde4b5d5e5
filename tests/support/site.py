"""Helpers for the site tests: load a content tree, build it with MkDocs, read the HTML."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from generator.build import build
from generator.content.load import load
from generator.core.settings import Settings
from generator.model import Site
from tests.conftest import ROOT, TESTS

GOLDEN = TESTS / "render" / "site" / "golden"
_ROW = re.compile(r'<tr markdown>(.*?)</tr>', re.DOTALL)
_CELL = re.compile(r'<t[hd] [^>]*markdown="span">(.*?)</t[hd]>', re.DOTALL)


def stacked_rows(markdown: str) -> list[list[str]]:
    """The rows of the page's stacking tables (the person specification), header rows too:
    each as its cells' Markdown."""
    return [_CELL.findall(row) for row in _ROW.findall(markdown)]


def load_site(content: Path) -> Site:
    result = load(content)
    assert result.site is not None, "\n".join(map(str, result.problems))
    return result.site


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _collect_warnings() -> Iterator[list[str]]:
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)


def mkdocs_build(docs: Path, site_dir: Path) -> list[str]:
    """Build with the repository's mkdocs.yml in strict mode; the warnings it logged."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    cfg = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(site_dir),
                      strict=True)
    with _collect_warnings() as warnings:
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    return warnings


def generate_and_build(site: Site, where: Path) -> tuple[Path, Path, list[str]]:
    """Generate the staging tree and build it: (docs folder, site folder, warnings)."""
    build(site, where, Settings(pdf=False), engine=False)  # the staging tree, forms and all
    docs, built = where / "staging" / "docs", where / "site"
    return docs, built, mkdocs_build(docs, built)


def read_back(pages: dict[str, str]) -> dict[str, str]:
    """Each page's Markdown with its numeric character references read back: references, ids
    and addresses are written one character reference a character (`md_literal`)."""
    return {path: re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), markdown)
            for path, markdown in pages.items()}


class HtmlScan(HTMLParser):
    """Every start tag with its attributes, the text of every script element, and every run of
    text between two tags (`texts`, character references read as the browser reads them)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def page_paths(built: Path) -> set[str]:
    """Every built page's address from the site's root: "", "roles/", "roles/x/" …"""
    return {"" if page.parent == built else f"{page.parent.relative_to(built).as_posix()}/"
            for page in built.rglob("index.html")}


def scan(html: str) -> HtmlScan:
    parser = HtmlScan()
    parser.feed(html)
    parser.close()
    return parser


def body_of(markdown: str) -> str:
    """A page's Markdown without its front matter, JSON-LD and abbreviation lines."""
    if markdown.startswith("---\n"):
        markdown = markdown.split("\n---\n", 1)[1]
    if "<script" in markdown:
        markdown = markdown.split('<script type="application/ld+json">', 1)[0]
    return "\n".join(line for line in markdown.splitlines() if not line.startswith("*["))


class _Links(HTMLParser):
    """Every href and src of every element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if name in ("href", "src") and value]


def local_hrefs(page: Path) -> list[str]:
    """The page's links (href and src) to files of the same site."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return [h for h in parser.hrefs
            if not urlsplit(h).scheme and not urlsplit(h).netloc and not h.startswith("#")]


def broken_links(site_dir: Path, pages: list[Path]) -> list[str]:
    """Each local link on these built pages whose file is not in the site, as "page -> href"."""
    broken = []
    for page in pages:
        for href in local_hrefs(page):
            path = unquote(urlsplit(href).path)
            # An address from the site's root (the 404 page's) is read from the site's folder.
            target = (site_dir / path.lstrip("/") if path.startswith("/")
                      else page.parent / path).resolve()
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site_dir)} -> {href}")
    return broken
