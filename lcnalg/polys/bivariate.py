"""Bivariate polynomials over Q: Newton polygons, absolute irreducibility, and the absolute
factorization of a Q-irreducible polynomial with its real factors.

Absolute irreducibility is certified cheaply where possible
(:func:`absolutely_irreducible_certificate`: total degree 1, degree 1 in one variable, or
Gao's criterion of an integrally indecomposable Newton polygon,
:func:`newton_polygon_indecomposable`); otherwise the absolute factorization below decides.

Let ``f ∈ Z[x, y]`` be irreducible over Q.  Over C it splits as
``f = lc(f) · Π_σ σ(g)``: the absolute factors are the Galois conjugates of one factor
``g`` defined over a number field ``K`` (pairwise coprime, since ``f`` is squarefree).
lcnalg computes them exactly:

1. **A smooth point.**  Choose a variable ``v`` with ``deg_v f ≥ 1`` and an integer
   ``u0`` for the other one such that ``f(u0, v)`` keeps the degree ``deg_v f`` and is
   squarefree (all but finitely many ``u0`` qualify).  Let ``φ`` be an irreducible factor
   of ``f(u0, v)`` over Q (the one of least degree over the candidates tried) and ``β``
   a root of ``φ``.
2. **The field.**  Only one absolute factor ``g`` passes through ``(u0, β)`` (``β`` is a
   simple root of ``f(u0, v)``); every field automorphism fixing ``β`` maps ``g`` to an
   absolute factor through ``(u0, β)``, i.e. to ``g`` itself, so the normalized ``g``
   (lex-leading coefficient 1, ``x > y``) has its coefficients in ``K = Q(β)``: ``g`` is the
   factor of ``f`` over ``K`` that vanishes at ``(u0, β)``, each coefficient an exact
   ``Σ_k r_k β^k`` (``r_k`` rational, ``k < n = deg φ``).  It is computed modularly
   (``method="flint"``, 2a–2c) or, as the reference route and the fallback, by sympy's
   factorization over ``K`` (``method="sympy"``, Trager's norm method).

   2a. *Images.*  Take primes ``p < 2^31`` (python-flint 0.9 sorts the factors of an
   ``nmod_mpoly`` by a key that overflows beyond ``2^31``) with ``p ∤ lc(f) lc(φ)``,
   ``f(u0, v) mod p`` squarefree of full degree and ``x^p ≡ x mod φ_p``, i.e. ``φ_p`` has
   ``n`` distinct roots ``b_i ∈ F_p`` (Chebotarev: density ``1/|Gal(φ)|``, so on average
   ``|Gal(φ)| ≤ n!`` primes are tried, each costing one power ``x^p mod φ_p``).  Each ``b_i``
   gives a prime ``𝔭_i`` of ``K`` of degree 1 with ``β ≡ b_i``.  Factor ``f mod p`` over
   ``F_p`` (FLINT) and let ``h_i`` be the lex-monic irreducible factor through ``(u0, b_i)``
   (unique: ``b_i`` is a simple root of ``f(u0, v) mod p``).  For all but finitely many
   ``p`` (absolute irreducibility survives reduction modulo almost all primes, Noether)
   ``h_i = g mod 𝔭_i``; then for each monomial the ``n`` values ``h_i[m] = Σ_k r_k b_i^k``
   determine ``r_k mod p`` (a Vandermonde system in the distinct ``b_i``).  Images are kept
   per shape (leading monomial and bidegree of the ``h_i``).
   2b. *Lift.*  The images of one shape are combined by Chinese remainders and rational
   reconstruction (a common denominator carried along).
   2c. *Proof.*  A candidate ``C`` is accepted when (i) ``C(u0, β) = 0`` in ``Q[T]/(φ)``;
   (ii) ``C | f`` over ``K`` (division by ``C`` in the lex order, ``{C}`` being a Gröbner
   basis of ``(C)``); (iii) the current prime divides no denominator of the ``r_k`` and
   ``C mod 𝔭_i = h_i`` for every ``i``.  *Lemma:* then ``C = g``.  By (ii) the absolute
   factors of ``C`` are absolute factors of ``f``, and by (i) one of them passes through
   ``(u0, β)``, so it is ``g``: ``C = g·h`` with ``h ∈ K[x, y]`` lex-monic.  In the discrete
   valuation ring ``O_𝔭`` (``𝔭 = 𝔭_i``; ``β`` is integral there as ``p ∤ lc(φ)``) the
   least valuation of the coefficients is additive (Gauss's lemma); it is ``0`` for ``C``
   (integral with a coefficient 1) and ``≤ 0`` for ``g`` and ``h`` (each has a coefficient
   1), so both are integral.  Reducing, ``h_i = (g mod 𝔭)(h mod 𝔭)`` with ``g mod 𝔭`` of
   the positive leading monomial of ``g``; ``h_i`` is irreducible, so ``h mod 𝔭`` is a
   constant, and the leading monomial of ``h`` (coefficient 1, kept by the reduction) is
   ``1``: ``h = 1``.  The same lemma with ``C = f/lc(f)`` proves ``g = f/lc(f)`` (``f``
   absolutely irreducible) as soon as ``f mod p`` is irreducible at a prime ``p ∤ lc(f)``
   where ``φ_p`` has just one simple root (a degree-1 prime suffices; the first three such
   primes are tried).  Since only finitely many primes are unlucky and infinitely many split
   ``φ``, the images of the right shape accumulate until the reconstruction is proved; after
   ``100 000`` primes without a proof (fields of degree ``≥ 8`` with a large Galois group)
   sympy's route is used instead.

   The count ``c0`` of step 3 follows: the Galois group permutes the roots of ``φ``
   transitively and maps classes to classes, so the ``r`` classes have equal size ``c0 = n/r``;
   the ``r`` distinct absolute factors all have the ``v``-degree of ``g`` and
   ``f(u0, v)`` keeps the degree, so ``r = deg_v f / deg_v g`` and ``c0 = n deg_v g / deg_v f``.
   (The sympy route computes ``c0 = deg gcd(g(u0, v), φ)`` over ``K`` instead.)
3. **The conjugates.**  For every root ``β_j`` of ``φ`` (certified disjoint Arb balls),
   ``g_j = g(β → β_j)`` is the absolute factor through ``(u0, β_j)``; ``g_j = g_k`` iff
   ``g_j(u0, β_k) = 0``.  Each ``g_j(u0, v)`` vanishes at exactly ``c0`` roots of ``φ``,
   ``c0 = deg gcd(g(u0, v), φ)`` computed exactly over ``Q(β)``; lcnalg raises the
   precision until, for every ``j``, exactly ``c0`` balls ``g_j(u0, β_k)`` contain 0 (the
   other values are certified non-zero), which pins the classes down.  Every absolute
   factor is some ``g_j`` (a Galois conjugate ``τ(g)`` passes through ``(u0, τ(β))``).
4. **Real factors.**  ``conj(g_j) = g_{j̄}`` (``g`` has coefficients in ``Q(β)``), so a class
   closed under conjugation gives a real factor ``g_j`` (its normalized coefficients are
   real), and a pair of conjugate classes gives the real irreducible factor
   ``g_j · g_{j̄}``.  These are the irreducible factors of ``f`` over R; ``f`` is their
   product times ``lc(f)``.

Exact zero tests of derived numbers use a Liouville bound (:func:`liouville_bits`): a
non-zero algebraic integer ``c`` of degree ``≤ D`` all of whose conjugates have absolute
value ``≤ B`` (``B ≥ 1``) satisfies ``|c| ≥ B^{−(D−1)}`` (its norm is a non-zero integer),
so a certified ball ``|c| < B^{−(D−1)}`` proves ``c = 0``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg.errors import InputError, check
from lcnalg.limits import DEFAULT_LIMITS, Limits
from lcnalg.polys.modular import crt_vector, primes_below, reconstruct_vector

__all__ = [
    "newton_polygon_indecomposable",
    "absolutely_irreducible_certificate",
    "AbsoluteFactorization",
    "RealFactor",
    "absolute_factorization",
    "real_factors",
    "liouville_bits",
]

Mono = tuple[int, int]


# ------------------------------------------------------------ Newton polygons
def _hull(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list = []
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def newton_polygon_indecomposable(points: list[tuple[int, int]]) -> bool:
    """Is the lattice polygon ``conv(points)`` integrally indecomposable? (exact)

    Edges ``e_i = g_i v_i`` (``v_i`` primitive, counter-clockwise).  A proper Minkowski
    summand corresponds to integers ``0 ≤ h_i ≤ g_i`` with ``Σ h_i v_i = 0``, ``h ≠ 0``,
    ``h ≠ g`` (Gao 2001); lcnalg searches all of them.

    Examples
    --------
    >>> newton_polygon_indecomposable([(0, 0), (2, 0), (0, 3)])    # x^2 + y^3 + 1
    True
    >>> newton_polygon_indecomposable([(0, 0), (2, 0), (0, 2)])    # could be (x+y+1)(x+y+2)
    False
    """
    hull = _hull(points)
    if len(hull) == 1:
        return False
    edges = []
    for i in range(len(hull)):
        a, b = hull[i], hull[(i + 1) % len(hull)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        g = math.gcd(dx, dy)
        edges.append((dx // g, dy // g, g))
    states = {(0, 0, False, True)}   # (sum x, sum y, some h > 0, all h = g so far)
    for vx, vy, g in edges:
        nxt = set()
        for sx, sy, pos, full in states:
            for h in range(g + 1):
                nxt.add((sx + h * vx, sy + h * vy, pos or h > 0, full and h == g))
        states = nxt
    return not any(sx == 0 and sy == 0 and pos and not full for sx, sy, pos, full in states)


def absolutely_irreducible_certificate(f: Any) -> str | None:
    """A reason why a Q-irreducible bivariate ``f`` is absolutely irreducible, or ``None``.

    Examples
    --------
    >>> from lcnalg.rings import integer_ring
    >>> R = integer_ring(("x", "y")); x, y = R.gens()
    >>> absolutely_irreducible_certificate(x**2 + y**3 + 1)
    'Gao: integrally indecomposable Newton polygon'
    >>> absolutely_irreducible_certificate(x**2 + 1) is None
    True
    """
    if f.total_degree() == 1:
        return "total degree 1"
    degs = f.degrees()
    for v in range(2):
        if degs[v] == 1 and degs[1 - v] >= 0:
            return f"degree 1 in {'xy'[v]}, coprime coefficients (f is Q-irreducible)"
    if newton_polygon_indecomposable([tuple(e) for e in f.monoms()]):
        return "Gao: integrally indecomposable Newton polygon"
    return None


# ------------------------------------------------------------ absolute factorization


def _fr(q: Any) -> Fraction:
    return Fraction(int(q.numerator), int(q.denominator))


@dataclass(frozen=True)
class AbsoluteFactorization:
    """The exact absolute factorization of a Q-irreducible ``f ∈ Z[x, y]``.

    Attributes
    ----------
    f : dict
        ``{(i, j): int}``, the coefficients of ``f`` (``x^i y^j``).
    var : int
        The variable of the roots (0 = x, 1 = y); the other one is set to ``point``.
    point : int
    phi : tuple of int
        The irreducible integer polynomial of ``β`` (coefficient ``k`` of ``v^k``).
    g : dict
        ``{(i, j): (r_0, r_1, …)}``: the normalized absolute factor through ``(point, β)``,
        coefficient ``Σ_k r_k β^k`` (rationals).
    classes : tuple of tuple of int
        Indices of the roots of ``phi`` (FLINT's canonical order) per absolute factor.
    conj_class : tuple of int
        The index of the complex-conjugate class.
    lc : Fraction
        ``f = lc · Π_classes g_class``.
    """

    f: dict
    var: int
    point: int
    phi: tuple[int, ...]
    g: dict
    classes: tuple[tuple[int, ...], ...]
    conj_class: tuple[int, ...]
    lc: Fraction

    @property
    def field_degree(self) -> int:
        return len(self.phi) - 1

    def roots(self, prec: int) -> list:
        """Roots of ``phi`` as acb balls at ``prec`` bits, FLINT's canonical order."""
        return _roots(self.phi, prec)

    def factor_at(self, j: int, roots: list) -> dict:
        """``g_j`` with acb coefficients (``roots`` from :meth:`roots`, same precision)."""
        b = roots[j]
        out = {}
        for m, rs in self.g.items():
            acc = flint.acb(0)
            pw = flint.acb(1)
            for r in rs:
                if r:
                    acc += flint.acb(flint.fmpq(r.numerator, r.denominator)) * pw
                pw *= b
            out[m] = acc
        return out

    def bound(self) -> tuple[int, int]:
        """``(d, N)``: ``d · g_j`` has algebraic-integer coefficients whose conjugates are
        bounded in absolute value with sum ``≤ N`` (the l1 norm), for every ``j``."""
        lead = abs(self.phi[-1])
        cauchy = 1 + max(Fraction(abs(a), lead) for a in self.phi[:-1])
        gamma = math.ceil(lead * cauchy)
        d = 1
        for rs in self.g.values():
            for k, r in enumerate(rs):
                d = math.lcm(d, (r / Fraction(lead) ** k).denominator)
        total = 0
        for rs in self.g.values():
            total += sum(abs(d * r / Fraction(lead) ** k) * gamma ** k for k, r in enumerate(rs))
        return d, math.ceil(total)


@dataclass(frozen=True)
class RealFactor:
    """An irreducible factor of ``p`` over R: rational, one real class, or a conjugate pair.

    Attributes
    ----------
    source : int
        Index of the Q-irreducible factor it divides.
    kind : str
        ``"rational"`` (the Q-irreducible factor itself, absolutely irreducible or a single
        conjugate pair), ``"real"`` (a real absolute factor ``g_j``) or ``"pair"``
        (``g_j · g_{j̄}``).
    roots : tuple of int
        The roots ``β_j`` used (one for ``"real"``, two for ``"pair"``).
    bidegree, order : tuple of int
        ``(deg_x, deg_y)`` and ``(ord_x, ord_y)`` (lowest exponents), exact.
    text : str
        A readable description.
    """

    source: int
    kind: str
    roots: tuple[int, ...]
    bidegree: tuple[int, int]
    order: tuple[int, int]
    text: str


def _roots(phi: tuple[int, ...], prec: int) -> list:
    poly = flint.fmpz_poly(list(phi))
    while True:
        with flint.ctx.workprec(prec):
            rs = [r for r, _ in poly.complex_roots()]
        if all(not rs[a].overlaps(rs[b]) for a in range(len(rs)) for b in range(a)):
            return rs
        prec *= 2  # pragma: no cover - complex_roots isolates at any precision
        DEFAULT_LIMITS.check("max_precision", "working precision (bits) for isolating field roots",
                             prec)  # pragma: no cover


def _conj_index(roots: list) -> list[int]:
    out = []
    for i, r in enumerate(roots):
        if r.imag.is_zero():
            out.append(i)
            continue
        hits = [j for j, s in enumerate(roots) if j != i and s.overlaps(r.conjugate())]
        if len(hits) != 1:  # pragma: no cover - disjoint balls of a real polynomial
            check(False, "conjugate root not identified")
        out.append(hits[0])
    return out


def _specialize(f: dict, var: int, u0: int) -> flint.fmpz_poly:
    co: dict[int, int] = {}
    for (i, j), c in f.items():
        e_u, e_v = (j, i) if var == 0 else (i, j)
        co[e_v] = co.get(e_v, 0) + c * u0 ** e_u
    n = max(co) if co else 0
    return flint.fmpz_poly([co.get(k, 0) for k in range(n + 1)])


def _choose_point(f: dict) -> tuple[int, int, flint.fmpz_poly]:
    """``(var, u0, φ)``: the candidate with the least ``deg φ``."""
    best = None
    for var in (1, 0):
        deg_v = max(m[var] for m in f)
        if deg_v == 0:
            continue
        found = 0
        for k in range(80):
            u0 = (k + 1) // 2 * (1 if k % 2 else -1)
            s = _specialize(f, var, u0)
            if s.degree() != deg_v or s.gcd(s.derivative()).degree() > 0:
                continue
            found += 1
            _, fac = s.factor()
            phi = min((h for h, _ in fac), key=lambda h: h.degree())
            if best is None or phi.degree() < best[2].degree():
                best = (var, u0, phi)
            if found >= 6 or phi.degree() == 1:
                break
    if best is None:  # pragma: no cover - f is squarefree, so some u0 works
        check(False, "no smooth specialization found")
    return best


def absolute_factorization(f: dict, *, limits: Limits | None = None,
                           max_field_work: int | None = None, method: str = "flint") -> AbsoluteFactorization:
    """The absolute factorization of a Q-irreducible ``f`` (see the module docstring).

    Parameters
    ----------
    f : dict
        ``{(i, j): int}``, irreducible over Q, not constant.
    limits : Limits, optional
        ``max_field_work`` bounds ``deg(φ)^2 · (deg_x f + 1)(deg_y f + 1)`` (the size of ``g``'s
        coefficients over ``Q(β)`` times ``deg φ``; sympy's factorization, the fallback, grows
        quickly with both); ``max_precision`` bounds the working precision of the certified
        root classes.
    max_field_work : int, optional
        Overrides ``limits.max_field_work``.
    method : {"flint", "sympy"}, optional
        ``"flint"`` (default): the modular route of the module docstring (step 2a–2c), with
        sympy's route as a fallback when no proof comes within its prime budget;
        ``"sympy"``: sympy's factorization over ``Q(β)`` (the reference route, about 10 to
        1000 times slower).  Both return the same :class:`AbsoluteFactorization`.

    Raises
    ------
    ResourceLimitError
        When the estimate exceeds ``max_field_work`` (checked before factoring).
    InputError
        When ``method`` is not ``"flint"`` or ``"sympy"``.

    Examples
    --------
    >>> af = absolute_factorization({(2, 2): 1, (2, 0): 1, (1, 1): 4, (0, 2): 1, (0, 0): 1})
    >>> len(af.classes), af.conj_class          # (xy+1)^2 + (x+y)^2 = q·conj(q)
    (2, (1, 0))
    >>> absolute_factorization({(2, 0): 1, (0, 2): -2}).conj_class   # (x − √2 y)(x + √2 y)
    (0, 1)
    >>> f = {(3, 0): 1, (0, 3): -2}                                      # x^3 − 2y^3
    >>> absolute_factorization(f) == absolute_factorization(f, method="sympy")
    True
    """
    if method not in ("flint", "sympy"):
        raise InputError(f"method: expected 'flint' or 'sympy', got {method!r}")
    limits = Limits.coerce(limits, max_field_work=max_field_work)
    for var in (0, 1):
        if all(m[1 - var] == 0 for m in f):          # f univariate in v: g = v − β, φ = f
            n = max(m[var] for m in f)
            phi_t = tuple(int(f.get((k, 0) if var == 0 else (0, k), 0)) for k in range(n + 1))
            zero = (Fraction(0),) * n
            one = (Fraction(1),) + zero[1:]
            minus_b = (Fraction(0), Fraction(-1)) + zero[2:] if n > 1 else (Fraction(-1),)
            g = {((1, 0) if var == 0 else (0, 1)): one, (0, 0): minus_b}
            if n == 1:   # β rational: g = v + φ_0/φ_1 (exact)
                g = {((1, 0) if var == 0 else (0, 1)): (Fraction(1),), (0, 0): (Fraction(phi_t[0], phi_t[1]),)}
            classes = [(j,) for j in range(n)]
            with flint.ctx.workprec(64):
                conj = _conj_index(_roots(phi_t, 64))
            return AbsoluteFactorization(f=dict(f), var=var, point=0, phi=phi_t, g=g, classes=tuple(classes),
                                         conj_class=tuple(conj), lc=Fraction(phi_t[-1]))
    var, u0, phi = _choose_point(f)
    phi_t = tuple(int(c) for c in phi.coeffs())
    degs = (max(m[0] for m in f), max(m[1] for m in f))
    work = (len(phi_t) - 1) ** 2 * (degs[0] + 1) * (degs[1] + 1)
    limits.check("max_field_work", "size of an absolute factorization, deg(field)^2 x terms", work)
    n = len(phi_t) - 1
    lc_f = Fraction(int(f[max(m for m, c in f.items() if c)]))
    g = None
    if method == "flint":
        g = _factor_through_point_modular(f, var, u0, phi_t, _MAX_PRIMES)
        if g is not None:
            deg_f = max(m[var] for m, c in f.items() if c)
            deg_g = max(m[var] for m, rs in g.items() if any(rs))
            check(n * deg_g % deg_f == 0, "absolute factor degrees do not divide the field degree")
            c0 = n * deg_g // deg_f
    if g is None:
        g, c0 = _factor_through_point_sympy(f, var, u0, phi_t)
    classes = _classes(g, var, u0, phi_t, c0, limits)
    with flint.ctx.workprec(64):
        conj = _conj_index(_roots(phi_t, 64))
    where = {j: ci for ci, cl in enumerate(classes) for j in cl}
    conj_class = tuple(where[conj[cl[0]]] for cl in classes)
    return AbsoluteFactorization(f=dict(f), var=var, point=u0, phi=phi_t, g=g, classes=tuple(classes),
                                 conj_class=conj_class, lc=lc_f)


# ------------------------------------------------------------ the modular route (FLINT)

#: Primes the modular route examines before handing over to sympy (see the module docstring).
_MAX_PRIMES = 100_000

#: Primes with a root of φ but not splitting it at which ``f mod p`` is factored (to prove ``f``
#: absolutely irreducible); after them only primes that split φ are factored.
_IRREDUCIBILITY_TESTS = 3


def _primes_desc() -> Any:
    """The primes below ``2^31``, decreasing (python-flint 0.9 sorts the factors of an
    ``nmod_mpoly`` by a key that overflows for coefficients beyond ``2^31``)."""
    return primes_below(1 << 31)


def _k_elem(rs: tuple) -> flint.fmpq_poly:
    return flint.fmpq_poly([flint.fmpq(r.numerator, r.denominator) for r in rs])


def _vanishes_at_point(g: dict, var: int, u0: int, phi: flint.fmpq_poly) -> bool:
    """``g(u0, β) = 0`` in ``K = Q[T]/(φ)``, exactly (``β`` the class of ``T``)."""
    t = flint.fmpq_poly([0, 1])
    acc = flint.fmpq_poly([])
    for (i, j), rs in g.items():
        e_u, e_v = (j, i) if var == 0 else (i, j)
        acc += _k_elem(rs) * u0 ** e_u * t ** e_v
    return acc % phi == 0


def _divides(g: dict, f: dict, phi: flint.fmpq_poly) -> bool:
    """Does the lex-monic ``g ∈ K[x, y]`` divide ``f ∈ Z[x, y]`` over ``K = Q[T]/(φ)``? (exact)

    Division by the one polynomial ``g`` in the lex order ``x > y`` (``{g}`` is a Gröbner basis
    of ``(g)``): the leading term of the running remainder is cancelled by a multiple of ``g``
    when ``LM(g)`` divides it; otherwise it would stay in the remainder for good (later leading
    terms are smaller), so ``g ∤ f``."""
    gk = {m: _k_elem(rs) for m, rs in g.items() if any(rs)}
    lead = max(gk)
    r = {m: flint.fmpq_poly([int(c)]) for m, c in f.items() if c}
    while r:
        m = max(r)
        if m[0] < lead[0] or m[1] < lead[1]:
            return False
        c = r[m]
        sx, sy = m[0] - lead[0], m[1] - lead[1]
        for (i, j), gc in gk.items():
            key = (i + sx, j + sy)
            val = (r.get(key, flint.fmpq_poly([])) - c * gc) % phi
            if val == 0:
                r.pop(key, None)
            else:
                r[key] = val
    return True


def _reduces_to(g: dict, images: list[dict], roots: list[int], p: int) -> bool:
    """Is ``g`` integral at ``p`` with ``g(β → b_i) mod p = images[i]`` for every root ``b_i``?"""
    for m in set(g) | {m for h in images for m in h}:
        rs = g.get(m, ())
        if any(r.denominator % p == 0 for r in rs):
            return False
        for b, h in zip(roots, images):
            val = sum(r.numerator * pow(r.denominator, -1, p) * pow(b, k, p) for k, r in enumerate(rs)) % p
            if val != h.get(m, 0):
                return False
    return True


def _factor_through_point_modular(f: dict, var: int, u0: int, phi_t: tuple[int, ...],
                                  max_primes: int) -> dict | None:
    """The lex-monic factor ``g`` of ``f`` over ``Q(β)`` through ``(u0, β)`` by the modular route
    of the module docstring (``{(i, j): (r_0, …, r_{n−1})}``), proved by its exact checks;
    ``None`` after ``max_primes`` primes without a proved candidate."""
    n = len(phi_t) - 1
    lc_f = int(f[max(m for m, c in f.items() if c)])
    spec = _specialize(f, var, u0)
    phi_q = flint.fmpq_poly(list(phi_t))
    guard = [lc_f, phi_t[-1], int(spec.coeffs()[-1])]
    ints = {m: int(c) for m, c in f.items() if c}
    buckets: dict = {}           # (leading monomial, (deg_x, deg_y)) -> (primes, residues)
    tests_at_one_root = 0
    for tried, p in enumerate(_primes_desc()):
        if tried >= max_primes:
            return None
        if any(c % p == 0 for c in guard):
            continue
        phi_p = flint.nmod_poly(list(phi_t), p)
        t = flint.nmod_poly([0, 1], p)
        frob = t.pow_mod(p, phi_p) if n > 1 else t
        if frob != t:            # φ does not split into distinct linear factors modulo p
            if tests_at_one_root >= _IRREDUCIBILITY_TESTS or (frob - t).gcd(phi_p).degree() < 1:
                continue
        roots = [int(b) for b, e in phi_p.roots() if e == 1]
        if not roots:
            continue
        spec_p = flint.nmod_poly([int(c) for c in spec.coeffs()], p)
        if spec_p.gcd(spec_p.derivative()).degree() > 0:
            continue
        pctx = flint.nmod_mpoly_ctx.get(("x", "y"), modulus=p, ordering="lex")
        _, fac = pctx.from_dict(ints).factor()
        if len(fac) == 1:        # f mod p irreducible at a prime of degree 1: g = f / lc(f)
            return {m: (Fraction(c, lc_f),) + (Fraction(0),) * (n - 1) for m, c in ints.items()}
        if len(roots) < n:
            tests_at_one_root += 1
            continue             # the images need a prime that splits φ completely
        images = []
        for b in roots:
            point = (b, u0) if var == 0 else (u0, b)
            hits = [h for h, _ in fac if int(h(*point)) == 0]
            if len(hits) != 1:   # pragma: no cover - b is a simple root of f(u0, v) mod p
                break
            h = hits[0]
            inv = pow(int(h.leading_coefficient()), -1, p)
            images.append({tuple(m): int(c) * inv % p for m, c in h.to_dict().items()})
        if len(images) < n:      # pragma: no cover - see above
            continue
        shapes = {(max(h), (max(m[0] for m in h), max(m[1] for m in h))) for h in images}
        if len(shapes) != 1:     # pragma: no cover - conjugate images differ: an unlucky prime
            continue
        (shape,) = shapes
        primes, residues = buckets.setdefault(shape, ([], []))
        box = [(i, j) for i in range(shape[1][0] + 1) for j in range(shape[1][1] + 1)]
        vander = flint.nmod_mat([[pow(b, k, p) for k in range(n)] for b in roots], p)
        values = flint.nmod_mat([[h.get(m, 0) for m in box] for h in images], p)
        sol = vander.solve(values)             # row k: the coefficients of β^k mod p
        primes.append(p)
        residues.append([int(sol[k, c]) for c in range(len(box)) for k in range(n)])
        vals, modulus = crt_vector(residues, primes)
        pairs = reconstruct_vector(vals, modulus, common_denominator=True)
        if pairs is None:
            continue
        cand = {}
        for c, m in enumerate(box):
            rs = tuple(Fraction(num, den) for num, den in pairs[c * n:(c + 1) * n])
            if any(rs):
                cand[m] = rs
        if (_reduces_to(cand, images, roots, p) and _vanishes_at_point(cand, var, u0, phi_q)
                and _divides(cand, f, phi_q)):
            return cand
    return None  # pragma: no cover - the prime generator is endless


def _factor_through_point_sympy(f: dict, var: int, u0: int, phi_t: tuple[int, ...]) -> tuple[dict, int]:
    """``(g, c0)`` by sympy's factorization over ``Q(β)`` (the reference route)."""
    import sympy  # deferred: sympy's algebraic-field factorization is slow to import and rarely needed

    x, y = sympy.symbols("x y")
    v = (x, y)[var]
    beta = sympy.CRootOf(sympy.Poly(list(reversed(phi_t)), v), 0)
    K = sympy.QQ.algebraic_field(beta)
    F = sympy.Poly.from_dict({m: int(c) for m, c in f.items()}, x, y, domain=K)
    _, fac = sympy.factor_list(F)
    b = K.from_sympy(beta)
    chosen = None
    for h, _ in fac:
        val = K.zero
        for (i, j), c in h.rep.to_dict().items():
            e_u, e_v = (j, i) if var == 0 else (i, j)
            val += c * K.convert(u0) ** e_u * b ** e_v
        if val == K.zero:
            chosen = h.monic()
            break
    if chosen is None:  # pragma: no cover - β is a root of f(u0, v)
        check(False, "no factor over Q(β) through the chosen point")
    n = len(phi_t) - 1
    g = {}
    for m, c in chosen.rep.to_dict().items():
        rs = [_fr(q) for q in reversed(c.to_list())]
        g[tuple(int(e) for e in m)] = tuple(rs + [Fraction(0)] * (n - len(rs)))
    # c0 = number of roots of φ on g(u0, v), exactly over Q(β)
    spec = {}
    for (i, j), c in chosen.rep.to_dict().items():
        e_u, e_v = (j, i) if var == 0 else (i, j)
        spec[e_v] = spec.get(e_v, K.zero) + c * K.convert(u0) ** e_u
    gv = sympy.Poly.from_dict({(e,): c for e, c in spec.items() if c != K.zero}, v, domain=K)
    c0 = sympy.gcd(gv, sympy.Poly(list(reversed(phi_t)), v, domain=K)).degree()
    return g, c0


def _classes(g: dict, var: int, u0: int, phi: tuple[int, ...], c0: int, limits: Limits) -> list[tuple[int, ...]]:
    n = len(phi) - 1
    prec = 64
    af = AbsoluteFactorization(f={}, var=var, point=u0, phi=phi, g=g, classes=(), conj_class=(), lc=Fraction(1))
    while True:
        with flint.ctx.workprec(prec):
            roots = af.roots(prec)
            rel = []
            for j in range(n):
                gj = af.factor_at(j, roots)
                hits = []
                for k in range(n):
                    val = flint.acb(0)
                    for (i, jj), c in gj.items():
                        e_u, e_v = (jj, i) if var == 0 else (i, jj)
                        val += c * flint.acb(u0) ** e_u * roots[k] ** e_v
                    if val.contains(0):
                        hits.append(k)
                rel.append(tuple(hits))
        if all(len(h) == c0 for h in rel):
            break
        prec *= 2
        limits.check("max_precision", "working precision (bits) for the absolute factor classes", prec)
    classes = sorted(set(rel))
    if sorted(j for cl in classes for j in cl) != list(range(n)):  # pragma: no cover - exact theory
        check(False, "absolute factor classes do not partition the roots")
    return classes


def _exponents(g: dict) -> tuple[tuple[int, int], tuple[int, int]]:
    ms = [m for m, rs in g.items() if any(rs)]
    return (max(m[0] for m in ms), max(m[1] for m in ms)), (min(m[0] for m in ms), min(m[1] for m in ms))


def real_factors(af: AbsoluteFactorization, source: int) -> list[RealFactor]:
    """The irreducible factors of ``af.f`` over R (see the module docstring).

    Examples
    --------
    >>> af = absolute_factorization({(4, 0): 1, (0, 0): -2})          # x^4 − 2
    >>> [(r.kind, r.bidegree) for r in real_factors(af, 0)]
    [('real', (1, 0)), ('real', (1, 0)), ('pair', (2, 0))]
    """
    (dx, dy), (ox, oy) = _exponents(af.g)
    out = []
    seen = set()
    for ci, cl in enumerate(af.classes):
        if ci in seen:
            continue
        cj = af.conj_class[ci]
        seen.update({ci, cj})
        if cj == ci:
            out.append(RealFactor(source, "real", (cl[0],), (dx, dy), (ox, oy),
                                  f"real absolute factor {ci + 1} of factor {source + 1}"))
        else:
            out.append(RealFactor(source, "pair", (cl[0], af.classes[cj][0]), (2 * dx, 2 * dy),
                                  (2 * ox, 2 * oy), f"conjugate pair {ci + 1}, {cj + 1} of factor {source + 1}"))
    if len(out) == 1:
        degs = (max(m[0] for m in af.f), max(m[1] for m in af.f))
        lows = (min(m[0] for m in af.f), min(m[1] for m in af.f))
        return [RealFactor(source, "rational", (), degs, lows, f"factor {source + 1} (irreducible over R)")]
    return out


def liouville_bits(bound: int, degree: int) -> int:
    """Bits of ``B^{D−1}``: a certified ``|c| < 2^{−bits}`` proves ``c = 0``.

    Examples
    --------
    >>> liouville_bits(10, 3)
    7
    """
    if degree <= 1 or bound <= 1:
        return 0
    return math.ceil((degree - 1) * math.log2(bound))
