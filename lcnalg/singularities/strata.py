"""The stratification of a function space: a networkx DiGraph of strata (docs/theory.md#stratification).

Nodes are strata with ``name``, ``description``, ``equations`` (strings: an ideal or a
condition) and ``dimension``; an edge ``A → B`` means "A lies in the closure of B".  Strata:
the neurovariety ``V``; the images under μ of the planted critical families (shared
hyperroot orbits, 1D); the singular locus of ``V`` (Jacobian criterion, see
:func:`~lcnalg.singularities.singular_locus.singular_locus`); the boundary of ``M`` (1D stride one; elsewhere undecided and recorded as
such); the origin.  Edges are added only when verified at sample points.

:func:`stratification` adds the strata in that order, each by its own function, then the
closure edges; the dimension, the implicit equations and the limits it is given (or computes)
are handed to the singular locus and the boundary unchanged.  Pictures:
:func:`lcnalg.plot.plot_stratification`.
"""


from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

import flint
import networkx as nx

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.implicitization import ImplicitEquations, implicit_equations
from lcnalg.architecture import Architecture
from lcnalg.errors import LCNAlgError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.real import boundary
from lcnalg.results import Result, Status, StatusKind
from lcnalg.rings import from_sympy
from lcnalg.singularities.critical import planted_families, shared_root_image_dimension, shared_root_point
from lcnalg.singularities.singular_locus import SingularLocusResult, singular_locus

__all__ = ["Stratification", "stratification"]


@dataclass(frozen=True, kw_only=True)
class Stratification(Result):
    """Strata and closure relations, with exports.

    Attributes
    ----------
    graph : networkx.DiGraph
        Node id → attributes ``name, description, equations, dimension``; edge = "in the
        closure of" (not exported as such: :meth:`strata` lists it).
    notes : tuple of str
        What was not computed or decided, and why.
    singular_locus_status : Status or None
        The status of the singular-locus stratum (None: not computed).
    boundary_decided : bool
        Whether the boundary of ``M`` was decided.

    The :attr:`status` is the weakest of its parts: undecided when a part is, else the
    singular locus' bounds or failure bound, else probabilistic (the closure edges are checked
    at sample points, without a failure bound).

    Examples
    --------
    >>> s = stratification("2,2")
    >>> sorted(s.graph.nodes)
    ['V', 'boundary', 'origin', 'shared root 1,2']
    >>> str(s.status)
    'probabilistic'
    """

    graph: Any = field(compare=False, metadata={"export": False})
    notes: tuple[str, ...] = ()
    singular_locus_status: Status | None = None
    boundary_decided: bool = True

    title = "stratification"

    @property
    def status(self) -> Status:
        """The weakest status of the parts (see the class docstring)."""
        undecided = []
        if self.singular_locus_status is None:
            undecided.append("the singular locus was not computed")
        elif self.singular_locus_status.kind is StatusKind.UNDECIDED:
            undecided.append("singular locus: " + self.singular_locus_status.reason)
        if not self.boundary_decided:
            undecided.append("the boundary is undecided")
        if undecided:
            return Status.undecided("; ".join(undecided))
        if self.singular_locus_status.kind in (StatusKind.BOUNDS, StatusKind.PROBABILISTIC):
            return self.singular_locus_status
        return Status.probabilistic(None, "prove each closure relation (edges are checked at sample points)")

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
        """Every field, the strata (:meth:`strata`) and the status."""
        data = super().to_dict()
        data["strata"] = self.strata()
        return data

    def to_text(self) -> str:
        lines = [f"stratification of M[{self.architecture}]  [{self.provenance()}]"]
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
        """The Hasse diagram in Graphviz's dot language."""
        lines = [f'digraph "strata {self.architecture}" {{', "  rankdir=BT;"]
        for s in self.strata():
            lines.append(f'  "{s["name"]}" [label="{s["name"]}\\ndim {s["dimension"]}"];')
        for a, b in self.graph.edges:
            lines.append(f'  "{a}" -> "{b}";')
        lines.append("}")
        return "\n".join(lines)


