"""Issue 15 point 7: hostile or unreadable files get one clear refusal and nothing is written."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from generator.importer.command import run
from tests.importmeasure import content_copy


def _import(path: Path, tmp_path: Path) -> tuple[int, str, Path]:
    content = content_copy(tmp_path / "c")
    out, err = io.StringIO(), io.StringIO()
    status = run([path], "second-step", content, out=out, err=err)
    return status, out.getvalue() + err.getvalue(), content


def _docx(path: Path, text: str = "Job Title: Peer Mentor") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def _repack(source: Path, target: Path, extra: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info, extra.pop(info.filename, old.read(info)))
        for name, data in extra.items():
            new.writestr(name, data)
    return target


def _bomb(tmp_path: Path) -> Path:
    return _repack(_docx(tmp_path / "plain.docx"), tmp_path / "bomb.docx",
                   {"word/media/padding.bin": b"\0" * (20 * 1024 * 1024)})


def _macros(tmp_path: Path) -> Path:
    return _repack(_docx(tmp_path / "plain.docx"), tmp_path / "macros.docx",
                   {"word/vbaProject.bin": b"Attribute VB_Name = \"Module1\""})


def _macros_renamed(tmp_path: Path) -> Path:
    """A macro project under another part name, found by the relationship that points at it."""
    plain = _docx(tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as package:
        rels = package.read("word/_rels/document.xml.rels")
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdM" Type="http://schemas.'
                        b'microsoft.com/office/2006/relationships/vbaProject" '
                        b'Target="notes.bin"/></Relationships>')
    return _repack(plain, tmp_path / "renamed.docx", {"word/_rels/document.xml.rels": rels,
                                                      "word/notes.bin": b"Attribute VB_Name"})


def _entities(tmp_path: Path) -> Path:
    plain = _docx(tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as package:
        xml = package.read("word/document.xml")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;">]>'
              + xml.split(b"?>", 1)[1])
    return _repack(plain, tmp_path / "entities.docx", {"word/document.xml": laughs})


def _entities_after_a_comment(tmp_path: Path) -> Path:
    """The DOCTYPE pushed past the first few kilobytes by a long comment."""
    plain = _docx(tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as package:
        xml = package.read("word/document.xml")
    laughs = (b'<?xml version="1.0"?><!--' + b" " * 10_000 + b'--><!DOCTYPE w [<!ENTITY a '
              b'"lol">]>' + xml.split(b"?>", 1)[1])
    return _repack(plain, tmp_path / "entities.docx", {"word/document.xml": laughs})


def _password(tmp_path: Path) -> Path:
    """What Word writes for a .docx with a password: a compound file, not a zip."""
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4088)
    return path


def _many_pages(tmp_path: Path) -> Path:
    writer = pypdf.PdfWriter()
    for _ in range(201):
        writer.add_blank_page(595, 842)
    path = tmp_path / "long.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _docm(tmp_path: Path) -> Path:
    return _docx(tmp_path / "role.docm")


def _encrypted(tmp_path: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _scanned(tmp_path: Path) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)  # a page with nothing in its text layer, as a scan
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _malformed(tmp_path: Path) -> Path:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer<<>>")
    return path


def _stream_bomb(tmp_path: Path) -> Path:
    """A 200 KB PDF whose page content expands to 200 MB."""
    import zlib

    from pypdf.generic import NameObject, StreamObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = StreamObject()
    stream._data = zlib.compress(b" " * (200 * 1024 * 1024), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "bomb.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB on paper, little on disk
        handle.truncate(50 * 1024 * 1024)
    return path


def _not_zip(tmp_path: Path) -> Path:
    path = tmp_path / "fake.docx"
    path.write_text("Job Title: not really a Word file", encoding="utf-8")
    return path


CASES = {
    "zip bomb": (_bomb, "zip bomb"),
    "macros in a .docx": (_macros, "contains macros"),
    "macro-enabled .docm": (_docm, "may carry macros"),
    "macros under another name": (_macros_renamed, "contains macros"),
    "XML entities": (_entities, "declares entities"),
    "XML entities after a long comment": (_entities_after_a_comment, "declares entities"),
    "password-protected .docx": (_password, "password-protected"),
    "PDF of 201 pages": (_many_pages, "more than 200"),
    "encrypted PDF": (_encrypted, "encrypted"),
    "scanned PDF": (_scanned, "no text layer"),
    "malformed PDF": (_malformed, "could not be read"),
    "50 MB file": (_huge, "files over 20 MB are refused"),
    "PDF stream bomb": (_stream_bomb, "nothing was imported"),
    "not a zip": (_not_zip, "not a Word .docx document"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_file_is_refused_and_nothing_written(case: str, tmp_path: Path) -> None:
    make, words = CASES[case]
    status, output, content = _import(make(tmp_path), tmp_path)
    assert status == 1
    assert words in output, output
    assert "refused" in output and "Traceback" not in output
    assert "Imported 0, needs review 0, refused 1 (of 1 files)." in output
    assert list((content / "roles").iterdir()) == []
