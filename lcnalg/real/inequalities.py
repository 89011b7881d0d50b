"""Semi-algebraic description and boundary of the function space (1D, stride one).

MATH.md §2: for stride one in 1D, ``M`` is the set of binary forms of degree ``d = k − 1``
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

``boundary()``: ``M`` is closed, and a form's nearby forms have at least as many real roots
as it has real roots of *odd* multiplicity (and some have exactly that many: perturb
``(z − a)^μ`` to ``(z − a)^μ + ε``), so ``∂M = {c ∈ M : #real roots of odd multiplicity
(infinity included) < m}`` plus ``0`` when ``M ≠ R^k``: every such nonzero form has a
repeated root, so ``∂M`` lies in the discriminant hypersurface ``Disc(c) = 0``
(discriminant of the form of formal degree ``d``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.printing import align, function_space_symbol, poly_latex
from lcnalg.real.membership import parse_filter
from lcnalg.real.roots import sturm_count, sturm_habicht_count, to_fmpz_poly
from lcnalg.results import Result
from lcnalg.rings import integer_ring

__all__ = [
    "InequalitiesResult",
    "BoundaryResult",
    "inequalities",
    "boundary",
    "real_roots_projective",
    "odd_real_roots_projective",
    "MAX_SYMBOLIC_DEGREE",
]

#: Largest degree ``d`` for which the Sturm–Habicht coefficients are expanded symbolically.
MAX_SYMBOLIC_DEGREE = 7


def _stride_one_1d(arch: Architecture) -> bool:
    return arch.ndim == 1 and all(s == (1,) for s in arch.strides[:-1])


def _m_of(arch: Architecture) -> int:
    return sum(1 for f in arch.filters if f[0] % 2 == 0)


def chart(coeffs: Sequence[Fraction]) -> tuple[str, list[Fraction]]:
    """The first chart ``λ ∈ (∞, 0, …, d−1)`` with nonzero top coefficient, and ``p̃_λ``.

    Examples
    --------
    >>> chart([1, 1, 0])      # 1 + z with a root at infinity -> λ = 0: u^2 p(1/u) = u^2 + u
    ('0', [Fraction(0, 1), Fraction(1, 1), Fraction(1, 1)])
    """
    c = [Fraction(x) for x in coeffs]
    d = len(c) - 1
    if c[-1] != 0:
        return "inf", c
    for lam in range(d):
        # p̃(u) = Σ_j c_j (λu + 1)^j u^{d-j}
        out = [Fraction(0)] * (d + 1)
        for j, cj in enumerate(c):
            if cj == 0:
                continue
            binom = 1
            for i in range(j + 1):     # (λu + 1)^j = Σ_i C(j,i) λ^i u^i
                out[i + d - j] += cj * binom * Fraction(lam) ** i
                binom = binom * (j - i) // (i + 1)
        if out[-1] != 0:
            return str(lam), out
    raise InputError("chart: the zero form has no chart")


def real_roots_projective(coeffs: Sequence) -> int:
    """Real roots of the binary form with multiplicity, infinity included (Sturm–Habicht).

    Examples
    --------
    >>> real_roots_projective([1, 0, 0])   # the constant 1 as a quadratic form: double root at infinity
    2
    """
    _, g = chart(coeffs)
    return sturm_habicht_count(g)


def odd_real_roots_projective(coeffs: Sequence) -> int:
    """Distinct real roots of odd multiplicity, infinity included (squarefree parts + Sturm).

    Examples
    --------
    >>> odd_real_roots_projective([-1, 2, -1, 0])   # -(z-1)^2, simple root at infinity
    1
    """
    c = [Fraction(x) for x in coeffs]
    d = len(c) - 1
    p, _ = to_fmpz_poly(c)
    inf = d - p.degree()
    _, parts = p.factor_squarefree()
    return sum(sturm_count(g) for g, e in parts if e % 2 == 1) + (inf % 2)


def _bareiss(mat: list[list[Any]]) -> Any:
    n = len(mat)
    a = [list(r) for r in mat]
    sign = 1
    prev = None
    for k in range(n - 1):
        if a[k][k] == 0:
            swap = next((i for i in range(k + 1, n) if a[i][k] != 0), None)
            if swap is None:
                return 0 * a[0][0]
            a[k], a[swap] = a[swap], a[k]
            sign = -sign
        for i in range(k + 1, n):
            for j in range(k + 1, n):
                num = a[i][j] * a[k][k] - a[i][k] * a[k][j]
                a[i][j] = num if prev is None else num / prev
        prev = a[k][k]
    return a[n - 1][n - 1] if sign == 1 else -a[n - 1][n - 1]


def _symbolic_sequence(d: int) -> tuple[list, Any]:
    """Symbolic ``s_d, …, s_0`` in ``Z[c_0..c_d]`` and the discriminant of the degree-``d`` form."""
    from lcnalg.real.roots import _syha_rows

    names = tuple(f"c{j}" for j in range(d + 1))
    ctx = integer_ring(names + ("z",))
    gens = ctx.gens()
    cs, z = gens[:-1], gens[-1]
    P = list(cs)
    Q = [P[e + 1] * (e + 1) for e in range(d)]
    seq = [P[-1], Q[-1]]
    for j in range(d - 2, -1, -1):
        size = 2 * d - 1 - 2 * j
        rows = _syha_rows(P, Q, j)
        seq.append(_bareiss([[x if not isinstance(x, int) else ctx.from_dict({}) + x for x in r[:size]]
                             for r in rows]))
    poly = sum((c * z ** j for j, c in enumerate(cs)), ctx.from_dict({}))
    disc = poly.discriminant("z") if d >= 1 else ctx.from_dict({}) + 1
    return seq, disc


@dataclass(frozen=True, kw_only=True)
class InequalitiesResult(Result):
    """A semi-algebraic description of ``M`` (or why lcnalg has none).

    Attributes
    ----------
    decided : bool
        False when no description was derived (then ``limitations`` says why).
    everything : bool or None
        True when ``M`` is the whole space of filters.
    m : int or None
        Required number of real roots with multiplicity (1D stride one).
    degree : int or None
        ``d = k − 1``.
    sturm_habicht : tuple of str
        ``s_d, …, s_0`` as polynomials in ``c_0..c_d`` (empty above ``MAX_SYMBOLIC_DEGREE``).
    discriminant : str
        The discriminant of the form of formal degree ``d``.
    description : str
        The exact description in words and formulas.
    limitations : str
        What is not described.
    closed : bool or None
        Outside 1D stride one: the verdict of
        :func:`~lcnalg.real.closedness.is_zariski_closed` (``M = V(R)``?).
    equations : tuple of str
        When ``M = V(R)``: the implicit equations, whose real zero set is ``M`` (no
        inequality is needed).
    equations_status : str
        ``"certified"`` (the vanishing ideal), ``"complete up to degree d"``, or
        ``"not computed"``.
    family : str
        Which description: ``"stride one"``, ``"closed"`` (equations only),
        ``"last layer strided"`` (the polyphase-gcd conditions of :mod:`lcnalg.real.polyphase`),
        or ``"2D contents"`` (at most one layer along both axes, :mod:`lcnalg.real.contents`).
    m_data : tuple of int
        ``"last layer strided"``: ``(n_A, m, n, s)`` (degree of the stride-one part, its number
        of even sizes, degree of the last layer, its stride).
    embedded_architecture : str
        When ``M`` is a coordinate copy of a smaller function space
        (:mod:`lcnalg.real.embedding`): that architecture; the fields above are carried back
        (coordinates renamed) and ``vanishing`` lists the coordinates that are 0 on ``M``.
    vanishing : tuple of str
    """

    decided: bool
    everything: bool | None = None
    m: int | None = None
    degree: int | None = None
    sturm_habicht: tuple[str, ...] = ()
    discriminant: str = ""
    description: str = ""
    limitations: str = ""
    closed: bool | None = None
    equations: tuple[str, ...] = ()
    equations_status: str = ""
    family: str = ""
    m_data: tuple[int, ...] = ()
    embedded_architecture: str = ""
    vanishing: tuple[str, ...] = ()
    polynomials: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    inner: Any = field(default=None, repr=False, compare=False)
    embedding: Any = field(default=None, repr=False, compare=False)

    title = "inequalities"

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        for key in ("polynomials", "inner", "embedding"):
            data.pop(key, None)
        return data

    @property
    def status(self) -> str:
        return "certified" if self.decided else "undecided"

    def answer(self) -> str:
        return self.description

    def holds_at(self, filt: Any) -> bool:
        """Evaluate the description at an exact filter (row-major).

        Examples
        --------
        >>> ineq = inequalities("2,2,2")
        >>> ineq.holds_at([0, -1, 0, 1]), ineq.holds_at([1, 0, 1, 0])
        (True, False)
        """
        if not self.decided:
            raise InputError(f"no description available: {self.limitations}")
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.inner is not None:
            sub = self.embedding.restrict(c)
            return sub is not None and self.inner.holds_at(list(sub))
        if self.everything:
            return True
        if self.closed:
            return _vanish(self, c)
        if self.family == "last layer strided":
            from lcnalg.real.polyphase import polyphase_member

            return polyphase_member(arch, c)[0]
        if self.family == "2D contents":
            from lcnalg.real.contents import content_member

            return content_member(arch, c)[0]
        if all(x == 0 for x in c):
            return True
        return real_roots_projective(c) >= self.m

    def to_text(self) -> str:
        lines = [f"inequalities for M[{self.architecture}]:"]
        if self.description:
            lines.append(self.description)
        if self.sturm_habicht:
            d = self.degree
            for j, s in enumerate(self.sturm_habicht):
                lines.append(f"  s{d - j} = {s}")
        if self.equations:
            lines.append(f"equations ({self.equations_status}):")
            lines.extend(f"  {e} = 0" for e in self.equations)
        if self.limitations:
            lines.append(f"limitations: {self.limitations}")
        lines.append(f"[{self.status}; {self.method}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if not self.decided:
            return rf"{sym}:\ \text{{no description derived}}"
        k = _ambient(self.architecture)
        if self.everything:
            return rf"{sym} = \mathbb{{R}}^{{{k}}}"
        import sympy

        if self.family == "2D contents":
            return ("% P = A(x) B(y) r(x^a, y^b): A = cont_y(P), B = cont_x(P), r primitive (forced by P)\n"
                    rf"${sym} = \{{P : P = 0\ \text{{or}}\ r \in \mathbb{{R}}[x^a, y^b],\ "
                    r"(d_u, d_v) = \deg r \le (m_x, m_y),\ A \in \mathcal{M}(A^x_{m_x - d_u}),\ "
                    r"B \in \mathcal{M}(A^y_{m_y - d_v})\}$")
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
            rows = [(f"f_{{{i + 1}}}", poly_latex(sympy.sympify(e))) for i, e in enumerate(self.equations)]
            return head + "\n" + align(rows)
        top = f"c_{{{self.degree}}}"
        if self.embedding is not None:
            top = "c_{" + self.embedding.rename(f"c{self.degree}")[1:].replace("_", ",") + "}"
        lines = [rf"{sym} = \overline{{\{{c : {top} \neq 0,\ \operatorname{{Disc}}(c) \neq 0,\ "
                 rf"\operatorname{{Var}}(s_{{{self.degree}}}, \dots, s_0) \le {(self.degree - self.m) // 2}\}}}}"]
        for j, s in enumerate(self.sturm_habicht):
            lines.append(rf"s_{{{self.degree - j}}} = {poly_latex(sympy.sympify(s))}")
        return r" \\ ".join(lines)


@dataclass(frozen=True, kw_only=True)
class BoundaryResult(Result):
    """The boundary of ``M`` (1D stride one), or why lcnalg has none.

    Attributes
    ----------
    decided : bool
    everything : bool or None
        True when ``M`` is the whole space (empty boundary).
    m : int or None
    discriminant : str
        ``∂M ⊆ {Disc = 0}``.
    description : str
    limitations : str
    closed, equations, equations_status
        Outside 1D stride one, when ``M = V(R)`` is thin: ``∂M = M``, cut out by these
        equations (see :class:`InequalitiesResult`).
    thin : bool or None
        True when ``dim M < k``: then ``M`` (closed) has empty interior and ``∂M = M``.
    relative : str
        The boundary relative to the smallest natural ambient set (``V(R)``, or the
        coordinate subspace of an embedded copy), where lcnalg derives it, else why not.
    embedded_architecture, vanishing
        As in :class:`InequalitiesResult`.
    """

    decided: bool
    everything: bool | None = None
    m: int | None = None
    discriminant: str = ""
    description: str = ""
    limitations: str = ""
    closed: bool | None = None
    equations: tuple[str, ...] = ()
    equations_status: str = ""
    thin: bool | None = None
    relative: str = ""
    embedded_architecture: str = ""
    vanishing: tuple[str, ...] = ()
    polynomials: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    inner: Any = field(default=None, repr=False, compare=False)
    embedding: Any = field(default=None, repr=False, compare=False)

    title = "boundary"

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        for key in ("polynomials", "inner", "embedding"):
            data.pop(key, None)
        return data

    @property
    def status(self) -> str:
        return "certified" if self.decided else "undecided"

    def answer(self) -> str:
        return self.description

    def is_boundary_point(self, filt: Any) -> bool:
        """Exact test: does the filter lie on the (Euclidean) boundary of ``M``?

        Examples
        --------
        >>> b = boundary("2,2,2")
        >>> b.is_boundary_point([-2, 5, -4, 1]), b.is_boundary_point([-6, 11, -6, 1])  # (z-1)^2(z-2), (z-1)(z-2)(z-3)
        (True, False)
        """
        if not self.decided:
            raise InputError(f"no boundary description available: {self.limitations}")
        if self.everything:
            return False
        arch = Architecture.parse(self.architecture)
        c = parse_filter(filt, arch)
        if self.inner is not None:
            sub = self.embedding.restrict(c)
            if sub is None:
                return False
            if self.embedding.proper:           # ∂M = M
                return _inner_member(self.inner, list(sub))
            return self.inner.is_boundary_point(list(sub))
        if self.closed:
            return _vanish(self, c)
        if self.thin:                            # ∂M = M, decided exactly by contains()
            from lcnalg.real.membership import contains

            return bool(contains(arch, list(c)).contained)
        if all(x == 0 for x in c):
            return True
        return real_roots_projective(c) >= self.m and odd_real_roots_projective(c) < self.m

    def to_text(self) -> str:
        lines = [f"boundary of M[{self.architecture}]:", self.description]
        if self.relative:
            lines.append(f"relative boundary: {self.relative}")
        if self.discriminant:
            lines.append(f"discriminant: {self.discriminant}")
        if self.equations:
            lines.append(f"equations of ∂M = M ({self.equations_status}):")
            lines.extend(f"  {e} = 0" for e in self.equations)
        if self.limitations:
            lines.append(f"limitations: {self.limitations}")
        lines.append(f"[{self.status}; {self.method}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if not self.decided:
            return rf"\partial {sym}:\ \text{{not derived}}"
        if self.everything:
            return rf"\partial {sym} = \emptyset"
        if self.thin and not self.closed:
            return (f"% M is closed with empty interior in R^k: its boundary is M itself\n"
                    + (f"% relative boundary: {self.relative}\n" if self.relative else "")
                    + rf"$\partial {sym} = {sym}$")
        import sympy

        if self.closed:
            return (f"% M is closed with empty interior: its boundary is M ({self.equations_status} equations)\n"
                    rf"$\partial {sym} = {sym} = V(\mathbb{{R}})$" + (":\n" + align(
                        [(f"f_{{{i + 1}}}", poly_latex(sympy.sympify(e))) for i, e in enumerate(self.equations)])
                        if self.equations else "."))

        if not self.discriminant:
            return rf"\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}}"
        disc = poly_latex(sympy.sympify(self.discriminant))
        return (rf"\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}},\quad "
                rf"\operatorname{{Disc}} = {disc}")


def _ambient(arch: str) -> int:
    return math.prod(Architecture.parse(arch).end_to_end_filter_shape)


def _vanish(res: "InequalitiesResult | BoundaryResult", c: Sequence[Fraction]) -> bool:
    """``c ∈ M = V(R)``: do the certified implicit equations vanish at ``c``?  They are
    homogeneous (``V`` is a cone), so the denominators are cleared first.  Without certified
    equations the exact membership test :func:`~lcnalg.real.membership.contains` decides."""
    if res.equations_status != "certified":
        from lcnalg.real.membership import contains

        return bool(contains(res.architecture, list(c)).contained)
    den = math.lcm(*(Fraction(x).denominator for x in c))
    ints = [int(Fraction(x) * den) for x in c]
    return all(p(*ints) == 0 for p in res.polynomials)


def _closed_case(arch: Architecture, equations: bool, max_degree: int | None, jobs: int) -> dict:
    """Outside 1D stride one: decide ``M = V(R)``; when it holds, ``M`` is the real zero set of
    the implicit equations (computed unless ``equations`` is False)."""
    from lcnalg.function_space import FunctionSpace
    from lcnalg.real.closedness import is_zariski_closed

    verdict = is_zariski_closed(arch)
    out: dict[str, Any] = dict(closed=verdict.closed)
    if verdict.closed is not True:
        if verdict.closed is False:
            wit = ", ".join(verdict.witness) if verdict.witness is not None else "see is_zariski_closed"
            out["verdict"] = f"M ⊊ V(R): witness ({wit}) in V(R) \\ M; {verdict.method}"
            why = (f"M ⊊ V(R): M is not Zariski closed (witness ({wit}) in V(R) \\ M; {verdict.method}), so "
                   "inequalities are needed, and lcnalg derives them only for 1D stride one; ")
        else:
            out["verdict"] = "M = V(R) is undecided (" + verdict.argument + ")"
            why = "M = V(R) is undecided (" + verdict.argument + "); "
        out["limitations"] = why + _undecided_text(arch)
        return out
    fs = FunctionSpace(arch)
    k = fs.ambient_dimension
    out["everything"] = fs.dimension.value == k and fs.dimension.certified
    out["closedness"] = verdict.argument
    if out["everything"]:
        out.update(equations_status="certified", polynomials=())
        return out
    if equations:
        eq = fs.implicit_equations(max_degree=max_degree, jobs=jobs)
        status = "certified" if eq.certified else f"complete up to degree {eq.complete_up_to_degree}"
        out.update(equations=eq.equations, polynomials=eq.polynomials, equations_status=status)
    else:
        out.update(equations_status="not computed")
    return out


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
        method="polyphase gcd (C[z]/(q(z^s)) is free over C[w]/(q)) + MATH.md §2 real-root condition "
               "(lcnalg.real.polyphase)",
        seconds=time.perf_counter() - start)


def _contents_result(arch: Architecture, st: Any, start: float) -> InequalitiesResult:
    mx, my = st.degrees
    subs = []
    for axis, m_axis in ((0, mx), (1, my)):
        for e in range(m_axis + 1):
            one, _ = st.axis_architecture(axis, e)
            if one is None or one.num_layers == 1:
                continue
            sub = inequalities(one, equations=False)
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


def _linear(arch: Architecture | str) -> Architecture:
    """The parsed architecture; networks with activations or channels are refused."""
    arch = Architecture.parse(arch) if isinstance(arch, str) else arch
    if not isinstance(arch, Architecture):
        raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
    if arch.activation is not None or arch.channels is not None:
        raise InputError(f"architecture {arch}: the real description covers linear networks with one channel "
                         "(drop r=, c=)")
    return arch


def _equations_limitation(status: str) -> str:
    if status == "certified":
        return ""
    if status == "not computed":
        return "the implicit equations were not computed ('lcnalg equations ARCH' gives them)"
    return (f"the implicit equations are {status}: their real zero set contains M and equals it once the "
            "ideal is certified")


def _undecided_text(arch: Architecture) -> str:
    if arch.ndim != 1:
        return (f"{arch.ndim}D: no semi-algebraic description is derived (membership is decided pointwise "
                "by contains(), exactly where the factors are absolutely irreducible)")
    return ("strides > 1: no closed-form semi-algebraic description is derived; membership is decided "
            "exactly pointwise by contains() (root-orbit search)")


def _inner_member(inner: "BoundaryResult", c: list) -> bool:
    from lcnalg.real.membership import contains

    return bool(contains(inner.architecture, c).contained)


def _embedding_head(emb: Any) -> str:
    from lcnalg.rings import coordinate_names

    outer = coordinate_names(emb.outer)
    inner = coordinate_names(emb.inner)
    pairs = ", ".join(f"{i} = {outer[p]}" for i, p in zip(inner, emb.positions) if i != outer[p])
    return (f"M is a coordinate copy of M[{emb.inner}] ({emb.reason})"
            + (f"; the coordinates {', '.join(emb.vanishing)} vanish on M" if emb.vanishing else "")
            + (f"; its coordinates are {pairs} here (polynomials below are written in the names here)" if pairs
               else ""))


def _embedded_inequalities(inner: InequalitiesResult, emb: Any, start: float) -> InequalitiesResult:
    """Carry the description of the smaller model back to ``emb.outer``."""
    from dataclasses import replace

    ren = emb.rename
    vanish = emb.vanishing
    closed = inner.closed if inner.closed is not None else None
    if inner.decided and inner.everything and emb.proper:
        closed = True
    head = _embedding_head(emb) + f"; the description of M[{emb.inner}] in its own coordinates: "
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


def _embedded_boundary(inner: "BoundaryResult", emb: Any, start: float) -> "BoundaryResult":
    from dataclasses import replace

    ren = emb.rename
    common = dict(architecture=str(emb.outer), embedded_architecture=str(emb.inner), vanishing=emb.vanishing,
                  inner=inner, embedding=emb, seconds=time.perf_counter() - start,
                  method=f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}")
    if not emb.proper:
        return replace(inner, discriminant=ren(inner.discriminant), equations=tuple(ren(e) for e in inner.equations),
                       description=_embedding_head(emb) + f"; the boundary of M[{emb.inner}]: " + inner.description,
                       limitations=inner.limitations,
                       relative=ren(inner.relative), **common)
    k = math.prod(emb.outer.end_to_end_filter_shape)
    closed = True if inner.everything else inner.closed
    if not inner.decided:
        relative = f"inside that subspace: not derived ({inner.limitations})"
    elif inner.everything:
        relative = "inside that subspace M is everything: empty"
    elif inner.closed:
        relative = "inside V(R): empty (M = V(R) is Zariski closed)"
    else:
        relative = (f"inside that subspace, the boundary of M[{emb.inner}] (in its own coordinates, see the "
                    "description): " + inner.description)
        if inner.discriminant:
            relative += f"; discriminant {ren(inner.discriminant)}"
    return BoundaryResult(
        decided=True, certified=True, everything=False, thin=True, closed=closed, relative=relative,
        description=(_embedding_head(emb) + f"; so M lies in a coordinate subspace of dimension {len(emb.positions)}"
                     f" < {k}, has empty interior in R^{k} and is closed (MATH.md §2): ∂M = M"), **common)


def _thin_boundary(arch: Architecture, info: dict, start: float) -> "BoundaryResult | None":
    """``dim M < k`` (exact): ``M`` is closed with empty interior, so ``∂M = M``."""
    from lcnalg.function_space import FunctionSpace

    k = math.prod(arch.end_to_end_filter_shape)
    dim = FunctionSpace(arch).dimension
    if not (dim.certified and dim.value < k):
        return None
    relative = f"not derived ({info['verdict']})"
    return BoundaryResult(
        architecture=str(arch), decided=True, certified=True, everything=False, thin=True, closed=info["closed"],
        description=(f"dim M = {dim.value} < {k}: M is closed in R^{k} (MATH.md §2: the cone over the image of a "
                     "product of spheres) and has empty interior, so ∂M = M; is_boundary_point() decides membership "
                     "exactly (contains())"),
        relative=relative, method="exact dimension (lcnalg.dimension) + Euclidean closedness of M",
        seconds=time.perf_counter() - start)


def inequalities(arch: Architecture | str, *, equations: bool = True, max_degree: int | None = None,
                 jobs: int = 1) -> InequalitiesResult:
    """Exact semi-algebraic description of the function space.

    * **1D stride one**: at least ``m`` real roots (MATH.md §2) as Sturm–Habicht sign
      conditions.
    * **Otherwise, when M is Zariski closed** (:func:`~lcnalg.real.closedness.is_zariski_closed`
      proves ``M = V(R)``): ``M`` is the real zero set of the implicit equations and no
      inequality is needed; the equations are computed (``equations=True``) by
      :func:`~lcnalg.algebra.implicitization.implicit_equations` and their status
      (certified or complete up to a degree) is reported.
    * **1D, only the last stride > 1, not closed**: the polyphase-gcd conditions of
      :mod:`lcnalg.real.polyphase` (``holds_at`` evaluates them exactly).
    * **2D, at most one layer along both axes, not closed**: contents and primitive part
      (:mod:`lcnalg.real.contents`), reducing to the 1D descriptions of the contents.
    * **Otherwise** the result is undecided and says why (not closed, with the witness; or
      closedness undecided).

    Parameters
    ----------
    arch : Architecture or str
    equations : bool
        Compute the implicit equations in the closed case (default True).
    max_degree, jobs : optional
        Passed to the implicit equations.

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
    >>> inequalities("2,2,2 s=2,2").closed, inequalities("4,4,4 s=2,2").decided
    (True, False)
    """
    start = time.perf_counter()
    arch = _linear(arch)
    from lcnalg.real.embedding import coordinate_embedding

    emb = coordinate_embedding(arch)
    if emb is not None:
        inner = inequalities(emb.inner, equations=equations, max_degree=max_degree, jobs=jobs)
        return _embedded_inequalities(inner, emb, start)
    if not _stride_one_1d(arch):
        info = _closed_case(arch, equations, max_degree, jobs)
        if info["closed"] is False:
            from lcnalg.real.polyphase import last_layer_strided

            shape = last_layer_strided(arch)
            if shape is not None:
                return _polyphase_result(arch, shape, start)
            from lcnalg.real.contents import pure_layer_structure

            structure = pure_layer_structure(arch)
            if structure is not None:
                return _contents_result(arch, structure, start)
        if info["closed"] is not True:
            return InequalitiesResult(architecture=str(arch), decided=False, certified=False, method="none",
                                      closed=info["closed"], limitations=info["limitations"],
                                      seconds=time.perf_counter() - start)
        k = math.prod(arch.end_to_end_filter_shape)
        if info["everything"]:
            description = f"M = V(R) = R^{k}: M is Zariski closed and full-dimensional ({info['closedness']})"
        else:
            description = (f"M = V(R) is Zariski closed ({info['closedness']}), so M is exactly the set of real "
                           "filters where the implicit equations vanish; no inequality is needed")
        limitations = _equations_limitation(info["equations_status"])
        return InequalitiesResult(
            architecture=str(arch), decided=True, certified=True, everything=info["everything"],
            closed=True, equations=tuple(info.get("equations", ())), polynomials=tuple(info.get("polynomials", ())),
            equations_status=info["equations_status"], description=description, limitations=limitations,
            family="closed",
            method="Zariski closedness (lcnalg.real.closedness) + implicit equations",
            seconds=time.perf_counter() - start)
    d = arch.end_to_end_filter_shape[0] - 1
    m = _m_of(arch)
    everything = m <= d % 2
    seq: tuple[str, ...] = ()
    disc = ""
    limitations = ""
    if not everything:
        if d <= MAX_SYMBOLIC_DEGREE:
            sym, dpoly = _symbolic_sequence(d)
            seq = tuple(str(s) for s in sym)
            disc = str(dpoly)
        else:
            limitations = (f"d = {d} > {MAX_SYMBOLIC_DEGREE}: the Sturm–Habicht coefficients are not expanded "
                           "symbolically (holds_at evaluates them at points exactly)")
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
        family="stride one", closed=everything, sturm_habicht=seq, discriminant=disc, description=description, limitations=limitations,
        method="MATH.md §2 real-root condition; Sturm–Habicht sequences (exact subresultants)",
        seconds=time.perf_counter() - start,
    )


def boundary(arch: Architecture | str, *, equations: bool = True, max_degree: int | None = None,
             jobs: int = 1) -> BoundaryResult:
    """The boundary of the function space in ``R^k`` (and, where derived, relative to ``V(R)``).

    * **1D stride one**: inside the discriminant hypersurface (below).
    * **Coordinate copies** (single-entry layers, 2D lying along one axis;
      :mod:`lcnalg.real.embedding`): derived for the smaller model and carried back; when some
      coordinates vanish on ``M`` it is thin, ``∂M = M``, and the model's boundary is the
      boundary relative to that coordinate subspace.
    * **M Zariski closed** (:func:`~lcnalg.real.closedness.is_zariski_closed`): empty if ``M``
      is everything, else ``∂M = M`` (closed, empty interior), given by the implicit equations;
      relative to ``V(R)`` empty.
    * **Otherwise, dim M < k** (exact): ``M`` is closed (MATH.md §2) with empty interior, so
      ``∂M = M`` (``is_boundary_point`` decides membership exactly); the boundary relative to
      ``V(R)`` is reported not derived.
    * Otherwise undecided, saying why.

    Parameters as in :func:`inequalities`.

    Examples
    --------
    >>> b = boundary("2,2")
    >>> b.discriminant, b.m
    ('c1^2 - 4*c0*c2', 2)
    >>> boundary("3,2").everything
    True
    >>> b = boundary("2,2 s=2"); b.closed, b.is_boundary_point([1, 2, 3, 6]), b.is_boundary_point([1, 2, 3, 5])
    (True, True, False)
    """
    start = time.perf_counter()
    arch = _linear(arch)
    from lcnalg.real.embedding import coordinate_embedding

    emb = coordinate_embedding(arch)
    if emb is not None:
        inner = boundary(emb.inner, equations=equations, max_degree=max_degree, jobs=jobs)
        return _embedded_boundary(inner, emb, start)
    if not _stride_one_1d(arch):
        info = _closed_case(arch, equations, max_degree, jobs)
        if info["closed"] is not True:
            thin = _thin_boundary(arch, info, start)
            if thin is not None:
                return thin
            return BoundaryResult(architecture=str(arch), decided=False, certified=False, method="none",
                                  closed=info["closed"], limitations=info["limitations"],
                                  seconds=time.perf_counter() - start)
        k = math.prod(arch.end_to_end_filter_shape)
        method = "Zariski closedness (lcnalg.real.closedness) + implicit equations"
        if info["everything"]:
            return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=True, closed=True,
                                  equations_status="certified", method=method, thin=False,
                                  description=f"M = V(R) = R^{k}, so the boundary is empty",
                                  seconds=time.perf_counter() - start)
        limitations = _equations_limitation(info["equations_status"])
        return BoundaryResult(
            architecture=str(arch), decided=True, certified=True, everything=False, closed=True, thin=True,
            relative="empty (M = V(R))",
            equations=tuple(info.get("equations", ())), polynomials=tuple(info.get("polynomials", ())),
            equations_status=info["equations_status"], limitations=limitations, method=method,
            description=(f"M = V(R) is closed ({info['closedness']}) and has empty interior in R^{k} (it is a "
                         "proper subvariety), so ∂M = M, cut out by the implicit equations; relative to V(R) "
                         "the boundary is empty"),
            seconds=time.perf_counter() - start)
    d = arch.end_to_end_filter_shape[0] - 1
    m = _m_of(arch)
    if m <= d % 2:
        return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=True, m=m,
                              closed=True, thin=False,
                              description=f"M = R^{d + 1}, so the boundary is empty",
                              method="MATH.md §2 real-root condition", seconds=time.perf_counter() - start)
    limitations = ""
    if d <= MAX_SYMBOLIC_DEGREE:
        names = tuple(f"c{j}" for j in range(d + 1))
        ctx = integer_ring(names + ("z",))
        gens = ctx.gens()
        poly = sum((c * gens[-1] ** j for j, c in enumerate(gens[:-1])), ctx.from_dict({}))
        disc = str(poly.discriminant("z"))
    else:
        disc = ""
        limitations = (f"d = {d} > {MAX_SYMBOLIC_DEGREE}: the discriminant is not expanded symbolically "
                       "(is_boundary_point decides exactly at points)")
    description = (
        f"∂M = {{0}} ∪ {{c ∈ M : fewer than m = {m} real roots of odd multiplicity (infinity included)}} "
        "⊆ {Disc(c) = 0}: real roots of odd multiplicity survive small perturbations and all others can be "
        "perturbed away ((z−a)^μ ↦ (z−a)^μ + ε), so a form is interior iff it has ≥ m real roots of odd "
        "multiplicity; such a boundary form ≠ 0 has a repeated real root"
    )
    return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=False, m=m,
                          discriminant=disc, description=description, limitations=limitations,
                          closed=False, thin=False,
                          method="MATH.md §2 real-root condition; discriminant of the binary form (FLINT)",
                          seconds=time.perf_counter() - start)
