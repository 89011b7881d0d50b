"""Pytest configuration.

* Doctests of lcnalg/ are collected, except the module runner.
* Hypothesis runs derandomized by default (profile ``lcnalg``): the examples depend only on
  the test, so a clean machine runs exactly the cases run here, with no example database.
  ``HYPOTHESIS_PROFILE=explore`` draws fresh random examples (and keeps a database) to hunt
  for counterexamples.
* The robustness harness (tests/robustness, marker ``robustness``: garbage and valid-but-large
  input through every subcommand and public function) runs with the rest; ``-m "not
  robustness"`` leaves it out for a quicker local run.
* Every test has a wall-clock limit (``LCNALG_TEST_TIMEOUT`` seconds, default 300; 0 turns it
  off): a test that runs away ends the run with every thread's traceback, instead of hanging.
"""

from __future__ import annotations

import faulthandler
import os
import sys

import pytest
from hypothesis import settings

collect_ignore = ["lcnalg/__main__.py"]


settings.register_profile("lcnalg", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "lcnalg"))


def _timeout_seconds() -> int:
    try:
        return max(0, int(os.environ.get("LCNALG_TEST_TIMEOUT", "300")))
    except ValueError:
        return 300


def _stderr_fd(config) -> int:
    """The terminal's stderr, not pytest's capture file (pytest's faulthandler keeps a copy)."""
    try:
        from _pytest.faulthandler import fault_handler_stderr_fd_key

        return config.stash[fault_handler_stderr_fd_key]
    except (ImportError, KeyError):
        return sys.__stderr__.fileno()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    # faulthandler works even inside a long FLINT call: it prints every thread's traceback
    # and ends the run (exit code 1), so a runaway test is named instead of hanging CI.
    limit = _timeout_seconds()
    if limit:
        faulthandler.dump_traceback_later(limit, exit=True, file=_stderr_fd(item.config))
    try:
        yield
    finally:
        if limit:
            faulthandler.cancel_dump_traceback_later()
