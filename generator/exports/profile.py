"""A role profile and its person specification as a list of plain blocks for the Word export.

The blocks follow the role page section by section (everything it shows but the links to the
forms, the downloads and the tags), so the Word document loses no line of it:

    ("h", level, runs)                       a heading, level 1 to 4
    ("p", style, runs)                       a paragraph (styles: see `richtext`)
    ("table", caption, header, rows, widths) header: column names; rows: cells of paragraphs;
                                             widths: each column's share of the page width

Everything is a tuple of strings, so the whole document can be hashed for the cache and sent
to a worker process.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from generator.exports.richtext import Para, Run, inline, paragraphs, plain
from generator.filters import dbs_label, long_date, requirement_label, salary_text
from generator.model import Level, ListItem, ListSection, Role, Site, Statement, Vacancy
from generator.site import views

Block = tuple[Any, ...]
ESSENTIAL_NOTE: tuple[Run, ...] = (
    ("Essential", "b", ""), (" criteria are what you must show to be shortlisted; ", "", ""),
    ("desirable", "b", ""),
    (" ones help us choose between candidates who meet every essential criterion.", "", ""),
)


def _runs(text: str) -> tuple[Run, ...]:
    return ((text, "", ""),) if text else ()


def _label(label: str, value: tuple[Run, ...]) -> tuple[Run, ...]:
    return ((f"{label}: ", "b", ""), *value)


def _marked(runs: tuple[Run, ...], mark: str) -> tuple[Run, ...]:
    """The runs with one more mark ("b" bold, "i" italic)."""
    return tuple((text, mark + marks.replace(mark, ""), href) for text, marks, href in runs)


class _Doc:
    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def heading(self, level: int, runs: tuple[Run, ...]) -> None:
        self.blocks.append(("h", level, runs))

    def para(self, runs: tuple[Run, ...], style: str = "") -> None:
        if runs:
            self.blocks.append(("p", style, runs))

    def text(self, text: str | None) -> None:
        self.blocks += [("p", style, runs) for style, runs in paragraphs(text)]

    def bullets(self, lines: list[tuple[Run, ...]]) -> None:
        for runs in lines:
            self.para(runs, "bullet:1")

    def table(self, caption: str, header: tuple[str, ...],
              rows: Sequence[Sequence[tuple[Para, ...]]], widths: tuple[float, ...]) -> None:
        """A table: `widths` are the columns' shares of the page's width."""
        self.blocks.append(("table", caption, header, tuple(tuple(r) for r in rows), widths))

    def items(self, items: tuple[ListItem, ...], depth: int = 1) -> None:
        """A list as the site shows it: source numbers in bold and no bullets, else bullets."""
        numbered = any(item.number for item in items)
        for item in items:
            paras = paragraphs(item.text, depth)
            first = paras[0][1] if paras and paras[0][0] == "" else ()
            lead: tuple[Run, ...] = ((f"{item.number} ", "b", ""),) if item.number else ()
            style = f"cont:{min(depth, 3)}" if numbered else f"bullet:{min(depth, 3)}"
            self.para((*lead, *first) or _runs(" "), style)
            for extra_style, runs in paras[1 if first else 0:]:
                self.para(runs, extra_style or f"cont:{min(depth, 3)}")
            if item.items:
                self.items(item.items, depth + 1)

    def section(self, section: ListSection, default_title: str) -> None:
        if not section:
            return
        self.heading(2, inline(section.title or default_title))
        self.text(section.intro)
        self.items(section.items)
        for group in section.groups:
            if group.heading:
                self.heading(3, inline(group.heading))
            self.text(group.intro)
            self.items(group.items)
        self.text(section.outro)

    def statements(self, items: tuple[Statement, ...]) -> None:
        for statement in items:
            self.heading(3, inline(statement.title))
            self.text(statement.text)

    def level(self, label: str, level: Level) -> None:
        named = level.name.lower() != f"level {level.number}"
        name = f" ({plain(level.name)})" if named else ""
        tail = ", not defined in the framework." if level.not_defined else ""
        self.para(((f"{label} level: {level.number}{name}", "b", ""), *_runs(tail)))
        if level.not_defined:
            return
        self.text(level.description)
        for indicator in level.indicators:
            self.para(inline(indicator), "bullet:1")
        if not level.indicators:
            self.para(_runs("No behavioural indicators are given for this level."))


def _closing(vacancy: Vacancy) -> str:
    time = f" at {vacancy.closing_time}" if vacancy.closing_time else ""
    return f"{long_date(vacancy.closing_date)}{time}"


def _vacancy_state(vacancy: Vacancy) -> tuple[Run, ...]:
    if vacancy.is_open:
        return _runs(f": open, closing {_closing(vacancy)}")
    closed = f" (closed {long_date(vacancy.closing_date)})" if vacancy.closing_date else ""
    return (*_runs(": "), ("Closed", "b", ""), *_runs(closed))


def _facts(role: Role, open_vacancy: Vacancy | None) -> list[tuple[str, tuple[Run, ...]]]:
    """The summary table of the role page, in its order."""
    facts = [("Organisation", inline(role.organisation.name)),
             ("Directorate", inline(role.directorate)), ("Service", inline(role.service)),
             ("Team", inline(role.team)), ("Location", inline("; ".join(role.locations))),
             ("Grade", inline(role.grade)), ("Salary", inline(salary_text(role.salary))),
             ("Hours", inline(role.hours)), ("Contract", inline(role.contract)),
             ("Reports to", inline(" or ".join(role.reports_to))),
             ("Direct reports", inline(role.direct_reports)),
             ("Post number", inline(role.post_number)),
             ("Job evaluation number", inline(role.job_evaluation_number)),
             ("DBS check", _runs(dbs_label(role.checks.dbs)))]
    if open_vacancy:
        facts += [("Closing date", inline(_closing(open_vacancy))),
                  ("Vacancy reference", inline(open_vacancy.reference))]
    return [(label, value) for label, value in facts if value]


def _person_spec(doc: _Doc, role: Role) -> None:
    spec = role.person_spec
    if not (spec.criteria or spec.introduction):
        return
    doc.heading(2, _runs("Person specification"))
    doc.text(spec.introduction)
    if spec.criteria:
        doc.para(ESSENTIAL_NOTE)
    weighted = any(c.weight for c in spec.criteria)
    header = ("Id", "Criterion", "Essential or desirable", "How it is assessed",
              *(("Weight",) if weighted else ()))
    for category, criteria in spec.by_category():
        doc.heading(3, inline(category))
        rows = []
        for c in criteria:
            text: tuple[Para, ...] = (("", (*inline(c.text), *_runs(
                " (from the family)" if c.inherited_from else ""))),)
            if c.guidance:
                text += (("", (("Guidance: ", "i", ""), *inline(c.guidance))),)
            cells = [(("", inline(c.id)),), text, (("", _runs(requirement_label(c.requirement))),),
                     (("", inline(c.assessed_by_text)),)]
            if weighted:
                cells.append((("", _runs(str(c.weight or ""))),))
            rows.append(tuple(cells))
        doc.table(f"Person specification: {' '.join(category.split())}", header, rows,
                  (0.08, 0.46, 0.16, 0.2, 0.1) if weighted else (0.1, 0.5, 0.17, 0.23))


def _competencies(doc: _Doc, role: Role) -> None:
    if not role.competencies:
        return
    doc.heading(2, _runs("Competencies"))
    doc.para(_runs("The behaviours this role needs, from the organisation's competency "
                   "framework, and the level expected."))
    for req in role.competencies:
        doc.heading(3, inline(req.name))
        where = "From the " if req.competency else "The "
        tail = "." if req.competency else " as a whole."
        doc.para((*_runs(where), *inline(req.framework.name), *_runs(tail)))
        doc.para(_runs("Assessed by: " + ", ".join(m.name for m in req.assessed_by) + "."))
        if req.competency:
            doc.text(req.competency.description)
            if req.competency.relevance:
                doc.para(_label(req.framework.relevance_label or "Relevance",
                                inline(req.competency.relevance)))
        doc.level("Expected", req.level)
        if req.entry_level:
            doc.level("Entry", req.entry_level)
        if req.exceptional_level:
            doc.level("Exceptional", req.exceptional_level)


def _checks_and_risks(doc: _Doc, role: Role) -> None:
    checks = role.checks
    if checks.dbs or checks.rehabilitation_exemption or checks.statement or checks.other:
        doc.heading(2, _runs("Pre-employment checks"))
        lines = [_runs(dbs_label(checks.dbs))] if checks.dbs else []
        if checks.rehabilitation_exemption:
            lines.append(_runs("The role is exempt from the Rehabilitation of Offenders Act "
                               "1974: spent convictions must be declared."))
        lines += [inline(other) for other in checks.other]
        doc.bullets(lines)
        doc.text(checks.statement)
    form = role.organisation.known_risks_form
    if form and role.known_risks:
        doc.heading(2, _runs("Known risks"))
        question = (*_runs(": "), *_marked(inline(form.question), "i"))
        doc.para((*inline(form.title), *(question if form.question else ())))
        rows = []
        for answer in role.known_risks:
            risk = (*inline(answer.item.text),
                    *((*_runs(": "), *inline(answer.details)) if answer.details else ()))
            rows.append(((("", inline(answer.item.letter)),), (("", risk),),
                         (("", inline(answer.answer or "Not answered")),)))
        doc.table("Known risks", ("Item", "Risk", "Answer"), rows, (0.1, 0.72, 0.18))
        notes = views.risk_notes(role)
        if notes:
            doc.heading(3, _runs("Explanatory notes"))
            for note in notes:
                letter = f"{note.letter}. " if note.letter else ""
                doc.heading(4, inline(letter + note.title))
                doc.text(note.text)


def _statements(doc: _Doc, role: Role) -> None:
    org = role.organisation
    if org.values or org.values_intro or org.values_statement or org.statements:
        doc.heading(2, (*inline(org.name), *_runs(": values and statements")))
        if org.values or org.values_intro or org.values_statement:
            doc.heading(3, _runs("Values"))
            doc.text(org.values_intro)
            doc.bullets([
                ((*_marked(inline(v.name), "b"),
                  *((*_runs(": "), *inline(v.description)) if v.description else ())))
                for v in org.values])
            doc.text(org.values_statement)
        doc.statements(org.statements)
    if role.statements:
        doc.heading(2, _runs("Statements for this role"))
        doc.statements(role.statements)


def profile_blocks(site: Site, role: Role) -> tuple[Block, ...]:
    """The role page's content as blocks, in the page's order."""
    doc = _Doc()
    vacancies = views.role_vacancies(site, role)
    open_vacancy = next((v for v in vacancies if v.is_open), None)
    doc.heading(1, inline(role.title))
    doc.para((*_runs("Role profile and person specification, "), *inline(role.organisation.name),
              *_runs(f" · {'; '.join(role.locations)}" if role.locations else "")), "subtitle")
    if open_vacancy:
        doc.para((*_runs(f"Open for applications until {_closing(open_vacancy)}: vacancy "
                         "reference "), *_marked(inline(open_vacancy.reference), "b"),
                  *_runs(".")))
    doc.heading(2, _runs("Summary"))
    doc.table("Summary", ("Item", "Details"),
              [((("", _runs(label)),), (("", value),)) for label, value in
               _facts(role, open_vacancy)], (0.3, 0.7))
    for title, text in (("About this profile", role.introduction), ("Context", role.context),
                        ("Purpose", role.purpose)):
        if text:
            doc.heading(2, _runs(title))
            doc.text(text)
    doc.section(role.accountabilities, "Accountabilities")
    doc.section(role.key_activities, "Key activities")
    doc.section(role.performance_measures, "Key results")
    _person_spec(doc, role)
    _competencies(doc, role)
    if role.working_arrangements:
        doc.heading(2, _runs("Working arrangements"))
        doc.bullets([_label(views.arrangement_label(w.kind), inline(w.text))
                     for w in role.working_arrangements])
    _checks_and_risks(doc, role)
    _statements(doc, role)
    if role.family:
        doc.heading(2, _runs("Role family"))
        doc.para((*_runs("This role belongs to the "), *inline(role.family.title),
                  *_runs(" family.")))
        if any(c.inherited_from for c in role.person_spec.criteria):
            doc.para(_runs('Criteria marked "from the family" in the person specification '
                           "come from its description."))
    if vacancies:
        doc.heading(2, _runs("Vacancies"))
        doc.bullets([(*inline(v.title), *_runs(", reference "), *inline(v.reference),
                      *_vacancy_state(v)) for v in vacancies])
    dates = role.dates
    if dates.issued or dates.reviewed or dates.next_review:
        doc.heading(2, _runs("Dates"))
        doc.bullets([_runs(f"{label}: {long_date(value)}") for label, value in
                     (("Issued", dates.issued), ("Reviewed", dates.reviewed),
                      ("Next review", dates.next_review)) if value])
    return tuple(doc.blocks)


def profile_document(site: Site, role: Role) -> dict[str, Any]:
    """Everything the Word export of a role is made from: blocks and document properties."""
    return {
        "title": f"{role.title}: role profile",
        "subject": f"Role profile and person specification, {role.organisation.name}",
        "keywords": ", ".join(("role profile", "person specification", role.id)),
        "footer": f"{role.title} · {role.organisation.name}",
        "blocks": profile_blocks(site, role),
    }
