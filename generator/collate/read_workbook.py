"""A filled scoring workbook read with openpyxl: `shortlisting.xlsx` (the Scores sheet) or
`interview-scores.xlsx` (Agreed scores), a row per candidate code and a column per row of the
sheet, in the sheet's order. The member is the file's name (a workbook is not made for one)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook

from generator.collate.filled import CollateError, Filled
from generator.scoring.identity import parse_keywords
from generator.scoring.sheets import Sheet

SHEETS = ("Scores", "Agreed scores")
MET_WORDS = {"met": "met", "not met": "not-met"}


def workbook_facts(path: Path) -> dict[str, object]:
    try:
        book = load_workbook(path, read_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as err:
        raise CollateError(f"{path}: cannot be read as a workbook ({err})") from err
    facts = parse_keywords(book.properties.keywords or "")
    book.close()
    if not facts:
        raise CollateError(f"{path}: not a scoring workbook made by roleprint forms (it does "
                           "not say which vacancy and stage it is for)")
    return facts


def filled_from_workbook(path: Path, sheet: Sheet, facts: dict[str, object]) -> Filled:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        name = next((n for n in SHEETS if n in book.sheetnames), None)
        if name is None:
            raise CollateError(f"{path}: has no Scores sheet")
        rows = list(book[name].iter_rows(values_only=True))
    finally:
        book.close()
    filled = Filled(path, facts, path.stem)
    width = len(sheet.rows)
    gate_at = 1 + width if sheet.gate else None
    for line in rows[1:]:
        if not line or not line[0]:
            continue
        code = str(line[0]).strip().upper()
        for index, row in enumerate(sheet.rows, start=1):
            value = line[index] if index < len(line) else None
            if value is None or str(value).strip() == "":
                continue
            text = str(value).strip()
            filled.values[code, row.key] = MET_WORDS.get(text.casefold(), text)
        if gate_at is not None and gate_at < len(line) and line[gate_at] in ("Y", "N", "y", "n"):
            filled.gates[code] = str(line[gate_at]).upper()
    return filled
