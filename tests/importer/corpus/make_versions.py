"""Make Word and PDF versions of some corpus documents, laid out the way employers lay theirs out.

The corpus documents are text, as their public sources hold them. An employer's own file would
be a Word document or a PDF made from one, so for the documents in LAYOUTS this script lays the
same words out again: the header fields as label cells beside value cells, headings in bold or
in Word's heading styles, numbered, lettered and bulleted lists, the person specification as a
table (ticks under Essential and Desirable, an E/D column, or Essential and Desirable columns
holding the criteria, with a "How identified" column of codes), a page header and a
"Page X of Y" footer, two-column pages, and in a few Word files tracked changes and comments.
Nothing is reworded: every line of the text is in the version, in a cell, a list item, a
comment or a tracked deletion (see tests/importer/corpus/README.md for what each layout moves
where).

Run from the repository root: .venv/bin/python -m tests.importer.corpus.make_versions
The output is the same bytes each time (fixed zip dates and PDF metadata).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from tests.importer import corpusdocs

CODES = {"application": "A", "interview": "I", "test": "T", "written-exercise": "W",
         "presentation": "P", "references": "R", "certificates": "C", "assessment": "AS"}
BULLET = re.compile(r"^\s*(?:[•\-*§?·o]|\uf0b7)\s+")
NUMBER = re.compile(r"^\s*(\d+(?:\.\d+)*[.)]?)\s+")
LETTER = re.compile(r"^\s*([a-z]\))\s*")
DATE = "2024-01-15T09:00:00Z"


@dataclass(frozen=True)
class Layout:
    """How one document is laid out. spec: "ticks" (✓ under Essential or Desirable), "ed"
    (an E/D column) or "columns" (Essential and Desirable columns holding the criteria)."""

    spec: str | None = None
    headings: str = "bold"  # or "styles"
    pdf: bool = False
    word: bool = True
    two_columns: bool = False
    tracked: tuple[str, ...] = ()  # lines of the text to show as tracked insertions
    deleted: tuple[str, ...] = ()  # lines the text repeats, shown as tracked deletions
    comments: tuple[str, ...] = ()  # lines of the text moved into comments
    autonumber: bool = False  # "1." to "10." made by Word's own numbering, not typed


LAYOUTS: dict[str, Layout] = {
    "police-staff-investigator": Layout("ticks", pdf=True,
                                        tracked=("Post No: / KC122 / Status: / Established / "
                                                 "Version Date: / 02/06/16",)),
    "support-worker-level-2": Layout("ticks", "styles", pdf=True),
    "ncha-care-assistant": Layout("ticks", "styles"),
    "2schools-scitt-person-spec": Layout("ed", comments=(
        "Note: Items marked (E) are essential while those marked (D) are desirable.",)),
    "university-operations-administrator": Layout("ed", pdf=True),
    "clapham-patching-lsa-hlta": Layout("ticks", pdf=True, two_columns=True),
    "merton-parish-councillor": Layout("columns", "styles", pdf=True),
    "neston-town-council-co-option": Layout("columns"),
    "sunderland-role-profile": Layout("columns", pdf=True, two_columns=True),
    "pcas-care-worker": Layout("ticks"),
    "harrow-accommodation-officer": Layout(None, pdf=True),
    "wyp-pcso": Layout(None, "styles"),
    "st-dominics-classroom-assistant-sen": Layout(None, pdf=True),
    "live-in-care-worker": Layout(None, "styles", pdf=True, two_columns=True),
    "university-research-student-administrator": Layout(None, "styles"),
    "ayrshire-hospice-senior-lottery-officer": Layout(None, comments=(
        "Informal Enquiries to: Ron Swanson, 01292 288488",)),
    "freemasons-donations-administrator": Layout(None, deleted=(
        "JOB DESCRIPTION - Donations Administrator",) * 2),
    "spring-cottages-domiciliary-care-assistant": Layout(None, pdf=True, autonumber=True),
    "nhs-cyp-physiotherapy-assistant": Layout("ticks", "styles", pdf=True),
}


@dataclass
class Parts:
    """A document cut into what each layout places: header pairs, body lines, criteria."""

    title: str
    header: list[tuple[str, str]] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    criteria: list[dict[str, Any]] = field(default_factory=list)


MARKS = {"e", "d", "x", "essential", "desirable"}


def covered(line: str, phrases: list[list[str]]) -> bool:
    """Whether the line is made only of pieces of the phrases (criteria, categories, header
    labels and values), E/D marks and numbers: what a table of them would hold."""
    toks, at = corpusdocs.tokens(line), 0
    while at < len(toks):
        if toks[at] in MARKS or toks[at].isdigit() or re.fullmatch(r"[a-z]", toks[at]):
            at += 1
            continue
        longest = 0
        for phrase in phrases:
            for start in (i for i, w in enumerate(phrase) if w == toks[at]):
                length = 0
                while (at + length < len(toks) and start + length < len(phrase)
                       and phrase[start + length] == toks[at + length]):
                    length += 1
                longest = max(longest, length)
        if longest == 0:
            return False
        at += longest
    return bool(toks)


def parts(doc: corpusdocs.Document) -> Parts:
    key, lines = doc.key, doc.text.splitlines()
    top = next(i for i, line in enumerate(lines) if line.strip())
    found = Parts(lines[top].strip())  # the first line is the version's heading
    header = [e for e in key.get("header") or [] if e.get("label")]
    found.header = [(e["label"], e["value"]) for e in header]
    found.criteria = list(key.get("criteria") or [])
    labels = [corpusdocs.tokens(f"{e['label']} {e['value']}") for e in header]
    phrases = [corpusdocs.tokens(c["text"]) for c in found.criteria]
    phrases += [corpusdocs.tokens(str(c.get("category", ""))) for c in found.criteria]
    categories = phrases[len(found.criteria):]
    region = [i for i, line in enumerate(lines)
              if covered(line, phrases) and not covered(line, categories)]
    first, last = (region[0], region[-1]) if region else (len(lines), len(lines) - 1)
    while first - 1 > top and region and (
            not lines[first - 1].strip() or covered(lines[first - 1], categories)):
        first -= 1  # the first category's heading goes into the table with its criteria
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or i == top:
            continue
        if header and covered(text, labels):
            continue  # the pairs are in the header table
        if first <= i <= last and covered(line, phrases):
            continue  # the criteria are in the person specification table
        (found.before if i < first else found.after).append(text)
    return found


def version_parts(doc: corpusdocs.Document, layout: Layout) -> Parts:
    found = parts(doc)
    for text in layout.deleted:  # the repeats shown as tracked deletions are not also kept
        found.before.remove(text)
    return found


def word_bytes(found: Parts, layout: Layout) -> bytes:
    from tests.importer.corpus import versions_word

    return _deterministic_zip(versions_word.build(found, layout))


def _kind(text: str) -> str:
    if BULLET.match(text):
        return "bullet"
    if LETTER.match(text):
        return "letter"
    if NUMBER.match(text):
        return "number"
    words = text.split()
    if len(words) <= 8 and not text.endswith((".", ";", ",")) and (
            text.isupper() or text.endswith(":") or text.istitle()):
        return "heading"
    return "text"


def _groups(criteria: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: list[tuple[str, list[dict[str, Any]]]] = []
    for crit in criteria:
        category = crit.get("category") or ""
        if not groups or groups[-1][0] != category:
            groups.append((category, []))
        groups[-1][1].append(crit)
    return groups


def _methods(crit: dict[str, Any]) -> str:
    methods = crit.get("methods")
    return "/".join(CODES[m] for m in methods) if isinstance(methods, list) else ""


def spec_rows(spec: str, criteria: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """The person specification table: its header row and rows ("" in the first cell and the
    category in the second marks a category row)."""
    rows: list[list[str]] = []
    if spec == "columns":
        for category, crits in _groups(criteria):
            cells = ["\n".join(c["text"] for c in crits if c["requirement"] == want)
                     for want in ("essential", "desirable")]
            rows.append([category, *cells])
        return ["Criteria", "Essential", "Desirable"], rows
    for category, crits in _groups(criteria):
        if category:
            rows.append(["", category])
        for crit in crits:
            req = crit["requirement"]
            if spec == "ticks":
                rows.append([crit["text"], "✓" if req == "essential" else "",
                             "✓" if req == "desirable" else "", _methods(crit)])
            else:
                rows.append([crit["text"], {"essential": "E", "desirable": "D"}.get(req, "")])
    if spec == "ticks":
        return ["Criteria", "Essential", "Desirable", "How identified"], rows
    return ["Criteria", "E/D"], rows


def _deterministic_zip(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(
            out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in sorted(src.infolist(), key=lambda i: i.filename):
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 15, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(info.filename)
            if info.filename.endswith(".xml"):  # python-docx dates a comment with the clock
                data = re.sub(rb'w:date="[^"]*"', f'w:date="{DATE}"'.encode(), data)
            dst.writestr(fixed, data)
    return out.getvalue()


def write_all(folder: Path = corpusdocs.GENERATED) -> list[Path]:
    from tests.importer.corpus import versions_pdf

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    docs = {doc.id: doc for doc in corpusdocs.documents()}
    for doc_id, layout in LAYOUTS.items():
        found = version_parts(docs[doc_id], layout)
        if layout.word:
            path = folder / f"{doc_id}.docx"
            path.write_bytes(word_bytes(found, layout))
            written.append(path)
        if layout.pdf:
            path = folder / f"{doc_id}.pdf"
            path.write_bytes(versions_pdf.build(found, layout))
            written.append(path)
    return written


def html_text(text: str) -> str:
    return escape(text).replace("\n", "<br>")


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else corpusdocs.GENERATED):
        print(path)
