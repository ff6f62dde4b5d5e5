"""The PDFs: fillable fields with labels, tagged PDF/UA-1, repeatable bytes, no outside fetches."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from generator.content.load import load
from generator.render.forms.fieldfont import field_font
from generator.render.forms.pdf import ASSETS, RefusedURL, RestrictedFetcher, pdf_bytes, source_date
from generator.render.forms.render import form_pages
from generator.render.pack import write_pack
from generator.scoring.campaign import campaign
from tests.conftest import CONTENT, ROOT
from tests.support.forms import FORMS_GOLDEN, hand_site, parse

pytestmark = pytest.mark.pdf


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hand-made vacancy's set (2 panel members) and a shipped vacancy's, as PDFs."""
    out = tmp_path_factory.mktemp("forms")
    site = hand_site()
    vacancy = site.vacancies["test-vacancy"]
    paths = write_pack(campaign(site, vacancy.role, vacancy=vacancy, questions=True), out / "hand")
    shipped = load(CONTENT).site
    assert shipped is not None
    real = shipped.vacancies["supervised-contact-co-ordinator-2027"]
    paths += write_pack(campaign(shipped, real.role, vacancy=real, panel=["A Person"],
                                 questions=True), out / "real")
    return {f"{p.parent.name}/{p.stem}": p for p in paths if p.suffix == ".pdf"}


def words(text: object) -> str:
    return " ".join(str(text).split())


def widgets(reader: PdfReader) -> list[DictionaryObject]:
    fields = reader.trailer["/Root"]["/AcroForm"]["/Fields"]
    return [f.get_object() for f in fields]


def test_every_form_and_sheet_has_a_pdf(built: dict[str, Path]) -> None:
    assert sorted(k.split("/")[1] for k in built if k.startswith("hand/")) == sorted([
        "application-form", "equality-monitoring", "shortlisting", "interview",
        "interview-panel-1", "interview-panel-2", "moderation"])


def test_a_pack_with_pdfs_has_the_application_form_in_word_too(built: dict[str, Path]) -> None:
    for key in ("hand/application-form", "real/application-form"):
        assert built[key].with_suffix(".docx").is_file(), key
    assert not list(built["hand/shortlisting"].parent.glob("shortlisting.docx"))


def test_fields_match_the_html_with_unique_names_and_labels(built: dict[str, Path]) -> None:
    for key, pdf in built.items():
        page = parse(pdf.with_suffix(".html").read_text(encoding="utf-8"))
        fields = widgets(PdfReader(pdf))
        names = [str(f["/T"]) for f in fields]
        # a tick-one question is one field, a radio group, whatever its number of options
        radios: dict[str, list[dict[str, str]]] = {}
        for found in page.fields:
            if found.get("type") == "radio":
                radios.setdefault(found["name"], []).append(found)
        expected = [f["name"] for f in page.fields if f.get("type") != "radio"] + list(radios)
        assert len(fields) == len(expected), key
        assert len(set(names)) == len(names), key
        assert set(names) == set(page.names), key
        for f in fields:
            name = str(f["/T"])
            if name not in radios:
                assert words(f["/TU"]) == page.labels[name], (key, name)
                continue
            kids = [k.get_object() for k in f["/Kids"]]
            assert [str(o) for o in f["/Opt"]] == [o["value"] for o in radios[name]], key
            assert all("/T" not in k for k in kids), (key, name)  # buttons, not fields
            assert [words(k["/TU"]) for k in kids] == [page.labels[o["id"]]
                                                       for o in radios[name]], (key, name)
            assert int(f["/Ff"]) & (1 << 15), (key, name)  # the radio flag
        types = {str(f["/FT"]) for f in fields}
        assert types <= {"/Tx", "/Btn"}, key


def test_the_application_pdf_has_no_clear_button_or_storage_note(built: dict[str, Path]) -> None:
    """The browser-only part of the HTML application form (what is typed, kept in this browser)
    never reaches the PDF: WeasyPrint runs no script and prints for print media."""
    for key in ("hand/application-form", "real/application-form"):
        html = built[key].with_suffix(".html").read_text(encoding="utf-8")
        assert "Clear what I have typed" in html and "kept only in this browser" in html
        reader = PdfReader(built[key])
        text = words(" ".join(page.extract_text() for page in reader.pages))
        assert "5. Supporting statement" in text, key  # the text is read
        assert "Clear what I have typed" not in text, key
        assert "kept only in this browser" not in text and "typing" not in text, key
        assert all(str(f.get("/FT")) != "/Btn" or "/Opt" in f for f in widgets(reader)), key


def test_labels_say_what_each_box_is(built: dict[str, Path]) -> None:
    def tooltips(key: str) -> dict[str, str]:
        return {str(f["/T"]): str(f["/TU"]) for f in widgets(PdfReader(built[key]))}

    short = tooltips("hand/shortlisting")
    assert short["score-c3-AI1"] == "Score, candidate C3, criterion AI1"
    assert short["score-c1-Q-7_b"] == "Score, candidate C1, criterion Q 7.b"
    app = tooltips("hand/application-form")
    assert app["statement-AI1"] == "Your evidence for criterion AI1: Criterion text AI1"
    # A label that wraps keeps its spaces (WeasyPrint alone would drop them).
    assert app["adjustments"].endswith("tell us what would help.")
    eq = tooltips("hand/equality-monitoring")
    assert eq["age"] == "What is your age?"  # one field for the question, its options buttons
    mod = tooltips("hand/moderation")
    assert mod["decision-c2"] == "Decision, candidate C2"


