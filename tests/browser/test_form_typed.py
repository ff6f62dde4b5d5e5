"""The application form keeps what a candidate types in the browser's own storage: it is still
there when the page is opened again, each role's form keeps its own, the button clears it, and
neither the button nor the note is printed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RECRUITING
from tests.support.browser import axe_violations, describe, require_axe

pytestmark = pytest.mark.browser

FIRST, SECOND = RECRUITING
FORM = "roles/{}/forms/application-form.html"
# Fields of every kind the form has (one-line boxes, boxes of several lines, a table's cell, a
# yes / no question), and what is typed or ticked in each.
TYPED = {"#full-name": "Ada O’Brien <b>&", "#address": "1 High Street\nDarlington",
         "textarea[name^=statement-] >> nth=0": "I ran the duty rota for two years.",
         "#qual-1-name": "BA (Hons)"}
TICKED = "#right-to-work-yes"
# The application form has no tick box or drop-down list; the script keeps those too, so the
# test gives the form one of each before the script starts (init scripts run first).
EXTRA_FIELDS = """document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("form");
  form.insertAdjacentHTML("beforeend",
    '<label for="x-tick">Extra tick</label><input type="checkbox" id="x-tick" name="x-tick">' +
    '<label for="x-pick">Extra list</label><select id="x-pick" name="x-pick">' +
    '<option value="">Choose</option><option value="b">B</option></select>');
});"""
BLOCKED = """Object.defineProperty(window, "localStorage", {get() {
  throw new DOMException("The user denied storage.", "SecurityError");
}});"""


def values(page: Any) -> dict[str, Any]:
    found = {selector: page.locator(selector).input_value() for selector in TYPED}
    return {**found, TICKED: page.locator(TICKED).is_checked(),
            "#x-tick": page.locator("#x-tick").is_checked(),
            "#x-pick": page.locator("#x-pick").input_value()}


EMPTY = {**dict.fromkeys(TYPED, ""), TICKED: False, "#x-tick": False, "#x-pick": ""}
FILLED = {**TYPED, TICKED: True, "#x-tick": True, "#x-pick": "b"}


def fill(page: Any) -> None:
    for selector, text in TYPED.items():
        page.locator(selector).fill(text)
    page.locator(TICKED).check()
    page.locator("#x-tick").check()
    page.locator("#x-pick").select_option("b")


def open_form(context: Any, url: str) -> Any:
    """A new page (a fresh load: nothing carried over by the browser's own form restoring)."""
    page = context.new_page()
    page.goto(url)
    return page


def test_what_is_typed_is_kept_per_role_until_cleared(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(EXTRA_FIELDS)
    first = f"{site_url}/{FORM.format(FIRST)}"
    page = open_form(context, first)
    assert values(page) == EMPTY
    fill(page)
    page.close()

    again = open_form(context, first)
    assert values(again) == FILLED
    other = open_form(context, f"{site_url}/{FORM.format(SECOND)}")
    assert values(other) == EMPTY  # the second role's form does not see the first's
    other.close()

    button = again.get_by_role("button", name="Clear what I have typed")
    again.once("dialog", lambda dialog: dialog.dismiss())  # "Cancel": nothing is cleared
    button.click()
    assert values(again) == FILLED
    again.once("dialog", lambda dialog: dialog.accept())
    button.click()
    status = again.get_by_role("status")
    assert "cleared" in status.inner_text()
    assert values(again) == EMPTY
    again.close()
    assert values(open_form(context, first)) == EMPTY
    context.close()


def test_a_form_saved_as_a_file_keeps_what_is_typed(browser: Any, built_site: Path,
                                                    tmp_path: Path) -> None:
    saved = tmp_path / "application-form.html"
    saved.write_bytes((built_site / FORM.format(FIRST)).read_bytes())
    context = browser.new_context()
    context.add_init_script(EXTRA_FIELDS)
    page = open_form(context, saved.as_uri())
    fill(page)
    page.close()
    assert values(open_form(context, saved.as_uri())) == FILLED
    context.close()


def test_blocked_storage_says_typing_is_not_kept(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    context.add_init_script(BLOCKED)
    page = open_form(context, f"{site_url}/{FORM.format(FIRST)}")
    note = page.locator("#typed-note")
    assert note.is_visible() and "lost" in note.inner_text()
    assert not page.get_by_role("button", name="Clear what I have typed").is_visible()
    page.locator("#full-name").fill("Typed all the same")  # no error stops the typing
    assert page.locator("#full-name").input_value() == "Typed all the same"
    context.close()


@pytest.mark.parametrize("media", ["screen", "print"])
def test_the_button_and_note_show_on_screen_only(browser: Any, site_url: str,
                                                 media: str) -> None:
    page = browser.new_page()
    page.emulate_media(media=media)
    page.goto(f"{site_url}/{FORM.format(FIRST)}")
    shown = {selector: page.locator(selector).is_visible()
             for selector in ("#typed", "#typed-note", "#typed-clear")}
    # The script has run (the box is no longer `hidden`): in print, the stylesheet hides it.
    ran = page.locator("#typed").evaluate("(box) => !box.hidden")
    page.close()
    assert ran
    assert shown == dict.fromkeys(shown, media == "screen")


def test_the_form_with_its_button_passes_axe(browser: Any, site_url: str) -> None:
    source = require_axe()
    page = browser.new_page()
    page.goto(f"{site_url}/{FORM.format(SECOND)}")
    page.locator("#full-name").fill("A Candidate")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Clear what I have typed").click()
    assert page.get_by_role("status").inner_text()  # the message is there to be announced
    violations = axe_violations(page, source)
    page.close()
    assert not violations, describe(violations)
