r"""The lift question with two free coefficients (``e = 1``), decided by a cylindrical decomposition of the plane.

Setting (docs/theory.md#group-convolutional-networks, :mod:`lcnalg.groups.cyclic_lifts`).  For
``G = C_n`` with ``K = n + 1`` the lifts of ``f`` form the plane

``F_{c0,c1}(z) = f(z) + (c0 + c1 z)(z^n − 1)``,  ``(c0, c1) ∈ R^2``,

of formal degree ``n + 1``, and ``f ∈ M`` iff some ``F_{c0,c1}`` lies in the ordinary function
space ``M_ord``.  Membership of ``F`` depends only on its root-orbit type ``κ(F)``
(docs/theory.md#orbit-description; ``T`` the largest cumulative stride).

**The critical polynomials.**  For a pair ``(P, Q)`` (here ``(F, ∂_z F)`` in formal degrees
``n + 1, n``, and for ``T > 1`` also ``(R, ∂_w R)`` with the class polynomial
``R(w) = res_z(F, w − z^T) = ± c1^T Π_r (w − r^T)``) let ``j_0`` be the least ``j`` with
``psc_j(P, Q) ≢ 0`` in ``(c0, c1)``.  ``D`` is the set ``c1``, ``f_0 − c0`` and the ``psc_{j_0}``
of both pairs; ``H`` the later non-zero ``psc_j``, ``j > j_0``; ``A_0`` (polynomials in ``c0``)
belongs to the line ``c1 = 0``, where ``F = f + c0 (z^n − 1)`` has formal degree ``n`` and a
root at infinity: ``c0``, ``f_0 − c0`` and every non-zero subresultant coefficient of that
pencil (and of its class polynomial) in formal degree ``n``.

**Claim.**  ``κ(F)`` is constant on every connected set ``C ⊂ {c1 ≠ 0}`` on which each element
of ``D ∪ H`` is zero everywhere or nowhere, and on every connected ``C ⊂ {c1 = 0}`` on which
each element of ``A_0`` is.  *Proof.*  On ``C ⊂ {c1 ≠ 0}`` the formal leading coefficients of
``F``, ``∂F``, ``R``, ``∂R`` (``c1``, ``(n + 1) c1``, ``± c1^T``, ``(n + 1) c1^T``) do not
vanish, so the degree of ``gcd(P, Q)`` at a point is the least ``j`` with ``psc_j ≠ 0`` there
(BPR06, Ch. 4), constant on ``C``: the number of distinct roots of ``F`` is constant, and so is
the number of distinct class values ``r^T``.  The argument of the pencil
(:mod:`lcnalg.groups.cyclic_lifts`, case 2) is local and uses only these two counts, the
constant vanishing of ``F(0)`` and the constant degree: the roots are continuous with constant
multiplicities, real ones stay real, the classes, their signs and positions are locally
constant, hence constant on the connected ``C``.  On ``{c1 = 0}`` the same with the pencil's
polynomials.  ``□``  Off ``Z(D)`` every ``psc_{j_0}`` is non-zero, so there the elements of
``H`` do not matter (the gcd degree is ``j_0``): a connected set avoiding ``Z(D)`` has one type.

**The decomposition.**  Let ``B`` be the irreducible factors (over Z) of the elements of ``D``
of positive degree in ``c1``, ``G`` those of ``H`` not in ``B``, and ``P`` the irreducible
factors of: the ``c1``-free factors of ``D`` and ``H``, the elements of ``A_0``, and for
``b, b' ∈ B``, ``g ∈ G`` the leading coefficient ``lc_{c1} b``, the discriminant
``disc_{c1} b`` and the resultants ``res_{c1}(b, b')``, ``res_{c1}(b, g)``.  Over an open
interval ``I`` of ``c0`` avoiding the real roots of ``P`` each ``b`` keeps its degree in ``c1``
and stays squarefree, and two of them have no common root: the real roots of the ``b`` over
``I`` are continuous, distinct, ordered functions (delineability; BPR06, Ch. 5).  This cuts
the plane into cells: over the intervals, the graphs of these functions (*sections*) and the
bands between them (*sectors*); over each real root ``α`` of ``P``, the real roots ``β`` of the
``b(α, c1)`` (points; ``b(α, ·) ≢ 0`` since ``b`` is irreducible of positive degree in ``c1``)
and the segments between them.  On a sector ``D ≠ 0``.  On a section of ``b`` over ``I`` every
other element of ``B`` and every ``g ∈ G`` is either ``±b`` (zero on it) or has no zero on it
(a zero would be a root of ``res_{c1}(b, ·)`` in ``I``), and the ``c1``-free factors and
``A_0`` have no root in ``I``.  So the claim applies to every sector and section.  Which cells
have to be decided:

* every sector, at a rational sample point ``(q, t)``;
* every section, at ``(q, β)`` with ``q`` rational and ``β`` a real root of ``b(q, c1)``;
* over a root ``α`` of ``P`` that is rational or a root of a ``c1``-free factor of ``H``: every point
  ``(α, β)`` of the curves ``B``; over any other root ``α``: the points ``(α, β)`` at which
  ``b(α, ·)`` has a multiple root or meets another curve of ``B ∪ G`` (the roots of
  ``gcd(b(α, ·), ∂b(α, ·))`` and ``gcd(b(α, ·), g(α, ·))`` over ``Q(α)``), and ``(α, 0)``;
* when ``α`` is a root of a ``c1``-free factor of ``D`` (the vertical line lies in ``Z(D)``),
  every point of the line on a curve of ``B ∪ G`` and a rational ``(α, t)`` in each segment
  between them (on such a segment every element of ``D ∪ H`` has a constant zero pattern).

A point off ``Z(D)`` over a root ``α`` has a disc around it that avoids ``Z(D)``; the disc meets
a sector, so the point has that sector's type (the remark after the claim).  Any other point
``(α, β)`` of a curve ``b`` over ``α`` (``α`` not a root of a ``c1``-free factor of ``D`` or ``H``)
is a simple root of ``b(α, ·)`` on no other curve of ``B ∪ G`` and off ``c1 = 0``: near it every
factor but ``b`` is non-zero and, by the implicit function theorem, ``Z(b)`` is the graph of a
continuous function over an interval around ``α``; that arc is connected with a constant zero
pattern and reaches over the neighbouring open interval, into a section that was decided.

**Exactness.**  A rational point is decided by the ordinary decision
(:func:`~lcnalg.real.membership.contains`), with its witness layers.  A point with one
algebraic coordinate (``β`` over rational ``q``, ``α`` with rational ``t``, ``(α, 0)``, or a
special point whose gcd is linear, ``β ∈ Q(α)``) is a
:class:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint` over ``Q(β)`` or ``Q(α)``.  A point
``(α, β)`` with ``α`` irrational (minimal polynomial ``φ``) is a real solution of
``φ(c0) = b(c0, c1) = 0`` (needed when a gcd above is not linear, or every point is), put over
``Q(τ)``, ``τ = c1 + k c0``, by a shear: ``χ(t)``, the
resultant in ``c0`` of ``φ`` and ``b(c0, t − k c0)`` (reduced modulo ``φ``), vanishes at the
values of ``t`` at the solutions, and where the first subresultant coefficient ``s_1(τ) ≠ 0``
the two have exactly one common root ``c0 = −s_0(τ)/s_1(τ)`` (``φ`` has a constant leading
coefficient, so subresultants specialize); ``k`` is changed until ``s_1`` is a unit modulo
every irreducible factor of ``χ``.  The solution with ``c0 = α`` is selected exactly by
``α``'s isolating interval (``c0`` is a root of ``φ``, and the interval holds only ``α``).
At these points ``κ(F)`` is the exact type over the number field
(:func:`~lcnalg.real.algebraic_root_type.algebraic_root_type`) and membership is
:func:`~lcnalg.real.orbit_description.type_member`; at an admissible one the layers of ``F`` are
:func:`~lcnalg.real.algebraic_witness.algebraic_layers` (exact over the number field where each
layer's share of the roots is a product of factors of ``F`` over it, certified balls otherwise),
checked by multiplying them back to ``F`` and reducing modulo ``z^n − 1`` to ``f`` (:func:`algebraic_witness`).
``f ∈ M`` iff the point of some cell is in
``M_ord``; "not contained" is proved by the finite list of cells.

Bounds: ``limits.max_root_work`` bounds the subresultant determinants, the projection (estimated
before it starts from the degrees of ``B`` and ``G``), the gcds over ``Q(α)`` at each irrational root of
``P`` (from ``deg φ`` times the bit size of ``φ``'s coefficients, which the gcds' coefficients have, charged
in full only to the pairs whose resultant ``φ`` divides: the other gcds are ``1``), the shears over each
irrational root of ``P`` and the exact type at each algebraic point (estimated before each, once per field and
coordinates: the points at other roots share the root-independent work,
:class:`~lcnalg.real.algebraic_root_type.RootTypeCache`, one per decision).  The points the fibers find are
bounded before the algebraic part starts: the gcds over ``Q(α)`` do not depend on which root of ``φ`` is ``α``,
so they run first, once per ``φ``, and give each special point with its true size; a curve to shear has at most
``deg_c1 b`` real points over ``α``, over fields of degree ``≤ deg_c1 b · deg φ`` (:func:`_special_work`); the
shears join the total, and the largest exact type is checked as the step it will be.  The exact types are
estimated in two steps: their norms from the degree and the power-basis size (:func:`_type_work`), then, with the norms
computed (once per field and coordinates, kept for the types), the isolation of the norms' roots from the norms
themselves (:func:`~lcnalg.real.algebraic_root_type.root_type_work`: degree, height and how close the roots are),
whose cost follows the height of the numbers, not their power-basis size; both join the total, for the algebraic
cell points and for the special points the gcds find; ``max_precision`` the refinements;
the ordinary decisions keep their own bounds.

References
----------
.. [BPR06] S. Basu, R. Pollack, M.-F. Roy, *Algorithms in Real Algebraic Geometry*, Springer
   (2006), Ch. 4 (subresultants), Ch. 5 (cylindrical decomposition, delineability).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import ResourceLimitError, check
from lcnalg.limits import Limits
from lcnalg.polys.minors import bareiss_determinant
from lcnalg.polys.number_field import derivative as nf_derivative, gcd as nf_gcd, trim as nf_trim
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.polys.univariate import RootData, arb_fraction, rational_between, sorted_real_roots, syha_rows
from lcnalg.real.algebraic_root_type import ISOLATION_WORK_TEXT, RootTypeCache, algebraic_root_type, root_type_work
from lcnalg.real.algebraic_witness import algebraic_layers
from lcnalg.real.decision import number_text
from lcnalg.real.membership import ContainmentResult, contains
from lcnalg.real.orbit_description import type_member
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["PlaneDecision", "algebraic_witness", "decide_plane", "lift_coefficients", "polynomial_text"]


@dataclass(frozen=True)
class PlaneDecision:
    """The decision on the plane of lifts (fields as in :class:`~lcnalg.groups.cyclic_lifts.LiftDecision`).

    Attributes
    ----------
    contained : bool
    reason, argument : str
    lift : tuple of Fraction or None
        The rational lift (coefficients ``0..n+1``) at a rational cell point.
    h : tuple of Fraction or None
        ``(c0, c1)`` there.
    ordinary : ContainmentResult or None
        The ordinary decision on the lift (its witness layers).
    algebraic : dict or None
        At an algebraic cell point: ``minimal_polynomial``, ``coordinates`` (of ``(c0, c1)`` times ``scale``, as
        polynomials in its root), ``root`` (an isolating ball), ``scale``, ``root_type`` and the layers
        (:func:`algebraic_witness`: ``layers``, ``layers_exact``, ``layer_kinds``, ``layer_balls``).
    data : dict
        ``critical_curves``, ``projection_roots``, ``c0_samples``, ``scale`` and, for "not contained", ``cells``
        (points decided) and ``algebraic_cells`` (those over a number field).
    point : RealAlgebraicPoint or None
        The algebraic cell point ``(c0', c1')`` (times ``scale``) when ``algebraic`` is set.
    """

    contained: bool
    reason: str
    argument: str = ""
    lift: tuple[Fraction, ...] | None = None
    h: tuple[Fraction, ...] | None = None
    ordinary: ContainmentResult | None = None
    algebraic: dict | None = None
    data: dict = field(default_factory=dict)
    point: RealAlgebraicPoint | None = field(default=None, compare=False, repr=False)


# ------------------------------------------------------------------ exact helpers
def lift_coefficients(values: tuple[Fraction, ...], n: int, h: tuple[Fraction, ...], K: int) -> tuple[Fraction, ...]:
    """The coefficients ``F_0..F_K`` of the lift ``F = f + (z^n − 1) h`` of ``f = Σ values_i z^i``.

    Examples
    --------
    >>> lift_coefficients((Fraction(1), Fraction(2), Fraction(3)), 3, (Fraction(5),), 3)
    (Fraction(-4, 1), Fraction(2, 1), Fraction(3, 1), Fraction(5, 1))
    """
    F = [Fraction(0)] * (K + 1)
    for i, v in enumerate(values):
        F[i] += v
    for i, c in enumerate(h):
        F[i + n] += c
        F[i] -= c
    return tuple(F)


def polynomial_text(h: tuple[Fraction, ...]) -> str:
    """``h_0 + h_1*z^1 + …`` with exact numbers, zero terms left out.

    Examples
    --------
    >>> polynomial_text((Fraction(1, 2), Fraction(0), Fraction(-3)))
    '1/2 + -3*z^2'
    """
    terms = [f"{number_text(c)}*z^{i}" if i else number_text(c) for i, c in enumerate(h) if c]
    return " + ".join(terms) or "0"



def algebraic_witness(lcn: str, point: RealAlgebraicPoint, coefficients: list, values: tuple[Fraction, ...], n: int,
                      limits: Limits) -> tuple[dict, str]:
    """The layers of a lift ``F`` with coefficients in ``Q(τ)`` (:func:`~lcnalg.real.algebraic_witness.
    algebraic_layers`), checked: the layers multiply back to ``F`` (exactly over ``Q(τ)``, or by containing balls)
    and ``F`` reduces to ``f`` modulo ``z^n − 1`` (exactly, or by balls).  Returns the entries of the result's
    ``algebraic`` data and a sentence for its text.

    Examples
    --------
    >>> import flint
    >>> from lcnalg.polys.real_algebraic import RealAlgebraicPoint
    >>> c = RealAlgebraicPoint.from_root(flint.fmpq_poly([-1, -2, 1]), flint.arb("-0.41 +/- 0.01"),
    ...                                  [flint.fmpq_poly([0, 1])])          # c = 1 - √2
    >>> f = (Fraction(2), Fraction(-1), Fraction(1))                          # F = f + c (z^3 - 1)
    >>> coeffs = [{(0,): 2, (1,): -1}, {(0,): -1}, {(0,): 1}, {(1,): 1}]
    >>> data, text = algebraic_witness("2,2 s=2", c, coeffs, f, 3, Limits())
    >>> data["layers_exact"], data["layers"]           # (1 + c z)(2 - c + z^2), c^2 = 2c + 1
    (True, [['1', 'x'], ['2 - x', '1']])
    """
    w = algebraic_layers(Architecture.parse(lcn), point, coefficients, limits)
    check(w.found, f"an algebraic lift of {lcn} with an admissible type has no distribution of its roots")
    check(w.reduces_to(values, n, point.minimal_polynomial),
          "the layers of an algebraic lift do not reduce to the filter modulo z^n - 1")
    layers = "; ".join(f"layer {l + 1}: ({', '.join(q)})" for l, q in enumerate(w.layers))
    if w.exact:
        text = (f"layers exact over Q(x), x the root of {w.minimal_polynomial} in {w.root}, layer 1 first: {layers} "
                f"(their product is F exactly over Q(x), and F = f modulo z^{n} - 1 exactly)")
    else:
        kinds = ", ".join("exact over Q(x)" if e else "certified balls" for e in w.layers_exact)
        text = (f"layers ({kinds}; x the root of {w.minimal_polynomial} in {w.root}), layer 1 first: {layers} "
                f"(the product of the enclosures contains every coefficient of F and, modulo z^{n} - 1, of f)")
    return {"layers": [list(q) for q in w.layers], "layers_exact": w.exact,
            "layer_kinds": ["exact" if e else "balls" for e in w.layers_exact],
            "layer_balls": [list(q) for q in w.balls]}, text


# ------------------------------------------------------------------ the critical polynomials
def _all_psc(P: list, Q: list, limits: Limits, what: str, degree: int) -> list:
    """``[psc_0(P, Q), …, psc_q(P, Q)]`` (formal degrees ``len − 1``; ``q = deg Q``), zeros included."""
    p, q = len(P) - 1, len(Q) - 1
    limits.check("max_root_work", f"work of the subresultant determinants of {what} (size^3 x entry degree, summed)",
                 sum((p + q - 2 * j) ** 3 * degree * (p + q - 2 * j) for j in range(q + 1)))
    zero = P[-1] * 0
    out = []
    for j in range(q + 1):
        rows = [[x if not isinstance(x, int) else zero + x for x in r] for r in syha_rows(P, Q, j)]
        width = p + q - 2 * j
        out.append(bareiss_determinant([r[:width] for r in rows]))
    return out


def _split(pscs: list) -> tuple[list, list]:
    """``([psc_{j0}], [psc_j : j > j0, psc_j ≢ 0])`` for the first ``j0`` with ``psc_{j0} ≢ 0``."""
    nonzero = [p for p in pscs if p != 0]
    check(bool(nonzero), "every principal subresultant coefficient vanishes identically")
    return nonzero[:1], nonzero[1:]


def _class_polynomial(Fz: list, T: int, ctx: Any) -> list:
    """``res_z(F, w − z^T)`` as its coefficient list in ``w`` (formal degree ``len(Fz) − 1``)."""
    c0, c1, w, z = ctx.gens()
    zero = ctx.from_dict({})
    D = len(Fz) - 1
    Fpoly = sum((Fz[i] * z ** i for i in range(D + 1)), zero)
    R = (w - z ** T).resultant(Fpoly, "z")
    Rw: list = [zero] * (D + 1)
    for (e0, e1, ew, _), coef in R.terms():
        Rw[ew] += int(coef) * c0 ** e0 * c1 ** e1
    return Rw


def _critical_sets(fhat: list[int], n: int, T: int, limits: Limits) -> tuple[list, list, list]:
    """``D`` and ``H`` (polynomials in ``c0, c1``) and ``A_0`` (in ``c0``), ``fmpz_mpoly`` of one context."""
    ctx = integer_ring(("c0", "c1", "w", "z"))
    c0, c1, w, z = ctx.gens()
    zero = ctx.from_dict({})
    Fz = [zero] * (n + 2)
    for i, v in enumerate(fhat):
        Fz[i] += v
    Fz[0] -= c0
    Fz[1] -= c1
    Fz[n] += c0
    Fz[n + 1] += c1
    dF = [Fz[i] * i for i in range(1, n + 2)]
    D, H = _split(_all_psc(Fz, dF, limits, "F and dF/dz", 1))
    D = [c1, zero + fhat[0] - c0] + D
    line = [x.subs({"c1": 0}) for x in Fz[:n + 1]]
    dline = [line[i] * i for i in range(1, n + 1)]
    A0 = [c0, zero + fhat[0] - c0] + _all_psc(line, dline, limits, "F(c0, 0) and dF/dz", 1)
    if T > 1:
        Rw = _class_polynomial(Fz, T, ctx)
        d, h = _split(_all_psc(Rw, [Rw[i] * i for i in range(1, len(Rw))], limits,
                               f"the class polynomial res_z(F, w - z^{T})", T))
        D, H = D + d, H + h
        R0 = _class_polynomial(line, T, ctx)
        A0 += _all_psc(R0, [R0[i] * i for i in range(1, len(R0))], limits, "the class polynomial of F(c0, 0)", T)
    return D, H, [a for a in A0 if a != 0]


def _in_c0(poly: Any) -> flint.fmpz_poly:
    coeffs: dict[int, int] = {}
    for exps, c in poly.terms():
        check(not any(exps[1:]), "a projection polynomial depends on c1")
        coeffs[exps[0]] = coeffs.get(exps[0], 0) + int(c)
    top = max(coeffs, default=-1)
    return flint.fmpz_poly([coeffs.get(i, 0) for i in range(top + 1)])


def _leading_c1(b: Any) -> flint.fmpz_poly:
    d = b.degrees()[1]
    coeffs: dict[int, int] = {}
    for exps, c in b.terms():
        if exps[1] == d:
            coeffs[exps[0]] = coeffs.get(exps[0], 0) + int(c)
    top = max(coeffs)
    return flint.fmpz_poly([coeffs.get(i, 0) for i in range(top + 1)])


def _at_c0(b: Any, q: Fraction) -> flint.fmpz_poly:
    """``b(q, c1)`` as a primitive integer polynomial in ``c1``."""
    coeffs: dict[int, Fraction] = {}
    for exps, c in b.terms():
        coeffs[exps[1]] = coeffs.get(exps[1], Fraction(0)) + int(c) * q ** int(exps[0])
    top = max(coeffs)
    vals = [coeffs.get(i, Fraction(0)) for i in range(top + 1)]
    den = 1
    for v in vals:
        den = den * v.denominator // math.gcd(den, v.denominator)
    p = flint.fmpz_poly([int(v * den) for v in vals])
    return p


def _add_factor(out: list, p: flint.fmpz_poly) -> list:
    """Append the irreducible factors of ``p`` of positive degree (positive leading coefficient) not yet in ``out``;
    return all of them."""
    if p.degree() < 1:
        return []
    facs = []
    for fac, _ in p.factor()[1]:
        if fac.degree() > 0:
            if fac[fac.degree()] < 0:
                fac = -fac
            facs.append(fac)
            if fac not in out:
                out.append(fac)
    return facs


def _factors(A: list, exclude: tuple = ()) -> tuple[list, list]:
    """Irreducible factors of ``A`` not in ``exclude``: those of positive degree in ``c1`` and those in ``c0`` only."""
    B: list = []
    pure: list = []
    for a in A:
        for fac, _ in mpoly_factor(a)[1]:
            if fac.degrees()[1] > 0:
                if fac not in B and -fac not in B and fac not in exclude and -fac not in exclude:
                    B.append(fac)
            elif fac.degrees()[0] > 0:
                _add_factor(pure, _in_c0(fac))
    return B, pure


def _rational_root(phi: flint.fmpz_poly) -> Fraction | None:
    return Fraction(-int(phi[0]), int(phi[1])) if phi.degree() == 1 else None


def _samples(roots: list) -> list[Fraction]:
    """A rational point in each open interval cut out by the sorted isolated ``roots``."""
    if not roots:
        return [Fraction(0)]
    out = [Fraction((roots[0][1]).__floor__() - 1)]
    out += [rational_between(a[2], b[1]) for a, b in zip(roots, roots[1:])]
    out.append(Fraction((roots[-1][2]).__ceil__() + 1))
    return out


# ------------------------------------------------------------------ the cells
class _Point:
    """A point of the plane to decide: ``rational`` (two Fractions) or ``algebraic`` (a RealAlgebraicPoint)."""

    def __init__(self, kind: str, where: str, rational: tuple[Fraction, Fraction] | None = None,
                 algebraic: RealAlgebraicPoint | None = None, text: str = "") -> None:
        self.kind, self.where, self.rational, self.algebraic, self.text = kind, where, rational, algebraic, text


def _algebraic(phi: flint.fmpz_poly, ball: Any, coords: list, limits: Limits) -> RealAlgebraicPoint:
    polys = [flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) if isinstance(x, Fraction) else x for x in c])
             for c in coords]
    return RealAlgebraicPoint.from_root(flint.fmpq_poly(phi), ball, polys,
                                        limits=limits)


def _line_points(B: list, q: Fraction, limits: Limits, segments: bool, sectors: bool, where: str) -> list[_Point]:
    """The cells over the rational ``c0 = q``: the roots ``β`` of the ``b(q, ·)`` (sections or points), and,
    if asked, a rational point between consecutive roots (sectors, or segments on a vertical line of ``Z(D)``)."""
    facs: list = []
    for b in B:
        _add_factor(facs, _at_c0(b, q))
    roots = sorted_real_roots(facs, limits) if facs else []
    out: list[_Point] = []
    if sectors or segments:
        kind = "sector" if sectors else "segment"
        out += [_Point(kind, f"{kind} over {where}", rational=(q, t)) for t in _samples(roots)]
    for phi, lo, hi, ball in roots:
        r = _rational_root(phi)
        if r is not None:
            out.append(_Point("curve", f"a point of the critical curves over {where}", rational=(q, r)))
        else:
            out.append(_Point("curve", f"a point of the critical curves over {where}",
                              algebraic=_algebraic(phi, ball, [[q], [0, 1]], limits),
                              text=f"c1' {_root_text(phi, lo, hi)}"))
    return out


def _root_text(phi: flint.fmpz_poly, lo: Fraction, hi: Fraction) -> str:
    """A short name of a real algebraic number (the polynomial itself is in the result's data)."""
    return f"the root of an irreducible polynomial of degree {phi.degree()} in [{float(lo):.6g}, {float(hi):.6g}]"


def _fiber_points(B: list, phi: flint.fmpz_poly, lo: Fraction, hi: Fraction, ball: Any, vertical: bool,
                  limits: Limits, others: list | None = None, crossings: list | None = None,
                  found: tuple[list, list] | None = None) -> list[_Point]:
    """The cells over an irrational root ``α`` of ``P`` (minimal polynomial ``phi``, isolating ``[lo, hi]``) to decide:
    every point of the curves ``B`` over ``α`` (and the segments between them on a vertical line of ``Z(D)``), or,
    with ``others``, only the special points (:func:`_special_points`; ``crossings`` as for :func:`_gcd_work`)."""
    where = f"c0' {_root_text(phi, lo, hi)}"
    pts: list[RealAlgebraicPoint] = []
    if others is not None:      # only the special points of each b over α, over Q(α) when the gcd is linear
        special, B = _special_points(B, others, phi, ball, limits, crossings, found)
        pts += special
    limits.check("max_root_work", f"work of the systems phi(c0) = b(c0, c1) = 0 over the irrational projection root "
                 f"{where} ((2 deg phi)^3 x deg_c1 b x deg phi, summed)", _shear_work(phi, B))
    # on a vertical line of Z(D) one system with the product of the curves lists each point once (the segments
    # need the order of distinct values); otherwise one system per curve (smaller; a point on two curves is
    # decided twice)
    c1 = B[0].context().gens()[1] if B else None
    if vertical:
        prod = B[0]
        for b in B[1:]:
            prod = prod * b
        systems = [prod]
    else:
        systems = list(B)
    for b in systems:
        if b == c1:         # the point (α, 0) of the line c1 = 0 has one algebraic coordinate
            pts.append(_algebraic(phi, ball, [[0, 1], [0]], limits))
        else:
            pts += _shear_points(phi, b, lo, hi, limits)
    out = [_Point("curve", f"a point of the critical curves over {where}", algebraic=p,
                  text=f"({where}, a root of b(c0', c1'))") for p in pts]
    if vertical:    # the segments of a vertical line of Z(D): rational c1 between the distinct roots
        prec = 64
        while True:
            balls = sorted((p.value({(0, 1): 1}, prec) for p in pts), key=lambda a: float(a.mid()))
            if all(not a.overlaps(b) for a, b in zip(balls, balls[1:])):
                break
            prec *= 2
            limits.check("max_precision", "working precision (bits) of a point of the decomposition", prec)
        ts = [(None, arb_fraction(a.lower()), arb_fraction(a.upper()), None) for a in balls]
        for t in _samples(ts):
            out.append(_Point("segment", f"a segment of the vertical line c0 = {where}",
                              algebraic=_algebraic(phi, ball, [[0, 1], [t]], limits)))
    return out


def _special_points(B: list, others: list, phi: flint.fmpz_poly, ball: Any,
                    limits: Limits, crossings: list | None = None,
                    found: tuple[list, list] | None = None) -> tuple[list[RealAlgebraicPoint], list]:
    """The points ``(α, β)`` of each ``b ∈ B`` where ``b(α, ·)`` has a multiple root or meets another curve of
    ``others`` (and ``(α, 0)`` when ``c1 ∈ B``), over ``Q(α)``: each is a root of ``gcd(b(α, ·), ∂b(α, ·))``
    or ``gcd(b(α, ·), g(α, ·))`` (:func:`_gcd_points`; ``found``, its result for ``phi`` if already computed);
    a linear gcd ``c1 + γ`` gives ``β = −γ ∈ Q(α)``.  Returns the points and the curves whose gcds are not all
    linear (for the shear).  The other points of ``b`` over ``α`` share the type of a section
    (docs/theory.md#plane-of-lifts)."""
    phiq = flint.fmpq_poly(phi)
    c1 = others[0].context().gens()[1]
    betas, rest = found if found is not None else _gcd_points(B, others, phi, limits, crossings)
    pts: list[RealAlgebraicPoint] = []
    if c1 in B:
        pts.append(_algebraic(phi, ball, [[0, 1], [0]], limits))
    for beta in betas:
        pts.append(RealAlgebraicPoint.from_root(phiq, ball, [flint.fmpq_poly([0, 1]), beta], limits=limits))
    return pts, rest


def _gcd_points(B: list, others: list, phi: flint.fmpz_poly, limits: Limits,
                crossings: list | None = None) -> tuple[list, list]:
    """The gcds over ``Q(α) = Q[T]/(φ)`` of :func:`_special_points` (exact, :mod:`lcnalg.polys.number_field`; they
    do not depend on which root of ``φ`` is ``α``): ``(betas, rest)``, the distinct ``β = −γ`` (reduced modulo
    ``φ``) of the linear gcds ``c1 + γ`` of the curves all of whose gcds are at most linear, and the other curves
    (other than ``c1``).  The work is checked first (:func:`_gcd_work`)."""
    phiq = flint.fmpq_poly(phi)
    c1 = others[0].context().gens()[1]
    limits.check("max_root_work", "work of the gcds over Q(alpha) of the critical curves at an irrational projection "
                 f"root ({_GCD_WORK_TEXT})", _gcd_work(phi, B, others, crossings))
    betas: list = []
    rest: list = []
    for b in B:
        if b == c1:
            continue
        bK = _at_alpha(b, phiq)
        gcds = [nf_gcd(bK, nf_derivative(bK, phiq), phiq)]
        gcds += [nf_gcd(bK, _at_alpha(g, phiq), phiq) for g in others if g != b and g != -b]
        if any(len(h) > 2 for h in gcds):
            rest.append(b)
            continue
        for h in gcds:
            if len(h) == 2:       # monic c1 + h[0]
                beta = (-h[0]) % phiq
                if beta not in betas:
                    betas.append(beta)
    return betas, rest


def _at_alpha(b: Any, phiq: Any) -> list:
    """``b(α, c1)`` as a polynomial over ``Q[T]/(φ)`` (coefficients of ``c1^0, c1^1, …``, trimmed)."""
    coeffs: dict[int, Any] = {}
    for exps, c in b.terms():
        coeffs[int(exps[1])] = coeffs.get(int(exps[1]), flint.fmpq_poly([])) + \
            int(c) * flint.fmpq_poly([0] * int(exps[0]) + [1])
    return nf_trim([coeffs.get(i, flint.fmpq_poly([])) for i in range(max(coeffs) + 1)], phiq)


def _shear_points(phi: flint.fmpz_poly, b: Any, lo: Fraction, hi: Fraction,
                  limits: Limits) -> list[RealAlgebraicPoint]:
    """The real solutions of ``φ(c0) = b(c0, c1) = 0`` with ``c0`` the root ``α`` of ``φ`` in ``[lo, hi]``
    (``φ`` irreducible of degree ``d ≥ 2``, ``b(α, ·) ≢ 0``) as exact points over ``Q(τ)``, ``τ = c1 + k c0``
    (docs/theory.md#plane-of-lifts: the shear).

    For ``k = 0, 1, −1, 2, …``: ``Q(c0, t)`` is ``b(c0, t − k c0)`` pseudo-reduced modulo ``φ`` (formal degree
    ``d − 1`` in ``c0``), ``χ(t) = psc_0(φ, Q)`` (the resultant in ``c0``, vanishing exactly at the values ``t`` of
    the solutions), and ``S_1 = s_1 c0 + s_0`` the first subresultant.  ``φ``'s leading coefficient is a non-zero
    constant, so at a root ``τ`` of an irreducible factor ``ψ`` of ``χ`` with ``ψ ∤ s_1`` the gcd of ``φ`` and
    ``Q(·, τ)`` has degree exactly one: the only common root is ``c0 = −s_0(τ)/s_1(τ)``, and
    ``c1 = τ − k c0``; so ``τ`` determines the solution.  A ``k`` for which some factor divides ``s_1`` is replaced by the next one
    (finitely many ``k`` fail: those identifying two of the finitely many solutions).
    """
    ctx = integer_ring(("c0", "t"))
    x, t = ctx.gens()
    zero = ctx.from_dict({})
    d = int(phi.degree())
    P = [zero + int(c) for c in phi.coeffs()]
    lead = int(phi[d])
    terms = [((int(e[0]), int(e[1])), int(c)) for e, c in b.terms()]
    for attempt in range(4 * d * max(1, b.degrees()[1]) ** 2 + 2):
        k = (attempt + 1) // 2 * (1 if attempt % 2 else -1)
        poly = sum((c * x ** e0 * (t - k * x) ** e1 for (e0, e1), c in terms), zero)
        Q = [zero] * (max(e[0] for e, _ in poly.terms()) + 1)
        for (e0, e1), c in poly.terms():
            Q[e0] += int(c) * t ** e1
        while len(Q) > d:           # pseudo-reduce: lead * Q - top * c0^(m - d) phi
            top = Q.pop()
            m = len(Q)
            Q = [lead * q for q in Q]
            for i in range(d):
                Q[m - d + i] -= top * int(phi[i])
        Q += [zero] * (d - len(Q))
        chi = bareiss_determinant([[zero + v for v in r] for r in syha_rows(P, Q, 0)])
        rows = [[zero + v for v in r] for r in syha_rows(P, Q, 1)]
        width = 2 * d - 3
        s1 = bareiss_determinant([r[:width] for r in rows]) if width else zero + 1
        s0 = bareiss_determinant([r[:width - 1] + [r[width]] for r in rows])
        chi_t, s1_t, s0_t = (_in_t(p) for p in (chi, s1, s0))
        check(not chi_t.is_zero(), "the resultant of a critical curve and a projection polynomial vanishes")
        factors = [f for f, _ in chi_t.factor()[1] if f.degree() > 0]
        if any((s1_t % f).is_zero() for f in factors):
            continue
        out = []
        for f in factors:
            for tau in _real_roots_at(f, s0_t, s1_t, lo, hi, limits):
                fq = flint.fmpq_poly(f)
                g, inv, _ = flint.fmpq_poly(s1_t).xgcd(fq)      # s_1 is a unit modulo the irreducible ψ
                check(g == 1, "the first subresultant coefficient is not invertible at a separated solution")
                x0 = (-flint.fmpq_poly(s0_t) * inv) % fq
                x1 = (flint.fmpq_poly([0, 1]) - k * x0) % fq
                out.append(RealAlgebraicPoint.from_root(fq, tau, [x0, x1], limits=limits))
        return out
    raise ArithmeticError("no separating shear c1 + k c0 was found")  # pragma: no cover - finitely many k fail


def _in_t(poly: Any) -> flint.fmpz_poly:
    coeffs: dict[int, int] = {}
    for exps, c in poly.terms():
        check(exps[0] == 0, "a resultant in c0 depends on c0")
        coeffs[exps[1]] = coeffs.get(exps[1], 0) + int(c)
    top = max(coeffs, default=-1)
    return flint.fmpz_poly([coeffs.get(i, 0) for i in range(top + 1)])


def _real_roots_at(f: flint.fmpz_poly, s0: flint.fmpz_poly, s1: flint.fmpz_poly, lo: Fraction, hi: Fraction,
                   limits: Limits) -> list[Any]:
    """Isolating balls of the real roots ``τ`` of ``f`` with ``c0 = −s_0(τ)/s_1(τ)`` in ``[lo, hi]``.

    ``c0`` is exactly a root of ``φ`` and ``[lo, hi]`` isolates ``α`` among them, so a ball of ``c0`` inside
    ``[lo, hi]`` proves ``c0 = α`` and one disjoint from it proves ``c0 ≠ α``; the precision doubles until one
    holds."""
    exact = 64 + max(abs(x.numerator).bit_length() + x.denominator.bit_length() for x in (lo, hi))
    with flint.ctx.workprec(exact):     # the dyadic endpoints exactly: a rounded one can hide a root inside
        a, b = flint.arb(lo.numerator) / lo.denominator, flint.arb(hi.numerator) / hi.denominator
    prec = 64
    while True:
        with flint.ctx.workprec(prec):
            balls = [flint.arb(r.real) for r, _ in f.complex_roots() if r.imag.is_zero()]
            out, undecided = [], False
            for tau in balls:
                den = s1(tau)
                x = -s0(tau) / den if not den.contains(0) else None
                if x is not None and (x.upper() < a or x.lower() > b):
                    continue
                if x is not None and x.lower() >= a and x.upper() <= b:
                    out.append(tau)
                else:
                    undecided = True
        if not undecided:
            return out
        prec *= 2
        limits.check("max_precision", "working precision (bits) of a point of the decomposition", prec)


def _projection(B: list, G: list, pure: list, pure_h: list, A0: list, limits: Limits) -> tuple[list, list]:
    """The irreducible factors ``P`` of the projection (module docstring: *The decomposition*): ``pure`` (irreducible,
    first and in order), those of ``pure_h`` and ``A0``, and for ``b, b' ∈ B``, ``g ∈ G`` of ``lc_c1 b``,
    ``disc_c1 b``, ``res_c1(b, b')`` and ``res_c1(b, g)``.  Also returns the *crossings* ``(b, g, factors)``, one
    per discriminant (``g = b``) and resultant: the gcds over ``Q(α)`` of :func:`_special_points` can be
    non-constant only where ``α`` is a root of one of those factors (:func:`_gcd_work`)."""
    proj: list = list(pure)
    for p in pure_h:
        _add_factor(proj, p)
    for a in A0:
        _add_factor(proj, _in_c0(a))
    # the resultant of b and g in c1 has degree <= deg_c1 b tot g + deg_c1 g tot b in c0: its square, summed
    limits.check("max_root_work", f"work of the projection of {len(B)} critical curve(s) in the plane of lifts "
                 "((deg_c1 b tot g + deg_c1 g tot b)^2 summed over the pairs)",
                 sum((b.degrees()[1] * g.total_degree() + g.degrees()[1] * b.total_degree()) ** 2
                     for i, b in enumerate(B) for g in B[i:] + G))
    crossings: list = []
    for i, b in enumerate(B):
        _add_factor(proj, _leading_c1(b))
        if b.degrees()[1] > 1:
            crossings.append((b, b, _add_factor(proj, _in_c0(b.discriminant("c1")))))
        for b2 in B[i + 1:] + G:
            crossings.append((b, b2, _add_factor(proj, _in_c0(b.resultant(b2, "c1")))))
    return proj, crossings


def decide_plane(lcn: str, model: Any, values: tuple[Fraction, ...], n: int, limits: Limits) -> PlaneDecision:
    """Decide ``f ∈ M`` for ``e = 1`` by the decomposition of the module docstring.

    Parameters
    ----------
    lcn : str
        The ordinary architecture (formal degree ``K = n + 1``).
    model : OrbitModel
        Its levels.
    values : tuple of Fraction
        ``f`` (``n`` entries, not all zero).
    n : int
        The order of the group.
    limits : Limits

    Returns
    -------
    PlaneDecision

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> from lcnalg.real.orbit_tilings import orbit_model
    >>> lcn = "2,2,2,2"
    >>> model = orbit_model(Architecture.parse(lcn))
    >>> d = decide_plane(lcn, model, (Fraction(1), Fraction(2), Fraction(3)), 3, Limits())
    >>> d.contained, d.h                    # F = f + (1/2 - 3/8 z)(z^3 - 1) has 4 real roots
    (True, (Fraction(1, 2), Fraction(-3, 8)))
    >>> d = decide_plane(lcn, model, (Fraction(1), Fraction(1), Fraction(1)), 3, Limits())
    >>> d.contained                         # every lift vanishes at exp(2 pi i/3): at most 2 real roots
    False
    """
    den = 1
    for v in values:
        den = den * v.denominator // math.gcd(den, v.denominator)
    fhat = [int(v * den) for v in values]
    Dpolys, Hpolys, A0 = _critical_sets(fhat, n, model.T, limits)
    B, pure = _factors(Dpolys)
    G, pure_h = _factors(Hpolys, exclude=tuple(B))
    pure_all = pure + pure_h        # over their roots every point of the curves is decided
    vertical = list(pure)
    proj, crossings = _projection(B, G, pure, pure_h, A0, limits)
    roots = sorted_real_roots(proj, limits) if proj else []
    qs = _samples(roots)
    points: list[_Point] = []
    for i, q in enumerate(qs):
        points += _line_points(B, q, limits, False, True, f"c0' = {number_text(q)}")
    algebraic_roots = []
    for phi, lo, hi, ball in roots:
        r = _rational_root(phi)
        if r is not None:
            where = f"the critical c0' = {number_text(r)}"
            points += (_line_points(B + G, r, limits, True, False, where) if phi in vertical else
                       _line_points(B, r, limits, False, False, where))
        else:
            algebraic_roots.append((phi, lo, hi, ball))
    data = {"critical_curves": len(B), "projection_roots": len(roots), "c0_samples": [number_text(q / den) for q in qs],
            "scale": den}
    how = (f"the root-orbit type of F = f + (c0 + c1 z)(z^{n} - 1) is constant on each cell of a cylindrical "
           f"decomposition of the plane (c0, c1) adapted to the {len(B)} critical curve(s) (c1, f_0 - c0, the first "
           f"principal subresultant coefficient of F and dF/dz not identically zero" +
           (f" and that of the class polynomial res_z(F, w - z^{model.T})" if model.T > 1 else "") +
           f"), and to where they meet the {len(G)} curve(s) of the later coefficients, over the {len(roots)} real "
           f"root(s) of the projection")
    order = sorted(points, key=lambda p: (p.algebraic is not None, p.kind != "sector"))

    def fiber_work(phi: flint.fmpz_poly) -> int:
        if phi in vertical:
            return _shear_work(phi, B + G)
        if phi in pure_all:
            return _shear_work(phi, B)
        return _gcd_work(phi, B, B + G, crossings)

    gcds: dict = {}     # the gcds over Q[T]/(phi) of each non-vertical phi (_gcd_points): the same at every root

    def fibers_work(known: int, what: str, cells: list | None = None) -> None:
        """Check the algebraic part before it starts: ``known`` (the norms of the exact types of the distinct
        algebraic cell points ``cells``) and the gcds or shears over every irrational root; then compute those norms
        and check again with the isolation of their roots estimated from them (:func:`~lcnalg.real.
        algebraic_root_type.root_type_work`); then find the special points (the gcds, once per ``φ``) and check
        again with the shears and exact types of the points the fibers find (:func:`_special_work`), and with the
        isolation at the special points the gcds found."""
        what = f"{what}the gcds over Q(alpha) or shears over {len(algebraic_roots)} irrational projection root(s)"
        keys = {}
        for phi, _, _, _ in algebraic_roots:
            keys.setdefault(tuple(int(c) for c in phi.coeffs()), phi)
        special = [phi for phi in keys.values() if phi not in pure_all]
        limits.check("max_root_work", what, known + sum(fiber_work(phi) for phi, _, _, _ in algebraic_roots if
                                                        phi in pure_all) +
                     sum(_gcd_work(phi, B, B + G, crossings) for phi in special))
        if cells:       # the norms (within the estimate just checked), then the isolation estimated from them
            known += sum(root_type_work(model, pt, coeffs, limits, cache.types) for pt in cells)
            what = (f"{what} (the isolation of the roots of the norms at the {len(cells)} distinct algebraic cell "
                    f"point(s): {ISOLATION_WORK_TEXT})")
            limits.check("max_root_work", what, known + sum(fiber_work(phi) for phi, _, _, _ in algebraic_roots if
                                                            phi in pure_all) +
                         sum(_gcd_work(phi, B, B + G, crossings) for phi in special))
        for phi in special:
            gcds[tuple(int(c) for c in phi.coeffs())] = _gcd_points(B, B + G, phi, limits, crossings)
        work = known + sum(fiber_work(phi) for phi, _, _, _ in algebraic_roots if phi in pure_all) + \
            sum(_gcd_work(phi, B, B + G, crossings) for phi in special)
        types: list[int] = []
        for key, phi in keys.items():
            if phi in vertical:
                shears, fields = _special_work(phi, [_product(B + G)], None, n)
                # the segments between the points: rational c1 over Q(alpha)
                fields.append(_type_units(n, int(phi.degree()), 2 * _bits(phi) + 64))
            else:
                shears, fields = _special_work(phi, B, gcds.get(key), n)
            work += shears * sum(1 for q, _, _, _ in algebraic_roots if q == phi)
            types += fields
        limits.check("max_root_work", f"{what} and of the shears where a gcd over Q(alpha) is not linear", work)
        if types:
            limits.check("max_root_work", f"work of the exact type at the largest of the {len(types)} point(s) or "
                         f"field(s) the fibers over the irrational projection roots find ({_SPECIAL_WORK_TEXT}; "
                         f"{_TYPE_WORK_TEXT})", max(types))
        # the special points found by the gcds are known now (at any root of phi: the work does not depend on it):
        # their norms (each within the bound just checked), and the isolation of their roots estimated from them
        specials = []
        for phi, _, _, ball in algebraic_roots:
            key = tuple(int(c) for c in phi.coeffs())
            if key in gcds and key not in done:
                done.add(key)
                specials += _special_points(B, B + G, phi, ball, limits, crossings, gcds[key])[0]
        specials = [pt for pt in _distinct(specials) if _point_key(pt) not in cache.charged]
        if specials:
            isolation = sum(root_type_work(model, pt, coeffs, limits, cache.types) for pt in specials)
            limits.check("max_root_work", f"{what}, of the shears and of the isolation of the roots of the norms at "
                         f"the {len(specials)} special point(s) the gcds over Q(alpha) found ({ISOLATION_WORK_TEXT})",
                         work + isolation)

    done: set = set()       # the fields whose special points were estimated
    coeffs = _plane_coefficients(fhat, n)
    decided = algebraic_decided = 0
    cache = _TypeCache()        # the root-independent work of the exact types, shared by this decision's points
    refused: list[ResourceLimitError] = []      # a refused cell is put off: a later cell may still decide "yes"
    rational = [p for p in order if p.algebraic is None]
    algebraic = [p for p in order if p.algebraic is not None]
    for i, p in enumerate(rational + algebraic):
        if i == len(rational) and (algebraic or algebraic_roots):
            # every rational point failed: bound the algebraic part as a whole before it starts
            distinct = _distinct(q.algebraic for q in algebraic)
            fibers_work(sum(_type_work(pt, n) for pt in distinct),
                        f"work of the exact types at {len(algebraic)} algebraic cell point(s) and of ", distinct)
        try:
            found = _decide(p, lcn, model, values, fhat, n, den, limits, how, data, cache)
        except ResourceLimitError as err:
            refused.append(err)
            continue
        decided += 1
        algebraic_decided += p.algebraic is not None
        if found is not None:
            return found
    if not algebraic and algebraic_roots:
        fibers_work(0, "work of ")
    for phi, lo, hi, ball in algebraic_roots:
        try:
            if phi in vertical:
                fiber = _fiber_points(B + G, phi, lo, hi, ball, True, limits)
            elif phi in pure_all:
                fiber = _fiber_points(B, phi, lo, hi, ball, False, limits)
            else:
                fiber = _fiber_points(B, phi, lo, hi, ball, False, limits, others=B + G, crossings=crossings,
                                      found=gcds.get(tuple(int(c) for c in phi.coeffs())))
        except ResourceLimitError as err:
            refused.append(err)
            continue
        for p in fiber:
            try:
                found = _decide(p, lcn, model, values, fhat, n, den, limits, how, data, cache)
            except ResourceLimitError as err:
                refused.append(err)
                continue
            decided += 1
            algebraic_decided += 1
            if found is not None:
                return found
    if refused:     # no cell said yes, and some were not decided: the first refusal names the bound
        raise refused[0]
    data["cells"] = decided
    data["algebraic_cells"] = algebraic_decided
    return PlaneDecision(False, f"no lift f + (c0 + c1 z)(z^{n} - 1) is in the ordinary function space of "
                        f"{lcn}: {how}; the point of each of the {decided} cell(s) to decide fails", argument=how,
                        data=data)


@dataclass
class _TypeCache:
    """One decision's shared exact-type work: the root-independent results (:class:`RootTypeCache`) and the points
    (minimal polynomial and coordinates) whose estimate was already checked."""
    types: RootTypeCache = field(default_factory=RootTypeCache)
    charged: set = field(default_factory=set)


def _point_key(pt: RealAlgebraicPoint) -> tuple:
    """The exact field and coordinates of ``pt``, without its root: what the root-independent work depends on."""
    return tuple(pt.minimal_polynomial.coeffs()), tuple(tuple(c.coeffs()) for c in pt.coordinates)


def _distinct(points: Any) -> list[RealAlgebraicPoint]:
    """One point per field and coordinates (:func:`_point_key`)."""
    seen: dict = {}
    for pt in points:
        seen.setdefault(_point_key(pt), pt)
    return list(seen.values())


_TYPE_WORK_TEXT = "((K deg phi)^3 / 16) x (1 + coefficient bits / 128): the norm over the number field"


def _type_work(pt: RealAlgebraicPoint, n: int) -> int:
    """The estimate of an exact type at ``pt``: ``((n + 1) deg φ)^3 / 16`` times ``1 + bits / 128``.

    ``bits`` is the largest size (numerator and denominator bits) of a coefficient of ``φ`` or of a coordinate.
    Calibration (the multimodular norm, ``max_root_work`` units of about 15 µs): over random fields of degree
    4–28 with ``K = 5`` and coefficients of 14–2,200 bits the measured time of a first (uncached) type is
    0.4–1.3 times the estimate, except a degree-16 field with 2,200-bit coefficients (8 times: its roots need
    refining); at the points of the plane of ``C4: 2,2,2,2,2`` (a 127-bit minimal polynomial of degree 28,
    coordinates of up to 1,985 bits in its power basis, where the norm is mostly content) the 28 distinct points
    take 0.05–0.8 times the estimate, two small ones 2–2.6 times (timed on a loaded machine).  The same field and coordinates at another root are charged once (:class:`_TypeCache`).

    This bounds the norm (computed first).  The rest of the type, the isolation and refinement of the norm's roots,
    costs what the height of the numbers says, not their power-basis size (the points of the planes have small
    height; dense random coordinates of 100 bits over a field of degree 8 cost about 50 times this estimate, of 400
    bits over 1,000 times): it is estimated from the norm itself once the norm is known
    (:func:`~lcnalg.real.algebraic_root_type.root_type_work`, ``ISOLATION_WORK_TEXT``), added to the total of the
    algebraic part before it starts, and checked again before each isolation (calibration:
    ``benchmarks/root_type_work.py``, docs/theory.md#plane-of-lifts).
    """
    bits = max(max((int(c.p).bit_length() + int(c.q).bit_length() for c in x.coeffs()), default=1)
               for x in (*pt.coordinates, pt.minimal_polynomial))
    return _type_units(n, int(pt.minimal_polynomial.degree()), bits)


def _type_units(n: int, degree: int, bits: int) -> int:
    """:func:`_type_work` of a point over a field of ``degree`` with coefficients of ``bits``."""
    return ((n + 1) * degree) ** 3 // 16 * (1 + bits // 128)


_SPECIAL_WORK_TEXT = ("the exact types at the points found by the gcds over Q(alpha) (their true sizes), and, "
                      "where a gcd is not linear or on the line of a c1-free factor, the shears and m points per "
                      "curve over fields of degree <= m deg phi, coordinates of m deg phi bits(phi) bits")


def _special_work(phi: flint.fmpz_poly, B: list, found: tuple[list, list] | None, n: int) -> tuple[int, list[int]]:
    """The estimate of the cell points over a root ``α`` of ``phi`` that the fiber itself finds, before their exact
    types run: the work of the shears (:func:`_shear_work`, to be charged once per root) and the list of the
    estimates of the exact types (:func:`_type_units`, each a step of its own, once per ``φ``: the gcds over
    ``Q[T]/(φ)`` and the shears do not depend on which root is ``α``, so the points over the other roots have the
    same field and coordinates, :class:`_TypeCache`).

    ``found``: the result of :func:`_gcd_points` for ``phi`` (the special points, computed before), or ``None`` on
    the line of a ``c1``-free factor (every point of the curves ``B``, by shears).  Each ``β`` found is charged as
    the point ``(α, β)`` over ``Q(α)`` will be, from its true size; ``(α, 0)`` when ``c1 ∈ B``.  Each curve ``b``
    that is sheared (``found``'s ``rest``, or every curve without ``found``) has at most ``m = deg_c1 b`` real
    points over ``α``, over fields ``Q(τ)``, ``τ`` a root of a factor of ``res_c0(φ, b(c0, t − k c0))`` of degree
    ``≤ m d`` (``d = deg φ``); one field of degree ``m d`` bounds any split (the cube is superadditive).  Their
    coordinates are charged with ``m W`` bits (``W = d h``, ``h`` the bit size of ``φ``: the size of the gcds'
    coefficients, :func:`_gcd_work`, times the degree of the extension; not calibrated, no plane measured here
    shears; the check of each point before its type, with its true size, stays).
    """
    d = int(phi.degree())
    W = d * _bits(phi)
    phiq = flint.fmpq_poly(phi)
    monic = phiq / int(phi[d])
    hb = max(int(c.p).bit_length() + int(c.q).bit_length() for c in monic.coeffs())
    c1 = B[0].context().gens()[1] if B else None
    per_field = []
    if c1 in B:
        per_field.append(_type_units(n, d, hb))
    per_root = 0
    if found is not None:
        betas, sheared = found
        for beta in betas:
            bits = max([hb] + [int(c.p).bit_length() + int(c.q).bit_length() for c in beta.coeffs()])
            per_field.append(_type_units(n, d, bits))
        per_root = _shear_work(phi, sheared)
    else:
        sheared = [b for b in B if b != c1]
    for b in sheared:
        m = int(b.degrees()[1])
        per_field.append(_type_units(n, d * m, max(hb, m * W)))
    return per_root, per_field


_GCD_WORK_TEXT = ("W = deg phi x coefficient bits of phi; 25, and per pair of degrees m, k in c1 "
                  "14 + m k deg phi / 20, plus W^2 / 11000 + W (deg phi + m k) / 75 where phi divides their resultant, "
                  "W^2 / 600000 + W deg phi / 200 if m or k is 1")


def _gcd_work(phi: flint.fmpz_poly, B: list, others: list, crossings: list | None) -> int:
    """The estimate of the gcds over ``Q(α)`` of :func:`_special_points` at a root ``α`` of ``phi``.

    For each ``b ∈ B`` other than ``c1`` and each ``g ∈ others`` (``g ≠ ±b``; ``g = b`` stands for ``∂b/∂c1``)
    with ``m = deg_c1 b``, ``k = deg_c1 g`` (``m − 1`` for the derivative), ``k ≥ 1``: ``14 + m k d / 20`` (a gcd ``1``,
    proved by one prime; ``d = deg φ``), and where ``φ`` divides ``res_c1(b, g)`` (``disc_c1 b``; ``crossings``
    holds ``(b, g, its irreducible factors)`` from the projection, :func:`_projection`; ``None`` counts every pair)
    also the modular gcd with a non-trivial answer:
    ``W^2 / 11000 + W (d + m k) / 75`` with ``W = d h``, ``h`` the largest coefficient bit size of ``φ``
    (``W^2 / 600000 + W d / 200`` when ``m`` or ``k`` is 1: then one exact division decides); plus 25 per root.
    Only where ``φ`` divides it can the gcd be non-constant (a common root of ``b(α, ·)`` and ``g(α, ·)`` makes the
    resultant of the formal degrees vanish at ``α``), and its coefficients, in the power basis of ``α``, have about
    ``W`` bits (numerator and denominator): the number of primes and the size of the Chinese remainders follow.

    Calibration (``max_root_work`` units of about 15 µs, CPU time; fitted on 520 roots, checked on 544 others,
    ``benchmarks/fiber_work.py``): at the irrational roots of the resultants and discriminants of random curves
    (``deg_c1`` 1–6, ``deg_c0`` 1–5, coefficients of 1–400 bits: fields of degree 2–30 with coefficients of up to
    4,000 bits, the gcds' coefficients 0.6–1.5 times ``W`` bits) and of the planes of lifts of random filters on
    ``C3`` and ``C4`` (0.1–0.8 times ``W``), the time of :func:`_special_points` is 0.38–1.35 times the estimate
    (5–95 %, median 0.74), 0.23–1.86 at the extremes; above 3,000 units (45 ms) 0.30–1.61 on the random curves (up to
    11 s a root) and 0.30–0.54 on the planes.  Beyond that range, at a degree-54 root (1,695-bit ``φ``) of the plane
    of ``C5: 2,2,2,2,2,2`` and ``f = (1, 2^60, 3, 4, 5)``: 12.8 s for an estimate of 889,344 (0.96).  At the ten
    roots of the plane of ``C4: 2,2,2,2,2`` and ``f = (1, 2, 3, 4)`` (degree 3–28): 13,230 in all for 0.13 s (0.67);
    the earlier estimate ``Σ (d deg_c1 b deg_c1 g)^2`` over every pair was 28,181,790 there.
    """
    d = int(phi.degree())
    W = d * max(abs(int(c)).bit_length() for c in phi.coeffs())
    c1 = others[0].context().gens()[1] if others else None
    work = 25
    for b in B:
        if b == c1:
            continue
        m = int(b.degrees()[1])
        for g in others:
            if g == -b:
                continue
            k = m - 1 if g == b else int(g.degrees()[1])
            if k < 1:
                continue
            work += 14 + m * k * d // 20
            if crossings is None or any(phi in facs for x, y, facs in crossings
                                        if (x == b and y == g) or (x == g and y == b)):
                work += (W * W // 11000 + W * (d + m * k) // 75 if min(m, k) > 1 else
                         W * W // 600000 + W * d // 200)
    return work


def _bits(phi: flint.fmpz_poly) -> int:
    return max(abs(int(c)).bit_length() for c in phi.coeffs())


def _product(B: list) -> Any:
    prod = B[0]
    for b in B[1:]:
        prod = prod * b
    return prod


def _shear_work(phi: flint.fmpz_poly, B: list) -> int:
    """The estimate of the shears over a root of ``phi``: ``(2 deg φ)^3 deg_c1 b deg φ`` summed over ``B``."""
    d = int(phi.degree())
    return sum((2 * d) ** 3 * b.degrees()[1] * d for b in B)


def _plane_coefficients(fhat: list[int], n: int) -> list[dict]:
    """The coefficients ``F_0, …, F_{n+1}`` of ``F = f̂ + (c0' + c1' z)(z^n − 1)`` as polynomials in ``(c0', c1')``."""
    coeffs: list[dict] = [{(0, 0): v} if v else {} for v in fhat] + [{}] * (n + 2 - len(fhat))
    for i, e in ((0, (1, 0)), (1, (0, 1))):
        coeffs[i] = {**coeffs[i], e: coeffs[i].get(e, 0) - 1}
    coeffs[n] = {**coeffs[n], (1, 0): coeffs[n].get((1, 0), 0) + 1}
    coeffs[n + 1] = {**coeffs[n + 1], (0, 1): coeffs[n + 1].get((0, 1), 0) + 1}
    return coeffs


def _decide(p: _Point, lcn: str, model: Any, values: tuple[Fraction, ...], fhat: list[int], n: int, den: int,
            limits: Limits, how: str, data: dict, cache: "_TypeCache") -> PlaneDecision | None:
    if p.rational is not None:
        h = (p.rational[0] / den, p.rational[1] / den)
        F = lift_coefficients(values, n, h, n + 1)
        r = contains(lcn, list(F), limits=limits)
        if r.contained:
            return PlaneDecision(True, f"F = f + ({polynomial_text(h)})(z^{n} - 1) ({p.where}) is in the ordinary "
                                f"function space of {lcn}: {r.reason}", argument=how + "; " + r.argument,
                                lift=F, h=h, ordinary=r, data=data)
        return None
    coeffs = _plane_coefficients(fhat, n)
    pt = p.algebraic
    if _point_key(pt) not in cache.charged:     # the same field and coordinates at another root: charged once
        limits.check("max_root_work", "work of the exact type at an algebraic point of the plane of lifts "
                     f"({_TYPE_WORK_TEXT})", _type_work(pt, n))
        cache.charged.add(_point_key(pt))
    rtype = algebraic_root_type(model, pt, coeffs, limits, cache.types)
    if type_member(model, rtype, limits)[1]:
        alg = {"minimal_polynomial": [str(x) for x in pt.minimal_polynomial.coeffs()],
               "coordinates": [str(c) for c in pt.coordinates], "scale": den,
               "root": str(pt.root), "root_type": rtype.to_text() if rtype is not None else "zero"}
        fq = Fraction(1, den)          # the layers of F itself: coefficients in (c0, c1) = (c0', c1')/den
        exact: list[dict] = [{(0, 0): v} if v else {} for v in values] + [{}] * (n + 2 - len(values))
        for i, e in ((0, (1, 0)), (1, (0, 1))):
            exact[i] = {**exact[i], e: -fq}
        exact[n] = {**exact[n], (1, 0): fq}
        exact[n + 1] = {**exact[n + 1], (0, 1): fq}
        more, text = algebraic_witness(lcn, pt, exact, values, n, limits)
        alg.update(more)
        return PlaneDecision(True, f"F = f + (c0 + c1 z)(z^{n} - 1) is in the ordinary function space of "
                            f"{lcn} at the algebraic point (c0, c1) = (c0', c1')/{den}, {p.where} {p.text} (no "
                            f"rational cell point is): its exact type is admissible; {text}",
                            argument=how + "; the type there is " + alg["root_type"],
                            algebraic=alg, data=data, point=pt)
    return None
