"""One recruitment campaign, worked out once: the role (maybe opened as a vacancy), the scale of
each stage, the candidates, the panel and the interview's question plan.

`campaign()` gives a role's or vacancy's campaign from what is given, else the vacancy's, else
the defaults; `for_record()` does the same for `roleprint forms ID` and checks what the command
was given, raising `UsageError` with what to do. `left_out()` and `layout_notes()` are the
sentences the command prints about sheets a campaign does not make.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.core.errors import UsageError
from generator.model import SCORING_STAGES, Organisation, Role, Scale, Site, Vacancy
from generator.scoring import sheets
from generator.scoring.options import split_scales
from generator.scoring.plan import SetQuestion, set_questions


@dataclass(frozen=True)
class Campaign:
    """One recruitment campaign: a role (maybe opened as a vacancy), its scale, its panel."""

    site: Site
    role: Role
    scale: Scale
    vacancy: Vacancy | None = None
    candidates: int = sheets.DEFAULT_CANDIDATES
    panel: tuple[str, ...] = ()
    # The scale of each stage ("shortlisting", "interview") where it is not `scale`.
    stage_scales: tuple[tuple[str, Scale], ...] = ()
    per_candidate: bool = False  # an interview sheet per candidate (and panel member)
    # The interview questions and who asks each: only in packs, never in the site's forms.
    questions: tuple[SetQuestion, ...] = ()
    layout: str | None = None  # --layout: the interview sheet's layout, over the organisation's

    @property
    def interview_layout(self) -> str:
        """'grid' (a table row for each criterion) or 'full' (a block for each): the command's
        choice, else the organisation's (`scoring_sheets.interview_layout`)."""
        return self.layout or self.role.organisation.sheet_wording.interview_layout

    def scale_at(self, stage: str) -> Scale:
        """The scale for 'shortlisting' or 'interview' (which covers moderation too)."""
        return dict(self.stage_scales).get(stage, self.scale)

    def weights_at(self, stage: str) -> dict[str, int]:
        """The vacancy's weights for a stage (criterion or competency id -> weight)."""
        return self.vacancy.weights_at(stage) if self.vacancy else {}

    @property
    def organisation(self) -> Organisation:
        return self.role.organisation

    @property
    def title(self) -> str:
        return self.vacancy.title if self.vacancy else self.role.title

    @property
    def reference(self) -> str | None:
        return self.vacancy.reference if self.vacancy else None



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
                     for stage in SCORING_STAGES)
    members = tuple(panel) or (vacancy.panel if vacancy else ())
    return Campaign(
        site=site, role=role, vacancy=vacancy, candidates=candidates,
        scale=scale or site.scale_for(role, vacancy), stage_scales=by_stage,
        panel=members, per_candidate=per_candidate, layout=layout,
        questions=set_questions(role, vacancy, members) if questions else (),
    )


def for_record(site: Site, record_id: str, *, candidates: int | None = None,
               panel: Sequence[str] = (), scale_id: str | Sequence[str] | None = None,
               per_candidate: bool = False, layout: str | None = None) -> Campaign:
    """The campaign of `roleprint forms RECORD_ID`, with its question plan, checked.

    A vacancy brings its own scales, candidate count and panel; the arguments override them.
    `scale_id` is one id for every stage, or a list of `ID` and `STAGE=ID` (--scale);
    `layout` ("grid" or "full", --layout) the interview sheet's, over the organisation's.
    """
    every, by_stage = split_scales([scale_id] if isinstance(scale_id, str) else scale_id or [])
    vacancy = site.vacancies.get(record_id)
    role = vacancy.role if vacancy else site.roles.get(record_id)
    if role is None:
        known = ", ".join(sorted([*site.roles, *site.vacancies]))
        raise UsageError(f"'{record_id}' is neither a role nor a vacancy; known ids: {known}")
    if candidates is not None and candidates < 1:
        raise UsageError(f"--candidates must be 1 or more, not {candidates}")
    settings = campaign(site, role, vacancy=vacancy, candidates=candidates, panel=panel,
                        scale=_scale(site, every) if every else None,
                        stage_scales={k: _scale(site, v) for k, v in by_stage.items()},
                        per_candidate=per_candidate, questions=True, layout=layout)
    _check_weights(settings)
    if panel and vacancy is not None:
        _check_askers(vacancy, panel)
    return settings


def _check_weights(settings: Campaign) -> None:
    """Refuse a stage scale (from --scale) that does not allow the weights its rows carry:
    the sheets would drop them, or print and sum them, without a word."""
    for stage in SCORING_STAGES:
        scale = settings.scale_at(stage)
        stray = sheets.stray_weights(settings.role, scale, stage, settings.weights_at(stage))
        if not stray:
            continue
        allows = ("has no weights" if not scale.weights else "allows only "
                  + ", ".join(f"×{w}" for w in scale.weights))
        raise UsageError(f"the {stage} scale '{scale.id}' {allows}, but the {stage} rows carry "
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
            raise UsageError(f"question {entry.question} is asked by panel member {who}, but "
                             f"--panel gives {len(panel)}: give more members, or change the "
                             "question plan's asked_by")
        if isinstance(who, str) and who.casefold() not in named:
            on = (", ".join(panel) if named else f"{len(panel)} members, not named")
            raise UsageError(f"question {entry.question} is asked by {who}, who is not on "
                             f"--panel ({on}): add them to --panel, or change the question "
                             "plan's asked_by")


def left_out(settings: Campaign) -> list[str]:
    """A sentence for each sheet the campaign's role does not make, for the command to print:
    "No interview or moderation sheets and no interview workbook: no criterion or competency
    is assessed at interview." (sheets.left_out says why)."""
    missing = sheets.left_out(settings.role)
    notes = []
    if sheets.SHORTLISTING in missing:
        notes.append("No shortlisting sheet or workbook: "
                     f"{missing[sheets.SHORTLISTING]}.")
    if sheets.INTERVIEW in missing:
        notes.append("No interview or moderation sheets and no interview workbook: "
                     f"{missing[sheets.INTERVIEW]}.")
    return notes


def layout_notes(settings: Campaign) -> list[str]:
    """A sentence where the grid layout is asked for (by --layout or the organisation) but the
    interview sheets follow a question plan instead (each set question and who asks it): the
    grid is never dropped without a word."""
    if settings.interview_layout != "grid" or not settings.questions:
        return []
    return ["The interview sheets follow the question plan (each set question and who asks "
            "it), not the grid layout: the grid is for sheets without one."]


def _scale(site: Site, scale_id: str) -> Scale:
    scale = site.scales.get(scale_id)
    if scale is None:
        known = ", ".join(sorted(site.scales))
        raise UsageError(f"there is no scale '{scale_id}'; known scales: {known}")
    return scale
