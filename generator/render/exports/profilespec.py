"""The person specification, competencies and terms of a role, as Word export blocks.

They follow the role page: the employer's own headings and columns, each category's
description once, sub-items as lists, "Not stated" where the source is silent, and a key to
the assessment methods wherever they are shown by abbreviation.
"""

from __future__ import annotations

from generator.model import Criterion, Role, Terms
from generator.model.filters import requirement_label
from generator.render import views
from generator.render.exports.docblocks import ESSENTIAL_NOTE, Doc, item_paras, labelled, runs_of
from generator.render.exports.richtext import Para, inline

NOT_STATED_NOTE = ('Where the source does not say whether a criterion is essential or '
                   'desirable, it is shown as "Not stated".')


def _criterion_cell(c: Criterion) -> tuple[Para, ...]:
    text: tuple[Para, ...] = (("", (*inline(c.text), *runs_of(
        " (from the family)" if c.inherited_from else ""))),)
    text += item_paras(c.items)
    if c.guidance:
        text += (("", (("Guidance: ", "i", ""), *inline(c.guidance))),)
    return text


def person_spec(doc: Doc, role: Role) -> None:
    spec, labels = role.person_spec, role.labels
    if not (spec.criteria or spec.introduction):
        return
    doc.heading(2, inline(labels.section("person_specification")))
    doc.text(spec.introduction)
    if spec.essential or spec.desirable:
        doc.para(ESSENTIAL_NOTE)
    if any(not c.requirement_stated for c in spec.criteria):
        doc.para(runs_of(NOT_STATED_NOTE))
    if spec.unassessed:
        doc.para(runs_of('Where the source does not say how a criterion is assessed, it is shown '
                         'as "Not stated" and the criterion is on no scoring sheet: '
                         + ", ".join(c.id for c in spec.unassessed) + "."))
    weighted = any(c.weight for c in spec.criteria)
    header = ("Id", labels.column("criterion"), labels.column("requirement"),
              labels.column("assessed_by"), *(("Weight",) if weighted else ()))
    for category, criteria in spec.by_category():
        if category:  # criteria under no heading in the source get none here
            doc.heading(3, inline(category))
            doc.text(spec.category_description(category))
        rows = []
        for c in criteria:
            methods = c.assessed_by_short if labels.abbreviations else c.assessed_by_text
            cells = [(("", inline(c.id)),), _criterion_cell(c),
                     (("", runs_of(requirement_label(c.requirement))),), (("", inline(methods)),)]
            if weighted:
                cells.append((("", runs_of(str(c.weight or ""))),))
            rows.append(tuple(cells))
        doc.table(labels.section("person_specification")
                  + (f": {' '.join(category.split())}" if category else ""),
                  header, rows,
                  (0.08, 0.46, 0.16, 0.2, 0.1) if weighted else (0.1, 0.5, 0.17, 0.23))
    if labels.methods_key and spec.methods_used():  # only a key the source gives
        doc.para(labelled(f"Key to {labels.column('assessed_by')}", inline(labels.methods_key)))


def competencies(doc: Doc, role: Role) -> None:
    if not role.competencies:
        return
    labels = role.labels
    doc.heading(2, inline(labels.competencies_heading))
    level = ", and the level expected" if any(r.level for r in role.competencies) else ""
    if labels.competency:
        doc.para(runs_of(f"The {labels.competencies_heading.lower()} this role needs, from "
                         f"{views.framework_source(role)}{level}."))
    else:
        doc.para(runs_of("The behaviours this role needs, from "
                         f"{views.framework_source(role, 'competency framework')}{level}."))
    for req in role.competencies:
        doc.heading(3, inline(req.name))
        where = "From the " if req.competency else "The "
        tail = "." if req.competency else " as a whole."
        doc.para((*runs_of(where), *inline(req.framework.name), *runs_of(tail)))
        if req.requirement:
            doc.para(labelled(labels.column("requirement"),
                              runs_of(req.requirement.capitalize() + ".")))
        doc.para(runs_of("Assessed by: " + req.assessed_by_text + "."))
        if req.competency:
            doc.text(req.competency.description)
            if req.competency.relevance:
                doc.para(((f"{req.framework.relevance_lead} ", "b", ""),
                          *inline(req.competency.relevance)))
        wide = req.competency is None
        if req.level:
            doc.level("Expected", req.level, wide)
        if req.entry_level:
            doc.level("Entry", req.entry_level, wide)
        if req.exceptional_level:
            doc.level("Exceptional", req.exceptional_level, wide)


def terms(doc: Doc, value: Terms) -> None:
    """Terms and benefits, as the role page lists them."""
    if not value:
        return
    doc.heading(2, runs_of("Terms and benefits"))
    lines = []
    if value.annual_leave:
        lines.append(labelled(value.annual_leave_heading, inline(value.annual_leave)))
    if value.pension and not value.pension_in_paragraphs:
        lines.append(labelled(value.pension_heading, inline(value.pension)))
    lines += [inline(b) for b in value.benefits]
    if value.workplace or value.workplace_text:
        words = ": ".join(w for w in (value.workplace_label_shown, value.workplace_text) if w)
        lines.append(labelled("Where the work is done", inline(words)))
    if value.visa_label:
        lines.append(labelled("Visa sponsorship", inline(value.visa_label)))
    doc.bullets(lines)
    doc.text(value.visa_sponsorship_statement)
    if value.pension_in_paragraphs:
        doc.heading(3, inline(value.pension_heading))
        doc.text(value.pension)
    for group in value.benefit_groups:
        doc.heading(3, inline(group.heading))
        doc.bullets([inline(b) for b in group.items])
    if value.who_may_apply:
        doc.heading(3, runs_of("Who may apply"))
        doc.text(value.who_may_apply)



