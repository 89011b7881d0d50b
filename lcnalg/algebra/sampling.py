"""Points of the image of μ modulo a prime, and the graded pieces of the coordinate ring.

The multigraded interpolation (:mod:`lcnalg.algebra.interpolation`), its stopping rule
(:mod:`lcnalg.algebra.stopping_rule`) and the certifier (:mod:`lcnalg.algebra.certify`)
evaluate monomials at points ``μ(θ)``; :func:`sample_image` draws those points and
:func:`pieces_of_degree` lists the monomials of one degree, one bucket per multidegree of
the finest grading.

Examples
--------
>>> from lcnalg.algebra.grading import finest_grading
>>> from lcnalg.parameterization import Parameterization
>>> mu = Parameterization("2,2 s=2")
>>> sample_image(mu, 2, 101, seed=1).shape
(2, 4)
"""

from __future__ import annotations

import itertools
import random
import threading
from math import comb
from typing import Any

import numpy as np

from lcnalg.algebra.grading import Grading
from lcnalg.limits import Limits

__all__ = ["ImagePool", "count_monomials", "integer_image", "piece_sizes", "pieces_of_degree", "sample_image"]


def count_monomials(nvars: int, degree: int) -> int:
    """Number of monomials of a given degree in ``nvars`` variables.

    Examples
    --------
    >>> count_monomials(9, 6)
    3003
    """
    return comb(nvars + degree - 1, degree)


def piece_sizes(grading: Grading, degree: int) -> dict[tuple[int, ...], int]:
    """The number of monomials of each multidegree of one total degree, without listing them:
    the coefficients of ``prod_i 1/(1 - t^{deg c_i})`` of that total degree, multiplied in one
    variable at a time and cut at the degree (work: variables × degree × multidegrees met).

    Examples
    --------
    >>> from lcnalg.algebra.grading import finest_grading
    >>> from lcnalg.parameterization import Parameterization
    >>> g = finest_grading(Parameterization("2,2 s=2"))
    >>> sizes = piece_sizes(g, 2)
    >>> sizes == {k: len(v) for k, v in pieces_of_degree(g, 2).items()}
    True
    >>> sum(piece_sizes(g, 30).values()) == count_monomials(4, 30)
    True
    """
    if not grading.degrees:
        return {(): 1} if degree == 0 else {}
    # levels[t]: the series so far in total degree t (the first weight, 1 for every variable)
    levels: list[dict[tuple[int, ...], int]] = [{} for _ in range(degree + 1)]
    levels[0][(0,) * grading.rank] = 1
    for step in grading.degrees:
        # times 1/(1 - t^step): new[k] = old[k] + new[k - step], level by level upwards
        for t in range(degree):
            above = levels[t + 1]
            for key, c in levels[t].items():
                up = tuple(a + b for a, b in zip(key, step))
                above[up] = above.get(up, 0) + c
    out: dict[tuple[int, ...], int] = {}
    for key, c in levels[degree].items():
        k = grading.reduce(key)
        out[k] = out.get(k, 0) + c
    return out


def _degrevlex_key(mono: tuple[int, ...], nvars: int) -> tuple[int, ...]:
    """Ascending degrevlex key of a monomial written as a sorted tuple of variable indices."""
    exps = [0] * nvars
    for i in mono:
        exps[i] += 1
    return tuple(-exps[i] for i in range(nvars - 1, -1, -1))


