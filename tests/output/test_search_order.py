"""The search index in a fixed order: Pagefind over the same pages twice gives the same bytes
(generator/output/search_order.py); what its files hold is unchanged but for the order."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from pathlib import Path

import pytest

from generator.core.errors import BuildFailed
from generator.output.search import CHECKOUT, FOLDER, executable, index_site
from generator.output.search_order import SIGNATURE, fix_order, read

PLACES = ["Bristol", "Cornwall", "Darlington", "East Kent", "Leeds", "Norwich", "York", "Wigan"]


def small_site(folder: Path) -> Path:
    """A site of eight pages, one a place, each carrying a filter with that place's name."""
    for n, place in enumerate(PLACES):
        page = folder / f"page-{n}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(
            f'<!doctype html><html lang="en"><head><title>Role {n}</title></head><body>'
            f'<main data-pagefind-body><h1>Role {n}</h1><p>Support work in {place}.</p>'
            f'<span data-pagefind-filter="location">{place}</span>'
            f'<span data-pagefind-filter="grade">Band {n % 3}</span></main></body></html>',
            encoding="utf-8")
    return folder


def digests(index: Path) -> dict[str, str]:
    return {path.relative_to(index).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(index.rglob("*")) if path.is_file()}


def test_two_indexings_of_the_same_pages_give_the_same_bytes(tmp_path: Path) -> None:
    one, two = small_site(tmp_path / "one"), small_site(tmp_path / "two")
    index_site(one)
    index_site(two)
    assert digests(one / FOLDER) == digests(two / FOLDER)


def test_the_filters_hold_every_value_sorted_and_the_entry_names_the_meta(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    index_site(site)
    index = site / FOLDER
    (meta,) = index.glob("pagefind.*.pf_meta")
    assert meta.name.removeprefix("pagefind.").removesuffix(".pf_meta") in (
        index / "pagefind-entry.json").read_text(encoding="utf-8")
    filters = dict(read(meta)[3])
    assert sorted(filters) == ["grade", "location"]
    assert sorted(p.stem for p in (index / "filter").iterdir()) == sorted(filters.values())
    name, values = read(index / "filter" / f"{filters['location']}.pf_filter")
    assert name == "location"
    assert [value for value, _pages in values] == sorted(PLACES)
    assert sorted(len(pages) for _value, pages in values) == [1] * len(PLACES)


def test_an_index_laid_out_otherwise_stops_the_build_with_a_plain_error(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    index_site(site)
    (meta,) = (site / FOLDER).glob("pagefind.*.pf_meta")
    meta.write_bytes(gzip.compress(SIGNATURE + b"\x81\x01"))  # [1]: no filters where 1.6 has them
    with pytest.raises(BuildFailed, match=r"not laid out as Pagefind 1\.6 lays it out"):
        fix_order(site / FOLDER)


def test_a_missing_pagefind_stops_the_build_with_a_plain_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A checkout whose node_modules has no Pagefind (npm ci not run)."""
    monkeypatch.delenv("PAGEFIND_BINARY_PATH", raising=False)
    monkeypatch.setattr("generator.output.search.CHECKOUT", tmp_path / "checkout")
    with pytest.raises(BuildFailed, match=r"Pagefind could not be started .*run `make site`"):
        index_site(small_site(tmp_path / "site"))


def test_pagefind_is_the_release_package_lock_json_pins() -> None:
    """The build runs the binary npm installed from package-lock.json, and that is the
    release whose index layout `fix_order` reads."""
    lock = json.loads((CHECKOUT / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/pagefind"]["version"]
    said = subprocess.run([str(executable()), "--version"], capture_output=True, text=True,
                          check=True).stdout.split()
    assert said == ["pagefind", pinned]
