"""The affine route of the mod-p engine: falls of degree divided out of the homogenization, and
the commuting-matrices certificate that ends zero-dimensional runs early."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.groebner.border import border_certificate, standard_set
from lcnalg.polys.monomials import degrevlex, lex
from tests.polys.test_groebner import canon_p, sympy_gb

P = 32003


def exact_basis_mod_p(polys, n, name, p):
    """The reference route: the basis over Q (the plain homogenized engine, lifted from several
    primes and verified exactly), reduced modulo ``p``."""
    out = []
    for d in groebner_basis(polys, name, nvars=n).polys:
        out.append({e: int(c.p) * pow(int(c.q), -1, p) % p if hasattr(c, "q") else int(c) % p for e, c in d.items()})
    return out


@st.composite
def square_systems(draw):
    """n random dense polynomials in n variables (zero-dimensional for almost all draws)."""
    n = draw(st.integers(2, 3))
    seed = draw(st.integers(0, 10**6))
    rng = random.Random(seed)
    polys = []
    for _ in range(n):
        deg = rng.randint(1, 3)
        f = {}
        for e in _monomials(n, deg):
            if rng.random() < 0.7:
                f[e] = rng.randint(-5, 5)
        f = {e: c for e, c in f.items() if c}
        polys.append(f or {tuple([0] * n): 1})
    return n, polys


def _monomials(n, deg):
    if n == 0:
        return [()]
    return [(a,) + rest for a in range(deg + 1) for rest in _monomials(n - 1, deg - a)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(square_systems(), st.sampled_from(["degrevlex", "lex"]))
def test_affine_route_matches_sympy_and_the_plain_homogenization(data, name):
    n, polys = data
    order = degrevlex() if name == "degrevlex" else lex()
    gb = groebner_basis(polys, name, modulus=P, nvars=n)
    expected = canon_p(sympy_gb(polys, n, "grevlex" if name == "degrevlex" else "lex", modulus=P), order, P)
    assert canon_p(gb.polys, order, P) == expected
    assert canon_p(exact_basis_mod_p(polys, n, name, P), order, P) == expected


def test_the_certificate_ends_a_zero_dimensional_run_early():
    # three quadrics in three variables: Bezout 8 points, the last pairs need not be reduced
    rng = random.Random(3)
    polys = [{e: rng.randint(-9, 9) or 1 for e in _monomials(3, 2)} for _ in range(3)]
    gb = groebner_basis(polys, modulus=P, nvars=3)
    assert gb.stats.get("finished_early") == 1
    assert gb.num_solutions() == 8
    assert canon_p(gb.polys, degrevlex(), P) == canon_p(sympy_gb(polys, 3, "grevlex", modulus=P), degrevlex(), P)


def test_certificate_accepts_a_complete_basis_and_rejects_an_incomplete_one():
    key = degrevlex().key
    # I = <x^2 - y, y^2 - 1> mod p: reduced basis {y^2 - 1, x^2 - y}, staircase {1, x, y, xy}
    inputs = [{(2, 0): 1, (0, 1): P - 1}, {(0, 2): 1, (0, 0): P - 1}]
    basis = [([(0, 2), (0, 0)], [1, P - 1]), ([(2, 0), (0, 1)], [1, P - 1])]
    out = border_certificate(basis, inputs, 2, key, P)
    assert out is not None
    assert canon_p([dict(zip(*b)) for b in out], degrevlex(), P) == canon_p(
        [dict(zip(*b)) for b in basis], degrevlex(), P)
    # a wrong element (y^2 - 2 is not in I): the input y^2 - 1 does not reduce to 0
    wrong = [([(0, 2), (0, 0)], [1, P - 2]), ([(2, 0), (0, 1)], [1, P - 1])]
    assert border_certificate(wrong, inputs, 2, key, P) is None
    # <x^2 - y, y^2 - x, x y - 1> has 3 points; with only two of its elements the staircase
    # {1, x, y, xy} is too big: x*(x y) and y*(x y) give non-commuting matrices or a non-zero input
    inputs3 = [{(2, 0): 1, (0, 1): P - 1}, {(0, 2): 1, (1, 0): P - 1}, {(1, 1): 1, (0, 0): P - 1}]
    partial = [([(2, 0), (0, 1)], [1, P - 1]), ([(0, 2), (1, 0)], [1, P - 1])]
    assert border_certificate(partial, inputs3, 2, key, P) is None
    # an infinite staircase is not tried
    assert border_certificate([([(2, 0)], [1])], [{(2, 0): 1}], 2, key, P) is None


def test_standard_set():
    assert sorted(standard_set([(2, 0), (1, 1), (0, 2)], 2, 100)) == [(0, 0), (0, 1), (1, 0)]
    assert standard_set([(2, 0)], 2, 100) is None
    assert standard_set([(5, 0), (0, 5)], 2, 10) is None  # 25 monomials, above the bound
    assert standard_set([(0, 0)], 2, 10) == []


@pytest.mark.parametrize("name", ["degrevlex", "lex"])
def test_positive_dimensional_input_takes_the_plain_route(name):
    # a curve: the staircase stays infinite, the certificate is never tried, the basis is right
    polys = [{(2, 0, 0): 1, (0, 1, 0): -1, (0, 0, 0): 3}, {(1, 1, 0): 1, (0, 0, 1): -1}]
    order = degrevlex() if name == "degrevlex" else lex()
    gb = groebner_basis(polys, name, modulus=P, nvars=3)
    assert "finished_early" not in gb.stats and gb.dimension() == 1
    assert canon_p(gb.polys, order, P) == canon_p(
        sympy_gb(polys, 3, "grevlex" if name == "degrevlex" else "lex", modulus=P), order, P)


def test_proved_multiplication_matrices_equal_those_of_the_reduced_basis():
    import dataclasses

    from lcnalg.polys.zero_dimensional import QuotientAlgebra

    rng = random.Random(11)
    polys = [{e: rng.randint(-9, 9) or 1 for e in _monomials(3, 2)} for _ in range(3)]
    gb = groebner_basis(polys, modulus=P, nvars=3)
    assert gb.multiplication_matrices is not None and "border basis criterion" in gb.method
    plain = QuotientAlgebra(dataclasses.replace(gb, multiplication_matrices=None))
    for k in range(3):
        assert gb.multiplication_matrices[k] == plain.variable_matrix(k)
