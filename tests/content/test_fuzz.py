"""Property-based fuzzing: no input makes `validate` or `build --no-pdf` crash.

Each example takes one shipped record from content/, changes it the way a careless author or a
hostile one might (a wrong type at any path, nothing, a date, a float, a huge number or list;
a line deleted or repeated), and runs the real command in-process. Whatever the input, the
command must exit 0 or 1 and every problem it reports must be one located line.

Besides, every date field of every kind of record (found from the schemas) is given dates that
cannot be (30 February, month 13, year 0), plain and quoted: `validate`, `build` and `lint`
must each refuse it, located, without a traceback.

The examples are derived, not random (`derandomize=True`), so `make test` runs the same ones
every time; `make fuzz` runs many more, with a fresh random seed each time.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.cli import run
from generator.content.discover import KINDS
from generator.content.schemacheck import SchemaSet
from generator.content.yamlload import load_text
from generator.model.filters import long_date
from tests.conftest import CONTENT, ROOT

LONG = os.environ.get("ROLEPRINT_FUZZ") == "long"
VALIDATE_EXAMPLES = 3000 if LONG else 120
BUILD_EXAMPLES = 40 if LONG else 6

RECORDS = sorted(p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.yaml")
                 if "sources" not in p.parts)
# One problem line: `path:line:col: [warning: |info: ]$...: message`.
PROBLEM_LINE = re.compile(r"^\S[^\n]*?:[1-9][0-9]*:[1-9][0-9]*: ((warning|info): )?\$")
# The shipped content is valid with warnings (a family whose source gives no methods).
SUMMARY = re.compile(r"^(All [0-9]+ content files are valid(, with [0-9]+ warnings?)?\.|"
                     r"Found [0-9]+ problems? in .*)$")

_ODD_TEXT = ["2024-13", "0000-00-00", "2024-01-01", "2024-02-30", "2019-06", "", " ",
             "Application form", "line one\nline two", "x" * 300, "NO", "yes", "12:30",
             "0123", "1e999", "\u202etxt.exe", "a\u200fb", "<script>alert(1)</script>",
             "[link](../policy.pdf)", "*[HTML]: hidden", "\ufeffbom", "é" * 50, "-"]
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(_ODD_TEXT),
    st.text(max_size=20),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from([0, 1, -1, 300_000_000, 10**20, 2**63, -(10**15)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, 1.0, 1.5, -0.5, 2.0]),
)
VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["id", "name", "text", "score", "number", "min", "max",
                                         "items", "x"]), inner, max_size=3),
        # A huge list: no check may take time or memory by a value's size.
        st.builds(lambda v, n: [v] * n, inner, st.sampled_from([200, 3000])),
    ),
    max_leaves=6,
)


def near(value: Any) -> st.SearchStrategy[Any]:
    """Values close to the original's shape, which a schema may let through: where the rules
    that trust the schema are most likely to break."""
    if isinstance(value, bool):
        return st.sampled_from([not value, "NO", 1])
    if isinstance(value, int):
        return st.sampled_from([float(value), value + 0.5, -value, value * 300_000_000,
                                300_000_000, 10**30, "2024-13", "0000-00-00", str(value)])
    if isinstance(value, str):
        return st.sampled_from(["2024-13", "0000-00-00", "2024-02-30", value * 40,
                                value + "\n" + value, value + "\u202e", value.upper(),
                                value + "s", "1.5", "0.0"])
    if isinstance(value, list):
        return st.one_of(st.just([]), st.just(value * 2), st.just(value[:1] * 500),
                         st.lists(st.sampled_from(["2024-01-01", "text", 1.5, None]),
                                  min_size=1, max_size=3))
    if isinstance(value, dict):
        return st.sampled_from(["one line of text", {}, [value], {**value, "name": None}])
    return VALUES


def _get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def walk(draw: st.DrawFn, data: Any) -> tuple[Any, ...]:
    """A path into data, walked down from the top: each level as likely as the next, so the
    few top-level numbers of a scale are found as often as the hundreds of words of a role."""
    path: tuple[Any, ...] = ()
    node = data
    while isinstance(node, dict | list) and node and not (path and draw(st.integers(0, 2)) == 0):
        step = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        path, node = (*path, step), node[step]
    return path


def _set(data: Any, path: tuple[Any, ...], value: Any, how: str) -> Any:
    if not path:
        return value if how == "replace" else data
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    if how == "replace":
        parent[last] = value
    elif how == "delete":
        del parent[last]
    elif how == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    return data


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A shipped record's path and the bytes of a changed copy of it."""
    record = draw(st.sampled_from(RECORDS))
    text = (CONTENT / record).read_text(encoding="utf-8")
    if draw(st.integers(0, 4)) == 0:  # change the text: delete or repeat lines
        lines = text.splitlines(keepends=True)
        for _ in range(draw(st.integers(1, 3))):
            index = draw(st.integers(0, len(lines) - 1))
            if draw(st.booleans()):
                del lines[index]
            else:
                lines.insert(index, lines[index])
            if not lines:
                break
        return record, "".join(lines).encode("utf-8")
    data = yaml.safe_load(text)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(walk(data))
        how = draw(st.sampled_from(["near", "near", "replace", "delete", "duplicate"]))
        value = (draw(near(_get(data, path))) if how == "near" else
                 draw(VALUES) if how == "replace" else None)
        data = _set(data, path, value, "replace" if how == "near" else how)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=200)
    return record, dumped.encode("utf-8")


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One copy of the shipped content for all the examples: each changes one file, then puts
    it back (copying the whole tree for each example took most of the time)."""
    target = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(CONTENT, target, ignore=shutil.ignore_patterns("sources"))
    return target


@contextlib.contextmanager
def changed(content: Path, record: str, raw: bytes) -> Iterator[None]:
    """The record replaced by `raw`, with the working directory beside the content."""
    path = content / record
    original = path.read_bytes()
    before = Path.cwd()
    path.write_bytes(raw)
    os.chdir(content.parent)
    try:
        yield
    finally:
        os.chdir(before)
        path.write_bytes(original)


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        status = run(argv)
    return status, out.getvalue()


def assert_located(report: str) -> None:
    """Every line is a located problem, a hint below one, or the summary."""
    for line in report.splitlines():
        if line.startswith("    hint: ") or SUMMARY.match(line):
            continue
        assert PROBLEM_LINE.match(line), line


_SETTINGS = {"derandomize": not LONG, "database": None, "deadline": None, "print_blob": True,
             "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.filter_too_much]}


@settings(max_examples=VALIDATE_EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(change=mutated())
def test_validate_never_crashes(content: Path, change: tuple[str, bytes]) -> None:
    with changed(content, *change):
        status, out = _run(["validate", "--content", str(content)])
    assert status in (0, 1), out
    assert "Traceback" not in out
    assert_located(out)
    assert out.splitlines()[-1].startswith("All" if status == 0 else "Found")


@settings(max_examples=BUILD_EXAMPLES, **_SETTINGS)  # type: ignore[arg-type]
@given(change=mutated())
def test_build_never_crashes(content: Path, change: tuple[str, bytes]) -> None:
    with changed(content, *change):
        status, out = _run(["build", "--content", str(content), "--no-pdf",
                            "--site-dir", str(content.parent / "site"),
                            "--config", str(ROOT / "mkdocs.yml")])
    event("built" if status == 0 else "refused")  # shown by --hypothesis-show-statistics
    assert status in (0, 1), out
    assert "Traceback" not in out
    for line in out.splitlines():
        if re.match(r"^\S+\.yaml[:\s]", line):  # a content problem: located like validate's
            assert PROBLEM_LINE.match(line), line


# Dates with the form of a date that no calendar has; each date field gets each of them.
IMPOSSIBLE_DATES = ["2024-02-30", "2023-02-29", "2024-13-01", "2024-04-31", "0000-01-01",
                    "2024-00"]
_SCHEMAS = SchemaSet()


def _resolve(kind: str, schema: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A schema with its $ref followed: (the file it is in, the schema)."""
    while "$ref" in schema:
        where, _, pointer = schema["$ref"].partition("#")
        kind = where.removesuffix(".schema.json") or kind
        schema = _SCHEMAS.schemas[kind]
        for part in pointer.strip("/").split("/"):
            schema = schema[part] if part else schema
    return kind, schema


