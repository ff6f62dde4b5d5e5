"""The person specification: criteria with category, essential/desirable and methods, from
tables (E/D column, Essential and Desirable columns, a method column) or from lists under
Essential/Desirable and category headings with codes or words after each criterion."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.importer import celllines
from generator.importer.assess import (
    Methods,
    readable_methods,
    requirement,
    ticked,
    trailing_methods,
)
from generator.importer.blocks import Block
from generator.importer.labels import is_category, lookup, normalise

_CRITERIA_WORD = re.compile(r"\s+(criteria|requirements?)$")
# A table row as a PDF's text layer gives it: "Management Qualification D A/I".
_ROW_MARKS = re.compile(r"\s(E|D|Essential|Desirable)\s+"
                        r"([A-Za-z]{1,2}(?:\s*[/,&]\s*[A-Za-z]{1,2})*)$")
# The same row with its method cell empty ("Experience in prison work D"), read so only below
# a header line naming an E/D column: the source gives no method, and none is made up.
_ED_HEADER = re.compile(r"(?:^|\s)(?:E\s*/\s*D|Essential\s*/\s*Desirable)(?:\s|$)", re.I)
_ROW_MARK_ONLY = re.compile(r"\S\s(E|D)$")


_BULLETS = re.compile(r"\s*[▪•·\uf0b7]\s*")


@dataclass
class Criterion:
    """One criterion as found; None means the source does not say."""

    text: str
    where: str
    category: str | None
    requirement: str | None
    methods: list[str] | None
    number: str | None = None
    items: list[str] = field(default_factory=list)
    methods_partly_legible: str | None = None  # the method cell as worded, where it part-reads


def _is_mark(text: str, methods: Methods) -> bool:
    return requirement(text) is not None or ticked(text) or methods.parse(text) is not None


# Takes a row that names a behaviour (the row, its own category cell, its method cell).
BehaviourRow = Callable[[Criterion, "str | None", "str | None"], bool]


class SpecBuilder:
    """Collects the person specification's blocks into criteria."""

    def __init__(self, methods: Methods, behaviour: BehaviourRow | None = None) -> None:
        self.methods = methods
        self.behaviour = behaviour  # a row whose factor is a framework's behaviour goes there
        self.category: str | None = None
        self.context: str | None = None  # essential/desirable from a heading
        self.columns: dict[str, int] | None = None
        self.criteria: list[Criterion] = []
        self.intro: list[str] = []
        self.stray: list[Block] = []
        self.marks = ""  # E/D and methods seen on their own, waiting for their criterion
        self.lines: list[Block] = []
        self.ed_column = False  # a header line has named an E/D column

    def heading(self, block: Block) -> bool:
        """Take a heading as category or essential/desirable; False if it is neither."""
        self.flush()
        self.ed_column = self.ed_column or bool(_ED_HEADER.search(block.text))
        text = _CRITERIA_WORD.sub("", normalise(block.text))
        found = requirement(text)
        if found:
            self.context = found
            return True
        if is_category(block.text) or not self.criteria:
            self.category, self.context = block.text.rstrip(":"), None
            return True
        return False

    def para(self, block: Block) -> None:
        text = f"{block.text} {self.marks}" if self.marks else block.text
        marks = _ROW_MARKS.search(" " + text)
        methods = self.methods.parse(marks.group(2)) if marks else None
        if marks and methods:
            self.flush()
            self.marks = ""
            if marks.start() == 0:  # a row cut by a page break: its marks came first
                self.marks = text
                return
            self.criteria.append(Criterion(text[: marks.start() - 1].rstrip(), block.where,
                                           self.category, requirement(marks.group(1)), methods))
            return
        self.ed_column = self.ed_column or bool(_ED_HEADER.search(text))
        only = _ROW_MARK_ONLY.search(text) if self.ed_column and not self.marks else None
        if only:
            self.flush()
            self.criteria.append(Criterion(text[: only.start() + 1], block.where, self.category,
                                           requirement(only.group(1)), None))
            return
        self.lines.append(block)

    def flush(self) -> None:
        """Place the run of plain lines held back (one-cell-per-line tables need lookahead)."""
        lines, self.lines = self.lines, []
        for kind, block, req, methods in celllines.group(lines, self.methods):
            if kind == "criterion":
                self.criteria.append(Criterion(block.text, block.where, self.category,
                                               req, methods))
            elif kind == "category":
                self.category, self.context = block.text.rstrip(":"), None
            elif not self.criteria and self.columns is None and self.category is None:
                self.intro.append(block.text)
            else:
                self.stray.append(block)

    def is_row_text(self, text: str) -> bool:
        marks = _ROW_MARKS.search(" " + text)
        return bool(marks and self.methods.parse(marks.group(2)))

    def item(self, block: Block) -> None:
        self.flush()
        last = self.criteria[-1] if self.criteria else None
        if last is not None and block.level > 0:
            last.items.append(block.text)  # a point under the criterion above
            return
        text, methods = trailing_methods(block.text, self.methods)
        self.criteria.append(Criterion(text, block.where, self.category, self.context,
                                       methods, block.number))

    def row(self, block: Block) -> None:
        self.flush()
        cells = block.cells
        filled = [c for c in cells if c]
        if self.columns is None:
            columns: dict[str, int] = {}
            for index, text in enumerate(cells):
                key = lookup("columns", text) if text else None
                if key is not None:
                    columns.setdefault(key, index)
            if len(columns) >= 2:
                if "criterion" not in columns and "category" in columns:
                    # "Factor | Essential | …" with no Criteria column: the factor is the text
                    columns["criterion"] = columns.pop("category")
                self.columns = columns
                return
        if len(set(filled)) == 1:  # a heading row (merged cells repeat their text)
            self.heading(Block("heading", filled[0], block.where))
            return
        if self._criteria_in_columns(cells, block.where):
            return
        crit = self._from_row(cells, block.where)
        if self.behaviour is not None and self.columns is not None and self.behaviour(
                crit, self._cell(cells, "category"), self._cell(cells, "assessed_by")):
            return
        self.criteria.append(crit)

    def _criteria_in_columns(self, cells: tuple[str, ...], where: str) -> bool:
        """Rows like "Skills | ▪ criterion ▪ criterion | ▪ criterion": Essential and Desirable
        columns holding the criteria themselves, one category per row."""
        cols = self.columns or {}
        found = [(name, cells[cols[name]]) for name in ("essential", "desirable")
                 if name in cols and cols[name] < len(cells) and len(cells[cols[name]].split()) > 3]
        if not found:
            return False
        used = {cols[name] for name, _ in found}
        others = [c for i, c in enumerate(cells) if c and i not in used]
        category = others[0] if others else self.category
        self.stray.extend(Block("para", c, where) for c in others[1:])
        for name, text in found:
            for part in _BULLETS.split(text):
                if part.strip():
                    self.criteria.append(Criterion(part.strip(), where, category, name, None))
        return True

    def _cell(self, cells: tuple[str, ...], name: str) -> str | None:
        index = (self.columns or {}).get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def _from_row(self, cells: tuple[str, ...], where: str) -> Criterion:
        cols = self.columns or {}

        def cell(name: str) -> str | None:
            return self._cell(cells, name)

        used = set(cols.values())
        text = cell("criterion")
        if text is None:
            text = next((c for i, c in enumerate(cells) if i not in used and c), cells[0])
        category = cell("category") or self.category
        req = requirement(cell("requirement") or "") if "requirement" in cols else None
        if req is None and ("essential" in cols or "desirable" in cols):
            marks = (ticked(cell("essential") or ""), ticked(cell("desirable") or ""))
            req = {(True, False): "essential", (False, True): "desirable"}.get(marks)
        req = req or self.context
        how = cell("assessed_by")
        methods = self.methods.parse(how) if how else None
        if how is None and not cols:  # no header row: try each other cell as E/D or methods
            for other in cells[1:]:
                req = req or requirement(other)
                methods = methods or self.methods.parse(other)
        partly = readable_methods(how, self.methods) if how and methods is None else None
        # a cell that is none of these (a note, a second description) is kept to place
        known = {text, category, how, cell("requirement"), cell("essential"), cell("desirable")}
        self.stray.extend(Block("para", c, where) for c in cells
                          if c and c not in known and not _is_mark(c, self.methods))
        return Criterion(text, where, category, req, partly or methods,
                         methods_partly_legible=how if partly else None)
