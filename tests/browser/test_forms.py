"""The print forms in Chromium: printed on A4 nothing is wider than the page, and on a phone
nothing scrolls sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

ROLE = "supervised-contact-co-ordinator"
FORMS = ["application-form", "equality-monitoring", "shortlisting", "interview", "moderation"]
# A4 is 210 mm wide: 794 CSS px at 96 px to the inch.
A4_WIDTH = 794

WIDEST = """() => {
  let widest = 0, culprit = "";
  for (const el of document.querySelectorAll("body *")) {
    const right = el.getBoundingClientRect().right;
    if (right > widest) { widest = right; culprit = el.tagName + "." + el.className; }
  }
  return [Math.ceil(widest), culprit];
}"""


@pytest.mark.parametrize("form", FORMS)
def test_printed_form_fits_the_page(browser: Any, site_url: str, form: str) -> None:
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123})
    page = context.new_page()
    page.emulate_media(media="print")
    page.goto(f"{site_url}/roles/{ROLE}/forms/{form}.html")
    widest, culprit = page.evaluate(WIDEST)
    overflow = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert widest <= A4_WIDTH, culprit
    assert overflow <= A4_WIDTH


@pytest.mark.parametrize("form", FORMS)
def test_form_on_a_phone_does_not_scroll_sideways(browser: Any, site_url: str, form: str) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{site_url}/roles/{ROLE}/forms/{form}.html")
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320


def test_forms_command_writes_a_campaign_pack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from generator.cli import run
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    out = tmp_path / "pack"
    status = run(["forms", "supervised-contact-co-ordinator-2027", "--candidates", "8",
                  "--panel", "Asha Patel", "Tom Reid", "--out", str(out), "--no-pdf"])
    assert status == 0
    names = sorted(p.name for p in out.rglob("*.html"))
    assert "interview-panel-1.html" in names and "interview-panel-2.html" in names
    shortlisting = next(out.rglob("shortlisting.html")).read_text(encoding="utf-8")
    assert "C8" in shortlisting and "Asha Patel" not in shortlisting
    assert run(["forms", "no-such-role", "--out", str(out)]) == 2


# Rules only the shared stylesheet has (not the small base each page carries): the bold name of
# the organisation and the shaded table heads; and two the base has too.
STYLED = """() => {
  const org = getComputedStyle(document.querySelector(".org"));
  const head = getComputedStyle(document.querySelector("thead th"));
  const hidden = getComputedStyle(document.querySelector(".vh"));
  const table = getComputedStyle(document.querySelector("table"));
  return {bold: org.fontWeight,
          shaded: head.backgroundColor, hidden: hidden.position + " " + hidden.width,
          ruled: table.borderCollapse};
}"""
SHARED = {"bold": "700", "shaded": "rgb(230, 230, 230)"}
BASE = {"hidden": "absolute 1px", "ruled": "collapse"}


def styles_from_file(browser: Any, form: Path, *, media: str = "screen") -> dict[str, str]:
    """The styles a form gets opened from its file (file://), as a saved page is opened."""
    context = browser.new_context(viewport={"width": A4_WIDTH, "height": 1123})
    page = context.new_page()
    page.emulate_media(media=media)
    page.goto(form.as_uri())
    page.wait_for_load_state("load")  # the linked stylesheet, when there is one, has loaded
    found: dict[str, str] = page.evaluate(STYLED)
    widest, _ = page.evaluate(WIDEST)
    context.close()
    return {**found, "fits": str(widest <= A4_WIDTH)}


def test_a_site_form_opened_from_its_file_gets_the_shared_stylesheet(browser: Any,
                                                                     built_site: Path) -> None:
    form = built_site / "roles" / ROLE / "forms" / "shortlisting.html"
    assert 'href="../../../assets/forms.css"' in form.read_text(encoding="utf-8")
    assert styles_from_file(browser, form) == {**SHARED, **BASE, "fits": "True"}


def test_a_pack_opened_from_its_folder_gets_its_stylesheet(browser: Any, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.cli import run
    from tests.conftest import ROOT

    monkeypatch.chdir(ROOT)
    out = tmp_path / "pack"
    assert run(["forms", "supervised-contact-co-ordinator-2027", "--out", str(out),
                "--no-pdf"]) == 0
    assert 'href="forms.css"' in (out / "shortlisting.html").read_text(encoding="utf-8")
    assert styles_from_file(browser, out / "shortlisting.html") == {**SHARED, **BASE,
                                                                    "fits": "True"}


def test_a_form_saved_on_its_own_stays_readable_and_prints_on_a4(browser: Any, tmp_path: Path,
                                                                 built_site: Path) -> None:
    alone = tmp_path / "saved" / "shortlisting.html"
    alone.parent.mkdir()
    alone.write_bytes((built_site / "roles" / ROLE / "forms" / "shortlisting.html").read_bytes())
    found = styles_from_file(browser, alone, media="print")
    assert found["bold"] != SHARED["bold"]  # the stylesheet is not there …
    assert {k: found[k] for k in (*BASE, "fits")} == {**BASE, "fits": "True"}  # … the base is
