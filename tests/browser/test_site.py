"""The built site in a real browser: search, the person specification, tooltips, small screens."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import page_at
from tests.support.browser import search as site_search

pytestmark = pytest.mark.browser

SEARCHES = [
    ("Supervised Contact Co-Ordinator", "roles/supervised-contact-co-ordinator/"),
    ("motivational interviewing techniques", "roles/recovery-coordinator-tier-4-lead/"),
    ("D13002", "roles/supervised-contact-co-ordinator/"),
    ("DBC-PG-0412", "roles/supervised-contact-co-ordinator/"),
    ("IDVA", "roles/da-sv-case-coordinator/"),
    ("Psychologically informed practice", "roles/recovery-navigator/"),
]


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with page_at(browser, 1280, 900) as page:
        yield page


def search(page: Any, site_url: str, query: str) -> list[str]:
    results = site_search(page, site_url, query)
    hrefs: list[str] = results.locator("a").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || '')")
    return hrefs


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_finds_the_role(page: Any, site_url: str, query: str, expected: str) -> None:
    hrefs = search(page, site_url, query)
    assert any(expected in href for href in hrefs[:5]), hrefs


def test_print_forms_are_not_in_the_search_index(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "application-form" not in index
    # The role pages' link texts may name them; nothing else may.
    named = index.lower().replace("shortlisting sheet", "").replace("shortlisting workbook", "")
    assert "shortlisting" not in named


def test_role_page_shows_essential_and_desirable_table(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/roles/recovery-navigator/")
    table = page.locator("table", has_text="Desirable").first
    assert table.is_visible()
    text = table.inner_text()
    assert "E1" in text and "Essential" in text and "D1" in text
    assert "Numeracy and literacy to GCSE level/NVQ 2 or equivalent" in text


def test_glossary_tooltip_appears_on_focus(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/roles/da-sv-case-coordinator/")
    abbr = page.locator("abbr", has_text="IDVA").first
    abbr.focus()
    tooltip = page.locator(".md-tooltip2, .md-tooltip, [role=tooltip]").filter(
        has_text="Independent Domestic Violence")
    tooltip.first.wait_for(state="visible")


def _all_pages(built_site: Path) -> list[str]:
    pages = []
    for path in sorted(built_site.rglob("index.html")):
        rel = path.parent.relative_to(built_site).as_posix()
        if rel.startswith(("search", "assets")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def test_no_page_scrolls_sideways_at_320_px(browser: Any, site_url: str, built_site: Path) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    wide = []
    pages = _all_pages(built_site)
    assert len(pages) > 10
    for rel in pages:
        page.goto(f"{site_url}/{rel}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append((rel, width))
    context.close()
    assert wide == []
