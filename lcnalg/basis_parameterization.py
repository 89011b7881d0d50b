"""The parameterization of a network whose filters lie in a fixed basis (DCFNet).

Layer ``l`` has the filter ``w_l = B_l a_l`` (:class:`~lcnalg.filter_basis.FilterBasis`,
columns scaled to primitive integer vectors: the same span, so the same function space), and
the network's weights are the coefficients ``a = (a_1, …, a_L)``.  The coordinates are those of
the unrestricted architecture (the end-to-end filter), so the map is the composite

    μ_B = μ ∘ (a ↦ (B_1 a_1, …, B_L a_L))

with μ the unrestricted :class:`~lcnalg.parameterization.Parameterization`.  Each coordinate is
the unrestricted coordinate with ``w_{l,j}`` replaced by the linear form ``Σ_i B_l[j, i] a_{l,i}``
(exact substitution in ``Z[a]``); it is homogeneous of degree 1 in every layer's coefficients.
Points are evaluated as ``μ(B a)`` and the Jacobian by the chain rule,
``J μ_B(a) = J μ(B a) · diag(B_1, …, B_L)``, exactly over Q or modulo a prime.

The image is a subset of the unrestricted function space; the coordinate permutations that
preserve the unrestricted ideal (filter reversal, transposition) need not preserve it, so none
is used (:meth:`BasisParameterization.permute_inputs` refuses).
"""

from __future__ import annotations

import math
from functools import cached_property
from typing import Any

import flint

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.filter_basis import FilterBasis
from lcnalg.limits import Limits
from lcnalg.network_map import NetworkMap
from lcnalg.parameterization import Parameterization
from lcnalg.rings import fmpq_residue, from_fmpq, to_fmpq

__all__ = ["BasisParameterization"]


