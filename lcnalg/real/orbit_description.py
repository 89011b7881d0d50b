"""Semi-algebraic description of a 1D function space for every stride pattern (root-orbit types).

Setting (docs/theory.md#orbit-description).  Let the levels of a 1D architecture be
``T_1 | ⋯ | T_J`` (distinct cumulative strides, :func:`~lcnalg.real.orbit_tilings.orbit_model`),
``N_j`` the total degree and ``m_j`` the number of odd-degree layers of level ``j``, ``T = T_J``,
``D = Σ_j N_j T_j`` the formal degree of the end-to-end filter ``P``.

**The root-orbit type of P.**  Group the distinct non-zero roots ``r`` of ``P`` by ``a = r^T``.
The roots with one value ``a`` are ``ρ_a ζ^k`` (``ζ = e^{2πi/T}``), with the canonical base
``ρ_a = a^{1/T} > 0`` for ``a > 0``, ``|a|^{1/T} e^{iπ/T}`` for ``a < 0``, and any root of the
class for non-real ``a``; their multiplicities form a vector ``S_a ∈ N^{Z/T}``.  The *type*
``κ(P)`` is the multiset of blocks

* ``("positive", S_a)`` / ``("negative", S_a)`` for real ``a``,
* ``("pair", S_a)`` for each conjugate pair ``{a, ā}`` (``S_ā`` is the mirror image of ``S_a``),
* ``("zero", μ_0)`` and ``("infinity", D − deg P)`` for the root ``0`` and the roots at infinity.

``κ(P)`` is computed exactly: ``P`` is factored over ``Z`` (FLINT), the roots are isolated in
certified balls, the classes are found exactly through ``res_z(f, w − z^T)``
(:meth:`~lcnalg.polys.univariate.RootData.orbits`), and ``k`` is the unique ``k`` with
``r/ρ_a ∈ ζ^k``-ball (``r/ρ_a`` is exactly a ``T``-th root of unity, so certified balls of radius
below ``sin(π/T)`` decide it).

**Description.**  A level-``j`` factor ``q(z^{T_j})`` contributes the cosets of the subgroup of
order ``T_j`` of ``Z/T`` inside one class.  For one block ``B`` let ``C(B)`` be the set of count
vectors ``v ∈ N^J`` of its coset tilings (a pair: a tiling of ``S_a`` and one of ``S_ā``) and
``R(B)`` the set of ``(v, ρ)`` of its *real* tilings (conjugation-invariant: a pair is tiled as
``S_a`` plus its mirror, ``ρ = 0``; a real class by tilings invariant under ``k ↦ −k`` for
``a > 0`` or ``k ↦ −1−k`` for ``a < 0``, ``ρ_j`` = number of invariant level-``j`` cosets = real
roots of the level-``j`` factor in ``y = z^{T_j}``; ``0`` and ``∞``: ``Σ v_j T_j = μ``, every
orbit real).  Then, with Minkowski sums over the blocks and ``ρ`` capped at ``m``,

``P ∈ V(R) ⇔ P = 0 or N ∈ Σ_B C(B)``,  ``P ∈ M ⇔ P = 0 or (N, m) ∈ Σ_B R(B)``.

*Proof.*  Over ``C`` a factorization ``P = Π_l q_l(z^{t_l})`` is the same as a tiling of the
roots by level-``j`` orbits, ``N_j`` of them at level ``j`` (every polynomial of degree ``N_j``
factors with the level's degrees); classes are disjoint, so tilings are per block.  A real
factorization is a conjugation-invariant tiling; conjugation maps the class of ``a`` to that of
``ā``, fixing real classes by the involutions above; and the layers of level ``j`` can be
taken real iff the level's factor has at least ``m_j`` real roots (docs/theory.md#stride-one).
So ``M`` is the finite union, over the admissible types, of the semi-algebraic sets
``{P : κ(P) = κ}``; each is described by conditions on exactly computable polynomials of the
coefficients (the class polynomial ``res_z(P(z), w − z^T)``, its real roots and their signs, and
the multiplicities ``gcd(P, z^T − a)``), and :func:`orbit_member` evaluates them exactly.

**Relative boundary** (:func:`relative_boundary_member`).  ``M`` is closed in ``R^{D+1}``, so
``∂_V M = M ∩ closure(V(R) \\ M)``.  Along a sequence of real points of ``V`` converging to ``P``
the root types converge, after a subsequence, to a fixed type ``κ'`` that *specialises* to
``κ(P)``: each class of ``P`` is the limit of classes whose shapes add up to it (a real class
``a`` is the limit of real classes of the same sign and of pairs ``b, b̄ → a``: ``S_a = Σ R_i +
Σ (U_j + σU_j)``; a pair class is the limit of pairs, ``S_a = Σ S_i``), and the roots ``0``, ``∞``
are limits of a smaller ``0``, ``∞`` and of classes of any shape with as many roots in all
(exactly ``μ_0`` roots of a nearby filter of the same formal degree tend to ``0``, ``μ_∞`` to
``∞``, and the roots of one class have one modulus).  Conversely every such
``κ'`` is realised arbitrarily close to ``P`` (move the class values ``a``).  Hence ``P ∈ ∂_V M``
iff ``P ∈ M`` and some generisation ``κ'`` of ``κ(P)`` has ``N ∈ ΣC`` but ``(N, m) ∉ ΣR``;
``P = 0`` is in it iff ``M ≠ V(R)``.  The search is exhaustive over the generisations (shapes
are split exactly; near ``0`` and ``∞`` the new classes range over the distinct block signatures
of :func:`~lcnalg.real.orbit_tilings.configuration_blocks`, which is enough because only a
block's ``(C, R)`` matters), memoised on ``(C, R)`` states and bounded by ``max_nodes``.
"""

