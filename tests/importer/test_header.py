"""Issue 15 point 2, header fields: each one placed in the role's own field, in every shape.

The five seeds are written with a fuller header than they ship with (every field the schema has
for it, in different wordings), imported, and each field compared on its own. A value the
importer cannot read with confidence stays in the text to place and the report says "low".
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from generator.importer.command import run
from tests.importer import importdocs
from tests.importer.importmeasure import content_copy, import_file

pytestmark = pytest.mark.pdf  # the PDF shapes render with WeasyPrint

# One header per seed, in the seeds' order; each field as the draft should have it.
HEADERS: tuple[dict[str, Any], ...] = (
    {"grade": "Band 5", "hours": "37.5 hours per week", "locations": ["Bristol", "Bath"],
     "reports_to": ["Team Leader"], "post_number": "D13002", "job_evaluation_number": "C3186",
     "salary": {"text": "£24,000 – £26,500 per annum pro rata", "min": 24000, "max": 26500,
                "period": "year", "pro_rata": True},
     "dates": {"issued": "2024-04", "reviewed": "2025-01", "next_review": "2026-04"},
     "pre_employment_checks": {"dbs": "enhanced-with-barred-list"}},
    {"grade": "NJC Scale 6", "hours": "Part-time, 22.5 hours", "directorate": "People Group",
     "service": "Community Services", "team": "Forensic Team",
     "contract": "Fixed term until March 2027",
     "salary": {"text": "£10.50 per hour", "min": 10.5, "max": 10.5, "period": "hour"},
     "pre_employment_checks": {"dbs": "basic"}},
    {"direct_reports": "None", "reports_to": ["Service Manager"],
     "salary": {"text": "Up to £28,000 a year, depending on experience", "max": 28000,
                "period": "year", "depends_on_experience": True},
     "pre_employment_checks": {"dbs": "standard"}},
    {"contract": "Permanent", "locations": ["East Kent"],
     "salary": {"text": "Estimated £30,000", "min": 30000, "max": 30000,
                "period": "not stated", "estimated": True},
     "pre_employment_checks": {"dbs": "none"}, "dbs_as_worded": "Not required"},
    {"grade": "Band 4", "salary": {"text": "£19,500 p.a.", "min": 19500, "max": 19500,
                                   "period": "year"},
     "dates": {"issued": "2019-06"}, "pre_employment_checks": {"dbs": "enhanced"}},
)
FIELDS = ("title", "grade", "salary", "hours", "locations", "reports_to", "direct_reports",
          "post_number", "job_evaluation_number", "directorate", "service", "team", "contract",
          "dates", "dbs")


def _with_header(record: str, extra: dict[str, Any]) -> dict[str, Any]:
    data = importdocs.load(record)
    for key in ("salary", "dates", "pre_employment_checks", *FIELDS[1:]):
        data.pop(key, None)
    data.update(extra)
    return data


def _field(data: dict[str, Any], key: str) -> Any:
    if key == "dbs":
        return data.get("pre_employment_checks", {}).get("dbs")
    return data.get(key)


@pytest.mark.parametrize("shape", importdocs.SHAPES)
def test_each_header_field_is_placed(shape: str, tmp_path: Path) -> None:
    wrong: dict[str, tuple[Any, Any]] = {}
    checked = 0
    for (record, organisation), extra in zip(importdocs.SEEDS, HEADERS, strict=True):
        name = record.split("/")[-1]
        data = _with_header(record, extra)
        (tmp_path / name).mkdir()
        path = importdocs.write(shape, record, tmp_path / name, data)
        status, output, draft = import_file(path, organisation, content_copy(tmp_path / name))
        assert status == 0, output
        for key in FIELDS:
            if _field(data, key) is None:
                assert _field(draft, key) is None, (name, key)  # not stated: not invented
                continue
            checked += 1
            if _field(draft, key) != _field(data, key):
                wrong[f"{name}.{key}"] = (_field(data, key), _field(draft, key))
    assert checked >= 30 and not wrong, wrong  # 34 fields over the five seeds


UNSURE = """\
Job Title: Peer Mentor
Salary: £24,000 plus £2,000 London weighting
DBS: Standard or enhanced, depending on the team
Date: Spring 2024
Hours: 37 hours per week

