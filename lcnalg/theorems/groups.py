"""Statements about the linear maps equivariant under a finite permutation group
(docs/theory.md#equivariant-maps), indexed by a group with two sets it acts on
(:class:`~lcnalg.theorems.cases.GroupCase`).

* :class:`BurnsideOrbits`: ``dim Hom_G(R^X, R^Y)`` is the number of ``G``-orbits on ``Y × X``,
  which Burnside's lemma gives as ``(1/|G|) Σ_g fix_X(g) fix_Y(g)``.  The prediction is
  Burnside's average, evaluated here over the enumerated group from the point maps alone; the
  observation is lcnalg's orbit basis (:func:`lcnalg.groups.orbits_on_pairs`) and, within
  ``max_commutant_entries``, the exact nullity of the dense commutation system
  (:func:`lcnalg.groups.commutant_nullspace`), the dimension by its definition.
* :class:`KondorTrivedi`: for transitive actions (``X = G/H``, ``Y = G/K``) the group
  convolutions ``A_κ`` with bi-invariant kernels ``κ`` are exactly the equivariant maps, and
  ``κ ↦ A_κ`` is injective.  The check takes lcnalg's double-coset kernels
  (:func:`lcnalg.groups.bi_invariant_kernels`) and the literal convolution sums
  (:func:`lcnalg.groups.convolution_matrix`), tests here that every ``A_κ`` commutes with every
  generator and that they are independent (exact rank), and compares their number with the
  dimension of the commutant from the orbit basis: independent equivariant maps as many as the
  dimension span the commutant.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import flint

from lcnalg.errors import ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.theorems.base import Check
from lcnalg.theorems.cases import CaseTheorem, GroupCase

__all__ = ["BurnsideOrbits", "KondorTrivedi", "burnside_average"]


def burnside_average(elements: Any, on: Any, to: Any) -> Fraction:
    """``(1/|G|) Σ_g fix_X(g) fix_Y(g)`` from the point maps ``on.act``, ``to.act``.

    Examples
    --------
    >>> from lcnalg.groups import TupleAction, cyclic_group
    >>> G = cyclic_group(4)
    >>> burnside_average(G.elements(), TupleAction(G, 1), TupleAction(G, 1))
    Fraction(4, 1)
    """
    total = 0
    for g in elements:
        fx = sum(1 for x in range(on.size) if on.act(g, x) == x)
        fy = sum(1 for y in range(to.size) if to.act(g, y) == y)
        total += fx * fy
    return Fraction(total, len(elements))


class BurnsideOrbits(CaseTheorem):
    """``dim Hom_G(R^X, R^Y) = (1/|G|) Σ_g fix_X(g) fix_Y(g)`` (the orbits on ``Y × X``)."""

    name = "burnside-orbits"
    statement = ("The G-equivariant linear maps R^X -> R^Y of a finite permutation group G have dimension the "
                 "number of G-orbits on Y x X, which is (1/|G|) sum_g fix_X(g) fix_Y(g) (Burnside's lemma).")
    latex = (r"\dim \operatorname{Hom}_G(\mathbb{R}^X, \mathbb{R}^Y) = |G \backslash (Y \times X)| = "
             r"\frac{1}{|G|}\sum_{g \in G} \operatorname{fix}_X(g)\,\operatorname{fix}_Y(g)")
    source = "docs/theory.md#equivariant-maps (orbit basis, proved here; Burnside's lemma)"
    status = "proved"
    family_kind = "groups"

    def hypotheses(self, case: GroupCase) -> str | None:
        return None

    def predict(self, elements: Any, on: Any, to: Any) -> Any:
        """The statement's prediction: Burnside's average."""
        return burnside_average(elements, on, to)

    def compare(self, case: GroupCase, *, seed: int, limits: Limits, space: Any) -> Check:
        from lcnalg.groups import commutant_nullspace, orbits_on_pairs  # deferred: the listing does not need them

        group, on, to = case.resolve(limits)
        elements = group.elements(limits)
        limits.check("max_equivariant_work", "operations of Burnside's average",
                     len(elements) * (on.size + to.size) * group.degree)
        predicted = self.predict(elements, on, to)
        _, orbits = orbits_on_pairs(on, to, limits)
        observed = {"orbit basis": orbits}
        how = "exact: orbit basis"
        try:
            observed["nullity"] = commutant_nullspace(group, on, to, limits).ncols()
            how += " and nullity of the dense commutation system (FLINT)"
        except ResourceLimitError as exc:
            how += f" (the dense system is beyond max_commutant_entries: {exc})"
        text = ", ".join(f"{k} {v}" for k, v in observed.items())
        if all(v == predicted for v in observed.values()):
            return Check(self.name, str(case), "held", str(predicted), text, reason=how)
        return Check(self.name, str(case), "counterexample", str(predicted), text,
                     witness=f"{case} (|G| = {len(elements)}, |X| = {on.size}, |Y| = {to.size}): dim Hom_G computed "
                             f"{text}, statement predicts {predicted}")


class KondorTrivedi(CaseTheorem):
    """Kondor–Trivedi: on homogeneous spaces the equivariant maps are exactly the convolutions
    with bi-invariant kernels, and ``κ ↦ A_κ`` is injective."""

    name = "kondor-trivedi"
    statement = ("For a finite group G acting transitively on X = G/H and Y = G/K, kappa -> A_kappa, "
                 "A_kappa[y, x] = sum_{g x_0 = x} kappa(s_y^-1 g), maps the bi-invariant kernels "
                 "(kappa(k g h) = kappa(g)) bijectively onto the G-equivariant linear maps R^X -> R^Y.")
    latex = (r"\kappa \mapsto A_\kappa,\ A_\kappa[y,x] = \sum_{g x_0 = x} \kappa(s_y^{-1} g):\ "
             r"\mathbb{R}^{K\backslash G/H} \xrightarrow{\ \sim\ } \operatorname{Hom}_G(\mathbb{R}^{G/H}, "
             r"\mathbb{R}^{G/K})")
    source = ("[KT18] Kondor and Trivedi, ICML 2018, Theorem 1 (stated for compact groups; finite groups "
              "proved in docs/theory.md#equivariant-maps)")
    status = "proved"
    family_kind = "groups"

    def hypotheses(self, case: GroupCase) -> str | None:
        from lcnalg.groups import parse_action, parse_group  # deferred: as in compare

        limits = Limits()
        group = parse_group(case.group, limits)
        for name, text in (("X", case.on), ("Y", case.to)):
            orbits = len(parse_action(group, text, limits, name=name).orbits())
            if orbits != 1:
                return f"{name} = {text} is not transitive ({orbits} orbits): not a homogeneous space"
        return None

    def compare(self, case: GroupCase, *, seed: int, limits: Limits, space: Any) -> Check:
        from lcnalg.groups import bi_invariant_kernels, convolution_matrix, orbits_on_pairs  # deferred: as above

        group, on, to = case.resolve(limits)
        _, dimension = orbits_on_pairs(on, to, limits)
        kernels = bi_invariant_kernels(group, on, to, limits)
        limits.check("max_equivariant_work", "operations of the convolution sums",
                     len(kernels) * (to.size + 1) * group.order(limits) * group.degree)
        matrices = [convolution_matrix(group, on, to, k, limits) for k in kernels]
        pairs = list(zip(on.generator_images(), to.generator_images()))
        for i, A in enumerate(matrices):
            for gx, gy in pairs:
                bad = next(((y, x) for y in range(to.size) for x in range(on.size) if A[gy[y]][gx[x]] != A[y][x]), None)
                if bad is not None:
                    return Check(self.name, str(case), "counterexample", f"{dimension} equivariant convolutions",
                                 f"A_kappa of double coset {i} is not equivariant",
                                 witness=f"{case}: A_kappa[g y, g x] != A_kappa[y, x] at (y, x) = {bad} for the "
                                         f"generator acting as {gx} on X")
        rank = flint.fmpq_mat([[flint.fmpq(v.numerator, v.denominator) if isinstance(v, Fraction) else v
                                for row in A for v in row] for A in matrices]).rank() if matrices else 0
        predicted = (dimension, dimension)
        observed = (len(kernels), rank)
        text = f"{len(kernels)} double cosets, convolutions of rank {rank}"
        if observed == predicted:
            return Check(self.name, str(case), "held", f"dim Hom_G = {dimension}", text,
                         reason="exact: every A_kappa commutes with every generator; FLINT rank")
        return Check(self.name, str(case), "counterexample", f"dim Hom_G = {dimension}", text,
                     witness=f"{case}: {text}, but the orbit basis gives dim Hom_G = {dimension}")
