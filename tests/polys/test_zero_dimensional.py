"""Counting and isolating the solutions of zero-dimensional systems: the Hermite counts, the
univariate representation and the solutions known by construction agree."""

from __future__ import annotations

from fractions import Fraction
from math import prod

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.univariate import sturm_count
from lcnalg.polys.zero_dimensional import (multiplication_matrix, solution_counts, standard_monomials,
                                           symmetric_signature, univariate_representation)


def poly_mul(a: dict, b: dict) -> dict:
    out: dict = {}
    for ea, ca in a.items():
        for eb, cb in b.items():
            e = tuple(x + y for x, y in zip(ea, eb))
            out[e] = out.get(e, 0) + ca * cb
    return {e: c for e, c in out.items() if c}


def univariate(nvars: int, var: int, coeffs: list) -> dict:
    """``Σ coeffs[k] x_var^k`` as a dict in ``nvars`` variables."""
    return {tuple(k if i == var else 0 for i in range(nvars)): c for k, c in enumerate(coeffs) if c}


@st.composite
def triangular_systems(draw):
    """``p(x_1) = 0, x_2 = q_2(x_1), ..., x_n = q_n(x_1)`` after a triangular change of
    coordinates, with ``p`` a product of known factors: real rational roots (with
    multiplicities), and ``x^2 + c`` (c > 0, two non-real roots) or ``x^2 - c`` (c > 0 not a
    square: two real irrational roots)."""
    n = draw(st.integers(1, 3))
    roots = draw(st.lists(st.integers(-4, 4), min_size=0, max_size=3, unique=True))
    mults = [draw(st.integers(1, 2)) for _ in roots]
    quad = draw(st.sampled_from([None, ("+", 1), ("+", 3), ("-", 2), ("-", 3)]))
    p = {(0,) * n: 1}
    for r, m in zip(roots, mults):
        for _ in range(m):
            p = poly_mul(p, univariate(n, 0, [-r, 1]))
    distinct, real, total = len(roots), len(roots), sum(mults)
    if quad:
        p = poly_mul(p, univariate(n, 0, [quad[1] if quad[0] == "+" else -quad[1], 0, 1]))
        distinct += 2
        total += 2
        real += 0 if quad[0] == "+" else 2
    if total == 0:  # an empty product: the unit ideal has no solution
        p = {(0,) * n: 1}
    system = [p]
    for i in range(1, n):
        q = univariate(n, 0, draw(st.lists(st.integers(-3, 3), min_size=1, max_size=3)))
        q[tuple(int(j == i) for j in range(n))] = q.get(tuple(int(j == i) for j in range(n)), 0) - 1
        system.append({e: c for e, c in q.items() if c})
    return n, system, total, distinct, real


@settings(max_examples=40, deadline=None)
@given(triangular_systems(), st.integers(0, 3))
def test_counts_match_the_construction(case, seed):
    n, system, total, distinct, real = case
    gb = groebner_basis(system, "degrevlex", nvars=n)
    counts = solution_counts(gb, seed=seed)
    assert (counts.with_multiplicity, counts.distinct, counts.real) == (total, distinct, real)
    assert counts.certified
    # modulo a large prime the counts with multiplicity and distinct agree (the bound is tiny)
    gbp = groebner_basis(system, "degrevlex", modulus=1_000_003, nvars=n)
    cp = solution_counts(gbp, seed=seed)
    assert (cp.with_multiplicity, cp.distinct, cp.real, cp.certified) == (total, distinct, None, False)
    assert 0 <= cp.failure_probability < Fraction(1, 1000)


