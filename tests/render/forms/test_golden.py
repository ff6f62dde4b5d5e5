"""Golden files: the HTML of two form sets, byte for byte (the inlined CSS left out).

After a deliberate change, run `make golden` (python -m tests.render.update_golden) and read
the diff.
"""

from __future__ import annotations

import pytest

from tests.support.forms import FORMS_GOLDEN, golden_pages

PAGES = golden_pages()


@pytest.mark.parametrize("path", sorted(PAGES))
def test_form_page_matches_golden_file(path: str) -> None:
    golden = FORMS_GOLDEN / path
    assert golden.is_file(), f"no golden file for {path}: run `make golden`"
    assert PAGES[path] == golden.read_text(encoding="utf-8"), (
        f"{path} differs from its golden file; if the change is meant, run `make golden` "
        "and review the diff"
    )


def test_no_golden_file_without_a_page() -> None:
    found = sorted(p.relative_to(FORMS_GOLDEN).as_posix() for p in FORMS_GOLDEN.rglob("*.html"))
    assert found == sorted(PAGES)
