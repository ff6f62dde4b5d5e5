"""Make text from YAML safe for each output format.

Text fields may use a small part of Markdown (emphasis, lists, links). Raw HTML, unsafe link
schemes, attribute lists and template syntax must never take effect; they are shown as typed.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

import markdown
import nh3
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "blockquote", "abbr",
}
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}

# [text](target) and [text]: target — keep the text, drop a target with an unsafe scheme.
_LINK = re.compile(r"\[([^\]]*)\]\(\s*((?:[^()\s]|\([^()]*\))*)(?:\s+[^)]*)?\)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(\S+).*$", re.MULTILINE)
_ENTITY_START = re.compile(r"&(?=#?[a-zA-Z0-9]+;)")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def _safe_target(target: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(target))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def _destination(text: str, start: int) -> tuple[int, str]:
    """The link target that starts at `start` (just after `](`) and where the link ends.

    Follows Python-Markdown: `<…>` targets, nested parentheses and backslash escapes.
    """
    i = start
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if text.startswith("<", i) or text.startswith("&lt;", i):
        close = text.find(")", i)
        end = len(text) if close < 0 else close + 1
        return end, text[i:end]
    depth, begin = 0, i
    target_end = None
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char in " \t\n" and depth == 0 and target_end is None:
            target_end = i
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i + 1, text[begin:target_end if target_end is not None else i]
            depth -= 1
        i += 1
    return len(text), text[begin:target_end if target_end is not None else len(text)]


# An autolink, <https://…>, with a safe scheme and nothing in it that could end the element or an
# attribute: it is kept as Markdown writes it, so it is published as a link (the guide says
# links work). Anything else in angle brackets is escaped and shown as typed.
_AUTOLINK = re.compile(r"<((?:https?|mailto|tel):[^\s<>\"'`\\{}]+)>")


def _outside_autolinks(text: str, convert: Callable[[str], str]) -> str:
    """`convert` applied to the text between autolinks; the autolinks kept as written."""
    parts = _AUTOLINK.split(text)
    return "".join(convert(part) if index % 2 == 0 else f"<{part}>"
                   for index, part in enumerate(parts))


# Every change markdown_safe makes starts at one of these characters.
_ACTIVE = re.compile(r"[&<>\[\]{}]")


def _escape_unsafe_links(text: str) -> str:
    """Any `](target)` still holding an unsafe target loses its `(`, so it is no link at all.

    A second line of defence behind `_LINK`, for what a regular expression cannot follow
    (`[[x]](…)`, `(…((…)))`): such text is shown as typed.
    """
    out, i = [], 0
    while (j := text.find("](", i)) >= 0:
        end, target = _destination(text, j + 2)
        if _safe_target(target.strip().lstrip("<").removeprefix("&lt;")):
            out.append(text[i:end])
            i = end
        else:
            out.append(text[i:j + 1] + "\\(")
            i = j + 2
    return "".join(out) + text[i:]


def markdown_safe(text: str) -> str:
    """Markdown source that renders as the author wrote it, with nothing active left in it.

    HTML is escaped (so `<script>` shows as text), links keep only http, https, mailto and tel
    targets, images are not shown (their source would be fetched from elsewhere), and braces
    are backslash-escaped so attribute-list syntax (`{: onclick=… }`, `{onclick=…}`) cannot
    attach attributes to the page.
    """

    if not _ACTIVE.search(text):  # most text: nothing below would change it
        return text
    if "<" in text and _AUTOLINK.search(text):
        return _outside_autolinks(text, markdown_safe)

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        return match.group(0) if _safe_target(target) else label

    # Only an ampersand that would start an entity (`&lt;`, `&#106;`) needs escaping; a bare one
    # ("DA&SV") stays as typed, so glossary abbreviations can still match it.
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _LINK.sub(link, text)
    text = _REF_DEF.sub(lambda m: m.group(0) if _safe_target(m.group(1)) else "", text)
    text = _escape_unsafe_links(text)
    # Images would make candidates' browsers fetch from elsewhere: `![` is shown as typed.
    text = text.replace("![", "!\\[")
    # attr_list reads `{…}` after a paragraph, heading or inline element; an escaped brace
    # is plain text to it.
    return text.replace("{", "\\{").replace("}", "\\}")


def inline_safe(text: str) -> str:
    """One line of text for a Markdown table cell or heading: escaped, on one line."""
    flat = " ".join(markdown_safe(text).split())
    return flat.replace("|", "\\|")


_MD = markdown.Markdown(extensions=["sane_lists"], output_format="html")


@functools.lru_cache(maxsize=8192)  # the same competency texts recur in role after role
def markdown_to_html(text: str | None) -> Markup:
    """Render Markdown to HTML for the print forms and PDFs, cleaned by nh3."""
    if not text:
        return Markup("")
    _MD.reset()
    rendered = _MD.convert(_outside_autolinks(text, lambda part: html.escape(part, quote=False)))
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
