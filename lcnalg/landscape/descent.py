"""Gradient descent on a linear convolutional network: where it ends, and what it conserves.

The squared loss ``ℓ(θ) = (μ(θ) − u)ᵀ Q (μ(θ) − u) + const`` on function space is
minimised over the weights ``θ`` by gradient descent in float64 from seeded random
initialisations; this module is an experiment, not a proof, and says so in its result
(floating point is the point here: it shows what an optimiser finds).

Algorithm
---------
*Forward and gradient.*  μ is multilinear: with the Kronecker exponents of
:class:`~lcnalg.parameterization.Parameterization` each layer is a univariate polynomial
``p_l`` and ``μ(θ)`` the first ``n`` coefficients of ``Π_l p_l`` (numpy ``convolve``).  The
derivative in the weight ``θ_{l,j}`` is ``x^{e_{l,j}} Π_{m≠l} p_m``, so the gradient
``2 Jᵀ Q (μ − u)`` is one correlation per layer.

*Step control.*  The data are scaled first: ``Q`` by ``1/q``, ``q = max |Q_ij|``, and ``u`` by
``1/s``, ``s = max(1, max |u_i|)``; since μ is homogeneous of degree ``L``, ``θ ↦ s^{1/L} θ``
maps the scaled problem's critical points and gradient paths to the original ones (with time
rescaled), so the step size no longer depends on the data's scale.  Everything is reported
in the original units (losses times ``q s²``, weights times ``s^{1/L}``).
Backtracking (Armijo): a step ``η`` is accepted when
``ℓ(θ − η g) ≤ ℓ(θ) − η‖g‖²/2``, otherwise halved; the next step starts at ``1.25 η`` (at most ``max_step``: the
smaller it is, the closer the path stays to the gradient flow, whose conserved quantities
then drift by less).  A run
stops when ``‖g‖ ≤ tolerance · (1 + ℓ)`` (converged) or after ``max_steps`` steps.

*Conserved quantities.*  Rescaling a layer by ``a`` and the next by ``1/a`` leaves μ
unchanged, so along the gradient *flow* ``δ_l = ‖θ_{l+1}‖² − ‖θ_l‖²`` is constant
(docs/theory.md#conserved-quantities; [KMMT22]).  Descent with finite steps moves them by
``O(η²)`` per step; each run reports the largest drift ``max_t |δ(θ_t) − δ(θ_0)|``.

*Where a run ends.*  At the last point the Jacobian of μ (float SVD) tells whether μ is
numerically critical there (rank below the dimension of the function space, relative
threshold ``1e-6``), and a layer of norm below ``1e-6`` times the largest is reported as
zero.  When exact critical points are given (their images in function space as certified
balls, with labels) together with the chart system they were computed on, each end point is
*snapped* to one of them by :mod:`lcnalg.landscape.snapping`: refined by Newton's method on the
chart, then a Krawczyk box around it is proved to hold exactly one critical point, whose exact
ball lies inside (certified; otherwise "not snapped", with the reason).  Without the chart
system the end point's image is *matched* to the nearest exact image if it lies within a
quarter of their least separation, a match by distance, labelled so.  Neither proves that the
run converges to that point.

References
----------
K. Kohn, T. Merkh, G. Montúfar, M. Trager, Geometry of linear convolutional networks,
SIAM J. Appl. Algebra Geom. 6 (2022) (the prediction that optimised filters repeat or share
roots, and the conserved quantities of the flow).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Sequence

import flint
import numpy as np

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.landscape.snapping import ChartSystem, snap_to_critical_point
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.results import Result, Tabular

__all__ = ["refuse_activation", "Network", "DescentRun", "DescentResult", "ExactCriticalImage", "gradient_descent"]


class Network:
    """μ, the loss and its gradient in float64, through polynomial products.

    Parameters
    ----------
    mu : Parameterization
        The exact parameterization (its Kronecker exponents and layer slices are read).

    Examples
    --------
    >>> net = Network(Parameterization("2,2 s=2"))
    >>> net.image(np.array([3.0, 5.0, 1.0, 2.0])).tolist()
    [3.0, 5.0, 6.0, 10.0]
    """

    def __init__(self, mu: Parameterization) -> None:
        self.exponents = [np.asarray(e, dtype=np.int64) for e in mu.layer_exponents]
        self.slices = mu.layer_slices
        self.n = mu.ambient_dimension
        self.num_parameters = mu.num_parameters
        # a layer whose exponents are 0, 1, ..., k-1 is its slice of theta itself
        self._dense = [bool(np.array_equal(e, np.arange(len(e)))) for e in self.exponents]
        self._lengths = [int(e.max()) + 1 for e in self.exponents]

    def layers(self, theta: np.ndarray) -> list[np.ndarray]:
        polys = []
        for (lo, hi), exps, dense, length in zip(self.slices, self.exponents, self._dense, self._lengths):
            if dense:
                polys.append(theta[lo:hi])
                continue
            p = np.zeros(length)
            p[exps] = theta[lo:hi]
            polys.append(p)
        return polys

    def _first(self, coeffs: np.ndarray) -> np.ndarray:
        out = np.zeros(self.n)
        m = min(self.n, len(coeffs))
        out[:m] = coeffs[:m]
        return out

    def _forward(self, theta: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray | None]]:
        """The layers' polynomials and the products of the first ``l`` of them (None for
        ``l = 0``), multiplied left to right."""
        polys = self.layers(theta)
        prefixes: list[np.ndarray | None] = [None]
        for p in polys:
            prefixes.append(p if prefixes[-1] is None else np.convolve(prefixes[-1], p))
        return polys, prefixes

    def image(self, theta: np.ndarray) -> np.ndarray:
        """``μ(θ)`` in float64."""
        return self._first(self._forward(theta)[1][-1])

    def _loss(self, theta: np.ndarray, Q: np.ndarray, u: np.ndarray) -> tuple[float, tuple]:
        """The loss at ``θ`` and what :meth:`_gradient` needs there (``Q(μ − u)`` included:
        formed once for both)."""
        polys, prefixes = self._forward(theta)
        coeffs = prefixes[-1]
        r = (coeffs[:self.n] if len(coeffs) >= self.n else self._first(coeffs)) - u
        qr = Q @ r
        return float(r @ qr), (polys, prefixes, qr)

    def _gradient(self, forward: tuple, Q: np.ndarray) -> np.ndarray:
        """The gradient from :meth:`_loss`'s products: the product of the layers other than
        ``l`` is the product of the first ``l`` continued by the layers after ``l``."""
        polys, prefixes, qr = forward
        qr2 = 2.0 * qr
        grad = np.empty(self.num_parameters)
        padded = None
        for l, ((lo, hi), exps) in enumerate(zip(self.slices, self.exponents)):
            others = prefixes[l]
            for p in polys[l + 1:]:
                others = p if others is None else np.convolve(others, p)
            if others is None:
                others = np.ones(1)
            if padded is None or len(padded) != self.n + len(others):
                padded = np.concatenate([qr2, np.zeros(len(others))])
            corr = np.correlate(padded, others, mode="valid")
            grad[lo:hi] = corr[exps]
        return grad

    def loss_and_gradient(self, theta: np.ndarray, Q: np.ndarray, u: np.ndarray) -> tuple[float, np.ndarray]:
        """``((μ−u)ᵀQ(μ−u), its gradient in θ)``: per layer one correlation of ``2Q(μ−u)`` with
        the product of the other layers, read at the layer's exponents."""
        loss, forward = self._loss(theta, Q, u)
        return loss, self._gradient(forward, Q)

    def jacobian(self, theta: np.ndarray) -> np.ndarray:
        """The ``n × N`` Jacobian of μ at ``θ``."""
        polys = self.layers(theta)
        jac = np.zeros((self.n, self.num_parameters))
        for l, ((lo, _), exps) in enumerate(zip(self.slices, self.exponents)):
            others = np.ones(1)
            for m, p in enumerate(polys):
                if m != l:
                    others = np.convolve(others, p)
            for j, e in enumerate(exps):
                col = np.zeros(self.n)
                stop = min(self.n, int(e) + len(others))
                if stop > e:
                    col[int(e):stop] = others[:stop - int(e)]
                jac[:, lo + j] = col
        return jac


