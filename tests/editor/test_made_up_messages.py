"""The messages of issue 28's problem 9 follow-up (values the model must not make up) in the
editor: in an HR officer's words, asking for the source's value and offering none."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.validate import validate
from generator.editor.messages import officer
from tests.conftest import FIXTURES, overlay
from tests.editor.test_messages import assert_in_officer_words

MADE_UP = Path(__file__).resolve().parents[1] / "model" / "made-up"
CASES = ["family-methods", "country", "known-risks-invalid"]


@pytest.mark.parametrize("case", CASES)
def test_each_problem_is_in_officer_words(case: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", MADE_UP / case / "content", tmp_path)
    for shown, text in assert_in_officer_words(content):
        assert "GB" not in shown["todo"], text  # no country offered


def test_a_known_risk_without_an_answer_asks_for_the_forms(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", MADE_UP / "known-risks-invalid" / "content", tmp_path)
    problems, _ = validate(content)
    shown = {Path(p.path).stem: officer(p, content) for p in problems}
    todo = ("Choose the answer the employer's form gives under Answer, or not stated where the "
            "form leaves it blank.")
    assert (shown["caretaker"]["field"], shown["caretaker"]["problem"],
            shown["caretaker"]["todo"]) == ("Known risk 1, Answer", "The known risk has no answer.",
                                            todo)
    assert (shown["porter"]["problem"], shown["porter"]["todo"]) == (
        "Item asbestos needs an answer.", todo)


def test_a_family_criterion_without_methods_is_worded_as_a_roles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    content = overlay(FIXTURES / "base", MADE_UP / "family-methods" / "content", tmp_path)
    problems, _ = validate(content)
    shown = officer(next(p for p in problems if "'H1'" in p.message), content)
    assert shown["problem"] == ("Criterion H1 does not say how it is assessed, so it is on no "
                                "scoring sheet.")
    assert shown["todo"].startswith("Choose how it is assessed under Criterion H1, as the "
                                    "source says")
