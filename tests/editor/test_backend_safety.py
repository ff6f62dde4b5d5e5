"""The editor's backend under a hostile or unlucky request (issue 23, points 2 to 4): an alias
bomb, renames that would replace or move records, links out of the content folder, two people
saving the same record, and text that looks like a date."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from ruamel.yaml import YAML

from generator.content.validate import validate
from generator.editor import backend as backend_module
from generator.editor.backend import Backend, Refused
from tests.conftest import CONTENT

ROLE = "content/roles/recovery-navigator.yaml"
OTHER = "content/roles/da-sv-case-coordinator.yaml"
SAFETY = 120  # seconds: a safety net for a busy machine, never a measure of speed


def bomb(levels: int = 12) -> str:
    """A billion laughs: each anchor holds nine of the one before (9**12 values unrolled)."""
    lines = ['title: Laughs', 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("sources"))
    return target


def opened(backend: Backend, path: str) -> tuple[dict[str, Any], str]:
    """A record's values as the editor has them, and the version it was opened at."""
    entry = backend.handle({"action": "getEntry", "params": {"path": path}})
    return json.loads(entry["data"]), entry["version"]


def save(backend: Backend, path: str, values: dict[str, Any], version: str | None,
         **extra: str) -> Any:
    """A save as the page sends it: the form's values as JSON text, and the version."""
    data_file: dict[str, Any] = {"path": path, "raw": json.dumps(values), **extra}
    if version is not None:
        data_file["version"] = version
    return backend.handle({"action": "persistEntry", "params": {"dataFiles": [data_file]}})


def in_thread(work: Callable[[], Any]) -> tuple[threading.Thread, dict[str, Any]]:
    """Run `work` in a thread of its own; the dict gets its answer or the Refused it raised."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["answer"] = work()
        except Refused as err:
            out["refused"] = err

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, out


def finished(thread: threading.Thread) -> bool:
    thread.join(SAFETY)
    return not thread.is_alive()


# ---- point 2: an alias bomb is refused as it is read, and never holds up another save ----

def test_an_alias_bomb_is_refused_and_a_save_made_meanwhile_goes_through(content: Path) -> None:
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    values["team"] = "Forensic Team"
    attack = {"action": "persistEntry",
              "params": {"dataFiles": [{"path": "content/roles/laughs.yaml", "raw": bomb()}]}}
    bombing, bombed = in_thread(lambda: backend.handle(attack))
    saving, saved = in_thread(lambda: save(backend, ROLE, values, version))
    assert finished(bombing) and finished(saving), "a save waited on the alias bomb"
    refused = bombed["refused"]
    assert refused.status == 400 and "aliases ('*a0') are not allowed" in str(refused)
    assert not (content / "roles" / "laughs.yaml").exists()
    assert "answer" in saved, saved
    assert "team: Forensic Team\n" in (content / "roles" / "recovery-navigator.yaml").read_text()


class Held:
    """Holds the formatting of the first save of ROLE until told, as a slow machine might."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.entered, self.release = threading.Event(), threading.Event()
        real = backend_module.format_text

        def slow(kind: str, single: bool, new: bytes, old: bytes | None, display: str,
                 **options: Any) -> bytes:
            if display == ROLE and not self.entered.is_set():
                self.entered.set()
                self.release.wait(SAFETY)
            return real(kind, single, new, old, display, **options)

        monkeypatch.setattr(backend_module, "format_text", slow)


