"""Singularities and strata of function spaces (MATH.md §3).

* :mod:`~lcnalg.singularities.critical` -- the critical locus of the parameterization μ.
* :mod:`~lcnalg.singularities.singular_locus` -- the singular locus of the neurovariety.
* :mod:`~lcnalg.singularities.strata` -- the stratification (networkx DiGraph) and its exports.
"""

from lcnalg.singularities.critical import (CriticalLocusResult, critical_locus, is_critical,
                                           shares_hyperroot)

__all__ = ["CriticalLocusResult", "critical_locus", "is_critical", "shares_hyperroot"]
