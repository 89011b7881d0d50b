"""lcnalg: exact computer algebra for the geometry of convolutional networks.

The data flow is one way: :class:`Architecture` → :class:`Parameterization` →
:class:`FunctionSpace` → result objects → export (text, LaTeX, JSON).

Examples
--------
>>> from lcnalg import FunctionSpace
>>> fs = FunctionSpace("3,2 s=2")
>>> fs.dimension.value, fs.ambient_dimension, fs.is_filling
(4, 5, False)
"""

from lcnalg.architecture import Architecture
from lcnalg.errors import ArchitectureError, InputError, LCNAlgError, ResourceLimitError
from lcnalg.function_space import FunctionSpace
from lcnalg.parameterization import Parameterization

__version__ = "0.1.0"

__all__ = [
    "Architecture",
    "ArchitectureError",
    "FunctionSpace",
    "InputError",
    "LCNAlgError",
    "Parameterization",
    "ResourceLimitError",
    "__version__",
]
