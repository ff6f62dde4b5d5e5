"""Caches on disk, keyed by content: a changed input gives a new key, so no entry goes stale.

The folder is $ROLEPRINT_CACHE, else `.cache/roleprint` in the current folder. Deleting it at
any time is safe: whatever is missing is made again. A cache that cannot be read or written is
treated as empty; it never stops a command.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path

CACHE_ENV = "ROLEPRINT_CACHE"
PACKAGE = Path(__file__).resolve().parent
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


class Cache:
    """One kind of entry (`namespace`), one file per key."""

    def __init__(self, namespace: str, root: Path | None = None) -> None:
        self.root = (root or folder()) / namespace

    def path(self, key: str) -> Path:
        return self.root / key[:2] / key

    def get(self, key: str) -> bytes | None:
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        with contextlib.suppress(OSError):
            os.utime(self.path(key))  # marks the entry as in use, for `prune`
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store an entry (see `write_whole`); a cache that cannot be written stays empty."""
        with contextlib.suppress(OSError):
            write_whole(self.path(key), data)

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
