"""Statements about the critical points of the squared loss (docs/theory.md#loss, #counting-critical-points).

The counts come from :meth:`FunctionSpace.critical_points` with a seeded generic quadratic form;
the prediction of [S24] is the generic ED degree of the Segre variety evaluated by
:func:`lcnalg.landscape.segre.segre_ed_degree` (the closed Chern-class formula, which never reads a count).
"""

from __future__ import annotations

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import UNDECIDED, Check, Theorem, certainty, linear_one_channel

__all__ = ["SmoothInterior", "CriticalPointCount", "PolynomialCriticalPointCount"]


def _strided_1d(arch: Architecture) -> str | None:
    if (reason := linear_one_channel(arch)) is not None:
        return reason
    if arch.ndim != 1:
        return "D >= 2: the statement is for 1D"
    if arch.num_layers < 2 or any(s[0] < 2 for s in arch.strides[:-1]):
        return "a stride 1 between layers (or one layer): the statement needs every stride > 1"
    if not arch.is_reduced:
        return "not reduced"
    return None


class SmoothInterior(Theorem):
    """[KMST24]: reduced, all strides > 1, generic data: no critical point is mu-critical."""

    name = "kmst24-smooth-interior"
    statement = ("For a reduced 1D linear CNN with all strides > 1 and generic data, every non-zero critical "
                 "point of the squared loss is sent to the smooth interior of M (no critical point at which "
                 "the parameterization is critical).")
    latex = r"\nabla(\ell\circ\mu)(\theta) = 0,\ \mu(\theta) \ne 0 \implies \operatorname{rank} J\mu(\theta) = \dim M"
    source = "[KMST24]; docs/theory.md#loss"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _strided_1d(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        res = space.critical_points("generic")
        if res.mu_critical_points is None:
            return Check(self.name, str(arch), UNDECIDED, "0", "", reason="mu-critical points not counted")
        sure, how = certainty(res)
        return self._verdict(arch, 0, res.mu_critical_points, sure=sure, how=how,
                             what="number of mu-critical critical points (generic Q)")


class CriticalPointCount(Theorem):
    """[S24]: all strides > 1, generic data: #critical points = generic ED degree of the Segre variety."""

    name = "s24-critical-points"
    statement = ("For a 1D linear CNN with all strides > 1 and generic data, the number of complex critical "
                 "points of the squared loss (modulo rescaling) is the generic ED degree of the Segre variety "
                 "P^{k_1-1} x ... x P^{k_L-1}.")
    latex = (r"\#\operatorname{Crit}(\ell\circ\mu)/\!\sim\; = \operatorname{EDdeg}"
             r"(\mathbb{P}^{k_1-1}\times\cdots\times\mathbb{P}^{k_L-1})")
    source = "[S24], [DHOST16]; docs/theory.md#loss"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _strided_1d(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.landscape.segre import segre_ed_degree  # deferred: the landscape is imported on use

        predicted = segre_ed_degree([f[0] - 1 for f in arch.filters])
        res = space.critical_points("generic")
        if res.complex_critical_points is None:
            return Check(self.name, str(arch), UNDECIDED, str(predicted), "", reason="critical points not counted")
        sure, how = certainty(res)
        return self._verdict(arch, predicted, res.complex_critical_points, sure=sure, how=how,
                             what="number of complex critical points (generic Q)")


class PolynomialCriticalPointCount(Theorem):
    """Polynomial networks, ``ker π = 0``, generic data: #critical orbits = generic ED degree of
    the Segre–Veronese variety (docs/theory.md#polynomial-critical-points)."""

    name = "polynomial-critical-points"
    statement = ("For a one-channel CNN with activation t^r (r >= 2) whose coordinates are an injective linear "
                 "image pi of the Segre-Veronese monomials (ker pi = 0), and a generic squared loss, the number of "
                 "complex critical points with non-zero layers (modulo rescaling) is the generic ED degree of "
                 "P^{n_1} x ... x P^{n_L} embedded by O(d_1, ..., d_L), n_l = |k_l| - 1, d_l = r^{L-l}.")
    latex = (r"\ker\pi = 0 \implies \#\operatorname{Crit}(\ell\circ\mu)/\!\sim\; = \operatorname{EDdeg}"
             r"(\mathbb{P}^{n_1}\times\cdots\times\mathbb{P}^{n_L}, \mathcal{O}(d_1,\dots,d_L))")
    source = "docs/theory.md#polynomial-critical-points (proved here; [DHOST16] Thm 5.4 and 5.8)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if arch.channels is not None:
            return "channels (c=): the statement is about one channel"
        if arch.activation is None or arch.activation < 2:
            return "linear network: the statement is for an activation t^r, r >= 2 (s24-critical-points covers r = 1)"
        return None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        from lcnalg.landscape.segre import (segre_veronese_dimensions, segre_veronese_ed_degree,  # deferred: as above
                                            segre_veronese_kernel)

        kernel = segre_veronese_kernel(space.parameterization)
        if kernel:
            return Check(self.name, str(arch), "not applicable",
                         reason=f"ker pi has dimension {kernel}: mu projects the Segre-Veronese cone (the equality "
                                "is measured there, not proved)")
        dims, degrees = segre_veronese_dimensions(arch)
        predicted = segre_veronese_ed_degree(dims, degrees)
        res = space.critical_points("generic")
        if res.complex_critical_points is None:
            return Check(self.name, str(arch), UNDECIDED, str(predicted), "", reason="critical points not counted")
        sure, how = certainty(res)
        return self._verdict(arch, predicted, res.complex_critical_points, sure=sure, how=how,
                             what="number of complex critical points (generic Q)")
