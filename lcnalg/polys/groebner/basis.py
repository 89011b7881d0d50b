"""The result of :func:`~lcnalg.polys.groebner.groebner_basis`: a reduced Gröbner basis."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterator, Mapping, Sequence

from flint import fmpq

from lcnalg import errors
from lcnalg.errors import InputError
from lcnalg.polys.groebner._f4 import Reducer
from lcnalg.polys.groebner._packed import Exp, Packer
from lcnalg.polys.groebner._setup import is_homogeneous, parse_polys
from lcnalg.polys.hilbert import dimension_and_degree, hilbert_numerator, hilbert_series_of_monomials
from lcnalg.polys.monomials import MonomialOrder

__all__ = ["GroebnerBasis"]


# ----------------------------------------------------------------------------------------
# the result object
# ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GroebnerBasis:
    """A reduced Gröbner basis with the data needed to use and judge it.

    Attributes
    ----------
    terms : tuple
        The basis, one tuple of ``(exponent, coefficient)`` pairs per element, terms in
        decreasing order.  Over GF(p) monic with coefficients in ``0..p-1``; over Q primitive
        integer polynomials with positive leading coefficient.
    order : MonomialOrder
    modulus : int or None
        ``p`` for GF(p), None for Q.
    nvars : int
    leading_monomials : tuple of exponent tuples
    certified : bool
        Over Q: the exact verification (:mod:`lcnalg.polys.groebner`) passed.  Always False for a
        computation mod p (which is exact for GF(p) but says nothing over Q).
    method : str
        How the basis was obtained and verified.
    primes : tuple of int
        Primes whose results were combined (over Q) or the modulus.
    grading : tuple of int or None
        Weights for which the input is homogeneous, None if it is not (weighted-)homogeneous.
    ctx : flint context or None
        The context of the input polynomials, if any.
    multiplication_matrices : tuple of nmod_mat or None
        When a zero-dimensional run mod p ended with the border certificate
        (:mod:`lcnalg.polys.groebner.border`), the proved matrices of multiplication by each
        variable on the standard monomials (in increasing order); None otherwise.

    Examples
    --------
    >>> from lcnalg.polys.groebner import groebner_basis
    >>> gb = groebner_basis([{(2, 0): 1, (0, 2): -1}], "degrevlex", modulus=101)
    >>> gb.leading_monomials, gb.polys[0][(0, 2)]
    (((2, 0),), 100)
    """

    terms: tuple[tuple[tuple[Exp, int], ...], ...]
    order: MonomialOrder
    modulus: int | None
    nvars: int
    leading_monomials: tuple[Exp, ...]
    certified: bool
    method: str
    primes: tuple[int, ...] = ()
    grading: tuple[int, ...] | None = None
    ctx: Any = field(default=None, compare=False, repr=False)
    stats: Any = field(default=None, compare=False, repr=False)
    multiplication_matrices: Any = field(default=None, compare=False, repr=False)

    # -- access -----------------------------------------------------------------------
    @property
    def polys(self) -> list[dict[Exp, int]]:
        """The basis as a list of fresh ``{exponent: coefficient}`` dicts.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(1,): 2, (0,): 4}], "lex").polys
        [{(1,): 1, (0,): 2}]
        """
        return [dict(t) for t in self.terms]

    def as_flint(self) -> list[Any]:
        """The basis as flint polynomials in the input's context.

        Raises
        ------
        InputError
            If the input was given as dicts (no context).

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> import flint
        >>> ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
        >>> x, y = ctx.gens()
        >>> groebner_basis([x*y - 1, x - y]).as_flint()
        [y^2 - 1, x - y]
        """
        if self.ctx is None:
            raise InputError("as_flint: the input had no flint context; use .polys")
        return [self._to_ctx(dict(t)) for t in self.terms]

    def _to_ctx(self, d: Mapping[Exp, Any]) -> Any:
        ctx = self.ctx
        name = type(ctx).__name__
        if name.startswith("fmpz_mpoly"):
            if all(fmpq(c).q == 1 for c in d.values()):
                return ctx.from_dict({e: int(fmpq(c).p) for e, c in d.items()})
            return None
        if name.startswith("fmpq_mpoly"):
            return ctx.from_dict({e: fmpq(c) for e, c in d.items()})
        return ctx.from_dict({e: int(c) for e, c in d.items()})

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[dict[Exp, int]]:
        return iter(self.polys)

    # -- reduction --------------------------------------------------------------------
    @cached_property
    def _reduction(self) -> tuple[Packer, Reducer]:
        """The packed basis and its reducer, built once (every normal form uses them)."""
        w = self.grading or tuple([1] * self.nvars)
        pk = Packer(self.nvars, w, self.order.key)
        basis = []
        for t in self.terms:
            mons = [pk.pack(e) for e, _ in t]
            if self.modulus is None:
                inv = 1 / fmpq(t[0][1])
                coefs = [fmpq(c) * inv for _, c in t]
            else:
                coefs = [int(c) for _, c in t]
            basis.append((mons, coefs))
        return pk, Reducer(pk, basis, self.modulus)

    def normal_form(self, f: Any) -> Any:
        """Normal form (remainder of full reduction) of ``f`` modulo the basis.

        Parameters
        ----------
        f : flint mpoly or dict
            A polynomial in the same ring.

        Returns
        -------
        dict or flint mpoly
            A flint polynomial in the basis' context when ``f`` is a flint polynomial and the
            remainder fits the context (an ``fmpz_mpoly`` context cannot hold fractions);
            otherwise ``{exponent: coefficient}`` (``int`` mod p, ``fmpq`` over Q).

        Raises
        ------
        InputError
            If ``f`` is not a polynomial of this ring.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> gb = groebner_basis([{(2, 0): 1, (0, 1): -1}], "lex", nvars=2)
        >>> gb.normal_form({(3, 0): 2, (0, 0): 1})
        {(1, 1): 2, (0, 0): 1}
        """
        ctx, n, (g,), _ = parse_polys([f], self.nvars)
        if n != self.nvars:
            raise InputError(f"normal_form: {n} variables, the basis has {self.nvars}")
        if ctx is not None and self.ctx is not None and ctx != self.ctx:
            raise InputError("normal_form: f is in a different flint context")
        pk, red = self._reduction
        p = self.modulus
        if p is None:
            h = {pk.pack(e): c for e, c in g.items()}
        else:
            h = {}
            for e, c in g.items():
                if int(c.q) % p == 0:
                    raise InputError(f"normal_form: a denominator is divisible by p = {p}")
                v = int(c.p) * pow(int(c.q), -1, p) % p
                if v:
                    h[pk.pack(e)] = v
        rem = red.reduce(h, full=True)
        errors.check(rem is not None, "groebner: a full reduction returned no remainder")
        out = {pk.unpack(m): rem[m] for m in sorted(rem, key=pk.key, reverse=True)}
        if ctx is not None and self.ctx is not None:
            conv = self._to_ctx(out)
            if conv is not None:
                return conv
        return out

    def contains(self, f: Any) -> bool:
        """Ideal membership: whether ``f`` reduces to zero.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> gb = groebner_basis([{(1, 1): 1, (0, 0): -1}], "degrevlex")
        >>> gb.contains({(2, 1): 3, (1, 0): -3}), gb.contains({(1, 0): 1})
        (True, False)
        """
        nf = self.normal_form(f)
        if isinstance(nf, dict):
            return not nf
        return nf.is_zero()

    # -- invariants -------------------------------------------------------------------
    def hilbert_numerator(self, weights: Sequence[int] | None = None) -> list[int]:
        """Numerator of the Hilbert series of ``R/LM(I)`` for the given weights.

        Parameters
        ----------
        weights : sequence of int, optional
            Default: the grading of the input (all ones if the input was not homogeneous).

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(1, 1): 1}], nvars=2).hilbert_numerator()
        [1, 0, -1]
        """
        w = weights if weights is not None else (self.grading or [1] * self.nvars)
        return hilbert_numerator(self.leading_monomials, self.nvars, w)

    def hilbert_series(self, weights: Sequence[int] | None = None) -> Any:
        """Hilbert series of ``R/I`` as a sympy rational function of ``t`` (lowest terms).

        Parameters
        ----------
        weights : sequence of int, optional
            A grading for which the input is homogeneous (default: the detected one).

        Raises
        ------
        InputError
            If the input is not homogeneous for the grading.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> gb = groebner_basis([{(2, 0, 0): 1, (0, 1, 1): -1}])
        >>> gb.hilbert_series()
        (t + 1)/(1 - t)**2
        """
        w = tuple(weights) if weights is not None else self.grading
        if w is None:
            raise InputError("hilbert_series: the input is not (weighted-)homogeneous; "
                             "pass weights= for a grading it is homogeneous for")
        if not is_homogeneous([dict(t) for t in self.terms], w):
            raise InputError(f"hilbert_series: the ideal is not homogeneous for weights {w}")
        return hilbert_series_of_monomials(self.leading_monomials, self.nvars, w)

    def dimension(self) -> int:
        """Krull dimension of ``R/I`` (``-1`` for the unit ideal).

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(1, 0, 0): 1, (0, 1, 0): -1}]).dimension()
        2
        """
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[0]

    def degree(self) -> int:
        """Degree of ``I``: of the projective scheme for standard-homogeneous input, else the
        affine degree (needs a degree-compatible order).

        Raises
        ------
        InputError
            For inhomogeneous input with an order that is not degree-compatible.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(2, 0, 0): 1, (0, 1, 1): -1}]).degree()
        2
        """
        homog = self.grading is not None and all(x == 1 for x in self.grading)
        if not homog and not self.order.is_degree_compatible(self.nvars):
            raise InputError("degree: needs standard-homogeneous input or a degree-compatible "
                             "order (degrevlex, deglex); recompute with one of those")
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[1]

    def is_zero_dimensional(self) -> bool:
        """Whether ``R/I`` is finite-dimensional (every variable has a pure power as a lead).

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(2,): 1, (0,): -1}]).is_zero_dimensional()
        True
        """
        pure = set()
        for e in self.leading_monomials:
            nz = [i for i, a in enumerate(e) if a]
            if len(nz) == 1:
                pure.add(nz[0])
            elif not nz:
                return True
        return len(pure) == self.nvars

    def num_solutions(self) -> int:
        """``dim_k R/I`` for a zero-dimensional ideal: the number of affine solutions over the
        algebraic closure counted with multiplicity.

        Raises
        ------
        InputError
            If the ideal is not zero-dimensional.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> groebner_basis([{(2, 0): 1, (0, 0): -1}, {(0, 3): 1, (1, 0): -1}]).num_solutions()
        6
        """
        if not self.is_zero_dimensional():
            raise InputError("num_solutions: the ideal is not zero-dimensional "
                             f"(dimension {self.dimension()})")
        num = hilbert_numerator(self.leading_monomials, self.nvars)
        return dimension_and_degree(num, self.nvars)[1] if any(num) else 0

    def eliminate(self, k: int, drop_variables: bool = False) -> list[dict[Exp, int]]:
        """Basis elements free of the first ``k`` variables: a Gröbner basis of the
        elimination ideal ``I ∩ k[x_{k+1}, ..., x_n]``.

        Parameters
        ----------
        k : int
            Number of leading variables to eliminate; the order must eliminate them
            (``elimination(k)``, or ``lex``).
        drop_variables : bool
            Return exponent tuples of length ``nvars - k`` instead of ``nvars``.

        Returns
        -------
        list of dict

        Raises
        ------
        InputError
            If the order does not eliminate the first ``k`` variables.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> from lcnalg.polys.monomials import elimination
        >>> gb = groebner_basis([{(1, 0, 0): 1, (0, 1, 0): -1}, {(1, 0, 0): 1, (0, 0, 1): -1}],
        ...                     elimination(1))
        >>> gb.eliminate(1, drop_variables=True)
        [{(1, 0): 1, (0, 1): -1}]
        """
        if not isinstance(k, int) or not 0 <= k <= self.nvars:
            raise InputError(f"eliminate: k must be an int in 0..{self.nvars}")
        if not self.order.eliminates(k):
            raise InputError(f"eliminate: the order {self.order} does not eliminate the first "
                             f"{k} variables; use elimination({k})")
        out = []
        for t in self.terms:
            if all(not any(e[:k]) for e, _ in t):
                out.append({(e[k:] if drop_variables else e): c for e, c in t})
        return out

    def eliminate_flint(self, k: int) -> list[Any]:
        """Like :meth:`eliminate` but as flint polynomials in the input context.

        Examples
        --------
        >>> from lcnalg.polys.groebner import groebner_basis
        >>> import flint
        >>> from lcnalg.polys.monomials import elimination
        >>> ctx = flint.fmpz_mpoly_ctx.get(("s", "a", "b"), "lex")
        >>> s, a, b = ctx.gens()
        >>> groebner_basis([a - s**2, b - s**3], elimination(1)).eliminate_flint(1)
        [a^3 - b^2]
        """
        if self.ctx is None:
            raise InputError("eliminate_flint: the input had no flint context")
        return [self._to_ctx(d) for d in self.eliminate(k)]
