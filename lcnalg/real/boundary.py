"""The boundary of the function space.

1D stride one: ``M`` is closed, and a form's nearby forms have at least as many real roots
as it has real roots of *odd* multiplicity (and some have exactly that many: perturb
``(z − a)^μ`` to ``(z − a)^μ + ε``), so ``∂M = {c ∈ M : #real roots of odd multiplicity
(infinity included) < m}`` plus ``0`` when ``M ≠ R^k``: every such nonzero form has a
repeated root, so ``∂M`` lies in the discriminant hypersurface ``Disc(c) = 0``
(discriminant of the form of formal degree ``d``).

Elsewhere: coordinate copies are carried back from the smaller model; when ``M = V(R)`` is
Zariski closed the boundary is empty or ``M`` itself; when ``dim M < k`` it is ``M`` itself,
and the boundary relative to ``V(R)`` is derived in 1D (:mod:`lcnalg.real.orbit_description`),
2D stride one (:mod:`lcnalg.real.pattern_boundary`) and 2D with layer 1 the only layer at stride
one (:mod:`lcnalg.real.polyphase_boundary_2d`); with several layers at stride one before one strided
level sufficient tests on it (monomial, pair, slack and gcd pair limits) and off it (interior points), with bounds on its
dimension (:func:`lcnalg.real.polyphase_head_2d.head_boundary_member`,
:mod:`lcnalg.real.polyphase_head_boundary_2d`).
"""

from __future__ import annotations

import math
import time
from fractions import Fraction
from dataclasses import dataclass, field, replace
from typing import Any

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.errors import InputError, ResourceLimitError, UndecidedError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.univariate import odd_real_roots_projective, real_roots_projective
from lcnalg.printing import align, function_space_symbol
from lcnalg.real.closedness import ClosednessResult
from lcnalg.real.boundary_closure_2d import relative_boundary_closure_2d
from lcnalg.real.boundary_equations import (AUTO_AMBIENT, AUTO_CERTIFY_ENTRIES, relative_boundary_equations,
                                            type_dimension)
from lcnalg.real.description import (ClosedCase, RealDescription, min_real_roots, stride_one_1d, closed_case, embedding_head,
                                     equations_limitation, linear_architecture, one_channel_architecture,
                                     ambient, vanish)
from lcnalg.real.embedding import CoordinateEmbedding, coordinate_embedding
from lcnalg.real.membership import contains, parse_filter
from lcnalg.real.orbit_description import relative_boundary_dimension, relative_boundary_member
from lcnalg.real.orbit_tilings import orbit_model, witness_polynomial
from lcnalg.real.pattern_boundary import describe as describe_pattern_boundary
from lcnalg.real.pattern_boundary import pattern_boundary_dimension, pattern_boundary_member
from lcnalg.real.patterns import stride_one_2d
from lcnalg.real.polyphase_2d import polyphase_2d_shape, why_not_polyphase
from lcnalg.real.polyphase_boundary_2d import describe as describe_polyphase_boundary
from lcnalg.real.polyphase_boundary_2d import polyphase_boundary_dimension, polyphase_boundary_member
from lcnalg.real.polyphase_head_2d import head_2d_shape, head_boundary_member
from lcnalg.real.polyphase_head_boundary_2d import head_boundary_dimension
from lcnalg.real.type_strata import TypeStrata
from lcnalg.rings import integer_ring

__all__ = ["BoundaryResult", "boundary"]

#: The relative family of the head case: certified sufficient tests on it (monomial, pair, slack and gcd pair limits) and off it
#: (interior points), with bounds on its dimension.
HEAD_FAMILY = "2D polyphase head (monomial limits)"


