"""A question plan's blocks on the interview sheet, escaped like the other rows (rows.py).

Field names join the method, the question and the row with "--", which no field-safe id holds,
so every box is named once: score--interview--Q2--E1, met--test--E2, subtotal--interview.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.model import Scale
from generator.render.forms.controls import area, esc, met
from generator.render.forms.rows import _box, _expected, requirement_span, score_range, sub_items
from generator.scoring.plan import Block, MethodSection, SetQuestion
from generator.scoring.sheets import MET, Row


def _heading(row: Row) -> str:
    if row.competency:
        heading = esc(row.label) + requirement_span(row)
    else:
        heading = (f'<span class="cid">{esc(row.label)}</span> '
                   f'<span class="kind">{esc(row.kind_label)}</span>')
    if row.weight:
        heading += f' <span class="weight">weight ×{esc(row.weight)}</span>'
    return heading


def _asks(row: Row) -> str:
    if row.competency:
        return _expected(row.competency)
    asks = f'<p class="ctext">{esc(row.text)}</p>\n'
    if row.criterion is not None and row.criterion.items:
        asks += sub_items(row.criterion.items) + "\n"
    return asks


def _scores(row: Row, scale: Scale, name: str, what: str) -> str:
    boxes = _box(f"score--{name}", "Score", what, score_range(scale))
    if row.weight:
        boxes += _box(f"weighted--{name}", "Weighted score", what,
                      f"(score ×{esc(row.weight)})")
    return boxes


def _question(q: SetQuestion, section: MethodSection, row: Row, scale: Scale, what: str,
              member: str | None) -> str:
    word = "Task" if section.written else "Question"
    asked = ""
    if q.asked_by and not section.written:
        you = " (you)" if member and q.asked_by == member else ""
        asked = f' <span class="muted">asked by {esc(q.asked_by)}{esc(you)}</span>'
    parts = [f'<div class="setq" id="q-{section.key}--{q.key}--{esc(row.key)}">\n'
             f'<p><strong>{word} {esc(q.question.id)}</strong>{asked}</p>\n'
             f'<p>{esc(q.question.text)}</p>\n']
    if q.question.follow_up:
        items = "".join(f"<li>{esc(text)}</li>" for text in q.question.follow_up)
        parts.append(f'<p class="small">Follow-up prompts:</p>\n<ul class="indicators">{items}'
                     "</ul>\n")
    if row.mode != MET:
        label = f"{what}, {word.lower()} {q.question.id}"
        parts.append('<div class="qline">\n<div></div>\n'
                     + _scores(row, scale, f"{section.key}--{q.key}--{row.key}", label)
                     + "</div>\n")
    parts.append("</div>\n")
    return "".join(parts)


def plan_block(block: Block, section: MethodSection, scale: Scale,
               member: str | None = None) -> Markup:
    """A criterion or competency in a method's section: what it asks for, each set question
    with its prompts, asker and score box; else (no set question) a box for the question asked,
    unless candidates do it on paper; then ✓ / ✗ where it is checked, and the evidence."""
    row = block.row
    key = f"{section.key}--{esc(row.key)}"
    what = (("competency " if row.competency else "criterion ") + str(row.label)
            + ", " + section.method.name)
    parts = [f'<div class="qblock" id="row-{key}">\n<h4>{_heading(row)}</h4>\n{_asks(row)}']
    parts += [_question(q, section, row, scale, what, member) for q in block.questions]
    asked = not block.questions and not section.written
    line = [str(area(f"question--{key}", "Question asked, " + what, lines=2)) + "\n"
            if asked else "<div></div>\n"]  # the boxes sit in the second column
    if row.mode == MET:
        judged = met(f"met--{key}", "Met or not met, " + what, words=True)
        line.append(f'<div class="field score-field">{judged}</div>\n')
    elif not block.questions:
        line.append(_scores(row, scale, key, what))
    if len(line) > 1:
        parts.append('<div class="qline">\n' + "".join(line) + "</div>\n")
    parts.append(str(area(f"evidence--{key}", "Evidence notes, " + what, lines=4)) + "\n</div>")
    return Markup("".join(parts))
