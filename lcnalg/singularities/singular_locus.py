"""The singular locus of the neurovariety ``V`` (Jacobian criterion), exactly.

``I = (g_1..g_m)`` from :func:`~lcnalg.algebra.implicitization.implicit_equations` (or given
by the caller), ``c = codim V``.  Since
``I`` is prime, ``Sing V = V(K)``, ``K = I + (c×c minors of ∂g_i/∂c_j)``.  Expanding all minors
is hopeless beyond small cases (``3,2,2 s=2,2``: 90 090 minors; ``2x2,2x2 s=2x2``: 1.1e12), so
:func:`singular_locus` tries an ordered table of routes, the first that answers wins:

``whole space`` / ``linear``
    No equation, or only linear ones: ``V`` is a linear space, smooth.

``segre product``
    2D networks whose every layer lies on one axis (shapes ``a x 1``, ``1 x b``): ``μ = P(x) Q(y)``,
    so ``V = V_x ⊗ V_y`` with ``V_x``, ``V_y`` coordinate copies of the function spaces of two 1D
    networks (:func:`axis_networks`), and away from its vertex ``V`` is a ``C*``-bundle over
    ``P(V_x) × P(V_y)`` inside the Segre embedding: ``Sing V = (Sing V_x ⊗ V_y) ∪ (V_x ⊗ Sing V_y)
    ∪ {0}`` (:func:`segre_product_singular_dimension`), from the singular loci of the two 1D
    networks (certified when both are; their bounds otherwise).  It does not rest on the
    equations of ``V``.
``toric``
    When the torus of the finest grading has a dense orbit on ``V`` (computed), ``Sing V`` is
    the union of the torus-orbit closures whose base point has ``rank J_g < c``: finitely many
    exact ranks, exact components and degrees (:mod:`._toric`).  Certified.
``birational``
    Linear networks whose map ``μ̄: P(C^{k_1}) × ⋯ × P(C^{k_L}) → P(V)`` is birational (a generic
    fibre of one point, decided exactly: :mod:`._birational`).  ``μ̄`` is finite (unique
    factorization), so a point of ``P(V)`` is smooth iff its fibre is one point where ``dμ̄`` is
    injective (Nakayama one way, Zariski's main theorem for the normal local ring the other):
    ``Sing V = closure μ(Crit μ ∪ N) ∪ {0}``, ``N`` the points whose fibre has two points or more.
    Critical families (``rank Jμ∘φ`` drops identically, bordered minors in ``Z[t]``) and exchange
    families (two factorizations of one filter, checked in ``Z[t]``) certify a lower bound.  With
    two layers every critical point and double point lies on an exchange family (the
    semi-invariants of the stride group), so the largest generic rank of ``J(μ∘φ)`` over the
    exchange families *is* ``dim Sing V``: certified, in parameter space, without the equations
    of ``V`` (``3x2,2x2 s=2x2``: 5, where the sandwich's sections would need 11x11 determinants
    of about 10^10 terms).  With more layers its lower bound goes to the sandwich, which adds
    its upper bound.  It also answers when no equation (or only linear ones) was found.
``sandwich``
    A lower bound from structured filter families whose images are *certified* to lie in
    ``Sing V`` (bordered minors of ``J_g∘μ∘φ`` vanishing identically in ``Z[t]``) and an upper
    bound from a linear section ``L`` with ``Sing V ∩ L = {0}`` proved by a Gröbner basis mod
    ``p`` of restricted elements of ``K`` (valid for every ``p``: Hilbert functions mod ``p``
    bound those over Q from above).  The bound ``dim V - 1`` needs no section: ``Sing V`` is a
    proper closed subset of the irreducible ``V`` (generic smoothness in characteristic 0), so
    a certified family of dimension ``dim V - 1`` closes the sandwich at once, and sections are
    tried only for smaller bounds (they expand projected determinants of degree ``codim ·
    (deg - 1)``: minutes for ``3,2,3 s=2,2``, which this settles in seconds).  When the bounds
    meet the dimension is certified, and the certified families of that dimension are
    irreducible components (:mod:`._sandwich`).
``minors``
    All minors (exact over Z) and a Gröbner basis mod ``p`` (the previous behaviour; with
    ``randomized=True`` random Cauchy–Binet projections).  The mod-``p`` dimension is an upper
    bound, equal to the dimension over Q for all but finitely many ``p``; not certified (a
    verified Gröbner basis over Q certifies it when it fits ``limits.max_exact_entries``).

**Polynomial networks** (``σ(t) = t^r``, ``r ≥ 2``, docs/theory.md#polynomial-critical-locus).
Every route reads ``Sing V`` off the implicit equations, so they all apply unchanged with the
parameterization of :func:`~lcnalg.parameterization.parameterize`; the images of the critical
points of μ (the zero layers) are the origin only, tested like any point.  The sandwich's
candidate families are the sparse ones (one or two zero weights: sub-networks, whose images
can be met by two parameter orbits, e.g. ``c x_1^2`` for ``2,2 r=2``), the repeated filters and
(2D) the separable layers; the linear-network families (lacunary, factor exchange, shared
hyperroots) describe nothing special there and are still tried as filter families (each is
certified or rejected exactly).  Layers joined by stride one are not merged (``σ`` sits
between them).  What is not certified is reported with its proved bounds, as for linear
networks.

``method`` restricts the table to one route (the smooth cases always come first); every
bound is a field of :class:`~lcnalg.limits.Limits`.

**Certified only with certified equations.**  Every route but ``segre product`` and
``birational`` reads ``Sing V`` off the Jacobian of the equations it is given.  When they are only proved complete up to a degree (not
certified to generate ``I``), the upper bounds still hold (the restricted equations and the
determinants ``det(A J_g B)`` lie in ``I`` and in ``K`` whatever equations are missing, and a
smaller Jacobian only marks more points), but a family found singular by that Jacobian may be
smooth on ``V``: the result then has the proved bounds ``lower..upper`` (the lower bound: the
vertex, ``V`` being no linear space), says in ``limitations`` what rests on the completeness,
and how to certify (``certify=True``).  One irreducible equation of a hypersurface generates
its ideal whatever its status (``I`` is a height-one prime of a factorial ring).
"""


from __future__ import annotations

import dataclasses
import math
import time
from dataclasses import dataclass, field
from typing import Any, Callable

