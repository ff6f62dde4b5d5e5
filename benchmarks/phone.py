"""Issue 26 in `make bench`: the search on an emulated phone and the page weights, at N roles.

One site built without PDFs serves both measures: two first searches from a role page
("safeguarding", and the reference of the first vacancy; `benchmarks.search_phone`) and a
first visit to the home, a role and a vacancy page (`benchmarks.page_weight`). Bytes vary little
from run to run; times do, on a busy machine more than on a quiet one, so each search is run
`RUNS` times, each in a new browser with an empty cache: the report gives the median run (its
time is the one the target is judged on) and the slowest, and the most bytes any run took.
The search's network is played by the server; its CPU is slowed on the page only, as Chromium
will not slow Pagefind's worker, so each search also has an estimate of its time were the
worker four times slower too, with a target of its own.
"""

from __future__ import annotations

import os
import re
import statistics
from pathlib import Path
from typing import Any

from benchmarks import page_weight, search_phone

SEARCH_S = 1.0            # first result ≤ 1 s after the last key
SEARCH_BYTES = 300 << 10  # ≤ 300 KB downloaded for a first search
WEIGHT_BYTES = page_weight.LIMIT
TOPIC = "safeguarding"
DEFAULT_SIZES = "1000,3000"
RUNS = 5


def reference(content: Path) -> str | None:
    """The reference of the first vacancy in a content folder (by file name), if any."""
    for path in sorted((content / "vacancies").glob("*.yaml")):
        found = re.search(r"(?m)^reference:\s*[\"']?([^\"'\n]+)", path.read_text(encoding="utf-8"))
        if found:
            return found.group(1).strip()
    return None


def measure(site_dir: Path, content: Path, n: int) -> dict[str, Any]:
    """Both measures on the built site `site_dir` of the `n` roles in `content`."""
    before = os.getloadavg()
    paths = page_weight.default_paths(site_dir)
    queries = [TOPIC] + [ref for ref in [reference(content)] if ref]
    searches = [repeated(site_dir, paths["role"], query) for query in queries]
    weights = page_weight.measure(site_dir)
    return {"roles": n, "searched_from": paths["role"], "search": searches, "weight": weights,
            "load_average": {"before": [round(x, 2) for x in before],
                             "after": [round(x, 2) for x in os.getloadavg()]}}


