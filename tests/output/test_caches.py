"""The caches are only ever a shortcut: an edit always shows, a schema or renderer change
invalidates everything, a deleted record disappears, and a damaged cache is rebuilt."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from pathlib import Path

import pytest

from generator.cli import run
from generator.content import cached as cached_module
from generator.content.cached import load_cached
from generator.content.load import FileMemo, load
from generator.content.validate import validate
from generator.core.cache import Cache, digest, schema_version, write_whole
from generator.core.problems import Problem
from generator.render.forms import pdfbatch
from generator.render.forms.pdf import pdf_bytes
from generator.render.forms.pdfbatch import PdfJob, render_pdfs
from tests.conftest import CONTENT, RECRUITING, ROOT


def no_checking(*args: object, **kwargs: object) -> object:
    raise AssertionError("the content was checked again instead of coming from the cache")


# --- validate ---------------------------------------------------------------------------------

def test_nothing_changed_gives_the_recorded_report_without_checking(
        base_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache("validate", tmp_path / "cache")
    (base_content / "roles" / "extra.yaml").write_text("title: Extra\norganisation: nobody\n")
    first = validate(base_content, cache)
    assert any("nobody" in p.message for p in first[0])
    monkeypatch.setattr("generator.content.load.load", no_checking)
    assert validate(base_content, cache) == first


def test_an_edit_is_always_seen(base_content: Path, tmp_path: Path) -> None:
    cache = Cache("validate", tmp_path / "cache")
    assert validate(base_content, cache)[0] == []
    role = base_content / "roles" / "support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    problems, _ = validate(base_content, cache)
    assert [p.json_path for p in problems] == ["$.colour"]
    role.write_text(role.read_text(encoding="utf-8").replace("colour: blue\n", ""),
                    encoding="utf-8")
    assert validate(base_content, cache)[0] == []


def test_a_new_or_deleted_file_is_seen(base_content: Path, tmp_path: Path) -> None:
    cache = Cache("validate", tmp_path / "cache")
    _, files = validate(base_content, cache)
    shutil.copy(base_content / "roles" / "support-worker.yaml",
                base_content / "roles" / "second-worker.yaml")
    assert validate(base_content, cache) == ([], files + 1)
    (base_content / "roles" / "second-worker.yaml").unlink()
    assert validate(base_content, cache) == ([], files)


def test_a_schema_change_invalidates_every_report(base_content: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    schemas = tmp_path / "schemas"
    shutil.copytree(ROOT / "schemas", schemas)
    before = schema_version(schemas)
    role_schema = schemas / "role.schema.json"
    role_schema.write_text(role_schema.read_text(encoding="utf-8").replace(
        '"title"', '"title" ', 1), encoding="utf-8")
    assert schema_version(schemas) != before

    cache = Cache("validate", tmp_path / "cache")
    validate(base_content, cache)
    monkeypatch.setattr(cached_module, "schema_version", lambda: "another-version")
    calls = []
    real_load = load

    def counting_load(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return real_load(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("generator.content.load.load", counting_load)
    validate(base_content, cache)
    assert len(calls) == 1


def test_an_unreadable_file_is_not_keyed_like_an_empty_one(
        base_content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    role = base_content / "roles" / "support-worker.yaml"
    role.write_bytes(b"")
    empty = cached_module.content_key(base_content)
    real_read = cached_module.read_file

    def unreadable(path: Path, display: str) -> tuple[bytes | None, list[Problem]]:
        if path == role:
            return None, [Problem(display, 1, 1, "$", "this file cannot be read")]
        return real_read(path, display)

    monkeypatch.setattr(cached_module, "read_file", unreadable)
    assert cached_module.content_key(base_content) != empty


def test_the_model_is_kept_and_given_back_while_the_content_is_unchanged(
        base_content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache("model", tmp_path / "cache")
    first = load_cached(base_content, cache)
    assert first.site is not None and first.site.roles

    def no_load(*args: object, **kwargs: object) -> object:
        raise AssertionError("the content was loaded again")

    monkeypatch.setattr(cached_module, "load", no_load)
    again = load_cached(base_content, cache)
    assert again.site == first.site and again.problems == first.problems
    assert again.files == first.files
    monkeypatch.undo()

    role = base_content / "roles" / "support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "title: Support Worker\n", "title: Zebra Worker\n"), encoding="utf-8")
    changed = load_cached(base_content, cache)
    assert changed.site is not None
    assert changed.site.roles["support-worker"].title == "Zebra Worker"
    # Only the latest model is kept.
    entries = [p for p in cache.root.rglob("*") if p.is_file()]
    assert entries == [cache.path(cached_module.content_key(base_content))]


def test_a_damaged_or_foreign_model_entry_is_loaded_afresh(base_content: Path,
                                                           tmp_path: Path) -> None:
    cache = Cache("model", tmp_path / "cache")
    first = load_cached(base_content, cache)
    key = cached_module.content_key(base_content)
    for stored in (b"not a pickle", pickle.dumps({"a": "dict, not a load result"})):
        cache.put(key, stored)  # sealed as the cache seals it, so only its contents are wrong
        assert load_cached(base_content, cache).site == first.site
        assert cache.get(key) != stored  # stored afresh
    for entry in cache.root.glob("*/*"):
        entry.write_bytes(entry.read_bytes()[:-7])  # cut short: fails the cache's own check
    assert load_cached(base_content, cache).site == first.site


def test_content_with_errors_is_never_kept(base_content: Path, tmp_path: Path) -> None:
    cache = Cache("model", tmp_path / "cache")
    role = base_content / "roles" / "support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")
    result = load_cached(base_content, cache)
    assert result.site is None and result.problems
    assert [p for p in cache.root.rglob("*") if p.is_file()] == []


def test_a_failed_cache_write_leaves_no_scratch_file(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache("validate", tmp_path / "cache")

    real_write = Path.write_bytes

    def full_disk(self: Path, data: bytes) -> int:
        real_write(self, data[:2])  # half written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(OSError):
        write_whole(cache.path("ab" * 32), b"report")
    monkeypatch.undo()
    assert [p for p in (tmp_path / "cache").rglob("*") if p.is_file()] == []


def test_a_damaged_entry_is_checked_again(base_content: Path, tmp_path: Path) -> None:
    cache = Cache("validate", tmp_path / "cache")
    first = validate(base_content, cache)
    for entry in cache.root.glob("*/*"):
        entry.write_bytes(b"{not json")
    assert validate(base_content, cache) == first


def test_an_unwritable_cache_never_stops_validate(base_content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    assert validate(base_content, Cache("validate", blocked))[0] == []


def test_the_validate_command_uses_the_cache(base_content: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["validate", "--content", str(base_content)]) == 0
    first = capsys.readouterr().out
    monkeypatch.setattr("generator.content.load.load", no_checking)
    assert run(["validate", "--content", str(base_content)]) == 0
    assert capsys.readouterr().out == first


# --- the in-memory memo used by the preview ---------------------------------------------------

def test_the_memo_rereads_only_changed_files_and_forgets_deleted_ones(base_content: Path) -> None:
    memo: FileMemo = {}
    first = load(base_content, memo=memo)
    assert first.site is not None
    keys = set(memo)
    again = load(base_content, memo=memo)
    assert again.site == first.site and set(memo) == keys

    role = base_content / "roles" / "support-worker.yaml"
    role.write_text(role.read_text(encoding="utf-8").replace(
        "title: Support Worker\n", "title: Memo Worker\n"), encoding="utf-8")
    edited = load(base_content, memo=memo)
    assert edited.site is not None
    assert edited.site.roles["support-worker"].title == "Memo Worker"
    assert len(set(memo) - keys) == 1

    (base_content / "criteria" / "enhanced-dbs.yaml").rename(base_content / "spare.txt")
    load(base_content, memo=memo)
    assert not any("enhanced-dbs" in key[0] for key in memo)


# --- PDFs -------------------------------------------------------------------------------------

HTML = ("<!DOCTYPE html><html lang='en-GB'><head><title>T</title></head><body><h1>{}</h1>"
        "<label for='a'>Name</label><input id='a' name='a'></body></html>")


def jobs(folder: Path, count: int, text: str = "Form") -> list[PdfJob]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for n in range(count):
        form = folder / f"{text.lower()}-{n}.html"
        form.write_text(HTML.format(f"{text} {n}"), encoding="utf-8")
        made.append(PdfJob(form, form.with_suffix(".pdf")))
    return made


def test_pdfs_are_rendered_once_then_reused(tmp_path: Path) -> None:
    cache = Cache("pdf", tmp_path / "cache")
    first = render_pdfs(jobs(tmp_path / "one", 3), cache=cache)
    assert (first.rendered, first.reused) == (3, 0)
    second = render_pdfs(jobs(tmp_path / "two", 3), cache=cache)
    assert (second.rendered, second.reused) == (0, 3)
    for n in range(3):
        assert (tmp_path / "one" / f"form-{n}.pdf").read_bytes() == \
            (tmp_path / "two" / f"form-{n}.pdf").read_bytes()
    changed = render_pdfs([*jobs(tmp_path / "three", 2), *jobs(tmp_path / "three", 1, "New")],
                          cache=cache)
    assert (changed.rendered, changed.reused) == (1, 2)
    assert str(changed) == "PDFs: 1 rendered, 2 reused from the cache."


def test_the_key_is_still_that_of_the_html_text_so_old_caches_stay_valid(tmp_path: Path) -> None:
    (job,) = jobs(tmp_path, 1)
    cache = Cache("pdf", tmp_path / "cache")
    html = HTML.format("Form 0")
    cache.put(digest([pdfbatch.renderer_version(), pdfbatch.FIXED_DATE, html]), b"%PDF-cached")
    assert render_pdfs([job], cache=cache).reused == 1
    assert job.out.read_bytes() == b"%PDF-cached"


def test_worker_processes_give_the_same_bytes_as_this_process(tmp_path: Path) -> None:
    assert pdfbatch.workers() >= 1
    batch = jobs(tmp_path, pdfbatch.POOL_THRESHOLD + 1)
    stats = render_pdfs(batch, cache=Cache("pdf", tmp_path / "cache"))
    assert stats.rendered == len(batch)
    for job in batch:
        assert job.out.read_bytes() == pdf_bytes(job.source.read_text(encoding="utf-8"))


def test_a_new_renderer_invalidates_every_pdf(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    cache = Cache("pdf", tmp_path / "cache")
    render_pdfs(jobs(tmp_path, 1), cache=cache)
    monkeypatch.setattr(pdfbatch, "renderer_version", lambda: "another-weasyprint")
    assert render_pdfs(jobs(tmp_path, 1), cache=cache).rendered == 1
    assert render_pdfs(jobs(tmp_path, 1), cache=cache, created="2030-01-01T00:00:00Z"
                       ).rendered == 1


def test_a_rebuild_after_one_edit_renders_only_that_roles_pdfs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("ROLEPRINT_CACHE", str(tmp_path / "cache"))
    content, site = tmp_path / "content", tmp_path / "site"
    shutil.copytree(CONTENT, content)
    roles = RECRUITING  # only a role with a vacancy has forms
    assert run(["build", "--content", str(content), "--site-dir", str(site)]) == 0
    assert f"PDFs: {5 * len(roles)} rendered, 0 reused" in capsys.readouterr().out
    before = {p.relative_to(site): hashlib.sha256(p.read_bytes()).hexdigest()
              for p in site.rglob("*.pdf")}

    edited = content / "roles" / "supervised-contact-co-ordinator.yaml"
    text = edited.read_text(encoding="utf-8")
    assert "title: Supervised Contact Co-Ordinator" in text
    edited.write_text(text.replace("title: Supervised Contact Co-Ordinator",
                                   "title: Contact Supervisor", 1),
                      encoding="utf-8")
    assert run(["build", "--content", str(content), "--site-dir", str(site)]) == 0
    assert f"PDFs: 5 rendered, {5 * (len(roles) - 1)} reused" in capsys.readouterr().out
    after = {p.relative_to(site): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in site.rglob("*.pdf")}
    changed = sorted(str(path.parent.parent.name) for path in before if before[path] != after[path])
    assert changed == ["supervised-contact-co-ordinator"] * 5

    (content / "roles" / "supervised-contact-co-ordinator.yaml").unlink()
    (content / "vacancies" / "supervised-contact-co-ordinator-2027.yaml").unlink()
    assert run(["build", "--content", str(content), "--site-dir", str(site), "--no-pdf"]) == 0
    assert not (site / "roles" / "supervised-contact-co-ordinator").exists()
    assert "Contact Supervisor" not in (site / "roles" / "index.html").read_text(encoding="utf-8")
