"""Moving whole folders: swapped in one step, removed even when read-only, measured.

`swap_in` exchanges the new folder and the old one with one `renameat2(RENAME_EXCHANGE)` system
call (Linux; ext4, tmpfs, btrfs and XFS support it), so there is no moment without one of
them. Where the exchange is not supported, the old folder is first moved aside, into the
temporary folder the new one was built in, and named `old-NAME` there, so that a command
stopped between the two steps can be undone by the next (see `generator.output.publish.recover`).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

OLD = "old-"  # in a temporary folder: the output moved out by the two-step swap, and its name
AT_FDCWD = -100
RENAME_EXCHANGE = 2
# Where the exchange cannot be done: no such call, or a file system without it.
NOT_SUPPORTED = (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP)


def exchange(one: Path, other: Path) -> None:
    """Swap two paths in one step; OSError with an errno in NOT_SUPPORTED where the system
    cannot."""
    call = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if call is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available", str(one))
    if call(AT_FDCWD, os.fsencode(one), AT_FDCWD, os.fsencode(other), RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(one), None, str(other))


def swap_in(new: Path, target: Path, workspace: Path) -> None:
    """Put `new` in place as `target`. The old `target`, if any, ends up inside `workspace`
    (a temporary folder beside `target`), to be removed with it."""
    if not os.path.lexists(target):
        new.rename(target)
        return
    try:
        exchange(new, target)
        return
    except OSError as err:
        if err.errno not in NOT_SUPPORTED:
            raise
    old = workspace / (OLD + target.name)
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise


def remove_tree(path: Path) -> None:
    """Remove a folder of ours, making any read-only folder in it writable first."""
    def retry(func: Callable[..., object], name: str, _: object) -> None:
        for place in (os.path.dirname(name), name):
            if os.path.isdir(place) and not os.path.islink(place):
                os.chmod(place, stat.S_IRWXU)
        func(name)

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=retry)
    else:
        shutil.rmtree(path, onerror=retry)


def tree_size(path: Path) -> int:
    """Bytes held by the files under `path` (0 if it is gone)."""
    total = 0
    for top, _, files in os.walk(path):
        for name in files:
            with contextlib.suppress(OSError):  # removed meanwhile
                total += os.lstat(os.path.join(top, name)).st_size
    return total


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
