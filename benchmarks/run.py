"""`make bench`: time validate, generate, build (with MkDocs, and the same tree with Zensical),
PDFs, exports and the live preview on synthetic content.

    python -m benchmarks.run [--sizes 10,100,1000] [--repeat R] [--large] [--pdf-max 100]
                             [--phone 1000,3000] [--phone-only]

For each N the content is generated into bench-out/n<N>/ and every command runs there as its
own child process. Issue 26's measures on an emulated phone (the search and the page weights,
`benchmarks/phone.py`) run at the --phone sizes (default 1000,3000) on the site that
`build --no-pdf` made for that N, or on one built for them alone (bench-out/phone-n<N>/) where
N is not among --sizes; --phone-only runs those and nothing else. Results go to stdout,
benchmarks/results/latest.json and the results section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks import collate, editor, importing, measure, phone, preview, report, synthetic
from benchmarks import lint as lint_bench
from benchmarks.measure import ROLEPRINT, ROOT, Run, Trash, fresh, median_run

OUT = ROOT / "bench-out"
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
DOCS = ROOT / "docs" / "performance.md"
GROWTH = {"validate cold": "validate_cold", "generate": "generate", "plain mkdocs": "mkdocs",
          "zensical": "zensical", "build --no-pdf": "build_nopdf"}


class Size:
    """One N: its folders, environment and the commands run on it."""

    def __init__(self, n: int, args: argparse.Namespace, timings: bool, trash: Trash) -> None:
        self.n, self.args, self.has_timings, self.trash = n, args, timings, trash
        self.work = OUT / f"n{n}"
        trash.settle(self.work)
        self.work.mkdir(parents=True)
        self.content = self.work / "content"
        self.cache = self.work / "cache"
        self.timings = self.work / "timings.json"
        self.env = {**os.environ, "ROLEPRINT_CACHE": str(self.cache)}
        self.repeat = args.repeat or (3 if n <= 100 else 1)

    def roleprint(self, *args: str | Path, timed: bool = False) -> Run:
        extra = ["--timings", str(self.timings)] if timed and self.has_timings else []
        command = [str(ROLEPRINT), *map(str, args), "--content", str(self.content), *extra]
        found = measure.run(command, self.work, self.env,
                            self.timings if timed and self.has_timings else None)
        return found.check(" ".join(command))

    def log(self, message: str) -> None:
        print(f"[N={self.n}] {message}", file=sys.stderr, flush=True)


def measure_size(size: Size) -> dict[str, Any]:
    n, args = size.n, size.args
    start = time.perf_counter()
    counts = synthetic.write(size.content, n, seed=args.seed)
    result: dict[str, Any] = {
        "roles": n, "files": sum(counts.values()), "records": counts,
        "content_bytes": sum(p.stat().st_size for p in size.content.rglob("*.yaml")),
        "synthetic_s": time.perf_counter() - start, "repeat": size.repeat,
    }
    size.log(f"content written ({result['files']} files); validate x{size.repeat}")
    cold, warm = [], []
    for _ in range(size.repeat):
        size.trash.settle(size.cache)
        cold.append(size.roleprint("validate"))
        warm.append(size.roleprint("validate"))
    result["validate_cold"], result["validate_warm"] = median_run(cold), median_run(warm)
    size.log(f"lint (cold) x{size.repeat}")
    result["lint"] = lint_bench.measure_lint(size.content, size.work, size.env, size.repeat)

    # generate, the plain engine on the tree it wrote, Zensical on the same tree, and the whole
    # build, in turn, `repeat` times: each ratio compares two runs made a minute apart, so a
    # slow spell of the machine (common here) falls on both sides of it.
    zensical = "zensical" not in args.skip and measure.ZENSICAL.exists()
    size.log(f"generate --no-pdf, plain mkdocs build of its tree, "
             f"{'zensical build of the same tree, ' if zensical else ''}build --no-pdf; "
             f"x{size.repeat} in turn")
    staging, plain = size.work / "staging", size.work / "site-plain"
    nopdf, zensical_site = size.work / "site-nopdf", size.work / "site-zensical"
    config = measure.config_copy(size.work / "mkdocs-plain.yml", staging / "docs", plain)
    zensical_config = measure.config_copy(size.work / "zensical.yml", staging / "docs",
                                          zensical_site)
    common = ("--config", ROOT / "mkdocs.yml")
    generated, engine, other, built = [], [], [], []
    failed: Run | None = None
    for _ in range(size.repeat):
        size.trash.settle(staging)
        generated.append(size.roleprint("generate", "--out", staging, "--no-pdf", timed=True))
        size.trash.settle(plain)
        engine.append(measure.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                                   str(config)], size.work, size.env).check("mkdocs build"))
        if zensical:
            # Zensical keeps a cache in .cache/ beside its config: every run starts without
            # one, as MkDocs always does (moved aside rather than cleaned by `--clean`, which
            # would time the deleting).
            size.trash.settle(zensical_site, size.work / ".cache")
            found = measure.run([str(measure.ZENSICAL), "build", "-f", str(zensical_config)],
                                size.work, size.env)
            if found.returncode == 0:
                other.append(found)
            else:  # reported as a miss; the rest of the benchmark goes on
                failed, zensical = found, False
        # The build keeps its staging tree in .staging beside the site: the one before is
        # moved aside too, or the build would be timed deleting it.
        size.trash.settle(nopdf, size.work / ".staging")
        built.append(size.roleprint("build", "--site-dir", nopdf, *common, "--no-pdf",
                                    timed=True))
    result["generate"], result["mkdocs"], result["build_nopdf"] = (
        median_run(generated), median_run(engine), median_run(built))
    result["pairs"] = {
        "generate": [round(report.own_seconds(g) / e.seconds, 4)
                     for g, e in zip(generated, engine, strict=True)],
        "build_nopdf": [round(b.seconds / e.seconds, 4)
                        for b, e in zip(built, engine, strict=True)],
    }
    if failed is not None:
        last = [line for line in failed.output.splitlines() if line.strip()][-1:]
        result["zensical"] = {"note": "failed", "error": " ".join(last)[:500],
                              "seconds_to_fail": failed.seconds}
    elif other:
        result["zensical"] = {**median_run(other),
                              "search": measure.search_fields(zensical_site)}
        result["pairs"]["zensical"] = [round(z.seconds / e.seconds, 4)
                                       for z, e in zip(other, engine, strict=True)]
    else:
        result["zensical"] = {"note": "skipped" if "zensical" in args.skip else
                              "not installed (make zensical)"}
    result["site"] = measure.site_sizes(nopdf)
    result["role_page_bytes"] = measure.role_page_bytes(staging)

    titles = measure.role_titles(size.content)
    ids = sorted(titles)
    edited = ids[len(ids) // 2]
    if "pdf" in args.skip or n > args.pdf_max:
        why = "skipped" if "pdf" in args.skip else f"N > --pdf-max {args.pdf_max}"
        result["pdf"] = {"note": why}
    else:
        result.update(measure_pdfs(size, edited, result["build_nopdf"]["seconds"]))
    if "exports" in args.skip:
        result["exports"] = {"note": "skipped"}
    else:
        result["exports"] = measure_exports(size, edited)
    if "preview" in args.skip:
        result["preview"] = {"note": "skipped"}
    else:
        size.log("edit to preview (roleprint serve)")
        others = {rid: titles[rid] for rid in ids[:: max(1, len(ids) // 5)]
                  if titles[rid] != titles[edited]}
        result["preview"] = preview.edit_to_preview(size.content, size.work, size.env, edited,
                                                    others, args.preview_timeout)
    if "editor" in args.skip or n != 1000:
        result["editor"] = {"note": "skipped" if "editor" in args.skip else "measured at N=1000"}
    else:
        size.log("browser editor: role list and one save (benchmarks/editor.py)")
        result["editor"] = editor.measure(size.content)
        size.log(f"editor: {json.dumps(result['editor'])}")
    return result


def measure_pdfs(size: Size, role_id: str, nopdf_seconds: float) -> dict[str, Any]:
    size.log("build with PDFs (cold cache)")
    site = size.work / "site-pdf"
    common = ("--site-dir", site, "--config", ROOT / "mkdocs.yml")
    size.trash.settle(size.cache, site)
    first = size.roleprint("build", *common, timed=True)
    pdfs, pages = measure.pdf_pages(site)
    pdf: dict[str, Any] = {**median_run([first]), "pdfs": pdfs, "pages": pages}
    if "pdf" in first.timings and pages:
        pdf["per_page"], pdf["per_page_from"] = first.timings["pdf"] / pages, "pdf"
    elif pages:  # no stage timings: the difference from the build without PDFs
        pdf["per_page"], pdf["per_page_from"] = (first.seconds - nopdf_seconds) / pages, "wall"
    size.log(f"rebuild after renaming {role_id}")
    old = measure.rename_role(size.content, role_id, f"Renamed Role {size.n}")
    try:
        again = size.roleprint("build", *common, timed=True)
    finally:
        (size.content / "roles" / f"{role_id}.yaml").write_text(old, encoding="utf-8")
    rebuild: dict[str, Any] = {"role": role_id, "seconds": again.seconds, "rss_mb": again.rss_mb,
                               "timings": again.timings, "role_forms": len(list(
                                   (site / "roles" / role_id / "forms").glob("*.pdf")))}
    line = measure.PDF_LINE.search(again.output)
    if line:
        rebuild["rendered"], rebuild["reused"] = int(line.group(1)), int(line.group(2))
    else:
        rebuild["note"] = "no 'PDFs: R rendered, K reused' line"
    pdf["rebuild"] = rebuild
    found: dict[str, Any] = {"pdf": pdf, "site": measure.site_sizes(site)}
    form = site / "roles" / role_id / "forms" / "shortlisting.html"
    if form.is_file() and form.with_suffix(".pdf").is_file():
        found["form_sizes"] = {"form": f"{role_id}/forms/shortlisting",
                               "fillable": form.with_suffix(".pdf").stat().st_size,
                               "plain": measure.plain_pdf(form)}
    return found


def measure_exports(size: Size, role_id: str) -> dict[str, Any]:
    """Every Word and Excel export with an empty cache, again with nothing changed, then after
    one role's title is changed (see benchmarks/exports.py)."""
    size.log("exports: cold, warm, after one edit")
    out, cache = size.work / "exports", size.work / "cache-exports"
    env = {**size.env, "ROLEPRINT_CACHE": str(cache)}
    size.trash.settle(cache)

    def once() -> dict[str, Any]:
        size.trash.settle(out)
        found = measure.run([sys.executable, "-m", "benchmarks.exports", str(size.content),
                             str(out)], ROOT, env).check("benchmarks.exports")
        return {**json.loads(found.output.strip().splitlines()[-1]), "wall": found.seconds,
                "rss_mb": found.rss_mb}

    cold, warm = once(), once()
    old = measure.rename_role(size.content, role_id, f"Renamed Role {size.n}")
    try:
        edited = once()
    finally:
        (size.content / "roles" / f"{role_id}.yaml").write_text(old, encoding="utf-8")
    edited["role"] = role_id
    edited["role_files"] = sum(1 for p in (out / "roles" / role_id).iterdir() if p.is_file())
    edited["catalogue_files"] = sum(1 for p in (out / "roles").iterdir() if p.is_file())
    return {"cold": cold, "warm": warm, "edit": edited}


