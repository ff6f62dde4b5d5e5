"""Load → validate → cross-check → model: the content half of every command.

Each file is read, parsed and checked against its schema on its own; then the records are
checked against each other and built into the model. A `FileMemo` keeps the per-file results
by content, so a long-running preview re-reads only the files that changed.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.content.crosscheck import Checker, Records, check_dates
from generator.content.discover import SourceFile, discover, id_problem, suggest_id
from generator.content.rules import check_all
from generator.content.schemacheck import SchemaSet
from generator.content.validpart import valid_part
from generator.content.yamlload import Document, load_text, read_file
from generator.core.cache import digest
from generator.core.problems import Problem
from generator.model import Site, assemble


@dataclass
class LoadResult:
    site: Site | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not any(p.blocking for p in self.problems)


@dataclass(frozen=True)
class FileResult:
    """One file on its own: what the cross-checks may look at, and the problems found.

    `doc` is the record cut down to the part its schema accepts (the whole record when it
    has no problems; None when it could not be read at all), so a file with schema errors
    still gets its cross-record problems reported in the same run.
    """

    doc: Document | None
    problems: tuple[Problem, ...]


# (shown path, schema version, SHA-256 of the bytes) -> result; the documents are never changed
# after loading, so one result can serve every later load of the same bytes.
FileMemo = dict[tuple[str, str, str], FileResult]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading makes a great many small objects and no cycles; collecting meanwhile only costs
    time (about a third of a cold load of a thousand roles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_file(source: SourceFile, raw: bytes, schemas: SchemaSet) -> FileResult:
    """Parse one file, check its dates and check it against its kind's schema."""
    doc, found = load_text(source.display, raw)
    if doc is None:
        return FileResult(None, tuple(found))
    dates = Checker(Records())
    check_dates(dates, doc)
    # One problem per place: a schema error where loading already explained it is noise, and
    # so is a date's "no month 13" where the schema says the field is not a date at all.
    loaded = {p.json_path for p in found}
    schema_problems = [p for p in schemas.check(source.kind, doc, {p.json_path for p in
                                                                    dates.problems})
                       if p.json_path not in loaded]
    refused = {p.json_path for p in schema_problems}
    date_problems = [p for p in dates.problems if p.json_path not in refused]
    problems = (*found, *date_problems, *schema_problems)
    # A record without problems is all valid: no need to check it again to find its valid part.
    return FileResult(valid_part(schemas, source.kind, doc) if problems else doc, problems)


def load(content_dir: Path, schemas: SchemaSet | None = None, *, memo: FileMemo | None = None,
         model: bool = True) -> LoadResult:
    """Read every record, collect every problem, and build the model only if there are none
    (and `model` is asked for: `validate` needs only the problems)."""
    schemas = schemas or SchemaSet()
    sources, problems = discover(content_dir)
    records = Records()
    seen: FileMemo = {}
    with gc_paused():
        for source in sources:
            records.known.setdefault(source.kind, set()).add(source.id)
            reason = id_problem(source.id) if source.kind != "glossary" else None
            if reason:
                problems.append(Problem(
                    source.display, 1, 1, "$",
                    f"the file name '{source.path.name}' cannot be used as an id: {reason}",
                    f"rename it, for example to {suggest_id(source.id + '-' + source.kind)}.yaml"))
                continue
            raw, unreadable = read_file(source.path, source.display)
            if raw is None:
                problems.extend(unreadable)
                continue
            key = (source.display, schemas.version, hashlib.sha256(raw).hexdigest())
            result = memo.get(key) if memo is not None else None
            if result is None:
                result = check_file(source, raw, schemas)
            seen[key] = result
            problems.extend(result.problems)
            if result.doc is not None:
                records.docs.setdefault(source.kind, {})[source.id] = result.doc
        problems.extend(check_all(records).problems)
        if memo is not None:  # keep only what is current: deleted and old versions go
            memo.clear()
            memo.update(seen)
        # Only errors stop the model; warnings travel with it so every command can print them.
        problems = sorted(set(problems))
        if any(p.blocking for p in problems) or not model:
            return LoadResult(None, problems, len(sources))
        data = {kind: {rid: doc.data for rid, doc in docs.items()}
                for kind, docs in records.docs.items()}
        # Every file's key (its path, the schemas' version and its bytes' SHA-256) is known
        # already: together they name the content the model is made from.
        content = digest(part for key in seen for part in key)
        return LoadResult(replace(assemble.site(data), source=content), problems, len(sources))

