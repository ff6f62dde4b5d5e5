"""Pure functions that turn model values into words; registered as Jinja filters."""

from __future__ import annotations

import datetime as dt
import re

from generator.model import PayFigure, Salary
from generator.model.terms import NOT_STATED, NOT_STATED_LABEL

DBS_LABELS = {
    "none": "No DBS check",
    "basic": "Basic DBS check",
    "standard": "Standard DBS check",
    "enhanced": "Enhanced DBS check",
    "enhanced-with-barred-list": "Enhanced DBS check with barred list check",
    NOT_STATED: "DBS check: not stated",
}
PERIOD_WORDS = {"year": "a year", "month": "a month", "week": "a week", "day": "a day",
                "hour": "an hour"}
EMPLOYMENT_WORDS = {"full-time": "Full time", "part-time": "Part time",
                    "temporary": "Temporary", "contractor": "Contractor", "other": "Other"}


def long_date(value: str | None) -> str:
    """'2026-11-02' -> '2 November 2026'; '2019-06' -> 'June 2019'; anything else as written.

    `validate` refuses a date that is not real, so the last case is only a guard: a rule that
    words a message about a bad date must never be the thing that crashes."""
    if not value:
        return ""
    if value == NOT_STATED:
        return NOT_STATED_LABEL
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1).strftime("%B %Y")
        day = dt.date(*parts)
    except (ValueError, TypeError):
        return value
    return f"{day.day} {day.strftime('%B %Y')}"


def money(amount: float | None) -> str:
    if amount is None:
        return ""
    return f"£{amount:,.0f}" if float(amount).is_integer() else f"£{amount:,.2f}"


def salary_text(salary: Salary | None) -> str:
    """The salary as the source words it, or built from the numbers when there is no text."""
    if salary is None:
        return ""
    # The source's flags (estimated, pro rata …) are added only where its words lack them.
    said = " " + " ".join(_WORD.findall(salary.text.casefold())) + " "
    extra = [q for q in salary.qualifiers
             if not any(f" {w} " in said for w in _WORDINGS.get(q, (q,)))
             and not (q == "dependent on experience" and _says_experience(said))]
    return salary.text + (f" ({', '.join(extra)})" if extra else "")


def _says_experience(said: str) -> bool:
    """Whether words already tie the pay to experience, however spelt or ordered ("Dependant
    on experience", "experience-dependent", "depends on skills and experience",
    "commensurate with experience")."""
    words = said.split()
    return "experience" in words and any(
        w.startswith("depend") or w in ("commensurate", "according") for w in words)


def figures_unsaid(pay: Salary | PayFigure) -> str | None:
    """'£39,862 to £42,839 a year' when the words do not already show the figures."""
    words = [money(a) for a in dict.fromkeys(a for a in (pay.min, pay.max) if a is not None)]
    if not words or all(w in pay.text for w in words):
        return None
    period = f" {PERIOD_WORDS[pay.period]}" if pay.period in PERIOD_WORDS else ""
    return " to ".join(words) + period


def pay_text(pay: PayFigure) -> str:
    """Another rate, a supplement or an allowance as worded, with its figures after it only
    where its words do not show them."""
    figures = figures_unsaid(pay)
    return pay.text + (f" ({figures})" if figures else "")


def salary_lines(salary: Salary | None) -> list[str]:
    """The salary as worded, then each other rate the source gives, each on a line of its own."""
    if salary is None:
        return []
    return [salary_text(salary), *map(pay_text, salary.rates)]


_WORD = re.compile(r"[^\W_]+")
# How sources word each flag, as lower-case words (hyphens and brackets ignored): "Dependant
# on experience" or "DOE" already says "dependent on experience".
_WORDINGS = {
    "dependent on experience": ("dependent on experience", "dependant on experience",
                                "depending on experience", "dependent upon experience",
                                "dependant upon experience", "depending upon experience",
                                "doe"),
    "pro rata": ("pro rata", "pro rated", "prorata"),
}


def dbs_label(level: str | None) -> str:
    return DBS_LABELS.get(level or "", "")


def dbs_phrase(level: str | None) -> str:
    """The check as a sentence names it: 'an enhanced DBS check', 'a basic DBS check' (the
    label's capitals kept, but for its first letter)."""
    label = dbs_label(level)
    if not label:
        return ""
    words = label[0].lower() + label[1:]
    return ("an " if words[0] in "aeiou" else "a ") + words


def employment_label(kind: str | None) -> str:
    return EMPLOYMENT_WORDS.get(kind or "", "")


def requirement_label(requirement: str) -> str:
    return {"essential": "Essential", "desirable": "Desirable"}.get(requirement, NOT_STATED_LABEL)


FILTERS = {
    "long_date": long_date,
    "money": money,
    "salary_text": salary_text,
    "pay_text": pay_text,
    "salary_lines": salary_lines,
    "dbs_label": dbs_label,
    "dbs_phrase": dbs_phrase,
    "employment_label": employment_label,
    "requirement_label": requirement_label,
}
