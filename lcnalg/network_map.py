"""What every parameterization of a network shares: names, rings, points and ranks.

A network map ``μ`` sends the weights ``θ`` (one filter per layer, flattened layer after
layer) to the coordinates of the network's function.  :class:`NetworkMap` holds the parts
that do not depend on how the coordinates are formed: the sizes, the polynomial rings
``Z[w]`` and ``Z[c]``, the symbolic Jacobian from the symbolic coordinates, reading points,
seeded random points and exact Jacobian ranks.  The linear
:class:`~lcnalg.parameterization.Parameterization` (products of filter polynomials) and
:class:`~lcnalg.polynomial_parameterization.PolynomialParameterization` (coefficients of the
output form of a network with a monomial activation) add ``coordinates``, ``evaluate``,
``evaluate_mod``, ``jacobian_at`` and ``sample_image``.
"""

from __future__ import annotations

import random
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

import flint

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.rings import integer_ring, to_sympy

if TYPE_CHECKING:
    import numpy as np

__all__ = ["NetworkMap", "PolynomialNetworkMap"]


class NetworkMap:
    """The shared part of a network's parameterization (a base class; see the module).

    Subclasses set ``architecture``, ``limits``, ``parameter_names``, ``coordinate_names``
    and ``layer_slices``, and provide ``coordinates`` and ``jacobian_at``.
    """

    architecture: Any
    limits: Any
    parameter_names: tuple[str, ...]
    coordinate_names: tuple[str, ...]
    layer_slices: tuple[tuple[int, int], ...]

    # ----------------------------------------------------------------- sizes
    @property
    def num_parameters(self) -> int:
        """Number of weights ``N = Σ_l |k_l|``."""
        return len(self.parameter_names)

    @property
    def ambient_dimension(self) -> int:
        """Number of coordinates."""
        return len(self.coordinate_names)

    @cached_property
    def ring(self) -> flint.fmpz_mpoly_ctx:
        """The parameter ring ``Z[w]`` (degrevlex)."""
        return integer_ring(self.parameter_names)

    @cached_property
    def coordinate_ring(self) -> flint.fmpz_mpoly_ctx:
        """The function ring ``Z[c]`` (degrevlex)."""
        return integer_ring(self.coordinate_names)

    # ------------------------------------------------------------- symbolic
    @cached_property
    def jacobian(self) -> tuple[tuple[flint.fmpz_mpoly, ...], ...]:
        """Symbolic Jacobian ``∂μ_m / ∂w_i`` (rows: coordinates, columns: weights)."""
        coordinates: Any = getattr(self, "coordinates")
        return tuple(tuple(c.derivative(i) for i in range(self.num_parameters)) for c in coordinates)

    def to_sympy(self) -> list:
        """The coordinates as sympy expressions (via :func:`lcnalg.rings.to_sympy`)."""
        coordinates: Any = getattr(self, "coordinates")
        return [to_sympy(c) for c in coordinates]

    # ------------------------------------------------------------- points
    def split(self, theta: Any) -> list[list[Any]]:
        """Read a point: a flat sequence of ``N`` weights, or one array per layer.

        Layer arrays may be nested lists in the layer's filter shape (row-major) or flat
        (:func:`lcnalg.checks.layer_point`).

        Raises
        ------
        InputError
            When the point has the wrong number of layers or entries.
        """
        return checks.layer_point(theta, self.architecture.filters)

    def jacobian_rank(self, theta: Any, modulus: int | None = None) -> int:
        """Exact rank of the Jacobian at ``θ`` (over Q, or over GF(p) with ``modulus``); raises
        as ``jacobian_at``.

        Examples
        --------
        >>> from lcnalg import Parameterization
        >>> Parameterization("2,2").jacobian_rank([1, 2, 3, 5], modulus=7)
        3
        """
        jacobian_at: Any = getattr(self, "jacobian_at")
        return jacobian_at(theta, modulus).rank()

    def random_point(self, seed: int, bound: int = 2**20) -> tuple[int, ...]:
        """A reproducible random integer point, entries uniform in ``[-bound, bound]``.

        Parameters
        ----------
        seed : int
            Any integer (``None`` is refused: the point must be reproducible).
        bound : int
            A non-negative integer.

        Examples
        --------
        >>> from lcnalg import Parameterization
        >>> mu = Parameterization("3,2 s=2")
        >>> mu.random_point(seed=1) == mu.random_point(seed=1)
        True
        >>> mu.random_point(seed=None)
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: seed: expected an integer (any int; seeds make results reproducible), got None
        """
        seed = checks.seed(seed)
        bound = checks.integer(bound, "bound", low=0, form="a non-negative integer")
        rng = random.Random(seed)
        return tuple(rng.randint(-bound, bound) for _ in range(self.num_parameters))

    def random_point_mod(self, seed: int, modulus: int) -> tuple[int, ...]:
        """A reproducible point with entries uniform in ``GF(modulus)`` (``modulus`` a prime
        below ``2**63``)."""
        seed = checks.seed(seed)
        modulus = checks.modulus(modulus)
        rng = random.Random(seed)
        return tuple(rng.randrange(modulus) for _ in range(self.num_parameters))

    def sample_image(self, count: int, modulus: int, seed: int) -> np.ndarray:
        """``count`` points ``μ(θ)`` modulo ``modulus`` (a prime below ``2^62``), θ uniform in
        ``GF(p)^N``: the rows of :meth:`image_points`.

        Returns
        -------
        numpy array of int64, shape ``(count, ambient_dimension)``

        Examples
        --------
        >>> from lcnalg import ChannelParameterization
        >>> ChannelParameterization("2,2 c=1,2,2").sample_image(2, 101, seed=1).shape
        (2, 6)
        """
        points = self.image_points(count, modulus, seed)
        # deferred: numpy is needed only for the sample (the algorithms that sample load it
        # anyway); constructing a parameterization, and so the command line's start, does without it
        import numpy as np

        out = np.zeros((count, self.ambient_dimension), dtype=np.int64)
        for row, values in enumerate(points):
            out[row, :len(values)] = values
        return out

    def image_points(self, count: int, modulus: int, seed: int) -> Iterator[list[int]]:
        """The points of :meth:`sample_image` one at a time, each drawn when it is read: the
        first ``r`` of them are the sample of ``r`` points (one random generator, seeded by
        ``seed``, draws the weights point after point), so a caller that may need fewer points
        than ``count`` draws only those it reads.  The arguments (and ``max_sample_entries``
        for all ``count`` points) are checked at once.

        Yields
        ------
        list of int
            ``μ(θ)`` modulo ``modulus``, coordinate by coordinate (a shorter list: the
            remaining coordinates are 0).

        Examples
        --------
        >>> from lcnalg import ChannelParameterization
        >>> mu = ChannelParameterization("2,2 c=1,2,2")
        >>> first = next(mu.image_points(5, 101, seed=1))
        >>> first == mu.sample_image(1, 101, seed=1)[0].tolist()
        True
        """
        count, modulus, seed = self._sample_arguments(count, modulus, seed)
        return self._image_points(count, modulus, seed)

    def _image_points(self, count: int, modulus: int, seed: int) -> Iterator[list[int]]:
        """:meth:`image_points` after its checks: one ``evaluate_mod`` per point (subclasses
        with a faster route override it)."""
        evaluate_mod: Any = getattr(self, "evaluate_mod")
        rng = random.Random(seed)
        for _ in range(count):
            yield list(evaluate_mod([rng.randrange(modulus) for _ in range(self.num_parameters)], modulus))

    def _sample_arguments(self, count: Any, modulus: Any, seed: Any) -> tuple[int, int, int]:
        """``sample_image``'s arguments checked: a count within ``max_sample_entries``, a prime
        below ``2**62`` (the sample is int64), a seed."""
        count = checks.integer(count, "count", low=0, form="a non-negative integer")
        modulus = checks.modulus(modulus)
        if modulus >= 2**62:
            raise InputError(f"modulus: the sample needs a prime below 2**62, got {modulus}")
        self.limits.check("max_sample_entries", "entries of the sample (points x coordinates)",
                          count * self.ambient_dimension)
        return count, modulus, checks.seed(seed)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.architecture)!r})"


