"""Issue 27, point 4, in Debian's Chromium: "Publish site" builds the site from the editor,
showing its progress and its result; and a save with problems to fix is said to be so in the
preview pane, over the last good version, instead of "building" for ever.

`roleprint edit` runs as the officer runs it, on a copy of the shipped content; the site is
published into the fixture's own folder (the editor's default `site`, beside the content).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import axe_violations, describe, require_axe
from tests.support.editor_browser import (
    assert_officer_words,
    assert_officer_words_in,
    open_editor,
)
from tests.support.editor_http import tree_digest

pytestmark = pytest.mark.browser
# The whole editor page, and the preview pane's note, are checked for an officer's words at
# each step (`officer_words`).
ROLE = "recovery-navigator"
KEPT = "The site published before is still there, unchanged."


def officer_words(page: Any) -> None:
    """The editor's page (the publish box and the problems included), and the preview pane's
    note, say nothing in a programmer's words."""
    assert_officer_words(page)
    assert_officer_words_in(page.frame_locator("#preview-pane").get_by_role("status"))


def publish(page: Any) -> Any:
    """Press Publish site, see it under way, and return its status line once it has ended."""
    from playwright.sync_api import expect

    status = page.locator("#roleprint-publish-status")
    page.get_by_role("button", name="Publish site").click()
    expect(status).to_contain_text("Publishing the site: ")
    officer_words(page)
    expect(status).not_to_contain_text("Publishing the site: ")
    officer_words(page)
    return status


def test_publish_site_builds_the_site_and_says_so(browser: Any, editor: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    site = editor["content"].parent / "site"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    button = page.get_by_role("button", name="Publish site")
    expect(button).to_be_visible()
    officer_words(page)
    button.focus()  # the keyboard presses it as a click does
    page.keyboard.press("Enter")
    status = page.get_by_role("status").filter(has_text="Publishing the site: ")
    expect(status).to_be_visible()
    assert page.get_by_role("button", name="Publish site").get_attribute("aria-disabled") == "true"
    # A second press while it builds says so, and starts nothing.
    page.keyboard.press("Enter")
    expect(page.locator("#roleprint-publish-status")).to_contain_text(
        "The site is already being published")
    officer_words(page)
    done = page.locator("#roleprint-publish-status")
    expect(done).to_contain_text("The site is published: ")
    officer_words(page)
    assert (site / "index.html").is_file() and (site / "roles" / ROLE / "index.html").is_file()
    pages = sum(1 for _ in site.rglob("*.html"))
    expect(done).to_have_text(f"The site is published: {pages} pages.")
    assert button.get_attribute("aria-disabled") is None
    ours = [v for v in axe_violations(page, require_axe())
            if any("#roleprint-publish" in " ".join(map(str, n["target"])) for n in v["nodes"])]
    assert not ours, describe(ours)


def test_a_save_with_problems_keeps_the_last_good_version_and_says_so(
        browser: Any, editor: dict[str, Any]) -> None:
    from playwright.sync_api import expect

    saved = editor["content"] / "roles" / f"{ROLE}.yaml"
    before = saved.read_bytes()
    site = editor["content"].parent / "site"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    if not site.is_dir():  # run alone: publish a good site first
        expect(publish(page)).to_contain_text("The site is published: ")
    published = tree_digest(site)
    page.goto(f"{editor['url']}/#/collections/roles/entries/{ROLE}")
    pane = page.frame_locator("#preview-pane")
    pane.locator(f'iframe[src="{editor["preview"]}/roles/{ROLE}/"]').wait_for()
    officer_words(page)

    ids = page.get_by_role("textbox", name="Criterion id")
    second = ids.nth(1).input_value()
    ids.nth(1).fill(ids.nth(0).input_value())  # two criteria with one id: a problem to fix
    try:
        save(page)
        pane.get_by_text("Your changes are saved, but the records have problems to fix, so "
                         "the live preview and the site still show the last good version of "
                         "this page (below).").wait_for()
        # The last good version is still shown beneath.
        expect(pane.locator("iframe")).to_have_count(1)
        officer_words(page)
        expect(page.locator("#roleprint-problems-summary")).to_contain_text("1 problem to fix")

        # Publishing now is refused with the reason, and the site stays as it was.
        status = publish(page)
        expect(status).to_contain_text("The site was not published: the records have 1 "
                                       "problem to fix")
        expect(status).to_contain_text(KEPT)
        expect(page.locator("#roleprint-publish-problems li")).to_have_count(1)
        # In the editor's words: the record and field by name, never the file or its line.
        expect(page.locator("#roleprint-publish-problems li")).to_contain_text(
            "Recovery Navigator")
        officer_words(page)
        assert tree_digest(site) == published

        # Put right and saved, the page is shown with no note over it.
        ids.nth(1).fill(second)
        save(page)
        expect(page.locator("#roleprint-problems-summary")).to_contain_text("No problems")
        expect(pane.get_by_role("status")).to_have_count(0)
        expect(pane.locator("iframe")).to_have_count(1)
        officer_words(page)
    finally:
        if saved.read_bytes() != before:  # the module's other tests share this content
            saved.write_bytes(before)
    assert saved.read_bytes() == before


def save(page: Any) -> None:
    """Decap's own Publish, which saves the record (into its file and the live preview)."""
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
