"""The real critical points of a squared loss over a network, isolated and classified exactly.

Algorithm
---------
The critical system of :mod:`lcnalg.landscape.critical_points` (``∇ℓ = 0`` on a seeded affine
chart of the rescaling torus, the zero-last-layer families removed by ``z h = 1``) is solved
over Q by a rational univariate representation (docs/theory.md#zero-dimensional), computed
from Gröbner bases modulo primes, lifted by rational reconstruction and verified by exact
substitution into the system, so that each root of its univariate polynomial is a proved
solution.  Its real roots give every real solution as an exact point over a number field
``Q(τ)`` with an isolating ball.  At each point, decided exactly
(docs/theory.md#zero-dimensional; signs in ``Q(τ)`` are zero iff the minimal polynomial of
``τ`` divides, otherwise refined until the ball excludes 0):

* **where it lies**: the rank of the Jacobian of μ at the point against the dimension of the
  function space (μ-critical or regular); at a μ-critical point of a linear 1D architecture,
  interior or boundary of ``M`` relative to ``V(R)``: at stride one by the parity rule, with
  strides by the root-orbit type of ``μ(θ)``, computed exactly over ``Q(τ)``
  (:func:`lcnalg.real.algebraic_root_type.algebraic_root_type`: the norm of ``μ(θ)`` over Q is
  factored and isolated, and exact gcds over ``Q(τ)`` pick its roots and multiplicities) and
  decided by the generisation search of :mod:`lcnalg.real.orbit_description`; at a
  μ-critical point of a linear 2D architecture with every layer at cumulative stride one,
  interior or boundary of ``M`` relative to ``V(R)`` from the factor list ``ρ(μ(θ))`` (type and
  exponent of each distinct real irreducible factor), computed exactly from the layers over
  ``Q(τ)`` (:func:`lcnalg.real.algebraic_factor_list.algebraic_factor_list`: contents over
  ``Q(τ)[x]`` and ``Q(τ)[y]`` with their real roots counted by multiplicity, the other factors
  certified absolutely irreducible or, at degree 2 in a variable, split by their discriminant)
  and decided by the slot search of
  :mod:`lcnalg.real.pattern_boundary`, which depends on ``P`` only through ``ρ(P)``; it stays
  undecided, with the reason in ``limitations``, when a factor over ``Q(τ)`` is not certified
  (then its real splitting is not computed) or a bound is exceeded; which pairs of
  layers with the same filter shape repeat a filter (proportional weights, all 2 x 2 minors
  zero); its image ``μ(θ)`` as balls;
* **its type**: the signature of the Hessian of ``ℓ`` in the chart coordinates.  The chart is
  a slice transverse to the rescaling orbits, on which ``ℓ`` is constant, so this is the
  Hessian of the loss on the quotient: positive definite — a strict local minimum; negative
  definite — a strict local maximum; both signs — a saddle; otherwise degenerate (the
  second-order test does not decide);
* **smooth interior**: at a μ-regular point, the rank of the Jacobian of the implicit
  equations ``g ⊆ I`` at ``μ(θ)``, exactly.  Rank ``codim V`` proves ``μ(θ)`` a smooth point
  of ``V`` (``rank J_g ≤ rank J_I ≤ codim``, so equations complete only up to a degree
  suffice), and μ regular at the real ``θ`` maps a neighbourhood of ``θ`` onto a neighbourhood
  of ``μ(θ)`` in the manifold ``V(R)`` there: ``μ(θ)`` is in the smooth interior of ``M``, the
  statement of [KMST24] checked point by point;
* **its loss value** as a certified ball, and whether it is the least among the real critical
  points found (balls compared after refinement).

For a polynomial network (activation ``t^r``, ``r ≥ 2``) everything above applies to the
coefficients of the output form, except the shared (hyper)roots and the 1D stride-one parity
rule, which are facts about products of filter polynomials: they are not evaluated (no
``shared_roots``; a μ-critical point's location is ``mu critical``).

What is certified: every listed point is a real critical point of the loss, its type and
location are exact.  That the list is complete depends on the random chart and ``h`` (a real
critical orbit with ``a_l · w_l = 0`` or ``h = 0`` is missed), with the failure bound of
docs/theory.md#loss-critical-points, so the status is probabilistic with that bound.

References
----------
.. [KMMT22] Kohn, Merkh, Montúfar, Trager, *Geometry of Linear Convolutional Networks*,
   SIAM J. Appl. Algebra Geom. 6 (2022): critical points, repeated filters and shared roots.
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024): strides > 1, generic data, critical points in the
   smooth interior.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import flint

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError, UndecidedError, check
from lcnalg.landscape.critical_points import (bezout_number, check_size, critical_system,
                                              last_layer_saturation)
from lcnalg.landscape.loss import QuadraticLoss
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.polys.zero_dimensional import modular_univariate_representation
from lcnalg.real.algebraic_factor_list import algebraic_factor_list
from lcnalg.real.algebraic_root_type import algebraic_root_type
from lcnalg.real.orbit_description import type_on_relative_boundary
from lcnalg.real.orbit_tilings import OrbitModel, orbit_model
from lcnalg.real.pattern_boundary import factors_boundary_member, factors_text
from lcnalg.real.patterns import PatternTable, pattern_table, stride_one_2d
from lcnalg.results import Result, Tabular

__all__ = ["RealCriticalPoint", "RealCriticalPointsResult", "real_critical_points", "REAL_RANDOM_RANGE"]

#: The chart and ``h`` are drawn from ``{1, ..., REAL_RANDOM_RANGE}``: small numbers keep the
#: coefficients of the univariate representation (and so the primes of its lift) small, at the
#: price of a larger failure bound than the modular count's.
REAL_RANDOM_RANGE = 2**16


@dataclass(frozen=True)
class RealCriticalPoint:
    """One real critical point of the loss (modulo rescaling), exactly located and typed.

    Attributes
    ----------
    kind : str
        ``minimum``, ``maximum``, ``saddle`` or ``degenerate`` (from the Hessian's signature).
    signature : tuple of int
        ``(positive, negative, zero)`` eigenvalues of the Hessian on the chart.
    loss : str
        A certified ball of the loss value (the constant of the loss included).
    mu_critical : bool
        Whether the Jacobian of μ drops rank here.
    jacobian_rank : int
        Its exact rank (at most the dimension of the function space).
    repeated_filters : tuple of (int, int)
        Pairs of layers (1-based) with the same filter shape whose weights are proportional.
    least_loss : bool
        Whether its loss is the least among the real critical points found.
    weights : tuple of str
        Balls of the weights on the chart, layer by layer.
    image : tuple of str
        Balls of the end-to-end filter ``μ(θ)``.
    field_degree : int
        Degree of the number field of its coordinates (1: rational).
    shared_roots : tuple of (int, int)
        1D: pairs of layers whose stride-substituted polynomials ``p_l(x^{t_{l−1}})`` share a
        root, projectively (at infinity included): the Sylvester matrix of their formal degrees
        is singular at the point, decided exactly.  At stride one, μ is critical exactly when
        some pair shares a root (docs/theory.md#critical-locus).  2D: pairs whose
        stride-substituted polynomials share a non-constant factor (a common hyperroot curve),
        multi-projectively in their formal boxes, decided by the exact rank of the map
        ``(U, V) ↦ U P_b + P_a V``.
    location : str
        ``smooth interior`` (proved: μ is regular at the real point θ and the Jacobian of the
        implicit equations has full rank ``codim`` at ``μ(θ)``, so ``μ(θ)`` is a smooth point
        of ``V`` with a neighbourhood in ``V(R)`` inside ``M``); ``singular point of V``
        (proved: certified equations, rank below ``codim``); for a μ-critical point of a 1D
        stride-one architecture (where ``M`` is a full-dimensional semi-algebraic set)
        ``mu critical, interior of M`` or ``mu critical, boundary of M``, decided exactly by the
        parity rule of docs/theory.md#loss-location; ``mu critical, interior of M (M = V(R))``
        where ``M`` is proved Zariski closed (then ``M`` has no boundary in ``V(R)``); for a
        μ-critical point of any other linear 1D architecture (strides) ``mu critical, interior of
        M (relative to V(R))`` or ``mu critical, boundary of M (relative to V(R))``, decided
        exactly from the root-orbit type of ``μ(θ)`` over the point's number field
        (docs/theory.md#orbit-type-number-field); for a μ-critical point of a linear 2D
        architecture with every layer at cumulative stride one likewise ``mu critical, interior
        of M (relative to V(R))`` or ``mu critical, boundary of M (relative to V(R))``, decided
        exactly from the factor list of ``μ(θ)`` over the point's number field
        (docs/theory.md#factor-list-number-field; the list in ``factors``); ``mu critical``
        (interior or boundary not decided) otherwise (2D with strides, where no description of
        the relative boundary exists; polynomial networks; the type beyond the limits; in 2D
        stride one a factor over the number field not certified absolutely irreducible, the
        reason in the result's ``limitations``); a
        μ-critical location ends with ``, smooth point of V`` or ``, singular point of V`` where
        the implicit equations decide it; or ``not decided`` (no equations given, or incomplete
        equations with a rank drop).
    factors : str
        2D stride one, at a μ-critical point whose location is decided: the factor list of
        ``μ(θ)``, one entry per distinct real irreducible factor (``R(d_x,d_y)``: real
        absolutely irreducible, ``C(d_x,d_y)``: ``h h̄``; the exponent after ``^``), ``0`` for
        ``μ(θ) = 0``; empty otherwise.
    """

    kind: str
    signature: tuple[int, int, int]
    loss: str
    mu_critical: bool
    jacobian_rank: int
    repeated_filters: tuple[tuple[int, int], ...]
    least_loss: bool
    weights: tuple[str, ...]
    image: tuple[str, ...]
    field_degree: int
    location: str = "not decided"
    shared_roots: tuple[tuple[int, int], ...] = ()
    factors: str = ""
    loss_value: float = field(default=0.0, metadata={"export": False})
    image_values: tuple[float, ...] = field(default=(), metadata={"export": False})
    image_radius: float = field(default=0.0, metadata={"export": False})
    chart: tuple[str, ...] = field(default=(), metadata={"export": False})

    def line(self, index: int) -> str:
        """One line of text: number, type, signature, loss, where it lies."""
        where = self.location if self.location.startswith("mu critical") else "mu critical" if self.mu_critical else (
            "smooth interior" if self.location == "smooth interior" else
            "mu regular, singular point of V" if self.location == "singular point of V" else "mu regular")
        if self.shared_roots:
            where += ", shared root " + ", ".join(f"{a}&{b}" for a, b in self.shared_roots)
        if self.repeated_filters:
            where += ", repeated filter " + ", ".join(f"{a}={b}" for a, b in self.repeated_filters)
        if self.factors:
            where += f", factors {self.factors}"
        least = "  (least loss)" if self.least_loss else ""
        return f"  {index:>3}. {self.kind:<10} signature {self.signature}  loss {self.loss}  {where}{least}"


@dataclass(frozen=True, kw_only=True)
class RealCriticalPointsResult(Tabular, Result):
    """Every real critical point of a squared loss found on the chart, exactly.

    Attributes
    ----------
    data : str
        The loss.
    points : tuple of RealCriticalPoint
        In increasing order of loss.
    complex_solutions : int or None
        Distinct complex solutions of the saturated system (μ-critical ones included).
    dimension : int
        Dimension of the function space.
    zero_loss : str or None
        With at least two layers, ``θ = 0`` is a critical point for all data (every partial
        derivative of μ vanishes there), of image ``μ = 0``: its loss ``uᵀQu + const`` as an
        exact rational.  It lies in positive-dimensional families (any layer zero), which the
        saturation removes from ``points``.  None for one layer.
    """

    data: str
    points: tuple[RealCriticalPoint, ...]
    complex_solutions: int | None
    dimension: int
    zero_loss: str | None = None

    title = "real critical points"

    def answer(self) -> int:
        return len(self.points)

    def counts(self) -> dict[str, int]:
        """How many points of each kind, and how many are μ-critical or repeat a filter."""
        out: dict[str, int] = {}
        for p in self.points:
            out[p.kind] = out.get(p.kind, 0) + 1
        out["mu critical"] = sum(p.mu_critical for p in self.points)
        out["repeated filter"] = sum(bool(p.repeated_filters) for p in self.points)
        return out

    def to_text(self) -> str:
        lines = [f"real critical points of the loss on {self.architecture} ({self.data}): {len(self.points)}  "
                 f"[{self.provenance()}]"]
        lines += [p.line(i) for i, p in enumerate(self.points, 1)]
        if self.zero_loss is not None:
            lines.append(f"  zero: theta = 0 (mu = 0) is critical for all data, loss {self.zero_loss}; its families "
                         "(a zero layer) are not isolated and not listed")
        return "\n".join(lines)

    def table(self) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """One row per point, in increasing order of loss: type, signature, exact loss, where it
        lies, the shared roots and repeated filters."""
        rows = [(i, p.kind, str(p.signature), p.loss, p.location, "yes" if p.mu_critical else "no",
                 ", ".join(f"{a}&{b}" for a, b in p.shared_roots),
                 ", ".join(f"{a}={b}" for a, b in p.repeated_filters))
                for i, p in enumerate(self.points, 1)]
        return (("#", "type", "signature (+,-,0)", "loss", "location", "mu critical", "shared root",
                 "repeated filter"), rows)

    def to_latex(self) -> str:
        where = {True: "\\mu\\text{-critical}", False: "\\text{regular}"}
        rows = " \\\\\n".join(
            f"{i} & \\text{{{p.kind}}} & {p.signature} & {p.loss_value:.6g} & {where[p.mu_critical]}"
            for i, p in enumerate(self.points, 1))
        return ("\\begin{array}{rllrl}\n\\# & \\text{type} & (+,-,0) & \\ell & \\mu \\\\ \\hline\n" + rows
                + "\n\\end{array}")


def _parity_rule(arch: Architecture, system: dict[str, Any]) -> tuple[list[dict], int, Any]:
    """For a 1D stride-one architecture: the coefficients of the end-to-end polynomial on the
    chart, the number ``m`` of layers of odd degree, and a function giving the parity of the
    multiplicity of its root at infinity (its degree drop) at a point.

    ``M`` is the set of real polynomials of degree at most ``d = Σ (k_l − 1)`` with at least
    ``m`` real roots, projectively (a degree drop is a root at infinity); a small perturbation
    keeps one real root of each real root of odd multiplicity and can remove all the others,
    so ``μ(θ)`` is an interior point of ``M`` iff its real roots of odd multiplicity number at
    least ``m`` (docs/theory.md#loss-location)."""
    coefficients = [_dict(c) for c in system["mu"]]
    m = sum(1 for (k,) in arch.filters if (k - 1) % 2)

    def at_infinity(point: Any) -> int:
        drop = 0
        for c in reversed(coefficients):
            if point.sign(c) != 0:
                break
            drop += 1
        return drop % 2

    return coefficients, m, at_infinity


def _orbit_location(model: OrbitModel, point: Any, mu: list[Any], limits: Limits) -> str:
    """``, interior of M (relative to V(R))`` or ``, boundary of M (relative to V(R))`` for the
    image of a real point of a 1D architecture with strides, from the exact root-orbit type of
    ``μ(θ)`` over the point's number field (docs/theory.md#orbit-type-number-field); empty when
    the type exceeds the limits (the location stays ``mu critical``)."""
    try:
        rtype = algebraic_root_type(model, point, [_dict(c) for c in mu], limits)
        boundary = type_on_relative_boundary(model, rtype, limits)
    except ResourceLimitError:
        return ""
    return ", boundary of M (relative to V(R))" if boundary else ", interior of M (relative to V(R))"


def _dict(poly: Any) -> dict[tuple[int, ...], Any]:
    return {tuple(int(a) for a in e): c for e, c in poly.to_dict().items()}


def _equation_jacobian(equations: Any, mu: Parameterization, system: dict[str, Any],
                       codim: int) -> tuple[list[list[dict]] | None, bool]:
    """The Jacobian of the implicit equations composed with μ on the chart (dict entries), and
    whether the equations are certified; ``(None, False)`` without usable equations."""
    if equations is None or codim == 0:
        return None, False
    polys = getattr(equations, "polynomials", None)
    if polys is None or getattr(equations, "architecture", None) != str(mu.architecture):
        raise InputError("equations: expected the ImplicitEquations of the same architecture")
    if not polys:
        return None, False
    names = tuple(mu.coordinate_names)
    ring = flint.fmpq_mpoly_ctx.get(names, "degrevlex")
    ctx = system["ctx"]
    rows = []
    for g in polys:
        gq = ring.from_dict({tuple(int(a) for a in e): flint.fmpq(int(c)) for e, c in g.to_dict().items()})
        rows.append([_dict(gq.derivative(m).compose(*system["mu"], ctx=ctx)) for m in range(len(names))])
    return rows, bool(getattr(equations, "certified", False))


def _sylvester_matrices(arch: Architecture, layers: list[list[dict]], nvars: int) -> list[tuple[tuple[int, int], list]]:
    """For each pair of layers of a 1D architecture, the Sylvester matrix (dict entries) of
    ``p_l(x^{t_{l−1}})`` and ``p_m(x^{t_{m−1}})`` at their formal degrees."""
    t = [c[0] for c in arch.cumulative_strides]
    polys = []
    for l, ws in enumerate(layers):
        coeffs: list[dict] = [{} for _ in range((len(ws) - 1) * t[l] + 1)]
        for j, w in enumerate(ws):
            coeffs[j * t[l]] = w
        polys.append(coeffs)  # coefficient of x^k at index k
    out = []
    for a in range(len(polys)):
        for b in range(a + 1, len(polys)):
            p, q = polys[a], polys[b]
            m, n = len(p) - 1, len(q) - 1
            if m == 0 or n == 0:
                continue
            size = m + n
            rows = []
            for i in range(n):  # shifts of p, highest coefficient first
                rows.append([p[m - (c - i)] if 0 <= c - i <= m else {} for c in range(size)])
            for i in range(m):
                rows.append([q[n - (c - i)] if 0 <= c - i <= n else {} for c in range(size)])
            out.append(((a + 1, b + 1), rows, size))
    return out


def _layer_polynomials(arch: Architecture, layers: list[list[dict]], mu: Parameterization
                       ) -> list[dict[tuple[int, ...], dict]]:
    """Each layer's stride-substituted polynomial ``{position in the end-to-end filter: weight}``."""
    shape = arch.end_to_end_filter_shape

    def position(e: int) -> tuple[int, ...]:
        out = []
        for size in reversed(shape):
            out.append(e % size)
            e //= size
        return tuple(reversed(out))

    return [{position(e): w for e, w in zip(exps, ws)} for exps, ws in zip(mu.layer_exponents, layers)]


def _pattern_location(table: PatternTable, point: Any, polys: list[dict], limits: Limits) -> tuple[str, str, str]:
    """``(where, reason, factors)`` for the image of a real point of a 2D stride-one
    architecture: ``where`` is ``, interior of M (relative to V(R))`` or ``, boundary of M
    (relative to V(R))``, from the exact factor list ``factors`` of ``μ(θ)`` over the point's
    number field (docs/theory.md#factor-list-number-field) and the slot search of
    docs/theory.md#pattern-boundary; ``("", reason, "")`` when it is not decided."""
    try:
        factors = algebraic_factor_list(point, polys, limits)
        member = factors_boundary_member(table.architecture, factors, limits, table=table)
    except (UndecidedError, ResourceLimitError) as exc:
        return "", str(exc), ""
    check(member.in_function_space, "the factor list of the image of a real point is not a pattern of M")
    where = ", boundary of M (relative to V(R))" if member.on_boundary else ", interior of M (relative to V(R))"
    return where, "", "0" if factors is None else factors_text(factors)


def _common_factor_matrices(arch: Architecture, layers: list[list[dict]], mu: Parameterization
                            ) -> list[tuple[tuple[int, int], list, int]]:
    """For each pair of layers of a 2D (or higher) architecture, the matrix (dict entries) of
    ``(U, V) ↦ U P_b + P_a V`` with ``P_l`` the stride-substituted layer polynomial and ``U``,
    ``V`` ranging over all monomials of the bounding boxes of ``P_a`` and ``P_b``; with the rank
    bound ``columns − 1``.

    The kernel always holds ``(P_a, −P_b)``; it is larger exactly when ``P_a`` and ``P_b`` share
    a non-constant factor (in the multi-projective sense of their formal boxes: ``U P_b =
    −P_a V`` with coprime ``P_a``, ``P_b`` forces ``P_a | U``, so ``U = c P_a`` in its box; a
    common factor ``g`` gives ``(P_a/g · h, −P_b/g · h)`` for every ``h`` in the box of ``g``).
    At stride one μ is critical exactly when two layers share a factor (the kernel of the
    differential of the product map beyond the rescalings is then non-trivial)."""
    polys = _layer_polynomials(arch, layers, mu)
    boxes = [tuple(max(p[a] for p in poly) for a in range(arch.ndim)) for poly in polys]

    def box(top: tuple[int, ...]) -> list[tuple[int, ...]]:
        cells = [()]
        for t in top:
            cells = [c + (i,) for c in cells for i in range(t + 1)]
        return cells

    out = []
    for a in range(len(polys)):
        for b in range(a + 1, len(polys)):
            if not any(boxes[a]) or not any(boxes[b]):
                continue  # a constant layer shares no factor
            rows_at = {c: i for i, c in enumerate(box(tuple(x + y for x, y in zip(boxes[a], boxes[b]))))}
            columns = []
            for other, own in ((polys[b], boxes[a]), (polys[a], boxes[b])):
                for s in box(own):
                    col: dict[int, dict] = {}
                    for e, w in other.items():
                        col[rows_at[tuple(x + y for x, y in zip(s, e))]] = w
                    columns.append(col)
            matrix = [[columns[j].get(i, {}) for j in range(len(columns))] for i in range(len(rows_at))]
            out.append(((a + 1, b + 1), matrix, len(columns) - 1))
    return out


def real_critical_points(arch: Architecture | str, loss: QuadraticLoss, *, seed: int = 0,
                         dimension: int | None = None, equations: Any = None, closed: bool | None = None,
                         limits: Limits | None = None) -> RealCriticalPointsResult:
    """The real critical points of ``ℓ(θ) = (μ(θ) − u)ᵀQ(μ(θ) − u) + const``, modulo rescaling.

    Parameters
    ----------
    arch : Architecture or str
    loss : QuadraticLoss
    seed : int
        Seed of the chart, ``h`` and the separating form.
    dimension : int, optional
        Dimension of the function space (computed when not given).
    equations : ImplicitEquations, optional
        Implicit equations of the function space (complete up to a degree suffices): with
        them each μ-regular point's location is decided (smooth interior, or a singular point
        of ``V`` when they are certified); without them it is ``not decided``.  They also say
        whether a μ-critical point's image is a smooth or a singular point of ``V``.
    closed : bool, optional
        ``True`` when ``M = V(R)`` is proved (:func:`lcnalg.real.is_zariski_closed`): then ``M``
        has no boundary in ``V(R)``, and a μ-critical point lies in the interior of ``M``.
    limits : Limits, optional
        ``max_real_critical_solutions`` bounds the Bézout number (refused up front; the
        default 81 admits ``3,2 s=2`` and ``2,3``, a few seconds, and refuses ``3,3 s=2``,
        several minutes); ``max_primes`` the lift, ``max_quotient_dimension``,
        ``max_precision`` and the Gröbner engine's bounds apply.

    Returns
    -------
    RealCriticalPointsResult

    Raises
    ------
    InputError
        For a loss of the wrong size.
    ResourceLimitError
        Beyond the limits (the system is refused up front by its Bézout number).

    Examples
    --------
    >>> res = real_critical_points("2,2 s=2", QuadraticLoss.identity([4, 0, 0, 1]))
    >>> [(p.kind, p.loss) for p in res.points]
    [('minimum', '1.00000000000000'), ('saddle', '16.0000000000000')]
    """
    start = time.perf_counter()
    arch = Architecture.coerce(arch)
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    if not isinstance(loss, QuadraticLoss):
        raise InputError(f"loss: expected a QuadraticLoss, got {checks.short(loss)}")
    check_size(arch, real=True, limits=limits)
    mu = parameterize(arch, limits=limits)
    if dimension is None:
        dimension = function_space_dimension(mu, seed=seed, limits=limits).value
    dimension = checks.integer(dimension, "dimension", low=0, form="a non-negative integer")
    system = critical_system(arch, loss, seed=seed, random_range=REAL_RANDOM_RANGE)
    r = system["r"]
    equation, _ = last_layer_saturation(arch, system, seed=seed, top=REAL_RANDOM_RANGE)
    bound = min(1.0, bezout_number(arch) * arch.num_layers / REAL_RANDOM_RANGE)
    zero = None
    if arch.num_layers >= 2:  # uᵀQu + const, exactly
        u, Q = loss.u, loss.Q
        value = sum(u[i] * Q[i][j] * u[j] for i in range(len(u)) for j in range(len(u))) + loss.constant
        zero = str(value)
    base = dict(architecture=str(arch), data=loss.summary(), seed=seed, dimension=dimension, zero_loss=zero)
    rur = None
    for route, last in (("z*h = 1", equation), ("z*det(B*J_mu) = 1", system["saturation"])):
        try:
            rur = modular_univariate_representation([_dict(f) for f in system["gradient"] + [last]], r + 1,
                                                    seed=seed, limits=limits)
            break
        except InputError:  # not zero-dimensional: saturate by the minor instead
            continue
    if rur is None:
        return RealCriticalPointsResult(
            **base, method="multi-modular univariate representation of the saturated critical system",
            certified=False, points=(), complex_solutions=None, seconds=time.perf_counter() - start,
            limitations="the saturated critical system is not zero-dimensional: not finitely many critical "
                        "orbits (the data are not generic)")
    base["primes"] = rur.primes
    ell = _dict(system["loss"])
    hessian = [[_dict(system["loss"].derivative(i).derivative(j)) for j in range(r)] for i in range(r)]
    jacobian = [[_dict(c.derivative(i)) for i in range(r)] for c in system["mu"]]
    layers = [[_dict(w) for w in layer] for layer in system["layers"]]
    shapes = arch.filters
    constant = flint.arb(flint.fmpq(loss.constant.numerator, loss.constant.denominator))
    codim = mu.ambient_dimension - dimension
    eq_jacobian, eq_certified = _equation_jacobian(equations, mu, system, codim)
    linear = arch.activation is None  # shared roots and the parity rule are facts of products of filters
    sylvester = ([] if not linear else _sylvester_matrices(arch, layers, r + 1) if arch.ndim == 1
                 else _common_factor_matrices(arch, layers, mu))
    parity = (_parity_rule(arch, system) if linear and arch.ndim == 1 and all(s == (1,) for s in arch.strides)
              else None)
    orbits = orbit_model(arch) if linear and arch.ndim == 1 and parity is None else None
    patterns = stride_one_2d(arch)  # 2D stride one: the factor list of mu(theta) over Q(tau)
    polys = _layer_polynomials(arch, layers, mu) if patterns else []
    table: PatternTable | str | None = None  # built at the first mu-critical point (or why it is not)
    found = []
    for point in rur.real_algebraic_points():
        pos, neg, zero = point.signature(hessian)
        kind = ("minimum" if neg == zero == 0 else "maximum" if pos == zero == 0
                else "saddle" if pos and neg else "degenerate")
        rank = point.rank(jacobian)
        undecided = factors = ""
        repeated = tuple((a + 1, b + 1) for a in range(len(layers)) for b in range(a + 1, len(layers))
                         if shapes[a] == shapes[b] and point.rank([layers[a], layers[b]]) <= 1)
        shared = tuple(pair for pair, matrix, bound in sylvester if point.rank(matrix) < bound)
        value = point.value(ell, 128) + constant
        image = [point.value(_dict(c), 128) for c in system["mu"]]
        weights = [point.value(w, 64) for layer in layers for w in layer]
        chart = [point.value({tuple(int(j == i) for j in range(r + 1)): 1}, 128) for i in range(r)]
        if rank < dimension:
            location = "mu critical"
            if parity is not None:  # 1D stride one: interior iff enough real roots of odd multiplicity
                odd = point.real_roots(parity[0], odd=True) + parity[2](point)
                location += ", interior of M" if odd >= parity[1] else ", boundary of M"
            elif closed:  # M = V(R): every point of M has a neighbourhood in V(R) inside M
                location += ", interior of M (M = V(R))"
            elif orbits is not None:  # 1D with strides: the root-orbit type of mu(theta) over Q(tau)
                location += _orbit_location(orbits, point, system["mu"], limits)
            elif patterns:  # 2D stride one: the factor list of mu(theta) over Q(tau) and the slot search
                if table is None:
                    try:
                        table = pattern_table(arch, limits)
                    except ResourceLimitError as exc:
                        table = f"the pattern table: {exc}"
                where, undecided, factors = (("", table, "") if isinstance(table, str)
                                             else _pattern_location(table, point, polys, limits))
                location += where
            if codim and eq_jacobian is not None:
                if point.rank(eq_jacobian) == codim:
                    location += ", smooth point of V"
                elif eq_certified:
                    location += ", singular point of V"
        elif codim == 0:
            location = "smooth interior"
        elif eq_jacobian is None:
            location = "not decided"
        elif point.rank(eq_jacobian) == codim:
            location = "smooth interior"
        else:
            location = "singular point of V" if eq_certified else "not decided"
        found.append((value, pos, neg, zero, kind, rank, repeated, image, weights, point, location, shared, chart,
                      undecided, factors))
    least = min((item[0] for item in found), key=lambda v: float(v.upper()), default=None)
    points = []
    reasons = []
    for (value, pos, neg, zero, kind, rank, repeated, image, weights, point, location, shared, chart,
         undecided, factors) in sorted(found, key=lambda t: float(t[0].mid())):
        if undecided:
            reasons.append(f"point {len(points) + 1}: {undecided}")
        points.append(RealCriticalPoint(
            kind=kind, signature=(pos, neg, zero), loss=value.str(15, radius=False),
            mu_critical=rank < dimension, jacobian_rank=rank, repeated_filters=repeated,
            least_loss=least is not None and float(value.lower()) <= float(least.upper()),
            weights=tuple(w.str(10, radius=False) for w in weights),
            image=tuple(c.str(10, radius=False) for c in image),
            field_degree=int(point.minimal_polynomial.degree()), location=location, shared_roots=shared,
            factors=factors,
            loss_value=float(value.mid()), image_values=tuple(float(c.mid()) for c in image),
            image_radius=max((float(c.rad()) for c in image), default=0.0),
            chart=tuple(c.str(40, radius=True) for c in chart)))
    return RealCriticalPointsResult(
        **base,
        method=("grad l = 0 on a random affine chart of the rescaling torus saturated by " + route
                + "; rational univariate representation from F4 Groebner bases modulo primes, lifted and "
                "verified by exact substitution; exact signs, ranks and Hessian signatures over the number "
                "field of each real root"),
        certified=False, failure_probability=bound,
        how_to_certify="repeat with other seeds (other charts); a complete list needs every chart of the torus",
        points=tuple(points), complex_solutions=rur.num_solutions, seconds=time.perf_counter() - start,
        argument=("every listed point is an exact real critical point (the representation is verified by "
                  "substituting it into the system); its type, rank and repeated filters are decided exactly "
                  "over its number field; completeness holds unless the random chart or h vanishes on a real "
                  "critical orbit, or a prime of the lift was unlucky"),
        limitations=(("shared roots and the parity rule are not evaluated for an activation r >= 2; " if not linear
                      else "")
                     + "a mu-critical point's location (boundary or interior of M) is decided for 1D stride one, "
                     "for 1D with strides (relative to V(R), from the exact root-orbit type of its image, within "
                     "the root-isolation and search limits), for 2D stride one (relative to V(R), from the exact "
                     "factor list of its image over its number field, where every factor is univariate, certified "
                     "absolutely irreducible or of degree at most 2 in a variable, within the factorization and "
                     "search limits) and where M = V(R) is "
                     "proved; it is not decided for 2D with strides (no description of the relative boundary) nor "
                     "for polynomial networks"
                     + "".join(f"; not decided at {reason}" for reason in reasons)
                     + "; with strides > 1 shared "
                     "hyperroots and common factors are named but mu-criticality is "
                     "read from the rank of the Jacobian; the least loss is among the real critical points found, "
                     "which is the infimum of the loss only when it is attained at a point where the chart applies"))
