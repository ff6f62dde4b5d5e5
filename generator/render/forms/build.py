"""Write forms as standalone HTML pages, each with a fillable PDF beside it.

`write_all_forms` writes every role's standing set beside its page (the PDFs are made later,
together, on every core); `generator.render.pack` writes one campaign's pack, workbooks too.
A set holds:

    application-form.html / .pdf     the candidate's form
    equality-monitoring.html / .pdf  separate and detachable; never reaches the panels
    shortlisting.html / .pdf         criteria assessed at application x candidate codes
    interview.html / .pdf            a blank sheet: print one per panel member per candidate
    interview-panel-<n>.html / .pdf  one per panel member named (--panel or vacancy.panel),
                                     n = 1, 2 … in the order given, with the name filled in
    interview-c<k>[-panel-<n>].html  with --per-candidate: one per candidate (and member), the
                                     candidate code filled in
    moderation.html / .pdf           the panel's agreed scores and decisions
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.model import Site
from generator.render.forms.pdfbatch import PdfJob
from generator.render.forms.render import form_pages
from generator.render.forms.stylesheet import SITE_HREF
from generator.scoring.campaign import campaign


def write_html(pages: Sequence[tuple[str, str]], out_dir: Path) -> list[Path]:
    """Write each (stem, html) as <stem>.html; return the files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, html in pages:
        (out_dir / f"{stem}.html").write_text(html, encoding="utf-8")
        written.append(out_dir / f"{stem}.html")
    return written


def pdf_jobs(forms: Sequence[Path]) -> list[PdfJob]:
    """The PDF each written form makes, beside it; the forms are read when rendered, not here."""
    return [PdfJob(form, form.with_suffix(".pdf")) for form in forms]


def with_pdfs(forms: Sequence[Path], *, pdf: bool) -> list[Path]:
    return [path for form in forms
            for path in (form, *((form.with_suffix(".pdf"),) if pdf else ()))]


def write_all_forms(site: Site, docs_dir: Path,
                    role_ids: Sequence[str] | None = None) -> list[Path]:
    """The form set of every role with a vacancy (`Site.recruits`), as HTML at
    <docs>/roles/<role-id>/forms/, beside the role's page; return the files, whose PDFs are made
    later, together, on every core.

    These are the role's standing forms (organisation's default scale, 6 candidates, no
    panel names); a vacancy's own set comes from `roleprint forms VACANCY_ID`. `role_ids`
    limits it to those roles. No form is kept in memory once written: at a thousand roles
    they come to a hundred megabytes and more. They link the site's one copy of the stylesheet
    (written with the site's assets).
    """
    written: list[Path] = []
    if role_ids is None:
        role_ids = [r for r in sorted(site.roles) if site.recruits(r)]
    for role_id in role_ids:
        settings = campaign(site, site.roles[role_id])
        written += write_html(form_pages(settings, SITE_HREF),
                              docs_dir / "roles" / role_id / "forms")
    return written
