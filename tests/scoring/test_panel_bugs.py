"""What a panel chair would notice in a pack (issue 29 point 1): the options as people type
them, askers who match the panel, the essential gate kept where there is no pass mark, wording
that fits a scale without totals, the organisation's own text in the workbooks, field names
that keep two ids apart, the Welsh letters in the field font, and the scale's own order."""

from __future__ import annotations

import io
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pypdf import PdfReader

from generator.cli import run
from generator.content.load import load
from generator.model import PersonSpec, PlanEntry, SheetWording, Site
from generator.render.exports.interviewbook import interview_book
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.pdf import pdf_bytes
from generator.render.forms.render import form_pages
from generator.scoring.campaign import campaign
from tests.conftest import CAMPAIGNS, QUESTIONS
from tests.support.forms import criterion, hand_site, parse, scale

SCORING = CAMPAIGNS


def forms(content: Path, *args: str) -> int:
    return run(["forms", "--content", str(content), "--no-pdf", *args])


def _site(folder: Path) -> Site:
    loaded = load(folder)
    assert loaded.site is not None and not loaded.problems
    return loaded.site


def _sheet(book: dict[str, Any], name: str) -> dict[str, Any]:
    """One sheet of a workbook spec (excel.py), by its name."""
    return next(s for s in book["sheets"] if s["name"] == name)


def _how_to(book: dict[str, Any]) -> str:
    """The How to use sheet of a workbook spec, as one text."""
    return "\n".join(row[0] for row in _sheet(book, "How to use")["rows"])


# --scale