@dataclass(frozen=True, kw_only=True)
class BoundaryResult(RealDescription):
    """The boundary of ``M`` (1D stride one), or why lcnalg has none.

    The fields shared with the inequalities are those of
    :class:`~lcnalg.real.description.RealDescription` (``everything``: the boundary is empty;
    ``discriminant``: ``∂M ⊆ {Disc = 0}``; ``closed``, ``equations``: outside 1D stride one,
    when ``M = V(R)`` is thin, ``∂M = M`` is cut out by these equations).

    Attributes
    ----------
    thin : bool or None
        True when ``dim M < k``: then ``M`` (closed) has empty interior and ``∂M = M``.
    relative : str
        The boundary relative to the smallest natural ambient set (``V(R)``, or the
        coordinate subspace of an embedded copy), where lcnalg derives it, else why not.
    relative_family : str
        ``"root orbits"`` (1D, any strides), ``"2D factorization patterns"`` (2D stride one) or
        ``"2D polyphase gcd"`` (2D, layer 1 the only layer at stride one, the others at one
        stride) when the relative boundary is decided pointwise (:meth:`is_relative_boundary_point`).
    relative_dimension : int or None
        Its real dimension, when the bounds of
        :func:`~lcnalg.real.orbit_description.relative_boundary_dimension` meet (1D), else the
        largest dimension of a type stratum on it (1D, the exact type union of
        :mod:`lcnalg.real.type_strata`, within ``max_nodes``), or from the exhaustive search of
        :func:`~lcnalg.real.pattern_boundary.pattern_boundary_dimension` (2D stride one) or of
        :func:`~lcnalg.real.polyphase_boundary_2d.polyphase_boundary_dimension` (2D polyphase gcd).
    relative_samples : tuple
        Exact rational points of a top-dimensional stratum of the relative boundary.
    relative_dimension_bounds : tuple
        ``(lower, upper)`` where only bounds are proved (head case, ``"2D polyphase head (monomial limits)"``:
        :func:`~lcnalg.real.polyphase_head_boundary_2d.head_boundary_dimension`; ``lower`` None when no family
        was certified); empty elsewhere.
    relative_equations : tuple of tuple of str
        1D (``"root orbits"``): the ideals of the components of the Zariski closure of the
        relative boundary over Q (:func:`~lcnalg.real.boundary_equations.relative_boundary_equations`;
        one tuple of generators per component, ``^`` for powers, parsable by ``sympy.sympify``);
        a filter lies in that closure iff the generators of some component vanish at it
        (:meth:`in_relative_boundary_closure`).  2D stride one and ``"2D polyphase gcd"``: likewise, the
        closures of the strata of ``∂_V M``
        (:func:`~lcnalg.real.boundary_closure_2d.relative_boundary_closure_2d`).
    relative_equations_status : str
        ``"certified"`` (every component's ideal certified and every lower stratum placed),
        ``"complete up to degree d"``, ``"not computed: …"`` or ``"not derived: …"`` with the
        reason; empty where there is no relative boundary to describe.
    relative_components : tuple of str
        Per component: its dimension, the type stratum it closes and its ideal's status.
    relative_polynomials : tuple of tuple
        Not exported: the generators as FLINT polynomials in ``c0, …``.
    """

    thin: bool | None = None
    relative: str = ""
    relative_family: str = ""
    relative_dimension: int | None = None
    relative_samples: tuple = ()
    relative_dimension_bounds: tuple = ()
    relative_equations: tuple = ()
    relative_equations_status: str = ""
    relative_components: tuple = ()
    relative_polynomials: tuple = field(default=(), repr=False, compare=False, metadata={"export": False})

    def in_relative_boundary_closure(self, filt: Any) -> bool:
        """Exact test: do the generators of some component of :attr:`relative_equations` vanish
        at the filter?  With ``relative_equations_status == "certified"`` this is membership in
        the Zariski closure (over Q) of the relative boundary; otherwise in a set containing it.

        Raises
        ------
        InputError
            When no equations were derived (the status says why).

        Examples
        --------
        >>> b = boundary("3,2 s=2")                     # λ(z² − b)², closure c1 = c3 = 0 = c2² − 4c0c4
        >>> b.in_relative_boundary_closure([1, 0, -2, 0, 1]), b.in_relative_boundary_closure([1, 0, 0, 0, 1])
        (True, False)
        """
        if not self.relative_polynomials:
            raise InputError(f"no equations of the relative boundary of {self.architecture}: "
                             f"{self.relative_equations_status or 'no relative boundary derived'}")
        c = parse_filter(filt, Architecture.parse(self.architecture))
        den = math.lcm(*(Fraction(x).denominator for x in c))
        ints = [int(Fraction(x) * den) for x in c]
        return any(all(p(*ints) == 0 for p in comp) for comp in self.relative_polynomials)

    def is_relative_boundary_point(self, filt: Any, *, limits: Limits | None = None) -> bool:
        """Exact test: is the filter on the boundary of ``M`` relative to ``V(R)``?

        Derived for 1D architectures with ``M ⊊ V(R)`` (``relative_family == "root orbits"``:
        the generisation search of :func:`~lcnalg.real.orbit_description.relative_boundary_member`)
        and for 2D stride one (``"2D factorization patterns"``: the slot search of
        :func:`~lcnalg.real.pattern_boundary.pattern_boundary_member`), and for 2D with layer 1 the
        only layer at stride one (``"2D polyphase gcd"``: the slot search on the polyphase gcd of
        :func:`~lcnalg.real.polyphase_boundary_2d.polyphase_boundary_member`).  For layers ``1..k``
        (``k ≥ 2``) at stride one and the others at one stride (``"2D polyphase head (monomial
        limits)"``) the tests are sufficient only: ``True`` when a monomial, pair, slack or gcd pair limit of
        :func:`~lcnalg.real.polyphase_head_2d.head_boundary_member` leaves ``M``, ``False`` off ``M`` and at
        interior points (every complex factorization real with the differential of full rank,
        :func:`~lcnalg.real.polyphase_head_2d.head_interior_member`).
        ``limits`` bounds the search (``max_nodes``), the root isolation and the absolute factorization.

        Raises
        ------
        InputError
            When the relative boundary is not derived for this architecture.
        UndecidedError
            Head case: when no limit leaves ``M`` and the interior criterion does not apply (the point may or may
            not be on it; the message says which condition fails).

        Examples
        --------
        >>> b = boundary("3,2 s=2")
        >>> b.is_relative_boundary_point([1, 0, -2, 0, 1]), b.is_relative_boundary_point([-1, 0, 0, 0, 1])
        (True, False)
        >>> b = boundary("2x2,2x2")                      # ((1 + x)(1 + y))^2 = lim q q̄; g_1 g_2
        >>> b.is_relative_boundary_point([1, 2, 1, 2, 4, 2, 1, 2, 1]), b.is_relative_boundary_point([2, 3, 1, 3, 5, 2, 1, 2, 1])
        (True, False)
        >>> b = boundary("2x2,2x2 s=2x1", equations=False)  # (1 + x) y^2 = lim (1 + x)(y^2 + ε^2); (1 + x)(1 + x^2)(1 + y)
        >>> b.is_relative_boundary_point([0, 0, 1, 0, 0, 1] + [0] * 6), b.is_relative_boundary_point([1, 1, 0] * 4)
        (True, False)
        """
        if self.relative_family not in ("root orbits", "2D factorization patterns", "2D polyphase gcd", HEAD_FAMILY):
            raise InputError(f"the relative boundary is not derived for {self.architecture}: {self.relative}")
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.relative_family == HEAD_FAMILY:
            if all(x == 0 for x in c):
                return True                     # M ≠ V(R): V(R) \ M is a non-empty cone
            head = head_boundary_member(arch, list(c), limits)
            if head.on_boundary is None:
                raise UndecidedError(f"relative boundary undecided at this point: {head.reason}")
            return head.on_boundary
        if self.relative_family == "2D factorization patterns":
            return pattern_boundary_member(arch, list(c), limits).on_boundary
        if self.relative_family == "2D polyphase gcd":
            return polyphase_boundary_member(arch, list(c), limits).on_boundary
        return relative_boundary_member(arch, c, limits)[0]

    title = "boundary"

    def is_boundary_point(self, filt: Any, *, limits: Limits | None = None) -> bool:
        """Exact test: does the filter lie on the (Euclidean) boundary of ``M``?

        ``limits`` bounds the exact tests (``max_root_work``: the real-root counts, degree³;
        the bounds of :func:`~lcnalg.real.membership.contains`).

        Examples
        --------
        >>> b = boundary("2,2,2")
        >>> b.is_boundary_point([-2, 5, -4, 1]), b.is_boundary_point([-6, 11, -6, 1])  # (z-1)^2(z-2), (z-1)(z-2)(z-3)
        (True, False)
        """
        if not self.decided:
            raise InputError(f"no boundary description available: {self.limitations}")
        if self.everything:
            return False
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.inner is not None:
            sub = self.embedding.restrict(c)
            if sub is None:
                return False
            if self.embedding.proper:           # ∂M = M
                return bool(contains(self.inner.architecture, list(sub), limits=limits).contained)
            return self.inner.is_boundary_point(list(sub), limits=limits)
        if self.closed:
            return vanish(self, c, limits)
        if self.thin:                            # ∂M = M, decided exactly by contains()
            return bool(contains(arch, list(c), limits=limits).contained)
        if all(x == 0 for x in c):
            return True
        return real_roots_projective(c, limits) >= self.m and odd_real_roots_projective(c, limits) < self.m

    def to_text(self) -> str:
        lines = [f"boundary of M[{self.architecture}]:", self.description]
        if self.relative:
            lines.append(f"relative boundary: {self.relative}")
        if self.relative_equations:
            lines.append(f"Zariski closure of the relative boundary ({self.relative_equations_status}): "
                         f"{len(self.relative_equations)} component(s)")
            for i, (eqs, comp) in enumerate(zip(self.relative_equations, self.relative_components), start=1):
                lines.append(f"  component {i}: {comp}")
                lines.extend(f"    {e} = 0" for e in eqs)
        elif self.relative_equations_status:
            lines.append(f"equations of the relative boundary: {self.relative_equations_status}")
        if self.discriminant:
            lines.append(f"discriminant: {self.discriminant}")
        if self.equations:
            lines.append(f"equations of ∂M = M ({self.equations_status}):")
            lines.extend(f"  {e} = 0" for e in self.equations)
        if self.limitations:
            lines.append(f"limitations: {self.limitations}")
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if not self.decided:
            return rf"$\partial {sym}$: not derived"
        if self.everything:
            return rf"$\partial {sym} = \emptyset$"
        if self.thin and not self.closed:
            return (f"% M is closed with empty interior in R^k: its boundary is M itself\n"
                    + (f"% relative boundary: {self.relative}\n" if self.relative else "")
                    + rf"$\partial {sym} = {sym}$" + self._relative_latex(sym))
        if self.closed:
            return (f"% M is closed with empty interior: its boundary is M ({self.equations_status} equations)\n"
                    rf"$\partial {sym} = {sym} = V(\mathbb{{R}})$" + (":\n" + align(
                        [(f"f_{{{i + 1}}}", tex)
                         for i, tex in enumerate(self.latex_polynomials(self.equations, self.polynomials))])
                        if self.equations else "."))

        if not self.discriminant:
            return rf"$\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}}$"
        disc = self.latex_polynomials((self.discriminant,), self.expressions)[0]
        return (rf"$\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}},\quad "
                rf"\operatorname{{Disc}} = {disc}$")


    def _relative_latex(self, sym: str) -> str:
        """The components of the Zariski closure of ``∂_V M`` as displayed equations."""
        if not self.relative_equations:
            return (f"\n% equations of the relative boundary: {self.relative_equations_status}"
                    if self.relative_equations_status else "")
        out = [f"\n% Zariski closure of the relative boundary over Q ({self.relative_equations_status})",
               rf"$\overline{{\partial_{{V}} {sym}}}^{{\mathrm{{Zar}}}} = "
               + r" \cup ".join(f"Z_{{{i + 1}}}" for i in range(len(self.relative_equations))) + "$, where"]
        for i, (eqs, polys, comp) in enumerate(zip(self.relative_equations, self.relative_polynomials,
                                                  self.relative_components), start=1):
            out.append(f"% component {i}: {comp}")
            out.append(rf"$Z_{{{i}}}$:")
            out.append(align([("0", tex) for tex in self.latex_polynomials(eqs, polys)]))
        return "\n".join(out)


