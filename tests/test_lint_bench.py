"""benchmarks/lint.py measures a cold `roleprint lint` on synthetic content (here, 10 roles)."""

from __future__ import annotations

import os
from pathlib import Path

from benchmarks import synthetic
from benchmarks.lint import measure_lint


def test_lint_benchmark_runs_on_synthetic_content(tmp_path: Path) -> None:
    synthetic.write(tmp_path / "content", 10, seed=1)
    result = measure_lint(tmp_path / "content", tmp_path, dict(os.environ), 1)
    assert result["seconds"] > 0 and len(result["runs"]) == 1
    assert sum(result["findings"].values()) > 0 and result["rules"] >= 3
    assert result["target_s"] == 5.0 and isinstance(result["pass"], bool)
