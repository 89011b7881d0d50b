"""Pictures (matplotlib, Agg): the Hasse diagram is the transitive reduction with one row per
dimension, disjoint boxes and every label inside; every picture has labelled axes, keeps its
labels inside the figure and is written as PNG, SVG and PDF."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace, InputError
from lcnalg.singularities.strata import Stratification, stratification

pytest.importorskip("matplotlib")

from matplotlib.text import Text  # noqa: E402

from lcnalg import plot  # noqa: E402
from lcnalg.plot import (cubic_slice_figure, descent_figure, flow_figure, hasse_layout, hessian_sweep_figure,  # noqa: E402
                         plot_cubic_slice, plot_stratification, save_figure, stratification_figure, text_measure)

TOL = 0.5   # display units (pixels): rounding of the renderer


def _inside(inner, outer, tol=TOL):
    return (inner.x0 >= outer.x0 - tol and inner.y0 >= outer.y0 - tol
            and inner.x1 <= outer.x1 + tol and inner.y1 <= outer.y1 + tol)


def _disjoint(a, b):
    return a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0


def _boxes_disjoint(a, b):
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def _texts(fig):
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _check_every_text_inside(fig):
    """Render with Agg; every visible text (with its box) lies inside the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    tight = fig.get_tightbbox(renderer)   # inches: every drawn artist, tick labels included
    assert tight.x0 >= -0.01 and tight.y0 >= -0.01, tight
    assert tight.x1 <= fig.get_figwidth() + 0.01 and tight.y1 <= fig.get_figheight() + 0.01, tight
    ticks = {id(t) for ax in fig.axes for t in ax.get_xticklabels(which="both") + ax.get_yticklabels(which="both")}
    texts = _texts(fig)
    assert texts
    for t in texts:
        if id(t) in ticks:   # those of ticks outside the view are not drawn (bounded above)
            continue
        box = t.get_window_extent(renderer)
        assert _inside(box, fig.bbox), (t.get_text(), box, fig.bbox)
        if t.get_bbox_patch() is not None:
            assert _inside(t.get_bbox_patch().get_window_extent(renderer), fig.bbox), t.get_text()
    return renderer


def _check_axes_labelled(fig):
    axes = [ax for ax in fig.axes if ax.get_label() != "<colorbar>"]
    assert axes
    for ax in axes:
        assert ax.get_ylabel().strip(), ax
        assert ax.get_xlabel().strip() or not ax.get_xticks().size, ax


