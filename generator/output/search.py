"""The site's search index: Pagefind over the built site, a step after the site engine.

Takes in a built site (MkDocs' or Zensical's: the step is the same for both) whose searchable
pages mark their text with `data-pagefind-body` (the theme's `main.html`); gives out the index
in `pagefind/` inside it: the index in small chunks, fetched a few at a time as a visitor types,
so a first search downloads a few hundred kilobytes however many roles there are, not the whole
index as Material's own search did. Raises `BuildFailed` with Pagefind's own words.
"""

from __future__ import annotations

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


def command(site_dir: Path) -> list[str]:
    """Pagefind's command line for `site_dir` (the pip package's own binary)."""
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", FOLDER,
            "--glob", "**/index.html", "--exclude-selectors", LEFT_OUT, "--force-language",
            "en", "--silent"]


def index_site(site_dir: Path) -> None:
    """Write the search index of the built site in `site_dir` into `site_dir/pagefind/`."""
    done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
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
