"""The finest torus grading respected by the vanishing ideal of a parameterization.

Let ``φ: Q[c] → Q[w]``, ``c_m ↦ μ_m``.  Give the weights a grading by a weight
vector ``u ∈ Z^N`` (``deg w_i = u_i``).  When every ``μ_m`` is ``u``-homogeneous,
``φ`` is a graded map for ``deg c_m := u · (exponent of any term of μ_m)``, so its
kernel ``I`` is homogeneous for that grading.  The vectors ``u`` with this property
form the orthogonal complement ``U`` of the differences of exponents inside each
``μ_m``; an integer basis of ``U`` gives the finest such grading of ``Q[c]``.

For a linear convolution it always contains the total degree (``u`` = indicator of
a layer) and one weight per spatial axis (``u_{l,j} = j_a t_{l-1,a}``, the scaling
``x_a ↦ λ x_a``, docs/theory.md#gradings); with large strides (``k_l ≤ s_l``) coordinates become
monomials and the grading is finer still (toric cases), which makes the graded
pieces tiny.  Coordinates that vanish identically are left out (they are linear
generators of ``I`` on their own).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Sequence

import flint

from lcnalg.parameterization import Parameterization
from lcnalg.polys.modmat import integer_nullspace

__all__ = ["Grading", "finest_grading", "grading_work", "symmetries"]


@dataclass(frozen=True)
class Grading:
    """A grading of the polynomial ring in the non-zero coordinates.

    Attributes
    ----------
    variables : tuple of int
        Flat indices of the coordinates that are not identically zero, ascending.
    degrees : tuple of tuple of int
        ``degrees[i]`` is the multidegree of ``c_{variables[i]}``; its first entry is
        the total degree (always 1).
    zero_coordinates : tuple of int
        Flat indices of the coordinates that vanish identically.
    moduli : tuple of int
        Per weight, ``0`` for an integer weight or ``m ≥ 2`` for a weight in ``Z/m`` (a finite
        grading, e.g. ``c_m ↦ m mod n`` of a circular convolution); empty (the default): every
        weight is an integer.  Multidegrees are compared after :meth:`reduce`.
    """

    variables: tuple[int, ...]
    degrees: tuple[tuple[int, ...], ...]
    zero_coordinates: tuple[int, ...]
    moduli: tuple[int, ...] = ()

    def to_full(self, local: dict[tuple[int, ...], Any], ring: Any) -> Any:
        """A polynomial in the non-zero coordinates (exponents over :attr:`variables`) as an element
        of ``ring``, the ring of all the coordinates, with a positive leading coefficient.

        Examples
        --------
        >>> from lcnalg.rings import integer_ring
        >>> g = Grading((0, 2), ((1,), (1,)), (1,))
        >>> g.to_full({(1, 1): -3, (2, 0): 1}, integer_ring(("c0", "c1", "c2")))
        c0^2 - 3*c0*c2
        """
        n = ring.nvars()
        full = {}
        for exps, c in local.items():
            v = [0] * n
            for i, x in zip(self.variables, exps):
                v[i] = x
            full[tuple(v)] = c
        poly = ring.from_dict(full)
        return -poly if poly.leading_coefficient() < 0 else poly

    def reduce(self, key: tuple[int, ...]) -> tuple[int, ...]:
        """A multidegree with its finite weights reduced modulo their moduli.

        Examples
        --------
        >>> Grading((0, 1), ((1, 0), (1, 2)), (), moduli=(0, 3)).reduce((2, 4))
        (2, 1)
        """
        if not self.moduli:
            return key
        return tuple(k % m if m else k for k, m in zip(key, self.moduli))

    @property
    def rank(self) -> int:
        """Number of independent weights (the total degree included)."""
        return len(self.degrees[0]) if self.degrees else 0


def grading_work(mu: Parameterization) -> int:
    """Estimated field operations of :func:`finest_grading`, from the sizes of the layers
    alone (cheap arithmetic, checked before the symbolic μ is built).

    Two stages: building the symbolic μ (``terms × parameters`` exponent entries, each about
    32 field operations of Python dictionary work), then the exact echelon form over Q of
    the exponent differences (at most ``rows = terms − coordinates`` distinct rows of
    ``parameters`` columns, rank at most ``min(rows, parameters)``), about ``rows ×
    parameters × min(rows, parameters)`` operations.  Measured: ``50,50,50 s=2,2``
    (estimate 3.4·10^9) takes 17 s; ``300,300`` (3.4·10^10) several minutes.

    Examples
    --------
    >>> grading_work(Parameterization("3,2 s=2"))   # 6 terms, 5 weights, 5 coordinates
    965
    >>> grading_work(Parameterization("2," * 999 + "2")) > 10**12
    True
    """
    terms, n = mu.num_terms, mu.num_parameters
    rows = max(terms - mu.ambient_dimension, 0)
    return 32 * terms * n + rows * n * min(rows, n)


def finest_grading(mu: Parameterization) -> Grading:
    """The finest grading (by a free abelian group) for which ``I`` is homogeneous.

    Parameters
    ----------
    mu : Parameterization

    Returns
    -------
    Grading

    Examples
    --------
    >>> g = finest_grading(Parameterization("3,2 s=2"))
    >>> g.variables, g.rank
    ((0, 1, 2, 3, 4), 3)
    >>> g.degrees  # total degree; parity of m (w1_1 occurs only in odd m); a layer-2 weight
    ((1, 0, 2), (1, 1, 1), (1, 0, 1), (1, 1, 0), (1, 0, 0))
    >>> finest_grading(Parameterization("2,3 s=3")).zero_coordinates
    (2, 5)
    """
    coords = mu.coordinates
    n = mu.num_parameters
    diffs: list[list[int]] = []
    reps: list[tuple[int, ...]] = []
    variables = []
    zeros = []
    for m, c in enumerate(coords):
        monos = [tuple(int(e) for e in mono) for mono in c.monoms()]
        if not monos:
            zeros.append(m)
            continue
        variables.append(m)
        reps.append(monos[0])
        for other in monos[1:]:
            diffs.append([a - b for a, b in zip(other, monos[0])])
    # remove duplicate difference rows cheaply
    diffs = [list(r) for r in {tuple(r) for r in diffs}]
    basis = integer_nullspace(diffs, n)
    raw = [tuple(sum(u[i] * rep[i] for i in range(n)) for u in basis) for rep in reps]
    # Re-express the grading with the total degree first, then an integer basis of the
    # remaining weights, normalised so that the smallest value of each weight is 0.
    total = tuple(1 for _ in raw)
    cols = [list(col) for col in zip(*raw)] if raw else []
    # Row-reduce the weight functions (as vectors over the coordinates) to drop
    # dependent ones and the total degree itself.
    weights = _independent_weights([list(total)] + cols)
    degrees = tuple(tuple(w[i] for w in weights) for i in range(len(raw)))
    return Grading(tuple(variables), degrees, tuple(zeros))


def _independent_weights(vectors: Sequence[Sequence[int]]) -> list[list[int]]:
    """A maximal independent subset of weight vectors (first one kept), shifted to min 0."""
    chosen: list[list[int]] = []
    rank = 0
    for v in vectors:
        trial = chosen + [list(v)]
        M = flint.fmpq_mat(len(trial), len(v), [x for r in trial for x in r])
        r = M.rank()
        if r > rank:
            chosen.append(list(v))
            rank = r
    out = [chosen[0]]
    for v in chosen[1:]:
        low = min(v)
        out.append([x - low for x in v])
    return out


def symmetries(mu: Parameterization, grading: Grading) -> tuple[tuple[int, ...], ...]:
    """Coordinate permutations that preserve the vanishing ideal, as permutations of the
    non-zero coordinates (local indices), identity excluded.

    * Reversing every filter along axis ``a`` reverses the end-to-end filter along
      ``a`` (``p_l(x) ↦ x^{k_l-1} p_l(1/x)`` per layer, and the stride substitution
      commutes with it), so ``c_{…, i_a, …} ↦ c_{…, n_a-1-i_a, …}`` preserves ``I``
      for any strides (docs/theory.md#gradings).  With an activation, reversing every
      filter reverses every layer's grid (one output's grids fit exactly), so the network
      at the reversed filters is the network at the reversed inputs: the induced
      permutation of the monomials preserves ``I``; transposition only when it maps the
      architecture to itself (the layers do not commute through ``σ``).
    * In 2D, transposing preserves ``I`` when the transposed architecture is the same
      one, or when all strides before the last layer are 1 (the layers then commute)
      and the transposed filter shapes are the same multiset.

    Examples
    --------
    >>> mu = Parameterization("2,2 s=2")
    >>> symmetries(mu, finest_grading(mu))
    ((3, 2, 1, 0),)
    >>> len(symmetries(Parameterization("2x2,2x2"), finest_grading(Parameterization("2x2,2x2"))))
    7
    """
    arch = mu.architecture
    shape = mu.input_shape
    D = arch.ndim

    def flat_perm(f) -> tuple[int, ...]:
        out = []
        for idx in itertools.product(*(range(n) for n in shape)):
            img = f(idx)
            flat = 0
            for i, n in zip(img, shape):
                flat = flat * n + i
            out.append(flat)
        return tuple(out)

    generators = []
    for a in range(D):
        generators.append(flat_perm(lambda idx, a=a: idx[:a] + (shape[a] - 1 - idx[a],) + idx[a + 1:]))
    if D == 2 and shape[0] == shape[1]:
        transposed = [(f[1], f[0]) for f in arch.filters]
        same = transposed == [tuple(f) for f in arch.filters] and all(
            (s[1], s[0]) == tuple(s) for s in arch.strides[:-1])
        # the layers commute only without an activation (σ sits between them)
        commute = arch.activation is None and all(s == (1, 1) for s in arch.strides[:-1]) and sorted(
            transposed) == sorted(tuple(f) for f in arch.filters)
        if same or commute:
            generators.append(flat_perm(lambda idx: (idx[1], idx[0])))
    generators = [mu.permute_inputs(g) for g in generators]
    n = mu.ambient_dimension
    identity = tuple(range(n))
    group = {identity}
    frontier = [identity]
    while frontier:
        nxt = []
        for g in frontier:
            for h in generators:
                gh = tuple(h[g[i]] for i in range(n))
                if gh not in group:
                    group.add(gh)
                    nxt.append(gh)
        frontier = nxt
    local = {v: i for i, v in enumerate(grading.variables)}
    out = []
    for g in sorted(group - {identity}):
        if any(g[v] not in local for v in grading.variables):
            continue  # cannot happen for a true symmetry; be safe
        out.append(tuple(local[g[v]] for v in grading.variables))
    return tuple(out)
