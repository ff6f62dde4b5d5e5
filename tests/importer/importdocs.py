"""Make job descriptions in the shapes employers send, from the shipped content.

Each seed's shipped YAML (which holds its structure: numbering, groups, criteria, methods) is
laid out as a document model, then written as Word (python-docx), PDF (WeasyPrint), text or
Markdown in one of several shapes. The tests import these and compare with the YAML.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.yamlload import load_file
from tests.conftest import CONTENT

# The five seeds as shipped: (record, organisation the import uses).
SEEDS = (("roles/recovery-coordinator-tier-4-lead", "forward-trust"),
         ("roles/recovery-navigator", "second-step"),
         ("roles/supervised-contact-co-ordinator", "darlington-borough-council"),
         ("roles/da-sv-case-coordinator", "first-light"),
         ("families/prison-recovery-worker", "second-step"))
SHAPES = ("word-tables", "word-bold-lists", "word-ed-codes", "word-autonumber", "pdf-lists",
          "pdf-table", "text-tabs", "markdown")
NAMES = {"application": "Application", "interview": "Interview", "test": "Test",
         "certificates": "Certificates", "references": "References",
         "presentation": "Presentation", "written-exercise": "Written exercise"}
CODES = {"application": "A", "interview": "I", "test": "T", "certificates": "C",
         "references": "R", "presentation": "P", "written-exercise": "W"}
LIST_HEADINGS = {"accountabilities": "Accountabilities", "key_activities": "Key activities",
                 "performance_measures": "Performance measures",
                 "responsibilities": "Key responsibilities"}


@dataclass(frozen=True)
class Crit:
    category: str
    text: str
    requirement: str
    methods: tuple[str, ...]


def load(record: str) -> dict[str, Any]:
    doc, problems = load_file(CONTENT / f"{record}.yaml", record)
    assert doc is not None, problems
    return doc.data


def criteria(data: dict[str, Any]) -> list[Crit]:
    """The record's criteria as a reader sees them, shared ones written out."""
    spec = data.get("person_specification", {})
    default = spec.get("assessed_by", [])
    out = []
    for entry in spec.get("criteria", data.get("criteria", [])):
        shared = load(f"criteria/{entry['use']}") if "use" in entry else {}
        merged = {**shared, **entry}
        methods = merged.get("assessed_by") or default
        # "not stated" (the prison recovery worker article gives none): the document names none
        out.append(Crit(merged.get("category", "Other"), merged["text"], merged["requirement"],
                        tuple(methods) if isinstance(methods, list) else ()))
    return out


def _date(value: str) -> str:
    months = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
    year, month = value.split("-")[:2]
    return f"{months[int(month) - 1]} {year}"


def header(data: dict[str, Any]) -> list[tuple[str, str]]:
    fields = []
    for key, label in (("grade", "Grade"), ("directorate", "Directorate"),
                       ("service", "Service"), ("team", "Team"), ("hours", "Hours"),
                       ("contract", "Contract"), ("post_number", "Post No."),
                       ("job_evaluation_number", "Job evaluation no."),
                       ("direct_reports", "Direct reports")):
        if key in data:
            fields.append((label, str(data[key])))
    if "salary" in data:
        fields.append(("Salary", data["salary"]["text"]))
    if "locations" in data:
        fields.append(("Location", "; ".join(data["locations"])))
    if "reports_to" in data:
        fields.append(("Reports to", " or ".join(data["reports_to"])))
    for key, label in (("issued", "Date"), ("reviewed", "Last reviewed"),
                       ("next_review", "Next review")):
        if key in data.get("dates", {}):
            fields.append((label, _date(data["dates"][key])))
    dbs = data.get("pre_employment_checks", {}).get("dbs")
    if dbs:
        fields.append(("DBS", data.get("dbs_as_worded", dbs.replace("-", " ").capitalize())))
    return fields


