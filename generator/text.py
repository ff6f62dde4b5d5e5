"""Make text from YAML safe for each output format.

Text fields may use a small part of Markdown (emphasis, lists, links). Raw HTML, unsafe link
schemes, attribute lists and template syntax must never take effect; they are shown as typed.
"""

from __future__ import annotations

import html
import re

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
_ATTR_LIST = re.compile(r"\{\s*[:#.]")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


def _safe_target(target: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(target))
    match = _SCHEME.match(cleaned)
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def markdown_safe(text: str) -> str:
    """Markdown source that renders as the author wrote it, with nothing active left in it.

    HTML is escaped (so `<script>` shows as text), links keep only http, https, mailto and tel
    targets, and attribute-list syntax (`{: onclick=… }`) is broken up so it cannot attach
    attributes to the page.
    """

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        return match.group(0) if _safe_target(target) else label

    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _LINK.sub(link, text)
    text = _REF_DEF.sub(lambda m: m.group(0) if _safe_target(m.group(1)) else "", text)
    return _ATTR_LIST.sub(lambda m: "{" + "\u200b" + m.group(0)[1:], text)


def inline_safe(text: str) -> str:
    """One line of text for a Markdown table cell or heading: escaped, on one line."""
    flat = " ".join(markdown_safe(text).split())
    return flat.replace("|", "\\|")


_MD = markdown.Markdown(extensions=["sane_lists"], output_format="html")


def markdown_to_html(text: str | None) -> Markup:
    """Render Markdown to HTML for the print forms and PDFs, cleaned by nh3."""
    if not text:
        return Markup("")
    _MD.reset()
    rendered = _MD.convert(html.escape(text, quote=False))
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
