"""Builds that survive faults: a kill at any moment, two builds at once, a full disk, a
read-only site folder. After each, the site folder is the old or the new site byte for byte,
no traceback was printed, and the next build succeeds.

Builds run as `roleprint` processes. Kills and failed system calls are injected by strace
(`make test` installs it), at moments found by a first, traced run of the same build; the
read-only cases run as the user `nobody` when the tests run as root (as in CI), since root may
write anywhere.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.faults_support import (
    Versions,
    roleprint,
    site_digest,
    traced,
    tree_digest,
)

CONFIG = str(ROOT / "mkdocs.yml")


@pytest.fixture
def work(base_content: Path, tmp_path: Path) -> Path:
    """The content (in two versions, see `Versions`) and an empty folder for the site."""
    (tmp_path / "out").mkdir()
    return tmp_path


def build(work: Path, *, strace: list[str] | None = None, user: bool = False,
          env: dict[str, str] | None = None) -> tuple[int, str]:
    return roleprint("build", "--content", str(work / "content"), "--site-dir",
                     str(work / "out" / "site"), "--config", CONFIG, "--no-pdf",
                     strace=strace, user=user, env=env)


def kill_at(syscall: str, nth: int) -> list[str]:
    return ["-e", f"inject={syscall}:signal=SIGKILL:when={nth}"]


def leftovers(work: Path) -> list[str]:
    return sorted(p.name for p in (work / "out").glob(".roleprint-*"))


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(work: Path) -> None:
    versions = Versions(work)
    # A traced build of version "b" over version "a": the moments to kill it at.
    versions.use("a")
    assert build(work)[0] == 0
    versions.built()
    versions.use("b")
    calls = traced(lambda strace: build(work, strace=strace))
    versions.built()
    names = [name for name, _ in calls]
    exchange = next(i for i, (name, args) in enumerate(calls)
                    if name == "renameat2" and "/out/site" in args)
    workspace = next(i for i, (name, args) in enumerate(calls)
                     if name == "mkdir" and ".roleprint-" in args)
    after = names[exchange + 1:].count("unlinkat")
    moments = sorted({
        # Before the temporary folder exists; as it is made; in the middle of the build, while
        # the site engine writes; as the forms folder is moved into the new site; at the
        # exchange itself; just after it, and while the old site is being removed.
        *[("openat", n * names.count("openat") // 10) for n in (2, 5, 8)],
        ("mkdir", names[:workspace + 1].count("mkdir")),
        *[("rename", n) for n in range(1, names.count("rename") + 1)
          if ".roleprint-" in calls[_nth(names, "rename", n)][1]],
        ("renameat2", names[:exchange + 1].count("renameat2")),
        ("unlinkat", names[:exchange].count("unlinkat") + 1),
        ("unlinkat", names[:exchange].count("unlinkat") + after // 2),
    })
    assert len(moments) >= 8
    current = "b"
    for syscall, nth in moments:
        other = "a" if current == "b" else "b"
        versions.use(other)
        status, output = build(work, strace=kill_at(syscall, nth))
        assert status != 0, (syscall, nth)  # killed
        assert "Traceback" not in output
        assert site_digest(work) in (versions.digest[current], versions.digest[other]), \
            f"killed at {syscall} number {nth}: the site is neither the old nor the new one"
        left = leftovers(work)
        status, output = build(work)
        assert status == 0 and "Traceback" not in output, output
        for name in left:
            assert f"Removed {work / 'out' / name} (" in output
        assert leftovers(work) == []
        versions.built()
        current = other


def _nth(names: list[str], name: str, n: int) -> int:
    """The index of the n-th call named `name`."""
    return [i for i, found in enumerate(names) if found == name][n - 1]


def test_where_folders_cannot_be_exchanged_a_build_stopped_between_the_two_renames_is_undone(
        work: Path) -> None:
    """With renameat2 refused (as on a file system without it), the old site is moved aside
    and the new one into its place. A build killed between the two leaves no site; the next
    build puts the old one back and says so, even when it then stops at a content error."""
    versions = Versions(work)
    versions.use("a")
    assert build(work)[0] == 0
    versions.built()
    versions.use("b")
    no_exchange = ["-e", "inject=renameat2:error=EINVAL"]
    calls = traced(lambda strace: build(work, strace=[*strace, *no_exchange]))
    versions.built()  # the two-step swap works
    renames = [args for name, args in calls if name == "rename"]
    aside = next(n for n, args in enumerate(renames, 1) if args.startswith('"' + str(work)
                                                                           + '/out/site"'))
    versions.use("a")
    status, output = build(work, strace=[*no_exchange, *kill_at("rename", aside + 1)])
    assert status != 0 and "Traceback" not in output
    assert not (work / "out" / "site").exists()  # the moment the fallback cannot avoid
    (work / "content" / "roles" / "broken.yaml").write_text("title: Broken\n", encoding="utf-8")
    status, output = build(work)
    assert status == 1 and "Traceback" not in output
    assert "the previous one was put back" in output
    assert "The previous site" not in output or "left as it was" in output
    assert site_digest(work) == versions.digest["b"]
    assert leftovers(work) == []
    (work / "content" / "roles" / "broken.yaml").unlink()
    assert build(work)[0] == 0
    versions.built()


@pytest.mark.parametrize("command", ["build", "generate", "forms"])
def test_two_commands_into_one_folder_at_once_take_turns(work: Path, command: str) -> None:
    """While one command holds the folder's lock, others wait, saying so; then each finishes
    in turn, with no traceback, and what they wrote is whole."""
    out = work / "out"
    target = out / {"build": "site", "generate": "staging", "forms": "forms"}[command]
    args = {"build": ["build", "--site-dir", str(target), "--config", CONFIG],
            "generate": ["generate", "--out", str(target)],
            "forms": ["forms", "support-worker-2027", "--out", str(target)]}[command]
    roleprint_ = [sys.executable, "-m", "generator", *args, "--content",
                  str(work / "content"), "--no-pdf"]
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as a command writing there would hold it
    try:
        children = [subprocess.Popen(roleprint_, cwd=ROOT, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT) for _ in range(2)]
        said = {child.pid: b"" for child in children}
        deadline = time.monotonic() + 60
        while not all(_waiting(child, said) for child in children):
            assert time.monotonic() < deadline, "no command said it was waiting"
            assert all(child.poll() is None for child in children), "one did not wait"
            time.sleep(0.1)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    for child in children:
        assert child.stdout is not None
        os.set_blocking(child.stdout.fileno(), True)
        output = (said[child.pid] + child.communicate(timeout=120)[0]).decode("utf-8")
        assert child.returncode == 0, output
        assert f"another roleprint command is writing into {out}: waiting" in output
        assert "Traceback" not in output
    files = tree_digest(target)
    page = {"build": "roles/support-worker/index.html", "generate": "docs/index.md",
            "forms": "interview.html"}[command]
    assert page in files
    assert sorted(p.name for p in out.iterdir()) == [target.name]


def _waiting(child: subprocess.Popen[bytes], said: dict[int, bytes]) -> bool:
    """Whether the child has said it is waiting, reading only what it has printed so far."""
    assert child.stdout is not None
    os.set_blocking(child.stdout.fileno(), False)
    said[child.pid] += child.stdout.read() or b""
    return b"waiting" in said[child.pid]
