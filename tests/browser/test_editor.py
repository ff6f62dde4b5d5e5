"""The editor in Debian's Chromium: an HR officer's whole round, from a blank form to the page.

`roleprint edit` runs as the officer runs it (a child process, editor and live preview on
127.0.0.1), on a copy of the shipped content.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.cli import run
from generator.content.yamlload import load_file
from tests.conftest import CAMPAIGNS, CONTENT, QUESTIONS, ROOT
from tests.support.browser import axe_violations, describe, require_axe, settle
from tests.support.editor_browser import answer, open_editor, pick
from tests.support.waiting import LIMIT, until

pytestmark = pytest.mark.browser
TITLE = "Community Support Worker"
SLUG = "community-support-worker"


def criterion(page: Any, index: int) -> Any:
    """The form of the index-th criterion: the list item holding its id box."""
    box = page.get_by_role("textbox", name="Criterion id").nth(index)
    return box.locator("xpath=ancestor::div[.//textarea][1]")


def test_create_edit_delete_pick_save_validate_preview(
        browser: Any, editor: dict[str, Any]) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/roles/new")
    page.get_by_role("textbox", name="Job title").fill(TITLE)
    pick(page, page.get_by_role("combobox", name="Organisation"), "Second Step")

    add = page.get_by_role("button", name="Add criteria")
    for _ in range(3):
        add.click()
    words = ["Experience of support work", "A full driving licence", "Knowledge of housing law"]
    for index, text in enumerate(words):
        form = criterion(page, index)
        page.get_by_role("textbox", name="Criterion id").nth(index).fill(f"E{index + 1}")
        form.get_by_role("textbox", name="Text").fill(text)
        pick(page, form.get_by_role("combobox", name="Essential or desirable"), "essential")
    # edit the first, delete the second
    first = criterion(page, 0).get_by_role("textbox", name="Text")
    first.fill("Experience of community support work")
    # The item's own remove button (named by roleprint-editor.js: Decap leaves it unnamed).
    box = page.get_by_role("textbox", name="Criterion id").nth(1)
    item = box.locator("xpath=ancestor::*[.//button[@aria-label='Remove this item']][1]")
    item.get_by_role("button", name="Remove this item").first.click()
    assert page.get_by_role("textbox", name="Criterion id").count() == 2

    page.get_by_role("button", name="Add competencies").click()
    pick(page, page.get_by_role("combobox", name="Framework"), "Second Step")
    pick(page, page.get_by_role("combobox", name="Competency"), "Achieving Results")
    page.get_by_role("textbox", name="Level expected").fill("3")  # a number or a name

    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    try:
        page.wait_for_url(f"**/entries/{SLUG}")
    except Exception:  # keep what the officer would have seen, for whoever reads the failure
        page.screenshot(path=str(editor["content"].parent / "unsaved.png"), full_page=True)
        raise

    saved = editor["content"] / "roles" / f"{SLUG}.yaml"
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")
    doc, problems = load_file(saved, "saved")
    assert doc is not None and not problems
    assert doc.data["title"] == TITLE and doc.data["organisation"] == "second-step"
    criteria = doc.data["person_specification"]["criteria"]
    assert [(c["id"], c["text"], c["requirement"]) for c in criteria] == [
        ("E1", "Experience of community support work", "essential"),
        ("E3", "Knowledge of housing law", "essential")]
    assert doc.data["competencies"] == [
        {"framework": "second-step-competencies", "competency": "achieving-results", "level": 3}]
    # Only Roleprint knows a criterion needs an assessment method: the panel says so.
    panel = page.locator("#roleprint-problems")
    panel.get_by_text("does not say how it is assessed").first.wait_for()
    assert "2 problems to fix" in panel.inner_text()
    assert run(["validate", "--content", str(editor["content"])]) == 1

    # Issue 27, point 3: the methods are chosen by name from those there are; a typo finds none.
    methods = page.get_by_role("combobox", name="Assessed by (default)")
    methods.click()
    methods.fill("interveiw")
    page.get_by_text("No options").wait_for()
    methods.fill("")
    for method in ["Application", "Interview"]:
        pick(page, methods, method)
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    panel.get_by_text("No problems").wait_for()
    assert run(["validate", "--content", str(editor["content"])]) == 0
    doc, _ = load_file(saved, "saved")
    assert doc is not None
    assert doc.data["person_specification"]["assessed_by"] == ["application", "interview"]

    page_url = f"{editor['preview']}/roles/{SLUG}/"
    body = answer(page_url, contains="Knowledge of housing law")
    assert "Experience of community support work" in body
    frame = page.frame_locator("iframe").last.frame_locator(f'iframe[src="{page_url}"]')
    frame.get_by_role("heading", name=TITLE).first.wait_for()
    assert not outside, f"the editor loaded files from outside Roleprint: {outside}"


def test_the_local_editor_opens_straight_in_offers_no_media_and_a_blank_form_is_unsaved(
        browser: Any, editor: dict[str, Any]) -> None:
    """Issue 27, point 6: no Decap login screen (the local editor has no login), no Media tab
    (uploads are refused), and a new record's blank form does not say "Changes saved"."""
    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(editor["url"] + "/")
    page.get_by_text("Recovery Navigator").first.wait_for()  # the roles, with no Login pressed
    expect(page.get_by_role("button", name="Login")).to_have_count(0)
    expect(page.get_by_role("button", name="Quick add")).to_be_visible()  # the header is drawn
    expect(page.get_by_role("button", name="Media")).to_have_count(0)
    expect(page.get_by_role("button", name="Account")).to_have_count(0)  # only "Log out" in it

    badge = page.locator('[class*="BackStatus"]')
    page.goto(editor["url"] + "/#/collections/roles/entries/recovery-navigator")
    page.get_by_role("textbox", name="Team").wait_for()
    expect(badge).to_have_text("Changes saved", ignore_case=True)  # Decap's words for a record
    page.goto(editor["url"] + "/#/collections/roles/new")
    title = page.get_by_role("textbox", name="Job title")
    expect(title).to_have_value("")
    expect(badge).to_have_text("Not saved yet")
    title.fill(TITLE)
    expect(badge).to_have_text("Unsaved changes", ignore_case=True)


