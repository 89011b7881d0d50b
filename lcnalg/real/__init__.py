"""Real geometry of function spaces: membership with a witness, inequalities, boundary, closedness.

Every route answers with a :class:`~lcnalg.real.decision.Decision` (the leaf
:mod:`lcnalg.real.decision`, with the one text format of exact numbers and balls).  The
generic exact algebra the routes use (real-root counting, Sturm–Habicht sequences, certified
root isolation; Newton polygons and absolute factorization) is in :mod:`lcnalg.polys`.

* :mod:`lcnalg.real.membership` — :func:`contains`, a dispatcher over the routes: 1D
  :mod:`lcnalg.real.membership_1d`; 2D :mod:`lcnalg.real.planar` (contents
  :mod:`lcnalg.real.contents`, groupings over Q and R :mod:`lcnalg.real.planar_real`, one
  search :mod:`lcnalg.real.grouping`); coordinate copies :mod:`lcnalg.real.embedding`.
* :mod:`lcnalg.real.inequalities` — :func:`inequalities` (1D stride one; closed spaces through
  their equations; 1D with only the last stride > 1 through :mod:`lcnalg.real.polyphase`; 2D stride
  one through the factorization patterns of :mod:`lcnalg.real.patterns`, with a strided layer the
  reduction to groupings of the real irreducible factors, decided by the polyphase gcd of
  :mod:`lcnalg.real.polyphase_2d` when layer 1 is the only layer at stride one, otherwise by the blocks
  of :mod:`lcnalg.real.polyphase_head_2d`, level by level; ``V(R)`` at a point by the complex analogue of each
  description, in 2D with strides by the absolute factors level by level).
* :mod:`lcnalg.real.boundary` — :func:`boundary`; both share :mod:`lcnalg.real.description`; the
  boundary relative to ``V(R)``: :mod:`lcnalg.real.orbit_description` (1D),
  :mod:`lcnalg.real.pattern_boundary` (2D stride one), :mod:`lcnalg.real.polyphase_boundary_2d` (2D, layer 1
  the only layer at stride one); the relative boundary and the shared-root
  images as unions of root-orbit type strata, compared exactly: :mod:`lcnalg.real.type_strata` (1D).
* :mod:`lcnalg.real.closedness` — :func:`is_zariski_closed` (1D root-orbit tilings
  :mod:`lcnalg.real.orbit_tilings`; 2D unique factorization and witness searches).

Examples
--------
>>> from lcnalg.real import contains
>>> contains("2,2", [1, 0, 1]).contained
False
"""

from lcnalg.real.closedness import ClosednessResult, is_zariski_closed
from lcnalg.real.boundary import BoundaryResult, boundary
from lcnalg.real.inequalities import InequalitiesResult, inequalities
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
