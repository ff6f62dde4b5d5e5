"""Write the recovered structure as a draft role: ordered as the schema, "not stated" where the
source is silent, a comment block saying where it came from and what needs a person's eye."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generator.content.yamlload import date_problem
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


# libyaml's emitter when PyYAML has it (about five times faster), else the pure-Python one
_Base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_Base):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and not value.endswith((" ", "\t")) else None
    if value[:1].isdigit() and date_problem(value):  # "2019-13" plain would be read as a date
        style = "'"
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def build(found: Recovered, organisation: str, family: str | None, source: str,
          fmt: str) -> Draft:
    """The draft's text and report from what structure recovery found."""
    role = dict(found.role)
    role.setdefault("title", rep.NOT_STATED)
    role["organisation"] = organisation
    if family:
        role["family"] = family
    marked = rep.has_draft_status()
    if marked:
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
        review.append("title: not stated in the source")
    missing = [key for key in LOOKED_FOR if key not in role]
    comments: list[str] = []
    if to_place:
        comments = rep.attach_notes(role, rep.to_place_note(to_place))
        review.append(f"{len(to_place)} piece(s) of text to place (see {rep.NOTES})")
    ordered = {key: role[key] for key in ORDER if key in role}
    body = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=4096, default_flow_style=False)
    source = "".join(ch if ch.isprintable() else "?" for ch in source)  # a comment stays one line
    head = ["# yaml-language-server: $schema=../../schemas/role.schema.json",
            f"# Draft imported by `roleprint import` from {source} ({fmt}).",
            "# It is a draft: check it against the source before publishing."]
    if marked:
        head[-1:] = ["# It is a draft (status: draft): roleprint build leaves it out of the site",
                     "# until a person has checked it against the source and deleted that line."]
    if missing:
        head.append("# Not stated in the source: " + ", ".join(missing) + ".")
    if review:
        head.append("# Needs a person's eye:")
        head += [f"#   - {' '.join(line.split())}" for line in review]
    text = "\n".join(head) + "\n" + body + "".join(f"# {c}\n" for c in comments)
    report = {"source": source, "format": fmt,
              "fields": [{"field": f, "source": w, "confidence": c}
                         for f, w, c in found.placed] + rows,
              "not_stated": missing, "needs_review": review,
              "to_place": [{"source": w, "text": t} for w, t in to_place]}
    return Draft(text, report, bool(review))
