"""Refuse hostile or unreadable files before any parser sees them, and write nothing for them."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

from generator.core.errors import Refused

MAX_BYTES = 20 * 1024 * 1024  # far above any real job description (a few hundred KB)
MAX_UNZIPPED = 60 * 1024 * 1024  # what all the parts of a .docx may expand to, together
# What the parts that are XML may come to, together: the reader holds about ten times that
# in memory, and a job description's is under 1 MB (a hundred pages is about 5 MB).
MAX_XML = 10 * 1024 * 1024
MAX_RATIO = 100  # text compresses about 10:1; a zip bomb does 1,000:1 or more
CHUNK = 1024 * 1024  # unpacked a piece at a time, counting, whatever the sizes stated
MAX_PAGES = 200
SUFFIXES = (".docx", ".pdf", ".txt", ".md")
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Microsoft's compound file
# "<!DOCTYPE" or "<!ENTITY" can only be markup: in text, Word writes "&lt;!"
_DECLARATION = re.compile(rb"<!(?:doctype|entity)", re.I)
# How an XML part starts, whatever its name: "<", after spaces or a byte order mark
_XML_START = re.compile(rb"(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)?\s*<")
# a macro project's content type or relationship, whatever its part is called
_MACROS = re.compile(rb"macroEnabled|vbaProject|relationships/wordVbaData", re.I)


def check_file(path: Path) -> None:
    """Raise Refused if the file is of a kind or size the importer does not read. A .docx is
    then unpacked by `check_docx`, which checks what is inside."""
    suffix = path.suffix.lower()
    if suffix in (".docm", ".dotm", ".doc"):
        raise Refused(f"'{suffix}' files are not read" + (
            " (a .docm may carry macros)" if suffix != ".doc" else ""),
            "save it from Word as a .docx document (Word Document, no macros) and import that")
    if suffix not in SUFFIXES:
        raise Refused(f"'{suffix or path.name}' is not a format the importer reads",
                      "use .docx, .pdf, .txt or .md")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise Refused(f"the file is {size / 1048576:.1f} MB; files over "
                      f"{MAX_BYTES // 1048576} MB are refused",
                      "a job description is rarely over 1 MB: save it without images")
    if size == 0:
        raise Refused("the file is empty")


def _check_part(name: str, data: bytes | bytearray) -> None:
    """One part, whatever its name, read whole (a long comment may come before a DOCTYPE)."""
    # UTF-16 or UTF-32 XML: the same declaration with zero bytes between its letters
    wide = data.replace(b"\0", b"") if b"\0" in data[:4] else b""
    if _DECLARATION.search(data) or _DECLARATION.search(wide):
        raise Refused(f"the document's XML ({name}) declares entities, which Word never "
                      "writes; it is not read", "open it in Word and save it again as .docx")
    if _MACROS.search(data):  # a macro part under another name, found by its type
        raise Refused("the document contains macros, which are never opened",
                      "save it from Word as a .docx document without macros")


def _zip_bomb(amount: str) -> Refused:
    return Refused(f"the document would expand to {amount} when unpacked (a zip bomb?)",
                   "open it in Word and save it again; if that fails, do not use it")


def check_docx(path: Path) -> io.BytesIO:
    """A .docx is a zip: refuse zip bombs, macros and XML with entity declarations. Returns
    the package again, rebuilt from the bytes checked (stored, not compressed), for the reader:
    unpacking the file a second time would trust the sizes its directory states."""
    with path.open("rb") as handle:
        ole = handle.read(8) == OLE_SIGNATURE
    if ole:  # Word saves a password-protected .docx (or an old .doc) in this container
        raise Refused("the document is password-protected, or is an old .doc renamed .docx, "
                      "so it is not read",
                      "open it in Word, remove the password (File, Info, Protect Document), "
                      "and save it as a .docx document")
    if not zipfile.is_zipfile(path):
        raise Refused("the file is not a Word .docx document (it is not a zip package)",
                      "open it in Word and save it again as .docx")
    try:
        with zipfile.ZipFile(path) as package:
            return _unpack(package, path.stat().st_size)
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError,
            ValueError) as err:  # damaged, encrypted or compressed in a way zipfile lacks
        raise Refused(f"the .docx package is damaged ({err})",
                      "open it in Word and save it again") from None


def _unpack(package: zipfile.ZipFile, size: int) -> io.BytesIO:
    infos = package.infolist()
    names = {info.filename.lower() for info in infos}
    if any(name.endswith("vbaproject.bin") or "vbadata" in name for name in names):
        raise Refused("the document contains macros, which are never opened",
                      "save it from Word as a .docx document without macros")
    if len({info.filename for info in infos}) < len(infos):
        raise zipfile.BadZipFile("two parts have the same name")
    # What the directory states first (cheap), then what the parts really expand to.
    stated = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if stated > MAX_UNZIPPED or stated / packed > MAX_RATIO:
        raise _zip_bomb(f"{stated / 1048576:.0f} MB")
    if "word/document.xml" not in names:
        raise Refused("the package has no Word document in it",
                      "open it in Word and save it again as .docx")
    cap = min(MAX_UNZIPPED, MAX_RATIO * size)
    rebuilt = io.BytesIO()
    unpacked = xml = 0
    with zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_STORED) as honest:
        for info in infos:
            data = bytearray()
            with package.open(info) as part:
                while chunk := part.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > cap:
                        raise _zip_bomb(f"more than {cap / 1048576:.1f} MB")
                    data += chunk
            _check_part(info.filename, data)
            xml += len(data) if _XML_START.match(data) else 0
            if xml > MAX_XML:
                raise Refused(f"the document's text and layout (its XML) come to more than "
                              f"{MAX_XML // 1048576} MB, far more than a job description's",
                              "import one role per file")
            honest.writestr(info.filename, data)
    rebuilt.seek(0)
    return rebuilt
