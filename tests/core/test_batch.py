"""The cached runner the PDFs and the exports share: a hit is copied, a miss is made and stored,
a pool makes the same bytes as this process, and a failure raises without leaving a file."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.core.batch import Counts, run_cached
from generator.core.cache import Cache


@dataclass(frozen=True)
class Item:
    name: str
    out: Path


def key(item: Item) -> str:
    return f"key-{item.name}"


def make(item: Item) -> bytes:
    """Module-level, so it pickles for the pool."""
    if item.name == "bad":
        raise ValueError("cannot make bad")
    return f"made {item.name}".encode()


class Pools:
    """Process pools (spawned: nothing of this process comes along), counting how many."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def __call__(self, size: int) -> Executor:
        self.sizes.append(size)
        return ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"))


def items(folder: Path, *names: str) -> list[Item]:
    # Two folders, neither there yet: the runner makes them.
    return [Item(name, folder / f"part-{n % 2}" / f"{name}.txt") for n, name in enumerate(names)]


def run(jobs: list[Item], cache: Cache, pools: Pools, *, threshold: int = 2,
        cores: int = 2) -> Counts:
    return run_cached(jobs, key=key, make=make, cache=cache, pool=pools, threshold=threshold,
                      cores=cores, keep_days=30)


def test_hits_are_copied_and_misses_made_and_stored(tmp_path: Path) -> None:
    cache = Cache("test", tmp_path / "cache")
    cache.put("key-a", b"from the cache")
    pools = Pools()
    jobs = items(tmp_path / "out", "a", "b", "c")
    assert run(jobs, cache, pools, threshold=99) == Counts(made=2, reused=1)
    assert [job.out.read_bytes() for job in jobs] == [b"from the cache", b"made b", b"made c"]
    assert (cache.get("key-b"), cache.get("key-c")) == (b"made b", b"made c")
    assert pools.sizes == []
    again = items(tmp_path / "again", "a", "b", "c")
    assert run(again, cache, pools) == Counts(made=0, reused=3)
    assert pools.sizes == []


def test_a_pool_makes_the_same_files_as_this_process(tmp_path: Path) -> None:
    names = ("a", "b", "c", "d")
    serial, pooled = Pools(), Pools()
    one = run(items(tmp_path / "one", *names), Cache("test", tmp_path / "c1"), serial, cores=1)
    two = run(items(tmp_path / "two", *names), Cache("test", tmp_path / "c2"), pooled)
    assert one == two == Counts(made=4, reused=0)
    assert (serial.sizes, pooled.sizes) == ([], [2])
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert tree(tmp_path / "c1") == tree(tmp_path / "c2")


@pytest.mark.parametrize("cores", [1, 2], ids=["in-process", "pool"])
def test_a_failing_make_raises_and_writes_nothing_for_that_job(tmp_path: Path,
                                                               cores: int) -> None:
    cache = Cache("test", tmp_path / "cache")
    jobs = items(tmp_path / "out", "a", "bad", "c")
    with pytest.raises(ValueError, match="cannot make bad"):
        run(jobs, cache, Pools(), cores=cores)
    assert not jobs[1].out.exists()
    assert cache.get("key-bad") is None


def test_entries_unused_for_keep_days_are_pruned(tmp_path: Path) -> None:
    cache = Cache("test", tmp_path / "cache")
    cache.put("key-old", b"old")
    cache.put("key-a", b"a")
    long_ago = 1_000_000_000
    for name in ("key-old", "key-a"):
        os.utime(cache.path(name), (long_ago, long_ago))
    run(items(tmp_path / "out", "a"), cache, Pools())
    assert cache.get("key-old") is None
    assert cache.get("key-a") == b"a"  # a hit counts as a use


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
