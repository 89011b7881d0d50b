"""Critical points of a quadratic loss over a convolutional network (linear, or with the
activation ``t ↦ t^r``), counted exactly.

Parameter space
---------------
The loss ``ℓ(θ) = (μ(θ) − u)ᵀ Q (μ(θ) − u)`` is invariant under the rescaling torus
``w_l ↦ λ_l w_l`` (``Π λ_l = 1``), so its critical points come in orbits.  One point per orbit
is kept with a seeded generic affine chart: on each layer ``l < L`` a random linear form
``a_l · w_l`` equals 1 (the orbit of ``θ`` meets it exactly once when ``a_l · w_l ≠ 0`` for all
``l < L``).  On the chart, of dimension ``r = N − (L − 1) = dim M`` (the chart is transversal to
the orbits), the system is ``∇ℓ = 0`` in the ``r`` free weights.

Points where the Jacobian of μ drops rank (zero layers, shared (hyper)roots, repeated filters)
form positive-dimensional families in general.  Let ``J`` be the ``k x r`` Jacobian of μ on
the chart, ``B`` a seeded random ``r x k`` matrix and ``g = det(B · J)``: by Cauchy–Binet a
combination of the maximal minors of ``J`` (so ``g = 0`` wherever μ is critical) with the
maximal minors of ``B`` as coefficients.  Two stages:

1. The families with a zero last layer (``μ = 0``) are removed with the cheap Rabinowitsch
   equation ``z · h = 1``, ``h`` a random linear form of the last layer (the other layers are
   non-zero on the chart).  If the result is not zero-dimensional, ``z · g = 1`` is used
   instead (the direct saturation by ``g``; slower, since ``g`` has degree ``r (L − 1)``).
2. In the finite-dimensional algebra ``A = k[y, z]/I`` the points with ``g = 0`` form the
   generalized kernel of multiplication by ``g``; the image of ``M_g^{dim A}`` is the part of
   ``A`` at the points with ``g ≠ 0`` (an invariant subspace of every multiplication map).  Its
   dimension counts those points with multiplicity; what is left (``dim A`` minus it) counts the
   isolated critical points with μ critical, reported as ``mu_critical_points``.

What is certified and what is not
---------------------------------
The dimension of ``A`` (from the leading monomials of a Gröbner basis by lcnalg's F4 engine)
and the rank of ``M_g^{dim A}`` are exact.  Over Q the count is then certified for the chosen
chart, ``h`` and ``g``, and it is a proved lower bound for the number of critical orbits at
which μ is not critical.  It is the exact number unless a random choice is unlucky: a critical
orbit with ``a_l · w_l = 0`` for some ``l < L``, ``h = 0`` or ``g = 0`` although μ is not
critical there.  By the Schwartz–Zippel lemma, for each of the at most ``Bz = (2D − 1)^r``
(Bézout; ``D`` the degree of μ, ``D = L`` for a linear network) isolated such orbits these events have probability at most ``(L − 1)/S``, ``1/S`` and
``r/S`` (entries drawn from ``{1..S}``), so the failure bound is ``Bz · (L + r) / S``.  The
count without multiplicity is the number of distinct roots of the characteristic polynomial of
multiplication by a random linear form (a proved lower bound; equal unless the form takes one
value at two points, probability at most ``C(D, 2) / S``).  Modulo a prime ``p`` (the default
route) the same holds for the system reduced mod ``p``; it equals the count over Q unless ``p``
is unlucky (divides one of finitely many integers of the computation), which is not bounded
here: the count over Q (``exact=True``) removes that doubt (docs/theory.md#loss-critical-points).

Polynomial networks
-------------------
With the activation ``σ(t) = t^r`` (``r ≥ 2``) the coordinates are the coefficients of the
output form (:class:`~lcnalg.PolynomialParameterization`), homogeneous of degree
``d_l = r^{L−l}`` in layer ``l``, and the rescaling torus is ``w_l ↦ λ w_l``,
``w_{l+1} ↦ λ^{−r} w_{l+1}`` (``l < L``).  The same chart meets every orbit with
``a_l · w_l ≠ 0`` (``l < L``) exactly once: ``λ_1, λ_2, …`` are fixed one after the other.
μ vanishes only when a layer does (the forms after each layer are shifted copies of a non-zero
form, hence linearly independent), so the same saturation by the last layer applies.  The
system is built from the symbolic coordinates of the parameterization, composed with the
chart, for linear and polynomial networks alike; the loss has degree ``2D``,
``D = Σ_l d_l``, whence the Bézout number ``(2D − 1)^r``
(docs/theory.md#polynomial-critical-points).

Function space
--------------
The critical points of ``ℓ`` restricted to the neurovariety at its μ-regular points are the
images ``μ(θ)`` of the points above.  Their number is the number of distinct roots of the
characteristic polynomial of multiplication by ``ρ · μ`` (``ρ`` random); the exponent of each
root is the size of the fibre over that point (with multiplicity).

References
----------
.. [KMMT22] Kohn, Merkh, Montúfar, Trager, *Geometry of Linear Convolutional
   Networks*, SIAM J. Appl. Algebra Geom. 6 (2022): critical points in parameter and function space.
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points
   of Linear Convolutional Networks*, SIAGA 8 (2024): for strides > 1 and generic data the non-zero critical points lie in the smooth interior.
.. [S24] Shahverdi, *Algebraic Complexity and Neurovariety of Linear Convolutional
   Networks*, arXiv:2401.16613 (2024): for strides > 1 and generic data their number is the generic ED degree of the Segre variety.
.. [SMK25] Shahverdi, Marchetti, Kohn, *On the geometry and optimization of polynomial
   convolutional networks*, AISTATS 2025: the rescaling torus and the Segre–Veronese variety of
   polynomial networks; a formula for the number of critical points for generic large data,
   which is not compared here.
.. [DHOST16] Draisma, Horobeţ, Ottaviani, Sturmfels, Thomas, *The Euclidean distance degree of
   an algebraic variety*, Found. Comput. Math. 16 (2016): generic ED degrees (Theorems 5.4, 5.8).
"""

