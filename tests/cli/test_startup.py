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
        code, out, loaded = loaded_by(["equations", "3x2,2x2 s=1x2", "--jobs", "2", "--no-certify"])
        assert code == 0 and "49 generators" in out
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


#: What ``import lcnalg`` and the command line's own start load of lcnalg: the package, its
#: errors, and the modules that parse an architecture and the options (no algorithm module).
PACKAGE_START = {"lcnalg", "lcnalg.errors"}
CLI_START = PACKAGE_START | {"lcnalg.cli", "lcnalg.architecture", "lcnalg.checks"}
HEAVY = ("numpy", "sympy", "networkx", "scipy", "rich", "matplotlib", "mpmath")

MODULES_AFTER = """
import sys
{code}
print(repr(sorted(sys.modules)))
"""


def modules_after(code: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", MODULES_AFTER.format(code=code)], capture_output=True, text=True,
                          timeout=60, check=True)
    return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))


def test_import_lcnalg_loads_no_algorithm_module_and_no_numpy():
    loaded = modules_after("import lcnalg")
    assert {m for m in loaded if m.startswith("lcnalg")} == PACKAGE_START
    assert not {m.split(".")[0] for m in loaded} & {*HEAVY, "flint"}
    loaded = modules_after("import lcnalg.cli")
    assert {m for m in loaded if m.startswith("lcnalg")} == CLI_START
    assert "flint" in loaded and not {m.split(".")[0] for m in loaded} & set(HEAVY)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["verify", "--help"], ["info", "2,2 s=2"]])
def test_the_version_the_help_and_a_small_info_load_no_numpy(argv):
    """``--help`` registers every subcommand, ``verify``'s with the bounds a verification uses, and
    ``info`` computes the dimension and degree of a linear network: none of them needs numpy."""
    code = ("import io, contextlib\nfrom lcnalg.cli import main\n"
            f"with contextlib.redirect_stdout(io.StringIO()) as out:\n    status = main({argv!r})\n"
            "assert status == 0 and out.getvalue()")
    loaded = modules_after(code)
    assert not {m.split(".")[0] for m in loaded} & set(HEAVY)
    # the help of `report` lists the sections of lcnalg.export.report, so that module may load
    assert not {m for m in loaded if m.startswith(tuple(d for d in DEFERRED if d != "lcnalg.export"))}


def test_the_version_loads_no_subcommand():
    code = ("import io, contextlib\nfrom lcnalg.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            "    try:\n        main(['--version'])\n    except SystemExit as exc:\n        assert exc.code == 0\n"
            "assert out.getvalue() == f'lcnalg {__import__(\"lcnalg\").__version__}\\n', out.getvalue()")
    assert {m for m in modules_after(code) if m.startswith("lcnalg")} == CLI_START


def test_the_help_still_names_every_subcommand_with_its_own_help(capsys):
    from lcnalg.cli import SUBCOMMANDS, main

    assert main(["--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for name in SUBCOMMANDS:
        assert f" {name.replace('_', '-')} " in out, name


def test_every_public_name_resolves_in_a_fresh_interpreter():
    """The names of ``lcnalg.__all__`` are imported on first use: each one is found both as
    ``lcnalg.NAME`` and by ``from lcnalg import NAME``, is the object of the module that defines
    it, and is listed by ``dir(lcnalg)``; ``from lcnalg import *`` binds them all."""
    code = """
import importlib, lcnalg
names = list(lcnalg.__all__)
assert set(names) <= set(dir(lcnalg)), set(names) - set(dir(lcnalg))
for name in names:
    value = getattr(lcnalg, name)
    exec(f"from lcnalg import {name} as imported")
    assert imported is value, name
    module = getattr(value, "__module__", None)
    if module and module.startswith("lcnalg."):
        assert getattr(importlib.import_module(module), name) is value, name
star = {}
exec("from lcnalg import *", star)
assert set(names) <= set(star), set(names) - set(star)
"""
    modules_after(code)
    import lcnalg

    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        lcnalg.no_such_name  # noqa: B018


def test_the_command_line_asks_openblas_for_one_thread_unless_told():
    """The console script leaves OpenBLAS one thread (its pool, started when numpy is imported,
    would go unused: the eliminations are single-threaded and parallel work is processes);
    a value the user set is kept."""
    code = ("import os, sys\nfrom unittest import mock\nimport lcnalg.cli as c\n"
            "assert 'numpy' not in sys.modules\n"
            "with mock.patch.object(c, 'main', return_value=0), mock.patch.object(sys, 'exit'):\n"
            "    c.entry_point()\nprint(os.environ['OPENBLAS_NUM_THREADS'])")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"
    out = subprocess.run([sys.executable, "-c", code], env={**env, "OPENBLAS_NUM_THREADS": "2"},
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "2"
