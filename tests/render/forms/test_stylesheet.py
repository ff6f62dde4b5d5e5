"""The forms link one shared stylesheet (the site's assets/forms.css, or forms.css in a pack)
instead of each carrying all of it; WeasyPrint still gets it whole, so the PDFs are unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build
from generator.core.settings import Settings
from generator.render.forms import stylesheet
from generator.render.forms.build import write_all_forms
from generator.render.forms.pdfbatch import PdfJob, pdf_key, render_pdfs
from generator.render.forms.render import form_pages
from generator.render.pack import write_pack
from generator.scoring.campaign import campaign
from tests.support.forms import hand_site

# Everything a form page carries before its body: the base styles, the link, the print header.
HEAD_MAX = 2_500


def test_site_forms_link_the_sites_one_stylesheet(tmp_path: Path) -> None:
    site = hand_site()
    forms = write_all_forms(site, tmp_path / "docs")
    whole = stylesheet.STYLESHEET.read_text(encoding="utf-8")
    assert len(forms) >= 5 and len(whole) > 3 * HEAD_MAX
    for form in forms:
        html = form.read_text(encoding="utf-8")
        head = html[:html.index("<body")]
        assert len(head) <= HEAD_MAX, form.name
        assert "@bottom-right" not in html and "table.rowgrid" not in html, form.name
        assert f'<link rel="stylesheet" href="{stylesheet.SITE_HREF}">' in head, form.name
        # The link leads to the copy the site writes with its own assets.
        target = (form.parent / stylesheet.SITE_HREF).resolve()
        assert target == (tmp_path / "docs" / stylesheet.SITE_PATH).resolve()
    # The one build writes that copy into the staging tree, with the site's assets.
    built = build(site, tmp_path / "out", Settings(pdf=False), engine=False)
    copy = built.staging / "docs" / stylesheet.SITE_PATH
    assert copy.read_bytes() == stylesheet.STYLESHEET.read_bytes()


def test_a_pack_holds_its_stylesheet(tmp_path: Path) -> None:
    site = hand_site()
    vacancy = site.vacancies["test-vacancy"]
    written = write_pack(campaign(site, vacancy.role, vacancy=vacancy, questions=True), tmp_path,
                         pdf=False)
    assert tmp_path / "forms.css" in written
    assert (tmp_path / "forms.css").read_bytes() == stylesheet.STYLESHEET.read_bytes()
    for form in tmp_path.glob("*.html"):
        head = form.read_text(encoding="utf-8").split("<body", 1)[0]
        assert '<link rel="stylesheet" href="forms.css">' in head and len(head) <= HEAD_MAX


def test_weasyprint_is_given_the_page_with_the_whole_stylesheet_inlined() -> None:
    site = hand_site()
    settings = campaign(site, site.roles["test-role"])
    whole = dict(form_pages(settings))
    for href in (stylesheet.SITE_HREF, stylesheet.NAME):
        for stem, html in form_pages(settings, href):
            assert stylesheet.inline(html) == whole[stem], (href, stem)
    assert stylesheet.inline(whole["moderation"]) == whole["moderation"]


def test_the_inline_base_is_small_and_holds_what_a_page_alone_needs() -> None:
    base = stylesheet.base()
    assert len(base) < 1_000 and "/*" not in base
    for rule in ("size: A4", ".vh", "border-collapse: collapse", "textarea"):
        assert rule in base


def test_the_pdf_cache_key_changes_with_the_stylesheet(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    site = hand_site()
    settings = campaign(site, site.roles["test-role"])
    linked = dict(form_pages(settings, stylesheet.SITE_HREF))["shortlisting"]
    inline_page = dict(form_pages(settings))["shortlisting"]
    # The site's form and the same page inlined make the same PDF, so they share its entry.
    assert pdf_key("v", "now", linked) == pdf_key("v", "now", inline_page)
    copy = tmp_path / "forms.css"
    copy.write_bytes(stylesheet.STYLESHEET.read_bytes())
    monkeypatch.setattr(stylesheet, "STYLESHEET", copy)
    stylesheet.stylesheet.cache_clear()
    try:
        before = pdf_key("v", "now", linked)
        copy.write_text(copy.read_text(encoding="utf-8") + "\nh1 { color: #000; }\n",
                        encoding="utf-8")
        stylesheet.stylesheet.cache_clear()
        assert pdf_key("v", "now", linked) != before
    finally:
        stylesheet.stylesheet.cache_clear()


@pytest.mark.pdf
def test_a_linked_form_makes_the_pdf_its_whole_page_makes(tmp_path: Path) -> None:
    from generator.core.cache import Cache
    from generator.render.forms.pdf import pdf_bytes

    site = hand_site()
    settings = campaign(site, site.roles["test-role"])
    linked = dict(form_pages(settings, stylesheet.SITE_HREF))["shortlisting"]
    source = tmp_path / "shortlisting.html"
    source.write_text(linked, encoding="utf-8")
    render_pdfs([PdfJob(source, source.with_suffix(".pdf"))], cache=Cache("pdf", tmp_path / "c"))
    whole = dict(form_pages(settings))["shortlisting"]
    assert source.with_suffix(".pdf").read_bytes() == pdf_bytes(whole)
