"""Lifting the interpolated equations to Q: coefficients beyond one 31-bit prime go through the
50-bit lifting prime (and further 31-bit primes when that is not enough), exactly."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings, strategies as st

from lcnalg import BasisParameterization, FilterBasis, basis_equations
from lcnalg.limits import Limits
from lcnalg.polys.modmat import evaluate_monomials, mulmod
from lcnalg.polys.modular import LIFT_PRIME


def test_equations_with_large_coefficients_are_lifted_through_the_50_bit_prime():
    # filters of 3,2 s=2 with the first layer in the span of (1, K, 7): c = a(1, K, 7)(v0 + v1 z^2),
    # so c0 = a v0, c1 = K c0, c2 = 7 c0 + a v1, c3 = K a v1, c4 = 7 a v1, whose ideal is
    # <49 c0 - 7 c2 + c4, 49 c1 - 7K c2 + K c4, 7 c3 - K c4> (derived by hand): coefficients of
    # K's size, beyond one 31-bit prime; K = 10^12 needs the 50-bit lifting prime only (81 bits
    # with the first prime), K = 10^30 (about 100 bits) 31-bit primes as well, K = 10^45 (about
    # 150 bits) more than the six sample pools a degree once had
    for K, more in [(10**12, False), (10**30, True), (10**45, True)]:
        basis = FilterBasis("3,2 s=2", [[[1, K, 7]], [[1, 0], [0, 1]]])
        r = basis_equations(BasisParameterization("3,2 s=2", basis), max_degree=2)
        assert set(r.equations) == {"49*c0 - 7*c2 + c4", f"49*c1 - {7 * K}*c2 + {K}*c4", f"7*c3 - {K}*c4"}
        assert r.certified and LIFT_PRIME in r.primes
        small = [p for p in r.primes if p < 2**31]
        assert (len(small) > 3) == more   # the first prime and the two primes of the check


def test_the_primes_of_the_lifting_are_a_bound_that_keeps_the_degrees_before():
    # K = 10^100: coefficients of about 330 bits, numerators and denominators of the reduced
    # echelon vectors together about 670: ten 31-bit primes and the 50-bit one do not reach
    # them; the degree is stopped with the bound named, the answer complete up to the degree
    # before; with 30 primes (and 50, beyond the tabulated primes, for K = 10^200) the same
    # equations as those derived by hand
    for K, bound in [(10**100, 30), (10**200, 50)]:
        basis = FilterBasis("3,2 s=2", [[[1, K, 7]], [[1, 0], [0, 1]]])
        mu = BasisParameterization("3,2 s=2", basis)
        r = basis_equations(mu, max_degree=2)
        assert r.equations == () and r.complete_up_to_degree == 0 and not r.certified
        assert "--lift-primes" in r.stopped_by and "resource bound at degree 1" in r.stopped_by
        r = basis_equations(mu, max_degree=2, limits=Limits(lift_primes=bound))
        assert set(r.equations) == {"49*c0 - 7*c2 + c4", f"49*c1 - {7 * K}*c2 + {K}*c4", f"7*c3 - {K}*c4"}
        assert r.certified and r.complete_up_to_degree == 2
        assert len([p for p in r.primes if p < 2**31]) > 10


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, LIFT_PRIME - 1), min_size=6, max_size=6), st.integers(1, 4))
def test_monomials_modulo_the_lifting_prime_are_python_integer_products(point, degree):
    pool = np.array([point], dtype=np.int64)
    monos = np.array([[(3 * j + t) % 6 for t in range(degree)] for j in range(5)], dtype=np.int64)
    values = evaluate_monomials(pool, monos, 1, LIFT_PRIME)[0].tolist()
    expected = []
    for mono in monos.tolist():
        x = 1
        for i in mono:
            x = x * point[i] % LIFT_PRIME
        expected.append(x)
    assert values == expected
    a = np.array(point, dtype=np.int64)
    assert mulmod(a, a[::-1], LIFT_PRIME).tolist() == [x * y % LIFT_PRIME for x, y in zip(point, point[::-1])]
