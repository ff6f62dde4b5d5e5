"""Hardened YAML loading.

The file is read as events (libyaml's C parser where present) and built into plain values here,
so nothing is resolved behind our back: no YAML 1.1 booleans (`NO` stays the text `NO`), no
timestamps, no anchors, aliases or tags (an alias bomb never expands), one document per file,
and every value keeps the line and column it came from.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from generator.core.problems import JsonPath, Problem, json_path

try:  # the C parser is about ten times faster; fall back quietly where it is not built
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

MAX_BYTES = 1_000_000
MAX_DEPTH = 32
MAX_NUMBER_CHARS = 24  # far more than any salary, score or year needs

_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_WORDS = _NULL | _TRUE | _FALSE
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+")
# Plain scalars that one YAML tool reads as a number and another as text: 0123 (octal in
# YAML 1.1), 12:00 (sexagesimal), 0x1F, 1_000. We refuse to guess.
_AMBIGUOUS = re.compile(
    r"[-+]?0[0-9_]+|0[xXoObB][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9]*)?"
    r"|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?|[-+]?\.(inf|Inf|INF|nan|NaN|NAN)"
)
# Plain scalars that can only be text: the number patterns above all start with one of these.
_NUMBER_START = frozenset("-+.0123456789")
# YYYY-MM-DD or YYYY-MM. Plain ones are noted as they are read, for the date check
# (crosscheck.check_dates): other YAML tools would read them as dates.
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)  # a tab among a line's leading spaces
# Control characters, and the two "noncharacters" YAML itself refuses (U+FFFE, U+FFFF).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# Bidirectional controls reverse or reorder the text shown around them (a right-to-left
# override can make "exe.txt" read "txt.exe"): refused anywhere, keys and values alike.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_YAML11_WORDS = {"yes", "no", "on", "off", "y", "n"}
# Names for the control characters Unicode leaves unnamed, for the ones an escape can write.
_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x0B: "LINE TABULATION",
                  0x0C: "FORM FEED", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}


class Mark(NamedTuple):  # a tuple: made for every value, so it must be cheap
    line: int
    column: int


@dataclass
class Document:
    """A loaded file: its data and where each value and key stands in the file."""

    path: str
    data: dict[str, Any]
    marks: dict[JsonPath, Mark] = field(default_factory=dict)
    key_marks: dict[JsonPath, Mark] = field(default_factory=dict)
    raw: dict[JsonPath, str] = field(default_factory=dict)
    dates: list[tuple[JsonPath, re.Match[str]]] = field(default_factory=list)  # plain, like a date
    # Where values were cut away as refused by the schema (validpart): the keys cut and the
    # lists that lost items, so a rule that finds something missing knows it was refused.
    cut: frozenset[JsonPath] = frozenset()
    # A list item's index in the file, where cuts before it moved it up the list.
    origin: dict[JsonPath, int] = field(default_factory=dict)
    # Whether any value (quoted or not) is written like a date but is not a real one: the
    # fast schema checker cannot see that (schemacheck.SchemaSet.is_valid).
    unreal_dates: bool = False

    def source_path(self, path: JsonPath) -> JsonPath:
        """The path as written in the file (the same, unless items before it were cut)."""
        if not self.origin:
            return path
        return tuple(self.origin.get(path[: i + 1], part) if isinstance(part, int) else part
                     for i, part in enumerate(path))

    def is_cut(self, path: JsonPath) -> bool:
        """True when something at or under `path` was cut away."""
        size = len(path)
        return any(place[:size] == path for place in self.cut)

    def mark(self, path: JsonPath, *, key: bool = False) -> Mark:
        """The nearest known position for a path (a missing key falls back to its parent)."""
        table = self.key_marks if key else self.marks
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.marks:
                return self.marks[probe]
            probe = probe[:-1]
        return self.marks.get((), Mark(1, 1))


class _Stop(Exception):
    """Raised inside the builder when the file cannot be read any further."""


def _char_name(ch: str) -> str:
    return unicodedata.name(ch, "") or _CONTROL_NAMES.get(ord(ch), f"U+{ord(ch):04X}")


def char_label(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE', 'U+0000 NULL': a character a message cannot show."""
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(ord(ch), "")
    return f"U+{ord(ch):04X} {name}".rstrip()


