"""Header fields ("Grade: Band 9", a two-column table row) turned into the role's fields."""

from __future__ import annotations

import re
from typing import Any

from generator.importer.representation import NOT_STATED, schema

_MONTHS = {m: i for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"), start=1)}
_FIGURE = re.compile(r"£\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{2}))?")
_PERIODS = (("hour", r"per hour|an hour|hourly|p/h"), ("day", r"per day|a day|daily"),
            ("week", r"per week|a week|weekly|p/w"), ("month", r"per month|a month|monthly"),
            ("year", r"per annum|a year|per year|p\.?a\.?\b|annual"))
_DBS = (("enhanced-with-barred-list", r"enhanced.*barred|barred.*enhanced"),
        ("enhanced", r"enhanced"), ("standard", r"standard"), ("basic", r"basic"),
        ("none", r"^(none|not required|no|n/a)\b"))
_TEXT_FIELDS = ("grade", "hours", "post_number", "job_evaluation_number", "directorate",
                "service", "team", "contract", "direct_reports")


def salary(text: str) -> dict[str, Any]:
    """The salary as worded, with figures and period only where the words give them."""
    out: dict[str, Any] = {"text": text}
    figures = [float(f"{m.group(1).replace(',', '')}.{m.group(2) or '0'}")
               for m in _FIGURE.finditer(text)]
    figures = [int(f) if f.is_integer() else f for f in figures]
    if figures:
        out["min"], out["max"] = min(figures), max(figures)
        period = next((p for p, pattern in _PERIODS if re.search(pattern, text, re.I)), None)
        if period:
            out["period"] = period
        elif _period_not_stated():
            out["period"] = NOT_STATED
    lowered = text.lower()
    for flag, pattern in (("pro_rata", r"pro[ -]?rata"), ("estimated", r"estimat"),
                          ("depends_on_experience", r"depend\w* on experience|\bdoe\b")):
        if re.search(pattern, lowered) and _salary_has(flag):
            out[flag] = True
    return out


def _salary_props() -> dict[str, Any]:
    props: dict[str, Any] = schema("common")["definitions"]["Salary"]["properties"]
    return props


def _salary_has(flag: str) -> bool:
    return flag in _salary_props()


def _period_not_stated() -> bool:
    return NOT_STATED in _salary_props()["period"].get("enum", [])


def month(text: str) -> str | None:
    """"2019-06" from "June 2019", "06/2019", "2019-06"; a full date when the day is given."""
    text = text.strip().lower()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", text):
        return text
    match = re.fullmatch(r"(?:([0-9]{1,2})(?:st|nd|rd|th)?\s+)?([a-z]+)\.?,?\s+([0-9]{4})", text)
    if match and match.group(2)[:3] in {m[:3] for m in _MONTHS}:
        number = next(i for m, i in _MONTHS.items() if m[:3] == match.group(2)[:3])
        day = f"-{int(match.group(1)):02d}" if match.group(1) else ""
        return f"{match.group(3)}-{number:02d}{day}"
    match = re.fullmatch(r"(?:([0-9]{1,2})/)?([0-9]{1,2})/([0-9]{4})", text)
    if match and 1 <= int(match.group(2)) <= 12:
        day = f"-{int(match.group(1)):02d}" if match.group(1) else ""
        return f"{match.group(3)}-{int(match.group(2)):02d}{day}"
    return None


def apply(role: dict[str, Any], key: str, value: str) -> bool:
    """Set one header field from its worded value; False if the value cannot be used as is."""
    if key in _TEXT_FIELDS:
        role[key] = value
    elif key == "title":
        role["title"] = value
    elif key in ("locations", "reports_to"):
        role[key] = [value]
    elif key == "salary":
        role["salary"] = salary(value)
    elif key in ("issued", "reviewed"):
        found = month(value)
        if found is None:
            return False
        role.setdefault("dates", {})[key] = found
    elif key == "dbs":
        level = next((lvl for lvl, pat in _DBS if re.search(pat, value, re.I)), None)
        if level is None:
            return False
        role.setdefault("pre_employment_checks", {})["dbs"] = level
    else:
        return False
    return True
