"""Hessian ranks over a family of architectures, and the growth exponent of the rank.

[SHS23] observe that the rank of the loss Hessian of a convolutional network grows like the
square root of its number of parameters.  This module measures the exponent on a family:

1. :func:`sweep_family` reads the family, either a description ``SPEC`` (below) or a
   sequence of architectures, and counts its members *before* building them, so that a family
   beyond ``limits.max_sweep_members`` is refused up front.
2. :func:`rank_sweep` bounds the Hessians the members' ranks store together by
   ``limits.max_hessian_entries`` (:func:`stored_hessian_entries`, from the architectures
   alone: per axis ``n_{l−1} = s_l (n_l − 1) + k_l`` from one output position), then computes
   each member's ranks with :func:`~lcnalg.hessian.hessian_rank` at the same seed, with the dimension
   of its function space as the proved bound of ``rank H_o`` where it is within the limits.
3. :func:`power_law_fit` fits ``log rank H_L = a + b log n`` by least squares.  The
   logarithms are floating-point numbers; the normal equations are solved exactly over Q on
   those floats, so ``b``, its standard error and the comparison ``|b − 1/2| ≤ 2·stderr`` carry
   no rounding beyond that of the logarithms.  Whether ``b`` is near ``1/2`` is computed from
   the data, never assumed.

The description ``SPEC`` is one or more parts separated by ``;``.  A part is either an
architecture string (``"3,2 s=2"``) or a grid of ``key=values`` items separated by spaces:

* ``filters=`` filter sizes (required), ``layers=`` depths (default 2), ``strides=`` strides
  of layers ``1..L−1`` (default 1), ``dim=`` spatial axes (default 1; ``2`` gives square
  ``k×k`` filters and ``s×s`` strides);
* values are integers, ranges ``a..b`` (both ends included) and comma-separated lists of them:
  ``filters=2..5,8``.

A grid gives every architecture with ``L`` layers of the same filter size ``k`` and stride
``s``, for each ``dim``, ``L``, ``s``, ``k`` (in that nesting); repeated architectures are
kept once.  ``"filters=2..4 layers=2..3; 3,2 s=2"`` has seven members.

References
----------
.. [SHS23] S. P. Singh, T. Hofmann, B. Schölkopf, *The Hessian perspective into the nature of
   convolutional neural networks*, ICML 2023, arXiv:2305.09088.
"""

from __future__ import annotations

import math
import numbers
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Iterator, Sequence

from lcnalg import checks
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.architecture import MAX_AXES, MAX_AXIS_SIZE, MAX_LAYERS, Architecture
from lcnalg.checks import short
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError
from lcnalg.hessian.convolution import convolution_layers
from lcnalg.hessian.rank import hessian_rank
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize
from lcnalg.results import Result, Status

__all__ = ["sweep_family", "rank_sweep", "power_law_fit", "dense_hessian_entries", "stored_hessian_entries"]


@dataclass(frozen=True)
class PowerLawFit:
    """Least-squares fit of ``log y = a + b log x`` (a power law ``y ≈ e^a x^b``).

    A statistic of floating-point logarithms: the normal equations are solved exactly over Q
    on the float logs, so the only rounding is that of the logarithms themselves.

    Attributes
    ----------
    exponent : float
        ``b``.
    intercept : float
        ``a``.
    stderr : float or None
        Standard error of ``b``, ``sqrt(RSS / (n − 2) / Σ (log x_i − mean)²)``; None with
        fewer than three points.
    points : int
        ``n``, the points fitted.
    residual : float
        ``RSS``, the sum of the squared residuals of the logs.
    target : float
        The exponent the fit is compared with (``1/2`` for the Hessian ranks).
    near_target : bool or None
        ``|b − target| ≤ 2 · stderr``; None when there is no standard error.
    """

    exponent: float
    intercept: float
    stderr: float | None
    points: int
    residual: float
    target: float
    near_target: bool | None

    def verdict(self) -> str:
        """The comparison with the target exponent, in words."""
        if self.near_target is None:
            return f"undecided whether b is near {self.target:g} (fewer than 3 points: no standard error)"
        gap = abs(self.exponent - self.target)
        word = "near" if self.near_target else "not near"
        return f"b is {word} {self.target:g}: |b - {self.target:g}| = {gap:.3g} vs 2 stderr = {2 * self.stderr:.3g}"


