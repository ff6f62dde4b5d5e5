"""Where a problem is, as the editor's form shows it: a record by its title, a field by its label.

A problem found by `roleprint validate` names its place as a file and a JSON path
(`$.person_specification.criteria[1].assessed_by[0]`). The editor names the same place as the
officer sees it: the record's title, and the labels of the form's fields (the configuration's
own, made from the schemas' titles), a list's item by its number or name ("Criterion E2,
Assessed by"). The steps along the way are given too, so that the page can find the field in
Decap's form and show the message under it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from generator.content.discover import KINDS, SINGLE_FILES
from generator.content.yamlload import load_file
from generator.editor.config import collection
from generator.editor.schemas import FOLDERS

_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[(\"(?:[^\"\\]|\\.)*\")\]")
# What names a list's item, in order, where the item has it.
_NAMES = ("id", "term", "name", "heading", "title", "question", "competency", "framework")


def parts(path: str) -> list[str | int]:
    """`$.a.b[1]["c d"]` as ["a", "b", 1, "c d"]."""
    out: list[str | int] = []
    for key, index, quoted in _PART.findall(path.removeprefix("$")):
        out.append(int(index) if index else json.loads(quoted) if quoted else key)
    return out


@dataclass
class Place:
    """A problem's record and field, in the form's words."""

    kind: str = ""
    collection: str = ""
    slug: str = ""
    record: str = ""
    label: str = ""  # the field's whole name: "Person specification, Criterion E2, Assessed by"
    short: str = ""  # its own label: "Assessed by"
    steps: list[dict[str, Any]] = field(default_factory=list)  # for the page to find the field
    widget: str = ""
    help: str = ""  # the help the form shows under the field
    content: Path | None = None


@cache
def _fields(kind: str) -> list[dict[str, Any]]:
    made = collection(kind)
    if "files" in made:
        return list(made["files"][0]["fields"])
    return list(made["fields"])


def record_of(file: str, content: Path) -> tuple[str, str, Path | None]:
    """The record kind, its slug and its file under `content`, from a problem's file name."""
    path = Path(file)
    if path.name in SINGLE_FILES and path.parent.name == content.name:
        return SINGLE_FILES[path.name], path.stem, content / path.name
    if path.parent.name in KINDS and path.suffix == ".yaml":
        return KINDS[path.parent.name], path.stem, content / path.parent.name / path.name
    return "", "", None


def _title(kind: str, data: dict[str, Any], slug: str) -> str:
    for key in ("title", "name", "text"):
        if isinstance(data.get(key), str) and data[key].strip():
            return str(data[key]).strip()
    if kind == "vacancy":
        words = [str(data[k]) for k in ("role", "reference") if isinstance(data.get(k), str)]
        if words:
            return "Vacancy for " + " ".join(words)
    return slug.replace("-", " ").capitalize()


def _singular(label: str) -> str:
    if label.endswith("ia"):
        return label[:-1] + "on"
    if label.endswith("ies"):
        return label[:-3] + "y"
    return label[:-1] if label.endswith("s") and not label.endswith("ss") else label


def place(file: str, json_path: str, content: Path) -> Place:
    """The record and field a problem is about, as the form names them."""
    kind, slug, path = record_of(file, content)
    if not kind or path is None:
        return Place()
    doc = load_file(path, file)[0] if path.is_file() else None
    data: Any = doc.data if doc is not None and isinstance(doc.data, dict) else {}
    title = _title(kind, data, slug)
    if kind == "vacancy" and isinstance(data.get("role"), str) and not data.get("title"):
        role = titled(content, "role", [data["role"]])[0]
        title = " ".join(["Vacancy for", role, *[str(data["reference"])] * ("reference" in data)])
    found = Place(kind, FOLDERS.get(kind, kind), slug, title, content=content)
    names: list[str] = []
    fields: list[dict[str, Any]] | None = _fields(kind)
    current: dict[str, Any] | None = None
    for part in parts(json_path):
        if isinstance(part, str):
            if fields is None or (current and current.get("summary", "").startswith(
                    "{{fields.key}}")):
                names.append(part)  # a map's entry (such as a criterion's weight): by its key
                break
            current = next((f for f in fields if f["name"] == part), None)
            if current is None:
                break
            names.append(current["label"])
            found.steps.append({"label": current["label"]})
            fields = current.get("fields")
            data = data.get(part) if isinstance(data, dict) else None
        else:
            if current is None or current.get("widget") != "list":
                break
            item = data[part] if isinstance(data, list) and part < len(data) else None
            found.steps.append({"index": part})
            if "fields" in current:  # an item with fields of its own: named by its name or number
                name = next((str(item[k]) for k in _NAMES if isinstance(item, dict)
                             and isinstance(item.get(k), str | int)), str(part + 1))
                names[-1] = f"{_singular(current['label'])} {name}"
            else:
                names[-1] = f"{current['label']}, entry {part + 1}"
            data = item
    found.label = ", ".join(names)
    found.short = names[-1] if names else ""
    if current is not None:
        found.widget = str(current.get("widget", ""))
        found.help = str(current.get("hint", ""))
    return found


def titled(content: Path, kind: str, ids: list[str]) -> list[str]:
    """Records of a kind by the names the form's lists show (their titles), given their ids."""
    folder = FOLDERS.get(kind, kind)
    shown = []
    for record_id in ids:
        path = content / folder / f"{record_id}.yaml"
        doc = load_file(path, path.name)[0] if path.is_file() else None
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        shown.append(_title(kind, data, record_id) if data else record_id)
    return shown
