"""Pagefind's filter files in a fixed order, so two builds of the same content give the same bytes.

Takes in the `pagefind/` folder Pagefind has just written; gives it back with every filter's
values sorted, each filter file named by a digest of what it holds, the filters listed by name
in the language's `.pf_meta` file (itself renamed by its digest), and `pagefind-entry.json`
naming that file. Pagefind 1.5 wrote a filter's values in an arbitrary order each run (upstream
Pagefind/pagefind#638), and names its files by digests of those bytes, so without this step the
index changed on every build though what it held did not (1.6 has not been seen to; nothing
promises it). Pagefind looks a value up by its name, not its place, and reads a value's pages
as a set, so the sorted files search the same (tests/browser/test_search.py).

The files are CBOR behind a `pagefind_dcd` signature, gzipped; cbor2 reads and writes them.
The layout read here is Pagefind 1.6's (the version package-lock.json pins; 1.5's is the same);
a layout this step does not know stops the build with `BuildFailed` rather than writing an index
that may not search.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path
from typing import Any

import cbor2

from generator.core.errors import BuildFailed

SIGNATURE = b"pagefind_dcd"


def read(path: Path) -> Any:
    """What a Pagefind file holds."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return cbor2.loads(data[len(SIGNATURE):])


def write(folder: Path, stem: str, suffix: str, value: Any, digits: int) -> str:
    """Write `value` as a Pagefind file in `folder` named by its digest; give that name's stem
    (`stem` is the language prefix, such as `en`)."""
    data = SIGNATURE + cbor2.dumps(value)
    name = f"{stem}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def fix_order(index: Path) -> None:
    """Sort the filters of every language in Pagefind's output folder `index` (see above)."""
    try:
        _sort_filters(index)
    except (OSError, ValueError, TypeError, IndexError, KeyError) as error:
        raise BuildFailed(
            f"the search index is not laid out as Pagefind 1.6 lays it out ({error}); install "
            "the Pagefind version package-lock.json names (`make site` does) and build again"
        ) from error


def _sort_filters(index: Path) -> None:
    entry_path = index / "pagefind-entry.json"
    entry = entry_path.read_text(encoding="utf-8")
    for meta_path in sorted(index.glob("pagefind.*.pf_meta")):
        old = meta_path.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        language = old.rsplit("_", 1)[0]
        meta = read(meta_path)
        filters = meta[3]
        renamed = []
        for name, chunk in filters:
            path = index / "filter" / f"{chunk}.pf_filter"
            held = read(path)
            held[1] = sorted([value, sorted(pages)] for value, pages in held[1])
            path.unlink()
            renamed.append([name, write(index / "filter", language, ".pf_filter", held, 7)])
        meta[3] = sorted(renamed)
        meta_path.unlink()
        new = write(index, "pagefind." + language, ".pf_meta", meta, 10)
        entry = entry.replace(f'"{old}"', f'"{new.removeprefix("pagefind.")}"')
    entry_path.write_text(entry, encoding="utf-8")
