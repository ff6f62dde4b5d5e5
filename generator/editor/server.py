"""The editor's web server: the page, Decap CMS from node_modules, the backend, the problems.

Everything the browser loads comes from here (nothing from a CDN): the page and Roleprint's
own script and styles from `assets/`, Decap CMS from `node_modules/decap-cms/dist/` (installed
by `make npm` at the version in package-lock.json), the configuration made from the schemas.
"""

from __future__ import annotations

import html
import http.server
import json
import mimetypes
import threading
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from generator.editor.backend import Backend, Refused, plain
from generator.editor.config import decap_config

ASSETS = Path(__file__).resolve().parent / "assets"
# The checkout's own node_modules (generator/editor/ is two folders below the checkout root).
DECAP = Path(__file__).resolve().parent.parent.parent / "node_modules" / "decap-cms" / "dist"
OWN = {f"/{name}": name for name in ("roleprint-editor.js", "roleprint-editor.css")}
MAX_BODY = 2_000_000  # a record is at most 1 MB; its JSON request a little more


class Checker:
    """Checks the content again after each save, in the background, and keeps the last report."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.version = 0
        self.report: dict[str, Any] = {"version": 0, "checking": True, "problems": []}
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._loop, daemon=True, name="roleprint-editor-check").start()
        self.changed()

    def changed(self) -> None:
        with self._lock:
            self.version += 1
            self.report = {**self.report, "checking": True}
        self._wanted.set()

    def _loop(self) -> None:
        from generator.validate import validate

        while True:
            self._wanted.wait()
            self._wanted.clear()
            version = self.version
            try:
                problems, files = validate(self.content)
                report = {"problems": [plain(p) for p in problems], "files": files}
            except Exception as err:  # a report, not a dead thread: the editor must say so
                report = {"problems": [], "files": 0, "failed": f"The check stopped: {err}"}
            with self._lock:
                self.report = {**report, "version": version,
                               "checking": version != self.version}


def preview_has(preview: str, request: str) -> bool:
    """Whether the live preview serves the page named in `?path=` yet (asked from here, as
    the browser cannot read another port's answers)."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(request).query)
    path = query.get("path", [""])[0]
    if not path or path.startswith("/") or ".." in path:
        return False
    try:
        with urllib.request.urlopen(f"{preview}/{urllib.parse.quote(path)}", timeout=3) as answer:
            return bool(answer.status == 200)
    except OSError:
        return False


def page(preview: str) -> bytes:
    """The editor's page, with the live preview's address for the preview pane."""
    text = (ASSETS / "index.html").read_text(encoding="utf-8")
    return text.replace("{{ preview }}", html.escape(preview, quote=True)).encode("utf-8")


def make_handler(backend: Backend, checker: Checker, preview: str) -> type:
    config = json.dumps(decap_config(backend.content.name), ensure_ascii=False).encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "roleprint-editor"

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows the preview's messages; requests would drown them

        def send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status: int, value: Any) -> None:
            self.send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"),
                      "application/json; charset=utf-8")

        def do_GET(self) -> None:
            route = self.path.split("?", 1)[0]
            if route in ("/", "/index.html"):
                return self.send(200, page(preview), "text/html; charset=utf-8")
            if route == "/config.yml":  # JSON is YAML too; Decap reads it either way
                return self.send(200, config, "text/yaml; charset=utf-8")
            if route == "/roleprint/problems":
                return self.send_json(200, checker.report)
            if route == "/roleprint/preview-status":
                return self.send_json(200, {"ready": preview_has(preview, self.path)})
            if route in OWN:
                return self.file(ASSETS / OWN[route])
            if route.startswith("/decap/"):
                name = route.removeprefix("/decap/")
                if "/" not in name and name and not name.startswith("."):
                    return self.file(DECAP / name)
            return self.send(404, b"Not found", "text/plain; charset=utf-8")

        def file(self, path: Path) -> None:
            if not path.is_file():
                return self.send(404, b"Not found: run make npm", "text/plain; charset=utf-8")
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if kind.startswith("text/") or kind.endswith("javascript"):
                kind += "; charset=utf-8"
            self.send(200, path.read_bytes(), kind)

        def do_POST(self) -> None:
            if self.path != "/api/v1":
                return self.send_json(404, {"error": "Not found"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self.send_json(413, {"error": "The record is too large to save."})
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                return self.send_json(200, backend.handle(body))
            except Refused as err:
                return self.send_json(err.status, {"error": str(err)})
            except (ValueError, AttributeError, TypeError) as err:
                message = f"The editor's request was not understood: {err}"
                return self.send_json(400, {"error": message})

    return Handler


def make_server(content: Path, host: str, port: int,
                preview: str) -> http.server.ThreadingHTTPServer:
    """The editor's server for one content folder (not yet serving)."""
    checker = Checker(content)
    backend = Backend(content, on_change=checker.changed)
    threading.Thread(target=backend.warm, daemon=True, name="roleprint-editor-warm").start()
    server = http.server.ThreadingHTTPServer((host, port), make_handler(backend, checker, preview))
    server.daemon_threads = True
    return server
