"""Singular script writer: well-formed scripts, live runs when Singular is installed, and
exact checks (substitution c ↦ μ(w) in Z[w]) of the equations it returns."""

from __future__ import annotations

from collections import Counter

import pytest

from lcnalg.export.singular import METHODS, singular_script
from lcnalg.parameterization import Parameterization
from tests.export.cas import (ARCHS, EXPECTED, RECORDED, assert_vanishes, check_output, needs_singular,
                              parse_poly, run)


# ------------------------------------------------------------------ well-formed scripts
@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("method", METHODS)
def test_singular_script_well_formed(arch, method):
    mu = Parameterization(arch)
    script = singular_script(arch, method)
    for p in mu.coordinates:
        assert str(p) in script
    ring_lines = [l for l in script.splitlines() if l.startswith("ring ")]
    declared = set()
    for line in ring_lines:
        declared |= set(line.split("(", 1)[1].split(")", 1)[0].split(","))
    assert declared == set(mu.parameter_names) | set(mu.coordinate_names)
    if method == "eliminate":
        assert len(ring_lines[0].split("(", 1)[1].split(")", 1)[0].split(",")) == (
            mu.num_parameters + mu.ambient_dimension
        )
    for key in ("ngens", "degrees", "dim", "degree", "gens"):
        assert f'"LCNALG {key} "' in script
    assert script.rstrip().endswith("quit;")


def test_singular_rejects_unknown_method():
    with pytest.raises(ValueError, match="method"):
        singular_script("2,2 s=2", "magic")


# ------------------------------------------------------------------ exact checks (no CAS)
@pytest.mark.parametrize("arch", list(RECORDED))
def test_recorded_generators_vanish_exactly(arch):
    assert_vanishes(arch, RECORDED[arch])
    hist, _, _ = EXPECTED[arch]
    degs = [parse_poly(g, Parameterization(arch).coordinate_ring).total_degree() for g in RECORDED[arch]]
    assert dict(Counter(degs)) == hist


def test_substitution_detects_a_non_equation():
    mu = Parameterization("2,2 s=2")
    with pytest.raises(AssertionError):
        assert_vanishes("2,2 s=2", ["c0*c3-c1^2"])
    assert parse_poly("2*c0^2-c3", mu.coordinate_ring).total_degree() == 2


# ------------------------------------------------------------------ live runs
@needs_singular
@pytest.mark.parametrize("arch", list(EXPECTED))
@pytest.mark.parametrize("method", METHODS)
def test_singular_runs(arch, method, tmp_path):
    out = run(["Singular", "-q", "--no-rc"], singular_script(arch, method), tmp_path, ".sing")
    check_output(arch, out)


# ------------------------------------------------------------------ merged stride-one layers
@pytest.mark.parametrize("arch, merged", [("2,2,4,3 s=1,1,2", "6,3 s=2"), ("3,2,2 s=1,2", "4,2 s=2"),
                                          ("2x2,2x2", None), ("2,2 r=2", None)])
def test_stride_one_layers_are_merged_in_the_script(arch, merged):
    """Consecutive 1D layers joined by stride one have the complex image of one merged layer,
    so the script eliminates that layer's fewer weights (said in a comment); 2D and activations
    are written as they are."""
    from lcnalg.parameterization import parameterize

    script = singular_script(arch)
    ring = next(line for line in script.splitlines() if line.startswith("ring R"))
    weights = [v for v in ring.split("(", 1)[1].split(")", 1)[0].split(",") if v.startswith("w")]
    target = parameterize(merged or arch)
    assert weights == list(target.parameter_names)
    assert (f"merged first: {merged} has the same complex image" in script) == (merged is not None)
    assert parameterize(arch).coordinate_names == target.coordinate_names


@needs_singular
def test_merged_script_gives_the_ideal_of_the_architecture(tmp_path):
    """2,2,4,3 s=1,1,2 (11 weights) is eliminated as 6,3 s=2 (9 weights): the ideal Singular
    returns is lcnalg's (the same generators' degrees, dimension and degree), and each of its
    generators vanishes exactly on the unmerged parameterization."""
    from lcnalg.algebra.implicitization import implicit_equations

    arch = "2,2,4,3 s=1,1,2"
    out = run(["Singular", "-q", "--no-rc"], singular_script(arch), tmp_path, ".sing")
    ours = implicit_equations(Parameterization(arch), jobs=1)
    assert ours.certified
    assert sorted(int(d) for d in out["degrees"].split(",")) == sorted(ours.degrees) == [6] * 7
    assert (int(out["dim"]), int(out["degree"])) == (ours.dimension, ours.variety_degree) == (8, 21)
    assert_vanishes(arch, out["gens"].split(","))
