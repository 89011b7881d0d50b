"""The Zariski closure of the 2D relative boundary (lcnalg.real.boundary_closure_2d) against independent routes:
the exact relative-boundary test at points of each component's stratum, explicit limits of points outside M,
images of generic parameters, the dimension search and Jacobian ranks at random points; and its stratum in the
stratification (text, --json, --latex)."""

from __future__ import annotations

import functools
import json
import random
from fractions import Fraction

import flint
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization
from lcnalg.real import boundary, contains
from lcnalg.real.boundary_closure_2d import FactorProductMap, relative_boundary_closure_2d
from lcnalg.singularities import stratification
from tests.cli.runner import run

ARCHS = ["2x2,2x2", "2x2,2x1", "2x2,2x1,1x2", "3x1,2x2 s=2x1", "2x2,2x2 s=2x1", "2x2,2x2 s=1x2"]
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=None)
def closure(arch):
    return relative_boundary_closure_2d(arch)


@functools.lru_cache(maxsize=None)
def bd(arch):
    return boundary(arch)


def _vanish(polys, point):
    vals = [flint.fmpz(int(x)) for x in point]
    return all(p(*vals) == 0 for p in polys)


@SLOW
@given(i=st.integers(0, len(ARCHS) - 1), j=st.integers(0, 10), seed=st.integers(0, 10**6))
def test_stratum_points_on_the_boundary_satisfy_the_equations(i, j, seed):
    arch = ARCHS[i]
    r = closure(arch)
    comp = r.components[j % len(r.components)]
    p = comp.parameterization.stratum_point(seed)
    on = bd(arch).is_relative_boundary_point(list(p))
    assert on or not any(p), (arch, comp.stratum, p)     # generic factors: on the stratum, so on ∂_V M
    assert _vanish(comp.equations.polynomials, p) and r.contains(p)


def _poly(coeffs_xy, box):
    return tuple(coeffs_xy.get((i, j), 0) for i in range(box[0] + 1) for j in range(box[1] + 1))


def _times(*factors):
    out = {(0, 0): Fraction(1)}
    for f in factors:
        nxt = {}
        for (i, j), c in out.items():
            for (k, l), e in f.items():
                nxt[(i + k, j + l)] = nxt.get((i + k, j + l), 0) + c * e
        out = nxt
    return out


@SLOW
@given(h=st.tuples(st.integers(-9, 9), st.integers(1, 9)), g1=st.tuples(st.integers(-9, 9), st.integers(1, 9)),
       g2=st.tuples(st.integers(-9, 9), st.integers(1, 9)), eps=st.integers(1, 4))
def test_limits_of_points_outside_m_satisfy_the_equations(h, g1, g2, eps):
    # 2x2,2x2: (h(x)^2 + ε^2) g1(y) g2(y) has the factor h^2 + ε^2 of bidegree (2, 0), which no layer of bidegree
    # (1, 1) takes: outside M, in V(R); its limit ε → 0 lies on the relative boundary and on its closure's equations
    arch, box = "2x2,2x2", (2, 2)
    H = {(0, 0): h[0], (1, 0): h[1]}
    G1, G2 = {(0, 0): g1[0], (0, 1): g1[1]}, {(0, 0): g2[0], (0, 1): g2[1]}
    for k in (1, 10, 100):
        e = Fraction(1, eps * k)
        outside = _times(_times(H, H) | {(0, 0): h[0] ** 2 + e * e}, G1, G2)
        assert not contains(arch, list(_poly(outside, box))).contained
    limit = _poly(_times(H, H, G1, G2), box)
    assert bd(arch).is_relative_boundary_point(list(limit))
    assert closure(arch).contains([int(x) for x in limit])


@SLOW
@given(a=st.tuples(st.integers(-9, 9), st.integers(1, 9)), c=st.integers(-9, 9), e=st.integers(-9, 9),
       eps=st.integers(1, 4))
def test_polyphase_limits_satisfy_the_equations(a, c, e, eps):
    # 2x2,2x2 s=2x1: (α + βx)(x^2 + c)((y + e)^2 + ε^2) lies outside M (a pair factor of the gcd that the strided
    # layer cannot take), and tends to (α + βx)(x^2 + c)(y + e)^2 on the relative boundary
    arch, box = "2x2,2x2 s=2x1", (3, 2)
    A, Q = {(0, 0): a[0], (1, 0): a[1]}, {(0, 0): c, (2, 0): 1}
    Y = {(0, 0): e, (0, 1): 1}
    for k in (1, 10):
        s = Fraction(1, eps * k)
        outside = _poly(_times(A, Q, _times(Y, Y) | {(0, 0): e * e + s * s}), box)
        assert not contains(arch, list(outside)).contained
    limit = [int(x) for x in _poly(_times(A, Q, Y, Y), box)]
    if a[0] * a[0] != -c * a[1] * a[1]:      # else α + βx divides x^2 + c and the gcd changes
        assert bd(arch).is_relative_boundary_point(limit)
    assert closure(arch).contains(limit)


