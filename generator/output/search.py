"""The site's search index: Pagefind over the built site, a step after the site engine.

Takes in a built site (MkDocs' or Zensical's: the step is the same for both) whose searchable
pages mark their text with `data-pagefind-body` (the theme's `main.html`); gives out the index
in `pagefind/` inside it: the index in small chunks, fetched a few at a time as a visitor types,
so a first search downloads a few hundred kilobytes however many roles there are, not the whole
index as Material's own search did. Raises `BuildFailed` with Pagefind's own words.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path

from generator.core.errors import BuildFailed
from generator.output.search_order import fix_order

FOLDER = "pagefind"
# Elements left out of the index: the lists of other pages (each page is in the index itself)
# and the tables marked unindexed, as Material's search and Zensical's left them out too; and
# the headings' permalink signs, which would end every title with "¶".
LEFT_OUT = "[data-search-exclude], .headerlink"


# Pagefind comes from npm, pinned in package.json and package-lock.json: its 1.6 release searches
# a word on nearly every page of a large site about three times faster than 1.5, the last on
# PyPI (docs/search.md). `npm ci` (`make site`) puts the binary for this machine in
# node_modules/@pagefind/<system>-<processor>/bin/, as Pagefind's own npm wrapper finds it.
CHECKOUT = Path(__file__).resolve().parent.parent.parent  # as the editor finds Decap there
NAMES = ("pagefind_extended", "pagefind")
PROCESSORS = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}


def executable() -> Path:
    """The Pagefind binary: the one named by `PAGEFIND_BINARY_PATH` (Pagefind's own setting),
    or the one npm installed for this machine in the checkout's node_modules. Run as it is, not
    through Node or a second Python, which a user other than the one who installed them may not
    be allowed to start."""
    named = os.environ.get("PAGEFIND_BINARY_PATH")
    if named:
        return Path(named)
    system = "windows" if sys.platform == "win32" else sys.platform
    processor = PROCESSORS.get(platform.machine().lower(), platform.machine().lower())
    folder = CHECKOUT / "node_modules" / "@pagefind" / f"{system}-{processor}" / "bin"
    for name in NAMES:
        found = folder / (f"{name}.exe" if system == "windows" else name)
        if found.is_file():
            return found
    raise FileNotFoundError(f"no Pagefind binary in {folder}")


def command(site_dir: Path) -> list[str]:
    """Pagefind's command line for `site_dir`."""
    return [str(executable()), "--site", str(site_dir), "--output-subdir", FOLDER,
            "--glob", "**/index.html", "--exclude-selectors", LEFT_OUT, "--force-language",
            "en", "--silent"]


def index_site(site_dir: Path) -> None:
    """Write the search index of the built site in `site_dir` into `site_dir/pagefind/`."""
    try:
        done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:  # FileNotFoundError from executable(), or the run itself
        raise BuildFailed(f"the search index could not be made: Pagefind could not be started "
                          f"({error}); run `make site`, which installs it (npm ci)") from error
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
        raise BuildFailed(f"the search index could not be made (Pagefind): {said}")
    fix_order(site_dir / FOLDER)


def indexed(site_dir: Path) -> dict[str, dict[str, object]]:
    """Each page in the site's search index by address: its text, metadata and filters, as
    Pagefind stored them (for the tests and `make zensical-check`)."""
    import gzip
    import json

    pages: dict[str, dict[str, object]] = {}
    for fragment in sorted((site_dir / FOLDER / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        page = json.loads(data)
        pages[page["url"]] = page
    return pages
