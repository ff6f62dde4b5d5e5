"""Pagefind's filter files in a fixed order, so two builds of the same content give the same bytes.

Takes in the `pagefind/` folder Pagefind has just written; gives it back with every filter's
values sorted, each filter file named by a digest of what it holds, the filters listed by name
in the language's `.pf_meta` file (itself renamed by its digest), and `pagefind-entry.json`
naming that file. Pagefind 1.5 writes a filter's values in an arbitrary order each run (upstream
Pagefind/pagefind#638), and names its files by digests of those bytes, so without this step the
index changes on every build though what it holds does not. Pagefind looks a value up by its
name, not its place, and reads a value's pages as a set, so the sorted files search the same
(tests/browser/test_search.py).

The files are CBOR behind a `pagefind_dcd` signature, gzipped; `decode` and `encode` read and
write the few CBOR types Pagefind uses (integers, strings, arrays, maps, simple values).
"""

from __future__ import annotations

import gzip
import hashlib
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"


def decode(data: bytes) -> Any:
    """The value CBOR-encoded in `data`."""
    value, end = _item(data, 0)
    if end != len(data):
        raise ValueError("trailing bytes after a CBOR value")
    return value


def _item(data: bytes, at: int) -> tuple[Any, int]:
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if major == 7:
        simple = {20: False, 21: True, 22: None}
        if info in simple:
            return simple[info], at
        if info == 27:
            return struct.unpack(">d", data[at:at + 8])[0], at + 8
        raise ValueError(f"CBOR simple value {info} is not one Pagefind writes")
    if info < 24:
        arg = info
    elif info <= 27:
        width = 1 << (info - 24)
        arg, at = int.from_bytes(data[at:at + width], "big"), at + width
    else:
        raise ValueError("indefinite-length CBOR is not one Pagefind writes")
    if major == 0:
        return arg, at
    if major == 1:
        return -1 - arg, at
    if major in (2, 3):
        raw = data[at:at + arg]
        return (raw if major == 2 else raw.decode("utf-8")), at + arg
    if major == 4:
        items = []
        for _ in range(arg):
            item, at = _item(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = {}
        for _ in range(arg):
            key, at = _item(data, at)
            pairs[key], at = _item(data, at)
        return pairs, at
    raise ValueError(f"CBOR major type {major} is not one Pagefind writes")


def encode(value: Any) -> bytes:
    """`value` in CBOR, each length in its shortest form (as Pagefind writes it)."""
    if value is False or value is True or value is None:
        return bytes([0xF4 + [False, True, None].index(value)])
    if isinstance(value, float):
        return b"\xfb" + struct.pack(">d", value)
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(encode(item) for item in value)
    if isinstance(value, dict):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value.items())
    raise TypeError(f"cannot write {type(value).__name__} as CBOR")


def _head(major: int, arg: int) -> bytes:
    if arg < 24:
        return bytes([major << 5 | arg])
    for info, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if arg < 1 << (8 * width):
            return bytes([major << 5 | info]) + arg.to_bytes(width, "big")
    raise ValueError("integer too large for CBOR")


def read(path: Path) -> Any:
    """What a Pagefind file holds."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} is not a Pagefind file")
    return decode(data[len(SIGNATURE):])


def write(folder: Path, stem: str, suffix: str, value: Any, digits: int) -> str:
    """Write `value` as a Pagefind file in `folder` named by its digest; give that name's stem
    (`stem` is the language prefix, such as `en`)."""
    data = SIGNATURE + encode(value)
    name = f"{stem}_{hashlib.sha256(data).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(data, mtime=0))
    return name


def fix_order(index: Path) -> None:
    """Sort the filters of every language in Pagefind's output folder `index` (see above)."""
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