from __future__ import annotations

import itertools
import operator
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterable

import flint

from lcnalg.architecture import Architecture
from lcnalg.limits import Budget, Limits
from lcnalg.polys.univariate import RootData, to_fmpz_poly
from lcnalg.real.orbit_tilings import OrbitModel, configuration_blocks, orbit_model

__all__ = ["RootType", "root_type", "class_blocks", "block_counts", "orbit_member", "type_member",
           "relative_boundary_member", "type_on_relative_boundary", "relative_boundary_types", "combine_counts", "OrbitMembership",
           "RelativeBoundaryDimension", "relative_boundary_dimension"]

Vec = tuple[int, ...]
Block = tuple[str, tuple[int, ...]]
State = tuple[frozenset, frozenset]


@dataclass(frozen=True)
class RootType:
    """The root-orbit type ``κ(P)`` of a non-zero filter (see the module docstring).

    Attributes
    ----------
    T : int
        The largest cumulative stride.
    blocks : tuple of (str, tuple of int)
        ``("positive" | "negative" | "pair", S)`` with ``S`` the multiplicities on ``Z/T``, and
        ``("zero", (μ,))``, ``("infinity", (μ,))``; sorted.
    """

    T: int
    blocks: tuple[Block, ...]

    def to_text(self) -> str:
        """One line per block.

        Examples
        --------
        >>> RootType(2, (("positive", (1, 1)), ("zero", (2,)))).to_text()
        'real class a > 0, multiplicities (1, 1) on Z/2; root 0 of multiplicity 2'
        """
        words = {"positive": "real class a > 0", "negative": "real class a < 0",
                 "pair": "conjugate pair of classes a, ā"}
        out = []
        for kind, s in self.blocks:
            if kind == "zero":
                out.append(f"root 0 of multiplicity {s[0]}")
            elif kind == "infinity":
                out.append(f"root ∞ of multiplicity {s[0]}")
            else:
                out.append(f"{words[kind]}, multiplicities {tuple(s)} on Z/{self.T}")
        return "; ".join(out)


