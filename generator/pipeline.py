"""Load → validate → cross-check → model: the content half of every command."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import assemble
from generator.crosscheck import Checker, Records, check_dates
from generator.discover import discover, id_problem, suggest_id
from generator.model import Site
from generator.problems import Problem
from generator.rules import check_all
from generator.schemacheck import SchemaSet
from generator.yamlload import load_file


@dataclass
class LoadResult:
    site: Site | None
    problems: list[Problem] = field(default_factory=list)
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def load(content_dir: Path, schemas: SchemaSet | None = None) -> LoadResult:
    """Read every record, collect every problem, and build the model only if there are none."""
    schemas = schemas or SchemaSet()
    sources, problems = discover(content_dir)
    records = Records()
    for source in sources:
        records.known.setdefault(source.kind, set()).add(source.id)
        reason = id_problem(source.id) if source.kind != "glossary" else None
        if reason:
            problems.append(Problem(source.display, 0, 0, "$",
                                    f"the file name '{source.path.name}' cannot be used as an id: "
                                    f"{reason}", f"rename it, for example to "
                                    f"{suggest_id(source.id + '-' + source.kind)}.yaml"))
            continue
        doc, found = load_file(source.path, source.display)
        problems.extend(found)
        if doc is None:
            continue
        dates = Checker(records)
        check_dates(dates, doc)
        problems.extend(dates.problems)
        # One problem per place: a schema error where loading already explained it is noise.
        explained = {p.json_path for p in [*found, *dates.problems]}
        schema_problems = [p for p in schemas.check(source.kind, doc)
                           if p.json_path not in explained]
        problems.extend(schema_problems)
        if not (schema_problems or found):
            records.docs.setdefault(source.kind, {})[source.id] = doc
    problems.extend(check_all(records).problems)
    if problems:
        return LoadResult(None, sorted(set(problems)), len(sources))
    data = {kind: {rid: doc.data for rid, doc in docs.items()}
            for kind, docs in records.docs.items()}
    return LoadResult(assemble.site(data), [], len(sources))