def _relative_equations(arch: Architecture, limits: Limits | None, seed: int, max_degree: int | None,
                        equations: Any) -> dict[str, Any]:
    """The fields of the Zariski closure of ``∂_V M`` (1D root orbits).  Computed when asked
    (``equations=True`` or a ``max_degree``: within the limits, refusals raised) or, by default, for
    at most :data:`~lcnalg.real.boundary_equations.AUTO_AMBIENT` coordinates (refusals reported)."""
    if equations is False:
        return {"relative_equations_status": "not computed (equations=False; CLI: --no-equations)"}
    n = arch.end_to_end_filter_shape[0]
    asked = equations is True or max_degree is not None
    limits = Limits.coerce(limits)
    if not asked:
        if n > AUTO_AMBIENT:
            return {"relative_equations_status": (
                f"not computed ({n} > {AUTO_AMBIENT} coordinates; pass equations=True or a max_degree, CLI: "
                "--max-degree D, to derive them within the limits)")}
        limits = Limits.coerce(limits, max_total_entries=min(limits.max_total_entries, AUTO_CERTIFY_ENTRIES))
    if arch.ndim == 2:       # 2D: only when asked (the strata's implicitizations cost seconds to minutes)
        if not asked:
            return {"relative_equations_status": "not computed by default in 2D (pass equations=True or a max_degree, "
                    "CLI: --max-degree D, to derive them within the limits)"}
        return _closure_2d(arch, limits, seed, max_degree, asked)
    r, failed = _attempt(lambda: relative_boundary_equations(arch, max_degree=max_degree, seed=seed, limits=limits),
                         asked)
    if failed:
        return failed
    if r.certified:
        status = "certified"
    else:
        degree = min(c.equations.complete_up_to_degree for c in r.components if not c.equations.certified)
        status = f"complete up to degree {degree}"
        if r.not_shown:
            status += f"; {len(r.not_shown)} lower type strata not shown to lie in these components"
    comps = tuple(
        f"dimension {c.dimension}, closure of the type {c.rtype.to_text()}"
        + (f" (and of {len(c.same_closure)} other type(s) with the same complex classes)" if c.same_closure else "")
        + (f"; {c.galois}" if getattr(c, "galois", "") else "")
        + ("; certified" if c.equations.certified else
           f"; complete up to degree {c.equations.complete_up_to_degree}")
        for c in r.components)
    return {"relative_equations": tuple(tuple(c.equations.equations) for c in r.components),
            "relative_polynomials": tuple(tuple(c.equations.polynomials) for c in r.components),
            "relative_equations_status": status, "relative_components": comps}


