"""The `roleprint forms` options that argparse cannot check alone: the id among the panel's
names, a panel given as a number, names as people type them, empty or repeated names, and
scales by stage."""

from __future__ import annotations

from collections.abc import Sequence

from generator.core.errors import UsageError
from generator.model import SCORING_STAGES


def _names(groups: Sequence[Sequence[str]]) -> list[str]:
    """The members' names from each `--panel`'s words.

    Each --panel takes one name, or several separated by commas ("Jo Smith, Amir Khan"), or
    several quoted names ("Jo Smith" "Amir Khan"). Several words one of which is a single word
    (--panel Pat Chair Sam Member) could be two people or four: refused, never guessed.
    """
    names: list[str] = []
    for words in groups:
        if len(words) > 1 and any(w.strip() and " " not in w.strip() and "," not in w
                                  for w in words):
            raise UsageError(
                f"--panel {' '.join(words)}: is that {len(words)} people, or fewer with longer "
                'names? Give each member\'s name in quotes (--panel "Pat Chair" --panel "Sam '
                'Member"), or separate the names with commas (--panel "Pat Chair, Sam Member")')
        for word in words:
            # "Jo Smith, Amir Khan" is two names; a comma at the end adds none
            names += [n for n in word.split(",") if n.strip()] if "," in word else [word]
    return names


def record_and_panel(record: str | None, panel: Sequence[Sequence[str]],
                     ) -> tuple[str, tuple[str, ...]]:
    """The record id and the panel's names, from the words of each `--panel` given.

    `--panel "A Smith" ROLE` reads the id as a name (argparse cannot tell them apart), so with
    no other id the last word after the last `--panel` is the id. `--panel 3` gives three
    unnamed members (empty names: their sheets say "panel member 1 of 3" …). Empty and
    repeated names, and a number beside names, are usage errors.
    """
    groups = [list(words) for words in panel]
    if record is None:
        if not groups:
            raise UsageError("give the id of a role or a vacancy, for example: "
                             "roleprint forms senior-care-worker --out forms/")
        record = groups[-1].pop()
    names = _names([words for words in groups if words])
    if any(n.strip().isdigit() for n in names):
        if len(names) != 1:
            raise UsageError("--panel takes a number of members or their names, not both: "
                             + ", ".join(n.strip() for n in names))
        count = int(names[0])
        if not 1 <= count <= 20:
            raise UsageError(f"--panel takes a number from 1 to 20, not {count}")
        return record, ("",) * count  # unnamed: each sheet says "panel member n of 3"
    seen: set[str] = set()
    for name in names:
        if not name.strip():
            raise UsageError("--panel has an empty name: give each member's name, or a number")
        if name.strip().casefold() in seen:
            raise UsageError(f"--panel names '{name.strip()}' twice: give each member once")
        seen.add(name.strip().casefold())
    return record, tuple(" ".join(n.split()) for n in names)


def understood(panel: Sequence[str]) -> str:
    """What the command took `--panel` to mean, printed with the files it wrote: "Panel: Jo
    Smith, Amir Khan." or "Panel: 3 members, not named."."""
    if panel and not any(panel):
        return f"Panel: {len(panel)} member{'s' if len(panel) > 1 else ''}, not named."
    return "Panel: " + ", ".join(panel) + "."


def split_scales(given: Sequence[str]) -> tuple[str | None, dict[str, str]]:
    """`--scale ID` (every stage) and `--scale STAGE=ID` (one stage) as (ID, {stage: ID}).
    Two different scales for the same stage are a usage error, never the last one winning."""
    every: str | None = None
    by_stage: dict[str, str] = {}
    for item in given:
        stage, sep, sid = item.partition("=")
        if not sep:
            if every is not None and every != item:
                raise UsageError(f"--scale is given twice for every stage ({every}, {item}): "
                                 "give one, or name the stage (interview=ID)")
            every = item
        elif stage not in SCORING_STAGES:
            raise UsageError(f"--scale {item}: the stage is one of {', '.join(SCORING_STAGES)}")
        elif not sid:
            raise UsageError(f"--scale {item}: give a scale id after '='")
        elif by_stage.get(stage, sid) != sid:
            raise UsageError(f"--scale is given twice for the {stage} stage ({by_stage[stage]}, "
                             f"{sid}): give one scale for each stage")
        else:
            by_stage[stage] = sid
    return every, by_stage
