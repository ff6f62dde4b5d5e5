"""The content-health page's findings are kept between builds of the same content, and worked
out afresh whenever anything they come from changes (generator/lint/healthcache.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.lint import healthcache
from generator.lint.health import health
from generator.lint.healthcache import kept_health
from tests.conftest import FIXTURES, overlay
from tests.support.site import load_site

DAY = dt.date(2026, 12, 7)


@pytest.fixture(autouse=True)
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return overlay(FIXTURES / "base", FIXTURES / "lint" / "triggers" / "content", tmp_path)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The record of each time the rules really ran."""
    ran: list[str] = []

    def counted(site, **options):  # type: ignore[no-untyped-def]
        ran.append(site.source)
        return health(site, **options)

    monkeypatch.setattr(healthcache, "health", counted)
    return ran


def test_the_same_content_is_checked_once_and_read_back_the_same(
        content: Path, tmp_path: Path, runs: list[str]) -> None:
    settings = tmp_path / "roleprint-lint.yaml"
    first = kept_health(load_site(content), settings_file=settings, today=DAY)
    again = kept_health(load_site(content), settings_file=settings, today=DAY)
    assert len(runs) == 1
    assert again == first == health(load_site(content), settings_file=settings, today=DAY)
    assert first.groups


def test_anything_the_findings_come_from_checks_them_again(
        content: Path, tmp_path: Path, runs: list[str]) -> None:
    settings = tmp_path / "roleprint-lint.yaml"
    kept_health(load_site(content), settings_file=settings, today=DAY)
    # another date
    kept_health(load_site(content), settings_file=settings, today=DAY + dt.timedelta(days=1))
    # settings written
    settings.write_text("disable: [currency-closed]\n", encoding="utf-8")
    with_settings = kept_health(load_site(content), settings_file=settings, today=DAY)
    assert with_settings == health(load_site(content), settings_file=settings, today=DAY)
    # a content file changed
    role = next((content / "roles").glob("*.yaml"))
    role.write_text(role.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    kept_health(load_site(content), settings_file=settings, today=DAY)
    assert len(runs) == 4
    assert len(set(runs)) == 2  # the content's digest changed once


def test_drafts_left_out_or_not_are_kept_apart(content: Path, tmp_path: Path,
                                               runs: list[str]) -> None:
    role = next((content / "roles").glob("*.yaml"))
    role.write_text(role.read_text(encoding="utf-8") + "status: draft\n", encoding="utf-8")
    site = load_site(content)
    published, drafts, _ = site.without_drafts()
    assert drafts
    settings = tmp_path / "roleprint-lint.yaml"
    with_drafts = kept_health(site, settings_file=settings, today=DAY)
    without = kept_health(published, settings_file=settings, today=DAY)
    assert len(runs) == 2
    assert without == health(published, settings_file=settings, today=DAY) != with_drafts


def test_a_site_not_loaded_from_files_is_never_kept(content: Path, tmp_path: Path,
                                                    runs: list[str]) -> None:
    from dataclasses import replace

    site = replace(load_site(content), source="")
    for _ in range(2):
        kept_health(site, settings_file=tmp_path / "none.yaml", today=DAY)
    assert len(runs) == 2
    assert not (Path(healthcache.caches.folder()) / healthcache.NAMESPACE).exists()


def test_one_entry_is_kept_however_many_versions_are_built(content: Path, tmp_path: Path,
                                                          runs: list[str]) -> None:
    for days in range(3):
        kept_health(load_site(content), settings_file=tmp_path / "none.yaml",
                    today=DAY + dt.timedelta(days=days))
    entries = list((Path(healthcache.caches.folder()) / healthcache.NAMESPACE).glob("*/*"))
    assert len(runs) == 3 and len(entries) == 1


def test_the_site_page_reads_the_kept_findings(content: Path, runs: list[str]) -> None:
    from generator.render.site.pages import render_all

    first = render_all(load_site(content))["content-health.md"]
    assert render_all(load_site(content))["content-health.md"] == first
    assert len(runs) == 1
