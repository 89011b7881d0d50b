"""The prime table and modular arithmetic: Chinese remaindering, rational reconstruction.

Every prime lcnalg computes modulo is named here:

* :data:`PRIMES_31` — primes just below ``2^31`` (numpy-safe sampling and interpolation);
* :data:`SUMMARY_PRIME` — the prime of the modular Gröbner summary of an ideal;
* :data:`GF_PRIME` — ``2^31 − 1``, the prime of the modular Gröbner bases behind dimensions;
* :data:`LARGE_PRIMES` — word-size primes below ``2^62`` (modular ranks and sampling);
* :data:`LIFT_PRIME` — the largest prime below ``2^50``: one elimination modulo it does the work
  of almost two modulo :data:`PRIMES_31` when the interpolation lifts its equations to Q;
* :func:`primes_below` — the primes below a bound, downwards (multi-modular Gröbner lifts).

Examples
--------
>>> SUMMARY_PRIME == PRIMES_31[0], GF_PRIME == 2**31 - 1
(True, True)
>>> next(primes_below(2**62)) == LARGE_PRIMES[0]
True
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, isqrt
from typing import Iterator, Sequence

from flint import fmpz

__all__ = ["PRIMES_31", "SUMMARY_PRIME", "GF_PRIME", "LARGE_PRIMES", "LIFT_PRIME", "primes_below", "crt_pair",
           "crt_vector", "rational_reconstruction", "rational_reconstruction_bounded",
           "reconstruct_vector", "lift_vector"]

#: Primes just below 2^31: products of two residues fit in a signed 64-bit integer,
#: so numpy can evaluate monomials modulo them without overflow.
PRIMES_31 = (
    2147483629, 2147483587, 2147483579, 2147483563, 2147483549, 2147483543, 2147483497,
    2147483489, 2147483477, 2147483423, 2147483399, 2147483353, 2147483323, 2147483269,
    2147483249, 2147483237, 2147483179, 2147483171, 2147483137, 2147483123, 2147483077,
    2147483069, 2147483059, 2147483053, 2147483033, 2147483029, 2147482951, 2147482949,
    2147482943, 2147482937, 2147482921, 2147482877, 2147482873, 2147482867, 2147482859,
    2147482819, 2147482817, 2147482811, 2147482801, 2147482763,
)

#: Prime of the modular Gröbner summary (degree, Hilbert series) of an ideal.
SUMMARY_PRIME = PRIMES_31[0]

#: Prime of the modular Gröbner bases behind dimensions (dimension mod p): ``2^31 − 1``.
GF_PRIME = 2_147_483_647

#: The largest prime below 2^50: the interpolation's lifting prime.  Products of two residues
#: exceed int64, but their quotient by it is found exactly from float64 arithmetic
#: (:func:`lcnalg.polys.modmat.mulmod`).
LIFT_PRIME = 1_125_899_906_842_597

#: Word-size primes used for modular ranks and sampling (primes below 2^62).
LARGE_PRIMES = (
    4611686018427387847,
    4611686018427387817,
    4611686018427387787,
    4611686018427387733,
)


def primes_below(bound: int) -> Iterator[int]:
    """The primes below ``bound``, largest first (an endless generator for large bounds).

    Examples
    --------
    >>> from itertools import islice
    >>> list(islice(primes_below(100), 3))
    [97, 89, 83]
    """
    q = bound - 1
    while q >= 2:
        if fmpz(q).is_prime():
            yield q
        q -= 2 if q % 2 else 1


def crt_pair(r1: int, m1: int, r2: int, m2: int) -> tuple[int, int]:
    """Combine ``x ≡ r1 (mod m1)`` and ``x ≡ r2 (mod m2)`` (coprime moduli).

    Examples
    --------
    >>> crt_pair(2, 3, 3, 5)
    (8, 15)
    """
    t = (r2 - r1) * pow(m1, -1, m2) % m2
    return r1 + m1 * t, m1 * m2


def rational_reconstruction_bounded(a: int, m: int, bound: int,
                                    denominator_bound: int | None = None) -> tuple[int, int] | None:
    """``(n, d)`` with ``|n| ≤ bound``, ``0 < d ≤ denominator_bound`` (default ``bound``),
    ``gcd(n, d) = 1`` and ``n ≡ a d (mod m)`` (extended Euclid stopped at the bound; unique when
    ``2 · bound · denominator_bound < m``), or None.

    Examples
    --------
    >>> rational_reconstruction_bounded(3 * pow(7, -1, 101) % 101, 101, 7)
    (3, 7)
    >>> rational_reconstruction_bounded(3 * pow(7, -1, 101) % 101, 101, 7, 6) is None
    True
    """
    a %= m
    r0, r1, s0, s1 = m, a, 0, 1
    while r1 > bound:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        s0, s1 = s1, s0 - q * s1
    if s1 == 0 or abs(s1) > (bound if denominator_bound is None else denominator_bound):
        return None
    if s1 < 0:
        r1, s1 = -r1, -s1
    if gcd(r1, s1) != 1:
        return None
    return r1, s1


def rational_reconstruction(a: int, m: int) -> Fraction | None:
    """The fraction ``n/d`` with ``|n|, d ≤ sqrt(m/2)`` and ``n ≡ a d (mod m)``, or None.

    Examples
    --------
    >>> m = 2147483629
    >>> rational_reconstruction(3 * pow(7, -1, m) % m, m)
    Fraction(3, 7)
    >>> rational_reconstruction(-5 % m, m)
    Fraction(-5, 1)
    """
    bound = isqrt(m // 2)
    pair = rational_reconstruction_bounded(a, m, bound)
    return None if pair is None else Fraction(*pair)


def crt_vector(residues: Sequence[Sequence[int]], primes: Sequence[int]) -> tuple[list[int], int]:
    """Chinese remaindering of a vector: ``x ≡ residues[k] (mod primes[k])`` entrywise.

    Returns the entries in ``[0, M)`` and ``M = ∏ primes`` (one modular inverse per prime).

    Examples
    --------
    >>> crt_vector([[2, 0], [3, 1]], [3, 5])
    ([8, 6], 15)
    """
    vals = [0] * (len(residues[0]) if residues else 0)
    mod = 1
    for row, p in zip(residues, primes):
        inv = pow(mod, -1, p)
        vals = [r + mod * (((x - r) * inv) % p) for r, x in zip(vals, row)]
        mod *= p
    return vals, mod


def reconstruct_vector(values: Sequence[int], modulus: int, *,
                       common_denominator: bool = False) -> list[tuple[int, int]] | None:
    """Rational reconstruction ``(n, d)`` of each entry, with ``|n|, d ≤ sqrt(M/2)``, or None.

    With ``common_denominator`` the denominators found so far are carried along (the
    entries of a lifted polynomial usually share their denominators): entry ``a`` is
    reconstructed as ``a·D`` with ``D`` the product of the earlier denominators, and is
    ``n / (d·D)``; a denominator may then exceed the bound, as long as each step stays
    within it.

    Examples
    --------
    >>> m = 2147483629
    >>> reconstruct_vector([3 * pow(7, -1, m) % m, m - 5], m)
    [(3, 7), (-5, 1)]
    >>> reconstruct_vector([pow(7, -1, m), 2 * pow(7, -1, m) % m], m, common_denominator=True)
    [(1, 7), (2, 7)]
    """
    bound = isqrt(modulus // 2)
    out = []
    if not common_denominator:
        for a in values:
            pair = rational_reconstruction_bounded(a, modulus, bound)
            if pair is None:
                return None
            out.append(pair)
        return out
    den = 1
    half = modulus // 2
    for a in values:
        x = a * den % modulus
        if x > half:
            x -= modulus
        if abs(x) <= bound and den <= bound:
            num, dd = x, 1
        else:
            rr = rational_reconstruction_bounded(x, modulus, bound)
            if rr is None:
                return None
            num, dd = rr
        out.append((num, dd * den))
        den *= dd
    return out


def lift_vector(residues: Sequence[Sequence[int]], primes: Sequence[int]) -> list[Fraction] | None:
    """Rational reconstruction of a vector from its images modulo several primes.

    Returns None when some entry cannot be reconstructed yet (more primes needed).

    Examples
    --------
    >>> p, q = 2147483629, 2147483587
    >>> v = [Fraction(1), Fraction(-3, 2)]
    >>> res = [[int(x.numerator * pow(x.denominator, -1, r) % r) for x in v] for r in (p, q)]
    >>> lift_vector(res, (p, q))
    [Fraction(1, 1), Fraction(-3, 2)]
    """
    values, m = crt_vector(residues, primes)
    pairs = reconstruct_vector(values, m)
    return None if pairs is None else [Fraction(n, d) for n, d in pairs]