def test_pdfs_are_tagged_titled_and_in_british_english(built: dict[str, Path]) -> None:
    for key, pdf in built.items():
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert "/StructTreeRoot" in root, key
        assert str(root["/MarkInfo"]["/Marked"]) in ("True", "true"), key
        assert str(root["/Lang"]) == "en-GB", key
        title = parse(pdf.with_suffix(".html").read_text(encoding="utf-8")).title
        assert reader.metadata is not None and reader.metadata.title == title, key
        xmp = root["/Metadata"].get_object().get_data()
        assert b'pdfuaid:part="1"' in xmp, key
        assert str(root["/ViewerPreferences"]["/DisplayDocTitle"]) in ("True", "true", "1")


def test_dates_come_from_source_date_epoch() -> None:
    assert source_date({}) == "2000-01-01T00:00:00Z"
    assert source_date({"SOURCE_DATE_EPOCH": "1767225600"}) == "2026-01-01T00:00:00Z"


def test_same_bytes_every_time() -> None:
    site = hand_site()
    html = dict(form_pages(campaign(site, site.roles["test-role"])))["shortlisting"]
    first = pdf_bytes(html, created="2026-01-01T00:00:00Z")
    assert first == pdf_bytes(html, created="2026-01-01T00:00:00Z")
    meta = PdfReader(io.BytesIO(first)).metadata
    assert meta is not None
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20260101000000Z"


def test_same_bytes_in_another_process_with_another_hash_seed(tmp_path: Path) -> None:
    script = (
        "import hashlib, sys\n"
        "from generator.scoring.campaign import campaign\n"
        "from generator.render.forms.pdf import pdf_bytes\n"
        "from generator.render.forms.render import form_pages\n"
        "from tests.support.forms import hand_site\n"
        "site = hand_site()\n"
        "html = dict(form_pages(campaign(site, site.roles['test-role'])))['moderation']\n"
        "print(hashlib.sha256(pdf_bytes(html)).hexdigest())\n"
    )
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True,
                             capture_output=True, text=True)
        digests.add(run.stdout.strip())
    assert len(digests) == 1


def test_pdftoppm_can_draw_a_page_of_each(built: dict[str, Path], tmp_path: Path) -> None:
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is missing: `make test` installs it"
    for key, pdf in built.items():
        if not key.startswith("hand/"):
            continue
        prefix = tmp_path / pdf.stem
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(prefix)], check=True, capture_output=True)
        png = prefix.with_suffix(".png")
        assert png.exists() and png.stat().st_size > 5_000, key


def test_fetcher_serves_only_the_assets_folder() -> None:
    fetcher = RestrictedFetcher()
    css = ASSETS / "forms" / "forms.css"
    assert fetcher.resolve(css.as_uri()) == css.resolve()
    assert fetcher.fetch(css.as_uri()).read().startswith(b"/*")
    for url in ("http://example.com/logo.png", "https://example.com/x.css",
                "file:///etc/passwd", f"{ASSETS.as_uri()}/../../../../etc/passwd",
                "data:text/css,body{}", "ftp://example.com/x", "file://evil.example/x"):
        with pytest.raises(RefusedURL):
            fetcher(url)


def test_rendering_never_fetches_from_outside(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, bool]] = []
    original = RestrictedFetcher.fetch

    def spy(self: RestrictedFetcher, url: str, headers: object = None) -> object:
        try:
            result = original(self, url, headers)
        except RefusedURL:
            seen.append((url, False))
            raise
        seen.append((url, True))
        return result

    monkeypatch.setattr(RestrictedFetcher, "fetch", spy)
    html = ('<!DOCTYPE html><html lang="en-GB"><head><title>t</title>'
            '<link rel="stylesheet" href="file:///etc/passwd">'
            '<style>@import url("http://127.0.0.1:9/x.css");</style></head>'
            '<body><img src="http://127.0.0.1:9/x.png" alt="x"><p>Hello</p></body></html>')
    assert pdf_bytes(html).startswith(b"%PDF-")
    font = field_font()
    assert font is not None  # `make test` installs fonts-liberation
    # Only the cut-down field font is read; everything the page asks for is refused.
    assert sorted(url for url, ok in seen if ok) == [font.as_uri()]
    assert {u for u, ok in seen if not ok} == {"file:///etc/passwd",
                                               "http://127.0.0.1:9/x.css",
                                               "http://127.0.0.1:9/x.png"}


def test_fillable_fields_use_the_cut_down_font() -> None:
    html = (FORMS_GOLDEN / "supervised-contact-co-ordinator-2027"
            / "application-form.html").read_text(encoding="utf-8")
    data = pdf_bytes(html)
    reader = PdfReader(io.BytesIO(data))
    fonts = reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]
    names = [str(font.get_object()["/BaseFont"]) for font in fonts.values()]
    assert any(name.endswith("+Roleprint-Fields") for name in names), names
    font = field_font()
    assert font is not None and font.stat().st_size < 60_000
    assert len(data) < 130_000  # the whole Liberation Sans alone was 139 KB
    # The cut-down font still has the letters of names typed into the form.
    cmap = TTFont(font).getBestCmap()
    assert all(ord(ch) in cmap for ch in "Zoë Łukasz Ștefan Ørsted Дмитро Αλέξης £€–’")
