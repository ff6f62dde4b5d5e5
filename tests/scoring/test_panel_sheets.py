"""Issue 29, points 2 and 4: interview sheets a chair would print as they are.

- the grid layout (a table row for each criterion: its score or ✓ / ✗, and a notes box),
  chosen by the organisation (`scoring_sheets.interview_layout`) or by `--layout`: the shipped
  36-criterion role's interview sheet is at most three A4 pages a copy, measured with pypdf;
- sections "to be scored" and "not to be scored" where essential criteria are checked and
  desirable ones scored; desirable criteria applied only after the essential gate;
- the organisation's own interview script printed where it puts it.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.content.load import load
from generator.model import ScriptSection, Site
from generator.render.forms.pdf import pdf_bytes
from generator.render.forms.render import form_pages
from generator.scoring.campaign import campaign
from tests.a11y.test_pdf import assert_fields_labelled
from tests.conftest import CAMPAIGNS, CONTENT, scored_content
from tests.support.forms import parse

FIXTURE = CAMPAIGNS
SHIPPED = "supervised-contact-co-ordinator-2027"  # 36 criteria and a competency at interview


@pytest.fixture(scope="module")
def shipped() -> Site:
    found = load(CONTENT).site
    assert found is not None
    return found


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The shipped content with Darlington given the 1 to 5 scale (its documents give none)."""
    found = load(scored_content(tmp_path_factory.mktemp("scored"))).site
    assert found is not None
    return found


@pytest.fixture(scope="module")
def scoring() -> Site:
    found = load(FIXTURE).site
    assert found is not None
    return found


def _pages(site: Site, vid: str, **options: object) -> dict[str, str]:
    vacancy = site.vacancies[vid]
    return dict(form_pages(campaign(site, vacancy.role, vacancy=vacancy, questions=True,
                                    **options)))  # type: ignore[arg-type]


def test_the_shipped_council_chooses_the_grid(shipped: Site) -> None:
    role = shipped.vacancies[SHIPPED].role
    assert role.organisation.sheet_wording.interview_layout == "grid"
    assert len(role.person_spec.at_stage("interview")) == 35
    html = _pages(shipped, SHIPPED)["interview"]
    assert 'class="scores rowgrid"' in html and 'class="qblock"' not in html
    # --layout full gives the block for each criterion back, for one pack
    full = _pages(shipped, SHIPPED, layout="full")["interview"]
    assert 'class="rowgrid"' not in full and full.count('class="qblock"') == 36


@pytest.mark.pdf
def test_the_36_criterion_interview_sheet_prints_on_three_pages_a_copy(scored: Site) -> None:
    # with a scale's legend and range, the longer sheet (the shipped one names no scale)
    pages = _pages(scored, SHIPPED, panel=("A Person", "B Person"), per_candidate=True)
    copies = [stem for stem in pages if stem.startswith("interview")]
    assert "interview-c1-panel-2" in copies
    counts = {}
    for stem in ("interview", "interview-c1-panel-2"):
        pdf = PdfReader(io.BytesIO(pdf_bytes(pages[stem])))
        counts[stem] = len(pdf.pages)
        assert_fields_labelled(pdf.trailer["/Root"], parse(pages[stem]))
    assert counts == {"interview": 3, "interview-c1-panel-2": 3}, counts


def test_grid_rows_carry_the_full_sheets_field_names(scored: Site) -> None:
    grid = parse(_pages(scored, SHIPPED)["interview"])
    full = parse(_pages(scored, SHIPPED, layout="full")["interview"])
    # the same score and evidence boxes; only the separate "question asked" box is gone
    assert set(grid.names) == {n for n in full.names if not n.startswith("question-")}
    assert grid.labels["evidence-1"] == "Notes: question asked and evidence, criterion 1"
    assert grid.labels["score-1"] == "Score, criterion 1, 1 to 5"


def test_grid_of_checked_and_scored_rows_is_in_two_sections(scoring: Site) -> None:
    html = _pages(scoring, "council-2027", layout="grid")["interview"]
    parts = html.split('<h2 class="part"')[1:]
    assert [p.split(">", 2)[1].split("<")[0] for p in parts] == [
        "Not to be scored: tick ✓ (met) or ✗ (not met)", "To be scored: 0 to 2"]
    checked, scored = parts[0], parts[1].split('id="total-title"')[0]
    assert 'name="met-E1"' in checked and 'name="score-' not in checked
    assert 'name="score-D1"' in scored and 'name="met-' not in scored


