"""The moderation sheet and the feedback summaries as form pages: the forms' own furniture
(`forms/base.html`, stylesheet, legend, data-protection text) and PDF rendering."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from generator.collate.figures import SPREAD_FLAG, TIES, Candidate, Figures
from generator.model import Scale
from generator.render.forms.render import Page, render
from generator.scoring.campaign import Campaign
from generator.scoring.sheets import MET


def shown(value: Fraction | int | None) -> str:
    """A figure as written: whole numbers plain, others to two decimal places."""
    if value is None:
        return ""
    if isinstance(value, int) or value.denominator == 1:
        return str(int(value))
    return f"{float(value):.2f}"


def on_scale(scale: Scale, score: Fraction) -> str:
    """What a (mean) score means on the scale: the label or descriptor of the point or band
    the score rounds to (halves up)."""
    whole = int(score + Fraction(1, 2))
    for band in scale.bands:
        if band.low <= whole <= band.high:
            return band.label or band.descriptor
    for point in scale.points:
        if point.score == whole:
            return point.label or point.descriptor
    return ""


def moderation_page(campaign: Campaign, figures: Figures, notice: str) -> str:
    stage = str(figures.facts.get("stage", "interview"))
    ranked = sorted(figures.candidates, key=lambda c: (c.rank is None, c.rank or 0))
    page = Page("moderation-collated", "Collated panel scores", campaign,
                subheading=f"{stage}, for moderation")
    return render("collated", page, figures=figures, ranked=ranked, notice=notice,
                  stage=stage, shown=shown, ties=TIES, spread_flag=SPREAD_FLAG)


@dataclass(frozen=True)
class FeedbackLine:
    label: str
    text: str
    score: str
    band: str
    range: str


def feedback_lines(figures: Figures, cand: Candidate) -> tuple[FeedbackLine, ...]:
    """The candidate's mean on each row, what it means on the scale, and the lowest and
    highest mean of all candidates (figures only: no other candidate's code)."""
    scale = figures.sheet.scale
    lines = []
    for index, line in enumerate(cand.lines):
        row = line.row
        if line.mean is None:
            lines.append(FeedbackLine(row.label, row.text, "not scored", "", ""))
            continue
        if row.mode == MET:
            said = {1: "Met", 0: "Not met"}.get(int(line.mean), "Not agreed by the panel") \
                if line.mean.denominator == 1 else "Not agreed by the panel"
            lines.append(FeedbackLine(row.label, row.text, said, "", ""))
            continue
        field = [c.lines[index].mean for c in figures.candidates]
        known = [m for m in field if m is not None]
        lines.append(FeedbackLine(row.label, row.text, shown(line.mean),
                                  on_scale(scale, line.mean),
                                  f"{shown(min(known))} to {shown(max(known))}"))
    return tuple(lines)


def feedback_page(campaign: Campaign, figures: Figures, cand: Candidate, notice: str) -> str:
    page = Page(f"feedback-{cand.code.lower()}", "Feedback", campaign,
                subheading=f"candidate {cand.code}")
    return render("feedback", page, cand=cand, lines=feedback_lines(figures, cand),
                  notice=notice, stage=str(figures.facts.get("stage", "interview")),
                  scale=figures.sheet.scale)
