"""Exact arithmetic at a real algebraic point: signs, values and signatures, decided exactly.

A real solution of a zero-dimensional system, given by a rational univariate representation
(:mod:`lcnalg.polys.zero_dimensional`), is ``x_i = g_i(τ)/g_0(τ)`` at a real root ``τ`` of a
squarefree ``f``.  Let ``φ`` be the irreducible factor of ``f`` over Q with ``φ(τ) = 0``.
Then ``K = Q[T]/(φ)`` is a number field isomorphic to ``Q(τ)``, and each coordinate is the
element ``g_i · g_0^{-1} mod φ`` of ``K`` (``g_0`` is invertible mod ``φ`` since
``g_0(τ) ≠ 0``).

Algorithm
---------
*Values.*  A polynomial in the ``x_i`` is evaluated exactly in ``K`` (polynomial products
reduced mod ``φ``), and enclosed in a ball by evaluating its representative at the isolating
ball of ``τ``.

*Signs.*  An element ``a ∈ K`` is zero iff ``φ`` divides its representative (``φ`` is the
minimal polynomial of ``τ``); otherwise ``a(τ) ≠ 0`` and its ball excludes 0 once the
precision is high enough: the precision is doubled (up to ``limits.max_precision``) until it
does.  So every sign is decided exactly, never from floating point alone.

*Signatures.*  The characteristic polynomial of a symmetric matrix with entries in ``K`` is
computed exactly in ``K`` (Berkowitz's division-free algorithm); its roots are the
eigenvalues, all real, so Descartes' rule of signs on its exactly signed coefficients gives
the numbers of positive and negative eigenvalues, and the multiplicity of the root 0 gives the
nullity.

References
----------
S. J. Berkowitz, On computing the determinant in small parallel time using a small number of
processors, Inform. Process. Lett. 18 (1984).

Examples
--------
>>> import flint
>>> p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
...                                  [flint.fmpq_poly([0, 1])])          # x = √2
>>> p.sign({(2,): 1, (0,): -2}), p.sign({(1,): 1, (0,): -1})               # x² − 2, x − 1
(0, 1)
>>> p.signature([[{(1,): 1}, {(0,): 1}], [{(0,): 1}, {(1,): 1}]])          # [[√2, 1], [1, √2]]
(2, 0, 0)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError, check
from lcnalg.limits import Limits
from lcnalg.rings import to_fmpq

__all__ = ["RealAlgebraicPoint"]

Exp = tuple[int, ...]


@dataclass(frozen=True)
class RealAlgebraicPoint:
    """A real point whose coordinates lie in the number field ``Q(τ)``.

    Attributes
    ----------
    minimal_polynomial : fmpq_poly
        ``φ``, irreducible over Q, with ``φ(τ) = 0``.
    root : arb
        An isolating ball of ``τ`` (the only root of ``φ`` in it).
    coordinates : tuple of fmpq_poly
        ``x_i`` as polynomials in ``T`` of degree below ``deg φ``.
    limits : Limits
        ``max_precision`` bounds the refinement of signs.
    """

    minimal_polynomial: Any
    root: Any
    coordinates: tuple[Any, ...]
    limits: Limits = field(default_factory=Limits, compare=False, repr=False)

    @classmethod
    def from_root(cls, phi: Any, root: Any, coordinates: Sequence[Any], denominator: Any = None,
                  limits: Limits | None = None) -> "RealAlgebraicPoint":
        """The point ``x_i = coordinates[i](τ) / denominator(τ)`` at the root ``τ`` of ``phi`` in ``root``.

        Raises
        ------
        InputError
            If ``phi`` is not irreducible of positive degree, or the denominator vanishes at ``τ``.
        """
        phi = _as_poly(phi, "phi")
        try:
            root = flint.arb(root)
        except (TypeError, ValueError):
            raise InputError(f"root: expected a real ball (arb) or a number, got {checks.short(root)}") from None
        if isinstance(coordinates, (str, bytes)) or not hasattr(coordinates, "__iter__"):
            raise InputError(f"coordinates: expected a sequence of polynomials in T, got {checks.short(coordinates)}")
        coordinates = [_as_poly(c, "coordinates") for c in coordinates]
        if denominator is not None:
            denominator = _as_poly(denominator, "denominator")
        if phi.degree() < 1:
            raise InputError("phi: expected an irreducible polynomial of positive degree")
        num = phi.numer()
        factors = num.factor()[1]
        if len(factors) != 1 or factors[0][1] != 1:
            raise InputError("phi: not irreducible over Q")
        phi = phi / phi[phi.degree()]
        inv = flint.fmpq_poly([1])
        if denominator is not None:
            den = flint.fmpq_poly(denominator) % phi
            if den == 0:
                raise InputError("denominator: vanishes at the root")
            inv = _inverse(den, phi)
        coords = tuple((flint.fmpq_poly(c) * inv) % phi for c in coordinates)
        return cls(phi, flint.arb(root), coords, Limits.coerce(limits))

    # -- exact arithmetic in Q(τ) -----------------------------------------------------
    def element(self, poly: Mapping[Exp, Any]) -> Any:
        """The value of a polynomial ``{exponent: coefficient}`` in the coordinates, as an
        element of ``Q[T]/(φ)`` (an ``fmpq_poly`` of degree below ``deg φ``)."""
        if not isinstance(poly, Mapping):
            raise InputError(f"poly: expected a dict {{exponent tuple: coefficient}}, got {checks.short(poly)}")
        phi = self.minimal_polynomial
        n = len(self.coordinates)
        powers: dict[tuple[int, int], Any] = {}

        def power(i: int, e: int) -> Any:
            if (i, e) not in powers:
                powers[(i, e)] = flint.fmpq_poly([1]) if e == 0 else (power(i, e - 1) * self.coordinates[i]) % phi
            return powers[(i, e)]

        acc = flint.fmpq_poly([])
        for exp, c in poly.items():
            if not isinstance(exp, tuple) or len(exp) != n:
                raise InputError(f"poly: exponent {checks.short(exp)} is not a tuple of {n} integers")
            term = flint.fmpq_poly([to_fmpq(c, "poly")])
            for i, e in enumerate(exp):
                if e:
                    term = (term * power(i, e)) % phi
            acc += term
        return acc % phi

    def enclosure(self, elem: Any, prec: int = 64) -> Any:
        """A ball containing the value of the element ``elem`` of ``Q[T]/(φ)`` at ``τ``."""
        root = self._root_at(prec)
        with flint.ctx.workprec(prec):
            acc = flint.arb(0)
            for c in reversed(flint.fmpq_poly(elem).coeffs()):
                acc = acc * root + flint.arb(c)
            return acc

    def element_sign(self, elem: Any) -> int:
        """The sign (−1, 0, 1) of an element of ``Q[T]/(φ)`` at ``τ``, decided exactly."""
        if flint.fmpq_poly(elem) % self.minimal_polynomial == 0:
            return 0
        prec = 64
        while True:
            ball = self.enclosure(elem, prec)
            if ball > 0:
                return 1
            if ball < 0:
                return -1
            prec *= 2
            self.limits.check("max_precision", "working precision (bits) of a sign at an algebraic point", prec)

    def sign(self, poly: Mapping[Exp, Any]) -> int:
        """The sign of a polynomial in the coordinates at this point, decided exactly."""
        return self.element_sign(self.element(poly))

    def value(self, poly: Mapping[Exp, Any], prec: int = 64) -> Any:
        """A certified ball of the value of a polynomial at this point."""
        return self.enclosure(self.element(poly), prec)

    def point(self, prec: int = 64) -> tuple[Any, ...]:
        """Certified balls of the coordinates."""
        return tuple(self.enclosure(c, prec) for c in self.coordinates)

    def is_rational(self) -> bool:
        """Whether every coordinate is rational."""
        return all(c.degree() <= 0 for c in self.coordinates)

    def signature(self, matrix: Sequence[Sequence[Mapping[Exp, Any]]]) -> tuple[int, int, int]:
        """``(positive, negative, zero)`` eigenvalues of a symmetric matrix of polynomials at
        this point, decided exactly.

        Parameters
        ----------
        matrix : square nested sequence of dicts
            Symmetric entries ``{exponent: coefficient}`` in the coordinates.
        """
        rows = [[self.element(e) for e in row] for row in matrix]
        n = len(rows)
        if any(len(r) != n for r in rows):
            raise InputError("matrix: expected a square matrix")
        for i in range(n):
            for j in range(i):
                if rows[i][j] != rows[j][i]:
                    raise InputError("matrix: not symmetric at the point")
        chi = _berkowitz(rows, self.minimal_polynomial)  # chi[k] = coefficient of s^k
        signs = [self.element_sign(c) for c in chi]
        zero = next(k for k, s in enumerate(signs) if s != 0)
        pos = _variations(signs)
        neg = _variations([s if k % 2 == 0 else -s for k, s in enumerate(signs)])
        check(pos + neg + zero == n, "signature: the characteristic polynomial has non-real roots")
        return pos, neg, zero

    def rank(self, matrix: Sequence[Sequence[Mapping[Exp, Any]]]) -> int:
        """The rank of a matrix of polynomials at this point, exactly (fraction-free Gaussian
        elimination in ``Q[T]/(φ)``, a field: a pivot is an element not divisible by ``φ``).

        Examples
        --------
        >>> import flint
        >>> p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
        ...                                  [flint.fmpq_poly([0, 1])])
        >>> p.rank([[{(1,): 1}, {(0,): 2}], [{(0,): 1}, {(1,): 1}]])          # det = x² − 2 = 0
        1
        """
        phi = self.minimal_polynomial
        rows = [[self.element(e) for e in row] for row in matrix]
        rank, col = 0, 0
        ncols = max((len(r) for r in rows), default=0)
        while rank < len(rows) and col < ncols:
            piv = next((i for i in range(rank, len(rows)) if rows[i][col] % phi != 0), None)
            if piv is None:
                col += 1
                continue
            rows[rank], rows[piv] = rows[piv], rows[rank]
            # fraction-free: row_i <- p row_i - c row_rank (p a non-zero pivot of the field Q(τ));
            # multiplying a row by a non-zero element keeps the rank and avoids inverting p,
            # whose extended gcd with φ is the expensive step over Q
            p = rows[rank][col] % phi
            for i in range(rank + 1, len(rows)):
                c = rows[i][col] % phi
                if c != 0:
                    rows[i] = [(p * a - c * b) % phi for a, b in zip(rows[i], rows[rank])]
            rank += 1
            col += 1
        return rank

    def real_roots(self, coefficients: Sequence[Mapping[Exp, Any]], *, odd: bool = False) -> int:
        """The number of distinct real roots of the univariate polynomial ``Σ_i c_i(p) x^i``
        whose coefficients ``c_i`` (constant first) are polynomials in the coordinates, taken at
        this point; with ``odd``, only the roots of odd multiplicity (where it changes sign).

        Exact and division-free over ``Q(τ)``: ``g_0 = f``, ``g_j = gcd(g_{j−1}, g_{j−1}')`` by
        pseudo-remainder sequences; the distinct real roots of ``g_{j−1}`` are those of
        multiplicity ``≥ j`` in ``f``, each counted by a Sturm sequence (negated pseudo-remainders
        with a positive square factor, signs of leading coefficients decided exactly), and the
        roots of odd multiplicity number ``Σ_j (−1)^{j+1} N_j``.

        Examples
        --------
        >>> import flint
        >>> p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
        ...                                  [flint.fmpq_poly([0, 1])])
        >>> # (x - √2)^2 (x + 1) = x^3 + (1 - 2√2) x^2 + (2 - 2√2) x + 2
        >>> f = [{(0,): 2}, {(0,): 2, (1,): -2}, {(0,): 1, (1,): -2}, {(0,): 1}]
        >>> p.real_roots(f), p.real_roots(f, odd=True)
        (2, 1)
        """
        phi = self.minimal_polynomial
        f = [self.element(c) for c in coefficients]
        f = _trim(f, phi)
        if not f:
            raise InputError("coefficients: the polynomial vanishes at this point")
        counts: list[int] = []
        g = f
        while len(g) > 1:
            counts.append(self._sturm_count(g))
            if not odd:
                break
            g = _pgcd(g, _derivative(g, phi), phi)
        if not odd:
            return counts[0] if counts else 0
        return sum(c if j % 2 == 0 else -c for j, c in enumerate(counts))

    def element_root_multiplicities(self, f: Sequence[Any]) -> tuple[tuple[int, int, int], ...]:
        """The roots of a univariate polynomial over ``Q(τ)`` by multiplicity: ``(e, real,
        pairs)`` for each multiplicity ``e`` that occurs, with the numbers of distinct real roots
        and of pairs of complex conjugate non-real roots of multiplicity exactly ``e``.

        ``f`` lists the coefficients (constant first) as elements of ``Q[T]/(φ)``.  Exact: with
        ``g_0 = f``, ``g_j = gcd(g_{j−1}, g_{j−1}')`` (pseudo-remainders), ``g_{j−1}`` has the
        roots of multiplicity ``≥ j`` of ``f``, each once more than ``g_j``: they number
        ``deg g_{j−1} − deg g_j``, the real ones ``N_j`` (Sturm sequence over ``Q(τ)``).  The
        non-real roots come in conjugate pairs (``f`` is real at the real point).

        Examples
        --------
        >>> import flint
        >>> p = RealAlgebraicPoint.from_root(flint.fmpq_poly([-2, 0, 1]), flint.arb("1.41 +/- 0.01"),
        ...                                  [flint.fmpq_poly([0, 1])])
        >>> # (x − √2)^2 (x + 1)(x^2 + 1) = (x^3 + (1 − 2√2) x^2 + (2 − 2√2) x + 2)(x^2 + 1)
        >>> f = [p.element(c) for c in ([{(0,): 2}, {(0,): 2, (1,): -2}, {(0,): 3, (1,): -2},
        ...                              {(0,): 3, (1,): -2}, {(0,): 1, (1,): -2}, {(0,): 1}])]
        >>> p.element_root_multiplicities(f)
        ((1, 1, 1), (2, 1, 0))
        """
        phi = self.minimal_polynomial
        g = _trim([flint.fmpq_poly(c) for c in f], phi)
        if not g:
            raise InputError("f: the zero polynomial has no root multiplicities")
        real, total = [], []
        while len(g) > 1:
            real.append(self._sturm_count(g))
            h = _pgcd(g, _derivative(g, phi), phi)
            total.append(len(g) - len(h))
            g = h
        real.append(0)
        total.append(0)
        out = []
        for e in range(1, len(real)):
            n, d = real[e - 1] - real[e], total[e - 1] - total[e]
            check(d >= n and (d - n) % 2 == 0, "root multiplicities: non-real roots not in conjugate pairs")
            if d:
                out.append((e, n, (d - n) // 2))
        return tuple(out)

    def _sturm_count(self, f: list[Any]) -> int:
        """Distinct real roots of ``f`` (elements of ``Q(τ)``, constant first, non-zero leading)."""
        phi = self.minimal_polynomial
        seq = [f, _derivative(f, phi)]
        while len(seq[-1]) > 1:
            r = _prem(seq[-2], seq[-1], phi)
            if not r:
                break
            seq.append([(-c) % phi for c in r])
        lead = [self.element_sign(q[-1]) for q in seq]
        at_plus = lead
        at_minus = [s if (len(q) - 1) % 2 == 0 else -s for s, q in zip(lead, seq)]
        return _variations(at_minus) - _variations(at_plus)

    def _root_at(self, prec: int) -> Any:
        if prec <= 64 or self.root.rad() == 0:
            return self.root
        with flint.ctx.workprec(prec):
            for r, _ in self.minimal_polynomial.numer().complex_roots():
                if r.imag.is_zero() and r.real.overlaps(self.root):
                    return r.real
        return self.root


def _as_poly(value: Any, name: str) -> Any:
    """``value`` as an ``fmpq_poly`` (an fmpq_poly, fmpz_poly, or a list of rational coefficients,
    constant term first)."""
    if isinstance(value, (flint.fmpq_poly, flint.fmpz_poly)):
        return flint.fmpq_poly(value)
    if isinstance(value, (list, tuple)):
        return flint.fmpq_poly([to_fmpq(c, name) for c in value])
    raise InputError(f"{name}: expected a polynomial (fmpq_poly, or a list of rational coefficients, constant "
                     f"term first), got {checks.short(value)}")


def _variations(signs: Sequence[int]) -> int:
    s = [x for x in signs if x]
    return sum(1 for a, b in zip(s, s[1:]) if a != b)


def _trim(f: list[Any], phi: Any) -> list[Any]:
    """Drop leading coefficients that are zero in ``Q[T]/(φ)``."""
    f = [c % phi for c in f]
    while f and f[-1] == 0:
        f.pop()
    return f


def _derivative(f: list[Any], phi: Any) -> list[Any]:
    return _trim([c * i for i, c in enumerate(f)][1:], phi)


def _pseudo_reduce(a: list[Any], b: list[Any], phi: Any) -> tuple[list[Any], int]:
    """``(lc(b)^k a mod b, k)`` over ``Q(τ)``, by division-free reduction steps."""
    r = list(a)
    lb = b[-1]
    used = 0
    while len(r) >= len(b) and r:
        lr = r[-1]
        shift = len(r) - len(b)
        r = [(c * lb) % phi for c in r]
        used += 1
        for i, c in enumerate(b):
            r[shift + i] = (r[shift + i] - lr * c) % phi
        r = _trim(r, phi)
    return r, used


def _prem(a: list[Any], b: list[Any], phi: Any) -> list[Any]:
    """A positive multiple of the remainder of ``a`` by ``b`` over ``Q(τ)``: ``lc(b)^(2k) a``
    reduced by ``b`` without division, so its signs are those of the remainder."""
    r, used = _pseudo_reduce(a, b, phi)
    if used % 2:  # make the factor lc(b)^used an even power: positive
        r = [(c * b[-1]) % phi for c in r]
    return r


def _pgcd(a: list[Any], b: list[Any], phi: Any) -> list[Any]:
    """A gcd of ``a`` and ``b`` over ``Q(τ)`` (up to a non-zero factor), by pseudo-remainders."""
    while b:
        a, b = b, _pseudo_reduce(a, b, phi)[0]
    return a


def _inverse(a: Any, phi: Any) -> Any:
    g, s, _ = a.xgcd(phi)
    check(g.degree() == 0 and g != 0, "number field: an element is not invertible")
    return (s / g[0]) % phi


def _berkowitz(rows: list[list[Any]], phi: Any) -> list[Any]:
    """Coefficients ``[c_0, ..., c_n]`` (``c_n = 1``) of ``det(s I − A)`` for ``A`` over ``Q[T]/(φ)``.

    Berkowitz: the characteristic polynomial of the leading ``(r+1) × (r+1)`` block is the
    Toeplitz product of the vector ``(1, −a_rr, −R C, −R A_r C, ...)`` with that of the leading
    ``r × r`` block, without divisions.
    """
    n = len(rows)
    mod = lambda x: x % phi  # noqa: E731
    zero, one = flint.fmpq_poly([]), flint.fmpq_poly([1])
    poly = [one]  # coefficients high to low of the char. poly of the empty block
    for r in range(n):
        # block A_r = rows[:r][:r], row R = rows[r][:r], column C = rows[:r][r], a = rows[r][r]
        vec = [one, mod(-rows[r][r])]
        col = [rows[i][r] for i in range(r)]
        for _ in range(r):
            vec.append(mod(-sum((rows[r][i] * col[i] for i in range(r)), start=zero)))
            col = [mod(sum((rows[i][j] * col[j] for j in range(r)), start=zero)) for i in range(r)]
        # new polynomial (high to low) = Toeplitz(vec) * poly
        new = []
        for k in range(r + 2):
            new.append(mod(sum((vec[k - j] * poly[j] for j in range(len(poly)) if 0 <= k - j < len(vec)),
                               start=zero)))
        poly = new
    return list(reversed(poly))
