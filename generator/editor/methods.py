"""The assessment methods the editor offers wherever a record says how something is assessed.

"Assessed by" holds ids of assessment methods: the built-in ones, and those an organisation
adds in its own file (`assessment_methods`); a question's method is one of those used at
interview. The editor shows them as lists to choose from, by name, so that a method that
does not exist (a typo such as "interveiw") cannot be typed. An organisation's own methods
are read from the content folder each time the editor's page asks for its configuration, so
one added in the editor is offered after a reload.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator.content.yamlload import load_file
from generator.model.methods import BUILTIN_METHODS

Option = dict[str, str]
# The properties that hold a list of assessment method ids, and those that hold one method
# for a question (put at interview), in every record kind.
METHOD_LISTS = frozenset({"assessed_by"})
QUESTION_METHODS = frozenset({"method"})
INTERVIEW = "interview"


class Offered(NamedTuple):
    """The methods offered: every one, and those used at interview (for a question)."""

    every: tuple[Option, ...]
    at_interview: tuple[Option, ...]


def _builtin() -> list[tuple[Option, str]]:
    return [({"label": m.name, "value": m.id}, m.stage) for m in BUILTIN_METHODS]


def own_methods(content: Path) -> list[tuple[Option, str]]:
    """The methods organisations add (not the built-in ones they relabel), each named with its
    organisation, and their stage, in the order of the files and of each file's list. A file
    that cannot be read is left out here: the problems panel reports it."""
    known = {m.id for m in BUILTIN_METHODS}
    found: list[tuple[Option, str]] = []
    for path in sorted((content / "organisations").glob("*.yaml")):
        doc, _ = load_file(path, path.name)
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        entries = data.get("assessment_methods")
        for entry in entries if isinstance(entries, list) else []:
            method = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(method, str) or method in known:
                continue
            known.add(method)
            name = entry.get("name") or method
            label = f"{name} ({data.get('name') or path.stem})"
            found.append(({"label": label, "value": method}, entry.get("stage") or INTERVIEW))
    return found


def offered(content: Path | None) -> Offered:
    """Every method the editor offers: the built-in ones, then the organisations' own."""
    known = _builtin() + (own_methods(content) if content is not None else [])
    return Offered(tuple(o for o, _ in known),
                   tuple(o for o, stage in known if stage == INTERVIEW))


BUILTIN = offered(None)
