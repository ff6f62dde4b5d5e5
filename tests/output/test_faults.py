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
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.output.faults_support import (
    Versions,
    give_to_nobody,
    nobody_folder,
    roleprint,
    site_digest,
    traced,
    tree_digest,
)
from tests.support.waiting import LIMIT, until

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


def both_built(work: Path, versions: Versions) -> None:
    """Build version "b" and then "a", leaving the site of "a": every cache (the loaded model
    among them) then holds both, so the traced build and the builds killed after it make the
    same system calls, in the same order."""
    for version in ("b", "a"):
        versions.use(version)
        assert build(work)[0] == 0
        versions.built()


def kill_at(syscall: str, nth: int) -> list[str]:
    return ["-e", f"inject={syscall}:signal=SIGKILL:when={nth}"]


def leftovers(work: Path) -> list[str]:
    return sorted(p.name for p in (work / "out").glob(".roleprint-*"))


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(work: Path) -> None:
    versions = Versions(work)
    # A traced build of version "b" over version "a": the moments to kill it at.
    both_built(work, versions)
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
    both_built(work, versions)
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
        def waiting() -> bool:
            assert all(child.poll() is None for child in children), "one did not wait"
            return all(_waiting(child, said) for child in children)

        until(waiting, "no command said it was waiting")
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    for child in children:
        assert child.stdout is not None
        os.set_blocking(child.stdout.fileno(), True)
        output = (said[child.pid] + child.communicate(timeout=LIMIT)[0]).decode("utf-8")
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


def test_a_read_only_site_folder_gives_a_plain_message_and_the_next_build_succeeds() -> None:
    """As a user other than root (root may write anywhere): a read-only site folder, or a
    read-only folder holding it, stops the build with a plain message before anything is
    written; a read-only folder inside the old site does not stop it at all."""
    with nobody_folder() as work:
        shutil.copytree(FIXTURES / "base", work / "content")
        (work / "out").mkdir()
        give_to_nobody(work)
        env = {"ROLEPRINT_CACHE": str(work / "cache"), "HOME": str(work)}
        versions = Versions(work)
        versions.use("a")
        assert build(work, user=True, env=env)[0] == 0
        versions.built()
        versions.use("b")
        for blocked in (work / "out" / "site", work / "out"):
            blocked.chmod(0o555)
            status, output = build(work, user=True, env=env)
            assert status == 1 and "Traceback" not in output
            assert f"roleprint: cannot write into {blocked}: it is read-only" in output
            assert f"The previous site in {work / 'out' / 'site'} was left as it was." in output
            assert site_digest(work) == versions.digest["a"]
            blocked.chmod(0o755)
        assert leftovers(work) == []
        (work / "out" / "site" / "roles").chmod(0o555)
        status, output = build(work, user=True, env=env)
        assert status == 0 and "Traceback" not in output, output
        versions.built()
        assert leftovers(work) == []


