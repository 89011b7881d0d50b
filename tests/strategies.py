"""Hypothesis strategies: random architectures and random exact filters."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from lcnalg import Architecture


@st.composite
def architectures(draw, ndim=st.integers(1, 2), max_layers: int = 3, max_size: int = 3,
                  max_stride: int = 3, max_ambient: int = 40, reduced: bool = False) -> Architecture:
    """Random linear architectures (1D or 2D), small enough for exact work."""
    d = draw(ndim) if not isinstance(ndim, int) else ndim
    layers = draw(st.integers(1, max_layers))
    low = 2 if reduced else 1
    filters = tuple(tuple(draw(st.integers(low, max_size)) for _ in range(d)) for _ in range(layers))
    if reduced and d > 1:
        # reduced means at least two entries per layer, not per axis
        filters = tuple(f if any(n >= 2 for n in f) else (2,) + f[1:] for f in filters)
    strides = tuple(tuple(draw(st.integers(1, max_stride)) for _ in range(d)) for _ in range(layers))
    arch = Architecture(filters, strides)
    if arch.ambient_dimension > max_ambient:
        # shrink strides to 1 to stay small
        arch = Architecture(filters)
    from hypothesis import assume

    assume(arch.ambient_dimension <= max_ambient)
    return arch


def exact_numbers(max_abs: int = 20, fractions: bool = True):
    """Integers, and optionally small fractions."""
    ints = st.integers(-max_abs, max_abs)
    if not fractions:
        return ints
    return st.one_of(ints, st.builds(Fraction, ints, st.integers(1, 7)))


@st.composite
def points(draw, arch: Architecture, fractions: bool = True) -> list[list]:
    """One exact filter per layer, flat row-major."""
    return [draw(st.lists(exact_numbers(fractions=fractions), min_size=n, max_size=n))
            for n in arch.filter_sizes]