class BasisParameterization(NetworkMap):
    """The map ``a ↦ μ(B_1 a_1, …, B_L a_L)`` of a linear network with filters in a fixed basis.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture with one channel (as :class:`~lcnalg.parameterization.Parameterization`).
    basis : FilterBasis, optional
        Per layer a basis of the allowed filters (checked against ``arch``); default the
        standard basis (the unrestricted network).
    limits : Limits, optional

    Raises
    ------
    InputError
        For a basis that does not fit the architecture, or an architecture the unrestricted
        parameterization refuses.

    Examples
    --------
    >>> B = FilterBasis("3,2", [[[1, 1, 1], [0, 1, 2]], [[1, 0], [0, 1]]])
    >>> mu = BasisParameterization("3,2", B)
    >>> mu.parameter_names
    ('a1_0', 'a1_1', 'a2_0', 'a2_1')
    >>> mu.coordinates[1]
    a1_0*a2_0 + a1_1*a2_0 + a1_0*a2_1
    >>> mu.evaluate([1, 1, 1, 0])
    (1, 2, 3, 0)
    """

    def __init__(self, arch: Architecture | str, basis: FilterBasis | None = None, *,
                 limits: Limits | None = None) -> None:
        if basis is None:
            basis = FilterBasis(arch)
        if not isinstance(basis, FilterBasis):
            raise InputError(f"basis: expected a FilterBasis (e.g. FilterBasis.family(\"polynomial\", arch, 2)), "
                             f"got {type(basis).__name__}")
        arch = basis.check(arch)
        #: The unrestricted parameterization (same coordinates).
        self.unrestricted = Parameterization(arch, limits=limits)
        self.architecture = arch
        self.limits = self.unrestricted.limits
        self.basis = basis
        #: Per layer the basis as integer columns: ``matrices[l][j][i] = B_l[j, i]``.
        ints = basis.integer_vectors()
        self.matrices: tuple[tuple[tuple[int, ...], ...], ...] = tuple(
            tuple(tuple(v[j] for v in vecs) for j in range(len(vecs[0]))) for vecs in ints)
        self.parameter_names = tuple(f"a{l}_{i}" for l, r in enumerate(basis.ranks, start=1) for i in range(r))
        self.coordinate_names = self.unrestricted.coordinate_names
        start, slices = 0, []
        for r in basis.ranks:
            slices.append((start, start + r))
            start += r
        self.layer_slices = tuple(slices)
        #: Degree of every coordinate in each layer's coefficients.
        self.layer_degrees: tuple[int, ...] = (1,) * arch.num_layers
        self.input_shape = self.unrestricted.input_shape

    # ----------------------------------------------------------------- sizes
    @property
    def num_terms(self) -> int:
        """Upper bound ``Π_l r_l`` on the terms of one coordinate (each is multilinear in the layers)."""
        return math.prod(self.basis.ranks)

    @cached_property
    def support(self) -> frozenset[int]:
        """Flat indices of the coordinates that are not identically zero."""
        return frozenset(m for m, c in enumerate(self.coordinates) if not c.is_zero())

    def permute_inputs(self, perm: tuple[int, ...]) -> tuple[int, ...]:
        """Refused: the unrestricted network's coordinate symmetries need not preserve the image.

        Raises
        ------
        InputError
            Always.
        """
        raise InputError("perm: coordinate symmetries are not used with filters in a fixed basis "
                         "(the basis need not be invariant under them)")

    # ------------------------------------------------------------- symbolic
    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coordinates as polynomials in ``Z[a]``: the unrestricted ones with ``w_l = B_l a_l``.

        Raises
        ------
        ResourceLimitError
            As the unrestricted coordinates, or when ``Π_l r_l`` times the coordinates and the
            coefficients exceeds ``limits.max_symbolic_entries``.
        """
        self.limits.check("max_symbolic_entries", "exponent entries (terms x coefficients x coordinates) "
                          "of the restricted mu", self.num_terms * self.num_parameters * self.ambient_dimension)
        ctx = self.ring
        gens = ctx.gens()
        subs = []
        for (lo, _), matrix in zip(self.layer_slices, self.matrices):
            for row in matrix:
                subs.append(sum((c * gens[lo + i] for i, c in enumerate(row) if c), ctx.from_dict({})))
        return tuple(c.compose(*subs, ctx=ctx) for c in self.unrestricted.coordinates)

    # ------------------------------------------------------------- points
    def split(self, theta: Any) -> list[list[Any]]:
        """Read a point: a flat sequence of the coefficients, or one sequence per layer.

        Raises
        ------
        InputError
            When the point has the wrong number of layers or entries.
        """
        return checks.layer_point(theta, [(r,) for r in self.basis.ranks])

    def filters(self, theta: Any, modulus: int | None = None) -> list[list[Any]]:
        """The layer filters ``B_l a_l`` (flat row-major), exactly or modulo a prime.

        Examples
        --------
        >>> B = FilterBasis("3,2", [[[1, 1, 1], [0, 1, 2]], [[1, 0], [0, 1]]])
        >>> BasisParameterization("3,2", B).filters([1, 2, 3, 5])
        [[1, 3, 5], [3, 5]]
        """
        out = []
        for l, (coeffs, matrix) in enumerate(zip(self.split(theta), self.matrices), start=1):
            values = [to_fmpq(x, f"point (layer {l})") for x in coeffs]
            if modulus is not None:
                res = [fmpq_residue(x, modulus) for x in values]
                out.append([sum(c * x for c, x in zip(row, res)) % modulus for row in matrix])
            else:
                out.append([from_fmpq(sum((c * x for c, x in zip(row, values)), flint.fmpq(0))) for row in matrix])
        return out

    def evaluate(self, theta: Any) -> tuple:
        """The end-to-end filter ``μ(B a)``, exactly (ints, or Fractions when not integral).

        Examples
        --------
        >>> B = FilterBasis("2,2", [[[1, 1]], [[1, -1]]])
        >>> BasisParameterization("2,2", B).evaluate([2, 3])
        (6, 0, -6)
        """
        return self.unrestricted.evaluate(self.filters(theta))

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """``μ(B a)`` modulo a prime ``2 ≤ p < 2**63``.

        Examples
        --------
        >>> B = FilterBasis("2,2", [[[1, 1]], [[1, -1]]])
        >>> BasisParameterization("2,2", B).evaluate_mod([2, 3], 7)
        (6, 0, 1)
        """
        modulus = checks.modulus(modulus)
        return self.unrestricted.evaluate_mod(self.filters(theta, modulus), modulus)

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """The Jacobian ``J μ(B a) · diag(B_1, …, B_L)`` (rows: coordinates, columns: coefficients).

        Examples
        --------
        >>> B = FilterBasis("2,2", [[[1, 1]], [[1, -1]]])
        >>> BasisParameterization("2,2", B).jacobian_at([2, 3]).tolist()
        [[3, 2], [0, 0], [-3, -2]]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
        inner = self.unrestricted.jacobian_at(self.filters(theta, modulus), modulus)
        n, k = self.unrestricted.num_parameters, self.num_parameters
        block = [[0] * k for _ in range(n)]
        for (lo, _), (wlo, _), matrix in zip(self.layer_slices, self.unrestricted.layer_slices, self.matrices):
            for j, row in enumerate(matrix):
                for i, c in enumerate(row):
                    block[wlo + j][lo + i] = c
        if modulus is not None:
            return inner * flint.nmod_mat(block, modulus)
        return inner * flint.fmpq_mat(block)

    def __repr__(self) -> str:
        return f"BasisParameterization({str(self.architecture)!r}, {self.basis!r})"
