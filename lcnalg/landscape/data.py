"""Exact training data: inputs ``X`` and targets ``Y`` of a convolutional network (linear, or with
an activation ``t^r``: the receptive field and the output shape are the linear network's).

A :class:`Dataset` holds ``N`` samples.  Each input is a sequence (1D) or an image (2D, or any
number of axes) of exact rational numbers, each target an array of the network's output shape.
The data are read from Python lists, numpy integer arrays, or a JSON or CSV file
(:meth:`Dataset.from_file`); every number is checked (its digit length before conversion) and
kept as a :class:`fractions.Fraction` (docs/theory.md#loss-landscape).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import random
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError

__all__ = ["Dataset", "MAX_SAMPLE_ENTRIES", "MAX_FILE_BYTES"]

#: Largest number of entries (inputs plus targets over all samples) accepted.
MAX_SAMPLE_ENTRIES = 10**6
#: Largest data file read.
MAX_FILE_BYTES = 50 * 2**20

_FORM = ("inputs: one array per sample (a sequence in 1D, an image in 2D) of integers or fractions "
         "like 3 or -2/5; targets: one array per sample of the network's output shape")


def _array(value: Any, name: str, count: list[int]) -> tuple[tuple[int, ...], list[Fraction]]:
    """(shape, row-major entries) of a nested sequence of exact numbers; ragged arrays refused."""
    if isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or getattr(value, "ndim", None) == 0:
        count[0] += 1
        if count[0] > MAX_SAMPLE_ENTRIES:
            raise InputError(f"{name}: more than {MAX_SAMPLE_ENTRIES} entries")
        return (), [checks.exact(value, name)]
    items = checks.sequence(value, name, "a (nested) sequence of numbers")
    if not items:
        raise InputError(f"{name}: empty array; {_FORM}")
    parts = [_array(x, name, count) for x in items]
    shape = parts[0][0]
    if any(p[0] != shape for p in parts):
        raise InputError(f"{name}: ragged array (entries of different shapes); {_FORM}")
    return (len(items),) + shape, [x for p in parts for x in p[1]]


@dataclass(frozen=True)
class Dataset:
    """Exact inputs and targets, ``N`` samples (frozen, compared by value).

    Attributes
    ----------
    inputs : tuple of tuple of Fraction
        One row-major flattened input per sample.
    targets : tuple of tuple of Fraction
        One row-major flattened target per sample.
    input_shape, target_shape : tuple of int
        The shape of one input and one target (``(n,)`` for sequences, ``(h, w)`` for images).

    Examples
    --------
    >>> d = Dataset.from_arrays([[1, 2, 3, 4, 5, 6], [0, 1, -1, 2, 0, 0]], [[1, 0], [2, 1]])
    >>> d.num_samples, d.input_shape, d.target_shape
    (2, (6,), (2,))
    >>> d.output_shape("2,2 s=2")
    (2,)
    >>> Dataset.from_arrays([[1, 2, 3, 4, 5]], [[1, 0]]).output_shape("2,2 s=2")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: inputs: length 5 along axis 1 does not fit 2,2 s=2 (total stride 2, end-to-end filter 4): it must be 2*(d-1) + 4 for an output size d >= 1, e.g. 4, 6, 8
    """

    inputs: tuple[tuple[Fraction, ...], ...]
    targets: tuple[tuple[Fraction, ...], ...]
    input_shape: tuple[int, ...]
    target_shape: tuple[int, ...]

    # -- construction -----------------------------------------------------------------
    @classmethod
    def from_arrays(cls, inputs: Any, targets: Any) -> "Dataset":
        """Read inputs and targets given as nested sequences or numpy integer arrays.

        Parameters
        ----------
        inputs : sequence
            One array per sample: ``N x n`` (1D) or ``N x h x w`` (2D).  Integers, fractions
            (``Fraction``, ``fmpq``, text ``"2/3"``); floats are refused (results are exact).
        targets : sequence
            One array per sample of the network's output shape (a scalar per sample when the
            output has one entry).

        Raises
        ------
        InputError
            Naming ``inputs`` or ``targets``: empty, ragged, non-numeric, non-finite or
            inexact entries, or a different number of targets than inputs.

        Examples
        --------
        >>> import numpy as np
        >>> Dataset.from_arrays(np.array([[1, 2, 3]]), [5]).targets
        ((Fraction(5, 1),),)
        >>> Dataset.from_arrays([[1, 2]], [float("nan")])
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: targets (sample 1): nan (float) is not exact; give integers or fractions like 3 or -2/5 (floats are refused: results are exact)
        """
        count = [0]
        xs = checks.sequence(inputs, "inputs", "one array per sample")
        ys = checks.sequence(targets, "targets", "one array per sample")
        if not xs:
            raise InputError(f"inputs: no samples; {_FORM}")
        if len(ys) != len(xs):
            raise InputError(f"targets: {len(ys)} targets for {len(xs)} input samples; give one per sample")
        rows_x, rows_y, shape_x, shape_y = [], [], None, None
        for i, (x, y) in enumerate(zip(xs, ys), start=1):
            sx, vx = _array(x, f"inputs (sample {i})", count)
            sy, vy = _array(y, f"targets (sample {i})", count)
            if not sx:
                raise InputError(f"inputs (sample {i}): a scalar; {_FORM}")
            if shape_x is None:
                shape_x, shape_y = sx, sy
            if sx != shape_x:
                raise InputError(f"inputs (sample {i}): shape {sx}, sample 1 has shape {shape_x}")
            if sy != shape_y:
                raise InputError(f"targets (sample {i}): shape {sy}, sample 1 has shape {shape_y}")
            rows_x.append(tuple(vx))
            rows_y.append(tuple(vy))
        return cls(tuple(rows_x), tuple(rows_y), shape_x, shape_y)

    @classmethod
    def from_file(cls, path: str | os.PathLike) -> "Dataset":
        """Read a JSON or CSV file.

        JSON: an object ``{"inputs": [...], "targets": [...]}`` as for :meth:`from_arrays`
        (numbers as integers or strings like ``"2/3"``).  CSV: a header row naming the
        columns ``x0, x1, ...`` (inputs) and ``y0, y1, ...`` (targets), or ``x0_0, x0_1, ...``
        for images (row, column), then one row per sample.

        Raises
        ------
        InputError
            Naming ``data``: a missing or unreadable file, a file over 50 MB, malformed JSON
            or CSV; or naming ``inputs``/``targets`` as for :meth:`from_arrays`.

        Examples
        --------
        >>> import tempfile, os
        >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        ...     _ = f.write("x0,x1,x2,y0\\n1,2,3,4\\n0,1,1/2,2\\n")
        >>> Dataset.from_file(f.name).input_shape
        (3,)
        >>> os.remove(f.name)
        """
        path = os.fspath(path) if isinstance(path, (str, os.PathLike)) else path
        if not isinstance(path, str):
            raise InputError(f"data: expected a file path, got {type(path).__name__}")
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                raise InputError(f"data: {checks.short(path, 60)} has {size} bytes, more than {MAX_FILE_BYTES}")
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"data: cannot read {checks.short(path, 60)!r} ({type(exc).__name__}); "
                             "give a JSON or CSV file") from None
        if path.lower().endswith(".json") or text.lstrip()[:1] in ("{", "["):
            return cls.from_json(text)
        return cls.from_csv(text)

    @classmethod
    def from_json(cls, text: str) -> "Dataset":
        """Read the JSON form of :meth:`from_file` from a string.

        Examples
        --------
        >>> Dataset.from_json('{"inputs": [[1, 2, 3]], "targets": [["1/2"]]}').targets
        ((Fraction(1, 2),),)
        """
        try:
            data = json.loads(text, parse_float=_no_float, parse_constant=_no_float,
                              parse_int=lambda s: int(checks.digits(s, "data")))
        except InputError:
            raise
        except (ValueError, RecursionError) as exc:
            raise InputError(f"data: malformed JSON ({checks.short(str(exc), 60)}); "
                             'expected {"inputs": [...], "targets": [...]}') from None
        if not isinstance(data, dict) or "inputs" not in data or "targets" not in data:
            raise InputError('data: expected a JSON object {"inputs": [...], "targets": [...]}')
        return cls.from_arrays(data["inputs"], data["targets"])

    @classmethod
    def from_csv(cls, text: str) -> "Dataset":
        """Read the CSV form of :meth:`from_file` from a string.

        Examples
        --------
        >>> Dataset.from_csv("x0_0,x0_1,x1_0,x1_1,y0_0\\n1,2,3,4,5\\n").input_shape
        (2, 2)
        """
        rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
        if len(rows) < 2:
            raise InputError("data: a CSV file needs a header row (x0,x1,...,y0,...) and at least one sample")
        header = [h.strip() for h in rows[0]]
        cols: dict[str, list[tuple[tuple[int, ...], int]]] = {"x": [], "y": []}
        for c, name in enumerate(header):
            m = re.fullmatch(r"([xy])([0-9]{1,6}(?:_[0-9]{1,6})*)", name)
            if not m:
                raise InputError(f"data: CSV column {checks.short(name)!r} is not named x<i> or y<i> "
                                 "(x<i>_<j>, y<i>_<j> for images)")
            cols[m.group(1)].append((tuple(int(t) for t in m.group(2).split("_")), c))
        arrays = {}
        for key, field in (("x", "inputs"), ("y", "targets")):
            entries = sorted(cols[key])
            if not entries:
                raise InputError(f"{field}: no CSV column named {key}<i>")
            idx = [e for e, _ in entries]
            if len({len(i) for i in idx}) != 1 or len(set(idx)) != len(idx):
                raise InputError(f"{field}: CSV columns {key}<i> mix index lengths or repeat")
            shape = tuple(max(i[a] for i in idx) + 1 for a in range(len(idx[0])))
            if math.prod(shape) != len(idx):
                raise InputError(f"{field}: CSV columns {key}<i> do not fill a {shape} array")
            arrays[key] = (shape, [c for _, c in entries])
        xs, ys = [], []
        for r, row in enumerate(rows[1:], start=2):
            if len(row) != len(header):
                raise InputError(f"data: CSV row {r} has {len(row)} fields, the header {len(header)}")
            for key, out in (("x", xs), ("y", ys)):
                shape, idx = arrays[key]
                flat = [row[c] for c in idx]
                out.append(_nest(flat, shape))
        return cls.from_arrays(xs, ys)

    @classmethod
    def random(cls, arch: Architecture | str, samples: int, seed: int, *, output_size: int = 1,
               bound: int = 100) -> "Dataset":
        """A reproducible random integer dataset fitting ``arch``.

        Parameters
        ----------
        arch : Architecture or str
        samples : int
            Number of samples ``N``.
        seed : int
        output_size : int
            Output size along every axis.
        bound : int
            Entries uniform in ``[-bound, bound]``.

        Examples
        --------
        >>> d = Dataset.random("2,2 s=2", 5, seed=1)
        >>> d.num_samples, d.input_shape, d.target_shape
        (5, (4,), (1,))
        """
        arch = Architecture.coerce(arch)
        seed = checks.seed(seed)
        samples = checks.integer(samples, "samples", low=1, high=10**5 + 1, form="a positive integer")
        output_size = checks.integer(output_size, "output_size", low=1, high=10**3 + 1, form="a positive integer")
        bound = checks.integer(bound, "bound", low=1, high=2**64, form="a positive integer")
        t = arch.cumulative_strides[-1]
        k = arch.end_to_end_filter_shape
        in_shape = tuple(ti * (output_size - 1) + ki for ti, ki in zip(t, k))
        out_shape = (output_size,) * arch.ndim
        rng = random.Random(seed)
        n_in, n_out = math.prod(in_shape), math.prod(out_shape)
        if samples * (n_in + n_out) > MAX_SAMPLE_ENTRIES:
            raise InputError(f"samples: {samples} samples of {n_in + n_out} entries exceed {MAX_SAMPLE_ENTRIES}")
        xs = tuple(tuple(Fraction(rng.randint(-bound, bound)) for _ in range(n_in)) for _ in range(samples))
        ys = tuple(tuple(Fraction(rng.randint(-bound, bound)) for _ in range(n_out)) for _ in range(samples))
        return cls(xs, ys, in_shape, out_shape)

    # -- access -----------------------------------------------------------------------
    @property
    def num_samples(self) -> int:
        """Number of samples ``N``."""
        return len(self.inputs)

    def output_shape(self, arch: Architecture | str) -> tuple[int, ...]:
        """The output shape of ``arch`` on these inputs, checked against the targets.

        The network is one convolution with the end-to-end filter (shape ``k``) and the total
        stride ``T = s_1 ⋯ s_L`` (the last stride included), so an input of size ``n`` along an
        axis gives an output of size ``d`` with ``n = T (d - 1) + k``.

        Raises
        ------
        InputError
            Naming ``inputs`` (wrong number of axes or a size that does not fit) or
            ``targets`` (not of the output shape).
        """
        arch = Architecture.coerce(arch)
        k = arch.end_to_end_filter_shape
        t = arch.cumulative_strides[-1]
        if len(self.input_shape) != arch.ndim:
            raise InputError(f"inputs: samples have {len(self.input_shape)} axes, {checks.short(str(arch), 40)} has {arch.ndim} "
                             f"(one array with {arch.ndim} axes per sample)")
        out = []
        for a, (n, ki, ti) in enumerate(zip(self.input_shape, k, t), start=1):
            if n < ki or (n - ki) % ti:
                raise InputError(
                    f"inputs: length {n} along axis {a} does not fit {checks.short(str(arch), 40)} (total stride {ti}, "
                    f"end-to-end filter {ki}): it must be {ti}*(d-1) + {ki} for an output size d >= 1, "
                    f"e.g. {ki}, {ki + ti}, {ki + 2 * ti}")
            out.append((n - ki) // ti + 1)
        out_t = tuple(out)
        if self.target_shape != out_t and not (self.target_shape == () and math.prod(out_t) == 1):
            raise InputError(f"targets: shape {self.target_shape or '(scalar)'} per sample, but {checks.short(str(arch), 40)} maps "
                             f"inputs of shape {self.input_shape} to outputs of shape {out_t}")
        return out_t

    def to_json(self) -> str:
        """The JSON form read by :meth:`from_json` (numbers as ints or ``"p/q"``).

        Examples
        --------
        >>> d = Dataset.from_arrays([[1, 2]], [["1/3"]])
        >>> Dataset.from_json(d.to_json()) == d
        True
        """
        def num(x: Fraction) -> int | str:
            return x.numerator if x.denominator == 1 else str(x)
        return json.dumps({"inputs": [_nest([num(v) for v in row], self.input_shape) for row in self.inputs],
                           "targets": [_nest([num(v) for v in row], self.target_shape) if self.target_shape
                                       else num(row[0]) for row in self.targets]})

    def describe(self) -> str:
        """One line: samples, input and target shapes.

        Examples
        --------
        >>> Dataset.random("2,2 s=2", 4, seed=0).describe()
        '4 samples, inputs 4, targets 1'
        """
        def sh(s: tuple[int, ...]) -> str:
            return "x".join(map(str, s)) if s else "scalar"
        return f"{self.num_samples} samples, inputs {sh(self.input_shape)}, targets {sh(self.target_shape)}"


def _no_float(text: str) -> Any:
    raise InputError(f"data: {checks.short(text)} is not exact (JSON floats are refused); "
                     'give integers or strings like "2/3"')


def _nest(flat: list, shape: tuple[int, ...]) -> Any:
    if len(shape) <= 1:
        return list(flat)
    step = math.prod(shape[1:])
    return [_nest(flat[i * step:(i + 1) * step], shape[1:]) for i in range(shape[0])]
