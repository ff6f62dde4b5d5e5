"""`roleprint import` on 100 Word files (issue 15: at most 20 s on two cores).

    python -m benchmarks.importing [--files 100]

The files are the five shipped seeds in the three Word shapes of the import tests, each copy
with its own title so that every one becomes a draft. The import runs as a child process.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import measure
from benchmarks.measure import ROLEPRINT, ROOT, fresh

LIMIT_SECONDS = 20.0
WORD_SHAPES = ("word-tables", "word-bold-lists", "word-ed-codes")


def make_files(folder: Path, count: int) -> None:
    from tests import importdocs  # the test documents' maker: the same shapes as measured

    for index in range(count):
        record, _ = importdocs.SEEDS[index % len(importdocs.SEEDS)]
        data = importdocs.load(record)
        data = {**data, "title": f"{data['title']} {index + 1}"}
        shape = WORD_SHAPES[index % len(WORD_SHAPES)]
        importdocs.write(shape, record, folder, data, f"{index + 1:03d}-{shape}")


def run(work: Path, count: int = 100) -> dict[str, Any]:
    """Make `count` Word files, import them into an empty content folder, time it."""
    from tests.importmeasure import content_copy

    fresh(work)
    inbox = work / "inbox"
    inbox.mkdir(parents=True)
    make_files(inbox, count)
    content = content_copy(work)
    command = [str(ROLEPRINT), "import", str(inbox), "--organisation", "second-step",
               "--content", str(content)]
    found = measure.run(command, work, dict(os.environ))
    drafts = len(list((content / "roles").glob("*.yaml")))
    if drafts != count:
        raise RuntimeError(f"import wrote {drafts} drafts of {count}:\n{found.output[-2000:]}")
    return {"files": count, "seconds": round(found.seconds, 2), "rss_mb": round(found.rss_mb),
            "returncode": found.returncode}


def target(result: dict[str, Any]) -> tuple[str, str, str]:
    """The row for the targets table."""
    ok = result["seconds"] <= LIMIT_SECONDS * result["files"] / 100
    return (f"import 100 Word files ≤ {LIMIT_SECONDS:.0f} s",
            f"{result['seconds']:.1f} s for {result['files']}", "PASS" if ok else "MISS")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importing", description=__doc__)
    parser.add_argument("--files", type=int, default=100)
    args = parser.parse_args(argv)
    result = run(ROOT / "bench-out" / "import", args.files)
    print(" | ".join(target(result)), f"(peak {result['rss_mb']} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
