"""Issue 28, point 8: no placeholders. What the source does not give is not made up: no key to
method codes the source never explained, ... Each case is a fixture under
tests/model/fixtures/ typed from the public shape the issue quotes."""

from __future__ import annotations

from pathlib import Path

from generator.content.load import load
from generator.render.site.pages import render_all
from tests.model.test_faithful import content_of, forms_of, report, word_text
from tests.support.forms import parse
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


TRUNCATED = "Application form/ Int [TRUNCATED]"


def test_a_partly_legible_method_is_kept_as_worded_beside_the_methods_that_can_be_read(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "partly-legible-methods")
    site = load(content).site
    assert site is not None
    crit = next(c for c in site.roles["family-support-worker"].person_spec.criteria
                if c.id == "E2")
    assert [m.id for m in crit.assessed_by] == ["application"]
    assert crit.methods_partly_legible == TRUNCATED
    shown = f"Application (partly legible in the source: “{TRUNCATED}”)"
    page = render_all(site)["roles/family-support-worker/index.md"]
    rows = stacked_rows(page)
    assert ["E2", "Knowledge of safeguarding procedures for children.", "Essential",
            shown] in rows
    assert ["E1", "Experience of working with families under stress.", "Essential",
            "Application, Interview"] in rows
    assert page.count("partly legible") == 1
    word = [text for _, text in word_text(site, "family-support-worker")]
    assert shown in word
    # scored only by what can be read: on the shortlisting sheet, not at interview
    forms = forms_of(site, "family-support-worker")
    assert "Knowledge of safeguarding procedures" in parse(forms["shortlisting"]).text
    assert "Knowledge of safeguarding procedures" not in parse(forms["interview"]).text
    assert "Experience of working with families" in parse(forms["interview"]).text


def test_partly_legible_words_without_the_methods_read_from_them_are_refused_where_written(
        tmp_path: Path) -> None:
    content = content_of(tmp_path, "partly-legible-methods")
    role = content / "roles" / "family-support-worker.yaml"
    text = role.read_text(encoding="utf-8")
    role.write_text(text.replace("      assessed_by: [application]\n", ""), encoding="utf-8")
    code, said = report(content)
    assert code == 1
    line = next(ln for ln in said.splitlines() if "partly legible" in ln)
    assert line.startswith("content/roles/family-support-worker.yaml:21:31: "
                           "$.person_specification.criteria[1].methods_partly_legible: "
                           "criterion 'E2' keeps the source's partly legible method words")
    hint = said.splitlines()[said.splitlines().index(line) + 1]
    assert "only the methods you can read" in hint and "not stated" in hint
    assert "interview" not in hint and "application" not in hint.replace("assessed_by", "")
