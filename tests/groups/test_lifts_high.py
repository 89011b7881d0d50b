"""Stride one with e >= 2 outside the fill (lcnalg.groups.cyclic_lifts, case 4): the free roots at +-1, Newton's
inequality and the reductions to the plane, each against an independent route: every "contained" comes with a lift
that reduces to f and has enough real roots by Sturm counts (and the ordinary decision), a rational grid of h never
finds a lift where the decision says "no", and filters built from layers are never refused."""

from __future__ import annotations

import itertools
import time
from fractions import Fraction

import flint
from hypothesis import assume, example, given, settings, strategies as st

import lcnalg.groups.cyclic_lifts as cyclic_lifts
from lcnalg import FunctionSpace, Limits
from lcnalg.groups import GroupConvParameterization, decide_lift, group_conv_contains
from lcnalg.groups.lift_plane import PlaneDecision, decide_plane
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from tests.groups.reference import ball_product_contains, real_roots_with_infinity, reduce_mod

SETTINGS = settings(max_examples=10, deadline=None)
#: stride one, e = K - n >= 2 and m > e + 1 (no fill)
HIGH = ["C3: 2,2,2,2,2", "C2: 2,2,2,2", "C3: 2,2,2,2,2,2,2"]


def lift(f, n, h):
    F = [Fraction(v) for v in f] + [Fraction(0)] * len(h)
    for i, c in enumerate(h):
        F[i] -= c
        F[n + i] += c
    return F


def mul(a, b):
    out = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return out


def grid_finds(f, n, e, m, grid):
    """Some h on the rational grid (deg h <= e) gives a lift with >= m real roots (Sturm, infinity included)."""
    for h in itertools.product(grid, repeat=e + 1):
        F = lift(f, n, h)
        if any(F) and real_roots_with_infinity(F) >= m:
            return True
    return False


def check_lift(spec, f, d):
    """A "contained" verdict's lift reduces to f, has m real roots (Sturm) and its layers multiply back."""
    mu = GroupConvParameterization(spec)
    arch = mu.architecture
    n, K = arch.order, arch.degree
    m = sum((k - 1) % 2 for k in arch.windows)
    assert d.lift is not None and len(d.lift) == K + 1 and len(d.h) == K - n + 1
    assert reduce_mod(d.lift, n) == [Fraction(v) for v in f]
    assert list(d.lift) == lift(f, n, d.h)[:K + 1]
    assert real_roots_with_infinity(d.lift) >= m
    assert FunctionSpace(arch.lcn_text).contains(list(d.lift)).contained
    assert ball_product_contains(mu, d.ordinary.witness, f)


# ------------------------------------------------------------------ against a rational grid of h
@SETTINGS
@given(spec=st.sampled_from(HIGH), data=st.data())
def test_the_partial_answers_agree_with_a_grid_of_lifts(spec, data):
    n = int(spec[1])
    f = data.draw(st.lists(st.integers(-2, 2), min_size=n, max_size=n))
    assume(any(f))
    start = time.process_time()
    d = decide_lift(spec, f)
    assert time.process_time() - start < 3
    assert d.case in ("fill", "reduced", "newton", "open")
    if d.contained:
        check_lift(spec, f, d)
    elif d.contained is None:
        assert "real roots" in d.remaining and d.data["reductions"]
    windows = GroupConvParameterization(spec).architecture.windows
    K, m = sum(k - 1 for k in windows), sum((k - 1) % 2 for k in windows)
    if K - n == 2 and grid_finds(f, n, K - n, m, [Fraction(k, 2) for k in range(-4, 5)]):
        assert d.contained is not False


@example(f=[2, 2, 1]).via("no plane lift with a root at infinity: the node q = 0 is needed")
@example(f=[1, 2, 3]).via("a root at infinity suffices")
@SETTINGS
@given(f=st.lists(st.integers(-2, 2), min_size=3, max_size=3))
def test_on_c3_with_five_layers_only_the_fourier_zero_stays_open(f):
    # over this small range the reductions decide every filter that is contained (docs/theory.md): a "yes" comes
    # with a checked lift; the filters left open vanish at e^{2 pi i / 3} (f0 = f1 = f2), so every lift has at most
    # 3 of the 5 real roots needed (no grid lift has more), and the group decision proves "no"
    assume(any(f))
    d = decide_lift("C3: 2,2,2,2,2", f)
    if d.contained:
        assert d.case == "reduced"
        check_lift("C3: 2,2,2,2,2", f, d)
    else:
        assert f[0] == f[1] == f[2] and d.contained is None
        assert not grid_finds(f, 3, 2, 4, [Fraction(k) for k in range(-2, 3)])      # not even 4 real roots
        assert group_conv_contains("C3: 2,2,2,2,2", f).contained is False


def test_the_node_reduction_places_a_root_at_zero():
    d = decide_lift("C3: 2,2,2,2,2", [2, 2, 1])
    assert d.contained is True and "F(q) = 0 at q = 0" in d.reason
    assert d.lift[0] == 0                                  # F(0) = 0: the node
    assert any("at infinity: no lift" in t for t in d.data["reductions"])


