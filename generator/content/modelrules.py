"""Checks that hold the content model to real documents: what is "not stated", and what a
job board needs of an open vacancy.

Some of these advise rather than refuse (severity "warning": reported, exit 0, the build goes
on); the rest are errors like any other cross-check. `rules.check_all` runs them all.
"""

from __future__ import annotations

from typing import Any

from generator.content.crosscheck import Checker, role_criterion_ids
from generator.content.yamlload import Document
from generator.core.clock import has_passed, today
from generator.core.problems import JsonPath, Problem, json_path
from generator.model.autoid import criterion_ids
from generator.model.filters import long_date
from generator.model.terms import NOT_STATED

_FULL_DATE = 10  # len("YYYY-MM-DD")


def warn(c: Checker, doc: Document, path: JsonPath, message: str, hint: str = "") -> None:
    """Report a problem that does not stop the build."""
    mark = doc.mark(path)
    c.problems.append(Problem(doc.path, mark.line, mark.column, json_path(path), message, hint,
                              severity="warning"))


# The country is the source's to give: the hint offers none (not even the United Kingdom).
COUNTRY_HINT = ("add  country:  to the vacancy or to its organisation, as the two-letter code "
                "(ISO 3166-1) of the country the source gives for the job; if the source does not "
                "name it, ask the employer")

UNASSESSED_HINT = ("when the source gives the method, copy it into assessed_by; until then "
                   "the criterion cannot be scored")


def check_unassessed(c: Checker, doc: Document, base: JsonPath,
                     criteria: list[dict[str, Any]], ids: list[str] | None = None) -> None:
    """A criterion whose method is "not stated" is on no scoring sheet: say so, once each."""
    ids = ids or criterion_ids(criteria)
    for index, (crit, crit_id) in enumerate(zip(criteria, ids, strict=True)):
        if "methods_partly_legible" in crit and "assessed_by" not in crit:
            c.report(doc, (*base, index, "methods_partly_legible"),
                     f"criterion '{crit_id}' keeps the source's partly legible method words "
                     "but not the methods that can be read in them, so the person "
                     "specification's default would be used in their place",
                     "add assessed_by to this criterion with only the methods you can read in "
                     "the source's words, or not stated if none can be read")
        if crit.get("assessed_by") == NOT_STATED:
            warn(c, doc, (*base, index, "assessed_by"),
                 f"criterion '{crit_id}' does not say how it is assessed, so it is on no "
                 "scoring sheet", UNASSESSED_HINT)


def check_unassessed_spec(c: Checker, doc: Document, ids: list[str]) -> None:
    """A person specification whose default method is "not stated" leaves every criterion
    that says none of its own on no scoring sheet: say so once, naming them."""
    spec = doc.data.get("person_specification", {})
    if spec.get("assessed_by") != NOT_STATED:
        return
    shared = c.records.docs.get("criterion", {})
    left = [cid for crit, cid in zip(spec.get("criteria", []), ids, strict=True)
            if "assessed_by" not in crit
            and not (crit.get("use") in shared and shared[crit["use"]].data.get("assessed_by"))]
    if left:
        warn(c, doc, ("person_specification", "assessed_by"),
             "the person specification does not say how its criteria are assessed, so "
             + ("criterion" if len(left) == 1 else "criteria") + " " + ", ".join(left)
             + (" is" if len(left) == 1 else " are") + " on no scoring sheet",
             "when the source gives the methods, copy them into assessed_by, for all the "
             "criteria or for each; until then they cannot be scored")


def check_unassessed_competencies(c: Checker, doc: Document) -> None:
    """A competency whose method is "not stated" is on no sheet and not asked about."""
    for index, req in enumerate(doc.data.get("competencies", [])):
        if req.get("assessed_by") == NOT_STATED:
            name = req.get("competency") or req.get("framework")
            warn(c, doc, ("competencies", index, "assessed_by"),
                 f"the competency '{name}' does not say how it is assessed, so it is on no "
                 "scoring sheet and the application form does not ask about it",
                 "when the source gives the method, copy it into assessed_by; until then "
                 "it cannot be scored")


def families_in_use(c: Checker) -> set[str]:
    """The families some role takes criteria from: its own and those it extends."""
    families = c.records.docs.get("family", {})
    used: set[str] = set()
    for doc in c.records.docs.get("role", {}).values():
        current = doc.data.get("family")
        while isinstance(current, str) and current not in used:
            used.add(current)
            parent = families.get(current)
            current = parent.data.get("extends") if parent else None
    return used


def check_family_unassessed(c: Checker, doc: Document) -> None:
    """A family criterion that names no method (nor does its shared criterion) is assessed as
    a role's person specification says for all its criteria, or not at all: say so, at it."""
    shared = c.records.docs.get("criterion", {})
    raws = doc.data.get("criteria", [])
    for index, (crit, crit_id) in enumerate(zip(raws, criterion_ids(raws), strict=True)):
        if "assessed_by" in crit or doc.is_cut(("criteria", index, "assessed_by")) or (
                crit.get("use") in shared and shared[crit["use"]].data.get("assessed_by")):
            continue
        warn(c, doc, ("criteria", index),
             f"family criterion '{crit_id}' does not say how it is assessed, so it is on no "
             "scoring sheet of a role whose person specification does not say either",
             "when the source gives the method, copy it into assessed_by; if it does not, "
             "write  assessed_by: not stated")