def root_type(model: OrbitModel, values: Iterable[Any], limits: Limits | None = None) -> RootType | None:
    """The exact root-orbit type ``κ(P)`` of the filter ``values`` (None for ``P = 0``).

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture (:func:`~lcnalg.real.orbit_tilings.orbit_model`).
    values : iterable of rational numbers
        The coefficients ``c_0, …, c_D`` of ``P`` (``D`` = the model's degree).
    limits : Limits, optional
        ``max_root_work`` and ``max_precision`` bound the factorization and the isolation.

    Returns
    -------
    RootType or None

    Raises
    ------
    ResourceLimitError
        When the root isolation exceeds its bounds.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> root_type(m, [-1, 0, 0, 0, 1]).blocks        # z^4 − 1: a = 1 (±1) and a = −1 (±i)
    (('negative', (1, 1)), ('positive', (1, 1)))
    >>> root_type(m, [0, 0, 1, 0, 0]).blocks         # z^2: the root 0 twice, two roots at infinity
    (('infinity', (2,)), ('zero', (2,)))
    """
    limits = Limits.coerce(limits)
    vals = [Fraction(v) for v in values]
    if all(v == 0 for v in vals):
        return None
    if not model.levels:                      # every layer has size 1: P is a constant
        return RootType(1, ())
    T = model.T
    D = len(vals) - 1
    p, _ = to_fmpz_poly(tuple(vals))
    rd = RootData(p, limits)
    blocks: list[Block] = []
    if rd.zero_multiplicity:
        blocks.append(("zero", (rd.zero_multiplicity,)))
    if D > rd.degree:
        blocks.append(("infinity", (D - rd.degree,)))
    if rd.roots:
        blocks.extend(_classes(rd, T, limits))
    return RootType(T, tuple(sorted(blocks)))


def _classes(rd: RootData, T: int, limits: Limits) -> list[Block]:
    """The class blocks: group by ``a = r^T`` (exact), then positions by certified balls."""
    while True:
        out = class_blocks(rd, T, rd.multiplicity)
        if out is not None:
            return out
        rd.refine()


def class_blocks(rd: RootData, T: int, multiplicity: list[int]) -> list[Block] | None:
    """The class blocks of the roots of ``rd`` counted with ``multiplicity`` (0: not a root).

    The classes are grouped exactly (:meth:`~lcnalg.polys.univariate.RootData.orbits`); the
    sign of a real class value and the position ``k`` of each root are read from the certified
    balls at the current precision.  A pair's ``S`` depends on the choice of the base root (a
    rotation) and of ``a`` or ``ā`` (the mirror image ``k ↦ −k``), which its tilings do not
    see: the least of these images is returned, so that the type does not depend on the order
    of the isolated roots.  The roots with a non-zero multiplicity must be closed under
    conjugation (a real polynomial's roots, or a real factor's).

    Parameters
    ----------
    rd : RootData
        The isolated roots.
    T : int
        The largest cumulative stride.
    multiplicity : list of int
        One entry per root of ``rd.roots`` (their order at the current precision).

    Returns
    -------
    list of blocks, or None
        None when the balls do not decide a sign or a position yet (refine and call again).

    Examples
    --------
    >>> rd = RootData(flint.fmpz_poly([-1, 0, 0, 0, 1]))          # z^4 − 1
    >>> sorted(class_blocks(rd, 2, [1 if r.imag.is_zero() else 0 for r in rd.roots]))   # ±1 only
    [('positive', (1, 1))]
    """
    lab = rd.orbits(T)
    prec = rd.prec
    with flint.ctx.workprec(prec):
        zeta = [flint.acb(flint.arb(2 * k) / T).exp_pi_i() for k in range(T)]
        members: dict[int, list[int]] = {}
        for i, j in enumerate(lab.label):
            if multiplicity[i]:
                members.setdefault(j, []).append(i)
        out: list[Block] = []
        for j, idx in sorted(members.items()):
            if lab.real[j]:
                a = lab.values[j].real
                if a.contains(0):
                    return None
                kind = "positive" if a > 0 else "negative"
                rho = (flint.acb(a).log() / T).exp()
            elif lab.conj[j] > j:
                kind = "pair"
                rho = rd.roots[idx[0]]
            else:
                continue                          # the conjugate class of a pair already taken
            S = [0] * T
            for i in idx:
                q = rd.roots[i] / rho
                hits = [k for k in range(T) if q.overlaps(zeta[k])]
                if len(hits) != 1:
                    return None
                S[hits[0]] += multiplicity[i]
            if kind == "pair":  # the base root and the class of the pair are choices: canonical S
                S = min(min(tuple(v[(k + c) % T] for k in range(T)) for c in range(T))
                        for v in (S, [S[-k % T] for k in range(T)]))
            out.append((kind, tuple(S)))
    return out


