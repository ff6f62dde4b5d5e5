"""The editor's problems in an HR officer's words: every problem the checks make, run through
`generator/editor/messages.py`, names its record and field as the form does and says what to do
with no YAML, file name, line number, pattern or flag (issue 27, point 3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.content.validate import validate
from generator.core.problems import Problem
from generator.editor.messages import officer
from tests.conftest import FIXTURES, INVALID, overlay
from tests.support.editor_browser import programmer_words

CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES)
def test_every_problem_the_fixtures_make_is_in_officer_words(
        case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", INVALID / case / "content", tmp_path)
    assert_in_officer_words(content)


def assert_in_officer_words(content: Path) -> list[tuple[dict[str, Any], str]]:
    """validate finds problems in `content`, and the editor words each for an officer: no
    programmer's words, and both what is wrong and what to do. Gives each as shown, with its
    words joined."""
    problems, _ = validate(content)
    assert problems
    seen = []
    for problem in problems:
        shown = officer(problem, content)
        text = " ".join(shown[k] for k in ("record", "field", "problem", "todo"))
        assert not programmer_words(text), (problem.format(), text)
        assert shown["problem"] and shown["todo"], problem.format()
        assert shown["problem"] != shown["todo"]  # the problem and the advice apart
        assert "\n" not in text
        seen.append((shown, text))
    return seen


def role(tmp_path: Path, extra: str) -> Path:
    content = overlay(FIXTURES / "base", FIXTURES / "none", tmp_path)
    (content / "roles" / "nurse.yaml").write_text(
        "title: Ward Nurse\norganisation: example-council\n" + extra, encoding="utf-8")
    return content


def test_the_issues_example_is_put_in_the_forms_words(tmp_path: Path) -> None:
    """"… does not say how it is assessed add 'assessed_by: [application, interview]'"."""
    content = role(tmp_path, "person_specification:\n  criteria:\n    - id: E1\n      text: Kind"
                   "\n      requirement: essential\n      assessed_by: not stated\n")
    problem = Problem("content/roles/nurse.yaml", 7, 20,
                      "$.person_specification.criteria[0].assessed_by",
                      "criterion 'E1' does not say how it is assessed, so it is on no scoring "
                      "sheet", "when the source gives the method, copy it into assessed_by; "
                      "until then the criterion cannot be scored", "warning")
    shown = officer(problem, content)
    assert shown["record"] == "Ward Nurse"
    assert shown["field"] == "Person specification, Criterion E1, Assessed by"
    assert shown["steps"] == [{"label": "Person specification"}, {"label": "Criteria"},
                              {"index": 0}, {"label": "Assessed by"}]
    assert shown["problem"] == ("Criterion E1 does not say how it is assessed, so it is on "
                                "no scoring sheet.")
    assert shown["todo"].startswith("Choose how it is assessed under Assessed by")
    assert shown["link"] == "#/collections/roles/entries/nurse"


def test_a_missing_field_is_named_by_its_label(tmp_path: Path) -> None:
    content = role(tmp_path, "")
    problem = Problem("content/roles/nurse.yaml", 1, 1, "$",
                      "'organisation' (Organisation) is missing",
                      "add a line such as  organisation: example-council")
    shown = officer(problem, content)
    assert (shown["field"], shown["problem"], shown["todo"]) == (
        "Organisation", "Organisation is empty.", "Fill in Organisation.")
    assert shown["steps"] == [{"label": "Organisation"}]


def test_what_still_reads_like_yaml_is_never_shown(tmp_path: Path) -> None:
    content = role(tmp_path, "")
    problem = Problem("content/roles/nurse.yaml", 3, 1, "$.grade", "a new kind of message",
                      "add  grade: {band: 4}  under the title", "error")
    shown = officer(problem, content)
    assert shown["todo"] == "Correct Grade as the help under it says."
    assert not programmer_words(shown["problem"] + shown["todo"])


def test_a_file_changed_outside_the_editor_is_checked_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The problems the editor shows follow a file edited by hand (or by an import), not only
    the editor's own saves: the fault is shown, in the officer's words, without a save."""
    from generator.editor.server import Checker
    from tests.support.waiting import until

    monkeypatch.chdir(tmp_path)
    content = role(tmp_path, "")

    checker = Checker(content)

    def settled() -> dict[str, Any]:
        report = checker.current()
        return report if not report["checking"] and "files" in report else {}

    assert until(settled, "the first check did not finish")["problems"] == []
    nurse = content / "roles" / "nurse.yaml"
    nurse.write_text(nurse.read_text(encoding="utf-8").replace("organisation: example-council\n",
                                                               ""), encoding="utf-8")
    report = until(lambda: settled().get("problems"), "the edit by hand was not checked")
    assert [(p["record"], p["field"], p["problem"]) for p in report] == [
        ("Ward Nurse", "Organisation", "Organisation is empty.")]

