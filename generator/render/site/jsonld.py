"""schema.org JobPosting for an open vacancy's page, built only from what the page shows."""

from __future__ import annotations

import html
import json
from typing import Any

import markdown
import nh3

from generator.core.clock import uk_offset
from generator.core.text import SAFE_SCHEMES, markdown_safe
from generator.model import Salary, Terms, Vacancy
from generator.render.views import role_summary_text

EMPLOYMENT_TYPES = {
    "full-time": "FULL_TIME",
    "part-time": "PART_TIME",
    "temporary": "TEMPORARY",
    "contractor": "CONTRACTOR",
    "other": "OTHER",
}
UNIT_TEXT = {"year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}
_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}


def description_html(text: str) -> str:
    """The text as HTML, made from the same safe Markdown the page shows, then cleaned."""
    rendered = markdown.markdown(markdown_safe(text), output_format="html")
    return nh3.clean(rendered, tags=_TAGS, attributes={"a": {"href"}}, url_schemes=SAFE_SCHEMES,
                     link_rel=None)


def valid_through(vacancy: Vacancy) -> str | None:
    """The closing moment with the UK's offset that day (Google reads a bare time as UTC):
    the closing time, else the end of the closing day."""
    if not vacancy.closing_date:
        return None
    if len(vacancy.closing_date) != len("YYYY-MM-DD"):
        return vacancy.closing_date  # validate refuses this on an open vacancy
    time = vacancy.closing_time or "23:59"
    return f"{vacancy.closing_date}T{time}:00{uk_offset(vacancy.closing_date, time)}"


def job_benefits(terms: Terms) -> str | None:
    """The terms and benefits in the source's words, one sentence each."""
    parts = [f"Annual leave: {terms.annual_leave}" if terms.annual_leave else None,
             f"Pension: {terms.pension}" if terms.pension else None, *terms.benefits]
    text = "; ".join(p.strip().rstrip(".;") for p in parts if p)
    return text + "." if text else None


def plain_text(text: str | None) -> str | None:
    """Markdown as plain text, one line per paragraph or list item (for a Text property)."""
    if not text:
        return None
    bare = html.unescape(nh3.clean(description_html(text), tags=set()))
    return "\n".join(line.strip() for line in bare.splitlines() if line.strip()) or None


def locations(vacancy: Vacancy) -> list[dict[str, Any]] | None:
    places = [{"@type": "Place", "address": {
        "@type": "PostalAddress", "addressLocality": place,
        **({"addressCountry": vacancy.country} if vacancy.country else {})}}
        for place in vacancy.locations]
    return places or None


def base_salary(salary: Salary | None) -> dict[str, Any] | None:
    if salary is None or (salary.min is None and salary.max is None):
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if salary.min is not None and salary.max is not None and salary.min == salary.max:
        value["value"] = salary.min
    else:
        if salary.min is not None:
            value["minValue"] = salary.min
        if salary.max is not None:
            value["maxValue"] = salary.max
    if salary.period in UNIT_TEXT:
        value["unitText"] = UNIT_TEXT[salary.period]
    return {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}


def description_text(vacancy: Vacancy) -> str:
    """What describes the job (Markdown): the vacancy's summary, else the role's, else how to
    apply, else the title."""
    return (vacancy.summary or role_summary_text(vacancy.role) or vacancy.how_to_apply
            or vacancy.title)


def offered(vacancy: Vacancy) -> bool:
    """Whether the vacancy is offered to job boards and search engines (its JobPosting, the
    feed): open, and not illustrative (an example, whose details are made up)."""
    return vacancy.is_open and not vacancy.illustrative


def job_posting(vacancy: Vacancy) -> dict[str, Any] | None:
    """The JobPosting for an open, real vacancy; None for any other, for an example, and for
    a role whose employer is not stated (Google requires hiringOrganization: none is made up,
    and validate warns)."""
    if not offered(vacancy) or not vacancy.role.organisation.stated:
        return None
    role = vacancy.role
    remote = vacancy.terms.workplace == "remote"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(description_text(vacancy)),
        "identifier": {"@type": "PropertyValue", "name": role.organisation.name,
                       "value": vacancy.reference} if vacancy.reference else None,
        "datePosted": vacancy.posted,
        "validThrough": valid_through(vacancy),
        "hiringOrganization": {"@type": "Organization", "name": role.organisation.name},
        "jobLocation": locations(vacancy),
        # A job done from home: Google needs the type and the country applicants may live in.
        "jobLocationType": "TELECOMMUTE" if remote else None,
        "applicantLocationRequirements": {"@type": "Country", "name": vacancy.country}
        if remote and vacancy.country else None,
        "employmentType": EMPLOYMENT_TYPES.get(vacancy.employment_type or ""),
        "baseSalary": base_salary(vacancy.salary or role.salary),
        "jobBenefits": job_benefits(vacancy.terms),
        # schema.org's Text for citizenship and visa requirements (Google does not read it).
        "eligibilityToWorkRequirement": plain_text(vacancy.terms.who_may_apply),
    }
    return {key: value for key, value in data.items() if value is not None}


def script_block(data: dict[str, Any]) -> str:
    """The data as a JSON-LD script element that no text inside can end or turn into HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
