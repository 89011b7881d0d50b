"""2D function spaces as finite unions over factorization patterns (docs/theory.md#factorization-patterns).

For a 2D linear architecture whose layers all sit at cumulative stride ``(1, 1)`` (the last
stride is free), a layer of box ``n_l = (k_{l,1} − 1, k_{l,2} − 1)`` takes any real polynomial
of bidegree ``≤ n_l`` componentwise.  ``R[x, y]`` and ``C[x, y]`` are unique factorization
domains, so:

* every real ``P ≠ 0`` is ``c · Π g_i^{e_i} · Π (h_j h̄_j)^{f_j}`` with ``g_i`` real and
  absolutely irreducible and ``h_j`` absolutely irreducible and not a complex multiple of a
  real polynomial; its **pattern** ``π(P)`` is the multiset of the types ``R(d)`` (a factor
  ``g_i``, ``d`` its bidegree) and ``C(d)`` (a pair ``h_j h̄_j``, ``d`` the bidegree of
  ``h_j``) with their multiplicities;
* ``P ∈ M`` iff the real irreducible factors can be shared out among the layers with every
  share's bidegree inside the layer's box (a real layer is a real constant times a product
  of real irreducible factors of ``P``), which depends on ``π(P)`` only: a pair ``C(d)``
  goes into one layer with bidegree ``2d``;
* ``P ∈ V(R)`` iff the absolute factors can be shared out (``V(R) = μ(C^N) ∩ R^k``,
  docs/theory.md#complex-image), which depends on ``π(P)`` only: ``C(d)`` gives two absolute
  factors of bidegree ``d`` that may go into different layers.

So ``M = {0} ∪ ⋃_{π ∈ Π_M} S_π`` and ``V(R) \\ M = ⋃_{π ∈ Π_V \\ Π_M} S_π`` with
``S_π = {P : π(P) = π}`` and finite sets of patterns ``Π_M ⊆ Π_V``.  A bidegree ``d`` is the
bidegree of an absolutely irreducible polynomial iff ``d ∈ {(1, 0), (0, 1)}`` or both
entries are ``≥ 1`` (a polynomial of bidegree ``(e, 0)`` splits into linear factors over C;
``x + y + x^{d_1} y^{d_2}`` and ``x + i y + x^{d_1} y^{d_2}`` have a Newton triangle with a
primitive edge, integrally indecomposable, hence are absolutely irreducible by Gao's
criterion, and the second is not a multiple of a real polynomial), so every pattern of
those types is realized (:func:`pattern_representative`) and no ``S_π`` listed is empty.

**Algorithm.**  The patterns are count vectors over the finite list of types.  The
patterns one layer can take (real shares, and complex shares of absolute factors) are
enumerated box by box; ``Π_M`` (``Π_V^C``, over C) is the set of sums of one share per
layer, built layer by layer with one grouping kept per pattern; ``Π_V`` is the set of real
patterns of bidegree ``≤`` the end-to-end box whose expansion (``C(d) ↦ d, d``) lies in
``Π_V^C``.  The work (patterns formed times the number of types, the length of a pattern vector) is
estimated up front by exact counting (a knapsack recursion over the types) and bounded by
``limits.max_pattern_work``.

**Membership from the description.**  :meth:`PatternTable.pattern_of` computes ``π(P)``
exactly: FLINT factorization over Q, then every Q-irreducible factor not certified
absolutely irreducible (by :func:`support_gcd`, its Galois conjugates share its support, or
by Gao's criterion) is factored absolutely (:mod:`lcnalg.polys.bivariate`; its absolute
factors are Galois conjugate, of equal bidegree, real or in conjugate pairs); ``P ∈ M`` iff
``π(P) ∈ Π_M`` (a table look-up, no grouping search).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Iterator, Sequence

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.bivariate import absolute_factorization, absolutely_irreducible_certificate, real_factors
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["FactorType", "PatternTable", "pattern_table", "stride_one_2d", "absolute_bidegree", "support_gcd",
           "pattern_text", "pattern_representative", "factor_types",
           "factors_representative", "integer_partitions"]

# ``("R", d_x, d_y)``: a real absolutely irreducible factor of bidegree ``(d_x, d_y)``;
# ``("C", d_x, d_y)``: ``h h̄`` with ``h`` absolutely irreducible, non-real, of bidegree ``(d_x, d_y)``.
FactorType = tuple[str, int, int]
Pattern = tuple[tuple[FactorType, int], ...]


def support_gcd(f: dict) -> int:
    """A multiple of the number of absolute factors of a Q-irreducible ``f`` (``{(i, j): c}``).

    Over Q, ``f = c · Π_σ σ(g)`` with ``r`` Galois conjugates ``σ(g)`` of one absolute factor
    ``g``; conjugation keeps the support, so for every direction ``w`` the extreme values
    ``max/min_{m ∈ supp} w·m`` of ``f`` are ``r`` times those of ``g``.  Hence ``r`` divides
    ``gcd(max i, max j, max (i + j), max (i − j), min (i − j))`` (``f`` is not divisible by ``x``
    or ``y`` unless it is ``x`` or ``y``), and ``f`` is absolutely irreducible when this is 1:
    an exact certificate, independent of Gao's (``x^3 y^2 + x^3 + x y + y^2 + 1`` has the
    decomposable Newton polygon ``[0, 3] × [0, 2]`` but this gcd 1).

    Examples
    --------
    >>> support_gcd({(3, 2): 1, (3, 0): 1, (1, 1): 1, (0, 2): 1, (0, 0): 1}), support_gcd({(2, 2): 1, (0, 0): 1})
    (1, 2)
    """
    ms = list(f)
    diff = [i - j for i, j in ms]
    return math.gcd(max(i for i, _ in ms), max(j for _, j in ms), max(i + j for i, j in ms), max(diff), min(diff))


def stride_one_2d(arch: Architecture) -> bool:
    """True for a 2D linear one-channel architecture whose layers all sit at cumulative stride
    ``(1, 1)`` (only the last stride may be larger: it does not change the function space).

    Examples
    --------
    >>> stride_one_2d(Architecture.parse("2x2,2x2")), stride_one_2d(Architecture.parse("2x2,2x2 s=2x2"))
    (True, False)
    """
    return (arch.ndim == 2 and arch.activation is None and arch.channels is None
            and all(tuple(t) == (1, 1) for t in arch.cumulative_strides[:arch.num_layers]))


def absolute_bidegree(dx: int, dy: int) -> bool:
    """Is ``(dx, dy)`` the bidegree of some absolutely irreducible polynomial?

    Yes iff ``(dx, dy)`` is ``(1, 0)``, ``(0, 1)``, or both entries are at least 1 (see the
    module docstring).

    Examples
    --------
    >>> [absolute_bidegree(*d) for d in ((1, 0), (2, 0), (1, 3), (0, 0))]
    [True, False, True, False]
    """
    return (dx, dy) in ((1, 0), (0, 1)) or (dx >= 1 and dy >= 1)


def _size(t: FactorType) -> tuple[int, int]:
    """Bidegree of the real irreducible factor of type ``t``."""
    k = 2 if t[0] == "C" else 1
    return (k * t[1], k * t[2])


def _types(total: tuple[int, int]) -> list[FactorType]:
    dx, dy = total
    real = [(i, j) for i in range(dx + 1) for j in range(dy + 1) if absolute_bidegree(i, j)]
    return ([("R", i, j) for i, j in real]
            + [("C", i, j) for i, j in real if 2 * i <= dx and 2 * j <= dy])


def _count(sizes: Sequence[tuple[int, int]], box: tuple[int, int]) -> int:
    """Number of multisets of the items ``sizes`` with total ``≤ box`` (exact knapsack count)."""
    bx, by = box
    if bx < 0 or by < 0:
        return 0
    ways = [[0] * (by + 1) for _ in range(bx + 1)]
    ways[0][0] = 1
    for sx, sy in sizes:
        for i in range(sx, bx + 1):
            row, src = ways[i], ways[i - sx]
            for j in range(sy, by + 1):
                row[j] += src[j - sy]
    return sum(map(sum, ways))


def _multisets(sizes: Sequence[tuple[int, int]], box: tuple[int, int]) -> Iterator[tuple[int, ...]]:
    """Count vectors ``c`` with ``Σ c_i sizes_i ≤ box``."""
    n = len(sizes)

    def rec(i: int, rx: int, ry: int) -> Iterator[tuple[int, ...]]:
        if i == n:
            yield ()
            return
        sx, sy = sizes[i]
        c = 0
        while c * sx <= rx and c * sy <= ry:
            for rest in rec(i + 1, rx - c * sx, ry - c * sy):
                yield (c,) + rest
            c += 1

    return rec(0, box[0], box[1])


def _add(u: tuple[int, ...], v: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(a + b for a, b in zip(u, v))


def _sums(shares: list[list[tuple[int, ...]]], zero: tuple[int, ...]) -> dict:
    """``{sum of one share per layer: one such choice}``, layer by layer."""
    acc: dict = {zero: ()}
    for layer in shares:
        nxt: dict = {}
        for v, choice in acc.items():
            for w in layer:
                s = _add(v, w)
                if s not in nxt:
                    nxt[s] = choice + (w,)
        acc = nxt
    return acc


def pattern_text(pattern: Pattern) -> str:
    """``R(1,1)^2*C(1,0)``; ``1`` for the empty pattern (a constant).

    Examples
    --------
    >>> pattern_text(((("R", 1, 1), 2), (("C", 1, 0), 1)))
    'R(1,1)^2*C(1,0)'
    """
    if not pattern:
        return "1"
    return "*".join(f"{k}({i},{j})" + (f"^{m}" if m > 1 else "") for (k, i, j), m in pattern)


def _pattern_latex(pattern: Pattern) -> str:
    if not pattern:
        return "1"
    return " ".join(rf"{k}_{{{i},{j}}}" + (f"^{{{m}}}" if m > 1 else "") for (k, i, j), m in pattern)


@dataclass(frozen=True)
class PatternTable:
    """The factorization patterns of a 2D stride-one architecture.

    Attributes
    ----------
    architecture : str
    boxes : tuple of (int, int)
        The layers' bidegree boxes ``(k_{l,1} − 1, k_{l,2} − 1)``.
    total : (int, int)
        The end-to-end bidegree box.
    types : tuple of FactorType
        Every factor type a real point can have.
    in_m : dict
        ``Π_M``: pattern -> one grouping (per layer, the pattern it takes).
    not_closed : dict
        ``Π_V \\ Π_M``: pattern -> one grouping of its absolute factors (per layer, the
        bidegrees ``(d_x, d_y, count)`` of the absolute factors it takes).
    counts : dict
        ``{"types", "patterns", "in_V", "in_M", "work"}``.
    """

    architecture: str
    boxes: tuple[tuple[int, int], ...]
    total: tuple[int, int]
    types: tuple[FactorType, ...]
    in_m: dict = field(repr=False)
    not_closed: dict = field(repr=False)
    counts: dict = field(repr=False)

    def holds(self, pattern: Pattern) -> bool:
        """Is ``pattern`` in ``Π_M``?"""
        return pattern in self.in_m

    def in_v(self, pattern: Pattern) -> bool:
        """Is ``pattern`` in ``Π_V``?"""
        return pattern in self.in_m or pattern in self.not_closed

    def pattern_of(self, values: Sequence[Fraction], limits: Limits | None = None) -> Pattern | None:
        """``π(P)`` of the filter ``values`` (flat row-major, end-to-end shape), exactly; None for 0.

        ``limits.max_field_work`` bounds each absolute factorization.
        """
        factors = self.factors_of(values, limits)
        if factors is None:
            return None
        found: dict = {}
        for t, e in factors:
            found[t] = found.get(t, 0) + e
        return tuple(sorted(found.items(), key=lambda te: self._order(te[0])))

    def factors_of(self, values: Sequence[Fraction], limits: Limits | None = None
                   ) -> tuple[tuple[FactorType, int], ...] | None:
        """The distinct real irreducible factors of ``P``: ``(type, exponent)`` each, exactly; None for 0.

        Finer than :meth:`pattern_of` (``g^2`` and ``g_1 g_2`` have the same pattern
        ``R(d)^2`` but the factors ``((R(d), 2),)`` and ``((R(d), 1), (R(d), 1))``).
        ``limits.max_field_work`` bounds each absolute factorization.

        Examples
        --------
        >>> t = pattern_table("2x2,2x2")
        >>> t.factors_of([1, 0, 0, 2, 0, 0, 1, 0, 0]), t.factors_of([2, 0, 0, 3, 0, 0, 1, 0, 0])   # (x+1)^2, (x+1)(x+2)
        (((('R', 1, 0), 2),), ((('R', 1, 0), 1), (('R', 1, 0), 1)))
        """
        limits = Limits.coerce(limits)
        nx, ny = self.total[0] + 1, self.total[1] + 1
        if len(values) != nx * ny:
            raise InputError(f"filter: expected {nx * ny} entries (shape {nx}x{ny}), got {len(values)}")
        values = [Fraction(v) for v in values]
        if all(v == 0 for v in values):
            return None
        den = math.lcm(*(v.denominator for v in values))
        ctx = integer_ring(("x", "y"))
        p = ctx.from_dict({(i, j): int(values[i * ny + j] * den) for i in range(nx) for j in range(ny)
                           if values[i * ny + j] != 0})
        found = factor_types(p, limits)
        return tuple(sorted(found, key=lambda te: (self._order(te[0]), te[1])))

    def _order(self, t: FactorType) -> tuple:
        return (self.types.index(t), t) if t in self.types else (len(self.types), t)

    def contains(self, values: Sequence[Fraction], limits: Limits | None = None) -> bool:
        """``P ∈ M`` from the table: ``P = 0`` or ``π(P) ∈ Π_M``."""
        pattern = self.pattern_of(values, limits)
        return pattern is None or self.holds(pattern)

    def grouping_text(self, pattern: Pattern) -> str:
        """The grouping kept for ``pattern`` (real layers for ``Π_M``, complex ones otherwise)."""
        if pattern in self.in_m:
            return "; ".join(f"layer {l + 1}: {pattern_text(p)}" for l, p in enumerate(self.in_m[pattern]))
        parts = []
        for l, share in enumerate(self.not_closed[pattern]):
            parts.append(f"layer {l + 1}: " + ("*".join(f"h({i},{j})" + (f"^{c}" if c > 1 else "")
                                                        for i, j, c in share) or "1"))
        return "; ".join(parts)

    def latex(self, pattern: Pattern) -> str:
        return _pattern_latex(pattern)


def _estimate(types: list[FactorType], boxes: Sequence[tuple[int, int]], total: tuple[int, int]) -> int:
    """Patterns formed: ``Σ_l N(n_1 + … + n_{l−1}) · N(n_l)`` for the real and the complex shares
    (a partial sum lies below the boxes so far) plus ``N(n)`` for the final pass, ``N(b)`` the
    exact number of patterns of bidegree ``≤ b``."""
    real = [_size(t) for t in types]
    cplx = [(t[1], t[2]) for t in types if t[0] == "R"]
    work = _count(real, total)
    for sizes in (real, cplx):
        below = (0, 0)
        for b in boxes:
            work += _count(sizes, below) * _count(sizes, b)
            below = (below[0] + b[0], below[1] + b[1])
    return work


def pattern_table(arch: Architecture | str, limits: Limits | None = None) -> PatternTable:
    """The finite sets ``Π_M ⊆ Π_V`` of factorization patterns (module docstring).

    Parameters
    ----------
    arch : Architecture or str
        A 2D linear one-channel architecture with every layer at cumulative stride ``(1, 1)``.
    limits : Limits, optional
        ``max_pattern_work`` bounds the enumeration (estimated by exact counting before it starts).

    Returns
    -------
    PatternTable

    Raises
    ------
    InputError
        When the architecture is not 2D stride one.
    ResourceLimitError
        When the estimated work exceeds ``limits.max_pattern_work``.

    References
    ----------
    S. Gao, Absolute irreducibility of polynomials via Newton polytopes, J. Algebra 237 (2001).

    Examples
    --------
    >>> t = pattern_table("2x2,2x2")
    >>> [pattern_text(p) for p in t.not_closed][:4], len(t.not_closed), len(t.in_m)
    (['C(1,1)', 'C(1,0)', 'C(0,1)', 'C(0,1)*C(1,0)'], 8, 14)
    >>> t.holds(((("R", 1, 1), 2),)), t.holds(((("C", 1, 1), 1),)), t.in_v(((("C", 1, 1), 1),))
    (True, False, True)
    """
    arch = Architecture.coerce(arch)
    if not isinstance(arch, Architecture) or not stride_one_2d(arch):
        raise InputError(f"architecture {arch}: factorization patterns need a 2D linear one-channel architecture "
                         "with every layer at cumulative stride (1, 1) (e.g. 2x2,2x2)")
    limits = Limits.coerce(limits)
    boxes = tuple((f[0] - 1, f[1] - 1) for f in arch.filters)
    total = (sum(b[0] for b in boxes), sum(b[1] for b in boxes))
    cells = (total[0] + 1) * (total[1] + 1)
    # each exact count costs at most types x cells steps, types <= 2 * cells
    limits.check("max_pattern_work", "steps of counting the 2D factorization patterns (counts x types x cells)",
                 (2 * len(boxes) + 1) * 2 * cells * cells)
    types = _types(total)
    work = _estimate(types, boxes, total) * len(types)
    limits.check("max_pattern_work", "steps of the 2D factorization-pattern enumeration (patterns formed x "
                 "factor types)", work)
    real = [_size(t) for t in types]
    cidx = [k for k, t in enumerate(types) if t[0] == "R"]
    cplx = [(types[k][1], types[k][2]) for k in cidx]
    pos = {(types[k][1], types[k][2]): n for n, k in enumerate(cidx)}
    in_m = _sums([list(_multisets(real, b)) for b in boxes], tuple(0 for _ in types))
    in_vc = _sums([list(_multisets(cplx, b)) for b in boxes], tuple(0 for _ in cplx))

    def expand(v: tuple[int, ...]) -> tuple[int, ...]:
        out = [0] * len(cplx)
        for t, c in zip(types, v):
            if c:
                out[pos[(t[1], t[2])]] += c if t[0] == "R" else 2 * c
        return tuple(out)

    def as_pattern(v: tuple[int, ...]) -> Pattern:
        return tuple((t, c) for t, c in zip(types, v) if c)

    n_all = 0
    not_closed: dict = {}
    for v in _multisets(real, total):
        n_all += 1
        if v in in_m:
            continue
        grouping = in_vc.get(expand(v))
        if grouping is not None:
            not_closed[as_pattern(v)] = tuple(tuple((d[0], d[1], c) for d, c in zip(cplx, share) if c)
                                              for share in grouping)
    m_table = {as_pattern(v): tuple(as_pattern(s) for s in g) for v, g in in_m.items()}
    counts = {"types": len(types), "patterns": n_all, "in_V": len(m_table) + len(not_closed), "in_M": len(m_table),
              "work": work}
    return PatternTable(str(arch), boxes, total, tuple(types), m_table, not_closed, counts)



def factor_types(p: Any, limits: Limits | None = None) -> list[tuple[FactorType, int]]:
    """The distinct real irreducible factors of a nonzero ``p ∈ Z[x, y]`` (FLINT ``fmpz_mpoly``):
    ``(type, exponent)`` each, exactly (constants dropped).

    FLINT factorization over Q; a Q-irreducible factor not certified absolutely irreducible
    (:func:`support_gcd`, Gao's criterion) is factored absolutely (its absolute factors are
    Galois conjugate, of equal bidegree, real or in conjugate pairs).  ``limits.max_field_work``
    bounds each absolute factorization.

    Examples
    --------
    >>> ctx = integer_ring(("x", "y"))
    >>> x, y = ctx.gens()
    >>> sorted(factor_types((x**2 + y**2) * (x**2 + 1) * (x + 1)**2))   # (x + iy)(x - iy): bidegree (1, 1) each
    [(('C', 1, 0), 1), (('C', 1, 1), 1), (('R', 1, 0), 2)]
    """
    limits = Limits.coerce(limits)
    _, factors = mpoly_factor(p)
    found: list = []
    for f, e in factors:
        fd = {(int(m[0]), int(m[1])): int(c) for m, c in f.terms()}
        deg = (max(m[0] for m in fd), max(m[1] for m in fd))
        if support_gcd(fd) == 1 or absolutely_irreducible_certificate(f) is not None:
            kinds = [("R",) + deg]
        else:
            af = absolute_factorization(fd, limits=limits)
            r = len(af.classes)
            g = (deg[0] // r, deg[1] // r)
            kinds = []
            for rf in real_factors(af, 0):
                if rf.kind == "rational":
                    kinds.append(("R",) + deg if r == 1 else ("C",) + g)
                else:
                    kinds.append(("R" if rf.kind == "real" else "C",) + g)
        found.extend((t, int(e)) for t in kinds)
    return found


def pattern_representative(pattern: Pattern) -> dict:
    """An integer polynomial ``{(i, j): c}`` whose pattern is ``pattern``.

    Distinct factors of each type: ``R(1,0)``: ``x + k``; ``R(0,1)``: ``y + k``;
    ``R(d)``: ``x + y + k x^{d_1} y^{d_2}``; ``C(1,0)``: ``x^2 + k^2``; ``C(0,1)``:
    ``y^2 + k^2``; ``C(d)``: ``(x + x^{d_1} y^{d_2})^2 + k^2 y^2`` (``h = x + k i y + x^{d_1}
    y^{d_2}``), for ``k = 1, 2, …`` (see the module docstring for why they are absolutely
    irreducible, pairwise non-associate and, for ``C``, not multiples of real polynomials).

    Examples
    --------
    >>> sorted(pattern_representative(((("C", 1, 0), 1), (("R", 0, 1), 1))).items())   # (x^2 + 1)(y + 2)
    [((0, 0), 2), ((0, 1), 1), ((2, 0), 2), ((2, 1), 1)]
    """
    return factors_representative(tuple((t, 1) for t, m in pattern for _ in range(m)))


def factors_representative(factors: Sequence[tuple[FactorType, int]]) -> dict:
    """An integer polynomial ``{(i, j): c}`` with the distinct real irreducible factors
    ``factors`` (``(type, exponent)`` each, as :meth:`PatternTable.factors_of` returns them):
    the ``k``-th entry is the ``k``-th factor of :func:`pattern_representative` raised to its
    exponent.

    Examples
    --------
    >>> sorted(factors_representative(((("R", 1, 0), 2),)).items())   # (x + 1)^2
    [((0, 0), 1), ((1, 0), 2), ((2, 0), 1)]
    """
    ctx = integer_ring(("x", "y"))
    p = ctx.from_dict({(0, 0): 1})
    for k, ((kind, i, j), e) in enumerate(factors, start=1):
        if kind == "R":
            f = {(1, 0): {(1, 0): 1, (0, 0): k}, (0, 1): {(0, 1): 1, (0, 0): k}}.get(
                (i, j), {(1, 0): 1, (0, 1): 1, (i, j): k})
        elif (i, j) == (1, 0):
            f = {(2, 0): 1, (0, 0): k * k}
        elif (i, j) == (0, 1):
            f = {(0, 2): 1, (0, 0): k * k}
        else:
            f = {}
            for m, c in (((2, 0), 1), ((i + 1, j), 2), ((2 * i, 2 * j), 1), ((0, 2), k * k)):
                f[m] = f.get(m, 0) + c
        p *= ctx.from_dict(f) ** e
    return {(int(m[0]), int(m[1])): int(c) for m, c in p.terms()}


def conditions(pattern: Pattern, total_box: tuple[int, int]) -> list[str]:
    """The polynomial (equation and inequation) conditions implied by the pattern's bidegree,
    as sympy-parsable strings in ``c{i}_{j}``: ``P`` has bidegree exactly ``Σ`` of the factor
    bidegrees."""
    bx = sum(_size(t)[0] * m for t, m in pattern)
    by = sum(_size(t)[1] * m for t, m in pattern)
    out = [f"Eq(c{i}_{j}, 0)" for i in range(total_box[0] + 1) for j in range(total_box[1] + 1)
           if i > bx or j > by]
    out.append("Ne(" + " + ".join(f"c{bx}_{j}**2" for j in range(by + 1)) + ", 0)")
    out.append("Ne(" + " + ".join(f"c{i}_{by}**2" for i in range(bx + 1)) + ", 0)")
    return out


def _representative_filter(pattern: Pattern, total: tuple[int, int]) -> list[int]:
    rep = pattern_representative(pattern)
    return [rep.get((i, j), 0) for i in range(total[0] + 1) for j in range(total[1] + 1)]


def pattern_entry(table: PatternTable, pattern: Pattern) -> dict[str, Any]:
    """One pattern, JSON-ready."""
    factors = [{"kind": "real absolutely irreducible" if t[0] == "R" else "conjugate pair h*conj(h)",
                "bidegree": [t[1], t[2]], "real_bidegree": list(_size(t)), "multiplicity": m}
               for t, m in pattern]
    bideg = [sum(_size(t)[0] * m for t, m in pattern), sum(_size(t)[1] * m for t, m in pattern)]
    return {"pattern": pattern_text(pattern), "in_M": table.holds(pattern), "in_V": table.in_v(pattern),
            "bidegree": bideg, "factors": factors, "grouping": table.grouping_text(pattern),
            "conditions": conditions(pattern, table.total),
            **({} if table.holds(pattern) else {"representative": _representative_filter(pattern, table.total)}),
            "factorization_condition": ("the irreducible factorization of P over R, computed from the exact "
                                        "absolute factorization (FLINT over Q, then over Q(beta)), has exactly "
                                        f"the factors {pattern_text(pattern)} (R: real absolutely irreducible, "
                                        "C: h*conj(h), h absolutely irreducible non-real; bidegree of the "
                                        "absolute factor, multiplicity as exponent)")}


def integer_partitions(n: int, most: int | None = None) -> Iterator[tuple[int, ...]]:
    """The partitions of ``n`` into parts of at most ``most`` (default ``n``), as non-increasing
    tuples, the largest first part first (how a multiplicity is shared among equal factors).

    Examples
    --------
    >>> list(integer_partitions(4))
    [(4,), (3, 1), (2, 2), (2, 1, 1), (1, 1, 1, 1)]
    """
    most = n if most is None else most
    if n == 0:
        yield ()
        return
    for first in range(min(n, most), 0, -1):
        for rest in integer_partitions(n - first, first):
            yield (first,) + rest
