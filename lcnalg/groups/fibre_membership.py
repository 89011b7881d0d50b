r"""Real membership in a group-convolutional function space through the real points of the fibre.

Setting (docs/theory.md#group-convolutional-networks): ``μ(w) = w_L ⋯ w_1`` in ``R[G]`` with
layer ``l`` supported on its window ``S_l`` (:class:`~lcnalg.groups.group_algebra.GroupConvParameterization`),
for any finite group ``G`` (``C_n`` with strides and wrap-around included).  The question is
whether an exact filter ``f ≠ 0`` lies in ``M = μ(R^N)``, i.e. whether the fibre ``μ^{-1}(f)``
has a real point.

Algorithm
---------
*Charts.*  For a choice ``j = (j_1, …, j_{L−1})`` of one window position per layer ``1..L−1``
the chart system is

    ``μ(w) = f``,  ``w_{l, j_l} = 1``,  ``w_{l, i} = 0`` for the positions ``i < j_l`` (``l < L``),

a polynomial system over ``Q`` in the remaining weights (those after ``j_l`` in layers ``1..L−1``
and all of layer ``L``).  There are ``Π_{l<L} k_l`` charts.

*Claim: f ∈ M iff some chart system has a real solution.*  A real solution of a chart system
is a real preimage.  Conversely let ``w`` be a real preimage of ``f ≠ 0``.  Every layer is
non-zero (a zero layer makes the product zero); let ``j_l`` be the first position where
``w_l`` is non-zero and ``λ_l = 1 / w_{l, j_l}`` (real, non-zero) for ``l < L``, and
``λ_L = 1 / Π_{l<L} λ_l``.  Multiplication is bilinear, so ``μ(λ_1 w_1, …, λ_L w_L) =
(Π λ_l) μ(w) = f``, and the rescaled point solves chart ``j``.  (The charts partition the real
preimages modulo the rescalings, so no chart repeats another's points.)

*One chart.*  lcnalg computes the reduced Gröbner basis of the chart system over ``Q``
(:func:`~lcnalg.polys.groebner.groebner_basis`: multi-modular, verified exactly).  The unit
ideal means no complex solution, hence no real one.  A zero-dimensional ideal has finitely
many complex solutions, and Hermite's quadratic form on the quotient algebra counts the
distinct real ones exactly (:func:`~lcnalg.polys.zero_dimensional.solution_counts`: its
signature, read by Descartes' rule from the characteristic polynomial).

*A positive-dimensional chart* (Krull dimension ``d ≥ 1`` in ``n`` free weights, codimension
``c = n − d``), seeded by ``seed``:

1. *Slices.*  Add ``d`` affine hyperplanes ``Σ_i a_i x_i = b`` with random integers in
   ``[−9, 9]`` and ``b`` in ``[−3, 3]``; when the sliced ideal is zero-dimensional its real solutions are counted by
   Hermite's form.  A real solution of the sliced system is a real point of the chart, so a
   positive count proves ``f ∈ M`` (and gives the witness as for a finite chart).  Four slices are
   tried.  A zero count proves nothing: the real points may lie off the slice or on a part of
   lower dimension (e.g. the one real point ``w_1 = w_2 = 0`` of ``w_1^2 + w_1 w_2 + w_2^2 = 0``).
2. *Critical points of the squared distance.*  Take ``c`` polynomials ``h_1, …, h_c`` in the chart
   ideal ``I``: its non-zero equations ``μ(w)_g − f_g`` or its reduced Gröbner basis when either
   has ``c`` elements (then ``(h) = I``), otherwise ``c`` random integer combinations of its
   equations (then ``V(h) ⊇ V(I)``, possibly with other components).  For a random integer point
   ``a`` the *Lagrange ideal* is ``Λ_a = I + ((c+1)-minors of the matrix with rows ∇h_1, …, ∇h_c,
   x − a)`` (``I``, not only ``(h)``, so that ``V(Λ_a) ⊆ V(I)``), and the *rest* is
   ``B = V(I) ∩ \overline{V(h) ∖ V(I)} = ⋃_g V(I + ((h) : g^∞))`` over the elements ``g`` of the
   reduced basis of ``I`` (over ``C``, ``V(J : g^∞)`` is the closure of ``V(J) ∖ V(g)``, and the union
   of those closures is the closure of ``V(J) ∖ ⋂_g V(g)``); each saturation is an elimination of
   ``t`` from ``(h) + (1 − t g)``.  ``B`` is empty when ``(h) = I``.
   *Claim: the chart has a real point iff ``Λ_a`` or ``B`` has one.*  Both lie in ``V(I)``, which
   gives "if".  Conversely the real points ``V(R)`` of the chart are closed and non-empty, so
   ``‖x − a‖²`` (its sublevel sets are compact) attains its minimum on them at some real ``p``.
   (i) If the Jacobian ``J(p)`` of ``h`` has rank ``< c``, every ``(c+1)``-minor vanishes at ``p``
   (its first ``c`` rows have rank ``< c``), and ``p ∈ V(Λ_a)``.  (ii) If ``J(p)`` has rank ``c``
   and ``p`` is not in the closed set ``\overline{V(h) ∖ V(I)}``, a neighbourhood ``U`` of ``p`` in
   ``C^n`` meets ``V(h)`` only in ``V(I)``, so ``V(R) ∩ U`` is the real zero set of ``h`` in ``U``:
   by the implicit function theorem (``c`` real equations with independent gradients) a
   submanifold of dimension ``d`` near ``p``.  ``p`` minimizes ``‖x − a‖²`` on it, so ``2(p − a)`` is
   orthogonal to the tangent space ``ker J(p)``, i.e. in the row space of ``J(p)``; the Lagrange
   matrix has rank ``c`` at ``p`` and ``p ∈ V(Λ_a)``.  (iii) Otherwise ``p ∈ B``.  (No genericity
   of ``h`` or ``a`` is used; the random choices only make ``Λ_a`` zero-dimensional and ``B``
   smaller.)  So: when ``Λ_a`` is zero-dimensional, Hermite's count of its real points decides it
   (a positive count is a real point of the chart, with its witness); when it has positive
   dimension below ``d`` (e.g. a singular curve of the chart), the same procedure is applied to
   ``Λ_a`` as a system of its own; when its dimension is ``d``, another ``a`` is tried (two in
   all) and otherwise the chart stays open.  Each part ``V(I + ((h) : g^∞))`` of ``B`` is decided
   the same way: Hermite when zero-dimensional, recursively when its dimension is below ``d``
   (always the case when ``V(h)`` has no component of dimension above ``d`` through ``V(I)``: a
   component ``Z ⊄ V(I)`` meets ``V(I)`` in a proper closed subset), open otherwise.  The dimension
   drops at every level, so the recursion ends (at most ``d`` levels).  The chart has no real point
   exactly when ``Λ_a`` and every part of ``B`` are proved without one.
   *Estimate.*  Before its minors are formed, each Lagrange system is refused above
   ``max_lagrange_points`` by :func:`lagrange_points`: the Euclidean distance degree bound
   ``Π d_i · Σ_{i_1 + … + i_c ≤ d} Π_j (d_j − 1)^{i_j}`` of ``c`` equations of degrees ``d_i``
   (Draisma, Horobeț, Ottaviani, Sturmfels, Thomas, Prop. 2.6; the number of isolated critical
   points for general equations of these degrees, an estimate of the quotient's dimension).
3. Otherwise the chart is left open, and the reason says which part failed (a critical locus or a
   part of ``B`` of the chart's own dimension).

*Decision.*  Contained as soon as a chart has a real solution (a finite chart with a positive
count, or a positive-dimensional chart with a real point found by steps 1-2); not contained
when every chart is empty, zero-dimensional without a real solution, or positive-dimensional
and proved without one (step 2); otherwise undecided, with the open charts named and why.  Both
verdicts follow from the claims; nothing is sampled (the random slices and points only choose
which exact systems are solved).

*Witness.*  For the chart with a real solution, a rational univariate representation of its
solutions (:func:`~lcnalg.polys.zero_dimensional.univariate_representation`) gives every real
solution from a real root ``τ`` of a squarefree ``φ ∈ Q[T]``: exact rationals when ``φ`` has a
rational real root, certified balls (Arb) otherwise.  The layers are then multiplied back in
``R[G]`` (exactly, or in ball arithmetic) and each coordinate is checked to equal ``f`` (to
contain it, for balls).

*When it decides.*  Every chart is zero-dimensional exactly when the fibre of ``f`` is finite
modulo the rescalings; then it always decides.  A positive-dimensional chart is decided when a
slice meets its real points, or when the recursion of step 2 ends (every critical locus and every
part of ``B`` met has dimension below that of the system it came from).  By the fibre-dimension
theorem every non-empty complex fibre has dimension at least ``N − dim M``, so when
``dim M < N − (L − 1)`` every non-empty chart is positive-dimensional (e.g. ``C_n`` with stride one
and wrap-around); :func:`~lcnalg.groups.group_networks.group_conv_contains` runs this route there
too, within the bounds below.  The work is bounded up front: the number of charts and, for each, the
multihomogeneous Bézout number of a square system with the chart's blocks of variables (the
equations are multilinear in the layers) add up to the estimate checked against
``max_fibre_chart_work``; each Gröbner basis is bounded by ``max_matrix_entries`` and
``max_total_entries``, each quotient by ``max_quotient_dimension``; on a positive-dimensional chart
the same bounds hold for each sliced, Lagrange and saturation system, each Lagrange system is
estimated against ``max_lagrange_points`` and its minors are bounded by ``max_minors``.

Examples
--------
>>> d = fibre_membership("S3: 3,2", [3, 0, -3, 0, 6, 0])
>>> d.contained, d.witness_exact
(True, True)
>>> d.charts[0].with_multiplicity, d.charts[0].real
(1, 1)
"""