@settings(max_examples=30, deadline=None)
@given(triangular_systems(), st.integers(0, 3))
def test_univariate_representation_isolates_every_real_solution(case, seed):
    n, system, total, distinct, real = case
    gb = groebner_basis(system, "degrevlex", nvars=n)
    if total == 0:
        return
    rur = univariate_representation(gb, seed=seed)
    assert rur.num_solutions == distinct
    # an independent real count: Sturm on the minimal polynomial
    assert sturm_count(rur.minimal_polynomial) == real
    points = rur.real_points(prec=128)
    assert len(points) == real
    for point in points:
        for f in system:  # each generator's value at the enclosure contains 0
            value = sum((flint.arb(c) * prod((x ** e for x, e in zip(point, exp)), start=flint.arb(1))
                         for exp, c in f.items()), start=flint.arb(0))
            assert value.contains(0)
        assert all(x.rad() < 1e-20 for x in point)
    # disjoint enclosures: distinct real solutions are told apart
    for i in range(len(points)):
        for j in range(i):
            assert any(not a.overlaps(b) for a, b in zip(points[i], points[j]))


def test_random_dense_system_hermite_against_representation():
    """Two quadrics in the plane: 4 solutions (Bézout) for generic coefficients; the Hermite
    signature equals the real roots of the representation's minimal polynomial."""
    import random

    rng = random.Random(7)
    for _ in range(10):
        system = [{e: rng.randint(-5, 5) for e in [(2, 0), (1, 1), (0, 2), (1, 0), (0, 1), (0, 0)]}
                  for _ in range(2)]
        gb = groebner_basis(system, "degrevlex", nvars=2)
        if not gb.is_zero_dimensional():
            continue
        counts = solution_counts(gb)
        rur = univariate_representation(gb, seed=1)
        assert counts.with_multiplicity <= 4 and counts.distinct <= counts.with_multiplicity
        assert rur.num_solutions == counts.distinct
        assert sturm_count(rur.minimal_polynomial) == counts.real == len(rur.real_points())


def test_rational_solution_exactly():
    # x^2 - 1 = 0, y = x + 2: (1, 3) and (-1, 1)
    gb = groebner_basis([{(2, 0): 1, (0, 0): -1}, {(0, 1): 1, (1, 0): -1, (0, 0): -2}], nvars=2)
    rur = univariate_representation(gb)
    points = set()
    for root in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 7, -7):
        if rur.minimal_polynomial(root) == 0:
            points.add(rur.exact_point(root))
    assert points == {(1, 3), (-1, 1)}


def test_multiplication_matrices_commute_and_have_the_solutions_as_eigenvalues():
    gb = groebner_basis([{(2, 0): 1, (0, 0): -1}, {(0, 2): 1, (0, 0): -4}], nvars=2)
    mx = multiplication_matrix(gb, {(1, 0): 1})
    my = multiplication_matrix(gb, {(0, 1): 1})
    assert mx * my == my * mx
    assert mx.charpoly() == flint.fmpq_poly([-1, 0, 1]) ** 2
    assert my.charpoly() == flint.fmpq_poly([-4, 0, 1]) ** 2


def test_signature():
    assert symmetric_signature(flint.fmpq_mat([[0, 1], [1, 0]])) == (2, 0)
    assert symmetric_signature(flint.fmpq_mat([[2, 0, 0], [0, 3, 0], [0, 0, 0]])) == (2, 2)
    assert symmetric_signature(flint.fmpq_mat([[-1, 0], [0, -1]])) == (2, -2)


def test_bad_input_and_bounds():
    with pytest.raises(InputError, match="gb"):
        solution_counts("x")
    with pytest.raises(InputError, match="zero-dimensional"):
        solution_counts(groebner_basis([{(1, 0): 1}], nvars=2))
    gb = groebner_basis([{(5, 0): 1, (0, 0): -1}, {(0, 5): 1, (0, 0): -1}], nvars=2)
    with pytest.raises(ResourceLimitError, match="max_quotient_dimension"):
        standard_monomials(gb, Limits(max_quotient_dimension=24))
    assert len(standard_monomials(gb, Limits(max_quotient_dimension=25))) == 25
    with pytest.raises(InputError, match="over Q"):
        univariate_representation(groebner_basis([{(1,): 1}], modulus=101))


