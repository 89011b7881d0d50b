"""2D membership when only the first layer is at stride one: the polyphase gcd (docs/theory.md#polyphase-2d).

Architecture: a 2D linear one-channel architecture whose layer 1 (box ``n_1``) sits at
cumulative stride ``(1, 1)`` and whose layers ``2, …, L`` (boxes ``n_2, …, n_L``) all sit at
one cumulative stride ``(a, b) ≠ (1, 1)``, i.e. ``s_1 = (a, b)`` and ``s_2 = … = s_{L−1} = (1, 1)``
(the last stride is free).  Examples: ``2x2,2x2 s=2x1``, ``3x2,2x2 s=2x1``,
``2x2,2x2,2x2 s=2x1,1x1``.  A filter is ``P = A(x, y) · Q(x^a, y^b)`` with ``A`` of bidegree
``≤ n_1`` and ``Q = q_2 ⋯ q_L`` a stride-one product in ``u = x^a, v = y^b``.

**Polyphase gcd.**  ``C[x, y]`` is free over ``C[u, v]`` with basis ``x^r y^s``
(``0 ≤ r < a``, ``0 ≤ s < b``).  Write ``P = Σ_{r,s} x^r y^s P_{rs}(u, v)`` and
``G = gcd_{r,s}(P_{rs})``.  If ``P = A · Q(u, v)`` then ``P_{rs} = A_{rs} · Q``, so
``Q(x^a, y^b) | P`` iff ``Q | G``.

**Membership.**  A real ``Q`` divides ``G`` iff it is a real constant times a product of real
irreducible factors of ``G`` (unique factorization in ``R[u, v]``), and it lies in the
stride-one function space ``M_B`` of layers ``2..L`` iff those factors can be shared out
among the boxes ``n_2, …, n_L`` (docs/theory.md#factorization-patterns; a pair ``h h̄`` of
bidegree ``2d`` counts as one real factor).  The cofactor ``A = P / Q(x^a, y^b)`` has bidegree
``deg P − (a·deg_u Q, b·deg_v Q)``.  Hence

``P ∈ M ⇔ P = 0``, or some sub-multiset of the real irreducible factors of ``G`` can be shared
out among ``n_2, …, n_L`` with total bidegree ``t`` such that ``a t_x ≥ deg_x P − n_{1,x}`` and
``b t_y ≥ deg_y P − n_{1,y}``.

Over ``C`` (``V(R) = μ(C^N) ∩ R^k``, docs/theory.md#complex-image) the same holds with the
absolute factors of ``G`` (a pair gives two factors of bidegree ``d``).  Only the bidegrees of
the real (absolute) factors of ``G`` matter: ``P ∈ M`` depends on ``(deg P, ρ(G))`` only, where
``ρ(G)`` is the list of factor types of :func:`lcnalg.real.patterns.factor_types`.

**Exactness.**  ``G`` is an exact gcd in ``Z[u, v]`` (FLINT); its factor types are exact
(factorization over Q, absolute factorization over a number field where no certificate of
absolute irreducibility applies); the sharing is an exhaustive search over sub-multisets of
bidegrees (``limits.max_nodes``).  No grouping of the factors of ``P`` and no off-lattice
coefficient test is involved: this route is independent of :func:`lcnalg.real.planar.contains_2d`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits
from lcnalg.real.membership import parse_filter
from lcnalg.real.patterns import FactorType, factor_types
from lcnalg.rings import integer_ring

__all__ = ["Polyphase2DShape", "Polyphase2DMembership", "polyphase_2d_shape", "polyphase_gcd_2d",
           "polyphase_2d_member", "share_bidegrees", "real_items", "absolute_items", "why_not_polyphase"]

Box = tuple[int, int]


@dataclass(frozen=True)
class Polyphase2DShape:
    """The shape of a 2D architecture with only the first layer at stride one.

    Attributes
    ----------
    first_box : (int, int)
        ``n_1``, the box of layer 1.
    strides : (int, int)
        ``(a, b)``, the cumulative stride of layers ``2..L``.
    boxes : tuple of (int, int)
        ``n_2, …, n_L`` (bidegrees in ``u = x^a, v = y^b``).
    total : (int, int)
        The end-to-end box ``n_1 + (a, b)·Σ n_l``.
    """

    first_box: Box
    strides: Box
    boxes: tuple[Box, ...]
    total: Box


def polyphase_2d_shape(arch: Architecture | str) -> Polyphase2DShape | None:
    """The shape when layer 1 is at stride ``(1, 1)`` and layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``; else None.

    Parameters
    ----------
    arch : Architecture or str

    Returns
    -------
    Polyphase2DShape or None
        None for anything else (other dimensions, activations, channels, unparsable input).

    Examples
    --------
    >>> polyphase_2d_shape("2x2,2x2 s=2x1")
    Polyphase2DShape(first_box=(1, 1), strides=(2, 1), boxes=((1, 1),), total=(3, 2))
    >>> polyphase_2d_shape("2x2,2x2") is None, polyphase_2d_shape("2x2,2x2,2x2 s=2x2,2x2") is None
    (True, True)
    """
    arch = Architecture.coerce(arch)
    if (not isinstance(arch, Architecture) or arch.ndim != 2 or arch.activation is not None
            or arch.channels is not None or arch.num_layers < 2):
        return None
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    if ts[0] != (1, 1) or ts[1] == (1, 1) or any(t != ts[1] for t in ts[2:]):
        return None
    boxes = tuple((f[0] - 1, f[1] - 1) for f in arch.filters)
    a, b = ts[1]
    total = (boxes[0][0] + a * sum(n[0] for n in boxes[1:]), boxes[0][1] + b * sum(n[1] for n in boxes[1:]))
    return Polyphase2DShape(boxes[0], (a, b), boxes[1:], total)


def why_not_polyphase(arch: Architecture | str) -> str:
    """Why the polyphase route does not apply to a 2D linear architecture with a strided layer ("" when it does).

    Parameters
    ----------
    arch : Architecture or str

    Returns
    -------
    str

    Examples
    --------
    >>> why_not_polyphase("2x2,2x2 s=2x1")
    ''
    >>> why_not_polyphase("2x2,2x2,2x2 s=1x1,2x1")[:60]
    'layers 1..2 sit at stride (1, 1): the cofactor A = P / Q(x^a'
    """
    arch = Architecture.coerce(arch)
    if polyphase_2d_shape(arch) is not None or not isinstance(arch, Architecture) or arch.ndim != 2:
        return ""
    ts = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers]]
    lead = next((k for k, t in enumerate(ts) if t != (1, 1)), len(ts))
    levels = sorted(set(ts[lead:]))
    out = []
    if lead >= 2:
        out.append(f"layers 1..{lead} sit at stride (1, 1): the cofactor A = P / Q(x^a, y^b) must lie in their "
                   "stride-one function space, which depends on how the factors f(x^a, y^b) of the polyphase gcd "
                   "split in R[x, y] (orbits of x -> ζx, y -> ξy on their absolute factors), not on bidegrees alone; "
                   "membership is decided exactly from these splits (lcnalg.real.polyphase_head_2d), but they are a "
                   "semi-algebraic condition on f (for 2x2,2x2,2x2 s=1x1,2x1, (x^2 + β)^2 (y+1)(y+2)(y+3) is in M "
                   "iff β ≤ 0), so the closures of the strata of V(R) \\ M are not bidegree slots and the limits "
                   "are "
                   "not derived (docs/theory.md#polyphase-head-2d)")
    if len(levels) >= 2:
        out.append(f"the strided layers sit at {len(levels)} cumulative strides "
                   f"({', '.join(f'{a}x{b}' for a, b in levels)}): whether a product of factors of the polyphase gcd "
                   "lies in R[u^c, v^d] for the next level depends on the orbits of u -> ζu, v -> ξv on their "
                   "absolute factors, not on bidegrees alone; membership is decided exactly by blocks level by "
                   "level (lcnalg.real.polyphase_head_2d.levels_member), but the limits of V(R) \\ M are not derived "
                   "(docs/theory.md#polyphase-head-2d)")
    return "; ".join(out)

def polyphase_gcd_2d(values: Sequence[Any], shape: Polyphase2DShape) -> tuple[dict, Box]:
    """``G = gcd_{r,s} P_{rs}(u, v)`` (primitive, in ``Z[u, v]``, as ``{(i, j): c}``) and ``deg P``.

    Parameters
    ----------
    values : sequence of exact numbers
        The end-to-end filter, flat row-major, nonzero.
    shape : Polyphase2DShape
        Its strides ``(a, b)`` and end-to-end box (the box of layer 1 is not used).

    Returns
    -------
    (dict, (int, int))

    Raises
    ------
    InputError
        For a filter of the wrong length, entries that are not exact numbers, or the zero filter.

    References
    ----------
    docs/theory.md#polyphase-2d (the polyphase gcd).

    Examples
    --------
    >>> sh = polyphase_2d_shape("2x2,2x2 s=2x1")
    >>> polyphase_gcd_2d([1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0], sh)   # (1 + x)(1 + y^2): G = 1 + v^2
    ({(0, 0): 1, (0, 2): 1}, (1, 2))
    """
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    if len(values) != nx * ny:
        raise InputError(f"filter: expected {nx * ny} entries (shape {nx}x{ny}), got {len(values)}")
    vals = [checks.exact(v, f"filter (entry {i})") for i, v in enumerate(values)]
    if all(v == 0 for v in vals):
        raise InputError("filter: the zero filter has no polyphase gcd")
    den = math.lcm(*(v.denominator for v in vals))
    a, b = shape.strides
    ctx = integer_ring(("u", "v"))
    comps: dict = {}
    dx = dy = 0
    for i in range(nx):
        for j in range(ny):
            c = vals[i * ny + j]
            if c != 0:
                dx, dy = max(dx, i), max(dy, j)
                comps.setdefault((i % a, j % b), {})[(i // a, j // b)] = int(c * den)
    g = None
    for d in comps.values():
        p = ctx.from_dict(d)
        g = p if g is None else g.gcd(p)
    terms = {(int(m[0]), int(m[1])): int(c) for m, c in g.terms()}
    content = math.gcd(*terms.values())
    lead = terms[max(terms)]
    sign = -1 if lead < 0 else 1
    return {m: sign * c // content for m, c in sorted(terms.items())}, (dx, dy)


def share_bidegrees(items: Sequence[tuple[Box, int]], boxes: Sequence[Box], lower: Box,
                    budget: Budget | None = None) -> tuple[tuple[Box, ...], ...] | None:
    """Share a sub-multiset of ``items`` (``(bidegree, count)``) among ``boxes``, every share within its
    box and the total at least ``lower``; one sharing (per box, the bidegrees it takes) or None.

    An exhaustive search (``budget`` counts its nodes).

    Parameters
    ----------
    items : sequence of ((int, int), int)
    boxes : sequence of (int, int)
    lower : (int, int)
    budget : Budget, optional

    Returns
    -------
    tuple of tuple of (int, int), or None

    Raises
    ------
    ResourceLimitError
        When the budget is exceeded.

    Examples
    --------
    >>> share_bidegrees([((0, 2), 1)], [(1, 1)], (0, 1)) is None       # a pair of bidegree (0, 2) fits no (1, 1) box
    True
    >>> share_bidegrees([((0, 1), 2)], [(1, 1)], (0, 1))
    (((0, 1),),)
    """
    items = [(tuple(d), int(c)) for d, c in items if c > 0]
    boxes = [tuple(n) for n in boxes]
    room = [(sum(n[0] for n in boxes[l:]), sum(n[1] for n in boxes[l:])) for l in range(len(boxes) + 1)]
    failed: set = set()

    def per_box(l: int, counts: tuple, total: Box) -> tuple | None:
        if budget is not None:
            budget.spend()
        if total[0] >= lower[0] and total[1] >= lower[1]:
            return tuple(() for _ in range(len(boxes) - l))
        if l == len(boxes) or total[0] + room[l][0] < lower[0] or total[1] + room[l][1] < lower[1]:
            return None
        key = (l, counts, total)
        if key in failed:
            return None
        cap = boxes[l]

        def pick(j: int, left: Box, counts: list, share: list) -> tuple | None:
            if j == len(items):
                used = (cap[0] - left[0], cap[1] - left[1])
                rest = per_box(l + 1, tuple(counts), (total[0] + used[0], total[1] + used[1]))
                return None if rest is None else (tuple(share),) + rest
            d = items[j][0]
            n = 0
            while n <= counts[j] and n * d[0] <= left[0] and n * d[1] <= left[1]:
                counts[j] -= n
                found = pick(j + 1, (left[0] - n * d[0], left[1] - n * d[1]), counts, share + [d] * n)
                counts[j] += n
                if found is not None:
                    return found
                n += 1
            return None

        found = pick(0, cap, list(counts), [])
        if found is None:
            failed.add(key)
        return found

    return per_box(0, tuple(c for _, c in items), (0, 0))


@dataclass(frozen=True)
class Polyphase2DMembership:
    """The polyphase decision at one filter.

    Attributes
    ----------
    in_function_space : bool
        ``P ∈ M``.
    in_v : bool
        ``P ∈ V(R)``.
    degree : (int, int)
        ``deg P`` (``(0, 0)`` for the zero filter).
    gcd : dict
        ``G`` in ``Z[u, v]`` as ``{(i, j): c}`` (empty for the zero filter).
    factors : tuple of (FactorType, int)
        The distinct real irreducible factors of ``G``: type and exponent.
    lower : (int, int)
        The least bidegree of ``Q`` that leaves layer 1 within its box.
    real_sharing, complex_sharing : tuple or None
        Per layer ``2..L``, the bidegrees of the real (absolute) factors of ``G`` it takes.
    """

    in_function_space: bool
    in_v: bool
    degree: Box
    gcd: dict
    factors: tuple[tuple[FactorType, int], ...]
    lower: Box
    real_sharing: tuple | None
    complex_sharing: tuple | None


def real_items(factors: Sequence[tuple[FactorType, int]]) -> list[tuple[Box, int]]:
    """Bidegrees of the real irreducible factors (a pair ``C(d)`` is one factor of bidegree ``2d``).

    Examples
    --------
    >>> real_items([(("C", 0, 1), 1), (("R", 1, 1), 2)])
    [((0, 2), 1), ((1, 1), 2)]
    """
    out: dict = {}
    for t, e in factors:
        k = 2 if t[0] == "C" else 1
        d = (k * t[1], k * t[2])
        out[d] = out.get(d, 0) + e
    return sorted(out.items())


def absolute_items(factors: Sequence[tuple[FactorType, int]]) -> list[tuple[Box, int]]:
    """Bidegrees of the absolute factors (a pair ``C(d)`` gives two of bidegree ``d``).

    Examples
    --------
    >>> absolute_items([(("C", 0, 1), 1), (("R", 1, 1), 1)])
    [((0, 1), 2), ((1, 1), 1)]
    """
    out: dict = {}
    for t, e in factors:
        d = (t[1], t[2])
        out[d] = out.get(d, 0) + (2 * e if t[0] == "C" else e)
    return sorted(out.items())


def polyphase_2d_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None
                        ) -> Polyphase2DMembership:
    """Decide ``P ∈ M`` and ``P ∈ V(R)`` by the polyphase gcd (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        Layer 1 at stride ``(1, 1)``, layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_field_work`` (absolute factorizations of the factors of ``G``), ``max_nodes``
        (the sharing search).

    Returns
    -------
    Polyphase2DMembership

    Raises
    ------
    InputError
        When the architecture has another shape, or the filter is not one (wrong length,
        entries not exact numbers).
    ResourceLimitError
        When a bound of ``limits`` is exceeded.

    References
    ----------
    docs/theory.md#polyphase-2d (the theorem and its proof).

    Examples
    --------
    >>> r = polyphase_2d_member("2x2,2x2 s=2x1", [1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0])   # (1 + x)(1 + y^2)
    >>> r.in_function_space, r.in_v, r.factors
    (False, True, ((('C', 0, 1), 1),))
    >>> polyphase_2d_member("2x2,2x2 s=2x1", [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0]).in_function_space  # (1+x)(1+x^2)(1+y)
    True
    """
    shape = polyphase_2d_shape(arch)
    if shape is None:
        raise InputError(f"architecture {arch}: the polyphase route needs a 2D linear one-channel architecture with "
                         "layer 1 at stride 1x1 and the other layers at one stride (e.g. 2x2,2x2 s=2x1)")
    limits = Limits.coerce(limits)
    values = parse_filter(values, Architecture.coerce(arch), limits=limits)
    if all(v == 0 for v in values):
        return Polyphase2DMembership(True, True, (0, 0), {}, (), (0, 0), tuple(() for _ in shape.boxes),
                                     tuple(() for _ in shape.boxes))
    g, deg = polyphase_gcd_2d(values, shape)
    a, b = shape.strides
    n1 = shape.first_box
    lower = (max(0, -(-(deg[0] - n1[0]) // a)), max(0, -(-(deg[1] - n1[1]) // b)))
    if len(g) == 1 and (0, 0) in g:
        factors: tuple = ()
    else:
        ctx = integer_ring(("u", "v"))
        factors = tuple(sorted(factor_types(ctx.from_dict(g), limits)))
    budget = limits.budget("max_nodes", "nodes of the polyphase sharing search")
    real = share_bidegrees(real_items(factors), shape.boxes, lower, budget)
    cplx = real if real is not None else share_bidegrees(absolute_items(factors), shape.boxes, lower, budget)
    return Polyphase2DMembership(real is not None, cplx is not None, deg, g, factors, lower, real, cplx)
