"""Degree of the neurovariety from the fibre of μ (1D and 2D), without its equations.

μ descends to a finite morphism from ``P^{n_1} × ⋯ × P^{n_L}`` (``n_l = |k_l| − 1``),
a linear projection of the Segre variety whose centre misses it, so::

    deg V · |F| = (Σ n_l)! / Π n_l!

with ``|F|`` the number of points of a generic fibre modulo rescaling (docs/theory.md#degree).
With the activation ``t ↦ t^r`` (``r ≥ 2``) the Segre variety becomes the Segre–Veronese
variety of ``O(d_1, …, d_L)``, ``d_l = r^{L−l}``, of degree
``(Σ n_l)!/Π n_l! · Π d_l^{n_l}`` (:func:`segre_veronese_degree`), and ``|F|`` is counted by
a zero-dimensional Gröbner basis at random points (:mod:`lcnalg.algebra.fibre`, whose
docstring has the proof, docs/theory.md#polynomial-networks).
In 1D ``|F|`` is counted exactly from the structure of the root orbits of a generic
point (:func:`fibre_size_1d`); in 2D at stride one exactly from the absolute factors of a
generic point (:func:`fibre_size_2d`: a generic layer is absolutely irreducible or a product
of distinct linear factors, and the fibre is the set of their assignments to the layers).  Exact
for any strides as well: a Segre(–Veronese) degree 1 forces ``deg V = |F| = 1``; when the
positions ``Σ_l t_{l−1} k_l`` of the products of the layers' entries are distinct, ``μ`` is the
Segre map followed by a choice of coordinates and ``|F| = 1``; when every 2D layer lies on one
axis, ``μ = P(x) Q(y)`` and ``|F| = |F_x| |F_y|`` (:func:`fibre_size_axis_layers_2d`).  With
strides in 2D a fibre is the set of factorizations of the end-to-end polynomial into the
layers' sparse shapes.  At a random integer point, FLINT factors ``p = μ(θ)`` over Q.  A
univariate layer ``q(z^t)`` is sampled with planted roots ``a_i^t`` (integers ``a_i`` of distinct
absolute values), so its factors over Q are ``a^{φ(d)} Φ_d(z/a)`` (``d | t``), recognised exactly,
whose absolute factors are the linear ``z − ζ_d^j a``, ``gcd(j, d) = 1``, in ``Q(ζ_N)[x, y]``
(``N`` the lcm of the univariate layers' cumulative strides); when every other factor is certified absolutely irreducible (degree 1, degree 1 in one
variable, Gao's Newton-polygon criterion, or a non-singular rational point: the sample
is chosen so that each layer vanishes at a planted integer point, and a Q-irreducible
polynomial with a smooth Q-point is absolutely irreducible, because a Q-point of one
Galois-conjugate component lies on all of them and would be singular), unique factorization in ``C[x, y]``
makes the complex factorizations exactly the groupings of these factors into layers,
which are counted with exact arithmetic in ``Q(ζ_N)``.  The answer is ``probabilistic``: the random point may lie on the
proper subvariety where the fibre is not generic; it is computed at two points and
both must agree.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from dataclasses import dataclass
from typing import Any

import flint

from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.results import DegreeResult
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["FibreDegree", "degree_by_fibre", "fibre_size_1d", "fibre_size_2d", "fibre_size_axis_layers_2d",
           "sampled_fibre_size_2d", "fibre_at_sample_2d",
           "segre_veronese_degree", "variety_degree"]


@dataclass(frozen=True)
class FibreDegree:
    """Degree of V from the fibre count; ``degree`` is None when not decided.

    ``segre_degree`` is the degree of the Segre (linear networks) or Segre–Veronese
    (activation ``r ≥ 2``) variety that μ projects.  ``certified`` marks an exact count
    (1D linear networks); otherwise ``failure_probability`` bounds the random choices it
    covers (None when no bound is known) and ``limitations`` says what it does not cover.
    """

    degree: int | None
    fibre_size: int | None
    segre_degree: int
    method: str
    certified: bool = False
    failure_probability: float | None = None
    limitations: str = ""


def segre_veronese_degree(arch) -> int:
    """Degree of ``P^{n_1} × ⋯ × P^{n_L}`` embedded by ``O(d_1, …, d_L)``.

    ``(Σ n_l)!/Π n_l! · Π d_l^{n_l}`` with ``n_l = |k_l| − 1`` and ``d_l = r^{L−l}``
    (``r = 1`` for a linear network: the Segre degree, the multinomial coefficient): the
    top self-intersection of ``Σ d_l H_l`` with ``H_l^{n_l + 1} = 0``.

    Examples
    --------
    >>> from lcnalg import Architecture
    >>> [segre_veronese_degree(Architecture.parse(a)) for a in ("2,2", "2,2 r=2", "2,2,2 r=2", "3,2 r=3")]
    [2, 4, 48, 27]
    """
    r = arch.activation or 1
    L = arch.num_layers
    ns = [n - 1 for n in arch.filter_sizes]
    return math.factorial(sum(ns)) // math.prod(math.factorial(n) for n in ns) * math.prod(
        (r ** (L - 1 - l)) ** n for l, n in enumerate(ns))


def _count_groupings(items: list[tuple[dict, tuple[int, int], Any, Any]], arch, N: int, phi: Any,
                     max_nodes: int) -> int | None:
    """Number of assignments of the absolutely irreducible factors to the layers whose products are
    ``q_l(x^{t}, y^{t'})`` with ``q_l`` in the layer's box.

    ``items`` lists each factor once per multiplicity as ``(coefficients, bidegree, key, root)``:
    the coefficients ``{(i, j): c}`` lie in ``Q(ζ_N) = Q[z]/(phi)``, ``phi = Φ_N`` (``fmpq_poly`` residues), equal
    factors share ``key``, and a linear factor ``z − |a| ζ_{2N}^e`` of a planted univariate layer
    has ``root = (axis, |a|, e)`` (None otherwise).  A backtracking over the layers keeps the
    bidegree each layer still takes (the product has the bidegree of the layer's box exactly:
    the degrees of a generic end-to-end filter add up to it); a layer whose bidegree is used up
    is checked at once, its product computed in ``Q(ζ_N)[x, y]`` (memoized per group).  A layer
    ``q_l(x^t, …)`` is invariant under ``x ↦ ζ_t x``, so with a linear factor ``x − r`` it takes
    the whole orbit ``x − ζ_t^j r``: the orbit is assigned at once (when the linear factors are
    pairwise distinct), which prunes exactly the groupings that would fail.  Equal factors
    assigned to the same layers in another order give the same factorization: the count is
    divided by the permutations of equal items.  None when the search visits more than
    ``max_nodes`` nodes.
    """
    t = arch.cumulative_strides
    L = arch.num_layers
    need = [(t[l][0] * (arch.filters[l][0] - 1), t[l][1] * (arch.filters[l][1] - 1)) for l in range(L)]
    if [sum(it[1][0] for it in items), sum(it[1][1] for it in items)] != [sum(n[0] for n in need),
                                                                        sum(n[1] for n in need)]:
        return 0
    roots = [it[3] for it in items]
    unkeyed_linear = any(r is None and 0 in it[1] and sum(it[1]) == 1 for r, it in zip(roots, items))
    by_root = {r: i for i, r in enumerate(roots) if r is not None}
    orbits = None if unkeyed_linear or len(by_root) < sum(r is not None for r in roots) else by_root
    two_n = 2 * N
    memo: dict = {}

    def fits(l: int, group: tuple[int, ...]) -> bool:
        key = (l, tuple(sorted(group)))
        if key not in memo:
            prod: dict = {(0, 0): phi.__class__(1)}
            for g in key[1]:
                new: dict = {}
                for (i, j), a in prod.items():
                    for (u, v), b in items[g][0].items():
                        new[(i + u, j + v)] = new.get((i + u, j + v), 0) + a * b
                prod = {m: c % phi for m, c in new.items()}
                prod = {m: c for m, c in prod.items() if c != 0}
            tx, ty = t[l]
            kx, ky = arch.filters[l]
            memo[key] = all(not (i % tx or j % ty or i // tx > kx - 1 or j // ty > ky - 1) for i, j in prod)
        return memo[key]

    left = [list(n) for n in need]
    groups: list[list[int]] = [[] for _ in range(L)]
    taken = [False] * len(items)

    def orbit(k: int, l: int) -> list[int] | None:
        """The items a layer ``l`` taking item ``k`` must take with it (None: it cannot take ``k``)."""
        if orbits is None or roots[k] is None:
            return [k]
        axis, size, e = roots[k]
        step = t[l][axis]
        if two_n % step:
            return None  # ζ_t r is no root of the planted layers
        members = [orbits.get((axis, size, (e + j * two_n // step) % two_n)) for j in range(step)]
        if any(m is None or taken[m] for m in members):
            return None
        return members

    nodes = [0]

    class Exhausted(Exception):
        """More than ``max_nodes`` nodes."""

    def count(k: int) -> int:
        nodes[0] += 1
        if nodes[0] > max_nodes:
            raise Exhausted
        while k < len(items) and taken[k]:
            k += 1
        if k == len(items):
            return int(all(fits(l, tuple(groups[l])) for l in range(L) if groups[l]))
        total = 0
        for l in range(L):
            block = orbit(k, l)
            if block is None:
                continue
            dx = sum(items[i][1][0] for i in block)
            dy = sum(items[i][1][1] for i in block)
            if left[l][0] < dx or left[l][1] < dy:
                continue
            left[l][0] -= dx
            left[l][1] -= dy
            groups[l].extend(block)
            for i in block:
                taken[i] = True
            if left[l] != [0, 0] or fits(l, tuple(groups[l])):
                total += count(k + 1)
            for i in block:
                taken[i] = False
            del groups[l][len(groups[l]) - len(block):]
            left[l][0] += dx
            left[l][1] += dy
        return total

    try:
        total = count(0)
    except Exhausted:
        return None
    multiplicity: dict = {}
    for it in items:
        multiplicity[it[2]] = multiplicity.get(it[2], 0) + 1
    for e in multiplicity.values():
        total //= math.factorial(e)
    return total


def _distinct_positions(arch) -> bool:
    """True when the positions ``Σ_l t_{l-1} k_l`` of the products ``w1_{k_1} ⋯ wL_{k_L}`` are pairwise
    distinct (then ``μ`` is the Segre map followed by a choice of coordinates).  Built layer by layer,
    stopping at the first collision, so the work is at most the number of coordinates times a filter's
    size."""
    t = arch.cumulative_strides
    positions = {(0,) * arch.ndim}
    for l, shape in enumerate(arch.filters):
        new = {tuple(p[a] + t[l][a] * k[a] for a in range(arch.ndim))
               for p in positions for k in itertools.product(*(range(n) for n in shape))}
        if len(new) != len(positions) * math.prod(shape):
            return False
        positions = new
    return True


def _smooth_point(f: Any, points: list[tuple[int, int]]) -> bool:
    """True when ``f`` vanishes at one of the points with a non-zero gradient there."""
    for x0, y0 in points:
        if f(x0, y0) == 0 and (f.derivative(0)(x0, y0) != 0 or f.derivative(1)(x0, y0) != 0):
            return True
    return False


def _tilings(T: int, sizes: tuple[int, ...]) -> dict[tuple[int, ...], int]:
    """Tilings of the cyclic group ``Z/T`` by cosets of its subgroups of the given
    orders, counted by profile (number of cosets of each order)."""
    out: dict[tuple[int, ...], int] = {}

    def rec(covered: int, profile: list[int]) -> None:
        if covered == (1 << T) - 1:
            key = tuple(profile)
            out[key] = out.get(key, 0) + 1
            return
        i = next(k for k in range(T) if not covered >> k & 1)
        for a, t in enumerate(sizes):
            step = T // t
            coset = sum(1 << ((i + step * r) % T) for r in range(t))
            if not coset & covered:
                profile[a] += 1
                rec(covered | coset, profile)
                profile[a] -= 1

    rec(0, [0] * len(sizes))
    return out


def fibre_size_1d(arch, *, max_fibre_order: int | None = None, limits: Limits | None = None) -> int | None:
    """Number of points of a generic fibre of μ modulo rescaling, for a 1D architecture.

    Take layer ``l`` with cumulative stride ``T = t_{l−1}`` and ``k_l − 1`` generic
    hyperroots ``a``: ``p`` has the roots of the factors ``z^T − a``.  For generic
    ``a`` (independent, so no multiplicative relation joins roots of different
    factors) a root orbit ``{ρζ : ζ^t = 1}`` of a layer with stride ``t`` lies inside
    one factor, and only when ``t | T``: inside ``z^T − a`` (roots ``ρ μ_T``) it is a
    coset of the subgroup of order ``t``.  A factorization is therefore a choice, for
    every factor, of a tiling of ``μ_T ≅ Z/T`` by cosets of subgroups of the layers'
    orders, and an assignment of the cosets to layers of that order, such that layer
    ``m`` receives exactly ``k_m − 1`` of them.  Counted exactly by dynamic
    programming; ``None`` when a cumulative stride exceeds ``max_fibre_order`` (default
    ``limits.max_fibre_order``).

    Examples
    --------
    >>> from lcnalg import Architecture
    >>> fibre_size_1d(Architecture.parse("3,3 s=2")), fibre_size_1d(Architecture.parse("2,2,3 s=1,2"))
    (1, 2)
    """
    t_layer = tuple(int(arch.cumulative_strides[l][0]) for l in range(arch.num_layers))
    need = tuple(int(k[0]) - 1 for k in arch.filters)
    if max(t_layer) > Limits.coerce(limits, max_fibre_order=max_fibre_order).max_fibre_order:
        return None
    return _orbit_tiling_count(t_layer, need)


def _orbit_tiling_count(t_layer: tuple[int, ...], need: tuple[int, ...]) -> int:
    """The count of :func:`fibre_size_1d`: layer ``l`` has cumulative stride ``t_layer[l]`` and
    ``need[l]`` generic hyperroots (``need[l] = 0``: a constant layer, or one that lives on
    another axis)."""
    factors = [t_layer[l] for l in range(len(need)) for _ in range(need[l])]
    tiles: dict[int, tuple[tuple[int, ...], dict]] = {}
    for T in set(factors):
        sizes = tuple(sorted({t for t in t_layer if T % t == 0}))
        tiles[T] = (sizes, _tilings(T, sizes))
    memo: dict[tuple[int, tuple[int, ...]], int] = {}

    def distribute(state: tuple[int, ...], sizes, profile):
        """Ways to hand the cosets of the profile to layers of matching order."""
        states = {state: 1}
        for t, count in zip(sizes, profile):
            layers = [m for m in range(len(need)) if t_layer[m] == t]
            for _ in range(count):  # cosets are distinct: one at a time
                nxt: dict[tuple[int, ...], int] = {}
                for st, w in states.items():
                    for m in layers:
                        if st[m] > 0:
                            s2 = st[:m] + (st[m] - 1,) + st[m + 1:]
                            nxt[s2] = nxt.get(s2, 0) + w
                states = nxt
        return states

    def count(i: int, state: tuple[int, ...]) -> int:
        if i == len(factors):
            return int(not any(state))
        key = (i, state)
        if key not in memo:
            sizes, profiles = tiles[factors[i]]
            total = 0
            for profile, mult in profiles.items():
                for st, w in distribute(state, sizes, profile).items():
                    total += mult * w * count(i + 1, st)
            memo[key] = total
        return memo[key]

    return count(0, need)


def fibre_size_axis_layers_2d(arch, *, limits: Limits | None = None) -> int | None:
    """Exact generic fibre size ``|F|`` (modulo rescaling) of a 2D network of one-axis layers.

    Every layer has extent 1 along at least one axis (shapes ``a x 1``, ``1 x b``, ``1 x 1``),
    with any strides.  Layer ``l`` is then ``q_l(x^T)`` or ``q_l(y^T')`` (or a constant), so
    ``μ(θ) = P(x) Q(y)`` with ``P`` the end-to-end filter of the 1D network along ``x`` formed by
    the ``x``-layers at their cumulative ``x``-strides, and ``Q`` likewise along ``y``.  By
    unique factorization in ``C[x, y]`` an ``x``-layer of a factorization of ``P Q`` divides
    ``P`` and a ``y``-layer divides ``Q``, so the fibre is the product of the two 1D fibres and
    ``|F| = |F_x| · |F_y|``, each counted exactly from the root orbits as in
    :func:`fibre_size_1d` (the layers of the other axis take no hyperroots; their strides still
    enter the cumulative strides).  Returns None when some layer has extent at least 2 along
    both axes, or when a cumulative stride exceeds ``limits.max_fibre_order``.

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> fibre_size_axis_layers_2d(Architecture.parse("2x1,2x1,1x3 s=1x1,1x2,2x1"))   # swap the x-layers
    2
    >>> fibre_size_axis_layers_2d(Architecture.parse("1x2,3x1 s=2x1")), fibre_size_axis_layers_2d(Architecture.parse("2x2,2x1"))
    (1, None)
    """
    limits = Limits.coerce(limits)
    if arch.ndim != 2 or any(min(f) > 1 for f in arch.filters):
        return None
    t = arch.cumulative_strides
    size = 1
    for axis in (0, 1):
        t_layer = tuple(int(t[l][axis]) for l in range(arch.num_layers))
        need = tuple(int(f[axis]) - 1 if f[1 - axis] == 1 else 0 for f in arch.filters)
        if any(n and T > limits.max_fibre_order for n, T in zip(need, t_layer)):
            return None
        size *= _orbit_tiling_count(t_layer, need)
    return size


def fibre_size_2d(arch, *, limits: Limits | None = None) -> int | None:
    """Exact generic fibre size ``|F|`` (modulo rescaling) of a 2D architecture at stride one.

    A generic layer of box ``(a, b)`` (bidegree ``≤ (a, b)``) is absolutely irreducible when
    ``a, b ≥ 1`` (the reducible polynomials are the images of the multiplication maps from
    smaller boxes, a proper closed subset, and ``x^a y^b + x + y + 1``-type polynomials show it is
    proper: docs/theory.md#factorization-patterns), and a product of ``a`` (``b``) distinct linear
    factors in ``x`` (``y``) when ``b = 0`` (``a = 0``); the factors of distinct layers are
    pairwise non-associated.  By unique factorization in ``C[x, y]`` the points of the fibre
    modulo rescaling are exactly the assignments of these distinct factors to the layers whose
    bidegrees add up to each layer's box, so ``|F|`` is their number.  Returns None when the
    factors outnumber ``limits.max_fibre_factors``.

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> fibre_size_2d(Architecture.parse("2x2,2x2")), fibre_size_2d(Architecture.parse("2x1,2x2,1x2"))
    (2, 1)
    >>> fibre_size_2d(Architecture.parse("3x1,2x1"))      # three linear factors in x, boxes 2 and 1
    3
    """
    limits = Limits.coerce(limits)
    boxes = [(f[0] - 1, f[1] - 1) for f in arch.filters]
    factors: list[tuple[int, int]] = []
    for a, b in boxes:
        if a >= 1 and b >= 1:
            factors.append((a, b))
        else:
            factors.extend([(1, 0)] * a + [(0, 1)] * b)
    if len(factors) > limits.max_fibre_factors:
        return None
    memo: dict = {}

    def count(i: int, free: tuple) -> int:
        if i == len(factors):
            return int(all(x == (0, 0) for x in free))
        key = (i, free)
        if key not in memo:
            fa, fb = factors[i]
            total = 0
            for l, (a, b) in enumerate(free):
                if a >= fa and b >= fb:
                    total += count(i + 1, free[:l] + ((a - fa, b - fb),) + free[l + 1:])
            memo[key] = total
        return memo[key]

    return count(0, tuple(boxes))


#: Absolute values of the further planted roots of a univariate layer (distinct from the planted
#: zeros, which are primes up to 37 or integers from 41 for many layers).
_PLANTED_ROOTS = [101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167, 173, 179]


def _cyclotomic_items(g: Any, axis: int, roots: list[tuple[int, int]], N: int, phi: Any) -> list | None:
    """The linear factors over ``Q(ζ_N)`` of a Q-irreducible polynomial ``g`` in one variable
    (``axis``) that divides a planted univariate layer ``∏ (z^t − a^t)``: ``g`` is then
    ``a^{φ(d)} Φ_d(z/a)`` for some planted ``(a, t)`` and ``d | t``, whose roots are ``ζ_d^j a``,
    ``gcd(j, d) = 1``.  None when ``g`` is none of these."""
    deg = int(g.degrees()[axis])
    coeffs = [0] * (deg + 1)
    for mono, c in zip(g.monoms(), g.coeffs()):
        coeffs[int(mono[axis])] = int(c)
    for a, t in roots:
        for d in range(1, t + 1):
            if t % d:
                continue
            cyc = [int(c) for c in flint.fmpz_poly.cyclotomic(d).coeffs()]
            if len(cyc) - 1 != deg:
                continue
            h = [c * a ** (deg - k) for k, c in enumerate(cyc)]  # a^{φ(d)} Φ_d(z / a)
            if all(coeffs[k] * h[deg] == h[k] * coeffs[deg] for k in range(deg + 1)):
                items = []
                for j in range(1, d + 1):
                    if math.gcd(j, d) == 1:  # z − ζ_N^{j N/d} a
                        root = flint.fmpq_poly([0] * (j * N // d % N) + [1]) % phi * a
                        lead = (1, 0) if axis == 0 else (0, 1)
                        # the root |a| ζ_{2N}^e, e = 2jN/d (+ N when a < 0)
                        e = (2 * (j * N // d) + (N if a < 0 else 0)) % (2 * N)
                        items.append(({lead: flint.fmpq_poly([1]), (0, 0): -root}, (axis, abs(a), e)))
                return items
    return None


def sampled_fibre_size_2d(mu: Parameterization, *, seed: int = 0, limits: Limits | None = None) -> tuple[int | None, str]:
    """The fibre size of a 2D linear network counted at two random integer points (any strides).

    At each point FLINT factors ``p = μ(θ)`` over Q.  Every univariate layer ``q(z^t)`` gets planted
    roots ``a_i^t`` (distinct integers ``|a_i|`` across the layers), so its factors over Q are the
    ``a^{φ(d)} Φ_d(z/a)``, ``d | t``, which split over ``Q(ζ_N)`` (``N`` the least common multiple of
    the univariate layers' cumulative strides) into the linear factors ``z − ζ_d^j a``; every other
    factor is certified absolutely irreducible (module docstring).  The groupings of these
    absolutely irreducible factors into the layers' shapes are counted with exact arithmetic in
    ``Q(ζ_N)[x, y]``; both points must agree.  Probabilistic: a random point may have a non-generic
    fibre (no failure bound is known).  Returns ``(size, "")`` or ``(None, why)``.

    Examples
    --------
    >>> sampled_fibre_size_2d(Parameterization("2x2,2x2"))
    (2, '')
    >>> sampled_fibre_size_2d(Parameterization("2x2,2x2,2x1 s=2x1,2x1"))   # x^4 - a^4 splits over Q(i)
    (1, '')
    """
    sizes = []
    for trial in range(2):
        _, size, why = fibre_at_sample_2d(mu, seed=seed, trial=trial, limits=limits)
        if size is None:
            return None, why
        sizes.append(size)
    if sizes[0] != sizes[1]:
        return None, f"inconsistent fibre sizes {sizes}"
    return sizes[0], ""


def fibre_at_sample_2d(mu: Parameterization, *, seed: int = 0, trial: int = 0, squarefree: bool = False,
                       limits: Limits | None = None) -> tuple[list[int], int | None, str]:
    """A random integer point ``θ`` of a 2D linear network and the exact size of its fibre.

    The fibre of ``μ`` through ``θ`` modulo rescaling is the set of factorizations of ``p = μ(θ)``
    into the layers' sparse shapes.  FLINT factors ``p`` over Q; the planted univariate layers'
    factors ``a^{φ(d)} Φ_d(z/a)`` split into linear factors over ``Q(ζ_N)``, every other factor is
    certified absolutely irreducible (module docstring), and unique factorization in ``C[x, y]``
    makes the fibre exactly the set of assignments of these absolute factors to the layers whose
    products have the layers' shapes, which are counted (assignments differing by a permutation of
    equal factors are one factorization; the count divides by their orders, exact when ``p`` is
    squarefree, which ``squarefree=True`` requires).  The count is exact at ``θ`` (whether ``θ`` is
    generic is another matter: :func:`sampled_fibre_size_2d`).  Each two-axis layer vanishes at a
    planted integer point, so that a factor has a rational point to certify it at.

    Returns
    -------
    (theta, size, why)
        The flat integer weights, the number of points of the fibre (None when a factor is not
        certified absolutely irreducible, the factors outnumber ``limits.max_fibre_factors`` or the
        grouping search ``limits.max_nodes``; with ``squarefree``, also when a factor is repeated),
        and the reason when None.

    Examples
    --------
    >>> theta, size, _ = fibre_at_sample_2d(Parameterization("3x2,2x2 s=2x2"))
    >>> len(theta), size
    (10, 1)
    """
    limits = Limits.coerce(limits)
    arch = mu.architecture
    # deferred: only the 2D fibre count needs it; a 1D run starts faster
    from lcnalg.polys.bivariate import absolutely_irreducible_certificate

    ring = integer_ring(("x", "y"))
    t = arch.cumulative_strides
    univariate = [l for l, shape in enumerate(arch.filters) if shape[0] * shape[1] > 1 and min(shape) == 1]
    N = math.lcm(1, *(t[l][0 if arch.filters[l][1] == 1 else 1] for l in univariate))
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(N).coeffs())
    if sum(max(arch.filters[l]) - 2 for l in univariate) > len(_PLANTED_ROOTS):
        return [], None, "too many univariate roots to plant"
    rng = random.Random(seed * 7919 + trial)
    theta = [rng.randint(-50, 50) or 1 for _ in range(mu.num_parameters)]
    points = []
    roots: list[list[tuple[int, int]]] = [[], []]
    # planted zeros with distinct |x| and distinct |y| across the layers: with strides the planted
    # factor splits (x^2 - x0^2), and a filter of one row or column sees one coordinate only, so
    # two layers of one shape and stride given the same |x0| would share their factors and the
    # count would miss the swap of those layers (a special point)
    values = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    values += list(range(41, 41 + max(0, len(arch.filters) - len(values))))
    xs, ys = rng.sample(values, len(arch.filters)), rng.sample(values, len(arch.filters))
    extra = iter(rng.sample(_PLANTED_ROOTS, len(_PLANTED_ROOTS)))
    for l, ((lo, hi), shape) in enumerate(zip(mu.layer_slices, arch.filters)):
        if shape[0] * shape[1] == 1:
            continue  # a single-entry layer is a constant: planting a zero would make it 0
        if l in univariate:
            # a univariate layer q(z^t): plant all its roots, z^t - a^t with distinct |a|, so that
            # its factors over Q are the a^{φ(d)} Φ_d(z/a), linear over Q(ζ_t) (a random q leaves
            # Q-irreducible factors of degree >= 2 in one variable, never absolutely irreducible)
            axis = 0 if shape[1] == 1 else 1
            ms = [(xs if axis == 0 else ys)[l]] + [next(extra) for _ in range(shape[axis] - 2)]
            coeffs = [rng.choice([-3, -2, -1, 1, 2, 3])]
            for m in ms:  # multiply by (Z - a^t): coefficients of Z^0, Z^1, ...
                a = rng.choice([-1, 1]) * m
                roots[axis].append((a, t[l][axis]))
                coeffs = [(coeffs[i - 1] if i else 0) - a ** t[l][axis] * (coeffs[i] if i < len(coeffs) else 0)
                          for i in range(len(coeffs) + 1)]
            theta[lo:lo + len(coeffs)] = coeffs
            continue
        # plant an integer zero (x_l, y_l) of the layer's factor p_l(x^{t}, y^{t'})
        x0, y0 = rng.choice([-1, 1]) * xs[l], rng.choice([-1, 1]) * ys[l]
        X, Y = x0 ** t[l][0], y0 ** t[l][1]
        vals = [theta[lo + i * shape[1] + j] * X**i * Y**j
                for i in range(shape[0]) for j in range(shape[1])]
        theta[lo] -= sum(vals)  # entry (0, 0): now p_l(X, Y) = 0
        points.append((x0, y0))
    c = mu.evaluate(theta)
    nx, ny = arch.end_to_end_filter_shape
    poly = ring.from_dict({(i, j): int(c[i * ny + j]) for i in range(nx) for j in range(ny)
                           if c[i * ny + j]})
    _, factors = mpoly_factor(poly)
    items: list = []
    for k, (f, e) in enumerate(factors):
        dx, dy = (int(d) for d in f.degrees())
        split = None
        if dx == 0 or dy == 0:  # in one variable: the linear factors of a planted univariate layer
            split = _cyclotomic_items(f, 0 if dy == 0 else 1, roots[0 if dy == 0 else 1], N, phi)
        if split is None:
            if absolutely_irreducible_certificate(f) is None and not _smooth_point(f, points):
                return theta, None, "a factor at the sample point is not certified absolutely irreducible"
            split = [({(int(m[0]), int(m[1])): flint.fmpq_poly([int(v)]) for m, v in zip(f.monoms(), f.coeffs())},
                      None)]
        for j, (g, root) in enumerate(split):
            items += [(g, (max(m[0] for m in g), max(m[1] for m in g)), (k, j), root)] * int(e)
    if len(items) > limits.max_fibre_factors:
        return theta, None, (f"{len(items)} absolutely irreducible factors at the sample point, above the bound "
                      f"max_fibre_factors = {limits.max_fibre_factors}")
    size = _count_groupings(items, arch, N, phi, limits.max_nodes)
    if size is None:
        return theta, None, (f"the groupings of the {len(items)} absolutely irreducible factors at the sample point "
                      f"need more than max_nodes = {limits.max_nodes} search nodes; to allow it, raise "
                      "limits=Limits(max_nodes=...) (CLI: --max-nodes)")
    if squarefree and any(int(e) > 1 for _, e in factors):
        return theta, None, "a repeated factor at the sample point"
    return theta, size, ""


def degree_by_fibre(mu: Parameterization, seed: int = 0, *, max_fibre_factors: int | None = None,
                    limits: Limits | None = None) -> FibreDegree:
    """Degree of the neurovariety of a 1D or 2D architecture from the generic fibre size.

    Linear networks: exact count in 1D, factorizations at random points in 2D.  Activation
    ``r ≥ 2``: :func:`lcnalg.algebra.fibre.count_fibre` (a zero-dimensional Gröbner basis at
    random points; refused, with the degree left undecided, when its Bézout number exceeds
    ``limits.max_fibre_solutions``).

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    seed : int
        Seed of the random sample points (2D, and activation ``r ≥ 2``).
    max_fibre_factors : int, optional
        Overrides ``limits.max_fibre_factors``: give up (degree None) when the filter at a
        sample point has more factors.
    limits : Limits, optional
        Also gives ``max_fibre_order`` (1D: largest cumulative stride counted).

    Examples
    --------
    >>> r = degree_by_fibre(Parameterization("2x2,2x2"))
    >>> r.degree, r.fibre_size, r.segre_degree
    (10, 2, 20)
    >>> degree_by_fibre(Parameterization("2x2,2x2 s=2x2")).degree
    20
    >>> from lcnalg import PolynomialParameterization
    >>> r = degree_by_fibre(PolynomialParameterization("2,2,2 r=2"))
    >>> r.degree, r.fibre_size, r.segre_degree
    (48, 1, 48)
    """
    limits = Limits.coerce(limits, max_fibre_factors=max_fibre_factors)
    arch = mu.architecture
    segre = segre_veronese_degree(arch)
    if segre == 1:
        return FibreDegree(1, 1, 1, "deg V · |F| = the Segre(-Veronese) degree = 1 (one layer carries all the "
                                    "weights that vary, entering linearly), so deg V = |F| = 1", certified=True)
    if arch.activation is not None:
        try:
            # deferred: only a network with an activation counts its fibre by a Groebner basis
            from lcnalg.algebra.fibre import count_fibre

            count = count_fibre(mu, seed=seed, limits=limits)
        except ResourceLimitError as err:
            return FibreDegree(None, None, segre, "Groebner count of the fibre of mu (refused)",
                               limitations=str(err))
        size = count.fibre_size
        if size is None or segre % size:
            return FibreDegree(None, size, segre, f"fibre count failed: {count.limitations}",
                               limitations=count.limitations)
        return FibreDegree(
            segre // size, size, segre,
            "deg V = Segre-Veronese degree / |F|, |F| = " + count.method,
            failure_probability=count.failure_probability, limitations=count.limitations,
        )
    if arch.ndim == 1:
        size = fibre_size_1d(arch, limits=limits)
        if size is None:
            top = max(int(t[0]) for t in arch.cumulative_strides[:arch.num_layers])
            why = (f"refused: the 1D fibre count tiles the roots of unity of order {top} (a cumulative stride), "
                   f"above the bound max_fibre_order = {limits.max_fibre_order}; to allow it, raise "
                   "limits=Limits(max_fibre_order=...) (CLI: --max-fibre-order)")
            return FibreDegree(None, None, segre, "1D fibre count refused (max_fibre_order)", limitations=why)
        if size == 0 or segre % size:
            return FibreDegree(None, None, segre, f"1D fibre count failed ({size})")
        return FibreDegree(
            segre // size, size, segre,
            "deg V = Segre degree / |F|, |F| = number of ways to share the root orbits of a "
            "generic end-to-end filter among the layers (1D: exact count, see fibre_size_1d)",
            certified=True,
        )
    if arch.ndim != 2:
        return FibreDegree(None, None, segre, "fibre count implemented for 1D and 2D architectures only")
    if all(tuple(t) == (1, 1) for t in arch.cumulative_strides[:arch.num_layers]):
        size = fibre_size_2d(arch, limits=limits)
        if size is not None and size > 0 and segre % size == 0:
            return FibreDegree(
                segre // size, size, segre,
                "deg V = Segre degree / |F|, |F| = number of ways to share the absolute factors of a generic "
                "end-to-end filter among the layers' boxes (2D stride one: exact count, see fibre_size_2d)",
                certified=True)
    if _distinct_positions(arch):
        return FibreDegree(
            segre, 1, segre,
            "deg V = Segre degree, |F| = 1: mu places the entries of w_1 ⊗ … ⊗ w_L at distinct coordinates "
            "(the others vanish), so V is a coordinate copy of the Segre cone",
            certified=True)
    size = fibre_size_axis_layers_2d(arch, limits=limits)
    if size is not None and size > 0 and segre % size == 0:
        return FibreDegree(
            segre // size, size, segre,
            "deg V = Segre degree / |F|, |F| = |F_x| |F_y|: every layer lives on one axis, so mu = P(x) Q(y) "
            "and the root orbits of P and Q are shared among the x- and y-layers (exact count, see "
            "fibre_size_axis_layers_2d)",
            certified=True)
    size, why = sampled_fibre_size_2d(mu, seed=seed, limits=limits)
    if size is None or size == 0 or segre % size:
        return FibreDegree(None, None, segre, why or f"a fibre size {size} that does not divide {segre}")
    sizes = [size]
    return FibreDegree(
        segre // sizes[0], sizes[0], segre,
        "deg V = Segre degree / |F|, |F| = number of groupings of the absolutely irreducible "
        "factors of mu(theta) into the layers' shapes at two random integer points (probabilistic: "
        "a random point may have a non-generic fibre)",
        limitations="a random point on the set where the fibre is not generic (of unbounded degree) is "
                    "not excluded; no failure bound is known",
    )


def variety_degree(mu: Parameterization, *, seed: int = 0, limits: Limits | None = None) -> DegreeResult:
    """Degree of the neurovariety as a result object, from :func:`degree_by_fibre`.

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    seed : int
        Seed of the random points (2D linear networks, activation ``r ≥ 2``).
    limits : Limits, optional
        ``max_fibre_order``, ``max_fibre_factors``, ``max_fibre_solutions`` and the Gröbner
        engine's bounds; beyond them the degree is undecided, with the reason.

    Returns
    -------
    DegreeResult
        Certified for 1D linear networks (exact count), probabilistic otherwise (for
        ``r ≥ 2`` with the failure bound of the random chart and separating form; in 2D linear
        networks without a known bound), undecided when the count failed or was refused.

    Examples
    --------
    >>> from lcnalg import PolynomialParameterization
    >>> d = variety_degree(PolynomialParameterization("2x2,2x1 r=2"))
    >>> d.value, d.fibre_size, d.segre_degree, str(d.status)
    (32, 1, 32, 'probabilistic')
    """
    start = time.perf_counter()
    arch = mu.architecture
    if arch.channels is not None:
        raise InputError(f"architecture {arch}: the degree is counted from the fibre of one-channel networks; "
                         "channels (c=) are not supported (drop c=)")
    fib = degree_by_fibre(mu, seed=seed, limits=limits)
    if arch.activation is not None:
        how = ("count over Q (lcnalg.algebra.fibre.count_fibre with exact=True), or compare with the "
               "degree of certified implicit equations")
    else:
        how = "compare with the degree of certified implicit equations (lcnalg equations --certify)"
    return DegreeResult(
        architecture=str(arch), method=fib.method, certified=fib.certified,
        failure_probability=None if fib.certified else fib.failure_probability,
        how_to_certify="" if fib.certified or fib.degree is None else how,
        seed=seed, seconds=time.perf_counter() - start,
        limitations=fib.limitations or (fib.method if fib.degree is None else ""),
        value=fib.degree, fibre_size=fib.fibre_size, segre_degree=fib.segre_degree,
    )
