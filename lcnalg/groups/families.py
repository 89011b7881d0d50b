"""The named families of permutation groups: cyclic, dihedral, dicyclic (quaternion), symmetric,
alternating, and direct products.

Each constructor checks the order that the family's formula gives (``n``, ``2n``, ``n!``,
``n!/2``, the product of the factors' orders) against ``Limits.max_group_order`` *before*
building anything, so that ``symmetric_group(12)`` or ``cyclic_group(10**6)`` is refused at
once with the estimate; the formula is never trusted afterwards (every count enumerates
the group).

* ``C_n`` acts on ``Z/n`` by the rotation ``i ↦ i + 1``;
* ``D_n`` (order ``2n``, ``n ≥ 3``) by that rotation and the reflection ``i ↦ −i``;
* ``Q_n`` (order ``n = 4m``, ``m ≥ 2``: the dicyclic group ``⟨a, x | a^{2m} = 1, x^2 = a^m,
  x a x^{−1} = a^{−1}⟩``, the quaternion group ``Q_8`` for ``m = 2``) acts regularly on its ``n``
  elements ``a^k x^j`` (point ``k + 2m j``) by left multiplication: ``a`` sends ``a^k x^j`` to
  ``a^{k+1} x^j``, and ``x`` sends ``a^k`` to ``a^{−k} x`` and ``a^k x`` to ``a^{m−k}``;
* ``S_n`` by the transposition ``(0 1)`` and the cycle ``(0 1 … n−1)``, which generate it;
* ``A_n`` by the 3-cycles ``(0 1 i)``, ``2 ≤ i < n``, which generate it;
* ``G_1 × … × G_k`` acts on the grid ``X_1 × … × X_k`` of their points coordinate-wise (the
  product action: ``C_m × C_n`` on an ``m × n`` torus is two-dimensional cyclic
  convolution), the point ``(i_1, …, i_k)`` being numbered in row-major order.

Examples
--------
>>> from lcnalg.groups import cyclic_group, direct_product, symmetric_group
>>> symmetric_group(4).order(), direct_product(cyclic_group(3), cyclic_group(2)).degree
(24, 6)
"""

from __future__ import annotations

import math

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.limits import Limits

__all__ = ["cyclic_group", "dihedral_group", "dicyclic_group", "symmetric_group", "alternating_group", "direct_product"]


def _size(n: object, name: str, low: int = 1) -> int:
    return checks.integer(n, name, low=low, form=f"an integer at least {low}")


def _check_order(limits: Limits | None, name: str, order: int) -> Limits:
    limits = Limits.coerce(limits)
    limits.check("max_group_order", f"elements of the group {name}", order)
    return limits


def cyclic_group(n: int, limits: Limits | None = None) -> PermutationGroup:
    """``C_n`` acting on ``{0, …, n−1}`` by rotation.

    Parameters
    ----------
    n : int
        Number of points, at least 1.
    limits : Limits, optional
        ``max_group_order`` must admit ``n``.

    Raises
    ------
    InputError
        When ``n`` is not a positive integer.
    ResourceLimitError
        When ``n`` exceeds ``max_group_order``.

    Examples
    --------
    >>> cyclic_group(4).generators
    ((1, 2, 3, 0),)
    """
    n = _size(n, "n")
    _check_order(limits, f"C{n}", n)
    return PermutationGroup([[(i + 1) % n for i in range(n)]], name=f"C{n}")


def dihedral_group(n: int, limits: Limits | None = None) -> PermutationGroup:
    """``D_n``, the symmetries of a regular ``n``-gon (order ``2n``) on its vertices.

    Parameters
    ----------
    n : int
        Number of points, at least 3.
    limits : Limits, optional

    Raises
    ------
    InputError
        When ``n`` is not an integer at least 3.
    ResourceLimitError
        When ``2n`` exceeds ``max_group_order``.

    Examples
    --------
    >>> dihedral_group(5).order()
    10
    """
    n = _size(n, "n", 3)
    _check_order(limits, f"D{n}", 2 * n)
    return PermutationGroup([[(i + 1) % n for i in range(n)], [(-i) % n for i in range(n)]], name=f"D{n}")


def dicyclic_group(n: int, limits: Limits | None = None) -> PermutationGroup:
    """``Q_n``, the dicyclic group of order ``n = 4m`` (``m ≥ 2``; ``Q_8`` the quaternions ``±1, ±i, ±j, ±k``),
    acting regularly on its ``n`` elements (module docstring).

    Parameters
    ----------
    n : int
        The order, a multiple of 4, at least 8.
    limits : Limits, optional

    Raises
    ------
    InputError
        When ``n`` is not a multiple of 4 at least 8.
    ResourceLimitError
        When ``n`` exceeds ``max_group_order``.

    Examples
    --------
    >>> G = dicyclic_group(8)
    >>> G.order(), G.generators
    (8, ((1, 2, 3, 0, 5, 6, 7, 4), (4, 7, 6, 5, 2, 1, 0, 3)))
    """
    n = _size(n, "n", 8)
    if n % 4:
        raise InputError(f"n: the dicyclic group Q<n> has order n = 4m, a multiple of 4; got {n}")
    _check_order(limits, f"Q{n}", n)
    m = n // 4
    a = [(k + 1) % (2 * m) + 2 * m * j for j in range(2) for k in range(2 * m)]
    x = [(-k) % (2 * m) + 2 * m for k in range(2 * m)] + [(m - k) % (2 * m) for k in range(2 * m)]
    return PermutationGroup([a, x], name=f"Q{n}")


