"""The parameterization of a polynomial convolutional network (monomial activation ``t ↦ t^r``).

One output of the network ``f = w_L ∗ σ(w_{L−1} ∗ σ(⋯ σ(w_1 ∗ x)))``, ``σ(t) = t^r``
applied entrywise after every layer but the last, is a form of degree ``d = r^{L−1}`` in
the inputs ``x_0, …, x_{n−1}`` of its receptive field (``n`` = the end-to-end filter size
of the linear network with the same filters and strides; in 2D the inputs are numbered
row-major).  Layer ``l`` reads its input at positions ``i·s_l + j`` for its output ``i``
and filter index ``j`` (docs/theory.md#polynomial-networks), so layer ``l``'s filter enters
``f`` with degree ``r^{L−l}``.

**Coordinates.**  The coordinates of ``f`` are its coefficients in the monomials that can
occur.  A monomial occurs iff it is reached by the recursion ``S_0(i) = {x_i}``,
``S_l(i) = ⋃_j σ(S_{l−1}(i·s_l + j))`` with ``σ(S)`` the products of ``r`` elements of ``S``
(no ``σ`` after layer 1's input); every coefficient of ``f`` is a sum of products of weights
with positive integer coefficients, so no occurring monomial cancels identically, and the
support is read exactly from ``f`` at all weights 1.  A monomial ``x_{i_1}⋯x_{i_d}``
(``i_1 ≤ ⋯ ≤ i_d``) is the coordinate ``c{i_1}_{i_2}_…_{i_d}`` in 1D; in 2D each factor
is written ``{row}_{column}`` and factors are joined by ``__`` (``c0_0__0_1`` is
``x_{0,0} x_{0,1}``).  Coordinates are ordered by their position tuples
lexicographically, i.e. by exponent vectors in decreasing lexicographic order
(``x_0^d`` first); for ``r = 1`` this is the linear order ``c_0, c_1, …`` restricted to
the support.

Every coordinate is an integer polynomial in the weights, homogeneous of degree
``r^{L−l}`` in layer ``l``.  The rescaling ``w_l ↦ λ w_l``, ``w_{l+1} ↦ λ^{−r} w_{l+1}``
keeps ``f`` fixed (``σ(λt) = λ^r σ(t)``), an ``(L−1)``-torus acting on the parameters.

References
----------
.. [SMK25] Shahverdi, Marchetti, Kohn, *On the geometry and optimization of polynomial
   convolutional networks*, AISTATS 2025.
"""

from __future__ import annotations

import math
import random
from functools import cached_property
from typing import Any, Iterator

import flint
import numpy as np

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.network_map import NetworkMap
from lcnalg.rings import (fmpq_residue, from_fmpq, integer_ring, modular_ring, multi_indices, parameter_names,
                          rational_ring, to_fmpq, to_sympy)

__all__ = ["PolynomialParameterization", "support_bound", "term_bound"]


def _grid_sizes(arch: Architecture) -> list[tuple[int, ...]]:
    """Sizes ``n_0, …, n_L`` of the layers' input grids for one output (``n_L = 1``)."""
    sizes = [(1,) * arch.ndim]
    for f, s in zip(reversed(arch.filters), reversed(arch.strides)):
        sizes.append(tuple((n - 1) * sa + k for n, sa, k in zip(sizes[-1], s, f)))
    return sizes[::-1]


#: Term counts above this are reported as this (any bound refuses them long before).
_HUGE = 2**64


def term_bound(arch: Architecture) -> int:
    """An upper bound on the terms of ``f`` in ``Z[w, x]`` (all coordinates together).

    Every output of layer 1 has ``|k_1|`` terms ``w_1[j] x_i``; ``σ`` turns ``T`` terms into at
    most ``C(T + r − 1, r)`` (the multisets of ``r`` of them); a convolution adds ``|k_l|``
    polynomials whose terms carry different weights ``w_l[j]``, so
    ``T_l = |k_l| · C(T_{l−1} + r − 1, r)`` bounds layer ``l``.  Capped at ``2^64``.

    Examples
    --------
    >>> term_bound(Architecture.parse("4,4,4 r=3"))   # the expansion has 188672 terms
    354240
    """
    r = arch.activation or 1
    bound = math.prod(arch.filters[0])
    for f in arch.filters[1:]:
        if bound >= _HUGE:
            return _HUGE
        bound = min(math.prod(f) * math.comb(bound + r - 1, r), _HUGE)
    return bound


