"""The build's date, for the one thing that depends on it: whether a closing date has passed.

ROLEPRINT_TODAY (YYYY-MM-DD), when set, fixes it (the tests pin it, so a shipped vacancy's
closing date passing does not change what they see); else SOURCE_DATE_EPOCH's date
(reproducible builds); otherwise today's date in the United Kingdom, where the closing dates are.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
# The date files carry when SOURCE_DATE_EPOCH is not set: a fixed date keeps the bytes stable.
FIXED_DATE = "2000-01-01T00:00:00Z"
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def today(environ: dict[str, str] | None = None) -> str:
    """Today as YYYY-MM-DD in UK time, or the date ROLEPRINT_TODAY or SOURCE_DATE_EPOCH fix."""
    environ = environ if environ is not None else dict(os.environ)
    pinned = environ.get("ROLEPRINT_TODAY", "")
    if _DAY.fullmatch(pinned):
        return pinned
    epoch = environ.get("SOURCE_DATE_EPOCH")
    moment = (dt.datetime.fromtimestamp(int(epoch), tz=UK) if epoch and epoch.isdigit()
              else dt.datetime.now(tz=UK))
    return moment.date().isoformat()


def has_passed(closing_date: str | None, on: str) -> bool:
    """True once the whole closing day is over; a YYYY-MM date counts to the month's end."""
    if not closing_date:
        return False
    if len(closing_date) == 7:
        return on[:7] > closing_date
    return on > closing_date


def _uk_moment(day: str, time: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=UK)


def uk_zone(day: str, time: str = "23:59") -> str:
    """The UK's time zone at that moment, as the UK names it: "GMT" or "BST"."""
    return _uk_moment(day, time).tzname() or "UK time"


def uk_offset(day: str, time: str = "23:59") -> str:
    """The UK's offset from UTC at that moment: "+00:00" in winter, "+01:00" in summer time."""
    offset = _uk_moment(day, time).utcoffset() or dt.timedelta()
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    return f"{'+' if hours >= 0 else '-'}{abs(hours):02d}:{rest // 60:02d}"


def source_date(environ: dict[str, str] | None = None) -> str:
    """The date written into PDFs, Word and Excel files: SOURCE_DATE_EPOCH when set
    (reproducible builds), else fixed."""
    epoch = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_DATE
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