def pieces_of_degree(grading: Grading, degree: int, max_monomials: int | None = None, *,
                     limits: Limits | None = None) -> dict[tuple[int, ...], list[tuple[int, ...]]]:
    """Monomials of one total degree, bucketed by multidegree, each bucket ascending.

    Parameters
    ----------
    grading : Grading
        The grading of the coordinate ring (:func:`~lcnalg.algebra.grading.finest_grading`).
    degree : int
        The total degree.
    max_monomials : int, optional
        Overrides ``limits.max_monomials``.
    limits : Limits, optional
        Bounds (default ``Limits()``); ``max_monomials`` bounds the monomials of the degree.

    Returns
    -------
    dict
        Multidegree → monomials, each a sorted tuple of local variable indices (positions
        in ``grading.variables``), in ascending degrevlex order.

    Raises
    ------
    ResourceLimitError
        When the degree has more than ``max_monomials`` monomials.

    Examples
    --------
    >>> from lcnalg.algebra.grading import finest_grading
    >>> from lcnalg.parameterization import Parameterization
    >>> g = finest_grading(Parameterization("2,2 s=2"))
    >>> sorted(len(v) for v in pieces_of_degree(g, 2).values())
    [1, 1, 1, 1, 1, 1, 1, 1, 2]
    >>> pieces_of_degree(g, 2, max_monomials=5)
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: monomials of degree 2 in 4 coordinates estimated at 10, above the bound 5; to allow it, raise limits=Limits(max_monomials=...) (CLI: --max-monomials)
    """
    lim = Limits.coerce(limits, max_monomials=max_monomials)
    n = len(grading.variables)
    total = count_monomials(n, degree)
    lim.check("max_monomials", f"monomials of degree {degree} in {n} coordinates", total)
    degs = grading.degrees
    if degree == 0 or n == 0 or not degs or not degs[0] or grading.moduli:
        buckets: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
        for mono in itertools.combinations_with_replacement(range(n), degree):
            key = grading.reduce(tuple(sum(col) for col in zip(*(degs[i] for i in mono))))
            buckets.setdefault(key, []).append(mono)
        for key in buckets:
            buckets[key].sort(key=lambda m: _degrevlex_key(m, n))
        return buckets
    # vectorised: the monomials as rows of variable indices (ascending), their multidegrees,
    # one global sort (bucket of first appearance, then ascending degrevlex: for monomials of
    # one degree that is the reversed index tuple, descending)
    monos = np.fromiter(itertools.chain.from_iterable(itertools.combinations_with_replacement(range(n), degree)),
                        dtype=np.int64, count=total * degree).reshape(total, degree)
    keys = np.asarray(degs, dtype=np.int64)[monos].sum(axis=1)
    # one integer per multidegree (mixed radix over the ranges of its entries) when it fits
    low, span = keys.min(axis=0), keys.max(axis=0) - keys.min(axis=0) + 1
    if float(np.prod(span.astype(float))) < 2.0 ** 62:
        radix = np.concatenate([np.cumprod(span[::-1])[::-1][1:], [1]]).astype(np.int64)
        _, first, inverse = np.unique((keys - low) @ radix, return_index=True, return_inverse=True)
        uniq = keys[first]
    else:
        uniq, first, inverse = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    rank_of = np.empty(len(uniq), dtype=np.int64)
    rank_of[np.argsort(first, kind="stable")] = np.arange(len(uniq))
    bucket = rank_of[inverse]
    order = np.lexsort(tuple(-monos[:, t] for t in range(degree)) + (bucket,))
    bounds = np.flatnonzero(np.diff(bucket[order])) + 1
    ukeys = uniq[np.argsort(first, kind="stable")].tolist()
    out: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for key, chunk in zip(ukeys, np.split(order, bounds)):
        out[tuple(key)] = list(map(tuple, monos[chunk].tolist()))
    return out


def sample_image(mu: Any, count: int, modulus: int, seed: int) -> np.ndarray:
    """``count`` points ``μ(θ)`` modulo ``modulus``, θ uniform in ``GF(p)^N``.

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
        Draws the points (:meth:`~lcnalg.parameterization.Parameterization.sample_image`).
    count : int
        Number of points.
    modulus : int
        A prime below ``2^62`` (the monomials of :func:`~lcnalg.polys.modmat.evaluate_monomials`
        need one below ``2^50``).
    seed : int
        Seed of the random parameters.

    Returns
    -------
    numpy array of int64, shape ``(count, mu.ambient_dimension)``

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> sample_image(parameterize("2,2 r=2"), 1, 7, seed=0).shape
    (1, 5)
    """
    return mu.sample_image(count, modulus, seed)


