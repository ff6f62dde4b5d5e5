"""Header fields ("Grade: Band 9", a two-column table row) turned into the role's fields.

A value is placed only where its words can be read with confidence. Where part of it cannot
(a salary with an allowance beside it, a DBS line naming two levels), that part is left out and
`apply` says why, so the draft asks a person rather than guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from generator.importer.representation import NOT_STATED, schema

_MONTHS = {m: i for i, m in enumerate((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"), start=1)}
_FIGURE = re.compile(r"£\s?([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.([0-9]{1,2}))?(\s?k\b)?", re.I)
_PERIODS = (("hour", r"per hour|an hour|hourly|p/h"), ("day", r"per day|a day|daily"),
            ("week", r"per week|a week|weekly|p/w"), ("month", r"per month|a month|monthly"),
            ("year", r"per annum|a year|per year|(?<![a-z])p\.?a\.?(?![a-z])|annual"))
# between two figures, the words that make them a range
_RANGE = re.compile(r"\s*(?:-|–|—|to|rising to)\s*", re.I)
# words that make a figure something other than the salary's own lowest or highest
_UNSURE = re.compile(r"\bplus\b|\+|allowance|weighting|supplement|bonus|\bfte\b|full[- ]time"
                     r"|equivalent|actual|\bote\b|commission|increment|per session|overtime",
                     re.I)
_DBS = (("enhanced-with-barred-list", r"barred"), ("enhanced", r"enhanced"),
        ("standard", r"standard"), ("basic", r"basic"))
_NO_DBS = re.compile(r"^(none|not required|no|n/a|not applicable)\b", re.I)
_TEXT_FIELDS = ("grade", "hours", "post_number", "job_evaluation_number", "directorate",
                "service", "team", "contract", "direct_reports")
DATES = ("issued", "reviewed", "next_review")


@dataclass(frozen=True)
class Result:
    """What `apply` did: whether the value was placed, and what a person should check."""

    placed: bool
    doubt: str | None = None


def _amount(match: re.Match[str]) -> float | int:
    value = float(f"{match.group(1).replace(',', '')}.{match.group(2) or '0'}")
    if match.group(3):
        value *= 1000
    return int(value) if value.is_integer() else value


def salary_figures(text: str) -> tuple[dict[str, Any], str | None]:
    """The figures and period the words give for certain, and why any were left out."""
    found = list(_FIGURE.finditer(text))
    if not found:
        digits = re.search(r"[0-9]{1,3},[0-9]{3}|[0-9]{4,}", text)
        return {}, "figures without a £ sign were not read" if digits else None
    bracketed = {text.rfind("(", 0, m.start()) > text.rfind(")", 0, m.start()) for m in found}
    if len(found) > 2 or len(bracketed) > 1 or (len(found) == 2 and _UNSURE.search(text)):
        return {}, ("more than one kind of figure (an allowance, a full-time equivalent or "
                    "figures in brackets), so min and max were not filled in")
    periods = {p for p, pattern in _PERIODS if re.search(pattern, text, re.I)}
    if len(periods) > 1:
        return {}, "more than one period (" + ", ".join(sorted(periods)) + ")"
    amounts = [_amount(m) for m in found]
    out: dict[str, Any] = {}
    if len(found) == 2:
        if not _RANGE.fullmatch(text[found[0].end():found[1].start()]) or amounts[0] > amounts[1]:
            return {}, "two figures that are not written as a range"
        out["min"], out["max"] = amounts
    elif re.search(r"\bup to\s*$", text[:found[0].start()], re.I):
        out["max"] = amounts[0]
    elif re.search(r"\b(from|starting at)\s*$", text[:found[0].start()], re.I):
        out["min"] = amounts[0]
    else:
        out["min"] = out["max"] = amounts[0]
    if periods:
        out["period"] = periods.pop()
    elif _period_not_stated():
        out["period"] = NOT_STATED
    return out, None


def salary(text: str) -> dict[str, Any]:
    """The salary as worded, with figures and period only where the words give them."""
    return salary_with_doubt(text)[0]


def salary_with_doubt(text: str) -> tuple[dict[str, Any], str | None]:
    figures, doubt = salary_figures(text)
    out: dict[str, Any] = {"text": text, **figures}
    lowered = text.lower()
    for flag, pattern in (("pro_rata", r"pro[ -]?rata"), ("estimated", r"estimat"),
                          ("depends_on_experience", r"depend\w* on experience|\bdoe\b")):
        if re.search(pattern, lowered) and _salary_has(flag):
            out[flag] = True
    return out, doubt


def _salary_props() -> dict[str, Any]:
    props: dict[str, Any] = schema("common")["definitions"]["Salary"]["properties"]
    return props


def _salary_has(flag: str) -> bool:
    return flag in _salary_props()


def _period_not_stated() -> bool:
    return NOT_STATED in _salary_props()["period"].get("enum", [])


def month(text: str) -> str | None:
    """"2019-06" from "June 2019", "06/2019", "2019-06"; a full date when the day is given;
    None for anything else, and for a date that does not exist ("31 February 2024")."""
    found = _month(text)
    if found is None:
        return None
    try:
        dt.date.fromisoformat(found if len(found) == 10 else f"{found}-01")
    except ValueError:
        return None
    return found


def _month(text: str) -> str | None:
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


def dbs_level(text: str) -> tuple[str | None, str | None]:
    """The DBS level the words name, or why none was taken."""
    levels = [level for level, pattern in _DBS if re.search(pattern, text, re.I)]
    if "enhanced-with-barred-list" in levels:  # "enhanced with barred list" names one level
        levels = [lvl for lvl in levels if lvl != "enhanced"]
    if len(levels) == 1:
        return levels[0], None
    if levels:
        return None, "it names more than one level (" + ", ".join(levels) + ")"
    if _NO_DBS.search(text.strip()):
        return "none", None
    return None, ("it does not name a level (basic, standard, enhanced, or enhanced with "
                  "barred list)")


def allows_not_stated(key: str) -> bool:
    """Whether the schema lets this header field say "not stated" (a form left blank)."""
    return key in (*DATES, "dbs")


def has(role: dict[str, Any], key: str) -> bool:
    """Whether the header field is set already (a second "Date:" is for a person to place)."""
    if key in DATES:
        return key in role.get("dates", {})
    if key == "dbs":
        return "dbs" in role.get("pre_employment_checks", {})
    return key in role


def blank(role: dict[str, Any], key: str) -> bool:
    """A label the source leaves blank: "not stated" where the schema has it; True if set."""
    if not allows_not_stated(key) or has(role, key):
        return False
    if key == "dbs":
        role.setdefault("pre_employment_checks", {})["dbs"] = NOT_STATED
    else:
        role.setdefault("dates", {})[key] = NOT_STATED
    return True


def _places(value: str) -> list[str]:
    """One entry per place or person; only a semicolon surely separates two."""
    return [part.strip() for part in value.split(";") if part.strip()] or [value]


def apply(role: dict[str, Any], key: str, value: str) -> Result:
    """Set one header field from its worded value; not placed if the words cannot be used."""
    if key in _TEXT_FIELDS or key == "title":
        role[key] = value
    elif key in ("locations", "reports_to"):
        role[key] = _places(value)
    elif key == "salary":
        role["salary"], doubt = salary_with_doubt(value)
        return Result(True, doubt and f"salary '{value}': {doubt}")
    elif key in DATES:
        found = month(value)
        if found is None:
            return Result(False, f"'{value}' is not a date the importer can read (such as "
                          "June 2019 or 06/2019)")
        role.setdefault("dates", {})[key] = found
    elif key == "dbs":
        level, doubt = dbs_level(value)
        if level is None:
            return Result(False, f"DBS '{value}': {doubt}")
        role.setdefault("pre_employment_checks", {})["dbs"] = level
    else:
        return Result(False)
    return Result(True)
