"""Find the content files: one record per file, its id taken from the file name."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.core.problems import Problem

# folder under content/ -> record kind (and schema name)
KINDS: dict[str, str] = {
    "organisations": "organisation",
    "roles": "role",
    "families": "family",
    "criteria": "criterion",
    "frameworks": "framework",
    "scales": "scale",
    "vacancies": "vacancy",
}
SINGLE_FILES: dict[str, str] = {"glossary.yaml": "glossary"}
# Folders under content/ that hold no records: the original documents the content was typed
# from, kept beside it for reference and for the completeness tests.
NOT_RECORDS = frozenset({"sources"})

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_ID_LENGTH = 80
# Names that would clash with the site's own pages, or that Windows cannot store.
RESERVED_IDS = frozenset(
    {"index", "search", "assets", "tags", "new", "forms", "con", "prn", "aux", "nul"}
    | {f"com{n}" for n in range(1, 10)}
    | {f"lpt{n}" for n in range(1, 10)}
)


@dataclass(frozen=True)
class SourceFile:
    kind: str
    id: str
    path: Path
    display: str


def is_ignored(name: str) -> bool:
    """Hidden files and the lock and backup files editors leave beside the real ones."""
    return (
        name.startswith((".", "~", "#"))
        or name.endswith(("~", ".swp", ".swo", ".tmp", ".bak", "#"))
    )


def suggest_id(name: str) -> str:
    """An id from a title: "Children and Young People's Café" -> children-and-young-peoples-cafe.

    An apostrophe joins the letters either side (not "people-s"); accents are dropped.
    """
    plain = unicodedata.normalize("NFKD", name.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = re.sub(r"(?<=\w)['’‘`](?=\w)", "", plain)
    words = re.findall(r"[a-z0-9]+", plain)
    return "-".join(words) or "new-record"


def id_problem(record_id: str) -> str | None:
    """Why a file name cannot be an id, or None when it can."""
    if not ID_PATTERN.fullmatch(record_id):
        return "lower-case letters and digits in words joined by single hyphens"
    if len(record_id) > MAX_ID_LENGTH:
        return f"at most {MAX_ID_LENGTH} characters"
    if record_id in RESERVED_IDS:
        return "a name the site keeps for its own pages"
    return None


def display_path(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(content_dir: Path) -> tuple[list[SourceFile], list[Problem]]:
    """List the record files under content_dir, sorted, with problems for misplaced files."""
    files: list[SourceFile] = []
    problems: list[Problem] = []
    root = content_dir.resolve()

    def misplaced(path: Path, message: str, hint: str) -> None:
        problems.append(Problem(display_path(path), 0, 0, "$", message, hint))

    def odd(path: Path, message: str, hint: str) -> None:
        # Line 1, column 1: the file itself is the problem, not something in it. The folder
        # is shown resolved, the name as it is: a link is named, not what it leads to.
        shown = f"{display_path(path.parent)}/{path.name}"
        problems.append(Problem(shown, 1, 1, "$", message, hint))

    with os.scandir(content_dir) as listing:
        top = sorted(listing, key=lambda entry: entry.name)
    for item in top:
        entry = content_dir / item.name
        if is_ignored(item.name) or item.name in NOT_RECORDS:
            continue
        kind = _what_is(item, root, odd)
        if kind == "folder":
            if entry.name not in KINDS:
                misplaced(entry, f"unknown folder '{entry.name}'",
                          "records live in: " + ", ".join(sorted(KINDS)))
                continue
            files.extend(_scan_kind(entry, KINDS[entry.name], root, misplaced, odd))
        elif entry.name in SINGLE_FILES:
            if kind == "file":
                single = SINGLE_FILES[entry.name]
                files.append(SourceFile(single, single, entry, display_path(entry)))
            elif kind == "other":
                _not_a_file(entry, odd)
        elif entry.suffix in {".yaml", ".yml"} and kind == "file":
            misplaced(entry, "this file is not in a record folder",
                      "move it into one of: " + ", ".join(sorted(KINDS)))
        elif entry.suffix in {".yaml", ".yml"} and kind == "other":
            _not_a_file(entry, odd)

    seen: dict[tuple[str, str], SourceFile] = {}
    for source in files:
        key = (source.kind, source.id.casefold())
        if key in seen:
            problems.append(Problem(source.display, 0, 0, "$",
                                    f"the id '{source.id}' is the same as "
                                    f"'{seen[key].display}' apart from capital letters",
                                    "ids are compared ignoring case: rename one of the files"))
        else:
            seen[key] = source
    return files, problems


Report = Callable[[Path, str, str], None]


def _what_is(entry: os.DirEntry[str], root: Path, odd: Report) -> str:
    """'file', 'folder', 'other' (a named pipe, a device: never opened, as reading a pipe
    would wait for ever) or 'refused' (a link that leads out of the content folder or
    nowhere, already reported). A directory entry answers without a system call, so a
    thousand ordinary files cost no more than before."""
    if not entry.is_symlink():
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        return "file" if entry.is_file(follow_symlinks=False) else "other"
    path = Path(entry.path)
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        odd(path, "this symbolic link leads to nothing that can be read",
            "remove the link, or put the file it pointed to in its place")
        return "refused"
    if not target.is_relative_to(root):
        odd(path, "this symbolic link leads outside the content folder, and is not followed",
            "copy the file into the content folder instead of linking to it")
        return "refused"
    if target.is_dir():
        return "folder"
    return "file" if target.is_file() else "other"


def _not_a_file(path: Path, odd: Report) -> None:
    odd(path, "this is not an ordinary file (a named pipe or a device, say), so it is not read",
        "replace it with an ordinary YAML file, or remove it")


def _scan_kind(folder: Path, kind: str, root: Path, misplaced: Report,
               odd: Report) -> list[SourceFile]:
    found = []
    shown = display_path(folder)  # once, not for each of a thousand files
    with os.scandir(folder) as listing:  # the entries know whether they are folders: no stat
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        path = folder / entry.name
        if is_ignored(entry.name):
            continue
        what = _what_is(entry, root, odd)
        if what == "refused":
            continue
        if what == "folder":
            if path.suffix in {".yaml", ".yml"}:
                odd(path, "this is a folder named like a record, not a file",
                    f"records are files: rename the folder, or move what is in it into {shown}/")
            else:
                misplaced(path, "folders inside a record folder are not read",
                          f"put the files directly in {shown}/")
            continue
        if path.suffix == ".yml":
            misplaced(path, "the file name ends in '.yml'",
                      f"rename it to {path.stem}.yaml")
            continue
        if path.suffix != ".yaml":
            continue
        if what == "other":
            _not_a_file(path, odd)
            continue
        display = display_path(path) if entry.is_symlink() else f"{shown}/{entry.name}"
        found.append(SourceFile(kind, path.stem, path, display))
    return found
