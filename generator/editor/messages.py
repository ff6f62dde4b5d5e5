"""Roleprint's problems in an HR officer's words, for the editor.

`roleprint validate` speaks to whoever edits the files: it names the file, the line and the
YAML to write ("add 'assessed_by: [application, interview]'"), and it should. The editor
names the record by its title and the field by its label (`fieldpath.py`), and says in two
sentences what is wrong and what to do, in the form's own terms: no YAML key, no file, no
line, no pattern. Each kind of message the checks make has a wording of its own here; anything
else is cleaned of YAML (keys become the fields' labels), and what still reads like YAML is
replaced by a plain sentence rather than shown. `tests/editor/test_messages.py` runs every
problem the test fixtures make through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from generator.core.problems import Problem
from generator.editor.fieldpath import Place, _fields, place, titled
from generator.editor.schemas import FOLDERS

Words = tuple[str, str]  # what is wrong, what to do
Rule = Callable[[re.Match[str], str, Place], Words]

# What still reads like a file, YAML or a pattern after the rewrites: never shown.
_PROGRAMMER = re.compile(
    r"\b[a-z]+(?:_[a-z]+)+\b|\.ya?ml\b|\bline \d|(?<![\w-])--\w|\$\.|\[\d*\]|\{|\}|\bYAML\b"
    r"|\byaml\b|YYYY|\broleprint [a-z]+|\b[a-z_]+:\s+[\"'\[{\u201c]|:\s*\[|^\s*-\s|\^|\\[a-z]"
    r"|\bcontent/|\bschemas/|\btrue\b|\bfalse\b|\bindented\b|\bquotes\b|\bown line\b"
    r"|\bthe line\b|\bkey: value\b")


def _quoted(text: str) -> str:
    """'value' as “value”: quotes an officer reads as quotes, not as YAML."""
    return re.sub(r"(?<![\w])'([^']*)'(?![\w])", r"“\1”", text)


def _value(described: str) -> str:
    """"the text 'x'" (how the checks describe a value) as “x”."""
    return _quoted(re.sub(r"^the (?:text|number|value) ", "", described))


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _suggestion(hint: str) -> str:
    found = re.match(r"did you mean '([^']*)'\?$", hint)
    return found.group(1) if found else ""


def _name(field: Place, fallback: str = "this field") -> str:
    """The field's own label (its place in the record is shown beside the message)."""
    return field.short or fallback


def _required(m: re.Match[str], hint: str, at: Place) -> Words:
    todo = f"Fill in {_name(at)}"
    if "not stated" in hint:
        todo += " with what the source says, or \u201cnot stated\u201d if it says nothing"
    return f"{_name(at)} is empty", todo


def _unknown_key(m: re.Match[str], hint: str, at: Place) -> Words:
    return ("This record holds an entry the form does not show",
            "Ask whoever looks after the content files to correct it")


def _choice(m: re.Match[str], hint: str, at: Place) -> Words:
    close = _suggestion(hint)
    todo = (f"Choose \u201c{close}\u201d, or another of: {m['choices']}" if close
            else f"Choose one of: {m['choices']}")
    return f"{_name(at)} says {_value(m['value'])}, which is not one of its choices", todo


def _unreal_date(m: re.Match[str], hint: str, at: Place) -> Words:
    return (f"{_name(at)}: \u201c{m['value']}\u201d is not a real date ({m['why']})",
            _quoted(hint) or "Check the date")


def _not_a_date(m: re.Match[str], hint: str, at: Place) -> Words:
    todo = ("Pick the date from the calendar" if at.widget == "datetime" else
            "Write the date as year, month and day with hyphens, such as 2027-01-30, or as "
            "year and month, such as 2019-06, when only the month is known")
    return f"{_name(at)} says {_value(m['value'])}, which is not a date Roleprint can read", todo


def _wrong_form(m: re.Match[str], hint: str, at: Place) -> Words:
    example = re.search(r"For example: (.*)$", hint)
    todo = at.help or "Write it as the help under the field says"
    if example:
        todo = _sentence(todo) + " For example: " + example.group(1)
    return f"{_name(at)} says {_value(m['value'])}, which is not written as it should be", todo


def _method(m: re.Match[str], hint: str, at: Place) -> Words:
    close = _suggestion(hint)
    listed = re.match(r"the methods are: ([^(]*)", hint)
    todo = (f"Choose \u201c{close}\u201d instead" if close else
            f"Choose one of: {listed.group(1).strip()}" if listed else
            "Choose one of the methods the list offers")
    return f"{_name(at)} says {_value(m['value'])}, which is not an assessment method", todo


def _bad_id(m: re.Match[str], hint: str, at: Place) -> Words:
    such = re.search(r"such as '([^']*)'", hint)
    todo = "Write it in lower-case words joined by hyphens" + (
        f", such as \u201c{such.group(1)}\u201d" if such else "")
    return f"{_name(at)} says {_value(m['value'])}, which cannot be used as a short name", todo


