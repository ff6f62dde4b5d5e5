"""The printable HTML forms: right criteria on each sheet, labelled fields, no outside assets."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.content.load import load
from generator.core.errors import UsageError
from generator.model import Checks, Role, Site
from generator.render.forms import FORMS
from generator.render.forms.build import write_all_forms
from generator.render.forms.equality import PREFER_NOT, QUESTIONS
from generator.render.forms.render import form_pages
from generator.render.pack import write_pack
from generator.scoring.campaign import Campaign, campaign, for_record
from generator.scoring.sheets import field_key
from tests.conftest import CONTENT, NOT_RECRUITING, RECRUITING
from tests.support.forms import INTERVIEW_ONLY, hand_site, parse, scale


@pytest.fixture(scope="module")
def shipped() -> Site:
    result = load(CONTENT)
    assert result.site is not None, result.problems
    return result.site


def pages(c: Campaign) -> dict[str, str]:
    return dict(form_pages(c))


def all_roles(shipped: Site) -> list[tuple[Site, Role]]:
    hand = hand_site()
    return [(shipped, r) for r in shipped.roles.values()] + [(hand, hand.roles["test-role"])]


def test_every_role_gets_the_right_criteria_on_each_sheet(shipped: Site) -> None:
    for site, role in all_roles(shipped):
        got = pages(campaign(site, role))
        app = set(parse(got["application-form"]).names)
        short = set(parse(got["shortlisting"]).names)
        inter = set(parse(got["interview"]).names)
        at_app = role.person_spec.at_stage("application")
        at_int = role.person_spec.at_stage("interview")
        for crit in role.person_spec.criteria:
            key = field_key(crit.id)
            on_app = crit in at_app
            assert (f"statement-{key}" in app) is on_app, (role.id, crit.id)
            assert (f"score-c1-{key}" in short) is on_app, (role.id, crit.id)
            assert (f"score-{key}" in inter) is (crit in at_int), (role.id, crit.id)
        for req in role.competencies_at_stage("interview"):
            assert f"score-comp-{field_key(req.key)}" in inter
        # The published id is shown as it is.
        assert all(c.id in parse(got["shortlisting"]).text for c in at_app)


def test_interview_only_criteria_stay_off_the_application_and_shortlisting() -> None:
    site = hand_site()
    got = pages(campaign(site, site.roles["test-role"]))
    for cid in INTERVIEW_ONLY:
        assert f"Criterion text {cid}" not in got["application-form"]
        assert f"Criterion text {cid}" not in got["shortlisting"]
        assert f"Criterion text {cid}" in got["interview"]
    assert "Criterion text A1" not in got["interview"]
    assert "Criterion text C1" in got["application-form"]  # listed as checked later
    assert "statement-C1" not in got["application-form"]


def test_every_page_is_standalone_and_every_field_is_labelled(shipped: Site) -> None:
    vacancy = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    c = campaign(shipped, vacancy.role, vacancy=vacancy, panel=("A Person", "B Person"))
    got = pages(c)
    assert list(got) == [*FORMS[:3], "interview", "interview-panel-1", "interview-panel-2",
                         "moderation"]
    for stem, html in got.items():
        page = parse(html)
        assert page.lang == "en-GB"
        assert page.title.strip() and c.role.title in page.title
        assert not page.tags & {"link", "img", "iframe", "object"}, stem
        # Only the application form has a script: its own, inline, keeping what is typed.
        assert ("script" in page.tags) is (stem == "application-form"), stem
        assert html.count("<script") == (stem == "application-form"), stem
        assert not page.urls, stem
        assert "http://" not in html and "https://" not in html, stem
        assert "@page" in html and "table-header-group" in html
        ids = [f["id"] for f in page.fields]
        assert len(ids) == len(set(ids)), stem
        for f in page.fields:
            # A tick-one question is a radio group: its buttons share the question's name
            # and each has its own id (name-value); every other field's id is its name.
            if f.get("type") == "radio":
                assert f["id"] == f"{f['name']}-{f['value']}", f
            else:
                assert f["id"] == f["name"], f
            assert page.labels.get(f["id"]), f"{stem}: {f['name']} has no label"
        radios = {f["name"] for f in page.fields if f.get("type") == "radio"}
        assert not radios & {f["name"] for f in page.fields if f.get("type") != "radio"}, stem
        assert set(page.labels) == set(ids), stem


def test_wide_tables_scroll_inside_labelled_regions() -> None:
    site = hand_site()
    got = pages(campaign(site, site.roles["test-role"], candidates=13))
    for stem in ("shortlisting", "moderation"):
        html = got[stem]
        tables = html.count('<table class="scores">')
        assert tables == 3
        regions = re.findall(r'<div class="scroll" role="region" aria-label="([^"]+)" '
                             r'tabindex="0">\s*<table class="scores">', html)
        assert len(regions) == tables and regions[0].endswith("C1 to C5")
        assert "score-c13-A1" in html or "agreed-c13-AI1" in html


def test_application_form_details_and_declarations() -> None:
    site = hand_site()
    html = pages(campaign(site, site.roles["test-role"]))["application-form"]
    page = parse(html)
    auto = {f["name"]: f.get("autocomplete") for f in page.fields}
    assert auto["full-name"] == "name" and auto["email"] == "email" and auto["tel"] == "tel"
    assert auto["address"] == "street-address" and auto["postcode"] == "postal-code"
    assert auto["referee-1-name"] == "off"
    assert "Say <strong>how</strong>." in html          # guidance, as cleaned Markdown
    assert "This post needs an Enhanced DBS check." not in page.text
    assert "This post needs an enhanced DBS check." in page.text  # the acronym in capitals
    assert "right to work in the United Kingdom" in page.text
    assert "statement-Q-7_b" in page.names  # "." is "_" in a field name (sheets.field_key)


@pytest.mark.parametrize(("level", "sentence"), [
    ("basic", "This post needs a basic DBS check."),
    ("enhanced-with-barred-list", "This post needs an enhanced DBS check with barred list check."),
])
def test_application_form_names_the_dbs_check_in_a_sentence(level: str, sentence: str) -> None:
    site = hand_site()
    role = dataclasses.replace(site.roles["test-role"], checks=Checks(dbs=level))
    assert sentence in parse(pages(campaign(site, role))["application-form"]).text


def _application_form_text(criteria: Callable[[tuple[Any, ...]], tuple[Any, ...]]) -> str:
    """The hand-made role's application form, its criteria first passed through `criteria`."""
    site = hand_site()
    role = site.roles["test-role"]
    role = dataclasses.replace(role, person_spec=dataclasses.replace(
        role.person_spec, criteria=criteria(role.person_spec.criteria)))
    return parse(pages(campaign(site, role))["application-form"]).text


