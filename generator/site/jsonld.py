"""schema.org JobPosting for an open vacancy's page, built only from what the page shows."""

from __future__ import annotations

import json
from typing import Any

import markdown
import nh3

from generator.model import Salary, Vacancy
from generator.site.views import role_summary_text
from generator.text import SAFE_SCHEMES, markdown_safe

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
    if not vacancy.closing_date:
        return None
    if vacancy.closing_time and len(vacancy.closing_date) == 10:
        return f"{vacancy.closing_date}T{vacancy.closing_time}"
    return vacancy.closing_date


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


def job_posting(vacancy: Vacancy) -> dict[str, Any] | None:
    """The JobPosting for an open vacancy; None for any other status."""
    if not vacancy.is_open:
        return None
    role = vacancy.role
    description = role_summary_text(role) or vacancy.how_to_apply or vacancy.title
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(description),
        "identifier": {"@type": "PropertyValue", "name": role.organisation.name,
                       "value": vacancy.reference},
        "datePosted": vacancy.posted,
        "validThrough": valid_through(vacancy),
        "hiringOrganization": {"@type": "Organization", "name": role.organisation.name},
        "jobLocation": [{"@type": "Place",
                         "address": {"@type": "PostalAddress", "addressLocality": place}}
                        for place in vacancy.locations] or None,
        "employmentType": EMPLOYMENT_TYPES.get(vacancy.employment_type or ""),
        "baseSalary": base_salary(vacancy.salary or role.salary),
    }
    return {key: value for key, value in data.items() if value is not None}


def script_block(data: dict[str, Any]) -> str:
    """The data as a JSON-LD script element that no text inside can end or turn into HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
