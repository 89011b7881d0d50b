"""The function space of a convolutional architecture: the façade users meet.

:class:`FunctionSpace` holds an architecture, a seed and the :class:`~lcnalg.limits.Limits`
of every request.  Each method calls one algorithm of the layers below with those, caches
its result (keyed on the method's arguments), and hands what it has already computed (the
dimension, the implicit equations) down, so that a composite request such as
:meth:`FunctionSpace.stratification` computes each of them once.  The algorithms never
construct a ``FunctionSpace``.
"""

from __future__ import annotations

import dataclasses
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from lcnalg import checks
from lcnalg.algebra.dimension import check_jacobian_size, function_space_dimension
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.results import ArchitectureSummary, DegreeResult, DimensionResult

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from lcnalg.algebra.basis import BasisComparison
    from lcnalg.algebra.implicitization import ImplicitEquations
    from lcnalg.flow.invariants import InvariantsResult
    from lcnalg.flow.metric import MetricResult
    from lcnalg.hessian.rank import HessianRankResult
    from lcnalg.landscape.critical_points import CriticalPointsResult
    from lcnalg.landscape.descent import DescentResult
    from lcnalg.landscape.real_critical_points import RealCriticalPointsResult
    from lcnalg.real import BoundaryResult, ClosednessResult, ContainmentResult, InequalitiesResult
    from lcnalg.singularities import CriticalLocusResult, SingularLocusResult, Stratification

