"""Cross-checks of competency levels: a framework's levels (numbered, named or both) and the
levels a role names, by number or by name, in the framework's order."""

from __future__ import annotations

from typing import Any

from generator.content.crosscheck import Checker
from generator.content.yamlload import Document
from generator.model.levels import LevelRef, ordered, refers_to
from generator.model.terms import NOT_STATED

REQUIRED = ("entry_level", "level", "exceptional_level")  # lowest to highest


def key_of(level: dict[str, Any]) -> LevelRef | None:
    """What identifies a framework's level: its number, else its name; None for neither."""
    return level["number"] if "number" in level else level.get("name")


def shown(ref: Any) -> str:
    """A level as a message names it: 3, or 'Operational Level' (the editor writes a number
    as text: it is shown as a number)."""
    return str(ref) if isinstance(ref, int) or str(ref).strip().isdigit() else f"'{ref}'"


def check_framework_levels(c: Checker, doc: Document) -> None:
    data = doc.data
    places: list[tuple[tuple[Any, ...], list[Any]]] = [(("levels",), data.get("levels", []))]
    places += [(("competencies", i, "levels"), comp.get("levels", []))
               for i, comp in enumerate(data.get("competencies", []))]
    numbered = any("number" in lv for _, levels in places for lv in levels)
    for base, levels in places:
        _check_levels(c, doc, base, levels, numbered)


def _check_levels(c: Checker, doc: Document, base: tuple[Any, ...], levels: list[Any],
                  numbered: bool) -> None:
    keys = [(index, key_of(lv)) for index, lv in enumerate(levels)]
    c.unique(doc, base, [(i, k) for i, k in keys if isinstance(k, int)], "level number",
             key="number")
    c.unique(doc, base, [(i, k) for i, k in keys if isinstance(k, str)], "level name",
             key="name")
    for index, level in enumerate(levels):
        key = key_of(level)  # the schema asks for a number or a name
        if numbered and "number" not in level:
            c.report(doc, (*base, index, "name"),
                     f"level {shown(key)} has no number, but other levels of this framework do",
                     "give every level the number the framework gives it; if the framework "
                     "names its levels only, leave the numbers out of every level")
        if level.get("not_defined") and level.get("indicators"):
            c.report(doc, (*base, index, "indicators"),
                     f"level {shown(key)} is marked not defined but has indicators",
                     "remove 'not_defined: true' or the indicators")


def framework_order(framework: dict[str, Any]) -> tuple[LevelRef, ...]:
    """The framework's levels in its order (see `generator.model.levels.ordered`)."""
    levels = [*framework.get("levels", []),
              *(lv for comp in framework.get("competencies", []) for lv in comp.get("levels", []))]
    return ordered(k for k in map(key_of, levels) if k is not None)


def check_required_levels(c: Checker, doc: Document, base: tuple[Any, ...],
                          req: dict[str, Any], framework: Any, levels: list[Any],
                          where: str) -> None:
    """A role's levels for one competency (or framework-wide level): each names a level of
    `levels` by number or by name, none is marked not defined, and they rise in the
    framework's order."""
    order = framework_order(framework.data)
    found: list[tuple[str, dict[str, Any]]] = []
    for key in REQUIRED:
        if key not in req:
            continue
        if str(req[key]).strip().casefold() == NOT_STATED:
            # not a level: a role whose source names none leaves the line out
            c.report(doc, (*base, key), f"'not stated' is not a level of {where}",
                     "write the level the source names (its number or its name), or delete "
                     "the line if it names none: no level is then shown")
            continue
        level = next((lv for lv in levels
                      if refers_to(lv.get("number"), lv.get("name"), req[key])), None)
        if level is None and framework.is_cut(()):
            continue  # it may be a level the framework's schema refused
        if level is None:
            known = ordered(k for k in map(key_of, levels) if k is not None)
            c.report(doc, (*base, key), f"{where} has no level {shown(req[key])}",
                     "its levels are: " + (", ".join(map(str, known)) or "none"))
        elif level.get("not_defined"):
            c.report(doc, (*base, key), f"level {shown(req[key])} of {where} is marked not "
                     "defined", "write the level the source gives for the role, not another "
                     "that has indicators; if it gives this one, add its indicators from the "
                     "framework's source")
        else:
            found.append((key, level))
    ranks = [order.index(key_of(lv)) for _, lv in found if key_of(lv) in order]
    if ranks != sorted(ranks):
        c.report(doc, base, "the levels should rise: entry_level ≤ level ≤ exceptional_level",
                 "the framework's levels, lowest first: "
                 + ", ".join(map(str, order)))
