"""Singularities and strata of function spaces (docs/theory.md#stratification).

* :mod:`~lcnalg.singularities.critical` -- the critical locus of the parameterization μ.
* :mod:`~lcnalg.singularities.singular_locus` -- the singular locus of the neurovariety, by an
  ordered table of routes (the toric route, the birational route in parameter space, the
  sandwich of certified families and linear sections, the minors); a route is chosen with
  ``singular_locus(..., method=...)``.  The steps of the routes (``toric_singular_locus``,
  ``candidate_families``, ``certify_family``, ``section_upper_bound``, ``exchange_families``,
  ``certify_exchange``, ``certify_critical_family``, ``image_dimension``) take the algorithm's internal objects (a symbolic Jacobian, a
  filter family) and are not part of the public interface; they stay importable from
  :mod:`lcnalg.singularities.singular_locus` for tests.
* :mod:`~lcnalg.singularities.strata` -- the stratification (networkx DiGraph) and its exports.

Every function takes what it needs (``dimension=``, ``equations=``, ``limits=``, ``seed=``)
and computes what it is not given from the lower layers.
"""

from lcnalg.singularities.critical import (CriticalLocusResult, critical_locus, is_critical,
                                           shares_hyperroot)
from lcnalg.singularities.singular_locus import SingularLocusResult, singular_locus

__all__ = ["CriticalLocusResult", "SingularLocusResult", "Stratification", "critical_locus", "is_critical",
           "shares_hyperroot", "singular_locus", "stratification"]


def __getattr__(name: str):
    if name in ("Stratification", "stratification"):
        # deferred: strata needs networkx and lcnalg.real (~0.1 s), which the loci do not
        from lcnalg.singularities import strata

        return getattr(strata, name)
    raise AttributeError(f"module 'lcnalg.singularities' has no attribute {name!r}")
