"""Equations and dimension of the Zariski closure of the relative boundary ``∂_V M`` in 2D (docs/theory.md#boundary-closure-2d).

Two 2D families have ``∂_V M \\ {0}`` as a finite union of explicit strata, each decided at points
exactly: 2D stride one (:mod:`lcnalg.real.pattern_boundary`: the strata ``T_ρ = {P : ρ(P) = ρ}``,
``ρ`` a factor list, :func:`~lcnalg.real.pattern_boundary.boundary_factor_lists`) and 2D with layer 1
the only layer at stride ``(1, 1)`` and the others at one stride ``(a, b)``
(:mod:`lcnalg.real.polyphase_boundary_2d`: ``T_{δ,ρ} = {A·Q(x^a, y^b) : deg A = δ', ρ(Q) = ρ,
gcd of the polyphase components of A = 1}``, :func:`~lcnalg.real.polyphase_boundary_2d.boundary_strata`).
So the Zariski closure of ``∂_V M`` is the union of the closures of these strata, and its
irreducible components are the maximal ones among them.

**The closure of one stratum.**  A factor list ``ρ`` lists, per distinct real irreducible factor,
its type ``R(d)`` (absolutely irreducible of bidegree ``d``) or ``C(d)`` (``h h̄`` with ``h`` of
bidegree ``d``) and its exponent ``e``.  Over ``C`` a factor ``R(d)`` becomes one free factor
``F`` of bidegree ``≤ d`` and ``C(d)`` two *independent* free factors ``G, G'`` of bidegree
``≤ d`` (``(h, h̄) = (u + iv, u − iv)`` is a complex linear change of coordinates of the real
``(u, v)``, and real points are Zariski dense), each raised to ``e``; the stride-one part ``A``
(polyphase case) is a free factor of bidegree ``≤ δ'``.  This is the polynomial map over Z

    ``φ_ρ : (A, F_1, …) ↦ A(x, y) · Π_j F_j(x^a, y^b)^{e_j}``  (``A = 1``, ``(a, b) = (1, 1)`` for stride one),

and the stratum is its image over ``R`` minus a proper Zariski-closed set (factors that are not
absolutely irreducible, of lower bidegree, coinciding, or a polyphase gcd of ``A`` — each a
proper closed condition on a product of affine spaces), so ``closure(T) = closure(φ_ρ(C^N))``,
irreducible.  Its dimension: the torus of rescalings ``F_j ↦ s_j F_j`` with ``Π s_j^{e_j} = 1``
(dimension ``#groups − 1``) acts on the fibres, so ``dim ≤ N − #groups + 1``; the exact Jacobian
rank at an integer point is a lower bound; when they meet the dimension is exact (it is the
formula ``1 + Σ_R (#d − 1) + Σ_C 2(#d − 1)`` (``+ #δ' − 1``) of the dimension search, checked
here independently).  Strata with the same multiset of complex factor groups (bidegree and
exponent per free factor, and ``δ'``) have the same map up to relabelling, so the same closure.

**Components.**  The distinct closures are taken by decreasing dimension; one is implicitized
(multigraded interpolation of :mod:`lcnalg.algebra.plain_interpolation`: every equation verified
by exact substitution, completeness proved up to the degree run, the ideal certified by
elimination when small) unless the generators of an earlier *certified* component vanish on its
map identically (exact substitution of ``φ_ρ`` into them: then its closure lies in that
component).  A closure can lie only in one of larger dimension, so every implicitized closure not
placed is a component (when the earlier ideals are certified; otherwise it is listed as possibly
contained).  The dimension of the union is the largest, compared with the reported one.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import flint

from lcnalg import checks
from lcnalg.algebra.implicitization import ImplicitEquations
from lcnalg.algebra.plain_interpolation import equations_up_to_degree
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.network_map import PolynomialNetworkMap
from lcnalg.real.boundary_equations import boundary_arguments
from lcnalg.real.pattern_boundary import boundary_factor_lists, factors_text, stratum_dimension
from lcnalg.real.patterns import stride_one_2d
from lcnalg.real.polyphase_2d import polyphase_2d_shape
from lcnalg.real.polyphase_boundary_2d import boundary_strata
from lcnalg.rings import integer_ring

__all__ = ["FactorProductMap", "ClosureComponent", "RelativeBoundaryClosure2D", "relative_boundary_closure_2d",
           "stratum_maps", "stratum_key", "DEFAULT_MAX_DEGREE"]

#: Highest degree interpolated per component by default.
DEFAULT_MAX_DEGREE = 6


class _Groups:
    """What the interpolation engine reads of an architecture: a text and the number of parameter groups."""

    def __init__(self, text: str, groups: int) -> None:
        self.text, self.num_layers = text, groups

    def merged_over_c(self) -> "_Groups":
        return self

    def __str__(self) -> str:
        return self.text


class FactorProductMap(PolynomialNetworkMap):
    """``φ_ρ : (A, F_1, …) ↦ A(x, y)·Π_j F_j(x^a, y^b)^{e_j}`` over Z (module docstring).

    Parameters
    ----------
    box : (int, int)
        The end-to-end bidegree: coordinates ``c{i}_{j}`` (``x^i y^j``) for ``i ≤ box[0]``, ``j ≤ box[1]``.
    factors : tuple of ((str, int, int), int)
        A factor list ``ρ``: ``(("R" or "C", d_x, d_y), exponent)`` per distinct real irreducible factor.
    strides : (int, int)
        ``(a, b)``: the factors are composed with ``x^a, y^b``.
    rest : (int, int) or None
        The bidegree of the free stride-one factor ``A`` (None: no such factor).
    limits : Limits, optional

    Raises
    ------
    InputError
        When the product does not fit in ``box``.

    Examples
    --------
    >>> phi = FactorProductMap((2, 0), ((("R", 1, 0), 2),))           # (f0 + f1 x)^2
    >>> [str(c) for c in phi.coordinates]
    ['f1_0_0^2', '2*f1_0_0*f1_1_0', 'f1_1_0^2']
    >>> phi.certified_dimension()
    (2, True)
    """

    def __init__(self, box: tuple[int, int], factors: Any, strides: tuple[int, int] = (1, 1),
                 rest: tuple[int, int] | None = None, limits: Limits | None = None) -> None:
        self.limits = Limits.coerce(limits)
        self.box, self.factors, self.strides, self.rest = tuple(box), tuple(factors), tuple(strides), rest
        a, b = self.strides
        groups: list[tuple[str, tuple[int, int], int, int]] = []   # (prefix, bidegree, exponent, stride flag)
        if rest is not None:
            groups.append(("a", tuple(rest), 1, 0))
        for k, ((kind, dx, dy), e) in enumerate(self.factors, start=1):
            groups.append((f"f{k}", (dx, dy), e, 1))
            if kind == "C":
                groups.append((f"g{k}", (dx, dy), e, 1))
        if not groups:
            groups.append(("f0", (0, 0), 1, 1))
        top = [rest[0] if rest else 0, rest[1] if rest else 0]
        for _, (dx, dy), e, _s in groups[1 if rest is not None else 0:]:
            top[0] += a * dx * e
            top[1] += b * dy * e
        if top[0] > self.box[0] or top[1] > self.box[1]:
            raise InputError(f"factors: the product has bidegree {tuple(top)}, beyond the box {self.box}")
        names: list[str] = []
        slices = []
        for prefix, (dx, dy), _, _s in groups:
            lo = len(names)
            names += [f"{prefix}_{i}_{j}" for i in range(dx + 1) for j in range(dy + 1)]
            slices.append((lo, len(names)))
        self.groups = tuple(groups)
        self.parameter_names = tuple(names)
        self.coordinate_names = tuple(f"c{i}_{j}" for i in range(self.box[0] + 1) for j in range(self.box[1] + 1))
        self.layer_slices = tuple(slices)
        self.layer_degrees: tuple[int, ...] = tuple(g[2] for g in groups)
        text = factors_text(self.factors) + (f" at stride {self.strides} times A of bidegree {rest}" if rest else "")
        self.architecture = _Groups(f"closure of the stratum {text}", len(groups))

    @property
    def upper_dimension(self) -> int:
        """``N − #groups + 1``: the parameters minus the torus of rescalings acting on the fibres."""
        return self.num_parameters - len(self.groups) + 1

    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coefficients of the product, row-major over the box."""
        R = self.ring
        gens = R.gens()
        a, b = self.strides
        prod: dict = {(0, 0): R.from_dict({(0,) * len(gens): 1})}
        for (prefix, (dx, dy), e, strided), (lo, _) in zip(self.groups, self.layer_slices):
            sx, sy = (a, b) if strided else (1, 1)
            factor = {(sx * i, sy * j): gens[lo + i * (dy + 1) + j] for i in range(dx + 1) for j in range(dy + 1)}
            for _ in range(e):
                out: dict = {}
                for (i, j), p in prod.items():
                    for (k, l), q in factor.items():
                        key = (i + k, j + l)
                        out[key] = out[key] + p * q if key in out else p * q
                prod = out
        zero = R.from_dict({})
        return tuple(prod.get((i, j), zero) for i in range(self.box[0] + 1) for j in range(self.box[1] + 1))

    def stratum_point(self, seed: int = 0, bound: int = 9) -> tuple[int, ...]:
        """A real integer point of the form of the stratum: ``A·Π G_r^e · Π (u_c² + v_c²)^e`` at ``(x^a, y^b)``,
        each ``G_r, u_c, v_c`` (and ``A``) with random integer coefficients in ``[−bound, bound]`` of the
        factor's bidegree (the leading one nonzero): ``φ_ρ`` at ``h_c = u_c + i v_c``, ``h'_c = u_c − i v_c``,
        so a point of the closure, and of the stratum itself when the factors are generic (absolutely
        irreducible, coprime; checked by the caller).

        Examples
        --------
        >>> FactorProductMap((2, 0), ((("C", 1, 0), 1),)).stratum_point(seed=3)   # −2(u² + v²), u, v linear in x
        (-106, -124, -68)
        """
        rng = random.Random(checks.seed(seed))
        R = integer_ring(("x", "y"))
        x, y = R.gens()
        a, b = self.strides

        def rand(d: tuple[int, int], sx: int, sy: int) -> Any:
            p = R.from_dict({})
            for i in range(d[0] + 1):
                for j in range(d[1] + 1):
                    c = rng.randint(-bound, bound)
                    if (i, j) == tuple(d) and c == 0:
                        c = 1
                    p += c * x ** (sx * i) * y ** (sy * j)
            return p

        P = rand(self.rest, 1, 1) if self.rest is not None else R.from_dict({(0, 0): rng.choice([-2, -1, 1, 2])})
        for (kind, dx, dy), e in self.factors:
            f = rand((dx, dy), a, b)
            if kind == "C":
                g = rand((dx, dy), a, b)
                f = f * f + g * g
            P *= f ** e
        terms = {(int(t[0]), int(t[1])): int(c) for t, c in P.terms()}
        return tuple(terms.get((i, j), 0) for i in range(self.box[0] + 1) for j in range(self.box[1] + 1))

    def certified_dimension(self, seed: int = 0) -> tuple[int, bool]:
        """``(rank, exact)``: the best exact Jacobian rank at three random integer points (a lower
        bound for the dimension of the image) and whether it meets :attr:`upper_dimension`."""
        rng = random.Random(seed)
        best = 0
        for _ in range(3):
            best = max(best, self.jacobian_rank([rng.randint(1, 97) for _ in self.parameter_names]))
            if best >= self.upper_dimension:
                break
        return best, best == self.upper_dimension


@dataclass(frozen=True)
class ClosureComponent:
    """One irreducible component of the Zariski closure of ``∂_V M`` (2D).

    Attributes
    ----------
    stratum : str
        The stratum it closes (factor list; ``δ, δ'`` in the polyphase case).
    same_closure : tuple of str
        Other strata with the same closure (the same complex factor groups).
    dimension : int
        The exact Jacobian rank (a lower bound; ``exact`` says whether it meets the upper bound).
    exact : bool
    expected : int
        The dimension formula of the stratum (:func:`~lcnalg.real.pattern_boundary.stratum_dimension`).
    equations : ImplicitEquations
    possibly_contained : bool
        True when it was not shown to lie outside the earlier components (their ideals not certified).
    parameterization : FactorProductMap
        ``φ_ρ`` of the stratum (not compared).
    """

    stratum: str
    same_closure: tuple
    dimension: int
    exact: bool
    expected: int
    equations: ImplicitEquations = field(repr=False)
    possibly_contained: bool = False
    parameterization: Any = field(default=None, repr=False, compare=False)

    def text(self) -> str:
        """``dimension d, closure of …: <…> (certified | complete up to degree d)``."""
        how = ("certified" if self.equations.certified
               else f"complete up to degree {self.equations.complete_up_to_degree}")
        return (f"dimension {self.dimension}{'' if self.exact else ' (lower bound)'}, closure of the stratum "
                f"{self.stratum}" + (f" (and of {len(self.same_closure)} other(s))" if self.same_closure else "")
                + (" (possibly contained in an earlier component)" if self.possibly_contained else "")
                + f": <{', '.join(self.equations.equations) or '0'}> ({how})")


@dataclass(frozen=True)
class RelativeBoundaryClosure2D:
    """The Zariski closure of ``∂_V M`` (2D) as a list of components (module docstring).

    Attributes
    ----------
    architecture : str
    family : str
        ``"2D factorization patterns"`` or ``"2D polyphase gcd"``.
    components : tuple of ClosureComponent
    placed : tuple of str
        Strata whose closure was shown (exact substitution) to lie in a component.
    dimension : int
        The largest component dimension.
    certified : bool
        Every ideal certified, every dimension exact and no component possibly contained.
    samples : tuple of tuple of int
        Per component, a real integer point of its stratum's form (:meth:`FactorProductMap.stratum_point`):
        in the component, and on ``∂_V M`` unless its random factors degenerate.
    seconds : float
    """

    architecture: str
    family: str
    components: tuple
    placed: tuple
    dimension: int
    certified: bool
    samples: tuple = ()
    seconds: float = 0.0

    def ideals(self) -> list[tuple[str, ...]]:
        """The generators of each component."""
        return [c.equations.equations for c in self.components]

    def contains(self, filt: Any) -> bool:
        """Exact: do the generators of some component vanish at the integer filter (flat row-major)?"""
        vals = [flint.fmpz(int(x)) for x in filt]
        return any(all(p(*vals) == 0 for p in c.equations.polynomials) for c in self.components)

    def to_text(self) -> str:
        head = (f"Zariski closure of the relative boundary of M[{self.architecture}] ({self.family}): "
                f"{len(self.components)} component(s), dimension {self.dimension}"
                + ("" if self.certified else " (not all certified)"))
        return "\n".join([head] + ["  " + c.text() for c in self.components])


def stratum_maps(arch: Architecture | str, limits: Limits | None = None
                 ) -> tuple[str, list[tuple[str, FactorProductMap, int]]]:
    """The family and, per stratum of ``∂_V M \\ {0}`` (largest first), its text, its map ``φ_ρ`` and the
    dimension formula of the search.

    Raises
    ------
    InputError
        When the architecture is in neither 2D family.

    Examples
    --------
    >>> family, maps = stratum_maps("2x2,2x2 s=2x1")
    >>> family, maps[0][0], maps[0][2]
    ('2D polyphase gcd', 'R(0,1)^2*R(1,0) (deg P = (3, 2), deg A = (1, 0))', 4)
    """
    a = Architecture.coerce(arch)
    limits = Limits.coerce(limits)
    if a.ndim != 2 or a.activation is not None or a.channels is not None:
        raise InputError(f"arch: expected a 2D linear architecture with one channel, got {str(arch)[:60]}")
    box = (a.end_to_end_filter_shape[0] - 1, a.end_to_end_filter_shape[1] - 1)
    if stride_one_2d(a):
        out = []
        for rho in boundary_factor_lists(a, limits):
            out.append((factors_text(rho), FactorProductMap(box, rho, limits=limits), stratum_dimension(rho)))
        return "2D factorization patterns", out
    shape = polyphase_2d_shape(a)
    if shape is None:
        raise InputError(f"arch: expected a 2D linear one-channel architecture with every layer at stride (1, 1), "
                         f"or with layer 1 the only one at stride (1, 1) and the others at one stride, got {a}")
    out = []
    for degree, rest, rho in boundary_strata(a, limits):
        phi = FactorProductMap(box, rho, shape.strides, rest, limits)
        out.append((f"{factors_text(rho)} (deg P = {degree}, deg A = {rest})", phi,
                    (rest[0] + 1) * (rest[1] + 1) + stratum_dimension(rho) - 1))
    return "2D polyphase gcd", out


def stratum_key(phi: FactorProductMap) -> tuple:
    """What decides the closure of a stratum: ``δ'`` and the multiset of (bidegree, exponent) of the free factors
    (module docstring); equal keys, equal closures."""
    return (phi.rest, tuple(sorted((d, e) for _, d, e, s in phi.groups if s)))


def relative_boundary_closure_2d(arch: Architecture | str, *, max_degree: int | None = None, seed: int = 0,
                                 certify: bool | None = None, limits: Limits | None = None
                                 ) -> RelativeBoundaryClosure2D:
    """The components of the Zariski closure of ``∂_V M`` with their ideals and exact dimensions (2D).

    Parameters
    ----------
    arch : Architecture or str
        2D linear, one channel, ``M ≠ V(R)``: every layer at stride ``(1, 1)``, or layer 1 the only
        one at stride ``(1, 1)`` and the others at one stride.
    max_degree : int, optional
        Highest degree interpolated per component (default :data:`DEFAULT_MAX_DEGREE`).
    seed : int
    certify : bool or None
        Passed to the interpolation (elimination certificate always / never / when small).
    limits : Limits, optional
        The bounds of the strata searches; ``max_strata`` the number of components implicitized
        (refused before the first), ``max_monomials`` each interpolation.

    Returns
    -------
    RelativeBoundaryClosure2D

    Raises
    ------
    InputError
        Another architecture, or ``M = V(R)`` (no relative boundary beyond 0).
    ResourceLimitError
        When a bound is exceeded (the option is named).

    Examples
    --------
    >>> r = relative_boundary_closure_2d("2x2,2x2 s=2x1")   # A(x, y)·g(y^1)^2 h(x^2): 4-dimensional
    >>> r.dimension, len(r.components), r.certified
    (4, 1, True)
    """
    start = time.perf_counter()
    a, max_degree, seed, certify, limits = boundary_arguments(arch, 2, max_degree, seed, certify, limits,
                                                              DEFAULT_MAX_DEGREE)
    family, maps = stratum_maps(a, limits)
    if not maps:
        raise InputError(f"arch: M[{a}] has no relative boundary beyond 0 (M = V(R))")
    distinct: dict = {}
    for text, phi, expected in maps:
        distinct.setdefault(stratum_key(phi), []).append((text, phi, expected))
    ranked = sorted(distinct.values(), key=lambda grp: -grp[0][2])
    components: list[ClosureComponent] = []
    samples: list[tuple[int, ...]] = []
    placed: list[str] = []
    rng = random.Random(seed)
    for grp in ranked:
        text, phi, expected = grp[0]
        if any(c.equations.certified and phi.vanishes_on(c.equations.polynomials) for c in components):
            placed.extend(t for t, _, _ in grp)
            continue
        limits.check("max_strata", "closures of relative-boundary strata implicitized", len(components) + 1)
        rank, exact = phi.certified_dimension(seed)
        eqs = equations_up_to_degree(
            phi, max_degree=max_degree, seed=seed, dimension=rank, certify=certify, limits=limits,
            architecture=str(phi.architecture),
            method=lambda g: (f"implicitization of the factor-product parameterization: multigraded interpolation "
                              f"over GF(p) ({g.rank} weights), rational reconstruction, exact substitution check"),
            how_to_certify="certify=True, or a larger max_degree")
        maybe = any(not c.equations.certified and c.dimension > rank for c in components)
        components.append(ClosureComponent(text, tuple(t for t, _, _ in grp[1:]), rank, exact, expected, eqs, maybe,
                                           phi))
        samples.append(phi.stratum_point(rng.randrange(2**32)))
    certified = all(c.exact and c.equations.certified and not c.possibly_contained for c in components)
    return RelativeBoundaryClosure2D(
        architecture=str(a), family=family, components=tuple(components), placed=tuple(placed),
        dimension=max(c.dimension for c in components), certified=certified, samples=tuple(samples),
        seconds=time.perf_counter() - start)
