"""A small font for the PDFs' fillable fields.

WeasyPrint cuts each font down to the glyphs a PDF prints, except the font of a fillable field:
that one is embedded whole, since whoever fills the form in may type any character. With the
system's Liberation Sans that is 139 KB in every PDF, most of a form's size. So the fields get
a copy cut down to the scripts applicants' names and answers use: Latin (Latin-1, Latin
Extended-A, the Romanian letters), Greek, Cyrillic, and common punctuation and currency signs.
It is made from the installed font when first needed and kept in the cache folder, beside a
file holding the SHA-256 of its name and bytes: a font that does not match it (cut short,
changed, swapped) is made again, and the command says so. Where the cache folder cannot hold
it, it is made into a temporary folder of this process instead.
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import tempfile
from multiprocessing import util
from pathlib import Path

from generator.core.cache import clear_way, digest, folder, read_regular, say, unusable, write_whole

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
FORMAT = "checked"  # in the file's name: fonts kept before they were checked are not used


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
    fonts = folder().resolve() / "fonts"
    target = fonts / f"fields-{digest([raw, repr(RANGES), FORMAT])[:16]}.ttf"
    found = checked(target)
    if found:
        return target
    data = _subset(raw)
    if found is False and not unusable(folder()):
        say(f"The cached field font {target} was damaged and has been made again.")
    try:
        _store(target, data, fonts)
    except OSError:  # the cache cannot hold it: a folder of this process's own
        target = Path(tempfile.mkdtemp(prefix="roleprint-fields-")) / target.name
        util.Finalize(None, shutil.rmtree, args=(target.parent, True), exitpriority=0)
        target.write_bytes(data)
    return target


def _sum_path(font: Path) -> Path:
    return font.with_name(font.name + ".sha256")


def checked(font: Path) -> bool | None:
    """True if the font matches its recorded digest, None if it was never made, and False if
    it is damaged (or its digest is, or anything stands in the way of either)."""
    try:
        data = read_regular(font)
        recorded = read_regular(_sum_path(font))
    except FileNotFoundError:
        return False if _sum_path(font).exists() or font.exists() else None
    except OSError:
        return False
    return recorded == digest([font.name, data]).encode("ascii")


def _store(font: Path, data: bytes, below: Path) -> None:
    """Keep the font and, after it, its digest, clearing whatever is in the way (inside the
    fonts folder, which is ours)."""
    for path in (font, _sum_path(font)):
        clear_way(path, below)
    write_whole(font, data)
    write_whole(_sum_path(font), digest([font.name, data]).encode("ascii"))


def field_css(font: Path) -> str:
    """A stylesheet giving every field the cut-down font (user origin, hence !important)."""
    return (f'@font-face {{ font-family: "{FAMILY}"; src: url("{font.as_uri()}"); }}\n'
            f'input, textarea, select {{ font-family: "{FAMILY}" !important; }}\n')