def check_categories(c: Checker, doc: Document, spec: dict[str, Any]) -> None:
    """A category description must name a category the criteria use, or it is never shown."""
    used = {crit.get("category", "").casefold() for crit in spec.get("criteria", [])}
    shared = c.records.docs.get("criterion", {})
    used.update(shared[crit["use"]].data.get("category", "").casefold()
                for crit in spec.get("criteria", []) if crit.get("use") in shared)
    for index, category in enumerate(spec.get("categories", [])):
        if category["name"].casefold() not in used:
            names = sorted({crit["category"] for crit in spec.get("criteria", [])
                            if "category" in crit})
            warn(c, doc, ("person_specification", "categories", index, "name"),
                 f"no criterion is in the category '{category['name']}', so its description "
                 "is not shown",
                 "write the name as the criteria do" + (": " + ", ".join(names) if names else ""))


def check_draft_role(c: Checker, doc: Document) -> None:
    """A vacancy (not itself a draft) for a role still marked as a draft is left out of the site
    with it: say so where the vacancy names the role, so it is not a surprise."""
    role = c.records.get("role", doc.data.get("role", ""))
    if doc.data.get("status") == "draft" or role is None or role.data.get("status") != "draft":
        return
    warn(c, doc, ("role",),
         f"the role '{doc.data['role']}' is a draft (status: draft), so roleprint build leaves "
         f"this {doc.data.get('status', '')} vacancy out of the site with it",
         "check the role against its source and delete its 'status: draft' line")


def check_open_vacancy(c: Checker, doc: Document, on: str) -> None:
    """An open vacancy has what Google requires of a JobPosting, and is not past its close."""
    data = doc.data
    if data.get("status") != "open":
        return
    role = c.records.get("role", data.get("role", ""))
    if role is None:  # an unknown role is reported already; more would be noise
        return
    role_data = role.data
    org = c.records.get("organisation", role_data.get("organisation", ""))
    # A date refused as not real (2024-02-30) is reported already: it is not missing too.
    if "posted" not in data and not doc.is_cut(("posted",)):
        c.report(doc, (), "an open vacancy needs the date it was posted",
                 "add  posted: YYYY-MM-DD  (job search engines require datePosted)")
    closing = data.get("closing_date")
    if (not closing or len(closing) != _FULL_DATE) and not doc.is_cut(("closing_date",)):
        c.report(doc, ("closing_date",) if closing else (),
                 "an open vacancy needs a closing date written as a full date",
                 "add  closing_date: YYYY-MM-DD  (job search engines require validThrough)")
    workplace = (data.get("terms") or {}).get("workplace") or \
        (role_data.get("terms") or {}).get("workplace")
    if not (data.get("locations") or role_data.get("locations")) and workplace != "remote":
        c.report(doc, (), "an open vacancy needs a location",
                 "add  locations: [Town]  to the vacancy or its role, or terms: {workplace: "
                 "remote}  for a job done from home")
    if not data.get("country") and not (org and org.data.get("country")) \
            and not doc.is_cut(("country",)):  # a refused country is reported as such
        c.report(doc, (), "an open vacancy needs the country where the job is",
                 COUNTRY_HINT)
    if role_data.get("organisation_not_stated") and "organisation" not in role_data:
        warn(c, doc, ("role",),
             f"the role '{data.get('role')}' does not state its organisation, so this open "
             "vacancy has no JobPosting data on its page and no entry in the vacancies feed "
             "(job search engines require the hiring organisation, a feed entry an author)",
             "if the role's source names the employer, name it in the role's organisation; "
             "otherwise nothing need change")
    if closing and has_passed(closing, on):
        warn(c, doc, ("closing_date",),
             f"the vacancy is open but its closing date ({long_date(closing)}) has passed; "
             "it is published as closed",
             "change status to closed, or give a new closing date")


def check_levels(c: Checker, doc: Document) -> None:
    for index, comp in enumerate(doc.data.get("competencies", [])):
        for number, level in enumerate(comp.get("levels", [])):
            if "not_defined_text" in level and not level.get("not_defined"):
                c.report(doc, ("competencies", index, "levels", number, "not_defined_text"),
                         "not_defined_text is for a level marked not defined",
                         "add  not_defined: true  to the level, or remove not_defined_text")


def check_model(c: Checker, on: str | None = None) -> None:
    """Every model rule over every document that passed its schema."""
    on = on or today()
    docs = c.records.docs
    for _, doc in sorted(docs.get("role", {}).items()):
        spec = doc.data.get("person_specification", {})
        ids = role_criterion_ids(c.records, doc.data)
        check_unassessed(c, doc, ("person_specification", "criteria"), spec.get("criteria", []),
                         ids)
        check_unassessed_spec(c, doc, ids)
        check_unassessed_competencies(c, doc)
        check_categories(c, doc, spec)
    used = families_in_use(c)
    for family_id, doc in sorted(docs.get("family", {}).items()):
        if family_id in used:  # "not stated" matters where a role takes the criteria
            check_unassessed(c, doc, ("criteria",), doc.data.get("criteria", []))
        check_family_unassessed(c, doc)
    for _, doc in sorted(docs.get("vacancy", {}).items()):
        check_open_vacancy(c, doc, on)
        check_draft_role(c, doc)
    for _, doc in sorted(docs.get("framework", {}).items()):
        check_levels(c, doc)
