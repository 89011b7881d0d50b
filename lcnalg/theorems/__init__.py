"""The theorem catalog: every statement of docs/theory.md that lcnalg computes, as an object
that can be checked on an architecture (:class:`~lcnalg.theorems.base.Theorem`).

One module per family of statements: :mod:`~lcnalg.theorems.function_space` (dimension,
filling, degree, the dimension of channel networks that are matrix products), :mod:`~lcnalg.theorems.real_geometry` (stride-one real roots, closedness
rules), :mod:`~lcnalg.theorems.landscape` ([KMST24], [S24], the count of polynomial networks), :mod:`~lcnalg.theorems.polynomial`
([SMK25]), :mod:`~lcnalg.theorems.flow` (conserved quantities, [AKR25] metric) and
:mod:`~lcnalg.theorems.hessian` ([SBH21] and the proved bounds).  Statements indexed by other
families than architectures (:mod:`~lcnalg.theorems.cases`): :mod:`~lcnalg.theorems.regions`
(linear regions of random rectifier networks: Zaslavsky, [STR18], the product bound),
:mod:`~lcnalg.theorems.bases` (filters in a fixed basis) and :mod:`~lcnalg.theorems.groups`
(equivariant maps: Burnside's count, Kondor–Trivedi).  :func:`lcnalg.theorems.verify.verify`
checks a list of them on a family.

Examples
--------
>>> from lcnalg.theorems import catalog, get
>>> "degree" in [t.name for t in catalog()]
True
>>> get("akr25-metric").status
'qualified'
"""

from __future__ import annotations

from lcnalg.theorems.base import Check, Theorem
from lcnalg.theorems.cases import BasisCase, CaseTheorem, GroupCase, RegionsCase
from lcnalg.theorems.registry import CATALOG, catalog, get
from lcnalg.theorems.verify import family, family_size, parse_family, random_family, verify, verify_limits

__all__ = ["Theorem", "Check", "CaseTheorem", "GroupCase", "RegionsCase", "BasisCase", "catalog", "get", "CATALOG", "verify", "family", "random_family", "parse_family",
           "family_size", "verify_limits"]
