"""2D membership by the blocks of the polyphase gcds: layers ``1..k`` at stride one and the others at one
stride, and any strides level by level (docs/theory.md#polyphase-head-2d).

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

**Membership.**  The pattern of ``A = P / Q(x^a, y^b)`` (multiset of real factor types,
docs/theory.md#factorization-patterns) is that of ``P`` minus ``Σ c_f ·`` (the types of the block of ``f``).  ``P ∈ M`` iff for some
``c``: the real bidegrees of ``Q`` can all be shared out among the boxes ``m_l`` and the real
bidegrees of ``A`` among the boxes ``n_l`` (:func:`~lcnalg.real.polyphase_2d.share_bidegrees`).
Exhaustive over ``c``: exact, no undecided case.

**V(R).**  Over ``C`` the same holds with absolute factors.  For a Q-irreducible factor ``g`` of
``G`` with ``r`` absolute factors ``h_σ`` (Galois conjugate), ``h_σ(x^a, y^b) = σ(h(x^a, y^b))``,
so every ``h_σ(x^a, y^b)`` has the same bidegrees of absolute factors: those of
``g(x^a, y^b)`` divided by ``r``.  So ``P ∈ V(R)`` is decided from factorizations over Q and the
bidegrees of absolute factors alone (no lattice test).

**Any strides, level by level** (:func:`levels_member`).  Group the layers by cumulative stride
``s_0 = (1, 1) | s_1 | … | s_J``: ``P = Π_j Q_j(x^{s_j}, y^{s_j})`` with ``Q_j`` in the stride-one
function space of the boxes at level ``j``.  The blocks at level ``j`` (of the real irreducible factors of
the polyphase gcd at ``s_j``) are minimal sets of real irreducible factors of ``P`` with product in
``R[x^{s_j}, y^{s_j}]``, unions of blocks of level ``j − 1``.  By the lemma (and unique factorization),
``P ∈ M`` iff the real factors of ``P`` (with multiplicity) split into blocks of the levels ``1..J`` and
single factors at level 0 such that at every level the real bidegrees (a block's divided by ``s_j``)
can all be shared out among that level's boxes: an exhaustive search, exact, and independent of the
grouping search of :func:`lcnalg.real.planar.contains_2d` (no layer grouping is formed).

**V(R), any strides, level by level** (:func:`levels_v_member`).  The same over ``C`` with the absolute
factors and complex blocks (absolute factors of ``h(x^{s_j}, y^{s_j})``, ``h`` an absolute factor of the
polyphase gcd ``G_j``).  Galois conjugation permutes the blocks of one Q-irreducible factor ``g`` of ``G_j``,
each holding ``r_φ / r_g`` absolute factors of every Q-irreducible factor ``φ`` of ``P`` dividing
``g(x^{s_j}, y^{s_j})``; handing the ``c_g`` uses of ``g`` out from the top level down, always to a least loaded
block, loads every ``φ`` evenly (spread ≤ 1), so counts per ``g`` that fit on average fit factor by factor.
``P ∈ V(R)`` is decided by an exhaustive search over these counts, from factorizations over Q, the numbers
and bidegrees of absolute factors and divisibility in ``Z[x, y]``: no implicit equation, no lattice test.

**Relative boundary, head case: monomial limits** (:func:`head_boundary_member`).  For ``P ∈ M`` with
``u^i v^j`` the monomial part of ``G``, ``P_σ = P · Π (x^a + σ_k)^{m_k} / x^{ac}`` (``c ≤ i``, small ``σ_k`` of
chosen signs, distinct; likewise along ``y``) has, for all small ``σ``, the real factors and blocks of ``P``
with the monomials replaced by the explicit splits of ``x^a ± σ_k``, and lies in ``V(R)``; the membership
theorem on these counts decides ``P_σ ∈ M`` for all small ``σ`` at once, and ``P_σ ∉ M`` proves
``P ∈ ∂_V M``.  Likewise *pair limits* ``g^2 → g^2 + σ^2`` and *slack limits*: a real factorization in which two
layers have room for ``x^i`` opens into ``q_l(1 + iσx^i)``, ``q_{l'}(1 − iσx^i)``, i.e. ``P(1 + σ^2 x^{2i})``, whose
counts are those of ``P`` and ``i`` pairs (with ``1 + σ^2 u^{2i/a}`` in the gcd when ``a | 2i``); and *gcd pair
limits*: the square of a Q-irreducible factor ``g`` of ``G``, univariate or linear in ``u`` (in ``v``), opens into
``g^2 + σ^2``, i.e. ``P_σ = P·(g^2 + σ^2)(x^a, y^b)/g(x^a, y^b)^2``; and *shifted pair limits*: ``x^2`` at ``a = 2``
opens into ``(x − 2σ^2)^2 + σ^4`` (its roots are not symmetric under ``x ↦ −x``, so no strided layer absorbs the pair;
likewise ``y``, ``b = 2``): for small ``σ ≠ 0`` the absolute factors of
``g ± iσ`` and of their compositions with ``π`` are simple, new and none real nor conjugate to one of the same sign
(the roots of ``g(u) = ∓iσ`` are not real; Capelli's theorem for ``p(y^b)x^a + r(y^b) ± iσ``), so ``P_σ`` has the
counts of ``P/g(x^a, y^b)^2`` plus pairs, and ``g^2 + σ^2`` in the gcd.  *Cluster limits* (tried when the interior
criteria abstain): in a real factorization, copies of a rational ``ψ = x − c`` shared by layers (a strided one holding
it as the atom ``u − c``) open into real roots ``c + jσ`` and pairs ``c + j(2 ± i)σ`` while the rest ``r`` of each giver
whose box less the copies is ``(1, 1)`` moves to ``r + σ(1 + xy)`` (``1 + uv`` for a strided giver at stride 1 along
``x`` or ``y``) unless it is already an irreducible bilinear: the determinant of ``r + σ(1 + xy)`` has the term ``σ^2``,
so it is absolutely irreducible for small ``σ ≠ 0``; the moved layers are a complex factorization, so ``P_σ ∈ V(R)``;
the new factors are simple and new, the new polynomials in ``u, v`` join the gcd (multiplicativity) and the others
are in no block (a rotation ``x ↦ ζx`` maps ``x − w`` and ``r + σ(1 + xy)`` to factors of ``P_σ`` for finitely many
``σ`` only: ``ζ(2 + i) ≠ 2 ± i``, and the ``xy``-coefficient gains ``ζ ≠ 1`` while the constant does not).  Sufficient
only: other limits are not searched.  When the caller hands in ``M = V(R)`` (``closed=True``), the relative boundary is
empty and the points the tests leave undecided are interior.

**Relative boundary, head case: interior points** (:func:`head_interior_member`).  If every complex factorization
of ``P ∈ M`` (``P ≠ 0``) is real up to the scalings and *regular* (the kernel of the differential of the
parameterization is the tangent space of the scalings), a neighbourhood of ``P`` in ``V(R)`` lies in ``M``: the
parameterization is injective up to scalings near a regular factorization, and a point of ``V(R)`` near ``P`` is the
product of complex layers near a real factorization whose conjugates are another such factorization, so they differ
by scalars of modulus one and the point has a real factorization.  The factorizations are listed from the absolute
factors of ``P`` and of ``G`` (complex blocks); regularity is read from them: along every absolute factor shared by
layers the possible pole orders of the terms ``r_l/q_l`` of a kernel vector (``{1..e}`` in a head layer,
``{1..c}`` for a block, ``{a, 2a, .., ca}`` for ``x`` from ``u^c``) must be disjoint, and then no monomial other than 1
may lie in the slack spaces of two layers.  Failing that, the univariate layers of each axis and stride are merged
into one (the complex image is the same) and the criterion is applied to the merged layers, each of which must then
hold at least as many real roots of odd multiplicity as its group has layers of odd degree (an interior point of its
one-dimensional function space).  A factorization with overlapping pole orders is still accepted when the layers share
only real factors ``x − c`` (``y − c``), no two layers have room for ``x`` (for ``y``) and every way the shared copies
can split into real roots and conjugate pairs nearby leaves pieces that pack into the boxes: near such a
factorization a factor whose conjugate sits in another layer is linear, ``x − w`` with ``w → c`` (a bidegree argument
on the limits of the absolute factors), everything else is real layer by layer, and the packing regroups the pieces
into real layers.  A head layer may share ``x − c`` with a layer at stride ``a ≥ 2`` when the head layers together do
not hold a whole block of the strided atom (``x − 1`` and ``x + 1`` for ``u − 1``): an atom ``u − s`` near it held more
often than ``u − s̄`` by the strided layers would leave a whole block of ``u − s̄`` to the heads (``P_n`` is real), so
these copies are frozen in the strided layer.  Sufficient only.
"""

from __future__ import annotations

import itertools
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
from lcnalg.real.patterns import FactorType, factor_types, integer_partitions, pattern_table
from lcnalg.real.planar_real import lattice_blocks
from lcnalg.real.polyphase_2d import (Polyphase2DShape, absolute_items, polyphase_2d_member, polyphase_2d_shape,
                                      polyphase_gcd_2d, real_items, share_bidegrees)
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["Head2DShape", "head_2d_shape", "GcdBlock", "HeadMembership", "head_member", "gcd_blocks",
           "LevelsMembership", "levels_member", "LevelsVMembership", "levels_v_member", "HeadBoundary",
           "head_boundary_member", "HeadInterior", "head_interior_member"]

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
    _, fac = mpoly_factor(_substitute(ctx.from_dict(rest), a, b))
    atoms = [(f, int(e)) for f, e in fac]
    certs = [absolutely_irreducible_certificate(f) for f, _ in atoms]
    items, mult, (blocks,) = lattice_blocks(atoms, certs, [((a, b), set(range(len(atoms))))], limits)
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


