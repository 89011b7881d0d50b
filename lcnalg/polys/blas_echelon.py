"""Echelon forms modulo a prime below ``2^31`` through float64 BLAS products.

The reduced row echelon form ``R`` of a matrix ``A`` modulo a prime ``p < 2^31``: its rank,
its pivot columns (the column rank profile: column ``j`` is a pivot iff it is not a linear
combination of the columns before it) and its entries ``R[i, f]`` in the free columns ``f``,
which is what a kernel basis is read from.  The same results as FLINT's ``nmod_mat.rref``,
which is unique; the work is done in matrix products of float64 arrays (BLAS ``dgemm``), so
an ``n × n`` matrix costs one float64 copy and temporaries of a few million words, and
about ``2 n^3`` floating point operations (three products for each of the ``n^3/3``
multiply-adds of an elimination) at the speed of the machine's BLAS; no Python integers.

**Exact products modulo p** (:func:`matmul_mod`).  Let ``X`` (``m × k``) and ``Y``
(``k × n``) have entries in ``[0, p)``.  Write ``Y`` in balanced form ``Y' ≡ Y``,
``|Y'| ≤ (p − 1)/2 < 2^30``, and split ``X = 2^20 X_2 + 2^10 X_1 + X_0`` with
``0 ≤ X_0, X_1 < 2^10`` and ``0 ≤ X_2 < 2^11`` (exact in float64: multiplying by powers of 2
and ``floor`` are exact).  For ``k ≤ 2^11`` (:data:`INNER`) every entry of ``X_i Y'`` is a
sum of ``k`` integers of absolute value ``< 2^11 · 2^30``, so it and every partial sum has
absolute value ``< 2^52``: float64 represents all integers up to ``2^53``, so the BLAS result
is exact whatever the order of summation.  The three products are combined by Horner's
rule, ``P ← X_2 Y'``, ``P ← 2^10 (P mod' p) + X_1 Y'``, ``P ← 2^10 (P mod' p) + X_0 Y'``
where ``mod'`` leaves a value in
``[−p, 2p)``: the values stay below ``2^42 + 2^51 < 2^52`` (``X_0, X_1 < 2^10``).  Longer
inner dimensions are cut into chunks of ``k ≤ 2^11`` whose reduced results are added.

``x mod' p`` of an integer float ``|x| < 2^52`` is ``x − q p`` with ``q = floor(x · (1/p))``:
the computed product's relative error is below ``2^-52 (1 + 2^-52)``, so its absolute error
is below ``1.0001 / p < 1`` and ``q`` is ``floor(x/p)`` or off by one; ``q p`` is an integer
of absolute value below ``2^52 + 2^31 < 2^53`` (exact) and ``x − q p`` is exact, in
``[−p, 2p)``.  The last step, from ``[−p, 2p)`` to ``[0, p)``, computes ``s = x + p < 3p`` and
``floor(s · u)`` with ``u`` = 1/p rounded up: at a multiple ``j p`` the product is not below
``j`` (rounding is monotone) and below ``j + 1``; elsewhere ``s/p`` is at least ``1/p ≥ 2^-31``
below the next integer and the product's error is below ``2^-49``; so ``floor(s · u)`` is
``floor(s/p)`` exactly and ``s − p floor(s · u)`` is the residue.

**Elimination** (:func:`echelon`).  Right-looking, by panels of ``panel`` columns from left to
right, on one float64 copy of ``A`` updated in place.  Invariant: after the panels before
column ``j0``, rows ``0..t−1`` are ``t`` echelon rows in blocks (a block's rows are the
identity on its leading columns and 0 on the leading columns of the blocks before it) and
every other row has been reduced to 0 on the columns before ``j0`` by row operations (so the
row space and the column dependencies are those of ``A``).

On a panel ``S`` (some of the remaining rows, the panel's columns) a recursive elimination
finds its column rank profile ``c``, ``k`` rows ``r`` with ``S[r, c]`` invertible and
``W = S[r, c]^{-1}``: the left half first; the right half reduced by the left half's rows
(a product); the right half of that recursively, whose profile is the rest of ``S``'s (a
column of the right half is independent of the columns before it iff its reduction is, since
the left half's rows have full rank on its pivots); ``W`` from the two halves' inverses by
the block (Schur complement) inverse formula.  A step then makes the rows ``r`` into
``W · A[r, j0:]`` (the identity on ``c``) and every other row ``x`` into
``x − x[c] · W · A[r, j0:]`` (a product, by blocks of rows so that its temporaries stay
small).

A panel is first tried on its leading ``panel + extra_rows`` remaining rows only.  A column
that is independent of the columns before it on some rows is so on all rows, so that profile
is part of the panel's; it is all of it when it has every column of the panel or those rows
are all the rows.  Otherwise the step reduces the other rows on the panel too, and the rows
still non-zero there get a second step on the same panel: a column is independent of the
columns before it iff the reduced rows' column is independent of the reduced rows' columns
before it (the first step's rows reach every combination of their columns, as their leading
columns do), so the second step's profile, taken on all the non-zero rows, completes the
panel's.  Its rows are 0 on the first step's leading columns, so the blocks stay triangular.

At the end ``R = U_P^{-1} U`` for the echelon rows ``U``, ``U_P`` their columns at their
leading columns (block upper triangular with identity diagonal blocks): the free columns of
``R`` by block back substitution, ``R_I = U_I − U_I[:, P_J] R_J`` over the later blocks
``J``, only for the free columns asked for, the rows then put in the order of their
leading columns.

The leftmost column rank profile of a matrix and its reduced echelon form do not depend on
how they are computed, so the results equal FLINT's exactly (the tests compare them).

**Threads and memory.**  The products run on one OpenBLAS thread (the caller's setting is
restored after): they are many and a few million entries each, too small for a second
thread to pay, and parallel work comes from processes (:func:`one_blas_thread` is their
initializer).  The memory is one float64 copy of ``A`` (none with ``overwrite=True``) and
blocks of a few million words.

Examples
--------
>>> import numpy as np
>>> A = np.array([[1, 2, 3, 4], [2, 4, 7, 9], [3, 6, 10, 13]], dtype=np.int64)
>>> E = echelon(A, 11)
>>> E.rank, E.pivots
(2, [0, 2])
>>> E.free_entries([1, 3]).tolist()
[[2, 1], [0, 1]]
"""

