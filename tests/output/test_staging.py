"""`fan_out`: the work shared between this process and forked ones, each share done once, the
results in order, and a failure in any process reported, never lost."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import CONTENT
from tests.support.waiting import LIMIT

# Each case runs in a fresh process: pytest's own threads would rightly stop it forking.
PRELUDE = """
import multiprocessing, os, sys
from generator.output.staging import can_fork, fan_out
assert can_fork()
parent = os.getpid()
# Each process, in its first share, says so and waits until another has said so too: so both
# this process and a forked one take shares, however slowly either starts (a fixed pause in
# each share was not always long enough on a busy machine).
fork = multiprocessing.get_context("fork")
here, there = fork.Event(), fork.Event()
def take_turns():
    mine, other = (here, there) if os.getpid() == parent else (there, here)
    mine.set()
    assert other.wait(LIMIT), "the other process took no share"
"""


def _python(body: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", f"LIMIT = {LIMIT}\n" + PRELUDE
                           + textwrap.dedent(body)],
                          capture_output=True, text=True, timeout=LIMIT, check=False)


def test_every_share_is_done_once_in_order_by_more_than_one_process() -> None:
    found = _python("""
        def work(share):
            take_turns()
            return share * share, os.getpid()
        results = fan_out(work, 16)
        print([r[0] for r in results])
        print(len({pid for _, pid in results}), any(pid == parent for _, pid in results))
    """)
    assert found.returncode == 0, found.stderr
    squares, processes = found.stdout.splitlines()
    assert squares == str([n * n for n in range(16)])
    assert processes == "2 True"  # this process and one forked one, on two cores


def _when_the_forked_process(fails: str) -> str:
    """What `fan_out` raises when each share the forked process takes runs `fails`."""
    found = _python(f"""
        def work(share):
            take_turns()
            if os.getpid() != parent:
                {fails}
            return share
        try:
            fan_out(work, 8)
        except RuntimeError as err:
            print("raised:", err)
    """)
    assert found.returncode == 0, found.stderr
    return found.stdout


def test_an_error_in_a_forked_process_is_raised_here() -> None:
    said = _when_the_forked_process('raise ValueError(f"share {share} cannot be written")')
    assert "raised: a worker process failed" in said
    assert "ValueError: share" in said and "cannot be written" in said


def test_a_forked_process_that_dies_is_reported_not_waited_for() -> None:
    said = _when_the_forked_process("os._exit(3)")
    assert "raised: a worker process stopped (exit code 3)" in said


def test_an_error_here_stops_the_forked_processes() -> None:
    found = _python("""
        import threading
        def work(share):
            take_turns()
            if os.getpid() == parent:
                raise ValueError("this process failed")
            threading.Event().wait()  # for ever, unless the process is stopped
        try:
            fan_out(work, 8)
        except ValueError as err:
            print("raised:", err, multiprocessing.active_children())
    """)
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "raised: this process failed []"


def test_the_exit_code_of_a_forked_process_that_dies_is_the_one_it_ended_with() -> None:
    """Its output closes a moment before it has ended (here it closes every file it has, then
    takes a second to end, as a busy machine may make it): the code reported is still the one
    it ended with, never 'None' for not ended yet."""
    said = _when_the_forked_process("os.closerange(3, 65536); import time; time.sleep(1); "
                                    "os._exit(3)")
    assert "raised: a worker process stopped (exit code 3)" in said


def test_the_content_health_page_is_in_the_first_share(tmp_path: Path) -> None:
    """It runs every lint rule (as long as a hundred role pages): taken first, it is written
    while the other processes write the rest, not at the end while they wait."""
    from generator.output.staging import _page_work
    from tests.support.site import load_site

    docs = tmp_path / "docs"
    _page_work(load_site(CONTENT), docs, 8, downloads=False)(0)
    assert (docs / "content-health.md").is_file()
