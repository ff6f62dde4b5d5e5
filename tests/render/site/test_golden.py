"""Golden files: the Markdown of every shipped role page, byte for byte.

After a deliberate change, run `make golden` (python -m tests.render.update_golden) and read
the diff.
"""

from __future__ import annotations

import pytest

from generator.render.site.pages import render_all
from tests.conftest import CONTENT
from tests.support.site import GOLDEN, load_site

ROLES = sorted(p.stem for p in (CONTENT / "roles").glob("*.yaml"))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_all(load_site(CONTENT))


@pytest.mark.parametrize("role_id", ROLES)
def test_role_page_matches_golden_file(pages: dict[str, str], role_id: str) -> None:
    golden = GOLDEN / "roles" / f"{role_id}.md"
    assert golden.is_file(), f"no golden file for {role_id}: run `make golden`"
    assert pages[f"roles/{role_id}.md"] == golden.read_text(encoding="utf-8"), (
        f"roles/{role_id}.md differs from its golden file; if the change is meant, run "
        "`make golden` and review the diff"
    )


def test_no_golden_file_without_a_role() -> None:
    assert sorted(p.stem for p in (GOLDEN / "roles").glob("*.md")) == ROLES