def date_fields(kind: str, schema: dict[str, Any] | None = None,
                path: tuple[Any, ...] = (), seen: frozenset[str] = frozenset()
                ) -> Iterator[tuple[Any, ...]]:
    """Every path in a kind's records whose schema is a date (0 stands for any list item)."""
    schema = _SCHEMAS.schemas[kind] if schema is None else schema
    ref = f"{kind}:{schema['$ref']}" if "$ref" in schema else ""
    if ref in seen:  # a recursive definition (list items hold list items)
        return
    kind, schema = _resolve(kind, schema)
    seen = seen | {ref} if ref else seen
    if str(schema.get("pattern", "")).startswith("^[0-9]{4}-"):
        yield path
    for key, child in (schema.get("properties") or {}).items():
        yield from date_fields(kind, child, (*path, key), seen)
    if isinstance(schema.get("items"), dict):
        yield from date_fields(kind, schema["items"], (*path, 0), seen)
    for branch in (*schema.get("anyOf", ()), *schema.get("oneOf", ()), *schema.get("allOf", ())):
        yield from date_fields(kind, branch, path, seen)


def _record_of(folder: str) -> str | None:
    """A shipped record of that kind: an open one where there is one (the rules ask most of
    an open vacancy)."""
    found = sorted((CONTENT / folder).glob("*.yaml"))
    open_ones = [p for p in found if "\nstatus: open\n" in p.read_text(encoding="utf-8")]
    chosen = (open_ones or found or [None])[0]
    return chosen.relative_to(CONTENT).as_posix() if chosen else None