def test_a_met_scale_from_the_command_is_refused_where_the_rows_carry_weights(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # university-2027 weights D1 ×2 at interview; met / not met has no weights: as in the
    # vacancy's own stage_scales (a validate error), the command refuses it, naming the row
    assert forms(SCORING, "--out", str(tmp_path), "--scale", "interview=met-not-met",
                 "university-2027") == 2
    err = capsys.readouterr().err
    assert "the interview scale 'met-not-met' has no weights" in err and "D1 ×2" in err
    assert not list(tmp_path.iterdir())


def test_two_scales_for_one_stage_are_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert forms(SCORING, "--out", str(tmp_path), "--scale", "interview=met-not-met",
                 "--scale", "interview=generic-one-to-five", "generic-2027") == 2
    assert capsys.readouterr().err == (
        "roleprint: --scale is given twice for the interview stage (met-not-met, "
        "generic-one-to-five): give one scale for each stage\n")
    # the same scale twice says the same thing: no conflict
    assert forms(SCORING, "--out", str(tmp_path), "--scale", "interview=met-not-met",
                 "--scale", "interview=met-not-met", "generic-2027") == 0


# --panel


def test_panel_names_are_taken_as_people_type_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert forms(SCORING, "--out", str(tmp_path / "a"), "--panel", "Jo Smith",
                 "--panel", "Amir Khan", "generic-2027") == 0
    assert capsys.readouterr().out.startswith("Panel: Jo Smith, Amir Khan.\n")
    names = sorted(p.name for p in (tmp_path / "a").glob("interview-panel-*.html"))
    assert names == ["interview-panel-1.html", "interview-panel-2.html"]
    assert 'value="Amir Khan"' in (tmp_path / "a" / "interview-panel-2.html").read_text(
        encoding="utf-8")
    # a comma-separated string is several members; the id may still come last
    assert forms(SCORING, "--out", str(tmp_path / "b"), "--panel",
                 "Jo Smith, Amir Khan,Lee Park", "generic-2027") == 0
    assert capsys.readouterr().out.startswith("Panel: Jo Smith, Amir Khan, Lee Park.\n")
    assert (tmp_path / "b" / "interview-panel-3.html").is_file()
    assert forms(SCORING, "--out", str(tmp_path / "c"), "--panel", "3", "generic-2027") == 0
    assert capsys.readouterr().out.startswith("Panel: 3 members, not named.\n")


def test_several_unquoted_words_are_refused_not_guessed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # two people or four? Refused before any content is read, with the forms that work
    assert forms(SCORING, "--out", str(tmp_path), "--panel", "Pat", "Chair", "Sam", "Member",
                 "generic-2027") == 2
    err = capsys.readouterr().err
    assert err.startswith("roleprint: --panel Pat Chair Sam Member: is that 4 people")
    assert '--panel "Pat Chair" --panel "Sam Member"' in err
    assert '--panel "Pat Chair, Sam Member"' in err
    assert not list(tmp_path.iterdir())
    assert forms(SCORING, "--out", str(tmp_path), "--panel", "3", "--panel", "Jo Smith",
                 "generic-2027") == 2
    assert "a number of members or their names, not both" in capsys.readouterr().err


def test_numbered_askers_of_an_unnamed_panel_are_panel_member_n(site_q: Site) -> None:
    vacancy = replace(site_q.vacancies["case-officer-2027"], panel=(), question_plan=(
        PlanEntry("Q2", 1), PlanEntry("Q1", 2), PlanEntry("Q3", 3)))
    settings = campaign(site_q, vacancy.role, vacancy=vacancy, panel=("", "", ""),
                        questions=True)
    pages = dict(form_pages(settings))
    for n in (1, 2, 3):
        html = pages[f"interview-panel-{n}"]
        assert f"asked by Panel member {n} (you)" in html
        assert html.count("(you)") == html.count(f"asked by Panel member {n}")
    for n in (1, 2, 3):  # the blank sheet too
        assert f"asked by Panel member {n}</span>" in pages["interview"]
    plan = _sheet(interview_book(settings), "Question plan")
    asked = {row[1]: row[5] for row in plan["rows"] if row[1]}
    assert (asked["Q2"], asked["Q1"], asked["Q3"]) == (
        "Panel member 1", "Panel member 2", "Panel member 3")


@pytest.fixture(scope="module")
def site_q() -> Site:
    return _site(QUESTIONS)


@pytest.mark.parametrize(("panel", "message"), [
    (["3"], "question Q1 is asked by Sam Member, who is not on --panel (3 members, not "
            "named): add them to --panel, or change the question plan's asked_by"),
    (["Alex Chair, Sam Member"], "question Q3 is asked by panel member 3, but --panel gives "
                                 "2: give more members, or change the question plan's asked_by"),
    (["Alex Chair, Lee Park, Jo Adviser"], "question Q1 is asked by Sam Member, who is not on "
                                           "--panel (Alex Chair, Lee Park, Jo Adviser)"),
])
def test_an_asker_the_panel_given_has_not_is_a_usage_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], panel: list[str],
        message: str) -> None:
    # the plan: Q2 by member 1, Q1 by Sam Member, Q3 by member 3, P1 by Alex Chair
    assert forms(QUESTIONS, "--out", str(tmp_path), "--panel", *panel,
                 "case-officer-2027") == 2
    assert capsys.readouterr().err.startswith("roleprint: " + message)
    assert not list(tmp_path.iterdir())
    # the vacancy's own panel, or one that has every asker, is fine
    assert forms(QUESTIONS, "--out", str(tmp_path), "--panel",
                 "Alex Chair, Sam Member, Jo Adviser", "case-officer-2027") == 0


# Sheets not made