class ImagePool:
    """``count`` points of the image of μ modulo a prime (:func:`sample_image`), each drawn
    when first read.

    The points are :meth:`~lcnalg.network_map.NetworkMap.image_points`: the first ``r`` of
    them are the sample of ``r`` points with the same seed, so reading a prefix gives the
    values the whole sample would have there and costs only the points read.  The
    interpolation keeps a pool per prime of a degree, sized for its largest graded piece,
    while most pieces read a few points of the first pool only (the rank of a piece is
    reached after its standard monomials plus a few points, and the further primes are read
    only to lift new equations).  The bound ``max_sample_entries`` on all ``count`` points is
    checked when the pool is made, as for :func:`sample_image`.

    Parameters
    ----------
    mu : NetworkMap
        Draws the points.
    count : int
        Number of points of the pool.
    modulus : int
        A prime below ``2^62``.
    seed : int
        Seed of the random parameters.
    columns : numpy array of int, optional
        The coordinates kept, in this order (default all).

    Examples
    --------
    >>> from lcnalg.parameterization import Parameterization
    >>> mu = Parameterization("2,2 s=2")
    >>> pool = ImagePool(mu, 5, 101, seed=1, columns=np.array([3, 0]))
    >>> pool.shape, pool.drawn
    ((5, 2), 0)
    >>> bool((pool[:2] == sample_image(mu, 5, 101, seed=1)[:2, [3, 0]]).all()), pool.drawn
    (True, 2)
    """

    def __init__(self, mu: Any, count: int, modulus: int, seed: int, columns: np.ndarray | None = None) -> None:
        self._points = mu.image_points(count, modulus, seed)
        self._count = count
        self._n = mu.ambient_dimension
        self._columns = columns
        width = self._n if columns is None else len(columns)
        self._rows = np.zeros((0, width), dtype=np.int64)
        self._lock = threading.Lock()  # a process pool's feeder thread may read it too (pickling)

    @property
    def shape(self) -> tuple[int, int]:
        """``(count, coordinates kept)``, as for the array of all the points."""
        return (self._count, self._rows.shape[1])

    @property
    def drawn(self) -> int:
        """How many points have been drawn so far."""
        return self._rows.shape[0]

    def head(self, rows: int) -> np.ndarray:
        """The first ``rows`` points (at most ``count``), drawing those not yet drawn."""
        rows = max(0, min(rows, self._count))
        with self._lock:
            if rows > self._rows.shape[0]:
                block = np.zeros((rows - self._rows.shape[0], self._n), dtype=np.int64)
                for row, values in zip(block, self._points):  # (the block first: no point drawn beyond it)
                    row[:len(values)] = values
                if self._columns is not None:
                    block = block[:, self._columns]
                self._rows = np.concatenate([self._rows, block]) if self._rows.shape[0] else block
            return self._rows[:rows]

    def full(self) -> np.ndarray:
        """All ``count`` points."""
        return self.head(self._count)

    def __getitem__(self, key: Any) -> np.ndarray:
        """``pool[:r]`` reads the first ``r`` points; any other index reads from all of them."""
        if (isinstance(key, slice) and key.start in (None, 0) and key.step in (None, 1)
                and (key.stop is None or key.stop >= 0)):
            return self.head(self._count if key.stop is None else key.stop)
        return self.full()[key]

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        return self.full() if dtype is None else self.full().astype(dtype)

    def __getstate__(self) -> dict:
        # a process pool receives every point (the generator does not travel)
        return {"rows": self.full(), "count": self._count}

    def __setstate__(self, state: dict) -> None:
        self._rows, self._count = state["rows"], state["count"]
        self._n, self._columns, self._points = self._rows.shape[1], None, iter(())
        self._lock = threading.Lock()


def integer_image(mu: Any, count: int, seed: int, bound: int = 1) -> np.ndarray:
    """``count`` points ``μ(θ)`` over the integers, θ uniform in ``{−bound, …, bound}^N``.

    The p-adic lifting of the interpolation (:mod:`lcnalg.polys.padic`) needs the values of the
    monomials at points of the image as exact integers of a few tens of bits: small parameters
    keep them small (``|μ(θ)|`` is at most the number of terms of a coordinate times
    ``bound^L``).  Their reductions modulo a prime are points of the image modulo that prime.

    Parameters
    ----------
    mu : NetworkMap
        Evaluates exactly (``mu.evaluate``).
    count : int
        Number of points.
    seed : int
        Seed of the random parameters.
    bound : int
        The parameters' largest absolute value.

    Returns
    -------
    numpy array of int64, shape ``(count, mu.ambient_dimension)``

    Examples
    --------
    >>> from lcnalg.parameterization import Parameterization
    >>> pts = integer_image(Parameterization("2,2 s=2"), 3, seed=1)
    >>> pts.shape, bool(np.abs(pts).max() <= 1)
    ((3, 4), True)
    """
    rng = random.Random(seed)
    n = mu.num_parameters
    out = np.zeros((count, mu.ambient_dimension), dtype=np.int64)
    for row in range(count):
        out[row] = [int(c) for c in mu.evaluate([rng.randint(-bound, bound) for _ in range(n)])]
    return out
