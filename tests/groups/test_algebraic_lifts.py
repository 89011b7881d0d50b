"""Lifts of cyclic networks that are in the ordinary function space only at irrational points, their layers over the
number field (lcnalg.real.algebraic_witness), and the shear path of the plane of lifts, each against an independent
route: the determinantal equation of 2,2 s=2 (its lifts solve a quadratic in c), layers multiplied back with sympy
modulo the minimal polynomial (exact) or in ball arithmetic, Fourier zeros evaluated exactly at i, Sturm counts and
exact decisions on a rational grid."""

from __future__ import annotations

import math
import time
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import assume, example, given, settings, strategies as st

from lcnalg import FunctionSpace, Limits
from lcnalg.architecture import Architecture
from lcnalg.groups import GroupConvParameterization, decide_lift, group_conv_contains
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.algebraic_root_type import algebraic_root_type
from lcnalg.real.algebraic_witness import algebraic_layers
from lcnalg.real.orbit_description import type_member
from lcnalg.real.orbit_tilings import orbit_model
from tests.groups.reference import ball_product_contains, real_roots_with_infinity, reduce_mod

SETTINGS = settings(max_examples=8, deadline=None)
X, Z, W = sympy.symbols("x z w")


def lift(f, n, h):
    F = [Fraction(v) for v in f] + [Fraction(0)] * len(h)
    for i, c in enumerate(h):
        F[i] -= c
        F[n + i] += c
    return F


def sympy_product_mod(layers, dilations, n, minimal_polynomial):
    """prod_l q_l(z^{S_l}) of layers whose entries are polynomials in x (text), reduced mod z^n - 1 and mod the
    minimal polynomial of x, by sympy: the coefficients of z^0..z^{n-1} as rationals (None if one is irrational)."""
    phi = sympy.Poly([sympy.Rational(c) for c in reversed(minimal_polynomial)], X)
    acc = sympy.Integer(1)
    for q, S in zip(layers, dilations):
        acc *= sum(sympy.sympify(c.replace("^", "**"), locals={"x": X}) * Z ** (S * j) for j, c in enumerate(q))
    reduced = sympy.rem(sympy.Poly(sympy.expand(acc), Z), sympy.Poly(Z ** n - 1, Z))
    out = []
    for j in range(n):
        c = sympy.rem(sympy.Poly(reduced.as_expr().coeff(Z, j), X), phi).as_expr()
        out.append(Fraction(int(sympy.fraction(c)[0]), int(sympy.fraction(c)[1])) if c.is_Rational else None)
    return out


# ------------------------------------------------------------------ the pencil: only irrational lifts are inside
@SETTINGS
@given(f=st.lists(st.integers(-3, 3), min_size=3, max_size=3))
@example(f=[2, -1, 2]).via("discriminant 12: c = 1 +- sqrt 3")
@example(f=[1, 1, -1]).via("discriminant 5")
@example(f=[-3, 1, 1]).via("discriminant 5, a negative f0")
@example(f=[2, 1, 1]).via("discriminant 0: a rational double c")
def test_the_pencil_of_2_2_s2_is_inside_exactly_where_the_quadratic_has_a_real_root(f):
    # M_ord of 2,2 s=2 is {F0 F3 = F1 F2} ((a + bz)(c + dz^2): the real rank-one matrices [[F0, F2], [F1, F3]]), so
    # F_c = (f0 - c, f1, f2, c) is in it iff c^2 - f0 c + f1 f2 = 0: f in M iff f0^2 >= 4 f1 f2, at a rational c iff
    # that discriminant is a square; otherwise only at c = (f0 +- sqrt(disc))/2, with layers over Q(c)
    assume(any(f))
    disc = f[0] ** 2 - 4 * f[1] * f[2]
    start = time.process_time()
    d = decide_lift("C3: 2,2 s=2", f)
    assert d.case == "pencil" and d.contained == (disc >= 0)
    if disc < 0:
        return
    square = math.isqrt(disc) ** 2 == disc
    assert (d.lift is not None) == square
    if not square:
        alg = d.algebraic_c
        x = sympy.Symbol("x")
        assert sympy.Poly([sympy.Rational(c) for c in reversed(alg["minimal_polynomial"])], x) \
            == sympy.Poly(x ** 2 - f[0] * x + f[1] * f[2], x)
        assert alg["layers_exact"] is True                    # rank one over Q(c): both layers exact
        assert sympy_product_mod(alg["layers"], (1, 2), 3, alg["minimal_polynomial"]) == [Fraction(v) for v in f]
        wrong = [list(alg["layers"][0]), [f"({alg['layers'][1][0]}) + 1", alg["layers"][1][1]]]
        assert sympy_product_mod(wrong, (1, 2), 3, alg["minimal_polynomial"]) != [Fraction(v) for v in f]
    assert time.process_time() - start < 3


