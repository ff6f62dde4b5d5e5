"""Roles and vacancies of varied shape, each role near a target size in bytes of YAML.

A role gets its header fields, optional prose and lists, a person specification of 5 to 40
criteria and maybe competencies; then its accountabilities are filled (or optional sections
dropped) until its YAML is close to the target size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from benchmarks.frameworks import Framework, requirements
from benchmarks.records import Org
from benchmarks.words import CATEGORIES, Words

Data = dict[str, Any]
ARRANGEMENTS = ("rota", "on-call", "travel", "out-of-hours", "night-work", "driving", "other")
OPTIONAL = ("key_activities", "performance_measures", "context", "known_risks", "statements",
            "introduction", "working_arrangements")


@dataclass
class World:
    """The records a role may refer to."""

    orgs: list[Org]
    frameworks: list[Framework]
    families: dict[str, list[str]]     # family id -> inherited criterion ids
    shared: dict[str, bool]            # shared criterion id -> says how it is assessed


def role(w: Words, world: World, title: str, target: int,
         size: Callable[[Data], int]) -> Data:
    """One role whose YAML (as measured by `size`) is about `target` bytes."""
    org = w.rng.choice(world.orgs)
    data: Data = {"title": title, "organisation": org.id}
    family = None
    if world.families and w.rng.random() < 0.3:
        family = w.rng.choice(sorted(world.families))
        data["family"] = family
    _header(w, data, org)
    _prose(w, data)
    data["accountabilities"] = _section(w, w.rng.choice(("flat", "numbered", "grouped")))
    if w.rng.random() < 0.35:
        data["key_activities"] = _section(w, "flat", title="Key activities")
    if w.rng.random() < 0.45:
        data["performance_measures"] = _section(w, "flat", title="Key results")
    _conditions(w, data, org)
    count = max(5, min(40, round(target / 420 * w.rng.uniform(0.6, 1.3))))
    data["person_specification"] = _person_spec(w, org, world, count,
                                                world.families.get(family or "", []))
    if world.frameworks and w.rng.random() < 0.55:
        own = [f for f in world.frameworks if f.organisation in (org.id, None)]
        data["competencies"] = requirements(w, w.rng.choice(own or world.frameworks),
                                            org.methods)
    _fit(w, data, target, size)
    return data


def _header(w: Words, data: Data, org: Org) -> None:
    if org.shape == "council":
        data["directorate"] = f"{w.pick(('People', 'Children', 'Adults', 'Communities'))} Group"
        if w.rng.random() < 0.5:
            data["service"] = f"{w.place()} {w.pick(('Family Service', 'Support Service'))}"
    elif w.rng.random() < 0.4:
        data["team"] = f"{w.place()} Community Team"
    if w.rng.random() < 0.8:
        data["locations"] = [w.place() for _ in range(w.rng.choice((1, 1, 1, 2, 3)))]
    data["reports_to"] = ["Team Leader"] if w.rng.random() < 0.85 else ["Team Leader",
                                                                         "Service Manager"]
    if w.rng.random() < 0.4:
        data["direct_reports"] = w.pick(("None", "2 Support Workers", "Volunteers"))
    if w.rng.random() < 0.5:
        data["grade"] = f"{w.pick(('Band', 'Grade', 'Scale'))} {w.rng.randint(3, 12)}"
    if w.rng.random() < 0.6:
        data["salary"] = _salary(w)
    if w.rng.random() < 0.4:
        data["post_number"] = f"D{w.rng.randint(10000, 99999)}"
    if w.rng.random() < 0.3:
        data["job_evaluation_number"] = f"0{w.rng.randint(1000, 9999)}"
    if w.rng.random() < 0.5:
        data["hours"] = w.pick(("37 hours per week", "37.5 hours per week", "Part time, 22.5 "
                                "hours per week", "Full time"))
    if w.rng.random() < 0.5:
        data["contract"] = w.pick(("Permanent", "Fixed term for 12 months", "Maternity cover"))
    if w.rng.random() < 0.8:
        year = w.rng.randint(2018, 2026)
        dates = {"issued": f"{year}-{w.rng.randint(1, 12):02d}"}
        if w.rng.random() < 0.4:
            dates["issued"] += f"-{w.rng.randint(1, 28):02d}"
        if w.rng.random() < 0.3:
            dates["reviewed"] = f"{year + 1}-{w.rng.randint(1, 12):02d}-{w.rng.randint(1, 28):02d}"
        if w.rng.random() < 0.3:
            dates["next_review"] = f"{year + 2}-{w.rng.randint(1, 12):02d}"
        data["dates"] = dates


def _salary(w: Words) -> Data:
    low = w.rng.randrange(18000, 45000, 250)
    if w.rng.random() < 0.15:
        hourly = round(low / 1950, 2)
        return {"text": f"£{hourly:.2f} per hour", "min": hourly, "max": hourly,
                "period": "hour"}
    high = low + w.rng.randrange(0, 6000, 250)
    text = f"£{low:,} per annum" if low == high else f"£{low:,} to £{high:,} per annum"
    if w.rng.random() < 0.2:
        return {"text": text + " pro rata"}
    found: Data = {"text": text, "min": low, "max": high, "period": "year"}
    if w.rng.random() < 0.5:
        found["currency"] = "GBP"
    return found


def _prose(w: Words, data: Data) -> None:
    if w.rng.random() < 0.3:
        data["introduction"] = w.paragraph(1, 2)
    if w.rng.random() < 0.6:
        data["context"] = w.markdown(w.rng.randint(1, 3))
    if w.rng.random() < 0.8:
        data["purpose"] = w.markdown(w.rng.randint(1, 2))


def _section(w: Words, shape: str, title: str | None = None) -> Data:
    found: Data = {}
    if title or w.rng.random() < 0.7:
        found["title"] = title or w.pick(("Main duties and responsibilities", "Accountabilities",
                                          "The role", "Job Accountabilities"))
    if w.rng.random() < 0.3:
        found["intro"] = "The post holder will:"
    if shape == "grouped":
        found["groups"] = [
            {"heading": heading, "items": [w.duty() for _ in range(w.rng.randint(1, 5))]}
            for heading in w.rng.sample(("Strategy", "Service Delivery", "Performance Management",
                                         "Quality and Safety", "Systems and Policy",
                                         "Administration", "Partnership Working", "Other"),
                                        w.rng.randint(2, 6))]
        if w.rng.random() < 0.3:
            found["groups"][0]["intro"] = "Key results to be agreed annually at appraisal."
    else:
        found["items"] = [w.duty() for _ in range(w.rng.randint(3, 8))]
        if shape == "numbered":
            found["items"] = [{"number": str(n), "text": t}
                              for n, t in enumerate(found["items"], start=1)]
            found["items"][-1]["items"] = [{"number": roman, "text": w.criterion()}
                                           for roman in ("i", "ii", "iii")[:w.rng.randint(1, 3)]]
    if w.rng.random() < 0.3:
        found["outro"] = "To undertake any other duties commensurate with the grade of the post."
    return found


def _conditions(w: Words, data: Data, org: Org) -> None:
    if w.rng.random() < 0.6:
        kinds = w.rng.sample(ARRANGEMENTS, w.rng.randint(1, 3))
        data["working_arrangements"] = [{"kind": k, "text": w.duty()} for k in kinds]
    if w.rng.random() < 0.5:
        checks: Data = {"dbs": w.pick(("basic", "standard", "enhanced",
                                        "enhanced-with-barred-list"))}
        if w.rng.random() < 0.5:
            checks["rehabilitation_exemption"] = True
        if w.rng.random() < 0.5:
            checks["statement"] = w.paragraph(1, 2)
        checks["other"] = ["Satisfactory references"]
        data["pre_employment_checks"] = checks
    if org.risks and w.rng.random() < 0.8:
        answers = []
        for item, kind in org.risks:
            if kind == "free-text":
                if w.rng.random() < 0.3:
                    answers.append({"item": item, "details": "Lone working in the community"})
            else:
                answers.append({"item": item, "answer": "YES" if w.rng.random() < 0.2 else "NO"})
        data["known_risks"] = answers
    if w.rng.random() < 0.2:
        data["statements"] = [{"kind": "data-protection", "title": "Data protection",
                               "text": w.paragraph(1, 2)}]


def _person_spec(w: Words, org: Org, world: World, count: int, inherited: list[str]) -> Data:
    spec: Data = {}
    if w.rng.random() < 0.6:
        spec["introduction"] = w.paragraph(1, 3)
    default = w.rng.random() < 0.7
    if default:
        spec["assessed_by"] = ["application", "interview"]
    style = w.rng.choice(("ed", "numbers", "ints", "dotted"))
    categories = w.rng.sample(CATEGORIES, w.rng.randint(3, 6))
    shared = w.rng.sample(sorted(world.shared), w.rng.choice((0, 0, 1, 2)))
    criteria: list[Data] = []
    counts = {"essential": 0, "desirable": 0}
    for index in range(count):
        requirement = "essential" if w.rng.random() < 0.7 else "desirable"
        counts[requirement] += 1
        ids: dict[str, str | int] = {"ed": f"{requirement[0].upper()}{counts[requirement]}",
                                     "numbers": str(index + 1), "ints": index + 1,
                                     "dotted": f"C.{index + 1}"}
        cid = ids[style]
        crit: Data = {"id": cid}
        use = shared.pop() if shared and w.rng.random() < 0.3 else None
        if use:
            crit["use"] = use
        else:
            crit["category"] = categories[index * len(categories) // count]
            crit["text"] = w.criterion()
        crit["requirement"] = requirement
        if (not default and not (use and world.shared[use])) or w.rng.random() < 0.15:
            crit["assessed_by"] = w.rng.sample(org.methods, w.rng.randint(1, 2))
        if org.weights and w.rng.random() < 0.5:
            crit["weight"] = w.rng.choice(org.weights)
        if w.rng.random() < 0.05:
            crit["guidance"] = "Give an example from the last two or three years."
        criteria.append(crit)
    if inherited and w.rng.random() < 0.3:
        criteria.append({"id": inherited[0], "category": "Experience",
                         "text": w.criterion(), "requirement": "essential",
                         "assessed_by": ["application", "interview"]})
    spec["criteria"] = criteria
    return spec


def _fit(w: Words, data: Data, target: int, size: Callable[[Data], int]) -> None:
    """Drop optional parts to come under `target`, or add list items to reach it."""
    current = size(data)
    for key in OPTIONAL:
        if current <= target * 1.1:
            break
        if key in data:
            del data[key]
            current = size(data)
    for _ in range(3):
        if current >= target * 0.95:
            break
        for _ in range(max(1, (target - current) // 115)):
            _grow(w, data)
        current = size(data)


def _grow(w: Words, data: Data) -> None:
    """One more item in a list section (sometimes a new section or a paragraph of context)."""
    roll = w.rng.random()
    if roll < 0.05:
        data["context"] = (data["context"] + "\n\n" if "context" in data else "") + w.paragraph()
        return
    key = ("accountabilities" if roll < 0.6 else "key_activities" if roll < 0.8
           else "performance_measures")
    section = data.setdefault(key, {"title": key.replace("_", " ").capitalize(), "items": []})
    items = w.rng.choice(section["groups"])["items"] if "groups" in section else section["items"]
    text = w.duty()
    items.append({"number": str(len(items) + 1), "text": text}
                 if items and isinstance(items[0], dict) else text)


def vacancy(w: Words, role_id: str, role: Data, org: Org, status: str, scales: list[str]) -> Data:
    year = w.rng.randint(2024, 2027)
    month = w.rng.randint(1, 10)
    data: Data = {"role": role_id,
                  "reference": f"{org.id[:3].upper()}-{year}-{w.rng.randint(1, 9999):04d}",
                  "status": status}
    if w.rng.random() < 0.2:
        data["title"] = f"{role['title']} (maternity cover)"
    data["posted"] = f"{year}-{month:02d}-{w.rng.randint(1, 10):02d}"
    data["closing_date"] = f"{year}-{month + 1:02d}-{w.rng.randint(1, 28):02d}"
    if w.rng.random() < 0.5:
        data["closing_time"] = w.pick(("12:00", "09:00", "23:59"))
    data["interview_dates"] = [f"{year}-{month + 2:02d}-{day:02d}"
                               for day in sorted(w.rng.sample(range(1, 29), w.rng.randint(1, 2)))]
    if w.rng.random() < 0.5:
        data["salary"] = _salary(w)
    data["hours"] = "37 hours per week"
    data["contract"] = w.pick(("Permanent", "Fixed term for 12 months"))
    data["employment_type"] = w.pick(("full-time", "part-time", "temporary", "contractor"))
    if w.rng.random() < 0.5:
        data["locations"] = [w.place()]
    # What job boards require of an open vacancy (validate refuses it otherwise); no draw from
    # the random stream, so the rest of the synthetic content stays as it was.
    data["country"] = "GB"
    if status == "open" and "locations" not in data and "locations" not in role:
        data["locations"] = ["Leeds"]
    data["how_to_apply"] = w.markdown(2)
    data["contact"] = {"name": w.person(), "email": f"jobs@{org.id}.example.org",
                       "phone": w.phone()}
    if w.rng.random() < 0.3:
        data["scale"] = w.rng.choice(scales)
    data["candidates"] = w.rng.randint(3, 12)
    if w.rng.random() < 0.5:
        data["panel"] = [w.person() for _ in range(w.rng.randint(2, 3))]
    return data
