"""Garbage and valid-but-large input through the real command line, in process.

Every subcommand registered in :data:`lcnalg.cli.SUBCOMMANDS` is tried, with every option
its argparse parser declares (read from the parser itself, so subcommands and options added
later are covered without editing this file): each call of :func:`lcnalg.cli.main` runs
under an alarm and must end with exit status 0 and valid output (JSON that parses under
``--json``) or exit status 2 and one line on stderr naming a field or option; never a
traceback, never exit status 70 (a bug), never past the alarm.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import time
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

pytestmark = pytest.mark.robustness

from lcnalg import Architecture, Limits
from lcnalg.cli import SUBCOMMANDS, build_parser, main
from lcnalg.cli.common import limits_from_args, positive_int
from tests.robustness.harness import (EXTREME_NUMBERS, GARBAGE_ARCHITECTURES, GARBAGE_NUMBERS, HUGE,
                                      LARGE_ARCHITECTURES, ALARM, outcome_problem)
from tests.alarm import Overrun, alarm
from tests.strategies import architectures

#: Words naming the fields of the input, any of which an error line may name.
FIELDS = ("architecture", "filters", "filter", "strides", "stride", "s=", "r=", "c=", "activation",
          "channels", "layer", "command", "unrecognized arguments", "expected one argument")

#: Hypothesis examples per subcommand (derandomized: the same command lines on every run).
EXAMPLES = 30


def subcommand_parsers() -> dict[str, argparse.ArgumentParser]:
    """Every registered subcommand's parser, by its command-line name."""
    parser = build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert len(actions) == 1
    return dict(actions[0].choices)


PARSERS = subcommand_parsers()
COMMANDS = sorted(PARSERS)


def positionals(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if not a.option_strings]


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions
            if a.option_strings and not isinstance(a, (argparse._HelpAction, argparse._VersionAction))]


def names(command: str) -> list[str]:
    """What an error line of ``command`` may name: its options, its positional arguments
    (metavar and destination) and the fields of the input."""
    parser = PARSERS[command]
    words = [s for a in options(parser) for s in a.option_strings]
    words += [w for a in positionals(parser) for w in (a.dest, a.metavar) if w]
    return words + list(FIELDS)


def call(argv: list[str]) -> tuple[int, str, str, float]:
    """Exit status, stdout, stderr and seconds of ``lcnalg ARGV`` in process, under the alarm."""
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), alarm(ALARM):
            code = main(argv)
    except Overrun:
        pytest.fail(f"lcnalg {argv_text(argv)}: still running after the alarm")
    return code, out.getvalue(), err.getvalue(), time.perf_counter() - start


def argv_text(argv: list[str]) -> str:
    """The command line, with long arguments shortened (``'99999…'(5000 chars)``)."""
    return " ".join(repr(a) if len(a) <= 60 else repr(a[:20] + "…") + f"({len(a)} chars)" for a in argv)


class Argv(list):
    """A drawn command line, shown shortened in hypothesis' report of a failing case."""

    def __repr__(self) -> str:
        return f"lcnalg {argv_text(self)}"


def check(command: str, argv: list[str]) -> None:
    code, out, err, elapsed = call(argv)
    problem = outcome_problem(argv, code, out, err, elapsed, names(command))
    assert problem is None, f"lcnalg {argv_text(argv)}: {problem}\nstderr: {err.strip()[:600]}"


# -- values ---------------------------------------------------------------------------

#: Coordinates of the valid architectures drawn at random: every subcommand answers these in
#: well under the alarm (the 12-coordinate ``equations "1x2,3x3"`` takes about 5 s: valid
#: and answered, but not at once, so the random draws stop below it; larger valid requests are
#: tried deliberately in LARGE_ARCHITECTURES and through every bound in tests/cli/test_limits.py).
SMALL = 10


def small_architectures():
    """Valid architectures small enough that every subcommand answers them at once."""
    return architectures(max_layers=3, max_size=3, max_ambient=SMALL).map(str)


def not_large(text: str) -> bool:
    """False for a random text that happens to be a valid architecture beyond the small ones
    (``"4173"``): large valid requests are tried deliberately, in LARGE_ARCHITECTURES."""
    try:
        arch = Architecture.parse(text)
    except Exception:
        return True
    return arch.ambient_dimension <= SMALL and arch.num_parameters <= SMALL


def architecture_texts():
    garbage = st.one_of(st.text(max_size=12), st.text(alphabet="0123456789x,=srcX -", max_size=14))
    return st.one_of(small_architectures(), small_architectures(), st.sampled_from(GARBAGE_ARCHITECTURES),
                     garbage.filter(not_large))


