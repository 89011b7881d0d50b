"""Macaulay2 script writer: well-formed scripts, and live runs with exact checks of the
equations when Macaulay2 is installed."""

from __future__ import annotations

import pytest

from lcnalg.export.macaulay2 import m2_name, macaulay2_script
from lcnalg.parameterization import Parameterization
from tests.export.cas import ARCHS, EXPECTED, check_output, needs_m2, run


# ------------------------------------------------------------------ well-formed scripts
@pytest.mark.parametrize("arch", ARCHS)
def test_macaulay2_script_well_formed(arch):
    mu = Parameterization(arch)
    script = macaulay2_script(arch)
    for p in mu.coordinates:
        assert m2_name(str(p)) in script
    lines = script.splitlines()
    w_line = next(l for l in lines if l.startswith("W = QQ["))
    c_line = next(l for l in lines if l.startswith("C = QQ["))
    assert w_line[len("W = QQ["):-2].split(",") == [m2_name(n) for n in mu.parameter_names]
    assert c_line[len("C = QQ["):-2].split(",") == [m2_name(n) for n in mu.coordinate_names]
    assert not any("_" in l for l in lines if not l.startswith(("--", "stdio")))
    assert script.rstrip().endswith("exit 0")


# ------------------------------------------------------------------ live runs
@needs_m2
@pytest.mark.parametrize("arch", list(EXPECTED))
def test_macaulay2_runs(arch, tmp_path):
    out = run(["M2", "--script"], macaulay2_script(arch), tmp_path, ".m2")
    check_output(arch, out)
