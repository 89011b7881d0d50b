"""The function space of a convolutional architecture: the façade users meet.

:class:`FunctionSpace` holds an architecture, a seed and the :class:`~lcnalg.limits.Limits`
of every request.  Each method calls one algorithm of the layers below with those, caches
its result (keyed on the method's arguments), and hands what it has already computed (the
dimension, the implicit equations) down, so that a composite request such as
:meth:`FunctionSpace.stratification` computes each of them once.  The algorithms never
construct a ``FunctionSpace``.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.results import ArchitectureSummary, DimensionResult

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from lcnalg.algebra.implicitization import ImplicitEquations
    from lcnalg.real import BoundaryResult, ClosednessResult, ContainmentResult, InequalitiesResult
    from lcnalg.singularities import CriticalLocusResult, SingularLocusResult, Stratification

__all__ = ["FunctionSpace"]


def _frozen(value: Any) -> Any:
    """A hashable copy of a (nested) sequence of exact numbers, for a cache key."""
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(v) for v in value)
    return value


class FunctionSpace:
    """The function space ``M = μ(R^{k_1} × … × R^{k_L})`` of an architecture.

    Each method delegates to one algorithm and returns its result object; results are
    computed once per set of arguments and cached, and the cached dimension and implicit
    equations are handed to the algorithms that need them.

    Parameters
    ----------
    arch : Architecture or str
        The architecture, e.g. ``"3,2 s=2"`` or ``"2x2,2x2"``.
    seed : int
        Seed of every random choice (points, projections, sample points), for
        reproducibility.  ``0`` is a seed like any other.
    limits : Limits, optional
        Resource bounds of every request (default: the defaults of
        :class:`~lcnalg.limits.Limits`); a method's own ``max_*`` keywords override fields.

    Raises
    ------
    ArchitectureError
        For a malformed architecture string.
    InputError
        For architectures outside linear one-channel convolutions, a seed that is not an
        integer (numpy integers are; ``None`` is not), or ``limits`` that is not a
        :class:`~lcnalg.limits.Limits`.  Each method checks its own arguments the same way
        (:mod:`lcnalg.checks`) before looking in its cache.

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

    def __init__(self, arch: Architecture | str, *, seed: int = 0, limits: Limits | None = None) -> None:
        arch = Architecture.coerce(arch)
        self.architecture = arch
        self.seed = checks.seed(seed)
        self.limits = Limits.coerce(limits)
        self._cache: dict[tuple, Any] = {}

    def __repr__(self) -> str:
        return f"FunctionSpace({str(self.architecture)!r})"

    def _cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _limits(self, **overrides: Any) -> Limits:
        """:attr:`limits` with the given fields replaced (numpy integers read as ints)."""
        return Limits.coerce(self.limits, **{k: int(v) if checks.is_integer(v) else v for k, v in overrides.items()})

    def _known_equations(self) -> "ImplicitEquations | None":
        """The implicit equations with default arguments, if already computed."""
        return self._cache.get(("implicit_equations", None, None, self.limits))

    # ------------------------------------------------------------------ algebra
    @cached_property
    def parameterization(self) -> Parameterization:
        """The exact parameterization μ (:class:`~lcnalg.Parameterization`)."""
        return Parameterization(self.architecture, limits=self.limits)

    @cached_property
    def dimension(self) -> DimensionResult:
        """Dimension of the function space (a :class:`~lcnalg.results.DimensionResult`).

        See Also
        --------
        lcnalg.algebra.dimension.function_space_dimension
        """
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

    def implicit_equations(self, *, max_degree: int | None = None, certify: bool | None = None,
                           jobs: int = 1, progress: bool | None = None, executor: "Executor | None" = None,
                           max_monomials: int | None = None,
                           max_piece: int | None = None) -> "ImplicitEquations":
        """Minimal generators of the vanishing ideal of the neurovariety, exact over Q.

        Parameters
        ----------
        max_degree : int, optional
            Stop after this degree; the status is then ``complete up to degree max_degree``.
        certify : bool or None
            Attempt the exact whole-ideal certificate: always (True), never (False), or for
            small ideals (None, the default; see ``Limits.max_certify_generators``).
        jobs : int
            Processes for the graded pieces (not part of the cache key: same answer).
        progress : bool, optional
            Progress bar (default: when stderr is a terminal).
        executor : concurrent.futures.Executor, optional
            Run graded pieces there instead of a local process pool.
        max_monomials, max_piece : int, optional
            Override these fields of :attr:`limits`.

        Returns
        -------
        ImplicitEquations

        See Also
        --------
        lcnalg.algebra.implicitization.implicit_equations : the algorithm (this method passes
            the cached dimension, the seed and the limits).

        Examples
        --------
        >>> r = FunctionSpace("3,2 s=2").implicit_equations()
        >>> r.summary(), r.degree, r.certified
        ('1 generators: 1 of degree 3', 3, True)
        >>> FunctionSpace("3,2").implicit_equations().num_generators
        0
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.algebra.implicitization import implicit_equations

        max_degree, certify, jobs, progress, executor = checks.arguments(
            max_degree=max_degree, certify=certify, jobs=jobs, progress=progress, executor=executor)
        limits = self._limits(max_monomials=max_monomials, max_piece=max_piece)
        return self._cached(
            ("implicit_equations", max_degree, certify, limits),
            lambda: implicit_equations(self.parameterization, max_degree=max_degree, jobs=jobs,
                                       seed=self.seed, certify=certify, progress=progress,
                                       executor=executor, dimension=self.dimension.value, limits=limits))

    # ------------------------------------------------------------------ real geometry
    def contains(self, filt: Any, *, max_nodes: int | None = None, max_field_work: int | None = None,
                 max_precision: int | None = None) -> "ContainmentResult":
        """Is an exact filter in the real function space?

        Parameters
        ----------
        filt : sequence
            The end-to-end filter, exact numbers (flat, or nested by axis).
        max_nodes, max_field_work, max_precision : int, optional
            Override these fields of :attr:`limits`.

        Returns
        -------
        ContainmentResult
            With a witness (one real filter per layer) or the reason.

        See Also
        --------
        lcnalg.real.membership.contains : the algorithm.

        Examples
        --------
        >>> FunctionSpace("2,2").contains([1, 0, 1]).contained   # z^2 + 1 has no real root
        False
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.real import contains

        limits = self._limits(max_nodes=max_nodes, max_field_work=max_field_work, max_precision=max_precision)
        compute = lambda: contains(self.architecture, filt, limits=limits)  # noqa: E731
        try:
            key = ("contains", _frozen(filt), limits)
            hash(key)
        except TypeError:
            return compute()
        return self._cached(key, compute)

    def is_zariski_closed(self, *, max_states: int | None = None) -> "ClosednessResult":
        """Is ``M = V(R)`` (the function space equals the real points of its Zariski closure)?

        Parameters
        ----------
        max_states : int, optional
            Overrides this field of :attr:`limits`.

        Returns
        -------
        ClosednessResult

        See Also
        --------
        lcnalg.real.closedness.is_zariski_closed : the algorithm.
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.real import is_zariski_closed

        limits = self._limits(max_states=max_states)
        return self._cached(("is_zariski_closed", limits),
                            lambda: is_zariski_closed(self.architecture, limits=limits))

    def inequalities(self, *, max_degree: int | None = None, jobs: int = 1) -> "InequalitiesResult":
        """Exact semi-algebraic description of the function space.

        Parameters
        ----------
        max_degree, jobs : optional
            Passed to the implicit equations when the closed case needs them.

        Returns
        -------
        InequalitiesResult

        See Also
        --------
        lcnalg.real.inequalities.inequalities : the algorithm (this method passes the cached
            dimension, the implicit equations when already computed, the seed and the limits).
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.real import inequalities

        max_degree, jobs = checks.arguments(max_degree=max_degree, jobs=jobs)
        return self._cached(
            ("inequalities", max_degree),
            lambda: inequalities(self.architecture, dimension=self.dimension.value,
                                 equations=None if max_degree is not None else self._known_equations(),
                                 max_degree=max_degree, jobs=jobs, seed=self.seed, limits=self.limits))

    def boundary(self, *, max_degree: int | None = None, jobs: int = 1) -> "BoundaryResult":
        """The boundary of the function space in ``R^k`` (and, where derived, relative to ``V(R)``).

        Parameters
        ----------
        max_degree, jobs : optional
            Passed to the implicit equations when the closed case needs them.

        Returns
        -------
        BoundaryResult

        See Also
        --------
        lcnalg.real.boundary : the algorithm (this method passes the cached dimension, the
            implicit equations when already computed, the seed and the limits).
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.real import boundary

        max_degree, jobs = checks.arguments(max_degree=max_degree, jobs=jobs)
        return self._cached(
            ("boundary", max_degree),
            lambda: boundary(self.architecture, dimension=self.dimension.value,
                             equations=None if max_degree is not None else self._known_equations(),
                             max_degree=max_degree, jobs=jobs, seed=self.seed, limits=self.limits))

    # ------------------------------------------------------------------ singularities
    def critical_locus(self, *, modulus: int | None = None,
                       max_minors: int | None = None) -> "CriticalLocusResult":
        """Critical locus of μ: the maximal minors of its Jacobian, decomposed.

        Parameters
        ----------
        modulus : int, optional
            Prime of the residual Gröbner basis (default: that of the algorithm).
        max_minors : int, optional
            Overrides this field of :attr:`limits`.

        Returns
        -------
        CriticalLocusResult

        See Also
        --------
        lcnalg.singularities.critical.critical_locus : the algorithm (this method passes the
            cached dimension, the seed and the limits).

        Examples
        --------
        >>> FunctionSpace("2,2").critical_locus().hypersurface_factors
        ('w1_1*w2_0 - w1_0*w2_1',)
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.singularities.critical import critical_locus

        limits = self._limits(max_minors=max_minors)
        modulus = None if modulus is None else checks.modulus(modulus)
        extra = {} if modulus is None else {"modulus": modulus}
        return self._cached(
            ("critical_locus", modulus, limits),
            lambda: critical_locus(self.architecture, dimension=self.dimension.value, seed=self.seed,
                                   limits=limits, **extra))

    def singular_locus(self, *, method: str = "auto", randomized: bool = False, modulus: int | None = None,
                       max_minors: int | None = None) -> "SingularLocusResult":
        """Singular locus of the neurovariety (Jacobian criterion, an ordered table of routes).

        Parameters
        ----------
        method : {"auto", "toric", "sandwich", "minors"}
            The route (``"auto"``: the first that answers).
        randomized : bool
            ``minors`` route: above ``limits.max_minors``, random projected determinants.
        modulus : int, optional
            Prime of the modular Gröbner bases (default: that of the algorithm).
        max_minors : int, optional
            Overrides this field of :attr:`limits`.

        Returns
        -------
        SingularLocusResult

        See Also
        --------
        lcnalg.singularities.singular_locus.singular_locus : the algorithm (this method passes
            the cached dimension and implicit equations, the seed and the limits).

        Examples
        --------
        >>> FunctionSpace("2,2 s=2").singular_locus().dimension   # the vertex of the quadric cone
        0
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.singularities.singular_locus import singular_locus

        if not isinstance(method, str):
            raise InputError(f"method: expected one of 'auto', 'toric', 'sandwich', 'minors', "
                             f"got {checks.short(repr(method), 40)}")
        (randomized,) = checks.arguments(randomized=randomized)
        limits = self._limits(max_minors=max_minors)
        modulus = None if modulus is None else checks.modulus(modulus)
        extra = {} if modulus is None else {"modulus": modulus}
        return self._cached(
            ("singular_locus", method, randomized, modulus, limits),
            lambda: singular_locus(self.architecture, method=method, randomized=randomized,
                                   dimension=self.dimension.value, equations=self.implicit_equations(),
                                   seed=self.seed, limits=limits, **extra))

    def stratification(self, *, max_minors: int | None = None) -> "Stratification":
        """Strata of the function space and their closure relations.

        Parameters
        ----------
        max_minors : int, optional
            Overrides this field of :attr:`limits` for the singular-locus stratum.

        Returns
        -------
        Stratification

        See Also
        --------
        lcnalg.singularities.strata.stratification : the algorithm (this method passes the
            cached dimension and implicit equations, the seed and the limits, which it hands
            on to the singular locus and the boundary).

        Examples
        --------
        >>> strata = FunctionSpace("2,2").stratification()
        >>> sorted(strata.graph.nodes)     # the boundary and the shared-root image: one set
        ['V', 'boundary', 'origin']
        >>> strata.graph.nodes["boundary"]["names"]
        ('boundary', 'shared root 1,2')
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.singularities.strata import check_stratification, stratification

        limits = self._limits(max_minors=max_minors)
        check_stratification(self.architecture, limits)   # its own bounds before the equations
        return self._cached(
            ("stratification", limits),
            lambda: stratification(self.architecture, dimension=self.dimension.value,
                                   equations=self.implicit_equations(), seed=self.seed, limits=limits))

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
