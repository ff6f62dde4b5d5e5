"""Caches on disk, keyed by content: a changed input gives a new key, so no entry goes stale.

The folder is $ROLEPRINT_CACHE, else `.cache/roleprint` in the current folder. Deleting it at
any time is safe: whatever is missing is made again. A cache that cannot be read or written is
treated as empty; it never stops a command.

Every entry is checked before it is used: it starts with a line holding the SHA-256 of its key
and its bytes, so an entry cut short, emptied, changed in any byte, or copied from another key
(or anything else in its place: a folder, a pipe, a link to nowhere) does not match. Such an
entry is not used; it is made again and stored afresh, and the command says so.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import os
import shutil
import stat
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from generator.core import report

CACHE_ENV = "ROLEPRINT_CACHE"
PACKAGE = Path(__file__).resolve().parent.parent  # generator/
# In a checkout (or an editable install) the schemas sit beside the package; an ordinary
# install, as pre-commit makes for its hooks, puts them in <prefix>/share/roleprint/schemas
# (pyproject.toml's data-files).
SCHEMA_DIR = PACKAGE.parent / "schemas"
if not SCHEMA_DIR.is_dir():  # pragma: no cover - only in a non-editable install
    SCHEMA_DIR = Path(sys.prefix) / "share" / "roleprint" / "schemas"


def folder() -> Path:
    return Path(os.environ.get(CACHE_ENV) or ".cache/roleprint")


def digest(parts: Iterable[bytes | str]) -> str:
    """SHA-256 of the parts, each length-prefixed so that ('ab', 'c') differs from ('a', 'bc')."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def code_version() -> str:
    """Changes whenever any of the generator's own Python files does."""
    files = sorted(PACKAGE.rglob("*.py"))
    return digest(part for path in files
                  for part in (path.relative_to(PACKAGE).as_posix(), path.read_bytes()))


def schema_version(schema_dir: Path = SCHEMA_DIR) -> str:
    """Changes whenever any schema file does."""
    files = sorted(schema_dir.glob("*.schema.json"))
    return digest(part for path in files for part in (path.name, path.read_bytes()))[:16]


def write_whole(target: Path, data: bytes) -> None:
    """Write a file whole or not at all: a reader never sees half of it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        scratch.write_bytes(data)
        os.replace(scratch, target)
    except BaseException:  # a full disk, say: leave no half-written scratch file behind
        scratch.unlink(missing_ok=True)
        raise


_said: set[str] = set()


def say(note: str, *, once: bool = False) -> None:
    """Tell the person running the command about the cache (with `once`, once per process)."""
    if not (once and note in _said):
        _said.add(note)
        report.warn(note)


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; OSError for anything else in its place (a folder, or a
    named pipe, which a plain read would wait on for ever)."""
    with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK), "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(errno.EISDIR, "not a regular file", str(path))
        return file.read()


def clear_way(path: Path, below: Path) -> None:
    """Remove what stops `path` being written: a folder in its place, or a file where one of
    the folders leading to it (from `below` on, which is ours) should be."""
    for place in (below, *(below / step for step in
                           reversed(path.relative_to(below).parents[:-1]))):
        if os.path.lexists(place) and not place.is_dir():  # a link to a folder is kept
            place.unlink()
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)


def unusable(base: Path) -> bool:
    """Whether a file stands where the cache folder `base` (or a folder above it) should be:
    then nothing can be kept in it, which is said once, and the file is left alone."""
    for place in (*reversed(base.parents), base):
        if os.path.lexists(place) and not place.is_dir():
            say(f"{place} is not a folder, so the cache in {base} cannot be used: everything "
                "is made afresh. Move it away to use the cache again.", once=True)
            return True
    return False


SEAL = b"roleprint-cache-entry "


def seal(key: str, data: bytes) -> bytes:
    """An entry as stored: a line with the digest of its key and bytes, then the bytes."""
    return SEAL + digest([key, data]).encode("ascii") + b"\n" + data


def unseal(key: str, entry: bytes) -> bytes | None:
    """The bytes of a stored entry, or None if they are not exactly those stored for `key`."""
    head = len(SEAL) + 64 + 1
    data = entry[head:]
    if (len(entry) < head or not entry.startswith(SEAL) or entry[head - 1:head] != b"\n"
            or entry[len(SEAL):head - 1] != digest([key, data]).encode("ascii")):
        return None
    return data


class Cache:
    """One kind of entry (`namespace`), one file per key, each checked when read."""

    def __init__(self, namespace: str, root: Path | None = None) -> None:
        self.base = root or folder()
        self.root = self.base / namespace
        self.damaged: dict[str, str] = {}  # key -> what the entry held, for the note

    def path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.entry"

    def get(self, key: str, what: str = "") -> bytes | None:
        """The entry for `key`, or None: a miss, or a damaged entry (noted, and said when
        `put` stores it again: `what` names what it held)."""
        path = self.path(key)
        try:
            data = unseal(key, read_regular(path))
        except FileNotFoundError:
            return None
        except OSError:
            data = None
            if unusable(self.base):
                return None
        if data is None:
            self.damaged[key] = what or f"entry {path}"
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # marks the entry as in use, for `prune`
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry (see `write_whole`), clearing whatever is in its way; a cache that
        cannot be written stays empty. A damaged entry made again is said here."""
        path = self.path(key)
        with contextlib.suppress(OSError):
            clear_way(path, self.root)
            write_whole(path, seal(key, data))
        what = self.damaged.pop(key, None)
        if what is not None:
            say(f"The cached {what} was damaged and has been made again.")

    def keep_only(self, key: str) -> None:
        """Delete every entry but `key`'s: for a kind where only the latest is worth its room."""
        kept = self.path(key)
        for path in self.root.glob("*/*"):
            if path != kept:
                with contextlib.suppress(OSError):
                    path.unlink()

    def prune(self, max_age_days: float) -> int:
        """Delete entries not used for `max_age_days`; return how many went."""
        cutoff = time.time() - max_age_days * 86400
        removed = 0
        for path in self.root.glob("*/*"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
        return removed
