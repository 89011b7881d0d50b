"""Matrices modulo a word-size prime (FLINT ``nmod_mat``) and exact integer nullspaces.

The kernels of multigraded interpolation: the values of monomials at sample points (numpy
``int64`` arithmetic, so the prime must be below ``2^31``), reduced row echelon forms and
their pivot columns, and the canonical kernel basis of a matrix whose columns are monomials
in ascending order.  :func:`integer_nullspace` is the exact (over Q) counterpart used to find
gradings.

The eliminations run in FLINT, or, for a prime below ``2^31`` and a matrix of at least
:data:`BLAS_WORK` operations, in float64 BLAS products (:mod:`lcnalg.polys.blas_echelon`:
no conversion through Python integers, one float64 copy of the matrix); the reduced echelon
form is unique, so the results are the same (:func:`backend_for`).

Examples
--------
>>> import numpy as np
>>> A = np.array([[1, 2, 3], [2, 4, 6]], dtype=np.int64)
>>> rank, free, K = kernel_basis(A, 7, 3)
>>> rank, free, K.tolist()
(1, [1, 2], [[5, 1, 0], [4, 0, 1]])
>>> (A @ K.T % 7).tolist()
[[0, 0], [0, 0]]
"""

from __future__ import annotations

from math import gcd
from typing import Any, Callable

import flint
import numpy as np

from lcnalg.polys import blas_echelon
from lcnalg.polys.blas_echelon import Echelon

__all__ = ["mulmod", "evaluate_monomials", "nmod_matrix", "backend_for", "rank", "rref", "pivot_columns", "leading_pivot_columns", "basis_pivot_columns",
           "kernel_basis",
           "kernel_reader", "integer_nullspace"]


def mulmod(a: np.ndarray, b: np.ndarray, modulus: int) -> np.ndarray:
    """``a · b mod modulus`` entrywise, for int64 arrays with entries in ``[0, modulus)`` and a
    modulus below ``2^50``.

    Below ``2^31`` the product fits in int64.  Up to ``2^50`` the quotient ``q`` of the exact
    product by the modulus is computed in float64: the product is below ``2^100`` and rounded
    with relative error ``2^-53``, the division adds as much, so the computed quotient (below
    ``2^50``) is off by less than ``2^50 · 2^-51 < 1`` and its floor is ``q`` or ``q ± 1``.
    The remainder ``a·b − q·p`` is computed modulo ``2^64`` (int64 arithmetic wraps): its true
    value lies in ``[−p, 2p)``, which int64 holds, so one correction each way gives it exactly.

    Examples
    --------
    >>> p = 1_125_899_906_842_597
    >>> a = np.array([p - 1, 123456789012345], dtype=np.int64)
    >>> b = np.array([p - 2, 987654321098765], dtype=np.int64)
    >>> mulmod(a, b, p).tolist() == [(p - 1) * (p - 2) % p, 123456789012345 * 987654321098765 % p]
    True
    """
    if modulus < 2**31:
        return a * b % modulus
    if modulus >= 2**50:
        raise ValueError(f"mulmod: the modulus must be below 2^50, got {modulus}")
    q = np.floor(a.astype(np.float64) * b.astype(np.float64) / float(modulus)).astype(np.int64)
    with np.errstate(over="ignore"):
        r = a * b - q * modulus  # modulo 2^64: the true value is in [-p, 2p)
    r = np.where(r < 0, r + modulus, r)
    return np.where(r >= modulus, r - modulus, r)


