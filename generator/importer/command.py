"""`roleprint import`: read each file, recover its structure, write a draft role next to the
others; never overwrite, refuse hostile files with nothing written, end with a summary."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from generator.content.discover import MAX_ID_LENGTH, id_problem, suggest_id
from generator.content.yamlload import MAX_BYTES as MAX_RECORD_BYTES
from generator.core.problems import Problem
from generator.importer import draft, read
from generator.importer.assess import Methods
from generator.importer.extras import Organisation
from generator.importer.guard import Refused
from generator.importer.structure import Walker


def collect(paths: list[Path]) -> tuple[list[Path], bool]:
    """The files to read, folders expanded in name order; True if any folder was given."""
    files: list[Path] = []
    folder = False
    for path in paths:
        if path.is_dir():
            folder = True
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and not p.name.startswith((".", "~$"))))
        else:
            files.append(path)
    return files, folder


def draft_id(title: str, stem: str) -> str:
    """The draft's file name: from its title (or the file's name), always a valid id."""
    name = title if title and title != "not stated" else stem
    record_id = _cut(_id_start(name)) or "role"
    return record_id if id_problem(record_id) is None else f"{record_id}-role"


def _id_start(name: str) -> str:
    """`suggest_id(name)`, or a start of it long enough to cut to MAX_ID_LENGTH. The id of a
    start of the name is a start of the name's id (only its last word may be cut short), so
    starts twice as long each time are tried: a title of a million words costs about what a
    short one does."""
    size = 8 * MAX_ID_LENGTH
    while size < len(name):
        start = suggest_id(name[:size])
        if len(start) > MAX_ID_LENGTH:
            return start
        size *= 2
    return suggest_id(name)


def _cut(record_id: str) -> str:
    """At most MAX_ID_LENGTH characters, cut after a word (inside one only if it is longer)."""
    if len(record_id) <= MAX_ID_LENGTH:
        return record_id
    head = record_id[:MAX_ID_LENGTH + 1]
    end = head.rfind("-")
    return head[:end] if end > 0 else head[:MAX_ID_LENGTH]


def _progress(done: int, total: int, name: str, stream: TextIO) -> None:
    width = 30
    filled = width * done // total
    stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def import_one(path: Path, content: Path, organisation: str, family: str | None,
               methods: Methods, org: Organisation, taken: set[Path]) -> dict[str, Any]:
    """Import one file; the result says what happened and is the report's entry for it."""
    source = path.name
    try:
        blocks, fmt = read.read(path)
        _fits(sum(len(block.text) for block in blocks), "text")  # before the work, not after
        found = Walker(methods, org).run(blocks)
        result = draft.build(found, organisation, family, source, fmt)
        _fits(len(result.text.encode("utf-8")), "draft")
    except Refused as err:
        return {"source": source, "status": "refused", "reason": err.message, "hint": err.hint}
    target = content / "roles" / f"{draft_id(str(found.role.get('title', '')), path.stem)}.yaml"
    if target in taken or os.path.lexists(target):  # a link that leads nowhere is there too
        return _in_the_way(source, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8", newline="\n") as handle:  # never overwrite
            handle.write(result.text)
    except FileExistsError:  # made meanwhile, by someone else
        return _in_the_way(source, target)
    taken.add(target)
    status = "needs review" if result.needs_review else "imported"
    return {**result.report, "status": status, "draft": str(target)}


def _fits(size: int, what: str) -> None:
    """Refuse a document whose draft validate would refuse for its size: its text (in
    characters, each at least a byte) or the draft itself (in bytes)."""
    if size > MAX_RECORD_BYTES:
        unit = "characters" if what == "text" else "bytes"
        raise Refused(f"its {what} is {size:,} {unit}, over the {MAX_RECORD_BYTES:,} bytes "
                      "a record may be, so nothing was written for this file",
                      "a role profile is rarely over 50,000 bytes: check it is the right "
                      "file, or split it into one file per role")


def _in_the_way(source: str, target: Path) -> dict[str, Any]:
    """The refusal for a draft whose file name is taken, saying by what."""
    what = "already exists"
    if target.is_symlink() and not target.exists():
        what = f"is a symbolic link to {os.readlink(target)}, which does not exist"
    return {"source": source, "status": "refused", "draft": str(target),
            "reason": f"{target} {what}, so nothing was written for this file",
            "hint": "rename or move the existing record, or import into another folder"}


def run(paths: list[Path], organisation: str, content: Path, family: str | None = None,
        report: Path | None = None, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Import every file; 0 when all were imported, 1 when any was refused or has problems."""
    if not (content / "organisations" / f"{organisation}.yaml").is_file():
        err.write(f"roleprint: there is no organisation '{organisation}' in "
                  f"{content / 'organisations'}\n")
        return 2
    files, folder = collect(paths)
    missing = [p for p in files if not p.exists()]
    if missing or not files:
        err.write(f"roleprint: nothing to import: '{missing[0] if missing else paths[0]}' "
                  "does not exist or is empty\n")
        return 2
    methods = Methods(content, organisation)
    org = Organisation(content, organisation)
    taken: set[Path] = set()
    results = []
    for done, path in enumerate(files, start=1):
        results.append(import_one(path, content, organisation, family, methods, org, taken))
        if folder:
            _progress(done, len(files), path.name, err)
    problems = _check(content, {Path(r["draft"]) for r in results if r["status"] != "refused"})
    blocking = False
    for entry in results:
        found = problems.get(entry.get("draft", ""), [])
        entry["problems"] = [p.format().replace("\n", " ") for p in found]
        blocking = blocking or any(p.blocking for p in found)
        if entry["problems"] and entry["status"] == "imported":
            entry["status"] = "needs review"
        out.write(_line(entry))
    counts = {s: sum(r["status"] == s for r in results)
              for s in ("imported", "needs review", "refused")}
    out.write(f"Imported {counts['imported']}, needs review {counts['needs review']}, "
              f"refused {counts['refused']} (of {len(results)} files).\n")
    if report is not None:
        report.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")
    return 1 if counts["refused"] or blocking else 0


def _line(entry: dict[str, Any]) -> str:
    if entry["status"] == "refused":
        text = f"{entry['source']}: refused: {entry['reason']}\n"
        return text + (f"    hint: {entry['hint']}\n" if entry.get("hint") else "")
    text = f"{entry['source']}: {entry['status']}: wrote {entry['draft']}\n"
    for line in entry["needs_review"]:
        text += f"    - {line}\n"
    return text + "".join(f"    {p}\n" for p in entry["problems"])


def _check(content: Path, drafts: set[Path]) -> dict[str, list[Problem]]:
    """roleprint validate's problems that fall in the new drafts, by draft path."""
    if not drafts:
        return {}
    from generator.content.validate import validate

    problems, _ = validate(content)
    names = {str(p): str(p) for p in drafts}
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        for name in names:
            if Path(problem.path).resolve() == Path(name).resolve():
                by_path.setdefault(name, []).append(problem)
    return by_path
