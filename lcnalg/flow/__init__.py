"""Gradient flow of ``ℓ∘μ``: conserved quantities, the metric ``K = Jμ Jμᵀ`` and trajectories.

Modules: :mod:`~lcnalg.flow.lie` (the Lie algebra of the gradient fields),
:mod:`~lcnalg.flow.invariants` (the conserved quantities and their number),
:mod:`~lcnalg.flow.metric` (``K`` and whether ``(w, δ)`` determines it),
:mod:`~lcnalg.flow.trajectory` (integrating the flow; needs scipy, imported when a flow runs).
"""

from lcnalg.flow.invariants import conserved_quantities, invariants
from lcnalg.flow.lie import lie_algebra_rank
from lcnalg.flow.metric import metric, metric_tensor
from lcnalg.flow.trajectory import FlowLoss, flow

__all__ = ["conserved_quantities", "invariants", "lie_algebra_rank", "metric", "metric_tensor", "FlowLoss", "flow"]
