"""The parameterization μ: layer filters ↦ end-to-end filter (docs/theory.md#stride-rule).

For a linear convolutional network the end-to-end filter is the product

    p_μ(x) = p_1(x) · p_2(x^{t_1}) · … · p_L(x^{t_{L-1}})

with the stride substitution applied axis by axis.  Every coordinate ``c_m`` of μ is
a multilinear polynomial with integer coefficients in the weights; the term
``w1_{j_1} ⋯ wL_{j_L}`` lands in ``c_m`` for ``m = Σ_l j_l t_{l-1}``.

Evaluation at points uses Kronecker substitution: the row-major flat index of an
entry of the end-to-end filter is additive under the product (no carries, since
each partial product fits in the end-to-end shape), so one univariate product of
FLINT polynomials (``fmpz_poly``, ``fmpq_poly`` or ``nmod_poly``) evaluates μ for
any number of axes.
"""

from __future__ import annotations

import math
import random
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any, Iterator

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.network_map import NetworkMap
from lcnalg.rings import coordinate_names, fmpq_residue, from_fmpq, multi_indices, parameter_names, to_fmpq

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Parameterization", "parameterize"]


Number = int | Fraction | flint.fmpz | flint.fmpq


class Parameterization(NetworkMap):
    """The map μ of a linear convolutional architecture, exactly.

    Parameters
    ----------
    arch : Architecture or str
        The architecture (a linear network with one channel).
    max_terms : int, optional
        Bound on the number of terms ``Π_l |k_l|`` of the symbolic coordinates (overrides
        ``limits.max_terms``); beyond it :attr:`coordinates` raises :class:`ResourceLimitError`.
    limits : Limits, optional
        The resource bounds (default: :class:`~lcnalg.limits.Limits` defaults).

    Raises
    ------
    InputError
        For architectures with channels or with an activation (not linear
        convolutions with one channel).
    ResourceLimitError
        When the parameters plus the coordinates exceed ``limits.max_coordinates`` (checked
        before any name is built).

    Examples
    --------
    >>> mu = Parameterization("2,2 s=2")
    >>> mu.coordinates
    (w1_0*w2_0, w1_1*w2_0, w1_0*w2_1, w1_1*w2_1)
    >>> mu.evaluate([[1, 2], [3, 5]])
    (3, 6, 5, 10)
    >>> mu.jacobian_rank([[1, 2], [3, 5]])
    3
    """

    def __init__(self, arch: Architecture | str, *, max_terms: int | None = None,
                 limits: Limits | None = None) -> None:
        arch = Architecture.coerce(arch)
        if arch.channels is not None:
            raise InputError(
                f"architecture {arch}: channels (c=) are not a single end-to-end filter; "
                "the parameterization covers one channel (drop c=)"
            )
        if arch.activation is not None:
            raise InputError(
                f"architecture {arch}: monomial activations (r=) are not linear convolutions; "
                "use lcnalg.PolynomialParameterization (or lcnalg.parameterize) for r >= 2"
            )
        self.architecture = arch
        self.limits = Limits.coerce(limits, max_terms=max_terms)
        self.max_terms = self.limits.max_terms
        # the names below are built eagerly: refuse a huge architecture before any of them
        self.limits.check("max_coordinates", f"parameters plus coordinates of {arch}",
                          arch.num_parameters + arch.ambient_dimension)
        self.parameter_names = parameter_names(arch)
        self.coordinate_names = coordinate_names(arch)
        self.shape = arch.end_to_end_filter_shape
        # Kronecker bases: flat row-major index = Σ_a i_a * base[a].
        base = [1] * arch.ndim
        for a in range(arch.ndim - 2, -1, -1):
            base[a] = base[a + 1] * self.shape[a + 1]
        self._base = tuple(base)
        t = arch.cumulative_strides
        offsets = []
        exps = []
        start = 0
        for l, f in enumerate(arch.filters):
            idx = multi_indices(f)
            exps.append(tuple(sum(j[a] * t[l][a] * base[a] for a in range(arch.ndim)) for j in idx))
            offsets.append((start, start + len(idx)))
            start += len(idx)
        #: For each layer, the flat exponent of each weight under Kronecker substitution.
        self.layer_exponents: tuple[tuple[int, ...], ...] = tuple(exps)
        #: For each layer, the slice of its weights in the flat parameter vector.
        self.layer_slices: tuple[tuple[int, int], ...] = tuple(offsets)
        #: Degree of every coordinate in each layer's weights (1: μ is multilinear).
        self.layer_degrees: tuple[int, ...] = (1,) * arch.num_layers
        #: Shape of the receptive field of one output (the inputs).
        self.input_shape: tuple[int, ...] = self.shape

    # ----------------------------------------------------------------- sizes
    @property
    def ambient_dimension(self) -> int:
        """Number of entries of the end-to-end filter."""
        return len(self.coordinate_names)

    @cached_property
    def support(self) -> frozenset[int]:
        """Flat indices of the coordinates that are not identically zero (the sums of one
        exponent per layer; strides can leave gaps).

        Examples
        --------
        >>> sorted(Parameterization("2,3 s=3").support)
        [0, 1, 3, 4, 6, 7]
        """
        # the sumset of the layers' exponents; when the pairwise sums are many (large 2D
        # filters), it is read from the product of the 0/1 indicator polynomials, whose
        # coefficients are positive, so nothing cancels (normalised to 0/1 after each product)
        reach = {0}
        for exps in self.layer_exponents:
            if len(reach) * len(exps) <= 1 << 16:
                reach = {a + e for a in reach for e in exps}
                continue
            product = _indicator(reach) * _indicator(exps)
            reach = {i for i, c in enumerate(product.coeffs()) if c}
        return frozenset(reach)

    def permute_inputs(self, perm: tuple[int, ...]) -> tuple[int, ...]:
        """The permutation of the coordinates induced by a permutation of the inputs (flat
        row-major positions of the receptive field): ``c_m ↦ c_{perm[m]}``, since the
        coordinate ``c_m`` is the weight of input ``m``.

        Raises
        ------
        InputError
            When ``perm`` is not a permutation of ``range(ambient_dimension)``.
        """
        return checks.permutation(perm, self.ambient_dimension)

    @property
    def num_terms(self) -> int:
        """Number of terms of all coordinates together, ``Π_l |k_l|``."""
        return math.prod(len(e) for e in self.layer_exponents)

    # ------------------------------------------------------------- symbolic
    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coordinates ``μ_m`` as polynomials in ``Z[w]``, row-major.

        Raises
        ------
        ResourceLimitError
            When ``Π_l |k_l|`` exceeds ``max_terms``, or ``Π_l |k_l|`` times the number of
            parameters exceeds ``limits.max_symbolic_entries``.
        """
        self.limits.check("max_terms", "terms of the parameterization", self.num_terms)
        self.limits.check("max_symbolic_entries", "exponent entries (terms x parameters) of the symbolic mu",
                          self.num_terms * self.num_parameters)
        # Multiply layer by layer, keeping {flat exponent: polynomial}: the layer's weight w_j
        # at exponent e moves each partial product from position pos to pos + e, multiplied
        # by w_j (FLINT sparse arithmetic, the same polynomials as a sum over the term products).
        ctx = self.ring
        gens = ctx.gens()
        current = {0: ctx.from_dict({(0,) * self.num_parameters: 1})}
        for (lo, _), exps in zip(self.layer_slices, self.layer_exponents):
            nxt: dict[int, Any] = {}
            for pos, poly in current.items():
                for j, e in enumerate(exps):
                    term = poly * gens[lo + j]
                    if pos + e in nxt:
                        nxt[pos + e] += term
                    else:
                        nxt[pos + e] = term
            current = nxt
        return tuple(current[m] if m in current else ctx.from_dict({}) for m in range(self.ambient_dimension))

    def _layer_polys(self, theta: Any, kind: str, modulus: int | None = None) -> list:
        layers = self.split(theta)
        polys = []
        for l, (vals, exps) in enumerate(zip(layers, self.layer_exponents), start=1):
            coeffs: list = [0] * (max(exps) + 1)
            for v, e in zip(vals, exps):
                coeffs[e] = to_fmpq(v, f"point (layer {l})")
            if kind == "nmod":
                polys.append(flint.nmod_poly([fmpq_residue(c, modulus) for c in coeffs], modulus))
            elif all(c == 0 or c.q == 1 for c in coeffs):
                polys.append(flint.fmpz_poly([int(c.p) if c else 0 for c in coeffs]))
            else:
                polys.append(flint.fmpq_poly([c if c else 0 for c in coeffs]))
        return polys

    def _read(self, poly: Any, modulus: int | None = None) -> tuple:
        coeffs = poly.coeffs()
        n = self.ambient_dimension
        out = list(coeffs[:n]) + [0] * (n - len(coeffs))
        if modulus is None:
            return tuple(from_fmpq(c) for c in out)
        return tuple(int(c) for c in out)

    def evaluate(self, theta: Any) -> tuple:
        """The end-to-end filter ``μ(θ)``, flattened row-major, exactly.

        Parameters
        ----------
        theta : sequence
            Integers (numpy integers and integer arrays included), fractions (``Fraction``,
            ``fmpq``, strings like ``"2/3"``), flat or one filter per layer.  Mappings, sets,
            scalars and 0-d arrays are refused (a dict is not read by its keys).

        Returns
        -------
        tuple
            Python ints when every entry is integral, ``Fraction`` otherwise.

        Examples
        --------
        >>> Parameterization("2,2 s=2").evaluate([[3, 5], [1, 2]])
        (3, 5, 6, 10)
        >>> Parameterization("2x1,1x2").evaluate([[[1], [2]], [[3, 4]]])
        (3, 4, 6, 8)
        >>> import numpy as np
        >>> Parameterization("2,2 s=2").evaluate(np.array([3, 5, 1, 2]))
        (3, 5, 6, 10)
        """
        product = math.prod(self._layer_polys(theta, "exact"), start=flint.fmpz_poly([1]))
        return self._read(product)

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """``μ(θ)`` modulo a prime, flattened row-major (entries in ``[0, p)``).

        Parameters
        ----------
        theta : sequence
            As for :meth:`evaluate` (denominators must be invertible modulo ``modulus``).
        modulus : int
            A prime ``p`` with ``2 <= p < 2**63``.

        Raises
        ------
        InputError
            For a malformed point, or a modulus that is not such a prime.

        Examples
        --------
        >>> Parameterization("2,2").evaluate_mod([1, 2, 3, 5], 7)
        (3, 4, 3)
        >>> Parameterization("2,2").evaluate_mod([1, 2, 3, 5], 1)
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: modulus: expected a prime integer p with 2 <= p < 2**63, got 1
        """
        modulus = checks.modulus(modulus)
        product = math.prod(self._layer_polys(theta, "nmod", modulus), start=flint.nmod_poly([1], modulus))
        return self._read(product, modulus)

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """The Jacobian matrix of μ at ``θ`` (rows: coordinates, columns: weights).

        Column ``(l, j)`` is ``x^{shift(l, j)} · Π_{l' ≠ l} p_{l'}``, computed with FLINT
        polynomial products; exact over Q, or modulo ``modulus``.

        Raises
        ------
        InputError
            For a malformed point or a modulus that is not a prime below ``2**63``.

        Examples
        --------
        >>> print(Parameterization("2,2").jacobian_at([1, 2, 3, 5]))
        [3, 0, 1, 0]
        [5, 3, 2, 1]
        [0, 5, 0, 2]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
        kind = "nmod" if modulus is not None else "exact"
        polys = self._layer_polys(theta, kind, modulus)
        one = flint.nmod_poly([1], modulus) if modulus is not None else flint.fmpz_poly([1])
        n = self.ambient_dimension
        columns: list[tuple] = []
        for l, exps in enumerate(self.layer_exponents):
            others = math.prod((p for i, p in enumerate(polys) if i != l), start=one)
            if modulus is None:  # FLINT's coefficients (fmpz or fmpq) go into the matrix as they are
                coeffs = others.coeffs()[:n]
                base = tuple(coeffs) + (0,) * (n - len(coeffs))
            else:
                base = self._read(others, modulus)
            for e in exps:
                columns.append((0,) * e + base[: n - e])
        if modulus is not None:
            return flint.nmod_mat([[col[m] for col in columns] for m in range(n)], modulus)
        return flint.fmpq_mat(columns).transpose() if columns else flint.fmpq_mat(n, 0)

    def _image_points(self, count: int, modulus: int, seed: int) -> Iterator[list[int]]:
        """The points of :meth:`~lcnalg.network_map.NetworkMap.image_points`, θ uniform in
        ``GF(p)^N``: one product of ``nmod_poly`` per point (Kronecker substitution).

        Examples
        --------
        >>> Parameterization("2,2 s=2").sample_image(2, 101, seed=1).shape
        (2, 4)
        """
        n = self.ambient_dimension
        rng = random.Random(seed)
        for _ in range(count):
            prod = flint.nmod_poly([1], modulus)
            for exps in self.layer_exponents:
                coeffs = [0] * (max(exps) + 1)
                for e in exps:
                    coeffs[e] = rng.randrange(modulus)
                prod *= flint.nmod_poly(coeffs, modulus)
            yield [int(x) for x in prod.coeffs()[:n]]