@dataclass(frozen=True)
class ExactCriticalImage:
    """An exact critical point of the loss seen in function space, for matching runs.

    Attributes
    ----------
    label : str
        What the point is (for example ``"interior"``, ``"repeated filter: layers 1, 2"``).
    image : tuple of float
        Midpoints of the certified enclosure of its image ``μ(θ)``.
    radius : float
        Radius of that enclosure (max over coordinates).
    loss : float
        Its loss value (midpoint).
    is_global_minimum : bool
        Whether its loss is the least among all real critical points.
    chart : tuple of str
        Certified balls (``arb`` strings) of its coordinates on the chart of the critical
        system, for certified snapping; empty when unknown.
    """

    label: str
    image: tuple[float, ...]
    radius: float
    loss: float
    is_global_minimum: bool = False
    chart: tuple[str, ...] = ()


@dataclass(frozen=True)
class DescentRun:
    """One run of gradient descent.

    Attributes
    ----------
    index : int
        Which run (the initialisation is drawn from ``(seed, index)``).
    steps : int
        Steps taken.
    converged : bool
        Whether the gradient norm fell below the tolerance.
    loss : float
        Final value of ``(μ−u)ᵀQ(μ−u)`` (the constant of the loss excluded).
    gradient_norm : float
    drift : tuple of float
        Per pair of consecutive layers, ``max_t |δ_l(θ_t) − δ_l(θ_0)|``.
    mu_critical : bool
        Whether the Jacobian of μ is numerically rank-deficient at the end point.
    smallest_singular_value : float
        Its ``dim M``-th singular value relative to the largest.
    zero_layers : tuple of int
        Layers (1-based) whose weights vanish numerically at the end.
    image : tuple of float
        ``μ`` at the end point.
    matched : str or None
        Label of the exact critical point the run was snapped to (certified, Krawczyk) or,
        without a chart system, matched by distance, if any.
    match_distance : float or None
    at_global_minimum : bool or None
        Whether the exact point snapped or matched to has the least loss.
    snap : str or None
        With certified snapping, its outcome (``"snapped"`` or why not; see
        :class:`~lcnalg.landscape.snapping.Snap`); None when matched by distance.
    """

    index: int
    steps: int
    converged: bool
    loss: float
    gradient_norm: float
    drift: tuple[float, ...]
    mu_critical: bool
    smallest_singular_value: float
    zero_layers: tuple[int, ...]
    image: tuple[float, ...] = field(metadata={"export": False})
    matched: str | None = None
    match_distance: float | None = None
    at_global_minimum: bool | None = None
    snap: str | None = None


