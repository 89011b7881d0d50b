"""[SMK25] statements on polynomial CNNs (activation t^r, r >= 2): dimension, fibre, degree.

Dimension from the rank sandwich, fibre and degree from :attr:`FunctionSpace.degree`; the
predictions are the closed formulas of docs/theory.md#monomial-activations and #polynomial-degree.
"""

from __future__ import annotations

import math

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import UNDECIDED, Check, Theorem, certainty
from lcnalg.theorems.function_space import multinomial

__all__ = ["PolynomialDimension", "PolynomialFibre", "PolynomialDegree"]


def _polynomial(arch: Architecture) -> str | None:
    if arch.channels is not None:
        return "channels (c=)"
    if arch.activation is None or arch.activation < 2:
        return "linear network: the statement is for an activation t^r, r >= 2"
    return None


class PolynomialDimension(Theorem):
    """[SMK25]: ``dim M = Σ_l |k_l| − (L − 1)`` with an activation ``t^r``, ``r ≥ 2``."""

    name = "smk25-dimension"
    statement = "With an activation t^r (r >= 2) the function space has dimension sum_l |k_l| - (L - 1)."
    latex = r"\dim M = \sum_l |k_l| - (L-1)\quad(\sigma(t) = t^r,\ r\ge 2)"
    source = "[SMK25]; docs/theory.md#monomial-activations"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _polynomial(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        predicted = sum(math.prod(f) for f in arch.filters) - (arch.num_layers - 1)
        dim = space.dimension
        sure, how = certainty(dim)
        return self._verdict(arch, predicted, dim.value, sure=sure, how=how, what="dimension")


class PolynomialFibre(Theorem):
    """[SMK25]: the parameterization is generically injective up to rescaling (``|F| = 1``)."""

    name = "smk25-fibre"
    statement = ("With an activation t^r (r >= 2) a generic fibre of the parameterization is one orbit of the "
                 "rescalings w_l -> a w_l, w_{l+1} -> a^{-r} w_{l+1}.")
    latex = r"|F| = 1\quad(\sigma(t) = t^r,\ r\ge 2)"
    source = "[SMK25]; docs/theory.md#monomial-activations"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _polynomial(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        deg = space.degree
        if deg.fibre_size is None:
            return Check(self.name, str(arch), UNDECIDED, "1", "", reason=f"fibre not counted: {deg.limitations}")
        sure, how = certainty(deg)
        return self._verdict(arch, 1, deg.fibre_size, sure=sure, how=how, what="generic fibre size")


class PolynomialDegree(Theorem):
    """``deg V · |F|`` = Segre–Veronese degree ``(Σ n_l)!/Π n_l! · Π d_l^{n_l}``, ``d_l = r^{L−l}``."""

    name = "smk25-degree"
    statement = ("With an activation t^r (r >= 2), deg V times the generic fibre size is the degree of the "
                 "Segre-Veronese variety: (sum n_l)! / prod n_l! * prod d_l^{n_l}, n_l = |k_l| - 1, d_l = r^{L-l}.")
    latex = r"\deg V\cdot|F| = \frac{(\sum_l n_l)!}{\prod_l n_l!}\prod_l d_l^{n_l},\ d_l = r^{L-l}"
    source = "[SMK25]; docs/theory.md#polynomial-degree (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _polynomial(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        L, r = arch.num_layers, arch.activation
        n = [math.prod(f) - 1 for f in arch.filters]
        predicted = multinomial(n) * math.prod((r ** (L - l)) ** n[l - 1] for l in range(1, L + 1))
        deg = space.degree
        if deg.value is None or deg.fibre_size is None:
            return Check(self.name, str(arch), UNDECIDED, str(predicted), "",
                         reason=f"degree not computed: {deg.limitations}")
        sure, how = certainty(deg)
        return self._verdict(arch, predicted, deg.value * deg.fibre_size, sure=sure, how=how,
                             what=f"deg V * |F| (deg {deg.value}, |F| {deg.fibre_size})")
