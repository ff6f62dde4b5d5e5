"""`roleprint collate` and `roleprint purge` (issue 29, points 5 to 7): sheets filled as a
panel member would (PDFs with pypdf, workbooks with openpyxl), collated, every figure checked
against one worked out by hand below."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfWriter

from generator.cli import run
from generator.collate.figures import Candidate, Line
from generator.collate.filled import CollateError
from generator.collate.retention import MANIFEST, delete_by
from generator.collate.run import collate_files
from generator.content.load import load
from generator.render.pack import write_pack
from generator.scoring.campaign import for_record
from tests.conftest import CAMPAIGNS, QUESTIONS, ROOT, scored_content

VACANCY = "supervised-contact-co-ordinator-2027"
# The vacancy's interview rows: criteria 1 to 35 and one competency, each unweighted, scored
# 1 to 5, with no pass mark (each member writes Y or N for the essential gate).
ROWS = [str(n) for n in range(1, 36)] + ["comp-darlington-pdr"]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content with Darlington given the 1 to 5 scale (its documents give none)."""
    return scored_content(tmp_path_factory.mktemp("scored"))


@pytest.fixture(scope="module")
def pack(content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = load(content).site
    assert site is not None
    out = tmp_path_factory.mktemp("pack")
    write_pack(for_record(site, VACANCY, candidates=3, panel=("Jo Smith", "Amir Khan")), out)
    return out


def fill_pdf(blank: Path, out: Path, values: dict[str, str]) -> Path:
    writer = PdfWriter(clone_from=blank)
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    writer.write(out)
    return out


def interview(pack: Path, member: int, code: str, scores: dict[str, int], gate: str,
              folder: Path) -> Path:
    values = {f"score-{key}": str(score) for key, score in scores.items()}
    values.update({"candidate-code": code, "gate": gate})
    return fill_pdf(pack / f"interview-panel-{member}.pdf",
                    folder / f"member{member}-{code}.pdf", values)


@pytest.fixture(scope="module")
def filled(pack: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Jo Smith: C1 3 on every row, C2 4 on every row; Amir Khan: C1 3 but 5 on criterion 1,
    C2 4 but 3 on criterion 2; both find C1 meets every essential criterion, they disagree on
    C2 (Jo Y, Amir N)."""
    folder = tmp_path_factory.mktemp("filled")
    interview(pack, 1, "C1", dict.fromkeys(ROWS, 3), "Y", folder)
    interview(pack, 1, "C2", dict.fromkeys(ROWS, 4), "Y", folder)
    interview(pack, 2, "C1", {**dict.fromkeys(ROWS, 3), "1": 5}, "Y", folder)
    interview(pack, 2, "C2", {**dict.fromkeys(ROWS, 4), "2": 3}, "N", folder)
    return folder


def test_pdf_sheets_say_what_they_are(pack: Path) -> None:
    from generator.collate.read_pdf import read_pdf

    facts, fields = read_pdf(pack / "interview-panel-2.pdf")
    assert facts == {"candidates": 3, "kind": "vacancy", "member": 2, "name": "Amir Khan",
                     "record": VACANCY, "scale": "standard-1-5", "stage": "interview"}
    assert {f"score-{key}" for key in ROWS} <= set(fields)


def test_collated_figures_match_the_ones_worked_out_by_hand(content: Path, filled: Path) -> None:
    site = load(content).site
    assert site is not None
    _, figures = collate_files(site, [filled])
    assert figures.members == ("Jo Smith", "Amir Khan")
    assert [r.key for r in figures.sheet.rows] == ROWS
    assert all(r.multiplier == 1 for r in figures.sheet.rows)
    c1, c2 = figures.candidates
    assert (c1.code, c2.code) == ("C1", "C2")
    one = c1.lines[0]
    assert (one.scores, one.mean, one.spread) == ((3, 5), 4, 2)
    assert one.flags == ("members differ by 2 points",)
    assert [ln.row.key for ln in c1.lines if ln.flags] == ["1"]
    two = c2.lines[1]
    assert (two.scores, float(two.mean or 0), two.spread, two.flags) == ((4, 3), 3.5, 1, ())
    # C1: Jo 36 × 3 = 108, Amir 35 × 3 + 5 = 110, mean total 109.
    # C2: Jo 36 × 4 = 144, Amir 35 × 4 + 3 = 143, mean total 143.5.
    assert (c1.member_total(0), c1.member_total(1), c1.total) == (108, 110, 109)
    assert (c2.member_total(0), c2.member_total(1), float(c2.total or 0)) == (144, 143, 143.5)
    assert (c1.gate, c2.gate) == ("Y", "disagree")
    assert c2.flagged == 1  # the gate
    assert (c2.rank, c1.rank) == (1, 2)  # the scale's gate excludes nothing


def test_collate_command_writes_dated_files_and_the_workbook_recomputes(
        content: Path, filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEPRINT_TODAY", "2027-10-20")
    out = tmp_path / "collated"
    assert run(["collate", str(filled), "--out", str(out), "--feedback", "--content",
                str(content)]) == 0
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    # Darlington's documents give no retention period: no delete-by date is made up
    assert manifest["delete_by"] is None
    assert sorted(manifest["files"]) == [
        "collated.xlsx", "feedback/feedback-c1.html", "feedback/feedback-c1.pdf",
        "feedback/feedback-c2.html", "feedback/feedback-c2.pdf", "moderation-collated.html",
        "moderation-collated.pdf"]
    html = (out / "moderation-collated.html").read_text(encoding="utf-8")
    assert "sets no retention period for its scoring sheets, so these scores have no " \
        "delete-by date" in html and "Delete this file by" not in html
    assert "Ties share a rank" in html
    feedback = (out / "feedback" / "feedback-c1.html").read_text(encoding="utf-8")
    body = feedback[feedback.index("<body"):]
    assert "C2" not in body and "Amir" not in body and "Jo Smith" not in body
    # criterion 2: C1's mean 3, the field's means 3 (C1) and 3.5 (C2)
    assert re.search(r'class="cid">2</th><td>[^<]*</td><td>3</td><td>[^<]*</td>'
                     r"<td>3 to 3.50</td>", body)
    book = load_workbook(out / "collated.xlsx")
    assert "sets no retention period" in book["About"]["A2"].value
    assert [c.value for c in book["Totals"]["A"]][1:] == ["C1", "C2"]
    # The panel agrees 5 for C1 on criterion 1 (the mean was 4): the agreed total follows.
    scores = book["Scores"]
    assert [c.value for c in scores[2]][:10] == [
        "C1", "1", "Essential", 1, 3, 5, "=AVERAGE(E2:F2)", "=MAX(E2:F2)-MIN(E2:F2)", 4,
        "members differ by 2 points"]
    scores["I2"] = 5
    book.save(tmp_path / "agreed.xlsx")
    from tests.scoring.test_workbooks import _recompute

    done = load_workbook(_recompute(tmp_path, [tmp_path / "agreed.xlsx"]) / "agreed.xlsx",
                         data_only=True)
    line = [c.value for c in done["Scores"][2]]
    assert (line[6], line[7]) == (4, 2)  # C1, criterion 1: mean 4, spread 2
    line = [c.value for c in done["Scores"][2 + 36 + 1]]  # C2, criterion 2
    assert line[:8] == ["C2", "2", "Desirable", 1, 4, 3, 3.5, 1]
    totals = [[c.value for c in row][:6] for row in done["Totals"].iter_rows(min_row=2)]
    # C1: means 109, agreed 110 (criterion 1 agreed at 5); C2: 143.5 both; C2 first.
    assert totals == [["C1", 109, 110, "Y", "yes", 2], ["C2", 143.5, 143.5, "disagree", "yes", 1]]


def test_a_sheet_of_another_stage_is_refused_by_name(content: Path, filled: Path, pack: Path,
                                                     tmp_path: Path) -> None:
    site = load(content).site
    assert site is not None
    stray = shutil.copy(pack / "shortlisting.pdf", tmp_path / "shortlisting.pdf")
    from generator.collate.filled import CollateError

    with pytest.raises(CollateError, match=r"shortlisting\.pdf: is the shortlisting sheet"):
        collate_files(site, [filled, Path(stray)])


def test_shortlisting_workbooks_filled_by_two_members(content: Path, pack: Path,
                                                      tmp_path: Path) -> None:
    site = load(content).site
    assert site is not None
    for name, base in (("jo", 2), ("amir", 4)):
        book = load_workbook(pack / "shortlisting.xlsx")
        scores = book["Scores"]
        for row in (2, 3):  # C1 and C2
            for col in range(2, 2 + 35):
                scores.cell(row=row, column=col, value=base + (row == 3))
        book.save(tmp_path / f"{name}.xlsx")
    _, figures = collate_files(site, [tmp_path / "jo.xlsx", tmp_path / "amir.xlsx"])
    assert figures.members == ("jo", "amir")
    c1, c2 = figures.candidates
    # C1: jo 2, amir 4 on every criterion: mean 3, spread 2 (flagged), totals 70 and 140,
    # mean total 105. C2: jo 3, amir 5: mean 4, total 140.
    assert (c1.lines[0].mean, c1.lines[0].spread) == (3, 2)
    assert all(ln.flags == ("members differ by 2 points",) for ln in c1.lines)
    assert (c1.member_total(0), c1.member_total(1), c1.total) == (70, 140, 105)
    assert c2.total == 140 and (c2.rank, c1.rank) == (1, 2)


def test_collate_refuses_content_tracked_and_site_folders(filled: Path, capsys) -> None:
    for out in (ROOT / "content" / "scores", ROOT / "docs" / "scores", ROOT / "site" / "x",
                ROOT / ".staging" / "scores"):
        assert run(["collate", str(filled), "--out", str(out), "--content",
                    str(ROOT / "content")]) == 2
        assert not out.exists()
    err = capsys.readouterr().err
    assert "inside the content folder" in err and "not ignored by git" in err
    assert "inside site/" in err and "inside .staging/" in err


def test_a_folder_git_ignores_is_allowed_and_nothing_reaches_the_site(
        content: Path, filled: Path, tmp_path: Path) -> None:
    """Collated into a git-ignored folder of a checkout, then the site built from that
    checkout's content: no figure, member or file of the collation is in it."""
    repo = tmp_path / "repo"
    shutil.copytree(content, repo / "content")
    (repo / ".gitignore").write_text("scores/\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    assert run(["collate", str(filled), "--out", str(repo / "scores"), "--no-pdf",
                "--content", str(repo / "content")]) == 0
    assert (repo / "scores" / "moderation-collated.html").exists()
    assert run(["build", "--site-dir", str(tmp_path / "site"), "--no-pdf", "--config",
                str(ROOT / "mkdocs.yml"), "--content", str(repo / "content")]) == 0
    assert (tmp_path / "site" / "index.html").exists()
    leaks = [p for p in (tmp_path / "site").rglob("*") if p.is_file() and any(
        word in p.read_bytes() for word in (b"Amir Khan", b"Collated panel scores",
                                            b"members differ by", b"Personal data:"))]
    assert leaks == []


def test_purge_deletes_what_is_past_its_date(tmp_path: Path, monkeypatch, capsys) -> None:
    from generator.collate.retention import write_manifest

    (tmp_path / "old").mkdir()
    old = tmp_path / "old" / "collated.xlsx"
    old.write_text("x")
    write_manifest(tmp_path / "old", [old], "2027-01-31", "interview scores for v")
    monkeypatch.chdir(tmp_path)  # where the scores are kept: no content folder there
    monkeypatch.setenv("ROLEPRINT_TODAY", "2027-01-31")
    assert run(["purge", str(tmp_path)]) == 0
    assert old.exists()  # the last day: kept
    assert "Nothing in" in capsys.readouterr().out
    monkeypatch.setenv("ROLEPRINT_TODAY", "2027-02-01")
    assert run(["purge", str(tmp_path), "--dry-run"]) == 0
    assert old.exists()
    assert run(["purge", str(tmp_path)]) == 0
    assert not old.exists() and not (tmp_path / "old" / MANIFEST).exists()
    out = capsys.readouterr().out
    assert f"Would delete 1 file in {tmp_path / 'old'} (interview scores for v; to be deleted " \
           "by 2027-01-31)" in out
    assert "Deleted 1 file in" in out
    assert run(["purge", str(tmp_path / "none")]) == 2


def test_delete_by_adds_the_retention_months() -> None:
    assert delete_by("2027-08-31", 6) == "2028-02-29"
    assert delete_by("2027-10-20", 12) == "2028-10-20"


SCORING = CAMPAIGNS


def test_met_not_met_ticks_and_the_essential_gate(tmp_path: Path) -> None:
    """The council's interview scale (0 to 2) checks essential criteria ✓ / ✗ (a radio group:
    a viewer stores the button's number, /0 for ✓, /1 for ✗) and scores the rest."""
    site = load(SCORING).site
    assert site is not None
    write_pack(for_record(site, "council-2027"), tmp_path / "pack")
    folder = tmp_path / "filled"
    folder.mkdir()
    tick = {"met": "/0", "not-met": "/1"}
    sheets = {  # member -> candidate -> (E1, E2, D1, D2, communication)
        1: {"C1": ("met", "met", 2, 1, 2), "C2": ("met", "not-met", 1, 1, 0)},
        2: {"C1": ("met", "met", 0, 1, 2), "C2": ("met", "met", 1, 2, 1)},
    }
    for member, by_code in sheets.items():
        for code, (e1, e2, d1, d2, comm) in by_code.items():
            fill_pdf(tmp_path / "pack" / f"interview-panel-{member}.pdf",
                     folder / f"{member}-{code}.pdf",
                     {"candidate-code": code, "met-E1": tick[e1], "met-E2": tick[e2],
                      "score-D1": str(d1), "score-D2": str(d2),
                      "score-comp-communication": str(comm)})
    _, figures = collate_files(site, [folder])
    assert figures.members == ("Alex Chair", "Sam Member")
    c1, c2 = figures.candidates

    def line(cand: Candidate, key: str) -> Line:
        return next(ln for ln in cand.lines if ln.row.key == key)

    assert all(ln.row.multiplier == 1 for ln in c1.lines)
    assert (line(c1, "D1").scores, line(c1, "D1").mean, line(c1, "D1").spread) == ((2, 0), 1, 2)
    assert line(c1, "D1").flags == ("members differ by 2 points",)
    assert line(c2, "E2").scores == (0, 1)
    assert line(c2, "E2").flags == ("members disagree whether it is met",)
    assert float(line(c2, "D2").mean or 0) == 1.5
    # C1: Alex 2 + 1 + 2 = 5, Sam 0 + 1 + 2 = 3, means 1 + 1 + 2 = 4.
    # C2: Alex 1 + 1 + 0 = 2, Sam 1 + 2 + 1 = 4, means 1 + 1.5 + 0.5 = 3.
    assert (c1.member_total(0), c1.member_total(1), c1.total) == (5, 3, 4)
    assert (c2.member_total(0), c2.member_total(1), c2.total) == (2, 4, 3)
    assert (c1.gate, c2.gate) == ("Y", "disagree")
    assert (c1.rank, c2.rank) == (1, 2)


def test_quick_reading_gives_what_pypdf_gives(filled: Path) -> None:
    """The fields read straight from a filled file's objects are pypdf's own reading of them;
    a file with packed objects (as WeasyPrint writes them) is left to pypdf."""
    import io

    from pypdf import PdfReader

    from generator.collate.read_pdf import _fields, quick_fields

    data = (filled / "member2-C2.pdf").read_bytes()
    quick = quick_fields(data)
    assert quick is not None and quick == _fields(PdfReader(io.BytesIO(data)))
    assert (quick["candidate-code"], quick["score-2"], quick["gate"]) == ("C2", "3", "N")
    assert quick_fields(b"/ObjStm" + data) is None


def test_workbooks_weights_pass_mark_gate_excludes_total_and_shared_ranks(
        tmp_path: Path) -> None:
    """The university's shortlisting workbook: 0 to 3, pass mark 2, weights (D2 ×2, E2 ×2),
    and a candidate who fails the gate gets no total and no rank."""
    site = load(SCORING).site
    assert site is not None
    write_pack(for_record(site, "university-2027"), tmp_path / "pack", pdf=False)
    # Columns E1 (×1), D2 (×2), E2 (×2), D1 (×1), E3 (×1); rows C1 to C4.
    typed = {
        "ana": [[3, 2, 2, 1, 2], [3, 3, 1, 3, 3], [2, 3, 2, 0, 2], [2, 0, 2, 0, 1]],
        "ben": [[3, 2, 2, 1, 2], [3, 3, 1, 3, 3], [2, 1, 3, 2, 2], [2, 0, 2, 0, 3]],
    }
    for name, rows in typed.items():
        book = load_workbook(tmp_path / "pack" / "shortlisting.xlsx")
        for r, scores in enumerate(rows, start=2):
            for c, score in enumerate(scores, start=2):
                book["Scores"].cell(row=r, column=c, value=score)
        book.save(tmp_path / f"{name}.xlsx")
    _, figures = collate_files(site, [tmp_path / "ana.xlsx", tmp_path / "ben.xlsx"])
    assert [r.key for r in figures.sheet.rows] == ["E1", "D2", "E2", "D1", "E3"]
    assert [r.multiplier for r in figures.sheet.rows] == [1, 2, 2, 1, 1]
    c1, c2, c3, c4 = figures.candidates
    # C1: 3 + 2×2 + 2×2 + 1 + 2 = 14 from both; meets every essential (2 or more).
    assert (c1.member_total(0), c1.member_total(1), c1.total, c1.gate) == (14, 14, 14, "Y")
    # C2: E2 scored 1 by both, under the pass mark: fails the gate, no total, no rank.
    assert (c2.gate, c2.no_total, c2.rank) == ("N", True, None)
    # C3: ana 2 + 3×2 + 2×2 + 0 + 2 = 14, ben 2 + 1×2 + 3×2 + 2 + 2 = 14; D2 and D1 2 apart.
    assert (c3.member_total(0), c3.member_total(1), c3.total, c3.gate) == (14, 14, 14, "Y")
    assert [ln.row.key for ln in c3.lines if ln.flags] == ["D2", "D1"]
    # C4: E3 1 (ana, under the pass mark) and 3 (ben): they disagree; 7 and 9, mean 8.
    e3 = c4.lines[4]
    assert e3.flags == ("members differ by 2 points", "members disagree whether it is met")
    assert (c4.member_total(0), c4.member_total(1), c4.total, c4.gate) == (7, 9, 8, "disagree")
    # C1 and C3 tie on 14 and share the first rank; C4 waits for the panel to agree the gate.
    assert (c1.rank, c3.rank, c4.rank) == (1, 1, None)


def test_usage_errors_missing_files_and_no_git(filled: Path, tmp_path: Path, capsys,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    content = str(ROOT / "content")
    assert run(["collate", str(tmp_path / "none"), "--out", str(tmp_path / "o"),
                "--content", content]) == 2
    assert f"{tmp_path / 'none'}: no such file or folder" in capsys.readouterr().err
    monkeypatch.setenv("PATH", str(tmp_path))  # no git to ask: a checkout is refused
    ignored = ROOT / "bench-out" / "collate-test"
    assert run(["collate", str(filled), "--out", str(ignored), "--content", content]) == 2
    assert "git is not installed" in capsys.readouterr().err
    assert not ignored.exists()


def test_shortlisting_pdfs_with_a_blank_box(content: Path, pack: Path, tmp_path: Path) -> None:
    """Two members' copies of the shortlisting sheet (one file each, named after them): a box
    one of them left blank is flagged, and that member has no total for the candidate."""
    from pypdf import PdfReader

    site = load(content).site
    assert site is not None
    boxes = [k for k in PdfReader(pack / "shortlisting.pdf").get_fields() or {}
             if k.startswith("score-c1-")]
    keys = [k.removeprefix("score-c1-") for k in boxes]
    assert len(keys) == 35
    jo = {**{f"score-c1-{k}": "4" for k in keys}, **{f"score-c2-{k}": "2" for k in keys}}
    amir = {**jo, f"score-c2-{keys[2]}": ""}
    fill_pdf(pack / "shortlisting.pdf", tmp_path / "jo-smith.pdf", jo)
    fill_pdf(pack / "shortlisting.pdf", tmp_path / "amir-khan.pdf", amir)
    _, figures = collate_files(site, [tmp_path / "jo-smith.pdf", tmp_path / "amir-khan.pdf"])
    assert figures.members == ("jo-smith", "amir-khan")
    c1, c2 = figures.candidates
    # C1: 35 × 4 = 140 from both. C2: jo 35 × 2 = 70; amir left the third box blank: no total
    # of his own; the mean of that row is jo's 2, so the total of the means is still 70.
    assert (c1.member_total(0), c1.member_total(1), c1.total) == (140, 140, 140)
    assert (c2.member_total(0), c2.member_total(1), c2.total) == (70, None, 70)
    assert c2.lines[2].scores == (2, None)
    assert c2.lines[2].flags == ("not scored by every member",)
    assert (c1.rank, c2.rank) == (1, 2)


def test_interview_workbooks_with_the_members_gate(content: Path, pack: Path,
                                                   tmp_path: Path) -> None:
    """Two copies of interview-scores.xlsx, each filled in by one member (row C1): every score
    and the Y or N of the gate (no pass mark) are read."""
    site = load(content).site
    assert site is not None
    for name, score, gate in (("jo", 3, "Y"), ("amir", 5, "N")):
        book = load_workbook(pack / "interview-scores.xlsx")
        sheet = book["Agreed scores"]
        assert sheet.cell(row=1, column=38).value.startswith("Meets all essential criteria")
        for col in range(2, 2 + 36):
            sheet.cell(row=2, column=col, value=score)
        sheet.cell(row=2, column=38, value=gate)
        book.save(tmp_path / f"{name}.xlsx")
    _, figures = collate_files(site, [tmp_path / "jo.xlsx", tmp_path / "amir.xlsx"])
    (c1,) = figures.candidates
    # 36 rows: jo 36 × 3 = 108, amir 36 × 5 = 180, means 4 a row: 144; every row 2 apart.
    assert (c1.member_total(0), c1.member_total(1), c1.total) == (108, 180, 144)
    assert all(ln.flags == ("members differ by 2 points",) for ln in c1.lines)
    assert (c1.member_gates, c1.gate) == ((True, False), "disagree")


def test_collating_again_into_the_same_folder(content: Path, filled: Path, pack: Path,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder of returned sheets may hold what collate wrote last time (and a
    spreadsheet's lock file): neither is read as a member's sheet. A code written as '2' is
    C2."""
    monkeypatch.setenv("ROLEPRINT_TODAY", "2027-10-20")
    returned = tmp_path / "returned"
    shutil.copytree(filled, returned)
    interview(pack, 1, "2", dict.fromkeys(ROWS, 4), "Y", returned)  # member1-2.pdf
    (returned / "member1-C2.pdf").unlink()
    (returned / "~$collated.xlsx").write_bytes(b"lock")
    args = ["collate", str(returned), "--out", str(returned / "collated"), "--no-pdf",
            "--content", str(content)]
    assert run(args) == 0
    assert run(args) == 0
    site = load(content).site
    assert site is not None
    _, figures = collate_files(site, [returned], skip=returned / "collated")
    assert [c.code for c in figures.candidates] == ["C1", "C2"]
    assert figures.candidates[1].member_total(0) == 144  # Jo's C2, written as '2'


def test_a_sheet_with_a_question_plan_adds_up_each_criterions_boxes(tmp_path: Path) -> None:
    """With a question plan a criterion has a score box for each set question that asks about
    it (D1: Q2 at interview and T1 in the test; communication: Q3 and P1): the row's score is
    their sum, each box checked on the scale (0 to 2)."""
    fixture = QUESTIONS
    site = load(fixture).site
    assert site is not None
    write_pack(for_record(site, "case-officer-2027"), tmp_path / "pack")
    ticks = {f"met--{m}--{k}": "/0" for m, k in (("interview", "F1"), ("interview", "E1"),
                                                  ("written-exercise", "E2"),
                                                  ("presentation", "E3"))}
    for member, (q2, t1, q3, p1) in ((1, (2, 1, 1, 2)), (2, (0, 1, 2, 2))):
        fill_pdf(tmp_path / "pack" / f"interview-panel-{member}.pdf",
                 tmp_path / f"m{member}.pdf",
                 {**ticks, "candidate-code": "C1", "score--interview--Q2--D1": str(q2),
                  "score--test--T1--D1": str(t1), "score--interview--Q3--comp-communication":
                  str(q3), "score--presentation--P1--comp-communication": str(p1)})
    _, figures = collate_files(site, [tmp_path / "m1.pdf", tmp_path / "m2.pdf"])
    (c1,) = figures.candidates
    d1 = next(ln for ln in c1.lines if ln.row.key == "D1")
    comm = next(ln for ln in c1.lines if ln.row.key == "comp-communication")
    assert all(ln.row.multiplier == 1 for ln in c1.lines)
    # D1: Alex 2 + 1 = 3, Sam 0 + 1 = 1: mean 2, 2 apart. Communication: 1 + 2 = 3 and
    # 2 + 2 = 4: mean 3.5. Totals 3 + 3 = 6 and 1 + 4 = 5, mean 5.5; every ✓ ticked: gate Y.
    assert (d1.scores, d1.mean, d1.spread, d1.flags) == (
        (3, 1), 2, 2, ("members differ by 2 points",))
    assert (comm.scores, float(comm.mean or 0)) == ((3, 4), 3.5)
    assert (c1.member_total(0), c1.member_total(1), float(c1.total or 0)) == (6, 5, 5.5)
    assert c1.gate == "Y"
    (tmp_path / "bad").mkdir()
    fill_pdf(tmp_path / "pack" / "interview-panel-1.pdf", tmp_path / "bad" / "m1.pdf",
             {"candidate-code": "C1", "score--test--T1--D1": "3"})
    with pytest.raises(CollateError, match=r"m1\.pdf: candidate C1, D1: '3' is not a score "
                                           "from 0 to 2"):
        collate_files(site, [tmp_path / "bad"])
