"""Strata of a 1D function space as unions of root-orbit types (docs/theory.md#type-strata).

For a 1D linear architecture (any strides) the root-orbit type ``κ(P)`` of
:mod:`lcnalg.real.orbit_description` cuts ``V(R) \\ {0}`` into the pairwise disjoint *type
strata* ``{P ≠ 0 : κ(P) = κ}``.  Two sets that are unions of type strata (and both contain, or
both miss, ``0``) are equal iff they contain the same *non-empty* type strata, and one contains
the other iff its type set does.  This module enumerates the types, decides two unions of
types per type, and so compares the boundary of ``M`` relative to ``V(R)`` with the images of
the shared-root families exactly.

**The types of M.**  A type is a multiset of blocks (real classes of each sign, conjugate pairs
of classes, the root ``0``, the roots at infinity) of total weight ``D`` (a pair counts twice).
It is *realisable* (the type of some real ``P ≠ 0``) iff every real block ``S`` is invariant
under its involution (``k ↦ −k`` for ``a > 0``, ``k ↦ −1−k`` for ``a < 0``): the roots of a
real polynomial are closed under conjugation, which acts on a real class by that involution;
conversely, for distinct class values ``a`` the product of ``Π_k (z − ρ_a ζ^k)^{S_k}`` over
the blocks (with the mirror factor for a pair, ``z^{μ_0}``, and the formal degree lowered by
``μ_∞``) is real and has the type.  So every enumerated type stratum is non-empty;
:func:`type_point` exhibits a rational point of it where the classes allow one (``T`` dividing
4 or 6, or constant multiplicities on the rational factors of ``z^T − a``), checked exactly with
:func:`~lcnalg.real.orbit_description.root_type`.  :func:`function_space_types` enumerates the
realisable types of ``M`` (membership by the Minkowski sums of the orbit description; a partial
type whose real state is empty is cut, since adding blocks keeps it empty), bounded by
``max_nodes``.

**The shared-root image is a union of types.**  For layers ``l < m`` (cumulative strides
``t_l | t_m``, ``r = t_m/t_l``) the image of the family where they share a real hyperroot orbit
``β ∈ R ∪ {∞}`` is ``F = {(z^{t_m} − β)² g : g ∈ M'}``, ``M'`` the function space with layer
``l`` shortened by ``r`` and layer ``m`` by one (``p_l = (y^r − β) q_l``, ``p_m = (y − β)
q_m``).  The roots of ``z^{t_m} − β`` for real ``β ≠ 0`` are one level-``t_m`` coset
(``c + (T/t_m)Z`` in ``Z/T``) of a real class, invariant under the class's involution; every
such coset comes from a real ``β`` (its root set is closed under conjugation), ``β = 0`` is
``2t_m`` roots ``0`` and ``β = ∞`` lowers the degree by ``2t_m``.  Hence ``P ∈ F`` iff
``κ(P)`` has a real block with an invariant level-``t_m`` coset of multiplicity at least 2,
or a root ``0`` or ``∞`` of multiplicity at least ``2t_m``, whose removal leaves a type ``κ'``
with ``g ∈ M'``; ``κ'`` is read off ``κ(P)`` (the same class values and positions), and
``g ∈ M'`` depends only on ``κ'`` by the orbit description applied with the levels of ``M``
(its proof only needs ``T`` to be a multiple of every level, and a level of ``M'`` may have
no degree left).  So ``F`` is a union of type strata, decided per type by
:func:`in_shared_root_image`.  The boundary ``∂_V M`` relative to ``V(R)`` is one by the
generisation theorem (:func:`~lcnalg.real.orbit_description.relative_boundary_types`).

:func:`compare_types` then answers "equal / one contains the other / neither" for two such
unions, with a witness type (and a rational point, where :func:`type_point` gives one).
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from fractions import Fraction

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Budget, Limits
from lcnalg.real.orbit_description import (RootType, block_counts, combine_counts, relative_boundary_types,
                                           root_type)
from lcnalg.real.orbit_tilings import OrbitModel, orbit_model

__all__ = ["function_space_types", "shared_root_model", "in_shared_root_image", "type_point", "TypeStrata",
           "TypeComparison", "compare_types"]

Block = tuple[str, tuple[int, ...]]


def _canonical_pair(T: int, S: tuple[int, ...]) -> tuple[int, ...]:
    mirror = [S[-k % T] for k in range(T)]
    return min(min(tuple(v[(k + c) % T] for k in range(T)) for c in range(T)) for v in (S, mirror))


def _involution_orbits(T: int, sign: int) -> list[tuple[int, ...]]:
    seen, out = set(), []
    for k in range(T):
        if k not in seen:
            o = tuple(sorted({k, (-k) % T if sign > 0 else (-1 - k) % T}))
            seen.update(o)
            out.append(o)
    return out


def _bounded_vectors(T: int, h: int, budget: Budget) -> list[tuple[int, ...]]:
    """Every vector of ``N^T`` with entries summing to at most ``h`` (one budget unit each)."""
    out: list[tuple[int, ...]] = [()]
    for _ in range(T):
        nxt = []
        for v in out:
            for x in range(h - sum(v) + 1):
                budget.spend()
                nxt.append(v + (x,))
        out = nxt
    return out


def _shapes(model: OrbitModel, budget: Budget) -> list[tuple[int, Block]]:
    """Every realisable block of weight ``≤ D``: ``(weight, block)``."""
    T, D = model.T, model.degree
    out: list[tuple[int, Block]] = []
    for sign, kind in ((1, "positive"), (-1, "negative")):
        orbits = _involution_orbits(T, sign)
        for mult in itertools.product(*[range(D // len(o) + 1) for o in orbits]):
            budget.spend()
            w = sum(x * len(o) for x, o in zip(mult, orbits))
            if 0 < w <= D:
                S = [0] * T
                for x, o in zip(mult, orbits):
                    for k in o:
                        S[k] = x
                out.append((w, (kind, tuple(S))))
    pairs = set()
    for S in _bounded_vectors(T, D // 2, budget):
        if any(S):
            pairs.add(_canonical_pair(T, S))
    out.extend((2 * sum(S), ("pair", S)) for S in sorted(pairs))
    out.extend((mu, (kind, (mu,))) for kind in ("zero", "infinity") for mu in range(1, D + 1))
    return out


def function_space_types(model: OrbitModel, limits: Limits | None = None) -> list[RootType]:
    """Every realisable root-orbit type of a non-zero filter of ``M`` (see the module docstring).

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture (:func:`~lcnalg.real.orbit_tilings.orbit_model`).
    limits : Limits, optional
        ``max_nodes`` bounds the enumeration (nodes of the search over multisets of blocks).

    Returns
    -------
    list of RootType
        Sorted; each type stratum is non-empty and contained in ``M``.

    Raises
    ------
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> types = function_space_types(orbit_model(Architecture.parse("3,2 s=2")))
    >>> len(types), RootType(2, (("positive", (2, 2)),)) in types, RootType(2, (("pair", (1, 1)),)) in types
    (66, True, False)
    """
    limits = Limits.coerce(limits)
    if not model.levels:
        return [RootType(1, ())]
    budget = limits.budget("max_nodes", "root-orbit types of the function space enumerated")
    shapes = _shapes(model, budget)
    memo: dict = {}
    counts = [block_counts(model, b, memo, budget) for _, b in shapes]
    J = len(model.levels)
    found: list[RootType] = []

    def walk(start: int, remaining: int, state: tuple, blocks: tuple) -> None:
        if remaining == 0:
            if (model.N, model.m) in state[1]:
                found.append(RootType(model.T, tuple(sorted(blocks))))
            return
        for i in range(start, len(shapes)):
            w, b = shapes[i]
            if w > remaining or any(x[0] == b[0] for x in blocks if x[0] in ("zero", "infinity")):
                continue
            budget.spend()
            new = combine_counts(model, state, counts[i])
            if not new[1]:
                continue                       # no real tiling fits: no extension is in M
            walk(i + 1 if b[0] in ("zero", "infinity") else i, remaining - w, new, blocks + (b,))

    walk(0, model.degree, (frozenset({(0,) * J}), frozenset({((0,) * J, (0,) * J)})), ())
    return sorted(set(found), key=lambda t: t.blocks)


def _pair_index(arch: Architecture, pair: tuple[int, int]) -> tuple[int, int, list[int], list[int]]:
    if arch.ndim != 1 or arch.activation is not None:
        raise InputError(f"arch: expected a 1D linear architecture, got {arch}")
    pairs = {(l + 1, m + 1): r for l, m, r in arch.layer_pairs()}
    if isinstance(pair, list):
        pair = tuple(pair)
    sizes = [f[0] for f in arch.filters]
    if not (isinstance(pair, tuple) and pair in pairs and sizes[pair[0] - 1] - 1 >= pairs[pair]
            and sizes[pair[1] - 1] >= 2):
        raise InputError(f"pair: expected layers (l, m), l < m, from 1, with k_l - 1 >= t_m/t_l and k_m >= 2 "
                         f"(a shared hyperroot orbit fits), got {str(pair)[:40]}")
    t = [c[0] for c in arch.cumulative_strides]
    return pair[0] - 1, pair[1] - 1, sizes, t


def shared_root_model(arch: Architecture, pair: tuple[int, int]) -> OrbitModel:
    """The levels of ``M'`` (layer ``l`` shortened by ``t_m/t_l``, layer ``m`` by one) on the
    levels of ``M`` (a level may keep no degree).

    Raises
    ------
    InputError
        When ``pair`` has no shared-root family (see :func:`in_shared_root_image`).

    Examples
    --------
    >>> shared_root_model(Architecture.parse("3,2 s=2"), (1, 2))       # g: a constant
    OrbitModel(levels=(1, 2), N=(0, 0), m=(0, 0), degrees=((), ()))
    """
    l, m, sizes, t = _pair_index(arch, pair)
    sizes = list(sizes)
    sizes[l] -= t[m] // t[l]
    sizes[m] -= 1
    levels = orbit_model(arch).levels
    groups: dict[int, list[int]] = {x: [] for x in levels}
    for i, k in enumerate(sizes):
        if k > 1:
            groups[t[i]].append(k - 1)
    return OrbitModel(levels, tuple(sum(groups[x]) for x in levels),
                      tuple(sum(1 for n in groups[x] if n % 2) for x in levels),
                      tuple(tuple(groups[x]) for x in levels))


def _in_model(model: OrbitModel, blocks: tuple, memo: dict, budget: Budget | None) -> bool:
    J = len(model.levels)
    state = (frozenset({(0,) * J}), frozenset({((0,) * J, (0,) * J)}))
    for b in blocks:
        state = combine_counts(model, state, block_counts(model, b, memo, budget))
        if not state[1]:
            return False
    return (model.N, model.m) in state[1]


def _removals(rtype: RootType, tm: int) -> list[tuple]:
    """The types ``κ'`` of ``g`` over every real ``β`` (or 0, ∞) with ``(z^{t_m} − β)² | P``."""
    T = rtype.T
    g = T // tm
    out = []
    blocks = list(rtype.blocks)
    for i, (kind, S) in enumerate(blocks):
        if i and blocks[i - 1] == (kind, S):
            continue                                  # equal blocks give equal κ'
        rest = blocks[:i] + blocks[i + 1:]
        if kind in ("zero", "infinity"):
            if S[0] >= 2 * tm:
                out.append(tuple(sorted(rest + ([(kind, (S[0] - 2 * tm,))] if S[0] > 2 * tm else []))))
            continue
        if kind == "pair":
            continue
        for c in range(g):
            c2 = (-c) % g if kind == "positive" else (-1 - c) % g
            if c2 != c or any(S[p] < 2 for p in range(c, T, g)):
                continue
            S2 = tuple(x - 2 if p % g == c else x for p, x in enumerate(S))
            out.append(tuple(sorted(rest + ([(kind, S2)] if any(S2) else []))))
    return out