class PolynomialNetworkMap(NetworkMap):
    """A network map whose only data are its integer coordinate polynomials (``coordinates``,
    ``fmpz_mpoly`` in the weights): sizes, support, exact and modular evaluation and the
    Jacobian at a point, read off those polynomials.  The maps of strata (families of filters
    of a given root or factor type) are of this kind.

    Examples
    --------
    >>> from lcnalg.architecture import Architecture
    >>> class Square(PolynomialNetworkMap):
    ...     architecture = Architecture.parse("2,2")
    ...     limits = None
    ...     parameter_names, coordinate_names, layer_slices = ("a", "b"), ("c0", "c1", "c2"), ((0, 2),)
    ...     @property
    ...     def coordinates(self):
    ...         a, b = self.ring.gens()
    ...         return (a * a, 2 * a * b, b * b)
    >>> m = Square()
    >>> m.evaluate([2, 3]), m.evaluate_mod([2, 3], 5), sorted(m.support), m.num_terms
    ((4, 12, 9), (4, 2, 4), [0, 1, 2], 3)
    >>> m.jacobian_at([1, 1]).rank()
    2
    >>> c0, c1, c2 = m.coordinate_ring.gens()
    >>> m.vanishes_on([c1 * c1 - 4 * c0 * c2]), m.vanishes_on([c0 - c2])
    (True, False)
    """

    @property
    def num_terms(self) -> int:
        """Terms of all the coordinate polynomials."""
        coordinates: Any = getattr(self, "coordinates")
        return sum(len(c) for c in coordinates)

    @property
    def support(self) -> frozenset[int]:
        """The coordinates that are not identically zero."""
        coordinates: Any = getattr(self, "coordinates")
        return frozenset(i for i, c in enumerate(coordinates) if not c.is_zero())

    def vanishes_on(self, polys: Any) -> bool:
        """Whether every polynomial in the coordinates ``c`` (``fmpz_mpoly`` in as many variables as
        the map has coordinates) vanishes on the image: substituted into the coordinate polynomials,
        exactly."""
        coordinates: Any = getattr(self, "coordinates")
        q = self.coordinate_ring
        for p in polys:
            g = q.from_dict({tuple(int(e) for e in m): int(c) for m, c in zip(p.monoms(), p.coeffs())})
            if not g.compose(*coordinates, ctx=self.ring).is_zero():
                return False
        return True

    def evaluate(self, theta: Any) -> tuple[int, ...]:
        """The map at an integer point (exact)."""
        coordinates: Any = getattr(self, "coordinates")
        vals = [flint.fmpz(int(x)) for x in theta]
        return tuple(int(c(*vals)) for c in coordinates)

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """The map at a point modulo a prime."""
        coordinates: Any = getattr(self, "coordinates")
        vals = [flint.fmpz(int(x) % modulus) for x in theta]
        return tuple(int(c(*vals)) % modulus for c in coordinates)

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> Any:
        """The Jacobian at an integer point (over Q, or modulo ``modulus``)."""
        vals = [flint.fmpz(int(x)) for x in theta]
        rows = [[int(d(*vals)) for d in row] for row in self.jacobian]
        if modulus is None:
            return flint.fmpq_mat(rows)
        return flint.nmod_mat([[x % modulus for x in row] for row in rows], modulus)
