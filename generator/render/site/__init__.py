"""The MkDocs site: Markdown pages and assets written into a staging tree.

Takes in the model; `pages.render_all` gives every page's Markdown by path under `docs/`, and
`assets()` the site's own static files. `generator.output.staging` writes them (with the forms)
into the staging tree, which the site engine turns into HTML. Output depends only on the
model: sorted, no clock, no absolute paths.
"""

from __future__ import annotations

from importlib import resources

ASSETS = ("roleprint.css", "roleprint.js", "search.css",
          "search.js")


def assets() -> dict[str, bytes]:
    """The site's own static files, by path under docs/."""
    folder = resources.files("generator") / "templates" / "site" / "assets"
    return {f"assets/{name}": (folder / name).read_bytes() for name in ASSETS}
