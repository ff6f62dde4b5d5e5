"""The forms' stylesheet: linked from each form page, inlined only on the way to the PDF.

A form page in the site, or in a folder `roleprint forms` writes, links one shared copy of
`forms.css` (the site's `assets/forms.css`, or `forms.css` beside the pack's forms) instead of
carrying all of it: at a thousand roles that was a fifth of the forms' bytes. Each page still
carries a small base (`base.css`: A4 pages, readable text, ruled tables and boxes, hidden labels
kept hidden), so a page saved on its own, without the stylesheet, stays readable and prints.

WeasyPrint is given the page with that base and link replaced by the whole stylesheet, inlined:
the very HTML the forms were before, so their PDFs are unchanged, and the PDF cache key, made
from that HTML, changes whenever the stylesheet does.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from markupsafe import Markup

from generator.render.forms.assets import ASSETS

# In the assets folder, the only one WeasyPrint may read from (`pdf.RestrictedFetcher`).
STYLESHEET = ASSETS / "forms" / "forms.css"
BASE = STYLESHEET.with_name("base.css")
NAME = STYLESHEET.name  # the file a pack's forms link to, beside them
SITE_HREF = "../../../assets/forms.css"  # from roles/<role>/forms/<form>.html in the site
SITE_PATH = "assets/forms.css"  # the site's copy, under docs/
_COMMENT = re.compile(r"/\*.*?\*/\n?", re.DOTALL)


def _css(path: Path) -> str:
    css = path.read_text(encoding="utf-8")
    if "</" in css:
        raise ValueError(f"{path} must not contain '</' (it is inlined in <style>)")
    return css


@cache
def stylesheet() -> Markup:
    """The whole stylesheet, as inlined for WeasyPrint."""
    return Markup(_css(STYLESHEET))  # our own file, checked


@cache
def base() -> str:
    """The small base each linked page carries inline, its comments left out."""
    return _COMMENT.sub("", _css(BASE)).strip()


def inline_styles() -> Markup:
    """The <style> element of a page that carries the whole stylesheet."""
    return Markup(f"<style>\n{stylesheet()}\n</style>")


def linked_styles(href: str) -> Markup:
    """The small base and the link to the stylesheet at `href`, in the page's <head>."""
    if not re.fullmatch(r"[\w./-]+", href) or not href.endswith(NAME):
        raise ValueError(f"not a link to the forms' stylesheet: {href!r}")
    return Markup(f'<style>\n{base()}\n</style>\n<link rel="stylesheet" href="{href}">')


def inline(html: str) -> str:
    """The page as WeasyPrint reads it: its base and link (if it has them) replaced by the
    whole stylesheet, inlined, as `inline_styles` writes it."""
    linked = f"<style>\n{base()}\n</style>\n"
    start = html.find(linked)
    if start < 0:
        return html
    end = html.find(">", start + len(linked)) + 1
    if not re.fullmatch(r'<link rel="stylesheet" href="[\w./-]+">',
                        html[start + len(linked):end]):
        return html
    return html[:start] + str(inline_styles()) + html[end:]  # str: Markup would escape the page


def write_beside(folder: Path) -> Path:
    """The stylesheet, written into `folder` for the forms there to link to; its file."""
    target = folder / NAME
    data = STYLESHEET.read_bytes()
    if not target.is_file() or target.read_bytes() != data:
        target.write_bytes(data)
    return target
