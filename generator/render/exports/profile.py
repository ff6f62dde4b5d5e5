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

from typing import Any

from generator.model import Role, Salary, Site, Vacancy
from generator.model.filters import dbs_label, long_date, pay_text, salary_lines
from generator.render import views
from generator.render.exports.docblocks import Block, Doc, labelled, marked, runs_of
from generator.render.exports.jobfacts import contract_facts, dimensions, vetting
from generator.render.exports.profilespec import competencies, person_spec, terms
from generator.render.exports.richtext import Run, inline


def _closing(vacancy: Vacancy) -> str:
    time = f" at {vacancy.closing_time}" if vacancy.closing_time else ""
    return f"{long_date(vacancy.closing_date)}{time}"


def _vacancy_entry(vacancy: Vacancy) -> tuple[Run, ...]:
    """A vacancy as the role page lists it: its title, then each detail on a line of its own."""
    salary = vacancy.salary or vacancy.role.salary
    places = vacancy.locations or vacancy.role.locations
    unknown = runs_of("Not stated")
    details = (
        ("Organisation", inline(vacancy.role.organisation.name)
         if vacancy.role.organisation.stated else unknown),
        ("Location", inline("; ".join(places)) if places else unknown),
        ("Salary", _pay(salary_lines(salary), "; ") if salary else unknown),
        *((("Supplements and allowances", _supplements(salary, "; ")),)
          if salary and salary.supplements else ()),
        ("Closing date", inline(_closing(vacancy)) if vacancy.closing_date else unknown),
        ("Reference", inline(vacancy.reference_text)),
        ("Status", (("Open" if vacancy.is_open else "Closed", "b", ""),)),
    )
    runs = list(marked(inline(vacancy.title), "b"))
    for label, value in details:
        runs += [(" ", "", ""), ("\n", "", ""), (f"{label}: ", "", ""), *value]
    return tuple(runs)


def _pay(lines: list[str], sep: str) -> tuple[Run, ...]:
    """Pay lines (the salary and its other rates, or supplements) as runs, `sep` between."""
    runs: list[Run] = []
    for n, line in enumerate(lines):
        if n:
            runs.append((sep, "", ""))
        runs += inline(line)
    return tuple(runs)


def _supplements(salary: Salary | None, sep: str) -> tuple[Run, ...]:
    return _pay([pay_text(s) for s in salary.supplements] if salary else [], sep)


def _facts(role: Role, open_vacancy: Vacancy | None) -> list[tuple[str, tuple[Run, ...]]]:
    """The summary table of the role page, in its order."""
    facts = [("Organisation", inline(role.organisation.name if role.organisation.stated
                                     else "Not stated")),
             (role.labels.section("directorate"), inline(role.directorate)),
             ("Service", inline(role.service)),
             ("Team", inline(role.team)), ("Location", inline("; ".join(role.locations))),
             ("Grade", inline(role.grade)), ("Salary", _pay(salary_lines(role.salary), "\n")),
             ("Supplements and allowances", _supplements(role.salary, "\n")),
             ("Hours", inline(role.hours)), ("Contract", inline(role.contract)),
             *contract_facts(role.contract_facts),
             ("Reports to", inline(" or ".join(role.reports_to))),
             ("Direct reports", inline(role.direct_reports)),
             ("Post number", inline(role.post_number)),
             ("Job evaluation number", inline(role.job_evaluation_number)),
             ("DBS check", runs_of("Not stated" if role.checks.dbs == "not stated"
                                   else dbs_label(role.checks.dbs))),
             ("Vetting", inline("; ".join(v.name for v in role.checks.vetting if v.name)))]
    if open_vacancy:
        facts += [("Closing date", inline(_closing(open_vacancy))),
                  ("Vacancy reference", inline(open_vacancy.reference_text))]
    return [(label, value) for label, value in facts if value]


def _checks_and_risks(doc: Doc, role: Role) -> None:
    checks = role.checks
    if checks:
        doc.heading(2, runs_of("Pre-employment checks"))
        lines = [runs_of(dbs_label(checks.dbs))] if checks.dbs else []
        if checks.rehabilitation_exemption:
            lines.append(runs_of("The role is exempt from the Rehabilitation of Offenders Act "
                               "1974."))
        lines += [inline(other) for other in checks.other]
        doc.bullets(lines)
        doc.text(checks.statement)
        vetting(doc, checks.vetting)
    form = role.organisation.known_risks_form
    if form and role.known_risks:
        doc.heading(2, runs_of("Known risks"))
        question = (*runs_of(": "), *marked(inline(form.question), "i"))
        doc.para((*inline(form.title), *(question if form.question else ())))
        rows = []
        for answer in role.known_risks:
            risk = (*inline(answer.item.text),
                    *((*runs_of(": "), *inline(answer.details)) if answer.details else ()))
            rows.append(((("", inline(answer.item.letter)),), (("", risk),),
                         (("", inline(answer.shown)),)))
        doc.table("Known risks", ("Item", "Risk", "Answer"), rows, (0.1, 0.72, 0.18))
        notes = views.risk_notes(role)
        if notes:
            doc.heading(3, runs_of("Explanatory notes"))
            for note in notes:
                letter = f"{note.letter}. " if note.letter else ""
                doc.heading(4, inline(letter + note.title))
                doc.text(note.text)


