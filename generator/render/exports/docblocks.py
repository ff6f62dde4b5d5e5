"""The blocks a Word export is written as, and the builder the profile's parts share.

    ("h", level, runs)                       a heading, level 1 to 4
    ("p", style, runs)                       a paragraph (styles: see `richtext`)
    ("table", caption, header, rows, widths) header: column names; rows: cells of paragraphs;
                                             widths: each column's share of the page width
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.model import Level, ListItem, ListSection, Statement
from generator.render.exports.richtext import Para, Run, inline, paragraphs, plain

Block = tuple[Any, ...]
ESSENTIAL_NOTE: tuple[Run, ...] = (
    ("Essential", "b", ""), (" criteria are what you must show to be shortlisted; ", "", ""),
    ("desirable", "b", ""),
    (" ones help us choose between candidates who meet every essential criterion.", "", ""),
)


def runs_of(text: str) -> tuple[Run, ...]:
    return ((text, "", ""),) if text else ()


def labelled(label: str, value: tuple[Run, ...]) -> tuple[Run, ...]:
    return ((f"{label}: ", "b", ""), *value)


def marked(runs: tuple[Run, ...], mark: str) -> tuple[Run, ...]:
    """The runs with one more mark ("b" bold, "i" italic)."""
    return tuple((text, mark + marks.replace(mark, ""), href) for text, marks, href in runs)


def _number(item: ListItem) -> tuple[Run, ...]:
    """The source's own number of an item, in bold, before its text."""
    return ((f"{item.number} ", "b", ""),) if item.number else ()


def item_paras(items: tuple[ListItem, ...], depth: int = 1) -> tuple[Para, ...]:
    """Sub-items as list paragraphs inside a table cell (Word's list styles, three deep)."""
    paras: list[Para] = []
    for item in items:
        lead = _number(item)
        paras.append((f"bullet:{min(depth, 3)}", (*lead, *inline(item.text))))
        paras += item_paras(item.items, depth + 1)
    return tuple(paras)


def _duty_row(section: ListSection, item: ListItem) -> tuple[tuple[Para, ...], ...]:
    """A duty as a row of the source's duties table: the duty, then each column it gives."""
    duty: tuple[Para, ...] = (("", (*_number(item), *inline(item.text))),
                              *item_paras(item.items))
    return (duty, *((("", inline(getattr(item, key) or "")),) for key in section.table_columns))


class Doc:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def heading(self, level: int, runs: tuple[Run, ...]) -> None:
        self.blocks.append(("h", level, runs))

    def para(self, runs: tuple[Run, ...], style: str = "") -> None:
        if runs:
            self.blocks.append(("p", style, runs))

    def text(self, text: str | None) -> None:
        self.blocks += [("p", style, runs) for style, runs in paragraphs(text)]

    def bullets(self, lines: list[tuple[Run, ...]]) -> None:
        for runs in lines:
            self.para(runs, "bullet:1")

    def table(self, caption: str, header: tuple[str, ...],
              rows: Sequence[Sequence[tuple[Para, ...]]], widths: tuple[float, ...]) -> None:
        """A table: `widths` are the columns' shares of the page's width."""
        self.blocks.append(("table", caption, header, tuple(tuple(r) for r in rows), widths))

    def items(self, items: tuple[ListItem, ...], depth: int = 1) -> None:
        """A list as the site shows it: source numbers in bold and no bullets, else bullets."""
        numbered = any(item.number for item in items)
        for item in items:
            style = f"cont:{min(depth, 3)}" if numbered else f"bullet:{min(depth, 3)}"
            self.led(_number(item), item.text, style, depth)
            if item.items:
                self.items(item.items, depth + 1)

    def led(self, lead: tuple[Run, ...], text: str, style: str, depth: int = 1) -> None:
        """A list paragraph: `lead` (a number, a name) and the text's first paragraph; the
        text's other paragraphs follow it, continued."""
        paras = paragraphs(text, depth)
        first = paras[0][1] if paras and paras[0][0] == "" else ()
        self.para((*lead, *first) or runs_of(" "), style)
        for extra_style, runs in paras[1 if first else 0:]:
            self.para(runs, extra_style or f"cont:{min(depth, 3)}")

    def section(self, section: ListSection, default_title: str) -> None:
        if not section:
            return
        title = section.title or default_title
        self.heading(2, inline(title))
        self.text(section.intro)
        self.section_items(section, section.items, title)
        for group in section.groups:
            if group.heading:
                self.heading(3, inline(group.heading))
            self.text(group.intro)
            self.section_items(section, group.items, group.heading or title)
        self.text(section.outro)

    def section_items(self, section: ListSection, items: tuple[ListItem, ...],
                      caption: str) -> None:
        """Items as a list, or as the source's duties table when it gives a priority or a
        share of time (the page does the same)."""
        if not section.table_columns:
            self.items(items)
        elif items:
            extra = len(section.table_columns)
            widths = (1 - 0.15 * extra, *(0.15,) * extra)
            self.table(plain(caption), section.table_heads,
                       [_duty_row(section, item) for item in items], widths)

    def statements(self, items: tuple[Statement, ...]) -> None:
        for statement in items:
            self.heading(3, inline(statement.title))
            self.text(statement.text)

    def level(self, label: str, level: Level, wide: bool = False) -> None:
        """A level a role requires; `wide` for a framework-wide one (no filler without
        indicators: its name and description define it)."""
        name = f" ({plain(level.name)})" if level.named else ""
        which = plain(level.name) if level.number is None else f"{level.number}{name}"
        tail = (f": {plain(level.not_defined_text)}" if level.not_defined_text else
                ", not defined in the framework.") if level.not_defined else ""
        self.para(((f"{label} level: {which}", "b", ""), *runs_of(tail)))
        if level.not_defined:
            return
        self.text(level.description)
        for indicator in level.indicators:
            self.para(inline(indicator), "bullet:1")
        if not level.indicators and not wide:
            self.para(runs_of("No behavioural indicators are given for this level."))
