"""Problems are values: every stage returns them, the CLI prints them once, sorted."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

JsonPath = tuple[str | int, ...]


def json_path(path: Iterable[str | int]) -> str:
    """Render a path like ('criteria', 3, 'id') as $.criteria[3].id."""
    out = "$"
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.replace("_", "").replace("-", "").isalnum() and part.isprintable():
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=not part.isprintable()) + "]"
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, with where it is and how to put it right."""

    path: str
    line: int
    column: int
    json_path: str
    message: str
    hint: str = ""
    # "error" stops a build; "warning" and "info" are reported and let it go on.
    severity: str = "error"

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.column}"
        label = "" if self.blocking else f"{self.severity}: "
        text = f"{where}: {label}{self.json_path}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class ContentError(Exception):
    """Raised by commands that cannot go on because the content has problems."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = sorted(problems)


def summary(problems: Sequence[Problem], files: int) -> str:
    blocking = [p for p in problems if p.blocking]
    if not blocking:
        notes = "" if not problems else (
            f", with {len(problems)} warning{'s' if len(problems) != 1 else ''}")
        return f"All {files} content files are valid{notes}."
    count = len({p.path for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    fnoun = "file" if count == 1 else "files"
    return f"Found {len(problems)} {noun} in {count} {fnoun} ({files} files checked)."


def report_text(problems: Sequence[Problem], files: int) -> str:
    lines = [p.format() for p in sorted(problems)]
    lines.append(summary(problems, files))
    return "\n".join(lines)


def report_json(problems: Sequence[Problem], files: int) -> str:
    body = {
        "valid": not any(p.blocking for p in problems),
        "files_checked": files,
        "problems": [asdict(p) for p in sorted(problems)],
        "summary": summary(problems, files),
    }
    return json.dumps(body, indent=2, ensure_ascii=False)
