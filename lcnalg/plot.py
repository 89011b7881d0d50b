"""Pictures of function spaces (optional extra ``plot``: ``pip install "lcnalg[plot]"``).

Every picture lcnalg draws lives here: :func:`plot_cubic_slice` (a slice of a 1D function
space, coloured by real roots) and :func:`plot_stratification` (the Hasse diagram of a
:class:`~lcnalg.singularities.strata.Stratification`); :func:`plot_hessian_sweep` (the Hessian
ranks of a family against its numbers of parameters, log–log, with the fitted exponent).
matplotlib is imported only when a function here is called.
"""

from __future__ import annotations

import math
from fractions import Fraction
from pathlib import Path

import networkx as nx

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.real import inequalities
from lcnalg.landscape.descent import DescentResult
from lcnalg.results import FlowResult, HessianSweepResult
from lcnalg.singularities.strata import Stratification

__all__ = ["plot_cubic_slice", "plot_stratification", "plot_descent", "plot_flow", "plot_hessian_sweep"]


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise InputError('plotting needs matplotlib: pip install "lcnalg[plot]"') from None
    return plt


def plot_cubic_slice(arch: Architecture | str, path: str | Path, *, extent: float = 3.0,
                     resolution: int = 161) -> Path:
    """Draw the slice ``z^3 + a z + b`` of a stride-one 1D function space with 4 coordinates.

    Each grid point ``(a, b)`` (rational) is coloured by its exact number of real roots
    (sign of the discriminant ``−4a^3 − 27b^2``, exact integer arithmetic; on the curve
    itself the roots are repeated) and hatched where it lies outside ``M``; the
    discriminant curve ``4a^3 + 27b^2 = 0`` is drawn parametrically
    (``a = −3s^2``, ``b = 2s^3``).

    Parameters
    ----------
    arch : Architecture or str
        A 1D stride-one architecture whose end-to-end filter has 4 entries, e.g. ``"2,2,2"``.
    path : str or Path
        Where to save the PNG.
    extent : float
        Half-width of the square window in ``(a, b)``.
    resolution : int
        Grid points per axis.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing, or the architecture is not 1D stride one with 4 coordinates.
    """
    arch = Architecture.coerce(arch)
    if arch.ndim != 1 or any(s != (1,) for s in arch.strides[:-1]) or arch.end_to_end_filter_shape != (4,):
        raise InputError(f"plot_cubic_slice: needs a 1D stride-one architecture with cubic end-to-end filters "
                         f"(e.g. \"2,2,2\", \"3,2\"), got {arch}")
    plt = _pyplot()
    ineq = inequalities(arch)
    m = ineq.m
    n = int(resolution)
    if n < 3 or n > 2001:
        raise InputError("plot_cubic_slice: resolution must be between 3 and 2001")
    step = Fraction(2 * extent).limit_denominator(1000) / (n - 1)
    lo = -Fraction(extent).limit_denominator(1000)
    roots = [[0] * n for _ in range(n)]
    for i in range(n):
        b = lo + i * step
        for j in range(n):
            a = lo + j * step
            disc = -4 * a ** 3 - 27 * b ** 2
            roots[i][j] = 3 if disc > 0 else (1 if disc < 0 else 2)
    inside = [[1 if (r >= m or ineq.everything) else 0 for r in row] for row in roots]
    fig, ax = plt.subplots(figsize=(6, 5))
    ext = (float(lo), float(-lo), float(lo), float(-lo))
    im = ax.imshow(roots, origin="lower", extent=ext, cmap="coolwarm", vmin=1, vmax=3, aspect="auto")
    ax.contourf([float(lo + j * step) for j in range(n)], [float(lo + i * step) for i in range(n)], inside,
                levels=[-0.5, 0.5], hatches=["//"], colors="none")
    s = [(-1 + 2 * k / 400) * (extent / 3) ** 0.5 * 1.8 for k in range(401)]
    ax.plot([-3 * x ** 2 for x in s], [2 * x ** 3 for x in s], "k-", lw=1.5, label="discriminant 4a³+27b²=0")
    ax.set_xlim(ext[0], ext[1])
    ax.set_ylim(ext[2], ext[3])
    ax.set_xlabel("a")
    ax.set_ylabel("b")
    verdict = "M = everything" if ineq.everything else f"M: ≥ {m} real roots (hatched: outside M)"
    ax.set_title(f"z³ + a z + b in M[{arch}]  ({verdict})")
    cbar = fig.colorbar(im, ax=ax, ticks=[1, 2, 3])
    cbar.set_label("real roots (with multiplicity, generic)")
    ax.legend(loc="lower left", fontsize=8)
    path = Path(path)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_stratification(strat: Stratification, path: str | Path) -> Path:
    """Draw the Hasse diagram of a stratification (dimension upwards) to ``path``.

    A node that carries several descriptions of one set (merged candidate strata) is
    labelled with all its names.

    Parameters
    ----------
    strat : Stratification
    path : str or Path
        Where to save the picture (format from the suffix, e.g. PNG).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing.
    """
    plt = _pyplot()
    g = strat.graph
    levels: dict[int, list[str]] = {}
    for node, d in g.nodes(data=True):
        levels.setdefault(d["dimension"], []).append(node)
    pos = {}
    for dim, nodes in levels.items():
        for i, node in enumerate(sorted(nodes)):
            pos[node] = (i - (len(nodes) - 1) / 2, dim)
    labels = {node: "\n= ".join(d.get("names", (node,))) for node, d in g.nodes(data=True)}
    fig, ax = plt.subplots(figsize=(6, 4))
    nx.draw_networkx(g, pos, ax=ax, labels=labels, node_color="#dde", node_size=1500, font_size=7, arrows=True)
    ax.set_ylabel("dimension")
    ax.set_title(f"strata of M[{strat.architecture}]")
    path = Path(path)
    fig.savefig(path)
    plt.close(fig)
    return path


