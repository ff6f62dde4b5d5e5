"""Build the shipped site once and serve it on 127.0.0.1 for Playwright-driven Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.support.waiting import BROWSER_LIMIT_MS

CHROMIUM = Path(os.environ.get("ROLEPRINT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def require_chromium() -> None:
    """Fail (never skip) when the browser is missing: CI must run these tests."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from generator.cli import run
    from tests.conftest import CONTENT, ROOT

    site_dir = tmp_path_factory.mktemp("browser") / "site"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert run(["build", "--content", str(CONTENT), "--site-dir", str(site_dir)]) == 0
    finally:
        os.chdir(cwd)
    return site_dir


@contextlib.contextmanager
def serve_folder(folder: Path,
                 kind: type[http.server.SimpleHTTPRequestHandler] = Quiet) -> Iterator[str]:
    """A folder served on 127.0.0.1 (a free port), quietly, while the block runs; its address.
    `kind`: a handler of one's own (a benchmark counts the bytes it sends)."""
    handler = functools.partial(kind, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    with serve_folder(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    # Playwright's own limits (30 s for an action, 5 s for an expectation) are a guess at how
    # fast a machine is; on a busy one they fail tests that would pass. Every context and page
    # the tests open waits up to BROWSER_LIMIT_MS instead: a guard against a hang, no more.
    expect.set_options(timeout=BROWSER_LIMIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            args=CHROMIUM_ARGS, headless=True, timeout=BROWSER_LIMIT_MS,
        )
        new_context, new_page = chromium.new_context, chromium.new_page

        def patient_context(**options: Any) -> Any:
            context = new_context(**options)
            context.set_default_timeout(BROWSER_LIMIT_MS)
            return context

        def patient_page(**options: Any) -> Any:
            page = new_page(**options)
            page.context.set_default_timeout(BROWSER_LIMIT_MS)
            return page

        chromium.new_context = patient_context
        chromium.new_page = patient_page
        yield chromium
        chromium.close()


# The site's search is Pagefind's interface (generator/templates/site/assets/search.js). Its
# message says which query the results shown are for ("3 results for recovery"; "Searching
# for …" while it looks): done once it names the whole query now in the box and every result
# has its link drawn (each result's title and metadata are fetched after the list).
SEARCH_BOX = ".pagefind-ui__search-input"
SEARCH_RESULT = ".pagefind-ui__result"
# The message's pattern in JavaScript: the count ("1 result", "1,073 results", "No results"),
# then the query. Pagefind writes a count of a thousand or more with a comma.
SEARCH_SAID = "/^([\\d,]+ results?|No results) for (.*)$/"
SEARCH_DONE = """([box, result]) => {
  const query = document.querySelector(box).value.trim();
  const message = document.querySelector(".pagefind-ui__message");
  const said = message && """ + SEARCH_SAID + """.exec(message.textContent.trim());
  return Boolean(said) && said[2] === query && [...document.querySelectorAll(result)]
    .every((item) => item.querySelector(".pagefind-ui__result-link"));
}"""


@contextlib.contextmanager
def page_at(browser: Any, width: int, height: int) -> Iterator[Any]:
    """A new page in a browser context of its own, `width` × `height` px, closed after."""
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        yield context.new_page()
    finally:
        context.close()


def wait_for_search(page: Any) -> Any:
    """Until the results shown are those of the query as typed; the result items."""
    page.wait_for_function(SEARCH_DONE, arg=[SEARCH_BOX, SEARCH_RESULT])
    return page.locator(SEARCH_RESULT)


def search(page: Any, url: str, query: str, path: str = "") -> Any:
    """Type `query` into the search box of the site at `url` (on the page at `path`), key by
    key as a person does, and wait for its results; their items, best first."""
    page.goto(f"{url}/{path}")
    box = page.locator(SEARCH_BOX)
    box.click()
    box.press_sequentially(query, delay=20)
    return wait_for_search(page)


def settle(page: Any) -> None:
    """Until what the page's scripts had set going has finished moving: first the short timers
    already set (Material opens the search a millisecond after the focus moves, on a timer),
    then a frame, then every finite animation and transition (a menu sliding, the search box or
    its results opening)."""
    page.evaluate("""async () => {
        await new Promise((done) => setTimeout(done, 1));
        await new Promise((done) => requestAnimationFrame(() => done()));
        await Promise.all(document.getAnimations()
            .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .map((a) => a.finished.catch(() => null)));
    }""")


# ---- Accessibility checkers: axe-core (npm) in Chromium, the Nu HTML Checker with Java ----

NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Every WCAG 2.0, 2.1 and 2.2 rule at levels A and AA that axe-core has.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MISSING_NPM = "run `make test` (it runs `npm ci` from package-lock.json)"


def require_axe() -> str:
    """axe-core's source, or fail (never skip): CI must run the audit."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: {MISSING_NPM}")
    return AXE.read_text(encoding="utf-8")


def require_vnu() -> list[str]:
    """The command that runs the Nu HTML Checker, or fail (never skip)."""
    java = shutil.which("java")
    if not java:
        pytest.fail("java is missing: `make test` installs Debian's default-jre-headless")
    if not VNU.is_file():
        pytest.fail(f"{VNU} is missing: {MISSING_NPM}")
    return [java, "-jar", str(VNU)]


def axe_violations(page: Any, source: str) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now, WCAG A and AA rules only."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => (await axe.run(document, {
             runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
           })).violations""",
        WCAG_TAGS,
    )
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    """Each violation with the selector and the reason for every element it found."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"]:
            reason = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {reason}")
    return "\n".join(lines)


def site_pages(site: Path) -> list[str]:
    """Every page of a built site as a URL path ('' for home), forms and 404 excluded."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel.startswith(("search", "assets")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return sorted(pages)


def form_pages(site: Path) -> list[str]:
    """Every HTML form and sheet of every role, as URL paths."""
    return sorted(p.relative_to(site).as_posix() for p in site.glob("roles/*/forms/*.html"))


def shipped_pages() -> list[str]:
    """The URL path ('' for home) of every page the shipped content makes, known before the
    build so that tests can be parametrised by page; a11y/test_axe.py checks the built site has
    exactly these."""
    from generator.render.site.pages import pages
    from tests.conftest import CONTENT
    from tests.support.site import load_site

    urls = []
    for page in pages(load_site(CONTENT)):
        stem = page.path.removesuffix(".md").removesuffix("index")
        urls.append(stem if not stem or stem.endswith("/") else stem + "/")
    return sorted(urls)


def shipped_forms() -> list[str]:
    """The URL path of every HTML form and sheet of every shipped role with a vacancy (a role
    with none has no forms on the site)."""
    from generator.render.forms.render import FORMS
    from tests.conftest import CONTENT
    from tests.support.site import load_site

    site = load_site(CONTENT)
    roles = sorted(role for role in site.roles if site.recruits(role))
    assert roles, "no shipped role has a vacancy, so no form would be checked"
    return sorted(f"roles/{role}/forms/{form}.html" for role in roles for form in FORMS)