from __future__ import annotations

import itertools
import math
import random
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.errors import InputError, UndecidedError, check
from lcnalg.groups.group_algebra import (GroupConvArchitecture, GroupConvParameterization, group_algebra_product,
                                         group_filter, group_parameterization)
from lcnalg.limits import Limits
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.minors import all_minors
from lcnalg.polys.monomials import elimination
from lcnalg.polys.univariate import ball_contains_rational
from lcnalg.polys.zero_dimensional import solution_counts, univariate_representation
from lcnalg.real.decision import ball_text, number_text

__all__ = ["FibreChart", "FibreDecision", "fibre_membership", "chart_work", "has_real_point", "lagrange_points"]

#: Generic slices tried on a positive-dimensional chart.
_SLICES = 4
#: Generic points ``a`` of the squared distance tried on a positive-dimensional chart.
_POINTS = 2


@dataclass(frozen=True)
class FibreChart:
    """One chart of the fibre: the weights fixed by the choice, and what its system has.

    Attributes
    ----------
    choice : tuple of int
        For layers ``1..L−1`` the window position ``j_l`` (0-based) whose weight is 1; the
        positions before it are 0.
    status : str
        ``"empty"`` (unit ideal), ``"finite"`` (zero-dimensional) or ``"positive-dimensional"``.
    dimension : int
        Krull dimension of the chart ideal (``-1`` when empty).
    with_multiplicity, distinct, real : int or None
        For a finite chart: the complex solutions with multiplicity, the distinct ones, and the
        distinct real ones (Hermite, exact).
    num_variables : int
        The free weights of the chart.
    real_point : bool or None
        For a positive-dimensional chart: True when a real point was found (``route`` says how; the
        counts are those of the zero-dimensional system that found it), False when the chart is
        proved to have none, None when it is left open (``route`` says why).  For the other charts
        ``real > 0``.
    route : str
        How a positive-dimensional chart was decided, or why not.
    """

    choice: tuple[int, ...]
    status: str
    dimension: int
    with_multiplicity: int | None = None
    distinct: int | None = None
    real: int | None = None
    num_variables: int = 0
    real_point: bool | None = None
    route: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data.

        Examples
        --------
        >>> FibreChart((0,), "empty", -1).to_dict()["status"]
        'empty'
        """
        return {"choice": list(self.choice), "status": self.status, "dimension": self.dimension,
                "with_multiplicity": self.with_multiplicity, "distinct": self.distinct, "real": self.real,
                "num_variables": self.num_variables, "real_point": self.real_point, "route": self.route}


@dataclass(frozen=True)
class FibreDecision:
    """The decision through the real points of the fibre (module docstring).

    Attributes
    ----------
    contained : bool or None
        None when a chart was positive-dimensional and no chart had a real solution.
    reason : str
    charts : tuple of FibreChart
        The charts solved, in the order tried (it stops at the first with a real solution).
    num_charts : int
        ``Π_{l<L} k_l``.
    witness : tuple of tuple of str or None
        Layer filters (layer 1 first, one entry per window position): exact numbers, or balls
        ``[mid +/- rad]`` when ``witness_exact`` is False.
    witness_exact : bool
    minimal_polynomial : tuple of str
        With an irrational witness: the coefficients (constant first) of the squarefree
        ``φ(T)`` of the rational univariate representation; the witness is at one of its roots.
    separating_form : tuple of int
        The linear form ``T = Σ c_i x_i`` of that representation.
    estimate : int
        The work estimate checked against ``max_fibre_chart_work``.
    seconds : float
    """

    contained: bool | None
    reason: str
    charts: tuple[FibreChart, ...] = ()
    num_charts: int = 0
    witness: tuple[tuple[str, ...], ...] | None = None
    witness_exact: bool = True
    minimal_polynomial: tuple[str, ...] = ()
    separating_form: tuple[int, ...] = ()
    estimate: int = 0
    seconds: float = 0.0

    @property
    def positive_dimensional(self) -> tuple[tuple[int, ...], ...]:
        """The choices of the positive-dimensional charts (decided or not)."""
        return tuple(c.choice for c in self.charts if c.status == "positive-dimensional")

    @property
    def undecided(self) -> tuple[tuple[int, ...], ...]:
        """The choices of the positive-dimensional charts left open."""
        return tuple(c.choice for c in self.charts if c.status == "positive-dimensional" and c.real_point is None)

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers as exact text).

        Examples
        --------
        >>> fibre_membership("C3xC2: 2,2", [3, 11, 0, 10, 0, 0]).to_dict()["method"]
        'fibre'
        """
        return {"method": "fibre", "contained": self.contained, "reason": self.reason,
                "num_charts": self.num_charts, "charts": [c.to_dict() for c in self.charts],
                "witness": None if self.witness is None else [list(w) for w in self.witness],
                "witness_exact": self.witness_exact, "minimal_polynomial": list(self.minimal_polynomial),
                "separating_form": list(self.separating_form), "estimate": self.estimate,
                "positive_dimensional": [list(c) for c in self.positive_dimensional],
                "undecided": [list(c) for c in self.undecided]}


