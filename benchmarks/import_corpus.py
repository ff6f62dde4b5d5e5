"""`roleprint import` measured on the corpus of real job descriptions (tests/importer/corpus): each
document, and each Word or PDF version made from it, is imported into a fresh content folder and
the draft is scored against the document's answer key, written from the source.

    python -m benchmarks.import_corpus [--json FILE] [--docs]

--docs rewrites the tables in docs/import.md ("Measured on real documents"). What is scored:

- title right: the draft's title has the key's words (documents whose text names no post are
  not counted);
- criteria found: a key criterion is found when one criterion of the draft has its words in
  order, with at most four words more (an E/D mark or a method code left in);
- essential/desirable right and methods right, among the criteria found, where the key can say
  (a key's "unclear" is left out);
- not criteria: criteria of the draft that are none of the key's (a lump of several, half of
  one, a heading, a note, a scoring key);
- header values: the key's values read into the right field; and values the draft gives with
  confidence "high" that are wrong (the key has another value for that field) or that the key
  does not have for that field at all.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.importer import corpusdocs
from tests.importer.corpusdocs import occurs, tokens

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "import.md"
START, END = "<!-- corpus-measure:start -->", "<!-- corpus-measure:end -->"
ORGANISATION = "second-step"
DRAFT_FIELDS = {"grade": "grade", "hours": "hours", "post_number": "post_number",
                "directorate": "directorate", "service": "service", "team": "team",
                "contract": "contract", "direct_reports": "direct_reports",
                "locations": "location", "reports_to": "reports_to", "salary": "salary"}
FORMATS = {".txt": "text", ".docx": "Word", ".pdf": "PDF"}


def import_one(path: Path, folder: Path) -> tuple[dict[str, Any], dict[str, Any], str]:
    """The draft and the report entry for one file, or ({}, {}, the error)."""
    from generator.content.yamlload import load_file
    from generator.importer.command import run
    from tests.importer.importmeasure import content_copy

    content = content_copy(folder)
    report = folder / "report.json"
    try:
        run([path], ORGANISATION, content, report=report, out=io.StringIO(), err=io.StringIO())
    except Exception:  # a traceback is a result to report, not the end of the measure
        return {}, {}, traceback.format_exc(limit=1).strip().splitlines()[-1]
    entry = json.loads(report.read_text(encoding="utf-8"))[0]
    drafts = sorted((content / "roles").glob("*.yaml"))
    if not drafts:
        return {}, entry, entry.get("reason", "no draft written")
    doc, _ = load_file(drafts[0], str(drafts[0]))
    return (doc.data if doc is not None else {}), entry, ""


def _same(a: str, b: str) -> bool:
    return bool(tokens(a)) and tokens(a) == tokens(b)


def pair_criteria(key: list[dict[str, Any]], draft: list[dict[str, Any]]
                  ) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], int]:
    """Each key criterion with the draft criterion that holds it, and how many of the draft's
    criteria hold none."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for crit in key:
        want = tokens(crit["text"])
        match = next((i for i, got in enumerate(draft) if i not in used
                      and len(tokens(str(got.get("text", "")))) <= len(want) + 4
                      and occurs(want, tokens(str(got.get("text", ""))), 0)), None)
        if match is not None:
            used.add(match)
        pairs.append((crit, draft[match] if match is not None else None))
    return pairs, len(draft) - len(used)


def _methods_right(crit: dict[str, Any], got: dict[str, Any]) -> bool:
    have = got.get("assessed_by", "not stated")
    if crit["methods"] == "not stated":
        return have in ("not stated", None, [])
    return isinstance(have, list) and set(have) == set(crit["methods"])


def _draft_values(draft: dict[str, Any], name: str) -> list[str]:
    value = draft.get(name)
    if name == "salary":
        return [str(value.get("text", ""))] if isinstance(value, dict) else []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)] if value not in (None, "") else []


def _names(field: str) -> tuple[str, ...]:
    """The draft's fields a key's field may be read into ("department" is any of three)."""
    if field == "department":
        return ("directorate", "service", "team")
    return tuple(n for n, f in DRAFT_FIELDS.items() if f == field)


def score_header(key: dict[str, Any], draft: dict[str, Any], entry: dict[str, Any]
                 ) -> dict[str, int]:
    items = [i for i in key.get("header") or [] if i["field"] != "other"]
    keyed: dict[str, list[str]] = {}
    for item in items:
        for name in _names(item["field"]):
            keyed.setdefault(name, []).append(str(item["value"]))
    result = {"keyed": len(items), "high_wrong": 0, "high_not_in_key": 0,
              "right": sum(any(_same(v, str(item["value"])) for name in _names(item["field"])
                               for v in _draft_values(draft, name)) for item in items)}
    confidence = {f.get("field"): f.get("confidence") for f in entry.get("fields", [])}
    if draft.get("title") and confidence.get("title") == "high":  # the title is a header value
        title = key.get("title")
        if title is None:
            result["high_not_in_key"] += 1
        elif not _same(str(draft["title"]), title):
            result["high_wrong"] += 1
    for name in DRAFT_FIELDS:
        values, wanted = _draft_values(draft, name), keyed.get(name, [])
        if not values or confidence.get(name) != "high":
            continue
        if not wanted:
            result["high_not_in_key"] += 1
        elif not (all(any(_same(v, w) for w in wanted) for v in values)
                  or _same("; ".join(values), "; ".join(wanted))):
            result["high_wrong"] += 1
    return result