def _vanish(polys: Any, point: tuple) -> bool:
    vals = [flint.fmpz(int(x)) for x in point]
    return all(p(*vals) == 0 for p in polys)


def _all(points: Any, polys: list) -> bool:
    if not points:
        return False
    return all(_vanish(polys, p) for p in points)


def _add_variety(g: nx.DiGraph, eqs: ImplicitEquations, dim_v: int, n: int) -> None:
    veq = list(eqs.equations) if eqs.equations else [f"none: V = C^{n}"]
    g.add_node("V", name="V", dimension=dim_v, equations=tuple(veq),
               description="Zariski closure of the function space (neurovariety)")


def _add_critical_images(g: nx.DiGraph, a: Architecture, mu: Parameterization, seed: int,
                         notes: list[str]) -> dict[str, list[tuple]]:
    """1D: the images under μ of the planted shared-hyperroot families, with sample points."""
    samples: dict[str, list[tuple]] = {}
    if a.ndim != 1:
        notes.append("2D: the critical families are not parameterized, so their images are not strata here")
        return samples
    for pair in planted_families(a):
        _, img = shared_root_image_dimension(a, pair, seed)
        name = f"shared root {pair[0]},{pair[1]}"
        g.add_node(name, name=name, dimension=img,
                   equations=(f"image under mu of: (y^r - b) | p_{pair[0]}(y) and p_{pair[1]}(b) = 0",),
                   description=f"images of critical points where layers {pair[0]} and {pair[1]} share "
                               "a hyperroot orbit (a root, for stride one)")
        samples[name] = [mu.evaluate(shared_root_point(a, pair, seed + i)[0]) for i in range(3)]
    return samples


def _add_singular_locus(g: nx.DiGraph, a: Architecture, dim_v: int, eqs: ImplicitEquations, seed: int,
                        limits: Limits, notes: list[str]) -> SingularLocusResult | None:
    try:
        sl = singular_locus(a, dimension=dim_v, equations=eqs, seed=seed, limits=limits)
    except LCNAlgError as err:
        notes.append(f"singular locus not computed: {err}")
        return None
    if sl.dimension >= 1:
        g.add_node("singular locus", name="singular locus", dimension=sl.dimension,
                   equations=(f"I + {sl.codimension}x{sl.codimension} minors of Jac(I)",),
                   description=f"singular points of V (Jacobian criterion; {sl.status}; "
                               f"{sl.route} route); {sl.description}")
    elif sl.dimension == 0:
        notes.append("the singular locus of V is the origin only")
    return sl


def _boundary_samples(m: int, n: int, seed: int) -> list[tuple[int, ...]]:
    """Three random integer forms of degree ``n - 1`` on the boundary of the 1D stride-one
    function space with ``m`` real roots: ``(z - b)^2`` times a form with ``m - 2`` real roots
    and complex pairs."""
    rng = random.Random(seed)
    pts = []
    for _ in range(3):
        b = rng.randint(-5, 5)
        poly = flint.fmpz_poly([b * b, -2 * b, 1])
        for j in range(m - 2):
            poly *= flint.fmpz_poly([-(rng.randint(-9, 9) + 20 * (j + 1)), 1])
        while poly.degree() < n - 1:
            poly *= flint.fmpz_poly([rng.randint(1, 9), 0, 1])
        pts.append(tuple(int(c) for c in poly.coeffs()))
    return pts


