"""Form controls: every write-in area is a named field with a label that says what it is.

WeasyPrint turns the <label for> text into the PDF field's tooltip (/TU), so a label is never
left out, only hidden from print where the table around it says the same thing.

These were Jinja macros. A thousand roles' forms call them a few hundred thousand times, and a
macro call costs several times what a Python function does, so they are written here; the
templates call them by the same names. Every value is escaped exactly as `{{ value }}` would
escape it (`test_controls_escape_like_the_templates`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

# Classes of the small boxes that take one mark or a short score.
SHORT_CELLS = ("score", "met")


def _replace(text: str) -> str:
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:  # MarkupSafe's own escaping in C, giving a plain string (five times quicker than ours)
    from markupsafe import _escape_inner as _escape_text
except ImportError:  # pragma: no cover - a MarkupSafe without it
    _escape_text = _replace


def esc(value: Any) -> str:
    """`markupsafe.escape`, as a plain string: markup passes through, anything else has
    & < > ' " replaced. Building a form's pieces as strings and marking the whole safe once is
    several times quicker than making each piece `Markup`."""
    if type(value) is str:  # nearly every call
        return _escape_text(value)
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return _escape_text(str(value))


def _hint(name: str, hint: str | None) -> str:
    return f'<p class="hint" id="{esc(name)}-hint">{esc(hint)}</p>' if hint else ""


def _field(name: str, label: str, type: str = "text", autocomplete: str | None = None,
           hint: str | None = None, value: str | None = None, cls: str = "") -> str:
    n = esc(name)
    extra = (f' autocomplete="{esc(autocomplete)}"' if autocomplete else "") + \
            (f' aria-describedby="{n}-hint"' if hint else "") + \
            (f' value="{esc(value)}"' if value else "")
    return (f'<div class="field {esc(cls)}">\n<label for="{n}">{esc(label)}</label>\n'
            f'{_hint(name, hint)}<input type="{esc(type)}" id="{n}" name="{n}"{extra}>\n</div>\n')


def field(name: str, label: str, type: str = "text", autocomplete: str | None = None,
          hint: str | None = None, value: str | None = None, cls: str = "") -> Markup:
    """A one-line text box with its label (and hint, said by screen readers with the box)."""
    return Markup(_field(name, label, type, autocomplete, hint, value, cls))


def area(name: str, label: str, lines: int = 4, hint: str | None = None, hidden: bool = False,
         describedby: str | None = None, autocomplete: str = "off") -> Markup:
    """A box of `lines` lines; a `hidden` label is read out but not printed."""
    n = esc(name)
    vh = ' class="vh"' if hidden else ""
    described = (f' aria-describedby="{esc(describedby or name + "-hint")}"'
                 if hint or describedby else "")
    return Markup(f'<div class="field">\n<label for="{n}"{vh}>{esc(label)}</label>\n'
                  f'{_hint(name, hint)}<textarea id="{n}" name="{n}" class="lines-{esc(lines)}" '
                  f'rows="{esc(lines)}" autocomplete="{esc(autocomplete)}"{described}>'
                  "</textarea>\n</div>\n")


def _cell(name: str, label: str, cls: str = "score") -> str:
    """A cell's box from its name, label and class, each already escaped."""
    short = ' maxlength="8"' if cls in SHORT_CELLS else ""
    return (f'<label for="{name}" class="vh">{label}</label><input type="text" id="{name}" '
            f'name="{name}" class="{cls}" autocomplete="off"{short}>\n')


def cell(name: str, label: str, cls: str = "score") -> Markup:
    """A small box inside a table cell; its label is read out but not printed."""
    return Markup(_cell(esc(name), esc(label), esc(cls)))


def boxes(codes: Iterable[str], name: tuple[str, str], label: tuple[str, str],
          cls: str = "score", sep: str = "\n") -> Markup:
    """A table cell holding a `cell` for each candidate code, `sep` between them (one to a line
    by default). `name` and `label` are the text before and after the code: in lower case in the
    name, as written (C1, C2 …) in the label. (Escaping works letter by letter, so the parts are
    escaped once a row.)"""
    (name_before, name_after), (label_before, label_after) = map(esc, name), map(esc, label)
    cls = esc(cls)
    cells = (_cell(name_before + code.lower() + name_after, label_before + code + label_after,
                   cls) for code in map(esc, codes))
    return Markup(sep.join(f'<td class="box">{one}</td>' for one in cells))


