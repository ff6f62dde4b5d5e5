"""Currency checks: roles due for review and vacancies that are out of date or incomplete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from generator.lint.context import Context, Finding
from generator.lint.registry import rule

SOON_DAYS = 7


def parse_date(text: str | None, *, end: bool = False) -> dt.date | None:
    """YYYY-MM-DD, or YYYY-MM as the first (or with `end`, the last) day of that month."""
    if not text:
        return None
    try:
        if len(text) == 7:
            first = dt.date.fromisoformat(text + "-01")
            if not end:
                return first
            following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, 28))


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


@rule("currency-review-due", "warning",
      "a profile past its review date may no longer describe the job")
def review_due(ctx: Context) -> Iterator[Finding]:
    for role in ctx.site.roles.values():
        dates, org = role.dates, role.organisation.id
        due = parse_date(dates.next_review)
        key, how = "next_review", "its next review date"
        if due is None:
            last = parse_date(dates.reviewed or dates.issued)
            if last is None:
                continue
            months = ctx.config.interval(org)
            due = add_months(last, months)
            key = "reviewed" if dates.reviewed else "issued"
            how = f"{months} months after it was {key}"
        if due < ctx.today:
            yield ctx.find("currency-review-due", "role", role.id, ("dates", key),
                           f"the role was due for review on {long_date(due)} ({how})",
                           "review it with the manager, then set dates.reviewed",
                           organisation=org, where="dates")


@rule("currency-closed", "error",
      "an open vacancy whose closing date has passed invites applications nobody will read")
def closed(ctx: Context) -> Iterator[Finding]:
    for vacancy in ctx.site.vacancies.values():
        closing = parse_date(vacancy.closing_date)
        if vacancy.status == "open" and closing is not None and closing < ctx.today:
            yield ctx.find("currency-closed", "vacancy", vacancy.id, ("closing_date",),
                           f"the vacancy is open but closed on {long_date(closing)}",
                           "set status: closed, or a new closing date",
                           organisation=vacancy.role.organisation.id, where="closing date")


@rule("currency-closing-soon", "info", "a vacancy closing within a week may need a last push")
def closing_soon(ctx: Context) -> Iterator[Finding]:
    for vacancy in ctx.site.vacancies.values():
        closing = parse_date(vacancy.closing_date)
        if vacancy.is_open and closing is not None:
            days = (closing - ctx.today).days
            if 0 <= days <= SOON_DAYS:
                when = "today" if days == 0 else f"in {days} day{'s' if days > 1 else ''}"
                yield ctx.find("currency-closing-soon", "vacancy", vacancy.id,
                               ("closing_date",), f"the vacancy closes {when}",
                               organisation=vacancy.role.organisation.id, where="closing date")


@rule("currency-job-posting", "warning",
      "job boards and Google for Jobs leave out adverts missing what they require")
def job_posting(ctx: Context) -> Iterator[Finding]:
    for vacancy in ctx.site.vacancies.values():
        if not vacancy.is_open or vacancy.illustrative:  # an example is offered to no board
            continue
        role = vacancy.role
        # Google's required JobPosting properties, then what UK job boards ask for.
        wanted = {
            "posted": ("posting date", vacancy.posted),
            "closing_date": ("closing date", vacancy.closing_date),
            "locations": ("location", vacancy.locations),
            "salary": ("salary", vacancy.salary or role.salary),
            "employment_type": ("employment type", vacancy.employment_type),
            "how_to_apply": ("how to apply", vacancy.how_to_apply),
        }
        missing = [(key, what) for key, (what, value) in wanted.items() if not value]
        if not (role.purpose or role.introduction):
            missing.append(("role", "description (the role's purpose)"))
        if missing:
            yield ctx.find("currency-job-posting", "vacancy", vacancy.id, (missing[0][0],),
                           "the advert lacks what job boards need: "
                           + ", ".join(what for _, what in missing),
                           "add them to the vacancy so job boards and search engines list it",
                           organisation=role.organisation.id, where="advert")
