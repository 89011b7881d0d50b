"""Minors of polynomial matrices, exactly, with their count bounded before any work."""

from __future__ import annotations

import itertools
import math
import random
from typing import Any, Sequence

from lcnalg.errors import ResourceLimitError

__all__ = ["count_minors", "all_minors", "determinant", "random_projected_minors", "GF_PRIME"]

#: Prime used for the modular Gröbner bases behind dimensions (dimension mod p).
GF_PRIME = 2_147_483_647


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


def determinant(mat: Sequence[Sequence[Any]], zero: Any) -> Any:
    """Division-free determinant (Laplace along the last column, memoised on row sets).

    Works for any commutative ring elements (flint mpolys, ints).

    Examples
    --------
    >>> determinant([[1, 2], [3, 4]], 0)
    -2
    """
    n = len(mat)
    return _minor_dp(mat, tuple(range(n)), tuple(range(n)), zero, {})


def _minor_dp(mat: Sequence[Sequence[Any]], rows: tuple[int, ...], cols: tuple[int, ...], zero: Any,
              memo: dict) -> Any:
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
        sub = _minor_dp(mat, rows[:pos] + rows[pos + 1:], cols[:-1], zero, memo)
        if sub == 0:
            continue
        sign = -1 if (k - 1 - pos) % 2 else 1
        total = total + sign * entry * sub
    memo[key] = total
    return total


def all_minors(mat: Sequence[Sequence[Any]], size: int, zero: Any, *, max_minors: int,
               what: str = "minors") -> list[Any]:
    """All non-zero ``size × size`` minors (up to sign, without repeats).

    Raises
    ------
    ResourceLimitError
        When the number of minors exceeds ``max_minors`` (checked before computing).

    Examples
    --------
    >>> all_minors([[1, 0, 2], [0, 1, 3]], 2, 0, max_minors=10)
    [1, 3, -2]
    """
    nrows, ncols = len(mat), len(mat[0]) if mat else 0
    count = count_minors(nrows, ncols, size)
    if count > max_minors:
        raise ResourceLimitError(f"{what} ({size}x{size} of a {nrows}x{ncols} matrix)", count,
                                 max_minors, "pass max_minors= (CLI: --max-minors)")
    out: list[Any] = []
    seen: set[str] = set()
    memo: dict = {}
    for cols in itertools.combinations(range(ncols), size):
        for rows in itertools.combinations(range(nrows), size):
            d = _minor_dp(mat, rows, cols, zero, memo)
            if d == 0:
                continue
            key = str(d if _positive_lead(d) else -d)
            if key not in seen:
                seen.add(key)
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
