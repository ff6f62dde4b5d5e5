"""Write the staging tree (pages, assets, forms) with the work split across processes.

At a thousand roles the pages and forms take seconds to render, all of it Python, so one
process uses one core. The pages and the roles are dealt out in turn into shares, several for
each core, and one forked process per core takes the next share whenever it finishes one, so a
process that drew long roles does not keep the others waiting at the end. Each writes its own
files, so nothing but file names comes back. Forking copies the
model for free, and is done only from a process with no other threads (a fork copies none of
them, and a lock one of them held would stay locked); otherwise the work is done here in turn.
The files written are the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.core import lifeline
from generator.core.batch import workers
from generator.model import Site
from generator.render.site.feed import FEED_PATH, SiteAddress, atom_feed
from generator.render.templating import environment

T = TypeVar("T")
def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _ours(name: str) -> bool:
    """Our page and form templates (not the site's static files or the theme's override)."""
    return not name.startswith(("site/assets/", "site/theme/"))


def fan_out(work: Callable[[int], T], shares: int) -> list[T]:
    """`[work(0), …, work(shares - 1)]`, shared between this process and forked ones (one for
    each other core) when that is safe. Each process takes the next share not yet taken."""
    processes = min(workers(), shares)
    if processes <= 1 or not can_fork():
        return [work(share) for share in range(shares)]
    # Compile every template here, once, rather than in each process after the fork.
    for name in environment().list_templates(filter_func=_ours):
        environment().get_template(name)
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 0)  # the next share to take

    def drain() -> dict[int, T]:
        done: dict[int, T] = {}
        while True:
            with taken.get_lock():
                share = taken.value
                taken.value += 1
            if share >= shares:
                return done
            done[share] = work(share)

    # Keep the collector off the objects the processes inherit: walking them would cost time
    # and make each process copy the memory it shares with this one.
    gc.freeze()
    helpers: list[tuple[Any, Any]] = []
    try:
        for _ in range(processes - 1):
            reader, writer = context.Pipe(duplex=False)
            helper = context.Process(target=_helper, args=(drain, writer, os.getpid()),
                                     daemon=True)
            helper.start()  # forked: `drain` is inherited, not pickled
            writer.close()
            helpers.append((helper, reader))
        # This process works too: its memory is its own, so it copies none of it, and it has no
        # process to start.
        results = drain()
        for helper, reader in helpers:
            try:
                outcome, value = reader.recv()
            except EOFError:  # it closed its end as it ended: wait for it to have ended
                helper.join()
                raise RuntimeError(f"a worker process stopped (exit code {helper.exitcode})"
                                   ) from None
            if outcome == "error":
                raise RuntimeError(f"a worker process failed:\n{value}")
            results.update(value)
        return [results[share] for share in range(shares)]
    finally:
        for helper, reader in helpers:
            if helper.is_alive():
                helper.terminate()  # only when this process failed first
            helper.join()
            reader.close()
        gc.unfreeze()


def _helper(drain: Callable[[], dict[int, T]], writer: Any, parent: int) -> None:
    """A forked process's part of `fan_out`: its shares' results, or why it failed. It ends
    with `parent`, the process that forked it, if that is killed first."""
    lifeline.end_with_parent(parent)
    try:
        writer.send(("ok", drain()))
    except BaseException:  # sent to the parent, which raises it
        writer.send(("error", traceback.format_exc()))
    finally:
        writer.close()


# Below this many roles, starting processes costs more than sharing the work saves.
FORK_FROM = 50
# Shares for each process: enough that the last ones to finish are short, few enough that
# handing them out costs nothing to speak of.
SHARES_PER_PROCESS = 8


def _parts(site: Site, parts: int | None) -> int:
    """How many shares to cut the work into (`parts` when given; 1 means all in this process)."""
    return parts or (workers() * SHARES_PER_PROCESS if len(site.roles) >= FORK_FROM else 1)


def _page_work(site: Site, docs: Path, parts: int, downloads: bool) -> Callable[[int], None]:
    """Part `part` of `parts` of the Markdown pages, written into `docs` (see `pages` for
    `downloads`)."""
    from generator.render.site.pages import pages, render

    every_page = list(pages(site, downloads=downloads))
    # The content-health page runs every lint rule, as long as a hundred role pages: it goes
    # first, so that it is taken first and the other processes write the rest meanwhile.
    every_page.sort(key=lambda page: page.template != "site/content_health.md")

    def work(part: int) -> None:
        folders: set[Path] = set()
        for page in every_page[part::parts]:
            target = docs / page.path
            if target.parent not in folders:  # one mkdir a folder, not a page: it adds up
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            target.write_text(render(site, page), encoding="utf-8")

    return work


def _form_work(site: Site, docs: Path, parts: int) -> Callable[[int], list[Path]]:
    """Part `part` of `parts` of the forms (HTML) of the roles with a vacancy, written into
    `docs`; their files."""
    from generator.render.forms.build import write_all_forms

    role_ids = sorted(r for r in site.roles if site.recruits(r))

    def work(part: int) -> list[Path]:
        return write_all_forms(site, docs, role_ids[part::parts])

    return work


def _write_assets(docs: Path) -> None:
    """The site's own static files, and the one copy of the forms' stylesheet every form in
    the site links to."""
    from generator.render.forms.stylesheet import SITE_PATH, STYLESHEET
    from generator.render.site import assets

    for path, data in {**assets(), SITE_PATH: STYLESHEET.read_bytes()}.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(data)


def _write_feed(site: Site, docs: Path, address: SiteAddress | None) -> None:
    """The vacancies feed (its links absolute when the site's address is known)."""
    (docs / FEED_PATH).parent.mkdir(parents=True, exist_ok=True)
    (docs / FEED_PATH).write_bytes(atom_feed(site, address or SiteAddress()))


def write_pages(site: Site, out: Path, parts: int | None = None, *,
                downloads: bool = True, address: SiteAddress | None = None) -> None:
    """Write every page, the vacancies feed and the site's assets into out/docs."""
    parts = _parts(site, parts)
    fan_out(_page_work(site, out / "docs", parts, downloads), parts)
    _write_assets(out / "docs")
    _write_feed(site, out / "docs", address)


def write_forms(site: Site, out: Path, parts: int | None = None) -> list[Path]:
    """Write the forms (HTML) of every role with a vacancy into out/docs; return their files,
    in a fixed order."""
    parts = _parts(site, parts)
    written = fan_out(_form_work(site, out / "docs", parts), parts)
    return sorted(path for files in written for path in files)


def write_staging(site: Site, out: Path, parts: int | None = None, *,
                  downloads: bool = True, address: SiteAddress | None = None) -> list[Path]:
    """The whole staging tree: pages, assets, the feed and forms; returns the forms' files.
    Each process writes its share of the pages, then of the forms, so all of them finish at
    about the same time."""
    parts = _parts(site, parts)
    pages = _page_work(site, out / "docs", parts, downloads)
    forms = _form_work(site, out / "docs", parts)

    def work(part: int) -> list[Path]:
        pages(part)
        return forms(part)

    written = fan_out(work, parts)
    _write_assets(out / "docs")
    _write_feed(site, out / "docs", address)
    return sorted(path for files in written for path in files)


class Meanwhile:
    """Run `work` in a forked process while this one goes on with something else (the site
    engine, which uses one core); where forking is not safe, run it here and now."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._process: Any = None
        if not can_fork():
            self._done: Any = work()
            return
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        # A process of its own rather than a pool: a pool replaces a worker that was killed
        # (by the out-of-memory killer, say) and then waits for ever for the lost result.
        self._process = context.Process(target=_helper,
                                        args=(lambda: {0: work()}, writer, os.getpid()),
                                        daemon=True)
        self._process.start()  # forked: `work` is inherited, not pickled
        writer.close()

    def result(self) -> Any:
        """Wait for the work and return what it returned; raise if it failed or was stopped."""
        if self._process is None:
            return self._done
        try:
            try:
                outcome, value = self._reader.recv()
            except EOFError:
                raise RuntimeError("the process writing the forms stopped (exit code "
                                   f"{self._process.join() or self._process.exitcode})") from None
            if outcome == "error":
                raise RuntimeError(f"the process writing the forms failed:\n{value}")
            return value[0]
        finally:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._reader.close()