@dataclass(frozen=True, kw_only=True)
class HessianSweepResult(Result):
    """Hessian ranks over a family of architectures, with the fitted growth exponent.

    Attributes
    ----------
    members : tuple of HessianRankResult
        One result per architecture, in the order of the family.
    fit : PowerLawFit or None
        ``log rank H_L = a + b log num_parameters`` over the members of positive rank; None
        with fewer than two distinct numbers of parameters.
    excluded : tuple of str
        Members left out of the fit (rank 0 has no logarithm).

    The ranks are exact; the fit is a floating-point statistic of them (never certified by
    itself); the result is certified when every member's ranks are.
    """

    members: tuple
    fit: PowerLawFit | None
    excluded: tuple[str, ...] = ()
    title = "Hessian rank sweep"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        open_members = [m.architecture for m in self.members if not m.certified]
        shown = ", ".join(open_members[:5]) + (f" and {len(open_members) - 5} more" if len(open_members) > 5 else "")
        return Status.undecided(f"generic ranks of {shown}: the rank at a random point is a lower bound, "
                                "below the proved upper bounds")

    def answer(self) -> dict[str, Any]:
        if self.fit is None:
            return {"exponent": None, "stderr": None, "near_half": None}
        return {"exponent": self.fit.exponent, "stderr": self.fit.stderr, "near_half": self.fit.near_target}

    def table(self) -> list[tuple[str, int, int, int, int, bool]]:
        """Rows ``(architecture, num_parameters, rank_loss, rank_outer, rank_functional, certified)``."""
        return [(m.architecture, m.num_parameters, m.rank_loss, m.rank_outer, m.rank_functional, m.certified)
                for m in self.members]

    def fit_text(self) -> str:
        """The fitted line and the verdict, in one line."""
        if self.fit is None:
            return "fit: fewer than two distinct numbers of parameters of positive rank; no exponent"
        f = self.fit
        se = "n/a" if f.stderr is None else f"{f.stderr:.3g}"
        return (f"fit log(rank H_L) = a + b log(num_parameters) over {f.points} architectures (least squares "
                f"of float logs): b = {f.exponent:.4f} (stderr {se}), a = {f.intercept:.4f}; {f.verdict()}")

    def to_text(self) -> str:
        header = ("architecture", "params", "rank H_L", "rank H_o", "rank H_F", "certified")
        rows = [tuple(str(v) if not isinstance(v, bool) else ("yes" if v else "no") for v in row)
                for row in self.table()]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = [f"{self.title} over {len(self.members)} architectures (seed {self.seed})"]
        for row in [header, *rows]:
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        lines.append(self.fit_text())
        if self.excluded:
            lines.append("left out of the fit (rank H_L = 0): " + ", ".join(self.excluded))
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        body = [r"\begin{tabular}{lrrrrl}", r"architecture & $n$ & $\operatorname{rank} H_L$ & "
                r"$\operatorname{rank} H_o$ & $\operatorname{rank} H_F$ & certified \\ \hline"]
        for arch, n, rl, ro, rf, cert in self.table():
            body.append(rf"\texttt{{{arch}}} & {n} & {rl} & {ro} & {rf} & {'yes' if cert else 'no'} \\")
        body.append(r"\end{tabular}")
        if self.fit is not None:
            se = "" if self.fit.stderr is None else rf" \pm {self.fit.stderr:.3g}"
            body.append(rf"\[ \log \operatorname{{rank}} H_L \approx {self.fit.intercept:.4f} + "
                        rf"({self.fit.exponent:.4f}{se}) \log n \]")
        return "\n".join(body)


__all__ += ["PowerLawFit", "HessianSweepResult"]

