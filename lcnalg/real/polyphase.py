"""Membership for 1D architectures whose only stride is the last one (polyphase gcd).

Architecture ``k_1, …, k_{L−1}, k_L`` with strides ``1, …, 1, s`` (``s ≥ 2``): an end-to-end
filter is ``P(z) = A(z) · q(z^s)`` with ``A`` a product of the stride-one layers (degree
``n_A = Σ_{l<L} (k_l − 1)``, ``m`` of them of even size) and ``q`` the last layer (degree
``n = k_L − 1``).  Everything is a binary form of formal degree ``D = n_A + s n``.

**Polyphase gcd.**  Write ``P(z) = Σ_{r<s} z^r P_r(z^s)``.  ``C[z]/(q(z^s))`` is free over
``C[w]/(q(w))`` with basis ``1, z, …, z^{s−1}``, so ``q(z^s) | P`` iff ``q | P_r`` for every
``r``, i.e. iff ``q | G := gcd(P_0, …, P_{s−1})`` (multiplicities included).  A root of ``q``
at infinity is the factor ``h^s`` of the form: ``k`` of them fit iff the top ``s k``
coefficients of ``P`` vanish, so ``k_∞ = ⌊(D − deg P)/s⌋`` are available.

**Real factorizations.**  A real ``q`` is a conjugation-closed choice of ``n`` roots among the
roots of ``G`` and ``k_∞`` points at infinity; the cofactor ``A = P / q(z^s)`` is then real,
and it is a product of the stride-one layers over R iff it has at least ``m`` real roots
counted with multiplicity, infinity included (docs/theory.md#stride-one).  A root ``a`` of ``q`` uses up the
real roots of ``z^s = a`` in ``P``: ``s`` for ``a = 0`` or ``∞``; for ``a > 0`` two (``s``
even) or one (``s`` odd); for ``a < 0`` none (``s`` even) or one (``s`` odd); none for a
pair ``a, ā``.  Costs are non-negative, so the best choice takes as many pairs as possible
and the ``j = max(n mod 2, n − 2·#pairs)`` cheapest real roots:

``P ∈ M  ⇔  P = 0, or  n ≤ #real + 2·#pairs  and  R(P) − (cost of the j cheapest) ≥ m``

(``R(P)`` the real roots of ``P`` with multiplicity, infinity included).  Over C the
condition is only ``n ≤ deg G + k_∞``, so this also decides ``P ∈ V``.  Every count is exact:
``G`` by FLINT over Q, real roots by Sturm sequences of the squarefree parts (the positive
roots of ``g`` are half the real roots of ``g(z^2)`` away from 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.univariate import check_sturm_work, real_roots_projective, sturm_count
from lcnalg.checks import short

__all__ = ["last_layer_strided", "PolyphaseCounts", "polyphase_counts", "polyphase_member"]


def last_layer_strided(arch: Architecture) -> tuple[int, int, int, int] | None:
    """``(n_A, m, n, s)`` when ``arch`` is 1D with strides ``1, …, 1, s`` (``s ≥ 2``), else None.

    Examples
    --------
    >>> last_layer_strided(Architecture.parse("3,2 s=2"))
    (2, 0, 1, 2)
    >>> last_layer_strided(Architecture.parse("2,2 s=1")) is None
    True
    """
    if arch.ndim != 1 or arch.activation or arch.num_layers < 2:
        return None
    strides = [s[0] for s in arch.strides[:-1]]
    if any(s != 1 for s in strides[:-1]) or strides[-1] < 2:
        return None
    prefix = [f[0] for f in arch.filters[:-1]]
    return (sum(k - 1 for k in prefix), sum(1 for k in prefix if k % 2 == 0),
            arch.filters[-1][0] - 1, strides[-1])


@dataclass(frozen=True)
class PolyphaseCounts:
    """The exact root data of ``G`` and ``P`` used by :func:`polyphase_member`."""

    gcd: tuple[Fraction, ...]     #: coefficients of G (low to high), ``()`` for P = 0
    at_infinity: int              #: k_∞
    positive: int                 #: real roots of G in (0, ∞), with multiplicity
    negative: int                 #: real roots of G in (−∞, 0)
    zero: int                     #: multiplicity of 0 as a root of G
    pairs: int                    #: conjugate pairs of non-real roots of G
    real_roots_of_p: int          #: R(P), infinity included


def _sign_split(g: flint.fmpq_poly) -> tuple[int, int, int]:
    """(positive, negative, zero) real roots of ``g`` with multiplicity."""
    num = flint.fmpz_poly([int(c * g.denom()) for c in g.coeffs()])
    zero = 0
    while num.degree() > 0 and num.coeffs()[0] == 0:
        num = flint.fmpz_poly(num.coeffs()[1:])
        zero += 1
    pos = neg = 0
    if num.degree() > 0:
        _, parts = num.factor_squarefree()
        for h, e in parts:
            c = [int(x) for x in h.coeffs()]
            sq = flint.fmpz_poly([v for x in c for v in (x, 0)][:-1])           # h(z^2)
            sq_neg = flint.fmpz_poly([v for i, x in enumerate(c) for v in ((-x if i % 2 else x), 0)][:-1])
            pos += e * (sturm_count(sq) // 2)
            neg += e * (sturm_count(sq_neg) // 2)
    return pos, neg, zero


def polyphase_counts(coeffs: Sequence, s: int, limits: Limits | None = None) -> PolyphaseCounts:
    """Exact root data of the polyphase gcd ``G`` of ``P`` (coefficients low to high).

    ``limits.max_root_work`` bounds the Sturm counts (``D³`` for ``P`` of formal degree ``D``,
    checked before anything is computed; the counts of ``G`` are smaller).

    Examples
    --------
    >>> c = polyphase_counts([1, 0, 0, 0, 1], 2)     # 1 + z^4: G = 1 + w^2
    >>> c.gcd, c.pairs, c.positive + c.negative + c.zero
    ((Fraction(1, 1), Fraction(0, 1), Fraction(1, 1)), 1, 0)
    """

    c = [Fraction(x) for x in coeffs]
    D = len(c) - 1
    check_sturm_work(D, limits, "Sturm counts")
    nz = [i for i, x in enumerate(c) if x != 0]
    if not nz:
        return PolyphaseCounts((), 0, 0, 0, 0, 0, 0)
    g = flint.fmpq_poly(0)
    for r in range(s):
        part = flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in c[r::s]])
        g = part if g == 0 else g.gcd(part)
    lead = g.coeffs()[-1]
    g = g / lead
    pos, neg, zero = _sign_split(g)
    pairs = (g.degree() - pos - neg - zero) // 2
    return PolyphaseCounts(tuple(Fraction(int(x.p), int(x.q)) for x in g.coeffs()), (D - nz[-1]) // s,
                           pos, neg, zero, pairs, real_roots_projective(c, limits))


def polyphase_member(arch: Architecture, coeffs: Sequence, limits: Limits | None = None) -> tuple[bool, bool, str]:
    """``(P ∈ M, P ∈ V, reason)`` for an architecture of :func:`last_layer_strided`
    (``limits`` as for :func:`polyphase_counts`).

    Examples
    --------
    >>> a = Architecture.parse("3,2 s=2")
    >>> polyphase_member(a, [1, 0, 0, 0, 1])[:2]      # 1 + z^4 = (z^2 + i)(z^2 − i)
    (False, True)
    >>> polyphase_member(a, [4, 8, 17, 10, 15])[:2]   # (1 + 2z + 3z^2)(4 + 5z^2)
    (True, True)
    """
    shape = last_layer_strided(arch)
    if shape is None:
        raise InputError(f"architecture {short(str(arch), 60)}: polyphase_member needs a 1D architecture whose only stride > 1 "
                         "is the last")
    _, m, n, s = shape
    k = polyphase_counts(coeffs, s, limits)
    if not k.gcd:
        return True, True, "the zero filter"
    total = k.at_infinity + k.zero + k.positive + k.negative + 2 * k.pairs
    data = (f"G = gcd of the {s} polyphase components has degree {len(k.gcd) - 1} ({k.positive} positive, "
            f"{k.negative} negative, {k.zero} zero real roots, {k.pairs} conjugate pairs), k_∞ = {k.at_infinity}; "
            f"P has {k.real_roots_of_p} real roots (infinity included)")
    if total < n:
        return False, False, f"not on V: the last layer needs {n} roots of G or at infinity, there are {total}; {data}"
    if s % 2 == 0:
        costs = [0] * k.negative + [2] * k.positive + [s] * (k.zero + k.at_infinity)
    else:
        costs = [1] * (k.negative + k.positive) + [s] * (k.zero + k.at_infinity)
    j = max(n % 2, n - 2 * k.pairs)
    if j > len(costs):
        return False, True, (f"no conjugation-closed choice of {n} roots for the last layer: {n} is odd and G has "
                             f"no real root and no root at infinity is available; {data}")
    used = sum(sorted(costs)[:j])
    if k.real_roots_of_p - used >= m:
        return True, True, (f"a conjugation-closed choice of {n} roots uses {used} real roots of P, leaving "
                            f"{k.real_roots_of_p - used} ≥ m = {m} for the stride-one layers; {data}")
    return False, True, (f"every conjugation-closed choice of {n} roots uses at least {used} real roots of P, "
                         f"leaving {k.real_roots_of_p - used} < m = {m} for the stride-one layers; {data}")
