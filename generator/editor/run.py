"""`roleprint edit`: the editor and the live preview together, on 127.0.0.1 only.

The preview is `roleprint serve` in a child process (its own build loop and file watching stay
its own); the editor's server runs here. Both stop together, on Ctrl+C or when either fails.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import threading
from pathlib import Path

from generator.core import lifeline, report
from generator.core.settings import Settings
from generator.editor.server import DECAP, make_server

LOOPBACK = "127.0.0.1"


def parse_addr(addr: str) -> tuple[str, int]:
    """HOST:PORT, refused unless HOST is 127.0.0.1: the editor writes files and has no login."""
    host, _, port = addr.rpartition(":")
    if host != LOOPBACK or not port.isdigit():
        raise ValueError(f"'{addr}' is not 127.0.0.1:PORT. The editor has no login, so it "
                         "only listens on this computer (127.0.0.1).")
    return host, int(port)


def edit(content: Path, config: Path, editor_addr: str, preview_addr: str,
         ready: threading.Event | None = None, site_dir: Path = Settings.site_dir) -> int:
    """Serve the editor at `editor_addr` and the live preview at `preview_addr` until stopped;
    its "Publish site" button builds the site into `site_dir`."""
    try:
        host, port = parse_addr(editor_addr)
        parse_addr(preview_addr)
    except ValueError as err:
        report.fail(f"{err}")
        return 2
    if not (DECAP / "decap-cms.js").is_file():
        report.fail("Decap CMS is not installed: run `make npm` (npm ci, exact versions "
              "from package-lock.json)")
        return 2
    try:
        server = make_server(content, host, port, f"http://{preview_addr}", config=config,
                             site_dir=site_dir)
    except OSError as err:
        report.fail(f"cannot serve the editor on {editor_addr}: {err.strerror}")
        return 2
    # The preview ends with this process, even a killed one (this thread outlives it).
    child = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--content",
                              str(content), "--config", str(config), "--dev-addr", preview_addr],
                             env=lifeline.child_env())
    report.say(f"Editor: http://{editor_addr}/   (live preview: http://{preview_addr}/)")
    def stop_with_the_preview() -> None:
        child.wait()
        server.shutdown()

    watcher = threading.Thread(target=stop_with_the_preview, daemon=True)
    watcher.start()
    # A plain `kill` must stop the preview too, as Ctrl+C does, never leave it running alone.
    with contextlib.suppress(ValueError):  # not the main thread (tests): the caller stops us
        signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    if ready is not None:
        ready.set()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
    if child.returncode not in (None, 0, -15):
        report.fail("the live preview stopped, so the editor stopped too")
        return 1
    return 0
