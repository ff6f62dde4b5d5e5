"""Issue 25 point 8: lint flags an import review left open in a role that is no longer a draft,
at the point itself, with a hint that never suggests a guess."""

from __future__ import annotations

import re
from pathlib import Path

from generator.lint import LintResult, lint
from tests.lint.test_rules import TODAY, linted

STREET = "content/roles/street-worker.yaml"


def _review(result: LintResult) -> list[tuple[str, int, str, str, str]]:
    return [(f.rule, f.problem.line, f.problem.json_path, f.problem.message, f.problem.hint)
            for f in result.findings if f.rule.startswith("import-")]


def test_open_points_of_a_published_role_are_found_where_they_are(tmp_path: Path) -> None:
    found = _review(linted("triggers", tmp_path))
    assert [(rule, line, path) for rule, line, path, _, _ in found] == [
        ("import-not-checked", 26, "$.import_review.needs_a_look[1]"),
        ("import-left-to-place", 31, "$.import_review.to_place[1]"),
    ]
    looked, placed = found
    assert placed[3].startswith("piece 2 of the text to place from the imported source is not "
                                "ticked done, and the role is no longer a draft")
    assert "Lone working" not in placed[3]  # the review's words are never in a finding
    assert looked[3].startswith("point 2 needing a person's eye")
    for *_, hint in found:
        assert "ask whoever wrote the source" in hint
        assert not re.search(r"\b(guess|assume|probably|likely)\b", hint), hint


def test_a_draft_may_have_open_points_and_old_notes_are_flagged_once_published(
        tmp_path: Path) -> None:
    result = linted("triggers", tmp_path)
    assert _review(result)
    path = tmp_path / STREET
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("family: support-work\n",
                                 "family: support-work\nstatus: draft\n"), encoding="utf-8")
    assert _review(lint(tmp_path / "content", today=TODAY)) == []
    # A role imported before issue 27 keeps its text to place in its internal notes.
    path.write_text(text.split("import_review:")[0] + (
        "internal_notes: |-\n  To place: the importer could not tell where these go. Move each "
        "one into the right field, or delete it, then delete this note.\n"
        "  - (paragraph 5) Our office has free parking.\n"), encoding="utf-8")
    (found,) = _review(lint(tmp_path / "content", today=TODAY))
    assert found[:3] == ("import-left-to-place", 20, "$.internal_notes")
    assert "delete the note" in found[4]
