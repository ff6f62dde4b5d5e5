"""Compiled templates kept between commands: reused, and never a reason for a command to fail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

# Renders one form template (which imports macros and extends a base) in a new process.
RENDER = """
from generator.render.templating import environment
print(environment().get_template("forms/_equality_questions.html").render(
    questions=(), privacy="", field=lambda *a, **k: "FIELD"))
"""


def render_in_new_process(cache: Path) -> str:
    env = {**os.environ, "ROLEPRINT_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", RENDER], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return done.stdout


def compiled(cache: Path) -> list[Path]:
    return sorted(cache.glob("templates/*/*.entry"))


def test_compiled_templates_are_kept_and_reused(tmp_path: Path) -> None:
    first = render_in_new_process(tmp_path)
    kept = compiled(tmp_path)
    assert kept, "no compiled template was kept"
    # Not written again (a use only touches an entry's time, for pruning).
    stamps = {path: (path.stat().st_ino, path.read_bytes()) for path in kept}
    assert render_in_new_process(tmp_path) == first
    assert {path: (path.stat().st_ino, path.read_bytes())
            for path in compiled(tmp_path)} == stamps


def test_a_damaged_compiled_template_is_compiled_again(tmp_path: Path) -> None:
    first = render_in_new_process(tmp_path)
    for path in compiled(tmp_path):
        path.write_bytes(b"not a compiled template")
    assert render_in_new_process(tmp_path) == first


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    assert "FIELD" in render_in_new_process(blocker)
