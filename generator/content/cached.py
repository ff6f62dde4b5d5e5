"""The content's key, and its model kept on disk for the next command that reads the same files.

Takes in a content folder; gives out the key of everything a load depends on (every file's kind,
name and bytes, the schemas, the generator's own code and today's date), and `load_cached`: the
same `LoadResult` as `load`, from the cache when nothing has changed. At a thousand roles parsing
and checking the files takes 1.8 s and reading the kept model back 0.1 s. The cache checks every
entry before it is used (see `generator.core.cache`); a damaged one is loaded afresh. Only the
latest model is kept: storing one deletes the others.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from generator.content.discover import discover
from generator.content.load import LoadResult, gc_paused, load
from generator.content.yamlload import read_file
from generator.core.cache import Cache, code_version, digest, schema_version
from generator.core.clock import today


def content_key(content_dir: Path) -> str:
    sources, misplaced = discover(content_dir)
    # Today's date is in the key: whether an open vacancy's closing date has passed depends on it.
    parts: list[bytes | str] = [code_version(), schema_version(), today(),
                                *(p.format() for p in misplaced)]
    for source in sources:
        raw, unreadable = read_file(source.path, source.display)
        # An unreadable file is keyed by why it could not be read, never like an empty one.
        parts += [source.kind, source.display,
                  raw if raw is not None else "".join(p.format() for p in unreadable)]
    return digest(parts)


def load_cached(content_dir: Path, cache: Cache | None = None) -> LoadResult:
    """`load(content_dir)`, kept: content with errors is loaded afresh every time, so its report
    is always the whole one."""
    cache = cache or Cache("model")
    key = content_key(content_dir)
    stored = cache.get(key, "content model of the last load")
    if stored is not None:
        try:
            with gc_paused():  # a million objects, none of them garbage
                kept = pickle.loads(stored)
        except (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError,
                TypeError, ValueError):
            kept = None  # not ours after all: load afresh and store it again
        if isinstance(kept, LoadResult) and kept.site is not None:
            return kept
    result = load(content_dir)
    if result.site is not None:
        cache.put(key, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
        cache.keep_only(key)  # ten megabytes a model at 1,000 roles: only the latest is kept
    return result
