"""Edit to preview: how long after saving a role the live preview shows the change.

`roleprint serve` keeps its staging tree in `.staging` under its working folder, so it runs in a
scratch folder of its own with a copy of mkdocs.yml: the project's `.staging` is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks.measure import ROLEPRINT, config_copy, rename_role

POLL = 0.05
# The search index is megabytes at N=1000: fetching and parsing it every 50 ms would take the
# CPU the rebuild needs, so it is polled less often.
INDEX_POLL = 0.5


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as err:
        return err.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, ""


def _index_state(text: str, wanted: list[str]) -> str:
    """'ok' when the search index is JSON holding every wanted title, else what is wrong."""
    try:
        docs = json.loads(text)["docs"]
    except (ValueError, KeyError, TypeError):
        return "not valid JSON"
    titles = {d.get("title") for d in docs if isinstance(d, dict)}
    missing = [t for t in wanted if t not in titles]
    return "ok" if not missing else f"missing {missing[0]!r}"


def _stop(child: subprocess.Popen[bytes]) -> float:
    """End the server's whole process group; return its peak memory in MB."""
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, sig)
        if child.returncode is not None:  # already reaped by poll(): no usage to read
            return 0.0
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                child.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_maxrss / 1024
            time.sleep(0.1)
    return 0.0


def edit_to_preview(content: Path, work: Path, env: dict[str, str], role_id: str,
                    others: dict[str, str], timeout: float) -> dict[str, Any]:
    """Start serve, rename one role, and time the page and the search index catching up."""
    folder = work / "serve"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    config_copy(folder / "mkdocs.yml")
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    page = f"{base}/roles/{role_id}/"
    result: dict[str, Any] = {"role": role_id}
    with (folder / "serve.log").open("wb") as log:
        start = time.perf_counter()
        child = subprocess.Popen(
            [str(ROLEPRINT), "serve", "--content", str(content.resolve()), "--config",
             str(folder / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
            cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        old_text = None
        try:
            if not _wait(lambda: _get(page)[0] == 200, start + timeout, child):
                result["status"] = "server did not start" if child.poll() is None else (
                    f"server exited ({child.returncode})")
                return result
            result["startup_s"] = time.perf_counter() - start
            title = f"Bench Edit {time.time_ns() % 10**9}"
            old_text = rename_role(content, role_id, title)
            edited = time.perf_counter()
            if not _wait(lambda: title in _get(page)[1], edited + timeout, child):
                result["status"] = "timed out"
                return result
            result["page_s"] = time.perf_counter() - edited
            states: list[str] = []

            def index_caught_up() -> bool:
                status, text = _get(f"{base}/search/search_index.json")
                if status != 200:
                    states.append(f"HTTP {status}")
                    return False
                state = _index_state(text, list(others.values()))
                if state != "ok":
                    states.append(state)
                    return False
                return title in text

            if _wait(index_caught_up, edited + timeout, child, INDEX_POLL):
                result["index_s"] = time.perf_counter() - edited
                result["status"] = "ok"
            else:
                result["status"] = "search index timed out"
            result["index_intact"] = not states
            result["index_problems"] = sorted(set(states))[:5]
            return result
        finally:
            if old_text is not None:
                (content / "roles" / f"{role_id}.yaml").write_text(old_text, encoding="utf-8")
            result["rss_mb"] = _stop(child)


def _wait(ready: Any, deadline: float, child: subprocess.Popen[bytes],
          every: float = POLL) -> bool:
    while time.perf_counter() < deadline:
        if child.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(every)
    return False
