"""The metric ``K`` of a two-layer linear network as an explicit function of ``(w, δ)``.

Derivation
----------
Write ``θ = (u, v)`` (the two layers), ``a = ‖u‖²``, ``b = ‖v‖²``, ``δ = b − a``.  The
Jacobian block of ``u`` depends on ``v`` only and vice versa, so ``K = K_1(v) + K_2(u)`` with
``K_1`` quadratic in ``v`` and ``K_2`` quadratic in ``u``.  Under the rescaling
``(u, v) ↦ (λu, v/λ)`` the products

    P = a b,   G_1 = a K_1(v),   G_2 = b K_2(u)

are invariant, and are polynomials in the Segre coordinates ``z_ij = u_i v_j``.  With
``ρ = √(δ² + 4P) = a + b``, ``1/a = b/P``, ``1/b = a/P``, hence

    K = ( ρ (G_1 + G_2) + δ (G_1 − G_2) ) / (2P).

Algorithm (elimination)
-----------------------
Each ``z_ij`` is expressed through ``w``: the reduced Gröbner basis over Q (multimodular and
verified, :mod:`lcnalg.polys.groebner`) of ``⟨w_m − μ_m(θ), T − u_i v_j⟩`` for the block order
weights ``>>`` ``T`` ``>>`` ``w`` is computed, and an element free of the weights and of degree 1
in ``T``, ``D(w) T − N(w)``, gives ``z_ij = N/D``.  Such an element exists iff ``z_ij`` is a
rational function of ``w`` on ``V`` (proof in ``_rational_in_w``).  When some ``z_ij`` has none
(the generic fibre of μ is more than one rescaling orbit, as at stride one), no formula is
returned, with that reason.

Verification
------------
At seeded random rational points ``θ`` the formula is checked exactly: ``P``, ``G_1``, ``G_2``
evaluated at ``w = μ(θ)`` against their definitions, and ``K(θ)`` against the formula with
``ρ = a + b`` (rational at rational ``θ``), all in ``Q``.  This check is independent of the
elimination.

References
----------
.. [AKR25] E. M. Achour, K. Kohn, H. Rauhut, *The Riemannian geometry associated to gradient
   flows of linear convolutional networks* (2025) (the metric on function space depends on
   ``δ``).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint
import sympy

from lcnalg import checks
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.monomials import elimination
from lcnalg.polys.mpoly_factor import factor as mpoly_factor
from lcnalg.results import Result

__all__ = ["two_layer_metric_formula"]


@dataclass(frozen=True, kw_only=True)
class MetricFormulaResult(Result):
    r"""The metric ``K`` of a two-layer linear network as an explicit function of ``(w, δ)``.

    Returned by :func:`lcnalg.flow.closed_form.two_layer_metric_formula`:
    ``K = (ρ(G_1 + G_2) + δ(G_1 − G_2)) / (2P)`` with ``ρ = √(δ² + 4P)``.

    Attributes
    ----------
    available : bool
        False when the Segre coordinates ``u_i v_j`` are not rational in ``w`` (then no
        formula of this form exists; ``argument`` says which).
    P : str
        ``‖u‖²‖v‖²`` as a rational function of ``w``.
    G1, G2 : tuple of tuple of str
        ``‖u‖² K_1(v)`` and ``‖v‖² K_2(u)`` as rational functions of ``w``.
    formula : str
    points_checked : int
        Random rational points where the formula was verified exactly.
    """

    available: bool
    P: str
    G1: tuple[tuple[str, ...], ...]
    G2: tuple[tuple[str, ...], ...]
    formula: str
    points_checked: int

    title = "metric formula"

    def answer(self) -> str:
        return self.formula if self.available else "none"

    def to_text(self) -> str:
        """The formula and the rational functions, one a line."""
        if not self.available:
            return f"architecture  {self.architecture}\nformula       none: {self.argument}"
        m = len(self.G1)
        lines = [f"architecture  {self.architecture}", f"formula       {self.formula}", f"P             {self.P}"]
        for name, G in (("G1", self.G1), ("G2", self.G2)):
            for i in range(m):
                for j in range(i, m):
                    if G[i][j] != "0":
                        lines.append(f"{name}[{i},{j}]{'':<{max(1, 7 - len(str(i)) - len(str(j)))}}{G[i][j]}")
        lines.append(f"checked       exactly at {self.points_checked} random rational points")
        lines.append(f"status        {self.provenance()}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        """The formula and ``P``."""
        import sympy

        if not self.available:
            return f"% lcnalg metric --formula {self.architecture}\nno formula: {self.argument}"
        return (f"% lcnalg metric --formula {self.architecture}\n"
                f"$K = \\frac{{\\rho (G_1 + G_2) + \\delta (G_1 - G_2)}}{{2P}},\\ \\rho = \\sqrt{{\\delta^2 + 4P}},\\ "
                f"P = {sympy.latex(sympy.sympify(self.P))}$")


__all__ += ["MetricFormulaResult"]


def _to_z(expr: sympy.Expr, u: list, v: list, z: dict) -> tuple[Any, Any]:
    """Rewrite a polynomial bihomogeneous of equal degree in ``u`` and ``v`` in the ``z_ij = N_ij/D_ij``:
    the rational function of ``w`` it becomes, as a coprime pair ``(num, den)`` of integer polynomials
    (FLINT arithmetic, sums over common denominators, one gcd at the end)."""
    poly = sympy.Poly(sympy.expand(expr), *u, *v)
    ctx = next(iter(z.values()))[0].context()
    num, den = ctx.from_dict({}), ctx.from_dict({(0,) * ctx.nvars(): 1})
    for monom, coeff in poly.terms():
        ui = [i for i, e in enumerate(monom[:len(u)]) for _ in range(e)]
        vj = [j for j, e in enumerate(monom[len(u):]) for _ in range(e)]
        if len(ui) != len(vj):
            raise InputError("expression: not of equal degree in the two layers")
        tn, td = ctx.from_dict({(0,) * ctx.nvars(): int(coeff)}), ctx.from_dict({(0,) * ctx.nvars(): 1})
        for i, j in zip(ui, vj):
            tn, td = tn * z[(i, j)][0], td * z[(i, j)][1]
        g = den.gcd(td)
        num, den = num * (td / g) + tn * (den / g), den * (td / g)
    g = num.gcd(den)
    return (num / g, den / g) if not g.is_zero() else (num, den)


def _factored(num: Any, den: Any, W: Any) -> sympy.Expr:
    """The rational function ``num/den`` (coprime integer polynomials in the ``w``, in lex order on
    ``w0, w1, …``) as the product of its irreducible factors, numerator and denominator factored by FLINT
    (:func:`~lcnalg.polys.mpoly_factor.factor`): each factor with a positive leading coefficient in lex
    order on the variables that occur, as sympy's ``factor(cancel(·))`` normalizes them, so the same
    canonical expression."""
    if num.is_zero():
        return sympy.Integer(0)
    if num.total_degree() <= 0 and den.total_degree() <= 0:
        return sympy.Rational(int(num.leading_coefficient()), int(den.leading_coefficient()))

    def back(f: Any) -> sympy.Expr:
        return sympy.Add(*[sympy.Integer(int(c)) * sympy.Mul(*[g ** e for g, e in zip(W, m)])
                           for m, c in zip(f.monoms(), f.coeffs())])

    c1, f1 = mpoly_factor(num)
    c2, f2 = mpoly_factor(den)
    return sympy.Mul(sympy.Rational(int(c1), int(c2)), *[back(f) ** e for f, e in f1], *[back(f) ** -e for f, e in f2])


#: How the ``u_i v_j`` are expressed through ``w``.
METHOD = "Groebner bases over Q eliminating the weights (block order weights >> T >> w)"


def _graph_ideal(coordinates: Any, n: int, nw: int) -> list[dict]:
    """``w_m − μ_m(θ)`` as exponent dictionaries in the variables ``(θ, T, w)``."""
    out = []
    for m, c in enumerate(coordinates):
        d = {tuple(int(x) for x in e) + (0,) * (1 + nw): -int(co) for e, co in zip(c.monoms(), c.coeffs())}
        d[(0,) * (n + 1 + m) + (1,) + (0,) * (nw - m - 1)] = 1
        out.append(d)
    return out


def _rational_in_w(graph: list[dict], n: int, nw: int, i: int, j: int, W: Any, limits: Limits) -> Any:
    """``θ_i θ_j`` as a rational function ``N(w)/D(w)`` on the image (the coprime pair ``(N, D)`` of
    integer polynomials in the ``w``, lex order), or None when it is not one.

    The reduced Gröbner basis over Q (verified) of ``⟨w − μ(θ), T − θ_i θ_j⟩`` for the block order
    ``θ >> T >> w`` contains an element ``D(w) T − N(w)`` free of ``θ`` iff the elimination ideal has
    an element of degree 1 in ``T`` with ``D`` outside the ideal of ``V``: the normal form of such a
    ``D`` modulo the ideal of ``V`` keeps the leading monomial ``T·lm(D)`` out of the ideal generated
    by the leading monomials of the pure ``w`` elements, so some basis element of ``T``-degree 1 divides
    it; and a reduced basis element ``D T − N`` has ``lm(D)`` standard, so ``D`` is not in the ideal of ``V``.
    """
    N = n + 1 + nw
    t = [0] * N
    t[n] = 1
    prod = [0] * N
    prod[i] += 1
    prod[j] += 1
    G = groebner_basis(graph + [{tuple(t): 1, tuple(prod): -1}], order=elimination((n, 1)), nvars=N,
                       grading=[1] * n + [2] * (1 + nw), limits=limits)
    linear = [g for g in G.polys if all(not any(e[:n]) for e in g) and max(e[n] for e in g) == 1]
    if not linear:
        return None
    g = min(linear, key=len)
    ctx = flint.fmpz_mpoly_ctx.get(tuple(str(x) for x in W), "lex")
    N = ctx.from_dict({tuple(e[n + 1:]): -int(c) for e, c in g.items() if e[n] == 0})
    D = ctx.from_dict({tuple(e[n + 1:]): int(c) for e, c in g.items() if e[n] == 1})
    common = N.gcd(D)
    return (N / common, D / common) if not common.is_zero() else (N, D)


def two_layer_metric_formula(mu: Any, *, seed: int = 0, points: int = 10,
                             limits: Limits | None = None) -> MetricFormulaResult:
    """``K`` of a two-layer linear network as a function of ``(w, δ)``, by elimination.

    Parameters
    ----------
    mu : Parameterization
        A linear network with two layers.
    seed : int
        Seed of the random rational points of the verification.
    points : int
        How many points are checked.
    limits : Limits, optional
        ``max_elimination_variables`` bounds the weights plus coordinates of the elimination.

    Returns
    -------
    MetricFormulaResult
        ``P``, ``G_1``, ``G_2`` as rational functions of ``w`` (sympy-parsable strings), the
        formula, and the number of points checked; ``available`` False with the reason when
        some ``u_i v_j`` is not rational in ``w``.

    Raises
    ------
    InputError
        For a network with an activation or a number of layers other than two.
    ResourceLimitError
        When the elimination has more variables than ``limits.max_elimination_variables``.

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> res = two_layer_metric_formula(parameterize("2,2 s=2"))
    >>> res.available, res.P, res.points_checked
    (True, 'w0**2 + w1**2 + w2**2 + w3**2', 10)
    >>> two_layer_metric_formula(parameterize("2,2")).available
    False
    """
    start = time.perf_counter()
    arch = mu.architecture
    if arch.activation is not None or arch.num_layers != 2:
        raise InputError(f"architecture {arch}: the formula is derived for linear networks with two layers")
    limits = Limits.coerce(limits)
    limits.check("max_elimination_variables", f"weights plus coordinates of the elimination for {arch}",
                 mu.num_parameters + mu.ambient_dimension)
    seed = checks.seed(seed)
    points = checks.integer(points, "points", low=1, high=1000, form="an integer from 1 to 1000")
    names = sympy.symbols(mu.parameter_names)
    coords = [sympy.sympify(str(c).replace("^", "**")) for c in mu.coordinates]
    W = sympy.symbols(f"w0:{len(coords)}")
    (l0, h0), (l1, h1) = mu.layer_slices
    u, v = list(names[l0:h0]), list(names[l1:h1])
    z: dict = {}
    n, nw = len(names), len(coords)
    graph = _graph_ideal(mu.coordinates, n, nw)
    for i in range(len(u)):
        for j in range(len(v)):
            z_ij = _rational_in_w(graph, n, nw, l0 + i, l1 + j, W, limits)
            if z_ij is None:
                return MetricFormulaResult(
                    architecture=str(arch), available=False, P="", G1=(), G2=(), formula="", points_checked=0,
                    method=METHOD, certified=True, seconds=time.perf_counter() - start,
                    argument=(f"u{i}*v{j} satisfies no relation of degree 1 over Q(w) in the elimination ideal, so "
                              "it is not a rational function of w: the generic fibre is more than one orbit"),
                    limitations="")
            z[(i, j)] = z_ij
    J = sympy.Matrix([[sympy.diff(c, x) for x in names] for c in coords])
    J1, J2 = J[:, l0:h0], J[:, l1:h1]
    a = sum(x ** 2 for x in u)
    b = sum(x ** 2 for x in v)
    G1 = (a * J1 * J1.T).applyfunc(lambda e: _factored(*_to_z(e, u, v, z), W))
    G2 = (b * J2 * J2.T).applyfunc(lambda e: _factored(*_to_z(e, u, v, z), W))
    P = _factored(*_to_z(sympy.expand(a * b), u, v, z), W)
    # verification at random rational points, exactly
    # every symbol is replaced by a rational, so xreplace (a plain rebuild of the tree, whose numeric
    # Add/Mul/Pow evaluate exactly) gives the value subs gives, without subs' pattern matching
    rng = random.Random(seed)
    m = len(coords)
    checked = 0
    attempts = 0
    while checked < points and attempts < 20 * points:
        attempts += 1
        # non-zero weights: the formula comes from elimination and holds on a dense open set; a
        # weight 0 is a special point (e.g. 1x2,2x2 at [7/2, 0, -2, 4, 0, -7/3]), not a check
        theta = [sympy.Rational(rng.choice((-1, 1)) * rng.randint(1, 9), rng.randint(1, 4)) for _ in names]
        sub = dict(zip(names, theta))
        wv = {Wm: c.xreplace(sub) for Wm, c in zip(W, coords)}
        try:
            Pv, G1v, G2v = P.xreplace(wv), G1.xreplace(wv), G2.xreplace(wv)
        except ZeroDivisionError:  # pragma: no cover - sympy returns zoo instead
            continue
        if Pv == 0 or Pv.has(sympy.zoo, sympy.nan) or any(e.has(sympy.zoo, sympy.nan) for e in list(G1v) + list(G2v)):
            continue
        av, bv = a.xreplace(sub), b.xreplace(sub)
        Jv = J.xreplace(sub)
        J1v, J2v = Jv[:, l0:h0], Jv[:, l1:h1]
        K = Jv * Jv.T
        rho, delta = av + bv, bv - av
        ok = (Pv == av * bv and G1v == av * J1v * J1v.T and G2v == bv * J2v * J2v.T
              and K == (rho * (G1v + G2v) + delta * (G1v - G2v)) / (2 * Pv))
        if not ok:
            raise AssertionError(f"the metric formula fails at {theta}")  # pragma: no cover - a bug
        checked += 1
    return MetricFormulaResult(
        architecture=str(arch), available=True, P=str(P),
        G1=tuple(tuple(str(G1[i, j]) for j in range(m)) for i in range(m)),
        G2=tuple(tuple(str(G2[i, j]) for j in range(m)) for i in range(m)),
        formula="K = (rho*(G1 + G2) + delta*(G1 - G2))/(2*P),  rho = sqrt(delta**2 + 4*P)",
        points_checked=checked,
        method=METHOD + "; exact check at random rational points",
        certified=checked == points, seed=seed, seconds=time.perf_counter() - start,
        argument=("K = G1/a + G2/b with a = |u|^2, b = |v|^2, b - a = delta, ab = P (derivation in the module); "
                  "u_i v_j = N/D from the elimination ideal; the identity checked exactly at the points"),
        limitations="" if checked == points else f"only {checked} of {points} random points avoided the poles")
