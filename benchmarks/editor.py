"""The browser editor at scale: the role list opens and a role saves within 3 s each.

    python -m benchmarks.editor [--roles 1000] [--seed 1]

The editor's server runs here (the live preview is measured by `benchmarks.preview`); Debian's
Chromium drives Decap CMS as an officer would. Measured, each from the click that starts it:

- *list*: the role collection opened until its first card shows (Decap fetches every role);
- *backend list*: the same fetch alone, cold (each file read) and warm (as the editor re-reads);
- *save*: a role's title changed and published, until the formatted file is on disk.

`make bench` runs this at N = 1000 through `benchmarks.run`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import synthetic
from benchmarks.measure import ROOT, role_titles

TARGET_S = 3.0
CHROMIUM = os.environ.get("ROLEPRINT_CHROMIUM", "/usr/bin/chromium")


def _post(url: str, body: dict[str, Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as answer:
        found = json.loads(answer.read())
    return time.perf_counter() - start, found


def measure(content: Path) -> dict[str, Any]:
    """Time the role list and a save in the editor on the content folder given."""
    from playwright.sync_api import sync_playwright

    from generator.editor.backend import Backend
    from generator.editor.server import make_server

    folder = {"action": "entriesByFolder", "params": {"folder": f"{content.name}/roles"}}
    start = time.perf_counter()
    entries = Backend(content).handle(folder)
    cold = time.perf_counter() - start  # every file read, as when the editor has just started
    server = make_server(content, "127.0.0.1", 0, "http://127.0.0.1:9")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    _post(url + "/api/v1", folder)  # waits for the start-up reading, as an officer's first look
    warm, _ = _post(url + "/api/v1", folder)
    titles = role_titles(content)
    role_id = sorted(titles)[len(titles) // 2]
    target = content / "roles" / f"{role_id}.yaml"
    result: dict[str, Any] = {"roles": len(entries), "backend_list_cold_s": cold,
                              "backend_list_warm_s": warm}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "/#/collections/organisations")  # no login: straight in
            page.locator("a[data-testid='roles']").wait_for(timeout=60_000)
            start = time.perf_counter()
            page.locator("a[data-testid='roles']").click()
            page.locator("a[href*='/collections/roles/entries/']").first.wait_for(timeout=60_000)
            result["list_s"] = time.perf_counter() - start
            page.goto(url + f"/#/collections/roles/entries/{role_id}")
            title = page.get_by_role("textbox", name="Job title")
            title.wait_for(timeout=60_000)
            title.fill(titles[role_id] + " (edited)")
            before = target.read_bytes()
            page.get_by_role("button", name="Publish").click()
            start = time.perf_counter()
            page.get_by_text("Publish now").click()
            while target.read_bytes() == before and time.perf_counter() - start < 60:
                time.sleep(0.02)
            result["save_s"] = time.perf_counter() - start
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    result["within_target"] = all(result.get(k, 1e9) <= TARGET_S for k in ("list_s", "save_s"))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.editor", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    content = ROOT / "bench-out" / f"editor-n{args.roles}" / "content"
    synthetic.write(content, args.roles, seed=args.seed)
    result = measure(content)
    print(json.dumps(result, indent=2))
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
