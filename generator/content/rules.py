"""Per-kind cross-checks: references between records, levels, scales, families, known risks.

Each rule sees the part of a record that passed its schema (pipeline.check_file), so every
shape is the one the schema promises; only the keys a schema requires at the top level may be
missing, where that part was cut away, and each rule looks before using one of those.
"""

from __future__ import annotations

from typing import Any

from generator.content.crosscheck import (
    Checker,
    Records,
    check_criteria,
    check_methods,
    check_weights,
    methods_for,
    role_criterion_ids,
    suggest,
)
from generator.content.levelrules import check_framework_levels, check_required_levels
from generator.content.modelrules import check_model
from generator.content.questionrules import check_questions
from generator.content.scalerules import check_scoring
from generator.content.textrules import check_text
from generator.content.yamlload import Document
from generator.model.methods import BUILTIN_METHODS
from generator.model.terms import NOT_STATED


def check_organisation(c: Checker, doc: Document) -> None:
    data = doc.data
    if "default_scale" in data:
        c.reference(doc, ("default_scale",), "scale", data["default_scale"])
    for sid in sorted((data.get("scoring_sheets") or {}).get("scale_guidance") or {}):
        c.reference(doc, ("scoring_sheets", "scale_guidance", sid), "scale", sid)
    builtin = {m.id for m in BUILTIN_METHODS}
    methods = data.get("assessment_methods", [])
    c.unique(doc, ("assessment_methods",), enumerate(m["id"] for m in methods), "method")
    for index, method in enumerate(methods):
        if method["id"] not in builtin and not ("name" in method and "stage" in method):
            c.report(doc, ("assessment_methods", index),
                     f"the new method '{method['id']}' needs a 'name' and a 'stage'",
                     "stage is one of: application, interview, pre-appointment")
    form = data.get("known_risks_form")
    if form:
        items, notes = form.get("items", []), form.get("notes", [])
        c.unique(doc, ("known_risks_form", "items"), enumerate(i["id"] for i in items), "item")
        c.unique(doc, ("known_risks_form", "notes"), enumerate(n["id"] for n in notes), "note")
        note_ids = {n["id"] for n in notes}
        for index, item in enumerate(items):
            if "note" in item and item["note"] not in note_ids:
                c.report(doc, ("known_risks_form", "items", index, "note"),
                         f"there is no note with the id '{item['note']}' in this form",
                         "the notes are: " + ", ".join(sorted(note_ids)))


# The forms print a box per score: a wider scale cannot be laid out, and listing its missing
# scores one by one would take as much memory as the range is wide.
MAX_SCORES = 101
_MISSING_SHOWN = 10


def check_scale(c: Checker, doc: Document) -> None:
    data = doc.data
    points = data.get("points", [])
    c.unique(doc, ("points",), enumerate(p["score"] for p in points), "score", key="score")
    if data.get("desirable_after_gate") is True and data.get("essential_gate") is False:
        c.report(doc, ("desirable_after_gate",), "desirable criteria come only after the "
                 "essential gate, but the scale has no gate (essential_gate: false)",
                 "set essential_gate: true, or leave desirable_after_gate out")
    if "min" not in data or "max" not in data:
        return  # cut away as refused by the schema, which has said so
    low, high = data["min"], data["max"]
    if low > high:
        c.report(doc, ("min",), f"the lowest score ({low}) is above the highest ({high})",
                 "swap 'min' and 'max'")
        return
    if high - low + 1 > MAX_SCORES:
        c.report(doc, ("max",), f"the scale has {high - low + 1:,} scores, more than the "
                 f"{MAX_SCORES} the forms can show", "scales usually run from 0 or 1 to 3, 5 or 7")
        return
    for index, point in enumerate(points):
        if not low <= point["score"] <= high:
            c.report(doc, ("points", index, "score"),
                     f"the score {point['score']} is outside the scale ({low} to {high})")
    if "bands" in data:
        _check_bands(c, doc, low, high)
        return
    if "points" not in data and not doc.is_cut(("points",)):
        c.report(doc, (), "the scale has neither 'points' nor 'bands'",
                 "add a point for each score, or bands (from, to, descriptor) covering them")
        return
    if doc.is_cut(("points",)):
        return  # some points were refused by the schema: "no descriptor" would repeat it
    scored = {p["score"] for p in points}
    missing = [score for score in range(low, high + 1) if score not in scored]
    if missing:
        shown = ", ".join(str(m) for m in missing[:_MISSING_SHOWN])
        more = f" and {len(missing) - _MISSING_SHOWN} more" if len(missing) > _MISSING_SHOWN else ""
        c.report(doc, ("points",), f"these scores have no descriptor: {shown}{more}",
                 "panels need to know what each score means: add a point for each")


