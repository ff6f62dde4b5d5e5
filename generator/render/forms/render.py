"""Render each recruitment form of a campaign to one standalone HTML page: its stylesheet
linked (with a small base inline), or inlined whole (see `generator.forms.stylesheet`)."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from generator.render.forms.controls import CONTROLS
from generator.render.forms.equality import QUESTIONS
from generator.render.forms.planrows import plan_block
from generator.render.forms.rows import grid_row, interview_row, sub_items
from generator.render.forms.stylesheet import inline_styles, linked_styles
from generator.render.templating import environment
from generator.scoring import sheets
from generator.scoring.campaign import Campaign
from generator.scoring.identity import sheet_identity
from generator.scoring.plan import planned

# File stems the role pages link to (forms/<stem>.html and .pdf): keep in step with the site.
APPLICATION = "application-form"
EQUALITY = "equality-monitoring"
SHORTLISTING = "shortlisting"
INTERVIEW = "interview"
MODERATION = "moderation"
FORMS = (APPLICATION, EQUALITY, SHORTLISTING, INTERVIEW, MODERATION)
TITLES = {
    APPLICATION: "Application form",
    EQUALITY: "Equality monitoring form",
    SHORTLISTING: "Shortlisting sheet",
    INTERVIEW: "Interview scoring sheet",
    MODERATION: "Panel moderation sheet",
}


@dataclass(frozen=True)
class Page:
    """What the page furniture needs: file stem, <title>, heading and running header."""

    stem: str
    heading: str
    campaign: Campaign
    subheading: str | None = None

    @property
    def running(self) -> str:
        extra = f" ({self.subheading})" if self.subheading else ""
        return f"{self.heading}{extra} — {self.campaign.title}"

    @property
    def footer(self) -> str:
        """The organisation (if stated), and the vacancy reference if there is one: each
        page's footer."""
        parts = [self.campaign.organisation.name,
                 f"Ref {self.campaign.reference}" if self.campaign.reference else ""]
        return " · ".join(part for part in parts if part)

    @property
    def identity(self) -> str:
        """What `roleprint collate` reads back from a filled scoring sheet ("" elsewhere)."""
        return sheet_identity(self.stem, self.campaign)

    @property
    def typed_key(self) -> str:
        """Where the browser keeps what is typed on this form, so that a reload does not lose
        it: the form, its role and vacancy, and the version of what is kept (`_typed.html`).
        Only the application form keeps anything (""): the equality form's answers are
        special category data, not to be left on a computer others may use."""
        if self.stem != APPLICATION:
            return ""
        vacancy = f":{self.campaign.vacancy.id}" if self.campaign.vacancy else ""
        return f"roleprint:typed:v1:{self.stem}:{self.campaign.role.id}{vacancy}"

    @property
    def title(self) -> str:
        ref = f", reference {self.campaign.reference}" if self.campaign.reference else ""
        org = self.campaign.organisation.name  # "" where the role does not state it
        return f"{self.running}{', ' + org if org else ''}{ref}"


# Characters a CSS string in a <style> element must not hold as they are.
_CSS_SPECIAL = re.compile(r'["\\<>&]')


