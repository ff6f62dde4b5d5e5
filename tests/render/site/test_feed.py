"""The vacancies feed and the sitemap, read back with parsers made for them, and no JobPosting
or feed entry for an illustrative (example) vacancy. Built the whole way (`build`, MkDocs) from
the base tree with the vacancies of `site-jobs`: two open real ones, an open example, a closed
one and one marked open whose closing date has passed."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser
import pytest

from benchmarks.measure import config_copy
from generator.build import build
from generator.core.settings import Settings
from generator.model import Site
from generator.output.engine import site_address
from generator.render.site.dates import vacancy_date
from generator.render.site.feed import FEED_PATH, SiteAddress, atom_feed
from generator.render.site.jsonld import job_posting
from tests.conftest import FIXTURES, TESTS, UNSAFE, overlay
from tests.support.site import load_site, page_paths, scan

JOBS = TESTS / "render" / "fixtures" / "site-jobs"
SITE_URL = "https://jobs.example.org/careers/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
# The open, real vacancies, soonest closing first (as the vacancies page lists them).
OFFERED = {
    "support-worker-nights-2027": ("Support Worker (nights)", "2026-10-15",
                                   "2027-01-31T23:59:00+00:00", "31 January 2027"),
    "support-worker-2027": ("Support Worker (days)", "2026-11-01",
                            "2027-06-30T12:00:00+01:00", "30 June 2027 at 12:00"),
}
NOT_OFFERED = ("support-worker-example-2027", "support-worker-2025", "support-worker-2026-lapsed")


@pytest.fixture(scope="module")
def jobs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Path]:
    """The fixture's site, and the folder it was built in with `site_url` set."""
    where = tmp_path_factory.mktemp("jobs")
    site = load_site(overlay(FIXTURES / "base", JOBS / "content", where))
    config = config_copy(where / "mkdocs.yml")
    config.write_text(config.read_text("utf-8") + f"\nsite_url: {SITE_URL}\n", "utf-8")
    build(site, where, Settings(pdf=False, config=config))
    return site, where


