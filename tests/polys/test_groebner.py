"""Tests of lcnalg.polys.groebner: every check compares two independent routes."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import flint
import pytest
import sympy
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from lcnalg.polys.groebner import GroebnerBasis, groebner_basis
from lcnalg.polys.hilbert import hilbert_function_values
from lcnalg.polys.monomials import (
    degrevlex,
    elimination,
    lex,
    weighted,
)
from lcnalg.errors import InputError, ResourceLimitError

P = 32003


# ----------------------------------------------------------------------------- helpers
def syms(n):
    return sympy.symbols(f"x0:{n}")


def to_expr(d, xs):
    return sympy.Add(*[sympy.Rational(int(flint.fmpq(c).p), int(flint.fmpq(c).q))
                       * sympy.Mul(*[x**a for x, a in zip(xs, e)]) for e, c in d.items()])


def monic_q(d):
    """Canonical form over Q: frozenset of (exp, Fraction) of the monic polynomial."""
    items = {tuple(e): Fraction(int(flint.fmpq(c).p), int(flint.fmpq(c).q)) for e, c in d.items() if c}
    return items


def canon_q(polys, order):
    out = set()
    for d in polys:
        items = monic_q(d)
        lm = max(items, key=order.key)
        lc = items[lm]
        out.add(frozenset((e, c / lc) for e, c in items.items()))
    return out


def canon_p(polys, order, p):
    out = set()
    for d in polys:
        items = {tuple(e): int(c) % p for e, c in d.items() if int(c) % p}
        lm = max(items, key=order.key)
        inv = pow(items[lm], -1, p)
        out.add(frozenset((e, c * inv % p) for e, c in items.items()))
    return out


def sympy_gb(polys, n, order_name, modulus=None):
    xs = syms(n)
    exprs = [to_expr(d, xs) for d in polys]
    kw = {"modulus": modulus} if modulus else {}
    G = sympy.groebner(exprs, *xs, order=order_name, **kw)
    out = []
    for g in G.exprs:
        if modulus:
            pol = sympy.Poly(g, *xs, modulus=modulus)
            out.append({e: int(c) % modulus for e, c in pol.terms()})
        else:
            pol = sympy.Poly(g, *xs, domain="QQ")
            out.append({e: flint.fmpq(int(c.p), int(c.q)) for e, c in pol.terms()})
    return out


def substitute(d, images):
    """Evaluate a dict polynomial at polynomial images (dicts) with exact dict arithmetic."""
    def mul(a, b):
        out = {}
        for ea, ca in a.items():
            for eb, cb in b.items():
                e = tuple(x + y for x, y in zip(ea, eb))
                out[e] = out.get(e, 0) + ca * cb
        return {e: c for e, c in out.items() if c}

    nv = len(next(iter(images[0])))
    one = {tuple([0] * nv): 1}
    total = {}
    for e, c in d.items():
        term = dict(one)
        for img, a in zip(images, e):
            for _ in range(a):
                term = mul(term, img)
        for et, ct in term.items():
            total[et] = total.get(et, 0) + c * ct
    return {e: c for e, c in total.items() if c}


def var(n, i, c=1):
    e = [0] * n
    e[i] = 1
    return {tuple(e): c}


def graph_ideal(images):
    """Generators c_m - mu_m(w) in variables (w..., c...) with images given in w."""
    k = len(next(iter(images[0])))
    n = k + len(images)
    out = []
    for m, img in enumerate(images):
        f = {tuple([0] * k + [1 if j == m else 0 for j in range(len(images))]): 1}
        for e, c in img.items():
            key = tuple(e) + tuple([0] * len(images))
            f[key] = f.get(key, 0) - c
        out.append(f)
    return out, n


def mono(*e):
    return {tuple(e): 1}


# ----------------------------------------------------------------------------- strategies
@st.composite
def small_ideals(draw, max_deg=3):
    n = draw(st.integers(2, 4))
    k = draw(st.integers(2, 3))
    polys = []
    for _ in range(k):
        nt = draw(st.integers(2, 3))
        f = {}
        for _ in range(nt):
            e = tuple(draw(st.lists(st.integers(0, max_deg), min_size=n, max_size=n)))
            if sum(e) > max_deg:
                e = tuple(min(a, 1) for a in e)
            f[e] = f.get(e, 0) + draw(st.integers(-3, 3).filter(bool))
        f = {e: c for e, c in f.items() if c}
        if f:
            polys.append(f)
    if not polys:
        polys = [{tuple([1] * n): 1}]
    return n, polys


SET = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ----------------------------------------------------------------------------- sympy
@SET
@given(small_ideals())
def test_grevlex_over_q_matches_sympy(data):
    n, polys = data
    gb = groebner_basis(polys, "degrevlex", nvars=n)
    assert gb.certified and gb.modulus is None
    assert canon_q(gb.polys, degrevlex()) == canon_q(sympy_gb(polys, n, "grevlex"), degrevlex())
    # output normalization: primitive integers, positive leading coefficient
    for d, lm in zip(gb.polys, gb.leading_monomials):
        assert d[lm] > 0 and all(isinstance(c, int) for c in d.values())
        g = 0
        for c in d.values():
            g = sympy.igcd(g, c)
        assert g == 1


@SET
@given(small_ideals(max_deg=2))
def test_lex_over_q_matches_sympy(data):
    n, polys = data
    gb = groebner_basis(polys, "lex", nvars=n)
    assert canon_q(gb.polys, lex()) == canon_q(sympy_gb(polys, n, "lex"), lex())


@SET
@given(small_ideals(), st.sampled_from(["degrevlex", "lex"]))
def test_mod_p_matches_sympy(data, name):
    n, polys = data
    if name == "lex":
        polys = [{e: c for e, c in f.items()} for f in polys]
    gb = groebner_basis(polys, name, modulus=P, nvars=n)
    assert not gb.certified and gb.modulus == P
    order = degrevlex() if name == "degrevlex" else lex()
    sym = sympy_gb(polys, n, "grevlex" if name == "degrevlex" else "lex", modulus=P)
    assert canon_p(gb.polys, order, P) == canon_p(sym, order, P)
    for d in gb.polys:  # monic, coefficients in 0..p-1
        assert d[max(d, key=order.key)] == 1 and all(0 < c < P for c in d.values())


def test_big_coefficients_need_several_primes():
    n = 3
    big = 2**130 + 7
    polys = [{(1, 1, 0): big, (0, 0, 2): -3}, {(2, 0, 0): 5, (0, 1, 1): -(big**2 + 1)},
             {(0, 2, 0): 1, (1, 0, 1): flint.fmpq(1, big)}]
    gb = groebner_basis(polys, "degrevlex", nvars=n)
    assert gb.certified and len(gb.primes) >= 3
    assert canon_q(gb.polys, degrevlex()) == canon_q(sympy_gb(polys, n, "grevlex"), degrevlex())


def test_weighted_order_against_sympy_ideal_and_hilbert_function():
    # homogeneous for the standard grading; weighted order (1, 2, 3)
    n = 3
    polys = [{(2, 0, 0): 1, (0, 1, 1): -2, (0, 0, 2): 1}, {(1, 1, 0): 3, (0, 2, 0): -1, (1, 0, 1): 1}]
    o = weighted((1, 2, 3))
    gb = groebner_basis(polys, o)
    # same ideal as the input (sympy, grevlex)
    assert canon_q(sympy_gb(gb.polys, n, "grevlex"), degrevlex()) == canon_q(
        sympy_gb(polys, n, "grevlex"), degrevlex())
    # leading monomials of a Gröbner basis: same Hilbert function as grevlex leading monomials
    sym_leads = [degrevlex().leading_monomial(d) for d in sympy_gb(polys, n, "grevlex")]
    assert hilbert_function_values(gb.leading_monomials, n, 10) == hilbert_function_values(
        sym_leads, n, 10)
    for d, lm in zip(gb.polys, gb.leading_monomials):
        assert lm == o.leading_monomial(d)


# ----------------------------------------------------------------------------- elimination
def test_twisted_cubic_elimination():
    s, t = (1, 0), (0, 1)
    images = [{(3, 0): 1}, {(2, 1): 1}, {(1, 2): 1}, {(0, 3): 1}]
    gens, n = graph_ideal(images)
    for grading in (None, (1, 1, 3, 3, 3, 3)):
        gb = groebner_basis(gens, elimination(2), grading=grading)
        assert gb.grading is not None  # weighted-homogeneous found/used
        eq = gb.eliminate(2, drop_variables=True)
        assert len(eq) == 3 and all(sum(next(iter(d))) == 2 for d in eq)
        for d in eq:
            assert substitute(d, images) == {}
        known = [{(1, 0, 1, 0): 1, (0, 2, 0, 0): -1}, {(1, 0, 0, 1): 1, (0, 1, 1, 0): -1},
                 {(0, 1, 0, 1): 1, (0, 0, 2, 0): -1}]
        assert canon_q(eq, degrevlex()) == canon_q(groebner_basis(known).polys, degrevlex())
        assert gb.certified
    full = gb.eliminate(2)
    assert all(len(e) == 6 and e[:2] == (0, 0) for d in full for e in d)
    assert all(gb.order.is_free_of_block(d) for d in full)


def test_segre_p1xp1_elimination_and_ideal_test():
    # a0, a1, b0, b1, c0..c3
    images = [{(1, 0, 1, 0): 1}, {(1, 0, 0, 1): 1}, {(0, 1, 1, 0): 1}, {(0, 1, 0, 1): 1}]
    gens, n = graph_ideal(images)
    calls = []

    def test(d):
        calls.append(d)
        w = [var(4, i) for i in range(4)] + images
        return substitute(d, w) == {}

    gb = groebner_basis(gens, elimination(4), grading=(1, 1, 1, 1, 2, 2, 2, 2), ideal_test=test)
    eq = gb.eliminate(4, drop_variables=True)
    assert eq == [{(0, 1, 1, 0): 1, (1, 0, 0, 1): -1}]  # c1 c2 - c0 c3
    assert len(calls) == len(gb) and "ideal_test" in gb.method


def test_product_of_binary_forms_equations_match_interpolation():
    # c_m = sum_{i + 2j = m} a_i b_j: a quadratic form times a quartic in z^2
    k = 6
    images = []
    for m in range(7):
        f = {}
        for i in range(3):
            for j in range(3):
                if i + 2 * j == m:
                    e = [0] * k
                    e[i] += 1
                    e[3 + j] += 1
                    f[tuple(e)] = 1
        images.append(f)
    gens, n = graph_ideal(images)
    gb = groebner_basis(gens, elimination(6), grading=[1] * 6 + [2] * 7)
    eq = gb.eliminate(6, drop_variables=True)
    for d in eq:
        assert substitute(d, images) == {}
    # independent route: cubics vanishing on random image points (rank of an evaluation
    # matrix mod p) -- the number of independent cubics equals the GB's cubics since the
    # ideal has no equations of lower degree.
    rng = random.Random(1)
    cubics = [e for e in itertools.product(range(4), repeat=7) if sum(e) == 3]
    rows = []
    for _ in range(len(cubics) + 10):
        a = [rng.randrange(P) for _ in range(6)]
        c = [sum(a[i] * a[3 + j] for i in range(3) for j in range(3) if i + 2 * j == m) % P
             for m in range(7)]
        rows.append([sympy.prod([pow(c[v], e[v], P) for v in range(7)]) % P for e in cubics])
    rank = flint.nmod_mat(rows, P).rank()
    assert sum(1 for d in eq if sum(next(iter(d))) == 3) == len(cubics) - rank
    assert min(sum(next(iter(d))) for d in eq) == 3
    # mod p and Q agree
    gbp = groebner_basis(gens, elimination(6), modulus=P, grading=[1] * 6 + [2] * 7)
    assert gbp.leading_monomials == gb.leading_monomials
    assert canon_p(gb.polys, gb.order, P) == canon_p(gbp.polys, gb.order, P)


def test_lex_elimination_rational_curve():
    # x = t^2, y = t^3 + t: lex elimination of t gives one implicit equation
    gens = [{(0, 1, 0): 1, (2, 0, 0): -1}, {(0, 0, 1): 1, (3, 0, 0): -1, (1, 0, 0): -1}]
    gb = groebner_basis(gens, "lex")
    eq = gb.eliminate(1, drop_variables=True)
    assert len(eq) == 1
    assert substitute(eq[0], [{(2,): 1}, {(3,): 1, (1,): 1}]) == {}
    assert canon_q(gb.polys, lex()) == canon_q(sympy_gb(gens, 3, "lex"), lex())


# ----------------------------------------------------------------------------- hilbert / dims
def test_twisted_cubic_hilbert_series():
    t = sympy.Symbol("t")
    known = [{(1, 0, 1, 0): 1, (0, 2, 0, 0): -1}, {(1, 0, 0, 1): 1, (0, 1, 1, 0): -1},
             {(0, 1, 0, 1): 1, (0, 0, 2, 0): -1}]
    gb = groebner_basis(known)
    assert sympy.simplify(gb.hilbert_series() - (1 + 2 * t) / (1 - t) ** 2) == 0
    assert gb.degree() == 3 and gb.dimension() == 2


@pytest.mark.parametrize("a,b,n", [(2, 2, 3), (2, 3, 4), (3, 3, 3)])
def test_complete_intersection_hilbert_series(a, b, n):
    rng = random.Random(a * 100 + b * 10 + n)
    t = sympy.Symbol("t")

    def generic(deg):
        return {e: rng.randint(-9, 9) or 1 for e in itertools.product(range(deg + 1), repeat=n)
                if sum(e) == deg}

    polys = [generic(a), generic(b)]
    for modulus in (P, None):
        gb = groebner_basis(polys, "degrevlex", modulus=modulus)
        expected = (1 - t**a) * (1 - t**b) / (1 - t) ** n
        assert sympy.simplify(gb.hilbert_series() - expected) == 0
        assert gb.degree() == a * b and gb.dimension() == n - 2


def test_weighted_hilbert_series_of_graph_ideal():
    # twisted cubic graph ideal, weights s,t -> 1, c -> 3: R/I = k[s,t] so HS = 1/(1-t)^2
    images = [{(3, 0): 1}, {(2, 1): 1}, {(1, 2): 1}, {(0, 3): 1}]
    gens, n = graph_ideal(images)
    gb = groebner_basis(gens, elimination(2), grading=(1, 1, 3, 3, 3, 3))
    t = sympy.Symbol("t")
    assert sympy.simplify(gb.hilbert_series() - 1 / (1 - t) ** 2) == 0
    assert gb.dimension() == 2


def test_hilbert_series_refuses_inhomogeneous():
    gb = groebner_basis([{(2, 0): 1, (0, 1): -1}], "degrevlex")
    assert gb.grading == (1, 2)  # weighted-homogeneous: detected
    gb2 = groebner_basis([{(2, 0): 1, (0, 1): -1, (0, 0): 1}], "degrevlex")
    assert gb2.grading is None
    with pytest.raises(InputError):
        gb2.hilbert_series()


# ----------------------------------------------------------------------------- zero-dim
def test_num_solutions_triangular():
    # x^2 - 3x + 2, y^3 - x*y - 1, z^2 - y: 2 * 3 * 2 solutions
    polys = [{(2, 0, 0): 1, (1, 0, 0): -3, (0, 0, 0): 2},
             {(0, 3, 0): 1, (1, 1, 0): -1, (0, 0, 0): -1},
             {(0, 0, 2): 1, (0, 1, 0): -1}]
    for order in ("degrevlex", "lex", elimination(1)):
        assert groebner_basis(polys, order).num_solutions() == 12
    assert groebner_basis(polys, "degrevlex", modulus=P).num_solutions() == 12


def count_standard(leads, n, bound=30):
    count = 0
    for e in itertools.product(range(bound), repeat=n):
        if not any(all(a >= b for a, b in zip(e, lm)) for lm in leads):
            count += 1
    return count


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6))
def test_num_solutions_against_sympy(seed):
    rng = random.Random(seed)
    n = rng.choice([2, 3])
    polys = []
    for i in range(n):  # x_i^d_i + lower terms: zero-dimensional
        d = rng.randint(1, 3)
        e = [0] * n
        e[i] = d
        f = {tuple(e): 1}
        for _ in range(3):
            m = tuple(rng.randint(0, 1) for _ in range(n))
            if sum(m) < d:
                f[m] = f.get(m, 0) + rng.randint(-3, 3)
        polys.append({k: v for k, v in f.items() if v})
    gb = groebner_basis(polys, "degrevlex")
    sym = sympy_gb(polys, n, "grevlex")
    sym_leads = [degrevlex().leading_monomial(d) for d in sym]
    assert gb.num_solutions() == count_standard(sym_leads, n)


def test_num_solutions_refuses_positive_dimension():
    gb = groebner_basis([{(1, 1): 1, (0, 0): -1}])
    assert not gb.is_zero_dimensional()
    with pytest.raises(InputError):
        gb.num_solutions()


# ----------------------------------------------------------------------------- membership
@settings(max_examples=15, deadline=None)
@given(small_ideals(max_deg=2), st.integers(0, 10**6))
def test_membership(data, seed):
    n, polys = data
    rng = random.Random(seed)
    xs = syms(n)
    exprs = [to_expr(d, xs) for d in polys]
    comb = sympy.expand(sum((rng.randint(-3, 3) * xs[rng.randrange(n)] + rng.randint(-2, 2)) * f
                            for f in exprs))
    cd = {e: int(c) for e, c in sympy.Poly(comb, *xs).terms()} if comb != 0 else {}
    gb = groebner_basis(polys, "degrevlex", nvars=n)
    gbp = groebner_basis(polys, "degrevlex", modulus=P, nvars=n)
    if cd:
        assert gb.contains(cd) and gbp.contains(cd)
    rnd = {tuple(rng.randint(0, 3) for _ in range(n)): rng.randint(1, 5) for _ in range(3)}
    sym = sympy.groebner(exprs, *xs, order="grevlex", domain="QQ")
    assert gb.contains(rnd) == sym.contains(to_expr(rnd, xs))
    # the normal form differs from the input by an ideal element
    nf = gb.normal_form(rnd)
    diff = sympy.expand(to_expr(rnd, xs) - to_expr(nf, xs))
    assert sym.contains(diff)


def test_membership_simple():
    gb = groebner_basis([{(2, 0): 1, (0, 1): -1}, {(1, 1): 1, (0, 0): -1}], "degrevlex")
    assert gb.contains({(3, 0): 1, (0, 0): -1})  # x^3 - 1 = x(x^2 - y) + (xy - 1)
    assert not gb.contains({(1, 0): 1, (0, 0): -1})  # x - 1 does not vanish at cube roots


# ----------------------------------------------------------------------------- flint I/O
def test_flint_input_and_output():
    ctx = flint.fmpz_mpoly_ctx.get(("x", "y", "z"), "degrevlex")
    x, y, z = ctx.gens()
    gb = groebner_basis([x * y - z**2, x**2 - y * z])
    out = gb.as_flint()
    assert all(isinstance(g, flint.fmpz_mpoly) for g in out)
    assert gb.contains(x * (x * y - z**2) + z * (x**2 - y * z))
    nf = gb.normal_form(x**3)
    assert isinstance(nf, flint.fmpz_mpoly)
    assert gb.contains(x**3 - nf)
    qctx = flint.fmpq_mpoly_ctx.get(("a", "b"), "lex")
    a, b = qctx.gens()
    gq = groebner_basis([a / 2 - b**2, a * b - 1], "lex")
    assert gq.as_flint()[0].context() == qctx
    nctx = flint.nmod_mpoly_ctx.get(("u", "v"), modulus=101, ordering="degrevlex")
    u, v = nctx.gens()
    gn = groebner_basis([u**2 - v, u * v - 1])
    assert gn.modulus == 101 and gn.num_solutions() == 3


# ----------------------------------------------------------------------------- errors
def test_resource_limit():
    polys = [{(2, 0, 0): 1, (0, 1, 1): -1}, {(1, 1, 0): 1, (0, 0, 2): -1}]
    with pytest.raises(ResourceLimitError):
        groebner_basis(polys, max_matrix_entries=4)
    with pytest.raises(ResourceLimitError):
        groebner_basis(polys, modulus=P, max_matrix_entries=4)



@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_ideals(), st.integers(0, 10**6))
def test_progress_reports_where_a_smaller_bound_stops_the_same_run(data, seed):
    """``progress`` sees the entries so far before each step: from 0, non-decreasing, never
    above the run's total; a bound below a value it saw stops the same run (it is the same step
    for step up to there), and the run's own total lets it end with the same basis."""
    n, polys = data
    seen = []
    gb = groebner_basis(polys, "degrevlex", modulus=P, nvars=n, progress=seen.append)
    total = gb.stats.get("total_entries", 0)
    assert seen and seen[0] == 0 and seen == sorted(seen) and seen[-1] <= total
    assert groebner_basis(polys, "degrevlex", modulus=P, nvars=n, max_total_entries=max(total, 1)).polys == gb.polys
    passed = [v for v in seen if v > 1]
    if passed:
        bound = random.Random(seed).choice(passed) - 1
        with pytest.raises(ResourceLimitError):
            groebner_basis(polys, "degrevlex", modulus=P, nvars=n, max_total_entries=bound)


