"""The accessibility statement: in the GOV.UK sample's structure, reached from every page (the
menu and the footer) and from the home page, and true to the tools the tests use."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.support.browser import site_pages

# The GOV.UK sample accessibility statement's sections, in order.
HEADINGS = [
    "Accessibility statement",
    "How accessible this website is",
    "Feedback and contact information",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Non-accessible content",
    "Non-compliance with the accessibility regulations",
    "Disproportionate burden",
    "Content that's not within the scope of the accessibility regulations",
    "What we're doing to improve accessibility",
    "Preparation of this accessibility statement",
]
HEADING = re.compile(r"<h([1-3])[^>]*>(.*?)</h\1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def text(markup: str) -> str:
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


@pytest.fixture(scope="module")
def statement(built_site: Path) -> str:
    return (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")


def test_statement_follows_the_gov_uk_sample(statement: str) -> None:
    body = statement[statement.index('<article'):statement.index("</article>")]
    headings = [text(h).removesuffix(" ¶").replace("’", "'") for _, h in HEADING.findall(body)]
    assert headings == HEADINGS
    words = text(body)
    for needed in ("Equality and Human Rights Commission", "Equality Advisory and Support Service",
                   "WCAG", "partially compliant", "WeasyPrint", "radio buttons",
                   "the organisation that published"):
        assert needed in words, needed


def test_statement_names_the_tool_versions_the_tests_use(statement: str) -> None:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    words = text(statement)
    assert f"axe-core {lock['node_modules/axe-core']['version']} " in words
    assert f"(vnu) {lock['node_modules/vnu-jar']['version']} " in words


def test_statement_points_to_each_organisations_contacts(built_site: Path,
                                                         statement: str) -> None:
    orgs = sorted(p.stem for p in (ROOT / "content" / "organisations").glob("*.yaml"))
    links = set(re.findall(r'href="\.\./organisations/([^/"]+)/"', statement))
    assert links == set(orgs)


def links_to_statement(page_html: str, page_dir: str, built_site: Path) -> set[str]:
    """The places on a page that link to the statement: 'nav', 'footer' or 'content'."""
    where = set()
    for match in re.finditer(r'<a href="([^"#]*)"[^>]*>', page_html):
        target = posixpath.normpath(posixpath.join(page_dir, match.group(1)))
        if target != "accessibility":
            continue
        before = page_html[:match.start()]
        if before.rfind("<footer") > before.rfind("</footer>"):
            where.add("footer")
        elif 'class="md-nav__link' in match.group(0) and before.rfind("md-nav--primary") > 0:
            where.add("nav")
        elif before.rfind("<article") > before.rfind("</article>"):
            where.add("content")
    assert (built_site / "accessibility" / "index.html").is_file()
    return where


def test_every_page_links_to_the_statement_from_the_menu_and_the_footer(built_site: Path) -> None:
    missing = []
    for path in site_pages(built_site):
        markup = (built_site / path / "index.html").read_text(encoding="utf-8")
        where = links_to_statement(markup, path.rstrip("/") or ".", built_site)
        if not {"nav", "footer"} <= where:
            missing.append((path, sorted(where)))
    assert missing == []


def test_home_page_links_to_the_statement(built_site: Path) -> None:
    markup = (built_site / "index.html").read_text(encoding="utf-8")
    assert "content" in links_to_statement(markup, ".", built_site)
