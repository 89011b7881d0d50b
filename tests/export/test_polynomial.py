"""Script writers on polynomial networks (activation t ↦ t^r, r ≥ 2): the rings, the weights
that make the graph ideal homogeneous and the map c ↦ μ(w) of the coefficients of the output
form; live runs compare the CAS's ideal with lcnalg's own implicit equations."""

from __future__ import annotations

from collections import Counter

import pytest

from lcnalg import FunctionSpace
from lcnalg.export.macaulay2 import m2_name, macaulay2_script
from lcnalg.export.singular import METHODS, coordinate_weight, singular_script
from lcnalg.parameterization import parameterize
from tests.export.cas import assert_vanishes, needs_m2, needs_singular, run

POLY_ARCHS = ["2,2 r=2", "2,2 s=2 r=3", "3,2 r=2", "2,2,2 s=2,2 r=2", "2,2,2 r=3", "2x2,1x2 r=2"]


def _inside(line: str) -> list[str]:
    return line.split("(", 1)[1].split(")", 1)[0].split(",")


@pytest.mark.parametrize("arch", POLY_ARCHS)
def test_coordinate_weight_is_the_degree_of_every_coordinate(arch):
    # two routes: the layer degrees r^(L-l) summed, and the total degree of each flint polynomial
    mu = parameterize(arch)
    r, L = mu.architecture.activation, mu.architecture.num_layers
    assert coordinate_weight(mu) == sum(r ** (L - l) for l in range(1, L + 1))
    for p in mu.coordinates:
        assert {sum(m) for m in p.monoms()} == {coordinate_weight(mu)}


@pytest.mark.parametrize("arch", POLY_ARCHS)
@pytest.mark.parametrize("method", METHODS)
def test_singular_script_polynomial(arch, method):
    mu = parameterize(arch)
    script = singular_script(arch, method)
    lines = script.splitlines()
    rings = [l for l in lines if l.startswith("ring ")]
    D = str(coordinate_weight(mu))
    if method == "eliminate":
        assert _inside(rings[0]) == list(mu.parameter_names) + list(mu.coordinate_names)
        assert rings[0].endswith(f"(wp({','.join('1' for _ in mu.parameter_names)}),"
                                 f"wp({','.join(D for _ in mu.coordinate_names)}));")
        graph = next(l for l in lines if l.startswith("ideal G = "))
        assert graph == "ideal G = " + ", ".join(
            f"{c}-({p})" for c, p in zip(mu.coordinate_names, mu.coordinates)) + ";"
    else:
        assert _inside(rings[0]) == list(mu.parameter_names)
        assert _inside(rings[1]) == list(mu.coordinate_names)
        assert rings[1].endswith(f"wp({','.join(D for _ in mu.coordinate_names)});")
        assert "map phi = Cw, " + ", ".join(str(p) for p in mu.coordinates) + ";" in lines
    assert _inside(rings[-1]) == list(mu.coordinate_names) and rings[-1].endswith(", dp;")
    assert 'print("LCNALG degree " + string(mult(S)));' in lines


@pytest.mark.parametrize("arch", POLY_ARCHS)
def test_macaulay2_script_polynomial(arch):
    mu = parameterize(arch)
    lines = macaulay2_script(arch).splitlines()
    D = str(coordinate_weight(mu))
    c = ",".join(m2_name(n) for n in mu.coordinate_names)
    assert f"W = QQ[{','.join(m2_name(n) for n in mu.parameter_names)}];" in lines
    assert f"Cw = QQ[{c}, Degrees => {{{','.join(D for _ in mu.coordinate_names)}}}];" in lines
    assert "phi = map(W, Cw, {" + ", ".join(m2_name(str(p)) for p in mu.coordinates) + "});" in lines
    assert f"C = QQ[{c}];" in lines
    assert 'stdio << "LCNALG degree " << toString degree K << endl;' in lines
    assert not any("_" in l for l in lines if not l.startswith(("--", "stdio")))


# ------------------------------------------------------------------ live runs against lcnalg
LIVE = ["2,2 r=2", "2,2 s=2 r=3"]


def _compare_with_lcnalg(arch: str, out: dict) -> None:
    ours = FunctionSpace(arch).implicit_equations()
    assert ours.certified  # both cases are certified by the elimination certificate
    degs = [int(d) for d in out["degrees"].split(",")]
    gens = out["gens"].split(",")
    assert int(out["ngens"]) == len(gens) == ours.num_generators
    assert dict(Counter(degs)) == ours.degree_counts()
    assert int(out["dim"]) == ours.dimension
    assert int(out["degree"]) == ours.degree
    assert_vanishes(arch, gens)


@needs_singular
@pytest.mark.parametrize("arch", LIVE)
def test_singular_agrees_with_lcnalg(arch, tmp_path):
    out = run(["Singular", "-q", "--no-rc"], singular_script(arch), tmp_path, ".sing")
    _compare_with_lcnalg(arch, out)


@needs_m2
def test_macaulay2_agrees_with_lcnalg(tmp_path):
    out = run(["M2", "--script"], macaulay2_script("2,2 r=2"), tmp_path, ".m2")
    _compare_with_lcnalg("2,2 r=2", out)
