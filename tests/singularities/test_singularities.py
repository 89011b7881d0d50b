"""Critical locus, singular locus and stratification: cross-checks by independent routes."""

from __future__ import annotations

import json
import random

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace, Parameterization
from lcnalg.cli import main
from lcnalg.errors import ResourceLimitError
from lcnalg.singularities.critical import (critical_locus, is_critical, planted_families,
                                           shared_root_image_dimension, shared_root_point,
                                           shares_hyperroot)
from lcnalg.singularities.singular_locus import singular_locus
from lcnalg.singularities.strata import stratification

STRIDE_ONE = ["2,2", "3,2", "2,3", "2,2,2", "3,3", "4,2", "2,2,3"]
STRIDED = ["3,2 s=2", "3,3 s=2", "2,2,2 s=2,2", "3,3 s=3", "4,2 s=2", "3,2,2 s=2,2", "4,3 s=3"]


@st.composite
def stride_one_points(draw):
    arch = draw(st.sampled_from(STRIDE_ONE))
    a = Architecture.parse(arch)
    ints = st.integers(-4, 4)
    layers = [draw(st.lists(ints, min_size=f[0], max_size=f[0])) for f in a.filters]
    if draw(st.booleans()):   # plant a common root (possibly at infinity)
        l, m = draw(st.sampled_from([(i, j) for i in range(len(layers)) for j in range(i + 1, len(layers))]))
        root = draw(st.sampled_from([None, -2, -1, 0, 1, 3]))
        for i in (l, m):
            q = draw(st.lists(ints, min_size=len(layers[i]) - 1, max_size=len(layers[i]) - 1))
            layers[i] = ([0] + q) if root is None else [(q[j - 1] if j else 0) - root * (q[j] if j < len(q) else 0)
                                                         for j in range(len(q) + 1)]
            if root is None:   # root at infinity: top coefficient zero
                layers[i] = q + [0]
    return arch, layers


@settings(max_examples=150, deadline=None)
@given(stride_one_points())
def test_stride_one_critical_iff_shared_root(data):
    arch, theta = data
    assert is_critical(arch, theta) == shares_hyperroot(arch, theta)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(STRIDED), st.integers(0, 10**6), st.booleans())
def test_strided_planted_hyperroots_are_critical(arch, seed, plant):
    fams = planted_families(arch)
    if plant and fams:
        pair = fams[seed % len(fams)]
        theta, _ = shared_root_point(arch, pair, seed)
        assert shares_hyperroot(arch, theta) and is_critical(arch, theta)
    else:
        theta = Parameterization(arch).random_point(seed, bound=20)
        assert is_critical(arch, theta) == shares_hyperroot(arch, theta)


def test_zero_layers():
    assert is_critical("2,2,2", [[0, 0], [1, 2], [3, 1]])
    assert shares_hyperroot("2,2,2", [[0, 0], [1, 2], [3, 1]])
    assert not is_critical("2,1", [[1, 2], [3]])


@pytest.mark.parametrize("arch", STRIDE_ONE[:5])
def test_stride_one_hypersurface_is_resultants(arch):
    r = critical_locus(arch)
    if Architecture.parse(arch).num_layers >= 2:
        assert r.matches_hyperroots is True
        assert r.dimension == r.num_parameters - 1


@pytest.mark.parametrize("arch", ["3,2 s=2", "3,3 s=2", "2,2,2 s=2,2", "3,3 s=3", "3,2,2 s=2,2"])
def test_strided_locus_dimension_independent(arch):
    """Dimension mod p of the minors ideal vs exact ranks of the planted families' maps."""
    r = critical_locus(arch)
    assert r.matches_hyperroots is True
    fam = max(f["dimension"] for f in r.families)
    assert r.dimension == fam
    # the locus is a proper subset: generic points are not critical
    mu = Parameterization(arch)
    assert not is_critical(arch, mu.random_point(1))


def test_critical_locus_refuses():
    with pytest.raises(ResourceLimitError):
        critical_locus("3,3,3 s=2,2", max_minors=10)


