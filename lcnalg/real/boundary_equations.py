"""Equations of the Zariski closure of the relative boundary ``∂_V M`` (1D, docs/theory.md#boundary-equations).

For a 1D linear architecture ``∂_V M`` is a finite union of root-orbit type strata (plus ``0``;
:func:`~lcnalg.real.orbit_description.relative_boundary_types`), so its Zariski closure is the
union of the closures of those strata; a stratum lying in the closure of another adds nothing.

**The closure of one type stratum.**  A filter of type ``κ`` is ``λ z^{μ_0} Π_B Π_k (z − ρ_B
ζ^k)^{S_k}`` (with the mirror factors of a pair, of formal degree ``D``, ``μ_∞`` roots at
infinity), ``λ`` real, the class bases ``ρ_B`` free (real classes: ``ρ^T`` of the block's sign;
pairs: ``ρ`` complex) and distinct classes.  When ``T`` divides 4 or 6 every root is a point
of the lattice ``Z[g]`` (``g = i`` for ``T | 4``, ``g = ω = e^{2πi/3}`` for ``T ∈ {3, 6}``)
scaled by real parameters: ``ζ ∈ Z[g]``, a real class has the base ``r`` (``a > 0``) or
``r·β_T`` (``a < 0``; ``β_T = −1, i, 1 + ω, 1 + i, 2 + ω`` for ``T = 1, 2, 3, 4, 6``, with
``β_T^T < 0``), and a pair the base ``x + y g``.  A conjugate pair of roots ``u + vg`` and its
conjugate gives the real quadratic ``z² − tr z + N`` (``tr = 2u, N = u² + v²`` for ``g = i``;
``tr = 2u − v, N = u² − uv + v²`` for ``g = ω``), a real root the factor ``z − u``, so the
coefficients are integer polynomials in the real parameters ``(λ, r, x, y, …)``: a polynomial
map ``φ_κ : R^{d} → R^{D+1}`` whose image is the stratum's closure up to a Zariski-closed
subset (the excluded coincidences of class values), so ``closure(stratum) = closure(φ_κ(R^d))
= closure(φ_κ(C^d))`` (``R^d`` is Zariski dense), an irreducible variety of dimension ``d = 1 +
#real classes + 2·#pairs`` (the fibres of ``φ_κ`` are finite: the roots determine the class
bases up to the finitely many choices of base and order).  The roots are homogenised by one
more parameter ``h`` (factors ``hz − r``), which scales the roots by ``1/h`` and keeps the
stratum (a positive ``h`` keeps every class value's sign), so the image closure is unchanged and
every coordinate is homogeneous of one degree in the parameters (as the elimination certificate
requires).  Its ideal is implicitized by the multigraded interpolation of
:mod:`lcnalg.algebra.plain_interpolation` (each equation verified by exact substitution into
``φ_κ``, completeness proved up to the degree run, the whole ideal certified by elimination
when small).  The dimension ``d`` is certified by the exact Jacobian rank of ``φ_κ`` at an
integer point (lower bound) against the ``d`` parameters modulo ``h`` (upper bound).

**Other ``T``** (the coefficients of ``Π (z − rζ^k)`` lie in ``Q(cos 2π/T)``; no real rescaling
makes them rational for every position set).  Over ``C`` every class is ``{ρζ^k}`` with a free
complex base ``ρ``, and a rotation of its positions is a change of base; when each class can be
rotated to positions invariant under every ``k ↦ ak`` (``a`` prime to ``T``;
:func:`galois_stable_rotation`, e.g. a full orbit, or a single real root) the class polynomial is
fixed by the Galois group, the map :class:`RationalTypeStratumMap` is over Z, and the route above
applies unchanged (certificates included).  Otherwise the closure is defined over ``Q(ζ_T)`` only
and its equations over Q are those of the union of its Galois conjugates, the norms of its
equations: derived by exact interpolation over ``Q(ζ_T)``
(:func:`~lcnalg.real.cyclotomic_strata.rational_stratum_equations`); types with the same Galois
orbit of complex classes (:func:`rational_key`) share that closure, and lower types are placed by
exact substitution into their own parameterization over ``Z[ζ_T]``.  The components are then
those of the Zariski closure over Q.

**Components.**  Every type of ``∂_V M`` of the top dimension gives a component.  Over ``C``
the real parameters become free complex ones: a real class (either sign) is one class ``{ρζ^k}``
with ``ρ ∈ C`` free (the base ``rβ_T`` ranges over ``C``), a pair is two independent classes
with the position vectors ``S`` and its mirror ``k ↦ −k``, and a rotation of ``S`` is a change
of base.  So two types with the same multiset of complex classes (:func:`complex_key`) have the
same closure; and types with different keys have different closures (a generic point of one has
its complex class structure; points of the other's closure with that structure have
coinciding classes, a proper closed subset).  A lower type is a further component unless the
equations of some top component vanish on its parameterization (certified equations: exactly
``closure ⊆ component``); otherwise it is listed as not shown to be contained.  The dimension
of the union is the top dimension, compared with
:func:`~lcnalg.real.orbit_description.relative_boundary_dimension`.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass, field, replace
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
from lcnalg.real.cyclotomic_strata import CyclotomicStratumMap, galois_orbit, rational_stratum_equations
from lcnalg.real.orbit_description import RootType, relative_boundary_dimension
from lcnalg.real.orbit_tilings import OrbitModel, orbit_model
from lcnalg.real.type_strata import TypeStrata
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["TypeStratumMap", "type_dimension", "BoundaryComponent", "RelativeBoundaryEquations", "complex_key",
           "rational_key", "galois_stable_rotation", "RationalTypeStratumMap",
           "relative_boundary_equations", "boundary_arguments", "DEFAULT_MAX_DEGREE", "AUTO_AMBIENT",
           "AUTO_CERTIFY_ENTRIES"]

#: Default highest degree of the interpolated equations of one component.
DEFAULT_MAX_DEGREE = 6

#: Largest number of coordinates for which :func:`~lcnalg.real.boundary.boundary` derives these
#: equations without being asked (``equations=True`` or a ``max_degree`` asks at any size).
AUTO_AMBIENT = 10

#: ``max_total_entries`` given to the elimination certificate when the equations are derived
#: without being asked (keeps the boundary cheap; an uncertified ideal says up to which degree
#: it is complete).
AUTO_CERTIFY_ENTRIES = 100_000

#: Lattice of the roots: ``g = i`` (``g² = −1``) or ``g = ω`` (``g² = −1 − g``); ζ and the
#: negative-class base ``β_T`` as ``(u, v)`` = ``u + v g``.
_LATTICE = {1: ("i", (1, 0), (-1, 0)), 2: ("i", (-1, 0), (0, 1)), 4: ("i", (0, 1), (1, 1)),
            3: ("w", (0, 1), (1, 1)), 6: ("w", (1, 1), (2, 1))}


def type_dimension(rtype: RootType) -> int:
    """``1 + #real classes + 2·#pairs``: the dimension of a type stratum.

    Examples
    --------
    >>> type_dimension(RootType(2, (("positive", (2, 2)),)))
    2
    """
    return 1 + sum(1 if k in ("positive", "negative") else 2 if k == "pair" else 0 for k, _ in rtype.blocks)


class _Shape:
    """What the interpolation engine reads of an architecture (its text; two parameter groups)."""

    num_layers = 2

    def __init__(self, text: str) -> None:
        self.text = text

    def merged_over_c(self) -> "_Shape":
        return self

    def __str__(self) -> str:
        return self.text


class TypeStratumMap(PolynomialNetworkMap):
    """The homogenised parameterization ``φ_κ`` of the closure of a type stratum (module docstring).

    Parameters ``lam, h`` and per class ``r<j>`` (real) or ``x<j>, y<j>`` (pair); coordinates
    ``c0, …, cD``.

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture (``T`` must divide 4 or 6).
    rtype : RootType
    limits : Limits, optional

    Raises
    ------
    InputError
        When ``T`` divides neither 4 nor 6, or the type is not of the model's ``T``.

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> phi = TypeStratumMap(m, RootType(2, (("positive", (2, 2)),)))
    >>> [str(c) for c in phi.coordinates]                # λ(h²z² − r²)²
    ['lam*r1^4', '0', '-2*lam*h^2*r1^2', '0', 'lam*h^4']
    """

    def __init__(self, model: OrbitModel, rtype: RootType, limits: Limits | None = None) -> None:
        T = model.T if model.levels else 1
        if T not in _LATTICE:
            raise InputError(f"rtype: the closure of a type stratum has rational equations here only for T dividing "
                             f"4 or 6, got T = {T}")
        if rtype.T != T:
            raise InputError(f"rtype: expected a type on Z/{T}, got one on Z/{rtype.T}")
        self.model, self.rtype, self.T = model, rtype, T
        self.limits = Limits.coerce(limits)
        self.architecture = _Shape(f"type stratum {rtype.to_text() or 'constant'} (T = {T})")
        names = ["lam", "h"]
        for j, (kind, _) in enumerate(rtype.blocks, start=1):
            if kind in ("positive", "negative"):
                names.append(f"r{j}")
            elif kind == "pair":
                names += [f"x{j}", f"y{j}"]
        self.parameter_names = tuple(names)
        self.coordinate_names = tuple(f"c{i}" for i in range(model.degree + 1))
        self.layer_slices = ((0, 1), (1, len(names)))
        self.roots = sum(sum(S) * (2 if k == "pair" else 1) for k, S in rtype.blocks if k not in ("zero", "infinity"))
        self.layer_degrees: tuple[int, ...] = (1, self.roots)

    @property
    def dimension(self) -> int:
        """The dimension ``d`` of the stratum (:func:`type_dimension`)."""
        return type_dimension(self.rtype)

    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coefficients ``c_0, …, c_D`` of ``λ z^{μ_0} Π (h z − root)`` (zero beyond ``D − μ_∞``)."""
        R = self.ring
        gens = R.gens()
        lam, h = gens[0], gens[1]
        kind_g, zeta, beta = _LATTICE[self.T]
        one, zero = R.from_dict({(0,) * len(gens): 1}), R.from_dict({})

        def mul(a: tuple, b: tuple) -> tuple:      # (u + v g)(u' + v' g)
            (u, v), (s, t) = a, b
            if kind_g == "i":
                return (u * s - v * t, u * t + v * s)
            return (u * s - v * t, u * t + v * s - v * t)

        def quad(root: tuple) -> list:            # (hz − ρ)(hz − ρ̄) = h²z² − tr h z + N
            u, v = root
            tr, nm = (2 * u, u * u + v * v) if kind_g == "i" else (2 * u - v, u * u - u * v + v * v)
            return [nm, -tr * h, h * h]

        poly = [lam]
        mu0 = 0
        index = 2
        for kind, S in self.rtype.blocks:
            if kind == "zero":
                mu0 = S[0]
                continue
            if kind == "infinity":
                continue
            if kind == "pair":
                base = (gens[index], gens[index + 1])
                index += 2
            else:
                r = gens[index]
                index += 1
                base = (r * one, zero) if kind == "positive" else (r * beta[0], r * beta[1])
            root = base
            roots = []
            for _ in range(self.T):
                roots.append(root)
                root = mul(root, zeta)
            sigma = (lambda k: (-k) % self.T) if kind == "positive" else (lambda k: (-1 - k) % self.T)
            for k, s in enumerate(S):
                if not s:
                    continue
                if kind == "pair":
                    factor = quad(roots[k])
                elif sigma(k) == k:
                    factor = [-roots[k][0], h]       # a real root: v = 0
                elif sigma(k) > k:
                    factor = quad(roots[k])
                else:
                    continue                         # the conjugate position, already taken
                for _ in range(s):
                    poly = _times(poly, factor, zero)
        out = [zero] * mu0 + poly
        out += [zero] * (len(self.coordinate_names) - len(out))
        return tuple(out[:len(self.coordinate_names)])

    def certified_dimension(self, seed: int = 0) -> tuple[int, bool]:
        """``(rank, certified)``: the exact Jacobian rank at an integer point (a lower bound for the
        dimension of the image) and whether it meets the upper bound ``d``."""
        rng = random.Random(seed)
        best = 0
        for _ in range(3):
            theta = [rng.randint(1, 97) for _ in self.parameter_names]
            best = max(best, self.jacobian_rank(theta))
            if best >= self.dimension:
                break
        return best, best == self.dimension