def _attempt(compute: Any, asked: bool) -> tuple[Any, dict[str, Any] | None]:
    """``(compute(), None)``, or ``(None, fields)`` saying why the equations were not derived: an
    input outside the family, or a bound met when they were not asked for (a bound met when they
    were asked for is raised, naming the option)."""
    try:
        return compute(), None
    except (InputError, ResourceLimitError) as err:
        if asked and isinstance(err, ResourceLimitError):
            raise
        return None, {"relative_equations_status": f"not derived: {err}"}


def _closure_2d(arch: Architecture, limits: Limits, seed: int, max_degree: int | None, asked: bool) -> dict[str, Any]:
    """The fields of the Zariski closure of ``∂_V M`` for the 2D families (stride one, polyphase gcd):
    :func:`~lcnalg.real.boundary_closure_2d.relative_boundary_closure_2d`."""
    r, failed = _attempt(lambda: relative_boundary_closure_2d(arch, max_degree=max_degree, seed=seed, limits=limits),
                         asked)
    if failed:
        return failed
    if r.certified:
        status = "certified"
    else:
        open_ = [c.equations.complete_up_to_degree for c in r.components if not c.equations.certified]
        status = (f"complete up to degree {min(open_)}" if open_ else "certified ideals") + (
            "" if all(c.exact for c in r.components) else "; a dimension only bounded below")
    comps = tuple(f"dimension {c.dimension}, closure of the stratum {c.stratum}"
                  + (f" (and of {len(c.same_closure)} other(s) with the same free factors)" if c.same_closure else "")
                  + ("; certified" if c.equations.certified
                     else f"; complete up to degree {c.equations.complete_up_to_degree}")
                  for c in r.components)
    return {"relative_equations": tuple(tuple(c.equations.equations) for c in r.components),
            "relative_polynomials": tuple(tuple(c.equations.polynomials) for c in r.components),
            "relative_equations_status": status, "relative_components": comps}


