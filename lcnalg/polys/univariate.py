"""Univariate polynomials over Q: exact real-root counting, Sturm–Habicht sequences, binary
forms, and certified root isolation.

Everything here is exact or certified:

* :func:`sturm_count` counts the distinct real roots of a rational polynomial with a
  Sturm sequence over Q (exact rational arithmetic, no floating point).
* :func:`real_root_count` counts real roots *with multiplicity*, through the
  squarefree decomposition (FLINT) and Sturm counts of its parts.
* :func:`sturm_habicht_count` counts them a second, independent way, through
  signed subresultants (the Sturm–Habicht sequence; Basu–Pollack–Roy, *Algorithms
  in Real Algebraic Geometry*, Thm. 4.33) and the gcd chain ``g, gcd(g, g'), …``;
  :func:`symbolic_sturm_habicht` expands the same principal coefficients as polynomials
  in the coefficients (the semi-algebraic description of :mod:`lcnalg.real.inequalities`).
* :func:`chart`, :func:`real_roots_projective` and :func:`odd_real_roots_projective`
  count the real roots of a *binary form* of formal degree ``d``, roots at infinity
  included.
* :class:`RootData` factors a polynomial over Z (FLINT), isolates the roots of each
  irreducible factor in disjoint complex balls (FLINT/Arb
  ``arb_fmpz_poly_complex_roots``; real roots are certified real, with exactly zero
  imaginary part) and, for a stride ``t``, groups roots into the orbits
  ``{ζρ : ζ^t = 1}`` exactly: ``ρ^t`` is a root of the resultant
  ``R_t(w) = res_z(f(z), w − z^t)``, whose roots are isolated too, and two roots are in
  one orbit iff their ``t``-th powers fall in the same isolating ball.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.minors import bareiss_determinant
from lcnalg.rings import integer_ring

__all__ = [
    "to_fmpz_poly",
    "arb_fraction",
    "ball_contains_rational",
    "rational_between",
    "sorted_real_roots",
    "sturm_count",
    "real_root_count",
    "sturm_habicht_sequence",
    "syha_rows",
    "symbolic_sturm_habicht",
    "pmv",
    "sturm_habicht_count",
    "chart",
    "real_roots_projective",
    "odd_real_roots_projective",
    "check_sturm_work",
    "RootData",
    "OrbitLabels",
]


def to_fmpz_poly(coeffs: Sequence) -> tuple[flint.fmpz_poly, Fraction]:
    """Clear denominators: ``coeffs = scale * p`` with ``p`` an integer polynomial.

    Parameters
    ----------
    coeffs : sequence of int or Fraction
        Coefficient ``j`` belongs to ``z^j``.

    Returns
    -------
    (fmpz_poly, Fraction)

    Examples
    --------
    >>> to_fmpz_poly([Fraction(1, 2), 1])
    (2*x + 1, Fraction(1, 2))
    """
    fr = [Fraction(c) for c in coeffs]
    den = math.lcm(1, *(c.denominator for c in fr))
    return flint.fmpz_poly([int(c * den) for c in fr]), Fraction(1, den)


def _sign_at_infinity(p: flint.fmpq_poly, negative: bool) -> int:
    if p.degree() < 0:
        return 0
    lc = p.coeffs()[-1]
    s = 1 if lc > 0 else -1
    if negative and p.degree() % 2 == 1:
        s = -s
    return s


def _variations(signs: Sequence[int]) -> int:
    nz = [s for s in signs if s != 0]
    return sum(1 for a, b in zip(nz, nz[1:]) if a != b)


def sturm_count(p: flint.fmpz_poly | flint.fmpq_poly) -> int:
    """Number of distinct real roots, by an exact Sturm sequence over Q.

    Examples
    --------
    >>> sturm_count(flint.fmpz_poly([-1, 0, 1]) ** 2 * flint.fmpz_poly([1, 0, 1]))
    2
    """
    p = flint.fmpq_poly(p)
    if p.degree() <= 0:
        if p.is_zero():
            raise InputError("sturm_count: the zero polynomial has infinitely many roots")
        return 0
    seq = [p, p.derivative()]
    while seq[-1].degree() > 0:
        r = seq[-2] % seq[-1]
        if r.is_zero():
            break
        seq.append(-r)
    minus = [_sign_at_infinity(q, True) for q in seq]
    plus = [_sign_at_infinity(q, False) for q in seq]
    return _variations(minus) - _variations(plus)


def real_root_count(p: flint.fmpz_poly) -> int:
    """Number of real roots counted with multiplicity (finite roots only).

    Squarefree decomposition ``p = c Π g_i^i`` (FLINT), then ``Σ i · sturm_count(g_i)``.

    Examples
    --------
    >>> real_root_count(flint.fmpz_poly([0, 0, 1, 0, 1]))   # z^2 (z^2 + 1)
    2
    """
    p = flint.fmpz_poly(p)
    if p.is_zero():
        raise InputError("real_root_count: the zero polynomial has infinitely many roots")
    _, parts = p.factor_squarefree()
    return sum(e * sturm_count(g) for g, e in parts)


# ------------------------------------------------------------ Sturm–Habicht
def _det(rows: list[list[Fraction]]) -> Fraction:
    """Exact determinant over Q (FLINT ``fmpq_mat``)."""
    n = len(rows)
    if n == 0:
        return Fraction(1)
    m = flint.fmpq_mat(n, n, [flint.fmpq(c.numerator, c.denominator) for r in rows for c in map(Fraction, r)])
    d = m.det()
    return Fraction(int(d.p), int(d.q))


def syha_rows(P: Sequence, Q: Sequence, j: int) -> list[list]:
    """Rows of the Sylvester–Habicht matrix ``SyHa_j(P, Q)`` (coefficients high→low).

    ``P`` of formal degree ``p``, ``Q`` of formal degree ``q < p``; rows
    ``x^{q-j-1}P, …, P, Q, …, x^{p-j-1}Q``; ``p + q − j`` columns (degrees
    ``p+q−j−1`` down to ``0``).  The entries may be numbers or polynomials.

    Examples
    --------
    >>> syha_rows([-1, 0, 1], [0, 2], 0)
    [[1, 0, -1], [0, 2, 0], [2, 0, 0]]
    """
    p, q = len(P) - 1, len(Q) - 1
    ncol = p + q - j
    rows = []
    for shift in range(q - j - 1, -1, -1):
        row = [0] * ncol
        for e, c in enumerate(P):
            row[ncol - 1 - (e + shift)] = c
        rows.append(row)
    for shift in range(0, p - j):
        row = [0] * ncol
        for e, c in enumerate(Q):
            row[ncol - 1 - (e + shift)] = c
        rows.append(row)
    return rows


def sturm_habicht_sequence(coeffs: Sequence) -> list[Fraction]:
    """Principal Sturm–Habicht (signed subresultant) coefficients of ``p`` and ``p'``.

    ``coeffs`` has formal degree ``d = len(coeffs) - 1`` with nonzero top entry. Returns
    ``[s_d, s_{d-1}, …, s_0]`` with ``s_d = c_d``, ``s_{d-1} = d·c_d`` and ``s_j`` the
    determinant of the first ``2d−1−2j`` columns of ``SyHa_j(p, p')``.

    Examples
    --------
    >>> sturm_habicht_sequence([-1, 0, 1])     # z^2 - 1: s_0 = c_2 · disc
    [Fraction(1, 1), Fraction(2, 1), Fraction(4, 1)]
    """
    P = [Fraction(c) for c in coeffs]
    d = len(P) - 1
    if d < 1 or P[-1] == 0:
        raise InputError("sturm_habicht_sequence: needs degree >= 1 with nonzero top coefficient")
    Q = [P[e + 1] * (e + 1) for e in range(d)]
    out = [P[-1], Q[-1]]
    for j in range(d - 2, -1, -1):
        rows = syha_rows(P, Q, j)
        size = 2 * d - 1 - 2 * j
        out.append(_det([r[:size] for r in rows]))
    return out


def _subresultant_poly(P: Sequence[Fraction], Q: Sequence[Fraction], j: int) -> list[Fraction]:
    """The signed subresultant polynomial ``sRes_j(P, Q)`` (coefficients low→high)."""
    rows = syha_rows(P, Q, j)
    size = len(P) - 1 + len(Q) - 1 - 2 * j
    out = []
    for e in range(j + 1):
        col = len(rows[0]) - 1 - e
        out.append(_det([r[: size - 1] + [r[col]] for r in rows]))
    return out


def pmv(signs: Sequence) -> int:
    """Generalized permanences minus variations of a sequence (BPR, Def. 4.30).

    For consecutive nonzero entries ``a_i, a_{i+k}`` (``k−1`` zeros between), add
    ``0`` if ``k`` is even and ``(−1)^{(k−1)/2} sign(a_i a_{i+k})`` if ``k`` is odd.
    Trailing zeros are ignored.

    Examples
    --------
    >>> pmv([1, 2, 3]), pmv([1, -1, 1]), pmv([1, 0, 0, -1])
    (2, -2, 1)
    """
    idx = [i for i, a in enumerate(signs) if a != 0]
    total = 0
    for i, k in zip(idx, idx[1:]):
        gap = k - i
        if gap % 2 == 1:
            s = 1 if (signs[i] > 0) == (signs[k] > 0) else -1
            total += (-1) ** ((gap - 1) // 2) * s
    return total


def sturm_habicht_count(coeffs: Sequence) -> int:
    """Real roots of ``p`` with multiplicity, by Sturm–Habicht sequences and gcd chains.

    ``N(g) = PmV(s_d(g), …, s_0(g))`` is the number of distinct real roots of ``g``; the
    last nonzero ``s_j`` gives ``deg gcd(g, g') = j`` and ``gcd(g, g') ∝ sRes_j(g, g')``;
    the count with multiplicity is ``Σ_i N(g_i)`` over ``g_0 = p``,
    ``g_{i+1} = sRes_{j_i}(g_i, g_i')``.  Only exact rational determinants are used.

    Examples
    --------
    >>> sturm_habicht_count([0, 0, 1, 0, 1])   # z^2 (z^2 + 1)
    2
    >>> sturm_habicht_count([-1, 3, -3, 1])    # (z - 1)^3
    3
    """
    g = [Fraction(c) for c in coeffs]
    while g and g[-1] == 0:
        g.pop()
    if not g:
        raise InputError("sturm_habicht_count: the zero polynomial has infinitely many roots")
    total = 0
    while len(g) > 1:
        s = sturm_habicht_sequence(g)
        total += pmv(s)
        d = len(g) - 1
        j = next(d - i for i in range(len(s) - 1, -1, -1) if s[i] != 0)
        if j == 0:
            break
        gp = [g[e + 1] * (e + 1) for e in range(d)]
        g = _subresultant_poly(g, gp, j) if j < d - 1 else gp
    return total


# ------------------------------------------------------------ binary forms
def chart(coeffs: Sequence[Fraction]) -> tuple[str, list[Fraction]]:
    """The first chart ``λ ∈ (∞, 0, …, d−1)`` with nonzero top coefficient, and ``p̃_λ``.

    ``p̃_∞ = p`` and ``p̃_λ(u) = u^d p(λ + 1/u)``: a real Möbius transformation, so the real
    roots of the binary form (with multiplicity, infinity included) are those of ``p̃_λ``.

    Raises
    ------
    InputError
        For the zero form.

    Examples
    --------
    >>> chart([1, 1, 0])      # 1 + z with a root at infinity -> λ = 0: u^2 p(1/u) = u^2 + u
    ('0', [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)])
    """
    c = [Fraction(x) for x in coeffs]
    d = len(c) - 1
    if c[-1] != 0:
        return "inf", c
    for lam in range(d):
        # p̃(u) = Σ_j c_j (λu + 1)^j u^{d-j}
        out = [Fraction(0)] * (d + 1)
        for j, cj in enumerate(c):
            if cj == 0:
                continue
            binom = 1
            for i in range(j + 1):     # (λu + 1)^j = Σ_i C(j,i) λ^i u^i
                out[i + d - j] += cj * binom * Fraction(lam) ** i
                binom = binom * (j - i) // (i + 1)
        if out[-1] != 0:
            return str(lam), out
    raise InputError("chart: the zero form has no chart; give a nonzero coefficient list")


def check_sturm_work(degree: int, limits: Limits | None = None, what: str = "Sturm sequence") -> None:
    """Refuse an exact real-root count whose work, ``degree³`` (a sequence of ``degree``
    polynomials of growing degree and coefficient size over Q), exceeds ``limits.max_root_work``.

    Raises
    ------
    ResourceLimitError
        Naming ``max_root_work``.

    Examples
    --------
    >>> check_sturm_work(100)
    >>> check_sturm_work(100, Limits(max_root_work=10**5))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: work (degree^3) of the Sturm sequence of a degree-100 polynomial estimated at 1000000, above the bound 100000; to allow it, raise limits=Limits(max_root_work=...) (CLI: --max-root-work)
    """
    Limits.coerce(limits).check("max_root_work", f"work (degree^3) of the {what} of a degree-{degree} polynomial",
                                degree ** 3)


def real_roots_projective(coeffs: Sequence, limits: Limits | None = None) -> int:
    """Real roots of the binary form with multiplicity, infinity included (Sturm–Habicht).

    ``limits.max_root_work`` bounds the work, ``d³`` (:func:`check_sturm_work`), checked first.

    Examples
    --------
    >>> real_roots_projective([1, 0, 0])   # the constant 1 as a quadratic form: double root at infinity
    2
    """
    check_sturm_work(len(coeffs) - 1, limits, "Sturm-Habicht sequence")
    _, g = chart(coeffs)
    return sturm_habicht_count(g)


def odd_real_roots_projective(coeffs: Sequence, limits: Limits | None = None) -> int:
    """Distinct real roots of odd multiplicity, infinity included (squarefree parts + Sturm).

    ``limits.max_root_work`` bounds the work, ``d³`` (:func:`check_sturm_work`), checked first.

    Examples
    --------
    >>> odd_real_roots_projective([-1, 2, -1, 0])   # -(z-1)^2, simple root at infinity
    1
    """
    check_sturm_work(len(coeffs) - 1, limits)
    c = [Fraction(x) for x in coeffs]
    d = len(c) - 1
    p, _ = to_fmpz_poly(c)
    inf = d - p.degree()
    _, parts = p.factor_squarefree()
    return sum(sturm_count(g) for g, e in parts if e % 2 == 1) + (inf % 2)


def symbolic_sturm_habicht(d: int) -> tuple[list, Any]:
    """The principal Sturm–Habicht coefficients ``s_d, …, s_0`` of the generic polynomial
    ``Σ_j c_j z^j`` of degree ``d`` and its discriminant, in ``Z[c_0, …, c_d, z]``.

    Examples
    --------
    >>> seq, disc = symbolic_sturm_habicht(2)
    >>> [str(s) for s in seq], str(disc)
    (['c2', '2*c2', 'c1^2*c2 - 4*c0*c2^2'], 'c1^2 - 4*c0*c2')
    """
    names = tuple(f"c{j}" for j in range(d + 1))
    ctx = integer_ring(names + ("z",))
    gens = ctx.gens()
    cs, z = gens[:-1], gens[-1]
    P = list(cs)
    Q = [P[e + 1] * (e + 1) for e in range(d)]
    seq = [P[-1], Q[-1]]
    for j in range(d - 2, -1, -1):
        size = 2 * d - 1 - 2 * j
        rows = syha_rows(P, Q, j)
        seq.append(bareiss_determinant([[x if not isinstance(x, int) else ctx.from_dict({}) + x for x in r[:size]]
                             for r in rows]))
    poly = sum((c * z ** j for j, c in enumerate(cs)), ctx.from_dict({}))
    disc = poly.discriminant("z") if d >= 1 else ctx.from_dict({}) + 1
    return seq, disc


# ------------------------------------------------------------ certified isolation
@dataclass(frozen=True)
class OrbitLabels:
    """Roots grouped into stride-``t`` orbits ``{ζρ : ζ^t = 1}``, exactly.

    Attributes
    ----------
    t : int
        The stride.
    label : tuple of int
        For each distinct nonzero root of :class:`RootData`, the index of ``ρ^t`` among
        the isolated roots ``w`` of ``S_t`` (squarefree part of ``Π_i res_z(f_i, w − z^t)``).
    values : tuple of acb
        Isolating balls of the roots ``w`` of ``S_t`` (pairwise disjoint).
    real : tuple of bool
        Whether each ``w`` is real (certified).
    conj : tuple of int
        Index of the complex conjugate of each ``w``.
    factor : tuple of int
        Index (into ``factors``) of the irreducible factor of ``S_t`` that ``w`` is a root of.
    factors : tuple of fmpz_poly
        The irreducible factors of ``S_t``.
    """

    t: int
    label: tuple[int, ...]
    values: tuple
    real: tuple[bool, ...]
    conj: tuple[int, ...]
    factor: tuple[int, ...]
    factors: tuple


def _factor_work(p: flint.fmpz_poly, bound: int) -> int:
    """Estimated work of factoring ``p`` over Z: ``deg² / 8`` (a random degree-4800 polynomial
    takes about 15 s), summed over the squarefree parts when ``p`` itself is above ``bound``
    (a power of a small polynomial factors at once)."""
    work = int(p.degree()) ** 2 // 8
    if work > bound:
        _, parts = p.factor_squarefree()
        work = sum(int(g.degree()) ** 2 // 8 for g, _ in parts)
    return work


class RootData:
    """Exact factorization and certified isolation of the roots of an integer polynomial.

    Parameters
    ----------
    p : fmpz_poly
        A nonzero polynomial.
    limits : Limits, optional
        ``max_precision`` bounds the working precision (bits) of the isolation;
        ``max_root_work`` its time: every isolation pass (of the factors, or of the orbit
        resultants of :meth:`orbits`) counts ``degree² × precision / 64`` per polynomial, and
        the factorization, ``deg² / 8`` summed over the squarefree parts of ``p``, is checked
        before ``p`` is factored.

    Raises
    ------
    ResourceLimitError
        When the precision or the isolation work exceeds its bound.

    Attributes
    ----------
    zero_multiplicity : int
        Multiplicity of the root ``0``.
    factors : list of (fmpz_poly, int)
        Irreducible factors over Z other than ``z``, with multiplicities.
    roots : list of acb
        Distinct nonzero roots (isolating balls), grouped by factor.
    multiplicity, factor_of, real, conj : list
        Per root: multiplicity, index of its factor, certified realness, index of its conjugate.

    Examples
    --------
    >>> rd = RootData(flint.fmpz_poly([0, 0, 1, 0, 1]))
    >>> rd.zero_multiplicity, rd.real, rd.conj
    (2, [False, False], [1, 0])
    """

    def __init__(self, p: flint.fmpz_poly, limits: Limits | None = None) -> None:
        self.limits = Limits.coerce(limits)
        if p.is_zero():
            raise InputError("RootData: the zero polynomial")
        coeffs = [int(c) for c in p.coeffs()]
        a0 = next(i for i, c in enumerate(coeffs) if c != 0)
        self.poly = p
        self.zero_multiplicity = a0
        rest = flint.fmpz_poly(coeffs[a0:])
        self.work = self.limits.budget("max_root_work", "root isolation work (degree^2 x precision/64)")
        self.limits.check("max_root_work", "factorization work (degree^2/8 over the squarefree parts)",
                          _factor_work(rest, self.limits.max_root_work))
        self.content, fac = rest.factor()
        self.factors = [(f, int(e)) for f, e in fac]
        self._orbit_factors: dict[int, list] = {}    # t -> the factors of the res_z(f, w - z^t): exact, once
        self._orbit_labels: dict[tuple[int, int], OrbitLabels] = {}   # (t, precision) -> the grouping found there
        self.prec = 64
        self._isolate()

    def copy(self, limits: Limits | None = None) -> "RootData":
        """An independent copy at the current precision with a fresh ``max_root_work`` budget.

        The factors, the balls and the exact orbit factors (:meth:`orbits`) are shared, not
        recomputed (they are never changed in place: :meth:`refine` replaces them); the copy's
        precision and budget are its own, so refining it leaves ``self`` as it is.

        Parameters
        ----------
        limits : Limits, optional
            The bounds of the copy's later isolation passes.

        Returns
        -------
        RootData

        Examples
        --------
        >>> rd = RootData(flint.fmpz_poly([-2, 0, 1]))
        >>> other = rd.copy(); other.refine()
        >>> rd.prec, other.prec, other.factors == rd.factors
        (64, 128, True)
        """
        out = copy.copy(self)
        out.limits = Limits.coerce(limits)
        out.work = out.limits.budget("max_root_work", "root isolation work (degree^2 x precision/64)")
        return out

    def _spend(self, polys: Any, prec: int) -> None:
        """Count one isolation pass of ``polys`` at ``prec`` bits against ``max_root_work``."""
        self.work.spend(sum(int(f.degree()) ** 2 for f in polys) * max(1, prec // 64))

    def _isolate(self) -> None:
        while True:
            self._spend((f for f, _ in self.factors), self.prec)
            with flint.ctx.workprec(self.prec):
                roots, mult, fidx, real = [], [], [], []
                for i, (f, e) in enumerate(self.factors):
                    for r, m in f.complex_roots():
                        roots.append(r)
                        mult.append(e * int(m))
                        fidx.append(i)
                        real.append(bool(r.imag.is_zero()))
                conj = []
                ok = all(not roots[a].overlaps(roots[b]) for a in range(len(roots)) for b in range(a))
                for i, r in enumerate(roots if ok else []):
                    if real[i]:
                        conj.append(i)
                        continue
                    hits = [j for j, s in enumerate(roots) if fidx[j] == fidx[i] and not real[j]
                            and s.overlaps(r.conjugate()) and j != i]
                    if len(hits) != 1:
                        ok = False
                        break
                    conj.append(hits[0])
            if ok:
                break
            self._raise_prec("separating complex conjugate roots")
        self.roots, self.multiplicity, self.factor_of, self.real, self.conj = roots, mult, fidx, real, conj

    def refine(self) -> None:
        """Double the working precision and isolate the roots again (bounded by the limits).

        Raises
        ------
        ResourceLimitError
            When the precision or the isolation work exceeds its bound.

        Examples
        --------
        >>> rd = RootData(flint.fmpz_poly([-2, 0, 1])); rd.refine(); rd.prec
        128
        """
        self._raise_prec("refining the root enclosures")
        self._isolate()

    def _raise_prec(self, what: str) -> None:
        self.prec *= 2
        self.limits.check("max_precision", f"working precision (bits) for {what}", self.prec)

    @property
    def degree(self) -> int:
        """Degree of the polynomial (zero roots included)."""
        return int(self.poly.degree())

    def orbits(self, t: int) -> OrbitLabels:
        """Group the nonzero roots by ``ρ^t`` exactly (see the module docstring).

        The factored resultants are computed once per ``t``, and the grouping once per ``t`` and
        working precision (both shared with copies, :meth:`copy`: the isolation at a given
        precision is deterministic, so a copy at that precision has the same balls).

        Examples
        --------
        >>> rd = RootData(flint.fmpz_poly([1, 0, 0, 0, 1]))   # z^4 + 1
        >>> lab = RootData(flint.fmpz_poly([1, 0, 0, 0, 1])).orbits(2)
        >>> sorted(lab.label.count(j) for j in set(lab.label)), lab.real
        ([2, 2], (False, False))
        """
        found = self._orbit_labels.get((t, self.prec))
        if found is not None:
            return found
        sfactors = self._orbit_factors.get(t)
        if sfactors is None:
            sfactors = self._orbit_factors[t] = self._class_factors(t)
        prec = self.prec
        while True:
            self._spend(sfactors, prec)
            with flint.ctx.workprec(prec):
                values, real, factor = [], [], []
                for i, h in enumerate(sfactors):
                    for r, _ in h.complex_roots():
                        values.append(r)
                        real.append(bool(r.imag.is_zero()))
                        factor.append(i)
                disjoint = all(not values[a].overlaps(values[b])
                               for a in range(len(values)) for b in range(a))
                label, conj = [], []
                if disjoint:
                    roots = self._roots_at(prec)
                    for r in roots:
                        hits = [j for j, v in enumerate(values) if v.overlaps(r ** t)]
                        if len(hits) != 1:
                            break
                        label.append(hits[0])
                    for j, v in enumerate(values):
                        hits = [i for i, u in enumerate(values) if u.overlaps(v.conjugate())]
                        if len(hits) != 1:
                            break
                        conj.append(hits[0])
                if disjoint and len(label) == len(self.roots) and len(conj) == len(values):
                    found = self._orbit_labels[(t, self.prec)] = OrbitLabels(
                        t, tuple(label), tuple(values), tuple(real), tuple(conj), tuple(factor), tuple(sfactors))
                    return found
            prec *= 2
            self.limits.check("max_precision", "working precision (bits) for grouping roots into orbits", prec)

    def _class_factors(self, t: int) -> list:
        """The irreducible factors of the ``res_z(f, w − z^t)`` over the factors ``f`` (exact; computed once per ``t``)."""
        ctx = integer_ring(("z", "w"))
        z, w = ctx.gens()
        sfactors: list = []
        # the resultants have the degrees of the factors and t times their coefficient size; FLINT's
        # bivariate resultant takes about 4e-11 d^3 t^2 seconds (d = 100, t = 81: 0.3 s; d = 200: 2.2 s),
        # counted in the units of the isolation (about 1 microsecond each) and refused before it starts
        work = sum(int(f.degree()) ** 3 for f, _ in self.factors) * t * t // 24_000
        degree = max((int(f.degree()) for f, _ in self.factors), default=0)
        self.limits.check("max_root_work", f"work (degree^3 x t^2 / 24000) of the class polynomials "
                          f"res_z(f, w - z^{t}) of factors up to degree {degree}", work)
        self.work.spend(max(work, sum(int(f.degree()) ** 2 for f, _ in self.factors) * max(1, t // 4)))
        for f, _ in self.factors:
            fz = sum((int(c) * z ** e for e, c in enumerate(f.coeffs())), ctx.from_dict({}))
            res = fz.resultant(w - z ** t, "z")
            coeffs = [0] * (res.degrees()[1] + 1)
            for (ez, ew), c in res.terms():
                coeffs[ew] += int(c)
            _, fac = flint.fmpz_poly(coeffs).factor()
            for h, _ in fac:
                if h.degree() > 0 and h not in sfactors and -h not in sfactors:
                    sfactors.append(h)
        return sfactors

    def _roots_at(self, prec: int) -> list:
        """The roots recomputed at precision ``prec``, matched to the stored (disjoint) balls."""
        if prec == self.prec:
            return list(self.roots)
        with flint.ctx.workprec(prec):
            fresh = []
            for f, _ in self.factors:
                fresh.extend(r for r, _ in f.complex_roots())
        out = []
        for old in self.roots:
            hits = [r for r in fresh if r.overlaps(old)]
            if len(hits) != 1:
                return list(self.roots)  # keep the coarser (still certified) balls
            out.append(hits[0])
        return out


def arb_fraction(x: Any) -> Fraction:
    """The exact value of an ``arb`` whose radius is zero (an endpoint of a ball) as a Fraction.

    Examples
    --------
    >>> arb_fraction(flint.arb(0.375))
    Fraction(3, 8)
    """
    man, exp = x.mid().man_exp()
    man, exp = int(man), int(exp)
    return Fraction(man * 2 ** exp) if exp >= 0 else Fraction(man, 2 ** -exp)


def ball_contains_rational(ball: Any, q: Any) -> bool:
    """Whether the real ball ``ball`` contains the rational ``q``, decided exactly.

    ``arb.contains`` first rounds ``q`` to a ball at the working precision, and that ball can
    stick out of a ball much smaller than its radius (a product of witness layers computed at
    high precision, tested at the default one); here the midpoint and the radius, both exact
    dyadic numbers, are compared with ``q`` in exact rational arithmetic.

    Parameters
    ----------
    ball : arb
    q : Fraction, int or fmpq

    Returns
    -------
    bool
        ``mid − rad ≤ q ≤ mid + rad``; False for a ball that is not finite.

    Examples
    --------
    >>> with flint.ctx.workprec(200):
    ...     third = flint.arb(1) / 3
    >>> third.contains(flint.fmpq(1, 3)), ball_contains_rational(third, Fraction(1, 3))
    (False, True)
    >>> ball_contains_rational(flint.arb(1) / 3, Fraction(1, 2))
    False
    """
    if not ball.is_finite():
        return False
    q = Fraction(int(q.p), int(q.q)) if isinstance(q, flint.fmpq) else Fraction(q)
    mid = arb_fraction(ball)
    rad = arb_fraction(flint.arb(ball.rad()))
    return mid - rad <= q <= mid + rad


def rational_between(lo: Fraction, hi: Fraction) -> Fraction:
    """A rational with a power-of-two denominator, as small as possible, in the open interval
    ``(lo, hi)`` (``lo < hi``).

    Examples
    --------
    >>> rational_between(Fraction(1, 3), Fraction(1, 2))
    Fraction(3, 8)
    """
    q = 1
    while True:
        k = (lo * q).__floor__() + 1
        if Fraction(k, q) < hi:
            return Fraction(k, q)
        q *= 2


def sorted_real_roots(factors: list, limits: Limits) -> list[tuple[Any, Fraction, Fraction, Any]]:
    """``(factor, lo, hi, ball)`` for each real root of the product of the integer polynomials
    ``factors``, sorted, with pairwise disjoint rational isolating intervals ``[lo, hi]`` (a root
    at 0 exactly as ``[0, 0]``); isolation by :class:`RootData` within ``limits``.

    Examples
    --------
    >>> roots = sorted_real_roots([flint.fmpz_poly([-2, 0, 1]), flint.fmpz_poly([0, 1])], Limits())
    >>> [(str(f), lo * lo <= 2 <= hi * hi or lo * lo >= 2 >= hi * hi or lo == hi == 0) for f, lo, hi, _ in roots]
    [('x^2 + (-2)', True), ('x', True), ('x^2 + (-2)', True)]
    """
    prod = flint.fmpz_poly([1])
    for f in factors:
        prod *= f
    rd = RootData(prod, limits)
    out: list = []
    if rd.zero_multiplicity:
        out.append((flint.fmpz_poly([0, 1]), Fraction(0), Fraction(0), flint.arb(0)))
    while True:
        balls = [(rd.factors[rd.factor_of[i]][0], rd.roots[i].real) for i in range(len(rd.roots)) if rd.real[i]]
        if all(not b.contains(0) for _, b in balls) or not rd.zero_multiplicity:
            # the endpoints round outward at the context precision: two close roots can get overlapping
            # rational intervals, so take them at the isolation's precision then, refining until disjoint
            for prec in (None, rd.prec + 64):
                with flint.ctx.workprec(prec or flint.ctx.prec):
                    ends = sorted(out + [(f, arb_fraction(b.lower()), arb_fraction(b.upper()), b) for f, b in balls],
                                  key=lambda t: t[1])
                if all(a[2] < b[1] for a, b in zip(ends, ends[1:])):
                    return ends
        rd.refine()
