"""Start-up of the worker processes lcnalg starts: pool workers and background computations.

Two things every such process does first:

* it lets OpenBLAS use one thread (:func:`~lcnalg.polys.blas_echelon.one_blas_thread`): ``jobs``
  processes on ``jobs`` cores, each with OpenBLAS's default of one thread per core, would run
  ``jobs^2`` busy threads;
* it ends with the process that started it (:func:`end_with_parent`), even when that parent is
  killed without a chance to stop its children (``SIGKILL``, as ``timeout -s KILL`` or the
  out-of-memory killer send): otherwise a worker in the middle of a long computation goes on
  alone, re-parented to PID 1, until it ends.
"""

from __future__ import annotations

import os
import signal
import sys

from lcnalg.polys.blas_echelon import one_blas_thread

__all__ = ["end_with_parent", "start_worker"]


def end_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent ends (Linux's
    ``prctl(PR_SET_PDEATHSIG, SIGKILL)``; nothing elsewhere, where a long computation should
    check ``os.getppid() == parent`` now and then), and end now if ``parent`` has already ended.

    Parameters
    ----------
    parent : int
        The process id of the process that started this one (``os.getpid()`` there).

    Examples
    --------
    >>> end_with_parent(os.getppid())   # the parent is alive: nothing happens
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL), 0, 0, 0)   # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(0)


def start_worker(parent: int) -> None:
    """The initializer of lcnalg's process pools: one OpenBLAS thread, ended with ``parent``.

    Parameters
    ----------
    parent : int
        The process id of the process that owns the pool.
    """
    end_with_parent(parent)
    one_blas_thread()