def symmetric_group(n: int, limits: Limits | None = None) -> PermutationGroup:
    """``S_n`` acting on ``{0, …, n−1}``.

    Raises
    ------
    InputError
        When ``n`` is not a positive integer.
    ResourceLimitError
        When ``n!`` exceeds ``max_group_order`` (checked before the group is built).

    Examples
    --------
    >>> symmetric_group(5).order()
    120
    >>> symmetric_group(12)
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: elements of the group S12 estimated at 479001600, above the bound 50000; to allow it, raise limits=Limits(max_group_order=...) (CLI: --max-group-order)
    """
    n = _size(n, "n")
    limits = Limits.coerce(limits)
    if n > 1000:  # n! is astronomically above any bound: no need to form it
        raise limits.refuse("max_group_order", f"elements of the group S{n}", f">{n}^{n // 3}")
    _check_order(limits, f"S{n}", math.factorial(n))
    if n == 1:
        return PermutationGroup([[0]], name="S1")
    cycle = [(i + 1) % n for i in range(n)]
    swap = [1, 0] + list(range(2, n))
    return PermutationGroup([swap, cycle] if n > 2 else [swap], name=f"S{n}")


def alternating_group(n: int, limits: Limits | None = None) -> PermutationGroup:
    """``A_n``, the even permutations of ``{0, …, n−1}``.

    Raises
    ------
    InputError
        When ``n`` is not a positive integer.
    ResourceLimitError
        When ``n!/2`` exceeds ``max_group_order``.

    Examples
    --------
    >>> alternating_group(5).order()
    60
    """
    n = _size(n, "n")
    limits = Limits.coerce(limits)
    if n > 1000:
        raise limits.refuse("max_group_order", f"elements of the group A{n}", f">{n}^{n // 3}")
    _check_order(limits, f"A{n}", max(1, math.factorial(n) // 2))
    if n < 3:
        return PermutationGroup([list(range(n))], name=f"A{n}")
    gens = []
    for i in range(2, n):
        p = list(range(n))
        p[0], p[1], p[i] = 1, i, 0  # the 3-cycle 0 -> 1 -> i -> 0
        gens.append(p)
    return PermutationGroup(gens, name=f"A{n}")


def direct_product(*groups: PermutationGroup, limits: Limits | None = None) -> PermutationGroup:
    """``G_1 × … × G_k`` acting on the grid of their points (row-major numbering).

    Parameters
    ----------
    *groups : PermutationGroup
        At least two factors.
    limits : Limits, optional
        ``max_group_order`` must admit the product of the factors' orders.

    Raises
    ------
    InputError
        When fewer than two groups are given, or a factor is not a PermutationGroup.
    ResourceLimitError
        When the order of the product exceeds ``max_group_order``.

    Examples
    --------
    >>> G = direct_product(cyclic_group(3), cyclic_group(2))
    >>> G.name, G.order(), G.generators
    ('C3xC2', 6, ((2, 3, 4, 5, 0, 1), (1, 0, 3, 2, 5, 4)))
    """
    if len(groups) < 2:
        raise InputError(f"groups: expected at least two PermutationGroup factors, got {len(groups)}")
    for i, g in enumerate(groups):
        if not isinstance(g, PermutationGroup):
            raise InputError(f"groups[{i}]: expected a PermutationGroup, got {checks.short(g, 40, quote=True)}")
    limits = Limits.coerce(limits)
    name = "x".join(g.name for g in groups)
    degrees = [g.degree for g in groups]
    limits.check("max_group_order", f"elements of the group {name}",
                 math.prod(g.order(limits) for g in groups))
    total = math.prod(degrees)
    limits.check("max_equivariant_work", f"entries of the generators of {name} on its {total} points",
                 total * sum(len(g.generators) for g in groups))
    strides = [math.prod(degrees[i + 1:]) for i in range(len(degrees))]
    gens = []
    for i, g in enumerate(groups):
        for s in g.generators:
            perm = []
            for point in range(total):
                coord = (point // strides[i]) % degrees[i]
                perm.append(point + (s[coord] - coord) * strides[i])
            gens.append(perm)
    point_name = groups[0].point_name if len({g.point_name for g in groups}) == 1 else "points"
    return PermutationGroup(gens, name=name, point_name=point_name)
