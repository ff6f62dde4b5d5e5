"""The model: role families pass their criteria down, shared criteria fill in what a role omits."""

from __future__ import annotations

from pathlib import Path

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


def test_a_vacancy_s_apply_details_are_kept_as_given(base_content: Path) -> None:
    from generator.model import Apply

    vacancy = base_content / "vacancies" / "support-worker-2027.yaml"
    vacancy.write_text(vacancy.read_text(encoding="utf-8") + (
        "apply:\n  url: https://jobs.example.org/1\n  email: apply@example.org\n"
        "  send: [The application form, A CV]\n  adjustments: Ask **us**.\n"), encoding="utf-8")
    site = load(base_content).site
    assert site is not None
    assert site.vacancies["support-worker-2027"].apply == Apply(
        "https://jobs.example.org/1", "apply@example.org", ("The application form", "A CV"),
        "Ask **us**.")
    site = load(FIXTURES / "base").site
    assert site is not None
    assert site.vacancies["support-worker-2027"].apply is None  # the record says nothing
