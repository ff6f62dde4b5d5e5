"""Write the recovered structure as a draft role: ordered as the schema, "not stated" where the
source is silent, and an `import_review` saying where it came from, what needs a person's eye
and the text still to place (see `representation.import_review`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.content import yamlwrite
from generator.importer import representation as rep
from generator.importer.criteria import Criterion
from generator.importer.structure import Recovered

# The schema's own order, so a draft reads like a hand-written role.
ORDER = tuple(rep.schema("role")["properties"])
LOOKED_FOR = ("grade", "salary", "hours", "locations", "reports_to", "purpose",
              "accountabilities", "person_specification")


@dataclass(frozen=True)
class Draft:
    """One imported document, ready to write: the YAML text and the JSON report entry."""

    text: str
    report: dict[str, Any]
    needs_review: bool


def _criteria(found: list[Criterion], review: list[str], to_place: list[tuple[str, str]],
              rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    counters: dict[str, int] = {}
    seen: set[str] = set()
    lenient = rep.criterion_allows_not_stated()
    for crit in found:
        if crit.requirement is None and not lenient:
            # No "not stated" in this schema: a guess would be worse than leaving it to a person.
            to_place.append((crit.where, crit.text))
            continue
        entry: dict[str, Any] = {}
        requirement = crit.requirement or rep.NOT_STATED
        prefix = {"essential": "E", "desirable": "D"}.get(requirement, "N")
        counters[prefix] = counters.get(prefix, 0) + 1
        ident = crit.number if crit.number and crit.number not in seen else None
        if ident is None and rep.criterion_id_required():
            ident = f"{prefix}{counters[prefix]}"
            while ident in seen:
                counters[prefix] += 1
                ident = f"{prefix}{counters[prefix]}"
        if ident is not None:
            seen.add(ident)
            entry["id"] = ident
        if crit.category:
            entry["category"] = crit.category
        entry["text"] = crit.text
        if crit.items:
            if "items" in rep.schema("common")["definitions"]["Criterion"]["properties"]:
                entry["items"] = list(crit.items)
            else:
                to_place.extend((crit.where, item) for item in crit.items)
        entry["requirement"] = requirement
        if crit.methods:
            entry["assessed_by"] = crit.methods
            if crit.methods_partly_legible:  # only part of the cell reads: kept as worded
                entry["methods_partly_legible"] = crit.methods_partly_legible
                review.append(f"criterion '{crit.text[:50]}' ({crit.where}): how it is "
                              f"assessed is only partly legible (“{crit.methods_partly_legible}”)"
                              "; only the methods that can be read are in assessed_by")
        elif lenient:
            entry["assessed_by"] = rep.NOT_STATED
        unknown = [name for name, known in (("essential or desirable", crit.requirement),
                                            ("how it is assessed", crit.methods)) if not known]
        if unknown:
            review.append(f"criterion '{crit.text[:50]}' ({crit.where}): "
                          + " and ".join(unknown) + " not stated")
        rows.append({"field": f"person_specification.criteria[{len(out)}]", "source": crit.where,
                     "confidence": "low" if unknown else "high"})
        out.append(entry)
    return out


def build(found: Recovered, organisation: str, family: str | None, source: str,
          fmt: str) -> Draft:
    """The draft's text and report from what structure recovery found."""
    role = dict(found.role)
    role.setdefault("title", rep.NOT_STATED)
    role["organisation"] = organisation
    if family:
        role["family"] = family
    if rep.has_draft_status():
        role["status"] = "draft"  # left out of the published site until a person has checked it
    review: list[str] = list(found.doubts)
    to_place = list(found.to_place)
    rows: list[dict[str, str]] = []
    criteria = _criteria(found.criteria, review, to_place, rows)
    spec: dict[str, Any] = {}
    if found.spec_intro:
        spec["introduction"] = "\n\n".join(found.spec_intro)
    if criteria:
        spec["criteria"] = criteria
    if spec:
        role["person_specification"] = spec
    if role["title"] == rep.NOT_STATED:
        review.append("The role's title is not stated in the source.")
    missing = [key for key in LOOKED_FOR if key not in role]
    role[rep.REVIEW] = rep.import_review(source, fmt, missing, review, to_place)
    ordered = {key: role[key] for key in ORDER if key in role}
    # Written as `roleprint format` writes, so the draft passes `format --check`; everything a
    # person must check is in `import_review`, which the editor shows with a Done box per point.
    text = yamlwrite.dump(ordered, "role", single_file=False)
    report = {"source": source, "format": fmt,
              "fields": [{"field": f, "source": w, "confidence": c}
                         for f, w, c in found.placed] + rows,
              "not_stated": missing, "needs_review": review,
              "to_place": [{"source": w, "text": t} for w, t in to_place]}
    return Draft(text, report, bool(review or to_place))