def test_an_edit_in_the_browser_changes_one_line_of_the_file(
        browser: Any, editor: dict[str, Any]) -> None:
    """Decap's real save of a shipped role: comments, quoting, order and layout all stay."""
    path = editor["content"] / "roles" / "recovery-navigator.yaml"
    before = path.read_text(encoding="utf-8").splitlines()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/roles/entries/recovery-navigator")
    team = page.get_by_role("textbox", name="Team")
    team.fill("Forensic Team")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    until(lambda: path.read_text(encoding="utf-8").splitlines() != before,
          "the save did not reach the file")
    after = path.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("team: Specialist Community Forensic Team", "team: Forensic Team")]


def test_a_save_over_someone_elses_change_is_refused_in_the_browser(
        browser: Any, editor: dict[str, Any]) -> None:
    """Issue 23, point 4: the page sends back the version it opened (roleprint-editor.js), so
    a record changed by someone else meanwhile is not overwritten, and the officer is told."""
    path = editor["content"] / "roles" / "supervised-contact-co-ordinator.yaml"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/roles/entries/supervised-contact-co-ordinator")
    team = page.get_by_role("textbox", name="Team")
    team.wait_for(timeout=30_000)
    theirs = path.read_text(encoding="utf-8") + "# changed by someone else\n"
    path.write_text(theirs, encoding="utf-8")
    team.fill("My Team")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Someone else changed this record since you opened it").first.wait_for(
        timeout=30_000)
    assert path.read_text(encoding="utf-8") == theirs


