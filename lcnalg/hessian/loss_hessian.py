"""The Hessian of the squared loss of a linear network, exactly, split into its two parts.

Setting: layers ``W_l(θ_l)`` linear in their weights (:class:`~lcnalg.hessian.LinearLayer`),
``F = W_L ⋯ W_1`` (``K × d_0``), data ``X`` (``d_0 × N``), targets ``Y`` (``K × N``),
``ℓ(θ) = ‖F X − Y‖_F²``.  With ``Σ = X Xᵀ`` and the residual ``R = F X − Y``,

``∂_a∂_b ℓ = 2⟨∂_a F X, ∂_b F X⟩ + 2⟨∂_a∂_b F, R Xᵀ⟩ = H_o[a, b] + H_F[a, b]``

(product rule twice on ``tr(Rᵀ R)``): ``H_o`` is the outer-product (Gauss–Newton) part and
``H_F`` the functional part.  Algorithm: first the Hessian in the entries of the dense
matrices.  Write ``A_{>l} = W_L ⋯ W_{l+1}``, ``A_{<l} = W_{l−1} ⋯ W_1`` and
``M_{lm} = W_{m−1} ⋯ W_{l+1}`` (identities when empty).  Then
``∂F/∂W_l[i, j] = A_{>l}[:, i] A_{<l}[j, :]``, so

* ``H_o[(l,i,j), (m,p,q)] = 2 (A_{>l}ᵀ A_{>m})[i, p] · (A_{<l} Σ A_{<m}ᵀ)[j, q]``;
* for ``l < m``, ``∂²F/∂W_l[i,j]∂W_m[p,q] = A_{>m}[:, p] M_{lm}[q, i] A_{<l}[j, :]``, so
  ``H_F[(l,i,j), (m,p,q)] = 2 M_{lm}[q, i] · B_{lm}[j, p]`` with
  ``B_{lm} = A_{<l} (R Xᵀ)ᵀ A_{>m}``; ``H_F`` vanishes on the diagonal blocks (``F`` is linear
  in each layer).

The weights enter through the linear embedding ``P`` of ``θ`` into the dense entries (a layer's
basis matrices), so the Hessian in ``θ`` is ``Pᵀ H P``: row ``a`` sums the dense rows of the
positions of weight ``a``.  Everything is exact: over Q with ``fmpq_mat``, or over ``Z/p`` with
``nmod_mat`` (the modular ranks are the ranks of the reductions, which never exceed the
rational ranks, with equality except for primes dividing a nonzero minor).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.hessian.layers import LinearLayer, check_chain
from lcnalg import checks
from lcnalg.limits import Limits

__all__ = ["HessianParts", "loss_hessian"]


@dataclass(frozen=True)
class HessianParts:
    """The loss Hessian ``H_L = H_o + H_F`` in the weights, and in the dense entries.

    Attributes
    ----------
    loss, outer, functional : flint.fmpq_mat or flint.nmod_mat
        ``H_L``, ``H_o``, ``H_F`` in the weights ``θ``.
    dense_loss, dense_outer, dense_functional : flint.fmpq_mat or flint.nmod_mat
        The same Hessians in all entries of the layer matrices (the dense network at ``W(θ)``).
    modulus : int or None
        The prime, or None over Q.
    """

    loss: Any
    outer: Any
    functional: Any
    dense_loss: Any
    dense_outer: Any
    dense_functional: Any
    modulus: int | None

    def ranks(self) -> dict[str, int]:
        """Exact ranks of the three parts, in the weights and in the dense entries."""
        return {"loss": self.loss.rank(), "outer": self.outer.rank(), "functional": self.functional.rank(),
                "dense_loss": self.dense_loss.rank(), "dense_outer": self.dense_outer.rank(),
                "dense_functional": self.dense_functional.rank()}


def _matrix(field: tuple, rows: int, cols: int, entries: Sequence[Sequence]) -> Any:
    kind, p = field
    flat = [e for row in entries for e in row]
    if kind == "q":
        return flint.fmpq_mat(rows, cols, [flint.fmpq(e.numerator, e.denominator) if isinstance(e, Fraction)
                                           else e for e in flat])
    return flint.nmod_mat(rows, cols, [int(e.numerator * pow(e.denominator, -1, p)) % p if isinstance(e, Fraction)
                                       else int(e) % p for e in flat], p)


def _identity(field: tuple, n: int) -> Any:
    return _matrix(field, n, n, [[1 if i == j else 0 for j in range(n)] for i in range(n)])


def _read(value: Any, field: str, shape: tuple[int, int] | None) -> list[list]:
    """Rows of exact rationals (int, Fraction, fmpz, fmpq, or a finite float) with a shape check."""
    try:
        rows = [list(r) for r in value]
    except TypeError:
        raise InputError(f"{field} must be a matrix (a sequence of rows)") from None
    if not rows or not rows[0]:
        raise InputError(f"{field} must have at least one row and one column")
    if shape is not None and (len(rows), len(rows[0])) != shape:
        raise InputError(f"{field} must be {shape[0]} x {shape[1]}, got {len(rows)} x {len(rows[0])}")
    out = []
    for r in rows:
        if len(r) != len(rows[0]):
            raise InputError(f"{field}: rows of different lengths")
        row = []
        for e in r:
            if isinstance(e, bool):
                raise InputError(f"{field}: entries must be numbers, got {e!r}")
            if isinstance(e, float):
                if not math.isfinite(e):
                    raise InputError(f"{field}: non-finite entry {e!r}")
                e = Fraction(e)
            elif isinstance(e, (flint.fmpz, flint.fmpq)):
                e = Fraction(int(e.numerator if hasattr(e, "numerator") else e),
                             int(e.denominator) if hasattr(e, "denominator") else 1)
            elif isinstance(e, (int, Fraction)):
                e = Fraction(e)
            else:
                try:
                    e = Fraction(str(e))
                except (ValueError, ZeroDivisionError):
                    raise InputError(f"{field}: entry {e!r} is not a finite rational number") from None
            row.append(e)
        out.append(row)
    return out


def loss_hessian(layers: Sequence[LinearLayer], theta: Sequence[Sequence], X: Any, Y: Any, *,
                 modulus: int | None = None, limits: Limits | None = None) -> HessianParts:
    """Exact loss Hessian ``H_L`` and its parts ``H_o``, ``H_F`` at a point.

    Parameters
    ----------
    layers : sequence of LinearLayer
        ``W_1, …, W_L`` (first applied first); consecutive sizes must match.
    theta : sequence of sequences
        The weights of each layer (rationals).
    X : matrix
        Data, ``d_0 × N`` (rows of rationals; finite floats are read exactly).
    Y : matrix
        Targets, ``K × N``.
    modulus : int, optional
        A prime: compute over ``Z/p`` (``nmod_mat``); default over Q (``fmpq_mat``).
    limits : Limits, optional
        ``max_hessian_entries`` bounds the number of entries of the dense Hessian.

    Returns
    -------
    HessianParts

    Raises
    ------
    InputError
        Naming ``layers``, ``theta``, ``X`` or ``Y`` when a size or an entry is wrong.
    ResourceLimitError
        If the dense Hessian would exceed ``limits.max_hessian_entries``.

    Examples
    --------
    ``ℓ(a, b) = (a b x − y)²`` with ``x = 1``, ``y = 2`` at ``a = b = 1``: ``H_o = 2 [[1, 1], [1, 1]]``,
    ``H_F = 2 (ab − y) [[0, 1], [1, 0]]``.

    >>> from lcnalg.hessian import dense_layer
    >>> H = loss_hessian([dense_layer(1, 1), dense_layer(1, 1)], [[1], [1]], [[1]], [[2]])
    >>> print(H.outer); print(H.functional); print(H.loss)
    [2, 2]
    [2, 2]
    [ 0, -2]
    [-2,  0]
    [2, 0]
    [0, 2]

    References
    ----------
    .. [SBH21] S. P. Singh, G. Bachmann, T. Hofmann, *Analytic Insights into Structure and Rank
       of Neural Network Hessian Maps*, NeurIPS 2021, arXiv:2106.16225 (the decomposition
       ``H_L = H_o + H_F``).
    """
    limits = Limits.coerce(limits)
    layers = checks.sequence(layers, "layers", "a sequence of LinearLayer")
    if not all(isinstance(m, LinearLayer) for m in layers):
        raise InputError("layers: expected a sequence of LinearLayer (dense_layer, convolution_layer)")
    L = len(layers)
    if L < 1:
        raise InputError("layers: at least one layer is needed")
    theta = [checks.sequence(t, "theta", "one sequence of weights per layer")
             for t in checks.sequence(theta, "theta", "one sequence of weights per layer")]
    check_chain(layers, theta)
    if modulus is not None:
        modulus = checks.modulus(modulus)
    dims = [layers[0].cols] + [m.rows for m in layers]
    n_dense = sum(dims[l] * dims[l + 1] for l in range(L))
    if n_dense * n_dense > limits.max_hessian_entries:
        raise ResourceLimitError("entries of the dense loss Hessian", n_dense * n_dense,
                                 limits.max_hessian_entries,
                                 "pass max_hessian_entries= or --max-hessian-entries", limit="max_hessian_entries")
    Xr = _read(X, "X", None)
    if len(Xr) != dims[0]:
        raise InputError(f"X must have {dims[0]} rows (the input size), got {len(Xr)}")
    N = len(Xr[0])
    Yr = _read(Y, "Y", (dims[-1], N))
    th = [_read([t], "theta", None)[0] if len(t) else [] for t in theta]
    field = ("q", None) if modulus is None else ("p", modulus)
    W = [_matrix(field, m.rows, m.cols, m.matrix_entries(t)) for m, t in zip(layers, th)]
    Xm = _matrix(field, dims[0], N, Xr)
    Ym = _matrix(field, dims[-1], N, Yr)

    def prod(lo: int, hi: int) -> Any:  # W_hi ⋯ W_{lo+1} in 0-based layer indices lo < . < hi... -> layers lo..hi-1
        out = _identity(field, dims[lo])
        for k in range(lo, hi):
            out = W[k] * out
        return out

    F = prod(0, L)
    Sigma = Xm * Xm.transpose()
    G = (F * Xm - Ym) * Xm.transpose()        # R Xᵀ, K × d_0
    above = [prod(l + 1, L) for l in range(L)]  # A_{>l}: K × dims[l+1]
    below = [prod(0, l) for l in range(L)]      # A_{<l}: dims[l] × d_0
    offsets = [0]
    for l in range(L):
        offsets.append(offsets[-1] + dims[l] * dims[l + 1])
    Ho = [[0] * n_dense for _ in range(n_dense)]
    Hf = [[0] * n_dense for _ in range(n_dense)]
    for l in range(L):
        rl, cl = dims[l + 1], dims[l]
        for m in range(l, L):
            rm, cm = dims[m + 1], dims[m]
            Aa = above[l].transpose() * above[m]               # rl × rm
            Bb = below[l] * Sigma * below[m].transpose()       # cl × cm
            if m > l:
                M = prod(l + 1, m)                            # cm × rl
                B = below[l] * G.transpose() * above[m]        # cl × rm
            for i in range(rl):
                for j in range(cl):
                    u = offsets[l] + i * cl + j
                    for p in range(rm):
                        for q in range(cm):
                            v = offsets[m] + p * cm + q
                            o = 2 * Aa[i, p] * Bb[j, q]
                            Ho[u][v] = o
                            Ho[v][u] = o
                            if m > l:
                                f = 2 * M[q, i] * B[j, p]
                                Hf[u][v] = f
                                Hf[v][u] = f
    # restrict to the weights: P has a 1 at (dense position, weight) for each position of each weight
    cols = []
    for l, layer in enumerate(layers):
        for pos in layer.positions:
            cols.append([offsets[l] + i * dims[l] + j for i, j in pos])
    n = len(cols)

    def mat(rows: list[list], nr: int, nc: int) -> Any:
        if field[0] == "q":
            return flint.fmpq_mat(nr, nc, [e for r in rows for e in r])
        return flint.nmod_mat(nr, nc, [int(e) for r in rows for e in r], modulus)

    embed = [[0] * n for _ in range(n_dense)]
    for b, cb in enumerate(cols):
        for u in cb:
            embed[u][b] = 1
    P = mat(embed, n_dense, n)
    Do, Df = mat(Ho, n_dense, n_dense), mat(Hf, n_dense, n_dense)
    Po, Pf = P.transpose() * Do * P, P.transpose() * Df * P
    return HessianParts(Po + Pf, Po, Pf, Do + Df, Do, Df, modulus)
