"""Statements about gradient flow: the conserved quantities δ_l and the metric K = Jμ Jμᵀ
(docs/theory.md#euler-identity, #conserved-quantities-monomial, #gradient-flow, #metric-fibre).

The conserved quantities are compared as polynomials: the statement's δ_l = r‖w_{l+1}‖² − ‖w_l‖²
is built from the weight names and subtracted from what :func:`lcnalg.flow.invariants` verified
(exact identities in Z[w]); the metric statements read :func:`lcnalg.flow.metric`'s exact
comparison of K at pairs of points with equal (w, δ).
"""

from __future__ import annotations

from lcnalg.architecture import Architecture
from lcnalg.function_space import FunctionSpace
from lcnalg.limits import Limits
from lcnalg.theorems.base import COUNTEREXAMPLE, HELD, NOT_APPLICABLE, UNDECIDED, Check, Theorem, certainty

__all__ = ["ConservedQuantities", "ConservedQuantitiesComplete", "MetricLocal", "MetricFibre"]


def _one_channel(arch: Architecture) -> str | None:
    return "channels (c=): the flow is computed for one channel" if arch.channels is not None else None


class ConservedQuantities(Theorem):
    """δ_l = r‖w_{l+1}‖² − ‖w_l‖² are conserved by every gradient flow of ℓ∘μ, independently."""

    name = "conserved-quantities"
    statement = ("For every loss, the L - 1 quantities delta_l = r ||w_{l+1}||^2 - ||w_l||^2 (r = 1 for linear "
                 "networks) are conserved by the gradient flow of l o mu, and they are independent.")
    latex = r"\delta_l = r\,\|w_{l+1}\|^2 - \|w_l\|^2,\ \tfrac{d}{dt}\delta_l = 0,\ l = 1,\dots,L-1"
    source = "[KMMT22]; docs/theory.md#euler-identity and #conserved-quantities-monomial (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := _one_channel(arch)) is not None:
            return reason
        return "one layer: no delta_l" if arch.num_layers < 2 else None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        import sympy  # deferred: only this comparison needs symbolic polynomials

        fs = space
        mu = fs.parameterization
        r = arch.activation or 1
        layers = [[sympy.Symbol(n) for n in mu.parameter_names[a:b]] for a, b in mu.layer_slices]
        norm = [sum(w ** 2 for w in layer) for layer in layers]
        predicted = [sympy.expand(r * norm[l + 1] - norm[l]) for l in range(arch.num_layers - 1)]
        res = fs.invariants()
        found = [sympy.expand(sympy.sympify(t)) for t in res.invariants]
        if not (res.euler_identities and res.orthogonality):
            return Check(self.name, str(arch), COUNTEREXAMPLE, "conserved", "not conserved",
                         witness=f"{arch}: Euler identities {res.euler_identities}, orthogonality "
                                 f"{res.orthogonality} (exact identities in Z[w])")
        missing = [p for p in predicted if not any(sympy.expand(p - f) == 0 for f in found)]
        if missing:
            return Check(self.name, str(arch), COUNTEREXAMPLE, "; ".join(map(str, predicted)),
                         "; ".join(map(str, found)),
                         witness=f"{arch}: {missing[0]} is not among the verified conserved quantities {found}")
        if res.lower < arch.num_layers - 1:
            return Check(self.name, str(arch), COUNTEREXAMPLE, str(arch.num_layers - 1), str(res.lower),
                         witness=f"{arch}: gradients of delta have rank {res.lower} < L - 1")
        return Check(self.name, str(arch), HELD, "; ".join(map(str, predicted)), "; ".join(map(str, found)),
                     reason="exact identities in Z[w] and an exact rank")


