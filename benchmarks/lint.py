"""`roleprint lint` on synthetic content, cold: a fresh process with no cache.

    python -m benchmarks.lint [--roles 1000] [--repeat 3] [--seed 1]

Prints one line of JSON (median seconds, peak memory, findings by severity) and exits 1 when
the median is over the target (5 s at any size asked for). `benchmarks.run` calls `measure`
for each of its sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import measure, synthetic

TARGET_S = 5.0


def measure_lint(content: Path, work: Path, env: dict[str, str], repeat: int) -> dict[str, Any]:
    """Median seconds of `roleprint lint --format json` over `repeat` cold runs, and what it
    found (the synthetic content is valid, so the exit status is 0 or 1 by its findings)."""
    runs = []
    for _ in range(repeat):
        cache = work / "lint-cache"
        shutil.rmtree(cache, ignore_errors=True)
        found = measure.run([str(measure.ROLEPRINT), "lint", "--content", str(content),
                             "--format", "json"], work, {**env, "ROLEPRINT_CACHE": str(cache)})
        if found.returncode not in (0, 1) or not found.output.lstrip().startswith("{"):
            raise RuntimeError(f"roleprint lint failed ({found.returncode}):\n"
                               f"{found.output[-3000:]}")
        runs.append(found)
    body = json.loads(runs[-1].output)
    severities = Counter(f["severity"] for f in body["findings"])
    seconds = statistics.median(r.seconds for r in runs)
    return {"seconds": seconds, "runs": [round(r.seconds, 3) for r in runs],
            "rss_mb": max(r.rss_mb for r in runs), "findings": dict(sorted(severities.items())),
            "rules": len({f["rule"] for f in body["findings"]}),
            # Shared machines vary: the load when measured says how far to trust the figure.
            "load_average": round(os.getloadavg()[0], 2),
            "target_s": TARGET_S, "pass": seconds <= TARGET_S}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lint", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="roleprint-lint-bench-") as folder:
        work = Path(folder)
        synthetic.write(work / "content", args.roles, seed=args.seed)
        result = {"roles": args.roles, **measure_lint(work / "content", work, dict(os.environ),
                                                      args.repeat)}
    print(json.dumps(result))
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
