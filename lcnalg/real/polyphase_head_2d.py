"""2D membership with layers ``1..k`` at stride one and the others at one stride: blocks of the polyphase gcd
(docs/theory.md#polyphase-head-2d).

Architecture: a 2D linear one-channel architecture whose layers ``1..k`` (boxes ``n_1, …, n_k``)
sit at cumulative stride ``(1, 1)`` and whose layers ``k+1, …, L`` (boxes ``m_{k+1}, …, m_L``) all
sit at one cumulative stride ``(a, b) ≠ (1, 1)``, e.g. ``2x2,2x2,2x2 s=1x1,2x1``.  ``k = 1`` is the
family of :mod:`lcnalg.real.polyphase_2d`, which this route also decides (the tests compare).

**Structure.**  ``P ∈ M`` iff ``P = A · Q(x^a, y^b)`` with ``A`` in the stride-one function space
``M_A`` of the boxes ``n_1..n_k`` and ``Q`` in the stride-one function space ``M_B`` of the boxes
``m_{k+1}..m_L`` in ``u = x^a, v = y^b``.  ``Q(x^a, y^b) | P`` iff ``Q | G``, ``G`` the gcd of the
polyphase components of ``P``.  So a real ``Q`` is a real constant times ``Π_f f^{c_f}``,
``0 ≤ c_f ≤ e_f``, over the distinct real irreducible factors ``f`` of ``G`` (exponents ``e_f``).

**Blocks.**  For such ``f`` (not ``u``, ``v``), ``f(x^a, y^b)`` is squarefree and the product of a
set ``B_f`` of real irreducible factors of ``P`` (its *block*); blocks of distinct ``f`` are
disjoint, and every product of factors of ``G(x^a, y^b)`` lying in ``R[x^a, y^b]`` is a product of
whole blocks.  The blocks are found from the real irreducible factors of ``G(x^a, y^b)`` by the
exact lattice test of :func:`lcnalg.real.planar_real.lattice_blocks`; ``u`` gives the block
``x^a`` (``R(1,0)`` ``a`` times) and ``v`` likewise.  Real bidegree of ``f`` = bidegree of its
block divided by ``(a, b)``.

**Membership.**  The pattern of ``A = P / Q(x^a, y^b)`` (multiset of real factor types, docs/theory.md#factorization-patterns)
is that of ``P`` minus ``Σ c_f ·`` (the types of the block of ``f``).  ``P ∈ M`` iff for some
``c``: the real bidegrees of ``Q`` can all be shared out among the boxes ``m_l`` and the real
bidegrees of ``A`` among the boxes ``n_l`` (:func:`~lcnalg.real.polyphase_2d.share_bidegrees`).
Exhaustive over ``c``: exact, no undecided case.

**V(R).**  Over ``C`` the same holds with absolute factors.  For a Q-irreducible factor ``g`` of
``G`` with ``r`` absolute factors ``h_σ`` (Galois conjugate), ``h_σ(x^a, y^b) = σ(h(x^a, y^b))``,
so every ``h_σ(x^a, y^b)`` has the same bidegrees of absolute factors: those of
``g(x^a, y^b)`` divided by ``r``.  So ``P ∈ V(R)`` is decided from factorizations over Q and the
bidegrees of absolute factors alone (no lattice test).

**Any strides, level by level** (:func:`levels_member`).  With several cumulative strides after the
layers at stride one, ``P = A · R(x^a, y^b)`` with ``R`` in the function space of the later layers
(strides relative to ``(a, b)``); the products ``R`` of Q-irreducible factors of ``G`` are tried,
recursively, which is exact when every Q-irreducible factor met stays irreducible over R (the
blocks above are not yet linked to the real factors of ``G`` needed one level down).  A level
with one stride after the layers at stride one is decided by :func:`head_member`.
"""

from __future__ import annotations