import flint

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.polys.groebner import groebner_basis
from lcnalg.algebra.implicitization import ImplicitEquations, implicit_equations
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, InternalError, LCNAlgError, ResourceLimitError
from lcnalg.limits import DEFAULT_LIMITS, Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.printing import function_space_symbol
from lcnalg.results import Result, Status
from lcnalg.rings import to_fmpq
from lcnalg.polys.minors import count_minors, random_projected_minors
from lcnalg.polys.modular import GF_PRIME
from lcnalg.singularities._sandwich import (candidate_families, certify_family, image_contained,
                                            jacobian_rank_at, section_upper_bound)
from lcnalg.singularities._birational import (birational_certificate, certify_critical_family, certify_exchange,
                                              exchange_families, image_dimension, origin_singular)
from lcnalg.singularities._toric import cone_faces, cone_facets, toric_data, toric_singular_locus
from lcnalg.singularities.critical import jacobian_minors
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["SingularLocusResult", "SingularComponent", "FamilyVerdict", "singular_locus", "METHODS",
           # the routes' building blocks, public here (their modules are private)
           "candidate_families", "certify_family", "section_upper_bound", "toric_singular_locus",
           "axis_networks", "segre_product_singular_dimension", "birational_certificate", "exchange_families",
           "certify_critical_family", "certify_exchange", "image_dimension", "cone_faces", "cone_facets",
           "toric_data"]

#: The accepted values of ``method``.
METHODS = ("auto", "toric", "sandwich", "birational", "minors")
_BOUND = 2**15


@dataclass(frozen=True)
class SingularComponent:
    """An irreducible piece of ``Sing V``.

    Attributes
    ----------
    name : str
    dimension : int
    description : str
    component : bool or None
        True: a certified irreducible component; None: a certified subset of ``Sing V`` whose
        maximality is not decided.
    certificate : str
        Why it lies in ``Sing V``.
    degree : int or None
        Its degree, when computed (toric route).
    sample : tuple of int
        An integer point of it (sandwich route).
    """

    name: str
    dimension: int
    description: str
    component: bool | None
    certificate: str
    degree: int | None = None
    sample: tuple[int, ...] = ()


