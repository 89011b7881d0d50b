"""The generic fibre of a polynomial network's parameterization, counted by a Gröbner basis.

For the activation ``σ(t) = t^r`` (``r ≥ 2``) the degree of the neurovariety ``V`` follows
from the number ``|F|`` of points of a generic fibre of μ modulo rescaling
(docs/theory.md#polynomial-networks)::

    deg V · |F| = (Σ n_l)! / Π n_l! · Π d_l^{n_l},   n_l = |k_l| − 1,  d_l = r^{L−l},

the right-hand side being the degree of the Segre–Veronese variety ``SV``, the image of
``P^{n_1} × ⋯ × P^{n_L}`` under ``O(d_1, …, d_L)``
(:func:`~lcnalg.algebra.degree.segre_veronese_degree`).  This module counts ``|F|``.

Why the formula holds
---------------------
Every coordinate of μ is multihomogeneous of degree ``d_l`` in layer ``l``, so μ induces a
rational map ``π : P^{n_1} × ⋯ × P^{n_L} ⇢ P^{K−1}`` (``K`` coordinates), the composite of the
Segre–Veronese embedding (all monomials of multidegree ``(d_l)``) with a linear projection.
*π has no base locus*: ``f ≠ 0`` whenever every ``w_l ≠ 0``.  Order the inputs of every layer
lexicographically (in 2D row-major) and compare monomials lexicographically.  Let ``j_l`` be the
first non-zero entry of ``w_l``.  By induction on ``l``, the output ``u`` of layer ``l`` at
position ``i`` has as its leading term ``w_{l, j_l}`` times the leading term of the input
``σ(u_{i s_l + j_l})`` (``r``-th power of the previous layer's output): every other term of
``Σ_j w_{l, j} σ(u_{i s_l + j})`` is smaller, because the leading monomial of
``σ(u_{i s + j})`` is the ``r``-th power of that of ``u_{i s + j}``, and the leading monomials
of the outputs of one layer at different positions are distinct and ordered like the positions
(each is a power product of the inputs starting at its receptive field's first input), so the
term of ``j_l`` is the largest among the non-zero ones and is not cancelled.  Hence the leading
coefficient of ``f`` is ``Π_l w_{l, j_l}^{r^{L−l}} ≠ 0``.  So π is a morphism; as the
restriction of a linear projection to ``SV`` whose centre ``E`` misses ``SV``, it is finite, and
``π^* O(1) = O(d_1, …, d_L)``; the projection formula gives ``deg π · deg V = deg SV``.

The fibre of π over ``[μ(θ_0)]`` is the set of ``θ`` with ``μ(θ) = μ(θ_0)`` (μ is linear in
``w_L``, so proportional values come from rescaling ``w_L``) modulo the group
``{λ ∈ (C^*)^L : Π λ_l^{d_l} = 1}`` acting by ``w_l ↦ λ_l w_l``.  That group is the graph of
``λ_L = Π_{l<L} λ_l^{−d_l}`` (``d_L = 1``), hence a connected torus of dimension ``L − 1``; it
contains the rescaling torus ``w_l ↦ λ w_l, w_{l+1} ↦ λ^{−r} w_{l+1}`` (also connected, of
dimension ``L − 1``), so the two are equal and ``deg π = |F|``.

Counting
--------
At a seeded random point ``θ_0`` (every entry uniform in ``{1, …, S}``, modulo a prime ``p``,
``S = p − 1``, or over Q) and a seeded random *chart*, independent of ``θ_0`` — on every layer
``l < L`` a linear form ``a_l · w_l = 1``, ``a_l`` uniform in ``{1, …, S}^{|k_l|}``, solved for
``w_{l,0}`` — every rescaling orbit with ``a_l · w_l ≠ 0`` for ``l < L`` meets the chart in
exactly one point (the ``λ`` are fixed one layer after the other).  The system
``μ(y) = μ(θ_0)`` in the ``m = N − L + 1`` free weights ``y`` of the chart is solved by
lcnalg's F4 engine (:func:`~lcnalg.polys.groebner.groebner_basis`); the dimension ``D`` of
its quotient algebra counts the solutions with multiplicity, and the distinct ones are counted
as in :func:`~lcnalg.polys.zero_dimensional.solution_counts` (squarefree part of the
characteristic polynomial of a random linear form modulo ``p``; the rank of the Hermite form
over Q).  The rescaled ``θ_0`` must be one of the solutions (checked).

Why the count bounds ``|F|`` and when it equals it
---------------------------------------------------
The quotient algebra of the chart system is the coordinate ring of the scheme-theoretic fibre
``π^{-1}([μ(θ_0)])`` on the chart (μ never vanishes on it).  For the finite morphism π the
length of the fibre is upper semicontinuous on ``V`` and equals ``|F|`` at the generic point
(the generic fibre is reduced in characteristic 0).  The fibre over ``[μ(θ_0)]`` is a finite
linear section ``SV ∩ ⟨E, μ(θ_0)⟩``, so it has at most ``deg SV`` points; the chart is drawn
independently of ``θ_0``, so all of them lie on it except with probability at most
``deg SV · (L − 1) / S`` (for each point and layer ``a_l · w_l`` is a non-zero linear form in
``a_l``: Schwartz–Zippel).  Then ``D`` is the whole length, and ``|F| ≤ D`` for *every*
``θ_0``.  When ``D = 1`` the count is therefore exact (``|F| ≥ 1``).  When ``D > 1``,
``|F| = D`` unless ``θ_0`` lies on the proper Zariski-closed set where the fibre length jumps,
whose degree is not bounded here: the smallest ``D`` over the sample points is reported, with
that limitation.  Modulo ``p`` all of this holds for the reduction of the system; that it
matches the count over Q is not bounded (an unlucky prime), and ``exact=True`` removes that
doubt.

A second route (:func:`degree_by_slice`), which never counts a fibre: cut the affine cone of
``V`` by ``m − 1`` random linear forms ``ℓ_i(c) = 0`` and ``ℓ_0(c) = 1`` (``m = dim`` of the
cone), pull the slice back to the chart and solve the ``m`` equations in the ``m`` free
weights.  The ``deg V`` points of the slice are the distinct values of a random linear form
``ρ · μ`` at the solutions: the distinct roots of the characteristic polynomial of
multiplication by ``ρ · μ`` on the quotient algebra (each with the size of its fibre as its
multiplicity, and ``deg SV`` solutions in all for a generic slice).

The size of the system is estimated before any work by its *multihomogeneous Bézout number*
``m! / Π m_l! · Π d_l^{m_l}`` (``m_l = n_l`` free weights in layer ``l < L``, ``m_L = |k_L|``),
the number of isolated solutions of ``m`` generic combinations of the equations; a system above
``limits.max_fibre_solutions`` is refused.

References
----------
.. [SMK25] Shahverdi, Marchetti, Kohn, *On the geometry and optimization of polynomial
   convolutional networks*, AISTATS 2025: the parameterization is generically injective up to
   rescaling, the neuromanifold a linear image of a Segre–Veronese variety.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polynomial_parameterization import PolynomialParameterization
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.modular import GF_PRIME
from lcnalg.rings import modular_ring, rational_ring

__all__ = ["FibreCount", "SliceCount", "count_fibre", "degree_by_slice", "fibre_bezout_number", "check_fibre_size", "MODULUS",
           "EXACT_RANDOM_RANGE"]

#: The prime of the modular count (``2^31 − 1``); the random entries are drawn from ``{1, …, p − 1}``.
MODULUS = GF_PRIME
#: Over Q the random entries are drawn from ``{1, …, EXACT_RANDOM_RANGE}`` (small numbers keep
#: the rational Gröbner basis small, at the price of a larger failure bound).
EXACT_RANDOM_RANGE = 2**12


@dataclass(frozen=True)
class FibreCount:
    """The generic fibre of μ modulo rescaling, counted at random points.

    Attributes
    ----------
    fibre_size : int or None
        The smallest count with multiplicity over the sample points: a proved upper bound on
        ``|F|`` (except with probability ``failure_probability``), equal to it when 1, and
        equal to it at a generic point otherwise; None when no sample point gave a finite,
        reduced fibre containing the sample.
    with_multiplicity, distinct : tuple of int or None
        Per sample point: the dimension of the quotient algebra and the number of distinct
        solutions (None where the fibre was not zero-dimensional).
    contains_sample : tuple of bool
        Per sample point: the rescaled sample is a solution of its system.
    bezout_number : int
        Multihomogeneous Bézout number of the system.
    segre_veronese_degree : int
        ``deg SV``.
    failure_probability : float
        Bound on the probability that a random choice (a chart missing a fibre point, a
        separating form modulo ``p``) made the answer wrong (Schwartz–Zippel, union over points).
    modulus : int or None
        The prime, or None over Q.
    seed : int
    seconds : float
    method, limitations : str
    """

    fibre_size: int | None
    with_multiplicity: tuple[int | None, ...]
    distinct: tuple[int | None, ...]
    contains_sample: tuple[bool, ...]
    bezout_number: int
    segre_veronese_degree: int
    failure_probability: float
    modulus: int | None
    seed: int
    seconds: float
    method: str
    limitations: str

    @property
    def exact(self) -> bool:
        """True when the fibre size is proved up to the chart's failure bound: ``|F| = 1``
        (``|F| ≤ D = 1`` and ``|F| ≥ 1``)."""
        return self.fibre_size == 1


def _sv_degree(ns: list[int], ds: list[int]) -> int:
    return math.factorial(sum(ns)) // math.prod(math.factorial(n) for n in ns) * math.prod(
        d ** n for d, n in zip(ds, ns))


def fibre_bezout_number(mu: PolynomialParameterization) -> int:
    """Multihomogeneous Bézout number ``m!/Π m_l! · Π d_l^{m_l}`` of the fibre system.

    ``m_l = |k_l| − 1`` free weights of layer ``l < L`` on the chart, ``m_L = |k_L|``, and
    ``d_l = r^{L−l}`` the degree of μ in layer ``l``.

    Examples
    --------
    >>> fibre_bezout_number(PolynomialParameterization("2,2 r=2"))
    6
    """
    sizes = [hi - lo for lo, hi in mu.layer_slices]
    ms = [s - 1 for s in sizes[:-1]] + [sizes[-1]]
    return _sv_degree(ms, list(mu.layer_degrees))


def check_fibre_size(mu: PolynomialParameterization, limits: Limits | None = None) -> int:
    """Refuse, before any work, a fibre count whose Bézout number is above the bound.

    Returns
    -------
    int
        The Bézout number.

    Raises
    ------
    ResourceLimitError
        When :func:`fibre_bezout_number` exceeds ``limits.max_fibre_solutions``.

    Examples
    --------
    >>> check_fibre_size(PolynomialParameterization("2,2 r=2"))
    6
    >>> check_fibre_size(PolynomialParameterization("2,2 r=2"), Limits(max_fibre_solutions=5))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: multihomogeneous Bezout number of the fibre system of 2,2 r=2 estimated at 6, above the bound 5; to allow it, raise limits=Limits(max_fibre_solutions=...) (CLI: --max-fibre-solutions)
    """
    limits = Limits.coerce(limits)
    bz = fibre_bezout_number(mu)
    limits.check("max_fibre_solutions", "multihomogeneous Bezout number of the fibre system of "
                 f"{checks.short(str(mu.architecture), 40)}", bz)
    return bz


def _system(mu: PolynomialParameterization, rng: random.Random, top: int, p: int | None,
            slice_forms: bool = False) -> tuple[list[dict], list[Any], int]:
    """The chart system ``μ(y) − μ(θ_0)`` (dicts), the rescaled ``θ_0`` on the chart (its free
    weights) and the number of free weights; None for the point when ``θ_0``'s orbit misses the
    chart."""
    L = mu.architecture.num_layers
    sizes = [hi - lo for lo, hi in mu.layer_slices]
    theta = [[rng.randint(1, top) for _ in range(s)] for s in sizes]
    chart = [[rng.randint(1, top) for _ in range(s)] for s in sizes[:-1]]
    free = [n for l, (lo, hi) in enumerate(mu.layer_slices) for n in mu.parameter_names[lo + (l < L - 1):hi]]
    m = len(free)
    if p is None:
        R = rational_ring(tuple(free))
        P = rational_ring(mu.parameter_names)
        inv = lambda x: Fraction(1, 1) / x  # noqa: E731
        coords = [P.from_dict({e: int(c) for e, c in f.to_dict().items()}) for f in mu.coordinates]
    else:
        R = modular_ring(tuple(free), p)
        P = modular_ring(mu.parameter_names, p)
        inv = lambda x: pow(int(x) % p, -1, p)  # noqa: E731
        coords = [P.from_dict({e: int(c) % p for e, c in f.to_dict().items()}) for f in mu.coordinates]
    y = R.gens()
    one = R.from_dict({(0,) * m: 1})
    subs, pos = [], 0
    for l, s in enumerate(sizes):
        if l < L - 1:
            a = chart[l]
            rest = list(y[pos:pos + s - 1])
            w0 = (one - sum((a[j + 1] * rest[j] for j in range(s - 1)), R.from_dict({}))) * _scalar(inv(a[0]))
            subs += [w0] + rest
            pos += s - 1
        else:
            subs += list(y[pos:pos + s])
    # θ_0 rescaled onto the chart, one layer after the other: w_l ↦ λ w_l, w_{l+1} ↦ λ^{-r} w_{l+1}
    r = mu.exponent
    scaled = [list(map(Fraction, t)) if p is None else list(t) for t in theta]
    point: list[Any] | None = []
    for l in range(L - 1):
        form = sum(a * w for a, w in zip(chart[l], scaled[l]))
        if (form == 0) if p is None else (form % p == 0):
            point = None
            break
        lam = inv(form)
        scaled[l] = [lam * w for w in scaled[l]]
        scaled[l + 1] = [w * inv(lam) ** r for w in scaled[l + 1]]
        assert point is not None
        point += scaled[l][1:]
    if point is not None:
        point += scaled[L - 1]
        if p is not None:
            point = [int(v) % p for v in point]
    flat = [v for t in theta for v in t]
    target = mu.evaluate(flat) if p is None else mu.evaluate_mod(flat, p)
    pulled = [c.compose(*subs, ctx=R) for c in coords]
    if slice_forms:  # m - 1 linear forms = 0 and one = 1, then a random form rho . mu
        forms = [[rng.randint(1, top) for _ in pulled] for _ in range(m + 1)]
        combos = [sum((a * f for a, f in zip(form, pulled)), R.from_dict({})) for form in forms]
        combos[0] = combos[0] - 1
        return [{tuple(int(x) for x in e): _coefficient(cf, p) for e, cf in f.to_dict().items()}
                for f in combos], point, m
    eqs = []
    for f, v in zip(pulled, target):
        f = f - _scalar(v)
        if p is not None:   # coefficients already ints; exponents (fmpz) made ints by map
            eqs.append({tuple(map(int, e)): cf for e, cf in zip(f.monoms(), f.coeffs())})
        else:
            eqs.append({tuple(int(x) for x in e): _coefficient(cf, p) for e, cf in f.to_dict().items()})
    return [e for e in eqs if e], point, m


def _scalar(v: Any) -> Any:
    if isinstance(v, Fraction):
        import flint
        return flint.fmpq(v.numerator, v.denominator)
    return v


def _coefficient(c: Any, p: int | None) -> Any:
    if p is not None:
        return int(c)
    return Fraction(int(c.p), int(c.q))


def _vanishes(gb: Any, point: list[Any], p: int | None) -> bool:
    for poly in gb.polys:
        total: Any = 0
        for e, c in poly.items():
            term = Fraction(c) if p is None else int(c)
            for v, k in zip(point, e):
                term *= v ** k if p is None else pow(int(v), int(k), p)
            total += term
        if (total != 0) if p is None else (total % p != 0):
            return False
    return True


def count_fibre(mu: PolynomialParameterization, *, seed: int = 0, points: int = 2, exact: bool = False,
                modulus: int | None = None, limits: Limits | None = None) -> FibreCount:
    """Count the generic fibre of μ modulo rescaling at random points (module docstring).

    Parameters
    ----------
    mu : PolynomialParameterization
    seed : int
        Seed of the sample points and charts.
    points : int
        Number of independent sample points (each with its own chart).
    exact : bool
        Solve over Q (entries in ``{1, …, EXACT_RANDOM_RANGE}``) instead of modulo a prime.
    modulus : int, optional
        The prime (default :data:`MODULUS`).
    limits : Limits, optional
        ``max_fibre_solutions`` bounds the Bézout number (refused up front),
        ``max_matrix_entries`` the first Macaulay matrix of the system (its equations times
        their distinct monomials, refused before the Gröbner basis); the Gröbner engine's and
        the quotient algebra's bounds apply.

    Returns
    -------
    FibreCount

    Raises
    ------
    InputError
        For a linear network or bad arguments.
    ResourceLimitError
        When the Bézout number exceeds ``limits.max_fibre_solutions``.

    Examples
    --------
    >>> c = count_fibre(PolynomialParameterization("2,2 r=2"))
    >>> c.fibre_size, c.segre_veronese_degree, c.with_multiplicity, c.contains_sample
    (1, 4, (1, 1), (True, True))
    """
    start = time.perf_counter()
    if not isinstance(mu, PolynomialParameterization):
        raise InputError(f"mu: expected a PolynomialParameterization (activation r >= 2), got {checks.short(mu)}")
    seed = checks.seed(seed)
    points = checks.positive_int(points, "points")
    exact = bool(checks.flag(exact, "exact", none=False))
    limits = Limits.coerce(limits)
    p = None if exact else checks.modulus(MODULUS if modulus is None else modulus)
    top = EXACT_RANDOM_RANGE if p is None else p - 1
    bz = check_fibre_size(mu, limits)
    arch = mu.architecture
    L = arch.num_layers
    sv = _sv_degree([hi - lo - 1 for lo, hi in mu.layer_slices], list(mu.layer_degrees))
    mult: list[int | None] = []
    dist: list[int | None] = []
    found: list[bool] = []
    failure = 0.0
    # deferred: zero-dimensional algebra is needed by activations only; a linear run starts faster
    from lcnalg.polys.zero_dimensional import solution_counts

    for trial in range(points):
        rng = random.Random(seed * 1_000_003 + trial)
        eqs, point, m = _system(mu, rng, top, p)
        # the first Macaulay matrix holds every equation: at least rows x distinct monomials
        columns = len({e for f in eqs for e in f})
        limits.check("max_matrix_entries", f"entries of the first Macaulay matrix of the fibre system of "
                     f"{checks.short(str(arch), 40)} ({len(eqs)} equations x {columns} monomials)",
                     len(eqs) * columns)
        gb = groebner_basis(eqs, "degrevlex", modulus=p, nvars=m, limits=limits)
        if not gb.is_zero_dimensional():
            mult.append(None)
            dist.append(None)
            found.append(False)
            continue
        counts = solution_counts(gb, seed=seed + trial, limits=limits)
        mult.append(counts.with_multiplicity)
        dist.append(counts.distinct)
        found.append(point is not None and _vanishes(gb, point, p))
        failure += sv * (L - 1) / top + float(counts.failure_probability)
    good = [d for d, k, f in zip(mult, dist, found) if d is not None and d == k and f]
    size = min(good) if good else None
    field = "Q (Groebner basis verified exactly)" if p is None else f"GF({p})"
    method = (f"F4 Groebner basis over {field} of mu(y) = mu(theta_0) on a random affine chart of the "
              f"rescaling torus at {points} random point(s); |F| is the smallest dimension of the quotient "
              f"algebra (solutions with multiplicity) among the points whose fibre is reduced and contains "
              f"the sample")
    limitations = ("|F| <= D is proved at every point (semicontinuity of the fibre length of a finite "
                   "morphism), up to the chart's failure bound")
    if size is not None and size > 1:
        limitations += ("; |F| = D > 1 holds at a generic point, and a sample point on the exceptional "
                        "set (of unbounded degree) is not covered by the failure bound")
    if p is not None:
        limitations += "; an unlucky prime is not covered by the failure bound (exact=True removes it)"
    if size is None:
        limitations = ("no sample point gave a reduced zero-dimensional fibre containing the sample "
                       f"(with multiplicity {mult}, distinct {dist}, sample found {found})")
    return FibreCount(
        fibre_size=size, with_multiplicity=tuple(mult), distinct=tuple(dist), contains_sample=tuple(found),
        bezout_number=bz, segre_veronese_degree=sv, failure_probability=min(1.0, failure), modulus=p,
        seed=seed, seconds=time.perf_counter() - start, method=method, limitations=limitations)


@dataclass(frozen=True)
class SliceCount:
    """The points of ``V`` on a random linear slice of complementary dimension.

    Attributes
    ----------
    degree : int
        Distinct images of the solutions: the points of the slice, ``deg V`` for a generic slice.
    solutions : int
        Solutions on the chart with multiplicity (``deg SV`` for a generic slice).
    fibre_sizes : dict of int to int
        Multiplicity of an image point (its fibre size) → number of image points with it.
    modulus : int
    failure_probability : float
        Bound for the random separating form ``ρ`` (two slice points with one value).
    seconds : float
    """

    degree: int
    solutions: int
    fibre_sizes: dict[int, int]
    modulus: int
    failure_probability: float
    seconds: float


def degree_by_slice(mu: PolynomialParameterization, *, seed: int = 0, modulus: int | None = None,
                    limits: Limits | None = None) -> SliceCount:
    """Degree of ``V`` as the number of its points on a random linear slice (module docstring).

    Modulo a prime; probabilistic (a random slice, chart or form ``ρ`` may be special).  The
    square system has ``deg SV`` solutions, refused above ``limits.max_fibre_solutions``
    (estimated by :func:`fibre_bezout_number`) and bounded by ``max_quotient_dimension``.

    Examples
    --------
    >>> s = degree_by_slice(PolynomialParameterization("3,2 r=2"))
    >>> s.degree, s.solutions, s.fibre_sizes
    (12, 12, {1: 12})
    """

    start = time.perf_counter()
    if not isinstance(mu, PolynomialParameterization):
        raise InputError(f"mu: expected a PolynomialParameterization (activation r >= 2), got {checks.short(mu)}")
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    p = checks.modulus(MODULUS if modulus is None else modulus)
    check_fibre_size(mu, limits)
    rng = random.Random(seed * 1_000_003 + 7)
    eqs, _, m = _system(mu, rng, p - 1, p, slice_forms=True)
    rho = eqs.pop()
    gb = groebner_basis(eqs, "degrevlex", modulus=p, nvars=m, limits=limits)
    if not gb.is_zero_dimensional():
        raise InputError(f"the random slice of {mu.architecture} is not zero-dimensional; try another seed")
    # deferred: zero-dimensional algebra is needed by activations only; a linear run starts faster
    from lcnalg.polys.zero_dimensional import QuotientAlgebra

    algebra = QuotientAlgebra(gb, limits)
    fibres: dict[int, int] = {}
    if algebra.dim:
        for q, e in algebra.of(rho).charpoly().factor_squarefree()[1]:
            fibres[int(e)] = fibres.get(int(e), 0) + int(q.degree())
    degree = sum(fibres.values())
    return SliceCount(degree=degree, solutions=algebra.dim, fibre_sizes=dict(sorted(fibres.items())), modulus=p,
                      failure_probability=min(1.0, math.comb(max(degree, 2), 2) / p),
                      seconds=time.perf_counter() - start)