def test_a_filter_inside_only_at_an_irrational_lift_gets_exact_layers_and_a_certified_witness():
    f = [2, -1, 1]                                  # c^2 - 2c - 1 = 0: c = 1 +- sqrt 2, no rational lift
    d = decide_lift("C3: 2,2 s=2", f)
    assert d.contained is True and d.lift is None and d.algebraic_c["layers_exact"]
    assert "layers exact over Q(x)" in d.reason
    mu = GroupConvParameterization("C3: 2,2 s=2")
    r = group_conv_contains(mu, f)
    assert r.contained is True and not r.witness_exact
    assert ball_product_contains(mu, r.witness, f)
    assert not ball_product_contains(mu, r.witness, [3, -1, 1])                 # the check can fail
    for c in [Fraction(k, 4) for k in range(-12, 13)]:                           # rational lifts: all outside
        assert not FunctionSpace("2,2 s=2").contains(lift(f, 3, (c,))).contained


# ------------------------------------------------------------------ the plane: only at an algebraic point
def test_a_plane_lift_inside_only_at_an_algebraic_point_of_a_critical_curve():
    # C3: 2,2,2 s=1,2 (e = 1, T = 2): no rational cell point of the plane of 2 + 2z + z^2 is inside; a point on a
    # critical curve over c0 = 5/8, c1 a cubic irrational, is, with two layers given by balls (their roots are
    # conjugate over Q(c1)) and the stride-2 layer exact over Q(c1)
    spec, lcn, f = "C3: 2,2,2 s=1,2", "2,2,2 s=1,2", [2, 2, 1]
    start = time.process_time()
    d = decide_lift(spec, f, limits=Limits(max_root_work=20_000_000))
    assert time.process_time() - start < 4
    assert d.contained is True and d.case == "plane" and d.lift is None
    alg = d.algebraic_c
    mu = GroupConvParameterization(spec)
    assert ball_product_contains(mu, alg["layer_balls"], f)
    assert not ball_product_contains(mu, alg["layer_balls"], [2, 2, 2])
    # the exact layer q(w) over Q(x): q(z^2) divides F = f + (c0 + c1 z)(z^3 - 1) exactly (sympy, mod phi)
    kinds = alg["layer_kinds"]
    assert "exact" in kinds and "balls" in kinds
    phi = sympy.Poly([sympy.Rational(c) for c in reversed(alg["minimal_polynomial"])], X)
    c0, c1 = (sympy.sympify(c.replace("^", "**"), locals={"x": X}) for c in alg["coordinates"])
    F = sum(sympy.Integer(v) * Z ** i for i, v in enumerate(f)) + (c0 + c1 * Z) * (Z ** 3 - 1)
    for l, kind in enumerate(kinds):
        if kind == "exact":
            q = sum(sympy.sympify(c.replace("^", "**"), locals={"x": X}) * Z ** (mu.architecture.dilations[l] * j)
                    for j, c in enumerate(alg["layers"][l]))
            rem = sympy.rem(sympy.Poly(F, Z), sympy.Poly(q, Z))         # q monic in z
            assert all(sympy.rem(sympy.Poly(c, X), phi).is_zero for c in rem.all_coeffs())
    # a rational grid of lifts, decided exactly, finds none inside (consistent with "no rational cell point")
    for c0 in [Fraction(k, 2) for k in range(-4, 5, 2)]:
        for c1 in [Fraction(k, 2) for k in range(-4, 5, 2)]:
            assert not FunctionSpace(lcn).contains(lift(f, 3, (c0, c1))).contained


