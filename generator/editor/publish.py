"""The editor's "Publish site" button: `roleprint build` into the site folder, run in the
background by the editor's server, one build at a time, with how far it has got.

The build runs in a process of its own (`generator.commands.publish`, which calls what
`roleprint build` and `make site` call), so the site it publishes is the same, and it is
swapped in whole or not at all: a failed build leaves the last published site as it was. That
process tells this one each stage as it starts, and the outcome, in lines of its standard
output that begin with `MARK`; everything else it prints is the build's own report, passed on
to the terminal the editor runs in.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from generator.core import lifeline
from generator.core.settings import Settings

MARK = "roleprint-publish: "
# The build's stages (`generator.build.Timings`), as an officer would say them.
STAGES = {
    "starting": "Starting",
    "load": "Reading and checking the records",
    "generate": "Writing the pages",
    "engine": "Building the site's pages",
    "forms": "Making the recruitment forms",
    "pdf": "Making the forms' PDFs",
    "exports": "Making the Word and Excel downloads",
    "write": "Putting the new site in place",
    "search": "Making the search index",
}
KEPT = {True: "The site published before is still there, unchanged.",
        False: "No site has been published yet."}
SHOWN_PROBLEMS = 3  # the first few; the problems panel lists them all


def words(outcome: dict[str, Any]) -> str:
    """What the outcome of one build (from `generator.commands.publish`) says to an officer."""
    if outcome.get("done"):
        return f"The site is published: {outcome.get('pages', 0)} pages."
    kept = KEPT[bool(outcome.get("existed", True))]
    if outcome.get("failed") == "content":
        count = int(outcome.get("count", 0))
        noun = "problem" if count == 1 else "problems"
        return (f"The site was not published: the records have {count} {noun} to fix "
                f"(see \u201cWhat Roleprint found\u201d). {kept}")
    reason = str(outcome.get("reason") or "the build stopped without saying why").rstrip(".")
    return f"The site was not published: {reason}. {kept}"


class Publisher:
    """Builds the site in the background when asked, and says how it is going."""

    def __init__(self, content: Path, config: Path | None = None,
                 site_dir: Path | None = None) -> None:
        """Publishes `content` with `config` into `site_dir` (`roleprint build`'s defaults)."""
        config = Settings.config if config is None else config
        self.site_dir = (Settings.site_dir if site_dir is None else site_dir).resolve()
        self.command = [sys.executable, "-m", "generator.commands.publish",
                        str(content.resolve()), str(config.resolve()), str(self.site_dir)]
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"state": "idle", "message": ""}
        self._started = 0.0

    def press(self) -> tuple[int, dict[str, Any]]:
        """Start a build, unless one is under way: the HTTP status and the status to show."""
        with self._lock:
            if self._state["state"] == "building":
                return 409, {**self._status(), "error": "The site is already being published: "
                             "its result appears here when it is done."}
            self._started = time.monotonic()
            self._state = {"state": "building", "stage": "starting"}
            # This thread starts the build and waits for it (see `generator.core.lifeline`).
            threading.Thread(target=self._run, daemon=True, name="roleprint-publish").start()
            return 202, self._status()

    def status(self) -> dict[str, Any]:
        with self._lock:
            return self._status()

    def _status(self) -> dict[str, Any]:
        state = dict(self._state)
        if state["state"] == "building":
            state["seconds"] = seconds = int(time.monotonic() - self._started)
            state["doing"] = doing = STAGES.get(state["stage"], "Building")
            state["message"] = f"Publishing the site: {doing} ({seconds} s so far)\u2026"
        return state

    def _set(self, **values: Any) -> None:
        with self._lock:
            self._state = {**self._state, **values}

    def _run(self) -> None:
        outcome: dict[str, Any] = {}
        try:
            with subprocess.Popen(self.command, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, env=lifeline.child_env(),
                                  text=True, encoding="utf-8", errors="replace") as child:
                assert child.stdout is not None
                for line in child.stdout:
                    if not line.startswith(MARK):
                        sys.stderr.write(line)  # the build's own report, for the terminal
                        continue
                    told = json.loads(line.removeprefix(MARK))
                    if "stage" in told:
                        self._set(stage=told["stage"])
                    else:
                        outcome = told
        except (OSError, ValueError) as err:
            outcome = {"failed": "fault", "reason": f"the build could not be run ({err})"}
        if not outcome:
            outcome = {"failed": "fault", "reason": "the build stopped before it had finished"}
        state = "published" if outcome.get("done") else "failed"
        with self._lock:
            self._state = {"state": state, "message": words(outcome),
                           "problems": outcome.get("problems", [])[:SHOWN_PROBLEMS],
                           "pages": outcome.get("pages", 0),
                           "seconds": int(time.monotonic() - self._started)}
