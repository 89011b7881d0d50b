"""Finite sets on which a permutation group acts: tuples of points, sets of points, cosets.

An action of ``G`` on a finite set ``X = {0, …, m−1}`` is given by the point map
``act(g, x)`` for every element ``g`` of ``G`` (a permutation of the group's points), never by
images of generators alone: the three kinds below are defined from ``g`` itself, so each is
a homomorphism ``G → Sym(X)`` by construction (``act(g h, x) = act(g, act(h, x))``):

* :class:`TupleAction` — ``X = P^k``, ``g · (p_1, …, p_k) = (g p_1, …, g p_k)`` (``k = 1``: the
  points; ``k = 2``: the ordered pairs, on which the second-order layers of ``S_n`` act);
* :class:`SubsetAction` — ``X`` a list of sets of points closed under ``G``, ``g · S = g(S)``
  (the vertices and edges of the icosahedron as the sets of faces around them);
* :class:`CosetAction` — ``X = G/H``, ``g · tH = (g t)H`` for a subgroup ``H = ⟨S⟩``
  (``H = 1``: the regular action).

The permutation matrix of ``g`` on ``R^X`` is ``P_X(g) e_x = e_{g·x}``.

Examples
--------
>>> from lcnalg.groups import TupleAction, cyclic_group
>>> X = TupleAction(cyclic_group(3), 2)
>>> X.size, X.act((1, 2, 0), 5), X.point(5)
(9, 6, (1, 2))
"""

from __future__ import annotations

from typing import Sequence

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.groups.permutations import as_permutation, compose
from lcnalg.limits import Limits

__all__ = ["Action", "TupleAction", "SubsetAction", "CosetAction"]


class Action:
    """Base of the actions: a group, the size of the set, and the point map.

    Attributes
    ----------
    group : PermutationGroup
    size : int
        ``|X|``.
    name : str
        What ``X`` is (``"points"``, ``"pairs"``, ``"cosets of <…>"``).
    """

    group: PermutationGroup
    size: int
    name: str

    def act(self, g: tuple[int, ...], x: int) -> int:
        """``g · x`` for an element ``g`` of the group and ``x`` in ``{0, …, size−1}``."""
        raise NotImplementedError

    def image(self, g: tuple[int, ...]) -> tuple[int, ...]:
        """The permutation of ``X`` induced by ``g`` (one-line notation)."""
        return tuple(self.act(g, x) for x in range(self.size))

    def generator_images(self) -> tuple[tuple[int, ...], ...]:
        """The permutations of ``X`` induced by the group's generators."""
        return tuple(self.image(g) for g in self.group.generators)

    def fixed_points(self, g: tuple[int, ...]) -> int:
        """``|{x : g · x = x}|``."""
        return sum(1 for x in range(self.size) if self.act(g, x) == x)

    def fixed_cost(self) -> int:
        """Elementary operations of one :meth:`fixed_points` (for work estimates)."""
        return self.size * self.group.degree

    def orbits(self) -> tuple[tuple[int, ...], ...]:
        """The orbits on ``X`` (from the generators), each sorted, by least element.

        Examples
        --------
        >>> from lcnalg.groups import symmetric_group
        >>> [len(o) for o in TupleAction(symmetric_group(3), 2).orbits()]
        [3, 6]
        """
        images = self.generator_images()
        seen = [False] * self.size
        out = []
        for start in range(self.size):
            if seen[start]:
                continue
            seen[start] = True
            orbit = [start]
            for x in orbit:
                for img in images:
                    y = img[x]
                    if not seen[y]:
                        seen[y] = True
                        orbit.append(y)
            out.append(tuple(sorted(orbit)))
        return tuple(out)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.group.name} on {self.name}, {self.size} elements)"