def _blocks(windows: tuple[int, ...], choice: tuple[int, ...]) -> list[int]:
    """Free weights per layer in the chart ``choice``."""
    return [k - 1 - j for k, j in zip(windows, choice)] + [windows[-1]]


def chart_work(mu: GroupConvParameterization | str, *, limits: Limits | None = None) -> int:
    """The work estimate of :func:`fibre_membership`: the multihomogeneous Bézout numbers
    ``(Σ_l n_l)! / Π_l n_l!`` of the charts (``n_l`` the free weights of layer ``l``) added up.

    Parameters
    ----------
    mu : GroupConvParameterization or str
    limits : Limits, optional

    Returns
    -------
    int

    Examples
    --------
    >>> chart_work("S3: 3,2")          # charts j = 0, 1, 2: (2 + 2)!/(2! 2!) + 3!/(1! 2!) + 2!/(0! 2!)
    10
    """
    limits = Limits.coerce(limits)
    mu = group_parameterization(mu, limits)
    windows = mu.architecture.windows
    total = 0
    for choice in itertools.product(*(range(k) for k in windows[:-1])):
        blocks = _blocks(windows, choice)
        total += math.factorial(sum(blocks)) // math.prod(math.factorial(b) for b in blocks)
    return total


def _chart_system(mu: GroupConvParameterization, choice: tuple[int, ...],
                  values: tuple[Fraction, ...]) -> tuple[list[Any], list[tuple[int, int]]]:
    """The polynomials ``μ(w) − f`` of the chart (fmpq_mpoly) and the (layer, position) of each variable."""
    arch = mu.architecture
    order = arch.order
    names, where = [], []
    for l, k in enumerate(arch.windows):
        start = choice[l] + 1 if l < len(choice) else 0
        for i in range(start, k):
            names.append(f"w{l + 1}_{i}")
            where.append((l, i))
    ctx = flint.fmpq_mpoly_ctx.get(tuple(names), "degrevlex")
    gens = ctx.gens()
    zero, one = ctx.from_dict({}), ctx.from_dict({(0,) * len(names): 1})
    slot = {lw: gens[v] for v, lw in enumerate(where)}
    current = None
    for l, positions in enumerate(arch.positions):
        layer = [zero] * order
        for i, g in enumerate(positions):
            if l < len(choice) and i <= choice[l]:
                layer[g] = one if i == choice[l] else zero
            else:
                layer[g] = slot[(l, i)]
        if current is None:
            current = layer
            continue
        out = [zero] * order
        for a, x in enumerate(layer):
            if x == 0:
                continue
            row = mu.table[a]
            for b, y in enumerate(current):
                if y != 0:
                    out[row[b]] += x * y
        current = out
    polys = [c - flint.fmpq(v.numerator, v.denominator) for c, v in zip(current, values)]
    return [p for p in polys if p != 0], where