def _css_escape(char: str) -> str:
    return f"\\{ord(char):x} "


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string: nothing in it can end the string or the <style> element.
    Quotes, backslashes, < > & and anything unprintable are written as CSS escapes."""
    text = " ".join(text.split())
    if text.isprintable():  # the usual case: only the special characters to replace
        escaped = _CSS_SPECIAL.sub(lambda found: _css_escape(found.group()), text)
    else:
        escaped = "".join(_css_escape(ch) if ch in '"\\<>&' or not ch.isprintable() else ch
                          for ch in text)
    return Markup(f'"{escaped}"')  # every character that could break out is escaped


@lru_cache(maxsize=1024)
def _fixed(name: str, values: tuple[tuple[str, Hashable], ...]) -> Markup:
    html = environment().get_template(name).render(questions=QUESTIONS, **CONTROLS, **dict(values))
    return Markup(html.removesuffix("\n"))  # a template of ours, escaped as it was rendered


def fixed(name: str, **values: Hashable) -> Markup:
    """A part of a form that depends on nothing but `values`, such as the scoring scale's table
    (the scale) or the equality questions (nothing): rendered once for each distinct set of
    values, then reused. Values are compared by equality, so they must be immutable (strings,
    tuples, frozen records). The part sees only its values, the controls and the equality
    questions: naming anything else is an error. It loses its final newline to sit in its form
    like a line."""
    return _fixed(name, tuple(sorted(values.items())))


def render(template: str, page: Page, stylesheet_href: str | None = None, **context: Any) -> str:
    """One form page: forms/<template>.html with the campaign, the page and `context`; its
    stylesheet linked at `stylesheet_href`, or inlined whole when that is None."""
    styles = inline_styles() if stylesheet_href is None else linked_styles(stylesheet_href)
    return environment().get_template(f"forms/{template}.html").render(
        c=page.campaign, page=page, styles=styles, css_string=css_string, key=sheets.field_key,
        fixed=fixed, gate_note=sheets.gate_note, interview_row=interview_row, grid_row=grid_row,
        sub_items=sub_items, plan_block=plan_block,
        **CONTROLS, **context)


def interview_sheets(panel: tuple[str, ...], candidates: tuple[str, ...] = (),
                     ) -> tuple[tuple[str, int, str | None, str | None], ...]:
    """(stem, number, name, candidate code): always a blank `interview` (number 0), then one per
    panel member; with `candidates`, one per candidate for each member (or for the panel)."""
    members = tuple(enumerate(panel, start=1)) or ((0, None),)
    found: list[tuple[str, int, str | None, str | None]] = [(INTERVIEW, 0, None, None)]
    for code in candidates or (None,):
        for n, name in members:
            if not n and code is None:
                continue  # the blank sheet, already there
            stem = INTERVIEW + (f"-{code.lower()}" if code else "") + (f"-panel-{n}" if n else "")
            found.append((stem, n, name, code))
    return tuple(found)


def form_pages(campaign: Campaign, stylesheet_href: str | None = None,
               ) -> tuple[tuple[str, str], ...]:
    """Every page of the campaign's form set as (file stem, HTML), in a fixed order; each links
    its stylesheet at `stylesheet_href`, or inlines it whole when that is None."""
    role = campaign.role

    def styled(template: str, page: Page, **context: Any) -> str:
        return render(template, page, stylesheet_href, **context)

    missing = sheets.left_out(role)  # a sheet with no rows is not made (the role page says why)
    pages = [
        (APPLICATION, styled(APPLICATION, Page(APPLICATION, TITLES[APPLICATION], campaign),
                             criteria=role.person_spec.at_stage("application"),
                             competencies=role.competencies_at_stage("application"),
                             later=role.person_spec.at_stage("pre-appointment"))),
        (EQUALITY, styled(EQUALITY, Page(EQUALITY, TITLES[EQUALITY], campaign))),
    ]
    if SHORTLISTING not in missing:
        pages.append((SHORTLISTING, styled(
            SHORTLISTING, Page(SHORTLISTING, TITLES[SHORTLISTING], campaign),
            sheet=sheets.shortlisting(role, campaign.scale_at(SHORTLISTING), campaign.candidates,
                                      campaign.weights_at(SHORTLISTING)))))
    if INTERVIEW in missing:
        return tuple(pages)
    scale, weights = campaign.scale_at(INTERVIEW), campaign.weights_at(INTERVIEW)
    interview = sheets.interview(role, scale, weights)
    plan = planned(interview, campaign.questions)  # None: no questions, the sheet as before
    total = len(campaign.panel)
    codes = sheets.candidate_codes(campaign.candidates) if campaign.per_candidate else ()
    for stem, number, member, code in interview_sheets(campaign.panel, codes):
        sub = ", ".join(([f"candidate {code}"] if code else [])
                        + ([f"panel member {number} of {total}"] if number else [])) or None
        page = Page(stem, TITLES[INTERVIEW], campaign, subheading=sub)
        you = member or (f"Panel member {number}" if number else None)  # as the plan says
        pages.append((stem, styled(INTERVIEW, page, sheet=interview, member=member,
                                   candidate=code, plan=plan, you=you)))
    pages.append((MODERATION, styled(MODERATION, Page(MODERATION, TITLES[MODERATION], campaign),
                                     sheet=sheets.moderation(role, scale, campaign.candidates,
                                                             weights))))
    return tuple(pages)
