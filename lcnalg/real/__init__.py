"""Real geometry of function spaces: membership with a witness, inequalities, boundary, closedness.

* :mod:`lcnalg.real.roots` — exact real-root counting (Sturm, Sturm–Habicht) and certified
  root isolation / orbit grouping (FLINT, Arb).
* :mod:`lcnalg.real.membership` — :func:`contains` (1D exact; 2D via :mod:`lcnalg.real.planar`,
  :mod:`lcnalg.real.planar_real` and the absolute factorization :mod:`lcnalg.real.absolute`).
* :mod:`lcnalg.real.inequalities` — :func:`inequalities`, :func:`boundary` (1D stride one;
  closed spaces through their equations; 1D with only the last stride > 1 through
  :mod:`lcnalg.real.polyphase`).
* :mod:`lcnalg.real.closedness` — :func:`is_zariski_closed` (1D root-orbit tilings
  :mod:`lcnalg.real.orbit_tilings`; 2D unique factorization and witness searches).

Examples
--------
>>> from lcnalg.real import contains
>>> contains("2,2", [1, 0, 1]).contained
False
"""

from lcnalg.real.closedness import ClosednessResult, is_zariski_closed
from lcnalg.real.inequalities import BoundaryResult, InequalitiesResult, boundary, inequalities
from lcnalg.real.membership import ContainmentResult, contains

__all__ = [
    "BoundaryResult",
    "ClosednessResult",
    "ContainmentResult",
    "InequalitiesResult",
    "boundary",
    "contains",
    "inequalities",
    "is_zariski_closed",
]