def _embedded_boundary(inner: BoundaryResult, emb: CoordinateEmbedding, start: float) -> BoundaryResult:
    ren = emb.rename
    common = dict(architecture=str(emb.outer), embedded_architecture=str(emb.inner), vanishing=emb.vanishing,
                  inner=inner, embedding=emb, seconds=time.perf_counter() - start,
                  method=f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}")
    if not emb.proper:
        return replace(inner, discriminant=ren(inner.discriminant), equations=tuple(ren(e) for e in inner.equations),
                       description=embedding_head(emb) + f"; the boundary of M[{emb.inner}]: " + inner.description,
                       limitations=inner.limitations,
                       relative=ren(inner.relative), **common)
    k = math.prod(emb.outer.end_to_end_filter_shape)
    closed = True if inner.everything else inner.closed
    if not inner.decided:
        relative = f"inside that subspace: not derived ({inner.limitations})"
    elif inner.everything:
        relative = "inside that subspace M is everything: empty"
    elif inner.closed:
        relative = "inside V(R): empty (M = V(R) is Zariski closed)"
    else:
        relative = (f"inside that subspace, the boundary of M[{emb.inner}] (in its own coordinates, see the "
                    "description): " + inner.description)
        if inner.discriminant:
            relative += f"; discriminant {ren(inner.discriminant)}"
    return BoundaryResult(
        decided=True, certified=True, everything=False, thin=True, closed=closed, relative=relative,
        description=(embedding_head(emb) + f"; so M lies in a coordinate subspace of dimension {len(emb.positions)}"
                     f" < {k}, has empty interior in R^{k} and is closed (docs/theory.md#closedness): ∂M = M"), **common)


def _relative_dimension(arch: Architecture, limits: Limits | None) -> tuple[int | None, tuple, str]:
    """The dimension of ``∂_V M`` where its bounds meet, rational sample points, and words."""
    dim = relative_boundary_dimension(arch, limits)
    if not dim.exact:
        refused = dim.lower is None and dim.upper is None
        bounds = ("the configuration search of relative_boundary_dimension was refused by max_states" if refused else
                  f"its bounds are [{dim.lower if dim.lower is not None else 0}, {dim.upper}]: upper the frontier "
                  "of V(R) \\ M, lower an exhibited type stratum")
        exact = _type_union_dimension(arch, limits)
        if isinstance(exact, str):
            return None, (), f"its dimension is not derived ({bounds}; the type strata: {exact})"
        return exact, (), (f"dimension {exact} (exact: ∂_V M is 0 plus the union of the type strata whose type "
                           f"the generisation test puts on it, each of dimension 1 + #real classes + 2·#pairs; "
                           f"{bounds})")
    samples = []
    model = orbit_model(arch)
    if 4 % model.T == 0 or 6 % model.T == 0:
        w = witness_polynomial(model, list(dim.boundary_blocks))
        if w is not None and all(x.is_Rational for x in w):
            samples.append(tuple(Fraction(str(x)) for x in w))
    return dim.lower, tuple(samples), (
        f"dimension {dim.lower} (exact: a type stratum of V(R) \\ M of dimension {dim.upper + 1} whose conjugate "
        f"pair of classes tends to a real class lands in M, and the frontier of V(R) \\ M has dimension < "
        f"{dim.upper + 1})")


def _type_union_dimension(arch: Architecture, limits: Limits | None) -> int | str:
    """``dim ∂_V M`` as the largest dimension of a type stratum on it (exact: it is a finite union
    of non-empty type strata, :mod:`lcnalg.real.type_strata`), or why not (a refusal)."""
    try:
        on = TypeStrata(arch, limits).members("relative boundary")
    except ResourceLimitError as err:
        return str(err)
    if not on:
        return "no type stratum lies on it"
    return max(type_dimension(t) for t in on)


