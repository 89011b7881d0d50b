"""Integrating the gradient flow: DOP853 against explicit Euler, and parameter space against function space.

For each architecture, a seeded random dataset (entries in ``[-3, 3]``, 3 samples per coordinate
rescaled by the data's size) and a seeded N(0, 0.25) initialisation, the flow
``θ' = −∇(ℓ∘μ)`` is integrated to ``t = T``:

* ``dop853``: :func:`lcnalg.flow.flow` (adaptive, order 8, rtol 1e-10); its end point is the
  reference.
* ``euler (same cost)``: explicit Euler with as many right-hand-side evaluations as DOP853
  used; ``euler (10x cost)``: ten times as many.
* ``function space``: for two linear layers with a metric formula
  (:func:`lcnalg.flow.closed_form.two_layer_metric_formula`), ``ẇ = −K(w, δ_0) ∇ℓ(w)``
  integrated in function space with the same DOP853 settings.

Columns: right-hand-side evaluations, wall seconds, the largest drift of a conserved ``δ_l``
(not applicable in function space), and the distance of the end point in function space from
the reference ``μ(θ_dop853(T))``.

Run from the repository root::

    python benchmarks/flow.py                      # writes its section of benchmarks/RESULTS.md
    python benchmarks/flow.py --output ''          # print only
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import cas  # noqa: E402
from benchmarks.implicitization import machine  # noqa: E402

CASES = ("2,2 s=2", "3,2 s=2", "2x1,1x2", "3,3 s=2", "2,2,2 s=2,2", "2x2,2x2", "2,2 r=2", "2,2,2 r=2")
BEGIN = "<!-- flow.py: begin -->"
END = "<!-- flow.py: end -->"


def euler(mu, fmap, loss, theta0, t_max, steps):
    from lcnalg.flow.invariants import evaluate_invariants

    h = t_max / steps
    theta = np.array(theta0, dtype=float)
    d0 = np.array(evaluate_invariants(mu, theta))
    drift = 0.0
    for _ in range(steps):
        theta = theta - h * (fmap.jacobian(theta).T @ loss.gradient(fmap.image(theta)))
        if not np.all(np.isfinite(theta)):
            return theta, float("inf")
        drift = max(drift, float(np.abs(np.array(evaluate_invariants(mu, theta)) - d0).max(initial=0.0)))
    return theta, drift


def function_space(mu, loss, theta0, t_max, rtol, atol):
    """Integrate w' = -K(w, delta_0) grad l(w) with the two-layer formula; None when there is none."""
    import sympy
    from scipy.integrate import solve_ivp

    from lcnalg.flow.closed_form import two_layer_metric_formula
    from lcnalg.flow.trajectory import FloatMap

    if mu.architecture.activation is not None or mu.architecture.num_layers != 2:
        return None
    from lcnalg.errors import ResourceLimitError

    try:
        res = two_layer_metric_formula(mu, points=1)  # refused beyond max_elimination_variables
    except ResourceLimitError:
        return None
    if not res.available:
        return None
    W = sympy.symbols(f"w0:{mu.ambient_dimension}")
    P = sympy.lambdify([W], sympy.sympify(res.P), "numpy")
    G1 = sympy.lambdify([W], sympy.Matrix([[sympy.sympify(e) for e in r] for r in res.G1]), "numpy")
    G2 = sympy.lambdify([W], sympy.Matrix([[sympy.sympify(e) for e in r] for r in res.G2]), "numpy")
    (l0, h0), (l1, h1) = mu.layer_slices
    delta = float(theta0[l1:h1] @ theta0[l1:h1] - theta0[l0:h0] @ theta0[l0:h0])
    count = [0]

    def rhs(_t, w):
        count[0] += 1
        p = P(w)
        rho = np.sqrt(delta ** 2 + 4 * p)
        g1, g2 = np.array(G1(w), dtype=float), np.array(G2(w), dtype=float)
        K = (rho * (g1 + g2) + delta * (g1 - g2)) / (2 * p)
        return -K @ loss.gradient(w)

    w0 = FloatMap(mu).image(theta0)
    start = time.perf_counter()
    sol = solve_ivp(rhs, (0.0, t_max), w0, method="DOP853", rtol=rtol, atol=atol)
    return sol.y[:, -1], count[0], time.perf_counter() - start, bool(sol.success)


