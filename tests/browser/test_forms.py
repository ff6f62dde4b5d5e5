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
