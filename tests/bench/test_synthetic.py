"""The benchmark's synthetic content is valid, the size asked for, and repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import GLOSSARY_MAX, MARKER, content, glossary_size, main, write
from generator.content.load import load


def test_synthetic_content_loads_without_problems(tmp_path: Path) -> None:
    out = tmp_path / "content"
    assert main(["--roles", "12", "--out", str(out), "--seed", "3"]) == 0
    result = load(out)
    assert result.problems == []
    assert result.site is not None
    assert len(result.site.roles) == 12
    assert result.site.vacancies and result.site.families and result.site.frameworks
    sizes = [p.stat().st_size for p in (out / "roles").glob("*.yaml")]
    assert 2_500 < sum(sizes) / len(sizes) < 14_000


def test_same_seed_same_files_and_a_foreign_folder_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write(first, 5, seed=7)
    write(second, 5, seed=7)
    files = sorted(p.relative_to(first) for p in first.rglob("*.yaml"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.yaml"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)
    write(first, 3, seed=7)  # its own folder: replaced
    assert len(list((first / "roles").glob("*.yaml"))) == 3
    (first / MARKER).unlink()
    with pytest.raises(FileExistsError):
        write(first, 3)



@pytest.mark.parametrize("count", [10, 250])
def test_the_shared_framework_is_framework_wide_at_every_size(count: int) -> None:
    """The growth target compares N = 3,000 with N = 1,000, so a role must bring the same work at
    both. The framework no organisation owns is used by the roles of every organisation without
    one; its shape used to follow from the number of frameworks (long and graded at 3,000
    roles, framework-wide at 1,000), which made role pages at 3,000 roles 14% bigger."""
    frameworks = content(count)["framework"].values()
    shared = [f for f in frameworks if "organisation" not in f]
    assert len(shared) == 1
    assert "levels" in shared[0] and "competencies" not in shared[0]


def test_the_glossary_stops_growing() -> None:
    """How many glossary terms a page explains follows from the size of the pool the roles draw
    their acronyms from, so the pool is the same from 1,000 roles up."""
    assert glossary_size(10) < glossary_size(1000) == glossary_size(3000) == GLOSSARY_MAX
    assert len(content(10)["glossary"]["glossary"]["terms"]) == glossary_size(10)
