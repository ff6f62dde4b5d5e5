"""A small font for the PDFs' fillable fields.

WeasyPrint cuts each font down to the glyphs a PDF prints, except the font of a fillable field:
that one is embedded whole, since whoever fills the form in may type any character. With the
system's Liberation Sans that is 139 KB in every PDF, most of a form's size. So the fields get
a copy cut down to the scripts applicants' names and answers use: Latin (Latin-1, Latin
Extended-A, the Romanian letters), Greek, Cyrillic, and common punctuation and currency signs.
It is made from the installed font when first needed and kept in the cache folder.
"""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path

from generator.cache import digest, folder, write_whole

SOURCES = tuple(Path(p) for p in (
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
))
# Welsh: ŵ ŷ (Latin Extended-A), ẁ ẃ ẅ (1E80 to 1E85) and ỳ Ỳ (1EF2, 1EF3).
RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x218, 0x21B), (0x2C6, 0x2DD), (0x370, 0x3FF),
          (0x400, 0x45F), (0x490, 0x491), (0x1E80, 0x1E85), (0x1EF2, 0x1EF3), (0x2010, 0x2027),
          (0x2030, 0x203A), (0x20AC, 0x20AC), (0x2116, 0x2116), (0x2122, 0x2122))
FAMILY = "Roleprint Fields"


def _subset(raw: bytes) -> bytes:
    from fontTools import subset  # a WeasyPrint dependency
    from fontTools.ttLib import TTFont

    # It reports each table it leaves out (such as FontForge's timestamps): nothing to act on.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)

    options = subset.Options()
    options.hinting = False       # hints matter for small text on old screens, not here
    options.name_IDs = ["*"]      # keep the licence and copyright notices
    options.notdef_outline = True
    font = TTFont(io.BytesIO(raw))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[c for low, high in RANGES for c in range(low, high + 1)])
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


@functools.cache
def field_font() -> Path | None:
    """The cut-down font file, or None where no Liberation Sans is installed (the fields then
    use the stylesheet's font, embedded whole)."""
    source = next((path for path in SOURCES if path.is_file()), None)
    if source is None:
        return None
    raw = source.read_bytes()
    target = (folder() / "fonts" / f"fields-{digest([raw, repr(RANGES)])[:16]}.ttf").resolve()
    if not target.is_file():
        write_whole(target, _subset(raw))
    return target


def field_css(font: Path) -> str:
    """A stylesheet giving every field the cut-down font (user origin, hence !important)."""
    return (f'@font-face {{ font-family: "{FAMILY}"; src: url("{font.as_uri()}"); }}\n'
            f'input, textarea, select {{ font-family: "{FAMILY}" !important; }}\n')