def model(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The document as ("h", level, text), ("p", text), ("li", depth, number, text) and
    ("label", label, value) parts, with ("spec", criteria) where the person specification goes."""
    parts: list[tuple[Any, ...]] = [("h", 1, data["title"])]
    parts += [("label", label, value) for label, value in header(data)]
    for key, heading in (("introduction", "Introduction"), ("context", "Job context"),
                         ("summary", "Job purpose"), ("purpose", "Job purpose"),
                         ("description", "Role overview")):
        if key in data:
            parts.append(("h", 2, heading))
            parts += [("p", " ".join(p.split())) for p in data[key].split("\n\n") if p.strip()]
    for key, default in LIST_HEADINGS.items():
        section = data.get(key)
        if not section:
            continue
        parts.append(("h", 2, section.get("title", default)))
        if "intro" in section:
            parts.append(("p", section["intro"]))
        parts += _items(section.get("items", []), 0)
        for group in section.get("groups", []):
            parts.append(("h", 3, group["heading"]))
            parts += _items(group["items"], 0)
        if "outro" in section:
            parts.append(("p", section["outro"]))
    parts += _competencies(data) + _known_risks(data)
    if "person_specification" in data or "criteria" in data:
        parts.append(("h", 2, "Person specification"))
        intro = data.get("person_specification", {}).get("introduction")
        if intro:
            parts.append(("p", " ".join(intro.split())))
        parts.append(("spec", criteria(data)))
    return parts


def _competencies(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """ "Client Focus – Level 3", or "PDR competency framework – Level 1" for a whole framework."""
    if not data.get("competencies"):
        return []
    parts: list[tuple[Any, ...]] = [("h", 2, "Competencies")]
    for need in data["competencies"]:
        framework = load(f"frameworks/{need['framework']}")
        if "competency" in need:
            name = next(c["name"] for c in framework["competencies"]
                        if c["id"] == need["competency"])
        else:
            name = framework["name"]
        others = [f"{word} level {need[key]}" for key, word in (
            ("entry_level", "entry"), ("exceptional_level", "exceptional")) if key in need]
        extra = f" ({', '.join(others)})" if others else ""
        parts.append(("li", 0, None, f"{name} – Level {need['level']}{extra}"))
    return parts


def _known_risks(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The known-risks answers as "A) Is likely to be exposed to asbestos: NO"."""
    if not data.get("known_risks"):
        return []
    form = load(f"organisations/{data['organisation']}")["known_risks_form"]
    questions = {item["id"]: item for item in form["items"]}
    parts: list[tuple[Any, ...]] = [("h", 2, "Known risks")]
    for answer in data["known_risks"]:
        item = questions[answer["item"]]
        value = answer.get("answer") or answer.get("details")
        parts.append(("label", f"{item.get('letter', '')}) {item['text']}", value))
    return parts


def _items(items: list[Any], depth: int) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for item in items:
        node = item if isinstance(item, dict) else {"text": item}
        out.append(("li", depth, node.get("number"), node["text"]))
        out += _items(node.get("items", []), depth + 1)
    return out


def by_category(crits: list[Crit]) -> list[tuple[str, list[Crit]]]:
    groups: dict[str, list[Crit]] = {}
    for crit in crits:
        groups.setdefault(crit.category, []).append(crit)
    return list(groups.items())


def methods_text(crit: Crit, words: bool, joiner: str = "/") -> str:
    table = NAMES if words else CODES
    return joiner.join(table[m] for m in crit.methods)


def methods_after(crit: Crit, words: bool) -> str:
    """" (Application, Interview)" after a criterion's text; nothing where it names none."""
    return f" ({methods_text(crit, words, joiner=', ')})" if crit.methods else ""


def plain_texts(parts: list[tuple[Any, ...]]) -> list[str]:
    """Every piece of text a reader of the document sees, for the sentence measure."""
    texts: list[str] = []
    for part in parts:
        if part[0] == "spec":
            texts += [c.text for c in part[1]]
        elif part[0] == "label":  # the label becomes the field's name: only the value counts
            texts.append(part[2])
        else:
            texts.append(str(part[-1]))
    return texts


def write(shape: str, record: str, folder: Path, data: dict[str, Any] | None = None,
          stem: str | None = None) -> Path:
    """Write one seed (or `data` made from it) in one shape; the file name says which."""
    from tests.importer import importwriters

    parts = model(data if data is not None else load(record))
    stem = stem or f"{record.split('/')[-1]}-{shape}"
    return importwriters.WRITERS[shape](parts, folder / stem, html.escape)