def _layers(arch: GroupConvArchitecture, choice: tuple[int, ...], where: list[tuple[int, int]],
            point: tuple[Any, ...]) -> list[list[Any]]:
    """The layer coefficients (window order) of a chart point."""
    layers: list[list[Any]] = []
    for l, k in enumerate(arch.windows):
        if l < len(choice):
            layers.append([Fraction(1) if i == choice[l] else Fraction(0) for i in range(k)])
        else:
            layers.append([Fraction(0)] * k)
    for (l, i), x in zip(where, point):
        layers[l][i] = x
    return layers


def _product(mu: GroupConvParameterization, layers: list[list[Any]], zero: Any) -> list[Any]:
    """``w_L ⋯ w_1`` of layer coefficient lists over any ring with ``zero``."""
    arch = mu.architecture
    full = []
    for coeffs, positions in zip(layers, arch.positions):
        w = [zero] * arch.order
        for g, x in zip(positions, coeffs):
            w[g] = x
        full.append(w)
    current = full[0]
    for w in full[1:]:
        out = [zero] * arch.order
        for a, x in enumerate(w):
            for b, y in enumerate(current):
                out[mu.table[a][b]] += x * y
        current = out
    return current


def _witness(mu: GroupConvParameterization, gb: Any, choice: tuple[int, ...], where: list[tuple[int, int]],
             values: tuple[Fraction, ...], seed: int,
             limits: Limits) -> tuple[tuple[tuple[str, ...], ...], bool, tuple[str, ...], tuple[int, ...]]:
    """A real solution of the chart as layers (exact or balls), checked against ``f``."""
    arch = mu.architecture
    rur = univariate_representation(gb, seed=seed, limits=limits)
    phi = rur.minimal_polynomial
    rational = []
    for fac, _ in phi.numer().factor()[1]:
        if fac.degree() == 1:
            c = fac.coeffs()
            rational.append(flint.fmpq(-c[0], c[1]))
    if rational:
        tau = min(rational, key=lambda t: (abs(t.p) + abs(t.q), t))
        point = tuple(Fraction(int(x.p), int(x.q)) for x in rur.exact_point(tau))
        layers = _layers(arch, choice, where, point)
        table = mu.table
        # exact check: the product of the layers is f
        current = None
        for coeffs, positions in zip(layers, arch.positions):
            w = [Fraction(0)] * arch.order
            for g, x in zip(positions, coeffs):
                w[g] = x
            current = w if current is None else group_algebra_product(w, current, table)
        check(tuple(current) == values, "the rational fibre point does not multiply back to f")
        return tuple(tuple(number_text(x) for x in layer) for layer in layers), True, (), rur.separating_form
    points = rur.real_points()
    check(bool(points), "Hermite counted a real solution but the representation has no real root")
    balls = _layers(arch, choice, where, points[0])
    balls = [[x if isinstance(x, flint.arb) else flint.arb(x.numerator) / x.denominator for x in layer]
             for layer in balls]
    product = _product(mu, balls, flint.arb(0))
    check(all(ball_contains_rational(b, v) for b, v in zip(product, values)),
          "the certified fibre point does not multiply back to a ball around f")
    return (tuple(tuple(ball_text(x) for x in layer) for layer in balls), False,
            tuple(number_text(Fraction(int(c.p), int(c.q))) for c in phi.coeffs()), rur.separating_form)


