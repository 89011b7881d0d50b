"""Membership in the real function space, with a witness or a reason (MATH.md §1–2).

1D: the exact decision
----------------------
Write ``n_l = k_l − 1`` and ``t_l = t_{l−1}`` (layer ``l``'s cumulative stride).  A filter
``c`` lies in ``M`` iff ``p_c(z) = Π_l q_l(z^{t_l})`` with real ``q_l`` of degree ``≤ n_l``
(the parameterization itself: a layer whose top coefficients vanish has roots at
infinity, which is exactly "degree below ``n_l``"; no degree has to match).
For ``p ≠ 0`` this is a statement about the multiset of complex roots of ``p``:

* the roots of ``q(z^t)`` are the orbits ``{ζρ : ζ^t = 1}`` of the ``t``-th roots of the
  roots ``w`` of ``q`` (``w = 0`` gives ``t`` zeros), with the multiplicity of ``w``;
* ``q`` is real iff its root multiset is closed under conjugation; the orbit over ``w``
  is self-conjugate iff ``w`` is real;
* layers with the same ``t`` form a *group*; real ``w``'s and conjugate pairs can be shared
  out among the group's layers iff ``#pairs ≤ Σ ⌊n_l/2⌋`` and ``#w ≤ Σ n_l`` (a layer takes
  ``r`` reals and ``c`` pairs iff ``r + 2c ≤ n_l``).

So ``c ∈ M`` iff the roots of ``p`` can be distributed: each group ``t > 1`` takes a
conjugation-closed multiset of *complete* orbits within the two capacity bounds, and
what remains goes to the group ``t = 1`` (layer 1 is always there) within its bounds.
lcnalg decides this by an exhaustive search over the complete orbits, on exact data:
``p`` is factored over Z (FLINT), the roots of every irreducible factor are isolated in
disjoint certified balls (real roots certified real), and orbits are found exactly
(:meth:`lcnalg.real.roots.RootData.orbits`).  Stride one only: the condition is the
MATH.md count "at least ``m`` real roots with multiplicity, roots at infinity included".

The witness gives each layer exactly (rational coefficients) when its share of roots is
a union of full root sets of irreducible factors, and otherwise as certified real balls;
lcnalg checks that the product of the witness (with the stride substitution) contains the
filter coefficient by coefficient, and the exact argument is the root distribution.

2D is in :mod:`lcnalg.real.planar`.
"""

from __future__ import annotations

import math
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.printing import function_space_symbol
from lcnalg.real.roots import MAX_PRECISION, RootData, real_root_count, to_fmpz_poly
from lcnalg.results import Result

__all__ = ["ContainmentResult", "contains", "parse_filter", "DEFAULT_MAX_NODES"]

#: Default bound on the nodes of the orbit-distribution search.
DEFAULT_MAX_NODES = 200_000

_NUM = re.compile(r"^\s*[-+]?\d+(\s*/\s*\d+)?\s*$")


# ------------------------------------------------------------------ input
def _fraction(x: Any, where: str) -> Fraction:
    if isinstance(x, bool):
        raise InputError(f"filter: booleans are not coefficients ({where})")
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if isinstance(x, (flint.fmpz, flint.fmpq)):
        return Fraction(str(x))
    if isinstance(x, str):
        if not _NUM.match(x):
            raise InputError(f"filter: {x!r} is not an integer or fraction like 3 or -2/5 ({where})")
        try:
            return Fraction(x.replace(" ", ""))
        except ZeroDivisionError:
            raise InputError(f"filter: {x!r} has a zero denominator ({where})") from None
    if getattr(x, "is_Rational", False):
        return Fraction(int(x.p), int(x.q))
    raise InputError(
        f"filter: {x!r} ({type(x).__name__}) is not exact; give integers or fractions ({where})"
    )


