"""Check loaded records against the JSON Schemas and explain each error in plain words."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import jsonschema_rs
from jsonschema import Draft7Validator, validators
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from generator.content.yamlload import Document, date_problem, is_yaml11_word
from generator.core.cache import SCHEMA_DIR, schema_version
from generator.core.problems import JsonPath, Problem, json_path, quote
from generator.model.methods import BUILTIN_METHODS
from generator.model.terms import NOT_STATED

ID_REGEX = "^[a-z0-9]+(-[a-z0-9]+)*$"
# Blocks whose text is the organisation's own words, printed as written: a hint there never
# offers Roleprint's example wording, which would be a statement the organisation never made.
OWN_WORDS = ("application_form",)
# Lists of the source's own pay and benefit wording: a hint there asks for the source's words
# (or for the entry to go), never offers an example figure or benefit to copy.
SOURCE_WORDS = ("rates", "supplements", "benefit_groups")
# A property whose description says it holds the source's words "word for word".
_WORD_FOR_WORD = "word for word"
# Where the fast validator files the schemas so their relative $refs resolve; never fetched.
_BASE_URI = "https://roleprint.invalid/schemas/"

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a block of 'key: value' lines",
    "null": "empty",
}


# JSON Schema counts 1.0 as an integer; the rules and forms count with whole numbers, so a
# whole-number float is refused where a whole number is asked for (`min: 0.0` crashed them).
_STRICT_TYPES = Draft7Validator.TYPE_CHECKER.redefine(
    "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
_PLAIN_PATTERN = Draft7Validator.VALIDATORS["pattern"]


def _is_date_pattern(pattern: str) -> bool:
    return pattern.startswith("^[0-9]{4}-")  # common.schema.json's date


def _pattern(validator: Any, pattern: str, instance: Any,
             schema: dict[str, Any]) -> Iterator[ValidationError]:
    """The pattern keyword, and for a date's pattern a real date: 2024-02-30 has the form of
    one, and crashed every command that showed it as '30 February 2024'."""
    errors = list(_PLAIN_PATTERN(validator, pattern, instance, schema))
    yield from errors
    if not errors and _is_date_pattern(pattern) and isinstance(instance, str):
        found = date_problem(instance)
        if found:
            yield ValidationError(found[0])


_StrictValidator = validators.extend(Draft7Validator, {"pattern": _pattern},
                                     type_checker=_STRICT_TYPES)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return f"the switch {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {quote(value)}"
    if isinstance(value, list):
        return "a list"
    return "a block of 'key: value' lines"


class SchemaSet:
    """All the schemas, compiled once; `version` changes whenever any schema file does.

    Each record is first checked by jsonschema-rs, which is about a hundred times faster and
    answers only "valid or not". Only a record it rejects goes through `jsonschema`, whose
    detailed errors the messages are written from; so the messages stay the same, and a record
    the slow checker would reject (it is never stricter, see tests/content/test_schemacheck.py)
    costs little.
    """

    def __init__(self, schema_dir: Path = SCHEMA_DIR) -> None:
        resources = []
        self.schemas: dict[str, dict[str, Any]] = {}
        for path in sorted(schema_dir.glob("*.schema.json")):
            schema = json.loads(path.read_bytes())
            self.schemas[path.name.removesuffix(".schema.json")] = schema
            resources.append((path.name, Resource.from_contents(schema)))
        self.version = schema_version(schema_dir)
        registry: Registry = Registry().with_resources(resources)
        self.validators = {
            kind: _StrictValidator(schema, registry=registry)
            for kind, schema in self.schemas.items()
        }
        fast_registry = jsonschema_rs.Registry(
            [(f"{_BASE_URI}{kind}.schema.json", schema) for kind, schema in self.schemas.items()])
        self.fast = {
            kind: jsonschema_rs.Draft7Validator(
                schema, registry=fast_registry, base_uri=f"{_BASE_URI}{kind}.schema.json",
                validate_formats=False)  # as `jsonschema`, which checks no formats by default
            for kind, schema in self.schemas.items()
        }

    def is_valid(self, kind: str, doc: Document, data: Any) -> bool:
        """True when `data` (doc's own, or a part of it) passes the kind's schema."""
        # The fast checker counts 1.0 as a whole number, and 2024-02-30 as a date: trust it
        # only when there is no whole float and no date-like text that is not a real date.
        if not _has_whole_float(doc) and not doc.unreal_dates and self.fast[kind].is_valid(data):
            return True
        return next(iter(self.validators[kind].iter_errors(data)), None) is None

    def check(self, kind: str, doc: Document, dates: Iterable[str] = ()) -> list[Problem]:
        """The schema's problems with a record; `dates` are json paths the date check has
        already explained, where a pattern error would only repeat it."""
        if self.is_valid(kind, doc, doc.data):
            return []
        explained = set(dates)
        problems = []
        for error in self.validators[kind].iter_errors(doc.data):
            problem = self._explain(_narrow(error), doc)
            if not (problem.json_path in explained and error.validator == "pattern"):
                problems.append(problem)
        return problems

    def _explain(self, error: ValidationError, doc: Document) -> Problem:
        path: JsonPath = tuple(error.absolute_path)
        message, hint, at_key = _message(error, doc, path)
        if error.validator in ("enum", "type") and not hint.startswith("did you mean"):
            hint = _competency_hint(path) or hint
        if at_key:
            path = (*path, at_key)
            mark = doc.mark(path, key=True)
        else:
            mark = doc.mark(path)
        return Problem(doc.path, mark.line, mark.column, json_path(path), message, hint)


# A role competency's fields that the source may leave unsaid: the hint says to leave them out
# (never to pick a value) and how to read the source's own marks.
_COMPETENCY_HINTS = {
    "requirement": "write essential or desirable as the source marks the competency (\"Yes\" "
                   "under Essential is essential), or delete the line if the source does not say",
    "level": "write the number of the level the source names, or delete the line if it names "
             "none: no level is then shown",
}


def _competency_hint(path: JsonPath) -> str | None:
    if len(path) == 3 and path[0] == "competencies" and isinstance(path[2], str):
        return _COMPETENCY_HINTS.get(path[2])
    return None


def _has_whole_float(doc: Document) -> bool:
    """Whether a number is written as a float but is whole (1.0, 2e3), which the fast checker
    would take for an integer. Other floats (37.5 hours, a salary of 12.44) it judges as
    `jsonschema` does; sending every record with one to the slow checker cost a fifth of a
    cold load at 1,000 roles."""
    # The loader keeps the text of every number; only floats have more than digits and a sign.
    return any(not raw.lstrip("+-").isdigit() and float(raw).is_integer()
               for raw in doc.raw.values())


def _narrow(error: ValidationError) -> ValidationError:
    """For anyOf/oneOf, report the branch that came closest rather than 'is not valid'."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        # A missing 'either this or that' key is clearer said as such (handled in _message).
        if all(e.validator == "required" for e in error.context):
            return error
        # A branch that refused the value's kind (text where a list is wanted) is not what
        # was meant when another took it: an empty list is an empty list, not wrong words.
        refused = {e.relative_schema_path[0] for e in error.context
                   if e.validator == "type" and not e.relative_path}
        fitting = [e for e in error.context if e.relative_schema_path[0] not in refused]
        deeper = [e for e in fitting or error.context if e.validator != "type"] or list(
            error.context)
        # A branch that got inside the value (a list of methods whose second item is wrong)
        # came closer than one that refused it whole (the word "not stated").
        inside = max(len(e.relative_path) for e in deeper)
        error = best_match([e for e in deeper if len(e.relative_path) == inside])
    return error


def _example(schema: dict[str, Any]) -> str:
    examples = schema.get("examples") or []
    return json.dumps(examples[0], ensure_ascii=False) if examples else ""


def _takes_not_stated(schema: dict[str, Any]) -> bool:
    """Whether a property accepts "not stated" (the source may be silent on it)."""
    branches = [schema, *schema.get("anyOf", [])]
    return any(NOT_STATED in (b.get("enum") or []) or b.get("$ref", "").endswith("/not_stated")
               for b in branches if isinstance(b, dict))


def _id_hint(value: Any, path: JsonPath) -> str:
    """A hint for a value that is not an id, which never suggests something invalid."""
    words = "-".join(re.findall(r"[a-z0-9]+", str(value).lower()))
    if len(path) >= 2 and path[-2] == "assessed_by":  # a method: suggest only a real one
        methods = sorted(m.id for m in BUILTIN_METHODS)
        close = difflib.get_close_matches(words, methods, n=1, cutoff=0.6) or [
            word for word in words.split("-") if word in methods]
        if close:
            return f"did you mean '{close[0]}'?"
        return ("the methods are: " + ", ".join(methods) +
                " (an organisation can add its own under assessment_methods)")
    if words and len(words) <= 80 and re.fullmatch(ID_REGEX, words):
        return f"ids are lower-case words joined by hyphens, such as '{words}'"
    return "ids are lower-case words joined by hyphens, such as 'senior-care-worker'"


def _block_hint(schema: dict[str, Any], value: Any, path: JsonPath) -> str:
    """For text or a list where a block is wanted: the block's shape, from its example."""
    examples = [e for e in schema.get("examples") or [] if isinstance(e, dict)]
    if isinstance(value, str) and any(key in SOURCE_WORDS for key in path):
        return (f"write it as  text: {json.dumps(value, ensure_ascii=False)}  indented under "
                "'- ', with min, max and period only where the source gives a figure")
    if not examples:
        return ""
    lines = "  ".join(f"{key}: {json.dumps(item, ensure_ascii=False)}"
                      for key, item in examples[0].items() if not isinstance(item, dict | list))
    name = f"'{path[-1]}:'" if path and isinstance(path[-1], str) else "it"
    hint = f"write each part on its own line, indented under {name}, such as  {lines}"
    if isinstance(value, str) and "text" in schema.get("properties", {}):
        hint += " (what you wrote goes in 'text:')"
    return hint


def _not_stated_or_list(error: ValidationError) -> bool:
    """Whether the error is one branch of "a list, or 'not stated'" (assessed_by and the like),
    where a wrong value is most often the list written wrongly."""
    parent = error.parent
    if parent is None or parent.validator not in ("anyOf", "oneOf"):
        return False
    found = {(e.validator, str(e.validator_value)) for e in parent.context}
    return (("type", "array") in found or isinstance(error.instance, list)) and any(
        kind == "enum" and NOT_STATED in words for kind, words in found)


def _list_hint(value: Any, path: JsonPath) -> str:
    """For one value where a list or "not stated" is wanted: the same value as a list when it
    is one method written alone, else how to write the source's list; never a method to pick."""
    key = path[-1] if path and isinstance(path[-1], str) else "it"
    words = "-".join(re.findall(r"[a-z0-9]+", str(value).lower()))
    if isinstance(value, str) and words in {m.id for m in BUILTIN_METHODS}:
        return f"write it as a list, even of one:  {key}: [{words}]"
    return (f"write what the source gives as a list, each entry on its own line starting with "
            f"'- ', or  {key}: {NOT_STATED}  if the source does not say")


def _own_words_hint(missing: str, path: JsonPath) -> str:
    """For a key missing from a block of the organisation's own words: ask for those words, or
    for the block to go, never for an example to copy."""
    block = next((str(key) for key in reversed(path) if isinstance(key, str)), "")
    return (f"add '{missing}:' in the organisation's own words (as its own application form "
            f"says it), or delete '{block}:' if the organisation does not say this")


def _message(error: ValidationError, doc: Document, path: JsonPath) -> tuple[str, str, str]:
    """Return (message, hint, key the error is really about)."""
    kind = error.validator
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        missing = str(error.message).split("'")[1]
        props = schema.get("properties", {})
        example = _example(props.get(missing, {}))
        title = props.get(missing, {}).get("title", "")
        hint = f"add a line such as  {missing}: {example}" if example else f"add '{missing}:'"
        if _takes_not_stated(props.get(missing, {})):  # never invite a guess
            hint = (f"add '{missing}:' with what the source says"
                    + (f" (such as  {missing}: {example})" if example else "")
                    + f", or  {missing}: not stated  if it does not say")
        if _WORD_FOR_WORD in props.get(missing, {}).get("description", ""):
            # the source's own words: an example to copy would be a sentence it never wrote
            hint = (f"add '{missing}:' with the source's own words, copied word for word, or "
                    "delete the entry if the source does not say this")
        if any(key in OWN_WORDS for key in path):
            hint = _own_words_hint(missing, path)
        elif any(key in SOURCE_WORDS for key in path):
            hint = (f"add '{missing}:' as the source words it, or delete this entry if the "
                    "source does not give it")
            if missing == "heading":
                hint = ("add 'heading:' as the source words it; benefits the source lists "
                        "under no heading go in 'benefits' instead")
        about = f" ({title})" if title else ""
        return f"'{missing}'{about} is missing", hint, ""
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        extra = sorted(set(value) - set(known))
        key = extra[0]
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        allowed = "the keys allowed here are: " + ", ".join(known)
        hint = f"did you mean '{close[0]}'?" if close else allowed
        return f"unknown key '{key}'", hint, key
    if kind in ("anyOf", "oneOf"):
        options = [sorted(sub.get("required", [])) for sub in error.validator_value]
        names = " or ".join("'" + "' and '".join(o) + "'" for o in options if o)
        props = schema.get("properties", {})
        blank = [key for o in options for key in o if _takes_not_stated(props.get(key, {}))]
        if blank:  # the source may leave it blank: never invite a guess
            return (f"needs {names}", f"add the one the source gives, or  {blank[0]}: not stated  "
                    "where it leaves it blank", "")
        return f"needs {names}", "add one of them", ""
    if kind == "type":
        wanted = error.validator_value
        wanted_list = wanted if isinstance(wanted, list) else [wanted]
        words = " or ".join(_TYPE_WORDS.get(str(w), str(w)) for w in wanted_list)
        message = f"expected {words}, found {_describe(value)}"
        if value is None:
            return message, "fill in a value or delete the line", ""
        if "boolean" in wanted_list and is_yaml11_word(value):
            return message, "write true or false (yes/no/on/off are read as text)", ""
        if wanted_list == ["boolean"]:
            return message, "write true or false", ""
        if "string" in wanted_list and isinstance(value, int | float | bool):
            raw = doc.raw.get(path, str(value).lower() if isinstance(value, bool) else str(value))
            return message, f"put it in quotes so it is read as text: \"{raw}\"", ""
        if "array" in wanted_list and not isinstance(value, list):
            return message, "write a list: each entry on its own line starting with '- '", ""
        if "object" in wanted_list:
            return message, _block_hint(schema, value, path), ""
        if "integer" in wanted_list and isinstance(value, float) and value.is_integer():
            return message, f"write it without a decimal point: {int(value)}", ""
        return message, "", ""
    if (kind == "enum" and _not_stated_or_list(error)
            and not difflib.get_close_matches(str(value), [NOT_STATED], n=1, cutoff=0.6)):
        return (f"{_describe(value)} is neither a list nor '{NOT_STATED}'",
                _list_hint(value, path), "")
    if kind == "enum":
        choices = [str(v) for v in error.validator_value]
        # "Yes" for "YES" is the same word in other capitals, not a yes/no mistake.
        close = [c for c in choices if c.casefold() == str(value).casefold()] or \
            difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else ""
        if is_yaml11_word(value) and not close:
            hint = "yes/no are not answers here: use one of the words listed"
        elif not close and NOT_STATED in choices:
            hint = f"use one of the words listed, or '{NOT_STATED}' when the source does not say"
        if path and path[-1] == "visa_sponsorship" and not close:
            hint += "; the source's own sentence about sponsorship goes in " \
                    "'visa_sponsorship_statement'"
        return f"{_describe(value)} is not one of: {', '.join(choices)}", hint, ""
    if kind == "pattern":
        title = schema.get("title") or "this field"
        if _is_date_pattern(error.validator_value):
            unreal = date_problem(value) if isinstance(value, str) else None
            if unreal:
                return (*unreal, "")
            return (f"{_describe(value)} is not a date in the form YYYY-MM-DD (or YYYY-MM)",
                    "for example 2027-01-30, or 2019-06 when only the month is known", "")
        if error.validator_value == ID_REGEX:
            what = ("an assessment method" if len(path) >= 2 and path[-2] == "assessed_by"
                    else "a valid id")
            return f"{_describe(value)} is not {what}", _id_hint(value, path), ""
        # A branch of anyOf often has no words of its own: its parent has them.
        parent = error.parent.schema if error.parent is not None else None
        info = parent if not schema.get("description") and isinstance(parent, dict) else schema
        title = info.get("title") or title
        example = _example(info)
        hint = " ".join(part for part in (info.get("description", ""),
                                          f"For example: {example}" if example else "") if part)
        return f"{_describe(value)} is not in the right form for {title}", hint, ""
    if kind == "minLength":
        return "this is empty", "fill it in or delete the line", ""
    if kind == "minItems":
        if _not_stated_or_list(error):
            return "this list is empty", _list_hint(value, path), ""
        return "this list is empty", "add at least one entry or delete the line", ""
    if kind == "uniqueItems":
        return "an entry appears twice in this list", "remove the repeat", ""
    if kind == "minProperties":
        keys = ", ".join(sorted(schema.get("properties", {})))
        return ("this block is empty",
                f"fill in at least one of: {keys}; or delete the line if there is nothing to say",
                "")
    if kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        hint = (f"use a whole number from {low} to {high}"
                if schema.get("type") == "integer" and low is not None and high is not None
                else "")
        return (f"{_describe(value)} is out of range ({kind} {error.validator_value})",
                hint, "")
    if kind == "maxLength":
        return f"this is longer than {error.validator_value} characters", "shorten it", ""
    return str(error.message), "", ""


def iter_schema_files(schema_dir: Path = SCHEMA_DIR) -> Iterator[Path]:
    yield from sorted(schema_dir.glob("*.schema.json"))
