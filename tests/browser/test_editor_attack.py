"""Another website, open in Chromium while the editor runs, can neither change nor read records.

The attacking page is served from another port of 127.0.0.1 (another origin, as any website
is). It tries to write, delete and read through `fetch` (with and without `no-cors`, as JSON and
as text), through forms, and by framing the editor's page to take its token. Afterwards the
content folder holds the same files with the same bytes, and the page has read nothing.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve_folder
from tests.support.editor_http import (
    DELETE_ROLE,
    NEW_ROLE,
    READ_ROLES,
    Editor,
    copy_content,
    editor_on,
    tree_digest,
)

pytestmark = pytest.mark.browser

ATTACK = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Another website</title></head><body>
<iframe name="sink1" title="sink"></iframe><iframe name="sink2" title="sink"></iframe>
<iframe id="framed" title="framed"></iframe>
<script>
const editor = decodeURIComponent(location.hash.slice(1));
const api = editor + "/api/v1";
const NEW = %(new)s, DELETE = %(delete)s, READ = %(read)s;

async function attempt(name, url, init) {
  try {
    const answer = await fetch(url, init);
    let text = "";
    try { text = await answer.text(); } catch (e) { text = ""; }
    return {name, type: answer.type, status: answer.status, text};
  } catch (e) {
    return {name, failed: String(e)};
  }
}

function post(form, enctype, target, fields) {
  return new Promise((resolve) => {
    const f = document.createElement("form");
    f.method = "post"; f.action = api; f.enctype = enctype; f.target = target;
    Object.entries(fields).forEach(([name, value]) => {
      const input = document.createElement("input");
      input.type = "hidden"; input.name = name; input.value = value;
      f.appendChild(input);
    });
    document.body.appendChild(f);
    document.querySelector(`iframe[name="${target}"]`).onload = () => resolve(
      {name: form, submitted: true});
    f.submit();
  });
}

// A JSON body sent as a text/plain form: name + "=" + value is the whole body.
function jsonForm(value) {
  const text = JSON.stringify({...value, pad: ""});
  return {[text.slice(0, -2)]: '"}'};
}

async function run() {
  const results = [];
  for (const [what, value] of [["write", NEW], ["delete", DELETE], ["read", READ]]) {
    const body = JSON.stringify(value);
    results.push(await attempt(what + " text/plain", api,
      {method: "POST", headers: {"Content-Type": "text/plain"}, body}));
    results.push(await attempt(what + " no-cors", api, {method: "POST", mode: "no-cors", body}));
    results.push(await attempt(what + " json no-cors", api,
      {method: "POST", mode: "no-cors", headers: {"Content-Type": "application/json"}, body}));
    results.push(await attempt(what + " json", api,
      {method: "POST", headers: {"Content-Type": "application/json"}, body}));
    results.push(await attempt(what + " json with a guessed token", api,
      {method: "POST", headers: {"Content-Type": "application/json", "X-Roleprint-Token": "x"},
       body}));
    results.push(await attempt(what + " credentials no-cors", api,
      {method: "POST", mode: "no-cors", credentials: "include", body}));
  }
  for (const path of ["/", "/config.yml", "/roleprint/problems"]) {
    results.push(await attempt("read " + path, editor + path, {}));
    results.push(await attempt("read no-cors " + path, editor + path, {mode: "no-cors"}));
  }
  results.push(await post("write form text/plain", "text/plain", "sink1", jsonForm(NEW)));
  results.push(await post("delete form urlencoded", "application/x-www-form-urlencoded",
                          "sink2", jsonForm(DELETE)));
  // The editor's page, framed, to take its token: the frame's document is out of reach.
  const framed = document.getElementById("framed");
  await new Promise((resolve) => { framed.onload = resolve; framed.src = editor + "/"; });
  let token = "";
  try { token = framed.contentDocument.querySelector("meta[name=roleprint-token]").content; }
  catch (e) { token = ""; }
  results.push({name: "token from the framed page", text: token});
  window.results = results;
}
run();
</script></body></html>
"""


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[Editor]:
    with editor_on(copy_content(tmp_path)) as running:
        yield running


