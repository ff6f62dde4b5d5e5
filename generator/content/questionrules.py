"""Cross-record rules of question plans: each question assesses something the role assesses,
by a method used at interview, and each planned question exists and has someone to ask it.

Called from `rules.check_all`. A family's question is checked in every role of the family (the
criteria and competencies it names must be that role's), and reported once, at the question.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content.crosscheck import Checker, family_docs, suggest
from generator.content.yamlload import Document
from generator.core.problems import JsonPath
from generator.model.autoid import criterion_ids
from generator.model.methods import BUILTIN_METHODS, given_methods
from generator.model.questions import DEFAULT_METHOD

INTERVIEW = "interview"


@dataclass
class _Assessed:
    """What a role assesses, and how: criterion id -> methods, competency key -> methods."""

    criteria: dict[str, list[str]] = field(default_factory=dict)
    competencies: dict[str, list[str]] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)  # method id -> its stage


def check_questions(c: Checker) -> None:
    """Question ids unique in each file; every role's bank and every vacancy's plan sound."""
    docs = c.records.docs
    reported: set[tuple[str, str, str]] = set()
    for kind in ("family", "role"):
        for _, doc in sorted(docs.get(kind, {}).items()):
            questions = doc.data.get("questions", [])
            c.unique(doc, ("questions",), enumerate(q["id"] for q in questions), "question id")
    for role_id, doc in sorted(docs.get("role", {}).items()):
        _check_bank(c, role_id, doc, reported)
    for _, doc in sorted(docs.get("vacancy", {}).items()):
        _check_plan(c, doc)


def _methods(crit: dict[str, Any], shared: dict[str, Document], default: Any) -> list[str]:
    base = shared[crit["use"]].data if crit.get("use") in shared else {}
    return given_methods(crit.get("assessed_by"), base.get("assessed_by"), default) or []


def assessed(c: Checker, role: Document) -> _Assessed:
    """The role's criteria (its families' first, as the model builds them) and competencies."""
    found = _Assessed(stages={m.id: m.stage for m in BUILTIN_METHODS})
    org = c.records.get("organisation", role.data.get("organisation", ""))
    for method in (org.data.get("assessment_methods", []) if org else []):
        found.stages[method["id"]] = method.get("stage") or found.stages.get(method["id"],
                                                                             INTERVIEW)
    shared = c.records.docs.get("criterion", {})
    spec = role.data.get("person_specification", {})
    for _, family in family_docs(c.records, role.data):
        raws = family.data.get("criteria", [])
        for raw, cid in zip(raws, criterion_ids(raws), strict=True):
            found.criteria[cid] = _methods(raw, shared, spec.get("assessed_by"))
    raws = spec.get("criteria", [])
    for raw, cid in zip(raws, criterion_ids(raws, tuple(found.criteria)), strict=True):
        found.criteria[cid] = _methods(raw, shared, spec.get("assessed_by"))
    for comp in role.data.get("competencies", []):
        key = comp.get("competency") or comp.get("framework")
        if key:
            found.competencies[str(key)] = given_methods(comp.get("assessed_by"),
                                                         [INTERVIEW]) or []
    return found


def _check_bank(c: Checker, role_id: str, role: Document,
                reported: set[tuple[str, str, str]]) -> None:
    """The role's bank as the model makes it (a later question replaces one of the same id)."""
    inherited_bank: dict[str, tuple[Document, int, dict[str, Any]]] = {}
    for _, family in family_docs(c.records, role.data):
        for index, raw in enumerate(family.data.get("questions", [])):
            inherited_bank[str(raw["id"])] = (family, index, raw)
    own = [(role, index, raw) for index, raw in enumerate(role.data.get("questions", []))]
    for _, _, raw in own:
        inherited_bank.pop(str(raw["id"]), None)
    # Every question of the role's own file is checked, a repeated id too (reported above).
    bank = [*inherited_bank.values(), *own]
    if not bank:
        return
    found = assessed(c, role)
    for doc, index, raw in bank:
        inherited = doc is not role

        def report(path: JsonPath, message: str, hint: str, doc: Document = doc,
                   index: int = index, inherited: bool = inherited) -> None:
            where = f" (in the role '{role_id}')" if inherited else ""
            key = (doc.path, repr((index, *path)), message)
            if key not in reported:
                reported.add(key)
                c.report(doc, ("questions", index, *path), message + where, hint)

        method = raw.get("method") or DEFAULT_METHOD
        stage = found.stages.get(method)
        if stage is None:
            report(("method",), f"'{method}' is not an assessment method",
                   suggest(method, sorted(m for m, s in found.stages.items() if s == INTERVIEW),
                           "methods used at interview"))
            continue
        if stage != INTERVIEW:
            report(("method",), f"question '{raw['id']}' is put by '{method}', which is not "
                   "used at interview", "a question plan is for interviews: use interview, "
                   "test, presentation or written-exercise")
            continue
        for what, ids, known in (("criterion", "criteria", found.criteria),
                                 ("competency", "competencies", found.competencies)):
            for number, ref in enumerate(raw.get(ids, [])):
                _check_ref(report, (ids, number), what, str(ref), known, method, found.stages)


