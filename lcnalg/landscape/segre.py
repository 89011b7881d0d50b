r"""The generic Euclidean distance degree of a Segre (or Segre–Veronese) variety, from a closed formula.

For a smooth projective variety ``X ⊂ P^{n}`` of dimension ``m`` not meeting the isotropic
quadric badly, the ED degree for a generic quadratic form is the sum of its polar degrees,

    EDdeg(X) = Σ_{i=0}^{m} (−1)^i (2^{m+1−i} − 1) deg(c_i(X)),

with ``deg(c_i(X))`` the degree of the ``i``-th Chern class of the tangent bundle against
the hyperplane class ``h^{m−i}`` ([DHOST16], Theorem 5.8).  For the Segre variety
``X = P^{n_1} × ⋯ × P^{n_L}`` (``h = h_1 + ⋯ + h_L``, ``h_l^{n_l + 1} = 0``), the total Chern
class is ``Π_l (1 + h_l)^{n_l + 1}`` and integration takes the coefficient of
``Π_l h_l^{n_l}``.  Expanding, with ``e`` running over the exponent vectors ``0 ≤ e_l ≤ n_l``
and ``|e| = Σ e_l``::

    EDdeg = Σ_e (−1)^{|e|} (2^{m+1−|e|} − 1) (m − |e|)! Π_l C(n_l + 1, e_l) / (n_l − e_l)!,

``m = Σ n_l`` (docs/theory.md#segre-ed-degree).

**Segre–Veronese.**  For ``X = P^{n_1} × ⋯ × P^{n_L}`` embedded by ``O(d_1, …, d_L)`` (the
variety of which the map of a polynomial network with activation ``t^r`` is a linear image,
``d_l = r^{L−l}``) the tangent bundle is the same, so ``c(X) = Π_l (1 + h_l)^{n_l + 1}``, and
the hyperplane class is ``H = Σ_l d_l h_l``.  :func:`segre_veronese_ed_degree` evaluates the
same sum of polar degrees by multiplying out in the truncated ring
``Z[h_1, …, h_L]/(h_l^{n_l + 1})``: ``deg c_i = ∫ c_i · H^{m−i}``, the coefficient of
``Π_l h_l^{n_l}``.  It is computed by ring arithmetic rather than by the closed sum above, so
that ``d_l = 1`` gives an independent check of :func:`segre_ed_degree`.  The variety is smooth
and a generic linear change of coordinates (a generic quadratic form) makes it transversal to
the isotropic quadric, the hypothesis of [DHOST16], Theorem 5.8.

References
----------
.. [DHOST16] Draisma, Horobeţ, Ottaviani, Sturmfels, Thomas, *The Euclidean distance
   degree of an algebraic variety*, Found. Comput. Math. 16 (2016): the ED degree as a sum of polar degrees (Chern classes).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError

__all__ = ["segre_ed_degree", "segre_dimensions", "segre_veronese_ed_degree", "segre_veronese_dimensions",
           "segre_veronese_kernel", "MAX_SEGRE_TERMS"]

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


def _truncated_product(f: dict, g: dict, dims: Sequence[int]) -> dict:
    """Product in ``Z[h_1, …, h_L]/(h_l^{n_l + 1})`` (polynomials as exponent-tuple dicts)."""
    out: dict = {}
    for e, a in f.items():
        for k, b in g.items():
            s = tuple(x + y for x, y in zip(e, k))
            if all(x <= n for x, n in zip(s, dims)):
                out[s] = out.get(s, 0) + a * b
    return {e: c for e, c in out.items() if c}


def segre_veronese_ed_degree(dims: Sequence[int], degrees: Sequence[int]) -> int:
    """Generic ED degree of ``P^{n_1} × ⋯ × P^{n_L}`` embedded by ``O(d_1, …, d_L)``.

    The sum of polar degrees ``Σ_i (−1)^i (2^{m+1−i} − 1) ∫ c_i(X) H^{m−i}`` ([DHOST16],
    Theorem 5.8), with ``c(X) = Π_l (1 + h_l)^{n_l+1}`` and ``H = Σ_l d_l h_l``, multiplied out
    in ``Z[h]/(h_l^{n_l+1})`` (docs/theory.md#segre-ed-degree).

    Parameters
    ----------
    dims : sequence of int
        The dimensions ``n_l >= 0`` of the factors.
    degrees : sequence of int
        The degrees ``d_l >= 1`` of the embedding, one per factor.

    Raises
    ------
    InputError
        Naming ``dims`` or ``degrees``: negative or non-integer entries, different lengths,
        or more than a million monomials in the truncated ring.

    Examples
    --------
    >>> segre_veronese_ed_degree((1, 1), (1, 1))        # the Segre quadric P^1 x P^1
    6
    >>> [segre_veronese_ed_degree((1,), (d,)) for d in (1, 2, 3, 4)]    # rational normal curves: 3d - 2
    [1, 4, 7, 10]
    >>> segre_veronese_ed_degree((1, 1), (2, 1))        # the network 2,2 r=2 (d = r, 1)
    14
    >>> segre_veronese_ed_degree((1, 1), (1, 2, 3))
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: degrees: 3 entries for 2 factors (give one degree per factor)

    References
    ----------
    .. [DHOST16] Draisma, Horobeţ, Ottaviani, Sturmfels, Thomas, *The Euclidean distance
       degree of an algebraic variety*, Found. Comput. Math. 16 (2016), Theorem 5.8.
    """
    dims = [checks.integer(n, "dims", low=0, high=10**4, form="a non-negative integer")
            for n in checks.sequence(dims, "dims", "a sequence of dimensions")]
    degrees = [checks.integer(d, "degrees", low=1, high=10**6, form="a positive integer")
               for d in checks.sequence(degrees, "degrees", "a sequence of degrees")]
    if len(degrees) != len(dims):
        raise InputError(f"degrees: {len(degrees)} entries for {len(dims)} factors (give one degree per factor)")
    if math.prod(n + 1 for n in dims) > MAX_SEGRE_TERMS:
        raise InputError(f"dims: {math.prod(n + 1 for n in dims)} monomials, more than {MAX_SEGRE_TERMS}")
    L, m = len(dims), sum(dims)
    unit = tuple(0 for _ in dims)
    one = {unit: 1}
    chern = dict(one)
    for l, n in enumerate(dims):
        h = {unit: 1, tuple(int(j == l) for j in range(L)): 1} if n else dict(one)
        for _ in range(n + 1):
            chern = _truncated_product(chern, h, dims)
    H = {tuple(int(j == l) for j in range(L)): d for l, (d, n) in enumerate(zip(degrees, dims)) if n}
    powers = [one]  # H^0, H^1, ..., H^m
    for _ in range(m):
        powers.append(_truncated_product(powers[-1], H, dims))
    top = tuple(dims)
    total = 0
    for i in range(m + 1):
        c_i = {e: c for e, c in chern.items() if sum(e) == i}
        degree_i = _truncated_product(c_i, powers[m - i], dims).get(top, 0)
        total += (-1) ** i * (2 ** (m + 1 - i) - 1) * degree_i
    return total


def segre_veronese_dimensions(arch: Architecture | str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``((|k_1| − 1, …), (d_1, …))``, ``d_l = r^{L−l}``: the Segre–Veronese variety of which the
    map of a polynomial network is a linear image (``d_l = 1`` for a linear network).

    Examples
    --------
    >>> segre_veronese_dimensions("3,2 s=2 r=2"), segre_veronese_dimensions("2,2,2 r=3")
    (((2, 1), (2, 1)), ((1, 1, 1), (9, 3, 1)))
    >>> segre_veronese_dimensions("2,2 s=2")
    ((1, 1), (1, 1))
    """
    arch = Architecture.coerce(arch)
    r = arch.activation or 1
    L = arch.num_layers
    return segre_dimensions(arch), tuple(r ** (L - l) for l in range(1, L + 1))


def segre_veronese_kernel(mu: Any) -> int:
    """Dimension of the kernel of the linear map ``π`` with ``μ = π ∘ ν``, ``ν`` the
    Segre–Veronese map ``θ ↦ (multidegree-(d_1, …, d_L) monomials of the weights)``.

    Every coordinate of μ is a combination of those monomials (it is homogeneous of degree
    ``d_l`` in layer ``l``); ``π`` is the matrix of the coefficients, exactly.  Kernel 0 means
    that μ embeds the Segre–Veronese cone linearly, so that a generic quadratic loss on the
    coordinates pulls back to a generic one on its span (docs/theory.md#polynomial-critical-points).

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization

    Returns
    -------
    int
        ``Π_l C(|k_l| + d_l − 1, d_l) − rank π``.

    Examples
    --------
    >>> from lcnalg import parameterize
    >>> [segre_veronese_kernel(parameterize(a)) for a in ("2,2 s=2", "3,2 s=2", "2,2 s=2 r=2", "2,2 r=2")]
    [0, 1, 0, 1]
    """
    arch = mu.architecture
    _, degrees = segre_veronese_dimensions(arch)
    size = math.prod(math.comb(math.prod(f) + d - 1, d) for f, d in zip(arch.filters, degrees))
    columns: dict[tuple[int, ...], int] = {}
    rows = []
    for poly in mu.coordinates:
        row = {}
        for e, c in poly.to_dict().items():
            row[columns.setdefault(tuple(e), len(columns))] = int(c)
        rows.append(row)
    if not columns:
        return size
    matrix = flint.fmpz_mat(len(rows), len(columns), [row.get(j, 0) for row in rows for j in range(len(columns))])
    return size - matrix.rank()
