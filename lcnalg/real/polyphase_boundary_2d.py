"""The boundary of ``M`` relative to ``V(R)`` when only the first 2D layer is at stride one
(docs/theory.md#polyphase-2d-boundary).

Setting of :mod:`lcnalg.real.polyphase_2d`: ``P = A(x, y) · Q(x^a, y^b)``, layer 1 of box ``n_1``,
layers ``2..L`` at stride ``(a, b)``; ``G_P`` is the gcd of the polyphase components and
``P ∈ M`` depends only on ``δ = deg P`` and the factor types of ``G_P``.

**Strata.**  For a pattern ``π`` (types ``R(d)``, ``C(d)`` with multiplicity, in ``u, v``;
docs/theory.md#factorization-patterns) of real bidegree ``|π|`` and a bidegree ``δ`` let
``Σ_{δ,π} = {P : deg P = δ, π(G_P) = π}``.  With ``δ' = δ − (a|π|_x, b|π|_y)``,
``Σ_{δ,π} = {A · Q(x^a, y^b) : Q ∈ S_π, deg A = δ', gcd_{rs}(A_{rs}) = 1}``, non-empty iff
``δ' ≥ 0`` and ``δ' = 0`` or the box ``δ'`` holds a monomial off the lattice ``aZ × bZ``.
``V(R) \\ M`` is the union of the non-empty ``Σ_{δ,π}`` that the sharing test of
:mod:`lcnalg.real.polyphase_2d` puts in ``V(R)`` but not in ``M``.

**Closures.**  ``closure(Σ_{δ,π}) = {A · Q(x^a, y^b) : deg A ≤ δ', Q ∈ closure(S_π)}`` and
``closure(S_π)`` is the set of slot products ``c Π G_r Π H_c H̄_c`` of
:mod:`lcnalg.real.pattern_boundary`.  Since ``Q(x^a, y^b) | P ⇔ Q | G_P``, a nonzero ``P`` lies in
it iff some of the absolute factors of ``G_P`` can be placed into the slots of ``π`` (an
``R``-slot a conjugation-closed multiset, a ``C``-slot a multiset ``F`` consuming ``F ∪ F̄``),
not necessarily all of them, with placed total bidegree ``t`` such that
``(a t_x, b t_y) ≥ deg P − δ'``.  Hence ``∂_V M = M ∩ ⋃ closure(Σ_{δ,π})`` over the strata of
``V(R) \\ M``, decided exactly by that search (:func:`polyphase_boundary_member`).

**Dimension.**  The search depends only on ``(deg P, ρ(G_P))`` (the factor list: type and
exponent of each distinct real irreducible factor), so ``∂_V M \\ {0}`` is the finite union of
the non-empty ``T_{δ,ρ} = {P : deg P = δ, ρ(G_P) = ρ}`` that pass, and
``dim T_{δ,ρ} = (δ'_x + 1)(δ'_y + 1) + Σ_{R(d) ∈ ρ} (#d − 1) + Σ_{C(d) ∈ ρ} 2(#d − 1)``
(``A`` ranges over an open dense set of its box, the factors of ``G_P`` up to scale; finite
fibres by unique factorization).  :func:`polyphase_boundary_dimension` tries every ``T_{δ,ρ}``
in ``M``, largest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Sequence

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits
from lcnalg.real.pattern_boundary import factors_text, stratum_dimension
from lcnalg.real.patterns import FactorType, absolute_bidegree, factors_representative, integer_partitions, pattern_text
from lcnalg.real.polyphase_2d import (Polyphase2DShape, absolute_items, polyphase_2d_member, polyphase_2d_shape,
                                      real_items, share_bidegrees)

__all__ = ["boundary_strata", "PolyphaseStratum", "PolyphaseStrata", "polyphase_strata", "placed_in_closure",
           "PolyphaseBoundaryMembership", "polyphase_boundary_member", "PolyphaseBoundaryDimension",
           "polyphase_boundary_dimension", "stratum_sample", "describe"]

Box = tuple[int, int]
Factors = tuple[tuple[FactorType, int], ...]


def _shape(arch: Any) -> tuple[Architecture, Polyphase2DShape]:
    arch = Architecture.coerce(arch)
    shape = polyphase_2d_shape(arch) if isinstance(arch, Architecture) else None
    if shape is None:
        raise InputError(f"architecture {arch}: the polyphase relative boundary needs a 2D linear one-channel "
                         "architecture with layer 1 at stride 1x1 and the other layers at one stride (e.g. 2x2,2x2 s=2x1)")
    return arch, shape


def _real_size(t: FactorType) -> Box:
    k = 2 if t[0] == "C" else 1
    return (k * t[1], k * t[2])


def _patterns(bound: Box, budget: Budget) -> Iterator[tuple[tuple[FactorType, int], ...]]:
    """Every pattern in ``u, v`` of real bidegree ``≤ bound`` (the empty one included)."""
    types = [("R", i, j) for i in range(bound[0] + 1) for j in range(bound[1] + 1) if absolute_bidegree(i, j)]
    types += [("C", i, j) for i in range(bound[0] + 1) for j in range(bound[1] + 1)
              if absolute_bidegree(i, j) and 2 * i <= bound[0] and 2 * j <= bound[1]]

    def rec(k: int, left: Box) -> Iterator[tuple]:
        budget.spend()
        if k == len(types):
            yield ()
            return
        s = _real_size(types[k])
        n = 0
        while n * s[0] <= left[0] and n * s[1] <= left[1]:
            for rest in rec(k + 1, (left[0] - n * s[0], left[1] - n * s[1])):
                yield (((types[k], n),) if n else ()) + rest
            n += 1
    return rec(0, bound)


def _nonempty(shape: Polyphase2DShape, rest: Box) -> bool:
    """Does the box ``rest`` hold an ``A`` of exact bidegree ``rest`` with coprime polyphase components?"""
    a, b = shape.strides
    return rest == (0, 0) or (a >= 2 and rest[0] >= 1) or (b >= 2 and rest[1] >= 1)


def _lower(shape: Polyphase2DShape, degree: Box, rest: Box) -> Box:
    """The least ``t = deg Q`` with ``(a t_x, b t_y) ≥ degree − rest``."""
    a, b = shape.strides
    return (max(0, -(-(degree[0] - rest[0]) // a)), max(0, -(-(degree[1] - rest[1]) // b)))


@dataclass(frozen=True)
class PolyphaseStratum:
    """One non-empty stratum ``Σ_{δ,π}``.

    Attributes
    ----------
    degree : (int, int)
        ``δ = deg P``.
    pattern : tuple
        ``π = π(G_P)``.
    rest : (int, int)
        ``δ' = deg A``.
    in_m, in_v : bool
        Whether the stratum lies in ``M``, in ``V(R)``.
    dimension : int
        ``dim Σ_{δ,π}``.
    """

    degree: Box
    pattern: tuple
    rest: Box
    in_m: bool
    in_v: bool
    dimension: int


@dataclass(frozen=True)
class PolyphaseStrata:
    """The strata of ``V(R)`` by ``(deg P, π(G_P))``; ``outside`` those of ``V(R) \\ M``."""

    architecture: str
    shape: Polyphase2DShape
    strata: tuple[PolyphaseStratum, ...]

    @property
    def outside(self) -> tuple[PolyphaseStratum, ...]:
        return tuple(s for s in self.strata if s.in_v and not s.in_m)


def polyphase_strata(arch: Architecture | str, limits: Limits | None = None) -> PolyphaseStrata:
    """Every non-empty stratum ``Σ_{δ,π}`` of ``V(R) \\ {0}`` (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        Layer 1 at stride ``(1, 1)``, layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``.
    limits : Limits, optional
        ``max_pattern_work`` bounds the patterns enumerated (times the bidegrees ``δ``),
        ``max_nodes`` the sharing searches.

    Returns
    -------
    PolyphaseStrata

    Raises
    ------
    InputError
        When the architecture has another shape.
    ResourceLimitError
        When a bound is exceeded.

    References
    ----------
    docs/theory.md#polyphase-2d-boundary.

    Examples
    --------
    >>> s = polyphase_strata("2x2,2x2 s=2x1")
    >>> sorted((x.degree, pattern_text(x.pattern)) for x in s.outside)[:2]
    [((0, 2), 'C(0,1)'), ((1, 2), 'C(0,1)')]
    >>> max(x.dimension for x in s.strata if x.in_v)                  # dim V
    7
    """
    arch, shape = _shape(arch)
    limits = Limits.coerce(limits)
    a, b = shape.strides
    total = shape.total
    bound = (total[0] // a, total[1] // b)
    degrees = [(i, j) for i in range(total[0] + 1) for j in range(total[1] + 1)]
    budget = limits.budget("max_pattern_work", "patterns of the polyphase gcd times bidegrees of P")
    nodes = limits.budget("max_nodes", "nodes of the polyphase sharing searches")
    out = []
    for pattern in _patterns(bound, budget):
        size = (sum(_real_size(t)[0] * m for t, m in pattern), sum(_real_size(t)[1] * m for t, m in pattern))
        expanded = tuple((t, 1) for t, m in pattern for _ in range(m))
        q_dim = stratum_dimension(expanded) - 1
        verdicts: dict = {}
        for delta in degrees:
            budget.spend()
            rest = (delta[0] - a * size[0], delta[1] - b * size[1])
            if rest[0] < 0 or rest[1] < 0 or not _nonempty(shape, rest):
                continue
            low = _lower(shape, delta, shape.first_box)
            if low not in verdicts:           # the verdict depends on δ only through the least deg Q
                in_m = share_bidegrees(real_items(pattern), shape.boxes, low, nodes) is not None
                verdicts[low] = (in_m, in_m or share_bidegrees(absolute_items(pattern), shape.boxes, low,
                                                               nodes) is not None)
            in_m, in_v = verdicts[low]
            out.append(PolyphaseStratum(delta, pattern, rest, in_m, in_v, (rest[0] + 1) * (rest[1] + 1) + q_dim))
    return PolyphaseStrata(str(arch), shape, tuple(out))


def placed_in_closure(factors: Factors, pattern: Sequence[tuple[FactorType, int]], need: Box,
                      budget: Budget | None = None) -> bool:
    """Can some of the absolute factors (``factors``: type and exponent per distinct real irreducible
    factor of ``G``) be placed into the slots of ``pattern`` with placed total bidegree ``≥ need``?

    An ``R``-slot ``R(d)`` takes a conjugation-closed multiset of total bidegree ``≤ d``; a
    ``C``-slot ``C(d)`` a multiset ``F`` of total bidegree ``≤ d`` and consumes ``F ∪ F̄``.  The
    placed factors' product is a point of ``closure(S_pattern)`` dividing ``G``.

    Parameters
    ----------
    factors : tuple of (FactorType, int)
    pattern : sequence of (FactorType, int)
    need : (int, int)
        The least total bidegree of the placed factors.
    budget : Budget, optional
        Counts the search nodes (``max_nodes``).

    Returns
    -------
    bool

    Raises
    ------
    ResourceLimitError
        When the budget is exceeded.

    Examples
    --------
    >>> placed_in_closure(((("R", 0, 1), 2),), ((("C", 0, 1), 1),), (0, 1))    # v^2 = lim (v^2 + ε^2)
    True
    >>> placed_in_closure(((("R", 0, 1), 1), (("R", 0, 1), 1)), ((("C", 0, 1), 1),), (0, 1))
    False
    """
    slots_r = tuple(sorted((t[1], t[2]) for t, m in pattern if t[0] == "R" for _ in range(m)))
    slots_c = tuple(sorted((t[1], t[2]) for t, m in pattern if t[0] == "C" for _ in range(m)))
    items = [(t[0] == "C", (t[1], t[2]), e) for t, e in factors]
    reach = [(0, 0)] * (len(items) + 1)
    for i in range(len(items) - 1, -1, -1):
        pair, d, e = items[i]
        k = 2 if pair else 1
        reach[i] = (reach[i + 1][0] + k * d[0] * e, reach[i + 1][1] + k * d[1] * e)
    failed: set = set()

    def place(i: int, rs: tuple, cs: tuple, t: Box) -> bool:
        if budget is not None:
            budget.spend()
        if t[0] >= need[0] and t[1] >= need[1]:
            return True
        if i == len(items) or t[0] + reach[i][0] < need[0] or t[1] + reach[i][1] < need[1]:
            return False
        key = (i, tuple(sorted(rs)), tuple(sorted(cs)), t)
        if key in failed:
            return False
        pair, d, e = items[i]
        real = (2 * d[0], 2 * d[1]) if pair else d          # bidegree of one copy in Q
        slots = [("R", k) for k in range(len(rs))] + [("C", k) for k in range(len(cs))]

        def spread(j: int, left: int, rs2: list, cs2: list, t2: Box) -> bool:
            if j == len(slots):
                return place(i + 1, tuple(rs2), tuple(cs2), t2)       # the copies left go to A
            kind, k = slots[j]
            if kind == "R":
                target, unit, copies = rs2, real, 1
            else:
                target, unit, copies = cs2, d, (1 if pair else 2)
            cap = target[k]
            n = 0
            while n * copies <= left and n * unit[0] <= cap[0] and n * unit[1] <= cap[1]:
                target[k] = (cap[0] - n * unit[0], cap[1] - n * unit[1])
                used = n * copies
                ok = spread(j + 1, left - used, rs2, cs2, (t2[0] + used * real[0], t2[1] + used * real[1]))
                target[k] = cap
                if ok:
                    return True
                n += 1
            return False

        if spread(0, e, list(rs), list(cs), t):
            return True
        failed.add(key)
        return False

    return place(0, slots_r, slots_c, (0, 0))


def _boundary_candidates(strata: Any, limits: Limits) -> list[tuple[int, Any, Any, Any]]:
    """The refinements of the factor lists of the strata of ``M``, as ``(dimension of the
    refined stratum, degree, rest, refinement)``, largest dimension first: the candidates of the
    relative-boundary searches, each refinement counted against ``max_pattern_work``."""
    work = limits.budget("max_pattern_work", "factor lists of the polyphase strata of M")
    cands = []
    for s in strata.strata:
        if not s.in_m:
            continue
        for rho in _refinements(s.pattern):
            work.spend()
            cands.append(((s.rest[0] + 1) * (s.rest[1] + 1) + stratum_dimension(rho) - 1, s.degree, s.rest, rho))
    cands.sort(key=lambda c: (-c[0], c[1], c[3]))
    return cands


def _maximal_closures(strata: PolyphaseStrata) -> list[tuple[tuple, Box]]:
    """``(π, δ')`` of the strata of ``V(R) \\ M``, keeping only the largest ``δ'`` per ``π``
    (the closure grows with ``δ'``)."""
    best: dict = {}
    for s in strata.outside:
        keep = [r for r in best.get(s.pattern, []) if not (r[0] <= s.rest[0] and r[1] <= s.rest[1])]
        if not any(s.rest[0] <= r[0] and s.rest[1] <= r[1] for r in keep):
            keep.append(s.rest)
        best[s.pattern] = keep
    return [(p, r) for p, rests in best.items() for r in rests]


def _on_boundary(shape: Polyphase2DShape, closures: list, factors: Factors, degree: Box,
                 budget: Budget) -> tuple | None:
    for pattern, rest in closures:
        budget.spend()
        if placed_in_closure(factors, pattern, _lower(shape, degree, rest), budget):
            return (pattern, rest)
    return None


@dataclass(frozen=True)
class PolyphaseBoundaryMembership:
    """The relative-boundary decision at one filter.

    Attributes
    ----------
    on_boundary, in_function_space : bool
    factors : tuple or None
        ``ρ(G_P)`` (None for ``P = 0``).
    limit_of : tuple or None
        ``(π, δ')`` of a stratum of ``V(R) \\ M`` whose closure holds ``P``.
    """

    on_boundary: bool
    in_function_space: bool
    factors: Factors | None
    limit_of: tuple | None


def polyphase_boundary_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None, *,
                              strata: PolyphaseStrata | None = None) -> PolyphaseBoundaryMembership:
    """Whether ``P`` lies in the boundary of ``M`` relative to ``V(R)`` (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        Layer 1 at stride ``(1, 1)``, layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_pattern_work`` (the strata), ``max_field_work`` (absolute factorizations),
        ``max_nodes`` (the searches).
    strata : PolyphaseStrata, optional
        The strata of the architecture, if already computed.

    Returns
    -------
    PolyphaseBoundaryMembership

    Raises
    ------
    InputError
        When the architecture has another shape, or the filter is not one.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> polyphase_boundary_member("2x2,2x2 s=2x1", [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]).on_boundary  # (1+x)y^2
    True
    >>> polyphase_boundary_member("2x2,2x2 s=2x1", [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0]).on_boundary  # (1+x)(1+x^2)(1+y)
    False
    """
    arch, shape = _shape(arch)
    limits = Limits.coerce(limits)
    if strata is None or strata.architecture != str(arch):
        strata = polyphase_strata(arch, limits)
    closures = _maximal_closures(strata)
    member = polyphase_2d_member(arch, values, limits)
    if member.degree == (0, 0) and not member.gcd:            # the zero filter
        return PolyphaseBoundaryMembership(bool(closures), True, None, closures[0] if closures else None)
    if not member.in_function_space:
        return PolyphaseBoundaryMembership(False, False, member.factors, None)
    budget = limits.budget("max_nodes", "nodes of the polyphase relative-boundary search")
    hit = _on_boundary(shape, closures, member.factors, member.degree, budget)
    return PolyphaseBoundaryMembership(hit is not None, True, member.factors, hit)


@dataclass(frozen=True)
class PolyphaseBoundaryDimension:
    """The exact dimension of ``∂_V M`` (None when it is empty).

    Attributes
    ----------
    dimension : int or None
    frontier : int or None
        The upper bound ``dim(V(R) \\ M) − 1``.
    degree : (int, int) or None
        ``δ`` of the top stratum ``T_{δ,ρ}`` on the boundary.
    top : tuple
        Its factor list ``ρ``.
    limit_of : tuple or None
        ``(π, δ')`` of a stratum of ``V(R) \\ M`` whose closure holds it.
    sample : tuple of int
        An integer point of the top stratum (flat row-major).
    """

    dimension: int | None
    frontier: int | None
    degree: Box | None = None
    top: Factors = ()
    limit_of: tuple | None = None
    sample: tuple = ()



def _refinements(pattern: tuple) -> Iterator[Factors]:
    if not pattern:
        yield ()
        return
    (t, m), rest = pattern[0], pattern[1:]
    for part in integer_partitions(m):
        for tail in _refinements(rest):
            yield tuple((t, e) for e in part) + tail


def stratum_sample(shape: Polyphase2DShape, rho: Factors, rest: Box) -> tuple[int, ...]:
    """An integer point of ``T_{δ,ρ}``: ``A · Q(x^a, y^b)`` with ``Q`` the representative of ``ρ``
    (:func:`~lcnalg.real.patterns.factors_representative`) and ``A`` of exact bidegree ``rest`` with
    coprime polyphase components (a constant, or ``1 + (an off-lattice monomial) + x^{δ'_x} y^{δ'_y}``).

    Parameters
    ----------
    shape : Polyphase2DShape
    rho : tuple of (FactorType, int)
    rest : (int, int)

    Returns
    -------
    tuple of int
        Flat row-major, the end-to-end shape.

    Examples
    --------
    >>> sh = polyphase_2d_shape("2x2,2x2 s=2x1")
    >>> stratum_sample(sh, ((("C", 0, 1), 1),), (1, 0))            # (1 + 2x)(v^2 + 1)
    (1, 0, 1, 2, 0, 2, 0, 0, 0, 0, 0, 0)
    """
    a, b = shape.strides
    q = factors_representative(rho)
    if rest == (0, 0):
        A = {(0, 0): 1}
    else:
        off = (1, 0) if a >= 2 and rest[0] >= 1 else (0, 1)
        A = {}
        for m in ((0, 0), off, rest):
            A[m] = A.get(m, 0) + 1
    prod: dict = {}
    for (i, j), c in A.items():
        for (k, l), e in q.items():
            key = (i + a * k, j + b * l)
            prod[key] = prod.get(key, 0) + c * e
    nx, ny = shape.total[0] + 1, shape.total[1] + 1
    return tuple(prod.get((i, j), 0) for i in range(nx) for j in range(ny))


def polyphase_boundary_dimension(arch: Architecture | str, limits: Limits | None = None, *,
                                 strata: PolyphaseStrata | None = None) -> PolyphaseBoundaryDimension:
    """The exact dimension of ``∂_V M`` with a sample point of a top stratum (module docstring).

    Every ``T_{δ,ρ}`` of ``M`` (``ρ`` refining the pattern of a stratum of ``M``) is tried, largest first.

    Parameters
    ----------
    arch : Architecture or str
        Layer 1 at stride ``(1, 1)``, layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``.
    limits : Limits, optional
        ``max_nodes`` bounds the searches, ``max_pattern_work`` the strata and factor lists formed.
    strata : PolyphaseStrata, optional
        The strata, if already computed.

    Returns
    -------
    PolyphaseBoundaryDimension

    Raises
    ------
    InputError
        When the architecture has another shape.
    ResourceLimitError
        When a bound is exceeded.

    References
    ----------
    docs/theory.md#polyphase-2d-boundary.

    Examples
    --------
    >>> d = polyphase_boundary_dimension("2x2,2x2 s=2x1")
    >>> d.dimension, d.frontier, factors_text(d.top)
    (4, 4, 'R(0,1)^2*R(1,0)')
    """
    arch, shape = _shape(arch)
    limits = Limits.coerce(limits)
    if strata is None or strata.architecture != str(arch):
        strata = polyphase_strata(arch, limits)
    closures = _maximal_closures(strata)
    if not closures:
        return PolyphaseBoundaryDimension(None, None)
    frontier = max(s.dimension for s in strata.outside) - 1
    cands = _boundary_candidates(strata, limits)
    budget = limits.budget("max_nodes", "nodes of the polyphase relative-boundary dimension search")
    for dim, degree, rest, rho in cands:
        hit = _on_boundary(shape, closures, rho, degree, budget)
        if hit is not None:
            return PolyphaseBoundaryDimension(dim, frontier, degree, rho, hit, stratum_sample(shape, rho, rest))
    return PolyphaseBoundaryDimension(0, frontier, None, (), closures[0], tuple(0 for _ in range(
        (shape.total[0] + 1) * (shape.total[1] + 1))))


def boundary_strata(arch: Architecture | str, limits: Limits | None = None, *,
                    strata: PolyphaseStrata | None = None) -> tuple[tuple[Box, Box, Factors], ...]:
    """``(δ, δ', ρ)`` of every stratum ``T_{δ,ρ}`` on ``∂_V M`` (``δ' = δ − (a, b)·|ρ|`` the
    bidegree of the stride-one part ``A``), largest dimension first: ``∂_V M \\ {0}`` is their union.

    The search of :func:`polyphase_boundary_dimension`, run to the end instead of the first hit.

    Parameters
    ----------
    arch : Architecture or str
        Layer 1 at stride ``(1, 1)``, layers ``2..L`` at one stride ``(a, b) ≠ (1, 1)``.
    limits : Limits, optional
        As for :func:`polyphase_boundary_dimension`.
    strata : PolyphaseStrata, optional

    Returns
    -------
    tuple of ((int, int), (int, int), factor list)
        Empty when ``M = V(R)``.

    Raises
    ------
    InputError
        When the architecture has another shape.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> [(d, r, factors_text(f)) for d, r, f in boundary_strata("2x2,2x2 s=2x1")][:1]
    [((3, 2), (1, 0), 'R(0,1)^2*R(1,0)')]
    """
    arch, shape = _shape(arch)
    limits = Limits.coerce(limits)
    if strata is None or strata.architecture != str(arch):
        strata = polyphase_strata(arch, limits)
    closures = _maximal_closures(strata)
    if not closures:
        return ()
    cands = _boundary_candidates(strata, limits)
    budget = limits.budget("max_nodes", "nodes of the polyphase relative-boundary strata search")
    return tuple((degree, rest, rho) for _, degree, rest, rho in cands
                 if _on_boundary(shape, closures, rho, degree, budget) is not None)


def describe(dim: PolyphaseBoundaryDimension) -> str:
    """The dimension in words, for :func:`~lcnalg.real.boundary.boundary`.

    Parameters
    ----------
    dim : PolyphaseBoundaryDimension

    Returns
    -------
    str

    Examples
    --------
    >>> describe(PolyphaseBoundaryDimension(None, None))
    'empty (V(R) = M)'
    """
    if dim.dimension is None:
        return "empty (V(R) = M)"
    if dim.degree is None:
        return f"dimension 0 (only P = 0; the frontier bound dim(V(R) \\ M) − 1 = {dim.frontier})"
    pattern, rest = dim.limit_of
    return (f"dimension {dim.dimension} (exact: the largest stratum T_(δ,ρ) = {{P : deg P = {dim.degree}, the factors "
            f"of G_P {factors_text(dim.top) or '1'}}} in M and in the closure of Σ_(δ,π) with π = "
            f"{pattern_text(pattern) or '1'}, deg A = {rest}, over every stratum of M; the frontier bound "
            f"dim(V(R) \\ M) − 1 = {dim.frontier})")
