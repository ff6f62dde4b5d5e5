"""Cross-record rules of scoring: the scales each stage names, and the weights they allow.

Called from `rules.check_all`. The criterion weights against an organisation's default scale
or a vacancy's own scale are checked there (`rules.check_weights`); these rules cover what the
stages add: each stage's scale must exist, and a weight set for a stage (on a vacancy, on a
competency, or a criterion's weight where a stage has its own scale) must be one that stage's
scale allows. A weight is never dropped or printed without a word.
"""

from __future__ import annotations

from typing import Any

from generator.content.crosscheck import (
    NO_WEIGHTS_HINT,
    WEIGHT_NOT_ALLOWED_HINT,
    Checker,
    JsonPath,
    family_docs,
    only_mappings,
    role_criterion_ids,
)
from generator.content.yamlload import Document
from generator.model.autoid import criterion_ids
from generator.model.methods import given_methods

# The built-in methods whose criteria each stage scores: the interview stage covers tests,
# exercises and presentations too (references and certificates are not scored).
STAGE_OF_METHOD = {"application": "shortlisting", "interview": "interview", "test": "interview",
                   "written-exercise": "interview", "presentation": "interview"}


def check_scoring(c: Checker) -> None:
    """Every stage scale named, and every weight a stage uses, across all records."""
    for doc in c.records.docs.get("organisation", {}).values():
        _check_stage_scales(c, doc)
    for doc in c.records.docs.get("vacancy", {}).values():
        if _check_stage_scales(c, doc):
            _check_vacancy_weights(c, doc)
            _check_stage_scale_weights(c, doc)
    for doc in c.records.docs.get("role", {}).values():
        _check_role_weights(c, doc)


def _check_stage_scales(c: Checker, doc: Document) -> bool:
    """Report unknown scale ids under stage_scales; True when every one exists."""
    ok = True
    for stage, sid in sorted((doc.data.get("stage_scales") or {}).items()):
        ok = c.reference(doc, ("stage_scales", stage), "scale", sid) and ok
    return ok


def _scale(c: Checker, sid: str | None) -> dict[str, Any] | None:
    found = c.records.get("scale", sid) if sid else None
    return found.data if found is not None else None


def _org_scale_id(c: Checker, org_id: str | None, stage: str) -> str | None:
    org = c.records.get("organisation", org_id) if org_id else None
    if org is None:
        return None
    return (org.data.get("stage_scales") or {}).get(stage) or org.data.get("default_scale")


def _allowed(c: Checker, doc: Document, path: JsonPath, weight: int, what: str,
             sid: str | None, stage: str) -> None:
    scale = _scale(c, sid)
    if scale is None:
        return  # an unknown scale is reported where it is named
    allowed = scale.get("weights") or []
    if weight in allowed:
        return
    if not allowed:
        c.report(doc, path, f"{what} has the weight {weight}, but the {stage} scale '{sid}' "
                 "has no weights", NO_WEIGHTS_HINT)
    else:
        c.report(doc, path, f"{what} has the weight {weight}, which the {stage} scale '{sid}' "
                 "does not allow (it allows " + ", ".join(str(w) for w in allowed) + ")",
                 WEIGHT_NOT_ALLOWED_HINT)


def _vacancy_scale_id(c: Checker, doc: Document, stage: str) -> str | None:
    data = doc.data
    given = (data.get("stage_scales") or {}).get(stage)
    if given or data.get("scale"):
        return given or data.get("scale")
    role = c.records.get("role", data.get("role", ""))
    return _org_scale_id(c, role.data.get("organisation") if role else None, stage)


def _role_ids(c: Checker, role_id: str) -> set[str] | None:
    """The criterion and competency ids a vacancy's weights may name (None: role unknown)."""
    role = c.records.get("role", role_id)
    if role is None:
        return None
    # The ids the model gives the criteria (its sheets key weights by them): the families'
    # and the role's own, numbered where the file leaves them out.
    ids: set[str] = set(role_criterion_ids(c.records, role.data))
    for _, family in family_docs(c.records, role.data):
        ids.update(criterion_ids(only_mappings(family.data.get("criteria"))))
    ids.update(str(comp.get("competency") or comp.get("framework"))
               for comp in role.data.get("competencies") or [] if isinstance(comp, dict))
    return ids


