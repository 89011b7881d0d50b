"""Architectures of (linear or monomial-activation) convolutional networks.

An :class:`Architecture` records, per layer, the shape of its filter and its stride
(one entry per spatial axis), an optional monomial activation exponent ``r`` and
optional channel widths.  Layer 1 acts on the input first (docs/theory.md#stride-rule).

The architecture string
-----------------------
One format is read and written everywhere (CLI, JSON, LaTeX captions)::

    "3,2 s=2"             1D, filter sizes 3 and 2, stride 2 after layer 1
    "2x2,2x2"             2D, two layers of 2x2 filters, all strides 1
    "2x3,3x2 s=1x1"       2D with explicit strides
    "2,2,2 s=2,2 r=2"     1D, monomial activation x -> x^2 between layers
    "3,2 s=2 c=1,4,1"     channel widths c_0 (input), c_1, ..., c_L

* Layers are separated by commas, axes of one filter shape by ``x``.
* ``s=`` lists the strides of layers 1..L-1 (``L-1`` entries) or of all layers
  (``L`` entries), no other number of entries; without ``s=`` every stride is 1.  The last stride never changes the
  function space (docs/theory.md#reductions) but is kept, because it changes the network matrix.
  Each stride has one entry per axis, written like a filter shape (``2x1``).
* ``r=`` is the exponent of the monomial activation (an integer ``>= 1``; ``r=1``
  is the linear network and is normalised to no activation).
* ``c=`` lists ``L+1`` channel widths (input channels first); omitted means 1.

``str(arch)`` writes the normalised form back: trailing unit stride omitted, ``s=``
omitted when every stride is 1, ``c=`` omitted when every width is 1.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from collections.abc import Iterable, Mapping, Sequence, Set

from lcnalg import checks
from lcnalg.errors import ArchitectureError, InputError

__all__ = ["Architecture", "MAX_AXIS_SIZE", "MAX_LAYERS", "MAX_AXES", "MAX_AMBIENT"]

#: Largest filter size or stride along one axis accepted by :class:`Architecture`.
MAX_AXIS_SIZE = 10_000
#: Largest number of layers accepted.
MAX_LAYERS = 1_000
#: Largest number of spatial axes accepted.
MAX_AXES = 8
#: Largest number of entries of the end-to-end filter accepted.
MAX_AMBIENT = 10**8
#: Largest activation exponent and channel width accepted.
MAX_EXPONENT = 1_000
MAX_CHANNELS = 10_000

_FORM = 'accepted form: "3,2 s=2", "2x2,2x2", "2x3,3x2 s=1x1", "2,2,2 s=2,2 r=2", "3,2 c=1,4,1"'
_INT = re.compile(r"^[0-9]+$")


def _positive(text: str, field: str, bound: int) -> int:
    text = checks.digits(text.strip(), field, error=ArchitectureError)
    if not _INT.match(text) or not text.isascii():
        raise ArchitectureError(
            f"{field}: {checks.short(text)!r} is not a positive integer; {_FORM}"
        )
    if len(text.lstrip("0")) > len(str(bound)):
        raise ArchitectureError(f"{field}: {checks.short(text)} exceeds the bound {bound}; {_FORM}")
    value = int(text)
    if value < 1:
        raise ArchitectureError(f"{field}: {value} must be at least 1; {_FORM}")
    if value > bound:
        raise ArchitectureError(f"{field}: {value} exceeds the bound {bound}; {_FORM}")
    return value


def _shape(text: str, field: str) -> tuple[int, ...]:
    if not text.strip():
        raise ArchitectureError(f"{field}: empty entry; {_FORM}")
    parts = text.strip().split("x")
    if len(parts) > MAX_AXES:
        raise ArchitectureError(f"{field}: {len(parts)} axes, at most {MAX_AXES} allowed; {_FORM}")
    return tuple(_positive(p, field, MAX_AXIS_SIZE) for p in parts)


def _write_shape(shape: Sequence[int]) -> str:
    return "x".join(str(n) for n in shape)


def _check_int(value: object, field: str, low: int, high: int) -> int:
    if not checks.is_integer(value):
        raise ArchitectureError(f"{field}: {checks.short(value, 40, quote=True)} is not an integer; {_FORM}")
    value = int(value)  # a numpy integer becomes a Python int
    if value < low:
        raise ArchitectureError(f"{field}: {checks.short(value)} must be at least {low}; {_FORM}")
    if value > high:
        raise ArchitectureError(f"{field}: {checks.short(value)} exceeds the bound {high}; {_FORM}")
    return value


def _tuple_of_shapes(value: object, field: str) -> tuple[tuple[int, ...], ...]:
    if (isinstance(value, (str, bytes, Mapping, Set)) or not isinstance(value, Iterable)
            or getattr(value, "ndim", None) == 0):
        raise ArchitectureError(f"{field}: expected a sequence of shape tuples; {_FORM}")
    shapes = []
    for i, shape in enumerate(value, start=1):
        if checks.is_integer(shape):
            shape = (shape,)
        if (isinstance(shape, (str, bytes, Mapping, Set)) or not isinstance(shape, Iterable)
                or getattr(shape, "ndim", None) == 0):
            raise ArchitectureError(f"{field} of layer {i}: {checks.short(shape, 40, quote=True)} is not a shape tuple; "
                                    f"{_FORM}")
        shape = tuple(shape)
        if not shape or len(shape) > MAX_AXES:
            raise ArchitectureError(
                f"{field} of layer {i}: needs 1 to {MAX_AXES} axes, got {len(shape)}; {_FORM}"
            )
        shapes.append(tuple(_check_int(n, f"{field} of layer {i}", 1, MAX_AXIS_SIZE) for n in shape))
    return tuple(shapes)


@dataclass(frozen=True)
class Architecture:
    """A convolutional network architecture (frozen, compared and hashed by value).

    Parameters
    ----------
    filters : sequence of tuple of int
        Filter shape of each layer, layer 1 first; ``(3,)`` in 1D, ``(2, 2)`` in 2D.
        Plain integers are read as 1D shapes.
    strides : sequence of tuple of int, optional
        One stride tuple per layer (all 1 by default).  ``L-1`` entries are
        completed with a unit last stride.
    activation : int, optional
        Exponent ``r`` of the monomial activation ``x -> x^r``; ``None`` (or 1) for a
        linear network.
    channels : sequence of int, optional
        ``L+1`` channel widths, input channels first; ``None`` means all 1.

    Raises
    ------
    ArchitectureError
        When a field is malformed: empty, zero or negative sizes, mixed dimensions,
        stride lists of the wrong length, non-integers, ``r < 1``, absurd sizes.

    Examples
    --------
    >>> a = Architecture.parse("3,2 s=2")
    >>> a.filters, a.strides
    (((3,), (2,)), ((2,), (1,)))
    >>> a.end_to_end_filter_shape, a.num_parameters, a.ambient_dimension
    ((5,), 5, 5)
    >>> str(Architecture(((2, 2), (2, 2)), strides=((2, 2), (1, 1))))
    '2x2,2x2 s=2x2'
    >>> Architecture.parse("2,2,2 s=2,2 r=2").activation
    2
    """

    filters: tuple[tuple[int, ...], ...]
    strides: tuple[tuple[int, ...], ...] = ()
    activation: int | None = None
    channels: tuple[int, ...] | None = None

    def __post_init__(self) -> None:
        filters = _tuple_of_shapes(self.filters, "filters")
        if not filters:
            raise ArchitectureError(f"filters: at least one layer is needed; {_FORM}")
        if len(filters) > MAX_LAYERS:
            raise ArchitectureError(f"filters: {len(filters)} layers exceed the bound {MAX_LAYERS}; {_FORM}")
        dims = {len(f) for f in filters}
        if len(dims) > 1:
            raise ArchitectureError(
                f"filters: mixed dimensions {sorted(dims)} (every layer needs the same number of axes); {_FORM}"
            )
        ndim = dims.pop()
        nlayers = len(filters)
        strides = _tuple_of_shapes(self.strides if self.strides is not None else (), "strides")
        if any(len(s) != ndim for s in strides):
            raise ArchitectureError(
                f"strides: each stride needs {ndim} axes like the filters, got "
                + ", ".join(f"{_write_shape(s)} ({len(s)} ax{'is' if len(s) == 1 else 'es'})" for s in strides)
                + f"; {_FORM}"
            )
        if len(strides) == nlayers - 1:
            strides = strides + ((1,) * ndim,)
        elif len(strides) == 0:
            strides = ((1,) * ndim,) * nlayers
        elif len(strides) != nlayers:
            raise ArchitectureError(
                f"strides: {len(strides)} given for {nlayers} layers; give {nlayers - 1} "
                f"(layers 1..L-1) or {nlayers}; {_FORM}"
            )
        activation = self.activation
        if activation is not None:
            activation = _check_int(activation, "activation (r)", 1, MAX_EXPONENT)
            if activation == 1:
                activation = None
        channels = self.channels
        if channels is not None:
            if (isinstance(channels, (str, bytes, Mapping, Set)) or not isinstance(channels, Iterable)
                    or getattr(channels, "ndim", None) == 0):
                raise ArchitectureError(f"channels (c): expected {nlayers + 1} integers; {_FORM}")
            channels = tuple(_check_int(c, "channels (c)", 1, MAX_CHANNELS) for c in channels)
            if len(channels) != nlayers + 1:
                raise ArchitectureError(
                    f"channels (c): {len(channels)} widths given, {nlayers + 1} needed "
                    f"(input channels, then one per layer); {_FORM}"
                )
            if all(c == 1 for c in channels):
                channels = None
        object.__setattr__(self, "filters", filters)
        object.__setattr__(self, "strides", strides)
        object.__setattr__(self, "activation", activation)
        object.__setattr__(self, "channels", channels)
        ambient = math.prod(self.end_to_end_filter_shape)
        if ambient > MAX_AMBIENT:
            raise ArchitectureError(
                f"filters/strides: the end-to-end filter would have {ambient} entries, "
                f"above the bound {MAX_AMBIENT}; {_FORM}"
            )

    # ------------------------------------------------------------------ parsing
    @classmethod
    def coerce(cls, arch: "Architecture | str") -> "Architecture":
        """``arch`` itself, or the architecture a string describes.

        Parameters
        ----------
        arch : Architecture or str

        Returns
        -------
        Architecture

        Raises
        ------
        ArchitectureError
            For a malformed string.
        InputError
            For a value that is neither an Architecture nor a string.

        Examples
        --------
        >>> Architecture.coerce("3,2 s=2") == Architecture.coerce(Architecture.parse("3,2 s=2"))
        True
        >>> Architecture.coerce(3)
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: architecture: expected an Architecture or a string like "3,2 s=2", got int
        """
        if isinstance(arch, str):
            return cls.parse(arch)
        if not isinstance(arch, Architecture):
            raise InputError(f'architecture: expected an Architecture or a string like "3,2 s=2", '
                                    f"got {type(arch).__name__}")
        return arch

    @classmethod
    def parse(cls, text: str) -> "Architecture":
        """Read an architecture string (see the module docstring for the format).

        Parameters
        ----------
        text : str
            For example ``"3,2 s=2"``, ``"2x2,2x2"``, ``"2,2,2 s=2,2 r=2"``.

        Returns
        -------
        Architecture

        Raises
        ------
        ArchitectureError
            Naming the malformed field and the accepted form.

        Examples
        --------
        >>> Architecture.parse("2x3,3x2 s=1x1") == Architecture.parse("2x3,3x2")
        True
        >>> Architecture.parse(" 3, 2  s = 2 ").filters
        ((3,), (2,))
        """
        if isinstance(text, Architecture):
            return text
        if not isinstance(text, str):
            raise ArchitectureError(f"architecture: expected a string, got {type(text).__name__}; {_FORM}")
        if len(text) > 100_000:
            raise ArchitectureError(f"architecture: string of {len(text)} characters is too long; {_FORM}")
        normal = re.sub(r"\s*([=,xX])\s*", r"\1", text.strip()).replace("X", "x")
        if not normal:
            raise ArchitectureError(f"architecture: empty string; {_FORM}")
        tokens = normal.split()
        layer_text, options = tokens[0], tokens[1:]
        if "=" in layer_text:
            raise ArchitectureError(f"filters: the string must start with the filter sizes; {_FORM}")
        filters = [_shape(part, f"filters (layer {i})") for i, part in enumerate(layer_text.split(","), 1)]
        seen: dict[str, str] = {}
        for opt in options:
            key, eq, value = opt.partition("=")
            if not eq or key not in ("s", "r", "c"):
                raise ArchitectureError(
                    f"options: {checks.short(opt)!r} is not one of s=..., r=..., c=...; {_FORM}"
                )
            if key in seen:
                raise ArchitectureError(f"options: {key}= given twice; {_FORM}")
            seen[key] = value
        strides = []
        if "s" in seen:
            strides = [_shape(part, f"strides (layer {i})") for i, part in enumerate(seen["s"].split(","), 1)]
        activation = None
        if "r" in seen:
            activation = _positive(seen["r"], "activation (r)", MAX_EXPONENT)
        channels = None
        if "c" in seen:
            channels = tuple(_positive(p, "channels (c)", MAX_CHANNELS) for p in seen["c"].split(","))
        return cls(tuple(filters), tuple(strides), activation, channels)

    def __str__(self) -> str:
        text = ",".join(_write_shape(f) for f in self.filters)
        strides = list(self.strides)
        unit = (1,) * self.ndim
        if strides[-1] == unit:
            strides.pop()
        if any(s != unit for s in strides):
            text += " s=" + ",".join(_write_shape(s) for s in strides)
        if self.activation is not None:
            text += f" r={self.activation}"
        if self.channels is not None:
            text += " c=" + ",".join(str(c) for c in self.channels)
        return text

    def __repr__(self) -> str:
        return f"Architecture.parse({str(self)!r})"

    # ------------------------------------------------------------ derived data
    @property
    def ndim(self) -> int:
        """Number of spatial axes D (1 for 1D, 2 for 2D convolutions)."""
        return len(self.filters[0])

    @property
    def num_layers(self) -> int:
        """Number of layers L."""
        return len(self.filters)

    @property
    def cumulative_strides(self) -> tuple[tuple[int, ...], ...]:
        """``t_0, ..., t_L`` per axis: ``t_0 = 1``, ``t_l = s_1 ... s_l``.

        Examples
        --------
        >>> Architecture.parse("2,2,2 s=3,2").cumulative_strides
        ((1,), (3,), (6,), (6,))
        """
        out = [(1,) * self.ndim]
        for s in self.strides:
            out.append(tuple(a * b for a, b in zip(out[-1], s)))
        return tuple(out)

    def layer_pairs(self) -> tuple[tuple[int, int, int], ...]:
        """Pairs of layers ``(l, m)``, ``l < m`` (from 0), with the stride ratio
        ``r = t_m / t_l`` along the first axis (cumulative strides before each layer).

        Examples
        --------
        >>> Architecture.parse("3,2,2 s=2,2").layer_pairs()
        ((0, 1, 2), (0, 2, 4), (1, 2, 2))
        """
        t = [c[0] for c in self.cumulative_strides]
        return tuple((l, m, t[m] // t[l]) for l in range(self.num_layers) for m in range(l + 1, self.num_layers))

    @property
    def end_to_end_filter_shape(self) -> tuple[int, ...]:
        """Shape of the end-to-end filter: ``1 + Σ_l (k_l - 1) t_{l-1}`` per axis."""
        t = self.cumulative_strides
        return tuple(
            1 + sum((f[a] - 1) * t[l][a] for l, f in enumerate(self.filters))
            for a in range(self.ndim)
        )

    @property
    def filter_sizes(self) -> tuple[int, ...]:
        """Number of entries ``|k_l|`` of each layer's filter."""
        return tuple(math.prod(f) for f in self.filters)

    @property
    def num_parameters(self) -> int:
        """Number of weights: ``Σ_l c_l c_{l-1} |k_l|`` (``Σ_l |k_l|`` with one channel)."""
        ch = self.channels or (1,) * (self.num_layers + 1)
        return sum(ch[l] * ch[l + 1] * n for l, n in enumerate(self.filter_sizes))

    @property
    def ambient_dimension(self) -> int:
        """Dimension of the space of end-to-end filters (times ``c_0 c_L`` with channels)."""
        ch = self.channels or (1,) * (self.num_layers + 1)
        return ch[0] * ch[-1] * math.prod(self.end_to_end_filter_shape)

    @property
    def is_reduced(self) -> bool:
        """True when every layer has at least two entries (docs/theory.md#reductions)."""
        return all(n >= 2 for n in self.filter_sizes)

    def reduced(self) -> "Architecture":
        """Drop layers whose filter has a single entry, merging their strides.

        A single-entry layer only rescales and subsamples.  Layer ``l > 1`` is dropped
        and its stride multiplied into the stride of the layer before it, which keeps
        every later cumulative stride, hence the function space.  A single-entry first
        layer with stride ``s_1`` is dropped too; the function space of the original
        architecture is then that of the reduced one, embedded by ``c_m -> c_{m s_1}``
        (axis by axis).  If every layer has a single entry, one ``1``-layer is kept.
        Channels and activation are kept only when no layer is dropped.

        Returns
        -------
        Architecture

        Examples
        --------
        >>> str(Architecture.parse("3,1,2 s=2,3").reduced())
        '3,2 s=6'
        >>> str(Architecture.parse("1,3,2 s=2,2").reduced())
        '3,2 s=2'
        >>> str(Architecture.parse("1,1").reduced())
        '1'
        """
        if self.is_reduced:
            return self
        if self.activation is not None or self.channels is not None:
            raise ArchitectureError(
                "reduced: single-entry layers can only be dropped from a linear network "
                "with one channel (no r=, no c=)"
            )
        filters: list[tuple[int, ...]] = []
        strides: list[tuple[int, ...]] = []
        for f, s in zip(self.filters, self.strides):
            if math.prod(f) == 1:
                if strides:
                    strides[-1] = tuple(a * b for a, b in zip(strides[-1], s))
                continue
            filters.append(f)
            strides.append(s)
        if not filters:
            return Architecture(((1,) * self.ndim,))
        return Architecture(tuple(filters), tuple(strides))

    def merged_over_c(self) -> "Architecture":
        """Merge consecutive 1D layers joined by stride one (same complex neurovariety).

        Over ``C`` every polynomial of degree ``a + b`` is a product of one of degree ``a``
        and one of degree ``b``, so two 1D layers ``l, l+1`` with ``s_l = 1`` (same cumulative
        stride) have the same complex image as one layer of size ``k_l + k_{l+1} - 1`` with
        stride ``s_{l+1}``.  The real parameters are Zariski dense in the complex ones, so the
        vanishing ideal of the function space is unchanged; the *real* function space is not
        (docs/theory.md#complex-image), so use this for ideals only.  In 2D and with activations or channels the
        architecture is returned unchanged (multivariate polynomials rarely factor).

        Returns
        -------
        Architecture

        Examples
        --------
        >>> str(Architecture.parse("3,2,4 s=1,2").merged_over_c())
        '4,4 s=2'
        >>> str(Architecture.parse("2,2,2").merged_over_c())
        '4'
        >>> str(Architecture.parse("2x2,2x2").merged_over_c())
        '2x2,2x2'
        """
        if self.ndim != 1 or self.activation is not None or self.channels is not None:
            return self
        filters: list[tuple[int, ...]] = [self.filters[0]]
        strides: list[tuple[int, ...]] = [self.strides[0]]
        for f, s in zip(self.filters[1:], self.strides[1:]):
            if strides[-1] == (1,):
                filters[-1] = (filters[-1][0] + f[0] - 1,)
                strides[-1] = s
            else:
                filters.append(f)
                strides.append(s)
        if len(filters) == len(self.filters):
            return self
        return Architecture(tuple(filters), tuple(strides))
