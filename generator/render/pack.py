"""One campaign's pack for `roleprint forms`: its forms (HTML, and PDFs from them) and its two
workbooks, written into one folder.

    application-form.docx            the application form in Word, read from its HTML page
                                     (with the PDFs: not with --no-pdf)
    shortlisting.xlsx                the shortlisting workbook, on the pack's own scale,
                                     weights and candidate count
    interview-scores.xlsx            the panel's agreed interview scores, each member's total,
                                     the gate, total and rank worked out
    forms.css                        the stylesheet every page links to, so that the folder
                                     works on its own (the site's forms link one shared copy,
                                     assets/forms.css, instead)

The forms are listed in `generator.render.forms.build`. This is the one place where forms and
exports meet, so neither renderer imports the other.
"""

from __future__ import annotations

from pathlib import Path

from generator.core.clock import source_date
from generator.render.exports import write_form_exports
from generator.render.exports.excel import xlsx_bytes
from generator.render.exports.interviewbook import interview_book
from generator.render.exports.shortlist import shortlisting_book
from generator.render.forms.build import pdf_jobs, with_pdfs, write_html
from generator.render.forms.pdfbatch import render_pdfs
from generator.render.forms.render import form_pages
from generator.render.forms.stylesheet import NAME, write_beside
from generator.scoring import sheets
from generator.scoring.campaign import Campaign


def write_pack(settings: Campaign, out_dir: Path, *, pdf: bool = True) -> list[Path]:
    """Write the campaign's forms and workbooks into `out_dir`; return the files."""
    forms = write_html(form_pages(settings, NAME), out_dir)
    styles = write_beside(out_dir)  # the folder works on its own: its stylesheet is in it
    words: list[Path] = []
    if pdf:
        render_pdfs(pdf_jobs(forms), created=source_date())
        words = write_form_exports(forms).files  # the application form in Word, beside it
    return [*with_pdfs(forms, pdf=pdf), *words, *write_workbooks(settings, out_dir), styles]


def write_workbooks(settings: Campaign, out_dir: Path) -> list[Path]:
    """The pack's own workbooks, on its scales, candidates and panel: shortlisting.xlsx and
    interview-scores.xlsx (each only where its sheet has rows)."""
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