@pytest.fixture(params=["tmpfs", "injected"])
def small_disk(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | None]:
    """A 5 MB tmpfs, room for one site of the base content but not for two; or None, and the
    test fails a write with ENOSPC by strace instead (as it does where a tmpfs cannot be
    mounted: not root)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = request.param == "tmpfs" and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=5m", "tmpfs", str(disk)],
        capture_output=True, check=False).returncode == 0
    yield disk if mounted else None
    if mounted:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_leaves_the_old_site_and_no_temporary_files(
        work: Path, small_disk: Path | None) -> None:
    if small_disk is not None:
        (work / "out").rmdir()
        (work / "out").symlink_to(small_disk)
    versions = Versions(work)
    versions.use("a")
    assert build(work)[0] == 0
    versions.built()
    versions.use("b")
    full = None
    if small_disk is None:  # the moment to fail at: three quarters of the way through its writes
        opens = [args for name, args in traced(lambda strace: build(work, strace=strace))
                 if name == "openat"]
        versions.built()
        versions.use("a")
        # strace counts every openat; fail the one that creates the file three quarters of the
        # way through those that write (a read it failed, of a cache entry or a library's
        # metadata, would be lived through, and rightly).
        writing = [n for n, args in enumerate(opens, start=1) if "O_CREAT" in args]
        full = ["-e", f"inject=openat:error=ENOSPC:when={writing[len(writing) * 3 // 4]}"]
    old = "b" if small_disk is None else "a"
    status, output = build(work, strace=full)
    assert status == 1 and "Traceback" not in output, output
    out = (work / "out").resolve()
    assert f"roleprint: the disk holding {out} is full: it ran out of space" in output
    assert "MB of the new site had been written. This command needs more than the " in output
    assert "MB that is free there once its temporary files are removed" in output
    assert f"The previous site in {out / 'site'} was left as it was." in output
    assert site_digest(work) == versions.digest[old]
    assert leftovers(work) == []
    if small_disk is not None:
        subprocess.run(["mount", "-o", "remount,size=20m", str(small_disk)], check=True)
    status, output = build(work)
    assert status == 0, output
    versions.built()


def test_odd_files_in_content_are_located_problems_never_a_hang_or_a_traceback() -> None:
    """A named pipe (reading it would wait for ever), a folder named like a record, links out
    of content/ (to a system file, to a role kept elsewhere), a link to nothing and a file that
    cannot be read (as a user other than root): each a problem at line 1, column 1. A link
    that stays inside content/ is followed."""
    with nobody_folder() as work:
        content = work / "content"
        shutil.copytree(FIXTURES / "base", content)
        roles = content / "roles"
        os.mkfifo(roles / "pipe.yaml")
        (roles / "folder.yaml").mkdir()
        (roles / "folder.yaml" / "inside.yaml").write_text("title: Inside\n", encoding="utf-8")
        (roles / "passwd.yaml").symlink_to("/etc/passwd")
        (work / "elsewhere").mkdir()
        shutil.copy(roles / "support-worker.yaml", work / "elsewhere" / "outside.yaml")
        (roles / "outside.yaml").symlink_to(work / "elsewhere" / "outside.yaml")
        (roles / "dangling.yaml").symlink_to("no-such-file.yaml")
        (content / "sources").mkdir()
        (content / "glossary.yaml").rename(content / "sources" / "glossary.yaml")
        (content / "glossary.yaml").symlink_to(Path("sources") / "glossary.yaml")
        (roles / "secret.yaml").write_text("title: Secret\n", encoding="utf-8")
        give_to_nobody(work)
        (roles / "secret.yaml").chmod(0)
        env = {"ROLEPRINT_CACHE": str(work / "cache"), "HOME": str(work)}
        status, output = roleprint("validate", "--content", str(content), user=True, env=env,
                                   timeout=LIMIT)
        shown = f"{roles}/"
        assert output.splitlines() == [
            f"{shown}dangling.yaml:1:1: $: this symbolic link leads to nothing that can be read",
            "    hint: remove the link, or put the file it pointed to in its place",
            f"{shown}folder.yaml:1:1: $: this is a folder named like a record, not a file",
            f"    hint: records are files: rename the folder, or move what is in it into "
            f"{roles}/",
            f"{shown}outside.yaml:1:1: $: this symbolic link leads outside the content folder, "
            "and is not followed",
            "    hint: copy the file into the content folder instead of linking to it",
            f"{shown}passwd.yaml:1:1: $: this symbolic link leads outside the content folder, "
            "and is not followed",
            "    hint: copy the file into the content folder instead of linking to it",
            f"{shown}pipe.yaml:1:1: $: this is not an ordinary file (a named pipe or a device, "
            "say), so it is not read",
            "    hint: replace it with an ordinary YAML file, or remove it",
            f"{shown}secret.yaml:1:1: $: the file cannot be read: Permission denied",
            "    hint: check that it is an ordinary file you are allowed to read",
            "Found 6 problems in 6 files (10 files checked).",
        ]
        assert status == 1
        status, output = roleprint("build", "--content", str(content), "--site-dir",
                                   str(work / "site"), "--config", CONFIG, "--no-pdf",
                                   user=True, env=env, timeout=LIMIT)
        assert status == 1 and "Traceback" not in output
        assert "Nothing was written" in output and not (work / "site").exists()
        shutil.rmtree(roles / "folder.yaml")
        for odd in ("pipe.yaml", "passwd.yaml", "outside.yaml", "dangling.yaml", "secret.yaml"):
            (roles / odd).unlink()
        status, output = roleprint("build", "--content", str(content), "--site-dir",
                                   str(work / "site"), "--config", CONFIG, "--no-pdf",
                                   user=True, env=env, timeout=LIMIT)
        assert status == 0, output
        assert "Glossary" in (work / "site" / "glossary" / "index.html").read_text("utf-8")
