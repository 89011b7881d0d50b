"""Layer matrices that are linear in the layer's weights.

A :class:`LinearLayer` is a ``rows × cols`` matrix ``W(θ) = Σ_k θ_k E_k`` whose basis matrices
``E_k`` are 0/1 matrices with disjoint supports, stored as the list of positions of each
``E_k``.  A dense layer has one position per weight; a convolution with filter ``w`` and stride
``s`` is the Toeplitz matrix ``W[i, s·i + j] = w[j]`` (cross-correlation; per axis in several
dimensions, flattened row-major), so weight ``w[j]`` occupies one position per output.  Any
network that is a product of such maps fits: channels only change the positions.

Correctness: ``W`` is linear in ``θ`` by construction, and for the convolution
``(W x)[i] = Σ_j w[j] x[s i + j]``, which is the stride-``s`` convolution of ``x`` with ``w``.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any, Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.limits import Limits
from lcnalg.errors import InputError

__all__ = ["LinearLayer", "dense_layer", "convolution_layer", "architecture_layers", "check_chain"]


@dataclass(frozen=True)
class LinearLayer:
    """A ``rows × cols`` matrix linear in its weights.

    Attributes
    ----------
    rows, cols : int
        Matrix size (output size × input size).
    positions : tuple of tuple of (int, int)
        ``positions[k]``: the entries where weight ``k`` sits (coefficient 1).
    """

    rows: int
    cols: int
    positions: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def num_weights(self) -> int:
        """Number of weights of the layer."""
        return len(self.positions)

    def matrix_entries(self, theta: Sequence) -> list[list]:
        """The matrix ``W(θ)`` as a list of rows (entries ``0`` or sums of weights).

        Examples
        --------
        >>> convolution_layer((2,), (1,), (3,)).matrix_entries([5, 7])
        [[5, 7, 0], [0, 5, 7]]
        """
        if len(theta) != self.num_weights:
            raise InputError(f"theta must have {self.num_weights} entries, got {len(theta)}")
        out = [[0] * self.cols for _ in range(self.rows)]
        for k, pos in enumerate(self.positions):
            for i, j in pos:
                out[i][j] = out[i][j] + theta[k]
        return out


def _shape(value: Any, name: str, ndim: int | None = None, low: int = 1) -> tuple[int, ...]:
    """A shape: a sequence of integers ``>= low`` (``ndim`` of them when given)."""
    items = checks.sequence(value, name, "a sequence of positive integers")
    if ndim is not None and len(items) != ndim:
        raise InputError(f"{name}: expected {ndim} integers, got {len(items)}")
    if not items:
        raise InputError(f"{name}: expected at least one integer")
    return tuple(checks.integer(v, name, low=low, form=f"integers >= {low}") for v in items)


def _bounded(rows: int, cols: int, limits: Limits | None) -> None:
    """Refuse, before it is built, a layer matrix beyond ``max_hessian_entries``."""
    Limits.coerce(limits).check("max_hessian_entries", f"entries of a {rows}x{cols} layer matrix", rows * cols)


def dense_layer(rows: int, cols: int, *, limits: Limits | None = None) -> LinearLayer:
    """A dense ``rows × cols`` layer; weight ``k`` is entry ``(k // cols, k % cols)``.

    Examples
    --------
    >>> dense_layer(2, 3).num_weights
    6
    """
    rows = checks.integer(rows, "rows", low=1, form="a positive integer")
    cols = checks.integer(cols, "cols", low=1, form="a positive integer")
    _bounded(rows, cols, limits)
    return LinearLayer(rows, cols, tuple(((i, j),) for i in range(rows) for j in range(cols)))


def convolution_layer(filter_shape: Sequence[int], stride: Sequence[int],
                      input_shape: Sequence[int], *, limits: Limits | None = None) -> LinearLayer:
    """The Toeplitz matrix of a one-channel convolution with stride (1D or 2D, any dimension).

    Parameters
    ----------
    filter_shape, stride, input_shape : sequence of int
        Per axis: filter size ``k``, stride ``s`` and input size ``n`` (``n ≥ k``); the output
        size is ``(n − k) // s + 1``.

    Returns
    -------
    LinearLayer
        Rows indexed by output positions, columns by input positions (row-major); weight
        ``j`` (filter entries row-major) at ``(i, s·i + j)``.

    Raises
    ------
    InputError
        If the filter does not fit the input.

    Examples
    --------
    >>> layer = convolution_layer((2,), (2,), (4,))
    >>> layer.rows, layer.cols, layer.positions
    (2, 4, (((0, 0), (1, 2)), ((0, 1), (1, 3))))
    """
    filter_shape = _shape(filter_shape, "filter_shape")
    stride = _shape(stride, "stride", len(filter_shape))
    input_shape = _shape(input_shape, "input_shape", len(filter_shape))
    if any(n < k for n, k in zip(input_shape, filter_shape)):
        raise InputError(f"input shape {tuple(input_shape)} is smaller than the filter {tuple(filter_shape)}")
    out_shape = tuple((n - k) // s + 1 for n, k, s in zip(input_shape, filter_shape, stride))
    _bounded(math.prod(out_shape), math.prod(input_shape), limits)

    def flat(index: Sequence[int], shape: Sequence[int]) -> int:
        f = 0
        for a, n in zip(index, shape):
            f = f * n + a
        return f

    positions = []
    for j in itertools.product(*(range(k) for k in filter_shape)):
        positions.append(tuple(
            (flat(i, out_shape), flat([s * a + b for a, s, b in zip(i, stride, j)], input_shape))
            for i in itertools.product(*(range(m) for m in out_shape))))
    return LinearLayer(math.prod(out_shape), math.prod(input_shape), tuple(positions))


def architecture_layers(arch: Architecture | str, output_shape: Sequence[int] | None = None, *,
                        limits: Limits | None = None) -> list[LinearLayer]:
    """The Toeplitz layers of a one-channel convolutional architecture.

    The input shape is the one that gives ``output_shape`` (default all ones, i.e. the input is
    the end-to-end filter's size): ``n_{l−1} = s_l (n_l − 1) + k_l`` per axis.

    Raises
    ------
    InputError
        If the architecture has channels or an activation (not supported here).

    Examples
    --------
    >>> [(m.rows, m.cols) for m in architecture_layers("2,2 s=2")]
    [(2, 4), (1, 2)]
    """
    arch = Architecture.coerce(arch)
    if arch.channels is not None and any(c != 1 for c in arch.channels):
        raise InputError("channels: the Toeplitz layers are built for one channel only")
    if arch.activation is not None:
        raise InputError("activation: the Hessian is implemented for linear networks (no r=)")
    shape = _shape(output_shape, "output_shape", arch.ndim) if output_shape is not None else (1,) * arch.ndim
    strides = arch.strides or tuple((1,) * arch.ndim for _ in arch.filters)
    layers = []
    for f, s in zip(reversed(arch.filters), reversed(strides)):
        inp = tuple(si * (n - 1) + k for n, k, si in zip(shape, f, s))
        layers.append(convolution_layer(f, s, inp, limits=limits))
        shape = inp
    return layers[::-1]


def check_chain(layers: Sequence[Any], theta: Sequence[Sequence]) -> None:
    """Refuse layers whose sizes do not compose (``cols`` of layer ``l + 1`` = ``rows`` of layer
    ``l``) or weights that do not fit them (``len(theta[l]) = layers[l].num_weights``).

    Raises
    ------
    InputError
        Naming ``layers`` or ``theta``.

    Examples
    --------
    >>> check_chain([dense_layer(2, 3), dense_layer(1, 3)], [[0] * 6, [0] * 3])
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: layers: layer 2 takes 3 inputs but layer 1 gives 2
    """
    for l in range(1, len(layers)):
        if layers[l].cols != layers[l - 1].rows:
            raise InputError(f"layers: layer {l + 1} takes {layers[l].cols} inputs but layer {l} gives "
                             f"{layers[l - 1].rows}")
    if len(theta) != len(layers) or any(len(t) != m.num_weights for t, m in zip(theta, layers)):
        raise InputError(f"theta must give {[m.num_weights for m in layers]} weights per layer")
