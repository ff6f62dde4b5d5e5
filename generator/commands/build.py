"""generate, build, serve and forms: the commands that write output.

Everything is written into a temporary folder first and moved into place only when the whole
step has succeeded, so a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import argparse
import errno
import gc
import json
import logging
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from generator.content.load import LoadResult, load
from generator.core.problems import report_text
from generator.model import Site
from generator.output.publish import PublishError, Workspace, locked, workspace

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

STAGING = Path(".staging")
# A write refused for want of space or permission: the workspace explains these, not the engine.
WRITE_FAILURES = (errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS)
log = logging.getLogger("roleprint")


class BuildFailed(Exception):
    """The site engine could not build the staging tree."""


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


def load_or_report(content: Path) -> Site | None:
    result: LoadResult = load(content)
    if result.site is None:
        print(report_text(result.problems, result.files), file=sys.stderr)
        print("Nothing was written: fix the problems above and run the command again.",
              file=sys.stderr)
    elif result.problems:  # warnings only: shown, and the command goes on
        print(report_text(result.problems, result.files), file=sys.stderr)
    return result.site


def published(site: Site, *, drafts: bool) -> Site:
    """The site to publish: draft roles left out (and said so) unless `drafts`."""
    if drafts:
        return site
    site, roles, vacancies = site.without_drafts()
    if roles:
        also = (f", and {len(vacancies)} vacancy record(s) for them ({', '.join(vacancies)})"
                if vacancies else "")
        print(f"Left out {len(roles)} draft role(s) ({', '.join(roles)}){also}: check each "
              "one against its source, then delete its 'status: draft' line; to look at them "
              "first, use roleprint serve or build with --drafts.", file=sys.stderr)
    return site


def generate(site: Site, out: Path, *, pdf: bool, timings: Timings | None = None) -> None:
    """Write the complete staging tree (Markdown, assets, forms) into `out`.

    With `pdf`, the binary downloads too: the forms' PDFs and the Word and Excel exports.
    """
    from generator.output.staging import write_staging

    timings = Timings() if timings is None else timings
    with timings.stage("generate"):
        forms = write_staging(site, out, downloads=pdf)
    if pdf:
        with timings.stage("pdf"):
            make_pdfs(forms)
        with timings.stage("exports"):
            make_exports(site, out / "docs")


def make_exports(site: Site, docs_dir: Path) -> list[Path]:
    """The Word and Excel exports (from the cache where it can be); returns their files."""
    from generator.render.exports import write_exports

    stats = write_exports(site, docs_dir)
    print(stats)
    return stats.files


def make_pdfs(forms: list[Path]) -> None:
    """A PDF beside each form's HTML file (from the cache where it can be)."""
    from generator.render.forms.build import pdf_jobs
    from generator.render.forms.pdfbatch import render_pdfs, source_date

    print(render_pdfs(pdf_jobs(forms), created=source_date()))


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


