"""The site with the keyboard alone: a skip link, a visible focus that the sticky header never
covers (WCAG 2.4.7, 2.4.11), and the menu, search and glossary tooltips without a mouse."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.browser import settle, wait_for_search

pytestmark = pytest.mark.browser

# Pages with every kind of tab stop: the header, both sidebars, tables in scroll regions,
# glossary abbreviations, links in text and in lists.
WALKED = ["", "roles/da-sv-case-coordinator/", "frameworks/second-step-competencies/",
          "glossary/"]
DESKTOP = {"viewport": {"width": 1280, "height": 600}}
# 200% zoom on a 1280 x 800 screen: 640 x 400 CSS px, Material's narrow layout with the menu.
ZOOMED = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
MAX_STOPS = 400

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  // Material's colour-scheme switch is a radio button of no size: its focus shows on the
  // label beside it.
  const shown = el.matches("input.md-option") ? el.nextElementSibling : el;
  const r = shown.getBoundingClientRect();
  const style = getComputedStyle(shown);
  const header = document.querySelector(".md-header").getBoundingClientRect();
  // The skip link is drawn on top of the header, where it is seen.
  const inHeader = !!el.closest(".md-header, .md-skip");
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const visibleTop = Math.max(r.top, inHeader ? 0 : header.bottom);
  const y = Math.min(Math.max(visibleTop + Math.min(r.height / 2, 8), 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const classes = typeof el.className === "string" ? el.className.trim().split(/\\s+/) : [];
  const label = (el.getAttribute("aria-label") || el.textContent || "").trim();
  const name = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + classes.map((c) => "." + c).join("") + ' "' + label.replace(/\\s+/g, " ").slice(0, 30) + '"';
  return {
    name, inHeader, top: r.top, bottom: r.bottom, left: r.left, right: r.right,
    width: r.width, height: r.height, headerBottom: header.bottom,
    viewportHeight: innerHeight, viewportWidth: innerWidth,
    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
    hitInHeader: !!(hit && hit.closest(".md-header")),
    key: name + "@" + Math.round(r.top + scrollY) + "," + Math.round(r.left),
  };
}"""


@pytest.fixture(scope="module")
def desktop(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**DESKTOP)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def zoomed(browser: Any) -> Iterator[Any]:
    context = browser.new_context(**ZOOMED)
    yield context.new_page()
    context.close()


def problems(stop: dict[str, Any]) -> list[str]:
    """What is wrong with how the focused element is shown: empty when it is fine."""
    found = []
    if stop["outline"] == "none" or stop["outlineWidth"] < 2:
        found.append(f"no visible focus indicator (outline {stop['outline']} "
                     f"{stop['outlineWidth']}px)")
    if stop["width"] < 1 or stop["height"] < 1:
        found.append("has no size")
    top_limit = 0 if stop["inHeader"] else stop["headerBottom"] - 1
    bottom_limit = stop["viewportHeight"]
    if stop["height"] > bottom_limit - top_limit:
        # Taller than the room below the header (a long table): a good part of it must show.
        shown = min(stop["bottom"], bottom_limit) - max(stop["top"], top_limit)
        if shown < 48:
            found.append(f"only {shown:.0f}px of it shows below the header")
    elif stop["top"] < top_limit or stop["top"] > bottom_limit - 8:
        found.append(f"top at {stop['top']:.0f}px, not between the header "
                     f"({top_limit:.0f}px) and the bottom of the window")
    if stop["right"] <= 0 or stop["left"] >= stop["viewportWidth"]:
        found.append(f"off the screen sideways (left {stop['left']:.0f}px)")
    if stop["hitInHeader"] and not stop["inHeader"]:
        found.append("covered by the sticky header")
    return found


def walk(page: Any, key: str) -> tuple[list[str], list[str]]:
    """Press `key` until focus comes round again; the stops, and what is wrong at each."""
    start = page.evaluate(FOCUSED)
    seen: list[str] = [start["key"]] if start else []
    failures: list[str] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        stop = page.evaluate(FOCUSED)
        if stop is None or (seen and stop["key"] == seen[0]):
            break
        found = problems(stop)
        if found:  # a transition (the search box opening) may still be running: look again
            settle(page)
            stop = page.evaluate(FOCUSED) or stop
            found = problems(stop)
        seen.append(stop["key"])
        failures += [f"{key} to {stop['name']}: {f}" for f in found]
    else:
        pytest.fail(f"focus never came round after {MAX_STOPS} presses of {key}")
    return seen, failures


