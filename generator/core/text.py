"""Make text from YAML safe for each output format.

Text fields may use a small part of Markdown (emphasis, lists, links). Raw HTML, unsafe link
schemes, attribute lists and template syntax must never take effect; they are shown as typed.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator

import markdown
import nh3
from markupsafe import Markup

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "blockquote", "abbr",
}
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "abbr": {"title"}}

# [text](target) and [text]: target: keep the text, drop a target that is not a full address.
# The label holds no bracket, so that each character is looked at by one match attempt only;
# `[[x]](…)` is left to `_rewrite_links`.
_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*((?:[^()\s]|\([^()]*\))*)(?:\s+[^)]*)?\)")
# What may stand before a block's own text on its line: indentation, `>` quotes, list and
# definition markers. A reference definition or an abbreviation inside a list item counts too.
_PREFIX = r"(?:[ \t]|>|[*+\-:](?=[ \t])|\d{1,9}[.)](?=[ \t]))*"
# Python-Markdown's reference definition: the target may be on the next line and a title on
# the line after it.
_REF_DEF = re.compile(
    rf"^(?P<prefix>{_PREFIX})\[(?P<label>[^\[\]]*)\]:[ \t]*\n?[ \t]*(?P<target>\S+)[^\n]*"
    r"(?:\n[ \t]*(?:\"[^\n]*\"|'[^\n]*'|\([^\n]*\))[ \t]*(?=\n|$))?", re.MULTILINE)
# `*[X]: meaning` (the abbr extension's syntax) at the start of a line: only the glossary may
# define abbreviations, so content that looks like one is shown as typed.
# (The extension lets the term run on over lines; a bracket left open at the end of its line
# is escaped too, which keeps the look-ahead to one line.)
_ABBR_DEF = re.compile(rf"^({_PREFIX})\*\[(?=[^\\\n]*?\] ?:|[^\]\n]*(?:\n|$))", re.MULTILINE)
ENTITY_START = re.compile(r"&(?=#?[a-zA-Z0-9]+;)")
_SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
# Autolinks kept as links: http(s) addresses and e-mail addresses made only of characters that
# can start nothing else in Markdown or HTML (no brackets, braces, quotes, spaces or `\`).
_AUTOLINK = re.compile(
    r"<((?:https?://[A-Za-z0-9\-._~:/?#@!$%&*+,;=]+)"
    r"|(?:(?:mailto:)?[A-Za-z0-9.!#$%*+?^_~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+))>")


def link_scheme(target: str) -> str | None:
    """The scheme a link target starts with, lower-cased; None for a relative target."""
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(target))
    match = _SCHEME.match(cleaned)
    return match.group(1).lower() if match else None


def publishable(target: str) -> bool:
    """True for a full address with a safe scheme (`https://…`, `mailto:…`): the only link
    targets published. A relative target (`../policy.pdf`, `#part`) would point into the build
    machine's folders from a PDF and nowhere on the site."""
    scheme = link_scheme(target)
    if scheme not in SAFE_SCHEMES:
        return False
    if scheme in ("http", "https"):
        return bool(re.match(r"\s*https?://[^/\s]", html.unescape(target), re.IGNORECASE))
    return True


def _unwrap(target: str) -> str:
    """A `<…>` target (escaped or not) without its angle brackets."""
    for opener, closer in (("<", ">"), ("&lt;", "&gt;")):
        if target.startswith(opener) and target.endswith(closer):
            return target[len(opener):-len(closer)]
    return target


# A link target is looked for this far at most: every `](` starts a search, and unbounded ones
# would make a file full of `](((` take quadratic time. Longer targets are not links.
_MAX_TARGET = 2048


def _destination(text: str, start: int) -> tuple[int, str | None]:
    """The link target that starts at `start` (just after `](`) and where the link ends;
    None for the target when none ends within `_MAX_TARGET` characters.

    Follows Python-Markdown: `<…>` targets, nested parentheses and backslash escapes.
    """
    limit = min(len(text), start + _MAX_TARGET)
    i = start
    while i < limit and text[i] in " \t\n":
        i += 1
    for opener, closer in (("<", ">"), ("&lt;", "&gt;")):
        if text.startswith(opener, i):
            close = text.find(")", i, limit)
            if close < 0 and limit < len(text):
                return start, None
            end = limit if close < 0 else close + 1
            shut = text.find(closer, i, end)
            inner_end = shut + len(closer) if shut >= 0 else end
            return end, text[i:inner_end]
    depth, begin = 0, i
    target_end = None
    while i < limit:
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
    if limit < len(text):
        return start, None
    return len(text), text[begin:target_end if target_end is not None else len(text)]


def _clean_target(target: str | None) -> str | None:
    """The target to publish (brackets and title gone), or None if it is not publishable."""
    if target is None:
        return None
    target = _unwrap(target.strip())
    balanced = target.count("(") == target.count(")")
    if not balanced or re.search(r"\s", target) or not publishable(target):
        return None
    return target


# Every change markdown_safe makes starts at one of these characters (but for `_FTP_COLON`).
_ACTIVE = re.compile(r"[&<>\[\]{}]")
# The colon of a bare ftp address: the site and the forms turn bare web addresses into links
# (pymdownx.magiclink), which would link ftp:// too; written as a character reference it is
# still read as a colon but starts no link, so only http(s) addresses become links.
_FTP_COLON = re.compile(r"(?<![A-Za-z0-9])(ftps?):(?=//)", re.IGNORECASE)


