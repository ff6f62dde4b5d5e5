"""Every role on one sheet: the catalogue HR keeps in Excel (roles/roles.xlsx and .csv)."""

from __future__ import annotations

from typing import Any

from generator.model import Role, Site
from generator.model.filters import PERIOD_WORDS, dbs_label, long_date, salary_lines
from generator.render import views
from generator.render.exports.richtext import plain
from generator.render.exports.shortlist import has_workbook

# (header, width in characters)
COLUMNS = (
    ("Id", 28), ("Title", 36), ("Organisation", 30), ("Directorate", 20), ("Service", 24),
    ("Team", 24), ("Role family", 24), ("Grade", 12), ("Salary", 30), ("Salary from (£)", 12),
    ("Salary to (£)", 12), ("Salary period", 12), ("Hours", 24), ("Contract", 18),
    ("Locations", 24), ("Reports to", 30), ("Post number", 14), ("Job evaluation number", 14),
    ("DBS check", 24), ("Essential criteria", 10), ("Desirable criteria", 10), ("Issued", 14),
    ("Reviewed", 14), ("Next review", 14), ("Page (path on the site)", 36),
    ("Role profile (Word)", 40), ("Shortlisting workbook (Excel)", 44), ("Open vacancies", 40),
)


def role_folder(role_id: str) -> str:
    """Where a role's page and downloads are on the site, from its root."""
    return f"roles/{role_id}/"


def _amount(value: float | None) -> float | int | None:
    """A whole number of pounds as an integer, so the CSV shows 39862, not 39862.0."""
    return int(value) if value is not None and float(value).is_integer() else value


def _row(site: Site, role: Role) -> list[Any]:
    salary = role.salary
    span = salary.span if salary else None
    folder = role_folder(role.id)
    opens = [v for v in views.role_vacancies(site, role) if v.is_open]
    vacancies = "; ".join(
        f"{plain(v.reference_text)}, closing {long_date(v.closing_date)}" if v.closing_date
        else plain(v.reference_text) for v in opens)
    cells = [
        role.id, plain(role.title), plain(role.organisation.name) or "Not stated",
        plain(role.directorate),
        plain(role.service), plain(role.team), plain(role.family.title) if role.family else "",
        plain(role.grade), plain("; ".join(salary_lines(salary))),
        # The figures sorted on: with other rates, from the lowest of them to the highest.
        _amount(span.min) if span else None, _amount(span.max) if span else None,
        (PERIOD_WORDS.get(span.period, span.period) if span and span.period else ""),
        plain(role.hours), plain(role.contract), plain("; ".join(role.locations)),
        plain(" or ".join(role.reports_to)), plain(role.post_number),
        plain(role.job_evaluation_number), dbs_label(role.checks.dbs),
        len(role.person_spec.essential), len(role.person_spec.desirable),
        long_date(role.dates.issued), long_date(role.dates.reviewed),
        long_date(role.dates.next_review), folder, f"{folder}{role.id}.docx",
        # Only a workbook that is written is linked (see `export_jobs`).
        f"{folder}{role.id}-shortlisting.xlsx" if has_workbook(role) else "", vacancies,
    ]
    return [None if cell == "" else cell for cell in cells]


def catalogue_rows(site: Site) -> list[list[Any]]:
    """One row per role, by title (as the roles page lists them)."""
    return [_row(site, role) for role in views.by_title(list(site.roles.values()))]


def catalogue_book(rows: list[list[Any]]) -> dict[str, Any]:
    return {
        "title": "Roles", "subject": "Every published role profile", "keywords": "roles",
        "sheets": [{"name": "Roles", "columns": [list(c) for c in COLUMNS], "rows": rows,
                    "freeze": "C2", "filter": True}],
    }