def galois_stable_rotation(rtype: RootType) -> RootType | None:
    """The type with each class's positions rotated to be invariant under every ``k ↦ ak``
    (``a`` prime to ``T``), when such rotations exist (else None): then ``Π_k (z − ρζ^k)^{S_k}``
    is fixed by the Galois group, its coefficients are integer polynomials in ``ρ`` (a rotation is
    a change of base ``ρ ↦ ρζ^c``, so the complex stratum is the same).

    Examples
    --------
    >>> galois_stable_rotation(RootType(5, (("negative", (0, 0, 2, 0, 0)),))).blocks
    (('negative', (2, 0, 0, 0, 0)),)
    >>> galois_stable_rotation(RootType(5, (("positive", (0, 1, 0, 0, 1)),))) is None
    True
    """
    if not isinstance(rtype, RootType):
        raise InputError(f"rtype: expected a RootType, got {type(rtype).__name__}")
    T = rtype.T
    units = [a for a in range(1, T) if math.gcd(a, T) == 1]
    blocks = []
    for kind, S in rtype.blocks:
        if kind in ("zero", "infinity"):
            blocks.append((kind, tuple(S)))
            continue
        for c in range(T):
            R = tuple(S[(k + c) % T] for k in range(T))
            if all(R[(a * k) % T] == R[k] for a in units for k in range(T)):
                blocks.append((kind, R))
                break
        else:
            return None
    return RootType(T, tuple(blocks))


