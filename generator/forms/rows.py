"""The interview sheet's questions: one block for each criterion or competency.

A thousand roles' interview sheets hold about 19,000 of these blocks. As a Jinja loop they took
three quarters of the sheet's time, so they are written here, like the controls, and escaped
the same way (`tests/test_forms_controls.py::test_interview_rows_match_the_template_they_replaced`
renders them both ways). `forms/interview.html` calls `interview_row` for each row.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.forms.controls import area, esc, met
from generator.forms.sheets import MET, Row
from generator.model import CompetencyRequirement, ListItem, Scale
from generator.text import markdown_to_html


def sub_items(items: tuple[ListItem, ...]) -> Markup:
    """A criterion's sub-items as a nested list (escaped), or nothing when it has none."""
    if not items:
        return Markup("")
    parts = []
    for item in items:
        number = f"<strong>{esc(item.number)}</strong> " if item.number else ""
        parts.append(f"<li>{number}{esc(item.text)}{sub_items(item.items)}</li>")
    return Markup('<ul class="subitems">' + "".join(parts) + "</ul>")


def _expected(req: CompetencyRequirement) -> str:
    """What the panel should see at the expected level, and the entry and exceptional levels."""
    level = req.level
    framework = (f' <span class="muted">({esc(req.framework.name)})</span>'
                 if req.competency and req.framework.name else "")
    parts = [f"<p><strong>Expected level {esc(level.number)}: {esc(level.name)}</strong>"
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
                     + (f"Entry: level {esc(entry.number)}, {esc(entry.name)}. " if entry else "")
                     + (f"Exceptional: level {esc(top.number)}, {esc(top.name)}." if top else "")
                     + "</p>")
    return "".join(parts)


def interview_row(row: Row, scale: Scale) -> Markup:
    """A row's heading, what it asks for, and boxes for the question, the score and the
    evidence (with no final newline: the template gives it one)."""
    key = esc(row.key)
    if row.competency:
        heading = esc(row.label)
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
        f'<div class="qblock" id="row-{key}">\n<h3>{heading}</h3>\n{asks}'
        f'<div class="qline">\n{question}\n{_judgement(row, scale, key, what)}</div>\n'
        f"{evidence}\n</div>")


def _box(name: str, label: str, what: str, after: str) -> str:
    return (f'<div class="field score-field">\n<label for="{name}">{label}<span class="vh">, '
            f'{esc(what)}</span> {after}</label>\n'
            f'<input type="text" id="{name}" name="{name}" autocomplete="off" maxlength="8">\n'
            "</div>\n")


def _judgement(row: Row, scale: Scale, key: str, what: str) -> str:
    """The row's boxes: ✓ or ✗ where the criterion is checked, not scored; else the score,
    and where the sheet is weighted the score times the weight."""
    if row.mode == MET:
        judged = met(f"met-{row.key}", "Met or not met, " + what, words=True)
        return f'<div class="field score-field">{judged}</div>\n'
    boxes = _box(f"score-{key}", "Score", what, f"({esc(scale.min)} to {esc(scale.max)})")
    if row.weight:
        boxes += _box(f"weighted-{key}", "Weighted score", what, f"(score ×{esc(row.weight)})")
    return boxes
