"""Word and Excel exports for HR colleagues: files beside each role's page, and a catalogue.

`write_exports(site, docs_dir)` writes, under the docs tree the site is built from:

    roles/<role-id>/<role-id>.docx                the role profile and person specification
    roles/<role-id>/<role-id>-shortlisting.xlsx   a shortlisting workbook: candidate codes by
                                                  criterion, scores limited to the scale
    roles/roles.xlsx, roles/roles.csv             every role, one row each

and, beside the forms' HTML pages (`write_form_exports(forms)`):

    roles/<role-id>/forms/application-form.docx   the application form in Word, read from
                                                  its HTML page (`formdoc`)

Each file is worked out as plain values first (`profile`, `shortlist`, `catalogue`), then made
by `word` or `excel` only when the cache does not already hold it (`batch`). The bytes depend
only on the content and the build date (SOURCE_DATE_EPOCH), never on the clock or the machine.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.core.cache import Cache
from generator.model import Site
from generator.render.exports.jobs import ExportJob, ExportStats, run_jobs
from generator.render.links import APPLICATION_DOCX

__all__ = ["CATALOGUE_CSV", "CATALOGUE_XLSX", "ExportStats", "export_jobs", "form_jobs",
           "profile_path", "shortlisting_path", "write_exports", "write_form_exports"]

APPLICATION_HTML = APPLICATION_DOCX.replace(".docx", ".html")

CATALOGUE_XLSX = "roles/roles.xlsx"
CATALOGUE_CSV = "roles/roles.csv"


def profile_path(role_id: str) -> str:
    """The Word export's path under docs/ (the role page links to it by its file name)."""
    return f"roles/{role_id}/{role_id}.docx"


def shortlisting_path(role_id: str) -> str:
    return f"roles/{role_id}/{role_id}-shortlisting.xlsx"


def export_jobs(site: Site, docs_dir: Path,
                role_ids: Sequence[str] | None = None) -> list[ExportJob]:
    """What to write: the role's two files for each role (all, or `role_ids`), then the
    catalogue, which always lists every role."""
    from generator.render.exports.catalogue import COLUMNS, catalogue_book, catalogue_rows
    from generator.render.exports.profile import profile_document
    from generator.render.exports.shortlist import has_workbook, shortlisting_book

    jobs = []
    for role_id in sorted(site.roles) if role_ids is None else role_ids:
        role = site.roles[role_id]
        jobs.append(ExportJob("docx", profile_document(site, role),
                              docs_dir / profile_path(role_id)))
        if has_workbook(role):
            jobs.append(ExportJob("xlsx", shortlisting_book(site, role),
                                  docs_dir / shortlisting_path(role_id)))
    rows = catalogue_rows(site)
    jobs.append(ExportJob("xlsx", catalogue_book(rows), docs_dir / CATALOGUE_XLSX))
    jobs.append(ExportJob("csv", {"columns": [c for c, _ in COLUMNS], "rows": rows},
                          docs_dir / CATALOGUE_CSV))
    return jobs


def write_exports(site: Site, docs_dir: Path, role_ids: Sequence[str] | None = None, *,
                  created: str | None = None, cache: Cache | None = None) -> ExportStats:
    """Write the exports into `docs_dir` (see the module docstring); `stats.files` lists them.

    `created` is the date the files carry (default: `clock.source_date()`); `cache` the
    cache to use (default: the "exports" namespace of the project's cache folder).
    """
    return run_jobs(export_jobs(site, docs_dir, role_ids), created=created, cache=cache)


def form_jobs(forms: Sequence[Path]) -> list[ExportJob]:
    """The Word copy of each application form among `forms` (written HTML pages), beside it.
    The page itself is the job's spec, read into Word only if the cache does not hold it."""
    return [ExportJob("form-docx", {"html": form.read_text(encoding="utf-8")},
                      form.with_name(APPLICATION_DOCX))
            for form in forms if form.name == APPLICATION_HTML]


def write_form_exports(forms: Sequence[Path], *, created: str | None = None,
                       cache: Cache | None = None) -> ExportStats:
    """Write the Word copy of each application form among `forms` beside it (as the PDFs are
    written beside the forms); `stats.files` lists them."""
    return run_jobs(form_jobs(forms), created=created, cache=cache)