class RationalTypeStratumMap(TypeStratumMap):
    """``φ_κ`` over Z for any ``T`` when the classes can be rotated to Galois-stable positions
    (:func:`galois_stable_rotation`): parameters ``lam, h, rho<j>`` (one complex base per class,
    real parameters being Zariski dense in them), ``c_i = λ h^{i − μ_0} ·`` (the coefficient of
    ``z^i`` in ``z^{μ_0} Π_j Π_k (z − ρ_j ζ^k)^{S_{j,k}}``, an integer polynomial in ``ρ``).

    Examples
    --------
    >>> m = orbit_model(Architecture.parse("2,2,2 s=1,5"))
    >>> phi = RationalTypeStratumMap(m, RootType(5, (("positive", (1, 1, 1, 1, 1)), ("positive", (2, 0, 0, 0, 0)))))
    >>> phi.dimension, [str(c) for c in phi.coordinates][:2]         # λ(h⁵z⁵ − ρ₁⁵)(hz − ρ₂)²
    (3, ['-lam*rho1^5*rho2^2', '2*lam*h*rho1^5*rho2'])
    """

    def __init__(self, model: OrbitModel, rtype: RootType, limits: Limits | None = None) -> None:
        stable = galois_stable_rotation(rtype)
        if stable is None:
            raise InputError(f"rtype: the classes of {rtype.to_text()} cannot be rotated to Galois-stable positions")
        self.model, self.rtype, self.T = model, rtype, rtype.T
        self.limits = Limits.coerce(limits)
        self.cyclotomic_map = CyclotomicStratumMap(stable, model.degree)
        self.architecture = _Shape(f"type stratum {rtype.to_text() or 'constant'} (T = {rtype.T})")
        self.parameter_names = ("lam", "h") + self.cyclotomic_map.names[1:]
        self.coordinate_names = tuple(f"c{i}" for i in range(model.degree + 1))
        self.layer_slices = ((0, 1), (1, len(self.parameter_names)))
        self.roots = sum(sum(S) for S in self.cyclotomic_map.classes)
        self.layer_degrees = (1, self.roots)

    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """``λ h^{i − μ_0}`` times the Galois-fixed coefficients (module docstring)."""
        R = self.ring
        mu0 = self.cyclotomic_map.mu0
        out = []
        for i, c in enumerate(self.cyclotomic_map.coordinates):
            terms = {}
            for m, a in zip(c.monoms(), c.coeffs()):
                if m[0]:
                    raise InputError("rtype: a rotated class is not Galois-stable")   # guarded by the rotation
                terms[(1, i - mu0) + tuple(m[1:])] = int(a)
            out.append(R.from_dict(terms))
        return tuple(out)


