"""A filled scoring sheet's PDF read with pypdf: its identity and its fields' values.

Field names are those of `roleprint forms` (generator/forms): on the shortlisting sheet
`score-c2-E1` and `met-c2-E1` (candidate C2, criterion E1) and `gate-c2`; on an interview sheet
`score-E1`, `met-E1` and `gate`, the candidate in `candidate-code`, and with a question plan
`score--interview--Q2--E1` (each box ending in the row it scores: they are added up).
"""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from generator.collate.filled import CollateError, Filled
from generator.collate.identity import META_NAME
from generator.forms.sheets import Sheet

PDF_KEY = "/" + META_NAME.replace("-", "")  # WeasyPrint leaves the hyphen out of the key


def _text(value: object) -> str:
    return str(value).lstrip("/").strip() if value is not None else ""


def read_pdf(path: Path) -> tuple[dict[str, object], dict[str, str]]:
    """(identity, field name -> value typed) of a filled sheet."""
    try:
        reader = PdfReader(path)
        info = reader.metadata
        raw = info.get(PDF_KEY) if info is not None else None
        fields = reader.get_fields() or {}
    except (PdfReadError, OSError, ValueError) as err:
        raise CollateError(f"{path}: cannot be read as a PDF ({err})") from err
    if not raw:
        raise CollateError(f"{path}: not a scoring sheet made by roleprint forms (it does not "
                           "say which vacancy and stage it is for)")
    facts = json.loads(str(raw))
    return facts, {name: _text(f.get("/V")) for name, f in fields.items()}


def filled_from_pdf(path: Path, sheet: Sheet, facts: dict[str, object],
                    fields: dict[str, str]) -> Filled:
    """The member's values on `sheet`'s rows."""
    member = (str(facts.get("name") or "") or fields.get("panel-member-name", "")
              or (f"Panel member {facts['member']}" if facts.get("member") else path.stem))
    filled = Filled(path, facts, member)
    if facts.get("stage") == "shortlisting":
        for code in sheet.candidates:
            c = code.lower()
            for row in sheet.rows:
                value = fields.get(f"score-{c}-{row.key}") or fields.get(f"met-{c}-{row.key}")
                if value:
                    filled.values[code, row.key] = value
            if fields.get(f"gate-{c}"):
                filled.gates[code] = fields[f"gate-{c}"]
        return filled
    code = (fields.get("candidate-code") or str(facts.get("candidate") or "")).strip().upper()
    if not code:
        raise CollateError(f"{path}: the candidate code is blank: write it (C1, C2 …) on the "
                           "sheet")
    for row in sheet.rows:
        value = fields.get(f"score-{row.key}") or fields.get(f"met-{row.key}")
        if not value:
            value = _planned(fields, row.key)
        if value:
            filled.values[code, row.key] = value
    if fields.get("gate"):
        filled.gates[code] = fields["gate"]
    return filled


def _planned(fields: dict[str, str], key: str) -> str:
    """A row's boxes on a sheet with a question plan: the scores added up, or the ✓ / ✗."""
    scores = [v for n, v in fields.items()
              if n.startswith("score--") and n.endswith("--" + key) and v]
    if scores:
        try:
            return str(sum(int(v) for v in scores))
        except ValueError:
            return scores[0]
    marks = [v for n, v in fields.items()
             if n.startswith("met--") and n.endswith("--" + key) and v]
    return "not-met" if "not-met" in marks else (marks[0] if marks else "")