@dataclass(frozen=True, kw_only=True)
class DescentResult(Tabular, Result):
    """Statistics of gradient descent from seeded random initialisations.

    Attributes
    ----------
    runs : tuple of DescentRun
    statistics : dict
        Shares of runs (converged, at the least loss found, μ-critical at the end, with a
        zero layer, matched to each label of the exact critical points).
    max_drift : float
        Largest drift of a conserved quantity over all runs.
    best_loss : float
        Least final loss ``(μ−u)ᵀQ(μ−u)`` over the runs (the constant excluded).
    loss_constant : float
        The constant ``C`` of the loss: the squared error on the data is a loss plus ``C``.
    """

    runs: tuple[DescentRun, ...]
    statistics: dict[str, float]
    max_drift: float
    best_loss: float
    loss_constant: float = 0.0

    title = "gradient descent"

    def answer(self) -> dict[str, float]:
        return self.statistics

    def to_text(self) -> str:
        lines = [f"gradient descent on {self.architecture}: {len(self.runs)} runs  [{self.provenance()}]"]
        for key, value in self.statistics.items():
            lines.append(f"  {key:<34} {value:.3f}")
        lines.append(f"  best loss                          {self.best_loss:.6g}")
        if self.loss_constant:
            lines.append(f"  (losses are (mu - u)^T Q (mu - u); the squared error is a loss plus "
                         f"{self.loss_constant:.6g}: best {self.best_loss + self.loss_constant:.6g})")
        lines.append(f"  largest drift of a conserved δ_l   {self.max_drift:.3g}")
        return "\n".join(lines)

    def table(self) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """The statistics (shares of runs), the best loss and the largest drift."""
        rows = [(k, f"{v:.3f}") for k, v in self.statistics.items()]
        rows += [("best loss", f"{self.best_loss:.6g}"), ("largest drift of a conserved δ_l", f"{self.max_drift:.3g}")]
        return (("statistic", "value"), rows)

    def to_latex(self) -> str:
        rows = " \\\\\n".join(f"\\text{{{k}}} & {v:.3f}" for k, v in self.statistics.items())
        return ("\\begin{array}{lr}\n" + rows + "\n\\end{array}")


