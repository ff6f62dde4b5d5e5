"""Issue 15 point 5: the five seeds, made into documents of several shapes, imported and
measured against the shipped content. The figures per shape are in docs/import.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importer.importdocs import SEEDS, SHAPES
from tests.importer.importmeasure import measure, raw_seeds

pytestmark = pytest.mark.pdf  # the PDF shape renders with WeasyPrint


@pytest.mark.parametrize("shape", SHAPES)
def test_shape_keeps_sentences_criteria_and_duties(shape: str, tmp_path: Path) -> None:
    kept = units = right = total = categories = 0
    lost: list[str] = []
    duties: dict[str, bool] = {}
    references: dict[str, bool] = {}
    fields = fields_right = 0
    for record, organisation in SEEDS:
        name = record.split("/")[-1]
        found = measure(shape, record, organisation, tmp_path / name)
        # the draft validates: no blocking problem (warnings for a person are allowed)
        assert found["status"] == 0, found["output"]
        units += found["units"]
        lost += found["lost"]
        right += round(found["criteria"] * found["criteria_total"])
        categories += round(found["categories"] * found["criteria_total"])
        total += found["criteria_total"]
        duties |= {f"{name}.{key}": same for key, same in found["duties"].items()}
        references |= {f"{name}.{key}": same for key, same in found["references"].items()}
        fields_right, fields = fields_right + found["header"][0], fields + found["header"][1]
        kept += 1
    assert kept == len(SEEDS)
    assert units > 100
    assert len(lost) / units <= 0.01, lost
    assert right / total >= 0.95, (right, total)
    assert categories / total >= 0.95, (categories, total)
    assert duties and all(duties.values()), duties
    # competency requirements and known-risks answers, matched to the organisation's records
    assert len(references) == 4 and all(references.values()), references
    # header fields (title, grade, salary, hours, location, reports to, numbers, DBS …)
    assert fields > 20 and fields_right == fields, (fields_right, fields)


def test_raw_seed_texts(tmp_path: Path) -> None:
    """The seed documents themselves (content/sources), imported as they were received."""
    rows = raw_seeds(tmp_path)
    units = sum(r["units"] for r in rows)
    assert units > 500
    assert sum(r["kept"] for r in rows) / units >= 0.99, rows
    assert all(r["status"] == 0 for r in rows), rows
    # seeds 000 to 003 have a person specification (004 is an article: its criteria were
    # written by a person from the prose, so no importer should find them as criteria)
    specs = rows[:4]
    total = sum(r["criteria"] for r in specs)
    assert sum(r["requirement"] for r in specs) / total >= 0.95, specs
    # the shipped duty lists were tidied by hand; 5 of the 7 still match item for item
    lists = [same for r in specs for same in r["lists"].values()]
    assert len(lists) == 7 and sum(lists) >= 5, specs