def test_a_map_of_weights_is_edited_as_key_and_value_pairs(
        browser: Any, editor: dict[str, Any]) -> None:
    """A vacancy's weights by stage (criterion id -> weight, a map in the file) are pairs in the
    form; what is added there is written back as the map, and the rest of the file stays."""
    path = editor["content"] / "vacancies" / "da-sv-case-coordinator-2024.yaml"
    before = path.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/vacancies/entries/da-sv-case-coordinator-2024")
    add = page.get_by_role("button", name="Add shortlisting weights")
    for index, (key, weight) in enumerate([("E1", "2"), ("D1", "1")]):
        add.click()
        page.get_by_role("textbox", name="Id", exact=True).nth(index).fill(key)
        page.get_by_role("spinbutton", name="Value", exact=True).nth(index).fill(weight)
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    until(lambda: path.read_text(encoding="utf-8") != before, "the save did not reach the file")
    doc, problems = load_file(path, "saved")
    assert doc is not None and not problems
    assert doc.data["weights"] == {"shortlisting": {"E1": 2, "D1": 1}}
    after = path.read_text(encoding="utf-8")
    assert "weights:\n  shortlisting:\n    E1: 2\n    D1: 1\n" in after
    assert after.replace("weights:\n  shortlisting:\n    E1: 2\n    D1: 1\n", "") == before
    # The scale this vacancy shortlists on takes no weights: only Roleprint can tell, and the
    # officer is told so in the editor, at the weight's own line in the file.
    panel = page.locator("#roleprint-problems")
    panel.get_by_text("has the weight 2, but the shortlisting scale").first.wait_for()
    assert run(["validate", "--content", str(editor["content"])]) == 1
    path.write_text(before, encoding="utf-8")


def test_a_closing_date_is_picked_from_a_calendar_and_saved_as_iso(
        browser: Any, editor: dict[str, Any]) -> None:
    """Issue 27, point 2: a vacancy's closing date is the browser's own date picker (shown in
    the order of a British officer's browser), holding the file's date, and the day picked is
    written back as YYYY-MM-DD, that one line of the file changing."""
    path = editor["content"] / "vacancies" / "da-sv-case-coordinator-2024.yaml"
    before = path.read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-GB")
    page = context.new_page()
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/vacancies/entries/da-sv-case-coordinator-2024")
    closing = page.get_by_label("Closing date")
    closing.wait_for()
    assert closing.get_attribute("type") == "date"
    assert closing.input_value() == "2024-06-30"
    closing.fill("2024-07-05")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    until(lambda: path.read_text(encoding="utf-8") != before, "the save did not reach the file")
    # Text, as the loader reads it (quoted, as `roleprint format` writes a new date-like text,
    # so that no other YAML reader takes it for a date object), the rest of the file as it was.
    after = path.read_text(encoding="utf-8")
    assert after == before.replace("closing_date: 2024-06-30", 'closing_date: "2024-07-05"')
    doc, problems = load_file(path, "saved")
    assert doc is not None and not problems and doc.data["closing_date"] == "2024-07-05"
    assert run(["format", "--check", "--content", str(editor["content"])]) == 0
    context.close()
    path.write_text(before, encoding="utf-8")


