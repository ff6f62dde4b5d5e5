"""Workbook specs to .xlsx files with openpyxl, and a table to a CSV file.

A spec is plain values: `{"title", "subject", "keywords", "sheets": [sheet, …]}`, each sheet
`{"name", "columns": [[header, width], …], "rows": [[cell, …], …], "validations": […],
"freeze": "B2", "filter": bool, "borders": bool, "fit": bool}` (borders: every cell of the
table boxed, for printing blank; fit: printed fitted to the page's width, however wide). A
cell is text, a number, None (empty) or `{"f": "=…"}`, a formula that we wrote. Text is
always stored as text, whatever it starts with: only a `{"f": …}` cell can hold a formula.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.packaging.core import DocumentProperties
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from generator.render.exports.reproducible import moment, stable_zip
from generator.render.exports.safe import cell_text, csv_text, looks_like_formula, xml_text

LANGUAGE = "en-GB"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE3F0")
HEADER_BORDER = Border(bottom=Side(style="thin"))
_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
LINE_HEIGHT = 15.0      # points, for the default 11 pt font
MAX_ROW_HEIGHT = 409.0  # the tallest row Excel allows
FIT_WIDTH = 200         # columns wider than this in all (in characters) are not shrunk to fit


def _put(cell: Any, value: Any) -> None:
    if isinstance(value, dict):
        cell.value = value["f"]  # a formula of ours, never text from the content
    elif isinstance(value, str):
        text = cell_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        if looks_like_formula(text):
            cell.quotePrefix = True  # Excel keeps it text if the cell is edited, too
    else:
        cell.value = value
    cell.alignment = WRAP


def _validation(spec: dict[str, Any]) -> DataValidation:
    if spec["kind"] == "whole":
        rule = DataValidation(type="whole", operator="between", formula1=str(spec["min"]),
                              formula2=str(spec["max"]))
    else:
        rule = DataValidation(type="list", formula1='"' + ",".join(spec["options"]) + '"')
    rule.allow_blank = True
    rule.showErrorMessage = rule.showInputMessage = True
    title = xml_text(spec["title"])[:32]  # Excel's limits for these messages
    rule.errorTitle, rule.error = title, xml_text(spec["error"])[:255]
    rule.promptTitle, rule.prompt = title, xml_text(spec["prompt"])[:255]
    rule.add(spec["range"])
    return rule


def _height(values: list[Any], widths: list[float]) -> float | None:
    """A row tall enough for its wrapped text (not every program works it out on opening),
    or None for one line."""
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and (len(value) > width or "\n" in value):
            per_line = max(int(width * 1.2), 1)  # a column width counts wide characters ("0")
            lines = max(lines, sum(math.ceil(len(part) / per_line) or 1
                                   for part in value.split("\n")))
    return min(LINE_HEIGHT * lines, MAX_ROW_HEIGHT) if lines > 1 else None


def _sheet(book: Workbook, spec: dict[str, Any]) -> None:
    sheet = book.create_sheet(xml_text(spec["name"])[:31])
    widths = [width for _, width in spec["columns"]]
    for number, values in enumerate([[h for h, _ in spec["columns"]], *spec["rows"]], start=1):
        for column, value in enumerate(values, start=1):
            if value is not None:
                _put(sheet.cell(row=number, column=column), value)
        height = _height(values, widths)
        if height:
            sheet.row_dimensions[number].height = height
    for column, width in enumerate(widths, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, HEADER_BORDER
        sheet.column_dimensions[get_column_letter(column)].width = width
    for rule in spec.get("validations", ()):
        sheet.add_data_validation(_validation(rule))
    if spec.get("borders"):  # printed blank, the sheet is a paper form: every box drawn
        for row in sheet.iter_rows(min_row=1, max_row=len(spec["rows"]) + 1,
                                   max_col=len(widths)):
            for cell in row:
                cell.border = BOX
    sheet.freeze_panes = spec.get("freeze", "A2")
    if spec.get("filter") and spec["rows"]:
        sheet.auto_filter.ref = sheet.dimensions
    # Printed: the header row (and the first column) again on every page; a narrow sheet, or
    # one that asks to be (a scores table a panel prints), is fitted to the page's width, any
    # other wide one goes over several pages rather than shrink.
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if spec.get("fit"):
        sheet.print_title_cols = "A:A"
    if spec.get("fit") or sum(widths) <= FIT_WIDTH:
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        sheet.print_title_cols = "A:A"


def xlsx_bytes(spec: dict[str, Any], created: str) -> bytes:
    """The .xlsx file of a workbook spec (see the module docstring)."""
    book = Workbook()
    book.remove(book.active)
    for sheet in spec["sheets"]:
        _sheet(book, sheet)
    when = moment(created).replace(tzinfo=None)
    book.properties = DocumentProperties(
        creator="", lastModifiedBy=None, title=xml_text(spec["title"]),
        subject=xml_text(spec["subject"]), keywords=xml_text(spec["keywords"]),
        language=LANGUAGE, created=when, modified=when)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # openpyxl's `save` would stamp the time of saving as the modified date: not this.
        ExcelWriter(book, archive).save()
    return stable_zip(buffer.getvalue(), created)


def csv_bytes(columns: list[str], rows: list[list[Any]]) -> bytes:
    """A CSV file (UTF-8 with a byte order mark so that Excel reads £ and accents right)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_text(c) for c in columns])
    for row in rows:
        writer.writerow(["" if v is None else csv_text(v) if isinstance(v, str) else v
                         for v in row])
    return out.getvalue().encode("utf-8-sig")
