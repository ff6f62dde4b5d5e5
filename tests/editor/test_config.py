"""The editor's configuration is made from the schemas: every property has a field."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.editor import hints, references
from generator.editor.config import ORDER, decap_config
from generator.editor.schemas import (
    FILES,
    FOLDERS,
    Node,
    is_ref_to,
    resolve,
    root,
    string_or_object,
)
from generator.model.methods import BUILTIN_METHODS


def schema_paths(kind: str) -> set[str]:
    """Every property path a schema allows (down to the depth the editor's forms offer)."""
    paths: set[str] = set()

    def walk(raw: Node, base: str, prefix: str, depth: int) -> None:
        node, base = resolve(raw, base)
        if node.get("type") == "array" and isinstance(node.get("items"), dict):
            items, items_base = resolve(node["items"], base)
            union = string_or_object(items, items_base)
            if union is not None:
                items, items_base, _ = union
                depth += 1
            if depth <= 3:
                walk(items, items_base, prefix + "[]", depth)
            return
        for name, sub in node.get("properties", {}).items():
            paths.add(f"{prefix}.{name}")
            walk(sub, base, f"{prefix}.{name}", depth)

    schema, base = root(kind)
    walk(schema, base, "$", 0)
    return paths


def field_paths(fields: list[dict[str, Any]], prefix: str = "$") -> set[str]:
    paths: set[str] = set()
    for field in fields:
        path = f"{prefix}.{field['name']}"
        paths.add(path)
        if field["widget"] == "list" and "fields" in field:
            paths |= field_paths(field["fields"], path + "[]")
        elif field["widget"] == "object":
            paths |= field_paths(field["fields"], path)
    return paths


def all_fields(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every field, those inside lists and objects too."""
    inner = [f for field in fields for f in all_fields(
        field.get("fields", []) + ([field["field"]] if "field" in field else []))]
    return fields + inner


def collection_fields(kind: str) -> list[dict[str, Any]]:
    config = decap_config()
    name = FOLDERS.get(kind, kind)
    found = next(c for c in config["collections"] if c["name"] == name)
    fields: list[dict[str, Any]] = (found["files"][0] if "files" in found else found)["fields"]
    return fields


def test_every_record_kind_is_a_collection() -> None:
    kinds = set(FOLDERS) | set(FILES)
    assert set(ORDER) == kinds
    names = {c["name"] for c in decap_config()["collections"]}
    assert names == {FOLDERS.get(k, k) for k in kinds}


@pytest.mark.parametrize("kind", ORDER)
def test_every_schema_property_has_an_editor_field(kind: str) -> None:
    missing = schema_paths(kind) - field_paths(collection_fields(kind))
    assert not missing, f"schema properties with no editor field: {sorted(missing)}"


@pytest.mark.parametrize("kind", ORDER)
def test_labels_and_hints_are_the_schemas_titles_and_descriptions(kind: str) -> None:
    schema, base = root(kind)
    for field in collection_fields(kind):
        prop, _ = resolve(schema["properties"][field["name"]], base)
        assert field["label"] == prop.get("title", field["label"])
        # The description, in plain words where it speaks like a programmer (`hints.py`).
        assert field.get("hint", "") == (
            hints.plain(prop["description"], field["widget"]) if "description" in prop else "")
        assert field["required"] == (field["name"] in schema.get("required", []))
        if field["widget"] == "object" and not field["required"]:
            assert not any(sub["required"] for sub in field["fields"])


def test_enumerations_references_patterns_and_limits() -> None:
    role = {f["name"]: f for f in collection_fields("role")}
    assert role["organisation"]["widget"] == "relation"
    assert role["organisation"]["collection"] == "organisations"
    assert role["family"]["collection"] == "families"
    competency = {f["name"]: f for f in role["competencies"]["fields"]}
    assert competency["framework"]["collection"] == "frameworks"
    assert competency["competency"]["value_field"] == "competencies.*.id"
    # A level is named by its number or, in a framework that names its levels only, its name.
    assert competency["level"] == {**competency["level"], "widget": "string"}
    salary = {f["name"]: f for f in role["salary"]["fields"]}
    assert salary["period"]["widget"] == "select"
    assert salary["period"]["options"] == ["year", "month", "week", "day", "hour", "not stated"]
    assert salary["currency"]["pattern"][0] == "^[A-Z]{3}$"
    vacancy = {f["name"]: f for f in collection_fields("vacancy")}
    assert vacancy["role"]["collection"] == "roles"
    assert vacancy["scale"]["collection"] == "scales"
    assert vacancy["candidates"]["max"] == 30
    organisation = {f["name"]: f for f in collection_fields("organisation")}
    assert organisation["default_scale"]["collection"] == "scales"


def test_every_id_property_is_a_known_reference_or_not() -> None:
    """A new id property in a schema must be added to `references.py`, one table or the other."""
    unknown = []

    def walk(kind: str, raw: Node, base: str, name: str, depth: int) -> None:
        if is_ref_to(raw, "id") or is_ref_to(raw, "AssessmentMethodList"):
            if not references.is_known(kind, name):
                unknown.append((kind, name))
            return
        node, base = resolve(raw, base)
        if depth > 6:
            return
        if isinstance(node.get("items"), dict):
            walk(kind, node["items"], base, name, depth + 1)
        for branch in node.get("anyOf", []):
            walk(kind, branch, base, name, depth + 1)
        # A map's keys and values go by the map's name (scale_guidance: a scale's id -> text).
        for part in ("propertyNames", "additionalProperties"):
            if isinstance(node.get(part), dict):
                walk(kind, node[part], base, name, depth + 1)
        for sub_name, sub in node.get("properties", {}).items():
            walk(kind, sub, base, sub_name, depth + 1)

    for kind in ORDER:
        schema, base = root(kind)
        walk(kind, schema, base, "", 0)
    assert not unknown


def test_a_date_or_a_list_that_may_be_not_stated() -> None:
    """"not stated" is offered where the schema allows it, and checked as the schema checks it."""
    import re

    role = {f["name"]: f for f in collection_fields("role")}
    issued = {f["name"]: f for f in role["dates"]["fields"]}["issued"]
    assert issued["widget"] == "string"
    check = re.compile(issued["pattern"][0])
    assert [bool(check.search(v)) for v in ("2024-04", "2025-01-15", "not stated", "April",
                                            "not stated yet", "2024-13")] == [
        True, True, True, False, False, False]
    spec = {f["name"]: f for f in role["person_specification"]["fields"]}
    criterion = {f["name"]: f for f in spec["criteria"]["fields"]}["assessed_by"]
    assert criterion["widget"] == "select" and criterion["multiple"]
    assert criterion["options"][-1] == {"label": "Not stated", "value": "not stated"}
    # The whole specification may say its methods are not stated too (issue 28, point 9).
    assert spec["assessed_by"]["options"][-1] == {"label": "Not stated", "value": "not stated"}


def test_assessed_by_is_chosen_from_the_methods_there_are(tmp_path: Path) -> None:
    """Issue 27, point 3: every "Assessed by" is a multi-select of the built-in methods, by
    name, and of the methods organisations add (not those they only relabel), so a method that
    does not exist cannot be typed; a question's method is a select of those used at
    interview."""
    organisations = tmp_path / "content" / "organisations"
    organisations.mkdir(parents=True)
    (organisations / "north-trust.yaml").write_text(
        "name: North Trust\nassessment_methods:\n  - id: role-play\n    name: Role play\n"
        "  - id: interview\n    name: Panel interview\n"
        "  - id: cv-sift\n    name: CV sift\n    stage: application\n", encoding="utf-8")
    config = decap_config(content=tmp_path / "content")
    found = [f for c in config["collections"] for f in all_fields(c.get("fields", []))
             if f["name"] == "assessed_by" and f.get("widget") != "string"]
    assert len(found) == 5  # a role's default, criteria and competencies; families; criteria
    builtin = [{"label": m.name, "value": m.id} for m in BUILTIN_METHODS]
    for field in found:
        assert field["widget"] == "select" and field["multiple"] is True
        assert field["options"][: len(builtin) + 2] == [
            *builtin, {"label": "Role play (North Trust)", "value": "role-play"},
            {"label": "CV sift (North Trust)", "value": "cv-sift"}]
    assert decap_config()["collections"][0]["fields"] != config["collections"][0]["fields"]
    # A question is put at interview: its method is one of those used there.
    questions = [f for c in config["collections"] for f in all_fields(c.get("fields", []))
                 if f["name"] == "method"]
    assert len(questions) == 2  # a role's questions and a family's
    for field in questions:
        assert field["widget"] == "select" and "multiple" not in field
        assert [o["value"] for o in field["options"]] == [
            "interview", "test", "written-exercise", "presentation", "role-play"]


def test_markdown_is_a_plain_text_area() -> None:
    """Decap's rich Markdown editor rewrites Markdown on save; a text area keeps it as typed."""
    role = {f["name"]: f for f in collection_fields("role")}
    assert role["purpose"]["widget"] == "text"
    assert role["title"]["widget"] == "string"


def test_a_new_schema_property_gets_a_field_and_an_unknown_shape_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The configuration follows the schemas: nothing to add by hand, nothing silently left out."""
    import copy

    from generator.editor import schemas
    from generator.editor.config import Unmapped

    real = schemas._document

    def with_extra(kind: str, extra: Node) -> Any:
        def document(name: str) -> Node:
            found = real(name)
            if name == f"{kind}.schema.json":
                found = copy.deepcopy(found)
                found["properties"]["probation"] = extra
            return found
        return document

    extra = {"title": "Probation period", "description": "How long.", "type": "string",
             "enum": ["none", "3 months", "6 months"]}
    monkeypatch.setattr(schemas, "_document", with_extra("role", extra))
    fields = {f["name"]: f for f in collection_fields("role")}
    assert fields["probation"]["widget"] == "select"
    assert fields["probation"]["label"] == "Probation period"
    assert fields["probation"]["options"] == ["none", "3 months", "6 months"]

    monkeypatch.setattr(schemas, "_document", with_extra("role", {"type": "null"}))
    with pytest.raises(Unmapped):
        decap_config()


def test_the_scoring_and_question_fields_are_mapped_from_the_schemas() -> None:
    """A map with keys of the writer's own is a list of key and value pairs: the key picked from
    a list where the schema says it is a reference, else typed; the value as the schema says."""
    vacancy = {f["name"]: f for f in collection_fields("vacancy")}
    weights = {f["name"]: f for f in vacancy["weights"]["fields"]}
    shortlisting = weights["shortlisting"]
    assert shortlisting["widget"] == "list"
    assert shortlisting["label"] == "Shortlisting weights"
    key, value = shortlisting["fields"]
    assert (key["name"], key["widget"], key["required"]) == ("key", "string", True)
    assert value == {**value, "name": "value", "widget": "number", "value_type": "int",
                     "min": 1, "max": 10, "required": True}
    stages = {f["name"]: f for f in vacancy["stage_scales"]["fields"]}
    assert stages["shortlisting"]["widget"] == "relation"
    assert stages["interview"]["collection"] == "scales"
    plan = {f["name"]: f for f in vacancy["question_plan"]["fields"]}
    assert plan["question"]["widget"] == "string"
    assert plan["asked_by"]["widget"] == "string"

    organisation = {f["name"]: f for f in collection_fields("organisation")}
    sheets = {f["name"]: f for f in organisation["scoring_sheets"]["fields"]}
    key, value = sheets["scale_guidance"]["fields"]
    assert (key["widget"], key["collection"], key["multiple"]) == ("relation", "scales", False)
    assert (value["widget"], value["label"]) == ("text", "Guidance for this scale")
    assert sheets["retention_months"] == {**sheets["retention_months"], "widget": "number",
                                          "min": 1, "max": 120}
    assert sheets["data_protection"]["widget"] == "text"
    assert {f["name"]: f for f in organisation["stage_scales"]["fields"]}[
        "shortlisting"]["collection"] == "scales"

    role = {f["name"]: f for f in collection_fields("role")}
    assert role["status"]["options"] == ["draft", "published"]
    for kind in ("role", "family"):
        questions = {f["name"]: f for f in {f["name"]: f for f in collection_fields(kind)}[
            "questions"]["fields"]}
        assert questions["id"]["pattern"][0] == "^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$"
        assert questions["follow_up"]["field"]["widget"] == "string"
        assert questions["competencies"]["widget"] == "list"

    scale = {f["name"]: f for f in collection_fields("scale")}
    assert scale["kind"]["options"] == ["points", "met"]
    assert scale["gate_excludes"]["options"] == ["nothing", "total", "ranking"]
    assert scale["pass_mark"]["widget"] == "number"
    bands = {f["name"]: f for f in scale["bands"]["fields"]}
    assert bands["from"]["required"] and bands["descriptor"]["required"]
    assert not bands["label"]["required"]


# Words and shapes an HR officer should never meet in a field's help or check message: file
# formats and names, ids, quoting, command-line flags and commands, regular expressions, field
# names as a file writes them, and the values `true` and `false`.
PROGRAMMER_WORDS = re.compile(
    r"yaml|\.json|content/|\bids?\b|in quotes|write not stated|--[a-z]|`|\^|\[0-9\]|\\[dw]"
    r"|\bline \d|line number|delete the line|\bmapping\b|\b[a-z]+_[a-z_]+\b"
    r"|\broleprint (?:import|validate|lint|serve|build|generate|forms|format|new|edit)\b"
    r"|\bvalidate warns\b", re.IGNORECASE)
VALUES = re.compile(r"\btrue\b|\bfalse\b")


def test_every_hint_and_check_message_is_in_plain_words() -> None:
    """Issue 27, point 2: the help under every field, of every collection and at every depth,
    says nothing in a programmer's words; nor does the message of a field's check."""
    found = []
    for collection in decap_config()["collections"]:
        tops = collection.get("fields") or collection["files"][0]["fields"]
        for field in all_fields(tops):
            for text in (field.get("hint", ""), *field.get("pattern", [])[1:]):
                if PROGRAMMER_WORDS.search(text) or VALUES.search(text):
                    found.append((collection["name"], field["name"], text))
    assert not found, "\n".join(map(str, found))


def test_a_day_is_picked_from_a_calendar_and_stored_as_iso() -> None:
    """Issue 27, point 2: a vacancy's dates are Decap's date picker (the browser's own
    calendar, no time), stored as "YYYY-MM-DD" text; a profile's dates, which may be only a
    month or "not stated", stay text, with help that says how to write them."""
    vacancy = {f["name"]: f for f in collection_fields("vacancy")}
    picker = {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    for date in (vacancy["posted"], vacancy["closing_date"], vacancy["interview_dates"]["field"]):
        assert date == {**date, **picker}
        assert "pattern" not in date
    dated = [f["name"] for c in decap_config()["collections"]
             for f in all_fields(c.get("fields") or c["files"][0]["fields"])
             if f["widget"] == "datetime"]
    assert sorted(dated) == ["closing_date", "item", "posted"]
    role = {f["name"]: f for f in collection_fields("role")}
    for date in role["dates"]["fields"]:
        assert date["widget"] == "string"
        assert "such as 2025-01-15" in date["hint"] and '"not stated"' in date["hint"]


def test_every_known_value_is_chosen_from_a_list() -> None:
    """Issue 27, point 2: wherever a record names an organisation, a scale, a framework or a
    competency, in every collection and at every depth, it is picked from the records there
    are; a requirement and a status are chosen from the schema's values. (An organisation's
    or role's own words for headings, under "labels", are text.)"""
    picked = {"organisation": "organisations", "scale": "scales", "default_scale": "scales",
              "shortlisting": "scales", "interview": "scales", "framework": "frameworks",
              "competency": "frameworks"}
    seen: list[str] = []

    def walk(collection: str, fields: list[dict[str, Any]], path: str) -> None:
        for field in fields:
            name, where = field["name"], f"{collection}{path}.{field['name']}"
            if name == "labels":
                continue
            if name in picked and field["widget"] != "list":  # not a vacancy's weights
                assert (field["widget"], field["collection"]) == ("relation", picked[name]), where
                seen.append(where)
            if name in ("requirement", "status"):
                assert field["widget"] == "select" and field["options"], where
                seen.append(where)
            walk(collection, field.get("fields", []) + (
                [field["field"]] if "field" in field else []), f"{path}.{name}")

    for collection in decap_config()["collections"]:
        walk(collection["name"], collection.get("fields") or collection["files"][0]["fields"], "")
    assert sorted(seen) == [
        "families.criteria.requirement", "frameworks.organisation",
        "organisations.default_scale", "organisations.stage_scales.interview",
        "organisations.stage_scales.shortlisting", "roles.competencies.competency",
        "roles.competencies.framework", "roles.competencies.requirement", "roles.organisation",
        "roles.person_specification.criteria.requirement", "roles.status", "vacancies.scale",
        "vacancies.stage_scales.interview", "vacancies.stage_scales.shortlisting",
        "vacancies.status"]
