"""Dimension of the function space: exact Jacobian ranks against the torus bound.

The dimension of ``M = μ(R^N)`` is the generic rank of the Jacobian of μ.

* **Lower bound (proved).** The rank of ``Jμ`` at any point, computed exactly over
  GF(p), is at most the generic rank: a non-vanishing minor modulo p is a
  non-vanishing integer polynomial.
* **Upper bound (proved).** Rescaling ``w_l ↦ λ_l w_l`` with ``Π λ_l = 1`` keeps μ
  fixed; where every ``w_l ≠ 0`` its orbits have dimension ``L-1``, so the fibres
  of μ over a dense set have dimension at least ``L-1`` and ``dim M ≤ N-(L-1)``.
  Also ``dim M`` is at most the number of coordinates of μ that are not
  identically zero.  With the activation ``t ↦ t^r`` the torus is
  ``w_l ↦ λ w_l, w_{l+1} ↦ λ^{−r} w_{l+1}``, again of dimension ``L−1`` where every
  ``w_l ≠ 0`` (docs/theory.md#polynomial-networks).  With channels the group
  ``Π_{0<l<L} GL(c_l)`` of the hidden channels keeps μ fixed (``P_l ↦ A P_l``,
  ``P_{l+1} ↦ P_{l+1} A^{−1}``); the rank of its infinitesimal action at any point is at
  most its generic orbit dimension, which is at most the generic fibre dimension, so
  ``dim M ≤ N − (that rank)``
  (:meth:`~lcnalg.channel_parameterization.ChannelParameterization.orbit_rank`).

When the two bounds meet the dimension is ``certified``.  Otherwise the largest
rank found is reported as ``probabilistic``: a generic rank ``r* > r`` is missed at a
uniform random point of ``GF(p)^N`` only if a non-zero ``(r+1)``-minor of degree at
most ``(r+1)(e-1)`` vanishes there (``e = Σ_l`` the degree of μ in layer ``l``: ``L`` for a
linear network), which has probability at most ``(r+1)(L-1)/p``
(Schwartz–Zippel); independent points multiply the bounds.

References
----------
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points
   of Linear Convolutional Networks*, SIAGA 8 (2024): ``dim M = Σ k_l − (L−1)``.
"""

from __future__ import annotations

import time

from lcnalg import checks
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.modular import LARGE_PRIMES
from lcnalg.results import DimensionResult

__all__ = ["function_space_dimension", "support", "check_jacobian_size"]


def support(mu: Parameterization) -> frozenset[int]:
    """Flat indices of the coordinates of μ that are not identically zero.

    Examples
    --------
    >>> sorted(support(Parameterization("2,3 s=3")))
    [0, 1, 3, 4, 6, 7]
    """
    return mu.support


def check_jacobian_size(mu: Parameterization, limits: Limits | None = None, what: str = "") -> None:
    """Refuse, before it is built, a Jacobian of μ too large for an exact rank.

    The Jacobian at a point has one row per coordinate and one column per weight; its exact
    rank over GF(p) costs at most ``entries^1.5`` field operations, so bounding the entries
    (``limits.max_jacobian_entries``) bounds both its memory and its time.  Its columns are
    formed from the products of the other layers' polynomials, about ``layers² ×
    coordinates / 2`` coefficients; with many small layers that is the larger count, and
    it is the one checked.

    Parameters
    ----------
    mu : Parameterization
    limits : Limits, optional
        Default: ``mu.limits``.
    what : str
        What the rank is for, for the message.

    Raises
    ------
    ResourceLimitError
        When ``ambient dimension × parameters`` exceeds ``limits.max_jacobian_entries``.

    Examples
    --------
    >>> check_jacobian_size(Parameterization("3,2 s=2"))
    >>> check_jacobian_size(Parameterization("3,2 s=2"), Limits(max_jacobian_entries=10))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: entries of the 5x5 Jacobian of mu estimated at 25, above the bound 10; to allow it, raise limits=Limits(max_jacobian_entries=...) (CLI: --max-jacobian-entries)
    >>> check_jacobian_size(Parameterization("2," * 999 + "2"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: coefficients formed while building the 1001x2000 Jacobian of mu (products of 1000 layer polynomials, layers^2 x coordinates / 2) estimated at 500500000, ...
    """
    limits = mu.limits if limits is None else Limits.coerce(limits)
    rows, cols = mu.ambient_dimension, mu.num_parameters
    layers = mu.architecture.num_layers
    building = layers * layers * rows // 2
    if building > rows * cols:  # many small layers: forming the columns costs more than the matrix
        limits.check("max_jacobian_entries", f"coefficients formed while building the {rows}x{cols} Jacobian of mu "
                     f"(products of {layers} layer polynomials, layers^2 x coordinates / 2){what}", building)
    limits.check("max_jacobian_entries", f"entries of the {rows}x{cols} Jacobian of mu{what}", rows * cols)


