"""Issue 28, point 3: a role competency's essential or desirable, its methods (or "not
stated") and its optional level are editable in the browser editor, made from the schema."""

from __future__ import annotations

from tests.editor.test_config import collection_fields


def test_a_competency_can_be_marked_essential_assessed_or_not_stated_and_left_without_level(
        ) -> None:
    role = {f["name"]: f for f in collection_fields("role")}
    competency = {f["name"]: f for f in role["competencies"]["fields"]}
    requirement = competency["requirement"]
    assert requirement["widget"] == "select" and requirement["required"] is False
    assert [o["value"] if isinstance(o, dict) else o for o in requirement["options"]] == [
        "essential", "desirable"]
    methods = competency["assessed_by"]
    assert methods["widget"] == "select" and methods["multiple"] is True
    assert methods["options"][-1] == {"label": "Not stated", "value": "not stated"}
    assert competency["level"]["required"] is False  # the source may name no level
