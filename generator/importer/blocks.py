"""The reading stage's output: a document as a flat run of blocks, whatever its format.

Every reader (Word, PDF, text, Markdown) turns its file into the same blocks, so structure
recovery does not care where the words came from. Each block keeps where it was found, for
the draft's comment block and the `--report` file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# The source's own numbers: "1.", "1.2", "(iv)", "a)", "9)". A lone capital letter is not a
# number ("A recognised qualification"), and roman numerals must be followed by a stop or bracket.
_NUMBER = re.compile(
    r"^\(?(?P<number>[0-9]{1,3}(?:\.[0-9]{1,3})*|[ivx]{1,5}|[a-h])(?:[.)]|(?<=[0-9])(?=\s))\s+(?=\S)"
)
_SPACE = re.compile(r"\s")
PIECE = 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
# Tried only where a run of spaces starts, and never given back: tried at every space of a
# long run, it took time with the square of the run's length.
_INLINE_BULLETS = re.compile(r"(?<!\s)\s{2,}+[•▪\uf0b7]\s++(?=\S)")
_BULLET = re.compile(r"^[-*•▪·◦‣\uf0b7o]\s+(?=\S)")  # a tab after the bullet is still a bullet


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or table row of the source document."""

    kind: str  # "heading", "para", "item", "row", or "aside" (page headers, text boxes)
    text: str
    where: str  # "paragraph 12", "table 2, row 3", "line 40", "page 2, line 5"
    level: int = 0  # heading level, or list nesting depth
    number: str | None = None  # the source's own number for a list item
    cells: tuple[str, ...] = field(default=())
    bold: bool = False
    label: bool = False  # a "Label: value" put together from a layout table

def split_number(text: str) -> tuple[str | None, str, bool]:
    """("9", "To develop …", False) from "9. To develop …"; the flag says a bullet was removed."""
    match = _NUMBER.match(text)
    if match:
        return match.group("number"), text[match.end():].strip(), False
    match = _BULLET.match(text)
    if match:
        return None, text[match.end():].strip(), True
    return None, text, False


def is_roman(number: str | None) -> bool:
    return bool(number) and set(number or "") <= set("ivx")


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`, a megabyte at a time: the list of every word of a 20 MB line
    would take ten times its size."""
    pieces = []
    start = 0
    while start < len(text):
        space = _SPACE.search(text, start + PIECE)  # a piece ends where a word does
        end = space.start() if space else len(text)
        pieces.append(" ".join(text[start:end].split()))
        start = end
    return " ".join(piece for piece in pieces if piece)


def line_block(text: str, where: str, indent: int = 0) -> Block:
    """A paragraph or list item from one line of text, with its number or bullet taken off."""
    text = single_spaced(text)
    number, rest, bullet = split_number(text)
    if number is not None or bullet:
        return Block("item", rest, where, level=indent, number=number)
    return Block("para", text, where, level=indent)


def read_text(raw: str, markdown: bool) -> list[Block]:
    """Blocks from a .txt or .md file: one per line; tabs or pipes make table rows."""
    blocks: list[Block] = []
    for index, line in enumerate(raw.splitlines(), start=1):
        where = f"line {index}"
        line = _TAG.sub(" ", line).replace("&amp;", "&")  # HTML pasted into a text file
        line = _CONTROL.sub(" ", line)  # a NUL or bell would make the draft unreadable YAML
        stripped = line.strip()
        if not stripped:
            continue
        spaced = line.expandtabs(2)  # a tab indents as much as two spaces
        indent = (len(spaced) - len(spaced.lstrip(" "))) // 2
        if markdown and stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            blocks.append(Block("heading", stripped[level:].strip(), where, level=level))
        elif markdown and stripped.startswith("|"):
            cells = tuple(c.strip().strip("*").strip() for c in stripped.strip("|").split("|"))
            if not all(set(c) <= set("-: ") for c in cells):  # skip the |---| line
                blocks.append(Block("row", " ".join(c for c in cells if c), where, cells=cells))
        elif "\t" in stripped and not _BULLET.match(stripped):
            # leading tabs kept: an empty first cell keeps the columns in place
            cells = tuple(c.strip() for c in line.rstrip().lstrip(" ").split("\t"))
            blocks.append(Block("row", " ".join(c for c in cells if c), where, cells=cells))
        elif _INLINE_BULLETS.search(stripped):  # "… email.   • Work towards …": two items
            first, *rest = _INLINE_BULLETS.split(stripped)
            blocks.append(line_block(first, where, indent))
            blocks += [Block("item", part.strip(), where, level=indent) for part in rest
                       if part.strip()]
        elif markdown and stripped.startswith("**") and stripped.endswith("**"):
            blocks.append(Block("heading", stripped.strip("*").strip(), where, level=3, bold=True))
        elif (stripped[0].islower() and blocks and blocks[-1].kind in ("para", "item")
              and split_number(stripped) == (None, stripped, False)):
            last = blocks[-1]  # a sentence broken over two lines (and a blank one) goes on
            blocks[-1] = Block(last.kind, f"{last.text} {stripped}", last.where, last.level,
                               last.number)
        else:
            blocks.append(line_block(stripped, where, indent))
    return blocks
