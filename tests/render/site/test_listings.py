"""The listings' Markdown: each vacancy with its title, organisation, location, salary, closing
date, reference and status; closed ones (or open ones past their closing date) apart, under
"Closed vacancies"; each role with its grade and the salary that was entered. How they look on
a phone is checked in tests/browser/test_phone.py."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.model import Site
from generator.render.site.pages import render_all
from tests.conftest import CONTENT
from tests.support.site import load_site, read_back


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return read_back(render_all(load_site(CONTENT)))


def section(markdown: str, heading: str) -> str:
    """The text under a heading, up to the next heading of the same level or higher."""
    level = heading.split(" ")[0]
    found = re.search(rf"^{re.escape(heading)}\n(.*?)(?=^#{{1,{len(level)}}} |\Z)", markdown,
                      re.MULTILINE | re.DOTALL)
    assert found, f"no {heading!r}"
    return found.group(1)


OPEN_ENTRY = """\
- **[Supervised Contact Co-Ordinator]({link})**<br>
  Organisation: Darlington Borough Council<br>
  Location: Darlington<br>
  Salary: Band 9: £39,862 to £42,839 per annum<br>
  Closing date: 30 September 2027 at 12:00<br>
  Reference: DBC-PG-0412<br>
  Status: **Open**
"""
CLOSED_ENTRY = """\
- **[DA&SV Case Coordinator]({link})**<br>
  Organisation: First Light<br>
  Location: Cornwall<br>
  Salary: £19,500 per annum<br>
  Closing date: 30 June 2024<br>
  Reference: FL-CC-2024-07<br>
  Status: **Closed**
"""


def test_vacancies_index_lists_open_then_closed(pages: dict[str, str]) -> None:
    page = pages["vacancies/index.md"]
    opened = section(page, "## Open vacancies")
    closed = section(page, "## Closed vacancies")
    assert OPEN_ENTRY.format(link="supervised-contact-co-ordinator-2027/index.md") in opened
    assert CLOSED_ENTRY.format(link="da-sv-case-coordinator-2024/index.md") in closed
    assert "FL-CC-2024-07" not in opened and "DBC-PG-0412" not in closed


def test_home_page_lists_open_vacancies_whole(pages: dict[str, str]) -> None:
    opened = section(pages["index.md"], "## Open vacancies")
    link = "vacancies/supervised-contact-co-ordinator-2027/index.md"
    assert OPEN_ENTRY.format(link=link) in opened
    assert "FL-CC-2024-07" not in pages["index.md"]


@pytest.mark.parametrize(("path", "link"), [
    ("organisations/first-light.md", "../vacancies/da-sv-case-coordinator-2024/index.md"),
    ("roles/da-sv-case-coordinator/index.md",
     "../../vacancies/da-sv-case-coordinator-2024/index.md"),
])
def test_closed_vacancy_is_under_closed_vacancies(pages: dict[str, str], path: str,
                                                  link: str) -> None:
    vacancies = section(pages[path], "## Vacancies")
    assert "There are no open vacancies" in section(vacancies, "### Open vacancies")
    assert CLOSED_ENTRY.format(link=link) in section(vacancies, "### Closed vacancies")


def test_open_vacancy_past_its_closing_date_is_listed_as_closed(base_content: Path) -> None:
    site = load_site(base_content)
    vacancy = dataclasses.replace(site.vacancies["support-worker-2027"], expired=True)
    assert vacancy.status == "open" and not vacancy.is_open
    pages = read_back(render_all(dataclasses.replace(site, vacancies={vacancy.id: vacancy})))
    index = pages["vacancies/index.md"]
    assert "There are no open vacancies" in section(index, "## Open vacancies")
    assert "Reference: EC-0001<br>\n  Status: **Closed**" in section(index, "## Closed vacancies")
    assert "EC-0001" not in pages["index.md"]


def test_roles_list_shows_the_grade_and_the_salary_entered(base_content: Path) -> None:
    site: Site = load_site(base_content)
    role = site.roles["support-worker"]
    assert role.grade == "Band 4" and role.salary is not None
    entry = render_all(site)["roles/index.md"].split("[Support Worker](support-worker/index.md)")[1]
    assert entry.startswith("**<br>\n  Organisation: ")
    assert "  Grade: Band 4<br>\n  Salary: £24,000 to £26,000 a year<br>\n" in entry


def test_roles_list_shows_an_open_vacancys_salary_and_place_when_the_role_has_none(
        pages: dict[str, str]) -> None:
    index = pages["roles/index.md"]
    link = "[Supervised Contact Co-Ordinator](supervised-contact-co-ordinator/index.md)"
    entry = index.split(link)[1]
    assert "  Location: Darlington<br>\n" in entry.split("\n- ")[0]
    assert ("  Grade: Band 9<br>\n  Salary: Band 9: £39,862 to £42,839 per annum<br>\n"
            "  Vacancy: [open until 30 September 2027]"
            "(../vacancies/supervised-contact-co-ordinator-2027/index.md)\n"
            ) in entry.split("\n- ")[0]
