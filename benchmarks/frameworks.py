"""Competency frameworks and role families, in the three shapes the shipped content uses.

Frameworks: framework-wide levels only (Darlington's PDR), one defined level per competency
(First Light), or Entry/Desired/Exceptional levels with relevance and notes (Second Step).
Families: some build on an earlier family; each brings criteria its roles inherit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.records import Org
from benchmarks.words import AREAS, COMPETENCIES, Words, slug

Data = dict[str, Any]
GRADED = ((2, "Entry Level"), (3, "Desired Level"), (4, "Exceptional Level"))


@dataclass
class Framework:
    """What a role needs to know to require a competency at a level that exists."""

    id: str
    shape: str                                   # wide | single | graded
    organisation: str | None = None
    wide_levels: list[int] = field(default_factory=list)
    competencies: dict[str, list[int]] = field(default_factory=dict)   # id -> defined levels


def frameworks(w: Words, count: int, orgs: list[Org]) -> tuple[dict[str, Data], list[Framework]]:
    found: dict[str, Data] = {}
    infos: list[Framework] = []
    for index in range(count):
        # The last framework, shared by every organisation, is always framework-wide: roles of
        # organisations without one of their own use it, and whichever shape the count happened
        # to give it would set the length of all their competency sections.
        shared = index == count - 1
        shape = "wide" if shared else ("wide", "single", "graded")[index % 3]
        fid = f"framework-{index + 1:03d}-{shape}"
        data: Data = {"name": f"{w.pick(AREAS)} competency framework {index + 1}"}
        info = Framework(fid, shape)
        if not shared:
            info.organisation = data["organisation"] = orgs[index % len(orgs)].id
        if w.rng.random() < 0.7:
            data["description"] = w.markdown(1)
        if shape == "wide":
            data["levels"] = [{"number": n, "name": f"Level {n}"} for n in range(1, 4)]
            data["levels"][0]["description"] = "Expected competencies for all employees."
            info.wide_levels = [1, 2, 3]
        else:
            names = w.rng.sample(COMPETENCIES, w.rng.randint(6, 12))
            if shape == "graded":
                data["relevance_label"] = "Relevance to Recovery"
            data["competencies"] = [_competency(w, name, shape, info) for name in names]
        found[fid] = data
        infos.append(info)
    return found, infos


def _competency(w: Words, name: str, shape: str, info: Framework) -> Data:
    cid = slug(name)
    comp: Data = {"id": cid, "name": name}
    if shape == "single":
        number = w.rng.choice((2, 3))
        comp["levels"] = [{"number": number, "name": f"Level {number}",
                           "indicators": [w.duty() for _ in range(w.rng.randint(1, 4))]}]
        info.competencies[cid] = [number]
        return comp
    if w.rng.random() < 0.4:
        comp["description"] = w.sentence()
    comp["relevance"] = w.sentence()
    if w.rng.random() < 0.2:
        comp["notes"] = "Customers include: service users, carers, funders and partner agencies"
    levels: list[Data] = [{"number": n, "name": label,
                           "indicators": [w.duty() for _ in range(w.rng.randint(2, 4))]}
                          for n, label in GRADED]
    if w.rng.random() < 0.2:
        levels.append({"number": 5, "name": "Expert Level", "not_defined": True})
    comp["levels"] = levels
    info.competencies[cid] = [n for n, _ in GRADED]
    return comp


def requirements(w: Words, fw: Framework, methods: list[str]) -> list[Data]:
    """A role's competency requirements on one framework, at levels that exist."""
    if fw.shape == "wide":
        return [{"framework": fw.id, "level": w.rng.choice(fw.wide_levels)}]
    chosen = sorted(w.rng.sample(sorted(fw.competencies), w.rng.randint(
        min(3, len(fw.competencies)), len(fw.competencies))))
    found = []
    for cid in chosen:
        levels = fw.competencies[cid]
        req: Data = {"framework": fw.id, "competency": cid}
        if len(levels) == 1:
            req["level"] = levels[0]
        else:
            req["level"] = 3
            if w.rng.random() < 0.7:
                req["entry_level"] = 2
            req["exceptional_level"] = 4
        if w.rng.random() < 0.15:
            req["assessed_by"] = ["interview", w.rng.choice([m for m in methods
                                                             if m != "interview"])]
        found.append(req)
    return found


def families(w: Words, count: int) -> tuple[dict[str, Data], dict[str, list[str]]]:
    """Families, and for each the criterion ids its roles inherit (parents first)."""
    found: dict[str, Data] = {}
    inherited: dict[str, list[str]] = {}
    for index in range(count):
        area = AREAS[index % len(AREAS)]
        fid = f"{slug(area)}-worker-family-{index + 1}"
        data: Data = {"title": f"{area} worker"}
        own_ids: list[str] = []
        parent = None
        if index >= 2 and w.rng.random() < 0.4:
            parent = w.rng.choice(sorted(found))
            data["extends"] = parent
        data["summary"] = w.sentence()
        data["description"] = w.markdown(w.rng.randint(2, 4))
        data["responsibilities"] = {"intro": "The key areas of responsibility are:",
                                    "items": [w.duty() for _ in range(w.rng.randint(4, 8))]}
        prefix = "F" + str(index + 1) + "-"
        criteria = []
        for number in range(1, w.rng.randint(3, 9) + 1):
            cid = f"{prefix}{number}"
            criteria.append({"id": cid, "category": w.pick(("Experience", "Personal attributes")),
                             "text": w.criterion(),
                             "requirement": "essential" if w.rng.random() < 0.7 else "desirable",
                             "assessed_by": ["application", "interview"]})
            own_ids.append(cid)
        data["criteria"] = criteria
        if w.rng.random() < 0.5:
            data["source"] = {"title": f"What does a {area.lower()} worker do?",
                              "kind": "article", "text": w.markdown(2)}
        found[fid] = data
        inherited[fid] = (inherited[parent] if parent else []) + own_ids
    return found, inherited
