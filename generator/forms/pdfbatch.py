"""Many PDFs at once: each one looked up in the cache first, the rest rendered on every core.

A PDF is a pure function of its HTML, its creation date and the renderer (our `pdf.py`, the
assets it may read, and the WeasyPrint and pydyf releases), so those make the cache key: a role
that did not change since the last build costs a file copy, not a render.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from generator.cache import Cache, digest
from generator.forms.fieldfont import field_font

# The only folder WeasyPrint may read from (see `pdf.RestrictedFetcher`).
ASSETS = Path(__file__).resolve().parent.parent / "assets"
# Used when SOURCE_DATE_EPOCH is not set: a fixed date keeps the bytes stable.
FIXED_DATE = "2000-01-01T00:00:00Z"

# Below this many renders, starting worker processes costs more than it saves.
POOL_THRESHOLD = 3
# A cached PDF not used by any build for this long is deleted.
KEEP_DAYS = 30


@dataclass(frozen=True)
class PdfJob:
    html: str
    out: Path


@dataclass
class PdfStats:
    rendered: int = 0
    reused: int = 0

    def __str__(self) -> str:
        return f"PDFs: {self.rendered} rendered, {self.reused} reused from the cache."


def source_date(environ: dict[str, str] | None = None) -> str:
    """The PDF creation date: SOURCE_DATE_EPOCH when set (reproducible builds), else fixed."""
    epoch = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_DATE
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@cache
def renderer_version() -> str:
    import pydyf
    import weasyprint

    from generator.forms import pdf

    assets = sorted(p for p in ASSETS.rglob("*") if p.is_file())
    font = field_font()
    return digest([weasyprint.__version__, pydyf.__version__, Path(pdf.__file__).read_bytes(),
                   font.read_bytes() if font else b"",
                   *(part for p in assets
                     for part in (p.relative_to(ASSETS).as_posix(), p.read_bytes()))])


def workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _pool(size: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process that has already imported WeasyPrint,
    # not from a fork of this one (which may hold threads, such as the preview server's).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.forms.pdf"])
    return ProcessPoolExecutor(max_workers=size, mp_context=context)


def render_pdfs(jobs: Sequence[PdfJob], *, created: str = FIXED_DATE,
                cache: Cache | None = None) -> PdfStats:
    """Write every job's PDF; reuse cached ones and render the rest in parallel."""
    from generator.forms import pdf  # WeasyPrint takes a second to import: only when needed

    cache = cache or Cache("pdf")
    stats = PdfStats()
    missing: list[tuple[str, PdfJob]] = []
    for job in jobs:
        key = digest([renderer_version(), created, job.html])
        data = cache.get(key)
        if data is None:
            missing.append((key, job))
            continue
        job.out.parent.mkdir(parents=True, exist_ok=True)
        job.out.write_bytes(data)
        stats.reused += 1
    render = partial(pdf.pdf_bytes, created=created)
    htmls = [job.html for _, job in missing]
    size = min(workers(), len(missing))
    if size > 1 and len(missing) >= POOL_THRESHOLD:
        with _pool(size) as pool:
            results = pool.map(render, htmls, chunksize=1)
            _store(missing, results, cache)
    else:
        _store(missing, map(render, htmls), cache)
    stats.rendered = len(missing)
    cache.prune(KEEP_DAYS)
    return stats


def _store(missing: list[tuple[str, PdfJob]], results: Iterable[bytes], cache: Cache) -> None:
    for (key, job), data in zip(missing, results, strict=True):
        job.out.parent.mkdir(parents=True, exist_ok=True)
        job.out.write_bytes(data)
        cache.put(key, data)
