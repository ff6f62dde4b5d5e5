"""`roleprint format`: every record in the one layout the editor saves in (`--check`: change
nothing, and say which files would change)."""

from __future__ import annotations

from generator.core import report
from generator.core.settings import Settings
from generator.editor.format import format_content


def run(settings: Settings) -> int:
    changed, problems = format_content(settings.content, check=settings.check)
    for problem in problems:
        report.say(problem.format())
    verb = "would change" if settings.check else "formatted"
    for name, line in changed:
        report.say(f"{name}:{line}:1: {verb}: not laid out as the editor saves (first from this "
                   "line)")
    count = f"{len(changed)} file{'' if len(changed) == 1 else 's'}"
    if settings.check and changed:
        # What a CI log shows after a save from the hosted editor, which Roleprint cannot format.
        report.say(f"{count} would change. Run `make format` (or `.venv/bin/roleprint format`) "
                   "and commit the result: it changes only the layout, never a value.")
        return 1
    report.say(f"{count} {verb}.")
    return 1 if problems else 0
