"""Factorization over Q of integer multivariate polynomials whose factors python-flint cannot
sort (coefficients beyond 2^31 at a leading monomial two factors share)."""

from __future__ import annotations

from math import gcd

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import contains
from lcnalg.polys.mpoly_factor import factor

CTX = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
X, Y = CTX.gens()


def _product(content, factors):
    out = CTX.from_dict({(0, 0): int(content)})
    for f, e in factors:
        out *= f ** e
    return out


def test_the_sort_of_the_factors_overflows_and_the_factorization_is_still_exact():
    p = (10**12 * X + Y + 1) * (X + 2 * Y + 3)
    with pytest.raises(OverflowError):
        p.factor()  # python-flint 0.9 sorts factors by a key of machine integers
    c, fac = factor(p)
    assert c == 1 and sorted(str(f) for f, _ in fac) == ["1000000000000*x + y + 1", "x + 2*y + 3"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(-10**15, 10**15), st.integers(-5, 5), st.integers(-5, 5),
                          st.integers(1, 2)), min_size=1, max_size=3),
       st.integers(-10**6, 10**6).filter(bool))
def test_factors_multiply_back_are_primitive_and_irreducible(linear, scale):
    # linear factors a x + b y + c sharing the leading monomial x: the sort compares their
    # coefficients at x, beyond 2^31 for most draws
    p = CTX.from_dict({(0, 0): scale})
    for a, b, c, e in linear:
        if a == 0:
            a = 1
        p *= (a * X + b * Y + c) ** e
    content, fac = factor(p)
    assert _product(content, fac) == p
    for f, e in fac:
        assert e >= 1 and f.total_degree() >= 1 and f.leading_coefficient() > 0
        coeffs = [int(v) for v in f.to_dict().values()]
        assert gcd(*coeffs) == 1
    # as many irreducible factors (with multiplicity) as FLINT's factorization over Q finds
    q = flint.fmpq_mpoly_ctx.get(("x", "y"), "lex").from_dict({k: int(v) for k, v in p.to_dict().items()})
    assert sorted(e for _, e in fac) == sorted(int(e) for _, e in q.factor()[1])


def test_membership_of_a_filter_whose_factors_flint_cannot_sort():
    # (10^12 x + y + 1)(x + 2y + 3) on 2x2,2x2: its two factors are its two layers
    values = [3, 5, 2, 3000000000001, 2000000000001, 0, 1000000000000, 0, 0]
    r = contains("2x2,2x2", values)
    assert r.contained is True and r.certified
