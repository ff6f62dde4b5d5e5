"""What each scoring sheet holds, worked out before any template sees it."""

from __future__ import annotations

import pytest

from generator.scoring import sheets
from tests.support.forms import (
    APPLICATION_ONLY,
    BOTH,
    INTERVIEW_ONLY,
    PRE_APPOINTMENT_ONLY,
    hand_role,
    scale,
)


def ids(sheet: sheets.Sheet) -> list[str]:
    return [r.label for r in sheet.rows if r.criterion]


def test_field_keys_are_safe_for_pdf_field_names() -> None:
    assert sheets.field_key("E2") == "E2"
    assert sheets.field_key("36") == "36"
    assert sheets.field_key("Q 7.b") == "Q-7_b"   # '.' would nest PDF fields
    assert sheets.field_key("1.1") != sheets.field_key("1-1")  # two ids, two fields
    assert sheets.field_key("...") == "x"


def test_candidate_codes_and_column_groups() -> None:
    assert sheets.candidate_codes(3) == ("C1", "C2", "C3")
    with pytest.raises(ValueError, match="at least one"):
        sheets.candidate_codes(0)
    assert sheets.column_groups(sheets.candidate_codes(6)) == (sheets.candidate_codes(6),)
    groups = sheets.column_groups(sheets.candidate_codes(13))
    assert [len(g) for g in groups] == [5, 5, 3]
    assert sum(groups, ()) == sheets.candidate_codes(13)


def test_shortlisting_has_only_application_criteria_essential_first() -> None:
    sheet = sheets.shortlisting(hand_role(), scale(0, 3), 6)
    assert ids(sheet) == ["A1", "AI1", "D1", "D2", "Q 7.b"]
    assert not set(ids(sheet)) & set(INTERVIEW_ONLY + PRE_APPOINTMENT_ONLY)
    assert [h for h, _ in sheet.groups] == ["Test"]  # the criteria's own category
    assert sheet.candidates == sheets.candidate_codes(6)
    assert sheet.gate and not sheet.weighted
    assert all(r.weight is None and r.mode == sheets.SCORE for r in sheet.rows)
    assert (sheet.min_total, sheet.max_total) == (0, 15)


def test_weights_apply_when_the_scale_has_weights() -> None:
    sheet = sheets.shortlisting(hand_role(), scale(1, 7, weights=(1, 2, 3)), 6)
    assert sheet.weighted
    assert {r.label: r.weight for r in sheet.rows} == {
        "A1": 1, "AI1": 1, "D1": 3, "D2": 2, "Q 7.b": 1}
    assert sheet.max_total == 7 * (1 + 1 + 3 + 2 + 1)


def test_desirable_only_scoring_marks_essentials_met_or_not() -> None:
    sheet = sheets.shortlisting(hand_role(), scale(0, 2, desirable_only=True), 6)
    assert [r.label for r in sheet.met_rows] == ["A1", "AI1"]
    assert [r.label for r in sheet.scored] == ["D1", "D2", "Q 7.b"]
    assert sheet.max_total == 2 * 3


@pytest.mark.parametrize("gate", [True, False])
def test_gate_follows_the_scale(gate: bool) -> None:
    assert sheets.shortlisting(hand_role(), scale(1, 5, gate=gate), 6).gate is gate


def test_interview_has_interview_criteria_and_competencies() -> None:
    sheet = sheets.interview(hand_role(), scale(1, 5))
    assert ids(sheet) == ["AI1", "I1", "D2", "T1"]
    assert not set(ids(sheet)) & set(APPLICATION_ONLY + PRE_APPOINTMENT_ONLY)
    assert set(BOTH) <= set(ids(sheet))
    comp = sheet.rows[-1]
    assert comp.key == "comp-teamwork" and comp.kind_label == "Competency"
    assert comp.level is not None and comp.level.name == "Expected"
    assert [h for h, _ in sheet.groups] == ["Test", "Competencies"]
    assert not sheet.candidates


def test_weighted_interview_counts_competencies_once() -> None:
    sheet = sheets.interview(hand_role(), scale(1, 7, weights=(1, 2, 3)))
    assert {r.key: r.weight for r in sheet.rows} == {
        "AI1": 1, "I1": 1, "D2": 2, "T1": 1, "comp-teamwork": 1}


def test_moderation_is_interview_rows_by_candidate() -> None:
    sheet = sheets.moderation(hand_role(), scale(1, 5), 4)
    assert [r.key for r in sheet.rows] == [r.key for r in sheets.interview(
        hand_role(), scale(1, 5)).rows]
    assert sheet.candidates == ("C1", "C2", "C3", "C4")