def _json_path(path: tuple[Any, ...]) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


DATE_CASES = sorted({(record, path) for folder, kind in KINDS.items()
                     if (record := _record_of(folder))
                     for path in set(date_fields(kind))})


def test_the_date_fields_are_found() -> None:
    """The walk finds the date fields the schemas have (so the test below tests something),
    and every kind with a date field has a shipped record to put impossible dates in."""
    fields = {(record.split("/")[0], path) for record, path in DATE_CASES}
    dated = {folder for folder, kind in KINDS.items() if next(date_fields(kind), None)}
    assert dated <= {folder for folder, _ in fields}
    assert {("roles", ("dates", "issued")), ("roles", ("dates", "next_review")),
            ("vacancies", ("closing_date",)), ("vacancies", ("interview_dates", 0)),
            ("vacancies", ("posted",))} <= fields


def with_date(record: str, path: tuple[Any, ...], written: str) -> bytes:
    """The record with `written` (a date, plain or in quotes) at path."""
    doc, _ = load_text(record, (CONTENT / record).read_bytes())
    assert doc is not None
    node = doc.data
    for part, after in itertools.pairwise(path):
        if isinstance(node, list):
            node = node[part]
        else:
            node = node.setdefault(part, [] if isinstance(after, int) else {})
            if isinstance(after, int) and not node:
                node.append(None)
    node[path[-1]] = "DATE-GOES-HERE"
    dumped = yaml.safe_dump(doc.data, allow_unicode=True, sort_keys=False, width=200)
    return dumped.replace("DATE-GOES-HERE", written).encode("utf-8")


@pytest.mark.parametrize(("record", "path"), DATE_CASES,
                         ids=[f"{record}:{_json_path(path)}" for record, path in DATE_CASES])
def test_impossible_dates_are_refused_located(content: Path, tmp_path: Path, record: str,
                                              path: tuple[Any, ...]) -> None:
    site = tmp_path / "site"
    commands = [["validate", "--content", str(content)],
                ["build", "--content", str(content), "--no-pdf", "--site-dir", str(site),
                 "--config", str(ROOT / "mkdocs.yml")],
                ["lint", "--content", str(content)]]
    for index, date in enumerate(IMPOSSIBLE_DATES):
        written = f'"{date}"' if index % 2 else date  # plain and quoted: a date either way
        with changed(content, record, with_date(record, path, written)):
            for argv in commands:
                status, out = _run(argv)
                assert status == 1, (argv[0], written, out)
                assert "Traceback" not in out
                wanted = f"content/{record}:"
                lines = [line for line in out.splitlines()
                         if line.startswith(wanted) and f": {_json_path(path)}: '{date}' is "
                         "not a real date: " in line]
                assert lines and PROBLEM_LINE.match(lines[0]), (argv[0], written, out)
        assert not site.exists()  # build published nothing


def test_long_date_never_crashes() -> None:
    """A page, a workbook or a rule's message that words a date must not be what crashes, even
    on a date `validate` refuses."""
    for date in IMPOSSIBLE_DATES:
        assert long_date(date) == date
    assert (long_date("2024-02-29"), long_date("2019-06")) == ("29 February 2024", "June 2019")
