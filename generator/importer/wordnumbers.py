"""Word's automatic list numbers, worked out as Word shows them.

python-docx gives a numbered paragraph's text without its number ("1.", "ii)"), which lives in
numbering.xml: each list (w:num) points at a definition whose levels say the format (decimal,
lowerRoman, lowerLetter, bullet …) and the starting value. Counting the paragraphs of each list,
level by level, gives back the number the reader sees, so duty 9's points i to v keep theirs.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_ROMAN = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN * 4:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format(n: int, fmt: str) -> str | None:
    if fmt == "decimal" or fmt == "decimalZero":
        return str(n)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n) if n < 40 else str(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    return None  # bullet, none and the rarer formats: no number is kept


def _val(node: Any, tag: str, default: str) -> str:
    child = node.find(qn(tag)) if node is not None else None
    return str(child.get(qn("w:val"), default)) if child is not None else default


class Numbering:
    """Counts the paragraphs of each Word list; `number` gives (level, number or None)."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for node in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in node.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = (
                    _val(lvl, "w:numFmt", "decimal"), int(_val(lvl, "w:start", "1")))
            abstract[node.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            self.levels[num.get(qn("w:numId"), "")] = abstract.get(
                _val(num, "w:abstractNumId", ""), {})

    def _numpr(self, paragraph: Any, style: Any) -> tuple[str, int] | None:
        for holder in (paragraph._p, style):
            ppr = holder.find(qn("w:pPr")) if holder is not None else None
            numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if numpr is not None:
                return _val(numpr, "w:numId", "0"), int(_val(numpr, "w:ilvl", "0"))
        return None

    def number(self, paragraph: Any, style: Any) -> tuple[int, str | None] | None:
        """The paragraph's list level and shown number (its own numbering, or its style's);
        None if it is not in a list."""
        found = self._numpr(paragraph, style)
        if found is None or found[0] == "0" or found[0] not in self.levels:
            return None
        num_id, level = found
        fmt, start = self.levels[num_id].get(level, ("decimal", 1))
        counters = self.counters.setdefault(num_id, {})
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [k for k in counters if k > level]:  # a new duty restarts its points
            del counters[deeper]
        return level, _format(counters[level], fmt)
