"""Start-up of ``lcnalg equations``: a small request loads only what it uses.

Python, numpy and python-flint take most of the start-up of ``lcnalg equations "2,2 s=2"``;
the modules below are needed only by other requests (sympy: export and LaTeX; a process
pool: ``--jobs``; JSON: ``--json``; ...).  Each one loaded by every command would cost
milliseconds of every start, so a fresh interpreter answers the request and reports which
of them it loaded.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys

import pytest

#: Modules a text answer of a small linear request does without.
NOT_AT_START = ("sympy", "networkx", "rich", "scipy", "matplotlib", "mpmath", "distributed",
                "concurrent.futures", "multiprocessing", "logging", "numpy.ma", "shutil", "socket",
                "json", "lcnalg.polys.zero_dimensional", "lcnalg.polys.bivariate")

#: lcnalg modules that the requests which need them import, and a linear network without a
#: basis does without (each moved from a module-level import to its use); the classes of the
#: other subcommands' results live with their algorithms, so no package of those is loaded.
DEFERRED = ("lcnalg.channel_parameterization", "lcnalg.polynomial_parameterization",
            "lcnalg.basis_parameterization", "lcnalg.filter_basis", "lcnalg.algebra.fibre",
            "lcnalg.polys.groebner._lift", "lcnalg.polys.groebner.border", "lcnalg.polys.isotypic",
            "lcnalg.landscape", "lcnalg.flow", "lcnalg.hessian", "lcnalg.regions", "lcnalg.theorems",
            "lcnalg.real", "lcnalg.singularities", "lcnalg.groups", "lcnalg.export", "html")

CHILD = """
import io, contextlib, sys
before = set(sys.modules)
from lcnalg.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = main(sys.argv[1:])
print(repr((code, out.getvalue(), sorted(set(sys.modules) - before))))
"""


def loaded_by(argv: list[str]) -> tuple[int, str, set[str]]:
    done = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True,
                          timeout=60, check=True)
    code, out, loaded = ast.literal_eval(done.stdout)
    return code, out, set(loaded)


@pytest.mark.parametrize("arch", ["2,2 s=2", "3,2 s=2"])
def test_small_equations_load_no_module_they_do_not_use(arch):
    code, out, loaded = loaded_by(["equations", arch])
    assert code == 0 and "certified" in out
    assert "lcnalg.algebra.implicitization" in loaded and "flint" in loaded  # the test sees the run
    assert sorted(loaded & set(NOT_AT_START)) == []


def test_the_modules_left_out_are_loaded_where_they_are_needed():
    code, out, loaded = loaded_by(["equations", "2,2 s=2", "--json"])
    assert code == 0 and json.loads(out)["equations"] == ["c1*c2 - c0*c3"]
    assert "json" in loaded
    if len(os.sched_getaffinity(0)) >= 2:  # with one core --jobs 2 is capped at 1: no pool
        # processes are started only for a degree whose estimated work is worth them: not for
        # the quadric of 2,2 s=2, but for degree 6 of 3x2,2x2 s=1x2 (estimated above 2e8)
        code, out, loaded = loaded_by(["equations", "2,2 s=2", "--jobs", "2"])
        assert code == 0 and "c1*c2 - c0*c3" in out
        assert not {"concurrent.futures", "multiprocessing"} & loaded
        code, out, loaded = loaded_by(["equations", "3x2,2x2 s=1x2", "--jobs", "2"])
        assert code == 0 and "certified" in out
        assert {"concurrent.futures", "multiprocessing"} <= loaded


def test_small_equations_load_none_of_the_deferred_modules():
    code, out, loaded = loaded_by(["equations", "2,2 s=2"])
    assert code == 0 and "c1*c2 - c0*c3" in out
    assert "lcnalg.results" in loaded and "lcnalg.polys.groebner" in loaded  # the test sees the run
    assert sorted(loaded & set(DEFERRED)) == []
    assert not {name for name in loaded if name.startswith(tuple(d + "." for d in DEFERRED))}


def test_the_deferred_modules_exist_and_load_where_they_are_needed(tmp_path):
    """The names above are real modules (a rename would make the test above vacuous), and the
    requests that use them still load them: channels, an activation (its fibre is counted by a
    Groebner basis), a fixed filter basis."""
    assert all(importlib.util.find_spec(name) is not None for name in DEFERRED)
    code, out, loaded = loaded_by(["info", "2,2 c=1,2,1"])
    assert code == 0 and "lcnalg.channel_parameterization" in loaded
    code, out, loaded = loaded_by(["equations", "2,2 r=2"])
    assert code == 0 and {"lcnalg.polynomial_parameterization", "lcnalg.algebra.fibre"} <= loaded
    basis = tmp_path / "basis.json"
    basis.write_text(json.dumps({"family": "haar", "size": 2}))
    code, out, loaded = loaded_by(["equations", "4,2", "--basis", str(basis)])
    assert code == 0 and {"lcnalg.filter_basis", "lcnalg.basis_parameterization"} <= loaded
