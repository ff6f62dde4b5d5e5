"""Known-risks answers and competency requirements, matched to the organisation's own form
and frameworks; what does not match is left for a person to place."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.content.yamlload import load_file
from generator.importer.blocks import Block
from generator.importer.labels import normalise
from generator.model.terms import NOT_STATED

_ANSWER = re.compile(r"^(yes|no)$", re.I)
_TRAILING_ANSWER = re.compile(r"^(?P<q>.*?)[\s:–-]+(?P<a>YES|NO|Yes|No)$")
_LETTER = re.compile(r"^\(?[A-Z]\)?[.)]?\s+")
_LEVEL = re.compile(r"(?<!entry )(?<!exceptional )\blevel\s*([0-9]{1,2})\b", re.I)
_OTHER_LEVELS = re.compile(r"\(?\s*(entry|exceptional) level\s*([0-9]{1,2})\s*[,;)]?", re.I)


def _loose(text: str) -> str:
    """Names compared without hyphens, dashes or colons: "Self-Awareness –" is "self awareness"."""
    return " ".join(re.sub(r"[–:\-]", " ", normalise(text)).split())


def _data(path: Path) -> dict[str, Any]:
    doc, _ = load_file(path, str(path)) if path.is_file() else (None, [])
    return doc.data if doc is not None and isinstance(doc.data, dict) else {}


class Organisation:
    """The organisation's known-risks questions and competency frameworks, read once."""

    def __init__(self, content: Path, organisation: str) -> None:
        org = _data(content / "organisations" / f"{organisation}.yaml")
        form = org.get("known_risks_form") or {}
        self.questions = {normalise(str(i.get("text", ""))): i for i in form.get("items", [])
                          if isinstance(i, dict)}
        self.frameworks = []
        for path in sorted((content / "frameworks").glob("*.yaml")):
            data = _data(path)
            if data.get("organisation") == organisation:
                self.frameworks.append((path.stem, data))

    def known_risk(self, block: Block) -> dict[str, Any] | None:
        """{"item": id, "answer": "YES"} from a row or line naming one of the form's questions."""
        cells = [c for c in block.cells if c] if block.kind == "row" else [block.text]
        answer = next((c.upper() for c in cells if _ANSWER.match(c)), None)
        rest = [c for c in cells if not _ANSWER.match(c)]
        if answer is None and len(rest) == 1:
            match = _TRAILING_ANSWER.match(rest[0])
            if match:
                answer, rest = match.group("a").upper(), [match.group("q")]
        question = _LETTER.sub("", max(rest, key=len)) if rest else ""
        item = self.questions.get(normalise(question))
        if item is None:
            return None
        if item.get("kind") == "free-text":
            details = next((c for c in rest if normalise(c) != normalise(question)), None)
            return {"item": item["id"], "details": details} if details else None
        return {"item": item["id"], "answer": answer} if answer else None

    def competency(self, block: Block) -> dict[str, Any] | None:
        """{"framework", "competency"?, "level"} from "Client Focus – Level 3" and the like."""
        text = " ".join(c for c in block.cells if c) if block.kind == "row" else block.text
        others = {f"{m.group(1).lower()}_level": int(m.group(2))
                  for m in _OTHER_LEVELS.finditer(text)}
        text = _OTHER_LEVELS.sub(" ", text).strip()
        match = _LEVEL.search(text)
        if match is None and block.kind == "row" and block.cells[-1].strip().isdigit():
            level, name = int(block.cells[-1]), " ".join(block.cells[:-1])
        elif match is not None:
            level, name = int(match.group(1)), text[: match.start()] + text[match.end():]
        elif (named := self._named_level(text)) is not None:
            return named
        else:  # a behaviour named with no level (a Civil Service advert's): none is made up
            level, name = None, text
        key = _loose(name)
        for framework, data in self.frameworks:
            for comp in data.get("competencies", []):
                if _loose(str(comp.get("name", ""))) == key:
                    # With no level, nor does the line say how it is assessed: not stated,
                    # rather than the interview a missing assessed_by would stand for.
                    said = {"level": level} if level is not None else {"assessed_by": NOT_STATED}
                    return {"framework": framework, "competency": comp["id"], **said, **others}
        if level is None:
            return None
        for framework, data in self.frameworks:
            levels = {lvl.get("number"): _loose(str(lvl.get("name", "")))
                      for lvl in data.get("levels", [])}
            names = {_loose(str(data.get("name", ""))), levels.get(level), ""}
            if level in levels and (key in names or levels[level] in key):
                return {"framework": framework, "level": level}
        return None

    def _named_level(self, text: str) -> dict[str, Any] | None:
        """{"framework", "competency", "level"} from "Communicating information – Level:
        awareness": a competency's name, then the name of one of its levels that the
        framework names and does not number (the level as the framework spells it)."""
        loose = _loose(text)
        for framework, data in self.frameworks:
            for comp in data.get("competencies", []):
                name = _loose(str(comp.get("name", "")))
                if not name or not loose.startswith(name):
                    continue
                rest = re.sub(r"^level\s+", "", loose[len(name):].strip())
                for level in comp.get("levels", []):
                    if "number" not in level and _loose(str(level.get("name", ""))) == rest:
                        return {"framework": framework, "competency": comp["id"],
                                "level": level["name"]}
        return None