def _check_bands(c: Checker, doc: Document, low: int, high: int) -> None:
    """Bands instead of points: each inside the scale, none overlapping, every score in one."""
    data = doc.data
    if "points" in data:
        c.report(doc, ("bands",), "the scale has both 'points' and 'bands'",
                 "describe the scores once: keep the points or the bands, not both")
    if doc.is_cut(("bands",)):
        return  # refused by the schema, which has said so
    seen: dict[int, int] = {}
    wrong = False  # a band the scores cannot be read from: "in no band" would repeat it
    for index, band in enumerate(data["bands"]):
        first, last = band["from"], band["to"]
        if first > last:
            c.report(doc, ("bands", index, "from"), f"the band runs from {first} down to "
                     f"{last}", "swap 'from' and 'to'")
            wrong = True
            continue
        if first < low or last > high:
            c.report(doc, ("bands", index), f"the band {first} to {last} is outside the scale "
                     f"({low} to {high})", "keep every band between 'min' and 'max'")
            wrong = True
            continue
        twice = [score for score in range(first, last + 1) if score in seen]
        if twice:
            c.report(doc, ("bands", index, "from"), f"the band {first} to {last} overlaps "
                     f"band {seen[twice[0]] + 1} (score {twice[0]} is in both)",
                     "each score belongs to one band")
        seen.update({score: index for score in range(first, last + 1) if score not in seen})
    missing = [score for score in range(low, high + 1) if score not in seen]
    if missing and not wrong:
        shown = ", ".join(str(m) for m in missing[:_MISSING_SHOWN])
        more = f" and {len(missing) - _MISSING_SHOWN} more" if len(missing) > _MISSING_SHOWN else ""
        c.report(doc, ("bands",), f"these scores are in no band: {shown}{more}",
                 "panels need to know what each score means: widen a band or add one")


def check_framework(c: Checker, doc: Document) -> None:
    data = doc.data
    if "organisation" in data:
        c.reference(doc, ("organisation",), "organisation", data["organisation"])
    comps = data.get("competencies", [])
    c.unique(doc, ("competencies",), enumerate(x["id"] for x in comps), "competency id")
    check_framework_levels(c, doc)


def check_family(c: Checker, doc: Document, family_id: str) -> None:
    data = doc.data
    if "extends" in data and c.reference(doc, ("extends",), "family", data["extends"]):
        chain, current = [family_id], data["extends"]
        while current:
            if current in chain:
                loop = " → ".join([*chain[chain.index(current):], current])
                c.report(doc, ("extends",), f"role families build on each other in a loop: {loop}",
                         "a family cannot extend itself, directly or through others")
                break
            chain.append(current)
            parent = c.records.get("family", current)
            current = parent.data.get("extends") if parent else None
    allowed = {m.id for m in BUILTIN_METHODS}
    # A criterion naming no method is not an error here: a role may give the default, and
    # modelrules warns of it. None is made up.
    check_criteria(c, doc, ("criteria",), data.get("criteria", []), allowed, NOT_STATED)