def _twice(m: re.Match[str], hint: str, at: Place) -> Words:
    return (f"{_name(at)} \u201c{m['value']}\u201d is used twice in this record",
            f"Change the {_name(at)} of one of them, so that each is different (capital "
            "letters do not count as a difference)")


def _expected(m: re.Match[str], hint: str, at: Place) -> Words:
    want = m["want"]
    todo = {"a whole number": f"Write a whole number in {_name(at)}, such as 3",
            "true or false": f"Switch {_name(at)} on or off",
            "text": f"Write {_name(at)} as words"}.get(want, _cleaned(hint))
    return (f"{_name(at)} should be {re.sub(' of .*', '', want)}, but it is "
            f"{_value(m['value'])}", todo or f"Correct {_name(at)} as the help under it says")


def _not_assessed(m: re.Match[str], hint: str, at: Place) -> Words:
    method = re.search(r"method: ([\w-]+)", hint)
    todo = (f"Choose {method.group(1)} as the question's Assessment method" if method
            else "Ask about a criterion assessed at interview")
    return (f"Criterion \u201c{m['value']}\u201d is not assessed {m['how']}",
            todo + ", or, if the source says the criterion is assessed that way, add it to "
            "the criterion's Assessed by")


def _no_such(m: re.Match[str], hint: str, at: Place) -> Words:
    close = _suggestion(hint)
    listed = re.match(r"the [\w ]+ are: (.*)$", hint)
    ids = [close] if close else listed.group(1).split(", ") if listed else []
    kind = {"family": "family", "role family": "family"}.get(m["kind"], m["kind"])
    names = titled(at.content, kind, ids) if at.content and ids else ids
    todo = f"Choose the {m['kind']} from the list under {_name(at)}"
    todo += (f" (perhaps \u201c{names[0]}\u201d)" if close else
             f" (one of: {', '.join(names)})" if names else "")
    return f"{_name(at)}: there is no {m['kind']} \u201c{m['value']}\u201d", todo


def _fixed(problem: str, todo: str) -> Rule:
    def rule(m: re.Match[str], hint: str, at: Place) -> Words:
        found = {key: _quoted(value) for key, value in m.groupdict().items()}
        return (problem.format(field=_name(at), **found), todo.format(field=_name(at), **found))

    return rule


# Each kind of message the checks make, with (when the problem is about a field the message
# names, not the place it is reported at) the field it is really about.
RULES: tuple[tuple[re.Pattern[str], Rule, str], ...] = tuple(
    (re.compile(pattern), rule, about) for pattern, rule, about in (
        (r"^'(?P<key>[^']+)'(?: \(.*\))? is missing$", _required, "{key}"),
        (r"^unknown key '(?P<key>.*)'$", _unknown_key, ""),
        (r"^(?P<value>.+) is not one of: (?P<choices>.+)$", _choice, ""),
        (r"^'(?P<value>.*)' is not a real date: (?P<why>.*)$", _unreal_date, ""),
        (r"^(?P<value>.+) is not a date in the form", _not_a_date, ""),
        (r"^(?P<value>.+) is not in the right form for (?P<title>.+)$", _wrong_form, ""),
        (r"^(?P<value>.+) is not an assessment method$", _method, ""),
        (r"^(?P<value>.+) is not a valid id$", _bad_id, ""),
        (r"^(?P<what>.+) '(?P<value>.*)' is used twice \(also at .*\)$", _twice, ""),
        (r"^expected (?P<want>.+), found (?P<value>.+)$", _expected, ""),
        (r"^criterion '(?P<value>.*)' is not assessed (?P<how>(?:at|by) [\w-]+)", _not_assessed,
         ""),
        (r"^this list is empty$",
         _fixed("{field} is an empty list", "Add at least one entry to {field}"), ""),
        (r"^this is empty$", _fixed("{field} is empty", "Fill in {field}, or clear it"), ""),
        (r"^(?P<what>.*) has the weight (?P<weight>\d+), but the scale '(?P<scale>.*)' has no "
         r"weights$",
         _fixed("{what} has the weight {weight}, but the scale \u201c{scale}\u201d has no weights",
                "Remove the weight, or ask whoever looks after the scales to give this scale "
                "weights"), ""),
        (r"^there is no (?P<kind>[\w ]+) with the id '(?P<value>.*)'$", _no_such, ""),
        (r"^the closing date is before the date it was posted$",
         _fixed("The closing date is before the date the vacancy was posted",
                "Change Closing date to a day after Date posted (or correct Date posted)"), ""),
        (r"^an open vacancy needs the date it was posted$",
         _fixed("An open vacancy needs the date it was posted",
                "Pick the day it was posted under {field}"), "posted"),
        (r"^an open vacancy needs a closing date written as a full date$",
         _fixed("An open vacancy needs a closing date",
                "Pick the closing date under {field}"), "closing_date"),
        (r"^an open vacancy needs a location$",
         _fixed("An open vacancy needs a location",
                "Add a location under {field} (or to the role), or, for a job done from "
                "home, choose remote as the workplace"), "locations"),
        (r"^an open vacancy needs the country where the job is$",
         _fixed("An open vacancy needs the country where the job is",
                "Fill in {field}, or the country of the role's organisation"), "country"),
        (r"^(?:family )?criterion '(?P<value>.*)' does not say how it is assessed",
         _fixed("Criterion {value} does not say how it is assessed, so it is on no scoring "
                "sheet", "Choose how it is assessed under {field}, as the source says; until "
                "then it cannot be scored"), ""),
        (r"^needs 'answer' or 'details'$",
         _fixed("The known risk has no answer",
                "Choose the answer the employer's form gives under {field}, or not stated "
                "where the form leaves it blank"), "answer"),
        (r"^item '(?P<value>.*)' needs an answer$",
         _fixed("Item {value} needs an answer",
                "Choose the answer the employer's form gives under {field}, or not stated "
                "where the form leaves it blank"), "answer"),
        (r"^the person specification does not say how its criteria are assessed, so "
         r"(?P<which>.*) (?:is|are) on no scoring sheet$",
         _fixed("The person specification does not say how its criteria are assessed, so "
                "{which} cannot be scored",
                "Choose the methods under {field}, for all the criteria, or for each "
                "criterion under its own Assessed by, as the source says"), ""),
        (r"^the role '(?P<value>.*)' is a draft",
         _fixed("The role \u201c{value}\u201d is still a draft, so this vacancy is left out of "
                "the published site with it",
                "Check the role against its source, then set its Status to published"), ""),
        (r"^the vacancy is open but its closing date \((?P<day>.*)\) has passed",
         _fixed("The vacancy is open but its closing date ({day}) has passed, so it is "
                "published as closed",
                "Set Status to closed, or give a new Closing date"), ""),
    ))


