"""HTML to PDF with WeasyPrint: fillable, tagged (PDF/UA-1), byte-for-byte repeatable.

`render_pdf` is a pure function of its arguments (no globals, no clock), so it can be handed to
a process pool as it is. The only files WeasyPrint may read are under the project's assets
folder; every other URL (http, https, data, files elsewhere) is refused.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pydyf
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from generator.core.clock import FIXED_DATE, source_date
from generator.render.forms.assets import ASSETS
from generator.render.forms.fieldfont import field_css, field_font
from generator.render.forms.stylesheet import inline

__all__ = ["ASSETS", "FIXED_DATE", "RefusedURL", "RestrictedFetcher", "pdf_bytes", "render_pdf",
           "source_date"]


class RefusedURL(ValueError):
    """A URL outside the assets folder."""


class RestrictedFetcher(URLFetcher):
    """Serves `file:` URLs inside `root` (the assets folder), and the `also` files, and refuses
    everything else."""

    def __init__(self, root: Path = ASSETS, also: tuple[Path, ...] = ()) -> None:
        super().__init__(allowed_protocols=("file",))
        self.root = root.resolve()
        self.also = {path.resolve() for path in also}

    def resolve(self, url: str) -> Path:
        """The file a URL names, or RefusedURL if it is not a file inside the root."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {url!r}: only files in {self.root} may be read")
        path = Path(unquote(parts.path)).resolve()
        if path in self.also:
            return path
        if not path.is_relative_to(self.root) or not path.is_file():
            raise RefusedURL(f"refused {url!r}: not a file in {self.root}")
        return path

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.resolve(url)
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), status=200)


class _Labels(HTMLParser):
    """Each field's name and the text of its <label for>, whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.names: dict[str, str] = {}   # id -> name
        self.options: dict[str, list[tuple[str, str]]] = {}  # radio name -> [(value, id)]
        self.text: dict[str, list[str]] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("input", "textarea", "select") and a.get("id") and a.get("name"):
            if a.get("type") == "radio":
                self.options.setdefault(a["name"] or "", []).append((a.get("value") or "",
                                                                      a["id"] or ""))
            else:
                self.names[a["id"] or ""] = a["name"] or ""
        elif tag == "label" and a.get("for"):
            self._open = a["for"]
            self.text[self._open or ""] = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.text[self._open].append(data)


def _question(labels: list[str]) -> str:
    """What a radio group's options' labels share ("Decision, candidate C1: Appoint", "…:
    Reserve" -> "Decision, candidate C1"): the question the group asks."""
    shared = labels[0]
    for label in labels[1:]:
        while not label.startswith(shared):
            shared = shared[:-1]
    return shared.rsplit(" ", 1)[0].rstrip(" :") if " " in shared else shared.rstrip(" :")


def field_labels(html: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """{field name: label text}, what each PDF field's tooltip (/TU) should say (a radio
    group's is its question), and {radio group name: each option's label, in order}."""
    parser = _Labels()
    parser.feed(html)

    def text(i: str) -> str:
        return " ".join("".join(parser.text.get(i, [])).split())

    labels = {parser.names[i]: text(i) for i in parser.text if i in parser.names}
    options = {name: [text(i) for _, i in found] for name, found in parser.options.items()}
    labels.update({name: _question(found) for name, found in options.items() if found})
    return labels, options


def _set_tooltips(found: tuple[dict[str, str], dict[str, list[str]]],
                  ) -> Callable[[Any, pydyf.PDF], None]:
    # WeasyPrint takes /TU from the laid-out label, which loses the space wherever the label
    # wraps ("would\nhelp" -> "wouldhelp"); put the label's own text back. It also names each
    # radio button like its group, which makes each button a field of its own (a reader could
    # tick two): the button keeps only its place in the group, the group its question.
    labels, options = found

    def finish(document: Any, pdf: pydyf.PDF) -> None:
        buttons = set()
        for obj in pdf.objects:
            if not (isinstance(obj, pydyf.Dictionary) and isinstance(obj.get("T"), pydyf.String)):
                continue
            name = str(obj["T"].string)
            if "Parent" in obj and name in options:
                del obj["T"]
                buttons.add(obj.reference)
                place = next(iter(obj["AP"]["N"]))  # the button's place: 0, 1 …
                label = options[name][int(place)] if int(place) < len(options[name]) else ""
                obj["TU"] = pydyf.String(label)
            elif labels.get(name):
                obj["TU"] = pydyf.String(labels[name])
        form = pdf.catalog.get("AcroForm")
        if form is not None and buttons:  # a button is its group's: not a field of the form
            form["Fields"] = pydyf.Array([f for f in form["Fields"] if f not in buttons])
    return finish


def pdf_bytes(html: str, *, created: str = FIXED_DATE, assets: Path = ASSETS) -> bytes:
    """The PDF for one standalone HTML form page; a linked stylesheet is inlined first
    (`generator.forms.stylesheet`), so the PDF is the one the whole page would make."""
    html = inline(html)
    font = field_font()
    fetcher = RestrictedFetcher(assets, also=(font,) if font else ())
    fonts = FontConfiguration()
    sheets = [CSS(string=field_css(font), font_config=fonts, url_fetcher=fetcher)] if font else []
    # No base URL: the forms name no relative resource (their CSS is inlined above, the field
    # font has a full file: URL), and with one WeasyPrint would turn any relative link left in
    # the text into a `file:` address in the build machine's folders, published inside the PDF.
    document = HTML(string=html, base_url=None, url_fetcher=fetcher).render(
        pdf_forms=True, pdf_variant="pdf/ua-1", stylesheets=sheets, font_config=fonts)
    document.metadata.created = created
    document.metadata.modified = created
    # Only a scoring sheet's identity (for `roleprint collate`), not every <meta> of the page.
    document.metadata.custom = {k: v for k, v in document.metadata.custom.items()
                                if k == "roleprint-sheet"}
    # The file identifier is normally random; derive it from the content instead.
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    data: bytes = document.write_pdf(pdf_forms=True, pdf_variant="pdf/ua-1",
                                     pdf_identifier=identifier, custom_metadata=True,
                                     finisher=_set_tooltips(field_labels(html)))
    return data


def render_pdf(html: str, out: Path, *, created: str = FIXED_DATE) -> Path:
    """Write the PDF for `html` to `out` and return `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf_bytes(html, created=created))
    return out