def function_space_dimension(mu: Parameterization, seed: int = 0, trials: int = 3, *,
                             limits: Limits | None = None) -> DimensionResult:
    """Dimension of the function space of ``mu``'s architecture.

    Parameters
    ----------
    mu : Parameterization
    seed : int
        Seed of the random points.
    trials : int
        Number of random points tried before settling for a probabilistic answer.
    limits : Limits, optional
        Resource bounds (default: ``mu.limits``); ``max_jacobian_entries`` bounds the
        Jacobian, checked before it is built (:func:`check_jacobian_size`).

    Returns
    -------
    DimensionResult

    Raises
    ------
    ResourceLimitError
        When the Jacobian is beyond ``limits.max_jacobian_entries``.

    Examples
    --------
    >>> d = function_space_dimension(Parameterization("2,3 s=3"))
    >>> d.value, d.upper_bound, d.certified
    (4, 4, True)
    """
    mu, seed, trials = checks.arguments(mu=mu, seed=seed, trials=trials)
    start = time.perf_counter()
    arch = mu.architecture
    p = LARGE_PRIMES[0]
    if arch.channels is not None:
        hidden = sum(c * c for c in arch.channels[1:-1])
        (mu.limits if limits is None else Limits.coerce(limits)).check(
            "max_jacobian_entries", f"entries of the {hidden}x{mu.num_parameters} tangent matrix of the hidden "
            "GL(c_l) action (its rank bounds the dimension)", hidden * mu.num_parameters)
        symmetry = mu.orbit_rank(mu.random_point_mod(seed, p), modulus=p)
        bound_text = f"min(N - {symmetry} (rank of the hidden GL(c_l) action at a point), #nonzero coordinates)"
    else:
        symmetry = arch.num_layers - 1
        bound_text = "min(N-(L-1), #nonzero coordinates)"
    upper = min(mu.num_parameters - symmetry, len(support(mu)))
    best = 0
    used = 0
    how = "exact Jacobian rank"
    if hasattr(mu, "evaluation_jacobian_rank"):
        # a polynomial network: E·Jμ at random inputs (a proved lower bound on rank Jμ), from a
        # forward pass on numbers, first; the Jacobian itself only when that misses the upper bound
        best = mu.evaluation_jacobian_rank(mu.random_point_mod(seed, p), p, seed=seed)
        how = f"exact rank of E·Jμ (Jμ composed with the evaluation at {mu.num_parameters} random inputs)"
    if best < upper:
        check_jacobian_size(mu, limits, " (its exact rank gives the dimension)")
        how = "exact Jacobian rank"
        for trial in range(max(1, trials)):
            used += 1
            rank = mu.jacobian_rank(mu.random_point_mod(seed + trial, p), modulus=p)
            best = max(best, rank)
            if best >= upper:
                break
    common = dict(
        architecture=str(arch),
        seed=seed,
        primes=(p,),
        value=best,
        lower_bound=best,
        upper_bound=upper,
        ambient_dimension=mu.ambient_dimension,
    )
    if best == upper:
        return DimensionResult(
            method=(
                f"{how} {best} modulo p at a random point (proved lower bound) "
                f"meets {bound_text} = {upper} (proved upper bound)"
            ),
            certified=True,
            seconds=time.perf_counter() - start,
            **common,
        )
    # a minor of size best+1 has degree at most (best+1) times an entry's degree
    per_point = (best + 1) * max(sum(mu.layer_degrees) - 1, 1) / p
    return DimensionResult(
        method=f"largest exact Jacobian rank modulo p at {used} random points",
        certified=False,
        failure_probability=per_point**used,
        how_to_certify=(
            f"show that every {best + 1}-minor of the symbolic Jacobian vanishes identically "
            "(then the rank never exceeds the value found)"
        ),
        seconds=time.perf_counter() - start,
        **common,
    )
