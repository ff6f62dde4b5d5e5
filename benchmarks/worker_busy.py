"""How long the page's Web Workers (Pagefind's search) are busy, by DevTools' sampling profiler.

Chromium slows only the page's main thread for a phone (`Emulation.setCPUThrottlingRate` is
refused on a worker: `benchmarks/worker_cpu.py`), so a search in Pagefind's worker runs at the
machine's speed. What it would cost on the phone can be bounded instead: the seconds the worker
was busy after the last key, times three more (four times slower), added to the time measured,
as if all of it were on the way to the first result. The page's DevTools session auto-attaches
to each worker as it starts (paused until its profiler runs), and talks to it through
`Target.sendMessageToTarget`.
"""

from __future__ import annotations

import json
from typing import Any

IDLE = ("(idle)", "(program)")  # the profiler's names for a thread doing no work of its own
LIMIT_MS = 60_000  # a guard against a worker that never answers, no more


def busy_seconds(profile: dict[str, Any]) -> float:
    """The seconds of a DevTools CPU profile spent running something: its samples not idle."""
    idle = {node["id"] for node in profile["nodes"] if node["callFrame"]["functionName"] in IDLE}
    return sum(delta for sample, delta in zip(profile["samples"], profile["timeDeltas"],
                                              strict=True) if sample not in idle) / 1e6


PROFILE = (("Profiler.enable", {}), ("Profiler.start", {}))


class Workers:
    """The page's workers, each sent `first` (DevTools methods and their parameters; by default
    its profiler started) before its first line runs; `restart` at the last key, then `busy`
    once the result is drawn. `replies`: each answer a worker gave, by the number asked."""

    def __init__(self, cdp: Any,
                 first: tuple[tuple[str, dict[str, Any]], ...] = PROFILE) -> None:
        self.cdp, self.first = cdp, first
        self.sessions: list[str] = []
        self.replies: dict[int, dict[str, Any]] = {}
        self.asked = 0
        cdp.on("Target.attachedToTarget", self._attached)
        cdp.on("Target.receivedMessageFromTarget", self._received)
        cdp.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True,
                                          "flatten": False})

    def _ask(self, session: str, method: str, params: dict[str, Any] | None = None) -> int:
        self.asked += 1
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": json.dumps(
            {"id": self.asked, "method": method, "params": params or {}})})
        return self.asked

    def _attached(self, event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] != "worker":
            return
        session = event["sessionId"]
        self.sessions.append(session)
        for method, params in (*self.first, ("Runtime.runIfWaitingForDebugger", {})):
            self._ask(session, method, params)

    def _received(self, event: dict[str, Any]) -> None:
        message = json.loads(event["message"])
        if "id" in message:
            self.replies[message["id"]] = message

    def _answers(self, page: Any, asked: list[int]) -> list[dict[str, Any]]:
        waited = 0
        while any(n not in self.replies for n in asked):  # events come in while Playwright waits
            if waited > LIMIT_MS:
                raise TimeoutError("a worker did not answer its profiler")
            page.wait_for_timeout(10)
            waited += 10
        return [self.replies[n] for n in asked]

    def _stop(self, page: Any) -> list[dict[str, Any]]:
        return self._answers(page, [self._ask(s, "Profiler.stop") for s in self.sessions])

    def restart(self, page: Any) -> None:
        """From now on: what the workers did before is not counted."""
        self._stop(page)
        self._answers(page, [self._ask(s, "Profiler.start") for s in self.sessions])

    def busy(self, page: Any) -> float:
        """The seconds the workers were busy since `restart`, all of them together."""
        return sum(busy_seconds(reply["result"]["profile"]) for reply in self._stop(page))
