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

*Cost, read off the norm.*  The work of steps 3–4 follows the height of the numbers, which their size
in the power basis does not show.  The norm is computed first (its work, ``(deg s · deg φ)^2 / 8``,
checked before) and the rest is estimated from it before the isolation (:func:`root_type_work`,
``ISOLATION_WORK_TEXT``): from ``D = deg N``, the height of its primitive part and the bits its roots
lose to their neighbours, found in ball arithmetic from the roots of the conjugates ``σ(s)`` (the roots
of ``N``), without isolating ``N``; the estimate is checked against ``max_root_work`` before the
isolation starts.  The norm and the estimate are kept in the cache with the rest.

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

import math
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

__all__ = ["RootTypeCache", "algebraic_root_type", "root_type_work"]


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

    __slots__ = ("_entries", "_norms")

    def __init__(self) -> None:
        self._entries: dict[tuple, tuple] = {}
        self._norms: dict[tuple, tuple] = {}     # steps 1-2 and the estimate (root_type_work), before the isolation

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
        parts, N, work = _normed(phi, p0, T, limits, cache)
        limits.check("max_root_work", f"work of isolating and refining the roots of the norm of a filter over its "
                     f"number field (degree {int(N.degree())}, {_height(N)}-bit coefficients; {ISOLATION_WORK_TEXT})",
                     work)
        rd, gcds, expected = _independent(phi, parts, N, limits)
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


