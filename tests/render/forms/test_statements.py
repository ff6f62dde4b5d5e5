"""The application form and shortlisting sheet say only what the organisation (its
`application_form` settings) or the role says: no statement of Roleprint's own about anonymised
shortlisting, a guaranteed interview scheme, referees, how to give evidence, the equality form,
privacy or criminal records (issue 28, point 7)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
import yaml

from generator.content.load import load
from generator.model import Checks, FormWording, Site
from generator.render.exports.profile import profile_blocks
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.render import form_pages
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign
from tests.conftest import FIXTURES, overlay
from tests.support.forms import FORM_SETTINGS, hand_site, parse
from tests.support.site import read_back

STATEMENTS = Path(__file__).parent / "fixtures" / "statements"

# Words that only a statement about one of these subjects would use.
MARKERS = ("Disability Confident", "guaranteed interview", "referee", "Situation",
           "scores only what you write", "equality monitoring form", "detached",
           "data controller", "6 months", "12 months", "Exceptions", "spent convictions",
           "removes names", "sealed envelope", "protected", "convictions", "candidate number",
           "offer depends", "apply for it")
# The shortlisting sheet's own: its data-protection section is the scoring sheets' setting
# (`scoring_sheets`), so "6 months" there is not the application form's.
SHEET_MARKERS = ("Disability Confident", "guaranteed interview", "removes names", "detached",
                 "identify applicants")


def _forms(site: Site, role_id: str) -> tuple[str, str]:
    """The text of the role's application form and shortlisting sheet."""
    got = dict(form_pages(campaign(site, site.roles[role_id])))
    return parse(got["application-form"]).text, parse(got["shortlisting"]).text


def _site_without_wording(**checks: object) -> Site:
    site = hand_site()
    role = site.roles["test-role"]
    org = dataclasses.replace(role.organisation, form_wording=FormWording())
    role = dataclasses.replace(role, organisation=org, checks=Checks(**checks))  # type: ignore[arg-type]
    return dataclasses.replace(site, organisations={org.id: org}, roles={role.id: role})


@pytest.mark.parametrize("exempt", [False, True])
def test_an_organisation_that_says_nothing_gets_no_statement(exempt: bool) -> None:
    site = _site_without_wording(dbs="enhanced", rehabilitation_exemption=exempt)
    got = dict(form_pages(campaign(site, site.roles["test-role"])))
    application, shortlisting = (parse(got[stem]) for stem in ("application-form", "shortlisting"))
    for marker in MARKERS:
        assert marker.lower() not in application.text.lower(), marker
    for marker in SHEET_MARKERS:
        assert marker.lower() not in shortlisting.text.lower(), marker
    assert "privacy notice" not in application.text
    assert not [n for n in application.names
                if n.startswith(("referee-", "convictions", "guaranteed-interview"))]
    assert not [n for n in shortlisting.names if n.startswith("gi-")]
    assert 'aria-describedby="star"' not in got["application-form"]
    assert "6. Declarations" in application.text and "7. Declarations" not in application.text
    equality = parse(got["equality-monitoring"]).text
    for marker in ("never seen", "detached", "only the HR team", "kept apart", "anonymous totals",
                   "voluntary", "data controller", "6 months", "UK GDPR"):
        assert marker.lower() not in equality.lower(), marker
    assert "How we use this information" not in equality


def test_each_statement_is_printed_in_the_organisations_own_words() -> None:
    site = hand_site()
    application, shortlisting = _forms(site, "test-role")
    equality = parse(dict(form_pages(campaign(site, site.roles["test-role"])))
                     ["equality-monitoring"]).text
    for text in (FORM_SETTINGS["equality_monitoring"], FORM_SETTINGS["equality_privacy_notice"]):
        assert text in equality, text
    for text in (FORM_SETTINGS["anonymised_shortlisting"]["to_applicants"],
                 FORM_SETTINGS["guaranteed_interview"]["question"],
                 FORM_SETTINGS["guaranteed_interview"]["text"],
                 FORM_SETTINGS["evidence_guidance"], FORM_SETTINGS["equality_monitoring"],
                 FORM_SETTINGS["criminal_records_exempt"]["question"],  # the role is exempt
                 FORM_SETTINGS["criminal_records_exempt"]["text"],
                 FORM_SETTINGS["privacy_notice"], "Test Organisation asks for three referees."):
        assert text in application, text
    assert FORM_SETTINGS["criminal_records"]["question"] not in application
    assert "Referee 3: name" in application and "Referee 4" not in application
    assert "7. Declarations" in application and "8. How we use your information" in application
    for text in (FORM_SETTINGS["anonymised_shortlisting"]["to_panel"],
                 FORM_SETTINGS["guaranteed_interview"]["to_panel"],
                 "Guaranteed interview? (Y or N)"):
        assert text in shortlisting, text


