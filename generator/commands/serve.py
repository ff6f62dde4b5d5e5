"""`roleprint serve`: a live preview that shows a saved change within seconds, at any size.

A full build of a thousand roles takes the site engine about a minute, far too long to wait
after each save. So a save is handled in two steps:

1. **Quick update** (in the server's build loop, before browsers are told to reload): load the
   content again, re-reading only files whose bytes changed; render just the pages of the
   records that changed (a role's page and its forms); write them into the staging tree; and
   let MkDocs rebuild only those pages (`dirty` build) in the folder being served. A dirty
   build would leave a search index holding only the rebuilt pages, so the previous, complete
   index is put back: search lags behind, it is never broken.
2. **Full rebuild** (in another process, so it does not slow the next quick update): the
   whole staging tree and site are built afresh in a scratch folder, then swapped in whole.
   A rebuild that a later save has overtaken is thrown away and started again.

If the content has problems they are printed and nothing changes: the last good site stays.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from generator.build import build, build_changed, load_site, write_if_changed
from generator.content.load import FileMemo, gc_paused
from generator.content.schemacheck import SCHEMA_DIR
from generator.core import lifeline, report
from generator.core.errors import BuildFailed, ContentError, UsageError
from generator.core.loopback import BACKLOG, FOREIGN_HOST, own_host
from generator.core.settings import Settings
from generator.model import Site
from generator.output.engine import CompiledInMemory, dirty_build

log = logging.getLogger("roleprint.serve")
# More records changed than this at once (a schema edit changes them all): skip the quick
# update and let the full rebuild do it.
QUICK_LIMIT = 20


def sync_tree(source: Path, target: Path) -> list[Path]:
    """Make `target` hold exactly `source`'s files, writing only those that differ.

    A copied file keeps its source's modification time, so MkDocs' dirty build (which compares
    times) does not take a file the full rebuild already built as newly changed.
    """
    changed = []
    wanted = set()
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source)
        wanted.add(rel)
        dest = target / rel
        if write_if_changed(dest, path.read_bytes()):
            stat = path.stat()
            os.utime(dest, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            changed.append(rel)
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target)
        if path.is_file() and rel not in wanted:
            path.unlink()
            changed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def failed(what: str, err: Exception) -> None:
    """Report a failure the preview lives through, in one plain line."""
    if isinstance(err, OSError):  # the machine's doing (a full disk, say), not a bug
        where = f" ({err.filename})" if err.filename else ""
        cause = f": {err.strerror or err}{where}."
    else:
        cause = (f" ({type(err).__name__}: {err}). This is a fault in Roleprint: please "
                 "report it, with the file you saved.")
    report.fail(f"{what}{cause} The preview still shows the last good version.")


def build_once(settings: Settings, out: Path) -> int:
    """The full rebuild: staging tree at out/staging, site at out/site. Run in its own process."""
    try:
        # The quick update before it has shown the content's warnings.
        build(load_site(settings, warn=False), out, settings)
    except ContentError:
        return 1  # the quick update has said what is wrong
    except BuildFailed as err:
        report.fail(str(err))
        return 1
    except Exception as err:  # reported in one line; nothing is swapped in
        failed("the full rebuild failed", err)
        return 1
    return 0


def preview_settings(content: Path, config: Path) -> Settings:
    """The preview shows drafts and makes no PDFs or downloads."""
    return Settings(command="serve", content=content, config=config, pdf=False, drafts=True)


class Preview:
    """The staging tree, the site being served, and how they are kept up to date."""

    def __init__(self, content: Path, config: Path, workdir: Path, serve_url: str) -> None:
        self.content, self.config, self.serve_url = content, config, serve_url
        self.settings = preview_settings(content, config)
        self.workdir = workdir
        self.staging = workdir / "staging"
        self.live = workdir / "live"  # a symbolic link to the current site folder
        self.memo: FileMemo = {}
        self.lock = threading.Lock()  # held while the served folder is written or swapped
        self.edits = 0                # counts quick updates, so a stale full rebuild is noticed
        self.wanted = threading.Event()
        self.stopping = threading.Event()
        self.builds = 0
        self.compiled = CompiledInMemory()  # the theme's templates, for the quick builds
        self.theme_files: dict[Any, list[str]] = {}  # its static files (engine.list_theme_once)

    def _load(self) -> tuple[Site | None, set[str]]:
        before = set(self.memo)
        try:
            site: Site | None = load_site(self.settings, memo=self.memo)
        except ContentError as err:
            report.problems(err.problems, err.files)
            report.warn("The preview still shows the last good version.")
            site = None
        return site, {key[0] for key in set(self.memo) - before}

    def start(self) -> bool:
        """The first build, done in full before anything is served."""
        try:
            return self._start()
        except Exception as err:  # a plain line, not a traceback
            report.fail(f"the preview could not be started ({type(err).__name__}: {err}). "
                        "This is a fault in Roleprint: please report it.")
            return False

    def _start(self) -> bool:
        site, _ = self._load()
        if site is None:
            return False
        try:
            built = build(site, self.workdir, self.settings, compiled=self.compiled)
        except BuildFailed as err:
            report.fail(str(err))
            return False
        first = self.workdir / "site-0"
        assert built.site is not None
        built.site.rename(first)
        self.live.symlink_to(first.name)
        settle_memory()
        return True

    def site_dir(self) -> Path:
        return self.live.resolve()

    def quick_update(self) -> None:
        """Step 1: the changed records' pages, rebuilt in place (see the module docstring).

        It never raises: the server waits for each update before it answers any request, and
        one that failed would leave it answering none. A failure is reported and the last good
        site stays. The collector is off meanwhile: with a thousand roles in memory, one full
        collection takes most of a second, and the saved page should not wait for it."""
        written: list[Path] = []
        with gc_paused():
            try:
                self.edits += 1  # before loading: a rebuild under way is of older content
                site, changed = self._load()
                if site is None or not changed or len(changed) > QUICK_LIMIT:
                    return
                with self.lock:
                    written = build_changed(site, changed, self.staging / "docs", self.content)
                    if written:
                        self._dirty_build()
            except Exception as err:  # whatever it was, the preview goes on
                failed("the preview could not be updated", err)
                return
            finally:
                # Only now: the full rebuild's processes would otherwise compete for the cores.
                self.wanted.set()
        log.info("Updated %d pages; the full rebuild follows.", len(written))

    def _dirty_build(self) -> None:
        dirty_build(self.config, self.staging / "docs", self.site_dir(), self.serve_url,
                    self.compiled, self.theme_files)

    def full_rebuilds(self) -> None:
        """Step 2, in a loop on its own thread: rebuild everything whenever asked."""
        while not self.stopping.is_set():
            if self.wanted.wait(timeout=0.25):
                self.wanted.clear()
                try:
                    self.rebuild_once()
                except Exception as err:  # the thread lives on to rebuild again
                    failed("the full rebuild failed", err)

    def rebuild_once(self) -> bool:
        """Build everything afresh in a scratch folder; swap it in unless a save overtook it."""
        edits = self.edits
        self.builds += 1
        scratch = self.workdir / f"build-{self.builds}"
        try:
            done = self._build_elsewhere(scratch) and edits == self.edits
            if done and not self.stopping.is_set():
                self._swap_in(scratch)
            return done
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _build_elsewhere(self, scratch: Path) -> bool:
        command = [sys.executable, "-m", "generator.commands.serve", str(self.content),
                   str(self.config), str(scratch)]
        # Ends with this process: this thread waits for it (see `lifeline`).
        return subprocess.run(command, env=lifeline.child_env(), check=False).returncode == 0

    def _swap_in(self, scratch: Path) -> None:
        site = self.workdir / f"site-{self.builds}"
        with self.lock:
            (scratch / "site").rename(site)
            sync_tree(scratch / "staging", self.staging)
            old = self.site_dir()
            link = self.workdir / "live.new"
            link.symlink_to(site.name)
            os.replace(link, self.live)  # one atomic step: every request sees a whole site
        shutil.rmtree(old, ignore_errors=True)
        settle_memory()
        log.info("Full rebuild finished: search and menus are up to date.")


def settle_memory() -> None:
    """Collect what the last updates left, then set everything still alive aside from the
    collector: the site, the loaded files and MkDocs' state are long-lived, and walking them in
    every later collection is what made a quick update wait most of a second. Called when
    nobody is waiting: after the first build and after each full rebuild."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _port_problem(host: str, port: int) -> str | None:
    """Why the address cannot be served on, found before the first build rather than after."""
    try:
        with socket.create_server((host, port)):
            return None
    except OSError as err:
        return f"{err.strerror} (another preview may be running: stop it, or pick another " \
               "port with --dev-addr 127.0.0.1:8001)"


