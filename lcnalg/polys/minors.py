"""Minors of polynomial matrices, exactly, with their count bounded before any work.

Entries may be elements of any commutative ring (flint multivariate polynomials, integers).
Matrices of numbers go to FLINT's determinants (``fmpz_mat``/``fmpq_mat``/``nmod_mat``);
polynomial matrices are expanded division-free along the last column, with the sub-minors
shared between all the minors of one matrix.  Before any arithmetic the sub-minors of that
expansion are counted: in closed form, and when that passes the bound, on the zero pattern
by a walk over row sets (bit masks) whose proof is in :func:`count_expansion_subminors`.
"""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction
from typing import Any, Callable, Iterator, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits

__all__ = ["count_minors", "count_subminors", "count_expansion_subminors", "all_minors", "determinant", "bareiss_determinant",
           "bordered_minors", "random_projected_minors", "minor"]


def count_minors(rows: int, cols: int, size: int) -> int:
    """Number of ``size × size`` minors of a ``rows × cols`` matrix.

    Examples
    --------
    >>> count_minors(5, 6, 5)
    6
    """
    if size > min(rows, cols) or size < 0:
        return 0
    return math.comb(rows, size) * math.comb(cols, size)


def count_subminors(rows: int, cols: int, size: int) -> int:
    """Sub-minors formed by the Laplace expansion of all ``size × size`` minors of a
    ``rows × cols`` matrix (an upper bound: zero entries prune the expansion).

    The expansion of :func:`all_minors` runs along the last column of each column set and
    shares its sub-minors: a ``j × j`` sub-minor uses a prefix of ``j`` columns of a column
    set (``C(cols - size + j, j)`` of them) and ``j`` of the rows (``C(rows, j)``), so at
    most ``Σ_{j=1}^{size} C(cols - size + j, j) · C(rows, j)`` are formed.  This is computed
    in closed form before any work.

    Examples
    --------
    >>> count_subminors(4, 5, 4)
    47
    >>> count_subminors(34, 36, 34) > 10**12
    True
    >>> count_subminors(2, 3, 3)
    0
    """
    if size > min(rows, cols) or size < 1:
        return 0
    return sum(math.comb(cols - size + j, j) * math.comb(rows, j) for j in range(1, size + 1))


def determinant(mat: Sequence[Sequence[Any]], zero: Any) -> Any:
    """Determinant of a square matrix over a commutative ring.

    Parameters
    ----------
    mat : sequence of rows
        Integers, fractions, FLINT numbers (``fmpz``, ``fmpq``, ``nmod`` of one modulus) or
        flint multivariate polynomials of one context.
    zero : ring element
        The zero of the entries' ring (the result has its type).

    Returns
    -------
    ring element
        For numbers, FLINT's determinant (``fmpz_mat``, ``fmpq_mat`` or ``nmod_mat``),
        converted to the type of ``zero``; otherwise the division-free Laplace expansion
        along the last column, memoised on row sets.

    Examples
    --------
    >>> determinant([[1, 2], [3, 4]], 0)
    -2
    >>> from fractions import Fraction
    >>> determinant([[Fraction(1, 2), 1], [1, 4]], Fraction(0))
    Fraction(1, 1)
    >>> R = flint.fmpz_mpoly_ctx.get(("x",))
    >>> x = R.gens()[0]
    >>> determinant([[x, 1], [1, x]], R.from_dict({}))
    x^2 - 1
    """
    n = len(mat)
    numeric = _numeric_determinant(mat, zero)
    if numeric is not None:
        return numeric
    return _minor_dp(mat, tuple(range(n)), tuple(range(n)), zero, {})


class _LazyRows(dict):
    """Row ``i`` of the matrix ``(i, j) ↦ entry(i, j)``, made on first use (every entry of a row
    a bordered minor reaches is needed by the others of that row)."""

    def __init__(self, entry: Callable[[int, int], Any], ncols: int) -> None:
        super().__init__()
        self.entry, self.ncols = entry, ncols

    def __missing__(self, i: int) -> list:
        row = self[i] = [self.entry(i, j) for j in range(self.ncols)]
        return row


