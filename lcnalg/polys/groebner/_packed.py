"""Packed monomials: exponent tuples packed into ints, with cached keys and degrees."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from lcnalg.errors import InputError

__all__ = ["Exp", "Poly", "FIELD", "Packer", "exact_product", "lex_order"]

FIELD = 20  # bits per packed exponent field (one guard bit): exponents < 2**19
CHUNK = 1 << 14  # monomials unpacked at once by :meth:`Packer.unpack_many`

Exp = tuple[int, ...]


# ----------------------------------------------------------------------------------------
# packed monomials
# ----------------------------------------------------------------------------------------
class Packer:
    """Exponent tuples packed into ints, ``FIELD`` bits per variable (top bit = guard)."""

    def __init__(self, n: int, weights: Sequence[int], key: Callable[[Exp], int],
                 multigrading: Sequence[Sequence[int]] = (),
                 order_rows: Sequence[Sequence[int]] | None = None) -> None:
        self.n = n
        #: the order as linear forms (:meth:`~lcnalg.polys.monomials.MonomialOrder.matrix`), as an
        #: ``n x k`` int64 array (``E @ order_cols`` sorts exponent rows ``E``), or None
        self.order_cols = (None if order_rows is None
                           else np.array(order_rows, dtype=np.int64).reshape(-1, n).T.copy())
        #: the multigrading as an ``n x r`` int64 array
        self.grading_cols = np.array(multigrading, dtype=np.int64).reshape(-1, n).T.copy()
        self.w = tuple(weights)
        s = FIELD
        self.fmask = (1 << (s - 1)) - 1
        self.guard = sum(1 << (i * s + s - 1) for i in range(n))
        self.allf = self.fmask * sum(1 << (i * s) for i in range(n))
        self.shifts = [i * s for i in range(n)]
        self._key = key
        self._kc: dict[int, int] = {}
        self._dc: dict[int, int] = {}

    def pack(self, e: Sequence[int]) -> int:
        m = 0
        for a, sh in zip(e, self.shifts):
            if a < 0 or a > self.fmask:
                raise InputError(f"exponent {a} out of range (0..{self.fmask})")
            m |= a << sh
        return m

    def unpack_many(self, ms: Sequence[int]) -> np.ndarray:
        """The exponent rows of packed monomials, as a ``len(ms) x n`` int64 array.

        >>> pk = Packer(3, (1, 1, 1), sum)
        >>> pk.unpack_many([pk.pack((1, 2, 3)), pk.pack((0, 5, 0))]).tolist()
        [[1, 2, 3], [0, 5, 0]]
        """
        n = self.n
        # field i starts at bit FIELD i, in byte FIELD i // 8 at bit FIELD i % 8 (0 or 4 for
        # FIELD = 20): the three bytes from there hold its FIELD - 1 exponent bits (4 + 19 <= 24;
        # the guard bit is masked off); two spare bytes pad the last field
        nb = (n * FIELD + 7) // 8 + 2
        out = np.empty((len(ms), n), dtype=np.int64)
        start = np.arange(n, dtype=np.int64) * FIELD
        byte, shift = start // 8, (start % 8).astype(np.uint32)
        for a in range(0, len(ms), CHUNK):
            part = ms[a:a + CHUNK]
            raw = np.frombuffer(b"".join(m.to_bytes(nb, "little") for m in part),
                                dtype=np.uint8).reshape(len(part), nb).astype(np.uint32)
            v = raw[:, byte] | (raw[:, byte + 1] << 8) | (raw[:, byte + 2] << 16)
            out[a:a + len(part)] = (v >> shift) & self.fmask
        return out

    def unpack(self, m: int) -> Exp:
        f = self.fmask
        return tuple((m >> sh) & f for sh in self.shifts)

    def divides(self, a: int, b: int) -> bool:
        g = self.guard
        return ((b | g) - a) & g == g

    def lcm(self, a: int, b: int) -> int:
        d = ((b | self.guard) - a) & self.guard
        mask = (d >> (FIELD - 1)) * self.fmask
        return (b & mask) | (a & ~mask & self.allf)

    def key(self, m: int) -> int:
        k = self._kc.get(m)
        if k is None:
            k = self._key(self.unpack(m))
            self._kc[m] = k
        return k

    def deg(self, m: int) -> int:
        d = self._dc.get(m)
        if d is None:
            d = sum(a * b for a, b in zip(self.unpack(m), self.w))
            self._dc[m] = d
        return d


# a polynomial inside the engine: (mons, coefs), mons packed and sorted descending
Poly = tuple[list[int], list[Any]]


# ----------------------------------------------------------------------------------------
# exponent rows: products with small integer matrices, lexicographic order
# ----------------------------------------------------------------------------------------
def exact_product(E: np.ndarray, K: np.ndarray) -> np.ndarray:
    """``E @ K`` for int64 arrays, by a float64 (BLAS) product when no sum can reach ``2^53``
    (then every partial sum is an exact integer), else in int64; numpy's int64 product has no
    BLAS and is about ten times slower on the exponent rows of a step.

    >>> exact_product(np.array([[1, 2], [3, 4]]), np.array([[1, 0, -1], [0, 1, 1]])).tolist()
    [[1, 2, 1], [3, 4, 1]]
    """
    if E.size and K.size and float(np.abs(E).max()) * float(np.abs(K).sum(axis=0).max()) < 2.0 ** 53:
        return (E.astype(np.float64) @ K.astype(np.float64)).astype(np.int64)
    return np.asarray(E, dtype=np.int64) @ np.asarray(K, dtype=np.int64)


def lex_order(V: np.ndarray) -> np.ndarray:
    """The stable permutation sorting the rows of the integer array ``V`` lexicographically
    (first column most significant, ascending; equal rows keep their order).

    With every column's range below ``2^16`` (exponents, and the order's forms on them), each
    row is read as a string of one or two big-endian bytes per column, whose byte order is the
    lexicographic one: one stable sort of those strings.  Otherwise consecutive columns are
    read as one integer in the mixed radix of their ranges (an order-preserving injection) for
    as long as it fits in 62 bits, so the sort has a few keys instead of one per column;
    constant columns are dropped.

    >>> lex_order(np.array([[2, 1, 7], [0, 5, 7], [2, 0, 7], [0, 5, 7]])).tolist()
    [1, 3, 2, 0]

    The same permutation as numpy's stable ``lexsort`` with one key per column, on small
    columns (one packed key) and on wide ones (several):

    >>> rng = np.random.default_rng(1)
    >>> W = rng.integers(0, 2 ** 40, (400, 5))
    >>> for V in (rng.integers(-3, 4, (400, 12)), rng.integers(-900, 900, (400, 12)), np.vstack([W, W[:50]])):
    ...     print((lex_order(V) == np.lexsort(tuple(V[:, k] for k in reversed(range(V.shape[1]))))).all())
    True
    True
    True
    """
    if not len(V) or not V.shape[1]:
        return np.arange(len(V))
    lo = V.min(axis=0)
    shifted = V - lo
    width = int(shifted.max())
    if width < 1 << 16:  # each row as a string of bytes, one or two (big-endian) per column
        B = np.ascontiguousarray(shifted.astype(np.uint8 if width < 1 << 8 else np.dtype(">u2")))
        return np.argsort(B.view(np.dtype((np.void, B.shape[1] * B.itemsize))).ravel(), kind="stable")
    span = (shifted.max(axis=0) + 1).tolist()
    groups: list[tuple[list[int], list[int]]] = []  # (columns, their place values)
    cap = 1 << 62
    for c, s in enumerate(span):
        if s == 1:
            continue
        if cap * s >= 1 << 62:
            groups.append(([], []))
            cap = 1
        cols, place = groups[-1]
        place[:] = [x * s for x in place]
        cols.append(c)
        place.append(1)
        cap *= s
    if not groups:
        return np.arange(len(V))
    keys = [shifted[:, cols] @ np.array(place, dtype=np.int64) for cols, place in groups]
    if len(keys) == 1:
        return np.argsort(keys[0], kind="stable")
    return np.lexsort(tuple(reversed(keys)))