def test_progress_needs_a_callable_and_a_prime():
    polys = [{(2, 0): 1, (0, 1): -1}]
    with pytest.raises(InputError, match="progress: expected None or a callable"):
        groebner_basis(polys, modulus=P, progress=3)
    with pytest.raises(InputError, match=r"progress: only for a run over GF\(p\)"):
        groebner_basis(polys, progress=print)

def test_input_errors():
    c1 = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
    c2 = flint.fmpz_mpoly_ctx.get(("x", "y", "z"), "lex")
    with pytest.raises(InputError):
        groebner_basis([c1.gens()[0], c2.gens()[0]])
    with pytest.raises(InputError):
        groebner_basis([{(1, 0): 1}], "nonsense")
    with pytest.raises(InputError):
        groebner_basis([{(1, 0): 1}], modulus=15)
    with pytest.raises(InputError):
        groebner_basis([{(1, 0): 1, (0, 1, 1): 2}])
    with pytest.raises(InputError):
        groebner_basis([{(1, 0): "a"}])
    with pytest.raises(InputError):
        groebner_basis([{(1, 0): flint.fmpq(1, 7)}], modulus=7)
    gb = groebner_basis([{(1, 0): 1, (0, 1): 1}], "degrevlex")
    with pytest.raises(InputError):
        gb.eliminate(1)
    with pytest.raises(InputError):
        weighted((1, 0))