def _conserved(net: Network, theta: np.ndarray) -> np.ndarray:
    norms = [theta[lo:hi] @ theta[lo:hi] for lo, hi in net.slices]
    return np.subtract(norms[1:], norms[:-1])


def _descend(net: Network, theta: np.ndarray, Q: np.ndarray, u: np.ndarray, max_steps: int,
             tolerance: float, max_step: float) -> tuple[np.ndarray, int, bool, float, float, np.ndarray]:
    delta0 = _conserved(net, theta)
    drift = np.zeros_like(delta0)
    loss, grad = net.loss_and_gradient(theta, Q, u)
    eta = min(1e-2, max_step)
    steps = 0
    while steps < max_steps:
        gnorm2 = float(grad @ grad)
        if math.sqrt(gnorm2) <= tolerance * (1.0 + abs(loss)):
            return theta, steps, True, loss, math.sqrt(gnorm2), drift
        while True:
            trial = theta - eta * grad
            trial_loss, forward = net._loss(trial, Q, u)
            if trial_loss <= loss - 0.5 * eta * gnorm2 or eta < 1e-300:
                break
            eta *= 0.5
        theta = trial
        steps += 1
        loss, grad = trial_loss, net._gradient(forward, Q)   # the accepted trial's products
        drift = np.maximum(drift, np.abs(_conserved(net, theta) - delta0))
        eta = min(eta * 1.25, max_step)
    return theta, steps, False, loss, float(math.sqrt(grad @ grad)), drift


def _as_float_matrix(Q: Any, n: int) -> np.ndarray:
    try:
        rows = [[float(Q[i, j]) for j in range(n)] for i in range(n)] if hasattr(Q, "nrows") else \
            np.asarray(Q, dtype=object).tolist()
        mat = np.array([[float(x) for x in row] for row in rows], dtype=float)
    except (TypeError, ValueError, IndexError, OverflowError) as exc:
        raise InputError(f"Q: expected a symmetric {n} x {n} matrix of numbers, got {checks.short(Q)}") from exc
    if mat.shape != (n, n) or not np.all(np.isfinite(mat)):
        raise InputError(f"Q: expected a symmetric {n} x {n} matrix of finite numbers, got shape {mat.shape}")
    if not np.allclose(mat, mat.T):
        raise InputError("Q: the matrix is not symmetric")
    return mat


def _as_float_vector(u: Any, n: int) -> np.ndarray:
    try:
        vec = np.array([float(x) for x in (list(u) if not hasattr(u, "nrows") else
                                           [u[i, 0] for i in range(u.nrows())])], dtype=float)
    except (TypeError, ValueError, OverflowError) as exc:
        raise InputError(f"u: expected {n} numbers, got {checks.short(u)}") from exc
    if vec.shape != (n,) or not np.all(np.isfinite(vec)):
        raise InputError(f"u: expected {n} finite numbers, got {len(vec)}")
    return vec


def refuse_activation(arch: Architecture) -> None:
    """Refuse a network with an activation: the descent runs on linear networks only.

    Raises
    ------
    InputError
        When ``arch`` has an activation ``r ≥ 2``.

    Examples
    --------
    >>> refuse_activation(Architecture.parse("2,2 r=2"))
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: architecture 2,2 r=2: activation (r=2): gradient descent runs on linear networks only (drop r=)
    """
    if arch.activation is not None:
        raise InputError(f"architecture {arch}: activation (r={arch.activation}): gradient descent runs on linear "
                         "networks only (drop r=)")


