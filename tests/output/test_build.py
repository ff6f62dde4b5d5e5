"""`roleprint build`: atomic, deterministic, and the previous site survives any failure."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import run
from tests.conftest import CONTENT, RECRUITING, ROOT


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")


@pytest.mark.usefixtures("in_root")
def test_two_builds_give_identical_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    # Each build with an empty cache of its own, so the second renders its PDFs afresh.
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache-one"))
    assert run(["build", "--site-dir", str(first)]) == 0
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache-two"))
    assert run(["build", "--site-dir", str(second)]) == 0
    one, two = tree_digest(first), tree_digest(second)
    assert one == two
    assert "index.html" in one and "roles/recovery-navigator/index.html" in one
    assert "roles/supervised-contact-co-ordinator/forms/application-form.pdf" in one
    # The application form in Word, beside the HTML and PDF, only for the roles that recruit.
    words = sorted(path for path in one if path.endswith("/forms/application-form.docx"))
    assert words == [f"roles/{role}/forms/application-form.docx" for role in sorted(RECRUITING)]
    assert "roles/recovery-navigator/recovery-navigator.docx" in one  # Word and Excel exports
    assert "roles/recovery-navigator/recovery-navigator-shortlisting.xlsx" in one
    assert "roles/roles.xlsx" in one and "roles/roles.csv" in one


@pytest.mark.usefixtures("in_root")
def test_content_error_leaves_previous_site(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site), "--no-pdf"]) == 0
    before = tree_digest(site)
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "roles" / "broken.yaml").write_text("title: Broken\norganisation: nobody\n")
    capsys.readouterr()
    assert run(["build", "--content", str(content), "--site-dir", str(site), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert "there is no organisation with the id 'nobody'" in err
    assert "Traceback" not in err
    assert tree_digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"]


@pytest.mark.usefixtures("in_root")
def test_site_engine_failure_leaves_previous_site(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site), "--no-pdf"]) == 0
    before = tree_digest(site)
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                          + "\nnav:\n  - Missing: no-such-page.md\n", encoding="utf-8")
    capsys.readouterr()
    status = run(["build", "--site-dir", str(site), "--config", str(bad_config), "--no-pdf"])
    assert status == 1
    err = capsys.readouterr().err
    assert "the site engine failed" in err
    assert f"The previous site in {site} was left as it was." in err
    assert tree_digest(site) == before


@pytest.mark.usefixtures("in_root")
def test_a_killed_forms_process_fails_the_build_plainly_and_keeps_the_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The forms are written by a forked process while the engine runs; if that process is
    killed (the out-of-memory killer, say), the build must not wait for it for ever."""
    site = tmp_path / "site"
    assert run(["build", "--site-dir", str(site), "--no-pdf"]) == 0
    before = tree_digest(site)

    def killed(*args: object, **kwargs: object) -> list[Path]:
        os.kill(os.getpid(), signal.SIGKILL)  # runs in the forked process only
        raise AssertionError("not reached")

    monkeypatch.setattr("generator.output.staging.can_fork", lambda: True)
    monkeypatch.setattr("generator.output.staging.write_forms", killed)
    capsys.readouterr()
    assert run(["build", "--site-dir", str(site), "--no-pdf"]) == 1
    err = capsys.readouterr().err
    assert "roleprint: the forms could not be written: the process writing the forms " \
           "stopped (exit code -9)" in err
    assert "Traceback" not in err
    assert f"The previous site in {site} was left as it was." in err
    assert tree_digest(site) == before


