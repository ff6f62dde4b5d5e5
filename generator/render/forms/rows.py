"""The interview sheet's questions: one block for each criterion or competency.

A thousand roles' interview sheets hold about 19,000 of these blocks. As a Jinja loop they took
three quarters of the sheet's time, so they are written here, like the controls, and escaped
the same way
(`tests/render/forms/test_controls.py::test_interview_rows_match_the_template_they_replaced`
renders them both ways). `forms/interview.html` calls `interview_row` for each row.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.core.text import markdown_to_html
from generator.model import CompetencyRequirement, Level, ListItem, Scale
from generator.render.forms.controls import area, cell, esc, met
from generator.scoring.sheets import MET, Row


def sub_items(items: tuple[ListItem, ...]) -> Markup:
    """A criterion's sub-items as a nested list (escaped), or nothing when it has none."""
    if not items:
        return Markup("")
    parts = []
    for item in items:
        number = f"<strong>{esc(item.number)}</strong> " if item.number else ""
        parts.append(f"<li>{number}{esc(item.text)}{sub_items(item.items)}</li>")
    return Markup('<ul class="subitems">' + "".join(parts) + "</ul>")


def _expected_title(level: Level) -> str:
    """"Expected level 2: Entry Level", or "Expected level: Operational Level" for a level the
    framework names only."""
    if level.number is None:
        return f"Expected level: {esc(level.name)}"
    return f"Expected level {esc(level.number)}: {esc(level.name)}"


def _other(level: Level) -> str:
    """An entry or exceptional level: "level 2, Entry Level", or its name alone."""
    return esc(level.name) if level.number is None else \
        f"level {esc(level.number)}, {esc(level.name)}"


def _expected(req: CompetencyRequirement) -> str:
    """What the panel should see at the expected level, and the entry and exceptional levels."""
    level = req.level
    framework = (f' <span class="muted">({esc(req.framework.name)})</span>'
                 if req.competency and req.framework.name else "")
    if level is None:  # the source names no level: none is printed, only what it says
        about = req.competency.description if req.competency else None
        return ((f"<p>{framework.strip()}</p>\n" if framework else "")
                + (f'<div class="md small">{markdown_to_html(about)}</div>\n' if about else ""))
    parts = [f"<p><strong>{_expected_title(level)}</strong>"
             f"{framework}</p>\n"]
    if level.indicators:
        items = "".join(f"<li>{esc(ind)}</li>" for ind in level.indicators)
        parts.append('<p class="small">What the panel should see (indicators):</p>\n'
                     f'<ul class="indicators">{items}</ul>\n')
    elif level.description:
        parts.append(f'<div class="md small">{markdown_to_html(level.description)}</div>\n')
    if req.entry_level or req.exceptional_level:
        entry, top = req.entry_level, req.exceptional_level
        parts.append('<p class="small">'
                     + (f"Entry: {_other(entry)}. " if entry else "")
                     + (f"Exceptional: {_other(top)}." if top else "")
                     + "</p>")
    return "".join(parts)


def interview_row(row: Row, scale: Scale, level: int = 3) -> Markup:
    """A row's heading (an h`level`), what it asks for, and boxes for the question, the score
    and the evidence (with no final newline: the template gives it one)."""
    key = esc(row.key)
    if row.competency:
        heading = esc(row.label) + requirement_span(row)
        asks = _expected(row.competency)
    else:
        heading = (f'<span class="cid">{esc(row.label)}</span> '
                   f'<span class="kind">{esc(row.kind_label)}</span>')
        asks = f'<p class="ctext">{esc(row.text)}</p>\n'
        if row.criterion is not None and row.criterion.items:
            asks += sub_items(row.criterion.items) + "\n"
    if row.weight:
        heading += f' <span class="weight">weight ×{esc(row.weight)}</span>'
    what = ("competency " if row.competency else "criterion ") + str(row.label)
    question = area(f"question-{row.key}", "Question asked, " + what, lines=2)
    evidence = area(f"evidence-{row.key}", "Evidence notes, " + what, lines=4)
    return Markup(
        f'<div class="qblock" id="row-{key}">\n<h{level}>{heading}</h{level}>\n{asks}'
        f'<div class="qline">\n{question}\n{_judgement(row, scale, key, what)}</div>\n'
        f"{evidence}\n</div>")