def test_the_save_lock_is_not_held_while_a_save_is_formatted(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save whose formatting has not finished does not stop another record being saved:
    only the compare-and-write is done under the lock."""
    held = Held(monkeypatch)
    backend = Backend(content)
    first, version = opened(backend, ROLE)
    second, other_version = opened(backend, OTHER)
    first["team"], second["team"] = "Forensic Team", "Peer Team"
    slow, slow_out = in_thread(lambda: save(backend, ROLE, first, version))
    assert held.entered.wait(SAFETY)
    other, other_out = in_thread(lambda: save(backend, OTHER, second, other_version))
    other_done = finished(other)
    held.release.set()
    assert finished(slow)
    assert other_done and "answer" in other_out, "the other save waited for the formatting"
    assert "answer" in slow_out
    assert "team: Peer Team\n" in (content / "roles" / "da-sv-case-coordinator.yaml").read_text()
    assert "team: Forensic Team\n" in (content / "roles" / "recovery-navigator.yaml").read_text()


def test_a_version_that_goes_stale_while_a_save_is_formatted_is_caught_under_the_lock(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held = Held(monkeypatch)
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    slow, slow_out = in_thread(lambda: save(backend, ROLE, {**values, "team": "Slow"}, version))
    assert held.entered.wait(SAFETY)
    save(backend, ROLE, {**values, "team": "Quick"}, version)  # same version, finished first
    held.release.set()
    assert finished(slow)
    assert "Someone else changed this record" in str(slow_out["refused"])
    text = (content / "roles" / "recovery-navigator.yaml").read_text()
    assert yaml.safe_load(text)["team"] == "Quick"


# ---- point 3: renames never replace, never cross collections, follow the delete rules ----

@pytest.mark.parametrize(("source", "new_path", "message"), [
    (ROLE, OTHER, "already exists: a rename never replaces another record"),
    (ROLE, "content/organisations/second-step.yaml", "cannot be moved to another collection"),
    (ROLE, "content/organisations/new-place.yaml", "cannot be moved to another collection"),
    ("content/glossary.yaml", "content/roles/glossary.yaml", "glossary cannot be renamed"),
    (ROLE, "content/glossary.yaml", "glossary cannot be renamed"),
])
def test_a_rename_never_replaces_moves_or_loses_a_record(
        content: Path, source: str, new_path: str, message: str) -> None:
    before = {p: p.read_bytes() for p in content.rglob("*.yaml")}
    backend = Backend(content)
    values, version = opened(backend, source)
    with pytest.raises(Refused, match=message):
        save(backend, source, values, version, newPath=new_path)
    assert {p: p.read_bytes() for p in content.rglob("*.yaml")} == before


def test_a_rename_within_the_collection_still_works(content: Path) -> None:
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    answer = save(backend, ROLE, values, version, newPath="content/roles/navigator.yaml")
    assert not (content / "roles" / "recovery-navigator.yaml").exists()
    moved = content / "roles" / "navigator.yaml"
    assert answer["versions"][ROLE] is None
    assert answer["versions"]["content/roles/navigator.yaml"] == opened(
        backend, "content/roles/navigator.yaml")[1]
    assert yaml.safe_load(moved.read_text())["title"] == values["title"]


def test_a_listing_follows_links_only_where_a_single_read_does(
        content: Path, tmp_path: Path) -> None:
    secret = tmp_path / "outside.yaml"
    secret.write_text("title: Secret outside the content folder\n", encoding="utf-8")
    roles = content / "roles"
    (roles / "leak.yaml").symlink_to(secret)
    (roles / "borrowed.yaml").symlink_to(content / "organisations" / "second-step.yaml")
    (roles / "twin.yaml").symlink_to(roles / "recovery-navigator.yaml")
    backend = Backend(content)
    for name in ("leak.yaml", "borrowed.yaml"):
        with pytest.raises(Refused):
            backend.handle({"action": "getEntry", "params": {"path": f"content/roles/{name}"}})
    entries = backend.handle({"action": "entriesByFolder", "params": {"folder": "content/roles"}})
    listed = [e["file"]["path"] for e in entries]
    assert not any("Secret" in e["data"] or "Second Step" in json.loads(e["data"]).get(
        "name", "") for e in entries)
    assert "content/roles/leak.yaml" not in listed and "content/roles/borrowed.yaml" not in listed
    assert listed.count(ROLE) == 1  # the link to it names the same record
    assert len(listed) == len([p for p in roles.glob("*.yaml") if not p.is_symlink()])


# ---- point 4: a save from an older version is refused; a new record replaces nothing ----

def test_a_save_from_an_older_version_is_refused(content: Path) -> None:
    backend = Backend(content)
    mine, version = opened(backend, ROLE)
    theirs, _ = opened(backend, ROLE)
    theirs["team"] = "Their Team"
    save(backend, ROLE, theirs, version)
    written = (content / "roles" / "recovery-navigator.yaml").read_bytes()
    mine["team"] = "My Team"
    with pytest.raises(Refused, match="Someone else changed this record since you opened it") \
            as refused:
        save(backend, ROLE, mine, version)
    assert refused.value.status == 409 and "reload the page" in str(refused.value)
    assert (content / "roles" / "recovery-navigator.yaml").read_bytes() == written


def test_a_save_of_a_record_deleted_meanwhile_is_refused(content: Path) -> None:
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    backend.handle({"action": "deleteFiles", "params": {"paths": [ROLE]}})
    with pytest.raises(Refused, match="Someone else deleted this record"):
        save(backend, ROLE, values, version)
    assert not (content / "roles" / "recovery-navigator.yaml").exists()


def test_a_new_record_never_replaces_one_that_exists(content: Path) -> None:
    before = (content / "roles" / "recovery-navigator.yaml").read_bytes()
    backend = Backend(content)
    with pytest.raises(Refused, match="already exists, and a new record never replaces one"):
        save(backend, ROLE, {"title": "New", "organisation": "second-step"}, None)
    assert (content / "roles" / "recovery-navigator.yaml").read_bytes() == before


def test_two_saves_from_the_same_version_one_wins_the_other_is_told(content: Path) -> None:
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    start = threading.Barrier(2, timeout=SAFETY)
    teams = ["First Team", "Second Team"]

    def one(team: str) -> Callable[[], Any]:
        def go() -> Any:
            start.wait()
            return save(backend, ROLE, {**values, "team": team}, version)
        return go

    runs = [in_thread(one(team)) for team in teams]
    assert all(finished(thread) for thread, _ in runs)
    outcomes = [out for _, out in runs]
    won = [team for team, out in zip(teams, outcomes, strict=True) if "answer" in out]
    lost = [out["refused"] for out in outcomes if "refused" in out]
    assert len(won) == 1 and len(lost) == 1, outcomes
    assert lost[0].status == 409 and "Someone else changed this record" in str(lost[0])
    text = (content / "roles" / "recovery-navigator.yaml").read_text()
    assert yaml.safe_load(text)["team"] == won[0]


# ---- point 4: text that looks like a date stays text ----

@pytest.mark.parametrize("raw", [
    json.dumps({"title": "2024-13-45", "organisation": "second-step"}),  # as the page sends it
    "title: 2024-13-45\norganisation: second-step\n",  # YAML 1.2, where it is text unquoted
])
def test_text_that_looks_like_a_date_is_saved_as_text(content: Path, raw: str) -> None:
    backend = Backend(content)
    path = "content/roles/date-like.yaml"
    backend.handle({"action": "persistEntry",
                    "params": {"dataFiles": [{"path": path, "raw": raw}]}})
    text = (content / "roles" / "date-like.yaml").read_text(encoding="utf-8")
    assert 'title: "2024-13-45"\n' in text
    assert yaml.safe_load(text)["title"] == "2024-13-45"  # PyYAML (YAML 1.1) reads text
    for kind in ("safe", "rt"):
        assert YAML(typ=kind, pure=True).load(text)["title"] == "2024-13-45"
    values, _ = opened(backend, path)
    assert values["title"] == "2024-13-45"
    # and `validate` takes it as the text it is (a quoted value is text: yamlload)
    assert not [p for p in validate(content)[0] if "date-like" in str(p.path)]


def test_an_alias_bomb_already_in_a_file_is_opened_and_saved_at_once(content: Path) -> None:
    """The file as it was is laid out again by ruamel.yaml's round trip, which keeps an alias
    as one shared value: nothing is unrolled, and the save leaves no alias behind."""
    (content / "roles" / "laughs.yaml").write_text(bomb(), encoding="utf-8")
    backend = Backend(content)
    values, version = opened(backend, "content/roles/laughs.yaml")
    save(backend, "content/roles/laughs.yaml", {**values, "team": "Laughs"}, version)
    text = (content / "roles" / "laughs.yaml").read_text(encoding="utf-8")
    assert "team: Laughs\n" in text and "*a" not in text and "&a" not in text


def test_a_delete_of_a_record_changed_since_it_was_opened_is_refused(content: Path) -> None:
    backend = Backend(content)
    values, version = opened(backend, ROLE)
    _, other_version = opened(backend, OTHER)
    save(backend, ROLE, {**values, "team": "Their Team"}, version)
    written = (content / "roles" / "recovery-navigator.yaml").read_bytes()
    stale = {"paths": [OTHER, ROLE], "versions": {OTHER: other_version, ROLE: version}}
    with pytest.raises(Refused, match="Someone else changed this record") as refused:
        backend.handle({"action": "deleteFiles", "params": stale})
    assert refused.value.status == 409
    assert (content / "roles" / "recovery-navigator.yaml").read_bytes() == written
    assert (content / "roles" / "da-sv-case-coordinator.yaml").is_file()  # all or nothing
    backend.handle({"action": "deleteFiles", "params": {"paths": [OTHER],
                                                        "versions": {OTHER: other_version}}})
    assert not (content / "roles" / "da-sv-case-coordinator.yaml").exists()


def test_a_listing_skips_a_named_pipe_and_a_file_too_big_to_read(content: Path) -> None:
    os.mkfifo(content / "roles" / "pipe.yaml")  # read, it would wait for a writer for ever
    big = content / "roles" / "big.yaml"
    big.write_text("title: Big\nsummary: " + "x" * 1_100_000 + "\n", encoding="utf-8")
    backend = Backend(content)
    listing, out = in_thread(lambda: backend.handle(
        {"action": "entriesByFolder", "params": {"folder": "content/roles"}}))
    assert finished(listing), "the listing waited on a named pipe"
    listed = [e["file"]["path"] for e in out["answer"]]
    assert ROLE in listed and not {"content/roles/pipe.yaml", "content/roles/big.yaml"} & set(
        listed)
    for name in ("pipe.yaml", "big.yaml"):
        with pytest.raises(Refused):
            save(backend, f"content/roles/{name}", {"title": "x"}, version="")


@pytest.mark.parametrize("text", [bomb(), "&a [*a]", "*a0"])
def test_yaml_typed_as_text_into_a_field_is_kept_as_that_text(content: Path, text: str) -> None:
    """A guard, not a fix: the writer asks PyYAML whether bare text would be read as
    something else, and the aliases in such text are never unrolled."""
    backend = Backend(content)
    save(backend, "content/roles/typed.yaml", {"title": "Typed", "team": text}, None)
    written = (content / "roles" / "typed.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(written)["team"] == text