def test_unit_and_zero_ideal():
    gb = groebner_basis([{(1, 0): 1, (0, 0): -1}, {(1, 0): 1}])
    assert gb.polys == [{(0, 0): 1}] and gb.dimension() == -1
    assert gb.contains({(3, 7): 5})
    assert isinstance(gb, GroebnerBasis)


def test_few_row_blocks_reduce_like_a_full_echelon_form():
    """Blocks with few rows to reduce against many reducers are reduced sparsely when that is
    estimated cheaper than a dense echelon form; the basis is the reduced one sympy computes, and
    that route is taken (five homogeneous quadrics in six variables)."""
    import random

    def quadrics(n):
        return [(a,) + r for a in range(3) for r in (quadrics_rest(n - 1, 2 - a))]

    def quadrics_rest(n, d):
        if n == 0:
            return [()] if d == 0 else []
        return [(a,) + r for a in range(d + 1) for r in quadrics_rest(n - 1, d - a)]

    taken = 0
    for seed in range(3):
        rng = random.Random(seed)
        polys = [{e: c for e in quadrics(6) if rng.random() < 0.4 for c in [rng.randint(-9, 9)] if c}
                 for _ in range(5)]
        polys = [p for p in polys if p]
        gb = groebner_basis(polys, "degrevlex", modulus=P, nvars=6)
        taken += (gb.stats or {}).get("sparse_blocks", 0)
        assert canon_p(gb.polys, degrevlex(), P) == canon_p(sympy_gb(polys, 6, "grevlex", modulus=P), degrevlex(), P)
    assert taken > 0


