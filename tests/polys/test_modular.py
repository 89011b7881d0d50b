"""The prime table and the multi-modular lift of rational vectors."""

from __future__ import annotations

from fractions import Fraction

from flint import fmpz
from hypothesis import given, settings, strategies as st

from lcnalg.polys.modular import (GF_PRIME, LARGE_PRIMES, PRIMES_31, SUMMARY_PRIME, crt_pair, lift_vector,
                                  primes_below)


def test_prime_table():
    for p in PRIMES_31 + LARGE_PRIMES + (GF_PRIME, SUMMARY_PRIME):
        assert fmpz(p).is_prime()
    assert all(p < 2**31 for p in PRIMES_31) and len(set(PRIMES_31)) == len(PRIMES_31)
    assert SUMMARY_PRIME in PRIMES_31
    gen = primes_below(2**62)
    assert [next(gen) for _ in range(3)] == list(LARGE_PRIMES[:3])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fractions(max_denominator=10**6).filter(lambda x: abs(x.numerator) < 10**6),
                min_size=1, max_size=5))
def test_lift_vector_recovers_small_fractions(vec):
    primes = PRIMES_31[:2]
    res = [[x.numerator * pow(x.denominator, -1, p) % p for x in vec] for p in primes]
    assert lift_vector(res, primes) == [Fraction(x) for x in vec]


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 10**12), st.sampled_from(PRIMES_31[:5]), st.sampled_from(PRIMES_31[5:10]))
def test_crt_pair(x, p, q):
    r, m = crt_pair(x % p, p, x % q, q)
    assert m == p * q and r % p == x % p and r % q == x % q
