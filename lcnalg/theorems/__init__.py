"""The theorem catalog: every statement of docs/theory.md that lcnalg computes, as an object
that can be checked on an architecture (:class:`~lcnalg.theorems.base.Theorem`).

One module per family of statements: :mod:`~lcnalg.theorems.function_space` (dimension,
filling, degree), :mod:`~lcnalg.theorems.real_geometry` (stride-one real roots, closedness
rules), :mod:`~lcnalg.theorems.landscape` ([KMST24], [S24]), :mod:`~lcnalg.theorems.polynomial`
([SMK25]), :mod:`~lcnalg.theorems.flow` (conserved quantities, [AKR25] metric) and
:mod:`~lcnalg.theorems.hessian` ([SBH21] and the proved bounds).  :func:`lcnalg.theorems.verify.verify`
checks a list of them on a family of architectures.

Examples
--------
>>> from lcnalg.theorems import catalog, get
>>> "degree" in [t.name for t in catalog()]
True
>>> get("akr25-metric").status
'qualified'
"""

from __future__ import annotations

from lcnalg.errors import InputError
from lcnalg.theorems.base import Check, Theorem
from lcnalg.theorems.flow import ConservedQuantities, ConservedQuantitiesComplete, MetricFibre, MetricLocal
from lcnalg.theorems.function_space import DegreeSegre, DimensionFormula, FillingCriterion
from lcnalg.theorems.hessian import DenseHessianRanks, HessianBlockBounds
from lcnalg.theorems.landscape import CriticalPointCount, SmoothInterior
from lcnalg.theorems.polynomial import PolynomialDegree, PolynomialDimension, PolynomialFibre
from lcnalg.theorems.real_geometry import ParityRule, PolynomialClosedness, StrideOneClosedness, StrideOneRealRoots

__all__ = ["Theorem", "Check", "catalog", "get", "CATALOG", "verify", "family", "random_family", "parse_family",
           "family_size", "verify_limits"]

#: The catalogued statements, in the order of docs/theory.md.
CATALOG = (DimensionFormula, FillingCriterion, StrideOneRealRoots, StrideOneClosedness, ParityRule,
           PolynomialClosedness, DegreeSegre, SmoothInterior, CriticalPointCount, PolynomialDimension,
           PolynomialFibre, PolynomialDegree, ConservedQuantities, ConservedQuantitiesComplete, MetricLocal,
           MetricFibre, DenseHessianRanks, HessianBlockBounds)


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


# the verification reads the catalog above, so it is imported last
from lcnalg.theorems.verify import family, family_size, parse_family, random_family, verify, verify_limits  # noqa: E402