# ----------------------------------------------------------------------------- large blocks mod p < 2^31
def _random_forms(rng, n, degrees, p):
    """Dense-ish random forms of the given degrees in n variables, coefficients in [1, p)."""
    polys = []
    for d in degrees:
        mons = [e for e in itertools.product(range(d + 1), repeat=n) if sum(e) == d]
        polys.append({e: rng.randrange(1, p) for e in mons if rng.random() < 0.7})
    return polys


@settings(max_examples=2, deadline=None)
@given(st.integers(0, 10**6))
def test_mod_p_below_2_31_matches_sympy_and_bezout(seed):
    """Modulo a prime just below 2^31 the Macaulay blocks are reduced by float64 products (the
    route the length certificate uses); random forms of degrees 2, 2, 2, 2, 3 in five variables
    with coefficients up to p - 1: sympy's basis modulo p, and Bezout's number 48 of standard
    monomials (a complete intersection, up to a probability of order 48/p)."""
    p = 2147483629
    polys = _random_forms(random.Random(seed), 5, [2, 2, 2, 2, 3], p)
    gb = groebner_basis(polys, "degrevlex", modulus=p, nvars=5)
    assert gb.stats.get("blas_blocks", 0) > 0
    assert canon_p(gb.polys, degrevlex(), p) == canon_p(sympy_gb(polys, 5, "grevlex", modulus=p), degrevlex(), p)
    assert gb.num_solutions() == 48


