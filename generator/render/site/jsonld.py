"""schema.org JobPosting for an open vacancy's page, built only from what the page shows."""

from __future__ import annotations

import html
import json
from typing import Any

import markdown
import nh3

from generator.core.clock import uk_offset
from generator.core.text import SAFE_SCHEMES, markdown_safe
from generator.model import Checks, Salary, Terms, Vacancy
from generator.render.views import role_summary_text

EMPLOYMENT_TYPES = {
    "full-time": "FULL_TIME",
    "part-time": "PART_TIME",
    "temporary": "TEMPORARY",
    "contractor": "CONTRACTOR",
    "other": "OTHER",
}
# A contract the source calls fixed-term or temporary is Google's TEMPORARY ("offered as a
# temporary employment opportunity"); permanent and secondment have no value of their own.
CONTRACT_TYPES = {"fixed-term": "TEMPORARY", "temporary": "TEMPORARY"}
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
    pension = " ".join(terms.pension.split()) if terms.pension else None
    parts = [f"{terms.annual_leave_heading}: {terms.annual_leave}" if terms.annual_leave else None,
             f"{terms.pension_heading}: {pension}" if pension else None, *terms.benefits,
             *(f"{group.heading}: {'; '.join(group.items)}" for group in terms.benefit_groups)]
    text = "; ".join(p.strip().rstrip(".;") for p in parts if p)
    return text + "." if text else None


def plain_text(text: str | None) -> str | None:
    """Markdown as plain text, one line per paragraph or list item (for a Text property)."""
    if not text:
        return None
    bare = html.unescape(nh3.clean(description_html(text), tags=set()))
    return "\n".join(line.strip() for line in bare.splitlines() if line.strip()) or None


def employment_types(vacancy: Vacancy) -> str | list[str] | None:
    """Google's employmentType: the vacancy's hours and its contract's kind, one value or a
    list of them (Google takes either), none when the source gives neither."""
    found = [EMPLOYMENT_TYPES.get(vacancy.employment_type or ""),
             CONTRACT_TYPES.get(vacancy.contract_facts.kind or "")]
    kinds = list(dict.fromkeys(kind for kind in found if kind))
    return kinds[0] if len(kinds) == 1 else kinds or None


def security_clearance(checks: Checks) -> str | None:
    """schema.org's securityClearanceRequirement: each vetting in the source's own words."""
    texts = (plain_text(vetting.text) for vetting in checks.vetting)
    return "\n".join(text for text in texts if text) or None


def locations(vacancy: Vacancy) -> list[dict[str, Any]] | None:
    places = [{"@type": "Place", "address": {
        "@type": "PostalAddress", "addressLocality": place,
        **({"addressCountry": vacancy.country} if vacancy.country else {})}}
        for place in vacancy.locations]
    return places or None


def base_salary(salary: Salary | None) -> dict[str, Any] | None:
    """Google's "actual base salary … as provided by the employer": the salary's figures, or
    the range from the lowest to the highest of its rates; supplements are not base pay."""
    if salary is None:
        return None
    span = salary.span
    if span.min is None and span.max is None:
        return None
    value: dict[str, Any] = {"@type": "QuantitativeValue"}
    if span.min is not None and span.max is not None and span.min == span.max:
        value["value"] = span.min
    else:
        if span.min is not None:
            value["minValue"] = span.min
        if span.max is not None:
            value["maxValue"] = span.max
    if span.period in UNIT_TEXT:
        value["unitText"] = UNIT_TEXT[span.period]
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
        "employmentType": employment_types(vacancy),
        "baseSalary": base_salary(vacancy.salary or role.salary),
        "jobBenefits": job_benefits(vacancy.terms),
        # schema.org's Text for citizenship and visa requirements (Google does not read it).
        "eligibilityToWorkRequirement": plain_text(vacancy.terms.who_may_apply),
        # schema.org's Text for a security clearance (Google does not read it either).
        "securityClearanceRequirement": security_clearance(role.checks),
    }
    return {key: value for key, value in data.items() if value is not None}


def script_block(data: dict[str, Any]) -> str:
    """The data as a JSON-LD script element that no text inside can end or turn into HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
