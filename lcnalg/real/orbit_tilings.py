"""Closedness of 1D strided function spaces by root-orbit tilings (exact, exhaustive).

Setting (docs/theory.md#hyperroots).  With cumulative strides ``t_{l−1}``,
``p_μ(z) = Π_l p_l(z^{t_{l−1}})``.  Group the layers by *level* ``T_1 | T_2 | ⋯ | T_J``
(the distinct cumulative strides); level ``j`` holds the layers of degrees ``D_j``
(``N_j = Σ D_j`` roots in ``y = z^{T_j}``, ``m_j`` of the degrees odd).  Let ``T = T_J``.

**Classes.**  Sort the roots of ``P`` (a real point of ``V``) by ``a = r^T``: the roots with
one value ``a`` lie in ``O(a) = {z : z^T = a} ≅ Z/T`` and form a multiset ``S`` on ``Z/T``.
A level-``j`` orbit ``{z^{T_j} = b}`` lies in one class and is a coset of the subgroup of
order ``T_j``.  Over ``C`` the image is closed, so ``P ∈ V`` iff the roots can be tiled by
``N_j`` cosets of level ``j`` for every ``j`` (the layers of one level share them freely: over
``C`` every polynomial of degree ``N_j`` factors with degrees ``D_j``).  Roots ``0`` and ``∞``
(vanishing trailing / leading coefficients) form classes of their own, ``T_j`` roots per
orbit.

**Real factorizations.**  Conjugation maps the class of ``a`` onto that of ``ā``.  A real
factorization is a conjugation-invariant tiling, so (classes being disjoint) it is

* for a pair of classes ``a ≠ ā``: a tiling of ``S`` and its mirror image, count vector ``2v``;
* for a real class ``a > 0`` (conjugation ``k ↦ −k`` on ``Z/T``) or ``a < 0`` (``k ↦ −1−k``):
  a tiling invariant under that involution; its invariant cosets are the real roots in ``y``;
* for ``0`` and ``∞``: any split of the multiplicity, every orbit real;

and level ``j`` must receive at least ``m_j`` real roots in ``y`` (docs/theory.md#stride-one:
a real polynomial of degree ``N_j`` is a product of real ones of degrees ``D_j`` iff it has at
least ``m_j`` real roots).

**Decision.**  A configuration (a multiset of blocks: pairs, real classes of either sign, at
most two of ``0``/``∞``) gives the set of count vectors of its complex tilings and the set of
(count vector, real-root vector) of its real tilings — Minkowski sums over the blocks.
``M ⊊ V(R)`` iff some configuration reaches ``N`` over ``C`` but not over ``R``; every block
shape is realizable (choose the values ``a``), so the search over all configurations up to
degree ``deg P`` (states deduplicated) decides closedness exactly.  The search is bounded by
``max_states`` and its time by ``max_search_work`` (:func:`search_work_estimate` before any
tiling is formed, then every combination of count vectors is counted); beyond either the
answer is ``None`` (undecided).
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.limits import Limits

__all__ = ["OrbitModel", "orbit_model", "decide_closedness_1d", "configuration_blocks", "describe_blocks",
           "configuration_points",
           "witness_polynomial", "search_work_estimate"]


Vec = tuple[int, ...]


@dataclass(frozen=True)
class OrbitModel:
    """Levels of a 1D architecture: ``levels[j] = T_j``, ``N[j]``, ``m[j]``."""

    levels: tuple[int, ...]
    N: tuple[int, ...]
    m: tuple[int, ...]
    degrees: tuple[tuple[int, ...], ...]

    @property
    def T(self) -> int:
        return self.levels[-1]

    @property
    def degree(self) -> int:
        return sum(n * t for n, t in zip(self.N, self.levels))


def orbit_model(arch: Architecture) -> OrbitModel:
    """Group the layers of a 1D architecture by cumulative stride (layers of size 1 dropped).

    Examples
    --------
    >>> orbit_model(Architecture.parse("3,3,3 s=2,2"))
    OrbitModel(levels=(1, 2, 4), N=(2, 2, 2), m=(0, 0, 0), degrees=((2,), (2,), (2,)))
    >>> orbit_model(Architecture.parse("2,2,3 s=1,2"))
    OrbitModel(levels=(1, 2), N=(2, 2), m=(2, 0), degrees=((1, 1), (2,)))
    """
    t = [x[0] for x in arch.cumulative_strides]
    groups: dict[int, list[int]] = {}
    for l, f in enumerate(arch.filters):
        if f[0] > 1:
            groups.setdefault(t[l], []).append(f[0] - 1)
    levels = tuple(sorted(groups))
    return OrbitModel(levels, tuple(sum(groups[x]) for x in levels),
                      tuple(sum(1 for n in groups[x] if n % 2) for x in levels),
                      tuple(tuple(groups[x]) for x in levels))


def search_work_estimate(model: OrbitModel) -> int:
    """Steps :func:`configuration_blocks` takes before the search starts (exact arithmetic on
    the model, nothing is built): the coset multisets it enumerates (``C(T/T_j + N_j, N_j)``
    per level, multiplied), each costing ``(T + deg P + Σ_j N_j) / 4`` steps (its multiplicity
    vector, its roots and its cosets; a step, one count vector combined by the search, takes
    about a microsecond), plus the count vectors of the blocks of ``0`` and ``∞``
    (``deg P · Π_j (N_j + 1)``).

    Examples
    --------
    >>> search_work_estimate(orbit_model(Architecture.parse("3,2 s=2")))
    51
    >>> search_work_estimate(orbit_model(Architecture.parse("2,5,3,2,3,4 s=2,2,2,2,3"))) > 10**12
    True
    """
    T = model.T
    tilings = math.prod(math.comb(T // tj + n, n) for tj, n in zip(model.levels, model.N))
    return (tilings * (T + model.degree + sum(model.N)) // 4
            + model.degree * math.prod(n + 1 for n in model.N))


def _tilings(model: OrbitModel, bound: Vec) -> list[tuple[Vec, tuple[tuple[int, int], ...]]]:
    """Every multiset of cosets with count vector ``<= bound``: (S, cosets) pairs.

    A coset at level ``j`` is ``(j, c)``, ``0 <= c < T/T_j``, the set ``c + (T/T_j)Z/T``.
    """
    T = model.T
    per_level = []
    for j, tj in enumerate(model.levels):
        g = T // tj
        opts = []
        for v in range(bound[j] + 1):
            opts.extend(tuple((j, c) for c in combo)
                        for combo in itertools.combinations_with_replacement(range(g), v))
        per_level.append(opts)
    out = []
    for parts in itertools.product(*per_level):
        cosets = tuple(x for part in parts for x in part)
        if not cosets:
            continue
        S = [0] * T
        for j, c in cosets:
            g = T // model.levels[j]
            for k in range(c, T, g):
                S[k] += 1
        out.append((tuple(S), cosets))
    return out


def _vec(model: OrbitModel, cosets) -> Vec:
    v = [0] * len(model.levels)
    for j, _ in cosets:
        v[j] += 1
    return tuple(v)


def _sigma(model: OrbitModel, sign: int, j: int, c: int) -> int:
    g = model.T // model.levels[j]
    return (-c) % g if sign > 0 else (-1 - c) % g


def configuration_blocks(model: OrbitModel) -> list[dict[str, Any]]:
    """Distinct block signatures (complex vectors, real (vector, real-root vector) pairs).

    Each block is a dict with its ``kind`` (``pair``, ``positive``, ``negative`` or ``zero``)
    and its multiplicities on ``Z/T``; the closedness search of :func:`decide_closedness_1d`
    tiles root configurations by these blocks.

    Examples
    --------
    >>> blocks = configuration_blocks(orbit_model(Architecture.parse("3,2 s=2")))
    >>> sorted({b["kind"] for b in blocks})
    ['pair', 'positive', 'zero']
    """
    J = len(model.levels)
    N, m, T = model.N, model.m, model.T
    cap = lambda r: tuple(min(a, b) for a, b in zip(r, m))  # noqa: E731
    le = lambda v: all(a <= b for a, b in zip(v, N))  # noqa: E731
    blocks: dict[tuple, dict[str, Any]] = {}

    def add(kind: str, S: Vec, FC: set, FR: set, degree: int) -> None:
        if not FC:
            return
        key = (frozenset(FC), frozenset(FR), kind == "zero")
        if key not in blocks or degree < blocks[key]["degree"]:
            blocks[key] = {"kind": kind, "S": S, "FC": frozenset(FC), "FR": frozenset(FR),
                           "degree": degree, "zero": kind == "zero"}

    full = _tilings(model, N)
    by_s: dict[Vec, list] = {}
    for S, cosets in full:
        by_s.setdefault(S, []).append(cosets)
    half = tuple(n // 2 for n in N)
    for S, tilings in by_s.items():
        vecs = {_vec(model, c) for c in tilings}
        # a pair of classes a, ā with shape S (conj(S) on ā)
        small = {v for v in vecs if all(a <= b for a, b in zip(v, half))}
        FC = {tuple(a + b for a, b in zip(u, w)) for u in vecs for w in vecs}
        FC = {v for v in FC if le(v)}
        FR = {(tuple(2 * a for a in v), cap((0,) * J)) for v in small}
        add("pair", S, FC, FR, 2 * sum(S))
        # a real class a > 0 or a < 0: S must be invariant under the involution
        for sign in (1, -1):
            inv = [(-k) % T if sign > 0 else (-1 - k) % T for k in range(T)]
            if any(S[k] != S[inv[k]] for k in range(T)):
                continue
            FR = set()
            for cosets in tilings:
                cnt = Counter(cosets)
                if all(cnt[(j, _sigma(model, sign, j, c))] == k for (j, c), k in cnt.items()):
                    r = [0] * J
                    for (j, c), k in cnt.items():
                        if _sigma(model, sign, j, c) == c:
                            r[j] += k
                    FR.add((_vec(model, cosets), cap(r)))
            add("positive" if sign > 0 else "negative", S, set(vecs), FR, sum(S))
    # 0 and ∞: multiplicity mult, any split, every orbit real
    maxdeg = model.degree
    for mult in range(1, maxdeg + 1):
        FC = set()
        for v in itertools.product(*[range(n + 1) for n in N]):
            if sum(a * t for a, t in zip(v, model.levels)) == mult:
                FC.add(v)
        add("zero", (mult,), FC, {(v, cap(v)) for v in FC}, mult)
    return list(blocks.values())


def decide_closedness_1d(arch: Architecture, *, limits: Limits | None = None, max_states: int | None = None
                         ) -> dict[str, Any] | None:
    """Exhaustive root-orbit search: ``{"closed": bool, "blocks": [...], "states": n}``.

    ``blocks`` is a witness configuration when not closed (each block: ``kind`` in
    ``pair``/``positive``/``negative``/``zero``, multiplicities ``S`` on ``Z/T``).  Returns
    None when more than ``limits.max_states`` states would be needed (``max_states``
    overrides it), or more than ``limits.max_search_work`` steps: the estimate of
    :func:`search_work_estimate` is checked before the blocks are formed, and each state
    counts the count vectors it combines (``|C|·|FC| + |R|·|FR|`` per block).

    Examples
    --------
    >>> decide_closedness_1d(Architecture.parse("3,3 s=2"))["closed"]
    True
    >>> r = decide_closedness_1d(Architecture.parse("3,2 s=2")); r["closed"]
    False
    >>> decide_closedness_1d(Architecture.parse("3,3,3 s=2,2"))["closed"]
    True
    """
    limits = Limits.coerce(limits, max_states=max_states)
    max_states, max_work = limits.max_states, limits.max_search_work
    model = orbit_model(arch)
    N, m = model.N, model.m
    J = len(N)
    if J == 0:
        return {"closed": True, "blocks": [], "states": 0, "model": model}
    work = search_work_estimate(model)
    if work > max_work:
        return None
    blocks = configuration_blocks(model)
    full_r = tuple(m)
    start = (frozenset({(0,) * J}), frozenset({((0,) * J, (0,) * J)}), 0)
    seen = {start: None}
    frontier = [start]
    states = 0
    while frontier:
        nxt = []
        for state in frontier:
            C, R, nz = state
            for bi, b in enumerate(blocks):
                if b["zero"] and nz >= 2:
                    continue
                work += len(C) * len(b["FC"]) + len(R) * len(b["FR"])
                if work > max_work:
                    return None
                C2 = frozenset(tuple(x + y for x, y in zip(c, f)) for c in C for f in b["FC"])
                C2 = frozenset(v for v in C2 if all(a <= n for a, n in zip(v, N)))
                if not C2:
                    continue
                R2 = frozenset((tuple(x + y for x, y in zip(c, f)),
                                tuple(min(x + y, mm) for x, y, mm in zip(r, g, m)))
                               for c, r in R for f, g in b["FR"])
                R2 = frozenset((v, r) for v, r in R2 if all(a <= n for a, n in zip(v, N)))
                new = (C2, R2, nz + (1 if b["zero"] else 0))
                if new in seen:
                    continue
                seen[new] = (state, bi)
                states += 1
                if states > max_states:
                    return None
                if N in C2 and (N, full_r) not in R2:
                    chain = []
                    s = new
                    while seen[s] is not None:
                        s, k = seen[s]
                        chain.append(blocks[k])
                    return {"closed": False, "blocks": chain[::-1], "states": states, "model": model}
                if N not in C2:
                    nxt.append(new)
        frontier = nxt
    return {"closed": True, "blocks": [], "states": states, "model": model}


def describe_blocks(model: OrbitModel, blocks: list[dict[str, Any]]) -> str:
    """Words for a witness configuration."""
    T = model.T
    parts = []
    for b in blocks:
        roots = ", ".join(f"{k}×{b['S'][k]}" for k in range(len(b["S"])) if b["S"][k])
        if b["kind"] == "pair":
            parts.append(f"a pair of conjugate classes z^{T} = a, ā (a non-real) with roots "
                         f"a^(1/{T})·ζ^k of multiplicities {{{roots}}} and their conjugates")
        elif b["kind"] == "zero":
            parts.append(f"the root 0 (or ∞) with multiplicity {b['S'][0]}")
        else:
            sign = ">" if b["kind"] == "positive" else "<"
            parts.append(f"a real class z^{T} = a, a {sign} 0, with roots of multiplicities {{{roots}}}")
    return "; ".join(parts)


def witness_polynomial(model: OrbitModel, blocks: list[dict[str, Any]]) -> list | None:
    """Exact real coefficients (sympy) of a point with the configuration's roots, or None.

    Pairs use the class values ``a = (1 + j·i)^T`` (or ``(1 + j·ω)^T`` when ``3 | T``; distinct,
    non-real for the chosen ``j``), real classes ``a = ±(j + 1)^T``; rational coefficients when
    ``T`` divides 4 or 6.  The product is formed exactly in the cyclotomic field ``Q(ζ_N)``,
    ``N = lcm(2T, 12)`` (elements are FLINT polynomials in ``ζ`` reduced modulo ``Φ_N``); a
    coefficient is real iff it is fixed by ``ζ ↦ ζ^{-1}``, and is returned as
    ``Σ c_k cos(2πk/N)`` (a rational number when it is one).
    """
    import sympy as sp  # deferred: only the witness polynomial needs sympy's cosines

    T = model.T
    N = math.lcm(2 * T, 12)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(N))
    x = flint.fmpq_poly([0, 1])

    def root(k: int) -> flint.fmpq_poly:            # ζ_N^k
        return (x ** (k % N)) % phi

    def conj(e: flint.fmpq_poly) -> flint.fmpq_poly:
        out = flint.fmpq_poly(0)
        for k, c in enumerate(e.coeffs()):
            if c != 0:
                out += c * root(-k)
        return out % phi

    def key(e: flint.fmpq_poly) -> tuple:
        return tuple(str(c) for c in e.coeffs())

    def times_linear(poly: list, r: flint.fmpq_poly, mult: int) -> list:
        """poly · (z − r)^mult, coefficients in Q(ζ_N)."""
        for _ in range(mult):
            out = [flint.fmpq_poly(0)] * (len(poly) + 1)
            for k, c in enumerate(poly):
                out[k + 1] += c
                out[k] = (out[k] - c * r) % phi
            poly = out
        return poly

    zeta_T = root(N // T)
    imag = root(N // 4)
    omega = root(N // 3)
    poly = [flint.fmpq_poly(1)]
    used: set = set()
    j = 2
    zeros = 0
    for b in blocks:
        S = b["S"]
        if b["kind"] == "zero":
            zeros += 1
            if zeros == 1:
                poly = [flint.fmpq_poly(0)] * S[0] + poly     # the root 0; a second such block is ∞
            continue
        while True:
            j += 1
            if b["kind"] == "pair":
                base = (1 + j * imag) if T % 3 else (1 + j * omega)
                base = base % phi
                a = (base ** T) % phi
                if a == conj(a) or key(a) in used or key(conj(a)) in used:
                    continue
                used.update({key(a), key(conj(a))})
                for k in range(T):
                    r = (base * zeta_T ** k) % phi
                    poly = times_linear(poly, r, S[k])
                    poly = times_linear(poly, conj(r), S[k])
            else:
                base = flint.fmpq_poly(j) if b["kind"] == "positive" else j * root(N // (2 * T))
                a = (1 if b["kind"] == "positive" else -1) * j ** T
                if ("real", a) in used:
                    continue
                used.add(("real", a))
                for k in range(T):
                    poly = times_linear(poly, (base * zeta_T ** k) % phi, S[k])
            break
    out = []
    for c in poly:
        if c != conj(c):
            return None
        cs = c.coeffs()
        if len(cs) <= 1:
            out.append(sp.Rational(str(cs[0])) if cs else sp.Integer(0))
        else:
            out.append(sp.Add(*[sp.Rational(str(v)) * sp.cos(2 * sp.pi * k / N)
                                for k, v in enumerate(cs) if v != 0]))
    while len(out) > 1 and out[-1] == 0 and len(out) > model.degree + 1:
        out.pop()
    out += [sp.Integer(0)] * (model.degree + 1 - len(out))
    return out


def configuration_points(model: OrbitModel, count: int, seed: int = 0) -> list[list]:
    """Exact points of ``V(R)`` with random root-orbit configurations (for tests and benchmarks).

    Blocks of :func:`configuration_blocks` are drawn (seeded) until their complex count vectors
    can reach ``N``; :func:`witness_polynomial` realises the configuration.  Only rational points
    are kept, so the list is empty unless ``T`` divides 4 or 6.  The points lie in ``M`` or in
    ``V(R) \\ M`` depending on the configuration.

    Examples
    --------
    >>> pts = configuration_points(orbit_model(Architecture.parse("3,2 s=2")), 3, seed=1)
    >>> len(pts), len(pts[0])
    (3, 5)
    """
    import random  # deferred: only the sampler draws
    from fractions import Fraction

    if not model.levels or (4 % model.T and 6 % model.T):
        return []
    rng = random.Random(seed)
    blocks = configuration_blocks(model)
    out: list[list] = []
    for _ in range(count * 4):
        if len(out) >= count:
            break
        chosen, C = [], {(0,) * len(model.N)}
        for _ in range(10):
            b = rng.choice(blocks)
            C2 = {tuple(x + y for x, y in zip(u, v)) for u in C for v in b["FC"]}
            C2 = {v for v in C2 if all(a <= n for a, n in zip(v, model.N))}
            if C2:
                chosen.append(b)
                C = C2
            if model.N in C:
                break
        if model.N not in C:
            continue
        w = witness_polynomial(model, chosen)
        if w is not None and all(x.is_Rational for x in w):
            out.append([Fraction(str(x)) for x in w])
    return out
