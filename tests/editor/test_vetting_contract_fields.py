"""Issue 28, points 1 and 6: the editor's fields for vetting, contract facts, duty columns and
dimensions, made from the schemas like every other field."""

from __future__ import annotations

from typing import Any

from generator.editor.config import decap_config


def _fields(collection: str) -> dict[str, Any]:
    found = next(c for c in decap_config()["collections"] if c["name"] == collection)
    return {f["name"]: f for f in found["fields"]}


def _sub(field: dict[str, Any]) -> dict[str, Any]:
    return {f["name"]: f for f in field.get("fields", [])}


def test_vetting_is_a_list_of_scheme_level_candidate_and_the_sources_words() -> None:
    checks = _sub(_fields("roles")["pre_employment_checks"])
    vetting = _sub(checks["vetting"])
    assert checks["vetting"]["widget"] == "list"
    assert [vetting[k]["widget"] for k in ("scheme", "level", "candidate", "text")] == [
        "string", "string", "select", "text"]
    assert vetting["candidate"]["options"] == ["must-hold", "will-be-vetted", "not stated"]
    assert vetting["text"]["required"] is True and vetting["level"]["required"] is False


def test_contract_facts_on_roles_and_vacancies() -> None:
    for collection in ("roles", "vacancies"):
        fields = _fields(collection)
        assert fields["contract"]["widget"] == "string"  # kept as worded
        assert fields["contract_kind"]["options"] == [
            "permanent", "fixed-term", "temporary", "secondment", "not stated"]
        # Text, like a profile's other dates: the source may give only a month.
        assert fields["contract_end"]["widget"] == "string"
        assert "YYYY-MM when the source gives only a month" in fields["contract_end"]["hint"]
        assert fields["contract_length"]["widget"] == "string"


def test_duty_columns_and_dimensions_are_editable() -> None:
    fields = _fields("roles")
    duties = _sub(fields["accountabilities"])
    assert {"priority", "share_of_time"} <= set(_sub(duties["items"]))
    assert set(_sub(duties["columns"])) == {"text", "priority", "share_of_time"}
    dimensions = _sub(fields["dimensions"])
    assert [(k, f["widget"]) for k, f in _sub(dimensions["items"]).items()] == [
        ("label", "string"), ("value", "text")]
