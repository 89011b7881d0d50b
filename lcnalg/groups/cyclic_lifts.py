r"""The lift question of a cyclic group-convolutional network with wrap-around, decided exactly where it can be.

Setting (docs/theory.md#group-convolutional-networks).  For ``G = C_n`` with windows ``k_l``,
cumulative strides ``S_l`` and ``K = Σ_l S_l (k_l − 1) ≥ n``, a filter ``f`` (degree ``< n``)
lies in ``M`` iff some *lift* ``F = f + (z^n − 1) h``, ``h`` real of degree ``≤ e = K − n``,
lies in the ordinary 1D function space ``M_ord`` of ``k_1,…,k_L s=s_1,…`` (formal degree
``K``): the unreduced product ``Π_l w_l(z^{S_l})`` has degree ``≤ K`` and reduces to ``f``, and
every polynomial of degree ``≤ K`` congruent to ``f`` is such an ``F``.  :func:`decide_lift`
answers this existential question exactly in two cases.

**1. Stride one, fill** (every layer of size ``> 1`` at cumulative stride 1).  Then
``M_ord = {0} ∪ {F ≠ 0 of degree ≤ K with at least m real roots counted with multiplicity,
roots at infinity (K − deg F) included}``, ``m = #{l : k_l − 1 odd}``
(docs/theory.md#stride-one: an odd layer needs one real root, the rest is shared out in
conjugate pairs).  *If* ``m ≤ e + 1`` *every* ``f`` *is in* ``M``.  Proof: for ``f ≠ 0`` choose
the ``m`` distinct rationals ``r_i`` of ``0, 2, −2, 3, −3, …`` (never ``±1``, so
``r_i^n − 1 ≠ 0``) and let ``h`` be the Lagrange interpolant of degree ``≤ m − 1 ≤ e`` with
``h(r_i) = −f(r_i)/(r_i^n − 1)``.  Then ``F(r_i) = 0``: ``F`` has ``m`` distinct real roots,
and ``F ≠ 0`` (it reduces to ``f ≠ 0``), so ``F ∈ M_ord``.  The lift is exact and rational;
its layers are the ordinary decision's witness on ``F`` (exact when its root distribution is
rational, certified balls otherwise), and reduce to ``f`` modulo ``z^n − 1``.

**2. One free coefficient** (``e = 0``, any strides).  The lifts are the pencil
``F_c = f + c (z^n − 1)``, ``c ∈ R``, of formal degree ``n``.  Membership of ``F`` in ``M_ord``
depends only on its root-orbit type ``κ(F)`` (docs/theory.md#orbit-description; ``T`` the
largest cumulative stride).  *The type is constant on each open interval of* ``R`` *avoiding
the real roots of*

``Crit(c) = c · (f_0 − c) · ψ_F(c) · ψ_R(c)``,

where ``ψ_F`` is the first principal subresultant coefficient ``psc_j(F_c, ∂_z F_c)`` (in
``z``) that is not identically zero in ``c``, and ``ψ_R`` the same for the class polynomial
``R(c, w) = res_z(F_c(z), w − z^T) = c^T Π_r (w − r^T)`` and ``∂_w R`` (omitted for ``T = 1``).
Proof.  Off ``c = 0`` the formal leading coefficients (``c``, ``n c``, ``±c^T``, ``n c^T``) do not
vanish, so for ``c`` with ``ψ(c) ≠ 0`` the gcd of the specialized pair has the generic degree
``j`` (``psc_i ≡ 0`` for ``i < j``): the number of distinct roots of ``F_c`` and the number of
distinct class values ``a = r^T`` are constant on the interval.  Off ``c = f_0`` the root ``0``
is absent and off ``c = 0`` there is no root at infinity.  The roots of ``F_c`` vary
continuously as a multiset; with their number of distinct values constant no cluster splits,
so the distinct roots ``r_i(c)`` are continuous with constant multiplicities, real roots stay
real and non-real ones non-real (conjugation permutes them continuously).  The relation
``r_i^T = r_j^T`` is closed in ``c``, so near any ``c_*`` it holds only for pairs for which it
holds at ``c_*``; with the number of classes constant the two equivalence relations are equal:
the partition into classes is locally constant, hence constant on the interval.  A class is
real iff it is closed under conjugation (constant), its value ``a(c) ≠ 0`` keeps its sign, and
the positions ``k`` of ``r = ρ_a ζ^k`` are continuous integers.  So ``κ(F_c)`` is constant.
(``ψ_F`` is even the discriminant: ``F_c = g · (A + c B)`` with ``g = gcd(f, z^n − 1)``
squarefree and ``A, B`` coprime, ``B`` not constant, and a pencil with a multiple root for
infinitely many ``c`` would have them among the finitely many roots of ``A B' − A' B``; the
class polynomial, in contrast, can have multiple roots for every ``c``, e.g. ``f(z) = p(z^2)``,
``T = 2``.)

The decision is then finite and exact: one rational sample in each open interval (the ordinary
:func:`~lcnalg.real.membership.contains` on ``F_c``, with its witness layers), and each real
critical value ``c_0``: rational ones by the same decision, irrational ones as real algebraic
numbers (their minimal polynomial, an irreducible factor of ``Crit``, and an isolating
interval) with ``F_{c_0} ∈ Q(c_0)[z]`` decided by its exact type
(:func:`~lcnalg.real.algebraic_root_type.algebraic_root_type` and
:func:`~lcnalg.real.orbit_description.type_member`).  ``f ∈ M`` iff one of them is in
``M_ord``; the witness is that ``c``.  At an irrational ``c`` the layers of ``F_c`` come from
:func:`~lcnalg.real.algebraic_witness.algebraic_layers` (the roots of ``F_c`` identified exactly by
gcds over ``Q(c)`` with the factors of its norm, distributed among the layers by the exhaustive
orbit search, each layer exact over ``Q(c)`` when its share is a product of factors of ``F_c``
over ``Q(c)``, certified balls otherwise), multiplied back to ``F_c`` (exactly, or by containing
balls) and reduced modulo ``z^n − 1`` to ``f``.

**3. Two free coefficients** (``e = 1``, any strides, outside the fill): the plane of lifts
``f + (c0 + c1 z)(z^n − 1)``, decided by an exact cylindrical decomposition
(:mod:`lcnalg.groups.lift_plane`, whose module docstring has the proof).

**4. Otherwise** (``e ≥ 2`` outside the fill) the question stays
existential in the ``e + 1`` real coefficients of ``h``; :func:`decide_lift` says exactly
which (for stride one: ``f + (z^n − 1) h`` has at least ``m`` real roots with multiplicity,
``e − deg h`` at infinity included), after the partial answers: for stride one the free roots
``±1``, Newton's inequality and the reductions to the plane (docs/theory.md#lifts-stride-one-high),
and with strides (``T > 1``) case 5.

**5. Strides, ``e ≥ 2``: placed roots** (sufficient).  Choose ``d_l ≤ k_l − 1`` roots of layer
``l``'s own polynomial ``w_l(x)`` at places ``a`` in :data:`PLACES` (rationals ``0, 2, −2`` or
infinity).  A finite ``a`` is the factor ``x − a`` of ``w_l``, i.e. ``z^{S_l} − a`` of
``w_l(z^{S_l})`` — the whole orbit ``{ρ ζ^k}`` of a root under the stride; a root at infinity
is a zero leading coefficient.  Let ``P = Π (z^{S_l} − a)`` over the finite places: ``|a| ≠ 1``,
so no root of ``P`` is an ``n``-th root of unity and ``P`` is a unit of ``R[z]/(z^n − 1)``
(its inverse by the extended Euclidean algorithm, checked).  *If* ``g = f P^{−1} mod z^n − 1``
*is in the function space* ``M'`` *of the network with windows* ``k_l − d_l`` *(same strides),
then* ``f ∈ M``.  Proof: ``g = Π_l v_l(z^{S_l})`` modulo ``z^n − 1`` with ``deg v_l < k_l − d_l``;
``w_l = v_l Π_{a finite} (x − a)`` has degree ``< k_l``, and ``Π_l w_l(z^{S_l}) = P g = f``
modulo ``z^n − 1``.  ``M'`` is decided by the cases above when its ``e' = e − Σ d_l S_l`` is 0 (the
pencil) or 1 (the plane), or it is of stride one (the fill, case 4), and, without wrap-around
(``e' < 0``), by the ordinary decision on ``g`` (``g ∈ M'`` iff ``deg g ≤ K'`` and ``g`` is in the
ordinary space).  Its lift ``G`` gives the lift ``F = P G`` of ``f`` (degree ``≤ K``, ``F ≡ P g ≡ f``),
which the ordinary decision on ``F`` confirms with its own witness layers; at an algebraic point
of the reduced pencil or plane the reduced layers times the placed factors are certified balls whose
product modulo ``z^n − 1`` contains ``f`` (checked).  Plans are tried cheapest first; their number
is bounded up front by ``max_nodes`` and their work (a plane ``(n + 1)^7 / 2``, a pencil
``(n + 1)^4``) by ``max_root_work``; what is not tried, refused or answered no is listed in
``data["reductions"]``, and the question stays open: the placed lifts are a subfamily.

Bounds: ``limits.max_root_work`` bounds the subresultant determinants (estimated before they
start: size³ × entry degree), the exact types at the irrational critical values (estimated
before the first: ``Σ (n · deg φ)³``, the norms over ``Q(c_0)`` dominate) and, as usual, each
factorization and isolation; the ordinary decisions keep their own bounds; the (at most three)
reductions of case 4 are plane decisions with the plane's bounds, and a refused one is listed
in ``data["reductions"]`` with the option to raise while the question stays open.  A refused bound
leaves the question undecided in :func:`~lcnalg.groups.group_networks.group_conv_contains`.

References
----------
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024) (the ordinary function space and its stride-one
   description).
.. [BPR06] S. Basu, R. Pollack, M.-F. Roy, *Algorithms in Real Algebraic Geometry*, Springer
   (2006), Ch. 4 (subresultants and the degree of the gcd).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError, check
from lcnalg.groups.group_algebra import GroupConvArchitecture, group_filter
from lcnalg.groups.lift_plane import algebraic_witness, decide_plane, lift_coefficients, polynomial_text
from lcnalg.limits import Limits
from lcnalg.polys.minors import bareiss_determinant
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.polys.univariate import RootData, arb_fraction, rational_between, sorted_real_roots, syha_rows
from lcnalg.real.algebraic_root_type import RootTypeCache, algebraic_root_type
from lcnalg.real.decision import number_text
from lcnalg.real.membership import ContainmentResult, contains
from lcnalg.real.orbit_description import type_member
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.rings import integer_ring

__all__ = ["LiftDecision", "decide_lift", "fill_points"]


@dataclass(frozen=True)
class LiftDecision:
    """The exact decision of the lift question (module docstring).

    Attributes
    ----------
    contained : bool or None
        None: not decided (``remaining`` states the open question).
    case : str
        ``"fill"``, ``"pencil"``, ``"plane"`` or ``"open"``.
    lift : tuple of Fraction or None
        The rational lift (its coefficients ``0..K``) when a rational witness was found.
    h : tuple of Fraction or None
        Its ``h`` (coefficients of ``z^0..z^e``).
    ordinary : ContainmentResult or None
        The ordinary decision on ``F`` (its witness layers are the network's layers).
    algebraic_c : dict or None
        For a witness ``c`` that is irrational: ``minimal_polynomial`` (coefficients, constant first),
        ``interval`` (rational endpoints) and the type ``root_type``; in the plane (``e = 1``) the
        point ``(c0, c1)`` as ``coordinates`` (polynomials in a root ``τ`` of ``minimal_polynomial``,
        in the ball ``root``), divided by ``scale``.  Always the layers of that lift
        (:func:`~lcnalg.groups.lift_plane.algebraic_witness`): ``layers`` (layer 1 first; entries
        polynomials in ``x``, the root, for exact layers, certified balls otherwise), ``layers_exact``
        (every layer exact over ``Q(x)``), ``layer_kinds`` and ``layer_balls`` (enclosures of every entry).
    reason, argument : str
    data : dict
        ``critical_values`` (text) and ``samples`` of the pencil, ``points`` of the fill.
    remaining : str
        The open question when undecided.
    """

    contained: bool | None
    case: str
    reason: str
    argument: str = ""
    lift: tuple[Fraction, ...] | None = None
    h: tuple[Fraction, ...] | None = None
    ordinary: ContainmentResult | None = None
    algebraic_c: dict | None = None
    data: dict = field(default_factory=dict)
    remaining: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain data (numbers as exact text).

        Examples
        --------
        >>> decide_lift("C3: 2,2,2", [1, 1, 1]).to_dict()["case"]
        'pencil'
        """
        return {"contained": self.contained, "case": self.case, "reason": self.reason, "argument": self.argument,
                "lift": None if self.lift is None else [number_text(v) for v in self.lift],
                "h": None if self.h is None else [number_text(v) for v in self.h],
                "algebraic_c": self.algebraic_c, "remaining": self.remaining,
                **{k: v for k, v in self.data.items()}}


def _architecture(arch: Any) -> GroupConvArchitecture:
    if isinstance(arch, str):
        arch = GroupConvArchitecture(arch)
    if not isinstance(arch, GroupConvArchitecture):
        raise InputError(f"arch: expected a GroupConvArchitecture or its text (e.g. 'C4: 3,3'), "
                         f"got {type(arch).__name__}")
    if arch.cyclic_order is None or not arch.wraps_around:
        raise InputError(f"arch: {arch} is not a cyclic network with wrap-around (C<n> with sum S_l (k_l - 1) >= n)")
    return arch


def fill_points(m: int) -> tuple[Fraction, ...]:
    """The interpolation points of the stride-one fill: the first ``m`` of ``0, 2, −2, 3, −3, …``
    (distinct, never ``±1``).

    Examples
    --------
    >>> fill_points(4)
    (Fraction(0, 1), Fraction(2, 1), Fraction(-2, 1), Fraction(3, 1))
    """
    if not isinstance(m, int) or isinstance(m, bool) or m < 0:
        raise InputError(f"m: expected a non-negative integer, got {m!r}")
    out = [Fraction(0)]
    k = 2
    while len(out) < m:
        out += [Fraction(k), Fraction(-k)]
        k += 1
    return tuple(out[:m])


def decide_lift(arch: GroupConvArchitecture | str, values: Any, *, limits: Limits | None = None) -> LiftDecision:
    """Decide exactly whether some lift ``f + (z^n − 1) h`` (``deg h ≤ K − n``) is in the ordinary
    function space, in the cases of the module docstring (fill, one or two free coefficients).

    Parameters
    ----------
    arch : GroupConvArchitecture or str
        ``C<n>: k_1,… [s=…]`` with wrap-around.
    values : sequence or str
        ``f``: ``n`` exact numbers.
    limits : Limits, optional
        ``max_root_work`` (subresultants, factorizations, isolations, the reductions' work),
        ``max_nodes`` (the number of placed-root reductions, case 5), ``max_precision``, and the
        bounds of the ordinary decision.

    Returns
    -------
    LiftDecision

    Raises
    ------
    InputError
        For a network without wrap-around or a malformed filter.
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> d = decide_lift("C3: 2,2,2,2,2", [1, 2, 3])     # stride one, m = 5 odd layers, e = 2: no fill
    >>> d.contained, d.case                             # a root at infinity and a plane lift with 4 real roots
    (True, 'reduced')
    >>> d = decide_lift("C3: 2,2,2,2,2", [1, 1, 1])     # no reduction helps (every lift vanishes at e^{2 pi i/3})
    >>> d.contained, d.case
    (None, 'open')
    >>> decide_lift("C3: 2,2,2,2", [1, 1, 1]).case      # e = 1: the plane of lifts
    'plane'
    >>> d = decide_lift("C4: 2,2,2,2", [0, 0, 1, 0])       # e = 0: the pencil z^2 + c (z^4 - 1)
    >>> d.contained, d.case
    (True, 'pencil')
    >>> decide_lift("C3: 2,2,2", [1, 1, 1]).contained      # 1 + z + z^2 + c (z^3 - 1): never 3 real roots
    False
    >>> d = decide_lift("C3: 2,2,2,2 s=1,1,2", [1, 2, 3])   # e = 2 with a stride: the stride-2 layer's root at
    >>> d.case, d.h                                        # infinity, then the pencil of 2,2,2,1 s=1,1,2
    ('placed', (Fraction(3, 4), Fraction(0, 1), Fraction(0, 1)))
    """
    arch = _architecture(arch)
    limits = Limits.coerce(limits)
    n, K = arch.order, arch.degree
    values = group_filter(values, n, "values")
    e = K - n
    lcn = arch.lcn_text
    model = orbit_model(Architecture.parse(lcn))
    if not any(values):
        return LiftDecision(True, "fill", "the zero filter", lift=(Fraction(0),) * (K + 1), h=(Fraction(0),) * (e + 1),
                            ordinary=contains(lcn, [0] * (K + 1), limits=limits))
    if model.T == 1:
        m = sum(model.m)
        if m <= e + 1:
            return _fill(lcn, values, n, K, m, limits)
    if e == 0:
        return _pencil(lcn, model, values, n, limits)
    if e == 1:
        p = decide_plane(lcn, model, values, n, limits)
        return LiftDecision(p.contained, "plane", p.reason, argument=p.argument, lift=p.lift, h=p.h,
                            ordinary=p.ordinary, algebraic_c=p.algebraic, data=p.data)
    tried: dict = {}
    if model.T == 1:
        found = _stride_one_high(lcn, values, n, K, sum(model.m), limits, tried)
        if found is not None:
            return found
        question = (f"is there a real h of degree <= {e} such that f + (z^{n} - 1) h has at least {sum(model.m)} real "
                    f"roots counted with multiplicity ({e} - deg h of them at infinity)?")
    else:
        found = _placements(arch, values, limits, tried)
        if found is not None:
            return found
        question = (f"is there a real h of degree <= {e} such that the root-orbit type of f + (z^{n} - 1) h "
                    f"(classes r^{model.T}) is one of the ordinary function space of {lcn}?")
    done = "; ".join(tried.get("reductions", []))
    return LiftDecision(None, "open", f"an existential question in {e + 1} real variables remains: {question}"
                        + (f" (sufficient reductions tried, each answered no or refused: {done})"
                           if done else ""), remaining=question, data=tried)


def _fill(lcn: str, values: tuple[Fraction, ...], n: int, K: int, m: int, limits: Limits,
          ends: tuple[int, ...] = ()) -> LiftDecision:
    points = fill_points(m - len(ends))
    targets = [-sum(v * r ** i for i, v in enumerate(values)) / (r ** n - 1) for r in points]
    h = [Fraction(0)] * (K - n + 1)
    for i, (r, y) in enumerate(zip(points, targets)):   # Lagrange: h = sum_i y_i prod_{j != i} (z - r_j)/(r_i - r_j)
        basis = [Fraction(1)]
        for j, s in enumerate(points):
            if j != i:
                basis = [a - s * b for a, b in zip([Fraction(0)] + basis, basis + [Fraction(0)])]
                basis = [a / (r - s) for a in basis]
        for d, b in enumerate(basis):
            h[d] += y * b
    h_t = tuple(h)
    F = lift_coefficients(values, n, h_t, K)
    r = contains(lcn, list(F), limits=limits)
    check(r.contained is True, f"the fill lift of {lcn} at {list(points)} is not in the ordinary function space")
    pts = ", ".join(number_text(p) for p in points)
    why = (f"m = {m} odd layer(s) <= e + 1 = {K - n + 1}" if not ends else
           f"m = {m} odd layer(s) <= e + 1 + {len(ends)} = {K - n + 1 + len(ends)}, f vanishing at "
           f"{', '.join(map(str, ends))} (a root of every lift)")
    pts = ", ".join([pts] * bool(pts) + [str(r) for r in ends])
    return LiftDecision(
        True, "fill",
        f"stride one with {why}: F = f + (z^{n} - 1)({polynomial_text(h_t)}) "
        f"vanishes at {pts or 'no point (m = 0)'}, so it has at least m real roots and lies in the ordinary "
        f"function space of {lcn}",
        argument=("every real F != 0 of degree <= K with at least m real roots (roots at infinity included) is a "
                  "product of real layers (stride one); h interpolates -f(r)/(r^n - 1) at m points r != +-1; "
                  + r.argument),
        lift=F, h=h_t, ordinary=r, data={"points": [number_text(p) for p in points]})


# ------------------------------------------------------------------ stride one, e >= 2 outside the fill
def _stride_one_high(lcn: str, values: tuple[Fraction, ...], n: int, K: int, m: int, limits: Limits,
                     tried: dict) -> LiftDecision | None:
    """Case 4 for stride one (module docstring): the fill with the free roots ``±1``, Newton's inequalities at the
    fixed coefficients (``m = K``), then the reductions to the plane; None when none of them decides."""
    e = K - n
    ends = tuple(r for r in ((1, -1) if n % 2 == 0 else (1,)) if sum(v * r ** i for i, v in enumerate(values)) == 0)
    if m <= e + 1 + len(ends):
        return _fill(lcn, values, n, K, m, limits, ends=ends)
    if m == K:
        for i in range(e + 2, n - 1):
            a, b, c = values[i - 1], values[i], values[i + 1]
            lhs, rhs = b * b * math.comb(K, i - 1) * math.comb(K, i + 1), a * c * math.comb(K, i) ** 2
            if lhs < rhs:
                reason = (f"every lift F = f + (z^{n} - 1) h (deg h <= {e}) keeps the coefficients F_{i - 1}, F_{i}, "
                          f"F_{i + 1} of f, and they violate Newton's inequality F_{i}^2 / C({K},{i})^2 >= "
                          f"F_{i - 1} F_{i + 1} / (C({K},{i - 1}) C({K},{i + 1})) that a binary form of degree {K} "
                          f"with {K} real roots satisfies; {lcn} needs all {K} roots real")
                return LiftDecision(False, "newton", reason,
                                    argument="the derivative d^(i-1)/dx^(i-1) d^(K-i-1)/dy^(K-i-1) of a real-rooted "
                                    "form is a real-rooted quadratic form, whose discriminant is Newton's inequality",
                                    data={"newton_index": i})
    return _reductions(lcn, values, n, K, m, limits, tried)


def _stride_one_text(n: int, m: int) -> str:
    """A stride-one architecture with formal degree ``n + 1`` and ``m`` odd layers (``n + 1 − m`` even)."""
    return ",".join(["2"] * m + ["3"] * ((n + 1 - m) // 2))


def _mul(a: list, b: list) -> list:
    out = [0 * a[0]] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] = out[i + j] + x * y
    return out


def _reductions(lcn: str, values: tuple[Fraction, ...], n: int, K: int, m: int, limits: Limits,
                tried: dict) -> LiftDecision | None:
    """Sufficient reductions to the plane (module docstring, case 4): ``r`` rational roots ``q_i``, ``j = e − 1 − r``
    roots at infinity, ``r`` in ``0, 1, e − 1``."""
    e = K - n
    mp = m - (e - 1)
    lcn2 = _stride_one_text(n, mp)
    model2 = orbit_model(Architecture.parse(lcn2))
    out = tried.setdefault("reductions", [])
    nodes = sorted({0, 1, e - 1})
    try:            # each is a plane of lifts in formal degree n + 1: about (n + 1)^7 / 2 (measured, before it starts)
        limits.check("max_root_work", f"work of {len(nodes)} reduction(s) to the plane of lifts of formal degree "
                     f"{n + 1} ((n + 1)^7 / 2 each)", len(nodes) * (n + 1) ** 7 // 2)
    except ResourceLimitError as err:
        out.append(f"not tried ({err})")
        return None
    for r in nodes:
        qs = fill_points(r)
        j = e - 1 - r
        # h_int of degree < r with h_int(q) = -f(q)/(q^n - 1): f + h_int (z^n - 1) vanishes at every q
        h_int = [Fraction(0)] * max(r, 1)
        for i, q in enumerate(qs):
            y = -sum(v * q ** k for k, v in enumerate(values)) / (q ** n - 1)
            basis = [Fraction(1)]
            for k, s in enumerate(qs):
                if k != i:
                    basis = [x / (q - s) for x in _mul(basis, [-s, Fraction(1)])]
            for d, b in enumerate(basis):
                h_int[d] += y * b
        base = list(lift_coefficients(values, n, tuple(h_int), n + len(h_int) - 1))
        P = [Fraction(1)]
        for q in qs:
            P = _mul(P, [-q, Fraction(1)])
        g = base[:]                            # exact division of base by P (synthetic, one root at a time)
        for q in qs:
            acc, quo = Fraction(0), []
            for c in reversed(g):
                acc = acc * q + c
                quo.append(acc)
            check(quo[-1] == 0, "a reduction's interpolated lift does not vanish at its node")
            g = list(reversed(quo[:-1]))
        check(all(c == 0 for c in g[n:]), "a reduction's quotient has degree >= n")
        g = (g + [Fraction(0)] * n)[:n]
        where = (f"{j} root(s) at infinity" + (f" and F(q) = 0 at q = {', '.join(number_text(q) for q in qs)}"
                                                if qs else ""))
        try:
            p = decide_plane(lcn2, model2, tuple(g), n, limits)
        except ResourceLimitError as err:
            out.append(f"{where}: refused ({err})")
            continue
        if not p.contained:
            out.append(f"{where}: no lift g + (c0 + c1 z)(z^{n} - 1) of g = (f + h_int (z^{n} - 1))/prod(z - q) "
                       f"has {mp} real roots ({lcn2})")
            continue
        how = (f"F = prod_q (z - q) G with {where}, G = g + (c0 + c1 z)(z^{n} - 1) a lift of "
               f"g = (f + (z^{n} - 1)({polynomial_text(tuple(h_int))}))/prod_q (z - q) with at least {mp} real roots "
               f"({lcn2}, the plane of lifts): F has at least {r} + {j} + {mp} = {m} real roots")
        hh = list(h_int) + [Fraction(0)] * (e + 1 - len(h_int))
        if p.lift is not None:
            F = (_mul(P, list(p.lift)) + [Fraction(0)] * (K + 1))[:K + 1]
            for d, c in enumerate(_mul(P, list(p.h))):
                hh[d] += c
            rr = contains(lcn, F, limits=limits)
            check(rr.contained is True, f"a reduced lift of {lcn} is not in the ordinary function space")
            check(lift_coefficients(values, n, tuple(hh), K) == tuple(F), "a reduced lift is not f + (z^n - 1) h")
            return LiftDecision(True, "reduced", f"{how}; F = f + (z^{n} - 1)({polynomial_text(tuple(hh))}) is in the "
                                f"ordinary function space of {lcn}: {rr.reason}", argument=how + "; " + rr.argument,
                                lift=tuple(F), h=tuple(hh), ordinary=rr, data=tried)
        den = p.algebraic["scale"]
        Gd: list[dict] = [{(0, 0): v} if v else {} for v in g] + [{}, {}]
        for i, ex, sgn in ((0, (1, 0), -1), (1, (0, 1), -1), (n, (1, 0), 1), (n + 1, (0, 1), 1)):
            Gd[i] = {**Gd[i], ex: Gd[i].get(ex, 0) + Fraction(sgn, den)}
        Fd: list[dict] = [{} for _ in range(K + 1)]
        for a, pa in enumerate(P):
            for b, gb in enumerate(Gd):
                for ex, c in gb.items():
                    Fd[a + b][ex] = Fd[a + b].get(ex, 0) + pa * c
        alg = dict(p.algebraic)
        more, text = algebraic_witness(lcn, p.point, Fd, values, n, limits)
        alg.update(more)
        alg["reduction"] = {"nodes": [number_text(q) for q in qs], "at_infinity": j, "plane": lcn2,
                            "reduced_filter": [number_text(v) for v in g]}
        return LiftDecision(True, "reduced", f"{how}; G at an algebraic point of its plane ({p.reason.split(': ')[0]}"
                            f"); {text}", argument=how + "; " + p.argument, algebraic_c=alg, data=tried)
    return None                       # the question stays open; a refused reduction is listed with its bound


# ------------------------------------------------------------------ strides, e >= 2: placed layer factors
#: the places of a root of a layer's own polynomial (``None``: at infinity); ``|a| != 1`` keeps ``z^S - a`` a unit
PLACES: tuple[Fraction | None, ...] = (None, Fraction(0), Fraction(2), Fraction(-2))
#: reductions listed one by one in ``data["reductions"]`` (the rest counted)
SHOWN = 12
#: the work counted for any reduction (the inverse of P, the quotient, one decision: about 2 ms measured)
FLOOR = 5000


def _plans(arch: GroupConvArchitecture, e: int) -> list[tuple[int, ...]]:
    """The numbers ``d_l`` of roots placed per layer (case 5 of the module docstring) whose reduced network is decided
    exactly: ``e' = e − Σ d_l S_l`` in ``{0, 1}``, negative (no wrap-around) or stride one (the fill); cheapest
    first (pencils and ordinary decisions, then stride one, then planes)."""
    sizes, dil = arch.windows, arch.dilations
    out = []
    for d in itertools.product(*(range(k) for k in sizes)):
        if not any(d) or all(k - x == 1 for k, x in zip(sizes, d)):
            continue
        e2 = e - sum(x * S for x, S in zip(d, dil))
        t2 = max([S for k, x, S in zip(sizes, d, dil) if k - x > 1], default=1)
        if e2 <= 1 or t2 == 1:
            out.append((0 if e2 <= 0 else 2 if e2 == 1 else 1, d))
    return [d for _, d in sorted(out)]


def _plan_work(arch: GroupConvArchitecture, d: tuple[int, ...], e: int) -> int:
    """Up-front work of one reduced decision: a plane ``(n + 1)^7 / 2`` (as the stride-one reductions), stride one
    with ``e' ≥ 2`` three planes, a pencil ``(n + 1)^4``, an ordinary decision ``(K' + 1)^3``, each at least
    :data:`FLOOR`."""
    n = arch.order
    e2 = e - sum(x * S for x, S in zip(d, arch.dilations))
    if e2 < 0:
        return max(FLOOR, (n + e2 + 1) ** 3)
    return FLOOR + ((n + 1) ** 4 if e2 == 0 else (n + 1) ** 7 // 2 if e2 == 1 else 3 * (n + 1) ** 7 // 2)


def _placements(arch: GroupConvArchitecture, values: tuple[Fraction, ...], limits: Limits,
                tried: dict) -> LiftDecision | None:
    """Case 5 (module docstring): place ``d_l`` roots of layer ``l`` at ``a`` in :data:`PLACES` (the factor
    ``z^{S_l} − a`` of ``w_l(z^{S_l})``, or a root at infinity) and decide ``g = f / Π (z^{S_l} − a)`` modulo
    ``z^n − 1`` on the reduced network; None when no reduction says yes (each is listed in ``tried``)."""
    n, K, e = arch.order, arch.degree, arch.degree - arch.order
    sizes, dil = arch.windows, arch.dilations
    out = tried.setdefault("reductions", [])
    answered: list[str] = []
    try:            # the plans (prod k_l vectors d), then the placements of each (multisets of PLACES per layer)
        limits.check("max_nodes", "plans of placed roots of a strided network (prod k_l)", math.prod(sizes))
        plans = _plans(arch, e)
        limits.check("max_nodes", "placed-root reductions of a strided network (plans x places)",
                     sum(math.prod(math.comb(len(PLACES) + x - 1, x) for x in d) for d in plans))
    except ResourceLimitError as err:
        out.append(f"placed roots: not tried ({err})")
        return None
    candidates = []
    for d in plans:
        per_layer = [list(itertools.combinations_with_replacement(PLACES, x)) for x in d]
        candidates += [(d, choice) for choice in itertools.product(*per_layer)]
    budget, total, kept = limits.max_root_work, 0, []
    for d, choice in candidates:
        total += _plan_work(arch, d, e)
        if budget is not None and total > budget:
            break
        kept.append((d, choice))
    if len(kept) < len(candidates):
        out.append(f"placed roots: {len(candidates) - len(kept)} of {len(candidates)} reduction(s) not tried ("
                   f"{limits.refuse('max_root_work', 'work of the reduced decisions', total)})")
    zn = flint.fmpq_poly([-1] + [0] * (n - 1) + [1])
    fpoly = flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator) for v in values])
    for d, choice in kept:
        P, factors = flint.fmpq_poly([1]), []
        for l, places in enumerate(choice):
            w = flint.fmpq_poly([1])
            for a in places:
                if a is not None:
                    w *= flint.fmpq_poly([flint.fmpq(-a.numerator, a.denominator), 1])
                    P *= flint.fmpq_poly([flint.fmpq(-a.numerator, a.denominator)] + [0] * (dil[l] - 1) + [1])
            factors.append(w)
        one, inv, _ = P.xgcd(zn)
        check(one == 1, "a placed factor z^S - a (|a| != 1) is not a unit modulo z^n - 1")
        g = (fpoly * inv) % zn
        gv = tuple(Fraction(int(g[i].p), int(g[i].q)) for i in range(n))
        sizes2 = [k - x for k, x in zip(sizes, d)]
        spec2 = (f"C{n}: {','.join(map(str, sizes2))}"
                 + (f" s={','.join(map(str, arch.strides))}" if arch.strides else ""))
        arch2 = GroupConvArchitecture(spec2)
        K2 = arch2.degree
        where = "; ".join(f"layer {l + 1}: " + ", ".join("infinity" if a is None else number_text(a) for a in places)
                          for l, places in enumerate(choice) if places)
        ptext = "(" + polynomial_text(tuple(Fraction(int(P[i].p), int(P[i].q)) for i in range(P.degree() + 1))) + ")"
        what = f"{spec2} at g = f / {ptext} mod z^{n} - 1 (roots placed: {where})"
        try:
            if K2 >= n:
                sub = decide_lift(arch2, gv, limits=limits)
                G = sub.lift
            elif any(gv[K2 + 1:]):
                answered.append(f"{what}: no (g has degree > K' = {K2}, no wrap-around)")
                continue
            else:
                r2 = contains(arch2.lcn_text, list(gv[:K2 + 1]), limits=limits)
                sub = LiftDecision(r2.contained, "ordinary", r2.reason, lift=tuple(gv[:K2 + 1]), ordinary=r2)
                G = sub.lift
        except ResourceLimitError as err:
            answered.append(f"{what}: refused ({err})")
            continue
        if not sub.contained:
            answered.append(f"{what}: {'no' if sub.contained is False else 'undecided'} ({sub.case})")
            continue
        how = (f"the layers' polynomials w_l(x) get the roots placed ({where}), i.e. f = {ptext} g modulo z^{n} - 1 "
               f"with "
               f"g in the function space of {spec2} ({sub.case}: {sub.reason})")
        if G is not None and sub.lift is not None:
            Fp = P * flint.fmpq_poly([flint.fmpq(v.numerator, v.denominator) for v in G])
            F = tuple(Fraction(int(Fp[i].p), int(Fp[i].q)) for i in range(K + 1))
            check(Fp.degree() <= K, "a placed lift has degree above K")
            q, rem = (Fp - fpoly).__divmod__(zn)
            check(rem == 0, "a placed lift does not reduce to f modulo z^n - 1")
            h = tuple(Fraction(int(q[i].p), int(q[i].q)) for i in range(e + 1))
            check(q.degree() <= e, "a placed lift has deg h > e")
            rr = contains(arch.lcn_text, list(F), limits=limits)
            check(rr.contained is True, f"a placed lift of {arch.lcn_text} is not in the ordinary function space")
            return LiftDecision(True, "placed", f"{how}; F = {ptext} G = f + (z^{n} - 1)({polynomial_text(h)}) is "
                                f"in the ordinary function space of {arch.lcn_text}: {rr.reason}",
                                argument=how + "; " + rr.argument, lift=F, h=h, ordinary=rr, data=tried)
        alg = dict(sub.algebraic_c or {})
        check(bool(alg.get("layer_balls")), "an algebraic reduced answer without layers")
        balls = []
        for l, q in enumerate(alg["layer_balls"]):
            layer = [flint.arb(x.strip("[]")) if x.startswith("[") else _arb_of(Fraction(x)) for x in q]
            w = [flint.arb(0)] * sizes[l]
            for i, x in enumerate(layer):
                for j in range(factors[l].degree() + 1):
                    w[i + j] += x * _arb_of(Fraction(int(factors[l][j].p), int(factors[l][j].q)))
            balls.append(w)
        check(_ball_product_contains(balls, dil, n, values), "the placed layers do not multiply back to f")
        alg["reduced_layers"] = alg.get("layers")
        alg["layer_balls"] = [[_ball_text(x) for x in w] for w in balls]
        exact = _exact_layers(alg, factors, sizes, dil, n, values) if alg.get("layers_exact") else None
        alg["layers"] = exact if exact is not None else alg["layer_balls"]
        alg["layers_exact"] = exact is not None
        alg["layer_kinds"] = ["exact" if exact is not None else "balls"] * len(balls)
        alg["reduction"] = {"network": spec2, "places": where, "reduced_filter": [number_text(v) for v in gv]}
        phi_text = polynomial_text(tuple(Fraction(c) for c in alg["minimal_polynomial"])).replace("z", "x")
        layers_text = (f"exact over Q(x), x the root of {phi_text} "
                       f"in its interval: {alg['layers']} (their product modulo z^{n} - 1 is f exactly in Q[x]/(phi))"
                       if alg["layers_exact"] else
                       f"certified balls: {alg['layers']} (their product modulo z^{n} - 1 contains f)")
        return LiftDecision(True, "placed", f"{how}; the reduced layers (at an algebraic point) times the placed "
                            f"factors are layers of {arch.lcn_text}, {layers_text}",
                            argument=how + "; " + sub.argument, algebraic_c=alg, data=tried)
    out.extend(answered[:SHOWN])
    if len(answered) > SHOWN:
        out.append(f"{len(answered) - SHOWN} more placed-root reduction(s) answered no, undecided or refused")
    return None


def _exact_layers(alg: dict, factors: list, sizes: tuple[int, ...], dil: tuple[int, ...], n: int,
                  values: tuple[Fraction, ...]) -> list | None:
    """The reduced layers (polynomials in ``x``, a root of ``alg["minimal_polynomial"]``) times the placed factors,
    when their product modulo ``z^n − 1`` is ``f`` exactly in ``Q[x]/(φ)`` (then at every root of ``φ``, the real
    one of the interval included); None otherwise (the balls stand)."""
    import sympy   # deferred: only an algebraic placed answer parses the reduced layers' texts

    x = sympy.Symbol("x")
    phi = flint.fmpq_poly([flint.fmpq(Fraction(c).numerator, Fraction(c).denominator)
                           for c in alg.get("minimal_polynomial", [])])
    if phi.degree() < 1:
        return None
    layers = []
    for l, q in enumerate(alg["reduced_layers"]):
        entries = []
        for t in q:
            coeffs = sympy.Poly(sympy.sympify(t.replace("^", "**")), x).all_coeffs()[::-1]
            entries.append(flint.fmpq_poly([flint.fmpq(int(sympy.Rational(c).p), int(sympy.Rational(c).q))
                                            for c in coeffs]))
        w = [flint.fmpq_poly([]) for _ in range(sizes[l])]
        for i, a in enumerate(entries):
            for j in range(factors[l].degree() + 1):
                w[i + j] += a * factors[l][j]
        layers.append([c % phi for c in w])
    acc = [flint.fmpq_poly([1])] + [flint.fmpq_poly([]) for _ in range(n - 1)]
    for w, S in zip(layers, dil):
        nxt = [flint.fmpq_poly([]) for _ in range(n)]
        for i, a in enumerate(acc):
            for j, c in enumerate(w):
                nxt[(i + S * j) % n] += a * c
        acc = [c % phi for c in nxt]
    if any((a - flint.fmpq(v.numerator, v.denominator)) % phi != 0 for a, v in zip(acc, values)):
        return None
    return [[str(c) for c in w] for w in layers]


def _ball_text(x: flint.arb) -> str:
    """An exact ball as its exact (dyadic) number, any other as ``[mid +/- rad]``."""
    if x.is_exact():
        m, ex = x.man_exp()
        return number_text(Fraction(int(m)) * Fraction(2) ** int(ex))
    return x.str(30, radius=True)


def _arb_of(v: Fraction) -> flint.arb:
    return flint.arb(v.numerator) / v.denominator


def _ball_product_contains(layers: list, dil: tuple[int, ...], n: int, values: tuple[Fraction, ...]) -> bool:
    """The product of the ball layers ``w_l(z^{S_l})`` modulo ``z^n − 1`` contains ``f`` coefficientwise."""
    acc = [flint.arb(1)] + [flint.arb(0)] * (n - 1)
    for w, S in zip(layers, dil):
        nxt = [flint.arb(0)] * n
        for i, a in enumerate(acc):
            for j, x in enumerate(w):
                nxt[(i + S * j) % n] += a * x
        acc = nxt
    return all(a.contains(_arb_of(v)) for a, v in zip(acc, values))


# ------------------------------------------------------------------ the pencil f + c (z^n - 1)
def _first_psc(P: list, Q: list, variable_degree: int, limits: Limits, what: str) -> tuple[int, Any]:
    """``(j, psc_j(P, Q))`` for the least ``j`` with ``psc_j ≢ 0`` (``P, Q`` lists of ``fmpz_mpoly`` in ``c``,
    coefficients constant first, formal degrees ``len − 1``)."""
    p, q = len(P) - 1, len(Q) - 1
    size = p + q
    limits.check("max_root_work", f"work of the subresultant determinants of {what} (size^3 x entry degree)",
                 size ** 3 * max(1, variable_degree) * p)
    zero = P[-1] * 0
    for j in range(q + 1):
        rows = [[x if not isinstance(x, int) else zero + x for x in r] for r in syha_rows(P, Q, j)]
        width = p + q - 2 * j
        det = bareiss_determinant([r[:width] for r in rows]) if width else P[-1]
        if det != 0:
            return j, det
    raise ArithmeticError(f"{what}: every principal subresultant coefficient vanishes")  # pragma: no cover


def _univariate(poly: Any) -> flint.fmpz_poly:
    coeffs: dict[int, int] = {}
    for exps, c in poly.terms():
        coeffs[exps[0]] = coeffs.get(exps[0], 0) + int(c)
    top = max(coeffs, default=-1)
    return flint.fmpz_poly([coeffs.get(i, 0) for i in range(top + 1)])


def _critical(fhat: list[int], n: int, T: int, limits: Limits) -> tuple[list, dict]:
    """The irreducible factors of ``Crit`` (for ``F = fhat + c (z^n − 1)``) and their provenance."""
    ctx = integer_ring(("c", "w", "z"))
    c, w, z = ctx.gens()
    zero = ctx.from_dict({})
    Fz = [zero + v for v in fhat]
    Fz[0] = Fz[0] - c
    Fz += [zero] * (n + 1 - len(Fz))
    Fz[n] = Fz[n] + c
    dF = [Fz[i] * i for i in range(1, n + 1)]
    parts = {"c": flint.fmpz_poly([0, 1]), "f0 - c": flint.fmpz_poly([fhat[0], -1])}
    _, psi_f = _first_psc(Fz, dF, 1, limits, "F_c and dF_c/dz")
    parts["psi_F"] = _univariate(psi_f)
    if T > 1:
        Fpoly = sum((Fz[i] * z ** i for i in range(n + 1)), zero)
        R = (w - z ** T).resultant(Fpoly, "z")
        Rw: list = [zero] * (n + 1)
        for (ec, ew, _), coef in R.terms():
            Rw[ew] += int(coef) * c ** ec
        dR = [Rw[i] * i for i in range(1, n + 1)]
        _, psi_r = _first_psc(Rw, dR, T, limits, f"the class polynomial res_z(F_c, w - z^{T})")
        parts["psi_R"] = _univariate(psi_r)
    factors: list = []
    for p in parts.values():
        check(not p.is_zero(), "a critical polynomial of the pencil vanishes identically")
        for fac, _ in p.factor()[1]:
            if fac.degree() > 0 and fac not in factors and -fac not in factors:
                factors.append(fac)
    return factors, parts


def _pencil(lcn: str, model: Any, values: tuple[Fraction, ...], n: int, limits: Limits) -> LiftDecision:
    den = 1
    for v in values:
        den = den * v.denominator // math.gcd(den, v.denominator)
    fhat = [int(v * den) for v in values]
    factors, parts = _critical(fhat, n, model.T, limits)
    roots = sorted_real_roots(factors, limits)
    samples: list[Fraction] = []
    if not roots:
        samples.append(Fraction(0))  # pragma: no cover - c = 0 is always a root
    else:
        samples.append((roots[0][1]).__floor__() - 1)
        samples.extend(rational_between(a[2], b[1]) for a, b in zip(roots, roots[1:]))
        samples.append((roots[-1][2]).__ceil__() + 1)
    crit_text = []
    for f, lo, hi, ball in roots:
        if f.degree() == 1:
            crit_text.append(number_text(Fraction(-int(f[0]), int(f[1])) / den))
        else:
            crit_text.append(f"root of {f} in [{number_text(lo / den)}, {number_text(hi / den)}]")
    data = {"critical_values": crit_text, "samples": [number_text(Fraction(s) / den) for s in samples],
            "critical_polynomial": {k: str(v) for k, v in parts.items()}}
    how = (f"the root-orbit type of F_c = f + c (z^{n} - 1) is constant between the {len(roots)} real critical "
           f"value(s) of c (roots of c (f_0 - c), of the first non-vanishing subresultant coefficient of F_c and "
           f"dF_c/dz" + (f", and of that of the class polynomial res_z(F_c, w - z^{model.T})" if model.T > 1 else "")
           + ")")

    def rational(chat: Fraction, where: str) -> LiftDecision | None:
        c = Fraction(chat) / den
        F = lift_coefficients(values, n, (c,), n)
        r = contains(lcn, list(F), limits=limits)
        if r.contained:
            return LiftDecision(True, "pencil", f"F = f + ({number_text(c)})(z^{n} - 1) ({where}) is in the ordinary "
                                f"function space of {lcn}: {r.reason}", argument=how + "; " + r.argument,
                                lift=F, h=(c,), ordinary=r, data=data)
        return None

    for i, s in enumerate(samples):
        found = rational(Fraction(s), f"a sample of open interval {i + 1} of {len(samples)}")
        if found is not None:
            return found
    for f, lo, hi, ball in roots:
        if f.degree() == 1:
            found = rational(Fraction(-int(f[0]), int(f[1])), "a critical value")
            if found is not None:
                return found
    irrational = [f for f, _, _, _ in roots if f.degree() > 1]
    # the norm res_T(phi, F(z, T)) of each type over Q(c_0) dominates: (n deg phi)^3, summed over the distinct
    # phi (the values at the other real roots of phi share it: one RootTypeCache for this decision)
    fields = {tuple(f.coeffs()): int(f.degree()) for f in irrational}
    limits.check("max_root_work", f"work of the exact types at {len(irrational)} irrational critical value(s) of c "
                 "((n deg phi)^3 summed over the distinct phi: the norms over Q(c_0))",
                 sum((n * d) ** 3 for d in fields.values()))
    cache = RootTypeCache()
    for f, lo, hi, ball in roots:
        if f.degree() == 1:
            continue
        phi = flint.fmpq_poly(f)
        point = RealAlgebraicPoint.from_root(phi, ball, [flint.fmpq_poly([0, 1])], limits=limits)
        coeffs: list[dict] = [{(0,): v} if v else {} for v in fhat] + [{}] * (n + 1 - len(fhat))
        coeffs[0] = {**coeffs[0], (1,): -1}
        coeffs[n] = {(1,): 1}
        rtype = algebraic_root_type(model, point, coeffs, limits, cache)
        if type_member(model, rtype, limits)[1]:
            alg = {"minimal_polynomial": [str(x) for x in f.coeffs()], "scale": den,
                   "interval": [number_text(lo / den), number_text(hi / den)],
                   "root_type": rtype.to_text() if rtype is not None else "zero"}
            fq = Fraction(1, den)      # the layers of F itself: c = c'/den
            exact: list[dict] = [{(0,): v} if v else {} for v in values] + [{}] * (n + 1 - len(values))
            exact[0] = {**exact[0], (1,): -fq}
            exact[n] = {(1,): fq}
            more, text = algebraic_witness(lcn, point, exact, values, n, limits)
            alg.update(more)
            where = (f"c, the root of {f} in [{number_text(lo)}, {number_text(hi)}]" if den == 1 else
                     f"c = c'/{den}, c' the root of {f} in [{number_text(lo)}, {number_text(hi)}]")
            return LiftDecision(True, "pencil", f"F = f + c (z^{n} - 1) is in the ordinary function space of {lcn} at "
                                f"the algebraic {where} (no rational c is): its exact type over Q(c) is admissible; "
                                f"{text}",
                                argument=how + "; at c the type is " + alg["root_type"], algebraic_c=alg, data=data)
    return LiftDecision(False, "pencil", f"no lift f + c (z^{n} - 1) is in the ordinary function space of {lcn}: "
                        f"{how}; the sample of each of the {len(samples)} open intervals and each critical value fail",
                        argument=how, data=data)