def read_feed(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def test_site_address_is_read_from_the_engine_settings(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Careers\nsite_url: https://x.example/\n"
                      "use_directory_urls: false\n", "utf-8")
    assert site_address(config) == SiteAddress("https://x.example/", "Careers", False)
    config.write_text("site_name: Careers\n", "utf-8")
    assert site_address(config) == SiteAddress(None, "Careers", True)


def test_feed_lists_exactly_the_open_real_vacancies(jobs: tuple[Site, Path]) -> None:
    feed = read_feed((jobs[1] / "site" / FEED_PATH).read_bytes())
    assert feed.feed.title == "Roleprint: open vacancies"
    assert feed.feed.id == f"{SITE_URL}vacancies/feed.xml"
    assert [entry.link for entry in feed.entries] == [
        f"{SITE_URL}vacancies/{vacancy}/" for vacancy in OFFERED]
    for entry, (title, posted, closes, closing) in zip(feed.entries, OFFERED.values(),
                                                       strict=True):
        assert entry.title == title
        assert entry.id == entry.link
        assert entry.updated.startswith(f"{posted}T00:00:00")
        assert entry.published == entry.updated
        assert entry.author == "Example Council"
        assert entry.validity_end == closes
        assert f"Closing date: {closing}." in entry.summary
    assert "Support adults in <strong>Leeds</strong>" in feed.entries[1].summary
    # The feed's date is its newest entry's.
    assert feed.feed.updated == feed.entries[1].updated


def test_feed_links_are_relative_without_a_site_url(jobs: tuple[Site, Path]) -> None:
    feed = read_feed(atom_feed(jobs[0], SiteAddress()))
    assert [entry.links[0].href for entry in feed.entries] == [f"{v}/" for v in OFFERED]
    assert all(entry.id.startswith("urn:uuid:") for entry in feed.entries)
    pages = read_feed(atom_feed(jobs[0], SiteAddress(directory_urls=False)))
    assert [entry.links[0].href for entry in pages.entries] == [f"{v}/index.html"
                                                                  for v in OFFERED]


def test_every_page_offers_the_feed(jobs: tuple[Site, Path]) -> None:
    built = jobs[1] / "site"
    pages = sorted(built.rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        links = [attrs for tag, attrs in scan(page.read_text("utf-8")).tags
                 if tag == "link" and attrs.get("type") == "application/atom+xml"]
        assert len(links) == 1, page
        assert links[0]["rel"] == "alternate"
        href = links[0]["href"] or ""
        assert (page.parent / href).resolve() == (built / FEED_PATH).resolve(), page


def json_ld(page: Path) -> list[dict[str, Any]]:
    return [json.loads(text) for attrs, text in scan(page.read_text("utf-8")).scripts
            if attrs.get("type") == "application/ld+json"]


def test_only_the_open_real_vacancies_have_job_postings(jobs: tuple[Site, Path]) -> None:
    built = jobs[1] / "site"
    found = {page.parent.name: json_ld(page) for page in built.rglob("index.html")}
    assert {name for name, data in found.items() if data} == set(OFFERED)
    days = found["support-worker-2027"][0]
    assert days["@type"] == "JobPosting"
    assert days["validThrough"] == "2027-06-30T12:00:00+01:00"
    assert days["baseSalary"]["value"]["minValue"] == 24000
    example = (built / "vacancies" / "support-worker-example-2027" / "index.html")
    assert "Example vacancy" in example.read_text("utf-8")
    for name in NOT_OFFERED:
        assert found[name] == [], name


def test_an_illustrative_vacancy_is_never_offered(jobs: tuple[Site, Path]) -> None:
    site = jobs[0]
    real = site.vacancies["support-worker-2027"]
    example = dataclasses.replace(real, illustrative="The salary is illustrative.")
    assert job_posting(real) is not None
    assert job_posting(example) is None
    changed = dataclasses.replace(site, vacancies={**site.vacancies, real.id: example})
    assert [e.title for e in read_feed(atom_feed(changed, SiteAddress())).entries] == [
        "Support Worker (nights)"]


def test_hostile_text_stays_text_in_the_feed(tmp_path: Path) -> None:
    site = load_site(overlay(FIXTURES / "base", UNSAFE / "content", tmp_path))
    vacancy = next(iter(site.vacancies.values()))
    # A character XML cannot hold is dropped, not written into a feed no reader can read.
    odd = dataclasses.replace(vacancy, title=vacancy.title + "\x0b")
    site = dataclasses.replace(site, vacancies={vacancy.id: odd})
    data = atom_feed(site, SiteAddress(url="https://x.example/"))
    root = ET.fromstring(data)  # well formed
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.tag for e in root.iter() if not e.tag.startswith(("{http://www.w3.org/2005/Atom}",
                                                              "{http://purl.org/dc/terms/}"))] == []
    entry = root.find(f"{atom}entry")
    assert entry is not None
    assert entry.findtext(f"{atom}title") == vacancy.title  # the very text, as text
    # The summary is HTML a reader shows: the hostile Markdown in it is text, not elements.
    html = entry.findtext(f"{atom}summary") or ""
    assert "&lt;script&gt;alert('xss-purpose4')&lt;/script&gt;" in html  # shown as typed
    summary = scan(html)
    assert summary.scripts == []
    assert {tag for tag, _ in summary.tags} <= {"p", "strong", "em", "ul", "ol", "li", "a", "br"}
    for _, attrs in summary.tags:
        assert set(attrs) <= {"href"}
        assert not (attrs.get("href") or "").startswith("javascript:")
    assert read_feed(data).entries[0].title == vacancy.title


def test_two_builds_give_identical_feed_bytes(jobs: tuple[Site, Path], tmp_path: Path) -> None:
    again = build(jobs[0], tmp_path, Settings(pdf=False, config=jobs[1] / "mkdocs.yml"),
                  engine=False)
    first = (jobs[1] / "staging" / "docs" / FEED_PATH).read_bytes()
    assert (again.staging / "docs" / FEED_PATH).read_bytes() == first
    assert (jobs[1] / "site" / FEED_PATH).read_bytes() == first


def sitemap(built: Path) -> dict[str, str | None]:
    root = ET.parse(built / "sitemap.xml").getroot()
    return {url.findtext(f"{SITEMAP}loc") or "": url.findtext(f"{SITEMAP}lastmod")
            for url in root.iter(f"{SITEMAP}url")}


def test_sitemap_dates_every_page_from_its_records(jobs: tuple[Site, Path]) -> None:
    built = jobs[1] / "site"
    dates = sitemap(built)
    assert set(dates) == {SITE_URL + path for path in page_paths(built)}
    assert all(dates.values()), dates
    vacancies = f"{SITE_URL}vacancies/"
    assert dates[f"{vacancies}support-worker-2027/"] == "2026-11-01"  # posted
    assert dates[f"{vacancies}support-worker-2025/"] == "2025-02-28"  # closed: its closing date
    # The role page: the newest of its own dates and its vacancies'.
    assert dates[f"{SITE_URL}roles/support-worker/"] == "2026-11-20"
    assert dates[f"{SITE_URL}glossary/"] == "2026-11-20"  # no dates of its own: the site's newest


def test_a_posted_date_still_to_come_is_not_a_page_date(jobs: tuple[Site, Path]) -> None:
    vacancy = jobs[0].vacancies["support-worker-2027"]
    assert vacancy.posted == "2026-11-01" and vacancy.closing_date is not None
    ahead = dataclasses.replace(vacancy, posted="2026-12-20")
    assert vacancy_date(ahead, on="2026-12-07") is None  # entered ahead of its advert
    assert vacancy_date(ahead, on="2026-12-20") == "2026-12-20"
    closing = vacancy.closing_date
    assert vacancy_date(ahead, on="2099-01-01") == closing  # closed: its closing date
