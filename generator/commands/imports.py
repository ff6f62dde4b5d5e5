"""`roleprint import FILE_OR_FOLDER …`: job descriptions from Word, PDF, text or Markdown, as
draft roles (`generator.importer`)."""

from __future__ import annotations

from generator.core.settings import Settings
from generator.importer.command import run as import_all


def run(settings: Settings) -> int:
    return import_all(list(settings.paths), settings.organisation or "", settings.content,
                      settings.family, settings.report)
