"""Golden files: the Markdown of every shipped role page, recruiting role's panel page and
vacancy page, byte for byte.

After a deliberate change, run `make golden` (python -m tests.render.update_golden) and read
the diff.
"""

from __future__ import annotations

import pytest

from generator.render.links import role_page
from generator.render.site.pages import render_all
from tests.conftest import CONTENT
from tests.support.site import GOLDEN, load_site

ROLES = sorted(p.stem for p in (CONTENT / "roles").glob("*.yaml"))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_all(load_site(CONTENT))


@pytest.mark.parametrize("role_id", ROLES)
def test_role_page_matches_golden_file(pages: dict[str, str], role_id: str) -> None:
    golden = GOLDEN / role_page(role_id)
    assert golden.is_file(), f"no golden file for {role_id}: run `make golden`"
    assert pages[role_page(role_id)] == golden.read_text(encoding="utf-8"), (
        f"{role_page(role_id)} differs from its golden file; if the change is meant, run "
        "`make golden` and review the diff"
    )


def test_no_golden_file_without_a_role() -> None:
    assert sorted(p.parent.name for p in (GOLDEN / "roles").glob("*/index.md")) == ROLES


def test_vacancy_and_panel_pages_match_their_golden_files(pages: dict[str, str]) -> None:
    wanted = sorted(path for path in pages
                    if (path.startswith("vacancies/") and path != "vacancies/index.md")
                    or path.endswith("/panel/index.md"))
    assert len(wanted) == 4  # the two shipped vacancies, and their roles' panel pages
    written = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.glob("*/**/*.md")
                     if p.parent.parent != GOLDEN / "roles")
    assert written == wanted, "run `make golden`"
    for path in wanted:
        assert pages[path] == (GOLDEN / path).read_text(encoding="utf-8"), (
            f"{path} differs from its golden file; if the change is meant, run `make golden` "
            "and review the diff")
