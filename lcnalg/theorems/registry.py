"""The list of catalogued theorems, and lookup by name (re-exported by :mod:`lcnalg.theorems`)."""

from __future__ import annotations

from lcnalg.errors import InputError
from lcnalg.theorems.base import Theorem
from lcnalg.theorems.bases import BasisDimensionBound, IdentityBasis
from lcnalg.theorems.flow import ConservedQuantities, ConservedQuantitiesComplete, MetricFibre, MetricLocal
from lcnalg.theorems.function_space import (ChannelLowRankDimension, CyclicNoWrapAround, DegreeSegre, DimensionFormula,
                                            FillingCriterion)
from lcnalg.theorems.groups import BurnsideOrbits, KondorTrivedi
from lcnalg.theorems.hessian import DenseHessianRanks, HessianBlockBounds
from lcnalg.theorems.landscape import CriticalPointCount, PolynomialCriticalPointCount, SmoothInterior
from lcnalg.theorems.polynomial import PolynomialDegree, PolynomialDimension, PolynomialFibre
from lcnalg.theorems.real_geometry import (FactorizationPatterns, OrbitDescription, ParityRule, PolynomialClosedness, StrideOneClosedness,
                                           StrideOneRealRoots)
from lcnalg.theorems.regions import ArrangementCount, ProductUpperBound, SerraUpperBound

__all__ = ["catalog", "get", "CATALOG"]

#: The catalogued statements, in the order of docs/theory.md (statements indexed by other
#: families than architectures last: regions, bases, groups).
CATALOG = (DimensionFormula, FillingCriterion, StrideOneRealRoots, StrideOneClosedness, ParityRule,
           PolynomialClosedness, OrbitDescription, FactorizationPatterns,
           DegreeSegre, SmoothInterior, CriticalPointCount, PolynomialDimension,
           PolynomialFibre, PolynomialDegree, ConservedQuantities, ConservedQuantitiesComplete, MetricLocal,
           MetricFibre, DenseHessianRanks, HessianBlockBounds, ChannelLowRankDimension, PolynomialCriticalPointCount,
           CyclicNoWrapAround,
           ArrangementCount, SerraUpperBound, ProductUpperBound, IdentityBasis, BasisDimensionBound,
           BurnsideOrbits, KondorTrivedi)


def catalog() -> list[Theorem]:
    """One instance of every catalogued theorem.

    Examples
    --------
    >>> len({t.name for t in catalog()}) == len(catalog())
    True
    """
    return [cls() for cls in CATALOG]


def get(name: object) -> Theorem:
    """The catalogued theorem called ``name``.

    Raises
    ------
    InputError
        If no theorem has that name (the message lists them).

    Examples
    --------
    >>> get("dimension").source.startswith("[KMST24]")
    True
    """
    from lcnalg.checks import short  # deferred: checks imports flint, the catalog listing does not need it

    if isinstance(name, str):
        for t in catalog():
            if t.name == name:
                return t
    raise InputError(f"theorem: {short(name, 40)!r} is not in the catalog; expected a name such as dimension, "
                     "degree or akr25-metric (all: 'lcnalg verify --list', or lcnalg.theorems.catalog())")

