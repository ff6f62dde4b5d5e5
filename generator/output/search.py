"""The site's search index: Pagefind over the built site, a step after the site engine.

Takes in a built site (MkDocs' or Zensical's: the step is the same for both) whose searchable
pages mark their text with `data-pagefind-body` (the theme's `main.html`); gives out the index
in `pagefind/` inside it: the index in small chunks, fetched a few at a time as a visitor types,
so a first search downloads a few hundred kilobytes however many roles there are, not the whole
index as Material's own search did. Raises `BuildFailed` with Pagefind's own words.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from pagefind_bin import get_executable

from generator.core.errors import BuildFailed
from generator.output.search_order import fix_order

FOLDER = "pagefind"
# Elements left out of the index: the lists of other pages (each page is in the index itself)
# and the tables marked unindexed, as Material's search and Zensical's left them out too; and
# the headings' permalink signs, which would end every title with "¶".
LEFT_OUT = "[data-search-exclude], .headerlink"


def command(site_dir: Path) -> list[str]:
    """Pagefind's command line for `site_dir`: the binary the pip package `pagefind[bin]`
    installs, run as it is (not through a second Python, which a user other than the one who
    made the virtual environment may not be allowed to start)."""
    return [str(get_executable()), "--site", str(site_dir), "--output-subdir", FOLDER,
            "--glob", "**/index.html", "--exclude-selectors", LEFT_OUT, "--force-language",
            "en", "--silent"]


def index_site(site_dir: Path) -> None:
    """Write the search index of the built site in `site_dir` into `site_dir/pagefind/`."""
    try:
        done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    except OSError as error:  # FileNotFoundError from get_executable, or the run itself
        raise BuildFailed(f"the search index could not be made: Pagefind could not be started "
                          f"({error}); run `make site` again to reinstall it") from error
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
