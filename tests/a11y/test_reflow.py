"""Reflow (WCAG 1.4.10) and zoom (1.4.4): at 320 CSS px, and at 200% zoom on a 1280 px screen,
no page or form scrolls sideways and no text is cut off; what cannot reflow (a wide table)
scrolls inside its own region, which has a name, role=region and a place in the tab order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.browser import shipped_forms, shipped_pages

pytestmark = pytest.mark.browser

LAYOUTS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    # 1280 x 800 at 200%: 640 x 400 CSS px, each drawn with 2 x 2 device pixels.
    "zoom-200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

# Text outside the window, or cut off by a box that does not scroll: lost content. Text in a
# box that scrolls sideways is fine when the box is a named, focusable region.
REFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const lost = [], unnamed = [];
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className.trim()
       ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX)
    && el.scrollWidth > el.clientWidth + 1;
  for (const el of document.querySelectorAll("body *")) {
    const named = el.getAttribute("role") === "region" && el.getAttribute("tabindex") === "0"
      && (el.getAttribute("aria-label") || el.getAttribute("aria-labelledby"));
    if (scrolls(el) && el.checkVisibility({visibilityProperty: true}) && !named) {
      unnamed.push(name(el));
    }
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode;
    const el = text.parentElement;
    const shown = el.checkVisibility({visibilityProperty: true, opacityProperty: true});
    if (!text.textContent.trim() || !shown) continue;
    // The page title in Material's header is shortened with an ellipsis; it is the page's
    // H1 too, in full.
    if (el.closest(".md-header__topic")) continue;
    const range = document.createRange();
    range.selectNodeContents(text);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      let box = el, inside = true, hidden = false;
      while (box && box !== document.body) {
        const style = getComputedStyle(box);
        if (style.overflowX !== "visible" || style.overflowY !== "visible") {
          const b = box.getBoundingClientRect();
          if (b.width <= 1 || b.height <= 1) { hidden = true; break; }  // read aloud only
          const clipsX = r.left < b.left - 1 || r.right > b.right + 1;
          if (clipsX && !scrolls(box)) { inside = false; break; }
          if (clipsX && scrolls(box)) break;  // reachable by scrolling the region
        }
        box = box.parentElement;
      }
      if (hidden) break;
      if (!inside || (box === document.body && (r.right > width + 1 || r.left < -1))) {
        lost.push(name(el) + ': "' + text.textContent.trim().slice(0, 40) + '"');
        break;
      }
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, lost, unnamed};
}"""


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(**LAYOUTS[request.param])
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", shipped_pages() + shipped_forms())
def test_nothing_scrolls_sideways_and_nothing_is_lost(page: Any, site_url: str,
                                                      path: str) -> None:
    page.goto(f"{site_url}/{path}")
    found = page.evaluate(REFLOW)
    assert found["scrollWidth"] <= found["width"], "the page scrolls sideways"
    assert found["lost"] == [], "text cut off or outside the window"
    assert found["unnamed"] == [], "boxes that scroll sideways without a name, role or tab stop"


def test_wide_tables_scroll_in_a_named_region(browser: Any, site_url: str) -> None:
    """The check above would pass if no table were ever wide: at 320 px some are (a person
    specification's rows stack instead, tests/browser/test_phone.py)."""
    context = browser.new_context(**LAYOUTS["320px"])
    page = context.new_page()
    page.goto(f"{site_url}/frameworks/second-step-competencies/")
    regions = page.evaluate("""() => [...document.querySelectorAll("[role=region]")]
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => el.getAttribute("aria-label"))""")
    context.close()
    assert regions and all(regions), regions
