"""Regenerate tests/content/fixtures/invalid/*/expected.txt; read every diff before committing
it."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from pathlib import Path

from generator.cli import run
from tests.conftest import FIXTURES, INVALID, overlay


def main() -> None:
    for folder in sorted(INVALID.iterdir()):
        with tempfile.TemporaryDirectory() as tmp:
            content = overlay(FIXTURES / "base", folder / "content", Path(tmp))
            cwd = os.getcwd()
            os.chdir(tmp)
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    run(["validate", "--content", str(content)])
            finally:
                os.chdir(cwd)
        (folder / "expected.txt").write_text(out.getvalue(), encoding="utf-8")
        print(f"{folder.name}: {out.getvalue().count(chr(10))} lines")


if __name__ == "__main__":
    main()