def filter_text(arch: Architecture, values: list) -> str:
    shape = arch.end_to_end_filter_shape
    if len(shape) == 2:
        rows = [values[i * shape[1]:(i + 1) * shape[1]] for i in range(shape[0])]
        return ";".join(",".join(map(str, row)) for row in rows)
    return ",".join(map(str, values))


@st.composite
def filter_texts(draw, arch_text: str):
    """A filter of the right shape for ``arch_text`` (when it parses), or garbage."""
    try:
        arch = Architecture.parse(arch_text)
    except Exception:
        arch = None
    garbage = st.sampled_from(("", "x", "1,x", "1,2/0,3", "1/0", "1.5,2", "nan,1", "inf", "1,,2", "1;2,3",
                               "-2,0,1", "-1/2;3,4", "１,２,３", HUGE, "1,1," + HUGE + ",1", "1/" + HUGE,
                               "1," * 5000 + "1"))
    if arch is None or arch.ambient_dimension > 64 or draw(st.integers(0, 4)) == 0:
        return draw(st.one_of(garbage, st.text(max_size=12)))
    number = st.one_of(st.integers(-9, 9), st.builds(Fraction, st.integers(-9, 9), st.integers(1, 5)))
    values = draw(st.lists(number, min_size=arch.ambient_dimension, max_size=arch.ambient_dimension))
    return filter_text(arch, values)


def option_values(action: argparse.Action, workdir: str):
    """Values to give ``action``: garbage, and valid ones chosen by the option's type."""
    kind = getattr(action.type, "__name__", "")
    garbage = st.sampled_from(GARBAGE_NUMBERS)
    if action.metavar == "PATH":
        return st.sampled_from(("", " ", workdir, f"{workdir}/missing/out.png", f"{workdir}/out.txt",
                                f"{workdir}/{'x' * 300}.png", f"{workdir}/out", "out.png\x00",
                                f"{workdir}/out.png", f"{workdir}/out.svg", f"{workdir}/out.tex",
                                f"{workdir}/out.pdf"))
    if kind == "cluster_address":  # a well-formed address is contacted: only refused or unknown ones here
        return st.one_of(garbage, st.sampled_from(
            ("tcp://127.0.0.1:1", "127.0.0.1:1", "tcp://", "host:", ":8786", "udp://a:1", "a:99999", "[::1:1")))
    if kind == "seed_value":
        return st.one_of(garbage, st.sampled_from(("0", "1", "17", "9" * 30)))
    if kind == "positive_int":
        if action.dest == "jobs":  # more than the cores is capped; a pool forks only with jobs > 1
            return st.one_of(garbage, st.sampled_from(("1", "2", "1000000")))
        return st.one_of(garbage, st.sampled_from(EXTREME_NUMBERS), st.integers(1, 6).map(str))
    return st.one_of(garbage, st.text(max_size=8))


@st.composite
def command_lines(draw, command: str, workdir: str):
    parser = PARSERS[command]
    argv = [command]
    arch_text = None
    for action in positionals(parser):
        if draw(st.integers(0, 19)) == 0:
            continue  # a missing argument
        if action.dest == "arch":
            arch_text = draw(architecture_texts())
            argv.append(arch_text)
        elif action.dest == "filter":
            argv.append(draw(filter_texts(arch_text or "")))
        else:
            argv.append(draw(st.text(max_size=10)))
    chosen = draw(st.lists(st.sampled_from(options(parser)), max_size=4, unique_by=id))
    for action in chosen:
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            argv.append(flag)
        else:
            argv += [flag, draw(option_values(action, workdir))]
    if draw(st.integers(0, 19)) == 0:
        argv.insert(draw(st.integers(1, len(argv))), draw(st.sampled_from(("--bogus", "-x", "--", "extra"))))
    return Argv(argv)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("robustness"))


def test_every_registered_subcommand_is_tried():
    assert set(COMMANDS) == {name.replace("_", "-") for name in SUBCOMMANDS}


@pytest.mark.parametrize("command", COMMANDS)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_garbage_and_valid_command_lines(command, workdir, data):
    check(command, data.draw(command_lines(command, workdir), label="argv"))