def _tick(name: str, text: str, context: str) -> str:
    n = esc(name)
    return (f'<div class="tick"><input type="checkbox" id="{n}" name="{n}"><label for="{n}">'
            f'<span class="vh">{esc(context)} </span>{esc(text)}</label></div>\n')


def _choice(name: str, value: str, text: str, context: str) -> str:
    n, v = esc(name), esc(value)
    return (f'<div class="tick"><input type="radio" id="{n}-{v}" name="{n}" value="{v}">'
            f'<label for="{n}-{v}"><span class="vh">{esc(context)} </span>{esc(text)}</label>'
            "</div>\n")


def choice(name: str, value: str, text: str, context: str) -> Markup:
    """One option of a tick-one question: a radio button, grouped with the others of `name`
    (one field with choices in the PDF, so only one can be ticked there too)."""
    return Markup(_choice(name, value, text, context))


# A met / not met judgement is ticked, not written: ✓ or ✗, one of the two (a radio group).
MET_CHOICES = (("met", "\u2713", "Met"), ("not-met", "\u2717", "Not met"))


def _met(name: str, context: str, words: bool = False) -> str:
    """A met / not met question as two radio buttons, ✓ and ✗ (with their words, 'Met' and
    'Not met', printed where `words`, else read out only). `name`, `context` escaped."""
    ticks = []
    for value, mark, word in MET_CHOICES:
        said = f" {word}" if words else f'<span class="vh"> {word}</span>'
        ticks.append(f'<div class="tick"><input type="radio" id="{name}-{value}" name="{name}" '
                     f'value="{value}"><label for="{name}-{value}"><span class="vh">{context}: '
                     f'</span><span aria-hidden="true">{mark}</span>{said}</label></div>')
    return (f'<fieldset class="choice inline met"><legend class="vh">{context}</legend>'
            + "".join(ticks) + "</fieldset>")


def met(name: str, context: str, words: bool = False) -> Markup:
    """A met / not met question: tick ✓ or ✗ (only one can be ticked, in the PDF too)."""
    return Markup(_met(esc(name), esc(context), words))


def met_boxes(codes: Iterable[str], name: tuple[str, str], label: tuple[str, str]) -> Markup:
    """A table cell for each candidate code holding `met` (✓ / ✗), named and labelled like
    `boxes`."""
    (name_before, name_after), (label_before, label_after) = map(esc, name), map(esc, label)
    cells = (_met(name_before + code.lower() + name_after, label_before + code + label_after)
             for code in map(esc, codes))
    return Markup("\n".join(f'<td class="box">{one}</td>' for one in cells))


def tick(name: str, text: str, context: str) -> Markup:
    """A tick box; `context` (the question) is read out before its text but not printed."""
    return Markup(_tick(name, text, context))


def yes_no(name: str, question: str, hint: str | None = None) -> Markup:
    described = f' aria-describedby="{esc(name)}-hint"' if hint else ""
    return Markup(f'<fieldset class="choice inline"{described}>\n<legend>{esc(question)}'
                  f"</legend>\n{_hint(name, hint)}{_choice(name, 'yes', 'Yes', question)}\n"
                  f"{_choice(name, 'no', 'No', question)}\n</fieldset>\n")


def signoff(prefix: str, who: str) -> Markup:
    """Name, signature and date boxes for `who`."""
    return Markup(f'<div class="signoff">\n'
                  f'{_field(prefix + "-name", who + ": name", autocomplete="off")}\n'
                  f'{_field(prefix + "-signature", who + ": signature", autocomplete="off")}\n'
                  f'{_field(prefix + "-date", who + ": date", autocomplete="off", cls="date")}\n'
                  "</div>\n")


CONTROLS = {"field": field, "area": area, "cell": cell, "boxes": boxes, "tick": tick,
            "choice": choice, "met": met, "met_boxes": met_boxes,
            "yes_no": yes_no, "signoff": signoff}
