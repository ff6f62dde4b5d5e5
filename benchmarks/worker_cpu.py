"""Does DevTools' CPU throttling slow a Web Worker? (Pagefind searches in one.)

    python -m benchmarks.worker_cpu [--rounds 3]

Times one fixed job (30 million square roots) on the page's main thread and in a dedicated
worker, in Chromium, three ways, taking turns round by round: no throttling; the page's DevTools
session throttled four times (`Emulation.setCPUThrottlingRate`, as `benchmarks.search_phone`
does); and the same with an attempt to throttle each worker too (auto-attached from the page's
session, paused until `Emulation.setCPUThrottlingRate` has been sent to it:
`benchmarks.worker_busy.Workers`). Reports, as JSON,
each way's times (milliseconds, as the page and the worker measured them with
`performance.now()`) and what Chromium answered the worker. An experiment, not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.worker_busy import Workers
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve_folder

# The same function on both threads: its milliseconds by the thread's own clock.
JOB = """const job = () => {
  const t = performance.now(); let x = 0; for (let i = 0; i < 3e7; i++) x += Math.sqrt(i);
  return performance.now() - t;
};"""
PAGE = f"""<!doctype html><title>CPU</title><script>
window.inWorker = () => new Promise((done) => {{
  new Worker("job.js").onmessage = (event) => done(event.data);
}});
{JOB}
window.onMain = job;
</script>"""
WAYS = ("none", "page", "page and worker")
SLOWER = 4


def once(url: str, chromium: Any, way: str, answers: set[str]) -> tuple[float, float]:
    context = chromium.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if way != "none":
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWER})
    workers = Workers(cdp, (("Emulation.setCPUThrottlingRate", {"rate": SLOWER}),)
                      if way == "page and worker" else ())
    page.goto(f"{url}/index.html")
    main, worker = page.evaluate("onMain()"), page.evaluate("inWorker()")
    if way == "page and worker":
        answers.update(json.dumps(reply) for n, reply in workers.replies.items() if n == 1)
    context.close()
    return main, worker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    times: dict[str, dict[str, list[float]]] = {w: {"main": [], "worker": []} for w in WAYS}
    answers: set[str] = set()
    with tempfile.TemporaryDirectory() as folder, serve_folder(Path(folder)) as url, \
            sync_playwright() as playwright:
        (Path(folder) / "index.html").write_text(PAGE, encoding="utf-8")
        (Path(folder) / "job.js").write_text(JOB + "\npostMessage(job());",
                                             encoding="utf-8")
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(args.rounds):
            for way in WAYS:
                main_ms, worker_ms = once(url, chromium, way, answers)
                times[way]["main"].append(round(main_ms))
                times[way]["worker"].append(round(worker_ms))
        version = chromium.version
        chromium.close()
    result = {"chromium": version, "times_ms": times,
              "medians_ms": {w: {k: statistics.median(v) for k, v in t.items()}
                             for w, t in times.items()},
              "worker_answered": sorted(answers)}
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
