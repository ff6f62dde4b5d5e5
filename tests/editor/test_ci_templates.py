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


def repository(tmp_path: Path) -> Path:
    """A content repository: a copy of Roleprint with its own content (docs/editor.md)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("content", "schemas", "mkdocs.yml", "roleprint-lint.yaml", "generator"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, repo / name)
    return repo


def ours(template: str) -> list[str]:
    """The template's own commands, as run here (this machine's environment for `.venv`)."""
    commands = github_commands() if template == "github" else gitlab_commands()
    found = [c for c in commands if not c.startswith(("sudo ", *SETUP))]
    assert len(found) >= 4, commands  # layout, validate, lint, build at least
    for command in found:
        known = command.startswith((".venv/bin/roleprint ", "test -f "))
        assert known, f"a step the test does not know: {command}"
    bin_dir = Path(sys.executable).parent
    return [c.replace(".venv/bin/", f"{bin_dir}/") for c in found]


def sh(command: str, repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, cwd=repo, capture_output=True, text=True,
                          timeout=900)


@pytest.mark.parametrize("template", ["github", "gitlab"])
def test_template_commands_run(template: str, tmp_path: Path) -> None:
    repo = repository(tmp_path)
    commands = ours(template)
    assert [c.split("/")[-1] for c in commands[:3]] == [
        "roleprint format --check", "roleprint validate", "roleprint lint"]
    for command in commands:
        done = sh(command, repo)
        assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    site = repo / ("site" if template == "github" else "public")
    assert (site / "index.html").is_file()
    assert (site / "roles" / "recovery-navigator" / "index.html").is_file()


@pytest.mark.parametrize("template", ["github", "gitlab"])
def test_a_hosted_save_fails_the_layout_step_until_make_format(template: str,
                                                               tmp_path: Path) -> None:
    """Issue 17, point 5: Decap writes a hosted save itself (no schema line, its own quoting),
    so the first step fails and says what to do; once formatted, every step passes."""
    repo = repository(tmp_path)
    target = repo / "content" / "roles" / "recovery-navigator.yaml"
    record = yaml.safe_load(target.read_text(encoding="utf-8"))
    record["team"] = "Forensic Team"
    target.write_text(yaml.safe_dump(record, sort_keys=False, allow_unicode=True),
                      encoding="utf-8")
    layout, *rest = ours(template)
    done = sh(layout, repo)
    assert done.returncode == 1
    assert "content/roles/recovery-navigator.yaml:1:1: would change: " in done.stdout
    assert "Run `make format` (or `.venv/bin/roleprint format`) and commit the result" in (
        done.stdout)
    # What `make format` runs, on the request's branch.
    fixed = sh(f"{Path(sys.executable).parent}/roleprint format", repo)
    assert fixed.returncode == 0, fixed.stdout
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")
    assert yaml.safe_load(text) == record
    for command in [layout, *rest[:2]]:  # layout, validate, lint: the build is shown above
        again = sh(command, repo)
        assert again.returncode == 0, f"{command}\n{again.stdout}\n{again.stderr}"
