"""One build, top to bottom: load → validate → cross-check → model → render → write.

Every command that writes the site goes through here, and so do the tests:

    site = load_site(settings)              content → model (generator.content, .model), or
                                            ContentError with every problem
    built = build(site, folder, settings)   render → staging tree → site engine (generator.render,
                                            .output.staging, .output.engine)

`roleprint build` then publishes `built.site` whole (`generator.output.publish`); `generate`
stops at the staging tree (`engine=False`); `serve` builds its first site and every full
rebuild with `build`, and a save's quick update with `build_changed`. One campaign's pack
(`roleprint forms`) is `generator.render.pack`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jinja2 import BytecodeCache

from generator.content.cached import load_cached
from generator.content.discover import discover
from generator.content.load import FileMemo, load
from generator.core import report
from generator.core.errors import BuildFailed, ContentError
from generator.core.settings import Settings
from generator.model import Site
from generator.output.engine import keep_out_of_collections, mkdocs_build, site_address
from generator.output.search import index_site


class Timings(dict[str, float]):
    """Seconds spent in each stage, for `--timings` and the benchmark."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - start

    def write(self, path: Path | None) -> None:
        if path is not None:
            path.write_text(json.dumps({k: round(v, 4) for k, v in self.items()}, indent=2),
                            encoding="utf-8")


@dataclass(frozen=True)
class Built:
    """What a build wrote: the staging tree (its `docs/` complete when `keep_staging`), the site
    the engine built from it (None for a staging tree alone), and the forms' HTML files."""

    staging: Path
    site: Path | None
    forms: list[Path]


# ---- load → validate → cross-check → model ----

def load_site(settings: Settings, *, memo: FileMemo | None = None, warn: bool = True) -> Site:
    """The content as a model, draft roles left out (and said so) unless `settings.drafts`.
    Warnings are reported (unless not `warn`) and the build goes on; errors raise
    `ContentError`. Without `memo` (the preview's own), the model is kept on disk for the next
    command that loads the same content."""
    result = load(settings.content, memo=memo) if memo is not None else load_cached(
        settings.content)
    if result.site is None:
        raise ContentError(result.problems, result.files)
    if result.problems and warn:
        report.problems(result.problems, result.files)
    return published(result.site, drafts=settings.drafts)


def published(site: Site, *, drafts: bool) -> Site:
    """The site to publish: draft roles left out (and said so) unless `drafts`."""
    if drafts:
        return site
    site, roles, vacancies = site.without_drafts()
    if roles:
        also = (f", and {len(vacancies)} vacancy record(s) for them ({', '.join(vacancies)})"
                if vacancies else "")
        report.warn(f"Left out {len(roles)} draft role(s) ({', '.join(roles)}){also}: check "
                    "each one against its source, then delete its 'status: draft' line; to look "
                    "at them first, use roleprint serve or build with --drafts.")
    return site


# ---- render → write ----

def build(site: Site, out: Path, settings: Settings, *, engine: bool = True,
          keep_staging: bool = True, timings: Timings | None = None,
          compiled: BytecodeCache | None = None) -> Built:
    """Render the model into `out/staging` and, with `engine`, build `out/site` from it.

    With `settings.pdf`, the downloads too: the forms' PDFs and the Word and Excel exports.
    The forms are static files the engine would only copy, so while it runs (on one core)
    another process writes them beside it, and they are moved into the built site after;
    `keep_staging` links them into the staging tree too, so that it is complete, as
    `roleprint generate` writes it. Raises `BuildFailed` when the engine or the forms fail.
    """
    from generator.output.staging import Meanwhile, write_forms, write_pages, write_staging

    timings = Timings() if timings is None else timings
    staging, built, side = out / "staging", out / "site", out / "forms"
    address = site_address(settings.config) if settings.config.is_file() else None
    if not engine:
        with timings.stage("generate"):
            forms = write_staging(site, staging, downloads=settings.pdf, address=address)
        if settings.pdf:
            _downloads(site, forms, staging / "docs", timings)
        return Built(staging, None, forms)
    with timings.stage("generate"):
        write_pages(site, staging, downloads=settings.pdf, address=address)
        keep_out_of_collections()
        forms_job = Meanwhile(lambda: write_forms(site, side, parts=1))
    failure = ""
    try:
        with timings.stage("engine"):
            mkdocs_build(settings.config, staging / "docs", built, compiled=compiled)
    except BuildFailed as err:
        failure = f"the site engine failed: {err}"
    finally:
        with timings.stage("forms"):
            try:
                forms = forms_job.result()
            except RuntimeError as err:  # the process writing them failed or was stopped
                failure = failure or f"the forms could not be written: {err}"
    if failure:
        raise BuildFailed(failure)
    if settings.pdf:
        # Written after the engine, like the forms: it would only copy them. They go into
        # the staging tree (which stays complete) and are linked into the built site.
        exports = _downloads(site, forms, staging / "docs", timings)
        link_into(exports, staging / "docs", built)
    with timings.stage("write"):
        place_forms(forms, side / "docs", built, staging / "docs" if keep_staging else None)
    with timings.stage("search"):
        index_site(built)
    return Built(staging, built, forms)


