"""The loss landscape of linear convolutional networks: data, the squared loss on function
space, its critical points counted exactly, and ED degrees (docs/theory.md#loss-landscape).

Modules: :mod:`~lcnalg.landscape.data` (:class:`Dataset`), :mod:`~lcnalg.landscape.loss`
(:class:`QuadraticLoss`), :mod:`~lcnalg.landscape.segre` (the Segre ED degree formula),
:mod:`~lcnalg.landscape.critical_points` (the count) and :mod:`~lcnalg.landscape.ed_degree`.
"""

from lcnalg.landscape.critical_points import critical_points
from lcnalg.landscape.data import Dataset
from lcnalg.landscape.ed_degree import ed_degree
from lcnalg.landscape.loss import QuadraticLoss
from lcnalg.landscape.segre import segre_ed_degree

__all__ = ["Dataset", "QuadraticLoss", "critical_points", "ed_degree", "segre_ed_degree"]
