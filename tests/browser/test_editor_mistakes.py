"""Ten mistakes an HR officer makes, each put right from the editor's message alone (issue 27,
points 1 and 3), in Debian's Chromium.

Each mistake is made in the form, or in the file where the form cannot make it (a value the
form's lists do not offer, a line deleted). The message is then read from the page, under the
field it names; the test checks it names that field by its label and says what to write, does
what it says in that field, and sees the message go. The page never shows YAML, a file name, a
line number, a pattern or a flag. Each mistake's time, made to put right, is printed (`-s`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from generator.content.yamlload import load_file
from tests.support.editor_browser import assert_officer_words, open_editor, pick

pytestmark = pytest.mark.browser
ROLE = "recovery-navigator"
VACANCY = "da-sv-case-coordinator-2024"
TIMES: dict[str, float] = {}


@pytest.fixture
def page(browser: Any, editor: dict[str, Any]) -> Iterator[Any]:
    """A page on the editor; every record a mistake touches is put back afterwards."""
    files = [editor["content"] / "roles" / f"{ROLE}.yaml",
             editor["content"] / "roles" / "da-sv-case-coordinator.yaml",
             editor["content"] / "vacancies" / f"{VACANCY}.yaml"]
    before = {path: path.read_text(encoding="utf-8") for path in files}
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    open_editor(page, editor["url"])
    yield page
    context.close()
    for path, text in before.items():
        path.write_text(text, encoding="utf-8")


def record(page: Any, editor: dict[str, Any], collection: str, slug: str) -> None:
    page.goto(f"{editor['url']}/#/collections/{collection}/entries/{slug}")
    page.reload()  # a file just changed by hand is read again
    page.locator('[class*="ControlContainer"] label').first.wait_for()


def save(page: Any, refused: bool = False) -> None:
    """Save as the officer does; unless Decap's own checks refuse it, until it is saved."""
    page.get_by_text("Unsaved changes").wait_for()
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    if not refused:
        page.get_by_text("Changes saved").wait_for()


def by_hand(editor: dict[str, Any], folder: str, slug: str, old: str, new: str) -> None:
    """The mistake made in the file (one the form's lists cannot make)."""
    path = editor["content"] / folder / f"{slug}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def roleprint_says(page: Any, words: str) -> tuple[str, str]:
    """Roleprint's message under a field: the field's own label, and the message's text."""
    box = page.locator(".roleprint-field-problem", has_text=words).first
    box.wait_for()
    label = box.evaluate("""box => box.parentElement.closest('[class*="ControlContainer"]')
        .querySelector('label').textContent.replace(/\\s*\\(optional\\)\\s*$/, '')""")
    control = box.evaluate("""box => { const c = box.parentElement.closest(
        '[class*="ControlContainer"]').querySelector('[aria-describedby]');
        return c ? c.getAttribute('aria-describedby') : ''; }""")
    assert box.evaluate("b => b.id") in control.split()  # read out with the field
    assert_officer_words(page)
    return label, " ".join(box.inner_text().split())


def decap_says(page: Any, words: str) -> tuple[str, str]:
    """Decap's own message for a field (its checks before a save): the label and the text."""
    error = page.locator('[class*="ControlErrorsList"] li', has_text=words).first
    error.wait_for()
    label = error.evaluate("""e => e.closest('[class*="ControlContainer"]')
        .querySelector('label').textContent.replace(/\\s*\\(optional\\)\\s*$/, '')""")
    assert error.evaluate("e => getComputedStyle(e.parentElement).textTransform") == "none"
    assert_officer_words(page)
    return label, error.inner_text()


def gone(page: Any, words: str) -> None:
    page.locator(".roleprint-field-problem", has_text=words).first.wait_for(state="detached")
    assert_officer_words(page)


def named(label: str) -> re.Pattern[str]:
    """A field's accessible name: its label, and " (optional)" where Decap adds it."""
    return re.compile(rf"^{re.escape(label)}( \(optional\))?$")


def field(page: Any, label: str, role: str = "textbox", nth: int = 0) -> Any:
    return page.get_by_role(role, name=named(label)).nth(nth)


def write(box: Any, text: str) -> None:
    """Replace what a text box holds, as a person does: select it all, then type."""
    box.click()
    box.press("Control+a")
    box.press("Delete")
    box.press_sequentially(text)
    assert box.input_value() == text


def timed(name: str, steps: Callable[[], None]) -> None:
    start = time.monotonic()
    steps()
    TIMES[name] = time.monotonic() - start
    print(f"\n{name}: {TIMES[name]:.1f} s")


@pytest.mark.parametrize("written, right", [("March 2026", "2026-03"),
                                            ("15/01/2027", "2027-01-15")])