def _times(poly: list, factor: list, zero: Any) -> list:
    out = [zero] * (len(poly) + len(factor) - 1)
    for i, a in enumerate(poly):
        for j, b in enumerate(factor):
            out[i + j] = out[i + j] + a * b
    return out


@dataclass(frozen=True)
class BoundaryComponent:
    """One irreducible component of the Zariski closure of ``∂_V M``.

    Attributes
    ----------
    rtype : RootType
        A type stratum of ``∂_V M`` whose closure it is.
    same_closure : tuple of RootType
        Other types of ``∂_V M`` of the same dimension with the same closure.
    dimension : int
    equations : ImplicitEquations or RationalStratumEquations
        Its ideal (certified, or complete up to a degree); for ``T`` dividing neither 4 nor 6 the
        ideal over Q (:func:`~lcnalg.real.cyclotomic_strata.rational_stratum_equations`).
    galois : str
        For those ``T``: how many Galois conjugates the closure over Q unites.
    """

    rtype: RootType
    same_closure: tuple
    dimension: int
    equations: Any = field(repr=False)
    galois: str = ""

    def text(self) -> str:
        """``ideal <…> (certified | complete up to degree d)`` for a table."""
        eqs = ", ".join(self.equations.equations) or "0"
        how = ("certified" if self.equations.certified
               else f"complete up to degree {self.equations.complete_up_to_degree}")
        return f"component of dimension {self.dimension} (closure of the type {self.rtype.to_text()}): <{eqs}> ({how})"


