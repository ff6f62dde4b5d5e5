"""Each page's last-modified date, for the sitemap.

Why front matter and not a sitemap of our own: both engines render their sitemap from a
template the theme's `custom_dir` can replace (`theme/sitemap.xml`), and both give it each
page's front matter. So the date goes into the page's front matter as `lastmod`, and the
engine's own sitemap carries it: one list of pages (the engine's, with its addresses, for MkDocs
and Zensical alike), and no step after the engine to keep in step with it. Without this MkDocs
dates every page with the build's date and Zensical dates none.

The date is the newest of the dates the records a page shows carry, so two builds of the same
content give the same dates: a role's issued and reviewed dates; a vacancy's posted date and,
once it has passed, its closing date (the page then says it is closed). A page listing records
takes the newest of theirs; a page with no dated record (the glossary, say) the newest date on
the whole site. Dates are written as the content gives them (`2024-04` or `2024-04-12`), both
W3C dates as sitemaps take them.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.core.clock import has_passed, today
from generator.model import Role, Site, Vacancy


def newest(dates: Iterable[str | None]) -> str | None:
    """The latest of the dates given (YYYY-MM and YYYY-MM-DD compare as text)."""
    return max((d for d in dates if d), default=None)


def role_dates(role: Role) -> tuple[str | None, ...]:
    return (role.dates.issued, role.dates.reviewed)


def vacancy_date(vacancy: Vacancy, on: str | None = None) -> str | None:
    """The vacancy's posted date, or its closing date once that has passed; a posted date still
    to come (a vacancy entered ahead of its advert) is not a date the page changed on."""
    on = on or today()
    closing = vacancy.closing_date
    closed = closing if has_passed(closing, on) else None
    posted = vacancy.posted if vacancy.posted and vacancy.posted[:len(on)] <= on else None
    return newest((posted, closed))


def site_date(site: Site) -> str | None:
    """The newest date on the site: what a page with no dated record of its own is given."""
    return newest([*(d for r in site.roles.values() for d in role_dates(r)),
                   *(vacancy_date(v) for v in site.vacancies.values())])


def role_page_date(role: Role, vacancies: Iterable[Vacancy]) -> str | None:
    return newest([*role_dates(role), *(vacancy_date(v) for v in vacancies)])
