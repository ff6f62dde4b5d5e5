"""Validate's scoring rules (generator/content/scalerules.py): a stage scale must exist, and a
weight a stage uses must be one its scale allows: a located error, never dropped or printed."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.content.validate import validate
from tests.conftest import CAMPAIGNS

FIXTURE = CAMPAIGNS


def _problems(tmp_path: Path, name: str, extra: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / name
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    problems, _ = validate(content)
    return [f"{Path(p.path).name}:{p.line}:{p.column}: {p.json_path}: {p.message}"
            for p in problems if p.blocking]


def test_the_scoring_fixture_is_valid() -> None:
    problems, _ = validate(FIXTURE)
    assert [p for p in problems if p.blocking] == []


def test_a_vacancy_weight_the_stage_scale_does_not_allow_is_a_located_error(
        tmp_path: Path) -> None:
    found = _problems(tmp_path, "vacancies/generic-2027.yaml",
                      "weights:\n  interview:\n    E2: 3\n")
    assert found == ["generic-2027.yaml:14:9: $.weights.interview.E2: 'E2' has the weight 3, "
                     "but the interview scale 'generic-one-to-five' has no weights"]
    # the university vacancy as it is: its weights (2) are ones its scale allows
    assert _problems(tmp_path / "b", "vacancies/university-2027.yaml",
                     "") == []


def test_a_weight_outside_the_allowed_ones_names_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    vacancy = content / "vacancies" / "university-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace("D1: 2", "D1: 3"),
                       encoding="utf-8")
    problems, _ = validate(content)
    found = [(Path(p.path).name, p.json_path, p.message) for p in problems if p.blocking]
    assert found == [("university-2027.yaml", "$.weights.interview.D1",
                      "'D1' has the weight 3, which the interview scale "
                      "'university-zero-to-three' does not allow (it allows 1, 2)")]


def test_a_weight_on_an_unknown_id_and_an_unknown_stage_scale(tmp_path: Path) -> None:
    found = _problems(tmp_path, "vacancies/generic-2027.yaml",
                      "stage_scales:\n  interview: no-such-scale\n")
    assert len(found) == 1 and "$.stage_scales.interview: there is no scale with the id " \
        "'no-such-scale'" in found[0]
    content = tmp_path / "c"
    shutil.copytree(FIXTURE, content)
    vacancy = content / "vacancies" / "government-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8").replace("D1: 3", "X9: 3"),
                       encoding="utf-8")
    problems, _ = validate(content)
    assert [p.message for p in problems if p.blocking] == [
        "the role has no criterion or competency 'X9'"]


def test_a_competency_weight_is_checked_against_the_interview_scale(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    role = content / "roles" / "scoring-officer.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "    level: 2\n", "    level: 2\n    weight: 2\n"), encoding="utf-8")
    problems, _ = validate(content)
    assert [(p.json_path, p.message) for p in problems if p.blocking] == [
        ("$.competencies[0].weight", "the competency 'communication' has the weight 2, but "
         "the interview scale 'council-zero-to-two' has no weights"),
        # and the NHS vacancy's own interview scale, met / not met, has none either
        ("$.stage_scales.interview", "the role's competency 'communication' has the weight 2, "
         "but the interview scale 'met-not-met' has no weights")]


def test_a_vacancy_stage_scale_must_allow_the_role_weights_it_would_print(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    role = content / "roles" / "scoring-officer.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "      text: Experience of recruitment.\n",
        "      text: Experience of recruitment.\n      weight: 2\n"), encoding="utf-8")
    problems, _ = validate(content)
    nhs = [f"{p.line}:{p.column}: {p.json_path}: {p.message}" for p in problems
           if p.blocking and Path(p.path).name == "nhs-2027.yaml"]
    # the NHS vacancy's met / not met scales have no weights: D1's ×2 would vanish unsaid
    assert nhs == [
        "11:17: $.stage_scales.shortlisting: the role's criterion 'D1' has the weight 2, but "
        "the shortlisting scale 'met-not-met' has no weights",
        "12:14: $.stage_scales.interview: the role's criterion 'D1' has the weight 2, but the "
        "interview scale 'met-not-met' has no weights"]


def test_sheet_wording_names_known_scales_and_a_sensible_retention_period(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    org = content / "organisations" / "scoring-council.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace(
        "    council-zero-to-two:", "    council-zero-to-too:").replace(
        "retention_months: 12", "retention_months: 0"), encoding="utf-8")
    problems, _ = validate(content)
    found = [f"{p.line}:{p.column}: {p.json_path}: {p.message}" for p in problems
             if p.blocking]
    assert len(found) == 2, found
    assert found[0].startswith("12:26: $.scoring_sheets.scale_guidance.council-zero-to-too: "
                               "there is no scale with the id 'council-zero-to-too'")
    assert "council-zero-to-two" in next(p.hint for p in problems if "too" in p.message)
    assert found[1] == "13:21: $.scoring_sheets.retention_months: the number 0 is out of range " \
        "(minimum 1)"
