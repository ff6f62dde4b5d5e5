"""Does DevTools' CPU throttling slow a Web Worker? (Pagefind searches in one.)

    python -m benchmarks.worker_cpu [--rounds 3]

Times one fixed job (30 million square roots) on the page's main thread and in a dedicated
worker, in Chromium, three ways, taking turns round by round: no throttling; the page's DevTools
session throttled four times (`Emulation.setCPUThrottlingRate`, as `benchmarks.search_phone`
does); and the same with an attempt to throttle each worker too (auto-attached from the page's
session, paused until `Emulation.setCPUThrottlingRate` has been sent to it). Reports, as JSON,
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

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve_folder

JOB = "const t = performance.now(); let x = 0; for (let i = 0; i < 3e7; i++) x += Math.sqrt(i);"
PAGE = f"""<!doctype html><title>CPU</title><script>
window.inWorker = () => new Promise((done) => {{
  new Worker("job.js").onmessage = (event) => done(event.data);
}});
window.onMain = () => {{ {JOB} return performance.now() - t; }};
</script>"""
WAYS = ("none", "page", "page and worker")
SLOWER = 4


def _throttle_workers(cdp: Any, answers: list[str]) -> None:
    def attached(event: dict[str, Any]) -> None:
        for n, (method, params) in enumerate([("Emulation.setCPUThrottlingRate",
                                                {"rate": SLOWER}),
                                               ("Runtime.runIfWaitingForDebugger", {})]):
            cdp.send("Target.sendMessageToTarget", {
                "sessionId": event["sessionId"],
                "message": json.dumps({"id": n + 1, "method": method, "params": params})})

    cdp.on("Target.attachedToTarget", attached)
    cdp.on("Target.receivedMessageFromTarget",
           lambda event: answers.append(event["message"]) if '"id":1,' in event["message"]
           else None)
    cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                      "flatten": False})


def once(url: str, chromium: Any, way: str, answers: list[str]) -> tuple[float, float]:
    context = chromium.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    if way != "none":
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWER})
    if way == "page and worker":
        _throttle_workers(cdp, answers)
    page.goto(f"{url}/index.html")
    main, worker = page.evaluate("onMain()"), page.evaluate("inWorker()")
    context.close()
    return main, worker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    times: dict[str, dict[str, list[float]]] = {w: {"main": [], "worker": []} for w in WAYS}
    answers: list[str] = []
    with tempfile.TemporaryDirectory() as folder, serve_folder(Path(folder)) as url, \
            sync_playwright() as playwright:
        (Path(folder) / "index.html").write_text(PAGE, encoding="utf-8")
        (Path(folder) / "job.js").write_text(JOB + "\npostMessage(performance.now() - t);",
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
              "worker_answered": sorted(set(answers))}
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