def bordered_minors(entry: Callable[[int, int], Any], shape: tuple[int, int], rows: Sequence[int],
                    cols: Sequence[int], zero: Any, *, limits: Limits | None = None,
                    budget: Budget | None = None) -> Iterator[tuple[int, int, Any]]:
    """The minors of a matrix on ``rows + {i}`` and ``cols + {j}``, for every row ``i`` and
    column ``j`` outside them, as ``(i, j, minor)`` (up to sign), row by row.

    Each minor is the Laplace expansion along column ``j`` (:func:`determinant`), with one
    memo for all of them: the sub-minors on the columns ``cols`` and rows among ``rows + {i}``
    are formed once for every ``j``, and those on rows among ``rows`` once in all.  So the
    ``(m - k)(n - k)`` bordered ``(k+1)``-minors of an ``m × n`` matrix cost about ``(m - k + 1)
    2^k`` sub-minors instead of ``(m - k)(n - k) 2^(k+1)``.

    Parameters
    ----------
    entry : callable
        ``entry(i, j)``: the matrix entry (integers, or flint polynomials of one context); asked
        for only where a minor needs it.
    shape : (int, int)
        ``(m, n)``.
    rows, cols : sequences of int
        The ``k`` rows and ``k`` columns of the block every minor borders.
    zero : ring element
        The zero of the entries' ring.
    limits : Limits, optional
        ``max_subminors`` bounds the sub-minors, checked before any arithmetic (the count
        above); ``max_minor_terms`` the terms of the sub-minors formed (polynomial entries).
    budget : Budget, optional
        Counts those terms instead (a bound shared with other work, or a smaller one).

    Yields
    ------
    (int, int, ring element)

    Raises
    ------
    ResourceLimitError
        Beyond either bound.

    Examples
    --------
    >>> M = [[1, 2, 3], [2, 4, 6], [1, 0, 1]]
    >>> [(i, j, d) for i, j, d in bordered_minors(lambda i, j: M[i][j], (3, 3), [0], [0], 0)]
    [(1, 1, 0), (1, 2, 0), (2, 1, -2), (2, 2, -2)]
    """
    lim = Limits.coerce(limits)
    m, n = shape
    base_rows, base_cols = tuple(sorted(rows)), tuple(sorted(cols))
    k = len(base_rows)
    if len(base_cols) != k or len(set(base_rows)) != k or len(set(base_cols)) != k \
            or not all(0 <= r < m for r in base_rows) or not all(0 <= c < n for c in base_cols):
        raise InputError(f"rows, cols: expected {k} distinct rows below {m} and as many distinct columns "
                         f"below {n}, got {checks.short(list(rows), 60)} and {checks.short(list(cols), 60)}")
    others = [j for j in range(n) if j not in base_cols]
    new_rows = [i for i in range(m) if i not in base_rows]
    lim.check("max_subminors", f"sub-minors of the bordered {k + 1}-minors of a {m}x{n} matrix",
              (len(new_rows) + 1) * 2 ** k + len(new_rows) * len(others))
    terms = budget
    if terms is None and not isinstance(zero, int):
        terms = lim.budget("max_minor_terms", f"terms of the sub-minors of the bordered {k + 1}-minors "
                                              f"of a {m}x{n} matrix")
    mat = _LazyRows(entry, n)
    memo: dict = {}
    for i in new_rows:
        R = tuple(sorted(base_rows + (i,)))
        for j in others:
            yield i, j, _minor_dp(mat, R, base_cols + (j,), zero, memo, terms)
        memo = {key: v for key, v in memo.items() if i not in key[1]}   # keep those on rows among ``rows``


def bareiss_determinant(mat: Sequence[Sequence[Any]]) -> Any:
    """Fraction-free (Bareiss) determinant of a square matrix of flint multivariate
    polynomials of one context (``fmpz_mpoly`` or ``fmpq_mpoly``); every division is exact.

    ``O(n^3)`` polynomial operations, against the ``O(2^n n)`` of the Laplace expansion of
    :func:`determinant`: the better choice for a dense matrix (FLINT has no matrices over
    its multivariate polynomials).

    Examples
    --------
    >>> R = flint.fmpz_mpoly_ctx.get(("x", "y"))
    >>> x, y = R.gens()
    >>> bareiss_determinant([[x, y, 1], [y, x, 0], [1, 0, x]])
    x^3 - x*y^2 - x
    """
    n = len(mat)
    if n == 0 or any(len(row) != n for row in mat):
        raise InputError(f"mat: expected a non-empty square matrix, got {n} rows")
    a = [list(row) for row in mat]
    sign = 1
    prev = None
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((i for i in range(k + 1, n) if a[i][k] != 0), None)
            if swap is None:
                return 0 * a[0][0]
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                num = a[i][j] * a[k][k] - a[i][k] * a[k][j]
                a[i][j] = num if prev is None else num / prev
        prev = a[k][k]
    return a[n - 1][n - 1] if sign == 1 else -a[n - 1][n - 1]