class ConservedQuantitiesComplete(Theorem):
    """No further conserved quantity: exactly L − 1 independent ones (conjectural in general)."""

    name = "conserved-quantities-complete"
    statement = ("The gradient flows of l o mu for all losses have no conserved quantity independent of the "
                 "delta_l: exactly L - 1 independent ones.")
    latex = r"\#\{\text{independent conserved quantities}\} = L - 1"
    source = "[MGP23] (method); docs/theory.md#gradient-flow and #conserved-quantities-monomial"
    status = "open"
    note = "conjectural in general; proved per architecture when the Lie-algebra rank meets N - (L - 1)"

    def hypotheses(self, arch: Architecture) -> str | None:
        return _one_channel(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        res = space.invariants()
        predicted = arch.num_layers - 1
        if res.num_independent is None:
            if res.upper < predicted or res.lower > predicted:
                return Check(self.name, str(arch), COUNTEREXAMPLE, str(predicted),
                             f"between {res.lower} and {res.upper}",
                             witness=f"{arch}: proved bounds {res.lower}..{res.upper} exclude L - 1 = {predicted}")
            return Check(self.name, str(arch), UNDECIDED, str(predicted), f"between {res.lower} and {res.upper}",
                         reason=f"Lie-algebra rank up to depth {res.lie_depth} leaves {res.lower}..{res.upper}")
        sure, how = certainty(res)
        return self._verdict(arch, predicted, res.num_independent, sure=sure, how=how,
                             what="number of independent conserved quantities")


def _metric_setting(arch: Architecture) -> str | None:
    if (reason := _one_channel(arch)) is not None:
        return reason
    if arch.activation is not None:
        return "activation r >= 2: [AKR25] is about linear networks"
    if arch.num_layers < 2:
        return "one layer"
    if arch.ndim == 1 and any(s[0] < 2 for s in arch.strides[:-1]):
        return "1D with a stride 1: outside the setting of [AKR25] (D >= 2, or D = 1 with all strides > 1)"
    return None


class MetricLocal(Theorem):
    """[AKR25], qualified: K = Jμ Jμᵀ is a function of (w, δ) locally (D ≥ 2, or 1D with all strides > 1)."""

    name = "akr25-metric"
    statement = ("For D >= 2, and for D = 1 when all strides are > 1, the parameter gradient flow induces a "
                 "Riemannian gradient flow w' = -K grad l(w) on function space, K = J J^T determined by w and "
                 "delta locally along a level set of delta (not globally).")
    latex = r"K = J\mu\,J\mu^{\mathsf T} = K(w, \delta)\ \text{locally}"
    source = "[AKR25] (abstract); docs/theory.md#gradient-flow"
    status = "qualified"
    note = ("the global form fails (e.g. 2x2,2x2: swapping equal layers); lcnalg checks the local form, "
            "the exact rank of the Jacobian of (mu, delta)")

    def hypotheses(self, arch: Architecture) -> str | None:
        return _metric_setting(arch)

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        res = space.metric()
        if res.locally_determined:
            return Check(self.name, str(arch), HELD, "locally determined", "locally determined",
                         reason=f"exact Jacobian rank {res.jacobian_rank} of (mu, delta), N = {res.num_parameters}")
        return Check(self.name, str(arch), COUNTEREXAMPLE, "locally determined", "not locally determined",
                     witness=f"{arch}: exact rank of the Jacobian of (mu, delta) is {res.jacobian_rank} < "
                             f"N = {res.num_parameters} at a random integer point (seed {seed})")


class MetricFibre(Theorem):
    """``|F| = 1`` ⇒ ``K`` is a function of ``(w, δ)`` at generic ``w`` (docs/theory.md#metric-fibre)."""

    name = "metric-fibre"
    statement = ("If a generic fibre of mu is one rescaling orbit (|F| = 1), the metric K = J J^T is a function "
                 "of (w, delta) at generic w: there is no generic pair with equal (w, delta) and different K.")
    latex = r"|F| = 1 \implies K(\theta) = K(\theta')\ \text{whenever}\ (\mu, \delta)(\theta) = (\mu, \delta)(\theta'),\ \mu(\theta)\ \text{generic}"
    source = "docs/theory.md#metric-fibre (proved here)"
    status = "proved"

    def hypotheses(self, arch: Architecture) -> str | None:
        if (reason := _one_channel(arch)) is not None:
            return reason
        return "one layer" if arch.num_layers < 2 else None

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: FunctionSpace) -> Check:
        fs = space
        deg = fs.degree
        if deg.fibre_size is None:
            return Check(self.name, str(arch), UNDECIDED, reason=f"fibre not counted: {deg.limitations}")
        sure, how = certainty(deg)
        if deg.fibre_size != 1:
            return Check(self.name, str(arch), NOT_APPLICABLE,
                         reason=f"generic fibre of {deg.fibre_size} points ({how}): the hypothesis |F| = 1 fails")
        res = fs.metric()
        pair = res.counterexample
        if pair is None:
            return Check(self.name, str(arch), HELD, "no generic pair", "no generic pair",
                         reason=f"|F| = 1 ({how}); metric: {res.provenance()}"[:300])
        return Check(self.name, str(arch), COUNTEREXAMPLE if sure else UNDECIDED, "no generic pair",
                     f"generic pair: {pair.description}",
                     witness=f"{arch}: points {', '.join(pair.point)} and {', '.join(pair.other_base)} "
                             f"({pair.description}; exact {pair.exact}) have equal w and delta and different K, "
                             f"although |F| = 1 ({how})",
                     reason="" if sure else f"|F| = 1 is not certified: {how}")
