"""Real roots of polynomials over Q(τ), counted exactly at a real algebraic point."""

from __future__ import annotations

import random

import flint
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from lcnalg.errors import InputError
from lcnalg.polys.real_algebraic import RealAlgebraicPoint

SQRT2 = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
                                     [flint.fmpq_poly([0, 1])])


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10**6))
def test_real_roots_and_odd_multiplicities_match_the_construction(seed):
    """Products of (x − a − b√2)^e and real-rootless quadratics: the distinct real roots and
    those of odd multiplicity, known from the construction, against the exact count over Q(√2)."""
    rng = random.Random(seed)
    x, s2 = sympy.symbols("x"), sympy.sqrt(2)
    expr, mult = sympy.Integer(1), {}
    for _ in range(rng.randint(1, 4)):
        a, b, e = rng.randint(-2, 2), rng.randint(-1, 1), rng.randint(1, 3)
        if rng.random() < 0.3:
            expr *= ((x - a) ** 2 + b * b + 1) ** e
        else:
            expr *= (x - a - b * s2) ** e
            mult[(a, b)] = mult.get((a, b), 0) + e
    coefficients = []
    for c in reversed(sympy.Poly(sympy.expand(expr), x).all_coeffs()):
        c = sympy.expand(c)
        rational = c.subs(s2, 0)
        irrational = sympy.expand((c - rational) / s2)
        coefficients.append({e: int(v) for e, v in (((0,), rational), ((1,), irrational)) if v})
    assert SQRT2.real_roots(coefficients) == len(mult)
    assert SQRT2.real_roots(coefficients, odd=True) == sum(1 for m in mult.values() if m % 2)


def test_a_polynomial_vanishing_at_the_point_is_refused():
    with pytest.raises(InputError, match="coefficients"):
        SQRT2.real_roots([{(2,): 1, (0,): -2}])
