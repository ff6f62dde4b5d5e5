"""The vacancies feed: an Atom document of the open, real vacancies, for job boards and alerts.

Written into the staging tree as a static file (`vacancies/feed.xml`), which either site engine
copies as it is: no plugin. Every page links to it from its head (the theme's `main.html`), so
browsers and feed readers find it. An entry is a vacancy offered to job boards (`offered`: open,
not illustrative), in the order the vacancies page lists them, with its title, its page, the
day it was posted, the same description as its JobPosting, and its closing moment, both in the
summary and as a Dublin Core validity period (`dcterms:valid`, read by feed readers such as
feedparser). ElementTree writes the XML, so no text can break out of its element; characters
XML 1.0 cannot hold are dropped. The bytes depend on the model and the site's address alone: a
vacancy without a posted date is dated `source_date()`, the date the downloads carry.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from generator.core.clock import source_date, uk_offset
from generator.model import Site, Vacancy
from generator.model.filters import long_date
from generator.render import views
from generator.render.links import vacancy_page
from generator.render.site.jsonld import (
    description_html,
    description_text,
    offered,
    valid_through,
)

FEED_PATH = "vacancies/feed.xml"
ATOM = "http://www.w3.org/2005/Atom"
DCTERMS = "http://purl.org/dc/terms/"
# What XML 1.0 cannot hold: most control characters, lone surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class SiteAddress:
    """Where the site is published, from the engine's settings (mkdocs.yml): `url` is
    `site_url` (None when it is not set: links are then relative to the feed), `name` the
    site's name, `directory_urls` whether a page is at `roles/x/` or `roles/x/index.html`."""

    url: str | None = None
    name: str = "Roleprint"
    directory_urls: bool = True

    def page(self, path: str) -> str:
        """A page's address from the site's root, from its path under docs/."""
        stem = path.removesuffix(".md")
        if not self.directory_urls:
            return f"{stem}.html"  # as MkDocs has it: `vacancies/x/index.md` at …/index.html
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return f"{stem}/"

    def link(self, rel: str) -> str:
        """An address under vacancies/ for the feed: absolute with `url`, else relative to the
        feed's own folder (a feed reader resolves it against the feed's address)."""
        if self.url:
            return f"{self.url.rstrip('/')}/{rel}"
        return rel.removeprefix("vacancies/") or "./"


def _text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _identifier(address: SiteAddress, rel: str) -> str:
    """An entry's or the feed's permanent id: its address, or a name-based UUID without one."""
    if address.url:
        return address.link(rel)
    return uuid.uuid5(uuid.NAMESPACE_URL, f"roleprint:{rel}").urn


def posted_moment(vacancy: Vacancy) -> str:
    """The start of the day the vacancy was posted, UK time; else the fixed build date."""
    posted = vacancy.posted
    if posted and len(posted) == len("YYYY-MM-DD"):
        return f"{posted}T00:00:00{uk_offset(posted, '00:00')}"
    return source_date()


def _summary(vacancy: Vacancy) -> str:
    html = description_html(description_text(vacancy))
    if vacancy.closing_date:
        closing = long_date(vacancy.closing_date)
        if vacancy.closing_time:
            closing += f" at {vacancy.closing_time}"
        html += description_html(f"Closing date: {closing}.")
    return html


def _entry(feed: ET.Element, vacancy: Vacancy, address: SiteAddress) -> None:
    page = address.page(vacancy_page(vacancy.id))
    entry = _add(feed, "entry")
    _add(entry, "title", vacancy.title, type="text")
    _add(entry, "link", rel="alternate", type="text/html", href=address.link(page))
    _add(entry, "id", _identifier(address, page))
    moment = posted_moment(vacancy)
    _add(entry, "published", moment)
    _add(entry, "updated", moment)
    author = _add(entry, "author")
    _add(author, "name", vacancy.role.organisation.name)
    _add(entry, "summary", _summary(vacancy), type="html")
    closes = valid_through(vacancy)
    if closes:
        _add(entry, f"{{{DCTERMS}}}valid", f"end={closes}; scheme=W3C-DTF")


def open_vacancies(site: Site) -> tuple[Vacancy, ...]:
    """The vacancies the feed lists, as the vacancies page orders them: not one whose role
    does not state its employer, as an Atom entry needs an author (validate warns)."""
    return tuple(v for v in views.published_vacancies(site)
                 if offered(v) and v.role.organisation.stated)


def atom_feed(site: Site, address: SiteAddress) -> bytes:
    """The feed's bytes (UTF-8)."""
    ET.register_namespace("dcterms", DCTERMS)
    vacancies = open_vacancies(site)
    feed = ET.Element("feed", {"xmlns": ATOM})
    _add(feed, "title", f"{address.name}: open vacancies", type="text")
    _add(feed, "link", rel="self", type="application/atom+xml", href=address.link(FEED_PATH))
    _add(feed, "link", rel="alternate", type="text/html",
         href=address.link("vacancies/"))
    _add(feed, "id", _identifier(address, FEED_PATH))
    _add(feed, "updated", max((posted_moment(v) for v in vacancies), default=source_date()))
    for vacancy in vacancies:
        _entry(feed, vacancy, address)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
