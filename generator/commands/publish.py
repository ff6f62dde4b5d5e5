"""The process the editor's "Publish site" button runs (`generator.editor.publish`):

    python -m generator.commands.publish CONTENT CONFIG SITE_DIR

It is `roleprint build` (`generator.commands.build.run`, as `make site` runs it: PDFs and
downloads, no drafts, the search index), telling the editor's server each stage as it starts
and, at the end, the outcome, each as one line `MARK` + JSON on standard output.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from generator.build import Timings
from generator.commands import build
from generator.core import lifeline, report
from generator.core.errors import ContentError, RoleprintError
from generator.core.problems import Problem
from generator.core.settings import Settings
from generator.editor.messages import officer
from generator.editor.publish import MARK, SHOWN_PROBLEMS


def tell(value: dict[str, Any]) -> None:
    print(MARK + json.dumps(value, ensure_ascii=False), file=sys.stdout, flush=True)


class Progress(Timings):
    """The build's timings, each stage told to the editor as it starts."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if name != "total":
            tell({"stage": name})
        with super().stage(name):
            yield


def said(problem: Problem, content: Path) -> str:
    """A problem in the editor's words: where it is (record and field by name), what is wrong
    and what to do, as the problems bar says it (never a file, a line or YAML)."""
    words = officer(problem, content)
    where = ", ".join(part for part in (words["record"], words["field"]) if part)
    return " ".join(part for part in (f"{where}:" if where else "", words["problem"],
                                      words["todo"]) if part)


def publish(settings: Settings) -> dict[str, Any]:
    """Build and publish the site; the outcome, for the editor (its words are the editor's)."""
    existed = settings.site_dir.exists()
    try:
        build.run(settings, Progress())
    except ContentError as err:
        report.problems(err.problems, err.files)
        errors = [p for p in err.problems if p.severity == "error"] or list(err.problems)
        return {"failed": "content", "existed": existed, "count": len(errors),
                "problems": [said(p, settings.content) for p in errors[:SHOWN_PROBLEMS]]}
    except RoleprintError as err:
        report.fail(str(err))
        # Its first line: the lines after it say where the previous site is, by its path.
        return {"failed": "build", "existed": existed, "reason": str(err).splitlines()[0]}
    pages = sum(1 for _ in settings.site_dir.rglob("*.html"))
    return {"done": True, "pages": pages}


def main(argv: list[str]) -> int:
    content, config, site_dir = (Path(arg) for arg in argv)
    outcome = publish(Settings(command="build", content=content, config=config,
                               site_dir=site_dir))
    tell(outcome)
    return 0 if outcome.get("done") else 1


if __name__ == "__main__":
    lifeline.adopt()
    sys.exit(main(sys.argv[1:]))
