"""Issue 26's measures in `make bench`: the report carries the phone's search and the page
weights, and flags each target; the server compresses as a static host does and counts what it
sends. (Figures made up here: nothing is timed.)"""

from __future__ import annotations

import gzip
import urllib.request
from pathlib import Path
from typing import Any

from benchmarks import page_weight, phone
from benchmarks.report import markdown
from benchmarks.run import parse

KB = 1024


def _weight(path: str, size: int) -> dict[str, Any]:
    return {"path": path, **page_weight.summary([(f"/{path}", size - 40 * KB, "br",
                                                  size - 40 * KB),
                                                 ("/assets/bundle.js", 40 * KB, "br", 50 * KB)])}


def _found(n: int, *, home: int = 90 * KB, seconds: float = 0.8, search: int = 200 * KB,
           tags: list[str] | None = None) -> dict[str, Any]:
    vacancy_tags = ["Closes: 1 May 2027", "Organisation: Holmminster", "Type: Vacancy (open)"]
    return {"roles": n, "searched_from": "roles/a/", "load_average": {},
            "search": [
                {"query": "safeguarding", "page_bytes": 92 * KB, "search_bytes": search,
                 "first_result_s": seconds, "first": {
                     "title": "Safeguarding Lead",
                     "tags": ["Organisation: Holmminster", "Type: Role profile"]}},
                {"query": "HOL-2024-0001", "page_bytes": 92 * KB, "search_bytes": 120 * KB,
                 "first_result_s": 0.5, "first": {"title": "Outreach Navigator",
                                                  "tags": vacancy_tags if tags is None
                                                  else tags}}],
            "weight": {"home": _weight("", home), "role": _weight("roles/a/", 95 * KB)}}


def _verdict(rows: list[tuple[str, str, str]], start: str) -> tuple[str, str]:
    found = [(shown, result) for target, shown, result in rows if target.startswith(start)]
    assert len(found) == 1, rows
    return found[0]


def test_every_target_met_is_a_pass() -> None:
    rows = phone.targets([_found(1000), _found(3000)])
    assert len(rows) == 2 * (2 * 3 + 2)
    assert {result for _, _, result in rows} == {"PASS"}
    assert _verdict(rows, "page weight, N=3000, home page (/) ≤ 150 KB") == ("90 KB", "PASS")


def test_a_page_over_150_kb_is_a_miss() -> None:
    rows = phone.targets([_found(3000, home=151 * KB)])
    assert _verdict(rows, "page weight, N=3000, home page") == ("151 KB", "MISS")
    assert _verdict(rows, "page weight, N=3000, role page")[1] == "PASS"


def test_a_slow_or_heavy_search_misses() -> None:
    rows = phone.targets([_found(1000, seconds=1.07, search=301 * KB)])
    assert _verdict(rows, "phone search, N=1000, “safeguarding”: first result ≤ 1 s") == (
        "1.07 s", "MISS")
    assert _verdict(rows, "phone search, N=1000, “safeguarding”: ≤ 300 KB") == ("301 KB", "MISS")


def test_a_vacancy_result_without_its_closing_date_misses() -> None:
    name = "phone search, N=1000, “HOL-2024-0001”: result shows"
    rows = phone.targets([_found(1000, tags=["Organisation: Holmminster",
                                             "Type: Vacancy (open)"])])
    assert _verdict(rows, name)[1] == "MISS"
    rows = phone.targets([_found(1000, tags=["Closes: 1 May 2027", "Type: Vacancy (open)"])])
    assert _verdict(rows, name)[1] == "MISS"  # nor without its organisation
    assert phone.shows_enough({"title": "Glossary", "tags": []})  # a page of another kind


def test_the_report_carries_the_phone_figures_and_their_targets() -> None:
    result: dict[str, Any] = {
        "command": "python -m benchmarks.run --phone-only", "timings_flag": True, "sizes": [],
        "growth": {}, "phone": [_found(1000), _found(3000, home=160 * KB)],
        "machine": {"date": "today", "nproc": 2, "cpu": "cpu", "ram": "1 GB", "python": "3",
                    "commit": "abc", "versions": {"mkdocs": "1", "mkdocs-material": "9",
                                                  "weasyprint": "70"}}}
    result["targets"] = phone.targets(result["phone"])
    text = markdown(result)
    assert "| 3000 | home (`/`) | 160 KB | 170 KB | 2 |" in text
    assert "| 1000 | HOL-2024-0001 | 92 KB | 120 KB | 0.50 s | Outreach Navigator: Closes:" in text
    assert "| page weight, N=3000, home page (/) ≤ 150 KB | 160 KB | MISS |" in text
    assert "**Times**" not in text  # --phone-only: no empty tables of what was not run


def test_the_phone_runs_at_1000_and_3000_roles_unless_told_otherwise() -> None:
    assert parse([]).phone == [1000, 3000]
    assert parse(["--phone", "30"]).phone == [30]
    assert parse(["--skip", "phone"]).phone == []
    only = parse(["--phone-only"])
    assert (only.sizes, only.phone) == ([], [1000, 3000])
    assert {"import", "collate"} <= only.skip


def test_the_server_compresses_text_as_a_static_host_does_and_counts_what_it_sends(
        tmp_path: Path) -> None:
    page = b"<!doctype html><p>" + b"a role " * 2000 + b"</p>"
    (tmp_path / "index.html").write_bytes(page)
    (tmp_path / "chunk.pf_index").write_bytes(gzip.compress(b"already compressed"))
    with page_weight.served(tmp_path) as (url, counter):
        asked = urllib.request.Request(url + "/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(asked) as answer:
            body, header = answer.read(), answer.headers.get("Content-Encoding")
        with urllib.request.urlopen(url + "/chunk.pf_index") as answer:
            assert answer.headers.get("Content-Encoding") is None
        sent = counter.take()
    assert header == "gzip" and gzip.decompress(body) == page and len(body) < len(page) // 10
    (home, home_bytes, encoding, same), (chunk, _, plain, _) = sent
    assert (home, encoding, chunk, plain, same) == ("/", "gzip", "/chunk.pf_index", "",
                                                    home_bytes)
    assert len(body) < home_bytes < len(body) + 400  # the body and its headers
    assert page_weight.encode(page, "/", "gzip, deflate, br")[1] == (
        "br" if page_weight.brotli is not None else "gzip")
