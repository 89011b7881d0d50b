"""2D membership: groupings of irreducible factors (docs/theory.md#planar-factorization).

When at most one layer extends along both axes, :func:`contains_2d` first takes the shorter
exact route of :mod:`lcnalg.real.contents` (contents and primitive part are forced by ``P``;
30–400x faster, no absolute factorization).  Otherwise, or with ``route="factorization"``:

``c ∈ M`` iff ``p_c(x, y) = Π_l q_l(x^{a_l}, y^{b_l})`` with real ``q_l`` supported in the
box ``[0, k_{l,1} − 1] × [0, k_{l,2} − 1]`` (``(a_l, b_l)`` the cumulative strides).

* Factor ``p`` over Q (FLINT ``fmpz_mpoly.factor``).  Any grouping of the Q-irreducible
  factors into layers whose products have the sparse shape is a real (even rational)
  factorization: **contained**, with an exact witness.
* Conversely, if every Q-irreducible factor is *absolutely* irreducible, then by unique
  factorization in ``C[x, y]`` every real factorization is such a grouping (times real
  constants), so an exhaustive search over groupings decides: **not contained**.
  Absolute irreducibility is certified by one of: total degree 1; degree 1 in one
  variable (``f = a·x + b`` with ``gcd(a, b) = 1`` over Q, hence over C); Gao's criterion
  (an integrally indecomposable Newton polygon, checked exactly over the edge vectors;
  :func:`lcnalg.polys.bivariate.absolutely_irreducible_certificate`).
* Otherwise a factor might split over R into factors that could be shared out
  differently: lcnalg computes the exact absolute factorization of every such factor
  (:mod:`lcnalg.polys.bivariate`) and searches the groupings of the irreducible factors over
  R (:mod:`lcnalg.real.planar_real`), which decides exactly.
"""

from __future__ import annotations

import functools
import math
from fractions import Fraction
from typing import Any

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, check
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.bivariate import absolutely_irreducible_certificate
from lcnalg.real.contents import contains_by_contents, pure_layer_structure
from lcnalg.real.decision import Decision, number_text, zero_decision
from lcnalg.real.grouping import grouping_search
from lcnalg.real.planar_real import check_grouping_size, real_grouping
from lcnalg.results import Witness
from lcnalg.rings import integer_ring
from lcnalg.polys.mpoly_factor import factor as mpoly_factor

__all__ = ["contains_2d"]


def contains_2d(arch: Architecture, values: tuple[Fraction, ...], limits: Limits | None = None, *,
                route: str = "auto", max_nodes: int | None = None, max_field_work: int | None = None,
                max_precision: int | None = None) -> Decision:
    """The 2D decision (see the module docstring).

    Parameters
    ----------
    arch : Architecture
        A 2D linear architecture.
    values : tuple of Fraction
        The end-to-end filter, flat row-major.
    limits : Limits, optional
        ``max_nodes`` (grouping search), ``max_field_work`` (absolute factorization),
        ``max_precision`` (exact zero tests); the keyword bounds override them.
    route : {"auto", "factorization"}
        ``"auto"`` decides architectures where at most one layer extends along both axes
        through contents and primitive part (:func:`lcnalg.real.contents.contains_by_contents`,
        exact gcds over Q, no absolute factorization); ``"factorization"`` always uses the
        factorization over Q and over R (the independent route the tests compare with).

    Returns
    -------
    Decision

    Raises
    ------
    InputError
        When ``route`` is neither.

    Examples
    --------
    >>> a = Architecture.parse("2x2,2x2")
    >>> d = contains_2d(a, tuple(map(Fraction, (1, 2, 1, 2, 4, 2, 1, 2, 1))), route="factorization")
    >>> d.answer, d.witness.exact
    (True, True)
    """
    limits = Limits.coerce(limits, max_nodes=max_nodes, max_field_work=max_field_work,
                           max_precision=max_precision)
    if all(v == 0 for v in values):
        return zero_decision(arch)
    if route not in ("auto", "factorization"):
        raise InputError(f"route: {route!r} is not 'auto' or 'factorization'")
    if route == "auto" and pure_layer_structure(arch) is not None:
        return contains_by_contents(arch, values, limits)
    grouping = _RationalGrouping(arch, values)
    found = grouping.search(limits)
    if found is not None:
        return grouping.witness(found)
    certificates = [(str(f), absolutely_irreducible_certificate(f)) for f, _ in grouping.atoms]
    if any(cert is None for _, cert in certificates):
        return real_grouping(arch, values, grouping.const, grouping.den, grouping.atoms,
                             [c for _, c in certificates], grouping.layers, limits)
    return grouping.no_grouping(certificates)


