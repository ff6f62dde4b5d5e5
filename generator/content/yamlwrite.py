"""How Roleprint writes a record's YAML: one layout, shared by `roleprint format` (and so the
editor's saves) and `roleprint import`, so a file either writes passes `format --check`.

Lists are indented under their key, several lines of text are a `|` block, a long line is never
wrapped, and text a YAML 1.1 reader would take for something else (NO, 12:00, 1e3) is quoted.
Every file starts with its `# yaml-language-server` line.
"""

from __future__ import annotations

import io
import re
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

from generator.content.yamlload import date_problem, is_yaml11_word

MODELINE = "# yaml-language-server: $schema="
# libyaml's reader when PyYAML has it (several times quicker; the same YAML 1.1 resolution).
# Text a | block holds as it is: no tab, carriage return, other control character or line
# separator (Roleprint's loader reads a tab in a block as a layout error).
_BLOCK = re.compile(r"[^\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]*")
_READER: Any = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)


def layout() -> YAML:
    """ruamel.yaml's round trip, set to Roleprint's layout."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line: wrapping would fill diffs with noise
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def modeline(kind: str, single_file: bool) -> str:
    """The first line that tells editors (VS Code's YAML extension) which schema applies."""
    up = "../" if single_file else "../../"
    return f"{MODELINE}{up}schemas/{kind}.schema.json"


def fresh(value: Any) -> Any:
    """A value as ruamel.yaml should write it when the file had nothing there before."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, sub in value.items():
            out[key] = fresh(sub)
        return out
    if isinstance(value, list):
        return CommentedSeq(fresh(v) for v in value)
    if isinstance(value, str):
        lines = value.split("\n")
        if len(lines) > 1 and not value.startswith(" ") and _BLOCK.fullmatch(value) and all(
                line == line.rstrip() for line in lines):
            # Several lines are a | block, which no reader takes for anything but text (and
            # ruamel.yaml quotes instead any text a block cannot hold, such as a tab).
            return LiteralScalarString(value)
        if is_yaml11_word(value) or _ambiguous(value) or (
                value[:1].isdigit() and date_problem(value)):
            # NO, 12:00 and 1e3 must stay text for every reader, YAML 1.1 ones too; and a
            # team called 2019-13 is text, not a date with no month 13.
            return DoubleQuotedScalarString(value)
    return value


def _ambiguous(value: str) -> bool:
    """Whether a YAML 1.1 reader (PyYAML) would take the bare text for something else."""
    try:
        return pyyaml.load(value, Loader=_READER) != value  # a safe loader
    except Exception:  # 2024-13-45 is a date to PyYAML, and not a real one: a ValueError
        return True


def dump(tree: Any, kind: str, single_file: bool) -> str:
    """The text of a record (a ruamel.yaml tree, or plain values), starting with its modeline."""
    out = io.StringIO()
    layout().dump(tree if isinstance(tree, CommentedMap) else fresh(tree), out)
    text = out.getvalue()
    if not text.startswith(MODELINE):
        text = modeline(kind, single_file) + "\n" + text
    return text
