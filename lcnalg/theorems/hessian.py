"""Statements about the rank of the loss Hessian H_L = H_o + H_F (docs/theory.md#hessian-rank).

The ranks are those :meth:`FunctionSpace.hessian_rank` computes at a seeded random point and seeded
random data; the predictions are the [SBH21] closed formulas (:func:`lcnalg.hessian.formulas.dense_hessian_ranks`)
and the proved block bounds, both evaluated here from the layer sizes and the data rank.
"""

from __future__ import annotations

import math

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import COUNTEREXAMPLE, HELD, UNDECIDED, Check, Theorem, certainty

__all__ = ["DenseHessianRanks", "HessianBlockBounds"]


def _widths(arch: Architecture) -> tuple[int, ...]:
    return arch.channels if arch.channels is not None else (1,) * (arch.num_layers + 1)


def _linear(arch: Architecture) -> str | None:
    if arch.activation is not None:
        return "activation r >= 2: the Hessian is computed for linear networks"
    return None


class DenseHessianRanks(Theorem):
    """[SBH21]: exact Hessian ranks of dense linear networks (L ≥ 2)."""

    name = "sbh21-dense-hessian"
    statement = ("For a dense linear network (L >= 2) with data covariance of rank r, K outputs and hidden widths "
                 "m_l, with s = min(r, K), q = min(r, K, m_1, ..., m_{L-1}): rank H_o = q(r + K - q), "
                 "rank H_F = 2q sum_l m_l + 2qs - Lq^2, rank H_L = rank H_F + rank H_o + q(q - 2s) "
                 "(each at most the number of weights).")
    latex = (r"\operatorname{rank} H_o = q(r+K-q),\ \operatorname{rank} H_F = 2q\sum_l m_l + 2qs - Lq^2,\ "
             r"\operatorname{rank} H_L = \operatorname{rank} H_F + \operatorname{rank} H_o + q(q-2s)")
    source = "[SBH21] (ranks of the outer-product and functional Hessians, and their corollary); docs/theory.md#hessian-rank"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := _linear(arch)) is not None:
            return reason
        if any(math.prod(f) != 1 for f in arch.filters):
            return "not dense: a filter with more than one entry (dense networks have filters of size 1)"
        if arch.num_layers < 2:
            return "one layer: the functional formula is for L >= 2"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.hessian.formulas import dense_hessian_ranks  # deferred: the Hessian is imported on use

        res = space.hessian_rank()
        widths = _widths(arch)
        n = res.num_parameters
        f = dense_hessian_ranks(res.data_rank, widths[-1], list(widths[1:-1]))
        predicted = {k: min(v, n) for k, v in f.items()}
        observed = {"outer": res.rank_outer, "functional": res.rank_functional, "loss": res.rank_loss}
        what = f"Hessian ranks (rank XX^T = {res.data_rank}, K = {widths[-1]})"
        if observed == predicted:
            return Check(self.name, str(arch), HELD, str(predicted), str(observed), reason=what)
        above = [k for k in observed if observed[k] > predicted[k]]
        if above:  # the rank at any point is at most the generic rank: a proved contradiction
            return Check(self.name, str(arch), COUNTEREXAMPLE, str(predicted), str(observed),
                         witness=f"{arch} (seed {seed}): {what}: rank of {', '.join(above)} at a point exceeds "
                                 "the generic rank the formula gives")
        return Check(self.name, str(arch), UNDECIDED, str(predicted), str(observed),
                     reason=f"{what}: the ranks at the random point are below the formula; the point or the data "
                            "may be special (the rank at a point is only a lower bound): rerun with another seed")


class HessianBlockBounds(Theorem):
    """Proved bounds: rank H_F ≤ Σ_l min(n_l, n − n_l), rank H_o ≤ K rank X, rank H_L ≤ rank H_o + rank H_F."""

    name = "hessian-block-bounds"
    statement = ("For a linear CNN (channels allowed) with n weights, n_l in layer l, K outputs and data X: "
                 "rank H_F <= sum_l min(n_l, n - n_l), rank H_o <= K rank X, rank H_L <= rank H_o + rank H_F.")
    latex = (r"\operatorname{rank} H_F \le \sum_l \min(n_l, n-n_l),\ \operatorname{rank} H_o \le K\operatorname{rank} X,"
             r"\ \operatorname{rank} H_L \le \operatorname{rank} H_o + \operatorname{rank} H_F")
    source = "docs/theory.md#hessian-rank (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _linear(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        res = space.hessian_rank()
        widths = _widths(arch)
        sizes = [widths[l] * widths[l + 1] * math.prod(arch.filters[l]) for l in range(arch.num_layers)]
        n = sum(sizes)
        if n != res.num_parameters:
            return Check(self.name, str(arch), COUNTEREXAMPLE, f"{n} weights", f"{res.num_parameters} weights",
                         witness=f"{arch}: hessian_rank counts {res.num_parameters} weights, the layers {sizes}")
        bound_f = sum(min(k, n - k) for k in sizes)
        bound_o = widths[-1] * res.data_rank
        violations = []
        if res.rank_functional > bound_f:
            violations.append(f"rank H_F = {res.rank_functional} > {bound_f}")
        if res.rank_outer > bound_o:
            violations.append(f"rank H_o = {res.rank_outer} > K rank X = {bound_o}")
        if res.rank_loss > res.rank_outer + res.rank_functional:
            violations.append(f"rank H_L = {res.rank_loss} > rank H_o + rank H_F")
        _, how = certainty(res)
        text = f"H_F <= {bound_f}, H_o <= {bound_o}, H_L <= H_o + H_F"
        observed = f"H_L {res.rank_loss}, H_o {res.rank_outer}, H_F {res.rank_functional}"
        if violations:
            return Check(self.name, str(arch), COUNTEREXAMPLE, text, observed,
                         witness=f"{arch} (seed {seed}): " + "; ".join(violations))
        return Check(self.name, str(arch), HELD, text, observed, reason="ranks at the point: " + how[:200])
