"""The live preview: a save updates only what changed; a bad save keeps the last good site."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.serve import regenerate, snapshot, sync_tree


def test_sync_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    source, target = tmp_path / "new", tmp_path / "live"
    (source / "a").mkdir(parents=True)
    (source / "a" / "same.md").write_text("same")
    (source / "changed.md").write_text("new text")
    (target / "a").mkdir(parents=True)
    (target / "a" / "same.md").write_text("same")
    (target / "changed.md").write_text("old text")
    (target / "gone").mkdir()
    (target / "gone" / "old.md").write_text("old")
    before = (target / "a" / "same.md").stat().st_mtime_ns
    changed = sync_tree(source, target)
    assert sorted(p.as_posix() for p in changed) == ["changed.md", "gone/old.md"]
    assert (target / "changed.md").read_text() == "new text"
    assert not (target / "gone").exists()
    assert (target / "a" / "same.md").stat().st_mtime_ns == before


def test_an_edit_shows_and_an_error_keeps_the_last_good_version(
    base_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    staging = tmp_path / "staging"
    assert regenerate(base_content, staging)
    page = staging / "docs" / "roles" / "support-worker.md"
    assert "Support Worker" in page.read_text(encoding="utf-8")

    role = base_content / "roles" / "support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "title: Support Worker", "title: Senior Support Worker"), encoding="utf-8")
    seen = snapshot(base_content)
    assert regenerate(base_content, staging)
    assert "Senior Support Worker" in page.read_text(encoding="utf-8")

    role.write_text("title: Broken\norganisation: nobody\n", encoding="utf-8")
    assert snapshot(base_content) != seen
    capsys.readouterr()
    assert not regenerate(base_content, staging)
    err = capsys.readouterr().err
    assert "there is no organisation with the id 'nobody'" in err
    assert "last good version" in err
    assert "Senior Support Worker" in page.read_text(encoding="utf-8")

    role.unlink()
    (base_content / "vacancies" / "support-worker-2027.yaml").unlink()
    assert regenerate(base_content, staging)
    assert not page.exists()