from __future__ import annotations

import math
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.landscape.segre import (segre_dimensions, segre_ed_degree, segre_veronese_dimensions,
                                    segre_veronese_ed_degree, segre_veronese_kernel)
from lcnalg.landscape.loss import QuadraticLoss
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize
from lcnalg.polys.groebner import GroebnerBasis, groebner_basis
from lcnalg.polys.minors import bareiss_determinant
from lcnalg.polys.zero_dimensional import QuotientAlgebra
from lcnalg.printing import function_space_symbol
from lcnalg.results import Result

__all__ = ["critical_points", "critical_system", "saturated_basis", "last_layer_saturation", "bezout_number",
           "system_degree", "check_size", "RANDOM_RANGE", "EXACT_RANDOM_RANGE", "MODULUS"]


@dataclass(frozen=True, kw_only=True)
class CriticalPointsResult(Result):
    r"""Complex critical points of a quadratic loss over a network, counted exactly.

    Returned by :func:`lcnalg.landscape.critical_points` and
    :meth:`lcnalg.FunctionSpace.critical_points`.  Its :attr:`status` is probabilistic (the
    random chart and saturation, docs/theory.md#loss-critical-points) with the failure bound
    in ``failure_probability``, or undecided when the system is not zero-dimensional.

    Attributes
    ----------
    data : str
        The loss: its kind and where it comes from.
    complex_critical_points : int or None
        Critical points in parameter space modulo rescaling at which μ is not critical,
        counted with multiplicity (None when there are infinitely many).
    distinct_critical_points : int or None
        The same, counted without multiplicity.
    function_space_critical_points : int or None
        Their distinct images: the critical points of the loss on the neurovariety (at
        μ-regular points); for a generic form the ED degree.
    fibre_sizes : dict of int to int
        Fibre size (with multiplicity) → number of function-space critical points with it.
    ed_degree_segre : int
        The generic ED degree of the Segre ``P^{|k_1|-1} × ⋯ × P^{|k_L|-1}`` (closed formula);
        with an activation ``r ≥ 2`` still the Segre value of the same filter sizes (the linear
        network's), kept for comparison.
    bezout_number : int
        ``(2L-1)^r``, the Bézout bound of the system.
    loss_kind : str
        ``data``, ``generic``, ``identity`` or ``given``.
    mu_critical_points : int or None
        Isolated critical points (with multiplicity, modulo rescaling, last layer non-zero) at
        which μ is critical, found and set aside; None when they were removed by saturation
        without being counted.
    over_q : bool
        True when counted over Q (verified Gröbner basis), False for a count modulo a prime.
    real_critical_points : tuple or None
        The real critical points, exactly isolated and classified
        (:class:`lcnalg.landscape.real_critical_points.RealCriticalPoint`), when asked for.
    ed_degree_segre_veronese : int or None
        With an activation ``r ≥ 2``: the generic ED degree of the Segre–Veronese variety
        ``P^{|k_1|-1} × ⋯ × P^{|k_L|-1}`` embedded by ``O(r^{L-1}, …, r, 1)``, of which μ is a
        linear image (closed formula); None for a linear network (there it is ``ed_degree_segre``).

    Examples
    --------
    >>> r = CriticalPointsResult(architecture="2,2 s=2", method="m", certified=False,
    ...     failure_probability=1e-6, data="generic", complex_critical_points=6,
    ...     distinct_critical_points=6, function_space_critical_points=6, fibre_sizes={1: 6},
    ...     ed_degree_segre=6, bezout_number=27, loss_kind="generic")
    >>> r.answer(), r.status == "probabilistic", r.matches_segre
    (6, True, True)
    """

    data: str
    complex_critical_points: int | None
    distinct_critical_points: int | None
    function_space_critical_points: int | None
    fibre_sizes: dict[int, int] = field(default_factory=dict, hash=False)
    ed_degree_segre: int
    bezout_number: int
    loss_kind: str
    mu_critical_points: int | None = None
    over_q: bool = False
    real_critical_points: tuple[Any, ...] | None = None
    ed_degree_segre_veronese: int | None = None

    title = "complex critical points"

    def answer(self) -> int | None:
        """The number of complex critical points (with multiplicity), None if infinite."""
        return self.complex_critical_points

    @property
    def matches_segre(self) -> bool | None:
        """Whether the count equals the Segre ED degree (None when not counted)."""
        if self.complex_critical_points is None:
            return None
        return self.complex_critical_points == self.ed_degree_segre

    @property
    def matches_segre_veronese(self) -> bool | None:
        """Whether the count equals the Segre–Veronese ED degree (None when not counted or linear)."""
        if self.complex_critical_points is None or self.ed_degree_segre_veronese is None:
            return None
        return self.complex_critical_points == self.ed_degree_segre_veronese

    def to_text(self) -> str:
        """Aligned rows: the counts, the Segre value, the fibres and the provenance."""
        def show(v: Any) -> str:
            return "infinitely many" if v is None else str(v)
        rows = [
            ("architecture", self.architecture),
            ("loss", self.data),
            ("parameter space", f"{show(self.complex_critical_points)} with multiplicity, "
                                f"{show(self.distinct_critical_points)} distinct (modulo rescaling)"),
            ("function space", show(self.function_space_critical_points)),
            ("mu critical", "not counted" if self.mu_critical_points is None
                            else f"{self.mu_critical_points} isolated critical points set aside"),
            ("fibre sizes", ", ".join(f"{n} point(s) with fibre {s}" for s, n in self.fibre_sizes.items()) or "-"),
            ("Segre ED degree", f"{self.ed_degree_segre}"
                                + (" (the linear network's, for comparison)" if self.ed_degree_segre_veronese is not None
                                   else "" if self.matches_segre is None else
                                   " (equal)" if self.matches_segre else " (different)")),
            ("status", self.provenance()),
        ]
        if self.ed_degree_segre_veronese is not None:
            rows.insert(-1, ("S-Veronese ED", f"{self.ed_degree_segre_veronese}"
                                              + ("" if self.matches_segre_veronese is None else
                                                 " (equal)" if self.matches_segre_veronese else " (different)")))
        text = "\n".join(f"{k:<17}{v}" for k, v in rows)
        if self.real_critical_points is not None:
            lines = [f"real points      {len(self.real_critical_points)} (exact, classified)"]
            lines += [p.line(i) for i, p in enumerate(self.real_critical_points, 1)]
            text += "\n" + "\n".join(lines)
        return text

    def to_latex(self) -> str:
        """One sentence with the counts and the Segre value."""
        n = "\\infty" if self.complex_critical_points is None else str(self.complex_critical_points)
        f = "\\infty" if self.function_space_critical_points is None else str(self.function_space_critical_points)
        return (f"% lcnalg critical-points {self.architecture}\n"
                f"${function_space_symbol(self.architecture)}$: ${n}$ complex critical points in parameter "
                f"space (modulo rescaling), ${f}$ on the neurovariety; generic ED degree of the Segre "
                f"variety ${self.ed_degree_segre}$ ({self.status.label}).")