def in_shared_root_image(arch: Architecture, pair: tuple[int, int], rtype: RootType | None,
                         limits: Limits | None = None) -> bool:
    """Whether a filter of type ``rtype`` (None: ``P = 0``) lies in the image of the family where
    layers ``pair`` share a real hyperroot orbit (infinity included); see the module docstring.

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    pair : (int, int)
        Layers ``(l, m)``, ``l < m``, numbered from 1, with ``k_l − 1 ≥ t_m/t_l`` and ``k_m ≥ 2``.
    rtype : RootType or None
        A root-orbit type of the architecture (``rtype.T`` its largest cumulative stride).
    limits : Limits, optional
        ``max_nodes`` bounds the tilings.

    Returns
    -------
    bool

    Raises
    ------
    InputError
        When ``pair`` has no family or the type is of another ``T``.
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> a = Architecture.parse("3,2 s=2")
    >>> in_shared_root_image(a, (1, 2), RootType(2, (("positive", (2, 2)),)))             # (z^2 − b)^2
    True
    >>> in_shared_root_image(a, (1, 2), RootType(2, (("negative", (1, 1)), ("positive", (1, 1)))))
    False
    """
    limits = Limits.coerce(limits)
    _, m, _, t = _pair_index(arch, pair)
    if rtype is None:
        return True
    model = orbit_model(arch)
    if rtype.T != model.T:
        raise InputError(f"rtype: expected a type on Z/{model.T}, got one on Z/{rtype.T}")
    sub = shared_root_model(arch, pair)
    budget = limits.budget("max_nodes", "coset tilings of the shared-root image")
    memo: dict = {}
    return any(_in_model(sub, k, memo, budget) for k in _removals(rtype, t[m]))