@dataclass(frozen=True)
class RelativeBoundaryEquations:
    """The Zariski closure of ``∂_V M`` as a list of components (see the module docstring).

    Attributes
    ----------
    architecture : str
    components : tuple of BoundaryComponent
        One per distinct closure of a top-dimensional type, then the lower types not contained
        in them.
    dimension : int or None
        The largest component dimension (the union's).
    reported_dimension : int or None
        :func:`~lcnalg.real.orbit_description.relative_boundary_dimension` (exact bounds met).
    agrees : bool
        ``dimension == reported_dimension``.
    not_shown : tuple of RootType
        Lower types whose containment in a top component was not proved (uncertified equations).
    certified : bool
        Every component's ideal certified and every lower type placed.
    seconds : float
    """

    architecture: str
    components: tuple
    dimension: int | None
    reported_dimension: int | None
    agrees: bool
    not_shown: tuple = ()
    certified: bool = False
    seconds: float = 0.0

    def ideals(self) -> list[tuple[str, ...]]:
        """The equations of each component."""
        return [c.equations.equations for c in self.components]

    def to_text(self) -> str:
        head = (f"Zariski closure of the relative boundary of M[{self.architecture}]: {len(self.components)} "
                f"component(s), dimension {self.dimension} (reported {self.reported_dimension}: "
                f"{'agrees' if self.agrees else 'DISAGREES'})")
        return "\n".join([head] + ["  " + c.text() for c in self.components])


def rational_key(rtype: RootType) -> tuple:
    """The roots 0 and ∞ and the Galois orbit of the complex classes
    (:func:`~lcnalg.real.cyclotomic_strata.galois_orbit`): two types have the same closure over
    Q iff their keys agree.

    Examples
    --------
    >>> rational_key(RootType(5, (("positive", (0, 1, 0, 0, 1)),))) == rational_key(
    ...     RootType(5, (("positive", (0, 0, 1, 1, 0)),)))
    True
    """
    orbit = galois_orbit(rtype)               # checks rtype
    return (tuple(b for b in rtype.blocks if b[0] in ("zero", "infinity")), orbit)


def _rational_route(a: Architecture, model: OrbitModel, types: list, tops: list, dim: Any, max_degree: int,
                    seed: int, certify: bool | None, limits: Limits, start: float) -> RelativeBoundaryEquations:
    """``T`` dividing neither 4 nor 6: the components of the closure over Q, one per Galois orbit
    of top types (:mod:`lcnalg.real.cyclotomic_strata`)."""
    components: list[BoundaryComponent] = []
    dims_ok = True
    for t in tops:
        j = next((i for i, c in enumerate(components) if rational_key(c.rtype) == rational_key(t)), None)
        if j is not None:
            c = components[j]
            components[j] = replace(c, same_closure=c.same_closure + (t,))
            continue
        if galois_stable_rotation(t) is not None:     # a map over Z: the route of T | 4, 6
            phi = RationalTypeStratumMap(model, t, limits)
            rank, ok = phi.certified_dimension(seed)
            dims_ok = dims_ok and ok
            eqs = _implicitize(phi, rank, ok, max_degree, seed, certify, limits)
            galois = f"defined over Q (its classes rotate to Galois-stable positions, T = {t.T})"
            components.append(BoundaryComponent(t, (), rank, eqs, galois))
            continue
        eqs = rational_stratum_equations(t, model.degree, max_degree=max_degree, seed=seed, limits=limits)
        dims_ok = dims_ok and eqs.dimension_certified
        galois = (f"over Q: the union of the {eqs.conjugates} Galois conjugates of its closure "
                  f"(T = {t.T}; exact interpolation over Q(ζ_{t.T}))")
        components.append(BoundaryComponent(t, (), eqs.dimension, eqs, galois))
    not_shown = []
    for t in types[len(tops):]:
        phi = CyclotomicStratumMap(t, model.degree)
        if any(all(phi.vanishes(p) for p in c.equations.polynomials) for c in components if c.equations.certified):
            continue
        not_shown.append(t)
    top = type_dimension(tops[0])
    certified = dims_ok and all(c.equations.certified for c in components) and not not_shown
    reported = dim.lower if dim.exact else None
    return RelativeBoundaryEquations(
        architecture=str(a), components=tuple(components), dimension=top, reported_dimension=reported,
        agrees=reported == top, not_shown=tuple(not_shown), certified=certified,
        seconds=time.perf_counter() - start)


