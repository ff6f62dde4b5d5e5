"""`roleprint forms ROLE_OR_VACANCY_ID`: one campaign's form set, written to a folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.forms.build import build_forms
from generator.model import Site


class FormsError(KeyError, ValueError):
    """An id or option the command cannot use; the message says what to do.

    A KeyError (unknown id) and a ValueError (bad option) at once, so callers catching
    either see it; catch FormsError itself in new code.
    """

    def __str__(self) -> str:
        return str(self.args[0])


def run_forms(site: Site, record_id: str, out: Path, candidates: int | None = None,
              panel: Sequence[str] = (), scale_id: str | None = None,
              pdf: bool = True) -> list[Path]:
    """Write the forms for a role id or a vacancy id into `out` and return the paths.

    A vacancy brings its own scale, candidate count and panel; the arguments override them.
    """
    vacancy = site.vacancies.get(record_id)
    role = vacancy.role if vacancy else site.roles.get(record_id)
    if role is None:
        known = ", ".join(sorted([*site.roles, *site.vacancies]))
        raise FormsError(f"'{record_id}' is neither a role nor a vacancy; known ids: {known}")
    scale = None
    if scale_id is not None:
        scale = site.scales.get(scale_id)
        if scale is None:
            known = ", ".join(sorted(site.scales))
            raise FormsError(f"there is no scale '{scale_id}'; known scales: {known}")
    if candidates is not None and candidates < 1:
        raise FormsError(f"--candidates must be 1 or more, not {candidates}")
    return build_forms(site, role, out, vacancy=vacancy, candidates=candidates, panel=panel,
                       scale=scale, pdf=pdf)
