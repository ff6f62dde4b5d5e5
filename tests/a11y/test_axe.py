"""WCAG 2.2 AA, automated: axe-core finds nothing on any page, form or sheet, in either colour
scheme, nor on a search with its results open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import (
    axe_violations,
    describe,
    form_pages,
    require_axe,
    search,
    settle,
    shipped_forms,
    shipped_pages,
    site_pages,
)

pytestmark = pytest.mark.browser

PAGES = shipped_pages()
FORMS = shipped_forms()
# Material's palette follows prefers-color-scheme: "default" is light, "slate" dark.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    return require_axe()


@pytest.fixture(scope="module", params=sorted(SCHEMES))
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """One page per colour scheme, reused by every test of this module."""
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  color_scheme=request.param)
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def audit(page: Any, axe_source: str) -> None:
    violations = axe_violations(page, axe_source)
    assert not violations, f"{page.url} ({page.scheme}):\n{describe(violations)}"


def test_every_page_of_the_site_is_audited(built_site: Path) -> None:
    assert site_pages(built_site) == PAGES
    assert form_pages(built_site) == FORMS


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_violations(page: Any, site_url: str, axe_source: str, path: str) -> None:
    page.goto(f"{site_url}/{path}")
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert scheme == SCHEMES[page.scheme]
    audit(page, axe_source)


@pytest.fixture(scope="module")
def form_page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page = context.new_page()
    page.scheme = "light"
    yield page
    context.close()


@pytest.mark.parametrize("path", FORMS)
def test_form_has_no_violations(form_page: Any, site_url: str, axe_source: str,
                                path: str) -> None:
    form_page.goto(f"{site_url}/{path}")
    audit(form_page, axe_source)


def test_forms_have_one_colour_scheme() -> None:
    """The forms are audited in the light scheme only: they have no other. Give them a dark
    one and this fails, as a reminder to audit it too."""
    from generator.render.forms.stylesheet import STYLESHEET

    assert "prefers-color-scheme" not in STYLESHEET.read_text(encoding="utf-8")


def test_search_with_results_open_has_no_violations(page: Any, site_url: str,
                                                     axe_source: str) -> None:
    assert search(page, site_url, "recovery").count() >= 1
    settle(page)  # the results have finished drawing
    assert page.locator(".pagefind-ui__results").is_visible()
    audit(page, axe_source)