#: Keys of a grid part, with (default values, smallest value, largest value).
_KEYS = {"filters": (None, 1, MAX_AXIS_SIZE), "layers": ((2,), 1, MAX_LAYERS), "strides": ((1,), 1, MAX_AXIS_SIZE),
         "dim": ((1,), 1, MAX_AXES)}
_FORM = ('a family: architectures or grids "filters=A..B layers=C..D strides=S dim=D" (keys '
         + ", ".join(_KEYS) + '), parts separated by ";", e.g. "filters=2..5 layers=2..3; 3,2 s=2"')


def _values(text: str, key: str) -> list[tuple[int, int]]:
    """The ranges ``(lo, hi)`` of ``key=text`` (an integer is the range ``(v, v)``)."""
    _, low, high = _KEYS[key]
    if not text:
        raise InputError(f"family: {key}= has no values; expected integers or ranges a..b, e.g. {key}=2..5")
    out = []
    for token in text.split(","):
        ends = token.split("..")
        if len(ends) > 2 or not all(ends):
            raise InputError(f"family: {key}={short(text, 30)}: expected integers or ranges a..b, got "
                             f"{short(token, 20, quote=True)}")
        nums = []
        for end in ends:
            end = checks.digits(end, f"family ({key}=)")
            if not end.isascii() or not end.isdigit():
                raise InputError(f"family: {key}=: expected a positive integer, got {short(end, 20, quote=True)}")
            v = int(end)
            if not low <= v <= high:
                raise InputError(f"family: {key}= values must lie in {low}..{high}, got {short(v)}")
            nums.append(v)
        lo, hi = nums[0], nums[-1]
        if lo > hi:
            raise InputError(f"family: {key}={short(token, 20)}: the range is empty (start above end)")
        out.append((lo, hi))
    return out


def _grid(part: str) -> dict[str, list[tuple[int, int]]]:
    items: dict[str, list[tuple[int, int]]] = {}
    for item in part.split():
        key, eq, text = item.partition("=")
        if not eq or key not in _KEYS:
            raise InputError(f"family: {short(item, 20, quote=True)} is not a key=values item; the keys are "
                             + ", ".join(_KEYS))
        if key in items:
            raise InputError(f"family: {key}= given twice in one part")
        items[key] = _values(text, key)
    if "filters" not in items:
        raise InputError("family: a grid needs filters= (e.g. filters=2..5)")
    for key, (default, _, _) in _KEYS.items():
        if key not in items:
            items[key] = [(v, v) for v in default]
    return items


def _count(ranges: list[tuple[int, int]]) -> int:
    return sum(hi - lo + 1 for lo, hi in ranges)


def _expand(ranges: list[tuple[int, int]]) -> Iterator[int]:
    for lo, hi in ranges:
        yield from range(lo, hi + 1)


def _grid_members(items: dict[str, list[tuple[int, int]]]) -> Iterator[str]:
    for d in _expand(items["dim"]):
        for L in _expand(items["layers"]):
            for s in _expand(items["strides"]):
                for k in _expand(items["filters"]):
                    text = ",".join(["x".join([str(k)] * d)] * L)
                    if s != 1 and L >= 2:
                        text += " s=" + ",".join(["x".join([str(s)] * d)] * (L - 1))
                    yield text


def _parts(spec: str) -> list[str | dict]:
    parts: list[str | dict] = []
    for part in spec.split(";"):
        part = part.strip()
        if not part:
            raise InputError(f"family: an empty part; expected {_FORM}")
        first = part.split()[0]
        parts.append(_grid(part) if first[:1].isalpha() and "=" in first else part)
    return parts


