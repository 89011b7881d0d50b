"""Closed-form Hessian ranks of dense linear networks without bias [SBH21].

For ``ℓ(θ) = ‖W_L ⋯ W_1 X − Y‖²`` with data covariance ``X Xᵀ`` of rank ``r``, ``K`` outputs
and hidden widths ``m_1, …, m_{L−1}``, put ``s = min(r, K)`` and
``q = min(r, K, m_1, …, m_{L−1})``.  [SBH21] (Theorems on the outer-product and functional
Hessian ranks, and their corollary for the loss Hessian) state, at generic weights,

* ``rank H_o = q (r + K − q)``,
* ``rank H_F = 2 q Σ_l m_l + 2 q s − L q²``,
* ``rank H_L = rank H_F + rank H_o + q (q − 2 s)``.

These are the paper's statements, for ``L ≥ 2``.  With one layer (``L = 1``) the loss is
quadratic and ``H_F = 0``, while the functional formula gives ``s²``; the formulas for
``H_o`` and ``H_L`` still hold there (the tests check both).  The ranks are generic: a point
with a zero weight in a width-1 layer, for instance, has smaller ranks.  lcnalg computes the ranks exactly
(:func:`lcnalg.hessian.loss_hessian`) and the tests compare both.
"""

from __future__ import annotations

from typing import Sequence

from lcnalg import checks

__all__ = ["dense_hessian_ranks"]


def dense_hessian_ranks(r: int, K: int, hidden: Sequence[int]) -> dict[str, int]:
    """The [SBH21] ranks of the loss Hessian of a dense linear network.

    Parameters
    ----------
    r : int
        Rank of the data covariance ``X Xᵀ`` (at least 1).
    K : int
        Number of outputs (at least 1).
    hidden : sequence of int
        Hidden widths ``m_1, …, m_{L−1}`` (empty for one layer).

    Returns
    -------
    dict
        ``{"outer": rank H_o, "functional": rank H_F, "loss": rank H_L}``.

    Raises
    ------
    InputError
        If a size is not a positive integer.

    Examples
    --------
    >>> dense_hessian_ranks(3, 2, [4])
    {'outer': 6, 'functional': 16, 'loss': 18}

    References
    ----------
    .. [SBH21] S. P. Singh, G. Bachmann, T. Hofmann, *Analytic Insights into Structure and Rank
       of Neural Network Hessian Maps*, NeurIPS 2021, arXiv:2106.16225 (rank of the outer-product
       Hessian, rank of the functional Hessian, and the resulting rank of the loss Hessian).
    """
    r = checks.integer(r, "r", low=1, form="a positive integer")
    K = checks.integer(K, "K", low=1, form="a positive integer")
    hidden = [checks.integer(m, "hidden", low=1, form="positive integers")
              for m in checks.sequence(hidden, "hidden", "a sequence of positive integers")]
    L = len(hidden) + 1
    s = min(r, K)
    q = min([r, K, *hidden])
    outer = q * (r + K - q)
    functional = 2 * q * sum(hidden) + 2 * q * s - L * q * q
    return {"outer": outer, "functional": functional, "loss": functional + outer + q * (q - 2 * s)}