def _downloads(site: Site, forms: list[Path], docs: Path, timings: Timings) -> list[Path]:
    """A PDF beside each form and a Word copy beside each application form, and the Word and
    Excel exports under `docs` (each from the cache where it can be); returns the exports'
    files (not those beside the forms, which go where the forms go)."""
    from generator.render.exports import write_exports, write_form_exports

    with timings.stage("pdf"):
        make_pdfs(forms)
    with timings.stage("exports"):
        words = write_form_exports(forms)
        report.say(f"Application forms in Word: {words.made} made, {words.reused} reused "
                   "from the cache.")
        stats = write_exports(site, docs)
        report.say(str(stats))
    return stats.files


def make_pdfs(forms: list[Path]) -> None:
    """A PDF beside each form's HTML file (from the cache where it can be)."""
    from generator.core.clock import source_date
    from generator.render.forms.build import pdf_jobs
    from generator.render.forms.pdfbatch import render_pdfs

    report.say(str(render_pdfs(pdf_jobs(forms), created=source_date())))


def link_into(files: list[Path], staging: Path, built: Path) -> None:
    """Give the built site the files written into the staging tree after the engine ran."""
    for folder in sorted({path.parent for path in files}):
        (built / folder.relative_to(staging)).mkdir(parents=True, exist_ok=True)
    for path in files:
        target = built / path.relative_to(staging)
        try:
            os.link(path, target)
        except OSError:
            shutil.copyfile(path, target)


def place_forms(forms: list[Path], side: Path, built: Path, staging: Path | None) -> None:
    """Move each role's forms folder from `side` into the built site. If the staging tree is
    kept (`staging`), link a copy into it too, so that it is complete (as `roleprint generate`
    writes it); a staging tree about to be deleted is not worth 5,000 links."""
    for folder in sorted({page.parent for page in forms}):
        rel = folder.relative_to(side)
        if staging is not None:
            shutil.copytree(folder, staging / rel, copy_function=os.link, dirs_exist_ok=True)
        (built / rel).parent.mkdir(parents=True, exist_ok=True)
        folder.rename(built / rel)


# ---- the preview's quick update: the same renderers, for the records that changed ----

def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` unless the file already holds it; replace, so no reader sees half a file."""
    from generator.core.cache import write_whole

    if path.is_file() and path.read_bytes() == data:
        return False
    write_whole(path, data)
    return True


def build_changed(site: Site, changed: set[str], docs: Path, content: Path) -> list[Path]:
    """Render the pages of the records whose files changed and write those that differ.

    Index pages, and pages that merely mention a changed record, wait for the full rebuild.
    """
    from generator.render import links
    from generator.render.forms.render import form_pages
    from generator.render.forms.stylesheet import SITE_HREF
    from generator.render.site.pages import pages, render
    from generator.scoring.campaign import campaign

    page_of = {"role": links.role_page, "organisation": links.organisation_page,
               "framework": links.framework_page, "family": links.family_page,
               "vacancy": links.vacancy_page, "glossary": lambda _: "glossary.md"}
    sources = [s for s in discover(content)[0] if s.display in changed and s.kind in page_of]
    wanted = {page_of[s.kind](s.id) for s in sources}
    # A role's panel page follows its record and its vacancies (`pages` lists it only while
    # the role recruits).
    wanted |= {links.panel_page(s.id) for s in sources if s.kind == "role"}
    wanted |= {links.panel_page(site.vacancies[s.id].role.id) for s in sources
               if s.kind == "vacancy" and s.id in site.vacancies}
    written = []
    # The preview makes no PDFs or exports, so its pages do not link to them. Only the wanted
    # pages are listed: working out what every role's page is given took a third of a second.
    for page in pages(site, downloads=False, only=wanted):
        if write_if_changed(docs / page.path, render(site, page).encode("utf-8")):
            written.append(docs / page.path)
    # A role's forms follow its record, and a vacancy's role gains its forms with it.
    roles = {source.id for source in sources if source.kind == "role"}
    roles |= {site.vacancies[source.id].role.id for source in sources
              if source.kind == "vacancy" and source.id in site.vacancies}
    for role in (site.roles[r] for r in sorted(roles) if r in site.roles and site.recruits(r)):
        for stem, html in form_pages(campaign(site, role), SITE_HREF):
            target = docs / "roles" / role.id / "forms" / f"{stem}.html"
            if write_if_changed(target, html.encode("utf-8")):
                written.append(target)
    return written