@functools.lru_cache(maxsize=8)
def _parameterization(arch: Architecture) -> Parameterization:
    """The parameterization a witness is multiplied back with (a witness search checks many
    filters of one architecture)."""
    return Parameterization(arch)


class _RationalGrouping:
    """The stages of the grouping of the Q-irreducible factors of ``p`` into the layers."""

    method = "FLINT bivariate factorization over Q"

    def __init__(self, arch: Architecture, values: tuple[Fraction, ...]) -> None:
        self.arch, self.values = arch, values
        nx, ny = arch.end_to_end_filter_shape
        self.den = math.lcm(*(v.denominator for v in values))
        self.ctx = integer_ring(("x", "y"))
        den = self.den  # v * den = numerator * (den / denominator): integers only
        p = self.ctx.from_dict({(i, j): v.numerator * (den // v.denominator) for i in range(nx) for j in range(ny)
                                for v in (values[i * ny + j],) if v})
        const, fac = mpoly_factor(p)
        self.const = int(const)
        self.atoms = [(f, int(e)) for f, e in fac]
        t = arch.cumulative_strides
        self.layers = [((f[0] - 1, f[1] - 1), t[l]) for l, f in enumerate(arch.filters)]
        self.one = self.ctx.from_dict({(0, 0): 1})
        self.factor_text = [[str(f), e] for f, e in self.atoms]

    def product(self, choice: tuple[int, ...]) -> Any:
        g = self.one
        for (f, _), c in zip(self.atoms, choice):
            g *= f ** c
        return g

    def fits(self, l: int, choice: tuple[int, ...]) -> bool:
        """Is the product of the chosen factors a polynomial in ``x^a, y^b`` inside layer ``l``'s box?"""
        (n1, n2), (a, b) = self.layers[l]
        for e in self.product(choice).monoms():
            if e[0] % a or e[1] % b or e[0] // a > n1 or e[1] // b > n2:
                return False
        return True

    def search(self, limits: Limits) -> list[tuple[int, ...]] | None:
        check_grouping_size(tuple(e for _, e in self.atoms), len(self.layers), limits, "the factors over Q")
        return grouping_search(tuple(e for _, e in self.atoms), len(self.layers), self.fits,
                               limits.budget("max_nodes", "nodes of the 2D factor-grouping search"))

    def witness(self, found: list[tuple[int, ...]]) -> Decision:
        """Contained: the exact layers of the grouping, checked to multiply back."""
        witness, exact = [], []
        for l, choice in enumerate(found):
            g = self.product(choice)
            (n1, n2), (a, b) = self.layers[l]
            coeff = [[Fraction(0)] * (n2 + 1) for _ in range(n1 + 1)]
            for e, c in g.terms():
                coeff[e[0] // a][e[1] // b] = Fraction(int(c))
            if l == 0:
                scale = Fraction(self.const) / self.den
                coeff = [[c * scale for c in row] for row in coeff]
            exact.append([c for row in coeff for c in row])
            witness.append(tuple(number_text(c) for c in exact[-1]))
        back = _parameterization(self.arch).evaluate(exact)
        check(tuple(Fraction(x) for x in back) == self.values, "2D witness does not multiply back")
        return Decision(True, self.method,
                        reason="a grouping of the irreducible factors over Q has the required sparse shape",
                        argument="exact factorization over Q (FLINT); the witness multiplies back exactly",
                        witness=Witness(filter=tuple(number_text(v) for v in self.values), layers=tuple(witness),
                                        exact=True),
                        data={"factorization": self.factor_text})

    def no_grouping(self, certificates: list[tuple[str, str | None]]) -> Decision:
        """Not contained: every factor is absolutely irreducible and no grouping fits."""
        return Decision(False, self.method,
                        reason=("not a product of the required sparse shape: no grouping of the irreducible factors "
                                f"{', '.join(str(f) for f, _ in self.atoms)} into the layers' shapes exists"),
                        argument=("every Q-irreducible factor is absolutely irreducible ("
                                  + "; ".join(f"{f}: {c}" for f, c in certificates)
                                  + "), so by unique factorization in C[x, y] every real factorization is a "
                                    "grouping of them; the exhaustive grouping search found none"),
                        data={"factorization": self.factor_text})