def support_bound(arch: Architecture) -> int:
    """An upper bound on the number of coordinates, from the layer sizes alone: at most
    :func:`term_bound` and at most the ``C(n + d − 1, d)`` forms of degree ``d = r^{L−1}`` in
    ``n`` inputs.

    Examples
    --------
    >>> support_bound(Architecture.parse("2,2 r=2"))
    6
    """
    r = arch.activation or 1
    n = math.prod(arch.end_to_end_filter_shape)
    d = r ** (arch.num_layers - 1)
    if d > 64 * _HUGE.bit_length():  # comb(n + d - 1, d) >= d + 1 > any bound
        return term_bound(arch)
    return min(term_bound(arch), math.comb(n + d - 1, d))


class PolynomialParameterization(NetworkMap):
    """The map μ of a convolutional network with the activation ``σ(t) = t^r``, ``r ≥ 2``.

    The same interface as :class:`~lcnalg.parameterization.Parameterization`: names,
    rings, symbolic coordinates and Jacobian, exact and modular evaluation, Jacobian ranks
    at points, seeded random points and samples of the image.

    Parameters
    ----------
    arch : Architecture or str
        A network with one channel and an activation exponent ``r ≥ 2``.
    max_terms : int, optional
        Bound on the number of terms of the symbolic coordinates (overrides
        ``limits.max_terms``).
    limits : Limits, optional

    Raises
    ------
    InputError
        For channels, or a linear network (use :class:`~lcnalg.parameterization.Parameterization`).
    ResourceLimitError
        When the parameters plus (a bound on) the coordinates exceed ``limits.max_coordinates``.

    Examples
    --------
    >>> mu = PolynomialParameterization("2,2 r=2")
    >>> mu.coordinate_names
    ('c0_0', 'c0_1', 'c1_1', 'c1_2', 'c2_2')
    >>> mu.coordinates[1]
    2*w1_0*w1_1*w2_0
    >>> mu.evaluate([[1, 2], [3, 5]])    # 3(x0 + 2x1)^2 + 5(x1 + 2x2)^2
    (3, 12, 17, 20, 20)
    >>> mu.jacobian_rank([[1, 2], [3, 5]])
    3
    """

    def __init__(self, arch: Architecture | str, *, max_terms: int | None = None,
                 limits: Limits | None = None) -> None:
        arch = Architecture.coerce(arch)
        if arch.channels is not None:
            raise InputError(f"architecture {arch}: channels (c=) are not supported with an activation (drop c=)")
        if arch.activation is None:
            raise InputError(f"architecture {arch}: no activation (r=); a linear network's map is "
                             "lcnalg.Parameterization")
        self.architecture = arch
        self.limits = Limits.coerce(limits, max_terms=max_terms)
        self.max_terms = self.limits.max_terms
        #: The activation exponent ``r``.
        self.exponent: int = arch.activation
        #: The degree ``r^{L−1}`` of the form ``f``.
        self.degree: int = self.exponent ** (arch.num_layers - 1)
        #: Degree ``r^{L−l}`` of every coordinate in layer ``l``'s weights.
        self.layer_degrees: tuple[int, ...] = tuple(
            self.exponent ** (arch.num_layers - l) for l in range(1, arch.num_layers + 1))
        self.limits.check("max_coordinates", f"parameters plus coordinates (bound) of {arch}",
                          arch.num_parameters + support_bound(arch))
        self._grids = _grid_sizes(arch)
        #: Shape of the receptive field of one output (the inputs ``x``).
        self.input_shape: tuple[int, ...] = self._grids[0]
        self.num_inputs = math.prod(self.input_shape)
        self.parameter_names = parameter_names(arch)
        offsets, start = [], 0
        for f in arch.filters:
            offsets.append((start, start + math.prod(f)))
            start += math.prod(f)
        #: For each layer, the slice of its weights in the flat parameter vector.
        self.layer_slices: tuple[tuple[int, int], ...] = tuple(offsets)
        ones = self._forward(self._input_ring(None), [[1] * (hi - lo) for lo, hi in offsets])
        #: The monomials of the coordinates, as exponent vectors over the inputs.
        self.monomials: tuple[tuple[int, ...], ...] = tuple(sorted(ones.to_dict(), reverse=True))
        self._index = {m: i for i, m in enumerate(self.monomials)}

    @cached_property
    def coordinate_names(self) -> tuple[str, ...]:
        """The names of the coordinates, from their monomials (made when first asked for: a
        wide network has hundreds of thousands)."""
        return tuple(self._name(m) for m in self.monomials)

    def _name(self, exps: tuple[int, ...]) -> str:
        positions = [i for i, e in enumerate(exps) for _ in range(e)]
        if self.architecture.ndim == 1:
            return "c" + "_".join(str(i) for i in positions)
        cols = self.input_shape[1]
        return "c" + "__".join(f"{i // cols}_{i % cols}" for i in positions)

    # ----------------------------------------------------------------- sizes
    @property
    def ambient_dimension(self) -> int:
        """Number of coordinates (monomials that occur)."""
        return len(self.monomials)

    @property
    def support(self) -> frozenset[int]:
        """Indices of the coordinates that are not identically zero: all of them."""
        return frozenset(range(self.ambient_dimension))

    def permute_inputs(self, perm: tuple[int, ...]) -> tuple[int, ...]:
        """The permutation of the coordinates induced by a permutation of the inputs (flat
        positions): the monomial ``x^α`` goes to ``Π x_{perm[i]}^{α_i}``.

        Raises
        ------
        InputError
            When ``perm`` is not a permutation of the inputs, or the image of an occurring
            monomial does not occur (not a symmetry).
        """
        perm = checks.permutation(perm, self.num_inputs)
        out = []
        for m in self.monomials:
            image = [0] * self.num_inputs
            for i, e in enumerate(m):
                image[perm[i]] += e
            if tuple(image) not in self._index:
                raise InputError(f"perm: {perm} does not map the monomials of {self.architecture} to themselves")
            out.append(self._index[tuple(image)])
        return tuple(out)

    @property
    def num_terms(self) -> int:
        """An upper bound on the number of terms of all coordinates together
        (:func:`term_bound`; the exact count needs the expansion)."""
        return term_bound(self.architecture)

    @cached_property
    def input_names(self) -> tuple[str, ...]:
        """Names ``x{i}`` of the inputs of one output's receptive field (flat, row-major)."""
        return tuple(f"x{i}" for i in range(self.num_inputs))

    def _input_ring(self, modulus: int | None):
        if modulus is None:
            return rational_ring(self.input_names)
        return modular_ring(self.input_names, modulus)

    # ------------------------------------------------------------- forward pass
    def _forward(self, ring: Any, layers: list[list[Any]], inputs: list[Any] | None = None) -> Any:
        """``f`` for the given layer filters (flat per layer), as a polynomial in ``ring``."""
        values = list(inputs) if inputs is not None else list(ring.gens())
        for l in range(self.architecture.num_layers):
            if l:
                values = [v ** self.exponent for v in values]
            values = self._layer(l, layers[l], values, ring)
        return values[0]

    def _layer(self, l: int, weights: list[Any], values: list[Any], ring: Any) -> list[Any]:
        """Convolve the grid ``values`` (the input of layer ``l``, 0-based) with its filter."""
        arch = self.architecture
        shape_in, shape_out = self._grids[l], self._grids[l + 1]
        f, s = arch.filters[l], arch.strides[l]
        taps = [(j, w) for j, w in zip(multi_indices(f), weights) if w != 0]
        out = []
        for i in multi_indices(shape_out):
            acc = ring.from_dict({})
            for j, w in taps:
                flat = 0
                for a in range(arch.ndim):
                    flat = flat * shape_in[a] + i[a] * s[a] + j[a]
                acc += w * values[flat]
            out.append(acc)
        return out

    def _coordinates_of(self, form: Any, modulus: int | None = None) -> tuple:
        d = form.to_dict()
        if modulus is not None:
            out = [0] * self.ambient_dimension
            for m, c in d.items():
                out[self._index[m]] = int(c)
            return tuple(out)
        out = [flint.fmpq(0)] * self.ambient_dimension
        for m, c in d.items():
            out[self._index[m]] = c
        return tuple(from_fmpq(c) for c in out)

    # ------------------------------------------------------------- symbolic
    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coordinates as polynomials in ``Z[w]``, in the order of :attr:`monomials`.

        Computed by running the network on the generators of ``Z[w, x]`` and collecting the
        coefficient of each input monomial.

        Raises
        ------
        ResourceLimitError
            When the bound :attr:`num_terms` exceeds ``max_terms``.
        """
        self.limits.check("max_terms", "terms of the parameterization (bound)", self.num_terms)
        self.limits.check("max_symbolic_entries", "exponent entries (terms x parameters) of the symbolic mu",
                          self.num_terms * self.num_parameters)
        n = self.num_parameters
        joint = integer_ring(self.parameter_names + self.input_names)
        gens = joint.gens()
        layers = [list(gens[lo:hi]) for lo, hi in self.layer_slices]
        form = self._forward(joint, layers, list(gens[n:]))
        parts: list[dict] = [{} for _ in self.monomials]
        for exps, c in form.to_dict().items():
            parts[self._index[tuple(exps[n:])]][tuple(exps[:n])] = c
        return tuple(self.ring.from_dict(p) for p in parts)

    def form(self, theta: Any) -> Any:
        """The network's output ``f`` at ``θ`` as a sympy polynomial expression in the inputs
        ``x0, x1, …`` (flat, row-major).

        Examples
        --------
        >>> PolynomialParameterization("2,2 r=2").form([1, 1, 1, -1]).expand()
        x0**2 + 2*x0*x1 - 2*x1*x2 - x2**2
        """
        return to_sympy(self._forward(self._input_ring(None), self._exact_layers(theta)))

    # ------------------------------------------------------------- points
    def _exact_layers(self, theta: Any) -> list[list[flint.fmpq]]:
        return [[to_fmpq(v, f"point (layer {l})") for v in layer]
                for l, layer in enumerate(self.split(theta), start=1)]

    def _mod_layers(self, theta: Any, modulus: int) -> list[list[int]]:
        return [[fmpq_residue(c, modulus) for c in layer] for layer in self._exact_layers(theta)]

    def evaluate(self, theta: Any) -> tuple:
        """``μ(θ)`` exactly (Python ints, or ``Fraction`` where needed).

        Examples
        --------
        >>> PolynomialParameterization("2,2 s=2 r=3").evaluate([1, 1, 1, 1])
        (1, 3, 3, 1, 1, 3, 3, 1)
        """
        return self._coordinates_of(self._forward(self._input_ring(None), self._exact_layers(theta)))

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """``μ(θ)`` modulo a prime below ``2**63`` (entries in ``[0, p)``).

        Raises
        ------
        InputError
            For a malformed point, or a modulus that is not such a prime.
        """
        modulus = checks.modulus(modulus)
        form = self._forward(self._input_ring(modulus), self._mod_layers(theta, modulus))
        return self._coordinates_of(form, modulus)

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """The Jacobian of μ at ``θ`` (rows: coordinates, columns: weights), exactly or mod p.

        Forward-mode differentiation: the network is run once, and for each weight the
        derivative of every later activation is carried along (``σ(a)' = r a^{r−1} a'``).

        Examples
        --------
        >>> print(PolynomialParameterization("2,2 r=2").jacobian_at([1, 2, 3, 5]))
        [ 6,  0, 1, 0]
        [12,  6, 4, 0]
        [10, 12, 4, 1]
        [20, 10, 0, 4]
        [ 0, 20, 0, 4]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
            layers: list = self._mod_layers(theta, modulus)
        else:
            layers = self._exact_layers(theta)
        ring = self._input_ring(modulus)
        L = self.architecture.num_layers
        r = self.exponent
        inputs = [list(ring.gens())]  # the input grid of every layer
        pre = []  # every layer's output before the activation
        for l in range(L):
            pre.append(self._layer(l, layers[l], inputs[l], ring))
            inputs.append([v ** r for v in pre[l]])
        powers = [[r * a ** (r - 1) for a in pre[m]] for m in range(L - 1)]  # σ'(a), once per layer
        columns = []
        for l in range(L):
            size = len(layers[l])
            for j in range(size):
                unit = [1 if i == j else 0 for i in range(size)]
                deriv = self._layer(l, unit, inputs[l], ring)
                for m in range(l + 1, L):  # d σ(a) = r a^{r-1} da, then the (linear) layer m
                    grad = [g * da for g, da in zip(powers[m - 1], deriv)]
                    deriv = self._layer(m, layers[m], grad, ring)
                columns.append(self._coordinates_of(deriv[0], modulus))
        rows = [[col[i] for col in columns] for i in range(self.ambient_dimension)]
        if modulus is not None:
            return flint.nmod_mat(rows, modulus)
        return flint.fmpq_mat([[to_fmpq(x, "jacobian") for x in row] for row in rows])

    def evaluation_jacobian(self, theta: Any, modulus: int, *, seed: int = 0) -> flint.nmod_mat:
        """The Jacobian mod p of ``θ ↦ (f_θ(x_1), …, f_θ(x_N))`` at ``N`` (the number of weights)
        random inputs ``x_k``: the product ``E · Jμ(θ)`` with ``E`` the evaluation of the input
        monomials at the ``x_k`` (rows: the inputs, columns: the weights).  Its rows lie in the row
        space of ``Jμ(θ)``, so its rank is a proved lower bound on ``rank Jμ(θ)`` (equal to it
        unless the points are special).  The forward pass runs on numbers, not on polynomials in
        the inputs: cheap where ``Jμ`` has millions of entries.

        Examples
        --------
        >>> mu = PolynomialParameterization("2,2 r=2")
        >>> E = mu.evaluation_jacobian([1, 2, 3, 5], 101)
        >>> (E.nrows(), E.ncols()), E.rank() == mu.jacobian_at([1, 2, 3, 5], 101).rank()
        ((4, 4), True)
        """
        modulus = checks.modulus(modulus)
        layers = [[flint.nmod(c, modulus) for c in layer] for layer in self._mod_layers(theta, modulus)]
        zero = _ScalarRing(modulus)
        rng = random.Random(seed)
        L = self.architecture.num_layers
        r = self.exponent
        rows = []
        for _ in range(self.num_parameters):
            inputs = [[flint.nmod(rng.randrange(modulus), modulus) for _ in self.input_names]]
            pre = []
            for l in range(L):
                pre.append(self._layer(l, layers[l], inputs[l], zero))
                inputs.append([v ** r for v in pre[l]])
            powers = [[r * a ** (r - 1) for a in pre[m]] for m in range(L - 1)]
            row = []
            for l in range(L):
                size = len(layers[l])
                for j in range(size):
                    unit = [flint.nmod(int(i == j), modulus) for i in range(size)]
                    deriv = self._layer(l, unit, inputs[l], zero)
                    for m in range(l + 1, L):
                        deriv = self._layer(m, layers[m], [g * da for g, da in zip(powers[m - 1], deriv)], zero)
                    row.append(int(deriv[0]))
            rows.append(row)
        return flint.nmod_mat(rows, modulus)

    def evaluation_jacobian_rank(self, theta: Any, modulus: int, *, seed: int = 0) -> int:
        """The rank of :meth:`evaluation_jacobian`: a proved lower bound on ``rank Jμ(θ)`` mod p.

        Examples
        --------
        >>> mu = PolynomialParameterization("2,2 r=2")
        >>> mu.evaluation_jacobian_rank([1, 2, 3, 5], 101), mu.jacobian_rank([1, 2, 3, 5], 101)
        (3, 3)
        """
        return self.evaluation_jacobian(theta, modulus, seed=seed).rank()

    def _image_points(self, count: int, modulus: int, seed: int) -> Iterator[list[int]]:
        """The points of :meth:`~lcnalg.network_map.NetworkMap.image_points`, θ uniform: the
        output form's coefficients of one forward pass per point.

        Examples
        --------
        >>> PolynomialParameterization("2,2 r=2").sample_image(3, 101, seed=1).shape
        (3, 5)
        """
        rng = random.Random(seed)
        ring = self._input_ring(modulus)
        for _ in range(count):
            layers = [[rng.randrange(modulus) for _ in range(hi - lo)] for lo, hi in self.layer_slices]
            yield list(self._coordinates_of(self._forward(ring, layers), modulus))


class _ScalarRing:
    """The numbers mod p posing as the input ring of :meth:`PolynomialParameterization._layer`
    (its zero is all the forward pass asks of the ring)."""

    def __init__(self, modulus: int) -> None:
        self.modulus = modulus

    def from_dict(self, _terms: dict) -> flint.nmod:
        return flint.nmod(0, self.modulus)
