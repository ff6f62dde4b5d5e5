"""Shared fixtures: paths, and a copy of a content tree a test may change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["tests.browser"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = ROOT / "content"


def overlay(base: Path, extra: Path, target: Path) -> Path:
    """Copy `base`, then `extra` on top, into target/content; return the content folder."""
    content = target / "content"
    shutil.copytree(base, content)
    if extra.exists():
        shutil.copytree(extra, content, dirs_exist_ok=True)
    return content


@pytest.fixture
def base_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small valid fixture tree, with the working directory beside it."""
    monkeypatch.chdir(tmp_path)
    return overlay(FIXTURES / "base", FIXTURES / "none", tmp_path)
