"""Exact polynomial rings of lcnalg, backed by python-flint.

The parameter ring ``Z[w]`` (variables ``w{layer}_{index}``, layers from 1), the
function ring ``Z[c]`` (``c{m}`` in 1D, ``c{i}_{j}`` in 2D), their rational and
modular (GF(p)) twins, and the conversions to and from sympy.  Nothing else in
lcnalg creates flint polynomial contexts or converts polynomials to sympy.

Examples
--------
>>> from lcnalg import Architecture
>>> a = Architecture.parse("2x2,2x1")
>>> parameter_names(a)
('w1_0_0', 'w1_0_1', 'w1_1_0', 'w1_1_1', 'w2_0_0', 'w2_1_0')
>>> coordinate_names(a)
('c0_0', 'c0_1', 'c1_0', 'c1_1', 'c2_0', 'c2_1')
"""

from __future__ import annotations

import itertools
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError

__all__ = [
    "parameter_names",
    "coordinate_names",
    "multi_indices",
    "integer_ring",
    "rational_ring",
    "modular_ring",
    "to_sympy",
    "from_sympy",
    "poly_to_str",
    "to_fmpq",
    "fmpq_residue",
    "from_fmpq",
]

ORDERS = ("lex", "deglex", "degrevlex")


def multi_indices(shape: Sequence[int]) -> list[tuple[int, ...]]:
    """All multi-indices of an array of ``shape`` in row-major order.

    Examples
    --------
    >>> multi_indices((2, 2))
    [(0, 0), (0, 1), (1, 0), (1, 1)]
    """
    return list(itertools.product(*(range(n) for n in shape)))


def _suffix(index: tuple[int, ...]) -> str:
    return "_".join(str(i) for i in index)


def parameter_names(arch: Architecture) -> tuple[str, ...]:
    """Names ``w{l}_{j}`` (1D) or ``w{l}_{i}_{j}`` (2D) of the weights, layer 1 first."""
    return tuple(
        f"w{l}_{_suffix(idx)}"
        for l, shape in enumerate(arch.filters, start=1)
        for idx in multi_indices(shape)
    )


def coordinate_names(arch: Architecture) -> tuple[str, ...]:
    """Names ``c{m}`` (1D) or ``c{i}_{j}`` (2D) of the end-to-end filter entries, row-major."""
    return tuple(f"c{_suffix(idx)}" for idx in multi_indices(arch.end_to_end_filter_shape))


def _check_order(order: str) -> str:
    if order not in ORDERS:
        raise InputError(f"order: {order!r} is not one of {', '.join(ORDERS)}")
    return order


def integer_ring(names: Sequence[str], order: str = "degrevlex") -> flint.fmpz_mpoly_ctx:
    """The ring ``Z[names]`` as a flint context.

    Examples
    --------
    >>> R = integer_ring(("x", "y"))
    >>> x, y = R.gens()
    >>> (x + y) ** 2
    x^2 + 2*x*y + y^2
    """
    return flint.fmpz_mpoly_ctx.get(tuple(names), _check_order(order))


def rational_ring(names: Sequence[str], order: str = "degrevlex") -> flint.fmpq_mpoly_ctx:
    """The ring ``Q[names]`` as a flint context."""
    return flint.fmpq_mpoly_ctx.get(tuple(names), _check_order(order))


def modular_ring(names: Sequence[str], modulus: int, order: str = "degrevlex") -> flint.nmod_mpoly_ctx:
    """The ring ``GF(p)[names]`` as a flint context (``modulus`` a prime below ``2**64``).

    Examples
    --------
    >>> x, y = modular_ring(("x", "y"), 7).gens()
    >>> (x + y) ** 7
    x^7 + y^7
    """
    return flint.nmod_mpoly_ctx.get(tuple(names), modulus=modulus, ordering=_check_order(order))


def to_sympy(poly: flint.fmpz_mpoly | flint.fmpq_mpoly | flint.nmod_mpoly) -> "sympy.Expr":
    """Convert a flint polynomial to a sympy expression in symbols named like its variables.

    Examples
    --------
    >>> R = integer_ring(("c0", "c1"))
    >>> c0, c1 = R.gens()
    >>> to_sympy(3 * c0**2 - c1)
    3*c0**2 - c1
    """
    import sympy

    symbols = [sympy.Symbol(n) for n in poly.context().names()]
    expr = sympy.Integer(0)
    terms = []
    for monom, coeff in poly.terms():
        c = coeff
        if isinstance(c, flint.fmpq):
            value = sympy.Rational(int(c.p), int(c.q))
        else:
            value = sympy.Integer(int(c))
        term = value
        for s, e in zip(symbols, monom):
            if e:
                term = term * s ** int(e)
        terms.append(term)
    if terms:
        expr = sympy.Add(*terms)
    return expr


