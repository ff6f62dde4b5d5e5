"""The editor's and the preview's servers answer only their own page (issue 23, points 1, 2, 4).

Plain HTTP here; tests/browser/test_editor_attack.py makes the same attempts from a web page
in Chromium.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.commands.serve import preview_server
from generator.core.loopback import BACKLOG, own_host
from tests.conftest import CONTENT, ROOT
from tests.support.editor_browser import answer, free_port
from tests.support.editor_http import (
    DELETE_ROLE,
    NEW_ROLE,
    READ_ROLES,
    Editor,
    ask,
    copy_content,
    editor_on,
    tree_digest,
)

FOREIGN = ["attacker.example", "attacker.example:{port}", "127.0.0.1:{other}",
           "localhost", "127.0.0.1", "127.0.0.2:{port}", "127.0.0.1:{port}.attacker.example"]
CLIENTS = 32


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    with editor_on(copy_content(tmp_path)) as running:
        yield running


def post(editor: Editor, value: Any, **headers: str) -> tuple[int, bytes]:
    body = value if isinstance(value, bytes) else json.dumps(value).encode("utf-8")
    return ask(editor.port, "POST", "/api/v1", body, editor.headers(**headers))


def read_all(sock: socket.socket) -> bytes:
    """The answer, read until the server closes the connection."""
    answer = b""
    while chunk := sock.recv(65536):
        answer += chunk
    return answer


def raw_request(port: int, head: str, body: bytes = b"") -> bytes:
    """Send a request as written (headers the test chooses, a body or none); the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body)
        return read_all(sock)


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


@pytest.mark.parametrize("host", FOREIGN)
def test_a_foreign_host_is_refused(editor: Editor, host: str) -> None:
    """A page on another name that resolves to 127.0.0.1 (DNS rebinding) reads and writes
    nothing: every request names that host in its Host header."""
    host = host.format(port=editor.port, other=editor.port + 1)
    before = tree_digest(editor.content)
    status, page = ask(editor.port, "GET", "/", headers={"Host": host})
    assert status == 403 and editor.server.token.encode() not in page
    assert b"only answers requests addressed to 127.0.0.1 or localhost" in page
    token = {"X-Roleprint-Token": editor.server.token}
    for path in ("/config.yml", "/roleprint/problems", "/roleprint-editor.js"):
        assert ask(editor.port, "GET", path, headers={"Host": host, **token})[0] == 403
    for action in (NEW_ROLE, DELETE_ROLE, READ_ROLES):
        status, answer = post(editor, action, Host=host, Origin=f"http://{host}")
        assert status == 403 and b"recovery" not in answer
    assert tree_digest(editor.content) == before


def test_a_request_without_a_host_is_refused(editor: Editor) -> None:
    answer = raw_request(editor.port, "GET / HTTP/1.0\n")
    assert status_of(answer) == 403 and editor.server.token.encode() not in answer


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LocalHost", "[::1]"])
def test_the_editors_own_addresses_are_answered_with_the_token_in_the_page(
        editor: Editor, name: str) -> None:
    status, page = ask(editor.port, "GET", "/", headers={"Host": f"{name}:{editor.port}"})
    assert status == 200
    assert f'<meta name="roleprint-token" content="{editor.server.token}">'.encode() in page


@pytest.mark.parametrize("path", ["/config.yml", "/roleprint/problems",
                                  "/roleprint/preview-status?path=roles/x/"])
def test_every_data_request_needs_this_runs_token(editor: Editor, path: str) -> None:
    assert ask(editor.port, "GET", path)[0] == 403
    wrong = {"X-Roleprint-Token": editor.server.token[:-1] + "x"}
    assert ask(editor.port, "GET", path, headers=wrong)[0] == 403
    right = {"X-Roleprint-Token": editor.server.token}
    assert ask(editor.port, "GET", path, headers=right)[0] == 200


def test_every_api_call_needs_this_runs_token(editor: Editor) -> None:
    before = tree_digest(editor.content)
    for action in (NEW_ROLE, DELETE_ROLE, READ_ROLES, {"action": "info"}):
        for token in ("", "not-the-token", editor.server.token.upper()):
            status, answer = post(editor, action, **{"X-Roleprint-Token": token})
            assert status == 403 and b"reload the page" in answer and b"recovery" not in answer
    assert tree_digest(editor.content) == before
    # The page's own files need no token: the page loads them before it runs any script.
    assert ask(editor.port, "GET", "/roleprint-token.js")[0] == 200