def requirement_span(row: Row) -> str:
    """A competency's essential or desirable, as the source marks it (nothing if it does not)."""
    req = row.competency
    if req is None or req.requirement is None:
        return ""
    return f' <span class="kind">{esc(req.requirement.capitalize())}</span>'
def score_range(scale: Scale) -> str:
    """"(1 to 5)" after a score box's label, or nothing where no scale is given."""
    return f"({esc(scale.span)})" if scale.stated else ""


def _box(name: str, label: str, what: str, after: str) -> str:
    return (f'<div class="field score-field">\n<label for="{name}">{label}<span class="vh">, '
            f'{esc(what)}</span>{" " + after if after else ""}</label>\n'
            f'<input type="text" id="{name}" name="{name}" autocomplete="off" maxlength="8">\n'
            "</div>\n")


def _judgement(row: Row, scale: Scale, key: str, what: str) -> str:
    """The row's boxes: ✓ or ✗ where the criterion is checked, not scored; else the score,
    and where the sheet is weighted the score times the weight."""
    if row.mode == MET:
        judged = met(f"met-{row.key}", "Met or not met, " + what, words=True)
        return f'<div class="field score-field">{judged}</div>\n'
    boxes = _box(f"score-{key}", "Score", what, score_range(scale))
    if row.weight:
        boxes += _box(f"weighted-{key}", "Weighted score", what, f"(score ×{esc(row.weight)})")
    return boxes


def _compact(req: CompetencyRequirement) -> str:
    """A competency in a grid row: its expected level, and the indicators in small type."""
    level = req.level
    if level is None:
        return ""
    indicators = "".join(f"<li>{esc(ind)}</li>" for ind in level.indicators)
    return (f'<div class="muted">{_expected_title(level)}</div>'
            + (f'<ul class="indicators muted">{indicators}</ul>' if indicators else ""))


def grid_row(row: Row, scale: Scale) -> Markup:
    """A row of the grid layout: the criterion (or competency), its score or ✓ / ✗ (and
    weighted score), and a notes box for the question asked and the evidence. The boxes are
    named as on the full sheet (score-, weighted-, met-, evidence-), so a filled sheet reads
    the same either way."""
    key = esc(row.key)
    what = ("competency " if row.competency else "criterion ") + str(row.label)
    if row.competency:  # no id of its own: its name heads the row, over both columns
        head = (f'<th scope="row" colspan="2">{esc(row.label)}{requirement_span(row)}'
                f'{_compact(row.competency)}</th>')
    else:
        items = str(sub_items(row.criterion.items)) if row.criterion is not None else ""
        head = (f'<th scope="row" class="cid">{esc(row.label)}</th>\n<td><span class="kind">'
                f"{esc(row.kind_label)}</span> {esc(row.text)}{items}</td>")
    if row.mode == MET:
        judged = met(f"met-{row.key}", "Met or not met, " + what)
    else:
        judged = cell(f"score-{row.key}",
                      f"Score, {what}" + (f", {scale.span}" if scale.stated else ""))
        if row.weight:
            judged += (Markup(f'<span class="weight">×{esc(row.weight)} =</span>')
                       + cell(f"weighted-{row.key}",
                              f"Weighted score, {what}, score ×{row.weight}"))
    notes = area(f"evidence-{row.key}", "Notes: question asked and evidence, " + what,
                 lines=3, hidden=True)
    return Markup(f'<tr id="row-{key}">\n{head}\n<td class="box judge">{judged}</td>\n'
                  f'<td class="notes">{notes}</td>\n</tr>')
