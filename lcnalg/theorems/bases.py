"""Statements about function spaces with filters in a fixed basis
(docs/theory.md#filters-in-a-fixed-basis), indexed by an architecture with a basis
(:class:`~lcnalg.theorems.cases.BasisCase`).

* :class:`IdentityBasis`: with the identity basis the restricted function space is the
  unrestricted one: same dimension, and the equations of each (complete up to degree 2) vanish
  on the other.  The restricted side is computed by :mod:`lcnalg.algebra.basis` on
  :class:`~lcnalg.basis_parameterization.BasisParameterization`, the unrestricted side by the
  ordinary engine on :class:`~lcnalg.parameterization.Parameterization`; each equation is
  tested by exact substitution into the other parameterization.
* :class:`BasisDimensionBound`: ``dim M_B ≤ min(Σ_l r_l − (L − 1), #non-zero coordinates)``.
  The bound is evaluated here from the basis' ranks and the coordinates; the observation is the
  exact rank over Q of ``J μ_B`` at a seeded random integer point, a lower bound on the generic
  rank ``dim M_B``: a rank above the bound refutes the statement.
"""

from __future__ import annotations

import random
from typing import Any

from lcnalg.limits import Limits
from lcnalg.theorems.base import UNDECIDED, Check
from lcnalg.theorems.cases import BasisCase, CaseTheorem

__all__ = ["IdentityBasis", "BasisDimensionBound"]

#: Highest degree of the equations compared by :class:`IdentityBasis`.
DEGREE = 2


def _mu(case: BasisCase, limits: Limits) -> Any:
    from lcnalg.basis_parameterization import BasisParameterization  # deferred: the listing does not need it

    return BasisParameterization(case.architecture, case.filter_basis(), limits=limits)


class IdentityBasis(CaseTheorem):
    """The identity basis gives the unrestricted function space (dimension and ideal)."""

    name = "basis-identity"
    statement = ("With every filter in the identity basis (B_l = I), the restricted function space is the "
                 "unrestricted one: the same dimension and the same vanishing ideal (compared up to degree 2).")
    latex = r"B_l = I\ \forall l \implies \dim M_B = \dim M,\ I(M_B)_{\le 2} = I(M)_{\le 2}"
    source = "docs/theory.md#filters-in-a-fixed-basis (proved here; construction of DCFNet, [QCCS18])"
    status = "proved"
    family_kind = "bases"

    def hypotheses(self, case: BasisCase) -> str | None:
        return None if case.basis == "identity" else f"basis {case.basis}: the statement is about the identity basis"

    def compare(self, case: BasisCase, *, seed: int, limits: Limits, space: Any) -> Check:
        from lcnalg.algebra.basis import basis_equations  # deferred: the algebra engine is imported on use
        from lcnalg.algebra.certify import verify_equations  # deferred: as above
        from lcnalg.algebra.dimension import function_space_dimension  # deferred: as above
        from lcnalg.algebra.implicitization import implicit_equations  # deferred: as above

        mu_b = _mu(case, limits)
        mu = mu_b.unrestricted
        k = mu.ambient_dimension  # a basis mixes positions: one graded piece holds every quadric
        limits.check("max_piece", "monomials of degree 2 in the coordinates (one graded piece of the "
                                  "interpolation with filters in a basis)", k * (k + 1) // 2)
        dim_b, dim = function_space_dimension(mu_b, seed=seed, limits=limits), \
            function_space_dimension(mu, seed=seed, limits=limits)
        eq_b = basis_equations(mu_b, max_degree=DEGREE, seed=seed, limits=limits, certify=False)
        eq = implicit_equations(mu, max_degree=DEGREE, seed=seed, certify=False, progress=False, limits=limits)
        outside = verify_equations(mu, list(eq_b.polynomials)).count(False)
        missing = verify_equations(mu_b, list(eq.polynomials)).count(False)
        predicted = f"dim {dim.value}, 0 equations of M_B outside I(M), 0 equations of M not vanishing on M_B"
        observed = (f"dim {dim_b.value}, {outside} of {len(eq_b.polynomials)} equations of M_B outside I(M), "
                    f"{missing} of {len(eq.polynomials)} equations of M not vanishing on M_B")
        if not (dim_b.certified and dim.certified):
            return Check(self.name, str(case), UNDECIDED, predicted, observed,
                         reason="a dimension is not certified (its rank sandwich is open)")
        if dim_b.value == dim.value and outside == missing == 0:
            return Check(self.name, str(case), "held", predicted, observed,
                         reason=f"certified dimensions; equations complete up to degree {DEGREE}, exact substitution")
        return Check(self.name, str(case), "counterexample", predicted, observed, witness=f"{case}: {observed}")


class BasisDimensionBound(CaseTheorem):
    """``dim M_B ≤ min(Σ_l r_l − (L − 1), #non-zero coordinates)``."""

    name = "basis-dimension-bound"
    statement = ("With filters w_l = B_l a_l in bases of ranks r_l, the function space has dimension at most "
                 "min(sum_l r_l - (L - 1), number of coordinates that are not identically zero).")
    latex = r"\dim M_B \le \min\Big(\sum_{l=1}^{L} r_l - (L-1),\ \#\{i : \mu_{B,i} \not\equiv 0\}\Big)"
    source = "docs/theory.md#filters-in-a-fixed-basis (proved here)"
    status = "proved"
    family_kind = "bases"

    def hypotheses(self, case: BasisCase) -> str | None:
        return None

    def predict(self, ranks: tuple[int, ...], nonzero: int) -> int:
        """The statement's bound."""
        return min(sum(ranks) - (len(ranks) - 1), nonzero)

    def compare(self, case: BasisCase, *, seed: int, limits: Limits, space: Any) -> Check:
        mu = _mu(case, limits)
        limits.check("max_jacobian_entries", "entries of the Jacobian of the restricted parameterization",
                      mu.ambient_dimension * mu.num_parameters)
        nonzero = sum(1 for c in mu.coordinates if c != 0)
        bound = self.predict(case.filter_basis().ranks, nonzero)
        rng = random.Random(seed)
        point = [rng.randint(-1000, 1000) for _ in range(mu.num_parameters)]
        rank = mu.jacobian_at(point).rank()
        return self._bound(case, bound, rank, what=f"exact rank of J mu_B at {point} (a lower bound on dim M_B)",
                           how="exact rank over Q at a seeded integer point")