# -- exact arithmetic at the real solutions ------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(triangular_systems(), st.integers(0, 3))
def test_generators_vanish_exactly_at_the_real_algebraic_points(case, seed):
    n, system, total, distinct, real = case
    if total == 0:
        return
    rur = univariate_representation(groebner_basis(system, "degrevlex", nvars=n), seed=seed)
    points = rur.real_algebraic_points()
    assert len(points) == real
    balls = rur.real_points(prec=128)
    for p, ball in zip(points, balls):
        assert all(p.sign(f) == 0 for f in system)
        assert all(a.overlaps(b) for a, b in zip(p.point(128), ball))
        # a polynomial not in the ideal: x_1 - (a rational not a root) has a non-zero sign
        assert p.sign({tuple(int(i == 0) for i in range(n)): 1, (0,) * n: Fraction(-1, 7)}) != 0


def test_signature_against_diagonal_and_exact_eigenvalues():
    from lcnalg.polys.real_algebraic import RealAlgebraicPoint

    phi = flint.fmpq_poly([-2, 0, 1])            # τ = ±√2
    for side, expect in ((1, (2, 1, 0)), (-1, (0, 3, 0))):
        tau = [r.real for r, _ in phi.numer().complex_roots() if r.real * side > 0][0]
        p = RealAlgebraicPoint.from_root(phi, tau, [flint.fmpq_poly([0, 1])])
        x, one = {(1,): 1}, {(0,): 1}
        zero = {}
        # diag(x, x, -1) ⊕ ...: eigenvalues x, x, -1 at x = ±√2
        m = [[x, zero, zero], [zero, x, zero], [zero, zero, {(0,): -1}]]
        assert p.signature(m) == expect
        # [[x, 1], [1, x]] has eigenvalues x ± 1: both positive at √2, both negative at -√2
        assert p.signature([[x, one], [one, x]]) == ((2, 0, 0) if expect == (2, 1, 0) else (0, 2, 0))
        # [[x^2, 2], [2, 2]] has determinant 2x^2 - 4 = 0 at x = ±√2: one zero eigenvalue, exactly
        assert p.signature([[{(2,): 1}, {(0,): 2}], [{(0,): 2}, {(0,): 2}]]) == (1, 0, 1)


def test_berkowitz_matches_flint_charpoly_on_rational_matrices():
    import random

    from lcnalg.polys.real_algebraic import RealAlgebraicPoint

    rng = random.Random(3)
    p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-3, 1]), flint.arb(3), [flint.fmpq_poly([3])])
    for size in range(1, 6):
        a = [[rng.randint(-4, 4) for _ in range(size)] for _ in range(size)]
        sym = [[a[i][j] + a[j][i] for j in range(size)] for i in range(size)]
        pos, neg, zero = p.signature([[{(0,): v} for v in row] for row in sym])
        rank, sig = symmetric_signature(flint.fmpq_mat(sym))
        assert (pos + neg, pos - neg, zero) == (rank, sig, size - rank)


@settings(max_examples=25, deadline=None)
@given(triangular_systems(), st.integers(0, 3))
def test_modular_representation_agrees_with_the_one_over_q(case, seed):
    from lcnalg.polys.zero_dimensional import modular_univariate_representation

    n, system, total, distinct, real = case
    if total == 0:
        return
    rur = modular_univariate_representation(system, n, seed=seed)
    assert rur.verified and rur.num_solutions == distinct
    exact = univariate_representation(groebner_basis(system, "degrevlex", nvars=n), seed=seed)
    mod_points, q_points = rur.real_points(128), exact.real_points(128)
    assert len(mod_points) == len(q_points) == real
    # the same real solutions (balls overlap pairwise after sorting by the first coordinate)
    key = lambda p: tuple(float(c.mid()) for c in p)  # noqa: E731
    for a, b in zip(sorted(mod_points, key=key), sorted(q_points, key=key)):
        assert all(x.overlaps(y) for x, y in zip(a, b))


def test_modular_representation_of_dense_systems_with_large_coefficients():
    import random

    from lcnalg.polys.zero_dimensional import modular_univariate_representation

    rng = random.Random(11)
    for _ in range(5):
        system = [{e: Fraction(rng.randint(-10**6, 10**6), rng.randint(1, 50))
                   for e in [(2, 0, 0), (1, 1, 0), (0, 1, 1), (0, 0, 2), (1, 0, 0), (0, 1, 0), (0, 0, 1), (0, 0, 0)]}
                  for _ in range(3)]
        rur = modular_univariate_representation(system, 3, seed=2)
        counts = solution_counts(groebner_basis(system, "degrevlex", nvars=3))
        assert rur.verified and rur.num_solutions == counts.distinct <= 8  # Bezout
        assert len(rur.real_points()) == counts.real


