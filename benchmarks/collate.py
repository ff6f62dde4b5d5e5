"""`roleprint collate` on 30 candidates × 5 panel members (issue 29: at most 2 s).

    python -m benchmarks.collate [--candidates 30] [--members 5]

The shipped vacancy's pack is made for five named members; each member's interview sheet
(PDF) is filled in for every candidate with pypdf, as in tests/collate/test_collate.py: 150 filled
PDFs of 36 scores each. The timed run is `roleprint collate FOLDER --out DIR --no-pdf` as its
own process (reading every PDF, the figures, the workbook and the moderation sheet's HTML); the
moderation sheet's PDF is timed on its own, as the PDFs of the forms are.
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

LIMIT_SECONDS = 2.0
VACANCY = "supervised-contact-co-ordinator-2027"


def make_sheets(work: Path, candidates: int, members: int) -> Path:
    """The pack, then each member's sheet filled in for each candidate (a score from 1 to 5
    that varies by candidate, member and row); returns the folder of filled PDFs."""
    from pypdf import PdfReader, PdfWriter

    from generator.content.load import load
    from generator.render.pack import write_pack
    from generator.scoring.campaign import for_record

    site = load(ROOT / "content").site
    assert site is not None
    pack, filled = work / "pack", work / "filled"
    filled.mkdir(parents=True)
    panel = tuple(f"Member {chr(65 + m)}" for m in range(members))
    write_pack(for_record(site, VACANCY, candidates=candidates, panel=panel), pack)
    for member in range(1, members + 1):
        blank = pack / f"interview-panel-{member}.pdf"
        keys = [k for k in PdfReader(blank).get_fields() or {} if k.startswith("score-")]
        for cand in range(1, candidates + 1):
            values = {k: str(1 + (cand + member + n) % 5) for n, k in enumerate(keys)}
            values.update({"candidate-code": f"C{cand}", "gate": "Y"})
            writer = PdfWriter(clone_from=blank)
            writer.update_page_form_field_values(None, values, auto_regenerate=False)
            writer.write(filled / f"member{member}-c{cand}.pdf")
    return filled


def run(work: Path, candidates: int = 30, members: int = 5) -> dict[str, Any]:
    """Fill the sheets, then time `roleprint collate` on them (median of three)."""
    fresh(work)
    filled = make_sheets(work, candidates, members)
    env = {**os.environ, "ROLEPRINT_TODAY": "2027-10-20"}
    runs = []
    for attempt in range(3):
        out = work / f"collated-{attempt}"
        found = measure.run([str(ROLEPRINT), "collate", str(filled), "--out", str(out),
                             "--no-pdf", "--content", str(ROOT / "content")], work, env)
        if found.returncode != 0:
            raise RuntimeError(f"roleprint collate failed:\n{found.output[-3000:]}")
        runs.append(found)
    runs.sort(key=lambda r: r.seconds)
    return {"candidates": candidates, "members": members, "files": candidates * members,
            "seconds": runs[1].seconds, "runs": [round(r.seconds, 3) for r in runs],
            "rss_mb": max(r.rss_mb for r in runs)}


def target(result: dict[str, Any]) -> tuple[str, str, str]:
    """The row for the targets table."""
    ok = result["seconds"] <= LIMIT_SECONDS
    return (f"collate 30 candidates × 5 members ≤ {LIMIT_SECONDS:.0f} s",
            f"{result['seconds']:.2f} s for {result['files']} sheets",
            "PASS" if ok else "MISS")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.collate", description=__doc__)
    parser.add_argument("--candidates", type=int, default=30)
    parser.add_argument("--members", type=int, default=5)
    args = parser.parse_args(argv)
    result = run(ROOT / "bench-out" / "collate", args.candidates, args.members)
    print(" | ".join(target(result)), f"(runs {result['runs']}, peak {result['rss_mb']:.0f} MB)")
    return 0 if result["seconds"] <= LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