def test_another_website_changes_and_reads_nothing(
        browser: Any, editor: Editor, tmp_path: Path) -> None:
    site = tmp_path / "attacker"
    site.mkdir()
    page_text = ATTACK % {"new": json.dumps(NEW_ROLE), "delete": json.dumps(DELETE_ROLE),
                          "read": json.dumps(READ_ROLES)}
    (site / "index.html").write_text(page_text, encoding="utf-8")
    before = tree_digest(editor.content)
    with serve_folder(site) as attacker:
        assert attacker != editor.url
        page = browser.new_page()
        answered: list[tuple[str, int]] = []
        page.on("response", lambda r: answered.append((r.request.method, r.status))
                if r.url.startswith(editor.url + "/api/v1") else None)
        page.goto(f"{attacker}/#{editor.url}")
        page.wait_for_function("Array.isArray(window.results)", timeout=120_000)
        results = page.evaluate("window.results")
        page.close()
    assert tree_digest(editor.content) == before  # same files, same bytes
    leaked = [r for r in results if r.get("text") or r.get("status")]
    assert not leaked, f"the other website read something: {leaked}"
    seen = json.dumps(results)
    assert editor.server.token not in seen and "recovery-navigator" not in seen
    # The browser did send the requests a page may send unasked; the editor refused each.
    posts = [status for method, status in answered if method == "POST"]
    assert len(posts) >= 11 and all(status in (403, 415) for status in posts), answered


def test_a_rebound_name_gets_nothing_from_the_editor(browser: Any, editor: Editor) -> None:
    """DNS rebinding: a name of the attacker's that now resolves to 127.0.0.1. Its pages are
    on the editor's port, so they are same-origin with their own requests; the Host check
    refuses every one."""
    rules = "--host-resolver-rules=MAP rebound.test 127.0.0.1"
    executable = str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium"))
    # A browser of its own, which resolves the attacker's name as a rebinding DNS server would.
    chromium = browser.browser_type.launch(executable_path=executable,
                                           args=[*CHROMIUM_ARGS, rules], headless=True)
    try:
        page = chromium.new_page()
        rebound = f"http://rebound.test:{editor.port}"
        answer = page.goto(rebound + "/")
        assert answer is not None and answer.status == 403
        assert editor.server.token not in page.content()
        statuses = page.evaluate("""async (body) => {
            const out = [];
            for (const path of ["/", "/config.yml", "/roleprint/problems"]) {
              out.push((await fetch(path)).status);
            }
            out.push((await fetch("/api/v1", {method: "POST", body,
              headers: {"Content-Type": "application/json"}})).status);
            return out;
        }""", json.dumps(NEW_ROLE))
    finally:
        chromium.close()
    assert statuses == [403, 403, 403, 403]
    assert not (editor.content / "roles" / "csrf-proof.yaml").exists()


def test_the_editors_own_page_still_reads_and_saves(browser: Any, editor: Editor) -> None:
    """The token reaches every request the real page makes: Decap's configuration, its proxy
    backend's reads and saves, and Roleprint's problems panel."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    refused: list[str] = []
    page.on("response", lambda r: refused.append(f"{r.status} {r.url}")
            if r.status >= 400 else None)
    page.goto(editor.url + "/")
    page.wait_for_selector("text=Recovery Navigator", timeout=60_000)
    summary = page.locator("#roleprint-problems-summary")
    page.wait_for_function(
        "document.getElementById('roleprint-problems-summary').textContent.includes('problem')",
        timeout=120_000)
    assert "stopped" not in summary.inner_text()
    page.goto(editor.url + "/#/collections/roles/entries/recovery-navigator")
    team = page.get_by_role("textbox", name="Team")
    team.wait_for(timeout=60_000)
    team.fill("Forensic Team")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.get_by_text("Publish now").click()
    saved = editor.content / "roles" / "recovery-navigator.yaml"
    deadline = time.monotonic() + 60
    while "team: Forensic Team\n" not in saved.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, "the save did not reach the file"
        time.sleep(0.2)
    page.close()
    assert not refused, refused