def _numeric_determinant(mat: Sequence[Sequence[Any]], zero: Any) -> Any:
    """FLINT's determinant when every entry (and ``zero``) is a number, else None."""
    n = len(mat)
    if n == 0 or any(len(row) != n for row in mat):
        return None
    kind = type(zero)
    if kind is int or kind is flint.fmpz:
        if all(isinstance(x, (int, flint.fmpz)) for row in mat for x in row):
            return kind(flint.fmpz_mat([[int(x) for x in row] for row in mat]).det())
        return None
    if kind is Fraction or kind is flint.fmpq:
        if all(isinstance(x, (int, flint.fmpz, flint.fmpq, Fraction)) for row in mat for x in row):
            d = flint.fmpq_mat([[flint.fmpq(x.numerator, x.denominator) if isinstance(x, Fraction)
                                 else flint.fmpq(x) for x in row] for row in mat]).det()
            return d if kind is flint.fmpq else Fraction(int(d.p), int(d.q))
        return None
    if kind is flint.nmod:
        p = zero.modulus()
        if all(isinstance(x, (int, flint.fmpz)) or (isinstance(x, flint.nmod) and x.modulus() == p)
               for row in mat for x in row):
            return flint.nmod(int(flint.nmod_mat([[int(x) for x in row] for row in mat], p).det()), p)
    return None


def count_expansion_subminors(nonzero: Sequence[Sequence[bool]], size: int, bound: int | None = None) -> int:
    """Sub-minors the expansion of :func:`all_minors` forms on a zero pattern (no arithmetic).

    The expansion of the ``size × size`` minors runs along the last column of each column
    set and skips zero entries; this counts its distinct states ``(column prefix, row set)``
    with at least one column (an upper bound on the sub-minors formed: cancellations are
    not seen).  It is at most :func:`count_subminors`, and less when zeros prune.

    Parameters
    ----------
    nonzero : sequence of rows of bool
        The zero pattern: ``nonzero[i][j]`` is true where the entry is non-zero.
    size : int
        Order of the minors.
    bound : int, optional
        Stop once the count is known to pass ``bound``; the value returned is then a lower
        bound on the count that is already above ``bound``.

    Returns
    -------
    int
        The number of states (or, with ``bound``, a number above ``bound`` that the count
        reaches).

    Notes
    -----
    Algorithm.  A state ``(P, S)`` has ``|P| = |S| = j``; expanding along the last column
    ``c`` of ``P`` leads to ``(P - {c}, S - {i})`` for every ``i ∈ S`` with a non-zero entry
    ``(i, c)``.  The states reached from the minors (``|P| = |S| = size``, every column set
    and every row set) depend on ``P`` only through its last column: ``(P, S)`` is reached
    iff some ``(Q, T)`` one level up is, with ``Q = P ∪ {c}`` for a column ``c`` above
    ``P``, ``S = T - {i}``, ``(i, c)`` non-zero — and the columns of ``P`` below its last one
    are free.  So each row set ``S`` of level ``j`` carries one number ``g(S)``: ``(P, S)``
    is reached iff the last column of ``P`` is below ``g(S)``.  At the top level
    ``g = cols`` for every row set; one level down,
    ``g(T - {i}) = max over (T, i)`` of the largest column ``c < g(T)``, ``c ≥ j - 1``, with
    ``(i, c)`` non-zero.  The prefixes of length ``j`` with last column below ``g`` number
    ``Σ_{c < g} C(c, j - 1) = C(g, j)``, so level ``j`` holds ``Σ_S C(g(S), j)`` states.
    Proof of the count: induction on the levels from the top, each state being reached
    exactly when the rule above says; the walk is over row sets (bit masks), not over
    states, so it costs the number of distinct row sets times ``size``.

    Examples
    --------
    >>> count_expansion_subminors([[True, False, False], [False, True, True]], 2)
    5
    >>> count_subminors(2, 3, 2)
    7
    >>> count_expansion_subminors([[True] * 36] * 34, 34, bound=10**6) > 10**6
    True
    """
    nrows = len(nonzero)
    ncols = len(nonzero[0]) if nrows else 0
    if size > min(nrows, ncols) or size < 1:
        return 0
    # last_nz[i][g]: the largest column c < g with (i, c) non-zero, or -1
    last_nz = []
    for row in nonzero:
        table = [-1] * (ncols + 1)
        for c in range(ncols):
            table[c + 1] = c if row[c] else table[c]
        last_nz.append(table)
    total = math.comb(nrows, size) * math.comb(ncols, size)
    if bound is not None and total > bound:
        return total
    level = {sum(1 << i for i in rows): ncols for rows in itertools.combinations(range(nrows), size)}
    for j in range(size, 1, -1):
        # level j -> level j - 1: the new prefix keeps a column below the removed one
        nxt: dict[int, int] = {}
        get = nxt.get
        for mask, g in level.items():
            bits = mask
            while bits:
                low = bits & -bits
                bits ^= low
                c = last_nz[low.bit_length() - 1][g]
                if c >= j - 1:
                    child = mask ^ low
                    if c > get(child, -1):
                        nxt[child] = c
            if bound is not None and total + len(nxt) > bound:
                return total + len(nxt)
        level = nxt
        total += sum(math.comb(g, j - 1) for g in level.values())
        if bound is not None and total > bound:
            return total
    return total


