"""The singular locus of the neurovariety ``V`` (Jacobian criterion), exactly.

``I = (g_1..g_m)`` from :meth:`FunctionSpace.implicit_equations`, ``c = codim V``.  Since
``I`` is prime, ``Sing V = V(K)``, ``K = I + (c×c minors of ∂g_i/∂c_j)``.  Expanding all minors
is hopeless beyond small cases (``3,2,2 s=2,2``: 90 090 minors; ``2x2,2x2 s=2x2``: 1.1e12), so
``method="auto"`` uses, in this order:

``toric``
    When the torus of the finest grading has a dense orbit on ``V`` (computed), ``Sing V`` is
    the union of the torus-orbit closures whose base point has ``rank J_g < c``: finitely many
    exact ranks, exact components and degrees (:mod:`._toric`).  Certified.
``sandwich``
    A lower bound from structured filter families whose images are *certified* to lie in
    ``Sing V`` (bordered minors of ``J_g∘μ∘φ`` vanishing identically in ``Z[t]``) and an upper
    bound from a linear section ``L`` with ``Sing V ∩ L = {0}`` proved by a Gröbner basis mod
    ``p`` of restricted elements of ``K`` (valid for every ``p``: Hilbert functions mod ``p``
    bound those over Q from above).  When the bounds meet the dimension is certified, and the
    certified families of that dimension are irreducible components (:mod:`._sandwich`).
``minors``
    All minors (exact over Z) and a Gröbner basis mod ``p`` (the previous behaviour; with
    ``randomized=True`` random Cauchy–Binet projections).  The mod-``p`` dimension is an upper
    bound, equal to the dimension over Q for all but finitely many ``p``; not certified.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.results import Result
from lcnalg.polys.minors import all_minors, count_minors, random_projected_minors
from lcnalg.polys.modular import GF_PRIME

__all__ = ["SingularLocusResult", "singular_locus", "DEFAULT_MAX_MINORS", "DEFAULT_MAX_TERMS"]

DEFAULT_MAX_MINORS = 5_000
#: Bound on the estimated number of terms of one projected determinant (randomized mode).
DEFAULT_MAX_TERMS = 200_000
_BOUND = 2**15
_MAX_Q_ENTRIES = 1e8  # budget of the exact (over Q) Groebner basis of the minors ideal


@dataclass(frozen=True, kw_only=True)
class SingularLocusResult(Result):
    """Singular locus of the Zariski closure of the function space.

    Attributes
    ----------
    dimension : int
        Dimension of the affine cone ``Sing V`` (``-1``: empty, ``0``: the origin only).
        Certified when ``certified``; otherwise the best value found (the upper bound).
    lower_bound, upper_bound : int
        Proved bounds on ``dim Sing V`` (equal when certified).  ``minors`` route: the
        upper bound is the mod-p dimension (a proof of ``≤``), the lower bound ``-1`` unless
        families were certified.
    dimension_of_variety, ambient_dimension, codimension : int
    num_equations : int
        Generators of ``I``.
    num_minors : int
        Minors (or projected determinants) added to ``I`` (``minors`` route; else 0).
    exact_ideal : bool
        True when all ``c×c`` minors were used (``minors`` route).
    route : str
        ``"smooth"``, ``"toric"``, ``"sandwich"`` or ``"minors"``.
    components : tuple of dict
        Irreducible pieces of ``Sing V`` found: ``name``, ``dimension``, ``description``,
        ``component`` (True: certified irreducible component; None: a certified subset whose
        maximality is not decided), ``degree`` when computed, ``certificate``.
    families : tuple of dict
        ``sandwich`` route: every candidate family tried, with its verdict.
    description : str
    """

    dimension: int
    dimension_of_variety: int
    ambient_dimension: int
    codimension: int
    num_equations: int
    num_minors: int
    exact_ideal: bool
    description: str
    lower_bound: int = -1
    upper_bound: int = -1
    route: str = "minors"
    components: tuple = ()
    families: tuple = field(default=(), repr=False)
    generators: tuple = field(default=(), repr=False, compare=False)
    equations: tuple = field(default=(), repr=False, compare=False)

    title = "singular locus"

    @property
    def status(self) -> str:
        if self.certified:
            return "certified"
        if self.exact_ideal:
            return "exact ideal; dimension mod p (an upper bound)"
        if self.route == "minors":
            return "probabilistic ideal (random projections); dimension mod p"
        return f"bounds {self.lower_bound} <= dim <= {self.upper_bound}; not certified"

    def answer(self) -> int:
        return self.dimension

    def contains(self, point: Any) -> bool:
        """Exact test: is the integer/rational ``point`` in ``Sing V`` (on ``V``, rank ``J_g < c``)?

        Examples
        --------
        >>> r = singular_locus("3,2 s=2")
        >>> r.contains([0, 0, 0, 0, 0]), r.contains([1, 2, 3, 4, 5])
        (True, False)
        """
        import flint

        from lcnalg.parameterization import _as_fmpq

        eqs = self.equations
        vals = [_as_fmpq(x, "point") for x in point]
        if len(vals) != self.ambient_dimension:
            raise InputError(f"point: expected {self.ambient_dimension} coordinates, got {len(vals)}")
        if not eqs:
            return False
        if any(_eval_q(g, vals) != 0 for g in eqs):
            return False
        n = self.ambient_dimension
        M = flint.fmpq_mat([[_eval_q(g.derivative(j), vals) for j in range(n)] for g in eqs])
        return M.rank() < self.codimension

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.pop("generators", None)
        data.pop("equations", None)
        return data

    def to_text(self) -> str:
        lines = [f"singular locus of V[{self.architecture}]: dimension {self.dimension} "
                 f"(V: dimension {self.dimension_of_variety} in C^{self.ambient_dimension}); "
                 f"{self.description}  [{self.status}; {self.method}]"]
        for c in self.components:
            tag = ("component" if c.get("component") else "contained in Sing V")
            deg = f", degree {c['degree']}" if c.get("degree") is not None else ""
            lines.append(f"  {tag}: {c['name']} (dim {c['dimension']}{deg}): {c['description']}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        from lcnalg.printing import function_space_symbol

        return rf"\dim \operatorname{{Sing}} \overline{{{function_space_symbol(self.architecture)}}} = {self.dimension}"


def _eval_q(g: Any, vals: list) -> Any:
    import flint

    total = flint.fmpq(0)
    for e, c in zip(g.monoms(), g.coeffs()):
        term = flint.fmpq(int(c))
        for v, k in zip(vals, e):
            if k:
                term *= v ** int(k)
        total += term
    return total


def singular_locus(arch: Architecture | str, *, method: str = "auto",
                   max_minors: int = DEFAULT_MAX_MINORS,
                   randomized: bool = False, seed: int = 0, modulus: int = GF_PRIME,
                   max_terms: int = DEFAULT_MAX_TERMS) -> SingularLocusResult:
    """Singular locus of the neurovariety by the Jacobian criterion.

    Parameters
    ----------
    arch : Architecture or str
    method : {"auto", "toric", "sandwich", "minors"}
        See the module docstring.  ``"auto"``: toric when ``V`` is toric, else the sandwich;
        if its bounds do not meet, the minors route (when within ``max_minors``) narrows them.
    max_minors : int
        ``minors`` route: refuse exact minors beyond this count (:class:`ResourceLimitError`)
        unless ``randomized``.
    randomized : bool
        ``minors`` route: above ``max_minors``, use ``dim V + 1`` random projected
        determinants (probabilistic).
    seed : int
    modulus : int
        Prime of the modular Gröbner bases.
    max_terms : int
        Bound on the estimated terms of one projected determinant (linear sections of the
        sandwich; randomized minors).  Beyond it that step is refused (ResourceLimitError
        for the minors route; for the sandwich the upper bound falls back to ``dim V - 1``).

    Examples
    --------
    >>> r = singular_locus("3,2 s=2")
    >>> r.dimension_of_variety, r.dimension, r.certified, r.route
    (4, 3, True, 'sandwich')
    >>> singular_locus("2,2").dimension   # V = C^3 is smooth
    -1
    >>> r = singular_locus("2,2 s=2")     # the Segre quadric cone: singular at its vertex only
    >>> r.route, r.dimension, r.certified
    ('toric', 0, True)
    """
    from lcnalg.function_space import FunctionSpace

    if method not in ("auto", "toric", "sandwich", "minors"):
        raise InputError(f"method: expected 'auto', 'toric', 'sandwich' or 'minors', got {method!r}")
    start = time.perf_counter()
    fs = FunctionSpace(arch, seed=seed)
    arch_s = str(fs.architecture)
    n = fs.ambient_dimension
    dim_v = fs.dimension.value
    eqs = list(fs.implicit_equations().polynomials)
    codim = n - dim_v
    common = dict(architecture=arch_s, seed=seed, dimension_of_variety=dim_v,
                  ambient_dimension=n, codimension=codim, num_equations=len(eqs),
                  equations=tuple(eqs))
    if not eqs:
        return SingularLocusResult(
            method="V is the whole space", certified=True, dimension=-1, num_minors=0, exact_ideal=True,
            description="V = C^n has no singular points", lower_bound=-1, upper_bound=-1, route="smooth",
            seconds=time.perf_counter() - start, **common)
    if all(g.total_degree() == 1 for g in eqs):
        return SingularLocusResult(
            method="V is a linear space", certified=True, dimension=-1, num_minors=0, exact_ideal=True,
            description="V is a linear subspace: no singular points", lower_bound=-1, upper_bound=-1,
            route="smooth", seconds=time.perf_counter() - start, **common)
    mu = fs.parameterization
    merged = fs.architecture.merged_over_c()
    via = ""
    if merged != fs.architecture:
        # same neurovariety, fewer parameters: families and orbits are those of `merged`
        from lcnalg.parameterization import Parameterization

        mu = Parameterization(merged)
        via = (f"; computed on {merged} (layers joined by stride one merged: the same complex "
               "neurovariety), so parameter families below are that architecture's")
    if method in ("auto", "toric"):
        from lcnalg.singularities._toric import toric_singular_locus

        out = toric_singular_locus(mu, eqs, dim_v)
        if out is not None:
            comps = []
            for i, c in enumerate(out["components"], start=1):
                comps.append({"name": f"S{i}" if c["support"] else "origin", "dimension": c["dimension"],
                              "description": c["description"] if c["support"] else "the vertex c = 0",
                              "degree": c.get("degree"), "component": True,
                              "certificate": "exact Jacobian rank at the base point of the torus orbit"})
            dim = out["dimension"]
            desc = _describe(dim, len(comps))
            return SingularLocusResult(
                method=(f"toric: {out['num_faces']} torus orbits (faces found by exact support tests), "
                        "exact Jacobian rank at each base point; component degrees by Groebner bases over Q"
                        + via),
                certified=True, dimension=dim, lower_bound=dim, upper_bound=dim, route="toric",
                num_minors=0, exact_ideal=False, description=desc, components=tuple(comps),
                seconds=time.perf_counter() - start, primes=(), **common)
        if method == "toric":
            raise InputError(f"architecture {arch_s}: V is not toric (the torus of the finest grading "
                             "has no dense orbit); use method='auto'")
    if method in ("auto", "sandwich"):
        res = _sandwich(mu, eqs, n, dim_v, codim, seed=seed, modulus=modulus, max_terms=max_terms)
        lo, up = res["lower"], res["upper"]
        if lo == up or method == "sandwich":
            desc = _describe(up, len(res["components"])) if lo == up else (
                f"not decided: {lo} <= dim <= {up}")
            return SingularLocusResult(
                method=res["method"] + via, certified=lo == up, dimension=up, lower_bound=lo, upper_bound=up,
                route="sandwich", num_minors=0, exact_ideal=False, description=desc,
                components=tuple(res["components"]), families=tuple(res["families"]),
                how_to_certify="" if lo == up else "find a family of dimension upper_bound in Sing V",
                seconds=time.perf_counter() - start, primes=(modulus,), **common)
    else:
        res = None
    r = _minors_route(eqs, n, dim_v, codim, max_minors=max_minors, randomized=randomized, seed=seed,
                      modulus=modulus, max_terms=max_terms)
    lo = res["lower"] if res else -1
    up = min(r["dimension"], res["upper"]) if res else r["dimension"]
    if not r["exact"]:
        up = res["upper"] if res else dim_v - 1
    dim = r["dimension"]
    if r["certified"]:
        lo = up = dim
    certified = lo == up
    desc = _describe(dim, len(res["components"]) if res else 0) if certified else (
        f"{lo} <= dim <= {up} proved; the mod-p value {dim} of the minors route is "
        "the dimension over Q for all but finitely many p")
    return SingularLocusResult(
        method=r["method"] + ("" if res is None or r["certified"] else "; bounds from " + res["method"]) + via,
        certified=certified, failure_probability=r["fp"] if not certified else None,
        how_to_certify="" if certified else "recompute the Groebner basis over Q (and use all minors)",
        dimension=dim, lower_bound=lo, upper_bound=up, route="minors", num_minors=len(r["minors"]),
        exact_ideal=r["exact"], description=desc,
        components=tuple(res["components"]) if res else (), families=tuple(res["families"]) if res else (),
        generators=tuple(eqs) + tuple(r["minors"]), seconds=time.perf_counter() - start,
        primes=(modulus,), **common)


def _describe(dim: int, ncomp: int) -> str:
    if dim < 0:
        return "empty: V is smooth"
    if dim == 0:
        return "only the origin (V is a cone, smooth away from its vertex)"
    return f"a cone of dimension {dim}" + (f"; {ncomp} piece(s) listed in components" if ncomp else "")


def _origin_singular(eqs: list, n: int, codim: int) -> bool:
    from lcnalg.singularities._sandwich import jacobian_rank_at

    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    return jacobian_rank_at(jac, [0] * n) < codim


def _sandwich(mu: Any, eqs: list, n: int, dim_v: int, codim: int, *, seed: int,
              modulus: int, max_terms: int) -> dict[str, Any]:
    """Lower bound by certified families, upper bound by linear sections (see :mod:`._sandwich`)."""
    from lcnalg.singularities._sandwich import (candidate_families, certify_family, family_contained,
                                                section_upper_bound)

    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    fams = candidate_families(mu)
    verdicts = []
    certified: list[tuple[Any, dict]] = []
    for fam in fams:
        v = certify_family(mu, jac, codim, fam, seed=seed)
        verdicts.append({k: v[k] for k in ("name", "description", "dimension", "jacobian_rank",
                                           "in_singular_locus", "certificate")})
        if v["in_singular_locus"]:
            certified.append((fam, v))
    lower = max([v["dimension"] for _, v in certified], default=-1)
    if lower < 0 and _origin_singular(eqs, n, codim):
        lower = 0
    upper = None
    tries = []
    for u in range(max(lower, 0), dim_v):
        try:
            proved, k = section_upper_bound(eqs, codim, u, seed=seed + u, modulus=modulus,
                                            max_terms=max_terms)
        except ResourceLimitError as err:
            tries.append(f"u={u}: {err}")
            break
        tries.append(f"u={u}: {'proved' if proved else 'not reached'} ({k} determinants)")
        if proved:
            upper = u
            break
    if upper is None:
        # Sing V is a proper closed subset of the irreducible variety V (generic smoothness
        # in characteristic 0), so dim Sing V <= dim V - 1 without computation.
        upper = dim_v - 1
        tries.append(f"u={upper}: Sing V is a proper closed subset of the irreducible V")
    # components: certified families, deduplicated, with exact containments removed
    comps = []
    kept: list[tuple[Any, dict]] = []
    for fam, v in sorted(certified, key=lambda x: -x[1]["dimension"]):
        if any(family_contained(fam, g, mu) for g, _ in kept):
            continue
        kept.append((fam, v))
    for fam, v in kept:
        comps.append({"name": fam.name, "dimension": v["dimension"],
                      "description": "image under mu of: " + fam.description,
                      "component": True if (v["dimension"] == upper == lower) else None,
                      "degree": None, "certificate": v["certificate"], "sample": list(v["sample"])})
    method = (f"sandwich: {len(fams)} candidate filter families, {len(certified)} certified in Sing V "
              f"(bordered minors vanish in Z[t]); linear-section upper bound mod {modulus} "
              f"({'; '.join(tries) if tries else 'none needed'})")
    return {"lower": lower, "upper": upper, "components": comps, "families": verdicts, "method": method}


def _minors_route(eqs: list, n: int, dim_v: int, codim: int, *, max_minors: int, randomized: bool,
                  seed: int, modulus: int, max_terms: int) -> dict[str, Any]:
    """All minors (or random projections) plus a Gröbner basis mod ``modulus``."""
    from lcnalg.polys.groebner import groebner_basis

    ctx = eqs[0].context()
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    zero = ctx.from_dict({})
    total = count_minors(len(eqs), n, codim)
    if total <= max_minors:
        minors = all_minors(jac, codim, zero, max_minors=max_minors,
                            what="minors of the Jacobian of the implicit equations")
        exact = True
        method = f"I + all {codim}x{codim} minors of the Jacobian (exact over Z); Groebner basis mod {modulus}"
        fp = None
    else:
        if not randomized:
            raise ResourceLimitError(
                f"{codim}x{codim} minors of the {len(eqs)}x{n} Jacobian of the implicit equations",
                total, max_minors, "pass max_minors= or randomized=True (CLI: --max-minors / --randomized)")
        deg = codim * max(e.total_degree() - 1 for e in eqs)
        terms = math.comb(n + deg - 1, deg)
        if terms > max_terms:
            raise ResourceLimitError(
                f"terms of one projected {codim}x{codim} determinant (degree {deg} in {n} variables)",
                terms, max_terms, "pass max_terms=")
        minors = random_projected_minors(jac, codim, dim_v + 1, zero, seed=seed, bound=_BOUND)
        exact = False
        method = (f"I + {dim_v + 1} random projections det(A J B) (Cauchy-Binet); Groebner basis mod {modulus}")
        fp = min(1.0, (dim_v + 1) * 2 * codim / (2 * _BOUND + 1))
    gens = eqs + [m for m in minors if not m.is_zero()]
    if exact:
        # the ideal is exact over Z: a verified Groebner basis over Q gives the dimension exactly
        from lcnalg.errors import LCNAlgError

        try:
            gbq = groebner_basis(gens, "degrevlex", max_total_entries=_MAX_Q_ENTRIES)
        except LCNAlgError:
            gbq = None
        if gbq is not None and gbq.certified:
            return {"dimension": gbq.dimension(), "minors": minors, "exact": True, "certified": True,
                    "method": method.replace(f"Groebner basis mod {modulus}",
                                             "Groebner basis over Q (multi-modular, verified exactly)"),
                    "fp": None}
    gb = groebner_basis(gens, "degrevlex", modulus=modulus)
    return {"dimension": gb.dimension(), "minors": minors, "exact": exact, "method": method, "fp": fp,
            "certified": False}
