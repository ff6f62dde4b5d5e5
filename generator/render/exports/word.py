"""Blocks (see `profile.py`) to a .docx file with python-docx.

Real heading styles (Heading 1 to 4: Word's navigation pane and screen readers use them), real
list styles, tables whose header row repeats on every page and which carry a caption, links
that work, A4 pages, British English as the document's language, and no author name. A pure
function of its arguments, so a process pool can run it.
"""

from __future__ import annotations

import functools
import io
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.render.exports.reproducible import moment, stable_zip
from generator.render.exports.richtext import BREAK, Run
from generator.render.exports.safe import xml_text

LANGUAGE = "en-GB"
STYLES = {"": "Normal", "subtitle": "Subtitle", "quote": "Quote"}
STYLES.update({f"bullet:{n}": "List Bullet" + (f" {n}" if n > 1 else "") for n in (1, 2, 3)})
STYLES.update({f"cont:{n}": "List Continue" + (f" {n}" if n > 1 else "") for n in (1, 2, 3)})
# Parts of python-docx's template that a new document does not need: a picture of a blank page
# (shown as the file's preview) and Word 2010's copy of the styles.
DROPPED = (RT.THUMBNAIL, "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects")
FONT = "Arial"
INK = RGBColor(0x1F, 0x38, 0x64)  # dark blue: 11.8:1 on white


@functools.cache
def _template() -> bytes:
    """python-docx's blank document made ours once per process: A4, en-GB, a link style."""
    doc = Document()
    package = doc.part.package
    for rels in (package.rels, doc.part.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in DROPPED]:
            rels.pop(r_id)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
    for lang in doc.settings.element.iter(qn("w:themeFontLang")):
        lang.set(qn("w:val"), LANGUAGE)
        lang.attrib.pop(qn("w:eastAsia"), None)
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        for attr in ("asciiTheme", "hAnsiTheme", "cstheme"):
            rfonts.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("ascii", "hAnsi", "cs"):
            rfonts.set(qn(f"w:{attr}"), FONT)
    for name in ("Title", "Subtitle", *(f"Heading {n}" for n in range(1, 10))):
        style = doc.styles[name]
        style.font.color.rgb = INK  # the template's light blues are too faint to read easily
        style.font.italic = False
    doc.styles["Heading 1"].font.size = Pt(20)
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.font.underline = True
    code = doc.styles.add_style("Code", WD_STYLE_TYPE.CHARACTER)
    code.font.name = "Consolas"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@functools.cache
def _style_ids() -> dict[str, str]:
    """Each style's id by its name, in the template."""
    return {style.name: style.style_id for style in Document(io.BytesIO(_template())).styles}


class _Writer:
    """Adds blocks to the document through python-docx's XML classes, with style ids looked up
    once (python-docx looks a style name up among all 160 styles on every use)."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.part = doc.part
        ids = _style_ids()
        self.ids = {key: (None if name == "Normal" else ids[name]) for key, name in STYLES.items()}
        self.ids.update({f"h{n}": ids[f"Heading {n}"] for n in range(1, 5)})
        self.ids.update({name: ids[name] for name in ("Table Grid", "Hyperlink", "Code")})
        section = doc.sections[0]
        self.width = section.page_width - section.left_margin - section.right_margin

    def runs(self, p: Any, runs: tuple[Run, ...] | list[Any]) -> None:
        paragraph = Paragraph(p, self.doc)
        for text, marks, href in runs:
            if text == BREAK:
                paragraph.add_run().add_break()
                continue
            run = paragraph.add_run(xml_text(text))
            if href or "c" in marks:
                run._r.style = self.ids["Hyperlink" if href else "Code"]
            if "b" in marks:
                run.bold = True
            if "i" in marks:
                run.italic = True
            if href:
                link = OxmlElement("w:hyperlink")
                target = xml_text(href)
                link.set(qn("r:id"), self.part.relate_to(target, RT.HYPERLINK, is_external=True))
                run._r.addnext(link)
                link.append(run._r)

    def paragraph(self, container: Any, style: str, runs: Any, p: Any = None) -> None:
        """A paragraph at the end of `container` (the body or a table cell), or `p` styled."""
        p = container.add_p() if p is None else p
        style_id = self.ids.get(style)
        if style_id:
            p.style = style_id
        self.runs(p, runs)

    def table(self, caption: str, header: list[str], rows: list[Any],
              widths: list[float]) -> None:
        tbl = self.doc.add_table(rows=1 + len(rows), cols=len(header))._tbl
        tbl.tblStyle_val = self.ids["Table Grid"]
        described = OxmlElement("w:tblCaption")  # the table's name for screen readers
        described.set(qn("w:val"), xml_text(caption))
        tbl.tblPr.append(described)
        twips = [str(int(self.width * share / 635)) for share in widths]  # EMU -> twips
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, twips, strict=True):
            grid_col.set(qn("w:w"), width)
        for index, tr in enumerate(tbl.tr_lst):
            cells = tr.tc_lst
            for tc, width in zip(cells, twips, strict=True):
                tc.get_or_add_tcPr().get_or_add_tcW().set(qn("w:w"), width)
            if index == 0:
                mark = OxmlElement("w:tblHeader")  # repeat the row at the top of each page
                mark.set(qn("w:val"), "true")
                tr.get_or_add_trPr().append(mark)
                for tc, text in zip(cells, header, strict=True):
                    self.runs(tc.p_lst[0], [(text, "b", "")])
                continue
            for tc, paras in zip(cells, rows[index - 1], strict=True):
                for number, (style, runs) in enumerate(paras):
                    self.paragraph(tc, style, runs, tc.p_lst[0] if number == 0 else None)
        self.doc.element.body.add_p()  # Word would join two tables that touch


def _footer(writer: _Writer, text: str) -> None:
    paragraph = writer.doc.sections[0].footer.paragraphs[0]
    writer.runs(paragraph._p, [(f"{text} · Page ", "", "")])
    field = OxmlElement("w:fldSimple")  # the page number, filled in by Word
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    field.append(paragraph.add_run("1")._r)


# Word's document properties hold at most 255 characters (python-docx refuses more): a long
# title is shortened there only; the document's own heading keeps it whole.
CORE_PROPERTY_LIMIT = 255


def _core(text: str) -> str:
    text = xml_text(text)
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "…"


def docx_bytes(document: dict[str, Any], created: str) -> bytes:
    """The .docx file of a document made by `profile.profile_document`."""
    doc = Document(io.BytesIO(_template()))
    props = doc.core_properties
    props.title = _core(document["title"])
    props.subject = _core(document["subject"])
    props.keywords = _core(document["keywords"])
    props.language = LANGUAGE
    props.author = props.last_modified_by = props.comments = props.category = ""
    props.revision = 1
    props.created = props.modified = moment(created).replace(tzinfo=None)
    writer = _Writer(doc)
    body = doc.element.body
    for block in document["blocks"]:
        kind = block[0]
        if kind == "h":
            writer.paragraph(body, f"h{min(block[1], 4)}", block[2])
        elif kind == "p":
            writer.paragraph(body, block[1], block[2])
        elif kind == "table":
            writer.table(*block[1:])
    _footer(writer, document["footer"])
    buffer = io.BytesIO()
    doc.save(buffer)
    return stable_zip(buffer.getvalue(), created)
