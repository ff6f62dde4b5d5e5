"""Every page of the site: its path under docs/, its template and what the template is given."""

from __future__ import annotations

import dataclasses
import functools
import html
import json
import re
from collections.abc import Callable, Iterable, Iterator, Set
from dataclasses import dataclass, field
from typing import Any

from generator.model import Role, Site, Vacancy
from generator.render import views
from generator.render.links import (
    Links,
    family_page,
    framework_page,
    mailto,
    organisation_page,
    panel_page,
    role_page,
    slug,
    vacancy_page,
    web_url,
)
from generator.render.site.abbr import abbreviation_lines
from generator.render.site.dates import newest, role_dates, role_page_date, site_date, vacancy_date
from generator.render.site.findable import role_block, vacancy_block
from generator.render.site.jsonld import job_posting, script_block
from generator.render.site.recruiting import (
    apply_button,
    candidate_forms,
    closing_text,
    panel_forms,
)
from generator.render.templating import environment
from generator.scoring.sheets import left_out


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    values: dict[str, Any] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    jsonld: dict[str, Any] | None = None
    title: str | None = None
    search: bool = True  # False keeps the page out of the site's search index
    findable: str = ""  # the search's metadata, filters and references (site/findable.py)
    lastmod: str | None = None  # for the sitemap (see generator.render.site.dates)


def pages(site: Site, *, downloads: bool = True,
          only: Set[str] | None = None) -> Iterator[Page]:
    """The pages in a fixed order: index pages, then one page per record, sorted by id.

    `downloads`: whether the build makes the binary downloads (the forms' PDFs, the Word and
    Excel exports); pages link to them only then, so `--no-pdf` leaves no broken link.
    `only`: just the pages at these paths (the preview's changed records): what the others
    are given is not worked out at all."""
    published = views.published_vacancies(site)
    dated = site_date(site)
    if only is not None:
        if not only.isdisjoint(INDEX_PAGES):
            yield from _dated((page for page in _index_pages(site, downloads, published)
                               if page.path in only), dated)
        yield from _dated(_record_pages(site, downloads, published, only), dated)
        return
    yield from _dated(_index_pages(site, downloads, published), dated)
    yield from _dated(_record_pages(site, downloads, published), dated)


def _dated(found: Iterable[Page], fallback: str | None) -> Iterator[Page]:
    """The pages, each with a last-modified date: its own, else the site's newest."""
    for page in found:
        yield page if page.lastmod else dataclasses.replace(page, lastmod=fallback)


# The paths `_index_pages` lists, so that asking for none of them works out none of them.
INDEX_PAGES = frozenset({
    "index.md", "roles/index.md", "organisations/index.md", "frameworks/index.md",
    "families/index.md", "vacancies/index.md", "glossary.md", "tags/index.md",
    "accessibility.md", "content-health.md"})


def _index_pages(site: Site, downloads: bool, published: tuple[Vacancy, ...]) -> Iterator[Page]:
    yield Page("index.md", "site/home.md", {"vacancies": published,
                                            "groups": views.roles_by_organisation(site)})
    yield Page("roles/index.md", "site/roles_index.md",
               {"roles": views.by_title(list(site.roles.values())), "downloads": downloads})
    yield Page("organisations/index.md", "site/organisations_index.md")
    yield Page("frameworks/index.md", "site/frameworks_index.md")
    yield Page("families/index.md", "site/families_index.md")
    yield Page("vacancies/index.md", "site/vacancies_index.md", {"vacancies": published},
               lastmod=newest(vacancy_date(v) for v in published))
    yield Page("glossary.md", "site/glossary.md")
    yield Page("tags/index.md", "site/tags_index.md", {"groups": views.tag_index(site)})
    yield Page("accessibility.md", "site/accessibility.md",
               {"organisations": views.organisations_by_name(site)})
    yield _content_health(site)


def _record_pages(site: Site, downloads: bool, published: tuple[Vacancy, ...],
                  only: Set[str] | None = None) -> Iterator[Page]:
    """One page per record, sorted by id (with `only`, just those at these paths)."""
    def keep(path: str) -> bool:
        return only is None or path in only

    for role in site.roles.values():
        if keep(role_page(role.id)) or keep(panel_page(role.id)):
            yield from _role_pages(site, role, downloads, keep)
    for org in site.organisations.values():
        if not keep(organisation_page(org.id)):
            continue
        roles = site.roles_of(org.id)
        listed = tuple(v for v in published if v.role.organisation.id == org.id)
        yield Page(organisation_page(org.id), "site/organisation.md", {
            "org": org, "roles": views.by_title(roles),
            "frameworks": views.frameworks_of(site, org.id),
            "vacancies": listed, "website": web_url(org.website),
        }, title=org.name, lastmod=newest([*(d for r in roles for d in role_dates(r)),
                                          *(vacancy_date(v) for v in listed)]))
    for framework in site.frameworks.values():
        if not keep(framework_page(framework.id)):
            continue
        yield Page(framework_page(framework.id), "site/framework.md", {
            "framework": framework,
            "anchors": {c.id: slug(c.id) for c in framework.competencies},
        }, title=framework.name)
    for family in site.families.values():
        if not keep(family_page(family.id)):
            continue
        members = site.roles_in_family(family.id)
        yield Page(family_page(family.id), "site/family.md", {
            "family": family, "roles": views.by_title(members),
        }, title=family.title, lastmod=newest(d for r in members for d in role_dates(r)))
    for vacancy in published:
        if not keep(vacancy_page(vacancy.id)):
            continue
        here = vacancy_page(vacancy.id)
        yield Page(here, "site/vacancy.md", {
            "vacancy": vacancy,
            "salary_range": views.salary_range(vacancy.salary or vacancy.role.salary),
            "email_link": mailto(vacancy.contact.email if vacancy.contact else None),
            "apply_button": apply_button(vacancy), "closing": closing_text(vacancy),
            "candidate_forms": candidate_forms(vacancy.role.id, here, downloads=downloads)
                               if vacancy.is_open else (),
        }, jsonld=job_posting(vacancy), title=vacancy.title, findable=vacancy_block(vacancy),
            lastmod=vacancy_date(vacancy))