@SLOW
@given(i=st.integers(0, len(ARCHS) - 1), seed=st.integers(0, 10**6))
def test_generic_images_are_not_on_the_closure(i, seed):
    arch = ARCHS[i]
    mu = Parameterization(arch)
    rng = random.Random(seed)
    p = mu.evaluate([rng.randint(-10**6, 10**6) for _ in range(mu.num_parameters)])
    assert not closure(arch).contains(p)


@SLOW
@given(i=st.integers(0, len(ARCHS) - 1), seed=st.integers(0, 10**6))
def test_dimension_agrees_with_the_search_and_random_jacobian_ranks(i, seed):
    arch = ARCHS[i]
    r = closure(arch)
    assert r.dimension == bd(arch).relative_dimension
    rng = random.Random(seed)
    for comp in r.components:
        phi = comp.parameterization
        rank = phi.jacobian_rank([rng.randint(-10**6, 10**6) for _ in phi.parameter_names], modulus=2**31 - 1)
        assert rank <= comp.dimension == comp.expected == phi.upper_dimension
        assert comp.exact


def test_components_are_certified_and_lower_strata_placed():
    r = closure("2x2,2x2")
    assert r.certified and len(r.components) == 3 and r.placed
    assert {c.dimension for c in r.components} == {4}
    assert all(e.count("*") >= 1 for c in r.components for e in c.equations.equations)


def test_product_map_checks_its_box():
    with pytest.raises(InputError, match="box"):
        FactorProductMap((1, 1), ((("R", 1, 0), 2),))
    with pytest.raises(InputError, match="2D linear"):
        relative_boundary_closure_2d("3,2 s=2")


def test_boundary_result_carries_the_closure():
    assert boundary("2x2,2x1").relative_equations_status.startswith("not computed by default")
    b = boundary("2x2,2x1", equations=True)
    r = closure("2x2,2x1")
    assert b.relative_equations == tuple(tuple(c.equations.equations) for c in r.components)
    assert b.relative_equations_status == "certified"
    for p in r.samples:
        assert b.in_relative_boundary_closure(list(p))
    assert not b.in_relative_boundary_closure(Parameterization("2x2,2x1").evaluate([3, -5, 7, 2, 11, -1]))
    assert boundary("2x2,2x2 s=2x1", equations=False).relative_equations_status.startswith("not computed")


def test_stratification_node_carries_the_closure():
    s = stratification("2x2,2x1")
    node = s.graph.nodes["relative boundary"]
    r = closure("2x2,2x1")
    assert node["dimension"] == r.dimension
    assert set(r.components[0].equations.equations) <= set(node["equations"])
    assert "V" in s.graph.successors("relative boundary") and "relative boundary" in s.graph.successors("origin")
    row = next(x for x in s.strata() if x["name"] == "relative boundary")
    assert row["dimension_bounds"] is None


def test_stratification_head_node_has_bounds(capsys):
    arch = "2x1,2x1,1x2 s=1x1,1x2"
    s = stratification(arch)
    node = s.graph.nodes["relative boundary"]
    lower, upper = node["dimension_bounds"]
    b = boundary(arch)
    assert (lower, upper) == tuple(b.relative_dimension_bounds) and node["dimension"] == upper
    assert any("not derived" in e for e in node["defined_by"]) and node["equations"] == ()
    assert "V" in s.graph.successors("relative boundary")
    assert ("relative boundary" in s.graph.successors("origin")) == bool(lower)
    assert str(s.status).startswith("undecided") and "bounded" in str(s.status.reason)
    code, out, _ = run(["strata", arch, "--json"], capsys)
    rows = {x["name"]: x for x in json.loads(out)["strata"]}
    assert code == 0 and rows["relative boundary"]["dimension_bounds"] == [lower, upper]
    code, out, _ = run(["strata", arch], capsys)
    assert "(bounds)" in out and "\n      not derived" in out
    code, out, _ = run(["strata", arch, "--latex"], capsys)
    assert r"\le d\le" in out