# ------------------------------------------------------------------ block signatures
def _tilings(model: OrbitModel, S: Vec, memo: dict, budget: Budget | None) -> frozenset:
    """Count vectors of the exact covers of the multiset ``S`` by level cosets (``≤ N``)."""
    if S in memo:
        return memo[S]
    if budget is not None:
        budget.spend()
    T = model.T
    k = next((i for i, x in enumerate(S) if x), None)
    if k is None:
        out = frozenset({(0,) * len(model.levels)})
    else:
        found = set()
        for j, tj in enumerate(model.levels):
            g = T // tj
            pos = range(k % g, T, g)
            if any(S[p] == 0 for p in pos):
                continue
            rest = list(S)
            for p in pos:
                rest[p] -= 1
            for v in _tilings(model, tuple(rest), memo, budget):
                w = v[:j] + (v[j] + 1,) + v[j + 1:]
                if w[j] <= model.N[j]:
                    found.add(w)
        out = frozenset(found)
    memo[S] = out
    return out


def _real_tilings(model: OrbitModel, S: Vec, sign: int, memo: dict, budget: Budget | None) -> frozenset:
    """``(v, ρ)`` of the tilings of ``S`` invariant under ``k ↦ −k`` (sign > 0) or ``−1−k``."""
    key = (S, sign)
    if key in memo:
        return memo[key]
    if budget is not None:
        budget.spend()
    T, J = model.T, len(model.levels)
    k = next((i for i, x in enumerate(S) if x), None)
    if k is None:
        out = frozenset({((0,) * J, (0,) * J)})
    else:
        found = set()
        for j, tj in enumerate(model.levels):
            g = T // tj
            c = k % g
            c2 = (-c) % g if sign > 0 else (-1 - c) % g
            rest = list(S)
            cosets = [c] if c2 == c else [c, c2]
            for cc in cosets:
                for p in range(cc, T, g):
                    rest[p] -= 1
            if any(x < 0 for x in rest):
                continue
            step = len(cosets)
            for v, r in _real_tilings(model, tuple(rest), sign, memo, budget):
                w = v[:j] + (v[j] + step,) + v[j + 1:]
                if w[j] > model.N[j]:
                    continue
                rr = r[:j] + (r[j] + (1 if step == 1 else 0),) + r[j + 1:]
                found.add((w, rr))
        out = frozenset(found)
    memo[key] = out
    return out


def _cap(model: OrbitModel, r: Vec) -> Vec:
    return tuple(min(a, b) for a, b in zip(r, model.m))


def _le(model: OrbitModel, v: Vec) -> bool:
    return all(a <= b for a, b in zip(v, model.N))


def block_counts(model: OrbitModel, block: Block, memo: dict | None = None,
                 budget: Budget | None = None) -> State:
    """``(C(B), R(B))`` of one block (count vectors ``≤ N``; real-root vectors capped at ``m``).

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))       # levels 1 | 2, N = (2, 1)
    >>> C, R = block_counts(m, ("pair", (1, 1)))               # ±β, ±β̄ with β² non-real
    >>> sorted(C), sorted(R)
    ([(2, 1)], [])
    >>> sorted(block_counts(m, ("positive", (1, 1)))[1])       # ±√a: two real roots or one orbit
    [((0, 1), (0, 1)), ((2, 0), (0, 0))]
    """
    memo = {} if memo is None else memo
    kind, S = block
    J = len(model.levels)
    if kind in ("zero", "infinity"):
        mu = S[0]
        C = set()
        for v in itertools.product(*[range(n + 1) for n in model.N]):
            if sum(a * t for a, t in zip(v, model.levels)) == mu:
                C.add(v)
        return frozenset(C), frozenset((v, _cap(model, v)) for v in C)
    tl = _tilings(model, S, memo, budget)
    if kind == "pair":
        C = {tuple(a + b for a, b in zip(u, w)) for u in tl for w in tl}
        C = {v for v in C if _le(model, v)}
        R = {(tuple(2 * a for a in u), (0,) * J) for u in tl}
        R = {(v, r) for v, r in R if _le(model, v)}
        return frozenset(C), frozenset(R)
    sign = 1 if kind == "positive" else -1
    R = _real_tilings(model, S, sign, memo, budget)
    return tl, frozenset((v, _cap(model, r)) for v, r in R)


