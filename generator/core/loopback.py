"""Who may talk to Roleprint's local servers (`roleprint edit` and `roleprint serve`).

Both listen on 127.0.0.1 only, but a web page open in the same browser can still send them
requests: directly, or through a name of its own that it points at 127.0.0.1 (DNS rebinding).
A rebound request still names the attacker's host in its `Host` header, so both servers answer
only requests addressed to themselves: 127.0.0.1, localhost or [::1], at their own port.
"""

from __future__ import annotations

# Connections the kernel holds while the server is busy accepting others (Python's default,
# 5, reset a burst of 16 editor requests).
BACKLOG = 128
FOREIGN_HOST = "This server only answers requests addressed to 127.0.0.1 or localhost at its " \
               "own port."


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")


def own_hosts(port: int, bound: str = "127.0.0.1") -> frozenset[str]:
    """The `Host` headers of requests addressed to this computer at `port`, and to the address
    the server was bound to when that is another one (`roleprint serve --dev-addr` on a
    network address)."""
    names = set(LOOPBACK_NAMES)
    bound = bound.lower()
    if bound not in ("", "0.0.0.0", "::"):
        names.add(f"[{bound}]" if ":" in bound else bound)
    return frozenset(f"{name}:{port}" for name in names)


def own_host(host: str | None, port: int, bound: str = "127.0.0.1") -> str | None:
    """The request's `Host`, lower case, if it names this computer at `port`; else None."""
    if host is None:
        return None
    host = host.strip().lower()
    return host if host in own_hosts(port, bound) else None
