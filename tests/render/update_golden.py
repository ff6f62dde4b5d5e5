"""Regenerate the golden files from the shipped content; read every diff before committing it.

    python -m tests.render.update_golden      (or: make golden)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

from generator.render.site.pages import render_all
from tests.conftest import CONTENT
from tests.support.forms import update_forms_golden
from tests.support.site import GOLDEN, load_site


def site_pages() -> None:
    """tests/render/site/golden/roles/<id>/index.md (and <id>/panel/index.md) and
    vacancies/<id>/index.md: the generated Markdown of every shipped role, recruiting role's
    panel page and vacancy (the lists, roles/index.md and vacancies/index.md, are not kept)."""
    pages = render_all(load_site(CONTENT))
    for folder in ("roles", "vacancies"):
        target = GOLDEN / folder
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
    for path, text in pages.items():
        if path.startswith(("roles/", "vacancies/")) and path.count("/") > 1:
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote tests/render/site/golden/{path}")


# One entry per kind of golden output; add yours here.
UPDATES: tuple[Callable[[], None], ...] = (site_pages, update_forms_golden)


def main() -> None:
    for update in UPDATES:
        update()


if __name__ == "__main__":
    main()