def combine_counts(model: OrbitModel, a: State, b: State) -> State:
    """The ``(C, R)`` state of the union of two sets of blocks: Minkowski sums, kept ``≤ N``,
    real-root vectors capped at ``m``.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> st = combine_counts(m, block_counts(m, ("positive", (1, 1))), block_counts(m, ("negative", (1, 1))))
    >>> (m.N, m.m) in st[1]                                   # z^4 − 1 ∈ M
    True
    """
    N, m = model.N, model.m
    # (the hot loop of the type searches: map over the coordinates instead of generators)
    C = frozenset(v for v in (tuple(map(operator.add, u, w)) for u in a[0] for w in b[0])
                  if all(map(operator.le, v, N)))
    R = frozenset((v, tuple(map(min, map(operator.add, r1, r2), m))) for v, r1, r2 in
                  ((tuple(map(operator.add, u, w)), r1, r2) for u, r1 in a[1] for w, r2 in b[1])
                  if all(map(operator.le, v, N)))
    return C, R


_combine = combine_counts


def _unit(model: OrbitModel) -> State:
    J = len(model.levels)
    return frozenset({(0,) * J}), frozenset({((0,) * J, (0,) * J)})


@dataclass(frozen=True)
class OrbitMembership:
    """The decision of the orbit description at one filter.

    Attributes
    ----------
    in_variety, in_function_space : bool
        ``P ∈ V(R)`` and ``P ∈ M``.
    type : RootType or None
        ``κ(P)`` (None for ``P = 0``).
    """

    in_variety: bool
    in_function_space: bool
    type: RootType | None


def orbit_member(arch: Architecture, values: Iterable[Any], limits: Limits | None = None) -> OrbitMembership:
    """Decide ``P ∈ V(R)`` and ``P ∈ M`` from the orbit description (1D, any strides).

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    values : iterable of rational numbers
        The end-to-end filter.
    limits : Limits, optional
        ``max_root_work``/``max_precision`` bound the root isolation, ``max_nodes`` the tilings.

    Returns
    -------
    OrbitMembership

    Raises
    ------
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> a = Architecture.parse("2,3,2 s=2,2")
    >>> w = orbit_member(a, [-40000, 10000, 0, 0, 224, -56, 0, 0, -4, 1])   # V(R) \\ M
    >>> w.in_variety, w.in_function_space
    (True, False)
    >>> orbit_member(a, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]).in_function_space   # (1+z)(1+z^2)(1+z^4)... no
    False
    """
    limits = Limits.coerce(limits)
    model = orbit_model(arch)
    t = root_type(model, values, limits)
    return OrbitMembership(*type_member(model, t, limits), t)


def type_member(model: OrbitModel, rtype: RootType | None, limits: Limits | None = None) -> tuple[bool, bool]:
    """``(P ∈ V(R), P ∈ M)`` for a filter ``P`` of root-orbit type ``rtype`` (None: ``P = 0``).

    Membership depends on ``P`` only through ``κ(P)`` (module docstring), so this is the
    decision of :func:`orbit_member` once the type is known, however it was computed
    (rational filters: :func:`root_type`; filters over a real number field:
    :func:`lcnalg.real.algebraic_root_type.algebraic_root_type`).

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture.
    rtype : RootType or None
        The root-orbit type, with ``rtype.T`` the model's ``T``.
    limits : Limits, optional
        ``max_nodes`` bounds the tilings.

    Returns
    -------
    (bool, bool)

    Raises
    ------
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> type_member(m, RootType(2, (("pair", (1, 1)),)))         # ±β, ±β̄: a complex layer only
    (True, False)
    >>> type_member(m, RootType(2, (("negative", (1, 1)), ("positive", (1, 1)))))
    (True, True)
    """
    limits = Limits.coerce(limits)
    if rtype is None or not model.levels:
        return True, True
    budget = limits.budget("max_nodes", "coset tilings of the root-orbit description")
    memo: dict = {}
    state = _unit(model)
    for b in rtype.blocks:
        state = _combine(model, state, block_counts(model, b, memo, budget))
        budget.spend(len(state[0]) + len(state[1]))
    return model.N in state[0], (model.N, model.m) in state[1]


# ------------------------------------------------------------------ relative boundary
def _submultisets(S: Vec, k: int) -> Iterable[Vec]:
    """Non-empty sub-multisets of ``S`` containing position ``k``."""
    ranges = [range(1, x + 1) if i == k else range(x + 1) for i, x in enumerate(S)]
    return itertools.product(*ranges)


