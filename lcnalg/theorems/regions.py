"""Statements about the linear regions of rectifier networks (docs/theory.md#linear-regions),
indexed by seeded random dense networks with exact rational weights
(:class:`~lcnalg.theorems.cases.RegionsCase`).

The observation is always lcnalg's exact count (:func:`lcnalg.regions.linear_regions`, a
depth-first enumeration of activation patterns decided by exact linear programs); the
predictions are evaluated here from the widths alone, by other means than
:mod:`lcnalg.regions.bounds` (the binomial sums with :func:`math.comb`, Theorem 1 of [STR18]
by enumerating its index set ``J`` instead of the dynamic programme):

* :class:`ArrangementCount` (Zaslavsky): one hidden layer of ``N`` units whose hyperplanes are in
  general position cuts ``R^n`` into exactly ``Σ_{j ≤ n} C(N, j)`` regions.  General position is
  the hypothesis, checked exactly: every ``k ≤ n`` normals are independent and no ``n + 1``
  hyperplanes meet (the augmented ``(n+1) × (n+1)`` matrix ``[W_S | b_S]`` is invertible).
* :class:`SerraUpperBound`: the count never exceeds Theorem 1 of [STR18].
* :class:`ProductUpperBound`: nor the product bound ``Π_l Σ_{j ≤ d_l} C(n_l, j)``,
  ``d_l = min(n_0, …, n_l)``.

Montúfar, Pascanu, Cho and Bengio's lower bound bounds the largest count over all weights of an
architecture, so a single network cannot test it; it is not catalogued.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import flint

from lcnalg.limits import Limits
from lcnalg.theorems.base import Check
from lcnalg.theorems.cases import CaseTheorem, RegionsCase

__all__ = ["ArrangementCount", "SerraUpperBound", "ProductUpperBound", "serra_sum", "general_position"]


def serra_sum(n0: int, widths: tuple[int, ...]) -> int:
    """Theorem 1 of [STR18] by enumeration: ``Σ_{j ∈ J} Π_l C(n_l, j_l)`` over
    ``J = {0 ≤ j_l ≤ min(n_0, n_1 − j_1, …, n_{l−1} − j_{l−1}, n_l)}``.

    Examples
    --------
    >>> serra_sum(2, (3,)), serra_sum(2, (2, 2))
    (7, 11)
    """
    total = 0
    for js in itertools.product(*(range(n + 1) for n in widths)):
        cap, ok = n0, True
        for n, j in zip(widths, js):
            if j > min(cap, n):
                ok = False
                break
            cap = min(cap, n - j)
        if ok:
            total += math.prod(math.comb(n, j) for n, j in zip(widths, js))
    return total


def general_position(weights: list[list[Any]], bias: list[Any]) -> str | None:
    """``None`` when the hyperplanes ``w_i · x + b_i = 0`` are in general position in ``R^n``,
    else the subset that is not (exact ranks over Q).

    Examples
    --------
    >>> general_position([[1, 0], [0, 1], [1, 1]], [0, 0, -1]) is None
    True
    >>> general_position([[1, 0], [0, 1], [1, 1]], [0, 0, 0])
    'hyperplanes (0, 1, 2) meet in a point'
    """
    n = len(weights[0]) if weights else 0
    rows = [[flint.fmpq(v) for v in w] for w in weights]
    for k in range(1, min(len(rows), n) + 1):
        for subset in itertools.combinations(range(len(rows)), k):
            if flint.fmpq_mat([rows[i] for i in subset]).rank() < k:
                return f"normals {subset} are dependent"
    if len(rows) > n:
        for subset in itertools.combinations(range(len(rows)), n + 1):
            if flint.fmpq_mat([rows[i] + [flint.fmpq(bias[i])] for i in subset]).rank() < n + 1:
                return f"hyperplanes {subset} meet in a point"
    return None


def _count(case: RegionsCase, limits: Limits) -> tuple[int, str]:
    from lcnalg.regions import linear_regions  # deferred: the catalog listing does not need the simplex

    return linear_regions(case.network(), limits=limits).count, "exact count (certified)"


def _bias(text: str) -> flint.fmpq:
    p, q = text.split("/")
    return flint.fmpq(int(p), int(q))


class ArrangementCount(CaseTheorem):
    """Zaslavsky: ``N`` hyperplanes in general position cut ``R^n`` into ``Σ_{j ≤ n} C(N, j)`` regions."""

    name = "zaslavsky-arrangement"
    statement = ("A rectifier network with one hidden layer of N units on R^n whose hyperplanes w_i . x + b_i = 0 "
                 "are in general position has exactly sum_{j <= n} C(N, j) linear regions.")
    latex = r"\#\{\text{regions}\} = \sum_{j=0}^{n} \binom{N}{j}\quad(\text{one hidden layer, general position})"
    source = "Zaslavsky, Mem. AMS 154 (1975) (number not checked); docs/theory.md#linear-regions"
    status = "proved"
    family_kind = "regions"

    def hypotheses(self, case: RegionsCase) -> str | None:
        if len(case.widths) != 1:
            return f"{len(case.widths)} hidden layers: the statement is about one"
        layer = case.network()["layers"][0]
        reason = general_position(layer["weights"], [_bias(b) for b in layer["bias"]])
        return None if reason is None else f"the drawn weights are not in general position: {reason}"

    def predict(self, n0: int, widths: tuple[int, ...]) -> int:
        """The statement's prediction."""
        return sum(math.comb(widths[0], j) for j in range(n0 + 1))

    def compare(self, case: RegionsCase, *, seed: int, limits: Limits, space: Any) -> Check:
        predicted = self.predict(case.inputs, case.widths)
        count, how = _count(case, limits)
        check = self._verdict(case, predicted, count, how=how, what="linear regions")
        if check.witness:
            check = Check(check.theorem, check.architecture, check.outcome, check.predicted, check.observed,
                          witness=f"{check.witness}; network {case.network()}")
        return check


