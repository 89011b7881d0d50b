"""The root-orbit type of a filter whose coefficients lie in a real number field, exactly.

:func:`lcnalg.real.orbit_description.root_type` computes the type ``κ(P)``
(docs/theory.md#orbit-description) of a *rational* filter.  The image ``μ(θ)`` of a real
critical point of a loss has coordinates in a real number field ``K = Q(τ)``
(:class:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint`), and this module computes ``κ(P)``
for ``P ∈ K[z]`` (docs/theory.md#orbit-type-number-field).

Algorithm
---------
Elements of ``K`` are polynomials in ``T`` reduced modulo the minimal polynomial ``φ`` of
``τ``; a coefficient is zero iff its representative is, so the root ``0`` (multiplicity
``μ_0``, the first non-zero coefficient) and the roots at infinity (the formal degree minus the
last non-zero coefficient's index) are read off exactly.  Let ``P_0 = P / z^{μ_0}``.

1. *Squarefree decomposition over K* (Yun, monic gcds in ``K[z]``, modular with an exact check):
   ``P_0 = c Π_e h_e^e`` with ``h_e`` squarefree and pairwise coprime, so a root of ``P_0``
   has multiplicity ``e`` iff it is a root of ``h_e``.
2. *Norm.*  ``N(z) = res_T(φ(T), s(z, T))`` for the squarefree part ``s = Π_e h_e`` (its
   representative, denominators cleared) equals ``lc(φ)^{deg s} Π_σ σ(s)(z)`` over the
   embeddings ``σ`` of ``K`` in ``C``; it is a non-zero rational polynomial (each ``σ(s)`` is
   non-zero of the same degree), and the roots of ``P_0`` are among its roots, since the
   real embedding ``τ`` is one of the ``σ``.
3. *Which roots of N.*  ``N`` is factored over ``Z`` and its roots isolated in certified
   balls (:class:`~lcnalg.polys.univariate.RootData`).  For each irreducible factor ``f`` and
   each ``e``, ``g = gcd_K(h_e, f)`` is computed exactly; ``f`` is squarefree, so ``deg g`` is
   the number of roots of ``f`` that are roots of ``h_e``.  A root ball of ``f`` on which
   ``g`` (its coefficients enclosed with a certified ball of ``τ``) is certified non-zero is
   not a root of ``g``; the true roots of ``g`` are never excluded, so when exactly
   ``deg g`` balls remain they are the roots of ``g``, and refining the precision reaches this
   (the enclosures shrink to the values, which are non-zero off the roots of ``g``).  Equal
   roots are thus decided by exact gcds over ``K``, never by overlapping balls.
4. *Classes and positions.*  The roots of ``N`` are grouped into classes ``a = r^T`` exactly
   (:meth:`~lcnalg.polys.univariate.RootData.orbits`: ``res_z(f, w − z^T)`` is factored and
   isolated), and :func:`~lcnalg.real.orbit_description.class_blocks` builds the blocks from
   the roots of ``P_0`` with their multiplicities ``e`` (signs of real classes and positions
   ``k`` from certified balls, refined until decided).  ``P`` is real (``τ`` is real), so its
   roots are closed under conjugation and every pair of classes is complete.

*Sharing within one decision.*  Steps 1–3 up to the isolation of the roots of ``N``, the
gcds of step 3 and the class polynomials of step 4 depend only on ``φ`` and the coefficients of
``P`` in ``Q[T]/(φ)``, not on which real root ``τ`` of ``φ`` is meant (the points of one field
at different roots share them).  A :class:`RootTypeCache`, created by the caller for one
decision and passed to every call, keeps these exact, never-modified results keyed by ``φ``
and the reduced coefficients; each call works on a copy of the isolation
(:meth:`~lcnalg.polys.univariate.RootData.copy`) with its own precision and ``max_root_work``
budget, so only step 3's selection of the roots of ``g`` at ``τ`` and the refinements are
repeated; a call that refined leaves a copy at its final precision for the later calls (the
balls are certified enclosures at every precision, so this changes how often they refine, not
what they decide).  The results are the same with or without the cache.

The result is the :class:`~lcnalg.real.orbit_description.RootType` that ``root_type`` gives
for rational ``P`` (it depends only on the roots and their multiplicities), and the decisions
:func:`~lcnalg.real.orbit_description.type_member` and
:func:`~lcnalg.real.orbit_description.type_on_relative_boundary` apply to it.

References
----------
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024): the function space of 1D architectures with strides.
.. [Tra76] B. M. Trager, *Algebraic factoring and rational function integration*, SYMSAC 1976 (the
   norm of a polynomial over a number field as a resultant).
.. [Yun76] D. Y. Y. Yun, *On square-free decomposition algorithms*, SYMSAC 1976.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.number_field import KPoly, ball_value, enclose, gcd, monic, mul, norm, squarefree
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.polys.univariate import RootData
from lcnalg.real.orbit_description import RootType, class_blocks
from lcnalg.real.orbit_tilings import OrbitModel

__all__ = ["RootTypeCache", "algebraic_root_type"]


class RootTypeCache:
    """The root-independent steps of :func:`algebraic_root_type`, shared by the calls of one decision.

    Keyed by the minimal polynomial and the reduced coefficients of ``P`` (exact), it holds the
    squarefree decomposition over the number field, the isolated roots of the norm (copied for
    each call, :meth:`~lcnalg.polys.univariate.RootData.copy`) and the gcds over the field: what
    does not depend on which real root ``τ`` of ``φ`` the point takes.  Create one per decision
    and pass it to each call (module docstring: *Sharing within one decision*).

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> from lcnalg.real.orbit_tilings import orbit_model
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> phi, coords = flint.fmpq_poly([-2, 0, 1]), [flint.fmpq_poly([0, 1])]
    >>> plus = RealAlgebraicPoint.from_root(phi, flint.arb("1.41 +/- 0.01"), coords)     # x = √2
    >>> minus = RealAlgebraicPoint.from_root(phi, flint.arb("-1.41 +/- 0.01"), coords)   # x = −√2
    >>> P = [{(1,): -1}, {}, {(0,): 1, (1,): -1}, {}, {(0,): 1}]       # (z^2 − x)(z^2 + 1): a = x, a = −1
    >>> cache = RootTypeCache()
    >>> [algebraic_root_type(m, x, P, cache=cache).blocks for x in (plus, minus)]
    [(('negative', (1, 1)), ('positive', (1, 1))), (('negative', (1, 1)), ('negative', (1, 1)))]
    >>> len(cache)                      # one norm, factorization and isolation for both points
    1
    >>> algebraic_root_type(m, minus, P) == algebraic_root_type(m, minus, P, cache=cache)
    True
    >>> len(cache)
    1
    """

    __slots__ = ("_entries",)

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple] = {}

    def __len__(self) -> int:
        return len(self._entries)


def _key(phi: Any, elems: Sequence[Any]) -> tuple:
    """The exact key of ``(φ, P)``: the rational coefficients of ``φ`` and of each coefficient of ``P``."""
    return tuple(phi.coeffs()), tuple(tuple(c.coeffs()) for c in elems)


def algebraic_root_type(model: OrbitModel, point: RealAlgebraicPoint, coefficients: Sequence[Mapping[Any, Any]],
                        limits: Limits | None = None, cache: RootTypeCache | None = None) -> RootType | None:
    """The exact root-orbit type ``κ(P)`` of a filter with coefficients in ``Q(τ)`` (None for ``P = 0``).

    Parameters
    ----------
    model : OrbitModel
        The levels of the architecture (:func:`~lcnalg.real.orbit_tilings.orbit_model`).
    point : RealAlgebraicPoint
        The real algebraic point: its number field ``Q(τ)`` and coordinates.
    coefficients : sequence of dict
        ``c_0, …, c_D`` (``D`` the formal degree), each a polynomial ``{exponent: coefficient}``
        in the point's coordinates, evaluated exactly at the point.
    limits : Limits, optional
        ``max_root_work`` bounds the norm, its factorization and the isolation work,
        ``max_precision`` the refinement.
    cache : RootTypeCache, optional
        The root-independent results of earlier calls of the same decision (read and
        extended; the norm's work is then checked only once per field and coefficients).

    Returns
    -------
    RootType or None

    Raises
    ------
    InputError
        For coefficients that are not polynomials in the point's coordinates.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> from lcnalg.real.orbit_tilings import orbit_model
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> x = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
    ...                                  [flint.fmpq_poly([0, 1])])                   # x = √2
    >>> # (z^2 − √2)(z^2 + 1) = z^4 + (1 − √2) z^2 − √2: a = √2 > 0 and a = −1 < 0, simple
    >>> algebraic_root_type(m, x, [{(1,): -1}, {}, {(0,): 1, (1,): -1}, {}, {(0,): 1}]).blocks
    (('negative', (1, 1)), ('positive', (1, 1)))
    >>> # (z − √2)^2 (z + √2)^2 = (z^2 − 2)^2: one class a = 2 with multiplicities (2, 2)
    >>> algebraic_root_type(m, x, [{(0,): 4}, {}, {(0,): -4}, {}, {(0,): 1}]).blocks
    (('positive', (2, 2)),)
    """
    limits = Limits.coerce(limits)
    if cache is not None and not isinstance(cache, RootTypeCache):
        raise InputError(f"cache: expected a RootTypeCache or None, got {checks.short(cache)}")
    if not isinstance(point, RealAlgebraicPoint):
        raise InputError(f"point: expected a RealAlgebraicPoint, got {checks.short(point)}")
    if isinstance(coefficients, (str, bytes, Mapping)) or not hasattr(coefficients, "__iter__"):
        raise InputError("coefficients: expected a sequence of polynomials {exponent: coefficient} in the "
                         f"point's coordinates, got {checks.short(coefficients)}")
    phi = point.minimal_polynomial
    elems = [point.element(c) % phi for c in coefficients]
    nonzero = [j for j, c in enumerate(elems) if c != 0]
    if not nonzero:
        return None
    if not model.levels:                      # every layer has size 1: P is a constant
        return RootType(1, ())
    T = model.T
    D = len(elems) - 1
    mu0, top = nonzero[0], nonzero[-1]
    blocks: list = []
    if mu0:
        blocks.append(("zero", (mu0,)))
    if D > top:
        blocks.append(("infinity", (D - top,)))
    p0 = elems[mu0:top + 1]
    if len(p0) > 1:
        blocks.extend(_root_classes(point, p0, T, limits, cache))
    return RootType(T, tuple(sorted(blocks)))


def _root_classes(point: RealAlgebraicPoint, p0: KPoly, T: int, limits: Limits,
                  cache: RootTypeCache | None) -> list:
    """Steps 1–4 of the module docstring for ``p0`` of positive degree with ``p0(0) ≠ 0``."""
    phi = point.minimal_polynomial
    key = _key(phi, p0) if cache is not None else None
    shared = cache._entries.get(key) if cache is not None else None
    if shared is None:          # computed here: this call goes on with the isolation and its budget
        rd, gcds, expected = _independent(phi, p0, limits)
        if cache is not None:   # kept unrefined, for the points at the other roots
            cache._entries[key] = (rd.copy(limits), gcds, expected)
    else:                       # an earlier point's: a copy with its own precision and budget
        template, gcds, expected = shared
        rd = template.copy(limits)
    gen = flint.fmpq_poly([0, 1])
    while True:
        tau = point.enclosure(gen, rd.prec)
        mult = [0] * len(rd.roots)
        ok = True
        with flint.ctx.workprec(rd.prec):
            for e, fi, g in gcds:
                own = [i for i in range(len(rd.roots)) if rd.factor_of[i] == fi]
                if len(g) - 1 == len(own):
                    hits = own
                else:
                    gc = [enclose(c, tau) for c in g]
                    hits = [i for i in own if ball_value(gc, rd.roots[i]).contains(0)]
                if len(hits) != len(g) - 1:
                    ok = False
                    break
                for i in hits:
                    mult[i] = e
        if ok:
            if sum(mult) != expected:  # pragma: no cover - the gcds partition the roots of p0
                raise ArithmeticError("algebraic_root_type: the roots found do not match the degree")
            out = class_blocks(rd, T, mult)
            if out is not None:
                if cache is not None and rd.prec > cache._entries[key][0].prec:
                    # the later points start from this precision (each still on its own copy and budget)
                    cache._entries[key] = (rd.copy(limits), gcds, expected)
                return out
        rd.refine()


def _independent(phi: Any, p0: KPoly, limits: Limits) -> tuple[RootData, list, int]:
    """Steps 1–3 without ``τ``: the isolated roots of the norm (not to be refined: callers copy it), the gcds
    ``(e, factor index, gcd_K(h_e, f))`` and the degree of ``p0``."""
    parts = squarefree(monic(p0, phi), phi)
    sqf: KPoly = [flint.fmpq_poly([1])]
    for h, _ in parts:
        sqf = mul(sqf, h, phi)
    degree = len(sqf) - 1
    limits.check("max_root_work", "work (degree^2/8) of the norm of a filter over its number field",
                 (degree * int(phi.degree())) ** 2 // 8)
    rd = RootData(norm(sqf, phi), limits)
    gcds = []
    for h, e in parts:
        for fi, (f, _) in enumerate(rd.factors):
            g = gcd(h, [flint.fmpq_poly([c]) for c in f.coeffs()], phi)
            if len(g) > 1:
                gcds.append((e, fi, g))
    return rd, gcds, sum((len(h) - 1) * e for h, e in parts)
