"""The question plan as a sheet of the pack's interview workbook: panel material, so only
in a campaign pack (the site's workbooks have no plan, as its forms have none)."""

from __future__ import annotations

from typing import Any

from generator.render.exports.richtext import plain
from generator.scoring.plan import PlannedSheet


def plan_sheet(plan: PlannedSheet) -> dict[str, Any]:
    """One row for each set question in each method's section, in the sheet's order: what it
    assesses, who asks it, and the score range it adds to that method's subtotal."""
    rows: list[list[Any]] = []
    for section in plan.sections:
        seen: dict[str, list[str]] = {}
        asked: dict[str, str | None] = {}
        texts: dict[str, tuple[str, tuple[str, ...]]] = {}
        for block in section.blocks:
            for q in block.questions:
                seen.setdefault(q.question.id, []).append(plain(block.row.label))
                asked[q.question.id] = None if section.written else q.asked_by
                texts[q.question.id] = (q.question.text, q.question.follow_up)
        for qid, labels in seen.items():
            text, follow = texts[qid]
            rows.append([plain(section.method.name), plain(qid), plain(text),
                         "; ".join(plain(f) for f in follow) or None, ", ".join(labels),
                         plain(asked[qid]) if asked[qid] else None])
        if section.scored:
            rows.append([plain(section.method.name), None, "Subtotal", None, None,
                         f"{section.min_subtotal} to {section.max_subtotal}"
                         if section.stated else None])
    return {"name": "Question plan",
            "columns": [["Method", 18], ["Question", 10], ["Question or task", 60],
                        ["Follow-up prompts", 40], ["Assesses", 24],
                        ["Asked by (or subtotal range)", 22]],
            "rows": rows, "freeze": "A2", "borders": True}
