"""Packed monomials: exponent tuples packed into ints, with cached keys and degrees."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from lcnalg.errors import InputError

__all__ = ["Exp", "Poly", "FIELD", "Packer"]

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
