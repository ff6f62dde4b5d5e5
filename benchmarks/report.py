"""The benchmark's report: Markdown tables, targets marked PASS or MISS, the machine it ran on."""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import statistics
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks import phone
from benchmarks.measure import ROOT, Run, zensical_version

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TARGET_N = 1000
GENERATE_KEYS = ("generate", "forms", "write")  # all but load, pdf and engine


def machine() -> dict[str, Any]:
    cpu = ram = "unknown"
    try:
        found = re.search(r"(?m)^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text())
        cpu = found.group(1).strip() if found else cpu
        kb = re.search(r"(?m)^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
        ram = f"{int(kb.group(1)) / 1024 / 1024:.1f} GB" if kb else ram
    except OSError:
        pass
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True, check=False).stdout.strip()
    versions = {}
    for name in ("mkdocs", "mkdocs-material", "weasyprint"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    versions["zensical"] = zensical_version() or "not installed"
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "ram": ram,
            "python": platform.python_version(), "date": dt.datetime.now(dt.UTC).strftime(
                "%Y-%m-%d %H:%M UTC"), "commit": commit or "unknown", "versions": versions}


def _but_load(timings: dict[str, float]) -> float | None:
    if not any(k in timings for k in GENERATE_KEYS):
        return None
    return sum(timings.get(k, 0.0) for k in GENERATE_KEYS)


def generate_excluding_load(size: dict[str, Any]) -> float | None:
    return _but_load(size["generate"]["timings"])


def own_seconds(run: Run) -> float:
    """One generate run's own time: every stage but load (its wall time without --timings)."""
    own = _but_load(run.timings)
    return run.seconds if own is None else own


def paired(size: dict[str, Any], key: str, medians: float) -> tuple[float, str]:
    """The ratio a target is judged on: the median of the ratios of runs made back to back
    (`pairs`), or the ratio of the medians where an older result has no pairs; and how it
    reads."""
    pairs = size.get("pairs", {}).get(key)
    if not pairs:
        return medians, "ratio of the medians"
    each = ", ".join(f"{r:.3f}" for r in pairs)
    return (statistics.median(pairs),
            f"median of {len(pairs)} back-to-back pairs ({each}); ratio of the medians "
            f"{medians:.3f}")


# The forms' HTML in the built site at N = 1000 (MB as in the tables: 2**20 bytes).
FORMS_HTML_MAX = 60 << 20
FORMS_TARGET = "forms' HTML ≤ 60 MB"


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def _mb(value: float) -> str:
    return f"{value:.0f} MB"


def _size(value: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if value >= scale:
            return f"{value / scale:.1f} {unit}"
    return f"{value} B"


def _cell(stage: dict[str, Any]) -> str:
    return f"{stage['seconds']:.2f} s · {_mb(stage['rss_mb'])}"


# Issue 24 point 6: the build within a tenth of the plain engine, a saved change shown in a second.
BUILD_LIMIT = 1.10
PREVIEW_LIMIT = 1.0
BUILD = f"build --no-pdf ≤ {BUILD_LIMIT:.2f} × plain mkdocs"
PREVIEW = f"edit to preview ≤ {PREVIEW_LIMIT:g} s"


def targets(sizes: list[dict[str, Any]], growth: dict[str, float]) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/MISS) at N=1000; 'not measured' where that size was not run."""
    at = next((s for s in sizes if s["roles"] == TARGET_N), None)
    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: float | None, limit: float, shown: str) -> None:
        if value is None:
            rows.append((name, "not measured", "–"))
        else:
            rows.append((name, shown, "PASS" if value <= limit else "MISS"))

    if at is None:
        return [(name, "not measured (N=1000 was not run)", "–") for name in (
            "validate cold ≤ 3 s", "validate warm ≤ 0.5 s", "generate ≤ 10% of plain mkdocs",
            BUILD, "PDF ≤ 0.3 s per form page",
            "one edit re-renders only that role's PDFs",
            "one edit re-makes only that role's exports (and the catalogue)",
            PREVIEW, FORMS_TARGET)]
    cold, warm = at["validate_cold"]["seconds"], at["validate_warm"]["seconds"]
    row("validate cold ≤ 3 s", cold, 3.0, _s(cold))
    row("validate warm ≤ 0.5 s", warm, 0.5, _s(warm))
    mk = at["mkdocs"]["seconds"]
    gen = generate_excluding_load(at)
    label = "generate (pages, forms and writing; not load)"
    if gen is None:
        gen, label = at["generate"]["seconds"], "generate (wall time: no --timings)"
    ratio, how = paired(at, "generate", gen / mk)
    row("generate ≤ 10% of plain mkdocs", ratio, 0.10,
        f"{100 * ratio:.1f}%: {label} {gen:.2f} s, plain mkdocs {mk:.2f} s (medians); {how}")
    ratio, how = paired(at, "build_nopdf", at["build_nopdf"]["seconds"] / mk)
    row(BUILD, ratio, BUILD_LIMIT, f"{ratio:.2f} ×; {how}")
    for name, value in growth.items():
        row(f"{name}: N=3000 / N=1000 ≤ 3.3", value, 3.3, f"{value:.2f}")
    tried = [s for s in sizes if "seconds" in s.get("zensical", {})
             or s.get("zensical", {}).get("note") == "failed"]
    if tried:
        broke = [str(s["roles"]) for s in tried if "seconds" not in s["zensical"]]
        rows.append(("Zensical builds the staging tree at every N",
                     ("failed at N=" + ", ".join(broke)) if broke else
                     "built at N=" + ", ".join(str(s["roles"]) for s in tried),
                     "MISS" if broke else "PASS"))
    else:
        rows.append(("Zensical builds the staging tree at every N", "not measured", "–"))
    # PDFs at N=1000 take many minutes and are off by default: use the largest N built.
    built = [s for s in sizes if "seconds" in s.get("pdf", {})]
    source = at if at in built else (built[-1] if built else at)
    where = "" if source is at else f" (at N={source['roles']})"
    pdf = source.get("pdf", {})
    per_page = pdf.get("per_page")
    row("PDF ≤ 0.3 s per form page", per_page, 0.3,
        f"{per_page:.3f} s{where}" if per_page is not None else "")
    rebuild = pdf.get("rebuild", {})
    if "rendered" in rebuild:
        ok = rebuild["rendered"] == rebuild["role_forms"]
        rows.append(("one edit re-renders only that role's PDFs",
                     f"{rebuild['rendered']} rendered, role has {rebuild['role_forms']} "
                     f"forms{where}", "PASS" if ok else "MISS"))
    else:
        rows.append(("one edit re-renders only that role's PDFs",
                     rebuild.get("note", "not measured"), "–" if not rebuild else "MISS"))
    edit = at.get("exports", {}).get("edit")
    if edit:
        expected = edit["role_files"] + edit["catalogue_files"]
        rows.append(("one edit re-makes only that role's exports (and the catalogue)",
                     f"{edit['made']} made, {edit['reused']} reused; that role's files and "
                     f"the catalogue are {expected}",
                     "PASS" if edit["made"] == expected else "MISS"))
    preview = at.get("preview", {})
    row(PREVIEW, preview.get("page_s"), PREVIEW_LIMIT,
        _s(preview.get("page_s")) if "page_s" in preview else "")
    if "page_s" not in preview and preview and "note" not in preview:
        rows[-1] = (PREVIEW, preview.get("status", "?"), "MISS")
    site = at.get("site", {})
    forms = site.get("form_html")
    row(FORMS_TARGET, forms, FORMS_HTML_MAX,
        f"{_size(forms)}{_each(forms, site.get('form_files'))}" if forms is not None else "")
    return rows


def _each(total: int, files: int | None) -> str:
    """' in N forms (X each)': the average, where the count is known."""
    return f" in {files} forms ({_size(total // files)} each)" if files else ""


def markdown(result: dict[str, Any]) -> str:
    """The whole results section: machine, command, tables."""
    m = result["machine"]
    sizes = result["sizes"]
    out = [f"Measured {m['date']} on {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, "
           f"Python {m['python']}, mkdocs {m['versions']['mkdocs']}, mkdocs-material "
           f"{m['versions']['mkdocs-material']}, Zensical "
           f"{m['versions'].get('zensical', 'not measured')}, WeasyPrint "
           f"{m['versions']['weasyprint']}, "
           f"commit {m['commit']}.", "", f"Command: `{result['command']}`", ""]
    if not sizes:  # --phone-only
        out += [*phone.markdown(result.get("phone", [])), "", *_targets_table(result,
                                                                              "**Targets**")]
        return "\n".join(out) + "\n"
    if not result["timings_flag"]:
        out += ["This roleprint has no `--timings`: stage columns are empty and generate is "
                "timed by wall clock.", ""]
    out += ["**Times** (median seconds · peak memory of the child process)", "",
            "| N | content | role page | validate cold | validate warm | generate (excl. load) "
            "| generate | plain mkdocs | build --no-pdf | build ÷ mkdocs |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        gen = generate_excluding_load(s)
        page = _size(round(s["role_page_bytes"])) if "role_page_bytes" in s else "–"
        out.append(f"| {s['roles']} | {_size(s['content_bytes'])} | {page} | "
                   f"{_cell(s['validate_cold'])} | "
                   f"{_cell(s['validate_warm'])} | {_s(gen)} | {_cell(s['generate'])} | "
                   f"{_cell(s['mkdocs'])} | {_cell(s['build_nopdf'])} | "
                   f"{s['build_nopdf']['seconds'] / s['mkdocs']['seconds']:.2f} |")
    out += ["", "**Engines** (the same staging tree, built by plain MkDocs and by Zensical: "
            "median wall seconds · processor seconds · peak memory; Zensical's search index)",
            "", "| N | plain mkdocs | zensical | zensical ÷ mkdocs | index items "
            "| largest text field | Zensical's limit for it |",
            "|---:|---:|---:|---:|---:|---|---:|"]
    for s in sizes:
        out.append(engines_row(s))
    out += ["", "**Stages** (median seconds from `--timings`)", "",
            "| N | command | load | generate | forms wait | pdf | engine | write | total |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        for name, key in (("generate --no-pdf", "generate"), ("build --no-pdf", "build_nopdf"),
                          ("build (PDFs, cold)", "pdf")):
            t = s.get(key, {}).get("timings", {})
            if t:
                out.append(f"| {s['roles']} | {name} | " + " | ".join(
                    _s(t.get(k)) for k in ("load", "generate", "forms", "pdf", "engine", "write",
                                           "total")) + " |")
    out += ["", "**PDFs** (one run each; cold PDF cache, then one role's title changed)", "",
            "| N | PDFs | pages | build with PDFs | s per page | rebuild after one edit "
            "| re-rendered / reused | that role's forms |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        p = s.get("pdf", {})
        if "seconds" not in p:
            out.append(f"| {s['roles']} | {p.get('note', 'not built')} | | | | | | |")
            continue
        r = p.get("rebuild", {})
        counts = (f"{r['rendered']} / {r['reused']}" if "rendered" in r
                  else r.get("note", "–"))
        per_page = (f"{p['per_page']:.3f}" + ("" if p["per_page_from"] == "pdf" else " (est.)")
                    if p.get("per_page") is not None else "–")
        out.append(f"| {s['roles']} | {p['pdfs']} | {p['pages']} | {_cell(p)} | {per_page} | "
                   f"{_s(r.get('seconds'))} | {counts} | {r.get('role_forms', '–')} |")
    out += ["", "**Exports** (Word and Excel: `write_exports` alone, in a child process; cold "
            "cache, then nothing changed, then one role's title changed)", "",
            "| N | files | size | cold | warm | after one edit | made / reused "
            "| that role's files + catalogue |", "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in sizes:
        e = s.get("exports", {})
        if "cold" not in e:
            out.append(f"| {s['roles']} | {e.get('note', 'not measured')} | | | | | | |")
            continue
        cold, warm, edit = e["cold"], e["warm"], e["edit"]
        out.append(f"| {s['roles']} | {cold['files']} | {_size(cold['bytes'])} | "
                   f"{cold['seconds']:.2f} s · {_mb(cold['rss_mb'])} | {_s(warm['seconds'])} | "
                   f"{_s(edit['seconds'])} | {edit['made']} / {edit['reused']} | "
                   f"{edit['role_files']} + {edit['catalogue_files']} |")
    out += ["", "**Edit to preview** (`roleprint serve`, one role renamed, polled every 50 ms)",
            "", "| N | server ready | edit → role page | edit → search index | search index "
            "intact | serve peak memory |", "|---:|---:|---:|---:|---|---:|"]
    for s in sizes:
        v = s.get("preview", {})
        if not v or "note" in v:
            out.append(f"| {s['roles']} | {v.get('note', 'not measured')} | | | | |")
            continue
        intact = "yes" if v.get("index_intact") else "no: " + ", ".join(v.get("index_problems",
                                                                                []))
        page = _s(v.get("page_s")) if "page_s" in v else v.get("status", "?")
        index = _s(v.get("index_s")) if "index_s" in v else v.get("status", "?")
        out.append(f"| {s['roles']} | {_s(v.get('startup_s'))} | {page} | {index} | "
                   f"{intact if 'page_s' in v else '–'} | {_mb(v.get('rss_mb', 0))} |")
    out += ["", "**Site size** (the PDF build's site where PDFs were built)", "",
            "| N | HTML pages | form HTML (average) | search index | PDFs (average) | exports "
            "| other | total | one form: fillable / plain |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for s in sizes:
        z = s["site"]
        avg = f" ({_size(z['pdf'] // z['pdf_files'])})" if z["pdf_files"] else ""
        form = s.get("form_sizes")
        compare = (f"{form['form']}: {_size(form['fillable'])} / {_size(form['plain'])} "
                   f"({form['fillable'] / form['plain']:.1f} ×)" if form else "–")
        forms = _size(z.get("form_html", 0)) + (
            f" ({_size(z['form_html'] // z['form_files'])})" if z.get("form_files") else "")
        out.append(f"| {s['roles']} | {_size(z['html'])} | {forms} | "
                   f"{_size(z['search_index'])} | "
                   f"{_size(z['pdf'])}{avg} | {_size(z.get('exports', 0))} | "
                   f"{_size(z['other'])} | {_size(z['total'])} | "
                   f"{compare} |")
    if result["growth"]:
        out += ["", "**Growth** (time at N=3000 ÷ time at N=1000; linear is 3.0)", "",
                "| measure | ratio |", "|---|---:|"]
        out += [f"| {k} | {v:.2f} |" for k, v in result["growth"].items()]
    out += phone.markdown(result.get("phone", []))
    named = " (and on the phone at each N named)" if result.get("phone") else ""
    out += ["", *_targets_table(result, f"**Targets at N={TARGET_N}**{named}")]
    return "\n".join(out) + "\n"


def _targets_table(result: dict[str, Any], title: str) -> list[str]:
    return [title, "", "| target | measured | result |", "|---|---|---|"] + [
        f"| {a} | {b.replace('|', '/')} | {c} |" for a, b, c in result["targets"]]


def _engine(stage: dict[str, Any]) -> str:
    return f"{stage['seconds']:.2f} s · {stage.get('cpu', 0.0):.2f} s · {_mb(stage['rss_mb'])}"


def engines_row(size: dict[str, Any]) -> str:
    """One N of the engines table: each engine's time, their ratio, Zensical's search fields."""
    mk, z = size["mkdocs"], size.get("zensical", {"note": "not measured"})
    head = f"| {size['roles']} | {_engine(mk)} | "
    if "seconds" not in z:
        why = z["note"]
        if z.get("error"):
            why += f" after {z['seconds_to_fail']:.0f} s: {z['error']}"
        return head + f"{why.replace('|', '/')} | | | | |"
    ratio, _ = paired(size, "zensical", z["seconds"] / mk["seconds"])
    found = z["search"]
    return (head + f"{_engine(z)} | {ratio:.2f} | {found['items']:,} | "
            f"{_size(found['largest'])} (`{found['largest_at']}`) | {_size(found['limit'])} |")


def rewrite_docs(path: Path, section: str) -> bool:
    """Put `section` between the markers in `path`; False when the markers are missing."""
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        return False
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n{section}{END}{tail}", encoding="utf-8")
    return True
