"""The stratification of a function space: a networkx DiGraph of strata (docs/theory.md#stratification).

Nodes are strata with ``name``, ``names``, ``description``, ``descriptions``, ``equations``
(polynomials in the coordinates, each ``= 0``, sympy-parsable with ``^`` for powers: the ideal
of the stratum's Zariski closure, when lcnalg has it as one ideal), ``components`` (one such
list per component of that closure, when it has several), ``defined_by`` (how the set is
defined when not by those equations: a parameterization, a minors ideal, a bound), ``dimension``
and ``subset_of``; an edge ``A → B`` means
"A lies in the closure of B and is not equal to it", so ``dim A < dim B``.  Candidate strata:
the neurovariety ``V``; the images under μ of the planted critical families (shared hyperroot
orbits with a real shared root, 1D); the singular locus of ``V`` (Jacobian criterion, see
:func:`~lcnalg.singularities.singular_locus.singular_locus`); the boundary of ``M`` (1D
stride one; elsewhere undecided and recorded as such); for thin, non-closed ``M`` the boundary
relative to ``V(R)`` (below); the origin.  All are real cones.

**One node is one set.**  Candidates of equal dimension are compared before any edge is
drawn, and candidates that are equal as sets become one node carrying all their names,
descriptions and equations (named the origin or the boundary when one of them is among
them, else by the first name; a merged image keeps the largest of the exact-rank dimensions,
which are lower bounds).  The comparisons are exact arguments about the real sets:

* *A layer with a single entry* (any stride): a constant shares a root only when it is zero,
  so such a "family" maps to the origin and is merged into it: *certified*.

* *1D stride one* (docs/theory.md#stride-one, docs/theory.md#boundary).  With forms of
  degree ``d`` and ``d_i = k_i - 1``, the image of the family where layers ``l, m`` share a
  real root ``β`` (infinity included) is ``S(a) = {ℓ² g : ℓ real linear, g real of degree
  d - 2 with at least a real roots}``, ``a`` = the number of odd numbers among the ``d_i``
  after ``d_l`` and ``d_m`` are lowered by one (the real-root count of ``M`` for the other
  factors).  ``S(a) ⊆ S(b)`` iff ``a ≥ b`` (if ``a < b``, ``ℓ² g`` with ``g`` having exactly
  ``a`` simple real roots, none at ``ℓ``, has one repeated real root only, so lies in no
  ``S(b)``).  The boundary is ``∂M = {f ∈ M : fewer than m real roots of odd multiplicity}``;
  a non-zero ``f ∈ ∂M`` has a repeated real root, so ``∂M ⊆ S(m - 2)``, hence ``∂M ⊆ S(a)``
  iff ``a ≤ m - 2`` (``ℓ² g`` with exactly ``m - 2`` simple real roots in ``g`` lies in ``∂M``
  and not in ``S(a)`` for ``a > m - 2``); and ``S(a) ⊆ ∂M`` iff ``m = d`` and ``a = d - 2``
  (otherwise ``S(a)`` contains a form with ``d - 2`` simple real roots in ``g`` and
  ``d - 2 ≥ m`` odd real roots, or one with fewer than ``m`` real roots).  Equality is
  containment both ways: *certified*.  For ``"2,2,2"`` (``m = d = 3``) the boundary and the
  three shared-root images are all ``S(1)``, one node.
* *1D with strides.*  The image of the family of layers ``l, m`` is ``{(z^T - β)² g : β real,
  g ∈ M'}``, ``T`` the cumulative stride of layer ``m`` and ``M'`` the function space of the
  layers with ``p_l`` shortened by the stride ratio and ``p_m`` by one.  By
  docs/theory.md#root-distribution, ``M'`` depends only on, for each cumulative stride
  ``t``, the total degree and the number of conjugate pairs its layers can take
  (``Σ n_i``, ``Σ ⌊n_i/2⌋``); families with the same ``T`` and these numbers have the same
  image: *certified* (:func:`family_kind`).  Two families are different sets when a sample
  point of one fails the exact membership test of the other (:func:`in_family`: every
  candidate ``β`` is found from ``gcd(f, f')``, then ``contains`` decides ``g ∈ M'``), and a
  family with a sample point outside the singular locus is not the singular locus:
  *certified*.
* *1D, root-orbit types* (docs/theory.md#type-strata, :mod:`lcnalg.real.type_strata`).  The
  boundary of ``M`` relative to ``V(R)`` and every shared-root image (infinity included) are
  unions of the pairwise disjoint, non-empty type strata ``{P ≠ 0 : κ(P) = κ}``, plus ``0``.
  The types of ``M`` are enumerated (bounded by ``max_nodes``) and each set's types decided
  exactly, so two such candidates not decided above are equal iff they have the same types
  (merged when of equal dimension) and one contains the other iff its types are among the
  other's (``subset_of``); when they differ, a note names a type in one and not the other,
  with an exact integer point of it where :func:`~lcnalg.real.type_strata.type_point` finds
  one: *certified*.  On ``3,2 s=2``, ``4,2 s=2`` and ``2,3,2 s=2,2`` the relative boundary is
  the image of the family of the two layers that share the class (``λ(z² − b)²`` and the like).
  When ``max_nodes`` refuses the types, the pair stays undecided and says so.
  The relative boundary's equations are those of its Zariski closure, one ideal per component
  over Q (:func:`~lcnalg.real.boundary_equations.relative_boundary_equations`, any ``T``,
  at most :data:`RELATIVE_EQUATIONS_AMBIENT` coordinates), before its semi-algebraic description.
* *2D, the relative boundary* (thin, non-closed ``M``).  Stride one and the polyphase gcd: the
  node carries the ideals of the components of the Zariski closure, the closures of the strata that
  the exact search puts on ``∂_V M``, each the image of a product of free factors, with its dimension
  as the exact Jacobian rank of that map
  (:func:`~lcnalg.real.boundary_closure_2d.relative_boundary_closure_2d`, at most
  :data:`RELATIVE_EQUATIONS_AMBIENT_2D` coordinates); points of the components' strata that the exact
  test puts on ``∂_V M`` are samples of the node.  Where the dimension is not derived (the head case:
  sufficient tests only; a refused search) the node has ``dimension_bounds = (lower, upper)`` (``lower``
  None when no family is certified), ``dimension`` the upper one, its equations say what is not
  derived; it is compared with no stratum of a dimension in that range, joined to ``V`` (``∂_V M ⊆ M``)
  and from the origin only when ``lower > 0``, and the result is undecided, naming the bounds.
  Any other pair of candidates of equal dimension is *undecided*
  (neither merged nor joined by an edge); it is listed in ``undecided_pairs`` and makes the
  whole result undecided.  A same-dimension candidate that is a proper subset of another
  (certified above) is listed in ``subset_of``, never as an edge.

*Why not generic points.*  Comparing the equations of one candidate at a generic point of
another (Schwartz–Zippel) decides equality of Zariski closures only.  These candidates are
semialgebraic: for ``"2,3,2"`` the boundary, the image of layers 1,2 (= 2,3) and the image
of layers 1,3 all have the Zariski closure ``{Disc = 0}``, yet the first two are distinct
proper subsets of the third (listed in ``subset_of``).  A point is used here only as a
witness that two sets differ, through an exact membership test.

*Polynomial networks* (``r ≥ 2``): the candidates are ``V``, the singular locus and the
origin (the image of every zero layer, the critical points of μ when
:func:`~lcnalg.singularities.critical.critical_locus` proves they are all); the boundary of
``M`` is not computed, so the result is undecided and says so in its notes.

Edges ``A → B`` (``dim A < dim B``): to ``V`` and to the singular locus when every sample
point of ``A`` satisfies the equations of ``V`` or the exact singular-locus membership test;
singular locus → ``V``; origin → every other node (every stratum is a cone).  The relation
is transitively closed, not reduced (the origin lies in the closure of every stratum).
Samples are exact integer points (planted random integers from the seed), so an edge is
probabilistic: a random point of an irreducible family could lie on a proper closed subset
where the check passes by accident.

:func:`stratification` adds the strata in that order, each by its own function, merges equal
ones, then adds the closure edges; the dimension, the implicit equations and the limits it is
given (or computes) are handed to the singular locus and the boundary unchanged.  Pictures:
:func:`lcnalg.plot.plot_stratification`.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint
import networkx as nx

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.implicitization import ImplicitEquations, implicit_equations
from lcnalg.architecture import Architecture
from lcnalg import errors
from lcnalg.errors import InputError, LCNAlgError, UndecidedError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.printing import latex_escape
from lcnalg.real import boundary
from lcnalg.real.boundary import HEAD_FAMILY
from lcnalg.real.boundary_equations import relative_boundary_equations
from lcnalg.real.boundary_closure_2d import relative_boundary_closure_2d, stratum_key, stratum_maps
from lcnalg.real.membership import contains
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.real.type_strata import TypeComparison, TypeStrata, compare_types, type_point
from lcnalg.results import Result, Status, StatusKind, Tabular
from lcnalg.singularities.critical import planted_families, shared_root_image_dimension, shared_root_point
from lcnalg.singularities.singular_locus import SingularLocusResult, singular_locus

__all__ = ["Stratification", "check_stratification", "family_kind", "in_family", "kind_subset", "stratification"]


@dataclass(frozen=True, kw_only=True)
class Stratification(Tabular, Result):
    """Strata and closure relations, with exports.

    Attributes
    ----------
    graph : networkx.DiGraph
        Node id → attributes ``name, names, description, descriptions, equations, components,
        defined_by, dimension, subset_of`` (see the module docstring); edge = "in the closure
        of, and not equal to" (not exported as such: :meth:`strata` lists it).  Every node is one set (see the module docstring).
    notes : tuple of str
        What was not computed or decided, and why.
    undecided_pairs : tuple of str
        Candidate strata of equal dimension for which no exact argument decides whether they
        are equal sets (kept as separate nodes; they make the status undecided).
    singular_locus_status : Status or None
        The status of the singular-locus stratum (None: not computed).
    boundary_decided : bool
        Whether the boundary of ``M`` was decided.

    The :attr:`status` is the weakest of its parts: undecided when a part is (or when two
    candidate strata could not be told apart or merged), else the
    singular locus' bounds or failure bound, else probabilistic (the closure edges are checked
    at sample points, without a failure bound).

    Examples
    --------
    >>> s = stratification("2,2")
    >>> sorted(s.graph.nodes)
    ['V', 'boundary', 'origin']
    >>> s.graph.nodes["boundary"]["names"]   # (z - b)^2 up to scale: one set, two descriptions
    ('boundary', 'shared root 1,2')
    >>> str(s.status)
    'probabilistic'
    """

    graph: Any = field(compare=False, metadata={"export": False})
    notes: tuple[str, ...] = ()
    singular_locus_status: Status | None = None
    boundary_decided: bool = True
    undecided_pairs: tuple[str, ...] = ()

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
        undecided.extend(self.undecided_pairs)
        if undecided:
            return Status.undecided("; ".join(undecided))
        if self.singular_locus_status.kind in (StatusKind.BOUNDS, StatusKind.PROBABILISTIC):
            return self.singular_locus_status
        return Status.probabilistic(None, "prove each closure relation (edges are checked at sample points)")

    def answer(self) -> Any:
        return self.graph

    def strata(self) -> list[dict[str, Any]]:
        """One dict per stratum, largest dimension first.

        ``names`` and ``descriptions`` list every candidate merged into the stratum (equal
        sets); ``equations`` are polynomials only (each ``= 0``; ``^`` for powers), ``components``
        one list of them per component of the closure when it has several, ``defined_by`` how the
        set is defined otherwise; ``subset_of`` the strata of the same dimension it is a proper
        subset of;
        ``dimension_bounds`` is ``[lower, upper]`` (``lower`` None when unknown) for a stratum whose
        dimension is only bounded (then ``dimension`` is the upper bound), else None.
        """
        out = []
        for node, data in sorted(self.graph.nodes(data=True), key=lambda x: (-x[1]["dimension"], x[0])):
            bounds = data.get("dimension_bounds")
            out.append({"name": node, "names": list(data.get("names", (node,))),
                        "dimension": data["dimension"],
                        "dimension_bounds": list(bounds) if bounds is not None else None,
                        "description": data["description"],
                        "descriptions": list(data.get("descriptions", (data["description"],))),
                        "equations": list(data["equations"]),
                        "components": [list(c) for c in data.get("components", ())],
                        "defined_by": list(data.get("defined_by", ())),
                        "in_closure_of": sorted(self.graph.successors(node)),
                        "subset_of": sorted(data.get("subset_of", ()))})
        return out

    def to_dict(self) -> dict[str, Any]:
        """Every field, the strata (:meth:`strata`) and the status."""
        data = super().to_dict()
        data["strata"] = self.strata()
        return data

    def to_text(self) -> str:
        lines = [f"stratification of M[{self.architecture}]  [{self.provenance()}]"]
        for s in self.strata():
            if len(s["names"]) == 1:
                lines.append(f"  {s['name']} ({_dim_text(s)}): {s['description']}")
                if s["name"] == "relative boundary":
                    if s["equations"]:
                        lines.append("      equations: " + self._shown(s["equations"]))
                    for text, eqs in itertools.zip_longest(s["defined_by"], s["components"]):
                        lines.append(f"      {text}" + (f": {self._shown(eqs)}" if eqs else ""))
            else:
                lines.append(f"  {' = '.join(s['names'])} ({_dim_text(s)}), one set described as:")
                lines.extend(f"      - {name}: {d}" for name, d in zip(s["names"], s["descriptions"]))
            if s["in_closure_of"]:
                lines.append(f"      in the closure of: {', '.join(s['in_closure_of'])}")
            if s["subset_of"]:
                lines.append(f"      a proper subset (same dimension) of: {', '.join(s['subset_of'])}")
        for n in self.notes:
            lines.append(f"  note: {n}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        esc = latex_escape
        rows = [r"\begin{tabular}{llp{7cm}l}", r"stratum & dim & description & in closure of\\ \hline"]
        for s in self.strata():
            dim = s["dimension"] if s["dimension_bounds"] is None else (
                f"${s['dimension_bounds'][0] if s['dimension_bounds'][0] is not None else '?'}\\le d\\le "
                f"{s['dimension_bounds'][1]}$")
            rows.append(f"{esc(' = '.join(s['names']))} & {dim} & {esc(s['description'])} & "
                        f"{esc(', '.join(s['in_closure_of']))}\\\\")
        rows.append(r"\end{tabular}")
        return "\n".join(rows)

    #: Equations shown per stratum in :meth:`table` (``to_dict()`` has them all).
    TABLE_EQUATIONS = 6

    def _shown(self, equations: list[str]) -> str:
        """The first :attr:`TABLE_EQUATIONS` of ``equations``, ``= 0`` understood."""
        more = len(equations) - self.TABLE_EQUATIONS
        return "; ".join(equations[:self.TABLE_EQUATIONS]) + (f"; … {more} more" if more > 0 else "")

    def table(self) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """The strata as a table, largest dimension first: names (equal sets merged), dimension,
        descriptions, equations (the first :attr:`TABLE_EQUATIONS`), the strata whose closure
        contains it, the strata of its dimension it is a proper subset of."""
        rows = []
        for s in self.strata():
            listed = s["equations"] or s["defined_by"]
            eqs = listed[:self.TABLE_EQUATIONS]
            if len(listed) > len(eqs):
                eqs.append(f"… {len(listed) - len(eqs)} more")
            rows.append((" = ".join(s["names"]), _dim_text(s)[4:], tuple(s["descriptions"]), tuple(eqs),
                         ", ".join(s["in_closure_of"]), ", ".join(s["subset_of"])))
        return (("stratum", "dimension", "description", "equations", "in the closure of", "proper subset of"), rows)

    def table_caption(self) -> str:
        return f"strata of M[{self.architecture}]"

    def to_dot(self) -> str:
        """The Hasse diagram in Graphviz's dot language: the transitive reduction of the
        closure relation, strata of one dimension on one rank."""
        lines = [f'digraph "strata {self.architecture}" {{', "  rankdir=BT;"]
        rows: dict[int, list[str]] = {}
        for s in self.strata():
            label = "\\n= ".join(s["names"])
            lines.append(f'  "{s["name"]}" [label="{label}\\n{_dim_text(s)}"];')
            rows.setdefault(s["dimension"], []).append(s["name"])
        for names in rows.values():
            if len(names) > 1:
                lines.append("  { rank=same; " + " ".join(f'"{n}";' for n in names) + " }")
        for a, b in sorted(nx.transitive_reduction(self.graph).edges):
            lines.append(f'  "{a}" -> "{b}";')
        lines.append("}")
        return "\n".join(lines)


def _dim_text(s: dict) -> str:
    """``dim d``, or ``dim in [l, u] (bounds)`` for a stratum whose dimension is only bounded."""
    b = s.get("dimension_bounds")
    if b is None:
        return f"dim {s['dimension']}"
    return f"dim between {b[0] if b[0] is not None else '?'} and {b[1]} (bounds)"


def _vanish(polys: Any, point: tuple) -> bool:
    vals = [flint.fmpz(int(x)) for x in point]
    return all(p(*vals) == 0 for p in polys)


def _all(points: Any, polys: list) -> bool:
    if not points:
        return False
    return all(_vanish(polys, p) for p in points)


def _add_node(g: nx.DiGraph, name: str, dimension: int, equations: tuple, description: str,
              defined_by: tuple = (), components: tuple = ()) -> None:
    """A stratum: ``equations`` are polynomials (each ``= 0``) only; ``defined_by`` the texts that
    say how the set is defined otherwise; ``components`` the equations of each component."""
    g.add_node(name, name=name, names=(name,), dimension=dimension, equations=tuple(equations),
               description=description, descriptions=(description,), subset_of=(),
               defined_by=tuple(defined_by), components=tuple(tuple(c) for c in components))


def _stride_one(a: Architecture) -> bool:
    return a.ndim == 1 and all(s == (1,) for s in a.strides[:-1])


def _add_variety(g: nx.DiGraph, eqs: ImplicitEquations, dim_v: int, n: int) -> None:
    _add_node(g, "V", dim_v, tuple(eqs.equations), "Zariski closure of the function space (neurovariety)",
              defined_by=() if eqs.equations else (f"no equation: V = C^{n}",))


def family_kind(arch: Architecture | str, pair: tuple[int, int]) -> tuple:
    """What decides the set of a shared-root image exactly (see the module docstring).

    ``("origin",)`` when layer ``m`` has a single entry: its polynomial has the root only when
    it is zero, so the image is the origin.  Stride one: ``("double root", a)``, the image
    being ``S(a)`` (forms ``ℓ² g`` with ``g``
    having at least ``a`` real roots).  With strides: ``("planted", T, groups)``: the image is
    ``{(z^T - β)^2 g : β real, g ∈ M'}`` (``T`` the cumulative stride of layer ``m``, ``M'``
    the function space with layer ``l`` shortened by the stride ratio and layer ``m`` by one),
    and ``M'`` depends only on ``(t, Σ n_i, Σ ⌊n_i/2⌋)`` over the layers ``i`` at each
    cumulative stride ``t`` (docs/theory.md#root-distribution), so equal kinds give equal
    images.

    Examples
    --------
    >>> family_kind("2,2,2", (1, 2)), family_kind("2,3,2", (1, 3)), family_kind("2,3,2", (2, 3))
    (('double root', 1), ('double root', 0), ('double root', 2))
    >>> family_kind("3,2,2 s=2,1", (1, 2)) == family_kind("3,2,2 s=2,1", (1, 3))
    True
    >>> family_kind("3,2,4 s=2,1", (1, 2)), family_kind("3,2,4 s=2,1", (1, 3))   # g: real cubics in z^2
    (('planted', 2, ((2, 3, 1),)), ('planted', 2, ((2, 3, 1),)))
    >>> family_kind("2,1", (1, 2))
    ('origin',)
    """
    a = Architecture.coerce(arch)
    l, m = pair[0] - 1, pair[1] - 1
    sizes = [f[0] for f in a.filters]
    if sizes[m] == 1:
        return ("origin",)
    if _stride_one(a):
        degrees = [k - 1 - (i in (l, m)) for i, k in enumerate(sizes)]
        return ("double root", sum(d % 2 for d in degrees))
    t = [c[0] for c in a.cumulative_strides]
    degrees = [k - 1 for k in sizes]
    degrees[l] -= t[m] // t[l]
    degrees[m] -= 1
    groups: dict[int, list[int]] = {}
    for i, e in enumerate(degrees):
        if e > 0:
            groups.setdefault(t[i], [0, 0])
            groups[t[i]][0] += e
            groups[t[i]][1] += e // 2
    return ("planted", t[m], tuple(sorted((ti, tot, pairs) for ti, (tot, pairs) in groups.items())))


def _add_critical_images(g: nx.DiGraph, a: Architecture, mu: Parameterization, seed: int,
                         notes: list[str], kinds: dict[str, tuple]) -> dict[str, list[tuple]]:
    """1D: the images under μ of the planted shared-hyperroot families, with sample points."""
    samples: dict[str, list[tuple]] = {}
    if a.ndim != 1:
        notes.append("2D: the critical families are not parameterized, so their images are not strata here")
        return samples
    for pair in planted_families(a):
        _, img = shared_root_image_dimension(a, pair, seed)
        name = f"shared root {pair[0]},{pair[1]}"
        _add_node(g, name, img, (),
                  f"images of critical points where layers {pair[0]} and {pair[1]} share a real hyperroot "
                  "orbit (a real root, infinity included, for stride one)",
                  defined_by=(f"image under mu of: (y^r - b) | p_{pair[0]}(y) and p_{pair[1]}(b) = 0",))
        kinds[name] = family_kind(a, pair)
        samples[name] = [mu.evaluate(shared_root_point(a, pair, seed + i)[0]) for i in range(3)]
    return samples


def _add_singular_locus(g: nx.DiGraph, a: Architecture, mu: Any, dim_v: int, eqs: ImplicitEquations, seed: int,
                        limits: Limits, notes: list[str]) -> SingularLocusResult | None:
    try:
        sl = singular_locus(a, dimension=dim_v, equations=eqs, seed=seed, limits=limits, parameterization=mu)
    except LCNAlgError as err:
        notes.append(f"singular locus not computed: {err}")
        return None
    if sl.limitations:
        notes.append(f"singular locus ({sl.route} route): {sl.limitations}")
    if sl.dimension >= 1:
        pieces = "; ".join(f"{c.name} (dim {c.dimension}{', an irreducible component' if c.component else ''}): "
                           f"{c.description}" for c in sl.components)
        _add_node(g, "singular locus", sl.dimension, (),
                  f"singular points of V (Jacobian criterion; {sl.status}; {sl.route} route); {sl.description}"
                  + (f". Components: {pieces}" if pieces else ""),
                  defined_by=(f"I + {sl.codimension}x{sl.codimension} minors of Jac(I)",))
        if not sl.certified and sl.lower_bound != sl.dimension:
            # only bounded: the node's dimension is the upper bound, as for every bounded stratum
            g.nodes["singular locus"]["dimension_bounds"] = (sl.lower_bound if sl.lower_bound >= 0 else None,
                                                              sl.dimension)
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


RELATIVE_EQUATIONS_AMBIENT = 10
"""Largest number of coordinates for which the stratification implicitizes the Zariski closure of
the relative boundary (:func:`~lcnalg.real.boundary_equations.relative_boundary_equations`) by
default; beyond it the stratum keeps its semi-algebraic description and a note says how to get them."""

RELATIVE_CERTIFY_ENTRIES = 100_000
"""Here the elimination certificate of those equations gets at most this ``max_total_entries``
(keeps the stratification cheap; uncertified ideals say up to which degree they are complete)."""


RELATIVE_EQUATIONS_AMBIENT_2D = 12
"""As :data:`RELATIVE_EQUATIONS_AMBIENT` for the 2D families (stride one, polyphase gcd), whose strata are
products of free factors (:mod:`lcnalg.real.boundary_closure_2d`): 3 s for ``2x2,2x2 s=2x1`` and about
40 s for ``2x2,2x2,2x1`` at 12 coordinates; the 4x4 outputs (16) take minutes."""

_FAMILIES_2D = ("2D factorization patterns", "2D polyphase gcd")


def _relative_equations(bd: Any, n: int, limits: Limits | None, notes: list[str],
                        samples: list | None = None) -> tuple[tuple[str, ...], tuple, tuple[str, ...]]:
    """The ideals of the components of the Zariski closure of ``∂_V M`` over Q (1D root orbits, any
    ``T``, at most :data:`RELATIVE_EQUATIONS_AMBIENT` coordinates; the 2D families, at most
    :data:`RELATIVE_EQUATIONS_AMBIENT_2D`), else nothing (a note): ``(equations, components,
    texts)``, the equations when the closure is one certified ideal, else each component's
    equations and, in ``texts``, what each component is.  2D: exact points of each
    component's stratum that the exact test puts on ``∂_V M`` are appended to ``samples``."""
    if bd.relative_family in _FAMILIES_2D:
        return _relative_equations_2d(bd, n, limits, notes, samples)
    if bd.relative_family != "root orbits":
        return (), (), ()
    limits = Limits.coerce(limits)
    if n > RELATIVE_EQUATIONS_AMBIENT:
        notes.append(f"the equations of the Zariski closure of the relative boundary are not computed here "
                     f"({n} > {RELATIVE_EQUATIONS_AMBIENT} coordinates): lcnalg.real.boundary_equations."
                     "relative_boundary_equations() derives them")
        return (), (), ()
    try:
        r = relative_boundary_equations(bd.architecture, limits=Limits.coerce(
            limits, max_total_entries=min(limits.max_total_entries, RELATIVE_CERTIFY_ENTRIES)))
    except LCNAlgError as err:
        notes.append(f"the equations of the Zariski closure of the relative boundary are not derived: {err}")
        return (), (), ()
    if len(r.components) == 1 and r.certified:
        out = (tuple(r.components[0].equations.equations), (), ())
    else:
        texts = tuple(f"component {i}: dimension {c.dimension}, "
                      + ("certified" if c.equations.certified
                         else f"complete up to degree {c.equations.complete_up_to_degree}")
                      for i, c in enumerate(r.components, start=1))
        if r.not_shown:
            texts += (f"{len(r.not_shown)} lower type strata not shown to lie in these components",)
        out = ((), tuple(tuple(c.equations.equations) for c in r.components), texts)
        if not r.certified:
            notes.append("the ideals of the relative boundary's closure are not all certified here (the elimination "
                         f"certificate is given max_total_entries <= {RELATIVE_CERTIFY_ENTRIES}): "
                         "relative_boundary_equations(arch) with the default limits attempts it")
    notes.append(f"Zariski closure of the relative boundary: {len(r.components)} component(s) of dimension "
                 f"{r.dimension} (the relative boundary's dimension {r.reported_dimension}"
                 f"{'' if r.agrees else ': DISAGREES'}; docs/theory.md#boundary-equations)")
    return out


def _relative_equations_2d(bd: Any, n: int, limits: Limits | None, notes: list[str],
                           samples: list | None) -> tuple[tuple[str, ...], tuple, tuple[str, ...]]:
    """2D: the components of the closure of ``∂_V M``
    (:func:`~lcnalg.real.boundary_closure_2d.relative_boundary_closure_2d`; those of ``bd`` when it has them)."""
    limits = Limits.coerce(limits)
    if bd.relative_equations:
        ideals, comps, status = bd.relative_equations, bd.relative_components, bd.relative_equations_status
    elif n > RELATIVE_EQUATIONS_AMBIENT_2D:
        notes.append(f"the equations of the Zariski closure of the relative boundary are not computed here "
                     f"({n} > {RELATIVE_EQUATIONS_AMBIENT_2D} coordinates): lcnalg.real.boundary_closure_2d."
                     "relative_boundary_closure_2d() derives them")
        return (), (), ()
    else:
        try:
            r = relative_boundary_closure_2d(bd.architecture, limits=Limits.coerce(
                limits, max_total_entries=min(limits.max_total_entries, RELATIVE_CERTIFY_ENTRIES)))
        except LCNAlgError as err:
            notes.append(f"the equations of the Zariski closure of the relative boundary are not derived: {err}")
            return (), (), ()
        ideals = tuple(c.equations.equations for c in r.components)
        comps = tuple(c.text() for c in r.components)
        status = "certified" if r.certified else "not all certified"
    if len(ideals) == 1 and status == "certified":
        out = (tuple(ideals[0]), (), ())
    else:
        out = ((), tuple(tuple(eqs) for eqs in ideals), tuple(f"component {i}: {c}" for i, c in enumerate(comps, 1)))
    if samples is not None:    # a point of a stratum's form is on it unless its random factors degenerate: checked
        try:
            _, maps = stratum_maps(bd.architecture, limits)
        except LCNAlgError:
            maps = []
        seen: set = set()
        for _, phi, _ in maps:
            if stratum_key(phi) in seen:
                continue
            seen.add(stratum_key(phi))
            p = phi.stratum_point(len(seen))
            try:
                if bd.is_relative_boundary_point(list(p), limits=limits):
                    samples.append(tuple(p))
            except LCNAlgError:
                pass
    dims = [int(c.split()[1].rstrip(",")) for c in comps if c.startswith("dimension ")]
    dim = max(dims) if dims else None
    exact = bd.relative_dimension
    notes.append(f"Zariski closure of the relative boundary: {len(ideals)} component(s), dimension {dim} (exact "
                 f"Jacobian rank of each stratum's factor-product parameterization; the dimension search {exact}"
                 f"{'' if exact in (None, dim) else ': DISAGREES'}; ideals {status}; "
                 "docs/theory.md#boundary-closure-2d)")
    return out


def _bounded_relative_boundary(g: nx.DiGraph, bd: Any, n: int, dim_v: int, limits: Limits | None,
                               notes: list[str]) -> dict[str, list[tuple]]:
    """``M`` thin and not closed, the relative boundary's dimension not derived exactly: a node with the
    proved bounds (``dimension_bounds``; ``dimension`` holds the upper one) saying what is unknown."""
    lower, upper = bd.relative_dimension_bounds if bd.relative_dimension_bounds else (None, dim_v - 1)
    notes.append("M has empty interior in R^N and is closed, so its Euclidean boundary is M itself (no separate "
                 "stratum); its boundary relative to V(R) is the stratum 'relative boundary', whose dimension is "
                 f"only bounded: {lower if lower is not None else 'unknown'} <= dim <= {upper}")
    polys: tuple = ()
    comps: tuple = ()
    if bd.relative_family == HEAD_FAMILY:
        texts = ("not derived: the relative boundary is decided only by sufficient tests (monomial, pair, slack and gcd "
               "pair limits on it, interior points off it; UndecidedError elsewhere), so its strata, and with them "
               "the components of its Zariski closure, are not enumerated"
               + (f"; it contains a Euclidean open subset of the family with forced monomials of dimension {lower}, "
                  "so its closure contains that family's closure" if lower is not None else ""),)
        how = "semi-algebraic: sufficient tests only (docs/theory.md#polyphase-head-2d)"
    elif bd.relative_family:
        polys, comps, texts = _relative_equations(bd, n, limits, notes)
        how = "semi-algebraic: decided at points; its dimension search was refused"
    else:
        texts = ("not derived: the relative boundary is not described for this stride pattern "
               "(see the description)",)
        how = "not derived: membership in the relative boundary is not decided at points here"
    _add_node(g, "relative boundary", upper, polys,
              f"boundary of M relative to V(R) (dimension bounded: {lower if lower is not None else '?'} <= dim <= "
              f"{upper}, the exact dimension is not derived): {bd.relative}",
              defined_by=texts + (how,), components=comps)
    g.nodes["relative boundary"]["dimension_bounds"] = (lower, upper)
    return {}


def _add_boundary(g: nx.DiGraph, bd: Any, n: int, seed: int, notes: list[str],
                  kinds: dict[str, tuple], limits: Limits | None = None,
                  dim_v: int | None = None) -> dict[str, list[tuple]]:
    if bd.decided and bd.closed and not bd.everything:
        notes.append("M = V(R) is Zariski closed with empty interior, so its Euclidean boundary is M itself "
                     "(no separate stratum)")
    elif bd.decided and not bd.everything and bd.m is not None:
        _add_node(g, "boundary", n - 1, (bd.discriminant,) if bd.discriminant else (),
                  f"Euclidean boundary of M: forms with at least m = {bd.m} real roots but fewer than m of odd "
                  "multiplicity (inside Disc = 0)",
                  defined_by=("inside the discriminant hypersurface Disc(c) = 0" + (
                      "" if bd.discriminant else " (its polynomial not expanded: above max_symbolic_degree)"),))
        kinds["boundary"] = ("boundary", bd.m, n - 1)
        return {"boundary": _boundary_samples(bd.m, n, seed)}
    elif bd.decided and bd.thin and not bd.everything and bd.relative_dimension is not None:
        notes.append("M has empty interior in R^N and is closed, so its Euclidean boundary is M itself (no separate "
                     "stratum); its boundary relative to V(R) is the stratum 'relative boundary'")
        how = {"root orbits": "root-orbit generisations",
               "2D polyphase gcd": "limits of polyphase-gcd strata"}.get(bd.relative_family,
                                                                         "limits of factorization patterns")
        points = [tuple(p) for p in bd.relative_samples]
        polys, comps, texts = _relative_equations(bd, n, limits, notes, points)
        _add_node(g, "relative boundary", bd.relative_dimension, polys,
                  f"boundary of M relative to V(R): {bd.relative}",
                  defined_by=texts + (f"semi-algebraic: {how}",), components=comps)
        return {"relative boundary": points} if points else {}
    elif bd.decided and bd.thin and not bd.everything and bd.closed is False and dim_v is not None:
        return _bounded_relative_boundary(g, bd, n, dim_v, limits, notes)
    elif bd.decided and bd.thin and not bd.everything:
        notes.append("M has empty interior in R^N and is closed, so its Euclidean boundary is M itself (no separate "
                     f"stratum); relative boundary: {bd.relative}")
    elif not bd.decided:
        notes.append(f"boundary undecided: {bd.limitations}")
    return {}


def kind_subset(first: tuple | None, second: tuple | None) -> bool | None:
    """Exact answer to "is the set of kind ``first`` contained in that of kind ``second``?"
    (kinds from :func:`family_kind` and ``("boundary", m, d)``), or None when no exact
    argument applies.  The arguments are in the module docstring.

    Examples
    --------
    >>> kind_subset(("boundary", 3, 3), ("double root", 1)), kind_subset(("double root", 1), ("boundary", 3, 3))
    (True, True)
    >>> kind_subset(("double root", 2), ("double root", 0)), kind_subset(("double root", 0), ("double root", 2))
    (True, False)
    >>> kind_subset(("double root", 0), ("boundary", 2, 4)), kind_subset(("boundary", 2, 4), ("double root", 0))
    (False, True)
    """
    if first is None or second is None:
        return None
    if first == second:
        return True
    if first[0] == "double root" and second[0] == "double root":
        return first[1] >= second[1]
    if first[0] == "boundary" and second[0] == "double root":
        return second[1] <= first[1] - 2
    if first[0] == "double root" and second[0] == "boundary":
        m, d = second[1], second[2]
        return m == d and first[1] == d - 2
    return None


def _pair_of(name: str) -> tuple[int, int]:
    l, m = name.split()[-1].split(",")
    return int(l), int(m)


def in_family(arch: Architecture | str, pair: tuple[int, int], filt: Any, *,
              limits: Limits | None = None) -> bool | None:
    """Exact membership of an integer filter in the image of the planted family of ``pair``
    (1D, a real shared hyperroot orbit), or None when this test cannot decide.

    The image is ``{(z^T - β)^2 g : β real, g ∈ M'}``, ``T`` the cumulative stride of layer
    ``m`` and ``M'`` the function space with layer ``l`` shortened by the stride ratio ``r`` and
    layer ``m`` by one.  Every candidate ``β`` is a ``T``-th power of a root of
    ``gcd(f, f')``: a root of the characteristic polynomial of ``C^T`` (``C`` the companion
    matrix of the gcd).  Rational candidates are tried exactly (divide, then
    :func:`~lcnalg.real.membership.contains`); a candidate that may be real and irrational,
    or a refused membership test, gives None.

    Examples
    --------
    >>> in_family("3,2,2 s=2,1", (1, 2), [4, 0, -4, 0, 1, 0, 0])   # (z^2 - 2)^2 times 1
    True
    >>> in_family("3,2,2 s=2,1", (1, 2), [1, 0, 0, 0, 1, 0, 0])    # 1 + z^4: no double root
    False

    Raises
    ------
    InputError
        When ``pair`` is not a planted family with two layers of at least two entries, or the
        filter is not a list of integers of the end-to-end length.
    """
    a = Architecture.coerce(arch)
    if a.ndim != 1 or tuple(pair) not in planted_families(a) or a.filters[pair[1] - 1][0] < 2:
        raise InputError(f"pair: expected one of the planted families {planted_families(a)} of {a} whose "
                         f"second layer has at least two entries, got {str(pair)[:40]}")
    c = [int(x) for x in filt]
    if len(c) != a.end_to_end_filter_shape[0]:
        raise InputError(f"filter: {len(c)} entries given, {a.end_to_end_filter_shape[0]} needed")
    if not any(c):
        return True
    l, m = pair[0] - 1, pair[1] - 1
    t = [x[0] for x in a.cumulative_strides]
    T, r = t[m], t[m] // t[l]
    sizes = [f[0] for f in a.filters]
    sizes[l] -= r
    sizes[m] -= 1
    rest = ",".join(str(k) for k in sizes)
    if a.num_layers > 1:
        rest += " s=" + ",".join(str(x[0]) for x in a.strides[:-1])
    n = len(c) - 2 * T          # entries of g

    def member(g: list) -> bool | None:
        den = 1
        for x in g:
            den = den * x.denominator // math.gcd(den, x.denominator)
        try:
            return bool(contains(rest, [int(x * den) for x in g], limits=limits).contained)
        except LCNAlgError:
            return None

    undecided = False
    if not any(c[n:]):          # the double orbit at infinity
        got = member([Fraction(x) for x in c[:n]])
        if got:
            return True
        undecided = got is None
    f = flint.fmpz_poly(c)
    d = f.gcd(f.derivative())
    if d.degree() >= T:
        e = d.degree()
        lead = d.coeffs()[-1]
        comp = flint.fmpq_mat(e, e)
        for i in range(e):
            if i + 1 < e:
                comp[i + 1, i] = 1
            comp[i, e - 1] = -flint.fmpq(int(d.coeffs()[i]), int(lead))
        for factor, _ in flint.fmpq_poly((comp ** T).charpoly().coeffs()).factor()[1]:
            if factor.degree() > 1:
                if any(z.imag.contains(0) for z, _ in flint.fmpz_poly(
                        [int(x * factor.denom()) for x in factor.coeffs()]).complex_roots()):
                    undecided = True   # possibly a real irrational candidate
                continue
            b0, b1 = factor.coeffs()
            beta = -flint.fmpq(b0) / flint.fmpq(b1)
            orbit = flint.fmpq_poly([-beta] + [0] * (T - 1) + [1])
            quotient, remainder = divmod(flint.fmpq_poly(c), orbit * orbit)
            if remainder != 0:
                continue
            g = [Fraction(int(x.p), int(x.q)) for x in quotient.coeffs()]
            got = member(g + [Fraction(0)] * (n - len(g)))
            if got:
                return True
            undecided = undecided or got is None
    return None if undecided else False


def _on_relative(bd: Any, point: tuple, limits: Limits) -> bool | None:
    """The exact relative-boundary test at a point, None where it is undecided (head case)."""
    try:
        return bd.is_relative_boundary_point(list(point), limits=limits)
    except UndecidedError:
        return None


def _merge(g: nx.DiGraph, keep: str, other: str, samples: dict) -> None:
    """Fold ``other`` (the same set) into ``keep``."""
    a, b = g.nodes[keep], g.nodes[other]
    a["names"] += b["names"]
    a["descriptions"] += b["descriptions"]
    a["description"] = "; equally, ".join(a["descriptions"])
    a["equations"] += tuple(e for e in b["equations"] if e not in a["equations"])
    a["defined_by"] += tuple(e for e in b["defined_by"] if e not in a["defined_by"])
    a["components"] += tuple(c for c in b["components"] if c not in a["components"])
    a["dimension"] = max(a["dimension"], b["dimension"])   # image dimensions are lower bounds
    samples[keep] = list(samples.get(keep, [])) + list(samples.get(other, []))
    g.remove_node(other)


class _Types:
    """The root-orbit type sets of the strata that are unions of types (1D linear: the relative
    boundary and the shared-root images), enumerated once, when first asked for."""

    def __init__(self, a: Architecture, g: nx.DiGraph, kinds: dict[str, tuple], limits: Limits,
                 relative: bool) -> None:
        self.a, self.limits, self.relative = a, limits, relative
        self.keys: dict[str, Any] = {}
        self.merged: list[str] = []
        self.differ: Any = None        # (u, v) -> True when sample witnesses tell two families apart
        self.witnessed: dict = {}
        self.result: Any = None
        self.failed = False
        self.refusal = ""
        if a.ndim != 1 or a.activation is not None:
            return
        for node in g.nodes:
            if node == "relative boundary" and relative:
                self.keys[node] = "relative boundary"
            elif kinds.get(node, ("",))[0] in ("planted", "double root"):
                self.keys[node] = _pair_of(g.nodes[node]["names"][0])

    def compare(self, u: str, v: str) -> TypeComparison | None:
        """``u`` against ``v`` as unions of types, or None (not unions of types, or refused)."""
        if u not in self.keys or v not in self.keys or self.failed:
            return None
        try:
            if self.result is None:
                self.result = TypeStrata(self.a, self.limits)
        except LCNAlgError as err:
            self.failed = True
            self.refusal = f"root-orbit types not enumerated: {err}"
            return None
        try:
            return compare_types(self.result.members(self.keys[u]), self.result.members(self.keys[v]))
        except LCNAlgError as err:
            self.refusal = f"root-orbit types not decided: {err}"
            return None

    def witness(self, comparison: TypeComparison, u: str, v: str) -> list[str]:
        """Notes naming, for each failed containment, a type (and an exact point of it) in one
        set and not the other."""
        out = []
        for t, inside, outside in ((comparison.only_first, u, v), (comparison.only_second, v, u)):
            if t is not None:
                point = type_point(orbit_model(self.a), t)
                shown = f" (exact point {point})" if point is not None else ""
                out.append(f"'{inside}' is not contained in '{outside}': root-orbit type {t.to_text()}{shown}")
        return out


def _merge_equal_sets(g: nx.DiGraph, samples: dict, kinds: dict[str, tuple], types: _Types | None = None) -> None:
    """One node per set: candidates proved equal (containment both ways: kinds, or the root-orbit
    types for strata of equal dimension) are merged."""
    first = ("boundary", "relative boundary", "origin")
    order = sorted(g.nodes, key=lambda v: (v not in first, list(g.nodes).index(v)))
    for keep in order:
        if keep not in g:
            continue
        for other in order:
            if other == keep or other not in g:
                continue
            ab, ba = kind_subset(kinds.get(keep), kinds.get(other)), kind_subset(kinds.get(other), kinds.get(keep))
            if ab is None or ba is None:
                c = (types.compare(keep, other) if types is not None
                     and g.nodes[keep]["dimension"] == g.nodes[other]["dimension"]
                     and not (types.differ is not None and types.differ(keep, other)) else None)
                ab, ba = (c.first_in_second, c.second_in_first) if c is not None else (ab, ba)
                if c is not None and c.equal:
                    types.merged.append(f"'{keep}' and '{other}' are one set: both are the union of the same "
                                        f"{len(types.result.members(types.keys[keep]))} root-orbit type strata "
                                        "(docs/theory.md#type-strata)")
            if ab and ba:
                _merge(g, keep, other, samples)


WITNESS_TRIES = 12
"""Random points of each of two shared-root families of equal dimension tried as witnesses
that they differ (each an exact membership test, :func:`in_family`)."""


def _same_dimension(g: nx.DiGraph, samples: dict, kinds: dict[str, tuple], sl: SingularLocusResult | None,
                    a: Architecture, mu: Parameterization, seed: int, limits: Limits,
                    relative: Any = None, types: _Types | None = None, notes: list[str] | None = None) -> list[str]:
    """Distinct nodes of equal dimension: proper containments go to ``subset_of`` (never an
    edge); pairs no exact argument tells apart are returned (undecided)."""
    undecided = []
    nodes = list(g.nodes)
    for i, u in enumerate(nodes):
        for v in nodes[i + 1:]:
            if g.nodes[u]["dimension"] != g.nodes[v]["dimension"] or _bounded(g, u) or _bounded(g, v):
                continue
            uv, vu = kind_subset(kinds.get(u), kinds.get(v)), kind_subset(kinds.get(v), kinds.get(u))
            if uv is not None and vu is not None:
                errors.check(not (uv and vu), f"{u} and {v} are equal sets but were not merged")
                if uv:
                    g.nodes[u]["subset_of"] += (v,)
                if vu:
                    g.nodes[v]["subset_of"] += (u,)
                continue
            if "relative boundary" in (u, v) and _by_types(g, types, u, v, notes):
                continue
            if sl is not None and "singular locus" in (u, v):
                other = v if u == "singular locus" else u
                pts = samples.get(other)
                if pts and not all(sl.contains(p) for p in pts):
                    continue   # a point of `other` outside the singular locus: different sets
            if relative is not None and "relative boundary" in (u, v):
                other = v if u == "relative boundary" else u
                pts = samples.get(other)
                if pts and any(relative(p) is False for p in pts):
                    continue   # a point of `other` off the relative boundary: different sets
                if kinds.get(other, ("",))[0] == "planted" and any(
                        in_family(a, _pair_of(g.nodes[other]["names"][0]), p, limits=limits) is False
                        for p in samples.get("relative boundary", ())):
                    continue   # a relative-boundary point outside the family: different sets
            if _planted_differ(g, kinds, a, mu, seed, limits, u, v, types):
                continue       # a point of one outside the other: different sets
            if _by_types(g, types, u, v, notes):
                continue       # the families' root-orbit types (after the cheaper witnesses)
            why = f" ({types.refusal})" if types is not None and types.refusal and u in types.keys \
                and v in types.keys else ""
            undecided.append(f"whether the strata '{u}' and '{v}' (both of dimension "
                             f"{g.nodes[u]['dimension']}) are equal sets{why}")
    return undecided


def _bounded(g: nx.DiGraph, node: str) -> bool:
    """Whether the node's dimension is only bounded (``dimension_bounds`` that differ)."""
    bounds = g.nodes[node].get("dimension_bounds")
    return bounds is not None and bounds[0] != bounds[1]


def _planted_differ(g: nx.DiGraph, kinds: dict[str, tuple], a: Architecture, mu: Parameterization, seed: int,
                    limits: Limits, u: str, v: str, types: _Types | None = None) -> bool:
    """Whether a planted point of one of two strided families lies outside the other (exact
    membership tests, :func:`in_family`); remembered on ``types``."""
    if kinds.get(u, ("",))[0] != "planted" or kinds.get(v, ("",))[0] != "planted":
        return False
    cache = types.witnessed if types is not None else {}
    key = frozenset((u, v))
    if key not in cache:
        pu, pv = _pair_of(g.nodes[u]["names"][0]), _pair_of(g.nodes[v]["names"][0])
        cache[key] = any(in_family(a, q, mu.evaluate(shared_root_point(a, p, seed + i)[0]), limits=limits) is False
                         for i in range(WITNESS_TRIES) for p, q in ((pu, pv), (pv, pu)))
    return cache[key]


def _by_types(g: nx.DiGraph, types: _Types | None, u: str, v: str, notes: list[str] | None) -> bool:
    """Decide ``u`` against ``v`` through their root-orbit types (unions of non-empty, disjoint
    type strata: exact containments, recorded in ``subset_of``, with witnesses in ``notes``);
    False when they are not unions of types or the types are refused."""
    c = types.compare(u, v) if types is not None else None
    if c is None:
        return False
    errors.check(not c.equal, f"{u} and {v} are equal sets but were not merged")
    if c.first_in_second:
        g.nodes[u]["subset_of"] += (v,)
    if c.second_in_first:
        g.nodes[v]["subset_of"] += (u,)
    if notes is not None:
        notes.extend(types.witness(c, u, v))
    return True


def _closure_edges(g: nx.DiGraph, samples: dict, vpolys: list, sl: SingularLocusResult | None) -> None:
    """Closure relations ``A → B`` with ``dim A < dim B``, each verified at the sample points
    of the smaller stratum."""
    def lower(u: str, v: str) -> bool:
        return g.nodes[u]["dimension"] < g.nodes[v]["dimension"]

    for node in list(g.nodes):
        if node != "V" and lower(node, "V") and (_all(samples.get(node), vpolys) or node == "relative boundary"):
            g.add_edge(node, "V")   # the relative boundary lies in M ⊆ V(R) by definition
    if sl is not None and "singular locus" in g:
        for node in list(g.nodes):
            pts = samples.get(node)
            if node not in ("V", "singular locus") and lower(node, "singular locus") and pts \
                    and all(sl.contains(p) for p in pts):
                g.add_edge(node, "singular locus")   # exact: on V with rank J_g < codim
        if lower("singular locus", "V"):
            g.add_edge("singular locus", "V")
    for node in list(g.nodes):
        bounds = g.nodes[node].get("dimension_bounds")
        if node != "origin" and lower("origin", node) and (bounds is None or (bounds[0] or 0) > 0):
            g.add_edge("origin", node)   # every stratum is a cone: 0 lies in its closure
    for u, v in g.edges:
        errors.check(lower(u, v), f"closure edge {u} -> {v} between strata of equal dimension")


def check_stratification(arch: Architecture | str, limits: Limits | None = None) -> None:
    """Refuse, before anything is computed (the dimension and the implicit equations
    included), a stratification whose own stages are beyond ``limits``: the candidate strata
    (planted critical families, 1D), each sampled and compared with the others of its
    dimension, are counted from the architecture and checked against ``limits.max_strata``.
    :class:`~lcnalg.FunctionSpace` calls it before the equations it hands down.

    Raises
    ------
    ResourceLimitError
        When the candidate strata exceed ``limits.max_strata``.

    Examples
    --------
    >>> check_stratification("2,2,2")
    >>> check_stratification("2,2,2", Limits(max_strata=2))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: candidate strata (planted critical families of the 3 layers) estimated at 3, above the bound 2; to allow it, raise limits=Limits(max_strata=...) (CLI: --max-strata)
    """
    a = Architecture.coerce(arch)
    limits = Limits.coerce(limits)
    if a.ndim == 1 and a.activation is None:
        # a pair of layers plants a family when the first is long enough for its stride ratio
        sizes = [f[0] for f in a.filters]
        t = [c[0] for c in a.cumulative_strides]
        count, partial = 0, ""
        for m in range(1, len(sizes)):
            count += sum(1 for l in range(m) if sizes[l] - 1 >= t[m] // t[l])
            if count > 4 * limits.max_strata and m + 1 < len(sizes):
                partial = f", of its first {m + 1}"   # enough to refuse: the rest is not counted
                break
        limits.check("max_strata", f"candidate strata (planted critical families of the {a.num_layers} "
                     f"layers{partial})", count)


def stratification(arch: Architecture | str, *, seed: int = 0, dimension: int | None = None,
                   equations: ImplicitEquations | None = None, max_minors: int | None = None,
                   limits: Limits | None = None, closedness: Any = None,
                   parameterization: Any = None) -> Stratification:
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
    closedness : ClosednessResult, optional
        The verdict of :func:`~lcnalg.real.closedness.is_zariski_closed` if already known
        (handed to the boundary; else computed there when needed).
    parameterization : optional
        The parameterization of ``arch`` if already built (:func:`~lcnalg.parameterization.parameterize`;
        handed to the singular locus).

    Examples
    --------
    >>> s = stratification("3,2 s=2")
    >>> [(x["name"], x["dimension"]) for x in s.strata()][:2]
    [('V', 4), ('singular locus', 3)]
    >>> [(x["names"], x["dimension"]) for x in stratification("2,2,2").strata()][:2]
    [(['V'], 4), (['boundary', 'shared root 1,2', 'shared root 1,3', 'shared root 2,3'], 3)]
    >>> [(x["name"], x["dimension"]) for x in stratification("2,2 r=2").strata()]   # boundary undecided
    [('V', 3), ('singular locus', 1), ('origin', 0)]
    """
    seed, dimension = checks.arguments(seed=seed, dimension=dimension)
    start = time.perf_counter()
    limits = Limits.coerce(limits, max_minors=max_minors)
    a = Architecture.coerce(arch)
    dimension, equations, closedness, mu = checks.handed_down(a, number=True, dimension=dimension, equations=equations,
                                                              closedness=closedness, parameterization=parameterization)
    check_stratification(a, limits)
    if mu is None:
        mu = parameterize(a, limits=limits)
    n = mu.ambient_dimension
    dim_v = dimension if dimension is not None else function_space_dimension(mu, seed=seed).value
    eqs = equations if equations is not None else implicit_equations(mu, seed=seed, dimension=dim_v,
                                                                      limits=limits)
    g = nx.DiGraph()
    notes: list[str] = []
    kinds: dict[str, tuple] = {}
    if not eqs.certified:
        notes.append(f"the implicit equations of V are not certified ({eqs.status.label}): the edges to V are "
                     "checked against them, and the singular locus says what rests on them")
    _add_variety(g, eqs, dim_v, n)
    polynomial = a.activation is not None
    if polynomial:
        samples: dict[str, list[tuple]] = {}
        notes.append("r >= 2: a zero layer maps to the origin (mu vanishes there); whether the zero layers are "
                     "the whole critical locus is decided by critical_locus (lcnalg critical-locus)")
    else:
        samples = _add_critical_images(g, a, mu, seed, notes, kinds)
    sl = _add_singular_locus(g, a, mu, dim_v, eqs, seed, limits, notes)
    bd = boundary(a, dimension=dim_v, equations=eqs, closedness=closedness, seed=seed,
                  limits=limits)  # r >= 2: M = V(R)
    samples.update(_add_boundary(g, bd, n, seed, notes, kinds, limits, dim_v))
    decided = bool(bd.decided)
    _add_node(g, "origin", 0, tuple(mu.coordinate_names), "the zero filter (vertex of the cone)")
    samples["origin"] = [tuple([0] * n)]
    kinds["origin"] = ("origin",)
    types = None if polynomial else _Types(a, g, kinds, limits, bd.relative_family == "root orbits")
    if types is not None:
        types.differ = lambda u, v: _planted_differ(g, kinds, a, mu, seed, limits, u, v, types)
    _merge_equal_sets(g, samples, kinds, types)
    relative = (lambda p: _on_relative(bd, p, limits)) if "relative boundary" in g else None
    notes.extend(types.merged if types is not None else ())
    undecided = _same_dimension(g, samples, kinds, sl, a, mu, seed, limits, relative, types, notes)
    if "relative boundary" in g and _bounded(g, "relative boundary"):
        lo, hi = g.nodes["relative boundary"]["dimension_bounds"]
        undecided.append(f"the dimension of the relative boundary (only bounded: {lo if lo is not None else '?'} "
                         f"<= dim <= {hi}; it is not compared with the strata of dimension in that range)")
    _closure_edges(g, samples, list(eqs.polynomials), sl)
    return Stratification(architecture=str(a), method="strata from the critical locus, the Jacobian "
                          "criterion and the boundary, equal sets merged by exact arguments; edges verified at "
                          "sample points", certified=False, seed=seed, primes=(), graph=g, notes=tuple(notes),
                          limitations="; ".join(notes + undecided),
                          singular_locus_status=sl.status if sl is not None else None,
                          boundary_decided=decided, undecided_pairs=tuple(undecided),
                          seconds=time.perf_counter() - start)