def _cleaned(text: str, kind: str = "") -> str:
    """A message of a kind without a wording of its own, with YAML keys as the labels."""
    text = re.sub(r" \(also at [^)]*\)", "", text)
    text = re.sub(r"\broleprint build\b", "the published site", text)
    text = re.sub(r"\bdelete the line\b", "clear it", text)
    labels = {**_labels(""), **_labels(kind)}
    text = re.sub(r"'([a-z]+)'|'?\b([a-z]+(?:_[a-z]+)+)\b'?",
                  lambda m: labels.get(m.group(1) or m.group(2), m.group(0)), text)
    return _quoted(text)


@cache
def _labels(kind: str) -> dict[str, str]:
    """Every field's name, with its label, in one record kind ("": across them all)."""
    found: dict[str, str] = {}

    def walk(fields: list[dict[str, Any]]) -> None:
        for field in fields:
            found.setdefault(field["name"], field["label"])
            if field["name"] != "labels":  # a page's headings: "Assessed by" is not a heading
                walk(field.get("fields", []))

    for each in [kind] if kind else FOLDERS:
        walk(_fields(each))
    return found


def words(problem: Problem, at: Place, content: Path) -> tuple[Place, str, str]:
    """The field a problem is about, what is wrong and what to do, in the officer's words."""
    for pattern, rule, about in RULES:
        if found := pattern.match(problem.message):
            if about:
                at = _about(problem, about.format(**found.groupdict()), at, content)
            wrong, todo = rule(found, problem.hint, at)
            return at, wrong, todo
    return at, _cleaned(problem.message, at.kind), _cleaned(problem.hint, at.kind)


def _about(problem: Problem, key: str, at: Place, content: Path) -> Place:
    """The field a message names (a missing one, say), below the place it is reported at."""
    if not re.fullmatch(r"[a-z_]+", key):
        return at
    return place(problem.path, problem.json_path + "." + key, content)


def officer(problem: Problem, content: Path) -> dict[str, Any]:
    """A problem as the editor shows it: the record and field by name, what is wrong and what
    to do, each a plain sentence, and where the page finds the field."""
    at = place(problem.path, problem.json_path, content)
    at, wrong, todo = words(problem, at, content)
    if not at.kind:  # not a record the editor opens: a stray file in the content folder
        wrong = "A file in the content folder is not a record Roleprint can read"
        todo = "Ask whoever looks after the content files to put it right"
    wrong, todo = _sentence(wrong), _sentence(todo)
    if _PROGRAMMER.search(wrong):
        wrong = _sentence(f"{_name(at, 'This record')} needs correcting")
    if _PROGRAMMER.search(todo):
        todo = _sentence(f"Correct {_name(at)} as the help under it says" if at.label else
                         "Ask whoever looks after the content files to correct this record")
    link = f"#/collections/{at.collection}/entries/{at.slug}" if at.kind else ""
    if at.kind == "glossary":
        link = "#/collections/glossary/entries/glossary"
    return {"severity": problem.severity, "record": at.record, "field": at.label,
            "steps": at.steps, "collection": at.collection, "slug": at.slug, "link": link,
            "problem": wrong, "todo": todo}
