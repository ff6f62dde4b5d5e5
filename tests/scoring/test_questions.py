"""Question plans on the interview sheet (issue 14 point 6): the set questions under their
criteria, who asks each, a score box for each, a section and a subtotal per method; none of it
on the site. The located validate errors are tests/content/fixtures/invalid/question-plan."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import run
from generator.content.load import load
from generator.model import PlanEntry, Site
from generator.render.forms.render import form_pages
from generator.scoring.campaign import campaign
from tests.conftest import QUESTIONS, ROOT
from tests.support.forms import parse
from tests.support.waiting import LIMIT

FIXTURE = QUESTIONS
VACANCY = "case-officer-2027"
# (method, question, row key) -> who asks it, as the vacancy's plan says (None: a test or
# written exercise, which nobody asks).
PLACED = {
    ("interview", "Q1", "F1"): "Sam Member",
    ("interview", "Q2", "E1"): "Alex Chair",
    ("interview", "Q2", "D1"): "Alex Chair",
    ("interview", "Q3", "comp-communication"): "Jo Adviser",
    ("test", "T1", "D1"): None,
    ("written-exercise", "W1", "E2"): None,
    ("presentation", "P1", "E3"): "Alex Chair",
    ("presentation", "P1", "comp-communication"): "Alex Chair",
}
# On the council's 0 to 2 scale essential criteria are checked (✓ or ✗), not scored.
CHECKED = {"F1", "E1", "E2", "E3"}
SECTIONS = ["interview", "test", "written-exercise", "presentation"]


@pytest.fixture(scope="module")
def site() -> Site:
    loaded = load(FIXTURE)
    assert loaded.site is not None and not loaded.problems
    return loaded.site


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack")
    assert run(["forms", "--content", str(FIXTURE), "--out", str(out), VACANCY]) == 0
    return out


def pages(site: Site, vacancy_id: str = VACANCY, **changes: object) -> dict[str, str]:
    vacancy = replace(site.vacancies[vacancy_id], **changes)
    return dict(form_pages(campaign(site, vacancy.role, vacancy=vacancy, questions=True)))


def blocks(html: str) -> dict[str, str]:
    """Each criterion's or competency's block on the sheet, by its id (row-<method>--<key>)."""
    found = re.findall(r'<div class="qblock" id="row-([^"]+)">(.*?</textarea>\n</div>\n+</div>)',
                       html, re.DOTALL)
    return dict(found)


def test_the_bank_is_the_familys_then_the_roles_and_the_plan_is_the_vacancys(
        site: Site) -> None:
    role = site.roles["case-officer"]
    assert [(q.id, q.method, q.family) for q in role.questions] == [
        ("Q1", "interview", "casework"), ("Q2", "interview", None), ("Q3", "interview", None),
        ("T1", "test", None), ("W1", "written-exercise", None), ("P1", "presentation", None)]
    assert role.questions[1].criteria == ("E1", "D1")
    assert role.questions[1].follow_up == ("How do you decide what comes first?",
                                           "What do you do when a deadline slips?")
    assert [(e.question, e.asked_by) for e in site.vacancies[VACANCY].question_plan][:3] == [
        ("Q2", 1), ("Q1", "Sam Member"), ("Q3", 3)]


def test_each_question_is_under_its_criterion_with_its_asker_and_score_box(pack: Path) -> None:
    html = (pack / "interview-panel-1.html").read_text(encoding="utf-8")
    found = blocks(html)
    for (method, qid, row), who in PLACED.items():
        block = found[f"{method}--{row}"]
        setq = re.search(rf'<div class="setq" id="q-{method}--{qid}--{row}">(.*?)'
                         r'(?=<div class="qline">|</div>\n)', block, re.DOTALL)
        assert setq, (method, qid, row)
        word = "Task" if method in ("test", "written-exercise") else "Question"
        assert f"<strong>{word} {qid}</strong>" in setq.group(1)
        assert ("asked by " in setq.group(1)) == (who is not None)
        if who:
            assert f"asked by {who}" in setq.group(1)
        scored = f'name="score--{method}--{qid}--{row}"' in block
        assert scored == (row not in CHECKED), (method, qid, row)
        assert (f'name="met--{method}--{row}"' in block) == (row in CHECKED)
        assert f'name="evidence--{method}--{row}"' in block
    # the text and follow-ups are there, escaped
    assert "keep a caseload of &lt;forty&gt; under control" in found["interview--E1"]
    assert "<li>What do you do when a deadline slips?</li>" in found["interview--D1"]
    assert "<li>What made it hard?</li>" in found["interview--F1"]


def test_each_method_is_its_own_section_with_its_subtotal(pack: Path) -> None:
    html = (pack / "interview.html").read_text(encoding="utf-8")
    assert re.findall(r'<h2 id="method-([^"]+)">', html) == SECTIONS
    page = parse(html)
    subtotals = {n: page.labels[n] for n in page.names if n.startswith("subtotal--")}
    # scored boxes: interview D1 (Q2) and communication (Q3); test D1 (T1); presentation
    # communication (P1); the written exercise's only criterion is checked, not scored
    assert subtotals == {"subtotal--interview": "Interview subtotal, 0 to 4",
                         "subtotal--test": "Test subtotal, 0 to 2",
                         "subtotal--presentation": "Presentation subtotal, 0 to 2"}
    assert page.labels["total"] == "Total score, the sum of the subtotals, 0 to 8"
    sections = dict(re.findall(r'<h2 id="method-([^"]+)">(.*?)</section>', html, re.DOTALL))
    for method in ("test", "written-exercise"):
        assert "question--" not in sections[method] and "asked by" not in sections[method]
        assert "nobody asks a question" in sections[method]


def test_a_criterion_no_set_question_covers_keeps_the_question_asked_box(site: Site) -> None:
    html = pages(site, question_plan=(PlanEntry("Q2", 1),))["interview"]
    found = blocks(html)
    assert 'name="question--interview--F1"' in found["interview--F1"]
    assert 'name="question--presentation--E3"' in found["presentation--E3"]
    assert 'name="score--presentation--comp-communication"' in found[
        "presentation--comp-communication"]
    # a test or written exercise is not asked: its boxes, never a "Question asked" one
    assert 'name="score--test--D1"' in found["test--D1"]
    assert "question--" not in found["test--D1"] + found["written-exercise--E2"]


def test_without_a_plan_the_bank_is_used_in_order_with_nobody_named(site: Site) -> None:
    html = pages(site, "case-officer-bank")["interview"]
    assert re.findall(r'<div class="setq" id="q-interview--(Q\d)--', html) == [
        "Q1", "Q2", "Q2", "Q3"]
    assert "asked by" not in html


def test_each_panel_member_sees_the_questions_they_ask(pack: Path) -> None:
    html = (pack / "interview-panel-2.html").read_text(encoding="utf-8")
    assert html.count("(you)") == 1
    assert "asked by Sam Member (you)" in blocks(html)["interview--F1"]


def test_a_panel_number_beyond_the_named_panel_is_said_as_a_number(site: Site) -> None:
    html = pages(site, panel=("A Smith",))["interview-panel-1"]
    assert "asked by A Smith (you)" in html and "asked by Panel member 3" in html


def test_every_question_score_is_a_pdf_field(pack: Path) -> None:
    html = (pack / "interview-panel-1.html").read_text(encoding="utf-8")
    reader = PdfReader(pack / "interview-panel-1.pdf")
    fields = reader.get_fields() or {}
    for (method, qid, row) in PLACED:
        if row not in CHECKED:
            assert f"score--{method}--{qid}--{row}" in fields
    assert sorted(fields) == sorted(set(parse(html).names))  # a ✓ / ✗ pair is one field


def test_the_site_and_its_forms_never_show_the_questions(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    role = site.roles["case-officer"]
    standing = dict(form_pages(campaign(site, role)))  # the site's forms: no questions
    assert "setq" not in standing["interview"] and "method-" not in standing["interview"]
    monkeypatch.chdir(ROOT)
    assert run(["build", "--content", str(FIXTURE), "--site-dir", str(tmp_path / "site"),
                "--no-pdf"]) == 0
    texts = [q.text for q in role.questions] + [f for q in role.questions for f in q.follow_up]
    files = [p for p in (tmp_path / "site").rglob("*") if p.is_file()]
    assert any(p.name == "search_index.json" for p in files)
    for path in files:
        data = path.read_bytes().decode("utf-8", errors="replace")
        for text in texts:
            assert text.split(",")[0][:40] not in data, (path, text)
    assert os.path.isdir(tmp_path / "site" / "roles" / "case-officer")


def test_the_interview_workbook_lists_the_plan_and_takes_each_members_planned_total(
        pack: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(pack / "interview-scores.xlsx")
    assert "Question plan" in book.sheetnames
    rows = [[c.value for c in r] for r in book["Question plan"].iter_rows(min_row=2)]
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        ("Interview", "Q1", "F1", "Sam Member"), ("Interview", "Q2", "E1, D1", "Alex Chair"),
        ("Interview", "Q3", "Communication", "Jo Adviser"),
        ("Interview", None, None, "0 to 4"),
        ("Test", "T1", "D1", None), ("Test", None, None, "0 to 2"),
        ("Written exercise", "W1", "E2", None),
        ("Presentation", "P1", "E3, Communication", "Alex Chair"),
        ("Presentation", None, None, "0 to 2")]
    scores = book["Agreed scores"]
    members = [v for v in scores.data_validations.dataValidation
               if (v.prompt or "").startswith("Panel member") or "Panel member" in (
                   v.promptTitle or "")]
    assert len(members) == 3
    assert {(v.formula1, v.formula2) for v in members} == {("0", "8")}


SHEETS = ["interview.html", "interview-panel-1.html"]


def test_the_plan_sheets_pass_the_nu_html_checker(pack: Path) -> None:
    import json
    import subprocess

    from tests.support.browser import require_vnu

    done = subprocess.run([*require_vnu(), "--format", "json", "--errors-only",
                           *(str(pack / name) for name in SHEETS)],
                          capture_output=True, text=True, timeout=LIMIT)
    report = json.loads(done.stderr or done.stdout)
    assert [(m.get("lastLine"), m["message"]) for m in report["messages"]] == []


@pytest.mark.browser
def test_the_plan_sheets_have_no_axe_violations(pack: Path, browser: object) -> None:
    from typing import Any

    from tests.support.browser import axe_violations, describe, require_axe

    source = require_axe()
    context: Any = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": 1280, "height": 900}, color_scheme="light")
    try:
        page = context.new_page()
        for name in SHEETS:
            page.goto((pack / name).as_uri())
            violations = axe_violations(page, source)
            assert not violations, f"{name}:\n{describe(violations)}"
    finally:
        context.close()


def test_the_plan_sheets_pdfs_are_tagged_and_every_field_labelled(pack: Path) -> None:
    from tests.a11y.test_pdf import assert_fields_labelled

    for name in SHEETS:
        html = parse((pack / name).read_text(encoding="utf-8"))
        root = PdfReader(pack / name.replace(".html", ".pdf")).trailer["/Root"]
        assert "/StructTreeRoot" in root and str(root["/Lang"]) == "en-GB"
        assert_fields_labelled(root, html)


def test_weighted_rows_have_a_weighted_box_for_each_question(site: Site) -> None:
    base = site.scales["generic-one-to-five"]
    scale = replace(base, weights=(1, 2, 3))
    vacancy = replace(site.vacancies[VACANCY], weights=(("interview", (("D1", 3),)),))
    settings = campaign(site, vacancy.role, vacancy=vacancy, questions=True,
                        stage_scales={"interview": scale})
    html = dict(form_pages(settings))["interview"]
    page = parse(html)
    assert page.labels["weighted--interview--Q2--D1"] == (
        "Weighted score, criterion D1, Interview, question Q2 (score ×3)")
    assert page.labels["weighted--test--T1--D1"].endswith("(score ×3)")
    # every row is scored on this scale: interview F1, E1, D1 ×3 (Q2), communication (Q3)
    assert page.labels["subtotal--interview"] == "Interview subtotal (weighted), 6 to 30"
    assert page.labels["total"].startswith("Weighted total (score × weight), the sum of the "
                                           "subtotals, ")