import math
from fractions import Fraction
from dataclasses import dataclass
from typing import Any, Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits
from lcnalg.polys.bivariate import absolutely_irreducible_certificate
from lcnalg.real.membership import parse_filter
from lcnalg.real.patterns import FactorType, factor_types, pattern_table
from lcnalg.real.planar_real import lattice_blocks
from lcnalg.real.polyphase_2d import (Polyphase2DShape, absolute_items, polyphase_2d_member, polyphase_2d_shape,
                                      polyphase_gcd_2d, real_items, share_bidegrees)
from lcnalg.rings import integer_ring

__all__ = ["Head2DShape", "head_2d_shape", "GcdBlock", "HeadMembership", "head_member", "gcd_blocks",
           "LevelsMembership", "levels_member"]

Box = tuple[int, int]


@dataclass(frozen=True)
class Head2DShape:
    """The shape of a 2D architecture with layers ``1..k`` at stride one and the others at one stride.

    Attributes
    ----------
    head_boxes : tuple of (int, int)
        ``n_1, …, n_k``, the boxes of the layers at stride ``(1, 1)``.
    strides : (int, int)
        ``(a, b)``, the cumulative stride of layers ``k+1..L``.
    boxes : tuple of (int, int)
        ``m_{k+1}, …, m_L`` (bidegrees in ``u = x^a, v = y^b``).
    total : (int, int)
        The end-to-end box ``Σ n_l + (a, b)·Σ m_l``.
    """

    head_boxes: tuple[Box, ...]
    strides: Box
    boxes: tuple[Box, ...]
    total: Box


def head_2d_shape(arch: Architecture | str) -> Head2DShape | None:
    """The shape when layers ``1..k`` (``k ≥ 1``) sit at stride ``(1, 1)`` and layers ``k+1..L``
    (at least one) at one stride ``(a, b) ≠ (1, 1)``; else None.

    Parameters
    ----------
    arch : Architecture or str

    Returns
    -------
    Head2DShape or None
        None for anything else (other dimensions, activations, channels, unparsable input).

    Examples
    --------
    >>> head_2d_shape("2x2,2x2,2x2 s=1x1,2x1")
    Head2DShape(head_boxes=((1, 1), (1, 1)), strides=(2, 1), boxes=((1, 1),), total=(4, 3))
    >>> head_2d_shape("2x2,2x2") is None, head_2d_shape("2x2,2x2,2x2 s=2x1,2x1") is None
    (True, True)
    """
    arch = Architecture.coerce(arch)
    if (not isinstance(arch, Architecture) or arch.ndim != 2 or arch.activation is not None
            or arch.channels is not None or arch.num_layers < 2):
        return None
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    k = next((i for i, t in enumerate(ts) if t != (1, 1)), len(ts))
    if k == len(ts) or any(t != ts[k] for t in ts[k:]):
        return None
    boxes = tuple((f[0] - 1, f[1] - 1) for f in arch.filters)
    a, b = ts[k]
    total = (sum(n[0] for n in boxes[:k]) + a * sum(n[0] for n in boxes[k:]),
             sum(n[1] for n in boxes[:k]) + b * sum(n[1] for n in boxes[k:]))
    return Head2DShape(boxes[:k], (a, b), boxes[k:], total)


@dataclass(frozen=True)
class GcdBlock:
    """One distinct real irreducible factor ``f`` of the polyphase gcd ``G`` and its block.

    Attributes
    ----------
    size : (int, int)
        The real bidegree of ``f`` in ``(u, v)`` (a pair ``h h̄`` counts ``2 deg h``).
    split : tuple of (FactorType, int)
        The real factor types of ``f(x^a, y^b)`` in ``(x, y)`` with their counts.
    exponent : int
        ``e_f``, the exponent of ``f`` in ``G``.
    """

    size: Box
    split: tuple[tuple[FactorType, int], ...]
    exponent: int


def _poly(ctx: Any, d: dict) -> Any:
    return ctx.from_dict(d) if d else ctx.from_dict({(0, 0): 1})


def _substitute(g: Any, a: int, b: int) -> Any:
    """``g(x^a, y^b)`` in ``Z[x, y]``."""
    return integer_ring(("x", "y")).from_dict({(int(m[0]) * a, int(m[1]) * b): int(c) for m, c in g.terms()})