def parameterize(arch: Architecture | str, *, limits: Limits | None = None) -> Any:
    """The parameterization of any supported architecture: :class:`Parameterization` for a
    linear network, :class:`~lcnalg.polynomial_parameterization.PolynomialParameterization`
    for a monomial activation ``r ≥ 2``,
    :class:`~lcnalg.channel_parameterization.ChannelParameterization` for a linear network
    with channels (``c=``).

    Raises
    ------
    InputError
        For channels together with an activation (``c=`` and ``r=``).

    Examples
    --------
    >>> parameterize("2,2 s=2"), parameterize("2,2 r=2"), parameterize("2,2 c=1,2,1")
    (Parameterization('2,2 s=2'), PolynomialParameterization('2,2 r=2'), ChannelParameterization('2,2 c=1,2,1'))
    """
    arch = Architecture.coerce(arch)
    if arch.channels is not None:
        # deferred: only a network with channels needs its parameterization (start-up of small requests)
        from lcnalg.channel_parameterization import ChannelParameterization

        return ChannelParameterization(arch, limits=limits)
    if arch.activation is not None and arch.channels is None:
        # deferred: only a network with an activation needs its parameterization (start-up of small requests)
        from lcnalg.polynomial_parameterization import PolynomialParameterization

        return PolynomialParameterization(arch, limits=limits)
    return Parameterization(arch, limits=limits)


def _indicator(exponents) -> flint.fmpz_poly:
    """The polynomial with coefficient 1 at each exponent (0 elsewhere)."""
    exponents = set(exponents)
    return flint.fmpz_poly([1 if i in exponents else 0 for i in range(max(exponents) + 1)])
