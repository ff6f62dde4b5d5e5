"""Write a campaign's forms: standalone HTML pages, each with a fillable PDF beside it.

Files written into `out_dir` (the role pages link to these names):

    application-form.html / .pdf     the candidate's form
    equality-monitoring.html / .pdf  separate and detachable; never reaches the panels
    shortlisting.html / .pdf         criteria assessed at application x candidate codes
    interview.html / .pdf            a blank sheet: print one per panel member per candidate
    interview-panel-<n>.html / .pdf  one per panel member named (--panel or vacancy.panel),
                                     n = 1, 2 … in the order given, with the name filled in
    interview-c<k>[-panel-<n>].html  with --per-candidate: one per candidate (and member), the
                                     candidate code filled in
    moderation.html / .pdf           the panel's agreed scores and decisions
    shortlisting.xlsx                the shortlisting workbook, on the pack's own scale,
                                     weights and candidate count
    interview-scores.xlsx            the panel's agreed interview scores, each member's total,
                                     the gate, total and rank worked out
    forms.css                        the stylesheet every page links to, so that the folder
                                     works on its own (the site's forms link one shared copy,
                                     assets/forms.css, instead)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.forms import sheets
from generator.forms.pdfbatch import PdfJob, render_pdfs, source_date
from generator.forms.plan import set_questions
from generator.forms.render import Campaign, form_pages
from generator.forms.stylesheet import NAME, SITE_HREF, write_beside
from generator.model import Role, Scale, Site, Vacancy

STAGES = ("shortlisting", "interview")


def campaign(site: Site, role: Role, *, vacancy: Vacancy | None = None,
             candidates: int | None = None, panel: Sequence[str] = (),
             scale: Scale | None = None,
             stage_scales: Mapping[str, Scale] | None = None,
             per_candidate: bool = False, questions: bool = False,
             layout: str | None = None) -> Campaign:
    """The campaign's settings: what is given, else the vacancy's, else the defaults.

    With `questions` (a pack, never the site's forms) the interview sheets carry the question
    plan: the vacancy's, else the role's question bank in order.

    Each stage's scale: `stage_scales` (--scale STAGE=ID), else `scale` (--scale ID), else the
    vacancy's for that stage, else its own, else the organisation's for that stage, else its
    default.
    """
    if candidates is None:
        candidates = vacancy.candidates if vacancy else sheets.DEFAULT_CANDIDATES
    sheets.candidate_codes(candidates)  # fail early on a count below one
    given = dict(stage_scales or {})
    by_stage = tuple((stage, given.get(stage) or scale or site.scale_for(role, vacancy, stage))
                     for stage in STAGES)
    members = tuple(panel) or (vacancy.panel if vacancy else ())
    return Campaign(
        site=site, role=role, vacancy=vacancy, candidates=candidates,
        scale=scale or site.scale_for(role, vacancy), stage_scales=by_stage,
        panel=members, per_candidate=per_candidate, layout=layout,
        questions=set_questions(role, vacancy, members) if questions else (),
    )


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


def _with_pdfs(forms: Sequence[Path], *, pdf: bool) -> list[Path]:
    return [path for form in forms
            for path in (form, *((form.with_suffix(".pdf"),) if pdf else ()))]


def build_forms(site: Site, role: Role, out_dir: Path, *, vacancy: Vacancy | None = None,
                candidates: int | None = None, panel: Sequence[str] = (),
                scale: Scale | None = None, pdf: bool = True,
                stage_scales: Mapping[str, Scale] | None = None,
                per_candidate: bool = False, layout: str | None = None) -> list[Path]:
    """Write the role's (or the vacancy's) form set into `out_dir`; see the module docstring."""
    settings = campaign(site, role, vacancy=vacancy, candidates=candidates, panel=panel,
                        scale=scale, stage_scales=stage_scales, per_candidate=per_candidate,
                        questions=True, layout=layout)
    forms = write_html(form_pages(settings, NAME), out_dir)
    styles = write_beside(out_dir)  # the folder works on its own: its stylesheet is in it
    if pdf:
        render_pdfs(pdf_jobs(forms), created=source_date())
    return [*_with_pdfs(forms, pdf=pdf), *write_workbooks(settings, out_dir), styles]


def write_workbooks(settings: Campaign, out_dir: Path) -> list[Path]:
    """The pack's own workbooks, on its scales, candidates and panel: shortlisting.xlsx and
    interview-scores.xlsx (each only where its sheet has rows)."""
    from generator.exports.excel import xlsx_bytes
    from generator.exports.interviewbook import interview_book
    from generator.exports.shortlist import shortlisting_book

    missing = sheets.left_out(settings.role)
    books = []
    if sheets.SHORTLISTING not in missing:
        books.append(("shortlisting.xlsx", shortlisting_book(settings.site, settings.role,
                                                             settings)))
    if sheets.INTERVIEW not in missing:
        books.append(("interview-scores.xlsx", interview_book(settings)))
    written = []
    for name, spec in books:
        (out_dir / name).write_bytes(xlsx_bytes(spec, source_date()))
        written.append(out_dir / name)
    return written


def write_all_forms(site: Site, docs_dir: Path,
                    role_ids: Sequence[str] | None = None) -> list[Path]:
    """Every role's form set as HTML at <docs>/roles/<role-id>/forms/, beside the role's page;
    return the files, whose PDFs are made later, together, on every core.

    These are the role's standing forms (organisation's default scale, 6 candidates, no
    panel names); a vacancy's own set comes from `roleprint forms VACANCY_ID`. `role_ids`
    limits it to those roles. No form is kept in memory once written: at a thousand roles
    they come to a hundred megabytes and more. They link the site's one copy of the stylesheet
    (written with the site's assets).
    """
    written: list[Path] = []
    for role_id in sorted(site.roles) if role_ids is None else role_ids:
        settings = campaign(site, site.roles[role_id])
        written += write_html(form_pages(settings, SITE_HREF),
                              docs_dir / "roles" / role_id / "forms")
    return written


def build_all_forms(site: Site, docs_dir: Path, pdf: bool = True) -> list[Path]:
    """`write_all_forms`, then the PDFs."""
    forms = write_all_forms(site, docs_dir)
    if pdf:
        render_pdfs(pdf_jobs(forms), created=source_date())
    return _with_pdfs(forms, pdf=pdf)
