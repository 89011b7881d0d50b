"""Function spaces that are coordinate copies of smaller ones (docs/theory.md#coordinate-copies).

Two reductions change the architecture but not the function space, up to placing the
coordinates:

* **single-entry layers** (:meth:`~lcnalg.architecture.Architecture.reduced`): an inner one
  only rescales (its stride merges into the layer before), and a leading one with stride
  ``e`` (per axis) subsamples, so ``M = {c : c_m = 0 unless e | m, (c_{e·m'})_{m'} ∈ M'}``
  with ``M'`` the function space of the reduced architecture;
* **axes of extent 1**: when every layer has extent 1 along some axis, that variable never
  occurs and the axis is dropped (2D along one axis is 1D, 3D along two axes is 2D, ...;
  row-major order is unchanged).

:func:`coordinate_embedding` finds the smallest such model; the real descriptions
(:mod:`lcnalg.real.inequalities`) are derived for the model and carried back, with the
coordinate names renamed and the vanishing coordinates added.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Sequence

from lcnalg.architecture import Architecture
from lcnalg.errors import check
from lcnalg.rings import coordinate_names, multi_indices

__all__ = ["CoordinateEmbedding", "coordinate_embedding"]


@dataclass(frozen=True)
class CoordinateEmbedding:
    """``M(outer) = ι(M(inner))`` for the coordinate embedding ``ι``.

    Attributes
    ----------
    outer, inner : Architecture
    positions : tuple of int
        Row-major index in ``outer``'s filter of each coordinate of ``inner``'s filter;
        the other coordinates of ``M(outer)`` vanish identically.
    reason : str
        Which reductions were used, in words.
    """

    outer: Architecture
    inner: Architecture
    positions: tuple[int, ...]
    reason: str

    @property
    def proper(self) -> bool:
        """True when some coordinates vanish on ``M`` (``M`` lies in a proper coordinate subspace)."""
        return len(self.positions) < math.prod(self.outer.end_to_end_filter_shape)

    @property
    def vanishing(self) -> tuple[str, ...]:
        """Names of the outer coordinates that vanish on ``M``."""
        names = coordinate_names(self.outer)
        used = set(self.positions)
        return tuple(n for i, n in enumerate(names) if i not in used)

    def restrict(self, c: Sequence) -> tuple | None:
        """The inner coordinates of an outer filter, or None when a vanishing one is not 0."""
        used = set(self.positions)
        if any(x != 0 for i, x in enumerate(c) if i not in used):
            return None
        return tuple(c[p] for p in self.positions)

    def embed(self, inner_filter: Sequence) -> tuple:
        """The outer filter (row-major) of an inner one: zeros at the vanishing coordinates."""
        zero = type(inner_filter[0])("0") if inner_filter and isinstance(inner_filter[0], str) else 0
        out = [zero] * math.prod(self.outer.end_to_end_filter_shape)
        for p, x in zip(self.positions, inner_filter):
            out[p] = x
        return tuple(out)

    def embed_layers(self, inner_layers: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
        """Outer layer filters from inner ones: dropped single-entry layers are ``(1)``; the
        kept ones have the same entries in the same (row-major) order."""
        single = [math.prod(f) == 1 for f in self.outer.filters]
        if all(single):                                # reduced() kept one 1-entry layer
            return (tuple(inner_layers[0]),) + (("1",),) * (len(single) - 1)
        rest = iter(inner_layers)
        return tuple(("1",) if one else tuple(next(rest)) for one in single)

    def rename(self, text: str) -> str:
        """Rewrite the inner coordinate names ``c…`` in ``text`` as the outer ones.

        Examples
        --------
        >>> e = coordinate_embedding(Architecture.parse("1,2,2 s=2,1"))
        >>> str(e.inner), e.positions, e.rename("c1^2 - 4*c0*c2")
        ('2,2', (0, 2, 4), 'c2^2 - 4*c0*c4')
        """
        outer = coordinate_names(self.outer)
        table = {name: outer[p] for name, p in zip(coordinate_names(self.inner), self.positions)}
        return re.sub(r"\bc\d+(?:_\d+)*\b", lambda m: table.get(m.group(0), m.group(0)), text)


def coordinate_embedding(arch: Architecture) -> CoordinateEmbedding | None:
    """The smaller model of ``M(arch)``, or None when ``arch`` is already minimal.

    Parameters
    ----------
    arch : Architecture
        A linear architecture with one channel.

    Returns
    -------
    CoordinateEmbedding or None

    Examples
    --------
    >>> str(coordinate_embedding(Architecture.parse("2x1,3x1 s=1x2")).inner)
    '2,3'
    >>> coordinate_embedding(Architecture.parse("2,2 s=2")) is None
    True
    """
    reasons = []
    red = arch
    e = (1,) * arch.ndim
    if not arch.is_reduced:
        red = arch.reduced()
        for f, s in zip(arch.filters, arch.strides):
            if math.prod(f) != 1:
                break
            e = tuple(a * b for a, b in zip(e, s))
        reasons.append("single-entry layers dropped (they rescale" +
                       (f"; the leading ones subsample by {'x'.join(map(str, e))})" if any(x > 1 for x in e) else ")"))
    inner = red
    if red.ndim >= 2:
        used = [ax for ax in range(red.ndim) if any(f[ax] > 1 for f in red.filters)] or [0]
        if len(used) < red.ndim:
            inner = Architecture(tuple(tuple(f[ax] for ax in used) for f in red.filters),
                                 tuple(tuple(s[ax] for ax in used) for s in red.strides))
            reasons.append(f"every layer has extent 1 along axis (axes) {', '.join(str(ax + 1) for ax in range(red.ndim) if ax not in used)}"
                           f" (a {len(used)}D architecture)")
    if inner == arch:
        return None
    shape_r = red.end_to_end_filter_shape
    shape_o = arch.end_to_end_filter_shape
    check(all(o == 1 + k * (r - 1) for o, k, r in zip(shape_o, e, shape_r)),  # docs/theory.md#conventions
          f"{arch}: reduced shape {shape_r} does not embed by {e}")
    positions = []
    for idx in multi_indices(shape_r):
        flat = 0
        for o, k, i in zip(shape_o, e, idx):
            flat = flat * o + k * i
        positions.append(flat)
    # dropping axes of extent 1 keeps the row-major order of the reduced filter
    return CoordinateEmbedding(arch, inner, tuple(positions), "; ".join(reasons))
