"""The editor's local backend: Decap CMS's proxy protocol, answered by Roleprint in Python.

Decap's own local server (`decap-server`, Node) writes whatever the browser sends. This one
writes only record files under the content folder, gives every save to `roleprint format`
first (so the file keeps its schema line, comments and layout), and checks the content again
after each save so that the editor can show what Roleprint found. It takes one POST body,
`{"action": ..., "params": {...}}`, as `decap-cms-backend-proxy` sends it.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from generator.cache import write_whole
from generator.discover import KINDS, SINGLE_FILES
from generator.editor.format import FormatError, format_text
from generator.editor.shapes import widen
from generator.problems import Problem
from generator.yamlload import load_text


class Refused(Exception):
    """A request the backend will not carry out; its message is shown in the editor."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class Backend:
    """Reads and writes the records of one content folder for the editor."""

    def __init__(self, content: Path, on_change: Any = None) -> None:
        self.content = content.resolve()
        self.root = self.content.parent
        self.on_change = on_change or (lambda: None)
        self._lock = threading.Lock()  # one save at a time: each reads the file it replaces
        self._widened: dict[Path, tuple[int, int, str]] = {}

    # ---- paths: only record files under the content folder, as the discovery rules say ----

    def record(self, rel: object) -> tuple[Path, str, bool]:
        """The file a path from the editor names, its record kind, and whether it is single."""
        if not isinstance(rel, str) or not rel.endswith(".yaml"):
            raise Refused("The editor can only open and save .yaml records.")
        path = (self.root / rel).resolve()
        if path.parent == self.content and path.name in SINGLE_FILES:
            return path, SINGLE_FILES[path.name], True
        if path.parent.parent != self.content or path.parent.name not in KINDS:
            raise Refused(f"{rel} is not a record in one of the content folders.")
        return path, KINDS[path.parent.name], False

    def display(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    # ---- reading ----

    def entry(self, path: Path, kind: str) -> dict[str, Any]:
        """One record as the editor reads it: widened for its forms, as JSON text (valid YAML)."""
        stat = path.stat()
        cached = self._widened.get(path)
        if cached and cached[:2] == (stat.st_mtime_ns, stat.st_size):
            data = cached[2]
        else:
            raw = path.read_bytes()
            doc, _ = load_text(self.display(path), raw)
            # A file the loader refuses is given as it is: the editor shows what it can and
            # the problems panel says what is wrong with it.
            data = raw.decode("utf-8", "replace") if doc is None else json.dumps(
                widen(kind, doc.data), ensure_ascii=False, separators=(",", ":"))
            self._widened[path] = (stat.st_mtime_ns, stat.st_size, data)
        return {"data": data, "file": {"path": self.display(path), "id": None}}

    def folder(self, folder: object) -> list[dict[str, Any]]:
        if not isinstance(folder, str):
            raise Refused("No folder was named.")
        base = (self.root / folder).resolve()
        if base.parent != self.content or base.name not in KINDS:
            raise Refused(f"{folder} is not one of the content folders.")
        kind = KINDS[base.name]
        files = sorted(p for p in base.glob("*.yaml") if not p.name.startswith("."))
        return [self.entry(p, kind) for p in files]

    def warm(self) -> None:
        """Read every record once, so that the first list the editor asks for is quick."""
        for folder in sorted(KINDS):
            base = self.content / folder
            if base.is_dir():
                self.folder(f"{self.content.name}/{folder}")

    # ---- writing ----

    def persist(self, data_files: list[dict[str, Any]]) -> dict[str, str]:
        with self._lock:
            written = []
            for data_file in data_files:
                path, kind, single = self.record(data_file.get("path"))
                target = path
                if data_file.get("newPath"):
                    target, _, _ = self.record(data_file["newPath"])
                old = path.read_bytes() if path.is_file() else None
                raw = str(data_file.get("raw", "")).encode("utf-8")
                try:
                    text = format_text(kind, single, raw, old, self.display(target),
                                       from_editor=True)
                except FormatError as err:
                    raise Refused("The record was not saved: " + "; ".join(
                        p.message for p in err.problems), 422) from err
                write_whole(target, text)
                if target != path and path.is_file():
                    path.unlink()
                written.append(self.display(target))
        self.on_change()
        return {"message": "Saved " + ", ".join(written)}

    def delete(self, paths: list[object]) -> dict[str, str]:
        with self._lock:
            for rel in paths:
                path, _, single = self.record(rel)
                if single:
                    raise Refused("The glossary cannot be deleted, only edited.")
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
                raise Refused(f"{params.get('path')} does not exist.", 404)
            return self.entry(path, kind)
        if action == "persistEntry":
            files = params.get("dataFiles") or [params.get("entry")]
            if params.get("assets"):
                raise Refused("Roleprint records do not take uploaded files.")
            return self.persist([f for f in files if isinstance(f, dict)])
        if action in ("deleteFile", "deleteFiles"):
            return self.delete(params.get("paths") or [params.get("path")])
        if action == "getMedia":
            return []
        if action == "getDeployPreview":
            return None
        raise Refused(f"The local editor does not do '{action}'.")


def plain(problem: Problem) -> dict[str, str]:
    """A problem as the editor's panel shows it."""
    return {"file": problem.path, "where": f"line {problem.line}", "message": problem.message,
            "hint": problem.hint, "severity": problem.severity, "field": problem.json_path}