# ------------------------------------------------------------------ exact points of a type
def _cyclo(d: int, q: int) -> flint.fmpq_poly:
    """``q^φ(d) Φ_d(z/q)``: its roots are ``q`` times the primitive ``d``-th roots of unity."""
    c = flint.fmpz_poly.cyclotomic(d).coeffs()
    e = len(c) - 1
    return flint.fmpq_poly([int(x) * q ** (e - i) for i, x in enumerate(c)])


def _real_atoms(T: int, kind: str, q: int) -> list[tuple[frozenset, flint.fmpq_poly]]:
    """Rational factors of ``z^T − a`` for one real class, with the positions of their roots."""
    if kind == "positive":
        return [(frozenset(k for k in range(T) if T // math.gcd(k, T) == d), _cyclo(d, q))
                for d in range(1, T + 1) if T % d == 0]
    if T == 4:     # a = −4q^4: z^4 + 4q^4 = (z^2 − 2qz + 2q^2)(z^2 + 2qz + 2q^2), base q(1 + i)
        return [(frozenset({0, 3}), flint.fmpq_poly([2 * q * q, -2 * q, 1])),
                (frozenset({1, 2}), flint.fmpq_poly([2 * q * q, 2 * q, 1]))]
    if T == 6:     # a = −27q^6, base √3 q e^{iπ/6}
        return [(frozenset({0, 5}), flint.fmpq_poly([3 * q * q, -3 * q, 1])),
                (frozenset({2, 3}), flint.fmpq_poly([3 * q * q, 3 * q, 1])),
                (frozenset({1, 4}), flint.fmpq_poly([3 * q * q, 0, 1]))]
    return [(frozenset(k for k in range(T) if 2 * T // math.gcd(2 * k + 1, 2 * T) == d), _cyclo(d, q))
            for d in range(1, 2 * T + 1) if (2 * T) % d == 0 and T % d != 0]


def _pair_roots(T: int, q: int) -> list[tuple[frozenset, flint.fmpq_poly]] | None:
    """Rational real quadratics ``(z − βζ^k)(z − conj)``, one per position, for ``T | 4`` (``β =
    q(2 + i)``) and ``T | 6`` (``β = q(3 + ω)``); None otherwise."""
    if 4 % T == 0:
        x, y = 2 * q, q
        out = []
        for k in range(T):
            out.append((frozenset({k}), flint.fmpq_poly([x * x + y * y, -2 * x, 1])))
            for _ in range(4 // T):                  # multiply by ζ = i^{4/T}
                x, y = -y, x
        return out
    if 6 % T == 0:
        x, y = 3 * q, q                              # x + yω
        out = []
        for k in range(T):
            out.append((frozenset({k}), flint.fmpq_poly([x * x - x * y + y * y, -(2 * x - y), 1])))
            for _ in range(6 // T):                  # multiply by ζ_6 = 1 + ω
                x, y = x - y, x                      # (x + yω)(1 + ω) = (x − y) + xω
        return out
    return None


def type_point(model: OrbitModel, rtype: RootType, seed: int = 0) -> list[int] | None:
    """A random integer filter of root-orbit type ``rtype``, or None when the recipe of the
    module docstring has no rational point of it (the stratum is still non-empty).

    The class values are distinct (distinct random integers ``q``); the result is checked with
    :func:`~lcnalg.real.orbit_description.root_type`, so a returned point has the type.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> p = type_point(m, RootType(2, (("positive", (2, 2)),)))
    >>> root_type(m, p).blocks
    (('positive', (2, 2)),)
    """
    if not model.levels:
        return [1]
    T = model.T
    rng = random.Random(seed)
    qs = iter(rng.sample(range(1, 12 + 4 * len(rtype.blocks)), len(rtype.blocks)))
    poly = flint.fmpq_poly([rng.choice([-3, -2, -1, 1, 2, 3])])
    infinity = 0
    for kind, S in rtype.blocks:
        q = next(qs)
        if kind == "zero":
            poly *= flint.fmpq_poly([0] * S[0] + [1])
            continue
        if kind == "infinity":
            infinity = S[0]
            continue
        atoms = _real_atoms(T, kind, q) if kind != "pair" else _pair_roots(T, q)
        if atoms is None:
            return None
        for pos, f in atoms:
            mult = {S[k] for k in pos}
            if len(mult) != 1:
                return None
            poly *= f ** mult.pop()
    if poly.degree() != model.degree - infinity:
        return None
    den = poly.denom()
    coeffs = [int(Fraction(int(x.p), int(x.q)) * int(den)) for x in poly.coeffs()]
    coeffs += [0] * infinity
    return coeffs if root_type(model, coeffs) == rtype else None


# ------------------------------------------------------------------ comparing unions of types
class TypeStrata:
    """The types of ``M`` and, computed when first asked for, the sets (unions of types) each
    belongs to.

    Parameters
    ----------
    arch : Architecture
        A 1D linear architecture.
    limits : Limits, optional
        ``max_nodes`` bounds the enumeration and each set's search.

    Attributes
    ----------
    types : tuple of RootType
        Every realisable type of a non-zero filter of ``M`` (:func:`function_space_types`).

    Raises
    ------
    ResourceLimitError
        When ``max_nodes`` is exceeded.

    Examples
    --------
    >>> ts = TypeStrata(Architecture.parse("3,2 s=2"))
    >>> len(ts.types), ts.members("relative boundary") == ts.members((1, 2))
    (66, True)
    """

    def __init__(self, arch: Architecture, limits: Limits | None = None) -> None:
        if not isinstance(arch, Architecture) or arch.ndim != 1 or arch.activation is not None:
            raise InputError(f"arch: expected a 1D linear Architecture, got {str(arch)[:60]}")
        self.arch = arch
        self.limits = Limits.coerce(limits)
        self.model = orbit_model(arch)
        self.types = tuple(function_space_types(self.model, self.limits))
        self._sets: dict = {}

    def members(self, key: str | tuple[int, int]) -> frozenset:
        """The types in ``"relative boundary"`` (``∂_V M``) or in the shared-root image of the
        layer pair ``(l, m)`` (every such set also contains ``0``).

        Raises
        ------
        InputError
            When ``key`` is neither.
        ResourceLimitError
            When ``max_nodes`` is exceeded.
        """
        key = tuple(key) if isinstance(key, list) else key
        if key not in self._sets:
            if key == "relative boundary":
                on = relative_boundary_types(self.model, self.types, self.limits)
                self._sets[key] = frozenset(t for t, x in zip(self.types, on) if x)
            else:
                _, m, _, t = _pair_index(self.arch, key)
                sub = shared_root_model(self.arch, key)
                budget = self.limits.budget("max_nodes", "coset tilings of the shared-root image")
                memo: dict = {}
                self._sets[key] = frozenset(k for k in self.types
                                            if any(_in_model(sub, x, memo, budget) for x in _removals(k, t[m])))
        return self._sets[key]


@dataclass(frozen=True)
class TypeComparison:
    """``first ⊆ second`` and ``second ⊆ first`` for two unions of type strata, with witnesses.

    Attributes
    ----------
    first_in_second, second_in_first : bool
    only_first, only_second : RootType or None
        A type (non-empty stratum) in one set and not the other, when there is one.
    """

    first_in_second: bool
    second_in_first: bool
    only_first: RootType | None = None
    only_second: RootType | None = None

    @property
    def equal(self) -> bool:
        return self.first_in_second and self.second_in_first


def compare_types(first: frozenset, second: frozenset) -> TypeComparison:
    """Compare two unions of (non-empty, pairwise disjoint) type strata.

    Examples
    --------
    >>> a, b = RootType(2, (("positive", (2, 2)),)), RootType(2, (("zero", (4,)),))
    >>> c = compare_types(frozenset({a}), frozenset({a, b}))
    >>> c.first_in_second, c.second_in_first, c.only_second.blocks
    (True, False, (('zero', (4,)),))
    """
    key = lambda t: (len(t.blocks), t.blocks)  # noqa: E731
    a, b = sorted(first - second, key=key), sorted(second - first, key=key)
    return TypeComparison(not a, not b, a[0] if a else None, b[0] if b else None)