def test_a_role_with_no_interview_stage_says_why_there_are_no_interview_sheets(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(SCORING, content)
    role = content / "roles" / "scoring-officer.yaml"
    text = role.read_text(encoding="utf-8")
    text = text.replace("assessed_by: [application, interview]", "assessed_by: [application]")
    role.write_text(text[:text.index("competencies:")], encoding="utf-8")
    (content / "vacancies" / "government-2027.yaml").unlink()  # it weights the competency
    out = tmp_path / "pack"
    assert forms(content, "--out", str(out), "nhs-2027") == 0
    said = capsys.readouterr().out
    assert ("No interview or moderation sheets and no interview workbook: no criterion or "
            "competency is assessed at interview.\n") in said
    assert not list(out.glob("interview*")) and not (out / "moderation.html").exists()


# The essential gate without a pass mark


def test_without_a_pass_mark_the_gate_stays_at_interview_and_moderation(site: Site) -> None:
    """A scored essential, no pass mark, and a gate that excludes the total: the panel says Y
    or N on the sheets and in the workbook, and a candidate with N gets no total and no rank."""
    vacancy = site.vacancies["university-2027"]
    own = replace(site.scales["university-zero-to-three"], pass_mark=None)
    settings = campaign(site, vacancy.role, vacancy=vacancy, stage_scales={"interview": own})
    pages = dict(form_pages(settings))
    for stem in ("interview", "moderation"):
        text = parse(pages[stem]).text
        assert "Meets all essential criteria? (Y or N)" in text, stem
        assert ("a candidate who does not meet every essential criterion is not appointed and "
                "gets no total: leave their total blank. Agree before you start what score "
                "counts as meeting a criterion.") in text, stem
    assert 'name="gate-c4"' in pages["moderation"]
    scores = interview_book(settings)["sheets"][0]
    header = [c[0] for c in scores["columns"]]
    gate = header.index("Meets all essential criteria? (Y or N)")
    assert any(v["range"].startswith(f"{chr(65 + gate)}2:") and v["options"] == ["Y", "N"]
               for v in scores["validations"] if v["kind"] == "list")
    letter = chr(65 + gate)
    total = scores["rows"][0][next(n for n, h in enumerate(header)
                                   if h.startswith("Agreed weighted total"))]
    rank = scores["rows"][0][next(n for n, h in enumerate(header) if h.startswith("Rank"))]
    assert total["f"].startswith(f'=IF({letter}2="N","",')
    assert f'{letter}2="N"' in rank["f"] and '"<>N"' in rank["f"]
    assert "gets no total and no rank" in _how_to(interview_book(settings))


def test_libreoffice_leaves_a_candidate_the_panel_fails_at_the_gate_without_total_or_rank(
        site: Site, tmp_path: Path) -> None:
    """The same campaign as above in a written pack, filled in as the panel would: every score
    in, the gate Y, N, Y for C1 to C3, C4 left blank. Recomputed, C2 has no total and no rank,
    and C1 and C3 are ranked between themselves."""
    from generator.core.clock import FIXED_DATE
    from generator.render.exports.excel import xlsx_bytes
    from tests.scoring.test_workbooks import _recompute

    vacancy = site.vacancies["university-2027"]
    own = replace(site.scales["university-zero-to-three"], pass_mark=None)
    settings = campaign(site, vacancy.role, vacancy=vacancy, stage_scales={"interview": own})
    path = tmp_path / "interview-scores.xlsx"
    path.write_bytes(xlsx_bytes(interview_book(settings), FIXED_DATE))
    book = openpyxl.load_workbook(path)
    ws = book["Agreed scores"]
    header = [c.value for c in ws[1]]
    # a criterion's heading: "E1 (Experience: essential, ×2)" then its text on a second line
    scored = [n for n, h in enumerate(header, 1) if h and "\n" in h]
    gate = header.index("Meets all essential criteria? (Y or N)") + 1
    total = next(n for n, h in enumerate(header, 1) if h.startswith("Agreed weighted total"))
    for row, (score, judged) in enumerate(((3, "Y"), (3, "N"), (1, "Y")), start=2):
        for col in scored:
            ws.cell(row=row, column=col).value = score
        ws.cell(row=row, column=gate).value = judged
    book.save(path)
    got = openpyxl.load_workbook(_recompute(tmp_path, [path]) / path.name,
                                 data_only=True)["Agreed scores"]
    values = [(got.cell(row=r, column=total).value, got.cell(row=r, column=total + 1).value)
              for r in range(2, 6)]
    assert values[1] in ((None, None), ("", "")) and values[3] in ((None, None), ("", ""))
    assert values[0][1] == 1 and values[2][1] == 2 and values[0][0] > values[2][0] > 0


@pytest.fixture(scope="module")
def site() -> Site:
    return _site(SCORING)


# Met / not met: no totals to speak of


def test_a_met_scale_speaks_of_no_total(tmp_path: Path) -> None:
    assert forms(SCORING, "--out", str(tmp_path), "nhs-2027") == 0
    for stem in ("shortlisting", "interview", "moderation"):
        text = parse((tmp_path / f"{stem}.html").read_text(encoding="utf-8")).text
        assert "Essential criteria are a gate" in text, stem
        assert "whatever their total" not in text and "Total score" not in text, stem
        assert "Total and sign-off" not in text, stem
    for name in ("shortlisting.xlsx", "interview-scores.xlsx"):
        book = openpyxl.load_workbook(tmp_path / name)
        how = "\n".join(str(r[0].value) for r in book["How to use"].iter_rows(min_row=2))
        assert "total and the rank are worked out" not in how, name
        assert "whatever their total" not in how, name
        assert "Nothing is scored, so there is no total and no rank. The essential gate is " \
            "worked out for you" in how, name


# The organisation's own wording in the workbooks


def test_the_workbooks_carry_the_organisations_guidance_and_retention(site: Site) -> None:
    vacancy = site.vacancies["council-2027"]
    settings = campaign(site, vacancy.role, vacancy=vacancy)
    for book in (interview_book(settings),
                 shortlisting_book(site, vacancy.role, settings)):
        how = _how_to(book)
        assert "Guidance from Scoring Council:\nRead the council's recruitment and selection " \
            "policy before you score." in how
        assert "How long it is kept: 12 months after the appointment" in how
        assert "6 months" not in how
    assert "do not give a 2 for potential" in _how_to(interview_book(settings))
    role = vacancy.role
    wording = SheetWording(data_protection="Held by HR under our *privacy notice*.",
                           retention_months=1)
    org = replace(role.organisation, sheet_wording=wording)
    role = replace(role, organisation=org)
    own = replace(settings, role=role)
    for book in (interview_book(own), shortlisting_book(site, role, own)):
        how = _how_to(book)
        assert "Held by HR under our privacy notice.\nHow long it is kept: 1 month after the " \
            "appointment is made." in how
        assert "HR keeps it for" not in how and "Candidates may ask" not in how


# PDF fields, the field font, the scale's order


def test_ids_alike_but_for_dot_and_dash_are_two_pdf_fields_and_the_legend_keeps_its_order(
        ) -> None:
    site = hand_site(default=scale(0, 3, scale_id="test-0-3"))
    low_first = site.scales["test-0-3"]
    assert [p.score for p in low_first.points] == [0, 1, 2, 3]  # as its organisation lists them
    role = site.roles["test-role"]
    spec = PersonSpec(introduction=None, criteria=(
        criterion("1.1", "essential", "application", "interview"),
        criterion("1-1", "desirable", "application", "interview")))
    role = replace(role, person_spec=spec, competencies=())
    pages = dict(form_pages(campaign(site, role)))
    reader = PdfReader(io.BytesIO(pdf_bytes(pages["interview"])))
    fields = reader.get_fields() or {}
    scores = sorted(name for name in fields if name.startswith("score-"))
    assert len(scores) == 2 and scores[0] != scores[1], scores
    # a score typed for one is not shown in the other: two fields, two widgets
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert text.index("Label 0") < text.index("Label 1") < text.index("Label 3")
    html = pages["interview"]
    legend = parse(html[html.index('<section class="legend"'):]).text
    assert legend.index("Label 0") < legend.index("Label 3")
    book = shortlisting_book(site, role, campaign(site, role))
    points = _sheet(book, "Scoring scale")["rows"]
    assert [row[0] for row in points] == [0, 1, 2, 3]


def test_the_field_font_has_the_welsh_y_with_grave() -> None:
    from fontTools.ttLib import TTFont

    from generator.render.forms.fieldfont import field_font

    font = field_font()
    assert font is not None  # Liberation Sans is installed wherever the PDFs are made
    cmap = TTFont(font).getBestCmap()
    assert {0x1EF2, 0x1EF3, 0x0175, 0x0177, 0x1E81} <= set(cmap)  # Ỳ ỳ ŵ ŷ ẁ
