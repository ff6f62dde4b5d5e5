"""Page weight: the bytes a first visit to a page transfers, compressed as a static host sends them.

    python -m benchmarks.page_weight SITE_DIR [PATH ...]

Serves a built site on 127.0.0.1 as a static host does (each text file gzip- or
brotli-compressed when the browser accepts it; Pagefind's index files, already compressed, as
they are), opens each page in Chromium at a phone's size with an empty cache, waits until the
network has been quiet, and reports, as JSON, the bytes the server sent for it (headers and
bodies) and each file it asked for. A measurement, not a test: it asserts nothing.
Without PATHs: the home page, the first role with a vacancy, and its first vacancy.

The server can also play a slow network (`Link`, for the search on a phone: every request, the
page's and those of a Web Worker alike, pays it); the page weights are measured without it.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import mimetypes
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, Quiet, serve_folder

LIMIT = 150 * 1024  # issue 26: a first visit to a role page, or the home page, ≤ 150 KB
PHONE: Any = {"width": 390, "height": 844}  # Playwright's ViewportSize
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs")
try:  # a static host sends brotli where the browser asks for it; gzip otherwise
    import brotli
except ImportError:  # pragma: no cover - the venv has it
    brotli = None


Sent = tuple[str, int, str, int]


class Counter:
    """Each request the server answered: (path, bytes sent, encoding, bytes had it been sent
    gzip-compressed where it was sent brotli-compressed), in order. The bytes are counted
    before they go out, so a client that has read a response finds them counted."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[list[Any]] = []

    def start(self, path: str) -> list[Any]:
        entry: list[Any] = [path, 0, "", 0]
        with self.lock:
            self.sent.append(entry)
        return entry

    def take(self) -> list[Sent]:
        with self.lock:
            found, self.sent = self.sent, []
        return [(path, size, encoding, size + more) for path, size, encoding, more in found]


