"""No published file holds an absolute path of the build machine: every file of a full build
(site, forms and their PDFs, Word and Excel files) is searched, inside its compressed parts too."""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.render.forms.pdf import pdf_bytes
from tests.conftest import ROOT

pytestmark = pytest.mark.pdf

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)


def inflate(data: bytes) -> bytes | None:
    try:
        return zlib.decompressobj().decompress(data)
    except zlib.error:
        return None


def readable_parts(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    """The file's bytes and everything packed inside them: each PDF stream inflated, each
    member of a Word or Excel file (zip), a gzipped file unpacked."""
    yield name, data
    if data.startswith(b"%PDF"):
        for number, match in enumerate(_STREAM.finditer(data)):
            inflated = inflate(match.group(1))
            if inflated is not None:
                yield f"{name} stream {number}", inflated
    elif data.startswith(b"PK\x03\x04"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                yield from readable_parts(f"{name}!{member}", archive.read(member))
    elif data.startswith(b"\x1f\x8b"):
        yield f"{name} (unpacked)", gzip.decompress(data)


def machine_paths(*extra: Path) -> set[bytes]:
    """Absolute folders of this machine that a careless renderer could write into a file."""
    folders = {ROOT, Path(sys.prefix), Path(sys.base_prefix), Path.home(), *extra}
    cache = os.environ.get("ROLEPRINT_CACHE")
    if cache:
        folders.add(Path(cache))
    found = set()
    for folder in folders:
        text = str(folder.resolve())
        if len(text) > 1:  # "/" is in every URL
            found |= {text.encode(), text.encode("utf-16-be"), Path(text).as_uri().encode()}
    return found


# Any file: URL naming a folder, wherever the build ran (Material's own script mentions
# the `file://` protocol in a comment, which names none).
_FILE_URL = re.compile(rb"file://(?:localhost)?/+[\w.-]+/")


def leaks(name: str, data: bytes, paths: set[bytes]) -> list[str]:
    found = []
    for part, blob in readable_parts(name, data):
        found += [f"{part}: {path!r}" for path in paths if path in blob]
        found += [f"{part}: {m.group()!r}" for m in _FILE_URL.finditer(blob)]
    return found


def test_no_published_file_holds_a_build_path(built_site: Path,
                                             tmp_path_factory: pytest.TempPathFactory) -> None:
    paths = machine_paths(tmp_path_factory.getbasetemp(), built_site)
    found: list[str] = []
    kinds: dict[str, int] = {}
    for file in sorted(p for p in built_site.rglob("*") if p.is_file()):
        kinds[file.suffix] = kinds.get(file.suffix, 0) + 1
        found += leaks(file.relative_to(built_site).as_posix(), file.read_bytes(), paths)
    assert found == []
    # The build really made every kind of download that is searched.
    for suffix in (".html", ".pdf", ".docx", ".xlsx", ".csv", ".json", ".gz"):
        assert kinds.get(suffix, 0) >= 1, suffix
    assert kinds[".pdf"] >= 10  # five forms for each of the two roles with a vacancy


def test_the_search_looks_inside_compressed_pdf_streams() -> None:
    """A path written only inside a PDF's compressed streams is found."""
    marker = str(ROOT.resolve())
    html = ('<!doctype html><html lang="en"><head><title>t</title></head><body><p>'
            f'<a href="https://example.org{marker}/">a link</a></p></body></html>')
    data = pdf_bytes(html)
    assert marker.encode() not in data  # compressed: a plain grep of the file would miss it
    assert leaks("probe.pdf", data, {marker.encode()})


def test_the_search_looks_inside_zips() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/core.xml", f"<x>{ROOT.resolve()}</x>" * 20)
    data = buffer.getvalue()
    assert str(ROOT.resolve()).encode() not in data
    assert leaks("probe.docx", data, machine_paths())
