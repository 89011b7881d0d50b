"""lcnalg: exact computer algebra for the geometry of convolutional networks.

The data flow is one way: :class:`Architecture` → :class:`Parameterization` → the
algorithms (:func:`function_space_dimension`, :func:`implicit_equations`, :func:`contains`,
:func:`inequalities`, :func:`boundary`, :func:`is_zariski_closed`, :func:`critical_locus`,
:func:`singular_locus`, :func:`stratification`; :func:`equivariant_maps` for finite groups acting
by permutations) → result objects → export (text, LaTeX,
JSON).  :class:`FunctionSpace` is the façade over the algorithms: it caches their results
and hands them down.  Every resource bound is a field of :class:`Limits`.

Examples
--------
>>> from lcnalg import FunctionSpace
>>> fs = FunctionSpace("3,2 s=2")
>>> fs.dimension.value, fs.ambient_dimension, fs.is_filling
(4, 5, False)
>>> import lcnalg
>>> lcnalg.singular_locus("2,2 s=2").dimension
0
"""

from typing import Any

from lcnalg.errors import (ArchitectureError, InputError, InternalError, LCNAlgError, ResourceLimitError,
                           UndecidedError)

__version__ = "0.1.0"

#: Public names imported on first use (PEP 562): ``import lcnalg`` (and so the command line,
#: whose package this is) loads none of the algorithm modules, numpy or sympy; each name is
#: looked up in its module when first asked for, then kept in the package's namespace.
_LAZY = {
    "Architecture": "lcnalg.architecture",
    "FunctionSpace": "lcnalg.function_space",
    "Limits": "lcnalg.limits",
    "Parameterization": "lcnalg.parameterization",
    "parameterize": "lcnalg.parameterization",
    "function_space_dimension": "lcnalg.algebra.dimension",
    "implicit_equations": "lcnalg.algebra.implicitization",
    "contains": "lcnalg.real",
    "inequalities": "lcnalg.real",
    "boundary": "lcnalg.real",
    "is_zariski_closed": "lcnalg.real",
    "critical_locus": "lcnalg.singularities",
    "singular_locus": "lcnalg.singularities",
    "stratification": "lcnalg.singularities",
    "linear_regions": "lcnalg.regions",
    "compare_basis": "lcnalg.algebra.basis",
    "basis_equations": "lcnalg.algebra.basis",
    "equivariant_maps": "lcnalg.groups",
    "BasisParameterization": "lcnalg.basis_parameterization",
    "ChannelParameterization": "lcnalg.channel_parameterization",
    "FilterBasis": "lcnalg.filter_basis",
    "PolynomialParameterization": "lcnalg.polynomial_parameterization",
}

__all__ = [
    "ArchitectureError",
    "InputError",
    "InternalError",
    "LCNAlgError",
    "ResourceLimitError",
    "UndecidedError",
    "__version__",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        # deferred: the modules behind these names load numpy, sympy and the algorithms (about
        # 0.15-0.3 s); `import lcnalg` and the command line's start load none of them
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lcnalg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