@pytest.mark.parametrize("headers", [
    {"Content-Type": "text/plain"}, {"Content-Type": "text/plain;charset=UTF-8"},
    {"Content-Type": "application/x-www-form-urlencoded"},
    {"Content-Type": "multipart/form-data; boundary=x"}, {"Content-Type": ""},
    {"Content-Type": "application/jsonp"},
    {"Origin": "http://127.0.0.1:1"}, {"Origin": "null"}, {"Origin": "http://attacker.example"},
    {"Origin": "https://127.0.0.1:{port}"}, {"Origin": "http://localhost:{port}"},
    {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
    {"Sec-Fetch-Site": "none"},
], ids=lambda h: "-".join(f"{k}={v}" for k, v in h.items()))
def test_a_write_must_be_json_from_the_editors_own_page(
        editor: Editor, headers: dict[str, str]) -> None:
    headers = {k: v.format(port=editor.port) for k, v in headers.items()}
    before = tree_digest(editor.content)
    for action in (NEW_ROLE, DELETE_ROLE, READ_ROLES):
        status, answer = post(editor, action, **headers)
        assert status in (403, 415) and b"recovery" not in answer
    assert tree_digest(editor.content) == before


def test_the_editors_own_page_reads_writes_and_deletes(editor: Editor) -> None:
    status, answer = post(editor, READ_ROLES)
    assert status == 200 and "recovery-navigator" in answer.decode()
    assert post(editor, NEW_ROLE)[0] == 200
    assert (editor.content / "roles" / "csrf-proof.yaml").is_file()
    assert post(editor, DELETE_ROLE)[0] == 200
    assert not (editor.content / "roles" / "recovery-navigator.yaml").exists()
    # Reached as localhost, the page's origin is http://localhost:PORT.
    local = f"localhost:{editor.port}"
    assert post(editor, READ_ROLES, Host=local, Origin=f"http://{local}")[0] == 200
    # Without Origin and Sec-Fetch-Site (not a browser): the token and JSON are enough.
    headers = editor.headers()
    del headers["Origin"], headers["Sec-Fetch-Site"]
    assert ask(editor.port, "POST", "/api/v1", json.dumps(READ_ROLES).encode(), headers)[0] == 200


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
def test_other_methods_are_refused(editor: Editor, method: str) -> None:
    before = tree_digest(editor.content)
    status, _ = ask(editor.port, method, "/api/v1", json.dumps(DELETE_ROLE).encode(),
                    editor.headers())
    assert status == 405
    assert tree_digest(editor.content) == before


def head(editor: Editor, *lines: str) -> str:
    """A save's request line and headers (token, JSON, own origin) and `lines`."""
    fixed = "".join(f"{k}: {v}\n" for k, v in editor.headers().items())
    return f"POST /api/v1 HTTP/1.1\nHost: 127.0.0.1:{editor.port}\n{fixed}" + \
        "".join(line + "\n" for line in lines)


@pytest.mark.parametrize(("lines", "status"), [
    (["Content-Length: 2000001"], 413),
    (["Content-Length: 99999999999"], 413),
    (["Transfer-Encoding: chunked"], 411),
    ([], 411),
    (["Content-Length: abc"], 400),
    (["Content-Length: -5"], 400),
    (["Content-Length: +5"], 400),
    (["Content-Length: 1e3"], 400),
    (["Content-Length: 5", "Content-Length: 6"], 400),
])
def test_a_bad_or_huge_length_is_answered_at_once(
        editor: Editor, lines: list[str], status: int) -> None:
    """Answered from the headers alone: the server reads no body it has refused (this sends
    none, and a server waiting for one would never answer)."""
    before = tree_digest(editor.content)
    answer = raw_request(editor.port, head(editor, *lines, "Connection: close"))
    assert status_of(answer) == status
    assert tree_digest(editor.content) == before


def test_a_body_without_a_length_is_refused(editor: Editor) -> None:
    body = json.dumps(NEW_ROLE).encode()
    answer = raw_request(editor.port, head(editor, "Connection: close"), body)
    assert status_of(answer) == 411
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    answer = raw_request(editor.port, head(editor, "Transfer-Encoding: chunked"), chunked)
    assert status_of(answer) == 411
    assert not (editor.content / "roles" / "csrf-proof.yaml").exists()


@pytest.mark.parametrize("body", [
    b"[" * 100_000, b"{\"a\":" * 100_000, b"[" * 100_000 + b"]" * 100_000,
    b'{"action": "info", "params": {"x": ' + b"[" * 200 + b"]" * 200 + b"}}",
], ids=["open-lists", "open-maps", "closed-lists", "nested-params"])
def test_deeply_nested_json_is_answered_400_without_a_traceback(
        editor: Editor, body: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    status, answer = post(editor, body)
    assert status == 400 and (b"not understood" in answer or b"nested too deeply" in answer)
    assert post(editor, READ_ROLES)[0] == 200  # and the server goes on answering
    assert "Traceback" not in capsys.readouterr().err


def test_a_slow_body_holds_nothing_and_is_dropped(editor: Editor) -> None:
    """A body that trickles in keeps neither the saves nor other requests waiting, and the
    connection is closed once the body is overdue."""
    editor.server.RequestHandlerClass.body_seconds = 1.0  # type: ignore[attr-defined]
    with socket.create_connection(("127.0.0.1", editor.port), timeout=60) as slow:
        request = head(editor, "Content-Length: 1000").replace("\n", "\r\n") + "\r\n"
        slow.sendall(request.encode("latin-1") + b'{"action": "persistEntry", ')
        assert post(editor, NEW_ROLE)[0] == 200  # while the slow body is still owed
        assert status_of(read_all(slow)) == 408


def test_32_simultaneous_requests_are_all_answered(editor: Editor) -> None:
    start = threading.Barrier(CLIENTS)
    statuses: list[int] = []

    def client(index: int) -> None:
        start.wait(timeout=60)
        if index % 2:
            statuses.append(post(editor, READ_ROLES)[0])
        else:
            token = {"X-Roleprint-Token": editor.server.token}
            statuses.append(ask(editor.port, "GET", "/roleprint/problems", headers=token)[0])

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [200] * CLIENTS


def queued_requests(port: int, head: str) -> list[socket.socket]:
    """CLIENTS connections made while the server accepts none: the kernel holds them in the
    listen queue, or (a short queue) leaves the rest unconnected."""
    sockets = []
    for _ in range(CLIENTS):
        sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        sock.sendall(head.encode("latin-1"))
        sockets.append(sock)
    return sockets


def answers(sockets: list[socket.socket]) -> list[int]:
    statuses = []
    for sock in sockets:
        with sock:
            statuses.append(status_of(read_all(sock)))
    return statuses


def test_a_burst_waits_in_the_queue_instead_of_being_refused(tmp_path: Path) -> None:
    with editor_on(copy_content(tmp_path), serving=False) as editor:
        assert editor.server.request_queue_size == BACKLOG >= 2 * CLIENTS
        request = (f"GET /roleprint/problems HTTP/1.0\r\nHost: 127.0.0.1:{editor.port}\r\n"
                   f"X-Roleprint-Token: {editor.server.token}\r\n\r\n")
        sockets = queued_requests(editor.port, request)
        threading.Thread(target=editor.server.serve_forever, daemon=True).start()
        assert answers(sockets) == [200] * CLIENTS


@contextlib.contextmanager
def preview_on(folder: Path, serving: bool = True) -> Iterator[Any]:
    """The preview's server over a folder with one page (its build loop is not needed)."""
    (folder / "index.html").write_text("<p>Draft: not yet checked</p>", encoding="utf-8")
    server = preview_server("127.0.0.1", free_port(), builder=lambda: None, root=str(folder))
    server.server_bind()
    server.server_activate()
    if serving:
        server.serve_thread.start()
    try:
        yield server
    finally:
        server.shutdown()


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[int]:
    with preview_on(tmp_path) as server:
        yield server.server_port


@pytest.mark.parametrize("host", FOREIGN)
def test_the_preview_refuses_a_foreign_host(preview: int, host: str) -> None:
    host = host.format(port=preview, other=preview + 1)
    status, page = ask(preview, "GET", "/", headers={"Host": host})
    assert status == 403 and b"Draft" not in page
    assert status_of(raw_request(preview, "GET / HTTP/1.0\n")) == 403  # no Host at all


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "[::1]"])
def test_the_preview_answers_its_own_addresses(preview: int, name: str) -> None:
    status, page = ask(preview, "GET", "/", headers={"Host": f"{name}:{preview}"})
    assert status == 200 and b"Draft" in page


