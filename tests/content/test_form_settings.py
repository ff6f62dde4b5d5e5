"""`validate` on an organisation's application form settings (issue 28, point 7): every mistake
is a located problem with a hint, and no hint offers Roleprint's example wording, which would
put words in the organisation's mouth."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from generator.content.validate import validate
from tests.conftest import FIXTURES, INVALID, ROOT, overlay

CASE = INVALID / "application-form-settings"


def _examples(schema: Any) -> Iterator[str]:
    """Every text example under `schema`, however deep."""
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "examples":
                yield from (json.dumps(v, ensure_ascii=False) for v in value)
            yield from _examples(value)


def test_every_mistake_is_located_and_no_hint_offers_wording_to_copy(tmp_path: Path) -> None:
    content = overlay(FIXTURES / "base", CASE / "content", tmp_path)
    problems, _ = validate(content)
    mine = [p for p in problems if p.json_path.startswith("$.application_form")]
    assert len(mine) == len(problems) == 7, [p.message for p in problems]
    schema = json.loads((ROOT / "schemas" / "organisation.schema.json").read_text("utf-8"))
    wording = [e.strip('"') for e in _examples(schema["properties"]["application_form"])
               if len(e) > 12]
    for problem in mine:
        assert problem.line and problem.column, problem.message
        assert problem.hint, problem.message
        for example in wording:
            assert example not in problem.hint, (problem.message, example)
    missing = next(p for p in mine if "'question'" in p.message)
    assert "own words" in missing.hint and "guaranteed_interview" in missing.hint