def _counts(factors: Sequence[tuple[FactorType, int]]) -> dict:
    out: dict = {}
    for t, e in factors:
        out[t] = out.get(t, 0) + e
    return out


def gcd_blocks(g: dict, strides: Box, limits: Limits | None = None) -> tuple[GcdBlock, ...]:
    """The blocks of the distinct real irreducible factors of ``G`` (module docstring).

    Parameters
    ----------
    g : dict
        ``G ∈ Z[u, v]`` as ``{(i, j): c}``, nonzero.
    strides : (int, int)
        ``(a, b)``.
    limits : Limits, optional
        ``max_nodes`` (sets tried), ``max_field_work`` (absolute factorizations), ``max_precision``
        (exact zero tests of off-lattice coefficients).

    Returns
    -------
    tuple of GcdBlock

    Raises
    ------
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> [(b.size, b.split) for b in gcd_blocks({(2, 0): 1, (0, 0): -2}, (2, 1))]   # u^2 - 2, u = x^2
    [((1, 0), ((('C', 1, 0), 1),)), ((1, 0), ((('R', 1, 0), 2),))]
    >>> [(b.size, b.split, b.exponent) for b in gcd_blocks({(1, 0): 1}, (2, 1))]     # u = x^2
    [((1, 0), ((('R', 1, 0), 2),), 1)]
    """
    limits = Limits.coerce(limits)
    a, b = strides
    i0 = min(m[0] for m in g)
    j0 = min(m[1] for m in g)
    out = []
    if i0:
        out.append(GcdBlock((1, 0), ((("R", 1, 0), a),), i0))
    if j0:
        out.append(GcdBlock((0, 1), ((("R", 0, 1), b),), j0))
    rest = {(i - i0, j - j0): c for (i, j), c in g.items()}
    if len(rest) == 1:
        return tuple(sorted(out, key=lambda blk: (blk.size, blk.split, blk.exponent)))
    ctx = integer_ring(("u", "v"))
    _, fac = _substitute(ctx.from_dict(rest), a, b).factor()
    atoms = [(f, int(e)) for f, e in fac]
    certs = [absolutely_irreducible_certificate(f) for f, _ in atoms]
    items, mult, blocks = lattice_blocks(atoms, certs, a, b, limits)
    types: list = []
    for src, (f, _) in enumerate(atoms):
        ks = [k for k, r in enumerate(items) if r.source == src]
        if len(ks) == 1:
            types.append(factor_types(f, limits)[0][0])
            continue
        for k in ks:
            r = items[k]
            types.append(("R",) + r.bidegree if r.kind == "real" else ("C", r.bidegree[0] // 2, r.bidegree[1] // 2))
    for blk in blocks:
        dx = sum(items[k].bidegree[0] for k in blk)
        dy = sum(items[k].bidegree[1] for k in blk)
        split = tuple(sorted(_counts([(types[k], 1) for k in blk]).items()))
        out.append(GcdBlock((dx // a, dy // b), split, mult[blk[0]]))
    return tuple(sorted(out, key=lambda blk: (blk.size, blk.split, blk.exponent)))


@dataclass(frozen=True)
class HeadMembership:
    """The decision of :func:`head_member`.

    Attributes
    ----------
    in_function_space : bool
        ``P ∈ M``.
    in_v : bool
        ``P ∈ V(R)``.
    degree : (int, int)
        ``deg P`` (``(0, 0)`` for the zero filter).
    gcd : dict
        ``G`` in ``Z[u, v]`` (empty for the zero filter).
    blocks : tuple of GcdBlock
        The distinct real irreducible factors of ``G`` with their blocks.
    choice : tuple of int or None
        ``c_f`` per block of a real factorization (``Q = Π f^{c_f}``), or None.
    """

    in_function_space: bool
    in_v: bool
    degree: Box
    gcd: dict
    blocks: tuple[GcdBlock, ...]
    choice: tuple[int, ...] | None


def _full(items: list[tuple[Box, int]], boxes: Sequence[Box], budget: Budget) -> bool:
    """Can all of ``items`` be shared out among ``boxes``?"""
    items = [(d, c) for d, c in items if c > 0]
    total = (sum(d[0] * c for d, c in items), sum(d[1] * c for d, c in items))
    return share_bidegrees(items, boxes, total, budget) is not None


def _choices(bounds: Sequence[int]) -> Any:
    if not bounds:
        yield ()
        return
    for c in range(bounds[0] + 1):
        for rest in _choices(bounds[1:]):
            yield (c,) + rest


def _real_choice(shape: Head2DShape, p_counts: dict, blocks: Sequence[GcdBlock], budget: Budget
                 ) -> tuple[int, ...] | None:
    for c in _choices([blk.exponent for blk in blocks]):
        budget.spend()
        q_items: dict = {}
        a_counts = dict(p_counts)
        for blk, n in zip(blocks, c):
            if n:
                q_items[blk.size] = q_items.get(blk.size, 0) + n
                for t, m in blk.split:
                    a_counts[t] = a_counts.get(t, 0) - n * m
        if any(v < 0 for v in a_counts.values()):       # pragma: no cover - blocks divide P
            raise AssertionError("a block does not divide P")
        if (_full(sorted(q_items.items()), shape.boxes, budget)
                and _full(real_items(list(a_counts.items())), shape.head_boxes, budget)):
            return c
    return None


def _in_v(shape: Head2DShape, P: Any, G: Any, limits: Limits, budget: Budget) -> bool:
    a, b = shape.strides
    p_abs = dict(absolute_items(factor_types(P, limits)))
    _, gfac = G.factor()
    atoms = []
    for g, e in gfac:
        own = absolute_items(factor_types(g, limits))
        (d, r), = own                                       # r Galois-conjugate absolute factors of bidegree d
        split = absolute_items(factor_types(_substitute(g, a, b), limits))
        atoms.append((d, r * int(e), [(s, n // r) for s, n in split]))
    for c in _choices([n for _, n, _ in atoms]):
        budget.spend()
        q_items: dict = {}
        left = dict(p_abs)
        for (d, _, split), n in zip(atoms, c):
            if n:
                q_items[d] = q_items.get(d, 0) + n
                for s, m in split:
                    left[s] = left.get(s, 0) - n * m
        if (_full(sorted(q_items.items()), shape.boxes, budget)
                and _full(sorted(left.items()), shape.head_boxes, budget)):
            return True
    return False


def head_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None) -> HeadMembership:
    """Decide ``P ∈ M`` and ``P ∈ V(R)`` by the blocks of the polyphase gcd (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        Layers ``1..k`` at stride ``(1, 1)``, the others at one stride ``(a, b) ≠ (1, 1)``.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_nodes`` (the choices ``c``, the sharing searches, the sets tried for the blocks),
        ``max_field_work`` (absolute factorizations), ``max_precision`` (exact zero tests).

    Returns
    -------
    HeadMembership

    Raises
    ------
    InputError
        When the architecture has another shape, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    References
    ----------
    docs/theory.md#polyphase-head-2d (the theorem and its proof).

    Examples
    --------
    >>> p = [0] * 20; p[0] = p[2] = 1                      # 1 + y^2 = (y + i)(y - i): two complex layers
    >>> r = head_member("2x2,2x2,2x2 s=1x1,2x1", p); r.in_function_space, r.in_v
    (False, True)
    >>> p = [0] * 20; p[0] = 1; p[8] = -2; p[16] = 1       # (x^2 - 1)^2: A = x^2 - 1, Q = u - 1
    >>> r = head_member("2x2,2x2,2x2 s=1x1,2x1", p); r.in_function_space, r.choice
    (True, (1,))
    """
    shape = head_2d_shape(arch)
    if shape is None:
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the polyphase-block route needs a 2D linear "
                         "one-channel architecture with layers 1..k at stride 1x1 and the others at one stride "
                         "(e.g. 2x2,2x2,2x2 s=1x1,2x1)")
    limits = Limits.coerce(limits)
    arch = Architecture.coerce(arch)
    values = parse_filter(values, arch, limits=limits)
    if all(v == 0 for v in values):
        return HeadMembership(True, True, (0, 0), {}, (), ())
    a, b = shape.strides
    g, deg = polyphase_gcd_2d(values, Polyphase2DShape((0, 0), (a, b), (), shape.total))
    den = math.lcm(*(v.denominator for v in values))
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    P = integer_ring(("x", "y")).from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx)
                                            for j in range(ny) if values[i * ny + j] != 0})
    blocks = gcd_blocks(g, (a, b), limits)
    budget = limits.budget("max_nodes", "choices of divisors of the polyphase gcd and their sharing searches")
    p_counts = _counts(factor_types(P, limits))
    choice = _real_choice(shape, p_counts, blocks, budget)
    in_v = choice is not None or _in_v(shape, P, _poly(integer_ring(("u", "v")), g), limits, budget)
    return HeadMembership(choice is not None, in_v, deg, g, blocks, choice)


# ------------------------------------------------------------------ any strides: level by level
@dataclass(frozen=True)
class LevelsMembership:
    """The decision of :func:`levels_member`.

    Attributes
    ----------
    in_function_space : bool or None
        ``P ∈ M``; None when not decided by this route (a Q-irreducible factor of a polyphase gcd
        splits over R and no rational divisor gives a factorization).
    reason : str
    """

    in_function_space: bool | None
    reason: str


def _values(poly: Any, shape: Sequence[int]) -> list[Fraction] | None:
    """``poly`` (FLINT, two variables) as a flat row-major filter of ``shape``, or None when it does not fit."""
    terms = {(int(m[0]), int(m[1])): int(c) for m, c in poly.terms()}
    if any(i >= shape[0] or j >= shape[1] for i, j in terms):
        return None
    return [Fraction(terms.get((i, j), 0)) for i in range(shape[0]) for j in range(shape[1])]


def levels_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None) -> LevelsMembership:
    """``P ∈ M`` for a 2D linear one-channel architecture with any strides, level by level (docs/theory.md#polyphase-2d).

    Let layers ``1..k`` sit at stride ``(1, 1)`` and layer ``k + 1`` at ``(a, b)``.  Then
    ``P = A · R(x^a, y^b)`` with ``A`` in the stride-one function space of layers ``1..k`` and ``R`` in
    the function space of layers ``k+1..L`` (strides relative to ``(a, b)``), and ``R(x^a, y^b) | P``
    iff ``R | G``, the gcd of the polyphase components.  Every product ``R`` of Q-irreducible factors
    of ``G`` is tried: ``R`` by this function again (its first layer is at stride one) and ``A`` by
    its box (one layer) or factorization pattern (:mod:`lcnalg.real.patterns`).  A success is a
    real factorization (True).  Without one the answer is False when every Q-irreducible factor of
    ``G`` stays irreducible over R (every real divisor of ``G`` was tried) and every recursive answer
    was exact, else None.  Stride one: the factorization patterns; one strided level after a single
    layer: :func:`polyphase_2d_member`; one strided level after several layers at stride one (also as the
    last level of the recursion): :func:`head_member`, exact.

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_nodes`` (divisors tried, at every level, and the sharing searches),
        ``max_field_work``, ``max_pattern_work``.

    Returns
    -------
    LevelsMembership

    Raises
    ------
    InputError
        When the architecture is not 2D linear one-channel, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    Examples
    --------
    >>> levels_member("2x2,2x2,2x2 s=2x1,2x1", [1, 0, 1, 0] + [0] * 28).in_function_space   # 1 + y^2: a pair
    False
    >>> p = [0] * 20; p[0] = p[1] = p[2] = p[3] = 1                 # 1 + y + y^2 + y^3 = (1 + y)(1 + y^2)
    >>> levels_member("2x2,2x2,2x2 s=1x1,1x2", p).in_function_space
    True
    """
    arch = Architecture.coerce(arch)
    if (not isinstance(arch, Architecture) or arch.ndim != 2 or arch.activation is not None
            or arch.channels is not None):
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the level-by-level route needs a 2D linear "
                         "one-channel architecture (e.g. 2x2,2x2,2x2 s=2x1,2x1)")
    limits = Limits.coerce(limits)
    values = parse_filter(values, arch, limits=limits)
    budget = limits.budget("max_nodes", "divisors of the polyphase gcds tried, level by level")
    return _levels(arch, values, limits, budget)


def _levels(arch: Architecture, values: list, limits: Limits, budget: Budget) -> LevelsMembership:
    if all(v == 0 for v in values):
        return LevelsMembership(True, "the zero filter")
    if arch.num_layers == 1:
        return LevelsMembership(True, "one layer takes every filter of its box")
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    if all(t == (1, 1) for t in ts):
        return LevelsMembership(pattern_table(arch, limits).contains(values, limits), "factorization pattern")
    if polyphase_2d_shape(arch) is not None:
        return LevelsMembership(polyphase_2d_member(arch, values, limits).in_function_space, "polyphase gcd")
    if head_2d_shape(arch) is not None:
        return LevelsMembership(head_member(arch, values, limits).in_function_space,
                                "blocks of the polyphase gcd (layers 1..k at stride one, the others at one stride)")
    k = next(i for i, t in enumerate(ts) if t != (1, 1))
    a, b = ts[k]
    head = Architecture(tuple(arch.filters[:k]))
    tail = Architecture(tuple(arch.filters[k:]), tuple(arch.strides[k:]))
    total = tuple(n - 1 for n in arch.end_to_end_filter_shape)
    g, _ = polyphase_gcd_2d(values, Polyphase2DShape((0, 0), (a, b), (), total))
    ctx = integer_ring(("u", "v"))
    _, qfactors = ctx.from_dict(g).factor()
    split = False
    items = []
    for f, e in qfactors:
        split |= len(factor_types(f, limits)) != 1
        items.append((f, int(e)))
    den = 1
    for v in values:
        den = den * v.denominator // math.gcd(den, v.denominator)
    nx, ny = arch.end_to_end_filter_shape
    xy = integer_ring(("x", "y"))
    P = xy.from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx) for j in range(ny)
                      if values[i * ny + j] != 0})
    table = pattern_table(head, limits) if k >= 2 else None
    unknown = split

    def rec(i: int, chosen: list) -> bool:
        nonlocal unknown
        budget.spend()
        if i < len(items):
            return any(rec(i + 1, chosen + [c]) for c in range(items[i][1] + 1))
        R = ctx.from_dict({(0, 0): 1})
        for (f, _), c in zip(items, chosen):
            R *= f ** c
        r_vals = _values(R, tail.end_to_end_filter_shape)
        if r_vals is None:
            return False
        Rxy = xy.from_dict({(int(m[0]) * a, int(m[1]) * b): int(cf) for m, cf in R.terms()})
        A, rem = divmod(P, Rxy)
        if rem != 0:                                        # pragma: no cover - R | G
            raise AssertionError("R(x^a, y^b) does not divide P")
        a_vals = _values(A, head.end_to_end_filter_shape)
        if a_vals is None:
            return False
        if table is not None and not table.contains(a_vals, limits):
            return False
        inner = _levels(tail, r_vals, limits, budget).in_function_space
        if inner is None:
            unknown = True
        return bool(inner)

    if rec(0, []):
        return LevelsMembership(True, f"P = A·R(x^{a}, y^{b}) with R a product of factors of the polyphase gcd in "
                                      f"M[{tail}] and A in M[{head}]")
    if unknown:
        return LevelsMembership(None, "no rational divisor of a polyphase gcd gives a factorization, and a "
                                      "Q-irreducible factor of one splits over R (or a deeper level is undecided)")
    return LevelsMembership(False, "no divisor of the polyphase gcd (every Q-irreducible factor irreducible over R) "
                                   "gives a factorization, at every level")