def gradient_descent(arch: Architecture | str, Q: Any, u: Any, *, runs: int = 20, seed: int = 0,
                     max_steps: int = 20_000, tolerance: float = 1e-7, max_step: float = 0.5, dimension: int | None = None,
                     critical_points: Sequence[ExactCriticalImage] | None = None,
                     chart_system: ChartSystem | None = None,
                     limits: Limits | None = None, constant: float = 0.0) -> DescentResult:
    """Run gradient descent on ``(μ(θ)−u)ᵀQ(μ(θ)−u)`` from ``runs`` seeded initialisations.

    Parameters
    ----------
    arch : Architecture or str
    Q : matrix
        Symmetric positive (semi)definite ``n × n`` (exact or float; ``fmpq_mat``, nested
        lists, numpy arrays), ``n`` the number of coordinates of the function space.
    u : sequence
        The target point in function space (``n`` numbers).
    runs : int
        Number of initialisations; run ``i`` draws its weights from ``N(0, 1)`` with the
        numpy generator seeded by ``seed`` (its low 64 bits and sign) and ``i``.
    seed : int
    max_steps : int
        Steps per run before it is reported as not converged.
    tolerance : float
        Convergence when ``‖∇ℓ‖ ≤ tolerance (1 + ℓ)``.
    max_step : float
        Largest step size; smaller steps follow the gradient flow more closely (the drift of
        the conserved quantities shrinks like its square) and take more steps.
    dimension : int, optional
        Dimension of the function space (for the μ-criticality test); computed exactly
        (:func:`~lcnalg.algebra.dimension.function_space_dimension`) when not given.
    critical_points : sequence of ExactCriticalImage, optional
        Exact real critical points of the loss to match end points with (points with one
        image, such as the points of one fibre, are matched as one, their labels joined).
    chart_system : ChartSystem, optional
        The critical system on the chart the exact points were computed on; when given (and
        every point has its ``chart`` balls), each end point is *snapped* by the Krawczyk test
        of :mod:`lcnalg.landscape.snapping` (certified, or "not snapped") instead of matched
        by distance.
    limits : Limits, optional
        ``max_coordinates`` bounds the architecture.
    constant : float, optional
        The constant ``C`` of the loss (:attr:`~lcnalg.landscape.QuadraticLoss.constant`: for
        data, ``‖W_θ X − Y‖² = (μ−u)ᵀQ(μ−u) + C``), reported beside the losses, which exclude it.

    Returns
    -------
    DescentResult

    Raises
    ------
    InputError
        For a bad architecture (one with an activation ``r ≥ 2`` included: not covered),
        matrix, vector, or option.

    Examples
    --------
    >>> res = gradient_descent("2,2 s=2", [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]],
    ...                        [1, 2, 3, 5], runs=3, seed=1)
    >>> res.statistics["converged"], round(res.best_loss, 6)
    (1.0, 0.025658)
    """
    start = time.perf_counter()
    arch = Architecture.coerce(arch)
    refuse_activation(arch)
    runs = checks.positive_int(runs, "runs")
    seed = checks.seed(seed)
    max_steps = checks.positive_int(max_steps, "max_steps")
    if isinstance(tolerance, bool) or not isinstance(tolerance, (int, float)) or not 0 < tolerance < 1:
        raise InputError(f"tolerance: expected a number in (0, 1), got {checks.short(tolerance)}")
    if isinstance(max_step, bool) or not isinstance(max_step, (int, float)) or not 0 < max_step <= 1e3:
        raise InputError(f"max_step: expected a positive number up to 1000, got {checks.short(max_step)}")
    if isinstance(constant, bool) or not isinstance(constant, (int, float)) or not math.isfinite(constant):
        raise InputError(f"constant: expected a finite number, got {checks.short(constant)}")
    limits = Limits.coerce(limits)
    mu = Parameterization(arch, limits=limits)
    net = Network(mu)
    n = net.n
    Qf = _as_float_matrix(Q, n)
    uf = _as_float_vector(u, n)
    qscale = float(np.abs(Qf).max()) or 1.0
    uscale = max(1.0, float(np.abs(uf).max()))
    Qf, uf = Qf / qscale, uf / uscale
    wscale = uscale ** (1.0 / arch.num_layers)  # θ = wscale · θ' (μ is homogeneous of degree L)
    scale = qscale * uscale ** 2
    if dimension is None:
        dim = function_space_dimension(mu, seed=seed, limits=limits).value
    else:
        dim = checks.integer(dimension, "dimension", low=0, form="a non-negative integer")
    if critical_points is not None and (isinstance(critical_points, (str, bytes)) or not hasattr(critical_points, "__iter__")
                                        or not all(isinstance(p, ExactCriticalImage) for p in critical_points)):
        raise InputError(f"critical_points: expected a sequence of ExactCriticalImage, got {checks.short(critical_points)}")
    exact = []
    merged: list[int] = []  # position in `exact` of each given point
    for point in critical_points or ():  # one function-space point per image (a fibre may have several)
        same = [i for i, q in enumerate(exact)
                if np.linalg.norm(np.subtract(q.image, point.image)) <= q.radius + point.radius + 1e-12]
        if not same:
            merged.append(len(exact))
            exact.append(point)
            continue
        merged.append(same[0])
        q = exact[same[0]]
        labels = q.label if point.label in q.label.split(" / ") else q.label + " / " + point.label
        exact[same[0]] = ExactCriticalImage(labels, q.image, max(q.radius, point.radius), min(q.loss, point.loss),
                                            q.is_global_minimum or point.is_global_minimum)
    if chart_system is not None and not isinstance(chart_system, ChartSystem):
        raise InputError(f"chart_system: expected a ChartSystem, got {checks.short(chart_system)}")
    certified = chart_system is not None and bool(critical_points) and all(p.chart for p in critical_points)
    balls = []
    if certified:
        with flint.ctx.workprec(128):
            balls = [[flint.arb(c) for c in p.chart] for p in critical_points]
    separation = math.inf
    for i in range(len(exact)):
        for j in range(i):
            d = float(np.linalg.norm(np.subtract(exact[i].image, exact[j].image)))
            separation = min(separation, d - exact[i].radius - exact[j].radius)
    out: list[DescentRun] = []
    for index in range(runs):
        rng = np.random.default_rng([seed & ((1 << 64) - 1), int(seed < 0), index])  # numpy takes no negatives
        theta0 = rng.standard_normal(net.num_parameters)
        theta, steps, converged, loss, gnorm, drift = _descend(net, theta0, Qf, uf, max_steps, tolerance, max_step)
        theta, drift, gnorm = theta * wscale, drift * wscale ** 2, gnorm * scale / wscale
        sv = np.linalg.svd(net.jacobian(theta), compute_uv=False)
        relative = float(sv[dim - 1] / sv[0]) if dim and sv[0] > 0 else 0.0
        norms = [float(np.linalg.norm(theta[lo:hi])) for lo, hi in net.slices]
        zero = tuple(l + 1 for l, v in enumerate(norms) if v < 1e-6 * max(max(norms), 1e-300))
        image = net.image(theta)
        matched = distance = None
        at_min = None
        reason = None
        if certified:
            outcome = snap_to_critical_point(chart_system, theta, balls)
            reason = outcome.reason
            if outcome.index is not None:
                target = exact[merged[outcome.index]]
                matched, at_min = target.label, target.is_global_minimum
                distance = float(np.linalg.norm(image - np.asarray(target.image)))
        elif exact:
            dists = [float(np.linalg.norm(image - np.asarray(p.image))) for p in exact]
            best = int(np.argmin(dists))
            if dists[best] <= separation / 4:
                matched, distance = exact[best].label, dists[best]
                at_min = exact[best].is_global_minimum
        out.append(DescentRun(index, steps, converged, loss * scale, gnorm, tuple(float(x) for x in drift),
                              relative < 1e-6, relative, zero, tuple(float(x) for x in image),
                              matched, distance, at_min, reason))
    best_loss = min(r.loss for r in out)
    stats = {
        "converged": sum(r.converged for r in out) / runs,
        "at the least loss found": sum(abs(r.loss - best_loss) <= 1e-6 * (1 + abs(best_loss)) for r in out) / runs,
        "mu critical at the end": sum(r.mu_critical for r in out) / runs,
        "a zero layer at the end": sum(bool(r.zero_layers) for r in out) / runs,
    }
    if certified:
        for why in sorted({r.snap for r in out if r.snap}):
            stats[f"snap: {why}"] = sum(r.snap == why for r in out) / runs
    if exact:
        stats["matched to an exact critical point"] = sum(r.matched is not None for r in out) / runs
        stats["at the global minimum (matched)"] = sum(bool(r.at_global_minimum) for r in out) / runs
        for label in sorted({p.label for p in exact}):
            stats[f"matched: {label}"] = sum(r.matched == label for r in out) / runs
    drift = max((max(r.drift, default=0.0) for r in out), default=0.0)
    return DescentResult(
        architecture=str(arch), method="gradient descent in float64 with Armijo backtracking",
        certified=False, seed=seed, seconds=time.perf_counter() - start,
        argument="",
        limitations=("a floating-point experiment: end points are where runs stopped and μ-criticality is "
                     "a numerical rank; " + (
                         "a snap to an exact critical point is certified (a Krawczyk box around the end point "
                         "holds exactly one critical point, that one), which proves proximity, not convergence"
                         if certified else
                         "a match to an exact critical point is by distance (within a quarter of their least "
                         "separation), not a proof of convergence")),
        runs=tuple(out), statistics=stats, max_drift=drift, best_loss=best_loss,
        loss_constant=float(constant))
