"""Every export of a build: each looked up in the cache first, the rest made on every core.

An export is a pure function of a plain spec (the blocks of a Word document, or a workbook's
cells), the build's date and the exporter (this package's code and the python-docx and openpyxl
releases), so those make the cache key. Working out the specs is quick; making the files is
not, so a role that did not change since the last build costs a file copy.
"""

from __future__ import annotations

import json
import multiprocessing
import zlib
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache, partial
from pathlib import Path
from typing import Any

from generator.core import lifeline
from generator.core.batch import run_cached, workers
from generator.core.cache import Cache, digest
from generator.core.clock import source_date

PACKAGE = Path(__file__).resolve().parent
# Below this many files to make, starting worker processes costs more than it saves (on two
# cores, 40 files take as long either way).
POOL_THRESHOLD = 40
# A cached export not used by any build for this long is deleted.
KEEP_DAYS = 30


@dataclass(frozen=True)
class ExportJob:
    kind: str        # "docx", "form-docx" (a form's HTML page to Word), "xlsx" or "csv"
    spec: Any        # plain values: see profile.py, excel.py, formdoc.py
    out: Path


@dataclass
class ExportStats:
    made: int = 0
    reused: int = 0
    files: list[Path] = field(default_factory=list)

    def __str__(self) -> str:
        return f"Exports: {self.made} made, {self.reused} reused from the cache."


@cache
def exporter_version() -> str:
    """Changes whenever this package's code, python-docx, openpyxl or zlib does."""
    import docx
    import openpyxl

    files = sorted(PACKAGE.glob("*.py"))
    return digest([getattr(docx, "__version__", "?"), openpyxl.__version__,
                   zlib.ZLIB_RUNTIME_VERSION,
                   *(part for p in files for part in (p.name, p.read_bytes()))])


def job_key(job: ExportJob, created: str) -> str:
    spec = json.dumps(job.spec, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return digest([exporter_version(), created, job.kind, spec])


def render(job: tuple[str, Any, str]) -> bytes:
    """One export's bytes from (kind, spec, date); run in worker processes."""
    kind, spec, created = job
    if kind in ("docx", "form-docx"):
        from generator.render.exports.formdoc import application_document
        from generator.render.exports.word import docx_bytes

        # A form is read from its HTML page only when its file is made: the page is the key.
        return docx_bytes(application_document(spec["html"]) if kind == "form-docx" else spec,
                          created)
    from generator.render.exports.excel import csv_bytes, xlsx_bytes

    if kind == "xlsx":
        return xlsx_bytes(spec, created)
    return csv_bytes(spec["columns"], spec["rows"])


def _pool(size: int) -> ProcessPoolExecutor:
    # Fresh processes, never a fork of this one (which may hold threads, such as the preview
    # server's). Spawned rather than taken from the forkserver the PDFs use: that one process
    # keeps the environment and preloads of whichever pool started it first.
    return lifeline.pool(size, multiprocessing.get_context("spawn"))


def run_jobs(jobs: Sequence[ExportJob], *, created: str | None = None,
             cache: Cache | None = None) -> ExportStats:
    """Write every job's file; reuse cached ones and make the rest in parallel."""
    date = created or source_date()
    counts = run_cached(jobs, key=partial(job_key, created=date),
                        make=partial(_make, created=date), cache=cache or Cache("exports"),
                        pool=_pool, threshold=POOL_THRESHOLD, cores=workers(),
                        keep_days=KEEP_DAYS)
    return ExportStats(made=counts.made, reused=counts.reused, files=[job.out for job in jobs])


def _make(job: ExportJob, created: str) -> bytes:
    """`render` for one job: a module-level function, so it can be sent to a worker."""
    return render((job.kind, job.spec, created))