def parse_filter(value: Any, arch: Architecture) -> tuple[Fraction, ...]:
    """Read an end-to-end filter: a flat row-major sequence, nested rows, or a string.

    Strings are comma-separated integers or fractions, 2D rows separated by ``;``.

    Raises
    ------
    InputError
        Wrong number of entries, wrong row lengths, non-exact numbers.

    Examples
    --------
    >>> parse_filter("1,0,-2/3", Architecture.parse("2,2"))
    (Fraction(1, 1), Fraction(0, 1), Fraction(-2, 3))
    >>> parse_filter("1,2;3,4", Architecture.parse("2x1,1x2"))
    (Fraction(1, 1), Fraction(2, 1), Fraction(3, 1), Fraction(4, 1))
    """
    shape = arch.end_to_end_filter_shape
    size = math.prod(shape)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise InputError(f"filter: empty; give {size} comma-separated numbers like 1,0,-2/3")
        rows = [r for r in text.split(";")]
        if len(rows) > 1:
            if len(shape) != 2:
                raise InputError(f"filter: ';' separates rows of a 2D filter, but {arch} is {len(shape)}D")
            if len(rows) != shape[0]:
                raise InputError(f"filter: {len(rows)} rows given, {shape[0]} needed (shape {shape[0]}x{shape[1]})")
            nested = [r.split(",") for r in rows]
            for i, r in enumerate(nested):
                if len(r) != shape[1]:
                    raise InputError(f"filter: row {i} has {len(r)} entries, {shape[1]} needed")
            flat: list = [x for r in nested for x in r]
        else:
            flat = text.split(",")
    elif isinstance(value, (bytes, dict)) or not hasattr(value, "__iter__"):
        raise InputError(f"filter: expected a sequence of {size} numbers, got {type(value).__name__}")
    else:
        items = list(value)
        nested = [hasattr(x, "__iter__") and not isinstance(x, (str, bytes)) for x in items]
        if any(nested):
            if len(shape) != 2 or not all(nested):
                raise InputError(f"filter: nested rows are only for 2D filters of shape {shape}; give a flat list")
            if len(items) != shape[0] or any(len(list(r)) != shape[1] for r in items):
                raise InputError(f"filter: needs {shape[0]} rows of {shape[1]} entries")
            flat = [x for r in items for x in r]
        else:
            flat = items
    if len(flat) != size:
        shape_text = "x".join(map(str, shape))
        raise InputError(f"filter: {len(flat)} entries given, {size} needed (end-to-end shape {shape_text})")
    return tuple(_fraction(x, f"entry {i}") for i, x in enumerate(flat))