def _random_ints(rng: Any, count: int, bound: int = 9) -> list[int]:
    return [rng.randint(-bound, bound) for _ in range(count)]


def _zero_dimensional_counts(polys: list[Any], nvars: int, limits: Limits) -> tuple[Any, Any] | None:
    """The verified Gröbner basis and Hermite counts of ``polys`` when they are zero-dimensional (else None;
    the unit ideal gives counts of zero)."""
    gb = groebner_basis(polys, "degrevlex", nvars=nvars, limits=limits)
    dim = gb.dimension()
    if dim > 0:
        return None
    if dim < 0:
        return gb, None
    counts = solution_counts(gb, limits=limits)
    check(counts.certified, "the counts of a verified Groebner basis over Q are certified")
    return gb, counts


@dataclass(frozen=True)
class _Open:
    """What a positive-dimensional chart gave: a zero-dimensional system with a real solution (its basis), or a
    proof that the chart has no real point, or neither."""

    real: bool | None
    route: str
    gb: Any = None
    counts: Any = None


def lagrange_points(degrees: Any, nvars: int) -> int:
    """The bound ``Π d_i · Σ_{i_1 + … + i_c ≤ n − c} Π_j (d_j − 1)^{i_j}`` on the isolated critical points of
    the squared distance on ``c`` equations of degrees ``d_i`` in ``n`` variables (the Euclidean distance
    degree of a general complete intersection, Draisma et al., Prop. 2.6): the estimate of one Lagrange
    system, checked against ``max_lagrange_points``.

    Parameters
    ----------
    degrees : sequence of int
        The degrees ``d_1, …, d_c`` (``c ≤ n``), each at least 1.
    nvars : int

    Returns
    -------
    int

    Raises
    ------
    InputError
        For a degree below 1 or more degrees than variables.

    Examples
    --------
    >>> lagrange_points([2], 2)              # a conic: 2 (1 + 1)
    4
    >>> lagrange_points([2, 2, 2], 4)        # 8 (1 + 3)
    32
    """
    degrees = [int(d) for d in degrees]
    if not all(d >= 1 for d in degrees) or len(degrees) > nvars:
        raise InputError(f"degrees: expected at most nvars = {nvars} integers >= 1, got {degrees}")
    top = nvars - len(degrees)
    series = [1] + [0] * top                 # Π_j Σ_i (d_j − 1)^i t^i, truncated at t^top
    for d in degrees:
        powers = [(d - 1) ** i for i in range(top + 1)]
        series = [sum(series[k] * powers[i - k] for k in range(i + 1)) for i in range(top + 1)]
    return math.prod(degrees) * sum(series)


def _from_dicts(ctx: Any, dicts: list[dict[Any, Any]]) -> list[Any]:
    return [ctx.from_dict({e: flint.fmpq(c) if not isinstance(c, Fraction) else flint.fmpq(c.numerator, c.denominator)
                           for e, c in d.items()}) for d in dicts]


def _saturation(h: list[Any], g: Any, nvars: int, limits: Limits) -> list[Any]:
    """Generators of ``(h) : g^∞ = ((h) + (1 − t g)) ∩ Q[x]`` (Rabinowitsch; an elimination order with ``t`` first),
    as polynomials of the context of ``h``."""
    ctx = h[0].context()
    shift = [{(0,) + tuple(e): c for e, c in p.to_dict().items()} for p in list(h)]
    rab = {(1,) + tuple(e): -c for e, c in g.to_dict().items()}
    rab[(0,) * (nvars + 1)] = rab.get((0,) * (nvars + 1), 0) + 1
    gb = groebner_basis(shift + [rab], elimination(1), nvars=nvars + 1, limits=limits)
    return _from_dicts(ctx, gb.eliminate(1, drop_variables=True))


def _basis(polys: list[Any], nvars: int, limits: Limits) -> tuple[Any, int]:
    gb = groebner_basis(polys, "degrevlex", nvars=nvars, limits=limits)
    return gb, gb.dimension()


