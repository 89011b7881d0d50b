r"""The linear maps ``R^X → R^Y`` that commute with a finite group, exactly.

Let a finite group ``G`` act on finite sets ``X`` and ``Y`` by permutations, with permutation
matrices ``P_X(g) e_x = e_{g x}``.  A matrix ``A`` (rows ``Y``, columns ``X``) is equivariant when
``A P_X(g) = P_Y(g) A`` for every ``g``; comparing entries, ``A[g y, g x] = A[y, x]``.

**Theorem.**  The equivariant matrices (the commutant) have the basis ``{1_O}`` of indicator
matrices of the ``G``-orbits ``O`` on ``Y × X``, so their dimension is the number of orbits,
which by Burnside's lemma is ``(1/|G|) Σ_g fix_X(g) fix_Y(g)``.

*Proof.*  ``A`` is equivariant iff it is constant on each orbit of ``(y, x) ↦ (g y, g x)``; the
indicators of the orbits are such matrices, with disjoint supports, and any such ``A`` is
``Σ_O A|_O 1_O``.  It suffices to check the generators of ``G``: the set of ``g`` with
``A P_X(g) = P_Y(g) A`` is closed under products.  Burnside's lemma counts the orbits of
``G`` on ``Y × X`` as the average number of fixed points, and ``(y, x)`` is fixed by ``g`` iff
both are.  ∎

Algorithm
---------
The orbits on ``Y × X`` are the classes of the union–find closure of
``(y, x) ~ (s y, s x)`` over the generators ``s`` (``|X| · |Y| · |S|`` steps); the orbit of each
pair, numbered by first appearance in row-major order, is :attr:`EquivariantMapsResult.orbit_labels`,
and ``basis[k]`` is the indicator of label ``k``.  Two independent counts are checked against
the number of orbits in the same call:

* Burnside's lemma over the enumerated group (``fix_X(g)`` from the action itself; for tuples
  of points, ``fix(g)^k``);
* Kondor–Trivedi (:mod:`lcnalg.groups.convolution`) for each pair of orbits ``O_Y ≅ G/K``,
  ``O_X ≅ G/H``: the double cosets ``K\G/H`` are computed on the enumerated group; the images
  ``A_{1_D}[y, x] = |H| 1_D(s_y^{-1} t_x)`` of their indicators are checked equivariant on every
  generator and independent (exact rank over FLINT integers), and every orbit indicator
  ``B`` is checked to be ``A_{κ_B}`` for the kernel ``κ_B(g) = B[y_0, g x_0] / |H|``, which is
  checked bi-invariant.  So the image of the bi-invariant kernels *is* the commutant, block by
  block, and the number of double cosets equals the number of orbits.

With ``dense=True`` the commutation equations are also solved as a linear system
(:func:`lcnalg.groups.commutant_nullspace`, exact over FLINT) and its nullity compared.
A disagreement is a bug and raises :class:`~lcnalg.errors.InternalError`.

References
----------
R. Kondor and S. Trivedi, "On the generalization of equivariance and convolution in neural
networks to the action of compact groups", ICML 2018 (arXiv:1802.03690), Theorem 1.
H. Maron, H. Ben-Hamu, N. Shamir and Y. Lipman, "Invariant and equivariant graph networks",
ICLR 2019 (the basis of the ``S_n`` layers on tensors: ``Bell(k + l)`` orbits).

Examples
--------
>>> from lcnalg.groups import equivariant_maps
>>> equivariant_maps("S4").dimension                       # Deep Sets: a I + b 11^T
2
>>> equivariant_maps("S5", "pairs", "pairs").dimension     # Bell(4)
15
>>> equivariant_maps("C6").basis()[1][0]                   # the circulant of the shift
(0, 1, 0, 0, 0, 0)
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.errors import InputError, InternalError
from lcnalg.groups.actions import Action
from lcnalg.groups.convolution import double_coset_labels, transversal
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.groups.permutations import compose, inverse
from lcnalg.groups.spec import parse_action, parse_group
from lcnalg.limits import Limits
from lcnalg.results import Result

__all__ = ["equivariant_maps", "orbits_on_pairs", "burnside_count", "commutant_nullspace",
           "EquivariantMapsResult", "ConvolutionBlock"]


@dataclass(frozen=True)
class ConvolutionBlock:
    """The Kondor–Trivedi check on one pair of orbits ``O_Y ≅ G/K`` and ``O_X ≅ G/H``.

    Attributes
    ----------
    on_base, to_base : int
        ``x_0`` and ``y_0`` (the least element of each orbit).
    on_orbit_size, to_orbit_size : int
    on_stabilizer_order, to_stabilizer_order : int
        ``|H|`` and ``|K|`` (``|G| = |H| · |O_X|`` is checked).
    double_cosets : int
        ``|K\\G/H|``, computed on the enumerated group.
    orbits : int
        ``G``-orbits on ``O_Y × O_X``.
    image_rank : int
        Exact rank of the images ``A_{1_D}`` of the double-coset indicators.
    image_equivariant : bool
        Every ``A_{1_D}`` commutes with every generator.
    commutant_in_image : bool
        Every orbit indicator ``B`` is ``A_{κ_B}`` for a bi-invariant ``κ_B``.
    """

    on_base: int
    to_base: int
    on_orbit_size: int
    to_orbit_size: int
    on_stabilizer_order: int
    to_stabilizer_order: int
    double_cosets: int
    orbits: int
    image_rank: int
    image_equivariant: bool
    commutant_in_image: bool

    @property
    def holds(self) -> bool:
        """The image of the bi-invariant kernels is this block of the commutant, bijectively."""
        return (self.image_equivariant and self.commutant_in_image
                and self.double_cosets == self.orbits == self.image_rank)


@dataclass(frozen=True, kw_only=True)
class EquivariantMapsResult(Result):
    r"""The commutant ``Hom_G(R^X, R^Y)``: its dimension, its orbit basis and the checks.

    Returned by :func:`equivariant_maps`.  ``architecture`` holds ``"GROUP: X -> Y"``.

    Attributes
    ----------
    group : str
    group_order : int
    degree : int
        Points the group permutes.
    on, to : str
        What ``X`` and ``Y`` are; ``on_size``, ``to_size`` their sizes, ``on_orbits``,
        ``to_orbits`` their numbers of orbits.
    dimension : int
        Number of ``G``-orbits on ``Y × X``: the dimension of the commutant.
    orbit_labels : tuple of tuple of int
        ``orbit_labels[y][x]``: the orbit of ``(y, x)``; basis element ``k`` is its indicator.
    burnside : int
        ``(1/|G|) Σ_g fix_X(g) fix_Y(g)``.
    nullspace_dimension : int or None
        Nullity of the dense commutation system (``dense=True``), else None.
    convolution : tuple of ConvolutionBlock
        The Kondor–Trivedi check on each pair of orbits.
    double_cosets : int
        ``Σ |K\G/H|`` over the pairs of orbits.

    Examples
    --------
    >>> r = equivariant_maps("C3xC2")
    >>> r.dimension, r.burnside, r.double_cosets, r.kondor_trivedi
    (6, 6, 6, True)
    """

    group: str
    group_order: int
    degree: int
    on: str
    to: str
    on_size: int
    to_size: int
    on_orbits: int
    to_orbits: int
    dimension: int
    orbit_labels: tuple[tuple[int, ...], ...]
    burnside: int
    nullspace_dimension: int | None
    convolution: tuple[ConvolutionBlock, ...]
    double_cosets: int

    title = "dimension of the equivariant maps"

    @property
    def kondor_trivedi(self) -> bool:
        """Every equivariant map is ``A_κ`` for a unique bi-invariant kernel, and conversely
        (checked on every pair of orbits)."""
        return all(b.holds for b in self.convolution) and self.double_cosets == self.dimension

    def answer(self) -> int:
        return self.dimension

    def basis(self) -> tuple[tuple[tuple[int, ...], ...], ...]:
        """The orbit indicator matrices (rows ``Y``, columns ``X``), one per orbit."""
        return tuple(tuple(tuple(int(v == k) for v in row) for row in self.orbit_labels)
                     for k in range(self.dimension))

    def to_dict(self) -> dict[str, Any]:
        """All fields, ``status``, ``kondor_trivedi`` and ``basis`` (the indicator matrices)."""
        data = super().to_dict()
        data["kondor_trivedi"] = self.kondor_trivedi
        data["basis"] = [[list(row) for row in m] for m in self.basis()]
        return data

    def statement(self) -> str:
        """The checked statements, in one sentence each."""
        lines = [
            f"dim Hom_G(R^X, R^Y) = {self.dimension} = number of G-orbits on Y x X",
            f"Burnside: (1/|G|) sum_g fix_X(g) fix_Y(g) = {self.burnside}",
        ]
        if self.nullspace_dimension is not None:
            lines.append(f"nullity of the dense system P_Y(g) A = A P_X(g) (generators): {self.nullspace_dimension}")
        verdict = "holds" if self.kondor_trivedi else "FAILS"
        lines.append(f"Kondor-Trivedi {verdict}: kappa -> A_kappa[y, x] = |H| kappa(s_y^-1 t_x) maps the "
                     f"bi-invariant kernels (sum over orbit pairs of |K\\G/H| = {self.double_cosets}) onto "
                     "the equivariant maps, bijectively")
        return "\n".join(lines)

    def to_text(self) -> str:
        """The sizes, the dimension with its checks, and the orbit labels when small."""
        rows = [
            ("group", f"{self.group} (order {self.group_order}, on {self.degree} points)"),
            ("X", f"{self.on} ({self.on_size} elements, {self.on_orbits} orbit(s))"),
            ("Y", f"{self.to} ({self.to_size} elements, {self.to_orbits} orbit(s))"),
            ("dimension", str(self.dimension)),
        ]
        text = "\n".join(f"{k:<11}{v}" for k, v in rows)
        text += "\nchecks     " + self.statement().replace("\n", "\n           ")
        if self.on_size <= 30 and self.to_size <= 30:
            width = len(str(self.dimension - 1))
            text += "\norbit of (y, x) (basis element k = indicator of k):\n"
            text += "\n".join("  " + " ".join(f"{v:>{width}}" for v in row) for row in self.orbit_labels)
        return text + f"\nstatus     {self.provenance()}"

    def to_latex(self) -> str:
        """The dimension statement with the checks."""
        ok = "holds" if self.kondor_trivedi else "fails"
        return (f"% lcnalg equivariant {self.architecture}\n"
                rf"$\dim \operatorname{{Hom}}_{{{_tex(self.group, True)}}}(\mathbb{{R}}^{{{_tex(self.on)}}}, "
                rf"\mathbb{{R}}^{{{_tex(self.to)}}}) = {self.dimension}$ "
                rf"($|G| = {self.group_order}$; orbits on $Y \times X$, Burnside's count {self.burnside}; "
                rf"Kondor--Trivedi {ok}: $\sum |K\backslash G/H| = {self.double_cosets}$; {self.status.label}).")


def _tex(name: str, group: bool = False) -> str:
    text = name.replace("_", r"\_").replace("#", r"\#")
    return r"\mathrm{" + (text.replace("x", r"\times ") if group else text) + "}"


def _resolve(group: object, on: object, to: object, limits: Limits) -> tuple[PermutationGroup, Action, Action]:
    if isinstance(group, str):
        group = parse_group(group, limits)
    elif not isinstance(group, PermutationGroup):
        raise InputError(f"group: expected a PermutationGroup or a group name (C<n>, D<n>, Q<n>, S<n>, A<n>, "
                         f"icosahedron, products such as C3xC2), got {checks.short(group, 40, quote=True)}")
    actions = []
    for name, spec in (("on", on), ("to", to)):
        if isinstance(spec, str):
            spec = parse_action(group, spec, limits, name=name)
        elif not isinstance(spec, Action) or spec.group is not group:
            raise InputError(f"{name}: expected a set name (points, pairs, ...) or an Action of this group, "
                             f"got {checks.short(spec, 40, quote=True)}")
        actions.append(spec)
    return group, actions[0], actions[1]


def orbits_on_pairs(on: Action, to: Action, limits: Limits | None = None) -> tuple[list[int], int]:
    """The ``G``-orbit of each pair ``(y, x)``, numbered by first appearance in row-major order.

    Parameters
    ----------
    on, to : Action
        Actions of one group on ``X`` and ``Y``.
    limits : Limits, optional
        ``max_equivariant_work`` bounds ``|X| · |Y| · (generators + 1)``.

    Returns
    -------
    labels : list of int
        ``labels[y * |X| + x]``.
    count : int

    Raises
    ------
    InputError
        When the actions are not of one group.

    Examples
    --------
    >>> from lcnalg.groups import TupleAction, symmetric_group
    >>> G = symmetric_group(3)
    >>> orbits_on_pairs(TupleAction(G, 1), TupleAction(G, 1))
    ([0, 1, 1, 1, 0, 1, 1, 1, 0], 2)
    """
    for name, a in (("on", on), ("to", to)):
        if not isinstance(a, Action):
            raise InputError(f"{name}: expected an Action, got {checks.short(a, 40, quote=True)}")
    if on.group is not to.group:
        raise InputError("to: expected an action of the same group as on")
    limits = Limits.coerce(limits)
    m, n = on.size, to.size
    limits.check("max_equivariant_work", "operations finding the orbits on Y x X", m * n * (len(on.group.generators) + 1))
    parent = list(range(m * n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for gx, gy in zip(on.generator_images(), to.generator_images()):
        for y in range(n):
            row, image_row = y * m, gy[y] * m
            for x in range(m):
                a, b = find(row + x), find(image_row + gx[x])
                if a != b:
                    parent[a] = b
    names: dict[int, int] = {}
    labels = [names.setdefault(find(i), len(names)) for i in range(m * n)]
    return labels, len(names)


def burnside_count(group: PermutationGroup, on: Action, to: Action, limits: Limits | None = None) -> int:
    """``(1/|G|) Σ_{g ∈ G} fix_X(g) · fix_Y(g)``, the number of orbits on ``Y × X`` by Burnside's lemma.

    Raises
    ------
    InputError
        When the actions are not of ``group``.
    InternalError
        When the average is not an integer (a broken action).

    Examples
    --------
    >>> from lcnalg.groups import TupleAction, symmetric_group
    >>> G = symmetric_group(5)
    >>> burnside_count(G, TupleAction(G, 2), TupleAction(G, 2))
    15
    """
    if not isinstance(group, PermutationGroup):
        raise InputError(f"group: expected a PermutationGroup, got {checks.short(group, 40, quote=True)}")
    for name, a in (("on", on), ("to", to)):
        if not isinstance(a, Action) or a.group is not group:
            raise InputError(f"{name}: expected an Action of this group, got {checks.short(a, 40, quote=True)}")
    limits = Limits.coerce(limits)
    elements = group.elements(limits)
    limits.check("max_equivariant_work", "operations of Burnside's count",
                 len(elements) * (on.fixed_cost() + to.fixed_cost()))
    total = sum(on.fixed_points(g) * to.fixed_points(g) for g in elements)
    count = Fraction(total, len(elements))
    if count.denominator != 1:
        raise InternalError(f"Burnside's average {count} is not an integer")
    return int(count)


def commutant_nullspace(group: PermutationGroup, on: Action, to: Action,
                        limits: Limits | None = None) -> flint.fmpz_mat:
    """The dense linear-algebra route: an integer basis (the columns) of the solutions ``A``
    of ``P_Y(s) A = A P_X(s)`` over the generators ``s``, unknowns ``A[y, x]`` in row-major
    order, by FLINT's exact nullspace.

    Raises
    ------
    InputError
        When the actions are not of ``group``.
    ResourceLimitError
        When the system's entries ``generators × (|X| · |Y|)²`` exceed ``max_commutant_entries``.

    Examples
    --------
    >>> from lcnalg.groups import TupleAction, symmetric_group
    >>> G = symmetric_group(4)
    >>> commutant_nullspace(G, TupleAction(G, 1), TupleAction(G, 1)).ncols()
    2
    """
    if not isinstance(group, PermutationGroup):
        raise InputError(f"group: expected a PermutationGroup, got {checks.short(group, 40, quote=True)}")
    for name, a in (("on", on), ("to", to)):
        if not isinstance(a, Action) or a.group is not group:
            raise InputError(f"{name}: expected an Action of this group, got {checks.short(a, 40, quote=True)}")
    limits = Limits.coerce(limits)
    m, n = on.size, to.size
    unknowns = m * n
    limits.check("max_commutant_entries", "entries of the dense commutation system",
                 len(group.generators) * unknowns * unknowns)
    system = flint.fmpz_mat(len(group.generators) * unknowns, unknowns)
    for k, (gx, gy) in enumerate(zip(on.generator_images(), to.generator_images())):
        for y in range(n):
            for x in range(m):
                row, a, b = k * unknowns + y * m + x, gy[y] * m + gx[x], y * m + x
                if a != b:  # (P_Y A)[gy, gx] = A[y, x] = (A P_X)[gy, gx] ... entrywise A[g y, g x] - A[y, x] = 0
                    system[row, a] += 1
                    system[row, b] -= 1
    basis, nullity = system.nullspace()
    if nullity == basis.ncols():
        return basis
    out = flint.fmpz_mat(unknowns, nullity)
    for i in range(unknowns):
        for j in range(nullity):
            out[i, j] = basis[i, j]
    return out


def _convolution_block(elements, index, on: Action, to: Action, ox: tuple[int, ...], oy: tuple[int, ...],
                       where_x: list[int], where_y: list[int], labels: list[int], m: int) -> ConvolutionBlock:
    x0, y0 = ox[0], oy[0]
    H = [g for g, w in zip(elements, where_x) if w == x0]
    K = [g for g, w in zip(elements, where_y) if w == y0]
    if len(H) * len(ox) != len(elements) or len(K) * len(oy) != len(elements):
        raise InternalError("orbit-stabilizer fails: |G| is not |H| |O|")
    dc, count = double_coset_labels(elements, K, H)
    t, s = transversal(on, x0), transversal(to, y0)
    s_inv = {y: inverse(s[y]) for y in oy}
    L = {(y, x): dc[index[compose(s_inv[y], t[x])]] for y in oy for x in ox}
    # (1) the image A_{1_D} = |H| [L == D] of each double coset's indicator is equivariant
    image_equivariant = all(L[gy[y], gx[x]] == L[y, x] for gx, gy in zip(on.generator_images(), to.generator_images())
                            for y in oy for x in ox)
    pairs = [(y, x) for y in oy for x in ox]
    images = flint.fmpz_mat([[len(H) if L[p] == d else 0 for p in pairs] for d in range(count)])
    rank = images.rank()
    # (2) kappa_B(g) = B[y0, g x0] / |H| is bi-invariant: the orbit of (y0, g x0) depends on KgH only,
    #     and A_{kappa_B}[y, x] = |H| kappa_B(s_y^-1 t_x) = B[y, x]: the orbit of (y0, s_y^-1 t_x x0) is that of (y, x)
    orbit_of_dc: dict[int, int] = {}
    bi_invariant = True
    for i, w in enumerate(where_x):
        o = labels[y0 * m + w]
        if orbit_of_dc.setdefault(dc[i], o) != o:
            bi_invariant = False
    reproduced = bi_invariant and all(orbit_of_dc[L[y, x]] == labels[y * m + x] for y, x in pairs)
    block_orbits = len({labels[y * m + x] for y, x in pairs})
    injective = len(set(orbit_of_dc.values())) == len(orbit_of_dc)
    return ConvolutionBlock(on_base=x0, to_base=y0, on_orbit_size=len(ox), to_orbit_size=len(oy),
                            on_stabilizer_order=len(H), to_stabilizer_order=len(K), double_cosets=count,
                            orbits=block_orbits, image_rank=rank, image_equivariant=image_equivariant,
                            commutant_in_image=reproduced and injective)


def equivariant_maps(group: PermutationGroup | str, on: Action | str = "points", to: Action | str = "points", *,
                     dense: bool = False, limits: Limits | None = None) -> EquivariantMapsResult:
    r"""A basis of the ``G``-equivariant linear maps ``R^X → R^Y``, with its independent checks.

    Parameters
    ----------
    group : PermutationGroup or str
        The group, or its name (:func:`lcnalg.groups.parse_group`: ``"C6"``, ``"D5"``,
        ``"S4"``, ``"A5"``, ``"icosahedron"``, ``"C3xC2"``).
    on, to : Action or str
        ``X`` and ``Y``: actions of ``group``, or their names
        (:func:`lcnalg.groups.parse_action`: ``"points"``, ``"pairs"``, ``"tuples:3"``,
        ``"regular"``, ``"cosets:1,0,2"``, ``"faces"``, ``"vertices"``, ``"edges"``).
    dense : bool
        Also solve the commutation equations by exact dense linear algebra and compare.
    limits : Limits, optional
        ``max_group_order``, ``max_equivariant_work`` (and ``max_commutant_entries`` when
        ``dense``).

    Returns
    -------
    EquivariantMapsResult
        Certified: the dimension is the number of orbits (a theorem), and Burnside's count,
        the Kondor–Trivedi correspondence (and the nullity) are checked to agree.

    Raises
    ------
    InputError
        For an unknown group or set, or arguments of the wrong type.
    ResourceLimitError
        When the group, the sets or the work exceed the bounds (before the work starts).
    InternalError
        When the independent counts disagree.

    References
    ----------
    R. Kondor and S. Trivedi, ICML 2018 (arXiv:1802.03690), Theorem 1.

    Examples
    --------
    >>> r = equivariant_maps("icosahedron", "faces", "faces")
    >>> r.group_order, r.dimension == r.burnside == r.double_cosets, r.kondor_trivedi
    (60, True, True)
    """
    start = time.perf_counter()
    dense = checks.flag(dense, "dense", none=False)
    limits = Limits.coerce(limits)
    group, on, to = _resolve(group, on, to, limits)
    m, n = on.size, to.size
    gens = len(group.generators)
    limits.check("max_equivariant_work", "operations finding the orbits on Y x X", m * n * (gens + 1))
    labels, dimension = orbits_on_pairs(on, to, limits)
    limits.check("max_equivariant_work", "entries of the basis of the equivariant maps", dimension * m * n)
    elements = group.elements(limits)
    size = len(elements)
    ox_all, oy_all = on.orbits(), to.orbits()
    blocks = len(ox_all) * len(oy_all)
    estimate = (size * (on.fixed_cost() + to.fixed_cost() + 2 * group.degree)
                + blocks * size * group.degree * (4 + 2 * size.bit_length())
                + m * n * (gens + group.degree + 2))
    limits.check("max_equivariant_work", "operations of the Burnside and Kondor-Trivedi checks", estimate)
    burnside = burnside_count(group, on, to, limits)
    index = {g: i for i, g in enumerate(elements)}
    blocks_done = []
    for ox in ox_all:
        where_x = [on.act(g, ox[0]) for g in elements]
        for oy in oy_all:
            where_y = [to.act(g, oy[0]) for g in elements]
            blocks_done.append(_convolution_block(elements, index, on, to, ox, oy, where_x, where_y, labels, m))
    double_cosets = sum(b.double_cosets for b in blocks_done)
    nullity = None
    if dense:
        nullity = commutant_nullspace(group, on, to, limits).ncols()
    counts = {"orbits": dimension, "Burnside": burnside, "double cosets": double_cosets}
    if nullity is not None:
        counts["nullity"] = nullity
    if len(set(counts.values())) != 1 or not all(b.holds for b in blocks_done):
        raise InternalError(f"the counts of equivariant maps disagree: {counts}; blocks {blocks_done}")
    method = ("orbits of G on Y x X by union-find over the generators; Burnside's count over the enumerated "
              "group; Kondor-Trivedi: double cosets on G and the kernel-to-matrix map checked exactly")
    if dense:
        method += "; nullity of the dense commutation system (FLINT)"
    label_rows = tuple(tuple(labels[y * m:(y + 1) * m]) for y in range(n))
    return EquivariantMapsResult(
        architecture=f"{group.name}: {on.name} -> {to.name}", method=method, certified=True,
        seconds=time.perf_counter() - start,
        argument=("A is equivariant iff A[g y, g x] = A[y, x]: constant on the orbits of G on Y x X, whose "
                  "indicators are a basis; every such A is A_kappa for a unique bi-invariant kernel (Kondor-"
                  "Trivedi), checked on each pair of orbits"),
        limitations="finite groups acting by permutations; real (rational) coefficients",
        group=group.name, group_order=size, degree=group.degree, on=on.name, to=to.name, on_size=m, to_size=n,
        on_orbits=len(ox_all), to_orbits=len(oy_all), dimension=dimension, orbit_labels=label_rows,
        burnside=burnside, nullspace_dimension=nullity, convolution=tuple(blocks_done),
        double_cosets=double_cosets)