def _normed(phi: Any, p0: KPoly, T: int, limits: Limits, cache: RootTypeCache | None) -> tuple[list, Any, int]:
    """Steps 1-2 (the squarefree decomposition and the norm ``N`` of the squarefree part) and the estimate of the
    rest (:func:`_isolation_work`): ``(parts, N, work)``, kept in ``cache`` (computed once per field and
    coefficients)."""
    key = _key(phi, p0) if cache is not None else None
    got = cache._norms.get(key) if cache is not None else None
    if got is not None:
        return got
    parts = squarefree(monic(p0, phi), phi)
    sqf: KPoly = [flint.fmpq_poly([1])]
    for h, _ in parts:
        sqf = mul(sqf, h, phi)
    degree = len(sqf) - 1
    limits.check("max_root_work", "work (degree^2/8) of the norm of a filter over its number field",
                 (degree * int(phi.degree())) ** 2 // 8)
    N = norm(sqf, phi)
    # the roots of the conjugates: of p0 itself when it is squarefree (its coefficients are smaller than the monic s)
    probe = p0 if len(parts) == 1 and parts[0][1] == 1 else sqf
    got = (parts, N, _isolation_work(N, _conditioning(phi, probe, N), T))
    if cache is not None:
        cache._norms[key] = got
    return got


def _height(N: Any) -> int:
    """The largest bit size of a coefficient of the integer polynomial ``N``."""
    return max(abs(int(c)).bit_length() for c in N.coeffs())


#: the precision (bits) beyond which the conditioning of the norm's roots is not resolved (:func:`_conditioning`)
CONDITIONING_CAP = 1 << 15


def _conditioning(phi: Any, sqf: KPoly, N: Any) -> int:
    """``max_i Σ_{j ≠ i} max(0, −log2 |r_i − r_j|)`` over the distinct roots ``r`` of the norm ``N`` of ``sqf``, a
    squarefree polynomial over ``Q[T]/(φ)`` (bits; about
    ``−log2 |N'(r_i)| / lc(N)``: how many bits a root loses to its neighbours, which the isolation has to work through).

    The roots of ``N`` are those of the conjugates ``σ(s)`` of the squarefree part ``s`` (degree ``≤ K`` each), so
    they are found cheaply in ball arithmetic from the conjugates of the generator, not from ``N``: at a working
    precision ``p`` (from twice the coefficients' bit size, doubled until done) the roots of each ``σ(s)`` are
    isolated, overlapping balls are grouped, and when the groups are as many as the distinct roots of ``N``
    (``deg N − deg gcd(N, N')``, exact) each group is one root and the distances between groups are certified.
    Beyond :data:`CONDITIONING_CAP` bits the cap is returned.  An estimate's input, not part of any decision."""
    distinct = int(N.degree()) - int(N.gcd(N.derivative()).degree())
    big = flint.fmpq_poly(phi).numer()
    bits = max(int(c.p).bit_length() + int(c.q).bit_length() for x in sqf for c in flint.fmpq_poly(x).coeffs())
    prec = 64 + 2 * bits
    log2 = math.log(2)
    while prec <= CONDITIONING_CAP:
        with flint.ctx.workprec(prec):
            roots = []
            try:
                for t in (r for r, _ in big.complex_roots()):
                    cs = []
                    for x in sqf:
                        acc = flint.acb(0)
                        for c in reversed(flint.fmpq_poly(x).coeffs()):
                            acc = acc * t + flint.acb(flint.arb(c.p) / c.q)
                        cs.append(acc)
                    if len(cs) > 1:
                        roots += flint.acb_poly(cs).roots(tol=flint.arb(2) ** (-(prec // 2)), maxprec=prec)
            except ValueError:          # not isolated at this precision
                roots = None
            if roots is not None:
                group = list(range(len(roots)))

                def find(a: int) -> int:
                    while group[a] != a:
                        a = group[a]
                    return a
                far = []
                approx = [complex(float(r.real.mid()), float(r.imag.mid())) for r in roots]
                for i in range(len(roots)):
                    for j in range(i):
                        if abs(approx[i] - approx[j]) > 0.5:     # loses nothing (no ball is near that wide)
                            continue
                        dist = abs(roots[i] - roots[j])
                        if dist.contains(0) or not dist > 0:
                            group[find(i)] = find(j)
                        else:
                            far.append((i, j, max(0.0, -float(dist.upper().log().mid()) / log2)))
                if len({find(i) for i in range(len(roots))}) == distinct:
                    lost = [0.0] * len(roots)
                    for i, j, v in far:
                        if find(i) != find(j):
                            lost[i] += v
                            lost[j] += v
                    return math.ceil(max(lost, default=0.0))
        prec *= 2
    return CONDITIONING_CAP


ISOLATION_WORK_TEXT = ("T D^3 (1 + q / 64)^3 / 100 + 8 D^2 + 500: D the degree of the norm, q = c + h / D with h the "
                       "coefficient bits of its primitive part and c the bits its roots lose to their neighbours")


def _isolation_work(N: Any, lost: int, T: int) -> int:
    """The estimate (``max_root_work`` units) of steps 3-4 (the factorization of the norm ``N``, the isolation and
    refinement of its roots, the gcds and the classes): ``T D^3 (1 + q/64)^3 / 100 + 8 D^2 + 500`` with
    ``D = deg N``, ``q = c + h / D``, ``h`` the bit size of the coefficients of the primitive part of ``N`` and ``c``
    the bits its roots lose to their neighbours (:func:`_conditioning`).

    The isolation (FLINT's certified complex roots, repeated at doubling precision while the roots of the gcds are
    selected) costs about ``D^2`` operations per iteration at a precision that has to resolve the closest roots, ``q``
    bits beyond the coefficients' scale, for about ``D`` iterations; the exponent and the constants are fitted.

    Calibration (``benchmarks/root_type_work.py``, units of about 15 µs; with the norm's own estimate, CPU time):
    0.05–1.3 times the estimate over random fields of degree 2–20 (minimal polynomials of 10–200 bits) with dense
    coordinates of 10–400 bits, 0.13–1.3 with coordinates of small height, 0.05–0.52 at the points of the plane of
    ``C4: 2,2,2,2,2``; the dense points that run past a minute are estimated above the default bound.  The
    overestimates reach about 20 times for dense points of large degree or ``T = 2`` (docs/theory.md#plane-of-lifts).
    """
    D = int(N.degree())
    prim = N // N.content() if not N.is_zero() else N
    q = lost + _height(prim) / max(1, D)
    return int(max(1, T) * D ** 3 * (1 + q / 64) ** 3 / 100) + 8 * D * D + 500


def root_type_work(model: OrbitModel, point: RealAlgebraicPoint, coefficients: Sequence[Mapping[Any, Any]],
                   limits: Limits | None = None, cache: RootTypeCache | None = None) -> int:
    """The estimate of :func:`algebraic_root_type` after its norm: the work (``max_root_work`` units) of isolating and
    refining the norm's roots, computed from the norm itself (which is computed here, and kept in ``cache`` for the
    type; its own work, ``(D deg φ)^2 / 8``, is checked against ``limits``).

    The cost of the isolation follows the height of the numbers, which their size in the power basis does not show:
    it is read off the norm ``N`` of the filter's squarefree part: its degree ``D``, the bit size ``τ`` of its
    coefficients and the bits ``c`` that its roots lose to their neighbours (``max_i Σ_j −log2 |r_i − r_j|`` over the
    pairs closer than 1, found from the conjugates of the filter in ball arithmetic): ``T D^3 (1 + (c + τ/D)/64)^3
    / 100 + 8 D^2 + 500`` (``τ`` of the primitive part of ``N``; ``T`` the largest stride: the classes ``r^T`` are
    isolated too).  :func:`algebraic_root_type` checks the same number
    before the isolation.

    Parameters
    ----------
    model, point, coefficients, limits, cache
        As for :func:`algebraic_root_type`.

    Returns
    -------
    int
        ``0`` when no isolation is needed (``P`` zero, constant, or a monomial).

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> from lcnalg.real.orbit_tilings import orbit_model
    >>> m = orbit_model(Architecture.parse("3,2 s=2"))
    >>> x = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
    ...                                  [flint.fmpq_poly([0, 1])])                   # x = √2
    >>> P = [{(1,): -1}, {}, {(0,): 1, (1,): -1}, {}, {(0,): 1}]
    >>> small = root_type_work(m, x, P)
    >>> big = [{(1,): -(2**200 + 1)}, {}, {(0,): 1, (1,): -1}, {}, {(0,): 2**200 + 3}]
    >>> small < root_type_work(m, x, big)
    True
    """
    limits = Limits.coerce(limits)
    if cache is not None and not isinstance(cache, RootTypeCache):
        raise InputError(f"cache: expected a RootTypeCache or None, got {checks.short(cache)}")
    if not isinstance(point, RealAlgebraicPoint):
        raise InputError(f"point: expected a RealAlgebraicPoint, got {checks.short(point)}")
    p0 = _p0(point, coefficients)
    if p0 is None or len(p0) <= 1 or not model.levels:
        return 0
    return _normed(point.minimal_polynomial, p0, model.T, limits, cache)[2]


def _p0(point: RealAlgebraicPoint, coefficients: Sequence[Mapping[Any, Any]]) -> KPoly | None:
    """``P / z^{μ_0}`` without the roots at infinity (reduced coefficients), or None for ``P = 0``."""
    if isinstance(coefficients, (str, bytes, Mapping)) or not hasattr(coefficients, "__iter__"):
        raise InputError("coefficients: expected a sequence of polynomials {exponent: coefficient} in the "
                         f"point's coordinates, got {checks.short(coefficients)}")
    phi = point.minimal_polynomial
    elems = [point.element(c) % phi for c in coefficients]
    nonzero = [j for j, c in enumerate(elems) if c != 0]
    return elems[nonzero[0]:nonzero[-1] + 1] if nonzero else None


def _independent(phi: Any, parts: list, N: Any, limits: Limits) -> tuple[RootData, list, int]:
    """Step 3 without ``τ``, from the squarefree ``parts`` and the norm ``N``: the isolated roots of ``N`` (not to be
    refined: callers copy it), the gcds ``(e, factor index, gcd_K(h_e, f))`` and the degree of ``p0``."""
    rd = RootData(N, limits)
    gcds = []
    for h, e in parts:
        for fi, (f, _) in enumerate(rd.factors):
            g = gcd(h, [flint.fmpq_poly([c]) for c in f.coeffs()], phi)
            if len(g) > 1:
                gcds.append((e, fi, g))
    return rd, gcds, sum((len(h) - 1) * e for h, e in parts)