def test_image_dimensions_by_rank():
    # stride one: the shared-root image is the discriminant hypersurface of M = R^k
    assert shared_root_image_dimension("2,2,2", (1, 3), seed=3) == (5, 3)
    # 3,2 s=2: family of dimension 3 = N - r, image of dimension 2
    assert shared_root_image_dimension("3,2 s=2", (1, 2), seed=3) == (3, 2)


def test_singular_locus_small():
    assert singular_locus("2,2,2").dimension == -1
    r = singular_locus("3,2 s=2")
    assert r.exact_ideal and r.codimension == 1 and r.dimension == 3
    with pytest.raises(ResourceLimitError):
        singular_locus("2x2,2x2 s=2x2")


@pytest.mark.parametrize("arch", ["2,2", "2,2,2", "3,2 s=2", "3,3 s=2", "3,2,2 s=2,2", "2x2,2x2"])
def test_stratification_checks(arch):
    s = FunctionSpace(arch).stratification()
    g = s.graph
    a = Architecture.parse(arch)
    mu = Parameterization(a)
    # every node has a single dimension; V's dimension is the certified one
    assert g.nodes["V"]["dimension"] == FunctionSpace(arch).dimension.value
    # independent route for image strata: exact Jacobian rank of mu at random points of the family
    for node, d in g.nodes(data=True):
        if node.startswith("shared root"):
            pair = tuple(int(x) for x in node.split()[-1].split(","))
            for seed in (11, 12):
                assert shared_root_image_dimension(a, pair, seed)[1] == d["dimension"]
    # closure edges: a point of the smaller stratum satisfies the larger's equations
    eqs = FunctionSpace(arch).implicit_equations().polynomials
    for node in g.nodes:
        if node.startswith("shared root"):
            pair = tuple(int(x) for x in node.split()[-1].split(","))
            c = mu.evaluate(shared_root_point(a, pair, 99)[0])
            assert all(f(*[flint.fmpz(x) for x in c]) == 0 for f in eqs)
            assert g.has_edge(node, "V")
    for u, v in g.edges:
        assert g.nodes[u]["dimension"] <= g.nodes[v]["dimension"]
    assert "origin" in g and all(g.has_edge("origin", v) for v in g.nodes if v != "origin")


def test_boundary_stratum_dimension():
    s = stratification("2,2,2")
    assert s.graph.nodes["boundary"]["dimension"] == 3
    from lcnalg.real.inequalities import boundary

    b = boundary("2,2,2")
    # (z-1)^2 (z-2): boundary point; the family (z-a)^2 q has a Jacobian of rank 3
    assert b.is_boundary_point([-2, 5, -4, 1])
    a, q0, q1 = 1, -2, 1
    # c(a, q) = (z^2 - 2 a z + a^2)(q0 + q1 z): Jacobian columns d/da, d/dq0, d/dq1
    da = [2 * a * q0, -2 * q0 + 2 * a * q1, -2 * q1, 0]
    dq0 = [a * a, -2 * a, 1, 0]
    dq1 = [0, a * a, -2 * a, 1]
    assert flint.fmpq_mat([list(r) for r in zip(da, dq0, dq1)]).rank() == 3


def test_exports(tmp_path):
    s = stratification("2,2")
    data = json.loads(s.to_json())
    assert data["architecture"] == "2,2"
    for x in data["strata"]:
        assert {"name", "dimension", "description", "equations", "in_closure_of"} <= set(x)
    assert "digraph" in s.to_dot() and r"\begin{tabular}" in s.to_latex()
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        from lcnalg.errors import InputError

        with pytest.raises(InputError):
            s.plot(str(tmp_path / "h.png"))
    else:
        assert s.plot(str(tmp_path / "h.png"))


def test_cli(capsys):
    assert main(["strata", "2,2", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["architecture"] == "2,2" and data["strata"]
    assert main(["strata", "2,2", "--dot"]) == 0
    assert "digraph" in capsys.readouterr().out
    assert main(["critical-locus", "3,2 s=2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["dimension"] == 3
    assert main(["critical-locus", "3,,2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert main(["strata", "2,2", "--bogus"]) == 2
