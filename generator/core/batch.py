"""Many files at once: each looked up in a content-addressed cache first, the rest made on
every core. The PDFs (`forms.pdfbatch`) and the exports (`exports.batch`) share this loop; each
says how to key a job, how to make its bytes and which process pool to use.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from generator.core.cache import Cache


class Job(Protocol):
    """All the runner needs of a job: where its file goes."""

    @property
    def out(self) -> Path: ...


J = TypeVar("J", bound=Job)


class Counts(NamedTuple):
    made: int
    reused: int


def workers() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def run_cached(jobs: Sequence[J], *, key: Callable[[J], str], make: Callable[[J], bytes],
               cache: Cache, pool: Callable[[int], Executor], threshold: int, cores: int,
               keep_days: float) -> Counts:
    """Write each job's `out`: a cache hit is copied; a miss is made, written and stored. An
    entry is checked before it is copied (`Cache.get`): a damaged one is a miss, and is said
    to be, naming the file it held (`described`), once made again.

    The misses are made in `pool(size)` when there are at least `threshold` of them and more
    than one core, else in this process, so `make` must pickle (a module-level function or a
    partial of one). A failing `make` raises, and its file is neither written nor stored.
    Last, cache entries unused for `keep_days` are deleted.
    """
    folders: set[Path] = set()
    missing: list[tuple[str, J]] = []
    reused = 0
    for job in jobs:
        job_key = key(job)
        data = cache.get(job_key, described(job.out))
        if data is None:
            missing.append((job_key, job))
            continue
        _write(job.out, data, folders)
        reused += 1
    todo = [job for _, job in missing]
    size = min(cores, len(missing))
    if size > 1 and len(missing) >= threshold:
        with pool(size) as executor:
            try:
                _store(missing, executor.map(make, todo, chunksize=1), cache, folders)
            except BaseException:
                executor.shutdown(cancel_futures=True)  # don't make the rest only to drop them
                raise
    else:
        _store(missing, map(make, todo), cache, folders)
    cache.prune(keep_days)
    return Counts(made=len(missing), reused=reused)


KINDS = {".pdf": "PDF", ".docx": "Word file", ".xlsx": "Excel workbook", ".csv": "CSV file"}


def described(out: Path) -> str:
    """What a cache entry for `out` holds, for a note: "PDF for roles/x/forms/y.pdf" (the path
    in the site, from the `docs` folder of the tree it is written into)."""
    parts = out.parts
    inside = len(parts) - parts[::-1].index("docs") if "docs" in parts else 0
    return f"{KINDS.get(out.suffix, 'file')} for {Path(*parts[inside:]).as_posix()}"


def _write(path: Path, data: bytes, folders: set[Path]) -> None:
    if path.parent not in folders:  # one mkdir per folder, not per file: it adds up
        path.parent.mkdir(parents=True, exist_ok=True)
        folders.add(path.parent)
    path.write_bytes(data)


def _store(missing: Sequence[tuple[str, Job]], results: Iterable[bytes], cache: Cache,
           folders: set[Path]) -> None:
    for (job_key, job), data in zip(missing, results, strict=True):
        _write(job.out, data, folders)
        cache.put(job_key, data)
