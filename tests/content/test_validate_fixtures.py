"""Data-driven negative tests: each invalid case beside the exact report it must produce."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from generator.cli import run
from tests.conftest import FIXTURES, INVALID, overlay

IGNORED = Path(__file__).resolve().parent / "fixtures" / "ignored-files"

CASES = sorted(p.name for p in (INVALID).iterdir() if p.is_dir())


def validate(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = run(["validate", "--content", str(content)])
    return status, capsys.readouterr().out


@pytest.mark.parametrize("case", CASES)
def test_invalid_case_gives_expected_report(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = INVALID / case
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", folder / "content", tmp_path)
    status, out = validate(content, capsys)
    expected = (folder / "expected.txt").read_text(encoding="utf-8")
    assert out == expected
    assert status == 1
    assert "Traceback" not in out


def test_every_case_has_expected_text() -> None:
    for case in CASES:
        assert (INVALID / case / "expected.txt").is_file(), case


def test_editor_lock_and_hidden_files_are_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", IGNORED / "content", tmp_path)
    assert len(list((content / "roles").iterdir())) == 6
    status, out = validate(content, capsys)
    assert (status, out) == (0, "All 9 content files are valid.\n")


def test_oversized_file_is_refused_without_parsing(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = base_content / "roles" / "huge.yaml"
    big.write_bytes(b"title: Huge\norganisation: example-council\nteam: " + b"x" * 1_100_000)
    status, out = validate(base_content, capsys)
    assert status == 1
    assert out.startswith(
        "content/roles/huge.yaml:1:1: $: the file is 1,100,048 bytes, over the 1,000,000-byte "
        "limit for one record\n"
    )


def test_json_report(base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_content / "roles" / "typo.yaml").write_text("title: T\norganisation: example-council\n"
                                                      "gradee: Band 1\n")
    status = run(["validate", "--content", str(base_content), "--format", "json"])
    import json

    body = json.loads(capsys.readouterr().out)
    assert status == 1
    assert body["valid"] is False
    assert body["problems"] == [{
        "path": "content/roles/typo.yaml", "line": 3, "column": 1, "json_path": "$.gradee",
        "message": "unknown key 'gradee'", "hint": "did you mean 'grade'?",
        "severity": "error",
    }]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--content", os.devnull + "-missing"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        run(["validate", "--format", "xml"])
    assert exit_info.value.code == 2


def test_a_file_name_cannot_split_a_problem_line(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newline or a right-to-left override in a file name is shown escaped, on one line,
    and a problem with the file itself stands at line 1, column 1."""
    (base_content / "roles" / "two\nlines.yaml").write_text("title: T\n")
    (base_content / "roles" / "evil\u202etxt.yaml").write_text("title: T\n")
    (base_content / "people").mkdir()
    status, out = validate(base_content, capsys)
    assert status == 1
    problems = [line for line in out.splitlines() if not line.startswith("    hint: ")][:-1]
    assert problems == [
        "content/people:1:1: $: unknown folder 'people'",
        "content/roles/evil\\u202etxt.yaml:1:1: $: the file name 'evil\\u202etxt.yaml' cannot "
        "be used as an id: lower-case letters and digits in words joined by single hyphens",
        "content/roles/two\\nlines.yaml:1:1: $: the file name 'two\\nlines.yaml' cannot be used "
        "as an id: lower-case letters and digits in words joined by single hyphens",
    ]


def test_every_problem_in_every_fixture_is_one_located_line() -> None:
    located = re.compile(r"^\S[^\n]*?:[1-9][0-9]*:[1-9][0-9]*: ((warning|info): )?\$")
    for case in CASES:
        lines = (INVALID / case / "expected.txt").read_text("utf-8").splitlines()
        for line in lines[:-1]:
            assert line.startswith("    hint: ") or located.match(line), (case, line)