def evaluate_monomials(pool: np.ndarray, monos: np.ndarray, rows: int, modulus: int) -> np.ndarray:
    """Values of monomials at the first ``rows`` points of ``pool``, modulo ``modulus``.

    Parameters
    ----------
    pool : numpy array of int64, shape (points, nvars)
        Points with coordinates in ``[0, modulus)``.
    monos : numpy array of int64, shape (monomials, degree)
        One monomial per row, written as its variable indices (with repetition); the degree
        must be at least 1.
    rows : int
        How many points to use.
    modulus : int
        A prime below ``2^50`` (below ``2^31`` products of two residues fit in ``int64``; above,
        :func:`mulmod`).

    Returns
    -------
    numpy array of int64, shape (rows, monomials)

    Examples
    --------
    >>> pool = np.array([[2, 3], [4, 5]], dtype=np.int64)
    >>> evaluate_monomials(pool, np.array([[0, 0], [0, 1], [1, 1]]), 2, 7).tolist()
    [[4, 6, 2], [2, 6, 4]]
    """
    pts = pool[:rows]
    A = pts[:, monos[:, 0]].copy()
    # a few rows at a time: the temporaries (the factors' values, and above 2^31 mulmod's
    # float64 arrays) stay small next to A
    step = max(1, MULMOD_ENTRIES // max(1, monos.shape[0]))
    for lo in range(0, A.shape[0], step):
        block = A[lo:lo + step]
        for t in range(1, monos.shape[1]):
            if modulus < 2**31:
                block *= pts[lo:lo + step, monos[:, t]]
                block %= modulus
            else:
                block[...] = mulmod(block, pts[lo:lo + step, monos[:, t]], modulus)
    return A


#: Entries per block of :func:`evaluate_monomials` (modulo a prime above ``2^31`` the float64
#: temporaries of :func:`mulmod` are about six times this many words).
MULMOD_ENTRIES = 1 << 20


def nmod_matrix(A: np.ndarray, modulus: int) -> Any:
    """FLINT matrix mod p of a non-empty int64 array with entries in ``[0, p)``.

    Going through ``fmpz_mat`` is about 40% faster than building ``nmod_mat`` from
    Python ints directly (the conversion dominates the small eliminations here).

    Examples
    --------
    >>> nmod_matrix(np.array([[1, 2], [3, 4]], dtype=np.int64), 5).det()
    3
    """
    return flint.nmod_mat(flint.fmpz_mat(A.tolist()), modulus)


def rank(A: np.ndarray, modulus: int, backend: "str | None" = None) -> int:
    """Rank of ``A`` mod p (FLINT's ``rank``, or the BLAS echelon form's: :func:`backend_for`).

    Examples
    --------
    >>> A = np.array([[1, 2, 3], [2, 4, 6]], dtype=np.int64)
    >>> rank(A, 7), rank(A, 7, backend="blas")
    (1, 1)
    """
    if A.shape[0] == 0 or A.shape[1] == 0:
        return 0
    if backend_for(A.shape, modulus, backend) == "blas":
        return _blas(A, modulus).rank
    return nmod_matrix(A, modulus).rank()


def rref(A: np.ndarray, modulus: int, need_entries: bool = True,
         backend: "str | None" = None) -> tuple[np.ndarray, list[int]]:
    """Reduced row echelon form (non-zero rows) and pivot columns of a matrix mod p.

    When the matrix has full column rank and ``need_entries`` is False, the entries
    are not read back (the pivots are then all columns).  ``backend`` chooses the
    elimination (:func:`backend_for`; the result is the same).

    Examples
    --------
    >>> E, piv = rref(np.array([[0, 2, 4], [0, 1, 3]], dtype=np.int64), 7)
    >>> E.tolist(), piv
    ([[0, 1, 0], [0, 0, 1]], [1, 2])
    >>> rref(np.array([[0, 2, 4], [0, 1, 3]], dtype=np.int64), 7, backend="blas")[0].tolist()
    [[0, 1, 0], [0, 0, 1]]
    """
    r, c = A.shape
    if r == 0 or c == 0:
        return np.zeros((0, c), dtype=np.int64), []
    if backend_for(A.shape, modulus, backend) == "blas":
        ech = _blas(A, modulus)
        rank = ech.rank
        if rank == 0:
            return np.zeros((0, c), dtype=np.int64), []
        if rank == c and not need_entries:
            return np.zeros((0, c), dtype=np.int64), list(range(c))
        E = np.zeros((rank, c), dtype=np.int64)
        E[np.arange(rank), ech.pivots] = 1
        pivset = set(ech.pivots)
        free = [j for j in range(c) if j not in pivset]
        if free:
            E[:, free] = ech.free_entries(free)
        return E, list(ech.pivots)
    M = nmod_matrix(A, modulus)
    R, rank = M.rref()
    if rank == 0:
        return np.zeros((0, c), dtype=np.int64), []
    if rank == c and not need_entries:
        return np.zeros((0, c), dtype=np.int64), list(range(c))
    # the pivot columns hold the identity: only the other columns' entries are read back
    pivots = _pivots(R, rank)
    E = np.zeros((rank, c), dtype=np.int64)
    E[np.arange(rank), pivots] = 1
    pivset = set(pivots)
    free = [j for j in range(c) if j not in pivset]
    if free:
        E[:, free] = _free_entries(R, rank, c, free)
    return E, pivots


def pivot_columns(A: np.ndarray, modulus: int, backend: "str | None" = None) -> list[int]:
    """Pivot columns of the reduced echelon form of ``A`` mod p, read without the entries.

    Examples
    --------
    >>> pivot_columns(np.array([[0, 2, 4], [0, 1, 2]], dtype=np.int64), 7)
    [1]
    >>> pivot_columns(np.array([[0, 2, 4], [0, 1, 2]], dtype=np.int64), 7, backend="blas")
    [1]
    """
    r, c = A.shape
    if r == 0 or c == 0:
        return []
    if backend_for(A.shape, modulus, backend) == "blas":
        return list(_blas(A, modulus).pivots)
    R, rank = nmod_matrix(A, modulus).rref()
    return _pivots(R, rank)


def leading_pivot_columns(A: np.ndarray, modulus: int) -> list[int]:
    """Pivot columns of the reduced echelon form of ``A`` mod p, as :func:`pivot_columns` gives
    them (which it calls for a prime of ``2^31`` or more), for a matrix most of whose rows have distinct leading
    columns (such as the multiples of a kernel basis by the variables).

    The leading column of a row is its first non-zero entry.  One row per leading column (the
    columns ``M``) forms an upper triangular block ``A_M`` with a non-zero diagonal, beside its
    entries ``B`` on the other columns ``O``; each other row ``[C | D]`` reduces by them to
    ``D − C A_M^{-1} B``, zero on ``M``.  The row space is spanned by those rows and the rows of
    ``S = D − C A_M^{-1} B``, so its leading columns (the pivots) are ``M`` and the pivots of
    ``S`` on ``O``.  ``A_M^{-1} B`` is a triangular solve with ``|O|`` right-hand sides
    (:func:`~lcnalg.polys.blas_echelon.solve_unitriangular`) and ``S`` one product: about
    ``|O| |M|^2`` operations where an echelon form of the whole costs ``|M|^3``.

    Examples
    --------
    >>> leading_pivot_columns(np.array([[1, 2, 3], [2, 4, 6], [0, 0, 5]], dtype=np.int64), 7)
    [0, 2]
    >>> leading_pivot_columns(np.array([[1, 2, 3], [1, 2, 4]], dtype=np.int64), 7)  # rows share a lead
    [0, 2]
    """
    p = modulus
    if p >= 1 << 31:   # (the triangular solve is in float64 products)
        return pivot_columns(np.asarray(A, dtype=np.int64) % p, p)
    rows = np.asarray(A, dtype=np.int64)
    if rows.size and (rows.min() < 0 or rows.max() >= p):
        rows = rows % p
    nonzero = rows != 0
    kept = nonzero.any(axis=1)
    if not kept.all():
        rows, nonzero = rows[kept], nonzero[kept]
    if not len(rows):
        return []
    lead = nonzero.argmax(axis=1)
    M, first = np.unique(lead, return_index=True)  # one row per leading column, sorted by it
    others = np.setdiff1d(np.arange(len(rows)), first)
    O = np.setdiff1d(np.arange(rows.shape[1]), M)
    piv = M.tolist()
    if not O.size or not others.size:
        return piv
    top = rows[first]
    scale = np.array([pow(int(a), -1, p) for a in top[np.arange(len(M)), M]], dtype=np.int64)
    # A_M Y = B with A_M scaled to a unit diagonal (entries and inverses below 2^31: products
    # below 2^62), solved as (Y^T J)(J A_M^T J) = B^T J, J the reversal: upper unitriangular
    U = np.ascontiguousarray(((top[:, M] * scale[:, None]) % p).T[::-1, ::-1], dtype=np.float64)
    X = np.ascontiguousarray(((top[:, O] * scale[:, None]) % p).T[:, ::-1], dtype=np.float64)
    blas_echelon.solve_unitriangular(X, U, p)
    Z = np.zeros((rows.shape[1], len(O)), dtype=np.int64)
    Z[M] = X[:, ::-1].T
    # C A_M^{-1} B = [C | D] Z (Z zero on O), for all rows at once: no copy of the large C
    S = (rows[np.ix_(others, O)] - _thin_product(rows, Z, p)[others]) % p
    piv.extend(int(O[j]) for j in pivot_columns(S, p))
    return sorted(piv)


def _thin_product(X: np.ndarray, Y: np.ndarray, p: int) -> np.ndarray:
    """``X · Y mod p`` for int64 arrays with entries in ``[0, p)``, ``p < 2^31``, ``Y`` of few
    columns: ``Y = 2^16 Y_1 + Y_0`` and the inner dimension in chunks of ``2^15``, so every
    partial sum is below ``2^15 · 2^31 · 2^16 = 2^62`` (exact in int64, no float copy of the
    large ``X``)."""
    out = np.zeros((X.shape[0], Y.shape[1]), dtype=np.int64)
    hi, lo = Y >> 16, Y & 0xFFFF
    for c in range(0, X.shape[1], 1 << 15):
        Xc = X[:, c:c + (1 << 15)]
        part = ((Xc @ hi[c:c + (1 << 15)]) % p) * 65536 + (Xc @ lo[c:c + (1 << 15)]) % p
        out = (out + part) % p
    return out


def basis_pivot_columns(B: np.ndarray, lead: list[int], modulus: int) -> list[int]:
    """Pivot columns of the reduced echelon form of ``B`` mod p, for a ``k × n`` matrix whose
    columns ``lead`` hold the identity (``B[:, lead[i]]`` is the ``i``-th unit vector), such as
    a kernel basis of :func:`kernel_basis` with its columns permuted.

    The pivot columns of the reduced echelon form are the basis of the column matroid of
    ``B`` that the greedy algorithm picks scanning the columns left to right.  When ``B`` has
    more rows than ``n − k``, they are read from a smaller matrix: the ``(n − k) × n`` matrix
    ``C`` with the unit vector ``e_c − Σ_i B[i, c] e_{lead[i]}`` for each column ``c`` outside
    ``lead`` is of rank ``n − k`` and orthogonal to the rows of ``B`` (``B[i] · C_c = B[i, c]
    − B[i, c]``), so its row space is the orthogonal complement of ``B``'s and its column
    matroid is the dual of ``B``'s.  The complement of a basis of a matroid is a basis of the
    dual, and the greedy (maximal-weight) basis of the dual for the reversed order is the
    complement of the greedy basis for the order (negating the weights); so the pivots of
    ``B`` are the columns that are not pivots of ``C`` with its columns reversed.  Both routes
    are exact, so the answer does not depend on the route; the conversion into FLINT of the
    ``min(k, n − k) · n`` entries is what the smaller matrix saves.

    Parameters
    ----------
    B : numpy array of int64, shape (k, n)
        Entries in ``[0, modulus)``.
    lead : list of int
        ``k`` distinct columns where ``B`` holds the identity.
    modulus : int
        A prime.

    Returns
    -------
    list of int
        The pivot columns, ascending (``k`` of them).

    Raises
    ------
    ValueError
        If ``B[:, lead]`` is not the identity.

    Examples
    --------
    >>> B = np.array([[3, 1, 0, 0], [0, 0, 0, 1], [5, 0, 1, 0]], dtype=np.int64)
    >>> basis_pivot_columns(B, [1, 3, 2], 7), pivot_columns(B, 7)  # through the dual
    ([0, 1, 3], [0, 1, 3])
    >>> B = np.array([[0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], dtype=np.int64)
    >>> basis_pivot_columns(B, [1, 2, 3], 7)  # column 0 is zero
    [1, 2, 3]
    >>> B = np.array([[0, 1, 0, 2], [1, 0, 0, 3]], dtype=np.int64)
    >>> basis_pivot_columns(B, [1, 0], 7), pivot_columns(B, 7)  # directly
    ([0, 1], [0, 1])
    """
    k, n = B.shape
    if len(lead) != k or not np.array_equal(B[:, lead], np.eye(k, dtype=B.dtype)):
        raise ValueError("basis_pivot_columns: the columns lead of B must hold the identity")
    if k <= n - k:
        return pivot_columns(B, modulus)
    leadset = set(lead)
    others = np.array([c for c in range(n) if c not in leadset], dtype=np.int64)
    C = np.zeros((n - k, n), dtype=np.int64)
    C[np.arange(n - k), others] = 1
    C[:, np.array(lead, dtype=np.int64)] = (-B[:, others].T.astype(np.int64)) % modulus
    dual = {n - 1 - j for j in pivot_columns(C[:, ::-1], modulus)}
    return [c for c in range(n) if c not in dual]


def kernel_basis(A: np.ndarray, modulus: int, ncols: int, wanted: "list[int] | None" = None,
                 backend: "str | None" = None) -> tuple[int, list[int], np.ndarray]:
    """Rank, leading columns and canonical kernel basis of ``A`` mod p.

    The kernel is put in reduced echelon form with the *largest* column leading (columns
    are monomials in ascending order), so the basis vector with leading column ``f`` is the
    unique kernel vector with coefficient 1 at ``f`` and 0 at every other leading column: it
    does not depend on the rows of ``A``, only on its kernel.  It is read from FLINT's
    reduced echelon form ``R`` of ``A``: the free (non-pivot) columns are found by scanning
    the pivots (about ``ncols`` entries), and the vector of ``f`` is ``1`` at ``f`` and
    ``−R[i, f]`` at the pivot column of row ``i``, so only the ``rank × nullity`` entries of
    ``R`` in the free columns come back into Python (read one by one, or all of ``R`` at once
    when that is cheaper), never the zeros of the pivot columns.  Through BLAS
    (:func:`backend_for`) those entries are computed by block back substitution, for the
    wanted columns only.

    Parameters
    ----------
    A : numpy array of int64, shape (rows, ncols)
        Entries in ``[0, modulus)``; may have no rows.
    modulus : int
        A prime.
    ncols : int
        Number of columns (needed when ``A`` has no rows).
    wanted : list of int, optional
        Read only the kernel vectors of these columns (those of them that are free, in
        ascending order); default all.  ``wanted=[]`` gives the rank and the free columns
        without reading any entry of the echelon form.
    backend : {None, "flint", "blas"}
        The elimination (:func:`backend_for`); the result does not depend on it.

    Returns
    -------
    rank : int
    free : list of int
        The leading columns of the kernel basis (the free columns), ascending.
    K : numpy array of int64, shape (len(free), ncols)
        ``K[i]`` is the kernel vector with leading column ``free[i]`` (with ``wanted``: one
        row per wanted free column).

    Examples
    --------
    >>> kernel_basis(np.zeros((0, 2), dtype=np.int64), 7, 2)[1]
    [0, 1]
    >>> rank, free, K = kernel_basis(np.array([[1, 1, 1]], dtype=np.int64), 7, 3)
    >>> rank, free, K.tolist()
    (1, [1, 2], [[6, 1, 0], [6, 0, 1]])
    >>> kernel_basis(np.array([[1, 1, 1]], dtype=np.int64), 7, 3, wanted=[2, 0])[2].tolist()
    [[6, 0, 1]]
    """
    rank, free, read = kernel_reader(A, modulus, ncols, backend)
    return rank, free, read(wanted)


def kernel_reader(A: np.ndarray, modulus: int, ncols: int, backend: "str | None" = None,
                  overwrite: bool = False) -> tuple[int, list[int], Callable[["list[int] | None"], np.ndarray]]:
    """:func:`kernel_basis` in two steps: one elimination gives the rank and the free columns,
    and ``read(wanted)`` reads the kernel vectors of the ``wanted`` free columns (None: all)
    later, only when they are needed.  ``overwrite``: the BLAS elimination may work in ``A``'s
    memory (``A`` is then destroyed; :func:`lcnalg.polys.blas_echelon.echelon`).

    Examples
    --------
    >>> rank, free, read = kernel_reader(np.array([[1, 1, 1]], dtype=np.int64), 7, 3)
    >>> rank, free, read([1]).tolist()
    (1, [1, 2], [[6, 1, 0]])
    >>> kernel_reader(np.array([[1, 1, 1]], dtype=np.int64), 7, 3, backend="blas")[2]([1]).tolist()
    [[6, 1, 0]]
    """
    r = A.shape[0]
    if r == 0:
        free = list(range(ncols))
        return 0, free, lambda wanted: np.eye(ncols, dtype=np.int64)[free if wanted is None else
                                                                      sorted(set(wanted) & set(free))]
    if backend_for(A.shape, modulus, backend) == "blas":
        ech = blas_echelon.echelon(A, modulus, overwrite=overwrite)
        R, rank, pivots = None, ech.rank, list(ech.pivots)
        entries = ech.free_entries
    else:
        R, rank = nmod_matrix(A, modulus).rref()
        pivots = _pivots(R, rank)
        entries = (lambda cols: _free_entries(R, rank, ncols, cols))
    pivset = set(pivots)
    free = [j for j in range(ncols) if j not in pivset]

    def read(wanted: "list[int] | None") -> np.ndarray:
        cols = free if wanted is None else sorted(set(wanted).intersection(free))
        K = np.zeros((len(cols), ncols), dtype=np.int64)
        if not cols:
            return K
        fidx = np.array(cols, dtype=np.int64)
        K[np.arange(len(cols)), fidx] = 1
        if rank:
            E = entries(cols)  # rank x len(cols): R[i, f]
            K[:, np.array(pivots)] = (-E.T) % modulus
        return K

    return rank, free, read


#: Size from which the eliminations modulo a prime below ``2^31`` go through float64 BLAS
#: products (:mod:`lcnalg.polys.blas_echelon`) rather than FLINT: ``rows · cols · min(rows,
#: cols)``, the order of the elimination's operations.  Measured crossover of a kernel read
#: whole (one core, the conversion into FLINT and back included): 500 × 500 (equal times;
#: BLAS at half FLINT's speed at 300, 1.5 times it at 700, 2.1 times at 1000, 2.6 at 1500).
BLAS_WORK = 500 ** 3


def backend_for(shape: tuple[int, int], modulus: int, backend: "str | None" = None) -> str:
    """The elimination used for a matrix of this shape modulo ``modulus``: ``backend`` when
    given (``"flint"`` or ``"blas"``; ``"blas"`` needs a modulus below ``2^31``), else
    ``"blas"`` for a modulus below ``2^31`` and at least :data:`BLAS_WORK` operations, else
    ``"flint"``.  Both give the same reduced echelon form (it is unique).

    Examples
    --------
    >>> backend_for((3000, 3000), 2_147_483_629), backend_for((300, 300), 2_147_483_629)
    ('blas', 'flint')
    >>> backend_for((3000, 3000), 1_125_899_906_842_597)
    'flint'
    """
    if backend is None:
        r, c = shape
        return "blas" if modulus < 2**31 and r * c * min(r, c) >= BLAS_WORK else "flint"
    if backend not in ("flint", "blas"):
        raise ValueError(f"backend: expected None, 'flint' or 'blas', got {backend!r}")
    if backend == "blas" and modulus >= 2**31:
        raise ValueError(f"backend: 'blas' needs a modulus below 2^31, got {modulus}")
    return backend


def _blas(A: np.ndarray, modulus: int) -> Echelon:
    """The echelon form of :func:`lcnalg.polys.blas_echelon.echelon`."""
    return blas_echelon.echelon(A, modulus)


def _pivots(R: Any, rank: int) -> list[int]:
    """Pivot columns of a reduced echelon form of rank ``rank`` (its leading entries)."""
    piv, j = [], 0
    for i in range(rank):
        while int(R[i, j]) == 0:
            j += 1
        piv.append(j)
        j += 1
    return piv


#: Cost of reading one entry of a FLINT matrix by index, relative to one entry of a bulk
#: ``entries()`` read (measured about 1.5).
INDEX_READ = 2


def _free_entries(R: Any, rank: int, ncols: int, cols: list[int]) -> np.ndarray:
    """The entries ``R[i, f]`` (``i < rank``, ``f`` in ``cols``) as an int64 array: one by one,
    or from one bulk read of ``R`` when that moves fewer entries."""
    if INDEX_READ * rank * len(cols) <= R.nrows() * ncols:
        flat = [R[i, f] for i in range(rank) for f in cols]
        return np.fromiter(map(int, flat), dtype=np.int64, count=rank * len(cols)).reshape(rank, len(cols))
    return _entries(R, rank, ncols)[:, np.array(cols, dtype=np.int64)]


def _entries(M: Any, rows: int, ncols: int) -> np.ndarray:
    """The first ``rows`` rows of a FLINT ``nmod_mat`` as an int64 array (one pass over its
    entries, the fastest way out of python-flint)."""
    if rows == 0:
        return np.zeros((0, ncols), dtype=np.int64)
    flat = M.entries()[: rows * ncols]
    return np.fromiter(map(int, flat), dtype=np.int64, count=rows * ncols).reshape(rows, ncols)


def integer_nullspace(rows: list[list[int]], ncols: int) -> list[list[int]]:
    """An integer basis of ``{u ∈ Q^ncols : r·u = 0 for every row r}``.

    The basis is read from FLINT's reduced echelon form over Q: one vector per free column
    ``f`` (1 at ``f``, 0 at the other free columns), scaled by the least common denominator.

    Parameters
    ----------
    rows : list of list of int
        The linear forms (may be empty: then the standard basis is returned).
    ncols : int
        Number of unknowns.

    Returns
    -------
    list of list of int

    Examples
    --------
    >>> integer_nullspace([[1, 1, -2]], 3)
    [[-1, 1, 0], [2, 0, 1]]
    >>> integer_nullspace([], 2)
    [[1, 0], [0, 1]]
    """
    if not rows:
        return [[int(i == j) for j in range(ncols)] for i in range(ncols)]
    M = flint.fmpq_mat(len(rows), ncols, [x for r in rows for x in r])
    R, rank = M.rref()
    pivots = []
    for i in range(rank):
        for j in range(ncols):
            if R[i, j] != 0:
                pivots.append(j)
                break
    free = [j for j in range(ncols) if j not in pivots]
    basis = []
    for f in free:
        v = [flint.fmpq(0)] * ncols
        v[f] = flint.fmpq(1)
        for i, pcol in enumerate(pivots):
            v[pcol] = -R[i, f]
        den = 1
        for x in v:
            den = den * int(x.q) // gcd(den, int(x.q))
        basis.append([int(x * den) for x in v])
    return basis