def _sigma(T: int, sign: int, k: int) -> int:
    return (-k) % T if sign > 0 else (-1 - k) % T


def _splits(model: OrbitModel, block: Block, memo: dict, budget: Budget) -> set:
    """The ``(C, R)`` states of every generisation of one class block (see the module docstring)."""
    kind, S = block
    key = ("split", kind, S)
    if key in memo:
        return memo[key]
    T = model.T
    k = next((i for i, x in enumerate(S) if x), None)
    if k is None:
        out = {_unit(model)}
    else:
        out = set()
        sign = 1 if kind == "positive" else -1
        for X in _submultisets(S, k):
            budget.spend()
            rest = tuple(a - b for a, b in zip(S, X))
            pieces: list[tuple[Block, Vec]] = []
            if kind == "pair":
                pieces.append((("pair", X), rest))
            else:
                if all(X[i] == X[_sigma(T, sign, i)] for i in range(T)):
                    pieces.append(((kind, X), rest))
                mirror = tuple(X[_sigma(T, sign, i)] for i in range(T))
                rest2 = tuple(a - b for a, b in zip(rest, mirror))
                if all(x >= 0 for x in rest2):
                    pieces.append((("pair", X), rest2))
            for piece, remaining in pieces:
                here = block_counts(model, piece, memo, budget)
                for tail in _splits(model, (kind, remaining), memo, budget):
                    out.add(_combine(model, here, tail))
    memo[key] = out
    return out


def _weight(model: OrbitModel, state: State) -> int:
    """The number of roots of a state (``Σ_j v_j T_j`` for any count vector of it; −1: none)."""
    v = next(iter(state[0]), None)
    return -1 if v is None else sum(a * t for a, t in zip(v, model.levels))


def _near_zero(model: OrbitModel, block: Block, signatures: list[State], memo: dict, budget: Budget,
               exact: bool = True) -> set:
    """States of a smaller ``0``/``∞`` plus classes of small (large) roots, ``μ`` roots in all.

    Exactly ``μ`` roots of a nearby filter of the same formal degree tend to ``0`` (``∞``), and
    the roots of one class have one modulus, so a class lies wholly among them or not at all
    (``exact=False``, for ``P = 0``: at most ``μ`` roots).
    """
    mu = block[1][0]
    key = ("near", block, exact)
    if key in memo:
        return memo[key]
    starts = {_unit(model)} | {block_counts(model, (block[0], (m0,)), memo, budget) for m0 in range(1, mu + 1)}
    seen = set(starts)
    frontier = list(starts)
    while frontier:
        nxt = []
        for st in frontier:
            for sig in signatures:
                budget.spend()
                new = _combine(model, st, sig)
                if not new[0] or new in seen or _weight(model, new) > mu:
                    continue
                seen.add(new)
                nxt.append(new)
        frontier = nxt
    out = {st for st in seen if st[0] and (not exact or _weight(model, st) == mu)}
    memo[key] = out
    return out


def relative_boundary_member(arch: Architecture, values: Iterable[Any], limits: Limits | None = None
                             ) -> tuple[bool, OrbitMembership]:
    """Whether ``P`` lies in the boundary of ``M`` relative to ``V(R)`` (1D, any strides).

    Returns ``(on_boundary, membership)``; a point outside ``M`` is not on the boundary
    (``M`` is closed).  See the module docstring for the exhaustive generisation search.

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    values : iterable of rational numbers
        The end-to-end filter.
    limits : Limits, optional
        ``max_nodes`` bounds the search (and the tilings), ``max_root_work``/``max_precision``
        the root isolation.

    Returns
    -------
    (bool, OrbitMembership)

    Raises
    ------
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> a = Architecture.parse("3,2 s=2")
    >>> relative_boundary_member(a, [1, 0, -2, 0, 1])[0]     # (z^2 − 1)^2: a limit of (z^2−b)(z^2−b̄)
    True
    >>> relative_boundary_member(a, [-1, 0, 0, 0, 1])[0]     # z^4 − 1: simple classes, interior
    False
    """
    limits = Limits.coerce(limits)
    model = orbit_model(arch)
    member = orbit_member(arch, values, limits)
    if not member.in_function_space:
        return False, member
    return type_on_relative_boundary(model, member.type, limits), member


