"""Linear regions of rectifier (ReLU) networks with exact rational weights.

:mod:`~lcnalg.regions.network` reads a network of convolutional and dense layers,
:mod:`~lcnalg.regions.lp` decides exactly whether strict linear inequalities have an interior
point (a simplex method over the rationals), :mod:`~lcnalg.regions.count` counts the regions by
enumerating activation patterns, and :mod:`~lcnalg.regions.bounds` gives the bounds of the
literature (Zaslavsky; Serra, Tjandraatmadja and Ramalingam; Montúfar et al.).
"""

from lcnalg.regions.bounds import arrangement_bound, montufar_lower_bound, product_bound, serra_bound
from lcnalg.regions.count import linear_regions, read_box, read_network
from lcnalg.regions.lp import interior_point
from lcnalg.regions.network import Network

__all__ = ["linear_regions", "read_network", "read_box", "interior_point", "arrangement_bound", "serra_bound",
           "product_bound", "montufar_lower_bound", "Network"]
