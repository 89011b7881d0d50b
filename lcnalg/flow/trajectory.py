"""Integrating the gradient flow ``θ' = −∇(ℓ∘μ)(θ)`` of a squared loss, and what it conserves.

This module is numerical (float64) and says so in its result: the trajectory is an
approximation with a stated tolerance, checked against the exact facts it must respect.

Algorithm
---------
*Loss.*  ``ℓ(w) = wᵀQw − 2bᵀw + c`` on the coordinates ``w = μ(θ)``.  From data
(:class:`~lcnalg.landscape.Dataset`) the features of a patch ``x`` of one output are the
monomials of the coordinates (for a linear network the patch itself; with ``t ↦ t^r`` the
products ``Π_i x_i^{e_i}`` of :attr:`PolynomialParameterization.monomials`), so
``Q = Σ φφᵀ``, ``b = Σ yφ``, ``c = Σ y²`` exactly (``Fraction``), then rounded once.

*Forward map.*  For a linear network, :class:`lcnalg.landscape.descent.Network` (polynomial
products); otherwise every coordinate and every partial derivative is compiled from its
exact terms into exponent arrays and evaluated with numpy.  The gradient is
``2 Jμ(θ)ᵀ (Q μ(θ) − b)``.

*Integration.*  scipy's ``DOP853`` stepper (the method of ``solve_ivp``, driven step by step so
that a stopped run keeps what it computed) (explicit Runge–Kutta of order 8 with
adaptive steps), relative and absolute tolerances given.  It stops, with the reason, when
the solver fails (step size underflow), when the state stops being finite, or after
``limits.max_flow_evaluations`` evaluations of the right-hand side: it never hangs.

*Checks reported.*  The drift ``max_t |δ_l(θ(t)) − δ_l(θ(0))|`` of every conserved quantity
(:mod:`lcnalg.flow.invariants`; exactly zero for the true flow), the loss is non-increasing
along the samples, and the function-space flow ``ẇ = −K(θ) ∇ℓ(w)``, ``K = Jμ Jμᵀ``: the
derivative of ``w(t) = μ(θ(t))`` by central differences of the dense output against
``−K ∇ℓ(w)`` (largest relative residual).

References
----------
.. [AKR25] E. M. Achour, K. Kohn, H. Rauhut, *The Riemannian geometry associated to gradient
   flows of linear convolutional networks* (2025).
.. [HNW93] E. Hairer, S. P. Nørsett, G. Wanner, *Solving Ordinary Differential Equations I*,
   2nd ed., Springer (1993): the DOP853 method.
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import numpy as np

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.flow.invariants import evaluate_invariants
from lcnalg.landscape.descent import ExactCriticalImage, Network
from lcnalg.limits import Limits
from lcnalg.printing import function_space_symbol
from lcnalg.results import Result

__all__ = ["FlowLoss", "FloatMap", "flow", "initial_point"]


@dataclass(frozen=True, kw_only=True)
class FlowResult(Result):
    r"""A numerically integrated gradient-flow trajectory, with what it must conserve.

    Returned by :func:`lcnalg.flow.flow`.  Numerical (float64): its status is undecided with
    the reason, and the drift of the conserved quantities and the function-space residual
    measure its accuracy.

    Attributes
    ----------
    loss : str
        Where the loss comes from.
    t_max, rtol, atol : float
    success : bool
        Whether the integrator reached ``t_max``.
    message : str
        The integrator's message, or why it stopped.
    evaluations : int
        Right-hand-side evaluations.
    times : tuple of float
    parameters, functions : tuple of tuple of float
        ``θ(t)`` and ``w(t) = μ(θ(t))`` at the reported times.
    losses : tuple of float
    invariants_initial : tuple of float
        ``δ_l(θ(0))``.
    drift : tuple of float
        ``max_t |δ_l(θ(t)) − δ_l(θ(0))|`` per conserved quantity.
    function_space_residual : float or None
        Largest relative residual of ``ẇ = −K ∇ℓ(w)`` at the reported times.
    loss_non_increasing : bool
    nearest_critical_point : dict or None
        The exact real critical point of the loss nearest to the end point in function space
        (label, distance, its loss, whether it is the global minimum, whether the distance is
        below a quarter of the least separation of the exact points); a distance, not a proof
        that the flow converges there.
    """

    loss: str
    t_max: float
    rtol: float
    atol: float
    success: bool
    message: str
    evaluations: int
    times: tuple[float, ...]
    parameters: tuple[tuple[float, ...], ...]
    functions: tuple[tuple[float, ...], ...]
    losses: tuple[float, ...]
    invariants_initial: tuple[float, ...]
    drift: tuple[float, ...]
    function_space_residual: float | None
    loss_non_increasing: bool
    nearest_critical_point: dict[str, Any] | None = None

    title = "gradient flow"

    def answer(self) -> dict[str, Any]:
        """The final loss and the largest drift."""
        return {"final_loss": self.losses[-1], "max_drift": max(self.drift, default=0.0)}

    def to_text(self) -> str:
        """Aligned rows: the run, the end point, the drift and the checks."""
        fmt = lambda xs: ", ".join(f"{x:.6g}" for x in xs)  # noqa: E731
        res = "-" if self.function_space_residual is None else f"{self.function_space_residual:.3g}"
        rows = [
            ("architecture", self.architecture),
            ("loss", self.loss),
            ("integration", f"{'reached' if self.success else 'STOPPED before'} t = {self.t_max:g} "
                            f"({self.evaluations} evaluations): {self.message}"),
            ("loss", f"{self.losses[0]:.6g} -> {self.losses[-1]:.6g}"
                     + ("" if self.loss_non_increasing else " (NOT monotone)")),
            ("final theta", fmt(self.parameters[-1])),
            ("final w", fmt(self.functions[-1])),
            ("delta(0)", fmt(self.invariants_initial) or "-"),
            ("drift", fmt(self.drift) or "-"),
            ("w' = -K grad", f"largest relative residual {res}"),
        ]
        if self.nearest_critical_point is not None:
            p = self.nearest_critical_point
            rows.append(("nearest exact", f"{p['label']}{' (global minimum)' if p['is_global_minimum'] else ''} at "
                                          f"distance {p['distance']:.3g}, loss {p['loss']:.6g}"
                                          + (" (within a quarter of their separation)"
                                             if p['within_quarter_separation'] else "")))
        rows += [
            ("status", self.provenance()),
        ]
        return "\n".join(f"{k:<14}{v}" for k, v in rows)

    def to_latex(self) -> str:
        """One sentence: the loss decrease and the drift."""
        return (f"% lcnalg flow {self.architecture}\n"
                f"${function_space_symbol(self.architecture)}$: gradient flow to $t = {self.t_max:g}$, loss "
                f"${self.losses[0]:.6g} \\to {self.losses[-1]:.6g}$, largest drift of a conserved $\\delta_l$ "
                f"${max(self.drift, default=0.0):.3g}$ (DOP853, float64"
                + ("" if self.success else f"; stopped before $t_{{\\max}}$: {self.message}") + ").")


__all__ += ["FlowResult"]


@dataclass(frozen=True)
class FlowLoss:
    """``ℓ(w) = wᵀQw − 2bᵀw + c`` in float64, with where it comes from.

    Examples
    --------
    >>> L = FlowLoss.identity([1.0, 2.0])
    >>> L.value(np.array([1.0, 2.0])), L.gradient(np.array([0.0, 0.0])).tolist()
    (0.0, [-2.0, -4.0])
    """

    Q: np.ndarray
    b: np.ndarray
    c: float
    description: str = ""

    @classmethod
    def identity(cls, u: Any) -> "FlowLoss":
        """``‖w − u‖²``."""
        u = np.asarray(u, dtype=float)
        return cls(np.eye(len(u)), u, float(u @ u), "||w - u||^2")

    @classmethod
    def from_quadratic(cls, loss: Any) -> "FlowLoss":
        """From a :class:`~lcnalg.landscape.QuadraticLoss` ``(w − u)ᵀQ(w − u) + const``."""
        Q = np.array([[float(x) for x in row] for row in loss.Q])
        u = np.array([float(x) for x in loss.u])
        return cls(Q, Q @ u, float(u @ Q @ u) + float(loss.constant), loss.description or loss.kind)

    @classmethod
    def from_data(cls, mu: Any, data: Any, *, limits: Limits | None = None) -> "FlowLoss":
        """The squared loss ``Σ (f_θ(x) − y)²`` of the network ``mu`` on ``data`` (exact, then float).

        Raises
        ------
        InputError
            Naming ``inputs``/``targets`` when the data do not fit the architecture.

        Examples
        --------
        >>> from lcnalg.landscape import Dataset
        >>> from lcnalg.parameterization import parameterize
        >>> mu = parameterize("2,1 r=2")          # f = c0_0 x0^2 + c0_1 x0 x1 + c1_1 x1^2
        >>> L = FlowLoss.from_data(mu, Dataset.from_arrays([[1, 2], [3, -1]], [5, 0]))
        >>> L.value(np.array([1.0, 1.0, 1.0]))  # (1 + 2 + 4 - 5)^2 + (9 - 3 + 1)^2
        53.0
        """
        arch = mu.architecture
        limits = Limits.coerce(limits)
        out_shape = data.output_shape(arch)
        k = arch.end_to_end_filter_shape
        t = arch.cumulative_strides[-1]
        n = mu.ambient_dimension
        monomials = getattr(mu, "monomials", None)
        if monomials is not None:
            monomials = [tuple(int(e) for e in m) for m in monomials]
        limits.check("max_loss_work", f"products forming the loss of {data.describe()} on {checks.short(str(arch), 40)}",
                     data.num_samples * math.prod(out_shape) * (n * n + n * math.prod(k)))
        in_base = [1] * len(k)
        for a in range(len(k) - 2, -1, -1):
            in_base[a] = in_base[a + 1] * data.input_shape[a + 1]
        offsets = [sum(j[a] * in_base[a] for a in range(len(k))) for j in itertools.product(*map(range, k))]
        starts = [sum(i[a] * t[a] * in_base[a] for a in range(len(k))) for i in itertools.product(*map(range, out_shape))]
        Q = [[Fraction(0)] * n for _ in range(n)]
        b = [Fraction(0)] * n
        c = Fraction(0)
        for x, y in zip(data.inputs, data.targets):
            for pos, st in enumerate(starts):
                patch = [x[st + o] for o in offsets]
                if monomials is None:
                    phi = patch
                else:
                    phi = [math.prod((p ** e for p, e in zip(patch, m) if e), start=Fraction(1)) for m in monomials]
                yv = y[pos]
                for i in range(n):
                    if phi[i]:
                        b[i] += yv * phi[i]
                        for j in range(n):
                            Q[i][j] += phi[i] * phi[j]
                c += yv * yv
        return cls(np.array([[float(v) for v in row] for row in Q]), np.array([float(v) for v in b]), float(c),
                   f"squared loss on {data.describe()}")

    def value(self, w: np.ndarray) -> float:
        return float(w @ self.Q @ w - 2 * self.b @ w + self.c)

    def gradient(self, w: np.ndarray) -> np.ndarray:
        """``∇ℓ(w) = 2(Qw − b)``."""
        return 2.0 * (self.Q @ w - self.b)


class FloatMap:
    """``μ`` and ``Jμ`` in float64 for any parameterization (linear or with ``t ↦ t^r``).

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> m = FloatMap(parameterize("2,2 r=2"))
    >>> m.image(np.array([1.0, 2.0, 3.0, 5.0])).tolist()
    [3.0, 12.0, 17.0, 20.0, 20.0]
    """

    def __init__(self, mu: Any) -> None:
        self.num_parameters = mu.num_parameters
        self.n = mu.ambient_dimension
        self._network = None
        if mu.architecture.activation is None:
            self._network = Network(mu)
            return
        exps, coefs, rows = [], [], []
        for m, c in enumerate(mu.coordinates):
            for e, a in c.terms():
                exps.append(e)
                coefs.append(float(a))
                rows.append(m)
        self._E = np.array(exps, dtype=np.int64).reshape(len(exps), self.num_parameters)
        self._c = np.array(coefs)
        self._rows = np.array(rows, dtype=np.int64)

    def _monomials(self, theta: np.ndarray, E: np.ndarray) -> np.ndarray:
        return np.prod(np.power(theta[None, :], E), axis=1)

    def image(self, theta: np.ndarray) -> np.ndarray:
        """``μ(θ)``."""
        if self._network is not None:
            return self._network.image(theta)
        vals = self._c * self._monomials(theta, self._E)
        return np.bincount(self._rows, weights=vals, minlength=self.n)

    def jacobian(self, theta: np.ndarray) -> np.ndarray:
        """``Jμ(θ)`` (``n × N``)."""
        if self._network is not None:
            return self._network.jacobian(theta)
        J = np.zeros((self.n, self.num_parameters))
        for j in range(self.num_parameters):
            ej = self._E[:, j]
            mask = ej > 0
            if not mask.any():
                continue
            E = self._E[mask].copy()
            E[:, j] -= 1
            vals = self._c[mask] * ej[mask] * self._monomials(theta, E)
            J[:, j] = np.bincount(self._rows[mask], weights=vals, minlength=self.n)
        return J


def initial_point(mu: Any, seed: int, scale: float = 1.0) -> np.ndarray:
    """A seeded standard normal initialisation (times ``scale``).

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> initial_point(parameterize("2,2"), seed=1).shape
    (4,)
    """
    seed = checks.seed(seed)
    rng = np.random.default_rng([seed & ((1 << 64) - 1), int(seed < 0)])
    return scale * rng.standard_normal(mu.num_parameters)


def _init(mu: Any, init: Any) -> np.ndarray:
    """Read an initialization: ``N`` numbers flat, or one filter per layer; finite floats."""
    n = mu.num_parameters
    if isinstance(init, np.ndarray):
        init = init.tolist()
    init = checks.sequence(init, "init", f"{n} numbers or one filter per layer")
    flat: list = []
    if len(init) == n and all(not isinstance(v, (list, tuple)) for v in init):
        flat = list(init)
    else:
        sizes = [hi - lo for lo, hi in mu.layer_slices]
        if len(init) != len(sizes):
            raise InputError(f"init: {len(init)} entries; expected {n} numbers or {len(sizes)} layer filters "
                             f"of sizes {sizes}")
        for l, (layer, size) in enumerate(zip(init, sizes), start=1):
            vals = list(np.asarray(layer, dtype=object).ravel()) if isinstance(layer, (list, tuple)) else [layer]
            if len(vals) != size:
                raise InputError(f"init: layer {l} has {len(vals)} entries, expected {size}")
            flat += vals
    out = []
    for i, v in enumerate(flat):
        if isinstance(v, bool) or not isinstance(v, (int, float, Fraction, np.integer, np.floating)):
            try:
                v = float(Fraction(str(v)))
            except (ValueError, ZeroDivisionError):
                raise InputError(f"init: entry {i} is {checks.short(repr(v))}; give real numbers") from None
        v = float(v)
        if not math.isfinite(v):
            raise InputError(f"init: entry {i} is {v}; give finite real numbers")
        out.append(v)
    return np.array(out)


class _Stop(Exception):
    pass


def flow(mu: Any, loss: FlowLoss, init: Any, *, t_max: float = 10.0, rtol: float = 1e-10, atol: float = 1e-12,
         samples: int = 101, critical_points: Sequence[ExactCriticalImage] | None = None,
         precision: int | None = None, limits: Limits | None = None) -> FlowResult:
    """Integrate ``θ' = −∇(ℓ∘μ)(θ)`` from ``init`` on ``[0, t_max]`` (DOP853).

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    loss : FlowLoss
        The loss on the coordinates of ``mu``.
    init : sequence
        The initial weights (``N`` numbers, or one filter per layer).
    t_max : float
        Final time (finite, > 0).
    rtol, atol : float
        Tolerances of the integrator (finite, > 0).
    samples : int
        Number of equally spaced times reported (>= 2).
    critical_points : sequence of ExactCriticalImage, optional
        Exact real critical points of the same loss (:mod:`lcnalg.landscape`); the end point is
        compared with the nearest one (a distance, not a proof of convergence).
    precision : int, optional
        Bits of working precision; above 53 the flow is integrated with mpmath's Taylor-series
        method (``mpmath.odefun``) at that precision instead of DOP853 (slower; the loss's
        entries are taken as their float64 values, exact for integer data).
    limits : Limits, optional
        ``max_flow_evaluations`` bounds the right-hand-side evaluations.

    Returns
    -------
    FlowResult

    Raises
    ------
    InputError
        Naming ``t_max``, ``rtol``, ``atol``, ``samples``, ``precision`` or ``init`` (wrong
        shape, NaN or infinite entries), or ``loss`` (a form of the wrong size); or when scipy
        is missing (float64 integration needs the extra ``flow``).

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> mu = parameterize("2,2 r=2")
    >>> res = flow(mu, FlowLoss.identity([1, 0, 2, 0, 1]), [1, 0.5, 0.3, -0.2], t_max=2.0)
    >>> res.success, max(res.drift) < 1e-8, res.losses[-1] < res.losses[0]
    (True, True, True)
    """
    start = time.perf_counter()
    limits = Limits.coerce(limits)
    t_max = _positive_float(t_max, "t_max")
    rtol = _positive_float(rtol, "rtol")
    atol = _positive_float(atol, "atol")
    samples = checks.integer(samples, "samples", low=2, high=100_001, form="an integer from 2 to 100001")
    if precision is not None:
        precision = checks.integer(precision, "precision", low=53, high=10_000, form="an integer from 53 to 10000 (bits)")
    if not isinstance(loss, FlowLoss):
        raise InputError(f"loss: expected a FlowLoss, got {type(loss).__name__}")
    if loss.Q.shape != (mu.ambient_dimension, mu.ambient_dimension):
        raise InputError(f"loss: a form on {loss.Q.shape[0]} coordinates, the network has {mu.ambient_dimension}")
    theta0 = _init(mu, init)
    if critical_points is not None and not all(isinstance(p, ExactCriticalImage) for p in critical_points):
        raise InputError("critical_points: expected a sequence of ExactCriticalImage")
    fmap = FloatMap(mu)
    budget = limits.max_flow_evaluations
    count = [0]

    def rhs(_t: float, theta: np.ndarray) -> np.ndarray:
        count[0] += 1
        if count[0] > budget:
            raise _Stop(f"stopped after {budget} right-hand-side evaluations (raise max_flow_evaluations, "
                        "CLI --max-flow-evaluations, or loosen the tolerances)")
        if not np.all(np.isfinite(theta)):
            raise _Stop("the state is no longer finite (the flow blows up or the step overflowed)")
        w = fmap.image(theta)
        return -(fmap.jacobian(theta).T @ loss.gradient(w))

    if precision is not None and precision > 53:
        return _flow_mpmath(mu, loss, theta0, t_max, samples, precision, budget, critical_points, start)
    try:
        from scipy.integrate import DOP853  # deferred: scipy only for trajectories
    except ImportError:
        raise InputError('scipy is needed to integrate a flow: pip install "lcnalg[flow]" '
                         "(or give precision > 53 to use mpmath)") from None

    times = np.linspace(0.0, t_max, samples)
    ts, thetas, wdots = [0.0], [theta0], []
    message, success = "", False
    h_rel = 1e-4
    try:
        solver = DOP853(rhs, 0.0, theta0, t_max, rtol=rtol, atol=atol)
        nxt = 1
        while solver.status == "running":
            t_old = solver.t
            message = solver.step() or ""
            if solver.status == "failed":
                break
            dense = solver.dense_output()
            h = h_rel * (solver.t - t_old)
            while nxt < samples and times[nxt] <= solver.t:
                t = times[nxt]
                ts.append(float(t))
                thetas.append(dense(t))
                lo, hi = max(t_old, t - h), min(solver.t, t + h)
                if hi > lo:  # the derivative of w along the step's interpolant
                    wdots.append((t, (fmap.image(dense(hi)) - fmap.image(dense(lo))) / (hi - lo)))
                nxt += 1
        success = solver.status == "finished"
        message = "reached t_max" if success else (message or f"solver status {solver.status}")
    except _Stop as exc:
        message = str(exc)
    thetas = np.array(thetas)
    ws = np.array([fmap.image(th) for th in thetas])
    losses = [loss.value(w) for w in ws]
    deltas = np.array([evaluate_invariants(mu, th) for th in thetas]).reshape(len(ts), -1)
    drift = tuple(float(np.abs(deltas[:, l] - deltas[0, l]).max()) for l in range(deltas.shape[1]))
    residual = None
    if wdots:
        worst = 0.0
        index = {t: i for i, t in enumerate(ts)}
        for t, wdot in wdots:
            th = thetas[index[float(t)]]
            J = fmap.jacobian(th)
            predicted = -(J @ J.T) @ loss.gradient(fmap.image(th))
            worst = max(worst, float(np.abs(wdot - predicted).max() / (1.0 + np.abs(predicted).max())))
        residual = worst
    nearest = _nearest(ws[-1], critical_points)
    return FlowResult(
        nearest_critical_point=nearest,
        architecture=str(mu.architecture),
        loss=loss.description,
        t_max=t_max, rtol=rtol, atol=atol,
        success=success, message=message,
        evaluations=min(count[0], budget),
        times=tuple(float(t) for t in ts),
        parameters=tuple(tuple(float(v) for v in th) for th in thetas),
        functions=tuple(tuple(float(v) for v in w) for w in ws),
        losses=tuple(float(v) for v in losses),
        invariants_initial=tuple(float(v) for v in deltas[0]),
        drift=drift,
        function_space_residual=residual,
        loss_non_increasing=bool(all(b <= a + 1e-9 * (1 + abs(a)) for a, b in zip(losses, losses[1:]))),
        method=f"scipy.integrate.DOP853 (solve_ivp's order-8 adaptive Runge-Kutta), rtol {rtol:g}, atol {atol:g}, float64",
        certified=False,
        seconds=time.perf_counter() - start,
        limitations=("numerical integration in float64: the trajectory is accurate to about the tolerances; "
                     "the drift of the conserved quantities and the function-space residual measure it"
                     + ("" if success else f"; integration did not finish: {message}")),
    )


class _ExactTerms:
    """``μ`` and ``Jμ`` as lists of (coefficient, exponents), evaluated in any number type."""

    def __init__(self, mu: Any) -> None:
        n = mu.num_parameters
        self.coords = [[(int(a), tuple(int(x) for x in e)) for e, a in c.terms()] for c in mu.coordinates]
        self.jac = [[[(int(a), tuple(int(x) for x in e)) for e, a in c.derivative(j).terms()] if not
                     c.derivative(j).is_zero() else [] for j in range(n)] for c in mu.coordinates]

    @staticmethod
    def _eval(terms: list, theta: list, one: Any) -> Any:
        acc = one * 0
        for a, e in terms:
            t = one * a
            for x, k in zip(theta, e):
                if k:
                    t *= x ** k
            acc += t
        return acc

    def image(self, theta: list, one: Any) -> list:
        return [self._eval(t, theta, one) for t in self.coords]

    def jacobian(self, theta: list, one: Any) -> list:
        return [[self._eval(t, theta, one) for t in row] for row in self.jac]


def _flow_mpmath(mu: Any, loss: FlowLoss, theta0: np.ndarray, t_max: float, samples: int, precision: int,
                 budget: int, critical_points: Any, start: float) -> FlowResult:
    import mpmath  # deferred: only a flow at more than float64 precision needs it

    terms = _ExactTerms(mu)
    count = [0]
    n, N = mu.ambient_dimension, mu.num_parameters
    r = mu.architecture.activation or 1
    with mpmath.workprec(precision):
        one = mpmath.mpf(1)
        Q = [[mpmath.mpf(float(x)) for x in row] for row in loss.Q]
        b = [mpmath.mpf(float(x)) for x in loss.b]
        c = mpmath.mpf(float(loss.c))

        def grad_loss(w: list) -> list:
            return [2 * (mpmath.fsum(Q[i][j] * w[j] for j in range(n)) - b[i]) for i in range(n)]

        def rhs(_t: Any, theta: list) -> list:
            count[0] += 1
            if count[0] > budget:
                raise _Stop(f"stopped after {budget} right-hand-side evaluations (raise max_flow_evaluations, "
                            "CLI --max-flow-evaluations, or lower the precision)")
            g = grad_loss(terms.image(theta, one))
            J = terms.jacobian(theta, one)
            return [-mpmath.fsum(J[i][j] * g[i] for i in range(n)) for j in range(N)]

        def value(w: list) -> Any:
            return (mpmath.fsum(w[i] * Q[i][j] * w[j] for i in range(n) for j in range(n))
                    - 2 * mpmath.fsum(b[i] * w[i] for i in range(n)) + c)

        def deltas(theta: list) -> list:
            norms = [mpmath.fsum(x * x for x in theta[lo:hi]) for lo, hi in mu.layer_slices]
            return [r * norms[l + 1] - norms[l] for l in range(len(norms) - 1)]

        y0 = [mpmath.mpf(float(x)) for x in theta0]
        solution = mpmath.odefun(rhs, 0, y0)
        ts, thetas, message, success = [0.0], [y0], "", False
        try:
            for t in np.linspace(0.0, t_max, samples)[1:]:
                thetas.append(list(solution(mpmath.mpf(float(t)))))
                ts.append(float(t))
            success, message = True, "reached t_max"
        except _Stop as exc:
            message = str(exc)
        d0 = deltas(thetas[0])
        drift = tuple(float(max(abs(deltas(th)[l] - d0[l]) for th in thetas)) for l in range(len(d0)))
        ws = [terms.image(th, one) for th in thetas]
        losses = tuple(float(value(w)) for w in ws)
        init = tuple(float(v) for v in d0)
        params = tuple(tuple(float(x) for x in th) for th in thetas)
        funcs = tuple(tuple(float(x) for x in w) for w in ws)
    nearest = _nearest(np.array(funcs[-1]), critical_points)
    return FlowResult(
        nearest_critical_point=nearest,
        architecture=str(mu.architecture), loss=loss.description, t_max=t_max, rtol=2.0 ** -precision,
        atol=2.0 ** -precision, success=success, message=message, evaluations=min(count[0], budget),
        times=tuple(ts), parameters=params, functions=funcs, losses=losses, invariants_initial=init, drift=drift,
        function_space_residual=None,
        loss_non_increasing=bool(all(b2 <= a2 + 1e-9 * (1 + abs(a2)) for a2, b2 in zip(losses, losses[1:]))),
        method=f"mpmath.odefun (Taylor series) at {precision} bits",
        certified=False, seconds=time.perf_counter() - start,
        limitations=(f"numerical integration at {precision} bits (values reported in float64); the drift of the "
                     "conserved quantities measures the accuracy" + ("" if success else f"; stopped: {message}")),
    )


def _nearest(end: np.ndarray, critical_points: Any) -> dict | None:
    if not critical_points:
        return None
    dist = [float(np.linalg.norm(end - np.array(p.image))) for p in critical_points]
    i = int(np.argmin(dist))
    gaps = [float(np.linalg.norm(np.subtract(p.image, q.image))) for a, p in enumerate(critical_points)
            for q in critical_points[a + 1:]]
    gaps = [g for g in gaps if g > 1e-9]
    p = critical_points[i]
    return {"label": p.label, "distance": dist[i], "loss": p.loss, "is_global_minimum": p.is_global_minimum,
            "image": list(p.image), "within_quarter_separation": bool(not gaps or dist[i] <= min(gaps) / 4)}


def _positive_float(value: Any, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, np.integer, np.floating)):
        raise InputError(f"{name}: {checks.short(repr(value))} is not a number; give a finite number > 0")
    v = float(value)
    if not math.isfinite(v) or v <= 0:
        raise InputError(f"{name}: {v} must be a finite number > 0")
    return v
