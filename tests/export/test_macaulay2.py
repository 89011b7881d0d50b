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


def test_stride_one_layers_are_merged_in_the_script():
    """As in the Singular script: 2,2,4,3 s=1,1,2 is written with the 9 weights of 6,3 s=2
    (the same complex image), said in a comment; the coordinates are the architecture's."""
    lines = macaulay2_script("2,2,4,3 s=1,1,2").splitlines()
    assert lines[1] == "-- layers joined by stride one merged first: 6,3 s=2 has the same complex image"
    w = next(line for line in lines if line.startswith("W = QQ["))
    assert w == "W = QQ[w1u0,w1u1,w1u2,w1u3,w1u4,w1u5,w2u0,w2u1,w2u2];"
    assert next(line for line in lines if line.startswith("C = QQ[")) == "C = QQ[c0,c1,c2,c3,c4,c5,c6,c7,c8,c9];"
