"""An HR officer's tasks in the browser editor, end to end in Chromium (issue 27, point 1).

Done as a new officer would, following only docs/editor.md: every step is a click, a pick from
a list, a day given to the browser's date box or words typed into a labelled box; after each
one the editor's page is checked to show no YAML, file name, line number, pattern or flag. The
time each task takes in the test (its steps, the save, the check and the preview's rebuild, not
the test's own checks) is measured and written beside the test's files, and printed:
docs/editor.md's table "What an officer does, and how long it takes" gives them.
"""

from __future__ import annotations

import datetime
import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from generator.cli import run
from generator.content.yamlload import load_file
from tests.support.editor_browser import answer, assert_officer_words, open_editor, pick
from tests.support.waiting import until

pytestmark = pytest.mark.browser
TITLE = "Peer Mentor"
ROLE = "peer-mentor"
PURPOSE = "To support people in recovery through shared experience."
CRITERIA = [  # id, text, essential or desirable, assessed by
    ("E1", "Lived experience of recovery from substance misuse", "essential", "Application"),
    ("E2", "Good listening skills", "essential", "Interview"),
    ("D1", "A peer mentoring qualification", "desirable", "Certificates"),
    ("D2", "Experience of running groups", "desirable", "Interview"),
]


class Officer:
    """An officer at the editor. Each click, pick from a list, date or box filled in is one
    step of the task in hand; each task's steps and time (from its first step until the
    officer sees the result) are kept, in the order the tasks were done."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.steps, self.checking = 0, 0.0
        self.done: list[dict[str, Any]] = []

    @contextmanager
    def task(self, name: str) -> Iterator[None]:
        """A task, timed without the test's own checks after each step."""
        self.steps, self.checking, start = 0, 0.0, time.monotonic()
        yield
        self.done.append({"task": name, "steps": self.steps,
                          "seconds": round(time.monotonic() - start - self.checking, 1)})

    def step(self) -> None:
        """One step done: the editor's page shows no programmer's words after it."""
        self.steps += 1
        start = time.monotonic()
        assert_officer_words(self.page)
        self.checking += time.monotonic() - start

    def click(self, control: Any) -> None:
        control.click()
        self.step()

    def fill(self, box: Any, text: str) -> None:
        """Type into a box, or give a date box its day (the browser's own date field)."""
        box.fill(text)
        self.step()

    def pick(self, combobox: Any, text: str) -> None:
        pick(self.page, combobox, text)
        self.step()

    def publish(self) -> None:
        """Save as docs/editor.md says: Publish, then Publish now; done once the header says
        the changes are saved."""
        self.click(self.page.get_by_role("button", name="Publish", exact=True))
        self.click(self.page.get_by_text("Publish now"))
        self.page.locator('[class*="BackStatus"]').get_by_text("Changes saved").wait_for()

    def go_to(self, collection: str) -> None:
        """The list of a collection: from a record, the arrow at the top left leads back to
        its list; the other collections are named on the left."""
        back = self.page.get_by_role("link", name=re.compile(r"^← Writing in .* collection"))
        came_from = back.inner_text() if back.count() else ""
        if came_from:
            self.click(back)
        if f"in {collection} collection" not in came_from:
            self.click(self.page.get_by_role("complementary").get_by_role("link", name=collection))
        self.page.get_by_role("heading", name=collection, level=1).wait_for()


def no_problems(page: Any) -> None:
    page.locator("#roleprint-problems").get_by_text("No problems").wait_for()
    assert_officer_words(page)


def in_preview(page: Any, editor: dict[str, Any], path: str, *words: str) -> Any:
    """The published page at `path` as the preview beside the form shows it, once it holds
    `words`."""
    url = f"{editor['preview']}/{path}"
    for word in words:
        answer(url, contains=word)
    frame = page.frame_locator("iframe").last.frame_locator(f'iframe[src="{url}"]')
    for word in words:
        frame.get_by_text(word).first.wait_for()
    return frame


def vacancy_file(content: Path) -> Path | None:
    """The new vacancy's file, once the server has renamed it into place."""
    found = list((content / "vacancies").glob(f"{ROLE}-*.yaml"))
    return found[0] if len(found) == 1 else None


def checked(content: Path) -> None:
    """What the editor wrote is laid out as `roleprint format` lays it out, and valid."""
    assert run(["format", "--check", "--content", str(content)]) == 0
    assert run(["validate", "--content", str(content)]) == 0