class TupleAction(Action):
    """``G`` acting on the ``k``-tuples of its points, numbered in row-major order.

    Parameters
    ----------
    group : PermutationGroup
    k : int
        Length of the tuples, at least 1 (1: the points; 2: the ordered pairs).
    limits : Limits, optional
        ``max_equivariant_work`` must admit ``n^k`` (the size of ``X``).

    Raises
    ------
    InputError
        When ``group`` is not a PermutationGroup or ``k`` not a positive integer.
    ResourceLimitError
        When ``n^k`` exceeds ``max_equivariant_work``.

    Examples
    --------
    >>> from lcnalg.groups import symmetric_group
    >>> TupleAction(symmetric_group(5), 2).size
    25
    """

    def __init__(self, group: PermutationGroup, k: int = 1, limits: Limits | None = None) -> None:
        if not isinstance(group, PermutationGroup):
            raise InputError(f"group: expected a PermutationGroup, got {checks.short(group, 40, quote=True)}")
        k = checks.integer(k, "k", low=1, form="a positive integer")
        limits = Limits.coerce(limits)
        n = group.degree
        if k > 64 or n ** k > limits.max_equivariant_work:
            raise limits.refuse("max_equivariant_work", f"elements of the set of {k}-tuples of {n} points",
                                n ** min(k, 64))
        self.group, self.k, self.size = group, k, n ** k
        self.name = group.point_name if k == 1 else "pairs" if k == 2 else f"tuples:{k}"

    def point(self, x: int) -> tuple[int, ...]:
        """The tuple numbered ``x``."""
        n, out = self.group.degree, []
        for _ in range(self.k):
            x, r = divmod(x, n)
            out.append(r)
        return tuple(reversed(out))

    def act(self, g: tuple[int, ...], x: int) -> int:
        n, out, scale = self.group.degree, 0, 1
        for _ in range(self.k):
            x, r = divmod(x, n)
            out += g[r] * scale
            scale *= n
        return out

    def image(self, g: tuple[int, ...]) -> tuple[int, ...]:
        img: list[int] = list(g)
        for _ in range(self.k - 1):  # (p, rest) -> (g p, g rest), the first coordinate most significant
            img = [gp * len(img) + r for gp in g for r in img]
        return tuple(img)

    def fixed_points(self, g: tuple[int, ...]) -> int:
        """A tuple is fixed exactly when each of its points is: ``fix(g)^k``."""
        return sum(1 for i, gi in enumerate(g) if gi == i) ** self.k

    def fixed_cost(self) -> int:
        return self.group.degree


class SubsetAction(Action):
    """``G`` acting on a list of sets of its points, closed under ``G``.

    Parameters
    ----------
    group : PermutationGroup
    subsets : sequence of sets of int
        Distinct sets of points, mapped onto the list by every generator.
    name : str
        What the sets are (``"vertices"``).

    Raises
    ------
    InputError
        When a set is not a set of points, two are equal, or a generator maps one outside
        the list.

    Examples
    --------
    >>> from lcnalg.groups import cyclic_group
    >>> X = SubsetAction(cyclic_group(4), [{0, 2}, {1, 3}], "diagonals")
    >>> X.image((1, 2, 3, 0))
    (1, 0)
    """

    def __init__(self, group: PermutationGroup, subsets: Sequence[set[int]], name: str = "sets") -> None:
        if not isinstance(group, PermutationGroup):
            raise InputError(f"group: expected a PermutationGroup, got {checks.short(group, 40, quote=True)}")
        if isinstance(subsets, (str, bytes)) or not isinstance(subsets, Sequence) or not subsets:
            raise InputError(f"subsets: expected a non-empty list of sets of points, got "
                             f"{checks.short(subsets, 40, quote=True)}")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"name: expected a non-empty text, got {checks.short(name, 40, quote=True)}")
        sets = []
        for i, s in enumerate(subsets):
            try:
                items = frozenset(s)
            except TypeError:
                items = None
            if items is None or not all(checks.is_integer(p) and 0 <= int(p) < group.degree for p in items):
                raise InputError(f"subsets[{i}]: expected a set of points 0..{group.degree - 1}, "
                                 f"got {checks.short(s, 40, quote=True)}")
            sets.append(frozenset(int(p) for p in items))
        self._index = {s: i for i, s in enumerate(sets)}
        if len(self._index) != len(sets):
            raise InputError("subsets: expected distinct sets, got a repeated one")
        self.group, self.subsets, self.size, self.name = group, tuple(sets), len(sets), name
        for j, g in enumerate(group.generators):
            for i, s in enumerate(sets):
                if frozenset(g[p] for p in s) not in self._index:
                    raise InputError(f"subsets[{i}]: the generator {j} maps it outside the list; the sets "
                                     "must be closed under the group")

    def act(self, g: tuple[int, ...], x: int) -> int:
        return self._index[frozenset([g[p] for p in self.subsets[x]])]


