"""The tests stay laid out like the code (tests/README.md): every test module in a folder that
mirrors one of generator/'s or is one of the suites that cut across them, and every folder a
package, so that `from tests.<folder> import ...` works and two folders may share a file name."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, TESTS

# Suites a newcomer looks for by what they check, not by stage, and the shared helpers.
ACROSS = {"a11y", "browser", "bench", "support"}
# Left at the top: the shared fixtures, and the checks of the whole package and of this layout.
AT_THE_TOP = {"__init__.py", "conftest.py", "test_layers.py", "test_layout.py"}


def python_folders() -> list[Path]:
    return sorted({p.parent for p in TESTS.rglob("*.py") if "__pycache__" not in p.parts})


def test_every_folder_with_python_in_it_is_a_package() -> None:
    assert [f.relative_to(TESTS).as_posix() for f in python_folders()
            if not (f / "__init__.py").is_file()] == []


def test_nothing_but_the_shared_fixtures_and_the_whole_package_checks_at_the_top() -> None:
    assert sorted(p.name for p in TESTS.glob("*.py") if p.name not in AT_THE_TOP) == []


def test_each_test_folder_mirrors_a_folder_of_the_code_or_is_a_suite_across_it() -> None:
    """A test of generator/render/forms/ is in tests/render/forms/, not loose or misnamed."""
    folders = {p.parent.relative_to(TESTS) for p in TESTS.rglob("test_*.py")} - {Path()}
    stray = [f.as_posix() for f in sorted(folders)
             if f.parts[0] not in ACROSS and not (ROOT / "generator" / f).is_dir()]
    assert stray == []