__all__ += ["CriticalPointsResult"]

#: Random chart, saturation and separating coefficients are drawn from ``{1, ..., RANDOM_RANGE}``
#: modulo a prime; over Q from ``{1, ..., EXACT_RANDOM_RANGE}`` (small numbers keep the rational
#: Gröbner basis small, at the price of a larger failure bound).
RANDOM_RANGE = 2**30
EXACT_RANDOM_RANGE = 2**12
#: The prime of the modular count: the largest below 2^30 (FLINT's ``nmod_mat`` echelon forms
#: are about 1.7 times faster below 2^30 than with 62-bit primes); the random choices are then
#: drawn from ``{1, ..., MODULUS − 1}``.
MODULUS = 1073741789


def system_degree(arch: Architecture | str) -> int:
    """``D = Σ_l d_l``, the total degree of μ in the weights (``d_l = r^{L−l}``; ``D = L`` for a
    linear network), so that the loss has degree ``2D`` and its gradient ``2D − 1``.

    Examples
    --------
    >>> system_degree("2,2 s=2"), system_degree("2,2 r=2"), system_degree("2,2,2 r=3")
    (2, 3, 13)
    """
    arch = Architecture.coerce(arch)
    r = arch.activation or 1
    return sum(r ** (arch.num_layers - l) for l in range(1, arch.num_layers + 1))


