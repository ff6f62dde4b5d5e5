"""What the editor's server checks before it reads or writes anything for a request.

The editor has no login: it listens on 127.0.0.1 only, and a web page open in the same browser
must not be able to use it. So every request must be addressed to this computer at the editor's
port (`generator.core.loopback`); every data request must carry the per-run token, which only the
editor's own page holds (another site cannot read that page); and every write must be JSON
from the editor's own origin, which a form or a cross-site `fetch` cannot send unasked.
"""

from __future__ import annotations

import hmac
import io
import re
import socket
import time
from email.message import Message
from typing import Any

from generator.core.errors import Refused

TOKEN_HEADER = "X-Roleprint-Token"
MAX_BODY = 2_000_000  # a record is at most 1 MB; its JSON request a little more
MAX_DEPTH = 64        # the deepest record is about a dozen levels deep
BODY_SECONDS = 30.0   # a request body sent slower than this is dropped


class Unwelcome(Refused):
    """A request refused before the backend sees it; the message says why in plain words."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message, status=status)


def check_token(headers: Message, token: str) -> None:
    """Refuse a request without the token the editor's page was given when it was served."""
    given = (headers.get(TOKEN_HEADER) or "").encode("latin-1", "replace")
    if not hmac.compare_digest(given, token.encode("ascii")):
        raise Unwelcome(403, "This request does not come from the editor's page (if the "
                             "editor was restarted, reload the page).")


def check_same_origin_json(headers: Message, host: str) -> None:
    """Refuse a write that is not JSON sent by the editor's own page (`host` is its Host)."""
    kind = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise Unwelcome(415, "The editor only takes JSON requests.")
    origin = headers.get("Origin")
    site = headers.get("Sec-Fetch-Site")
    if (origin is not None and origin != f"http://{host}") or site not in (None, "same-origin"):
        raise Unwelcome(403, "The editor only takes requests from its own page.")


def body_length(headers: Message) -> int:
    """The stated length of the request body: present, one, a plain number, at most MAX_BODY."""
    if headers.get("Transfer-Encoding") is not None:
        raise Unwelcome(411, "Send the request with its length (Content-Length), not in chunks.")
    lengths = headers.get_all("Content-Length") or []
    if not lengths:
        raise Unwelcome(411, "The request does not say how long it is (Content-Length).")
    if len(lengths) > 1 or not re.fullmatch(r"[0-9]{1,12}", lengths[0].strip()):
        raise Unwelcome(400, "The request's length (Content-Length) is not a number.")
    length = int(lengths[0])
    if length > MAX_BODY:
        raise Unwelcome(413, "The record is too large to save.")
    return length


def read_body(stream: io.BufferedIOBase, connection: socket.socket, length: int,
              seconds: float = BODY_SECONDS) -> bytes:
    """Exactly `length` bytes, all received within `seconds`, however slowly they trickle in."""
    deadline = time.monotonic() + seconds
    parts: list[bytes] = []
    missing = length
    while missing:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Unwelcome(408, "The request took too long to arrive.")
        connection.settimeout(left)
        try:
            part = stream.read1(min(missing, 65536))
        except TimeoutError:
            raise Unwelcome(408, "The request took too long to arrive.") from None
        if not part:
            raise Unwelcome(400, "The request ended before its stated length.")
        parts.append(part)
        missing -= len(part)
    connection.settimeout(seconds)  # the whole time again for the answer
    return b"".join(parts)


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and mappings are nested more than `limit` deep (walked without recursion)."""
    level: list[tuple[Any, int]] = [(value, 1)]
    while level:
        item, depth = level.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            level.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            level.extend((v, depth + 1) for v in item)
    return False
