"""The site on Zensical as well as on MkDocs.

The shipped content builds with the pinned Zensical (`make zensical` installs it in
.venv-zensical/; this module installs it the same way when it is missing, and never skips), both
engines index the same sections and leave out the same lists, and at 3,000 synthetic roles no
section of the index is longer than Zensical can index while every role page stays in it.
"""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from benchmarks import synthetic
from benchmarks.measure import ZENSICAL, config_copy, zensical_field_limit
from generator.cli import run as roleprint
from generator.model import GlossaryTerm, Site
from generator.output.search import index_site, indexed
from generator.output.staging import fan_out, write_pages
from generator.render.site.feed import FEED_PATH
from generator.render.site.pages import pages
from generator.render.views import glossary_letters
from tests.conftest import CONTENT, ROOT
from tests.render.site.search_sections import Section, index_sections, markdown_pages
from tests.support.site import broken_links, load_site, local_hrefs, mkdocs_build, page_paths

# The pages that list other pages. Their addresses are the same however many records there are
# (no page numbers that shift when a role is added), and the menu names each of them.
LIST_PAGES = ("accessibility.md", "families/index.md", "frameworks/index.md", "glossary.md",
              "index.md", "organisations/index.md", "roles/index.md", "tags/index.md",
              "vacancies/index.md")
RECORD_TEMPLATES = {"site/role.md", "site/organisation.md", "site/framework.md",
                    "site/family.md", "site/vacancy.md", "site/panel.md"}
LARGE = 3000  # roles: the size the issue asks the site to build at on both engines


@pytest.fixture(scope="session")
def zensical() -> Path:
    """The pinned Zensical, installed by `make zensical` if this machine has none yet."""
    if not ZENSICAL.exists():
        subprocess.run(["make", "-s", "zensical"], cwd=ROOT, check=True)
    return ZENSICAL