def _thin_boundary(arch: Architecture, case: ClosedCase, dimension: Any, seed: int,
                   start: float, limits: Limits | None = None, max_degree: int | None = None,
                   equations: Any = None) -> BoundaryResult | None:
    """``dim M < k`` (exact): ``M`` is closed with empty interior, so ``∂M = M``."""
    k = math.prod(arch.end_to_end_filter_shape)
    if dimension is None:
        dimension = function_space_dimension(Parameterization(arch, limits=limits), seed=seed)
    value, certified = (dimension, True) if isinstance(dimension, int) else (dimension.value, dimension.certified)
    if not (certified and value < k):
        return None
    relative = f"not derived ({case.verdict})"
    family = ""
    rel_dim, rel_samples, rel_bounds = None, (), ()
    rel_eqs: dict[str, Any] = {}
    if case.closed is False and arch.activation is None and arch.ndim == 1:
        family = "root orbits"
        rel_dim, rel_samples, dim_text = _relative_dimension(arch, limits)
        rel_eqs = _relative_equations(arch, limits, seed, max_degree, equations)
        relative = (
            "∂_V M = M ∩ closure(V(R) \\ M) = {P ∈ M : some generisation κ' of the root-orbit type κ(P) has "
            "N ∈ Σ C(B) but (N, m) ∉ Σ R(B)} (classes split: a real class into real classes of its sign and "
            "conjugate pairs b, b̄ → a; a pair into pairs; 0 and ∞ of multiplicity μ into smaller 0, ∞ and "
            "classes of any shape, μ roots in all), "
            "plus 0; decided exactly at a point by is_relative_boundary_point() (docs/theory.md#orbit-description); "
            + dim_text)
    elif case.closed is False and stride_one_2d(arch):
        family = "2D factorization patterns"
        try:
            dim = pattern_boundary_dimension(arch, limits)
            rel_dim = dim.lower if dim.exact else None
            rel_samples = (tuple(Fraction(x) for x in dim.sample),) if dim.exact and dim.sample else ()
            dim_text = describe_pattern_boundary(dim)
        except ResourceLimitError as err:
            dim_text = f"its dimension is not derived ({err})"
        rel_eqs = _relative_equations(arch, limits, seed, max_degree, equations)
        relative = (
            "∂_V M = M ∩ ⋃_{π ∈ Π_V \\ Π_M} closure(S_π), closure(S_π) = {c · Π_r G_r · Π_c H_c·conj(H_c)}: one "
            "factor per type of π (with multiplicity), G_r real of bidegree ≤ d_r for R(d_r), H_c complex of "
            "bidegree ≤ d_c for C(d_c); so P ≠ 0 is on it iff P ∈ M and its absolute factors can be shared out "
            "among the slots of some π ∈ Π_V \\ Π_M (R: conjugation-closed, C: F ∪ conj(F)), and 0 iff "
            "Π_V ≠ Π_M; decided exactly at a point by is_relative_boundary_point() "
            "(docs/theory.md#pattern-boundary); " + dim_text)
    elif case.closed is False and polyphase_2d_shape(arch) is not None:
        family = "2D polyphase gcd"
        try:
            dim = polyphase_boundary_dimension(arch, limits)
            rel_dim = dim.dimension
            rel_samples = (tuple(Fraction(x) for x in dim.sample),) if dim.degree is not None else ()
            dim_text = describe_polyphase_boundary(dim)
        except ResourceLimitError as err:
            dim_text = f"its dimension is not derived ({err})"
        rel_eqs = _relative_equations(arch, limits, seed, max_degree, equations)
        relative = (
            "layer 1 is the only layer at stride (1, 1), so P = A(x, y)·Q(x^a, y^b) and membership depends only on "
            "deg P and the factor types of G_P, the gcd of the polyphase components; V(R) \\ M is the union of the "
            "strata Σ_(δ,π) = {P : deg P = δ, π(G_P) = π} outside M, closure(Σ_(δ,π)) = {A·Q(x^a, y^b) : deg A ≤ "
            "δ − (a, b)·|π|, Q ∈ closure(S_π)} (S_π's closure: one factor per slot of π), so P ≠ 0 is on "
            "∂_V M iff P ∈ M and some absolute factors of G_P can be placed into the slots of such a π (R: conjugation-closed, "
            "C: F ∪ conj(F)) with (a, b)·(their total bidegree) ≥ deg P − deg A, and 0 iff M ≠ V(R); decided exactly "
            "at a point by is_relative_boundary_point() (docs/theory.md#polyphase-2d-boundary); " + dim_text)
    elif case.closed is False and arch.activation is None and head_2d_shape(arch) is not None:
        family = HEAD_FAMILY
        try:
            hd = head_boundary_dimension(arch, limits)
            rel_bounds = (hd.lower, hd.upper)
            rel_dim = hd.lower if hd.exact else None
            rel_samples = (hd.sample,) if hd.exact else ()
            dim_text = "its dimension: " + hd.reason + ("" if hd.exact else " (the exact dimension is not derived)")
        except ResourceLimitError as err:
            dim_text = f"its dimension is bounded by dim V − 1 only (the families were refused: {err})"
        relative = (
            "layers 1..k (k ≥ 2) sit at stride (1, 1) and the others at one stride (a, b), so P = A·Q(x^a, y^b); "
            "two certified sufficient tests are derived. On it: P ∈ M is on ∂_V M when, for c ≤ i (the exponent of u "
            "in the polyphase gcd G_P, u = x^a) and factors u + σ_k of chosen signs and multiplicities m_k, "
            "P_σ = P·Π(x^a + σ_k)^{m_k} / x^{ac} (likewise along y) leaves M for every small σ: its real factors and "
            "the blocks of its gcd are those of P with the monomials replaced (x^a + σ splits by the sign of σ and the "
            "parity of a), so the membership theorem decides all small σ at once, and P_σ ∈ V(R) (same absolute "
            "data); likewise pair limits g^2 → g^2 + σ^2 for a square factor g linear in x or in y with "
            "g^2 ∉ R[x^a, y^b] (g ± iσ absolutely irreducible, in no block, new), slack limits P·(1 + σ^2 x^{2i}) when "
            "two layers of a real factorization have room for x^i (q_l(1 + iσx^i), q_l'(1 − iσx^i)), and gcd pair "
            "limits: a square g^2 of a Q-irreducible factor of G_P, univariate or linear in u (in v), opens into "
            "g^2 + σ^2, i.e. P_σ = P·(g^2 + σ^2)(x^a, y^b) / g(x^a, y^b)^2, whose new real factors are pairs only (for "
            "2x2,2x2,2x2 s=1x1,2x1, (x^2 + β)^2 (y+1)(y+2)(y+3) is in M iff β ≤ 0, and for β < 0 the limit of "
            "|x^2 − w^2|^2 (y+1)(y+2)(y+3), "
            "w → √(−β), the image of complex layers (x − w)(y+1), (x + w)(y+2), (u − w̄^2)(v+3)). Off it (an interior point of M "
            "inside V(R)): every complex factorization of P into layers is real up to scalars, and at each the "
            "kernel of the differential of the parameterization is the tangent space of the scalings (no term r_l/q_l "
            "of a kernel vector can have a pole: disjoint pole orders along every factor two layers share; no "
            "monomial other than 1 in the slack spaces of two layers), so the parameterization is injective up to "
            "scalars near each factorization and every point of V(R) near P has a real one (or the same after merging the "
            "univariate layers of each axis, every merged layer then interior to its one-dimensional function space: "
            "as many real roots of odd multiplicity as odd layers). P ∉ M is not on it; 0 is "
            "(M ≠ V(R)); decided at a point by is_relative_boundary_point(), which raises UndecidedError where "
            "neither test applies (docs/theory.md#polyphase-head-2d). Not derived: other limits through the factors "
            "f of G_P (the real split of f(x^a, y^b) is a semi-algebraic condition on f; squares of factors of other "
            "shapes, irrational real factors alone, openings g^2 + σ^2 h^2), through other factors of the "
            "stride-one part, and points with a non-real complex factorization or a shared factor with overlapping "
            "pole orders; " + dim_text)
    elif case.closed is False and arch.ndim == 2 and arch.activation is None:
        relative = (
            f"not derived ({case.verdict}): with a strided layer (cumulative stride ≠ (1, 1) before the last "
            "layer) a layer takes a group of absolute factors only if their product lies in R[x^a, y^b], i.e. the "
            "group is a union of orbits of x ↦ ζx, y ↦ ξy (ζ^a = ξ^b = 1) with lowest exponents on the stride "
            "lattice; membership then depends on this orbit structure, not on the factor bidegrees, so the "
            "closures of the pattern strata do not describe the limits, and the orbit-refined pattern list "
            "that would is not derived (docs/theory.md#factorization-patterns); the closures of the polyphase-gcd "
            "strata (docs/theory.md#polyphase-2d-boundary) need layer 1 to be the only layer at stride (1, 1) and "
            "the others at one stride; here " + (why_not_polyphase(arch) or "they do not apply"))
    return BoundaryResult(
        relative_family=family, relative_dimension=rel_dim, relative_samples=rel_samples,
        relative_dimension_bounds=rel_bounds, **rel_eqs,
        architecture=str(arch), decided=True, certified=True, everything=False, thin=True, closed=case.closed,
        description=(f"dim M = {value} < {k}: M is closed in R^{k} (docs/theory.md#closedness: the cone over the image of a "
                     "product of spheres) and has empty interior, so ∂M = M; is_boundary_point() decides membership "
                     "exactly (contains())"),
        relative=relative, method="exact dimension (lcnalg.algebra.dimension) + Euclidean closedness of M",
        seconds=time.perf_counter() - start)


