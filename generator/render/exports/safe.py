"""Text made safe for Word, Excel and CSV: no character the XML refuses, no formula by accident.

Office files are XML, which cannot hold most control characters (python-docx and openpyxl
raise on them), so those are dropped. A spreadsheet treats text starting with `=`, `+`, `-` or
`@` (and, in some programs, a tab or carriage return) as a formula: in a CSV file such text is
prefixed with an apostrophe, the convention spreadsheet programs recognise; in a workbook it is
stored as a string, never as a formula (see `excel.py`).
"""

from __future__ import annotations

import re

# C0 controls other than tab, newline and carriage return; lone surrogates; U+FFFE and U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# The most characters an Excel cell holds; longer text is cut, with a mark that it was.
EXCEL_CELL_LIMIT = 32767
CUT_MARK = " […]"


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold."""
    return _XML_ILLEGAL.sub("", text)


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def csv_text(text: str) -> str:
    """A CSV cell that no spreadsheet program will run: formula-like text gets an apostrophe."""
    text = xml_text(text)
    return "'" + text if looks_like_formula(text) else text


def cell_text(text: str) -> str:
    """Text for one Excel cell: XML-safe and no longer than a cell holds."""
    text = xml_text(text)
    units = text.encode("utf-16-le")  # Excel counts UTF-16 code units, not characters
    if len(units) <= 2 * EXCEL_CELL_LIMIT:
        return text
    kept = units[:2 * (EXCEL_CELL_LIMIT - len(CUT_MARK))]
    return kept.decode("utf-16-le", errors="ignore") + CUT_MARK
