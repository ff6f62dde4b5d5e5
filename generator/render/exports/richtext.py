"""Text fields (a little Markdown) as paragraphs and runs a Word document can hold.

The text is rendered to HTML the way the forms do it (`generator.core.text.markdown_to_html`: raw
HTML shown as typed, unsafe links dropped, cleaned by nh3), then read back into plain values:

- a run is `(text, marks, href)`: `marks` holds "b" (bold), "i" (italic) and "c" (code); `href`
  is an absolute http, https, mailto or tel address, or "". A run of "\\n" is a line break.
- a paragraph is `(style, runs)`: style "" (body text), "quote", "bullet:N" (a list item at
  depth N, from 1) or "cont:N" (a further paragraph of a list item at depth N).

Values are tuples of strings, so they can be hashed for the cache and sent to other processes.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from generator.core.text import SAFE_SCHEMES, markdown_to_html

Run = tuple[str, str, str]
Para = tuple[str, tuple[Run, ...]]
BREAK = "\n"
MAX_DEPTH = 3  # Word's built-in list styles go three levels deep

# Text that Markdown would leave as it is: no emphasis, code, link, escape or line break, and
# nothing at the start that would make a list, heading or code block. Most fields are like this,
# and skipping Markdown for them keeps a thousand roles quick.
_ACTIVE = re.compile(r"[*_`\[\\\n\r]")
_BLOCK_START = re.compile(r"\s|[-+#]|\d+\.")
_SPACE = re.compile(r"\s+")
# What would start a block when an inline field is read as Markdown ("1. x", "- x", "# x").
_INLINE_BLOCK = re.compile(r"^(\d+)([.)])|^([-+*#])")


def _link(href: str | None) -> str:
    """An address a downloaded document can follow; relative ones cannot, so they are dropped."""
    if not href:
        return ""
    scheme = urlsplit(href).scheme.lower()
    return href if scheme in SAFE_SCHEMES else ""


class Reader(HTMLParser):
    """The cleaned HTML of one text field, read into paragraphs."""

    def __init__(self, depth: int) -> None:
        super().__init__(convert_charrefs=True)
        self.paras: list[Para] = []
        self.runs: list[Run] = []
        self.marks = {"b": 0, "i": 0, "c": 0}
        self.hrefs: list[str] = []
        self.lists: list[list[int]] = []   # one [counter] per open list; counter < 0: bullets
        self.items: list[list[bool]] = []  # one [first paragraph still to come] per open item
        self.quotes = 0
        self.base = depth

    def _style(self) -> tuple[str, str]:
        """The style of the paragraph being written, and the number it starts with, if any."""
        if self.items:
            depth = min(self.base + len(self.lists), MAX_DEPTH)
            item = self.items[-1]
            if item[0]:
                item[0] = False
                counter = self.lists[-1][0]
                return f"bullet:{depth}", (f"{counter}. " if counter > 0 else "")
            return f"cont:{depth}", ""
        return ("quote" if self.quotes else ""), ""

    def flush(self) -> None:
        runs = tidy(self.runs)
        self.runs = []
        if runs:
            style, number = self._style()
            if number:
                style = f"cont:{style.split(':')[1]}"
                runs = ((number, "", ""), *runs)
            self.paras.append((style, runs))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "blockquote", "ul", "ol", "li"):
            self.flush()
        if tag in ("strong", "b"):
            self.marks["b"] += 1
        elif tag in ("em", "i"):
            self.marks["i"] += 1
        elif tag == "code":
            self.marks["c"] += 1
        elif tag == "a":
            self.hrefs.append(_link(dict(attrs).get("href")))
        elif tag == "br":
            self.runs.append((BREAK, "", ""))
        elif tag == "blockquote":
            self.quotes += 1
        elif tag in ("ul", "ol"):
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            if self.lists and self.lists[-1][0] >= 0:
                self.lists[-1][0] += 1
            self.items.append([True])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "blockquote", "ul", "ol", "li"):
            self.flush()
        if tag in ("strong", "b"):
            self.marks["b"] -= 1
        elif tag in ("em", "i"):
            self.marks["i"] -= 1
        elif tag == "code":
            self.marks["c"] -= 1
        elif tag == "a" and self.hrefs:
            self.hrefs.pop()
        elif tag == "blockquote":
            self.quotes -= 1
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag == "li" and self.items:
            self.items.pop()

    def handle_data(self, data: str) -> None:
        marks = "".join(m for m, n in self.marks.items() if n > 0)
        self.runs.append((data, marks, self.hrefs[-1] if self.hrefs else ""))


def tidy(runs: list[Run] | tuple[Run, ...]) -> tuple[Run, ...]:
    """Whitespace collapsed as a browser would, and neighbouring runs alike merged."""
    out: list[Run] = []
    for text, marks, href in runs:
        if text != BREAK:
            text = _SPACE.sub(" ", text)
            if (not out or out[-1][0] == BREAK or out[-1][0].endswith(" ")) and \
                    text.startswith(" "):
                text = text[1:]
        elif out and out[-1][0].endswith(" "):
            out[-1] = (out[-1][0][:-1], *out[-1][1:])
        if not text:
            continue
        if out and out[-1][0] != BREAK and text != BREAK and out[-1][1:] == (marks, href):
            out[-1] = (out[-1][0] + text, marks, href)
        else:
            out.append((text, marks, href))
    while out and out[-1][0] == BREAK:
        out.pop()
    if out and out[-1][0].endswith(" "):
        out[-1] = (out[-1][0][:-1], *out[-1][1:])
    return tuple(run for run in out if run[0])


def is_plain(text: str) -> bool:
    """True when Markdown would give back the text as it is (whitespace aside)."""
    return not _ACTIVE.search(text) and not _BLOCK_START.match(text)


@functools.lru_cache(maxsize=16384)  # the same shared texts recur in role after role
def paragraphs(text: str | None, depth: int = 0) -> tuple[Para, ...]:
    """A text field as paragraphs; lists in it start at depth `depth + 1`."""
    if not text or not text.strip():
        return ()
    if is_plain(text):
        return (("", ((" ".join(text.split()), "", ""),)),)
    return through_markdown(text, depth)


def through_markdown(text: str, depth: int = 0) -> tuple[Para, ...]:
    """`paragraphs` without the shortcut for plain text."""
    reader = Reader(depth)
    reader.feed(str(markdown_to_html(text)))
    reader.close()
    reader.flush()
    return tuple(reader.paras)


@functools.lru_cache(maxsize=16384)
def inline(text: str | None) -> tuple[Run, ...]:
    """A one-line field (a title, a criterion) as runs, as the site shows it: on one line, with
    emphasis and links but never a list or heading."""
    if not text:
        return ()
    flat = " ".join(text.split())
    if is_plain(flat):
        return ((flat, "", ""),) if flat else ()
    escaped = _INLINE_BLOCK.sub(lambda m: m.group(1) + "\\" + m.group(2) if m.group(1)
                                else "\\" + m.group(3), flat)
    runs: list[Run] = []
    for _, para in paragraphs(escaped):
        if runs:
            runs.append((" ", "", ""))
        runs += para
    return tidy(runs)


def plain(text: str | None) -> str:
    """A one-line field as plain text, without its Markdown marks (for spreadsheets)."""
    return "".join(" " if run[0] == BREAK else run[0] for run in inline(text))


def plain_block(text: str | None) -> str:
    """A text field as plain text, one line per paragraph (for spreadsheets)."""
    lines = []
    for style, runs in paragraphs(text):
        lead = "- " if style.startswith("bullet:") else ""
        lines.append(lead + "".join(run[0] for run in runs))
    return "\n".join(lines)
