"""Hessian ranks of a one-channel linear convolutional network at a seeded random point.

Algorithm: build the Toeplitz layers of the architecture (:func:`architecture_layers`), take
the data (given, or ``N`` seeded random integer samples with seeded random integer targets) and
a seeded random rational point, compute ``H_L``, ``H_o``, ``H_F`` exactly over Q
(:func:`loss_hessian`) and their ranks.

Status.  The rank at the point is exact for that point.  The generic rank over the weights
(for these data) is the largest rank, so the point's rank is a lower bound for it; it is
certified when it meets a proved upper bound: the number of weights, for ``H_o`` the dimension
of the function space when it is given, or, for a dense network (every Toeplitz layer dense),
the [SBH21] formula.  Bounds reported:

* ``toeplitz`` (*derived*): the CNN loss is the dense loss composed with the linear embedding
  ``P`` of the CNN weights into the Toeplitz matrices' entries, so ``H_CNN = Pᵀ H_dense P`` and
  each rank is at most ``min(rank of the dense part at the Toeplitz matrices, #weights)``;
  a bound at this point.
* ``sbh21_dense``: the [SBH21] ranks of the dense network with the Toeplitz widths and this
  data rank (a theorem on the generic dense ranks, for generic data of that rank and generic
  targets; it bounds the CNN's ranks where those hypotheses hold).

[SHS23]'s own convolutional bounds are not implemented: their statement was not available.
"""

from __future__ import annotations

import random
import time
from fractions import Fraction
from typing import Any

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.hessian.formulas import dense_hessian_ranks
from lcnalg.hessian.layers import architecture_layers
from lcnalg.hessian.loss_hessian import loss_hessian
from lcnalg import checks
from lcnalg.limits import Limits
from lcnalg.results import HessianRankResult

__all__ = ["hessian_rank"]