@pytest.mark.parametrize("bad", [None, "x", 1.5, [[1]], [{}], [{(1,): "x"}], [{(1, 2, 3): 1}]])
def test_garbage_systems_and_points_are_refused_naming_the_argument(bad):
    from lcnalg.polys.real_algebraic import RealAlgebraicPoint
    from lcnalg.polys.zero_dimensional import modular_univariate_representation

    with pytest.raises(InputError, match="polys"):
        modular_univariate_representation(bad, 2)
    with pytest.raises(InputError, match="phi|coordinates|root"):
        RealAlgebraicPoint.from_root(bad, 1, [])
    if bad != [[1]]:  # [[1]] is one valid coordinate, the constant 1
        with pytest.raises(InputError, match="coordinates"):
            RealAlgebraicPoint.from_root([-2, 0, 1], 1.4, bad if bad is not None else 3)


@pytest.mark.parametrize("modulus", [None, 1073741789])
@pytest.mark.parametrize("size", [1, 2, 3, 4])
def test_determinant_vector_is_the_normal_form_of_the_expanded_determinant(modulus, size):
    """Laplace expansion on vectors of the algebra against the normal form of the determinant
    expanded as a polynomial (sympy), and ``apply`` against the normal form of the product."""
    import random

    import sympy

    from lcnalg.polys.zero_dimensional import QuotientAlgebra

    rng = random.Random(size)
    system = [{e: rng.randint(-5, 5) or 1 for e in [(2, 0, 0), (0, 1, 1), (1, 0, 0), (0, 0, 1), (0, 0, 0)]},
              {e: rng.randint(-5, 5) or 1 for e in [(0, 2, 0), (1, 0, 1), (0, 1, 0), (0, 0, 0)]},
              {e: rng.randint(-5, 5) or 1 for e in [(0, 0, 2), (1, 1, 0), (0, 0, 1), (0, 0, 0)]}]
    gb = groebner_basis(system, "degrevlex", modulus=modulus, nvars=3)
    A = QuotientAlgebra(gb)
    xs = sympy.symbols("x0:3")
    monos = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (0, 0, 0), (1, 1, 0), (0, 0, 2)]
    entries = [[{m: rng.randint(-3, 3) for m in rng.sample(monos, 3)} for _ in range(size)] for _ in range(size)]
    entries = [[{m: c for m, c in e.items() if c} for e in row] for row in entries]
    expr = sympy.Matrix([[sum(c * sympy.prod([x ** a for x, a in zip(xs, m)]) for m, c in e.items())
                          for e in row] for row in entries]).det()
    det = {m: int(c) for m, c in sympy.Poly(sympy.expand(expr), *xs).terms()} if expr != 0 else {}
    expected = A.coordinates(det) if det else [0] * A.dim
    got = A.determinant_vector(entries)
    assert [got[i, 0] for i in range(A.dim)] == [expected[i] if modulus is None else expected[i] % modulus
                                                for i in range(A.dim)]
    f, g = entries[0][0] or {(0, 0, 0): 1}, {(1, 0, 0): 2, (0, 1, 1): -1}
    product = sympy.Poly(sympy.expand(sum(c * sympy.prod([x ** a for x, a in zip(xs, m)]) for m, c in f.items())
                                      * sum(c * sympy.prod([x ** a for x, a in zip(xs, m)]) for m, c in g.items())),
                         *xs)
    vg = A.matrix([[c] for c in A.coordinates(g)])
    fg = A.coordinates({m: int(c) for m, c in product.terms()})
    assert [A.apply(f, vg)[i, 0] for i in range(A.dim)] == [fg[i] for i in range(A.dim)]
    assert A.of_vector(vg) == A.of(g)