def complex_key(rtype: RootType) -> tuple:
    """The multiset of complex classes of a type, each position vector up to rotation (a pair
    gives ``S`` and its mirror): two types have the same stratum closure iff their keys agree
    (see the module docstring).

    Examples
    --------
    >>> complex_key(RootType(2, (("positive", (2, 2)),))) == complex_key(RootType(2, (("negative", (2, 2)),)))
    True
    """
    T = rtype.T

    def rot(S: tuple) -> tuple:
        return min(tuple(S[(k + c) % T] for k in range(T)) for c in range(T))

    out = []
    for kind, S in rtype.blocks:
        if kind in ("zero", "infinity"):
            out.append((kind, tuple(S)))
        else:
            out.append(("class", rot(tuple(S))))
            if kind == "pair":
                out.append(("class", rot(tuple(S[-k % T] for k in range(T)))))
    return tuple(sorted(out))


def _implicitize(phi: TypeStratumMap, rank: int, ok: bool, max_degree: int, seed: int, certify: bool | None,
                 limits: Limits) -> ImplicitEquations:
    """The ideal of ``closure(φ)``: interpolation, then the hypersurface argument (no Gröbner basis)
    before the elimination certificate."""
    found: list[str] = []

    def hypersurface(polys: tuple[Any, ...]) -> str | None:
        why = _hypersurface_argument(polys, phi, rank, ok)
        found.extend([why] if why else [])
        return why

    eqs = equations_up_to_degree(
        phi, max_degree=max_degree, seed=seed, dimension=rank, certify=certify, limits=limits,
        architecture=str(phi.architecture),
        method=lambda g: (f"implicitization of the type-stratum parameterization: multigraded interpolation over "
                          f"GF(p) ({g.rank} weights), rational reconstruction, exact substitution check"),
        how_to_certify="certify=True, or a larger max_degree", cheaper_certificate=hypersurface)
    return replace(eqs, argument=found[0]) if found and eqs.certified else eqs


def _hypersurface_argument(polys: tuple[Any, ...], phi: TypeStratumMap, rank: int, ok: bool) -> str | None:
    """Certify a hypersurface in the non-zero coordinates: when the closure (irreducible, of the
    certified dimension) has codimension one in the coordinate subspace of the non-zero
    coordinates, its ideal there is prime of height one in a polynomial ring (a UFD), so
    principal, generated by an irreducible ``g``; an equation ``f`` of it that is irreducible over
    Q is then ``g`` up to a unit, and with the vanishing coordinates generates the whole ideal.
    Returns the argument's text, or None when it does not apply."""
    if not ok:
        return None
    zero = [p for p in polys if p.total_degree() == 1 and len(p) == 1]
    rest = [p for p in polys if not (p.total_degree() == 1 and len(p) == 1)]
    nonzero = len(phi.coordinate_names) - len(zero)
    if len(rest) != 1 or rank != nonzero - 1 or len(zero) != len(phi.coordinate_names) - len(phi.support):
        return None
    _, factors = mpoly_factor(rest[0])
    if len(factors) != 1 or factors[0][1] != 1:
        return None
    return ("the closure is irreducible of codimension one in the subspace of the non-zero coordinates, so its "
            "ideal there is principal (a prime of height one in a UFD), generated by any of its equations that is "
            "irreducible over Q (FLINT factorization): the vanishing coordinates and that equation generate it")


