"""The MkDocs site: Markdown pages and assets written into a staging tree.

`generate_site(site, out)` writes `out/docs/...`; `mkdocs.yml` (with `docs_dir` pointing there)
turns it into HTML. Output depends only on the model: sorted, no clock, no absolute paths.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.forms.stylesheet import SITE_PATH, STYLESHEET
from generator.model import Site
from generator.site.pages import render_all

ASSETS = ("roleprint.css", "roleprint.js")


def assets() -> dict[str, bytes]:
    """The site's own static files, by path under docs/, and the one copy of the forms'
    stylesheet every form in the site links to."""
    folder = resources.files("generator") / "templates" / "site" / "assets"
    return {**{f"assets/{name}": (folder / name).read_bytes() for name in ASSETS},
            SITE_PATH: STYLESHEET.read_bytes()}


def render_site(site: Site) -> dict[str, bytes]:
    """Every file of the staging tree, by path under docs/, sorted."""
    files = {path: text.encode("utf-8") for path, text in render_all(site).items()}
    files.update(assets())
    return dict(sorted(files.items()))


def generate_site(site: Site, out: Path) -> None:
    """Write the Markdown pages and assets for MkDocs into `out/docs`.

    Files already there that the site does not make (the forms, for one) are left alone.
    """
    docs = out / "docs"
    for path, data in render_site(site).items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
