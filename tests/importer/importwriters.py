"""The shapes: one writer per shape, from the document model of tests/importer/importdocs.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.importer.importdocs import Crit, by_category, methods_after, methods_text

Parts = list[tuple[Any, ...]]
ROMAN_INDENT = "    "


def _number(number: str | None, depth: int) -> str:
    if number:
        return f"{number}. " if depth == 0 else f"{number}) "
    return ""


# --- Word ---------------------------------------------------------------------------------

_ABSTRACT = (
    '<w:abstractNum {ns} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
    '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="%2)"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%3."/><w:pPr><w:ind w:left="2160" w:hanging="360"/></w:pPr></w:lvl>'
    '</w:abstractNum>')


class _Lists:
    """Word's own numbering (numbering.xml): one list per section, numbers not in the text."""

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        first_num = self.root.find(qn("w:num"))
        abstract = parse_xml(_ABSTRACT.format(ns=nsdecls("w")))
        if first_num is not None:
            first_num.addprevious(abstract)  # definitions come before the lists in the schema
        else:
            self.root.append(abstract)
        self.next_id = 90
        self.current: str | None = None

    def restart(self) -> None:
        self.next_id += 1
        self.root.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{self.next_id}">'
            '<w:abstractNumId w:val="90"/></w:num>'))
        self.current = str(self.next_id)

    def number(self, paragraph: Any, depth: int) -> None:
        if self.current is None:
            self.restart()
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{depth}"/>'
                             f'<w:numId w:val="{self.current}"/></w:numPr>'))


def _sequential(parts: Parts) -> bool:
    """Whether every list's numbers run 1, 2, 3 … and i, ii … as Word would number them."""
    from generator.importer.wordnumbers import _format

    counters: dict[int, int] = {}
    for part in parts:
        if part[0] == "h":
            counters = {}
        elif part[0] == "li" and part[2]:
            depth = part[1]
            counters[depth] = counters.get(depth, 0) + 1
            counters = {k: v for k, v in counters.items() if k <= depth}
            if part[2] != _format(counters[depth], ("decimal", "lowerRoman", "lowerLetter")[depth]):
                return False
    return True


def _word(parts: Parts, path: Path, styled: bool, spec: str, auto: bool = False) -> Path:
    document = docx.Document()
    lists = _Lists(document) if auto and _sequential(parts) else None
    for part in parts:
        kind = part[0]
        if kind == "h" and lists is not None:
            lists.current = None  # each section's list starts again at 1
        if kind == "h":
            if styled:
                document.add_heading(part[2], level=part[1])
            else:
                document.add_paragraph().add_run(part[2]).bold = True
        elif kind == "label":
            if styled:
                table = document.add_table(rows=1, cols=2)
                table.rows[0].cells[0].text, table.rows[0].cells[1].text = part[1], part[2]
            else:
                document.add_paragraph(f"{part[1]}: {part[2]}")
        elif kind == "p":
            document.add_paragraph(part[1])
        elif kind == "li":
            _, depth, number, text = part
            style = ("List Bullet" if depth == 0 else "List Bullet 2") if not number else None
            if lists is not None and number:
                lists.number(document.add_paragraph(text), depth)
                continue
            paragraph = document.add_paragraph(_number(number, depth) + text, style=style)
            if number and depth:
                paragraph.paragraph_format.left_indent = docx.shared.Cm(1.5)
        elif kind == "spec":
            {"ticks": _word_ticks, "lists": _word_lists, "codes": _word_codes,
             "words": _word_words}[spec](
                document, part[1])
    document.core_properties.created = dt.datetime(2026, 1, 1)  # the same bytes each time
    path = path.with_suffix(".docx")
    document.save(str(path))
    return path


def _word_grouped(document: Any, crits: list[Crit], headings: tuple[str, ...],
                  cells: Callable[[Crit], tuple[str, ...]]) -> None:
    """A table with a heading row, then each category as a row merged across, then its
    criteria one a row."""
    table = document.add_table(rows=1, cols=len(headings))
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        cell.text = text
    for category, group in by_category(crits):
        row = table.add_row().cells
        row[0].merge(row[-1]).text = category
        for crit in group:
            for cell, text in zip(table.add_row().cells, cells(crit), strict=True):
                cell.text = text


def _word_ticks(document: Any, crits: list[Crit]) -> None:
    """Ticks in Essential and Desirable columns, methods as codes (A/I)."""
    _word_grouped(document, crits, ("Criteria", "Essential", "Desirable", "How identified"),
                  lambda c: (c.text, "✓" if c.requirement == "essential" else "",
                             "✓" if c.requirement == "desirable" else "",
                             methods_text(c, words=False)))


def _word_codes(document: Any, crits: list[Crit]) -> None:
    table = document.add_table(rows=1, cols=4)
    for cell, text in zip(table.rows[0].cells, ("Category", "Criterion", "E/D", "M.O.A."),
                          strict=True):
        cell.text = text
    for crit in crits:
        row = table.add_row().cells
        row[0].text, row[1].text = crit.category, crit.text
        row[2].text = "E" if crit.requirement == "essential" else "D"
        row[3].text = methods_text(crit, words=False, joiner=", ")


