r"""The generic Euclidean distance degree of a Segre variety, from a closed formula.

For a smooth projective variety ``X ⊂ P^{n}`` of dimension ``m`` not meeting the isotropic
quadric badly, the ED degree for a generic quadratic form is the sum of its polar degrees,

    EDdeg(X) = Σ_{i=0}^{m} (−1)^i (2^{m+1−i} − 1) deg(c_i(X)),

with ``deg(c_i(X))`` the degree of the ``i``-th Chern class of the tangent bundle against
the hyperplane class ``h^{m−i}`` ([DHOST16], Theorem 5.8).  For the Segre variety
``X = P^{n_1} × ⋯ × P^{n_L}`` (``h = h_1 + ⋯ + h_L``, ``h_l^{n_l + 1} = 0``), the total Chern
class is ``Π_l (1 + h_l)^{n_l + 1}`` and integration takes the coefficient of
``Π_l h_l^{n_l}``.  Expanding, with ``e`` running over the exponent vectors ``0 ≤ e_l ≤ n_l``
and ``|e| = Σ e_l``:

    EDdeg = Σ_e (−1)^{|e|} (2^{m+1−|e|} − 1) (m − |e|)! Π_l C(n_l + 1, e_l) / (n_l − e_l)!,

``m = Σ n_l`` (docs/theory.md#segre-ed-degree).

References
----------
.. [DHOST16] Draisma, Horobeţ, Ottaviani, Sturmfels, Thomas, *The Euclidean distance
   degree of an algebraic variety*, Found. Comput. Math. 16 (2016): the ED degree as a sum of polar degrees (Chern classes).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError

__all__ = ["segre_ed_degree", "segre_dimensions", "MAX_SEGRE_TERMS"]

#: Largest number of exponent vectors ``e`` summed by :func:`segre_ed_degree`.
MAX_SEGRE_TERMS = 10**6


def segre_ed_degree(dims: Sequence[int]) -> int:
    """Generic ED degree of ``P^{n_1} × ⋯ × P^{n_L}`` in its Segre embedding.

    Parameters
    ----------
    dims : sequence of int
        The dimensions ``n_l >= 0`` of the factors.

    Raises
    ------
    InputError
        For negative or non-integer dimensions, or more than a million terms.

    Examples
    --------
    >>> [segre_ed_degree(d) for d in [(1, 1), (1, 2), (2, 2), (1, 1, 1)]]
    [6, 10, 39, 34]
    >>> segre_ed_degree((3,))    # one factor: a linear space
    1
    """
    dims = [checks.integer(n, "dims", low=0, high=10**4, form="a non-negative integer")
            for n in checks.sequence(dims, "dims", "a sequence of dimensions")]
    if math.prod(n + 1 for n in dims) > MAX_SEGRE_TERMS:
        raise InputError(f"dims: {math.prod(n + 1 for n in dims)} terms, more than {MAX_SEGRE_TERMS}")
    m = sum(dims)
    total = Fraction(0)
    for e in itertools.product(*(range(n + 1) for n in dims)):
        s = sum(e)
        term = Fraction((-1) ** s * (2 ** (m + 1 - s) - 1) * math.factorial(m - s))
        for n, ei in zip(dims, e):
            term *= Fraction(math.comb(n + 1, ei), math.factorial(n - ei))
        total += term
    assert total.denominator == 1
    return int(total)


def segre_dimensions(arch: Architecture | str) -> tuple[int, ...]:
    """``(|k_1| − 1, …, |k_L| − 1)``: the Segre variety of which μ is a linear projection.

    Examples
    --------
    >>> segre_dimensions("3,2 s=2"), segre_dimensions("2x2,2x1")
    ((2, 1), (3, 1))
    """
    arch = Architecture.coerce(arch)
    return tuple(math.prod(f) - 1 for f in arch.filters)
