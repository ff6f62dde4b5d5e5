"""The editor's web server: the page, Decap CMS from node_modules, the backend, the problems.

Everything the browser loads comes from here (nothing from a CDN): the page and Roleprint's
own script and styles from `assets/`, Decap CMS from `node_modules/decap-cms/dist/` (installed
by `make npm` at the version in package-lock.json), the configuration made from the schemas.
"""

from __future__ import annotations

import contextlib
import html
import http.server
import json
import mimetypes
import secrets
import socket
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, cast

from generator.core import report
from generator.core.loopback import BACKLOG, FOREIGN_HOST, own_host
from generator.editor.backend import Backend, Refused
from generator.editor.config import decap_config
from generator.editor.guard import (
    BODY_SECONDS,
    MAX_BODY,
    Unwelcome,
    body_length,
    check_same_origin_json,
    check_token,
    read_body,
    too_deep,
)
from generator.editor.messages import officer
from generator.editor.publish import Publisher

ASSETS = Path(__file__).resolve().parent / "assets"
# The checkout's own node_modules (generator/editor/ is two folders below the checkout root).
DECAP = Path(__file__).resolve().parent.parent.parent / "node_modules" / "decap-cms" / "dist"
OWN = {f"/{name}": name
       for name in ("roleprint-token.js", "roleprint-tasks.js", "roleprint-review.js",
                    "roleprint-messages.js", "roleprint-publish.js", "roleprint-editor.js",
                    "roleprint-editor.css")}
PUBLISH = "/roleprint/publish"


class Checker:
    """Checks the content again after each save, in the background, and keeps the last report."""

    def __init__(self, content: Path) -> None:
        self.content = content
        self.version = 0
        self.report: dict[str, Any] = {"version": 0, "checking": True, "problems": []}
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        self._looked = 0.0
        self._seen: int | None = None
        threading.Thread(target=self._loop, daemon=True, name="roleprint-editor-check").start()
        self.changed()

    def signature(self) -> int:
        """A fingerprint of the content's files (names, sizes, times): it changes when a file
        is edited outside the editor, in a text editor or by `roleprint import`."""
        seen = []
        for path in sorted(self.content.rglob("*")):
            with contextlib.suppress(OSError):
                info = path.stat()
                seen.append((str(path), info.st_mtime_ns, info.st_size))
        return hash(tuple(seen))

    def current(self) -> dict[str, Any]:
        """The last report; the content is checked again first if a file has changed outside
        the editor since the last look (looked at once a second at most)."""
        now = time.monotonic()
        if now - self._looked >= 1.0:
            self._looked = now
            seen = self.signature()
            if seen != self._seen:
                if self._seen is not None:
                    self.changed()
                self._seen = seen
        return self.report

    def changed(self) -> None:
        with self._lock:
            self.version += 1
            self.report = {**self.report, "checking": True}
            self._seen = None  # what the check reads next is the new look
        self._wanted.set()

    def _loop(self) -> None:
        from generator.content.validate import validate

        while True:
            self._wanted.wait()
            self._wanted.clear()
            version = self.version
            try:
                problems, files = validate(self.content)
                report = {"problems": [officer(p, self.content) for p in problems],
                          "files": files}
            except Exception as err:  # a report, not a dead thread: the editor must say so
                report = {"problems": [], "files": 0, "failed": f"The check stopped: {err}"}
            with self._lock:
                self.report = {**report, "version": version, "builds": builds(report),
                               "checking": version != self.version}


def builds(report: dict[str, Any]) -> bool | None:
    """Whether the records, as last checked, can be built: the live preview and a build load
    them with the same checks, and refuse them while there are errors (the preview then keeps
    its last good version). None when the check itself failed, and so it is not known."""
    if report.get("failed"):
        return None
    return not any(p.get("severity") == "error" for p in report["problems"])


def preview_has(preview: str, request: str) -> dict[str, bool]:
    """Whether the live preview serves the page named in `?path=` yet (`ready`), and whether
    it answers at all (`answering`), asked from here, as the browser cannot read another
    port's answers."""
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(request).query)
    path = query.get("path", [""])[0]
    if not path or path.startswith("/") or ".." in path:
        return {"ready": False, "answering": True}
    try:
        with urllib.request.urlopen(f"{preview}/{urllib.parse.quote(path)}", timeout=3) as answer:
            return {"ready": bool(answer.status == 200), "answering": True}
    except urllib.error.HTTPError:  # it answered: not this page (yet)
        return {"ready": False, "answering": True}
    except OSError:
        return {"ready": False, "answering": False}


def preview_status(preview: str, request: str, checked: dict[str, Any]) -> dict[str, Any]:
    """What the preview pane shows for a record: its page (`ready`), and whether the content
    as last saved can be shown at all. The preview loads the content with the same checks as
    the Checker: while they find errors, it keeps the last good version (`builds` False)."""
    return {**preview_has(preview, request), "checking": bool(checked.get("checking")),
            "builds": checked.get("builds")}


def page(preview: str, token: str) -> bytes:
    """The editor's page, with the live preview's address and this run's token."""
    text = (ASSETS / "index.html").read_text(encoding="utf-8")
    return (text.replace("{{ preview }}", html.escape(preview, quote=True))
            .replace("{{ token }}", html.escape(token, quote=True)).encode("utf-8"))


