"""Issue 28, problem 2: levels with names, the roles a framework names for its levels, and a
framework's own words.

The fixtures are written from public documents (see tests/model/fixtures/README.md): the
Government Digital and Data Profession Capability Framework (skill levels named, never
numbered), a council's behaviour levels that name the staff they are for, and the College of
Policing's Competency and Values Framework (first-person indicators at "Level 1").
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.content.load import load
from generator.model.levels import ordered, refers_to
from generator.render.exports.interviewbook import interview_book
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign
from tests.editor.test_config import collection_fields
from tests.model.test_faithful import (
    MODEL,
    content_of,
    forms_of,
    give_vacancy,
    report,
    site_of,
    word_text,
)

DDAT = "frameworks/digital-and-data-skills.md"
SKILL_LEVELS = ("Awareness", "Working", "Practitioner", "Expert")


def test_named_levels_are_held_by_name_in_the_framework_s_order(tmp_path: Path) -> None:
    site = site_of(tmp_path, "named-levels")
    framework = site.frameworks["digital-and-data-skills"]
    assert [(lv.number, lv.name) for lv in framework.levels] == [(None, n) for n in SKILL_LEVELS]
    assert framework.level_order == SKILL_LEVELS  # the source's order, not the alphabet's
    req = site.roles["junior-accessibility-specialist"].competencies[0]
    assert (req.level.number, req.level.name) == (None, "Awareness")
    assert req.level.indicators == (
        "listen to the needs of design and business stakeholders and interpret information",
        "take part in discussions within a multidisciplinary team")


def test_framework_page_says_what_the_framework_says_in_its_own_words(tmp_path: Path) -> None:
    page = render_all(site_of(tmp_path, "named-levels"))[DDAT]
    assert "## Skill levels\n\n### Awareness\n\nYou know about the skill and have an " in page
    assert "## Skills and levels" in page
    assert "| Skill | Awareness | Working | Practitioner | Expert |" in page
    assert "### Awareness\n\nThis skill level is currently not defined.\n" in page
    assert "Not defined for this skill." in page
    assert "**Roles that require this skill:** Accessibility specialist." in page
    assert "(../roles/junior-accessibility-specialist/index.md): Awareness\n" in page
    # No number the framework never gave, none of Roleprint's standard words in its place.
    assert "Level " not in page and "None" not in page
    for standard in ("Competenc", "competenc", "Needed by, as the framework names them"):
        assert standard not in page, standard


def test_role_page_forms_and_word_name_the_level_as_the_framework_does(tmp_path: Path) -> None:
    content = content_of(tmp_path, "named-levels")
    give_vacancy(content, "junior-accessibility-specialist")
    site = load(content).site
    assert site is not None
    page = render_all(site)["roles/junior-accessibility-specialist/index.md"]
    assert ("**Expected level: Awareness**\n\n- listen to the needs of design and business "
            "stakeholders and interpret information\n") in page
    assert "Level " not in page and "level: None" not in page
    # The framework is the profession's, not the employer's: the page does not say otherwise.
    assert ("The skills this role needs, from the framework named under each, and the level "
            "expected.") in page and "organisation's" not in page
    interview = forms_of(site, "junior-accessibility-specialist")["interview"]
    assert "<strong>Expected level: Awareness</strong>" in interview
    assert "None" not in interview
    book = json.dumps(interview_book(campaign(site, site.roles["junior-accessibility-specialist"])))
    assert '"Awareness"' in book and "Level None" not in book
    word = [text for _, text in word_text(site, "junior-accessibility-specialist")]
    assert "Expected level: Awareness" in word
    assert ("The skills this role needs, from the framework named under each, and the level "
            "expected.") in word
    assert not [text for text in word if "level: None" in text or "Level None" in text]


def test_levels_that_name_their_staff_print_those_words(tmp_path: Path) -> None:
    page = render_all(site_of(tmp_path, "levels-name-roles"))[
        "frameworks/behaviours-and-expectations.md"]
    assert "## Behaviour and expectation levels\n\n### Level 1\n\n**For:** all employees in any " \
        "role.\n" in page
    assert ("### Level 2\n\nIt includes Level 1\n\n**For:** supervisors, first line managers "
            "and those who are on Grades 8 to 12.\n") in page
    assert "**For:** middle and senior managers and those on Grade 13 and above." in page
    assert "No role requires this yet" not in page  # the framework names who it is for
    assert "Level 1: Level 1" not in page and "Competenc" not in page


def test_a_policing_framework_keeps_its_levels_roles_and_first_person_indicators(
        tmp_path: Path) -> None:
    site = site_of(tmp_path, "policing-levels")
    pages = render_all(site)
    page = pages["frameworks/competency-and-values.md"]
    assert "### Level 1\n\n**Needed by, as the framework names them:** Practitioner.\n" in page
    assert "Supervisor/Middle Manager." in page and "Senior Manager/Executive." in page
    assert "- I treat others with respect, tolerance and compassion.\n" in page
    assert "**Why is it important?** The way in which we conduct ourselves" in page
    assert "?:" not in page and "Level 1: Level 1" not in page
    # The role names the framework-wide level by its name: it is the framework's level 1.
    role = site.roles["contact-officer"]
    wide = next(r for r in role.competencies if r.competency is None)
    assert wide.level.number == 1 and wide.level.applies_to == ("Practitioner",)
    role_page = pages["roles/contact-officer/index.md"]
    assert "**Expected level: 1**\n\n- I treat others with respect" in role_page
    assert "**Why is it important?** The way" in role_page


def test_validate_locates_level_mistakes_and_never_guesses(tmp_path: Path) -> None:
    code, text = report(content_of(tmp_path, "named-levels-invalid"))
    assert code == 1
    lines = text.splitlines()
    assert ("content/roles/care-worker.yaml:17:12: $.competencies[0].level: the competency "
            "'caring' has no level 'Awarenes'") in lines
    hint = lines[lines.index(next(x for x in lines if "'Awarenes'" in x)) + 1]
    assert hint == "    hint: its levels are: Awareness, Working"  # a list, not a guess
    assert "did you mean" not in text
    assert ("content/roles/care-worker.yaml:18:5: $.competencies[1]: the levels should rise: "
            "entry_level ≤ level ≤ exceptional_level") in lines
    assert "    hint: the framework's levels, lowest first: Awareness, Working" in lines
    assert ("content/frameworks/mixed-levels.yaml:5:11: $.levels[1].name: level 'Operational "
            "Level' has no number, but other levels of this framework do") in lines
    assert "content/frameworks/mixed-levels.yaml:6:5: $.levels[2]: needs 'number' or 'name'" \
        in lines
    assert ("content/frameworks/care-skills.yaml:10:15: $.competencies[0].levels[2].name: "
            "level name 'Working' is used twice (also at levels[1])") in lines
    assert text == (MODEL / "named-levels-invalid" / "expected.txt").read_text(encoding="utf-8")


def test_a_level_is_named_by_number_or_by_name() -> None:
    assert refers_to(2, "Entry Level", 2) and refers_to(2, "Entry Level", "Entry Level")
    assert refers_to(2, None, "Level 2")  # a numbered level without a name is "Level 2"
    assert refers_to(2, "Entry Level", "2")  # the editor writes a number as text
    assert refers_to(None, "Awareness", "awareness")  # capital letters aside
    assert not refers_to(None, "Awareness", 1) and not refers_to(2, "Entry Level", 3)
    assert not refers_to(None, "Awareness", "Aware")  # never a near miss
    assert ordered([3, 1, 2, 1]) == (1, 2, 3)
    assert ordered(["Working", "Awareness", "Working"]) == ("Working", "Awareness")


def test_the_editor_offers_the_new_framework_fields() -> None:
    fields = {f["name"]: f for f in collection_fields("framework")}
    labels = {f["name"]: f for f in fields["labels"]["fields"]}
    assert set(labels) == {"competency", "competencies", "levels", "named_roles"}
    assert all(f["widget"] == "string" and not f["required"] for f in labels.values())
    levels = {f["name"]: f for f in fields["levels"]["fields"]}
    assert levels["applies_to"]["widget"] == "list"
    assert not levels["number"]["required"] and not levels["name"]["required"]
    role = {f["name"]: f for f in collection_fields("role")}
    competency = {f["name"]: f for f in role["competencies"]["fields"]}
    for key in ("level", "entry_level", "exceptional_level"):
        assert competency[key]["widget"] == "string", key  # a number or a name


def test_the_editor_keeps_a_typed_level_number_a_number_and_a_name_a_name() -> None:
    from generator.editor.shapes import narrow, tree, widen

    role = {"competencies": [{"framework": "f", "competency": "c", "level": 3,
                              "entry_level": "Awareness"}]}
    wide = widen("role", role)
    assert wide["competencies"][0]["level"] == "3"  # shown in the level's text box
    typed = {"competencies": [{**wide["competencies"][0], "level": "4"}]}
    assert narrow("role", typed)["competencies"][0] == {
        "framework": "f", "competency": "c", "level": 4, "entry_level": "Awareness"}
    assert narrow("role", wide) == role
    levels = tree("role")["p"]["competencies"]["i"]["p"]
    assert levels["level"] == levels["exceptional_level"] == {"num": True}  # the hosted editor's
    ids = tree("role")["p"]["person_specification"]["p"]["criteria"]["i"].get("p", {})
    assert "id" not in ids  # a criterion id such as "36" stays text