def type_on_relative_boundary(model: OrbitModel, rtype: RootType | None, limits: Limits | None = None) -> bool:
    """Whether a filter of root-orbit type ``rtype`` (None: ``P = 0``) lies in ``∂_V M``.

    The generisation search of :func:`relative_boundary_member` started from the type: the
    answer depends on ``P`` only through ``κ(P)``.  A type outside ``M`` is not on the boundary.

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture.
    rtype : RootType or None
        The root-orbit type.
    limits : Limits, optional
        ``max_nodes`` bounds the search and the tilings.

    Returns
    -------
    bool

    Raises
    ------
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> type_on_relative_boundary(m, RootType(2, (("positive", (2, 2)),)))     # (z^2 − 1)^2
    True
    >>> type_on_relative_boundary(m, RootType(2, (("negative", (1, 1)), ("positive", (1, 1)))))
    False
    """
    return relative_boundary_types(model, [rtype], limits)[0]


def relative_boundary_types(model: OrbitModel, rtypes: Iterable[RootType | None],
                            limits: Limits | None = None) -> list[bool]:
    """:func:`type_on_relative_boundary` for many types, sharing the tilings, the block
    signatures and one ``max_nodes`` budget.

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture.
    rtypes : iterable of RootType or None
        Root-orbit types (None: ``P = 0``).
    limits : Limits, optional
        ``max_nodes`` bounds the whole search.

    Returns
    -------
    list of bool

    Raises
    ------
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> relative_boundary_types(m, [None, RootType(2, (("positive", (2, 2)),)), RootType(2, (("pair", (1, 1)),))])
    [True, True, False]
    """
    limits = Limits.coerce(limits)
    rtypes = list(rtypes)
    if not model.levels:
        return [False] * len(rtypes)
    budget = limits.budget("max_nodes", "generisations searched for the relative boundary")
    memo: dict = {}
    signatures: list[State] = []
    if rtypes:
        signatures = [(b["FC"], frozenset((v, _cap(model, r)) for v, r in b["FR"]))
                      for b in configuration_blocks(model) if not b["zero"]]
    out = []
    for rtype in rtypes:
        if rtype is not None:
            state = _unit(model)
            for b in rtype.blocks:
                state = _combine(model, state, block_counts(model, b, memo, budget))
                budget.spend()
            if (model.N, model.m) not in state[1]:
                out.append(False)
                continue
        out.append(_type_on_boundary(model, rtype, signatures, memo, budget))
    return out


def _type_on_boundary(model: OrbitModel, rtype: RootType | None, signatures: list, memo: dict,
                      budget: Budget) -> bool:
    """The generisation search for one type of ``M`` (see the module docstring)."""
    if rtype is None:
        # P = 0: every point of V(R) is near 0 (cone); on the boundary iff M ≠ V(R)
        near = _near_zero(model, ("zero", (model.degree,)), signatures, memo, budget, exact=False)
        states = set(near)
        for mu in range(1, model.degree + 1):
            inf = block_counts(model, ("infinity", (mu,)), memo, budget)
            states |= {_combine(model, st, inf) for st in near}
        return any(model.N in C and (model.N, model.m) not in R for C, R in states)
    states = {_unit(model)}
    for b in rtype.blocks:
        options = (_near_zero(model, b, signatures, memo, budget) if b[0] in ("zero", "infinity")
                   else _splits(model, b, memo, budget))
        new = set()
        for st in states:
            for op in options:
                budget.spend()
                combined = _combine(model, st, op)
                if combined[0]:
                    new.add(combined)
        states = new
    return any(model.N in C and (model.N, model.m) not in R for C, R in states)