def _statements(doc: Doc, role: Role) -> None:
    org = role.organisation
    if org.values or org.values_intro or org.values_statement or org.statements:
        doc.heading(2, (*inline(org.name), *runs_of(": values and statements")))
        if org.values or org.values_intro or org.values_statement:
            doc.heading(3, runs_of("Values"))
            doc.text(org.values_intro)
            doc.bullets([
                ((*marked(inline(v.name), "b"),
                  *((*runs_of(": "), *inline(v.description)) if v.description else ())))
                for v in org.values])
            doc.text(org.values_statement)
        doc.statements(org.statements)
    if role.statements:
        doc.heading(2, runs_of("Statements for this role"))
        doc.statements(role.statements)


def profile_blocks(site: Site, role: Role) -> tuple[Block, ...]:
    """The role page's content as blocks, in the page's order."""
    doc = Doc()
    vacancies = views.role_vacancies(site, role)
    open_vacancy = next((v for v in vacancies if v.is_open), None)
    doc.heading(1, inline(role.title))
    doc.para((*runs_of(role.organisation.after("Role profile and person specification")),
              *runs_of(f" · {'; '.join(role.locations)}" if role.locations else "")), "subtitle")
    if open_vacancy:
        doc.para((*runs_of(f"Open for applications until {_closing(open_vacancy)}: vacancy "
                         "reference "), *marked(inline(open_vacancy.reference_text), "b"),
                  *runs_of(".")))
    doc.heading(2, runs_of("Summary"))
    doc.table("Summary", ("Item", "Details"),
              [((("", runs_of(label)),), (("", value),)) for label, value in
               _facts(role, open_vacancy)], (0.3, 0.7))
    labels = role.labels
    for title, text in (("About this profile", role.introduction),
                        (labels.section("context"), role.context),
                        (labels.section("purpose"), role.purpose)):
        if text:
            doc.heading(2, inline(title))
            doc.text(text)
    doc.section(role.accountabilities, labels.section("accountabilities"))
    doc.section(role.key_activities, labels.section("key_activities"))
    doc.section(role.performance_measures, labels.section("performance_measures"))
    dimensions(doc, role.dimensions)
    person_spec(doc, role)
    competencies(doc, role)
    if role.working_arrangements:
        doc.heading(2, runs_of("Working arrangements"))
        doc.bullets([labelled(views.arrangement_label(w.kind), inline(w.text))
                     for w in role.working_arrangements])
    terms(doc, role.terms)
    _checks_and_risks(doc, role)
    _statements(doc, role)
    if role.family:
        doc.heading(2, runs_of("Role family"))
        doc.para((*runs_of("This role belongs to the "), *inline(role.family.title),
                  *runs_of(" family.")))
        if any(c.inherited_from for c in role.person_spec.criteria):
            doc.para(runs_of('Criteria marked "from the family" in the person specification '
                           "come from its description."))
    if vacancies:  # open ones, then closed ones, as the page groups them
        doc.heading(2, runs_of("Vacancies"))
        doc.heading(3, runs_of("Open vacancies"))
        open_ones = [v for v in vacancies if v.is_open]
        if open_ones:
            doc.bullets([_vacancy_entry(v) for v in open_ones])
        else:
            doc.para(runs_of("There are no open vacancies at the moment."))
        closed = [v for v in vacancies if not v.is_open]
        if closed:
            doc.heading(3, runs_of("Closed vacancies"))
            doc.bullets([_vacancy_entry(v) for v in closed])
    dates = role.dates
    if dates.issued or dates.reviewed or dates.next_review:
        doc.heading(2, runs_of("Dates"))
        doc.bullets([runs_of(f"{label}: {long_date(value)}") for label, value in
                     (("Issued", dates.issued), ("Reviewed", dates.reviewed),
                      ("Next review", dates.next_review)) if value])
    return tuple(doc.blocks)


def profile_document(site: Site, role: Role) -> dict[str, Any]:
    """Everything the Word export of a role is made from: blocks and document properties."""
    return {
        "title": f"{role.title}: role profile",
        "subject": role.organisation.after("Role profile and person specification"),
        "keywords": ", ".join(("role profile", "person specification", role.id)),
        "footer": " · ".join(x for x in (role.title, role.organisation.name) if x),
        "blocks": profile_blocks(site, role),
    }
