"""One family of errors: what Roleprint refuses or fails at, each with a message for a person.

    RoleprintError      the base: `generator.cli` turns any of them into its message and an
                        exit status, in one place
      UsageError        the command was misused (an unknown id, an option it cannot take): 2
      ContentError      the content has problems (each a `Problem` with file, line, column): 1
      BuildFailed       the site engine or a step writing output failed: 1
        PublishError    the output could not be put in place (full disk, locked, read-only): 1

Each message is a sentence to show as it is, saying what to do. Problems found in the content
are values (`generator.core.problems`), collected and reported together; `ContentError` only
carries them to the command line when there is nothing else to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.core.problems import Problem


class RoleprintError(Exception):
    """Anything Roleprint refuses or fails at; `str(error)` is the message to show."""

    exit_status = 1

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UsageError(RoleprintError):
    """The command was given something it cannot use: an id, an option, a folder."""

    exit_status = 2


class ContentError(RoleprintError):
    """The content has problems that stop the command; each says where and how to fix it."""

    def __init__(self, problems: Sequence[Problem], files: int = 0) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = sorted(problems)
        self.files = files


class Refused(UsageError):
    """An input Roleprint will not take (a file to import, a request to the editor), with a
    plain reason, what to do about it (`hint`) and, for the editor, the HTTP status."""

    def __init__(self, message: str, hint: str = "", *, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.hint, self.status = message, hint, status


class BuildFailed(RoleprintError):
    """The site engine could not build the staging tree, or a step writing output failed."""


class PublishError(BuildFailed):
    """Output could not be written or put in place; nothing that was there before is lost."""