# ------------------------------------------------------------------ the layers over a number field
SQRT2 = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"), [flint.fmpq_poly([0, 1])])


@SETTINGS
@given(spec=st.sampled_from(["2,2,2", "3,2", "2,2 s=2", "3,2 s=2", "2,2,2 s=1,2"]), data=st.data())
def test_layers_over_q_sqrt2_multiply_back_and_agree_with_the_type(spec, data):
    # random layers a + b sqrt 2 multiplied by hand: the filter is in M, and algebraic_layers must find layers whose
    # product (exact over Q(sqrt 2), or balls) is the filter; a random filter over Q(sqrt 2) is found iff its exact
    # root-orbit type is admissible (a different route: type_member on algebraic_root_type)
    arch = Architecture.parse(spec)
    model = orbit_model(arch)
    t = [c[0] for c in arch.cumulative_strides]
    ks = [f[0] for f in arch.filters]
    D = sum((k - 1) * s for k, s in zip(ks, t))
    acc = [{(0,): 1}]
    for k, s in zip(ks, t):
        q = [(data.draw(st.integers(-2, 2)), data.draw(st.integers(-2, 2))) for _ in range(k)]
        nxt = [dict() for _ in range(len(acc) + s * (k - 1))]
        for i, a in enumerate(acc):
            for j, (u, v) in enumerate(q):        # (u + v x) * a, x^2 = 2
                for (e,), c in a.items():
                    for e2, c2 in ((e, u * c), (e + 1, v * c)):
                        key = (e2 % 2,)
                        nxt[i + s * j][key] = nxt[i + s * j].get(key, 0) + c2 * (2 if e2 >= 2 else 1)
        acc = nxt
    coeffs = acc + [{}] * (D + 1 - len(acc))
    w = algebraic_layers(arch, SQRT2, coeffs)
    assert w.found
    elems = [SQRT2.element(c) for c in coeffs]
    assert len(w.product) == D + 1
    if w.exact:
        assert all((a - b) % SQRT2.minimal_polynomial == 0 for a, b in zip(w.product, elems))
    else:
        assert all(p.overlaps(SQRT2.enclosure(e, 200))
                   for p, e in zip(w.product, elems))
    other = [{(0,): data.draw(st.integers(-3, 3)), (1,): data.draw(st.integers(-3, 3))} for _ in range(D + 1)]
    rtype = algebraic_root_type(model, SQRT2, other)
    assert algebraic_layers(arch, SQRT2, other).found == type_member(model, rtype)[1]


# ------------------------------------------------------------------ the shear of the plane
@pytest.mark.parametrize("f", [[1, 0, 1, 0], [-2, 0, -2, 0]])
def test_the_shear_decides_the_symmetric_points_of_an_even_filter(f):
    # f even on C4: every lift satisfies F_{c0,c1}(-z) = F_{c0,-c1}(z), so the critical curves meet in pairs
    # (alpha, +-beta): over irrational projection roots the gcds over Q(alpha) are quadratic and the points are put
    # over Q(c1 + k c0) by the shear. The answer is "no": every lift vanishes at +-i (f(i) = 0), so it has at most
    # 3 of the 5 real roots that 2,2,2,2,2 needs; a rational grid agrees by Sturm counts and exact decisions
    start = time.process_time()
    d = decide_lift("C4: 2,2,2,2,2", f)
    assert time.process_time() - start < 3
    assert d.contained is False and d.case == "plane" and d.data["algebraic_cells"] > 0
    for c0 in [Fraction(k, 2) for k in range(-4, 5, 2)]:
        for c1 in [Fraction(k, 2) for k in range(-4, 5, 2)]:
            F = lift(f, 4, (c0, c1))
            value_at_i = sum(complex(v) * 1j ** k for k, v in enumerate(F))         # exact: integers and halves
            assert value_at_i == 0
            assert real_roots_with_infinity(F) <= 3
            assert reduce_mod(F, 4) == [Fraction(v) for v in f]
    for c0, c1 in [(Fraction(1), Fraction(-1)), (Fraction(-1, 3), Fraction(2))]:
        assert not FunctionSpace("2,2,2,2,2").contains(lift(f, 4, (c0, c1))).contained
