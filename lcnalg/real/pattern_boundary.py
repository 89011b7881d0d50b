"""The boundary of ``M`` relative to ``V(R)`` for 2D stride one (docs/theory.md#pattern-boundary).

For a 2D architecture whose layers all sit at cumulative stride ``(1, 1)``,
``M = {0} ∪ ⋃_{π ∈ Π_M} S_π`` and ``V(R) \\ M = ⋃_{π ∈ Π_V \\ Π_M} S_π``
(:mod:`lcnalg.real.patterns`).  ``M`` is closed, so
``∂_V M = M ∩ closure(V(R) \\ M) = M ∩ ⋃_{π ∈ Π_V \\ Π_M} closure(S_π)``.

**Closure of a pattern stratum.**  List the types of ``π`` with multiplicity as *slots*
``R(d_r)`` and ``C(d_c)``.  Then ``closure(S_π)`` is the image of
``(c, G, H) ↦ c · Π_r G_r · Π_c H_c H̄_c`` over ``c ∈ R``, real ``G_r`` of bidegree ``≤ d_r``
and complex ``H_c`` of bidegree ``≤ d_c``: a limit of ``c_k Π G_{r,k} Π H_{c,k} H̄_{c,k}``
with the factors normalised to norm one has convergent factors (compactness) with a non-zero
product, so ``c_k`` converges; conversely the absolutely irreducible polynomials of bidegree
exactly ``d`` (and, for ``H``, not multiples of real ones) are dense, so every such product is
a limit of points of ``S_π``.  By unique factorization in ``C[x, y]``, ``P ≠ 0`` is such a
product iff its absolute factors (with multiplicity) can be shared out among the slots: an
``R``-slot takes a conjugation-closed multiset of total bidegree ``≤ d_r``, a ``C``-slot a
multiset ``F`` of total bidegree ``≤ d_c`` and consumes ``F ∪ conj(F)``.  In terms of the
distinct real irreducible factors (:meth:`~lcnalg.real.patterns.PatternTable.factors_of`):
a copy of a real factor ``g`` of bidegree ``b`` costs ``b`` in an ``R``-slot and two copies
cost ``b`` in a ``C``-slot; a copy of a pair ``h h̄`` (``h`` of bidegree ``b``) costs ``2b`` in
an ``R``-slot and ``b`` in a ``C``-slot.

**Membership.**  ``P ∈ ∂_V M`` iff ``P ∈ M`` and the exact slot search succeeds for some
``π ∈ Π_V \\ Π_M``; ``P = 0`` iff ``Π_V ≠ Π_M``.  The search is exhaustive (depth first
over the factors, every distribution of the copies of a factor over the slots, failed states
remembered up to permutations of equal slots) and bounded by ``limits.max_nodes``.  It reads
``P`` only through its factor list ``ρ(P)`` (below): :func:`pattern_boundary_member` computes
``ρ(P)`` of a rational filter, :func:`factors_boundary_member` takes ``ρ(P)`` found otherwise
(over a real number field: :mod:`lcnalg.real.algebraic_factor_list`).

**Dimension.**  The answer depends on the *factor list* ``ρ(P)`` only (types and exponents of
the distinct real irreducible factors), so ``∂_V M \\ {0}`` is the finite union of the sets
``T_ρ = {P : ρ(P) = ρ}`` over the factor lists ``ρ`` refining a pattern of ``Π_M`` that pass
the search.  ``T_ρ`` is non-empty (:func:`~lcnalg.real.patterns.factors_representative`) and
parameterised finite-to-one by a scale and the distinct factors up to scale, so
``dim T_ρ = 1 + Σ_{R(d)} (#d − 1) + Σ_{C(d)} 2(#d − 1)`` over the distinct factors,
``#d = (d_1 + 1)(d_2 + 1)``, independent of the exponents.  The maximum over the finitely
many ``ρ`` is the exact dimension; it is checked against the frontier bound
``dim(V(R) \\ M) − 1`` (``dim S_π`` is the same formula over the types of ``π`` with
multiplicity: distinct factors of equal type are generic in ``S_π``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits
from lcnalg.real.membership import parse_filter
from lcnalg.real.patterns import (FactorType, PatternTable, absolute_bidegree, factors_representative, integer_partitions,
                                  pattern_table, pattern_text, stride_one_2d)

__all__ = ["PatternBoundaryMembership", "PatternBoundaryDimension", "pattern_boundary_member",
           "factors_boundary_member", "pattern_boundary_dimension", "in_pattern_closure", "stratum_dimension", "factors_text",
           "boundary_factor_lists"]

Factors = tuple[tuple[FactorType, int], ...]


def _monomials(t: FactorType) -> int:
    return (t[1] + 1) * (t[2] + 1)


def stratum_dimension(factors: Iterable[tuple[FactorType, int]]) -> int:
    """``1 + Σ_{R(d)} (#d − 1) + Σ_{C(d)} 2(#d − 1)`` over the entries (one per distinct factor).

    For a factor list ``ρ`` this is ``dim T_ρ``; for a pattern ``π`` given with exponent 1 per
    copy of each type it is ``dim S_π`` (module docstring).

    Examples
    --------
    >>> stratum_dimension(((("C", 1, 1), 1),)), stratum_dimension(((("R", 1, 1), 2),))   # q q̄, g^2
    (7, 4)
    """
    return 1 + sum((_monomials(t) - 1) * (2 if t[0] == "C" else 1) for t, _ in factors)


def factors_text(factors: Factors) -> str:
    """``R(1,1)^2*R(1,0)``: one entry per distinct factor, its exponent after ``^``.

    Examples
    --------
    >>> factors_text(((("R", 1, 0), 1), (("R", 1, 0), 2)))
    'R(1,0)*R(1,0)^2'
    """
    if not factors:
        return "1"
    return "*".join(f"{k}({i},{j})" + (f"^{e}" if e > 1 else "") for (k, i, j), e in factors)


def _fits(cap: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= cap[0] and b[1] <= cap[1]


def in_pattern_closure(factors: Factors, pattern: Sequence[tuple[FactorType, int]],
                       budget: Budget | None = None) -> bool:
    """Is a polynomial with the factor list ``factors`` in the closure of ``S_pattern``?

    The exact slot search of the module docstring (constants aside: a constant is in every
    closure).

    Parameters
    ----------
    factors : tuple of (FactorType, int)
        ``ρ(P)``: one ``(type, exponent)`` per distinct real irreducible factor
        (:meth:`~lcnalg.real.patterns.PatternTable.factors_of`).
    pattern : sequence of (FactorType, int)
        A pattern ``π`` (types with multiplicity).
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
    >>> in_pattern_closure(((("R", 1, 1), 2),), ((("C", 1, 1), 1),))        # g^2 = lim q q̄
    True
    >>> in_pattern_closure(((("R", 1, 1), 1), (("R", 1, 1), 1)), ((("C", 1, 1), 1),))
    False
    """
    slots_r = tuple(sorted((t[1], t[2]) for t, m in pattern if t[0] == "R" for _ in range(m)))
    slots_c = tuple(sorted((t[1], t[2]) for t, m in pattern if t[0] == "C" for _ in range(m)))
    # one item per distinct factor: (is a pair, bidegree of the absolute factor, exponent)
    items = sorted(((t[0] == "C", (t[1], t[2]), e) for t, e in factors), key=lambda it: (-it[1][0] - it[1][1], it))
    total = [0, 0]
    for pair, b, e in items:
        total[0] += (2 if pair else 1) * b[0] * e
        total[1] += (2 if pair else 1) * b[1] * e
    cap_total = [sum(s[k] for s in slots_r) + 2 * sum(s[k] for s in slots_c) for k in (0, 1)]
    if total[0] > cap_total[0] or total[1] > cap_total[1]:
        return False
    failed: set = set()

    def place(i: int, rs: tuple, cs: tuple) -> bool:
        if budget is not None:
            budget.spend()
        if i == len(items):
            return True
        key = (i, tuple(sorted(rs)), tuple(sorted(cs)))
        if key in failed:
            return False
        pair, b, e = items[i]
        # cost of one unit in an R-slot / a C-slot, and copies per unit
        cost_r = (2 * b[0], 2 * b[1]) if pair else b
        per_c = 1 if pair else 2
        slots = [("R", k) for k in range(len(rs))] + [("C", k) for k in range(len(cs))]

        def spread(j: int, left: int, rs2: list, cs2: list) -> bool:
            if left == 0:
                return place(i + 1, tuple(rs2), tuple(cs2))
            if j == len(slots):
                return False
            kind, k = slots[j]
            if kind == "R":
                cap, unit, step = rs2[k], cost_r, 1
            else:
                cap, unit, step = cs2[k], b, per_c
            n = 0
            while n * step <= left:
                use = (cap[0] - n * unit[0], cap[1] - n * unit[1])
                if use[0] < 0 or use[1] < 0:
                    break
                target = rs2 if kind == "R" else cs2
                old = target[k]
                target[k] = use
                ok = spread(j + 1, left - n * step, rs2, cs2)
                target[k] = old
                if ok:
                    return True
                n += 1
            return False

        if spread(0, e, list(rs), list(cs)):
            return True
        failed.add(key)
        return False

    return place(0, slots_r, slots_c)


@dataclass(frozen=True)
class PatternBoundaryMembership:
    """The relative-boundary decision at one filter (2D stride one).

    Attributes
    ----------
    on_boundary : bool
        ``P ∈ ∂_V M``.
    in_function_space : bool
        ``P ∈ M``.
    factors : tuple or None
        ``ρ(P)``: ``(type, exponent)`` per distinct real irreducible factor (None for ``P = 0``).
    limit_of : tuple or None
        A pattern of ``Π_V \\ Π_M`` whose stratum has ``P`` in its closure (when on the boundary).
    """

    on_boundary: bool
    in_function_space: bool
    factors: Factors | None
    limit_of: tuple | None


def _table(arch: Any, limits: Limits, table: PatternTable | None) -> PatternTable:
    arch = Architecture.coerce(arch)
    if not isinstance(arch, Architecture) or not stride_one_2d(arch):
        raise InputError(f"architecture {arch}: the pattern relative boundary needs a 2D linear one-channel "
                         "architecture with every layer at cumulative stride (1, 1) (e.g. 2x2,2x2)")
    if table is not None and table.architecture == str(arch):
        return table
    return pattern_table(arch, limits)


def pattern_boundary_member(arch: Architecture | str, values: Sequence[Any], limits: Limits | None = None, *,
                            table: PatternTable | None = None) -> PatternBoundaryMembership:
    """Whether ``P`` lies in the boundary of ``M`` relative to ``V(R)`` (2D stride one).

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture with every layer at cumulative stride ``(1, 1)``.
    values : sequence of rational numbers, nested rows or str
        The end-to-end filter (read by :func:`~lcnalg.real.membership.parse_filter`).
    limits : Limits, optional
        ``max_pattern_work`` bounds the pattern table, ``max_field_work`` the absolute
        factorization, ``max_nodes`` the slot searches (all of them together).
    table : PatternTable, optional
        The architecture's pattern table, if already computed.

    Returns
    -------
    PatternBoundaryMembership

    Raises
    ------
    InputError
        When the architecture is not 2D stride one or the filter is not one (wrong length,
        entries not exact numbers).
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> g2 = [1, 2, 1, 2, 4, 2, 1, 2, 1]                   # ((1 + x)(1 + y))^2 = lim q q̄
    >>> pattern_boundary_member("2x2,2x2", g2).on_boundary
    True
    >>> pattern_boundary_member("2x2,2x2", [2, 3, 1, 3, 5, 2, 1, 2, 1]).on_boundary   # (1+x+y+xy)(2+x+y+xy)
    False
    """
    limits = Limits.coerce(limits)
    table = _table(arch, limits, table)
    values = parse_filter(values, Architecture.parse(table.architecture), limits=limits)
    return factors_boundary_member(table.architecture, table.factors_of(list(values), limits), limits, table=table)


def _check_factors(factors: Any) -> Factors | None:
    """``factors`` as a tuple of ``((kind, d_x, d_y), exponent)``, or an InputError naming it."""
    if factors is None:
        return None
    form = ("a factor list: a sequence of ((kind, d_x, d_y), exponent) with kind 'R' or 'C', (d_x, d_y) the "
            "bidegree of an absolutely irreducible polynomial and exponent >= 1, or None for P = 0")
    if isinstance(factors, (str, bytes, dict)) or not hasattr(factors, "__iter__"):
        raise InputError(f"factors: expected {form}, got {checks.short(factors)}")
    out = []
    for entry in factors:
        try:
            (kind, dx, dy), e = entry
        except (TypeError, ValueError):
            raise InputError(f"factors: expected {form}, got the entry {checks.short(entry)}") from None
        if kind not in ("R", "C") or not all(isinstance(v, int) and not isinstance(v, bool) for v in (dx, dy, e)):
            raise InputError(f"factors: expected {form}, got the entry {checks.short(entry)}")
        if e < 1 or dx < 0 or dy < 0 or not absolute_bidegree(dx, dy):
            raise InputError(f"factors: expected {form}, got the entry {checks.short(entry)}")
        out.append(((kind, dx, dy), e))
    return tuple(out)


def factors_boundary_member(arch: Architecture | str, factors: Sequence[tuple[FactorType, int]] | None,
                            limits: Limits | None = None, *, table: PatternTable | None = None
                            ) -> PatternBoundaryMembership:
    """Whether a filter with the factor list ``factors`` lies in the boundary of ``M`` relative to
    ``V(R)`` (2D stride one).

    The decision of :func:`pattern_boundary_member` depends on ``P`` only through its factor
    list ``ρ(P)`` (module docstring); this entry point takes ``ρ(P)`` itself, for filters whose
    factors are found otherwise (over a real number field:
    :func:`~lcnalg.real.algebraic_factor_list.algebraic_factor_list`).

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture with every layer at cumulative stride ``(1, 1)``.
    factors : sequence of ((str, int, int), int), or None
        ``ρ(P)``: ``((kind, d_x, d_y), exponent)`` per distinct real irreducible factor, ``kind``
        ``"R"`` (real absolutely irreducible of bidegree ``d``) or ``"C"`` (``h h̄``, ``h`` of
        bidegree ``d``), in any order; None for ``P = 0``.
    limits : Limits, optional
        ``max_pattern_work`` bounds the pattern table, ``max_nodes`` the slot searches.
    table : PatternTable, optional
        The architecture's pattern table, if already computed.

    Returns
    -------
    PatternBoundaryMembership

    Raises
    ------
    InputError
        When the architecture is not 2D stride one or ``factors`` is not a factor list.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> factors_boundary_member("2x2,2x2", [(("R", 1, 1), 2)]).on_boundary           # g^2 = lim q q̄
    True
    >>> factors_boundary_member("2x2,2x2", [(("R", 1, 1), 1), (("R", 1, 1), 1)]).on_boundary
    False
    """
    limits = Limits.coerce(limits)
    table = _table(arch, limits, table)
    factors = _check_factors(factors)
    if factors is None:
        limit = next(iter(table.not_closed), None)
        return PatternBoundaryMembership(limit is not None, True, None, limit)
    counts: dict = {}
    for t, e in factors:
        counts[t] = counts.get(t, 0) + e
    if any(t not in table.types for t in counts):   # a bidegree beyond the end-to-end box
        return PatternBoundaryMembership(False, False, factors, None)
    pattern = tuple(sorted(counts.items(), key=lambda te: table.types.index(te[0])))
    if not table.holds(pattern):
        return PatternBoundaryMembership(False, False, factors, None)
    budget = limits.budget("max_nodes", "slot assignments searched for the 2D relative boundary")
    for other in table.not_closed:
        if in_pattern_closure(factors, other, budget):
            return PatternBoundaryMembership(True, True, factors, other)
    return PatternBoundaryMembership(False, True, factors, None)


@dataclass(frozen=True)
class PatternBoundaryDimension:
    """The real dimension of ``∂_V M`` (2D stride one, the cone included).

    Attributes
    ----------
    lower, upper : int or None
        Equal when the exhaustive search over factor lists finished (``exact``); None when
        ``M = V(R)`` (the relative boundary is empty).
    frontier : int or None
        ``dim(V(R) \\ M) − 1``, an independent upper bound (the frontier of a semi-algebraic set).
    top : tuple
        A factor list ``ρ`` of a top-dimensional stratum ``T_ρ`` of ``∂_V M``.
    limit_of : tuple
        A pattern of ``Π_V \\ Π_M`` whose closure contains ``T_ρ``.
    outside : tuple
        A pattern of ``Π_V \\ Π_M`` of top dimension ``frontier + 1``.
    sample : tuple of int
        An integer point of ``T_ρ`` (flat row-major), or ``()``.
    """

    lower: int | None
    upper: int | None
    frontier: int | None = None
    top: tuple = ()
    limit_of: tuple = ()
    outside: tuple = ()
    sample: tuple = ()

    @property
    def exact(self) -> bool:
        return self.lower is not None and self.lower == self.upper



def _partition_count(n: int) -> int:
    """The number of partitions of ``n`` (Euler's recursion over the largest part)."""
    ways = [1] + [0] * n
    for part in range(1, n + 1):
        for k in range(part, n + 1):
            ways[k] += ways[k - part]
    return ways[n]


def _refinements(pattern: tuple) -> Iterable[Factors]:
    """Every factor list whose pattern is ``pattern`` (exponents: a partition of each multiplicity;
    :func:`_partition_count` of them per type)."""
    def rec(i: int) -> Iterable[Factors]:
        if i == len(pattern):
            yield ()
            return
        t, m = pattern[i]
        for part in integer_partitions(m):
            for rest in rec(i + 1):
                yield tuple((t, e) for e in part) + rest
    return rec(0)


def pattern_boundary_dimension(arch: Architecture | str, limits: Limits | None = None, *,
                               table: PatternTable | None = None) -> PatternBoundaryDimension:
    """The dimension of the boundary of ``M`` relative to ``V(R)`` (2D stride one).

    Every factor list refining a pattern of ``Π_M`` is tried, largest ``dim T_ρ`` first, with
    the slot search of :func:`in_pattern_closure` against every pattern of ``Π_V \\ Π_M``
    (module docstring); the first that passes gives the dimension and the sample.

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture with every layer at cumulative stride ``(1, 1)``.
    limits : Limits, optional
        ``max_pattern_work`` bounds the table and the number of factor lists of ``M`` times the
        number of factor types (counted exactly before they are formed), ``max_nodes`` the
        (factor list, pattern) pairs tried and the slot searches together.
    table : PatternTable, optional

    Returns
    -------
    PatternBoundaryDimension

    Raises
    ------
    InputError
        When the architecture is not 2D stride one.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> d = pattern_boundary_dimension("2x2,2x2")
    >>> d.lower, d.upper, d.frontier, factors_text(d.top)
    (4, 4, 6, 'R(0,1)*R(0,1)*R(1,0)^2')
    """
    limits = Limits.coerce(limits)
    table = _table(arch, limits, table)
    if not table.not_closed:
        return PatternBoundaryDimension(None, None)
    outside = max(table.not_closed, key=lambda p: stratum_dimension((t, 1) for t, m in p for _ in range(m)))
    frontier = stratum_dimension((t, 1) for t, m in outside for _ in range(m)) - 1
    count = sum(math.prod(_partition_count(m) for _, m in pattern) for pattern in table.in_m)
    limits.check("max_pattern_work", "factor lists of M (refinements of its patterns) times factor types of the "
                 "2D relative-boundary dimension", count * len(table.types))
    refined = [rho for pattern in table.in_m for rho in _refinements(pattern)]
    refined.sort(key=lambda r: (-stratum_dimension(r), r))
    budget = limits.budget("max_nodes", "(factor list, pattern) pairs and slot assignments searched for the 2D "
                           "relative-boundary dimension")
    nx, ny = table.total[0] + 1, table.total[1] + 1
    for rho in refined:
        for other in table.not_closed:
            budget.spend()
            if in_pattern_closure(rho, other, budget):
                dim = stratum_dimension(rho)
                rep = factors_representative(rho)
                sample = tuple(rep.get((i, j), 0) for i in range(nx) for j in range(ny))
                return PatternBoundaryDimension(dim, dim, frontier, rho, other, outside, sample)
    # unreachable: the constants lie in every closure
    return PatternBoundaryDimension(0, 0, frontier, (), next(iter(table.not_closed)), outside, (0,) * (nx * ny))


def boundary_factor_lists(arch: Architecture | str, limits: Limits | None = None, *,
                          table: PatternTable | None = None) -> tuple[Factors, ...]:
    """Every factor list ``ρ`` whose stratum ``T_ρ`` lies on ``∂_V M`` (2D stride one), largest
    ``dim T_ρ`` first: ``∂_V M \\ {0}`` is their union (module docstring).

    The search of :func:`pattern_boundary_dimension`, run to the end instead of the first hit.

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture with every layer at cumulative stride ``(1, 1)``.
    limits : Limits, optional
        As for :func:`pattern_boundary_dimension`.
    table : PatternTable, optional

    Returns
    -------
    tuple of factor lists
        Empty when ``M = V(R)``.

    Raises
    ------
    InputError
        When the architecture is not 2D stride one.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> [factors_text(r) for r in boundary_factor_lists("2x2,2x2")][:2]
    ['R(0,1)*R(0,1)*R(1,0)^2', 'R(0,1)^2*R(1,0)*R(1,0)']
    """
    limits = Limits.coerce(limits)
    table = _table(arch, limits, table)
    if not table.not_closed:
        return ()
    count = sum(math.prod(_partition_count(m) for _, m in pattern) for pattern in table.in_m)
    limits.check("max_pattern_work", "factor lists of M (refinements of its patterns) times factor types of the "
                 "2D relative boundary", count * len(table.types))
    refined = [rho for pattern in table.in_m for rho in _refinements(pattern)]
    refined.sort(key=lambda r: (-stratum_dimension(r), r))
    budget = limits.budget("max_nodes", "(factor list, pattern) pairs and slot assignments searched for the 2D "
                           "relative boundary's strata")
    out = []
    for rho in refined:
        for other in table.not_closed:
            budget.spend()
            if in_pattern_closure(rho, other, budget):
                out.append(rho)
                break
    return tuple(out)


def describe(dim: PatternBoundaryDimension) -> str:
    """The dimension in words, for :func:`~lcnalg.real.boundary.boundary`.

    Parameters
    ----------
    dim : PatternBoundaryDimension

    Returns
    -------
    str

    Examples
    --------
    >>> describe(PatternBoundaryDimension(None, None))
    'empty (Π_V = Π_M)'
    """
    if dim.lower is None:
        return "empty (Π_V = Π_M)"
    return (f"dimension {dim.lower} (exact: the largest stratum T_ρ = {{P : factors {factors_text(dim.top)}}} in the "
            f"closure of S_{pattern_text(dim.limit_of)} and in M, over every factor list of M; the frontier bound "
            f"dim(V(R) \\ M) − 1 = {dim.frontier}, from S_{pattern_text(dim.outside)})")
