"""The loss landscape of convolutional networks: data, the squared loss on function space, its
critical points counted exactly, ED degrees (linear networks, and polynomial networks with the
activation ``t^r``: docs/theory.md#polynomial-critical-points), and what gradient descent finds
for linear networks (docs/theory.md#loss-landscape).

Modules: :mod:`~lcnalg.landscape.data` (:class:`Dataset`), :mod:`~lcnalg.landscape.loss`
(:class:`QuadraticLoss`), :mod:`~lcnalg.landscape.segre` (the Segre and Segre–Veronese ED degree formulas),
:mod:`~lcnalg.landscape.critical_points` (the count), :mod:`~lcnalg.landscape.ed_degree` and
:mod:`~lcnalg.landscape.descent` (gradient descent in float64 from seeded initialisations, the
drift of the conserved quantities, where runs end).
"""

from lcnalg.landscape.critical_points import critical_points
from lcnalg.landscape.data import Dataset
from lcnalg.landscape.descent import gradient_descent
from lcnalg.landscape.ed_degree import ed_degree
from lcnalg.landscape.loss import QuadraticLoss
from lcnalg.landscape.segre import segre_ed_degree

__all__ = ["Dataset", "QuadraticLoss", "critical_points", "ed_degree", "gradient_descent", "segre_ed_degree"]