def _check_vacancy_weights(c: Checker, doc: Document) -> None:
    known = _role_ids(c, doc.data.get("role", ""))
    for stage, by_id in sorted((doc.data.get("weights") or {}).items()):
        sid = _vacancy_scale_id(c, doc, stage)
        for rid, weight in sorted(by_id.items()):
            path = ("weights", stage, rid)
            if known is not None and rid not in known:
                c.report(doc, path, f"the role has no criterion or competency '{rid}'",
                         "the ids are: " + ", ".join(sorted(known)))
                continue
            _allowed(c, doc, path, weight, f"'{rid}'", sid, stage)


def _role_weights(c: Checker, role: Document, stage: str) -> list[tuple[str, str, int]]:
    """(what, id, weight) for each criterion and competency of the role that carries a weight
    and is scored at `stage`."""
    spec = role.data.get("person_specification") or {}
    spec_methods = spec.get("assessed_by")
    found = []
    ids = role_criterion_ids(c.records, role.data)
    for rid, crit in zip(ids, spec.get("criteria") or [], strict=True):
        if not isinstance(crit, dict) or crit.get("weight") is None:
            continue
        used = given_methods(crit.get("assessed_by"), spec_methods) or []
        if stage in {STAGE_OF_METHOD.get(m) for m in used}:
            found.append((f"the role's criterion '{rid}'", rid, crit["weight"]))
    for comp in role.data.get("competencies") or []:
        if isinstance(comp, dict) and comp.get("weight") is not None \
                and stage in _competency_stages(comp):
            rid = str(comp.get("competency") or comp.get("framework"))
            found.append((f"the role's competency '{rid}'", rid, comp["weight"]))
    return found


def _competency_stages(comp: dict[str, Any]) -> list[str]:
    """The stages a role's competency is scored at: its methods' (interview when it names none;
    none when the source does not state them)."""
    used = given_methods(comp.get("assessed_by"), ["interview"]) or []
    return sorted({STAGE_OF_METHOD[m] for m in used if m in STAGE_OF_METHOD})


def _check_stage_scale_weights(c: Checker, doc: Document) -> None:
    """A vacancy's own stage scale must allow the weights the role's rows carry at that stage
    (unless the vacancy sets its own weight for the row there)."""
    role = c.records.get("role", doc.data.get("role", ""))
    if role is None:
        return
    for stage, sid in sorted((doc.data.get("stage_scales") or {}).items()):
        own = (doc.data.get("weights") or {}).get(stage) or {}
        for what, rid, weight in _role_weights(c, role, stage):
            if rid not in own:
                _allowed(c, doc, ("stage_scales", stage), weight, what, sid, stage)


def _check_role_weights(c: Checker, doc: Document) -> None:
    org = doc.data.get("organisation")
    default = _org_scale_id(c, org, "")
    for index, comp in enumerate(doc.data.get("competencies") or []):
        if isinstance(comp, dict) and comp.get("weight") is not None:
            name = comp.get("competency") or comp.get("framework")
            by_scale: dict[str | None, list[str]] = {}
            for stage in _competency_stages(comp):  # one report for stages sharing a scale
                by_scale.setdefault(_org_scale_id(c, org, stage), []).append(stage)
            for sid, stages in by_scale.items():
                _allowed(c, doc, ("competencies", index, "weight"), comp["weight"],
                         f"the competency '{name}'", sid, " and ".join(stages))
    spec = doc.data.get("person_specification") or {}
    spec_methods = spec.get("assessed_by")
    ids = role_criterion_ids(c.records, doc.data)
    for index, (rid, crit) in enumerate(zip(ids, spec.get("criteria") or [], strict=True)):
        if not isinstance(crit, dict) or crit.get("weight") is None:
            continue
        used = given_methods(crit.get("assessed_by"), spec_methods) or []
        for stage in sorted({STAGE_OF_METHOD[m] for m in used if m in STAGE_OF_METHOD}):
            sid = _org_scale_id(c, org, stage)
            if sid != default:  # the default scale's weights are checked in rules.py
                _allowed(c, doc, ("person_specification", "criteria", index, "weight"),
                         crit["weight"], f"the criterion '{rid}'",
                         sid, stage)
