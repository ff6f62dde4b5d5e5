"""`roleprint collate`: a panel's filled scoring sheets added up for moderation
(`generator.collate`)."""

from __future__ import annotations

from dataclasses import replace

from generator.build import load_site
from generator.core.clock import today
from generator.core.settings import Settings


def run(settings: Settings) -> int:
    from generator.collate.run import run_collate

    assert settings.out is not None  # the command line requires it
    site = load_site(replace(settings, drafts=True))
    return run_collate(site, settings.content, list(settings.paths), settings.out, today(),
                       feedback=settings.feedback, pdf=settings.pdf)
