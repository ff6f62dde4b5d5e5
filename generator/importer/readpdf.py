"""Read a PDF's text layer into blocks with pypdf: lines rebuilt from positioned text, then
joined into paragraphs; bold or larger lines are headings. A PDF with no text is refused."""

from __future__ import annotations

import contextlib
import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
from pypdf.errors import LimitReachedError, PyPdfError

from generator.importer.blocks import Block, line_block, split_number
from generator.importer.guard import MAX_PAGES, Refused

_COLUMN = 150.0  # points: a piece this far right of the line's start is another column
# pypdf's limits for one page's content, far above a job description's (a page of dense text
# is about 30 KB and 20,000 operands and operators), far below pypdf's own (75 MB, 2,000,000):
# a few megabytes of text operators took minutes to read and hundreds of megabytes of memory.
_LIMITS = {"zlib_maximum_output_length": 4_000_000,
           "stream_parsing_work_maximum_count": 200_000}
_MAX_PIECES = 200_000  # pieces of text in the whole document, a hundred pages' worth


@dataclass
class _Line:
    page: int
    y: float
    x: float
    size: float
    bold: bool
    text: str
    tail: str = ""  # text in a column far to the right (a table's E/D and method cells)


def _fragments(reader: pypdf.PdfReader) -> list[_Line]:
    pieces: list[_Line] = []
    for number, page in enumerate(reader.pages, start=1):
        def visit(text: str, cm: Any, tm: Any, font: Any, size: float,
                  page_no: int = number) -> None:
            if not text.strip():
                return
            if len(pieces) >= _MAX_PIECES:
                raise Refused("the PDF has more pieces of text than a job description "
                              f"(over {_MAX_PIECES:,}), so it is not read",
                              "import one role per file")
            font_name = str(font.get("/BaseFont", "")) if font else ""
            # The text matrix is scaled by the current matrix: real size and position.
            scale = abs(cm[3]) or 1.0
            y = tm[5] * cm[3] + cm[5]
            pieces.append(_Line(page_no, -y, tm[4] * cm[0] + cm[4], size * scale,
                                "bold" in font_name.lower(), text.replace("\n", " ")))
        page.extract_text(visitor_text=visit)
    return pieces


def _lines(pieces: list[_Line]) -> list[_Line]:
    """Pieces on the same baseline of the same page become one line, left to right."""
    lines: list[_Line] = []
    for piece in sorted(pieces, key=lambda p: (p.page, round(p.y), p.x)):
        last = lines[-1] if lines else None
        if last and last.page == piece.page and abs(last.y - piece.y) < piece.size * 0.4 and (
                piece.x > last.x + _COLUMN):
            last.tail = f"{last.tail} {piece.text}".strip()
        elif last and last.page == piece.page and abs(last.y - piece.y) < piece.size * 0.4:
            left, right = (last.text, piece.text) if piece.x > last.x else (piece.text, last.text)
            last.text = f"{left} {right}"
            last.bold = last.bold and piece.bold
            last.x = min(last.x, piece.x)
        else:
            lines.append(_Line(piece.page, piece.y, piece.x, piece.size, piece.bold, piece.text))
    for line in lines:
        line.text = " ".join(line.text.split())
    return lines


def _line_gap(lines: list[_Line], body: float) -> float:
    """The commonest distance between lines closer than a blank line: the line spacing."""
    gaps: dict[float, int] = {}
    for one, two in itertools.pairwise(lines):
        if one.page == two.page and one.y < two.y < one.y + body * 1.5:
            gap = round(two.y - one.y, 1)
            gaps[gap] = gaps.get(gap, 0) + 1
    return max(gaps, key=lambda g: (gaps[g], -g)) if gaps else 0.0


def _body_size(lines: list[_Line]) -> float:
    sizes: dict[float, int] = {}
    for line in lines:
        sizes[round(line.size, 1)] = sizes.get(round(line.size, 1), 0) + len(line.text)
    return max(sizes, key=lambda s: sizes[s]) if sizes else 0.0


def _blocks(lines: list[_Line]) -> list[Block]:
    body = _body_size(lines)
    spacing = min(_line_gap(lines, body) * 1.1 or body * 1.45, body * 1.45)
    blocks: list[Block] = []
    tails: dict[int, str] = {}
    previous: _Line | None = None
    for index, line in enumerate(lines, start=1):
        where = f"page {line.page}, line {index}"
        heading = (line.bold or line.size > body * 1.15) and len(line.text.split()) <= 14
        starts = split_number(line.text)[0] is not None or split_number(line.text)[2]
        joins = (previous is not None and blocks and blocks[-1].kind in ("para", "item")
                 and not heading and not starts and not previous.bold
                 and line.page == previous.page and line.y - previous.y < spacing)
        if line.tail:
            tails[len(blocks) - (0 if not joins else 1)] = line.tail
        if joins:
            last = blocks[-1]
            blocks[-1] = Block(last.kind, f"{last.text} {line.text}", last.where, last.level,
                               last.number)
        elif heading and previous is not None and blocks and blocks[-1].kind == "heading" and (
                previous.size == line.size and line.y - previous.y < line.size * 1.45):
            last = blocks[-1]  # a heading too long for one line
            blocks[-1] = Block("heading", f"{last.text} {line.text.rstrip(':')}", last.where,
                               last.level, bold=True)
        elif heading:
            level = 1 if line.size > body * 1.4 else 2 if line.size > body * 1.15 else 3
            blocks.append(Block("heading", line.text.rstrip(":"), where, level=level, bold=True))
        else:
            blocks.append(line_block(line.text, where))
        previous = line
    for index, tail in tails.items():  # the far column goes after the row's own text
        block = blocks[index]
        blocks[index] = Block(block.kind, f"{block.text} {tail}", block.where, block.level,
                              block.number)
    return blocks


def read_pdf(path: Path) -> list[Block]:
    """Blocks from the PDF's text layer; Refused for encrypted, damaged or image-only files."""
    # pypdf 7 has these limits; an older one, only its own
    limits = getattr(pypdf, "apply_configuration", None)
    with limits(**_LIMITS) if limits else contextlib.nullcontext():
        return _read(path)


def _read(path: Path) -> list[Block]:
    try:
        reader = pypdf.PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            raise Refused("the PDF is encrypted (password-protected), so it is not read",
                          "ask for a copy without a password, or save it again without one")
        if len(reader.pages) > MAX_PAGES:
            raise Refused(f"the PDF has {len(reader.pages)} pages; more than {MAX_PAGES} "
                          "is not a job description", "import one role per file")
        lines = _lines(_fragments(reader))
    except Refused:
        raise
    except LimitReachedError:
        raise Refused("the PDF's page content is far larger than a job description's, so it "
                      "is not read", "print the document to PDF again, or import the Word "
                      "document it was made from") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError,
            RecursionError, IndexError, ZeroDivisionError) as err:
        raise Refused(f"the PDF could not be read ({type(err).__name__}: "
                      f"{str(err)[:80] or 'damaged file'})",
                      "open it and save or print it to PDF again") from None
    if not any(len(line.text.split()) >= 2 for line in lines):
        raise Refused("the PDF has no text layer (it looks like a scan), so nothing was imported",
                      "run it through OCR first, or import the Word document it was made from")
    return _blocks(lines)
