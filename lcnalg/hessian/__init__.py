"""Exact loss Hessians of linear networks: the outer-product and functional parts and their ranks.

Modules: :mod:`~lcnalg.hessian.layers` (layer matrices linear in the weights: dense layers and
convolution (Toeplitz) matrices with strides), :mod:`~lcnalg.hessian.loss_hessian` (the
Hessian of the squared loss over Q or modulo a prime), :mod:`~lcnalg.hessian.formulas` (the
closed-form ranks of dense linear networks [SBH21]).
"""

from lcnalg.hessian.layers import LinearLayer, dense_layer, convolution_layer, architecture_layers
from lcnalg.hessian.loss_hessian import HessianParts, loss_hessian
from lcnalg.hessian.formulas import dense_hessian_ranks
from lcnalg.hessian.rank import hessian_rank

__all__ = ["LinearLayer", "dense_layer", "convolution_layer", "architecture_layers", "HessianParts",
           "loss_hessian", "dense_hessian_ranks", "hessian_rank"]
