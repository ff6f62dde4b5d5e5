"""Which id properties point at records of another collection, and which do not.

The schemas say a property holds an id (`$ref: common#/definitions/id`) but not whose: that
is Roleprint's cross-check knowledge (`generator/content/crosscheck.py`). This table gives the
editor the same knowledge, so that it offers a list to pick from. `tests/editor/test_config.py`
fails when an id property is in neither table, so a new reference cannot be missed.
"""

from __future__ import annotations

# (record kind, property name) -> (collection, value field, field shown and searched).
# "*" as kind: the same property name means the same thing in every record kind.
REFERENCES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("*", "organisation"): ("organisations", "{{slug}}", "name"),
    ("role", "family"): ("families", "{{slug}}", "title"),
    ("family", "extends"): ("families", "{{slug}}", "title"),
    ("*", "framework"): ("frameworks", "{{slug}}", "name"),
    ("role", "competency"): ("frameworks", "competencies.*.id", "competencies.*.name"),
    ("*", "default_scale"): ("scales", "{{slug}}", "name"),
    ("*", "scale"): ("scales", "{{slug}}", "name"),
    ("vacancy", "role"): ("roles", "{{slug}}", "title"),
    ("*", "use"): ("criteria", "{{slug}}", "text"),
    # A stage's scale (`stage_scales`), and the scale a piece of guidance is for (its key).
    ("*", "shortlisting"): ("scales", "{{slug}}", "name"),
    ("*", "interview"): ("scales", "{{slug}}", "name"),
    ("organisation", "scale_guidance"): ("scales", "{{slug}}", "name"),
}

# Id properties that name the thing itself, or point inside the same record (an
# organisation's own known-risk items and assessment methods): typed, not picked.
NOT_REFERENCES: frozenset[tuple[str, str]] = frozenset({
    ("*", "id"),
    ("organisation", "note"),
    ("role", "item"),
    ("*", "assessed_by"),
    # A question's assessment method (built in or the organisation's own) and the competencies
    # it assesses (ids from the role's own competencies, or a framework's id).
    ("*", "method"),
    ("*", "competencies"),
})


def reference(kind: str, name: str) -> tuple[str, str, str] | None:
    """The collection an id property of `kind` points at, or None."""
    return REFERENCES.get((kind, name)) or REFERENCES.get(("*", name))


def is_known(kind: str, name: str) -> bool:
    """Whether the table says anything about this id property."""
    return bool(reference(kind, name)) or bool({(kind, name), ("*", name)} & NOT_REFERENCES)