def bezout_number(arch: Architecture | str) -> int:
    """``(2D − 1)^r``: the Bézout bound of the critical system on the chart (``r = N − L + 1``,
    ``D`` = :func:`system_degree`; ``(2L − 1)^r`` for a linear network).

    Examples
    --------
    >>> bezout_number("2,2 s=2"), bezout_number("3,3 s=2"), bezout_number("2,2 r=2")
    (27, 243, 125)
    """
    arch = Architecture.coerce(arch)
    L = arch.num_layers
    r = arch.num_parameters - (L - 1)
    return (2 * system_degree(arch) - 1) ** r


def check_size(arch: Architecture | str, *, exact: bool = False, real: bool = False,
               limits: Limits | None = None) -> None:
    """Refuse, before any work, a critical-point count whose system is beyond the limits.

    Raises
    ------
    ResourceLimitError
        When the Bézout number ``(2D − 1)^r`` (:func:`bezout_number`) exceeds ``limits.max_critical_solutions`` (or,
        with ``exact``, ``limits.max_exact_critical_solutions``; with ``real``,
        ``limits.max_real_critical_solutions``), or the terms of μ ``Π_l |k_l|`` exceed
        ``limits.max_terms``.

    Examples
    --------
    >>> check_size("3,3 s=2")
    >>> check_size("3,3,3 s=2,2")
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: Bezout number (2L-1)^r of the critical-point system of 3,3,3 s=2,2 estimated at 78125, above the bound 5000; to allow it, raise limits=Limits(max_critical_solutions=...) (CLI: --max-critical-solutions)
    >>> check_size("2,2,2 r=2")
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: Bezout number (2D-1)^r, D = sum of the layer degrees r^(L-l), of the critical-point system of 2,2,2 r=2 estimated at 28561, above the bound 5000; to allow it, raise limits=Limits(max_critical_solutions=...) (CLI: --max-critical-solutions)
    """
    arch = Architecture.coerce(arch)
    limits = Limits.coerce(limits)
    L = arch.num_layers
    r = arch.num_parameters - (L - 1)
    e = 2 * system_degree(arch) - 1
    name_of = checks.short(str(arch), 40)
    label = "(2L-1)^r" if arch.activation is None else "(2D-1)^r, D = sum of the layer degrees r^(L-l),"
    # compare logarithms first: (2D-1)^r is not formed when it is astronomically large
    for name, on, what in (("max_critical_solutions", True, ""), ("max_exact_critical_solutions", exact, " over Q"),
                           ("max_real_critical_solutions", real, " solved for its real points")):
        bound = getattr(limits, name)
        if on and r * math.log2(e) > max(64.0, math.log2(bound) + 1):
            raise limits.refuse(name, f"Bezout number {label} of the critical-point system of {name_of}{what}",
                                f"2^{r * math.log2(e):.0f}")
        if on:
            limits.check(name, f"Bezout number {label} of the critical-point system of {name_of}{what}", e ** r)
    if arch.activation is None:
        terms = math.prod(math.prod(f) for f in arch.filters)
    else:  # a bound on the terms of the symbolic coordinates (checks max_coordinates on the way)
        terms = parameterize(arch, limits=limits).num_terms
    limits.check("max_terms", f"terms of the parameterization of {name_of}", terms)


