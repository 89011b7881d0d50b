"""The elimination certificate: the whole vanishing ideal from one elimination modulo a prime.

Modulo a prime ``p`` the graph ideal ``G_p = <c_m - μ_m(w)>`` has ``F_p[w, c]/G_p ≅ F_p[w]``, so
the elements free of ``w`` of a Gröbner basis of ``G_p`` for a block order ``w >> c`` generate
the kernel ``I_p'`` of ``c ↦ μ(w) mod p`` (elimination theorem).  If each of them lies in the
ideal ``J_p`` of the reductions of equations ``J`` that vanish exactly on μ, then
``dim_Q J_d ≥ dim (J_p)_d = dim (I_p')_d ≥ dim_Q I_d`` in every degree, and ``J ⊆ I`` gives
``J = I`` (docs/theory.md#elimination-certificate, with the proof).  The F4 engine is told the
Hilbert function of the quotient (the ``w``-monomials, per layer multidegree), which lets it
drop the pairs of a multidegree once its standard monomials are that many.

The elimination needs μ only, not the equations.  :class:`BackgroundElimination` therefore
starts it in another process when a run of
:func:`~lcnalg.algebra.implicitization.implicit_equations` begins and a core would otherwise
be idle; the membership test waits for it at the end.  The basis computed there is the one
computed here in process (the same engine, prime and bounds; a process that fails or is
stopped leaves the certificate to be computed in process).

The membership test needs a Gröbner basis of the equations.  When the equations are known to be
complete up to a degree (the rank sandwich of the interpolation, which also gives the Hilbert
function of ``R/I`` up to there), :func:`certify_by_generating_degree` needs none: if the
``w``-free part lies in degrees ``≤ D``, the equations are complete up to ``D`` and the leading
monomials of the ``w``-free part leave as many standard monomials in each degree ``≤ D`` as that
Hilbert function, then ``J = I`` (docs/theory.md#generating-degree).

Public: :func:`certify_by_elimination`, :func:`attempt_elimination_certificate`,
:func:`certify_by_generating_degree`, :func:`elimination_for_certificate`,
:class:`GeneratingDegree`, :class:`EquationsBasis`, :class:`GraphIdeal`, :func:`graph_ideal`,
:func:`elimination_within`,
:func:`graph_multigrading`, :func:`graph_elimination_basis`, :class:`Elimination`,
:class:`BackgroundElimination`.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from math import comb
from typing import Any, Callable, Sequence

import numpy as np

from lcnalg.errors import LCNAlgError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.processes import start_worker
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.hilbert import hilbert_numerator, hilbert_values
from lcnalg.polys.modular import PRIMES_31
from lcnalg.polys.monomials import elimination

__all__ = ["certify_by_elimination", "attempt_elimination_certificate", "certify_by_generating_degree",
           "elimination_for_certificate", "GeneratingDegree", "EquationsBasis", "GraphIdeal",
           "graph_ideal", "graph_multigrading", "graph_positions", "WeightMonomialCounts",
           "graph_elimination_basis", "Elimination",
           "BackgroundElimination", "ELIMINATION_PRIMES", "elimination_within"]

#: Primes tried by :func:`certify_by_elimination` before it gives up (each is a whole
#: elimination modulo that prime; a prime fails only when it divides a finite set of integers).
ELIMINATION_PRIMES = 2


@dataclass(frozen=True)
class EquationsBasis:
    """A Gröbner basis ``gb`` modulo a prime of equations ``J_loc`` in the coordinates that are
    not identically zero (``variables``, ascending), standing for the ideal
    ``J = J_loc + <c_m : m in zero_coordinates>`` of the whole coordinate ring.

    ``F[c]/<c_m : m in zero_coordinates>`` is the polynomial ring in the other coordinates, and
    ``J`` maps onto ``J_loc`` there; so ``f`` lies in ``J`` exactly when ``f`` with the zero
    coordinates set to zero lies in ``J_loc`` (:meth:`contains`).  The summary of
    :func:`~lcnalg.algebra.implicitization.implicit_equations` computes ``gb`` (modulo ``SUMMARY_PRIME``), and the elimination
    certificate tests its membership with it instead of a second basis of the same ideal.

    Examples
    --------
    >>> gb = groebner_basis([{(1, 1): 1, (2, 0): -1}], "degrevlex", modulus=101, nvars=2)
    >>> J = EquationsBasis(gb, (0, 2), (1,))  # J = <c0 c2 - c0^2, c1> in 3 coordinates
    >>> J.nvars, J.contains({(1, 0, 1): 1, (2, 0, 0): -1, (0, 1, 5): 3}), J.contains({(1, 0, 0): 1})
    (3, True, False)
    """

    gb: Any
    variables: tuple[int, ...]
    zero_coordinates: tuple[int, ...]

    @property
    def modulus(self) -> int | None:
        """The prime of ``gb``."""
        return self.gb.modulus

    @property
    def nvars(self) -> int:
        """The number of coordinates, zero or not."""
        return len(self.variables) + len(self.zero_coordinates)

    def contains(self, f: dict[tuple[int, ...], int]) -> bool:
        """Whether ``f`` (exponents over all the coordinates) lies in ``J``."""
        local = {}
        for e, c in f.items():
            if not any(e[m] for m in self.zero_coordinates):
                local[tuple(e[v] for v in self.variables)] = c
        return self.gb.contains(local) if local else True


def graph_ideal(mu: Parameterization) -> tuple[list[dict[tuple[int, ...], int]], list[int]]:
    """The graph ideal ``<c_m - μ_m(w)>`` of μ and the grading that makes it homogeneous.

    Variables ``w_0..w_{N-1}`` (the weights) first, then ``c_0..c_{n-1}``.  Every coordinate
    has degree ``D = Σ_l`` (degree in layer ``l``) in ``w`` (``D = L`` for a linear network),
    so weight 1 on ``w`` and ``D`` on ``c`` keep the generators homogeneous; the quotient is
    ``F[w]`` (``c_m ↦ μ_m(w)``), and its ``w``-free elements form the vanishing ideal of μ
    (docs/theory.md#elimination-certificate).

    Parameters
    ----------
    mu : Parameterization

    Returns
    -------
    (list of dict, list of int)
        The generators (exponent tuple of length ``N + n`` → integer coefficient) and the
        weights of the variables.

    Examples
    --------
    >>> graph, grading = graph_ideal(Parameterization("2,2 s=2"))
    >>> len(graph), grading
    (4, [1, 1, 1, 1, 2, 2, 2, 2])
    >>> sorted(graph[0].items())
    [((0, 0, 0, 0, 1, 0, 0, 0), 1), ((1, 0, 1, 0, 0, 0, 0, 0), -1)]
    """
    N = mu.num_parameters
    n = mu.ambient_dimension
    graph = []
    for m, c in enumerate(mu.coordinates):
        f: dict[tuple[int, ...], int] = {}
        for mono, coeff in c.terms():
            f[tuple(int(x) for x in mono) + (0,) * n] = -int(coeff)
        e = [0] * (N + n)
        e[N + m] = 1
        f[tuple(e)] = 1
        graph.append(f)
    return graph, [1] * N + [sum(mu.layer_degrees)] * n


def graph_multigrading(mu: Parameterization
                       ) -> tuple[list[list[int]], Callable[[tuple[int, ...]], int]] | None:
    """The multigrading by layers of the graph ideal of μ and the Hilbert function of its quotient.

    Row ``l`` gives the weights of layer ``l`` degree 1 and each ``c_m`` the degree of ``μ_m`` in
    those weights (``layer_degrees[l]``; every coordinate is a sum of products of one monomial
    per layer, homogeneous in each layer's weights).  The graph ideal ``<c_m − μ_m(w)>``
    (:func:`graph_ideal`, same variables) is then homogeneous for every row, the rows add up to
    its grading, and its quotient ``F[w, c]/<c − μ(w)> ≅ F[w]`` (``c_m ↦ μ_m(w)``, of the same
    multidegree) has ``prod_l C(a_l + n_l − 1, n_l − 1)`` monomials in multidegree ``a`` (``n_l``
    the weights of layer ``l``): its multigraded Hilbert function
    (docs/theory.md#elimination-certificate), for ``groebner_basis(grading=rows,
    hilbert_function=...)``.

    Returns
    -------
    (list of list of int, callable) or None
        The rows (one per layer, ``N + n`` columns) and ``a ↦ HF(a)``; None when a coordinate
        is not homogeneous of degree ``layer_degrees[l]`` in some layer (then only the total
        grading of :func:`graph_ideal` applies).

    Examples
    --------
    >>> rows, hf = graph_multigrading(Parameterization("2,2 s=2"))
    >>> rows
    [[1, 1, 0, 0, 1, 1, 1, 1], [0, 0, 1, 1, 1, 1, 1, 1]]
    >>> hf((2, 1)), hf((3, 0))  # w0^2, w0 w1, w1^2 times w2 or w3; w0^3 .. w1^3
    (6, 4)
    """
    N = mu.num_parameters
    n = mu.ambient_dimension
    slices = [tuple(s) for s in mu.layer_slices]
    degs = [int(x) for x in mu.layer_degrees]
    for c in mu.coordinates:
        for mono, _ in c.terms():
            if [sum(int(x) for x in mono[lo:hi]) for lo, hi in slices] != degs:
                return None
    rows = [[1 if lo <= i < hi else 0 for i in range(N)] + [D] * n for (lo, hi), D in zip(slices, degs)]
    sizes = [hi - lo for lo, hi in slices]

    def hilbert_function(a: tuple[int, ...]) -> int:
        """The w-monomials of multidegree a (layer l's weights of total degree a_l)."""
        return _layer_monomials(a, sizes)

    return rows, hilbert_function


def graph_positions(mu: Parameterization) -> tuple[tuple[int, ...], ...]:
    """The gradings of the graph ideal of μ by position, one row per spatial axis.

    Row ``a`` gives each weight its position along axis ``a`` in the end-to-end filter (the
    weight ``j`` of layer ``l`` sits at ``j_a t_{l-1,a}``, ``t`` the cumulative strides) and each
    coordinate ``c_m`` its own index along that axis.  Every term of ``μ_m`` is a product of one
    weight per layer whose positions add up to ``m``'s (the convolution), so the generators
    ``c_m − μ_m(w)`` of :func:`graph_ideal` (same variables) are homogeneous for each row
    (docs/theory.md#gradings, the scaling ``x_a ↦ λ x_a``), and the quotient
    ``F[w, c]/<c − μ(w)> ≅ F[w]`` is graded by them too: with the layer grading, its piece of
    layer degrees ``d`` and positions ``p`` is spanned by the ``w``-monomials of those degrees and
    position sums (:class:`WeightMonomialCounts`).

    Returns
    -------
    tuple of tuple of int
        One row of ``N + n`` non-negative entries per axis; empty when μ does not carry the
        positions of its weights (not a :class:`~lcnalg.parameterization.Parameterization`) or
        a row is found not to grade the generators.

    Examples
    --------
    >>> graph_positions(Parameterization("2,2 s=2"))  # w1 at 0, 1; w2 at 0, 2; c at 0..3
    ((0, 1, 0, 2, 0, 1, 2, 3),)
    >>> graph_positions(Parameterization("2x1,1x2"))  # rows, then columns
    ((0, 1, 0, 0, 0, 0, 1, 1), (0, 0, 0, 1, 0, 1, 0, 1))
    """
    if not isinstance(mu, Parameterization) or not mu.num_parameters:
        return ()
    flat = [e for exps in mu.layer_exponents for e in exps] + list(range(mu.ambient_dimension))
    rows = tuple(tuple(int(x) for x in row) for row in np.unravel_index(flat, tuple(mu.shape)))  # row-major
    N = mu.num_parameters
    for m, c in enumerate(mu.coordinates):
        for mono, _ in c.terms():
            for row in rows:
                if sum(row[i] * int(x) for i, x in enumerate(mono) if x) != row[N + m]:
                    return ()
    return rows


class WeightMonomialCounts:
    """The ``w``-monomials per layer degrees and positions: the Hilbert function of the graph
    ideal's quotient ``F[w]`` for the layer grading refined by :func:`graph_positions`.

    A multidegree is ``(d_1, .., d_L, p_1, .., p_A)``: ``d_l`` the degree in layer ``l``'s weights,
    ``p_a`` the sum of the positions along axis ``a``.  The monomials of degree ``k`` in one
    layer's weights, by position, are the coefficients of the complete homogeneous polynomial
    ``h_k(q^{pos(w_1)}, ..)``, made by the recurrence over the weights (each weight multiplies
    by ``1/(1 − q^{pos} t)``: ``H_k += q^{pos} H_{k-1}`` in increasing ``k``); the count for a
    multidegree is the coefficient of ``q^p`` in the product over the layers, kept per layer
    degrees ``d``.  Exact integers (numpy ``object`` arrays where a count could pass ``2^62``).

    Parameters
    ----------
    positions : sequence of sequence of int
        Per layer, the positions of its weights: one tuple (one entry per axis) per weight.

    Examples
    --------
    >>> hf = WeightMonomialCounts([[(0,), (1,)], [(0,), (2,)]])   # 2,2 s=2
    >>> [hf((1, 1, p)) for p in range(4)]     # w1_0 w2_0, w1_1 w2_0, w1_0 w2_1, w1_1 w2_1
    [1, 1, 1, 1]
    >>> hf((2, 1, 2)), hf((2, 1, 5))          # w1_0 w1_1 w2_0, w1_0^2 w2_1; nothing at 5
    (2, 0)
    >>> hf((2, 1))                            # layer degrees alone: 3 * 2 monomials
    6
    >>> hf2 = WeightMonomialCounts([[(0, 0), (0, 1), (1, 0)]])     # one layer, two axes
    >>> hf2((1, 0)), hf2((1, 0, 1))           # first axis at 0: w_0 and w_1; both axes: w_1
    (2, 1)
    """

    def __init__(self, positions: Sequence[Sequence[Sequence[int]]]) -> None:
        self.layers = [np.array([tuple(int(x) for x in p) for p in layer], dtype=np.int64).reshape(len(layer), -1)
                       for layer in positions]
        self.axes = self.layers[0].shape[1] if self.layers else 0
        self._tables: list[list[np.ndarray]] = [[] for _ in self.layers]
        self._products: dict[tuple[int, ...], np.ndarray] = {}

    def __call__(self, a: Sequence[int]) -> int:
        """The count at ``a``: layer degrees and positions, or layer degrees and the first
        positions only (the monomials of those, whatever their other positions), or layer
        degrees alone."""
        L = len(self.layers)
        degrees, p = tuple(int(x) for x in a[:L]), tuple(int(x) for x in a[L:])
        if min(degrees, default=0) < 0 or min(p, default=0) < 0:
            return 0
        if not p:
            return _layer_monomials(degrees, [len(layer) for layer in self.layers])
        prod = self._products.get(degrees)
        if prod is None:
            prod = self._products[degrees] = self._product(degrees)
        if any(x >= s for x, s in zip(p, prod.shape)):
            return 0
        got = prod[p]
        return int(got.sum()) if len(p) < self.axes else int(got)

    def _layer(self, l: int, k: int) -> np.ndarray:
        """The monomials of degree ``k`` in layer ``l``'s weights, by position (the tables are
        made a few degrees ahead: they are asked for degree by degree)."""
        tables = self._tables[l]
        if len(tables) <= k:
            pos = self.layers[l]
            n, top = len(pos), k + 4
            most = pos.max(axis=0).tolist() if n else [0] * self.axes
            shape = tuple(top * x + 1 for x in most)
            H = [np.zeros(shape, dtype=object if comb(top + n, n) >= 1 << 62 else np.int64) for _ in range(top + 1)]
            H[0][(0,) * self.axes] = 1
            for q in pos.tolist():
                for j in range(1, top + 1):   # H_j += q^pos H_{j-1}, the H_{j-1} with this weight
                    H[j][tuple(slice(x, None) for x in q)] += H[j - 1][tuple(slice(0, s - x) for s, x in zip(shape, q))]
            self._tables[l] = tables = [H[j][tuple(slice(0, j * x + 1) for x in most)] for j in range(top + 1)]
        return tables[k]

    def _product(self, degrees: tuple[int, ...]) -> np.ndarray:
        """The product over the layers of their tables at ``degrees`` (a convolution)."""
        out = np.ones((1,) * self.axes, dtype=np.int64)
        for l, k in enumerate(degrees):
            t = self._layer(l, k)
            dtype = object if out.dtype == object or t.dtype == object or \
                int(out.sum()) * int(t.sum()) >= 1 << 62 else np.int64
            res = np.zeros(tuple(x + y - 1 for x, y in zip(out.shape, t.shape)), dtype=dtype)
            for idx in zip(*np.nonzero(out)):
                res[tuple(slice(i, i + s) for i, s in zip(idx, t.shape))] += out[idx] * t
            out = res
        return out


def _layer_monomials(a: Any, sizes: Any) -> int:
    """The monomials of multidegree ``a`` in layers of ``sizes`` variables:
    ``prod_l C(a_l + n_l - 1, n_l - 1)`` (0 for a negative entry)."""
    out = 1
    for al, nl in zip(a, sizes):
        out *= comb(al + nl - 1, nl - 1) if al >= 0 else 0
    return out


@dataclass(frozen=True)
class GraphIdeal:
    """The graph ideal of μ as plain data (integers and tuples): what the elimination needs, and
    all that another process needs to run it.

    Attributes
    ----------
    generators : tuple of dict
        ``c_m - μ_m(w)`` (:func:`graph_ideal`), exponents over ``w`` then ``c``.
    num_parameters : int
        ``N``, the number of weights ``w``.
    grading : tuple of int
        Weight 1 on ``w``, ``D`` on ``c`` (the generators are homogeneous).
    layer_rows : tuple of tuple of int, or None
        The multigrading by layers (:func:`graph_multigrading`), when every coordinate is
        homogeneous in each layer's weights.
    layer_sizes : tuple of int
        The number of weights of each layer (used with ``layer_rows``).
    position_rows : tuple of tuple of int
        The gradings by position along each axis (:func:`graph_positions`), which refine the
        layer grading of the elimination's Hilbert function; empty without ``layer_rows``.

    Examples
    --------
    >>> g = GraphIdeal.of(Parameterization("2,2 s=2"))
    >>> g.nvars, g.layer_rows[0], g.quotient_hilbert_function((2, 1))
    (8, (1, 1, 0, 0, 1, 1, 1, 1), 6)
    >>> g.eliminated(g.elimination_basis(PRIMES_31[0]))   # c1 c2 - c0 c3
    ({(0, 1, 1, 0): 1, (1, 0, 0, 1): 2147483628},)
    """

    generators: tuple[dict[tuple[int, ...], int], ...]
    num_parameters: int
    grading: tuple[int, ...]
    layer_rows: tuple[tuple[int, ...], ...] | None
    layer_sizes: tuple[int, ...]
    position_rows: tuple[tuple[int, ...], ...] = ()

    @classmethod
    def of(cls, mu: Parameterization) -> "GraphIdeal":
        """The graph ideal of ``mu`` and its gradings."""
        graph, grading = graph_ideal(mu)
        layered = graph_multigrading(mu) if mu.num_parameters else None
        return cls(tuple(graph), mu.num_parameters, tuple(grading),
                   None if layered is None else tuple(tuple(r) for r in layered[0]),
                   tuple(hi - lo for lo, hi in mu.layer_slices),
                   graph_positions(mu) if layered is not None else ())

    @property
    def nvars(self) -> int:
        """The number of variables, ``N + n``."""
        return len(self.grading)

    def quotient_hilbert_function(self, a: Any) -> int:
        """The ``w``-monomials of multidegree ``a`` (a tuple, with ``layer_rows``), else of degree ``a``:
        the Hilbert function of ``F[w, c]/<c - μ(w)> ≅ F[w]``."""
        if self.layer_rows is not None:
            return _layer_monomials(a, self.layer_sizes)
        N = self.num_parameters
        if N == 0:
            return 1 if a == 0 else 0
        return comb(a + N - 1, N - 1) if a >= 0 else 0

    def fine_hilbert_function(self) -> Callable[[Any], int]:
        """The Hilbert function of the quotient ``F[w]`` on the layer degrees followed by the
        positions, or by the first positions only (:class:`WeightMonomialCounts`; a new one, with
        its own tables)."""
        positions, lo = [], 0
        for size in self.layer_sizes:
            positions.append([tuple(r[i] for r in self.position_rows) for i in range(lo, lo + size)])
            lo += size
        return WeightMonomialCounts(positions)

    def elimination_basis(self, modulus: int, *, max_matrix_entries: int | None = None,
                          limits: Limits | None = None, progress: Callable[[int], Any] | None = None) -> Any:
        """The reduced Gröbner basis modulo ``modulus`` for the block order ``w >> c``
        (:func:`graph_elimination_basis`; ``progress`` as for
        :func:`~lcnalg.polys.groebner.groebner_basis`)."""
        grading: Any = list(self.grading) if self.layer_rows is None else [list(r) for r in self.layer_rows]
        fine = bool(self.position_rows) and self.layer_rows is not None
        return groebner_basis([dict(g) for g in self.generators], elimination(self.num_parameters),
                              modulus=modulus, nvars=self.nvars, grading=grading,
                              max_matrix_entries=max_matrix_entries,
                              hilbert_function=self.fine_hilbert_function() if fine else self.quotient_hilbert_function,
                              fine_grading=[list(r) for r in self.position_rows] if fine else None,
                              progress=progress, limits=Limits.coerce(limits))

    def eliminated(self, gb: Any) -> tuple[dict[tuple[int, ...], int], ...]:
        """The ``w``-free elements of a basis of :meth:`elimination_basis`, exponents over ``c`` alone."""
        N = self.num_parameters
        return tuple({e[N:]: c for e, c in g.items()} for g in gb.polys if all(not any(e[:N]) for e in g))


@dataclass(frozen=True)
class Elimination:
    """The ``w``-free part of the elimination basis of a graph ideal modulo ``modulus``
    (:meth:`GraphIdeal.eliminated`), or why it was not completed (``error``; ``bound``, the
    field of :class:`~lcnalg.limits.Limits` met); ``entries``: the total entries of its Macaulay
    matrices (what ``max_total_entries`` bounds), when completed."""

    modulus: int
    eliminated: tuple[dict[tuple[int, ...], int], ...] | None
    error: str = ""
    entries: int | None = None
    bound: str = ""


def eliminate(graph: GraphIdeal, modulus: int, limits: Limits, *, max_matrix_entries: int | None = None,
              progress: Callable[[int], Any] | None = None) -> Elimination:
    """:meth:`GraphIdeal.elimination_basis` within ``limits`` (``max_total_entries`` for the
    whole run, a twentieth of it per matrix within ``max_matrix_entries``, unless
    ``max_matrix_entries`` is given; ``progress`` as for
    :func:`~lcnalg.polys.groebner.groebner_basis`)."""
    one = _one_matrix(limits) if max_matrix_entries is None else max_matrix_entries
    try:
        gb = graph.elimination_basis(modulus, max_matrix_entries=one, limits=limits, progress=progress)
    except LCNAlgError as err:
        return Elimination(modulus, None, str(err), bound=getattr(err, "limit", None) or "")
    return Elimination(modulus, graph.eliminated(gb), entries=int((gb.stats or {}).get("total_entries", 0)))


def _one_matrix(limits: Limits) -> int:
    return min(limits.max_matrix_entries, max(1, limits.max_total_entries // 20))


def _by_default(limits: Limits) -> Limits:
    """The bounds of a certificate tried by default: ``max_certify_entries`` in all."""
    return Limits.coerce(limits, max_total_entries=min(limits.max_total_entries, limits.max_certify_entries))


def _for_elimination(mu: Parameterization) -> tuple[Parameterization, str]:
    """``mu`` with consecutive 1D layers at one cumulative stride merged (the same complex
    image, fewer parameters: :meth:`~lcnalg.architecture.Architecture.merged_over_c`), and the
    note that says so."""
    merged = mu.architecture.merged_over_c()
    if merged != mu.architecture and isinstance(mu, Parameterization):
        return Parameterization(merged), (f"; layers joined by stride one merged first ({merged}: the same "
                                          "complex image)")
    return mu, ""


def graph_elimination_basis(mu: Parameterization, modulus: int, *, max_matrix_entries: int | None = None,
                            limits: Limits | None = None) -> Any:
    """The reduced Gröbner basis modulo ``modulus`` of the graph ideal of μ (:func:`graph_ideal`)
    for the block order ``w >> c``, the main stage of :func:`certify_by_elimination`.

    The engine is given the Hilbert function of the quotient ``F_p[w, c]/<c - μ(w)> ≅ F_p[w]``
    (``c_m ↦ μ_m(w)``, of the same degree): per multidegree of the layer grading
    (:func:`graph_multigrading`) refined by the positions along each axis
    (:func:`graph_positions`), else per degree (the ``w``-monomials of degree ``d``), and skips
    the pairs of a (multi)degree once its standard monomials are that many.

    Examples
    --------
    >>> gb = graph_elimination_basis(Parameterization("2,2 s=2"), PRIMES_31[0])
    >>> [g for g in gb.polys if not any(any(e[:4]) for e in g)]   # the w-free part: c1 c2 - c0 c3
    [{(0, 0, 0, 0, 0, 1, 1, 0): 1, (0, 0, 0, 0, 1, 0, 0, 1): 2147483628}]
    """
    return GraphIdeal.of(mu).elimination_basis(modulus, max_matrix_entries=max_matrix_entries, limits=limits)


def certify_by_elimination(mu: Parameterization, polys: tuple[Any, ...], *,
                           limits: Limits | None = None,
                           equations_basis: EquationsBasis | None = None,
                           first: Elimination | None = None) -> tuple[bool, str]:
    """The certificate docs/theory.md#elimination-certificate: do ``polys`` (vanishing on μ) generate the whole ideal?

    One prime suffices.  Modulo ``p`` an elimination Gröbner basis of the graph ideal
    ``<c - μ(w)>`` gives the kernel ``I_p'`` of ``F_p[c] → F_p[w]``; its ``w``-free elements
    must reduce to zero modulo a Gröbner basis of the reductions of ``polys``.  Then
    ``dim_Q J_d ≥ dim (J_p)_d = dim (I_p')_d ≥ dim_Q I_d`` in every degree (reduction lowers
    ranks, and the reductions of the integer elements of ``I`` vanish on ``μ mod p``), and
    ``J ⊆ I`` (every equation vanishes exactly on μ) closes it: ``J = I``.  A prime where
    ``I_p'`` is larger than the reduction of ``I`` can only make the test fail; the next
    prime is then tried (``ELIMINATION_PRIMES`` in all).

    Parameters
    ----------
    mu : Parameterization
    polys : tuple of fmpz_mpoly
        Equations in ``mu.coordinate_ring``, each vanishing exactly on μ (the proof assumes
        it; :func:`~lcnalg.algebra.implicitization.implicit_equations` verifies every equation
        before).
    limits : Limits, optional
        ``max_total_entries`` bounds the whole elimination; one Macaulay matrix gets at most
        a twentieth of it (within ``max_matrix_entries``).
    equations_basis : EquationsBasis, optional
        A Gröbner basis of the same equations already computed (as
        :func:`~lcnalg.algebra.implicitization.implicit_equations` does for the summary), used
        for the membership test modulo its prime instead of a second one.
    first : Elimination, optional
        The elimination modulo the first prime already made (by :class:`BackgroundElimination`,
        of the same μ with its layers merged, within the same ``limits``), used instead of
        making it again.

    Returns
    -------
    (bool, str)
        Whether certified, and the argument or why not.

    Examples
    --------
    >>> mu = Parameterization("2,2 s=2")
    >>> c0, c1, c2, c3 = mu.coordinate_ring.gens()
    >>> certify_by_elimination(mu, (c1*c2 - c0*c3,))
    (True, 'the w-free part of an elimination Gröbner basis of the graph ideal <c - mu(w)> modulo p = 2147483629 lies in the ideal of the equations modulo p; with every equation vanishing exactly on mu, this proves that they generate the whole ideal (docs/theory.md#elimination-certificate)')
    >>> certify_by_elimination(mu, ())[0]
    False
    """
    limits = Limits.coerce(limits)
    mu, merged_note = _for_elimination(mu)
    n = mu.ambient_dimension
    equations = [{tuple(int(x) for x in mono): int(coeff) for mono, coeff in g.terms()} for g in polys]
    graph: GraphIdeal | None = None
    tried = []
    for p in PRIMES_31[:ELIMINATION_PRIMES]:
        if first is not None and first.modulus == p:
            made = first
        else:
            graph = graph or GraphIdeal.of(mu)
            made = eliminate(graph, p, limits)
        if made.eliminated is None:
            return False, (f"the elimination certificate was not completed ({made.error}; one matrix may have "
                           f"max_total_entries/20 = {limits.max_total_entries // 20} entries, within "
                           "max_matrix_entries)")
        eliminated = made.eliminated
        if not eliminated:  # I_p' = 0, so I = 0
            if not polys:
                return True, ("the elimination Gröbner basis of the graph ideal <c - mu(w)> modulo "
                              f"p = {p} has no w-free element, so the vanishing ideal is zero" + merged_note)
            return False, "the equations are not zero but the vanishing ideal is (this is a defect)"
        if not polys:
            return False, "the elimination ideal is not zero but no equations were found"
        if (equations_basis is not None and equations_basis.modulus == p
                and sorted(equations_basis.variables + equations_basis.zero_coordinates) == list(range(n))):
            member: Callable[[dict[tuple[int, ...], int]], bool] = equations_basis.contains
        else:
            try:
                member = groebner_basis(equations, "degrevlex", modulus=p, nvars=n,
                                        max_matrix_entries=_one_matrix(limits), limits=limits).contains
            except LCNAlgError as err:
                return False, f"the Gröbner basis of the equations modulo p = {p} was not completed ({err})"
        if all(member(g) for g in eliminated):
            return True, (f"the w-free part of an elimination Gröbner basis of the graph ideal <c - mu(w)> "
                          f"modulo p = {p} lies in the ideal of the equations modulo p; with every equation "
                          "vanishing exactly on mu, this proves that they generate the whole ideal"
                          + merged_note + " (docs/theory.md#elimination-certificate)")
        tried.append(p)
    return False, ("an element of the elimination ideal modulo p is not in the ideal of the equations "
                   f"modulo p, for p = {', '.join(map(str, tried))}: the equations are almost surely "
                   "incomplete (a prime can only fail this test wrongly when it divides a finite "
                   "set of integers)")


@dataclass(frozen=True)
class GeneratingDegree:
    """The answer of :func:`certify_by_generating_degree`.

    Attributes
    ----------
    closed : bool
        Whether the certificate proved ``J = I``.
    degree : int or None
        ``D``, the highest degree of the ``w``-free part (None when there is none).
    numerator : tuple of int or None
        The Hilbert numerator (standard grading, all ``n`` coordinates) of ``F_p[c]`` modulo
        the leading monomials of the ``w``-free part; when ``closed`` it is that of ``R/I``
        itself (docs/theory.md#generating-degree).  None when not computed.
    text : str
        The argument, or why it did not close.
    """

    closed: bool
    degree: int | None
    numerator: tuple[int, ...] | None
    text: str


def certify_by_generating_degree(elimination: Elimination, hilbert_function: Sequence[int], nvars: int, *,
                                 max_nodes: int | None = None) -> GeneratingDegree:
    """Decide ``J = I`` from the elimination's generating degree and the proved Hilbert function
    of ``R/I``, without a Gröbner basis of the equations (docs/theory.md#generating-degree).

    Let ``B`` be the ``w``-free part of the reduced elimination basis of the graph ideal modulo
    ``p`` (a Gröbner basis of the kernel ``I_p'`` of ``c ↦ μ(w) mod p``), of degrees ``≤ D``.
    The caller guarantees that the equations ``J`` vanish exactly on μ and are complete up to
    degree ``len(hilbert_function) − 1`` (``J_d = I_d``, the rank sandwich), and that
    ``hilbert_function[d] = dim (R/I)_d`` exactly for those ``d``.  If ``D`` is within that range
    and the leading monomials of ``B`` leave exactly ``hilbert_function[d]`` standard monomials
    in every degree ``d`` of it, then ``(I_p')_d`` is the reduction of the integer part of
    ``I_d`` for ``d ≤ D``, so ``I_p'`` is generated by reductions of elements of ``I`` of degree
    ``≤ D``, all in ``J``; hence ``dim I_d ≤ dim (I_p')_d ≤ dim J_d`` in every degree and
    ``J = I``.  A mismatch in any degree of the range (possible only for an unlucky prime)
    leaves it open.

    Parameters
    ----------
    elimination : Elimination
        The ``w``-free part, each element's terms in decreasing order of the elimination order
        (as :meth:`GraphIdeal.eliminated` gives them), its first term the leading one.
    hilbert_function : sequence of int
        ``dim (R/I)_d`` for ``d = 0, 1, ..., e``, each proved, with the equations complete up
        to ``e``; in all ``nvars`` coordinates (those vanishing on μ included: ``R/I`` is the
        same ring either way).
    nvars : int
        The number of coordinates.
    max_nodes : int, optional
        Bound on the pivot recursion of the Hilbert numerator (beyond it the certificate is
        left open, with the reason).

    Returns
    -------
    GeneratingDegree

    Examples
    --------
    The ideal of ``2,2 s=2`` is one quadric, ``c1 c2 - c0 c3``; ``R/I`` has Hilbert function
    1, 4, 9 (nine of the ten quadratic monomials survive):

    >>> made = eliminate(GraphIdeal.of(Parameterization("2,2 s=2")), PRIMES_31[0], Limits())
    >>> r = certify_by_generating_degree(made, [1, 4, 9], 4)
    >>> r.closed, r.degree, r.numerator
    (True, 2, (1, 0, -1))
    >>> certify_by_generating_degree(made, [1, 4], 4).closed    # complete only up to degree 1
    False
    """
    if elimination.eliminated is None:
        return GeneratingDegree(False, None, None, f"the elimination was not completed ({elimination.error})")
    leads = [next(iter(g)) for g in elimination.eliminated if g]
    if not leads:
        return GeneratingDegree(False, None, None, "the elimination ideal is zero: nothing to compare")
    top = max(sum(e) for e in leads)
    known = len(hilbert_function) - 1
    if top > known:
        return GeneratingDegree(False, top, None, (
            f"the w-free part of the elimination basis modulo p = {elimination.modulus} reaches degree {top}, "
            f"above the degree {known} up to which the equations are proved complete"))
    num = hilbert_numerator(leads, nvars, max_nodes=max_nodes)
    if num is None:
        return GeneratingDegree(False, top, None, (
            f"the Hilbert numerator of the {len(leads)} leading monomials of the w-free part passed "
            f"max_hilbert_nodes = {max_nodes}"))
    num = tuple(int(c) for c in num)
    values = hilbert_values(num, nvars, known)
    wrong = [d for d in range(known + 1) if values[d] != int(hilbert_function[d])]
    if wrong:
        d = wrong[0]
        return GeneratingDegree(False, top, num, (
            f"the leading monomials of the w-free part modulo p = {elimination.modulus} leave {values[d]} standard "
            f"monomials in degree {d}, against dim (R/I)_{d} = {hilbert_function[d]} (an unlucky prime)"))
    return GeneratingDegree(True, top, num, (
        f"the w-free part of an elimination Gröbner basis of the graph ideal <c - mu(w)> modulo "
        f"p = {elimination.modulus} lies in degrees <= {top}, and its leading monomials leave as many standard "
        f"monomials in each degree <= {known} as the Hilbert function of R/I proved by the rank sandwich; with "
        f"the equations complete up to degree {known} and vanishing exactly on mu, this proves that they "
        "generate the whole ideal (docs/theory.md#generating-degree)"))


def elimination_for_certificate(mu: Parameterization, *, by_default: bool, limits: Limits,
                                background: "BackgroundElimination | None" = None) -> Elimination:
    """The elimination modulo the first prime that :func:`attempt_elimination_certificate` uses:
    the one of ``background`` (waited for) when it completed, or met its bound and ``by_default``
    holds (the same bound applies here); else made here, of ``mu`` with its stride-one layers
    merged, within ``max_certify_entries`` when ``by_default``, else ``max_total_entries``.

    Examples
    --------
    >>> elimination_for_certificate(Parameterization("2,2 s=2"), by_default=True, limits=Limits()).eliminated
    ({(0, 1, 1, 0): 1, (1, 0, 0, 1): 2147483628},)
    """
    if background is not None:
        made = background.result()
        if made is not None and (made.eliminated is not None or by_default):
            return made
    merged, _ = _for_elimination(mu)
    return eliminate(GraphIdeal.of(merged), PRIMES_31[0], _by_default(limits) if by_default else limits)


def elimination_within(mu: Parameterization, entries: int, limits: Limits,
                       background: "BackgroundElimination | None" = None, *, wait: float = 0.0,
                       by_default: bool = True) -> Elimination:
    """The elimination of :func:`elimination_for_certificate` tried by default, within ``entries``
    total matrix entries (``by_default`` False: the one of ``certify=True``, within ``entries``
    and ``limits``' own bounds; the background, made within the default ones, is used only
    when it completed within ``wait`` seconds): the same per-matrix bound as the one tried by
    default, so the same answer whether it is made here or taken from ``background``.  By
    default the background is this very elimination within a larger bound, step for step the
    same up to ``entries``: it is followed (:meth:`BackgroundElimination.within`) until it passes
    ``entries`` (the failure this one meets) or ends (its basis if it needed at most ``entries``
    entries, else that failure; a background that failed met a bound this one meets too).

    Examples
    --------
    >>> made = elimination_within(Parameterization("2,2 s=2"), 10**6, Limits())
    >>> made.eliminated, made.entries <= 10**6
    (({(0, 1, 1, 0): 1, (1, 0, 0, 1): 2147483628},), True)
    >>> elimination_within(Parameterization("2,2 s=2"), 1, Limits()).eliminated is None
    True
    """
    default = _by_default(limits) if by_default else limits
    bound = min(entries, default.max_total_entries)
    too_many = Elimination(PRIMES_31[0], None, f"its Macaulay matrices need more than {bound} entries in all",
                           bound="max_total_entries")
    made = None
    if background is not None and by_default and background.covers(bound, _one_matrix(default)):
        # the background makes this very elimination within a bound that covers this one (by
        # default, within max_certify_entries), step for step the same: followed until it passes
        # this bound or ends, however long that takes, never made again here beside it
        passed, made = background.within(bound)
        if passed:
            return too_many
    elif background is not None and background.ready(wait):
        made = background.result()
        if made is not None and made.eliminated is None:
            made = None   # it met the default bounds: redone within the larger ones
    if made is not None and made.eliminated is not None and (made.entries is None or made.entries > bound):
        return too_many
    if made is None:
        merged, _ = _for_elimination(mu)
        made = eliminate(GraphIdeal.of(merged), PRIMES_31[0], Limits.coerce(limits, max_total_entries=bound),
                         max_matrix_entries=_one_matrix(default))
    return too_many if made.eliminated is None and made.bound == "max_total_entries" else made


def attempt_elimination_certificate(mu: Parameterization, polys: tuple[Any, ...], *, by_default: bool,
                                    limits: Limits, equations_basis: EquationsBasis | None = None,
                                    background: "BackgroundElimination | None" = None,
                                    first: Elimination | None = None) -> tuple[bool, str]:
    """:func:`certify_by_elimination`, within ``limits.max_certify_entries`` matrix entries when
    tried by default (``by_default``), else within ``limits.max_total_entries``; a bound met
    is named in the text.  ``equations_basis`` as for :func:`certify_by_elimination`;
    ``background``, when given, is waited for and its
    elimination used for the first prime (unless it met its bound and ``by_default`` is
    False: the larger bound is then tried here); ``first``, when given, is that elimination
    already in hand (:func:`elimination_for_certificate`)."""
    if first is not None:
        background = None
    if background is not None:
        first = background.result()
        if first is not None and first.eliminated is None and not by_default:
            first = None
    if not by_default:
        return certify_by_elimination(mu, polys, limits=limits, equations_basis=equations_basis, first=first)
    ok, text = certify_by_elimination(mu, polys, limits=_by_default(limits), equations_basis=equations_basis,
                                      first=first)
    if not ok and "max_total_entries" in text:
        text += (f"; tried by default within max_certify_entries = {limits.max_certify_entries} entries "
                 "(CLI --max-certify-entries); certify=True (--certify) allows max_total_entries")
    return ok, text


class BackgroundElimination:
    """The elimination of μ's graph ideal modulo the first prime (:func:`eliminate`, within the
    bounds of a certificate tried by default), run in another process from the moment it is made.

    The equations are not needed for it, so it can run beside the interpolation, on a core
    the interpolation leaves idle; :func:`attempt_elimination_certificate` then waits for it
    (``background=``).  Its result is the one the same call would compute in process.  When
    the process cannot start, dies or is cancelled, :meth:`result` is None and the
    certificate computes the elimination itself.

    While a degree of the interpolation takes every core, the process can be paused
    (:meth:`pause`: ``SIGSTOP``, where the platform has it) instead of cancelled, so that the
    work it has done is not lost; it goes on at :meth:`resume`, and when :meth:`result` waits for
    it (:meth:`ready` does not wait for a paused process).  The result does not depend on the
    pauses.

    Parameters
    ----------
    mu : Parameterization
    limits : Limits

    Examples
    --------
    >>> job = BackgroundElimination(Parameterization("2,2 s=2"), Limits())
    >>> job.result().eliminated   # c1 c2 - c0 c3, as GraphIdeal.eliminated gives it
    ({(0, 1, 1, 0): 1, (1, 0, 0, 1): 2147483628},)
    >>> job.cancel()   # nothing left to stop
    >>> job = BackgroundElimination(Parameterization("2,2 s=2"), Limits())
    >>> job.pause(), job.result().eliminated   # waiting for it lets a paused process go on
    (True, ({(0, 1, 1, 0): 1, (1, 0, 0, 1): 2147483628},))
    """

    def __init__(self, mu: Parameterization, limits: Limits) -> None:
        # deferred: multiprocessing costs start-up, and only runs with several processes use it
        import multiprocessing

        self._done = False
        self._paused = False
        self._result: Elimination | None = None
        self._process: Any = None
        #: when it started (``time.monotonic``)
        self.started = time.monotonic()
        bounds = _by_default(limits)
        #: its bounds: on all the Macaulay matrices, and on one
        self.max_total, self.max_matrix = bounds.max_total_entries, _one_matrix(bounds)
        merged, _ = _for_elimination(mu)
        graph = GraphIdeal.of(merged)
        context = multiprocessing.get_context()
        self._receive, send = context.Pipe(duplex=False)
        # the entries of its Macaulay matrices so far, written by the process before each step
        self._entries = context.RawValue("q", 0)
        try:
            self._process = context.Process(target=_eliminate_and_send,
                                            args=(send, graph, bounds, self._entries, os.getpid()), daemon=True)
            self._process.start()
        except (AssertionError, OSError):  # a daemonic process may not have children; or no fork
            self._done = True
            self._receive.close()
        finally:
            send.close()

    @property
    def paused(self) -> bool:
        """Whether the process is paused (:meth:`pause`)."""
        return self._paused

    def pause(self) -> bool:
        """Stop the process where it is, to go on at :meth:`resume`; False where the platform
        cannot (no ``SIGSTOP``: the caller then cancels it).  Nothing to do once it is done.
        A paused process is ended by :meth:`cancel` (``implicit_equations`` cancels its own when
        the run ends); left paused, it holds its memory until the program exits."""
        if self._done or self._paused:
            return True
        stop = getattr(signal, "SIGSTOP", None)
        if stop is None:
            return False
        if self._receive.poll(0.0):
            # it has sent its result (or closed the pipe): nothing to pause, and once it is
            # reaped its pid may belong to another process
            return True
        try:
            os.kill(self._process.pid, stop)
        except OSError:  # gone meanwhile: its result (or the end of the pipe) is read as usual
            return True
        self._paused = True
        return True

    def resume(self) -> None:
        """Let a paused process go on."""
        if self._paused:
            self._paused = False
            try:
                os.kill(self._process.pid, signal.SIGCONT)
            except OSError:
                pass

    def ready(self, timeout: float = 0.0) -> bool:
        """Whether :meth:`result` returns without waiting, after waiting at most ``timeout``
        seconds for the process to send it (not waiting while it is paused)."""
        if self._done:
            return True
        return self._receive.poll(0.0 if self._paused else max(timeout, 0.0))

    @property
    def entries(self) -> int:
        """The entries of its Macaulay matrices so far (as ``max_total_entries`` counts them; at
        the start of its last step)."""
        return int(self._entries.value)

    def covers(self, bound: int, max_matrix: int) -> bool:
        """Whether it is the elimination within ``bound`` entries in all and ``max_matrix`` in one
        until it passes ``bound`` (:meth:`within`): its own bounds are ``max_matrix`` and at least
        ``bound``."""
        return self.max_matrix == max_matrix and self.max_total >= bound

    def within(self, bound: int) -> tuple[bool, Elimination | None]:
        """Wait until the process passes ``bound`` entries in all, ``(True, None)`` (it goes on),
        or ends, ``(False, result())``; a paused process goes on first.  A run within ``bound``
        and the same bound per matrix is the same as this one step for step up to ``bound``, so
        it fails there exactly when this one passes it (:meth:`covers`)."""
        self.resume()
        while not self._done and not self._receive.poll(PROGRESS_POLL):
            if self._entries.value > bound:
                return True, None
        return False, self.result()

    def result(self) -> Elimination | None:
        """The elimination (waiting for it, a paused process going on first), or None when the
        process failed or was cancelled."""
        if not self._done:
            self.resume()
            try:
                self._result = self._receive.recv()
            except (EOFError, OSError):
                self._result = None
            self._finish()
        return self._result

    def cancel(self) -> None:
        """Stop the process if it still runs (its result is then None)."""
        if not self._done:
            self._process.terminate()
            self.resume()  # a stopped process acts on the signal once it goes on
            self._finish()

    def _finish(self) -> None:
        self._done = True
        self._receive.close()
        if self._process is not None:
            self._process.join()


#: Seconds between two looks of :meth:`BackgroundElimination.within` at the entries so far.
PROGRESS_POLL = 0.02


def _eliminate_and_send(send: Any, graph: GraphIdeal, limits: Limits, entries: Any, parent: int) -> None:
    """The body of the background process: :func:`eliminate` modulo the first prime, sent back
    (None on an unexpected error: the caller then computes it in process and meets it there),
    with the entries of its Macaulay matrices so far written into ``entries`` before each step.
    It ends with its parent, even one killed without a chance to stop it (``SIGKILL``): told by
    the kernel where Linux's ``PR_SET_PDEATHSIG`` is at hand, and before each step otherwise (its
    parent is no longer ``parent``, the process that started it)."""
    start_worker(parent)

    def progress(total: int) -> None:
        if os.getppid() != parent:
            os._exit(0)
        entries.value = total

    try:
        result: Elimination | None = eliminate(graph, PRIMES_31[0], limits, progress=progress)
    except Exception:  # reported by the computation in process, which the caller then runs
        result = None
    send.send(result)
    send.close()
