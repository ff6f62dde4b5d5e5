"""Scoring as panels run it (issue 14): a scale per stage, essential criteria checked rather
than scored at every stage, met / not met scales, weights by stage, and rows grouped as the
person specification groups them."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import openpyxl

from generator.model import PersonSpec, ScaleBand, SheetWording
from generator.render.forms.render import form_pages
from generator.scoring import sheets
from generator.scoring.campaign import campaign
from tests.conftest import CAMPAIGNS
from tests.support.forms import criterion, hand_role, hand_site, parse, scale

FIXTURE = CAMPAIGNS


def test_each_stage_has_its_own_scale_from_organisation_vacancy_then_command() -> None:
    short, inter, other = (scale(0, 1, scale_id="short"), scale(1, 5, scale_id="inter"),
                           scale(0, 3, scale_id="other"))
    site = hand_site()
    role = site.roles["test-role"]
    org = replace(role.organisation, stage_scales=(("interview", "inter"),))
    role = replace(role, organisation=org)
    site.scales.update({s.id: s for s in (short, inter, other)})
    # the organisation's interview scale over its default
    assert campaign(site, role).scale_at("interview") is inter
    assert campaign(site, role).scale_at("shortlisting").id == "test-0-3"
    # a vacancy's own stage scale over the organisation's
    vacancy = replace(site.vacancies["test-vacancy"], role=role,
                      stage_scales=(("shortlisting", short), ("interview", inter)))
    settings = campaign(site, role, vacancy=vacancy)
    assert (settings.scale_at("shortlisting"), settings.scale_at("interview")) == (short, inter)
    # --scale ID for every stage, and --scale STAGE=ID for one
    assert campaign(site, role, vacancy=vacancy, scale=other).scale_at("interview") is other
    one = campaign(site, role, vacancy=vacancy, scale=other, stage_scales={"interview": short})
    assert (one.scale_at("shortlisting"), one.scale_at("interview")) == (other, short)


def test_essential_criteria_are_checked_not_scored_at_interview_and_moderation() -> None:
    desirable_only = scale(0, 2, desirable_only=True)
    for sheet in (sheets.interview(hand_role(), desirable_only),
                  sheets.moderation(hand_role(), desirable_only, 3)):
        assert [r.label for r in sheet.met_rows] == ["AI1", "I1"]
        assert all(r.mode == sheets.SCORE for r in sheet.rows if r.kind != "essential")
        assert sheet.gate
        assert sheet.max_total == 2 * 3  # D2, T1 and the competency only


def test_interview_sheet_prints_y_or_n_for_essentials_and_no_score_box() -> None:
    site = hand_site(default=scale(0, 2, desirable_only=True, scale_id="test-0-3"))
    pages = dict(form_pages(campaign(site, site.roles["test-role"])))
    html = pages["interview"]
    assert 'id="met-I1-met"' in html and 'id="score-I1"' not in html
    assert 'id="score-D2"' in html and 'id="gate"' in html
    assert "Essential criteria are checked, not scored" in html
    assert 'id="met-c1-I1-met"' in pages["moderation"] and 'id="agreed-c1-I1"' not in pages[
        "moderation"]


def test_a_met_scale_checks_every_criterion_and_has_no_total() -> None:
    met = replace(scale(0, 1), kind="met")
    sheet = sheets.shortlisting(hand_role(), met, 4)
    assert sheet.rows and all(r.mode == sheets.MET for r in sheet.rows)
    assert not sheet.scored and sheet.gate
    site = hand_site(default=replace(scale(0, 1, scale_id="test-0-3"), kind="met"))
    html = dict(form_pages(campaign(site, site.roles["test-role"])))["shortlisting"]
    assert "Total score" not in html and 'id="met-c1-D1-met"' in html
    assert "Criteria are not scored" in html


def test_vacancy_weights_by_stage_replace_the_role_weights() -> None:
    weighted = scale(1, 5, weights=(1, 2, 3))
    short = sheets.shortlisting(hand_role(), weighted, 3, {"D1": 1, "A1": 2})
    assert {r.label: r.weight for r in short.rows}["A1"] == 2
    assert {r.label: r.weight for r in short.rows}["D1"] == 1
    inter = sheets.interview(hand_role(), weighted, {"teamwork": 3})
    assert {r.key: r.weight for r in inter.rows}["comp-teamwork"] == 3
    assert inter.max_total == 5 * (1 + 1 + 2 + 1 + 3)


def test_weighted_interview_rows_have_a_weighted_score_box() -> None:
    site = hand_site(default=scale(1, 5, weights=(1, 2, 3), scale_id="test-0-3"))
    html = dict(form_pages(campaign(site, site.roles["test-role"])))["interview"]
    assert 'id="weighted-D2"' in html and "(score ×2)" in html
    assert 'id="weighted-I1"' in html  # weight 1 where the sheet is weighted


def test_rows_follow_the_person_specification_groups_essential_first_in_each() -> None:
    crits = (replace(criterion("D1", "desirable", "application"), category="Experience"),
             replace(criterion("E1", "essential", "application"), category="Qualifications"),
             replace(criterion("E2", "essential", "application"), category="Experience"),
             replace(criterion("D2", "desirable", "application"), category="Qualifications"),
             replace(criterion("E3", "essential", "application"), category="experience"))
    role = replace(hand_role(), person_spec=PersonSpec(None, crits))
    sheet = sheets.shortlisting(role, scale(0, 3), 3)
    assert [(h, [r.label for r in rows]) for h, rows in sheet.groups] == [
        ("Experience", ["E2", "E3", "D1"]), ("Qualifications", ["E1", "D2"])]


def test_banded_descriptors_are_written_once_and_shown_as_bands(tmp_path: Path) -> None:
    """A scale of 1 to 10 described in pairs: the legend (sheets and workbook) has a line per
    band, not ten lines; the boxes still take any score from 1 to 10."""
    from generator.cli import run

    assert run(["forms", "--content", str(FIXTURE), "--no-pdf", "--out", str(tmp_path),
                "--scale", "banded-one-to-ten", "generic-2027"]) == 0
    for stem in ("shortlisting", "interview", "moderation"):
        html = (tmp_path / f"{stem}.html").read_text(encoding="utf-8")
        legend = parse(html[html.index('<section class="legend"'):]).text
        assert "Banded rating scale (1 to 10)" in legend, stem
        lines = re.findall(r'<tr><th scope="row">([^<]+)</th><td><strong>([^<]+):</strong>',
                           html)
        # in the order the scale lists its bands (lowest first here), as its own form does
        assert lines == [("1 to 2", "Very poor"), ("3 to 4", "Poor"),
                         ("5 to 6", "Satisfactory"), ("7 to 8", "Good"),
                         ("9 to 10", "Excellent")], stem
    assert "(1 to 10)</label>" in (tmp_path / "interview.html").read_text(encoding="utf-8")
    book = openpyxl.load_workbook(tmp_path / "interview-scores.xlsx")
    assert [[c.value for c in row] for row in book["Scoring scale"].iter_rows()] == [
        ["Scores", "Label", "What it means"],
        ["1 to 2", "Very poor", "little or no evidence of the criterion"],
        ["3 to 4", "Poor", "some evidence, with important gaps"],
        ["5 to 6", "Satisfactory", "enough evidence that the criterion is met"],
        ["7 to 8", "Good", "clear evidence throughout"],
        ["9 to 10", "Excellent", "strong evidence, well beyond the criterion"]]


def test_a_band_of_one_score_reads_as_that_score() -> None:
    band = replace(scale(0, 2), points=(), bands=(
        ScaleBand(0, 0, "none"), ScaleBand(1, 2, "some", "Some")))
    assert [(line.scores, line.label) for line in band.legend] == [("0", None),
                                                                  ("1 to 2", "Some")]


def _sheets_of(tmp_path: Path, record: str) -> dict[str, str]:
    from generator.cli import run

    assert run(["forms", "--content", str(FIXTURE), "--out", str(tmp_path), record]) == 0
    return {p.stem: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.html")}


def test_the_organisations_guidance_and_retention_period_are_on_every_sheet(
        tmp_path: Path) -> None:
    got = _sheets_of(tmp_path, "council-2027")
    scoring = [s for s in got if s.startswith(("shortlisting", "interview", "moderation"))]
    assert len(scoring) >= 4  # shortlisting, interview, a copy per panel member, moderation
    for stem in scoring:
        text = parse(got[stem]).text
        assert "Guidance from Scoring Council Read the council's recruitment and selection " \
            "policy before you score." in text, stem
        assert "How long it is kept: 12 months after the appointment is made" in text, stem
        assert "6 months" not in text, stem
        # the interview scale's own guidance only where that scale is used
        assert ("do not give a 2 for potential" in text) == (not stem.startswith("short")), stem
    assert "<strong>recruitment and selection policy</strong>" in got["interview"]
    # the PDFs carry the same text
    from pypdf import PdfReader

    pdf = " ".join(" ".join((page.extract_text() or "").split())
                   for page in PdfReader(tmp_path / "moderation.pdf").pages)
    assert "Guidance from Scoring Council" in pdf and "12 months after the appointment" in pdf


def test_without_wording_of_its_own_no_data_protection_text_and_no_period() -> None:
    site = hand_site()
    html = dict(form_pages(campaign(site, site.roles["test-role"])))
    for stem in ("shortlisting", "interview", "moderation"):
        text = parse(html[stem]).text
        assert "Keeping this sheet" not in text and "months" not in text, stem
        assert "HR keeps it" not in text and "ask to see what is written" not in text, stem
        assert "Guidance from" not in text and 'class="guidance"' not in html[stem]


def test_the_organisations_data_protection_text_replaces_the_standard_one() -> None:
    site = hand_site()
    role = site.roles["test-role"]
    wording = SheetWording(data_protection="Held under our *privacy notice* & <policy>.",
                           retention_months=1)
    role = replace(role, organisation=replace(role.organisation, sheet_wording=wording))
    html = dict(form_pages(campaign(site, role)))["shortlisting"]
    text = parse(html).text
    assert "Held under our privacy notice & <policy>." in text
    assert "<em>privacy notice</em> &amp; &lt;policy&gt;." in html  # Markdown, escaped
    assert "How long it is kept: 1 month after the appointment is made." in text
    assert "HR keeps it for" not in text and "Candidates may ask" not in text
