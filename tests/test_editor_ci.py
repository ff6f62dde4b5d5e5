"""The CI templates in docs/ci-templates/: their commands run here on the shipped content.

The hosted services (GitHub Actions, GitLab CI, Pages) are not run; every command of ours in
the templates is, in a copy of the repository, and a step the test does not know fails it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

TEMPLATES = ROOT / "docs" / "ci-templates"
# Steps that set up the hosted machine or hand the site to the hosting service: not run here
# (this machine is set up by `make test`; Pages is the service's).
SETUP = ("apt-get", "make .venv/.installed-stamp")


def github_commands() -> list[str]:
    workflow = yaml.safe_load((TEMPLATES / "github" / "roleprint.yml").read_text())
    return [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "run" in step]


def gitlab_commands() -> list[str]:
    pipeline = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text())
    return [line for name, job in pipeline.items() if isinstance(job, dict) and "script" in job
            for line in job.get("before_script", []) + job["script"]]


def test_github_template_publishes_only_on_merge() -> None:
    workflow = yaml.safe_load((TEMPLATES / "github" / "roleprint.yml").read_text())
    on = workflow[True]  # PyYAML reads the key `on` as true
    assert "pull_request" in on and on["push"]["branches"] == ["main"]
    assert "refs/heads/main" in workflow["jobs"]["publish"]["if"]
    assert workflow["permissions"] == {"contents": "read"}


@pytest.mark.parametrize("template", ["github", "gitlab"])
def test_template_commands_run(template: str, tmp_path: Path) -> None:
    commands = github_commands() if template == "github" else gitlab_commands()
    ours = [c for c in commands if not c.startswith(("sudo ", *SETUP))]
    assert len(ours) >= 3, commands  # lint, validate, build at least
    repo = tmp_path / "repo"
    repo.mkdir()
    # A content repository is a copy of Roleprint with its own content (docs/editor.md).
    for name in ("content", "schemas", "mkdocs.yml", "generator"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, repo / name)
    bin_dir = Path(sys.executable).parent
    for command in ours:
        known = command.startswith((".venv/bin/roleprint ", "test -f "))
        assert known, f"a step the test does not know: {command}"
        command = command.replace(".venv/bin/", f"{bin_dir}/")
        done = subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True,
                              timeout=900)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    site = repo / ("site" if template == "github" else "public")
    assert (site / "index.html").is_file()
    assert (site / "roles" / "recovery-navigator" / "index.html").is_file()