def test_an_officer_creates_a_role_and_opens_edits_closes_and_reopens_its_vacancy(
        browser: Any, editor: dict[str, Any], tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    officer = Officer(page)
    today = datetime.date.today()
    closing = today + datetime.timedelta(days=30)
    open_editor(page, editor["url"])
    assert_officer_words(page)

    with officer.task("Create a role with a person specification (four criteria)"):
        officer.go_to("Role profiles")
        officer.click(page.get_by_role("main").get_by_text("＋ Role profile"))
        officer.fill(page.get_by_role("textbox", name="Job title"), TITLE)
        officer.pick(page.get_by_role("combobox", name="Organisation"), "Second Step")
        officer.fill(page.get_by_role("textbox", name="Purpose").first, PURPOSE)
        for index, (number, text, requirement, method) in enumerate(CRITERIA):
            officer.click(page.get_by_role("button", name="Add criteria"))
            box = page.get_by_role("textbox", name="Criterion id").nth(index)
            officer.fill(box, number)
            form = box.locator("xpath=ancestor::div[.//textarea][1]")
            officer.fill(form.get_by_role("textbox", name="Text"), text)
            officer.pick(form.get_by_role("combobox", name="Essential or desirable"), requirement)
            officer.pick(form.get_by_role("combobox", name="Assessed by"), method)
        assert_officer_words(page)
        officer.publish()
        page.wait_for_url(f"**/entries/{ROLE}")
        no_problems(page)
        in_preview(page, editor, f"roles/{ROLE}/", TITLE, *(c[1] for c in CRITERIA))
    assert_officer_words(page)
    role, problems = load_file(editor["content"] / "roles" / f"{ROLE}.yaml", "saved")
    assert role is not None and not problems
    assert [(c["id"], c["requirement"], c["assessed_by"])
            for c in role.data["person_specification"]["criteria"]] == [
        (c[0], c[2], [c[3].lower()]) for c in CRITERIA]
    checked(editor["content"])

    with officer.task("Open a vacancy for it"):
        officer.go_to("Vacancies")
        officer.click(page.get_by_role("main").get_by_text("＋ Vacancy"))
        officer.pick(page.get_by_role("combobox", name="Role"), TITLE)
        officer.pick(page.get_by_role("combobox", name="Status"), "open")
        officer.fill(page.get_by_role("textbox", name="Reference"), "SS-PM-01")
        officer.fill(page.get_by_label("Date posted"), today.isoformat())
        officer.fill(page.get_by_label("Closing date"), closing.isoformat())
        officer.click(page.get_by_role("button", name="Add locations"))
        officer.fill(page.get_by_role("textbox", name="Locations").last, "Bristol")
        officer.fill(page.get_by_role("textbox", name="Country"), "GB")
        assert_officer_words(page)
        # What a screen reader says is the officer's words too: Decap named a date's "Now"
        # button by the field's name in the file ("Set closing_date to now").
        page.get_by_role("button", name="Now (today's date)").first.wait_for()
        names = page.eval_on_selector_all(
            "[aria-label]", "found => found.map(e => e.getAttribute('aria-label'))")
        assert not [n for n in names if re.search(r"\b[a-z]+_[a-z_]+\b", n)], names
        officer.publish()
        no_problems(page)
        found = until(lambda: vacancy_file(editor["content"]), "the vacancy was not written")
        assert found is not None
        saved = found
        in_preview(page, editor, f"vacancies/{saved.stem}/", TITLE, "Open for applications")
    assert_officer_words(page)
    assert re.fullmatch(rf"{ROLE}-20\d\d\.yaml", saved.name)
    vacancy, problems = load_file(saved, "saved")
    assert vacancy is not None and not problems
    assert (vacancy.data["role"], vacancy.data["status"], vacancy.data["closing_date"]) == (
        ROLE, "open", closing.isoformat())
    checked(editor["content"])

    later = closing + datetime.timedelta(days=14)
    with officer.task("Edit it: a later closing date"):
        officer.go_to("Vacancies")
        officer.click(page.get_by_text(f"{ROLE} SS-PM-01 (open)"))
        officer.fill(page.get_by_label("Closing date"), later.isoformat())
        officer.publish()
        no_problems(page)
        until(lambda: f'"{later.isoformat()}"' in saved.read_text(encoding="utf-8"),
              "the new closing date was not written")
    assert_officer_words(page)
    checked(editor["content"])

    with officer.task("Close it"):
        officer.go_to("Vacancies")
        officer.click(page.get_by_text(f"{ROLE} SS-PM-01 (open)"))
        officer.pick(page.get_by_role("combobox", name="Status"), "closed")
        officer.publish()
        no_problems(page)
        in_preview(page, editor, f"vacancies/{saved.stem}/", "This vacancy is closed")
    assert_officer_words(page)
    checked(editor["content"])

    reopened = later + datetime.timedelta(days=14)
    with officer.task("Reopen it, with a new closing date"):
        officer.go_to("Vacancies")
        officer.click(page.get_by_text(f"{ROLE} SS-PM-01 (closed)"))  # the list says so
        officer.pick(page.get_by_role("combobox", name="Status"), "open")
        officer.fill(page.get_by_label("Closing date"), reopened.isoformat())
        officer.publish()
        no_problems(page)
        frame = in_preview(page, editor, f"vacancies/{saved.stem}/", "Open for applications")
        assert frame.get_by_text("This vacancy is closed").count() == 0
    assert_officer_words(page)
    vacancy, _ = load_file(saved, "saved")
    assert vacancy is not None
    assert (vacancy.data["status"], vacancy.data["closing_date"]) == ("open", reopened.isoformat())
    checked(editor["content"])

    figures = tmp_path / "officer-tasks.json"
    figures.write_text(json.dumps(officer.done, indent=2), encoding="utf-8")
    print(f"\nThe officer's tasks, as timed in this run ({figures}):")
    for done in officer.done:
        print(f"| {done['task']} | {done['steps']} | {done['seconds']:.0f} s |")
    context.close()
