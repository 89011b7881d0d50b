"""How the CLI tests call the command line: in process, through :func:`lcnalg.cli.main`."""

from __future__ import annotations

import contextlib
import io

from lcnalg.cli import main


def run(argv, capsys):
    """Exit status, stdout and stderr of ``lcnalg ARGV`` (output captured by ``capsys``)."""
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def run_quiet(argv):
    """Exit status, stdout and stderr of ``lcnalg ARGV`` without a pytest fixture (for
    hypothesis tests, which must not reuse a function-scoped fixture)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()
