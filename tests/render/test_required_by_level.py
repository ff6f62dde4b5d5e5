"""Issue 28, problem 3 follow-up: a framework page's "Required by" list prints a level's name
after its number only when the name says more than the number ("level 2", not
"level 2 (Level 2)"); a name that says more ("level 2 (Desired)") is still printed."""

from __future__ import annotations

from pathlib import Path

from generator.render.site.pages import render_all
from tests.conftest import CONTENT
from tests.support.site import load_site


def _required_by(page: str) -> list[str]:
    lines = page.split("**Required by:**", 1)[1].split("**", 1)[0].splitlines()
    return [line for line in lines if line.startswith("- [")]


def test_the_shipped_first_light_page_prints_a_bare_level_once() -> None:
    page = render_all(load_site(CONTENT))["frameworks/first-light-behavioural-competencies.md"]
    rows = _required_by(page)
    assert rows, page
    assert all(row.endswith(("level 2", "level 3")) for row in rows), rows
    assert not any("(Level" in row for row in rows), rows


def test_a_level_name_that_says_more_is_still_printed(base_content: Path) -> None:
    framework = base_content / "frameworks" / "core-skills.yaml"
    text = framework.read_text(encoding="utf-8")
    assert "        name: Desired\n" in text
    pages = render_all(load_site(base_content))
    rows = _required_by(pages["frameworks/core-skills.md"])
    assert any(": level 2 (Desired)" in row for row in rows), rows
