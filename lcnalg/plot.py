"""Pictures of function spaces (optional extra ``plot``: ``pip install "lcnalg[plot]"``).

Every picture lcnalg draws lives here, each in two steps: a ``*_figure`` function builds a
matplotlib :class:`~matplotlib.figure.Figure` (no pyplot, no global state) and a ``plot_*``
function saves it with :func:`save_figure`, the format taken from the suffix of the path
(:data:`SUFFIXES`: PNG and JPEG at 200 dpi; PDF, SVG, EPS and PS as vector graphics, with
TrueType fonts embedded in PDF and PostScript and no time stamp, so that the same input gives
the same file).

* :func:`cubic_slice_figure`: the slice ``z^3 + a z + b`` of a 1D function space, coloured by
  the number of real roots;
* :func:`stratification_figure`: the Hasse diagram of a
  :class:`~lcnalg.singularities.strata.Stratification`, laid out by :func:`hasse_layout`;
* :func:`descent_figure`: the final losses of gradient descent runs;
* :func:`flow_figure`: a gradient-flow trajectory;
* :func:`hessian_sweep_figure`: the Hessian ranks of a family against its numbers of
  parameters, log–log, with the fitted exponent.

**The Hasse diagram** (:func:`hasse_layout`) is computed as data before anything is drawn:

* *edges*: the transitive reduction of the closure relation.  The relation ``A → B`` ("A lies
  in the closure of B") goes up in dimension, so it is acyclic, and it is transitively closed;
  the transitive reduction of a finite acyclic relation is unique and its transitive closure
  is the relation again, so the picture loses nothing (read ``A`` below ``B`` along a path);
* *rows*: one row per dimension, the height being the dimension (linear scale, the dimension on
  the axis); a gap of more than :data:`GAP_CAP` dimensions without strata is shortened to
  :data:`GAP_CAP` steps and marked on the axis as a break;
* *nodes*: in a row, ordered by the mean position of their neighbours in the rows above
  (barycentre heuristic: fewer crossings), ties by name, and packed side by side
  :data:`H_GAP` points apart, so boxes of one row are disjoint by construction; consecutive
  rows are at least half their tallest boxes plus :data:`V_GAP` points apart, so boxes of
  different rows are disjoint too;
* *lines*: a line crossing a row takes a slot of its own there, placed among the boxes like a
  box of width 0 (the dummy nodes of layered graph drawing); a line rises vertically through
  the band of each row it meets (the height of the tallest box of the row), where it is in its
  own slot or above or below its own box, and runs straight between bands, where there are no
  boxes: so a line meets no box but its two ends;
* *sizes*: every label is measured with matplotlib's Agg renderer (points); the axes are sized
  to the layout in points, and the figure to the axes plus the measured tick labels, axis label
  and title, so every label lies inside the figure.

The other pictures use matplotlib's constrained layout with wrapped titles, so that their
labels lie inside the figure too.  matplotlib is imported only when a function here is called.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.real import inequalities
from lcnalg.landscape.descent import DescentResult
from lcnalg.flow.trajectory import FlowResult
from lcnalg.hessian.sweep import HessianSweepResult
from lcnalg.singularities.strata import Stratification

__all__ = ["SUFFIXES", "HasseLayout", "hasse_layout", "text_measure", "save_figure", "cubic_slice_figure", "stratification_figure",
           "descent_figure", "flow_figure", "plot_cubic_slice", "plot_stratification", "plot_descent", "plot_flow",
           "hessian_sweep_figure", "plot_hessian_sweep"]

#: File suffixes :func:`save_figure` writes (the format is taken from the suffix).
SUFFIXES = (".png", ".pdf", ".svg", ".eps", ".ps", ".jpg", ".jpeg")

#: Dots per inch of raster output (PNG, JPEG).
RASTER_DPI = 200

#: Font size (points) of the labels of the Hasse diagram.
FONT_SIZE = 9.0

#: Space (points) between a label and the edge of its box.
PAD = 4.0

#: Horizontal space (points) between the boxes of one row.
H_GAP = 16.0

#: Vertical space (points) between the boxes of consecutive rows.
V_GAP = 22.0

#: Least distance (points) between the rows of consecutive dimensions.
MIN_PITCH = 28.0

#: A gap of more than this many dimensions without strata is drawn this many steps high.
GAP_CAP = 3

#: Empty border (points) inside the axes of the Hasse diagram.
MARGIN = 8.0

#: Characters per line of a title before it is wrapped.
TITLE_WIDTH = 60


def _matplotlib() -> Any:
    """The matplotlib package, or a one-line error saying how to install it."""
    try:
        import matplotlib  # deferred: the plot extra is optional
    except ImportError:
        raise InputError('plotting needs matplotlib: pip install "lcnalg[plot]"') from None
    return matplotlib


def _figure(**kwargs: Any) -> Any:
    """A new Figure on an Agg canvas (outside pyplot: nothing global to close)."""
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # deferred: the plot extra is optional
    from matplotlib.figure import Figure  # deferred: as above

    fig = Figure(**kwargs)
    FigureCanvasAgg(fig)
    return fig


def text_measure() -> Callable[[str, float], tuple[float, float]]:
    """A function ``(text, fontsize) → (width, height)`` in points, measured by matplotlib's Agg
    renderer (the one that draws the pictures; several lines are measured as a block, centred).

    Raises
    ------
    InputError
        If matplotlib is missing.
    """
    fig = _figure(dpi=72)
    renderer = fig.canvas.get_renderer()

    def measure(text: str, fontsize: float) -> tuple[float, float]:
        t = fig.text(0, 0, text, fontsize=fontsize, parse_math=False, multialignment="center")
        box = t.get_window_extent(renderer)
        t.remove()
        return float(box.width), float(box.height)

    return measure


@dataclass(frozen=True)
class HasseLayout:
    """Where every part of a Hasse diagram goes, in points (1/72 inch) from the lower-left
    corner of the axes; the axes are ``width × height`` points.

    Attributes
    ----------
    edges : tuple of (str, str)
        ``(lower, upper)``: the transitive reduction of the closure relation.
    paths : dict
        Edge → the points of its line, from the top of the lower box to the bottom of the upper
        one; it meets no other box.
    labels : dict
        Node → label (the names of the candidate strata that are this set, one a line).
    dimensions : dict
        Node → dimension.
    centres : dict
        Node → ``(x, y)`` centre of its box.
    boxes : dict
        Node → ``(x0, y0, x1, y1)``: its label with :data:`PAD` around it.
    ticks : tuple of (int, float)
        ``(dimension, y)`` for the axis.
    breaks : tuple of (float, float)
        ``(y_low, y_high)`` of each shortened gap between rows.
    width, height : float
        Size of the axes.
    fontsize : float
        Font size of the labels.
    """

    edges: tuple[tuple[str, str], ...]
    paths: dict[tuple[str, str], tuple[tuple[float, float], ...]]
    labels: dict[str, str]
    dimensions: dict[str, int]
    centres: dict[str, tuple[float, float]]
    boxes: dict[str, tuple[float, float, float, float]]
    ticks: tuple[tuple[int, float], ...]
    breaks: tuple[tuple[float, float], ...]
    width: float
    height: float
    fontsize: float


def _strat(strat: Any) -> Stratification:
    if not isinstance(strat, Stratification):
        raise InputError(f"strat: expected a Stratification (FunctionSpace(...).stratification()), "
                         f"got {checks.short(strat)}")
    return strat


def hasse_layout(strat: Stratification, *, fontsize: float = FONT_SIZE,
                 measure: Callable[[str, float], tuple[float, float]] | None = None) -> HasseLayout:
    """Lay out the Hasse diagram of a stratification (see the module docstring): transitive
    reduction, one row per dimension, disjoint boxes.

    Parameters
    ----------
    strat : Stratification
    fontsize : float
        Font size of the labels (points), from 4 to 30.
    measure : callable, optional
        ``(text, fontsize) → (width, height)`` in points; by default :func:`text_measure`.

    Returns
    -------
    HasseLayout

    Raises
    ------
    InputError
        If ``strat`` is not a Stratification, ``fontsize`` is out of range, ``measure`` is not
        callable, or matplotlib is missing (and no ``measure`` is given).

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> strat = FunctionSpace("2,2,2").stratification()
    >>> sorted(strat.graph.edges)                   # the closure relation
    [('boundary', 'V'), ('origin', 'V'), ('origin', 'boundary')]
    >>> lay = hasse_layout(strat)
    >>> sorted(lay.edges)                           # its transitive reduction
    [('boundary', 'V'), ('origin', 'boundary')]
    >>> lay.centres["origin"][1] < lay.centres["boundary"][1] < lay.centres["V"][1]
    True
    """
    strat = _strat(strat)
    if isinstance(fontsize, bool) or not isinstance(fontsize, (int, float)) or not 4 <= fontsize <= 30:
        raise InputError(f"fontsize: expected a number of points from 4 to 30, got {checks.short(fontsize)}")
    fontsize = float(fontsize)
    if measure is not None and not callable(measure):
        raise InputError(f"measure: expected a function (text, fontsize) -> (width, height), got {checks.short(measure)}")
    measure = measure or text_measure()
    g = strat.graph
    reduced = nx.transitive_reduction(g)
    labels = {n: "\n= ".join(d.get("names", (n,))) for n, d in g.nodes(data=True)}
    dims = {n: int(d["dimension"]) for n, d in g.nodes(data=True)}
    size = {}
    for n, text in labels.items():
        w, h = measure(text, fontsize)
        size[n] = (w + 2 * PAD, h + 2 * PAD)
    rows = sorted(set(dims.values()), reverse=True)
    edges = tuple(sorted(reduced.edges))
    # a line crossing rows gets a slot (a dummy node of width 0) in each row it crosses
    chains: dict[tuple[str, str], list[Any]] = {}
    upward: dict[Any, Any] = {}
    for u, v in edges:
        chain = [u] + [("edge", u, v, d) for d in sorted(rows) if dims[u] < d < dims[v]] + [v]
        chains[(u, v)] = chain
        for a, b in zip(chain, chain[1:]):
            upward.setdefault(a, []).append(b)
            if not isinstance(b, str):
                size[b] = (0.0, 0.0)
                dims[b] = b[3]
    slots = list(g.nodes) + [c for chain in chains.values() for c in chain[1:-1]]
    members = {d: [n for n in slots if dims[n] == d] for d in rows}
    x: dict[Any, float] = {}
    row_width = {}
    for d in rows:
        def key(n: Any) -> tuple[float, int, str]:
            above = [x[m] for m in upward.get(n, ()) if m in x]
            return (sum(above) / len(above) if above else 0.0, isinstance(n, str), str(n))

        order = sorted(members[d], key=key)
        total = sum(size[n][0] for n in order) + H_GAP * (len(order) - 1)
        left = -total / 2
        for n in order:
            x[n] = left + size[n][0] / 2
            left += size[n][0] + H_GAP
        members[d] = order
        row_width[d] = total
    tallest = {d: max(size[n][1] for n in members[d]) for d in rows}
    up = rows[::-1]   # increasing dimension
    pitch = MIN_PITCH
    for lo, hi in zip(up, up[1:]):
        pitch = max(pitch, ((tallest[lo] + tallest[hi]) / 2 + V_GAP) / min(hi - lo, GAP_CAP))
    y = {up[0]: MARGIN + tallest[up[0]] / 2}
    ticks = [(up[0], y[up[0]])]
    breaks = []
    for lo, hi in zip(up, up[1:]):
        y[hi] = y[lo] + min(hi - lo, GAP_CAP) * pitch
        if hi - lo > GAP_CAP:
            breaks.append((y[lo], y[hi]))
        else:
            ticks.extend((d, y[lo] + (d - lo) * pitch) for d in range(lo + 1, hi))
        ticks.append((hi, y[hi]))
    width = max(row_width.values()) + 2 * MARGIN
    height = y[up[-1]] + tallest[up[-1]] / 2 + MARGIN
    centres = {n: (x[n] + width / 2, y[dims[n]]) for n in g}
    boxes = {n: (cx - size[n][0] / 2, cy - size[n][1] / 2, cx + size[n][0] / 2, cy + size[n][1] / 2)
             for n, (cx, cy) in centres.items()}
    paths = {}
    for (u, v), chain in chains.items():
        # up from the top of u through the band of each row (only its own slot there), straight
        # across the empty space between rows, into the bottom of v
        pts = [(x[u] + width / 2, boxes[u][3])]
        for i, n in enumerate(chain):
            band = tallest[dims[n]] / 2
            cx = x[n] + width / 2
            if i:
                pts.append((cx, y[dims[n]] - band))
            if i < len(chain) - 1:
                pts.append((cx, y[dims[n]] + band))
        pts.append((x[v] + width / 2, boxes[v][1]))
        paths[(u, v)] = tuple(p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1])
    dims = {n: dims[n] for n in g}
    return HasseLayout(edges=edges, paths=paths, labels=labels, dimensions=dims, centres=centres, boxes=boxes,
                       ticks=tuple(ticks), breaks=tuple(breaks), width=width, height=height, fontsize=fontsize)


def stratification_figure(strat: Stratification, *, fontsize: float = FONT_SIZE) -> Any:
    """The Hasse diagram of a stratification as a matplotlib Figure (layout:
    :func:`hasse_layout`): a line joins a stratum to each stratum whose closure contains it with
    none in between, the height is the dimension.

    A node that carries several descriptions of one set (merged candidate strata) is
    labelled with all its names.  A proper subset of a stratum of the same dimension
    (``subset_of``) is not a closure relation and is not drawn; :meth:`Stratification.table`
    lists it.

    Parameters
    ----------
    strat : Stratification
    fontsize : float
        Font size of the labels (points), from 4 to 30.

    Returns
    -------
    matplotlib.figure.Figure
        Sized to the diagram (every label inside).

    Raises
    ------
    InputError
        If matplotlib is missing, or the arguments are not as above.
    """
    strat = _strat(strat)
    measure = text_measure()
    lay = hasse_layout(strat, fontsize=fontsize, measure=measure)
    title = textwrap.fill(f"strata of M[{strat.architecture}]", TITLE_WIDTH)
    axis_font = fontsize + 1
    title_w, title_h = measure(title, fontsize + 2)
    label_w, label_h = measure("dimension", axis_font)
    tick_w = max(measure(str(d), axis_font)[0] for d, _ in lay.ticks)
    # ylabel (rotated: its height is a width), its pad 4, tick labels, their pad 3.5, ticks 3.5
    left = MARGIN + label_h + 4 + tick_w + 3.5 + 3.5 + 2
    top = title_h + 6 + MARGIN
    bottom = right = MARGIN
    fig_w = max(left + lay.width + right, title_w + 2 * MARGIN)
    extra = fig_w - (left + lay.width + right)
    left, right = left + extra / 2, right + extra / 2
    height = max(lay.height, label_w + 2 * MARGIN)   # the axis label fits along the axis
    fig_h = bottom + height + top
    fig = _figure(figsize=(fig_w / 72, fig_h / 72))
    ax = fig.add_axes((left / fig_w, bottom / fig_h, lay.width / fig_w, height / fig_h))
    ax.set_xlim(0, lay.width)
    ax.set_ylim(-(height - lay.height) / 2, lay.height + (height - lay.height) / 2)
    for (lower, upper), pts in lay.paths.items():
        ax.plot([p[0] for p in pts], [p[1] for p in pts], color="#555555", lw=0.9, zorder=1,
                solid_joinstyle="round", gid=f"edge {lower} -> {upper}")
    for node, (cx, cy) in lay.centres.items():
        ax.text(cx, cy, lay.labels[node], ha="center", va="center", fontsize=fontsize, parse_math=False,
                multialignment="center", zorder=3, gid=f"stratum {node}",
                bbox={"boxstyle": f"round,pad={PAD / fontsize}", "facecolor": "#e8ebf7",
                      "edgecolor": "#3a4a7a", "linewidth": 0.8})
    for spine in ("top", "right", "bottom"):
        ax.spines[spine].set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([y for _, y in lay.ticks], [str(d) for d, _ in lay.ticks], fontsize=axis_font)
    ax.set_ylabel("dimension", fontsize=axis_font)
    for y0, y1 in lay.breaks:   # a shortened gap: two strokes across the axis
        mid = (y0 + y1) / 2
        for dy in (-2.5, 2.5):
            ax.plot([-4, 4], [mid + dy - 2, mid + dy + 2], color="black", lw=0.9, clip_on=False, zorder=4)
        ax.plot([0, 0], [mid - 2.5, mid + 2.5], color="white", lw=2, clip_on=False, zorder=3.5)
    ax.set_title(title, fontsize=fontsize + 2, pad=6)
    return fig


def save_figure(fig: Any, path: str | Path) -> Path:
    """Save a Figure in the format of the suffix of ``path`` (one of :data:`SUFFIXES`).

    Raster formats get :data:`RASTER_DPI`; PDF and PostScript embed TrueType fonts; PDF, SVG
    and PostScript carry no time stamp (the same figure gives the same file).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
    path : str or Path
        Where to write; its directory must exist.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If ``fig`` is not a Figure, the suffix is not one of :data:`SUFFIXES` or the directory
        does not exist.
    """
    if not callable(getattr(fig, "savefig", None)):
        raise InputError(f"fig: expected a matplotlib Figure, got {checks.short(fig)}")
    if not isinstance(path, (str, Path)) or not str(path).strip():
        raise InputError(f"path: expected a file name ending in one of {', '.join(SUFFIXES)}, "
                         f"got {checks.short(path)}")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"path: expected a file name ending in one of {', '.join(SUFFIXES)}, "
                         f"got {checks.short(str(path), 60)}")
    if not path.parent.is_dir():
        raise InputError(f"path: the directory {checks.short(str(path.parent), 60)} does not exist")
    matplotlib = _matplotlib()
    metadata = {".pdf": {"CreationDate": None}, ".svg": {"Date": None},
                ".eps": {"CreationDate": None}, ".ps": {"CreationDate": None}}.get(suffix)
    with matplotlib.rc_context({"pdf.fonttype": 42, "ps.fonttype": 42, "svg.hashsalt": "lcnalg"}):
        fig.savefig(path, dpi=RASTER_DPI, metadata=metadata)
    return path


def plot_stratification(strat: Stratification, path: str | Path) -> Path:
    """Draw the Hasse diagram of a stratification (:func:`stratification_figure`) to ``path``.

    Parameters
    ----------
    strat : Stratification
    path : str or Path
        Where to save the picture (format from the suffix: PNG, PDF, SVG, …; see :data:`SUFFIXES`).

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing, or the path has another suffix or no directory.
    """
    return save_figure(stratification_figure(strat), path)


def cubic_slice_figure(arch: Architecture | str, *, extent: float = 3.0, resolution: int = 161) -> Any:
    """The slice ``z^3 + a z + b`` of a stride-one 1D function space with 4 coordinates.

    Each grid point ``(a, b)`` (rational) is coloured by its exact number of real roots
    (sign of the discriminant ``−4a^3 − 27b^2``, exact integer arithmetic; on the curve
    itself the roots are repeated) and hatched where it lies outside ``M``; the
    discriminant curve ``4a^3 + 27b^2 = 0`` is drawn parametrically
    (``a = −3s^2``, ``b = 2s^3``).

    Parameters
    ----------
    arch : Architecture or str
        A 1D stride-one architecture whose end-to-end filter has 4 entries, e.g. ``"2,2,2"``.
    extent : float
        Half-width of the square window in ``(a, b)`` (from 0.01 to 1000).
    resolution : int
        Grid points per axis (3 to 2001).

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        If matplotlib is missing, or the architecture is not 1D stride one with 4 coordinates.
    """
    arch = Architecture.coerce(arch)
    if arch.ndim != 1 or any(s != (1,) for s in arch.strides[:-1]) or arch.end_to_end_filter_shape != (4,):
        raise InputError(f"plot_cubic_slice: needs a 1D stride-one architecture with cubic end-to-end filters "
                         f"(e.g. \"2,2,2\", \"3,2\"), got {arch}")
    n = checks.integer(resolution, "resolution", low=3, high=2001, form="an integer from 3 to 2001")
    if isinstance(extent, bool) or not isinstance(extent, (int, float)) or not 0.01 <= extent <= 1000:
        raise InputError(f"extent: expected a number from 0.01 to 1000, got {checks.short(extent)}")
    _matplotlib()
    ineq = inequalities(arch)
    m = ineq.m
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
    fig = _figure(figsize=(6, 5), layout="constrained")
    ax = fig.add_subplot()
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
    ax.set_title(textwrap.fill(f"z³ + a z + b in M[{arch}]  ({verdict})", TITLE_WIDTH))
    cbar = fig.colorbar(im, ax=ax, ticks=[1, 2, 3])
    cbar.set_label("real roots (with multiplicity, generic)")
    ax.legend(loc="lower left", fontsize=8)
    return fig


def plot_cubic_slice(arch: Architecture | str, path: str | Path, *, extent: float = 3.0,
                     resolution: int = 161) -> Path:
    """Draw :func:`cubic_slice_figure` to ``path`` (format from the suffix, :data:`SUFFIXES`).

    Parameters
    ----------
    arch : Architecture or str
        A 1D stride-one architecture whose end-to-end filter has 4 entries, e.g. ``"2,2,2"``.
    path : str or Path
        Where to save the picture.
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
        If matplotlib is missing, the architecture is not 1D stride one with 4 coordinates, or
        the path has another suffix or no directory.
    """
    return save_figure(cubic_slice_figure(arch, extent=extent, resolution=resolution), path)


def descent_figure(result: DescentResult) -> Any:
    """Histogram of the final losses of gradient descent runs, coloured by where they ended.

    Parameters
    ----------
    result : DescentResult

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        If matplotlib is missing or ``result`` is not a DescentResult.
    """
    if not isinstance(result, DescentResult):
        raise InputError(f"result: expected a DescentResult (lcnalg descend), got {checks.short(result)}")
    _matplotlib()
    groups: dict[str, list[float]] = {}
    for run in result.runs:
        label = run.matched or ("mu critical" if run.mu_critical else "not matched")
        groups.setdefault(label, []).append(run.loss)
    fig = _figure(figsize=(6, 3.5), layout="constrained")
    ax = fig.add_subplot()
    losses = [run.loss for run in result.runs]
    low, high = min(losses), max(losses)
    span = (low - 0.5, high + 0.5) if high - low <= 1e-12 * (1 + abs(high)) else (low, high)
    ax.hist(list(groups.values()), bins=min(30, max(5, len(result.runs))), range=span, stacked=True,
            label=[textwrap.shorten(g, 40) for g in groups])
    ax.set_xlabel("final loss")
    ax.set_ylabel("runs")
    ax.set_title(textwrap.fill(f"gradient descent on {result.architecture}: {len(result.runs)} runs", TITLE_WIDTH))
    ax.legend(fontsize=8)
    return fig


def plot_descent(result: DescentResult, path: str | Path) -> Path:
    """Draw :func:`descent_figure` to ``path`` (format from the suffix, :data:`SUFFIXES`).

    Parameters
    ----------
    result : DescentResult
    path : str or Path
        Where to save the picture.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing, or the path has another suffix or no directory.
    """
    return save_figure(descent_figure(result), path)


def flow_figure(result: FlowResult) -> Any:
    """Three panels of a gradient-flow trajectory: the loss against time, the conserved
    quantities ``δ_l(t) − δ_l(0)``, and the function-space trajectory projected to its first
    two coordinates.

    Parameters
    ----------
    result : FlowResult

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        If matplotlib is missing or ``result`` is not a FlowResult.
    """
    if not isinstance(result, FlowResult):
        raise InputError(f"result: expected a FlowResult (lcnalg flow), got {checks.short(result)}")
    _matplotlib()
    fig = _figure(figsize=(12, 3.8), layout="constrained")
    axes = fig.subplots(1, 3)
    t = result.times
    axes[0].plot(t, result.losses)
    axes[0].set_xlabel("t")
    axes[0].set_ylabel("loss")
    axes[0].set_title("loss")
    for l, d0 in enumerate(result.invariants_initial):
        # δ_l from the sampled parameters, with the same constant as the invariants module
        vals = []
        for theta in result.parameters:
            vals.append(_delta(result.architecture, theta, l) - d0)
        axes[1].plot(t, vals, label=f"δ_{l + 1}")
    axes[1].set_xlabel("t")
    axes[1].set_ylabel("δ(t) − δ(0)")
    axes[1].set_title("drift of the conserved quantities")
    if result.invariants_initial:
        axes[1].legend(fontsize=8)
    w = result.functions
    if w and len(w[0]) >= 2:
        axes[2].plot([x[0] for x in w], [x[1] for x in w], marker=".", markersize=2)
        axes[2].set_xlabel("w_0")
        axes[2].set_ylabel("w_1")
    else:
        axes[2].plot(t, [x[0] for x in w] if w else [0.0] * len(t))
        axes[2].set_xlabel("t")
        axes[2].set_ylabel("w_0")
    axes[2].set_title("function space")
    fig.suptitle(textwrap.fill(f"gradient flow on {result.architecture}" + ("" if result.success else " (stopped)"),
                               2 * TITLE_WIDTH))
    return fig


def plot_flow(result: FlowResult, path: str | Path) -> Path:
    """Draw :func:`flow_figure` to ``path`` (format from the suffix, :data:`SUFFIXES`).

    Parameters
    ----------
    result : FlowResult
    path : str or Path
        Where to save the picture.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing, or the path has another suffix or no directory.
    """
    return save_figure(flow_figure(result), path)


def hessian_sweep_figure(result: HessianSweepResult) -> Any:
    """Log–log picture of a Hessian rank sweep: the ranks of ``H_L``, ``H_o``, ``H_F`` against the
    number of parameters, the fitted line ``log rank H_L = a + b log n`` with ``b ± stderr`` in
    the legend, and the reference slope ``1/2`` through the fit's centre.

    Parameters
    ----------
    result : HessianSweepResult

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    InputError
        If matplotlib is missing or ``result`` is not a sweep.
    """
    if not isinstance(result, HessianSweepResult):
        raise InputError(f"result: expected a HessianSweepResult, got {checks.short(type(result).__name__)}")
    _matplotlib()
    from matplotlib.ticker import FuncFormatter  # deferred: the plot extra is optional

    fig = _figure(figsize=(6, 4.5), layout="constrained")
    ax = fig.add_subplot()
    n = [m.num_parameters for m in result.members]
    for part, marker, label in (("loss", "o", "rank H_L"), ("outer", "s", "rank H_o"),
                                ("functional", "^", "rank H_F")):
        pts = [(x, getattr(m, f"rank_{part}")) for x, m in zip(n, result.members) if getattr(m, f"rank_{part}") > 0]
        if pts:
            ax.scatter([p[0] for p in pts], [p[1] for p in pts], marker=marker, label=label,
                       s=60 if part == "loss" else 25, facecolors="none" if part == "loss" else None,
                       edgecolors="C0" if part == "loss" else None, zorder=2 if part == "loss" else 3)
    fit = result.fit
    title = None
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
        if fit.near_target is None:
            title = f"b vs {fit.target:g}: undecided (no stderr)"
        else:
            title = (f"b {'near' if fit.near_target else 'not near'} {fit.target:g}: |b - {fit.target:g}| "
                     f"{'<=' if fit.near_target else '>'} 2 stderr")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ticks = FuncFormatter(lambda v, _: f"{v:g}")
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter(ticks)
    ax.set_xlabel("number of parameters n")
    ax.set_ylabel("rank at a seeded point")
    ax.set_title(textwrap.fill(f"Hessian ranks over {len(result.members)} architectures (seed {result.seed})",
                               TITLE_WIDTH))
    ax.legend(fontsize=8, loc="upper left", title=title, title_fontsize=8)
    return fig


def plot_hessian_sweep(result: HessianSweepResult, path: str | Path) -> Path:
    """Draw :func:`hessian_sweep_figure` to ``path`` (format from the suffix, :data:`SUFFIXES`).

    Parameters
    ----------
    result : HessianSweepResult
    path : str or Path
        Where to save the picture.

    Returns
    -------
    Path

    Raises
    ------
    InputError
        If matplotlib is missing, or the path has another suffix or no directory.
    """
    return save_figure(hessian_sweep_figure(result), path)


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