def test_the_preview_takes_a_burst_too(tmp_path: Path) -> None:
    with preview_on(tmp_path, serving=False) as server:
        request = f"GET / HTTP/1.0\r\nHost: 127.0.0.1:{server.server_port}\r\n\r\n"
        sockets = queued_requests(server.server_port, request)
        server.serve_thread.start()
        assert answers(sockets) == [200] * CLIENTS


def test_roleprint_serve_refuses_a_foreign_host(tmp_path: Path) -> None:
    """The real command: the preview it serves (drafts included) answers only its own names."""
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(CONTENT),
         "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        answer(f"http://127.0.0.1:{port}/", child=child)
        assert ask(port, "GET", "/", headers={"Host": f"localhost:{port}"})[0] == 200
        for host in FOREIGN:
            status, page = ask(port, "GET", "/roles/", headers={
                "Host": host.format(port=port, other=port + 1)})
            assert status == 403 and b"Draft" not in page
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=60)


def test_a_preview_on_a_network_address_also_answers_to_that_address() -> None:
    """`roleprint serve --dev-addr 192.168.1.5:8000` is reached by that address too; bound to
    every address (0.0.0.0) it still answers only the loopback names."""
    assert own_host("192.168.1.5:8000", 8000, "192.168.1.5") == "192.168.1.5:8000"
    assert own_host("[FE80::1]:8000", 8000, "fe80::1") == "[fe80::1]:8000"
    assert own_host("192.168.1.5:8000", 8000, "0.0.0.0") is None
    assert own_host("localhost:8000", 8000, "0.0.0.0") == "localhost:8000"
    assert own_host("192.168.1.5:8000", 8000) is None  # the editor: 127.0.0.1 only