def boundary_arguments(arch: Architecture | str, ndim: int, max_degree: int | None, seed: int, certify: bool | None,
                       limits: Limits | None, default_degree: int
                       ) -> tuple[Architecture, int, int, bool | None, Limits]:
    """The checked arguments of an implicitization of the relative boundary's closure: a linear
    architecture with one channel in ``ndim`` dimensions, the degree bound (``default_degree`` when
    None), the seed, ``certify`` and the limits; an :class:`InputError` naming the field otherwise."""
    a = Architecture.coerce(arch)
    if a.ndim != ndim or a.activation is not None or a.channels is not None:
        raise InputError(f"arch: expected a {ndim}D linear architecture with one channel, got {str(arch)[:60]}")
    max_degree = checks.integer(default_degree if max_degree is None else max_degree, "max_degree",
                                low=1, form="a positive integer")
    (certify,) = checks.arguments(certify=certify)
    return a, max_degree, checks.seed(seed), certify, Limits.coerce(limits)


def relative_boundary_equations(arch: Architecture | str, *, max_degree: int | None = None, seed: int = 0,
                                certify: bool | None = None, limits: Limits | None = None
                                ) -> RelativeBoundaryEquations:
    """The components of the Zariski closure of ``∂_V M`` (over Q) with their ideals (1D, any ``T``).

    Parameters
    ----------
    arch : Architecture or str
        A 1D linear architecture whose ``M`` is thin and not closed.
    max_degree : int, optional
        Highest degree interpolated per component (default 6).
    seed : int
    certify : bool or None
        Passed to the interpolation (elimination certificate always / never / when small).
    limits : Limits, optional
        ``max_nodes`` bounds the types, ``max_strata`` the number of top-dimensional types
        implicitized, ``max_monomials`` each interpolation (refused up front).

    Returns
    -------
    RelativeBoundaryEquations

    Raises
    ------
    InputError
        Not 1D linear, or ``M = V(R)`` (no relative boundary).
    ResourceLimitError
        When a bound is exceeded (the option is named).

    Examples
    --------
    >>> r = relative_boundary_equations("3,2 s=2")           # λ(z² − b)²
    >>> r.ideals(), r.dimension, r.agrees, r.certified
    ([('c1', 'c3', 'c2^2 - 4*c0*c4')], 2, True, True)
    """
    start = time.perf_counter()
    a, max_degree, seed, certify, limits = boundary_arguments(arch, 1, max_degree, seed, certify, limits,
                                                              DEFAULT_MAX_DEGREE)
    model = orbit_model(a)
    T = model.T if model.levels else 1
    dim = relative_boundary_dimension(a, limits)
    strata = TypeStrata(a, limits)
    types = sorted(strata.members("relative boundary"), key=lambda t: (-type_dimension(t), t.blocks))
    if not types:
        raise InputError(f"arch: M[{a}] has no relative boundary beyond 0 (M = V(R) or no types)")
    top = type_dimension(types[0])
    tops = [t for t in types if type_dimension(t) == top]
    limits.check("max_strata", "top-dimensional type strata of the relative boundary implicitized", len(tops))
    if T not in _LATTICE:
        return _rational_route(a, model, types, tops, dim, max_degree, seed, certify, limits, start)
    components: list[BoundaryComponent] = []
    dims_ok = True
    for t in tops:
        phi = TypeStratumMap(model, t, limits)
        j = next((i for i, c in enumerate(components) if complex_key(c.rtype) == complex_key(t)), None)
        if j is not None:       # the same complex parameterization up to relabelling: the same closure
            c = components[j]
            components[j] = BoundaryComponent(c.rtype, c.same_closure + (t,), c.dimension, c.equations)
            continue
        rank, ok = phi.certified_dimension(seed)
        dims_ok = dims_ok and ok
        components.append(BoundaryComponent(t, (), rank, _implicitize(phi, rank, ok, max_degree, seed, certify,
                                                                      limits)))
    not_shown = []
    for t in types[len(tops):]:
        phi = TypeStratumMap(model, t, limits)
        if any(phi.vanishes_on(c.equations.polynomials) for c in components if c.equations.certified):
            continue
        not_shown.append(t)
    certified = dims_ok and all(c.equations.certified for c in components) and not not_shown
    reported = dim.lower if dim.exact else None
    return RelativeBoundaryEquations(
        architecture=str(a), components=tuple(components), dimension=top, reported_dimension=reported,
        agrees=reported == top, not_shown=tuple(not_shown), certified=certified,
        seconds=time.perf_counter() - start)
