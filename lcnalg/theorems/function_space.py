"""Statements about the function space of linear CNNs: dimension, filling, degree.

Each check computes the invariant with :class:`~lcnalg.FunctionSpace` (the rank sandwich for
the dimension, the generic fibre for the degree) and evaluates the statement's closed formula
from the architecture alone (docs/theory.md#dimension, #filling, #degree).
"""

from __future__ import annotations

import math

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import COUNTEREXAMPLE, HELD, UNDECIDED, Check, Theorem, certainty, linear_one_channel

__all__ = ["DimensionFormula", "FillingCriterion", "DegreeSegre", "ChannelLowRankDimension", "CyclicNoWrapAround",
           "multinomial"]


def multinomial(parts: list[int]) -> int:
    """``(Σ n_l)! / Π n_l!``.

    Examples
    --------
    >>> multinomial([1, 2])
    3
    """
    out = math.factorial(sum(parts))
    for n in parts:
        out //= math.factorial(n)
    return out


def _entries(filt: tuple[int, ...]) -> int:
    return math.prod(filt)


class DimensionFormula(Theorem):
    """``dim M = Σ_l |k_l| − (L − 1)`` for linear CNNs (1D [KMST24]; D ≥ 2 proved in docs/theory.md#dimension)."""

    name = "dimension"
    statement = "The function space of a linear CNN has dimension sum_l |k_l| - (L - 1)."
    latex = r"\dim M = \sum_{l=1}^{L} |k_l| - (L-1)"
    source = "[KMST24] (1D); docs/theory.md#dimension (D >= 2, proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return linear_one_channel(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        predicted = sum(_entries(f) for f in arch.filters) - (arch.num_layers - 1)
        dim = space.dimension
        sure, how = certainty(dim)
        return self._verdict(arch, predicted, dim.value, sure=sure, how=how, what="dimension")


class FillingCriterion(Theorem):
    """1D reduced: M fills R^k iff every stride before the last layer is 1 ([KMMT22, KMST24])."""

    name = "filling"
    statement = ("A reduced 1D linear CNN has a filling function space (dim M = k) iff every stride "
                 "before the last layer is 1.")
    latex = r"\dim M = k \iff t_{L-1} = 1 \quad (D = 1,\ \text{reduced})"
    source = "[KMMT22], [KMST24]; docs/theory.md#filling"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := linear_one_channel(arch)) is not None:
            return reason
        if arch.ndim != 1:
            return "D >= 2: the criterion is stated for 1D"
        if not arch.is_reduced:
            return "not reduced (a filter of size 1 or a stride the next layer cannot see)"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        predicted = arch.cumulative_strides[-1][0] == 1
        fs = space
        dim = fs.dimension
        sure, how = certainty(dim)
        return self._verdict(arch, predicted, dim.value == fs.ambient_dimension, sure=sure, how=how,
                             what=f"filling (dim {dim.value} of k = {fs.ambient_dimension})")


class DegreeSegre(Theorem):
    """``deg V · |F| = (Σ n_l)! / Π n_l!``, the Segre degree (docs/theory.md#degree)."""

    name = "degree"
    statement = ("The degree of the neurovariety of a linear CNN times the size of a generic fibre "
                 "(modulo rescaling) is the degree of the Segre variety P^{n_1} x ... x P^{n_L}, n_l = |k_l| - 1.")
    latex = r"\deg V \cdot |F| = \frac{(\sum_l n_l)!}{\prod_l n_l!},\quad n_l = |k_l| - 1"
    source = "docs/theory.md#degree (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return linear_one_channel(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        predicted = multinomial([_entries(f) - 1 for f in arch.filters])
        deg = space.degree
        if deg.value is None or deg.fibre_size is None:
            return Check(self.name, str(arch), "undecided", str(predicted), "",
                         reason=f"degree or fibre not computed: {deg.limitations}")
        sure, how = certainty(deg)
        return self._verdict(arch, predicted, deg.value * deg.fibre_size, sure=sure, how=how,
                             what=f"deg V * |F| (deg {deg.value}, |F| {deg.fibre_size})")