def _record_words(content: Path) -> str:
    """Everything the fixture's organisation and role say about these subjects."""
    org = yaml.safe_load((content / "organisations" / "example-council.yaml").read_text("utf-8"))
    role = yaml.safe_load((content / "roles" / "support-worker.yaml").read_text("utf-8"))
    return json.dumps([org.get("application_form"), role.get("pre_employment_checks")])


@pytest.mark.parametrize("shape", ["named-applicant", "anonymised"])
def test_forms_from_public_document_shapes_say_only_what_the_records_say(
        shape: str, tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", STATEMENTS / shape, tmp_path)
    result = load(content)
    assert result.site is not None and not result.problems, result.problems
    application, shortlisting = _forms(result.site, "support-worker")
    words = _record_words(content).lower()
    for marker in MARKERS:
        assert (marker.lower() in application.lower()) == (marker.lower() in words), (shape, marker)
    for marker in SHEET_MARKERS:
        if marker.lower() in shortlisting.lower():
            assert marker.lower() in words, (shape, marker)


def test_an_exemption_stated_plainly_gains_nothing(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", STATEMENTS / "named-applicant", tmp_path)
    site = load(content).site
    assert site is not None
    application, _ = _forms(site, "support-worker")
    assert "This post is exempt from the Rehabilitation of Offenders Act 1974." in application
    assert "Exceptions" not in application and "spent convictions" not in application
    assert "Criminal records" not in application  # the organisation asks no question


def test_the_role_page_and_word_profile_say_only_that_the_role_is_exempt(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", STATEMENTS / "named-applicant", tmp_path)
    site = load(content).site
    assert site is not None
    role = site.roles["support-worker"]
    page = read_back(render_all(site))["roles/support-worker/index.md"]
    word = repr(profile_blocks(site, role))
    for text in (page, word):
        assert "exempt from the Rehabilitation of Offenders Act 1974" in text
        assert "spent convictions" not in text and "Exceptions" not in text


def _workbook_words(site: Site) -> tuple[list[str], str]:
    """The shortlisting workbook's column headings and its "How to use" text."""
    book = shortlisting_book(site, site.roles["test-role"])
    scores, *_, how = book["sheets"]
    return [c[0] for c in scores["columns"]], " ".join(row[0] for row in how["rows"])


def test_the_shortlisting_workbook_says_only_what_the_organisation_says() -> None:
    columns, how = _workbook_words(_site_without_wording(dbs="enhanced"))
    assert not [c for c in columns if "guaranteed" in c.lower()]
    for marker in SHEET_MARKERS:
        assert marker.lower() not in how.lower(), marker
    columns, how = _workbook_words(hand_site())
    assert "Guaranteed interview? (Y or N)" in columns
    for text in (FORM_SETTINGS["anonymised_shortlisting"]["to_panel"],
                 FORM_SETTINGS["guaranteed_interview"]["question"],
                 FORM_SETTINGS["guaranteed_interview"]["to_panel"]):
        assert text in how, text


def test_an_exempt_role_without_a_dbs_check_still_shows_its_own_wording() -> None:
    own = "This post is exempt from the Rehabilitation of Offenders Act 1974."
    site = _site_without_wording(dbs="none", rehabilitation_exemption=True, statement=own)
    application, _ = _forms(site, "test-role")
    assert "Pre-employment checks " + own in application
    assert "Exceptions" not in application and "spent convictions" not in application