def test_vacancies_are_listed_and_a_new_one_saves_without_a_title(
        browser: Any, editor: dict[str, Any]) -> None:
    """Issue 27, point 1: the shipped vacancies (which have no title of their own: it is their
    role's) are in the Vacancies list, and a new vacancy saves with its role and status alone,
    into a file named by the role and the year, as the shipped ones are."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/vacancies")
    for shown in ("da-sv-case-coordinator FL-CC-2024-07 (closed)",
                  "supervised-contact-co-ordinator DBC-PG-0412 (open)"):
        page.get_by_text(shown).wait_for()
    def saved() -> set[Path]:
        # The server writes a hidden temporary file and renames it into place: only the
        # renamed file is the saved record.
        return {p for p in (editor["content"] / "vacancies").iterdir()
                if not p.name.startswith(".")}

    before = saved()
    page.goto(editor["url"] + "/#/collections/vacancies/new")
    pick(page, page.get_by_role("combobox", name="Role"), "Recovery Navigator")
    pick(page, page.get_by_role("combobox", name="Status"), "draft")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    until(lambda: saved() != before, "the new vacancy was not written")
    (added,) = saved() - before
    assert re.fullmatch(r"recovery-navigator-20\d\d\.yaml", added.name)
    doc, problems = load_file(added, "saved")
    assert doc is not None and not problems
    assert (doc.data["role"], doc.data["status"]) == ("recovery-navigator", "draft")
    assert "title" not in doc.data
    added.unlink()


# Rules Decap CMS's own markup breaks that Roleprint cannot mend from outside it would be
# listed here, each with its reason and in the accessibility statement of docs/editor.md.
# None is left in these states: roleprint-editor.js names Decap's unnamed buttons, drag
# handles and preview frame, and roleprint-editor.css darkens its low-contrast greys.
DECAP_KNOWN: dict[str, str] = {}


@pytest.mark.parametrize("where", [
    "#/collections/roles", "#/collections/roles/new",
    "#/collections/roles/entries/recovery-navigator",
    "#/collections/vacancies/new", "#/collections/organisations/entries/second-step",
])
def test_editor_pages_axe(browser: Any, editor: dict[str, Any], where: str) -> None:
    source = require_axe()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/" + where)
    # Drawn: Decap's form (its toolbar comes with it) or list, Roleprint's first report, and the
    # names roleprint-editor.js gives Decap's controls in the frame after they appear.
    form = "/new" in where or "/entries/" in where
    # Decap's Publish, or Published once saved ("Publish site" is Roleprint's, on every page).
    drawn = (page.get_by_role("button", name=re.compile(r"^Publish(ed)?$")) if form
             else page.get_by_text("Recovery Navigator"))
    drawn.first.wait_for()
    page.wait_for_function("""() => !document.getElementById("roleprint-problems-summary")
        .textContent.startsWith("checking the content")""")
    settle(page)
    if not page.locator("#roleprint-problems details").evaluate("panel => panel.open"):
        page.locator("#roleprint-problems summary").click()  # open, as when it reports
    violations = axe_violations(page, source)
    ours = [v for v in violations if any("#roleprint-problems" in " ".join(map(str, n["target"]))
                                         for n in v["nodes"])]
    assert not ours, describe(ours)
    unexpected = [v for v in violations if v["id"] not in DECAP_KNOWN]
    assert not unexpected, describe(unexpected)


class AsHosted:
    """What GitHub or GitLab give the exported editor: each file's text as it is, and each save
    written as Decap sends it (no Roleprint in between). Spoken through Decap's proxy protocol,
    so that the test needs no hosted service."""

    def __init__(self, content: Any) -> None:
        from generator.editor.backend import Backend

        class Raw(Backend):
            def entry(self, path: Any, kind: str) -> dict[str, Any]:
                return {"data": path.read_text(encoding="utf-8"),
                        "file": {"path": self.display(path), "id": None}}

            def persist(self, data_files: list[dict[str, Any]]) -> dict[str, str]:
                for data_file in data_files:
                    path, _, _ = self.record(data_file.get("path"))
                    # Whole or not at all, as a commit is: the test reads the file meanwhile,
                    # and a half-written one is not what any hosted service shows.
                    scratch = path.with_name(f".{path.name}.saving")
                    scratch.write_text(str(data_file.get("raw", "")), encoding="utf-8")
                    scratch.replace(path)
                return {"message": "Saved"}

        self.backend = Raw(content)


def test_the_hosted_editor_opens_and_saves_a_shipped_role(
        browser: Any, tmp_path: Any) -> None:
    """Issue 17, point 5: the exported editor reads a shipped role (plain list items and all)
    through roleprint-hosted.js, and a save keeps every value; CI's `roleprint format` then
    settles the layout, and the record validates."""
    import http.server
    import json
    import threading

    import yaml as pyyaml

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("sources"))
    (content / "sources").mkdir()
    admin = tmp_path / "admin"
    assert run(["edit", "--export", str(admin), "--repo", "hr/roles",
                "--content", str(content)]) == 0
    config = json.loads((admin / "config.yml").read_text(encoding="utf-8"))
    config["backend"] = {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    config["publish_mode"] = "simple"  # the proxy protocol has no pull requests
    (admin / "config.yml").write_text(json.dumps(config), encoding="utf-8")
    hosted = AsHosted(content).backend

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(admin), **kwargs)

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            answer = json.dumps(hosted.handle(body)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    path = content / "roles" / "recovery-navigator.yaml"
    before = pyyaml.safe_load(path.read_text(encoding="utf-8"))
    errors: list[str] = []
    try:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("pageerror", lambda e: errors.append(str(e)))
        url = f"http://127.0.0.1:{server.server_address[1]}"
        open_editor(page, url, login=True)
        page.goto(url + "/#/collections/roles/entries/recovery-navigator")
        team = page.get_by_role("textbox", name="Team")
        team.wait_for()
        # Plain duty items, each shown in the text box of its mapping.
        texts = [t.input_value() for t in page.get_by_role("textbox", name="Text").all()]
        assert any(t.startswith("Develop a strong recovery focus") for t in texts), texts[:3]
        team.fill("Forensic Team")
        page.get_by_role("button", name="Publish", exact=True).click()
        page.get_by_text("Publish now").click()
        until(lambda: pyyaml.safe_load(path.read_text(encoding="utf-8")).get("team")
              == "Forensic Team", "the save did not reach the file")
    finally:
        server.shutdown()
        server.server_close()
    assert not errors, errors
    after = pyyaml.safe_load(path.read_text(encoding="utf-8"))
    assert after == {**before, "team": "Forensic Team"}  # every other value as it was
    assert isinstance(after["accountabilities"]["items"][0], str)  # plain items stay plain
    assert run(["format", "--check", "--content", str(content)]) == 1  # CI says make format
    assert run(["format", "--content", str(content)]) == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert run(["validate", "--content", str(content)]) == 0


NODE_RUN = """
const fs = require("fs");
const [shapes, cases, jsyaml, hosted] = process.argv.slice(2);
const formats = {};
global.window = { ROLEPRINT_SHAPES: JSON.parse(fs.readFileSync(shapes, "utf8")),
  jsyaml: require(jsyaml),
  CMS: { registerCustomFormat: (name, ext, format) => { formats[name] = format; } } };
