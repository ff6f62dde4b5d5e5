"""Scores are personal data: where collate may write them, the date they must be deleted by,
and `roleprint purge`, which deletes what is past that date."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

MANIFEST = "roleprint-collated.json"
# Git ignores these, but they are the site and its staging tree: published, never for scores.
BUILT = ("site", ".staging")


def delete_by(today: str, months: int) -> str:
    """`today` plus the retention period (the last day of a shorter month where needed)."""
    day = dt.date.fromisoformat(today)
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last)).isoformat()
        except ValueError:
            continue
    raise AssertionError(today)


def refuse_reason(out: Path, content: Path) -> str | None:
    """Why collate must not write into `out`, or None: never inside the content folder or the
    built site, and inside a git checkout only in a folder git ignores (so nothing written
    can be committed)."""
    target = out.resolve()
    if target.is_relative_to(content.resolve()):
        return f"{out} is inside the content folder; write the panel's scores outside it"
    probe = target
    while not probe.exists():
        probe = probe.parent
    try:
        top = subprocess.run(["git", "-C", str(probe), "rev-parse", "--show-toplevel"],
                             capture_output=True, text=True, check=False)
    except FileNotFoundError:  # no git here to ask what it ignores: any checkout is refused
        checkout = next((p for p in (probe, *probe.parents) if (p / ".git").exists()), None)
        return (None if checkout is None else f"{out} is inside the git checkout {checkout}, "
                "and git is not installed to say whether it ignores that folder; write the "
                "panel's scores outside the checkout")
    if top.returncode != 0:
        return None  # not in a git checkout
    root = Path(top.stdout.strip())
    for built in BUILT:
        if target.is_relative_to(root / built):
            return (f"{out} is inside {built}/, which the site is built into and published "
                    "from; write the panel's scores outside the checkout")
    # The trailing '/' asks about a folder (it may not exist yet): `scores/` in .gitignore.
    ignored = subprocess.run(["git", "-C", str(root), "check-ignore", "-q", f"{target}/"],
                             capture_output=True, check=False)
    if ignored.returncode == 0:
        return None
    return (f"{out} is inside the git checkout {root} and not ignored by git: "
            "candidates' scores must never be committed; write them outside the checkout, or "
            "into a folder listed in .gitignore")


def write_manifest(out: Path, files: list[Path], deadline: str | None, about: str) -> Path:
    """The list of files written and their delete-by date (null: no retention period set)."""
    path = out / MANIFEST
    path.write_text(json.dumps({"delete_by": deadline, "about": about,
                                "files": sorted(str(f.relative_to(out)) for f in files)},
                               indent=2) + "\n", encoding="utf-8")
    return path


def purge(folder: Path, today: str, *, dry_run: bool = False) -> list[str]:
    """Delete every collated set under `folder` whose delete-by date has passed (and its
    manifest); return a line for each set deleted (or, with `dry_run`, that would be), and for
    each set kept because no retention period was set (it has no date to pass)."""
    said = []
    for manifest in sorted(folder.rglob(MANIFEST)):
        data = json.loads(manifest.read_text(encoding="utf-8"))
        if data["delete_by"] is None:
            said.append(f"Kept {manifest.parent} ({data['about']}): no retention period is "
                        "set for it, so it has no delete-by date; delete it when your "
                        "organisation's own policy says")
            continue
        if data["delete_by"] >= today:
            continue
        base = manifest.parent
        files = [base / name for name in data["files"]]
        verb = "Would delete" if dry_run else "Deleted"
        count = f"{len(files)} file{'' if len(files) == 1 else 's'}"
        said.append(f"{verb} {count} in {base} ({data['about']}; to be deleted by "
                    f"{data['delete_by']})")
        if dry_run:
            continue
        for path in files:
            path.unlink(missing_ok=True)
        manifest.unlink()
        for sub in sorted({p.parent for p in files}, key=lambda p: -len(p.parts)):
            if sub != base and sub.is_dir() and not any(sub.iterdir()):
                sub.rmdir()
    return said
