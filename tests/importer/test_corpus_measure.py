"""The scoring of benchmarks/import_corpus.py, on drafts written here (the importer is not run:
`make import-measure` runs it on the corpus)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import import_corpus
from tests.importer import corpusdocs

KEY = {"title": "Investigator",
       "header": [{"field": "grade", "label": "Scale", "value": "SO1"},
                  {"field": "department", "label": "Department", "value": "Academic Services"},
                  {"field": "other", "label": "Status", "value": "Established"}],
       "criteria": [{"text": "Good IT skills.", "requirement": "essential",
                     "methods": ["application", "interview"]},
                    {"text": "Ability to manage a varied caseload.", "requirement": "desirable",
                     "methods": "not stated"},
                    {"text": "PQ1", "requirement": "unclear", "methods": "unclear"}]}


def _doc(tmp_path: Path) -> corpusdocs.Document:
    path = tmp_path / "doc.txt"
    path.write_text("Investigator\nGood IT skills.\nAbility to manage a varied caseload.\nPQ1\n",
                    encoding="utf-8")
    return corpusdocs.Document("doc", path, KEY)


def test_a_criterion_with_its_mark_left_in_is_found_and_a_lump_is_not(tmp_path) -> None:
    draft = {"title": "Investigator", "person_specification": {"criteria": [
        {"text": "Good IT skills. (E)", "requirement": "essential",
         "assessed_by": ["interview", "application"]},
        {"text": "Ability to manage a varied caseload. PQ1 High level verbal and written "
                 "communication skills.", "requirement": "desirable", "assessed_by": "not stated"},
        {"text": "SKILLS", "requirement": "not stated", "assessed_by": "not stated"}]}}
    found = import_corpus.score(_doc(tmp_path), draft, {"fields": []})
    assert (found["title"], found["criteria"], found["found"]) == (True, 3, 1)
    assert (found["ed_right"], found["ed_compared"]) == (1, 1)
    assert (found["methods_right"], found["methods_compared"]) == (1, 1)
    assert (found["not_criteria"], found["draft_criteria"]) == (2, 3)


def test_wrong_requirement_and_methods_are_counted_wrong(tmp_path) -> None:
    draft = {"title": "Grade", "person_specification": {"criteria": [
        {"text": "Good IT skills.", "requirement": "desirable", "assessed_by": ["interview"]},
        {"text": "Ability to manage a varied caseload.", "requirement": "desirable",
         "assessed_by": ["interview"]},
        {"text": "PQ1", "requirement": "essential", "assessed_by": ["test"]}]}}
    found = import_corpus.score(_doc(tmp_path), draft, {"fields": []})
    assert found["title"] is False
    assert (found["found"], found["not_criteria"]) == (3, 0)
    assert (found["ed_right"], found["ed_compared"]) == (1, 2)  # "unclear" is left out
    assert (found["methods_right"], found["methods_compared"]) == (0, 2)


def test_header_values_right_wrong_at_high_confidence_and_not_in_the_key() -> None:
    draft = {"grade": "Scale: SO1", "service": "Academic Services", "hours": "37",
             "reports_to": ["Team Manager"]}
    entry = {"fields": [{"field": "grade", "confidence": "high"},
                        {"field": "service", "confidence": "high"},
                        {"field": "hours", "confidence": "low"},
                        {"field": "reports_to", "confidence": "high"}]}
    found = import_corpus.score_header(KEY, draft, entry)
    assert found == {"keyed": 2, "right": 1, "high_wrong": 1, "high_not_in_key": 1}


def test_a_key_with_no_title_leaves_the_document_out_of_the_titles(tmp_path) -> None:
    doc = _doc(tmp_path)
    untitled = corpusdocs.Document(doc.id, doc.path, {**KEY, "title": None})
    assert import_corpus.score(untitled, {"title": "Anything"}, {"fields": []})["title"] is None
    rows = [{"format": "text", "title": None, "error": "", **{k: 0 for k in (
        "criteria", "found", "ed_compared", "ed_right", "methods_compared", "methods_right",
        "not_criteria", "draft_criteria", "keyed", "right", "high_wrong", "high_not_in_key")}}]
    assert import_corpus.totals(rows)["titles"] == 0


def test_a_wrong_title_given_at_high_confidence_counts_as_a_wrong_header_value() -> None:
    entry = {"fields": [{"field": "title", "confidence": "high"}]}
    wrong = import_corpus.score_header(KEY, {"title": "/ Investigator / Job Code:"}, entry)
    right = import_corpus.score_header(KEY, {"title": "Investigator"}, entry)
    untitled = import_corpus.score_header({**KEY, "title": None}, {"title": "POLICE"}, entry)
    medium = import_corpus.score_header(KEY, {"title": "POLICE"}, {"fields": [
        {"field": "title", "confidence": "medium"}]})
    assert (wrong["high_wrong"], right["high_wrong"], medium["high_wrong"]) == (1, 0, 0)
    assert untitled["high_not_in_key"] == 1
