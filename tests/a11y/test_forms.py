"""The HTML forms and sheets in a browser (labels, autocomplete, 24 px targets, instructions
first, tab order) and every page through the Nu HTML Checker."""

from __future__ import annotations

import itertools
import json
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import require_vnu, shipped_forms, shipped_pages
from tests.support.waiting import LIMIT

pytestmark = pytest.mark.browser

FORMS = shipped_forms()
# WCAG 1.3.5: the personal-details fields of the application form and their purposes.
PURPOSES = {"full-name": "name", "address": "street-address", "postcode": "postal-code",
            "email": "email", "tel": "tel"}
MIN_TARGET = 24  # CSS px, WCAG 2.5.8

CONTROLS = """() => {
  const controls = [...document.querySelectorAll("input, textarea, select, button")];
  return controls.map((el, index) => {
    const r = el.getBoundingClientRect();
    const labels = [...(el.labels || [])].map((l) => l.textContent.trim()).filter(Boolean);
    const described = (el.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean)
      .map((id) => {
        const hint = document.getElementById(id);
        return hint && {id, before: !!(hint.compareDocumentPosition(el)
                                         & Node.DOCUMENT_POSITION_FOLLOWING),
                        top: hint.getBoundingClientRect().top};
      });
    return {
      name: el.name || el.id, index, type: el.type, tag: el.tagName.toLowerCase(),
      label: labels.join(" ") || el.getAttribute("aria-label")
        || (el.tagName === "BUTTON" ? el.textContent.trim() : ""),  // a button's own words
      autocomplete: el.getAttribute("autocomplete"),
      tabindex: el.getAttribute("tabindex"),
      top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, width: r.width,
      height: r.height, described,
    };
  });
}"""

# A radio group (a tick-one question) is one Tab stop, at its first button while none is
# chosen; the arrow keys move between its buttons.
TABBABLE = """() => [...document.querySelectorAll(
    "a[href], input, textarea, select, button, [tabindex]")]
  .filter((el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility())
  .filter((el) => el.type !== "radio"
    || el.form.querySelector(`input[type=radio][name="${el.name}"]`) === el)
  .map((el) => {
    const r = el.getBoundingClientRect();
    return {id: el.id || el.getAttribute("aria-label") || el.tagName, tabindex: el.tabIndex,
            top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left};
  })"""


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def controls(page: Any, site_url: str) -> dict[str, list[dict[str, Any]]]:
    """Every control of every form, measured in the browser, by form."""
    found = {}
    for path in FORMS:
        page.goto(f"{site_url}/{path}")
        found[path] = page.evaluate(CONTROLS)
    return found


@pytest.mark.parametrize("path", FORMS)
def test_every_field_has_a_label(controls: dict[str, list[dict[str, Any]]], path: str) -> None:
    fields = controls[path]
    assert len(fields) > 5
    assert [f["name"] for f in fields if not f["label"]] == []


@pytest.mark.parametrize("path", [p for p in FORMS if p.endswith("/application-form.html")])
def test_personal_details_say_what_they_are_for(controls: dict[str, list[dict[str, Any]]],
                                                path: str) -> None:
    auto = {f["name"]: f["autocomplete"] for f in controls[path]}
    assert {name: auto.get(name) for name in PURPOSES} == PURPOSES
    # Every other box says "off", so browsers do not offer the candidate's own details for a
    # referee's or an employer's.
    typed = [f for f in controls[path]
             if f["type"] not in ("checkbox", "radio", "submit", "button")]
    assert [f["name"] for f in typed if f["name"] not in PURPOSES
            and f["autocomplete"] != "off"] == []


@pytest.mark.parametrize("path", FORMS)
def test_targets_are_at_least_24_px(controls: dict[str, list[dict[str, Any]]],
                                    path: str) -> None:
    small = [(f["name"], round(f["width"], 1), round(f["height"], 1)) for f in controls[path]
             if f["width"] < MIN_TARGET - 0.5 or f["height"] < MIN_TARGET - 0.5]
    assert small == []