def score(doc: corpusdocs.Document, draft: dict[str, Any], entry: dict[str, Any]
          ) -> dict[str, Any]:
    key = doc.key
    crits = key.get("criteria") or []
    pairs, extra = pair_criteria(crits, draft.get("person_specification", {}).get("criteria", []))
    found = [(c, g) for c, g in pairs if g is not None]
    ed = [(c, g) for c, g in found if c["requirement"] != "unclear"]
    methods = [(c, g) for c, g in found if c["methods"] != "unclear"]
    title = key.get("title")
    return {
        "title": None if title is None else _same(str(draft.get("title", "")), title),
        "draft_title": draft.get("title"),
        "criteria": len(crits), "found": len(found),
        "ed_compared": len(ed),
        "ed_right": sum(g.get("requirement") == c["requirement"] for c, g in ed),
        "methods_compared": len(methods),
        "methods_right": sum(_methods_right(c, g) for c, g in methods),
        "not_criteria": extra,
        "draft_criteria": len(draft.get("person_specification", {}).get("criteria", [])),
        **score_header(key, draft, entry),
    }


def measure_all() -> list[dict[str, Any]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for number, doc in enumerate(corpusdocs.documents()):
            for version, path in enumerate(doc.versions()):
                folder = Path(tmp) / f"{number}-{version}"
                folder.mkdir()
                draft, entry, error = import_one(path, folder)
                row = {"document": doc.id, "file": path.name,
                       "format": FORMATS[path.suffix], "status": entry.get("status"),
                       "error": error, **score(doc, draft, entry)}
                rows.append(row)
                print(f"{path.name}: {row['status'] or row['error']}", file=sys.stderr)
    return rows


def _share(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.0%})" if total else "–"


def totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    keys = ("criteria", "found", "ed_compared", "ed_right", "methods_compared", "methods_right",
            "not_criteria", "draft_criteria", "keyed", "right", "high_wrong", "high_not_in_key")
    out = {k: sum(r[k] for r in rows) for k in keys}
    out["titles"] = sum(r["title"] is not None for r in rows)
    out["titles_right"] = sum(bool(r["title"]) for r in rows)
    out["files"], out["errors"] = len(rows), sum(bool(r["error"]) for r in rows)
    return out


def summary_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| files | titles right | criteria found as criteria | essential/desirable right "
             "(of found) | methods right (of found) | not criteria made criteria "
             "| header values read right | high-confidence header values wrong "
             "| high-confidence values the key does not have there |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in ("text", "Word", "PDF", "all"):
        part = rows if name == "all" else [r for r in rows if r["format"] == name]
        t = totals(part)
        lines.append(
            f"| {name} ({t['files']}) | {_share(t['titles_right'], t['titles'])} "
            f"| {_share(t['found'], t['criteria'])} | {_share(t['ed_right'], t['ed_compared'])} "
            f"| {_share(t['methods_right'], t['methods_compared'])} "
            f"| {_share(t['not_criteria'], t['draft_criteria'])} "
            f"| {_share(t['right'], t['keyed'])} | {t['high_wrong']} | {t['high_not_in_key']} |")
    return "\n".join(lines)


def document_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| file | title | criteria found | E/D right | methods right | not criteria "
             "| header right | high-conf. wrong / not in key |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        title = {None: "(none stated)", True: "right"}.get(
            r["title"], f"wrong: “{r['draft_title']}”")
        if r["error"]:
            title = f"no draft: {r['error']}"
        title = re.sub(r"\s+", " ", title).replace("|", "/")
        title = title if len(title) <= 90 else title[:88] + "…”"
        lines.append(f"| {r['file']} | {title} | {r['found']}/{r['criteria']} "
                     f"| {r['ed_right']}/{r['ed_compared']} "
                     f"| {r['methods_right']}/{r['methods_compared']} | {r['not_criteria']} "
                     f"| {r['right']}/{r['keyed']} | {r['high_wrong']} / {r['high_not_in_key']} |")
    return "\n".join(lines)


def write_docs(rows: list[dict[str, Any]]) -> None:
    text = DOCS.read_text(encoding="utf-8")
    block = (f"{START}\n\n{summary_table(rows)}\n\nPer file:\n\n{document_table(rows)}\n\n{END}")
    start, end = text.index(START), text.index(END) + len(END)
    DOCS.write_text(text[:start] + block + text[end:], encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write every row as JSON")
    parser.add_argument("--docs", action="store_true",
                        help="rewrite the tables in docs/import.md")
    args = parser.parse_args(argv)
    rows = measure_all()
    print(summary_table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    if args.docs:
        write_docs(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