def _check_ref(report: Any, path: JsonPath, what: str, ref: str, known: dict[str, list[str]],
               method: str, stages: dict[str, str]) -> None:
    if ref not in known:
        noun = "criteria" if what == "criterion" else "competencies"
        report(path, f"the role has no {what} '{ref}'",
               suggest(ref, sorted(known), noun) if known else
               f"the role lists no {noun}: add it to the role, or take it out of the question")
        return
    methods = known[ref]
    at_interview = [m for m in methods if stages.get(m) == INTERVIEW]
    if not at_interview:
        how = ", ".join(methods) or "a method not stated"
        report(path, f"{what} '{ref}' is not assessed at interview (it is assessed by {how})",
               f"ask about a {what} assessed at interview (or, if the source says this one "
               "is, add interview to its assessed_by)")
    elif method not in methods:
        report(path, f"{what} '{ref}' is not assessed by {method}",
               f"give the question  method: {at_interview[0]}"
               + (f"  (or one of {', '.join(at_interview[1:])})" if len(at_interview) > 1 else "")
               + f" (or, if the source says it is assessed by {method}, add that to its "
               "assessed_by)")


def _check_plan(c: Checker, doc: Document) -> None:
    entries = doc.data.get("question_plan", [])
    if not entries:
        return
    c.unique(doc, ("question_plan",), enumerate(e["question"] for e in entries), "question",
             key="question")
    role = c.records.get("role", doc.data.get("role", ""))
    ids: set[str] = set()
    if role is not None:
        for _, family in family_docs(c.records, role.data):
            ids.update(str(q["id"]) for q in family.data.get("questions", []))
        ids.update(str(q["id"]) for q in role.data.get("questions", []))
    panel = doc.data.get("panel", [])
    for index, entry in enumerate(entries):
        if role is not None and entry["question"] not in ids:
            c.report(doc, ("question_plan", index, "question"),
                     f"the role '{doc.data['role']}' has no question '{entry['question']}'",
                     suggest(entry["question"], sorted(ids), "questions",
                             "the role's questions (or its family's)"))
        _check_asker(c, doc, ("question_plan", index, "asked_by"), entry.get("asked_by"), panel,
                     doc.is_cut(("panel",)))


def _check_asker(c: Checker, doc: Document, path: JsonPath, asker: int | str | None,
                 panel: list[str], panel_cut: bool) -> None:
    if asker is None or panel_cut:
        return  # nobody named, or a panel the schema refused (and has said so)
    if isinstance(asker, int):
        if panel and asker > len(panel):
            c.report(doc, path, f"the panel has {len(panel)} member"
                     f"{'' if len(panel) == 1 else 's'}, so there is no panel member {asker}",
                     "number the panel members from 1, in the order of panel")
    elif not panel:
        c.report(doc, path, f"'{asker}' is named to ask this question, but the vacancy has no "
                 "panel", "add  panel: [Name, …]  to the vacancy, or give the panel member's "
                 "number (1 for the first)")
    elif asker not in panel:
        c.report(doc, path, f"'{asker}' is not on the vacancy's panel",
                 suggest(asker, sorted(panel), "panel members"))
