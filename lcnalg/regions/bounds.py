r"""Bounds on the number of linear (activation) regions of a rectifier network.

With ``n_0`` inputs and hidden layers of ``n_1, ..., n_L`` units (the last, linear layer adds
no region):

* **Hyperplane arrangement** (one hidden layer, Zaslavsky 1975): ``N`` affine hyperplanes cut
  ``R^n`` into at most ``sum_{j=0}^{n} C(N, j)`` regions, with equality exactly when they are
  in general position; the regions of one hidden layer are the regions of the arrangement of
  its ``N`` hyperplanes ``{w_i . x + b_i = 0}`` (:func:`arrangement_bound`).
* **Serra, Tjandraatmadja and Ramalingam (2018), Theorem 1**: at most
  ``sum_{(j_1..j_L) in J} prod_l C(n_l, j_l)`` regions, where
  ``J = {(j_1..j_L) : 0 <= j_l <= min(n_0, n_1 - j_1, ..., n_{l-1} - j_{l-1}, n_l)}``
  (:func:`serra_bound`; for ``L = 1`` it is the arrangement bound).  It is computed by dynamic
  programming over ``d_l = min(n_0, n_1 - j_1, ..., n_l - j_l)``, the dimension the layers
  leave available: the sum factors along the layers given ``d``.
* **The product bound** ``prod_l sum_{j=0}^{d_l} C(n_l, j)`` with ``d_l = min(n_0, ..., n_l)``
  (Montúfar 2017, which Serra et al. tighten to Theorem 1; :func:`product_bound`).
* **Montúfar, Pascanu, Cho and Bengio (2014)**, a lower bound on the *largest* number of
  regions over all weights of a dense architecture with ``n_l >= n_0``:
  ``prod_{l<L} floor(n_l / n_0)^{n_0} * sum_{j=0}^{n_0} C(n_L, j)``
  (:func:`montufar_lower_bound`).  It says what the architecture can reach, not what the given
  weights reach, and it does not apply to convolutions (their weights are shared).

Every bound is an exact integer.  The upper bounds hold for any weights (convolutions are
dense layers with constrained weights) and for any domain contained in ``R^{n_0}``.

References
----------
T. Serra, C. Tjandraatmadja, S. Ramalingam, "Bounding and Counting Linear Regions of Deep
Neural Networks", ICML 2018 (arXiv:1711.02114), Theorem 1.
G. Montúfar, "Notes on the number of linear regions of deep neural networks", 2017.
G. Montúfar, R. Pascanu, K. Cho, Y. Bengio, "On the Number of Linear Regions of Deep Neural
Networks", NeurIPS 2014.
T. Zaslavsky, "Facing up to arrangements", Mem. AMS 154 (1975).
"""

from __future__ import annotations

from math import comb
from typing import Sequence

from lcnalg.checks import integer, sequence
from lcnalg.errors import InputError

__all__ = ["arrangement_bound", "serra_bound", "product_bound", "montufar_lower_bound"]

#: Largest width or input dimension accepted by the bounds (their sums have that many terms).
MAX_WIDTH = 100_000
#: Most hidden layers accepted by the bounds.
MAX_LAYERS = 1000


def _binomial_sum(N: int, d: int) -> int:
    """``sum_{j=0}^{min(d, N)} C(N, j)``."""
    total, term = 0, 1
    for j in range(min(d, N) + 1):
        total += term
        term = term * (N - j) // (j + 1)
    return total


def _widths(input_dimension: object, widths: object) -> tuple[int, list[int]]:
    n0 = integer(input_dimension, "input_dimension", low=1, high=MAX_WIDTH + 1,
                 form=f"a positive integer up to {MAX_WIDTH}")
    items = sequence(widths, "widths", "a list of hidden-layer widths")
    if len(items) > MAX_LAYERS:
        raise InputError(f"widths: {len(items)} layers, more than the {MAX_LAYERS} accepted")
    return n0, [integer(w, f"widths[{i}]", low=1, high=MAX_WIDTH + 1, form=f"a positive integer up to {MAX_WIDTH}")
                for i, w in enumerate(items)]


def arrangement_bound(units: int, dimension: int) -> int:
    """``sum_{j=0}^{dimension} C(units, j)``: the most regions ``units`` hyperplanes cut
    ``R^dimension`` into (reached exactly in general position).

    Examples
    --------
    >>> arrangement_bound(3, 2), arrangement_bound(4, 1), arrangement_bound(2, 5)
    (7, 5, 4)
    """
    N = integer(units, "units", low=0, high=MAX_WIDTH + 1, form=f"a non-negative integer up to {MAX_WIDTH}")
    n = integer(dimension, "dimension", low=1, high=MAX_WIDTH + 1, form=f"a positive integer up to {MAX_WIDTH}")
    return _binomial_sum(N, n)


def serra_bound(input_dimension: int, widths: Sequence[int]) -> int:
    """Theorem 1 of Serra, Tjandraatmadja and Ramalingam (2018): the upper bound
    ``sum_{J} prod_l C(n_l, j_l)`` on the regions of a rectifier network with input dimension
    ``n_0`` and hidden widths ``n_1, ..., n_L`` (see the module docstring).

    Examples
    --------
    >>> serra_bound(2, [3])          # one layer: the arrangement bound
    7
    >>> serra_bound(2, [2, 2]), product_bound(2, [2, 2])
    (11, 16)
    >>> serra_bound(3, [])           # no hidden layer: one region
    1
    """
    n0, ns = _widths(input_dimension, widths)
    # states: d = min(n_0, n_1 - j_1, ..., n_l - j_l) -> sum of the products so far
    states = {n0: 1}
    for n in ns:
        nxt: dict[int, int] = {}
        for d, weight in states.items():
            for j in range(min(d, n) + 1):
                key = min(d, n - j)
                nxt[key] = nxt.get(key, 0) + weight * comb(n, j)
        states = nxt
    return sum(states.values())


def product_bound(input_dimension: int, widths: Sequence[int]) -> int:
    """``prod_l sum_{j=0}^{d_l} C(n_l, j)``, ``d_l = min(n_0, ..., n_l)`` (Montúfar 2017).

    Examples
    --------
    >>> product_bound(2, [3, 3])
    49
    """
    n0, ns = _widths(input_dimension, widths)
    total, d = 1, n0
    for n in ns:
        d = min(d, n)
        total *= _binomial_sum(n, d)
    return total


def montufar_lower_bound(input_dimension: int, widths: Sequence[int]) -> int | None:
    """Montúfar et al. (2014): some weights of a dense architecture with ``n_l >= n_0`` give at
    least ``prod_{l<L} floor(n_l/n_0)^{n_0} * sum_{j=0}^{n_0} C(n_L, j)`` regions; ``None`` when
    a hidden layer is narrower than the input (the construction needs ``n_l >= n_0``) or there
    is no hidden layer.

    Examples
    --------
    >>> montufar_lower_bound(1, [2, 2]), montufar_lower_bound(2, [4, 3]), montufar_lower_bound(3, [2])
    (6, 28, None)
    """
    n0, ns = _widths(input_dimension, widths)
    if not ns or min(ns) < n0:
        return None
    total = _binomial_sum(ns[-1], n0)
    for n in ns[:-1]:
        total *= (n // n0) ** n0
    return total
