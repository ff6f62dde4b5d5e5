"""A role's contract facts, vetting and dimensions as Word export blocks, as the role page
shows them: the source's words, and only what the source gives."""

from __future__ import annotations

from generator.model import ContractFacts, Dimensions, Vetting
from generator.model.filters import long_date
from generator.render.exports.docblocks import Doc, labelled, marked, runs_of
from generator.render.exports.richtext import Run, inline


def contract_facts(facts: ContractFacts) -> list[tuple[str, tuple[Run, ...]]]:
    """The summary's rows for the contract's kind, end date and length (given ones only)."""
    return [("Kind of contract", runs_of(facts.kind_label or "")),
            ("Contract ends", runs_of(long_date(facts.end) if facts.end else "")),
            ("Length of contract", inline(facts.length))]


def vetting(doc: Doc, items: tuple[Vetting, ...]) -> None:
    """Each vetting as the page lists it: its scheme and level in bold, whether it must already
    be held, then the source's own sentence."""
    if not items:
        return
    doc.heading(3, runs_of("Vetting and security clearance"))
    for item in items:
        status = item.candidate_label
        lead: tuple[Run, ...] = ()
        if item.name:
            lead = (*marked(inline(item.name), "b"),
                    *runs_of(f" ({status}): " if status else ": "))
        elif status:
            lead = (*marked(runs_of(status.capitalize() + ":"), "b"), *runs_of(" "))
        doc.led(lead, item.text, "bullet:1")


def dimensions(doc: Doc, value: Dimensions) -> None:
    """The DIMENSIONS section: each label and value as the source gives them."""
    if not value:
        return
    doc.heading(2, inline(value.heading))
    doc.text(value.intro)
    doc.bullets([labelled(item.label, inline(item.value)) for item in value.items])
