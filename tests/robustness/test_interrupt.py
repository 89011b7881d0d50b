"""Ctrl-C during a long computation: one line on stderr, exit status 130, and no worker
process left behind (the real ``python -m lcnalg`` in a subprocess; its children are found
in /proc by their parent's pid before the signal and must be gone afterwards)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

#: A run that computes for minutes with two worker processes.
LONG_RUN = ["equations", "2x2,2x2,2x2", "--jobs", "2", "--max-degree", "7", "--max-equations-work", "1000000000000", "--no-progress"]

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or len(os.sched_getaffinity(0)) < 2,
                                reason="needs /proc and two cores (so that --jobs 2 starts two workers)")


def stat(pid: int) -> tuple[str, int, int] | None:
    """State, parent pid and start time of a process, or None when it no longer exists."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    return fields[0], int(fields[1]), int(fields[19])


def children(pid: int) -> dict[int, int]:
    """The child processes of ``pid``: their pids and start times."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            info = stat(int(entry))
            if info is not None and info[1] == pid:
                found[int(entry)] = info[2]
    return found


def alive(pid: int, started: int) -> bool:
    """Whether the process ``pid`` that started at ``started`` still runs (a zombie has ended)."""
    info = stat(pid)
    return info is not None and info[2] == started and info[0] not in ("Z", "X")


def interrupt(whole_group: bool, sig: int = signal.SIGINT) -> tuple[int, str, dict[int, int], int]:
    """Start the long run, wait until it computes with its workers, send ``sig`` (to the
    process, or to its whole process group as a terminal's Ctrl-C does); returns the exit
    status, stderr, the children seen before the signal and the process's pid."""
    proc = subprocess.Popen([sys.executable, "-m", "lcnalg", *LONG_RUN], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        workers: dict[int, int] = {}
        while time.monotonic() < deadline and proc.poll() is None:
            workers = children(proc.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.1)
        time.sleep(2)  # computing
        workers.update(children(proc.pid))
        assert proc.poll() is None, "the long run ended before it was interrupted"
        assert len(workers) >= 2, f"expected two worker processes, found {workers}"
        if whole_group:
            os.killpg(proc.pid, sig)
        else:
            proc.send_signal(sig)
        _, err = proc.communicate(timeout=30)
        return proc.returncode, err, workers, proc.pid
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def assert_workers_gone(workers: dict[int, int]) -> None:
    """Every worker seen before the signal has ended within 5 seconds."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(alive(p, s) for p, s in workers.items()):
        time.sleep(0.1)
    assert not [p for p, s in workers.items() if alive(p, s)], "worker processes left behind"


@pytest.mark.parametrize("whole_group", [False, True], ids=["process", "process-group"])
def test_ctrl_c_stops_cleanly(whole_group):
    code, err, workers, _ = interrupt(whole_group)
    assert code == 130
    assert err.strip().splitlines() == ["lcnalg equations: interrupted"], err
    assert_workers_gone(workers)


def test_sigterm_stops_cleanly():
    # timeout(1), a batch system or kill: the same clean-up as Ctrl-C, exit status 128 + 15
    code, err, workers, _ = interrupt(False, signal.SIGTERM)
    assert code == 143
    assert err.strip().splitlines() == ["lcnalg equations: terminated"], err
    assert_workers_gone(workers)