eval(fs.readFileSync(hosted, "utf8"));
const out = JSON.parse(fs.readFileSync(cases, "utf8")).map((c) => {
  const format = formats["roleprint-" + c.kind];
  const wide = format.fromFile(c.text);
  return { wide: wide, back: window.jsyaml.load(format.toFile(wide),
                                                { schema: window.jsyaml.CORE_SCHEMA }) };
});
process.stdout.write(JSON.stringify(out));
"""


def hosted_formats(tmp_path: Any, cases: list[dict[str, str]]) -> list[dict[str, Any]]:
    """roleprint-hosted.js under Node on each case (a record kind and a file's text): what its
    format gives the forms (`wide`), and the values of the file it writes back (`back`)."""
    import json

    from generator.editor.config import ORDER
    from generator.editor.shapes import tree

    jsyaml = ROOT / "node_modules" / "js-yaml"
    assert jsyaml.is_dir(), "run `make npm` first"
    node = shutil.which("node")
    assert node, "Node.js is needed (Debian's nodejs package)"
    (tmp_path / "shapes.json").write_text(json.dumps({k: tree(k) for k in ORDER}))
    (tmp_path / "cases.json").write_text(json.dumps(cases))
    (tmp_path / "run.js").write_text(NODE_RUN)
    done = subprocess.run(
        [node, str(tmp_path / "run.js"), str(tmp_path / "shapes.json"),
         str(tmp_path / "cases.json"), str(jsyaml),
         str(ROOT / "generator" / "editor" / "assets" / "roleprint-hosted.js")],
        capture_output=True, text=True, check=True, timeout=LIMIT)
    results: list[dict[str, Any]] = json.loads(done.stdout)
    return results


def test_the_hosted_editor_writes_a_new_record_in_the_schemas_order(tmp_path: Any) -> None:
    """Issue 27, point 6, for the hosted editor too: a record whose fields were filled in any
    order is written with its keys in the schema's order, at every level."""
    import json

    filled = {"person_specification": {
        "criteria": [{"requirement": "essential", "text": "Experience", "id": "E1"}],
        "assessed_by": ["interview"]}, "team": "Support Team", "title": "Support Worker"}
    [result] = hosted_formats(tmp_path, [{"kind": "role", "text": json.dumps(filled)}])
    back = result["back"]
    assert list(back) == ["title", "team", "person_specification"]
    assert list(back["person_specification"]) == ["assessed_by", "criteria"]
    assert list(back["person_specification"]["criteria"][0]) == ["id", "text", "requirement"]


def test_the_hosted_script_itself_widens_and_narrows_the_scoring_and_question_records(
        tmp_path: Any) -> None:
    """roleprint-hosted.js as the browser runs it (under Node, with js-yaml from npm): on the
    records that use maps (weights, guidance for each scale), bands and question banks it
    gives the forms what the local backend's `widen` gives, and saves back the same values."""
    import json

    from generator.content.discover import discover
    from generator.editor.shapes import widen

    records = [s for folder in (CAMPAIGNS, QUESTIONS) for s in discover(folder)[0]]
    results = hosted_formats(tmp_path, [
        {"kind": s.kind, "text": s.path.read_text(encoding="utf-8")} for s in records])
    assert len(results) == len(records) > 20
    maps = 0
    for source, result in zip(records, results, strict=True):
        doc, _ = load_file(source.path, source.display)
        assert doc is not None
        assert result["wide"] == json.loads(json.dumps(widen(source.kind, doc.data))), \
            source.display
        assert result["back"] == json.loads(json.dumps(doc.data)), source.display
        maps += "weights" in doc.data or "scale_guidance" in doc.data.get("scoring_sheets", {})
    assert maps >= 3  # the maps are among them


def test_a_list_fetched_after_opening_does_not_refresh_the_version_a_save_sends(
        browser: Any, editor: dict[str, Any]) -> None:
    """The family's own pick list ("Builds on") lists the families again, the changed file
    among them, after someone else changed it: the save still sends the version the form was
    opened at, and is refused."""
    path = editor["content"] / "families" / "prison-recovery-worker.yaml"
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    open_editor(page, editor["url"])
    page.goto(editor["url"] + "/#/collections/families/entries/prison-recovery-worker")
    title = page.get_by_role("textbox", name="Title", exact=True)
    title.wait_for(timeout=30_000)
    theirs = path.read_text(encoding="utf-8") + "# changed by someone else\n"
    path.write_text(theirs, encoding="utf-8")

    def families_listed(request: Any) -> bool:
        body = request.post_data or ""
        return request.url.endswith("/api/v1") and "entriesByFolder" in body and (
            "families" in body)

    with page.expect_request(families_listed, timeout=30_000):
        combobox = page.get_by_role("combobox", name="Builds on")
        combobox.click()
        combobox.fill("Prison")
    page.get_by_role("option", name="Prison recovery worker", exact=False).first.wait_for(
        timeout=15_000)
    combobox.press("Escape")
    title.fill("Prison recovery worker, edited")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    page.get_by_text("Someone else changed this record since you opened it").first.wait_for(
        timeout=30_000)
    assert path.read_text(encoding="utf-8") == theirs
