"""The stratification of a function space: a networkx DiGraph of strata (MATH.md §3).

Nodes are strata with ``name``, ``description``, ``equations`` (strings: an ideal or a
condition) and ``dimension``; an edge ``A → B`` means "A lies in the closure of B".  Strata:
the neurovariety ``V``; the images under μ of the planted critical families (shared
hyperroot orbits, 1D); the singular locus of ``V`` (Jacobian criterion, see
:func:`~lcnalg.singularities.singular_locus.singular_locus`); the boundary of ``M`` (1D stride one; elsewhere undecided and recorded as
such); the origin.  Edges are added only when verified at sample points (see ``edge_checks``).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, LCNAlgError
from lcnalg.results import Result

__all__ = ["Stratification", "stratification"]


@dataclass(frozen=True, kw_only=True)
class Stratification(Result):
    """Strata and closure relations, with exports.

    Attributes
    ----------
    graph : networkx.DiGraph
        Node id → attributes ``name, description, equations, dimension``; edge = "in the
        closure of".
    notes : tuple of str
        What was not computed or decided, and why.

    Examples
    --------
    >>> s = stratification("2,2")
    >>> sorted(s.graph.nodes)
    ['V', 'boundary', 'origin', 'shared root 1,2']
    """

    graph: Any = field(compare=False)
    notes: tuple[str, ...] = ()

    title = "stratification"

    @property
    def status(self) -> str:
        return "dimensions exact ranks / mod-p Groebner; edges checked at sample points"

    def answer(self) -> Any:
        return self.graph

    def strata(self) -> list[dict[str, Any]]:
        """One dict per stratum, largest dimension first."""
        out = []
        for node, data in sorted(self.graph.nodes(data=True), key=lambda x: (-x[1]["dimension"], x[0])):
            out.append({"name": node, "dimension": data["dimension"], "description": data["description"],
                        "equations": list(data["equations"]),
                        "in_closure_of": sorted(self.graph.successors(node))})
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"architecture": self.architecture, "strata": self.strata(), "notes": list(self.notes),
                "method": self.method, "status": self.status, "seed": self.seed,
                "primes": list(self.primes), "seconds": self.seconds}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_text(self) -> str:
        lines = [f"stratification of M[{self.architecture}]"]
        for s in self.strata():
            lines.append(f"  {s['name']} (dim {s['dimension']}): {s['description']}")
            if s["in_closure_of"]:
                lines.append(f"      in the closure of: {', '.join(s['in_closure_of'])}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        def esc(t: str) -> str:
            return t.replace("_", r"\_").replace("^", r"\^{}").replace("#", r"\#").replace("&", r"\&")

        rows = [r"\begin{tabular}{llp{7cm}l}", r"stratum & dim & description & in closure of\\ \hline"]
        for s in self.strata():
            rows.append(f"{esc(s['name'])} & {s['dimension']} & {esc(s['description'])} & "
                        f"{esc(', '.join(s['in_closure_of']))}\\\\")
        rows.append(r"\end{tabular}")
        return "\n".join(rows)

    def to_dot(self) -> str:
        lines = [f'digraph "strata {self.architecture}" {{', "  rankdir=BT;"]
        for s in self.strata():
            lines.append(f'  "{s["name"]}" [label="{s["name"]}\\ndim {s["dimension"]}"];')
        for a, b in self.graph.edges:
            lines.append(f'  "{a}" -> "{b}";')
        lines.append("}")
        return "\n".join(lines)

    def plot(self, path: str) -> str:
        """Draw the Hasse diagram (dimension upwards) to ``path`` with matplotlib."""
        try:
            import matplotlib

            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            raise InputError("plot: matplotlib is not installed (pip install matplotlib)") from None
        g = self.graph
        levels: dict[int, list[str]] = {}
        for node, d in g.nodes(data=True):
            levels.setdefault(d["dimension"], []).append(node)
        pos = {}
        for dim, nodes in levels.items():
            for i, node in enumerate(sorted(nodes)):
                pos[node] = (i - (len(nodes) - 1) / 2, dim)
        fig, ax = plt.subplots(figsize=(6, 4))
        nx.draw_networkx(g, pos, ax=ax, node_color="#dde", node_size=1500, font_size=7, arrows=True)
        ax.set_ylabel("dimension")
        ax.set_title(f"strata of M[{self.architecture}]")
        fig.savefig(path)
        plt.close(fig)
        return path


def _eval(polys: Any, point: tuple) -> bool:
    import flint

    vals = [flint.fmpz(int(x)) for x in point]
    return all(p(*vals) == 0 for p in polys)


def stratification(arch: Architecture | str, *, seed: int = 0, max_minors: int = 5_000) -> Stratification:
    """Strata of the function space and their closure relations.

    Parameters
    ----------
    arch : Architecture or str
    seed : int
        Seed of the sample points.
    max_minors : int
        Passed to the singular-locus computation (skipped, with a note, when refused).

    Examples
    --------
    >>> s = stratification("3,2 s=2")
    >>> [(x["name"], x["dimension"]) for x in s.strata()][:2]
    [('V', 4), ('singular locus', 3)]
    """
    from lcnalg.function_space import FunctionSpace
    from lcnalg.singularities.critical import (planted_families, shared_root_image_dimension,
                                               shared_root_point)
    from lcnalg.singularities.singular_locus import singular_locus

    start = time.perf_counter()
    fs = FunctionSpace(arch, seed=seed)
    a = fs.architecture
    mu = fs.parameterization
    n = fs.ambient_dimension
    eqs = fs.implicit_equations()
    g = nx.DiGraph()
    notes: list[str] = []
    veq = list(eqs.equations) if eqs.equations else [f"none: V = C^{n}"]
    g.add_node("V", name="V", dimension=fs.dimension.value, equations=tuple(veq),
               description="Zariski closure of the function space (neurovariety)")
    samples: dict[str, list[tuple]] = {}
    if a.ndim == 1:
        for pair in planted_families(a):
            _, img = shared_root_image_dimension(a, pair, seed)
            name = f"shared root {pair[0]},{pair[1]}"
            g.add_node(name, name=name, dimension=img,
                       equations=(f"image under mu of: (y^r - b) | p_{pair[0]}(y) and p_{pair[1]}(b) = 0",),
                       description=f"images of critical points where layers {pair[0]} and {pair[1]} share "
                                   "a hyperroot orbit (a root, for stride one)")
            samples[name] = [mu.evaluate(shared_root_point(a, pair, seed + i)[0]) for i in range(3)]
    else:
        notes.append("2D: the critical families are not parameterized, so their images are not strata here")
    try:
        sl = singular_locus(a, max_minors=max_minors, seed=seed)
        if sl.dimension >= 1:
            g.add_node("singular locus", name="singular locus", dimension=sl.dimension,
                       equations=(f"I + {sl.codimension}x{sl.codimension} minors of Jac(I)",),
                       description=f"singular points of V (Jacobian criterion; {sl.status}; "
                                   f"{sl.route} route); {sl.description}")
        elif sl.dimension == 0:
            notes.append("the singular locus of V is the origin only")
    except LCNAlgError as err:
        sl = None
        notes.append(f"singular locus not computed: {err}")
    bd = fs.boundary(equations=False)
    if bd.decided and bd.closed and not bd.everything:
        notes.append("M = V(R) is Zariski closed with empty interior, so its Euclidean boundary is M itself "
                     "(no separate stratum)")
    elif bd.decided and not bd.everything and bd.m is not None:
        eq = bd.discriminant or "Disc(c) = 0"
        g.add_node("boundary", name="boundary", dimension=n - 1, equations=(eq,),
                   description=f"Euclidean boundary of M: forms with at least m = {bd.m} real roots but "
                               "fewer than m of odd multiplicity (inside Disc = 0)")
        import random

        rng = random.Random(seed)
        pts = []
        for _ in range(3):
            b = rng.randint(-5, 5)
            # (z - b)^2 times a form with m - 2 real roots and complex pairs
            poly = [b * b, -2 * b, 1]
            d = n - 1
            for j in range(bd.m - 2):
                poly = _mul(poly, [-(rng.randint(-9, 9) + 20 * (j + 1)), 1])
            while len(poly) - 1 < d:
                poly = _mul(poly, [rng.randint(1, 9), 0, 1])
            pts.append(tuple(poly))
        samples["boundary"] = pts
    elif bd.decided and bd.thin and not bd.everything:
        notes.append("M has empty interior in R^N and is closed, so its Euclidean boundary is M itself (no separate "
                     f"stratum); relative boundary: {bd.relative}")
    elif not bd.decided:
        notes.append(f"boundary undecided: {bd.limitations}")
    g.add_node("origin", name="origin", dimension=0, equations=tuple(f"{c} = 0" for c in mu.coordinate_names),
               description="the zero filter (vertex of the cone)")
    samples["origin"] = [tuple([0] * n)]
    # closure edges, verified at sample points
    vpolys = list(eqs.polynomials)
    for node in list(g.nodes):
        if node != "V" and _all(samples.get(node), vpolys):
            g.add_edge(node, "V")
    if sl is not None and "singular locus" in g:
        for node in list(g.nodes):
            pts = samples.get(node)
            if node not in ("V", "singular locus") and pts and all(sl.contains(p) for p in pts):
                g.add_edge(node, "singular locus")   # exact: on V with rank J_g < codim
        g.add_edge("singular locus", "V")
    if "boundary" in g and bd.discriminant:
        from lcnalg.rings import from_sympy

        disc = from_sympy(bd.discriminant, mu.coordinate_ring)
        for node in list(g.nodes):
            if node.startswith("shared root") and _all(samples[node], [disc]):
                if _all(samples["boundary"], [disc]):   # both closures lie in {Disc = 0}
                    g.add_edge("boundary", node)
    for node in list(g.nodes):
        if node != "origin":
            g.add_edge("origin", node)   # every stratum is a cone: 0 lies in its closure
    return Stratification(architecture=str(a), method="strata from the critical locus, the Jacobian "
                          "criterion and the boundary; edges verified at sample points",
                          certified=False, seed=seed, primes=(), graph=g, notes=tuple(notes),
                          seconds=time.perf_counter() - start)


def _mul(p: list[int], q: list[int]) -> list[int]:
    out = [0] * (len(p) + len(q) - 1)
    for i, x in enumerate(p):
        for j, y in enumerate(q):
            out[i + j] += x * y
    return out


def _all(points: Any, polys: list) -> bool:
    if not points:
        return False
    return all(_eval(polys, p) for p in points)