def test_application_form_without_criteria_asks_for_none() -> None:
    text = _application_form_text(
        lambda criteria: tuple(c for c in criteria if "application" not in c.stages))
    assert "For each criterion below" not in text and "Situation" not in text
    assert ("No criterion of this post is assessed from the application form, so this "
            "section asks for none.") in text
    assert "Criterion text C1" in text  # still listed as checked before appointment


def test_application_form_of_a_specification_silent_on_methods_says_so() -> None:
    text = _application_form_text(lambda criteria: tuple(
        dataclasses.replace(c, assessed_by=(), methods_stated=False) for c in criteria))
    assert "For each criterion below" not in text and "No criterion of this post" not in text
    assert ("The person specification does not say which criteria are assessed from the "
            "application form, so this section asks about none of them.") in text


def test_application_form_without_dbs_or_exemption() -> None:
    site = hand_site()
    role = dataclasses.replace(site.roles["test-role"], checks=Checks(dbs="none"))
    text = parse(pages(campaign(site, role))["application-form"]).text
    assert "Disclosure and Barring Service" not in text
    assert "Test question: any unspent convictions?" in text
    assert "Exceptions) Order" not in text and "not protected" not in text


def test_equality_form_is_separate_and_always_offers_prefer_not_to_say() -> None:
    site = hand_site()
    got = pages(campaign(site, site.roles["test-role"]))
    page = parse(got["equality-monitoring"])
    assert "Test Organisation keeps the equality form apart." in page.text  # its own words
    assert "Test Organisation keeps equality answers for 10 months." in page.text
    assert "Criterion text" not in page.text
    for q in QUESTIONS:
        assert q.options[-1] == PREFER_NOT
        assert f"{q.key}-prefer-not-to-say" in page.ids
    for needed in ("Roma", "Arab", "Gypsy or Irish Traveller", "Equality Act 2010",
                   "sex registered at birth", "Sikh", "caring responsibilities"):
        assert needed in page.text
    assert "ethnicity" not in got["application-form"].lower()


def test_shortlisting_columns_are_candidate_codes_not_names() -> None:
    site = hand_site()
    vacancy = site.vacancies["test-vacancy"]
    html = pages(campaign(site, vacancy.role, vacancy=vacancy))["shortlisting"]
    heads = re.findall(r'<th scope="col" class="cand">([^<]+)</th>', html)
    assert heads == ["C1", "C2", "C3", "C4"]         # vacancy.candidates
    for name in vacancy.panel:
        assert name not in html
    assert "full-name" not in html


@pytest.mark.parametrize(("gate", "present"), [(True, True), (False, False)])
def test_gate_row_follows_the_scale(gate: bool, present: bool) -> None:
    site = hand_site()
    c = campaign(site, site.roles["test-role"], scale=scale(1, 5, gate=gate))
    names = parse(pages(c)["shortlisting"]).names
    assert ("gate-c1" in names) is present
    assert "gi-c1" in names and "total-c6" in names


def test_weights_are_shown_only_on_a_weighted_scale() -> None:
    site = hand_site()
    role = site.roles["test-role"]
    weighted = pages(campaign(site, role, scale=scale(1, 7, weights=(1, 2, 3))))
    assert "×3" in weighted["shortlisting"] and ">Weight</th>" in weighted["shortlisting"]
    assert "Weighted total" in weighted["moderation"] and "×2" in weighted["interview"]
    plain = pages(campaign(site, role, scale=scale(0, 3)))
    assert "×3" not in plain["shortlisting"] and ">Weight</th>" not in plain["shortlisting"]


