"""`roleprint forms ROLE_OR_VACANCY_ID`: one campaign's form set, written to a folder."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.model import Scale, Site, Vacancy
from generator.render.forms.build import STAGES, build_forms, campaign
from generator.render.forms.render import Campaign
from generator.scoring import sheets
from generator.scoring.plan import set_questions


class FormsError(KeyError, ValueError):
    """An id or option the command cannot use; the message says what to do.

    A KeyError (unknown id) and a ValueError (bad option) at once, so callers catching
    either see it; catch FormsError itself in new code.
    """

    def __str__(self) -> str:
        return str(self.args[0])


def run_forms(site: Site, record_id: str, out: Path, candidates: int | None = None,
              panel: Sequence[str] = (), scale_id: str | Sequence[str] | None = None,
              pdf: bool = True, per_candidate: bool = False,
              layout: str | None = None) -> list[Path]:
    """Write the forms for a role id or a vacancy id into `out` and return the paths.

    A vacancy brings its own scales, candidate count and panel; the arguments override them.
    `scale_id` is one id for every stage, or a list of `ID` and `STAGE=ID` (--scale);
    `layout` ("grid" or "full", --layout) the interview sheet's, over the organisation's.
    """
    from generator.scoring.options import split_scales

    every, by_stage = split_scales([scale_id] if isinstance(scale_id, str) else scale_id or [])
    vacancy = site.vacancies.get(record_id)
    role = vacancy.role if vacancy else site.roles.get(record_id)
    if role is None:
        known = ", ".join(sorted([*site.roles, *site.vacancies]))
        raise FormsError(f"'{record_id}' is neither a role nor a vacancy; known ids: {known}")
    if candidates is not None and candidates < 1:
        raise FormsError(f"--candidates must be 1 or more, not {candidates}")
    scale = _scale(site, every) if every else None
    stage_scales = {k: _scale(site, v) for k, v in by_stage.items()}
    _check_weights(campaign(site, role, vacancy=vacancy, scale=scale, stage_scales=stage_scales))
    if panel and vacancy is not None:
        _check_askers(vacancy, panel)
    return build_forms(site, role, out, vacancy=vacancy, candidates=candidates, panel=panel,
                       scale=scale, pdf=pdf, stage_scales=stage_scales,
                       per_candidate=per_candidate, layout=layout)


def _check_weights(settings: Campaign) -> None:
    """Refuse a stage scale (from --scale) that does not allow the weights its rows carry:
    the sheets would drop them, or print and sum them, without a word."""
    for stage in STAGES:
        scale = settings.scale_at(stage)
        stray = sheets.stray_weights(settings.role, scale, stage, settings.weights_at(stage))
        if not stray:
            continue
        allows = ("has no weights" if not scale.weights else "allows only "
                  + ", ".join(f"×{w}" for w in scale.weights))
        raise FormsError(f"the {stage} scale '{scale.id}' {allows}, but the {stage} rows carry "
                         + ", ".join(stray) + "; choose a scale that allows them with --scale "
                         f"{stage}=ID, or change the weights")


def _check_askers(vacancy: Vacancy, panel: Sequence[str]) -> None:
    """Refuse a question plan whose askers the `--panel` given does not have: a member's
    number beyond it, or a name not on it (validate checks the plan against the vacancy's own
    panel; the command's panel replaces that one)."""
    named = {name.casefold() for name in panel if name}
    for entry in vacancy.question_plan:
        who = entry.asked_by
        if isinstance(who, int) and who > len(panel):
            raise FormsError(f"question {entry.question} is asked by panel member {who}, but "
                             f"--panel gives {len(panel)}: give more members, or change the "
                             "question plan's asked_by")
        if isinstance(who, str) and who.casefold() not in named:
            on = (", ".join(panel) if named else f"{len(panel)} members, not named")
            raise FormsError(f"question {entry.question} is asked by {who}, who is not on "
                             f"--panel ({on}): add them to --panel, or change the question "
                             "plan's asked_by")


def left_out(site: Site, record_id: str) -> list[str]:
    """A sentence for each sheet the record's role does not make, for the command to print:
    "No interview or moderation sheets and no interview workbook: no criterion or competency
    is assessed at interview." (sheets.left_out says why)."""
    vacancy = site.vacancies.get(record_id)
    role = vacancy.role if vacancy else site.roles.get(record_id)
    if role is None:
        return []
    missing = sheets.left_out(role)
    notes = []
    if sheets.SHORTLISTING in missing:
        notes.append("No shortlisting sheet or workbook: "
                     f"{missing[sheets.SHORTLISTING]}.")
    if sheets.INTERVIEW in missing:
        notes.append("No interview or moderation sheets and no interview workbook: "
                     f"{missing[sheets.INTERVIEW]}.")
    return notes


def layout_notes(site: Site, record_id: str, layout: str | None = None) -> list[str]:
    """A sentence where the grid layout is asked for (by --layout or the organisation) but the
    interview sheets follow a question plan instead (each set question and who asks it): the
    grid is never dropped without a word."""
    vacancy = site.vacancies.get(record_id)
    role = vacancy.role if vacancy else site.roles.get(record_id)
    if role is None or (layout or role.organisation.sheet_wording.interview_layout) != "grid":
        return []
    if not set_questions(role, vacancy, ()):
        return []
    return ["The interview sheets follow the question plan (each set question and who asks "
            "it), not the grid layout: the grid is for sheets without one."]


def _scale(site: Site, scale_id: str) -> Scale:
    scale = site.scales.get(scale_id)
    if scale is None:
        known = ", ".join(sorted(site.scales))
        raise FormsError(f"there is no scale '{scale_id}'; known scales: {known}")
    return scale
