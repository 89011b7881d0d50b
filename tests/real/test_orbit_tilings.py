"""Closedness of 1D strided function spaces by the exhaustive root-orbit tiling search,
against the exact rules (Segre, stride one, two layers), against contains() on random real
points of V built from root configurations, and witnesses checked on the implicit equations."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from lcnalg import Architecture, FunctionSpace
from lcnalg.real.closedness import is_zariski_closed, segre_embedding
from lcnalg.real.membership import contains
from lcnalg.real.orbit_tilings import (configuration_blocks, decide_closedness_1d, orbit_model,
                                       witness_polynomial)


def _exact_rule(a: Architecture) -> bool | None:
    ks = [f[0] for f in a.filters]
    t = [x[0] for x in a.cumulative_strides]
    if segre_embedding(a):
        return True
    if all(x == 1 for x in t):
        m = sum(1 for k in ks if (k - 1) % 2)
        return m <= (a.end_to_end_filter_shape[0] - 1) % 2
    if len(ks) == 2:   # two layers, stride s: closed iff n_2 even or n_1 < s
        return (ks[1] - 1) % 2 == 0 or ks[0] - 1 < a.strides[0][0]
    return None


ARCHS = [Architecture(tuple((k,) for k in ks), tuple((s,) for s in ss) + ((1,),))
         for L in (2, 3) for ks in itertools.product(range(2, 5), repeat=L)
         for ss in itertools.product(range(1, 4), repeat=L - 1)]


def test_agrees_with_the_exact_rules():
    compared = 0
    for a in ARCHS:
        ref = _exact_rule(a)
        if ref is None:
            continue
        r = decide_closedness_1d(a)
        assert r is not None and r["closed"] == ref, str(a)
        compared += 1
    assert compared > 40


@pytest.mark.parametrize("arch, closed", [("3,3,3 s=2,2", True), ("2,3,3 s=2,2", True),
                                          ("3,3,3 s=2,1", True), ("3,3,3 s=1,2", True),
                                          ("4,4,4 s=2,2", False), ("3,3,2 s=2,2", False),
                                          ("2,2,2 s=2,1", False), ("2,2,2,2 s=2,2,2", True)])
def test_previously_undecided_and_known_cases(arch, closed):
    r = is_zariski_closed(arch)
    assert r.decided and r.closed is closed
    if not closed:
        assert r.witness is not None
        assert contains(arch, list(r.witness)).contained is False


@pytest.mark.parametrize("arch", ["3,2 s=2", "2,2,2 s=2,1", "3,3,2 s=2,2", "5,2 s=2", "3,4 s=2",
                                  "2,3,2 s=2,2", "4,2,2 s=1,2"])
def test_witness_lies_on_v(arch):
    """The witness polynomial satisfies every implicit equation (a route independent of the
    tiling model), and contains() rejects it."""
    a = Architecture.parse(arch)
    res = decide_closedness_1d(a)
    assert res["closed"] is False
    w = witness_polynomial(res["model"], res["blocks"])
    assert w is not None and all(c.is_Rational for c in w)
    vals = [int(c) for c in w]
    eqs = FunctionSpace(a).implicit_equations(certify=False).polynomials
    assert all(p(*vals) == 0 for p in eqs)
    assert contains(a, vals).contained is False


def _random_point(a: Architecture, rng: random.Random):
    """A random root configuration tiled over C (blocks of the model) and whether the model
    finds a real tiling.  The point is rational when T | 4 and every class z^T = a < 0 is used
    in full orbits; otherwise (e.g. part of the class of a < 0 for T = 4, whose conjugate
    pairs give z^2 ∓ √2·ρ z + ρ^2) it may be irrational and the example is discarded."""
    model = orbit_model(a)
    N, m = model.N, model.m
    blocks = configuration_blocks(model)
    J = len(N)
    C = {(0,) * J}
    R = {((0,) * J, (0,) * J)}
    chosen, zeros = [], 0
    for _ in range(40):
        if N in C:
            return model, chosen, (N, tuple(m)) in R
        rng.shuffle(blocks)
        for b in blocks:
            if b["zero"] and zeros >= 2:
                continue
            C2 = {tuple(x + y for x, y in zip(c, f)) for c in C for f in b["FC"]}
            C2 = {v for v in C2 if all(p <= q for p, q in zip(v, N))}
            if C2:
                R2 = {(tuple(x + y for x, y in zip(c, f)), tuple(min(x + y, k) for x, y, k in zip(r, g, m)))
                      for c, r in R for f, g in b["FR"]}
                R = {(v, r) for v, r in R2 if all(p <= q for p, q in zip(v, N))}
                C, zeros = C2, zeros + b["zero"]
                chosen.append(b)
                break
        else:
            return None
    return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["3,3,3 s=2,2", "4,4,4 s=2,2", "3,2,2 s=2,2", "2,3,3 s=2,2", "3,3 s=2",
                        "4,3,2 s=2,2", "3,3,3 s=1,2", "2,2,2 s=2,1", "3,2 s=4", "3,4,2 s=2,1"]),
       st.integers(0, 2**32))
def test_random_real_points_of_v_against_contains(arch, seed):
    """Random real points of V from root configurations: contains() (root-orbit search on the
    polynomial) must agree with the model's real tiling, for closed and non-closed spaces."""
    a = Architecture.parse(arch)
    got = _random_point(a, random.Random(seed))
    if got is None:
        return
    model, chosen, real = got
    w = witness_polynomial(model, chosen)
    assert w is not None
    assume(all(c.is_Rational for c in w))
    assert contains(a, [str(c) for c in w]).contained is real
    if decide_closedness_1d(a)["closed"]:
        assert real


