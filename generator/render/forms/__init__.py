"""Printable recruitment forms: HTML pages first, fillable tagged PDFs from the same pages.

Takes in a `generator.scoring.Campaign`; `render.form_pages` gives each form's HTML,
`build.write_all_forms` writes every role's standing set beside its page, and `pdfbatch` makes
the PDFs (from the cache where it can). One campaign's pack, workbooks too, is
`generator.render.pack`.
"""

from generator.render.forms.render import FORMS, TITLES

__all__ = ["FORMS", "TITLES"]
