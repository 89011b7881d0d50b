"""Factorization of integer multivariate polynomials into irreducibles over Q.

:func:`factor` returns what FLINT's ``fmpz_mpoly.factor`` returns, ``(content, [(f_i, e_i)])``
with ``p = content · ∏ f_i^{e_i}``, the ``f_i`` primitive, irreducible over Q and pairwise
coprime.  python-flint 0.9 orders the factors it finds by a key that converts coefficients to
machine integers, and raises ``OverflowError`` when two factors of the same multiplicity and
degree have a coefficient beyond ``2^31`` (for example ``(10^12 x^2 + 2·10^12 x + 10^12 + 1)``
beside ``x^2 + 3``); the factorization itself is not at fault.  Then the same polynomial is
factored as an ``fmpq_mpoly`` (FLINT's factorization over Q, whose factors are not sorted that
way), each factor is brought back to a primitive integer polynomial with a positive leading
coefficient, and the content is recomputed exactly from ``p``.  Both routes are FLINT's
factorization over Q, so the factors are the same up to sign and order.

Examples
--------
>>> import flint
>>> ctx = flint.fmpz_mpoly_ctx.get(("x", "y"), "lex")
>>> x, y = ctx.gens()
>>> c, fac = factor(-2 * (10**12 * x**2 + 2 * 10**12 * x + 10**12 + 1) * (x**2 + 3) * (y + 2))
>>> c, sorted(str(f) for f, _ in fac)
(-2, ['1000000000000*x^2 + 2000000000000*x + 1000000000001', 'x^2 + 3', 'y + 2'])
"""

from __future__ import annotations

from math import gcd, lcm
from typing import Any

import flint

from lcnalg.errors import InputError, InternalError

__all__ = ["factor"]


def factor(p: Any) -> tuple[Any, list[tuple[Any, int]]]:
    """``(content, [(factor, multiplicity)])`` of an ``fmpz_mpoly`` over Q (module docstring).

    Parameters
    ----------
    p : flint.fmpz_mpoly

    Returns
    -------
    content : flint.fmpz
    factors : list of (flint.fmpz_mpoly, int)
        Primitive, irreducible over Q, pairwise coprime; ``p = content · ∏ f^e``.

    Raises
    ------
    InputError
        When ``p`` is not an ``fmpz_mpoly``.

    Examples
    --------
    >>> import flint
    >>> x, = flint.fmpz_mpoly_ctx.get(("x",), "lex").gens()
    >>> factor(6 * x**2 - 6)
    (6, [(x - 1, 1), (x + 1, 1)])
    """
    if not isinstance(p, flint.fmpz_mpoly):
        raise InputError(f"p: expected a flint.fmpz_mpoly, got {type(p).__name__}")
    try:
        return p.factor()
    except OverflowError:  # python-flint's sort of the factors, not the factorization
        pass
    ctx = p.context()
    names = tuple(ctx.names())
    qctx = flint.fmpq_mpoly_ctx.get(names, ctx.ordering())
    q = qctx.from_dict({e: flint.fmpq(int(c)) for e, c in p.to_dict().items()})
    _, qfac = q.factor()
    factors: list[tuple[Any, int]] = []
    product = ctx.from_dict({(0,) * len(names): 1})
    for f, e in qfac:
        terms = f.to_dict()
        den = lcm(*(int(c.q) for c in terms.values()))
        ints = {m: int(c.p) * (den // int(c.q)) for m, c in terms.items()}
        g = gcd(*ints.values())
        h = ctx.from_dict({m: v // g for m, v in ints.items()})
        if h.leading_coefficient() < 0:
            h = -h
        factors.append((h, int(e)))
        product *= h ** int(e)
    content = flint.fmpz(int(p.leading_coefficient()) // int(product.leading_coefficient()))
    if product * content != p:  # FLINT's factors over Q multiply back to p: never reached
        raise InternalError("factorization over Q does not multiply back to the polynomial")
    factors.sort(key=lambda t: (t[1], t[0].total_degree(), str(t[0])))
    return content, factors