def main(argv: list[str] | None = None) -> int:
    from lcnalg import parameterize
    from lcnalg.flow.trajectory import FloatMap, FlowLoss, flow, initial_point
    from lcnalg.landscape import Dataset

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", nargs="+", default=list(CASES))
    parser.add_argument("--t-max", type=float, default=2.0)
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "RESULTS.md"))
    args = parser.parse_args(argv)
    rtol, atol = 1e-10, 1e-12
    header = ["architecture", "method", "evaluations", "seconds", "max drift of delta", "distance of w(T) to the reference",
              "final loss"]
    rows = []
    for arch in args.cases:
        first = len(rows)
        mu = parameterize(arch)
        n = mu.ambient_dimension
        data = Dataset.random(mu.architecture, 3 * n, seed=0, bound=3)
        loss = FlowLoss.from_data(mu, data)
        loss = FlowLoss(loss.Q / data.num_samples, loss.b / data.num_samples, loss.c / data.num_samples,
                        loss.description + " (mean)")
        theta0 = initial_point(mu, 0, 0.5)
        fmap = FloatMap(mu)
        start = time.perf_counter()
        ref = flow(mu, loss, theta0, t_max=args.t_max, rtol=rtol, atol=atol, samples=2)
        secs = time.perf_counter() - start
        w_ref = np.array(ref.functions[-1])
        rows.append([arch, "dop853", str(ref.evaluations), f"{secs:.2f}", f"{max(ref.drift):.1e}", "0 (reference)",
                     f"{ref.losses[-1]:.6g}" + ("" if ref.success else " (stopped)")])
        for factor, label in ((1, "euler (same cost)"), (10, "euler (10x cost)")):
            steps = max(1, ref.evaluations * factor)
            start = time.perf_counter()
            theta, drift = euler(mu, fmap, loss, theta0, args.t_max, steps)
            secs = time.perf_counter() - start
            w = fmap.image(theta)
            rows.append([arch, label, str(steps), f"{secs:.2f}", f"{drift:.1e}",
                         f"{np.linalg.norm(w - w_ref):.1e}", f"{loss.value(w):.6g}"])
        fs = function_space(mu, loss, theta0, args.t_max, rtol, atol)
        if fs is not None:
            w, evals, secs, ok = fs
            rows.append([arch, "function space (K(w, delta))", str(evals), f"{secs:.2f}", "-",
                         f"{np.linalg.norm(w - w_ref):.1e}", f"{loss.value(w):.6g}" + ("" if ok else " (failed)")])
        for r in rows[first:]:
            print(" | ".join(r), flush=True)
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    print("\n".join(table))
    if args.output:
        info = machine()
        command = "python benchmarks/flow.py " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        section = "\n".join([
            BEGIN, "## Integrating the gradient flow: `flow.py`", "",
            f"{time.strftime('%Y-%m-%d')}, {info['cpu']}, {info['nproc']} cores; command `{command.strip()}`; "
            f"t = 0..{args.t_max:g}, mean squared loss on a seeded random dataset (3 samples per coordinate, "
            "entries in [-3, 3]), seeded N(0, 0.25) initialisation; DOP853 with rtol 1e-10, atol 1e-12 is the "
            "reference; explicit Euler with fixed steps; 'function space' integrates w' = -K(w, delta_0) grad l(w) "
            "with the two-layer formula (linear, two layers, where it exists).", "",
            *table, "", END, ""])
        cas.update_section(args.output, section, BEGIN, END)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
