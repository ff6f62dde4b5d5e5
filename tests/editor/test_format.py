"""`roleprint format` and the editor's save path keep a record's values, schema line and layout."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import run
from generator.content.discover import discover
from generator.content.yamlload import load_text
from generator.editor.format import MODELINE, FormatError, format_text
from generator.editor.shapes import narrow, widen
from tests.conftest import CAMPAIGNS, CONTENT, QUESTIONS

SOURCES, _ = discover(CONTENT)
# Test content that uses the scoring and question fields no shipped record uses yet (weights by
# stage, stage scales, guidance for each scale, bands, question banks and plans).
FIXTURE_ROOTS = [CAMPAIGNS, QUESTIONS]
FIXTURES = [s for root in FIXTURE_ROOTS for s in discover(root)[0]]


def single(path: Path) -> bool:
    """Whether a record is one of the single files (the glossary) beside the folders."""
    return path.parent in (CONTENT, *FIXTURE_ROOTS)


def as_the_editor_writes(kind: str, raw: bytes, writer: str = "yaml") -> bytes:
    """What Decap sends on save when nothing was changed: the values it was given (widened for
    its forms), as JSON (`JSON.stringify(data, null, 2)`, Decap's json format, which the
    editor's collections use) or by a YAML writer that knows nothing of comments."""
    doc, _ = load_text("x", raw)
    assert doc is not None
    values = json.loads(json.dumps(widen(kind, doc.data)))
    if writer == "json":
        return json.dumps(values, indent=2, ensure_ascii=False).encode("utf-8")
    return yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=60).encode("utf-8")


@pytest.mark.parametrize("writer", ["json", "yaml"])
@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.display)
def test_an_unchanged_save_gives_back_the_file_byte_for_byte(source: object, writer: str) -> None:
    path, kind = source.path, source.kind  # type: ignore[attr-defined]
    raw = path.read_bytes()
    sent = as_the_editor_writes(kind, raw, writer)
    saved = format_text(kind, single(path), sent, raw, from_editor=True)
    assert saved == raw


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.display)
def test_a_new_file_keeps_the_values_and_gets_its_schema_line(source: object) -> None:
    path, kind = source.path, source.kind  # type: ignore[attr-defined]
    raw = path.read_bytes()
    saved = format_text(kind, single(path), as_the_editor_writes(kind, raw), None,
                        from_editor=True)
    assert saved.decode().splitlines()[0] == raw.decode().splitlines()[0]
    assert saved.startswith(MODELINE.encode())
    before, _ = load_text("before", raw)
    after, _ = load_text("after", saved)
    assert before is not None and after is not None and after.data == before.data
    # and formatting it again changes nothing
    assert format_text(kind, single(path), saved, saved) == saved


@pytest.mark.parametrize("writer", ["json", "yaml"])
@pytest.mark.parametrize("source", FIXTURES, ids=lambda s: s.display)
def test_an_unchanged_save_of_the_scoring_and_question_fixtures_keeps_every_value(
        source: object, writer: str) -> None:
    """Weights by stage, guidance for each scale, bands, question banks and plans: an unchanged
    save through the editor (the maps as key and value lists) loads to the same values. The
    fixtures are written by hand without a schema line, so the bytes are not compared."""
    path, kind = source.path, source.kind  # type: ignore[attr-defined]
    raw = path.read_bytes()
    saved = format_text(kind, single(path), as_the_editor_writes(kind, raw, writer), raw,
                        from_editor=True)
    before, _ = load_text("before", raw)
    after, _ = load_text("after", saved)
    assert before is not None and after is not None and after.data == before.data
    assert saved.startswith(MODELINE.encode())
    assert format_text(kind, single(path), saved, saved) == saved