def _segment_meets_box(p, q, box, eps=1e-6):
    """Whether the segment pq meets the interior of the box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = box[0] + eps, box[1] + eps, box[2] - eps, box[3] - eps
    lo, hi = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, a, b in ((dx, p[0] - x0, x1 - p[0]), (dy, p[1] - y0, y1 - p[1])):
        if d == 0:
            if a < 0 or b < 0:
                return False
            continue
        t0, t1 = sorted((-a / d, b / d))
        lo, hi = max(lo, t0), min(hi, t1)
        if lo > hi:
            return False
    return True


def _check_layout(strat, lay):
    g = strat.graph
    assert set(lay.edges) == set(nx.transitive_reduction(g).edges) == set(lay.paths)
    for (u, v), pts in lay.paths.items():
        (ux0, _, ux1, uy1), (vx0, vy0, vx1, _) = lay.boxes[u], lay.boxes[v]
        assert ux0 < pts[0][0] < ux1 and pts[0][1] == uy1      # from the top of the lower box
        assert vx0 < pts[-1][0] < vx1 and pts[-1][1] == vy0    # to the bottom of the upper one
        for p, q in zip(pts, pts[1:]):
            assert q[1] >= p[1]                                  # always upwards
            for w, box in lay.boxes.items():
                assert not _segment_meets_box(p, q, box), ((u, v), w)
    assert set(lay.centres) == set(g.nodes)
    for u, v in itertools.combinations(g.nodes, 2):
        du, dv = g.nodes[u]["dimension"], g.nodes[v]["dimension"]
        (_, yu), (_, yv) = lay.centres[u], lay.centres[v]
        assert (yu == yv) == (du == dv)
        assert (yu < yv) == (du < dv)
        assert _boxes_disjoint(lay.boxes[u], lay.boxes[v]), (u, v)
    measure = text_measure()
    for node, (x0, y0, x1, y1) in lay.boxes.items():
        assert 0 <= x0 < x1 <= lay.width and 0 <= y0 < y1 <= lay.height
        w, h = measure(lay.labels[node], lay.fontsize)
        assert x1 - x0 >= w and y1 - y0 >= h
        assert set(lay.labels[node].split("\n= ")) == set(g.nodes[node].get("names", (node,)))
    assert {d for d, _ in lay.ticks} >= {g.nodes[n]["dimension"] for n in g}


def _check_rendered_hasse(strat, fig):
    renderer = _check_every_text_inside(fig)
    (ax,) = fig.axes
    axes_box = ax.get_window_extent(renderer)
    nodes = {t.get_gid()[len("stratum "):]: t for t in _texts(fig) if (t.get_gid() or "").startswith("stratum ")}
    assert set(nodes) == set(strat.graph.nodes)
    boxes = {n: t.get_bbox_patch().get_window_extent(renderer) for n, t in nodes.items()}
    for n, box in boxes.items():
        assert _inside(box, axes_box), n
    for u, v in itertools.combinations(boxes, 2):
        assert _disjoint(boxes[u], boxes[v]), (u, v)
    edges = {tuple(line.get_gid()[len("edge "):].split(" -> ")) for line in ax.get_lines()
             if (line.get_gid() or "").startswith("edge ")}
    assert edges == set(nx.transitive_reduction(strat.graph).edges)
    assert ax.get_ylabel() == "dimension"
    ticks = {int(t.get_text()) for t in ax.get_yticklabels() if t.get_text()}
    assert ticks >= {d for _, d in strat.graph.nodes(data="dimension")}


@pytest.mark.parametrize("arch", ["2,2", "2,2,2", "2,3,2", "3,3,3 s=2,2"])
def test_hasse_diagram_of_real_stratifications(arch):
    strat = FunctionSpace(arch).stratification()
    lay = hasse_layout(strat)
    _check_layout(strat, lay)
    _check_rendered_hasse(strat, stratification_figure(strat))


def test_hasse_diagram_is_reduced_and_rows_are_dimensions():
    """3,3,3 s=2,2: dimensions 7 and 6 in different rows; the origin below only the shared-root
    images (the closure relation has origin -> V, the diagram does not)."""
    strat = FunctionSpace("3,3,3 s=2,2").stratification()
    lay = hasse_layout(strat)
    assert ("origin", "V") in strat.graph.edges and ("origin", "V") not in lay.edges
    assert lay.centres["V"][1] > lay.centres["singular locus"][1]
    assert {upper for lower, upper in lay.edges if lower == "origin"} == {"shared root 1,2", "shared root 2,3"}
    assert lay.breaks   # 5 -> 0 is shortened


@st.composite
def graded_posets(draw):
    """A random transitively closed relation going up in dimension, with long merged names."""
    n = draw(st.integers(1, 9))
    dims = draw(st.lists(st.integers(0, 20), min_size=n, max_size=n))
    names = [f"stratum {i}" + draw(st.text("abc ,=-", max_size=25)) for i in range(n)]
    g = nx.DiGraph()
    for i, (name, d) in enumerate(zip(names, dims)):
        extra = tuple(f"{name} copy {k}" for k in range(draw(st.integers(0, 3))))
        g.add_node(name, name=name, names=(name,) + extra, dimension=d, equations=(), description="",
                   descriptions=(), subset_of=())
    for u, v in itertools.permutations(names, 2):
        if g.nodes[u]["dimension"] < g.nodes[v]["dimension"] and draw(st.booleans()):
            g.add_edge(u, v)
    g = nx.transitive_closure_dag(g)
    return Stratification(architecture=draw(st.sampled_from(["2,2", "x" * 90 + " " + "y" * 30])),
                          method="synthetic", certified=False, graph=g)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graded_posets())
def test_hasse_layout_properties_on_random_posets(strat):
    lay = hasse_layout(strat)
    _check_layout(strat, lay)
    _check_rendered_hasse(strat, stratification_figure(strat))


def test_hasse_layout_is_a_function_of_its_input():
    strat = stratification("2,2,2")
    assert hasse_layout(strat) == hasse_layout(strat)
    fixed = hasse_layout(strat, measure=lambda text, size: (10.0 * len(text), 12.0))
    assert fixed.boxes["V"][2] - fixed.boxes["V"][0] == 10.0 + 2 * plot.PAD


def test_plot_stratification_labels_every_description():
    lay = hasse_layout(stratification("2,2,2"))
    assert lay.labels["boundary"].split("\n= ") == ["boundary", "shared root 1,2", "shared root 1,3",
                                                    "shared root 2,3"]


def _descent():
    from lcnalg.landscape.descent import gradient_descent

    return gradient_descent("2,2 s=2", [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], [1, 2, 3, 5],
                            runs=3, seed=0)


def _flow():
    pytest.importorskip("scipy")
    from lcnalg.flow.trajectory import FlowLoss, flow

    return flow(FunctionSpace("2,2 r=2").parameterization, FlowLoss.identity([1, 0, 2, 0, 1]),
                [1, 0.5, 0.3, -0.2], t_max=1.0, samples=5)


def _sweep():
    from lcnalg.hessian import rank_sweep

    return rank_sweep("2,2; 3,2; 2,2,2; 3,3 s=2", seed=0)


FIGURES = {
    "strata": lambda: stratification_figure(stratification("2,2,2")),
    "cubic slice": lambda: cubic_slice_figure("2,2,2", resolution=21),
    "descent": lambda: descent_figure(_descent()),
    "flow": lambda: flow_figure(_flow()),
    "hessian sweep": lambda: hessian_sweep_figure(_sweep()),
}


@pytest.mark.parametrize("name", FIGURES)
def test_every_picture_has_its_labels_inside_and_labelled_axes(name):
    fig = FIGURES[name]()
    _check_every_text_inside(fig)
    _check_axes_labelled(fig)


def test_every_figure_function_is_tested():
    assert {n for n in plot.__all__ if n.endswith("_figure") and n != "save_figure"} == {
        "stratification_figure", "cubic_slice_figure", "descent_figure", "flow_figure", "hessian_sweep_figure"}


MAGIC = {".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}


@pytest.mark.parametrize("suffix", sorted(MAGIC))
def test_formats_from_the_suffix_and_reproducible(suffix, tmp_path):
    strat = stratification("2,2")
    first = plot_stratification(strat, tmp_path / f"a{suffix}")
    second = plot_stratification(strat, tmp_path / f"b{suffix.upper()}")
    assert first.read_bytes().startswith(MAGIC[suffix])
    if suffix == ".svg":
        assert b"<svg" in first.read_bytes()
    if suffix != ".png":   # vector formats carry no time stamp
        assert first.read_bytes() == second.read_bytes()
    if suffix == ".pdf":   # TrueType (Type 42), not Type 3, fonts
        assert b"/FontFile2" in first.read_bytes() and b"/Type3" not in first.read_bytes()


def test_cli_suffixes_are_the_ones_written():
    from lcnalg.cli.common import PLOT_SUFFIXES

    assert set(PLOT_SUFFIXES) == set(plot.SUFFIXES)


def test_bad_arguments_are_one_line_errors(tmp_path):
    strat = stratification("2,2")
    with pytest.raises(InputError, match="^path: expected a file name ending in"):
        plot_stratification(strat, tmp_path / "h.txt")
    with pytest.raises(InputError, match="^path: the directory"):
        plot_stratification(strat, tmp_path / "missing" / "h.png")
    with pytest.raises(InputError, match="^path"):
        save_figure(stratification_figure(strat), None)
    with pytest.raises(InputError, match="^strat: expected a Stratification"):
        hasse_layout("2,2")
    with pytest.raises(InputError, match="^fontsize"):
        hasse_layout(strat, fontsize=1e9)
    with pytest.raises(InputError, match="^measure"):
        hasse_layout(strat, measure="wide")
    with pytest.raises(InputError, match="^fig: expected a matplotlib Figure"):
        save_figure("figure", tmp_path / "h.png")
    with pytest.raises(InputError, match="^result: expected a DescentResult"):
        descent_figure(strat)
    with pytest.raises(InputError, match="^result: expected a FlowResult"):
        flow_figure(strat)
    with pytest.raises(InputError, match="^resolution"):
        cubic_slice_figure("2,2,2", resolution=10 ** 9)
    with pytest.raises(InputError, match="^extent"):
        cubic_slice_figure("2,2,2", extent=float("nan"))


def test_plot(tmp_path):
    path = plot_cubic_slice("2,2,2", tmp_path / "slice.png", resolution=41)
    assert path.exists() and path.stat().st_size > 1000
    with pytest.raises(ValueError):
        plot_cubic_slice("3,2 s=2", tmp_path / "x.png")