__all__ = ["FunctionSpace"]


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
        For architectures a method does not cover (with channels, ``c=``: only the
        parameterization, dimension, ambient dimension, filling and summary), a seed that is not an
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

    def __init__(self, arch: Architecture | str, *, seed: int = 0, limits: Limits | None = None,
                 basis: Any = None) -> None:
        arch = Architecture.coerce(arch)
        self.architecture = arch
        self.seed = checks.seed(seed)
        self.limits = Limits.coerce(limits)
        self._cache: dict[tuple, Any] = {}
        if basis is not None:
            # deferred: only filters in a fixed basis need it (start-up of small requests)
            from lcnalg.filter_basis import FilterBasis
        #: Filters restricted to a fixed basis (:class:`~lcnalg.filter_basis.FilterBasis`, or its JSON
        #: form ``{"layers": …}`` / ``{"family": …, "size": m}``), or None.
        self.basis = None if basis is None else FilterBasis.coerce(basis, arch)
        if self.basis is not None and (arch.channels is not None or arch.activation is not None):
            raise InputError(f"basis: filters in a fixed basis cover linear networks with one channel; "
                             f"{arch} has channels or an activation")

    def __repr__(self) -> str:
        return f"FunctionSpace({str(self.architecture)!r})"

    def _cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        self._one_channel(str(key[0]))
        self._no_basis(str(key[0]))
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    def _one_channel(self, what: str) -> None:
        """Refuse channel widths for a method that covers one channel (every method but the
        parameterization, dimension, ambient dimension, filling and summary)."""
        if self.architecture.channels is not None:
            raise InputError(f"architecture {self.architecture}: {what}() covers networks with one channel; "
                             "with channels (c=) only the parameterization, dimension, ambient_dimension, "
                             "is_filling, summary and hessian_rank are computed (drop c=)")

    def _no_basis(self, what: str) -> None:
        """Refuse a method that does not cover filters in a fixed basis (every method but the
        parameterization, dimension, ambient dimension, filling, summary, implicit equations and
        compare_basis)."""
        if self.basis is not None and what not in ("implicit_equations", "compare_basis"):
            raise InputError(f"basis: {what}() does not cover filters in a fixed basis; with basis= only the "
                             "parameterization, dimension, ambient_dimension, is_filling, summary, "
                             "implicit_equations and compare_basis are computed (drop basis=)")

    def _limits(self, **overrides: Any) -> Limits:
        """:attr:`limits` with the given fields replaced (numpy integers read as ints)."""
        return Limits.coerce(self.limits, **{k: int(v) if checks.is_integer(v) else v for k, v in overrides.items()})

    def _known_equations(self) -> "ImplicitEquations | None":
        """The implicit equations with default arguments, if already computed."""
        return self._cache.get(("implicit_equations", None, None, self.limits))

    def _known_closedness(self) -> "ClosednessResult | None":
        """The closedness verdict with default arguments, if already computed."""
        return self._cache.get(("is_zariski_closed", self._limits()))

    # ------------------------------------------------------------------ algebra
    @cached_property
    def parameterization(self) -> Parameterization:
        """The exact parameterization μ (:class:`~lcnalg.Parameterization`, or
        :class:`~lcnalg.PolynomialParameterization` with an activation ``r ≥ 2``,
        :class:`~lcnalg.basis_parameterization.BasisParameterization` with ``basis=``)."""
        if self.basis is not None:
            # deferred: only filters in a fixed basis need it (start-up of small requests)
            from lcnalg.basis_parameterization import BasisParameterization

            return BasisParameterization(self.architecture, self.basis, limits=self.limits)
        return parameterize(self.architecture, limits=self.limits)

    @cached_property
    def dimension(self) -> DimensionResult:
        """Dimension of the function space (a :class:`~lcnalg.results.DimensionResult`).

        See Also
        --------
        lcnalg.algebra.dimension.function_space_dimension
        """
        return function_space_dimension(self.parameterization, seed=self.seed)

    @cached_property
    def degree(self) -> DegreeResult:
        """Degree of the neurovariety from the generic fibre of μ (a
        :class:`~lcnalg.results.DegreeResult`), linear and polynomial networks alike.

        See Also
        --------
        lcnalg.algebra.degree.variety_degree
        """
        # deferred: the degree imports the Gröbner engine (~0.3 s); `import lcnalg` stays fast
        from lcnalg.algebra.degree import variety_degree

        self._no_basis("degree")
        return variety_degree(self.parameterization, seed=self.seed, limits=self.limits)

    @property
    def ambient_dimension(self) -> int:
        """Number of coordinates: entries of the end-to-end filter (linear), monomials that
        occur in the output form (activation ``r ≥ 2``)."""
        if self.architecture.activation is not None:
            return self.parameterization.ambient_dimension
        return self.architecture.ambient_dimension

    @property
    def is_filling(self) -> bool:
        """True when the function space has full dimension in the space of end-to-end filters.

        Decided by :attr:`dimension`; check ``dimension.certified`` for its status.
        """
        return self.dimension.value == self.ambient_dimension

    def implicit_equations(self, *, max_degree: int | None = None, certify: bool | None = None,
                           jobs: int | None = None, progress: bool | None = None, executor: "Executor | None" = None,
                           max_monomials: int | None = None,
                           max_piece: int | None = None) -> "ImplicitEquations":
        """Minimal generators of the vanishing ideal of the neurovariety, exact over Q.

        Parameters
        ----------
        max_degree : int, optional
            Stop after this degree; the status is then ``complete up to degree max_degree``.
        certify : bool or None
            Attempt the exact whole-ideal certificate: always (True), never (False), or for
            ideals within the default bounds (None, the default; see ``Limits.max_certify_entries``,
            ``max_certify_degree`` and ``max_certify_generators``).
        jobs : int, optional
            Processes for the graded pieces (default: the cores available, started only for a
            degree whose estimated work is worth them; not part of the cache key: same answer).
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
        if self.basis is not None:
            # deferred: as above
            from lcnalg.algebra.basis import basis_equations

            return self._cached(("implicit_equations", max_degree, certify, limits),
                                lambda: basis_equations(self.parameterization, max_degree=max_degree, seed=self.seed,
                                                        limits=limits, dimension=self.dimension.value,
                                                        certify=certify))
        return self._cached(
            ("implicit_equations", max_degree, certify, limits),
            lambda: implicit_equations(self.parameterization, max_degree=max_degree, jobs=jobs,
                                       seed=self.seed, certify=certify, progress=progress,
                                       executor=executor, dimension=self.dimension.value, limits=limits))

    def compare_basis(self, *, max_degree: int | None = None) -> "BasisComparison":
        """The function space with filters in :attr:`basis` against the unrestricted one.

        Parameters
        ----------
        max_degree : int, optional
            Highest degree of the equations compared (default 2).

        Returns
        -------
        BasisComparison

        Raises
        ------
        InputError
            Without ``basis=``.

        See Also
        --------
        lcnalg.algebra.basis.compare_basis

        Examples
        --------
        >>> r = FunctionSpace("3,2 s=2", basis={"family": "haar", "size": 2}).compare_basis()
        >>> r.proper, r.dimension, r.unrestricted_dimension, r.added_equations
        (True, 3, 4, ('c3 - c4', 'c1^2 - c1*c2 + c0*c4'))
        """
        # deferred: the algorithm modules cost ~0.3 s to import; `import lcnalg` stays fast
        from lcnalg.algebra.basis import compare_basis

        if self.basis is None:
            raise InputError("basis: compare_basis() needs filters in a fixed basis; give FunctionSpace(arch, basis=...)")
        max_degree = checks.arguments(max_degree=max_degree)[0]
        return self._cached(("compare_basis", max_degree, self.limits),
                            lambda: compare_basis(self.parameterization, max_degree=max_degree, seed=self.seed,
                                                  limits=self.limits))

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
        from lcnalg.real.membership import contains, parse_filter

        limits = self._limits(max_nodes=max_nodes, max_field_work=max_field_work, max_precision=max_precision)
        filt = parse_filter(filt, self.architecture, limits=limits)  # checked, and exact: the cache key
        return self._cached(("contains", filt, limits), lambda: contains(self.architecture, filt, limits=limits))

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

    def inequalities(self, *, max_degree: int | None = None, jobs: int = 1,
                     executor: "Executor | None" = None) -> "InequalitiesResult":
        """Exact semi-algebraic description of the function space.

        Parameters
        ----------
        max_degree, jobs, executor : optional
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

        max_degree, jobs, executor = checks.arguments(max_degree=max_degree, jobs=jobs, executor=executor)
        return self._cached(
            ("inequalities", max_degree),
            lambda: inequalities(self.architecture, dimension=self.dimension.value,
                                 equations=None if max_degree is not None else self._known_equations(),
                                 closedness=self._known_closedness(),
                                 max_degree=max_degree, jobs=jobs, executor=executor, seed=self.seed,
                             limits=self.limits))

    def boundary(self, *, max_degree: int | None = None, jobs: int = 1,
                 executor: "Executor | None" = None) -> "BoundaryResult":
        """The boundary of the function space in ``R^k`` (and, where derived, relative to ``V(R)``).

        Parameters
        ----------
        max_degree, jobs, executor : optional
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

        max_degree, jobs, executor = checks.arguments(max_degree=max_degree, jobs=jobs, executor=executor)
        return self._cached(
            ("boundary", max_degree),
            lambda: boundary(self.architecture, dimension=self.dimension.value,
                             equations=None if max_degree is not None else self._known_equations(),
                             closedness=self._known_closedness(),
                             max_degree=max_degree, jobs=jobs, executor=executor, seed=self.seed,
                             limits=self.limits))

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
        method : {"auto", "toric", "sandwich", "birational", "minors"}
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
            raise InputError(f"method: expected one of 'auto', 'toric', 'sandwich', 'birational', 'minors', "
                             f"got {checks.short(method, 40, quote=True)}")
        (randomized,) = checks.arguments(randomized=randomized)
        limits = self._limits(max_minors=max_minors)
        modulus = None if modulus is None else checks.modulus(modulus)
        extra = {} if modulus is None else {"modulus": modulus}
        return self._cached(
            ("singular_locus", method, randomized, modulus, limits),
            lambda: singular_locus(self.architecture, method=method, randomized=randomized,
                                   dimension=self.dimension.value, equations=self.implicit_equations(),
                                   seed=self.seed, limits=limits, parameterization=self.parameterization,
                                   **extra))

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
            cached dimension and implicit equations, the closedness verdict when already
            computed, the seed and the limits, which it hands on to the singular locus and the
            boundary).

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
                                   equations=self.implicit_equations(), closedness=self._known_closedness(),
                                   seed=self.seed, limits=limits, parameterization=self.parameterization))

    def summary(self) -> "ArchitectureSummary":
        """The architecture, its parameterization and its function space at a glance.

        Returns
        -------
        ArchitectureSummary
            Axes ``D``, layers ``L``, filters, strides, end-to-end filter shape, parameter
            count, every coordinate of μ as text, the dimension with its status, the ambient
            dimension, whether the space is filling and the degree of the neurovariety with its
            status (what ``lcnalg info`` prints).

        Examples
        --------
        >>> s = FunctionSpace("2x2,2x2").summary()
        >>> s.D, s.L, s.num_parameters, s.dimension, s.is_filling, len(s.parameterization)
        (2, 2, 8, 7, False, 9)
        """
        known = self._cache.get(("summary",))
        if known is not None:  # (a report reads it twice: the summary and the parameterization)
            return known
        arch, mu = self.architecture, self.parameterization
        # the Jacobian's bound, then the symbolic mu's, both before the exact rank: a refusal
        # comes at once, not after the rank of a large Jacobian (13 s for 1000,1000)
        check_jacobian_size(mu, mu.limits, " (its exact rank gives the dimension)")
        coordinates = {n: str(c) for n, c in zip(mu.coordinate_names, mu.coordinates)}
        dim = self.dimension
        self._cache[("summary",)] = ArchitectureSummary(
            architecture=str(arch) if self.basis is None else f"{arch} (filters in the basis {self.basis.name})",
            method=dim.method, certified=dim.certified,
            failure_probability=dim.failure_probability, how_to_certify=dim.how_to_certify,
            seed=dim.seed, primes=tuple(dim.primes), argument=dim.argument, limitations=dim.limitations,
            D=arch.ndim, L=arch.num_layers,
            filters=tuple(tuple(f) for f in arch.filters), strides=tuple(tuple(s) for s in arch.strides),
            end_to_end_filter_shape=tuple(arch.end_to_end_filter_shape), num_parameters=mu.num_parameters,
            parameterization=coordinates,
            dimension=dim.value, dimension_status=dim.status, ambient_dimension=self.ambient_dimension,
            is_filling=self.is_filling,
            degree=None if arch.channels is not None or self.basis is not None else self.degree,
        )
        return self._cache[("summary",)]

    # ------------------------------------------------------------------ loss landscape
    def critical_points(self, loss: Any = "generic", *, exact: bool = False,
                        modulus: int | None = None, real: bool = False) -> "CriticalPointsResult":
        """Complex critical points of a squared loss over this network, counted exactly.

        Parameters
        ----------
        loss : QuadraticLoss, Dataset or str
            A loss on the end-to-end filters (:class:`lcnalg.landscape.QuadraticLoss`), a
            :class:`lcnalg.landscape.Dataset` (its squared loss), or ``"generic"`` /
            ``"identity"`` (a generic positive definite ``Q``, or ``Q = I``, with a random centre
            from :attr:`seed`).
        exact : bool
            Count over Q instead of modulo a prime (feasible for the smallest cases only).
        modulus : int, optional
            The prime of the modular count.
        real : bool
            Also isolate and classify the real critical points exactly
            (:meth:`real_critical_points`, over Q: the smallest cases only); they fill the
            result's ``real_critical_points``.

        Returns
        -------
        CriticalPointsResult

        See Also
        --------
        lcnalg.landscape.critical_points : the algorithm (this method passes the seed and the limits).

        Examples
        --------
        >>> res = FunctionSpace("3,2 s=2").critical_points("generic")
        >>> res.complex_critical_points, res.ed_degree_segre
        (10, 10)
        """
        # deferred: the landscape modules are imported only when a loss is studied
        from lcnalg.landscape import critical_points
        from lcnalg.landscape.critical_points import check_size  # deferred: as above

        exact = bool(checks.flag(exact, "exact", none=False))
        real = bool(checks.flag(real, "real", none=False))
        self._one_channel("critical_points")
        check_size(self.architecture, exact=exact, limits=self.limits)
        loss = self._loss(loss)
        modulus = None if modulus is None else checks.modulus(modulus)
        counted = self._cached(
            ("critical_points", loss, exact, modulus, self.limits),
            lambda: critical_points(self.architecture, loss, seed=self.seed, exact=exact, modulus=modulus,
                                    limits=self.limits))
        if not real:
            return counted
        found = self.real_critical_points(loss)
        return dataclasses.replace(
            counted, real_critical_points=found.points,
            failure_probability=max(counted.failure_probability or 0.0, found.failure_probability or 0.0),
            seconds=counted.seconds + found.seconds,
            method=counted.method + "; real points: " + found.method,
            limitations=counted.limitations.replace("real critical points, their types and the mu-critical strata "
                                                    "are not computed", "the mu-critical strata are not named")
            + "; real points: " + found.limitations)

    def real_critical_points(self, loss: Any = "generic") -> "RealCriticalPointsResult":
        """The real critical points of a squared loss, isolated and classified exactly.

        Parameters
        ----------
        loss : QuadraticLoss, Dataset or str
            As for :meth:`critical_points`.

        Returns
        -------
        RealCriticalPointsResult

        See Also
        --------
        lcnalg.landscape.real_critical_points : the algorithm (this method passes the seed, the
            dimension, the implicit equations and whether ``M = V(R)`` is proved, which decide each
            point's location, and the limits).

        Examples
        --------
        >>> res = FunctionSpace("2,2").real_critical_points("identity")
        >>> [(p.kind, p.mu_critical, p.repeated_filters) for p in res.points]  # doctest: +NORMALIZE_WHITESPACE
        [('minimum', False, ()), ('minimum', False, ()),
         ('saddle', True, ((1, 2),)), ('saddle', True, ((1, 2),))]
        """
        # deferred: the landscape modules are imported only when a loss is studied
        from lcnalg.landscape.real_critical_points import real_critical_points

        self._one_channel("real_critical_points")
        loss = self._loss(loss)
        return self._cached(
            ("real_critical_points", loss, self.limits),
            lambda: real_critical_points(self.architecture, loss, seed=self.seed, dimension=self.dimension.value,
                                         equations=None if self.is_filling else self.implicit_equations(),
                                         closed=self._proved_closed(), limits=self.limits))

    def _proved_closed(self) -> bool | None:
        """``True`` when ``M = V(R)`` is proved, ``None`` otherwise (not asked of networks with
        an activation, whose closedness lcnalg does not decide)."""
        if self.architecture.activation is not None or self.architecture.channels is not None:
            return None
        result = self.is_zariski_closed()
        return True if result.decided and result.closed else None

    def descend(self, loss: Any = "generic", *, runs: int = 20, max_steps: int = 20_000,
                tolerance: float = 1e-7, max_step: float = 0.5, snap: bool | None = None) -> "DescentResult":
        """Gradient descent from ``runs`` seeded initialisations, matched to the exact real
        critical points.

        Parameters
        ----------
        loss : QuadraticLoss, Dataset or str
            As for :meth:`critical_points`.
        runs, max_steps, tolerance, max_step
            As for :func:`lcnalg.landscape.gradient_descent`.
        snap : bool or None
            Match the end points to the exact real critical points (:meth:`real_critical_points`);
            None (default) does so when the exact system is within the limits.

        Returns
        -------
        DescentResult

        See Also
        --------
        lcnalg.landscape.gradient_descent : the algorithm (this method passes the seed, the
            dimension and the exact critical points).

        Examples
        --------
        >>> res = FunctionSpace("2,2 s=2").descend("identity", runs=4)
        >>> res.statistics["matched to an exact critical point"]
        1.0
        """
        # deferred: the landscape modules are imported only when a loss is studied
        from lcnalg.landscape.critical_points import check_size, critical_system
        from lcnalg.landscape.descent import ExactCriticalImage, gradient_descent, refuse_activation  # deferred: as above
        from lcnalg.landscape.real_critical_points import REAL_RANDOM_RANGE  # deferred: as above
        from lcnalg.landscape.snapping import ChartSystem  # deferred: as above

        refuse_activation(self.architecture)  # up front: no exact critical points for nothing
        snap = checks.flag(snap, "snap")
        runs = checks.positive_int(runs, "runs")
        max_steps = checks.positive_int(max_steps, "max_steps")
        for name, value in (("tolerance", tolerance), ("max_step", max_step)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise InputError(f"{name}: expected a positive number, got {checks.short(value)}")
        loss = self._loss(loss)
        exact = chart_system = None
        if snap is not False:
            try:
                if snap is None:
                    check_size(self.architecture, real=True, limits=self.limits)
                found = self.real_critical_points(loss)
                exact = [ExactCriticalImage(
                    label=p.kind + (" (mu critical)" if p.mu_critical else ""), image=p.image_values,
                    radius=p.image_radius, loss=p.loss_value, is_global_minimum=p.least_loss,
                    chart=p.chart) for p in found.points]
                # the chart the exact points live on (same seed and range): snapping is certified on it
                system = critical_system(self.architecture, loss, seed=self.seed, random_range=REAL_RANDOM_RANGE)
                chart_system = ChartSystem.from_system(system, self.parameterization.layer_slices)
            except ResourceLimitError:
                if snap:
                    raise
        n, N = self.ambient_dimension, self.architecture.num_parameters
        self.limits.check("max_descent_work", f"gradient descent of {runs} runs of up to {max_steps} steps on "
                          f"{checks.short(str(self.architecture), 40)} (runs x steps x layers x n x N)",
                          runs * max_steps * self.architecture.num_layers * n * N)
        Q = [[float(x) for x in row] for row in loss.Q]
        u = [float(x) for x in loss.u]
        return self._cached(
            ("descend", loss, runs, max_steps, tolerance, max_step, exact is not None, self.limits),
            lambda: gradient_descent(self.architecture, Q, u, runs=runs, seed=self.seed, max_steps=max_steps,
                                     tolerance=tolerance, max_step=max_step, dimension=self.dimension.value,
                                     critical_points=exact, chart_system=chart_system, limits=self.limits,
                                     constant=float(loss.constant)))

    def _loss(self, loss: Any) -> Any:
        """A QuadraticLoss from a QuadraticLoss, a Dataset, ``"generic"`` or ``"identity"``."""
        # deferred: the landscape modules are imported only when a loss is studied
        from lcnalg.landscape import Dataset, QuadraticLoss

        if isinstance(loss, str):
            if loss not in ("generic", "identity"):
                raise InputError(f"loss: {checks.short(loss)!r} is not a QuadraticLoss, a Dataset, "
                                 "'generic' or 'identity'")
            n = self.ambient_dimension
            self.limits.check("max_loss_work", f"products forming the {loss} quadratic form on the "
                              f"{n} coordinates of {checks.short(str(self.architecture), 40)} (n^3)", n ** 3)
            return (QuadraticLoss.generic(n, self.seed) if loss == "generic"
                    else QuadraticLoss.identity(n=n, seed=self.seed))
        if isinstance(loss, Dataset):
            return QuadraticLoss.from_data(self.architecture, loss, limits=self.limits)
        if not isinstance(loss, QuadraticLoss):
            raise InputError(f"loss: expected a QuadraticLoss, a Dataset, 'generic' or 'identity', "
                             f"got {type(loss).__name__}")
        return loss

    def ed_degree(self, kind: str = "generic") -> "CriticalPointsResult":
        """The ED degree of the neurovariety, counted (never read from a formula).

        Parameters
        ----------
        kind : {"generic", "identity"}
            A seeded generic positive definite quadratic form, or the standard inner product.

        Returns
        -------
        CriticalPointsResult
            Its ``function_space_critical_points`` is the ED degree; ``ed_degree_segre`` the
            generic ED degree of the Segre variety (closed formula) for comparison.

        Examples
        --------
        >>> e = FunctionSpace("2,3 s=2").ed_degree("identity")
        >>> e.function_space_critical_points, e.ed_degree_segre
        (2, 10)
        """
        if not isinstance(kind, str) or kind not in ("generic", "identity"):
            raise InputError(f"kind: {checks.short(kind)!r} is not one of generic, identity")
        return self.critical_points(kind)

    def invariants(self, *, max_depth: int = 3) -> "InvariantsResult":
        """The conserved quantities of the gradient flows of every loss ``ℓ∘μ``, verified exactly,
        and the proof that there are no others (:func:`lcnalg.flow.invariants`).

        Examples
        --------
        >>> FunctionSpace("2,2,2 r=2").invariants().num_independent
        2
        """
        from lcnalg.flow.invariants import invariants  # deferred: only the flow needs it

        max_depth = checks.integer(max_depth, "max_depth", low=1, form="an integer >= 1")
        return self._cached(("invariants", max_depth),
                            lambda: invariants(self.parameterization, seed=self.seed, max_depth=max_depth))

    def metric(self) -> "MetricResult":
        """Whether the metric ``K = Jμ Jμᵀ`` of the function-space flow is a function of the
        end-to-end filter and ``δ``, locally and at generic and special points
        (:func:`lcnalg.flow.metric`).

        Examples
        --------
        >>> FunctionSpace("2x2,2x2").metric().globally_determined
        False
        """
        from lcnalg.flow.metric import metric  # deferred: only the flow needs it

        return self._cached(("metric",), lambda: metric(self.parameterization, seed=self.seed))

    def hessian_rank(self, *, inputs: Any = None, targets: Any = None, output_shape: Any = None,
                     samples: int | None = None, method: str = "auto") -> "HessianRankResult":
        """Ranks of the loss Hessian ``H_L`` and its parts ``H_o``, ``H_F`` at a seeded random point
        (channels included), with proved and derived bounds, the [SBH21] dense formula and the
        function space's dimension as a bound for ``H_o`` (:func:`lcnalg.hessian.hessian_rank`;
        ``method`` is ``auto``, ``exact``, ``modular`` or ``sketch``).

        Examples
        --------
        >>> FunctionSpace("2,2").hessian_rank().num_parameters
        4
        >>> FunctionSpace("2,2 c=1,2,1").hessian_rank().rank_outer
        3
        """
        from lcnalg.hessian.rank import hessian_rank  # deferred: only the Hessian needs it

        self._no_basis("hessian_rank")
        try:  # the dimension only sharpens a bound; a network too large for it still gets its ranks
            dim = self.dimension
            bound = dim.value if dim.certified else dim.upper_bound
        except ResourceLimitError:
            bound = None
        return hessian_rank(self.architecture, inputs=inputs, targets=targets, output_shape=output_shape,
                            samples=samples, seed=self.seed, limits=self.limits, function_dimension=bound,
                            method=method)