def test_a_map_reaches_the_form_as_key_and_value_pairs_and_is_written_back_as_the_map() -> None:
    record = {"title": "V", "role": "r", "weights": {
        "shortlisting": {"E1": 2, "D2": 1}, "interview": {"E3": 3, "achieving-results": 2}}}
    wide = widen("vacancy", record)
    assert wide["weights"] == {
        "shortlisting": [{"key": "E1", "value": 2}, {"key": "D2", "value": 1}],
        "interview": [{"key": "E3", "value": 3}, {"key": "achieving-results", "value": 2}]}
    assert narrow("vacancy", wide) == record
    organisation = {"name": "O", "scoring_sheets": {"scale_guidance": {"s-1": "Two **means**"}}}
    assert widen("organisation", organisation)["scoring_sheets"]["scale_guidance"] == [
        {"key": "s-1", "value": "Two **means**"}]
    assert narrow("organisation", widen("organisation", organisation)) == organisation
    # An edit in the form: a pair changed, one removed, one added, in the form's order.
    wide["weights"]["shortlisting"] = [{"key": "D2", "value": 3}, {"key": "E4", "value": 1}]
    saved = format_text("vacancy", False, json.dumps(wide).encode(), None, from_editor=True)
    after, _ = load_text("after", saved)
    assert after is not None
    assert after.data["weights"]["shortlisting"] == {"D2": 3, "E4": 1}
    assert list(after.data["weights"]["shortlisting"]) == ["D2", "E4"]


def test_an_edit_changes_only_its_own_lines() -> None:
    raw = (CONTENT / "roles" / "recovery-navigator.yaml").read_bytes().replace(
        b"\nlocations:", b"\n# Bristol is where Second Step's office is\nlocations:")
    doc, _ = load_text("x", raw)
    assert doc is not None
    values = widen("role", doc.data)
    values["team"] = "Forensic Team"
    sent = yaml.safe_dump(values, allow_unicode=True, sort_keys=False).encode()
    saved = format_text("role", False, sent, raw, from_editor=True).decode().splitlines()
    lines = raw.decode().splitlines()
    changed = [(a, b) for a, b in zip(lines, saved, strict=True) if a != b]
    assert changed == [("team: Specialist Community Forensic Team", "team: Forensic Team")]
    assert "# Bristol is where Second Step's office is" in "\n".join(saved)


def test_words_yaml_1_1_would_read_as_yes_or_no_stay_quoted() -> None:
    sent = b"title: T\norganisation: o\nknown_risks:\n- item: asbestos\n  answer: 'NO'\n"
    saved = format_text("role", False, sent, None, from_editor=True).decode()
    assert 'answer: "NO"' in saved
    assert saved.startswith("# yaml-language-server: $schema=../../schemas/role.schema.json\n")


def test_empty_fields_the_form_leaves_are_dropped_and_plain_items_stay_plain() -> None:
    sent = json.dumps({"title": "T", "organisation": "o", "team": "", "locations": [],
                       "accountabilities": {"items": [{"text": "Plain"},
                                                      {"number": "2", "text": "Numbered"}]}})
    saved = format_text("role", False, sent.encode(), None, from_editor=True)
    doc, _ = load_text("x", saved)
    assert doc is not None
    assert doc.data == {"title": "T", "organisation": "o", "accountabilities": {
        "items": ["Plain", {"number": "2", "text": "Numbered"}]}}
    assert narrow("role", widen("role", doc.data)) == doc.data


def test_not_stated_reaches_the_form_as_a_one_entry_list_and_is_written_back_as_words() -> None:
    record = {"title": "T", "organisation": "o", "dates": {"issued": "not stated"},
              "person_specification": {"criteria": [
                  {"text": "A", "assessed_by": "not stated"},
                  {"text": "B", "assessed_by": ["interview"]}]}}
    wide = widen("role", record)
    criteria = wide["person_specification"]["criteria"]
    assert [c["assessed_by"] for c in criteria] == [["not stated"], ["interview"]]
    assert wide["dates"] == {"issued": "not stated"}
    saved = format_text("role", False, json.dumps(wide).encode(), None, from_editor=True)
    doc, _ = load_text("x", saved)
    assert doc is not None and doc.data == record
    assert "assessed_by: not stated" in saved.decode()


def test_text_the_loader_refuses_is_not_formatted() -> None:
    with pytest.raises(FormatError):
        format_text("role", False, b"title: [unclosed\n", None)