@pytest.mark.usefixtures("in_root")
def test_a_failed_first_build_does_not_claim_a_previous_site_was_kept(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    bad_config = tmp_path / "mkdocs.yml"
    bad_config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8")
                          + "\nnav:\n  - Missing: no-such-page.md\n", encoding="utf-8")
    status = run(["build", "--site-dir", str(site), "--config", str(bad_config), "--no-pdf"])
    assert status == 1
    err = capsys.readouterr().err
    assert "previous site" not in err
    assert f"Nothing was written into {site} (there was no site there before)." in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_a_stopped_builds_temporary_folder_is_removed_by_the_next_which_says_so(
        base_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """However it was left: even with a read-only folder inside it."""
    out = tmp_path / "out"
    left = out / ".roleprint-k1ll3d"
    (left / "site" / "roles").mkdir(parents=True)
    (left / "site" / "roles" / "index.html").write_bytes(b"x" * 260_000)
    (left / "site" / "roles").chmod(0o555)
    other = out / ".roleprint-notes.txt"  # not a folder: not ours to remove
    other.write_text("kept", encoding="utf-8")
    assert run(["build", "--content", str(base_content), "--site-dir", str(out / "site"),
                "--config", str(ROOT / "mkdocs.yml"), "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert f"Removed {left} (0.3 MB), left by a command that was stopped." in err
    assert sorted(p.name for p in out.iterdir()) == [other.name, "site"]


@pytest.mark.usefixtures("in_root")
def test_generate_writes_only_the_staging_tree(tmp_path: Path) -> None:
    out = tmp_path / "staging"
    assert run(["generate", "--out", str(out), "--no-pdf"]) == 0
    assert (out / "docs" / "index.md").is_file()
    assert (out / "docs" / "roles" / "recovery-navigator" / "index.md").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["staging"]


def test_the_staging_tree_is_the_same_written_by_one_process_or_several(tmp_path: Path) -> None:
    from generator.content.load import load
    from generator.output.staging import write_staging

    site = load(CONTENT).site
    assert site is not None
    write_staging(site, tmp_path / "one", parts=1)
    # In a fresh process: pytest's own threads would rightly stop it forking.
    script = ("import sys; from pathlib import Path; from generator.content.load import load; "
              "from generator.output.staging import can_fork, write_staging; "
              "assert can_fork(); "
              f"write_staging(load(Path({str(CONTENT)!r})).site, "
              f"Path({str(tmp_path / 'three')!r}), parts=3)")
    subprocess.run([sys.executable, "-c", script], check=True)
    assert tree_digest(tmp_path / "one") == tree_digest(tmp_path / "three")
    forms = "docs/roles/da-sv-case-coordinator/forms"
    assert f"{forms}/moderation.html" in tree_digest(tmp_path / "one")


@pytest.mark.usefixtures("in_root")
def test_forms_written_while_the_engine_runs_give_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Everything in this process, one step after another, against a fresh `roleprint` process,
    # which writes the forms in a forked process while MkDocs builds the pages.
    monkeypatch.setattr("generator.output.staging.can_fork", lambda: False)
    here, forked = tmp_path / "here", tmp_path / "forked"
    assert run(["build", "--site-dir", str(here), "--no-pdf"]) == 0
    roleprint = [sys.executable, "-c",
                 "import sys; from generator.cli import main; sys.exit(main())"]
    subprocess.run([*roleprint, "build", "--site-dir", str(forked),
                    "--no-pdf", "--timings", str(tmp_path / "timings.json")],
                   check=True, cwd=ROOT, capture_output=True)
    assert tree_digest(here) == tree_digest(forked)
    assert "roles/da-sv-case-coordinator/forms/interview.html" in tree_digest(forked)
    assert "forms" in json.loads((tmp_path / "timings.json").read_text(encoding="utf-8"))


@pytest.mark.usefixtures("in_root")
def test_the_engine_runs_with_the_model_set_aside_from_the_collector(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model lives until the build ends: the site engine's collections need not walk it.
    Once the command is over it is given back to the collector."""
    import gc

    from generator import build

    frozen: list[int] = []
    engine = build.mkdocs_build

    def counting(*args: object, **kwargs: object) -> None:
        frozen.append(gc.get_freeze_count())
        engine(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "mkdocs_build", counting)
    assert run(["build", "--site-dir", str(tmp_path / "site"), "--no-pdf"]) == 0
    assert len(frozen) == 1 and frozen[0] > 10_000
    assert gc.get_freeze_count() == 0


def test_a_deleted_role_leaves_nothing_behind_however_warm_the_caches(
        base_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A role deleted between two builds that share their PDF and export caches is gone from
    the site: its page, forms, PDFs, Word and Excel files, and its lines in the lists, the
    catalogue and the search index."""
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    site = tmp_path / "site"
    config = ("--config", str(ROOT / "mkdocs.yml"))
    role = (base_content / "roles" / "support-worker.yaml").read_text(encoding="utf-8")
    assert "title: Support Worker\n" in role
    (base_content / "roles" / "care-assistant.yaml").write_text(
        role.replace("title: Support Worker\n", "title: Care Assistant\n"), encoding="utf-8")
    vacancy = (base_content / "vacancies" / "support-worker-2027.yaml").read_text(encoding="utf-8")
    assert "role: support-worker\n" in vacancy
    (base_content / "vacancies" / "care-assistant-2027.yaml").write_text(
        vacancy.replace("role: support-worker\n", "role: care-assistant\n"), encoding="utf-8")
    assert run(["build", "--content", str(base_content), "--site-dir", str(site), *config]) == 0
    before = tree_digest(site)
    assert "roles/support-worker/forms/shortlisting.pdf" in before
    assert "roles/support-worker/support-worker.docx" in before
    (base_content / "roles" / "support-worker.yaml").unlink()
    (base_content / "vacancies" / "support-worker-2027.yaml").unlink()
    assert run(["build", "--content", str(base_content), "--site-dir", str(site), *config]) == 0
    after = tree_digest(site)
    assert not [path for path in after if "support-worker" in path]
    assert "roles/care-assistant/forms/shortlisting.pdf" in after
    for listing in ("roles/index.html", "index.html", "roles/roles.csv",
                    "search/search_index.json"):
        text = (site / listing).read_text(encoding="utf-8")
        assert "Support Worker" not in text and "Care Assistant" in text, listing
