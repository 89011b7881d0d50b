"""The command line: output formats, one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import __version__
from lcnalg.cli import main


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_info_text(capsys):
    code, out, err = run(["info", "3,2 s=2"], capsys)
    assert code == 0 and not err
    for piece in ["3,2 s=2", "dimension", "4", "ambient dimension", "5", "thin", "c2 = w1_2*w2_0 + w1_0*w2_1"]:
        assert piece in out


def test_info_json_keys(capsys):
    code, out, _ = run(["info", "2x2,2x2", "--json"], capsys)
    data = json.loads(out)
    assert code == 0
    assert data["architecture"] == "2x2,2x2"
    assert (data["dimension"], data["ambient_dimension"], data["is_filling"]) == (7, 9, False)
    assert data["num_parameters"] == 8 and data["certified"] is True and data["method"]
    assert len(data["parameterization"]) == 9


def test_info_latex(capsys):
    code, out, _ = run(["info", "2,2 s=2", "--latex"], capsys)
    assert code == 0 and r"\begin{align*}" in out and "w_{1,0} w_{2,0}" in out


def test_info_abbreviates_unless_full(capsys):
    _, short, _ = run(["info", "2,2,2,2,2,2,2,2,2,2,2,2,2"], capsys)
    _, full, _ = run(["info", "2,2,2,2,2,2,2,2,2,2,2,2,2", "--full"], capsys)
    assert "more coordinates" in short and "terms)" in short
    assert "more coordinates" not in full and "terms)" not in full


def test_version(capsys):
    assert main(["--version"]) == 0
    assert __version__ in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [["info", "3,,x"], ["info", ""], ["info"], ["nonsense"], ["info", "3,2", "--bogus"],
     ["info", "2x2,3"], ["info", "3 r=0"], ["info", "3,2 r=2"], ["info", "3,2", "--seed", "x"],
     ["info", "3,2", "--json", "--latex"]],
)
def test_bad_input_is_one_line_exit_2(argv, capsys):
    code, out, err = run(argv, capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


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
