"""The development corpus (tests/importer/corpus) is well formed: every document has a source, a
licence note and an answer key that parses, whose title, header values and criteria are in the
document's own text. Nothing here runs the importer, so its quality cannot make this fail."""

from __future__ import annotations

import zipfile

import pytest

from tests.importer import corpusdocs

DOCS = corpusdocs.documents()


def test_the_corpus_is_as_large_and_varied_as_issue_25_asks() -> None:
    employers = {doc.key.get("employer") for doc in DOCS}
    named = {e for e in employers if not str(e).startswith("not named")}
    kinds = {corpusdocs.kind(doc.key) for doc in DOCS}
    assert len(DOCS) >= 40
    assert len(named) >= 20
    assert kinds == set(corpusdocs.KINDS)


@pytest.mark.parametrize("doc", DOCS, ids=[doc.id for doc in DOCS])
def test_each_document_has_a_source_a_licence_and_a_key_taken_from_its_text(
        doc: corpusdocs.Document) -> None:
    assert corpusdocs.problems(doc) == []


def test_a_key_whose_criterion_is_not_in_the_text_is_caught(tmp_path) -> None:
    path = tmp_path / "made-up.txt"
    path.write_text("Job Title: Porter\nExcellent IT skills, including MS Word     E\n"
                    "Experience        and Excel\n", encoding="utf-8")
    key = {"title": "Porter", "employer": "Example", "kind": "charity",
           "source": {"url": "https://example.org/porter"}, "licence": "x" * 30,
           "criteria": [{"text": "Excellent IT skills, including MS Word and Excel",
                         "requirement": "essential", "methods": "not stated"},
                        {"text": "A criterion nobody wrote", "requirement": "desirable",
                         "methods": ["interview"]}]}
    found = corpusdocs.problems(corpusdocs.Document("made-up", path, key))
    assert found == ["criteria[1]: 'A criterion nobody wrote' is not in the document's text"]
    key["licence"] = ""
    key["criteria"][0]["requirement"] = "must have"
    found = corpusdocs.problems(corpusdocs.Document("made-up", path, key))
    assert "no licence note" in found
    assert any("'must have' is not one of" in line for line in found)


def test_words_run_together_at_a_case_change_are_two_words() -> None:
    assert corpusdocs.tokens("at all timesAbility to work") == [
        "at", "all", "times", "ability", "to", "work"]
    assert corpusdocs.occurs(["a", "b"], ["a", "x", "x", "x", "b"])
    assert not corpusdocs.occurs(["a", "b"], ["a", "x", "x", "x", "x", "b"])


@pytest.mark.parametrize("path", sorted(corpusdocs.GENERATED.glob("*.docx")),
                         ids=lambda p: p.name)
def test_each_generated_word_file_opens_and_holds_its_documents_criteria(path) -> None:
    from docx import Document as Word

    doc = next(d for d in DOCS if path.name.startswith(d.id + "."))
    assert zipfile.is_zipfile(path)
    word = Word(str(path))
    texts = [p.text for p in word.paragraphs]
    texts += [c.text for t in word.tables for r in t.rows for c in r.cells]
    words = corpusdocs.tokens(" ".join(texts))
    for crit in doc.key.get("criteria") or []:
        assert corpusdocs.occurs(corpusdocs.tokens(crit["text"]), words, 6), crit["text"]


def test_the_committed_word_versions_are_what_make_versions_makes_now() -> None:
    """make_versions.py is deterministic and the committed files are its current output (the
    PDFs depend on WeasyPrint's version too, so only the Word files are compared)."""
    from tests.importer.corpus import make_versions

    docs = {doc.id: doc for doc in DOCS}
    for doc_id, layout in make_versions.LAYOUTS.items():
        made = make_versions.word_bytes(make_versions.version_parts(docs[doc_id], layout), layout)
        assert made == (corpusdocs.GENERATED / f"{doc_id}.docx").read_bytes(), doc_id