def sweep_family(family: Any, *, limits: Limits | None = None) -> tuple[Architecture, ...]:
    """The architectures of a family, counted against ``max_sweep_members`` before they are built.

    Parameters
    ----------
    family : str or sequence of (Architecture or str)
        A description ``SPEC`` (see the module) or the architectures themselves.
    limits : Limits, optional
        ``max_sweep_members`` bounds the number of members.

    Returns
    -------
    tuple of Architecture
        In the order of the description, each architecture once.

    Raises
    ------
    InputError
        For a malformed description (the message starts with ``family``).
    ResourceLimitError
        When the family has more than ``limits.max_sweep_members`` members.

    Examples
    --------
    >>> [str(a) for a in sweep_family("filters=2..3 layers=2..3; 3,2 s=2")]
    ['2,2', '3,3', '2,2,2', '3,3,3', '3,2 s=2']
    >>> [str(a) for a in sweep_family("filters=2 strides=1,2 dim=2")]
    ['2x2,2x2', '2x2,2x2 s=2x2']
    >>> [str(a) for a in sweep_family(["2,2", "3,2 s=2"])]
    ['2,2', '3,2 s=2']

    References
    ----------
    .. [SHS23] S. P. Singh, T. Hofmann, B. Schölkopf, ICML 2023, arXiv:2305.09088.
    """
    limits = Limits.coerce(limits)
    if isinstance(family, str):
        parts = _parts(family)
        count = sum(1 if isinstance(p, str) else
                    math.prod(_count(p[k]) for k in ("dim", "layers", "strides", "filters")) for p in parts)
        limits.check("max_sweep_members", "architectures of the sweep", count)
        limits.check("max_hessian_entries", "entries of the dense loss Hessians of the sweep (at least one per "
                     "architecture)", count)
        texts: list[Any] = []
        for p in parts:
            texts.extend([p] if isinstance(p, str) else _grid_members(p))
    elif isinstance(family, Architecture):
        texts = [family]
    else:
        texts = checks.sequence(family, "family", _FORM)
        limits.check("max_sweep_members", "architectures of the sweep", len(texts))
    if not texts:
        raise InputError(f"family: no architecture; expected {_FORM}")
    seen: dict[str, Architecture] = {}
    for t in texts:
        if not isinstance(t, (str, Architecture)):
            raise InputError(f"family: expected architecture strings or Architecture objects, got {short(t, 30)}")
        try:
            arch = Architecture.coerce(t)
        except LCNAlgError as exc:
            raise InputError(f"family: architecture {short(str(t), 30, quote=True)}: {short(str(exc), 300)}") from None
        seen.setdefault(str(arch), arch)
    return tuple(seen.values())


def dense_hessian_entries(arch: Architecture | str) -> int:
    """Entries of the dense loss Hessian of ``arch`` with one output position (and one per
    channel): ``(Σ_l rows_l · cols_l)²`` over the layer matrices, from the sizes alone.

    Examples
    --------
    >>> dense_hessian_entries("2,2")  # layer matrices 2 x 3 and 1 x 2
    64
    """
    arch = Architecture.coerce(arch)
    channels = arch.channels or (1,) * (arch.num_layers + 1)
    shape = (1,) * arch.ndim
    total = 0
    for l in range(arch.num_layers - 1, -1, -1):
        inp = tuple(s * (n - 1) + k for n, k, s in zip(shape, arch.filters[l], arch.strides[l]))
        total += channels[l + 1] * math.prod(shape) * channels[l] * math.prod(inp)
        shape = inp
    return total * total


def stored_hessian_entries(arch: Architecture | str, samples: int | None = None, *,
                           limits: Limits | None = None) -> int:
    """Entries :func:`~lcnalg.hessian.hessian_rank` stores for ``arch`` by its ``auto`` route, from
    the sizes alone: ``n²`` up to 300 weights (exact), else the structured Hessian (``J``, the
    blocks of ``H_F``) and the sketch ``n × (U + 1)``.

    Examples
    --------
    >>> stored_hessian_entries("2,2")
    16
    """
    layers = convolution_layers(arch, limits=limits)
    sizes = [m.num_weights for m in layers]
    n = sum(sizes)
    if n <= 300:
        return n * n
    K, d0 = layers[-1].rows, layers[0].cols
    N = d0 + 1 if samples is None else samples
    upper = min(n, K * min(N, d0) + sum(min(k, n - k) for k in sizes))
    blocks = sum(sizes[l] * sizes[m] for l in range(len(sizes)) for m in range(l + 1, len(sizes)))
    return K * N * n + blocks + n * (upper + 1)


