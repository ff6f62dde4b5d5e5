"""What a scoring sheet says about itself, so that a filled copy can be collated.

A sheet's PDF carries `<meta name="roleprint-sheet">` (WeasyPrint writes it into the PDF's
document information), a workbook the same facts in its keywords: the record (vacancy or role
id), the stage, the scale, and on a named panel member's sheet their number and name.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from generator.model import SCORING_STAGES

if TYPE_CHECKING:
    from generator.scoring.campaign import Campaign

META_NAME = "roleprint-sheet"
_MEMBER = re.compile(r"-panel-(\d+)$")
_CANDIDATE = re.compile(r"^interview-(c\d+)")


def stage_of(stem: str) -> str | None:
    """'shortlisting' or 'interview' for a scoring sheet a member fills in; None otherwise."""
    if stem == "shortlisting":
        return "shortlisting"
    if stem == "interview" or stem.startswith("interview-"):
        return "interview"
    return None


def sheet_identity(stem: str, c: Campaign) -> str:
    """The identity of the campaign's form `stem` as JSON (sorted keys), or "" for a form no
    member scores on."""
    stage = stage_of(stem)
    if stage is None:
        return ""
    facts: dict[str, object] = {
        "record": c.vacancy.id if c.vacancy else c.role.id,
        "kind": "vacancy" if c.vacancy else "role",
        "stage": stage, "scale": c.scale_at(stage).id, "candidates": c.candidates,
    }
    member = _MEMBER.search(stem)
    if member:
        number = int(member.group(1))
        facts["member"] = number
        facts["name"] = c.panel[number - 1] if number <= len(c.panel) else ""
    code = _CANDIDATE.match(stem)
    if code:
        facts["candidate"] = code.group(1).upper()
    return json.dumps(facts, sort_keys=True, ensure_ascii=False)


def book_keywords(stage: str, campaign: Campaign, scale: str) -> str:
    """A workbook's keywords: "interview, <record>, kind=vacancy, scale=<id>"."""
    record, kind = ((campaign.vacancy.id, "vacancy") if campaign.vacancy
                    else (campaign.role.id, "role"))
    return ", ".join((stage, record, f"kind={kind}", f"scale={scale}"))


def parse_keywords(keywords: str) -> dict[str, object]:
    """`book_keywords` read back; {} when they are not a Roleprint scoring workbook's."""
    parts = [p.strip() for p in (keywords or "").split(",")]
    if len(parts) < 4 or parts[0] not in SCORING_STAGES:
        return {}
    facts: dict[str, object] = {"stage": parts[0], "record": parts[1]}
    for part in parts[2:]:
        key, sep, value = part.partition("=")
        if sep:
            facts[key] = value
    return facts if "scale" in facts else {}
