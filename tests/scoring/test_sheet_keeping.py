"""The scoring sheets and workbooks say how they are kept only in the organisation's own words
(`scoring_sheets.data_protection`) and for its own period (`retention_months`), each printed only
when given: no standard paragraph and no six months of Roleprint's (issue 28, point 7)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.content.load import load
from generator.model import SheetWording
from generator.render.exports.interviewbook import interview_book
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.render import form_pages
from generator.scoring.campaign import campaign, for_record
from tests.conftest import ROOT
from tests.scoring.test_panel_bugs import _how_to
from tests.support.forms import hand_site, parse

OWN = "Held by HR under our *privacy notice*."
# What only Roleprint's old standard paragraph said.
STANDARD = ("HR keeps it for", "Candidates may ask to see what is written", "recruitment record",
            "destroys it", "legal claim", "6 months")


@pytest.mark.parametrize(("own", "months"), [(None, None), (OWN, None), (None, 9), (OWN, 9)])
def test_each_is_printed_only_when_the_organisation_gives_it(own: str | None,
                                                              months: int | None) -> None:
    site = hand_site()
    role = site.roles["test-role"]
    wording = SheetWording(data_protection=own, retention_months=months)
    role = replace(role, organisation=replace(role.organisation, sheet_wording=wording))
    settings = campaign(site, role)
    pages = dict(form_pages(settings))
    texts = {stem: parse(pages[stem]).text for stem in ("shortlisting", "interview", "moderation")}
    texts.update(interview_book=_how_to(interview_book(settings)),
                 shortlisting_book=_how_to(shortlisting_book(site, role, settings)))
    for stem, text in texts.items():
        for marker in STANDARD:
            assert marker not in text, (stem, marker)
        assert ("Held by HR under our privacy notice." in text) == bool(own), stem
        assert ("9 months after the appointment is made" in text) == bool(months), stem
        if stem in pages:
            assert ("Keeping this sheet: data protection" in text) == bool(own or months), stem


def test_the_shipped_organisations_documents_give_no_period_so_no_sheet_prints_one() -> None:
    """None of the four shipped sources says how long scoring sheets are kept, or says anything
    about data protection on them: their sheets say nothing about it."""
    site = load(ROOT / "content").site
    assert site is not None
    for record in ("supervised-contact-co-ordinator-2027", "da-sv-case-coordinator-2024"):
        settings = for_record(site, record)
        pages = dict(form_pages(settings))
        for stem in ("shortlisting", "interview", "moderation"):
            text = parse(pages[stem]).text
            assert "Keeping this sheet" not in text and "months after" not in text, (record, stem)
        assert "months" not in _how_to(interview_book(settings)), record
