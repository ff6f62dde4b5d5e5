"""HTML to PDF with WeasyPrint: fillable, tagged (PDF/UA-1), byte-for-byte repeatable.

`render_pdf` is a pure function of its arguments (no globals, no clock), so it can be handed to
a process pool as it is. The only files WeasyPrint may read are under the project's assets
folder; every other URL (http, https, data, files elsewhere) is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

ASSETS = Path(__file__).resolve().parent.parent / "assets"
# Used when SOURCE_DATE_EPOCH is not set: a fixed date keeps the bytes stable.
FIXED_DATE = "2000-01-01T00:00:00Z"


class RefusedURL(ValueError):
    """A URL outside the assets folder."""


class RestrictedFetcher(URLFetcher):
    """Serves `file:` URLs inside `root` (the assets folder) and refuses everything else."""

    def __init__(self, root: Path = ASSETS) -> None:
        super().__init__(allowed_protocols=("file",))
        self.root = root.resolve()

    def resolve(self, url: str) -> Path:
        """The file a URL names, or RefusedURL if it is not a file inside the root."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"refused {url!r}: only files in {self.root} may be read")
        path = Path(unquote(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise RefusedURL(f"refused {url!r}: not a file in {self.root}")
        return path

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = self.resolve(url)
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), status=200)


def source_date(environ: dict[str, str] | None = None) -> str:
    """The PDF creation date: SOURCE_DATE_EPOCH when set (reproducible builds), else fixed."""
    epoch = (environ if environ is not None else os.environ).get("SOURCE_DATE_EPOCH")
    if not epoch:
        return FIXED_DATE
    moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def pdf_bytes(html: str, *, created: str = FIXED_DATE, assets: Path = ASSETS) -> bytes:
    """The PDF for one standalone HTML form page."""
    fetcher = RestrictedFetcher(assets)
    document = HTML(string=html, base_url=assets.resolve().as_uri() + "/",
                    url_fetcher=fetcher).render(pdf_forms=True, pdf_variant="pdf/ua-1")
    document.metadata.created = created
    document.metadata.modified = created
    # The file identifier is normally random; derive it from the content instead.
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    data: bytes = document.write_pdf(pdf_forms=True, pdf_variant="pdf/ua-1",
                                     pdf_identifier=identifier)
    return data


def render_pdf(html: str, out: Path, *, created: str = FIXED_DATE) -> Path:
    """Write the PDF for `html` to `out` and return `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf_bytes(html, created=created))
    return out
