"""ED degrees of a neurovariety, counted; and the Segre value they are compared with.

:func:`ed_degree` counts the complex critical points of a quadratic loss restricted to the
neurovariety (at the points where μ is not critical), for a generic positive definite form
(``kind="generic"``) or the standard inner product (``kind="identity"``) and a seeded random
centre: it never reads a formula.  :func:`~lcnalg.landscape.segre.segre_ed_degree` is the
independent closed formula for the Segre variety ``P^{|k_1|−1} × ⋯ × P^{|k_L|−1}``, which
for all strides > 1 is the expected value (docs/theory.md#loss-critical-points); for a
polynomial network the result also carries the Segre–Veronese value
(docs/theory.md#polynomial-critical-points).

References
----------
.. [S24] Shahverdi, *Algebraic Complexity and Neurovariety of Linear Convolutional
   Networks*, arXiv:2401.16613 (2024): the count equals the Segre value for all strides > 1, generic data.
.. [DHOST16] Draisma, Horobeţ, Ottaviani, Sturmfels, Thomas, *The Euclidean distance
   degree of an algebraic variety*, Found. Comput. Math. 16 (2016): ED degrees.
"""

from __future__ import annotations

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.landscape.critical_points import CriticalPointsResult, critical_points
from lcnalg.landscape.loss import QuadraticLoss
from lcnalg.landscape.segre import segre_dimensions, segre_ed_degree
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize

__all__ = ["ed_degree", "segre_ed_degree", "segre_dimensions", "KINDS"]

#: The kinds of quadratic form accepted by :func:`ed_degree`.
KINDS = ("generic", "identity")


def ed_degree(arch: Architecture | str, kind: str = "generic", *, seed: int = 0,
              limits: Limits | None = None) -> CriticalPointsResult:
    """The ED degree of the neurovariety of ``arch``, counted.

    Parameters
    ----------
    arch : Architecture or str
    kind : {"generic", "identity"}
        A seeded generic positive definite ``Q``, or ``Q = I``; the centre is seeded random.
    seed : int
    limits : Limits, optional

    Returns
    -------
    CriticalPointsResult
        Its :attr:`~CriticalPointsResult.function_space_critical_points` is the ED degree.

    Examples
    --------
    >>> ed_degree("2,2 s=2").function_space_critical_points
    6
    >>> ed_degree("2,2 s=2", "identity").function_space_critical_points
    2
    >>> ed_degree("2,2 s=2 r=2").function_space_critical_points
    14
    >>> ed_degree("2,2 s=2", "other")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: kind: 'other' is not one of generic, identity
    """
    arch = Architecture.coerce(arch)
    seed = checks.seed(seed)
    if not isinstance(kind, str) or kind not in KINDS:
        raise InputError(f"kind: {checks.short(kind)!r} is not one of {', '.join(KINDS)}")
    n = parameterize(arch, limits=limits).ambient_dimension  # the monomials of the output form when r >= 2
    loss = (QuadraticLoss.generic(n, seed) if kind == "generic"
            else QuadraticLoss.identity(n=n, seed=seed))
    return critical_points(arch, loss, seed=seed, limits=limits)
