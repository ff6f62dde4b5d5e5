"""The forms' own files: the stylesheet and fonts, in the one folder WeasyPrint may read from
(see `pdf.RestrictedFetcher`)."""

from __future__ import annotations

from pathlib import Path

ASSETS = Path(__file__).resolve().parents[2] / "assets"