def _role_pages(site: Site, role: Role, downloads: bool,
                keep: Callable[[str], bool]) -> Iterator[Page]:
    """A role's page and, while it recruits, its panel's page (those `keep` keeps)."""
    vacancies = views.role_vacancies(site, role)
    recruits = site.recruits(role.id)
    lastmod = role_page_date(role, vacancies)
    if keep(role_page(role.id)):
        tags = views.role_tags(role)
        open_vacancy = next((v for v in vacancies if v.is_open), None)
        yield Page(role_page(role.id), "site/role.md", {
            "role": role, "vacancies": vacancies, "open_vacancy": open_vacancy,
            "tags": tags, "notes": views.risk_notes(role), "downloads": downloads,
            "candidate_forms": candidate_forms(role.id, role_page(role.id), downloads=downloads)
                               if recruits else (),
        }, tags=tuple(t.name for t in tags), title=role.title, search=not role.draft,
            findable=role_block(role, open_vacancy), lastmod=lastmod)
    if recruits and keep(panel_page(role.id)):
        here = panel_page(role.id)
        missing = left_out(role)  # the sheets with no rows, and why
        yield Page(here, "site/panel.md", {
            "role": role, "vacancies": vacancies, "downloads": downloads, "left_out": missing,
            "panel_forms": panel_forms(role.id, here, downloads=downloads, left_out=missing),
        }, title=f"For recruitment panels: {role.title}", search=False, lastmod=lastmod)


def _content_health(site: Site) -> Page:
    """For HR, from `roleprint lint`: linked from the footer, not the menu; not searchable."""
    from generator.lint.healthcache import kept_health

    # Given as a function the template calls: listing the pages must not run every rule.
    return Page("content-health.md", "site/content_health.md",
                {"health": functools.partial(kept_health, site)}, title="Content health",
                search=False)


def front_matter(title: str | None, tags: tuple[str, ...], *, search: bool = True,
                 lastmod: str | None = None) -> str:
    """YAML front matter; JSON strings are YAML strings, so no value can break out of it.

    Material writes `title` into the page's <title> and header as HTML, so it is HTML-escaped
    here. Without it Material takes the H1, strips its tags and unescapes it into <title>,
    which would let a title holding `</title><script>` out of the element. The search plugin
    copies `tags` into search/search_index.json, and Material's search inserts them into the
    results as HTML: they are HTML-escaped too (an organisation, a location or a family title
    could otherwise run script for every visitor who searches).
    """
    lines = []
    if title is not None:
        escaped = html.escape(" ".join(title.split()))
        lines.append(f"title: {json.dumps(escaped, ensure_ascii=False)}")
    if lastmod is not None:  # the sitemap's date (the theme's sitemap.xml reads it)
        lines.append(f"lastmod: {json.dumps(lastmod)}")
    if not search:  # Material's search plugin (and Zensical) read this
        lines += ["search:", "  exclude: true"]
    if tags:
        lines.append("tags:")
        lines += [f"  - {json.dumps(html.escape(tag), ensure_ascii=False)}" for tag in tags]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


# Three or more newlines. Written out rather than as \n{3,}, which the regular expression engine
# scans for six times more slowly (it shows at a thousand pages).
_BLANK_RUNS = re.compile("\n\n\n+")


def tidy(markdown: str) -> str:
    """No runs of blank lines and exactly one newline at the end."""
    return _BLANK_RUNS.sub("\n\n", markdown).strip("\n") + "\n"


def render(site: Site, page: Page) -> str:
    """A page's Markdown: front matter, body, JSON-LD, then the abbreviations it uses."""
    template = environment().get_template(page.template)
    body = tidy(template.render(site=site, links=Links(page.path), views=views,
                                arrangement_label=views.arrangement_label, **page.values))
    parts = [front_matter(page.title, page.tags, search=page.search, lastmod=page.lastmod),
             body]
    if page.findable:
        parts += ["\n", page.findable]
    if page.jsonld:
        parts += ["\n", script_block(page.jsonld)]
    abbreviations = abbreviation_lines(body, site.glossary)
    if abbreviations:
        parts += ["\n", abbreviations]
    return "".join(parts)


def render_all(site: Site, *, downloads: bool = True) -> dict[str, str]:
    """Every page's path (under docs/) and Markdown, sorted by path."""
    rendered = {page.path: render(site, page) for page in pages(site, downloads=downloads)}
    return dict(sorted(rendered.items()))
