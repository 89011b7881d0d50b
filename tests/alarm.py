"""A wall-clock alarm around one call of a test: a request that should end quickly fails the
test (with the time it was given) instead of hanging the run."""

from __future__ import annotations

import contextlib
import signal
from typing import Iterator


class Overrun(BaseException):
    """Raised by the alarm in the middle of a call that ran too long (a ``BaseException``,
    so that no ``except Exception`` of the code under test swallows it)."""


@contextlib.contextmanager
def alarm(seconds: float) -> Iterator[None]:
    """Raise :class:`Overrun` in the main thread when the block runs longer than ``seconds``
    (``SIGALRM`` through ``setitimer``; a long call inside C is stopped when it returns to
    Python, and conftest's faulthandler limit ends a call that never does)."""

    def ring(signum: int, frame: object) -> None:
        raise Overrun(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