def _fmt(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


def _poly_text(coeffs: Sequence[Fraction], var: str = "z") -> str:
    terms = []
    for e, c in enumerate(coeffs):
        if c == 0:
            continue
        mono = "" if e == 0 else (var if e == 1 else f"{var}^{e}")
        coef = _fmt(c)
        if mono and c == 1:
            coef = ""
        elif mono and c == -1:
            coef = "-"
        terms.append(f"{coef}{'*' if coef not in ('', '-') and mono else ''}{mono}")
    return " + ".join(terms).replace("+ -", "- ") if terms else "0"


# ------------------------------------------------------------------ result
@dataclass(frozen=True, kw_only=True)
class ContainmentResult(Result):
    """Whether a filter lies in the real function space, with a witness or a reason.

    Attributes
    ----------
    filter : tuple of str
        The end-to-end filter, flat row-major, exact.
    contained : bool or None
        The answer; ``None`` when undecided.
    decided : bool
        False when lcnalg could not decide (then ``reason`` says why).
    witness : tuple of tuple of str, or None
        One filter per layer (layer 1 first): exact rationals, or certified real balls
        ``"[mid +/- rad]"`` when irrational; their product (with the stride
        substitution) is the filter.
    witness_exact : bool
        True when every witness entry is rational.
    reason : str
        Why (not) contained, in words, with the data that prove it.
    argument : str
        The exact argument behind the verdict and the witness.
    data : dict
        Supporting data (roots, multiplicities, orbits, factorizations).
    """

    filter: tuple[str, ...]
    contained: bool | None
    decided: bool = True
    witness: tuple[tuple[str, ...], ...] | None = None
    witness_exact: bool = False
    reason: str = ""
    argument: str = ""
    data: dict = field(default_factory=dict)

    title = "contains"

    @property
    def status(self) -> str:
        return "certified" if self.decided and self.certified else "undecided"

    def answer(self) -> bool | None:
        return self.contained

    def __bool__(self) -> bool:
        if not self.decided:
            raise ValueError(f"membership undecided: {self.reason}")
        return bool(self.contained)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["witness"] = [list(w) for w in self.witness] if self.witness is not None else None
        return data

    def to_text(self) -> str:
        head = {True: "contained", False: "not contained", None: "undecided"}[self.contained]
        lines = [f"{head}: filter ({', '.join(self.filter)}) in M[{self.architecture}]"]
        if self.witness is not None:
            kind = "exact" if self.witness_exact else "certified enclosures"
            lines.append(f"witness ({kind}), layer 1 first:")
            for l, w in enumerate(self.witness, 1):
                lines.append(f"  layer {l}: ({', '.join(w)})")
        lines.append(f"reason: {self.reason}")
        if self.argument:
            lines.append(f"argument: {self.argument}")
        lines.append(f"[{self.status}; {self.method}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        vec = r"\left(" + ", ".join(_latex_num(x) for x in self.filter) + r"\right)"
        if self.contained is None:
            return rf"{vec} \in {sym}\ \text{{undecided: {_latex_text(self.reason)}}}"
        rel = r"\in" if self.contained else r"\notin"
        out = rf"{vec} {rel} {sym}"
        if self.witness is not None:
            layers = ", ".join(r"\left(" + ", ".join(_latex_num(x) for x in w) + r"\right)"
                               for w in self.witness)
            out += rf",\quad \text{{witness }} {layers}"
        return out


def _latex_num(x: str) -> str:
    if x.startswith("["):
        return r"\text{" + x.replace("+/-", r"$\pm$") + "}"
    if "/" in x:
        n, d = x.split("/")
        sign = "-" if n.startswith("-") else ""
        return rf"{sign}\tfrac{{{n.lstrip('-')}}}{{{d}}}"
    return x


def _latex_text(s: str) -> str:
    return s.replace("\\", "").replace("{", "(").replace("}", ")").replace("_", r"\_").replace("^", r"\^{}")


# ------------------------------------------------------------------ the search
@dataclass(frozen=True)
class _Unit:
    kind: str          # "zero", "real", "pair"
    labels: tuple[int, ...]
    members: tuple[int, ...]   # indices of distinct roots of p (one orbit, or two for a pair)


@dataclass
class _Group:
    t: int
    layers: list[int]
    cap: int
    pair_cap: int
    units: list[_Unit] = field(default_factory=list)


class _Budget:
    def __init__(self, max_nodes: int) -> None:
        self.nodes = 0
        self.max_nodes = max_nodes

    def tick(self) -> None:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise ResourceLimitError("nodes of the root-orbit distribution search", self.nodes,
                                     self.max_nodes, "pass max_nodes= to contains (CLI: --max-nodes)")


def _search(rd: RootData, groups: list[_Group], final: _Group, budget: _Budget) -> tuple[list | None, tuple]:
    """Depth-first search over unit counts of the strided groups; memoized on the state."""
    memo: dict = {}
    best: list = [None]

    def leftover_ok(mults: tuple[int, ...], zeros: int) -> bool:
        r = zeros + sum(m for i, m in enumerate(mults) if rd.real[i])
        c2 = sum(m for i, m in enumerate(mults) if not rd.real[i])
        c = c2 // 2
        score = (max(0, c - final.pair_cap), max(0, r + 2 * c - final.cap), c, r)
        if best[0] is None or score < best[0]:
            best[0] = score
        return c <= final.pair_cap and r + 2 * c <= final.cap

    def rec(gi: int, mults: tuple[int, ...], zeros: int) -> list | None:
        key = (gi, mults, zeros)
        if key in memo:
            return memo[key]
        budget.tick()
        if gi == len(groups):
            out = [] if leftover_ok(mults, zeros) else None
            memo[key] = out
            return out
        g = groups[gi]
        counts = [0] * len(g.units)

        def choose(ui: int, mults: tuple[int, ...], zeros: int, deg: int, pairs: int) -> list | None:
            if ui == len(g.units):
                rest = rec(gi + 1, mults, zeros)
                return None if rest is None else [list(counts)] + rest
            budget.tick()
            u = g.units[ui]
            if u.kind == "zero":
                avail = zeros // g.t
            else:
                avail = min(mults[i] for i in u.members)
            cost = 2 if u.kind == "pair" else 1
            top = min(avail, deg // cost, pairs if u.kind == "pair" else avail)
            for c in range(top, -1, -1):
                counts[ui] = c
                if u.kind == "zero":
                    m2, z2 = mults, zeros - c * g.t
                else:
                    lst = list(mults)
                    for i in u.members:
                        lst[i] -= c
                    m2, z2 = tuple(lst), zeros
                found = choose(ui + 1, m2, z2, deg - c * cost, pairs - (c if u.kind == "pair" else 0))
                if found is not None:
                    return found
            counts[ui] = 0
            return None

        out = choose(0, mults, zeros, g.cap, g.pair_cap)
        memo[key] = out
        return out

    found = rec(0, tuple(rd.multiplicity), rd.zero_multiplicity)
    return found, best[0]


# ------------------------------------------------------------------ witness
@dataclass
class _Item:
    cls: Any            # key of the Galois class (irreducible factor) or None
    kind: str           # "real" or "pair"
    value: Any          # acb (or 0 for the zero root)
    count: int


def _distribute(items: list[_Item], classes: dict, layers: list[int], caps: dict[int, int]) -> dict:
    """Share items among the layers of one group; keep whole Galois classes where possible.

    ``classes[key] = (poly, reals, pairs)``: the irreducible polynomial of the class and the
    numbers of its real roots and conjugate pairs; a class all of whose roots are present
    ``a`` times can go whole into a layer as ``poly^a`` (exact).
    Returns ``{layer: (exact fmpz_poly, [items])}``.
    """
    free = {l: caps[l] for l in layers}
    exact = {l: flint.fmpz_poly([1]) for l in layers}
    loose = {l: [] for l in layers}

    def feasible(pending_pairs: int, pending_reals: int) -> bool:
        return (pending_pairs <= sum(v // 2 for v in free.values())
                and pending_reals + 2 * pending_pairs <= sum(free.values()))

    pend_pairs = sum(it.count for it in items if it.kind == "pair")
    pend_reals = sum(it.count for it in items if it.kind == "real")
    by_class = defaultdict(list)
    for it in items:
        by_class[it.cls].append(it)
    for key, (poly, reals, pairs) in sorted(classes.items(), key=lambda kv: -kv[1][0].degree()):
        its = by_class.get(key, [])
        nroots = reals + pairs
        if len(its) != nroots or nroots == 0:
            continue
        copies = min(it.count for it in its)
        for _ in range(copies):
            placed = False
            for l in layers:
                if reals + 2 * pairs <= free[l]:
                    free[l] -= reals + 2 * pairs
                    if feasible(pend_pairs - pairs, pend_reals - reals):
                        exact[l] *= poly
                        for it in its:
                            it.count -= 1
                        pend_pairs -= pairs
                        pend_reals -= reals
                        placed = True
                        break
                    free[l] += reals + 2 * pairs
            if not placed:
                break
    for kind, cost in (("pair", 2), ("real", 1)):
        for it in items:
            while it.count > 0 and it.kind == kind:
                l = next(l for l in layers if free[l] >= cost)
                free[l] -= cost
                loose[l].append(_Item(it.cls, it.kind, it.value, 1))
                it.count -= 1
    return {l: (exact[l], loose[l]) for l in layers}


# ------------------------------------------------------------------ main entry
def contains(arch: Architecture | str, filt: Any, *, max_nodes: int = DEFAULT_MAX_NODES,
             max_field_work: int | None = None, max_precision: int | None = None) -> ContainmentResult:
    """Decide whether an exact filter lies in the real function space ``M``.

    Parameters
    ----------
    arch : Architecture or str
        A linear architecture (1D or 2D, any strides; 3D and up when every layer has extent 1
        along all but at most two common axes, through :mod:`lcnalg.real.embedding`).
    filt : sequence or str
        The end-to-end filter: flat row-major, nested rows, or a string
        ``"1,0,-2/3"`` (2D rows separated by ``;``).
    max_nodes : int
        Bound on the search (1D strides, 2D groupings).
    max_field_work : int, optional
        2D only: bound on one absolute factorization, ``deg(field)^2 · (deg_x + 1)(deg_y + 1)``
        (default :data:`lcnalg.real.absolute.DEFAULT_MAX_FIELD_WORK`).
    max_precision : int, optional
        2D only: bound on the working precision (bits) of one exact zero test of an algebraic
        coefficient (Liouville bound; default :data:`lcnalg.real.planar_real.DEFAULT_MAX_PRECISION`).

    Returns
    -------
    ContainmentResult

    Raises
    ------
    InputError
        Malformed filter or architecture outside linear one-channel networks.
    ResourceLimitError
        When the search or the root separation exceeds its bound.

    Examples
    --------
    >>> r = contains("2,2,2", [1, 0, 0, 1])          # z^3 + 1: one real root, needs 3
    >>> r.contained, r.reason
    (False, 'needs at least 3 real roots counted with multiplicity (roots at infinity included), has 1')
    >>> r = contains("3,2 s=2", "4,8,17,10,15")      # (1+2z+3z^2)(4+5z^2)
    >>> r.contained, r.witness_exact
    (True, True)
    >>> contains("3,2 s=2", [1, 0, 0, 0, 1]).contained   # z^4 + 1
    False
    """
    start = time.perf_counter()
    if isinstance(arch, str):
        arch = Architecture.parse(arch)
    if not isinstance(arch, Architecture):
        raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
    if arch.activation is not None or arch.channels is not None:
        raise InputError(f"architecture {arch}: contains() covers linear networks with one channel (drop r=, c=)")
    for name, bound in (("max_nodes", max_nodes), ("max_field_work", max_field_work),
                        ("max_precision", max_precision)):
        if bound is not None and (isinstance(bound, bool) or not isinstance(bound, int) or bound < 1):
            raise InputError(f"{name}: expected a positive integer, got {bound!r}")
    values = parse_filter(filt, arch)
    if arch.ndim == 1:
        res = _contains_1d(arch, values, max_nodes)
    elif arch.ndim == 2:
        from lcnalg.real.planar import contains_2d

        from lcnalg.real.absolute import DEFAULT_MAX_FIELD_WORK

        res = contains_2d(arch, values, max_nodes,
                          DEFAULT_MAX_FIELD_WORK if max_field_work is None else max_field_work, max_precision)
    else:
        res = _contains_embedded(arch, values, max_nodes, max_field_work, max_precision)
    return ContainmentResult(
        architecture=str(arch), filter=tuple(_fmt(v) for v in values),
        seconds=time.perf_counter() - start, **res,
    )


def _layers_1d(arch: Architecture) -> list[tuple[int, int]]:
    t = arch.cumulative_strides
    return [(f[0] - 1, t[l][0]) for l, f in enumerate(arch.filters)]


def _contains_embedded(arch: Architecture, values: tuple[Fraction, ...], max_nodes: int,
                       max_field_work: int | None, max_precision: int | None) -> dict:
    """3D and up: decided when ``M`` is a coordinate copy of a 1D or 2D function space
    (axes of extent 1, single-entry layers; :mod:`lcnalg.real.embedding`)."""
    from lcnalg.real.embedding import coordinate_embedding

    if all(v == 0 for v in values):
        return dict(contained=True, certified=True, witness=_zero_witness(arch), witness_exact=True,
                    reason="the zero filter is the image of all-zero layers", argument="μ(0, …, 0) = 0",
                    method="zero filter")
    emb = coordinate_embedding(arch)
    if emb is None or emb.inner.ndim > 2:
        return dict(contained=None, decided=False, certified=False, method="none",
                    reason=(f"{arch.ndim}D filters are handled only when M is a coordinate copy of a 1D or 2D "
                            "function space (every layer of extent 1 along all but two axes)"))
    how = f"M is a coordinate copy of M[{emb.inner}] ({emb.reason})"
    sub = emb.restrict(values)
    if sub is None:
        from lcnalg.rings import coordinate_names

        kept = set(emb.positions)
        i = next(i for i, v in enumerate(values) if v != 0 and i not in kept)
        return dict(contained=False, certified=True, method="coordinate embedding (lcnalg.real.embedding)",
                    reason=(f"not on V: the coordinate {coordinate_names(arch)[i]} vanishes on M but is "
                            f"{_fmt(values[i])} here"),
                    argument=how)
    inner = contains(emb.inner, list(sub), max_nodes=max_nodes, max_field_work=max_field_work,
                     max_precision=max_precision)
    return dict(contained=inner.contained, decided=inner.decided, certified=inner.certified,
                witness=emb.embed_layers(inner.witness) if inner.witness is not None else None,
                witness_exact=inner.witness_exact, reason=inner.reason,
                argument=f"{how}; in its coordinates: {inner.argument}", data=inner.data,
                method=f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}")


def _zero_witness(arch: Architecture) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple("0" for _ in range(math.prod(f))) for f in arch.filters)


def _contains_1d(arch: Architecture, values: tuple[Fraction, ...], max_nodes: int) -> dict:
    layers = _layers_1d(arch)
    d = len(values) - 1
    if all(v == 0 for v in values):
        return dict(contained=True, certified=True, witness=_zero_witness(arch), witness_exact=True,
                    reason="the zero filter is the image of all-zero layers",
                    argument="μ(0, …, 0) = 0", method="zero filter")
    p, scale = to_fmpz_poly(values)
    groups_map: dict[int, list[int]] = defaultdict(list)
    for l, (n, t) in enumerate(layers):
        groups_map[t].append(l)
    stride_one = set(groups_map) == {1}
    prec = 64
    while True:
        rd = RootData(p)
        rd.prec = max(rd.prec, prec)
        if prec > 64:
            rd._isolate()
        final = _Group(1, groups_map[1], sum(layers[l][0] for l in groups_map[1]),
                       sum(layers[l][0] // 2 for l in groups_map[1]))
        groups: list[_Group] = []
        labels = {}
        for t in sorted((t for t in groups_map if t > 1), reverse=True):
            g = _Group(t, groups_map[t], sum(layers[l][0] for l in groups_map[t]),
                       sum(layers[l][0] // 2 for l in groups_map[t]))
            lab = rd.orbits(t)
            labels[t] = lab
            members: dict[int, list[int]] = defaultdict(list)
            for i, j in enumerate(lab.label):
                members[j].append(i)
            if rd.zero_multiplicity >= t:
                g.units.append(_Unit("zero", (), ()))
            for j in sorted(members):
                if len(members[j]) != t:
                    continue
                if lab.real[j]:
                    g.units.append(_Unit("real", (j,), tuple(members[j])))
                elif lab.conj[j] > j and len(members.get(lab.conj[j], [])) == t:
                    g.units.append(_Unit("pair", (j, lab.conj[j]), tuple(members[j] + members[lab.conj[j]])))
            groups.append(g)
        found, best = _search(rd, groups, final, _Budget(max_nodes))
        data = _root_data(rd, d, labels)
        if found is None:
            return _no_1d(arch, rd, d, final, groups, best, stride_one, data)
        try:
            witness, exact, check = _witness_1d(arch, layers, rd, values, p, scale, groups, final, found, labels)
        except _PrecisionTooLow:
            prec *= 2
            if prec > MAX_PRECISION:
                raise ResourceLimitError("working precision (bits) for the witness", prec, MAX_PRECISION,
                                         "use smaller filters") from None
            continue
        if stride_one:
            m = sum(1 for n, _ in layers if n % 2 == 1)
            reason = (f"has {d - 2 * _pairs(rd)} real roots counted with multiplicity (roots at infinity "
                      f"included), at least {m} needed")
        else:
            reason = ("the roots split into conjugation-closed complete orbits {ζρ : ζ^t = 1} for the "
                      "strided layers, and the rest fits the stride-one layers")
        argument = (
            "p factored over Z (FLINT); roots of each irreducible factor isolated in disjoint certified "
            "balls (real roots certified real); orbits grouped exactly via ρ^t ∈ roots of res_z(f, w − z^t); "
            "layer l receives a conjugation-closed multiset of t_l-orbits with r + 2c ≤ k_l − 1, so "
            "Π_l q_l(z^{t_l}) has the root multiset of p and its leading coefficient, hence equals p"
            + ("; every layer is a product of irreducible factors over Q, and the product was checked exactly"
               if exact else "; the product of the enclosures was checked to contain every filter coefficient")
        )
        return dict(contained=True, certified=True, witness=witness, witness_exact=exact, reason=reason,
                    argument=argument, data=data,
                    method=("exact real-root count (Sturm) and FLINT factorization" if stride_one else
                            "FLINT factorization, certified root isolation (Arb), exact orbit search"))


class _PrecisionTooLow(Exception):
    pass


def _pairs(rd: RootData) -> int:
    return sum(m for i, m in enumerate(rd.multiplicity) if not rd.real[i]) // 2


def _root_data(rd: RootData, d: int, labels: dict) -> dict:
    with flint.ctx.workprec(rd.prec):
        roots = [{"value": str(r), "multiplicity": m, "real": re_}
                 for r, m, re_ in zip(rd.roots, rd.multiplicity, rd.real)]
    out = {
        "degree": rd.degree,
        "roots_at_infinity": d - rd.degree,
        "zero_multiplicity": rd.zero_multiplicity,
        "factorization": [[str(f), e] for f, e in rd.factors],
        "roots": roots,
        "real_roots_with_multiplicity": real_root_count(rd.poly) + d - rd.degree,
    }
    if labels:
        out["complete_orbits"] = {}
        for t, lab in labels.items():
            cnt = defaultdict(int)
            for j in lab.label:
                cnt[j] += 1
            out["complete_orbits"][str(t)] = sum(1 for j, c in cnt.items() if c == t)
    return out


def _no_1d(arch, rd, d, final, groups, best, stride_one, data) -> dict:
    if stride_one:
        m = d - 2 * final.pair_cap
        have = d - 2 * _pairs(rd)
        reason = f"needs at least {m} real roots counted with multiplicity (roots at infinity included), has {have}"
        argument = ("stride one: M = binary forms of degree k−1 with at least m = #{l : k_l even} real roots "
                    "counted with multiplicity; real roots counted exactly (squarefree decomposition + Sturm)")
        method = "exact real-root count (Sturm) and FLINT factorization"
    else:
        excess_pairs, excess_deg, c, r = best
        orbit_text = ", ".join(f"t={g.t}: {sum(1 for u in g.units if u.kind != 'zero')} complete "
                               f"conjugation-closed orbit classes" for g in groups)
        reason = (
            f"no conjugation-closed choice of complete root orbits for the strided layers ({orbit_text}) "
            f"leaves a remainder the stride-one layers can take (they take at most {final.pair_cap} "
            f"non-real root pairs and {final.cap} roots); the best choice leaves {c} non-real pairs and "
            f"{r} real roots"
        )
        argument = ("exhaustive search over the conjugation-closed multisets of complete orbits "
                    "{ζρ : ζ^t = 1} per stride group, on exact data (FLINT factorization, certified isolation, "
                    "exact orbit grouping); the search is complete, so no real factorization exists")
        method = "FLINT factorization, certified root isolation (Arb), exact orbit search"
    return dict(contained=False, certified=True, reason=reason, argument=argument, data=data, method=method)


def _witness_1d(arch, layers, rd, values, p, scale, groups, final, found, labels):
    polys: dict[int, tuple] = {}
    remaining = list(rd.multiplicity)
    zeros = rd.zero_multiplicity
    wx = flint.fmpz_poly([0, 1])
    for g, counts in zip(groups, found):
        lab = labels[g.t]
        items: list[_Item] = []
        cls: dict = {}
        for u, c in zip(g.units, counts):
            if c == 0:
                continue
            if u.kind == "zero":
                zeros -= c * g.t
                items.append(_Item("zero", "real", 0, c))
                cls["zero"] = (wx, 1, 0)
                continue
            for i in u.members:
                remaining[i] -= c
            key = lab.factor[u.labels[0]]
            h = lab.factors[key]
            nreal = sum(1 for j in range(len(lab.values)) if lab.factor[j] == key and lab.real[j])
            cls[key] = (h, nreal, (h.degree() - nreal) // 2)
            items.append(_Item(key, u.kind, lab.values[u.labels[0]], c))
        polys.update(_distribute(items, cls, g.layers, {l: layers[l][0] for l in g.layers}))
    items = []
    cls = {}
    if zeros:
        items.append(_Item("zero", "real", 0, zeros))
        cls["zero"] = (wx, 1, 0)
    for i, m in enumerate(remaining):
        if m == 0 or (not rd.real[i] and rd.conj[i] < i):
            continue
        key = rd.factor_of[i]
        f = rd.factors[key][0]
        nreal = sum(1 for j in range(len(rd.roots)) if rd.factor_of[j] == key and rd.real[j])
        cls[key] = (f, nreal, (f.degree() - nreal) // 2)
        items.append(_Item(key, "real" if rd.real[i] else "pair", rd.roots[i], m))
    polys.update(_distribute(items, cls, final.layers, {l: layers[l][0] for l in final.layers}))
    # leading coefficient: loose parts are monic
    lc_p = Fraction(str(p.coeffs()[-1])) * scale
    prod_lc = Fraction(1)
    for l in polys:
        prod_lc *= Fraction(str(polys[l][0].coeffs()[-1]))
    factor0 = lc_p / prod_lc
    exact = all(not polys[l][1] for l in polys)
    witness = []
    total = flint.fmpq_poly([1])
    with flint.ctx.workprec(max(rd.prec, 64) + 30):
        arb_total = flint.arb_poly([1])
        for l, (n, t) in enumerate(layers):
            ex, loose = polys[l]
            q = flint.fmpq_poly(ex) * (flint.fmpq(factor0.numerator, factor0.denominator) if l == 0 else 1)
            if not loose:
                coeffs = [Fraction(str(c)) for c in q.coeffs()]
                coeffs += [Fraction(0)] * (n + 1 - len(coeffs))
                witness.append(tuple(_fmt(c) for c in coeffs))
                total *= flint.fmpq_poly(_inflate([flint.fmpq(c.numerator, c.denominator) for c in coeffs], t))
                arb_total *= flint.arb_poly(_inflate([flint.arb(flint.fmpq(c.numerator, c.denominator))
                                                      for c in coeffs], t))
                continue
            ball = flint.arb_poly([flint.arb(c) for c in q.coeffs()])
            for it in loose:
                v = it.value
                if it.kind == "real":
                    ball *= flint.arb_poly([-v.real, 1])
                else:
                    ball *= flint.arb_poly([v.real * v.real + v.imag * v.imag, -2 * v.real, 1])
            coeffs = list(ball.coeffs()) + [flint.arb(0)] * (n + 1 - ball.length())
            witness.append(tuple(_arb_text(c) for c in coeffs))
            arb_total *= flint.arb_poly(_inflate(coeffs, t))
        if exact:
            if [Fraction(str(c)) for c in total.coeffs()] + [Fraction(0)] * (len(values) - total.length()) != list(values):
                raise RuntimeError("exact witness does not multiply back")  # pragma: no cover
        else:
            got = list(arb_total.coeffs()) + [flint.arb(0)] * (len(values) - arb_total.length())
            for c, v in zip(got, values):
                if not c.contains(flint.arb(flint.fmpq(v.numerator, v.denominator))):
                    raise _PrecisionTooLow()
    return tuple(witness), exact, True


def _arb_text(c: flint.arb) -> str:
    """An exact integer ball as the integer, otherwise ``[mid +/- rad]``."""
    if c.is_exact() and c.unique_fmpz() is not None:
        return str(c.unique_fmpz())
    return c.str(radius=True)


def _inflate(coeffs: list, t: int) -> list:
    out = [0 * coeffs[0]] * ((len(coeffs) - 1) * t + 1) if coeffs else []
    for e, c in enumerate(coeffs):
        out[e * t] = c
    return out