def _fq(x: Fraction) -> flint.fmpq:
    return flint.fmpq(x.numerator, x.denominator)


def critical_system(arch: Architecture | str, loss: QuadraticLoss, *, seed: int = 0,
                    random_range: int = RANDOM_RANGE) -> dict[str, Any]:
    """The polynomial system of the critical points on the seeded chart, with its random data.

    Returns
    -------
    dict
        ``ctx`` (an ``fmpq_mpoly`` context in the ``r`` free weights and ``z``), ``gradient``
        (``r`` polynomials), ``saturation`` (``z · g − 1``), ``minor`` (``g``), ``minor_matrix``
        (``B · J``, whose determinant is ``g``), ``mu`` (the
        coordinates of μ on the chart), ``chart`` (the forms ``a_l``), ``free`` (names of the
        free weights), ``r``, ``loss`` (``(μ − u)ᵀQ(μ − u)`` on the chart) and ``layers`` (each
        layer's weights as polynomials on the chart).

    Examples
    --------
    >>> s = critical_system("2,2 s=2", QuadraticLoss.identity([1, 2, 3, 4]))
    >>> len(s["gradient"]), s["free"]
    (3, ('w1_1', 'w2_0', 'w2_1'))
    """
    arch = Architecture.coerce(arch)
    mu = parameterize(arch)
    if not isinstance(loss, QuadraticLoss):
        raise InputError(f"loss: expected a QuadraticLoss, got {type(loss).__name__}")
    if loss.n != mu.ambient_dimension:
        raise InputError(f"loss: defined on {loss.n} entries, the end-to-end filter of {checks.short(str(arch), 40)} has "
                         f"{mu.ambient_dimension}")
    rng = random.Random(checks.seed(seed))
    L = arch.num_layers
    names = mu.parameter_names
    free: list[str] = []
    chart: list[tuple[int, ...]] = []
    for l, (lo, hi) in enumerate(mu.layer_slices):
        if l < L - 1:
            a = tuple(rng.randint(1, random_range) for _ in range(hi - lo))
            chart.append(a)
            free.extend(names[lo + 1:hi])
        else:
            free.extend(names[lo:hi])
    r = len(free)
    ctx = flint.fmpq_mpoly_ctx.get(tuple(free) + ("z",), "degrevlex")
    gens = ctx.gens()
    y, z = gens[:r], gens[r]
    layers = []
    pos = 0
    for l, (lo, hi) in enumerate(mu.layer_slices):
        size = hi - lo
        if l < L - 1:
            a = chart[l]
            rest = [y[pos + j] for j in range(size - 1)]
            w0 = (ctx.from_dict({(0,) * (r + 1): 1}) - sum((a[j + 1] * rest[j] for j in range(size - 1)),
                                                           ctx.from_dict({}))) / a[0]
            layers.append([w0] + rest)
            pos += size - 1
        else:
            layers.append([y[pos + j] for j in range(size)])
            pos += size
    # μ on the chart: the symbolic coordinates of the parameterization (linear or polynomial)
    # with each weight replaced by its polynomial on the chart
    k = mu.ambient_dimension
    weights = [w for layer in layers for w in layer]
    over_q = flint.fmpq_mpoly_ctx.get(tuple(names), "degrevlex")
    coords = [over_q.from_dict({e: int(c) for e, c in poly.to_dict().items()}).compose(*weights, ctx=ctx)
              if poly.to_dict() else ctx.from_dict({}) for poly in mu.coordinates]
    d = [coords[m] - _fq(loss.u[m]) for m in range(k)]
    Qd = [sum((_fq(loss.Q[m][j]) * d[j] for j in range(k) if loss.Q[m][j]), ctx.from_dict({})) for m in range(k)]
    ell = sum((d[m] * Qd[m] for m in range(k)), ctx.from_dict({}))
    gradient = [ell.derivative(i) for i in range(r)]
    B = [[rng.randint(1, random_range) for _ in range(k)] for _ in range(r)]
    J = [[c.derivative(i) for i in range(r)] for c in coords]
    M = [[sum((B[a][m] * J[m][i] for m in range(k)), ctx.from_dict({})) for i in range(r)] for a in range(r)]
    g = bareiss_determinant(M)
    return {"ctx": ctx, "gradient": gradient, "saturation": z * g - 1, "minor": g, "minor_matrix": M, "mu": coords,
            "chart": tuple(chart), "free": tuple(free), "r": r, "loss": ell, "layers": layers}


