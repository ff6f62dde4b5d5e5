"""Printable recruitment forms: HTML pages first, fillable tagged PDFs from the same source.

`build_forms` writes one campaign's set (see `generator.forms.build` for the file names),
`build_all_forms` writes every role's set beside its page, and `run_forms` backs the
`roleprint forms` command.
"""

from generator.forms.build import build_all_forms, build_forms
from generator.forms.campaign import FormsError, run_forms
from generator.forms.render import FORMS, TITLES

__all__ = ["FORMS", "TITLES", "FormsError", "build_all_forms", "build_forms", "run_forms"]
