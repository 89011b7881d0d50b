"""Certified snapping of a floating-point end point to an exact critical point (Krawczyk test).

A run of gradient descent ends at a float point ``θ``.  To say *which* exact real critical point
it reached, the end point is mapped to the seeded chart of the critical system
(:func:`lcnalg.landscape.critical_points.critical_system`: on each layer ``l < L`` the form
``a_l · w_l`` equals 1; rescaling ``w_l ↦ w_l / (a_l · w_l)`` and the last layer by the product
of those factors leaves ``μ(θ)`` unchanged) and *refined* by Newton's method in float64 (a run
stops at a small gradient, which can still be far from the critical point in ill-conditioned
directions); the refinement may move it by at most :data:`MAX_REFINEMENT` (relative).  A box
``X = y₀ ± ρ`` around the refined point (``ρ_i`` relative to ``|y₀_i|``) is tested with the
Krawczyk operator in ball arithmetic (FLINT ``arb``)::

    K(X) = y₀ − C F(y₀) + (I − C J_F(X)) (X − y₀),

``F = ∇ℓ`` on the chart (``r`` equations in ``r`` unknowns), ``J_F`` its Jacobian evaluated on
the whole box, ``C`` any matrix (a float inverse of ``J_F(y₀)``).  *Theorem* (Krawczyk 1969;
Moore 1977; Neumaier, *Interval Methods for Systems of Equations*, Thm. 5.1.8): if ``K(X)``
lies in the interior of ``X`` then ``F`` has exactly one zero in ``X``.  The exact critical
points are known as certified balls of their chart coordinates; the run is *snapped* to the
exact point whose ball lies inside ``X``: the refined end point then lies in a box holding
exactly one critical point, this exact one.  If the refinement moves too far, the test fails
for every radius tried (for instance where the Jacobian of μ drops rank and the critical
points are not isolated), or no exact point lies in the box (the exact list would be
incomplete), the run is "not snapped".

What this proves is proximity after refinement, not convergence of the run: the float path
is not followed with error bounds (docs/theory.md#certified-snapping).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import flint
import numpy as np

__all__ = ["ChartSystem", "Snap", "snap_to_critical_point", "RADII", "MAX_REFINEMENT"]

#: Newton's refinement of an end point may move it by at most this much (relative, max norm on
#: the chart); beyond that the end point is not near an isolated critical point.
MAX_REFINEMENT = 1e-2

#: Radii of the boxes tried, relative to each coordinate ``|y₀_i|`` (at least ``10^-12 (1 + ‖y₀‖∞)``),
#: smallest first.
RADII = (1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2)


def _terms(poly: Any) -> list[tuple[tuple[int, ...], Any]]:
    return [(tuple(int(a) for a in e), c) for e, c in poly.to_dict().items()]


@dataclass(frozen=True)
class ChartSystem:
    """The critical system on the chart, ready for float and ball evaluation.

    Parameters
    ----------
    chart : sequence of tuples of int
        The forms ``a_l`` of the layers ``l < L``.
    slices : sequence of (int, int)
        Each layer's range in the parameter vector.
    gradient : sequence of fmpq_mpoly
        ``∇ℓ`` on the chart (in the ``r`` free weights and ``z``, which it does not involve).
    r : int
        Number of free weights.
    """

    chart: tuple[tuple[int, ...], ...]
    slices: tuple[tuple[int, int], ...]
    gradient: tuple[Any, ...]
    r: int

    @classmethod
    def from_system(cls, system: dict[str, Any], slices: Sequence[tuple[int, int]]) -> "ChartSystem":
        """From the dict of :func:`~lcnalg.landscape.critical_points.critical_system`."""
        return cls(tuple(system["chart"]), tuple(tuple(s) for s in slices), tuple(system["gradient"]),
                   int(system["r"]))

    def equations(self) -> list[list[tuple[tuple[int, ...], Any]]]:
        return [_terms(f) for f in self.gradient]

    def jacobian(self) -> list[list[list[tuple[tuple[int, ...], Any]]]]:
        return [[_terms(f.derivative(j)) for j in range(self.r)] for f in self.gradient]

    def to_chart(self, theta: np.ndarray) -> np.ndarray | None:
        """The chart coordinates (free weights) of the orbit of ``θ``; None when ``a_l · w_l``
        is (numerically) 0 for some ``l < L``."""
        layers = [np.array(theta[lo:hi], dtype=float) for lo, hi in self.slices]
        factor = 1.0
        free = []
        for l, w in enumerate(layers[:-1]):
            a = np.array(self.chart[l], dtype=float)
            s = float(a @ w)
            if not np.isfinite(s) or abs(s) <= 1e-12 * float(np.abs(a).sum() * (np.abs(w).max() + 1e-300)):
                return None
            factor *= s
            free.extend(w[1:] / s)
        free.extend(layers[-1] * factor)
        return np.array(free, dtype=float)


def _eval_float(terms: list[tuple[tuple[int, ...], Any]], y: np.ndarray) -> float:
    total = 0.0
    for e, c in terms:
        v = float(c)
        for yi, a in zip(y, e):
            if a:
                v *= yi ** a
        total += v
    return total


def _eval_ball(terms: list[tuple[tuple[int, ...], Any]], y: Sequence[Any]) -> Any:
    total = flint.arb(0)
    for e, c in terms:
        v = flint.arb(c)
        for yi, a in zip(y, e):
            if a:
                v *= yi ** a
        total += v
    return total


@dataclass(frozen=True)
class Snap:
    """The outcome of :func:`snap_to_critical_point`.

    Attributes
    ----------
    index : int or None
        The exact point snapped to, or None.
    radius : float or None
        Relative radius of the Krawczyk box that proved it (each chart coordinate ``y_i``
        within ``radius · |y_i|``).
    reason : str
        ``"snapped"``, ``"off the chart"``, ``"no isolated critical point near the end point"``
        or ``"a critical point not in the exact list"``.
    refinement : float or None
        How far Newton's method moved the end point, ``‖y − y_end‖∞ / (1 + ‖y_end‖∞)`` in
        chart coordinates (at most :data:`MAX_REFINEMENT`).
    """

    index: int | None
    radius: float | None
    reason: str
    refinement: float | None = None


def snap_to_critical_point(system: ChartSystem, theta: np.ndarray, points: Sequence[Sequence[Any]], *,
                           prec: int = 128, newton_steps: int = 8) -> Snap:
    """Snap the end point ``θ`` to the exact critical point whose chart ball lies in a box
    around it in which the Krawczyk test proves a unique zero of ``∇ℓ``.

    Parameters
    ----------
    system : ChartSystem
    theta : ndarray
        The end point (all weights, float).
    points : sequence of sequences of arb
        Each exact real critical point's chart coordinates as certified balls.
    prec : int
        Working precision (bits) of the ball arithmetic.
    newton_steps : int
        Float Newton steps polishing the end point first.

    Returns
    -------
    Snap
    """
    y = system.to_chart(np.asarray(theta, dtype=float))
    if y is None or not np.all(np.isfinite(y)):
        return Snap(None, None, "off the chart")
    F = system.equations()
    J = system.jacobian()
    r = system.r
    end = y.copy()
    for _ in range(newton_steps):
        f = np.array([_eval_float(t, y) for t in F])
        Jy = np.array([[_eval_float(t, y) for t in row] for row in J])
        try:
            step = np.linalg.solve(Jy, f)
        except np.linalg.LinAlgError:
            return Snap(None, None, "no isolated critical point near the end point")
        if not np.all(np.isfinite(step)):
            return Snap(None, None, "no isolated critical point near the end point")
        y = y - step
        if np.linalg.norm(step, np.inf) <= 1e-15 * (1 + np.linalg.norm(y, np.inf)):
            break
    moved = float(np.linalg.norm(y - end, np.inf) / (1 + np.linalg.norm(end, np.inf)))
    if not moved <= MAX_REFINEMENT:
        return Snap(None, None, "no isolated critical point near the end point", moved)
    Jy = np.array([[_eval_float(t, y) for t in row] for row in J])
    try:
        C = np.linalg.inv(Jy)
    except np.linalg.LinAlgError:
        return Snap(None, None, "no isolated critical point near the end point")
    if not np.all(np.isfinite(C)):
        return Snap(None, None, "no isolated critical point near the end point")
    old = flint.ctx.prec
    flint.ctx.prec = prec
    try:
        y0 = [flint.arb(float(v)) for v in y]
        Cb = [[flint.arb(float(C[i, j])) for j in range(r)] for i in range(r)]
        f0 = [_eval_ball(t, y0) for t in F]
        scale = 1.0 + float(np.linalg.norm(y, np.inf))
        for rel in RADII:
            # per-coordinate radii: chart coordinates can differ by many orders of magnitude
            rhos = [rel * max(abs(float(v)), 1e-12 * scale) for v in y]
            X = [flint.arb(float(v), q) for v, q in zip(y, rhos)]
            JX = [[_eval_ball(t, X) for t in row] for row in J]
            dX = [flint.arb(0, q) for q in rhos]
            rho = rel
            K = []
            for i in range(r):
                k = y0[i] - sum((Cb[i][j] * f0[j] for j in range(r)), flint.arb(0))
                for j in range(r):
                    m = (1 if i == j else 0) - sum((Cb[i][q] * JX[q][j] for q in range(r)), flint.arb(0))
                    k += m * dX[j]
                K.append(k)
            if not all(_inside(k, x) for k, x in zip(K, X)):
                continue
            found = [i for i, p in enumerate(points) if all(_inside(c, x) for c, x in zip(p, X))]
            if len(found) == 1:
                return Snap(found[0], rho, "snapped", moved)
            if not found:
                return Snap(None, rho, "a critical point not in the exact list", moved)
        return Snap(None, None, "no isolated critical point near the end point", moved)
    finally:
        flint.ctx.prec = old


def _inside(inner: Any, outer: Any) -> bool:
    """Whether the ball ``inner`` lies in the interior of the ball ``outer``."""
    return bool(inner.lower() > outer.lower() and inner.upper() < outer.upper())