def _inline_links(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(where `](` is, where its link ends, its target or None) for every `](` in the text.

    Looking for targets costs at most about the text's length: past that budget (text
    such as `](](](…`), the rest are given no target, so they are shown as typed, not linked.
    """
    budget = len(text) + 65536
    i = 0
    while (j := text.find("](", i)) >= 0:
        if budget > 0:
            end, target = _destination(text, j + 2)
            budget -= (end if target is not None else min(len(text), j + _MAX_TARGET)) - j
        else:
            end, target = j + 2, None
        yield j, end, target
        i = j + 2


def _rewrite_links(text: str) -> str:
    """Every `](target …)` keeps only a publishable target, without its title; any other loses
    its `(`, so it is no link at all.

    A second line of defence behind `_LINK`, for what a regular expression cannot follow
    (`[[x]](…)`, `(…((…)))`): such text is shown as typed. Titles go because Material shows a
    link's title as a tooltip through innerHTML.
    """
    out, i = [], 0
    for j, end, target in _inline_links(text):
        if j < i:  # inside the target of a link already written
            continue
        clean = _clean_target(target)
        if clean is not None:
            out.append(text[i:j + 2] + clean + ")")
            i = end
        else:
            out.append(text[i:j + 1] + "\\(")
            i = j + 2
    return "".join(out) + text[i:]


def _reference(match: re.Match[str]) -> str:
    clean = _clean_target(match.group("target"))
    if clean is None:
        return match.group("prefix")
    return f"{match.group('prefix')}[{match.group('label')}]: {clean}"


def escape_html(text: str) -> str:
    """Text for HTML: `<` and `>` escaped, and an ampersand that would start an entity (`&lt;`,
    `&#106;`); a bare one ("DA&SV") stays as typed, so glossary abbreviations still match it."""
    return ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def link_targets(text: str) -> list[str]:
    """Every link target of an inline link or a reference definition in the text, as Markdown
    would find it, for `validate` to check. (Autolinks need no check: only full addresses are
    kept as links.)"""
    escaped = escape_html(text)
    found = [_unwrap(m.group("target")) for m in _REF_DEF.finditer(escaped)]
    for _, _, target in _inline_links(escaped):
        if target is not None:  # None: too long to be a link, and shown as typed
            found.append(html.unescape(_unwrap(target.strip())))
    return found


def markdown_safe(text: str) -> str:
    """Markdown source that renders as the author wrote it, with nothing active left in it.

    HTML is escaped (so `<script>` shows as text), links keep only full http, https, mailto and
    tel addresses (without titles), autolinks (`<https://…>`) stay links, images are not shown
    (their source would be fetched from elsewhere), abbreviation definitions (`*[X]: …`) are
    shown as typed (only the glossary defines abbreviations), and braces are backslash-escaped
    so attribute-list syntax (`{: onclick=… }`, `{onclick=…}`) cannot attach attributes.
    """

    if not _ACTIVE.search(text):  # most text: nothing below but this would change it
        return _FTP_COLON.sub(r"\1&#58;", text)

    def link(match: re.Match[str]) -> str:
        label, target = match.group(1), match.group(2)
        return match.group(0) if _clean_target(target) is not None else label

    # Autolinks are kept as typed; everything between them is escaped.
    parts = _AUTOLINK.split(text)  # text, address, text, address … text
    text = "".join(f"<{part}>" if n % 2 and not ENTITY_START.search(part)
                   else escape_html(f"<{part}>" if n % 2 else part)
                   for n, part in enumerate(parts))
    text = _LINK.sub(link, text)
    text = _REF_DEF.sub(_reference, text)
    text = _rewrite_links(text)
    # Images would make candidates' browsers fetch from elsewhere: `![` is shown as typed.
    text = text.replace("![", "!\\[")
    # attr_list reads `{…}` after a paragraph, heading or inline element; an escaped brace
    # is plain text to it.
    text = text.replace("{", "\\{").replace("}", "\\}")
    text = _FTP_COLON.sub(r"\1&#58;", text)
    return _ABBR_DEF.sub(lambda m: m.group(1) + "\\*[", text)


def inline_safe(text: str) -> str:
    """One line of text for a Markdown table cell or heading: escaped, on one line."""
    flat = " ".join(markdown_safe(text).split())
    return flat.replace("|", "\\|")


def literal_inline(text: str) -> str:
    """A reference, id or address for a Markdown line, reaching the page exactly as written:
    each character but a space is written as a numeric character reference ("D" as `&#68;`),
    which Markdown passes through whole and the browser reads back as the character. No
    Markdown step can then reach inside it: the glossary's abbreviations, which Markdown marks in
    the text between tags, do not mark "DBC" inside "DBC-PG-0412", though they still mark it
    standing alone. A reader, a screen reader and the search index get the same characters."""
    return " ".join("".join(f"&#{ord(char)};" for char in word) for word in text.split())


# Bare web addresses become links, as on the site (mkdocs.yml): magiclink links only http(s)
# and www. addresses and e-mail addresses once `markdown_safe` has disarmed ftp ones.
_MD = markdown.Markdown(extensions=["sane_lists", "pymdownx.magiclink"], output_format="html")


@functools.lru_cache(maxsize=8192)  # the same competency texts recur in role after role
def markdown_to_html(text: str | None) -> Markup:
    """Render Markdown to HTML for the print forms and PDFs, cleaned by nh3.

    The same safe Markdown the site shows (`markdown_safe`), so links and autolinks behave
    alike everywhere; nh3 then also drops any relative link, which WeasyPrint would otherwise
    turn into a `file:` address on the build machine."""
    if not text:
        return Markup("")
    _MD.reset()
    rendered = _MD.convert(markdown_safe(text))
    cleaned = nh3.clean(
        rendered,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=SAFE_SCHEMES,
        url_relative="deny",
        link_rel="noopener noreferrer",
    )
    return Markup(cleaned)
