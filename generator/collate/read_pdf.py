"""A filled scoring sheet's PDF read with pypdf: its identity and its fields' values.

Field names are those of `roleprint forms` (generator/forms): on the shortlisting sheet
`score-c2-E1` and `met-c2-E1` (candidate C2, criterion E1) and `gate-c2`; on an interview sheet
`score-E1`, `met-E1` and `gate`, the candidate in `candidate-code`, and with a question plan
`score--interview--Q2--E1` (each box ending in the row it scores: they are added up).
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import read_hex_string_from_stream, read_string_from_stream

from generator.collate.filled import CollateError, Filled
from generator.scoring.identity import META_NAME
from generator.scoring.sheets import Sheet

PDF_KEY = "/" + META_NAME.replace("-", "")  # WeasyPrint leaves the hyphen out of the key
_IDENTITY = re.compile(re.escape(PDF_KEY.encode()) + rb"(?=\s*[(<])")


def _text(value: object) -> str:
    return str(value).lstrip("/").strip() if value is not None else ""


def read_pdf(path: Path) -> tuple[dict[str, object], dict[str, str]]:
    """(identity, field name -> value typed) of a filled sheet."""
    try:
        data = path.read_bytes()
        quick = quick_fields(data)
        ours = list(_IDENTITY.finditer(data)) if quick is not None else []
        if ours:  # the last one, as in an incrementally updated file
            raw: object = _value(data, ours[-1].end())
            fields = quick or {}
        else:
            reader = PdfReader(io.BytesIO(data))
            info = reader.metadata
            raw = info.get(PDF_KEY) if info is not None else None
            fields = _fields(reader)
    except (PdfReadError, OSError, ValueError, KeyError) as err:
        raise CollateError(f"{path}: cannot be read as a PDF ({err})") from err
    if not raw:
        raise CollateError(f"{path}: not a scoring sheet made by roleprint forms (it does not "
                           "say which vacancy and stage it is for)")
    return json.loads(str(raw)), fields


_KEY_T = re.compile(rb"/T(?=\s*[(<])")
_KEY_V = re.compile(rb"/V(?=\s*[(</])")


def _value(head: bytes, end: int) -> str:
    """The string or name after the key that ends at `end` (pypdf reads the string)."""
    rest = head[end:end + 4096].lstrip()
    simple = _SIMPLE.match(rest)
    if simple:  # the usual name or score: plain letters and octal escapes ("score\\055E1")
        raw = _OCTAL.sub(lambda o: bytes([int(o.group(1), 8) & 0xFF]), simple.group(1))
        if raw.startswith(b"\xfe\xff"):
            return _text(raw[2:].decode("utf-16-be", errors="replace"))
        if raw.isascii():
            return _text(raw.decode("ascii"))
    if rest[:1] == b"(":  # pypdf's readers start at the opening bracket
        return _text(read_string_from_stream(io.BytesIO(rest)))
    if rest[:1] == b"<":
        return _text(read_hex_string_from_stream(io.BytesIO(rest)))
    name = _NAME.match(rest)
    return _text(name.group().decode("latin-1")) if name else ""


_SIMPLE = re.compile(rb"\(((?:[^()\\]|\\[0-7]{3})*)\)")
_OCTAL = re.compile(rb"\\([0-7]{3})")
_OPT = re.compile(rb"/Opt\s*\[([^\]]*)\]")
_NAME = re.compile(rb"/[^\s/<>\[\]()]*")


def quick_fields(data: bytes) -> dict[str, str] | None:
    """The fields' names and values read straight from the file's objects, as pypdf writes a
    filled form (ten times quicker than parsing each field); None where that cannot be done
    safely (objects packed in streams, or a key that may be inside a string): then pypdf
    reads the form itself. Later objects win, as in an incrementally updated file."""
    if b"/ObjStm" in data:
        return None
    found: dict[str, str] = {}
    for chunk in data.split(b"endobj"):
        head = chunk.split(b"stream", 1)[0]
        names = list(_KEY_T.finditer(head))
        if not names or b"/FT" not in head:
            continue
        values = list(_KEY_V.finditer(head))
        if len(names) > 1 or len(values) > 1:
            return None
        name = _value(head, names[0].end())
        value = _value(head, values[0].end()) if values else ""
        opts = _OPT.search(head)
        found[name] = _chosen(value, _strings(opts.group(1)) if opts else [])
    return found


def _strings(raw: bytes) -> list[str]:
    """The strings of an array's inside: "(met) (not\\055met)" -> ["met", "not-met"]."""
    found = []
    stream = io.BytesIO(raw.strip())
    while (first := stream.read(1)) in (b"(", b"<"):
        stream.seek(-1, io.SEEK_CUR)
        read = read_string_from_stream if first == b"(" else read_hex_string_from_stream
        found.append(_text(read(stream)))
        while (space := stream.read(1)).isspace():
            pass
        if space:
            stream.seek(-1, io.SEEK_CUR)
    return found


def _chosen(value: str, options: Sequence[object]) -> str:
    """A radio group's value is the number of the button ticked ("/0"): the button's own
    value ("met", "not-met") is that item of the group's /Opt list."""
    if value == "Off":  # no button ticked
        return ""
    if value.isdigit() and int(value) < len(options):
        chosen = options[int(value)]
        return (chosen.decode("latin-1") if isinstance(chosen, bytes) else str(chosen)).strip()
    return value


def _fields(reader: PdfReader) -> dict[str, str]:
    """Each field's (fully qualified) name and value, as pypdf reads the form."""
    return {name: _chosen(_text(f.get("/V")), f.get("/Opt") or [])
            for name, f in (reader.get_fields() or {}).items()}


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
    code = f"C{code}" if code.isdigit() else code  # "3" written for C3
    if not code:
        raise CollateError(f"{path}: the candidate code is blank: write it (C1, C2 …) on the "
                           "sheet")
    for row in sheet.rows:
        value = fields.get(f"score-{row.key}") or fields.get(f"met-{row.key}")
        if not value:
            value, boxes = _planned(fields, row.key, f"{path}: candidate {code}, {row.label}",
                                    sheet)
            if boxes > 1:
                filled.boxes[row.key] = boxes
        if value:
            filled.values[code, row.key] = value
    if fields.get("gate"):
        filled.gates[code] = fields["gate"]
    return filled


def _planned(fields: dict[str, str], key: str, where: str, sheet: Sheet) -> tuple[str, int]:
    """A row's boxes on a sheet with a question plan (one a set question, in each method's
    section): (their scores added up, or the ✓ / ✗; how many boxes). Each box must hold a
    score on the scale; a row any box of which is blank is blank."""
    boxes = [v for n, v in fields.items() if n.startswith("score--") and n.endswith("--" + key)]
    if boxes:
        scale = sheet.scale
        for box in filter(None, boxes):
            if not (box.isdigit() and scale.min <= int(box) <= scale.max):
                raise CollateError(f"{where}: '{box}' is not a score from {scale.min} to "
                                   f"{scale.max}")
        if not all(boxes):
            return "", len(boxes)
        return str(sum(int(v) for v in boxes)), len(boxes)
    marks = [v for n, v in fields.items()
             if n.startswith("met--") and n.endswith("--" + key) and v]
    return ("not-met" if "not-met" in marks else (marks[0] if marks else "")), 1
