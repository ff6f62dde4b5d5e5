"""Issue 15 point 4, "the role builds": the seeds, imported from every shape into a content folder
with the shipped organisations, go through the real `roleprint build`.

Imported roles are drafts (`status: draft`): the build succeeds and says it left them out, so an
unchecked draft never reaches the live site by accident; `--drafts` builds them, each page
marked as a draft, out of the search index and without its internal notes.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from generator.cli import run
from generator.importer.command import draft_id
from generator.importer.command import run as run_import
from tests.conftest import ROOT
from tests.importer import importdocs
from tests.importer.importmeasure import content_copy, review_shown

pytestmark = pytest.mark.pdf  # the PDF shapes render with WeasyPrint
VACANCY = "supervised-contact-co-ordinator-2027"  # an open vacancy for a seed role


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # where mkdocs.yml is


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Every shape once, the seeds in turn, each with its own title so that none clash."""
    where = tmp_path_factory.mktemp("import-build")
    content = content_copy(where)
    shutil.copy(importdocs.CONTENT / "glossary.yaml", content)
    (content / "vacancies").mkdir()
    shutil.copy(importdocs.CONTENT / "vacancies" / f"{VACANCY}.yaml", content / "vacancies")
    ids = []
    for index, shape in enumerate(importdocs.SHAPES):
        record, organisation = importdocs.SEEDS[index % len(importdocs.SEEDS)]
        data = importdocs.load(record)
        if index >= len(importdocs.SEEDS) or not VACANCY.startswith(record.split("/")[-1]):
            # each title different, but one role keeps its id: the vacancy is for it
            data["title"] = f"{data['title']} {index}"
        path = importdocs.write(shape, record, where, data)
        out = io.StringIO()
        assert run_import([path], organisation, content, out=out, err=io.StringIO()) == 0, (
            out.getvalue())
        ids.append(draft_id(data["title"], path.stem))
    assert len(set(ids)) == len(importdocs.SHAPES)
    return content, ids


@pytest.mark.usefixtures("in_root")
def test_imported_drafts_validate_and_build_but_are_not_published(
        imported: tuple[Path, list[str]], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    content, ids = imported
    assert all((content / "roles" / f"{i}.yaml").read_text("utf-8").count("\nstatus: draft\n")
               == 1 for i in ids)
    capsys.readouterr()
    assert run(["validate", "--content", str(content)]) == 0
    said = capsys.readouterr().out
    lines = (content / "vacancies" / f"{VACANCY}.yaml").read_text("utf-8").splitlines()
    at = next(n for n, line in enumerate(lines, 1) if line.startswith("role: "))
    assert (f"vacancies/{VACANCY}.yaml:{at}:7: warning: $.role: the role "
            "'supervised-contact-co-ordinator' is a draft (status: draft), so roleprint build "
            "leaves this open vacancy out of the site with it") in said, said
    site = tmp_path / "site"
    assert run(["build", "--content", str(content), "--site-dir", str(site), "--no-pdf"]) == 0
    err = capsys.readouterr().err
    assert f"Left out {len(ids)} draft role(s) (" in err and "delete its 'status: draft'" in err
    assert f"1 vacancy record(s) for them ({VACANCY})" in err
    assert "Traceback" not in err
    assert (site / "index.html").is_file()
    assert not any((site / "roles" / i).exists() for i in ids)
    assert not (site / "vacancies" / VACANCY).exists()  # its role is not published yet
    roles_index = (site / "roles" / "index.html").read_text("utf-8")
    assert "There are no roles yet." in roles_index


@pytest.mark.usefixtures("in_root")
def test_drafts_build_marked_as_drafts_when_asked(imported: tuple[Path, list[str]],
                                                  tmp_path: Path) -> None:
    content, ids = imported
    site = tmp_path / "site"
    assert run(["build", "--content", str(content), "--site-dir", str(site), "--no-pdf",
                "--drafts"]) == 0
    search = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    searchable = {doc["location"].split("#")[0] for doc in search["docs"]}
    assert f"vacancies/{VACANCY}/" in searchable  # pages that are not drafts are searchable
    for record_id in ids:
        page = (site / "roles" / record_id / "index.html").read_text("utf-8")
        assert "Draft: not yet checked" in page, record_id
        assert review_shown(content / "roles" / f"{record_id}.yaml", page) == []
        assert f"roles/{record_id}/" not in searchable
    assert "To prepare staff rotas to ensure adequate staffing" in (
        site / "roles" / "supervised-contact-co-ordinator" / "index.html").read_text("utf-8")
    assert (site / "vacancies" / VACANCY / "index.html").is_file()
    assert "(draft)" in (site / "roles" / "index.html").read_text("utf-8")
