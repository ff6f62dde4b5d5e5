"""What a build says when the disk is full or read-only: only what is true. A full disk is
reported with how far the new site got and what is free, never with a size the new site was
supposed to need; a read-only file system is named as such, never answered with chmod."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest

from generator.cli import run
from tests.conftest import ROOT

FREE = 6_000_000  # what the full disk has left, as the tests make it say


def build(content: Path, site: Path) -> int:
    return run(["build", "--content", str(content), "--site-dir", str(site), "--no-pdf",
                "--config", str(ROOT / "mkdocs.yml")])


@pytest.fixture
def built(base_content: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The content, and a site built from it (the one a failing build must leave)."""
    site = tmp_path / "out" / "site"
    assert build(base_content, site) == 0
    return base_content, site


def fail_writing(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Make the build fail with `code` as it moves the forms into the new site."""
    def failing(forms: list[Path], side: Path, new_site: Path, staging: Path | None) -> None:
        raise OSError(code, os.strerror(code), str(new_site / "roles" / "index.html"))

    monkeypatch.setattr("generator.build.place_forms", failing)


def test_a_full_disk_says_how_far_the_build_got_and_what_is_free(
        built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    content, site = built
    capsys.readouterr()
    fail_writing(monkeypatch, errno.ENOSPC)
    monkeypatch.setattr("generator.output.publish._free", lambda folder: FREE)
    assert build(content, site) == 1
    said = capsys.readouterr().err
    match = re.search(rf"roleprint: the disk holding {re.escape(str(site.parent))} is full: it "
                      r"ran out of space while writing site/roles/index.html, after "
                      r"([\d.]+) MB of the new site had been written\. This command needs more "
                      r"than the ([\d.]+) MB that is free there once its temporary files are "
                      r"removed", said)
    assert match, said
    written, free = (float(n) for n in match.groups())
    assert written > 0 and free == pytest.approx(FREE / 1e6 + written, abs=0.11)
    # The previous site's size is no estimate of the new one's: it is not given as one.
    assert "needs about" not in said and "the one it replaces" not in said
    assert f"The previous site in {site} was left as it was." in said


def test_a_read_only_file_system_met_while_writing_is_named_and_chmod_is_not_suggested(
        built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    content, site = built
    capsys.readouterr()
    fail_writing(monkeypatch, errno.EROFS)
    assert build(content, site) == 1
    said = capsys.readouterr().err
    assert (f"roleprint: cannot write into {site.parent}: it is on a read-only file system. "
            "Build the site on a file system that can be written, or mount that one "
            "read-write, and run the command again.") in said
    assert "chmod" not in said
    assert f"The previous site in {site} was left as it was." in said


def test_a_site_folder_on_a_read_only_mount_is_named_before_anything_is_written(
        built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """As on a file system mounted read-only: nothing may be written there, whoever asks."""
    content, site = built
    capsys.readouterr()
    real_access, real_statvfs = os.access, os.statvfs

    class ReadOnly:
        f_flag = os.ST_RDONLY

    def access(path: object, mode: int, **kwargs: object) -> bool:
        return False if Path(str(path)) == site.parent else real_access(path, mode)  # type: ignore[arg-type]

    def statvfs(path: object) -> object:
        return ReadOnly() if Path(str(path)) == site.parent else real_statvfs(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "statvfs", statvfs)
    assert build(content, site) == 1
    said = capsys.readouterr().err
    assert (f"roleprint: cannot write into {site.parent}: it is on a read-only file "
            "system.") in said
    assert "chmod" not in said


def test_a_folder_read_only_for_this_user_still_gets_the_chmod_advice(tmp_path: Path) -> None:
    from generator.output.publish import not_writable

    assert "chmod -R u+w" in not_writable(tmp_path, "site")
    assert "read-only file system" in not_writable(tmp_path, "site", read_only=True)


def test_a_used_up_quota_claims_nothing_about_free_space(tmp_path: Path) -> None:
    """The disk's free space says nothing of a quota: it is not given as if it did."""
    from generator.output.publish import Workspace

    space = tmp_path / ".roleprint-x"
    (space / "site").mkdir(parents=True)
    (space / "site" / "page.html").write_bytes(b"x" * 1_500_000)
    said = Workspace(tmp_path / "site", space, "site").explain(
        OSError(errno.EDQUOT, os.strerror(errno.EDQUOT)))
    assert said.startswith(f"your disk quota for {tmp_path} is used up: it ran out of space, "
                           "after 1.5 MB of the new site had been written. Free some space, "
                           "or ask for a larger quota, and run the command again.\n")
    assert "is free" not in said
