"""The import measures: sentences kept, criteria right, duty numbering and grouping kept."""

from __future__ import annotations

import html
import io
import re
import shutil
from pathlib import Path
from typing import Any

from generator.content.yamlload import load_file
from generator.importer.command import run
from tests.importer import importdocs
from tests.support.seedcheck import values, words

SECTIONS = {"accountabilities": "accountabilities", "key_activities": "key_activities",
            "performance_measures": "performance_measures", "responsibilities": "accountabilities"}


def content_copy(folder: Path) -> Path:
    """A content folder with the shipped organisations and shared records but no roles."""
    content = folder / "content"
    for part in ("organisations", "criteria", "frameworks", "scales", "families"):
        shutil.copytree(importdocs.CONTENT / part, content / part)
    (content / "roles").mkdir()
    return content


def import_file(path: Path, organisation: str, content: Path) -> tuple[int, str, dict[str, Any]]:
    out, err = io.StringIO(), io.StringIO()
    status = run([path], organisation, content, out=out, err=err)
    drafts = sorted((content / "roles").glob("*.yaml"))
    data: dict[str, Any] = {}
    if drafts:
        doc, problems = load_file(drafts[-1], str(drafts[-1]))
        assert doc is not None, problems
        data = doc.data
    return status, out.getvalue() + err.getvalue(), data


def sentences(texts: list[str]) -> list[str]:
    """Units of five words or more, split at sentence ends (the seed measure's unit)."""
    units = []
    for text in texts:
        for part in re.split(r"(?<=[.!?;])\s+", text):
            if len(words(part).split()) >= 5:
                units.append(part)
    return units


def references(draft: dict[str, Any]) -> list[str]:
    """What the draft's competency and known-risk references stand for, written out, so that a
    line placed as a reference counts as placed."""
    texts = []
    for need in draft.get("competencies", []):
        framework = importdocs.load(f"frameworks/{need['framework']}")
        name = next((c["name"] for c in framework.get("competencies", [])
                     if c["id"] == need.get("competency")), framework["name"])
        others = [f"{word} level {need[key]}" for key, word in (
            ("entry_level", "entry"), ("exceptional_level", "exceptional")) if key in need]
        texts.append(f"{name} – Level {need['level']}"
                     + (f" ({', '.join(others)})" if others else ""))
    if draft.get("known_risks"):
        form = importdocs.load(f"organisations/{draft['organisation']}")["known_risks_form"]
        questions = {item["id"]: item for item in form["items"]}
        for answer in draft["known_risks"]:
            texts.append(questions[answer["item"]]["text"])
    return texts


def sentence_share(texts: list[str], draft: dict[str, Any]) -> tuple[float, list[str]]:
    haystack = " ".join(words(v) for v in [*values(draft), *references(draft)])
    units = sentences(texts)
    lost = [u for u in units if words(u) not in haystack]
    return 1 - len(lost) / max(len(units), 1), lost


def _pairs(expected: list[importdocs.Crit],
           draft: dict[str, Any]) -> list[tuple[importdocs.Crit, dict[str, Any] | None]]:
    """Each expected criterion with the draft's criterion of the same words (a text the source
    gives twice is matched twice, in order)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for crit in draft.get("person_specification", {}).get("criteria", []):
        found.setdefault(words(crit.get("text", "")), []).append(crit)
    return [(c, (found.get(words(c.text)) or [None]).pop(0)) for c in expected]


def category_share(expected: list[importdocs.Crit], draft: dict[str, Any]) -> float:
    right = sum(bool(got) and got.get("category") == c.category
                for c, got in _pairs(expected, draft))
    return right / max(len(expected), 1)


def criteria_share(expected: list[importdocs.Crit], draft: dict[str, Any]) -> tuple[float, list]:
    wrong = []
    for crit, got in _pairs(expected, draft):
        methods = got.get("assessed_by") if got else None  # a list, or "not stated"
        if (got is None or got.get("requirement") != crit.requirement
                or set(methods if isinstance(methods, list) else ()) != set(crit.methods)):
            wrong.append((crit.text, got))
    return 1 - len(wrong) / max(len(expected), 1), wrong


def _shape(section: dict[str, Any]) -> Any:
    def items(entries: list[Any]) -> list[Any]:
        out = []
        for entry in entries:
            node = entry if isinstance(entry, dict) else {"text": entry}
            out.append((node.get("number"), words(node["text"]), items(node.get("items", []))))
        return out

    groups = [(g["heading"], items(g["items"])) for g in section.get("groups", [])]
    return items(section.get("items", [])), groups


HEADER = ("title", "grade", "hours", "locations", "reports_to", "post_number",
          "job_evaluation_number", "directorate", "service", "team", "contract", "direct_reports")


def header_fields(shipped: dict[str, Any], draft: dict[str, Any]) -> tuple[int, int]:
    """(right, given): the shipped record's header fields the draft has the same."""
    pairs = [(shipped.get(k), draft.get(k)) for k in HEADER if k in shipped]
    if "salary" in shipped:  # the wording, figures, period and qualifiers (GBP is the default)
        pairs.append(({k: v for k, v in shipped["salary"].items() if (k, v) != ("currency", "GBP")},
                      draft.get("salary")))
    for key in ("issued", "reviewed", "next_review"):
        if key in shipped.get("dates", {}):
            pairs.append((shipped["dates"][key], draft.get("dates", {}).get(key)))
    if "dbs" in shipped.get("pre_employment_checks", {}):
        pairs.append((shipped["pre_employment_checks"]["dbs"],
                      draft.get("pre_employment_checks", {}).get("dbs")))
    return sum(a == b for a, b in pairs), len(pairs)