def _input_size(arch: Architecture) -> int:
    shape = (1,) * arch.ndim
    for l in range(arch.num_layers - 1, -1, -1):
        shape = tuple(s * (n - 1) + k for n, k, s in zip(shape, arch.filters[l], arch.strides[l]))
    return math.prod(shape) * (arch.channels[0] if arch.channels else 1)


def rank_sweep(family: Any, *, samples: int | None = None, seed: int = 0,
               limits: Limits | None = None) -> HessianSweepResult:
    """Exact Hessian ranks of every architecture of a family and the fitted growth exponent.

    Parameters
    ----------
    family : str or sequence of (Architecture or str)
        A description (see :func:`sweep_family`) or the architectures.
    samples : int, optional
        ``N`` seeded random samples per member (default: its input size + 1).
    seed : int
        Seed of every member's point and data.
    limits : Limits, optional
        ``max_sweep_members`` bounds the family, ``max_hessian_entries`` the members' dense
        Hessians together (and the random data of each); both checked before any rank.

    Returns
    -------
    HessianSweepResult
        The members' :class:`~lcnalg.hessian.rank.HessianRankResult`, and the fit of
        ``log rank H_L`` against ``log num_parameters`` (:func:`power_law_fit`, target 1/2).

    Raises
    ------
    InputError
        For a malformed family or ``samples < 1``.
    ResourceLimitError
        Beyond ``max_sweep_members`` or ``max_hessian_entries``.

    Examples
    --------
    >>> r = rank_sweep("filters=2..4")
    >>> [(m.num_parameters, m.rank_loss) for m in r.members]
    [(4, 4), (6, 6), (8, 8)]
    >>> r.fit.exponent, r.fit.near_target
    (1.0, False)

    References
    ----------
    .. [SHS23] S. P. Singh, T. Hofmann, B. Schölkopf, ICML 2023, arXiv:2305.09088.
    """
    start = time.perf_counter()
    limits = Limits.coerce(limits)
    seed = checks.seed(seed)
    if samples is not None:
        samples = checks.integer(samples, "samples", low=1, form="a positive integer")
    members = sweep_family(family, limits=limits)
    # up front: the Hessians the members' ranks store together, then each member's random data
    total, largest, most = 0, members[0], 0
    for arch in members:
        entries = stored_hessian_entries(arch, samples, limits=limits)
        if entries > most:
            largest, most = arch, entries
        total += entries
        if total > limits.max_hessian_entries:
            break
    limits.check("max_hessian_entries", f"entries of the loss Hessians of the {len(members)} architectures "
                 f"of the sweep (largest {short(str(largest), 30)})", total)
    for arch in members:
        d0 = _input_size(arch)
        limits.check("max_hessian_entries", f"entries of the random data of {short(str(arch), 30)} "
                     "(samples x input size)", (d0 + 1 if samples is None else samples) * d0)
    results = []
    for arch in members:
        try:  # the dimension only sharpens the bound of H_o; a network too large for it still gets its ranks
            dim = function_space_dimension(parameterize(arch, limits=limits), seed=seed, limits=limits)
            bound = dim.value if dim.certified else dim.upper_bound
        except ResourceLimitError:
            bound = None
        results.append(hessian_rank(arch, samples=samples, seed=seed, limits=limits, function_dimension=bound))
    fitted = [m for m in results if m.rank_loss > 0]
    fit = None
    if len({m.num_parameters for m in fitted}) >= 2:
        fit = power_law_fit([m.num_parameters for m in fitted], [m.rank_loss for m in fitted])
    return HessianSweepResult(
        architecture="; ".join(m.architecture for m in results),
        method=("ranks of H_L, H_o, H_F per architecture (hessian_rank's auto route at one seed: exact over Q up "
                "to 300 weights, else the sketch modulo 2^61-1); least-squares "
                "fit of log rank H_L against log num_parameters, solved exactly over Q on the float logarithms"),
        certified=all(m.certified for m in results),
        seed=seed, seconds=time.perf_counter() - start,
        argument="each member's ranks are exact at its point; the exponent is a statistic of them",
        limitations=("the generic ranks are lower bounds unless certified; the exponent is a floating-point "
                     "least-squares estimate over this family only"),
        members=tuple(results), fit=fit,
        excluded=tuple(m.architecture for m in results if m.rank_loss == 0))


