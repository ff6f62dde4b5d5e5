"""Measuring one thing at a time: a child process's wall time and peak memory, site sizes, PDFs.

Every command runs as its own child (never in this process), reaped with os.wait4 so that its
own peak resident set size is known.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ROLEPRINT = BIN / "roleprint" if (BIN / "roleprint").exists() else ROOT / ".venv/bin/roleprint"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
PDF_LINE = re.compile(r"PDFs: (\d+) rendered, (\d+) reused")


@dataclass
class Run:
    """One child process: how long, how much memory, what it said, its stage timings, and
    the processor time it and the children it waited for used (`cpu`)."""

    seconds: float
    rss_mb: float
    returncode: int
    output: str
    timings: dict[str, float] = field(default_factory=dict)
    cpu: float = 0.0

    def check(self, what: str) -> Run:
        if self.returncode != 0:
            raise RuntimeError(f"{what} failed ({self.returncode}):\n{self.output[-3000:]}")
        return self


def run(args: Sequence[str], cwd: Path, env: dict[str, str],
        timings: Path | None = None) -> Run:
    """Run `args` to the end; if `timings` is given, read the JSON it names afterwards."""
    if timings is not None:
        timings.unlink(missing_ok=True)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(list(args), cwd=cwd, env=env, stdout=out,
                                 stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    found: dict[str, float] = {}
    if timings is not None and timings.is_file():
        raw = json.loads(timings.read_text(encoding="utf-8"))
        found = {k: float(v) for k, v in raw.items() if isinstance(v, int | float)}
    # ru_maxrss is in kilobytes on Linux.
    return Run(seconds, usage.ru_maxrss / 1024, child.returncode, text, found,
               usage.ru_utime + usage.ru_stime)


def median_run(runs: list[Run]) -> dict[str, Any]:
    """Median seconds and stage timings, the largest peak memory, and every run's seconds."""
    keys = sorted({k for r in runs for k in r.timings})
    return {
        "seconds": statistics.median(r.seconds for r in runs),
        "cpu": statistics.median(r.cpu for r in runs),
        "rss_mb": max(r.rss_mb for r in runs),
        "runs": [round(r.seconds, 3) for r in runs],
        "timings": {k: statistics.median(r.timings[k] for r in runs if k in r.timings)
                    for k in keys},
    }


def supports_timings() -> bool:
    """Whether this roleprint's generate and build take --timings FILE."""
    helps = [subprocess.run([str(ROLEPRINT), cmd, "--help"], capture_output=True, text=True,
                            cwd=ROOT, check=False).stdout for cmd in ("generate", "build")]
    return all("--timings" in text for text in helps)


def config_copy(dest: Path, docs: Path | None = None, site: Path | None = None) -> Path:
    """A copy of the project's mkdocs.yml that works from `dest`'s folder.

    Both engines read relative paths from the config file's folder, so the theme's custom_dir
    is made absolute; docs_dir and site_dir are set when given, relative to that folder.
    (Zensical 0.0.73 stops with a panic on an absolute docs_dir, and refuses one outside the
    config's folder: keep `docs` under `dest`'s folder for it.)
    """
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")

    def absolute(match: re.Match[str]) -> str:
        value = match.group(2).strip("\"'")
        if not Path(value).is_absolute():
            value = str(ROOT / value)
        return f"{match.group(1)}{json.dumps(value)}"

    text = re.sub(r"(?m)^(\s*custom_dir:\s*)([^\s#]+)", absolute, text)
    for key, value in (("docs_dir", docs), ("site_dir", site)):
        if value is None:
            continue
        where = os.path.relpath(value.resolve(), dest.resolve().parent)
        line = f"{key}: {json.dumps(where)}"
        text, found = re.subn(rf"(?m)^{key}:.*$", line, text)
        if not found:
            text += f"\n{line}\n"
    dest.write_text(text, encoding="utf-8")
    return dest


def zensical_version() -> str | None:
    """The release of Zensical in .venv-zensical/ (`make zensical`), or None without one."""
    if not ZENSICAL.exists():
        return None
    found = subprocess.run([str(ZENSICAL), "--version"], capture_output=True, text=True,
                           check=False)
    return found.stdout.strip() or None


# Zensical 0.0.73 keeps a search position in 30 bits: the item's number, rounded up to a power
# of two, and the byte offset in the field share them (docs/performance.md).
ZENSICAL_POSITION_BITS = 30


