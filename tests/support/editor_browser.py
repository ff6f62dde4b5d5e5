"""The browser editor, running for a test: `roleprint edit` on a copy of the shipped content,
and the few steps every editor test takes (open it, pick from a list, check its words)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import CONTENT, ROOT
from tests.support.waiting import LIMIT, until


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def answer(url: str, contains: str = "", child: subprocess.Popen[bytes] | None = None) -> str:
    """The page at `url`, once it is served and holds `contains` (see tests/support/waiting.py)."""
    def body() -> str:
        assert child is None or child.poll() is None, "the editor stopped (see edit.log)"
        try:
            with urllib.request.urlopen(url, timeout=LIMIT) as response:
                text: str = response.read().decode("utf-8", "replace")
                return text if contains in text else ""
        except OSError:
            return ""

    wanted = f" with {contains}" if contains else ""
    return until(body, f"{url} did not answer{wanted}")


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("editor")
    content = work / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns("sources"))
    (content / "sources").mkdir()
    editor_port, preview_port = free_port(), free_port()
    env = {**os.environ, "ROLEPRINT_CACHE": str(work / "cache")}
    log = (work / "edit.log").open("wb")
    child = subprocess.Popen(
        [sys.executable, "-m", "generator", "edit", "--content", str(content),
         "--config", str(ROOT / "mkdocs.yml"), "--addr", f"127.0.0.1:{editor_port}",
         "--preview-addr", f"127.0.0.1:{preview_port}"], cwd=work, env=env,
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{editor_port}"
        answer(url + "/", child=child)
        yield {"url": url, "preview": f"http://127.0.0.1:{preview_port}", "content": content}
    finally:
        os.killpg(child.pid, signal.SIGTERM)  # its own session: the preview child goes too
        child.wait(timeout=LIMIT)
        log.close()


def open_editor(page: Any, url: str, login: bool = False) -> None:
    """The editor's first page, once it lists the roles. The local editor opens straight into
    the editor; the hosted one (`login`) shows Decap's login first."""
    page.goto(url + "/")
    if login:
        page.get_by_role("button", name="Login").click()
    page.wait_for_selector("text=Recovery Navigator")


def pick(page: Any, combobox: Any, text: str) -> None:
    """Choose from one of Decap's select lists, as a keyboard user does."""
    combobox.click()
    combobox.fill(text)
    page.get_by_role("option", name=text, exact=False).first.wait_for()
    combobox.press("Enter")

# What an HR officer must never be shown (issue 27): YAML, file names, line numbers, patterns
# and command-line flags. Each is (what it is, how it is recognised in the page's text).
PROGRAMMER_WORDS = (
    ("a YAML or JSON file name", re.compile(r"\b[\w.-]+\.(?:ya?ml|json)\b", re.I)),
    ("a line number", re.compile(r"\bline \d+", re.I)),
    ("a pattern", re.compile(r"\^\[|\[0-9\]|\\d|\{\d+\}|\(\?:|\$\)")),
    ("a command-line flag", re.compile(r"(?<![\w-])--[a-z][a-z-]+")),
    ("a YAML key", re.compile(r"\b[a-z]+(?:_[a-z]+)+\b(?=:|\s*\[|')")),
    ("a YAML list", re.compile(r":\s*\[[^\]]*\]")),
    ("a content folder", re.compile(r"\bcontent/|\bschemas/")),
)


def programmer_words(text: str) -> list[str]:
    """Each programmer's word found in `text`, as "what: the text found" (empty when none)."""
    return [f"{what}: {found.group(0)!r}" for what, pattern in PROGRAMMER_WORDS
            for found in pattern.finditer(text)]


def assert_officer_words(page: Any) -> None:
    """The editor's page (not the published page in the preview frame) shows an officer
    nothing of YAML, files, lines, patterns or flags."""
    text = page.locator("body").inner_text()
    found = programmer_words(text)
    assert not found, "the editor shows a programmer's words:\n" + "\n".join(found)


def assert_officer_words_in(part: Any) -> None:
    """As `assert_officer_words`, for one part of the page (a Playwright locator, which may be
    inside a frame): the text it shows an officer, each of its elements that is shown."""
    text = "\n".join(part.all_inner_texts())
    found = programmer_words(text)
    assert not found, "the editor shows a programmer's words:\n" + "\n".join(found)