SHAPES_2D = [(a, b) for a in (1, 2, 3) for b in (1, 2, 3) if a * b >= 2]


@pytest.mark.parametrize("strides", ["", " s=2x1", " s=1x2"])
def test_two_layer_2d_with_a_one_axis_layer_is_decided(strides):
    """Every two-layer 2D case with a layer along one axis (extents <= 3) is decided now;
    each witness lies on V (implicit equations vanish) and contains() rejects it."""
    for A, B in itertools.product(SHAPES_2D, repeat=2):
        if not ({A[0], B[0]} == {1} or {A[1], B[1]} == {1} or 1 in A or 1 in B):
            continue
        arch = f"{A[0]}x{A[1]},{B[0]}x{B[1]}{strides}"
        r = is_zariski_closed(arch)
        assert r.decided, arch
        if r.closed is False:
            vals = [int(c) for c in r.witness]
            assert contains(arch, vals).contained is False
            if FunctionSpace(arch).ambient_dimension <= 9:
                eqs = FunctionSpace(arch).implicit_equations(certify=False).polynomials
                assert all(p(*vals) == 0 for p in eqs), arch


def test_one_axis_2d_is_the_1d_answer():
    for arch2, arch1 in [("1x3,1x3 s=2x2", "3,3 s=2"), ("3x1,2x1 s=1x2", "3,2"), ("1x3,1x2 s=1x2", "3,2 s=2"),
                         ("2x1,2x1,2x1 s=2x1,2x1", "2,2,2 s=2,2")]:
        assert is_zariski_closed(arch2).closed == is_zariski_closed(arch1).closed


@pytest.mark.parametrize("beta", [1 + 2j, 3j, -1 + 1j])
def test_axis_layer_closed_case_contains_points_from_complex_layers(beta):
    """1x3,2x2 is closed: p = (y − β)(y − γ), q = (y − β̄)(x + 1) with γ real multiply to a real
    point of V (complex layers), which must be in M."""
    import sympy

    x, y = sympy.symbols("x y")
    b = sympy.nsimplify(beta.real) + sympy.I * sympy.nsimplify(beta.imag)
    P = sympy.expand((y - b) * (y - 2) * (y - sympy.conjugate(b)) * (x + 1))
    poly = sympy.Poly(P, x, y)
    vals = [int(poly.coeff_monomial(x ** i * y ** j)) for i in range(2) for j in range(4)]
    assert contains("1x3,2x2", vals).contained is True
    assert is_zariski_closed("1x3,2x2").closed is True
