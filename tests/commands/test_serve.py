"""The live preview: a save shows at once, search is never broken, the full rebuild catches up,
a bad save keeps the last good site, and a deleted role goes."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from typing import Any

import jinja2
import pytest

from generator.commands.serve import Preview, sync_tree
from tests.conftest import CONTENT, ROOT
from tests.support.waiting import LIMIT, Printed, until

ROLE_PAGE = Path("roles") / "support-worker" / "index.html"


def test_sync_writes_only_changed_files_and_removes_stale_ones(tmp_path: Path) -> None:
    source, target = tmp_path / "new", tmp_path / "live"
    (source / "a").mkdir(parents=True)
    (source / "a" / "same.md").write_text("same")
    (source / "changed.md").write_text("new text")
    (target / "a").mkdir(parents=True)
    (target / "a" / "same.md").write_text("same")
    (target / "changed.md").write_text("old text")
    (target / "gone").mkdir()
    (target / "gone" / "old.md").write_text("old")
    before = (target / "a" / "same.md").stat().st_mtime_ns
    changed = sync_tree(source, target)
    assert sorted(p.as_posix() for p in changed) == ["changed.md", "gone/old.md"]
    assert (target / "changed.md").read_text() == "new text"
    assert not (target / "gone").exists()
    assert (target / "a" / "same.md").stat().st_mtime_ns == before
    # A copied file keeps its source's time, so the dirty build does not take it as new.
    assert (target / "changed.md").stat().st_mtime_ns == (source / "changed.md").stat().st_mtime_ns


@pytest.fixture
def preview(base_content: Path, tmp_path: Path) -> Preview:
    work = tmp_path / "work"
    work.mkdir()
    started = Preview(base_content, ROOT / "mkdocs.yml", work, "http://127.0.0.1:8000/")
    assert started.start()
    return started


def served(preview: Preview, path: Path) -> str:
    return (preview.live / path).read_text(encoding="utf-8")


def search_titles(preview: Preview) -> list[str]:
    index = json.loads(served(preview, Path("search") / "search_index.json"))
    return [doc["title"] for doc in index["docs"]]


def retitle(content: Path, old: str, new: str) -> None:
    role = content / "roles" / "support-worker.yaml"
    text = role.read_text(encoding="utf-8")
    assert f"title: {old}\n" in text
    role.write_text(text.replace(f"title: {old}\n", f"title: {new}\n"), encoding="utf-8")


def test_a_save_shows_at_once_and_search_catches_up_after_the_full_rebuild(
        preview: Preview, base_content: Path) -> None:
    assert "Support Worker" in served(preview, ROLE_PAGE)
    titles = search_titles(preview)
    other = served(preview, Path("roles") / "index.html")

    retitle(base_content, "Support Worker", "Zebra Support Worker")
    preview.quick_update()
    assert "Zebra Support Worker" in served(preview, ROLE_PAGE)
    forms = base_content.parent / "work" / "live" / "roles" / "support-worker" / "forms"
    assert "Zebra Support Worker" in (forms / "application-form.html").read_text(encoding="utf-8")
    # The quick update leaves the complete search index in place, not one of only this page.
    assert search_titles(preview) == titles
    assert served(preview, Path("roles") / "index.html") == other
    assert preview.wanted.is_set()

    assert preview.rebuild_once()
    assert any("Zebra Support Worker" in title for title in search_titles(preview))
    assert len(search_titles(preview)) == len(titles)
    assert "Zebra Support Worker" in served(preview, Path("roles") / "index.html")
    assert "Zebra Support Worker" in served(preview, ROLE_PAGE)


def test_a_quick_update_compiles_no_template_and_leaves_the_404_page(
        preview: Preview, base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The theme's templates, compiled for the first build, are reused by the quick builds;
    the 404 page and the sitemap wait for the full rebuild."""
    assert preview.compiled.store  # the first build's compiled theme templates
    compiled: list[str | None] = []
    original = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, name: str | None = None,
                 *args: Any, **kwargs: Any) -> Any:
        compiled.append(name)
        return original(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    not_found = preview.site_dir() / "404.html"
    before = not_found.stat().st_mtime_ns
    retitle(base_content, "Support Worker", "Quick Support Worker")
    preview.quick_update()
    assert "Quick Support Worker" in served(preview, ROLE_PAGE)
    assert compiled == []
    assert not_found.stat().st_mtime_ns == before


def test_a_quick_update_lists_the_theme_once_and_walks_only_the_changed_file(
        preview: Preview, base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """MkDocs lists the theme's thousands of files for every build, and the links of every
    record were looked for again: the quick updates list the theme once for the life of the
    preview, and look for links only in the file that changed."""
    from generator.content import textrules

    listed: list[str] = []
    walked: list[str] = []
    loader_list = jinja2.FileSystemLoader.list_templates
    strings = textrules.strings
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates",
                        lambda self: listed.append("theme") or loader_list(self))

    def walking(value: Any, path: tuple[str | int, ...] = ()) -> Any:
        if not path:  # a whole document's data
            walked.append(value.get("title", ""))
        return strings(value, path)

    monkeypatch.setattr(textrules, "strings", walking)
    pages = preview.site_dir()
    preview.quick_update()  # nothing changed: nothing built
    for title in ("First Support Worker", "Second Support Worker"):
        retitle(base_content, "Support Worker" if title.startswith("First") else
                "First Support Worker", title)
        preview.quick_update()
        assert title in served(preview, ROLE_PAGE)
    assert listed == ["theme"]
    assert walked == ["First Support Worker", "Second Support Worker"]
    assert preview.site_dir() == pages


def test_a_bad_save_keeps_the_last_good_site(preview: Preview, base_content: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = served(preview, ROLE_PAGE)
    role = base_content / "roles" / "support-worker.yaml"
    role.write_text("title: Broken\norganisation: nobody\n", encoding="utf-8")
    capsys.readouterr()
    preview.quick_update()
    err = capsys.readouterr().err
    assert "there is no organisation with the id 'nobody'" in err
    assert "last good version" in err
    assert served(preview, ROLE_PAGE) == before
    assert not preview.rebuild_once()  # the full rebuild fails too, and swaps nothing in
    assert served(preview, ROLE_PAGE) == before


def test_a_deleted_role_disappears(preview: Preview, base_content: Path) -> None:
    (base_content / "roles" / "support-worker.yaml").unlink()
    (base_content / "vacancies" / "support-worker-2027.yaml").unlink()
    preview.quick_update()
    assert preview.rebuild_once()
    assert not (preview.live / ROLE_PAGE).exists()
    assert not (preview.staging / "docs" / "roles" / "support-worker" / "index.md").exists()
    assert not any(title == "Support Worker" for title in search_titles(preview))


def test_a_role_gains_its_forms_with_its_first_vacancy(preview: Preview,
                                                       base_content: Path) -> None:
    """A new role has no forms until a vacancy for it is saved; the quick update then writes
    them, and the full rebuild links them from the role's page."""
    role = (base_content / "roles" / "support-worker.yaml").read_text(encoding="utf-8")
    (base_content / "roles" / "care-assistant.yaml").write_text(
        role.replace("title: Support Worker\n", "title: Care Assistant\n"), encoding="utf-8")
    preview.quick_update()
    page = Path("roles") / "care-assistant" / "index.html"
    forms = preview.live / "roles" / "care-assistant" / "forms"
    assert "no vacancy for it yet" in served(preview, page)
    assert not forms.exists()

    vacancy = (base_content / "vacancies" / "support-worker-2027.yaml").read_text(
        encoding="utf-8")
    assert "role: support-worker\n" in vacancy
    (base_content / "vacancies" / "care-assistant-2027.yaml").write_text(
        vacancy.replace("role: support-worker\n", "role: care-assistant\n"), encoding="utf-8")
    preview.quick_update()
    assert "Care Assistant" in (forms / "application-form.html").read_text(encoding="utf-8")
    # The quick update writes the panel's page with the forms; the role's page waits.
    panel = Path("roles") / "care-assistant" / "panel" / "index.html"
    assert 'href="../forms/shortlisting.html"' in served(preview, panel)
    assert preview.rebuild_once()
    assert 'href="forms/application-form.html"' in served(preview, page)
    assert 'href="forms/shortlisting.html"' not in served(preview, page)
    assert 'href="panel/">For recruitment panels</a>' in served(preview, page)
    assert "no vacancy for it yet" not in served(preview, page)


def test_a_rebuild_overtaken_by_a_save_is_not_swapped_in(
        preview: Preview, base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = preview._build_elsewhere

    def save_while_building(scratch: Path) -> bool:
        done = build(scratch)  # built from the content as it was
        retitle(base_content, "Support Worker", "Later Title")
        preview.quick_update()
        return done

    monkeypatch.setattr(preview, "_build_elsewhere", save_while_building)
    assert not preview.rebuild_once()
    assert "Later Title" in served(preview, ROLE_PAGE)
    monkeypatch.undo()
    assert preview.rebuild_once()
    assert "Later Title" in served(preview, Path("roles") / "index.html")


def test_the_rebuild_thread_rebuilds_when_asked_and_stops(preview: Preview) -> None:
    thread = threading.Thread(target=preview.full_rebuilds)
    thread.start()
    assert preview.site_dir().name == "site-0"
    preview.wanted.set()
    until(lambda: preview.site_dir().name != "site-0", "the rebuild was not swapped in")
    preview.stopping.set()
    thread.join(timeout=LIMIT)
    assert not thread.is_alive()
    assert preview.site_dir().name == "site-1"
    assert not (preview.workdir / "site-0").exists()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_stopping_the_preview_removes_its_scratch_folder(tmp_path: Path, sig: int) -> None:
    """A process manager or a closed terminal stops `roleprint serve` with a signal, not Ctrl-C:
    it must still remove its scratch folder (gigabytes at a thousand roles), and print no
    traceback."""
    scratch_parent = tmp_path / "tmp"
    scratch_parent.mkdir()
    port = _free_port()
    env = {**os.environ, "TMPDIR": str(scratch_parent), "NO_MKDOCS_2_WARNING": "1"}
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", str(CONTENT),
         "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    try:
        _get(f"http://127.0.0.1:{port}/", child)
        assert list(scratch_parent.glob("roleprint-serve-*")), "no scratch folder to remove"
        child.send_signal(sig)
        output, _ = child.communicate(timeout=LIMIT)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    assert child.returncode == 0  # stopped as Ctrl-C stops it: "Stopped."
    assert "Traceback" not in output.decode("utf-8", errors="replace")
    assert not list(scratch_parent.glob("roleprint-serve-*"))


def test_a_failure_in_an_update_is_reported_and_the_last_good_site_stays(
        preview: Preview, base_content: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The server answers no request while an update it asked for has failed (it waits for
    one to succeed), so an update never fails: whatever goes wrong is reported in one line."""
    before = served(preview, ROLE_PAGE)

    def failing(*args: object) -> list[Path]:
        raise RuntimeError("injected failure")

    monkeypatch.setattr("generator.commands.serve.build_changed", failing)
    retitle(base_content, "Support Worker", "Never Shown")
    capsys.readouterr()
    preview.quick_update()  # does not raise
    err = capsys.readouterr().err
    assert err == ("roleprint: the preview could not be updated (RuntimeError: injected "
                   "failure). This is a fault in Roleprint: please report it, with the file "
                   "you saved. The preview still shows the last good version.\n")
    assert served(preview, ROLE_PAGE) == before
    assert preview.wanted.is_set()  # the full rebuild still follows

    def failing_rebuild() -> bool:
        preview.stopping.set()  # one round is enough
        raise OSError(28, "No space left on device", "/tmp/scratch")

    monkeypatch.setattr(preview, "rebuild_once", failing_rebuild)
    preview.full_rebuilds()  # returns when stopped, not with the error
    assert capsys.readouterr().err == (
        "roleprint: the full rebuild failed: No space left on device (/tmp/scratch). The "
        "preview still shows the last good version.\n")


# Run in the preview's process: a save whose title says so makes the quick update fail, as a
# bug would (the content is valid, so the validator's fixes cannot make this case go away).
INJECTED = """
import sys
import generator.commands.serve as serve
real = serve.build_changed
def build_changed(site, changed, docs, content):
    if "Injected Failure" in (content / "roles" / "support-worker.yaml").read_text():
        raise RuntimeError("injected failure")
    return real(site, changed, docs, content)
serve.build_changed = build_changed
from generator.cli import main
sys.exit(main())
"""


def test_a_running_preview_keeps_answering_after_saves_that_crash(
        base_content: Path, tmp_path: Path) -> None:
    """Saves that crashed the loader (a scale's `min: 0.0`) or that make the update fail are
    reported; once the update each save starts has run, the preview answers with the last good
    site (it does not wait for ever for an update that failed), and it shows the next good
    save. Waited for by what the preview prints, never by time: CI machines are busy."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/roles/support-worker/"
    env = {**os.environ, "TMPDIR": str(tmp_path), "NO_MKDOCS_2_WARNING": "1"}
    child = subprocess.Popen(
        [sys.executable, "-c", INJECTED, "serve", "--content", str(base_content),
         "--config", str(ROOT / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True)
    printed = Printed(child)
    scale = base_content / "scales" / "zero-to-three.yaml"
    good_scale = scale.read_text(encoding="utf-8")
    try:
        page = _get(url, child)
        assert "Support Worker" in page
        for save in (lambda: scale.write_text(good_scale.replace("min: 0\n", "min: 0.0\n"),
                                              encoding="utf-8"),
                     lambda: scale.write_text(good_scale, encoding="utf-8"),
                     lambda: retitle(base_content, "Support Worker", "Injected Failure")):
            updates = printed.count(UPDATED)
            save()
            # The watcher saw the save and the update ran (and failed, or not) to its end.
            until(lambda n=updates: printed.count(UPDATED) > n or STUCK in printed.text(),
                  "no update followed the save")
            assert STUCK not in printed.text()
            served = _get(url, child)
            # The injected failure is in the quick update only; the full rebuild that follows
            # (another process) may already have built the valid save, which is right to show.
            assert served == page or "Injected Failure" in served
        retitle(base_content, "Injected Failure", "Shown At Last")
        until(lambda: "Shown At Last" in _get(url, child), "the good save never showed")
    finally:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=LIMIT)
        output = printed.all()
    assert "Traceback" not in output, output
    assert "roleprint: the preview could not be updated (RuntimeError: injected failure)" \
        in output
    assert output.count("The preview still shows the last good version.") >= 2, output


# What MkDocs' server prints when an update has run to its end, and when one raised (after
# which it would answer no request again).
UPDATED = "Reloading browsers"
STUCK = "An error happened during the rebuild"


def _get(url: str, child: subprocess.Popen[bytes]) -> str:
    """The page at `url`, once the preview answers (see tests/support/waiting.py)."""
    def page() -> str:
        assert child.poll() is None, "the preview stopped"
        try:
            with urllib.request.urlopen(url, timeout=LIMIT) as response:
                # Without the reload script, whose numbers count updates.
                return re.sub(r"livereload\(\d+, \d+\)", "livereload()",
                              response.read().decode("utf-8"))
        except OSError:
            return ""

    return until(page, f"{url} was not served")


def test_a_second_preview_on_the_same_address_stops_with_a_plain_message() -> None:
    """The preview writes only into a scratch folder of its own; what two previews would share
    is the address, and the second is refused before it builds anything."""
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--content", str(CONTENT),
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=ROOT, capture_output=True, text=True, timeout=LIMIT, check=False)
    assert done.returncode == 2
    assert done.stderr.startswith(f"roleprint: cannot serve on 127.0.0.1:{port}: ")
    assert "another preview may be running" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_preview_is_told_of_saves_and_not_of_reads(tmp_path: Path) -> None:
    """The system's watcher tells the preview of a save when it happens (no waiting for the next
    look round every file), and never of a read: the quick update reads every record, and a read
    that started another update would never stop."""
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers.polling import PollingObserver

    from generator.commands.serve import change_observer, preview_server

    record = tmp_path / "roles" / "a.yaml"
    record.parent.mkdir()
    record.write_text("title: A\n", encoding="utf-8")
    seen: list[str] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(event.event_type)  # type: ignore[method-assign]
    observer = change_observer()
    assert not isinstance(observer, PollingObserver)
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    try:
        record.read_text(encoding="utf-8")  # a read first: its events would come first
        record.write_text("title: B\n", encoding="utf-8")
        until(lambda: "closed" in seen, "the save was not seen")
    finally:
        observer.stop()
        observer.join()
    assert "opened" not in seen and "closed_no_write" not in seen, seen
    assert "modified" in seen
    # The preview's server watches with it.
    server = preview_server("127.0.0.1", _free_port(), builder=lambda: None, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        assert not isinstance(server.observer, PollingObserver)
    finally:
        server.server_close()
