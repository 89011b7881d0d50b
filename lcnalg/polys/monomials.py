"""Monomial orders and small helpers on exponent tuples.

A monomial is an exponent tuple ``(e_1, ..., e_n)`` of non-negative integers.  Every order
gives an integer sort key (:meth:`MonomialOrder.key`): a larger key means a larger monomial,
so ``sorted(monos, key=order.key, reverse=True)`` lists monomials from the leading one down.

Orders provided
---------------
::

    degrevlex  total degree, ties broken by reverse lexicographic order (Singular dp).
    deglex     total degree, ties broken lexicographically (Singular Dp).
    lex        lexicographic with x_1 > x_2 > ... > x_n (Singular lp).
    weighted   weighted degree w . e, ties broken by degrevlex (Singular wp(w)).
    elimination a block order: the first block of variables >> the second >> ...;
                   inside a block, (weighted) degree of the block then reverse lexicographic
                   (Singular (dp(k), dp(n-k)), or (wp(w1), wp(w2)) with weights).

Examples
--------
>>> o = degrevlex()
>>> sorted([(1, 0, 1), (0, 2, 0), (2, 0, 0)], key=o.key, reverse=True)
[(2, 0, 0), (0, 2, 0), (1, 0, 1)]
>>> e = elimination(1)
>>> e.is_free_of_block({(0, 2): 1, (0, 0): -1})
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from lcnalg.errors import InputError

__all__ = [
    "MonomialOrder",
    "degrevlex",
    "deglex",
    "lex",
    "weighted",
    "elimination",
    "as_order",
    "monomial_degree",
    "divides",
    "monomial_lcm",
    "monomial_quotient",
]

_SHIFT = 64
_HALF = 1 << 63
_KINDS = ("degrevlex", "deglex", "lex", "weighted", "elimination")


def monomial_degree(exp: Sequence[int], weights: Sequence[int] | None = None) -> int:
    """(Weighted) degree of an exponent tuple.

    Parameters
    ----------
    exp : sequence of int
        The exponents.
    weights : sequence of int, optional
        Variable weights (default all 1).

    Returns
    -------
    int

    Examples
    --------
    >>> monomial_degree((1, 2)), monomial_degree((1, 2), (3, 1))
    (3, 5)
    """
    if weights is None:
        return sum(exp)
    return sum(a * w for a, w in zip(exp, weights))


def divides(a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether the monomial ``a`` divides ``b``.

    Examples
    --------
    >>> divides((1, 0), (2, 1)), divides((0, 2), (2, 1))
    (True, False)
    """
    return all(x <= y for x, y in zip(a, b))