class SerraUpperBound(CaseTheorem):
    """[STR18], Theorem 1: the number of linear regions is at most ``Σ_J Π_l C(n_l, j_l)``."""

    name = "str18-upper-bound"
    statement = ("A rectifier network with n_0 inputs and hidden widths n_1, ..., n_L has at most "
                 "sum_{(j_1..j_L) in J} prod_l C(n_l, j_l) linear regions, "
                 "J = {0 <= j_l <= min(n_0, n_1 - j_1, ..., n_{l-1} - j_{l-1}, n_l)}.")
    latex = (r"\#\{\text{regions}\} \le \sum_{(j_1,\dots,j_L) \in J} \prod_{l} \binom{n_l}{j_l},\ "
             r"J = \{0 \le j_l \le \min(n_0, n_1 - j_1, \dots, n_{l-1} - j_{l-1}, n_l)\}")
    source = "[STR18] Serra, Tjandraatmadja and Ramalingam, ICML 2018, Theorem 1; docs/theory.md#linear-regions"
    status = "proved"
    family_kind = "regions"

    def hypotheses(self, case: RegionsCase) -> str | None:
        return None

    def predict(self, n0: int, widths: tuple[int, ...]) -> int:
        """The statement's bound."""
        return serra_sum(n0, widths)

    def compare(self, case: RegionsCase, *, seed: int, limits: Limits, space: Any) -> Check:
        bound = self.predict(case.inputs, case.widths)
        count, how = _count(case, limits)
        return self._bound(case, bound, count, how=how, what="linear regions")


class ProductUpperBound(SerraUpperBound):
    """Montúfar (2017): at most ``Π_l Σ_{j ≤ d_l} C(n_l, j)`` regions, ``d_l = min(n_0, …, n_l)``."""

    name = "product-upper-bound"
    statement = ("A rectifier network with n_0 inputs and hidden widths n_1, ..., n_L has at most "
                 "prod_l sum_{j <= d_l} C(n_l, j) linear regions, d_l = min(n_0, ..., n_l).")
    latex = r"\#\{\text{regions}\} \le \prod_{l} \sum_{j=0}^{d_l} \binom{n_l}{j},\ d_l = \min(n_0, \dots, n_l)"
    source = ("Montufar, Notes on the number of linear regions of deep neural networks (2017) (number not "
              "checked); docs/theory.md#linear-regions")

    def predict(self, n0: int, widths: tuple[int, ...]) -> int:
        """The statement's bound."""
        out, d = 1, n0
        for n in widths:
            d = min(d, n)
            out *= sum(math.comb(n, j) for j in range(d + 1))
        return out