def _word_words(document: Any, crits: list[Crit]) -> None:
    """E/D and methods as words ("Essential", "Application / …")."""
    _word_grouped(document, crits, ("Attributes", "Essential/Desirable", "Method of assessment"),
                  lambda c: (c.text, c.requirement.capitalize(),
                             methods_text(c, words=True, joiner=" / ")))


def _word_lists(document: Any, crits: list[Crit]) -> None:
    for category, group in by_category(crits):
        document.add_paragraph().add_run(category).bold = True
        for requirement in ("essential", "desirable"):
            chosen = [c for c in group if c.requirement == requirement]
            if chosen:
                document.add_paragraph().add_run(requirement.capitalize()).bold = True
                for crit in chosen:
                    document.add_paragraph(
                        crit.text + methods_after(crit, words=True),
                        style="List Bullet")


# --- PDF, text, Markdown --------------------------------------------------------------------

def _pdf(parts: Parts, path: Path, escape: Callable[[str], str], table: bool = False) -> Path:
    import weasyprint

    out = ["<html lang='en'><body>"]
    for part in parts:
        kind = part[0]
        if kind == "h":
            out.append(f"<h{part[1]}>{escape(part[2])}</h{part[1]}>")
        elif kind == "label":
            out.append(f"<p>{escape(part[1])}: {escape(part[2])}</p>")
        elif kind == "p":
            out.append(f"<p>{escape(part[1])}</p>")
        elif kind == "li":
            _, depth, number, text = part
            marker = _number(number, depth) or "• "
            out.append(f"<p style='margin-left:{1 + depth * 2}em'>{escape(marker + text)}</p>")
        elif kind == "spec" and table:
            out.append("<table><tr><th>Criteria</th><th>E/D</th><th>How identified</th></tr>")
            for category, group in by_category(part[1]):
                out.append(f"<tr><td colspan='3'><b>{escape(category)}</b></td></tr>")
                out += [f"<tr><td>{escape(c.text)}</td><td>{c.requirement[0].upper()}</td>"
                        f"<td>{escape(methods_text(c, words=False))}</td></tr>" for c in group]
            out.append("</table>")
        elif kind == "spec":
            for category, group in by_category(part[1]):
                out.append(f"<h3>{escape(category)}</h3>")
                for requirement in ("essential", "desirable"):
                    chosen = [c for c in group if c.requirement == requirement]
                    if chosen:
                        out.append(f"<p><b>{requirement.capitalize()}</b></p>")
                        out += [f"<p style='margin-left:1em'>• "
                                f"{escape(c.text + methods_after(c, words=False))}</p>"
                                for c in chosen]
    out.append("</body></html>")
    path = path.with_suffix(".pdf")
    weasyprint.HTML(string="\n".join(out)).write_pdf(str(path))
    return path


def _lines(parts: Parts, markdown: bool) -> list[str]:
    lines: list[str] = []
    for part in parts:
        kind = part[0]
        if kind == "h":
            lines += ["", ("#" * part[1] + " " if markdown else "") + part[2], ""]
        elif kind == "label":
            lines.append(f"{part[1]}: {part[2]}" + ("  " if markdown else ""))
        elif kind == "p":
            lines += ["", part[1], ""]
        elif kind == "li":
            _, depth, number, text = part
            lines.append(ROMAN_INDENT * depth + (_number(number, depth) or "- ") + text)
        elif kind == "spec":
            lines.append("")
            if markdown:
                lines += ["| Criteria | E/D | How identified |", "|---|---|---|"]
            else:
                lines.append("Criteria\tE/D\tHow identified")
            for category, group in by_category(part[1]):
                lines.append(f"| **{category}** | | |" if markdown else category)
                for crit in group:
                    cells = (crit.text, "E" if crit.requirement == "essential" else "D",
                             methods_text(crit, words=True, joiner=", "))
                    lines.append("| " + " | ".join(cells) + " |" if markdown
                                 else "\t".join(cells))
    return lines


def _text(parts: Parts, path: Path, markdown: bool) -> Path:
    path = path.with_suffix(".md" if markdown else ".txt")
    path.write_text("\n".join(_lines(parts, markdown)) + "\n", encoding="utf-8")
    return path


WRITERS: dict[str, Callable[[Parts, Path, Callable[[str], str]], Path]] = {
    "word-tables": lambda parts, path, _: _word(parts, path, styled=True, spec="ticks"),
    "word-bold-lists": lambda parts, path, _: _word(parts, path, styled=False, spec="lists"),
    "word-ed-codes": lambda parts, path, _: _word(parts, path, styled=True, spec="codes"),
    "word-autonumber": lambda parts, path, _: _word(parts, path, styled=True, spec="words",
                                                    auto=True),
    "pdf-lists": _pdf,
    "pdf-table": lambda parts, path, escape: _pdf(parts, path, escape, table=True),
    "text-tabs": lambda parts, path, _: _text(parts, path, markdown=False),
    "markdown": lambda parts, path, _: _text(parts, path, markdown=True),
}