def _check_employer(c: Checker, doc: Document) -> bool:
    """A role names its organisation, or says its source names none; True for the latter."""
    # An organisation refused by its schema (cut from the data) is reported there already.
    given = "organisation" in doc.data or doc.is_cut(("organisation",))
    unstated = doc.data.get("organisation_not_stated")
    if not given and not unstated:
        # worded as the schema words a missing field, so the editor shows it at Organisation
        c.report(doc, (), "'organisation' (Organisation) is missing",
                 "add organisation: the id of the employer the role's source names; if the "
                 "source names no employer, add organisation_not_stated: true instead")
    elif given and unstated:
        c.report(doc, ("organisation_not_stated",), "the role names an organisation and also "
                 "says its employer is not stated",
                 "keep organisation if the source names the employer, else remove it")
    return bool(unstated) and not given


def check_role(c: Checker, doc: Document) -> None:
    data = doc.data
    unstated = _check_employer(c, doc)
    has_org = "organisation" in data and c.reference(
        doc, ("organisation",), "organisation", data["organisation"])
    if "family" in data:
        c.reference(doc, ("family",), "family", data["family"])
    allowed = methods_for(c.records, data["organisation"] if has_org else None)
    spec = data.get("person_specification", {})
    default = spec.get("assessed_by")
    if isinstance(default, list):  # or "not stated": modelrules warns, it is no error
        check_methods(c, doc, ("person_specification", "assessed_by"), default, allowed)
    ids = role_criterion_ids(c.records, data)
    # A default the schema refused has been reported there: its criteria are not each told
    # that they say nothing of how they are assessed.
    refused = doc.is_cut(("person_specification", "assessed_by"))
    check_criteria(c, doc, ("person_specification", "criteria"), spec.get("criteria", []),
                   allowed, NOT_STATED if refused else default, ids)
    org = c.records.get("organisation", data["organisation"]) if has_org else None
    if org and "default_scale" in org.data:
        check_weights(c, doc, ("person_specification", "criteria"), spec.get("criteria", []),
                      org.data["default_scale"], ids=ids)
    for index, req in enumerate(data.get("competencies", [])):
        _check_competency(c, doc, index, req, allowed)
    _check_salary(c, doc, ("salary",), data.get("salary"))
    if has_org and "known_risks" in data:
        _check_known_risks(c, doc, data)
    elif unstated and "known_risks" in data:
        c.report(doc, ("known_risks",), "the role's organisation is not stated, so there is "
                 "no known-risks form for these answers",
                 "name the employer if its documents give it, or leave known_risks out")


def _check_competency(c: Checker, doc: Document, index: int, req: dict[str, Any],
                      allowed: set[str] | None) -> None:
    base = ("competencies", index)
    if not c.reference(doc, (*base, "framework"), "framework", req["framework"]):
        return
    framework = c.records.get("framework", req["framework"])
    if framework is None:
        return
    levels = framework.data.get("levels", [])
    where = f"the framework '{req['framework']}'"
    if "competency" in req:
        comps = {x["id"]: x for x in framework.data.get("competencies", [])}
        if req["competency"] not in comps:
            if framework.is_cut(("competencies",)):
                return  # it may be the one the framework's schema refused
            c.report(doc, (*base, "competency"), f"{where} has no competency '{req['competency']}'",
                     suggest(req["competency"], sorted(comps), "competencies"))
            return
        levels = comps[req["competency"]].get("levels", [])
        where = f"the competency '{req['competency']}'"
    check_required_levels(c, doc, base, req, framework, levels, where)
    if "competency" not in req and "level" not in req:
        c.report(doc, base, f"a requirement for {where} as a whole needs the level the source "
                 "names", "write the level the source gives as 'level', or name the competency "
                 "the source lists as 'competency'")
    if isinstance(req.get("assessed_by"), list):
        check_methods(c, doc, (*base, "assessed_by"), req["assessed_by"], allowed)