def boundary(arch: Architecture | str, *, limits: Limits | None = None, seed: int = 0, dimension: Any = None,
             equations: Any = None, closedness: ClosednessResult | None = None, max_degree: int | None = None,
             jobs: int = 1, max_states: int | None = None,
             executor: Any = None) -> BoundaryResult:
    """The boundary of the function space in ``R^k`` (and, where derived, relative to ``V(R)``).

    * **1D stride one**: inside the discriminant hypersurface (module docstring).
    * **Coordinate copies** (single-entry layers, 2D lying along one axis;
      :mod:`lcnalg.real.embedding`): derived for the smaller model and carried back; when some
      coordinates vanish on ``M`` it is thin, ``∂M = M``, and the model's boundary is the
      boundary relative to that coordinate subspace.
    * **M Zariski closed** (:func:`~lcnalg.real.closedness.is_zariski_closed`): empty if ``M``
      is everything, else ``∂M = M`` (closed, empty interior), given by the implicit equations;
      relative to ``V(R)`` empty.
    * **Otherwise, dim M < k** (exact): ``M`` is closed (docs/theory.md#closedness) with empty interior, so
      ``∂M = M`` (``is_boundary_point`` decides membership exactly); the boundary relative to
      ``V(R)`` is decided at points and its dimension given for 1D (root orbits), 2D stride
      one (closures of the factorization-pattern strata, :mod:`lcnalg.real.pattern_boundary`) and
      2D with layer 1 the only layer at stride one and the others at one stride (closures of the
      polyphase-gcd strata, :mod:`lcnalg.real.polyphase_boundary_2d`); with several layers at stride
      one before one strided level, certified sufficient tests at points on it (monomial, pair, slack and gcd pair limits) and off
      it (interior points), :func:`~lcnalg.real.polyphase_head_2d.head_boundary_member`, and bounds on its
      dimension (:func:`~lcnalg.real.polyphase_head_boundary_2d.head_boundary_dimension`; the rest stated as not
      derived);
      reported not derived otherwise (other 2D stride patterns: saying why).
    * Otherwise undecided, saying why.

    Parameters
    ----------
    arch : Architecture or str
    limits, seed, dimension, equations, closedness, max_degree, jobs, max_states, executor
        As for :func:`~lcnalg.real.inequalities.inequalities` (``limits.max_symbolic_degree``
        bounds the symbolic discriminant).
        When ``M`` is thin and not closed (1D; 2D stride one and 2D polyphase gcd only when asked): the
        equations of the Zariski closure of the relative boundary (:attr:`BoundaryResult.relative_equations`) are derived by default for at
        most :data:`~lcnalg.real.boundary_equations.AUTO_AMBIENT` coordinates (a refusal is
        reported in ``relative_equations_status``); ``equations=True`` or a ``max_degree`` (the
        highest degree interpolated, default 6) asks for them at any size, within ``limits``
        (``max_strata``, ``max_monomials``, … refused up front); ``equations=False`` skips them.

    Returns
    -------
    BoundaryResult

    Examples
    --------
    >>> b = boundary("2,2")
    >>> b.discriminant, b.m
    ('c1^2 - 4*c0*c2', 2)
    >>> boundary("3,2").everything
    True
    >>> b = boundary("2,2 s=2"); b.closed, b.is_boundary_point([1, 2, 3, 6]), b.is_boundary_point([1, 2, 3, 5])
    (True, True, False)
    """
    seed, dimension, max_degree, jobs, executor = checks.arguments(
        seed=seed, dimension=dimension, max_degree=max_degree, jobs=jobs, executor=executor)
    start = time.perf_counter()
    arch = one_channel_architecture(arch)
    dimension, equations, closedness = checks.handed_down(arch, flags=True, dimension=dimension,
                                                          equations=equations, closedness=closedness)
    limits = Limits.coerce(limits, max_states=max_states)
    emb = coordinate_embedding(arch) if arch.activation is None else None
    if emb is not None:
        inner = boundary(emb.inner, limits=limits, seed=seed, equations=False if equations is False else None,
                         max_degree=max_degree, jobs=jobs, executor=executor)
        return _embedded_boundary(inner, emb, start)
    if arch.activation is None and stride_one_1d(arch):
        return _stride_one(arch, limits, start)
    case = closed_case(arch, limits=limits, seed=seed, dimension=dimension, equations=equations,
                       closedness=closedness, max_degree=max_degree, jobs=jobs, executor=executor)
    if case.closed is True:
        return _closed_boundary(arch, case, start)
    thin = _thin_boundary(arch, case, dimension, seed, start, limits, max_degree,
                          equations if isinstance(equations, bool) else None)
    if thin is not None:
        return thin
    return BoundaryResult(architecture=str(arch), decided=False, certified=False, method="none",
                          closed=case.closed, limitations=case.limitations, seconds=time.perf_counter() - start)


