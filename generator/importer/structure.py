"""Structure recovery: walk a document's blocks once, section by section, and place each one.

What cannot be placed is kept word for word for the "to place" note; nothing is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator.importer import behaviours, header, layout
from generator.importer.assess import Methods, requirement
from generator.importer.blocks import Block
from generator.importer.criteria import Criterion, SpecBuilder
from generator.importer.extras import Organisation
from generator.importer.labels import in_set, lookup, split_label
from generator.importer.lists import ListBuilder

# where a header field lands in the role, for the report
_FIELDS = {"dbs": "pre_employment_checks.dbs", "issued": "dates.issued",
           "reviewed": "dates.reviewed", "next_review": "dates.next_review"}
LIST_SECTIONS = ("accountabilities", "key_activities", "performance_measures")
TEXT_SECTIONS = ("purpose", "context", "introduction", "who_may_apply", "pension")
_IN_TERMS = ("who_may_apply", "pension")  # text sections kept in the role's terms
# Sections whose every paragraph is an entry of its own: a vetting (the source's sentence, with
# no scheme or level guessed) or a dimension ("Budget: £1.2m", or a two-cell row).
ENTRY_SECTIONS = ("vetting", "dimensions")
_PLACES = {"vetting": "pre_employment_checks.vetting"}


@dataclass
class Recovered:
    """What the walk found: role fields, criteria, provenance and what is left to place."""

    role: dict[str, Any] = field(default_factory=dict)
    criteria: list[Criterion] = field(default_factory=list)
    spec_intro: list[str] = field(default_factory=list)
    placed: list[tuple[str, str, str]] = field(default_factory=list)  # field, where, confidence
    to_place: list[tuple[str, str]] = field(default_factory=list)  # where, text
    doubts: list[str] = field(default_factory=list)  # what a header field leaves for a person


def entry(section: str, block: Block) -> dict[str, str] | None:
    """A block under a Vetting or Dimensions heading as its entry, word for word; None for one
    that is not a "label: value" pair (or two-cell row) under Dimensions: it is kept to place."""
    if section == "vetting":
        return {"text": block.text}
    if block.kind == "row":
        cells = [c for c in block.cells if c]
        label, value = (cells[0], cells[1]) if len(cells) == 2 else ("", "")
    else:
        label, _, value = block.text.partition(":")
    if not label.strip() or not value.strip():
        return None
    return {"label": label.strip(), "value": value.strip()}
# "Key: A = Application form, I = Interview" under a person specification: the source's own
# key to its method codes, kept word for word (labels.methods_key).
_METHODS_KEY = re.compile(r"^key(?: to [^:]{1,40})?\s*:\s*(?P<key>.*\S\s*=\s*\S.*)$", re.I)


def _looks_like_heading(block: Block, following: Block | None) -> bool:
    """A short unpunctuated line of text that names a section, or stands over a list."""
    if block.kind not in ("para", "item") or len(block.text.split()) > 8 or block.label:
        return False
    if split_label(block.text) is not None:
        return False  # "Salary: £19,500 per annum" is a field, not a heading
    if lookup("sections", block.text):
        return True  # "Main duties", or "1.6 PERFORMANCE MEASURES" with its number
    if block.kind == "item":  # "2. PEOPLE PROFILE": a numbered heading in capitals
        return block.text.isupper() and len(block.text.split()) <= 5
    if block.text.endswith(":") and len(block.text.split()) > 2:
        return False  # "The Case Coordinator will:" introduces a list
    text = block.text.rstrip(":")
    return (not re.search(r"[.,;]$", text) and text[:1].isupper()
            and following is not None and following.kind in ("item", "row"))


class Walker:
    """Places blocks into sections; one instance per document."""

    def __init__(self, methods: Methods, organisation: Organisation) -> None:
        self.organisation = organisation
        self.out = Recovered()
        self.section: str | None = None
        self.lists: dict[str, ListBuilder] = {}
        self.text: dict[str, list[str]] = {}
        self.benefits: list[tuple[str, str, list[str]]] = []  # heading as worded, where, items
        self.supplements: list[tuple[str, str]] = []  # where, text
        self.spec = SpecBuilder(methods, self._behaviour_row)
        self.title_from = ""  # where a title taken from the first line came from

    def run(self, blocks: list[Block]) -> Recovered:
        blocks = layout.expand(blocks)
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.kind == "aside":
                self.out.to_place.append((block.where, block.text))
            elif line := behaviours.one_line(self.organisation, block, self.section):
                self._behaviour_line(line, block.where)
            elif block.kind == "heading" or (_looks_like_heading(block, following)
                                             and not self._pair(block)) or (
                self._title_line(block)):
                self._heading(block, following)
            elif not self._label(block):
                self._body(block)
        return self._finish()

    def _heading(self, block: Block, following: Block | None) -> None:
        key = lookup("sections", block.text.rstrip(":"))
        if (key == "values" and self.section == "person_specification"
                and following is not None and self._criterion_next(following)):
            key = None  # a category of criteria named "Values", not the values section
        if key == "benefits":  # "Benefits", "Other benefits": a group under the source's heading
            self.section = key
            self.benefits.append((block.text.rstrip(":"), block.where, []))
            self.out.placed.append(("terms.benefit_groups", block.where, "high"))
            return
        if key:
            self.section = key
            if key in (*LIST_SECTIONS, *TEXT_SECTIONS, *ENTRY_SECTIONS, "person_specification"):
                where = f"terms.{key}" if key in _IN_TERMS else _PLACES.get(key, key)
                self.out.placed.append((where, block.where, "high"))
            if key in LIST_SECTIONS and key not in self.lists:
                self.lists[key] = ListBuilder(block.text.rstrip(":"))
            return
        if self.section in LIST_SECTIONS:
            self.lists[self.section].heading(block)
        elif self.section == "person_specification" and self.spec.heading(block):
            return
        elif self.section is None and "title" not in self.out.role and (
                block.kind == "heading" or not block.text.endswith(".")):
            self.out.role["title"] = block.text
            self.title_from = block.where
            self.out.placed.append(("title", block.where, "medium"))
        else:
            self.out.to_place.append((block.where, block.text))

    def _pair(self, block: Block) -> bool:
        """A "Budget: £1.2m" line under Dimensions, which is a pair, not a heading."""
        return self.section == "dimensions" and entry("dimensions", block) is not None

    def _criterion_next(self, following: Block) -> bool:
        """Whether what follows a heading in the person specification reads as criteria."""
        if self.organisation.competency(following) is not None:
            return False
        return (following.kind in ("item", "row") or requirement(following.text) is not None
                or self.spec.is_row_text(following.text))

    def _title_line(self, block: Block) -> bool:
        """The first short line of a plain document, before any label, is its title (but not
        a line naming the kind of document, such as "Role Profile")."""
        return (block.kind == "para" and self.section is None and not self.out.placed
                and not in_set("document_kinds", block.text)
                and len(block.text.split()) <= 12 and split_label(block.text) is None
                and not block.text.endswith("."))

    def _label(self, block: Block) -> bool:
        """A header field, from "Label: value" or a two-cell table row; True if placed."""
        if not block.label and (self.section in (*LIST_SECTIONS, *ENTRY_SECTIONS, "known_risks",
                                                 "competencies")
                                or (self.section == "person_specification"
                                    and block.kind == "row")):
            # in a list, only "Date: June 2019" on its own line is surely a field
            dated = split_label(block.text) if block.kind == "para" else None
            if not (dated and dated[0] in ("issued", "reviewed") and header.month(dated[2])):
                return False
        found = None
        if self._blank_row(block):
            return True
        if block.kind == "row" and len([c for c in block.cells if c]) == 2:
            label, value = [c for c in block.cells if c]
            key = lookup("labels", label)
            found = (key, label, value) if key else None
        elif block.kind == "para":
            found = split_label(block.text)
        if found is None:
            return False
        key, _, value = found
        if key == "title" and ("title", self.title_from, "medium") in self.out.placed:
            # a "Job title:" label beats the first line, which was only a guess: keep that
            self.out.placed.remove(("title", self.title_from, "medium"))
            self.out.to_place.append((self.title_from, self.out.role.pop("title")))
        if header.has(self.out.role, key):
            self.out.to_place.append((block.where, block.text))  # said twice: a person chooses
            self.out.doubts.append(f"{block.where}: a second '{found[1]}' is kept to place")
            return True
        result = header.apply(self.out.role, key, value)
        if not result.placed:
            self.out.to_place.append((block.where, block.text))
        confidence = "high" if result.doubt is None else "low"
        if result.placed or result.doubt:
            self.out.placed.append((_FIELDS.get(key, key), block.where, confidence))
        if result.doubt:
            kept = "" if result.placed else "; it is kept to place"
            self.out.doubts.append(f"{block.where}: {result.doubt}{kept}")
        return True

    def _blank_row(self, block: Block) -> bool:
        """A table row with a known label and nothing beside it: the form leaves it blank."""
        if block.kind != "row" or len(block.cells) < 2 or not block.cells[0] or any(
                block.cells[1:]):
            return False
        key = lookup("labels", block.cells[0])
        if key is None or key == "title":
            return False
        if header.blank(self.out.role, key):
            self.out.placed.append((_FIELDS.get(key, key), block.where, "high"))
        else:
            self.out.doubts.append(f"{block.where}: '{block.cells[0]}' is blank in the source")
        return True

    def _body(self, block: Block) -> None:
        section = self.section
        if section in LIST_SECTIONS:
            builder = self.lists[section]
            (builder.item if block.kind == "item" else builder.para)(block)
        elif section == "person_specification" and block.kind == "para" and (
                key := _METHODS_KEY.match(block.text)) and "methods_key" not in (
                self.out.role.get("labels") or {}):
            labels = self.out.role.setdefault("labels", {})
            labels["methods_key"] = key.group("key").strip()
            labels.setdefault("methods_as", "abbreviations")  # a key is to codes the source shows
            self.out.placed.append(("labels.methods_key", block.where, "high"))
        elif section == "person_specification":
            {"item": self.spec.item, "row": self.spec.row}.get(block.kind, self.spec.para)(block)
        elif section == "known_risks" and (found := self.organisation.known_risk(block)):
            self.out.role.setdefault("known_risks", []).append(found)
            self.out.placed.append((f"known_risks.{found['item']}", block.where, "high"))
        elif section == "competencies" and (found := self.organisation.competency(block)):
            self._competency(found, block.where)
            # the indicators beside the name are the framework's words: kept to place
            self.out.to_place.extend((block.where, cell) for cell in block.cells
                                     if len(cell.split()) > 4)
        elif section == "benefits":
            self.benefits[-1][2].append(block.text)
        elif section == "supplements":
            self.supplements.append((block.where, block.text))
        elif section in ENTRY_SECTIONS and (found := entry(section, block)):
            self.out.role.setdefault(section, []).append(found)
        elif section in TEXT_SECTIONS:
            line = f"- {block.text}" if block.kind == "item" else block.text
            self.text.setdefault(section, []).append(line)
        else:  # header text, values, competencies, known risks: kept for a person to place
            self.out.to_place.append((block.where, block.text))

    def _competency(self, found: dict[str, Any], where: str) -> None:
        self.out.role.setdefault("competencies", []).append(found)
        name = found.get("competency", found["framework"])
        self.out.placed.append((f"competencies.{name}", where, "medium"))

    def _behaviour_line(self, line: behaviours.Line, where: str) -> None:
        """Each behaviour the line names; its lead sentence and the names no framework has are
        the source's words, kept to place (never made criteria)."""
        for found in line.competencies:
            self._competency(found, where)
        kept = ([line.lead] if line.lead else []) + line.unknown
        self.out.to_place.extend((where, text) for text in kept)

    def _behaviour_row(self, crit: Criterion, factor: str | None, how: str | None) -> bool:
        """A person specification row whose factor is a framework's behaviour: a competency."""
        found = behaviours.from_row(self.organisation, crit, factor, how)
        if found is None:
            return False
        self._competency(found[0], crit.where)
        self.out.to_place.extend((crit.where, text) for text in found[1])
        return True

    def _finish_pay(self) -> None:
        """Each benefits heading with its items, word for word (a heading with nothing under
        it is kept to place), and the supplements and allowances beside the salary."""
        groups = [{"heading": heading, "items": items}
                  for heading, _where, items in self.benefits if items]
        if groups:
            self.out.role.setdefault("terms", {})["benefit_groups"] = groups
        self.out.to_place.extend((where, heading)
                                 for heading, where, items in self.benefits if not items)
        salary = self.out.role.get("salary")
        if salary and self.supplements:  # each as worded; without a salary, a person places them
            salary["supplements"] = [{"text": text} for _where, text in self.supplements]
            self.out.placed += [("salary.supplements", where, "high")
                                for where, _text in self.supplements]
        elif self.supplements:
            self.out.to_place.extend(self.supplements)

    def _finish(self) -> Recovered:
        for key in TEXT_SECTIONS:
            if key in self.text:
                place = self.out.role.setdefault("terms", {}) if key in _IN_TERMS else self.out.role
                place[key] = "\n\n".join(self.text[key])
        self._finish_pay()
        if "vetting" in self.out.role:
            vetting = self.out.role.pop("vetting")
            self.out.role.setdefault("pre_employment_checks", {})["vetting"] = vetting
        if "dimensions" in self.out.role:
            self.out.role["dimensions"] = {"items": self.out.role["dimensions"]}
        for key, builder in self.lists.items():
            section = builder.section()
            if section is not None:
                self.out.role[key] = section
            self.out.to_place.extend((b.where, b.text) for b in builder.stray)
        self.spec.flush()
        self.out.criteria = self.spec.criteria
        self.out.spec_intro = self.spec.intro
        self.out.to_place.extend((b.where, b.text) for b in self.spec.stray)
        return self.out
