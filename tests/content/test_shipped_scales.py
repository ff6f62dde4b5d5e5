"""Issue 28, point 8 follow-up: a shipped organisation names a scoring scale only where its
source document gives one. Of the four, only First Light's role profile gives a scale (its
"Short listing criteria"); the sheets and workbooks of Darlington's vacancy print score boxes
and nothing of Roleprint's own standard scales."""

from __future__ import annotations

import json
import re

import pytest

from generator.content.load import load
from generator.model import Site
from generator.render.exports.interviewbook import interview_book
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.render import form_pages
from generator.scoring.campaign import campaign
from tests.conftest import CONTENT
from tests.model.test_no_placeholders import SCALE_WORDS
from tests.support.forms import parse
from tests.support.seedcheck import SEEDS

# Each shipped organisation and the number of its source in content/sources (README.md there).
SOURCES = {"forward-trust": "000", "second-step": "001", "darlington-borough-council": "002",
           "first-light": "003"}
SHEETS = ("shortlisting", "interview", "moderation")


@pytest.fixture(scope="module")
def site() -> Site:
    found = load(CONTENT).site
    assert found is not None
    return found


def source_text(org: str) -> str:
    (path,) = SEEDS.glob(f"{SOURCES[org]}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").split())


def test_an_organisation_names_a_scale_only_where_its_source_gives_it(site: Site) -> None:
    assert set(site.organisations) == set(SOURCES)
    named = {}
    for oid, org in site.organisations.items():
        ids = {sid for sid in (org.default_scale, *dict(org.stage_scales).values()) if sid}
        text = source_text(oid)
        for sid in ids:
            # every point of the scale, its score and its words, as the source writes them
            for point in site.scales[sid].points:
                unit = "point" if point.score == 1 else "points"
                assert f"{point.score} {unit} = {point.descriptor}" in text, (oid, sid, point)
        named[oid] = ids
    assert named == {"first-light": {"first-light-shortlisting"}, "forward-trust": set(),
                     "second-step": set(), "darlington-borough-council": set()}


def test_the_darlington_vacancys_sheets_and_workbooks_print_no_scale(site: Site) -> None:
    vacancy = site.vacancies["supervised-contact-co-ordinator-2027"]
    settings = campaign(site, vacancy.role, vacancy=vacancy)
    pages = dict(form_pages(settings))
    for stem in SHEETS:
        text = parse(pages[stem]).text
        assert not [words for words in SCALE_WORDS if words in text], stem
        assert "Standard" not in text and not re.search(r"\d+ to \d+", text), stem
        assert 'class="legend"' not in pages[stem] and "Meets all essential" not in text, stem
        assert "standard-1-5" not in pages[stem], stem
    for stem in ("shortlisting", "interview"):  # the sheets collate reads name no scale
        assert '&#34;scale&#34;: &#34;&#34;' in pages[stem], stem
    assert "Write a score in each box." in parse(pages["shortlisting"]).text
    assert {"score-1", "score-35", "score-comp-darlington-pdr"} <= set(
        parse(pages["interview"]).names)
    for book in (shortlisting_book(site, vacancy.role, settings), interview_book(settings)):
        assert "Scoring scale" not in [sheet["name"] for sheet in book["sheets"]]
        assert "standard-1-5" not in json.dumps(book) and "Standard" not in json.dumps(book)
        assert not [v for v in book["sheets"][0]["validations"] if v["kind"] == "whole"]


def test_first_lights_sheets_print_the_scale_its_role_profile_gives(site: Site) -> None:
    vacancy = site.vacancies["da-sv-case-coordinator-2024"]
    pages = dict(form_pages(campaign(site, vacancy.role, vacancy=vacancy)))
    text = parse(pages["shortlisting"]).text
    assert "Write a score from 0 to 3 in each box" in text
    for descriptor in ("fully meets criteria", "mostly meets criteria",
                       "partially meets criteria but falls short on key aspects",
                       "does not meet criteria"):
        assert descriptor in text