class CompiledInMemory(BytecodeCache):
    """Compiled templates kept in memory, for a process that builds more than once (the
    preview). Jinja checks each against its template's source, so an edited one is compiled
    again."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


def compile_once(cfg: MkDocsConfig, compiled: BytecodeCache) -> None:
    """Make the theme's Jinja environments of this build use `compiled`: MkDocs makes a new
    one for every build, and compiling Material's templates again was a third of the preview's
    quick build."""
    theme_env = cfg.theme.get_env

    def get_env() -> Environment:
        env = theme_env()
        env.bytecode_cache = compiled
        return env

    cfg.theme.get_env = get_env  # type: ignore[method-assign]


def mkdocs_build(config: Path, docs_dir: Path, site_dir: Path, *,
                 compiled: BytecodeCache | None = None) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        cfg = load_config(str(config), docs_dir=str(docs_dir.resolve()),
                          site_dir=str(site_dir.resolve()), strict=True)
        if compiled is not None:
            compile_once(cfg, compiled)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
    except OSError as err:
        if err.errno in WRITE_FAILURES:  # explained by the workspace, as any failed write
            raise
        raise BuildFailed(str(err)) from err
    except MkDocsException as err:
        raise BuildFailed(str(err)) from err


def keep_out_of_collections() -> None:
    """Set everything alive now (the model above all) aside from the garbage collector for the
    rest of the command: it lives until the end, and walking it in each of the site engine's
    full collections cost about half a second at a thousand roles. `run` gives it back."""
    gc.freeze()


def build_site(content: Path, site_dir: Path, config: Path, *, pdf: bool,
               timings: Timings, drafts: bool = False) -> int:
    site_dir = site_dir.resolve()
    try:
        # The lock first: a build that finds a site a stopped one left out puts it back at
        # once, whatever the content holds now.
        with workspace(site_dir) as space:
            with timings.stage("load"):
                site = load_or_report(content)
            if site is None:
                return 1
            site = published(site, drafts=drafts)
            status = _build_into(space, site, config, pdf=pdf, timings=timings)
    except PublishError as err:
        print(f"roleprint: {err}", file=sys.stderr)
        return 1
    if status == 0:
        print(f"Built {len(site.roles)} roles into {site_dir}.")
    return status


def _build_into(space: Workspace, site: Site, config: Path, *, pdf: bool,
                timings: Timings) -> int:
    """Build the site in the workspace and swap it in whole (see `generator.output.publish`)."""
    from generator.output.staging import Meanwhile, write_forms, write_pages

    tmp = space.path
    staging, built, side = tmp / "staging", tmp / "site", tmp / "forms"
    # The forms are static files the engine would only copy: they are written by another
    # process meanwhile (the engine uses one core), then moved into the built site.
    with timings.stage("generate"):
        write_pages(site, staging, downloads=pdf)
        keep_out_of_collections()
        forms_job = Meanwhile(lambda: write_forms(site, side, parts=1))
    failure = ""
    try:
        with timings.stage("engine"):
            mkdocs_build(config, staging / "docs", built)
    except BuildFailed as err:
        failure = f"the site engine failed: {err}"
    finally:
        with timings.stage("forms"):
            try:
                forms = forms_job.result()
            except RuntimeError as err:  # the process writing them failed or was stopped
                failure = failure or f"the forms could not be written: {err}"
    if failure:
        print(f"roleprint: {failure}", file=sys.stderr)
        print(space.outcome(), file=sys.stderr)
        return 1
    if pdf:
        with timings.stage("pdf"):
            make_pdfs(forms)
        # Written after the engine, like the forms: it would only copy them. They go into
        # the staging tree (which stays complete) and are linked into the built site.
        with timings.stage("exports"):
            link_into(make_exports(site, staging / "docs"), staging / "docs", built)
    with timings.stage("write"):
        # The staging tree is kept (for the preview and the Zensical check) only beside
        # the site it was built for.
        keep = STAGING.resolve().parent == space.target.parent
        place_forms(forms, side / "docs", built, staging / "docs" if keep else None)
        if keep:
            space.publish(staging, STAGING.resolve())
        space.publish(built)
    return 0


def generate_only(content: Path, out: Path, *, pdf: bool, timings: Timings,
                  drafts: bool = False) -> int:
    with timings.stage("load"):
        site = load_or_report(content)
    if site is None:
        return 1
    site = published(site, drafts=drafts)
    out = out.resolve()
    try:
        with workspace(out, "staging tree") as space:
            staging = space.path / "staging"
            generate(site, staging, pdf=pdf, timings=timings)
            with timings.stage("write"):
                space.publish(staging)
    except PublishError as err:
        print(f"roleprint: {err}", file=sys.stderr)
        return 1
    print(f"Wrote the staging tree for {len(site.roles)} roles into {out}.")
    return 0


def forms(args: argparse.Namespace) -> int:
    from generator.scoring.campaign import FormsError, layout_notes, left_out, run_forms
    from generator.scoring.options import record_and_panel, understood

    try:
        args.record, args.panel = record_and_panel(args.record, args.panel)
    except FormsError as err:
        print(f"roleprint: {err.args[0]}", file=sys.stderr)
        return 2
    site = load_or_report(args.content)
    if site is None:
        return 1
    out = args.out.resolve()
    try:
        out.mkdir(parents=True, exist_ok=True)
        # The forms are written into the folder as they are made (it may hold other files), so
        # two commands writing there at once would mix their forms: one waits for the other.
        with locked(out.parent):
            written = run_forms(site, args.record, out, candidates=args.candidates,
                                panel=tuple(args.panel), scale_id=args.scale,
                                pdf=not args.no_pdf, per_candidate=args.per_candidate,
                                layout=args.layout)
    except FormsError as err:
        print(f"roleprint: {err.args[0]}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"roleprint: could not write the forms into {out}: {err.strerror}"
              f"{' (' + str(err.filename) + ')' if err.filename else ''}.", file=sys.stderr)
        return 1
    if args.panel:
        print(understood(args.panel))
    for note in left_out(site, args.record) + layout_notes(site, args.record, args.layout):
        print(note)
    print(f"Wrote {len(written)} files into {args.out}.")
    return 0


def run(args: argparse.Namespace) -> int:
    if args.command in ("generate", "build"):
        timings = Timings()
        with timings.stage("total"):
            if args.command == "generate":
                status = generate_only(args.content, args.out, pdf=not args.no_pdf,
                                       timings=timings, drafts=args.drafts)
            else:
                try:
                    status = build_site(args.content, args.site_dir, args.config,
                                        pdf=not args.no_pdf, timings=timings,
                                        drafts=args.drafts)
                finally:
                    gc.unfreeze()  # what keep_out_of_collections set aside, when run in-process
        timings.write(args.timings)
        return status
    if args.command == "forms":
        return forms(args)
    if args.command == "serve":
        from generator.commands.serve import serve

        return serve(args.content, args.config, args.dev_addr)
    raise AssertionError(args.command)