def duties_match(shipped: dict[str, Any], draft: dict[str, Any]) -> dict[str, bool]:
    """For each list section of the shipped record: same numbers, items, sub-items, groups."""
    return {key: key in shipped and SECTIONS[key] in draft
            and _shape(shipped[key]) == _shape(draft[SECTIONS[key]])
            for key in SECTIONS if key in shipped}


def measure(shape: str, record: str, organisation: str, folder: Path,
            data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Make one document (from the shipped record, or `data` made from it), import it, and
    measure the draft against what it was made from."""
    folder.mkdir(parents=True, exist_ok=True)
    path = importdocs.write(shape, record, folder, data)
    shipped = data if data is not None else importdocs.load(record)
    status, output, draft = import_file(path, organisation, content_copy(folder))
    texts = importdocs.plain_texts(importdocs.model(shipped))
    share, lost = sentence_share(texts, draft)
    right, wrong = criteria_share(importdocs.criteria(shipped), draft)
    return {"status": status, "output": output, "draft": draft, "sentences": share,
            "units": len(sentences(texts)),
            "lost": lost, "criteria": right, "criteria_total": len(importdocs.criteria(shipped)),
            "wrong": wrong, "duties": duties_match(shipped, draft),
            "categories": category_share(importdocs.criteria(shipped), draft),
            "header": header_fields(shipped, draft),
            "references": {key: draft.get(key) == shipped[key]
                           for key in ("competencies", "known_risks") if key in shipped}}


def figures(folder: Path) -> str:
    """The table of docs/import.md: every shape over the five seeds."""
    rows = ["| shape | sentences kept | criteria right (E/D and methods) | categories right "
            "| duty lists as shipped | competencies and known risks | header fields |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for shape in importdocs.SHAPES:
        units = lost = right = total = lists = same = refs = refs_same = cats = 0
        fields = fields_right = 0
        for record, organisation in importdocs.SEEDS:
            found = measure(shape, record, organisation, folder / shape / record.split("/")[-1])
            units, lost = units + found["units"], lost + len(found["lost"])
            right += round(found["criteria"] * found["criteria_total"])
            total += found["criteria_total"]
            cats += round(found["categories"] * found["criteria_total"])
            lists, same = lists + len(found["duties"]), same + sum(found["duties"].values())
            refs += len(found["references"])
            refs_same += sum(found["references"].values())
            fields_right, fields = (fields_right + found["header"][0],
                                    fields + found["header"][1])
        rows.append(f"| {shape} | {units - lost}/{units} ({(units - lost) / units:.1%}) | "
                    f"{right}/{total} ({right / total:.1%}) | {cats}/{total} | {same}/{lists} | "
                    f"{refs_same}/{refs} | {fields_right}/{fields} |")
    return "\n".join(rows)



def raw_seeds(folder: Path) -> list[dict[str, Any]]:
    """The five seed texts in content/sources imported as they are (not made from the YAML):
    sentences by the seed-completeness measure, criteria compared with the shipped ones."""
    from tests.support.seedcheck import SEEDS as SOURCES
    from tests.support.seedcheck import seed_fragments

    rows = []
    for (record, organisation), seed in zip(importdocs.SEEDS, sorted(SOURCES.glob("*.txt")),
                                            strict=True):
        status, _, draft = import_file(seed, organisation, content_copy(folder / seed.stem))
        haystack = " ".join(words(v) for v in values(draft))
        units = [f for f in seed_fragments(seed) if len(words(f).split()) >= 5]
        expected = importdocs.criteria(importdocs.load(record))
        pairs = _pairs(expected, draft)
        rows.append({"seed": seed.name, "status": status, "units": len(units),
                     "kept": sum(words(u) in haystack for u in units),
                     "criteria": len(expected), "found": sum(g is not None for _, g in pairs),
                     "requirement": sum(bool(g) and g.get("requirement") == c.requirement
                                        for c, g in pairs),
                     "lists": duties_match(importdocs.load(record), draft),
                     "header": header_fields(importdocs.load(record), draft)})
    return rows


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        print(figures(Path(tmp)))
        for row in raw_seeds(Path(tmp) / "raw"):
            print(row)


def review_shown(draft: Path, page: str) -> list[str]:
    """What only the draft's import review says (its source's name, its points needing an eye)
    that the page shows: nothing, as the review is never published."""
    doc, _ = load_file(draft, draft.name)
    assert doc is not None
    review = doc.data["import_review"]
    said = [review["source"], *(point["item"] for point in review.get("needs_a_look", []))]
    return [words for words in said if words in html.unescape(page)]
