"""`roleprint import` on 100 Word files (issue 15: at most 20 s on two cores), and on one
line of text just under the 20 MB cap (issue 23: at most 30 s).

    python -m benchmarks.importing [--files 100] [--long-line]

The files are the five shipped seeds in the three Word shapes of the import tests, each copy
with its own title so that every one becomes a draft. The long line is "Job title: " and then
words, 19.9 MB of them: once, making the draft's id from it took longer than five minutes. It
is imported at an eighth of that size too: linear work takes about eight times as long for
eight times the text. Each import runs as a child process.
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
    from tests.importer import importdocs  # the test documents' maker: the same shapes as measured

    for index in range(count):
        record, _ = importdocs.SEEDS[index % len(importdocs.SEEDS)]
        data = importdocs.load(record)
        data = {**data, "title": f"{data['title']} {index + 1}"}
        shape = WORD_SHAPES[index % len(WORD_SHAPES)]
        importdocs.write(shape, record, folder, data, f"{index + 1:03d}-{shape}")


def run(work: Path, count: int = 100) -> dict[str, Any]:
    """Make `count` Word files, import them into an empty content folder, time it."""
    from tests.importer.importmeasure import content_copy

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


LONG_LINE_BYTES = int(19.9 * 1024 * 1024)
LONG_LINE_LIMIT = 30.0
LONG_LINE_WORDS = ("support", "worker", "recovery", "lead", "care", "the", "and", "team")


def write_long_line(path: Path, size: int) -> None:
    """One line of `size` bytes: a title label, then words."""
    words = (LONG_LINE_WORDS[i % len(LONG_LINE_WORDS)] for i in range(size))
    with path.open("w", encoding="utf-8") as handle:
        written = handle.write("Job title:")
        for word in words:
            if written + len(word) + 1 > size - 1:
                break
            written += handle.write(" " + word)
        handle.write("\n")


def run_long_line(work: Path) -> dict[str, Any]:
    """Import the long line at an eighth of its size and whole; the times and their ratio."""
    from tests.importer.importmeasure import content_copy

    fresh(work).mkdir(parents=True)
    found: dict[str, Any] = {}
    for name, size in (("eighth", LONG_LINE_BYTES // 8), ("whole", LONG_LINE_BYTES)):
        source = work / f"{name}.txt"
        write_long_line(source, size)
        content = content_copy(work / name)
        command = [str(ROLEPRINT), "import", str(source), "--organisation", "second-step",
                   "--content", str(content)]
        timed = measure.run(command, work, dict(os.environ))
        if "Traceback" in timed.output or "(of 1 files)" not in timed.output:  # no summary
            raise RuntimeError(f"import of {size:,} bytes failed:\n{timed.output[-2000:]}")
        found[name] = {"bytes": size, "seconds": round(timed.seconds, 2),
                       "rss_mb": round(timed.rss_mb), "output": timed.output.splitlines()[-1]}
    found["ratio"] = round(found["whole"]["seconds"] / max(found["eighth"]["seconds"], 0.01), 1)
    return found


def long_line_target(result: dict[str, Any]) -> tuple[str, str, str]:
    """The row for the targets table."""
    seconds = result["whole"]["seconds"]
    return (f"import one 19.9 MB line ≤ {LONG_LINE_LIMIT:.0f} s",
            f"{seconds:.1f} s ({result['ratio']} x an eighth's)",
            "PASS" if seconds <= LONG_LINE_LIMIT else "MISS")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.importing", description=__doc__)
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--long-line", action="store_true",
                        help="the 19.9 MB line instead of the Word files")
    args = parser.parse_args(argv)
    if args.long_line:
        long = run_long_line(ROOT / "bench-out" / "import-long-line")
        print(" | ".join(long_line_target(long)), f"(peak {long['whole']['rss_mb']} MB;",
              long["whole"]["output"] + ")")
        return 0
    result = run(ROOT / "bench-out" / "import", args.files)
    print(" | ".join(target(result)), f"(peak {result['rss_mb']} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
