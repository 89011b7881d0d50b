"""The function space of a convolutional architecture: the façade users meet."""

from __future__ import annotations

from functools import cached_property

from lcnalg.architecture import Architecture
from lcnalg.dimension import function_space_dimension
from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization
from lcnalg.results import DimensionResult

__all__ = ["FunctionSpace"]


class FunctionSpace:
    """The function space ``M = μ(R^{k_1} × … × R^{k_L})`` of an architecture.

    Each property delegates to one algorithm module and returns a result object
    (or a plain value derived from one); results are computed once and cached.

    Parameters
    ----------
    arch : Architecture or str
        The architecture, e.g. ``"3,2 s=2"`` or ``"2x2,2x2"``.
    seed : int, optional
        Seed of every random choice (points, primes' use), for reproducibility.

    Raises
    ------
    ArchitectureError
        For a malformed architecture string.
    InputError
        For architectures outside linear one-channel convolutions.

    Examples
    --------
    >>> fs = FunctionSpace("2x2,2x2")
    >>> fs.dimension.value, fs.ambient_dimension, fs.is_filling
    (7, 9, False)
    >>> FunctionSpace("3,2").is_filling
    True

    References
    ----------
    .. [KMMT22] Kohn, Merkh, Montúfar, Trager, *Geometry of Linear Convolutional
       Networks*, SIAM J. Appl. Algebra Geom. 6 (2022).
    """

    def __init__(self, arch: Architecture | str, *, seed: int = 0) -> None:
        if isinstance(arch, str):
            arch = Architecture.parse(arch)
        if not isinstance(arch, Architecture):
            raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InputError(f"seed: expected an integer, got {seed!r}")
        self.architecture = arch
        self.seed = seed

    def __repr__(self) -> str:
        return f"FunctionSpace({str(self.architecture)!r})"

    @cached_property
    def parameterization(self) -> Parameterization:
        """The exact parameterization μ (:class:`~lcnalg.Parameterization`)."""
        return Parameterization(self.architecture)

    @cached_property
    def dimension(self) -> DimensionResult:
        """Dimension of the function space (a :class:`~lcnalg.results.DimensionResult`)."""
        return function_space_dimension(self.parameterization, seed=self.seed)

    @property
    def ambient_dimension(self) -> int:
        """Number of entries of the end-to-end filter."""
        return self.architecture.ambient_dimension

    @property
    def is_filling(self) -> bool:
        """True when the function space has full dimension in the space of end-to-end filters.

        Decided by :attr:`dimension`; check ``dimension.certified`` for its status.
        """
        return self.dimension.value == self.ambient_dimension
