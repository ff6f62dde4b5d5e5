"""The site's search on an emulated phone: bytes downloaded and time to the first result.

    python -m benchmarks.search_phone --roles 1000 [--query safeguarding] [--out bench-out/search]

Builds N synthetic roles (`benchmarks.synthetic`) without PDFs, serves the site on 127.0.0.1
as a static host does (text compressed: `benchmarks.page_weight.served`) and opens a role page
in Chromium emulating a mid-range phone as issue 26 measured it: 390 px wide, CPU four times
slower, 1.6 Mbit/s down, 150 ms round trip. Then types the query key by key and reports, as
JSON: the bytes the page itself took, the bytes the search took (from the first key to the
first result drawn, counted by the server: it sees what Pagefind's worker fetches too, which
the page's DevTools session does not), the seconds from the last key to the first result (and
the worker's part, below), and that result's title and tags. A measurement, not a test: it
prints figures, it asserts nothing.

How the phone is played, and what is not:

- **The network is played by the server** (`page_weight.Link`): each response starts 150 ms
  after its request arrived, and every byte sent, on every connection, shares one link of
  1.6 Mbit/s. So Pagefind's Web Worker, which fetches the index itself and is a DevTools target
  of its own, pays it exactly as the page does. DevTools' network emulation is left off, as it
  would charge the page's requests twice and the worker's once.
- **The CPU is slowed for the page only.** DevTools' `Emulation.setCPUThrottlingRate` applies to
  the page's main thread; Chromium refuses it on a worker's own session ("Operation is only
  supported for pages, not workers", Chromium 156, tried both by auto-attaching to the worker
  and from a browser-level session). So the search in Pagefind's worker (the WebAssembly that
  decompresses and searches the index) runs at the machine's speed, not four times slower, and
  the time measured is to that extent optimistic. So the worker's busy time after the last key
  is measured too (`benchmarks.worker_busy`: DevTools' sampling profiler in the worker), and
  `first_result_slow_worker_s` adds three times it to the time measured: what the first result
  would take were the worker four times slower and all its work on the way to the result (an
  estimate, an upper one). See docs/performance.md, "Issue 26".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import synthetic
from benchmarks.page_weight import PHONE, Link, served
from benchmarks.worker_busy import Workers
from generator.build import build, load_site
from generator.core.settings import Settings
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, SEARCH_BOX, SEARCH_RESULT, SEARCH_SAID

DOWN = 1.6e6 / 8  # bytes a second
RTT_S = 0.150
CPU_SLOWDOWN = 4
# The first result of the whole query drawn (its link, title and tags come with its data), or
# the message that there is none. Not merely a link on the page: the results of the query as it
# was a key earlier may still be on show. (Pagefind draws only the results near the screen, so
# waiting for every result, as the tests do, would wait for ever on a phone.)
FIRST_SHOWN = """([box, item]) => {
  const said = """ + SEARCH_SAID + """.exec(
    ((document.querySelector(".pagefind-ui__message") || {}).textContent || "").trim());
  if (!said || said[2] !== document.querySelector(box).value.trim()) return false;
  const first = document.querySelector(item);
  return said[1] === "No results"
    || Boolean(first && first.querySelector(".pagefind-ui__result-link"));
}"""
LIMIT_MS = 120_000  # a guard against a hang, no more


def build_site(out: Path, count: int) -> Path:
    content = out / "content"
    if not (content / synthetic.MARKER).exists():
        synthetic.write(content, count)
    settings = Settings(content=content, pdf=False)
    built = build(load_site(settings), out / "build", settings, keep_staging=False)
    assert built.site is not None
    return built.site


def phone_link() -> Link:
    """The phone's network, played by the server: 1.6 Mbit/s down, 150 ms round trip."""
    return Link(rate=DOWN, round_trip=RTT_S)


def emulate(cdp: Any) -> None:
    """The phone's CPU (the page's main thread only: Chromium will not slow a worker's) and an
    empty cache, on the page's DevTools session. No network emulation: the server plays it."""
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})


def measure(site_dir: Path, page_path: str, query: str) -> dict[str, Any]:
    """One first search for `query` from the page at `page_path`, on an empty cache: the bytes
    the page took, the bytes the search took, the seconds from the last key to the first
    result, and what that result shows (its title and its tags: organisation, closing date)."""
    from playwright.sync_api import sync_playwright

    with served(site_dir, phone_link()) as (url, counter), sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        emulate(cdp)
        workers = Workers(cdp)
        page.goto(f"{url}/{page_path}", wait_until="networkidle")
        box = page.locator(SEARCH_BOX)
        box.wait_for(state="visible")
        page_bytes = sum(sent[1] for sent in counter.take())
        box.click()
        box.press_sequentially(query[:-1], delay=150)
        workers.restart(page)
        while_typing = sum(sent[1] for sent in counter.take())
        typed = time.perf_counter()
        box.press(query[-1])
        page.wait_for_function(FIRST_SHOWN, arg=[SEARCH_BOX, SEARCH_RESULT], timeout=LIMIT_MS)
        seconds = time.perf_counter() - typed
        worker_s = workers.busy(page)
        after_key = sum(sent[1] for sent in counter.take())
        item = page.locator(SEARCH_RESULT).first
        shown = {"title": item.locator(".pagefind-ui__result-title").inner_text(),
                 "tags": item.locator(".pagefind-ui__result-tag").all_inner_texts(),
                 "message": page.locator(".pagefind-ui__message").inner_text()
                 } if item.count() else {"title": "", "tags": [], "message": "no result"}
        chromium.close()
    return {"page_bytes": page_bytes, "search_bytes": while_typing + after_key,
            "after_last_key_bytes": after_key,
            "first_result_s": round(seconds, 2), "worker_busy_s": round(worker_s, 3),
            "first_result_slow_worker_s": round(seconds + (CPU_SLOWDOWN - 1) * worker_s, 2),
            "query": query, "first": shown}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=1000)
    parser.add_argument("--query", default="safeguarding")
    parser.add_argument("--out", type=Path, default=Path("bench-out") / "search")
    args = parser.parse_args(argv)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    site_dir = build_site(args.out / str(args.roles), args.roles)
    role = sorted(p.parent.name for p in (site_dir / "roles").glob("*/index.html"))[0]
    result = {"roles": args.roles, **measure(site_dir, f"roles/{role}/", args.query)}
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
