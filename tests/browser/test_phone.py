"""A candidate on a phone (320 and 390 px wide, in Chromium): every criterion of the person
specification shows its text, essential or desirable and how it is assessed, inside the window;
every listed vacancy shows its title, organisation, location, salary, closing date and status
inside the window; a closed vacancy is under "Closed vacancies"; axe still finds nothing."""

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


@pytest.mark.parametrize("path", ["", "vacancies/", "roles/", "roles/recovery-navigator/",
                                  "roles/supervised-contact-co-ordinator/",
                                  "organisations/first-light/"])
def test_axe_finds_nothing_at_390_px(browser: Any, site_url: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True,
                                  has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    violations = axe_violations(page, require_axe())
    context.close()
    assert not violations, f"{path}:\n{describe(violations)}"
