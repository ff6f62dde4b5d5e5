"""The editor's local backend: Decap CMS's proxy protocol, answered by Roleprint in Python.

Decap's own local server (`decap-server`, Node) writes whatever the browser sends. This one
writes only record files under the content folder, gives every save to `roleprint format`
first (so the file keeps its schema line, comments and layout), and checks the content again
after each save so that the editor can show what Roleprint found. It takes one POST body,
`{"action": ..., "params": {...}}`, as `decap-cms-backend-proxy` sends it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.discover import KINDS, SINGLE_FILES
from generator.content.yamlload import load_text, read_file
from generator.core.cache import write_whole
from generator.core.errors import Refused
from generator.editor.format import FormatError, UnreadableError, format_text
from generator.editor.shapes import widen


def version(raw: bytes | None) -> str:
    """The version of a file the editor is given and sends back with a save: a hash of its
    bytes ("" for no file), so a save made from an older version can be told apart."""
    return "" if raw is None else hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Save:
    """One file of a save, checked and formatted, waiting only to be written."""

    source: Path  # the file the editor opened (for a new record, the file to make)
    target: Path  # where the record goes: the same file, or its new name
    version: str | None  # the version the editor opened; None for a new record
    text: bytes


class Backend:
    """Reads and writes the records of one content folder for the editor."""

    def __init__(self, content: Path, on_change: Any = None) -> None:
        self.content = content.resolve()
        self.root = self.content.parent
        self.on_change = on_change or (lambda: None)
        # One save at a time, held only to compare each file with the version the editor
        # opened and write it: reading, checking and formatting are done before it is taken.
        self._lock = threading.Lock()
        self._widened: dict[Path, tuple[int, int, str, str]] = {}

    # ---- paths: only record files under the content folder, as the discovery rules say ----

    def record(self, rel: object) -> tuple[Path, str, bool]:
        """The file a path from the editor names, its record kind, and whether it is single.
        A symbolic link is followed only to a record in the same folder as the link."""
        if not isinstance(rel, str) or not rel.endswith(".yaml"):
            raise Refused("The editor can only open and save .yaml records.")
        path = (self.root / rel).resolve()
        named = Path(os.path.normpath(self.root / rel))
        if not path.name.endswith(".yaml") or path.parent != named.parent:
            raise Refused(f"{rel} is not a record in one of the content folders.")
        if path.parent == self.content and path.name in SINGLE_FILES:
            return path, SINGLE_FILES[path.name], True
        if path.parent.parent != self.content or path.parent.name not in KINDS:
            raise Refused(f"{rel} is not a record in one of the content folders.")
        return path, KINDS[path.parent.name], False

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # ---- reading ----

    def read(self, path: Path) -> bytes | None:
        """A record's bytes, or None when there is no file; one that cannot be read (a named
        pipe, a file over the size limit) is refused without waiting."""
        if not path.exists():
            return None
        raw, problems = read_file(path, self.display(path))
        if raw is None:
            raise Refused(f"{self.display(path)}: {problems[0].message}.")
        return raw

    def entry(self, path: Path, kind: str) -> dict[str, Any]:
        """One record as the editor reads it: widened for its forms, as JSON text (valid YAML),
        with the version it was read at."""
        stat = path.stat()
        cached = self._widened.get(path)
        if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            data, seen = cached[2:]
        else:
            raw = self.read(path) or b""
            doc, _ = load_text(self.display(path), raw)
            # A file the loader refuses is given as it is: the editor shows what it can and
            # the problems panel says what is wrong with it.
            data = raw.decode("utf-8", "replace") if doc is None else json.dumps(
                widen(kind, doc.data), ensure_ascii=False, separators=(",", ":"))
            seen = version(raw)
            self._widened[path] = (stat.st_mtime_ns, stat.st_size, data, seen)
        return {"data": data, "file": {"path": self.display(path), "id": None}, "version": seen}

    def folder(self, folder: object) -> list[dict[str, Any]]:
        """The records of one collection. Each name is checked as a single read checks it (a
        link that leads out of the folder is left out), and a record two names lead to is
        listed once."""
        if not isinstance(folder, str):
            raise Refused("No folder was named.")
        base = (self.root / folder).resolve()
        if base.parent != self.content or base.name not in KINDS:
            raise Refused(f"{folder} is not one of the content folders.")
        found: dict[Path, str] = {}
        for name in sorted(p.name for p in base.glob("*.yaml") if not p.name.startswith(".")):
            try:
                path, kind, _ = self.record(f"{self.display(base)}/{name}")
            except Refused:
                continue
            if path.is_file():  # never a named pipe, which would wait for a writer for ever
                found.setdefault(path, kind)
        entries = []
        for path, kind in sorted(found.items()):
            # Too big to read: the problems panel says so. Deleted since the folder was listed
            # (by the editor itself, or by the author in another window): it is simply gone.
            with contextlib.suppress(Refused, FileNotFoundError):
                entries.append(self.entry(path, kind))
        return entries

    def warm(self) -> None:
        """Read every record once, so that the first list the editor asks for is quick."""
        for folder in sorted(KINDS):
            base = self.content / folder
            # Warming only saves time: a folder that cannot be read now is reported when the
            # editor asks for it, with a message, rather than by a traceback from this thread.
            if base.is_dir():
                with contextlib.suppress(OSError, Refused):
                    self.folder(f"{self.content.name}/{folder}")

    # ---- writing ----

    def renamed(self, source: Path, single: bool, new_path: object) -> Path:
        """Where a rename puts a record: another name in the same collection, never the
        glossary (which, as it cannot be deleted, cannot be renamed away either)."""
        target, _, target_single = self.record(new_path)
        if target == source:
            return target
        if single or target_single:
            raise Refused("The glossary cannot be renamed, and no record can take its name.")
        if target.parent != source.parent:
            raise Refused(f"A record cannot be moved to another collection: "
                          f"{self.display(source)} stays in {self.display(source.parent)}/.")
        return target

    def check(self, save: Save, current: bytes | None) -> None:
        """Refuse a save that would overwrite what the editor did not open."""
        shown = self.display(save.source)
        if save.version is None and current is not None:
            raise Refused(f"{shown} already exists, and a new record never replaces one: give "
                          "the record another name, or reload the page to open that one.",
                          status=409)
        if save.version is not None and save.version != version(current):
            happened = "deleted" if current is None else "changed"
            raise Refused(f"Someone else {happened} this record since you opened it: {shown} "
                          "was not saved. Copy your changes somewhere safe, reload the page "
                          "to see the record as it is now, and make them again.", status=409)
        if save.target != save.source and save.target.exists():
            raise Refused(f"{self.display(save.target)} already exists: a rename never "
                          "replaces another record. Choose another name.", status=409)

    def prepare(self, data_file: dict[str, Any]) -> Save:
        """Check and format one file of a save, without the save lock."""
        source, kind, single = self.record(data_file.get("path"))
        target = self.renamed(source, single, data_file["newPath"]) if data_file.get(
            "newPath") else source
        opened = data_file.get("version")
        if opened is not None and not isinstance(opened, str):
            raise Refused("The editor sent a version that is not text.")
        old = self.read(source)
        raw = str(data_file.get("raw", "")).encode("utf-8")
        save = Save(source, target, opened, b"")
        self.check(save, old)
        try:
            text = format_text(kind, single, raw, old, self.display(target), from_editor=True)
        except FormatError as err:
            shown = [p.message for p in err.problems[:3]]
            more = len(err.problems) - len(shown)
            reasons = "; ".join(shown) + (f" (and {more} more)" if more > 0 else "")
            status = 400 if isinstance(err, UnreadableError) else 422
            raise Refused("The record was not saved: " + reasons, status=status) from err
        return Save(source, target, opened, text)

    def persist(self, data_files: list[dict[str, Any]]) -> dict[str, Any]:
        saves = [self.prepare(data_file) for data_file in data_files]
        versions: dict[str, str | None] = {}
        with self._lock:  # compare and write: nothing slow is done while it is held
            for save in saves:
                self.check(save, self.read(save.source))
            for save in saves:
                write_whole(save.target, save.text)
                if save.target != save.source:
                    save.source.unlink(missing_ok=True)
                    versions[self.display(save.source)] = None
                versions[self.display(save.target)] = version(save.text)
        self.on_change()
        written = [path for path, seen in versions.items() if seen is not None]
        return {"message": "Saved " + ", ".join(written), "versions": versions}

    def delete(self, paths: list[object], versions: object = None) -> dict[str, str]:
        """Delete records; one the page opened at a version that is no longer the file's (it
        sends the versions it has) is kept, and nothing is deleted."""
        opened = versions if isinstance(versions, dict) else {}
        with self._lock:
            found = [(rel, *self.record(rel)) for rel in paths]
            for rel, path, _, single in found:
                if single:
                    raise Refused("The glossary cannot be deleted, only edited.")
                if rel in opened and opened[rel] != version(self.read(path)):
                    raise Refused(f"Someone else changed this record since you opened it: {rel} "
                                  "was not deleted. Reload the page to see it as it is now.",
                                  status=409)
            for _, path, _, _ in found:
                path.unlink(missing_ok=True)
        self.on_change()
        return {"message": "Deleted"}

    # ---- the protocol ----

    def handle(self, body: dict[str, Any]) -> Any:
        """Answer one request of Decap's proxy protocol."""
        action = body.get("action")
        params = body.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return self.folder(params.get("folder"))
        if action == "entriesByFiles":
            found = [self.record(f.get("path")) for f in params.get("files", [])]
            return [self.entry(p, kind) for p, kind, _ in found if p.is_file()]
        if action == "getEntry":
            path, kind, _ = self.record(params.get("path"))
            if not path.is_file():
                raise Refused(f"{params.get('path')} does not exist.", status=404)
            return self.entry(path, kind)
        if action == "persistEntry":
            files = params.get("dataFiles") or [params.get("entry")]
            if params.get("assets"):
                raise Refused("Roleprint records do not take uploaded files.")
            return self.persist([f for f in files if isinstance(f, dict)])
        if action in ("deleteFile", "deleteFiles"):
            return self.delete(params.get("paths") or [params.get("path")], params.get("versions"))
        if action == "getMedia":
            return []
        if action == "getDeployPreview":
            return None
        raise Refused(f"The local editor does not do '{action}'.")