def zensical_field_limit(items: int) -> int:
    """The most bytes Zensical indexes in one field of an index of `items` sections."""
    return 2 ** ZENSICAL_POSITION_BITS // (1 << max(items - 1, 0).bit_length())


def search_fields(site: Path) -> dict[str, Any]:
    """Zensical's search index in `site`: how many sections it holds, its largest text field
    and where, and the most that field could have held."""
    index = json.loads((site / "search.json").read_text(encoding="utf-8"))
    items = index["items"]
    size, where = max(((len(i["text"].encode("utf-8")), i["location"]) for i in items),
                      default=(0, ""))
    return {"items": len(items), "largest": size, "largest_at": where,
            "limit": zensical_field_limit(len(items)),
            "bytes": (site / "search.json").stat().st_size}


def site_sizes(site: Path) -> dict[str, int]:
    """Bytes of the built site by kind of output."""
    sizes = {"html": 0, "form_html": 0, "form_files": 0, "search_index": 0, "pdf": 0,
             "pdf_files": 0, "exports": 0, "other": 0, "total": 0}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        rel = path.relative_to(site).as_posix()
        if rel == "search/search_index.json":
            sizes["search_index"] += size
        elif path.suffix == ".html":
            form = path.parent.name == "forms"
            sizes["form_html" if form else "html"] += size
            sizes["form_files"] += form
        elif path.suffix == ".pdf":
            sizes["pdf"] += size
            sizes["pdf_files"] += 1
        elif path.suffix in (".docx", ".xlsx", ".csv"):
            sizes["exports"] += size
        else:
            sizes["other"] += size
        sizes["total"] += size
    return sizes


def role_page_bytes(staging: Path) -> float:
    """The mean size of a role's Markdown page in a staging tree: the work one role brings the
    site engine, which should not change with the number of roles."""
    pages = [p for p in (staging / "docs" / "roles").glob("*.md") if p.name != "index.md"]
    return sum(p.stat().st_size for p in pages) / len(pages) if pages else 0.0


def pdf_pages(site: Path) -> tuple[int, int]:
    """The number of PDFs in the site and their pages."""
    from pypdf import PdfReader

    files = sorted(site.rglob("*.pdf"))
    return len(files), sum(len(PdfReader(p).pages) for p in files)


def plain_pdf(form_html: Path) -> int:
    """Bytes of the same form rendered without fillable fields (same tagging and assets)."""
    from weasyprint import HTML

    from generator.render.forms import pdf

    html = form_html.read_text(encoding="utf-8")
    document = HTML(string=html, base_url=pdf.ASSETS.resolve().as_uri() + "/",
                    url_fetcher=pdf.RestrictedFetcher(pdf.ASSETS)).render(
                        pdf_forms=False, pdf_variant="pdf/ua-1")
    return len(document.write_pdf(pdf_variant="pdf/ua-1"))


def rename_role(content: Path, role_id: str, title: str) -> str:
    """Give a role a new title; return the file's old text so it can be put back."""
    path = content / "roles" / f"{role_id}.yaml"
    old = path.read_text(encoding="utf-8")
    new, found = re.subn(r"(?m)^title: .*$", f"title: {title}", old, count=1)
    if not found:
        raise ValueError(f"no title line in {path}")
    path.write_text(new, encoding="utf-8")
    return old


def role_titles(content: Path) -> dict[str, str]:
    titles = {}
    for path in sorted((content / "roles").glob("*.yaml")):
        match = re.search(r"(?m)^title: (.*)$", path.read_text(encoding="utf-8"))
        if match:
            titles[path.stem] = match.group(1).strip().strip("\"'")
    return titles


def fresh(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    return path


class Trash:
    """Old outputs are moved aside, not deleted, between timed commands.

    On this machine, writing files is slow for a while after a large delete: 6,000 files of
    35 KB took 0.2 s of system time when nothing had been deleted, and 3 to 7 s after a tree of
    the same size had been; it can take minutes to wear off. A command that writes hundreds of
    megabytes would be charged for the deletes before it, so outputs are renamed into a trash
    folder (a rename costs nothing) that is emptied once the benchmark has finished.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def settle(self, *outputs: Path) -> None:
        """Move `outputs` out of the way and flush the write-back, so the next command starts
        with nothing of the last one's left to write."""
        for path in outputs:
            if path.exists():
                self.folder.mkdir(parents=True, exist_ok=True)
                self.count += 1
                path.rename(self.folder / f"{self.count}-{path.name}")
        os.sync()

    def empty(self) -> None:
        """Delete everything moved aside (at the end: untimed, and nothing timed follows)."""
        fresh(self.folder)
