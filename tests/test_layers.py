"""The pipeline's shape holds: each stage imports only the stages below it, the three renderers
do not import one another, and no module imports one that imports it back (the import-linter
contracts in pyproject.toml; docs/architecture.md explains them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package in `root` (its pyproject.toml holds the contracts)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env, text=True,
                          capture_output=True, check=False)


def test_the_code_keeps_every_import_contract() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package and its contracts, in a folder of their own to break."""
    shutil.copytree(ROOT / "generator", tmp_path / "generator",
                    ignore=shutil.ignore_patterns("__pycache__", "assets", "templates"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(("module", "imports", "broken"), [
    # a back-edge: the content stage reaching up into the renderers
    ("content/load.py", "generator.render.templating", "Each stage imports only"),
    # one renderer importing another
    ("render/exports/excel.py", "generator.render.forms.render", "side by side"),
    # a cycle between two modules of one stage
    ("scoring/sheets.py", "generator.scoring.plan", "imports it back"),
])
def test_a_new_back_edge_or_cycle_fails(copy: Path, module: str, imports: str,
                                        broken: str) -> None:
    path = copy / "generator" / module
    path.write_text(path.read_text(encoding="utf-8") + f"\nimport {imports}  # noqa\n",
                    encoding="utf-8")
    result = lint_imports(copy)
    assert result.returncode == 1
    assert broken in result.stdout
