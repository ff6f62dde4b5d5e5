"""CPU seconds of each lint rule on synthetic content, as the content-health page runs them.

    python -m benchmarks.lint_rules [--roles 1000] [--seed 1]

Loads the content once, then runs every rule in turn in one fresh `Context` (so the first rule
to read the records' text pays for working it out, as in a build), with the collector paused as
`run_rules` pauses it. Prints one line of JSON: seconds by rule, slowest first, and the total.
Not a pass-or-fail check: `benchmarks.lint` holds the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import synthetic


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.lint_rules", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from generator.content.load import gc_paused, load
    from generator.lint import settings
    from generator.lint.context import Context
    from generator.lint.rules import all_rules

    with tempfile.TemporaryDirectory(prefix="roleprint-rules-bench-") as folder:
        content = Path(folder) / "content"
        synthetic.write(content, args.roles, seed=args.seed)
        site = load(content).site
    if site is None:
        raise RuntimeError("the synthetic content did not load")
    rules = all_rules()
    cfg, _ = settings.load(None, set(rules))
    ctx = Context(site, cfg, dt.date(2026, 12, 2))
    ctx.severities = {r.id: r.severity for r in rules.values()}
    seconds: dict[str, float] = {}
    with gc_paused():
        for rule in rules.values():
            start = time.process_time()
            for _ in rule.check(ctx):
                pass
            seconds[rule.id] = round(time.process_time() - start, 3)
    ordered = dict(sorted(seconds.items(), key=lambda item: (-item[1], item[0])))
    print(json.dumps({"roles": args.roles, "total_s": round(sum(seconds.values()), 3),
                      "load_average": round(os.getloadavg()[0], 2), "rules": ordered}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
