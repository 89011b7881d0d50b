"""Hessian ranks of a linear convolutional network (channels, strides, 1D/2D) at a seeded point.

Algorithm: build the layers of the architecture (:func:`convolution_layers`), take the data
(given, or ``N`` seeded random integer samples with seeded random integer targets) and a seeded
random rational point, assemble the Hessian in its block structure
(:func:`convolution_hessian`) and take ranks by one of three routes:

* ``exact``: ``H_L``, ``H_o``, ``H_F`` assembled over Q (``fmpq_mat``); the ranks at the point
  are exact.
* ``modular``: the same modulo a 61-bit prime (``nmod_mat``); each rank is at most the rank over
  Q at the point (reduction never raises a rank).
* ``sketch``: modulo the prime, ``rank (Sᵀ H S)`` for a random ``S`` with ``k = U + 1`` columns,
  ``U`` a proved upper bound below; a proved lower bound for the rank at the point, equal to the
  modular rank except with probability at most ``1/(p − 1)`` (:mod:`lcnalg.hessian.convolution`).
  ``rank H_o = rank J`` (``J`` is ``K N × n``) is taken directly.

``auto`` takes ``exact`` up to ``exact_max`` weights, else ``sketch`` (``modular`` on request).

Status.  Whatever the route, each reported rank is a proved lower bound of the rank at the
point, hence of the generic rank over the weights (for these data); it is certified when it
meets a proved upper bound: the number of weights; ``blocks`` (*proved*): ``H_F`` vanishes on its
diagonal blocks, so ``rank H_F ≤ Σ_l min(n_l, n − n_l)``; ``data`` (*proved*):
``H_o = 2 JᵀJ`` and ``J = (Xᵀ ⊗ I_K) ∂vec F/∂θ``, so ``rank H_o ≤ K · rank X``, and
``rank H_L ≤ rank H_o + rank H_F``; the function space's dimension for ``H_o`` when it is given;
and, for a dense network (every layer matrix dense), the [SBH21] formula.  Bounds reported
besides:

* ``toeplitz`` (*derived*): the CNN loss is the dense loss composed with the linear embedding
  ``P`` of the CNN weights into the layer matrices' entries, so ``H_CNN = Pᵀ H_dense P`` and
  each rank is at most ``min(rank of the dense part at the layer matrices, #weights)``;
  a bound at this point (computed up to :data:`TOEPLITZ_MAX` entries of the layer matrices,
  where the dense Hessian also fits ``max_hessian_entries``).
* ``sbh21_dense``: the [SBH21] ranks of the dense network with the layer matrices' widths and
  this data rank (a theorem on the generic dense ranks, for generic data of that rank and
  generic targets; it bounds the CNN's ranks where those hypotheses hold).

[SHS23]'s own convolutional bounds are not implemented: their statement was not available.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.hessian.convolution import ConvolutionLayer, check_hessian_entries, convolution_hessian, convolution_layers
from lcnalg.hessian.formulas import dense_hessian_ranks
from lcnalg.hessian.layers import LinearLayer
from lcnalg.hessian.loss_hessian import loss_hessian
from lcnalg import checks
from lcnalg.limits import Limits
from lcnalg.results import Result, Status

__all__ = ["hessian_rank", "seeded_data", "seeded_point", "HESSIAN_METHODS"]


@dataclass(frozen=True, kw_only=True)
class HessianRankResult(Result):
    """Ranks of the loss Hessian ``H_L = H_o + H_F`` of a linear network at one point.

    Attributes
    ----------
    num_parameters : int
        Number of weights.
    rank_loss, rank_outer, rank_functional : int
        Exact ranks of ``H_L``, ``H_o``, ``H_F`` at the point (over Q): lower bounds for the
        generic ranks over the weights, for these data.
    bounds : dict
        Upper bounds, each ``{"loss", "outer", "functional", "status", "source"}``.
    num_samples, data_rank : int
        ``N`` and the rank of ``X Xᵀ``.
    certified_parts : dict
        Per part: True when the rank meets a proved upper bound of the generic rank.
    """

    num_parameters: int
    rank_loss: int
    rank_outer: int
    rank_functional: int
    bounds: dict
    num_samples: int
    data_rank: int
    certified_parts: dict
    title = "Hessian ranks"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        open_parts = ", ".join(k for k, v in self.certified_parts.items() if not v)
        sketched = ("" if self.failure_probability is None else
                    f"; the ranks at the point are sketched: equal to the modular ranks except with probability "
                    f"<= {self.failure_probability:.1e} (to confirm: {self.how_to_certify})")
        return Status.undecided(f"generic rank of {open_parts}: the rank at a random point is a lower bound, "
                                "below the proved upper bounds" + sketched)

    def answer(self) -> dict[str, int]:
        return {"loss": self.rank_loss, "outer": self.rank_outer, "functional": self.rank_functional}

    def to_text(self) -> str:
        lines = [f"{self.title} of {self.architecture} ({self.num_parameters} weights, N={self.num_samples}, "
                 f"rank XX^T={self.data_rank}): H_L {self.rank_loss}, H_o {self.rank_outer}, "
                 f"H_F {self.rank_functional}  [{self.provenance()}]"]
        for name, b in self.bounds.items():
            lines.append(f"  bound {name} ({b['status']}): H_L <= {b['loss']}, H_o <= {b['outer']}, "
                         f"H_F <= {b['functional']}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        return (rf"\operatorname{{rank}} H_L = {self.rank_loss},\ \operatorname{{rank}} H_o = {self.rank_outer},"
                rf"\ \operatorname{{rank}} H_F = {self.rank_functional}")


__all__ += ["HessianRankResult"]

#: Routes of :func:`hessian_rank`.
HESSIAN_METHODS = ("auto", "exact", "modular", "sketch")
#: Largest number of entries of the layer matrices for which the Toeplitz bound is computed
#: (its dense Hessian has that many rows; beyond, it would cost more than the ranks).
TOEPLITZ_MAX = 400
#: The prime of the modular routes (the largest below 2^61).
PRIME = (1 << 61) - 1


def seeded_data(layers: Sequence[ConvolutionLayer], N: int, rng: random.Random) -> tuple[list, list]:
    """``N`` random integer samples and targets in ``[-9, 9]`` (one list per sample), drawn from
    ``rng``: the data :func:`hessian_rank` uses when none are given.

    Examples
    --------
    >>> inputs, targets = seeded_data(convolution_layers("2,2"), 4, random.Random(0))
    >>> len(inputs), len(inputs[0]), len(targets[0])
    (4, 3, 1)
    """
    d0, K = layers[0].cols, layers[-1].rows
    inputs = [[rng.randint(-9, 9) for _ in range(d0)] for _ in range(N)]
    targets = [[rng.randint(-9, 9) for _ in range(K)] for _ in range(N)]
    return inputs, targets


def seeded_point(layers: Sequence[ConvolutionLayer], rng: random.Random) -> list[list[Fraction]]:
    """Random rational weights ``a/b`` (``0 < |a| ≤ 999``, ``1 ≤ b ≤ 97``) for each layer, drawn
    from ``rng``: the point of :func:`hessian_rank`.  The wide range keeps layers from sharing a
    root ratio by chance (a special point, where the ranks drop).

    Examples
    --------
    >>> [len(t) for t in seeded_point(convolution_layers("2,3"), random.Random(0))]
    [2, 3]
    """
    return [[Fraction(rng.randint(-999, 999) or 1, rng.randint(1, 97)) for _ in range(m.num_weights)]
            for m in layers]


def hessian_rank(arch: Architecture | str, *, inputs: Any = None, targets: Any = None, output_shape: Any = None,
                 samples: int | None = None, seed: int = 0, function_dimension: int | None = None,
                 method: str = "auto", exact_max: int = 300,
                 limits: Limits | None = None) -> HessianRankResult:
    """Ranks of ``H_L``, ``H_o``, ``H_F`` at a seeded random point, with bounds and status.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture (1D or 2D, strides, channels ``c=``).
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
    method : {"auto", "exact", "modular", "sketch"}
        The route (module docstring); ``auto`` by the number of weights.
    exact_max : int
        Largest number of weights ``auto`` sends to ``exact``.
    limits : Limits, optional
        ``max_hessian_entries`` bounds the stored Hessian (and the layer matrices, the data).

    Returns
    -------
    HessianRankResult

    Raises
    ------
    InputError
        For data of the wrong shape, ``samples < 1``, non-finite entries, an unknown method
        (the message names the field).
    ResourceLimitError
        When the Hessian the route stores exceeds ``max_hessian_entries``.

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
    if method not in HESSIAN_METHODS:
        raise InputError(f"method: {checks.short(method, quote=True)} is not one of {', '.join(HESSIAN_METHODS)}")
    exact_max = checks.integer(exact_max, "exact_max", low=0, form="a non-negative integer")
    if function_dimension is not None and (not isinstance(function_dimension, int)
                                           or isinstance(function_dimension, bool) or function_dimension < 0):
        raise InputError(f"function_dimension must be a non-negative integer, got {checks.short(function_dimension)}")
    rng = random.Random(seed)
    layers = convolution_layers(arch, output_shape, limits=limits)
    d0, K = layers[0].cols, layers[-1].rows
    n = sum(m.num_weights for m in layers)
    if inputs is None:
        if targets is not None:
            raise InputError("targets: give inputs too")
        N = d0 + 1 if samples is None else checks.integer(samples, "samples", low=1, form="a positive integer")
        limits.check("max_hessian_entries", "entries of the random data (samples x input size)", N * d0)
        # the bounds met before the Hessian is built depend on the sizes alone: checked before
        # the data are drawn, in the order the computation meets them (the same refusal, at once)
        if method in ("exact", "modular") or (method == "auto" and n <= exact_max):
            limits.check("max_hessian_entries", f"entries of the {n}x{n} loss Hessian "
                         f"({'exact' if method == 'auto' else method} route)", n * n)
        check_hessian_entries(layers, N, limits)
        inputs, targets = seeded_data(layers, N, rng)
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
        inputs = [[checks.rational(e, "inputs") for e in x] for x in inputs]
        targets = [[checks.rational(e, "targets") for e in y] for y in targets]
    X = [[inputs[j][i] for j in range(N)] for i in range(d0)]
    Y = [[targets[j][i] for j in range(N)] for i in range(K)]
    theta = seeded_point(layers, rng)
    if method == "auto":
        method = "exact" if n <= exact_max else "sketch"
    if method in ("exact", "modular"):
        limits.check("max_hessian_entries", f"entries of the {n}x{n} loss Hessian ({method} route)", n * n)
    H = convolution_hessian(layers, theta, X, Y, modulus=None if method == "exact" else PRIME, limits=limits)
    Xq = flint.fmpq_mat(d0, N, [flint.fmpq(e.numerator, e.denominator) for row in X for e in row])
    r = Xq.rank()
    sizes = H.sizes
    blocks_F = min(n, sum(min(k, n - k) for k in sizes))
    data_o = min(n, K * r)
    rank_o = H.jacobian.rank()
    if method == "sketch":
        upper = min(n, data_o + blocks_F)
        limits.check("max_hessian_entries", f"entries of the {n}x{upper + 1} sketch", n * (upper + 1))
        sketched = H.sketched_ranks(upper=upper, seed=seed)
        rank_l, rank_f = sketched["loss"], sketched["functional"]
    else:
        rank_l, rank_f = H.loss().rank(), H.functional().rank()
    bounds: dict[str, dict] = {
        "blocks": {"loss": min(n, data_o + blocks_F), "outer": data_o, "functional": blocks_F,
                   "status": "proved",
                   "source": "H_F vanishes on its diagonal blocks; rank H_o = rank J <= K rank X; "
                             "rank H_L <= rank H_o + rank H_F"}}
    # the Toeplitz bound: the dense Hessian in all entries of the layer matrices, where it is small
    # (beyond TOEPLITZ_MAX entries it would cost more than the ranks themselves)
    if sum(m.rows * m.cols for m in layers) <= TOEPLITZ_MAX:
        linear = [LinearLayer(m.rows, m.cols, m.positions()) for m in layers]
        try:
            dense_parts = loss_hessian(linear, theta, X, Y, modulus=None if method == "exact" else PRIME,
                                       limits=limits).ranks()
            bounds["toeplitz"] = {
                "loss": min(dense_parts["dense_loss"], n), "outer": min(dense_parts["dense_outer"], n),
                "functional": min(dense_parts["dense_functional"], n), "status": "derived",
                "source": "H_CNN = P^T H_dense P (embedding P of the weights in the layer matrices); a bound at "
                          "this point" + ("" if method == "exact" else " (dense ranks modulo the prime)")}
        except ResourceLimitError:
            pass  # the dense Hessian in all entries is beyond the limits: no Toeplitz bound
    dense = all(m.num_weights == m.rows * m.cols for m in layers)
    if r >= 1:
        f = dense_hessian_ranks(r, K, [m.rows for m in layers[:-1]])
        bounds["sbh21_dense"] = {"loss": min(f["loss"], n), "outer": min(f["outer"], n),
                                 "functional": min(f["functional"], n), "status": "theorem (dense, generic)",
                                 "source": "Singh-Bachmann-Hofmann, NeurIPS 2021, arXiv:2106.16225"}
    if function_dimension is not None:
        bounds["function_space"] = {"loss": n, "outer": min(function_dimension, n), "functional": n,
                                    "status": "proved",
                                    "source": "rank H_o <= rank DF <= dim of the function space"}
    parts = {"loss": rank_l, "outer": rank_o, "functional": rank_f}
    proved = [b for name, b in bounds.items() if b["status"] == "proved"
              or (name == "sbh21_dense" and dense)]
    certified_parts = {k: v == n or any(v == b[k] for b in proved) for k, v in parts.items()}
    routes = {
        "exact": "exact ranks over Q (fmpq_mat) at a seeded random rational point",
        "modular": "ranks modulo the prime 2^61-1 (nmod_mat) at a seeded random rational point (each at most "
                   "the rank over Q there)",
        "sketch": "ranks modulo the prime 2^61-1 of S^T H S for a seeded random S with one column more than a "
                  "proved upper bound (H in its block structure); rank H_o = rank J",
    }
    return HessianRankResult(
        architecture=str(arch),
        method=routes[method] + "; Hessian assembled in the weights from the layers' shift structure",
        certified=all(certified_parts.values()),
        seed=seed, seconds=time.perf_counter() - start,
        argument=("each rank is a proved lower bound of the rank at the point, hence of the generic rank; a "
                  "part is certified where it meets a proved upper bound (#weights, blocks, data, function "
                  "space, or [SBH21] for dense networks)"),
        limitations=("as the generic rank, a lower bound unless certified"
                     + ("" if method == "exact" else "; below the rank over Q at the point only if the prime "
                        "divides a minor")
                     + ("; the sketch equals the modular rank except with probability at most 1/(p-1) "
                        "(probabilistic, p = 2^61-1; rerun with another --seed or method exact to confirm)"
                        if method == "sketch" else "")),
        failure_probability=2 / (PRIME - 1) if method == "sketch" else None,
        how_to_certify="--method modular (method='modular'), whose ranks are not sketched" if method == "sketch" else "",
        num_parameters=n, rank_loss=parts["loss"], rank_outer=parts["outer"],
        rank_functional=parts["functional"], bounds=bounds, num_samples=N, data_rank=r,
        certified_parts=certified_parts)
