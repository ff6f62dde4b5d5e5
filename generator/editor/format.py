"""`roleprint format`: one layout for every record, run by the editor's save path and pre-commit.

The layout is the file's own: a save changes only the values that changed. The file as it was
is read with its comments, quoting and order (ruamel.yaml's round trip), the new values are
laid into it, and it is written back, so a diff shows the edit and nothing else. A new record
is written in the schema's order. Every file starts with its `# yaml-language-server` line, and
the text written is loaded again before it is kept: formatting never changes a value.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.content.discover import discover
from generator.content.yamlload import load_text
from generator.content.yamlwrite import MODELINE as MODELINE  # where callers have read it
from generator.content.yamlwrite import dump, fresh, layout
from generator.core.errors import ContentError
from generator.core.problems import Problem
from generator.editor.shapes import narrow


class FormatError(ContentError):
    """The text cannot be formatted (it is not a record the loader accepts)."""

    def __str__(self) -> str:
        return "; ".join(p.format() for p in self.problems)


class UnreadableError(FormatError):
    """What the editor sent is not a record the loader accepts (its request is at fault)."""


def prune(value: Any) -> Any:
    """Drop the empty strings, lists and mappings a form leaves for fields never filled in."""
    if isinstance(value, dict):
        kept = {k: prune(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ("", [], {}, None)}
    if isinstance(value, list):
        return [v for v in map(prune, value) if v not in ("", [], {}, None)]
    return value


# What `roleprint import` wrote at the top of a draft before its review moved into the role's
# `import_review` (issue 27): stale, and dropped, once the role is no longer a draft.
_IMPORT_NOTES = ("# Draft imported by `roleprint import`", "# It is a draft",
                 "# until a person has checked it", "# Not stated in the source:")
_LOOK = "# Needs a person's eye:"


def without_import_notes(text: str) -> str:
    """The text without the old importer's comments in the comment block at its top."""
    lines = text.split("\n")
    head = next((n for n, line in enumerate(lines) if not line.startswith("#")), len(lines))
    kept: list[str] = []
    listing = False
    for line in lines[:head]:
        listing = line == _LOOK or (listing and line.startswith("#   "))
        if not listing and not line.startswith(_IMPORT_NOTES):
            kept.append(line)
    return "\n".join(kept + lines[head:])


def _from_editor(raw: bytes, display: str) -> dict[str, Any]:
    """The values the editor sent, read by the loader `validate` uses: no anchors, aliases or
    tags (an alias bomb is refused as it is read, never expanded), nothing resolved by
    guesswork (a date stays the text typed)."""
    doc, problems = load_text(display, raw)
    refused = [p for p in problems if p.blocking]
    if doc is None or refused:
        raise UnreadableError(refused or [Problem(display, 1, 1, "$", "the editor sent "
                                                  "something other than a record")])
    return doc.data


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, dt.date) and isinstance(new, str):
        # ruamel.yaml reads 2024-06-03 as a date; Roleprint's loader keeps it as text.
        return old.isoformat()[: len(new)] == new and len(new) == len(str(old))
    return (type(old) is type(new) and old == new) or (
        isinstance(old, str) and isinstance(new, str) and str(old) == new)


def merge(old: Any, new: Any) -> Any:
    """`new`'s values in `old`'s clothes: its comments, quoting, flow lists and key order."""
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        for key in [k for k in old if k not in new]:
            del old[key]
        previous = None
        for key, value in new.items():
            if key in old:
                old[key] = merge(old[key], value)
            else:
                # After the key that comes before it in the form (the schema's order).
                position = 0 if previous is None else list(old).index(previous) + 1
                old.insert(position, key, fresh(value))
            previous = key
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new):
            if index < len(old):
                old[index] = merge(old[index], value)
            else:
                old.append(fresh(value))
        del old[len(new):]
        return old
    if _same(old, new):
        return old
    return fresh(new)


def format_text(kind: str, single_file: bool, new: bytes, old: bytes | None = None,
                display: str = "record", from_editor: bool = False) -> bytes:
    """The formatted text of one record; `old` is the file as it was, if there was one."""
    if from_editor:
        values = narrow(kind, prune(_from_editor(new, display)))
    else:
        doc, problems = load_text(display, new)
        if doc is None or [p for p in problems if p.blocking]:
            raise FormatError([p for p in problems if p.blocking])
        values = narrow(kind, doc.data)
    tree: Any = None
    if old is not None:
        try:
            tree = layout().load(old.decode("utf-8"))
        except Exception:  # the old file did not parse: lay the record out afresh
            tree = None
    tree = merge(tree, values) if isinstance(tree, CommentedMap) else fresh(values)
    text = dump(tree, kind, single_file)
    if kind == "role" and values.get("status", "published") != "draft":
        text = without_import_notes(text)
    check, _ = load_text(display, text.encode("utf-8"))
    if check is None or check.data != values:
        raise FormatError([Problem(display, 1, 1, "$", "formatting would change a value",
                                   "Please report this: the file was left as it was.")])
    return text.encode("utf-8")


def first_difference(old: bytes, new: bytes) -> int:
    """The number of the first line (from 1) where two texts differ."""
    pairs = zip(old.splitlines(), new.splitlines(), strict=False)
    same = next((n for n, (a, b) in enumerate(pairs) if a != b), None)
    return (same if same is not None else min(len(old.splitlines()), len(new.splitlines()))) + 1


def format_content(content_dir: Path, check: bool = False
                   ) -> tuple[list[tuple[str, int]], list[Problem]]:
    """Format every record in place (or, with `check`, only list those that would change): each
    changed file's display name and the first line that changes."""
    sources, misplaced = discover(content_dir)
    changed: list[tuple[str, int]] = []
    problems: list[Problem] = list(misplaced)
    for source in sources:
        raw = source.path.read_bytes()
        single = source.path.parent == content_dir
        try:
            text = format_text(source.kind, single, raw, raw, source.display)
        except FormatError as err:
            problems += err.problems
            continue
        if text != raw:
            changed.append((source.display, first_difference(raw, text)))
            if not check:
                source.path.write_bytes(text)
    return changed, problems