@pytest.mark.parametrize("n, degrees", [(6, [2, 2, 2, 2, 2, 3]), (7, [2] * 7)])
def test_mod_p_below_2_31_large_blocks_bezout(n, degrees):
    """Larger blocks (more reducers than one elimination leaf): the number of standard
    monomials is Bezout's product of the degrees, every input reduces to 0, and the basis is
    reduced (no term of an element divisible by another element's leading monomial)."""
    p = 2147483629
    polys = _random_forms(random.Random(n), n, degrees, p)
    gb = groebner_basis(polys, "degrevlex", modulus=p, nvars=n)
    assert gb.stats["max_matrix"][0] > 64
    assert gb.num_solutions() == math.prod(degrees)
    assert all(gb.contains(f) for f in polys)
    leads = gb.leading_monomials
    for d, lm in zip(gb.polys, leads):
        for e in d:
            assert not any(all(a >= b for a, b in zip(e, l2)) for l2 in leads if l2 != lm)


# ----------------------------------------------------------------------------- Hilbert-driven runs
def _random_bilinear_graph(rng, k1, k2, m):
    """The graph ideal <c_j - sum a_jab u_a v_b> of a random bilinear map, variables (u, v, c):
    homogeneous for deg u = deg v = 1, deg c = 2, with quotient k[u, v]."""
    N = k1 + k2
    out = []
    for j in range(m):
        f = {}
        for a in range(k1):
            for b in range(k2):
                if rng.random() < 0.5:
                    e = [0] * (N + m)
                    e[a] += 1
                    e[k1 + b] += 1
                    f[tuple(e)] = rng.choice([-2, -1, 1, 2])
        e = [0] * (N + m)
        e[N + j] = 1
        f[tuple(e)] = 1
        out.append(f)
    return out, N