def _check_salary(c: Checker, doc: Document, path: tuple[str, ...], salary: Any) -> None:
    if salary and "min" in salary and "max" in salary and salary["min"] > salary["max"]:
        c.report(doc, (*path, "min"), "the salary's min is above its max", "swap them")
    for key, what in (("rates", "rate"), ("supplements", "supplement or allowance")):
        for n, item in enumerate((salary or {}).get(key, ())):
            if "min" in item and "max" in item and item["min"] > item["max"]:
                c.report(doc, (*path, key, n, "min"), f"this {what}'s min is above its max",
                         "check both against the source's figure: min is the lower")


# The answer is the employer's form's: the hint asks for it and offers neither YES nor NO.
KNOWN_RISK_HINT = ('copy the answer the employer\'s form gives, "YES" or "NO" in quotes; where the '
                   "form leaves it blank, write  answer: not stated")


def _check_known_risks(c: Checker, doc: Document, data: dict[str, Any]) -> None:
    org = c.records.get("organisation", data["organisation"])
    form = org.data.get("known_risks_form") if org else None
    if org and org.is_cut(("known_risks_form",)):
        return  # the organisation's form was refused by its schema, which has said so
    if not form:
        c.report(doc, ("known_risks",), f"the organisation '{data['organisation']}' has no "
                 "known_risks_form for these answers", "add the checklist to the organisation")
        return
    items = {i["id"]: i for i in form["items"]}
    answers = data["known_risks"]
    c.unique(doc, ("known_risks",), enumerate(a["item"] for a in answers), "answer for item",
             key="item")
    for index, answer in enumerate(answers):
        item = items.get(answer["item"])
        if item is None:
            c.report(doc, ("known_risks", index, "item"),
                     f"the known-risks form has no item '{answer['item']}'",
                     suggest(answer["item"], sorted(items), "items"))
        elif item.get("kind", "yes-no") == "yes-no" and "answer" not in answer:
            c.report(doc, ("known_risks", index), f"item '{answer['item']}' needs an answer",
                     KNOWN_RISK_HINT)


def check_vacancy(c: Checker, doc: Document) -> None:
    data = doc.data
    if "role" in data:
        c.reference(doc, ("role",), "role", data["role"])
    if "scale" in data and c.reference(doc, ("scale",), "scale", data["scale"]):
        role = c.records.get("role", data.get("role", ""))
        if role:  # the vacancy's scale replaces the organisation's: its weights must fit too
            spec = role.data.get("person_specification", {})
            check_weights(c, doc, ("person_specification", "criteria"),
                          spec.get("criteria", []), data["scale"], at=("scale",),
                          ids=role_criterion_ids(c.records, role.data))
    posted, closing = data.get("posted"), data.get("closing_date")
    if posted and closing and len(posted) == len(closing) and closing < posted:
        c.report(doc, ("closing_date",), "the closing date is before the date it was posted")
    for index, day in enumerate(data.get("interview_dates", [])):
        if closing and len(day) == len(closing) and day < closing:
            c.report(doc, ("interview_dates", index), "this interview date is before the "
                     "closing date", "interviews follow shortlisting, after applications close")
    _check_salary(c, doc, ("salary",), data.get("salary"))


def check_glossary(c: Checker, doc: Document) -> None:
    c.unique(doc, ("terms",), enumerate(t["term"] for t in doc.data.get("terms", [])), "term",
             key="term")


def check_all(records: Records) -> Checker:
    """Run every cross-check over every document that passed its schema."""
    c = Checker(records)
    for kind, docs in sorted(records.docs.items()):
        for record_id, doc in sorted(docs.items()):
            check_text(c, doc)
            if kind == "family":
                check_family(c, doc, record_id)
            elif kind in _RULES:
                _RULES[kind](c, doc)
    check_model(c)  # the content model's own rules, warnings among them: modelrules.py
    check_scoring(c)  # stage scales and the weights they allow: generator/content/scalerules.py
    check_questions(c)  # question banks and plans: generator/content/questionrules.py
    return c


_RULES = {
    "organisation": check_organisation,
    "scale": check_scale,
    "framework": check_framework,
    "role": check_role,
    "vacancy": check_vacancy,
    "glossary": check_glossary,
}