def _lower_piece(gb: Any, piece_dim: int, nvars: int, seed: int, limits: Limits, depth: int) -> _Open:
    """The real points of a piece of dimension ``0 ≤ piece_dim`` below its chart's (a Lagrange system or the
    chart's points on the other components of ``V(h)``): Hermite's count when zero-dimensional, else the
    procedure of :func:`_positive_dimensional` one level deeper."""
    if piece_dim == 0:
        counts = solution_counts(gb, limits=limits)
        check(counts.certified, "the counts of a verified Groebner basis over Q are certified")
        return _Open(bool(counts.real), f"{counts.real} real of {counts.distinct} complex point(s)", gb, counts)
    return _positive_dimensional(gb.as_flint(), gb, piece_dim, nvars, seed, limits, depth + 1)


def _positive_dimensional(polys: list[Any], gb: Any, dim: int, nvars: int, seed: int, limits: Limits,
                          depth: int = 0) -> _Open:
    """Slices, then the critical points of the squared distance on ``V(h)`` for ``c`` equations ``h`` in the
    chart ideal, with the points of the chart on the other components of ``V(h)`` and a positive-dimensional
    critical locus decided recursively (module docstring)."""
    if not polys:
        return _Open(None, "no equation to slice")
    rng = random.Random(seed * 7919 + 20 + 104729 * depth)
    ctx = polys[0].context()
    gens = ctx.gens()
    one = ctx.from_dict({(0,) * nvars: 1})
    zero = 0 * one
    # 1. generic rational affine slices of codimension dim: a real point of a slice is a real point of the chart
    for _ in range(_SLICES):
        planes = [sum((c * x for c, x in zip(_random_ints(rng, nvars), gens)), rng.randint(-3, 3) * one)
                  for _ in range(dim)]
        found = _zero_dimensional_counts(list(polys) + planes, nvars, limits)
        if found is not None and found[1] is not None and found[1].real:
            return _Open(True, f"a generic affine slice of codimension {dim} with {found[1].real} real point(s)",
                         found[0], found[1])
    # 2. c equations h in the ideal: its own generators when they are c in number (then V(h) is the chart),
    #    else c random integer combinations of them (V(h) is the chart and possibly other components)
    c = nvars - dim
    basis = gb.as_flint()
    if len(polys) == c or len(basis) == c:
        h, whole = (list(polys) if len(polys) == c else basis), True
    else:
        h = [sum((k * p for k, p in zip(_random_ints(rng, len(polys)), polys)), zero) for _ in range(c)]
        whole = False
    if any(p == 0 for p in h):
        return _Open(None, "a random combination of the chart's equations vanished")
    estimate = lagrange_points([p.total_degree() for p in h], nvars)
    limits.check("max_lagrange_points", f"critical points of the squared distance on {c} equations of degrees "
                 f"{', '.join(str(p.total_degree()) for p in h)} in {nvars} weights (a fibre chart's Lagrange "
                 f"system)", estimate)
    jac = [[p.derivative(i) for i in range(nvars)] for p in h]
    steps: list[str] = []
    lagrange_done = None
    lagrange_system: tuple[Any, Any] = (None, None)     # a zero-dimensional Lagrange system and its counts
    for _ in range(_POINTS):
        a = _random_ints(rng, nvars)
        point = f"a = ({', '.join(map(str, a))})"
        minors = all_minors(jac + [[x - k * one for x, k in zip(gens, a)]], c + 1, zero, limits=limits,
                            what="minors of the Lagrange matrix of a fibre chart")
        lam, lam_dim = _basis(list(polys) + minors, nvars, limits)
        if lam_dim < 0:
            lagrange_done = f"the critical and singular points of the squared distance to {point}: none"
            break
        if lam_dim >= dim:
            continue                                    # the critical locus has the chart's dimension: another a
        piece = _lower_piece(lam, lam_dim, nvars, seed, limits, depth)
        what = f"the critical and singular points of the squared distance to {point} (dimension {lam_dim})"
        if piece.real:
            return _Open(True, f"{what}: {piece.route}", piece.gb, piece.counts)
        if piece.real is None:
            return _Open(None, f"{what}: {piece.route}")
        lagrange_done = f"{what} have no real point: {piece.route}"
        if lam_dim == 0:
            lagrange_system = (lam, piece.counts)
        break
    if lagrange_done is None:
        return _Open(None, f"no real point on {_SLICES} generic slices; the critical and singular points of the "
                     f"squared distance had the chart's dimension {dim} for {_POINTS} points a")
    steps.append(lagrange_done)
    if not whole:
        # 3. the chart's points on the other components of V(h): V(I + (h : g^∞)) for g in a basis of I
        for g in basis:
            sat = _saturation(h, g, nvars, limits)
            piece, piece_dim = _basis(list(polys) + sat, nvars, limits)
            if piece_dim < 0:
                continue
            if piece_dim >= dim:
                return _Open(None, f"{lagrange_done}; but the chart meets the other components of V(h) in "
                             f"dimension {piece_dim} (not below the chart's {dim})")
            sub = _lower_piece(piece, piece_dim, nvars, seed, limits, depth)
            what = f"where the chart meets the other components of V(h) (dimension {piece_dim})"
            if sub.real:
                return _Open(True, f"{what}: {sub.route}", sub.gb, sub.counts)
            if sub.real is None:
                return _Open(None, f"{lagrange_done}; {what}: {sub.route}")
            steps.append(f"no real point {what}: {sub.route}")
    kind = (f"a complete intersection ({c} equations, dimension {dim})" if whole else
            f"dimension {dim}, inside V(h) for {c} random combinations h of its {len(polys)} equations")
    return _Open(False, f"{kind}: " + "; ".join(steps) + ", so no real point", *lagrange_system)


