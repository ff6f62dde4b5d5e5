"""benchmarks/lint.py measures a cold `roleprint lint` on synthetic content (here, 10 roles), and
benchmarks/lint_rules.py each rule's time."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from benchmarks import lint_rules, synthetic
from benchmarks.lint import measure_lint


def test_lint_benchmark_runs_on_synthetic_content(tmp_path: Path) -> None:
    synthetic.write(tmp_path / "content", 10, seed=1)
    result = measure_lint(tmp_path / "content", tmp_path, dict(os.environ), 1)
    assert result["seconds"] > 0 and len(result["runs"]) == 1
    assert sum(result["findings"].values()) > 0 and result["rules"] >= 3
    assert result["target_s"] == 5.0 and isinstance(result["pass"], bool)


def test_rule_timings_name_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    from generator.lint.rules import all_rules

    assert lint_rules.main(["--roles", "10"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert sorted(result["rules"]) == sorted(all_rules())
    assert result["total_s"] == pytest.approx(sum(result["rules"].values()), abs=0.05)
