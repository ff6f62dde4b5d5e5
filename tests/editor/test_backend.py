"""The editor's local backend: Decap's proxy protocol, confined to the records, formatting saves."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from generator.cli import run
from generator.editor.backend import Backend, Refused
from generator.editor.config import ORDER, decap_config
from generator.editor.server import make_server
from tests.conftest import CONTENT
from tests.editor.test_backend_safety import ROLE, SAFETY, bomb


@pytest.fixture
def content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("sources"))
    return target


def test_info_and_a_folder_of_records_widened_for_the_forms(content: Path) -> None:
    backend = Backend(content)
    assert backend.handle({"action": "info"})["type"] == "local_fs"
    entries = backend.handle({"action": "entriesByFolder",
                              "params": {"folder": "content/roles", "extension": "yaml"}})
    assert [e["file"]["path"] for e in entries] == sorted(
        f"content/roles/{p.name}" for p in (content / "roles").glob("*.yaml"))
    navigator = next(json.loads(e["data"]) for e in entries
                     if e["file"]["path"].endswith("recovery-navigator.yaml"))
    items = navigator["accountabilities"]["items"]
    assert all(isinstance(item, dict) and "text" in item for item in items)


@pytest.mark.parametrize("path", [
    "../outside.yaml", "content/../../etc/passwd", "content/sources/x.yaml", "content/roles/x.txt",
    "content/roles/../../x.yaml", "schemas/role.schema.json", "content/roles/sub/x.yaml",
])
def test_nothing_outside_the_record_folders_is_read_or_written(content: Path, path: str) -> None:
    backend = Backend(content)
    with pytest.raises(Refused):
        backend.handle({"action": "getEntry", "params": {"path": path}})
    with pytest.raises(Refused):
        backend.handle({"action": "persistEntry",
                        "params": {"dataFiles": [{"path": path, "raw": "title: x\n"}]}})
    with pytest.raises(Refused):
        backend.handle({"action": "deleteFiles", "params": {"paths": [path]}})


def test_a_save_is_formatted_keeps_comments_and_tells_the_checker(content: Path) -> None:
    told = []
    backend = Backend(content, on_change=lambda: told.append(1))
    path = "content/roles/recovery-navigator.yaml"
    # No shipped record carries a comment now (tests/content), but a user's file may.
    target = content / "roles" / "recovery-navigator.yaml"
    commented = target.read_text(encoding="utf-8").replace(
        "\nlocations:", "\n# Bristol is where Second Step's office is\nlocations:")
    target.write_text(commented, encoding="utf-8")
    entry = backend.handle({"action": "getEntry", "params": {"path": path}})
    values = json.loads(entry["data"])
    values["team"] = "Forensic Team"
    raw = yaml.safe_dump(values, sort_keys=False, allow_unicode=True)
    save = {"dataFiles": [{"path": path, "raw": raw, "version": entry["version"]}]}
    backend.handle({"action": "persistEntry", "params": save})
    text = (content / "roles" / "recovery-navigator.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")
    assert "# Bristol is where Second Step's office is" in text
    assert "team: Forensic Team\n" in text and told == [1]
    assert run(["validate", "--content", str(content)]) == 0


def test_new_renamed_and_deleted_records(content: Path) -> None:
    backend = Backend(content)
    raw = "title: New role\norganisation: second-step\n"
    new = {"path": "content/roles/new-role.yaml", "raw": raw}
    answer = backend.handle({"action": "persistEntry", "params": {"dataFiles": [new]}})
    saved = content / "roles" / "new-role.yaml"
    assert saved.read_text().splitlines()[0].startswith("# yaml-language-server: $schema=")
    assert answer["versions"] == {new["path"]: hashlib.sha256(saved.read_bytes()).hexdigest()}
    moved = {**new, "newPath": "content/roles/newer-role.yaml",
             "version": answer["versions"][new["path"]]}
    backend.handle({"action": "persistEntry", "params": {"dataFiles": [moved]}})
    assert not saved.exists() and (content / "roles" / "newer-role.yaml").is_file()
    gone = {"paths": ["content/roles/newer-role.yaml"]}
    backend.handle({"action": "deleteFiles", "params": gone})
    assert not (content / "roles" / "newer-role.yaml").exists()
    with pytest.raises(Refused, match="glossary cannot be deleted"):
        backend.handle({"action": "deleteFiles", "params": {"paths": ["content/glossary.yaml"]}})


def test_a_new_record_is_written_in_the_schemas_order_not_the_order_filled_in(
        content: Path) -> None:
    """Issue 27, point 6: Decap sends a new record's keys in the order its fields were first
    filled in; the file has them in the schema's order (as docs/editor.md says), at every
    level, and `roleprint format --check` finds nothing to change."""
    filled = {"person_specification": {"criteria": [
                  {"requirement": "essential", "text": "Experience of support work",
                   "id": "E1"}],
                  "assessed_by": ["application", "interview"]},
              "team": "Support Team", "organisation": "second-step",
              "title": "Support Worker"}
    new = {"path": "content/roles/support-worker.yaml",
           "raw": json.dumps(filled, indent=2)}
    backend = Backend(content)
    backend.handle({"action": "persistEntry", "params": {"dataFiles": [new]}})
    text = (content / "roles" / "support-worker.yaml").read_text(encoding="utf-8")
    keys = [line.strip().lstrip("- ").split(":")[0] for line in text.splitlines()[1:]]
    assert keys == ["title", "organisation", "team", "person_specification", "assessed_by",
                    "application", "interview", "criteria", "id", "text", "requirement"]
    assert run(["format", "--check", "--content", str(content)]) == 0


def test_refusals_are_plain_sentences(content: Path) -> None:
    backend = Backend(content)
    with pytest.raises(Refused, match="do not take uploaded files"):
        backend.handle({"action": "persistEntry", "params": {
            "dataFiles": [{"path": "content/roles/x.yaml", "raw": "title: x\n"}],
            "assets": [{"path": "content/x.png", "content": "", "encoding": "base64"}]}})
    with pytest.raises(Refused, match="not saved"):
        backend.handle({"action": "persistEntry", "params": {
            "dataFiles": [{"path": "content/roles/x.yaml", "raw": "- a list, not a record\n"}]}})
    assert not (content / "roles" / "x.yaml").exists()
    with pytest.raises(Refused, match="does not do 'publishUnpublishedEntry'"):
        backend.handle({"action": "publishUnpublishedEntry", "params": {}})


@pytest.fixture
def server(content: Path) -> Iterator[tuple[str, str]]:
    httpd = make_server(content, "127.0.0.1", 0, 'http://127.0.0.1:1/"><script>')
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", httpd.token
    httpd.shutdown()
    httpd.server_close()


def get(url: str, token: str = "") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"X-Roleprint-Token": token})
    try:
        with urllib.request.urlopen(request, timeout=SAFETY) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_the_page_config_and_files_served(server: tuple[str, str]) -> None:
    url, token = server
    status, page = get(url + "/")
    assert status == 200 and b'<link rel="cms-config-url"' in page
    assert b'"><script>' not in page  # the preview address is escaped
    status, config = get(url + "/config.yml", token)
    assert status == 200 and json.loads(config)["backend"]["proxy_url"] == "/api/v1"
    assert get(url + "/decap/..%2f..%2fpyproject.toml")[0] == 404
    assert get(url + "/decap/.hidden")[0] == 404
    status, problems = get(url + "/roleprint/problems", token)
    assert status == 200 and "problems" in json.loads(problems)
    request = urllib.request.Request(url + "/api/v1", data=b"not json", method="POST", headers={
        "X-Roleprint-Token": token, "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(request, timeout=SAFETY)
    assert err.value.code == 400 and "not understood" in json.loads(err.value.read())["error"]


def test_a_method_an_organisation_adds_is_offered_at_the_next_page_load(
        server: tuple[str, str], content: Path) -> None:
    """The configuration is made for each page load, so "Assessed by" offers a method added
    (in the editor, say) without restarting the editor."""
    url, token = server

    def offered() -> list[str]:
        config = json.loads(get(url + "/config.yml", token)[1])
        criteria = next(c for c in config["collections"] if c["name"] == "criteria")
        field = next(f for f in criteria["fields"] if f["name"] == "assessed_by")
        return [o["value"] for o in field["options"]]

    assert "role-play" not in offered()
    path = content / "organisations" / "second-step.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "assessment_methods:\n"
                    "  - id: role-play\n    name: Role play\n", encoding="utf-8")
    assert "role-play" in offered()


@pytest.mark.parametrize("addr", ["0.0.0.0:8080", "localhost:8080", "192.168.1.2:80", "8080"])
def test_edit_listens_on_127_0_0_1_only(addr: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["edit", "--content", str(CONTENT), "--addr", addr]) == 2
    assert "127.0.0.1" in capsys.readouterr().err
    assert run(["edit", "--content", str(CONTENT), "--preview-addr", addr]) == 2


def test_export_for_a_hosted_backend(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "admin"
    assert run(["edit", "--export", str(target), "--backend", "gitlab", "--repo", "hr/roles",
                "--content", str(CONTENT)]) == 0
    config = json.loads((target / "config.yml").read_text())
    assert config["backend"] == {"name": "gitlab", "repo": "hr/roles", "branch": "main",
                                 "squash_merges": True}
    assert config["publish_mode"] == "editorial_workflow"
    # Decap reads and writes the repository's files itself there: YAML, not the local JSON.
    assert {c["format"] for c in config["collections"]} == {f"roleprint-{k}" for k in ORDER}
    assert {c["format"] for c in decap_config()["collections"]} == {"json"}
    page = (target / "index.html").read_text()
    assert 'src="decap-cms.js"' in page and 'href="config.yml"' in page and '="/' not in page
    assert (target / "decap-cms.js").stat().st_size > 1_000_000
    assert run(["edit", "--export", str(target), "--repo", "no-slash",
                "--content", str(CONTENT)]) == 2
    assert "OWNER/NAME" in capsys.readouterr().err


def post(server: tuple[str, str], body: dict[str, object]) -> tuple[int, dict[str, object]]:
    url, token = server
    request = urllib.request.Request(url + "/api/v1", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json",
                                              "X-Roleprint-Token": token})
    try:
        with urllib.request.urlopen(request, timeout=SAFETY) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_an_alias_bomb_over_http_is_refused_and_saves_go_on(server: tuple[str, str],
                                                           content: Path) -> None:
    """Issue 23, point 2, through the real server: answered 400 at once (the request's
    timeout is only a safety net), and a normal save afterwards is made."""
    laughs = {"path": "content/roles/laughs.yaml", "raw": bomb()}
    status, answer = post(server, {"action": "persistEntry", "params": {"dataFiles": [laughs]}})
    assert status == 400 and "aliases ('*a0') are not allowed" in str(answer["error"])
    status, entry = post(server, {"action": "getEntry", "params": {"path": ROLE}})
    values = {**json.loads(str(entry["data"])), "team": "Forensic Team"}
    mine = {"path": ROLE, "raw": json.dumps(values), "version": entry["version"]}
    status, answer = post(server, {"action": "persistEntry", "params": {"dataFiles": [mine]}})
    assert status == 200, answer
    assert "team: Forensic Team\n" in (content / "roles" / "recovery-navigator.yaml").read_text()


def test_a_record_deleted_while_its_folder_is_listed_is_left_out(
        content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor warms its listing in a thread while the author may delete a record; the file
    going between the folder's listing and its reading must not break the listing."""
    backend = Backend(content)
    gone = content / "roles" / "recovery-navigator.yaml"
    read_entry = Backend.entry

    def entry_after_a_delete(self: Backend, path: Path, kind: str) -> dict:
        if path == gone.resolve() and gone.exists():
            gone.unlink()
        return read_entry(self, path, kind)

    monkeypatch.setattr(Backend, "entry", entry_after_a_delete)
    entries = backend.folder("content/roles")
    listed = [e["file"]["path"] for e in entries]
    assert "content/roles/recovery-navigator.yaml" not in listed
    assert listed == sorted(f"content/roles/{p.name}" for p in (content / "roles").glob("*.yaml"))
