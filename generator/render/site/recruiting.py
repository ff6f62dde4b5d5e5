"""What a vacancy page tells a candidate about applying, and which forms go to whom.

Candidates are offered only the forms they fill in (`candidate_forms`: the application form and
the equality monitoring form); the panel's sheets are on a page of their own for each recruiting
role (`panel_forms`, `links.panel_page`). The apply section says only what the vacancy's record
says: no time, link, phone number or policy is made up where the record is silent.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from generator.core.clock import uk_zone
from generator.model import Vacancy
from generator.model.filters import long_date
from generator.render.links import mailto, web_url

# The candidate's forms: (file stem, name). The panel's sheets are PANEL_FORMS.
CANDIDATE_FORMS = (
    ("application-form", "Application form"),
    ("equality-monitoring", "Equality monitoring form"),
)
# The downloads beside each candidate form's HTML page when the build makes them: (label, file
# suffix). The one place to offer another format of a candidate's form.
CANDIDATE_DOWNLOADS: dict[str, tuple[tuple[str, str], ...]] = {
    "application-form": (("PDF", ".pdf"), ("Word", ".docx")),  # links.APPLICATION_DOCX
    "equality-monitoring": (("PDF", ".pdf"),),
}
# The panel's sheets: (file stem, name, what it is for), on the panel's page.
PANEL_FORMS = (
    ("shortlisting", "Shortlisting sheet",
     "to score each application against the criteria assessed from the application, "
     "one column for each candidate code"),
    ("interview", "Interview scoring sheet",
     "one for each panel member for each candidate, to score the answers at interview"),
    ("moderation", "Moderation sheet",
     "for the panel's agreed scores and decisions once every member has scored"),
)


@dataclass(frozen=True)
class FormLink:
    """A form as a page links to it: its name, its HTML page and its downloads."""

    stem: str
    name: str
    href: str
    files: tuple[tuple[str, str], ...] = ()  # (label, href), such as ("PDF", "…/x.pdf")
    purpose: str = ""


@dataclass(frozen=True)
class ApplyButton:
    label: str
    href: str


def page_folder(path: str) -> str:
    """The folder a page's address ends in (directory URLs): `roles/x/index.md` -> `roles/x`,
    `roles/x/panel/index.md` -> `roles/x/panel`, `glossary.md` -> `glossary`."""
    stem = path.removesuffix(".md")
    return posixpath.dirname(stem) if posixpath.basename(stem) == "index" else stem


def _forms_folder(role_id: str, here: str) -> str:
    """The role's forms folder, relative to the address of the page at `here`: raw HTML
    links, since the forms are written beside the site engine, which never sees them."""
    return posixpath.relpath(f"roles/{role_id}/forms", page_folder(here))


def candidate_forms(role_id: str, here: str, *, downloads: bool) -> tuple[FormLink, ...]:
    """The forms candidates fill in, linked from the page at `here`."""
    folder = _forms_folder(role_id, here)
    return tuple(
        FormLink(stem, name, f"{folder}/{stem}.html",
                 tuple((label, f"{folder}/{stem}{suffix}")
                       for label, suffix in CANDIDATE_DOWNLOADS[stem]) if downloads else ())
        for stem, name in CANDIDATE_FORMS)


def panel_forms(role_id: str, here: str, *, downloads: bool,
                left_out: dict[str, str]) -> tuple[FormLink, ...]:
    """The panel's sheets the role has (a sheet with no rows is `left_out`), linked from `here`."""
    folder = _forms_folder(role_id, here)
    stage = {"shortlisting": "shortlisting", "interview": "interview", "moderation": "interview"}
    return tuple(
        FormLink(stem, name, f"{folder}/{stem}.html",
                 (("PDF", f"{folder}/{stem}.pdf"),) if downloads else (), purpose)
        for stem, name, purpose in PANEL_FORMS if stage[stem] not in left_out)


def closing_text(vacancy: Vacancy) -> str:
    """The closing date, and the time with the UK's time zone on that day when the record gives
    one: "30 September 2027, 12:00 noon UK time (BST)". No time is given when none is known."""
    if not vacancy.closing_date:
        return ""
    day = long_date(vacancy.closing_date)
    if not vacancy.closing_time or vacancy.closing_date.count("-") != 2:  # no time, or no day
        return day
    # Vacancies are in the UK, as JobPosting's `validThrough` takes them (site/jsonld.py).
    zone = uk_zone(vacancy.closing_date, vacancy.closing_time)
    words = " noon" if vacancy.closing_time == "12:00" else ""
    return f"{day}, {vacancy.closing_time}{words} UK time ({zone})"


def apply_button(vacancy: Vacancy) -> ApplyButton | None:
    """The button to apply with: the employer's apply link, else an e-mail to the apply address,
    else to the contact's, with the reference as its subject; None when closed or none is given."""
    if not vacancy.is_open:
        return None
    given = vacancy.apply
    url = web_url(given.url if given else None)
    if url:
        return ApplyButton("Apply on the employer's website", url)
    own = mailto(given.email if given else None)
    address = own or mailto(vacancy.contact.email if vacancy.contact else None)
    if not address:
        return None
    subject = quote(f"Application: {vacancy.reference or vacancy.title}", safe="")
    label = "Apply by e-mail" if own else "E-mail the contact to apply"
    return ApplyButton(label, f"{address}?subject={subject}")