def minor(mat: Sequence[Sequence[Any]], rows: Sequence[int], cols: Sequence[int], zero: Any, *,
          terms: Any = None) -> Any:
    """The minor of ``mat`` on the rows ``rows`` and the columns ``cols`` (as many of each), by
    the division-free Laplace expansion along its last column, memoised on row sets (at most
    ``2^k`` sub-minors for ``k`` rows).

    Parameters
    ----------
    mat : sequence of rows
        Entries in a commutative ring (flint mpolys, ints).
    rows, cols : sequences of int
        Row and column indices, as many of each (the sign is that of the minor with the rows and
        columns in the order given).
    zero : ring element
        The zero of that ring.
    terms : Budget, optional
        Spent by the number of terms of every polynomial sub-minor formed (``Limits.budget``, for
        example of ``max_minor_terms``); raises its :class:`~lcnalg.errors.ResourceLimitError`.

    Returns
    -------
    ring element

    Raises
    ------
    InputError
        For row and column sets of different sizes or out of range.

    Examples
    --------
    >>> minor([[1, 2, 3], [4, 5, 6], [7, 8, 10]], (0, 2), (1, 2), 0)   # 2*10 - 3*8
    -4
    """
    rows, cols = tuple(rows), tuple(cols)
    ncols = len(mat[0]) if mat else 0
    if (len(rows) != len(cols) or any(not 0 <= i < len(mat) for i in rows)
            or any(not 0 <= j < ncols for j in cols)):
        raise InputError(f"rows, cols: expected as many row as column indices within the {len(mat)}x"
                         f"{ncols} matrix, got {list(rows)!r} and {list(cols)!r}")
    return _minor_dp(mat, rows, cols, zero, {}, terms)


def _minor_dp(mat: Sequence[Sequence[Any]], rows: tuple[int, ...], cols: tuple[int, ...], zero: Any,
              memo: dict, terms: Any = None) -> Any:
    k = len(cols)
    if k == 0:
        return zero + 1
    key = (cols, rows)
    if key in memo:
        return memo[key]
    last = cols[-1]
    total = zero
    for pos, i in enumerate(rows):
        entry = mat[i][last]
        if entry == 0:
            continue
        sub = _minor_dp(mat, rows[:pos] + rows[pos + 1:], cols[:-1], zero, memo, terms)
        if sub == 0:
            continue
        sign = -1 if (k - 1 - pos) % 2 else 1
        total = total + sign * entry * sub
    if terms is not None and k > 1:
        terms.spend(len(total))
    memo[key] = total
    return total


