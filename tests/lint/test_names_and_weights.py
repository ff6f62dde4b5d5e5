"""Issue 28, point 9: words in capitals and an organisation's own name are not acronyms to
explain; a trait word about the people a service is for is not about the candidate; two
organisations with one name, and a scale's weights that nothing carries, are found."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from generator.content.load import load
from generator.lint import lint, run_rules
from generator.lint.context import Context, Finding
from generator.lint.registry import Rule
from generator.lint.rules import all_rules
from generator.lint.settings import Config
from tests.conftest import FIXTURES, overlay
from tests.lint.test_rules import LINT, TODAY


def _context(tmp_path: Path) -> Context:
    content = overlay(FIXTURES / "base", LINT / "clean" / "content", tmp_path)
    site = load(content).site
    assert site is not None
    return Context(site, Config(), TODAY)


def _only(*rule_ids: str) -> dict[str, Rule]:
    return {rule_id: all_rules()[rule_id] for rule_id in rule_ids}


def _with_purpose(ctx: Context, purpose: str) -> list[Finding]:
    role = ctx.site.roles["support-worker"]
    ctx.site.roles["support-worker"] = dataclasses.replace(role, purpose=purpose)
    ctx.memo.clear()  # the records' text is worked out once a run
    return run_rules(ctx, _only("writing-acronym", "writing-gender-coded"))


def test_words_in_capitals_are_not_acronyms_but_acronyms_still_are(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    found = _with_purpose(ctx, "WEIGHTING, SHORTLISTING, CRITERIA. PLEASE NOTE: we take part "
                               "in MARAC meetings.")
    assert [f.problem.message for f in found] == [
        "not in the glossary: MARAC [writing-acronym]"]


def test_an_organisations_own_name_and_initials_are_not_acronyms(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    org = ctx.site.organisations["example-council"]
    renamed = dataclasses.replace(org, name="DASH Women's Aid", short_name="DWA")
    ctx.site.organisations[org.id] = renamed
    for role_id, role in list(ctx.site.roles.items()):
        ctx.site.roles[role_id] = dataclasses.replace(role, organisation=renamed)
    assert _with_purpose(ctx, "DASH (DWA) works with the SCFT.")[0].problem.message == \
        "not in the glossary: SCFT [writing-acronym]"


def test_autonomy_of_service_users_is_not_about_the_candidate(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    about_users = ("We promote self-determination and autonomy for service users, and "
                   "respect their independence.")
    assert _with_purpose(ctx, about_users) == []
    # Asked of the candidate, the same words still count.
    found = _with_purpose(ctx, "You will be autonomous, decisive and assertive, and work "
                               "with autonomy and independence.")
    assert [f.rule for f in found] == ["writing-gender-coded"]
    assert "(autonomous, decisive, assertive, autonomy, independence)" in \
        found[0].problem.message


def test_two_organisations_with_one_name_are_found(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    org = ctx.site.organisations["example-council"]
    ctx.site.organisations["example-council-north"] = dataclasses.replace(
        org, id="example-council-north", name="Example  council")
    found = run_rules(ctx, _only("records-same-name"))
    assert [(f.record, f.problem.json_path, f.problem.message) for f in found] == [
        ("example-council-north", "$.name", "the organisation 'example-council-north' has the "
         "same name as 'example-council': Example  council [records-same-name]")]


def test_a_scale_whose_weights_nothing_carries_is_found(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    rule = _only("spec-unused-weights")
    assert run_rules(ctx, rule) == []  # the clean role weights D1: 2
    role = ctx.site.roles["support-worker"]
    unweighted = tuple(dataclasses.replace(c, weight=None) for c in role.person_spec.criteria)
    ctx.site.roles[role.id] = dataclasses.replace(
        role, person_spec=dataclasses.replace(role.person_spec, criteria=unweighted))
    found = run_rules(ctx, rule)
    assert [(f.kind, f.record, f.problem.json_path) for f in found] == [
        ("scale", "zero-to-three", "$.weights")]
    assert ("the scale 'zero-to-three' allows the weights 1, 2, 3, but no criterion or "
            "competency scored on it carries one") in found[0].problem.message


def test_a_criterion_without_an_id_is_found_where_it_is_written(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", LINT / "clean" / "content", tmp_path)
    (content / "families" / "porter-work.yaml").write_text(
        "title: Porter work\ncriteria:\n  - category: Values\n    text: Courteous.\n"
        "    requirement: essential\n", encoding="utf-8")
    (content / "roles" / "porter.yaml").write_text(
        "title: Porter\norganisation: example-council\nfamily: porter-work\n"
        "person_specification:\n  assessed_by: [application, interview]\n  criteria:\n"
        "    - category: Experience\n      text: Able to lift heavy loads.\n"
        "      requirement: essential\n"
        "    - category: Experience\n      text: 3 years' experience of portering.\n"
        "      requirement: essential\n", encoding="utf-8")
    result = lint(content, today=TODAY)
    assert not result.problems, [p.format() for p in result.problems]
    found = [f for f in result.findings
             if f.rule == "spec-years-experience" and f.record == "porter"]
    # The family's criterion is E1, so the role's own are E2 and E3.
    assert [(f.problem.json_path, f.problem.line, f.where) for f in found] == [
        ("$.person_specification.criteria[1].text", 11, "criterion E3")]
