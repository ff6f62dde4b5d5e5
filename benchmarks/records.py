"""The records roles build on: scales, organisations, shared criteria and the glossary.

Each function returns {id: data} ready to be written as YAML, plus what the role maker needs to
know to stay valid (an organisation's own methods, its known-risks items, its scale's weights).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from benchmarks.words import ORG_KINDS, STREETS, Words, slug

Data = dict[str, Any]

LABELS = ("Does not meet", "Partly meets", "Meets", "Meets well", "Exceeds")
# (min, max, weights): the ranges the shipped scales use, and a few more.
RANGES = ((0, 2, None), (0, 3, None), (1, 4, None), (1, 5, None), (1, 7, [1, 2, 3]),
          (0, 4, None), (1, 10, [1, 2, 3, 4, 5]))
STANDARD_SCALES = {"standard-0-2": (0, 2, None, False), "standard-1-5": (1, 5, None, False),
                   "standard-1-7": (1, 7, [1, 2, 3], False), "desirable-0-4": (0, 4, None, True)}
# (id, item text, note id, note title); the last item is the free-text "other".
RISKS = (
    ("asbestos", "Is likely to be exposed to asbestos", "asbestos", "Asbestos"),
    ("noise", "Is at risk from noise that might affect their health", "noise", "Noise"),
    ("vibration", "Will be exposed to vibration above the exposure action level", "vibration",
     "Vibration"),
    ("night-work", "May require a health assessment for night work", "night-work", "Night work"),
    ("hazardous-substances", "Is exposed to hazardous substances", "coshh", "COSHH"),
    ("council-vehicle", "Is required to drive a vehicle owned by the employer", "drivers",
     "Drivers"),
    ("own-vehicle", "Is required to drive their own vehicle for work", "drivers", "Drivers"),
    ("confined-space", "Is required to work in a confined space", "confined-spaces",
     "Confined spaces"),
    ("vulnerable-clients", "Is required to work with vulnerable clients", "vulnerable-clients",
     "Vulnerable client groups"),
    ("needle-stick", "Is at risk of needle stick injury or bites", "communicable-diseases",
     "Communicable diseases"),
    ("food", "Will handle food", "food-handler", "Food handler"),
    ("other", "Other – please specify", "other", "Other"),
)
CUSTOM_METHODS = (("assessment-centre", "Assessment centre", "AC", "interview"),
                  ("home-visit", "Home visit exercise", "HV", "interview"),
                  ("medical", "Occupational health check", "OH", "pre-appointment"))
VALUE_VERBS = ("Believe in", "Build", "Celebrate", "Share")
VALUE_NOUNS = ("hope", "trust", "diversity", "learning", "courage")
SHARED = (  # (id, text, category, assessed_by or None, guidance)
    ("enhanced-dbs", "Enhanced DBS", "Special requirements", ["certificates"], None),
    ("basic-dbs", "Basic DBS check", "Special requirements", ["certificates"], None),
    ("full-driving-licence", "Full Driving Licence", "Special requirements",
     ["application", "certificates"], None),
    ("right-to-work", "Right to work in the UK", "Special requirements", ["certificates"],
     "Bring your passport or other proof of your right to work to the interview."),
    ("gcse-english-maths", "GCSE English and Maths at grade C/4 or above, or equivalent",
     "Qualifications", ["application", "certificates"], None),
    ("safeguarding-level-2", "Safeguarding training to Level 2", "Qualifications", None, None),
    ("first-aid", "A current first aid certificate", "Qualifications", ["certificates"], None),
    ("lived-experience", "Lived experience of recovery", "Personal attributes",
     ["application", "interview"],
     "You do not have to say more about your own experience than you are comfortable with."),
    ("it-skills", "Good IT skills, including email and word processing", "Skills", None, None),
    ("team-working", "Works well as part of a team", "Personal attributes", ["interview"], None),
)


@dataclass
class Org:
    """What a role needs to know about its organisation."""

    id: str
    name: str
    shape: str                       # council | charity | minimal
    methods: list[str]               # assessment method ids a role may use
    weights: list[int] | None        # the default scale's weights
    risks: list[tuple[str, str]] = field(default_factory=list)   # (item id, kind)


def scales(w: Words, orgs: int) -> tuple[dict[str, Data], list[tuple[str, list[int] | None]]]:
    """The standard scales plus one default scale per organisation."""
    found = {sid: _scale(w, f"Standard {lo} to {hi} scale", lo, hi, wt, desirable)
             for sid, (lo, hi, wt, desirable) in STANDARD_SCALES.items()}
    own = []
    for index in range(orgs):
        lo, hi, weights = w.rng.choice(RANGES)
        sid = f"scale-{index + 1:03d}"
        found[sid] = _scale(w, f"Shortlisting scale {index + 1}", lo, hi, weights, False)
        own.append((sid, weights))
    return found, own


def _scale(w: Words, name: str, lo: int, hi: int, weights: list[int] | None,
           desirable_only: bool) -> Data:
    points = []
    for score in range(hi, lo - 1, -1):
        label = LABELS[round((score - lo) / (hi - lo) * (len(LABELS) - 1))]
        point: Data = {"score": score}
        if w.rng.random() < 0.8:
            point["label"] = label
        point["descriptor"] = f"{label} the criterion. {w.sentence()}"
        points.append(point)
    data: Data = {"name": name}
    if w.rng.random() < 0.7:
        data["description"] = w.paragraph(1, 2)
    data.update({"min": lo, "max": hi, "points": points})
    if weights:
        data["weights"] = list(weights)
    data["essential_gate"] = not desirable_only
    if desirable_only:
        data["score_desirable_only"] = True
    return data


def organisations(w: Words, count: int, own_scales: list[tuple[str, list[int] | None]]
                  ) -> tuple[dict[str, Data], list[Org]]:
    found: dict[str, Data] = {}
    orgs: list[Org] = []
    names: set[str] = set()
    for index in range(count):
        name = f"{w.place()} {ORG_KINDS[index % len(ORG_KINDS)]}"
        while name in names:
            name = f"{w.place()} {ORG_KINDS[index % len(ORG_KINDS)]}"
        names.add(name)
        oid = slug(name)
        shape = ("council", "charity", "minimal")[index % 3]
        scale_id, weights = own_scales[index]
        data: Data = {"name": name}
        org = Org(oid, name, shape, ["application", "interview", "test", "presentation",
                                     "references", "certificates"], weights)
        if shape == "charity":
            _charity(w, data, oid)
        data["contacts"] = [{"purpose": "Recruitment", "email": f"jobs@{oid}.example.org"}]
        if shape == "council":
            data["contacts"].append({"purpose": "Occupational Health", "phone": w.phone()})
        data["statements"] = [{"kind": "safeguarding", "title": "Safeguarding",
                               "text": w.paragraph(2, 4)}]
        if w.rng.random() < 0.5:
            data["statements"].append({"kind": "equality", "text": w.paragraph(1, 3)})
        data["default_scale"] = scale_id
        if index % 4 == 1:
            custom = CUSTOM_METHODS[index % len(CUSTOM_METHODS)]
            data["assessment_methods"] = [
                {"id": "application", "name": "Application form", "abbreviation": "AF"},
                {"id": custom[0], "name": custom[1], "abbreviation": custom[2],
                 "stage": custom[3]},
            ]
            org.methods.append(custom[0])
        if shape == "council":
            data["known_risks_form"] = _risk_form(w, org)
        found[oid] = data
        orgs.append(org)
    return found, orgs


def _charity(w: Words, data: Data, oid: str) -> None:
    if w.rng.random() < 0.5:
        data["short_name"] = data["name"].split()[0]
    if w.rng.random() < 0.3:
        data["formerly"] = [f"{w.place()} Trust"]
    data["about"] = w.markdown(w.rng.randint(1, 2))
    data["address"] = [f"{w.rng.randint(1, 300)} {w.pick(STREETS)}", f"{w.place()} AB1 2CD"]
    data["website"] = f"https://www.{oid}.example.org"
    if w.rng.random() < 0.7:
        if w.rng.random() < 0.5:
            data["values_intro"] = "Our values guide everything we do."
        data["values"] = [{"name": f"{w.pick(VALUE_VERBS)} {w.pick(VALUE_NOUNS)}",
                           "description": w.sentence()} for _ in range(w.rng.randint(3, 5))]
        data["values_statement"] = "All staff must demonstrate these values in their work."
    data["branding"] = {"colour": f"#{w.rng.randrange(0x1000000):06x}"}


def _risk_form(w: Words, org: Org) -> Data:
    chosen = [r for r in RISKS[:-1] if w.rng.random() < 0.75] + [RISKS[-1]]
    items, notes = [], {}
    for index, (rid, text, note, title) in enumerate(chosen):
        kind = "free-text" if rid == "other" else "yes-no"
        item: Data = {"id": rid}
        if w.rng.random() < 0.8:
            item["letter"] = chr(ord("A") + index)
        item.update({"text": text, "note": note, "kind": kind})
        items.append(item)
        org.risks.append((rid, kind))
        if note not in notes:
            notes[note] = {"id": note, **({"letter": item["letter"]} if "letter" in item else {}),
                           "title": title, "text": w.markdown(w.rng.randint(1, 2))}
    return {"title": "Known Risks Referral Form Occupational Health (OH)",
            "introduction": w.markdown(2), "question": "In the course of their work this employee;",
            "items": items, "notes": list(notes.values()),
            "history": "Form Created: October 2018, Form Reviewed: June 2022"}


def shared_criteria() -> tuple[dict[str, Data], dict[str, bool]]:
    """Shared criteria, and for each whether it says how it is assessed."""
    found: dict[str, Data] = {}
    for cid, text, category, methods, guidance in SHARED:
        data: Data = {"text": text, "category": category}
        if methods:
            data["assessed_by"] = list(methods)
        if guidance:
            data["guidance"] = guidance
        found[cid] = data
    return found, {cid: bool(methods) for cid, _, _, methods, _ in SHARED}


def glossary(w: Words, count: int) -> tuple[Data, list[str]]:
    terms: dict[str, Data] = {"A&E": {"term": "A&E", "meaning": "Accident and Emergency"},
                              "DBS": {"term": "DBS", "meaning": "Disclosure and Barring Service"}}
    while len(terms) < count:
        term, meaning = w.acronym()
        if term.casefold() not in {t.casefold() for t in terms}:
            entry: Data = {"term": term, "meaning": meaning}
            if w.rng.random() < 0.15:
                entry["description"] = w.sentence()
            terms[term] = entry
    ordered = [terms[t] for t in sorted(terms, key=str.casefold)]
    return {"terms": ordered}, [t["term"] for t in ordered]
