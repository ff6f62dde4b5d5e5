"""`roleprint build`: the whole site, with its forms and downloads, published into `site/`.

Everything is built in a temporary folder beside `site/` and swapped in whole only when the
build has succeeded, one build at a time, so a failed or stopped build leaves the previous site
as it was (`generator.output.publish`).
"""

from __future__ import annotations

import gc
from pathlib import Path

from generator.build import Timings, build, load_site
from generator.core import report
from generator.core.errors import BuildFailed
from generator.core.settings import Settings
from generator.output.publish import workspace

STAGING = Path(".staging")


def run(settings: Settings, timings: Timings | None = None) -> int:
    """Build and publish the site; `timings` (the editor's Publish button gives its own, to
    tell how far the build has got) are told each stage as it starts and ends."""
    timings = Timings() if timings is None else timings
    try:
        with timings.stage("total"):
            roles = _build(settings, timings)
    finally:
        gc.unfreeze()  # what the build set aside from the collector, when run in-process
        timings.write(settings.timings)
    report.say(f"Built {roles} roles into {settings.site_dir.resolve()}.")
    return 0


def _build(settings: Settings, timings: Timings) -> int:
    # The lock first: a build that finds a site a stopped one left out puts it back at once,
    # whatever the content holds now.
    with workspace(settings.site_dir.resolve()) as space:
        with timings.stage("load"):
            site = load_site(settings)
        # The staging tree is kept (for the preview and the Zensical check) only beside the
        # site it was built for.
        keep = STAGING.resolve().parent == space.target.parent
        try:
            built = build(site, space.path, settings, keep_staging=keep, timings=timings)
        except BuildFailed as err:
            raise BuildFailed(f"{err}\n{space.outcome()}") from err
        with timings.stage("write"):
            if keep:
                space.publish(built.staging, STAGING.resolve())
            assert built.site is not None  # the engine ran
            space.publish(built.site)
    return len(site.roles)
