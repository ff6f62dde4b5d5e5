"""Helpers of the fault tests: `roleprint` in a process of its own (under strace, or as another
user), the system calls it makes, and two versions of the content to tell old from new."""

from __future__ import annotations

import hashlib
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import ROOT
from tests.support.waiting import LIMIT

TRACED = "openat,mkdir,rename,renameat2,unlinkat"
CALL = re.compile(r"(\d+) +(\w+)\((.*)")


def roleprint(*args: str, strace: list[str] | None = None, user: bool = False,
              env: dict[str, str] | None = None, timeout: float = LIMIT) -> tuple[int, str]:
    """Run `roleprint ARGS` from the checkout; return its exit status and everything it
    printed. `strace` is a list of strace options (`-e inject=…`); with `user`, it runs as
    `nobody` when the tests run as root."""
    command = [sys.executable, "-m", "generator", *args]
    if strace is not None:
        output = [] if "-o" in strace else ["-o", os.devnull]
        command = ["strace", "-f", "-qq", *output, *strace, "--", *command]
    if user and os.geteuid() == 0:
        nobody = pwd.getpwnam("nobody")
        command = ["setpriv", f"--reuid={nobody.pw_uid}", f"--regid={nobody.pw_gid}",
                   "--clear-groups", *command]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600",
                               "PYTHONDONTWRITEBYTECODE": "1", **(env or {})},
                          timeout=timeout, check=False)
    return done.returncode, done.stdout.decode("utf-8", errors="replace")


def traced(run: Callable[[list[str]], tuple[int, str]]) -> list[tuple[str, str]]:
    """The calls of the TRACED system calls made by the main process of `run`, in order, as
    (name, arguments). `run` is given the strace options to use."""
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "trace"
        status, output = run(["-o", str(log), "-e", f"trace={TRACED}"])
        assert status == 0, output
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    calls = [match.groups() for match in map(CALL.match, lines) if match]
    main = calls[0][0]
    return [(name, args) for pid, name, args in calls if pid == main]


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def site_digest(work: Path) -> dict[str, str] | None:
    """The published site's files and their digests (None when there is no site)."""
    site = work / "out" / "site"
    return tree_digest(site) if site.is_dir() else None


class Versions:
    """Two versions of the content in work/content ("a" and "b": the role's title differs),
    and the digest of the site each gives, recorded at its first successful build."""

    def __init__(self, work: Path) -> None:
        self.role = work / "content" / "roles" / "support-worker.yaml"
        self.text = self.role.read_text(encoding="utf-8")
        assert "title: Support Worker\n" in self.text
        self.work = work
        self.digest: dict[str, dict[str, str] | None] = {}

    def use(self, version: str) -> None:
        title = {"a": "Support Worker", "b": "Senior Support Worker"}[version]
        self.role.write_text(self.text.replace("title: Support Worker\n", f"title: {title}\n"),
                             encoding="utf-8")
        self.current = version

    def built(self) -> None:
        """Record (or check) the site of the current version, just built."""
        digest = site_digest(self.work)
        assert digest
        assert self.digest.setdefault(self.current, digest) == digest


@contextmanager
def nobody_folder() -> Iterator[Path]:
    """A folder `nobody` owns, outside pytest's own (which only root may enter), when the tests
    run as root; otherwise a folder of the user running them."""
    folder = Path(tempfile.mkdtemp(prefix="roleprint-faults-"))
    try:
        folder.chmod(0o755)
        yield folder
    finally:
        for top, dirs, _ in os.walk(folder):  # whatever a test left read-only
            for name in dirs:
                os.chmod(os.path.join(top, name), 0o755)
        shutil.rmtree(folder)


def give_to_nobody(folder: Path) -> None:
    if os.geteuid() != 0:
        return
    nobody = pwd.getpwnam("nobody")
    for top, dirs, files in os.walk(folder):
        for name in [top, *(os.path.join(top, n) for n in dirs + files)]:
            os.lchown(name, nobody.pw_uid, nobody.pw_gid)
