"""What the robustness tests share: the alarm around each call, the inputs every request is
tried with (garbage, and valid but too large for the default bounds), and the checks of one
command line's outcome.

The promise checked (README, "Errors"): a request ends within a few seconds on this scale of
input with exit status 0 and valid output, or with exit status 2 and one line on stderr that
names the field or option at fault; an API call returns or raises an
:class:`~lcnalg.LCNAlgError`, nothing else, within the same alarm.
"""

from __future__ import annotations

import json
import os
import re
import time
from typing import Sequence

from tests.alarm import alarm

#: Seconds one call may take (``LCNALG_ROBUSTNESS_ALARM`` overrides): small inputs answer in
#: about a second, large ones are refused up front or stop at the default work bounds (about ten
#: seconds of estimated work on the reference machine, e.g. ``equations "2x2x2,2x2x2"`` at
#: degree 5); three times that absorbs a slow or loaded machine (CI shares two cores; imports
#: alone take 0.1-0.3 s), so an overrun means a request is unbounded.
ALARM = float(os.environ.get("LCNALG_ROBUSTNESS_ALARM", "30"))


#: Digits beyond what Python converts to an int by default (4300).
HUGE = "9" * 5000

#: Architecture strings that are not architectures.
GARBAGE_ARCHITECTURES = (
    "", " ", "3,,x", "x", ",", "2x", "x2", "2xx2", "0", "-1,2", "2,-2", "1.5,2", "2;2", "3,2 s=0",
    "3,2 s=x", "3,2 s=2,2,2", "3,2 s=", "2,2 r=0", "2,2 r=-1", "2,2 r=x", "2,2 c=0,1,1", "2,2 c=1",
    "2,2 q=3", "2,2 s=2 s=2", "2x2,3", "2x2 s=2", "３,２", "٣,٢", "²,2", "2,2\x00", "🙂", "2 s=1x1",
    HUGE, "3," + HUGE, "3,2 s=" + HUGE, "3,2 r=" + HUGE, "3,2 c=1," + HUGE + ",1", "1x" + HUGE,
    "2," * 20_000 + "2", "9" * 31, "1e3", "0x10", "1_000,2", "+3,2", "3 ,, 2",
)

#: Valid architectures whose requests, with default bounds, must be refused up front (or be
#: answered partially naming the bound) within the alarm, not computed for minutes.
LARGE_ARCHITECTURES = (
    "3000,3000", "10000,10000", "100x100,100x100", "10000,10000 s=10000", "10000,3 s=2",
    "2x2x2,2x2x2", "2x3,3x2 s=1x1", "3,2,31", "2,5,3,2,3,4 s=2,2,2,2,3", "50,50,50 s=2,2",
    "9x9,9x9,9x9", "2x2,2x2,2x2", "2," * 999 + "2", "30,30,30,30,30,30",
)

#: Values given to an option that takes a number (bad ones, then valid but extreme ones).
GARBAGE_NUMBERS = ("", " ", "x", "-5", "-1", "0", "-0", "1.5", "1e3", "0x10", "1_0", "١٢", "٣", "½",
                   "²", "nan", "inf", "-inf", "3,,x", HUGE, "-" + HUGE, "9" * 31, "--", "🙂", "1 2")
EXTREME_NUMBERS = ("1", "2", "1000000000", "9" * 30)

_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|^\s+File \"", re.MULTILINE)


def outcome_problem(argv: Sequence[str], code: int, out: str, err: str, elapsed: float,
                    names: Sequence[str]) -> str | None:
    """Why the outcome of ``lcnalg ARGV`` breaks the promise, or None when it keeps it.

    Parameters
    ----------
    argv : sequence of str
        The command line (shown in the explanation).
    code, out, err, elapsed
        Exit status, stdout, stderr and seconds taken.
    names : sequence of str
        The words of which a one-line error must name one (the subcommand's options,
        positional arguments and the fields of the input).

    Examples
    --------
    >>> outcome_problem(["info", "3,2"], 2, "", "lcnalg info: error: filters: ...\\n", 0.1, ["filters"])
    >>> outcome_problem(["info", "3,2"], 70, "", "lcnalg info: internal error\\n", 0.1, ["filters"])
    'exit status 70 (expected 0, or 2 for bad input)'
    """
    if _TRACEBACK.search(err) or _TRACEBACK.search(out):
        return "a traceback was printed"
    if elapsed > ALARM:
        return f"took {elapsed:.1f} s (alarm {ALARM} s)"
    if code == 0:
        if not out.strip():
            return "exit status 0 with nothing on stdout"
        # a partial answer may carry a refusal of one of its parts (a note, a reason): the
        # option it names to raise the bound must be one of this subcommand's
        for option in re.findall(r"\(CLI: (--[a-z0-9-]+)\)", out + err):
            if option not in names:
                return f"the output names {option}, which this subcommand does not have"
        if "--json" in argv and "--help" not in argv and "-h" not in argv:
            try:
                json.loads(out)
            except ValueError as exc:
                return f"--json output does not parse: {exc}"
        return None
    if code != 2:
        return f"exit status {code} (expected 0, or 2 for bad input)"
    lines = err.strip().splitlines()
    if len(lines) != 1:
        return f"exit status 2 with {len(lines)} lines on stderr (expected one)"
    line = lines[0]
    if len(line) > 1000:
        return f"error line of {len(line)} characters"
    raised = re.search(r"\(CLI: (--[a-z0-9-]+)\)", line)
    if raised and raised.group(1) not in names:
        return f"a refusal names {raised.group(1)}, which this subcommand does not have"
    lowered = line.lower()
    if not any(_mentions(lowered, name.lower()) for name in names):
        return "the error line names no field or option"
    return None


def _mentions(line: str, name: str) -> bool:
    if name.startswith("-"):
        return name in line
    return re.search(rf"(?<![a-z0-9_]){re.escape(name)}(?![a-z0-9_])", line) is not None


def timed(call, *args, **kwargs):
    """``(value, seconds)`` of ``call(*args, **kwargs)`` under :func:`alarm`."""
    start = time.perf_counter()
    with alarm(ALARM):
        value = call(*args, **kwargs)
    return value, time.perf_counter() - start
