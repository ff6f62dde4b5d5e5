"""Issue 28, problem 3 follow-up: a framework page's "Required by" list prints a level's name
after its number only when the name says more than the number ("level 2", not
"level 2 (Level 2)"); a name that says more ("level 2 (Desired)") is still printed. The
interview workbook's rows likewise say "Level 2", not "Level 2: Level 2"."""

from __future__ import annotations

import json
from pathlib import Path

from generator.model import Site
from generator.render.exports.interviewbook import interview_book
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign
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


def _interview_rows(site: Site, role: str) -> str:
    return json.dumps(interview_book(campaign(site, site.roles[role])), default=str)


def test_the_shipped_interview_workbook_names_a_bare_level_once() -> None:
    book = _interview_rows(load_site(CONTENT), "da-sv-case-coordinator")
    assert "Level 2" in book and "Level 3" in book
    assert "Level 2: Level 2" not in book and "Level 3: Level 3" not in book


def test_the_interview_workbook_keeps_a_level_name_that_says_more(base_content: Path) -> None:
    assert "Level 2: Desired" in _interview_rows(load_site(base_content), "support-worker")
