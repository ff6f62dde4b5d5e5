"""A candidate on a phone (320 and 390 px wide, in Chromium): every criterion of the person
specification shows its text, essential or desirable and how it is assessed, inside the window;
every listed vacancy shows its title, organisation, location, salary, closing date and status
inside the window; a closed vacancy is under "Closed vacancies"; an open vacancy's apply button
is on the first screen; axe still finds nothing, on the vacancy and panel pages too."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from generator.model import Vacancy
from generator.model.filters import long_date, requirement_label, salary_text
from generator.render.views import published_vacancies
from tests.conftest import CONTENT
from tests.support.browser import axe_violations, describe, require_axe
from tests.support.site import load_site

pytestmark = pytest.mark.browser

SITE = load_site(CONTENT)
WIDTHS = (320, 390)
CLOSED = "da-sv-case-coordinator-2024"  # closed in 2024

# Where a stretch of an element's text is drawn: the boxes of the range that holds `needle`
# (found in the element's text with each white-space character read as a space), or null when
# the text is not there. Each box is [left, right] in CSS px from the window's left edge.
TEXT_BOXES = """(root, needle) => {
  const nodes = [];
  let text = "";
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    nodes.push([walker.currentNode, text.length]);
    text += walker.currentNode.textContent;
  }
  const at = text.replace(/\\s/g, " ").indexOf(needle);
  if (at < 0) return null;
  const end = at + needle.length;
  const range = document.createRange();
  for (const [node, start] of nodes) {
    const stop = start + node.textContent.length;
    if (start <= at && at < stop) range.setStart(node, at - start);
    if (start < end && end <= stop) range.setEnd(node, end - start);
  }
  return [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
    .map((r) => [r.left, r.right]);
}"""

# Each cell of a person-specification row: its text (without the label drawn before it), its
# column's name, whether that name is drawn, and the boxes everything in the cell is drawn in.
ROW_CELLS = """(row) => [...row.querySelectorAll("td")].map((td) => {
  const range = document.createRange();
  range.selectNodeContents(td);
  const label = getComputedStyle(td, "::before");
  return {
    text: td.innerText.replace(label.content, "").trim(), label: td.dataset.label,
    labelShown: label.display !== "none" && !["none", "normal"].includes(label.content),
    visible: td.checkVisibility({visibilityProperty: true, opacityProperty: true}),
    boxes: [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      .map((r) => [r.left, r.right]),
  };
})"""


@pytest.fixture(scope="module", params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def phone(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": request.param, "height": 800},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def inside(boxes: list[list[float]] | None, width: int) -> bool:
    """Drawn (at least one box) and every box within the window's width."""
    return bool(boxes) and all(left >= -1 and right <= width + 1 for left, right in boxes or [])


def window_width(page: Any) -> int:
    """The window's width; fails the test when the page scrolls sideways."""
    scroll, width = page.evaluate("""() => [document.documentElement.scrollWidth,
                                            document.documentElement.clientWidth]""")
    assert scroll <= width, f"{page.url} scrolls sideways ({scroll} > {width} px)"
    return int(width)


@pytest.mark.parametrize("role_id", sorted(SITE.roles))
def test_every_criterion_is_read_whole_on_a_phone(phone: Any, site_url: str,
                                                  role_id: str) -> None:
    role = SITE.roles[role_id]
    phone.goto(f"{site_url}/roles/{role_id}/")
    width = window_width(phone)
    rows = {}
    for row in phone.locator(".rp-stack tbody tr").all():
        cells = row.evaluate(ROW_CELLS)
        rows[cells[0]["text"]] = cells
    assert sorted(rows) == sorted(c.id for c in role.person_spec.criteria)
    for criterion in role.person_spec.criteria:
        cells = rows[criterion.id]
        assessed = (criterion.assessed_by_short if role.labels.abbreviations
                    else criterion.assessed_by_text)
        assert criterion.text.split()[0] in cells[1]["text"], criterion.id
        assert cells[2]["text"] == requirement_label(criterion.requirement), criterion.id
        assert cells[3]["text"] == assessed, criterion.id
        for cell in cells:
            where = f"{role_id} {criterion.id} {cell['label']}"
            assert cell["visible"] and inside(cell["boxes"], width), f"{where}: outside"
            assert cell["labelShown"], f"{where}: its column's name is not shown"


def listed(vacancy: Vacancy) -> dict[str, str]:
    """What a listing must show of a vacancy, by what it is."""
    salary = vacancy.salary or vacancy.role.salary
    closing = long_date(vacancy.closing_date or "") + (
        f" at {vacancy.closing_time}" if vacancy.closing_time else "")
    return {"title": vacancy.title, "organisation": vacancy.role.organisation.name,
            "location": "; ".join(vacancy.locations or vacancy.role.locations),
            "salary": salary_text(salary), "closing date": closing,
            "status": "Status: Open" if vacancy.is_open else "Status: Closed"}


def entry(page: Any, vacancy: Vacancy) -> Any:
    """The list item that lists the vacancy (its title links to its page)."""
    item = page.locator(f"li:has(> strong > a[href$='{vacancy.id}/'])")
    assert item.count() == 1, f"{vacancy.id} is listed {item.count()} times on {page.url}"
    return item


@pytest.mark.parametrize("path", ["", "vacancies/"])
def test_listings_show_what_a_candidate_needs_on_a_phone(phone: Any, site_url: str,
                                                         path: str) -> None:
    phone.goto(f"{site_url}/{path}")
    width = window_width(phone)
    vacancies = [v for v in published_vacancies(SITE) if path or v.is_open]
    assert vacancies
    for vacancy in vacancies:
        item = entry(phone, vacancy)
        for what, text in listed(vacancy).items():
            assert text, f"{vacancy.id} has no {what} to check"
            boxes = item.evaluate(TEXT_BOXES, text)
            assert boxes is not None, f"{vacancy.id}: {what} ({text!r}) is not listed"
            assert inside(boxes, width), f"{vacancy.id}: {what} lies outside the window"


@pytest.mark.parametrize("path", ["vacancies/", "organisations/first-light/",
                                  "roles/da-sv-case-coordinator/"])
def test_a_closed_vacancy_is_listed_as_closed(phone: Any, site_url: str, path: str) -> None:
    vacancy = SITE.vacancies[CLOSED]
    assert not vacancy.is_open
    phone.goto(f"{site_url}/{path}")
    item = entry(phone, vacancy)
    # The last heading before the item, without its permalink ("¶").
    heading = item.evaluate("""(li) => {
        const headings = [...document.querySelectorAll("article h2, article h3")]
          .filter((h) => h.compareDocumentPosition(li) & Node.DOCUMENT_POSITION_FOLLOWING);
        const last = headings[headings.length - 1];
        return last ? [...last.childNodes].filter((n) => !n.classList?.contains("headerlink"))
          .map((n) => n.textContent).join("").trim() : null;
    }""")
    assert heading == "Closed vacancies"
    assert item.evaluate(TEXT_BOXES, "Status: Closed")


def test_the_roles_list_shows_the_salary_entered(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/roles/")
    width = window_width(phone)
    for role in SITE.roles.values():
        item = phone.locator(f"li:has(> strong > a[href$='{role.id}/'])")
        open_vacancy = SITE.open_vacancy(role.id)
        salary = role.salary or (open_vacancy.salary if open_vacancy else None)
        for text in [role.organisation.name, *role.locations, role.grade or "",
                     salary_text(salary)]:
            if text:
                assert inside(item.evaluate(TEXT_BOXES, text), width), (role.id, text)


OPEN = "supervised-contact-co-ordinator-2027"
# The focused button: its box, its outline and the contrast of its text on its background.
BUTTON_LOOK = """(a) => {
  const style = getComputedStyle(a);
  const rgb = (c) => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (one, two) => {
    const [hi, lo] = [lum(rgb(one)), lum(rgb(two))].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const page = getComputedStyle(document.body).backgroundColor;
  return {outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth),
          contrast: ratio(style.color, style.backgroundColor),
          outlineContrast: ratio(style.outlineColor, page)};
}"""


def test_the_apply_button_is_on_the_first_screen_and_leads_to_the_employer(
        phone: Any, site_url: str) -> None:
    """At 320 and 390 px the apply button is a link to the employer (here an e-mail to the
    vacancy's contact, with the reference as the subject), inside the window before any
    scrolling, at least 24 px each way, with a visible focus and readable text (Material's own
    primary button, as measured here: 6.4:1 or more, its focus outline 4.3:1 on the page)."""
    phone.goto(f"{site_url}/vacancies/{OPEN}/")
    width = window_width(phone)
    height = phone.viewport_size["height"]
    button = phone.locator("article a.md-button.rp-apply")
    assert button.count() == 1
    assert button.evaluate("(a) => a.tagName") == "A"
    assert button.get_attribute("href") == (
        "mailto:recruitment@darlington.gov.uk?subject=Application%3A%20DBC-PG-0412")
    box = button.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
    assert box["width"] >= 24 and box["height"] >= 24, box
    phone.keyboard.press("Tab")  # keyboard focus, so that :focus-visible applies
    button.focus()
    look = button.evaluate(BUTTON_LOOK)
    assert look["outline"] != "none" and look["outlineWidth"] >= 2, look
    assert look["outlineContrast"] >= 3, look  # the focus outline shows against the page
    assert look["contrast"] >= 4.5, look


def test_the_closed_vacancy_has_no_apply_button(phone: Any, site_url: str) -> None:
    phone.goto(f"{site_url}/vacancies/{CLOSED}/")
    assert phone.locator("article h1").count() == 1
    assert phone.locator("a.md-button").count() == 0


@pytest.mark.parametrize("path", ["", "vacancies/", "roles/", "roles/recovery-navigator/",
                                  "roles/supervised-contact-co-ordinator/",
                                  f"vacancies/{OPEN}/", f"vacancies/{CLOSED}/",
                                  "roles/supervised-contact-co-ordinator/panel/",
                                  "organisations/first-light/"])
def test_axe_finds_nothing_at_390_px(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    violations = axe_violations(page, require_axe())
    context.close()
    assert not violations, f"{path}:\n{describe(violations)}"
