"""The critical pairs of the F4 engine, kept in arrays.

A pair ``(i, j)`` is stored with its degree, its lcm (packed, as the engine's monomials), the
exponent row of that lcm, one array per variable (column-major), and, for a run skipping by a
multigrading, the lcm's multidegree as one integer label.  The operations that touch every pair
are then array operations:

* the Gebauer--Möller test of the old pairs against a new leading monomial ``lead(h)``
  (:meth:`PairQueue.drop_chain`): a pair is dropped when ``lead(h)`` divides its lcm and that
  lcm differs from ``lcm(lead(i), lead(h))`` and from ``lcm(lead(j), lead(h))``; divisibility is
  tested on the support of ``lead(h)`` only (one comparison of one array per variable in it),
  the lcm equalities only on the few pairs it hits;
* the pairs of the lowest degree (:meth:`PairQueue.of_degree`), and the hundred of them with the
  smallest lcms when a degree has more (:meth:`PairQueue.smallest_of_degree`, ordered once per
  degree, by one sort of the order's linear forms on the lcms' rows when the queue has them);
* the pairs whose lcm lies in a multidegree already complete for the Hilbert function
  (:meth:`PairQueue.in_multidegrees`: one membership test of the labels).

Removed pairs are marked dead and the arrays are compacted once most of them are dead, so the
pairs keep the order in which they were added (the engine selects them in that order, or by
their lcms within a degree that takes several steps).

>>> q = PairQueue(2)
>>> q.add([3, 2], [0, 0], np.array([[2, 1], [1, 1]]), [0, 0], [1, 2])
>>> len(q), q.min_degree(), q.get(q.of_degree(2))
(2, 2, [[2, 0, 0, 2]])
>>> q.remove(q.of_degree(2)); len(q)
1
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np

from lcnalg.polys.groebner._packed import exact_product, lex_order

__all__ = ["PairQueue"]


class PairQueue:
    """Critical pairs ``[degree, lcm, i, j]`` of an F4 run in ``n`` variables (see the module
    docstring)."""

    def __init__(self, n: int, grading: np.ndarray | None = None, order: np.ndarray | None = None) -> None:
        self.n = n
        #: the multigrading (``r x n``): each pair's lcm multidegree is kept as one integer label,
        #: its entries the digits in base ``2^(62 // r)`` (:meth:`in_multidegrees`), while they fit
        self._A = None if grading is None else np.asarray(grading, dtype=np.int64).reshape(-1, n)
        r = 0 if self._A is None else len(self._A)
        self._base = 1 << (62 // r) if r else 0
        self._radix = np.array([self._base ** (r - 1 - k) for k in range(r)], dtype=np.int64) if r else None
        self._labelled = r > 0
        self._label = np.zeros(0, dtype=np.int64)
        #: the order as linear forms (``n x k``: ``E @ order`` sorts exponent rows ``E``
        #: lexicographically), for :meth:`smallest_of_degree`
        self._order = None if order is None else np.asarray(order, dtype=np.int64)
        self._size = 0  # slots used (dead ones included)
        self._alive_count = 0
        self._deg = np.zeros(0, dtype=np.int64)
        self._i = np.zeros(0, dtype=np.int64)
        self._j = np.zeros(0, dtype=np.int64)
        self._alive = np.zeros(0, dtype=bool)
        self._cols = np.zeros((n, 0), dtype=np.int64)  # the lcm exponents, one row per variable
        self._lcm: list[int] = []
        #: degree -> its pairs' slots in the order :meth:`smallest_of_degree` selects them (kept
        #: while the degree runs in several steps: its pairs are then only removed)
        self._plans: dict[int, np.ndarray] = {}

    def __len__(self) -> int:
        return self._alive_count

    def _grow(self, extra: int) -> None:
        need = self._size + extra
        cap = len(self._deg)
        if need <= cap:
            return
        cap = max(need, 2 * cap, 256)
        for name in ("_deg", "_i", "_j", "_alive", "_label"):
            old = getattr(self, name)
            new = np.zeros(cap, dtype=old.dtype)
            new[:self._size] = old[:self._size]
            setattr(self, name, new)
        cols = np.zeros((self.n, cap), dtype=np.int64)
        cols[:, :self._size] = self._cols[:, :self._size]
        self._cols = cols

    def add(self, degrees: Sequence[int], lcms: Sequence[int], rows: np.ndarray,
            i: Sequence[int], j: Sequence[int]) -> None:
        """Append pairs: their degrees, packed lcms, lcm exponent rows (``k x n``) and indices."""
        k = len(lcms)
        if not k:
            return
        self._grow(k)
        s, e = self._size, self._size + k
        self._deg[s:e] = degrees
        self._i[s:e] = i
        self._j[s:e] = j
        self._alive[s:e] = True
        self._cols[:, s:e] = np.asarray(rows, dtype=np.int64).T
        if self._labelled:
            md = exact_product(self._A, self._cols[:, s:e])
            if md.min() < 0 or md.max() >= self._base:
                self._labelled = False  # a multidegree beyond the digits: in_multidegrees computes them
            else:
                self._label[s:e] = self._radix @ md
        self._lcm.extend(lcms)
        self._size = e
        self._alive_count += k

    def min_degree(self) -> int:
        """The lowest degree of a pair (the queue must not be empty)."""
        n = self._size
        return int(self._deg[:n][self._alive[:n]].min())

    def of_degree(self, d: int) -> np.ndarray:
        """The slots of the pairs of degree ``d``, in the order they were added."""
        n = self._size
        return np.flatnonzero(self._alive[:n] & (self._deg[:n] == d))

    def smallest_of_degree(self, d: int, count: int, key: Callable[[int], Any]) -> np.ndarray:
        """The slots of the ``count`` pairs of degree ``d`` with the smallest lcms for ``key``
        (ties in the order they were added): the pairs a step of an F4 run takes when the degree
        has more; all of them, in the order they were added, when it has at most ``count``.
        The order of the degree's pairs is made once and kept for its later steps, which only
        remove pairs (it is made again if the pairs of the degree are not those it holds less
        the removed ones), so each step costs a filter, not a sort.

        Examples
        --------
        >>> q = PairQueue(1)
        >>> q.add([2, 2, 2], [5, 3, 4], np.zeros((3, 1)), [0, 0, 1], [1, 2, 2])
        >>> q.smallest_of_degree(2, 2, lambda m: m).tolist()   # lcms 3 and 4
        [1, 2]
        >>> q.remove([1])
        >>> q.smallest_of_degree(2, 2, lambda m: m).tolist()   # two left: as added
        [0, 2]

        The order survives a compaction of the slots (here after 2000 of 3000 pairs go):

        >>> q = PairQueue(1)
        >>> q.add([3] * 3000, [(7 * k) % 3001 for k in range(3000)], np.zeros((3000, 1)), [0] * 3000, [1] * 3000)
        >>> first = q.smallest_of_degree(3, 5, lambda m: m)
        >>> q.remove(first); q.remove(q.smallest_of_degree(3, 1995, lambda m: m))
        >>> len(q), q._size   # compacted
        (1000, 1000)
        >>> lcms = [q._lcm[k] for k in q.smallest_of_degree(3, 4, lambda m: m).tolist()]
        >>> lcms == sorted((7 * k) % 3001 for k in range(3000))[2000:2004]
        True

        Given the order's linear forms (``order=``), the plan is made by one lexicographic sort
        of the lcms' rows, the same as by ``key``:

        >>> from lcnalg.polys.monomials import degrevlex
        >>> rows = np.array([[2, 0, 1], [1, 1, 1], [0, 3, 0], [1, 0, 2], [1, 1, 1]])
        >>> a, b = PairQueue(3), PairQueue(3, order=np.array(degrevlex().matrix(3)).T)
        >>> for q in (a, b):
        ...     q.add([3] * 5, [0, 1, 2, 3, 4], rows, [0] * 5, [1] * 5)
        >>> a.smallest_of_degree(3, 4, lambda k: degrevlex().key(rows[k].tolist())).tolist()
        [3, 1, 4, 0]
        >>> b.smallest_of_degree(3, 4, None).tolist()
        [3, 1, 4, 0]
        """
        slots = self.of_degree(d)
        if slots.size <= count:  # all of them, in the order they were added
            self._plans.pop(d, None)
            return slots
        plan = self._plans.get(d)
        if plan is not None:
            plan = plan[self._alive[plan]]
            if plan.size != slots.size:
                plan = None
        if plan is None:
            if self._order is not None:  # the order's linear forms, compared lexicographically
                plan = slots[lex_order(exact_product(self._cols[:, slots].T, self._order))]
            else:
                lcm = self._lcm
                keys = [key(lcm[k]) for k in slots.tolist()]
                plan = slots[sorted(range(len(keys)), key=keys.__getitem__)]
        self._plans[d] = plan
        return plan[:count]

    def alive(self) -> np.ndarray:
        """The slots of all pairs, in the order they were added."""
        return np.flatnonzero(self._alive[:self._size])

    def get(self, slots: np.ndarray) -> list[list[int]]:
        """The pairs ``[degree, lcm, i, j]`` in ``slots``."""
        s = slots.tolist() if isinstance(slots, np.ndarray) else list(slots)
        lcm = self._lcm
        return [[d, lcm[k], a, b] for k, d, a, b in
                zip(s, self._deg[s].tolist(), self._i[s].tolist(), self._j[s].tolist())]

    def multidegrees(self, slots: np.ndarray, A: np.ndarray) -> list[tuple[int, ...]]:
        """The multidegrees of the lcms of the pairs in ``slots`` for the grading ``A``
        (``r x n``: one row per grading)."""
        return list(map(tuple, (A @ self._cols[:, slots]).T.tolist()))

    def in_multidegrees(self, slots: np.ndarray, multidegrees: set[tuple[int, ...]]) -> np.ndarray:
        """Whether the lcm of each pair in ``slots`` has one of ``multidegrees`` for the grading
        the queue was made with (a boolean array); on the labels kept since :meth:`add`.

        Examples
        --------
        >>> q = PairQueue(2, grading=np.array([[1, 0], [0, 1]]))
        >>> q.add([2, 2, 2], [0, 0, 0], np.array([[2, 0], [1, 1], [0, 2]]), [0, 0, 1], [1, 2, 2])
        >>> q.in_multidegrees(q.alive(), {(1, 1), (0, 2)}).tolist()
        [False, True, True]

        A multidegree beyond the digits (here ``2^31`` with two gradings) stops the labels; the
        multidegrees are then computed from the lcms:

        >>> q.add([2 ** 31], [0], np.array([[2 ** 31, 0]]), [1], [2])
        >>> q.in_multidegrees(q.alive(), {(0, 2), (2 ** 31, 0)}).tolist()
        [False, False, True, True]
        """
        if self._A is None:
            raise ValueError("in_multidegrees: the queue has no grading")
        if not self._labelled:
            return np.array([a in multidegrees for a in self.multidegrees(slots, self._A)], dtype=bool)
        r, base = len(self._A), self._base
        wanted = [a for a in multidegrees if len(a) == r and all(0 <= x < base for x in a)]
        if not wanted:
            return np.zeros(len(slots), dtype=bool)
        return np.isin(self._label[slots], np.array(wanted, dtype=np.int64) @ self._radix)

    def remove(self, slots: np.ndarray | Sequence[int]) -> None:
        """Drop the pairs in ``slots`` (alive, distinct)."""
        s = np.asarray(slots, dtype=np.int64)
        if not s.size:
            return
        self._alive[s] = False
        self._alive_count -= int(s.size)
        if self._size > 1024 and self._alive_count * 2 < self._size:
            self._compact()

    def _compact(self) -> None:
        keep = np.flatnonzero(self._alive[:self._size])
        self._deg[:keep.size] = self._deg[keep]
        self._i[:keep.size] = self._i[keep]
        self._j[:keep.size] = self._j[keep]
        self._cols[:, :keep.size] = self._cols[:, keep]
        self._label[:keep.size] = self._label[keep]
        self._alive[:keep.size] = True
        self._alive[keep.size:self._size] = False
        lcm = self._lcm
        self._lcm = [lcm[k] for k in keep.tolist()]
        if self._plans:  # the kept orders follow their pairs to the new slots
            moved = np.full(self._size, -1, dtype=np.int64)
            moved[keep] = np.arange(keep.size)
            for d, plan in list(self._plans.items()):
                plan = moved[plan]
                self._plans[d] = plan[plan >= 0]
        self._size = int(keep.size)

    def drop_chain(self, eh: np.ndarray, lead_rows: np.ndarray) -> None:
        """The Gebauer--Möller test of the old pairs against a new leading monomial with
        exponent row ``eh`` (``lead_rows[k]`` the exponent row of ``lead(k)``): drop a pair
        when ``lead(h)`` divides its lcm ``L`` and ``L`` differs from ``max(lead(i), eh)`` and
        from ``max(lead(j), eh)``."""
        n = self._size
        if not self._alive_count:
            return
        hit = self._alive[:n].copy()
        for v in np.flatnonzero(eh).tolist():
            hit &= self._cols[v, :n] >= eh[v]
        slots = np.flatnonzero(hit)
        if not slots.size:
            return
        L = self._cols[:, slots].T
        Ei, Ej = lead_rows[self._i[slots]], lead_rows[self._j[slots]]
        same = (np.maximum(Ei, eh) == L).all(axis=1) | (np.maximum(Ej, eh) == L).all(axis=1)
        self.remove(slots[~same])