def has_real_point(polys: Any, *, seed: int = 0, limits: Limits | None = None) -> tuple[bool | None, str]:
    """Whether polynomials over ``Q`` have a common real zero, by the procedure of a fibre chart (module
    docstring: Hermite's count when zero-dimensional; otherwise slices, critical points of the squared
    distance, and recursion onto a critical locus or the chart's points on other components of ``V(h)``).

    Parameters
    ----------
    polys : sequence of flint.fmpq_mpoly
        In one context, at least one.
    seed : int
        Seed of the slices, combinations and points ``a``.
    limits : Limits, optional
        Each Gröbner basis by the matrix bounds, each quotient by ``max_quotient_dimension``, each
        Lagrange system by ``max_lagrange_points`` and ``max_minors``.

    Returns
    -------
    (bool or None, str)
        True (a real zero exists), False (none) or None (open), and how it was decided.

    Examples
    --------
    >>> import flint
    >>> ctx = flint.fmpq_mpoly_ctx.get(("x", "y", "z"), "degrevlex")
    >>> x, y, z = ctx.gens()
    >>> has_real_point([x**2 + y**2 + z**2 + 1])[0]
    False
    >>> has_real_point([x**2 + y**2])[0]          # two complex planes; real points only on their line
    True
    >>> has_real_point([y**2 + 1])                # x and z free: decided in y alone
    (False, 'zero-dimensional: 0 real of 2 complex point(s)')
    """
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    polys = [p for p in polys if p != 0]
    if not polys:
        return True, "no non-zero polynomial"
    check(all(isinstance(p, flint.fmpq_mpoly) for p in polys), "has_real_point: fmpq_mpoly polynomials")
    if len({p.context() for p in polys}) != 1:
        raise InputError("polys: all in one context")
    polys = _in_used_variables(polys)
    nvars = polys[0].context().nvars()
    if nvars == 0:
        return False, "a non-zero constant"
    gb, dim = _basis(polys, nvars, limits)
    if dim < 0:
        return False, "the unit ideal"
    if dim == 0:
        counts = solution_counts(gb, limits=limits)
        check(counts.certified, "the counts of a verified Groebner basis over Q are certified")
        return counts.real > 0, f"zero-dimensional: {counts.real} real of {counts.distinct} complex point(s)"
    found = _positive_dimensional(polys, gb, dim, nvars, seed, limits)
    return found.real, found.route


def _in_used_variables(polys: list[Any]) -> list[Any]:
    """Polynomials of one context in the variables they use, in a context of those alone: a
    real zero of these, with any real values of the others, is one of the given ones (a variable
    left free would make every zero set look one dimension larger to the procedure)."""
    ctx = polys[0].context()
    n = ctx.nvars()
    used = [i for i in range(n) if any(e[i] for p in polys for e in p.monoms())]
    if len(used) == n:
        return polys
    names = ctx.names()
    small = flint.fmpq_mpoly_ctx.get(tuple(names[i] for i in used), "degrevlex")
    return [small.from_dict({tuple(e[i] for i in used): c for e, c in p.to_dict().items()}) for p in polys]