def repeated(site_dir: Path, page_path: str, query: str, runs: int = RUNS) -> dict[str, Any]:
    """`runs` first searches for `query`: the median run (by the time to the first result),
    with every run's time and estimate, the slowest of each, and the most bytes any run took."""
    found = [search_phone.measure(site_dir, page_path, query) for _ in range(runs)]
    ordered = sorted(found, key=lambda run: run["first_result_s"])
    middle = ordered[(len(ordered) - 1) // 2]
    times = [run["first_result_s"] for run in found]
    slow = [run["first_result_slow_worker_s"] for run in found]
    return {**middle, "search_bytes": max(run["search_bytes"] for run in found),
            "first_result_s": statistics.median(times),
            "first_result_slow_worker_s": statistics.median(slow),
            "runs": len(found), "each_s": times, "each_slow_worker_s": slow,
            "slowest_s": max(times), "slowest_slow_worker_s": max(slow)}


def shows_enough(first: dict[str, Any]) -> bool:
    """A result shows its title; a role or vacancy its organisation; a vacancy its closing
    date (Pagefind draws the metadata as tags "Organisation: …", "Closes: …", "Type: …")."""
    tags = first.get("tags", [])
    kind = next((t.removeprefix("Type: ") for t in tags if t.startswith("Type: ")), "")
    needs = ((["Organisation: "] if kind.startswith(("Role", "Vacancy")) else [])
             + (["Closes: "] if kind.startswith("Vacancy") else []))
    return bool(first.get("title")) and all(any(t.startswith(n) for t in tags) for n in needs)


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def _spread(median: float | None, slowest: float | None) -> str:
    """A median time and, in brackets, the slowest run's (one run: the time alone)."""
    if slowest is None or median is None or slowest == median:
        return _seconds(median)
    return f"{_seconds(median)} ({_seconds(slowest)})"


def _kb(value: int) -> str:
    return f"{value / 1024:.0f} KB"


def targets(phone: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS) for each N measured."""
    rows: list[tuple[str, str, str]] = []
    for found in phone:
        n = found["roles"]
        for search in found["search"]:
            q, secs, got = search["query"], search["first_result_s"], search["search_bytes"]
            rows.append((f"phone search, N={n}, “{q}”: first result ≤ {SEARCH_S:g} s",
                         f"{secs:.2f} s", "PASS" if secs <= SEARCH_S else "MISS"))
            slow = search.get("first_result_slow_worker_s")
            if slow is not None:  # Chromium does not slow the worker: what it would add
                rows.append((f"phone search, N={n}, “{q}”: first result ≤ {SEARCH_S:g} s with "
                             "the worker 4× slower too (estimate)", f"{slow:.2f} s",
                             "PASS" if slow <= SEARCH_S else "MISS"))
            rows.append((f"phone search, N={n}, “{q}”: ≤ {_kb(SEARCH_BYTES)} for a first search",
                         _kb(got), "PASS" if got <= SEARCH_BYTES else "MISS"))
            first = search["first"]
            rows.append((f"phone search, N={n}, “{q}”: result shows title, organisation, "
                         "closing date for a vacancy",
                         f"{first['title']}: " + "; ".join(first["tags"]),
                         "PASS" if shows_enough(first) else "MISS"))
        for name, weight in found["weight"].items():
            rows.append((f"page weight, N={n}, {name} page ({weight['path'] or '/'}) ≤ "
                         f"{_kb(WEIGHT_BYTES)}", _kb(weight["bytes"]),
                         "PASS" if weight["bytes"] <= WEIGHT_BYTES else "MISS"))
    return rows


def markdown(phone: list[dict[str, Any]]) -> list[str]:
    """The results' tables (lines), or nothing when the phone was not measured."""
    if not phone:
        return []
    out = ["", "**Search on an emulated phone** (390 px, CPU 4× slower, 1.6 Mbit/s down, "
           "150 ms round trip, played by the server; bytes as it sent them, compressed as a "
           "static host does, the most any run took; the median of the runs, the slowest in "
           "brackets. The CPU is slowed for the page only: the estimate adds three times the "
           "worker's busy time, as if it were 4× slower too)", "",
           "| N | query | runs | page before the search | first search | first result after "
           "the last key | worker busy (median run) | with the worker 4× slower (estimate) | "
           "first result shows |",
           "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for found in phone:
        for s in found["search"]:
            shown = f"{s['first']['title']}: " + "; ".join(s["first"]["tags"])
            estimate = _spread(s.get("first_result_slow_worker_s"), s.get("slowest_slow_worker_s"))
            out.append(f"| {found['roles']} | {s['query']} | {s.get('runs', 1)} | "
                       f"{_kb(s['page_bytes'])} | {_kb(s['search_bytes'])} | "
                       f"{_spread(s['first_result_s'], s.get('slowest_s'))} | "
                       f"{_seconds(s.get('worker_busy_s'))} | "
                       f"{estimate} | "
                       f"{shown.replace('|', '/')} |")
    out += ["", "**Page weight** (a first visit, empty cache, at 390 px: every file the server "
            "sent, headers included, its text compressed as the browser asked: brotli; and the "
            "same files gzip-compressed, as a host without brotli sends them)", "",
            "| N | page | bytes | with gzip | files | largest |", "|---:|---|---:|---:|---:|---|"]
    for found in phone:
        for name, w in found["weight"].items():
            big = max(w["files"], key=lambda f: f["bytes"], default=None)
            largest = f"{big['path']} ({_kb(big['bytes'])})" if big else "–"
            out.append(f"| {found['roles']} | {name} (`/{w['path']}`) | {_kb(w['bytes'])} | "
                       f"{_kb(w.get('bytes_gzip', w['bytes']))} | {len(w['files'])} | "
                       f"{largest} |")
    return out