from __future__ import annotations

import ctypes
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np

__all__ = ["INNER", "PANEL", "ROW_BLOCK", "SOLVE_LEAF", "Echelon", "echelon", "matmul_mod", "one_blas_thread",
           "single_blas_thread", "solve_unitriangular", "sparse_submul_mod"]

#: The longest inner dimension of one exact float64 product (the module docstring's bound).
INNER = 1 << 11

#: Entries of the output of one block of a product (the float64 temporaries are a few times
#: this many words: 2^19 entries, 4 MB each; measured at n = 3000, 2^17 and 2^21 are slower).
ROW_BLOCK = 1 << 19

#: Fewest rows of one block of a product (BLAS is slower on fewer: one core, 512 × 12000
#: right factor, 39 GFLOPS at 43 rows against 58 at 256).
MIN_ROWS = 256

#: Columns of one panel of :func:`echelon` (the inner dimension of the big products): 256
#: below 4096 columns, 512 from there (measured, one core: 1.46 s against 1.50 s at n = 3000,
#: 10.2 s against 10.5 s at n = 6000).
PANEL = (256, 512)

#: Columns below which a panel is eliminated column by column.
BASE = 16

#: Rows beyond a panel's width used in the first try of the panel (:func:`echelon`).
EXTRA_ROWS = 16


def _partial(x: np.ndarray, p: int, tmp: np.ndarray) -> np.ndarray:
    """``x − p · floor(x · (1/p))`` in place, in ``[−p, 2p)``, for integer floats ``|x| < 2^52``
    (the module docstring); ``tmp`` is scratch of x's shape."""
    np.multiply(x, 1.0 / p, out=tmp)
    np.floor(tmp, out=tmp)
    tmp *= p
    x -= tmp
    return x


