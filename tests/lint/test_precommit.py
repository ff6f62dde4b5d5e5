"""The pre-commit hooks (.pre-commit-hooks.yaml), run by pre-commit on a fixture repository.

The checkout as it stands (committed or not) is copied into a repository of its own, which the
fixture repository's .pre-commit-config.yaml names by path, so pre-commit installs the hooks
from it into a virtual environment (with the dependencies from PyPI; nothing comes from
GitHub). That install is the slow part (about half a minute), so both runs share it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import FIXTURES, ROOT

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
CLOSED = """role: support-worker
reference: EC-0009
status: open
posted: 2020-01-06
closing_date: 2020-02-01
locations: [Leeds]
country: GB
"""


def test_hooks_are_declared() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert list(hooks) == ["roleprint-format", "roleprint-validate", "roleprint-lint"]
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False
    own = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    ids = [h["id"] for repo in own["repos"] for h in repo["hooks"]]
    # The layout is settled before anything checks it (issue 17, point 4).
    assert ids[:3] == ["roleprint-format", "roleprint-validate", "roleprint-lint"]


def _hook_repository(target: Path, env: dict[str, str]) -> str:
    """A copy of every file git would commit from this checkout, committed; its revision."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "hooks"]):
        subprocess.run(["git", *args], cwd=target, env=env, check=True, capture_output=True)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=target, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


def test_pre_commit_runs_the_hooks_on_a_content_repository(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(FIXTURES / "base", repo / "content")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
           "ROLEPRINT_CACHE": str(tmp_path / "cache")}

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def hooks() -> subprocess.CompletedProcess[str]:
        git("add", "-A")
        return subprocess.run([*PRE_COMMIT, "run", "--all-files"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=600)

    rev = _hook_repository(tmp_path / "hooks", env)
    git("init", "-q")
    config = {"repos": [{"repo": str(tmp_path / "hooks"), "rev": rev,
                         "hooks": [{"id": "roleprint-format"}, {"id": "roleprint-validate"},
                                   {"id": "roleprint-lint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "roleprint-lint.yaml").write_text(
        "disable: [currency-job-posting, currency-review-due]\n", encoding="utf-8")
    # The fixtures are written without the editor's layout (no schema line): the first run
    # lays them out and stops the commit, as a formatter does; the second passes.
    laid_out = hooks()
    assert laid_out.returncode == 1, laid_out.stdout + laid_out.stderr
    assert "files were modified by this hook" in laid_out.stdout
    first = hooks()
    assert first.returncode == 0, first.stdout + first.stderr
    for hook in ("roleprint format", "roleprint validate", "roleprint lint"):
        assert hook in first.stdout

    added = repo / "content" / "vacancies" / "support-worker-2020.yaml"
    added.write_text(CLOSED)
    second = hooks()
    assert second.returncode == 1, second.stdout + second.stderr
    assert added.read_text().startswith("# yaml-language-server: $schema=../../schemas/")
    assert ("content/vacancies/support-worker-2020.yaml:6:15: $.closing_date: the vacancy is "
            "open but closed on 1 February 2020 [currency-closed]") in second.stdout