def make_handler(backend: Backend, checker: Checker, preview: str, token: str,
                 publisher: Publisher) -> type:
    def config() -> bytes:
        """Made for each page load: an assessment method an organisation has just added is
        offered after a reload."""
        made = decap_config(backend.content.name, content=backend.content)
        return json.dumps(made, ensure_ascii=False).encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        server_version = "roleprint-editor"
        timeout = BODY_SECONDS  # a request line or header sent slower than this is dropped
        body_seconds = BODY_SECONDS

        def log_message(self, format: str, *args: object) -> None:
            pass  # the terminal shows the preview's messages; requests would drown them

        def send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            # Never inside another website's frame: the editor opens with no login, so a
            # framed editor would save whatever a visitor is tricked into clicking.
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Content-Security-Policy", "frame-ancestors 'none'")
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, status: int, value: Any) -> None:
            self.send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"),
                      "application/json; charset=utf-8")

        def refuse(self, err: Unwelcome) -> None:
            """A refusal in a sentence: as JSON to the page's scripts (Decap shows its
            `error`), as text otherwise. The request's body is never parsed."""
            self.close_connection = True
            if self.path.startswith(("/api/", "/roleprint/")):
                self.send_json(err.status, {"error": str(err)})
            else:
                self.send(err.status, str(err).encode("utf-8"), "text/plain; charset=utf-8")
            self.linger()

        def linger(self) -> None:
            """Let the client read the refusal before the connection closes: closing with a
            body still unread would reset it, answer and all. What is drained is thrown away,
            up to the largest body taken, for a second at most."""
            deadline = time.monotonic() + 1.0
            with contextlib.suppress(OSError, ValueError):  # ValueError: the second is up
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_WR)
                drained = 0
                while drained < MAX_BODY:
                    self.connection.settimeout(deadline - time.monotonic())
                    chunk = self.connection.recv(65536)
                    if not chunk:
                        break
                    drained += len(chunk)

        def own_host(self) -> str:
            port = cast(http.server.HTTPServer, self.server).server_port
            host = own_host(self.headers.get("Host"), port)
            if host is None:
                raise Unwelcome(403, FOREIGN_HOST)
            return host

        def do_GET(self) -> None:
            try:
                self.own_host()
                route = self.path.split("?", 1)[0]
                if route == "/config.yml" or route.startswith("/roleprint/"):
                    check_token(self.headers, token)
            except Unwelcome as err:
                return self.refuse(err)
            if route in ("/", "/index.html"):
                return self.send(200, page(preview, token), "text/html; charset=utf-8")
            if route == "/config.yml":  # JSON is YAML too; Decap reads it either way
                return self.send(200, config(), "text/yaml; charset=utf-8")
            if route == "/roleprint/problems":
                return self.send_json(200, checker.current())
            if route == "/roleprint/preview-status":
                return self.send_json(200, preview_status(preview, self.path, checker.report))
            if route == PUBLISH:
                return self.send_json(200, publisher.status())
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
            try:
                host = self.own_host()
                check_token(self.headers, token)
                if self.path not in ("/api/v1", PUBLISH):
                    return self.send_json(404, {"error": "Not found"})
                check_same_origin_json(self.headers, host)
                body = json.loads(read_body(self.rfile, self.connection,
                                            body_length(self.headers), self.body_seconds))
                if too_deep(body):
                    raise Unwelcome(400, "The editor's request is nested too deeply.")
            except Unwelcome as err:
                return self.refuse(err)
            except (ValueError, RecursionError) as err:  # not JSON, or nested past Python's limit
                message = f"The editor's request was not understood: {err}"
                return self.send_json(400, {"error": message})
            if self.path == PUBLISH:
                return self.send_json(*publisher.press())
            try:
                return self.send_json(200, backend.handle(body))
            except Refused as err:
                return self.send_json(err.status, {"error": str(err)})
            except (ValueError, AttributeError, TypeError) as err:
                message = f"The editor's request was not understood: {err}"
                return self.send_json(400, {"error": message})

        def refuse_method(self) -> None:
            try:
                self.own_host()
            except Unwelcome as err:
                return self.refuse(err)
            return self.refuse(Unwelcome(405, "The editor only reads (GET) and saves (POST)."))

        do_PUT = do_DELETE = do_PATCH = do_OPTIONS = refuse_method

    return Handler


class EditorServer(http.server.ThreadingHTTPServer):
    """One thread a request; a burst of requests waits in the queue instead of being reset."""

    request_queue_size = BACKLOG
    daemon_threads = True
    token = ""  # this run's secret, handed out in the editor's page only
    publisher: Publisher  # the "Publish site" button's builds

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that went away is nothing to report; anything else is, in one line."""
        err = sys.exc_info()[1]
        if isinstance(err, OSError):
            return
        report.fail(f"the editor could not answer a request ({type(err).__name__}: {err})."
              " This is a fault in Roleprint: please report it.")


def make_server(content: Path, host: str, port: int, preview: str, *,
                config: Path | None = None, site_dir: Path | None = None) -> EditorServer:
    """The editor's server for one content folder (not yet serving), with a new secret token
    (`server.token`) that only the page it serves is given. Its "Publish site" button builds
    the site with `config` into `site_dir` (by default as `roleprint build` does)."""
    publisher = Publisher(content, config, site_dir)
    checker = Checker(content)
    backend = Backend(content, on_change=checker.changed)
    threading.Thread(target=backend.warm, daemon=True, name="roleprint-editor-warm").start()
    token = secrets.token_urlsafe(32)
    server = EditorServer((host, port), make_handler(backend, checker, preview, token,
                                                         publisher))
    server.token = token
    server.publisher = publisher
    return server