def all_minors(mat: Sequence[Sequence[Any]], size: int, zero: Any, *, limits: Limits | None = None,
               max_minors: int | None = None, what: str = "minors") -> list[Any]:
    """All non-zero ``size × size`` minors (up to sign, without repeats).

    Parameters
    ----------
    mat : sequence of rows
        Entries in a commutative ring (flint mpolys, ints).
    size : int
        Order of the minors.
    zero : ring element
        The zero of that ring.
    limits : Limits, optional
        Bounds; ``limits.max_minors`` bounds the number of minors (default
        ``Limits().max_minors``).
    max_minors : int, optional
        Overrides ``limits.max_minors``.
    what : str
        What the minors are, for the error message.

    Returns
    -------
    list
        The minors, column sets in lexicographic order, then row sets; one of ``±m`` kept.

    Raises
    ------
    ResourceLimitError
        When the number of minors exceeds ``max_minors``, or the sub-minors of their
        expansion exceed ``limits.max_subminors`` (both checked before any arithmetic: the
        closed form :func:`count_subminors`, and when it is above the bound, the count of
        the expansion on the zero pattern, :func:`count_expansion_subminors`); while computing, when the terms of the sub-minors
        formed pass ``limits.max_minor_terms`` (polynomial entries; a bound on memory).

    Examples
    --------
    >>> all_minors([[1, 0, 2], [0, 1, 3]], 2, 0, max_minors=10)
    [1, 3, -2]
    >>> all_minors([[1, 0, 2], [0, 1, 3]], 2, 0, max_minors=2)
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: minors (2x2 of a 2x3 matrix) estimated at 3, above the bound 2; to allow it, raise limits=Limits(max_minors=...) (CLI: --max-minors)
    """
    lim = Limits.coerce(limits, max_minors=max_minors)
    nrows, ncols = len(mat), len(mat[0]) if mat else 0
    count = count_minors(nrows, ncols, size)
    lim.check("max_minors", f"{what} ({size}x{size} of a {nrows}x{ncols} matrix)", count)
    shape = f"{size}x{size} of a {nrows}x{ncols} matrix"
    if count_subminors(nrows, ncols, size) > lim.max_subminors:
        # the closed form ignores zero entries: count the expansion on the zero pattern
        nonzero = [[x != 0 for x in row] for row in mat]
        lim.check("max_subminors", f"sub-minors of the Laplace expansion of the {what} ({shape})",
                  count_expansion_subminors(nonzero, size, bound=lim.max_subminors))
    terms = None
    if not isinstance(zero, int):
        terms = lim.budget("max_minor_terms", f"terms of the sub-minors of the {what} ({shape})")
    out: list[Any] = []
    # the minors kept, by a fingerprint (their number of terms and value at a fixed point, both
    # made in FLINT: printing each to a string took 6 ms for 4,500 terms), compared exactly
    seen: dict[Any, list[Any]] = {}
    point = None
    memo: dict = {}
    for cols in itertools.combinations(range(ncols), size):
        for rows in itertools.combinations(range(nrows), size):
            d = _minor_dp(mat, rows, cols, zero, memo, terms)
            if d == 0:
                continue
            up = d if _positive_lead(d) else -d   # one of ±d kept
            if isinstance(up, int):
                key: Any = up
            else:
                if point is None:
                    point = [flint.fmpz(2 * i + 3) for i in range(up.context().nvars())]
                key = (len(up), up(*point))
            same = seen.setdefault(key, [])
            if not any(up == e for e in same):
                same.append(up)
                out.append(d)
        if len(memo) > 200_000:
            memo.clear()
    return out


def _positive_lead(d: Any) -> bool:
    if isinstance(d, int):
        return d > 0
    return int(d.leading_coefficient()) > 0


def random_projected_minors(mat: Sequence[Sequence[Any]], size: int, count: int, zero: Any, *,
                            seed: int, bound: int = 2**15) -> list[Any]:
    """``count`` polynomials ``det(A·M·B)`` with random integer ``A`` (size × rows), ``B`` (cols × size).

    By Cauchy–Binet each is a combination of the ``size``-minors of ``M``; at a point where
    ``rank M = size`` it vanishes for a proper Zariski-closed set of ``(A, B)`` only.

    Examples
    --------
    >>> len(random_projected_minors([[1, 0, 2], [0, 1, 3]], 2, 3, 0, seed=1))
    3
    """
    rng = random.Random(seed)
    nrows, ncols = len(mat), len(mat[0])
    out = []
    for _ in range(count):
        A = [[rng.randint(-bound, bound) for _ in range(nrows)] for _ in range(size)]
        B = [[rng.randint(-bound, bound) for _ in range(size)] for _ in range(ncols)]
        AM = [[sum((A[i][r] * mat[r][c] for r in range(nrows) if mat[r][c] != 0), zero)
               for c in range(ncols)] for i in range(size)]
        AMB = [[sum((AM[i][c] * B[c][j] for c in range(ncols)), zero) for j in range(size)]
               for i in range(size)]
        out.append(determinant(AMB, zero))
    return out