def test_a_date_written_in_words_or_the_uk_way(
        page: Any, editor: dict[str, Any], written: str, right: str) -> None:
    def steps() -> None:
        record(page, editor, "roles", ROLE)
        write(field(page, "Issued"), written)
        save(page, refused=True)
        label, said = decap_says(page, "not written as it should be")
        assert label == "Issued" and said.startswith("Issued is not written")
        example = re.search(r"year and month, such as (\d+-\d+)", said)
        assert example and "year, month and day with hyphens" in said
        write(field(page, label), right)  # as the message says: year and month, or the day too
        save(page)
        page.locator('[class*="ControlErrorsList"] li').first.wait_for(state="detached")
        page.get_by_text("Changes saved").wait_for()
        assert_officer_words(page)
    timed(f"A date written {written!r}", steps)


def test_a_required_field_left_empty(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        record(page, editor, "roles", ROLE)
        write(field(page, "Job title"), "")
        save(page, refused=True)
        label, said = decap_says(page, "cannot be left empty")
        assert said == "Fill in Job title: it cannot be left empty."
        toast = page.get_by_text("The record is not saved yet")
        toast.wait_for()
        assert "Oops" not in page.locator("body").inner_text()
        write(field(page, label), "Recovery Navigator")  # the record as it was: nothing to save
        page.locator('[class*="ControlErrorsList"] li').first.wait_for(state="detached")
        page.get_by_text("Changes saved").wait_for()
        assert_officer_words(page)
    timed("A required field (Job title) left empty", steps)


def test_a_criterion_neither_essential_nor_desirable(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        by_hand(editor, "roles", ROLE, "requirement: essential", "requirement: optional")
        record(page, editor, "roles", ROLE)
        label, said = roleprint_says(page, "not one of its choices")
        assert label == "Essential or desirable" and "“optional”" in said
        choice = re.search(r"Choose one of: (\w+)", said)
        assert choice
        pick(page, field(page, label, "combobox"), choice.group(1))
        save(page)
        gone(page, "not one of its choices")
    timed("A criterion neither essential nor desirable", steps)


def test_a_duplicate_criterion_id(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        record(page, editor, "roles", ROLE)
        second = field(page, "Criterion id", nth=1)
        write(second, field(page, "Criterion id").input_value())
        save(page)
        label, said = roleprint_says(page, "is used twice")
        assert label == "Criterion id" and "so that each is different" in said
        ids = page.get_by_role("textbox", name=named(label)).evaluate_all(
            "boxes => boxes.map(b => b.value)")
        free = next(f"E{n}" for n in range(len(ids) + 1, 200) if f"E{n}" not in ids)
        # One of them changed, so each is different again. (Not back to the id it had: Decap
        # 3.16.3 takes a record put back as it was opened for one with nothing to save.)
        write(field(page, label, nth=1), free)
        save(page)
        gone(page, "is used twice")
    timed("A duplicate criterion id", steps)


def test_a_closing_date_before_the_opening(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        record(page, editor, "vacancies", VACANCY)
        posted = page.locator("input[type=date]").first.input_value()
        closing = page.get_by_label(named("Closing date"))
        closing.fill("2024-05-01")
        save(page)
        label, said = roleprint_says(page, "before the date the vacancy was posted")
        assert label == "Closing date" and "to a day after Date posted" in said
        assert posted == "2024-06-03"
        page.get_by_label(named(label)).fill("2024-07-01")  # a day after it was posted
        save(page)
        gone(page, "before the date the vacancy was posted")
    timed("A closing date before the opening", steps)


def test_a_missing_organisation(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        by_hand(editor, "roles", ROLE, "organisation: second-step\n", "")
        # The problems bar names the record and the field, and opens the record.
        page.reload()
        bar = page.locator("#roleprint-problems")
        bar.get_by_text("Organisation is empty.").wait_for()
        assert "Recovery Navigator, Organisation" in bar.inner_text()
        assert_officer_words(page)
        bar.get_by_role("link", name="Recovery Navigator").click()
        label, said = roleprint_says(page, "Organisation is empty")
        assert (label, said) == ("Organisation", "Organisation is empty. Fill in Organisation.")
        pick(page, field(page, label, "combobox"), "Second Step")
        save(page)
        gone(page, "Organisation is empty")
    timed("A missing organisation", steps)


def test_a_vacancy_for_a_role_that_does_not_exist(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        by_hand(editor, "vacancies", VACANCY, "role: da-sv-case-coordinator",
                "role: da-sv-case-coordinater")
        record(page, editor, "vacancies", VACANCY)
        label, said = roleprint_says(page, "there is no role")
        named = re.search(r"Choose the role from the list under (\w+) \(perhaps “([^”]+)”\)", said)
        assert named and label == named.group(1) == "Role"
        pick(page, field(page, label, "combobox"), named.group(2))
        save(page)
        gone(page, "there is no role")
    timed("A vacancy for a role that does not exist", steps)


def test_a_competency_level_the_framework_does_not_have(
        page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        by_hand(editor, "roles", "da-sv-case-coordinator",
                "competency: achievement\n    level: 2", "competency: achievement\n    level: 9")
        record(page, editor, "roles", "da-sv-case-coordinator")
        label, said = roleprint_says(page, "has no level 9")
        levels = re.search(r"Its levels are: (\d+)", said)
        assert label == "Level expected" and levels
        box = page.locator(".roleprint-field-problem", has_text="has no level 9")
        level = box.locator("xpath=..").get_by_role("textbox")
        level.fill(levels.group(1))
        save(page)
        gone(page, "has no level 9")
    timed("A competency level the framework does not have", steps)


def test_criteria_with_no_assessment_method(page: Any, editor: dict[str, Any]) -> None:
    def steps() -> None:
        by_hand(editor, "roles", ROLE, "assessed_by: [application, interview]",
                "assessed_by: not stated")
        record(page, editor, "roles", ROLE)
        label, said = roleprint_says(page, "does not say how its criteria are assessed")
        assert label == "Assessed by (default)" and "Choose the methods under " + label in said
        methods = field(page, label, "combobox")
        methods.click()
        methods.press("Backspace")  # "Not stated" out
        pick(page, methods, "Interview")
        save(page)
        gone(page, "does not say how its criteria are assessed")
    timed("Criteria with no assessment method", steps)


def test_the_problems_bar_never_covers_a_field(browser: Any, editor: dict[str, Any]) -> None:
    """At 1400 × 1000 and 1024 × 768, the problems bar, open, and the Publish site box beside
    it lie below Decap's page."""
    for width, height in ((1400, 1000), (1024, 768)):
        page = browser.new_page(viewport={"width": width, "height": height})
        open_editor(page, editor["url"])
        page.goto(f"{editor['url']}/#/collections/roles/entries/{ROLE}")
        page.locator('[class*="ControlContainer"] label').first.wait_for()
        page.locator("#roleprint-problems details").evaluate("d => d.open = true")
        # The Publish site box shares the bar: neither it nor the problems lie over the page.
        page.wait_for_function("""() => {
            const bottom = document.getElementById('nc-root').getBoundingClientRect().bottom;
            return ['roleprint-problems', 'roleprint-publish'].every(id =>
                bottom <= document.getElementById(id).getBoundingClientRect().top + 0.5); }""")
        for part in ("#roleprint-problems", "#roleprint-publish"):
            box = page.locator(part).bounding_box()
            assert box["y"] + box["height"] <= height + 0.5 and box["y"] > height / 2, part
        page.close()


def test_a_method_that_does_not_exist(page: Any, editor: dict[str, Any]) -> None:
    """The form offers only the methods there are, so the typo is made in the file."""
    def steps() -> None:
        by_hand(editor, "roles", "da-sv-case-coordinator",
                "assessed_by: [application, interview]", "assessed_by: [application, interveiw]")
        record(page, editor, "roles", "da-sv-case-coordinator")
        label, said = roleprint_says(page, "is not an assessment method")
        instead = re.search(r"Choose “([^”]+)” instead", said)
        assert label == "Assessed by (default)" and "“interveiw”" in said and instead
        # The list shows only the methods there are: choosing the right one replaces the typo.
        pick(page, field(page, label, "combobox"), instead.group(1))
        save(page)
        gone(page, "is not an assessment method")
        doc, _ = load_file(editor["content"] / "roles" / "da-sv-case-coordinator.yaml", "saved")
        assert doc is not None
        assert doc.data["person_specification"]["assessed_by"] == ["application", "interview"]
    timed("A method that does not exist", steps)


def test_a_problem_the_form_has_no_field_for_is_at_the_top_of_the_form(
        page: Any, editor: dict[str, Any]) -> None:
    """A line the form does not show (a key mistyped in the file): the message stands at the
    top of the form, in words, not beside a field."""
    by_hand(editor, "roles", ROLE, "title: Recovery Navigator\n",
            "title: Recovery Navigator\ngradee: 5\n")
    record(page, editor, "roles", ROLE)
    top = page.locator("#roleprint-form-problems")
    top.get_by_text("This record holds an entry the form does not show.").wait_for()
    assert top.evaluate("t => t.parentElement.firstElementChild === t")
    assert_officer_words(page)