def _log(value: Any, name: str) -> float:
    """``log value`` for a positive finite real (ints and fractions of any size)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(f"{name}: expected positive real numbers, got {short(value, 30)}")
    if isinstance(value, numbers.Integral):
        value = int(value)
    elif not isinstance(value, Fraction):
        value = float(value)
        if not math.isfinite(value):
            raise InputError(f"{name}: expected finite numbers, got {short(value, 30)}")
    if value <= 0:
        raise InputError(f"{name}: expected positive numbers (a logarithm is taken), got {short(value, 30)}")
    if isinstance(value, Fraction):
        return math.log(value.numerator) - math.log(value.denominator)
    return math.log(value)


def power_law_fit(x: Sequence, y: Sequence, *, target: float = 0.5) -> PowerLawFit:
    """Least-squares fit of ``log y = a + b log x``, with the standard error of ``b``.

    With ``u_i = log x_i`` and ``v_i = log y_i`` (floating-point), ``b = S_uv / S_uu``,
    ``a = mean(v) − b mean(u)``, ``RSS = Σ (v_i − a − b u_i)²`` and
    ``stderr = sqrt(RSS / (n − 2) / S_uu)``, all formed exactly over Q from the float logs.
    ``near_target`` is ``(b − target)² ≤ 4 RSS / ((n − 2) S_uu)``, i.e. ``|b − target| ≤ 2 stderr``,
    decided exactly on those numbers.

    Parameters
    ----------
    x, y : sequence of positive real numbers
        The points (the same number, at least two, with at least two distinct ``x``).
    target : float
        The exponent ``b`` is compared with.

    Returns
    -------
    PowerLawFit

    Raises
    ------
    InputError
        For non-positive or non-finite values, sequences of different lengths, or fewer than
        two distinct ``x``.

    Examples
    --------
    >>> f = power_law_fit([1, 4, 9, 16], [1, 2, 3, 4])
    >>> round(f.exponent, 12), f.stderr < 1e-12, f.near_target
    (0.5, True, True)
    >>> power_law_fit([2, 4, 8], [2, 4, 8]).verdict()
    'b is not near 0.5: |b - 0.5| = 0.5 vs 2 stderr = 0'
    """
    xs = [_log(v, "x") for v in checks.sequence(x, "x", "a sequence of positive numbers")]
    ys = [_log(v, "y") for v in checks.sequence(y, "y", "a sequence of positive numbers")]
    try:
        finite = not isinstance(target, bool) and isinstance(target, numbers.Real) and math.isfinite(float(target))
    except OverflowError:
        finite = False
    if not finite:
        raise InputError(f"target: expected a finite real number (a float), got {short(target, 30)}")
    if len(xs) != len(ys):
        raise InputError(f"y: {len(ys)} values but x has {len(xs)}")
    if len(set(xs)) < 2:
        raise InputError("x: at least two distinct values are needed to fit an exponent")
    u = [Fraction(v) for v in xs]
    v = [Fraction(w) for w in ys]
    n = len(u)
    mu, mv = sum(u) / n, sum(v) / n
    suu = sum((a - mu) ** 2 for a in u)
    suv = sum((a - mu) * (b - mv) for a, b in zip(u, v))
    b = suv / suu
    a = mv - b * mu
    rss = sum((w - a - b * t) ** 2 for t, w in zip(u, v))
    T = Fraction(float(target))
    if n > 2:
        var = rss / (n - 2) / suu
        stderr: float | None = math.sqrt(var)
        near: bool | None = (b - T) ** 2 <= 4 * var
    else:
        stderr, near = None, None
    return PowerLawFit(exponent=float(b), intercept=float(a), stderr=stderr, points=n, residual=float(rss),
                       target=float(T), near_target=near)