def phone_site(n: int, args: argparse.Namespace, trash: Trash) -> tuple[Path, Path]:
    """The site without PDFs and the content of N roles for the phone's measures: the timed
    run's own where N was timed, else built here (once, untimed)."""
    timed = OUT / f"n{n}"
    if n in args.sizes and (timed / "site-nopdf").is_dir():
        return timed / "site-nopdf", timed / "content"
    work = OUT / f"phone-n{n}"
    trash.settle(work)
    content, site = work / "content", work / "site"
    print(f"[phone N={n}] writing content and building it without PDFs", file=sys.stderr,
          flush=True)
    synthetic.write(content, n, seed=args.seed)
    env = {**os.environ, "ROLEPRINT_CACHE": str(work / "cache")}
    measure.run([str(ROLEPRINT), "build", "--content", str(content), "--site-dir", str(site),
                 "--config", str(ROOT / "mkdocs.yml"), "--no-pdf"], work, env).check(
                     f"build of {n} roles for the phone")
    return site, content


def measure_phone(args: argparse.Namespace, trash: Trash) -> list[dict[str, Any]]:
    found = []
    for n in args.phone:
        site, content = phone_site(n, args, trash)
        print(f"[phone N={n}] search and page weights", file=sys.stderr, flush=True)
        found.append(phone.measure(site, content, n))
    return found


