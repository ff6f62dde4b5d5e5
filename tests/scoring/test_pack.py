"""`roleprint forms`: campaign packs that match the campaign (issue 14 point 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import run
from tests.conftest import CAMPAIGNS

FIXTURE = CAMPAIGNS


def forms(*args: str) -> int:
    return run(["forms", "--content", str(FIXTURE), *args])


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_panel_as_a_number_and_the_id_after_the_options(tmp_path: Path) -> None:
    assert forms("--panel", "3", "--no-pdf", "--out", str(tmp_path), "generic-2027") == 0
    assert [n for n in _names(tmp_path) if n.startswith("interview-panel")] == [
        "interview-panel-1.html", "interview-panel-2.html", "interview-panel-3.html"]
    html = (tmp_path / "interview-panel-3.html").read_text(encoding="utf-8")
    assert "panel member 3 of 3" in html
    assert 'id="panel-member-name" name="panel-member-name" autocomplete="off">' in html


def test_named_panel_then_the_id_is_not_swallowed(tmp_path: Path) -> None:
    assert forms("--no-pdf", "--out", str(tmp_path), "--panel", "A Smith", "B Jones",
                 "council-2027") == 0
    html = (tmp_path / "interview-panel-2.html").read_text(encoding="utf-8")
    assert 'value="B Jones"' in html and "SC-0001" in html


@pytest.mark.parametrize(("panel", "message"), [
    (["A Smith", "", "x"], "--panel has an empty name"),
    (["A Smith", "a smith", "x"], "--panel names 'a smith' twice"),
    (["0", "x"], "--panel takes a number from 1 to 20, not 0"),
])
def test_empty_or_repeated_panel_names_are_usage_errors(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], panel: list[str],
        message: str) -> None:
    # the last word is the id ('x'): the usage error comes before any content is read
    assert forms("--no-pdf", "--out", str(tmp_path), "--panel", *panel) == 2
    err = capsys.readouterr().err
    assert err.startswith("roleprint: " + message) and err.count("\n") == 1


def test_scale_for_one_stage_from_the_command(tmp_path: Path) -> None:
    assert forms("generic-2027", "--no-pdf", "--out", str(tmp_path),
                 "--scale", "interview=met-not-met") == 0
    interview = (tmp_path / "interview.html").read_text(encoding="utf-8")
    short = (tmp_path / "shortlisting.html").read_text(encoding="utf-8")
    assert 'id="met-E1-met"' in interview and 'id="score-E1"' not in interview
    assert "Write a score from 1 to 5" in short  # the vacancy's own scale stays at shortlisting
    assert forms("generic-2027", "--no-pdf", "--out", str(tmp_path),
                 "--scale", "moderation=met-not-met") == 2


def test_per_candidate_sheets_have_the_code_and_vacancy_dates(tmp_path: Path) -> None:
    assert forms("council-2027", "--per-candidate", "--no-pdf", "--out", str(tmp_path)) == 0
    sheets = [n for n in _names(tmp_path) if n.startswith("interview-c")]
    assert sheets == [f"interview-c{k}-panel-{n}.html" for k in (1, 2, 3) for n in (1, 2)]
    html = (tmp_path / "interview-c2-panel-1.html").read_text(encoding="utf-8")
    assert re.search(r'id="candidate-code" name="candidate-code" autocomplete="off" '
                     r'value="C2"', html)
    assert 'value="Alex Chair"' in html and "candidate C2, panel member 1 of 2" in html
    assert "Interview dates: 14 July 2027, 15 July 2027" in html  # two dates: a hint
    short = (tmp_path / "shortlisting.html").read_text(encoding="utf-8")
    assert "<dt>Closing date</dt><dd>30 June 2027" in short and "SC-0001" in short


def test_moderation_has_each_panel_members_total_and_shortlisting_their_signatures(
        tmp_path: Path) -> None:
    assert forms("generic-2027", "--no-pdf", "--out", str(tmp_path)) == 0
    moderation = (tmp_path / "moderation.html").read_text(encoding="utf-8")
    for n, name in enumerate(["Jo Chair", "Kim Member", "Lee Member"], start=1):
        assert f"Panel member {n}, {name}: total from their own sheet" in moderation
        assert f'id="member-{n}-total-c4"' in moderation
    short = (tmp_path / "shortlisting.html").read_text(encoding="utf-8")
    assert [f"shortlister-{n}-signature" in short for n in (1, 2, 3)] == [True] * 3
    assert "Jo Chair" not in short  # the shortlisting panel is not named in advance
    assert {"shortlisting.xlsx", "interview-scores.xlsx"} <= set(_names(tmp_path))


def test_a_scale_from_the_command_must_allow_the_weights_the_rows_carry(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # government-2027 weights D1 ×3 at shortlisting; the university scale allows ×1 and ×2
    assert forms("--no-pdf", "--out", str(tmp_path), "--scale",
                 "shortlisting=university-zero-to-three", "government-2027") == 2
    assert capsys.readouterr().err == (
        "roleprint: the shortlisting scale 'university-zero-to-three' allows only ×1, ×2, but "
        "the shortlisting rows carry D1 ×3; choose a scale that allows them with --scale "
        "shortlisting=ID, or change the weights\n")
    # a scale without weights would drop them: refused too, not printed without a word
    assert forms("--no-pdf", "--out", str(tmp_path), "--scale", "generic-one-to-five",
                 "government-2027") == 2
    err = capsys.readouterr().err
    assert "'generic-one-to-five' has no weights" in err and "E1 ×2, D1 ×3" in err
    assert not list(tmp_path.iterdir())  # nothing half-written
    # a scale that allows them: the weighted sheets, a weighted-score box per row and a total
    assert forms("--no-pdf", "--out", str(tmp_path), "government-2027") == 0
    short = (tmp_path / "shortlisting.html").read_text(encoding="utf-8")
    assert 'id="weighted-c1-D1"' in short and "D1: weighted score (score ×3)" in short
    assert "Weighted total (score × weight)" in short
    # at interview the vacancy weights E2 ×3 and the competency ×2: on each sheet of the stage
    inter = (tmp_path / "interview.html").read_text(encoding="utf-8")
    moderation = (tmp_path / "moderation.html").read_text(encoding="utf-8")
    assert 'id="weighted-E2"' in inter and "(score ×3)" in inter
    assert 'id="weighted-comp-communication"' in inter
    assert 'id="weighted-c5-E2"' in moderation and "E2: weighted score (score ×3)" in moderation
    assert 'id="weighted-c1-comp-communication"' in moderation
    assert "Weighted total (score × weight)" in inter and "Weighted total" in moderation
