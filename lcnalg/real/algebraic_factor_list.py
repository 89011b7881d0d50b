"""The factor list of a product of 2D filters over a real number field, exactly.

:mod:`lcnalg.real.pattern_boundary` decides the boundary of ``M`` relative to ``V(R)`` for a
2D stride-one architecture from the *factor list* ``ρ(P)`` of the end-to-end filter: the type
(``R(d)``: real absolutely irreducible of bidegree ``d``; ``C(d)``: ``h h̄`` with ``h``
absolutely irreducible, not a multiple of a real polynomial, of bidegree ``d``) and the
exponent of each distinct real irreducible factor of ``P``.  At a real critical point of a loss
the layers ``w_l`` have coefficients in a real number field ``K = Q(τ)``
(:class:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint`), and ``P = Π w_l``; this module
computes ``ρ(P)`` from the ``w_l`` (docs/theory.md#factor-list-number-field).

Algorithm
---------
Elements of ``K`` are polynomials in ``T`` reduced modulo the minimal polynomial ``φ`` of
``τ`` (zero iff the representative is), and ``K[x]``, ``K[y]`` are Euclidean
(:mod:`lcnalg.polys.number_field`).

1. *Contents.*  Each layer is written ``w = c_x(x) c_y(y) q(x, y)``: ``c_x`` is the monic gcd
   over ``K[x]`` of the coefficients of ``w`` as a polynomial in ``y``, ``c_y`` the same for
   ``w / c_x`` in the other variable, and ``q`` is primitive in both senses (a factor ``p(x)``
   of ``q`` would divide every coefficient of ``w / c_x``).  Every irreducible factor of ``q``
   involves both variables.
2. *Univariate factors.*  The irreducible factors of ``P`` over ``R`` in ``x`` alone are those
   of ``U_x = Π_l c_{x,l}``: a real root of multiplicity ``e`` gives ``R(1, 0)^e``, a pair of
   conjugate non-real roots of multiplicity ``e`` gives ``C(1, 0)^e``; they are counted
   exactly per multiplicity
   (:meth:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint.element_root_multiplicities`:
   gcd chains and Sturm sequences over ``K``).  The same in ``y``.
3. *Mixed factors.*  ``q`` is *certified absolutely irreducible* when it has degree 1 in a
   variable (a primitive polynomial of degree 1 over ``K[x]`` stays primitive over
   ``K̄[x]``, gcds being field-independent, so it is irreducible over ``K̄``), when its
   Newton polygon is integrally indecomposable (Gao's criterion holds over every field; the
   support is exact, as the zero test in ``K`` is), or by the *discriminant criterion* below.
   Otherwise ``q`` is factored over ``K`` (sympy's factorization over an algebraic number
   field, Trager's norm method; the product of the factors is checked against ``q`` exactly)
   and each ``K``-irreducible factor ``g`` is certified by these criteria or by its support
   gcd: over the perfect field ``K``, ``g = c Π_σ σ(h)`` over the ``r`` conjugates of one
   absolute factor ``h`` under ``Gal(K̄/K)``, which share the support of ``h`` (so the
   bidegree too), hence ``r`` divides :func:`~lcnalg.real.patterns.support_gcd` of ``g`` and
   ``g`` is absolutely irreducible when it is 1.  A certified ``g`` has real coefficients
   (``K ⊂ R``) and gives ``R(d)``, ``d`` its bidegree.

   *Discriminant criterion.*  Let ``g`` be primitive in both variables and squarefree, of
   degree 2 in ``x`` (or symmetrically in ``y``): ``g = A x^2 + B x + C`` with
   ``D = B^2 − 4AC ∈ K[y]`` non-zero.  By Gauss's lemma over ``K̄[y]`` (primitivity does not
   depend on the field), ``g`` is reducible over ``K̄`` iff it has a root in ``K̄(y)``, iff
   ``D`` is a square there, iff every root of ``D`` has even multiplicity (Yun's squarefree
   decomposition over ``K``).  So a root of odd multiplicity certifies ``g`` absolutely
   irreducible.  If there is none, ``D = lc(D) E^2`` with ``E ∈ K[y]`` monic, and
   ``g = A (x − x_+)(x − x_−)`` with ``x_± = (−B ± √lc(D) E) / 2A``: for ``g`` irreducible over
   ``K`` its two absolute factors are conjugate over ``K(√lc(D))``, of degree 1 in ``x`` and
   primitive, of bidegree ``(1, d_y/2)``; they are real (two ``R(1, d_y/2)``) when
   ``lc(D) > 0`` at the real embedding (the sign is decided exactly), and a pair
   ``C(1, d_y/2)`` otherwise (not a multiple of a real polynomial: ``g`` is squarefree).  This
   decides every factor with degree at most 2 in some variable (filters of up to three rows
   or columns).  A factor of degree ``≥ 3`` in both variables that no criterion certifies is
   *not decided* (its absolute factorization over ``K`` is not computed):
   :class:`~lcnalg.errors.UndecidedError`.
4. *Exponents.*  Distinct ``K``-irreducible factors are coprime over ``K``, hence over
   ``K̄``: their real factors are distinct.  Equal factors of different layers are merged
   (normalised by the coefficient of their lex-largest monomial and compared exactly in
   ``K``), their exponents added.

A zero layer gives ``P = 0`` (``None``).

References
----------
.. [Gao01] S. Gao, *Absolute irreducibility of polynomials via Newton polytopes*, J. Algebra
   237 (2001): an integrally indecomposable Newton polygon proves absolute irreducibility over
   any field.
.. [Tra76] B. M. Trager, *Algebraic factoring and rational function integration*, SYMSAC 1976.
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError, UndecidedError, check
from lcnalg.limits import Limits
from lcnalg.polys.bivariate import newton_polygon_indecomposable
from lcnalg.polys.number_field import KPoly, divmod_monic, gcd, inverse, monic, mul, squarefree, trim
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.real.patterns import FactorType, support_gcd

__all__ = ["algebraic_factor_list"]

BPoly = dict  # {(i, j): element of Q[T]/(φ)}, non-zero coefficients only


def algebraic_factor_list(point: RealAlgebraicPoint, layers: Sequence[Mapping[Any, Mapping[Any, Any]]],
                          limits: Limits | None = None) -> tuple[tuple[FactorType, int], ...] | None:
    """The factor list ``ρ(P)`` of ``P = Π_l w_l`` for 2D filters ``w_l`` over ``Q(τ)`` (None for ``P = 0``).

    Parameters
    ----------
    point : RealAlgebraicPoint
        The real algebraic point: its number field ``Q(τ)`` and coordinates.
    layers : sequence of dict
        One filter per layer, ``{(i, j): coefficient}`` (the coefficient of ``x^i y^j``), each
        coefficient a polynomial ``{exponent: coefficient}`` in the point's coordinates,
        evaluated exactly at the point.
    limits : Limits, optional
        ``max_root_work`` bounds the whole (``(D · deg φ)^2 / 8``, ``D`` the sum of the layers'
        degrees), ``max_field_work`` a factorization over ``Q(τ)``
        (``deg(φ)^2 · (d_x + 1)(d_y + 1)``, checked before it starts); ``max_precision`` the
        signs.

    Returns
    -------
    tuple of ((str, int, int), int) or None
        ``((kind, d_x, d_y), exponent)`` per distinct real irreducible factor, sorted, as
        :meth:`~lcnalg.real.patterns.PatternTable.factors_of` gives them for rational filters.

    Raises
    ------
    InputError
        For layers that are not filters of polynomials in the point's coordinates.
    UndecidedError
        When a factor over ``Q(τ)`` is not certified absolutely irreducible (the reason is named).
    ResourceLimitError
        When a bound is exceeded.

    Examples
    --------
    >>> p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
    ...                                  [flint.fmpq_poly([0, 1])])                   # s = √2
    >>> w = {(0, 0): {(0,): 1}, (1, 0): {(1,): 1}, (0, 1): {(0,): 1}, (1, 1): {(0,): 3}}  # 1 + √2 x + y + 3xy
    >>> algebraic_factor_list(p, [w, w])                                              # w^2: R(1,1)^2
    ((('R', 1, 1), 2),)
    >>> v = {(0, 0): {(0,): -2}, (2, 0): {(0,): 1}}                                   # x^2 − 2 = (x − √2)(x + √2)
    >>> u = {(0, 0): {(0,): 1}, (1, 0): {(1,): -1}, (0, 1): {(0,): 1}, (1, 1): {(1,): -1}}   # (1 − √2 x)(1 + y)
    >>> algebraic_factor_list(p, [v, u])
    ((('R', 0, 1), 1), (('R', 1, 0), 1), (('R', 1, 0), 1), (('R', 1, 0), 1))
    """
    limits = Limits.coerce(limits)
    if not isinstance(point, RealAlgebraicPoint):
        raise InputError(f"point: expected a RealAlgebraicPoint, got {checks.short(point)}")
    if isinstance(layers, (str, bytes, Mapping)) or not hasattr(layers, "__iter__"):
        raise InputError("layers: expected a sequence of filters {(i, j): polynomial in the point's coordinates}, "
                         f"got {checks.short(layers)}")
    phi = point.minimal_polynomial
    filters = []
    for number, layer in enumerate(layers, 1):
        if not isinstance(layer, Mapping):
            raise InputError(f"layers (layer {number}): expected a filter {{(i, j): polynomial}}, "
                             f"got {checks.short(layer)}")
        w: BPoly = {}
        for m, c in layer.items():
            if (not isinstance(m, tuple) or len(m) != 2
                    or not all(isinstance(a, int) and not isinstance(a, bool) and a >= 0 for a in m)):
                raise InputError(f"layers (layer {number}): a position is not a pair of non-negative integers: "
                                 f"{checks.short(m)}")
            e = point.element(c) % phi
            if e != 0:
                w[m] = e
        if not w:
            return None
        filters.append(w)
    total = sum(sum(_bidegree(w)) for w in filters)
    limits.check("max_root_work", "work (degree x field degree)^2/8 of the factor list of a filter over its number "
                 "field", (total * int(phi.degree())) ** 2 // 8)
    univariate: list[KPoly] = [[flint.fmpq_poly([1])], [flint.fmpq_poly([1])]]
    mixed: dict = {}
    for number, w in enumerate(filters, 1):
        cx = _content(w, 0, phi)
        w = _divide(w, cx, 0, phi)
        cy = _content(w, 1, phi)
        q = _divide(w, cy, 1, phi)
        univariate[0] = mul(univariate[0], cx, phi)
        univariate[1] = mul(univariate[1], cy, phi)
        if len(q) == 1 and (0, 0) in q:
            continue
        for g, types, e in _mixed_factors(q, point, number, limits):
            key, g = _normalised(g, phi)
            mixed[key] = (types, mixed.get(key, (types, 0))[1] + e)
    found: list = []
    for var, unit in ((0, (1, 0)), (1, (0, 1))):
        if len(univariate[var]) > 1:
            for e, real, pairs in point.element_root_multiplicities(univariate[var]):
                found += [(("R",) + unit, e)] * real + [(("C",) + unit, e)] * pairs
    for types, e in mixed.values():
        found += [(t, e) for t in types]
    return tuple(sorted(found))


# ------------------------------------------------------------------ bivariate polynomials over K
def _bidegree(f: BPoly) -> tuple[int, int]:
    return max(m[0] for m in f), max(m[1] for m in f)


def _coefficient_polys(f: BPoly, var: int) -> dict[int, KPoly]:
    """``f`` as a polynomial in the other variable with coefficients in ``K[var]``."""
    out: dict[int, list] = {}
    for m, c in f.items():
        row = out.setdefault(m[1 - var], [])
        row.extend(flint.fmpq_poly([]) for _ in range(m[var] + 1 - len(row)))
        row[m[var]] = c
    return out


def _content(f: BPoly, var: int, phi: Any) -> KPoly:
    """The monic gcd over ``K[var]`` of the coefficients of ``f`` in the other variable."""
    rows = list(_coefficient_polys(f, var).values())
    c = trim(rows[0], phi)
    for row in rows[1:]:
        if len(c) == 1:
            break
        c = gcd(c, row, phi)
    return gcd(c, [], phi)


def _divide(f: BPoly, c: KPoly, var: int, phi: Any) -> BPoly:
    """``f / c(var)`` for a monic ``c`` dividing every coefficient, exactly."""
    if len(c) == 1:
        return f
    out: BPoly = {}
    for k, row in _coefficient_polys(f, var).items():
        quotient, rest = divmod_monic(row, c, phi)
        check(not rest, "factor list: the content does not divide a coefficient")
        for i, a in enumerate(quotient):
            if a != 0:
                out[(i, k) if var == 0 else (k, i)] = a
    return out


def _certificate(f: BPoly) -> str | None:
    """Why a polynomial primitive in both variables is absolutely irreducible, or None."""
    dx, dy = _bidegree(f)
    if dx == 1 or dy == 1:
        return "degree 1 in a variable, primitive"
    if newton_polygon_indecomposable(list(f)):
        return "Gao: integrally indecomposable Newton polygon"
    return None


def _mixed_factors(q: BPoly, point: RealAlgebraicPoint, number: int, limits: Limits
                   ) -> list[tuple[BPoly, list[FactorType], int]]:
    """The irreducible factors over ``K`` of ``q`` (primitive in both variables, not constant),
    each with the types of its real irreducible factors and its exponent (step 3 of the module
    docstring)."""
    phi = point.minimal_polynomial
    dx, dy = _bidegree(q)
    if _certificate(q) is not None or (min(dx, dy) == 2 and _odd_discriminant(q, point)):
        return [(q, [("R", dx, dy)], 1)]
    limits.check("max_field_work", "size of a factorization over the number field of a real point, "
                 "deg(field)^2 x terms", int(phi.degree()) ** 2 * (dx + 1) * (dy + 1))
    out = []
    for g, e in _factor_over_field(q, phi):
        gx, gy = _bidegree(g)
        if _certificate(g) is not None or support_gcd(g) == 1:
            types = [("R", gx, gy)]
        elif min(gx, gy) == 2:
            types = [("R", gx, gy)] if _odd_discriminant(g, point) else _conjugate_halves(g, point)
        else:
            raise UndecidedError(
                f"layer {number}: a factor of bidegree ({gx}, {gy}), irreducible over the number field Q(tau) of "
                f"degree {int(phi.degree())}, is not certified absolutely irreducible (degree >= 3 in both "
                f"variables, decomposable Newton polygon, support gcd {support_gcd(g)}); its splitting over R is "
                "not computed")
        out.append((g, types, e))
    return out


def _discriminant(g: BPoly, phi: Any) -> tuple[int, KPoly]:
    """``(v, D)``: ``g = A v^2 + B v + C`` in a variable ``v`` of degree 2 and ``D = B^2 − 4AC``,
    a polynomial in the other variable."""
    v = 0 if _bidegree(g)[0] == 2 else 1
    rows = _coefficient_polys(g, 1 - v)
    c, b, a = (trim(rows.get(i, []), phi) for i in range(3))
    four_ac = mul([flint.fmpq_poly([4])], mul(a, c, phi), phi)
    square = mul(b, b, phi)
    n = max(len(square), len(four_ac))
    return v, trim([(square[i] if i < len(square) else 0) - (four_ac[i] if i < len(four_ac) else 0)
                    for i in range(n)], phi)


def _odd_discriminant(g: BPoly, point: RealAlgebraicPoint) -> bool:
    """Whether the discriminant of ``g`` (primitive in both variables, of degree 2 in a variable)
    has a root of odd multiplicity: then ``g`` is absolutely irreducible (module docstring)."""
    phi = point.minimal_polynomial
    _, disc = _discriminant(g, phi)
    return len(disc) > 1 and any(e % 2 for _, e in squarefree(monic(disc, phi), phi))


def _conjugate_halves(g: BPoly, point: RealAlgebraicPoint) -> list[FactorType]:
    """The two absolute factors of ``g``, irreducible over ``K``, of degree 2 in ``v`` and with a
    discriminant ``lc · E^2`` (module docstring): two real ``R`` when ``lc > 0``, else one pair ``C``."""
    phi = point.minimal_polynomial
    v, disc = _discriminant(g, phi)
    check(bool(disc), "factor list: a squarefree polynomial has a zero discriminant")
    other = _bidegree(g)[1 - v]
    check(other % 2 == 0, "factor list: conjugate factors of unequal bidegree")
    half: FactorType = ("R", 1, other // 2) if v == 0 else ("R", other // 2, 1)
    if point.element_sign(disc[-1]) > 0:          # √D = √lc · E is real: two real factors
        return [half, half]
    return [("C",) + half[1:]]


def _factor_over_field(q: BPoly, phi: Any) -> list[tuple[BPoly, int]]:
    """sympy's factorization of ``q`` over ``Q[T]/(φ)``, checked exactly against ``q``."""
    import sympy  # deferred: sympy's algebraic-field factorization is slow to import and rarely needed

    t, x, y = sympy.symbols("T x y")
    num = phi.numer()
    K = sympy.QQ.algebraic_field(sympy.CRootOf(sympy.Poly([int(c) for c in reversed(num.coeffs())], t), 0))
    check(K.mod.to_list() == [sympy.QQ(int(c)) for c in reversed(num.coeffs())],
          "factor list: the field's modulus is not the minimal polynomial")

    def to_k(e: Any) -> Any:
        return K([sympy.QQ(int(c.p), int(c.q)) for c in reversed(flint.fmpq_poly(e).coeffs())])

    def from_k(c: Any) -> Any:
        return flint.fmpq_poly([flint.fmpq(int(r.numerator), int(r.denominator)) for r in reversed(c.to_list())])

    poly = sympy.Poly.from_dict({m: to_k(c) for m, c in q.items()}, x, y, domain=K)
    _, fac = sympy.factor_list(poly)
    out = []
    product: BPoly = {(0, 0): flint.fmpq_poly([1])}
    for h, e in fac:
        g = {tuple(int(a) for a in m): from_k(c) % phi for m, c in h.rep.to_dict().items()}
        g = {m: c for m, c in g.items() if c != 0}
        out.append((g, int(e)))
        for _ in range(int(e)):
            product = _bmul(product, g, phi)
    check(_normalised(product, phi)[0] == _normalised(q, phi)[0],
          "factor list: the factors over the number field do not multiply to the polynomial")
    return out


def _bmul(a: BPoly, b: BPoly, phi: Any) -> BPoly:
    out: BPoly = {}
    for m, c in a.items():
        for n, d in b.items():
            k = (m[0] + n[0], m[1] + n[1])
            out[k] = (out.get(k, flint.fmpq_poly([])) + c * d) % phi
    return {m: c for m, c in out.items() if c != 0}


def _normalised(f: BPoly, phi: Any) -> tuple[tuple, BPoly]:
    """``f`` divided by the coefficient of its lex-largest monomial, and an exact key of it."""
    inv = inverse(f[max(f)], phi)
    g = {m: (c * inv) % phi for m, c in f.items()}
    return tuple(sorted((m, str(c)) for m, c in g.items())), g
