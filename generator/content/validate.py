"""`roleprint validate` with a memory: when nothing has changed, the last report is given back.

The key is made of every content file's name and bytes, the schemas and the generator's own
code, so any edit, a new or deleted file, a schema change or a new release misses the cache.
Only on a miss are the checks (and the libraries they need) loaded.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from generator.content.cached import content_key
from generator.core.cache import Cache
from generator.core.problems import Problem


def validate(content_dir: Path, cache: Cache | None = None) -> tuple[list[Problem], int]:
    """Every problem in the content, and how many files were checked."""
    cache = cache or Cache("validate")
    key = content_key(content_dir)
    stored = cache.get(key, "report of the last check")
    if stored is not None:
        try:
            body = json.loads(stored)
            return [Problem(**p) for p in body["problems"]], int(body["files"])
        except (ValueError, KeyError, TypeError):
            pass  # a damaged entry: check again and write it afresh
    from generator.content.load import load

    result = load(content_dir, model=False)
    body = {"files": result.files, "problems": [asdict(p) for p in result.problems]}
    cache.put(key, json.dumps(body, ensure_ascii=False).encode("utf-8"))
    return result.problems, result.files
