"""Issue 28, point 9: a person specification that does not say how its criteria are assessed
is held as "not stated" (never refused, never guessed), hints never suggest a method the
source did not give, and a problem with a criterion names it by the id the sheets show."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import run
from generator.content.load import load
from generator.render.site.pages import render_all
from tests.support.site import stacked_rows

SILENT_SPEC = """\
title: Night Porter
organisation: example-council
person_specification:
  assessed_by: not stated
  criteria:
    - category: Experience
      text: Experience of working nights.
      requirement: essential
    - category: Skills
      text: Able to lift 20 kg.
      requirement: essential
      assessed_by: [certificates]
    - category: Knowledge
      text: Fire safety.
      requirement: desirable
"""


def validate(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = run(["validate", "--content", str(content)])
    return status, capsys.readouterr().out


def test_a_whole_specification_may_say_its_methods_are_not_stated(
        base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_content / "roles" / "night-porter.yaml").write_text(SILENT_SPEC, encoding="utf-8")
    status, out = validate(base_content, capsys)
    assert status == 0, out
    assert "expected a list" not in out and "is not an assessment method" not in out
    assert ("warning: $.person_specification.assessed_by: the person specification does not "
            "say how its criteria are assessed, so criteria E1, D1 are on no scoring sheet"
            in out)
    assert "[application, interview]" not in out and "such as assessed_by" not in out


def test_criteria_of_a_silent_specification_show_not_stated(base_content: Path) -> None:
    (base_content / "roles" / "night-porter.yaml").write_text(SILENT_SPEC, encoding="utf-8")
    site = load(base_content).site
    assert site is not None
    spec = site.roles["night-porter"].person_spec
    assert [c.id for c in spec.unassessed] == ["E1", "D1"]
    assert [m.id for m in spec.criteria[1].assessed_by] == ["certificates"]
    page = render_all(site)["roles/night-porter/index.md"]
    rows = stacked_rows(page)
    assert ["E1", "Experience of working nights.", "Essential", "Not stated"] in rows
    assert ["E2", "Able to lift 20 kg.", "Essential", "Certificates"] in rows
    assert "Where the source does not say how a criterion is assessed" in page
    assert "Application" not in " ".join(" ".join(row) for row in rows)


def test_a_criterion_without_a_method_gets_no_guessed_one(
        base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_content / "roles" / "night-porter.yaml").write_text(
        SILENT_SPEC.replace("  assessed_by: not stated\n", ""), encoding="utf-8")
    status, out = validate(base_content, capsys)
    assert status == 1
    assert "criterion 'E1' does not say how it is assessed" in out
    assert "[application, interview]" not in out
    assert ("hint: copy the methods the source gives into 'assessed_by' (on the criterion, or "
            "person_specification.assessed_by for all of them); if the source does not say, "
            "write  assessed_by: not stated") in out


FAMILY = """\
title: Porter work
criteria:
  - category: Values
    text: Courteous to visitors.
    requirement: essential
"""

WEIGHTED = """\
title: Weighted Porter
organisation: example-council
family: porter-work
person_specification:
  assessed_by: [application]
  criteria:
    - category: Experience
      text: Nights.
      requirement: essential
    - category: Experience
      text: Days.
      requirement: desirable
    - category: Experience
      text: Weekends.
      requirement: essential
      weight: 7
"""


def _weighted_porter(base_content: Path, role: str = WEIGHTED) -> None:
    """The porter family (criterion E1) and a role of it whose own criteria it numbers."""
    (base_content / "families" / "porter-work.yaml").write_text(FAMILY, encoding="utf-8")
    (base_content / "roles" / "weighted-porter.yaml").write_text(role, encoding="utf-8")


def test_a_weight_problem_names_the_criterion_by_its_id(
        base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The family gives E1, so the role's own essential criteria are E2 and E3; the third
    # criterion was called '3' (its position), an id nothing else shows.
    _weighted_porter(base_content)
    status, out = validate(base_content, capsys)
    assert status == 1
    assert "criterion 'E3' has the weight 7" in out
    assert "criterion '3'" not in out


def test_a_vacancy_may_weight_a_criterion_numbered_for_it(
        base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _weighted_porter(base_content, WEIGHTED.replace("      weight: 7\n", ""))
    (base_content / "vacancies" / "weighted-porter-2027.yaml").write_text(
        "role: weighted-porter\nstatus: draft\nweights:\n  shortlisting: {E3: 2, E9: 2}\n",
        encoding="utf-8")
    status, out = validate(base_content, capsys)
    assert status == 1
    assert "the role has no criterion or competency 'E9'" in out
    assert "'E3'" not in out


def test_a_missing_requirement_is_copied_from_the_source_not_guessed(
        base_content: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (base_content / "roles" / "night-porter.yaml").write_text(
        SILENT_SPEC.replace("      requirement: desirable\n", ""), encoding="utf-8")
    status, out = validate(base_content, capsys)
    assert status == 1
    assert "$.person_specification.criteria[2]: 'requirement' (Essential or desirable) is " \
        "missing" in out
    assert ("hint: add 'requirement:' with what the source says (such as  requirement: "
            "\"essential\"), or  requirement: not stated  if it does not say") in out
