r"""The exact number of linear regions of a rectifier network, by enumeration of activation patterns.

Definition
----------
Let the network have hidden units ``u`` (the outputs of every layer but the last), each with
pre-activation ``z_u(x)``.  The *activation pattern* of an input ``x`` is the bit vector
``sigma(x)`` with ``sigma_u = 1`` when ``z_u(x) > 0`` and ``0`` otherwise.  For a pattern
``sigma`` let ``z^sigma_u`` be the affine function obtained by fixing the rectifiers of the layers
before ``u`` to ``sigma`` (an active unit passes its input, an inactive one gives 0).  Then
``{x : sigma(x) = sigma} = {x : z^sigma_u(x) > 0 if sigma_u = 1, z^sigma_u(x) <= 0 otherwise}``
(by induction over the layers: where the earlier bits agree, ``z_u = z^sigma_u``), a convex
polyhedron, on which the network is affine.  The *linear (activation) regions* of the network on
a domain ``D`` (a box or ``R^n``) are the patterns whose polyhedron has nonempty interior in
``D``; :func:`linear_regions` counts them.  Like Serra, Tjandraatmadja and Ramalingam (2018),
this counts activation patterns: two adjacent regions on which the network happens to compute
the same affine map are counted twice (not merged); lower-dimensional patterns (on a
hyperplane ``z_u = 0``) are not regions.

Algorithm
---------
Depth-first search over the hidden units in order (layer by layer, unit by unit).  A node is a
prefix of a pattern whose *open* polyhedron ``P`` (strict inequalities ``±z^sigma_v(x) > 0``
for the units ``v`` decided with a nonconstant ``z``) meets the interior of ``D``, with an exact
point ``x*`` of it.  For the next unit, ``z^sigma_u`` is affine on ``P``:

* if it is constant ``c``, there is one child (``sigma_u = 1`` iff ``c > 0``) with the same
  polyhedron: on all of ``P`` the unit is active, or inactive (``z_u <= 0``);
* otherwise each child ``sigma_u = 1`` (add ``z_u > 0``) and ``sigma_u = 0`` (add ``z_u < 0``) is
  kept iff its open polyhedron still meets ``int D``: the sign of ``z_u(x*)`` decides one child
  at once (``x*`` is its point), and the other is decided by an exact linear program
  (:func:`lcnalg.regions.lp.strict_point`, a simplex method over ``fmpq`` started at ``x*``).

The leaves are the regions.  *Correctness.*  A full pattern is a leaf iff its polyhedron has
nonempty interior in ``D``: the interior of ``{z > 0 on the active units, z <= 0 on the others}``
is the open polyhedron with ``z < 0`` on the inactive units whose ``z`` is not constant (a
constant ``z <= 0`` puts no condition), and a prefix of a pattern with nonempty interior has
nonempty interior too (its polyhedron is larger), so pruning a prefix loses nothing.  Every
decision is exact.  Distinct leaves are distinct patterns, so the count is the number of
regions; each leaf keeps its witness point.

The cost is at most (hidden units) x (regions of the prefixes) linear programs; the prefixes'
regions are bounded by Serra et al.'s bound for the network truncated after their layer
(:func:`region_work`).  That estimate is checked up front against ``Limits.max_region_work``
and the tableau work is counted during the search against the same bound.

References
----------
T. Serra, C. Tjandraatmadja, S. Ramalingam, "Bounding and Counting Linear Regions of Deep
Neural Networks", ICML 2018 (arXiv:1711.02114), Section 5 (they count with a mixed-integer
program; this is an exact enumeration with the same definition of a region).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Sequence

import flint

from lcnalg.checks import exact, integer, sequence, short
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.regions.bounds import arrangement_bound, montufar_lower_bound, product_bound, serra_bound
from lcnalg.regions.lp import lp_cost, strict_point
from lcnalg.regions.network import MAX_UNITS, Network
from lcnalg.results import Result

__all__ = ["linear_regions", "read_network", "read_box", "region_work"]


@dataclass(frozen=True, kw_only=True)
class RegionsResult(Result):
    r"""The exact number of linear (activation) regions of a rectifier network, with the bounds
    of the literature beside it.

    Returned by :func:`lcnalg.regions.linear_regions`.  ``architecture`` describes the network
    (its layers); the count is certified (exact rational linear programming).

    Attributes
    ----------
    count : int
        Activation patterns of the hidden units whose region has nonempty interior in the domain
        (adjacent regions with the same affine map are *not* merged).
    domain : str
        ``R^n`` or the box.
    input_dimension : int
    hidden_widths : tuple of int
    upper_bound : int
        Serra, Tjandraatmadja and Ramalingam (2018), Theorem 1.
    product_bound : int
        ``prod_l sum_{j <= d_l} C(n_l, j)``, ``d_l = min(n_0..n_l)`` (Montúfar 2017).
    arrangement_bound : int or None
        ``sum_{j <= n} C(N, j)`` for one hidden layer of ``N`` units (Zaslavsky); ``None``
        for other depths.
    max_lower_bound : int or None
        Montúfar et al. (2014): the largest count over all weights of this dense architecture
        is at least this (``None`` for convolutions or a hidden layer narrower than the input).
    linear_programs : int
        Exact linear programs solved.
    work : int
        Tableau entries updated (what ``max_region_work`` bounds).
    regions : tuple of (str, tuple of str)
        Each region's activation pattern (one bit per hidden unit, layers separated by ``|``)
        and an exact point of it (every pre-activation nonzero there).
    """

    count: int
    domain: str
    input_dimension: int
    hidden_widths: tuple[int, ...]
    upper_bound: int
    product_bound: int
    arrangement_bound: int | None
    max_lower_bound: int | None
    linear_programs: int
    work: int
    regions: tuple[tuple[str, tuple[str, ...]], ...] = ()

    title = "linear regions"

    def answer(self) -> int:
        return self.count

    def to_text(self) -> str:
        """The count, the bounds beside it and the status, one a line."""
        lines = [f"network            {self.architecture}",
                 f"domain             {self.domain}",
                 f"linear regions     {self.count}  (activation patterns with nonempty interior)",
                 f"upper bound        {self.upper_bound}  (Serra, Tjandraatmadja, Ramalingam 2018, Theorem 1)",
                 f"product bound      {self.product_bound}  (Montufar 2017: prod_l sum_(j<=d_l) C(n_l, j))"]
        if self.arrangement_bound is not None:
            lines.append(f"arrangement bound  {self.arrangement_bound}  (one hidden layer: sum_(j<=n) C(N, j), "
                         "reached in general position)")
        if self.max_lower_bound is not None:
            lines.append(f"max over weights   >= {self.max_lower_bound}  (Montufar, Pascanu, Cho, Bengio 2014)")
        lines.append(f"linear programs    {self.linear_programs} exact ({self.work} tableau entries updated)")
        lines.append(f"status             {self.provenance()}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        """A small table: the count and the bounds."""
        rows = [("linear regions", self.count), ("upper bound (Serra et al. 2018, Thm.~1)", self.upper_bound),
                ("product bound (Mont\\'ufar 2017)", self.product_bound)]
        if self.arrangement_bound is not None:
            rows.append(("arrangement bound $\\sum_{j\\le n}\\binom{N}{j}$", self.arrangement_bound))
        if self.max_lower_bound is not None:
            rows.append(("max.\\ over weights $\\ge$ (Mont\\'ufar et al. 2014)", self.max_lower_bound))
        body = " \\\\\n".join(f"{name} & {value}" for name, value in rows)
        return (f"% lcnalg regions: {self.architecture}; domain {self.domain}\n"
                f"\\begin{{tabular}}{{lr}}\n{body} \\\\\n\\end{{tabular}}")


__all__ += ["RegionsResult"]


def read_network(network: object) -> Network:
    """A :class:`~lcnalg.regions.network.Network` from itself, its JSON form (a dict) or the
    path of a JSON file.

    Examples
    --------
    >>> read_network({"input": [1], "layers": [{"type": "dense", "weights": [[1]]}]}).widths
    (1, 1)
    """
    if isinstance(network, Network):
        return network
    if isinstance(network, str):
        return Network.from_file(network)
    if isinstance(network, dict):
        return Network.from_dict(network)
    raise InputError(f"network: expected a Network, its JSON form (a dict) or a file path, got "
                     f"{type(network).__name__}")


def read_box(box: object, dimension: int) -> tuple[tuple[Any, ...], tuple[Any, ...]] | None:
    """The domain ``(lo, hi)`` (one rational per coordinate, ``lo < hi``) or ``None`` for ``R^n``.

    ``box`` is ``None``, a pair ``(lo, hi)`` of numbers (the same interval on every coordinate),
    or a sequence of ``dimension`` pairs (one interval per coordinate).

    Examples
    --------
    >>> read_box((-1, "1/2"), 2)
    ((-1, -1), (1/2, 1/2))
    >>> read_box([(0, 1), (2, 3)], 2)
    ((0, 2), (1, 3))
    >>> read_box((1, 1), 1)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: box: coordinate 0 has lo = 1 >= hi = 1; give lo < hi
    """
    dimension = integer(dimension, "dimension", low=1, high=MAX_UNITS + 1, form=f"a positive integer up to {MAX_UNITS}")
    if box is None:
        return None
    items = sequence(box, "box", "a pair (lo, hi) or one pair per coordinate")
    if len(items) == 2 and _is_number(items[0]) and _is_number(items[1]):
        lo_raw, hi_raw = [items[0]] * dimension, [items[1]] * dimension
    elif len(items) == dimension:
        pairs = [sequence(p, f"box[{k}]", "a pair (lo, hi)") for k, p in enumerate(items)]
        if any(len(p) != 2 for p in pairs):
            raise InputError("box: expected one pair (lo, hi) per coordinate")
        lo_raw, hi_raw = [p[0] for p in pairs], [p[1] for p in pairs]
    else:
        raise InputError(f"box: expected a pair of numbers (lo, hi) or {dimension} pairs, got {len(items)} items")
    lo = tuple(_rational(v, f"box (lo[{k}])") for k, v in enumerate(lo_raw))
    hi = tuple(_rational(v, f"box (hi[{k}])") for k, v in enumerate(hi_raw))
    for k, (a, b) in enumerate(zip(lo, hi)):
        if not a < b:
            raise InputError(f"box: coordinate {k} has lo = {short(str(a), 30)} >= hi = {short(str(b), 30)}; "
                             "give lo < hi")
    return lo, hi


def _is_number(value: object) -> bool:
    return isinstance(value, (str, bytes)) or not hasattr(value, "__len__") or getattr(value, "ndim", None) == 0


def _rational(value: object, name: str) -> Any:
    q = exact(value, name, decimals=True)
    return flint.fmpq(q.numerator, q.denominator)


def region_work(network: Network, box: bool, limits: Limits) -> tuple[int, int]:
    """``(estimate, upper)``: the up-front estimate of the tableau work of :func:`linear_regions`
    and Serra et al.'s bound on the regions.

    The search decides unit ``u`` of hidden layer ``l`` once per surviving prefix, at most
    Serra et al.'s bound ``S_l`` of the network truncated after layer ``l`` (the prefix's regions
    are regions of a network with fewer units), with one linear program of at most
    ``n_1 + ... + n_l`` rows each, and forms the next layer's affine maps once per region of
    the layer.  So the estimate is the dense matrices' entries plus
    ``sum_l n_l S_l (lp_cost(n_1 + ... + n_l) + n_{l+1} n_l n_0)``.  Before the bounds are
    computed, the same sum with every ``S_l = 1`` (a floor of the estimate) is checked, so a
    huge network is refused at once.

    Raises
    ------
    ResourceLimitError
        When the estimate is above ``limits.max_region_work``.

    Examples
    --------
    >>> net = read_network({"input": [2], "layers": [{"type": "dense", "weights": [[1, 0], [0, 1]]},
    ...                                              {"type": "dense", "weights": [[1, 1]]}]})
    >>> region_work(net, False, Limits())     # 2 units x bound 4 x one program, plus 6 entries
    (998, 4)
    """
    n, hidden = network.input_dimension, network.hidden_widths
    widths = network.widths

    def total(bounds: list[int]) -> int:
        work, rows = network.dense_entries(), 0
        for l, (units, S) in enumerate(zip(hidden, bounds), start=1):
            rows += units
            work += units * S * (lp_cost(rows, n, box) + widths[l + 1] * units * n)
        return work

    what = "tableau work of the exact region count"
    limits.check("max_region_work", what, total([1] * len(hidden)))
    bounds = [serra_bound(n, hidden[:l]) for l in range(1, len(hidden) + 1)]
    limits.check("max_region_work", what + " (units x Serra et al.'s bound x one linear program)", total(bounds))
    return total(bounds), bounds[-1] if bounds else 1


def linear_regions(network: object, box: object = None, limits: Limits | None = None) -> RegionsResult:
    """The exact number of linear (activation) regions of a rectifier network on a box or ``R^n``.

    Parameters
    ----------
    network : Network, dict or str
        The network (:class:`~lcnalg.regions.network.Network`), its JSON form, or a JSON file.
    box : None or (lo, hi) or sequence of (lo, hi)
        The domain: ``None`` for all of ``R^n``; one interval for every coordinate; or one
        interval per coordinate (exact rationals, ``lo < hi``).
    limits : Limits, optional
        ``max_region_work`` bounds the work (refused up front, and counted during the search).

    Returns
    -------
    RegionsResult
        The count (certified), Serra et al.'s bound, the product bound, the arrangement bound
        (one hidden layer), Montúfar et al.'s lower bound on the maximum (dense layers), and a
        point of every region.

    Raises
    ------
    InputError
        For a malformed network or box (the field named).
    ResourceLimitError
        When the estimated work is above ``limits.max_region_work``.

    Examples
    --------
    Three lines in general position cut the plane into 7 regions:

    >>> net = {"input": [2], "layers": [
    ...     {"type": "dense", "weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1]},
    ...     {"type": "dense", "weights": [[1, 1, 1]]}]}
    >>> r = linear_regions(net)
    >>> r.count, r.arrangement_bound, r.upper_bound, r.certified
    (7, 7, 7, True)
    >>> linear_regions(net, box=(0, 1)).count      # x + y = 1 cuts the open square in two
    2
    >>> linear_regions(net, box=(0, "1/4")).count
    1

    A 1D convolution with stride 2 on R^4:

    >>> conv = {"input": [4], "layers": [{"type": "conv", "filter": [1, -1], "stride": 2},
    ...                                  {"type": "dense", "weights": [[1, 1]]}]}
    >>> linear_regions(conv).count
    4
    """
    start = time.perf_counter()
    net = read_network(network)
    limits = Limits.coerce(limits)
    n = net.input_dimension
    domain = read_box(box, n)
    _, upper = region_work(net, domain is not None, limits)
    budget = limits.budget("max_region_work", "tableau work of the exact region count")
    budget.spend(net.dense_entries())
    layers = net.affine_layers()
    hidden = net.hidden_widths
    count, programs, regions = _enumerate(layers, len(hidden), n, domain, budget)
    widths = list(hidden)
    if domain is None:
        text = f"R^{n}"
    elif len(set(domain[0])) == 1 and len(set(domain[1])) == 1:
        text = f"[{domain[0][0]}, {domain[1][0]}]^{n}"
    else:
        text = " x ".join(f"[{a}, {b}]" for a, b in zip(*domain))
    return RegionsResult(
        architecture=str(net),
        method="depth-first enumeration of activation patterns, each tested by an exact simplex over Q",
        certified=True,
        seconds=time.perf_counter() - start,
        argument="every region is a leaf of the search with an exact interior point; every pruned pattern "
                 "prefix has an exact linear-programming certificate that its open polyhedron misses the domain",
        count=count, domain=text, input_dimension=n, hidden_widths=tuple(widths),
        upper_bound=upper, product_bound=product_bound(n, widths),
        arrangement_bound=arrangement_bound(widths[0], n) if len(widths) == 1 else None,
        max_lower_bound=montufar_lower_bound(n, widths) if net.all_dense and widths else None,
        linear_programs=programs, work=budget.used, regions=tuple(regions))


def _enumerate(layers: Sequence[tuple[flint.fmpq_mat, tuple]], depth: int, n: int, box: Any,
               budget: Any) -> tuple[int, int, list]:
    """The search of the module docstring: ``(regions, linear programs, [(pattern, point)])``."""
    Q = flint.fmpq
    if box is None:
        x0 = tuple(Q(0) for _ in range(n))
    else:
        x0 = tuple((a + b) / 2 for a, b in zip(*box))
    if depth == 0:
        return 1, 0, [("", tuple(str(v) for v in x0))]
    W1, b1 = layers[0]
    M, m = W1, [Q(v) for v in b1]
    # stack of (layer, unit, rows, point, M, m, bits of this layer, finished layers' patterns)
    stack = [(0, 0, (), x0, M, m, (), ())]
    count = programs = 0
    found = []
    while stack:
        layer, unit, rows, x, M, m, bits, done = stack.pop()
        if unit == M.nrows():
            done = done + ("".join(map(str, bits)),)
            if layer + 1 == depth:
                count += 1
                found.append(("|".join(done), tuple(str(v) for v in x)))
                continue
            W, b = layers[layer + 1]
            DM = flint.fmpq_mat(M.nrows(), n)
            for i, bit in enumerate(bits):
                if bit:
                    for k in range(n):
                        DM[i, k] = M[i, k]
            nxt = W * DM
            Dm = flint.fmpq_mat(len(m), 1, [v if bit else 0 for v, bit in zip(m, bits)])
            bias = W * Dm
            budget.spend(W.nrows() * W.ncols() * (n + 1))
            stack.append((layer + 1, 0, rows, x, nxt, [bias[i, 0] + Q(b[i]) for i in range(W.nrows())], (), done))
            continue
        a = [M[unit, k] for k in range(n)]
        c = m[unit]
        if all(v == 0 for v in a):
            stack.append((layer, unit + 1, rows, x, M, m, bits + (1 if c > 0 else 0,), done))
            continue
        value = sum((a[k] * x[k] for k in range(n)), c)
        for bit, sign in ((0, -1), (1, 1)):
            row = (tuple(sign * v for v in a), sign * c)
            if sign * value > 0:
                point = x
            else:
                programs += 1
                point = strict_point(rows + (row,), n, box, start=x, budget=budget)
                if point is None:
                    continue
            stack.append((layer, unit + 1, rows + (row,), point, M, m, bits + (bit,), done))
    return count, programs, found