def pinned_version() -> str:
    found = re.search(r"(?m)^ZENSICAL_VERSION := (\S+)$",
                      (ROOT / "Makefile").read_text(encoding="utf-8"))
    assert found, "the Makefile no longer pins Zensical"
    return found.group(1)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory, zensical: Path) -> dict[str, Any]:
    """The shipped content's staging tree, as `make zensical-check` writes it, built by both
    engines: the folders and each engine's search index."""
    where = tmp_path_factory.mktemp("engines")
    staging = where / "staging"
    assert roleprint(["generate", "--content", str(CONTENT), "--out", str(staging),
                      "--no-pdf"]) == 0
    docs = staging / "docs"
    built = subprocess.run([str(zensical), "build", "--strict", "-f",
                            str(config_copy(where / "mkdocs.yml", docs, where / "zensical"))],
                           cwd=where, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert mkdocs_build(docs, where / "mkdocs") == []
    return {
        "docs": docs, "zensical": where / "zensical", "mkdocs": where / "mkdocs",
        "output": built.stdout + built.stderr,
        "zensical_index": json.loads((where / "zensical" / "search.json").read_text("utf-8")),
        "mkdocs_index": json.loads(
            (where / "mkdocs" / "search" / "search_index.json").read_text("utf-8")),
    }


def zensical_sections(shipped: dict[str, Any]) -> dict[str, str]:
    return {item["location"]: item["text"] for item in shipped["zensical_index"]["items"]}


def mkdocs_sections(shipped: dict[str, Any]) -> dict[str, str]:
    return {doc["location"]: doc["text"] for doc in shipped["mkdocs_index"]["docs"]}


def text_of(index: dict[str, str], *pages: str) -> str:
    """The text the index holds for the pages at these URLs."""
    return " ".join(text for where, text in index.items() if where.split("#")[0] in pages)


def test_the_pinned_release_is_the_one_installed(zensical: Path) -> None:
    found = subprocess.run([str(zensical), "--version"], capture_output=True, text=True,
                           check=True)
    assert found.stdout.strip() == pinned_version()


def test_zensical_builds_the_shipped_content_strictly(shipped: dict[str, Any]) -> None:
    assert "No issues found" in shipped["output"]
    site = shipped["zensical"]
    for page in ("index.html", "roles/index.html", "roles/recovery-navigator/index.html",
                 "glossary/index.html", "tags/index.html", "organisations/second-step/index.html",
                 "roles/supervised-contact-co-ordinator/forms/shortlisting.html", "search.json"):
        assert (site / page).is_file(), page


def test_zensical_carries_the_sitemap_dates_and_the_feed(shipped: dict[str, Any]) -> None:
    """The theme's sitemap.xml gives Zensical's sitemap each page's date, as it does MkDocs'
    (test_feed.py), and the feed is copied as it was written."""
    built = shipped["zensical"]
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = ET.parse(built / "sitemap.xml").getroot().findall(f"{ns}url")
    dates = {url.findtext(f"{ns}loc"): url.findtext(f"{ns}lastmod") for url in urls}
    assert set(dates) == {f"/{path}" for path in page_paths(built)}
    assert all(dates.values()), dates
    assert dates["/roles/recovery-navigator/"] == "2024-04"  # its issued date
    assert (built / FEED_PATH).read_bytes() == (shipped["docs"] / FEED_PATH).read_bytes()


def test_both_engines_index_the_same_sections(shipped: dict[str, Any]) -> None:
    assert sorted(zensical_sections(shipped)) == sorted(mkdocs_sections(shipped))


def test_every_role_is_in_both_indexes_and_no_list_is(shipped: dict[str, Any]) -> None:
    site = load_site(CONTENT)
    for index in (zensical_sections(shipped), mkdocs_sections(shipped)):
        for role in site.roles.values():
            own = [text for where, text in index.items()
                   if where.startswith(f"roles/{role.id}/")]
            assert len(own) > 3 and role.organisation.name in own[0], role.id
        lists = text_of(index, "", "roles/", "tags/", "organisations/", "families/",
                        "frameworks/", "vacancies/", "accessibility/")
        for role in site.roles.values():
            assert role.title not in lists
        # (The home page keeps one "About …" link under each organisation's heading.)
        orgs = text_of(index, "organisations/", "frameworks/", "accessibility/")
        for org in site.organisations.values():
            assert org.name not in orgs


def test_pagefind_indexes_both_engines_sites_alike(shipped: dict[str, Any]) -> None:
    """The search index is made after the engine, so it is the same on both."""
    found = {}
    for engine in ("mkdocs", "zensical"):
        index_site(shipped[engine])
        found[engine] = indexed(shipped[engine])
    assert sorted(found["mkdocs"]) == sorted(found["zensical"])
    vacancy = "/vacancies/supervised-contact-co-ordinator-2027/"
    for index in found.values():
        assert len(index) > 20
        assert index[vacancy]["meta"]["closes"] == "30 September 2027 at 12:00"
        assert index[vacancy]["filters"]["vacancy"] == ["Open"]
        assert "/content-health/" not in index  # its front matter keeps it out
        assert not [url for url in index if "/forms/" in url or url.startswith("/pagefind")]
        # The lists of other pages are left out: a reference finds its vacancy, not the lists.
        assert "DBC-PG-0412" in index[vacancy]["content"]
        assert {url for url, page in index.items() if "DBC-PG-0412" in page["content"]} == {
            vacancy, "/roles/supervised-contact-co-ordinator/"}
    assert found["mkdocs"][vacancy]["meta"] == found["zensical"][vacancy]["meta"]
    assert found["mkdocs"][vacancy]["filters"] == found["zensical"][vacancy]["filters"]


def test_list_pages_are_found_by_their_titles(shipped: dict[str, Any]) -> None:
    titles = {item["location"]: item["title"] for item in shipped["zensical_index"]["items"]}
    assert titles["roles/"] == "Roles"
    assert titles["vacancies/"] == "Vacancies"
    assert titles["glossary/#letter-d"] == "D"


def test_the_estimate_matches_what_zensical_indexes(shipped: dict[str, Any]) -> None:
    """The sections worked out without an engine, which the test at 3,000 roles relies on, are
    the sections Zensical writes, each as long or a few bytes longer (tables' spacing)."""
    docs = shipped["docs"]
    estimate = {s.location: s.size for s in index_sections(docs, markdown_pages(docs))}
    actual = {where: len(text.encode("utf-8"))
              for where, text in zensical_sections(shipped).items()}
    assert sorted(estimate) == sorted(actual)
    under = {where: (estimate[where], size) for where, size in actual.items()
             if estimate[where] < size}
    assert under == {}
    over = {where: (estimate[where], size) for where, size in actual.items()
            if estimate[where] > size + max(64, size // 50)}
    assert over == {}


def test_the_field_limit_is_the_one_zensical_reports() -> None:
    # "… (80012 bytes; maximum 32768 bytes for 27262 items)", at 1,000 roles before the lists
    # were left out of the index; and the limits measured with made-up sites.
    assert zensical_field_limit(27262) == 32768
    assert zensical_field_limit(16000) == 65536
    assert zensical_field_limit(17001) == 32768
    assert zensical_field_limit(70001) == 8192
    assert zensical_field_limit(79317) == 8192  # the index of 3,000 roles


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, list[Section]]:
    """3,000 synthetic roles: the model, and the search sections of its staging tree."""
    where = tmp_path_factory.mktemp("large")
    synthetic.write(where / "content", LARGE)
    site = load_site(where / "content")
    write_pages(site, where / "staging")
    docs = where / "staging" / "docs"
    every = markdown_pages(docs)
    shares = 16
    parts = fan_out(lambda share: index_sections(docs, every[share::shares]), shares)
    return site, [section for part in parts for section in part]


def test_no_section_outgrows_zensical_at_3000_roles(large: tuple[Site, list[Section]]) -> None:
    _, sections = large
    limit = min(32768, zensical_field_limit(len(sections)))
    too_long = sorted(((s.size, s.location) for s in sections if s.size > limit), reverse=True)
    assert too_long == [], f"{len(too_long)} sections over {limit} bytes: {too_long[:10]}"
    # The room left: the largest section is a role's duties, well inside the limit.
    assert max(s.size for s in sections) < 0.8 * limit


def test_every_role_page_is_searchable_at_3000_roles(large: tuple[Site, list[Section]]) -> None:
    site, sections = large
    pages_found = {s.location.split("#")[0] for s in sections if s.text}
    missing = [rid for rid in site.roles if f"roles/{rid}/" not in pages_found]
    assert missing == []


def test_list_pages_keep_their_addresses(large: tuple[Site, list[Section]]) -> None:
    for site in (load_site(CONTENT), large[0]):
        found = sorted(p.path for p in pages(site) if p.template not in RECORD_TEMPLATES)
        # The content-health page is for HR: linked from the footer, in no menu, out of search.
        assert found == sorted([*LIST_PAGES, "content-health.md"])
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    for page in LIST_PAGES:
        assert re.search(rf"(?m)^  - [^:]+: {re.escape(page)}$", nav), page


def test_glossary_letters_have_anchors_of_their_own() -> None:
    terms = [GlossaryTerm(t, "m") for t in ("4Ps", "A(8)", "abc", "DBS", "Éco", "&x")]
    letters = glossary_letters(terms)
    assert [(x.heading, x.anchor, [t.term for t in x.terms]) for x in letters] == [
        ("Numbers and signs", "numbers-and-signs", ["4Ps", "&x"]),
        ("A", "letter-a", ["A(8)", "abc"]),
        ("D", "letter-d", ["DBS"]),
        ("É", "letter-u00c9", ["Éco"]),
    ]
    # A letter's anchor is its own: adding terms elsewhere changes none of them.
    assert [x.anchor for x in glossary_letters(terms[1:3])] == ["letter-a"]


def test_both_engines_show_the_apply_button_and_the_panel_page(shipped: dict[str, Any]) -> None:
    """The button is Markdown with attr_list's classes, which both engines read alike; the panel
    page is a page of its own under its role's address on both."""
    for engine in ("mkdocs", "zensical"):
        site = shipped[engine]
        vacancy = (site / "vacancies" / "supervised-contact-co-ordinator-2027" / "index.html"
                   ).read_text("utf-8")
        assert re.search(r'<a class="md-button md-button--primary rp-apply" href="mailto:'
                         r"recruitment@darlington\.gov\.uk\?subject=Application%3A%20DBC-PG-0412"
                         r'">E-mail the contact to apply</a>', vacancy), engine
        panel = (site / "roles" / "supervised-contact-co-ordinator" / "panel" / "index.html"
                 ).read_text("utf-8")
        assert re.search(r"<h1 [^>]*>For recruitment panels: Supervised Contact Co-Ordinator",
                         panel), engine
        assert "forms/shortlisting.html" in panel, engine


def test_every_local_link_resolves_on_both_engines(shipped: dict[str, Any]) -> None:
    """Every href and src on every page of both builds names a file the build made: the forms
    and downloads the role, vacancy and panel pages link in raw HTML among them (Zensical reads
    a raw link as relative to the Markdown file, MkDocs to the page's address, so these pages
    are index.md files in their own folders, where the two are the same)."""
    for engine in ("mkdocs", "zensical"):
        site = shipped[engine]
        index_site(site)  # the search the pages load is made after the engine, as by a build
        built = sorted(site.rglob("*.html"))
        assert broken_links(site, built) == [], engine
        role = site / "roles" / "supervised-contact-co-ordinator" / "index.html"
        assert "forms/application-form.html" in local_hrefs(role), engine
        panel = site / "roles" / "supervised-contact-co-ordinator" / "panel" / "index.html"
        assert "../forms/shortlisting.html" in local_hrefs(panel), engine