@settings(max_examples=4, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([32003, 2147483629]))
def test_hilbert_driven_run_equals_the_plain_run(seed, p):
    """The quotient of a graph ideal is the polynomial ring in the parameters, so its Hilbert
    function is the number of their monomials; with it the engine skips the pairs of a degree
    whose standard monomials are already that many, and the basis must be the same."""
    gens, N = _random_bilinear_graph(random.Random(seed), 4, 3, 12)
    grading = [1] * N + [2] * 12
    plain = groebner_basis(gens, elimination(N), modulus=p, grading=grading)
    fast = groebner_basis(gens, elimination(N), modulus=p, grading=grading,
                          hilbert_function=lambda d: math.comb(d + N - 1, N - 1))
    assert fast.polys == plain.polys
    assert "hilbert_skipped_pairs" not in plain.stats


def test_hilbert_function_argument_is_checked():
    gens, N = _random_bilinear_graph(random.Random(5), 4, 3, 11)
    grading = [1] * N + [2] * 11
    gb = groebner_basis(gens, elimination(N), modulus=P, grading=grading,
                        hilbert_function=lambda d: math.comb(d + N - 1, N - 1))
    assert gb.stats["hilbert_skipped_pairs"] > 0  # this ideal exercises the skipping
    with pytest.raises(InputError, match="hilbert_function"):  # more than the leading monomials leave
        groebner_basis(gens, elimination(N), modulus=P, grading=grading,
                       hilbert_function=lambda d: math.comb(d + N - 1, N - 1) + 10**6)
    with pytest.raises(InputError, match="hilbert_function"):  # the grading it refers to is missing
        groebner_basis(gens, elimination(N), modulus=P, hilbert_function=lambda d: 1)
    with pytest.raises(InputError, match="hilbert_function"):
        groebner_basis(gens, elimination(N), modulus=P, grading=grading, hilbert_function=3)


def _graph_of_chosen_terms(rng, sizes, m, chosen):
    """The generators ``c_j - f_j`` of a graph ideal, ``f_j`` the sum of the products of one
    variable per layer (layers of ``sizes`` variables) that ``chosen(j, pick)`` keeps, with random
    coefficients; variables (layers..., c).  With the number of layer variables and the grading
    by layers (layer l's variables degree e_l, each c_j degree (1, ..., 1))."""
    N = sum(sizes)
    starts = [sum(sizes[:l]) for l in range(len(sizes))]
    gens = []
    for j in range(m):
        f = {}
        for pick in itertools.product(*[range(k) for k in sizes]):
            if chosen(j, pick):
                e = [0] * (N + m)
                for s, i in zip(starts, pick):
                    e[s + i] += 1
                f[tuple(e)] = rng.choice([-3, -1, 1, 2])
        e = [0] * (N + m)
        e[N + j] = 1
        f[tuple(e)] = 1
        gens.append(f)
    rows = [[1 if s <= i < s + k else 0 for i in range(N)] + [1] * m for s, k in zip(starts, sizes)]
    return gens, N, rows


def _random_multilinear_graph(rng, sizes, m):
    """The graph ideal <c_j - f_j> of random maps f_j multilinear in layers of ``sizes``
    variables (each term one variable of each layer), variables (layers..., c), with its
    multigrading by layers (layer l's variables degree e_l, each c_j degree (1, ..., 1)) and
    the Hilbert function of its quotient k[layers]: prod_l C(a_l + k_l - 1, k_l - 1)."""
    gens, N, rows = _graph_of_chosen_terms(rng, sizes, m, lambda j, pick: rng.random() < 0.4)

    def hf(a):
        return math.prod(math.comb(x + k - 1, k - 1) if x >= 0 else 0 for x, k in zip(a, sizes))

    return gens, N, rows, hf


@settings(max_examples=4, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([((4, 3), 11), ((4, 3), 12), ((3, 2, 2), 10), ((3, 2, 2), 12)]),
       st.sampled_from([32003, 2147483629, 2**61 - 1]))
def test_multigraded_hilbert_run_equals_the_plain_run(seed, shape, p):
    """A graph ideal of a multilinear map is homogeneous for the grading by layers, and its
    quotient is the polynomial ring in the layers' variables; with that multigraded Hilbert
    function the engine drops the pairs of each complete multidegree, and the basis must be the
    one of the plain run."""
    sizes, m = shape  # sizes that skip some pairs (more than 100 pairs in some degree)
    gens, N, rows, hf = _random_multilinear_graph(random.Random(seed), sizes, m)
    plain = groebner_basis(gens, elimination(N), modulus=p, grading=[sum(col) for col in zip(*rows)])
    fast = groebner_basis(gens, elimination(N), modulus=p, grading=rows, hilbert_function=hf)
    assert fast.polys == plain.polys


