"""Exact loss Hessians of linear networks: the outer-product and functional parts and their ranks.

Modules: :mod:`~lcnalg.hessian.layers` (layer matrices linear in the weights: dense layers and
convolution (Toeplitz) matrices with strides), :mod:`~lcnalg.hessian.loss_hessian` (the
Hessian of the squared loss over Q or modulo a prime, in the entries of the dense matrices),
:mod:`~lcnalg.hessian.convolution` (the Hessian of a CNN with channels assembled in the weights
from the shift structure, and its sketched ranks), :mod:`~lcnalg.hessian.rank` (ranks, bounds
and status), :mod:`~lcnalg.hessian.formulas` (the
closed-form ranks of dense linear networks [SBH21]), :mod:`~lcnalg.hessian.sweep` (the ranks over a
family of architectures and the fitted exponent of their growth).
"""

from lcnalg.hessian.layers import LinearLayer, dense_layer, convolution_layer, architecture_layers
from lcnalg.hessian.loss_hessian import HessianParts, loss_hessian
from lcnalg.hessian.convolution import ConvolutionLayer, StructuredHessian, convolution_hessian, convolution_layers
from lcnalg.hessian.formulas import dense_hessian_ranks
from lcnalg.hessian.rank import hessian_rank
from lcnalg.hessian.sweep import sweep_family, rank_sweep, power_law_fit, dense_hessian_entries, stored_hessian_entries

__all__ = ["LinearLayer", "dense_layer", "convolution_layer", "architecture_layers", "HessianParts",
           "loss_hessian", "ConvolutionLayer", "StructuredHessian", "convolution_hessian", "convolution_layers",
           "dense_hessian_ranks", "hessian_rank",
           "sweep_family", "rank_sweep", "power_law_fit", "dense_hessian_entries", "stored_hessian_entries"]
