"""Write a campaign's forms: standalone HTML pages, each with a fillable PDF beside it.

Files written into `out_dir` (the role pages link to these names):

    application-form.html / .pdf     the candidate's form
    equality-monitoring.html / .pdf  separate and detachable; never reaches the panels
    shortlisting.html / .pdf         criteria assessed at application x candidate codes
    interview.html / .pdf            a blank sheet: print one per panel member per candidate
    interview-panel-<n>.html / .pdf  one per panel member named (--panel or vacancy.panel),
                                     n = 1, 2 … in the order given, with the name filled in
    moderation.html / .pdf           the panel's agreed scores and decisions
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.forms import sheets
from generator.forms.pdf import FIXED_DATE, render_pdf, source_date
from generator.forms.render import Campaign, form_pages
from generator.model import Role, Scale, Site, Vacancy


def campaign(site: Site, role: Role, *, vacancy: Vacancy | None = None,
             candidates: int | None = None, panel: Sequence[str] = (),
             scale: Scale | None = None) -> Campaign:
    """The campaign's settings: what is given, else the vacancy's, else the defaults."""
    if candidates is None:
        candidates = vacancy.candidates if vacancy else sheets.DEFAULT_CANDIDATES
    sheets.candidate_codes(candidates)  # fail early on a count below one
    return Campaign(
        site=site, role=role, vacancy=vacancy, candidates=candidates,
        scale=scale or site.scale_for(role, vacancy),
        panel=tuple(panel) or (vacancy.panel if vacancy else ()),
    )


def write_pages(pages: Sequence[tuple[str, str]], out_dir: Path, *, pdf: bool = True,
                created: str = FIXED_DATE) -> list[Path]:
    """Write each (stem, html) as <stem>.html, and <stem>.pdf when `pdf`; return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for stem, html in pages:
        page = out_dir / f"{stem}.html"
        page.write_text(html, encoding="utf-8")
        written.append(page)
        if pdf:
            written.append(render_pdf(html, out_dir / f"{stem}.pdf", created=created))
    return written


def build_forms(site: Site, role: Role, out_dir: Path, *, vacancy: Vacancy | None = None,
                candidates: int | None = None, panel: Sequence[str] = (),
                scale: Scale | None = None, pdf: bool = True) -> list[Path]:
    """Write the role's (or the vacancy's) form set into `out_dir`; see the module docstring."""
    settings = campaign(site, role, vacancy=vacancy, candidates=candidates, panel=panel,
                        scale=scale)
    return write_pages(form_pages(settings), out_dir, pdf=pdf, created=source_date())


def build_all_forms(site: Site, docs_dir: Path, pdf: bool = True) -> list[Path]:
    """Every role's form set at <docs>/roles/<role-id>/forms/, beside the role's page.

    These are the role's standing forms (organisation's default scale, 6 candidates, no
    panel names); a vacancy's own set comes from `roleprint forms VACANCY_ID`.
    """
    written: list[Path] = []
    for role_id in sorted(site.roles):
        written += build_forms(site, site.roles[role_id], docs_dir / "roles" / role_id / "forms",
                               pdf=pdf)
    return written