def test_multigraded_hilbert_function_argument_is_checked():
    gens, N, rows, hf = _random_multilinear_graph(random.Random(3), (4, 3), 11)
    gb = groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf)
    assert gb.stats["hilbert_skipped_pairs"] > 0  # this ideal exercises the skipping
    assert gb.polys == groebner_basis(gens, elimination(N), modulus=P, grading=rows).polys
    with pytest.raises(InputError, match="hilbert_function: .* in multidegree"):  # above the count
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=lambda a: hf(a) + 1)
    with pytest.raises(InputError, match="hilbert_function"):  # not homogeneous for the rows
        groebner_basis(gens, elimination(N), modulus=P, grading=[rows[0], [1] * (N + 11)], hilbert_function=hf)
    with pytest.raises(InputError, match="grading"):  # a zero column
        groebner_basis(gens, elimination(N), modulus=P, grading=[[0] + r[1:] for r in rows], hilbert_function=hf)
    with pytest.raises(InputError, match="grading"):  # rows of different lengths
        groebner_basis(gens, elimination(N), modulus=P, grading=[rows[0], rows[1][1:]], hilbert_function=hf)
    with pytest.raises(InputError, match="grading"):  # a negative degree
        groebner_basis(gens, elimination(N), modulus=P, grading=[rows[0], [-1] + rows[1][1:]])
    with pytest.raises(InputError, match="grading"):  # rows of the wrong length for the variables
        groebner_basis(gens, elimination(N), modulus=P, grading=[r[1:] for r in rows], hilbert_function=hf)


def _random_convolution_graph(rng, positions, m):
    """A graph ideal <c_j - f_j> whose maps f_j are multilinear in layers of variables placed at
    ``positions`` (per layer, one position each: an int, or a tuple with one entry per axis),
    every term one variable per layer with positions adding up to c_j's: homogeneous for the
    layers and for the position rows (one per axis).  With the Hilbert function of the quotient
    k[layers] on (layer degrees, position sums along the first axes, or none), by enumeration."""
    positions = [[p if isinstance(p, tuple) else (p,) for p in layer] for layer in positions]
    axes = len(positions[0][0])
    sizes = [len(p) for p in positions]
    flat = [x for p in positions for x in p]

    def add(vectors):
        return tuple(sum(v[a] for v in vectors) for a in range(axes))

    reach = sorted({add(pick) for pick in itertools.product(*positions)})
    where = [rng.choice(reach) for _ in range(m)]
    gens, N, rows = _graph_of_chosen_terms(
        rng, sizes, m, lambda j, pick: add([positions[l][i] for l, i in enumerate(pick)]) == where[j]
        and rng.random() < 0.7)
    fine = [[x[a] for x in flat] + [c[a] for c in where] for a in range(axes)]

    def hf(a):
        if min(a) < 0:
            return 0
        L = len(sizes)
        if len(a) == L:   # the layer degrees alone: the sum over the positions
            return math.prod(math.comb(d + k - 1, k - 1) for d, k in zip(a, sizes))
        cut = len(a) - L   # the first axes given
        per_layer = []
        for l, d in enumerate(a[:L]):
            sums: dict[tuple[int, ...], int] = {}
            for mono in itertools.combinations_with_replacement(positions[l], d):
                key = add(mono)[:cut]
                sums[key] = sums.get(key, 0) + 1
            per_layer.append(sums)
        count = 0
        for combo in itertools.product(*[list(x.items()) for x in per_layer]):
            if tuple(sum(p[i] for p, _ in combo) for i in range(cut)) == tuple(a[L:]):
                count += math.prod(c for _, c in combo)
        return count

    return gens, N, rows, fine, hf


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 10**6), st.sampled_from([([(0, 1, 2, 3), (0, 2, 4)], 7), ([(0, 1, 2), (0, 3), (0, 1)], 8),
                                               ([(0, 1, 2, 3), (0, 2, 4), (0, 1)], 9),
                                               ([((0, 0), (0, 1), (1, 0), (1, 1)), ((0, 0), (0, 2), (1, 0))], 8),
                                               ([((0, 0), (1, 0), (2, 1)), ((0, 0), (0, 1)), ((0, 0), (1, 1))], 8)]),
       st.sampled_from([32003, 2147483629, 2**61 - 1]), st.sampled_from([0, 300, 3_000_000]))
def test_positions_refining_the_hilbert_function_give_the_plain_run(seed, shape, p, terms):
    """A graph ideal of a convolution-like map is homogeneous for the layers and for the position
    of each variable along each axis; the Hilbert function of its quotient on the layer degrees
    refined by the position sums (fine_grading) drops the pairs of each complete refined piece,
    and the basis must be the one of the plain run; also when the refined counts give their
    rows up one by one for shorter ones (at once, or on the way: REFINED_COUNT_TERMS)."""
    import lcnalg.polys.hilbert as hilbert
    positions, m = shape
    gens, N, rows, fine, hf = _random_convolution_graph(random.Random(seed), positions, m)
    try:   # a few of these sparse maps have large bases (degree 34): left out
        plain = groebner_basis(gens, elimination(N), modulus=p, grading=[sum(col) for col in zip(*rows)],
                               max_total_entries=3 * 10**6)
    except ResourceLimitError:
        reject()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hilbert, "REFINED_COUNT_TERMS", terms)
        mp.setattr(hilbert, "REFINED_COUNT_FLOOR", min(terms, hilbert.REFINED_COUNT_FLOOR))
        fast = groebner_basis(gens, elimination(N), modulus=p, grading=rows, hilbert_function=hf, fine_grading=fine)
    assert fast.polys == plain.polys
    if terms == 0 and "hilbert_skipped_pairs" in fast.stats:   # a count was made: it gave every row up, last first
        d = fast.stats["refinement_given_up_at_degree"]
        L = len(rows)
        assert fast.stats["refinement_rows_dropped"] == tuple((d, L + k) for k in reversed(range(len(fine))))



