"""Hostile text in every field stays text: no script, handler, javascript: link or template."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render.site.pages import render_all
from tests.conftest import FIXTURES, UNSAFE, overlay
from tests.support.site import body_of, generate_and_build, load_site, read_back, scan

# The scripts Material puts on every page, and ours: anything else came from the content.
ALLOWED_SCRIPTS = ("__config", "bundle", "inline", "roleprint", "application/ld+json")


@pytest.fixture(scope="module")
def unsafe(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], Path, list[str]]:
    where = tmp_path_factory.mktemp("unsafe")
    content = overlay(FIXTURES / "base", UNSAFE / "content", where)
    site = load_site(content)
    _, site_dir, warnings = generate_and_build(site, where)
    return render_all(site), site_dir, warnings


def script_kind(attrs: dict[str, str | None]) -> str:
    if attrs.get("id") == "__config":
        return "__config"
    name = (attrs.get("src") or "").split("/")[-1]
    if name.startswith("bundle.") or name in ("roleprint.js", "search.js", "pagefind-ui.js"):
        # The site's search (its start-up script and Pagefind's interface) counts as ours.
        return "bundle" if name.startswith("bundle.") else "roleprint"
    if attrs.get("type") == "application/ld+json":
        return "application/ld+json"
    return "inline" if not attrs else "other"


def test_markdown_has_nothing_active(unsafe: tuple[dict[str, str], Path, list[str]]) -> None:
    pages = unsafe[0]
    for path, page in pages.items():
        body = body_of(page)
        assert "<script" not in body.replace('<script type="application/ld+json">', ""), path
        assert not re.search(r"<(img|svg|iframe|style|b|a)\b[^>]*\bon\w+=", body), path
        assert "javascript:" not in re.sub(r"&lt;.*?&gt;", "", body).replace(
            "javascript:alert('xss-item')", ""), path
        assert not re.search(r"(?<!\\)\{[^}\n]*on\w+=", body), path  # no live attr_list
    role = pages["roles/support-worker/index.md"]
    assert "{{ 7*7 }}" in role and "49" not in read_back(pages)["roles/support-worker/index.md"]
    assert "&lt;script&gt;alert('xss-title')&lt;/script&gt;" in role


def test_built_html_has_only_known_scripts(unsafe: tuple[dict[str, str], Path, list[str]]) -> None:
    site_dir = unsafe[1]
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        found = scan(page.read_text("utf-8"))
        rel = page.relative_to(site_dir).as_posix()
        for attrs, text in found.scripts:
            assert script_kind(attrs) in ALLOWED_SCRIPTS, (rel, attrs)
            assert "xss" not in text or script_kind(attrs) == "application/ld+json", rel
            if script_kind(attrs) == "application/ld+json":
                assert not re.search("[<>]", text), rel
        for tag, attrs in found.tags:
            assert not [name for name in attrs if name.startswith("on")], (rel, tag, attrs)
            for name in ("href", "src", "action", "formaction", "data"):
                value = re.sub(r"\s", "", attrs.get(name) or "").lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (rel, tag)
        text = page.read_text("utf-8")
        assert "<style>body" not in text, rel
        title = re.search(r"<title>(.*?)</title>", text, re.DOTALL)
        assert title and "<" not in title.group(1), rel


def test_template_syntax_is_shown_as_typed(unsafe: tuple[dict[str, str], Path, list[str]]) -> None:
    html = (unsafe[1] / "roles" / "support-worker" / "index.html").read_text("utf-8")
    assert "{{ 7*7 }}" in html
    assert "{% raw %}Band 4{% endraw %}" in html
    assert ">49<" not in html


def test_unsafe_tree_still_builds_strictly(unsafe: tuple[dict[str, str], Path, list[str]]) -> None:
    assert unsafe[2] == []


# Each of these got through markdown_safe before: nested brackets or parentheses around a
# javascript: target, and attribute lists the zero-width-space trick did not stop.
BYPASSES = [
    "[x](javascript:alert((1)))",
    "[[x]](javascript:alert(1))",
    "[a](https://ok) [[b]](javascript:alert(1)) [c](http://x)",
    "Para\n{: onclick=\"alert(1)\" }",
    "Para\n{onclick=alert(1)}",
    "Para *em*{onclick=alert(1)}",
    "# Heading {#x onclick=alert(1)}",
    "[x]( JaVaScRiPt:alert(1) \"t\")",
    "[x](<javascript:alert(1)>)",
    "[r]: javascript:alert(1)\n\n[x][r]",
]


@pytest.mark.parametrize("text", BYPASSES)
def test_markdown_safe_leaves_nothing_active(text: str) -> None:
    import markdown

    from generator.core.text import markdown_safe

    rendered = markdown.markdown(markdown_safe(text), extensions=[
        "abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"])
    for _, attrs in scan(rendered).tags:
        assert not [name for name in attrs if name.startswith("on") or name == "_"], rendered
        href = re.sub(r"\s", "", attrs.get("href") or "").lower()
        assert not href.startswith(("javascript:", "<javascript:")), rendered


def test_safe_links_and_braces_still_render() -> None:
    import markdown

    from generator.core.text import markdown_safe

    rendered = markdown.markdown(markdown_safe(
        "[a](https://example.org/a_(b)) [m](mailto:x@example.org) {{ 7*7 }}"),
        extensions=["attr_list"])
    assert '<a href="https://example.org/a_(b)">a</a>' in rendered
    assert '<a href="mailto:x@example.org">m</a>' in rendered
    assert "{{ 7*7 }}" in rendered


def test_search_index_titles_and_tags_are_escaped(
    unsafe: tuple[dict[str, str], Path, list[str]],
) -> None:
    """Material's search inserts each entry's title and tags as HTML: neither may hold a tag.
    The organisation, locations and family title all reach the role's tags."""
    import json

    index = json.loads((unsafe[1] / "search" / "search_index.json").read_text("utf-8"))
    role = [d for d in index["docs"] if d["location"] == "roles/support-worker/"]
    assert role and role[0]["tags"] == [
        "Example &lt;img src=x onerror=alert(&#x27;xss-organisation&#x27;)&gt; Council "
        "&amp;amp; Co",
        "&lt;b onmouseover=alert(&#x27;xss-location&#x27;)&gt;Town&lt;/b&gt;",
        "Leeds {{ 7*7 }}",
        "&lt;img src=x onerror=alert(&#x27;xss-location2&#x27;)&gt;",
        "Recovery &lt;svg onload=alert(&#x27;xss-family&#x27;)&gt; work",
        "Travel",
    ]
    for doc in index["docs"]:
        for value in [doc["title"], *doc.get("tags", [])]:
            assert "<" not in value and ">" not in value, (doc["location"], value)
