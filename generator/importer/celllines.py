"""A table saved as text with one cell per line, as Word's "Plain text" export writes it:

    Knowledge of the Recovery Agenda.
    D
    A/I

A line followed by a bare E/D mark (and perhaps method codes) is a criterion. A mark followed
by its own meaning ("E" then "Essential Criteria") is the table's key, not a criterion. A short
line naming a category ("Personal Attributes") before criteria is a category heading.
"""

from __future__ import annotations

from generator.importer.assess import Methods, requirement
from generator.importer.blocks import Block
from generator.importer.labels import is_category

Found = tuple[str, Block, str | None, list[str] | None]  # kind, block, requirement, methods


def _methods(text: str, methods: Methods) -> list[str] | None:
    return methods.parse(text) if len(text) <= 40 else None


def _mark(text: str, methods: Methods) -> bool:
    return requirement(text) is not None or _methods(text, methods) is not None


def _is_key(mark: str, meaning: str, methods: Methods) -> bool:
    """ "E" then "Essential Criteria", "A" then "Application": a line of the table's key."""
    first = meaning.split()[0] if meaning.split() else ""
    found = requirement(mark)
    if found is not None:
        return requirement(first) == found
    codes = _methods(mark, methods)
    return codes is not None and (_methods(first, methods) == codes
                                  or _methods(meaning, methods) == codes)


def group(blocks: list[Block], methods: Methods) -> list[Found]:
    """Criteria, categories and other text from a run of one-cell lines."""
    out: list[Found] = []
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        after = blocks[i + 1].text if i + 1 < len(blocks) else ""
        if _mark(text, methods) and after and _is_key(text, after, methods):
            out += [("other", blocks[i], None, None), ("other", blocks[i + 1], None, None)]
            i += 2
            continue
        req = requirement(after) if after else None
        if req is not None and not _mark(text, methods):
            third = blocks[i + 2].text if i + 2 < len(blocks) else ""
            found = _methods(third, methods) if third else None
            out.append(("criterion", blocks[i], req, found))
            i += 3 if found else 2
            continue
        next_is_criterion = (i + 2 < len(blocks) and requirement(blocks[i + 2].text) is not None
                             and not _mark(after, methods))
        if next_is_criterion and is_category(text) and not text.endswith("."):
            out.append(("category", blocks[i], None, None))
        else:
            out.append(("other", blocks[i], None, None))
        i += 1
    return out