def _exact(x: np.ndarray, p: int, tmp: np.ndarray) -> np.ndarray:
    """``x mod p`` in place for integer floats in ``[−p, 2p)``: with ``s = x + p < 3p`` and
    ``u`` = 1/p rounded up, ``floor(s · u)`` is ``floor(s/p)`` (at a multiple of p the
    product is not below the quotient, elsewhere the quotient is ``2^-31`` away from the next
    integer and the product's error below ``2^-49``)."""
    x += p
    np.multiply(x, np.nextafter(1.0 / p, 2.0), out=tmp)
    np.floor(tmp, out=tmp)
    tmp *= p
    x -= tmp
    return x


def _split(X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``X = 2^20 X_2 + 2^10 X_1 + X_0`` with ``0 ≤ X_0, X_1 < 2^10`` (entries of X in ``[0, 2^31)``)."""
    hi = np.floor(X * (1.0 / 1024))
    x0 = X - hi * 1024
    x2 = np.floor(hi * (1.0 / 1024))
    x1 = hi - x2 * 1024
    return x2, x1, x0


def _balanced(Y: np.ndarray, p: int) -> np.ndarray:
    """``Y`` with the entries above ``(p − 1)/2`` lowered by ``p`` (C-contiguous)."""
    return np.ascontiguousarray(Y - p * (Y > (p - 1) // 2))


def _horner(parts: tuple[np.ndarray, ...], Yb: np.ndarray, p: int, out: np.ndarray, buf: np.ndarray,
            tmp: np.ndarray) -> np.ndarray:
    """``(2^20 X_2 + 2^10 X_1 + X_0) Y'`` modulo p up to a multiple of p, of absolute value
    below ``2^51 + 2^42`` (inner dimension at most :data:`INNER`; ``buf`` and ``tmp`` scratch)."""
    x2, x1, x0 = parts
    np.matmul(x2, Yb, out=out)
    for xi in (x1, x0):
        _partial(out, p, tmp)
        out *= 1024
        np.matmul(xi, Yb, out=buf)
        out += buf
    return out


def matmul_mod(X: np.ndarray, Y: np.ndarray, modulus: int) -> np.ndarray:
    """``X · Y mod p`` for float64 arrays with integer entries in ``[0, p)``, ``p < 2^31``, exact.

    Parameters
    ----------
    X : numpy array of float64, shape (m, k)
    Y : numpy array of float64, shape (k, n)
    modulus : int
        Below ``2^31``.

    Returns
    -------
    numpy array of float64, shape (m, n)
        Entries in ``[0, modulus)``.

    Examples
    --------
    >>> p = 2_147_483_629
    >>> X = np.array([[p - 1, 2], [3, p - 4]], dtype=np.float64)
    >>> matmul_mod(X, X, p).astype(np.int64).tolist() == (np.array([[p - 1, 2], [3, p - 4]], dtype=object) @
    ...     np.array([[p - 1, 2], [3, p - 4]], dtype=object) % p).tolist()
    True
    """
    m, k = X.shape
    n = Y.shape[1]
    out = np.zeros((m, n))
    if m == 0 or n == 0 or k == 0:
        return out
    step = max(MIN_ROWS, ROW_BLOCK // n)
    tmp = np.empty((min(step, m), n))
    buf = np.empty((min(step, m), n))
    acc = np.empty((min(step, m), n))
    for c0 in range(0, k, INNER):
        Yb = _balanced(Y[c0:c0 + INNER], modulus)
        for r0 in range(0, m, step):
            rows = min(step, m - r0)
            parts = _split(X[r0:r0 + rows, c0:c0 + INNER])
            block = _horner(parts, Yb, modulus, acc[:rows], buf[:rows], tmp[:rows])
            _exact(_partial(block, modulus, tmp[:rows]), modulus, tmp[:rows])
            o = out[r0:r0 + rows]
            o += block
            if c0:
                o -= modulus * (o >= modulus)
    return out


def _submul_mod(Z: np.ndarray, X: np.ndarray, Y: np.ndarray, p: int) -> None:
    """``Z ← Z − X · Y mod p`` in place (``Z`` float64 with entries in ``[0, p)``; ``X``'s
    columns at most :data:`INNER`), by blocks of rows so that the temporaries stay small."""
    m, n = Z.shape
    if m == 0 or n == 0 or X.shape[1] == 0:
        return
    Yb = _balanced(Y, p)
    step = max(MIN_ROWS, ROW_BLOCK // n)
    tmp = np.empty((min(step, m), n))
    buf = np.empty((min(step, m), n))
    acc = np.empty((min(step, m), n))
    for r0 in range(0, m, step):
        rows = min(step, m - r0)
        block = _horner(_split(X[r0:r0 + rows]), Yb, p, acc[:rows], buf[:rows], tmp[:rows])
        np.subtract(Z[r0:r0 + rows], block, out=block)
        _exact(_partial(block, p, tmp[:rows]), p, tmp[:rows])
        Z[r0:r0 + rows] = block


def sparse_submul_mod(Z: np.ndarray, X: np.ndarray, Y: np.ndarray, p: int) -> None:
    """``Z ← Z − X Y mod p`` in place (float64 entries in ``[0, p)``), by slices of at most
    :data:`INNER` rows of ``Y``, each product restricted to the rows and columns of the slice
    that are not zero (for sparse ``Y``, such as the reducer rows of a Macaulay matrix: the
    copies stay small).

    Examples
    --------
    >>> Z = np.array([[5.0, 1.0]]); sparse_submul_mod(Z, np.array([[2.0]]), np.array([[3.0, 0.0]]), 7)
    >>> Z.tolist()   # [5 - 6, 1 - 0] mod 7
    [[6.0, 1.0]]
    """
    for c0 in range(0, Y.shape[0], INNER):
        Yc = Y[c0:c0 + INNER]
        nzr = Yc.any(axis=1)
        if not nzr.any():
            continue
        Xc = X[:, c0:c0 + INNER]
        if not nzr.all():
            Xc, Yc = Xc[:, nzr], Yc[nzr]
        nzc = Yc.any(axis=0)
        if nzc.all():
            Z -= matmul_mod(Xc, Yc, p)
            Z[Z < 0] += p
            continue
        cols = np.flatnonzero(nzc)
        part = Z[:, cols] - matmul_mod(Xc, Yc[:, cols], p)
        part[part < 0] += p
        Z[:, cols] = part


#: Width of the diagonal blocks of ``U`` inverted at the leaves of :func:`solve_unitriangular`.
SOLVE_LEAF = 32


def solve_unitriangular(C: np.ndarray, U: np.ndarray, modulus: int) -> None:
    """Overwrite ``C[:, :n]`` with ``X`` solving ``X A = C[:, :n]`` modulo ``p < 2^31``, for
    the upper unitriangular ``A = U[:, :n]`` (``n`` the rows of ``U``; float64 arrays with
    integer entries in ``[0, p)``).

    Recursively over the columns: the left half, then its contribution ``X_1 A_12`` subtracted
    from the right half (:func:`sparse_submul_mod`), then the right half; a leaf of
    :data:`SOLVE_LEAF` columns is one exact product (:func:`matmul_mod`) with the inverse of its
    diagonal block, all of them inverted at once beforehand.

    Parameters
    ----------
    C : numpy array of float64, shape (m, k), k >= n
    U : numpy array of float64, shape (n, l), l >= n
    modulus : int

    Examples
    --------
    >>> p = 7
    >>> U = np.array([[1.0, 3.0], [0.0, 1.0]]); C = np.array([[2.0, 1.0]])
    >>> solve_unitriangular(C, U, p); C.tolist()   # X = [2, 1 - 2*3] = [2, 2] mod 7
    [[2.0, 2.0]]
    """
    n = U.shape[0]
    if n:
        _solve_leaves(C, U, _leaf_inverses(U, modulus), 0, -(-n // SOLVE_LEAF), modulus)


def _leaf_inverses(R: np.ndarray, p: int) -> np.ndarray:
    """The inverses modulo ``p`` of the diagonal blocks ``R[k w:(k+1) w, k w:(k+1) w]``
    (``w`` = :data:`SOLVE_LEAF`; the last one padded with the identity) of the upper
    unitriangular ``A = R[:, :nA]``, as float64, all at once.

    ``Y = U^{-1}`` solves ``Y U = I``: column by column, ``y_j`` is final once the columns
    before ``j`` are eliminated, and ``y_k -= y_j u_jk`` for ``k > j`` (exact in int64:
    products below ``2^62``); each step is done for every block together."""
    nA = R.shape[0]
    w = min(SOLVE_LEAF, nA)  # one small block: only its own width
    nb = -(-nA // w)
    U = np.zeros((nb, w, w), dtype=np.int64)
    for k in range(nb):
        lo, hi = k * w, min(nA, (k + 1) * w)
        U[k, :hi - lo, :hi - lo] = R[lo:hi, lo:hi]
    rest = nb * w - nA
    if rest:
        U[-1, w - rest:, w - rest:] = np.eye(rest, dtype=np.int64)
    Y = np.broadcast_to(np.eye(w, dtype=np.int64), (nb, w, w)).copy()
    # a row j of U with no term right of its diagonal in any block changes nothing (sparse
    # reducers): only the other rows are stepped through
    for j in np.flatnonzero(np.triu(U, 1).any(axis=(0, 2))).tolist():
        Y[:, :, j + 1:] -= Y[:, :, j, None] * U[:, j, None, j + 1:]
        Y[:, :, j + 1:] %= p
    return Y.astype(np.float64)


def _solve_leaves(C: np.ndarray, R: np.ndarray, inv: np.ndarray, b0: int, b1: int, p: int) -> None:
    """Overwrite ``C[:, lo:hi]`` (``lo = b0 w``, ``hi = min(nA, b1 w)``, ``w`` =
    :data:`SOLVE_LEAF`) with ``X`` solving ``X A = C`` on those columns, ``A = R[lo:hi, lo:hi]``,
    once the contributions of the columns before ``lo`` have been subtracted from ``C[:, lo:hi]``
    (``inv``, from :func:`_leaf_inverses`)."""
    w = SOLVE_LEAF
    nA = R.shape[0]
    lo, hi = b0 * w, min(nA, b1 * w)
    if b1 - b0 == 1:
        C[:, lo:hi] = matmul_mod(C[:, lo:hi], inv[b0, :hi - lo, :hi - lo], p)
        return
    bm = (b0 + b1) // 2
    mid = bm * w
    _solve_leaves(C, R, inv, b0, bm, p)
    sparse_submul_mod(C[:, mid:hi], C[:, lo:mid], R[lo:mid, mid:hi], p)
    _solve_leaves(C, R, inv, bm, b1, p)


def _base(S: np.ndarray, p: int) -> tuple[list[int], list[int], np.ndarray]:
    """:func:`_panel` column by column (a few columns): Gauss–Jordan in int64 on a copy."""
    T = S.astype(np.int64)
    m, w = T.shape
    used = np.zeros(m, dtype=bool)
    cols: list[int] = []
    rows: list[int] = []
    for j in range(w):
        cand = np.flatnonzero((T[:, j] != 0) & ~used)
        if cand.size == 0:
            continue
        r = int(cand[0])
        T[r, j:] = T[r, j:] * pow(int(T[r, j]), p - 2, p) % p
        f = T[:, j].copy()
        f[r] = 0
        nz = np.flatnonzero(f)
        if nz.size:
            T[nz, j:] = (T[nz, j:] - f[nz, None] * T[r, j:]) % p
        used[r] = True
        cols.append(j)
        rows.append(r)
    return cols, rows, _inverse(S[np.array(rows, dtype=np.int64)][:, np.array(cols, dtype=np.int64)], p)


def _inverse(M: np.ndarray, p: int) -> np.ndarray:
    """Inverse of a small invertible matrix mod p (Gauss–Jordan in int64), as float64."""
    k = M.shape[0]
    T = np.hstack([M.astype(np.int64), np.eye(k, dtype=np.int64)])
    for j in range(k):
        r = j + int(np.flatnonzero(T[j:, j])[0])
        if r != j:
            T[[j, r]] = T[[r, j]]
        T[j] = T[j] * pow(int(T[j, j]), p - 2, p) % p
        f = T[:, j].copy()
        f[j] = 0
        T = (T - f[:, None] * T[j]) % p
    return T[:, k:].astype(np.float64)


def _panel(S: np.ndarray, p: int, base: int) -> tuple[list[int], list[int], np.ndarray]:
    """Column rank profile ``c`` of ``S`` mod p, rows ``r`` with ``S[r, c]`` invertible, and
    ``S[r, c]^{-1}`` (float64), by halves (the module docstring)."""
    m, w = S.shape
    if w <= base:
        return _base(S, p)
    wl = w // 2
    cl, rl, wl_inv = _panel(S[:, :wl], p, base)
    kl = len(cl)
    if kl == 0:
        cr, rr, wr_inv = _panel(S[:, wl:], p, base)
        return [wl + j for j in cr], rr, wr_inv
    rl_a = np.array(rl, dtype=np.int64)
    cl_a = np.array(cl, dtype=np.int64)
    others = np.setdiff1d(np.arange(m), rl_a)
    if others.size == 0:
        return cl, rl, wl_inv
    ur = matmul_mod(wl_inv, S[rl_a, wl:], p)  # kl × wr: A^{-1} [B, ...]
    sr = S[others, wl:]
    _submul_mod(sr, S[others][:, cl_a], ur, p)
    cr, rr_loc, wr_inv = _panel(sr, p, base)
    kr = len(cr)
    if kr == 0:
        return cl, rl, wl_inv
    rr = others[np.array(rr_loc, dtype=np.int64)]
    # block inverse of [[A, B], [C, D]] with Y = A^{-1} B, Z = C A^{-1}, T = (D − C A^{-1} B)^{-1}:
    # [[A^{-1} + Y T Z, −Y T], [−T Z, T]]
    Y = ur[:, np.array(cr, dtype=np.int64)]
    Z = matmul_mod(S[rr][:, cl_a], wl_inv, p)
    YT = matmul_mod(Y, wr_inv, p)
    k = kl + kr
    inv = np.empty((k, k))
    inv[:kl, :kl] = wl_inv
    inv[:kl, :kl] += matmul_mod(YT, Z, p)
    inv[:kl, :kl] %= p
    inv[:kl, kl:] = (p - YT) % p
    inv[kl:, :kl] = (p - matmul_mod(wr_inv, Z, p)) % p
    inv[kl:, kl:] = wr_inv
    return cl + [wl + j for j in cr], rl + rr.tolist(), inv


@dataclass
class Echelon:
    """A row echelon form modulo a prime, from :func:`echelon`.

    Attributes
    ----------
    rank : int
    modulus : int
    U : numpy array of float64, shape (rank, columns)
        Echelon rows, by blocks (one block per elimination step): a block's rows are the
        identity on its leading columns and 0 on the leading columns of the blocks before it
        and on the columns before its panel.
    blocks : list of int
        Row offsets of the blocks in ``U`` (``0``, …, ``rank``).
    leads : list of int
        The leading column of each row of ``U``.
    """

    rank: int
    modulus: int
    U: np.ndarray
    blocks: list[int]
    leads: list[int]

    @property
    def pivots(self) -> list[int]:
        """The pivot columns of the reduced echelon form (the column rank profile), ascending."""
        return sorted(self.leads)

    def free_entries(self, cols: "list[int]") -> np.ndarray:
        """The entries ``R[i, f]`` of the reduced echelon form, ``i < rank``, ``f`` in ``cols``
        (free columns), as int64 (``rank × len(cols)``, rows in pivot order), by block back
        substitution.

        Examples
        --------
        >>> echelon(np.array([[1, 1, 1]], dtype=np.int64), 7).free_entries([2]).tolist()
        [[1]]
        """
        p = self.modulus
        c = np.array(cols, dtype=np.int64)
        R = np.zeros((self.rank, len(cols)))
        if self.rank == 0 or len(cols) == 0:
            return R.astype(np.int64)
        lead = np.array(self.leads, dtype=np.int64)
        b = self.blocks
        for I in range(len(b) - 2, -1, -1):
            lo, hi = b[I], b[I + 1]
            R[lo:hi] = self.U[lo:hi][:, c]
            if hi < self.rank:
                tail = self.U[lo:hi][:, lead[hi:]]
                for s in range(hi, self.rank, INNER):
                    _submul_mod(R[lo:hi], tail[:, s - hi:s - hi + INNER], R[s:s + INNER], p)
        return R[np.argsort(lead, kind="stable")].astype(np.int64)


def _swap_to(W: np.ndarray, t: int, rows: "list[int]", j0: int) -> None:
    """Bring the rows ``t + rows[i]`` of ``W`` to ``t + i`` by transpositions (the columns from
    ``j0`` on: the others are 0 in every row from ``t``)."""
    m = W.shape[0]
    pos = np.arange(m - t)    # pos[x]: the original row now at t + x
    where = np.arange(m - t)  # where[o]: where the original row o now is, minus t
    for i, o in enumerate(rows):
        a, b = i, int(where[o])
        if a != b:
            W[[t + a, t + b], j0:] = W[[t + b, t + a], j0:]
            oa, ob = pos[a], pos[b]
            pos[a], pos[b] = ob, oa
            where[ob], where[oa] = a, b


def _step(W: np.ndarray, t: int, j0: int, j1: int, cols: "list[int]", rows: "list[int]", inv: np.ndarray,
          p: int, whole: bool) -> None:
    """One elimination step: the rows ``t + rows`` (moved to ``t, t + 1, …``) become
    ``inv · A[rows, j0:]``, the identity on the columns ``j0 + cols``; the rows below lose
    their multiples of them from column ``j1`` on (``whole``: from ``j0``; the panel's other
    columns are set to 0 when the caller knows them to be)."""
    k = len(cols)
    _swap_to(W, t, rows, j0)
    x = W[t + k:, j0 + np.array(cols, dtype=np.int64)]
    W[t:t + k, j0:] = matmul_mod(inv, W[t:t + k, j0:], p)
    start = j0 if whole else j1
    _submul_mod(W[t + k:, start:], x, W[t:t + k, start:], p)
    if not whole:
        W[t + k:, j0:j1] = 0


def echelon(A: np.ndarray, modulus: int, *, panel: "int | None" = None, base: int = BASE,
            extra_rows: int = EXTRA_ROWS, overwrite: bool = False) -> Echelon:
    """Row echelon form, rank and pivot columns of ``A`` modulo a prime below ``2^31``.

    Parameters
    ----------
    A : numpy array of int64, shape (rows, columns)
        Entries in ``[0, modulus)``.
    modulus : int
        A prime below ``2^31``.
    panel : int, optional
        Columns per panel (at most :data:`INNER`; default from :data:`PANEL`).
    base : int
        Columns below which a panel is eliminated column by column.
    extra_rows : int
        Rows beyond the panel's width in the first try of a panel.
    overwrite : bool
        Work in ``A``'s memory (when it is a C-contiguous int64 array; ``A`` is destroyed):
        no copy of the matrix.

    Returns
    -------
    Echelon
        Its :meth:`Echelon.free_entries` gives the reduced echelon form's free columns.

    Raises
    ------
    ValueError
        If the modulus is not below ``2^31`` or ``panel`` is not in ``[1, INNER]``.

    Examples
    --------
    >>> E = echelon(np.array([[0, 2, 4], [0, 1, 3]], dtype=np.int64), 7)
    >>> E.rank, E.pivots
    (2, [1, 2])
    """
    if not 2 <= modulus < 2**31:
        raise ValueError(f"echelon: the modulus must be a prime below 2^31, got {modulus}")
    if panel is None:
        panel = PANEL[0] if A.shape[1] < 4096 else PANEL[1]
    if not 1 <= panel <= INNER or base < 1 or extra_rows < 0:
        raise ValueError(f"echelon: panel must be in [1, {INNER}], base at least 1 and extra_rows at least 0, "
                         f"got {panel}, {base}, {extra_rows}")
    with _single_threaded():
        return _echelon(A, modulus, panel, base, extra_rows, overwrite)


def _echelon(A: np.ndarray, p: int, panel: int, base: int, extra_rows: int, overwrite: bool) -> Echelon:
    """:func:`echelon` once its arguments are checked."""
    m, n = A.shape
    if overwrite and A.dtype == np.int64 and A.flags.c_contiguous:
        # int64 and float64 have the same size: convert in place, a block of rows at a time
        # (numpy copies an overlapping source first, so each block's temporary stays small)
        W = A.view(np.float64)
        step = max(1, ROW_BLOCK // max(1, n))
        for lo in range(0, m, step):
            W[lo:lo + step] = A[lo:lo + step]
    else:
        W = A.astype(np.float64)
    t = 0
    leads: list[int] = []
    blocks = [0]
    for j0 in range(0, n, panel):
        if t == m:
            break
        j1 = min(n, j0 + panel)
        w = j1 - j0
        # first try: the panel's leading rows only; exact when they give every column or are
        # all the rows, else the other rows are reduced on the panel too and checked
        q = min(m - t, w + extra_rows)
        cols, rows, inv = _panel(W[t:t + q, j0:j1], p, base)
        exact = q == m - t or len(cols) == w
        if cols:
            _step(W, t, j0, j1, cols, rows, inv, p, whole=not exact)
            leads.extend(j0 + j for j in cols)
            t += len(cols)
            blocks.append(t)
        if exact or t == m:
            continue
        # the rows left non-zero on the panel: their own profile is the rest of the panel's
        live = np.flatnonzero(W[t:, j0:j1].any(axis=1))
        if live.size == 0:
            continue
        cols, rows_live, inv = _panel(W[t + live, j0:j1], p, base)
        _step(W, t, j0, j1, cols, live[np.array(rows_live, dtype=np.int64)].tolist(), inv, p, whole=False)
        leads.extend(j0 + j for j in cols)
        t += len(cols)
        blocks.append(t)
    return Echelon(t, p, W[:t], blocks, leads)


#: The functions that set and read the thread count of the OpenBLAS builds numpy and scipy ship.
_THREAD_FUNCTIONS = (("openblas_set_num_threads", "openblas_get_num_threads"),
                     ("openblas_set_num_threads64_", "openblas_get_num_threads64_"),
                     ("scipy_openblas_set_num_threads", "scipy_openblas_get_num_threads"),
                     ("scipy_openblas_set_num_threads64_", "scipy_openblas_get_num_threads64_"))


def _openblas() -> list[tuple[Any, Any]]:
    """``(set, get)`` thread-count functions of every OpenBLAS library loaded in this process,
    found in its memory map (none without ``/proc``)."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "openblas" in line.lower() and "/" in line}
    except OSError:
        return []
    found = []
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for set_name, get_name in _THREAD_FUNCTIONS:
            setter, getter = getattr(lib, set_name, None), getattr(lib, get_name, None)
            if setter is not None and getter is not None:
                found.append((setter, getter))
                break
    return found


def one_blas_thread() -> int:
    """Limit every OpenBLAS library loaded in this process to one thread; returns how many
    libraries were limited (0 where none is found, e.g. without ``/proc``).

    The initializer of worker processes: ``jobs`` processes on ``jobs`` cores, each with
    OpenBLAS's default of one thread per core, would run ``jobs^2`` busy threads.  A forked
    worker inherits numpy already imported, so environment variables such as
    ``OPENBLAS_NUM_THREADS`` come too late; the libraries are found in the process's memory
    map and told directly.

    Examples
    --------
    >>> one_blas_thread() >= 0
    True
    """
    libs = _openblas()
    for setter, _ in libs:
        setter(1)
    return len(libs)


def single_blas_thread() -> Any:
    """A context manager: OpenBLAS on one thread inside the ``with`` block, its thread counts
    restored after (see :func:`_single_threaded` for why, for products of a few million entries).

    Examples
    --------
    >>> with single_blas_thread():
    ...     int(matmul_mod(np.array([[3.0]]), np.array([[5.0]]), 7)[0, 0])
    1
    """
    return _single_threaded()


@contextmanager
def _single_threaded() -> Iterator[None]:
    """OpenBLAS on one thread inside the block, its thread counts restored after.

    The products of :func:`echelon` are many and of a few million entries each: measured at
    n = 3000 on a 2-core machine, two threads gave no shorter wall time than one (for twice
    the CPU time) when the machine was idle, and 5.9 s against 1.7 s when it was shared
    with other work."""
    libs = _openblas()
    before = [getter() for _, getter in libs]
    for setter, _ in libs:
        setter(1)
    try:
        yield
    finally:
        for (setter, _), count in zip(libs, before):
            setter(count)
