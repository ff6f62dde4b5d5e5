"""The shipped content's tree builds with `mkdocs build --strict`, and search finds roles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest

from generator.render.site.feed import FEED_PATH
from tests.conftest import CONTENT
from tests.support.site import generate_and_build, load_site, scan


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    _, site_dir, warnings = generate_and_build(load_site(CONTENT),
                                               tmp_path_factory.mktemp("shipped"))
    return site_dir, warnings


@pytest.fixture(scope="module")
def index(built: tuple[Path, list[str]]) -> dict:
    return json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_strict_build_succeeds_without_warnings(built: tuple[Path, list[str]]) -> None:
    site_dir, warnings = built
    assert warnings == []
    for page in ("index.html", "roles/index.html", "roles/recovery-navigator/index.html",
                 "vacancies/supervised-contact-co-ordinator-2027/index.html", "glossary/index.html",
                 "tags/index.html", "frameworks/second-step-competencies/index.html",
                 "organisations/second-step/index.html", "families/index.html",
                 "assets/roleprint.css", "assets/roleprint.js"):
        assert (site_dir / page).is_file(), page


def tokens(index: dict, location: str) -> set[str]:
    separator = re.compile(index["config"]["separator"])
    found: set[str] = set()
    for doc in index["docs"]:
        if doc["location"].split("#")[0] == location:
            found |= {t.lower() for t in separator.split(doc["title"] + " " + doc["text"]) if t}
    return found


@pytest.mark.parametrize(("words", "location"), [
    ("Supervised Contact Co-Ordinator", "roles/supervised-contact-co-ordinator/"),
    ("D13002", "roles/supervised-contact-co-ordinator/"),
    ("DBC-PG-0412", "roles/supervised-contact-co-ordinator/"),
    ("FL-CC-2024-07", "roles/da-sv-case-coordinator/"),
    ("Psychologically informed practice", "roles/recovery-navigator/"),
    ("IDVA", "roles/da-sv-case-coordinator/"),
    ("NDTMS", "roles/recovery-coordinator-tier-4-lead/"),
])
def test_role_is_findable(index: dict, words: str, location: str) -> None:
    separator = re.compile(index["config"]["separator"])
    wanted = {w.lower() for w in separator.split(words) if w}
    assert wanted <= tokens(index, location)


def test_references_are_single_search_terms(index: dict) -> None:
    separator = re.compile(index["config"]["separator"])
    assert separator.split("DBC-PG-0412") == ["DBC-PG-0412"]
    assert [t for t in separator.split("DA&amp;SV Case, (IDVA)") if t] == [
        "DA", "SV", "Case", "IDVA"]


def test_forms_are_not_indexed(index: dict) -> None:
    assert not any(".html" in doc["location"] or "/forms/" in doc["location"]
                   for doc in index["docs"])


def test_abbreviations_become_tooltips(built: tuple[Path, list[str]]) -> None:
    html = (built[0] / "roles" / "da-sv-case-coordinator" / "index.html").read_text("utf-8")
    assert '<abbr title="Independent Domestic Violence Adviser">IDVA</abbr>' in html
    assert '<abbr title="Domestic Abuse and Sexual Violence">DA&amp;SV</abbr>' in html
    assert "*[" not in html


@pytest.mark.parametrize(("role", "reference", "term", "shown"), [
    # an open vacancy: the notice, the summary and the list of vacancies
    ("supervised-contact-co-ordinator", "DBC-PG-0412", "DBC", 3),
    ("da-sv-case-coordinator", "FL-CC-2024-07", "CC", 1),  # a closed one: the list
])
def test_no_abbreviation_inside_a_reference(built: tuple[Path, list[str]], role: str,
                                            reference: str, term: str, shown: int) -> None:
    """The glossary term stands alone on the page too, so the page defines it, and the
    abbreviation step marks it there; the reference it is part of is left whole, and reads the
    same once the browser has read the HTML."""
    html = (built[0] / "roles" / role / "index.html").read_text("utf-8")
    assert re.search(rf'<abbr title="[^"]*">{term}</abbr>', html)  # the term on its own
    texts = scan(html).texts  # each run of text between two tags, as the browser reads it
    rest = reference.split(term, 1)[1]  # "-PG-0412": found alone if the term was marked
    whole = sum(text.count(reference) for text in texts)
    assert whole == shown
    assert sum(text.count(rest) for text in texts) == whole


def test_no_json_ld_for_the_shipped_examples(built: tuple[Path, list[str]]) -> None:
    """The shipped vacancies are illustrative: no page offers them to job search engines (the
    end-to-end JobPosting test builds a fixture's real vacancies: test_feed.py)."""
    site_dir = built[0]
    for page in sorted(site_dir.rglob("index.html")):
        scripts = [text for attrs, text in scan(page.read_text("utf-8")).scripts
                   if attrs.get("type") == "application/ld+json"]
        assert scripts == [], page.relative_to(site_dir).as_posix()


def test_the_shipped_feed_offers_no_example(built: tuple[Path, list[str]]) -> None:
    """Every shipped vacancy is an example (`illustrative`), so the feed is there, valid and
    empty: no made-up job reaches a job board."""
    shipped = load_site(CONTENT)
    assert shipped.vacancies and all(v.illustrative for v in shipped.vacancies.values())
    feed = feedparser.parse((built[0] / FEED_PATH).read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert feed.entries == []


def test_numbers_survive_into_html(built: tuple[Path, list[str]]) -> None:
    html = (built[0] / "roles" / "supervised-contact-co-ordinator" / "index.html").read_text(
        "utf-8")
    assert "<li><strong>9</strong> To develop" in html
    assert "<li><strong>iv</strong> An opportunity" in html
    assert "<ol>" not in html.split('class="rp-numbered"')[1].split("</div>")[0]
