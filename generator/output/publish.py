"""Publishing output: whole or not at all, one command at a time, whatever happened before.

The published folder (`site/`) is always a whole site, the old one or the new one. The new tree
is built in a temporary folder beside it (`.roleprint-XXXX`) and exchanged with the old one in
one step (`generator.output.swap`), so there is no moment without a site. The old site then sits in
the temporary folder, which is removed. Where the exchange is not supported the old site is
moved into the temporary folder first and the new one into its place: between those two steps
there is no site, and a build that finds one missing puts the old one back.

A lock on the folder that holds the output (`flock` on the folder itself) keeps two commands
from writing there at once: the second waits. Whoever holds the lock knows that any
temporary folder left there belongs to a command that was stopped, and removes it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core import report
from generator.core.errors import PublishError
from generator.output.swap import OLD, megabytes, remove_tree, swap_in, tree_size

PREFIX = ".roleprint-"


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold the lock of `folder` (the folder that holds the output); wait, saying so, while
    another command holds it.

    A forked helper (the forms writer) shares the lock: if this process is killed, the next
    command waits for the helper to end rather than removing files from under it."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            report.fail(f"another roleprint command is writing into {folder}: waiting for "
                  "it to finish.")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def recover(folder: Path) -> list[str]:
    """With the lock held: put back any output a stopped two-step swap left out of place, then
    remove the temporary folders of stopped commands. Returns what was done, to be said."""
    notes = []
    for leftover in sorted(folder.glob(PREFIX + "*")):
        if leftover.is_symlink() or not leftover.is_dir():
            continue
        for old in sorted(leftover.glob(OLD + "*")):
            target = folder / old.name.removeprefix(OLD)
            if not os.path.lexists(target):
                old.rename(target)
                notes.append(f"{target} was missing: a build was stopped while putting a new "
                             f"one in its place, so the previous one was put back.")
        size = tree_size(leftover)
        try:
            remove_tree(leftover)
        except OSError as err:
            notes.append(f"Could not remove {leftover}, left by a command that was stopped: "
                         f"{err.strerror}. Remove it by hand.")
            continue
        notes.append(f"Removed {leftover} ({megabytes(size)}), left by a command that was "
                     "stopped.")
    return notes


def unwritable(target: Path) -> Path | None:
    """The folder that stops `target` being replaced, if one is not writable: its parent (for
    the temporary folder), or `target` itself (which moves out of its parent in the swap)."""
    for place in (target.parent, target):
        if place.is_dir() and not os.access(place, os.W_OK):
            return place
    return None


def read_only_mount(place: Path) -> bool:
    """Whether `place` is on a file system mounted read-only (no chmod can help there)."""
    try:
        return bool(os.statvfs(place).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def not_writable(place: Path, what: str, *, read_only: bool = False) -> str:
    """Why `place` cannot be written (`read_only`: its file system is known to be read-only),
    and what to do, in words that are true."""
    if read_only or read_only_mount(place):
        return (f"it is on a read-only file system. Build the {what} on a file system that "
                "can be written, or mount that one read-write, and run the command again.")
    return (f"it is read-only for this user. Make it writable (for example: chmod -R u+w "
            f"{place}) and run the command again.")


class Workspace:
    """A temporary folder beside `target`, to build its replacement in (see `workspace`)."""

    def __init__(self, target: Path, path: Path, what: str) -> None:
        self.target, self.path, self.what = target, path, what
        self.existed = os.path.lexists(target)
        self.published = False

    def publish(self, new: Path, target: Path | None = None) -> None:
        """Swap `new` in as the target (or as another `target` in the same folder)."""
        swap_in(new, target or self.target, self.path)
        if target is None:
            self.published = True

    def outcome(self) -> str:
        """What became of the previous output, in words that are true."""
        if self.published:
            return f"The new {self.what} is in {self.target}."
        if self.existed:
            return f"The previous {self.what} in {self.target} was left as it was."
        return f"Nothing was written into {self.target} (there was no {self.what} there before)."

    def _shown(self, filename: object) -> str:
        """A file being written, named inside the new output (its temporary folder goes)."""
        path = Path(str(filename))
        return path.relative_to(self.path).as_posix() if path.is_relative_to(self.path) \
            else str(path)

    def explain(self, err: OSError) -> str:
        """A plain message for a failed write, with what became of the previous output."""
        folder = self.target.parent
        if err.errno in (errno.ENOSPC, errno.EDQUOT):
            # Only what is known: how far the new output got, and what is free once its
            # temporary files are removed. How big it would have been is not known.
            written = tree_size(self.path)
            where = f" while writing {self._shown(err.filename)}" if err.filename else ""
            got = (f"it ran out of space{where}, after {megabytes(written)} of the new "
                   f"{self.what} had been written")
            if err.errno == errno.EDQUOT:  # the disk's free space says nothing of a quota
                text = (f"your disk quota for {folder} is used up: {got}. Free some space, or "
                        "ask for a larger quota, and run the command again.")
            else:
                free = _free(folder) + written
                text = (f"the disk holding {folder} is full: {got}. This command needs more "
                        f"than the {megabytes(free)} that is free there once its temporary "
                        "files are removed: free some space and run the command again.")
        elif err.errno == errno.EROFS or (err.errno in (errno.EACCES, errno.EPERM)
                                          and read_only_mount(folder)):
            text = (f"cannot write into {folder}: "
                    + not_writable(folder, self.what, read_only=err.errno == errno.EROFS))
        elif err.errno in (errno.EACCES, errno.EPERM):
            text = (f"cannot write {err.filename or folder}: {err.strerror}. Make {folder} and "
                    f"what is in it writable (for example: chmod -R u+w {folder}) and run the "
                    "command again.")
        else:
            text = f"could not write {err.filename or folder}: {err.strerror}."
        return f"{text}\n{self.outcome()}"


def _free(folder: Path) -> int:
    return shutil.disk_usage(folder).free


@contextmanager
def workspace(target: Path, what: str = "site") -> Iterator[Workspace]:
    """Lock the folder that holds `target`, clean up after stopped commands, and give a fresh
    temporary folder beside `target`, removed at the end whatever happens. A write that fails
    inside becomes a `PublishError` with a message a person can act on."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PublishError(f"cannot make the folder {folder}: {err.strerror}.") from err
    with locked(folder):
        for note in recover(folder):
            report.warn(note)
        blocked = unwritable(target)
        if blocked is not None:
            raise PublishError(f"cannot write into {blocked}: {not_writable(blocked, what)}\n"
                               + Workspace(target, folder, what).outcome())
        try:
            path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=folder))
        except OSError as err:  # nothing written yet: a path that is not there holds 0 bytes
            nothing = Workspace(target, folder / (PREFIX + "none"), what)
            raise PublishError(nothing.explain(err)) from err
        space = Workspace(target, path, what)
        try:
            yield space
        except OSError as err:
            raise PublishError(space.explain(err)) from err
        finally:
            try:
                remove_tree(path)
            except OSError as err:
                report.fail(f"could not remove {path}: {err.strerror}. The next command "
                      "into this folder will try again.")
