"""Rectifier networks with exact rational weights: convolutional and dense layers.

A :class:`Network` is a sequence of affine layers ``x -> W x + b`` on a flattened input; every
layer but the last is followed by the rectifier ``ReLU(z) = max(z, 0)`` (applied entrywise), the
last layer is linear (affine).  Its units are the *hidden* units: the outputs of every layer but
the last.  The layers are

* ``dense``: ``weights`` (a list of rows, one per output unit, each as long as the flattened
  input of the layer) and ``bias`` (one number per output unit; zeros when left out);
* ``conv``: a valid (no padding) cross-correlation with one filter and one channel,
  ``y_i = sum_j f_j x_{s i + j} + b`` in 1D (``filter`` a list, ``stride`` an integer) and
  ``y_{i,k} = sum_{j,l} f_{j,l} x_{s_1 i + j, s_2 k + l} + b`` in 2D (``filter`` a list of
  rows, ``stride`` an integer or a pair); the output has ``floor((n - k) / s) + 1`` positions
  per axis (trailing inputs that no window reaches are ignored) and ``bias`` is one number
  shared by every position (0 when left out).  A 2D convolution needs a 2D input shape; a dense
  layer flattens (row-major), after which convolutions are 1D.

Every number is exact: an integer, or text such as ``"-2/5"``, ``"7"`` or ``"0.25"``; floats
(including ``NaN`` and ``Infinity``) are refused.  Each layer becomes a dense rational matrix
(:meth:`Network.affine_layers`), on which the region count works.

The JSON form (``lcnalg regions NETWORK_FILE``) is one object::

    {"input": [3],
     "layers": [{"type": "conv", "filter": [1, -1], "stride": 1, "bias": "1/2"},
                {"type": "dense", "weights": [[1, 2]], "bias": [0]}]}

Examples
--------
>>> net = Network.from_dict({"input": [3], "layers": [
...     {"type": "conv", "filter": [1, -1], "stride": 1, "bias": "1/2"},
...     {"type": "dense", "weights": [[1, 2]]}]})
>>> net.widths, net.hidden_widths, str(net)
((3, 2, 1), (2,), 'input [3]; conv [1, -1] s=1 -> [2]; dense 2 -> 1')
>>> W, b = net.affine_layers()[0]
>>> W.tolist(), b
([[1, -1, 0], [0, 1, -1]], (1/2, 1/2))
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Sequence

import flint

from lcnalg.checks import exact, integer, read_text, sequence, short
from lcnalg.errors import InputError

__all__ = ["Network", "Layer", "MAX_NETWORK_BYTES", "MAX_UNITS"]

#: Largest network file read (bytes).
MAX_NETWORK_BYTES = 10_000_000
#: Most units (input positions or outputs) of one layer accepted before anything is built.
MAX_UNITS = 100_000

_KEYS = {"dense": {"type", "weights", "bias"}, "conv": {"type", "filter", "stride", "bias"}}


@dataclass(frozen=True)
class Layer:
    """One affine layer of a :class:`Network`, as given (its dense matrix is built on demand).

    Attributes
    ----------
    kind : {"dense", "conv"}
    in_shape, out_shape : tuple of int
        Shapes of its input and output (1 or 2 axes).
    weights : tuple of tuple of flint.fmpq
        ``dense``: the rows of ``W``; ``conv``: the filter (one row in 1D).
    bias : tuple of flint.fmpq
        ``dense``: one per output; ``conv``: one, shared.
    stride : tuple of int
        ``conv`` only: one per axis (empty for ``dense``).
    """

    kind: str
    in_shape: tuple[int, ...]
    out_shape: tuple[int, ...]
    weights: tuple[tuple[Any, ...], ...]
    bias: tuple[Any, ...]
    stride: tuple[int, ...] = ()

    @property
    def inputs(self) -> int:
        """Length of the flattened input."""
        return _size(self.in_shape)

    @property
    def outputs(self) -> int:
        """Length of the flattened output."""
        return _size(self.out_shape)

    def matrix(self) -> tuple[flint.fmpq_mat, tuple[Any, ...]]:
        """``(W, b)``: the layer as a dense ``outputs x inputs`` rational matrix and its bias."""
        W = flint.fmpq_mat(self.outputs, self.inputs)
        if self.kind == "dense":
            for i, row in enumerate(self.weights):
                for j, w in enumerate(row):
                    if w != 0:
                        W[i, j] = w
            return W, self.bias
        filt, width = self.weights, self.in_shape[-1]
        out_cols = self.out_shape[-1]
        s_rows, s_cols = (1, self.stride[0]) if len(self.in_shape) == 1 else self.stride
        for i in range(self.outputs):
            r, c = divmod(i, out_cols)
            for a, frow in enumerate(filt):
                for b, w in enumerate(frow):
                    if w != 0:
                        W[i, (s_rows * r + a) * width + s_cols * c + b] = w
        return W, tuple(self.bias[0] for _ in range(self.outputs))

    def describe(self) -> str:
        """A short description, e.g. ``conv [1, -1] s=2 -> [3]`` or ``dense 4 -> 2``."""
        if self.kind == "dense":
            return f"dense {self.inputs} -> {self.outputs}"
        filt = [str(w) for w in self.weights[0]] if len(self.in_shape) == 1 else \
            [[str(w) for w in row] for row in self.weights]
        text = str(filt).replace("'", "")
        stride = "x".join(map(str, self.stride))
        return f"conv {short(text, 40)} s={stride} -> {list(self.out_shape)}"


def _size(shape: Sequence[int]) -> int:
    n = 1
    for k in shape:
        n *= k
    return n


@dataclass(frozen=True)
class Network:
    """A rectifier network: affine layers, a ReLU after every layer but the last.

    Build one with :meth:`from_dict` or :meth:`from_file` (the JSON form of the module
    docstring).

    Attributes
    ----------
    input_shape : tuple of int
        ``(n,)`` or ``(h, w)``.
    layers : tuple of Layer

    Examples
    --------
    >>> net = Network.from_dict({"input": [2, 2], "layers": [
    ...     {"type": "conv", "filter": [[1, 1], [1, -1]], "stride": [1, 1]},
    ...     {"type": "dense", "weights": [[1]], "bias": [0]}]})
    >>> net.widths, net.input_dimension
    ((4, 1, 1), 4)
    """

    input_shape: tuple[int, ...]
    layers: tuple[Layer, ...]

    @property
    def input_dimension(self) -> int:
        """``n_0``: the length of the flattened input."""
        return _size(self.input_shape)

    @property
    def widths(self) -> tuple[int, ...]:
        """``(n_0, n_1, ..., n_L)``: the input dimension and the outputs of each layer."""
        return (self.input_dimension,) + tuple(layer.outputs for layer in self.layers)

    @property
    def hidden_widths(self) -> tuple[int, ...]:
        """The units of each rectified layer (every layer but the last)."""
        return self.widths[1:-1]

    @property
    def all_dense(self) -> bool:
        """True when no layer is a convolution."""
        return all(layer.kind == "dense" for layer in self.layers)

    def affine_layers(self) -> list[tuple[flint.fmpq_mat, tuple[Any, ...]]]:
        """``[(W_1, b_1), ..., (W_L, b_L)]`` as dense rational matrices and bias tuples."""
        return [layer.matrix() for layer in self.layers]

    def dense_entries(self) -> int:
        """Entries of the dense matrices :meth:`affine_layers` builds (checked before building)."""
        return sum(layer.inputs * layer.outputs for layer in self.layers)

    def __str__(self) -> str:
        return f"input {list(self.input_shape)}; " + "; ".join(layer.describe() for layer in self.layers)

    @classmethod
    def from_file(cls, path: str) -> "Network":
        """Read the JSON form from ``path``.

        Raises
        ------
        InputError
            When the file cannot be read, is larger than :data:`MAX_NETWORK_BYTES`, is not
            JSON, or describes no valid network (the message names the field).
        """
        text = read_text(path, "NETWORK_FILE", MAX_NETWORK_BYTES)
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            msg = getattr(exc, "msg", type(exc).__name__)
            raise InputError(f"NETWORK_FILE: {short(path, 60)} is not JSON ({msg}); give an object "
                             '{"input": [n], "layers": [...]}') from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: object) -> "Network":
        """Build and check a network from its JSON form (a dict; see the module docstring).

        Raises
        ------
        InputError
            Naming the field at fault (``input``, ``layers[2].filter``, ...).

        Examples
        --------
        >>> Network.from_dict({"input": [2], "layers": [{"type": "dense", "weights": [[1, 0.5]]}]})
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: layers[0].weights[0][1]: 0.5 (float) is not exact; give integers or fractions like 3 or -2/5 (floats are refused: results are exact)
        """
        if isinstance(data, Network):
            return data
        if not isinstance(data, dict):
            raise InputError(f"network: expected an object {{\"input\": [n], \"layers\": [...]}}, "
                             f"got {type(data).__name__}")
        extra = set(data) - {"input", "layers"}
        if extra:
            raise InputError(f"network: unknown field {short(sorted(map(str, extra))[0], 30)!r}; "
                             "the fields are input and layers")
        if "input" not in data or "layers" not in data:
            missing = "input" if "input" not in data else "layers"
            raise InputError(f"{missing}: missing; a network is an object {{\"input\": [n], \"layers\": [...]}}")
        shape = _shape(data["input"])
        raw_layers = sequence(data["layers"], "layers", "a list of layers")
        if not raw_layers:
            raise InputError("layers: expected at least one layer")
        if len(raw_layers) > 1000:
            raise InputError(f"layers: {len(raw_layers)} layers, more than the 1000 accepted")
        layers = []
        for index, raw in enumerate(raw_layers):
            layer = _layer(raw, shape, f"layers[{index}]")
            layers.append(layer)
            shape = layer.out_shape
        return cls(input_shape=_shape(data["input"]), layers=tuple(layers))


def _shape(value: object) -> tuple[int, ...]:
    items = sequence(value, "input", "a shape [n] or [h, w]")
    if len(items) not in (1, 2):
        raise InputError(f"input: expected a shape [n] or [h, w], got {len(items)} axes")
    shape = tuple(integer(k, "input", low=1, high=MAX_UNITS + 1, form=f"a positive size up to {MAX_UNITS}")
                  for k in items)
    if _size(shape) > MAX_UNITS:
        raise InputError(f"input: {_size(shape)} positions, more than the {MAX_UNITS} accepted")
    return shape


def _number(value: object, name: str) -> Any:
    q = exact(value, name, decimals=True)
    return flint.fmpq(q.numerator, q.denominator)


def _numbers(value: object, name: str, length: int | None = None) -> tuple[Any, ...]:
    items = sequence(value, name, "a list of numbers")
    if length is not None and len(items) != length:
        raise InputError(f"{name}: expected {length} numbers, got {len(items)}")
    return tuple(_number(x, f"{name}[{i}]") for i, x in enumerate(items))


def _layer(raw: object, in_shape: tuple[int, ...], name: str) -> Layer:
    if not isinstance(raw, dict):
        raise InputError(f"{name}: expected an object with a type (dense or conv), got {type(raw).__name__}")
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in _KEYS:  # (a list or an object is not hashable)
        raise InputError(f"{name}.type: expected \"dense\" or \"conv\", got {short(kind, 30, quote=True)}")
    extra = set(raw) - _KEYS[kind]
    if extra:
        raise InputError(f"{name}: unknown field {short(sorted(map(str, extra))[0], 30)!r} of a {kind} layer; "
                         f"the fields are {', '.join(sorted(_KEYS[kind]))}")
    n_in = _size(in_shape)
    if kind == "dense":
        if "weights" not in raw:
            raise InputError(f"{name}.weights: missing (a list of rows, one per output unit)")
        rows = sequence(raw["weights"], f"{name}.weights", "a list of rows")
        if not rows:
            raise InputError(f"{name}.weights: expected at least one row")
        if len(rows) > MAX_UNITS or len(rows) * n_in > 10 * MAX_UNITS:
            raise InputError(f"{name}.weights: {len(rows)} x {n_in} weights, more than the {10 * MAX_UNITS} accepted")
        weights = tuple(_numbers(row, f"{name}.weights[{i}]", n_in) for i, row in enumerate(rows))
        bias = _numbers(raw["bias"], f"{name}.bias", len(rows)) if "bias" in raw else \
            tuple(flint.fmpq(0) for _ in rows)
        return Layer("dense", in_shape, (len(rows),), weights, bias)
    if "filter" not in raw:
        raise InputError(f"{name}.filter: missing (a list of numbers in 1D, a list of rows in 2D)")
    items = sequence(raw["filter"], f"{name}.filter", "a list of numbers or of rows")
    if not items:
        raise InputError(f"{name}.filter: expected at least one number")
    two_d = len(in_shape) == 2
    if two_d:
        filt = tuple(_numbers(row, f"{name}.filter[{i}]") for i, row in enumerate(items))
        if len({len(row) for row in filt}) != 1 or not filt[0]:
            raise InputError(f"{name}.filter: rows of one nonzero length expected (a 2D input needs a 2D filter)")
    else:
        filt = (_numbers(items, f"{name}.filter"),)
    k = (len(filt), len(filt[0])) if two_d else (len(filt[0]),)
    stride_raw = raw.get("stride", 1)
    if isinstance(stride_raw, (list, tuple)):
        strides = tuple(integer(s, f"{name}.stride", low=1, high=MAX_UNITS + 1, form="a positive integer")
                        for s in stride_raw)
    else:
        strides = (integer(stride_raw, f"{name}.stride", low=1, high=MAX_UNITS + 1, form="a positive integer"),) \
            * len(in_shape)
    if len(strides) != len(in_shape):
        raise InputError(f"{name}.stride: expected {len(in_shape)} strides (one per input axis), got {len(strides)}")
    out = []
    for axis, (n, kk, s) in enumerate(zip(in_shape, k, strides)):
        if kk > n:
            raise InputError(f"{name}.filter: size {kk} on axis {axis} is longer than the input ({n})")
        out.append((n - kk) // s + 1)
    bias = (_number(raw.get("bias", 0), f"{name}.bias"),)
    return Layer("conv", in_shape, tuple(out), filt, bias, strides)
