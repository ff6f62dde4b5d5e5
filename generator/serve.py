"""`roleprint serve`: MkDocs' live-reload server on a staging tree we keep up to date.

A thread watches content/ and schemas/; on a change it loads the content again. If the content
has problems they are printed and the staging tree is left alone, so the last good site keeps
being served. Otherwise the tree is generated afresh and only files whose bytes changed are
written, which is what MkDocs' watcher then rebuilds from.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

from generator.commands import STAGING, generate, load_or_report
from generator.schemacheck import SCHEMA_DIR

POLL_SECONDS = 0.3


def snapshot(*folders: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every file, enough to notice a save."""
    found = {}
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                stat = path.stat()
                found[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return found


def sync_tree(source: Path, target: Path) -> list[Path]:
    """Make `target` hold exactly `source`'s files, writing only those that differ."""
    changed = []
    wanted = set()
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source)
        wanted.add(rel)
        dest = target / rel
        data = path.read_bytes()
        if not dest.is_file() or dest.read_bytes() != data:
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(data)
            changed.append(rel)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target)
        if path.is_file() and rel not in wanted:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def regenerate(content: Path, staging: Path) -> bool:
    """Generate into a scratch folder and sync it over the staging tree; False on problems."""
    site = load_or_report(content)
    if site is None:
        print("The preview still shows the last good version.", file=sys.stderr)
        return False
    with tempfile.TemporaryDirectory(prefix=".roleprint-") as tmp:
        generate(site, Path(tmp), pdf=False)
        changed = sync_tree(Path(tmp), staging)
    print(f"Content updated: {len(changed)} staging files changed.", file=sys.stderr)
    return True


def watch(content: Path, staging: Path, stop: threading.Event) -> None:
    seen = snapshot(content, SCHEMA_DIR)
    while not stop.wait(POLL_SECONDS):
        now = snapshot(content, SCHEMA_DIR)
        if now != seen:
            seen = now
            regenerate(content, staging)


def serve(content: Path, config: Path, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    staging = STAGING.resolve()
    if not regenerate(content, staging):
        return 1
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(content, staging, stop), daemon=True)
    watcher.start()
    try:
        mkdocs_serve(str(config), livereload=True, dev_addr=dev_addr,
                     docs_dir=str(staging / "docs"))
    finally:
        stop.set()
        time.sleep(0)
    return 0
