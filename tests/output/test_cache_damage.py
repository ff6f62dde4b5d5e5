"""A damaged cache never reaches the site: every kind of damage to the PDF, Word, Excel, CSV,
field-font and compiled-template caches is found, the entry is made again, the build says so,
and the site is byte for byte the one a build with an empty cache gives.

One build with an empty cache fills a cache and gives the reference site; each case damages a
copy of that cache one way and builds again (as `roleprint build`, in a process of its own)
into a fresh folder. The content is the small fixture tree: one role, whose five PDFs, Word
file and two workbooks, and the roles' CSV list, exercise every cache a build uses.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.validate import validate
from generator.core.cache import Cache, unseal
from generator.render.forms import fieldfont
from tests.conftest import FIXTURES
from tests.output.faults_support import roleprint, tree_digest

DAMAGED = "was damaged and has been made again."


def build(content: Path, cache: Path, site: Path) -> tuple[int, str]:
    return roleprint("build", "--content", str(content), "--site-dir", str(site),
                     env={"ROLEPRINT_CACHE": str(cache)})


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """The content, a cache filled by a build from nothing, and the site that build gave."""
    work = tmp_path_factory.mktemp("reference")
    content = work / "content"
    shutil.copytree(FIXTURES / "base", content)
    status, output = build(content, work / "cache", work / "out" / "site")
    assert status == 0, output
    assert "PDFs: 5 rendered, 0 reused" in output and "Exports: 4 made, 0 reused" in output
    return content, work / "cache", tree_digest(work / "out" / "site")


# --- finding entries --------------------------------------------------------------------------

def entries(cache: Path, namespace: str, holding: bytes = b"") -> list[Path]:
    """The entries of a namespace, in a fixed order; with `holding`, those whose bytes hold it
    (b"word/" for the Word file, b"xl/" for the workbooks)."""
    found = sorted(cache.glob(f"{namespace}/*/*.entry"))
    return [p for p in found if holding in p.read_bytes()] if holding else found


def held(entry: Path) -> bytes:
    data = unseal(entry.stem, entry.read_bytes())
    assert data is not None
    return data


def font(cache: Path) -> Path:
    (path,) = cache.glob("fonts/fields-*.ttf")
    return path


def word(cache: Path) -> Path:
    return entries(cache, "exports", b"word/")[0]


def workbooks(cache: Path) -> list[Path]:
    return entries(cache, "exports", b"xl/")


def csv(cache: Path) -> Path:
    return next(p for p in entries(cache, "exports") if not held(p).startswith(b"PK"))


# --- the ways of damaging ---------------------------------------------------------------------

def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def flip(path: Path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    data[int(len(data) * at)] ^= 0x01
    path.write_bytes(bytes(data))


def swap(one: Path, other: Path) -> None:
    a, b = one.read_bytes(), other.read_bytes()
    one.write_bytes(b)
    other.write_bytes(a)


def folder_instead(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside").write_bytes(b"not an entry")


def file_instead(path: Path) -> None:
    shutil.rmtree(path)
    path.write_bytes(b"a file where a folder of the cache should be")


def loop(path: Path) -> None:
    """Unreadable, even by root (as the tests run in CI): a link to itself (ELOOP)."""
    path.unlink()
    path.symlink_to(path.name)


def pipe(path: Path) -> None:
    """A named pipe: reading it plainly would wait for ever."""
    path.unlink()
    os.mkfifo(path)


def garble_digest(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:30] + b"0" * 40 + data[70:])


Damage = Callable[[Path], None]
CASES: dict[str, tuple[Damage, str]] = {
    "pdf truncated": (lambda c: truncate(entries(c, "pdf")[0]), "The cached PDF for roles/"),
    "every pdf emptied": (lambda c: [p.write_bytes(b"") for p in entries(c, "pdf")] and None,
                          "The cached PDF for roles/support-worker/forms/interview.pdf"),
    "pdf one byte flipped": (lambda c: flip(entries(c, "pdf")[1]), "The cached PDF for roles/"),
    "two pdfs swapped": (lambda c: swap(*entries(c, "pdf")[:2]), "The cached PDF for roles/"),
    "pdf of another key copied in": (
        lambda c: shutil.copyfile(entries(c, "pdf")[2], entries(c, "pdf")[3]),
        "The cached PDF for roles/"),
    "pdf a folder": (lambda c: folder_instead(entries(c, "pdf")[0]), "The cached PDF for roles/"),
    "pdf unreadable": (lambda c: loop(entries(c, "pdf")[0]), "The cached PDF for roles/"),
    "pdf a named pipe": (lambda c: pipe(entries(c, "pdf")[0]), "The cached PDF for roles/"),
    "pdf folder a file": (lambda c: file_instead(c / "pdf"), "The cached PDF for roles/"),
    "entry folder a file": (lambda c: file_instead(entries(c, "pdf")[0].parent),
                            "The cached PDF for roles/"),
    # The first Word file of the cache: the role's profile or its application form.
    "word digest garbled": (lambda c: garble_digest(word(c)),
                            "The cached Word file for roles/support-worker/"),
    "word one byte flipped": (lambda c: flip(word(c), 0.9), "The cached Word file for roles/"),
    "excel truncated": (lambda c: [truncate(p) for p in workbooks(c)] and None,
                        "The cached Excel workbook for roles/roles.xlsx"),
    "excel cut inside its digest": (
        lambda c: workbooks(c)[0].write_bytes(workbooks(c)[0].read_bytes()[:40]),
        "The cached Excel workbook for roles/"),
    "csv swapped with word": (lambda c: swap(csv(c), word(c)),
                              "The cached CSV file for roles/roles.csv"),
    "field font truncated": (lambda c: truncate(font(c)), "The cached field font "),
    "field font garbled": (lambda c: flip(font(c)), "The cached field font "),
    "field font's digest emptied": (
        lambda c: font(c).with_name(font(c).name + ".sha256").write_bytes(b""),
        "The cached field font "),
    "field font a folder": (lambda c: folder_instead(font(c)), "The cached field font "),
    "fonts folder a file": (lambda c: file_instead(c / "fonts"), "The cached field font "),
    "compiled templates flipped": (
        lambda c: [flip(p) for p in entries(c, "templates")] and None,
        "The cached compiled template "),
    "cache folder a file": (lambda c: file_instead(c), "so the cache in"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_damaged_cache_is_made_again_and_the_site_is_a_clean_builds(
        case: str, reference: tuple[Path, Path, dict[str, str]], tmp_path: Path) -> None:
    content, filled, clean = reference
    cache = tmp_path / "cache"
    shutil.copytree(filled, cache, symlinks=True)
    damage, said = CASES[case]
    damage(cache)
    status, output = build(content, cache, tmp_path / "out" / "site")
    assert status == 0 and "Traceback" not in output, output
    assert said in output, output
    assert tree_digest(tmp_path / "out" / "site") == clean
    if case != "cache folder a file":  # left alone: it may not be ours
        assert_whole(cache)


def assert_whole(cache: Path) -> None:
    """Every entry in the cache is sound again: the next build will reuse it."""
    for path in cache.glob("*/*/*.entry"):
        held(path)
    assert fieldfont.checked(font(cache)) is True


# --- the checks themselves, one entry at a time -----------------------------------------------

def test_an_entry_is_only_ever_given_back_for_its_own_key_and_bytes(tmp_path: Path) -> None:
    cache = Cache("test", tmp_path)
    cache.put("key-a", b"bytes of a")
    cache.put("key-b", b"bytes of b")
    assert (cache.get("key-a"), cache.get("key-b")) == (b"bytes of a", b"bytes of b")
    stored = cache.path("key-a").read_bytes()
    assert unseal("key-b", stored) is None  # copied to another key
    for cut in range(len(stored)):  # cut short anywhere, header included
        assert unseal("key-a", stored[:cut]) is None
    for at in range(len(stored)):  # any one byte changed
        changed = bytearray(stored)
        changed[at] ^= 0x20
        assert unseal("key-a", bytes(changed)) is None


def test_whatever_stands_in_an_entrys_place_is_a_miss_then_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = Cache("test", tmp_path)
    for name, block in (("pipe", pipe), ("folder", folder_instead), ("loop", loop)):
        cache.put(name, b"good")
        block(cache.path(name))
        assert cache.get(name, f"thing called {name}") is None  # at once: a pipe is not read
        cache.put(name, b"good")
        assert cache.get(name) == b"good"
        assert capsys.readouterr().err == \
            f"The cached thing called {name} was damaged and has been made again.\n"
    shard = cache.path("pipe").parent
    file_instead(shard)
    assert cache.get("pipe") is None
    cache.put("pipe", b"good")
    assert cache.get("pipe") == b"good"


def test_a_file_in_place_of_the_cache_folder_is_said_once_and_left_alone(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "cache"
    blocker.write_bytes(b"someone's file")
    for namespace in ("pdf", "exports"):
        cache = Cache(namespace, blocker)
        assert cache.get("key") is None
        cache.put("key", b"data")
    said = capsys.readouterr().err
    assert said.count(f"{blocker} is not a folder, so the cache in {blocker} cannot be used") == 1
    assert blocker.read_bytes() == b"someone's file"


def test_validate_says_when_its_last_report_was_damaged(
        base_content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = Cache("validate", tmp_path / "cache")
    first = validate(base_content, cache)
    for entry in cache.root.glob("*/*"):
        flip(entry)
    assert validate(base_content, cache) == first
    assert capsys.readouterr().err == \
        "The cached report of the last check was damaged and has been made again.\n"
    assert validate(base_content, cache) == first
    assert capsys.readouterr().err == ""


def test_an_entry_this_user_may_not_read_is_a_miss_then_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """chmod 000, as another user than root meets it (root may read anything, so the refusal
    is made here the way the system makes it)."""
    cache = Cache("test", tmp_path)
    cache.put("key", b"good")
    entry = cache.path("key")
    entry.chmod(0)
    real_open = os.open

    def refusing(path: object, flags: int, *args: int, **kwargs: object) -> int:
        if Path(str(path)) == entry and entry.stat().st_mode & 0o777 == 0:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    assert cache.get("key", "thing") is None
    cache.put("key", b"good")
    assert cache.get("key") == b"good"
    assert capsys.readouterr().err == "The cached thing was damaged and has been made again.\n"
