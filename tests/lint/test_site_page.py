"""The content-health page: every finding by record, for HR; in the footer, not the menu or
search; text from the content escaped like everywhere else."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.lint.health import health
from generator.render.site.pages import render_all
from tests.conftest import CONTENT, FIXTURES, ROOT, overlay
from tests.support.site import generate_and_build, load_site, scan

LINT = Path(__file__).resolve().parent / "fixtures"
UNSAFE_ROLE = """title: "Worker <script>alert(1)</script>"
organisation: example-council
accountabilities:
  items:
    - "Any other duties [as required](javascript:alert(1)) <img src=x onerror=alert(1)>"
person_specification:
  assessed_by: [application]
  criteria:
    - id: E1
      category: Skills
      text: Able to drive.
      requirement: essential
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("health")
    content = overlay(FIXTURES / "base", LINT / "triggers" / "content", where)
    (content / "roles" / "unsafe-worker.yaml").write_text(UNSAFE_ROLE, encoding="utf-8")
    _, site_dir, warnings = generate_and_build(load_site(content), where)
    assert warnings == []
    return site_dir


def test_shipped_page_lists_findings_by_role_with_accepted_reasons() -> None:
    page = render_all(load_site(CONTENT))["content-health.md"]
    # Kept out of search; dated (for the sitemap) with the newest date on the site.
    assert re.match(r'---\ntitle: "Content health"\nlastmod: "\d{4}-\d{2}(-\d{2})?"\n'
                    r'search:\n  exclude: true\n---\n', page)
    assert "## Darlington Borough Council" in page
    assert "### [Recovery Navigator](roles/recovery-navigator/index.md)" in page
    assert "Reason: Second Step’s published profile" in page or \
        "Reason: Second Step's published profile" in page


def test_groups_follow_settings_and_date(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", LINT / "triggers" / "content", tmp_path)
    settings = tmp_path / "roleprint-lint.yaml"
    settings.write_text("disable: [currency-closed]\n", encoding="utf-8")
    import datetime as dt

    report = health(load_site(content), settings_file=settings, today=dt.date(2026, 12, 2))
    rules = {i.rule for g in report.groups for i in g.items}
    assert "currency-closed" not in rules and "spec-years-experience" in rules
    shutil.copy(LINT / "triggers" / "roleprint-lint.yaml", settings)
    again = health(load_site(content), settings_file=settings, today=dt.date(2026, 12, 2))
    assert "currency-closed" in {i.rule for g in again.groups for i in g.items}
    assert again.count("error") == 1  # the closed vacancy (validate now refuses bad weights)


def test_page_is_built_escaped_in_the_footer_and_out_of_nav_and_search(built: Path) -> None:
    html = (built / "content-health" / "index.html").read_text(encoding="utf-8")
    page = scan(html)
    # Shown as typed, never taking effect.
    assert not any("alert" in text for _, text in page.scripts)
    assert not any("onerror" in attrs for _, attrs in page.tags)
    assert not any("javascript:" in (value or "") for _, attrs in page.tags
                   for value in attrs.values())
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Worker &lt;script&gt;alert(1)&lt;/script&gt;" in html
    home = (built / "index.html").read_text(encoding="utf-8")
    assert 'href="content-health/"' in home or 'href="./content-health/"' in home
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith("content-health") for d in index["docs"])
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert not any("content-health.md" in entry.values() for entry in nav)