@pytest.mark.parametrize("layout", ["desktop", "zoomed"])
@pytest.mark.parametrize("path", WALKED)
def test_focus_is_visible_and_never_behind_the_header(request: pytest.FixtureRequest,
                                                      site_url: str, path: str,
                                                      layout: str) -> None:
    page = request.getfixturevalue(layout)
    page.goto(f"{site_url}/{path}")
    forward, failures = walk(page, "Tab")
    # Backwards, each element scrolls into view from below the header: the case that
    # scroll-padding-top is there for.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.locator("footer a").last.focus()
    backward, back_failures = walk(page, "Shift+Tab")
    assert len(forward) > 10 and len(backward) > 10
    assert not failures + back_failures, "\n".join(failures + back_failures)


@pytest.mark.parametrize("path", ["", "roles/recovery-navigator/"])
def test_skip_link_comes_first_and_moves_to_the_content(desktop: Any, site_url: str,
                                                         path: str) -> None:
    desktop.goto(f"{site_url}/{path}")
    desktop.keyboard.press("Tab")
    stop = desktop.evaluate(FOCUSED)
    assert stop["name"].startswith("a.md-skip") and "Skip to content" in stop["name"]
    assert problems(stop) == []
    desktop.keyboard.press("Enter")
    heading = desktop.locator("h1").first.get_attribute("id")
    assert desktop.evaluate("location.hash") == f"#{heading}"
    desktop.keyboard.press("Tab")
    assert desktop.evaluate("!!document.activeElement.closest('.md-content')")


def tab_to(page: Any, test: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return {test}; }})()"):
            return
    pytest.fail(f"no element matching {test} within {limit} presses of Tab")


def test_search_works_from_the_keyboard(desktop: Any, site_url: str) -> None:
    desktop.goto(f"{site_url}/")
    tab_to(desktop, "el.matches('.pagefind-ui__search-input')", limit=8)
    desktop.keyboard.type("Recovery Navigator", delay=20)
    # The results of the whole name, not of its first letters, drawn later, under the focus.
    assert wait_for_search(desktop).count() >= 1
    # Past the clear button and the filters (a closed group each), to the first result.
    tab_to(desktop, "el.matches('.pagefind-ui__result-link')", limit=12)
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    assert "/roles/recovery-navigator/" in desktop.url


def test_menu_works_from_the_keyboard_on_a_wide_screen(desktop: Any, site_url: str) -> None:
    desktop.goto(f"{site_url}/glossary/")
    tab_to(desktop, "el.matches('.md-nav--primary a') && el.textContent.trim() === 'Roles'")
    with desktop.expect_navigation():
        desktop.keyboard.press("Enter")
    assert desktop.url.endswith("/roles/")


def test_menu_works_from_the_keyboard_when_zoomed(zoomed: Any, site_url: str) -> None:
    zoomed.goto(f"{site_url}/glossary/")
    # The drawer is closed: none of its links is a tab stop until the menu button opens it.
    tab_to(zoomed, "el.matches('button.rp-menu-button')", limit=4)
    assert zoomed.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    zoomed.keyboard.press("Escape")
    zoomed.keyboard.press("Enter")
    zoomed.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert zoomed.locator("button.rp-menu-button").get_attribute("aria-expanded") == "true"
    zoomed.keyboard.press("Escape")
    assert zoomed.evaluate("document.activeElement.matches('button.rp-menu-button')")
    assert zoomed.locator("button.rp-menu-button").get_attribute("aria-expanded") == "false"
    zoomed.keyboard.press("Enter")
    zoomed.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    tab_to(zoomed, "el.matches('.md-nav--primary a') && el.textContent.trim() === 'Roles'")
    with zoomed.expect_navigation():
        zoomed.keyboard.press("Enter")
    assert zoomed.url.endswith("/roles/")


def test_glossary_tooltip_shows_when_tabbed_to(desktop: Any, site_url: str) -> None:
    desktop.goto(f"{site_url}/roles/da-sv-case-coordinator/")
    tab_to(desktop, "el.matches('abbr') && el.textContent.trim() === 'IDVA'", limit=200)
    tooltip = desktop.locator(".md-tooltip2, .md-tooltip, [role=tooltip]").filter(
        has_text="Independent Domestic Violence")
    tooltip.first.wait_for(state="visible")