def complete(command: str, arch_text: str, workdir: str = ".") -> list[str]:
    """``lcnalg COMMAND ARCH`` with every other positional argument filled with a valid value
    (and every required output option: the file is written in ``workdir``)."""
    argv = [command, arch_text]
    for action in options(PARSERS[command]):
        if action.required and action.metavar == "PATH":  # an output file: written in workdir
            argv += [action.option_strings[-1], f"{workdir}/required.tex"]
        # other required options (flow's --data FILE) are left out: the one-line usage error is the answer
    for action in positionals(PARSERS[command])[1:]:
        if action.dest == "filter":
            arch = Architecture.parse(arch_text)
            if arch.ambient_dimension <= 100_000:
                argv.append(filter_text(arch, [1] * arch.ambient_dimension))
            else:  # a filter of the right size would not fit a command line; this one is refused
                argv.append("1,1")
        else:
            pytest.fail(f"no valid value known for the positional argument {action.dest} of {command}")
    return argv


#: ``equations`` answers these partially, at its work bound, after up to a minute of work;
#: tests/cli/test_large_requests.py runs them (with lower bounds, for the same kind of answer)
#: and checks the answer itself.
ANSWERED_IN_TEST_LARGE_REQUESTS = {("equations", a) for a in
                                   ("2x2x2,2x2x2", "2x3,3x2 s=1x1", "2x2,2x2,2x2", "2,5,3,2,3,4 s=2,2,2,2,3")}


@pytest.mark.parametrize("arch_text, command", [
    pytest.param(a, c, id=f"{a if len(a) < 30 else a[:20] + '…'}-{c}")
    for a in LARGE_ARCHITECTURES for c in COMMANDS if (c, a) not in ANSWERED_IN_TEST_LARGE_REQUESTS])
def test_valid_but_large_is_refused_up_front(command, arch_text, workdir):
    check(command, complete(command, arch_text, workdir))


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("arch_text", GARBAGE_ARCHITECTURES, ids=lambda a: repr(a[:20]))
def test_garbage_architecture(command, arch_text):
    check(command, [command, arch_text] + ["1,2,3"] * (len(positionals(PARSERS[command])) - 1))


#: Values no option accepts, and extreme values the options taking numbers accept.
BAD_VALUES = ("", "-5", "-1", "0", "x", "1.5", HUGE)
EXTREME_VALID = ("1000000000", "9" * 30)


def is_bound(action: argparse.Action) -> bool:
    """A ``--max-...`` option of :class:`~lcnalg.Limits` (a positive integer raising one bound)."""
    return action.dest in Limits.names() and action.type is positive_int


@pytest.mark.parametrize("command", COMMANDS)
def test_bad_value_of_every_option(command, workdir):
    """Each option that takes a value, given values no option accepts (and extreme valid ones),
    on a small valid architecture.  An extreme valid bound is read into the Limits option by
    option, and the command then runs once with every bound at that value (each bound given
    alone would rerun the same small computation about fifty times per value)."""
    argv = complete(command, "2,2", workdir)
    bounds = []
    for action in options(PARSERS[command]):
        if action.nargs == 0:
            continue
        flag = action.option_strings[-1]
        for value in BAD_VALUES:
            check(command, argv + [flag, value])
        if action.metavar == "PATH":
            continue
        if is_bound(action):
            bounds.append(action)
            continue
        for value in EXTREME_VALID:
            check(command, argv + [flag, value])
    for value in EXTREME_VALID:
        for action in bounds:  # the option's own conversion, then into the Limits
            args = argparse.Namespace(**{action.dest: action.type(value)})
            assert getattr(limits_from_args(args), action.dest) == int(value)
        if bounds:
            check(command, argv + [word for action in bounds for word in (action.option_strings[-1], value)])


def test_big_degree_bound_is_refused_or_answered_at_once():
    check("equations", ["equations", "1", "--max-degree", "1000000000"])


def test_a_partial_answer_names_only_options_of_its_subcommand():
    """A part of an answer refused by a bound (here the minors route of the singular locus of
    a 2D case, with the linear sections and the birational route's certificates refused too)
    names the option that raises it: it must be an option of the subcommand that printed it (the
    harness checks every '(CLI: --x)' of an output); an option of another subcommand or of no
    parser at all is a defect."""
    argv = ["strata", "3x2,2x1 s=2x2", "--max-minors", "1", "--max-section-terms", "1", "--max-certificate-terms", "1"]
    code, out, err, elapsed = call(argv)
    assert code == 0 and "(CLI: --max-minors)" in out, out[-600:]
    assert outcome_problem(argv, code, out, err, elapsed, names("strata")) is None
    wrong = out.replace("(CLI: --max-minors)", "(CLI: --randomized)")
    assert "--randomized" in outcome_problem(argv, code, wrong, err, elapsed, names("strata"))