Main duties
1. Support clients to attend appointments and groups.
"""


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_values_not_read_with_confidence_stay_for_a_person(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"peer-mentor{suffix}"
    path.write_text(UNSURE, encoding="utf-8")
    content = content_copy(tmp_path)
    report = tmp_path / "report.json"
    out = io.StringIO()
    assert run([path], "second-step", content, report=report, out=out, err=io.StringIO()) == 0
    draft = (content / "roles" / "peer-mentor.yaml").read_text(encoding="utf-8")
    (entry,) = json.loads(report.read_text(encoding="utf-8"))
    confidence = {f["field"]: f["confidence"] for f in entry["fields"]}
    # the salary's wording is placed, but not figures that might be the allowance
    assert confidence["salary"] == "low" and confidence["hours"] == "high"
    assert confidence["pre_employment_checks.dbs"] == "low"
    assert confidence["dates.issued"] == "low"
    placed = {t["text"] for t in entry["to_place"]}
    assert {"DBS: Standard or enhanced, depending on the team", "Date: Spring 2024"} <= placed
    assert "min:" not in draft and "dbs:" not in draft and "issued:" not in draft
    assert "names more than one level (enhanced, standard)" in out.getvalue()
    assert "'Spring 2024' is not a date the importer can read" in draft  # in the review
    assert entry["status"] == "needs review"


def test_blank_form_rows(tmp_path: Path) -> None:
    """A Word form's header table with the DBS and review rows left empty."""
    import docx

    document = docx.Document()
    document.add_heading("Peer Mentor", level=1)
    table = document.add_table(rows=4, cols=2)
    for row, (label, value) in zip(table.rows, (("Grade", "Band 3"), ("DBS level", ""),
                                                ("Next review", ""), ("Hours", "")),
                                   strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_heading("Main duties", level=2)
    document.add_paragraph("1. Support clients to attend appointments and groups.")
    path = tmp_path / "peer.docx"
    document.save(str(path))
    content = content_copy(tmp_path)
    status, output, draft = import_file(path, "second-step", content)
    assert status == 0, output
    assert draft["grade"] == "Band 3"
    assert draft["pre_employment_checks"] == {"dbs": "not stated"}
    assert draft["dates"] == {"next_review": "not stated"}
    assert "hours" not in draft  # no "not stated" for hours in the schema: left out, and said
    assert "'Hours' is blank in the source" in output


ODD = ("£", ";", "0", "—", "TBC", "£1.5k", "Up to", "£999,999,999,999 per annum",
       "31 February 2024", "2019-13", "0 June 2019", "£26,000 – £24,000 pro rata", "n/a",
       "Enhanced; standard", "- £5 -", "£ 24,000 – £ 26,000 p.a. pro-rata DOE estimated")
LABELS = ("Grade", "Salary", "Hours", "Location", "Reports to", "Direct reports", "Post no.",
          "Job evaluation no.", "DBS", "Directorate", "Service", "Team", "Contract", "Date",
          "Last reviewed", "Next review")


@pytest.mark.parametrize("value", ODD)
def test_odd_header_values_never_make_an_invalid_draft(value: str, tmp_path: Path) -> None:
    """Whatever a label holds, the draft validates: no problem the importer itself caused."""
    path = tmp_path / "odd.txt"
    path.write_text("Job Title: Peer Mentor\n" + "".join(f"{label}: {value}\n"
                                                         for label in LABELS), encoding="utf-8")
    content = content_copy(tmp_path)
    status, output, draft = import_file(path, "second-step", content)
    assert status == 0, output
    assert "error" not in output and "Traceback" not in output, output
    assert draft["title"] == "Peer Mentor"
    # every value is either in its field or, word for word, in the text to place
    notes = [piece["text"] for piece in draft["import_review"].get("to_place", [])]
    for label in LABELS:
        assert f"{label}: {value}" in notes or value.strip() in json.dumps(
            draft, ensure_ascii=False), (label, value)


def test_date_like_text_under_a_text_label_is_placed_as_text(tmp_path: Path) -> None:
    """'2019-13' is no date, but it is the team's name as written: placed, in quotes, and the
    draft validates (a quoted value is text)."""
    path = tmp_path / "odd.txt"
    path.write_text("Job Title: Peer Mentor\nTeam: 2019-13\n", encoding="utf-8")
    content = content_copy(tmp_path)
    status, output, draft = import_file(path, "second-step", content)
    assert status == 0, output
    assert draft["team"] == "2019-13"
    assert 'team: "2019-13"\n' in next((content / "roles").glob("*.yaml")).read_text("utf-8")
