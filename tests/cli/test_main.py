"""The command line as a whole: version, one-line errors with exit status 2 for bad input,
exit status 70 for a bug, no traceback on garbage, the real console entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import lcnalg.cli.info
from lcnalg import __version__
from lcnalg.cli import EXIT_BUG, SUBCOMMANDS, main
from tests.cli.runner import run


def test_version(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["info", "3,,x"], ["info", ""], ["info"], ["nonsense"], ["info", "3,2", "--bogus"],
     ["info", "2x2,3"], ["info", "3 r=0"], ["info", "3,2 r=1.5"], ["info", "3,2 c=1,2,1 r=2"], ["info", "3,2", "--seed", "x"],
     ["info", "3,2", "--json", "--latex"]],
)
def test_bad_input_is_one_line_exit_2(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("argv", [["closed", "2,2", "--max-states", "0"], ["closed", "2,,2"],
                                  ["contains", "2x2,2x2", "1,2;3,4;5,6", "--max-field-work", "-1"],
                                  ["inequalities", "2,2 s=2", "--max-degree", "x"],
                                  ["inequalities", "2,2 c=1,2,1"], ["boundary", "2x2,2x2 c=1,2,1"],
                                  ["contains", "2,2", "1,x,2"], ["contains", "2,2", "1,2"],
                                  ["contains", "2,,2", "1,2,3"], ["contains", "2x2,2x2", "1,2;3"],
                                  ["contains", "2,2", "1,2/0,3"], ["inequalities", "3,,"],
                                  ["boundary"], ["contains", "2,2"]])
def test_bad_input_of_every_subcommand(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=25))
def test_garbage_architecture_never_tracebacks(text):
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["info", text])
    if code != 0:
        assert code == 2
        assert len(err.getvalue().strip().splitlines()) == 1


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="-abcdefijlnosxz0123456789=, ", max_size=8), max_size=4))
def test_garbage_arguments_never_traceback(argv):
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(argv)
    assert code in (0, 2)
    if code == 2:
        assert "Traceback" not in err.getvalue()


def test_real_console_entry_point():
    """The installed module entry point: one line on stderr, exit 2."""
    proc = subprocess.run([sys.executable, "-m", "lcnalg", "info", "3,,x"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "filters" in proc.stderr
    ok = subprocess.run([sys.executable, "-m", "lcnalg", "info", "3,2 s=2", "--json"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["dimension"] == 4


def test_no_command_is_one_usage_line_exit_2(capsys):
    code, out, err = run([], capsys)
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and "no command" in err and "info" in err


def test_a_bug_is_one_line_exit_70(monkeypatch, capsys):
    def broken(args):
        raise KeyError("oops")

    monkeypatch.setattr(lcnalg.cli.info, "run", broken)
    code, out, err = run(["info", "2,2"], capsys)
    assert code == EXIT_BUG == 70
    assert len(err.strip().splitlines()) == 1 and "internal error" in err and "KeyError" in err
    assert "bug" in err and "Traceback" not in err
    monkeypatch.setenv("LCNALG_DEBUG", "1")
    with pytest.raises(KeyError):
        main(["info", "2,2"])


@pytest.mark.parametrize("value", ["0", "-3", "x", "1.5", "", "9" * 5000, "1.5e0", "2e-1", "1e", "1e" + "9" * 5000])
@pytest.mark.parametrize("option", ["--max-terms", "--jobs", "--max-degree"])
def test_counts_are_positive_integers_checked_at_parse_time(option, value, capsys):
    code, out, err = run(["equations", "2,2 s=2", option, value], capsys)
    assert code == 2 and not out
    assert len(err.strip().splitlines()) == 1 and option in err and len(err) < 300


@pytest.mark.parametrize("value, bound", [("1e11", 10**11), ("2.5e9", 2_500_000_000), ("1.25E2", 125),
                                          ("3e5", 300000)])
def test_bounds_read_exact_integers_in_scientific_notation(value, bound, capsys):
    """The bounds are large numbers: ``1e11`` and ``2.5e9`` are read exactly, as integers, and
    reach the run: the whole ideal within the large ones; the bound printed back where it stops
    the run (3e5, after some degrees) or refuses it up front (1.25E2)."""
    code, out, err = run(["equations", "3,3,3 s=2,3", "--max-equations-work", value, "--json"], capsys)
    if bound >= 10**9:
        assert code == 0 and json.loads(out)["num_generators"] == 130
    elif bound > 10**4:
        r = json.loads(out)
        assert code == 0 and r["num_generators"] < 130 and f"above the bound {bound}" in r["stopped_by"]
    else:
        assert code == 2 and f"above the bound {bound};" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("value", ["-1", "x", "9" * 5000])
def test_seed_is_a_non_negative_integer(value, capsys):
    code, _, err = run(["info", "2,2", "--seed", value], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--seed" in err


def test_jobs_capped_at_the_cores_with_a_notice(capsys):
    import os

    cores = len(os.sched_getaffinity(0))
    code, out, err = run(["inequalities", "2,2 s=2", "--jobs", str(cores + 5)], capsys)
    assert code == 0 and out
    assert err.strip().splitlines() == [f"lcnalg inequalities: notice: --jobs {cores + 5} capped at the "
                                        f"{cores} cores available"]


@pytest.mark.parametrize("name", SUBCOMMANDS)
def test_every_subcommand_lists_its_bounds_with_defaults(name, capsys):
    from lcnalg.limits import Limits

    assert main([name.replace("_", "-"), "--help"]) == 0
    out = capsys.readouterr().out
    assert "resource bounds" in out and ("--max-terms" in out
                                         or name in ("contains", "closed", "hessian_rank", "regions", "equivariant",
                                                  "group_conv"))
    from lcnalg.theorems import verify_limits

    defaults = verify_limits() if name == "verify" else Limits()  # verify keeps each check cheap
    if name == "equations":   # its own default of the whole-run bound
        import dataclasses

        from lcnalg.cli.equations import EQUATIONS_WORK
        defaults = dataclasses.replace(defaults, max_equations_work=EQUATIONS_WORK,
                                       max_read_entries=defaults.max_certify_entries)
    for option in [Limits.option(n) for n in Limits.names()]:
        if option in out:
            default = getattr(defaults, option[2:].replace("-", "_"))
            assert f"(default {default})" in " ".join(out.split())


@pytest.mark.parametrize("spaced, joined", [
    (["group-conv", "C3: 2,2", "--contains", "-3,1,-1", "--json"],
     ["group-conv", "C3: 2,2", "--contains=-3,1,-1", "--json"]),
    (["regions", str(Path(__file__).parent.parent / "regions" / "net_2_3_2.json"), "--box", "-1,1", "--json"],
     ["regions", str(Path(__file__).parent.parent / "regions" / "net_2_3_2.json"), "--box=-1,1", "--json"]),
    (["contains", "2,2 r=2", "-x0^2", "--json"], ["contains", "2,2 r=2", "--json", "--", "-x0^2"]),
    (["contains", "2,2", "--json", "-1,0,1"], ["contains", "2,2", "--json", "--", "-1,0,1"]),
    (["contains", "2,2", "-1/2,0,1", "--max-nod", "7", "--json"], ["contains", "2,2", "--max-nodes=7", "--json", "--", "-1/2,0,1"]),
])
def test_values_that_start_with_a_minus_sign(spaced, joined, capsys):
    # a value beginning with '-' is the option's value (or the positional one), never an option;
    # a flag before it does not take it
    a, b = run(spaced, capsys), run(joined, capsys)
    assert a[0] == b[0] == 0 and json.loads(a[1])["seconds"] >= 0
    assert _timeless(json.loads(a[1])) == _timeless(json.loads(b[1]))


def _timeless(value):
    """A JSON value without its timings (``seconds`` at any depth)."""
    if isinstance(value, dict):
        return {k: _timeless(v) for k, v in value.items() if k != "seconds"}
    return [_timeless(v) for v in value] if isinstance(value, list) else value
