"""`roleprint validate`: every problem in the content, or that it is all valid."""

from __future__ import annotations

from generator.content.validate import validate
from generator.core import report
from generator.core.problems import report_json, report_text
from generator.core.settings import Settings


def run(settings: Settings) -> int:
    """1 when any problem blocks; warnings alone give 0."""
    problems, files = validate(settings.content)
    text = report_json if settings.format == "json" else report_text
    report.say(text(problems, files))
    return 1 if any(p.blocking for p in problems) else 0
