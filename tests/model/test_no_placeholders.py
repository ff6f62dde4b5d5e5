"""Issue 28, point 8: no placeholders. What the source does not give is not made up: no key to
method codes the source never explained, ... Each case is a fixture under
tests/model/fixtures/ typed from the public shape the issue quotes."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load
from generator.render.site.pages import render_all
from tests.model.test_faithful import content_of, word_text
from tests.support.site import stacked_rows


def test_method_codes_without_a_key_in_the_source_print_no_key(tmp_path: Path) -> None:
    content = content_of(tmp_path, "method-codes")
    site = load(content).site
    assert site is not None
    page = render_all(site)["roles/highways-inspector/index.md"]
    rows = stacked_rows(page)
    assert ["E1", "Experience of inspecting roads and footways.", "Essential", "A, I"] in rows
    assert ["D1", "Able to use a hand-held inspection device.", "Desirable", "I"] in rows
    word = [text for _, text in word_text(site, "highways-inspector")]
    assert "A, I" in word
    for text in (page, "\n".join(word)):
        assert "Key to" not in text and "= Application" not in text and "= Interview" not in text
    # the source's own key, where it gives one, is printed as it is worded
    role = content / "roles" / "highways-inspector.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "  methods_as: abbreviations\n",
        "  methods_as: abbreviations\n  methods_key: A – Application form. I – Interview.\n"),
        encoding="utf-8")
    site = load(content).site
    assert site is not None
    page = render_all(site)["roles/highways-inspector/index.md"]
    assert "**Key to Method of Assessment:** A – Application form. I – Interview." in page
    word = [text for _, text in word_text(site, "highways-inspector")]
    assert "Key to Method of Assessment: A – Application form. I – Interview." in word
