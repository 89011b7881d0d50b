"""Semi-algebraic description of the function space (1D stride one in this module; the other families are dispatched).

docs/theory.md#stride-one: for stride one in 1D, ``M`` is the set of binary forms of degree ``d = k − 1``
with at least ``m = #{l : k_l even}`` real roots counted with multiplicity (roots at
infinity included).  lcnalg turns this into exact polynomial sign conditions:

* **Charts.** ``p(z) = Σ c_j z^j``.  For ``λ`` in ``(∞, 0, 1, …, d−1)`` take the first with
  nonzero top coefficient of ``p̃_λ(u) = u^d p(λ + 1/u)`` (``p̃_∞ = p``, top coefficient
  ``c_d``; ``p̃_λ`` has top coefficient ``p(λ)``).  A real Möbius transformation keeps the
  real roots with multiplicity and moves the roots at infinity to finite ones; a nonzero
  ``p`` with ``c_d = 0`` has at most ``d − 1`` roots, so one of the ``λ`` works.
* **Count.** Sturm–Habicht principal coefficients ``s_d, …, s_0`` of ``(g, g')`` (signed
  subresultants; polynomials in the coefficients): ``PmV(s_d, …, s_0)`` is the number of
  distinct real roots of ``g`` (Basu–Pollack–Roy Thm. 4.33); the last nonzero ``s_j`` gives
  ``gcd(g, g') ∝ sRes_j(g, g')``, and the count with multiplicity is ``Σ_i PmV`` along the
  chain ``g_0 = p̃_λ``, ``g_{i+1} = sRes_{j_i}(g_i, g_i')``.
* **Generic chart** (``c_d ≠ 0``, discriminant ``≠ 0``, every ``s_j ≠ 0``):
  ``c ∈ M ⇔ Var(s_d, …, s_0) ≤ (d − m)/2`` (sign changes), since then ``PmV = d − 2 Var``.

The boundary is in :mod:`lcnalg.real.boundary`: ``M`` is closed, and a form's nearby forms have at least as many real roots
as it has real roots of *odd* multiplicity (and some have exactly that many: perturb
``(z − a)^μ`` to ``(z − a)^μ + ε``), so ``∂M = {c ∈ M : #real roots of odd multiplicity
(infinity included) < m}`` plus ``0`` when ``M ≠ R^k``: every such nonzero form has a
repeated root, so ``∂M`` lies in the discriminant hypersurface ``Disc(c) = 0``
(discriminant of the form of formal degree ``d``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field, replace
from typing import Any

from lcnalg import checks
from lcnalg.algebra.implicitization import implicit_equations
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.limits import Limits
from lcnalg.parameterization import parameterize
from lcnalg.polys.univariate import real_roots_projective, symbolic_sturm_habicht
from lcnalg.printing import align, function_space_symbol
from lcnalg.real.closedness import ClosednessResult
from lcnalg.real.contents import content_member, pure_layer_structure
from lcnalg.real.description import (ClosedCase, RealDescription, min_real_roots, stride_one_1d, ambient, closed_case, embedding_head,
                                     equations_limitation, linear_architecture, one_channel_architecture,
                                     ambient, undecided_text, vanish)
from lcnalg.real.embedding import CoordinateEmbedding, coordinate_embedding
from lcnalg.real.membership import parse_filter
from lcnalg.real.orbit_description import orbit_member
from lcnalg.real.orbit_tilings import orbit_model
from lcnalg.real.patterns import PatternTable, pattern_entry, pattern_table, pattern_text, stride_one_2d
from lcnalg.real.polyphase import last_layer_strided, polyphase_member
from lcnalg.real.polyphase_2d import polyphase_2d_member, polyphase_2d_shape, why_not_polyphase
from lcnalg.real.polyphase_head_2d import levels_member, levels_v_member

__all__ = ["InequalitiesResult", "inequalities"]


@dataclass(frozen=True, kw_only=True)
class InequalitiesResult(RealDescription):
    """A semi-algebraic description of ``M`` (or why lcnalg has none).

    The fields shared with the boundary are those of
    :class:`~lcnalg.real.description.RealDescription`.

    Attributes
    ----------
    degree : int or None
        ``d = k − 1``.
    sturm_habicht : tuple of str
        ``s_d, …, s_0`` as polynomials in ``c_0..c_d`` (``^`` for powers; empty above
        ``limits.max_symbolic_degree``).
    family : str
        Which description: ``"stride one"``, ``"closed"`` (equations only),
        ``"last layer strided"`` (the polyphase-gcd conditions of :mod:`lcnalg.real.polyphase`),
        ``"2D contents"`` (at most one layer along both axes, :mod:`lcnalg.real.contents`),
        ``"2D factorization patterns"`` (2D stride one, :mod:`lcnalg.real.patterns`),
        ``"2D factor groupings"`` (2D with a strided layer: the reduction to groupings), or
        ``"root orbits"`` (1D, any strides: the root-orbit types of
        :mod:`lcnalg.real.orbit_description`).
    conditions : dict of str to str
        The computable polynomials the conditions are stated on: name → a sympy-parsable
        expression in the coordinates (``sympy.parse_expr(expression, local_dict=values)``
        with a filter's values for the coordinates evaluates it at that filter; its calls,
        ``resultant``, ``gcd``, ``degree``, are sympy's).  ``"root orbits"``: ``P``,
        ``class_polynomial`` (``resultant(P(z), w - z**T, z)``), ``class_members``
        (``gcd(P(z), z**T - a)`` for a root ``a`` of it) and ``roots_at_infinity``;
        ``"2D factor groupings"`` decided by the polyphase gcd: ``P``, its polyphase components
        ``P_r_s`` in ``u = x^a, v = y^b``, ``G`` (their gcd) and the least bidegree ``need`` of
        ``Q`` (the real factors of ``G`` must share out among the boxes with total ``≥ need``);
        an expression may name an earlier entry (``G = gcd(P_0_0, …)``).
    m_data : tuple of int
        ``"last layer strided"``: ``(n_A, m, n, s)`` (degree of the stride-one part, its number
        of even sizes, degree of the last layer, its stride); ``"2D factor groupings"`` decided by
        the polyphase gcd: ``(a, b, n_1x, n_1y, n_2x, n_2y, …)`` (the stride of layers ``2..L`` and
        the boxes).
    patterns : tuple of dict
        ``"2D factorization patterns"``: every pattern of ``Π_V`` (``in_M`` says whether it is in
        ``Π_M``) with its factor types, a grouping into the layers, the bidegree conditions as
        sympy-parsable strings, and the factorization condition in words.
    pattern_counts : dict
        ``{"types", "patterns", "in_V", "in_M", "work"}`` of the enumeration.
    table
        Not exported: the :class:`~lcnalg.real.patterns.PatternTable` behind ``holds_at``.
    """

    degree: int | None = None
    sturm_habicht: tuple[str, ...] = ()
    family: str = ""
    m_data: tuple[int, ...] = ()
    conditions: dict = field(default_factory=dict)
    patterns: tuple[dict, ...] = ()
    pattern_counts: dict = field(default_factory=dict)
    table: Any = field(default=None, repr=False, compare=False, metadata={"export": False})

    title = "inequalities"

    def holds_at(self, filt: Any, *, limits: Limits | None = None) -> bool:
        """Evaluate the description at an exact filter (row-major).

        ``limits`` bounds the exact tests (``max_root_work``: the real-root counts, degree³;
        the bounds of :func:`~lcnalg.real.membership.contains`).

        Examples
        --------
        >>> ineq = inequalities("2,2,2")
        >>> ineq.holds_at([0, -1, 0, 1]), ineq.holds_at([1, 0, 1, 0])
        (True, False)
        >>> r = inequalities("2x2,2x2", equations=False); r.family
        '2D factorization patterns'
        >>> r.holds_at([1, 2, 1, 2, 4, 2, 1, 2, 1]), r.holds_at([1, 0, 0, 0, 2, 0, 1, 0, 1])   # (1+x)^2(1+y)^2; q conj(q)
        (True, False)
        """
        if not self.decided:
            raise InputError(f"no description available: {self.limitations}")
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.inner is not None:
            sub = self.embedding.restrict(c)
            return sub is not None and self.inner.holds_at(list(sub), limits=limits)
        if self.everything:
            return True
        if self.closed:
            return vanish(self, c, limits)
        if self.family == "last layer strided":
            return polyphase_member(arch, c, limits)[0]
        if self.family == "2D contents":
            return content_member(arch, c, limits)[0]
        if self.family == "root orbits":
            return orbit_member(arch, c, limits).in_function_space
        if self.family == "2D factor groupings":
            if polyphase_2d_shape(arch) is not None:
                return polyphase_2d_member(arch, c, limits).in_function_space
            return levels_member(arch, c, limits).in_function_space
        if self.family == "2D factorization patterns":
            table = self.table if isinstance(self.table, PatternTable) else pattern_table(arch, limits)
            return table.contains(c, limits)
        if all(x == 0 for x in c):
            return True
        return real_roots_projective(c, limits) >= self.m

    def variety_holds_at(self, filt: Any, *, limits: Limits | None = None) -> bool:
        """Exact test: is the filter in ``V(R)``, the real points of the Zariski closure of ``M``?

        ``V(R) = μ(C^N) ∩ R^k`` (docs/theory.md#complex-image) is decided by the complex analogue of
        the description, with no implicit equation: ``R^k`` for 1D stride one; the polyphase gcd
        (``"last layer strided"``, :func:`~lcnalg.real.polyphase.polyphase_member`); the root-orbit
        types (``"root orbits"``); the factorization patterns (``π(P) ∈ Π_V``); for every other 2D
        linear family (``"2D contents"``, ``"2D factor groupings"``) the absolute factors level by level
        (:func:`~lcnalg.real.polyphase_head_2d.levels_v_member`, docs/theory.md#polyphase-head-2d), or the
        polyphase gcd when layer 1 is the only layer at stride one.  When ``M = V(R)`` it is
        :meth:`holds_at`.  ``limits`` bounds the exact tests as for :meth:`holds_at`.

        Raises
        ------
        InputError
            When no description was derived.

        Examples
        --------
        >>> r = inequalities("2x2,2x2,2x2 s=2x1,2x1", equations=False)
        >>> p = [0] * 32; p[0] = p[2] = p[16] = p[18] = 1            # (x^4 + 1)(y^2 + 1): y ± i in two layers
        >>> r.holds_at(p), r.variety_holds_at(p)
        (False, True)
        >>> r = inequalities("3,2 s=2"); r.holds_at([1, 0, 0, 0, 1]), r.variety_holds_at([1, 0, 0, 0, 1])
        (False, True)
        """
        if not self.decided:
            raise InputError(f"no description available: {self.limitations}")
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.inner is not None:              # coordinates vanishing on M vanish on V
            sub = self.embedding.restrict(c)
            return sub is not None and self.inner.variety_holds_at(list(sub), limits=limits)
        if self.everything or (arch.ndim == 1 and stride_one_1d(arch)):
            return True                          # 1D stride one: every complex polynomial splits into layers
        if self.closed:
            return vanish(self, c, limits)
        if self.family == "last layer strided":
            return polyphase_member(arch, c, limits)[1]
        if self.family == "root orbits":
            return orbit_member(arch, c, limits).in_variety
        if self.family == "2D factorization patterns":
            table = self.table if isinstance(self.table, PatternTable) else pattern_table(arch, limits)
            pattern = table.pattern_of(c, limits)
            return pattern is None or table.in_v(pattern)
        if arch.ndim == 2 and arch.activation is None:
            if polyphase_2d_shape(arch) is not None:
                return polyphase_2d_member(arch, c, limits).in_v
            return levels_v_member(arch, c, limits).in_v
        raise InputError(f"V(R) is not described for {self.architecture} ({self.family or 'no family'})")

    def to_text(self) -> str:
        lines = [f"inequalities for M[{self.architecture}]:"]
        if self.description:
            lines.append(self.description)
        if self.patterns:
            lines.extend(_patterns_text(self))
        if self.sturm_habicht:
            d = self.degree
            for j, s in enumerate(self.sturm_habicht):
                lines.append(f"  s{d - j} = {s}")
        if self.equations:
            lines.append(f"equations ({self.equations_status}):")
            lines.extend(f"  {e} = 0" for e in self.equations)
        if self.limitations:
            lines.append(f"limitations: {self.limitations}")
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if not self.decided:
            return rf"${sym}$: no description derived"
        k = ambient(self.architecture)
        if self.everything:
            return rf"${sym} = \mathbb{{R}}^{{{k}}}$"
        if self.family == "2D factorization patterns":
            return _patterns_latex(self, sym)
        if self.family == "2D factor groupings":
            return ("% the real irreducible factors f_i of P over R, from the exact absolute factorization; "
                    "layer l at cumulative stride (a_l, b_l) with box n_l\n"
                    rf"${sym} = \{{P : P = 0\ \text{{or}}\ \exists\, I_1 \sqcup \dots \sqcup I_L "
                    r"= \{\text{factors of } P\}:\ \prod_{i \in I_l} f_i \in \mathbb{R}[x^{a_l}, y^{b_l}],\ "
                    r"\deg \prod_{i \in I_l} f_i \le (a_l n_{l,1}, b_l n_{l,2})\}$")
        if self.family == "2D contents":
            return ("% P = A(x) B(y) r(x^a, y^b): A = cont_y(P), B = cont_x(P), r primitive (forced by P)\n"
                    rf"${sym} = \{{P : P = 0\ \text{{or}}\ r \in \mathbb{{R}}[x^a, y^b],\ "
                    r"(d_u, d_v) = \deg r \le (m_x, m_y),\ A \in \mathcal{M}(A^x_{m_x - d_u}),\ "
                    r"B \in \mathcal{M}(A^y_{m_y - d_v})\}$")
        if self.family == "root orbits":
            levels = ", ".join(str(t) for t in self.m_data)
            model = orbit_model(Architecture.parse(self.architecture))
            return ("% kappa(P): the root-orbit type of P (classes a = r^T, multiplicities on Z/T); "
                    "C(B), R(B): count vectors of the coset tilings of a block B (complex; real, with real-root vectors)\n"
                    rf"${sym} = \{{P : P = 0\ \text{{or}}\ (N, m) \in \textstyle\sum_{{B \in \kappa(P)}} R(B)\}},\quad "
                    rf"V(\mathbb{{R}}) = \{{P : P = 0\ \text{{or}}\ N \in \textstyle\sum_{{B \in \kappa(P)}} C(B)\}}$"
                    rf" (levels $T_j = {levels}$, $N = {model.N}$, $m = {model.m}$)")
        if self.family == "last layer strided":
            n_a, m, n, st = self.m_data
            return ("% P = A(z) q(z^s); G = gcd of the polyphase components P_r, P = sum_r z^r P_r(z^s)\n"
                    rf"${sym} = \{{P : P = 0\ \text{{or}}\ {n} \le \#_{{\mathbb{{R}}}}(G) + k_\infty + 2\,\#_{{\mathrm{{pairs}}}}(G)"
                    rf"\ \text{{and}}\ R(P) - \kappa_{{{st}}}(G) \ge {m}\}}$"
                    rf" ($\kappa$: real roots of $P$ used by the cheapest conjugation-closed choice of {n} roots)")

        if self.closed:
            head = (f"% {self.equations_status} implicit equations; no inequality is needed\n"
                    rf"${sym} = V(\mathbb{{R}}) = \{{c \in \mathbb{{R}}^{{{k}}} : f_i(c) = 0\}}$"
                    + (":" if self.equations else r" (equations not computed)."))
            if not self.equations:
                return head
            rows = [(f"f_{{{i + 1}}}", tex)
                    for i, tex in enumerate(self.latex_polynomials(self.equations, self.polynomials))]
            return head + "\n" + align(rows)
        top = f"c_{{{self.degree}}}"
        if self.embedding is not None:
            top = "c_{" + self.embedding.rename(f"c{self.degree}")[1:].replace("_", ",") + "}"
        lines = [rf"{sym} = \overline{{\{{c : {top} \neq 0,\ \operatorname{{Disc}}(c) \neq 0,\ "
                 rf"\operatorname{{Var}}(s_{{{self.degree}}}, \dots, s_0) \le {(self.degree - self.m) // 2}\}}}}"]
        rows = [(rf"s_{{{self.degree - j}}}", tex)
                for j, tex in enumerate(self.latex_polynomials(self.sturm_habicht, self.expressions))]
        return "$" + lines[0] + "$, where\n" + align(rows)


def _polyphase_result(arch: Architecture, shape: tuple[int, int, int, int], start: float) -> InequalitiesResult:
    n_a, m, n, s = shape
    cost = ("a root a of q uses the real roots of z^s = a: s for a = 0 or ∞, " +
            ("2 for a > 0, 0 for a < 0" if s % 2 == 0 else "1 for a real a ≠ 0") + ", 0 for a pair a, ā")
    description = (
        f"M ⊊ V(R) is not closed. P = A(z)·q(z^{s}) with A a product of the stride-one layers (degree {n_a}, "
        f"m = {m} of even size) and q the last layer (degree n = {n}). With P = Σ_r z^r P_r(z^{s}) and "
        f"G = gcd(P_0, …, P_{s - 1}) (q(z^{s}) | P ⇔ q | G), k_∞ = ⌊(D − deg P)/{s}⌋ roots at infinity: "
        f"P ∈ M ⇔ P = 0, or n ≤ #real(G) + k_∞ + 2·#pairs(G) and R(P) − κ ≥ m, where R(P) counts the real roots "
        f"of P with multiplicity (infinity included) and κ is the sum of the j = max(n mod 2, n − 2·#pairs(G)) "
        f"smallest costs among the real roots of G and the k_∞ points at infinity ({cost}). "
        f"P ∈ V(R) ⇔ P = 0 or n ≤ deg G + k_∞")
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=False,
        family="last layer strided", m=m, m_data=shape, degree=arch.end_to_end_filter_shape[0] - 1,
        description=description,
        limitations=("the conditions are stated through G (subresultants of the polyphase components) and "
                     "Sturm counts of its squarefree parts, evaluated exactly at a point by holds_at(); they "
                     "are not expanded as polynomials in c"),
        method="polyphase gcd (C[z]/(q(z^s)) is free over C[w]/(q)) + real-root condition of docs/theory.md#stride-one "
               "(lcnalg.real.polyphase)",
        seconds=time.perf_counter() - start)


def _orbit_result(arch: Architecture, closed: bool | None, start: float, why: str = "") -> InequalitiesResult:
    """1D, any strides, not closed: the root-orbit types (:mod:`lcnalg.real.orbit_description`)."""
    model = orbit_model(arch)
    D, T = model.degree, model.T
    poly = " + ".join(f"c{j}*z**{j}" for j in range(D + 1))
    conditions = {
        "P": poly,
        "class_polynomial": f"resultant({poly}, w - z**{T}, z)",
        "class_members": f"gcd({poly}, z**{T} - a)",
        "roots_at_infinity": f"{D} - degree({poly}, z)",
    }
    levels = ", ".join(f"T={t}: N={n}, m={mm}" for t, n, mm in zip(model.levels, model.N, model.m))
    description = (
        ("M ⊊ V(R) is not closed. " if closed is False else
           f"{why or 'Whether M = V(R) is undecided'}; the description below holds either way. ")
        + f"Levels (cumulative strides) {levels}; N = {model.N}, m = {model.m}. "
        f"Root-orbit type κ(P): the distinct roots r ≠ 0 of P grouped by a = r^{T} (the roots of the class "
        f"polynomial res_z(P(z), w − z^{T})); a class is ρ_a ζ^k (ζ = e^(2πi/{T}), ρ_a = a^(1/{T}) > 0 for a > 0, "
        f"|a|^(1/{T}) e^(iπ/{T}) for a < 0, any root of the class for a non-real) with multiplicities S_a on Z/{T}; "
        "the blocks are the real classes (sign of a), the conjugate pairs {a, ā}, the root 0 and the roots at "
        "infinity. For a block B, C(B) is the set of count vectors of its tilings by level cosets (level j: cosets "
        f"of the subgroup of order T_j of Z/{T}; a pair: a tiling of S_a and one of S_ā; 0 and ∞ of multiplicity μ: "
        "Σ_j v_j T_j = μ) and R(B) the set of (count vector, real-root vector) of its conjugation-invariant tilings "
        "(a pair: S_a and its mirror image, no real root; a > 0: invariant under k ↦ −k; a < 0: under k ↦ −1−k; "
        "an invariant coset is a real root of its level's factor; 0 and ∞: every orbit real). "
        "P ∈ V(R) ⇔ P = 0 or N ∈ Σ_B C(B); P ∈ M ⇔ P = 0 or (N, m) ∈ Σ_B R(B) (Minkowski sums over the blocks of "
        "κ(P), real-root vectors capped at m). M is the finite union of the type strata {P : κ(P) = κ} over the "
        "admissible types κ.")
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=closed,
        family="root orbits", m_data=model.levels, degree=D, description=description, conditions=conditions,
        limitations=("the conditions are stated on the class polynomial and the gcds of P with z^T − a (exact "
                     "algebraic data evaluated at a point by holds_at(): FLINT factorization, certified root "
                     "isolation, exact class grouping); the finitely many type strata are not expanded as sign "
                     "conditions on polynomials in c"),
        method=("root-orbit types and coset tilings (docs/theory.md#orbit-description, "
                "lcnalg.real.orbit_description)"),
        seconds=time.perf_counter() - start)


def _contents_result(arch: Architecture, st: Any, start: float, limits: Limits) -> InequalitiesResult:
    mx, my = st.degrees
    subs = []
    for axis, m_axis in ((0, mx), (1, my)):
        for e in range(m_axis + 1):
            one, _ = st.axis_architecture(axis, e)
            if one is None or one.num_layers == 1:
                continue
            sub = inequalities(one, equations=False, limits=limits)
            how = {"stride one": "at least m real roots", "closed": "closed: its equations",
                   "last layer strided": "polyphase gcd"}.get(sub.family, "decided pointwise by contains()")
            subs.append(f"A^{'xy'[axis]}_{e} = {one} ({how})")
    description = (
        "M ⊊ V(R) is not closed. At most one layer extends along both axes, so P = A(x)·B(y)·r(x^a, y^b) with "
        "A = cont_y(P), B = cont_x(P) and r the primitive part, forced by P (unique factorization in C[x, y]); "
        f"P ∈ M ⇔ P = 0, or r is a polynomial in x^{st.strides[0]}, y^{st.strides[1]} of degrees (d_u, d_v) ≤ "
        f"({mx}, {my}) (r constant without a mixed layer), A ∈ M(A^x_{{{mx} − d_u}}) and B ∈ M(A^y_{{{my} − d_v}}), "
        "where A^x_e (A^y_e) is the 1D architecture of the layers along x (y) plus a layer of size e + 1 at the "
        "mixed layer's stride: " + ("; ".join(subs) if subs else "all of them single layers (no condition)"))
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=False,
        family="2D contents", description=description,
        limitations=("the description reduces to the 1D descriptions of the contents (listed); contents and "
                     "primitive part are exact gcds over Q evaluated at a point by holds_at(), not expanded as "
                     "polynomials in c"),
        method="contents and primitive part in C[x, y] (lcnalg.real.contents) + 1D membership",
        seconds=time.perf_counter() - start)


def _embedded_inequalities(inner: InequalitiesResult, emb: CoordinateEmbedding, start: float) -> InequalitiesResult:
    """Carry the description of the smaller model back to ``emb.outer``."""
    ren = emb.rename
    vanish = emb.vanishing
    closed = inner.closed if inner.closed is not None else None
    if inner.decided and inner.everything and emb.proper:
        closed = True
    head = embedding_head(emb) + f"; the description of M[{emb.inner}] in its own coordinates: "
    equations = tuple(ren(e) for e in inner.equations)
    status = inner.equations_status
    if inner.decided and (inner.closed or inner.everything):
        equations = vanish + equations
        if inner.everything:
            status = "certified"                      # M is the coordinate subspace
    return replace(
        inner, architecture=str(emb.outer), everything=bool(inner.everything) and not emb.proper, closed=closed,
        sturm_habicht=tuple(ren(x) for x in inner.sturm_habicht), discriminant=ren(inner.discriminant),
        equations=equations, equations_status=status,
        description=head + inner.description if inner.decided else "",
        limitations=inner.limitations, embedded_architecture=str(emb.inner), vanishing=vanish,
        inner=inner, embedding=emb, method=f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}",
        seconds=time.perf_counter() - start)


def inequalities(arch: Architecture | str, *, limits: Limits | None = None, seed: int = 0,
                 dimension: Any = None, equations: Any = None, closedness: ClosednessResult | None = None,
                 max_degree: int | None = None, jobs: int = 1, max_states: int | None = None,
                 executor: Any = None) -> InequalitiesResult:
    """Exact semi-algebraic description of the function space.

    * **1D stride one**: at least ``m`` real roots (docs/theory.md#stride-one) as Sturm–Habicht sign
      conditions.
    * **Otherwise, when M is Zariski closed** (:func:`~lcnalg.real.closedness.is_zariski_closed`
      proves ``M = V(R)``): ``M`` is the real zero set of the implicit equations and no
      inequality is needed; the equations are computed (unless ``equations=False``) by
      :func:`~lcnalg.algebra.implicitization.implicit_equations` and their status
      (certified or complete up to a degree) is reported.
    * **1D, only the last stride > 1, not closed**: the polyphase-gcd conditions of
      :mod:`lcnalg.real.polyphase` (``holds_at`` evaluates them exactly).
    * **2D, at most one layer along both axes, not closed**: contents and primitive part
      (:mod:`lcnalg.real.contents`), reducing to the 1D descriptions of the contents.
    * **1D, any other stride pattern, not closed**: the root-orbit types of
      :mod:`lcnalg.real.orbit_description` (``holds_at`` evaluates them exactly).
    * **2D, every layer at stride one, two or more layers along both axes, not proved closed**:
      ``M`` is the finite union over the factorization patterns of :mod:`lcnalg.real.patterns`
      (the kinds and bidegrees of the real irreducible factors); the patterns of
      ``V(R) \\ M`` are listed, and ``holds_at`` decides by looking the pattern of the point up.
    * **2D with a strided layer and two or more layers along both axes, not proved closed**: the
      exact reduction to groupings of the real irreducible factors (family ``"2D factor
      groupings"``). When layer 1 is the only layer at stride ``(1, 1)`` and the others share one
      stride, ``holds_at`` decides by the polyphase gcd of :mod:`lcnalg.real.polyphase_2d` (the
      bidegrees of the factors of ``G = gcd(P_rs)``), independently of ``contains()``; otherwise
      the limitations say what is not known (the orbit-refined pattern list), and ``holds_at``
      decides by the blocks of :func:`~lcnalg.real.polyphase_head_2d.levels_member` (minimal
      products of real factors that are polynomials in ``x^s, y^s``, level by level), exactly and
      independently of ``contains()``.
    * **Coordinate copies** (:mod:`lcnalg.real.embedding`): derived for the smaller model and
      carried back.
    * ``V(R)`` at a point: :meth:`InequalitiesResult.variety_holds_at`, from the complex analogue of
      each description (2D with strides: the absolute factors level by level of
      :func:`~lcnalg.real.polyphase_head_2d.levels_v_member`), with no implicit equation.
    * **Otherwise** the result is undecided and says why (not closed, with the witness; or
      closedness undecided).

    Parameters
    ----------
    arch : Architecture or str
    limits : Limits, optional
        Resource bounds, handed unchanged to closedness and membership
        (``max_symbolic_degree`` bounds the symbolic Sturm–Habicht expansion).
    seed : int
        Seed of every random choice (the dimension and the implicit equations).
    dimension : int or DimensionResult, optional
        ``dim M`` when the caller has it (an int is taken as exact); computed otherwise.
    equations : ImplicitEquations or bool, optional
        The implicit equations when the caller has them; ``False`` not to compute them in
        the closed case; ``None`` (default) or ``True`` to compute them.
    closedness : ClosednessResult, optional
        The verdict of :func:`~lcnalg.real.closedness.is_zariski_closed`, when the caller has it.
    max_degree, jobs : optional
        Passed to the implicit equations.
    max_states : int, optional
        Overrides ``limits.max_states``.
    executor : concurrent.futures.Executor, optional
        Where the graded pieces of the implicit equations run (e.g. the executor of a Dask
        ``distributed.Client``); ``jobs`` is then ignored.

    Returns
    -------
    InequalitiesResult

    Examples
    --------
    >>> r = inequalities("2,2")
    >>> r.m, r.everything, r.sturm_habicht
    (2, False, ('c2', '2*c2', 'c1^2*c2 - 4*c0*c2^2'))
    >>> inequalities("3,2").everything
    True
    >>> r = inequalities("2,2 s=2"); r.closed, r.equations, r.equations_status
    (True, ('c1*c2 - c0*c3',), 'certified')
    >>> r = inequalities("3,2 s=2"); r.decided, r.closed, r.family     # polyphase gcd
    (True, False, 'last layer strided')
    >>> r.holds_at([1, 0, 0, 0, 1]), r.holds_at([4, 8, 17, 10, 15])  # 1 + z^4; (1 + 2z + 3z^2)(4 + 5z^2)
    (False, True)
    >>> inequalities("2,2,2 s=2,2").closed
    True
    >>> r = inequalities("2,3,2 s=2,2"); r.family, r.holds_at([-40000, 10000, 0, 0, 224, -56, 0, 0, -4, 1])
    ('root orbits', False)
    """
    seed, dimension, max_degree, jobs, executor = checks.arguments(
        seed=seed, dimension=dimension, max_degree=max_degree, jobs=jobs, executor=executor)
    start = time.perf_counter()
    arch = one_channel_architecture(arch)
    dimension, equations, closedness = checks.handed_down(arch, flags=True, dimension=dimension,
                                                          equations=equations, closedness=closedness)
    limits = Limits.coerce(limits, max_states=max_states)
    emb = coordinate_embedding(arch) if arch.activation is None else None
    if emb is not None:
        inner = inequalities(emb.inner, limits=limits, seed=seed, equations=False if equations is False else None,
                             max_degree=max_degree, jobs=jobs, executor=executor)
        return _embedded_inequalities(inner, emb, start)
    if arch.activation is None and stride_one_1d(arch):
        return _stride_one(arch, limits, start)
    case = closed_case(arch, limits=limits, seed=seed, dimension=dimension, equations=equations,
                       closedness=closedness, max_degree=max_degree, jobs=jobs, executor=executor)
    if case.closed is True:
        return _closed_result(arch, case, start)
    if case.closed is False:
        shape = last_layer_strided(arch)
        if shape is not None:
            return _polyphase_result(arch, shape, start)
        structure = pure_layer_structure(arch)
        if structure is not None:
            return _contents_result(arch, structure, start, limits)
    if arch.activation is None and arch.ndim == 1:
        return _orbit_result(arch, case.closed, start, case.limitations)
    if case.closed is not True and stride_one_2d(arch):
        return _patterns_result(arch, case, start, limits, seed=seed, dimension=dimension, equations=equations,
                                max_degree=max_degree, jobs=jobs, executor=executor)
    if case.closed is not True and arch.ndim == 2 and arch.activation is None:
        return _groupings_result(arch, case, start)
    return InequalitiesResult(architecture=str(arch), decided=False, certified=False, method="none",
                              closed=case.closed, limitations=case.limitations,
                              seconds=time.perf_counter() - start)


def _closed_result(arch: Architecture, case: ClosedCase, start: float) -> InequalitiesResult:
    """``M = V(R)``: the implicit equations describe ``M``; no inequality is needed."""
    k = case.ambient if case.ambient is not None else ambient(arch)
    why = case.closedness.argument
    if case.everything:
        description = f"M = V(R) = R^{k}: M is Zariski closed and full-dimensional ({why})"
    else:
        description = (f"M = V(R) is Zariski closed ({why}), so M is exactly the set of real "
                       "filters where the implicit equations vanish; no inequality is needed")
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=case.everything,
        closed=True, equations=case.equations, polynomials=case.polynomials,
        equations_status=case.equations_status, description=description,
        limitations=equations_limitation(case.equations_status), family="closed",
        method="Zariski closedness (lcnalg.real.closedness) + implicit equations",
        seconds=time.perf_counter() - start)


def _stride_one(arch: Architecture, limits: Limits, start: float) -> InequalitiesResult:
    """1D stride one: at least ``m`` real roots, as Sturm–Habicht sign conditions."""
    d = arch.end_to_end_filter_shape[0] - 1
    m = min_real_roots(arch)
    everything = m <= d % 2
    seq: tuple[str, ...] = ()
    sym: list = []
    disc = ""
    limitations = ""
    if not everything:
        if d <= limits.max_symbolic_degree:
            sym, dpoly = symbolic_sturm_habicht(d)
            seq = tuple(str(s) for s in sym)
            disc = str(dpoly)
        else:
            limitations = (f"d = {d} > max_symbolic_degree = {limits.max_symbolic_degree}: the Sturm–Habicht "
                           "coefficients are not expanded symbolically (holds_at evaluates them at points "
                           "exactly; raise limits=Limits(max_symbolic_degree=...) to expand them)")
    if everything:
        description = (f"M = R^{d + 1}: m = #{{l : k_l even}} = {m} ≤ {d % 2} = d mod 2, and every real form of "
                       f"degree {d} has at least d mod 2 real roots")
    else:
        description = (
            f"c ∈ M ⇔ c = 0 or the form Σ c_j x^(d-j) y^j (d = {d}) has at least m = {m} real roots counted with "
            f"multiplicity (infinity included). Generic chart (c_{d} ≠ 0, Disc ≠ 0, all s_j ≠ 0): "
            f"c ∈ M ⇔ Var(s_{d}, …, s_0) ≤ {(d - m) // 2}. Everywhere: with the first chart λ ∈ (∞, 0, …, {d - 1}) "
            "where p̃_λ(u) = u^d p(λ + 1/u) has nonzero top coefficient, c ∈ M ⇔ Σ_i PmV(s(g_i)) ≥ m along "
            "g_0 = p̃_λ, g_{i+1} = sRes_{j_i}(g_i, g_i') (j_i = index of the last nonzero s_j(g_i)); "
            "M is the closure of its generic part"
        )
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=everything, m=m, degree=d,
        family="stride one", closed=everything, sturm_habicht=seq, expressions=tuple(sym), discriminant=disc,
        description=description,
        limitations=limitations,
        method="real-root condition of docs/theory.md#stride-one; Sturm–Habicht sequences (exact subresultants)",
        seconds=time.perf_counter() - start,
    )


#: Patterns listed one per line in the text output (the JSON output has all of them).
_TEXT_PATTERNS = 40


def _patterns_result(arch: Architecture, case: ClosedCase, start: float, limits: Limits, **eq: Any) -> InequalitiesResult:
    """2D stride one: ``M`` as the finite union over the factorization patterns of
    :mod:`lcnalg.real.patterns`, with the implicit equations of ``V`` when they are computed."""
    table = pattern_table(arch, limits)
    c = table.counts
    closed = not table.not_closed
    if case.closed is not None and case.closed != closed:   # pragma: no cover - two exact arguments
        raise AssertionError(f"closedness of {arch}: the patterns say {closed}, is_zariski_closed {case.closed}")
    entries = tuple(pattern_entry(table, p) for p in table.not_closed) + tuple(pattern_entry(table, p)
                                                                               for p in table.in_m if p)
    equations: tuple[str, ...] = ()
    polys: tuple[Any, ...] = ()
    status = "not computed"
    note = ""
    if eq["equations"] is not False:
        try:
            equations, polys, status = _v_equations(arch, limits, eq)
        except ResourceLimitError as err:
            note = f"; the implicit equations of V were not computed ({err})"
    head = ("M ⊊ V(R) is not closed" if not closed else "M = V(R) (no pattern of V(R) is missing from M)")
    description = (
        f"{head}. Every layer is at stride (1, 1), so a layer takes any real polynomial of bidegree ≤ its box "
        f"({', '.join(f'{b[0]}x{b[1]}' for b in table.boxes)}). Write the irreducible factorization of P ≠ 0 over R "
        "as R(d) (a real absolutely irreducible factor of bidegree d) and C(d) (h·conj(h), h absolutely irreducible "
        "and non-real of bidegree d): its pattern π(P). By unique factorization in R[x, y] and C[x, y], P ∈ M iff "
        "its real irreducible factors can be shared out among the layers within their boxes, and P ∈ V(R) iff its "
        "absolute factors can (C(d) gives two of bidegree d): both depend on π(P) only. Hence "
        f"M = {{0}} ∪ ⋃_{{π ∈ Π_M}} S_π and V(R) \\ M = ⋃_{{π ∈ Π_V \\ Π_M}} S_π, S_π = {{P : π(P) = π}} (each "
        f"non-empty): {c['in_M'] - 1} non-constant patterns in Π_M, {len(table.not_closed)} in Π_V \\ Π_M, of the "
        f"{c['patterns']} patterns of bidegree ≤ {table.total}. P ∈ M ⇔ P = 0 or π(P) ∈ Π_M")
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=closed,
        family="2D factorization patterns", description=description, equations=equations, polynomials=polys,
        equations_status=status, patterns=entries, pattern_counts=dict(c), table=table,
        limitations=("S_π is described by its factorization shape (the irreducible factorization over R, computed "
                     "exactly from the factorization over Q and the absolute factorization over Q(β), evaluated at "
                     "a point by holds_at()), not by polynomial sign conditions in c: each pattern carries only the "
                     "polynomial conditions of its bidegree" + note),
        method="factorization patterns (unique factorization in R[x, y] and C[x, y], lcnalg.real.patterns)"
               + ("" if status == "not computed" else " + implicit equations of V"),
        seconds=time.perf_counter() - start)


def _groupings_result(arch: Architecture, case: ClosedCase, start: float) -> InequalitiesResult:
    """2D with a strided layer and two or more layers along both axes: the exact reduction to
    groupings of the real irreducible factors (no pattern list up front; see the limitations)."""
    layers = "; ".join(f"layer {l + 1}: box {f[0] - 1}x{f[1] - 1} in (x^{t[0]}, y^{t[1]})"
                       for l, (f, t) in enumerate(zip(arch.filters, arch.cumulative_strides)))
    closed = {True: "M = V(R)", False: "M ⊊ V(R) is not closed", None: "M = V(R) is undecided"}[case.closed]
    description = (
        f"{closed}. By unique factorization in R[x, y] a real layer is a real constant times a product of real "
        "irreducible factors of P, so P ∈ M iff P = 0 or the irreducible factors of P over R (from the exact "
        "factorization over Q and the absolute factorization over Q(β): real absolute factors and products "
        "h·conj(h) of conjugate pairs) can be shared out among the layers so that the product of each layer's "
        f"share is a polynomial in x^a, y^b of degrees ≤ the layer's box ({layers}): a finite union over the "
        "groupings of the factors, decided exactly (bidegrees add; off-lattice coefficients are tested exactly)")
    if polyphase_2d_shape(arch) is None and arch.activation is None:
        description += (
            ". Level by level: with the layers grouped by cumulative stride s_0 = (1, 1) | s_1 | … | s_J, P ∈ M iff "
            "the real irreducible factors of P split into blocks of the levels j ≥ 1 (minimal sets of factors whose "
            "product is a polynomial in x^s_j, y^s_j: f(x^s_j, y^s_j) for the real irreducible factors f of the "
            "polyphase gcd at s_j) and single factors at level 0 so that every level's real bidegrees (a block's "
            "divided by s_j) can all be shared out among that level's boxes (docs/theory.md#polyphase-head-2d)")
    shape = polyphase_2d_shape(arch)
    if shape is not None:
        (a, b), n1 = shape.strides, shape.first_box
        boxes = ", ".join(f"{n[0]}x{n[1]}" for n in shape.boxes)
        description += (
            f". Here layer 1 (box {n1[0]}x{n1[1]}) is the only layer at stride (1, 1) and layers 2..L sit at "
            f"({a}, {b}), so P = A(x, y)·Q(x^{a}, y^{b}) and, with the polyphase components P_rs of "
            f"P = Σ_{{r<{a}, s<{b}}} x^r y^s P_rs(x^{a}, y^{b}) and G = gcd(P_rs) (C[x, y] is free over C[x^a, y^b]), Q(x^a, y^b) | P ⇔ Q | G. Hence P ∈ M ⇔ P = 0 "
            f"or some real irreducible factors of G (a pair h·conj(h) as one factor) can be shared out among the "
            f"boxes {boxes} with total bidegree t, {a}·t_x ≥ deg_x P − {n1[0]} and {b}·t_y ≥ deg_y P − {n1[1]}; "
            "P ∈ V(R) ⇔ the same with the absolute factors of G. Only the bidegrees of the factors of G and deg P "
            "enter")
        nx, ny = shape.total[0] + 1, shape.total[1] + 1
        comps = []
        for r in range(a):
            for t in range(b):
                terms = [f"c{i}_{j}*u**{(i - r) // a}*v**{(j - t) // b}" for i in range(r, nx, a) for j in range(t, ny, b)]
                comps.append((f"P_{r}_{t}", " + ".join(terms)))
        conditions = {"P": " + ".join(f"c{i}_{j}*x**{i}*y**{j}" for i in range(nx) for j in range(ny)),
                      **dict(comps),
                      "G": "gcd(" + ", ".join(f"P_{r}_{t}" for r in range(a) for t in range(b)) + ")",
                      "need": f"(ceiling((degree(P, x) - {n1[0]})/{a}), ceiling((degree(P, y) - {n1[1]})/{b}))"}
        return InequalitiesResult(
            architecture=str(arch), decided=True, certified=True, everything=False, closed=case.closed,
            family="2D factor groupings", description=description, conditions=conditions,
            m_data=(a, b) + tuple(n1) + tuple(x for n in shape.boxes for x in n),
            limitations=("the conditions are stated on G, the gcd of the polyphase components, and the bidegrees of "
                         "its real and absolute irreducible factors (exact: FLINT gcd and factorization over Q, "
                         "absolute factorization over a number field), evaluated at a point by holds_at(); they are "
                         "not expanded as sign conditions on polynomials in c"),
            method=("polyphase gcd and bidegree sharing of its factors (docs/theory.md#polyphase-2d, "
                    "lcnalg.real.polyphase_2d); independent of the grouping search of contains()"),
            seconds=time.perf_counter() - start)
    return InequalitiesResult(
        architecture=str(arch), decided=True, certified=True, everything=False, closed=case.closed,
        family="2D factor groupings", description=description,
        limitations=(undecided_text(arch) + ". What is not known: the finite list of orbit-refined factorization "
                     "patterns (absolute factors with their bidegrees, their orbits and stabilizers under "
                     "x -> ζx, y -> ξy, and complex conjugation) that would describe M up front as for stride one "
                     "(the blocks are found at each point, not listed in advance). The polyphase-gcd route (lcnalg.real.polyphase_2d, "
                     "docs/theory.md#polyphase-2d) needs layer 1 to be the only layer at stride (1, 1) and the others "
                     "at one stride; here " + (why_not_polyphase(arch) or "it does not apply")
                     + ". holds_at() decides by the blocks level by level (lcnalg.real.polyphase_head_2d."
                       "levels_member: exact, and independent of the grouping search of contains()); "
                       "variety_holds_at() decides V(R) by the absolute factors level by level "
                       "(levels_v_member: exact, no implicit equation)"),
        method="groupings of the real irreducible factors (unique factorization in R[x, y], lcnalg.real.planar_real); "
               "decided at a point by blocks level by level (lcnalg.real.polyphase_head_2d)",
        seconds=time.perf_counter() - start)


def _v_equations(arch: Architecture, limits: Limits, eq: dict) -> tuple[tuple[str, ...], tuple[Any, ...], str]:
    """The implicit equations of ``V`` (given by the caller, or computed within ``limits``)."""
    given = eq["equations"]
    if given is None or given is True:
        dim = eq["dimension"]
        dim = dim if isinstance(dim, int) and not isinstance(dim, bool) else None
        given = implicit_equations(parameterize(arch, limits=limits), max_degree=eq["max_degree"], jobs=eq["jobs"],
                                   executor=eq["executor"], seed=eq["seed"], dimension=dim, limits=limits)
    status = "certified" if given.certified else f"complete up to degree {given.complete_up_to_degree}"
    return tuple(given.equations), tuple(given.polynomials), status


def _patterns_text(res: InequalitiesResult) -> list[str]:
    table = res.table
    out = []
    missing = [e for e in res.patterns if not e["in_M"]]
    kept = [e for e in res.patterns if e["in_M"]]
    if missing:
        out.append(f"Π_V \\ Π_M (V(R) \\ M = union of S_π over these; grouping of the absolute factors h):")
        out.extend(f"  {e['pattern']}   [{e['grouping']}]" for e in missing[:_TEXT_PATTERNS])
        if len(missing) > _TEXT_PATTERNS:
            out.append(f"  … {len(missing) - _TEXT_PATTERNS} more (all in --json)")
    out.append("Π_M (M \\ {0} = union of S_π over these and the constants; a grouping into the layers):")
    out.extend(f"  {e['pattern']}   [{e['grouping']}]" for e in kept[:_TEXT_PATTERNS])
    if len(kept) > _TEXT_PATTERNS:
        out.append(f"  … {len(kept) - _TEXT_PATTERNS} more (all in --json)")
    out.append("  each S_π lies in {P : bidegree(P) = the sum of its factors' real bidegrees} (the JSON field "
               "'conditions': c_ij = 0 beyond it, its last row and column not zero); 'representative' (JSON) is an "
               "integer point of S_π for the patterns of V(R) \\ M")
    if table is not None:
        out.append(f"  ({table.counts['patterns']} patterns of bidegree ≤ {table.total}, {len(table.types)} factor "
                   "types; the other patterns are not in V(R))")
    return out


def _patterns_latex(res: InequalitiesResult, sym: str) -> str:
    def tex(e: dict) -> str:
        return " ".join(rf"{'R' if f['kind'].startswith('real') else 'C'}_{{{f['bidegree'][0]},{f['bidegree'][1]}}}"
                        + (f"^{{{f['multiplicity']}}}" if f["multiplicity"] > 1 else "") for f in e["factors"])

    missing = [tex(e) for e in res.patterns if not e["in_M"]]
    kept = [tex(e) for e in res.patterns if e["in_M"]]
    lines = [
        "% pi(P): the irreducible factors of P over R, R_{d} real absolutely irreducible of bidegree d,",
        "% C_{d} = h conj(h) with h absolutely irreducible, non-real, of bidegree d (multiplicity as exponent)",
        rf"${sym} = \{{0\}} \cup \bigcup_{{\pi \in \Pi_M}} S_\pi,\quad "
        rf"V(\mathbb{{R}}) \setminus {sym} = \bigcup_{{\pi \in \Pi_V \setminus \Pi_M}} S_\pi,\quad "
        r"S_\pi = \{P : \pi(P) = \pi\}$",
    ]
    if missing:
        lines.append(r"$\Pi_V \setminus \Pi_M = \{" + ",\\ \\allowbreak ".join(missing[:_TEXT_PATTERNS])
                     + (r",\ \dots" if len(missing) > _TEXT_PATTERNS else "") + r"\}$")
    lines.append(r"$\Pi_M = \{1,\ " + ",\\ \\allowbreak ".join(kept[:_TEXT_PATTERNS])
                 + (rf",\ \dots\ ({len(kept)} in all)" if len(kept) > _TEXT_PATTERNS else "") + r"\}$")
    if res.equations:
        lines.append(f"% V is cut out by {len(res.equations)} implicit equations ({res.equations_status}; "
                     "in the text and JSON output, or 'lcnalg equations --latex')")
    return "\n".join(lines)
