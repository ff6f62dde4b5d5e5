"""The assessment methods the editor offers wherever a record says how something is assessed.

"Assessed by" holds ids of assessment methods: the built-in ones, and those an organisation
adds in its own file (`assessment_methods`). The editor shows them as a list to choose from,
by name, so that a method that does not exist (a typo such as "interveiw") cannot be typed.
An organisation's own methods are read from the content folder each time the editor's page
asks for its configuration, so one added in the editor is offered after a reload.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.yamlload import load_file
from generator.model.methods import BUILTIN_METHODS

Option = dict[str, str]
# The properties that hold a list of assessment method ids, in every record kind.
METHOD_LISTS = frozenset({"assessed_by"})
BUILTIN: tuple[Option, ...] = tuple({"label": m.name, "value": m.id} for m in BUILTIN_METHODS)


def own_methods(content: Path) -> list[Option]:
    """The methods organisations add (not the built-in ones they relabel), each named with its
    organisation, in the order of the files and of each file's list. A file that cannot be
    read is left out here: the problems panel reports it."""
    known = {m.id for m in BUILTIN_METHODS}
    found: list[Option] = []
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
            found.append({"label": f"{name} ({data.get('name') or path.stem})", "value": method})
    return found


def options(content: Path | None) -> tuple[Option, ...]:
    """Every method the editor offers: the built-in ones, then the organisations' own."""
    return BUILTIN + tuple(own_methods(content) if content is not None else ())