def date_problem(text: str) -> tuple[str, str] | None:
    """(message, hint) when text written YYYY-MM-DD or YYYY-MM is not a real date, else None.

    The one test of a date, shared by the loader, the schema check and the date check, so
    nothing later (a long date in a page, a closing date compared with today) meets one that
    Python's calendar cannot hold."""
    match = _DATE.fullmatch(text)
    if match is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if year == 0:
        return f"'{text}' is not a real date: there is no year 0", "check the year"
    if not 1 <= month <= 12:
        return (f"'{text}' is not a real date: there is no month {month}",
                "check the month: months are numbered 01 to 12")
    if match.group(3):
        day, last = int(match.group(3)), calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            return (f"'{text}' is not a real date: {calendar.month_name[month]} {year} has "
                    f"{last} days", "check the day and the month")
    return None


def _is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in {"Cf", "Cc", "Zl", "Zp"} or (
        unicodedata.category(ch) == "Zs" and ch != " "
    )


class _Builder:
    def __init__(self, display: str, parser: Any) -> None:
        self.display = display
        self.next_event = parser.get_event  # called directly: a generator around it costs more
        self.problems: list[Problem] = []
        self.doc = Document(display, {})
        self.aliases_reported: set[str] = set()

    def problem(self, mark: Any, path: JsonPath, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(self.display, mark.line + 1, mark.column + 1, json_path(path), message, hint)
        )

    def run(self) -> Document | None:
        self.next_event()  # StreamStart
        event = self.next_event()
        if isinstance(event, yaml.StreamEndEvent):
            self.problems.append(
                Problem(self.display, 1, 1, "$", "the file is empty",
                        "a record needs at least one 'key: value' line, such as 'title: …'")
            )
            return None
        self._document_start(event)
        root_event = self.next_event()
        root_mark = root_event.start_mark
        data = self.node(root_event, (), 0)
        self.next_event()  # DocumentEnd
        extra = self.next_event()
        if isinstance(extra, yaml.DocumentStartEvent):
            self.problem(extra.start_mark, (), "this file holds more than one document",
                         "keep one record per file: remove the '---' line and what follows, "
                         "or move it to a file of its own")
        if data is None:
            self.problems.append(Problem(self.display, 1, 1, "$", "the file is empty",
                                         "a record needs at least one 'key: value' line"))
            return None
        if not isinstance(data, dict):
            kind = "a list" if isinstance(data, list) else "a single value"
            self.problem(root_mark, (), f"the top level is {kind}, not a set of 'key: value' lines",
                         "start the file with the record's fields, such as 'title: …', "
                         "each at the left margin")
            return None
        self.doc.data = data
        return self.doc

    def _document_start(self, event: Any) -> None:
        if getattr(event, "version", None):
            self.problem(event.start_mark, (), "'%YAML' directives are not allowed",
                         "delete the line that starts with '%YAML' (and the '---' after it)")
        if getattr(event, "tags", None):
            self.problem(event.start_mark, (), "'%TAG' directives are not allowed",
                         "delete the line that starts with '%TAG'")

    def _refuse_anchor_and_tag(self, event: Any, path: JsonPath) -> None:
        if getattr(event, "anchor", None):
            self.problem(event.start_mark, path, f"anchors ('&{event.anchor}') are not allowed",
                         "write the value out in full; shared text belongs in a shared record "
                         "(content/criteria/) referred to by id")
        if getattr(event, "tag", None):
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(event.start_mark, path, f"tags such as '{tag}' are not allowed",
                         "remove the tag (the word starting with '!') and keep the plain value")

    def node(self, event: Any, path: JsonPath, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.problem(event.start_mark, path, f"the content is nested more than {MAX_DEPTH} "
                         "levels deep", "check the indentation: records are never this deep")
            raise _Stop
        mark = Mark(event.start_mark.line + 1, event.start_mark.column + 1)
        self.doc.marks[path] = mark
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.aliases_reported:  # once each: a bomb repeats them
                self.aliases_reported.add(str(event.anchor))
                self.problem(event.start_mark, path, f"aliases ('*{event.anchor}') are not "
                             "allowed", "write the value out in full")
            return None
        self._refuse_anchor_and_tag(event, path)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            while not isinstance(child := self.next_event(), yaml.SequenceEndEvent):
                items.append(self.node(child, (*path, len(items)), depth + 1))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(path, depth)
        raise _Stop  # pragma: no cover - the parser yields nothing else here

    def mapping(self, path: JsonPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        while not isinstance(key_event := self.next_event(), yaml.MappingEndEvent):
            if not isinstance(key_event, yaml.ScalarEvent) or key_event.anchor or key_event.tag:
                self.problem(key_event.start_mark, path, "a key must be a plain word",
                             "write keys as simple words followed by ':'")
                self.node(key_event, (*path, "?"), depth + 1)
                self.node(self.next_event(), (*path, "?"), depth + 1)
                continue
            key = key_event.value
            start = key_event.start_mark
            key_mark = Mark(start.line + 1, start.column + 1) if start else Mark(1, 1)
            self._check_key(key, key_event, path)
            value_path = (*path, key)
            if key in result:
                first = self.doc.key_marks[value_path]
                self.problem(key_event.start_mark, value_path,
                             f"'{key}' appears twice in the same block (lines {first.line} "
                             f"and {key_mark.line})",
                             "keep one of them: a second value would silently replace the first")
                self.node(self.next_event(), (*path, f"{key} (repeated)"), depth + 1)
                continue
            self.doc.key_marks[value_path] = key_mark
            result[key] = self.node(self.next_event(), value_path, depth + 1)
        return result

    def _check_key(self, key: str, event: Any, path: JsonPath) -> None:
        if key.isascii() and key.isprintable():
            return
        hidden = [ch for ch in key if _is_invisible(ch) or _CONTROL.match(ch)]
        if hidden:
            names = ", ".join(sorted({f"{_char_name(ch)} (U+{ord(ch):04X})" for ch in hidden}))
            visible = "".join(ch for ch in key if not _is_invisible(ch))
            self.problem(event.start_mark, (*path, key),
                         f"the key '{visible}' contains an invisible character: {names}",
                         f"delete the key and type '{visible}' again by hand "
                         "(text pasted from Word or the web often carries these)")

    def number(self, event: Any, path: JsonPath, value: str) -> Any:
        """A plain scalar that looks like a number; kept as text when it cannot be one."""
        reason = _number_problem(value)
        if reason:
            self.problem(event.start_mark, path, reason,
                         "check the figure; if it is a code rather than a number, put it in "
                         "quotes")
            return value
        self.doc.raw[path] = value
        return int(value) if _INT.fullmatch(value) else float(value)

    def escaped_controls(self, event: Any, path: JsonPath, value: str) -> None:
        """Refuse control and bidirectional characters written as escapes ("\\e", "\\u202e")
        in a double-quoted value, as the same characters typed into the file are refused."""
        if not (_CONTROL.search(value) or _BIDI.search(value)):
            return
        found = dict.fromkeys(ch for ch in value if _CONTROL.match(ch) or _BIDI.match(ch))
        names = ", ".join(char_label(ch) for ch in found)
        one = len(found) == 1
        what = "a control character" if one else f"{len(found)} control characters"
        self.problem(event.start_mark, path,
                     f"this text contains {what} written as {'an escape' if one else 'escapes'}:"
                     f" {names}",
                     f"delete {'it' if one else 'them'}: remove the backslash "
                     f"code{'' if one else 's'} (such as \\e, \\a, \\x00 or \\u202e) from the "
                     "quoted text; such characters cannot be shown, and some reverse the text "
                     "around them")

    def scalar(self, event: Any, path: JsonPath) -> Any:
        value: str = event.value
        if event.style:  # quoted or block: always text (plain is None, or '' from libyaml)
            if event.style == '"':  # the only style with escapes
                self.escaped_controls(event, path, value)
            if value[:1].isdigit() and date_problem(value):
                self.doc.unreal_dates = True
            return value
        if value[:1] not in _NUMBER_START:  # most text: no number, no date, no ambiguity
            if value not in _WORDS:
                return value
        elif value[:1].isdigit() and (date := _DATE.fullmatch(value)):
            self.doc.dates.append((path, date))
            if date_problem(value):
                self.doc.unreal_dates = True
            return value
        if value in _NULL:
            return None
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if _INT.fullmatch(value) or _FLOAT.fullmatch(value):
            return self.number(event, path, value)
        if _AMBIGUOUS.fullmatch(value):
            self.problem(event.start_mark, path,
                         f"{value} could be read as a number or as text",
                         f"put it in quotes so it stays exactly as written: \"{value}\"")
            return value
        return value


def _number_problem(value: str) -> str | None:
    """Why a number-shaped scalar cannot be kept as a number (Python refuses to turn more than
    4,300 digits into a whole number, and 1e999 is infinite), or None."""
    if len(value) > MAX_NUMBER_CHARS:
        return f"this number is {len(value):,} characters long: too long to be a real figure"
    if not _INT.fullmatch(value) and not math.isfinite(float(value)):
        return f"{value} is too large to be a real figure"
    return None


def _position(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_big(display: str, size: int) -> Problem:
    return Problem(display, 1, 1, "$", f"the file is {size:,} bytes, over the {MAX_BYTES:,}-byte "
                   "limit for one record",
                   "split it into smaller records; a role profile is rarely over 50,000 bytes")


def _precheck(display: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    """Reject what the parser would explain badly: size, encoding, control characters, tabs."""
    if len(raw) > MAX_BYTES:
        return None, [_too_big(display, len(raw))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(display, line, column, "$",
                              f"the file is not UTF-8 text (byte 0x{raw[err.start]:02X})",
                              "save the file as UTF-8 (in Word or Notepad: 'Save as', "
                              "encoding 'UTF-8')")]
    text = text.removeprefix("\ufeff")
    problems = []
    for match in _CONTROL.finditer(text):
        line, column = _position(text, match.start())
        problems.append(Problem(display, line, column, "$",
                                f"the file contains a control character "
                                f"(U+{ord(match.group()):04X}) that cannot be shown",
                                "delete it: retype the text around this point"))
    for match in _BIDI.finditer(text):
        line, column = _position(text, match.start())
        char = match.group()
        problems.append(Problem(display, line, column, "$",
                                f"the file contains a bidirectional control character "
                                f"({_char_name(char)}, U+{ord(char):04X}) that changes the "
                                "direction text is shown in",
                                "delete it: retype the text around this point (text pasted "
                                "from the web or a PDF can carry these)"))
    for match in _TAB_INDENT.finditer(text):
        number, column = _position(text, match.end() - 1)
        problems.append(Problem(display, number, column, "$",
                                "this line is indented with a tab",
                                "YAML indentation must use spaces: replace the tab "
                                "with spaces (your editor can do this for the whole file)"))
    return (None if problems else text), problems


_PARSER_HINTS = {
    "mapping values are not allowed": "a value that contains ': ' must be put in quotes",
    "could not find expected ':'": "each line needs 'key: value'; check this line and the "
    "indentation of the line before",
    "found character '\\t'": "replace the tab with spaces",
    "cannot start any token": "a value starting with this character must be put in quotes",
    "did not find expected key": "check the indentation: keys in one block must line up",
    "did not find expected '-' indicator": "check the indentation of this list",
    "found undefined tag handle": "remove the tag (the word starting with '!')",
    "found unexpected end of stream": "a quote or bracket is not closed",
}


def load_text(display: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Load one record from bytes; `display` is the path shown in messages."""
    text, problems = _precheck(display, raw)
    if text is None:
        return None, problems
    parser = _Loader(text)
    builder = _Builder(display, parser)
    try:
        doc = builder.run()
    except _Stop:
        return None, builder.problems
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        reason = (err.problem or err.context or "the file is not valid YAML").strip()
        hint = next((h for key, h in _PARSER_HINTS.items() if key in reason), "")
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        builder.problems.append(
            Problem(display, line, column, "$", f"the YAML cannot be read: {reason}", hint)
        )
        return None, builder.problems
    except yaml.reader.ReaderError as err:  # pragma: no cover - the precheck refuses these
        line, column = _position(text, min(int(err.position), len(text)))
        builder.problems.append(Problem(display, line, column, "$", "the YAML cannot be read: "
                                        "it contains a character that is not allowed",
                                        "delete it: retype the text around this point"))
    except yaml.YAMLError as err:
        reason = str(err).splitlines()[0] if str(err) else "the file is not valid YAML"
        builder.problems.append(Problem(display, 1, 1, "$", f"the YAML cannot be read: {reason}"))
        return None, builder.problems
    finally:
        parser.dispose()
    return doc, builder.problems


def read_file(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes; one that is too big, or is not an ordinary file, is refused unread.

    It is opened without waiting (a named pipe put where a file was would otherwise wait for a
    writer for ever) and checked once open, so what is checked is what is read."""
    import os
    import stat

    def unreadable(why: str) -> Problem:  # line 1, column 1: the file itself is the problem
        return Problem(display, 1, 1, "$", f"the file cannot be read: {why}",
                       "check that it is an ordinary file you are allowed to read")

    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_BINARY", 0))
    except OSError as err:
        return None, [unreadable(err.strerror or str(err))]
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return None, [unreadable("it is not an ordinary file")]
            if info.st_size > MAX_BYTES:
                return None, [_too_big(display, info.st_size)]
            return file.read(MAX_BYTES + 1), []
        except OSError as err:
            return None, [unreadable(err.strerror or str(err))]


def load_file(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Read and load one file."""
    raw, problems = read_file(path, display)
    return (None, problems) if raw is None else load_text(display, raw)


def is_yaml11_word(value: object) -> bool:
    """True for words that YAML 1.1 tools would have turned into true or false."""
    return isinstance(value, str) and value.lower() in _YAML11_WORDS
