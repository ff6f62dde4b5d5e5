"""Layout tables: many job descriptions are one big table, a label on the left and its text on
the right ("The Role | The Case Coordinator will: • Support …", "Role Title | … | Service | …").
Such rows are turned into the headings, paragraphs and list items they stand for, before
structure recovery, so the same rules place them as if they had been written out.
"""

from __future__ import annotations

import re

from generator.importer.blocks import Block
from generator.importer.labels import lookup

# Sections a layout row may open; "Values" or "Experience" in a first column is more often a
# category of the person specification, which keeps its table.
ROW_SECTIONS = ("purpose", "context", "introduction", "accountabilities", "key_activities",
                "performance_measures")
_BULLETS = re.compile(r"\s*[•▪\uf0b7]\s*")


def _blank(text: str) -> bool:
    return not re.search(r"\w", text)


def _cells(texts: tuple[str, ...], where: str, listing: bool) -> list[Block]:
    """A cell's text as a paragraph, then one item per bullet; in a list section a line of its
    own is an item unless it introduces the list ("… may include:")."""
    out: list[Block] = []
    for text in texts:
        first, *bullets = _BULLETS.split(text)
        if first.strip():
            kind = "item" if listing and not first.rstrip().endswith(":") else "para"
            out.append(Block(kind, first.strip(), where))
        out += [Block("item", b.strip(), where) for b in bullets if b.strip()]
    return out


def _label_above_value(block: Block, after: Block | None) -> bool:
    """ "Position Title" on one line and the title on the next, as a two-column table's
    plain-text export writes them."""
    return (block.kind == "para" and after is not None and after.kind == "para"
            and lookup("labels", block.text) is not None and ":" not in after.text
            and lookup("labels", after.text) is None and len(after.text.split()) <= 12)


def expand(blocks: list[Block]) -> list[Block]:
    """The blocks with layout rows written out; every other block is left as it is."""
    out: list[Block] = []
    current: str | None = None
    joined = -1  # the index of a value already joined to the label above it
    for index, block in enumerate(blocks):
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        if index == joined:
            continue
        if _label_above_value(block, after) and after is not None:
            out.append(Block("para", f"{block.text.rstrip(' :')}: {after.text}", block.where,
                             label=True))
            joined = index + 1
            continue
        if block.kind != "row":
            if current and block.kind == "para" and block.level > 0:
                # "\tTo support …": a cell of its own under the row that opened the section
                out += _cells((block.text,), block.where, current not in ROW_SECTIONS[:3])
                continue
            current = None
            out.append(block)
            continue
        cells = block.cells
        first = cells[0] if cells else ""
        rest = tuple(c for c in cells[1:] if c)
        key = lookup("sections", first) if first and not _blank(first) else None
        if key in ROW_SECTIONS and rest:
            current = key
            out.append(Block("heading", first, block.where, level=2))
            out += _cells(rest, block.where, key not in ROW_SECTIONS[:3])
        elif current and (_blank(first) or not rest) and (rest or len(first.split()) > 4):
            out += _cells(rest or (first,), block.where, current not in ROW_SECTIONS[:3])
        elif len(rest) == 3 and lookup("labels", first) and lookup("labels", cells[2] if
                                                                    len(cells) > 2 else ""):
            current = None  # "Role Title | … | Service | …": two header fields in one row
            out += [Block("para", f"{first}: {cells[1]}", block.where, label=True),
                    Block("para", f"{cells[2]}: {cells[3]}", block.where, label=True)]
        else:
            current = None
            out.append(block)
    return out
