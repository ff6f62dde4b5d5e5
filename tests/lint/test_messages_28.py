"""Issue 28, point 9, in lint: a criterion whose method the source does not state is found
where it is written, and the hint asks for the source's methods, never for a guessed pair; the
short words of a heading in capitals ("KEY DUTIES AND …") are not acronyms."""

from __future__ import annotations

from pathlib import Path

from generator.lint import lint
from tests.conftest import FIXTURES, overlay
from tests.content.test_methods_and_ids import SILENT_SPEC
from tests.lint.test_names_and_weights import _context, _with_purpose
from tests.lint.test_rules import LINT, TODAY

# The silent specification, with its last criterion saying "not stated" itself.
NIGHT_PORTER = SILENT_SPEC + "      assessed_by: not stated\n"


def test_a_criterion_not_stated_is_hinted_at_the_source_not_at_a_guess(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", LINT / "clean" / "content", tmp_path)
    (content / "roles" / "night-porter.yaml").write_text(NIGHT_PORTER, encoding="utf-8")
    result = lint(content, today=TODAY)
    assert not [p for p in result.problems if p.severity == "error"]
    found = [f.problem for f in result.findings
             if f.rule == "spec-no-method" and f.record == "night-porter"]
    # E1 takes the specification's "not stated" (found at the criterion), D1 says it itself.
    assert [(p.line, p.json_path) for p in found] == [
        (6, "$.person_specification.criteria[0]"),
        (16, "$.person_specification.criteria[2].assessed_by")]
    for problem in found:
        assert "is on no scoring sheet" in problem.message
        assert problem.hint == ("when the source gives the method, copy it into assessed_by; "
                                "until then the criterion cannot be scored")
        assert "interview" not in problem.hint and "for example" not in problem.hint


def test_the_short_words_of_a_heading_in_capitals_are_not_acronyms(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    found = _with_purpose(ctx, "KEY DUTIES AND RESPONSIBILITIES. ABOUT THE ROLE. JOB PURPOSE: "
                               "we take part in MARAC meetings.")
    assert [f.problem.message for f in found] == [
        "not in the glossary: MARAC [writing-acronym]"]
    # A short word that is an abbreviation stays one, in capitals or beside other capitals.
    found = _with_purpose(ctx, "We work with the FBI. THE CQC inspects us.")
    assert [f.problem.message for f in found] == [
        "not in the glossary: FBI, THE, CQC [writing-acronym]"]


def test_trait_words_said_of_the_people_served_are_not_counted(tmp_path: Path) -> None:
    ctx = _context(tmp_path)
    for about_users in (
            "We promote the autonomy and independence of service users.",
            "We respect the independence, autonomy and dignity of the people we support.",
            "We respect service users' autonomy and choices, and promote service user autonomy.",
            "We help clients to be independent and autonomous, and people to live independent "
            "lives."):
        assert _with_purpose(ctx, about_users) == [], about_users
    # Asked of the candidate they count, as Gaucher, Friesen and Kay list them.
    found = _with_purpose(ctx, "You will work with autonomy for long periods, and be "
                               "independent of mind, with residents.")
    assert [f.rule for f in found] == ["writing-gender-coded"]
    assert "(autonomy, independent)" in found[0].problem.message


def test_the_care_a_service_gives_is_not_a_trait_asked_of_the_candidate(tmp_path: Path) -> None:
    # Phrases from published care adverts: a Senior Day Support Worker advert (jobijoba.co.uk,
    # "Deliver person-centred care that promotes independence, dignity, and choice"), a
    # supported-living Support Worker advert (jobbird.com, "Promoting independence, dignity,
    # choice"), and Inclusion Alliance's support worker page, where the autonomy is the
    # worker's own ("Support workers work with a great deal of autonomy").
    ctx = _context(tmp_path)
    for care in ("Deliver person-centred care that promotes independence, dignity, and choice.",
                 "Promoting independence, dignity, choice, and person-centred support."):
        assert _with_purpose(ctx, care) == [], care
    found = _with_purpose(ctx, "Support workers work with a great deal of autonomy.")
    assert [f.rule for f in found] == ["writing-gender-coded"]
    assert "(autonomy)" in found[0].problem.message
