"""Exact loss Hessians of linear networks: the outer-product and functional parts and their ranks.

Modules: :mod:`~lcnalg.hessian.layers` (layer matrices linear in the weights: dense layers and
convolution (Toeplitz) matrices with strides), :mod:`~lcnalg.hessian.loss_hessian` (the
Hessian of the squared loss over Q or modulo a prime), :mod:`~lcnalg.hessian.formulas` (the
closed-form ranks of dense linear networks [SBH21]), :mod:`~lcnalg.hessian.sweep` (the ranks over a
family of architectures and the fitted exponent of their growth).
"""

from lcnalg.hessian.layers import LinearLayer, dense_layer, convolution_layer, architecture_layers
from lcnalg.hessian.loss_hessian import HessianParts, loss_hessian
from lcnalg.hessian.formulas import dense_hessian_ranks
from lcnalg.hessian.rank import hessian_rank
from lcnalg.hessian.sweep import sweep_family, rank_sweep, power_law_fit, dense_hessian_entries

__all__ = ["LinearLayer", "dense_layer", "convolution_layer", "architecture_layers", "HessianParts",
           "loss_hessian", "dense_hessian_ranks", "hessian_rank",
           "sweep_family", "rank_sweep", "power_law_fit", "dense_hessian_entries"]