def plot_descent(result: DescentResult, path: str | Path) -> Path:
    """Histogram of the final losses of gradient descent runs, coloured by where they ended.

    Parameters
    ----------
    result : DescentResult
    path : str or Path
        Where to save the picture (format from the suffix).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing.
    """
    plt = _pyplot()
    groups: dict[str, list[float]] = {}
    for run in result.runs:
        label = run.matched or ("mu critical" if run.mu_critical else "not matched")
        groups.setdefault(label, []).append(run.loss)
    fig, ax = plt.subplots(figsize=(6, 3.5))
    losses = [run.loss for run in result.runs]
    low, high = min(losses), max(losses)
    span = (low - 0.5, high + 0.5) if high - low <= 1e-12 * (1 + abs(high)) else (low, high)
    ax.hist(list(groups.values()), bins=min(30, max(5, len(result.runs))), range=span, stacked=True,
            label=list(groups))
    ax.set_xlabel("final loss")
    ax.set_ylabel("runs")
    ax.set_title(f"gradient descent on {result.architecture}: {len(result.runs)} runs")
    ax.legend(fontsize=8)
    path = Path(path)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_flow(result: FlowResult, path: str | Path) -> Path:
    """Three panels of a gradient-flow trajectory: the loss against time, the conserved
    quantities ``δ_l(t) − δ_l(0)``, and the function-space trajectory projected to its first
    two coordinates.

    Parameters
    ----------
    result : FlowResult
    path : str or Path
        Where to save the picture (format from the suffix).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing.
    """
    plt = _pyplot()
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.5))
    t = result.times
    axes[0].plot(t, result.losses)
    axes[0].set_xlabel("t")
    axes[0].set_ylabel("loss")
    for l, d0 in enumerate(result.invariants_initial):
        # δ_l from the sampled parameters, with the same constant as the invariants module
        vals = []
        for theta in result.parameters:
            vals.append(_delta(result.architecture, theta, l) - d0)
        axes[1].plot(t, vals, label=f"delta_{l + 1}")
    axes[1].set_xlabel("t")
    axes[1].set_ylabel("delta(t) - delta(0)")
    if result.invariants_initial:
        axes[1].legend(fontsize=8)
    w = result.functions
    if w and len(w[0]) >= 2:
        axes[2].plot([x[0] for x in w], [x[1] for x in w], marker=".", markersize=2)
        axes[2].set_xlabel("w_0")
        axes[2].set_ylabel("w_1")
    axes[2].set_title("function space")
    fig.suptitle(f"gradient flow on {result.architecture}" + ("" if result.success else " (stopped)"))
    path = Path(path)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path


