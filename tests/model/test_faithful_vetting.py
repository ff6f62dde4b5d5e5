"""Issue 28, point 1: vetting and security clearance held as the source words them.

The fixture `tests/model/fixtures/vetting` is typed from the public shape of Civil Service and
police staff adverts (National Security Vetting, a clearance the candidate must already hold,
BPSS, police vetting levels). Each test checks that a page, form, Word file or JobPosting says
what the source says and nothing it does not.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.render.exports.formdoc import application_document
from generator.render.site.jsonld import job_posting
from generator.render.site.pages import render_all
from tests.model.test_faithful import _block_texts, forms_of, site_of, word_text

CHECKS = """## Pre-employment checks

### Vetting and security clearance

- **National Security Vetting, Developed Vetting (DV)** (to be carried out): Successful \
candidates must undergo National Security Vetting at Developed Vetting (DV) before they take up \
post.
- **Security Check (SC)** (must already be held): To apply for this post you must hold Security \
Check (SC) clearance.
- **Baseline Personnel Security Standard, BPSS**: You will be required to go through Baseline \
Personnel Security Standard (BPSS) checks, which include employment and right to work checks.
""".replace("\\\n", "")

SUMMARY_ROW = ("Vetting\n:   National Security Vetting, Developed Vetting (DV); Security Check "
               "(SC); Baseline Personnel Security Standard, BPSS\n")


def section(page: str, heading: str) -> str:
    """From `heading` to the next heading of its level or above (or the page's end)."""
    start = page.index(heading)
    level = len(heading.split(" ")[0])
    end = re.compile(rf"\n#{{1,{level}}} ").search(page, start + len(heading))
    return page[start:end.start() if end else len(page)].rstrip("\n") + "\n"


def test_vetting_on_the_role_page_in_the_sources_words(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vetting")
    page = render_all(site)["roles/vetting-caseworker/index.md"]
    assert section(page, "## Pre-employment checks") == CHECKS
    assert SUMMARY_ROW in page
    # No DBS check, exemption or other check that the advert never names.
    assert "DBS" not in page and "Rehabilitation" not in page
    # The advert makes the clearance a criterion too: it is in the specification as written.
    assert "Hold current Security Check (SC) clearance." in section(page, "## Person specification")


def test_a_level_whose_holding_is_not_stated_says_so(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vetting")
    page = render_all(site)["roles/police-staff-investigator/index.md"]
    assert section(page, "### Vetting and security clearance").splitlines()[-2:] == [
        "- **Non Police Personnel Vetting (NPPV) level 2** (whether it must already be held is "
        "not stated): This role requires Non Police Personnel Vetting (NPPV) level 2.",
        "- Vetting checks include a financial check."]
    word = word_text(site, "police-staff-investigator")
    start = word.index(("h3", "Vetting and security clearance"))
    assert word[start + 3:start + 5] == [
        ("bullet:1", "Non Police Personnel Vetting (NPPV) level 2 (whether it must already be "
                     "held is not stated): This role requires Non Police Personnel Vetting (NPPV) "
                     "level 2."),
        ("bullet:1", "Vetting checks include a financial check.")]
    assert "(to be carried out): All successful applicants will be subject to Recruitment " \
        "Vetting (RV)." in page
    assert "must already be held)" not in page


def test_vetting_in_the_word_profile(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vetting")
    word = word_text(site, "vetting-caseworker")
    start = word.index(("h2", "Pre-employment checks"))
    # The page's lines, word for word.
    assert word[start:start + 5] == [
        ("h2", "Pre-employment checks"), ("h3", "Vetting and security clearance"),
        ("bullet:1", "National Security Vetting, Developed Vetting (DV) (to be carried out): "
                     "Successful candidates must undergo National Security Vetting at Developed "
                     "Vetting (DV) before they take up post."),
        ("bullet:1", "Security Check (SC) (must already be held): To apply for this post you must "
                     "hold Security Check (SC) clearance."),
        ("bullet:1", "Baseline Personnel Security Standard, BPSS: You will be required to go "
                     "through Baseline Personnel Security Standard (BPSS) checks, which include "
                     "employment and right to work checks.")]
    assert word[start + 5][0] == "h2"  # nothing added after the source's checks
    summary = word[word.index(("", "Vetting")) + 1]
    assert summary == ("", "National Security Vetting, Developed Vetting (DV); Security Check "
                           "(SC); Baseline Personnel Security Standard, BPSS")


def test_vetting_on_the_application_form_where_checks_are_listed(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vetting")
    form = forms_of(site, "vetting-caseworker")["application-form"]
    declarations = form[form.index('id="s7-title"'):]
    assert ('<h3>Vetting and security clearance</h3>\n<div class="md" id="vetting-1"><p><strong>'
            "National Security Vetting, Developed Vetting (DV)</strong> (to be carried out)</p>"
            "<p>Successful candidates must undergo National Security Vetting at Developed Vetting "
            "(DV) before they take up post.</p></div>") in declarations
    assert ('<div class="md" id="vetting-2"><p><strong>Security Check (SC)</strong> (must '
            "already be held)</p><p>To apply for this post you must hold Security Check (SC) "
            "clearance.</p></div>") in declarations
    assert 'id="vetting-4"' not in form and "Disclosure and Barring" not in form
    # The form's Word version is read from its page: the same lines, in the same order.
    form_word = [text for _, text in _block_texts(application_document(form)["blocks"])]
    start = form_word.index("Vetting and security clearance")
    assert form_word[start:start + 7] == [
        "Vetting and security clearance",
        "National Security Vetting, Developed Vetting (DV) (to be carried out)",
        "Successful candidates must undergo National Security Vetting at Developed Vetting (DV) "
        "before they take up post.",
        "Security Check (SC) (must already be held)",
        "To apply for this post you must hold Security Check (SC) clearance.",
        "Baseline Personnel Security Standard, BPSS",
        "You will be required to go through Baseline Personnel Security Standard (BPSS) checks, "
        "which include employment and right to work checks."]


def test_job_posting_carries_the_sources_sentences_as_the_clearance(tmp_path: Path) -> None:
    site = site_of(tmp_path, "vetting")
    data = job_posting(site.vacancies["vetting-caseworker-2027"])
    assert data is not None
    assert data["securityClearanceRequirement"] == (
        "Successful candidates must undergo National Security Vetting at Developed Vetting (DV) "
        "before they take up post.\n"
        "To apply for this post you must hold Security Check (SC) clearance.\n"
        "You will be required to go through Baseline Personnel Security Standard (BPSS) checks, "
        "which include employment and right to work checks.")


def test_a_role_without_vetting_shows_none(tmp_path: Path) -> None:
    site = site_of(tmp_path, "terms")
    page = render_all(site)["roles/charity-support-worker/index.md"]
    assert "Vetting" not in page
    data = job_posting(site.vacancies["charity-support-worker-2027"])
    assert data is not None and "securityClearanceRequirement" not in data
    assert ("h3", "Vetting and security clearance") not in word_text(site, "charity-support-worker")
