"""What the site's search (Pagefind) knows of a role or vacancy page beyond its text.

A raw HTML block ends each role and vacancy page (`pages.render` puts it after the body):

- metadata shown with each result (`data-pagefind-meta`): the organisation and, for a
  vacancy, its closing date and whether it is open;
- filters (`data-pagefind-filter`): organisation, location, grade, contract, hours, salary
  band, open or closed, as far as the record has them;
- the page's references (vacancy reference, post number, job-evaluation number) with their
  variants, weighted high (`data-pagefind-weight`), so that "DBC-PG-0412", "PG-0412",
  "0412" or "DBCPG0412" brings the page first.

The block is hidden and left out of the page's own text (`data-pagefind-ignore` keeps its
metadata and filters); the variants are hidden, not ignored. Every value is HTML-escaped, and
a filter's three times (see `_element`).
"""

from __future__ import annotations

import html
import re

from generator.model import Role, Salary, Vacancy
from generator.model.filters import employment_label, long_date

# Weights run from 0 to 10 (a heading is 7 and body text 1, by Pagefind's defaults).
REFERENCE_WEIGHT = 10
SALARY_BANDS = ((20000, "Under £20,000"), (30000, "£20,000 to £29,999"),
                (40000, "£30,000 to £39,999"), (50000, "£40,000 to £49,999"))
TOP_BAND = "£50,000 and over"
_SEPARATORS = re.compile(r"[\s\-/._]+")


def salary_bands(salary: Salary | None) -> list[str]:
    """The yearly bands the salary's range reaches, from its lowest figure to its highest, so a
    candidate filtering by either band finds it; none when it has no yearly figure."""
    span = salary.span if salary else None  # with other rates: lowest to highest of them
    if span is None or span.period != "year":
        return []
    figures = list(span.figures)
    if not figures:
        return []
    labels = [label for _below, label in SALARY_BANDS] + [TOP_BAND]
    return labels[_band(min(figures)):_band(max(figures)) + 1]


def _band(figure: float) -> int:
    """The place in SALARY_BANDS of the band a yearly figure falls in (TOP_BAND's: the last + 1)."""
    return next((i for i, (below, _label) in enumerate(SALARY_BANDS) if figure < below),
                len(SALARY_BANDS))


def variants(reference: str) -> list[str]:
    """A reference as people type it: whole, from each of its parts to the end, each with and
    without its separators ("DBC-PG-0412": also "PG-0412", "0412", "DBCPG0412", "PG0412")."""
    parts = [p for p in _SEPARATORS.split(reference.strip()) if p]
    found: list[str] = [reference.strip()]
    for start in range(len(parts)):
        tail = parts[start:]
        for form in ("-".join(tail), "".join(tail)):
            if form not in found:
                found.append(form)
    return found


def _element(attribute: str, key: str, value: str | None) -> str:
    """A span holding one metadata or filter value. Pagefind's interface draws a result's
    metadata as text but a filter's values as HTML (innerHTML), and Pagefind (1.5, 1.6) decodes a
    filter's text twice when it indexes it (the HTML parser, then again): a filter value is
    escaped three times, so that the index holds it escaped once and the interface shows it as
    written, never as markup (tests/browser/test_search_safety.py)."""
    if not value or not value.strip():
        return ""
    text = html.escape(" ".join(value.split()))
    if attribute == "filter":
        text = html.escape(html.escape(text))
    return f'<span data-pagefind-{attribute}="{html.escape(key)}">{text}</span>'



def _block(meta: dict[str, str | None], filters: dict[str, list[str]],
           references: list[str]) -> str:
    words = [form for reference in references if reference for form in variants(reference)]
    # The variants end the page's text; the meta `variants` names them, so the search's script
    # (assets/search.js) can leave them out of the result's excerpt.
    meta = {**meta, "variants": " ".join(words) or None}
    found = [_element("meta", key, value) for key, value in meta.items()]
    found += [_element("filter", key, value) for key, values in filters.items()
              for value in values]
    lines = ['<div class="rp-find" hidden data-pagefind-ignore>',
             *[element for element in found if element], "</div>"]
    if words:
        lines += [f'<p class="rp-find" hidden data-pagefind-weight="{REFERENCE_WEIGHT}">'
                  f"{html.escape(' '.join(words))}</p>"]
    return "\n".join(lines) + "\n"


def _filters(role: Role, vacancy: Vacancy | None) -> dict[str, list[str]]:
    salary = (vacancy.salary if vacancy else None) or role.salary
    hours = employment_label(vacancy.employment_type) if vacancy else ""
    return {
        "organisation": [role.organisation.name],
        "location": list((vacancy.locations if vacancy else ()) or role.locations),
        "grade": [role.grade or ""],
        "contract": [(vacancy.contract if vacancy else None) or role.contract or ""],
        "hours": [hours or (vacancy.hours if vacancy else None) or role.hours or ""],
        "salary band": salary_bands(salary),
    }


def role_block(role: Role, open_vacancy: Vacancy | None) -> str:
    """The search block of a role's page."""
    filters = _filters(role, None)
    filters["vacancy"] = ["Open" if open_vacancy else "Not recruiting"]
    return _block({"organisation": role.organisation.name, "type": "Role profile"}, filters,
                  [role.post_number or "", role.job_evaluation_number or ""])


def vacancy_block(vacancy: Vacancy) -> str:
    """The search block of a vacancy's page."""
    state = "Open" if vacancy.is_open else "Closed"
    closes = long_date(vacancy.closing_date)
    if closes and vacancy.closing_time:
        closes += f" at {vacancy.closing_time}"
    filters = _filters(vacancy.role, vacancy)
    filters["vacancy"] = [state]
    return _block({"organisation": vacancy.role.organisation.name,
                   "type": f"Vacancy ({state.lower()})", "closes": closes or None},
                  filters, [vacancy.reference or ""])
