"""Links in text: full addresses and autolinks work on the page and in the PDF; anything else
is refused by `validate` (tests/content/fixtures/invalid/relative-links) and never published."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from pypdf import PdfReader

from generator.content.textrules import unpublishable_links
from generator.core.text import markdown_safe, markdown_to_html
from generator.render.forms.pdf import pdf_bytes
from generator.render.pack import write_pack
from generator.scoring.campaign import campaign
from tests.conftest import FIXTURES, INVALID, overlay
from tests.output.test_no_build_paths import leaks, machine_paths
from tests.support.site import generate_and_build, load_site, scan

LINKS = Path(__file__).resolve().parent / "fixtures" / "site-links"

EXPECTED = {
    "https://www.example.org/policy.pdf",
    "https://www.example.org/jobs?team=support&page=2",
    "https://www.example.org/handbook",
    "https://www.example.org/guidance",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """The links fixture built as a site (strict MkDocs) and as the vacancy's PDF forms."""
    where = tmp_path_factory.mktemp("links")
    content = overlay(FIXTURES / "base", LINKS / "content", where)
    site = load_site(content)
    _, site_dir, warnings = generate_and_build(site, where)
    vacancy = site.vacancies["support-worker-2027"]
    write_pack(campaign(site, vacancy.role, vacancy=vacancy, questions=True), where / "forms")
    return site_dir, where / "forms", warnings


def hrefs(html: str) -> list[str]:
    return [attrs["href"] or "" for tag, attrs in scan(html).tags if tag == "a" and "href" in attrs]


def pdf_links(path: Path) -> list[str]:
    links = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                links.append(str(action["/URI"]))
    return links


def test_links_work_on_the_page(built: tuple[Path, Path, list[str]]) -> None:
    site_dir, _, warnings = built
    assert warnings == []  # strict MkDocs: no link it could not follow
    html = (site_dir / "roles" / "support-worker" / "index.html").read_text("utf-8")
    found = set(hrefs(html))
    assert found >= EXPECTED
    assert 'title="Policy title"' not in html  # titles would be tooltips shown as HTML
    # Content cannot define (or redefine) an abbreviation: the line is shown as typed and the
    # glossary's meaning is the one used.
    assert "]: a definition that content may not make" in html
    assert 'title="a definition that content may not make"' not in html
    assert '<abbr title="Information technology">IT</abbr>' in html
    vacancy = (site_dir / "vacancies" / "support-worker-2027" / "index.html").read_text("utf-8")
    assert "https://jobs.example.org/ec-0001" in hrefs(vacancy)
    assert "mailto:jobs@example.org" in hrefs(vacancy)


def test_links_work_in_the_pdf(built: tuple[Path, Path, list[str]]) -> None:
    links = pdf_links(built[1] / "application-form.pdf")
    assert set(links) == {"https://jobs.example.org/ec-0001", "mailto:jobs@example.org",
                          "https://www.example.org/guidance"}
    assert not [link for link in links if not link.startswith(("https://", "mailto:"))]
    site_dir, forms, _ = built
    files = [p for folder in (site_dir, forms) for p in folder.rglob("*") if p.is_file()]
    assert len([p for p in files if p.suffix == ".pdf"]) >= 5
    paths = machine_paths(site_dir.parent)
    assert [leak for p in files for leak in leaks(p.name, p.read_bytes(), paths)] == []


RELATIVE = ["[policy](../policy.pdf)", "[part](#values)", "[site](www.example.org)",
            "[root](/handbook.html)", "[x](https:example.pdf)", "[x]()",
            "- [r]: ../r.pdf\n\n[x][r]", "[r]:\n  ./r.pdf\n\n[x][r]", "[x](<../a.pdf>)"]


@pytest.mark.parametrize("text", RELATIVE)
def test_a_relative_link_is_reported_and_never_published(text: str) -> None:
    assert unpublishable_links(text)
    page = markdown.markdown(markdown_safe(text), extensions=["abbr", "attr_list", "def_list"])
    assert hrefs(page) == [], page
    assert hrefs(str(markdown_to_html(text))) == []


def test_full_addresses_are_not_reported() -> None:
    text = ("[a](https://example.org/a_(b)) <https://example.org/x?y=1&z=2> <jobs@example.org> "
            "[m](mailto:jobs@example.org) [t](tel:+441234567890) [j](javascript:alert(1))")
    assert unpublishable_links(text) == []  # javascript: is not a mistake: it is shown as text
    assert hrefs(markdown.markdown(markdown_safe(text))) == [
        "https://example.org/a_(b)", "https://example.org/x?y=1&z=2",
        "mailto:jobs@example.org", "mailto:jobs@example.org", "tel:+441234567890"]


def test_a_relative_link_in_a_pdf_stays_out_of_the_build_folders() -> None:
    """The last line of defence: HTML that still holds a relative link (validate and the text
    renderers both refuse them) does not become a file: address in the PDF."""
    html = ('<!doctype html><html lang="en"><head><title>t</title></head><body>'
            '<p><a href="../policy.pdf">policy</a></p></body></html>')
    assert leaks("form.pdf", pdf_bytes(html), machine_paths()) == []


def test_build_stops_on_a_relative_link_with_the_located_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 20.5: the build used to end in MkDocs' "Aborted with 1 warnings in strict mode!"
    without the warning; now the validator's located problem stops it first."""
    from generator.cli import run
    from tests.conftest import ROOT

    content = overlay(FIXTURES / "base", INVALID / "relative-links" / "content",
                      tmp_path)
    monkeypatch.chdir(ROOT)
    status = run(["build", "--content", str(content), "--site-dir", str(tmp_path / "site"),
                  "--no-pdf"])
    out = capsys.readouterr()
    assert status == 1
    text = out.out + out.err
    assert "linked-worker-2027.yaml:8:15: $.how_to_apply: the link './application-form.pdf' is" \
        in text
    assert "hint: write the full address, starting https://" in text
    assert "Aborted" not in text and "Traceback" not in text
    assert not (tmp_path / "site").exists()