@pytest.mark.parametrize("layout", ["full", "grid"])
def test_the_organisations_script_is_printed_where_it_puts_it(scoring: Site,
                                                               layout: str) -> None:
    html = _pages(scoring, "council-2027", layout=layout)["interview-panel-1"]
    # "before": after the scale's legend, just before the criteria; "after": before the total
    order = ['id="legend-title"', ">Introductions</h2>", "Not to be scored", "To be scored",
             ">Notice period and start date</h2>", ">Ending the interview</h2>",
             'id="total-title"']
    heads = [html.index(mark) for mark in order]
    assert heads == sorted(heads)
    assert "<strong>when they could start</strong>" in html
    page = parse(html)
    assert page.labels["script-after-1-notes"] == "Notes, Notice period and start date"
    assert page.labels["script-before-1-notes"] == "Notes, Introductions"
    # on no other sheet
    assert "Introductions" not in _pages(scoring, "council-2027", layout=layout)["moderation"]


def test_an_organisation_without_a_script_prints_none(scoring: Site) -> None:
    org = scoring.organisations["scoring-council"]
    assert [s.heading for s in org.sheet_wording.script("after")] == [
        "Notice period and start date", "Ending the interview"]
    bare = replace(org.sheet_wording, interview_script=())
    assert bare.script("before") == bare.script("after") == ()
    assert ScriptSection("A", "b").position == "before"


def test_desirable_criteria_after_the_gate_are_said_on_the_sheets_and_workbook(
        scoring: Site) -> None:
    """The scale says desirable criteria apply only to candidates through the gate: the
    interview sheet says so above the scored part and in its notes, the workbook in its How to
    use sheet (tests/scoring/test_workbooks.py recomputes its formulas in LibreOffice)."""
    from generator.render.exports.interviewbook import interview_book

    vacancy = scoring.vacancies["council-2027"]
    after = replace(scoring.scales["council-zero-to-two"], desirable_after_gate=True)
    settings = campaign(scoring, vacancy.role, vacancy=vacancy,
                        stage_scales={"interview": after})
    pages = dict(form_pages(settings))
    for stem in ("interview", "moderation"):
        text = parse(pages[stem]).text
        assert ("Desirable criteria are applied only to a candidate who meets every essential "
                "criterion: score them only for those candidates.") in text, stem
        assert "gets no total: leave their total blank" in text, stem
    assert "Only for a candidate who meets every essential criterion." in parse(
        pages["interview"]).text
    how = " ".join(r[0] for r in interview_book(settings)["sheets"][-1]["rows"])
    assert "their scores count only once the candidate's gate is Y" in how
    # without it, nothing of the kind
    plain = dict(form_pages(campaign(scoring, vacancy.role, vacancy=vacancy)))["interview"]
    assert "applied only to a candidate" not in plain


def test_the_moderation_and_shortlisting_grids_have_the_two_parts_too(scoring: Site) -> None:
    """Where the scale checks essentials and scores the rest, the tables of the moderation sheet
    (and of a shortlisting sheet on such a scale) carry the same two parts as rows."""
    vacancy = scoring.vacancies["council-2027"]
    own = scoring.scales["council-zero-to-two"]
    pages = dict(form_pages(campaign(scoring, vacancy.role, vacancy=vacancy, scale=own)))
    for stem, scored in (("moderation", 'name="agreed-c1-D1"'),
                         ("shortlisting", 'name="score-c1-D1"')):
        html = pages[stem]
        checked, rest = html.split('<tr class="part"><th scope="colgroup" colspan="5">'
                                   "To be scored: 0 to 2</th></tr>")
        assert "Not to be scored: tick ✓ (met) or ✗ (not met)</th></tr>" in checked, stem
        assert 'name="met-c1-E1"' in checked and 'name="met-' not in rest.split(
            '<tbody class="summary">')[0], stem
        assert scored in rest, stem


def test_the_grid_asked_for_where_a_question_plan_rules_is_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sheet with a question plan keeps the plan's layout: --layout grid says so."""
    from generator.cli import run
    from tests.conftest import QUESTIONS

    questions = QUESTIONS
    assert run(["forms", "--content", str(questions), "--no-pdf", "--layout", "grid",
                "--out", str(tmp_path / "a"), "case-officer-2027"]) == 0
    said = capsys.readouterr().out
    assert "follow the question plan (each set question and who asks it), not the grid" in said
    assert 'class="rowgrid"' not in (tmp_path / "a" / "interview.html").read_text("utf-8")
    assert run(["forms", "--content", str(FIXTURE), "--no-pdf", "--layout", "grid",
                "--out", str(tmp_path / "b"), "council-2027"]) == 0
    assert "question plan" not in capsys.readouterr().out
