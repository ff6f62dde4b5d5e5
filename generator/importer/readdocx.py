"""Read a .docx into blocks with python-docx: paragraphs, headings (styled or bold) and tables."""

from __future__ import annotations

from typing import IO, Any

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from generator.importer.blocks import Block, line_block
from generator.importer.wordnumbers import Numbering


class _Styles:
    """The document's styles read once: python-docx looks a paragraph's style up afresh each
    time, scanning every style, which made 100 files take twice the time budget."""

    def __init__(self, document: Any) -> None:
        self.by_id: dict[str, tuple[str, Any]] = {}
        self.default: tuple[str, Any] = ("", None)
        for node in document.styles.element.findall(qn("w:style")):
            name = node.find(qn("w:name"))
            entry = ((name.get(qn("w:val"), "") if name is not None else "").lower(), node)
            self.by_id[node.get(qn("w:styleId"), "")] = entry
            if node.get(qn("w:type")) == "paragraph" and node.get(qn("w:default")) in ("1", "true"):
                self.default = entry

    def of(self, element: Any, holder: str, tag: str) -> tuple[str, Any]:
        """(lower-case name, style element) named by a paragraph's or run's properties."""
        props = element.find(qn(holder))
        ref = props.find(qn(tag)) if props is not None else None
        if ref is None:
            return self.default if tag == "w:pStyle" else ("", None)
        return self.by_id.get(ref.get(qn("w:val"), ""), ("", None))

    def bold(self, style: Any) -> bool:
        rpr = style.find(qn("w:rPr")) if style is not None else None
        bold = rpr.find(qn("w:b")) if rpr is not None else None
        return bold is not None and bold.get(qn("w:val"), "true") not in ("0", "false")


def _heading_level(name: str) -> int:
    if name == "title":
        return 1
    if name.startswith("heading"):
        digits = name.removeprefix("heading").strip()
        return int(digits) if digits.isdigit() else 2
    return 0


def _all_bold(paragraph: Paragraph, styles: _Styles) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(
        run.bold or (run.bold is None and styles.bold(styles.of(run._r, "w:rPr", "w:rStyle")[1]))
        for run in runs)


def _list_level(paragraph: Paragraph, name: str) -> int | None:
    """The nesting level of a Word list paragraph (numbered or bulleted), or None."""
    ppr = paragraph._p.find(qn("w:pPr"))
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is not None:
        ilvl = numpr.find(qn("w:ilvl"))
        return int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
    if name.startswith("list"):
        digits = name.rsplit(" ", 1)[-1]
        return int(digits) - 1 if digits.isdigit() else 0
    return None


def _paragraph(paragraph: Paragraph, where: str, numbering: Numbering,
               styles: _Styles) -> Block | None:
    text = " ".join(paragraph.text.split())
    if not text:
        return None
    name, style = styles.of(paragraph._p, "w:pPr", "w:pStyle")
    level = _heading_level(name)
    if level:
        return Block("heading", text, where, level=level)
    auto = numbering.number(paragraph, style)
    if auto is not None:  # Word numbers it itself: the number is not in the text
        return Block("item", text, where, level=auto[0], number=auto[1])
    list_level = _list_level(paragraph, name)
    block = line_block(text, where, list_level or 0)
    if list_level is not None and block.kind == "para":
        return Block("item", text, where, level=list_level)
    if block.kind == "para" and _all_bold(paragraph, styles) and len(text.split()) <= 12:
        return Block("heading", text.rstrip(":"), where, level=3, bold=True)
    return block


def _text_of(element: Any) -> str:
    """All the text of the paragraphs under an element, nested tables included."""
    paragraphs = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p")))
    return " ".join(" ".join(paragraphs).split())


def _row_cells(row: Any) -> tuple[str, ...]:
    cells: list[str] = []
    seen: set[int] = set()
    for cell in row.cells:
        if id(cell._tc) in seen:  # a merged cell is repeated once per grid column
            continue
        seen.add(id(cell._tc))
        cells.append(_text_of(cell._tc))
    return tuple(cells)


def _asides(document: Any) -> list[Block]:
    """Text in page headers and footers, and in text boxes: kept for a person to place."""
    found: list[Block] = []
    seen: set[str] = set()
    for number, section in enumerate(document.sections, start=1):
        for name, part in (("page header", section.header), ("page footer", section.footer)):
            if part.is_linked_to_previous and number > 1:
                continue
            for paragraph in part.paragraphs:
                text = " ".join(paragraph.text.split())
                if text and text not in seen:
                    seen.add(text)
                    found.append(Block("aside", text, f"{name}, section {number}"))
    for index, box in enumerate(document.element.body.iter(qn("w:txbxContent")), start=1):
        text = _text_of(box)
        if text and text not in seen:
            seen.add(text)
            found.append(Block("aside", text, f"text box {index}"))
    return found


def read_docx(package: IO[bytes]) -> list[Block]:
    """Blocks in document order: body paragraphs and table rows interleaved as in the file.
    `package` is the .docx as `guard.check_docx` returns it: checked, and never unpacked
    again here."""
    document = docx.Document(package)
    numbering = Numbering(document)
    styles = _Styles(document)
    blocks: list[Block] = []
    paragraphs = tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs += 1
            block = _paragraph(Paragraph(child, document), f"paragraph {paragraphs}", numbering,
                               styles)
            if block is not None:
                blocks.append(block)
        elif child.tag == qn("w:tbl"):
            tables += 1
            for index, row in enumerate(Table(child, document).rows, start=1):
                cells = _row_cells(row)
                if any(cells):
                    blocks.append(Block("row", " ".join(c for c in cells if c),
                                        f"table {tables}, row {index}", cells=cells))
    return blocks + _asides(document)
