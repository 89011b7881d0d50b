"""Rational equations of a root-orbit type stratum for any ``T`` (docs/theory.md#boundary-equations).

Over ``C`` a type stratum's closure is parameterized by ``λ`` and one free complex base ``ρ_j``
per complex class (a real class of either sign is one class, a conjugate pair two, with the
positions ``S`` and the mirror ``k ↦ −k``):

    ``φ(λ, h, ρ) = λ z^{μ_0} Π_j Π_k (h z − ρ_j ζ^k)^{S_{j,k}}``,  ``ζ = e^{2πi/T}``

(real parameters are Zariski dense in the complex ones, so the complex image has the same
closure ``V`` as the real stratum).  Its coefficients lie in ``Z[ζ][λ, h, ρ]``; for ``T`` not
dividing 4 or 6 no real rescaling makes them rational, and ``V`` is in general defined over
``Q(ζ)`` only.  The ideal over Q is what the equations of a closure over Q can be:

**The rational ideal is that of the Galois orbit.**  ``I(V) ∩ Q[c]`` is the ideal of the smallest
variety defined over Q containing ``V``: the union of the conjugates ``σ_a(V)`` (``a ∈ (Z/T)^×``,
``σ_a(ζ) = ζ^a``), each the closure of the type with the positions ``S_j(a^{-1}k)``; a rational
``f`` vanishes on ``V`` iff on every conjugate (apply ``σ_a`` to ``f∘φ = 0``), so the union has
exactly the ideal ``I(V) ∩ Q[c]`` — equivalently, generated in each degree by the norms
``Π_a σ_a(g)`` of ``V``'s equations ``g`` up to radical.  It is irreducible over Q, of the
dimension ``d = 1 + #real classes + 2·#pairs`` of ``V``; when ``S`` is invariant under every
``k ↦ ak`` up to rotation (e.g. the full orbit, or ``T | 4, 6``) it is ``V`` itself.

**Exact interpolation over Q(ζ).**  ``φ`` is bihomogeneous (``c_i`` has degree 1 in ``λ`` and
``i − μ_0`` in ``h``), so the ideal is spanned by its pieces of bidegree ``(δ, Σ i e_i = w)``,
and ``f∘φ = λ^δ h^{w − δμ_0} g(ρ)``: it suffices to set ``λ = h = 1``.  For a piece with ``u``
monomials the unknown rational coefficients satisfy one linear condition per power basis
element ``1, ζ, …, ζ^{φ(T)−1}`` at every integer point ``ρ`` (the values of the coordinates in
``Z[x]/Φ_T(x)``); the kernel of these rows over Q contains the piece of the ideal, and every
kernel vector is then checked by exact substitution (``f∘φ`` reduced modulo ``Φ_T``), so the
kernel *is* the piece: each degree is complete, exactly (no probability).  The generators are
the kernel vectors not in the span of the lower generators times monomials.

**Certificates.**  The dimension is the rank of the Jacobian at an integer point modulo a prime
``p ≡ 1 (mod T)`` with ``ζ`` sent to a root of unity of order ``T`` (a ring map from ``Z[ζ]``,
so a rank reached modulo ``p`` is a lower bound), against the ``d`` parameters left after
``h = 1``.  The whole ideal is certified when the vanishing coordinates fill it (dimension =
number of the other coordinates) or when the closure is a hypersurface in the non-zero
coordinates and an equation is irreducible over Q: the union is Q-irreducible, so its ideal there
is a height-one prime of a UFD, principal.  Otherwise it is complete up to the degree run.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cached_property
from itertools import combinations_with_replacement
from typing import Any

import flint

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.printing import poly_text
from lcnalg.real.orbit_description import RootType
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["CyclotomicStratumMap", "RationalStratumEquations", "rational_stratum_equations", "galois_orbit"]


def _cyclotomic(T: int) -> flint.fmpz_poly:
    return flint.fmpz_poly.cyclotomic(T) if hasattr(flint.fmpz_poly, "cyclotomic") else _cyclo_slow(T)


def _cyclo_slow(T: int) -> flint.fmpz_poly:
    out = flint.fmpz_poly([-1] + [0] * (T - 1) + [1])
    for d in range(1, T):
        if T % d == 0:
            out = out // _cyclo_slow(d)
    return out


def _classes(rtype: RootType) -> tuple[int, list[tuple[int, ...]], int]:
    """``(μ_0, position vectors of the complex classes, μ_∞)``."""
    if not isinstance(rtype, RootType):
        raise InputError(f"rtype: expected a RootType, got {type(rtype).__name__}")
    T = rtype.T
    mu0 = mu_inf = 0
    classes: list[tuple[int, ...]] = []
    for kind, S in rtype.blocks:
        if kind == "zero":
            mu0 = S[0]
        elif kind == "infinity":
            mu_inf = S[0]
        else:
            classes.append(tuple(S))
            if kind == "pair":
                classes.append(tuple(S[-k % T] for k in range(T)))
    return mu0, classes, mu_inf


def galois_orbit(rtype: RootType) -> tuple[tuple[tuple[int, ...], ...], ...]:
    """The complex classes of the conjugates ``σ_a`` (``a`` prime to ``T``) of a type, each class
    up to rotation, sorted: two types whose orbits meet have the same closure over Q.

    Examples
    --------
    >>> sorted(galois_orbit(RootType(5, (("positive", (0, 1, 0, 0, 1)),))))    # ζ^{±1} and ζ^{±2}
    [((0, 0, 0, 1, 1),), ((0, 0, 1, 0, 1),)]
    """
    _, classes, _ = _classes(rtype)
    T = rtype.T

    def rot(S: tuple) -> tuple:
        return min(tuple(S[(k + c) % T] for k in range(T)) for c in range(T))

    out = set()
    for a in range(1, T + 1):
        if math.gcd(a, T) != 1:
            continue
        out.add(tuple(sorted(rot(tuple(S[(a * k) % T] for k in range(T))) for S in classes)))
    return tuple(sorted(out))


class CyclotomicStratumMap:
    """``φ`` at ``λ = h = 1`` with coefficients in ``Z[x]/Φ_T(x)`` (``x = ζ``; module docstring).

    Parameters
    ----------
    rtype : RootType
    degree : int
        The formal degree ``D`` of the filters (coordinates ``c0, …, cD``).

    Examples
    --------
    >>> phi = CyclotomicStratumMap(RootType(5, (("positive", (0, 1, 0, 0, 1)),)), 2)
    >>> [str(c) for c in phi.coordinates]          # ρ²ζ⁵ − ρ(ζ + ζ⁴)z + z², ζ⁴ = −1 − ζ − ζ² − ζ³
    ['rho1^2', 'x^3*rho1 + x^2*rho1 + rho1', '1']
    """

    def __init__(self, rtype: RootType, degree: int) -> None:
        mu0, classes, _ = _classes(rtype)
        if not isinstance(degree, int) or degree < mu0 + sum(sum(S) for S in classes):
            raise InputError(f"degree: {degree} is below the number of roots of the type {rtype.to_text()}")
        self.rtype, self.T, self.degree = rtype, rtype.T, degree
        self.mu0, self.classes, self.mu_inf = _classes(rtype)
        self.cyclotomic = _cyclotomic(self.T)
        self.names = ("x",) + tuple(f"rho{j}" for j in range(1, len(self.classes) + 1))
        self.ring = integer_ring(self.names, order="lex")
        self.coordinate_names = tuple(f"c{i}" for i in range(degree + 1))
        self.coordinate_ring = integer_ring(self.coordinate_names)

    @property
    def dimension_bound(self) -> int:
        """``1 + #complex classes``: ``λ`` and the bases (``h = 1``)."""
        return 1 + len(self.classes)

    def reduce(self, p: flint.fmpz_mpoly) -> flint.fmpz_mpoly:
        """``p`` modulo ``Φ_T(x)`` (``x``-degree below ``φ(T)``)."""
        groups: dict[tuple, dict[int, int]] = {}
        for m, c in zip(p.monoms(), p.coeffs()):
            groups.setdefault(tuple(m[1:]), {})[int(m[0])] = int(c)
        out = {}
        for rest, xs in groups.items():
            u = flint.fmpz_poly([xs.get(e, 0) for e in range(max(xs) + 1)]) % self.cyclotomic
            for e, c in enumerate(u.coeffs()):
                if c:
                    out[(e,) + rest] = int(c)
        return self.ring.from_dict(out)

    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coefficients ``c_0, …, c_D`` of ``z^{μ_0} Π_j Π_k (z − ρ_j x^k)^{S_{j,k}}`` mod ``Φ_T``."""
        R = self.ring
        gens = R.gens()
        x = gens[0]
        one = R.from_dict({(0,) * len(gens): 1})
        poly = [one]
        for j, S in enumerate(self.classes):
            rho = gens[1 + j]
            for k, s in enumerate(S):
                root = self.reduce(rho * x ** k)
                for _ in range(s):
                    new = [R.from_dict({})] * (len(poly) + 1)
                    for i, a in enumerate(poly):
                        new[i] = new[i] - a * root
                        new[i + 1] = new[i + 1] + a
                    poly = [self.reduce(a) for a in new]
        out = [R.from_dict({})] * self.mu0 + poly
        out += [R.from_dict({})] * (self.degree + 1 - len(out))
        return tuple(out[:self.degree + 1])

    @property
    def support(self) -> tuple[int, ...]:
        return tuple(i for i, c in enumerate(self.coordinates) if not c.is_zero())

    def values(self, rho: list[int]) -> list[flint.fmpz_poly]:
        """The coordinates at integer bases, as elements of ``Z[x]/Φ_T``."""
        out = []
        for c in self.coordinates:
            coeffs: dict[int, int] = {}
            for m, a in zip(c.monoms(), c.coeffs()):
                coeffs[int(m[0])] = coeffs.get(int(m[0]), 0) + int(a) * math.prod(
                    r ** int(e) for r, e in zip(rho, m[1:]))
            out.append(flint.fmpz_poly([coeffs.get(e, 0) for e in range(max(coeffs, default=0) + 1)]))
        return out

    def vanishes(self, f: flint.fmpz_mpoly) -> bool:
        """Exact: is ``f∘φ = 0`` (in ``Z[ζ][ρ]``)?  Any ``f`` in ``c0, …``: its bihomogeneous parts
        vanish separately, and each at ``λ = h = 1`` iff everywhere."""
        coords = [c for c in self.coordinates]
        composed = f.compose(*coords, ctx=self.ring) if len(coords) else f
        return self.reduce(composed).is_zero()

    def rank_mod_p(self, seed: int) -> int:
        """Rank of the Jacobian of ``(λ c_i)`` in ``(λ, ρ)`` at a random point modulo a prime
        ``p ≡ 1 (mod T)``, ``x`` a root of unity of order ``T`` (a lower bound for the dimension)."""
        rng = random.Random(seed)
        p = next(q for q in range(1000003 - (1000003 % self.T) + 1, 10**7, self.T) if flint.fmpz(q).is_prime())
        g = next(w for w in (pow(b, (p - 1) // self.T, p) for b in range(2, p))
                 if all(pow(w, self.T // q, p) != 1 for q in _prime_factors(self.T)))
        best = 0
        for _ in range(3):
            pt = [g] + [rng.randrange(1, p) for _ in self.classes]
            lam = rng.randrange(1, p)
            rows = []
            for c in self.coordinates:
                row = [int(c(*pt)) % p]                                      # ∂/∂λ of λ c
                row += [lam * int(c.derivative(1 + j)(*pt)) % p for j in range(len(self.classes))]
                rows.append(row)
            best = max(best, flint.nmod_mat(rows, p).rank())
            if best >= self.dimension_bound:
                break
        return best


def _prime_factors(n: int) -> list[int]:
    return [q for q in range(2, n + 1) if n % q == 0 and all(q % r for r in range(2, q))]


@dataclass(frozen=True)
class RationalStratumEquations:
    """The rational ideal of a type stratum's closure (module docstring).

    Attributes
    ----------
    polynomials : tuple of flint.fmpz_mpoly
        Minimal generators up to ``complete_up_to_degree`` (vanishing coordinates first).
    equations : tuple of str
    dimension : int
    dimension_certified : bool
    complete_up_to_degree : int
    certified : bool
    certificate : str
    conjugates : int
        Number of distinct Galois conjugates of the closure (1: defined over Q).
    """

    polynomials: tuple
    equations: tuple
    dimension: int
    dimension_certified: bool
    complete_up_to_degree: int
    certified: bool
    certificate: str
    conjugates: int


def rational_stratum_equations(rtype: RootType, degree: int, *, max_degree: int, seed: int = 0,
                               limits: Limits | None = None) -> RationalStratumEquations:
    """The generators of ``I(V) ∩ Q[c]`` up to ``max_degree`` (``V`` the closure of the stratum).

    Parameters
    ----------
    rtype : RootType
    degree : int
        Formal degree ``D`` of the filters.
    max_degree : int
    seed : int
    limits : Limits, optional
        ``max_monomials`` (monomials of the top degree, up front) and ``max_matrix_entries``
        (each exact linear system, up front).

    Returns
    -------
    RationalStratumEquations

    Raises
    ------
    InputError
        A malformed argument.
    ResourceLimitError

    Examples
    --------
    >>> r = rational_stratum_equations(RootType(5, (("positive", (0, 1, 0, 0, 1)),)), 2, max_degree=4)
    >>> r.equations, r.certified, r.conjugates          # (c1² − t²c0c2)(c1² − t'²c0c2), t = 2cos(2π/5)
    (('c1^4 - 3*c0*c1^2*c2 + c0^2*c2^2',), True, 2)
    """
    _classes(rtype)
    degree = checks.integer(degree, "degree", low=0, form="a non-negative integer")
    max_degree = checks.integer(max_degree, "max_degree", low=1, form="a positive integer")
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    phi = CyclotomicStratumMap(rtype, degree)
    support = phi.support
    n = len(support)
    count = math.comb(n + max_degree - 1, max_degree) if n else 0
    limits.check("max_monomials", f"monomials of degree {max_degree} in {n} coordinates", count)
    rank = phi.rank_mod_p(seed)
    dim_ok = rank == phi.dimension_bound
    Q = phi.coordinate_ring
    nvars = degree + 1
    zeros = [Q.from_dict({tuple(1 if j == i else 0 for j in range(nvars)): 1})
             for i in range(nvars) if i not in support]
    gens: list[flint.fmpz_mpoly] = []
    rng = random.Random(seed)
    e = phi.cyclotomic.degree()
    done = 0
    filling = dim_ok and rank == n
    for d in range(1, max_degree + 1):
        if filling or n <= 1:
            done = max_degree
            break
        if gens and _hypersurface(gens, rank, n, dim_ok):
            done = max_degree
            break
        pieces: dict[int, list[tuple[int, ...]]] = {}
        for combo in combinations_with_replacement(support, d):
            pieces.setdefault(sum(combo), []).append(combo)
        for w, monos in sorted(pieces.items()):
            u = len(monos)
            limits.check("max_matrix_entries", f"entries of an exact interpolation system ({u} monomials)",
                         u * (u + 2 * e))
            gens.extend(_piece(phi, monos, gens, rng, nvars))
        done = d
    polys = tuple(zeros) + tuple(sorted(gens, key=lambda p: (int(p.total_degree()), str(p))))
    certified, why = False, ""
    if filling:
        certified, why = True, ("the certified dimension equals the number of coordinates that are not identically "
                                "zero: the vanishing coordinates generate the ideal")
    elif _hypersurface(gens, rank, n, dim_ok):
        certified, why = True, ("the closure over Q is irreducible (one Galois orbit) of codimension one in the "
                                "subspace of the non-zero coordinates, so its ideal there is principal, generated by "
                                "its equation irreducible over Q (FLINT factorization), with the vanishing coordinates")
    return RationalStratumEquations(
        polynomials=polys, equations=tuple(poly_text(p) for p in polys), dimension=rank,
        dimension_certified=dim_ok, complete_up_to_degree=done, certified=certified,
        certificate=why or f"complete up to degree {done} (exact interpolation over Q(ζ_{rtype.T}))",
        conjugates=len(galois_orbit(rtype)))


def _hypersurface(gens: list, rank: int, n: int, dim_ok: bool) -> bool:
    if not (dim_ok and rank == n - 1 and len(gens) == 1):
        return False
    _, factors = mpoly_factor(gens[0])
    return len(factors) == 1 and factors[0][1] == 1


def _piece(phi: CyclotomicStratumMap, monos: list[tuple[int, ...]], gens: list, rng: random.Random,
           nvars: int) -> list[flint.fmpz_mpoly]:
    """The new generators of one bidegree piece (module docstring): the kernel of the exact
    evaluation rows, each vector checked by substitution, minus the span of the lower generators."""
    Q = phi.coordinate_ring
    u = len(monos)
    index = {m: i for i, m in enumerate(monos)}
    e = phi.cyclotomic.degree()

    def vec(f: flint.fmpz_mpoly) -> list[int]:
        v = [0] * u
        for m, c in zip(f.monoms(), f.coeffs()):
            combo = tuple(i for i in range(nvars) for _ in range(int(m[i])))
            v[index[combo]] = int(c)
        return v

    # multiples of the lower generators that land in this piece
    old = []
    for g in gens:
        gd = int(g.total_degree())
        gm = g.monoms()[0]
        gw = sum(i * int(x) for i, x in enumerate(gm))
        d = len(monos[0])
        w = sum(monos[0])
        if gd >= d:
            continue
        for combo in combinations_with_replacement(range(nvars), d - gd):
            if sum(combo) != w - gw:
                continue
            mono = Q.from_dict({tuple(combo.count(i) for i in range(nvars)): 1})
            prod = mono * g
            if all(tuple(i for i in range(nvars) for _ in range(int(m[i]))) in index for m in prod.monoms()):
                old.append(vec(prod))
    points = max(2, -(-u // e) + 2)
    bound = 3
    while True:
        rows = []
        for _ in range(points):
            vals = phi.values([rng.randint(-bound, bound) or 1 for _ in phi.classes])
            mvals = []
            for combo in monos:
                acc = flint.fmpz_poly([1])
                for i in combo:
                    acc = (acc * vals[i]) % phi.cyclotomic
                mvals.append(acc)
            for j in range(e):
                rows.append([int(mv.coeffs()[j]) if j < len(mv.coeffs()) else 0 for mv in mvals])
        kernel, nullity = flint.fmpz_mat(rows).nullspace()
        basis = [[int(kernel[i, j]) for i in range(u)] for j in range(nullity)]
        polys = [Q.from_dict({tuple(m.count(i) for i in range(nvars)): c for m, c in zip(monos, v) if c})
                 for v in basis]
        if all(phi.vanishes(p) for p in polys):
            break
        points *= 2
        bound += 2
    out = []
    span = [r for r in old]
    r0 = flint.fmpz_mat(span).rank() if span else 0
    for p, v in zip(polys, basis):
        trial = span + [v]
        r1 = flint.fmpz_mat(trial).rank()
        if r1 > r0:
            g = p.primitive()[1] if hasattr(p, "primitive") else p
            out.append(-g if g.leading_coefficient() < 0 else g)
            span, r0 = trial, r1
    return out
