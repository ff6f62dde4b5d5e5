"""The hardened loader: what it keeps as text, and where it says values came from."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.cli import run
from generator.content import yamlload
from generator.content.yamlload import Mark, load_text
from tests.conftest import ROOT


def load(text: str) -> dict[str, object]:
    doc, problems = load_text("x.yaml", text.encode())
    assert problems == []
    assert doc is not None
    return doc.data


def test_yaml_1_1_booleans_stay_text() -> None:
    data = load("a: NO\nb: yes\nc: on\nd: Off\ne: y\nf: true\ng: false\n")
    assert data == {"a": "NO", "b": "yes", "c": "on", "d": "Off", "e": "y", "f": True, "g": False}


def test_dates_and_times_stay_text() -> None:
    assert load("a: 2024-02-01\nb: 2019-06\nc: '12:00'\n") == {
        "a": "2024-02-01", "b": "2019-06", "c": "12:00"}


def test_plain_numbers_and_nulls() -> None:
    assert load("a: 12\nb: -3\nc: 1.5\nd:\ne: ~\nf: '12'\n") == {
        "a": 12, "b": -3, "c": 1.5, "d": None, "e": None, "f": "12"}


def test_every_value_and_key_has_its_position() -> None:
    doc, _ = load_text("x.yaml", b"title: A\nlist:\n  - one\n  - two: 2\n")
    assert doc is not None
    assert doc.marks[("title",)] == Mark(1, 8)
    assert doc.marks[("list", 1, "two")] == Mark(4, 10)
    assert doc.key_marks[("list",)] == Mark(2, 1)
    assert doc.mark(("list", 1, "missing")) == Mark(4, 5)


def test_the_c_parser_is_used_when_present() -> None:
    if hasattr(yaml, "CSafeLoader"):
        assert yamlload._Loader is yaml.CSafeLoader


def test_a_byte_order_mark_is_accepted() -> None:
    doc, problems = load_text("x.yaml", "\ufefftitle: A\n".encode())
    assert problems == [] and doc is not None and doc.data == {"title": "A"}


def test_alias_bomb_is_never_expanded() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 12):
        prev = chr(ord("a") + n - 1)
        name = chr(ord("a") + n)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc, problems = load_text("bomb.yaml", "\n".join(lines).encode())
    assert doc is not None
    assert doc.data["l"] == [None] * 10  # ten to the eleventh strings, had it expanded
    assert len(problems) == 23  # each anchor and each alias name reported once


def test_a_quoted_scalar_is_always_text() -> None:
    """Quotes and blocks make text, whatever it looks like; only plain dates are noted for the
    date check (other YAML tools would read those as dates)."""
    doc, problems = load_text("x.yaml", (
        b'a: "2024-05"\nb: \'2024-13-45\'\nc: |\n  2024-02-30\nd: >\n  2019-06\n'
        b'e: "true"\nf: "12"\ng: "~"\nh: ""\ni: "1.5"\nj: "0123"\nk: "null"\nl: 2024-05\n'
    ))
    assert problems == [] and doc is not None
    assert doc.data == {"a": "2024-05", "b": "2024-13-45", "c": "2024-02-30\n", "d": "2019-06\n",
                        "e": "true", "f": "12", "g": "~", "h": "", "i": "1.5", "j": "0123",
                        "k": "null", "l": "2024-05"}
    assert [path for path, _ in doc.dates] == [("l",)]


def test_date_like_text_in_quotes_validates_as_text(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    role = base_content / "roles" / "support-worker.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("grade: Band 4", 'grade: "2024-13-45"'), encoding="utf-8")
    assert run(["validate", "--content", str(base_content)]) == 0, capsys.readouterr().out
    role.write_text(text.replace("grade: Band 4", "grade: 2024-13-45"), encoding="utf-8")
    assert run(["validate", "--content", str(base_content)]) == 1  # plain: read as a date
    assert "$.grade: '2024-13-45' is not a real date: there is no month 13" in (
        capsys.readouterr().out)


def test_a_quoted_date_field_must_still_be_a_real_date(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    vacancy = base_content / "vacancies" / "support-worker-2027.yaml"
    text = vacancy.read_text(encoding="utf-8")
    vacancy.write_text(text.replace("closing_date: 2027-06-30", 'closing_date: "2024-02-30"'),
                       encoding="utf-8")
    assert run(["validate", "--content", str(base_content)]) == 1
    assert capsys.readouterr().out.startswith(
        "content/vacancies/support-worker-2027.yaml:5:15: $.closing_date: '2024-02-30' is not a "
        "real date: February 2024 has 29 days\n    hint: check the day and the month\n")


@pytest.mark.parametrize(("date", "reason"), [
    ("2024-02-30", "February 2024 has 29 days"), ("2023-02-29", "February 2023 has 28 days"),
    ("2024-04-31", "April 2024 has 30 days"), ("2024-13-01", "there is no month 13"),
    ("2024-00", "there is no month 0"), ("0000-01-01", "there is no year 0"),
    ("2024-01-00", "January 2024 has 31 days"),
])
def test_impossible_dates_are_explained(date: str, reason: str) -> None:
    found = yamlload.date_problem(date)
    assert found is not None and found[0] == f"'{date}' is not a real date: {reason}"
    assert found[1].startswith("check the ")


def test_real_dates_and_other_text_have_no_date_problem() -> None:
    for text in ("2024-02-29", "2019-06", "0001-01-01", "9999-12-31", "June 2019", "2024-1-5"):
        assert yamlload.date_problem(text) is None, text


ISSUE_TITLE = 'title: "Support \\e]0;PWNED\\a\\e[31mRED \\u202eevil\\x00nul"\n'


def test_control_characters_written_as_escapes_are_refused() -> None:
    doc, problems = load_text("x.yaml", ISSUE_TITLE.encode())
    assert doc is not None and "\x1b" in doc.data["title"]  # the escapes were read
    assert [(p.line, p.column, p.json_path, p.message) for p in problems] == [
        (1, 8, "$.title", "this text contains 4 control characters written as escapes: "
         "U+001B ESCAPE, U+0007 BELL, U+202E RIGHT-TO-LEFT OVERRIDE, U+0000 NULL")]
    assert problems[0].hint.startswith("delete them: remove the backslash codes")
    assert problems[0].blocking


@pytest.mark.parametrize("escape", ["\\0", "\\a", "\\b", "\\e", "\\v", "\\f", "\\N", "\\x7f",
                                    "\\x9b", "\\u202e", "\\u2066", "\\u061C", "\\U0000200F",
                                    "\\uFFFE", "\\x01"])
def test_every_refused_character_is_refused_written_as_an_escape(escape: str) -> None:
    """What the file may not hold typed (yamlload._CONTROL, _BIDI) it may not hold escaped,
    in a value or in a key."""
    for text in (f'a:\n  - b: "x{escape}y"\n', f'"x{escape}y": 1\n'):
        _, problems = load_text("x.yaml", text.encode())
        assert len(problems) == 1, (text, problems)
        assert (problems[0].line, problems[0].column) == ((2, 8) if text[0] == "a" else (1, 1))
        assert problems[0].blocking


def test_escapes_that_write_ordinary_text_are_kept() -> None:
    """Tabs, line breaks, quotes and letters written as escapes are text like any other, and a
    backslash outside double quotes is only a backslash."""
    assert load('a: "tab\\there\\nnew line \\" \\u00e9 \\x41"\nb: \'\\e\'\nc: |\n  \\a\n') == {
        "a": 'tab\there\nnew line " é A', "b": "\\e", "c": "\\a\n"}


def test_escaped_control_characters_stop_validate_and_build(
    base_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (base_content / "roles" / "escaped.yaml").write_text(
        ISSUE_TITLE + "organisation: example-council\n", encoding="utf-8")
    assert run(["validate", "--content", str(base_content)]) == 1
    assert capsys.readouterr().out.startswith(
        "content/roles/escaped.yaml:1:8: $.title: this text contains 4 control characters")
    site = base_content.parent / "site"
    assert run(["build", "--content", str(base_content), "--no-pdf", "--site-dir", str(site),
                "--config", str(ROOT / "mkdocs.yml")]) == 1
    assert not site.exists()
