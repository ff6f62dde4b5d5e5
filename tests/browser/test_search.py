"""The site's search (Pagefind) in Chromium: a vacancy's reference, typed whole, in part or
without its hyphens, brings the vacancy first, with its title, organisation and closing date;
a post number brings its role; the index is the site's own and is fetched in chunks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.output.search import indexed
from tests.support.browser import SEARCH_BOX, SEARCH_DONE, SEARCH_RESULT, page_at, search

pytestmark = pytest.mark.browser

VACANCY = "vacancies/supervised-contact-co-ordinator-2027/"
CLOSED = "vacancies/da-sv-case-coordinator-2024/"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    with page_at(browser, 390, 844) as page:
        yield page


def first_result(results: Any) -> dict[str, Any]:
    first = results.first
    return {"href": first.locator(".pagefind-ui__result-link").get_attribute("href"),
            "title": first.locator(".pagefind-ui__result-title").inner_text(),
            "tags": first.locator(".pagefind-ui__result-tag").all_inner_texts()}


@pytest.mark.parametrize("query", ["DBC-PG-0412", "PG-0412", "0412", "DBCPG0412", "dbc-pg-0412"])
def test_a_reference_brings_its_vacancy_first(page: Any, site_url: str, query: str) -> None:
    found = first_result(search(page, site_url, query))
    assert found["href"].endswith("/" + VACANCY)
    assert found["title"] == "Supervised Contact Co-Ordinator"
    assert "Organisation: Darlington Borough Council" in found["tags"]
    assert "Closes: 30 September 2027 at 12:00" in found["tags"]


@pytest.mark.parametrize("query", ["FL-CC-2024-07", "2024-07", "FLCC202407"])
def test_a_closed_vacancy_is_found_and_says_it_is_closed(page: Any, site_url: str,
                                                         query: str) -> None:
    found = first_result(search(page, site_url, query))
    assert found["href"].endswith("/" + CLOSED)
    assert "Organisation: First Light" in found["tags"]
    assert "Closes: 30 June 2024" in found["tags"]
    assert "Type: Vacancy (closed)" in found["tags"]


def test_a_post_number_brings_its_role_first(page: Any, site_url: str) -> None:
    found = first_result(search(page, site_url, "D13002", path="roles/"))
    assert found["href"].endswith("/roles/supervised-contact-co-ordinator/")
    assert "Organisation: Darlington Borough Council" in found["tags"]


def test_results_link_to_the_site_and_fetch_only_from_it(page: Any, site_url: str) -> None:
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    results = search(page, site_url, "safeguarding", path=VACANCY)
    assert results.count() >= 2
    hrefs = results.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map((a) => a.href)")
    assert all(href.startswith(site_url + "/") for href in hrefs), hrefs
    assert asked and all(url.startswith(site_url + "/") for url in asked), asked
    # Material's search index is neither built into the page nor fetched.
    assert not any("search_index.json" in url for url in asked)


def test_every_searchable_page_is_indexed_and_the_forms_are_not(built_site: Path) -> None:
    index = built_site / "pagefind"
    assert (index / "pagefind-ui.js").is_file() and any((index / "fragment").iterdir())
    role = (built_site / "roles" / "supervised-contact-co-ordinator" / "index.html").read_text(
        encoding="utf-8")
    assert "data-pagefind-body" in role and 'data-pagefind-filter="organisation"' in role
    form = next(built_site.glob("roles/*/forms/application-form.html")).read_text(
        encoding="utf-8")
    assert "data-pagefind-body" not in form


def test_every_filter_value_finds_the_pages_that_carry_it(page: Any, site_url: str,
                                                          built_site: Path) -> None:
    """The filter files are rewritten in a fixed order after Pagefind writes them
    (generator/output/search_order.py); Pagefind's own script still reads every value and finds
    exactly the pages whose text carries it (the pages' fragments, which are left as written)."""
    expected: dict[str, dict[str, list[str]]] = {}
    for url, held in indexed(built_site).items():
        for name, values in dict(held["filters"]).items():  # type: ignore[call-overload]
            for value in values:
                expected.setdefault(name, {}).setdefault(value, []).append(url)
    page.goto(site_url + "/")
    found = page.evaluate("""async () => {
        const pagefind = await import("/pagefind/pagefind.js");
        await pagefind.options({ baseUrl: "/" });
        const counts = await pagefind.filters();
        const found = {};
        for (const [name, values] of Object.entries(counts)) {
            found[name] = {};
            for (const value of Object.keys(values)) {
                const hits = await pagefind.search(null, { filters: { [name]: value } });
                const pages = await Promise.all(hits.results.map((hit) => hit.data()));
                found[name][value] = pages.map((data) => data.url).sort();
            }
        }
        return found;
    }""")
    assert {"organisation", "location", "grade", "contract", "hours", "salary band",
            "vacancy"} <= set(expected)
    assert found == {name: {value: sorted(urls) for value, urls in values.items()}
                     for name, values in expected.items()}


@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_the_first_result_shows_without_scrolling(browser: Any, site_url: str,
                                                            width: int) -> None:
    """The filters follow the results on a phone: the first result's title, organisation and
    excerpt lie inside the window as soon as the results show."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    try:
        page = context.new_page()
        first = search(page, site_url, "supervised contact").first
        height = page.evaluate("window.innerHeight")
        assert page.evaluate("window.scrollY") == 0
        for part in (".pagefind-ui__result-title", ".pagefind-ui__result-tag",
                     ".pagefind-ui__result-excerpt"):
            box = first.locator(part).first.bounding_box()
            assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height, part
        filters = page.locator(".pagefind-ui__filter-panel").bounding_box()
        assert filters is not None and filters["y"] > first.bounding_box()["y"]
    finally:
        context.close()


@pytest.mark.parametrize("query", ["0412", "DBCPG0412"])
def test_the_hidden_variants_are_not_shown_in_results(page: Any, site_url: str,
                                                      query: str) -> None:
    """A reference's variants find the page but are not shown: not in an excerpt, not as a
    tag; the reference itself still shows where the page shows it."""
    results = search(page, site_url, query)
    assert results.count() >= 1
    excerpts = results.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    tags = results.locator(".pagefind-ui__result-tag").all_inner_texts()
    for shown in excerpts + tags:
        assert not any(word in shown for word in ("DBCPG0412", "PG0412 ", "Variants")), shown


@pytest.mark.parametrize(("message", "done"), [
    ("1,073 results for care", True), ("1 result for care", True), ("No results for care", True),
    ("12 results for car", False), ("Searching for care...", False)])
def test_the_wait_for_results_reads_a_count_of_thousands(page: Any, message: str,
                                                        done: bool) -> None:
    page.set_content(f'<input class="pagefind-ui__search-input" value="care">'
                     f'<p class="pagefind-ui__message">{message}</p><ol>'
                     '<li class="pagefind-ui__result"><a class="pagefind-ui__result-link">A</a>'
                     '</li></ol>')
    assert page.evaluate(SEARCH_DONE, [SEARCH_BOX, SEARCH_RESULT]) is done
