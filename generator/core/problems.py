"""Problems are values: every stage returns them, the CLI prints them once, sorted."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass

JsonPath = tuple[str | int, ...]

# Everything str.splitlines() breaks at, other control characters, and the bidi controls: none
# may reach a report line, where it would split the line or reverse the text around it.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
QUOTE_LIMIT = 60


def one_line(text: str) -> str:
    """Text safe on one report line: line breaks and control characters shown as escapes."""
    return _UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1] if m.group() in "\n\r\t"
                       else f"\\u{ord(m.group()):04x}", text)


def quote(value: str, limit: int = QUOTE_LIMIT) -> str:
    """A value from the content, quoted for a message: one line, and shortened if long."""
    shown = one_line(value)
    if len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return f"'{shown}'"


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

    def __post_init__(self) -> None:
        # Where the file itself is the problem (its name, its place) there is no line to give:
        # such problems stand at line 1, column 1, so every report line is `path:line:col:`.
        if self.line < 1 or self.column < 1:
            object.__setattr__(self, "line", max(self.line, 1))
            object.__setattr__(self, "column", 1 if self.line <= 1 else max(self.column, 1))

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """`path:line:col: $.json.path: message` on one line, the hint indented below it.

        A problem with the file itself (its name, its place) is put at line 1, column 1, and
        nothing from the content (a file name, a value) can break the line.
        """
        where = f"{one_line(self.path)}:{self.line}:{self.column}"
        label = "" if self.blocking else f"{self.severity}: "
        text = f"{where}: {label}{one_line(self.json_path)}: {one_line(self.message)}"
        if self.hint:
            text += f"\n    hint: {one_line(self.hint)}"
        return text


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