def test_desirable_only_scale_turns_essentials_into_met_boxes() -> None:
    site = hand_site()
    c = campaign(site, site.roles["test-role"], scale=scale(0, 2, desirable_only=True))
    page = parse(pages(c)["shortlisting"])
    assert "met-c1-A1" in page.names and "score-c1-A1" not in page.names
    assert "score-c1-D1" in page.names and "tick ✓ (met) or ✗ (not met)" in page.text
    # ✓ and ✗ are the two buttons of one radio group: only one can be ticked.
    met = [f for f in page.fields if f["name"] == "met-c1-A1"]
    assert [(f["type"], f["value"]) for f in met] == [("radio", "met"), ("radio", "not-met")]
    assert page.labels["met-c1-A1-not-met"] == ("Criterion A1 met or not met, candidate C1: "
                                                "✗ Not met")


@pytest.mark.parametrize("scale_id", ["standard-0-2", "first-light-shortlisting",
                                      "standard-1-5", "standard-1-7"])
def test_shipped_scales_print_their_descriptors(shipped: Site, scale_id: str) -> None:
    chosen = shipped.scales[scale_id]
    c = campaign(shipped, shipped.roles["da-sv-case-coordinator"], scale=chosen)
    for stem in ("shortlisting", "interview", "moderation"):
        text = parse(pages(c)[stem]).text
        assert f"{chosen.name} ({chosen.min} to {chosen.max})" in text
        assert all(p.descriptor in text for p in chosen.points)


def test_interview_sheet_shows_expected_competency_level_and_indicators() -> None:
    site = hand_site()
    vacancy = site.vacancies["test-vacancy"]
    got = pages(campaign(site, vacancy.role, vacancy=vacancy))
    text = parse(got["interview"]).text
    assert "Expected level 3: Expected" in text and "Shares information openly" in text
    assert "Entry: level 2" in text and "Exceptional: level 4" in text
    assert 'value="Pat Panel"' in got["interview-panel-1"]
    assert 'value="Robin Reviewer"' in got["interview-panel-2"]
    assert "panel member 2 of 2" in got["interview-panel-2"]
    assert "value=" not in got["interview"]
    assert 'value="Robin Reviewer"' in got["moderation"]
    for cid in ("decision-c4-appoint", "decision-c4-reserve", "decision-c4-not-appointed",
                "reasons-c4", "agreed-c4-comp-teamwork", "total-c4"):
        assert cid in parse(got["moderation"]).ids


def test_a_pack_holds_the_documented_files(tmp_path: Path) -> None:
    site = hand_site()
    written = write_pack(campaign(site, site.roles["test-role"], panel=["X"], questions=True),
                         tmp_path, pdf=False)
    assert [p.name for p in written] == [
        "application-form.html", "equality-monitoring.html", "shortlisting.html",
        "interview.html", "interview-panel-1.html", "moderation.html",
        "shortlisting.xlsx", "interview-scores.xlsx", "forms.css"]
    again = tmp_path / "again"
    write_pack(campaign(site, site.roles["test-role"], panel=["X"], questions=True), again,
               pdf=False)
    assert all(p.read_bytes() == (again / p.name).read_bytes() for p in written)


def test_the_forms_of_every_role_with_a_vacancy_are_written_beside_its_page(
        shipped: Site, tmp_path: Path) -> None:
    """Only a role that is recruiting (with a vacancy, open or closed) has forms on the site."""
    written = write_all_forms(shipped, tmp_path)
    assert sorted(shipped.roles) == sorted(RECRUITING + NOT_RECRUITING)
    for role_id in RECRUITING:
        for stem in FORMS:
            assert tmp_path / "roles" / role_id / "forms" / f"{stem}.html" in written
    assert len(written) == len(RECRUITING) * len(FORMS)
    assert not any((tmp_path / "roles" / role_id).exists() for role_id in NOT_RECRUITING)


def test_a_pack_is_made_for_a_role_or_a_vacancy(shipped: Site, tmp_path: Path) -> None:
    out = write_pack(for_record(shipped, "da-sv-case-coordinator-2024", panel=["Jo"],
                                candidates=8), tmp_path / "v", pdf=False)
    assert (tmp_path / "v" / "interview-panel-1.html") in out
    short = (tmp_path / "v" / "shortlisting.html").read_text(encoding="utf-8")
    assert "score-c8-E1" in short and "FL-CC-2024-07" in short
    out = write_pack(for_record(shipped, "recovery-navigator", scale_id="standard-1-7"),
                     tmp_path / "r", pdf=False)
    assert "Standard 1 to 7" in (tmp_path / "r" / "shortlisting.html").read_text("utf-8")
    with pytest.raises(UsageError, match="neither a role nor a vacancy"):
        for_record(shipped, "nobody")
    with pytest.raises(UsageError, match="no scale 'nope'"):
        for_record(shipped, "recovery-navigator", scale_id="nope")
    with pytest.raises(UsageError, match="1 or more"):
        for_record(shipped, "recovery-navigator", candidates=0)
