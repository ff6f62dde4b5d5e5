"""Printable recruitment forms: HTML pages first, fillable tagged PDFs from the same source.

`build_forms` writes one campaign's set (see `generator.render.forms.build` for the file names),
`build_all_forms` writes every role's set beside its page, and `run_forms` backs the
`roleprint forms` command.
"""

from generator.render.forms.build import build_all_forms, build_forms
from generator.render.forms.render import FORMS, TITLES
from generator.scoring.campaign import FormsError, run_forms

__all__ = ["FORMS", "TITLES", "FormsError", "build_all_forms", "build_forms", "run_forms"]
