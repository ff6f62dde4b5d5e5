"""Many PDFs at once: each one looked up in the cache first, the rest rendered on every core.

A PDF is a pure function of its HTML, its creation date and the renderer (our `pdf.py`, the
assets it may read, and the WeasyPrint and pydyf releases), so those make the cache key: a role
that did not change since the last build costs a file copy, not a render. The HTML is the form
as WeasyPrint reads it, its stylesheet inlined (`generator.forms.stylesheet`), so the key
changes whenever the stylesheet does.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

from generator.core import lifeline
from generator.core.batch import run_cached, workers
from generator.core.cache import Cache, digest
from generator.core.clock import FIXED_DATE
from generator.render.forms.assets import ASSETS
from generator.render.forms.fieldfont import field_font
from generator.render.forms.stylesheet import inline

# Below this many renders, starting worker processes costs more than it saves.
POOL_THRESHOLD = 3
# A cached PDF not used by any build for this long is deleted.
KEEP_DAYS = 30


@dataclass(frozen=True)
class PdfJob:
    """A form's HTML file and where its PDF goes. The path, not the text: at a thousand roles
    the forms come to hundreds of megabytes, so each is read only when it is keyed or rendered.
    """

    source: Path
    out: Path


@dataclass
class PdfStats:
    rendered: int = 0
    reused: int = 0

    def __str__(self) -> str:
        return f"PDFs: {self.rendered} rendered, {self.reused} reused from the cache."


@cache
def renderer_version() -> str:
    import pydyf
    import weasyprint

    from generator.render.forms import pdf

    assets = sorted(p for p in ASSETS.rglob("*") if p.is_file())
    font = field_font()
    return digest([weasyprint.__version__, pydyf.__version__, Path(pdf.__file__).read_bytes(),
                   font.read_bytes() if font else b"",
                   *(part for p in assets
                     for part in (p.relative_to(ASSETS).as_posix(), p.read_bytes()))])


def _pool(size: int) -> ProcessPoolExecutor:
    # forkserver: workers start from a clean process that has already imported WeasyPrint,
    # not from a fork of this one (which may hold threads, such as the preview server's).
    # The workers are the forkserver's children, not ours, so they watch a lifeline to end
    # with this process; the forkserver and the resource tracker then end with them.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.render.forms.pdf"])
    return lifeline.pool(size, context)


def render_pdfs(jobs: Sequence[PdfJob], *, created: str = FIXED_DATE,
                cache: Cache | None = None) -> PdfStats:
    """Write every job's PDF; reuse cached ones and render the rest in parallel."""
    version = renderer_version()

    def key(job: PdfJob) -> str:
        # Read, hashed and dropped: only one form's HTML is in memory at a time.
        return pdf_key(version, created, job.source.read_text(encoding="utf-8"))

    counts = run_cached(jobs, key=key, make=partial(_render, created=created),
                        cache=cache or Cache("pdf"), pool=_pool, threshold=POOL_THRESHOLD,
                        cores=workers(), keep_days=KEEP_DAYS)
    return PdfStats(rendered=counts.made, reused=counts.reused)


def pdf_key(version: str, created: str, html: str) -> str:
    """The cache key of the PDF made from a form's HTML (its stylesheet linked or inlined)."""
    return digest([version, created, inline(html)])


def _render(job: PdfJob, created: str) -> bytes:
    """One PDF's bytes; run in worker processes, which read the form themselves."""
    from generator.render.forms import pdf  # WeasyPrint takes a second to import: only when needed

    return pdf.pdf_bytes(job.source.read_text(encoding="utf-8"), created=created)
