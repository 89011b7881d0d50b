"""Zero-dimensional ideals: counting their solutions exactly and isolating the real ones
(docs/theory.md#zero-dimensional).

For a zero-dimensional ideal ``I ⊂ K[x_1, ..., x_n]`` with a Gröbner basis ``G``, the quotient
``A = K[x]/I`` is a ``K``-vector space with the *standard monomials* (those divisible by no
leading monomial of ``G``) as a basis, of dimension ``D``.  Everything here is linear algebra on
``A``, exact over ``Q`` (FLINT ``fmpq_mat``) or over ``GF(p)`` (``nmod_mat``).

Algorithm
---------
*Multiplication matrices.*  ``M_f`` is the matrix of ``a ↦ f a`` on ``A`` in the standard
basis; its columns are the normal forms of ``f b`` for the standard monomials ``b``.  The
``M_{x_i}`` commute; by Stickelberger's theorem the eigenvalues of ``M_f`` are the values
``f(α)`` at the solutions ``α ∈ V(I)`` over the algebraic closure, each repeated its
multiplicity ``μ(α)``, so ``Tr M_f = Σ_α μ(α) f(α)``.

*Counts.*  ``D = Σ_α μ(α)`` is the number of solutions counted with multiplicity.  Over ``Q``
the *Hermite quadratic form* ``H(a, b) = Tr M_{ab}`` on ``A`` has rank equal to the number of
distinct complex solutions and signature equal to the number of distinct real solutions
(Hermite's theorem; Basu–Pollack–Roy, *Algorithms in Real Algebraic Geometry*, Thm. 4.102).
The signature of the symmetric rational matrix ``H`` is read exactly from its characteristic
polynomial, all of whose roots are real: Descartes' rule of signs is then exact, so the
numbers of positive and negative eigenvalues are the sign variations of ``χ(s)`` and
``χ(−s)``.  Over ``GF(p)`` the distinct count is the degree of the squarefree part of the
characteristic polynomial of ``M_t`` for a seeded random linear form ``t``; it equals the
number of distinct solutions unless ``t`` takes one value at two of them, which for
coefficients uniform in ``GF(p)`` has probability at most ``C(D, 2)/p`` (a union bound over
pairs), so that count is labelled probabilistic with this bound.

*Rational univariate representation* (Rouillier 1999).  For a linear form ``t = Σ c_i x_i``
that separates ``V(I)``, let ``f(T) = Π_α (T − t(α))`` (the squarefree part of ``χ_{M_t}``)
and, for ``v ∈ K[x]``, ``g_v(T) = Σ_α μ(α) v(α) Π_{β≠α} (T − t(β))``.  Expanding
``f(T)/(T − τ) = Σ_{i<d} T^i Σ_{k>i} a_k τ^{k−i−1}`` gives
``g_v(T) = Σ_{i<d} T^i Σ_{k=i+1}^{d} a_k Tr M_{v t^{k−i−1}}``, computed from traces only.
Since ``g_1(t(α)) = μ(α) f'(t(α)) ≠ 0`` in characteristic 0, each solution is
``x_i = g_{x_i}(τ)/g_1(τ)`` at a root ``τ`` of ``f``: the solutions are in bijection with the
roots of ``f``, real solutions with real roots (``f`` and the ``g`` have rational coefficients).
``t`` separates iff ``deg f`` equals the Hermite rank, which is checked exactly; a form that
does not separate is replaced by the next seeded one.  Real roots of ``f`` are isolated in
certified balls (FLINT/Arb, each irreducible factor separately, realness certified by an
exactly zero imaginary part), and the coordinates are enclosed by evaluating ``g_{x_i}/g_1`` in
ball arithmetic; :meth:`UnivariateRepresentation.real_points` refines to any precision.

Examples
--------
>>> from lcnalg.polys.groebner import groebner_basis
>>> gb = groebner_basis([{(2, 0): 1, (0, 0): -2}, {(0, 2): 1, (1, 0): -1}], "degrevlex")
>>> solution_counts(gb)
SolutionCounts(with_multiplicity=4, distinct=4, real=2, certified=True, failure_probability=0)
>>> rur = univariate_representation(gb, seed=0)
>>> [tuple(round(float(c.mid()), 6) for c in p) for p in rur.real_points()]
[(1.414214, -1.189207), (1.414214, 1.189207)]
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from fractions import Fraction
from math import comb
from typing import Any, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError, UndecidedError, check
from lcnalg.limits import Limits
from lcnalg.polys.groebner import GroebnerBasis
from lcnalg.polys.groebner.border import NormalFormTable, standard_set
from lcnalg.polys.real_algebraic import RealAlgebraicPoint
from lcnalg.rings import to_fmpq

__all__ = ["QuotientAlgebra", "SolutionCounts", "UnivariateRepresentation", "modular_univariate_representation", "standard_monomials", "multiplication_matrix",
           "solution_counts", "univariate_representation", "symmetric_signature"]

Exp = tuple[int, ...]


@dataclass(frozen=True)
class SolutionCounts:
    """How many solutions a zero-dimensional system has over the algebraic closure.

    Attributes
    ----------
    with_multiplicity : int
        ``dim_K K[x]/I``.
    distinct : int
        Number of distinct complex solutions.
    real : int or None
        Number of distinct real solutions (over Q only; None over GF(p)).
    certified : bool
        Exact over Q from a certified Gröbner basis; False modulo a prime.
    failure_probability : Fraction
        Upper bound on the probability that ``distinct`` is wrong for the ideal modulo ``p``
        (0 over Q).  The counts modulo ``p`` are those of the reduction of the system; that they
        equal the counts over Q is not claimed.
    """

    with_multiplicity: int
    distinct: int
    real: int | None
    certified: bool
    failure_probability: Fraction = Fraction(0)

    def __repr__(self) -> str:
        return (f"SolutionCounts(with_multiplicity={self.with_multiplicity}, distinct={self.distinct}, "
                f"real={self.real}, certified={self.certified}, "
                f"failure_probability={self.failure_probability})")


@dataclass(frozen=True)
class UnivariateRepresentation:
    """Every solution of a zero-dimensional system over Q as ``x_i = g_i(τ)/g_0(τ)``, ``f(τ) = 0``.

    Attributes
    ----------
    separating_form : tuple of int
        ``c`` with ``t = Σ c_i x_i`` injective on the solutions.
    minimal_polynomial : fmpq_poly
        ``f``: squarefree, monic, one root ``τ = t(α)`` per distinct solution ``α``.
    denominator : fmpq_poly
        ``g_0 = g_1`` of the module docstring, nonzero at every root of ``f``.
    numerators : tuple of fmpq_poly
        ``g_{x_i}``, one per variable.
    with_multiplicity : int
        Solutions counted with multiplicity (``dim K[x]/I``).
    verified : bool
        Set by :func:`modular_univariate_representation`: the substitution check passed.
    primes : tuple of int
        Primes of a multi-modular computation (empty over Q).
    """

    separating_form: tuple[int, ...]
    minimal_polynomial: Any
    denominator: Any
    numerators: tuple[Any, ...]
    with_multiplicity: int
    limits: Limits = field(default_factory=Limits, compare=False, repr=False)
    verified: bool = False
    primes: tuple[int, ...] = ()

    @property
    def num_solutions(self) -> int:
        """Number of distinct complex solutions (``deg f``)."""
        return int(self.minimal_polynomial.degree())

    def real_roots(self, prec: int = 64) -> list[Any]:
        """Certified isolating balls (``arb``) of the real roots of ``f``, increasing."""
        checks.positive_int(prec, "prec")
        self.limits.check("max_precision", "working precision (bits) of the real roots", prec)
        num = self.minimal_polynomial.numer()
        factors = num.factor()[1] if num.degree() > 0 else []
        roots = []
        with flint.ctx.workprec(prec):
            for f, _ in factors:
                for r, _m in f.complex_roots():
                    if r.imag.is_zero():
                        roots.append(flint.arb(r.real))
        roots.sort(key=lambda r: float(r.mid()))
        return roots

    def real_points(self, prec: int = 64) -> list[tuple[Any, ...]]:
        """The real solutions as tuples of certified balls (``arb``), one per real root of ``f``.

        Parameters
        ----------
        prec : int
            Working precision in bits; raise it for tighter balls.
        """
        while True:  # g_0(τ) ≠ 0 at every root (proved), so its ball excludes 0 at some precision
            out = []
            for tau in self.real_roots(prec):
                with flint.ctx.workprec(prec):
                    den = _evaluate(self.denominator, tau)
                    if den.contains(0):
                        break
                    out.append(tuple(_evaluate(g, tau) / den for g in self.numerators))
            else:
                return out
            prec *= 2
            self.limits.check("max_precision", "working precision (bits) of the real solutions", prec)

    def real_algebraic_points(self, prec: int = 64) -> list[RealAlgebraicPoint]:
        """The real solutions as exact points over number fields, in increasing order of ``τ``.

        Each is a :class:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint` over
        ``Q[T]/(φ)`` for the irreducible factor ``φ`` of ``f`` vanishing at its ``τ``: signs and
        signatures of polynomials at it are then decided exactly.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> gb = groebner_basis([{(2, 0): 1, (0, 0): -2}, {(0, 1): 1, (1, 0): -1, (0, 0): -1}])
        >>> [p.sign({(0, 1): 1}) for p in univariate_representation(gb).real_algebraic_points()]
        [-1, 1]
        """
        checks.positive_int(prec, "prec")
        num = self.minimal_polynomial.numer()
        out = []
        for phi, _ in (num.factor()[1] if num.degree() > 0 else []):
            with flint.ctx.workprec(prec):
                roots = [flint.arb(r.real) for r, _m in phi.complex_roots() if r.imag.is_zero()]
            for tau in roots:
                out.append(RealAlgebraicPoint.from_root(flint.fmpq_poly(phi), tau, self.numerators,
                                                        self.denominator, self.limits))
        out.sort(key=lambda p: float(p.root.mid()))
        return out

    def exact_point(self, tau: Any) -> tuple[Any, ...]:
        """Coordinates ``g_i(τ)/g_0(τ)`` at an exact rational root ``τ`` of ``f``."""
        tau = flint.fmpq(tau)
        check(self.minimal_polynomial(tau) == 0, "exact_point: τ is not a root of the minimal polynomial")
        den = self.denominator(tau)
        return tuple(g(tau) / den for g in self.numerators)


def _evaluate(poly: Any, x: Any) -> Any:
    """Horner evaluation of an ``fmpq_poly`` at a ball."""
    acc = flint.arb(0)
    for c in reversed(poly.coeffs()):
        acc = acc * x + flint.arb(c)
    return acc


def standard_monomials(gb: GroebnerBasis, limits: Limits | None = None) -> list[Exp]:
    """The monomials divisible by no leading monomial of ``gb``, in increasing order.

    Parameters
    ----------
    gb : GroebnerBasis
        A Gröbner basis of a zero-dimensional ideal.
    limits : Limits, optional
        ``max_quotient_dimension`` bounds the count.

    Raises
    ------
    InputError
        If the ideal is not zero-dimensional.
    ResourceLimitError
        If there are more than ``max_quotient_dimension`` of them.

    Examples
    --------
    >>> from lcnalg.polys.groebner import groebner_basis
    >>> standard_monomials(groebner_basis([{(2, 0): 1}, {(0, 2): 1}, {(1, 1): 1}]))
    [(0, 0), (0, 1), (1, 0)]
    """
    if not isinstance(gb, GroebnerBasis):
        raise InputError(f"gb: expected a GroebnerBasis, got {checks.short(gb)}")
    if not gb.is_zero_dimensional():
        raise InputError("gb: the ideal is not zero-dimensional (a variable has no pure power among "
                         "the leading monomials)")
    limits = Limits.coerce(limits)
    limits.check("max_quotient_dimension", "dimension of the quotient algebra", gb.num_solutions())
    basis = standard_set(gb.leading_monomials, gb.nvars, max(limits.max_quotient_dimension, 1))
    check(basis is not None, "a zero-dimensional basis has finitely many standard monomials")
    seen = basis
    return sorted(seen, key=gb.order.key)


class QuotientAlgebra:
    """The algebra ``A = K[x]/I`` of a zero-dimensional ideal, as linear algebra.

    Parameters
    ----------
    gb : GroebnerBasis
        A Gröbner basis of ``I`` (over Q or GF(p)).
    limits : Limits, optional
        ``max_quotient_dimension`` bounds ``dim A``.

    Attributes
    ----------
    basis : list of exponent tuples
        The standard monomials, in increasing order; ``dim`` of them.
    index : dict
        Position of each standard monomial.

    Methods give the coordinates of a normal form (:meth:`coordinates`), the multiplication
    matrices of a variable (only the border monomials ``x_i b`` outside the basis need a
    normal form), of each standard monomial (products of variable matrices, ``B`` being closed
    under division) and of any polynomial ``f`` (:meth:`of`: ``Σ_m c_m M_m`` over the normal
    form of ``f``): ``fmpq_mat`` over Q, ``nmod_mat`` over GF(p).

    Examples
    --------
    >>> from lcnalg.polys.groebner import groebner_basis
    >>> A = QuotientAlgebra(groebner_basis([{(2,): 1, (0,): -3}]))
    >>> A.basis, print(A.of({(1,): 1, (0,): 1}))
    [1, 3]
    [1, 1]
    ([(0,), (1,)], None)
    """

    def __init__(self, gb: GroebnerBasis, limits: Limits | None = None) -> None:
        limits = Limits.coerce(limits)
        self.gb = gb
        self.basis = standard_monomials(gb, limits)
        self.index = {m: i for i, m in enumerate(self.basis)}
        self.dim = len(self.basis)
        self.modulus = gb.modulus
        self._table: NormalFormTable | None = None
        self._monomials: list[Any] | None = None

    def matrix(self, rows: Sequence[Sequence[Any]]) -> Any:
        if self.modulus is None:
            return flint.fmpq_mat(rows) if rows else flint.fmpq_mat(0, 0)
        return flint.nmod_mat(rows, self.modulus) if rows else flint.nmod_mat(0, 0, self.modulus)

    def coordinates(self, poly: dict) -> list[Any]:
        nf = self.gb.normal_form(poly) if poly else {}
        vec = [0] * self.dim
        for e, c in nf.items():
            vec[self.index[e]] = c
        return vec

    def variable_matrix(self, i: int) -> Any:
        """``M_{x_i}``: column ``b`` is the normal form of ``x_i b``.

        All ``n`` matrices are built at once by :class:`~lcnalg.polys.groebner.border.NormalFormTable`:
        a border monomial is either a leading monomial of the reduced basis (its normal form is
        minus the tail) or ``x_k m'`` with ``m'`` on the border, whose normal form is
        ``M_{x_k}`` applied to that of ``m'`` (columns already known, since they belong to
        smaller monomials): one matrix-vector product per border monomial, no polynomial
        division."""
        known = self.gb.multiplication_matrices
        if known is not None and self._table is None:
            return known[i]
        if self._table is None:
            elements = [([e for e, _ in t], [c for _, c in t]) for t in self.gb.terms]
            self._table = NormalFormTable(elements, self.basis, self.gb.nvars, self.gb.order.key,
                                          self.modulus)
        return self._table.matrices[i]

    def linear_matrix(self, form: Sequence[int]) -> Any:
        acc = self.matrix([[0] * self.dim for _ in range(self.dim)])
        for i, c in enumerate(form):
            if c:
                acc = acc + self.variable_matrix(i) * c
        return acc

    def monomial_matrices(self) -> list[Any]:
        """``M_b`` for every standard monomial ``b`` (each ``x_i`` times a smaller one)."""
        if self._monomials is None:
            self._monomials = self._along_staircase(
                self.matrix([[1 if r == c else 0 for c in range(self.dim)] for r in range(self.dim)]))
        return self._monomials

    def _along_staircase(self, start: Any) -> list[Any]:
        """``[M_b X for b in basis]`` with ``X = start``: ``M_b X = M_{x_i} (M_{b / x_i} X)``."""
        out: list[Any] = []
        for b in self.basis:
            if not any(b):
                out.append(start)
                continue
            i = next(k for k, a in enumerate(b) if a)
            out.append(self.variable_matrix(i) * out[self.index[b[:i] + (b[i] - 1,) + b[i + 1:]]])
        return out

    def of(self, poly: dict) -> Any:
        """``M_f``: column ``b`` is ``M_b v`` with ``v`` the coordinates of the normal form of
        ``f`` (``b f = f b``), each ``M_b v = M_{x_i} (M_{b / x_i} v)`` along the staircase: one
        normal form and ``dim`` matrix-vector products."""
        if self.dim == 0:
            return self.matrix([])
        return self.of_vector(self.matrix([[c] for c in self.coordinates(poly)]))

    def apply(self, poly: dict, vector: Any) -> Any:
        """``M_f v`` (``v`` a ``dim x 1`` matrix) as ``Σ_m c_m M^m v``, each ``M^m v`` one
        product by a variable matrix from a smaller monomial's vector."""
        memo: dict[tuple[int, ...], Any] = {tuple([0] * self.gb.nvars): vector}

        def power(m: tuple[int, ...]) -> Any:
            out = memo.get(m)
            if out is None:
                k = next(i for i, a in enumerate(m) if a)
                out = self.variable_matrix(k) * power(m[:k] + (m[k] - 1,) + m[k + 1:])
                memo[m] = out
            return out

        acc = self.matrix([[0] for _ in range(self.dim)])
        for m, c in poly.items():
            acc = acc + power(tuple(m)) * c
        return acc

    def determinant_vector(self, entries: Sequence[Sequence[dict]]) -> Any:
        """The coordinates (a ``dim x 1`` matrix) of the normal form of ``det(entries)`` for a
        square matrix of polynomials, by Laplace expansion along the rows on vectors:
        ``r 2^(r-1)`` products :meth:`apply` by single entries, never the expanded determinant."""
        r = len(entries)
        one = self.matrix([[1 if not any(b) else 0] for b in self.basis])
        minors: dict[int, Any] = {0: one}  # column subset (bit mask) -> minor of the first rows
        for k in range(r):
            nxt: dict[int, Any] = {}
            for S, vec in minors.items():
                for j in range(r):
                    if S >> j & 1 or not entries[k][j]:
                        continue
                    T = S | (1 << j)
                    sign = -1 if (bin(T & ((1 << j) - 1)).count("1") + k) % 2 else 1
                    term = self.apply(entries[k][j], vec) * sign
                    nxt[T] = nxt[T] + term if T in nxt else term
            minors = nxt
        full = (1 << r) - 1
        return minors.get(full, self.matrix([[0] for _ in range(self.dim)]))

    def of_vector(self, vector: Any) -> Any:
        """``M_f`` from the coordinates ``v`` of ``f`` (a ``dim x 1`` matrix): column ``b`` is
        ``M_b v``."""
        D = self.dim
        if D == 0:
            return self.matrix([])
        entries = [c.entries() for c in self._along_staircase(vector)]
        return self.matrix([[entries[j][k] for j in range(D)] for k in range(D)])


def multiplication_matrix(gb: GroebnerBasis, poly: dict, limits: Limits | None = None) -> Any:
    """The matrix of multiplication by ``poly`` on ``K[x]/I`` in the standard monomial basis.

    Parameters
    ----------
    gb : GroebnerBasis
        A Gröbner basis of a zero-dimensional ideal.
    poly : dict
        ``{exponent: coefficient}``.
    limits : Limits, optional

    Returns
    -------
    fmpq_mat or nmod_mat
        Column ``j`` holds the coordinates of the normal form of ``poly * b_j``.

    Examples
    --------
    >>> from lcnalg.polys.groebner import groebner_basis
    >>> gb = groebner_basis([{(2,): 1, (0,): -2}])
    >>> print(multiplication_matrix(gb, {(1,): 1}))
    [0, 2]
    [1, 0]
    """
    q = QuotientAlgebra(gb, Limits.coerce(limits))
    if not isinstance(poly, dict):
        raise InputError(f"poly: expected a dict {{exponent tuple: coefficient}}, got {checks.short(poly)}")
    clean = {}
    for e, c in poly.items():
        if not isinstance(e, tuple) or len(e) != gb.nvars:
            raise InputError(f"poly: exponent {checks.short(e)} is not a tuple of {gb.nvars} integers")
        clean[e] = checks.exact(c, "poly")
    return q.of({e: c for e, c in clean.items() if c})


def symmetric_signature(matrix: Any) -> tuple[int, int]:
    """``(rank, signature)`` of a symmetric rational matrix, exactly.

    The characteristic polynomial of a real symmetric matrix has only real roots, so
    Descartes' rule of signs counts its positive roots exactly (sign variations of ``χ(s)``)
    and its negative roots (variations of ``χ(−s)``).

    Examples
    --------
    >>> symmetric_signature(flint.fmpq_mat([[1, 2], [2, 1]]))
    (2, 0)
    >>> symmetric_signature(flint.fmpq_mat([[1, 1], [1, 1]]))
    (1, 1)
    """
    check(matrix.nrows() == matrix.ncols(), "symmetric_signature: not square")
    chi = [flint.fmpq(c) for c in matrix.charpoly().coeffs()]
    pos = _variations(chi)
    neg = _variations([c if k % 2 == 0 else -c for k, c in enumerate(chi)])
    return pos + neg, pos - neg


def _variations(coeffs: Sequence[Any]) -> int:
    signs = [1 if c > 0 else -1 for c in coeffs if c != 0]
    return sum(1 for a, b in zip(signs, signs[1:]) if a != b)


def _trace_vector(q: QuotientAlgebra) -> tuple[list[Any], list[Any]]:
    """``(τ, M_b list)`` with ``τ_k = Tr M_{b_k}``."""
    mats = q.monomial_matrices()
    return [sum((m[i, i] for i in range(q.dim)), start=m[0, 0] * 0) if q.dim else 0 for m in mats], mats


def _hermite(q: QuotientAlgebra, tau: list[Any], mats: list[Any]) -> Any:
    """The Hermite matrix ``H_ij = Tr M_{b_i b_j} = Σ_k (M_{b_i})_{kj} τ_k`` over Q."""
    return q.matrix([[sum((mats[i][k, j] * tau[k] for k in range(q.dim)), start=flint.fmpq(0))
                      for j in range(q.dim)] for i in range(q.dim)])


def _squarefree(poly: Any) -> Any:
    """Monic squarefree part of a univariate polynomial over Q or GF(p)."""
    if poly.degree() <= 0:
        return poly
    g = poly.gcd(poly.derivative())
    part = poly // g if g.degree() > 0 else poly
    return part / part[part.degree()] if hasattr(part, "numer") else part * pow(int(part[part.degree()]), -1, part.modulus())


def _random_form(rng: random.Random, nvars: int, modulus: int | None) -> tuple[int, ...]:
    high = modulus - 1 if modulus else 1000
    return tuple(rng.randint(1, high) for _ in range(nvars))


def solution_counts(gb: GroebnerBasis, *, seed: int = 0, limits: Limits | None = None) -> SolutionCounts:
    """Solutions of a zero-dimensional system: with multiplicity, distinct, and real.

    Parameters
    ----------
    gb : GroebnerBasis
        A Gröbner basis over Q (counts certified when ``gb.certified``) or over GF(p).
    seed : int
        Seed of the random linear form used modulo ``p``.
    limits : Limits, optional
        ``max_quotient_dimension`` bounds the dimension of the quotient.

    Returns
    -------
    SolutionCounts

    Raises
    ------
    InputError
        If ``gb`` is not a Gröbner basis of a zero-dimensional ideal.
    ResourceLimitError
        If the quotient is larger than ``max_quotient_dimension``.

    References
    ----------
    Basu, Pollack, Roy, *Algorithms in Real Algebraic Geometry*, Thm. 4.102 (Hermite).

    Examples
    --------
    >>> from lcnalg.polys.groebner import groebner_basis
    >>> gb = groebner_basis([{(3,): 1, (1,): -1}])                      # x^3 - x
    >>> solution_counts(gb).real
    3
    >>> gb = groebner_basis([{(2, 0): 1, (0, 0): 1}, {(0, 2): 1}])      # x^2 + 1, y^2
    >>> c = solution_counts(gb); (c.with_multiplicity, c.distinct, c.real)
    (4, 2, 0)
    """
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    q = QuotientAlgebra(gb, limits)
    if q.dim == 0:
        return SolutionCounts(0, 0, 0 if gb.modulus is None else None, gb.modulus is None and gb.certified)
    if gb.modulus is None:
        tau, mats = _trace_vector(q)
        rank, signature = symmetric_signature(_hermite(q, tau, mats))
        return SolutionCounts(q.dim, rank, signature, bool(gb.certified))
    form = _random_form(random.Random(seed), gb.nvars, gb.modulus)
    distinct = int(_squarefree(q.linear_matrix(form).charpoly()).degree())
    return SolutionCounts(q.dim, distinct, None, False, Fraction(comb(q.dim, 2), gb.modulus))


def univariate_representation(gb: GroebnerBasis, *, seed: int = 0, attempts: int = 20,
                              limits: Limits | None = None) -> UnivariateRepresentation:
    """A rational univariate representation of the solutions of a zero-dimensional system over Q.

    Parameters
    ----------
    gb : GroebnerBasis
        A Gröbner basis over Q of a zero-dimensional ideal.
    seed : int
        Seed of the linear forms tried (the first is ``x_1 + ... + x_n``' neighbour
        ``x_1 + 2 x_2 + ... + n x_n``, then seeded random ones).
    attempts : int
        Forms tried before giving up.
    limits : Limits, optional

    Returns
    -------
    UnivariateRepresentation
        Exact; its :meth:`~UnivariateRepresentation.real_points` are certified enclosures.

    Raises
    ------
    InputError
        If ``gb`` is not over Q or not zero-dimensional.
    UndecidedError
        If no separating form was found in ``attempts`` tries (probability at most
        ``(C(D,2)/1000)^attempts``).

    References
    ----------
    F. Rouillier, Solving zero-dimensional systems through the rational univariate
    representation, AAECC 9 (1999).
    """
    if not isinstance(gb, GroebnerBasis) or gb.modulus is not None:
        raise InputError(f"gb: expected a GroebnerBasis over Q, got {checks.short(gb)}")
    seed = checks.seed(seed)
    attempts = checks.positive_int(attempts, "attempts")
    limits = Limits.coerce(limits)
    q = QuotientAlgebra(gb, limits)
    tau, mats = _trace_vector(q)
    distinct = symmetric_signature(_hermite(q, tau, mats))[0] if q.dim else 0
    rng = random.Random(seed)
    forms = [tuple(range(1, gb.nvars + 1))] + [_random_form(rng, gb.nvars, None) for _ in range(attempts - 1)]
    for form in forms:
        mt = q.linear_matrix(form)
        f = _squarefree(mt.charpoly()) if q.dim else flint.fmpq_poly([1])
        if int(f.degree()) != distinct:
            continue
        d = distinct
        a = [flint.fmpq(c) for c in f.coeffs()]

        def g(vec: list[Any]) -> Any:
            traces, y = [], vec
            for _ in range(d):
                traces.append(sum((y[k] * tau[k] for k in range(q.dim)), start=flint.fmpq(0)))
                y = _apply(mt, y)
            return flint.fmpq_poly([sum((a[k] * traces[k - i - 1] for k in range(i + 1, d + 1)),
                                        start=flint.fmpq(0)) for i in range(d)])

        unit = [flint.fmpq(1) if m == tuple([0] * gb.nvars) else flint.fmpq(0) for m in q.basis]
        numerators = tuple(g([flint.fmpq(c) for c in q.coordinates({tuple(int(j == i) for j in range(gb.nvars)): 1})])
                           for i in range(gb.nvars))
        return UnivariateRepresentation(form, f, g(unit), numerators, q.dim, limits)
    raise UndecidedError(f"univariate_representation: no separating linear form among {attempts} tried; "
                         "raise attempts")


def _rur_mod_p(gb: GroebnerBasis, form: Sequence[int], limits: Limits) -> tuple[int, list[list[int]]] | None:
    """``(distinct, [f, g_0, g_1, ..., g_n])`` modulo ``p = gb.modulus`` for the linear form
    ``form`` (coefficient lists, ``f`` monic), or None when ``form`` does not separate.

    The same trace formulas as over Q (:func:`univariate_representation`), in ``nmod_mat``:
    the distinct count is the rank of the Hermite matrix modulo ``p``, which counts the
    solutions whose multiplicity is not divisible by ``p`` (all of them for ``p`` larger than
    the dimension of the quotient).
    """
    p = gb.modulus
    q = QuotientAlgebra(gb, limits)
    D = q.dim
    if D == 0:
        return 0, [[1], [], *([[]] * gb.nvars)]
    mats = q.monomial_matrices()
    tau = [sum(int(m[i, i]) for i in range(D)) % p for m in mats]
    tau_row = flint.nmod_mat([tau], p)
    hermite = flint.nmod_mat([[int((tau_row * mats[i])[0, j]) for j in range(D)] for i in range(D)], p)
    distinct = hermite.rank()
    mt = q.linear_matrix(form)
    f = _squarefree(mt.charpoly())
    if int(f.degree()) != distinct:
        return None
    d = distinct
    a = [int(c) for c in f.coeffs()]

    def g(vec: list[int]) -> list[int]:
        y = flint.nmod_mat([[c] for c in vec], p)
        traces = []
        for _ in range(d):
            traces.append(int((tau_row * y)[0, 0]))
            y = mt * y
        return [sum(a[k] * traces[k - i - 1] for k in range(i + 1, d + 1)) % p for i in range(d)]

    unit = [1 if not any(m) else 0 for m in q.basis]
    out = [a, g(unit)]
    for i in range(gb.nvars):
        out.append(g([int(c) for c in q.coordinates({tuple(int(j == i) for j in range(gb.nvars)): 1})]))
    return distinct, out


def modular_univariate_representation(polys: Sequence[dict], nvars: int, *, seed: int = 0,
                                      limits: Limits | None = None) -> UnivariateRepresentation:
    """A rational univariate representation over Q computed modulo primes, lifted, and verified.

    Parameters
    ----------
    polys : sequence of dict
        The system, ``{exponent tuple: rational coefficient}``, zero-dimensional.
    nvars : int
    seed : int
        Seed of the separating linear forms tried.
    limits : Limits, optional
        ``max_primes`` bounds the primes of the lift; ``max_quotient_dimension`` the quotient.

    Returns
    -------
    UnivariateRepresentation
        Its ``verified`` flag is True: substituting ``x_i = g_i(T)/g_0(T)`` into every
        polynomial of the system gives 0 modulo ``f(T)``, and ``Σ c_i x_i ≡ T``, so every root
        of ``f`` is a solution, distinct roots giving distinct solutions (a proof).  That ``f``
        has a root for every solution rests on the modular computation (a prime dividing a
        leading coefficient or a denominator of the Gröbner basis over Q would change it):
        ``complete`` is False.

    Notes
    -----
    The algorithm.  For 62-bit primes ``p``, largest first: the Gröbner basis modulo ``p`` (lcnalg's F4), the
    trace formulas of :func:`univariate_representation` in ``nmod_mat`` for one separating form
    (the same form for every prime; a prime whose leading monomials or distinct count differ from
    the majority is dropped), Chinese remaindering and rational reconstruction of all
    coefficients until a reconstruction passes the exact substitution check.

    Raises
    ------
    InputError
        For a system that is not zero-dimensional modulo the primes.
    ResourceLimitError
        When more than ``max_primes`` primes are needed.

    Examples
    --------
    >>> rur = modular_univariate_representation([{(2, 0): 1, (0, 0): -2}, {(0, 1): 3, (1, 0): -1}], 2)
    >>> rur.verified, rur.num_solutions, [tuple(round(float(c.mid()), 4) for c in p) for p in rur.real_points()]
    (True, 2, [(-1.4142, -0.4714), (1.4142, 0.4714)])
    """
    from lcnalg.polys.groebner import groebner_basis  # deferred: the F4 engine is loaded only when solving
    from lcnalg.polys.modular import lift_vector, primes_below  # deferred: as above

    seed = checks.seed(seed)
    nvars = checks.integer(nvars, "nvars", low=1, form="a positive integer")
    limits = Limits.coerce(limits)
    polys = checks.sequence(polys, "polys", "a list of dicts {exponent tuple: rational coefficient}")
    system = []
    for k, f in enumerate(polys):
        if not isinstance(f, dict):
            raise InputError(f"polys[{k}]: expected a dict {{exponent tuple: coefficient}}, got {checks.short(f)}")
        poly = {}
        for e, c in f.items():
            if not isinstance(e, tuple) or len(e) != nvars or not all(checks.is_integer(a) and a >= 0 for a in e):
                raise InputError(f"polys[{k}]: exponent {checks.short(e)} is not a tuple of {nvars} non-negative "
                                 "integers")
            poly[tuple(int(a) for a in e)] = to_fmpq(c, f"polys[{k}]")
        system.append({e: c for e, c in poly.items() if c})
    rng = random.Random(seed)
    form = tuple(rng.randint(1, 1000) for _ in range(nvars))
    residues: list[list[int]] = []
    primes: list[int] = []
    shape = None
    tried = 0
    for p in primes_below(1 << 62):
        tried += 1
        if tried > 4 * limits.max_primes:
            break
        if len(primes) >= limits.max_primes:
            raise limits.refuse("max_primes", "primes of the multi-modular univariate representation",
                                f">{limits.max_primes}")
        gb = groebner_basis([{e: int(c.p) * pow(int(c.q), -1, p) % p for e, c in f.items() if int(c.q) % p}
                             for f in system], "degrevlex", modulus=p, nvars=nvars, limits=limits)
        if not gb.is_zero_dimensional():
            raise InputError("polys: the system is not zero-dimensional")
        found = _rur_mod_p(gb, form, limits)
        if found is None:  # this form does not separate (modulo p): try another one from the start
            form = tuple(rng.randint(1, 1000) for _ in range(nvars))
            residues, primes, shape = [], [], None
            continue
        distinct, vectors = found
        key = (gb.leading_monomials, distinct)
        if shape is not None and key != shape:
            continue  # an unlucky prime (or the earlier ones were): keep the first shape
        shape = key
        flat = [c for v in vectors for c in v + [0] * (distinct + 1 - len(v))]
        residues.append(flat)
        primes.append(p)
        lifted = lift_vector(residues, primes)
        if lifted is None:
            continue
        width = distinct + 1
        parts = [lifted[i * width:(i + 1) * width] for i in range(nvars + 2)]
        f = flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in parts[0]])
        g0 = flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in parts[1]])
        gs = tuple(flint.fmpq_poly([flint.fmpq(x.numerator, x.denominator) for x in v]) for v in parts[2:])
        if _substitution_vanishes(system, f, g0, gs, form):
            return UnivariateRepresentation(form, f, g0, gs, int(f.degree()), limits, verified=True,
                                            primes=tuple(primes))
    raise limits.refuse("max_primes", "primes of the multi-modular univariate representation (forms that "
                        "did not separate or unlucky primes included)", f">{limits.max_primes}")


def _substitution_vanishes(system: Sequence[dict], f: Any, g0: Any, gs: Sequence[Any], form: Sequence[int]) -> bool:
    """Whether every polynomial of ``system`` vanishes at ``x_i = g_i/g_0`` modulo ``f``, and
    ``Σ c_i x_i ≡ T`` (exact, in ``Q[T]/(f)``)."""
    if f.degree() < 1:
        return all(not poly for poly in system) or f.degree() == 0
    g, s, _ = g0.xgcd(f)
    if g.degree() != 0:
        return False
    inv = (s / g[0]) % f
    xs = [(gi * inv) % f for gi in gs]
    if sum((c * x for c, x in zip(form, xs)), flint.fmpq_poly([])) % f != flint.fmpq_poly([0, 1]) % f:
        return False
    powers: dict[tuple[int, int], Any] = {}

    def power(i: int, k: int) -> Any:
        if (i, k) not in powers:
            powers[(i, k)] = flint.fmpq_poly([1]) if k == 0 else (power(i, k - 1) * xs[i]) % f
        return powers[(i, k)]

    for poly in system:
        acc = flint.fmpq_poly([])
        for e, c in poly.items():
            term = flint.fmpq_poly([c])
            for i, k in enumerate(e):
                if k:
                    term = (term * power(i, k)) % f
            acc += term
        if acc % f != 0:
            return False
    return True


def _apply(mat: Any, vec: list[Any]) -> list[Any]:
    n = len(vec)
    return [sum((mat[r, c] * vec[c] for c in range(n)), start=flint.fmpq(0)) for r in range(n)]