@dataclass(frozen=True)
class FamilyVerdict:
    """The verdict on one candidate filter family of the sandwich route.

    Attributes
    ----------
    name, description : str
    dimension : int
        Exact rank of ``J(μ∘φ)`` at a random point (the dimension of its image, generically).
    jacobian_rank : int
        Rank of ``J_g`` at that point.
    in_singular_locus : bool or None
        True/False certified; None undecided.
    certificate : str
    """

    name: str
    description: str
    dimension: int
    jacobian_rank: int
    in_singular_locus: bool | None
    certificate: str


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
        ``"smooth"``, ``"segre product"``, ``"toric"``, ``"birational"``, ``"sandwich"`` or ``"minors"``.
    components : tuple of SingularComponent
        Irreducible pieces of ``Sing V`` found.
    families : tuple of FamilyVerdict
        ``sandwich`` route: every candidate family tried, with its verdict.
    description : str
        The locus in words.
    equations_certified : bool
        Whether the implicit equations used are certified to generate the ideal of ``V``.
        When they are only complete up to a degree, the certified families, the certified
        components and the lower bound rest on that unproved completeness (the Jacobian of
        fewer equations can drop rank where ``V`` is smooth); the upper bound (linear
        sections: the section and the determinants lie in ``I`` and ``K`` whatever is
        missing) still holds; :attr:`lower_bound` is then the bound that holds without it,
        and :attr:`limitations` says what rests on it.
    generators, equations : tuple
        The ideal used and the equations of ``V`` (``fmpz_mpoly``; not exported).

    The :attr:`status` is certified (only when the equations are), probabilistic (random
    projections) or the proved bounds ``lower..upper``.
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
    components: tuple[SingularComponent, ...] = ()
    families: tuple[FamilyVerdict, ...] = field(default=(), repr=False)
    equations_certified: bool = True
    generators: tuple = field(default=(), repr=False, compare=False, metadata={"export": False})
    equations: tuple = field(default=(), repr=False, compare=False, metadata={"export": False})

    title = "singular locus"

    @property
    def status(self) -> Status:
        """Certified; probabilistic (random projections, with the failure bound); or the
        proved bounds ``lower_bound..upper_bound``."""
        if self.certified:
            return Status.certified()
        if self.failure_probability is not None:
            return Status.probabilistic(self.failure_probability, self.how_to_certify)
        return Status.bounds(self.lower_bound, self.upper_bound, reason=self.limitations or self.description)

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
        point = checks.sequence(point, "point", f"a sequence of {self.ambient_dimension} exact coordinates")
        eqs = self.equations
        vals = [to_fmpq(x, "point") for x in point]
        if len(vals) != self.ambient_dimension:
            raise InputError(f"point: expected {self.ambient_dimension} coordinates, got {len(vals)}")
        if not eqs:
            return False
        if any(_eval_q(g, vals) != 0 for g in eqs):
            return False
        n = self.ambient_dimension
        M = flint.fmpq_mat([[_eval_q(g.derivative(j), vals) for j in range(n)] for g in eqs])
        return M.rank() < self.codimension

    def to_text(self) -> str:
        lines = [f"singular locus of V[{self.architecture}]: dimension {self.dimension} "
                 f"(V: dimension {self.dimension_of_variety} in C^{self.ambient_dimension}); "
                 f"{self.description}  [{self.status}; {self.method}]"]
        for c in self.components:
            tag = ("component" if c.component else "contained in Sing V" if self.equations_certified
                   else "singular for the equations found")
            deg = f", degree {c.degree}" if c.degree is not None else ""
            lines.append(f"  {tag}: {c.name} (dim {c.dimension}{deg}): {c.description}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        return rf"\dim \operatorname{{Sing}} \overline{{{function_space_symbol(self.architecture)}}} = {self.dimension}"


def _eval_q(g: Any, vals: list) -> Any:
    total = flint.fmpq(0)
    for e, c in zip(g.monoms(), g.coeffs()):
        term = flint.fmpq(int(c))
        for v, k in zip(vals, e):
            if k:
                term *= v ** int(k)
        total += term
    return total


@dataclass
class _Problem:
    """What every route needs, plus the sandwich bounds once that route has run."""

    mu: Parameterization
    eqs: list
    n: int
    dim_v: int
    codim: int
    method: str
    seed: int
    modulus: int
    randomized: bool
    limits: Limits
    start: float
    via: str
    common: dict
    sandwich: dict | None = None
    #: whether the equations generate the ideal of V (certified), and up to which degree
    #: they are proved complete (None: not even that)
    eq_certified: bool = True
    eq_degree: int | None = None
    #: a lower bound on dim Sing V proved without the implicit equations (birational route)
    free_lower: int = -1
    birational_why: str = ""
    #: the birational route's bounds when it did not answer (auto), for the sandwich to combine
    birational: dict | None = None
    #: routes that stepped aside at a bound (auto), named in the answer's limitations
    skipped: list[str] = dataclasses.field(default_factory=list)

    def result(self, **fields: Any) -> SingularLocusResult:
        return SingularLocusResult(seconds=time.perf_counter() - self.start, **fields, **self.common)


def _describe(dim: int, ncomp: int) -> str:
    if dim < 0:
        return "empty: V is smooth"
    if dim == 0:
        return "only the origin (V is a cone, smooth away from its vertex)"
    return f"a cone of dimension {dim}" + (f"; {ncomp} piece(s) listed in components" if ncomp else "")


def _smooth(p: _Problem, method: str, description: str) -> SingularLocusResult:
    return p.result(method=method, certified=True, dimension=-1, num_minors=0, exact_ideal=True,
                    description=description, lower_bound=-1, upper_bound=-1, route="smooth")


def _whole_space_route(p: _Problem) -> SingularLocusResult | None:
    if p.eqs:
        return None
    if p.dim_v == p.n:
        return _smooth(p, "V is the whole space", "V = C^n has no singular points")
    found = ("no equation of V is known" if not p.eq_degree
             else f"V has no equation of degree <= {p.eq_degree}")
    return _without_equations(p) or _unfinished(p, "no equation found", found)


def _linear_route(p: _Problem) -> SingularLocusResult | None:
    if not all(g.total_degree() == 1 for g in p.eqs):
        return None
    if jacobian_rank_at([[g.derivative(j) for j in range(p.n)] for g in p.eqs], [0] * p.n) == p.codim:
        # V lies in the linear space V(eqs) of its own dimension: V is that space, whatever
        # the status of the equations
        return _smooth(p, "V is a linear space", "V is a linear subspace: no singular points")
    return _without_equations(p) or _unfinished(
        p, "only linear equations found",
        f"only {len(p.eqs)} linear equation(s) of V were found, fewer than its codimension")


def _without_equations(p: _Problem) -> SingularLocusResult | None:
    """The birational route (it reads no equation of ``V``) when the equations found cannot
    answer; None when it does not apply or is not asked for."""
    if p.method not in ("auto", "birational"):
        return None
    try:
        return _birational_route(p) if p.method == "birational" else _birational_route(
            dataclasses.replace(p, method="birational"))
    except InputError:
        return None


def _unfinished(p: _Problem, method: str, found: str) -> SingularLocusResult:
    """The equations found do not cut out ``V`` (they are not certified and miss the equations
    of higher degree): ``V`` is then not a linear space, so its vertex is singular (when the
    equations are proved complete in degree 1) and ``Sing V`` is a proper subset."""
    lo = 0 if (p.eq_degree or 0) >= 1 else -1
    up = p.dim_v - 1
    return p.result(method=method, certified=lo == up, dimension=up, num_minors=0, exact_ideal=False,
                    description=f"not decided: {lo} <= dim <= {up}", lower_bound=lo, upper_bound=up,
                    route="smooth", equations_certified=False,
                    how_to_certify=_HOW_TO_CERTIFY,
                    limitations=f"{found}: {_equations_state(p)}; {up} = dim V - 1 bounds any proper "
                    f"closed subset of the irreducible V; to certify, {_HOW_TO_CERTIFY}")


#: How a result that rests on uncertified equations is certified.
_HOW_TO_CERTIFY = ("compute the implicit equations with certify=True (CLI: lcnalg equations --certify) "
                   "and pass them as equations=")


def _equations_state(p: _Problem) -> str:
    if p.eq_degree is None:
        return "the implicit equations are not certified"
    if p.eq_degree == 0:
        return ("the search for implicit equations stopped before degree 1 (at a resource bound, which "
                "lcnalg equations names with the option that raises it, or at max_degree)")
    return f"the implicit equations are proved complete only up to degree {p.eq_degree}, not certified"


def _honest(p: _Problem, out: SingularLocusResult) -> SingularLocusResult:
    """``out`` as far as it is proved when the equations are not certified to generate ``I``.

    The upper bounds of every route hold for any equations of ``V`` (the section and the
    determinants lie in ``I`` and ``K``; a smaller Jacobian only marks more points); the
    families found singular, the components and so the lower bound rest on the equations
    generating ``I`` (with equations missing, the Jacobian can drop rank where ``V`` is
    smooth).  Proved without them: ``V`` has a non-linear equation and is no linear space, so
    its vertex is singular (``dim Sing V >= 0``) once the equations are complete in degree 1.
    """
    if p.eq_certified or out.route in ("smooth", "segre product", "birational"):   # none rests on V's equations
        return out
    nonlinear = any(g.total_degree() > 1 for g in p.eqs)
    lo = min(max(0 if nonlinear and (p.eq_degree or 0) >= 1 else -1, p.free_lower), out.upper_bound)
    up = out.upper_bound
    if lo == up:
        return dataclasses.replace(out, lower_bound=lo, equations_certified=False)   # proved both ways
    fams = [c.name for c in out.components if c.name != "origin"]
    shown = ", ".join(fams[:4]) + (f" and {len(fams) - 4} more" if len(fams) > 4 else "")
    rests = (f"the lower bound {out.lower_bound}"
             + (f" (families {shown} found singular by the Jacobian of these equations)" if fams else "")
             + " and the components")
    limitations = (f"{_equations_state(p)}: {rests} rest on their generating the ideal of V (an equation "
                   "missing could raise the rank of the Jacobian); the upper bound "
                   f"{up} holds whatever is missing; to certify, {_HOW_TO_CERTIFY}")
    return dataclasses.replace(
        out, certified=False, failure_probability=None, lower_bound=lo, equations_certified=False,
        components=tuple(dataclasses.replace(c, component=None) for c in out.components),
        description=(f"{lo} <= dim <= {up} proved; dim = {out.dimension} if the equations found generate "
                     "the ideal of V"),
        how_to_certify=_HOW_TO_CERTIFY, method=out.method.replace(" certified in Sing V", " singular for them"),
        limitations="; ".join(x for x in (limitations, out.limitations) if x))


def _toric_route(p: _Problem) -> SingularLocusResult | None:
    try:
        out = toric_singular_locus(p.mu, p.eqs, p.dim_v, limits=p.limits)
    except ResourceLimitError as err:
        if p.method == "toric":
            raise
        p.skipped.append(f"the toric route was not run: {err}")
        return None   # the next routes do not need the faces
    if out is None:
        if p.method == "toric":
            raise InputError(f"architecture {p.common['architecture']}: V is not toric (the torus of the "
                             "finest grading has no dense orbit); use method='auto'")
        return None
    comps = tuple(
        SingularComponent(f"S{i}" if c["support"] else "origin", c["dimension"],
                          c["description"] if c["support"] else "the vertex c = 0", True,
                          "exact Jacobian rank at the base point of the torus orbit", c.get("degree"))
        for i, c in enumerate(out["components"], start=1))
    dim = out["dimension"]
    return p.result(
        method=(f"toric: {out['num_faces']} torus orbits (the faces of the weight cone, by double description, "
                "each checked on the equations), "
                "exact Jacobian rank at each base point; component degrees by Groebner bases over Q" + p.via),
        certified=True, dimension=dim, lower_bound=dim, upper_bound=dim, route="toric", num_minors=0,
        exact_ideal=False, description=_describe(dim, len(comps)), components=comps, primes=())


def _sandwich_route(p: _Problem) -> SingularLocusResult | None:
    res = p.sandwich = _sandwich_bounds(p)
    bir = p.birational
    if bir is not None and bir["lower"] > res["lower"]:
        # the birational route's families (no equations of V) raise the lower bound
        lo = min(bir["lower"], res["upper"])
        res["lower"] = lo
        res["components"] = _birational_components(p, bir["kept"], lo, res["upper"]) + tuple(
            c for c in res["components"] if c.dimension > bir["lower"])
        res["method"] = bir["method"] + "; " + res["method"]
    lo, up = res["lower"], res["upper"]
    if lo != up and p.method != "sandwich":
        return None   # the minors route may narrow the bounds
    desc = _describe(up, len(res["components"])) if lo == up else f"not decided: {lo} <= dim <= {up}"
    out = p.result(
        method=res["method"] + p.via, certified=lo == up, dimension=up, lower_bound=lo, upper_bound=up,
        route="sandwich", num_minors=0, exact_ideal=False, description=desc,
        components=res["components"], families=res["families"],
        how_to_certify="" if lo == up else "find a family of dimension upper_bound in Sing V",
        primes=(p.modulus,))
    return out


def _birational_bounds(p: _Problem) -> dict[str, Any] | None:
    """The birational route's bounds (:mod:`._birational`), or None when ``μ̄`` is not proved
    birational (the reason in ``p.birational_why``).  Keys: ``lower``, ``upper`` (None unless
    proved: two layers), ``kept`` (the certified families, deduplicated), ``method``."""
    mu, dim_v, seed, limits = p.mu, p.dim_v, p.seed, p.limits
    ok, how = birational_certificate(mu, dim_v, seed=seed, limits=limits)
    if not ok:
        p.birational_why = how
        return None
    two = mu.architecture.num_layers == 2
    fams = [] if two else candidate_families(mu)
    limits.check("max_family_work", f"entries of J mu evaluated over {len(fams)} candidate families "
                 f"({len(fams)} x {mu.ambient_dimension} x {mu.num_parameters})",
                 len(fams) * mu.ambient_dimension * mu.num_parameters)
    triples = exchange_families(mu, limits=limits)
    found: list[tuple[Any, dict]] = []
    tried = 0
    exact: list[str] = []   # why the two-layer upper bound is not proved, if it is not
    for fam, other, _same in triples:
        tried += 1
        try:
            v = certify_exchange(mu, fam, other, seed=seed, limits=limits)
            if two:
                dim, proved, why = image_dimension(mu, fam, seed=seed, limits=limits)
                v["dimension"] = dim
                if not (proved and v["double"]):
                    exact.append(f"{fam.name}: {why if not proved else v['certificate']}")
        except ResourceLimitError as err:   # this family is not certified; the others still count
            exact.append(f"{fam.name}: {err}")
            continue
        if v["double"]:
            found.append((fam, dict(v, kind="double points")))
    # two layers: the shared families lie in the closures of the exchange families (module
    # docstring of _birational); otherwise the candidate families are tried as critical families
    for fam in fams + ([] if two else [same for _, _, same in triples]):
        tried += 1
        try:
            v = certify_critical_family(mu, fam, dim_v, seed=seed, limits=limits)
        except ResourceLimitError:
            continue
        if v["critical"]:
            found.append((fam, dict(v, kind="critical points")))
    for _, v in found:
        if v["dimension"] >= dim_v:  # pragma: no cover - a bug: the image of Crit or N is a proper subset
            raise InternalError(f"birational route: family {v['name']} of dimension {v['dimension']} >= dim V")
    origin = 0 if origin_singular(mu.architecture) else -1
    lower = max([v["dimension"] for _, v in found], default=origin)
    upper = lower if two and not exact else None
    kept: list[tuple[Any, dict]] = []
    for fam, v in sorted(found, key=lambda x: -x[1]["dimension"]):
        if any(image_contained(fam, g, mu, w["dimension"]) for g, w in kept):
            continue
        kept.append((fam, v))
    method = (f"birational: mu is birational onto P(V) ({how}), so Sing V is the closure of mu(Crit mu) and of "
              f"the double points; {tried} families tried, {len(found)} certified (critical: the rank of J mu "
              "drops identically in Z[t]; double points: two parameterizations with one image in Z[t]), "
              "without V's equations")
    if two:
        method += ("; two layers: every critical point and double point lies on an exchange family, so "
                   + ("the largest image dimension of the exchange families (generic ranks of J(mu o phi), "
                      f"proved by bordered minors in Z[t]) is dim Sing V = {upper}" if upper is not None else
                      "dim Sing V is the largest image dimension of the exchange families, not proved for: "
                      + "; ".join(exact)))
    return {"lower": lower, "upper": upper, "kept": kept, "method": method}


def _birational_components(p: _Problem, kept: list, lo: int, up: int) -> tuple[SingularComponent, ...]:
    return tuple(
        SingularComponent(fam.name, v["dimension"], f"image under mu of ({v['kind']}): " + fam.description,
                          True if v["dimension"] == lo == up else None, v["certificate"], None,
                          tuple(int(x) for x in p.mu.evaluate(list(v["sample"]))))
        for fam, v in kept)


def _birational_route(p: _Problem) -> SingularLocusResult | None:
    """Linear networks whose ``μ̄`` is birational: ``Sing V = closure μ(Crit μ ∪ N)``.  Two layers:
    the exact dimension from the exchange families; otherwise a lower bound (certified critical
    and double-point families), handed to the sandwich (auto) or with ``dim V - 1`` above it.
    Neither bound reads the equations of ``V``."""
    if p.mu.architecture.activation is not None:
        if p.method == "birational":
            raise InputError(f"architecture {p.common['architecture']}: the birational route is stated for "
                             "linear networks; use method='auto'")
        return None
    try:
        res = _birational_bounds(p)
    except ResourceLimitError:
        if p.method == "birational":
            raise
        return None   # beyond its bounds the route steps aside for the sandwich
    if res is None:
        if p.method == "birational":
            raise InputError(f"architecture {p.common['architecture']}: the birational route needs mu to be "
                             f"birational onto P(V): {p.birational_why}; use method='auto'")
        return None
    p.free_lower = res["lower"]
    lo = res["lower"]
    up = res["upper"] if res["upper"] is not None else p.dim_v - 1
    if lo != up and p.method == "auto":
        p.birational = res   # the sandwich combines it with its upper bound
        return None
    comps = _birational_components(p, res["kept"], lo, up)
    upper_how = "" if res["upper"] is not None else (
        f"; upper bound dim V - 1 = {up} (Sing V is a proper closed subset of the irreducible V)")
    desc = _describe(up, len(comps)) if lo == up else f"not decided: {lo} <= dim <= {up}"
    return p.result(
        method=res["method"] + upper_how + p.via, certified=lo == up, dimension=up, lower_bound=lo,
        upper_bound=up, route="birational", num_minors=0, exact_ideal=False, description=desc,
        components=comps, equations_certified=p.eq_certified, how_to_certify="" if lo == up else (
            "find a family of dimension upper_bound in mu(Crit mu) or the double points, or a smaller upper "
            "bound (method='auto' adds the sandwich's)"),
        primes=())


def _minors_route(p: _Problem) -> SingularLocusResult:
    res = p.sandwich
    try:
        r = _minors_dimension(p)
    except ResourceLimitError as err:
        if res is None:
            raise
        # the sandwich's proved bounds are the answer, with the bound that stopped the rest
        lo, up = res["lower"], res["upper"]
        return p.result(
            method=res["method"] + p.via, certified=False, dimension=up, lower_bound=lo, upper_bound=up,
            route="sandwich", num_minors=0, exact_ideal=False, description=f"not decided: {lo} <= dim <= {up}",
            components=res["components"], families=res["families"], primes=(p.modulus,),
            how_to_certify="find a family of dimension upper_bound in Sing V, or raise the bound below",
            limitations=f"the minors route that could narrow the bounds was not run: {err}")
    lo = res["lower"] if res else -1
    up = min(r["dimension"], res["upper"]) if res else r["dimension"]
    if not r["exact"]:
        up = res["upper"] if res else p.dim_v - 1
    dim = r["dimension"]
    if r["certified"]:
        lo = up = dim
    certified = lo == up
    desc = _describe(dim, len(res["components"]) if res else 0) if certified else (
        f"{lo} <= dim <= {up} proved; the mod-p value {dim} of the minors route is "
        "the dimension over Q for all but finitely many p")
    return p.result(
        method=r["method"] + ("" if res is None or r["certified"] else "; bounds from " + res["method"]) + p.via,
        certified=certified, failure_probability=r["fp"] if not certified else None,
        how_to_certify="" if certified else "recompute the Groebner basis over Q (and use all minors)",
        dimension=dim, lower_bound=lo, upper_bound=up, route="minors", num_minors=len(r["minors"]),
        exact_ideal=r["exact"], description=desc,
        components=res["components"] if res else (), families=res["families"] if res else (),
        generators=tuple(p.eqs) + tuple(r["minors"]), primes=(p.modulus,))


def axis_networks(arch: Architecture) -> tuple[Architecture | None, Architecture | None] | None:
    """The two 1D networks of a 2D linear network whose every layer lies on one axis, or None.

    When each layer has extent 1 along some axis, ``μ(θ) = P(x) Q(y)``: ``P`` is the product of
    the layers ``q_l(x^{T_l})`` along ``x`` (``T_l`` their cumulative ``x``-strides) and ``Q``
    likewise along ``y`` (a ``1x1`` layer is a scalar of either).  Dividing the ``T_l`` by the first
    one, ``P(x) = R(x^{T_1})`` with ``R`` the end-to-end filter of the 1D network of those layers at
    the strides ``T_{j+1}/T_j``, so the cone of the ``P`` is a coordinate copy of that network's
    function space; None for an axis without such a layer (``P`` a scalar).

    Examples
    --------
    >>> x, y = axis_networks(Architecture.parse("1x2,3x1,2x1 s=2x1,1x1"))
    >>> str(x), str(y)
    ('3,2', '2')
    >>> axis_networks(Architecture.parse("2x2,2x1")) is None
    True
    """
    if arch.ndim != 2 or arch.activation is not None or arch.channels is not None \
            or any(min(f) > 1 for f in arch.filters):
        return None
    t = arch.cumulative_strides
    out: list[Architecture | None] = []
    for axis in (0, 1):
        layers = [(int(f[axis]), int(t[l][axis])) for l, f in enumerate(arch.filters) if f[axis] > 1]
        if not layers:
            out.append(None)
            continue
        sizes = ",".join(str(k) for k, _ in layers)
        strides = ",".join(str(b // a) for (_, a), (_, b) in zip(layers, layers[1:]))
        out.append(Architecture.parse(sizes + (f" s={strides}" if strides else "")))
    return out[0], out[1]


def segre_product_singular_dimension(dim_a: int, sing_a: int, dim_b: int, sing_b: int) -> int:
    """``dim Sing(A ⊗ B)`` for irreducible cones ``A ⊆ C^a``, ``B ⊆ C^b`` from their dimensions and
    the dimensions of their singular loci (``-1``: smooth, ``0``: the vertex only).

    ``A ⊗ B = {p ⊗ q}`` minus its vertex is a ``C*``-bundle over ``P(A) × P(B)`` inside the Segre
    embedding (a closed embedding of ``P^{a-1} × P^{b-1}``), so it is smooth at ``p ⊗ q ≠ 0`` iff
    ``A`` is smooth at ``p`` and ``B`` at ``q``: ``Sing(A ⊗ B) = (Sing A ⊗ B) ∪ (A ⊗ Sing B) ∪ {0}``,
    of dimensions ``sing_a + dim_b − 1`` (when ``sing_a ≥ 1``), ``dim_a + sing_b − 1`` and ``0``.
    The vertex is singular once both cones have dimension at least 2 (``A ⊗ B`` is then no linear
    space); a cone of dimension at most 1 is a line, and ``A ⊗ B`` a copy of the other.  The value is
    non-decreasing in ``sing_a`` and ``sing_b``, so bounds on them give bounds on it.

    Examples
    --------
    >>> segre_product_singular_dimension(3, -1, 3, -1)   # rank-1 3x3 matrices: the vertex
    0
    >>> segre_product_singular_dimension(4, 3, 3, -1)     # Sing A (dim 3) times B (dim 3)
    5
    >>> segre_product_singular_dimension(1, -1, 4, 3)     # A a line: a copy of B
    3
    """
    if dim_a <= 1:
        return sing_b
    if dim_b <= 1:
        return sing_a
    return max(0, sing_a + dim_b - 1 if sing_a >= 1 else 0, dim_a + sing_b - 1 if sing_b >= 1 else 0)


def _axis_factor(arch: Architecture | None, p: "_Problem") -> tuple[int, int, int, bool, str]:
    """``(dim, lower, upper, certified, text)`` of the singular locus of one axis network (a line when None)."""
    if arch is None:
        return 1, -1, -1, True, "a scalar"
    if arch.num_layers == 1:
        k = int(arch.filters[0][0])
        return k, -1, -1, True, f"{arch}: C^{k}"
    r = singular_locus(arch, seed=p.seed, modulus=p.modulus, limits=p.limits)
    return (r.dimension_of_variety, r.lower_bound, r.upper_bound, r.certified and r.lower_bound == r.upper_bound,
            f"{arch}: dim {r.dimension_of_variety}, Sing " + (str(r.dimension) if r.certified
                                                               else f"{r.lower_bound}..{r.upper_bound}"))


def _segre_product_route(p: _Problem) -> SingularLocusResult | None:
    """2D networks whose layers each lie on one axis: ``V = V_x ⊗ V_y`` (:func:`axis_networks`) and
    :func:`segre_product_singular_dimension` of the singular loci of the two 1D networks."""
    axes = axis_networks(p.mu.architecture)
    if axes is None:
        return None
    try:
        fa, fb = _axis_factor(axes[0], p), _axis_factor(axes[1], p)
    except ResourceLimitError:   # a 1D locus beyond the bounds: the other routes, on V's own equations
        return None
    if fa[0] + fb[0] - 1 != p.dim_v:  # pragma: no cover - a bug
        raise InternalError(f"segre product: dimensions {fa[0]} + {fb[0]} - 1 != dim V = {p.dim_v}")
    lo = segre_product_singular_dimension(fa[0], fa[1], fb[0], fb[1])
    up = segre_product_singular_dimension(fa[0], fa[2], fb[0], fb[2])
    certified = fa[3] and fb[3] and lo == up
    return p.result(
        method=("every layer lies on one axis, so V = V_x ⊗ V_y (mu = P(x) Q(y)) and Sing V = (Sing V_x ⊗ V_y) ∪ "
                f"(V_x ⊗ Sing V_y) ∪ {{0}} (the Segre embedding); x: {fa[4]}; y: {fb[4]}" + p.via),
        certified=certified, dimension=up, lower_bound=lo, upper_bound=up, route="segre product", num_minors=0,
        exact_ideal=False, description=_describe(up, 0) if certified else f"not decided: {lo} <= dim <= {up}",
        how_to_certify="" if certified else "decide the singular loci of the two 1D networks",
        primes=(p.modulus,))


#: The routes in order: (name, the methods that run it, the route).
ROUTES: tuple[tuple[str, tuple[str, ...], Callable[[_Problem], SingularLocusResult | None]], ...] = (
    ("whole space", METHODS, _whole_space_route),
    ("linear", METHODS, _linear_route),
    ("segre product", ("auto",), _segre_product_route),
    ("toric", ("auto", "toric"), _toric_route),
    ("birational", ("auto", "birational"), _birational_route),
    ("sandwich", ("auto", "sandwich"), _sandwich_route),
    ("minors", ("auto", "minors"), _minors_route),
)


def _problem(arch: Architecture, *, method: str, dimension: int | None, equations: ImplicitEquations | None,
             randomized: bool, seed: int, modulus: int, limits: Limits, start: float,
             parameterization: Any = None) -> _Problem:
    """The equations, dimensions and parameterization (of the merged architecture) of the request."""
    mu = parameterization if parameterization is not None else parameterize(arch, limits=limits)
    n = mu.ambient_dimension
    dim_v = dimension if dimension is not None else function_space_dimension(mu, seed=seed).value
    if dim_v > n:
        raise InputError(f"dimension: {dim_v} exceeds the ambient dimension {n} of {arch}; pass the "
                         "dimension of the function space (or None to compute it)")
    if equations is None:
        equations = implicit_equations(mu, seed=seed, dimension=dim_v, limits=limits)
    eqs = list(equations.polynomials)
    # merging layers joined by stride one is a linear-network fact (no activation between them)
    merged = arch if arch.activation is not None else arch.merged_over_c()
    via = ""
    if merged != arch:
        # same neurovariety, fewer parameters: families and orbits are those of `merged`
        mu = Parameterization(merged, limits=limits)
        via = (f"; computed on {merged} (layers joined by stride one merged: the same complex "
               "neurovariety), so parameter families below are that architecture's")
    common = dict(architecture=str(arch), seed=seed, dimension_of_variety=dim_v, ambient_dimension=n,
                  codimension=n - dim_v, num_equations=len(eqs), equations=tuple(eqs))
    return _Problem(mu=mu, eqs=eqs, n=n, dim_v=dim_v, codim=n - dim_v, method=method, seed=seed,
                    modulus=modulus, randomized=randomized, limits=limits, start=start, via=via,
                    common=common, eq_certified=bool(equations.certified) or _principal(eqs, n - dim_v, limits),
                    eq_degree=equations.complete_up_to_degree)


def _principal(eqs: list, codim: int, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Whether one equation, irreducible over Q, of a hypersurface ``V`` generates its ideal:
    ``I`` is then a prime of height one in a factorial ring, so principal, ``I = (h)``, and
    ``h`` divides the equation, which is irreducible (exact, whatever the equations' status).
    An equation of more than ``limits.max_certificate_terms`` terms is not factored (False).

    Examples
    --------
    >>> import flint
    >>> x, y, z = flint.fmpz_mpoly_ctx.get(("x", "y", "z"), "degrevlex").gens()
    >>> _principal([x*y - z**2], 1), _principal([(x - y)**2], 1), _principal([x, y], 2)
    (True, False, False)
    """
    if codim != 1 or len(eqs) != 1 or eqs[0].total_degree() < 1 or len(eqs[0]) > limits.max_certificate_terms:
        return False
    _, factors = mpoly_factor(eqs[0])
    return len(factors) == 1 and int(factors[0][1]) == 1


def singular_locus(arch: Architecture | str, *, method: str = "auto", dimension: int | None = None,
                   equations: ImplicitEquations | None = None, randomized: bool = False, seed: int = 0,
                   modulus: int = GF_PRIME, max_minors: int | None = None, max_terms: int | None = None,
                   limits: Limits | None = None, parameterization: Any = None) -> SingularLocusResult:
    """Singular locus of the neurovariety by the Jacobian criterion.

    Parameters
    ----------
    arch : Architecture or str
    method : {"auto", "toric", "sandwich", "birational", "minors"}
        See the module docstring.  ``"auto"``: toric when ``V`` is toric, else the birational
        route when ``μ`` is birational and it closes the bounds, else the sandwich (with the
        birational lower bound); if its bounds do not meet, the minors route (when within
        ``limits.max_minors``) narrows them.  ``"birational"`` refuses a network whose ``μ`` is
        not proved birational (:class:`~lcnalg.errors.InputError`).
    dimension : int, optional
        ``dim V`` if already known (else computed, with ``seed``).
    equations : ImplicitEquations, optional
        The implicit equations of ``V`` if already known (else computed, with ``seed`` and
        ``limits``).
    randomized : bool
        ``minors`` route: above ``limits.max_minors``, use ``dim V + 1`` random projected
        determinants (probabilistic).
    seed : int
        Seed of every random choice.
    modulus : int
        Prime of the modular Gröbner bases.
    max_minors : int, optional
        Overrides ``limits.max_minors``: the ``minors`` route refuses more exact minors
        (:class:`~lcnalg.errors.ResourceLimitError`) unless ``randomized``.
    max_terms : int, optional
        Overrides ``limits.max_locus_terms``: the estimated terms of one projected determinant
        of the randomized minors route.  (The linear sections of the sandwich are bounded by
        ``limits.max_section_terms``; beyond it the upper bound falls back to ``dim V - 1``.)
    limits : Limits, optional
        Resource bounds, handed unchanged to the implicit equations and every route.
    parameterization : optional
        The parameterization of ``arch`` if already built (:func:`~lcnalg.parameterization.parameterize`).

    Examples
    --------
    >>> r = singular_locus("3,2 s=2")
    >>> r.dimension_of_variety, r.dimension, r.certified, r.route
    (4, 3, True, 'birational')
    >>> singular_locus("3,2 s=2", method="sandwich").dimension
    3
    >>> singular_locus("2,2").dimension   # V = C^3 is smooth
    -1
    >>> r = singular_locus("2,2 s=2")     # the Segre quadric cone: singular at its vertex only
    >>> r.route, r.dimension, r.certified
    ('toric', 0, True)
    """
    dimension, randomized, seed, modulus = checks.arguments(dimension=dimension, randomized=randomized, seed=seed, modulus=modulus)
    if not isinstance(method, str) or method not in METHODS:
        raise InputError("method: expected 'auto', 'toric', 'sandwich', 'birational' or 'minors', "
                         f"got {checks.short(method, 40, quote=True)}")
    start = time.perf_counter()
    limits = Limits.coerce(limits, max_minors=max_minors, max_locus_terms=max_terms)
    arch = Architecture.coerce(arch)
    dimension, equations, parameterization = checks.handed_down(
        arch, number=True, dimension=dimension, equations=equations, parameterization=parameterization)
    p = _problem(arch, method=method, dimension=dimension, equations=equations, randomized=randomized,
                 seed=seed, modulus=modulus, limits=limits, start=start, parameterization=parameterization)
    # every route but the first forms the Jacobian of the equations and its exact ranks
    limits.check("max_jacobian_entries", f"entries of the Jacobian of the {len(p.eqs)} implicit equations "
                 f"({len(p.eqs)} x {p.n})", len(p.eqs) * p.n)
    for _name, methods, route in ROUTES:
        if method in methods:
            out = route(p)
            if out is not None:
                if p.skipped:
                    out = dataclasses.replace(out, limitations="; ".join(
                        x for x in (*p.skipped, out.limitations) if x))
                return _honest(p, out)
    raise InternalError("no route of singular_locus answered")  # pragma: no cover (minors always answers)


def _origin_singular(eqs: list, n: int, codim: int) -> bool:
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    return jacobian_rank_at(jac, [0] * n) < codim


#: Rounds of the families' certificates: the share of ``limits.max_minor_terms`` each family
#: may spend in round k is ``SHARES[k]`` of it (and never more than what is left of it).
SHARES = (1 / 64, 1 / 16, 1 / 4, 1)


def _certify_in_rounds(mu: Any, jac: list, codim: int, fams: list, seed: int, limits: Limits) -> list[dict]:
    """:func:`certify_family` on every family, with the terms of all their bordered minors
    bounded together by ``limits.max_minor_terms``.  In round ``k`` each family still open may
    spend ``SHARES[k]`` of the bound (at most what is left); those stopped by their share are
    tried again in the next round; within a round, families with fewer parameters (smaller
    minors) go first.  Every attempt's terms count, the stopped ones included, so the whole stays
    within the bound; a cheap certificate is not starved by an expensive one tried before it,
    and a family the rounds leave open says which bound stopped it (``--max-minor-terms``).
    The verdicts come in the order of ``fams``."""
    total = limits.max_minor_terms
    spent = 0
    out: list[dict] = [{} for _ in fams]
    pending = sorted(range(len(fams)), key=lambda k: fams[k].ctx.nvars())   # fewer parameters: smaller minors
    for r, share in enumerate(SHARES):
        retry = []
        for k in pending:
            if r and spent >= total:
                break   # the earlier round's verdict stands (stopped by its share)
            left = total - spent
            bound = max(1, min(int(total * share), left))
            budget = dataclasses.replace(limits, max_minor_terms=bound).budget(
                "max_minor_terms", f"terms of the sub-minors of the bordered minors of the family {fams[k].name}")
            out[k] = certify_family(mu, jac, codim, fams[k], seed=seed, limits=limits, budget=budget)
            spent += min(budget.used, bound)
            if budget.used > bound and bound < left:   # stopped by its share, not by the whole bound
                retry.append(k)
        pending = retry
    return out


def _sandwich_bounds(p: _Problem) -> dict[str, Any]:
    """Lower bound by certified families, upper bound by linear sections (see :mod:`._sandwich`)."""
    mu, eqs, n, dim_v, codim, seed, modulus = p.mu, p.eqs, p.n, p.dim_v, p.codim, p.seed, p.modulus
    fams = candidate_families(mu)
    p.limits.check("max_family_work", f"Jacobian entries of the {len(eqs)} implicit equations evaluated "
                   f"over {len(fams)} candidate families ({len(fams)} x {len(eqs)} x {n})", len(fams) * len(eqs) * n)
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    verdicts = []
    certified: list[tuple[Any, dict]] = []
    for fam, v in zip(fams, _certify_in_rounds(mu, jac, codim, fams, seed, p.limits)):
        verdicts.append(FamilyVerdict(v["name"], v["description"], v["dimension"], v["jacobian_rank"],
                                      v["in_singular_locus"], v["certificate"]))
        if v["in_singular_locus"]:
            certified.append((fam, v))
    lower = max([v["dimension"] for _, v in certified], default=-1)
    if lower < 0 and _origin_singular(eqs, n, codim):
        lower = 0
    upper = None
    tries = []
    # u = dim V - 1 needs no section: Sing V is a proper closed subset of the irreducible V
    # (below); a section is tried only for a smaller u
    for u in range(max(lower, 0), dim_v - 1):
        try:
            proved, k = section_upper_bound(eqs, codim, u, seed=seed + u, modulus=modulus, limits=p.limits)
        except ResourceLimitError as err:
            tries.append(f"u={u}: {err}")
            continue   # a larger u is a smaller section: cheaper
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
    kept: list[tuple[Any, dict]] = []
    for fam, v in sorted(certified, key=lambda x: -x[1]["dimension"]):
        if any(image_contained(fam, g, mu, w["dimension"]) for g, w in kept):
            continue
        kept.append((fam, v))
    comps = tuple(
        SingularComponent(fam.name, v["dimension"], "image under mu of: " + fam.description,
                          True if (v["dimension"] == upper == lower) else None, v["certificate"],
                          None, tuple(v["sample"]))
        for fam, v in kept)
    method = (f"sandwich: {len(fams)} candidate filter families, {len(certified)} certified in Sing V "
              f"(bordered minors vanish in Z[t]); linear-section upper bound mod {modulus} "
              f"({'; '.join(tries) if tries else 'none needed'})")
    return {"lower": lower, "upper": upper, "components": comps, "families": tuple(verdicts), "method": method}


def _minors_dimension(p: _Problem) -> dict[str, Any]:
    """All minors (or random projections) plus a Gröbner basis mod ``modulus`` (over Q when the
    exact ideal fits ``limits.max_exact_entries``)."""
    eqs, n, dim_v, codim, modulus, limits = p.eqs, p.n, p.dim_v, p.codim, p.modulus, p.limits
    ctx = eqs[0].context()
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    zero = ctx.from_dict({})
    total = count_minors(len(eqs), n, codim)
    what = f"{codim}x{codim} minors of the {len(eqs)}x{n} Jacobian of the implicit equations"
    if total <= limits.max_minors:
        minors = jacobian_minors(jac, codim, zero, limits, what)
        exact = True
        method = f"I + all {codim}x{codim} minors of the Jacobian (exact over Z); Groebner basis mod {modulus}"
        fp = None
    else:
        if not p.randomized:
            raise limits.refuse("max_minors", what + " (random projections instead, probabilistic: the Python "
                                "keyword randomized=True of singular_locus, no command-line option)", total)
        deg = codim * max(e.total_degree() - 1 for e in eqs)
        limits.check("max_locus_terms", f"terms of one projected {codim}x{codim} determinant "
                     f"(degree {deg} in {n} variables)", math.comb(n + deg - 1, deg))
        minors = random_projected_minors(jac, codim, dim_v + 1, zero, seed=p.seed, bound=_BOUND)
        exact = False
        method = (f"I + {dim_v + 1} random projections det(A J B) (Cauchy-Binet); Groebner basis mod {modulus}")
        fp = min(1.0, (dim_v + 1) * 2 * codim / (2 * _BOUND + 1))
    gens = eqs + [m for m in minors if not m.is_zero()]
    if exact:
        # the ideal is exact over Z: a verified Groebner basis over Q gives the dimension exactly
        try:
            gbq = groebner_basis(gens, "degrevlex", max_total_entries=limits.max_exact_entries, limits=limits)
        except LCNAlgError:
            gbq = None
        if gbq is not None and gbq.certified:
            return {"dimension": gbq.dimension(), "minors": minors, "exact": True, "certified": True,
                    "method": method.replace(f"Groebner basis mod {modulus}",
                                             "Groebner basis over Q (multi-modular, verified exactly)"),
                    "fp": None}
    try:
        gb = groebner_basis(gens, "degrevlex", modulus=modulus, limits=limits,
                            max_total_entries=limits.max_locus_entries)
    except ResourceLimitError as err:
        if err.limit != "max_total_entries":
            raise
        raise limits.refuse("max_locus_entries", "total Macaulay entries of the Groebner basis of "
                            "the minors ideal of the singular locus", err.estimate) from None
    return {"dimension": gb.dimension(), "minors": minors, "exact": exact, "method": method, "fp": fp,
            "certified": False}