def plot_hessian_sweep(result: HessianSweepResult, path: str | Path) -> Path:
    """Log–log picture of a Hessian rank sweep: the ranks of ``H_L``, ``H_o``, ``H_F`` against the
    number of parameters, the fitted line ``log rank H_L = a + b log n`` with ``b ± stderr`` in
    the legend, and the reference slope ``1/2`` through the fit's centre.

    Parameters
    ----------
    result : HessianSweepResult
    path : str or Path
        Where to save the picture (format from the suffix).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing or ``result`` is not a sweep.
    """
    if not isinstance(result, HessianSweepResult):
        raise InputError(f"result: expected a HessianSweepResult, got {type(result).__name__}")
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 4.5))
    n = [m.num_parameters for m in result.members]
    for part, marker, label in (("loss", "o", "rank H_L"), ("outer", "s", "rank H_o"),
                                ("functional", "^", "rank H_F")):
        pts = [(x, getattr(m, f"rank_{part}")) for x, m in zip(n, result.members) if getattr(m, f"rank_{part}") > 0]
        if pts:
            ax.scatter([p[0] for p in pts], [p[1] for p in pts], marker=marker, label=label,
                       s=60 if part == "loss" else 25, facecolors="none" if part == "loss" else None,
                       edgecolors="C0" if part == "loss" else None, zorder=2 if part == "loss" else 3)
    fit = result.fit
    if fit is not None:
        lo, hi = min(n), max(n)
        xs = [lo * (hi / lo) ** (i / 50) for i in range(51)]
        se = "" if fit.stderr is None else f" ± {fit.stderr:.2g}"
        ax.plot(xs, [math.exp(fit.intercept) * x ** fit.exponent for x in xs], color="black",
                label=f"fit: rank H_L ∝ n^b, b = {fit.exponent:.3f}{se}")
        logs = [math.log(m.num_parameters) for m in result.members if m.rank_loss > 0]
        centre = sum(logs) / len(logs)
        level = fit.intercept + fit.exponent * centre
        ax.plot(xs, [math.exp(level + fit.target * (math.log(x) - centre)) for x in xs], color="gray",
                linestyle="--", label=f"slope {fit.target:g} (reference)")
    title = None
    if fit is not None:
        if fit.near_target is None:
            title = f"b vs {fit.target:g}: undecided (no stderr)"
        else:
            title = (f"b {'near' if fit.near_target else 'not near'} {fit.target:g}: |b - {fit.target:g}| "
                     f"{'<=' if fit.near_target else '>'} 2 stderr")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = plt.FuncFormatter(lambda v, _: f"{v:g}")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(ticks)
        axis.set_minor_formatter(ticks)
    ax.tick_params(which="minor", labelsize=7)
    ax.set_xlabel("number of parameters n")
    ax.set_ylabel("exact rank at a seeded point")
    ax.set_title(f"Hessian ranks over {len(result.members)} architectures (seed {result.seed})")
    ax.legend(fontsize=8, loc="upper left", title=title, title_fontsize=8)
    path = Path(path)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path


def _delta(architecture: str, theta: tuple[float, ...], l: int) -> float:
    arch = Architecture.parse(architecture)
    r = arch.activation or 1
    start, norms = 0, []
    for f in arch.filters:
        size = 1
        for k in f:
            size *= k
        norms.append(sum(x * x for x in theta[start:start + size]))
        start += size
    return r * norms[l + 1] - norms[l]