def monomial_lcm(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    """Least common multiple of two monomials.

    Examples
    --------
    >>> monomial_lcm((1, 0, 2), (0, 3, 1))
    (1, 3, 2)
    """
    return tuple(max(x, y) for x, y in zip(a, b))


def monomial_quotient(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    """The monomial ``a / b`` (``b`` must divide ``a``).

    Raises
    ------
    InputError
        If ``b`` does not divide ``a``.

    Examples
    --------
    >>> monomial_quotient((2, 1), (1, 1))
    (1, 0)
    """
    q = tuple(x - y for x, y in zip(a, b))
    if any(v < 0 for v in q):
        raise InputError(f"monomial_quotient: {tuple(b)} does not divide {tuple(a)}")
    return q


def _fold(comps: Iterable[int]) -> int:
    k = 0
    for c in comps:
        k = (k << _SHIFT) | c
    return k


@dataclass(frozen=True)
class MonomialOrder:
    """A monomial order (see the module docstring for the kinds).

    Build orders with :func:`degrevlex`, :func:`deglex`, :func:`lex`, :func:`weighted`,
    :func:`elimination` or :func:`as_order`, rather than directly.

    Attributes
    ----------
    kind : str
        One of ``"degrevlex", "deglex", "lex", "weighted", "elimination"``.
    weights : tuple of int or None
        Positive variable weights (``weighted``; optional for ``elimination``).
    blocks : tuple of int or None
        For ``elimination``: sizes of the leading blocks; the remaining variables form
        the last block.

    Examples
    --------
    >>> o = weighted((1, 2))
    >>> o.key((2, 0)) < o.key((0, 1))
    False
    >>> o.compare((1, 0), (0, 1))
    -1
    """

    kind: str
    weights: tuple[int, ...] | None = None
    blocks: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        if self.kind not in _KINDS:
            raise InputError(f"order: unknown kind {self.kind!r}; use one of {_KINDS}")
        if self.weights is not None:
            if not all(isinstance(w, int) and w > 0 for w in self.weights):
                raise InputError("order weights: must be positive integers")
        if self.blocks is not None:
            if not all(isinstance(b, int) and b > 0 for b in self.blocks) or not self.blocks:
                raise InputError("elimination blocks: must be positive integers")

    # -- keys -------------------------------------------------------------------------
    def key(self, exp: Sequence[int]) -> int:
        """Integer sort key: ``key(a) > key(b)`` iff ``a > b`` in this order.

        Parameters
        ----------
        exp : sequence of int
            Exponent tuple (exponents below ``2**63``).

        Returns
        -------
        int

        Examples
        --------
        >>> lex().key((1, 0)) > lex().key((0, 5))
        True
        """
        kind = self.kind
        if kind == "degrevlex":
            return _fold([sum(exp), *[_HALF - e for e in reversed(exp)]])
        if kind == "deglex":
            return _fold([sum(exp), *exp])
        if kind == "lex":
            return _fold(exp)
        w = self.weights
        if kind == "weighted":
            if w is None or len(w) != len(exp):
                raise InputError(f"weighted order: {len(w or ())} weights for {len(exp)} variables")
            return _fold([sum(a * b for a, b in zip(exp, w)), *[_HALF - e for e in reversed(exp)]])
        # elimination
        comps: list[int] = []
        start = 0
        if w is not None and len(w) != len(exp):
            raise InputError(f"elimination order: {len(w)} weights for {len(exp)} variables")
        for stop in self._block_bounds(len(exp)):
            blk = exp[start:stop]
            if w is None:
                comps.append(sum(blk))
            else:
                comps.append(sum(a * b for a, b in zip(blk, w[start:stop])))
            comps.extend(_HALF - e for e in reversed(blk))
            start = stop
        return _fold(comps)

    def matrix(self, nvars: int) -> list[list[int]]:
        """The order as rows of linear forms: ``a > b`` iff ``(K a)`` is lexicographically
        larger than ``(K b)`` (the components of :meth:`key` without their constant offsets).

        Examples
        --------
        >>> degrevlex().matrix(3)
        [[1, 1, 1], [0, 0, -1], [0, -1, 0], [-1, 0, 0]]
        >>> o = elimination(1)
        >>> import itertools
        >>> mons = list(itertools.product(range(3), repeat=3))
        >>> K = o.matrix(3)
        >>> vec = lambda e: [sum(k * x for k, x in zip(row, e)) for row in K]
        >>> sorted(mons, key=o.key) == sorted(mons, key=vec)
        True
        """
        def unit(i: int, sign: int) -> list[int]:
            return [sign if j == i else 0 for j in range(nvars)]

        kind, w = self.kind, self.weights
        if kind in ("degrevlex", "weighted"):
            top = [1] * nvars if kind == "degrevlex" else list(w or ())
            if len(top) != nvars:
                raise InputError(f"weighted order: {len(top)} weights for {nvars} variables")
            return [top] + [unit(i, -1) for i in reversed(range(nvars))]
        if kind == "deglex":
            return [[1] * nvars] + [unit(i, 1) for i in range(nvars)]
        if kind == "lex":
            return [unit(i, 1) for i in range(nvars)]
        if w is not None and len(w) != nvars:
            raise InputError(f"elimination order: {len(w)} weights for {nvars} variables")
        rows: list[list[int]] = []
        start = 0
        for stop in self._block_bounds(nvars):
            rows.append([(1 if w is None else w[j]) if start <= j < stop else 0 for j in range(nvars)])
            rows.extend(unit(i, -1) for i in reversed(range(start, stop)))
            start = stop
        return rows

    def _block_bounds(self, nvars: int) -> list[int]:
        bounds: list[int] = []
        acc = 0
        for b in self.blocks or ():
            acc += b
            if acc >= nvars:
                break
            bounds.append(acc)
        bounds.append(nvars)
        return bounds

    def compare(self, a: Sequence[int], b: Sequence[int]) -> int:
        """Return 1, 0 or -1 as ``a > b``, ``a == b`` or ``a < b``.

        Examples
        --------
        >>> degrevlex().compare((1, 0, 1), (0, 2, 0))
        -1
        """
        ka, kb = self.key(a), self.key(b)
        return (ka > kb) - (ka < kb)

    def leading_monomial(self, poly: Mapping[tuple[int, ...], Any]) -> tuple[int, ...]:
        """Leading exponent of a polynomial given as ``{exponent: coefficient}``.

        Raises
        ------
        InputError
            For the zero polynomial.

        Examples
        --------
        >>> lex().leading_monomial({(0, 3): 1, (1, 0): 2})
        (1, 0)
        """
        mons = [m for m, c in poly.items() if c != 0]
        if not mons:
            raise InputError("leading_monomial: the zero polynomial has none")
        return max(mons, key=self.key)

    def sort_descending(self, monos: Iterable[Sequence[int]]) -> list[tuple[int, ...]]:
        """Monomials sorted from largest to smallest.

        Examples
        --------
        >>> deglex().sort_descending([(0, 1), (1, 1), (1, 0)])
        [(1, 1), (1, 0), (0, 1)]
        """
        return sorted((tuple(m) for m in monos), key=self.key, reverse=True)

    # -- structure --------------------------------------------------------------------
    def validate(self, nvars: int) -> None:
        """Raise :class:`InputError` unless the order makes sense for ``nvars`` variables.

        Examples
        --------
        >>> weighted((1, 2)).validate(2)
        """
        if self.weights is not None and len(self.weights) != nvars:
            raise InputError(f"order weights: {len(self.weights)} given for {nvars} variables")
        if self.kind == "elimination" and sum(self.blocks or ()) >= nvars + 1:
            raise InputError(f"elimination blocks {self.blocks}: must leave at most {nvars} variables")

    @property
    def eliminated(self) -> int:
        """Number of variables in the first block (0 unless an elimination order).

        Examples
        --------
        >>> elimination(2).eliminated
        2
        """
        return self.blocks[0] if self.kind == "elimination" and self.blocks else 0

    def eliminates(self, k: int) -> bool:
        """Whether the order eliminates the first ``k`` variables.

        True for ``lex`` (any ``k``), for ``k = 0``, and for block orders whose leading blocks
        add up to exactly ``k``.

        Examples
        --------
        >>> elimination((2, 1)).eliminates(3), elimination(2).eliminates(1)
        (True, False)
        """
        if k == 0 or self.kind == "lex":
            return True
        if self.kind != "elimination":
            return False
        acc = 0
        for b in self.blocks or ():
            acc += b
            if acc == k:
                return True
        return False

    def is_free_of_block(self, poly_or_exp: Any, block: int = 0) -> bool:
        """Whether a monomial or polynomial involves no variable of the given block.

        Parameters
        ----------
        poly_or_exp : tuple or mapping
            An exponent tuple, or a polynomial as ``{exponent: coefficient}``.
        block : int
            Index of the block (0 = the variables to eliminate first).

        Returns
        -------
        bool

        Raises
        ------
        InputError
            If the order is not an elimination order.

        Examples
        --------
        >>> elimination(2).is_free_of_block((0, 0, 3)), elimination(2).is_free_of_block((0, 1, 0))
        (True, False)
        """
        if self.kind != "elimination" or not self.blocks:
            raise InputError("is_free_of_block: only elimination orders have blocks")
        if block >= len(self.blocks) + 1 or block < 0:
            raise InputError(f"is_free_of_block: no block {block}")
        start = sum(self.blocks[:block])
        if isinstance(poly_or_exp, Mapping):
            exps = [m for m, c in poly_or_exp.items() if c != 0]
        else:
            exps = [tuple(poly_or_exp)]
        for e in exps:
            stop = start + self.blocks[block] if block < len(self.blocks) else len(e)
            if any(e[start:stop]):
                return False
        return True

    def is_degree_compatible(self, nvars: int) -> bool:
        """Whether ``deg a > deg b`` (standard degree) implies ``a > b``.

        Examples
        --------
        >>> degrevlex().is_degree_compatible(3), lex().is_degree_compatible(3)
        (True, False)
        """
        if self.kind in ("degrevlex", "deglex"):
            return True
        if self.kind == "weighted":
            return len(set(self.weights or ())) <= 1
        if self.kind == "lex" or self.kind == "elimination":
            return nvars <= 1 and self.kind == "lex"
        return False

    def __str__(self) -> str:
        if self.kind == "weighted":
            return f"weighted{self.weights}"
        if self.kind == "elimination":
            extra = f", weights={self.weights}" if self.weights else ""
            return f"elimination(blocks={self.blocks}{extra})"
        return self.kind


def degrevlex() -> MonomialOrder:
    """Graded reverse lexicographic order.

    Examples
    --------
    >>> degrevlex().kind
    'degrevlex'
    """
    return MonomialOrder("degrevlex")


def deglex() -> MonomialOrder:
    """Graded lexicographic order.

    Examples
    --------
    >>> deglex().kind
    'deglex'
    """
    return MonomialOrder("deglex")


def lex() -> MonomialOrder:
    """Lexicographic order ``x_1 > ... > x_n``.

    Examples
    --------
    >>> lex().kind
    'lex'
    """
    return MonomialOrder("lex")


def weighted(weights: Sequence[int]) -> MonomialOrder:
    """Weighted degree order, ties broken by degrevlex.

    Parameters
    ----------
    weights : sequence of positive int

    Raises
    ------
    InputError
        If a weight is not a positive integer.

    Examples
    --------
    >>> weighted([1, 1, 2]).weights
    (1, 1, 2)
    """
    try:
        w = tuple(int(x) for x in weights)
    except (TypeError, ValueError) as exc:
        raise InputError("weighted: weights must be positive integers") from exc
    return MonomialOrder("weighted", weights=w)


def elimination(blocks: int | Sequence[int], weights: Sequence[int] | None = None) -> MonomialOrder:
    """Block elimination order: first block ``>>`` second ``>>`` ... ``>>`` the rest.

    Parameters
    ----------
    blocks : int or sequence of int
        An int ``k``: eliminate the first ``k`` variables (blocks ``k`` and the rest).
        A sequence: sizes of the leading blocks; the remaining variables form the last block.
    weights : sequence of positive int, optional
        Variable weights used for the degree inside each block (one per variable).

    Returns
    -------
    MonomialOrder

    Raises
    ------
    InputError
        For non-positive block sizes or weights.

    Examples
    --------
    >>> o = elimination(1)
    >>> o.key((1, 0, 0)) > o.key((0, 5, 5))
    True
    """
    if isinstance(blocks, int):
        bl: tuple[int, ...] = (blocks,)
    else:
        try:
            bl = tuple(int(b) for b in blocks)
        except (TypeError, ValueError) as exc:
            raise InputError("elimination: blocks must be an int or a sequence of ints") from exc
    w = None if weights is None else tuple(int(x) for x in weights)
    return MonomialOrder("elimination", weights=w, blocks=bl)


_ALIASES = {
    "degrevlex": "degrevlex", "grevlex": "degrevlex", "dp": "degrevlex",
    "deglex": "deglex", "grlex": "deglex", "Dp": "deglex",
    "lex": "lex", "lp": "lex",
}


def as_order(spec: Any) -> MonomialOrder:
    """Turn an order specification (a name or a :class:`MonomialOrder`) into an order.

    Parameters
    ----------
    spec : str or MonomialOrder
        ``"degrevlex"`` (``"grevlex"``), ``"deglex"`` (``"grlex"``), ``"lex"``, or an order.

    Raises
    ------
    InputError
        For an unknown name or type.

    Examples
    --------
    >>> as_order("grevlex") == degrevlex()
    True
    """
    if isinstance(spec, MonomialOrder):
        return spec
    if isinstance(spec, str) and spec in _ALIASES:
        return MonomialOrder(_ALIASES[spec])
    raise InputError(
        f"order: {spec!r} not understood; use 'degrevlex', 'deglex', 'lex' or a MonomialOrder "
        "from weighted()/elimination()"
    )
