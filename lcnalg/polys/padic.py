"""Rational solutions of integer linear systems by p-adic (Dixon) lifting.

Solve ``M y = B`` over Q for an integer matrix ``M`` (``m × r``, ``m ≥ r``, full column rank)
and integer right-hand sides ``B`` (``m × k``), all right-hand sides at once, in exact float64
BLAS products (:mod:`lcnalg.polys.blas_echelon`).  The interpolation
(:mod:`lcnalg.algebra.interpolation`) uses it to lift the kernel vectors of a graded piece: with
``P`` the pivot columns and ``f`` a free column, the kernel vector with ``1`` at ``f`` and ``0``
at the other free columns has ``y = v[P]`` solving ``M y = −A[:, f]`` with ``M = A[:, P]``.

**Algorithm.**  Modulo one prime ``p`` (:data:`PRIME`, below ``2^21``; any below ``2^31`` works):

1. One elimination of ``[M^T | I_r]`` modulo ``p`` gives ``r`` rows ``R`` with ``M_R = M[R]``
   invertible modulo ``p`` (the pivots, the column rank profile of ``M^T``) and
   ``C = M_R^{-1} mod p`` (the transpose of the reduced form's last ``r`` columns).
2. With ``b_0 = B[R]``: ``x_i = C b_i mod p`` and ``b_{i+1} = (b_i − M_R x_i) / p``, an exact
   division.  Then ``M_R (x_0 + p x_1 + … + p^{i} x_{i}) ≡ B[R] (mod p^{i+1})``.
3. After each step, each column whose probe coordinates reconstruct to the same fractions as
   at the step before is reconstructed whole (rational reconstruction of its ``p``-adic
   approximation modulo ``p^{i+1}``, denominators carried along); the caller's ``accept``
   decides whether to keep it; the columns kept leave the iteration.

**Proof of exactness.**  (a) ``det M_R ≢ 0 (mod p)``, so ``det M_R ≠ 0`` and ``M_R`` is
invertible over Q and over the ``p``-adic integers; the unique solution ``y = M_R^{-1} B[R]``
has ``p``-adic expansion ``Σ p^i x_i`` with the ``x_i`` of step 2: by induction
``B[R] − M_R Σ_{j≤i} p^j x_j = p^{i+1} b_{i+1}``, since ``b_i − M_R x_i ≡ b_i − M_R C b_i ≡ 0
(mod p)`` (so the division is exact and ``b_{i+1}`` is an integer vector).  (b) If ``y = n/d``
with ``|n|, d ≤ N`` and ``2 N^2 < p^{i+1}``, rational reconstruction of ``Σ_{j≤i} p^j x_j`` modulo
``p^{i+1}`` returns ``n/d`` (uniqueness of the reconstruction), and any fraction it returns
within the bounds is congruent to ``y``; Cramer's rule and Hadamard's bound give such an ``N``,
far beyond what is needed in practice, so a reconstruction is a *candidate* and exactness rests on
the caller's check: the interpolation keeps a candidate only when it vanishes at points of μ
modulo two primes not used, and every equation is then verified by exact substitution, as for
its Chinese-remainder route.  A wrong candidate is never returned by that route; at worst a column
is not lifted (it is then left to the caller).  (c) The integers are held exactly: with the
entries of ``M`` and ``B`` below ``2^a``, ``|b_{i+1}| ≤ (|b_i| + r 2^a (p − 1))/p`` gives
``|b_i| < r 2^{a+1}`` by induction, so the residues of ``b_i`` modulo primes ``q_j < 2^21``
(other than ``p``) whose product ``Q`` exceeds ``2^{a + ⌈log2 r⌉ + 3}`` (:func:`residue_primes`)
determine it, with ``|b_i| < Q/4``.  The division by ``p`` is the product by ``p^{-1} mod q_j``
(exact: ``p`` divides the integer ``b_i − M_R x_i``); ``b_{i+1} mod p`` for the next digit is read
by mixed-radix conversion, the sign from the last mixed-radix digit (``b ≥ 0`` iff it is below
``q_t / 2``, as ``|b| < Q/4``).  Neither ``M`` nor ``b_i`` is ever needed over Z.

**Exact products modulo a prime** (``C b_i`` modulo ``p``, ``M_R x_i`` modulo each ``q``).  The
wide factor is kept once as balanced residues (int32); the thin one (``r × k``) is balanced too
and the inner dimension cut into chunks of ``2^12``: for moduli below ``2^21`` each float64 sum
is an integer below ``2^12 · 2^20 · 2^20 = 2^52``, exact whatever the order of summation, so a
product modulo ``q`` is one float64 product per chunk (below ``2^31`` the thin factor is cut
into three limbs, as in :mod:`lcnalg.polys.blas_echelon`).  21-bit moduli give 21 bits per
product against about 10 for 31-bit ones with three limbs.

**Cost.**  One elimination of ``r × (m + r)`` for ``C``, then per ``p``-adic digit (21 bits)
``1 + t`` float64 products of an ``r × r`` matrix by an ``r × k`` one (``t`` the primes of the
residues, seven for the 126-bit values of degree 9 of ``2x2,2x2,2x2``), against one elimination of
the whole piece (about ``r^3`` multiply-adds) per 31-bit prime for Chinese remaindering.

Examples
--------
>>> import numpy as np
>>> M = np.array([[2, 1], [1, 3], [1, 1]], dtype=np.int64)
>>> B = np.array([[1], [0], [2]], dtype=np.int64)
>>> dixon_solve(M[:2], B[:2], PRIME)
{0: [Fraction(3, 5), Fraction(-1, 5)]}
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Callable, Sequence

import numpy as np

from lcnalg.polys.blas_echelon import INNER, echelon
from lcnalg.polys.modular import primes_below, rational_reconstruction_bounded, reconstruct_vector

__all__ = ["PRIME", "PROBES", "SMALL", "dixon_solve", "dixon_solve_rows", "residue_primes"]

#: Moduli below this bound (``2^21``) multiply in one float64 product per chunk of ``2^12`` (three
#: below ``2^31``): 21 bits a product instead of about 10.
SMALL = 1 << 21

#: The prime of the lifting: the largest below :data:`SMALL`.
PRIME = next(primes_below(SMALL))

#: Coordinates of a column reconstructed after every digit (its first, middle and last coordinates
#: that are non-zero modulo p, so non-zero over Q); the column is reconstructed whole once they
#: give the same fractions at two consecutive digits.
PROBES = 3


def residue_primes(height: int, rows: int, modulus: int) -> list[int]:
    """The primes below ``2^21`` (other than ``modulus``) whose product ``Q`` exceeds
    ``2^{height + ⌈log2 rows⌉ + 3}``: the residues of the lifting's integer vectors modulo them
    determine the vectors (their entries stay below ``Q/4`` in absolute value, the module
    docstring).

    Examples
    --------
    >>> len(residue_primes(90, 11354, PRIME))
    6
    """
    need = height + max(1, math.ceil(math.log2(max(rows, 2)))) + 3
    out: list[int] = []
    bits = 0.0
    for q in primes_below(SMALL):
        if q == modulus:
            continue
        out.append(q)
        bits += math.log2(q)
        if bits > need:
            return out
    raise AssertionError("unreachable: there are enough primes below 2^21")


def _reduce(x: np.ndarray, q: int) -> np.ndarray:
    """``x mod q`` in place for float64 integers ``|x| < 2^52``: ``x − q floor(x / q)`` is exact
    and lies in ``[−q, 2q)`` (the quotient's rounding error is below one,
    :mod:`lcnalg.polys.blas_echelon`), then one correction each way."""
    x -= q * np.floor(x * (1.0 / q))
    x[x < 0] += q
    x[x >= q] -= q
    return x


def _balanced(X: np.ndarray, q: int) -> np.ndarray:
    """Residues in ``[0, q)`` as int32 in ``(−q/2, q/2]``: half the memory of int64, and the
    factor of :func:`_mul_thin`."""
    out = np.asarray(X, dtype=np.int64) % q
    out[out > q // 2] -= q
    return out.astype(np.int32)


def _mul_thin(X: np.ndarray, Y: np.ndarray, q: int, rows: int = INNER) -> np.ndarray:
    """``X · Y mod q`` for a wide ``X`` (int32, balanced residues) kept whole and a thin ``Y``
    (int64, entries in ``[0, q)``), exact.  Below ``2^21`` (:data:`SMALL`): ``Y`` balanced too,
    ``|x|, |y| ≤ 2^20``, the inner dimension cut into chunks of ``2^12``, so every float64 sum is
    an integer below ``2^12 · 2^40 = 2^52``: one product per chunk.  Below ``2^31``:
    ``Y = 2^20 Y_2 + 2^10 Y_1 + Y_0`` with limbs below ``2^11``, chunks of
    :data:`~lcnalg.polys.blas_echelon.INNER` (``2^11``), sums below ``2^30 · 2^11 · 2^11 = 2^52``,
    the limbs combined by Horner's rule with a reduction between (values below ``2^42 + 2^51``).
    Only the thin factor is split: ``X`` is read once per product, a chunk at a time, as float64."""
    m, n = X.shape
    k = Y.shape[1]
    out = np.zeros((m, k))
    if m == 0 or n == 0 or k == 0:
        return out
    if q < SMALL:
        chunk = 2 * INNER
        limbs = [(Y - q * (Y > q // 2)).astype(np.float64)]
    else:
        chunk = INNER
        limbs = [(Y >> 20).astype(np.float64), ((Y >> 10) & 1023).astype(np.float64), (Y & 1023).astype(np.float64)]
    for r0 in range(0, m, rows):
        block = out[r0:r0 + rows]
        for c0 in range(0, n, chunk):
            Xc = X[r0:r0 + rows, c0:c0 + chunk].astype(np.float64)
            acc = Xc @ limbs[0][c0:c0 + chunk]
            for limb in limbs[1:]:
                _reduce(acc, q)
                acc *= 1024
                acc += Xc @ limb[c0:c0 + chunk]
            block += _reduce(acc, q)
            block[block >= q] -= q
    return out


def _inverse_rows(rows: Callable[[int, np.ndarray], np.ndarray], m: int, r: int,
                  p: int) -> tuple[list[int], np.ndarray] | None:
    """Rows ``R`` (ascending) with ``S[R]`` invertible modulo ``p`` and ``S[R]^{-1}`` (int64), for
    the ``m × r`` matrix ``S`` given by ``rows(p, idx)`` (``S[idx] mod p``) of rank ``r``, else
    None: the reduced echelon form ``E [S^T | I_r]`` of the ``r × (m + r)`` matrix has its pivots
    ``R`` among the first ``m`` columns (the column rank profile of ``S^T``: the first
    independent rows of ``S``) and ``E (S^T)_R = I``, so its last ``r`` columns are
    ``E = ((S_R)^{-1})^T`` (one elimination in float64 products,
    :func:`~lcnalg.polys.blas_echelon.echelon`, in the matrix's own memory)."""
    W = np.zeros((r, m + r), dtype=np.int64)
    step = max(1, (1 << 22) // max(1, r))
    for lo in range(0, m, step):
        hi = min(m, lo + step)
        W[:, lo:hi] = rows(p, np.arange(lo, hi, dtype=np.int64)).T
    W[np.arange(r), m + np.arange(r)] = 1
    ech = echelon(W, p, overwrite=True)
    del W
    if ech.rank < r or (r and max(ech.pivots) >= m):
        return None
    picked = list(ech.pivots)
    E = ech.free_entries(list(range(m, m + r)))
    del ech
    return picked, np.ascontiguousarray(E.T)


def _digits_value(digits: list[np.ndarray], col: int, p: int) -> list[int]:
    """``Σ p^i digits[i][:, col]`` as Python integers (Horner from the last digit)."""
    out = None
    for d in reversed(digits):
        part = d[:, col].astype(object)
        out = part if out is None else out * p + part
    return [] if out is None else [int(v) for v in out]


def _signed_mod(res: list[np.ndarray], qs: list[int], p: int) -> np.ndarray:
    """``b mod p`` (int64, in ``[0, p)``) of the integer array ``b`` given by its residues ``res[j]``
    modulo ``qs[j]`` (int64), ``|b| < Q/4`` with ``Q = ∏ qs``: mixed-radix digits ``v_j``
    (``b ≡ v_1 + q_1 v_2 + q_1 q_2 v_3 + … (mod Q)``, ``0 ≤ v_j < q_j``), the sign read from the
    last digit (``b ≥ 0`` iff ``v_t < q_t / 2``, as ``|b| < Q/4``), then Horner modulo ``p``."""
    vs: list[np.ndarray] = []
    for j, q in enumerate(qs):
        v = res[j] % q
        for i in range(j):
            v = (v - vs[i]) % q * pow(qs[i], -1, q) % q
        vs.append(v)
    out = np.zeros_like(vs[0])
    scale = 1
    for j, q in enumerate(qs):
        out = (out + vs[j] % p * (scale % p)) % p
        scale *= q
    negative = vs[-1] > qs[-1] // 2
    return np.where(negative, (out - scale % p) % p, out)


def dixon_solve_rows(rows: Callable[[int, np.ndarray], np.ndarray], rhs: Callable[[int, np.ndarray], np.ndarray],
                     shape: tuple[int, int], height: int, modulus: int, *, max_digits: int = 64,
                     accept: Callable[[int, list[Fraction]], bool] | None = None,
                     block: int = 1024, cache_bytes: int = 1 << 31) -> dict[int, list[Fraction]] | None:
    """:func:`dixon_solve` for a matrix given by its residues: ``rows(q, idx)`` returns
    ``M[idx] mod q`` and ``rhs(q, idx)`` returns ``B[idx] mod q`` (float64, entries in
    ``[0, q)``), so that neither ``M`` nor ``B`` is ever held over the integers (the interpolation
    evaluates the monomials at the points again for each prime, a few rows at a time).

    Parameters
    ----------
    rows, rhs : callable
        ``(q, idx) -> numpy array of float64``, for primes ``q < 2^31`` and int64 row indices.
    shape : tuple of int
        ``(m, r)`` of ``M``, ``m ≥ r``.
    height : int
        The entries of ``M`` and ``B`` are below ``2^height`` in absolute value.
    modulus : int
        The prime ``p`` of the lifting, below ``2^31``.
    max_digits, accept :
        As for :func:`dixon_solve`.
    block : int
        Rows of ``M`` evaluated at once (the memory of one product).
    cache_bytes : int
        ``M_R`` modulo the primes of the residues is kept (4 bytes an entry) for as many of them as
        fit in this many bytes; modulo the others it is asked for again at each digit.

    Returns
    -------
    dict or None
        As for :func:`dixon_solve`.

    Examples
    --------
    >>> M = np.array([[2, 1], [1, 3]])
    >>> B = np.array([[1], [0]])
    >>> dixon_solve_rows(lambda q, i: (M[i] % q).astype(float), lambda q, i: (B[i] % q).astype(float),
    ...                  (2, 2), 2, 101)
    {0: [Fraction(3, 5), Fraction(-1, 5)]}
    """
    p = int(modulus)
    m, r = shape
    everything = np.arange(m, dtype=np.int64)
    first = rhs(p, everything[:0])
    k = first.shape[1]
    if k == 0:
        return {}
    if r == 0:
        return {j: [] for j in range(k)}
    found = _inverse_rows(rows, m, r, p)
    if found is None:
        return None
    R = np.array(found[0], dtype=np.int64)
    C = _balanced(found[1], p)  # int32: half the memory, read a chunk at a time
    del found
    qs = residue_primes(height, r, p)
    # M_R modulo each q (int32), kept for as many q as fit in cache_bytes, the others evaluated
    # again at each digit
    kept: dict[int, np.ndarray] = {}
    for q in qs:
        if (len(kept) + 1) * r * r * 4 <= cache_bytes:
            Mq = np.empty((r, r), dtype=np.int32)
            for lo in range(0, r, block):
                Mq[lo:lo + block] = _balanced(rows(q, R[lo:lo + block]), q)
            kept[q] = Mq
    # the residues of b_i modulo each q (int64), and b_0 modulo p
    res = [rhs(q, R).astype(np.int64) for q in qs]
    bp = rhs(p, R).astype(np.int64)
    active = list(range(k))  # the columns still lifted, in the order of the residues' columns
    digits: list[np.ndarray] = []  # digit i: r × k (uint32), columns of B
    probes: list[list[int]] = []  # per column: coordinates non-zero modulo p (so non-zero over Q)
    value: list[list[int]] = []  # the probes' p-adic approximations
    last: dict[int, list[Fraction | None]] = {}
    out: dict[int, list[Fraction]] = {}
    power = 1
    for i in range(max_digits):
        x = _mul_thin(C, bp, p).astype(np.int64)  # r × |active|, in [0, p)
        full = np.zeros((r, k), dtype=np.uint32)
        full[:, active] = x
        digits.append(full)
        # b_{i+1} = (b_i − M_R x_i) / p modulo each q: an exact division (the module docstring)
        for j, q in enumerate(qs):
            xq = x % q
            if q in kept:
                prod = _mul_thin(kept[q], xq, q).astype(np.int64)
            else:
                prod = np.empty(x.shape, dtype=np.int64)
                for lo in range(0, r, block):
                    prod[lo:lo + block] = _mul_thin(_balanced(rows(q, R[lo:lo + block]), q), xq, q)
            res[j] = (res[j] - prod) % q * pow(p, -1, q) % q
        bp = _signed_mod(res, qs, p)
        if i == 0:
            for j in range(k):
                nz = np.flatnonzero(x[:, j]).tolist()
                probes.append(sorted({nz[-1], nz[len(nz) // 2], nz[0]})[:PROBES] if nz else [0])
                value.append([0] * len(probes[j]))
        modp = power * p
        bound = math.isqrt(modp // 2)
        keep = []
        for pos, j in enumerate(active):
            vals = value[j]
            now: list[Fraction | None] = []
            for t, q in enumerate(probes[j]):
                vals[t] += power * int(x[q, pos])
                pair = rational_reconstruction_bounded(vals[t], modp, bound)
                now.append(None if pair is None else Fraction(*pair))
            stable = None not in now and last.get(j) == now
            last[j] = now
            if stable:
                pairs = reconstruct_vector(_digits_value(digits, j, p), modp, common_denominator=True)
                if pairs is not None:
                    y = [Fraction(n, d) for n, d in pairs]
                    if accept is None or accept(j, y):
                        out[j] = y
                        continue
            keep.append(pos)
        power = modp
        if len(keep) < len(active):
            active = [active[pos] for pos in keep]
            res = [np.ascontiguousarray(a[:, keep]) for a in res]
            bp = np.ascontiguousarray(bp[:, keep])
        if not active:
            break
    return out


def dixon_solve(M: np.ndarray, B: np.ndarray, modulus: int, *, max_digits: int = 64,
                accept: Callable[[int, list[Fraction]], bool] | None = None) -> dict[int, list[Fraction]] | None:
    """Solutions ``y_j`` over Q of ``M y_j = B[:, j]`` by p-adic lifting (the module docstring).

    Parameters
    ----------
    M : numpy array of integers (int64 or Python integers), shape (m, r)
        ``m ≥ r``.
    B : numpy array of integers, shape (m, k)
        The right-hand sides.
    modulus : int
        A prime below ``2^31``.
    max_digits : int
        The most ``p``-adic digits computed.
    accept : callable, optional
        ``accept(j, y)`` decides whether the reconstruction ``y`` of column ``j`` is kept
        (default: every reconstruction whose probes are stable over two digits is kept).

    Returns
    -------
    dict or None
        Column index → solution, for the columns lifted within ``max_digits`` digits; None when
        ``M`` does not have full column rank modulo ``modulus``.

    Examples
    --------
    >>> M = np.array([[1, 0], [0, 1], [1, 1]], dtype=np.int64)
    >>> dixon_solve(M, np.array([[1], [2], [3]], dtype=np.int64), 101)
    {0: [Fraction(1, 1), Fraction(2, 1)]}
    >>> dixon_solve(np.array([[1, 1], [2, 2]], dtype=np.int64), np.zeros((2, 1), dtype=np.int64), 101) is None
    True
    """
    M = np.asarray(M, dtype=object)
    B = np.asarray(B, dtype=object)
    top = max([abs(int(v)) for v in M.flat] + [abs(int(v)) for v in B.flat] + [1])
    cache: dict[tuple[int, int], np.ndarray] = {}

    def residues(X: np.ndarray, tag: int, q: int) -> np.ndarray:
        if (tag, q) not in cache:
            cache[tag, q] = (X % q).astype(np.float64).reshape(X.shape)
        return cache[tag, q]

    return dixon_solve_rows(lambda q, idx: residues(M, 0, q)[idx], lambda q, idx: residues(B, 1, q)[idx],
                            M.shape, top.bit_length(), modulus, max_digits=max_digits, accept=accept)