# ------------------------------------------------------------------ the free roots at +-1
@given(a=st.integers(-3, 3).filter(bool), b=st.integers(-3, 3))
@SETTINGS
def test_a_filter_vanishing_at_one_gets_a_free_root(a, b):
    # C2: 2,2,2,2 (e = 2, m = 4 > 3): f = a - a z vanishes at 1, so every lift does; 3 interpolation points suffice
    f = [a, -a]
    d = decide_lift("C2: 2,2,2,2", f)
    assert d.contained is True and d.case == "fill" and "f vanishing at 1" in d.reason
    check_lift("C2: 2,2,2,2", f, d)
    assert sum(d.lift) == 0                                 # F(1) = 0
    # C4: 2,2,2,2,2,2 needs 6 = e + 1 + 3 roots: +-1 give at most 2 free ones, so no fill there
    assert decide_lift("C4: 2,2,2,2,2,2", [a, b, -a, -b]).case != "fill"


# ------------------------------------------------------------------ Newton
def test_newton_refuses_when_the_fixed_coefficients_violate_it():
    # C6 with eight windows of size 2: K = 8, e = 2, every lift keeps f3, f4, f5, and 5^2 C(8,3) C(8,5) < 4 6 C(8,4)^2
    f = [1, 2, 3, 4, 5, 6]
    d = decide_lift("C6: 2,2,2,2,2,2,2,2", f)
    assert d.contained is False and d.case == "newton" and d.data["newton_index"] == 4
    for h in itertools.product([Fraction(k, 2) for k in range(-3, 4)], repeat=3):    # no grid lift is real-rooted
        assert real_roots_with_infinity(lift(f, 6, h)) < 8
    r = group_conv_contains("C6: 2,2,2,2,2,2,2,2", f)
    assert r.contained is False and "Newton" in r.method


@settings(max_examples=3, deadline=None)
@given(data=st.data())
def test_filters_built_from_layers_are_never_refused_by_newton(data):
    # a product of eight real layers of size 2 is real-rooted: reduced mod z^6 - 1 it is in M, so "no" would be wrong
    acc = [Fraction(1)]
    for _ in range(8):
        acc = mul(acc, [Fraction(data.draw(st.integers(-3, 3))), Fraction(data.draw(st.integers(-3, 3)))])
    f = reduce_mod(acc, 6)
    assume(any(f))
    start = time.process_time()
    d = decide_lift("C6: 2,2,2,2,2,2,2,2", f, limits=Limits())
    assert d.contained is not False
    if d.contained:
        check_lift("C6: 2,2,2,2,2,2,2,2", f, d)
    assert time.process_time() - start < 4


# ------------------------------------------------------------------ a reduction that ends at an algebraic point
def test_a_reduction_through_an_algebraic_plane_point_gives_layers_of_the_lift(monkeypatch):
    # the plane's rational answer for the quotient, handed back as a point of Q(sqrt 2) (its coordinates are
    # rational elements of that field): the reduction must build F = P G over the field and its layers, which
    # multiply back (balls) to a filter congruent to f; the rational route gives the same lift F
    def as_algebraic(lcn, model, values, n, limits):
        p = decide_plane(lcn, model, values, n, limits)
        if not p.contained or p.lift is None:
            return p
        den = 6
        pt = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
                                          [flint.fmpq_poly([flint.fmpq(c.numerator * den, c.denominator)])
                                           for c in p.h])
        alg = {"minimal_polynomial": ["-2", "0", "1"], "coordinates": [str(c) for c in pt.coordinates],
               "scale": den, "root": str(pt.root), "root_type": "-"}
        return PlaneDecision(True, "F = f + (c0 + c1 z)(z^n - 1) at an algebraic point: stand-in", algebraic=alg,
                             data=p.data, point=pt)

    f = [2, 2, 1]
    rational = decide_lift("C3: 2,2,2,2,2", f)
    monkeypatch.setattr(cyclic_lifts, "decide_plane", as_algebraic)
    d = decide_lift("C3: 2,2,2,2,2", f)
    assert d.contained is True and d.case == "reduced" and d.lift is None
    alg = d.algebraic_c
    assert alg["reduction"]["nodes"] == ["0"] and alg["reduction"]["at_infinity"] == 0
    mu = GroupConvParameterization("C3: 2,2,2,2,2")
    assert ball_product_contains(mu, alg["layer_balls"], f)
    assert not ball_product_contains(mu, alg["layer_balls"], [2, 2, 2])
    # the same F as the rational route: the product of the ball layers (stride one) contains its coefficients
    acc = flint.arb_poly([1])
    for q in alg["layer_balls"]:
        acc *= flint.arb_poly([flint.arb(c.strip("[]")) if c.startswith("[") else
                               flint.arb(Fraction(c).numerator) / Fraction(c).denominator for c in q])
    coeffs = list(acc.coeffs()) + [flint.arb(0)] * 6
    assert all(c.contains(flint.arb(v.numerator) / v.denominator) for c, v in zip(coeffs, rational.lift))
