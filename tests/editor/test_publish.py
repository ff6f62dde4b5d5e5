"""Issue 27, point 4: the editor's "Publish site" button builds the site, as `make site` does,
into the site folder, swapped in whole or not at all, one build at a time, with its progress
and its result in plain words (`generator.editor.publish`)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.cli import _parser, settings_from
from tests.conftest import FIXTURES, ROOT, overlay
from tests.support.editor_http import Editor, ask, editor_on, tree_digest
from tests.support.waiting import until

PUBLISH = "/roleprint/publish"
BROKEN = "title: A role with no organisation\n"


def press(editor: Editor, **headers: str) -> tuple[int, dict[str, Any]]:
    status, body = ask(editor.port, "POST", PUBLISH, b"{}", editor.headers(**headers))
    return status, json.loads(body)


def status(editor: Editor) -> dict[str, Any]:
    code, body = ask(editor.port, "GET", PUBLISH, headers={"X-Roleprint-Token":
                                                            editor.server.token})
    assert code == 200
    answer: dict[str, Any] = json.loads(body)
    return answer


def finished(editor: Editor) -> dict[str, Any]:
    """The status once the build under way has ended."""
    return until(lambda: (s := status(editor))["state"] != "building" and s,
                 "the site was still being published")


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Editor]:
    work = tmp_path_factory.mktemp("publish")
    content = overlay(FIXTURES / "base", FIXTURES / "none", work)
    with editor_on(content, config=ROOT / "mkdocs.yml", site_dir=work / "site") as running:
        yield running


def test_publishing_builds_the_site_from_the_content(editor: Editor) -> None:
    site = editor.server.publisher.site_dir
    assert not site.exists() and status(editor)["state"] == "idle"
    code, started = press(editor)
    assert code == 202 and started["state"] == "building"
    assert started["message"].startswith("Publishing the site: ")
    done = finished(editor)
    pages = sum(1 for _ in site.rglob("*.html"))
    assert done["state"] == "published", done
    assert done["message"] == f"The site is published: {pages} pages."
    assert (site / "index.html").is_file() and (site / "roles").is_dir()
    # The same site as `make site`: the downloads and the search index are made too.
    assert list(site.rglob("*.pdf")) and (site / "pagefind").is_dir()
    # Nothing of the build is left beside it.
    assert sorted(p.name for p in site.parent.iterdir()) == ["content", "site"]


def test_a_failed_build_keeps_the_last_site_and_says_why(editor: Editor) -> None:
    site = editor.server.publisher.site_dir
    if not site.exists():  # run alone: publish a good site first
        press(editor)
        assert finished(editor)["state"] == "published"
    before = tree_digest(site)
    broken = editor.content / "roles" / "broken-role.yaml"
    broken.write_text(BROKEN, encoding="utf-8")
    try:
        code, _ = press(editor)
        assert code == 202
        done = finished(editor)
    finally:
        broken.unlink()
    assert done["state"] == "failed"
    assert done["message"].startswith("The site was not published: the records have ")
    assert "problem" in done["message"] and "What Roleprint found" in done["message"]
    assert done["message"].endswith("The site published before is still there, unchanged.")
    assert any("organisation" in problem for problem in done["problems"]), done["problems"]
    assert tree_digest(site) == before


def test_a_second_press_while_publishing_is_refused_politely(
        editor: Editor, tmp_path: Path) -> None:
    """The build is held (it waits to read from a pipe) until the second press is answered."""
    publisher = editor.server.publisher
    gate = tmp_path / "gate"
    os.mkfifo(gate)
    held = publisher.command
    publisher.command = [sys.executable, "-c", f"open({str(gate)!r}).read()"]
    try:
        assert press(editor)[0] == 202
        code, again = press(editor)
        assert code == 409 and again["state"] == "building"
        assert again["error"] == ("The site is already being published: its result appears "
                                  "here when it is done.")
        assert "Publishing the site: Starting" in again["message"]
        with gate.open("w") as pipe:
            pipe.write("go")
        done = finished(editor)
    finally:
        publisher.command = held
    # That stand-in build said nothing of how it ended: so the editor says it stopped.
    assert done["state"] == "failed"
    assert done["message"] == ("The site was not published: the build stopped before it had "
                               "finished. The site published before is still there, unchanged.")


@pytest.mark.parametrize(("headers", "code"), [
    ({"X-Roleprint-Token": "wrong"}, 403),
    ({"Content-Type": "text/plain"}, 415),
    ({"Origin": "http://evil.example"}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
])
def test_publishing_takes_only_the_editor_pages_own_requests(
        editor: Editor, headers: dict[str, str], code: int) -> None:
    before = status(editor)
    assert press(editor, **headers)[0] == code
    assert status(editor) == before  # nothing was started
    # Its status too is for the editor's page only.
    assert ask(editor.port, "GET", PUBLISH)[0] == 403


def test_the_preview_pane_is_told_when_a_save_cannot_be_shown(tmp_path: Path) -> None:
    """The pane asks whether the live preview has the record's page; the answer also says
    whether the saved records can be built at all (while not, the preview keeps its last good
    version) and whether the preview answers (here it does not: nothing listens there)."""
    content = overlay(FIXTURES / "base", FIXTURES / "none", tmp_path)
    path = "/roleprint/preview-status?path=roles/broken-role/"
    with editor_on(content) as running:
        def checked() -> dict[str, Any]:
            code, body = ask(running.port, "GET", path,
                             headers={"X-Roleprint-Token": running.server.token})
            assert code == 200
            answer: dict[str, Any] = json.loads(body)
            return {} if answer["checking"] else answer

        assert until(checked, "the first check did not end") == {
            "ready": False, "answering": False, "checking": False, "builds": True}
        save = {"action": "persistEntry", "params": {"dataFiles": [
            {"path": "content/roles/broken-role.yaml", "raw": BROKEN}]}}
        code, _ = ask(running.port, "POST", "/api/v1", json.dumps(save).encode(),
                      running.headers())
        assert code == 200
        assert until(checked, "the saved record was not checked")["builds"] is False


def test_edit_publishes_where_build_does_unless_told() -> None:
    parser = _parser()
    default = settings_from(parser.parse_args(["edit"])).site_dir
    assert default == settings_from(parser.parse_args(["build"])).site_dir == Path("site")
    told = settings_from(parser.parse_args(["edit", "--site-dir", "elsewhere"]))
    assert told.site_dir == Path("elsewhere")
    assert "--site-dir" in parser._subparsers._group_actions[0].choices["edit"].format_help()


def test_the_build_tells_each_stage_as_it_starts(capsys: pytest.CaptureFixture[str]) -> None:
    """`roleprint build`'s own stages, as the Publish button's process tells them; each has
    words for the officer."""
    from generator.commands.publish import Progress
    from generator.editor.publish import MARK, STAGES

    progress = Progress()
    with progress.stage("total"), progress.stage("load"):
        pass
    with progress.stage("engine"):
        pass
    told = [json.loads(line.removeprefix(MARK)) for line in capsys.readouterr().out.splitlines()]
    assert told == [{"stage": "load"}, {"stage": "engine"}]
    assert set(progress) == {"total", "load", "engine"}  # still the build's timings
    build_stages = {"load", "generate", "engine", "forms", "pdf", "exports", "write", "search"}
    assert build_stages <= set(STAGES)
