"""Find the content files: one record per file, its id taken from the file name."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem

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

    def misplaced(path: Path, message: str, hint: str) -> None:
        problems.append(Problem(display_path(path), 0, 0, "$", message, hint))

    for entry in sorted(content_dir.iterdir()):
        if is_ignored(entry.name) or entry.name in NOT_RECORDS:
            continue
        if entry.is_dir():
            if entry.name not in KINDS:
                misplaced(entry, f"unknown folder '{entry.name}'",
                          "records live in: " + ", ".join(sorted(KINDS)))
                continue
            files.extend(_scan_kind(entry, KINDS[entry.name], misplaced))
        elif entry.name in SINGLE_FILES:
            kind = SINGLE_FILES[entry.name]
            files.append(SourceFile(kind, kind, entry, display_path(entry)))
        elif entry.suffix in {".yaml", ".yml"}:
            misplaced(entry, "this file is not in a record folder",
                      "move it into one of: " + ", ".join(sorted(KINDS)))

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


def _scan_kind(
    folder: Path, kind: str, misplaced: Callable[[Path, str, str], None]
) -> list[SourceFile]:
    found = []
    shown = display_path(folder)  # once, not for each of a thousand files
    with os.scandir(folder) as listing:  # the entries know whether they are folders: no stat
        entries = sorted(listing, key=lambda entry: entry.name)
    for entry in entries:
        path = folder / entry.name
        if is_ignored(entry.name):
            continue
        if entry.is_dir():
            misplaced(path, "folders inside a record folder are not read",
                      f"put the files directly in {shown}/")
            continue
        if path.suffix == ".yml":
            misplaced(path, "the file name ends in '.yml'",
                      f"rename it to {path.stem}.yaml")
            continue
        if path.suffix != ".yaml":
            continue
        display = display_path(path) if entry.is_symlink() else f"{shown}/{entry.name}"
        found.append(SourceFile(kind, path.stem, path, display))
    return found
