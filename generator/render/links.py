"""Where each page lives and how one page links to another.

MkDocs checks links between Markdown files and turns them into the right URLs, so pages link to
each other's source files by relative path (`../organisations/x.md`), never to URLs.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

# The Word copy of the application form, for candidates who would rather write in Word: in a
# role's forms/ folder beside application-form.html and .pdf, made with the other binary
# downloads (not with --no-pdf) for each role with a vacancy (`Site.recruits`).
APPLICATION_DOCX = "application-form.docx"


# Role, vacancy and panel pages link their forms and downloads in raw HTML, relative to the
# page's address (`roles/x/`). MkDocs reads such a link from the address, Zensical from the
# Markdown file's folder: these pages are index.md files in their own folders, where the two
# are the same.
def role_page(role_id: str) -> str:
    return f"roles/{role_id}/index.md"


def panel_page(role_id: str) -> str:
    """The recruitment panel's page of a role with a vacancy: its sheets, not in the menu."""
    return f"roles/{role_id}/panel/index.md"


def organisation_page(organisation_id: str) -> str:
    return f"organisations/{organisation_id}.md"


def framework_page(framework_id: str) -> str:
    return f"frameworks/{framework_id}.md"


def family_page(family_id: str) -> str:
    return f"families/{family_id}.md"


def vacancy_page(vacancy_id: str) -> str:
    return f"vacancies/{vacancy_id}/index.md"


@functools.lru_cache(maxsize=1 << 16)
def _relative(target: str, start: str) -> str:
    """`posixpath.relpath`, remembered: a thousand role pages share one folder and link to the
    same few dozen organisations, families and frameworks."""
    return posixpath.relpath(target, start)


@dataclass(frozen=True)
class Links:
    """Relative links from one page (`here`, a path under docs/) to the others."""

    here: str

    def to(self, target: str, anchor: str = "") -> str:
        path = _relative(target, posixpath.dirname(self.here) or ".")
        return f"{path}#{anchor}" if anchor else path

    def role(self, role_id: str) -> str:
        return self.to(role_page(role_id))

    def organisation(self, organisation_id: str) -> str:
        return self.to(organisation_page(organisation_id))

    def framework(self, framework_id: str) -> str:
        return self.to(framework_page(framework_id))

    def family(self, family_id: str) -> str:
        return self.to(family_page(family_id))

    def vacancy(self, vacancy_id: str) -> str:
        return self.to(vacancy_page(vacancy_id))

    def panel(self, role_id: str) -> str:
        return self.to(panel_page(role_id))

    def tag(self, anchor: str) -> str:
        return self.to("tags/index.md", anchor)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """An anchor made of lower-case ASCII letters, digits and hyphens."""
    return _NOT_SLUG.sub("-", text.casefold()).strip("-") or "x"


def web_url(url: str | None) -> str | None:
    """An http(s) URL made safe to put in a Markdown link target, or None."""
    if not url or urlsplit(url.strip()).scheme.lower() not in ("http", "https"):
        return None
    return quote(url.strip(), safe=":/?#@!$&'*+,;=%~-._")


def mailto(email: str | None) -> str | None:
    if not email or not re.fullmatch(r"[^@\s<>()\[\]\"]+@[^@\s<>()\[\]\"]+", email.strip()):
        return None
    return "mailto:" + quote(email.strip(), safe="@.+-_")
