"""What Roleprint tells the person running it: every line a command prints goes through here.

    say("Built 12 roles into site/.")           what was done: standard output
    warn("Left out 2 draft roles …")            worth knowing, nothing stopped: standard error
    fail("cannot serve on 127.0.0.1:8000: …")   why something was not done: standard error,
                                                after "roleprint: "
    problems(found, files)                      problems in the content, sorted, with a count

The streams are looked up at each call, so a test capturing them (pytest's capsys) sees every
line. Nothing here decides an exit status: `generator.cli` does, from the error raised.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from generator.core.problems import Problem, report_text


def say(text: str) -> None:
    print(text, file=sys.stdout, flush=True)


def warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def fail(text: str) -> None:
    print(f"roleprint: {text}", file=sys.stderr, flush=True)


def problems(found: Sequence[Problem], files: int) -> None:
    """The content's problems (errors and warnings) with the count, on standard error."""
    warn(report_text(found, files))