@pytest.mark.parametrize("path", FORMS)
def test_instructions_come_before_the_fields(page: Any, site_url: str,
                                             controls: dict[str, list[dict[str, Any]]],
                                             path: str) -> None:
    # The fields to fill in (the application form's button that clears what was typed is
    # part of its instructions).
    fields = [f for f in controls[path] if f["tag"] != "button"]
    page.goto(f"{site_url}/{path}")
    intro = page.locator("section.intro").first
    box = intro.bounding_box()
    assert box is not None and intro.evaluate(
        "(el) => !!(el.compareDocumentPosition(document.querySelector('input, textarea'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING)")
    assert box["y"] + box["height"] <= min(f["top"] for f in fields)
    late = [(f["name"], d["id"]) for f in fields for d in f["described"]
            if d is None or not d["before"] or d["top"] > f["top"]]
    assert late == [], "hints that come after the field they describe"


def reading_order_breaks(stops: list[dict[str, Any]]) -> list[str]:
    """Consecutive stops where the second is above the first, or to its left on the same line."""
    breaks = []
    for a, b in itertools.pairwise(stops):
        same_line = b["top"] < a["bottom"] - 2 and a["top"] < b["bottom"] - 2
        if (b["top"] < a["top"] - 2 and not same_line) or (same_line and b["left"] < a["left"]):
            breaks.append(f"{a['id']} then {b['id']}")
    return breaks


@pytest.mark.parametrize("path", FORMS)
def test_tab_order_follows_the_visual_order(page: Any, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}")
    stops = page.evaluate(TABBABLE)
    assert [s["id"] for s in stops if s["tabindex"] > 0] == [], "tabindex above 0"
    assert reading_order_breaks(stops) == []
    if "/supervised-contact-co-ordinator/" in path:
        # And the Tab key really goes that way (the others are built the same way).
        pressed = []
        for _ in stops:
            page.keyboard.press("Tab")
            pressed.append(page.evaluate(
                "document.activeElement.id || document.activeElement.getAttribute('aria-label')"
                " || document.activeElement.tagName"))
        assert pressed == [s["id"] for s in stops]


# ---- The Nu HTML Checker ----

# Two errors in Material for MkDocs' own markup, on pages this project does not write: the
# hidden checkboxes that open the drawer and search carry autocomplete="off" (Material sets it
# so Firefox does not restore them open), and on pages outside the nav Material's table of
# contents title is a <label for="__toc"> whose checkbox it only writes for pages in the nav.
# Neither is a WCAG failure (axe, run on the same pages, finds none); each is matched by its
# message and by the element it is about, so any other error fails the test.
MATERIAL = [
    ("Attribute “autocomplete” is only allowed when the input type is",
     re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
                r'id="__(drawer|search)" autocomplete="off">')),
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
     "form control.", re.compile(r'<label class="md-nav__title" for="__toc">')),
]


def vnu(files: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """The checker's errors, by file name relative to the site."""
    run = subprocess.run([*require_vnu(), "--format", "json", "--errors-only",
                          *map(str, files)], capture_output=True, text=True, timeout=LIMIT)
    report = json.loads(run.stderr or run.stdout)
    errors: dict[str, list[dict[str, Any]]] = {}
    for message in report["messages"]:
        errors.setdefault(message.get("url", "").removeprefix("file:"), []).append(message)
    return errors


def url_file(site: Path, path: str) -> Path:
    return site / path if path.endswith(".html") else site / path / "index.html"


@pytest.fixture(scope="module")
def form_errors(built_site: Path) -> dict[str, list[dict[str, Any]]]:
    return vnu([url_file(built_site, path) for path in FORMS])


@pytest.mark.parametrize("path", FORMS)
def test_form_passes_the_nu_html_checker(built_site: Path,
                                         form_errors: dict[str, list[dict[str, Any]]],
                                         path: str) -> None:
    errors = form_errors.get(str(url_file(built_site, path)), [])
    assert [(e.get("lastLine"), e["message"]) for e in errors] == []


def test_site_pages_pass_the_nu_html_checker_but_for_material(built_site: Path) -> None:
    files = [url_file(built_site, path) for path in shipped_pages()] + [built_site / "404.html"]
    errors = vnu(files)
    unexpected = [
        (name, e.get("lastLine"), e["message"], e.get("extract", "").strip())
        for name, found in errors.items() for e in found
        if not any(e["message"].startswith(text) and pattern.search(e.get("extract", ""))
                   for text, pattern in MATERIAL)
    ]
    assert unexpected == []
