"""The parameterization of a linear convolutional network with channels.

Layer ``l`` of an architecture with channel widths ``c_0, …, c_L`` (``c=``) is a
``c_l × c_{l−1}`` matrix ``P_l`` of filters of shape ``k_l``; the filter from input channel
``i`` to output channel ``o`` is the polynomial ``P_l[o, i](x) = Σ_j w{l}_{o}_{i}_{j} x^j``.
By the stride rule (docs/theory.md#stride-rule) the network is the ``c_L × c_0`` matrix of
end-to-end filter polynomials

    P(x) = P_L(x^{t_{L−1}}) ⋯ P_2(x^{t_1}) · P_1(x),

the product of polynomial matrices with each layer's substitution ``x ↦ x^{t_{l−1}}`` applied
axis by axis: composing convolutions multiplies their filters, and summing over the hidden
channels is the matrix product.  Every coordinate is a multilinear polynomial with integer
coefficients in the weights.

Names and orders.  Weights ``w{l}_{o}_{i}_{j}`` (layer ``l ≥ 1``, output channel ``o``,
input channel ``i``, flat row-major position ``j`` in the filter), ordered layer by layer and
within a layer by ``(o, i, j)`` row-major; a point may also be given as one nested array of
shape ``(c_l, c_{l−1}) + k_l`` per layer.  Coordinates ``c{o}_{i}_{m}`` (output channel
``o``, input channel ``i``, flat row-major position ``m`` in the end-to-end filter shape),
ordered by ``(o, i, m)`` row-major.

Evaluation uses Kronecker substitution as the one-channel
:class:`~lcnalg.parameterization.Parameterization`: the flat row-major index of a filter
entry is additive under the product (each partial product fits in the end-to-end shape), so
each entry of ``P`` is a sum of products of univariate FLINT polynomials (``fmpq_poly``
exactly, ``nmod_poly`` modulo a prime).
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.network_map import NetworkMap
from lcnalg.rings import fmpq_residue, from_fmpq, multi_indices, to_fmpq

__all__ = ["ChannelParameterization"]


def _suffix(index: tuple[int, ...]) -> str:
    return "_".join(str(i) for i in index)


class ChannelParameterization(NetworkMap):
    """The map μ of a linear convolutional architecture with channels, exactly.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture with channel widths (``c=``), e.g. ``"3,2 c=1,4,1"``.
    max_terms : int, optional
        Bound on the number of terms ``c_0 Π_l c_l |k_l|`` of the symbolic coordinates
        (overrides ``limits.max_terms``).
    limits : Limits, optional
        The resource bounds (default: :class:`~lcnalg.limits.Limits` defaults).

    Raises
    ------
    InputError
        For an architecture without channels (use :class:`~lcnalg.Parameterization`) or with
        an activation (``r=``).
    ResourceLimitError
        When the parameters plus the coordinates exceed ``limits.max_coordinates`` (checked
        before any name is built).

    Examples
    --------
    >>> mu = ChannelParameterization("2,1 c=1,2,1")
    >>> mu.parameter_names
    ('w1_0_0_0', 'w1_0_0_1', 'w1_1_0_0', 'w1_1_0_1', 'w2_0_0_0', 'w2_0_1_0')
    >>> mu.coordinates
    (w1_0_0_0*w2_0_0_0 + w1_1_0_0*w2_0_1_0, w1_0_0_1*w2_0_0_0 + w1_1_0_1*w2_0_1_0)
    >>> mu.evaluate([[[1, 2], [3, 5]], [[1, 1]]])
    (4, 7)

    References
    ----------
    .. [KMMT22] Kohn, Merkh, Montúfar, Trager, *Geometry of Linear Convolutional Networks*,
       SIAM J. Appl. Algebra Geom. 6 (2022) (the stride rule, one channel).
    .. [SHS23] Singh, Hofmann, Schölkopf, *The Hessian perspective into the nature of
       convolutional neural networks*, ICML 2023 (channels, Toeplitz representation).
    """

    def __init__(self, arch: Architecture | str, *, max_terms: int | None = None,
                 limits: Limits | None = None) -> None:
        arch = Architecture.coerce(arch)
        if arch.channels is None:
            raise InputError(f"architecture {arch}: no channels (c=); use lcnalg.Parameterization")
        if arch.activation is not None:
            raise InputError(f"architecture {arch}: channels (c=) with an activation (r=) are not supported; "
                             "drop r= (linear channels) or c= (one channel)")
        self.architecture = arch
        self.limits = Limits.coerce(limits, max_terms=max_terms)
        self.max_terms = self.limits.max_terms
        ch = arch.channels
        self.channels: tuple[int, ...] = tuple(ch)
        self.shape = arch.end_to_end_filter_shape
        size = math.prod(self.shape)
        self.limits.check("max_coordinates", f"parameters plus coordinates of {arch}",
                          arch.num_parameters + ch[0] * ch[-1] * size)
        base = [1] * arch.ndim
        for a in range(arch.ndim - 2, -1, -1):
            base[a] = base[a + 1] * self.shape[a + 1]
        t = arch.cumulative_strides
        names, exps, slices, start = [], [], [], 0
        for l, f in enumerate(arch.filters, start=1):
            idx = multi_indices(f)
            exps.append(tuple(sum(j[a] * t[l - 1][a] * base[a] for a in range(arch.ndim)) for j in idx))
            n = ch[l] * ch[l - 1] * len(idx)
            names.extend(f"w{l}_{o}_{i}_{j}" for o in range(ch[l]) for i in range(ch[l - 1])
                         for j in range(len(idx)))
            slices.append((start, start + n))
            start += n
        self.parameter_names: tuple[str, ...] = tuple(names)
        #: For each layer, the flat exponent of each filter position under Kronecker substitution.
        self.layer_exponents: tuple[tuple[int, ...], ...] = tuple(exps)
        #: For each layer, the slice of its weights in the flat parameter vector.
        self.layer_slices: tuple[tuple[int, int], ...] = tuple(slices)
        #: Degree of every coordinate in each layer's weights (1: μ is multilinear).
        self.layer_degrees: tuple[int, ...] = (1,) * arch.num_layers
        #: Shape of the receptive field of one output in one channel.
        self.input_shape: tuple[int, ...] = self.shape
        self._size = size
        self.coordinate_names: tuple[str, ...] = tuple(
            f"c{o}_{i}_{m}" for o in range(ch[-1]) for i in range(ch[0]) for m in range(size))

    # ----------------------------------------------------------------- sizes
    @cached_property
    def support(self) -> frozenset[int]:
        """Flat indices of the coordinates that are not identically zero (every entry of the
        end-to-end matrix has the support of the one-channel network).

        Examples
        --------
        >>> sorted(ChannelParameterization("2,3 s=3 c=1,1,2").support)
        [0, 1, 3, 4, 6, 7, 8, 9, 11, 12, 14, 15]
        """
        reach = {0}
        for exps in self.layer_exponents:
            reach = {a + e for a in reach for e in exps}
        n = self.channels[0] * self.channels[-1]
        return frozenset(b * self._size + m for b in range(n) for m in reach)

    def permute_inputs(self, perm: Any) -> tuple[int, ...]:
        """The permutation of the coordinates induced by a permutation of the input positions
        (flat row-major positions of the receptive field, the same in every input channel):
        ``c{o}_{i}_{m} ↦ c{o}_{i}_{perm[m]}``, since ``c{o}_{i}_{m}`` is the weight of input
        ``m`` of channel ``i`` in output channel ``o``.

        Raises
        ------
        InputError
            When ``perm`` is not a permutation of ``range(|receptive field|)``.

        Examples
        --------
        >>> ChannelParameterization("2,1 c=1,1,2").permute_inputs([1, 0])
        (1, 0, 3, 2)
        """
        perm = checks.permutation(perm, self._size)
        n = self.channels[0] * self.channels[-1]
        return tuple(b * self._size + perm[m] for b in range(n) for m in range(self._size))

    @property
    def num_terms(self) -> int:
        """Number of terms of all coordinates together, ``c_0 Π_l c_l |k_l|`` (one per path
        through the channels and choice of filter positions)."""
        return self.channels[0] * math.prod(c * len(e) for c, e in zip(self.channels[1:], self.layer_exponents))

    def split(self, theta: Any) -> list[list[Any]]:
        """Read a point: a flat sequence of ``N`` weights, or one array per layer of shape
        ``(c_l, c_{l−1}) + k_l`` (nested, row-major, or flat).

        Raises
        ------
        InputError
            When the point has the wrong number of layers or entries.
        """
        ch = self.channels
        shapes = [(ch[l], ch[l - 1]) + tuple(f) for l, f in enumerate(self.architecture.filters, start=1)]
        return checks.layer_point(theta, shapes)

    # ------------------------------------------------------------- symbolic
    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coordinates ``μ_{o,i,m}`` as polynomials in ``Z[w]``, in the order of
        :attr:`coordinate_names`.

        Raises
        ------
        ResourceLimitError
            When the number of terms exceeds ``max_terms``, or terms times parameters exceeds
            ``limits.max_symbolic_entries``.
        """
        self.limits.check("max_terms", "terms of the parameterization", self.num_terms)
        self.limits.check("max_symbolic_entries", "exponent entries (terms x parameters) of the symbolic mu",
                          self.num_terms * self.num_parameters)
        ctx = self.ring
        gens = ctx.gens()
        ch = self.channels
        # current[h][i]: {position: polynomial} of the partial product, h = channel reached
        current: list[list[dict[int, Any]]] = [[{0: ctx.from_dict({(0,) * self.num_parameters: 1})} if h == i else {}
                                               for i in range(ch[0])] for h in range(ch[0])]
        for l, ((lo, _), exps) in enumerate(zip(self.layer_slices, self.layer_exponents), start=1):
            k = len(exps)
            nxt: list[list[dict[int, Any]]] = [[{} for _ in range(ch[0])] for _ in range(ch[l])]
            for o in range(ch[l]):
                for h in range(ch[l - 1]):
                    for j, e in enumerate(exps):
                        w = gens[lo + (o * ch[l - 1] + h) * k + j]
                        for i in range(ch[0]):
                            target = nxt[o][i]
                            for pos, poly in current[h][i].items():
                                target[pos + e] = target.get(pos + e, 0) + w * poly
            current = nxt
        zero = ctx.from_dict({})
        return tuple(current[o][i].get(m, zero) + zero for o in range(ch[-1]) for i in range(ch[0])
                     for m in range(self._size))

    # ------------------------------------------------------------- numeric
    def _layer_matrices(self, theta: Any, modulus: int | None) -> list[list[list[Any]]]:
        layers = self.split(theta)
        ch = self.channels
        out = []
        for l, (vals, exps) in enumerate(zip(layers, self.layer_exponents), start=1):
            k = len(exps)
            width = max(exps) + 1
            mat = []
            for o in range(ch[l]):
                row = []
                for i in range(ch[l - 1]):
                    coeffs: list = [0] * width
                    for j, e in enumerate(exps):
                        coeffs[e] = to_fmpq(vals[(o * ch[l - 1] + i) * k + j], f"point (layer {l})")
                    if modulus is None:
                        row.append(flint.fmpq_poly(coeffs))
                    else:
                        row.append(flint.nmod_poly([fmpq_residue(flint.fmpq(c), modulus) for c in coeffs], modulus))
                mat.append(row)
            out.append(mat)
        return out

    @staticmethod
    def _matmul(a: list[list[Any]], b: list[list[Any]], zero: Any) -> list[list[Any]]:
        return [[sum((a[o][h] * b[h][i] for h in range(len(b))), zero) for i in range(len(b[0]))]
                for o in range(len(a))]

    def _zero_one(self, modulus: int | None) -> tuple[Any, Any]:
        if modulus is None:
            return flint.fmpq_poly([]), flint.fmpq_poly([1])
        return flint.nmod_poly([], modulus), flint.nmod_poly([1], modulus)

    def _identity(self, n: int, modulus: int | None) -> list[list[Any]]:
        zero, one = self._zero_one(modulus)
        return [[one if a == b else zero for b in range(n)] for a in range(n)]

    def _read(self, poly: Any, modulus: int | None) -> list:
        coeffs = poly.coeffs()
        out = list(coeffs[: self._size]) + [0] * (self._size - len(coeffs))
        if modulus is None:
            return [from_fmpq(c) for c in out]
        return [int(c) for c in out]

    def _product(self, theta: Any, modulus: int | None) -> list[list[Any]]:
        zero, _ = self._zero_one(modulus)
        mats = self._layer_matrices(theta, modulus)
        prod = self._identity(self.channels[0], modulus)
        for m in mats:
            prod = self._matmul(m, prod, zero)
        return prod

    def evaluate(self, theta: Any) -> tuple:
        """The end-to-end filters ``μ(θ)``, in the order of :attr:`coordinate_names`, exactly.

        Parameters
        ----------
        theta : sequence
            Integers or fractions, flat or one array per layer (see :meth:`split`).

        Returns
        -------
        tuple
            Python ints when every entry is integral, ``Fraction`` otherwise.

        Examples
        --------
        >>> ChannelParameterization("1,1 c=1,2,1").evaluate([1, 2, 3, "1/2"])
        (4,)
        """
        prod = self._product(theta, None)
        return tuple(x for row in prod for p in row for x in self._read(p, None))

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """``μ(θ)`` modulo a prime ``2 <= p < 2**63`` (entries in ``[0, p)``).

        Raises
        ------
        InputError
            For a malformed point, or a modulus that is not such a prime.

        Examples
        --------
        >>> ChannelParameterization("1,1 c=1,2,1").evaluate_mod([1, 2, 3, 4], 7)
        (4,)
        """
        modulus = checks.modulus(modulus)
        prod = self._product(theta, modulus)
        return tuple(x for row in prod for p in row for x in self._read(p, modulus))

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """The Jacobian matrix of μ at ``θ`` (rows: coordinates, columns: weights).

        The column of ``w{l}_{o}_{i}_{j}`` is ``x^{e_j} A[:, o] B[i, :]`` with
        ``A = P_L ⋯ P_{l+1}`` and ``B = P_{l−1} ⋯ P_1`` (μ is linear in each layer); exact over
        Q, or modulo ``modulus``.

        Examples
        --------
        >>> print(ChannelParameterization("1,1 c=1,2,1").jacobian_at([1, 2, 3, 4]))
        [3, 4, 1, 2]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
        zero, _ = self._zero_one(modulus)
        mats = self._layer_matrices(theta, modulus)
        ch = self.channels
        L = len(mats)
        befores = [self._identity(ch[0], modulus)]
        for m in mats[:-1]:
            befores.append(self._matmul(m, befores[-1], zero))
        after = self._identity(ch[-1], modulus)
        columns_by_layer: list[list[list]] = [[] for _ in range(L)]
        for l in range(L - 1, -1, -1):
            before = befores[l]
            cols = []
            for o in range(ch[l + 1]):
                for i in range(ch[l]):
                    entries = [self._read(after[a][o] * before[i][b], modulus)
                               for a in range(ch[-1]) for b in range(ch[0])]
                    for e in self.layer_exponents[l]:
                        col = []
                        for ent in entries:
                            col.extend([0] * e + ent[: self._size - e])
                        cols.append(col)
            columns_by_layer[l] = cols
            after = self._matmul(after, mats[l], zero)
        columns = [c for cols in columns_by_layer for c in cols]
        rows = [[col[r] for col in columns] for r in range(self.ambient_dimension)]
        if modulus is not None:
            return flint.nmod_mat(rows, modulus) if rows else flint.nmod_mat(0, self.num_parameters, modulus)
        return flint.fmpq_mat([[to_fmpq(x, "jacobian") for x in row] for row in rows])

    def orbit_tangents(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """Tangent vectors at ``θ`` of the orbit of ``Π_{0<l<L} GL(c_l)`` (one row per hidden
        layer ``l`` and elementary matrix ``E_{ab}`` of ``gl(c_l)``; columns: weights).

        ``A ∈ GL(c_l)`` sends ``P_l ↦ A P_l`` and ``P_{l+1} ↦ P_{l+1} A^{−1}`` and keeps μ
        fixed (a constant matrix keeps every filter's shape); the tangent for ``E_{ab}`` puts
        row ``b`` of ``P_l`` in row ``a`` and minus column ``a`` of ``P_{l+1}`` in column
        ``b``.  Every row lies in the kernel of :meth:`jacobian_at` at ``θ``.  Exact over Q, or
        modulo ``modulus``; zero rows when there is no hidden layer.

        Examples
        --------
        >>> print(ChannelParameterization("1,1 c=1,2,1").orbit_tangents([1, 2, 3, 4]))
        [1, 0, -3, 0]
        [2, 0, 0, -3]
        [0, 1, -4, 0]
        [0, 2, 0, -4]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
        layers = self.split(theta)
        ch = self.channels
        vectors = []
        for l in range(1, len(layers)):  # hidden widths c_1 .. c_{L-1}
            k, k2 = len(self.layer_exponents[l - 1]), len(self.layer_exponents[l])
            lo, lo2 = self.layer_slices[l - 1][0], self.layer_slices[l][0]
            for a in range(ch[l]):
                for b in range(ch[l]):
                    v: list = [flint.fmpq(0)] * self.num_parameters
                    for i in range(ch[l - 1]):
                        for j in range(k):
                            v[lo + (a * ch[l - 1] + i) * k + j] = to_fmpq(
                                layers[l - 1][(b * ch[l - 1] + i) * k + j], f"point (layer {l})")
                    for o in range(ch[l + 1]):
                        for j in range(k2):
                            v[lo2 + (o * ch[l] + b) * k2 + j] = -to_fmpq(
                                layers[l][(o * ch[l] + a) * k2 + j], f"point (layer {l + 1})")
                    vectors.append(v)
        if modulus is None:
            return flint.fmpq_mat(vectors) if vectors else flint.fmpq_mat(0, self.num_parameters)
        if not vectors:
            return flint.nmod_mat(0, self.num_parameters, modulus)
        return flint.nmod_mat([[fmpq_residue(x, modulus) for x in v] for v in vectors], modulus)

    def orbit_rank(self, theta: Any, modulus: int | None = None) -> int:
        """Rank of :meth:`orbit_tangents` at ``θ`` (over Q, or over GF(p) with ``modulus``).

        It is at most the dimension of the orbit at a generic point, hence at most the
        dimension of the generic fibre of μ, so ``N − orbit_rank(θ)`` bounds the dimension of
        μ's image from above, at any ``θ``.

        Examples
        --------
        >>> ChannelParameterization("1,1 c=1,2,1").orbit_rank([1, 2, 3, 4])  # a 3-dimensional GL(2) orbit
        3
        """
        return self.orbit_tangents(theta, modulus).rank()
