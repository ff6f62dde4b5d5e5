"""`roleprint generate --out DIR`: the staging tree alone (Markdown, assets, forms and, unless
--no-pdf, the downloads), for another site engine or to look at."""

from __future__ import annotations

from generator.build import Timings, build, load_site
from generator.core import report
from generator.core.errors import UsageError
from generator.core.settings import Settings
from generator.output.publish import workspace


def run(settings: Settings) -> int:
    if settings.out is None:
        raise UsageError("give the folder to write into: roleprint generate --out DIR")
    timings = Timings()
    try:
        with timings.stage("total"):
            with timings.stage("load"):
                site = load_site(settings)
            out = settings.out.resolve()
            with workspace(out, "staging tree") as space:
                built = build(site, space.path, settings, engine=False, timings=timings)
                with timings.stage("write"):
                    space.publish(built.staging)
    finally:
        timings.write(settings.timings)
    report.say(f"Wrote the staging tree for {len(site.roles)} roles into {out}.")
    return 0