def growth(sizes: list[dict[str, Any]]) -> dict[str, float]:
    by_n = {s["roles"]: s for s in sizes}
    if 1000 not in by_n or 3000 not in by_n:
        return {}
    return {name: by_n[3000][key]["seconds"] / by_n[1000][key]["seconds"]
            for name, key in GROWTH.items()
            if "seconds" in by_n[3000].get(key, {}) and "seconds" in by_n[1000].get(key, {})}


SKIPPABLE = ("pdf", "exports", "preview", "import", "collate", "zensical", "editor", "phone")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,100,1000", help="role counts (default 10,100,1000)")
    parser.add_argument("--repeat", type=int, metavar="R",
                        help="runs per measure (default 3 for N ≤ 100, else 1); medians reported")
    parser.add_argument("--large", action="store_true", help="add N=3000")
    parser.add_argument("--pdf-max", type=int, default=100, metavar="N",
                        help="build PDFs only up to this N (default 100)")
    parser.add_argument("--preview-timeout", type=float, default=300.0, metavar="S")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--phone", default=phone.DEFAULT_SIZES, metavar="SIZES",
                        help="role counts for the search on an emulated phone and the page "
                             f"weights (default {phone.DEFAULT_SIZES}; '' for none)")
    parser.add_argument("--phone-only", action="store_true",
                        help="only the phone's search and the page weights, at --phone sizes")
    parser.add_argument("--skip", default="",
                        help="comma-separated: pdf, exports, preview, import, collate, zensical, "
                             "editor, phone")
    parser.add_argument("--no-docs", action="store_true",
                        help="do not rewrite docs/performance.md")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()}
                            | ({3000} if args.large else set()))
        args.phone = sorted({int(x) for x in args.phone.split(",") if x.strip()})
    except ValueError:
        parser.error("--sizes and --phone take whole numbers separated by commas, "
                     "e.g. 10,100,1000")
    args.skip = {x.strip() for x in args.skip.split(",") if x.strip()}
    if args.skip - set(SKIPPABLE):
        parser.error("--skip takes " + ", ".join(SKIPPABLE[:-1]) + " and/or " + SKIPPABLE[-1])
    if args.phone_only:
        args.sizes = []
        args.skip |= {"import", "collate"}
    if "phone" in args.skip:
        args.phone = []
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    timings = measure.supports_timings()
    if not timings:
        print("note: this roleprint has no --timings; stages fall back to wall time",
              file=sys.stderr)
    trash = Trash(fresh(OUT / "trash"))  # left by a run that was stopped
    try:
        sizes = [measure_size(Size(n, args, timings, trash)) for n in args.sizes]
        phones = measure_phone(args, trash)
    finally:
        trash.empty()
    command = "python -m benchmarks.run " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    result: dict[str, Any] = {"command": command.strip(), "machine": report.machine(),
                              "timings_flag": timings, "sizes": sizes, "growth": growth(sizes)}
    result["targets"] = report.targets(sizes, result["growth"]) if sizes else []
    if phones:  # issue 26: the search on a phone and the page weights
        result["phone"] = phones
        result["targets"] += phone.targets(phones)
    if "import" not in args.skip:  # issue 15: 100 Word files through roleprint import
        result["import"] = importing.run(OUT / "import")
        result["targets"].append(importing.target(result["import"]))
        # issue 23: one line of text just under the 20 MB cap
        result["import_long_line"] = importing.run_long_line(OUT / "import-long-line")
        result["targets"].append(importing.long_line_target(result["import_long_line"]))
    if "collate" not in args.skip:  # issue 29: a panel of 5's sheets for 30 candidates
        result["collate"] = collate.run(OUT / "collate")
        result["targets"].append(collate.target(result["collate"]))
    section = report.markdown(result)
    print(section)
    for size in sizes:  # not in docs/performance.md's tables yet: see docs/lint.md
        lint = size["lint"]
        print(f"lint cold, N={size['roles']}: {lint['seconds']:.2f} s (target ≤ "
              f"{lint['target_s']:.0f} s at N=1000; load average {lint['load_average']})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    if not args.no_docs:
        if report.rewrite_docs(DOCS, section):
            print(f"Updated the results in {DOCS.relative_to(ROOT)}", file=sys.stderr)
        else:
            print(f"{DOCS.relative_to(ROOT)} has no bench markers: not updated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