class Link:
    """A slow network played by the server: each response starts `round_trip` seconds after its
    request arrived, and every byte sent (headers and bodies, of all the responses under way, on
    every connection) takes its turn on one link of `rate` bytes a second. Each chunk of bytes
    books the next free slot on the link, under a lock, then waits for the slot's end; so
    responses sent at once share the rate. A token bucket of `BURST` bytes: a thread that wakes
    late (a busy machine) may catch up by that much, as the bytes queued on a real link would
    have gone meanwhile, so over any stretch of time the link sends at most `rate` a second
    plus `BURST`. `clock` and `sleep` can be replaced (the tests' own clock)."""

    CHUNK = 1024  # bytes written at a time, so responses under way take turns
    BURST = 4 * CHUNK  # 20 ms at 1.6 Mbit/s

    def __init__(self, rate: float, round_trip: float,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.rate, self.round_trip, self.clock, self.sleep = rate, round_trip, clock, sleep
        self.lock = threading.Lock()
        self.free_at = 0.0  # when the bytes booked so far have all gone

    def until(self, moment: float) -> None:
        wait = moment - self.clock()
        if wait > 0:
            self.sleep(wait)

    def answer(self, arrived: float) -> None:
        """Wait until one round trip after a request that arrived at `arrived`."""
        self.until(arrived + self.round_trip)

    def send(self, size: int) -> None:
        """Wait until `size` more bytes have had their turn on the link."""
        with self.lock:
            caught_up = self.clock() - self.BURST / self.rate
            self.free_at = max(self.free_at, caught_up) + size / self.rate
            done = self.free_at
        self.until(done)


class _Counted:
    """A socket writer that adds what goes through it to the request being answered (and, on a
    slow `Link`, paces it)."""

    def __init__(self, raw: Any, link: Link | None) -> None:
        self.raw, self.link = raw, link
        self.entry: list[Any] = ["", 0, "", 0]

    def write(self, data: bytes) -> int:
        self.entry[1] += len(data)
        if self.link is None:
            return self.raw.write(data)
        view = memoryview(data)
        for start in range(0, len(view), Link.CHUNK):
            chunk = view[start:start + Link.CHUNK]
            self.link.send(len(chunk))
            self.raw.write(chunk)
        return len(data)

    def __getattr__(self, name: str) -> Any:  # closed, flush …: the socket writer's own
        return getattr(self.raw, name)


def encode(body: bytes, path: str, accepted: str) -> tuple[bytes, str]:
    """`body` as a static host would send it to a browser that accepts `accepted`."""
    if not path.endswith(COMPRESSED) and not path.endswith("/"):
        return body, ""
    offered = {part.split(";")[0].strip() for part in accepted.split(",")}
    if brotli is not None and "br" in offered:
        return brotli.compress(body, quality=11), "br"
    if "gzip" in offered:
        return gzip.compress(body, compresslevel=9, mtime=0), "gzip"
    return body, ""


def handler(counter: Counter, link: Link | None = None) -> type[Quiet]:
    class Compressing(Quiet):
        def setup(self) -> None:
            super().setup()
            self.wfile = _Counted(self.wfile, link)  # type: ignore[assignment]

        def send_head(self) -> Any:
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?")[0].endswith("/"):
                path = path / "index.html"
            if not path.is_file():
                return super().send_head()  # redirects and 404s as Python's server sends them
            raw = path.read_bytes()
            body, encoding = encode(raw, self.path.split("?")[0],
                                    self.headers.get("Accept-Encoding", ""))
            entry = self.wfile.entry  # type: ignore[attr-defined]
            entry[2] = encoding
            if encoding == "br":  # a host without brotli (GitHub Pages) sends gzip
                entry[3] = len(encode(raw, ".html", "gzip")[0]) - len(body)
            self.send_response(200)
            self.send_header("Content-Type", mimetypes.guess_type(path.name)[0]
                             or "application/octet-stream")
            if encoding:
                self.send_header("Content-Encoding", encoding)
                self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return _Body(body)

        def parse_request(self) -> bool:
            arrived = link.clock() if link is not None else 0.0
            if not super().parse_request():
                return False
            self.wfile.entry = counter.start(self.path)  # type: ignore[attr-defined]
            if link is not None:
                link.answer(arrived)
            return True

    return Compressing


class _Body:
    """What send_head returns: copied to the socket by the server, then closed."""

    def __init__(self, body: bytes) -> None:
        self.body, self.done = body, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.body

    def close(self) -> None:
        pass


@contextlib.contextmanager
def served(site_dir: Path, link: Link | None = None) -> Iterator[tuple[str, Counter]]:
    """The site on 127.0.0.1, compressed as a static host sends it (over `link`, if given):
    its address, and what it sent."""
    counter = Counter()
    with serve_folder(site_dir, handler(counter, link)) as url:
        yield url, counter


def weigh(site_dir: Path, paths: list[str]) -> dict[str, dict[str, Any]]:
    """Each page in `paths` (from the site's root) on a first visit: its total bytes and files."""
    from playwright.sync_api import sync_playwright

    found: dict[str, dict[str, Any]] = {}
    with served(site_dir) as (url, counter), sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in paths:
            context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
            page = context.new_page()
            page.goto(f"{url}/{path}", wait_until="networkidle")
            context.close()
            found[path] = summary(counter.take())
        chromium.close()
    return found


def summary(sent: list[Sent]) -> dict[str, Any]:
    """A page's total (and had every text file been sent gzip-compressed, not brotli) and its
    files."""
    total = sum(size for _, size, _, _ in sent)
    return {"bytes": total, "bytes_gzip": sum(gzipped for *_, gzipped in sent), "limit": LIMIT,
            "met": total <= LIMIT,
            "files": [{"path": path, "bytes": size, "encoding": encoding}
                      for path, size, encoding, _ in sent]}


def default_paths(site_dir: Path) -> dict[str, str]:
    """The pages weighed: the home page, a role with a vacancy (else the first role) and a
    vacancy page, by name."""
    vacancies = sorted(p.parent.name for p in (site_dir / "vacancies").glob("*/index.html"))
    roles = sorted(p.parent.name for p in (site_dir / "roles").glob("*/index.html"))
    with_forms = [r for r in roles if (site_dir / "roles" / r / "forms").is_dir()]
    paths = {"home": ""}
    if roles:
        paths["role"] = f"roles/{(with_forms or roles)[0]}/"
    if vacancies:
        paths["vacancy"] = f"vacancies/{vacancies[0]}/"
    return paths


def measure(site_dir: Path) -> dict[str, Any]:
    """The home, role and vacancy pages' weights, by name."""
    paths = default_paths(site_dir)
    weights = weigh(site_dir, list(paths.values()))
    return {name: {"path": path, **weights[path]} for name, path in paths.items()}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    site_dir = Path(args[0])
    result = measure(site_dir) if len(args) == 1 else weigh(site_dir, args[1:])
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