def _add_boundary(g: nx.DiGraph, bd: Any, n: int, seed: int, notes: list[str]) -> dict[str, list[tuple]]:
    if bd.decided and bd.closed and not bd.everything:
        notes.append("M = V(R) is Zariski closed with empty interior, so its Euclidean boundary is M itself "
                     "(no separate stratum)")
    elif bd.decided and not bd.everything and bd.m is not None:
        g.add_node("boundary", name="boundary", dimension=n - 1, equations=(bd.discriminant or "Disc(c) = 0",),
                   description=f"Euclidean boundary of M: forms with at least m = {bd.m} real roots but "
                               "fewer than m of odd multiplicity (inside Disc = 0)")
        return {"boundary": _boundary_samples(bd.m, n, seed)}
    elif bd.decided and bd.thin and not bd.everything:
        notes.append("M has empty interior in R^N and is closed, so its Euclidean boundary is M itself (no separate "
                     f"stratum); relative boundary: {bd.relative}")
    elif not bd.decided:
        notes.append(f"boundary undecided: {bd.limitations}")
    return {}


def _closure_edges(g: nx.DiGraph, samples: dict, vpolys: list, sl: SingularLocusResult | None, bd: Any,
                   mu: Parameterization) -> None:
    """Closure relations, each verified at the sample points of the smaller stratum."""
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
        disc = from_sympy(bd.discriminant, mu.coordinate_ring)
        for node in list(g.nodes):
            if node.startswith("shared root") and _all(samples[node], [disc]):
                if _all(samples["boundary"], [disc]):   # both closures lie in {Disc = 0}
                    g.add_edge("boundary", node)
    for node in list(g.nodes):
        if node != "origin":
            g.add_edge("origin", node)   # every stratum is a cone: 0 lies in its closure


def stratification(arch: Architecture | str, *, seed: int = 0, dimension: int | None = None,
                   equations: ImplicitEquations | None = None, max_minors: int | None = None,
                   limits: Limits | None = None) -> Stratification:
    """Strata of the function space and their closure relations.

    Parameters
    ----------
    arch : Architecture or str
    seed : int
        Seed of every random choice (sample points, and the computations below).
    dimension : int, optional
        ``dim M`` if already known (else computed).
    equations : ImplicitEquations, optional
        The implicit equations if already known (else computed); handed to the singular locus
        and the boundary.
    max_minors : int, optional
        Overrides ``limits.max_minors`` of the singular-locus computation (skipped, with a
        note, when refused).
    limits : Limits, optional
        Resource bounds, handed unchanged to every part.

    Examples
    --------
    >>> s = stratification("3,2 s=2")
    >>> [(x["name"], x["dimension"]) for x in s.strata()][:2]
    [('V', 4), ('singular locus', 3)]
    """
    seed, dimension = checks.arguments(seed=seed, dimension=dimension)
    start = time.perf_counter()
    limits = Limits.coerce(limits, max_minors=max_minors)
    a = Architecture.coerce(arch)
    mu = Parameterization(a, limits=limits)
    n = mu.ambient_dimension
    dim_v = dimension if dimension is not None else function_space_dimension(mu, seed=seed).value
    eqs = equations if equations is not None else implicit_equations(mu, seed=seed, dimension=dim_v,
                                                                      limits=limits)
    g = nx.DiGraph()
    notes: list[str] = []
    _add_variety(g, eqs, dim_v, n)
    samples = _add_critical_images(g, a, mu, seed, notes)
    sl = _add_singular_locus(g, a, dim_v, eqs, seed, limits, notes)
    bd = boundary(a, dimension=dim_v, equations=eqs, seed=seed, limits=limits)
    samples.update(_add_boundary(g, bd, n, seed, notes))
    g.add_node("origin", name="origin", dimension=0, equations=tuple(f"{c} = 0" for c in mu.coordinate_names),
               description="the zero filter (vertex of the cone)")
    samples["origin"] = [tuple([0] * n)]
    _closure_edges(g, samples, list(eqs.polynomials), sl, bd, mu)
    return Stratification(architecture=str(a), method="strata from the critical locus, the Jacobian "
                          "criterion and the boundary; edges verified at sample points",
                          certified=False, seed=seed, primes=(), graph=g, notes=tuple(notes),
                          limitations="; ".join(notes),
                          singular_locus_status=sl.status if sl is not None else None,
                          boundary_decided=bool(bd.decided), seconds=time.perf_counter() - start)