def _basis(polys: list, modulus: int | None, nvars: int, limits: Limits) -> GroebnerBasis:
    eqs = [f for f in (_as_dict(g, modulus) for g in polys) if f]
    return groebner_basis(eqs, "degrevlex", modulus=modulus, nvars=nvars, limits=limits)


def _pivots(R: Any, rank: int) -> list[int]:
    """Pivot columns of the first ``rank`` rows of a matrix in reduced row echelon form."""
    out = []
    for i in range(rank):
        out.append(next(j for j in range(R.ncols()) if R[i, j] != 0))
    return out


def _restrict(M: Any, R: Any, piv: list[int], rank: int, modulus: int | None) -> Any:
    """``M`` restricted to the row space of ``R`` (rref, pivots ``piv``), an M-invariant subspace:
    with ``C = R[:rank]ᵀ`` (so ``C[piv] = I``), ``M C = C X`` gives ``X = (M C)[piv]``."""
    if rank == 0:
        return None
    D = M.nrows()
    if modulus is not None:
        C = flint.nmod_mat([[R[i, j] for i in range(rank)] for j in range(D)], modulus)
    else:
        C = flint.fmpq_mat(D, rank, [R[i, j] for j in range(D) for i in range(rank)])
    MC = M * C
    if modulus is not None:
        return flint.nmod_mat([[MC[a, b] for b in range(rank)] for a in piv], modulus)
    return flint.fmpq_mat(rank, rank, [MC[a, b] for a in piv for b in range(rank)])


def _as_dict(poly: Any, modulus: int | None) -> dict:
    out = {}
    for e, c in poly.to_dict().items():
        if modulus is None:
            out[e] = c
        else:
            if int(c.q) % modulus == 0:
                raise InputError(f"modulus: {modulus} divides a denominator of the system (of the loss); "
                                 "choose another prime (modulus=...) or count over Q (exact=True)")
            out[e] = int(c.p) * pow(int(c.q), -1, modulus) % modulus
    return {e: c for e, c in out.items() if c}


def saturated_basis(arch: Architecture, system: dict[str, Any], *, seed: int, modulus: int | None,
                    top: int, limits: Limits) -> tuple[GroebnerBasis, str, random.Random]:
    """The Gröbner basis of the critical system with the zero-last-layer families removed.

    Stage 1 of :func:`critical_points`: saturate by a random linear form ``h`` of the last layer
    (the equation ``z h = 1``, cheap); the points where μ is critical that survive (``g = 0``)
    are split off later.  If that system is not zero-dimensional, saturate by ``g`` itself
    (``z g = 1``).

    Returns
    -------
    (GroebnerBasis, str, random.Random)
        The basis (over Q when ``modulus`` is None), the route (``"last layer"`` or
        ``"minor"``) and the generator for the next random choices.
    """
    r = system["r"]
    equation, rng = last_layer_saturation(arch, system, seed=seed, top=top)
    gb = _basis(system["gradient"] + [equation], modulus, r + 1, limits)
    if gb.is_zero_dimensional():
        return gb, "last layer", rng
    return _basis(system["gradient"] + [system["saturation"]], modulus, r + 1, limits), "minor", rng


