"""A competency level without a `name` (the schema allows it) is shown by its number."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Site
from generator.render.exports.profile import profile_document
from generator.render.exports.word import docx_bytes
from generator.render.pack import write_pack
from generator.render.site.pages import render_all
from generator.scoring.campaign import campaign
from tests.support.site import load_site


@pytest.fixture
def site(base_content: Path) -> Site:
    framework = base_content / "frameworks" / "core-skills.yaml"
    text = framework.read_text(encoding="utf-8")
    framework.write_text(text.replace("        name: Desired\n", ""), encoding="utf-8")
    assert "Desired" not in framework.read_text(encoding="utf-8")
    return load_site(base_content)


def test_a_level_without_a_name_is_shown_by_its_number(site: Site) -> None:
    level = site.frameworks["core-skills"].competencies[0].level(2)
    assert level is not None and level.name == "Level 2"
    pages = render_all(site)
    role = pages["roles/support-worker/index.md"]
    assert "level: 2**" in role and "None" not in role
    framework = pages["frameworks/core-skills.md"]
    assert "Level 2" in framework and "None" not in framework


def test_forms_and_word_show_a_nameless_level_by_its_number(site: Site, tmp_path: Path) -> None:
    role = site.roles["support-worker"]
    written = write_pack(campaign(site, role, questions=True), tmp_path, pdf=False)
    forms = "".join(p.read_text(encoding="utf-8") for p in written if p.suffix == ".html")
    assert "level 2" in forms and "None" not in forms
    document = docx_bytes(profile_document(site, role), "2026-01-01T00:00:00Z")
    assert document.startswith(b"PK")
