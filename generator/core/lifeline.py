"""Helper processes that end with the process that started them.

A build starts processes of its own: forked ones that write pages and forms (`staging`), pools
of workers for the PDFs and the exports, and the live preview runs each full rebuild in a
child. When the process that started them is killed (`kill -9`, the out-of-memory killer),
none of its clean-up runs: a pool's worker would wait for ever for work that never comes,
keeping alive the pool's forkserver and resource tracker and holding the build's output open,
so that `roleprint build | cat` never ended. So every such process watches its starter:

- a process this one starts itself (a fork, or a `roleprint` child) asks Linux to kill it when
  its parent ends, the parent-death signal (`end_with_parent`, and `child_env` with `adopt` for
  a child that runs a new program). The signal follows the thread that started the child, so
  only a thread that waits for its child may start one;
- a pool's worker may be the child of another process (the forkserver, which itself lives as
  long as any worker does), so it watches a pipe instead: this process holds the only writing
  end, so the pipe reads as closed the moment this process ends, however it ends, and the
  worker then ends at once (`pool`).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

# Set in a child's environment: the process id of the parent it must not outlive.
PARENT_ENV = "ROLEPRINT_PARENT_PID"
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_lock = threading.Lock()
_pipe: tuple[Connection, Connection] | None = None


def end_with_parent(parent: int) -> None:
    """Have Linux kill this process when `parent` (the thread of it that started this one)
    ends; end now if it already has. Elsewhere than on Linux, only the second part."""
    with contextlib.suppress(AttributeError, OSError):  # no prctl: not Linux
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


def child_env() -> dict[str, str]:
    """The environment for a `roleprint` child process that must end with this one."""
    return {**os.environ, PARENT_ENV: str(os.getpid())}


def adopt() -> None:
    """In a process started with `child_env`: end with the parent that started it. The mark is
    taken out of the environment, so this process's own children do not inherit it."""
    parent = os.environ.pop(PARENT_ENV, "")
    if parent.isdigit():
        end_with_parent(int(parent))


def pool(size: int, context: Any) -> ProcessPoolExecutor:
    """A process pool of `size` workers (started by `context`) that end when this process
    does, whoever their parent is."""
    return ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=_watch,
                               initargs=(_reading_end(),))


def _reading_end() -> Connection:
    """The reading end of this process's lifeline: nothing is ever written to it."""
    global _pipe
    with _lock:
        if _pipe is None:
            _pipe = multiprocessing.Pipe(duplex=False)  # (reader, writer), not inherited
        return _pipe[0]


def _watch(lifeline: Connection) -> None:
    """A worker's first step: end the moment the lifeline's writing end is closed."""

    def wait() -> None:
        with contextlib.suppress(EOFError, OSError):
            lifeline.recv_bytes()  # returns only at the end: nothing is written
        os._exit(1)

    threading.Thread(target=wait, name="lifeline", daemon=True).start()


def _forget() -> None:
    """In a forked child: let go of the parent's lifeline (the child's pools make their own),
    so the parent's ending is not hidden by a copy of its writing end here."""
    global _lock, _pipe
    _lock = threading.Lock()
    if _pipe is not None:
        for end in _pipe:
            end.close()
        _pipe = None


os.register_at_fork(after_in_child=_forget)