def last_layer_saturation(arch: Architecture, system: dict[str, Any], *, seed: int, top: int) -> tuple[Any, random.Random]:
    """``(z h − 1, rng)``: the cheap saturation equation of :func:`saturated_basis`, with ``h`` a
    seeded random linear form of the last layer's weights, and the generator after drawing it."""
    r = system["r"]
    gens = system["ctx"].gens()
    rng = random.Random(seed + 1)
    last = math.prod(arch.filters[-1])
    h = sum((rng.randint(1, top) * gens[i] for i in range(r - last, r)), system["ctx"].from_dict({}))
    return gens[r] * h - 1, rng


def critical_points(arch: Architecture | str, loss: QuadraticLoss, *, seed: int = 0, exact: bool = False,
                    modulus: int | None = None, limits: Limits | None = None) -> CriticalPointsResult:
    """Count the complex critical points of ``ℓ(θ) = (μ(θ) − u)ᵀ Q (μ(θ) − u)`` modulo rescaling.

    Parameters
    ----------
    arch : Architecture or str
        An architecture with one channel (1D or 2D, any strides), linear or with an
        activation ``r ≥ 2``.
    loss : QuadraticLoss
        The loss on the end-to-end filters (:meth:`QuadraticLoss.from_data`, ``generic``,
        ``identity``).
    seed : int
        Seed of the chart, the saturation and the separating forms.
    exact : bool
        Count over Q (certified count of the saturated system) instead of modulo a prime.
    modulus : int, optional
        The prime of the modular count (default :data:`MODULUS`, the largest prime below 2^30).
    limits : Limits, optional
        ``max_critical_solutions`` (``max_exact_critical_solutions`` over Q) bounds the Bézout
        number ``(2D − 1)^r`` (refused up front); the Gröbner engine's bounds apply to its
        matrices.

    Returns
    -------
    CriticalPointsResult

    Raises
    ------
    InputError
        For a loss of the wrong size, or an architecture with channels or activations.
    ResourceLimitError
        When the Bézout number exceeds ``limits.max_critical_solutions`` (or, over Q,
        ``max_exact_critical_solutions``), or the Gröbner engine meets one of its bounds.

    Examples
    --------
    >>> res = critical_points("2,2 s=2", QuadraticLoss.generic(4, seed=1))
    >>> res.complex_critical_points, res.ed_degree_segre, res.function_space_critical_points
    (6, 6, 6)
    >>> critical_points("2,2", QuadraticLoss.generic(3, seed=1)).fibre_sizes
    {2: 1}
    >>> res = critical_points("2,2 r=2", QuadraticLoss.generic(5, seed=1))
    >>> res.complex_critical_points, res.ed_degree_segre_veronese
    (14, 14)
    """
    start = time.perf_counter()
    arch = Architecture.coerce(arch)
    seed = checks.seed(seed)
    exact = bool(checks.flag(exact, "exact", none=False))
    limits = Limits.coerce(limits)
    if modulus is None:
        modulus = MODULUS
    modulus = checks.modulus(modulus)
    check_size(arch, exact=exact, limits=limits)
    p = None if exact else modulus
    S = EXACT_RANDOM_RANGE if exact else min(RANDOM_RANGE, modulus - 1)
    system = critical_system(arch, loss, seed=seed, random_range=S)
    r = system["r"]
    L = arch.num_layers
    ctx = system["ctx"]
    top = S if p is None else min(S, p - 1)
    gb, route, rng = saturated_basis(arch, system, seed=seed, modulus=p, top=top, limits=limits)
    gens = ctx.gens()
    lin = sum((rng.randint(1, top) * gens[i] for i in range(r)), ctx.from_dict({}))
    rho = [rng.randint(1, top) for _ in system["mu"]]
    image = sum((c * m for c, m in zip(rho, system["mu"])), ctx.from_dict({}))
    segre = segre_ed_degree(segre_dimensions(arch))
    veronese, theorem, caveat = None, "", ""
    if arch.activation is not None:
        veronese = segre_veronese_ed_degree(*segre_veronese_dimensions(arch))
        kernel = segre_veronese_kernel(parameterize(arch, limits=limits))
        if kernel == 0:
            theorem = ("; mu embeds the Segre-Veronese cone linearly (kernel 0), so for generic Q the count is "
                       "its generic ED degree (docs/theory.md#polynomial-critical-points)")
        else:
            caveat = (f"; mu is a linear projection of the Segre-Veronese cone with kernel {kernel}: its relation to "
                      "the Segre-Veronese ED degree is measured, not proved here")
        caveat += "; the critical-point formula of [SMK25] is not compared"
    bz = bezout_number(arch)
    base = dict(architecture=str(arch), data=loss.summary(), ed_degree_segre=segre, seed=seed,
                primes=tuple(gb.primes), bezout_number=bz, loss_kind=loss.kind, ed_degree_segre_veronese=veronese)
    if not gb.is_zero_dimensional():
        return CriticalPointsResult(
            **base, method="F4 Groebner basis of the saturated critical system on a random chart",
            certified=False, complex_critical_points=None, distinct_critical_points=None,
            function_space_critical_points=None, fibre_sizes={},
            seconds=time.perf_counter() - start,
            limitations=f"the saturated critical system has dimension {gb.dimension()} (not finitely many "
                        "critical orbits: the data are not generic)")
    algebra = QuotientAlgebra(gb, limits)
    D1 = algebra.dim
    distinct = fs_count = D = 0
    fibres: Counter = Counter()
    if D1:
        # M_g from the normal form of g = det(B J) built by Laplace expansion on vectors of the
        # algebra (r 2^(r-1) products by the small entries), not by reducing g itself
        Mg = algebra.of_vector(algebra.determinant_vector(
            [[_as_dict(e, p) for e in row] for row in system["minor_matrix"]]))
        # the points with g != 0: the image of Mg^D1 (the invertible part of multiplication by g)
        R, D = (Mg ** D1).transpose().rref()
        piv = _pivots(R, D)
        for f, count in ((lin, None), (image, fibres)):
            X = _restrict(algebra.of(_as_dict(f, p)), R, piv, D, p)
            if D == 0:
                continue
            factors = X.charpoly().factor_squarefree()[1]
            if count is None:
                distinct = sum(q.degree() for q, _ in factors)
            else:
                for q, e in factors:
                    count[int(e)] += q.degree()
        fs_count = sum(fibres.values())
    mu_critical = D1 - D
    failure = bz * (L + r) / S + math.comb(max(D, 2), 2) * 2 / top
    field = "Q (multi-modular, verified exactly)" if p is None else f"GF({p})"
    sat = "z*h = 1 (h a random linear form of the last layer)" if route == "last layer" else "z*det(B*J_mu) = 1"
    method = (f"F4 Groebner basis over {field} of grad l = 0 on a random affine chart of the rescaling "
              f"torus, saturated by {sat}; the points where mu is critical split off as the generalized "
              f"kernel of multiplication by det(B*J_mu); counts from the leading monomials and ranks, distinct "
              f"points and fibres from characteristic polynomials of multiplication maps")
    how = ("saturate by the ideal of all maximal minors of the Jacobian instead of one random combination "
           "(not implemented)" + ("" if p is None else "; exact=True (--exact) removes the unlucky-prime doubt"))
    return CriticalPointsResult(
        **base, method=method, certified=False, failure_probability=min(1.0, failure), how_to_certify=how,
        complex_critical_points=D, distinct_critical_points=distinct, function_space_critical_points=fs_count,
        fibre_sizes=dict(sorted(fibres.items())), mu_critical_points=mu_critical if route == "last layer" else None,
        over_q=p is None, seconds=time.perf_counter() - start,
        argument=("the count of the saturated system is exact" + (" over Q" if p is None else f" over GF({p})")
                  + " and a proved lower bound for the critical orbits where mu is not critical"
                  + ("" if p is None else " (modulo the reduction mod p)") + theorem),
        limitations=("real critical points, their types and the mu-critical strata are not computed"
                     + ("" if p is None else "; an unlucky prime is not excluded by the failure bound")
                     + caveat))
