"""The function space of a convolutional architecture: the façade users meet."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from lcnalg.architecture import Architecture
from lcnalg.dimension import function_space_dimension
from lcnalg.errors import InputError
from lcnalg.parameterization import Parameterization
from lcnalg.results import DimensionResult

if TYPE_CHECKING:
    from lcnalg.algebra.implicitization import ImplicitEquations

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

    def implicit_equations(self, *, max_degree: int | None = None, jobs: int = 1,
                           certify: bool | None = None, progress: bool | None = None,
                           max_monomials: int | None = None, max_piece: int | None = None,
                           executor=None) -> "ImplicitEquations":
        """Minimal generators of the vanishing ideal of the neurovariety, exact over Q.

        Parameters
        ----------
        max_degree : int, optional
            Stop after this degree; the verdict is then ``complete_up_to_degree``.
        jobs : int
            Processes for the graded pieces.
        certify : bool or None
            Attempt the exact whole-ideal certificate: always (True), never (False), or
            for small ideals (None, the default: at most 60 equations of degree <= 4).
        progress : bool, optional
            Progress bar (default: when stderr is a terminal).
        max_monomials, max_piece : int, optional
            Resource bounds (see :mod:`lcnalg.algebra.interpolation`).
        executor : concurrent.futures.Executor, optional
            Run graded pieces there instead of a local process pool.

        Returns
        -------
        ImplicitEquations

        Examples
        --------
        >>> r = FunctionSpace("3,2 s=2").implicit_equations()
        >>> r.summary(), r.degree, r.certified
        ('1 generators: 1 of degree 3', 3, True)
        >>> FunctionSpace("3,2").implicit_equations().num_generators
        0
        """
        from lcnalg.algebra.implicitization import implicit_equations
        from lcnalg.algebra.interpolation import DEFAULT_MAX_MONOMIALS, DEFAULT_MAX_PIECE

        key = (max_degree, certify, max_monomials, max_piece)
        cache = self.__dict__.setdefault("_equations", {})
        if key not in cache:
            cache[key] = implicit_equations(
                self.parameterization, max_degree=max_degree, jobs=jobs, seed=self.seed,
                certify=certify, progress=progress,
                max_monomials=max_monomials or DEFAULT_MAX_MONOMIALS,
                max_piece=max_piece or DEFAULT_MAX_PIECE, executor=executor,
                dimension=self.dimension.value,
            )
        return cache[key]

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

    def contains(self, filt, *, max_nodes: int | None = None):
        """Is an exact filter in the real function space? (:func:`lcnalg.real.membership.contains`).

        Returns a :class:`~lcnalg.real.membership.ContainmentResult` with a witness (one
        real filter per layer) or the reason.

        Examples
        --------
        >>> FunctionSpace("2,2").contains([1, 0, 1]).contained   # z^2 + 1 has no real root
        False
        """
        from lcnalg.real.membership import DEFAULT_MAX_NODES, contains

        return contains(self.architecture, filt, max_nodes=max_nodes or DEFAULT_MAX_NODES)

    def inequalities(self, **kwargs):
        """Semi-algebraic description (:func:`lcnalg.real.inequalities.inequalities`; keyword
        arguments ``equations``, ``max_degree``, ``jobs`` are passed on)."""
        from lcnalg.real.inequalities import inequalities

        return inequalities(self.architecture, **kwargs)

    def boundary(self, **kwargs):
        """Boundary of the function space (:func:`lcnalg.real.inequalities.boundary`; keyword
        arguments as for :meth:`inequalities`)."""
        from lcnalg.real.inequalities import boundary

        return boundary(self.architecture, **kwargs)

    def is_zariski_closed(self, *, max_states: int | None = None):
        """Is ``M = V(R)``? (:func:`lcnalg.real.closedness.is_zariski_closed`)."""
        from lcnalg.real.closedness import is_zariski_closed

        return is_zariski_closed(self.architecture, max_states=max_states)

    def critical_locus(self, **kwargs):
        """Critical locus of μ (:func:`lcnalg.singularities.critical.critical_locus`)."""
        from lcnalg.singularities.critical import critical_locus

        return critical_locus(self.architecture, seed=self.seed, **kwargs)

    def singular_locus(self, **kwargs):
        """Singular locus of the neurovariety (:func:`lcnalg.singularities.singular_locus.singular_locus`)."""
        from lcnalg.singularities.singular_locus import singular_locus

        return singular_locus(self.architecture, seed=self.seed, **kwargs)

    def stratification(self, **kwargs):
        """Strata and closure relations (:func:`lcnalg.singularities.strata.stratification`)."""
        from lcnalg.singularities.strata import stratification

        return stratification(self.architecture, seed=self.seed, **kwargs)

    def summary(self) -> "ArchitectureSummary":
        """The architecture, its parameterization and its function space at a glance.

        Returns
        -------
        ArchitectureSummary
            Axes ``D``, layers ``L``, filters, strides, end-to-end filter shape, parameter
            count, every coordinate of μ as text, the dimension with its status, the ambient
            dimension and whether the space is filling (what ``lcnalg info`` prints).

        Examples
        --------
        >>> s = FunctionSpace("2x2,2x2").summary()
        >>> s.D, s.L, s.num_parameters, s.dimension, s.is_filling, len(s.parameterization)
        (2, 2, 8, 7, False, 9)
        """
        from lcnalg.results import ArchitectureSummary  # deferred: keeps this method one block; results is loaded already

        arch, mu, dim = self.architecture, self.parameterization, self.dimension
        return ArchitectureSummary(
            architecture=str(arch), method=dim.method, certified=dim.certified,
            failure_probability=dim.failure_probability, how_to_certify=dim.how_to_certify,
            seed=dim.seed, primes=tuple(dim.primes), argument=dim.argument, limitations=dim.limitations,
            D=arch.ndim, L=arch.num_layers,
            filters=tuple(tuple(f) for f in arch.filters), strides=tuple(tuple(s) for s in arch.strides),
            end_to_end_filter_shape=tuple(arch.end_to_end_filter_shape), num_parameters=arch.num_parameters,
            parameterization={n: str(c) for n, c in zip(mu.coordinate_names, mu.coordinates)},
            dimension=dim.value, dimension_status=dim.status, ambient_dimension=self.ambient_dimension,
            is_filling=self.is_filling,
        )