def test_a_refinement_too_large_along_the_last_axis_keeps_the_first():
    """Two position rows (a 2D-like map): when the count with both passes its bound of terms,
    the last row is given up first, and the counts go on with the layers and the first axis
    (HF on the shorter multidegrees); the basis is the plain run's, with fewer entries than
    when every row is given up at once."""
    import lcnalg.polys.hilbert as hilbert
    shape = [((0, 0), (0, 1), (1, 0), (1, 1)), ((0, 0), (0, 2), (1, 0), (1, 2)), ((0, 0), (1, 0))]
    gens, N, rows, fine, hf = _random_convolution_graph(random.Random(2), shape, 12)
    plain = groebner_basis(gens, elimination(N), modulus=P, grading=[sum(col) for col in zip(*rows)])
    kept = groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf, fine_grading=fine)
    dropped = kept.stats["refinement_rows_dropped"]
    assert kept.polys == plain.polys and "refinement_given_up_at_degree" not in kept.stats
    assert dropped and all(cut == len(rows) + 1 for _, cut in dropped)   # the second axis alone given up
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hilbert, "REFINED_COUNT_TERMS", 0)
        mp.setattr(hilbert, "REFINED_COUNT_FLOOR", 0)
        none = groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf, fine_grading=fine)
    assert none.polys == plain.polys and len(none.stats["refinement_rows_dropped"]) == 2
    assert kept.stats["total_entries"] < none.stats["total_entries"]

def test_fine_grading_argument_is_checked():
    gens, N, rows, fine, hf = _random_convolution_graph(random.Random(0), [(0, 1, 2, 3), (0, 2, 4), (0, 1)], 9)
    coarse = groebner_basis(gens, elimination(N), modulus=P, grading=rows,
                            hilbert_function=lambda a: math.comb(a[0] + 3, 3) * math.comb(a[1] + 2, 2) * (a[2] + 1))
    gb = groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf, fine_grading=fine)
    assert gb.polys == coarse.polys
    assert gb.stats["total_entries"] < coarse.stats["total_entries"]   # the refined pieces drop more pairs
    with pytest.raises(InputError, match="hilbert_function: .* in multidegree"):  # above the count
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=lambda a: hf(a) + 1,
                       fine_grading=fine)
    with pytest.raises(InputError, match="fine_grading"):  # not homogeneous for it
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf,
                       fine_grading=[[1] + fine[0][1:] if fine[0][0] == 0 else [0] + fine[0][1:]])
    with pytest.raises(InputError, match="fine_grading"):  # no Hilbert function to refine
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, fine_grading=fine)
    with pytest.raises(InputError, match="fine_grading"):  # a negative entry
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf,
                       fine_grading=[[-1] + fine[0][1:]])
    with pytest.raises(InputError, match="fine_grading"):  # the wrong length
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf,
                       fine_grading=[fine[0][1:]])
    with pytest.raises(InputError, match="fine_grading"):  # not a matrix of integers
        groebner_basis(gens, elimination(N), modulus=P, grading=rows, hilbert_function=hf, fine_grading=[1.5])


@st.composite
def many_pairs_ideals(draw):
    """Many monomials of one degree and a few dense forms of lower degree in four variables:
    each new basis element meets dozens of active ones (more than one chunk of the chain
    test on the new pairs), with many equal and dividing lcms."""
    n, top = 4, 7
    mons = [e for e in itertools.product(range(top + 1), repeat=n) if sum(e) == top]
    chosen = draw(st.lists(st.sampled_from(mons), min_size=40, max_size=90, unique=True))
    polys = [{e: 1} for e in chosen]
    for _ in range(draw(st.integers(1, 3))):
        d = draw(st.integers(2, 4))
        low = [e for e in itertools.product(range(d + 1), repeat=n) if sum(e) == d]
        terms = draw(st.lists(st.sampled_from(low), min_size=2, max_size=4, unique=True))
        polys.append({e: draw(st.integers(1, P - 1)) for e in terms})
    return n, polys


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(many_pairs_ideals())
def test_pair_criteria_with_many_active_elements_match_sympy(data):
    """The Gebauer-Möller update decides the new pairs chunk by chunk against the kept ones;
    with dozens of active elements per new one the reduced basis mod p is sympy's."""
    n, polys = data
    gb = groebner_basis(polys, "degrevlex", modulus=P, nvars=n)
    assert canon_p(gb.polys, degrevlex(), P) == canon_p(sympy_gb(polys, n, "grevlex", modulus=P), degrevlex(), P)


def test_degrees_of_many_pairs_taken_in_steps_match_sympy():
    """14 sparse quadrics in 8 variables (seeded): two degrees of this run hold more pairs than
    one F4 step takes (205 at the first), so they run in several steps, each taking the pairs of
    smallest lcm left; the reduced basis is sympy's, modulo P."""
    rng = random.Random(0)
    n = 8
    monos = [e for e in itertools.product(range(3), repeat=n) if sum(e) == 2]
    polys = [{e: rng.randrange(1, P) for e in rng.sample(monos, 3)} for _ in range(14)]
    gb = groebner_basis(polys, "degrevlex", modulus=P, nvars=n)
    assert len(gb.polys) == 47
    assert canon_p(gb.polys, degrevlex(), P) == canon_p(sympy_gb(polys, n, "grevlex", modulus=P), degrevlex(), P)
