"""The model: role families pass their criteria down, shared criteria fill in what a role omits."""

from __future__ import annotations

from generator.content.load import load
from tests.conftest import FIXTURES


def test_role_builds_on_its_family_chain_and_shared_criteria() -> None:
    site = load(FIXTURES / "base").site
    assert site is not None
    role = site.roles["support-worker"]
    by_id = {c.id: c for c in role.person_spec.criteria}
    assert list(by_id) == ["F1", "F2", "E1", "D1", "E2"]  # eldest family first, then the role
    assert by_id["F1"].inherited_from == "support-work"
    assert by_id["F2"].inherited_from == "recovery-work"
    assert (by_id["E2"].text, by_id["E2"].shared) == ("Enhanced DBS", "enhanced-dbs")
    assert [m.id for m in by_id["E2"].assessed_by] == ["certificates"]
    assert [c.id for c in role.person_spec.at_stage("application")] == ["F1", "E1", "F2"]
    assert [c.id for c in role.person_spec.at_stage("interview")] == ["F1", "E1", "F2", "D1"]
    assert role.competencies[0].level.name == "Desired"
    assert site.open_vacancy("support-worker") is not None