def _in_v(shape: Head2DShape, P: Any, G: Any, limits: Limits, budget: Budget, extra: Sequence = (),
          atoms_extra: Sequence = ()) -> bool:
    """``P·E ∈ V(R)`` where ``E`` adds the absolute bidegrees ``extra`` to ``P`` and the absolute factors
    ``atoms_extra`` to ``G``: ``(d, n, split)``, ``n`` absolute factors of bidegree ``d`` each of whose complex block
    has the absolute bidegrees ``split`` (``[(bidegree, count)]``)."""
    a, b = shape.strides
    p_abs = dict(absolute_items(factor_types(P, limits))) if P.total_degree() > 0 else {}
    for d, n in extra:
        p_abs[d] = p_abs.get(d, 0) + n
    _, gfac = mpoly_factor(G)
    atoms = list(atoms_extra)
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
    in_function_space : bool
        ``P ∈ M`` (exact).
    reason : str
    """

    in_function_space: bool
    reason: str


def levels_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None) -> LevelsMembership:
    """``P ∈ M`` for a 2D linear one-channel architecture with any strides, by blocks level by level
    (docs/theory.md#polyphase-head-2d).

    Group the layers by cumulative stride ``s_0 = (1, 1) | s_1 | … | s_J`` (boxes ``L_j`` in
    ``x^{s_j}, y^{s_j}``); ``P = Π_j Q_j(x^{s_j}, y^{s_j})`` with ``Q_j`` in the stride-one function
    space of ``L_j``.  The real irreducible factors ``φ`` of ``P`` are grouped at every level ``j ≥ 1``
    into *blocks* (``g(x^{s_j}, y^{s_j})`` for the real irreducible factors ``g`` of the polyphase gcd at
    ``s_j``; :func:`~lcnalg.real.planar_real.lattice_blocks`; ``x^{s_j}``, ``y^{s_j}`` for ``u``, ``v``).
    ``P ∈ M`` iff the factors of ``P`` (with multiplicity) can be split into blocks of every level and single
    factors at level 0 so that, at every level, the real bidegrees (of the blocks, divided by ``s_j``) can
    all be shared out among ``L_j`` (:func:`~lcnalg.real.polyphase_2d.share_bidegrees`).  Exhaustive:
    exact.  Stride one: the factorization patterns; one strided level after a single layer:
    :func:`~lcnalg.real.polyphase_2d.polyphase_2d_member` (an independent route the tests compare).

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_nodes`` (the sets tried for the blocks, the choices of blocks and the sharing searches),
        ``max_field_work``, ``max_precision``, ``max_pattern_work``.

    Returns
    -------
    LevelsMembership

    Raises
    ------
    InputError
        When the architecture is not 2D linear one-channel, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded (the sets tried for the blocks are refused up front).

    References
    ----------
    docs/theory.md#polyphase-head-2d (any strides, level by level: the theorem and its proof).

    Examples
    --------
    >>> levels_member("2x2,2x2,2x2 s=2x1,2x1", [1, 0, 1, 0] + [0] * 28).in_function_space   # 1 + y^2: a pair
    False
    >>> p = [0] * 20; p[0] = p[1] = p[2] = p[3] = 1                 # 1 + y + y^2 + y^3 = (1 + y)(1 + y^2)
    >>> levels_member("2x2,2x2,2x2 s=1x1,1x2", p).in_function_space
    True
    >>> p = [0] * 20; p[0], p[16] = -2, 1                          # x^4 - 2 = (x - 2^(1/4))(x + 2^(1/4))·(u + √2)
    >>> levels_member("2x2,2x2,2x2 s=1x1,2x1", p).in_function_space
    True
    """
    arch = Architecture.coerce(arch)
    if (not isinstance(arch, Architecture) or arch.ndim != 2 or arch.activation is not None
            or arch.channels is not None):
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the level-by-level route needs a 2D linear "
                         "one-channel architecture (e.g. 2x2,2x2,2x2 s=2x1,2x1)")
    limits = Limits.coerce(limits)
    values = parse_filter(values, arch, limits=limits)
    if all(v == 0 for v in values):
        return LevelsMembership(True, "the zero filter")
    if arch.num_layers == 1:
        return LevelsMembership(True, "one layer takes every filter of its box")
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    if all(t == (1, 1) for t in ts):
        return LevelsMembership(pattern_table(arch, limits).contains(values, limits), "factorization pattern")
    if polyphase_2d_shape(arch) is not None:
        return LevelsMembership(polyphase_2d_member(arch, values, limits).in_function_space, "polyphase gcd")
    return _by_blocks(arch, ts, values, limits)


def _by_blocks(arch: Architecture, ts: list, values: list, limits: Limits) -> LevelsMembership:
    strides = sorted(set(ts), key=lambda t: (t[0] * t[1], t))
    boxes = [[(f[0] - 1, f[1] - 1) for f, t in zip(arch.filters, ts) if t == s] for s in strides]
    total = tuple(n - 1 for n in arch.end_to_end_filter_shape)
    den = math.lcm(*(v.denominator for v in values))
    nx, ny = arch.end_to_end_filter_shape
    xy = integer_ring(("x", "y"))
    P = xy.from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx) for j in range(ny)
                      if values[i * ny + j] != 0})
    _, fac = mpoly_factor(P)
    atoms = [(f, int(e)) for f, e in fac]
    mono = {i: (1, 0) if f == xy.gens()[0] else (0, 1) for i, (f, _) in enumerate(atoms) if f in xy.gens()}
    ctx = integer_ring(("u", "v"))
    levels = []
    for s in strides[1:]:
        g, _ = polyphase_gcd_2d(values, Polyphase2DShape((0, 0), s, (), total))
        i0, j0 = min(m[0] for m in g), min(m[1] for m in g)
        F = _substitute(ctx.from_dict({(i - i0, j - j0): c for (i, j), c in g.items()}), *s)
        levels.append((s, {i for i, (f, _) in enumerate(atoms) if i not in mono and F % f == 0}))
    certs = [absolutely_irreducible_certificate(f) for f, _ in atoms]
    items, mult, blocks = lattice_blocks(atoms, certs, levels, limits)
    # every level's blocks as ({item: count}, real bidegree in that level's coordinates)
    per_level: list = []
    for s, found in zip(strides[1:], blocks):
        level = [({k: 1 for k in blk}, (sum(items[k].bidegree[0] for k in blk) // s[0],
                                        sum(items[k].bidegree[1] for k in blk) // s[1])) for blk in found]
        for i, axis in mono.items():
            k = next(k for k, r in enumerate(items) if r.source == i)
            level.append(({k: s[0] if axis == (1, 0) else s[1]}, axis))
        per_level.append(level)
    budget = limits.budget("max_nodes", "choices of blocks per level and their sharing searches")
    used = [0] * len(items)
    flat = [(j, blk) for j, level in enumerate(per_level) for blk in level]
    counts = [0] * len(flat)

    def level_ok(j: int) -> bool:
        share: dict = {}
        for (jj, (_, size)), n in zip(flat, counts):
            if jj == j and n:
                share[size] = share.get(size, 0) + n
        return _full(sorted(share.items()), boxes[j + 1], budget)

    def rec(b: int) -> bool:
        budget.spend()
        if b > 0 and (b == len(flat) or flat[b][0] != flat[b - 1][0]) and not level_ok(flat[b - 1][0]):
            return False
        if b == len(flat):
            rest: dict = {}
            for k, r in enumerate(items):
                if mult[k] > used[k]:
                    rest[r.bidegree] = rest.get(r.bidegree, 0) + mult[k] - used[k]
            return _full(sorted(rest.items()), boxes[0], budget)
        take = flat[b][1][0]
        most = min((mult[k] - used[k]) // c for k, c in take.items())
        for n in range(most, -1, -1):
            counts[b] = n
            for k, c in take.items():
                used[k] += n * c
            ok = rec(b + 1)
            for k, c in take.items():
                used[k] -= n * c
            counts[b] = 0
            if ok:
                return True
        return False

    levels_text = ", ".join(f"{s[0]}x{s[1]}" for s in strides)
    if rec(0):
        return LevelsMembership(True, f"the real factors of P split into blocks of the levels {levels_text} whose "
                                      "bidegrees fit every level's boxes")
    return LevelsMembership(False, f"no split of the real factors of P into blocks of the levels {levels_text} "
                                   "fits every level's boxes (exhaustive)")


# ------------------------------------------------------------------ V(R), any strides: level by level over C
@dataclass(frozen=True)
class LevelsVMembership:
    """The decision of :func:`levels_v_member`.

    Attributes
    ----------
    in_v : bool
        ``P ∈ V(R)`` (exact).
    levels : tuple of (int, int)
        The cumulative strides ``s_1, …, s_J`` of the strided levels.
    choice : tuple of tuple, or None
        When ``P ∈ V(R)`` and ``P ≠ 0``: per strided level, ``(factor of G_j, c)`` for the
        Q-irreducible factors of the polyphase gcd at ``s_j`` used ``c`` times (counted over their
        absolute factors; ``"u"``, ``"v"`` for the monomials), as text; else None.
    reason : str
    """

    in_v: bool
    levels: tuple[Box, ...]
    choice: tuple[tuple[tuple[str, int], ...], ...] | None
    reason: str


def _absolute_data(f: Any, limits: Limits) -> tuple[Box, int]:
    """``(d, r)`` for a Q-irreducible ``f``: its ``r`` Galois-conjugate absolute factors have bidegree ``d``."""
    (d, r), = absolute_items(factor_types(f, limits))
    return d, r


def levels_v_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None
                    ) -> LevelsVMembership:
    """``P ∈ V(R)`` for a 2D linear one-channel architecture with any strides, level by level over ``C``
    (docs/theory.md#polyphase-head-2d, ``V(R)`` level by level).

    ``V(R) = μ(C^N) ∩ R^K``: ``P`` real with ``P = Π_j Q_j(x^{s_j}, y^{s_j})``, ``Q_j`` complex in the
    stride-one function space of the boxes ``L_j`` of level ``j``.  Over ``C`` the *complex blocks* of
    level ``j`` are the sets of absolute factors of ``h(x^{s_j}, y^{s_j})``, ``h`` an absolute factor
    of the polyphase gcd ``G_j`` at ``s_j``; ``P ∈ V(R)`` iff the absolute factors of ``P`` split into
    complex blocks (levels ``j ≥ 1``) and single factors (level 0) whose bidegrees share out among every
    level's boxes.  By Galois symmetry only the number ``c_g`` of blocks used per Q-irreducible factor
    ``g`` of ``G_j`` matters: a block of ``g`` takes ``r_φ / r_g`` absolute factors of every
    Q-irreducible factor ``φ`` of ``P`` dividing ``g(x^{s_j}, y^{s_j})`` (``r`` the number of absolute
    factors), and counts that fit on average fit factor by factor (balanced rounding on the tree of
    blocks).  So the search runs over the counts ``c_g`` with the Q-factorizations of ``P`` and of
    the ``G_j``, the numbers and bidegrees of absolute factors, and exact divisibility in ``Z[x, y]``:
    no absolute factor is formed beyond those counts, no lattice test.  Exhaustive: exact.

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_nodes`` (the choices of counts and the sharing searches), ``max_field_work`` (absolute
        factorizations).

    Returns
    -------
    LevelsVMembership

    Raises
    ------
    InputError
        When the architecture is not 2D linear one-channel, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    References
    ----------
    docs/theory.md#polyphase-head-2d (``V(R)`` level by level: the theorem and its proof).

    Examples
    --------
    >>> levels_v_member("2x2,2x2,2x2 s=2x1,2x1", [1, 0, 1, 0] + [0] * 28).in_v   # 1 + y^2 = (y + i)(y - i)
    True
    >>> p = [0] * 20; p[0], p[16] = 2, 1                            # x^4 + 2 = (x^2 + i√2)(x^2 − i√2)
    >>> r = levels_v_member("2x2,2x2,2x2 s=1x1,2x1", p); r.in_v, levels_member("2x2,2x2,2x2 s=1x1,2x1", p).in_function_space
    (True, False)
    >>> p = [0] * 20; p[0], p[5], p[10] = 1, 1, 1                  # 1 + xy + x^2y^2 = (xy − ω)(xy − ω̄)
    >>> levels_v_member("2x2,2x2,2x2 s=1x1,2x1", p).in_v, levels_member("2x2,2x2,2x2 s=1x1,2x1", p).in_function_space
    (True, False)
    """
    arch = Architecture.coerce(arch)
    if (not isinstance(arch, Architecture) or arch.ndim != 2 or arch.activation is not None
            or arch.channels is not None):
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the level-by-level route needs a 2D linear "
                         "one-channel architecture (e.g. 2x2,2x2,2x2 s=2x1,2x1)")
    limits = Limits.coerce(limits)
    values = parse_filter(values, arch, limits=limits)
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    strides = sorted(set(ts) | {(1, 1)}, key=lambda t: (t[0] * t[1], t))
    if all(v == 0 for v in values):
        return LevelsVMembership(True, tuple(strides[1:]), (), "the zero filter")
    boxes = [[(f[0] - 1, f[1] - 1) for f, t in zip(arch.filters, ts) if t == s] for s in strides]
    total = tuple(n - 1 for n in arch.end_to_end_filter_shape)
    den = math.lcm(*(v.denominator for v in values))
    nx, ny = arch.end_to_end_filter_shape
    xy, uv = integer_ring(("x", "y")), integer_ring(("u", "v"))
    P = xy.from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx) for j in range(ny)
                      if values[i * ny + j] != 0})
    _, fac = mpoly_factor(P)
    phis = [(f, int(e)) for f, e in fac]
    data = [_absolute_data(f, limits) for f, _ in phis]                 # (d_φ, r_φ)
    cap = [r * e for (_, r), (_, e) in zip(data, phis)]                  # absolute factors of φ, with multiplicity
    gens = xy.gens()
    # per strided level: (level, name, bidegree of an absolute factor of g, {φ: absolute factors per block})
    variables: list = []
    for j, s in enumerate(strides[1:], start=1):
        g, _ = polyphase_gcd_2d(values, Polyphase2DShape((0, 0), s, (), total))
        i0, j0 = min(m[0] for m in g), min(m[1] for m in g)
        for k, (axis, gen, low) in enumerate((((1, 0), "u", i0), ((0, 1), "v", j0))):
            if low:
                src = next(i for i, (f, _) in enumerate(phis) if f == gens[k])
                variables.append((j, gen, axis, {src: s[k]}))
        if len(g) == 1:
            continue
        rest = uv.from_dict({(i - i0, jj - j0): c for (i, jj), c in g.items()})
        _, gfac = mpoly_factor(rest)
        for h, _ in gfac:
            d, r = _absolute_data(h, limits)
            F = _substitute(h, *s)
            take = {i: data[i][1] // r for i, (f, _) in enumerate(phis) if f not in gens and F % f == 0}
            if (any(data[i][1] % r for i in take)                            # pragma: no cover - Galois symmetry
                    or sum(data[i][0][0] * data[i][1] for i in take) != d[0] * r * s[0]
                    or sum(data[i][0][1] * data[i][1] for i in take) != d[1] * r * s[1]):
                raise AssertionError(f"the composite of {h} is not a squarefree product of factors of P")
            variables.append((j, str(h), d, take))
    budget = limits.budget("max_nodes", "counts of absolute blocks per level and their sharing searches")
    used = [0] * len(phis)
    counts = [0] * len(variables)

    def level_ok(j: int) -> bool:
        share: dict = {}
        for (jj, _, size, _), n in zip(variables, counts):
            if jj == j and n:
                share[size] = share.get(size, 0) + n
        return _full(sorted(share.items()), boxes[j], budget)

    def rec(b: int) -> bool:
        budget.spend()
        if b > 0 and (b == len(variables) or variables[b][0] != variables[b - 1][0]) and not level_ok(variables[b - 1][0]):
            return False
        if b == len(variables):
            left: dict = {}
            for i, (d, _) in enumerate(data):
                if cap[i] > used[i]:
                    left[d] = left.get(d, 0) + cap[i] - used[i]
            return _full(sorted(left.items()), boxes[0], budget)
        take = variables[b][3]
        most = min((cap[i] - used[i]) // c for i, c in take.items())
        for n in range(most, -1, -1):
            counts[b] = n
            for i, c in take.items():
                used[i] += n * c
            ok = rec(b + 1)
            for i, c in take.items():
                used[i] -= n * c
            counts[b] = 0 if not ok else n
            if ok:
                return True
        return False

    levels_text = ", ".join(f"{s[0]}x{s[1]}" for s in strides)
    if rec(0):
        choice = tuple(tuple((name, n) for (jj, name, _, _), n in zip(variables, counts) if jj == j and n)
                       for j in range(1, len(strides)))
        return LevelsVMembership(True, tuple(strides[1:]), choice,
                                 f"the absolute factors of P split into complex blocks of the levels {levels_text} "
                                 "whose bidegrees fit every level's boxes")
    return LevelsVMembership(False, tuple(strides[1:]), None,
                             f"no split of the absolute factors of P into complex blocks of the levels {levels_text} "
                             "fits every level's boxes (exhaustive over the counts per Q-irreducible factor of the "
                             "polyphase gcds)")


# ------------------------------------------------------------------ relative boundary, head case: monomial limits
@dataclass(frozen=True)
class HeadBoundary:
    """The answer of :func:`head_boundary_member`.

    Attributes
    ----------
    on_boundary : bool or None
        ``True``: ``P`` lies on the boundary of ``M`` relative to ``V(R)``, proved by the family in
        ``deformation``; ``False``: ``P ∉ M`` (so not on it), or ``P`` is an interior point of ``M`` inside
        ``V(R)`` (:func:`head_interior_member`); ``None``: neither (undecided: both tests are sufficient only).
    in_function_space : bool
        ``P ∈ M``.
    deformation : str
        The family ``P_σ → P`` in ``V(R) \\ M`` (empty when none was found).
    reason : str
    factors : tuple
        The family as data: per axis deformed, ``(axis, c, ((sign, m), …))`` (``axis`` 0 for ``x``, 1 for
        ``y``): ``x^{a·c}`` replaced by ``Π_k (x^a + sign·σ_k)^{m_k}``; for a pair limit ``(("pair", g),)``:
        ``g^2`` replaced by ``g^2 + σ^2``; for a slack limit ``(("slack", axis, i),)``: ``P`` times
        ``1 + σ^2 x^{2i}`` (``y`` for axis 1); for a gcd pair limit ``(("gcd pair", g∘π, g),)``: ``g(x^a, y^b)^2``
        replaced by ``(g^2 + σ^2)(x^a, y^b)`` (both as text, in ``x, y`` and in ``u, v``); for a shifted pair limit
        ``(("shifted pair", g),)`` (``g`` = ``x`` at ``a = 2`` or ``y`` at ``b = 2``): ``g^2`` replaced by
        ``(g − 2σ^2)^2 + σ^4``.
        For a cluster limit ``(("cluster", ((ψ, N, R), …), ((r, t), …)),)``: ``N`` copies of ``ψ`` replaced by
        ``ψ − jσ`` (``j = 1..R``) and ``(ψ − 2jσ)^2 + j^2σ^2`` (``j = R+1..R+(N−R)/2``), every moved rest ``r`` (in
        ``x, y``) by ``r + σt``.
    """

    on_boundary: bool | None
    in_function_space: bool
    deformation: str
    reason: str
    factors: tuple = ()


def _monomial_split(n: int, sign: int, axis: int) -> tuple[tuple[FactorType, int], ...]:
    """The real factor types of ``x^n + σ`` (``axis`` 0; ``y^n + σ`` for 1), ``σ`` of the given sign."""
    r, c = ("R", 1, 0) if axis == 0 else ("R", 0, 1), ("C", 1, 0) if axis == 0 else ("C", 0, 1)
    if n % 2:
        parts = ((r, 1), (c, (n - 1) // 2))
    elif sign > 0:
        parts = ((c, n // 2),)
    else:
        parts = ((r, 2), (c, (n - 2) // 2))
    return tuple((t, m) for t, m in parts if m)



def _signed(c: int, odd: bool) -> list:
    """The multisets of ``(sign, multiplicity)`` with multiplicities summing to ``c`` (one sign when ``odd``)."""
    out = []
    for plus in range(c + 1) if not odd else (c,):
        for p in integer_partitions(plus):
            for q in integer_partitions(c - plus):
                out.append(tuple((1, m) for m in p) + tuple((-1, m) for m in q))
    return out


def head_boundary_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None, *,
                         monomial_only: bool = False, closed: bool | None = None) -> HeadBoundary:
    """A certified sufficient test for the boundary of ``M`` relative to ``V(R)`` in the head case
    (docs/theory.md#polyphase-head-2d, the boundary by monomial limits).

    ``P ∈ M``, ``u^{i_0} v^{j_0}`` the monomial part of the polyphase gcd ``G`` (``u = x^a``, ``v = y^b``).
    For ``c ≤ i_0`` and a choice of ``c`` factors ``u + σ_k`` (multiplicities ``m_k``, small real ``σ_k`` of
    chosen signs, distinct), ``P_σ = P · Π (x^a + σ_k)^{m_k} / x^{ac}`` tends to ``P``; likewise along ``y``.
    For all small ``σ`` of those signs the real factors of ``P_σ`` are those of ``P`` with ``a·c`` copies of
    ``x`` replaced by those of the ``x^a + σ_k`` (split by the sign of ``σ_k`` and the parity of ``a``), ``G``
    changes by ``u^c → Π (u + σ_k)^{m_k}``, and ``P_σ ∈ V(R)`` (the absolute data are those of ``P``).  So
    ``P_σ ∉ M`` is decided once by the membership theorem on these counts, for every small ``σ``; if it
    holds, ``P`` is on the relative boundary.  Not on it when ``P ∉ M``.  Otherwise undecided: other
    limits are tried only in one more form, *pair limits*: ``g^2 | P`` for a Q-irreducible ``g`` linear in ``x``
    or in ``y`` with ``g^2 ∉ R[x^a, y^b]`` opens into ``g^2 + σ^2`` (for small ``σ ≠ 0`` the factors ``g ± iσ`` are
    absolutely irreducible, in no block and new, so ``P_σ`` has the real factors and the polyphase gcd of
    ``P/g^2`` plus one pair; decided by the same counts, with ``P_σ ∈ V(R)`` checked by the absolute counts).
    Then *slack limits*: a real factorization of ``P`` (from the list of :func:`head_interior_member`) in which two
    layers have room for ``x^i`` (``i`` least) gives ``P_σ = P·(1 + σ^2 x^{2i})`` in ``V(R)``, with the counts of ``P``
    plus ``i`` pairs ``C(1, 0)`` (and ``1 + σ^2 u^{2i/a}`` in the gcd when ``a | 2i``); likewise along ``y``.  Then
    *gcd pair limits*: ``g^2 | G`` for a Q-irreducible ``g`` (``u`` and ``v`` included) univariate, or linear in ``u``
    with the rest ``r(v)`` non-constant or ``a = 1`` (likewise in ``v``), opens into ``g^2 + σ^2``:
    ``P_σ = P·(g^2 + σ^2)(x^a, y^b)/g(x^a, y^b)^2``, with the counts of ``P' = P/g(x^a, y^b)^2`` plus pairs
    (``a·deg g`` pairs ``C(1, 0)`` for ``g(u)``; one pair ``C(a, b·deg_v g)`` for ``g`` linear in ``u``) and the gcd
    of ``P'`` times ``g^2 + σ^2`` (pairs ``k k̄`` whose blocks are those pairs); ``P_σ ∈ V(R)`` by the absolute
    counts.  Then *shifted pair limits*: ``x^2 | P`` at ``a = 2`` opens into ``(x − 2σ^2)^2 + σ^4`` (``y``, ``b = 2``
    likewise), a pair in no block, so ``P_σ`` has the counts and the gcd of ``P/x^2`` plus one pair ``C(1, 0)`` (tried
    with the pair limits).  Other limits through the factors of ``G`` or other factors of ``P`` are not searched.  When
    no limit leaves ``M``, the interior criterion of :func:`head_interior_member` is tried: ``False`` when it certifies
    ``P``.  Failing it, *cluster limits*: in a real factorization, copies of a rational linear ``ψ`` shared by layers
    open into real roots and conjugate pairs near its root while the reducible rest of a giver with nominal bidegree
    ``(1, 1)`` moves to ``r + σ(1 + xy)`` (module docstring; docs/theory.md#polyphase-head-2d, cluster limits).  Last,
    ``closed=True`` answers ``False``.

    Parameters
    ----------
    arch : Architecture or str
        Layers ``1..k`` at stride ``(1, 1)``, the others at one stride ``(a, b) ≠ (1, 1)``.
    values : sequence of rational numbers, nested rows or str
    limits : Limits, optional
        As for :func:`head_member`; ``max_nodes`` also counts the deformations tried.
    monomial_only : bool
        Try the monomial limits only (``None`` when none leaves ``M``): no pair or slack limit, no interior
        criterion.
    closed : bool, optional
        Whether ``M = V(R)`` (``M`` Zariski closed), when the caller knows it (from
        :func:`~lcnalg.real.closedness.is_zariski_closed`, as :func:`~lcnalg.real.boundary.boundary` does); ``None``:
        unknown.  ``True``: the relative boundary is empty, so every point of ``M`` answers ``False`` (``0``
        included), consulted where the limits and the interior criteria leave ``P ∈ M`` undecided; ``False``: ``0`` is
        on it (``V(R) \\ M`` is a non-empty cone).  Not checked here (the closedness module sits above this one).

    Returns
    -------
    HeadBoundary

    Raises
    ------
    InputError
        When the architecture has another shape, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    References
    ----------
    docs/theory.md#polyphase-head-2d.

    Examples
    --------
    >>> p = [0] * 20; p[16:20] = [6, 11, 6, 1]            # x^4 (y+1)(y+2)(y+3) = lim (x^2 + σ)^2 (y+1)(y+2)(y+3)
    >>> r = head_boundary_member("2x2,2x2,2x2 s=1x1,2x1", p); r.on_boundary
    True
    >>> p = [0] * 20; p[0], p[8], p[16] = 1, -2, 1          # (x^2 - 1)^2 = lim (x^2 - 1)^2 (1 + σ^2 y^2): slack
    >>> head_boundary_member("2x2,2x2,2x2 s=1x1,2x1", p).factors
    (('slack', 1, 1),)
    >>> sq, cub = [Fraction(1, 9), 0, Fraction(-2, 3), 0, 1], [6, 11, 6, 1]
    >>> p = [s * c for s in sq for c in cub]                # (x^2 - 1/3)^2 (y+1)(y+2)(y+3): (3u - 1)^2 in G opens
    >>> head_boundary_member("2x2,2x2,2x2 s=1x1,2x1", p).factors
    (('gcd pair', '3*x^2 - 1', '3*u - 1'),)
    >>> p = [0] * 20; p[9] = p[10] = 1                      # x^2 y (y + 1) = lim ((x − 2σ^2)^2 + σ^4) y (y + 1)
    >>> head_boundary_member("2x2,2x2,2x2 s=1x1,2x1", p).factors
    (('shifted pair', 'x'),)
    >>> head_boundary_member("2x1,1x1,2x1,3x1 s=1x1,1x1,1x2", [1, 0, -2, 0, 1]).factors   # (x^2 - 1)^2: both open
    (('gcd pair', 'x - 1', 'u - 1'), ('gcd pair', 'x + 1', 'u + 1'))
    >>> p = [0] * 18; p[1] = 1                              # y, where M = V(R) (is_zariski_closed): interior
    >>> head_boundary_member("3x2,3x1,3x1 s=1x1,2x2", p, closed=True).on_boundary
    False
    """
    shape = head_2d_shape(arch)
    if shape is None:
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the head boundary test needs a 2D linear "
                         "one-channel architecture with layers 1..k at stride 1x1 and the others at one stride "
                         "(e.g. 2x2,2x2,2x2 s=1x1,2x1)")
    limits = Limits.coerce(limits)
    monomial_only = checks.flag(monomial_only, "monomial_only", none=False)
    closed = checks.flag(closed, "closed")
    member = head_member(arch, values, limits)
    if not member.gcd:
        if closed is not None:
            return HeadBoundary(not closed, True, "", "the zero filter: on the relative boundary iff M ≠ V(R) "
                                f"(closedness, handed in: M {'=' if closed else '≠'} V(R))")
        return HeadBoundary(None, True, "", "the zero filter: on the relative boundary iff M ≠ V(R) (closedness)")
    if not member.in_function_space:
        return HeadBoundary(False, False, "", "P ∉ M, and the relative boundary lies in M (M is closed)")
    arch = Architecture.coerce(arch)
    P = _integer_filter(shape, parse_filter(values, arch, limits=limits))
    p_counts = _counts(factor_types(P, limits))
    a, b = shape.strides
    i0, j0 = min(m[0] for m in member.gcd), min(m[1] for m in member.gcd)
    mono = {}
    rest = list(member.blocks)
    for size, n, e in (((1, 0), a, i0), ((0, 1), b, j0)):
        if e:                                 # the block of u (of v): x^a, as gcd_blocks lists it
            mono[size] = GcdBlock(size, (((("R",) + size), n),), e)
            rest.remove(mono[size])
    i0, j0 = (i0 if a > 1 else 0), (j0 if b > 1 else 0)
    budget = limits.budget("max_nodes", "monomial deformations of the polyphase gcd and their membership searches")
    axes = [(0, a, i0, mono.get((1, 0))), (1, b, j0, mono.get((0, 1)))]
    options = [[(0, ())] + [(c, conf) for c in range(1, n0 + 1) for conf in _signed(c, n % 2 == 1)]
               for _, n, n0, _ in axes]
    for cx, confx in options[0]:
        for cy, confy in options[1]:
            if not cx and not cy:
                continue
            budget.spend()
            counts = dict(p_counts)
            blocks = list(rest)
            words = []
            for (axis, n, n0, blk), c, conf in zip(axes, (cx, cy), (confx, confy)):
                if not c:
                    if blk is not None:
                        blocks.append(blk)
                    continue
                t = ("R", 1, 0) if axis == 0 else ("R", 0, 1)
                counts[t] -= n * c
                if n0 > c:
                    blocks.append(GcdBlock(blk.size, blk.split, n0 - c))
                var, mon = ("x", "u") if axis == 0 else ("y", "v")
                for k, (sign, m) in enumerate(conf):
                    split = _monomial_split(n, sign, axis)
                    for ft, e in split:
                        counts[ft] = counts.get(ft, 0) + e * m
                    blocks.append(GcdBlock(blk.size, split, m))
                    words.append(f"({var}^{n} {'+' if sign > 0 else '-'} σ_{var}{k})^{m}")
                words.append(f"/ {var}^{n * c}")
            counts = {t: e for t, e in counts.items() if e}
            if _real_choice(shape, counts, blocks, budget) is None:
                family = "P_σ = P · " + " ".join(words) + " (σ small, positive, distinct)"
                data = tuple((axis, c, conf) for axis, c, conf in ((0, cx, confx), (1, cy, confy)) if c)
                return HeadBoundary(True, True, family, factors=data, reason=(
                    "P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ: its real factors and the blocks of its "
                    "polyphase gcd are those of P with the monomials replaced as shown, and no choice of divisors of "
                    "the gcd fits the boxes (docs/theory.md#polyphase-head-2d)"))
    if monomial_only:
        if closed:
            return _closed_answer()
        return HeadBoundary(None, True, "", "P ∈ M; no monomial limit leaves M (the other tests were not tried)")
    pair = _pair_limit(shape, P, limits, budget)
    if pair is not None:
        return pair
    slack = _slack_limit(shape, P, member, p_counts, limits, budget)
    if slack is not None:
        return slack
    opened = _gcd_pair_limit(shape, P, member, limits, budget)
    if opened is not None:
        return opened
    inner, _, why = _interior(shape, P, member, limits, budget)
    if inner:
        return HeadBoundary(False, True, "", "P is an interior point of M inside V(R): " + why)
    cluster = _cluster_limit(shape, P, member, limits, budget)
    if cluster is not None:
        return cluster
    if closed:
        return _closed_answer()
    return HeadBoundary(None, True, "", (
        "P ∈ M; no deformation of the monomial part u^i v^j of the polyphase gcd into factors u + σ, v + σ leaves M "
        f"(i = {i0}, j = {j0}), no square g^2 of a factor linear in x or in y opens into g^2 + σ^2 outside M, no "
        "x^2 at stride 2 opens into (x − 2σ^2)^2 + σ^4 outside M, no "
        "real factorization with two layers having room for x^i (y^j) opens into P·(1 + σ^2 x^{2i}) outside M, and no "
        "set of squares g^2 of factors of the gcd (univariate, or linear in u or in v) opens into g^2 + σ^2 outside M; "
        "other limits (through other factors of the gcd, or other factors of P) are not searched; and the "
        f"interior criterion does not apply: {why}; so whether P is on the relative boundary is undecided"))


def _closed_answer() -> HeadBoundary:
    """``P ∈ M`` with ``M = V(R)`` handed in: off the (empty) relative boundary."""
    return HeadBoundary(False, True, "", "P ∈ M and M = V(R) (M Zariski closed, handed in): the boundary of M relative "
                        "to V(R) is empty, every point of M is interior to M inside V(R) "
                        "(docs/theory.md#polyphase-head-2d, closed function spaces)")


def _slack_limit(shape: Head2DShape, P: Any, member: HeadMembership, p_counts: dict, limits: Limits,
                 budget: Budget) -> HeadBoundary | None:
    """``P_σ = P·(1 + σ^2 x^{2i})`` from a real factorization in which two layers have room for ``x^i`` (``i`` the
    least such power: 1 for two head layers, ``a`` otherwise), as ``q_l·(1 + iσx^i)``, ``q_{l'}·(1 − iσx^i)``
    (docs/theory.md#polyphase-head-2d, slack limits); likewise along ``y``.  For small ``σ`` the real factors of
    ``P_σ`` are those of ``P`` and ``i`` pairs ``C(1, 0)``; its polyphase gcd is ``G`` when ``a ∤ 2i``, else ``G`` times
    ``F = 1 + σ^2 u^{2i/a}`` (one real factor ``u + c``, ``c > 0``, when ``2i/a`` is odd, and pairs)."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    g_labels, p_labels, conj, _, _ = _factorization_data(shape, P, member, limits)
    tried: set = set()
    for a_share, q_share in _each_real_factorization(shape, g_labels, p_labels, conj, budget):
        room = []
        for layer, box in zip(a_share, shape.head_boxes):
            room.append(((1, 1), (box[0] - sum(p_labels[lab][0][0] * n for lab, n in layer.items()),
                                  box[1] - sum(p_labels[lab][0][1] * n for lab, n in layer.items()))))
        for layer, box in zip(q_share, shape.boxes):
            room.append(((a, b), (box[0] - sum(g_labels[i][0][0] * n for i, n in layer.items()),
                                  box[1] - sum(g_labels[i][0][1] * n for i, n in layer.items()))))
        for l in range(len(room)):
            for l2 in range(l):
                for axis in (0, 1):
                    (st1, top1), (st2, top2) = room[l], room[l2]
                    i = math.lcm(st1[axis], st2[axis])
                    if i > min(st1[axis] * top1[axis], st2[axis] * top2[axis]) or (axis, i) in tried:
                        continue
                    tried.add((axis, i))
                    budget.spend()
                    n = (a, b)[axis]
                    unit = (1, 0) if axis == 0 else (0, 1)
                    pair_t = ("C",) + unit
                    counts = dict(p_counts)
                    counts[pair_t] = counts.get(pair_t, 0) + i
                    blocks = list(member.blocks)
                    if (2 * i) % n == 0:
                        p = 2 * i // n
                        if p % 2:
                            blocks.append(GcdBlock(unit, _monomial_split(n, 1, axis), 1))
                        blocks.extend(GcdBlock((2 * unit[0], 2 * unit[1]), ((pair_t, n),), 1) for _ in range(p // 2))
                    if _real_choice(shape, counts, blocks, budget) is not None:
                        continue
                    var = "xy"[axis]
                    names = [f"head layer {t + 1}" if t < k else f"strided layer {t - k + 1}" for t in (l2, l)]
                    return HeadBoundary(True, True, (
                        f"P_σ = P · (1 + σ^2 {var}^{2 * i}) (σ small, nonzero): {names[0]} times (1 + iσ{var}^{i}) and "
                        f"{names[1]} times (1 − iσ{var}^{i}) in a real factorization of P"), factors=(("slack", axis, i),),
                        reason=("P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ ≠ 0: a real factorization of P "
                                f"leaves two layers room for {var}^{i}; the real factors of P_σ are those of P and {i} "
                                f"pairs C{unit}, its polyphase gcd that of P"
                                + (f" times 1 + σ^2 {'uv'[axis]}^{2 * i // n}" if (2 * i) % n == 0 else "")
                                + ", and no choice of divisors of the gcd fits the boxes "
                                  "(docs/theory.md#polyphase-head-2d, slack limits)"))
    return None


def _pair_limit(shape: Head2DShape, P: Any, limits: Limits, budget: Budget) -> HeadBoundary | None:
    """``P_σ = P·(g^2 + σ^2)/g^2`` for a square of a Q-irreducible ``g`` linear in ``x`` or in ``y`` (``x`` and ``y``
    included) with ``g^2 ∉ R[x^a, y^b]`` (docs/theory.md#polyphase-head-2d, pair limits): for small ``σ ≠ 0``, ``g ± iσ`` is
    absolutely irreducible (or, for ``g`` of bidegree ``(1, 0)``, ``(0, 1)``, linear), in no block, and distinct
    from the factors of ``P' = P/g^2``, so ``P_σ`` has the real factors of ``P'`` plus one pair ``C(deg g)``
    and the polyphase gcd of ``P'``."""
    a, b = shape.strides
    _, fac = mpoly_factor(P)
    uv = integer_ring(("u", "v"))
    for g, e in fac:
        if int(e) < 2:
            continue
        terms = {(int(m[0]), int(m[1])): int(c) for m, c in g.terms()}
        d = (max(m[0] for m in terms), max(m[1] for m in terms))
        if min(d) > 1 or (min(d) == 0 and max(d) > 1):
            continue                          # not linear in x or in y (or univariate of degree ≥ 2)
        shifted = all(i % a == 0 and j % b == 0 for (i, j), c in (g * g).terms())
        if shifted and (len(terms) != 1 or d not in ((1, 0), (0, 1)) or (a, b)[d[1]] != 2):
            continue                          # g^2 ∈ R[x^a, y^b]: the pair may form a block
        budget.spend()                        # (g = x, a = 2: the pair (x − 2σ^2)^2 + σ^4 is in no block)
        rest = P // (g * g)
        nx, ny = shape.total[0] + 1, shape.total[1] + 1
        vals = [0] * (nx * ny)
        for m, c in rest.terms():
            vals[int(m[0]) * ny + int(m[1])] = Fraction(int(c))
        gd, _ = polyphase_gcd_2d(vals, Polyphase2DShape((0, 0), (a, b), (), shape.total))
        counts = _counts(factor_types(rest, limits)) if rest.total_degree() > 0 else {}
        counts[("C",) + d] = counts.get(("C",) + d, 0) + 1
        blocks = gcd_blocks(gd, (a, b), limits)
        if _real_choice(shape, counts, blocks, budget) is not None:
            continue
        if not _in_v(shape, rest, _poly(uv, gd), limits, budget, [(d, 2)]):
            continue
        if shifted:
            return HeadBoundary(True, True, f"P_σ = P · (({g} − 2σ^2)^2 + σ^4) / ({g})^2 (σ small, nonzero)",
                                factors=(("shifted pair", str(g)),), reason=(
                                    "P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ ≠ 0: the roots (2 ± i)σ^2 "
                                    "of the pair are new and their images under the stride's rotation are not roots of "
                                    "P_σ, so P_σ has the real factors of P/g^2 plus one pair and the polyphase gcd of "
                                    "P/g^2; no choice of divisors of the gcd fits the boxes, and the absolute factors do "
                                    "(docs/theory.md#polyphase-head-2d, shifted pair limits)"))
        return HeadBoundary(True, True, f"P_σ = P · ({g}^2 + σ^2) / ({g})^2 (σ small, nonzero)", factors=(("pair", str(g)),),
                            reason=("P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ ≠ 0: g ± iσ are absolutely "
                                    "irreducible, in no block and new, so P_σ has the real factors of P/g^2 plus the pair "
                                    "g^2 + σ^2 and the polyphase gcd of P/g^2; no choice of divisors of the gcd fits the "
                                    "boxes, and the absolute factors do (docs/theory.md#polyphase-head-2d)"))
    return None


def _gcd_pair_opening(g: dict, strides: Box) -> tuple[Box, int, Box, tuple] | None:
    """How ``g + iσ`` and ``(g + iσ)∘π`` split for all small ``σ ≠ 0`` (docs/theory.md#polyphase-head-2d, gcd pair
    limits), for a Q-irreducible ``g ∈ Z[u, v]`` univariate or linear in one variable: ``(d, n, t, split)``, ``g + iσ``
    having ``n`` absolute factors of bidegree ``d``, each with the complex block of ``t`` absolute factors of
    bidegree ``split`` in ``(x, y)``; None outside the cases proved."""
    a, b = strides
    du, dv = max(m[0] for m in g), max(m[1] for m in g)
    if dv == 0:                                          # g(u) + iσ: du simple roots; x^a − w: a simple roots
        return (1, 0), du, a, (1, 0)
    if du == 0:
        return (0, 1), dv, b, (0, 1)
    if du == 1 and (a == 1 or any(j for (i, j), c in g.items() if i == 0 and c)):
        return (1, dv), 1, 1, (a, b * dv)                # p(v)u + r(v) + iσ, r non-constant: Capelli
    if dv == 1 and (b == 1 or any(i for (i, j), c in g.items() if j == 0 and c)):
        return (du, 1), 1, 1, (a * du, b)
    return None


def _gcd_pair_limit(shape: Head2DShape, P: Any, member: HeadMembership, limits: Limits, budget: Budget
                    ) -> HeadBoundary | None:
    """``P_σ = P·(g^2 + σ^2)∘π / (g∘π)^2`` for a Q-irreducible factor ``g`` of the polyphase gcd with ``g^2 | G``,
    univariate, or linear in ``u`` (in ``v``) with the rest non-constant in ``v`` (in ``u``) or stride 1 along ``u``
    (``v``) (docs/theory.md#polyphase-head-2d, gcd pair limits).  For small ``σ ≠ 0`` the absolute factors of
    ``g ± iσ`` and of ``(g ± iσ)∘π`` are simple, new, none real and none conjugate to another of the same sign, with
    the bidegrees of :func:`_gcd_pair_opening`; so ``P_σ`` has the real factors of ``P' = P/(g∘π)^2`` plus pairs, and
    the polyphase gcd ``G_{P'}·(g^2 + σ^2)``, whose new real factors are pairs ``k k̄`` with blocks of pairs."""
    a, b = shape.strides
    uv = integer_ring(("u", "v"))
    _, gfac = mpoly_factor(_poly(uv, member.gcd))
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    able = []
    for g, e in gfac:
        if int(e) < 2:
            continue
        opening = _gcd_pair_opening({(int(m[0]), int(m[1])): int(c) for m, c in g.terms()}, (a, b))
        if opening is not None:
            able.append((g, opening))
    for size in range(1, len(able) + 1):                # one square at a time first, then several at once
        for chosen in itertools.combinations(able, size):
            budget.spend()
            rest = P
            for g, _ in chosen:
                gpi = _substitute(g, a, b)
                rest, r = divmod(rest, gpi * gpi)
                if r != 0:                               # pragma: no cover - g^2 | G gives (g∘π)^2 | P
                    raise AssertionError("the square of a factor of the polyphase gcd does not divide P")
            vals = [Fraction(0)] * (nx * ny)
            for m, c in rest.terms():
                vals[int(m[0]) * ny + int(m[1])] = Fraction(int(c))
            gd, _ = polyphase_gcd_2d(vals, Polyphase2DShape((0, 0), (a, b), (), shape.total))
            counts = _counts(factor_types(rest, limits)) if rest.total_degree() > 0 else {}
            blocks = list(gcd_blocks(gd, (a, b), limits))
            extra, atoms = [], []
            for g, (d, n, t, split) in chosen:
                pair = ("C",) + split
                counts[pair] = counts.get(pair, 0) + n * t
                blocks += [GcdBlock((2 * d[0], 2 * d[1]), ((pair, t),), 1)] * n
                extra.append((split, 2 * n * t))
                atoms.append((d, 2 * n, [(split, t)]))
            if _real_choice(shape, counts, blocks, budget) is not None:
                continue
            if not _in_v(shape, rest, _poly(uv, gd), limits, budget, extra, atoms):
                continue
            gpis = [str(_substitute(g, a, b)) for g, _ in chosen]
            words = " · ".join(f"(({s})^2 + σ^2) / ({s})^2" for s in gpis)
            what = ", ".join(f"{d[1]} pairs of bidegree {d[0]}" for d in
                             ((split, n * t) for _, (_, n, t, split) in chosen))
            return HeadBoundary(True, True, (
                f"P_σ = P · {words} (σ small, nonzero): the square of each factor "
                f"{', '.join(str(g) for g, _ in chosen)} of the polyphase gcd opens into the conjugate factors g ± iσ"),
                factors=tuple(("gcd pair", s, str(g)) for s, (g, _) in zip(gpis, chosen)),
                reason=("P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ ≠ 0: g ± iσ and (g ± iσ)(x^a, y^b) "
                        "have simple absolute factors, none real, new and, for distinct g, coprime, so P_σ has the real "
                        f"factors of P/Π(g∘π)^2 plus {what} and the polyphase gcd of P/Π(g∘π)^2 times Π(g^2 + σ^2); "
                        "no choice of divisors of the gcd fits the boxes, and the absolute factors do "
                        "(docs/theory.md#polyphase-head-2d, gcd pair limits)"))
    return None


def _cluster_limit(shape: Head2DShape, P: Any, member: HeadMembership, limits: Limits, budget: Budget
                   ) -> HeadBoundary | None:
    """*Cluster limits* (docs/theory.md#polyphase-head-2d): a real factorization of ``P`` in which layers share a
    Q-irreducible factor ``ψ = x − c`` (``y − c``; a strided layer holds it as its own block, i.e. at stride 1 along
    that variable) opens the copies that a choice of holders gives up (``k_l`` from layer ``l``, ``N = Σ k_l``) into
    ``R < N`` real roots ``c + jσ`` and ``(N − R)/2`` pairs ``c + j(2 ± i)σ``, and moves the rest ``r_l`` of every
    giver whose box less the copies is ``(1, 1)`` (in ``u, v`` for a strided layer, stride 1 along ``x`` or ``y``) and
    which is not already absolutely irreducible of that bidegree to ``r_l + σ t_l``, ``t_l = 1 + xy`` (``1 + x^a y^b``):
    absolutely irreducible of bidegree ``(1, 1)`` for small ``σ ≠ 0`` (its determinant has the term ``σ^2``).  The
    layers so moved form a complex factorization of ``P_σ``, so ``P_σ ∈ V(R)``; for small ``σ ≠ 0`` the real factors
    of ``P_σ`` are those of ``P'' = P/(Π ψ^N Π r_l)`` plus the new ones, and its polyphase gcd is that of ``P''``
    times the new factors that are polynomials in ``u, v`` (the roots at stride 1 along their variable, the moved
    strided rests); the others are in no block (a rotation of ``x − w`` or of ``r_l + σt_l`` divides ``P_σ`` for
    finitely many ``σ`` only).  The membership theorem on these counts decides ``P_σ ∈ M`` for all small ``σ`` at once."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    g_labels, p_labels, conj, _, poly = _factorization_data(shape, P, member, limits)
    xy = integer_ring(("x", "y"))
    X, Y = xy.gens()
    uv = integer_ring(("u", "v"))
    boxes = list(shape.head_boxes) + list(shape.boxes)
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    one = xy.from_dict({(0, 0): 1})

    def gpoly(i: int) -> Any:
        """``h∘π`` for a label ``h`` of the gcd whose block holds Q-irreducible factors only, else None."""
        out = one
        for lab, m in g_labels[i][2].items():
            f = poly(lab)
            if f is None:
                return None
            out *= f ** m
        return out

    tried: set = set()
    for a_share, q_share in _each_real_factorization(shape, g_labels, p_labels, conj, budget):
        shared = []                                 # (label, axis, atom or None, {layer: copies})
        for lab, (size, _) in sorted(p_labels.items()):
            if lab[1] or size not in ((1, 0), (0, 1)) or poly(lab) is None:
                continue
            holders = {l: a_share[l][lab] for l in range(k) if a_share[l].get(lab)}
            atom = next((i for i, g in enumerate(g_labels) if g[2] == {lab: 1}), None)
            if atom is not None:
                holders.update({k + l: layer[atom] for l, layer in enumerate(q_share) if layer.get(atom)})
            if len(holders) >= 2:
                shared.append((lab, 0 if size == (1, 0) else 1, atom, holders))
        if not shared:
            continue
        per = []
        for lab, axis, atom, holders in shared:
            ls = sorted(holders)
            opts = [({}, 0, 0)]
            for ks in _choices([holders[l] for l in ls]):
                n = sum(ks)
                opts += [(dict((l, c) for l, c in zip(ls, ks) if c), r, n) for r in range(n % 2, n - 1, 2)]
            per.append(opts)
        for conf in _product_of(per):
            if all(n == 0 for _, _, n in conf):
                continue
            key = (tuple(tuple(sorted(layer.items())) for layer in a_share),
                   tuple(tuple(sorted(layer.items())) for layer in q_share), tuple((tuple(sorted(ks.items())), r, n)
                                                                                   for ks, r, n in conf))
            if key in tried:
                continue
            tried.add(key)
            budget.spend()
            removed = one
            counts: dict = {}
            new_blocks: list = []
            extra: list = []
            atoms_extra: list = []
            clusters = []
            gave: dict = {}
            for (lab, axis, atom, _), (ks, r, n) in zip(shared, conf):
                if not n:
                    continue
                psi = poly(lab)
                unit = (1, 0) if axis == 0 else (0, 1)
                removed *= psi ** n
                counts[("R",) + unit] = counts.get(("R",) + unit, 0) + r
                counts[("C",) + unit] = counts.get(("C",) + unit, 0) + (n - r) // 2
                extra.append((unit, n))
                if (a, b)[axis] == 1:               # polynomials in u (v): atoms of the gcd
                    new_blocks += [GcdBlock(unit, ((("R",) + unit, 1),), 1)] * r
                    new_blocks += [GcdBlock((2 * unit[0], 2 * unit[1]), ((("C",) + unit, 1),), 1)] * ((n - r) // 2)
                    atoms_extra.append((unit, n, [(unit, 1)]))
                clusters.append((str(psi), n, r))
                for l, c in ks.items():
                    gave.setdefault(l, []).append((lab, atom, c, unit))
            moved = []
            for l, given in sorted(gave.items()):
                nominal = [boxes[l][0], boxes[l][1]]
                for _, _, c, unit in given:
                    nominal[0] -= c * unit[0]
                    nominal[1] -= c * unit[1]
                if nominal != [1, 1] or (l >= k and a != 1 and b != 1):
                    continue
                if l < k:
                    rest = dict(a_share[l])
                    for lab, _, c, _ in given:
                        rest[lab] -= c
                    rest = {lab: c for lab, c in rest.items() if c}
                    if len(rest) == 1 and list(rest.values()) == [1] and p_labels[next(iter(rest))][0] == (1, 1):
                        continue                    # already absolutely irreducible of bidegree (1, 1)
                    fs = [(poly(lab), c) for lab, c in rest.items()]
                    t, kind = X * Y + 1, (1, 1)
                else:
                    rest = dict(q_share[l - k])
                    for _, atom, c, _ in given:
                        rest[atom] -= c
                    rest = {i: c for i, c in rest.items() if c}
                    if len(rest) == 1 and list(rest.values()) == [1] and g_labels[next(iter(rest))][0] == (1, 1):
                        continue
                    fs = [(gpoly(i), c) for i, c in rest.items()]
                    t, kind = X ** a * Y ** b + 1, (a, b)
                if any(f is None for f, _ in fs):
                    continue
                r_l = one
                for f, c in fs:
                    r_l *= f ** c
                removed *= r_l
                counts[("R",) + kind] = counts.get(("R",) + kind, 0) + 1
                extra.append((kind, 1))
                if l >= k:
                    new_blocks.append(GcdBlock((1, 1), ((("R",) + kind, 1),), 1))
                    atoms_extra.append(((1, 1), 1, [(kind, 1)]))
                moved.append((str(r_l), str(t), "head" if l < k else "strided", l if l < k else l - k))
            rest_p, rem = divmod(P, removed)
            if rem != 0:                                 # pragma: no cover - the copies and rests divide P
                raise AssertionError("the cluster copies and the moved rests do not divide P")
            for t, e in (_counts(factor_types(rest_p, limits)) if rest_p.total_degree() > 0 else {}).items():
                counts[t] = counts.get(t, 0) + e
            counts = {t: e for t, e in counts.items() if e}
            vals = [Fraction(0)] * (nx * ny)
            for m, c in rest_p.terms():
                vals[int(m[0]) * ny + int(m[1])] = Fraction(int(c))
            gd, _ = polyphase_gcd_2d(vals, Polyphase2DShape((0, 0), (a, b), (), shape.total))
            blocks = list(gcd_blocks(gd, (a, b), limits)) + new_blocks
            if _real_choice(shape, counts, blocks, budget) is not None:
                continue
            if not _in_v(shape, rest_p, _poly(uv, gd), limits, budget, extra, atoms_extra):   # pragma: no cover
                continue                                 # the moved layers are a complex factorization of P_σ
            words = "; ".join(f"{n} copies of {psi} open into {r} real roots and {(n - r) // 2} pairs"
                              for psi, n, r in clusters)
            rests = "; ".join(f"the rest {r_l} of {kind} layer {l + 1} moves to ({r_l}) + σ({t})"
                              for r_l, t, kind, l in moved)
            return HeadBoundary(True, True, (
                f"P_σ → P (σ small, nonzero): {words} (c + jσ, c + j(2 ± i)σ)" + (f"; {rests}" if rests else "")),
                factors=(("cluster", tuple(clusters), tuple((r_l, t) for r_l, t, _, _ in moved)),),
                reason=("P ∈ M, and P_σ → P lies in V(R) \\ M for every small σ ≠ 0: the layers of a real factorization "
                        "of P, with copies of a shared linear factor opened into roots and conjugate pairs and the rests "
                        "of their holders moved to absolutely irreducible polynomials of bidegree (1, 1), form a complex "
                        "factorization of P_σ; its real factors are those of P'' plus the new ones, its polyphase gcd "
                        "that of P'' times the new factors in u, v, and no choice of divisors of the gcd fits the boxes "
                        "(docs/theory.md#polyphase-head-2d, cluster limits)"))
    return None


# ------------------------------------------------------------------ relative boundary, head case: interior points
@dataclass(frozen=True)
class HeadInterior:
    """The answer of :func:`head_interior_member`.

    Attributes
    ----------
    certified : bool
        ``True``: ``P ∈ M`` and a neighbourhood of ``P`` in ``V(R)`` lies in ``M``, so ``P`` is not on the
        boundary of ``M`` relative to ``V(R)`` (docs/theory.md#polyphase-head-2d, interior points).
        ``False``: the criterion does not apply (``reason`` says which of its conditions fails, or that
        ``P ∉ M`` or ``P = 0``); the point may still be interior.
    in_function_space : bool
        ``P ∈ M``.
    factorizations : int
        The complex factorizations of ``P`` into layers (assignments of absolute factors to layers) checked.
    reason : str
    """

    certified: bool
    in_function_space: bool
    factorizations: int
    reason: str


def _integer_filter(shape: Head2DShape, values: Sequence[Fraction]) -> Any:
    """The filter as a primitive-free integer polynomial in ``Z[x, y]`` (cleared denominators)."""
    den = math.lcm(*(v.denominator for v in values))
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    return integer_ring(("x", "y")).from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx)
                                               for j in range(ny) if values[i * ny + j] != 0})


def _distributions(items: Sequence[tuple[Any, Box, int]], boxes: Sequence[Box], budget: Budget) -> Any:
    """Every way to place all of ``items`` (``(key, bidegree, count)``) into ``boxes``, every box's total
    bidegree within it: per box a dict ``key -> count``."""
    load = [[0, 0] for _ in boxes]
    out: list[dict] = [{} for _ in boxes]

    def place(i: int, k: int, left: int) -> Any:
        budget.spend()
        if i == len(items):
            yield [dict(o) for o in out]
            return
        key, (dx, dy), count = items[i]
        if k == len(boxes) - 1:
            n_range: Any = (left,)
        else:
            n_range = range(left, -1, -1)
        for n in n_range:
            bx, by = boxes[k]
            if load[k][0] + n * dx > bx or load[k][1] + n * dy > by:
                continue
            load[k][0] += n * dx
            load[k][1] += n * dy
            if n:
                out[k][key] = n
            if k == len(boxes) - 1 or n == left:
                yield from place(i + 1, 0, items[i + 1][2]) if i + 1 < len(items) else place(i + 1, 0, 0)
            else:
                yield from place(i, k + 1, left - n)
            out[k].pop(key, None)
            load[k][0] -= n * dx
            load[k][1] -= n * dy

    if not items:
        yield [{} for _ in boxes]
        return
    if not boxes:
        return
    yield from place(0, 0, items[0][2])


def _shares_monomial(s: tuple[int, int, int, int], t: tuple[int, int, int, int]) -> bool:
    """Do two slack spaces share a monomial other than 1?  A slack space is ``(step_x, step_y, top_x, top_y)``:
    the monomials ``x^i y^j`` with ``i ∈ step_x·{0..top_x}``, ``j ∈ step_y·{0..top_y}``."""
    for axis in (0, 1):
        hi_s, hi_t = s[axis] * s[axis + 2], t[axis] * t[axis + 2]
        step = math.lcm(s[axis], t[axis])
        if step <= min(hi_s, hi_t):
            return True
    return False


def _factorization_data(shape: Head2DShape, P: Any, member: HeadMembership, limits: Limits) -> tuple:
    """The absolute factors of ``P`` and of its polyphase gcd as labels (docs/theory.md#polyphase-head-2d, all
    factorizations): ``(g_labels, p_labels, conj, name, poly)``."""
    a, b = shape.strides
    xy = integer_ring(("x", "y"))
    X, Y = xy.gens()
    uv = integer_ring(("u", "v"))
    _, fac = mpoly_factor(P)
    atoms = [(f, int(e)) for f, e in fac]
    g = member.gcd
    i0, j0 = min(m[0] for m in g), min(m[1] for m in g)
    rest = uv.from_dict({(i - i0, j - j0): c for (i, j), c in g.items()})
    F = _substitute(rest, a, b)
    sources = {i for i, (f, _) in enumerate(atoms) if f != X and f != Y and F % f == 0}
    certs = [absolutely_irreducible_certificate(f) for f, _ in atoms]
    items, mult, (blocks,) = lattice_blocks(atoms, certs, [((a, b), sources)], limits)
    own: dict = {}

    def kind(k: int) -> tuple[str, Box]:
        r = items[k]
        if r.kind == "real":
            return "R", r.bidegree
        if r.kind == "pair":
            return "C", (r.bidegree[0] // 2, r.bidegree[1] // 2)
        if r.source not in own:
            own[r.source] = factor_types(atoms[r.source][0], limits)[0][0]
        t = own[r.source]
        return t[0], (t[1], t[2])

    def name(k: int) -> str:
        f = atoms[items[k].source][0]
        return str(f) if items[k].kind == "rational" else f"a real factor of {f}"

    # the absolute factors of P as labels (k, side): side 0 for a real one, ±1 for the two of a pair
    p_labels: dict = {}
    for k in range(len(items)):
        t, d = kind(k)
        for side in ((0,) if t == "R" else (1, -1)):
            p_labels[(k, side)] = (d, mult[k])
    # the absolute factors of the polyphase gcd G: (bidegree in u, v; exponent; complex block {label: count}; conj)
    g_labels: list = []
    for low, gen, size, step in ((i0, X, (1, 0), a), (j0, Y, (0, 1), b)):
        if low:                              # u (v): the block x^a (y^b)
            src = next(i for i, (f, _) in enumerate(atoms) if f == gen)
            k = next(k for k, r in enumerate(items) if r.source == src)
            g_labels.append((size, low, {(k, 0): step}, len(g_labels)))
    g_atoms = []
    if len(rest) > 1:
        _, gfac = mpoly_factor(rest)
        for h, _ in gfac:
            (t, dx, dy), _ = factor_types(h, limits)[0]
            g_atoms.append((_substitute(h, a, b), (dx, dy)))
    for blk in blocks:
        size = (sum(items[k].bidegree[0] for k in blk) // a, sum(items[k].bidegree[1] for k in blk) // b)
        e = min(mult[k] for k in blk)
        phi = atoms[items[blk[0]].source][0]
        d = next(d for H, d in g_atoms if H % phi == 0)
        if size == d:                                       # f absolutely irreducible: one complex block
            block = {lab: 1 for lab in p_labels if lab[0] in blk}
            g_labels.append((size, e, block, len(g_labels)))
        else:                                               # f = h h̄: each pair of the block splits between them
            if size != (2 * d[0], 2 * d[1]) or any(kind(k)[0] != "C" for k in blk):   # pragma: no cover
                raise AssertionError("a block of a pair of the polyphase gcd holds a real absolute factor")
            n = len(g_labels)
            g_labels.append((d, e, {(k, 1): 1 for k in blk}, n + 1))
            g_labels.append((d, e, {(k, -1): 1 for k in blk}, n))

    def conj(lab: tuple) -> tuple:
        return (lab[0], -lab[1])

    def poly(lab: tuple) -> Any:
        """The polynomial of a label of ``P`` (in ``x, y``) when it is a Q-irreducible factor, else None."""
        return atoms[items[lab[0]].source][0] if items[lab[0]].kind == "rational" else None

    return g_labels, p_labels, conj, name, poly


def _each_factorization(shape: Head2DShape, g_labels: list, p_labels: dict, budget: Budget) -> Any:
    """Every complex factorization of ``P`` up to scalars: ``(a_share, q_share)``, per head layer the absolute
    factors of ``P`` it holds, per strided layer the absolute factors of ``G`` it holds."""
    for c in _choices([e for _, e, _, _ in g_labels]):
        budget.spend()
        left = {lab: n for lab, (_, n) in p_labels.items()}
        for (_, _, block, _), n in zip(g_labels, c):
            for lab, m in block.items():
                left[lab] -= n * m
        if any(n < 0 for n in left.values()):                # pragma: no cover - Q∘π divides P
            raise AssertionError("a complex block does not divide P")
        q_items = [(i, g_labels[i][0], n) for i, n in enumerate(c) if n]
        a_items = [(lab, p_labels[lab][0], n) for lab, n in sorted(left.items()) if n]
        for q_share in _distributions(q_items, shape.boxes, budget):
            for a_share in _distributions(a_items, shape.head_boxes, budget):
                yield a_share, q_share


def _each_real_factorization(shape: Head2DShape, g_labels: list, p_labels: dict, conj: Any, budget: Budget) -> Any:
    """The factorizations of :func:`_each_factorization` that are real up to scalars: every layer holds each
    non-real absolute factor as often as its conjugate."""
    for a_share, q_share in _each_factorization(shape, g_labels, p_labels, budget):
        if any(lab[1] and layer.get(conj(lab), 0) != n for layer in a_share for lab, n in layer.items()):
            continue
        if any(g_labels[i][3] != i and layer.get(g_labels[i][3], 0) != n for layer in q_share for i, n in layer.items()):
            continue
        yield a_share, q_share


def _merged(boxes: Sequence[Box]) -> tuple[tuple[Box, ...], tuple]:
    """The boxes with the univariate ones of each axis merged into one (docs/theory.md#polyphase-head-2d, merged
    univariate layers), and per merged box ``(axis, m)`` (``m`` the number of odd degrees merged) or None."""
    out, info = [], []
    for n in boxes:
        if n[0] == 0 or n[1] == 0:
            continue
        out.append(n)
        info.append(None)
    for axis in (0, 1):
        group = [n[axis] for n in boxes if n[axis] >= 1 and n[1 - axis] == 0]
        if group:
            out.append((sum(group), 0) if axis == 0 else (0, sum(group)))
            info.append((axis, sum(d % 2 for d in group)))
    out.extend(n for n in boxes if n == (0, 0))
    info.extend(None for n in boxes if n == (0, 0))
    return tuple(out), tuple(info)


def _odd_real_roots(layer: dict, box: Box, axis: int, size: Any, real: Any) -> int:
    """Real roots of odd multiplicity, infinity included, of a merged univariate layer of formal degree ``box``."""
    degree = sum(size(lab)[axis] * n for lab, n in layer.items())
    odd = sum(1 for lab, n in layer.items() if real(lab) and n % 2)
    return odd + (box[axis] - degree) % 2


def _interior(shape: Head2DShape, P: Any, member: HeadMembership, limits: Limits, budget: Budget
              ) -> tuple[bool, int, str]:
    """The interior criteria at ``P ∈ M``, ``P ≠ 0`` (:func:`_interior_for`); failing them, the same with every
    strided layer whose box is univariate along an axis of stride 1 read as a head layer (``u = x`` when ``a = 1``:
    the same parameterization), so that it merges with the univariate head layers."""
    ok, n, why = _interior_for(shape, P, member, limits, budget)
    if ok:
        return ok, n, why
    a, b = shape.strides
    moved = [m for m in shape.boxes if m != (0, 0) and ((m[1] == 0 and a == 1) or (m[0] == 0 and b == 1))]
    kept = [m for m in shape.boxes if m not in moved]
    if not moved or not kept:
        return ok, n, why
    relabelled = Head2DShape(shape.head_boxes + tuple(moved), shape.strides, tuple(kept), shape.total)
    ok2, n2, why2 = _interior_for(relabelled, P, member, limits, budget)
    if ok2:
        return True, n + n2, (f"with the strided layers {', '.join(f'{m[0] + 1}x{m[1] + 1}' for m in moved)} (univariate "
                              "along an axis of stride 1) read as head layers: " + why2)
    return False, n + n2, why


def _interior_for(shape: Head2DShape, P: Any, member: HeadMembership, limits: Limits, budget: Budget
                  ) -> tuple[bool, int, str]:
    """The interior criterion (docs/theory.md#polyphase-head-2d, interior points) at ``P ∈ M``, ``P ≠ 0``:
    every complex factorization of ``P`` is real up to scalars and regular (pole orders, slack spaces), or, with
    overlapping pole orders, passes the test of linear factors shared by layers; failing that, the same with the
    univariate layers of each axis and stride merged, every merged layer then holding at least as many real roots of
    odd multiplicity as its layers have odd degrees."""
    g_labels, p_labels, conj, name, _ = _factorization_data(shape, P, member, limits)
    checked = 0
    why = ""
    clusters = 0
    for a_share, q_share in _each_factorization(shape, g_labels, p_labels, budget):
        checked += 1
        why = _check_factorization(shape, a_share, q_share, g_labels, p_labels, conj, name)
        if "overlapping pole orders" in why:
            again = _cluster_packing(shape, a_share, q_share, g_labels, p_labels, name, budget)
            if not again:
                clusters += 1
                why = ""
            else:
                why = f"{why}; linear factors shared by layers: {again}"
        if why:
            break
    if not checked:                                         # pragma: no cover - P ∈ M has a factorization
        raise AssertionError("P ∈ M but no complex factorization found")
    if not why and clusters:
        return True, checked, (
            f"every one of the {checked} complex factorizations of P into layers (assignments of its absolute "
            f"factors) is real up to scalars; {checked - clusters} are regular, and in the other {clusters} the layers "
            "share only real factors linear in x or in y, no two layers have room for x (for y), and whatever "
            "number of conjugate pairs the shared linear factors split into nearby, the parts of the layers can be "
            "regrouped into real layers; so every point of V(R) near P has a real factorization "
            "(docs/theory.md#polyphase-head-2d, linear factors shared by layers)")
    if not why:
        return True, checked, (
            f"every one of the {checked} complex factorizations of P into layers (assignments of its absolute "
            "factors) is real up to scalars, its layers' quotients r_l/q_l in a kernel vector of the differential can "
            "have no pole (disjoint pole orders along every shared factor) and no monomial other than 1 lies in the "
            "slack spaces of two layers; so the differential of the parameterization has rank N − L + 1 there, the "
            "parameterization is injective up to scalars near each, and every point of V(R) near P has a real "
            "factorization (docs/theory.md#polyphase-head-2d, interior points)")
    heads, head_info = _merged(shape.head_boxes)
    strided, strided_info = _merged(shape.boxes)
    if heads == shape.head_boxes and strided == shape.boxes:
        return False, checked, why
    merged = Head2DShape(heads, shape.strides, strided, shape.total)
    count = 0
    for a_share, q_share in _each_factorization(merged, g_labels, p_labels, budget):
        count += 1
        again = _check_factorization(merged, a_share, q_share, g_labels, p_labels, conj, name)
        if not again:
            for layers, boxes, info, size, real in (
                    (a_share, heads, head_info, lambda lab: p_labels[lab][0], lambda lab: lab[1] == 0),
                    (q_share, strided, strided_info, lambda i: g_labels[i][0], lambda i: g_labels[i][3] == i)):
                for layer, box, inf in zip(layers, boxes, info):
                    if inf is not None and _odd_real_roots(layer, box, inf[0], size, real) < inf[1]:
                        again = (f"a factorization with the univariate layers merged leaves a merged layer in "
                                 f"{'xy'[inf[0]]} fewer real roots of odd multiplicity than its {inf[1]} layers of odd "
                                 "degree need (on the boundary of its one-dimensional function space)")
                        break
                if again:
                    break
        if again:
            return False, checked + count, f"{why}; with the univariate layers merged: {again}"
    return True, checked + count, (
        f"with the univariate layers of each axis merged, every one of the {count} complex factorizations of P is "
        "real up to scalars and regular, and every merged layer has at least as many real roots of odd "
        "multiplicity (infinity included) as its layers have odd degrees, so it is interior to its one-dimensional "
        "function space; every point of V(R) near P has a real factorization of the merged layers near one of "
        "P, whose merged layers split into the original ones (docs/theory.md#polyphase-head-2d, merged univariate "
        "layers)")


def _check_factorization(shape: Head2DShape, a_share: list, q_share: list, g_labels: list, p_labels: dict,
                         conj: Any, name: Any) -> str:
    """Why one complex factorization fails the interior criterion, or ``""``.

    (i) every layer holds conjugate absolute factors equally often; (ii) the poles: at a kernel vector
    ``(r_l)`` of the differential, ``Σ_l r_l/q_l = 0`` (``q_l``, ``r_l`` read in ``x, y``); along an absolute
    factor ``ψ`` the term of a head layer has a pole of order in ``{1..e}`` (``e`` the exponent of ``ψ`` in it),
    of a strided layer holding ``k^c`` (``ψ | k(x^a, y^b)``) in ``{1..c}``, the same for every ``ψ`` of the block
    of ``k``, and in ``{a, 2a, .., ca}`` for ``ψ = x``, ``k = u`` (likewise ``y``, ``v``); a largest pole attained by
    one term only cannot cancel, so where the remaining terms' sets are disjoint no term has a pole, and every
    term must end pole-free; (iii) then ``r_l = t_l q_l`` with ``Σ t_l = 0``, and the kernel is the scalings iff
    no monomial other than 1 lies in the slack spaces of two layers."""
    a, b = shape.strides
    slacks: list = []
    terms: dict = {}                  # ψ -> [(group, set of pole orders)]
    where: dict = {}                  # group -> its layer's name
    for l, (layer, box) in enumerate(zip(a_share, shape.head_boxes)):
        for lab, n in layer.items():
            if lab[1] and layer.get(conj(lab), 0) != n:
                return (f"a complex factorization puts the two conjugate absolute factors of {name(lab[0])} into "
                        f"different layers (head layer {l + 1} holds {n} of one and {layer.get(conj(lab), 0)} of the "
                        "other), so it is not real")
            terms.setdefault(lab, []).append((("h", l, lab), frozenset(range(1, n + 1))))
            where[("h", l, lab)] = f"head layer {l + 1}"
        dx = sum(p_labels[lab][0][0] * n for lab, n in layer.items())
        dy = sum(p_labels[lab][0][1] * n for lab, n in layer.items())
        slacks.append((f"head layer {l + 1}", (1, 1, box[0] - dx, box[1] - dy)))
    for l, (layer, box) in enumerate(zip(q_share, shape.boxes)):
        for i, n in layer.items():
            j = g_labels[i][3]
            if j != i and layer.get(j, 0) != n:
                return ("a complex factorization puts two conjugate absolute factors of a factor of the polyphase gcd "
                        f"into different layers (strided layer {l + 1} holds {n} of one and {layer.get(j, 0)} of the "
                        "other), so it is not real")
            for lab, step in g_labels[i][2].items():      # step a (b) for u (v), 1 for a block
                terms.setdefault(lab, []).append((("s", l, i), frozenset(step * m for m in range(1, n + 1))))
            where[("s", l, i)] = f"strided layer {l + 1}"
        du = sum(g_labels[i][0][0] * n for i, n in layer.items())
        dv = sum(g_labels[i][0][1] * n for i, n in layer.items())
        slacks.append((f"strided layer {l + 1}", (a, b, box[0] - du, box[1] - dv)))
    free: set = set()
    changed = True
    while changed:
        changed = False
        for lab, ts in terms.items():
            left = [(grp, orders) for grp, orders in ts if grp not in free]
            if left and all(not (left[s][1] & left[t][1]) for s in range(len(left)) for t in range(s)):
                free.update(grp for grp, _ in left)
                changed = True
    for lab, ts in sorted(terms.items()):
        held = sorted({where[grp] for grp, _ in ts if grp not in free})
        if held:
            return (f"a factorization puts the factor {name(lab[0])} into {' and '.join(held)} with overlapping pole "
                    "orders, so the differential of the parameterization may not be of full rank there")
    for s in range(len(slacks)):
        for t in range(s):
            if _shares_monomial(slacks[s][1], slacks[t][1]):
                return (f"a factorization leaves {slacks[t][0]} and {slacks[s][0]} room for a common monomial other "
                        "than 1 (a factor tending to a constant can move between them), so the differential of the "
                        "parameterization is not of full rank there")
    return ""


def _cluster_packing(shape: Head2DShape, a_share: list, q_share: list, g_labels: list, p_labels: dict,
                     name: Any, budget: Budget) -> str:
    """Why a real factorization with overlapping pole orders fails the cluster criterion, or ``""``
    (docs/theory.md#polyphase-head-2d, linear factors shared by layers).

    (H1) every absolute factor held by two layers (a strided layer through its blocks) is real and linear in one
    variable, ``x − c`` or ``y − c``, the factors shared by two given layers all in the same variable, and a strided
    layer holding one has stride 1 along that variable — or, between strided layers only, a real factor ``u − c``
    (``v − c``) of the gcd at any stride, read in ``u, v`` — or, *frozen*, a strided layer at stride ``≥ 2`` along it
    when the head layers together do not hold a whole block of any of its atoms holding ``ψ`` (the atoms near such an
    atom stay balanced among the strided layers, so the copies of ``ψ`` move among its head holders only); (H2) no
    two layers both have room for ``x``, nor both for ``y`` (slack in units of ``x``, ``y``).  Then near the factorization every absolute factor of a nearby point
    whose conjugate lies in another layer is linear, ``x − w`` with ``w → c``.  (H3) for every number ``k_l ≤ e_l``
    of such linear factors per layer holding ``ψ = x − c`` (``e_l`` times) and every number ``R < Σ k_l`` of real
    ones among them (of the parity of ``Σ k_l``), the pieces — per layer its box less the ``k_l``, a real factor, a
    strided one in ``u, v``; ``R`` real linear factors; ``(Σ k_l − R)/2`` real quadratics in ``x`` — can be packed
    into the boxes (in a box univariate along ``ψ``'s variable ``k_l = e_l``, and the simple real roots of the layer
    split off as real linear pieces: they stay real nearby).  Sufficient for every nearby point of ``V(R)`` with a factorization near this one to lie in
    ``M``."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    held: list = [dict(layer) for layer in a_share]
    slack: list = []
    for layer, box in zip(a_share, shape.head_boxes):
        slack.append((box[0] - sum(p_labels[lab][0][0] * n for lab, n in layer.items()),
                      box[1] - sum(p_labels[lab][0][1] * n for lab, n in layer.items())))
    for layer, box in zip(q_share, shape.boxes):
        h: dict = {}
        for i, n in layer.items():
            for lab, m in g_labels[i][2].items():
                h[lab] = h.get(lab, 0) + n * m
        held.append(h)
        slack.append((a * (box[0] - sum(g_labels[i][0][0] * n for i, n in layer.items())),
                      b * (box[1] - sum(g_labels[i][0][1] * n for i, n in layer.items()))))
    layers = range(len(held))
    place = [f"head layer {l + 1}" if l < k else f"strided layer {l - k + 1}" for l in layers]
    for l in layers:
        for l2 in range(l):
            for axis in (0, 1):
                if min(slack[l][axis], slack[l2][axis]) > 0:
                    return (f"{place[l2]} and {place[l]} both have room for {'xy'[axis]} (in units of x, y), so a "
                            "factor moving between them need not be linear")
    shared: dict = {}
    # atoms u − c (v − c) of the gcd held by several strided layers at stride ≥ 2 along their variable: clusters of
    # atoms u − s, s → c, read in (u, v) (their blocks stay in the strided layers)
    atom_of: dict = {}
    for i, (size, _, block, twin) in enumerate(g_labels):
        holders = {k + l: layer[i] for l, layer in enumerate(q_share) if layer.get(i)}
        if len(holders) < 2 or size not in ((1, 0), (0, 1)) or (a, b)[size[1]] == 1:
            continue
        if twin != i:
            return (f"strided layers {' and '.join(place[l] for l in holders)} share a factor of the polyphase gcd "
                    "that is not real")
        shared[("atom", i)] = (size[1], holders)
        for lab in block:
            atom_of[lab] = i
    head_mult: dict = {}
    for layer in a_share:
        for lab, n in layer.items():
            head_mult[lab] = head_mult.get(lab, 0) + n
    touch: dict = dict(shared)                      # every sharing, frozen ones included (one variable per pair)
    for lab in sorted({lab for h in held for lab in h}):
        holders = {l: held[l][lab] for l in layers if held[l].get(lab)}
        if len(holders) < 2 or (lab in atom_of and all(l >= k for l in holders)):
            continue
        size = p_labels[lab][0]
        if lab[1] or size not in ((1, 0), (0, 1)):
            return (f"layers {' and '.join(place[l] for l in holders)} share the factor {name(lab[0])}, which is not "
                    "real and linear in x or in y")
        axis = 0 if size == (1, 0) else 1
        touch[lab] = (axis, dict(holders))
        for l in list(holders):
            if l >= k and (a, b)[axis] != 1:
                # frozen: no head layers jointly hold a full block of an atom of this layer holding ψ, so the atoms
                # near it stay balanced among the strided layers and ψ's nearby copies do not move to the heads
                for i in q_share[l - k]:
                    block = g_labels[i][2]
                    if lab in block and all(head_mult.get(lab2, 0) >= m for lab2, m in block.items()):
                        return (f"{place[l]} shares the linear factor {name(lab[0])} with another layer at stride "
                                f"{(a, b)[axis]} along {'xy'[axis]}, and the head layers hold a whole block of it")
                del holders[l]
            elif l >= k and not any(g_labels[i][2] == {lab: 1} for i in q_share[l - k]):  # pragma: no cover
                raise AssertionError("a linear factor of a strided layer at stride 1 is not its own block")
        if len(holders) >= 2:
            shared[lab] = (axis, holders)
    for l in layers:
        for l2 in range(l):
            axes = {touch[lab][0] for lab in touch if l in touch[lab][1] and l2 in touch[lab][1]}
            if len(axes) > 1:
                return (f"{place[l2]} and {place[l]} share linear factors in x and in y (their product can tend to a "
                        "factor of bidegree (1, 1))")
    boxes = list(shape.head_boxes) + list(shape.boxes)
    # a layer univariate along an axis: its simple real roots other than the shared factors stay real nearby, and
    # all its copies of a shared factor stay linear factors (k_l = e_l)
    uni = {l: (0 if boxes[l][1] == 0 else 1) for l in layers if 0 in boxes[l] and boxes[l] != (0, 0)}
    robust = {}
    for l, axis in uni.items():
        unit = (1, 0) if axis == 0 else (0, 1)
        if l < k:
            robust[l] = sum(1 for lab, n in a_share[l].items()
                            if n == 1 and not lab[1] and lab not in shared and p_labels[lab][0] == unit)
        else:
            robust[l] = sum(1 for i, n in q_share[l - k].items() if n == 1 and g_labels[i][3] == i
                            and g_labels[i][0] == unit and not set(g_labels[i][2]) & set(shared)
                            and ("atom", i) not in shared)
    # configurations: per shared factor, k_l ≤ e_l linear factors per holder and R real ones among them
    per: list = []
    for lab, (axis, holders) in shared.items():
        ls = sorted(holders)
        opts = []
        for ks in _choices([holders[l] for l in ls]):
            if any(uni.get(l) == axis and ks[j] != holders[l] for j, l in enumerate(ls)):
                continue
            n = sum(ks)
            for r in range(n % 2, n + 1, 2):
                opts.append((dict(zip(ls, ks)), r, n, axis))
        per.append(opts)
    for conf in _product_of(per):
        if all(r == n for _, r, n, _ in conf):
            continue
        budget.spend()
        pieces = []                      # (kind, bidegree): "h" head piece, "s" strided in (u, v), 0/1 linear in x/y
        for l in layers:
            d = [boxes[l][0], boxes[l][1]]
            for ks, _, _, axis in conf:
                d[axis] -= ks.get(l, 0)
            if robust.get(l):
                axis = uni[l]
                d[axis] -= robust[l]
                unit = (1, 0) if axis == 0 else (0, 1)
                kind = axis if l < k or (a, b)[axis] == 1 else "s"
                pieces += [(kind, unit)] * robust[l]
            pieces.append(("h" if l < k else "s", (d[0], d[1])))
        for lab, (_, r, n, axis) in zip(shared, conf):
            unit = (1, 0) if axis == 0 else (0, 1)
            kind = "s" if lab[0] == "atom" else axis          # an atom cluster: real polynomials in u (in v)
            pieces += [(kind, unit)] * r + [(kind, (2 * unit[0], 2 * unit[1]))] * ((n - r) // 2)
        if not _pack(pieces, shape, budget):
            words = "; ".join(f"{'a factor of the gcd in ' + 'uv'[shared[lab][0]] if lab[0] == 'atom' else name(lab[0])}: "
                              f"{r} of {n} real, per layer {', '.join(f'{place[l]} {c}' for l, c in ks.items())}"
                              for lab, (ks, r, n, _) in zip(shared, conf))
            return ("a nearby point may split the shared linear factors into conjugate pairs that no real grouping "
                    f"places ({words})")
    return ""


def _product_of(options: list) -> Any:
    """The cartesian product of the lists in ``options`` (one tuple per choice)."""
    if not options:
        yield ()
        return
    for first in options[0]:
        for rest in _product_of(options[1:]):
            yield (first,) + rest


def _pack(pieces: list, shape: Head2DShape, budget: Budget) -> bool:
    """Can the pieces be placed in the layers?  ``("h", d)`` in a head box; ``("s", d)`` (in ``u, v``) in a strided
    box, or as ``(a d_0, b d_1)`` in a head box; a linear or quadratic piece ``(axis, d)`` in a head box, or in a
    strided box when the stride along its axis is 1; a head piece in a strided box only when it is univariate (a
    polynomial in ``x`` alone is one in ``u`` when ``a = 1``; likewise ``y``, ``v``, ``b``)."""
    a, b = shape.strides
    k = len(shape.head_boxes)
    room = [list(n) for n in shape.head_boxes] + [list(m) for m in shape.boxes]
    todo = sorted((p for p in pieces if p[1] != (0, 0)), key=lambda p: (-(p[1][0] + p[1][1]), str(p[0])))

    def fits(l: int, d: Box) -> bool:
        return room[l][0] >= d[0] and room[l][1] >= d[1]

    def rec(i: int) -> bool:
        budget.spend()
        if i == len(todo):
            return True
        kind, d = todo[i]
        tried = set()
        for l in range(len(room)):
            if l < k:
                e = d if kind != "s" else (a * d[0], b * d[1])
            elif kind == "s" or (kind != "h" and (a, b)[kind] == 1) or (kind == "h" and 0 in d and (a, b)[d[0] == 0] == 1):
                e = d
            else:
                continue
            key = (l < k, tuple(room[l]))
            if key in tried or not fits(l, e):
                continue
            tried.add(key)
            room[l][0] -= e[0]
            room[l][1] -= e[1]
            ok = rec(i + 1)
            room[l][0] += e[0]
            room[l][1] += e[1]
            if ok:
                return True
        return False

    return rec(0)


def head_interior_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None
                         ) -> HeadInterior:
    """A certified sufficient test for ``P`` to be an interior point of ``M`` inside ``V(R)`` (so not on the
    boundary of ``M`` relative to ``V(R)``) in the head case (docs/theory.md#polyphase-head-2d, interior points).

    Lists every complex factorization of ``P`` into layers: a choice of absolute factors of the polyphase gcd
    ``G`` (their complex blocks, from :func:`~lcnalg.real.planar_real.lattice_blocks` and the split of each real
    factor of ``G`` into one or two absolute factors) shared out among the strided boxes, and the remaining
    absolute factors of ``P`` among the head boxes.  Certified when every one (i) is real up to scalars (every
    layer holds conjugate absolute factors equally often), (ii) has pairwise coprime layers (no absolute factor
    of ``P`` in two layers, strided layers read through their blocks) and (iii) no monomial other than 1 in the
    slack spaces of two layers (a head layer of bidegree ``d`` in the box ``n`` has the slack space of all
    monomials of bidegree ``≤ n − d``, a strided layer the monomials ``x^{a i} y^{b j}``, ``(i, j) ≤ m − d``).
    Then the differential of the parameterization has kernel the tangent space of the scalings at every
    factorization, the parameterization is injective up to scalars near each, and a point of ``V(R)`` near ``P``
    is the product of complex layers near a real factorization whose conjugates are another such factorization:
    they differ by scalars of modulus one, so the point has a real factorization.  A real factorization that fails
    (ii) is still accepted when the layers share only real factors ``x − c`` or ``y − c`` (a strided layer at stride 1
    along that variable, or frozen at a larger stride when the head layers do not hold a whole block of its atom),
    no two layers have room for ``x`` (for ``y``), and for every number of copies
    each layer keeps and every number of real roots among them, the pieces (the rest of each layer as one real
    piece of its nominal bidegree, the real roots, the conjugate pairs as real quadratics) pack into the boxes
    (docs/theory.md#polyphase-head-2d, linear factors shared by layers).

    Parameters
    ----------
    arch : Architecture or str
        Layers ``1..k`` at stride ``(1, 1)``, the others at one stride ``(a, b) ≠ (1, 1)``.
    values : sequence of rational numbers, nested rows or str
    limits : Limits, optional
        As for :func:`head_member`; ``max_nodes`` also counts the factorizations listed.

    Returns
    -------
    HeadInterior

    Raises
    ------
    InputError
        When the architecture has another shape, or the filter is not one.
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    References
    ----------
    docs/theory.md#polyphase-head-2d (interior points: the theorem and its proof).

    Examples
    --------
    >>> p = [0] * 20                          # (2 + x + y + xy)(1 + x + 2y + xy)(1 + u + v + 2uv), u = x^2
    >>> for (i, j), c in {(0, 0): 2, (0, 1): 7, (0, 2): 7, (0, 3): 2, (1, 0): 3, (1, 1): 9, (1, 2): 9, (1, 3): 3,
    ...                   (2, 0): 3, (2, 1): 12, (2, 2): 15, (2, 3): 5, (3, 0): 3, (3, 1): 12, (3, 2): 15, (3, 3): 6,
    ...                   (4, 0): 1, (4, 1): 4, (4, 2): 5, (4, 3): 2}.items():
    ...     p[4 * i + j] = c
    >>> head_interior_member("2x2,2x2,2x2 s=1x1,2x1", p).certified
    True
    >>> r = head_interior_member("2x1,2x2,3x1 s=1x1,1x2", [0, 0, 0, 0, -1, -1, -1, 0, 0, 1])
    >>> r.certified, "linear factors shared" in r.reason    # x·(xy − y − 1)·u(u + 1), u = x: x in two layers
    (True, True)
    >>> p = [0] * 20; p[0], p[4], p[8] = 2, 3, 1                   # (x + 1)(x + 2): both head layers have room for y
    >>> r = head_interior_member("2x2,2x2,2x2 s=1x1,2x1", p); r.certified, "common monomial" in r.reason
    (False, True)
    """
    shape = head_2d_shape(arch)
    if shape is None:
        raise InputError(f"architecture {checks.short(str(arch), 60)}: the head interior test needs a 2D linear "
                         "one-channel architecture with layers 1..k at stride 1x1 and the others at one stride "
                         "(e.g. 2x2,2x2,2x2 s=1x1,2x1)")
    limits = Limits.coerce(limits)
    member = head_member(arch, values, limits)
    if not member.gcd:
        return HeadInterior(False, True, 0, "the zero filter: on the relative boundary iff M ≠ V(R)")
    if not member.in_function_space:
        return HeadInterior(False, False, 0, "P ∉ M")
    arch = Architecture.coerce(arch)
    P = _integer_filter(shape, parse_filter(values, arch, limits=limits))
    budget = limits.budget("max_nodes", "complex factorizations of P checked by the interior criterion")
    ok, n, why = _interior(shape, P, member, limits, budget)
    return HeadInterior(ok, True, n, why)
