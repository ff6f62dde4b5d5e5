"""The scoring fixture campaigns' sheets (tests/scoring/fixtures/campaigns: met / not met ✓
and ✗, bands, weighted rows, the organisation's guidance) pass axe-core's WCAG 2.2 AA rules and
the Nu HTML Checker, and their PDFs are tagged, titled, in British English, with every field
labelled and every tick-one question (✓ or ✗, the decision) one radio group."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from generator.cli import run
from generator.render.forms.pdf import pdf_bytes
from tests.a11y.test_forms import url_file, vnu
from tests.a11y.test_pdf import is_true
from tests.conftest import CAMPAIGNS as FIXTURE
from tests.render.forms.test_pdf import words
from tests.support.browser import axe_violations, describe, require_axe, serve_folder
from tests.support.forms import parse

# Each fixture campaign, and the generic one on the banded scale (its legend is in bands).
# Where a vacancy names no panel, two members are asked for, so it has their copies too.
CAMPAIGNS = {"council-2027": ("council-2027",), "nhs-2027": ("--panel", "2", "nhs-2027"),
             "government-2027": ("--panel", "2", "government-2027"),
             "generic-2027": ("generic-2027",),
             "university-2027": ("--panel", "2", "university-2027"),
             "banded": ("--scale", "banded-one-to-ten", "generic-2027"),
             # the grid layout: checked and scored sections (council), weighted rows
             "council-grid": ("--layout", "grid", "council-2027"),
             "government-grid": ("--layout", "grid", "--panel", "2", "government-2027")}
SHEETS = ("shortlisting", "interview", "interview-panel-1", "moderation")
PAGES = [f"{name}/{stem}.html" for name in CAMPAIGNS for stem in SHEETS]


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each campaign's pack (HTML and workbooks; the PDFs are made here only where tested)."""
    where = tmp_path_factory.mktemp("scoring-a11y")
    for name, args in CAMPAIGNS.items():
        assert run(["forms", "--content", str(FIXTURE), "--no-pdf", "--out", str(where / name),
                    *args]) == 0
    return where


@pytest.fixture(scope="module")
def packs_url(packs: Path) -> Iterator[str]:
    with serve_folder(packs) as url:
        yield url


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_every_scheme_is_covered(packs: Path) -> None:
    """The pages below hold what the schemes are about, so the checks cover each of them."""
    html = {p: (packs / p).read_text(encoding="utf-8") for p in PAGES}
    assert 'type="radio" id="met-c1-E1-met"' in html["nhs-2027/shortlisting.html"]
    assert 'id="met-E1-met"' in html["council-2027/interview.html"]
    assert 'class="guidance"' in html["council-2027/moderation.html"]
    assert 'id="weighted-c1-D1"' in html["government-2027/shortlisting.html"]
    assert 'id="weighted-E2"' in html["government-2027/interview.html"]
    assert "9 to 10" in html["banded/interview.html"]
    assert 'class="scores rowgrid"' in html["council-grid/interview.html"]
    assert 'id="weighted-E2"' in html["government-grid/interview-panel-1.html"]


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES)
def test_scoring_sheet_has_no_axe_violations(page: Any, packs_url: str, path: str) -> None:
    response = page.goto(f"{packs_url}/{path}")
    assert response is not None and response.ok, path
    violations = axe_violations(page, require_axe())
    assert violations == [], describe(violations)


@pytest.mark.browser
def test_scoring_sheets_pass_the_nu_html_checker(packs: Path) -> None:
    files = [url_file(packs, path) for path in PAGES]
    assert all(f.is_file() for f in files)
    errors = vnu(files)
    assert {name: [(e.get("lastLine"), e["message"]) for e in found]
            for name, found in errors.items()} == {}


# Met / not met at each stage (NHS), the scale's guidance (council), weighted rows (government).
PDF_PAGES = ["nhs-2027/shortlisting.html", "council-2027/interview.html",
             "council-2027/moderation.html", "government-2027/shortlisting.html",
             "government-2027/moderation.html", "banded/interview.html",
             "council-grid/interview.html", "government-grid/interview-panel-1.html"]


@pytest.mark.pdf
@pytest.mark.parametrize("path", PDF_PAGES)
def test_scoring_pdf_is_tagged_titled_and_labelled(packs: Path, path: str) -> None:
    source = (packs / path).read_text(encoding="utf-8")
    html = parse(source)
    pdf = packs / path.replace(".html", ".pdf")
    pdf.write_bytes(pdf_bytes(source))
    reader = PdfReader(pdf)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and is_true(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]) == "en-GB"
    assert reader.metadata is not None and reader.metadata.title == html.title
    fields = [f.get_object() for f in root["/AcroForm"]["/Fields"]]
    names = [str(f["/T"]) for f in fields]
    radios: dict[str, list[str]] = {}
    for found in html.fields:
        if found.get("type") == "radio":
            radios.setdefault(found["name"], []).append(found["id"])
    # one field per text box, one per tick-one question whatever its number of choices
    assert sorted(names) == sorted({*html.names}) and len(set(names)) == len(names)
    for field in fields:
        name = str(field["/T"])
        assert words(field.get("/TU", "")), f"{path}: {name} has no label (/TU)"
        if name in radios:
            assert int(field["/Ff"]) & (1 << 15), name  # a radio group: one choice only
            kids = [k.get_object() for k in field["/Kids"]]
            assert [words(k["/TU"]) for k in kids] == [html.labels[i] for i in radios[name]]
    if "nhs-2027" in path:  # every criterion met / not met: ✓ and ✗, in one group each
        met = [n for n in radios if n.startswith("met-")]
        assert met and all(len(radios[n]) == 2 for n in met)
