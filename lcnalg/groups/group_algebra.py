r"""Linear group-convolutional networks: the end-to-end filter is a product in ``R[G]``.

A finite group ``G`` (enumerated as a permutation group, :class:`~lcnalg.groups.PermutationGroup`,
identity first) and its group algebra ``R[G]``: the functions ``a : G → R``, with the product

    ``(a · b)(h) = Σ_{g g' = h} a(g) b(g')``.

A group-convolutional layer multiplies its input ``x ∈ R[G]`` on the left by a filter
``w_l ∈ R[G]`` (``x ↦ w_l · x``, a convolution over ``G``).  Layer ``l`` has a filter supported
on a fixed subset ``S_l ⊆ G`` (its *window*), so ``L`` layers compute ``x ↦ w_L ⋯ w_1 · x``:
the network's function is the end-to-end filter

    ``μ(w_1, …, w_L) = w_L · w_{L−1} ⋯ w_1 ∈ R[G]``,

whose coordinate ``c_h`` is ``Σ_{g_L ⋯ g_1 = h, g_l ∈ S_l} Π_l w_{l, g_l}``, a multilinear form
(degree one in every layer).  For the cyclic group ``C_n = Z/n`` (``g^j ↔ z^j``) this is the
product of the filter polynomials modulo ``z^n − 1``: a circular convolution.

Architecture text (:class:`GroupConvArchitecture`)
    ``GROUP: k_1,k_2,…,k_L`` with ``GROUP`` one of the forms of
    :func:`~lcnalg.groups.parse_group` (``C<n>``, ``D<n>``, ``S<n>``, ``A<n>``, products such
    as ``C3xC2``), and layer ``l``'s window the first ``k_l`` elements of ``G`` in the
    breadth-first order of :meth:`~lcnalg.groups.PermutationGroup.elements` (``1 ≤ k_l ≤ |G|``;
    ``*`` means all of ``G``).  For ``C<n>`` that order is ``1, g, g^2, …`` with ``g`` the
    rotation ``j ↦ j + 1``, so ``k_l`` is the window ``{0, …, k_l − 1}`` of ``Z/n``: the layer
    filter is a polynomial of degree ``< k_l``.  Example: ``C6: 3,2`` (two layers on ``Z/6``,
    windows of sizes 3 and 2).  Any other window of ``Z/n`` is a translate ``z^a`` times one
    of these, and ``z^a`` is a unit, so windows starting at ``0`` lose nothing.

Algorithm
---------
The multiplication table ``t[i][j] = index(e_i e_j)`` of the enumerated elements
(:func:`~lcnalg.groups.permutations.compose`, ``e_j`` applied first) gives the product of two
elements of ``R[G]`` in ``|S| · |S'|`` operations over any ring (integers, rationals, ``GF(p)``,
polynomials).  The symbolic coordinates are built layer after layer in ``Z[w]``; a point is
evaluated with exact rationals or modulo a prime; the Jacobian column of ``w_{l,g}`` is the
product ``(w_L ⋯ w_{l+1}) · g · (w_{l−1} ⋯ w_1)`` (the map is linear in each layer), exactly.
The product is associative (it is the product of the left regular representations:
``ρ(a · b) = ρ(a) ρ(b)`` for ``ρ(a) = Σ_g a(g) P(g)``, ``P(g) e_h = e_{gh}``), which the tests
check.

References
----------
.. [CW16] T. Cohen, M. Welling, *Group equivariant convolutional networks*, ICML 2016.
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024) (the ordinary case, no wrap-around).
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from functools import cached_property
from typing import Any, Sequence

import flint

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.groups.permutations import compose
from lcnalg.groups.spec import GROUP_FORMS, parse_group
from lcnalg.limits import Limits
from lcnalg.network_map import NetworkMap
from lcnalg.rings import fmpq_residue, from_fmpq, to_fmpq

__all__ = ["GroupConvArchitecture", "GroupConvParameterization", "group_algebra_product", "SPEC_FORM"]

#: The accepted architecture text, for messages and help.
SPEC_FORM = ("GROUP: k1,k2,... with GROUP one of " + GROUP_FORMS + " and each k the size of a layer's "
             "window (1 <= k <= |G|, or * for all of G), e.g. 'C6: 3,2'")

_CYCLIC = re.compile(r"C(\d+)")


def group_algebra_product(a: Sequence[Any], b: Sequence[Any], table: Sequence[Sequence[int]]) -> list[Fraction]:
    """The product ``a · b`` in the group algebra ``Q[G]``, from the multiplication table.

    Parameters
    ----------
    a, b : sequence of exact numbers
        Coefficients indexed by the enumerated elements ``e_0, …, e_{n−1}``.
    table : sequence of sequence of int
        ``table[i][j]`` is the index of ``e_i e_j`` (an ``n × n`` table, entries in ``0..n−1``;
        :attr:`GroupConvParameterization.table`).

    Returns
    -------
    list of Fraction
        ``(a · b)[h] = Σ_{e_i e_j = e_h} a[i] b[j]``.

    Raises
    ------
    InputError
        For a table that is not ``n × n`` with entries in ``0..n−1`` (at most 2000 rows), or
        coefficients that are not ``n`` exact numbers.

    Examples
    --------
    >>> table = [[(i + j) % 3 for j in range(3)] for i in range(3)]   # Z/3
    >>> [int(x) for x in group_algebra_product([1, 1, 0], [1, 0, 2], table)]   # (1 + z)(1 + 2z^2) mod z^3 - 1
    [3, 1, 2]
    """
    rows = checks.sequence(table, "table", "an n x n multiplication table")
    n = len(rows)
    if not 1 <= n <= 2000:
        raise InputError(f"table: expected an n x n multiplication table with 1 <= n <= 2000, got {n} rows")
    clean = []
    for i, row in enumerate(rows):
        items = checks.sequence(row, f"table[{i}]", f"{n} indices")
        if len(items) != n or not all(checks.is_integer(x) and 0 <= int(x) < n for x in items):
            raise InputError(f"table[{i}]: expected {n} indices in 0..{n - 1}, got {checks.short(row, 40)}")
        clean.append([int(x) for x in items])
    vectors = []
    for name, v in (("a", a), ("b", b)):
        items = checks.sequence(v, name, f"{n} exact numbers")
        if len(items) != n:
            raise InputError(f"{name}: expected {n} exact numbers (one per element), got {len(items)}")
        vectors.append([checks.exact(x, name) for x in items])
    return [Fraction(x) for x in _multiply(vectors[0], vectors[1], clean)]


def _multiply(a: Sequence[Any], b: Sequence[Any], table: Sequence[Sequence[int]],
              modulus: int | None = None) -> list[Any]:
    """``a · b`` over any ring whose zero is ``0`` (no checks), reduced modulo ``modulus`` if given."""
    out: list[Any] = [0] * len(table)
    for i, x in enumerate(a):
        if not x:
            continue
        row = table[i]
        for j, y in enumerate(b):
            if y:
                out[row[j]] += x * y
    if modulus is not None:
        out = [v % modulus for v in out]
    return out


class GroupConvArchitecture:
    """A linear group-convolutional network: a finite group and one window per layer.

    Parameters
    ----------
    spec : str or GroupConvArchitecture
        ``"GROUP: k1,k2,..."`` (module docstring), e.g. ``"C6: 3,2"`` or ``"S3: *,2"``.
    limits : Limits, optional
        ``max_group_order`` bounds the group (checked before it is enumerated).

    Raises
    ------
    InputError
        For text of another form, naming ``spec`` and the part (the group, a window).

    Examples
    --------
    >>> a = GroupConvArchitecture("C6: 3, 2")
    >>> str(a), a.windows, a.cyclic_order, a.wraps_around
    ('C6: 3,2', (3, 2), 6, False)
    >>> GroupConvArchitecture("C4: 3,3").wraps_around
    True
    >>> GroupConvArchitecture("S3: *,2").windows
    (6, 2)
    >>> GroupConvArchitecture("C6: 7")
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: spec: layer 1 has window size 7, expected 1 <= k <= |G| = 6 (or *)
    """

    def __init__(self, spec: "str | GroupConvArchitecture", limits: Limits | None = None) -> None:
        if isinstance(spec, GroupConvArchitecture):
            spec = str(spec)
        if not isinstance(spec, str) or spec.count(":") != 1:
            raise InputError(f"spec: expected {SPEC_FORM}, got {checks.short(spec, 60, quote=True)}")
        limits = Limits.coerce(limits)
        group_text, layer_text = (part.strip() for part in spec.split(":"))
        self.group_text: str = group_text
        self.group: PermutationGroup = parse_group(group_text, limits, name="spec (GROUP)")
        self.order: int = self.group.order(limits)
        items = [x.strip() for x in layer_text.split(",")]
        if not items or any(not x for x in items):
            raise InputError(f"spec: expected comma-separated window sizes after 'GROUP:' (e.g. 'C6: 3,2'), "
                             f"got {checks.short(layer_text, 60, quote=True)}")
        windows = []
        for l, x in enumerate(items, start=1):
            if x == "*":
                windows.append(self.order)
                continue
            if not x.isdigit() or len(x) > 12:
                raise InputError(f"spec: layer {l} has window {checks.short(x, 20, quote=True)}, expected a "
                                 f"positive integer or *")
            k = int(x)
            if not 1 <= k <= self.order:
                raise InputError(f"spec: layer {l} has window size {k}, expected 1 <= k <= |G| = {self.order} "
                                 f"(or *)")
            windows.append(k)
        #: Window sizes, layer 1 first.
        self.windows: tuple[int, ...] = tuple(windows)
        match = _CYCLIC.fullmatch(group_text)
        #: ``n`` when the group is ``C<n>`` (elements ``g^j`` in order), else None.
        self.cyclic_order: int | None = int(match.group(1)) if match else None
        #: No channels and no activation (read by the shared dimension code).
        self.channels = None
        self.activation = None

    @property
    def num_layers(self) -> int:
        """Number of layers ``L``."""
        return len(self.windows)

    @property
    def filters(self) -> tuple[tuple[int], ...]:
        """Shapes of the layer filters (one axis: the window)."""
        return tuple((k,) for k in self.windows)

    @property
    def wraps_around(self) -> bool | None:
        """For ``C<n>``: whether ``Σ (k_l − 1) ≥ n`` (the product of the filter polynomials has
        degree ``≥ n`` and is reduced modulo ``z^n − 1``); None for other groups."""
        if self.cyclic_order is None:
            return None
        return sum(k - 1 for k in self.windows) >= self.cyclic_order

    @property
    def lcn_text(self) -> str:
        """The ordinary 1D architecture with the same filter sizes (``"3,2"`` for ``C6: 3,2``)."""
        return ",".join(str(k) for k in self.windows)

    def merged_over_c(self) -> "GroupConvArchitecture":
        """Itself (no stride-one merging applies to a group convolution)."""
        return self

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GroupConvArchitecture) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))

    def __str__(self) -> str:
        return f"{self.group_text}: " + ",".join(str(k) for k in self.windows)

    def __repr__(self) -> str:
        return f"GroupConvArchitecture({str(self)!r})"


class GroupConvParameterization(NetworkMap):
    """The map ``(w_1, …, w_L) ↦ w_L ⋯ w_1`` of a linear group-convolutional network.

    Weights ``w{l}_{i}``: the coefficient of layer ``l`` at the ``i``-th element of ``G``
    (``i < k_l``); coordinates ``c{h}``: the end-to-end filter at the ``h``-th element (for
    ``C<n>``: the coefficient of ``z^h``).

    Parameters
    ----------
    arch : GroupConvArchitecture or str
    limits : Limits, optional

    Examples
    --------
    >>> mu = GroupConvParameterization("C3: 2,2,2")     # wraps: (a0 + a1 z)(b0 + b1 z)(c0 + c1 z) mod z^3 - 1
    >>> mu.coordinates[0]
    w1_0*w2_0*w3_0 + w1_1*w2_1*w3_1
    >>> mu.evaluate([1, 1, 1, 1, 1, 1])                 # (1 + z)^3 = 1 + 3z + 3z^2 + z^3
    (2, 3, 3)
    >>> mu.jacobian_rank(mu.random_point(seed=0))
    3
    """

    def __init__(self, arch: GroupConvArchitecture | str, *, limits: Limits | None = None) -> None:
        self.limits = Limits.coerce(limits)
        self.architecture = arch if isinstance(arch, GroupConvArchitecture) else GroupConvArchitecture(
            arch, self.limits)
        arch = self.architecture
        n = arch.order
        self.limits.check("max_equivariant_work", f"entries of the multiplication table of {arch.group_text}",
                          n * n * arch.group.degree)
        elements = arch.group.elements(self.limits)
        index = {g: i for i, g in enumerate(elements)}
        #: ``table[i][j]``: the index of ``e_i e_j``.
        self.table: tuple[tuple[int, ...], ...] = tuple(
            tuple(index[compose(g, h)] for h in elements) for g in elements)
        #: The enumerated elements (one-line notation), identity first.
        self.elements = elements
        self.parameter_names = tuple(f"w{l}_{i}" for l, k in enumerate(arch.windows, start=1) for i in range(k))
        self.coordinate_names = tuple(f"c{h}" for h in range(n))
        start, slices = 0, []
        for k in arch.windows:
            slices.append((start, start + k))
            start += k
        self.layer_slices = tuple(slices)
        #: Degree of every coordinate in each layer's weights.
        self.layer_degrees: tuple[int, ...] = (1,) * arch.num_layers
        self.input_shape = (n,)

    # ----------------------------------------------------------------- sizes
    @property
    def num_terms(self) -> int:
        """Terms of all coordinates together: ``Π_l k_l`` (every choice of one element per window)."""
        return math.prod(self.architecture.windows)

    @cached_property
    def support(self) -> frozenset[int]:
        """Indices of the coordinates not identically zero: the products ``S_L ⋯ S_1`` of the windows."""
        reach = {0}
        for k in self.architecture.windows:
            reach = {self.table[g][h] for g in range(k) for h in reach}
        return frozenset(reach)

    def permute_inputs(self, perm: tuple[int, ...]) -> tuple[int, ...]:
        """Refused: no coordinate symmetry is used for group convolutions.

        Raises
        ------
        InputError
            Always.
        """
        raise InputError("perm: coordinate symmetries are not used for group-convolutional networks")

    # ------------------------------------------------------------- symbolic
    @cached_property
    def coordinates(self) -> tuple[flint.fmpz_mpoly, ...]:
        """The coordinates ``c_h`` as multilinear polynomials in ``Z[w]``.

        Raises
        ------
        ResourceLimitError
            When ``Π_l k_l`` terms times the weights exceed ``limits.max_symbolic_entries``.
        """
        self.limits.check("max_symbolic_entries", f"exponent entries (terms x weights) of the symbolic mu of "
                          f"{self.architecture}", self.num_terms * self.num_parameters)
        ctx = self.ring
        gens = ctx.gens()
        zero = ctx.from_dict({})
        lo, hi = self.layer_slices[0]
        current = [zero] * self.architecture.order
        for i in range(hi - lo):
            current[i] = gens[lo + i]
        for lo, hi in self.layer_slices[1:]:
            current = _multiply(list(gens[lo:hi]), current, self.table)
            current = [zero if isinstance(c, int) else c for c in current]
        return tuple(current)

    # ------------------------------------------------------------- points
    def filters(self, theta: Any, modulus: int | None = None) -> list[list[Any]]:
        """The layer filters as elements of ``R[G]`` (length ``|G|``, zero off the window):
        exact rationals (``flint.fmpq``) or residues modulo ``modulus``.

        Examples
        --------
        >>> GroupConvParameterization("C4: 2,1").filters([1, 2, 3])
        [[1, 2, 0, 0], [3, 0, 0, 0]]
        """
        n = self.architecture.order
        out = []
        for l, coeffs in enumerate(self.split(theta), start=1):
            values = [to_fmpq(x, f"point (layer {l})") for x in coeffs]
            if modulus is not None:
                values = [fmpq_residue(x, modulus) for x in values]
            out.append(list(values) + [0] * (n - len(values)))
        return out

    def _product(self, filters: list[list[Any]], modulus: int | None) -> list[Any]:
        """``w_L ⋯ w_1`` for the given layer filters (full length)."""
        current = filters[0]
        for w in filters[1:]:
            current = _multiply(w, current, self.table, modulus)
        return current

    def evaluate(self, theta: Any) -> tuple:
        """The end-to-end filter ``w_L ⋯ w_1``, exactly (ints, or Fractions when not integral).

        Raises
        ------
        InputError
            For a point of the wrong shape or with non-exact entries.

        Examples
        --------
        >>> GroupConvParameterization("C4: 3,3").evaluate([1, 0, 1, 1, 0, 1])   # (1 + z^2)^2 mod z^4 - 1
        (2, 0, 2, 0)
        """
        return tuple(from_fmpq(flint.fmpq(v)) for v in self._product(self.filters(theta), None))

    def evaluate_mod(self, theta: Any, modulus: int) -> tuple[int, ...]:
        """``w_L ⋯ w_1`` modulo a prime ``2 ≤ p < 2**63``.

        Examples
        --------
        >>> GroupConvParameterization("C4: 3,3").evaluate_mod([1, 0, 1, 1, 0, 1], 2)
        (0, 0, 0, 0)
        """
        modulus = checks.modulus(modulus)
        return tuple(int(v) for v in self._product(self.filters(theta, modulus), modulus))

    def jacobian_at(self, theta: Any, modulus: int | None = None) -> flint.fmpq_mat | flint.nmod_mat:
        """The Jacobian at ``θ`` (rows: coordinates, columns: weights), exactly over Q or modulo
        a prime: the column of ``w_{l,g}`` is ``(w_L ⋯ w_{l+1}) · g · (w_{l−1} ⋯ w_1)``.

        Raises
        ------
        ResourceLimitError
            When ``(weights + 2L) · |G|^2`` exceeds ``limits.max_equivariant_work``.

        Examples
        --------
        >>> GroupConvParameterization("C3: 2,2").jacobian_at([1, 2, 3, 5]).tolist()
        [[3, 0, 1, 0], [5, 3, 2, 1], [0, 5, 0, 2]]
        """
        if modulus is not None:
            modulus = checks.modulus(modulus)
        n = self.architecture.order
        self.limits.check("max_equivariant_work", f"operations of the Jacobian of {self.architecture} (one product "
                          f"in R[G] per weight, weights x |G|^2)", (self.num_parameters + 2 * len(self.layer_slices))
                          * n * n)
        filters = self.filters(theta, modulus)
        one = [1] + [0] * (n - 1)
        L = len(filters)
        right = [one]                      # right[l] = w_l ⋯ w_1 (right[0] = 1)
        for w in filters:
            right.append(_multiply(w, right[-1], self.table, modulus))
        left = [one]                       # left[j] = w_L ⋯ w_{L-j+1}
        for w in reversed(filters):
            left.append(_multiply(left[-1], w, self.table, modulus))
        columns = []
        for l, k in enumerate(self.architecture.windows):
            outer, inner = left[L - 1 - l], right[l]
            for g in range(k):
                shifted = [0] * n
                for h, v in enumerate(inner):
                    if v:
                        shifted[self.table[g][h]] = v
                columns.append(_multiply(outer, shifted, self.table, modulus))
        rows = [[columns[c][h] for c in range(len(columns))] for h in range(n)]
        if modulus is not None:
            return flint.nmod_mat([[int(x) for x in r] for r in rows], modulus)
        return flint.fmpq_mat([[flint.fmpq(x) for x in r] for r in rows])

    def __repr__(self) -> str:
        return f"GroupConvParameterization({str(self.architecture)!r})"

