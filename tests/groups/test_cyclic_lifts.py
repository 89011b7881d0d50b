"""The exact lift decision of cyclic networks with wrap-around (lcnalg.groups.cyclic_lifts), each
verdict against an independent route: the stride-one description against Sturm counts, the fill
witness multiplied back in R[z]/(z^n - 1), the pencil's verdicts against the ordinary decision
on a rational grid of c, exact Sturm counts, the Fourier-zero refusal and the finite lifts."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest
import sympy as sp
from hypothesis import assume, given, settings, strategies as st

from lcnalg import FunctionSpace, InputError
from lcnalg.cli import main
from lcnalg.groups import GroupConvParameterization, decide_lift, group_conv_contains
from tests.groups.reference import ball_product_contains, real_roots_with_infinity, reduce_mod

SETTINGS = settings(max_examples=12, deadline=None)


@st.composite
def stride_one_wrap(draw, pencil=None):
    n = draw(st.integers(2, 5))
    windows = [draw(st.integers(2, min(4, n))) for _ in range(draw(st.integers(1, 4)))]
    K = sum(k - 1 for k in windows)
    assume(K >= n and K <= n + 3)
    if pencil is not None:
        assume((K == n) == pencil)
    return f"C{n}: " + ",".join(map(str, windows)), n, K, sum((k - 1) % 2 for k in windows)


# ------------------------------------------------------------------ the stride-one description
@SETTINGS
@given(data=st.data())
def test_stride_one_description_is_lcnalgs_ordinary_decision(data):
    windows = data.draw(st.lists(st.integers(2, 4), min_size=1, max_size=4))
    K = sum(k - 1 for k in windows)
    m = sum((k - 1) % 2 for k in windows)
    F = data.draw(st.lists(st.integers(-3, 3), min_size=K + 1, max_size=K + 1))
    assume(any(F))
    expected = real_roots_with_infinity(F) >= m
    assert FunctionSpace(",".join(map(str, windows))).contains(F).contained == expected


# ------------------------------------------------------------------ 1. the fill
@SETTINGS
@given(arch=stride_one_wrap(), data=st.data())
def test_fill_lift_and_witness_multiply_back(arch, data):
    spec, n, K, m = arch
    assume(m <= K - n + 1)
    f = data.draw(st.lists(st.integers(-4, 4), min_size=n, max_size=n))
    assume(any(f))
    d = decide_lift(spec, f)
    assert d.contained is True and d.case == "fill"
    assert reduce_mod(d.lift, n) == f                                      # F = f mod z^n - 1, exactly
    assert len(d.h) == K - n + 1 and real_roots_with_infinity(d.lift) >= m  # m real roots (Sturm)
    for r in d.data["points"]:
        assert sum(v * Fraction(r) ** i for i, v in enumerate(d.lift)) == 0
    mu = GroupConvParameterization(spec)
    r = group_conv_contains(mu, f)
    assert r.contained is True
    if r.witness_exact:
        assert list(mu.evaluate([[Fraction(x) for x in w] for w in r.witness])) == f
    else:
        assert ball_product_contains(mu, r.witness, f)
    assert ball_product_contains(mu, d.ordinary.witness, f)


def test_fill_with_an_irrational_factorization_has_certified_layers():
    # C4: 3,3,2 (m = 1, e = 1): h = f(0) puts the root 0 in the lift; the quartic rest splits over R only
    mu = GroupConvParameterization("C4: 3,3,2")
    d = decide_lift(mu.architecture, [1, 3, -2, 5])
    assert d.case == "fill" and d.h == (1, 0) and not d.ordinary.witness_exact
    assert ball_product_contains(mu, d.ordinary.witness, [1, 3, -2, 5])
    assert not ball_product_contains(mu, d.ordinary.witness, [1, 3, -2, 6])     # the check can fail


def test_fill_interpolates_at_the_announced_points():
    d = decide_lift("C3: 2,2,3,2", [1, 1, 1])        # K = 5, e = 2, m = 3: three points
    assert d.case == "fill" and d.data["points"] == ["0", "2", "-2"]
    assert [Fraction(x) for x in d.to_dict()["lift"]] == list(d.lift)


# ------------------------------------------------------------------ 2. the pencil
PENCILS = ["C3: 2,2,2", "C4: 2,2,2,2", "C4: 2,2,3", "C4: 3,2 s=2", "C5: 2,2,2,3", "C6: 3,3 s=2", "C6: 2,2,3 s=1,2"]
GRID = [Fraction(k, 2) for k in range(-8, 9)]


@SETTINGS
@given(spec=st.sampled_from(PENCILS), data=st.data())
def test_pencil_verdict_against_a_rational_grid_and_the_group_decision(spec, data):
    mu = GroupConvParameterization(spec)
    n, lcn = mu.architecture.order, mu.architecture.lcn_text
    f = data.draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
    assume(any(f))
    d = decide_lift(spec, f)
    assert d.case == "pencil" and d.contained is not None
    stride_one = "s=" not in spec
    m = sum((k - 1) % 2 for k in mu.architecture.windows)
    hits = []
    for c in GRID:
        F = [Fraction(v) for v in f] + [Fraction(0)]
        F[0] -= c
        F[n] += c
        inside = FunctionSpace(lcn).contains(F).contained
        if stride_one and any(F):
            assert inside == (real_roots_with_infinity(F) >= m)            # Sturm, independently
        hits.append(inside)
    if any(hits):
        assert d.contained is True
    if d.contained and d.lift is not None:
        assert reduce_mod(d.lift, n) == f
        assert FunctionSpace(lcn).contains(list(d.lift)).contained
        assert ball_product_contains(mu, d.ordinary.witness, f)
    r = group_conv_contains(mu, f, tries=8)      # Fourier zeros, equations, finite lifts, then the pencil
    assert r.contained == d.contained
    if r.contained and r.witness_exact:
        assert list(mu.evaluate([[Fraction(x) for x in w] for w in r.witness])) == f


def test_pencil_refusal_agrees_with_the_fourier_zeros():
    # 1 + z^2 = Phi_4: Fourier zeros refuse C4: 2,2,2,2; the pencil c z^4 + z^2 + 1 - c never has 4 real roots
    d = decide_lift("C4: 2,2,2,2", [1, 0, 1, 0])
    assert d.contained is False and d.data["critical_values"] == ["0", "1/2", "1"]
    assert group_conv_contains("C4: 2,2,2,2", [1, 0, 1, 0]).method.startswith("Fourier zeros")


def test_pencil_decides_what_the_finite_lifts_leave_open():
    # C5: 2,2,2,2,2 needs 5 real roots of f + c (z^5 - 1); no c gives them (grid above, exact critical values)
    f = [1, -3, 0, 2, 5]
    old = group_conv_contains("C5: 2,2,2,2,2", f, tries=1)
    assert old.contained is False and old.data["lift"]["case"] == "pencil"
    assert len(old.data["lift"]["critical_values"]) + 1 == len(old.data["lift"]["samples"])


def test_an_irrational_critical_value_is_the_only_witness_and_sympy_factors_its_lift():
    """C6: 5,2 s=2 and f = 1 - 2z + z^5: F_c = E(z^2) + z O(z^2) with O(y) = y^2 - 2 needs a pair +-rho
    (a common root y0 of E_c and O): only at c = -1/(y0^3 - 1), y0 = +-sqrt 2, i.e. 7c^2 + 2c - 1 = 0."""
    f = [1, -2, 0, 0, 0, 1]
    d = decide_lift("C6: 5,2 s=2", f)
    assert d.contained is True and d.lift is None
    alg = d.algebraic_c
    c, z = sp.symbols("c z")
    phi = sum(int(a) * c ** i for i, a in enumerate(alg["minimal_polynomial"]))
    lo, hi = (sp.Rational(x) for x in alg["interval"])
    (c0,) = [r for r in sp.real_roots(sp.Poly(phi, c)) if lo <= r <= hi]
    c0 = sp.nsimplify(sp.radsimp(c0.evalf(50)), [sp.sqrt(2)])
    assert sp.expand(7 * c0 ** 2 + 2 * c0 - 1) == 0 and sp.minimal_polynomial(c0, c).as_expr() == sp.expand(phi)
    F = sum(v * z ** i for i, v in enumerate(f)) + c0 * (z ** 6 - 1)
    y0 = -1 / c0 + 1                                  # y0^3 = 1 - 1/c0
    y0 = sp.nsimplify(sp.real_root(sp.radsimp(y0), 3), [sp.sqrt(2)])
    q, rem = sp.div(sp.Poly(F, z, extension=sp.sqrt(2)), sp.Poly(z ** 2 - y0, z, extension=sp.sqrt(2)))
    assert rem.is_zero and q.degree() == 4 and y0.is_real          # layer 1: q (degree 4), layer 2: y - y0
    for cc in GRID:                                                 # isolated: no rational c is a witness
        F = [Fraction(v) for v in f] + [Fraction(0)]
        F[0] -= cc
        F[6] += cc
        assert not FunctionSpace("5,2 s=2").contains(F).contained
    r = group_conv_contains("C6: 5,2 s=2", f)
    assert r.contained is True and r.data["lift"]["algebraic_c"] == alg


def test_irrational_critical_values_are_reported_with_their_minimal_polynomial():
    d = decide_lift("C6: 2,2,3 s=1,2", [1, 0, 2, 0, 0, 1])
    assert d.contained is False
    assert any(v.startswith("root of") for v in d.data["critical_values"])


# ------------------------------------------------------------------ 3. open cases
def test_open_case_states_the_remaining_question():
    # e = 2, m = 6 > e + 1 = 3: the group decision reaches the exact lift decision (its cheaper steps
    # decide nothing here) and carries decide_lift's own result as data["lift"] (LiftDecision.to_dict);
    # that run takes seconds (two plane reductions), so it is read there rather than run twice
    r = group_conv_contains("C4: 2,2,2,2,2,2", [1, 2, 3, 4])
    d = r.data["lift"]
    assert d["contained"] is None and d["case"] == "open" and "at least 6 real roots" in d["remaining"]
    assert len(d["reductions"]) == 2 and all("no lift" in t for t in d["reductions"])
    assert r.contained is None and r.reason.endswith(d["remaining"])


def test_bad_input_names_the_field():
    with pytest.raises(InputError, match="^arch"):
        decide_lift("C6: 3,2", [1, 0, 0, 0, 0, 0])          # no wrap-around
    with pytest.raises(InputError, match="^values"):
        decide_lift("C3: 2,2,2", [1, 2])


def test_cli_json_lift_fields(capsys):
    assert main(["group-conv", "C5: 2,2,2,2,2", "--contains", "1,-3,0,2,5", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    member = data["membership"]
    assert member["contained"] is False and member["data"]["lift"]["case"] == "pencil"