def hessian_rank(arch: Architecture | str, *, inputs: Any = None, targets: Any = None, output_shape: Any = None,
                 samples: int | None = None, seed: int = 0, function_dimension: int | None = None,
                 limits: Limits | None = None) -> HessianRankResult:
    """Exact ranks of ``H_L``, ``H_o``, ``H_F`` at a seeded random point, with bounds.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture with one channel (1D or 2D, strides).
    inputs, targets : sequence of sequences, optional
        ``N`` flattened inputs and targets (one per sample); default ``samples`` seeded random
        integer samples in ``[-9, 9]``.
    output_shape : tuple of int, optional
        The network's output shape (default all ones, or as given by the data's targets).
    samples : int, optional
        ``N`` when the data are random (default ``d_0 + 1``).
    seed : int
        Seed of the point and of random data.
    function_dimension : int, optional
        A proved upper bound for the dimension of the function space (the generic rank of the
        network's Jacobian): ``H_o = 2 DFᵀ (Σ ⊗ I) DF`` has rank at most ``rank DF``, so it
        bounds the generic rank of ``H_o`` (bound ``function_space``, *proved*).
    limits : Limits, optional
        ``max_hessian_entries`` bounds the dense Hessian.

    Returns
    -------
    HessianRankResult

    Raises
    ------
    InputError
        For data of the wrong shape, ``samples < 1``, non-finite entries (the message names the field).

    Examples
    --------
    >>> r = hessian_rank("2,2", seed=1)
    >>> r.num_parameters, r.rank_loss <= r.bounds["toeplitz"]["loss"]
    (4, True)

    References
    ----------
    .. [SBH21] S. P. Singh, G. Bachmann, T. Hofmann, NeurIPS 2021, arXiv:2106.16225.
    .. [SHS23] S. P. Singh, T. Hofmann, B. Schölkopf, ICML 2023, arXiv:2305.09088.
    """
    start = time.perf_counter()
    arch = Architecture.coerce(arch)
    seed = checks.seed(seed)
    limits = Limits.coerce(limits)
    rng = random.Random(seed)
    layers = architecture_layers(arch, output_shape, limits=limits)
    d0, K = layers[0].cols, layers[-1].rows
    if inputs is None:
        if targets is not None:
            raise InputError("targets: give inputs too")
        N = d0 + 1 if samples is None else checks.integer(samples, "samples", low=1, form="a positive integer")
        limits.check("max_hessian_entries", "entries of the random data (samples x input size)", N * d0)
        inputs = [[rng.randint(-9, 9) for _ in range(d0)] for _ in range(N)]
        targets = [[rng.randint(-9, 9) for _ in range(K)] for _ in range(N)]
    else:
        if targets is None:
            raise InputError("targets: give targets with the inputs")
        inputs = [checks.sequence(x, "inputs", "one sequence of numbers per sample")
                  for x in checks.sequence(inputs, "inputs", "a sequence of samples")]
        targets = [checks.sequence(y, "targets", "one sequence of numbers per sample")
                   for y in checks.sequence(targets, "targets", "a sequence of samples")]
        if len(inputs) < 1:
            raise InputError("inputs: at least one sample (N >= 1) is needed")
        if len(targets) != len(inputs):
            raise InputError(f"targets: {len(targets)} samples but {len(inputs)} inputs")
        if any(len(x) != d0 for x in inputs):
            raise InputError(f"inputs: each sample must have {d0} entries (the input size of {arch})")
        if any(len(y) != K for y in targets):
            raise InputError(f"targets: each sample must have {K} entries (the output size)")
        N = len(inputs)
    X = [[inputs[j][i] for j in range(N)] for i in range(d0)]
    Y = [[targets[j][i] for j in range(N)] for i in range(K)]
    theta = [[Fraction(rng.randint(-9, 9) or 1, rng.randint(1, 4)) for _ in range(m.num_weights)] for m in layers]
    H = loss_hessian(layers, theta, X, Y, limits=limits)
    ranks = H.ranks()
    n = sum(m.num_weights for m in layers)
    Xq = flint.fmpq_mat(d0, N, [flint.fmpq(Fraction(e).numerator, Fraction(e).denominator) for row in X for e in row])
    r = Xq.rank()
    bounds: dict[str, dict] = {"toeplitz": {
        "loss": min(ranks["dense_loss"], n), "outer": min(ranks["dense_outer"], n),
        "functional": min(ranks["dense_functional"], n), "status": "derived",
        "source": "H_CNN = P^T H_dense P (Toeplitz embedding P); a bound at this point"}}
    dense = all(m.num_weights == m.rows * m.cols for m in layers)
    if r >= 1:
        f = dense_hessian_ranks(r, K, [m.rows for m in layers[:-1]])
        bounds["sbh21_dense"] = {"loss": min(f["loss"], n), "outer": min(f["outer"], n),
                                 "functional": min(f["functional"], n), "status": "theorem (dense, generic)",
                                 "source": "Singh-Bachmann-Hofmann, NeurIPS 2021, arXiv:2106.16225"}
    if function_dimension is not None:
        if not isinstance(function_dimension, int) or isinstance(function_dimension, bool) or function_dimension < 0:
            raise InputError(f"function_dimension must be a non-negative integer, got {function_dimension!r}")
        bounds["function_space"] = {"loss": n, "outer": min(function_dimension, n), "functional": n,
                                    "status": "proved",
                                    "source": "rank H_o <= rank DF <= dim of the function space"}
    parts = {"loss": ranks["loss"], "outer": ranks["outer"], "functional": ranks["functional"]}
    certified_parts = {k: v == n or (dense and "sbh21_dense" in bounds and v == bounds["sbh21_dense"][k])
                       or ("function_space" in bounds and v == bounds["function_space"][k])
                       for k, v in parts.items()}
    return HessianRankResult(
        architecture=str(arch),
        method=("exact ranks over Q (fmpq_mat) of H_L = H_o + H_F at a seeded random rational point, "
                "Toeplitz layers"),
        certified=all(certified_parts.values()),
        seed=seed, seconds=time.perf_counter() - start,
        argument=("the rank at the point is exact; the generic rank is at least it and at most a proved "
                  "upper bound (#weights, or [SBH21] for dense networks)"),
        limitations="as the generic rank, a lower bound unless certified; one channel only",
        num_parameters=n, rank_loss=parts["loss"], rank_outer=parts["outer"],
        rank_functional=parts["functional"], bounds=bounds, num_samples=N, data_rank=r,
        certified_parts=certified_parts)
