"""The `roleprint forms` options that argparse cannot check alone: the id among the panel's
names, a panel given as a number, empty or repeated names, and scales by stage."""

from __future__ import annotations

from collections.abc import Sequence

from generator.forms.campaign import FormsError

STAGES = ("shortlisting", "interview")


def record_and_panel(record: str | None, panel: Sequence[str]) -> tuple[str, tuple[str, ...]]:
    """The record id and the panel's names.

    `--panel A B ROLE` reads the id as a name (argparse cannot tell them apart), so with no
    other id the last word after `--panel` is the id. `--panel 3` gives three unnamed members
    (empty names: their sheets say "panel member 1 of 3" …). Empty and repeated names are
    usage errors.
    """
    names = list(panel)
    if record is None:
        if not names:
            raise FormsError("give the id of a role or a vacancy, for example: "
                             "roleprint forms senior-care-worker --out forms/")
        record = names.pop()
    if len(names) == 1 and names[0].strip().isdigit():
        count = int(names[0])
        if not 1 <= count <= 20:
            raise FormsError(f"--panel takes a number from 1 to 20, not {count}")
        return record, ("",) * count  # unnamed: each sheet says "panel member n of 3"
    seen: set[str] = set()
    for name in names:
        if not name.strip():
            raise FormsError("--panel has an empty name: give each member's name, or a number")
        if name.strip().casefold() in seen:
            raise FormsError(f"--panel names '{name.strip()}' twice: give each member once")
        seen.add(name.strip().casefold())
    return record, tuple(n.strip() for n in names)


def split_scales(given: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """`--scale ID` (every stage) and `--scale STAGE=ID` (one stage) as (ID, {stage: ID})."""
    every: str | None = None
    by_stage: dict[str, str] = {}
    for item in given:
        stage, sep, sid = item.partition("=")
        if not sep:
            if every is not None and every != item:
                raise FormsError(f"--scale is given twice for every stage ({every}, {item}): "
                                 "give one, or name the stage (interview=ID)")
            every = item
        elif stage not in STAGES:
            raise FormsError(f"--scale {item}: the stage is one of {', '.join(STAGES)}")
        elif not sid:
            raise FormsError(f"--scale {item}: give a scale id after '='")
        else:
            by_stage[stage] = sid
    return every, by_stage
