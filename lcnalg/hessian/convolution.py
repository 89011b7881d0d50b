"""The loss Hessian of a linear convolutional network with channels, assembled in the weights.

Setting: layer ``l`` maps ``c_{l−1}`` channels of spatial shape ``n_{l−1}`` to ``c_l`` channels
of shape ``n_l`` by ``(W_l z)[o, u] = Σ_c Σ_f w_l[o, c, f] z[c, s_l u + f]`` (cross-correlation
with stride ``s_l``, per axis in 2D; ``f`` runs over the filter's positions).  ``W_l`` is the
block-Toeplitz matrix of the layer: rows ``(o, u)``, columns ``(c, v)``, flattened row-major.
For data ``X`` (``d_0 × N``) and targets ``Y`` (``K × N``), ``ℓ(θ) = ‖W_L ⋯ W_1 X − Y‖_F²``.

The two parts of ``H_L = H_o + H_F`` (see :mod:`lcnalg.hessian.loss_hessian` for the formulas in
the entries of the dense matrices) are assembled directly in the weights, never in the dense
entries, using the shift structure of the layers:

* ``H_o = 2 Jᵀ J`` with ``J = ∂ vec(F X)/∂θ`` (``K N × n``).  The column of weight
  ``(o, c, f)`` of layer ``l`` is ``Σ_u A_{>l}[κ, (o, u)] Z_{l−1}[(c, s_l u + f), s]`` with
  ``Z_{l−1} = W_{l−1} ⋯ W_1 X`` and ``A_{>l} = W_L ⋯ W_{l+1}``: for each filter position
  ``f`` one matrix product ``Â Ẑ_f`` of ``Â[(κ, o), u] = A_{>l}[κ, (o, u)]`` and
  ``Ẑ_f[u, (c, s)] = Z_{l−1}[(c, s_l u + f), s]`` gives all of them.
* For ``l < m`` the block of ``H_F`` is ``H_F[(o,c,f), (o',c',f')] = 2 Σ_{u,u'}
  M[(c', s_m u' + f'), (o, u)] · B[(c, s_l u + f), (o', u')]`` with ``M = W_{m−1} ⋯ W_{l+1}``
  and ``B = Z_{l−1} Rᵀ A_{>m}`` (``R = F X − Y``): the dense-entry formula
  ``2 M[q, i] B[j, p]`` at the positions ``(i, j)`` of weight ``(o, c, f)`` and ``(p, q)`` of
  ``(o', c', f')``, summed.  For each pair ``(f, f')`` it is one matrix product of
  ``M̂[(c', o), (u', u)]`` and ``B̂[(u', u), (c, o')]``.  Diagonal blocks vanish (``F`` is
  linear in each layer).

Correctness: both are the dense-entry formulas composed with the embedding of the weights,
summed over the positions of each weight; the regrouping only reorders finite sums.  The tests
compare them with the dense-entry route and with sympy's Hessian of the expanded loss.
Cost: ``k_l k_m`` products of size ``(c_{m−1} c_l) × (U_l U_m) × (c_{l−1} c_m)`` per pair of
layers (``U`` the output positions).  The result is kept in that structure
(:class:`StructuredHessian`: ``J`` and the off-diagonal blocks of ``H_F``), whose entries
:attr:`~lcnalg.limits.Limits.max_hessian_entries` bounds; the ``n × n`` matrices are assembled
only on request.

Ranks.  ``rank H_o = rank J`` over Q (``H_o = 2 JᵀJ`` with ``J`` real).  For large ``n`` the ranks
come from a sketch: for a random ``S`` (``n × k``) over ``Z/p``,
``rank (Sᵀ H S) ≤ rank_p H ≤ rank_Q H`` always (a product never raises the rank; reduction
modulo ``p`` never raises it either), so the sketched rank is a *proved lower bound* whatever
``S`` is.  Equality: a symmetric ``H`` of rank ``r`` over ``Z/p`` (``p`` odd) is ``Cᵀ D C`` with
``D`` invertible ``r × r`` and ``C`` of full row rank (diagonalisation of symmetric forms), so
``rank (Sᵀ H S) = rank (C S)``; ``C S`` is uniform on ``r × k`` matrices, and for
``k ≥ r + 1`` it is rank deficient with probability at most
``Σ_{j ≥ k−r+1} p^{−j} ≤ 1/(p − 1)``.  ``k`` is one more than a proved upper bound of the rank.
``Sᵀ H S = 2 (J S)ᵀ(J S) + Σ_{l<m} (S_lᵀ B_{lm} S_m + its transpose)`` is summed block by block,
never forming ``H``.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.hessian.layers import check_chain
from lcnalg.limits import Limits

__all__ = ["ConvolutionLayer", "convolution_layers", "StructuredHessian", "convolution_hessian", "assembly_entries",
           "check_hessian_entries"]


@dataclass(frozen=True)
class ConvolutionLayer:
    """One layer: ``c_out × c_in`` filters of shape ``filter_shape`` with ``stride``.

    Attributes
    ----------
    c_in, c_out : int
        Channel widths.
    filter_shape, stride, input_shape, output_shape : tuple of int
        Per axis; ``output = (input − filter) // stride + 1``.
    """

    c_in: int
    c_out: int
    filter_shape: tuple[int, ...]
    stride: tuple[int, ...]
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]

    @property
    def rows(self) -> int:
        """``c_out`` times the output positions."""
        return self.c_out * math.prod(self.output_shape)

    @property
    def cols(self) -> int:
        """``c_in`` times the input positions."""
        return self.c_in * math.prod(self.input_shape)

    @property
    def num_weights(self) -> int:
        """``c_out · c_in · |filter|``, ordered ``(o, c, f)`` with ``f`` row-major."""
        return self.c_out * self.c_in * math.prod(self.filter_shape)

    def shifts(self) -> list[list[int]]:
        """For each filter position ``f``, the flat input position ``s u + f`` of each flat
        output position ``u`` (row-major).

        Examples
        --------
        >>> ConvolutionLayer(1, 1, (2,), (2,), (4,), (2,)).shifts()
        [[0, 2], [1, 3]]
        """
        out = []
        for f in itertools.product(*(range(k) for k in self.filter_shape)):
            row = []
            for u in itertools.product(*(range(m) for m in self.output_shape)):
                v = 0
                for a, (ua, fa) in enumerate(zip(u, f)):
                    v = v * self.input_shape[a] + self.stride[a] * ua + fa
                row.append(v)
            out.append(row)
        return out

    def positions(self) -> tuple[tuple[tuple[int, int], ...], ...]:
        """For each weight ``(o, c, f)``, its entries ``(row, col)`` in the block-Toeplitz matrix.

        Examples
        --------
        >>> ConvolutionLayer(1, 2, (1,), (1,), (2,), (2,)).positions()
        (((0, 0), (1, 1)), ((2, 0), (3, 1)))
        """
        U, V = math.prod(self.output_shape), math.prod(self.input_shape)
        sh = self.shifts()
        return tuple(tuple((o * U + u, c * V + sh[f][u]) for u in range(U))
                     for o in range(self.c_out) for c in range(self.c_in) for f in range(len(sh)))


def convolution_layers(arch: Architecture | str, output_shape: Sequence[int] | None = None, *,
                       limits: Limits | None = None) -> list[ConvolutionLayer]:
    """The layers of a linear architecture, with its channels (one channel without ``c=``).

    The input shape is the one that gives ``output_shape`` per channel (default all ones: the
    input is the end-to-end filter's size): ``n_{l−1} = s_l (n_l − 1) + k_l`` per axis.

    Raises
    ------
    InputError
        For an activation (``r=``) or a malformed ``output_shape``.
    ResourceLimitError
        When a layer's block-Toeplitz matrix exceeds ``max_hessian_entries``.

    Examples
    --------
    >>> [(m.rows, m.cols, m.num_weights) for m in convolution_layers("2,2 s=2 c=1,3,2")]
    [(6, 4, 6), (2, 6, 12)]
    """
    arch = Architecture.coerce(arch)
    limits = Limits.coerce(limits)
    if arch.activation is not None:
        raise InputError("activation: the Hessian is implemented for linear networks (no r=)")
    if output_shape is None:
        shape = (1,) * arch.ndim
    else:
        items = checks.sequence(output_shape, "output_shape", "a sequence of positive integers")
        if len(items) != arch.ndim:
            raise InputError(f"output_shape: expected {arch.ndim} integers, got {len(items)}")
        shape = tuple(checks.integer(v, "output_shape", low=1, form="integers >= 1") for v in items)
    ch = arch.channels or (1,) * (arch.num_layers + 1)
    strides = arch.strides or tuple((1,) * arch.ndim for _ in arch.filters)
    layers = []
    for l in range(arch.num_layers - 1, -1, -1):
        f, s = arch.filters[l], strides[l]
        inp = tuple(si * (n - 1) + k for n, k, si in zip(shape, f, s))
        layer = ConvolutionLayer(ch[l], ch[l + 1], tuple(f), tuple(s), inp, shape)
        limits.check("max_hessian_entries", f"entries of the {layer.rows}x{layer.cols} matrix of layer {l + 1}",
                     layer.rows * layer.cols)
        layers.append(layer)
        shape = inp
    return layers[::-1]


def check_hessian_entries(layers: Sequence[ConvolutionLayer], N: int, limits: Limits | None = None) -> None:
    """The bounds :func:`convolution_hessian` checks before it builds anything: the entries it
    stores (``J`` and the blocks of ``H_F``) and :func:`assembly_entries`, both from the layers
    and the number ``N`` of samples alone (so that a caller drawing its own data checks them
    before drawing it).

    Raises
    ------
    ResourceLimitError
        When either exceeds ``limits.max_hessian_entries``.

    Examples
    --------
    >>> check_hessian_entries(convolution_layers("2,2"), 3, Limits(max_hessian_entries=10))
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: entries of the structured loss Hessian (4 weights, J and the blocks of H_F) estimated at 16, above the bound 10; to allow it, raise limits=Limits(max_hessian_entries=...) (CLI: --max-hessian-entries)
    """
    limits = Limits.coerce(limits)
    sizes = [m.num_weights for m in layers]
    n, K, L = sum(sizes), layers[-1].rows, len(layers)
    stored = K * N * n + sum(sizes[l] * sizes[m] for l in range(L) for m in range(l + 1, L))
    limits.check("max_hessian_entries", f"entries of the structured loss Hessian ({n} weights, J and the "
                 "blocks of H_F)", stored)
    limits.check("max_hessian_entries", f"entries of the shifted matrices that assemble the Hessian of {n} weights",
                 assembly_entries(layers, N))


def assembly_entries(layers: Sequence[ConvolutionLayer], N: int) -> int:
    """The number of matrix entries :func:`convolution_hessian` builds from shifted rows for
    ``N`` samples (the gathered matrices ``Ẑ_f``, ``M̂``, ``B̂``): the work it is bounded by.

    Examples
    --------
    >>> assembly_entries(convolution_layers("2,2"), 3)
    26
    """
    work = 0
    for l, a in enumerate(layers):
        Ua, fa = math.prod(a.output_shape), math.prod(a.filter_shape)
        work += fa * Ua * a.c_in * N
        for b in layers[l + 1:]:
            Ub, fb = math.prod(b.output_shape), math.prod(b.filter_shape)
            work += Ua * Ub * (fa * a.c_in * b.c_out + fb * b.c_in * a.c_out)
    return work


def _convert(field: tuple, e: Any) -> Any:
    if field[0] == "q":
        e = Fraction(e)
        return flint.fmpq(e.numerator, e.denominator)
    e = Fraction(e)
    return flint.nmod(e.numerator * pow(e.denominator, -1, field[1]), field[1])


def _mat(field: tuple, rows: int, cols: int, entries: list) -> Any:
    if field[0] == "q":
        return flint.fmpq_mat(rows, cols, entries)
    return flint.nmod_mat(rows, cols, entries, field[1])


def _identity(field: tuple, n: int) -> Any:
    return _mat(field, n, n, [1 if i == j else 0 for i in range(n) for j in range(n)])


def _toeplitz(field: tuple, layer: ConvolutionLayer, weights: Sequence) -> Any:
    entries = [0] * (layer.rows * layer.cols)
    for w, pos in zip(weights, layer.positions()):
        for i, j in pos:
            entries[i * layer.cols + j] = w
    return _mat(field, layer.rows, layer.cols, entries)


@dataclass(frozen=True)
class StructuredHessian:
    """The loss Hessian of a linear convolutional network, kept in its block structure.

    Attributes
    ----------
    sizes : tuple of int
        Weights per layer (``n = Σ sizes``).
    jacobian : flint.fmpq_mat or flint.nmod_mat
        ``J = ∂ vec(F X)/∂θ`` (``K N × n``); ``H_o = 2 JᵀJ``.
    blocks : dict
        ``(l, m) ↦`` the block of ``H_F`` between layers ``l < m`` (``n_l × n_m``); the diagonal
        blocks are zero and the lower ones are the transposes.
    modulus : int or None
        The prime, or None over Q.
    """

    sizes: tuple[int, ...]
    jacobian: Any
    blocks: dict
    modulus: int | None

    @property
    def num_weights(self) -> int:
        """``n``."""
        return sum(self.sizes)

    def _mat(self, rows: int, cols: int, entries: list) -> Any:
        return _mat(("q", None) if self.modulus is None else ("p", self.modulus), rows, cols, entries)

    def outer(self) -> Any:
        """``H_o = 2 JᵀJ`` (``n × n``)."""
        return 2 * (self.jacobian.transpose() * self.jacobian)

    def functional(self) -> Any:
        """``H_F`` assembled (``n × n``)."""
        n, off = self.num_weights, [0]
        for k in self.sizes:
            off.append(off[-1] + k)
        rows = [[0] * n for _ in range(n)]
        for (l, m), block in self.blocks.items():
            e, nm = block.entries(), self.sizes[m]
            for a in range(self.sizes[l]):
                for b in range(nm):
                    v = e[a * nm + b]
                    rows[off[l] + a][off[m] + b] = v
                    rows[off[m] + b][off[l] + a] = v
        return self._mat(n, n, [e for row in rows for e in row])

    def loss(self) -> Any:
        """``H_L = H_o + H_F`` assembled."""
        return self.outer() + self.functional()

    def sketched_ranks(self, upper: int, seed: int = 0) -> dict[str, int]:
        """Ranks of ``Sᵀ H S`` for a random ``S`` over ``Z/p`` with ``k = min(n, upper + 1)`` columns,
        for ``H = H_L``, ``H_o``, ``H_F``.

        Each is a proved lower bound for ``rank H`` (over ``Z/p``, hence over Q); when ``upper``
        bounds the ranks, each equals ``rank_p H`` except with probability at most ``1/(p − 1)``
        (see the module docstring).  ``Sᵀ H S`` is summed block by block, never forming ``H``.

        Examples
        --------
        >>> H = convolution_hessian(convolution_layers("2,2"), [[1, 2], [3, 5]], [[1], [2], [4]], [[7]],
        ...                         modulus=1000003)
        >>> H.sketched_ranks(upper=4) == {"loss": H.loss().rank(), "outer": H.outer().rank(),
        ...                               "functional": H.functional().rank()}
        True
        """
        if self.modulus is None:
            raise InputError("sketched_ranks: the sketch works modulo a prime (pass modulus=)")
        upper = checks.integer(upper, "upper", low=0, form="a non-negative integer")
        n, p = self.num_weights, self.modulus
        rng = random.Random(seed)
        k = min(n, upper + 1)
        bits = p.bit_length()
        S = []
        for size in self.sizes:
            entries: list[int] = []
            while len(entries) < size * k:  # uniform on Z/p by rejection
                entries.extend(x for x in (rng.getrandbits(bits) for _ in range(size * k - len(entries))) if x < p)
            S.append(flint.nmod_mat(size, k, entries, p))
        off = [0]
        for size in self.sizes:
            off.append(off[-1] + size)
        JS = flint.nmod_mat(self.jacobian.nrows(), k, [0] * (self.jacobian.nrows() * k), p)
        for l, Sl in enumerate(S):  # J S, with J split by layers
            Jl = flint.nmod_mat(self.jacobian.nrows(), self.sizes[l], [
                e for r in range(self.jacobian.nrows()) for e in self._row(r)[off[l]:off[l + 1]]], p)
            JS = JS + Jl * Sl
        T_o = 2 * (JS.transpose() * JS)
        T_f = flint.nmod_mat(k, k, [0] * (k * k), p)
        for (l, m), block in self.blocks.items():
            part = S[l].transpose() * (block * S[m])
            T_f = T_f + part + part.transpose()
        return {"loss": (T_o + T_f).rank(), "outer": T_o.rank(), "functional": T_f.rank()}

    def _row(self, r: int) -> list:
        n = self.num_weights
        return [self.jacobian[r, j] for j in range(n)]


def convolution_hessian(layers: Sequence[ConvolutionLayer], theta: Sequence[Sequence], X: Sequence[Sequence],
                        Y: Sequence[Sequence], *, modulus: int | None = None,
                        limits: Limits | None = None) -> StructuredHessian:
    """The loss Hessian in the weights, exactly (over Q, or over ``Z/p`` for a prime ``modulus``).

    Parameters
    ----------
    layers : sequence of ConvolutionLayer
        From :func:`convolution_layers`.
    theta : sequence of sequences
        Each layer's weights in the order ``(o, c, f)`` (rationals).
    X, Y : matrices
        Data ``d_0 × N`` and targets ``K × N`` (rows of rationals).
    modulus : int, optional
        A prime below ``2^63``.
    limits : Limits, optional
        ``max_hessian_entries`` bounds the entries stored (``J`` and the blocks of ``H_F``).

    Returns
    -------
    StructuredHessian

    Raises
    ------
    InputError
        For sizes that do not match the layers, or a modulus that is not a prime.
    ResourceLimitError
        When the stored entries exceed ``max_hessian_entries``.

    Examples
    --------
    ``ℓ = (a b − 2)²`` (one weight per layer, ``x = 1``) at ``a = b = 1``:

    >>> layers = convolution_layers("1,1")
    >>> print(convolution_hessian(layers, [[1], [1]], [[1]], [[2]]).loss())
    [2, 0]
    [0, 2]
    """
    limits = Limits.coerce(limits)
    layers = checks.sequence(layers, "layers", "a sequence of ConvolutionLayer")
    theta = [checks.sequence(t, "theta", "one sequence of weights per layer")
             for t in checks.sequence(theta, "theta", "one sequence of weights per layer")]
    X = [[checks.rational(e, "X") for e in checks.sequence(r, "X", "a matrix (a sequence of rows)")]
         for r in checks.sequence(X, "X", "a matrix (a sequence of rows)")]
    Y = [[checks.rational(e, "Y") for e in checks.sequence(r, "Y", "a matrix (a sequence of rows)")]
         for r in checks.sequence(Y, "Y", "a matrix (a sequence of rows)")]
    theta = [[checks.rational(e, "theta") for e in t] for t in theta]
    L = len(layers)
    if L < 1 or not all(isinstance(m, ConvolutionLayer) for m in layers):
        raise InputError("layers: expected a non-empty sequence of ConvolutionLayer (convolution_layers)")
    check_chain(layers, theta)
    if modulus is not None:
        modulus = checks.modulus(modulus)
    n = sum(m.num_weights for m in layers)
    d0, K = layers[0].cols, layers[-1].rows
    if len(X) != d0 or len(Y) != K:
        raise InputError(f"X must have {d0} rows and Y {K} rows, got {len(X)} and {len(Y)}")
    N = len(X[0]) if X else 0
    if N < 1 or any(len(r) != N for r in list(X) + list(Y)):
        raise InputError("X and Y must have the same number N >= 1 of columns")
    check_hessian_entries(layers, N, limits)
    sizes = [m.num_weights for m in layers]
    field = ("q", None) if modulus is None else ("p", modulus)
    cv = lambda e: _convert(field, e)  # noqa: E731
    W = [_toeplitz(field, m, [cv(w) for w in t]) for m, t in zip(layers, theta)]
    Xm = _mat(field, d0, N, [cv(e) for r in X for e in r])
    Ym = _mat(field, K, N, [cv(e) for r in Y for e in r])
    Z = [Xm]                                   # Z[l] = W_l ⋯ W_1 X
    for Wl in W:
        Z.append(Wl * Z[-1])
    above = [None] * L                         # above[l]: the layers after layer l, multiplied
    acc = _identity(field, K)
    for l in range(L - 1, -1, -1):
        above[l] = acc
        acc = acc * W[l]
    R = Z[L] - Ym
    offsets = [0]
    for m in layers:
        offsets.append(offsets[-1] + m.num_weights)

    # J = d vec(F X) / d theta, rows (kappa, s), columns the weights
    J = [[0] * n for _ in range(K * N)]
    for l, layer in enumerate(layers):
        U, V = math.prod(layer.output_shape), math.prod(layer.input_shape)
        A = above[l].entries()                  # K × (c_out U)
        Ahat = _mat(field, K * layer.c_out, U,
                    [A[k * layer.rows + o * U + u] for k in range(K) for o in range(layer.c_out) for u in range(U)])
        Zl = Z[l].entries()                     # (c_in V) × N
        nf = math.prod(layer.filter_shape)
        for f, sh in enumerate(layer.shifts()):
            Zhat = _mat(field, U, layer.c_in * N,
                        [Zl[(c * V + sh[u]) * N + s] for u in range(U) for c in range(layer.c_in) for s in range(N)])
            P = (Ahat * Zhat).entries()         # (K c_out) × (c_in N)
            for k in range(K):
                for o in range(layer.c_out):
                    base = (k * layer.c_out + o) * layer.c_in * N
                    for c in range(layer.c_in):
                        col = offsets[l] + (o * layer.c_in + c) * nf + f
                        for s in range(N):
                            J[k * N + s][col] = P[base + c * N + s]
    Jm = _mat(field, K * N, n, [e for row in J for e in row])

    blocks = {}
    for l in range(L):
        lay_l = layers[l]
        Ul, Vl, nfl = math.prod(lay_l.output_shape), math.prod(lay_l.input_shape), math.prod(lay_l.filter_shape)
        M = _identity(field, lay_l.rows)        # W_{m-1} ⋯ W_{l+1}
        for m in range(l + 1, L):
            lay_m = layers[m]
            Um, Vm, nfm = math.prod(lay_m.output_shape), math.prod(lay_m.input_shape), math.prod(lay_m.filter_shape)
            B = (Z[l] * R.transpose() * above[m]).entries()   # (c_in^l V_l) × (c_out^m U_m)
            Me = M.entries()                                    # (c_in^m V_m) × (c_out^l U_l)
            sh_l, sh_m = lay_l.shifts(), lay_m.shifts()
            ci, co, ci2, co2 = lay_l.c_in, lay_l.c_out, lay_m.c_in, lay_m.c_out
            nl, nm = sizes[l], sizes[m]
            block = [0] * (nl * nm)
            Bhats = []
            for f in range(nfl):
                Bhats.append(_mat(field, Um * Ul, ci * co2, [
                    B[(c * Vl + sh_l[f][u]) * lay_m.rows + o2 * Um + u2]
                    for u2 in range(Um) for u in range(Ul) for c in range(ci) for o2 in range(co2)]))
            for f2 in range(nfm):
                Mhat = _mat(field, ci2 * co, Um * Ul, [
                    Me[(c2 * Vm + sh_m[f2][u2]) * lay_l.rows + o * Ul + u]
                    for c2 in range(ci2) for o in range(co) for u2 in range(Um) for u in range(Ul)])
                for f in range(nfl):
                    P = (Mhat * Bhats[f]).entries()             # (c2, o) × (c, o2)
                    for c2 in range(ci2):
                        for o in range(co):
                            row = (c2 * co + o) * ci * co2
                            for c in range(ci):
                                a = ((o * ci + c) * nfl + f) * nm
                                for o2 in range(co2):
                                    block[a + (o2 * ci2 + c2) * nfm + f2] = 2 * P[row + c * co2 + o2]
            blocks[(l, m)] = _mat(field, nl, nm, block)
            M = W[m] * M
    return StructuredHessian(tuple(sizes), Jm, blocks, modulus)