# ------------------------------------------------------------------ dimension of the relative boundary
@dataclass(frozen=True)
class RelativeBoundaryDimension:
    """Exact bounds for ``dim ∂_V M`` (real dimension, the cone included).

    Attributes
    ----------
    lower, upper : int or None
        ``upper = dim(V(R) \\ M) − 1`` (the frontier of a semi-algebraic set has smaller dimension,
        and ``∂_V M`` lies in the frontier of ``V(R) \\ M``); ``lower`` is the dimension of a type
        stratum exhibited in ``∂_V M`` (a configuration of ``V(R) \\ M`` of top dimension whose
        pair ``b, b̄`` tends to a real class, landing in ``M``).  None when ``M = V(R)`` or the
        search is refused.
    outside_blocks, boundary_blocks : tuple
        The configurations (blocks of :func:`~lcnalg.real.orbit_tilings.configuration_blocks`
        form) realising ``upper + 1`` and ``lower``.
    """

    lower: int | None
    upper: int | None
    outside_blocks: tuple = ()
    boundary_blocks: tuple = ()

    @property
    def exact(self) -> bool:
        return self.lower is not None and self.lower == self.upper


def _block_dim(b: dict) -> int:
    return 0 if b["zero"] else 2 if b["kind"] == "pair" else 1


def relative_boundary_dimension(arch: Architecture, limits: Limits | None = None) -> RelativeBoundaryDimension:
    """Bounds for the dimension of the boundary of ``M`` relative to ``V(R)`` (1D, any strides).

    The dimension of a type stratum is ``1 + #real classes + 2·#conjugate pairs`` (the scale and
    the class values; positions are discrete).  ``dim(V(R) \\ M)`` is the largest over the
    configurations with ``N ∈ ΣC`` and ``(N, m) ∉ ΣR``, found by an exhaustive search over the
    block signatures of :func:`~lcnalg.real.orbit_tilings.configuration_blocks` (the dimension
    of a block depends on its kind only), keeping the largest dimension per ``(C, R)`` state.

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    limits : Limits, optional
        ``max_states`` bounds the states of the search.

    Returns
    -------
    RelativeBoundaryDimension

    Examples
    --------
    >>> d = relative_boundary_dimension(Architecture.parse("3,2 s=2"))   # λ(z^2 − b)^2
    >>> d.lower, d.upper, d.exact
    (2, 2, True)
    """
    limits = Limits.coerce(limits)
    model = orbit_model(arch)
    if not model.levels:
        return RelativeBoundaryDimension(None, None)
    blocks = configuration_blocks(model)
    sigs = [(b["FC"], frozenset((v, _cap(model, r)) for v, r in b["FR"])) for b in blocks]
    start = _unit(model)
    best: dict[State, tuple[int, tuple[int, ...]]] = {start: (0, ())}
    frontier = [start]
    while frontier:
        nxt = []
        for st in frontier:
            d0, chain = best[st]
            zeros = sum(1 for i in chain if blocks[i]["zero"])
            for i, (b, sig) in enumerate(zip(blocks, sigs)):
                if b["zero"] and zeros >= 2:
                    continue
                new = _combine(model, st, sig)
                if not new[0]:
                    continue
                cand = (d0 + _block_dim(b), chain + (i,))
                old = best.get(new)
                if old is None or cand[0] > old[0]:
                    if old is None and len(best) >= limits.max_states:
                        return RelativeBoundaryDimension(None, None)
                    best[new] = cand
                    nxt.append(new)
        frontier = nxt
    outside = [(d, chain) for (C, R), (d, chain) in best.items() if model.N in C and (model.N, model.m) not in R]
    if not outside:
        return RelativeBoundaryDimension(None, None)
    top = max(d for d, _ in outside)
    upper = top                                       # 1 + top − 1
    lower, found, source = None, (), ()
    for d, chain in sorted(outside, key=lambda x: -x[0]):
        conf = [blocks[i] for i in chain]
        for i, b in enumerate(conf):
            if b["kind"] != "pair" or b["zero"]:
                continue
            for sign, kind in ((1, "positive"), (-1, "negative")):
                S = tuple(b["S"][k] + b["S"][_sigma(model.T, sign, k)] for k in range(model.T))
                lim = conf[:i] + [dict(b, kind=kind, S=S)] + conf[i + 1:]
                st = _unit(model)
                for x in lim:
                    st = _combine(model, st, block_counts(model, ("zero", tuple(x["S"])) if x["zero"]
                                                          else (x["kind"], tuple(x["S"]))))
                if (model.N, model.m) in st[1] and (lower is None or d > lower):
                    lower, found, source = d, tuple(lim), tuple(conf)      # 1 + (d − 2 + 1)
        if lower == upper:
            break
    return RelativeBoundaryDimension(lower, upper, source, found)
