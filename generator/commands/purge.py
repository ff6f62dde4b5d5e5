"""`roleprint purge DIR`: delete collated scores past the date they must be deleted by."""

from __future__ import annotations

from generator.collate.retention import purge
from generator.core import report
from generator.core.clock import today
from generator.core.errors import UsageError
from generator.core.settings import Settings


def run(settings: Settings) -> int:
    folder = settings.folder
    if folder is None or not folder.is_dir():
        raise UsageError(f"the folder '{folder}' does not exist")
    said = purge(folder, today(), dry_run=settings.dry_run)
    report.say("\n".join(said) if said else f"Nothing in {folder} is past its delete-by date.")
    return 0
