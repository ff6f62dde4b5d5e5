"""The Word layout of tests/importer/corpus/make_versions.py (python-docx and the document XML)."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.importer.corpus.make_versions import (
    BULLET,
    DATE,
    NUMBER,
    Layout,
    Parts,
    _kind,
    spec_rows,
)

AUTHOR = "HR"
_ids = iter(range(1, 1_000_000))


def _field(paragraph: Paragraph, code: str) -> None:
    run = paragraph.add_run()
    for tag, attrs, text in (("w:fldChar", {"w:fldCharType": "begin"}, None),
                             ("w:instrText", {"xml:space": "preserve"}, f" {code} "),
                             ("w:fldChar", {"w:fldCharType": "separate"}, None),
                             ("w:t", {}, "1"), ("w:fldChar", {"w:fldCharType": "end"}, None)):
        element = OxmlElement(tag)
        for name, value in attrs.items():
            element.set(qn(name), value)
        if text is not None:
            element.text = text
        run._r.append(element)


def _page_furniture(doc: Any, parts: Parts, layout: Layout) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = parts.title
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    if layout.two_columns:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "708")


def _revision(paragraph: Paragraph, text: str, tag: str) -> None:
    """A run of `text` inside a tracked insertion (w:ins) or deletion (w:del)."""
    mark = OxmlElement(tag)
    mark.set(qn("w:id"), str(next(_ids)))
    mark.set(qn("w:author"), AUTHOR)
    mark.set(qn("w:date"), DATE)
    run = paragraph.add_run(text)
    if tag == "w:del":
        run._r.find(qn("w:t")).tag = qn("w:delText")
    mark.append(run._r)
    paragraph._p.append(mark)


def _heading(doc: Any, text: str, layout: Layout, level: int = 2) -> Paragraph:
    if layout.headings == "styles":
        return doc.add_heading(text, level=level)
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(14 if level == 1 else 12)
    return paragraph


def _lines(doc: Any, lines: list[str], layout: Layout, last: list[Paragraph]) -> None:
    for text in lines:
        if text in layout.comments:
            doc.add_comment(last[-1].runs, text=text, author=AUTHOR, initials=AUTHOR)
            continue
        kind = _kind(text)
        if kind == "heading":
            last.append(_heading(doc, text, layout))
        elif kind == "bullet":
            last.append(doc.add_paragraph(BULLET.sub("", text), style="List Bullet"))
        elif kind == "number" and layout.autonumber:
            last.append(doc.add_paragraph(NUMBER.sub("", text), style="List Number"))
        else:  # numbers and letters stay typed, as the source has them, with a hanging indent
            paragraph = doc.add_paragraph(text)
            if kind in ("number", "letter"):
                paragraph.paragraph_format.left_indent = Pt(24)
                paragraph.paragraph_format.first_line_indent = Pt(-18)
            last.append(paragraph)


def _cell(table: Table, row: int, col: int, text: str, bold: bool = False) -> None:
    cell = table.cell(row, col)
    lines = text.split("\n")
    cell.paragraphs[0].add_run(lines[0]).bold = bold
    for line in lines[1:]:
        cell.add_paragraph(line, style="List Bullet")


def _header_table(doc: Any, parts: Parts, layout: Layout) -> None:
    if not parts.header:
        return
    table = doc.add_table(rows=len(parts.header), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in enumerate(parts.header):
        _cell(table, row, 0, label, bold=True)
        if any(label in line for line in layout.tracked):
            _revision(table.cell(row, 1).paragraphs[0], value, "w:ins")
        else:
            _cell(table, row, 1, value)


def _spec_table(doc: Any, parts: Parts, layout: Layout) -> None:
    if not (layout.spec and parts.criteria):
        return
    _heading(doc, "Person specification", layout)
    head, rows = spec_rows(layout.spec, parts.criteria)
    table = doc.add_table(rows=len(rows) + 1, cols=len(head))
    table.style = "Table Grid"
    for col, text in enumerate(head):
        _cell(table, 0, col, text, bold=True)
    for number, row in enumerate(rows, start=1):
        if row[0] == "" and len(row) == 2:  # a category row, merged across the table
            merged = table.cell(number, 0).merge(table.cell(number, len(head) - 1))
            merged.paragraphs[0].add_run(row[1]).bold = True
            continue
        for col, text in enumerate(row):
            _cell(table, number, col, text, bold=(layout.spec == "columns" and col == 0))


def build(parts: Parts, layout: Layout) -> bytes:
    doc = Document()
    doc.core_properties.author = AUTHOR
    _page_furniture(doc, parts, layout)
    for text in layout.deleted:
        _revision(doc.add_paragraph(), text, "w:del")
    last = [_heading(doc, parts.title, layout, level=1)]
    _header_table(doc, parts, layout)
    _lines(doc, parts.before, layout, last)
    _spec_table(doc, parts, layout)
    _lines(doc, parts.after, layout, last)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