def test_format_command_settles_a_file_and_check_reports_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    assert run(["format", "--check", "--content", str(content)]) == 0
    target = content / "criteria" / "enhanced-dbs.yaml"
    target.write_bytes(target.read_bytes().split(b"\n", 1)[1])  # the schema line lost
    assert run(["format", "--check", "--content", str(content)]) == 1
    out = capsys.readouterr().out
    assert "criteria/enhanced-dbs.yaml:1:1: would change: not laid out as the editor saves" in out
    assert out.endswith("1 file would change. Run `make format` (or `.venv/bin/roleprint format`)"
                        " and commit the result: it changes only the layout, never a value.\n")
    assert run(["format", "--content", str(content)]) == 0
    assert target.read_bytes() == (CONTENT / "criteria" / "enhanced-dbs.yaml").read_bytes()


def by_the_rules(value: object, rule: dict[str, object], wide: bool) -> object:
    """`roleprint-hosted.js`'s walk, line for line, over the rules `shapes.tree` gives it."""
    def props(found: dict[str, object]) -> dict[str, object]:
        inner = rule.get("p", {})
        assert isinstance(inner, dict)
        return {k: by_the_rules(v, inner[k], wide) if k in inner else v for k, v in found.items()}

    if rule.get("num"):
        if wide and isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        if not wide and isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
            return int(value)
        return value
    if key := rule.get("wrap"):
        assert isinstance(key, str)
        if wide and isinstance(value, str):
            value = {key: value}
        if isinstance(value, dict):
            value = props(value)
            assert isinstance(value, dict)
            if not wide and list(value) == [key] and isinstance(value[key], str):
                return value[key]
        return value
    words = rule.get("words", [])
    assert isinstance(words, list)
    if wide and isinstance(value, str) and value in words:
        return [value]
    if not wide and isinstance(value, list) and len(value) == 1 and value[0] in words:
        return value[0]
    if "m" in rule:
        values = rule["m"]
        assert isinstance(values, dict)
        if wide and isinstance(value, dict):
            return [{"key": k, "value": by_the_rules(v, values, wide)} for k, v in value.items()]
        if not wide and isinstance(value, list) and all(
                isinstance(e, dict) and "key" in e for e in value):
            return {e["key"]: by_the_rules(e.get("value"), values, wide) for e in value}
        return value
    if isinstance(value, dict):
        return props(value)
    if isinstance(value, list) and isinstance(items := rule.get("i"), dict):
        return [by_the_rules(v, items, wide) for v in value]
    return value


@pytest.mark.parametrize("source", SOURCES + FIXTURES, ids=lambda s: s.display)
def test_the_hosted_editors_rules_do_what_the_backend_does(source: object) -> None:
    """The hosted editor widens and narrows in the browser from `shapes.tree`: the same result
    as the local backend's `widen` and `narrow` on every shipped record."""
    from generator.editor.shapes import tree

    path, kind = source.path, source.kind  # type: ignore[attr-defined]
    doc, _ = load_text("x", path.read_bytes())
    assert doc is not None
    wide = by_the_rules(doc.data, tree(kind), True)
    assert wide == widen(kind, doc.data)
    assert by_the_rules(wide, tree(kind), False) == narrow(kind, wide) == doc.data


def test_the_hosted_rules_cover_not_stated_too() -> None:
    from generator.editor.shapes import tree

    record = {"title": "T", "organisation": "o", "person_specification": {"criteria": [
        {"text": "A", "assessed_by": "not stated"}]}}
    assert by_the_rules(record, tree("role"), True) == widen("role", record)
    assert by_the_rules(widen("role", record), tree("role"), False) == record


def test_the_hosted_rules_cover_maps_too() -> None:
    from generator.editor.shapes import tree

    record = {"title": "V", "role": "r", "weights": {"interview": {"E3": 3, "team": 2}}}
    assert tree("vacancy")["p"]["weights"]["p"]["interview"] == {"m": {}}
    assert by_the_rules(record, tree("vacancy"), True) == widen("vacancy", record)
    assert by_the_rules(widen("vacancy", record), tree("vacancy"), False) == record
