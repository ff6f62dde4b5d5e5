"""The editor's server on a copy of the shipped content, in this process, and plain HTTP to it."""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.editor.server import EditorServer, make_server
from tests.conftest import CONTENT

NEW_ROLE = {"action": "persistEntry", "params": {"dataFiles": [
    {"path": "content/roles/csrf-proof.yaml",
     "raw": "title: Written by another site\norganisation: second-step\n"}]}}
DELETE_ROLE = {"action": "deleteFiles",
               "params": {"paths": ["content/roles/recovery-navigator.yaml"]}}
READ_ROLES = {"action": "entriesByFolder",
              "params": {"folder": "content/roles", "extension": "yaml", "depth": 1}}


@dataclass
class Editor:
    server: EditorServer
    content: Path

    @property
    def port(self) -> int:
        return self.server.server_port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def headers(self, **extra: str) -> dict[str, str]:
        """What the editor's own page sends with a save."""
        return {"X-Roleprint-Token": self.server.token, "Content-Type": "application/json",
                "Origin": self.url, "Sec-Fetch-Site": "same-origin", **extra}


def copy_content(folder: Path) -> Path:
    target = folder / "content"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("sources"))
    return target


@contextlib.contextmanager
def editor_on(content: Path, serving: bool = True, **options: Path) -> Iterator[Editor]:
    """The editor's server for `content` on a free port (answering only if `serving`);
    `options` for `make_server` (where the Publish button builds the site: `site_dir`)."""
    server = make_server(content, "127.0.0.1", 0, "http://127.0.0.1:1", **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    if serving:
        thread.start()
    try:
        yield Editor(server, content)
    finally:
        if thread.is_alive():
            server.shutdown()
        server.server_close()


def ask(port: int, method: str, path: str, body: bytes | None = None,
        headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """One request over plain HTTP (http.client sends Host: 127.0.0.1:PORT unless told)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` by its path, with a hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