def from_sympy(expr: "sympy.Expr | str", ctx: flint.fmpz_mpoly_ctx | flint.fmpq_mpoly_ctx) -> flint.fmpz_mpoly | flint.fmpq_mpoly:
    """Convert a sympy expression (or a string sympy parses) to a flint polynomial in ``ctx``.

    Raises
    ------
    InputError
        When the expression is not a polynomial in the variables of ``ctx`` with
        coefficients in the context's domain.

    Examples
    --------
    >>> R = integer_ring(("c0", "c1"))
    >>> from_sympy("c0*c1 - 2", R)
    c0*c1 - 2
    """
    import sympy

    names = ctx.names()
    symbols = [sympy.Symbol(n) for n in names]
    if isinstance(expr, str):
        try:
            expr = sympy.sympify(expr, locals={n: s for n, s in zip(names, symbols)})
        except (sympy.SympifyError, SyntaxError, TypeError) as err:
            raise InputError(f"polynomial: cannot parse {expr!r} ({err})") from None
    try:
        p = sympy.Poly(expr, *symbols)
    except sympy.PolynomialError as err:
        raise InputError(f"polynomial: {expr} is not a polynomial in {', '.join(names)} ({err})") from None
    if p.free_symbols - set(symbols):
        raise InputError(f"polynomial: {expr} has variables outside {', '.join(names)}")
    terms = {}
    integral = isinstance(ctx, flint.fmpz_mpoly_ctx)
    for monom, coeff in p.terms():
        coeff = sympy.nsimplify(coeff) if not coeff.is_Rational else coeff
        if not coeff.is_Rational:
            raise InputError(f"polynomial: coefficient {coeff} is not rational")
        if integral:
            if coeff.q != 1:
                raise InputError(f"polynomial: coefficient {coeff} is not an integer")
            terms[monom] = int(coeff.p)
        else:
            terms[monom] = flint.fmpq(int(coeff.p), int(coeff.q))
    return ctx.from_dict(terms)


def poly_to_str(poly: flint.fmpz_mpoly | flint.fmpq_mpoly, max_terms: int | None = None) -> str:
    """Text of a polynomial, ``*`` and ``^`` as flint writes them, abbreviated to ``max_terms``.

    Examples
    --------
    >>> R = integer_ring(("x", "y"))
    >>> x, y = R.gens()
    >>> poly_to_str((x + y) ** 3, max_terms=2)
    'x^3 + 3*x^2*y + … (4 terms)'
    """
    text = str(poly)
    if max_terms is None or len(poly) <= max_terms:
        return text
    head = poly.context().from_dict(dict(list(poly.to_dict().items())[:max_terms]))
    return f"{head} + … ({len(poly)} terms)"


def to_fmpq(value: Any, field: str) -> flint.fmpq:
    """The exact rational ``value`` (int, numpy integer, Fraction, flint number, sympy rational
    or a string like ``"-2/5"`` or ``"0.25"``) as a :class:`flint.fmpq`; anything inexact is refused
    (:func:`lcnalg.checks.exact`, which checks the length of text before converting it).

    Parameters
    ----------
    value : int, numpy integer, Fraction, flint.fmpz, flint.fmpq, sympy.Rational or str
    field : str
        Name of the input, for the error message.

    Raises
    ------
    InputError
        For booleans, floats and text that is not an integer or fraction.

    Examples
    --------
    >>> to_fmpq("-2/5", "point"), to_fmpq(3, "point")
    (-2/5, 3)
    >>> to_fmpq(0.5, "point")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: point: 0.5 (float) is not exact; give integers or fractions like 3 or -2/5 (floats are refused: results are exact)
    """
    if type(value) is int:
        return flint.fmpq(value)
    if isinstance(value, flint.fmpq):
        return value
    f = checks.exact(value, field, decimals=True)
    return flint.fmpq(f.numerator, f.denominator)


def fmpq_residue(c: flint.fmpq, modulus: int) -> int:
    """The residue of a rational modulo a prime, in ``[0, p)``.

    Raises
    ------
    InputError
        When the denominator vanishes modulo ``modulus``.

    Examples
    --------
    >>> fmpq_residue(flint.fmpq(1, 2), 7)
    4
    """
    if c == 0:
        return 0
    q = int(c.q) % modulus
    if q == 0:
        raise InputError(f"point: denominator {c.q} vanishes modulo {modulus}")
    return int(c.p) * pow(q, -1, modulus) % modulus


def from_fmpq(c: Any) -> "int | Fraction":
    """A flint rational or integer as a Python ``int`` when integral, else a ``Fraction``.

    Examples
    --------
    >>> from_fmpq(flint.fmpq(6, 3)), from_fmpq(flint.fmpq(1, 3))
    (2, Fraction(1, 3))
    """
    if isinstance(c, flint.fmpq):
        return int(c.p) if c.q == 1 else Fraction(int(c.p), int(c.q))
    return int(c)
