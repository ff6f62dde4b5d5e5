"""Pick the reader by file type, after the guard has looked at the file."""

from __future__ import annotations

from pathlib import Path

from generator.importer.blocks import Block, read_text
from generator.importer.guard import Refused, check_docx, check_file

FORMATS = {".docx": "Word", ".pdf": "PDF", ".txt": "text", ".md": "Markdown"}


def read(path: Path) -> tuple[list[Block], str]:
    """The document's blocks and its format's name; Refused when it cannot or must not be read."""
    check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from generator.importer.readdocx import read_docx

        package = check_docx(path)
        try:
            blocks = read_docx(package)
        except Refused:
            raise
        except Exception as err:  # python-docx raises many kinds for a damaged package
            raise Refused(f"the Word document could not be read ({type(err).__name__})",
                          "open it in Word and save it again as .docx") from None
    elif suffix == ".pdf":
        from generator.importer.readpdf import read_pdf

        blocks = read_pdf(path)
    else:
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")  # Word's "Plain text" default
        blocks = read_text(text, markdown=suffix == ".md")
    if not blocks:
        raise Refused("the document has no text in it, so nothing was imported")
    return blocks, FORMATS[suffix]
