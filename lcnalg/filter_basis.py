"""Filters in a fixed basis: per layer, an exact rational basis of the allowed filters.

A network with decomposed filters (DCFNet) learns, in layer ``l``, only the coefficients
``a_l`` of its filter in a fixed basis: ``w_l = B_l a_l`` with ``B_l`` a ``|k_l| × r_l``
matrix of rank ``r_l``, whose columns are filters of the layer's shape (2D filters flattened
row-major).  :class:`FilterBasis` holds the ``B_l`` as exact rationals, checked once: every
vector has the layer's filter size, every entry is an exact (or finite, read exactly) number,
and the vectors of a layer are linearly independent (their rank, computed exactly over Q,
equals their number).

Built-in families of a given size ``m`` (:meth:`FilterBasis.family`):

* ``"polynomial"``: the monomials ``j^d`` (``d < m``) sampled at the positions
  ``j = 0, …, k−1`` of a 1D filter (a Vandermonde matrix, independent for ``m ≤ k``); on a 2D
  filter the monomials ``i^a j^b`` of total degree ``a + b < m``.
* ``"haar"``: the Haar system on ``k`` positions (the constant vector, then for each interval
  of a binary splitting, breadth first, +1 on its left half and −1 on its right half: ``k``
  orthogonal vectors), its first ``m`` vectors; on a 2D filter the outer products of the first
  ``m`` along each axis.
* ``"separable"``: 2D filters ``u ⊗ v`` (row-major ``u_i v_j``) with ``u`` and ``v`` among the
  first ``m`` vectors of a 1D family (``of="polynomial"`` or ``"haar"``) along each axis; on a
  1D filter the 1D family itself.

A layer with fewer than ``m`` positions along an axis keeps all of them along it (``m`` is an
upper bound per axis), so one family applies to every layer of an arch.

References
----------
.. [QCCS18] Qiu, Cheng, Calderbank, Sapiro, *DCFNet: Deep Neural Network with Decomposed
   Convolutional Filters*, ICML 2018 (arXiv:1802.04145).
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError

__all__ = ["FilterBasis", "FAMILIES"]

#: The built-in families of :meth:`FilterBasis.family`.
FAMILIES = ("polynomial", "haar", "separable")
#: Largest number of entries of one basis (all layers together) read from a user.
MAX_BASIS_ENTRIES = 10**6


def _haar(k: int) -> list[list[int]]:
    """The Haar system on ``k`` positions: ones, then one ±1 wavelet per split interval."""
    out = [[1] * k]
    queue = [(0, k)]
    while queue:
        lo, hi = queue.pop(0)
        if hi - lo < 2:
            continue
        mid = lo + (hi - lo) // 2
        out.append([0] * lo + [1] * (mid - lo) + [-1] * (hi - mid) + [0] * (k - hi))
        queue += [(lo, mid), (mid, hi)]
    return out


def _one_axis(kind: str, k: int, m: int) -> list[list[int]]:
    m = min(m, k)
    if kind == "haar":
        return _haar(k)[:m]
    return [[j ** d for j in range(k)] for d in range(m)]


class FilterBasis:
    """Per layer an exact rational basis of the allowed filters.

    Parameters
    ----------
    arch : Architecture or str
        The architecture whose filters the basis restricts (vectors are checked against its
        filter sizes).
    layers : sequence, optional
        One entry per layer: a sequence of basis vectors, each a filter of the layer's shape
        (flat, or nested row-major), entries exact rationals (int, ``Fraction``, text ``"2/3"``;
        finite floats are read exactly).  Default: the standard basis of every layer (the
        unrestricted network).

    Raises
    ------
    InputError
        For a malformed basis: a non-sequence, a vector of the wrong length, an inexact or
        non-finite entry, or dependent vectors (rank below their number), naming the layer.

    Examples
    --------
    >>> b = FilterBasis("3,2", [[[1, 1, 1], [0, 1, 2]], [[1, 0], [0, 1]]])
    >>> b.ranks
    (2, 2)
    >>> FilterBasis("3", [[[1, 2, 3], [2, 4, 6]]])
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: basis.layers[0]: the 2 vectors have rank 1 (dependent); give linearly independent vectors
    """

    def __init__(self, arch: Architecture | str, layers: Any = None) -> None:
        arch = Architecture.coerce(arch)
        sizes = [math.prod(f) for f in arch.filters]
        self.name = "user"
        if layers is None:  # the standard basis of every layer: the unrestricted network
            layers = [[[int(i == j) for i in range(k)] for j in range(k)] for k in sizes]
            self.name = "identity"
        layers = checks.sequence(layers, "basis.layers", "one list of basis vectors per layer")
        if len(layers) != len(sizes):
            raise InputError(f"basis.layers: {len(layers)} layers given, the architecture "
                             f"{checks.short(str(arch), 40)} has {len(sizes)}")
        total = 0
        matrices = []
        for l, vectors in enumerate(layers):
            where = f"basis.layers[{l}]"
            vectors = checks.sequence(vectors, where, "a list of basis vectors (filters of the layer's shape)")
            if not vectors:
                raise InputError(f"{where}: expected at least one basis vector, got none")
            rows = []
            for v, vec in enumerate(vectors):
                flat = self._flat(vec, f"{where}[{v}]")
                total += len(flat)
                if total > MAX_BASIS_ENTRIES:
                    raise InputError(f"basis.layers: more than {MAX_BASIS_ENTRIES} entries; give a smaller basis")
                rows.append(flat)
            size = sizes[l]
            for v, row in enumerate(rows):
                if len(row) != size:
                    raise InputError(f"{where}[{v}]: a basis vector of {len(row)} entries; the layer's filter "
                                     f"has {size} (2D filters flattened row-major)")
            if len(rows) > size:
                raise InputError(f"{where}: {len(rows)} vectors of length {size} are dependent; "
                                 f"give at most {size} linearly independent vectors")
            rank = flint.fmpq_mat(len(rows), size, [flint.fmpq(x.numerator, x.denominator)
                                                     for r in rows for x in r]).rank()
            if rank != len(rows):
                raise InputError(f"{where}: the {len(rows)} vectors have rank {rank} (dependent); "
                                 "give linearly independent vectors")
            matrices.append(tuple(tuple(r) for r in rows))
        #: Per layer the basis vectors (exact, flat row-major), as given.
        self.vectors: tuple[tuple[tuple[Fraction, ...], ...], ...] = tuple(matrices)

    @staticmethod
    def _flat(vec: Any, where: str) -> list[Fraction]:
        if not hasattr(vec, "__len__") or isinstance(vec, (str, bytes)):
            raise InputError(f"{where}: expected a basis vector (a sequence of numbers), got {checks.short(vec)}")
        out: list[Fraction] = []

        def walk(x: Any) -> None:
            if isinstance(x, (str, bytes)) or not hasattr(x, "__len__") or getattr(x, "ndim", None) == 0:
                out.append(checks.rational(x, where))
                return
            for y in checks.sequence(x, where, "a basis vector (a sequence of numbers)"):
                walk(y)
        walk(vec)
        return out

    # ------------------------------------------------------------ families
    @classmethod
    def family(cls, name: str, arch: Architecture | str, size: int, *, of: str = "polynomial") -> "FilterBasis":
        """A built-in family (module docstring) of size ``size`` for every layer of ``arch``.

        Parameters
        ----------
        name : {"polynomial", "haar", "separable"}
        arch : Architecture or str
        size : int
            ``m ≥ 1``: functions per axis (polynomial: degree below ``m``).
        of : {"polynomial", "haar"}
            The 1D family of ``"separable"``.

        Raises
        ------
        InputError
            For an unknown family or a size that is not a positive integer.

        Examples
        --------
        >>> FilterBasis.family("polynomial", "4", 2).vectors[0]
        ((Fraction(1, 1), Fraction(1, 1), Fraction(1, 1), Fraction(1, 1)), (Fraction(0, 1), Fraction(1, 1), Fraction(2, 1), Fraction(3, 1)))
        >>> FilterBasis.family("haar", "4", 4).ranks
        (4,)
        >>> FilterBasis.family("separable", "3x3", 2).ranks
        (4,)
        """
        if not isinstance(name, str) or name not in FAMILIES:
            raise InputError(f"basis.family: {checks.short(name, quote=True)} is not one of {', '.join(FAMILIES)}")
        if not isinstance(of, str) or of not in ("polynomial", "haar"):
            raise InputError(f"basis.of: {checks.short(of, quote=True)} is not one of polynomial, haar")
        m = checks.positive_int(size, "basis.size")
        arch = Architecture.coerce(arch)
        if m > max(max(f) for f in arch.filters):
            m = max(max(f) for f in arch.filters)
        layers = []
        for f in arch.filters:
            if len(f) == 1:
                layers.append(_one_axis("haar" if name == "haar" else ("polynomial" if name == "polynomial" else of),
                                        f[0], m))
                continue
            k1, k2 = f
            if name == "polynomial":
                vecs = [[i ** a * j ** b for i in range(k1) for j in range(k2)]
                        for a in range(min(m, k1)) for b in range(min(m, k2)) if a + b < m]
            else:
                kind = "haar" if name == "haar" else of
                vecs = [[x * y for x in u for y in v]
                        for u, v in itertools.product(_one_axis(kind, k1, m), _one_axis(kind, k2, m))]
            layers.append(vecs)
        basis = cls(arch, layers)
        basis.name = f"{name} size {m}" + (f" of {of}" if name == "separable" else "")
        return basis

    @classmethod
    def identity(cls, arch: Architecture | str) -> "FilterBasis":
        """The standard basis of every layer: the unrestricted arch.

        Examples
        --------
        >>> FilterBasis.identity("3,2").ranks
        (3, 2)
        """
        return cls(arch)

    @classmethod
    def from_json(cls, data: Any, arch: Architecture | str) -> "FilterBasis":
        """Read ``{"layers": [[vector, …], …]}`` or ``{"family": NAME, "size": m[, "of": …]}``.

        Raises
        ------
        InputError
            For anything else, naming the field.

        Examples
        --------
        >>> FilterBasis.from_json({"family": "haar", "size": 2}, "4,2").ranks
        (2, 2)
        >>> FilterBasis.from_json({"layer": []}, "4,2")
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: basis: expected {"layers": [[vector, ...], ...]} or {"family": "separable"|"polynomial"|"haar", "size": m}, got keys layer
        """
        form = ('{"layers": [[vector, ...], ...]} or {"family": "separable"|"polynomial"|"haar", "size": m}')
        if not isinstance(data, dict):
            raise InputError(f"basis: expected {form}, got {type(data).__name__}")
        if "layers" in data and set(data) <= {"layers"}:
            return cls(arch, data["layers"])
        if "family" in data and set(data) <= {"family", "size", "of"}:
            if "size" not in data:
                raise InputError("basis.size: missing; give the size m of the family (a positive integer)")
            return cls.family(data["family"], arch, data["size"], of=data.get("of", "polynomial"))
        raise InputError(f"basis: expected {form}, got keys {checks.short(', '.join(map(str, data)), 60)}")

    @classmethod
    def coerce(cls, value: Any, arch: Architecture | str) -> "FilterBasis":
        """A :class:`FilterBasis` checked against ``arch``, or its JSON form read
        (:meth:`from_json`).

        Raises
        ------
        InputError
            For anything else, or a basis that does not fit.

        Examples
        --------
        >>> FilterBasis.coerce({"family": "polynomial", "size": 1}, "2,2").ranks
        (1, 1)
        >>> FilterBasis.coerce("haar", "2,2")
        Traceback (most recent call last):
        ...
        lcnalg.errors.InputError: basis: expected a FilterBasis or {"layers": [[vector, ...], ...]} or {"family": "separable"|"polynomial"|"haar", "size": m}, got str
        """
        if isinstance(value, cls):
            value.check(arch)
            return value
        if isinstance(value, dict):
            return cls.from_json(value, arch)
        raise InputError('basis: expected a FilterBasis or {"layers": [[vector, ...], ...]} or '
                         f'{{"family": "separable"|"polynomial"|"haar", "size": m}}, got {type(value).__name__}')

    # ------------------------------------------------------------ reading
    @property
    def ranks(self) -> tuple[int, ...]:
        """Number of basis vectors ``r_l`` per layer (their rank)."""
        return tuple(len(v) for v in self.vectors)

    def check(self, arch: Architecture | str) -> Architecture:
        """The arch, after checking that the basis fits it (layers and filter sizes).

        Raises
        ------
        InputError
            When the number of layers or a vector's length does not match.
        """
        arch = Architecture.coerce(arch)
        sizes = [math.prod(f) for f in arch.filters]
        if len(sizes) != len(self.vectors):
            raise InputError(f"basis.layers: {len(self.vectors)} layers given, the architecture {arch} has {len(sizes)}")
        for l, (vecs, k) in enumerate(zip(self.vectors, sizes)):
            if len(vecs[0]) != k:
                raise InputError(f"basis.layers[{l}][0]: a basis vector of {len(vecs[0])} entries; the layer's "
                                 f"filter has {k} (2D filters flattened row-major)")
        return arch

    def integer_vectors(self) -> tuple[tuple[tuple[int, ...], ...], ...]:
        """Every vector scaled to a primitive integer vector (same span, positive scale).

        Examples
        --------
        >>> FilterBasis("2", [[["1/2", "1/3"]]]).integer_vectors()
        (((3, 2),),)
        """
        out = []
        for vecs in self.vectors:
            layer = []
            for v in vecs:
                den = math.lcm(*(x.denominator for x in v))
                ints = [int(x * den) for x in v]
                g = math.gcd(*ints) or 1
                layer.append(tuple(x // g for x in ints))
            out.append(tuple(layer))
        return tuple(out)

    def to_dict(self) -> dict[str, Any]:
        """``{"name": …, "layers": …}`` with exact entries as ints or strings."""
        return {"name": self.name, "layers": [[[int(x) if x.denominator == 1 else str(x) for x in v] for v in vecs]
                                              for vecs in self.vectors]}

    def __repr__(self) -> str:
        return f"FilterBasis({self.name}, ranks={self.ranks})"