def _stop_like_ctrl_c() -> None:
    """Make SIGTERM and SIGHUP (a process manager stopping the preview, a closed terminal) end
    it as Ctrl-C does, so that its scratch folder, gigabytes at a thousand roles, is removed."""
    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stop)


def change_observer() -> Any:
    """The system's own file watcher (inotify on Linux), told only of changes: a save is seen
    when it happens, not at the next look round every file (MkDocs polls every 0.2 s, a fifth of
    a second a save could wait), and nothing is looked at meanwhile. Reading a file is no change:
    the quick update reads every record, and must not start another."""
    from watchdog.events import (
        DirCreatedEvent,
        DirDeletedEvent,
        DirMovedEvent,
        FileClosedEvent,
        FileCreatedEvent,
        FileDeletedEvent,
        FileModifiedEvent,
        FileMovedEvent,
    )
    from watchdog.observers import Observer

    changes = [FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent,
               FileClosedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent]

    class ChangeObserver(Observer):  # type: ignore[valid-type,misc]
        def schedule(self, handler: Any, path: str, *, recursive: bool = False,
                     event_filter: Any = None) -> Any:
            return super().schedule(handler, path, recursive=recursive,
                                    event_filter=event_filter or changes)

    return ChangeObserver()


def preview_server(host: str, port: int, **options: Any) -> Any:
    """MkDocs' live-reload server, answering only requests addressed to itself (a page open in
    the browser must not read the drafts through a name of its own: generator/core/loopback.py),
    with room in its queue for a burst of requests, and told of saves by the system's file
    watcher where it has one (`change_observer`), else by MkDocs' polling."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        request_queue_size = BACKLOG

        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.polling = self.observer

        def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
            if self.observer is self.polling and not self._watched_paths:
                self.observer = change_observer()
            try:
                super().watch(path, func, recursive=recursive)
            except OSError:  # no inotify here, or its watches used up: look round instead
                paths = dict.fromkeys([*self._watched_paths, os.path.abspath(path)])
                self._watched_paths, self.observer = {}, self.polling
                for watched in paths:
                    super().watch(watched, func, recursive=recursive)

        def serve_request(self, environ: dict[str, Any], start_response: Any) -> Any:
            if own_host(environ.get("HTTP_HOST"), port, host) is None:
                start_response("403 Forbidden", [("Content-Type", "text/plain; charset=utf-8")])
                return [FOREIGN_HOST.encode("utf-8")]
            return super().serve_request(environ, start_response)

    return PreviewServer(host=host, port=port, **options)


def run(settings: Settings) -> int:
    """`roleprint serve`: the live preview, until Ctrl-C."""
    return serve(settings.content, settings.config, settings.dev_addr)


def serve(content: Path, config: Path, dev_addr: str) -> int:
    from mkdocs.livereload import _serve_url

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    for name in ("roleprint", "mkdocs.livereload"):
        logging.getLogger(name).addHandler(handler)
        logging.getLogger(name).setLevel(logging.INFO)
    host, _, port = dev_addr.rpartition(":")
    problem = _port_problem(host, int(port))
    if problem:
        raise UsageError(f"cannot serve on {dev_addr}: {problem}")
    _stop_like_ctrl_c()
    with tempfile.TemporaryDirectory(prefix="roleprint-serve-") as tmp:
        url = _serve_url(host, int(port), "/")
        preview = Preview(content.resolve(), config.resolve(), Path(tmp), url)
        if not preview.start():
            return 1
        server = preview_server(host, int(port), builder=preview.quick_update,
                                root=str(preview.live), polling_interval=0.2)
        server.build_delay = 0.05

        def error_page(code: int) -> bytes | None:
            page = preview.site_dir() / f"{code}.html"
            return page.read_bytes() if code in (404, 500) and page.is_file() else None

        server.error_handler = error_page
        for watched in (content, SCHEMA_DIR, config):
            server.watch(str(watched))
        rebuilder = threading.Thread(target=preview.full_rebuilds, daemon=True)
        rebuilder.start()
        log.info("Serving on %s", url)
        try:
            server.serve()
        except OSError as err:
            raise UsageError(f"cannot serve on {dev_addr}: {err.strerror}") from err
        except KeyboardInterrupt:
            log.info("Stopped.")
        finally:
            preview.stopping.set()
            server.shutdown()
            rebuilder.join(timeout=5)
            gc.unfreeze()  # what settle_memory set aside, when run in-process
    return 0


if __name__ == "__main__":  # the full rebuild's own process: CONTENT CONFIG OUT
    lifeline.adopt()
    with contextlib.redirect_stdout(sys.stderr):
        sys.exit(build_once(preview_settings(Path(sys.argv[1]), Path(sys.argv[2])),
                            Path(sys.argv[3])))
