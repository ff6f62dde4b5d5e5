"""Hostile content in a real browser: searching and tooltips run no script and add no element.

The site's search (Pagefind) puts each result's excerpt into the page as HTML and its title,
metadata and filters as text; Material's tooltips put an element's title attribute into the
page as HTML. The hostile fixture (`tests/render/fixtures/site-unsafe/`) carries script in the
organisation's name, the role's locations, the family's title, a glossary meaning and a link
title, which reach both.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.output.search import index_site
from tests.conftest import FIXTURES, UNSAFE, overlay
from tests.support.browser import search, serve_folder
from tests.support.site import generate_and_build, load_site

pytestmark = pytest.mark.browser

# Installed before any of the page's own scripts: records every alert (each payload calls
# alert) and every element the page's scripts add that carries a handler or loads `x`.
WATCH = """
window.__ran = [];
window.alert = (m) => { window.__ran.push(String(m)); };
const bad = (el) => el.nodeType === 1 && (
  [...el.attributes].some(a => a.name.toLowerCase().startsWith('on')) ||
  el.getAttribute('src') === 'x' || el.localName === 'script' && el.src === '');
// From the end of parsing: what the scripts add afterwards (results, tooltips).
document.addEventListener('DOMContentLoaded', () => new MutationObserver(records => {
  for (const r of records) for (const n of r.addedNodes) {
    if (n.nodeType !== 1) continue;
    for (const el of [n, ...n.querySelectorAll('*')])
      if (bad(el)) window.__ran.push('element: ' + el.outerHTML.slice(0, 120));
  }
}).observe(document, {childList: true, subtree: true}));
"""


@pytest.fixture(scope="module")
def unsafe_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    where = tmp_path_factory.mktemp("unsafe-browser")
    content = overlay(FIXTURES / "base", UNSAFE / "content", where)
    _, site_dir, warnings = generate_and_build(load_site(content), where)
    assert warnings == []
    index_site(site_dir)
    with serve_folder(site_dir) as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def ran(page: Any) -> list[str]:
    return [*page.evaluate("window.__ran"), *page.dialogs]


@pytest.mark.parametrize("query", ["Support", "Recovery", "Town", "onerror", "Council"])
def test_searching_runs_no_injected_script(page: Any, unsafe_url: str, query: str) -> None:
    results = search(page, unsafe_url, query)
    assert results.count() >= 1
    assert ran(page) == []
    injected = page.evaluate("""() => [...document.querySelectorAll('#rp-search *')]
        .filter(el => el.localName === 'img' || el.localName === 'svg' && !el.closest('.md-icon')
                || [...el.attributes].some(a => a.name.startsWith('on')))
        .map(el => el.outerHTML)""")
    assert injected == []


def test_search_results_show_the_metadata_and_filters_as_typed(page: Any,
                                                               unsafe_url: str) -> None:
    search(page, unsafe_url, "Support")
    tags = page.locator(".pagefind-ui__result-tag").all_inner_texts()
    assert ("Organisation: Example <img src=x onerror=alert('xss-organisation')> Council &amp; "
            "Co") in tags
    page.locator(".pagefind-ui__filter-name", has_text="Location").first.click()
    values = page.locator(".pagefind-ui__filter-label").all_inner_texts()
    assert any("<b onmouseover=alert('xss-location')>Town</b>" in value for value in values)
    assert ran(page) == []


def test_a_glossary_tooltip_runs_no_script_and_shows_the_meaning(page: Any,
                                                                 unsafe_url: str) -> None:
    page.goto(f"{unsafe_url}/roles/support-worker/")
    page.locator("abbr", has_text="IT").first.focus()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="technology")
    tooltip.first.wait_for(state="visible")
    assert ("Information <img src=x onerror=alert('xss-tooltip')> technology &amp; more"
            in tooltip.first.inner_text())
    assert tooltip.first.locator("img").count() == 0
    for link in page.locator(".md-content a[href^='https://example.org']").all():
        link.hover()  # a link title would become a tooltip too: content links have none
        assert link.get_attribute("title") is None
    assert ran(page) == []


def test_content_defines_no_abbreviation(page: Any, unsafe_url: str) -> None:
    page.goto(f"{unsafe_url}/roles/support-worker/")
    titles = page.locator("abbr").evaluate_all("els => els.map(e => e.textContent)")
    assert "Support" not in titles  # `*[Support]: …` in a duty is shown as typed
    assert page.locator("text=*[Support]:").count() >= 1
    assert ran(page) == []


def test_the_built_pages_were_checked(unsafe_url: str, tmp_path: Path) -> None:
    """The server is up and serves the hostile role (so the tests above saw a real page)."""
    import urllib.request

    with urllib.request.urlopen(f"{unsafe_url}/roles/support-worker/") as response:
        assert b"xss-location2" in response.read()