def _closed_boundary(arch: Architecture, case: ClosedCase, start: float) -> BoundaryResult:
    """``M = V(R)``: empty when ``M`` is everything, else ``∂M = M`` cut out by the equations."""
    k = case.ambient if case.ambient is not None else ambient(arch)
    method = "Zariski closedness (lcnalg.real.closedness) + implicit equations"
    if case.everything:
        return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=True, closed=True,
                              equations_status="certified", method=method, thin=False,
                              description=f"M = V(R) = R^{k}, so the boundary is empty",
                              seconds=time.perf_counter() - start)
    return BoundaryResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=True, thin=True,
        relative="empty (M = V(R))", equations=case.equations, polynomials=case.polynomials,
        equations_status=case.equations_status, limitations=equations_limitation(case.equations_status),
        method=method,
        description=(f"M = V(R) is closed ({case.closedness.argument}) and has empty interior in R^{k} (it is a "
                     "proper subvariety), so ∂M = M, cut out by the implicit equations; relative to V(R) "
                     "the boundary is empty"),
        seconds=time.perf_counter() - start)


def _stride_one(arch: Architecture, limits: Limits, start: float) -> BoundaryResult:
    """1D stride one: inside the discriminant hypersurface."""
    d = arch.end_to_end_filter_shape[0] - 1
    m = min_real_roots(arch)
    if m <= d % 2:
        return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=True, m=m,
                              closed=True, thin=False,
                              description=f"M = R^{d + 1}, so the boundary is empty",
                              method="real-root condition of docs/theory.md#stride-one", seconds=time.perf_counter() - start)
    limitations = ""
    if d <= limits.max_symbolic_degree:
        names = tuple(f"c{j}" for j in range(d + 1))
        ctx = integer_ring(names + ("z",))
        gens = ctx.gens()
        poly = sum((c * gens[-1] ** j for j, c in enumerate(gens[:-1])), ctx.from_dict({}))
        disc_poly = poly.discriminant("z")
        disc = str(disc_poly)
        expressions = (disc_poly,)
    else:
        expressions = ()
        disc = ""
        limitations = (f"d = {d} > max_symbolic_degree = {limits.max_symbolic_degree}: the discriminant is not "
                       "expanded symbolically (is_boundary_point decides exactly at points; raise "
                       "limits=Limits(max_symbolic_degree=...) to expand it)")
    description = (
        f"∂M = {{0}} ∪ {{c ∈ M : fewer than m = {m} real roots of odd multiplicity (infinity included)}} "
        "⊆ {Disc(c) = 0}: real roots of odd multiplicity survive small perturbations and all others can be "
        "perturbed away ((z−a)^μ ↦ (z−a)^μ + ε), so a form is interior iff it has ≥ m real roots of odd "
        "multiplicity; such a boundary form ≠ 0 has a repeated real root"
    )
    return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=False, m=m,
                          discriminant=disc, expressions=expressions, description=description,
                          limitations=limitations,
                          closed=False, thin=False,
                          method="real-root condition of docs/theory.md#stride-one; discriminant of the binary form (FLINT)",
                          seconds=time.perf_counter() - start)