class CosetAction(Action):
    """``G`` acting on the left cosets ``G/H`` of ``H = ⟨subgroup_generators⟩``.

    Coset ``i`` is ``t_i H``, where ``t_i`` is its first element in the breadth-first order of
    :meth:`PermutationGroup.elements`; coset 0 is ``H`` itself.

    Parameters
    ----------
    group : PermutationGroup
    subgroup_generators : sequence of permutations
        Elements of ``group`` generating ``H`` (empty: ``H = 1``, the regular action).
    limits : Limits, optional
        Bounds the enumeration of ``G`` and ``H``.

    Raises
    ------
    InputError
        When a generator is not a permutation of the group's points or not in the group.
    ResourceLimitError
        When the group is too large to enumerate.

    Examples
    --------
    >>> from lcnalg.groups import symmetric_group
    >>> X = CosetAction(symmetric_group(3), [[1, 0, 2]])
    >>> X.size, X.subgroup_order
    (3, 2)
    """

    def __init__(self, group: PermutationGroup, subgroup_generators: Sequence[Sequence[int]] = (),
                 limits: Limits | None = None) -> None:
        if not isinstance(group, PermutationGroup):
            raise InputError(f"group: expected a PermutationGroup, got {checks.short(group, 40, quote=True)}")
        if isinstance(subgroup_generators, (str, bytes)) or not isinstance(subgroup_generators, Sequence):
            raise InputError("subgroup_generators: expected a list of permutations in one-line notation, got "
                             f"{checks.short(subgroup_generators, 40, quote=True)}")
        gens = [as_permutation(p, f"subgroup_generators[{i}]", group.degree)
                for i, p in enumerate(subgroup_generators)]
        limits = Limits.coerce(limits)
        elements = group.elements(limits)
        members = set(elements)
        for i, p in enumerate(gens):
            if p not in members:
                raise InputError(f"subgroup_generators[{i}]: {checks.short(list(p), 40)} is not an element of "
                                 f"the group {group.name}")
        sub = PermutationGroup(gens or [tuple(range(group.degree))], name="H")
        h_elements = sub.elements(limits)
        limits.check("max_equivariant_work", f"operations listing the cosets of {group.name}",
                     len(elements) * group.degree)
        coset_of: dict[tuple[int, ...], int] = {}
        reps = []
        for g in elements:
            if g in coset_of:
                continue
            index = len(reps)
            reps.append(g)
            for h in h_elements:
                coset_of[compose(g, h)] = index
        shown = ";".join(",".join(map(str, p)) for p in gens)
        # the trivial subgroup: the regular action (named as the user writes it)
        self.group, self.size, self.name = group, len(reps), f"cosets:{shown}" if shown else "regular"
        self.subgroup_generators = tuple(gens)
        self.subgroup_order = len(h_elements)
        self.representatives = tuple(reps)
        self._coset_of = coset_of

    def act(self, g: tuple[int, ...], x: int) -> int:
        return self._coset_of[compose(g, self.representatives[x])]

    def fixed_cost(self) -> int:
        return self.size * self.group.degree
