"""The Word and Excel exports on their own, run by `benchmarks.run` as a child process.

    python -m benchmarks.exports CONTENT OUT

Loads the content, writes every export into OUT with the generator's `write_exports` (the
function `roleprint build` calls) and prints one line of JSON: the seconds `write_exports`
took, how many files it made and reused from the cache (ROLEPRINT_CACHE), and their bytes.
A build with PDFs does the same work in its `exports` stage; this measures it at sizes where
building every PDF would take too long.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    from generator.content.load import load
    from generator.render.exports import write_exports

    content, out = map(Path, argv if argv is not None else sys.argv[1:])
    site = load(content).site
    if site is None:
        print("the content does not load", file=sys.stderr)
        return 1
    start = time.perf_counter()
    stats = write_exports(site, out)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "made": stats.made, "reused": stats.reused,
                      "files": len(stats.files),
                      "bytes": sum(path.stat().st_size for path in stats.files)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
