"""Issue 27 point 5 (issue 25 point 8): what a person must check in a draft is in the role's
`import_review`, not in comments, and every draft the importer writes is laid out as
`roleprint format` lays it out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.content.yamlload import load_file
from generator.editor.format import format_content
from generator.importer.command import run
from generator.importer.representation import in_words
from tests.importer import corpusdocs
from tests.importer.importmeasure import content_copy
from tests.support.editor_browser import programmer_words

VERSIONS = {
    "text": [doc.path for doc in corpusdocs.documents()],
    "Word": sorted(corpusdocs.GENERATED.glob("*.docx")),
    "PDF": sorted(corpusdocs.GENERATED.glob("*.pdf")),
}


@pytest.mark.parametrize("kind", sorted(VERSIONS))
def test_every_corpus_draft_passes_format_check(kind: str, tmp_path: Path) -> None:
    content = content_copy(tmp_path)
    out = io.StringIO()
    run(VERSIONS[kind], "second-step", content, out=out, err=io.StringIO())
    drafts = sorted((content / "roles").glob("*.yaml"))
    # Two documents of one title make one draft, the second being refused: never overwritten.
    assert len(drafts) == out.getvalue().count(": wrote "), out.getvalue()
    assert len(drafts) >= len(VERSIONS[kind]) - 2, out.getvalue()
    assert format_content(content, check=True) == ([], [])
    for path in drafts:
        text = path.read_text(encoding="utf-8")
        # The schema line, and no other comment: the review is in the role itself.
        assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == [
            "# yaml-language-server: $schema=../../schemas/role.schema.json"], path.name
        doc, _ = load_file(path, path.name)
        assert doc is not None
        review = doc.data["import_review"]
        assert review["format"] == kind
        assert review["source"] in {source.name for source in VERSIONS[kind]}
        # Where each piece was is said as an officer reads it: no line numbers.
        for piece in review.get("to_place", []):
            assert piece["done"] is False and programmer_words(piece["where"]) == [], piece
        for point in review.get("needs_a_look", []):
            assert point["done"] is False and programmer_words(point["item"]) == [], point


def test_where_a_piece_was_is_said_in_words() -> None:
    assert in_words("line 1") == "1st line"
    assert in_words("page 2, line 12") == "page 2, 12th line"
    assert in_words("line 22: a second 'Grade' is kept to place") == (
        "22nd line: a second 'Grade' is kept to place")
    assert in_words("line 103") == "103rd line"
    assert in_words("table 1, row 3") == "table 1, row 3"
