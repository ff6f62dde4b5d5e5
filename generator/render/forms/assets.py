"""The forms' own files: the stylesheet and fonts, in the one folder WeasyPrint may read from
(see `pdf.RestrictedFetcher`)."""

from __future__ import annotations

from pathlib import Path

# generator/assets, beside generator/render/
ASSETS = Path(__file__).resolve().parent.parent.parent / "assets"