class ChannelLowRankDimension(Theorem):
    """Channels, a first filter covering the input, then filters of size 1: the function space is
    the ``c_L × c_0 k_1`` matrices of rank at most ``r``, of dimension ``r(m + n − r)``."""

    name = "channel-low-rank-dimension"
    statement = ("A linear 1D network with channels c_0, ..., c_L whose first filter (size k_1) covers the input "
                 "and whose other filters have size 1 computes W_L ... W_1: its function space is the "
                 "c_L x c_0 k_1 matrices of rank at most r = min(c_0 k_1, c_1, ..., c_L), of dimension r(m + n - r) "
                 "with m = c_L, n = c_0 k_1.")
    latex = r"\dim M = r(m + n - r),\ r = \min(c_0 k_1, c_1, \dots, c_L),\ m = c_L,\ n = c_0 k_1"
    source = "docs/theory.md#hessian-rank (Dimension with channels; determinantal varieties, proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if arch.channels is None:
            return "one channel: the statement is about channels (c=)"
        if arch.activation is not None:
            return f"activation r={arch.activation}: the statement is about linear networks"
        if arch.ndim != 1:
            return "D >= 2: the statement is stated for 1D"
        if any(_entries(f) != 1 for f in arch.filters[1:]):
            return "a filter after the first has size > 1"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        c = list(arch.channels)
        n, m = c[0] * _entries(arch.filters[0]), c[-1]
        r = min([n] + c[1:])
        predicted = r * (m + n - r)
        dim = space.dimension
        sure, how = certainty(dim)
        return self._verdict(arch, predicted, dim.value, sure=sure, how=how, what="dimension")


class CyclicNoWrapAround(Theorem):
    """A circular network without wrap-around has the function space of the ordinary one
    (docs/theory.md#group-convolutional-networks)."""

    name = "cyclic-no-wrap-around"
    statement = ("For a 1D linear CNN with filter sizes k_l and strides s_l, the circular network over "
                 "C_n (filters in R[z]/(z^n - 1)) with n > K = sum_l S_l (k_l - 1) has the same function space: "
                 "the product is never reduced, so the dimension, the equations and membership are those of "
                 "the ordinary network.")
    latex = (r"n > K = \textstyle\sum_l S_l (k_l - 1) \implies \mathcal{M}_{C_n} = \mathcal{M} \subseteq "
             r"\mathbb{R}^{K+1} \subseteq \mathbb{R}[z]/(z^n - 1)")
    source = "docs/theory.md#group-convolutional-networks (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := linear_one_channel(arch)) is not None:
            return reason
        if arch.ndim != 1:
            return "circular (cyclic-group) networks are 1D"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.groups.group_networks import group_convolution  # deferred: the groups stack is not needed elsewhere

        n = arch.end_to_end_filter_shape[0] + seed % 3        # K + 1, K + 2 or K + 3 points
        strides = ",".join(str(s[0]) for s in arch.strides[:-1])
        spec = f"C{n}: " + ",".join(str(f[0]) for f in arch.filters) + (f" s={strides}" if strides else "")
        circ = group_convolution(spec, seed=seed, limits=limits)
        dim = space.dimension
        if not (circ.dimension.certified and dim.certified):
            return Check(self.name, str(arch), UNDECIDED, str(dim.value), str(circ.dimension.value),
                         reason="a dimension is not certified")
        if circ.dimension.value != dim.value or circ.wraps_around:
            return Check(self.name, str(arch), COUNTEREXAMPLE, str(dim.value), str(circ.dimension.value),
                         witness=f"{spec}: dimension {circ.dimension.value} (wraps around: {circ.wraps_around}), "
                                 f"the ordinary network {dim.value}")
        return Check(self.name, str(arch), HELD, str(dim.value), str(circ.dimension.value),
                     reason=f"{spec} against {arch}: certified dimensions, no wrap-around")
