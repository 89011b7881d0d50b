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

import time
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.export.latex import function_space_symbol, poly_latex
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
    """

    decided: bool
    everything: bool | None = None
    m: int | None = None
    degree: int | None = None
    sturm_habicht: tuple[str, ...] = ()
    discriminant: str = ""
    description: str = ""
    limitations: str = ""

    title = "inequalities"

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
        if self.everything:
            return True
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
        if self.limitations:
            lines.append(f"limitations: {self.limitations}")
        lines.append(f"[{self.status}; {self.method}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if not self.decided:
            return rf"{sym}:\ \text{{no description derived}}"
        if self.everything:
            return rf"{sym} = \mathbb{{R}}^{{{self.degree + 1}}}"
        import sympy

        lines = [rf"{sym} = \overline{{\{{c : c_{{{self.degree}}} \neq 0,\ \operatorname{{Disc}}(c) \neq 0,\ "
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
    """

    decided: bool
    everything: bool | None = None
    m: int | None = None
    discriminant: str = ""
    description: str = ""
    limitations: str = ""

    title = "boundary"

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
        c = parse_filter(filt, Architecture.parse(self.architecture))
        if all(x == 0 for x in c):
            return True
        return real_roots_projective(c) >= self.m and odd_real_roots_projective(c) < self.m

    def to_text(self) -> str:
        lines = [f"boundary of M[{self.architecture}]:", self.description]
        if self.discriminant:
            lines.append(f"discriminant: {self.discriminant}")
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
        import sympy

        if not self.discriminant:
            return rf"\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}}"
        disc = poly_latex(sympy.sympify(self.discriminant))
        return (rf"\partial {sym} \subseteq \{{\operatorname{{Disc}}(c) = 0\}},\quad "
                rf"\operatorname{{Disc}} = {disc}")


def _undecided_text(arch: Architecture) -> str:
    if arch.ndim != 1:
        return (f"{arch.ndim}D: no semi-algebraic description is derived (membership is decided pointwise "
                "by contains(), exactly where the factors are absolutely irreducible)")
    return ("strides > 1: no closed-form semi-algebraic description is derived; membership is decided "
            "exactly pointwise by contains() (root-orbit search)")


def inequalities(arch: Architecture | str) -> InequalitiesResult:
    """Exact semi-algebraic description of the function space (1D stride one).

    Examples
    --------
    >>> r = inequalities("2,2")
    >>> r.m, r.everything, r.sturm_habicht
    (2, False, ('c2', '2*c2', 'c1^2*c2 - 4*c0*c2^2'))
    >>> inequalities("3,2").everything
    True
    >>> inequalities("3,2 s=2").decided
    False
    """
    start = time.perf_counter()
    arch = Architecture.parse(arch) if isinstance(arch, str) else arch
    if not _stride_one_1d(arch):
        return InequalitiesResult(architecture=str(arch), decided=False, certified=False,
                                  method="none", limitations=_undecided_text(arch),
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
        sturm_habicht=seq, discriminant=disc, description=description, limitations=limitations,
        method="MATH.md §2 real-root condition; Sturm–Habicht sequences (exact subresultants)",
        seconds=time.perf_counter() - start,
    )


def boundary(arch: Architecture | str) -> BoundaryResult:
    """The boundary of the function space (1D stride one) inside the discriminant hypersurface.

    Examples
    --------
    >>> b = boundary("2,2")
    >>> b.discriminant, b.m
    ('c1^2 - 4*c0*c2', 2)
    >>> boundary("3,2").everything
    True
    """
    start = time.perf_counter()
    arch = Architecture.parse(arch) if isinstance(arch, str) else arch
    if not _stride_one_1d(arch):
        return BoundaryResult(architecture=str(arch), decided=False, certified=False, method="none",
                              limitations=_undecided_text(arch), seconds=time.perf_counter() - start)
    d = arch.end_to_end_filter_shape[0] - 1
    m = _m_of(arch)
    if m <= d % 2:
        return BoundaryResult(architecture=str(arch), decided=True, certified=True, everything=True, m=m,
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
                          method="MATH.md §2 real-root condition; discriminant of the binary form (FLINT)",
                          seconds=time.perf_counter() - start)
