"""Waiting in the tests: for the thing itself, never for a length of time.

CI machines are busy (a load of 7 to 10 on two cores is common), and a test that gives a server,
a save or a page a fixed time to answer fails there now and then. So the tests wait for the
event they need (a port answering, a file changing, a line printed, a page drawn), and the
limits below are only there to stop a test that would otherwise hang: they are long on purpose
and say nothing about how fast anything should be.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

T = TypeVar("T")

# Seconds: how long a wait may last before the test is taken to hang.
LIMIT = 600.0
# Milliseconds: the same for every Playwright action, wait and expectation (see
# tests/support/browser.py).
BROWSER_LIMIT_MS = 180_000


def until(condition: Callable[[], T], what: str, limit: float = LIMIT) -> T:
    """The first true value of `condition()`, asked again every tenth of a second; the test
    fails, saying `what` never happened, if `limit` seconds pass first."""
    deadline = time.monotonic() + limit
    while not (found := condition()):
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: still not so after {limit:.0f} s")
        time.sleep(0.1)
    return found


class Printed:
    """Everything a child process prints on its stdout (stderr merged into it), read while it
    runs, so that a test can wait for a line instead of guessing how long it takes to come."""

    def __init__(self, child: subprocess.Popen[bytes]) -> None:
        assert child.stdout is not None, "start the child with stdout=subprocess.PIPE"
        self._out = child.stdout
        self._data = b""
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for chunk in iter(lambda: self._out.read1(65536), b""):
            with self._lock:
                self._data += chunk

    def text(self) -> str:
        with self._lock:
            return self._data.decode("utf-8", errors="replace")

    def count(self, line: str) -> int:
        return self.text().count(line)

    def wait_for(self, line: str, times: int = 1) -> None:
        """Until `line` has been printed `times` times in all."""
        until(lambda: self.count(line) >= times, f"{line!r} was not printed {times} times")

    def all(self) -> str:
        """Everything printed, once the child has closed its output (it has ended)."""
        self._reader.join(LIMIT)
        assert not self._reader.is_alive(), "the child never closed its output"
        self._out.close()
        return self.text()
