"""A killed build leaves no process behind (issue 23, point 8).

`roleprint build` with PDFs starts a pool (a forkserver, its workers and a resource tracker);
a build killed with `kill -9` runs none of its clean-up, and its workers used to wait for ever
for work, holding its output open, so `roleprint build | cat` never ended. Every process a
run starts carries a mark in its environment (inherited by all its descendants, whoever their
parent), so the test finds them all, and after each kill every one must be gone, and a reader
of the build's output must reach its end, within five seconds.
"""

from __future__ import annotations

import os
import random
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

MARK = "ROLEPRINT_KILL_TEST"
KILLS = 20
SEED = 23
GRACE = 5.0  # seconds a killed run's processes may take to end (a deadline, not a wait)


def marked(token: str) -> dict[int, str]:
    """The live processes (not zombies) whose environment carries `MARK=token`, with their
    command lines."""
    needle = f"{MARK}={token}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rpartition(")")[2].split()[0]
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # ended meanwhile, or not ours to read
            continue
        if needle in environ and state != "Z":
            found[int(entry.name)] = command
    return found


def start(args: list[str], token: str, env: dict[str, str] | None = None) -> subprocess.Popen:
    """`args` in a session of its own, marked with `token`, its output (both streams) in a
    pipe."""
    return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True,
                            env={**os.environ, **(env or {}), MARK: token,
                                 "PYTHONDONTWRITEBYTECODE": "1"})


def leftovers(run: subprocess.Popen, token: str) -> tuple[dict[int, str], str | None]:
    """Once `run` has ended: the marked processes still alive when all had gone or GRACE
    passed, and its output if a reader reached its end by then (else None). Whatever is
    left is then killed."""
    run.wait()
    deadline = time.monotonic() + GRACE
    output = _read_to_end(run, deadline)
    alive = marked(token)
    while alive and time.monotonic() < deadline:
        time.sleep(0.05)  # polling against the deadline, not a wait for something
        alive = marked(token)
    for pid in alive:  # ours: they carry this run's mark
        os.kill(pid, signal.SIGKILL)
    return alive, output


def _read_to_end(run: subprocess.Popen, deadline: float) -> str | None:
    assert run.stdout is not None
    chunks: list[bytes] = []
    with run.stdout, selectors.DefaultSelector() as selector:
        selector.register(run.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if not selector.select(timeout=left):
                continue
            chunk = os.read(run.stdout.fileno(), 65536)
            if not chunk:
                return b"".join(chunks).decode("utf-8", errors="replace")
            chunks.append(chunk)
    return None


def _pool_started(run: subprocess.Popen, token: str) -> bool:
    """Wait until `run` has started its PDF pool (True) or ended (False)."""
    while run.poll() is None:
        if any("forkserver" in command for command in marked(token).values()):
            return True
        time.sleep(0.02)  # polling: the pool's processes have no other sign
    return False


@pytest.mark.pdf
def test_a_build_killed_at_random_moments_leaves_no_process(tmp_path: Path) -> None:
    content = shutil.copytree(FIXTURES / "base", tmp_path / "content")

    def build(n: int) -> tuple[subprocess.Popen, str]:
        token = f"{tmp_path}/run-{n}"
        # A cache of its own each time: every build renders its PDFs in the pool.
        return start([sys.executable, "-m", "generator", "build", "--content", str(content),
                      "--site-dir", str(tmp_path / f"site-{n}"), "--config",
                      str(ROOT / "mkdocs.yml")], token,
                     {"ROLEPRINT_CACHE": str(tmp_path / f"cache-{n}")}), token

    # A whole build first: how long one takes here and now, and how long before its pool.
    began = time.monotonic()
    run, token = build(0)
    assert _pool_started(run, token)
    before_pool = time.monotonic() - began
    run.wait()
    length = time.monotonic() - began
    alive, output = leftovers(run, token)
    assert run.returncode == 0, output
    assert alive == {}
    assert output is not None and "PDFs: 5 rendered" in output, output

    rng = random.Random(SEED)
    failures = []
    for n in range(1, KILLS + 1):
        # Any moment of the build; every other kill, any moment once the pool has started.
        during_pool = n % 2 == 0
        moment = rng.uniform(0, length - before_pool if during_pool else length)
        run, token = build(n)
        if during_pool:
            _pool_started(run, token)
        try:
            run.wait(timeout=moment)  # the moment to kill at; a build that ends first is fine
        except subprocess.TimeoutExpired:
            run.kill()
        alive, output = leftovers(run, token)
        if alive or output is None:
            where = "after the pool started" if during_pool else "after the start"
            failures.append((f"killed {moment:.2f} s {where}", alive, f"output: {output}"))
    assert not failures, f"{len(failures)} of {KILLS} kills left something: {failures}"


PARENT = """
import multiprocessing, os, subprocess, sys, threading, time
from generator.core import lifeline
from generator.output import staging
kind = sys.argv[1]
if kind in ("spawn", "forkserver"):
    pool = lifeline.pool(2, multiprocessing.get_context(kind))
    started = [pool.submit(os.getpid) for _ in range(2)]
    [future.result() for future in started]  # the workers are up, and wait for more
elif kind == "fork":
    staging.Meanwhile(lambda: time.sleep(3600))
else:
    child = subprocess.Popen([sys.executable, "-c", "from generator.core import lifeline; "
                              "lifeline.adopt(); print(flush=True); import time; "
                              "time.sleep(3600)"], env=lifeline.child_env(),
                             stdout=subprocess.PIPE)
    child.stdout.readline()  # it has adopted this process as the one to end with
print("ready", flush=True)
threading.Event().wait()
"""


@pytest.mark.parametrize("kind", ["spawn", "forkserver", "fork", "roleprint child"])
def test_helpers_end_with_the_process_that_started_them(kind: str, tmp_path: Path) -> None:
    """Each way this project starts a process: a pool's workers (and the pool's forkserver and
    resource tracker), a forked helper, and a `roleprint` child."""
    token = f"{tmp_path}/{kind}"
    run = start([sys.executable, "-c", PARENT, kind], token)
    assert run.stdout is not None
    assert run.stdout.readline() == b"ready\n"
    assert len(marked(token)) >= 2  # the parent and what it started
    run.kill()
    alive, output = leftovers(run, token)
    assert alive == {}
    assert output is not None


def test_the_editors_preview_ends_with_a_killed_editor(tmp_path: Path) -> None:
    """`roleprint edit` runs the live preview (`roleprint serve`) as a child of its own."""
    content = shutil.copytree(FIXTURES / "base", tmp_path / "content")
    ports = []
    for _ in range(2):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            ports.append(sock.getsockname()[1])
    token = f"{tmp_path}/edit"
    run = start([sys.executable, "-m", "generator", "edit", "--content", str(content),
                 "--config", str(ROOT / "mkdocs.yml"), "--addr", f"127.0.0.1:{ports[0]}",
                 "--preview-addr", f"127.0.0.1:{ports[1]}"], token,
                {"ROLEPRINT_CACHE": str(tmp_path / "cache")})
    assert run.stdout is not None
    said = []
    while not said or b"Serving on" not in said[-1]:  # the preview has started
        said.append(run.stdout.readline())
        assert said[-1], b"".join(said)  # not the end of its output
    assert any("generator serve" in command for command in marked(token).values())
    run.kill()
    alive, output = leftovers(run, token)
    assert alive == {}
    assert output is not None