def fibre_membership(mu: GroupConvParameterization | str, f: Any, *, seed: int = 0,
                     limits: Limits | None = None) -> FibreDecision:
    """Decide ``f ∈ M`` through the real points of the fibre, chart by chart (module docstring).

    Parameters
    ----------
    mu : GroupConvParameterization or str
        Any finite group (``"S3: 3,2"``, ``"C8: 5,4 s=2"``).
    f : sequence or str
        ``|G|`` exact numbers, indexed like the coordinates of ``μ``.
    seed : int
        Seed of the separating forms of the witness.
    limits : Limits, optional
        ``max_fibre_chart_work`` bounds :func:`chart_work` (refused before any chart is solved);
        ``max_matrix_entries``, ``max_total_entries``, ``max_primes`` and ``max_quotient_dimension``
        bound each chart.

    Returns
    -------
    FibreDecision

    Raises
    ------
    InputError
        For a filter of the wrong length or with inexact entries, or another ``mu``.
    ResourceLimitError
        When the estimate exceeds ``max_fibre_chart_work``, or a chart exceeds its bounds.

    Examples
    --------
    >>> fibre_membership("C3xC2: 2,2", [3, 11, 0, 10, 0, 0]).witness    # (1 + 2g)(3 + 5g), g of order 3
    (('1', '2'), ('3', '5'))
    >>> d = fibre_membership("C3xC2: 2,2", [1, 0, 0, 1, 0, 0])    # 1 + g^2 = (1 + b g)(c + d g): d = -b, b^2 = -1
    >>> d.contained, [(c.choice, c.status, c.distinct, c.real) for c in d.charts]
    (False, [((0,), 'finite', 2, 0), ((1,), 'empty', None, None)])
    >>> fibre_membership("S3: 3,2", [1, 0, 0, 0, 0, 0], limits=Limits(max_fibre_chart_work=5))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: multihomogeneous Bezout numbers of the 3 fibre charts of S3: 3,2 added up estimated at 10, above the bound 5; to allow it, raise limits=Limits(max_fibre_chart_work=...) (CLI: --max-fibre-chart-work)
    """
    start = time.perf_counter()
    limits = Limits.coerce(limits)
    mu = group_parameterization(mu, limits)
    seed = checks.seed(seed)
    arch = mu.architecture
    values = group_filter(f, arch.order, "f")
    windows = arch.windows
    num_charts = math.prod(windows[:-1])
    if not any(values):
        zero = tuple(("0",) * k for k in windows)
        return FibreDecision(True, "the zero filter (every layer zero)", (), num_charts, zero, True,
                             seconds=time.perf_counter() - start)
    estimate = chart_work(mu, limits=limits)
    limits.check("max_fibre_chart_work", f"multihomogeneous Bezout numbers of the {num_charts} fibre charts of "
                 f"{arch} added up", estimate)
    charts: list[FibreChart] = []
    for choice in itertools.product(*(range(k) for k in windows[:-1])):
        polys, where = _chart_system(mu, choice, values)
        gb = groebner_basis(polys, "degrevlex", nvars=len(where), limits=limits)
        dim = gb.dimension() if polys else len(where)
        if dim < 0:
            charts.append(FibreChart(choice, "empty", -1, num_variables=len(where)))
            continue
        if dim > 0:
            found = _positive_dimensional(polys, gb, dim, len(where), seed, limits)
            c = found.counts
            charts.append(FibreChart(choice, "positive-dimensional", dim,
                                     *((c.with_multiplicity, c.distinct, c.real) if c is not None else ()),
                                     num_variables=len(where), real_point=found.real, route=found.route))
            if not found.real:
                continue
            gb, counts = found.gb, c
            what = (f"is positive-dimensional (dimension {dim}) and has a real point: {found.route} (Hermite's "
                    f"form on a zero-dimensional quotient of dimension {counts.with_multiplicity})")
        else:
            counts = solution_counts(gb, limits=limits)
            check(counts.certified, "the counts of a verified Groebner basis over Q are certified")
            charts.append(FibreChart(choice, "finite", 0, counts.with_multiplicity, counts.distinct, counts.real,
                                     len(where)))
            what = (f"has {counts.real} real point(s) among its {counts.distinct} complex one(s) (Hermite's form "
                    f"on a zero-dimensional quotient of dimension {counts.with_multiplicity})")
        if counts.real:
            try:
                layers, exact, phi, form = _witness(mu, gb, choice, where, values, seed, limits)
            except UndecidedError:      # no separating form found: the count alone proves membership
                layers, exact, phi, form = None, True, (), ()
            reason = (f"the fibre chart {_choice_text(choice)} (the first non-zero weight of layers 1..L-1 "
                      f"rescaled to 1) {what}")
            return FibreDecision(True, reason, tuple(charts), num_charts, layers, exact, phi, form, estimate,
                                 time.perf_counter() - start)
    open_ = [c for c in charts if c.status == "positive-dimensional" and c.real_point is None]
    finite = [c for c in charts if c.status == "finite"]
    curved = [c for c in charts if c.status == "positive-dimensional" and c.real_point is False]
    complex_points = sum(c.distinct or 0 for c in finite)
    if open_:
        reason = (f"fibre charts: {len(open_)} of {num_charts} positive-dimensional and open ("
                  + "; ".join(f"{_choice_text(c.choice)}: {c.route}" for c in open_)
                  + f"); no real point in the other {num_charts - len(open_)}")
        return FibreDecision(None, reason, tuple(charts), num_charts, estimate=estimate,
                             seconds=time.perf_counter() - start)
    reason = (f"every real preimage would lie, rescaled, in one of the {num_charts} fibre charts: "
              f"{num_charts - len(finite) - len(curved)} empty, {len(finite)} zero-dimensional with {complex_points} "
              f"complex point(s) in all, none real (Hermite's form, exact)")
    if curved:
        reason += (f", {len(curved)} positive-dimensional without a real point ("
                   + "; ".join(f"{_choice_text(c.choice)}: {c.route}" for c in curved) + ")")
    return FibreDecision(False, reason, tuple(charts), num_charts, estimate=estimate,
                         seconds=time.perf_counter() - start)


def _choice_text(choice: tuple[int, ...]) -> str:
    return "(" + ", ".join(f"w{l + 1}_{j} = 1" for l, j in enumerate(choice)) + ")" if choice else "(layer L only)"
