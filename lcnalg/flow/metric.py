"""The metric ``K(θ) = Jμ(θ) Jμ(θ)ᵀ`` of the function-space flow, and whether ``(w, δ)`` determines it.

Along ``θ' = −∇(ℓ∘μ)`` the end-to-end filter moves by ``w' = −K(θ) ∇ℓ(w)``.  The question is
whether ``K`` is a function of ``w = μ(θ)`` and the conserved ``δ = δ(θ)``.

Algorithm
---------
*(a) Locally.*  The rank of the stacked Jacobian of ``θ ↦ (μ(θ), δ(θ))`` at a random
integer point: exact for a linear network; modulo a prime for a monomial activation, with
``Jμ`` replaced by ``E·Jμ`` (``E``: the evaluation of the input monomials at ``N`` random
inputs, :meth:`~lcnalg.polynomial_parameterization.PolynomialParameterization.evaluation_jacobian`),
whose rows lie in the row space of ``Jμ``; both only lower the rank, so rank ``N`` still
proves it is ``N`` over Q (``Jμ`` itself has tens of thousands of rows with coefficients of
hundreds of bits for ``4,4,4,4 r=2``: a minute, against milliseconds).  Rank ``N`` there proves
(the rank is lower semicontinuous and maximal) that the map is an immersion on a dense open
set, so near such a point ``θ`` is a smooth function of ``(μ, δ)`` and so is ``K``.

*(b), (c) Globally.*  Two points ``θ, q`` with ``μ(θ) = μ(q)`` exactly (checked) are produced
from the architecture: swapping two layers of equal shape, or moving one root between two
layers whose polynomials are products of linear factors (1D stride one; 2D separable
layers; 1D two layers with the first a polynomial in ``x^{s_1}``).  The torus of rescalings
``g`` (``w_l ↦ c_l w_l`` with ``c_1 = λ_1``, ``c_l = λ_{l−1}^{−r} λ_l``, ``c_L = λ_{L−1}^{−r}``)
fixes ``μ``, and ``δ_l(gq) = r t_{l+1} a_{l+1} − t_l a_l`` with ``t_l = c_l²``,
``a_l = ‖q_l‖²``.  Solving ``δ(gq) = δ(θ)`` is one univariate equation: with ``x = λ_1²`` the
``t_l`` follow from the chain ``t_{l+1} = (δ_l + a_l t_l)/(r a_{l+1})`` and the constraint is
``s_L = 1`` for ``s_1 = x``, ``s_l = t_l s_{l−1}^r``.  Its positive roots with all ``t_l > 0``
are isolated exactly (rational roots by factoring over ``Q``; the others as certified
``arb`` enclosures).  From ``μ∘g = μ``, ``J(gq) = J(q) g^{−1}``, so

    K(gq) = Σ_l t_l^{−1} J_l(q) J_l(q)ᵀ,

exact (rational ``t``) or a certified enclosure.  ``K(gq) ≠ K(θ)`` is certified when some
entry of the difference is an exact non-zero rational, or an enclosure excluding 0.

When the pair comes from a generic point (random layers; for root moves, distinct real roots)
and both Jacobians have full rank, the map ``(μ, δ)`` is a local diffeomorphism onto its
image near both points, so the two preimages and ``K ≠ K'`` persist for all ``(w, δ)`` in an
open set: ``K`` is not a function of ``(w, δ)`` on that open set.  No pair found proves
nothing: the answer is then ``None`` (undecided), never ``True``.

References
----------
.. [AKR25] E. M. Achour, K. Kohn, H. Rauhut, *The Riemannian geometry associated to
   gradient flows of linear convolutional networks* (2025): the flow on function space is
   a Riemannian gradient flow, for ``D ≥ 2`` and for ``D = 1`` when all strides are ``> 1``.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from fractions import Fraction
from math import gcd
from typing import Any, Iterator

import flint

from lcnalg import checks
from lcnalg.algebra.degree import degree_by_fibre
from lcnalg.algebra.dimension import check_jacobian_size
from lcnalg.errors import ResourceLimitError
from lcnalg.flow.closed_form import two_layer_metric_formula
from lcnalg.flow.invariants import conserved_quantities, layer_degrees
from lcnalg.polys.modular import LIFT_PRIME
from lcnalg.printing import function_space_symbol
from lcnalg.results import Result, Status

__all__ = ["metric_tensor", "layer_metrics", "rescalings_matching", "compare_metrics", "metric", "PAPER_CLAIM",
           "paper_claim_applies"]


@dataclass(frozen=True)
class MetricPair:
    """Two parameter points with the same end-to-end filter and the same ``δ`` but different
    metrics ``K = Jμ Jμᵀ``.

    The second point is ``g·q``: the base point ``q`` (exact, ``μ(q) = μ(θ)``) rescaled layer by
    layer by ``c_l = sqrt(t_l)``, with ``t_l`` exact or a certified ball (a root of
    ``scales_polynomial`` in ``x = t_1``).

    Attributes
    ----------
    point, other_base : tuple of str
        ``θ`` and ``q`` (flat exact weights).
    scales_squared : tuple of str
        ``t_l = c_l²``, exact rationals or balls ``[mid +/- rad]``.
    scales_polynomial : str
    filter, delta : tuple of str
        The common ``μ`` and ``δ``.
    metric, other_metric : tuple of tuple of str
        ``K(θ)`` exactly and ``K(g·q)`` (exact or balls).
    max_difference : float
        The largest entry of ``|K(g·q) − K(θ)|`` proved non-zero.
    exact : bool
        Whether ``t`` (hence ``K(g·q)``) is rational.
    description : str
        How ``q`` was obtained from ``θ``.
    """

    point: tuple[str, ...]
    other_base: tuple[str, ...]
    scales_squared: tuple[str, ...]
    scales_polynomial: str
    filter: tuple[str, ...]
    delta: tuple[str, ...]
    metric: tuple[tuple[str, ...], ...]
    other_metric: tuple[tuple[str, ...], ...]
    max_difference: float
    exact: bool
    description: str = ""

    def line(self) -> str:
        """One line: the filter, how the points differ, and by how much ``K`` does."""
        return (f"w = ({', '.join(self.filter)}), delta = ({', '.join(self.delta)}): theta = ({', '.join(self.point)}) "
                f"and q = ({', '.join(self.other_base)}) rescaled by c_l^2 = ({', '.join(self.scales_squared)}) "
                f"[{self.description}]; K differs by up to {self.max_difference:.6g}"
                f" ({'exact' if self.exact else 'certified balls'})")


@dataclass(frozen=True, kw_only=True)
class MetricResult(Result):
    r"""Whether the metric ``K = Jμ Jμᵀ`` of the function-space flow is a function of ``(w, δ)``.

    Returned by :func:`lcnalg.flow.metric` and :meth:`lcnalg.FunctionSpace.metric`.

    Attributes
    ----------
    locally_determined : bool
        Whether ``θ ↦ (μ(θ), δ(θ))`` has rank ``N`` at a random point (then it is an immersion
        on a dense open set and ``K`` is locally a function of ``(w, δ)``).
    jacobian_rank, num_parameters : int
    globally_determined : bool or None
        False when a generic pair with equal ``(w, δ)`` and different ``K`` was found; None
        (undecided) otherwise.
    counterexample : MetricPair or None
        That generic pair.
    special_counterexample : MetricPair or None
        A pair at a special filter, looked for when no generic pair exists.
    special_set : str
        What is known of the set of such special filters (empty when no pair was found).
    paper_claim : str
        The statement of [AKR25] this is compared with.
    paper_claim_applies : bool
        Whether the architecture is in the paper's stated setting.
    """

    locally_determined: bool
    jacobian_rank: int
    num_parameters: int
    globally_determined: bool | None
    counterexample: MetricPair | None
    special_counterexample: MetricPair | None
    special_set: str = ""
    paper_claim: str
    paper_claim_applies: bool

    title = "metric"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        return Status.undecided(self.limitations or "not certified")

    def answer(self) -> dict[str, Any]:
        """The three decisions."""
        return {"locally_determined": self.locally_determined, "globally_determined": self.globally_determined,
                "special_counterexample": self.special_counterexample is not None}

    def to_text(self) -> str:
        """Aligned rows: the decisions, the pairs and the paper's claim."""
        def show(v: Any) -> str:
            return "undecided" if v is None else ("yes" if v else "no")
        rows = [
            ("architecture", self.architecture),
            ("locally", f"{show(self.locally_determined)} (rank of (mu, delta) {self.jacobian_rank} of "
                        f"{self.num_parameters})"),
            ("globally", show(self.globally_determined)),
            ("counterexample", self.counterexample.line() if self.counterexample else "-"),
            ("special", self.special_counterexample.line() if self.special_counterexample else "-"),
            ("special set", self.special_set or "-"),
            ("paper", self.paper_claim + (" (applies)" if self.paper_claim_applies else
                                          " (outside its stated setting)")),
            ("status", self.provenance()),
        ]
        return "\n".join(f"{k:<16}{v}" for k, v in rows)

    def to_latex(self) -> str:
        """One sentence with the decisions."""
        def show(v: Any) -> str:
            return "undecided" if v is None else ("yes" if v else "no")
        return (f"% lcnalg metric {self.architecture}\n"
                f"${function_space_symbol(self.architecture)}$: $K = J\\mu J\\mu^{{\\mathsf T}}$ locally a function "
                f"of $(w, \\delta)$: {show(self.locally_determined)}; globally at a generic point: "
                f"{show(self.globally_determined)}; pair at a special filter: "
                f"{'yes' if self.special_counterexample else 'none found'} ({self.status.label}).")


__all__ += ["MetricPair", "MetricResult"]

#: What [AKR25] states (abstract), recorded next to what lcnalg computes; never assumed.
PAPER_CLAIM = ("[AKR25, abstract] gradient flow on the parameters of a linear convolutional network induces a "
               "Riemannian gradient flow on function space, regardless of the initialization, for D >= 2 and for "
               "D = 1 when all strides are > 1; the metric depends on the initialization (through delta)")

_PREC = 200

#: Two-layer networks with at most this many weights plus coordinates get the elimination that
#: proves global determinacy inside :func:`metric` (a second or less; ``--formula`` goes further).
_MAX_FORMULA_VARIABLES = 12


def _fmpq(x: Any) -> flint.fmpq:
    if isinstance(x, Fraction):
        return flint.fmpq(x.numerator, x.denominator)
    return flint.fmpq(x)


def metric_tensor(mu: Any, theta: Any) -> flint.fmpq_mat:
    """``K(θ) = Jμ(θ) Jμ(θ)ᵀ`` exactly (``M × M``, ``M`` coordinates).

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> print(metric_tensor(parameterize("2,2"), [1, 2, 3, 5]))
    [10, 17,  0]
    [17, 39, 17]
    [ 0, 17, 29]
    """
    mu = checks.parameterization(mu)
    J = mu.jacobian_at(theta)
    return J * J.transpose()


def layer_metrics(mu: Any, theta: Any) -> list[flint.fmpq_mat]:
    """The parts ``J_l(θ) J_l(θ)ᵀ`` of ``K(θ)``, one per layer (their sum is ``K``).

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> mu = parameterize("2,2")
    >>> parts = layer_metrics(mu, [1, 2, 3, 5])
    >>> parts[0] + parts[1] == metric_tensor(mu, [1, 2, 3, 5])
    True
    """
    mu = checks.parameterization(mu)
    J = mu.jacobian_at(theta)
    m = J.nrows()
    columns = J.transpose().entries()  # the weights' columns of J, one after the other
    out = []
    for lo, hi in mu.layer_slices:
        JlT = flint.fmpq_mat(hi - lo, m, columns[lo * m:hi * m])
        out.append(JlT.transpose() * JlT)
    return out


def _invariant_values(mu: Any, theta: list) -> list[flint.fmpq]:
    r = mu.architecture.activation or 1
    norms = [sum((_fmpq(v) ** 2 for v in theta[lo:hi]), flint.fmpq(0)) for lo, hi in mu.layer_slices]
    return [r * norms[l + 1] - norms[l] for l in range(len(norms) - 1)]


@dataclass(frozen=True)
class _Rescaling:
    """A real torus element ``g`` with ``δ(gq)`` prescribed: ``t_l = c_l²`` exactly or enclosed."""

    polynomial: flint.fmpz_poly  # the irreducible factor whose root is x = λ_1²
    t_exact: tuple[flint.fmpq, ...] | None
    t_ball: tuple[flint.arb, ...]


def rescalings_matching(mu: Any, q: list, delta: list) -> list[_Rescaling]:
    """All real rescalings ``g`` (up to signs) with ``δ(g q) = delta``; see the module docstring.

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    q : list
        A point (flat exact weights) with no zero layer.
    delta : list of fmpq
        The prescribed values of the ``δ_l``.
    """
    mu = checks.parameterization(mu)
    r = mu.architecture.activation or 1
    a = [sum((_fmpq(v) ** 2 for v in q[lo:hi]), flint.fmpq(0)) for lo, hi in mu.layer_slices]
    L = len(a)
    x = flint.fmpq_poly([0, 1])
    t = [x]
    for l in range(L - 1):
        t.append((t[l] * a[l] + delta[l]) / (r * a[l + 1]))
    s = x
    for l in range(1, L):
        s = t[l] * s ** r
    P = s - 1
    factors = P.numer().factor()[1]
    out = []
    with flint.ctx.workprec(_PREC):
        for f, _ in factors:
            if f.degree() == 1:
                root = -flint.fmpq(f[0], f[1])
                ts = tuple(tl(root) for tl in t)
                if root > 0 and all(v > 0 for v in ts):
                    out.append(_Rescaling(f, ts, tuple(flint.arb(v) for v in ts)))
                continue
            for z, _m in f.complex_roots():
                if not z.imag == 0:
                    continue
                xr = z.real
                balls = tuple(_horner(tl, xr) for tl in t)
                if xr > 0 and all(b > 0 for b in balls):
                    out.append(_Rescaling(f, None, balls))
    return out


def _horner(p: flint.fmpq_poly, x: flint.arb) -> flint.arb:
    acc = flint.arb(0)
    for i in range(p.degree(), -1, -1):
        acc = acc * x + flint.arb(p[i])
    return acc


def _strings(values: list) -> tuple[str, ...]:
    # an fmpq is in lowest terms with q > 0, and FLINT writes it p/q (p alone when q = 1): the
    # text of the equal Fraction
    return tuple(map(str, values))


def _matrix_strings(K: flint.fmpq_mat) -> tuple[tuple[str, ...], ...]:
    """The entries' texts row by row, as :func:`_strings` writes them: ``K = X / d`` with ``X``
    an integer matrix, each entry ``x / d`` in lowest terms through Python's integer gcd (FLINT
    writing each fmpq, or reading ``K[i, j]`` one by one, costs several times as much on the
    625 x 625 metric of ``9x9,9x9,9x9``)."""
    X, den = K.numer_denom()
    d = int(den)
    values = [int(x) for x in X.entries()]
    if d == 1:
        texts = list(map(str, values))
    else:
        texts = []
        for x in values:
            g = gcd(x, d)
            texts.append(str(x // g) if g == d else f"{x // g}/{d // g}")
    n = K.ncols()
    return tuple(tuple(texts[i * n:(i + 1) * n]) for i in range(K.nrows()))


def compare_metrics(mu: Any, theta: Any, q: Any, *, description: str = "") -> MetricPair | None:
    """Rescale ``q`` so that ``δ`` matches ``θ``'s, and compare the metrics.

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    theta, q : sequences of exact numbers (flat weights)
        Two points with ``μ(θ) = μ(q)`` (checked exactly).
    description : str
        How ``q`` was obtained from ``θ``.

    Returns
    -------
    MetricPair or None
        The first rescaled ``q`` whose ``K`` provably differs from ``K(θ)``; None when
        ``μ(θ) ≠ μ(q)`` or every rescaling gives (provably or possibly) the same ``K``.

    Examples
    --------
    The point of docs/theory.md#gradient-flow: ``(1 − z²)(z² − 2)(z² − 3)`` for ``3,3 s=2``:

    >>> from lcnalg.parameterization import parameterize
    >>> mu = parameterize("3,3 s=2")
    >>> pair = compare_metrics(mu, [1, 0, -1, 6, -5, 1], [-2, 0, 1, -3, 4, -1])
    >>> pair.filter, pair.delta, pair.exact
    (('6', '0', '-11', '0', '6', '0', '-1'), ('60',), False)
    """
    mu = checks.parameterization(mu)
    theta = [_fmpq(v) for v in mu.split(theta) for v in v]
    q = [_fmpq(v) for v in mu.split(q) for v in v]
    w = mu.evaluate(theta)
    if mu.evaluate(q) != w:
        return None
    delta = _invariant_values(mu, theta)
    K = metric_tensor(mu, theta)
    parts = layer_metrics(mu, q)
    m = K.nrows()
    for g in rescalings_matching(mu, q, delta):
        if g.t_exact is not None:
            K2 = parts[0] * (1 / g.t_exact[0])
            for P, tl in zip(parts[1:], g.t_exact[1:]):
                K2 += P * (1 / tl)
            if K2 == K:
                continue
            X, den = (K2 - K).numer_denom()
            diff = flint.fmpq(max(abs(int(x)) for x in X.entries()), den)
            return MetricPair(point=_strings(theta), other_base=_strings(q), scales_squared=_strings(g.t_exact),
                              scales_polynomial=str(g.polynomial), filter=_strings(list(w)),
                              delta=_strings(delta), metric=_matrix_strings(K), other_metric=_matrix_strings(K2),
                              max_difference=float(diff), exact=True, description=description)
        with flint.ctx.workprec(_PREC):
            inv = [1 / b for b in g.t_ball]
            K2b = [[sum((inv[l] * flint.arb(parts[l][i, j]) for l in range(len(parts))), flint.arb(0))
                    for j in range(m)] for i in range(m)]
            certified = [(i, j) for i in range(m) for j in range(m) if not (K2b[i][j] - flint.arb(K[i, j])).contains(0)]
            if not certified:
                continue
            diff = max(abs(float((K2b[i][j] - flint.arb(K[i, j])).mid())) for i, j in certified)
            return MetricPair(point=_strings(theta), other_base=_strings(q),
                              scales_squared=tuple(b.str(20, radius=True) for b in g.t_ball),
                              scales_polynomial=str(g.polynomial), filter=_strings(list(w)), delta=_strings(delta),
                              metric=_matrix_strings(K),
                              other_metric=tuple(tuple(b.str(15, radius=True) for b in row) for row in K2b),
                              max_difference=diff, exact=False, description=description)
    return None


# ------------------------------------------------------------------ candidate pairs
def _poly_from_roots(roots: list[int], lc: int) -> list[int]:
    p = [lc]
    for rho in roots:  # multiply by (x - rho)
        p = [(p[i - 1] if i else 0) - rho * (p[i] if i < len(p) else 0) for i in range(len(p) + 1)]
    return p


def _stretch(p: list[int], s: int) -> list[int]:
    out = [0] * ((len(p) - 1) * s + 1)
    for i, c in enumerate(p):
        out[i * s] = c
    return out


def _layer_from_axes(shape: tuple[int, ...], per_axis: list[list[int]]) -> list[int]:
    """Weights (row-major) of the separable filter ``Π_a p_a(x_a)``."""
    if len(shape) == 1:
        return per_axis[0]
    return [a * b for a in per_axis[0] for b in per_axis[1]]


def _split_points(arch: Any, rng: random.Random, stretch_first: int = 1) -> tuple[list, list]:
    """Layers that are products of linear factors on every axis (distinct random integer roots),
    as (flat weights, the roots per layer and axis, leading coefficient per layer)."""
    used: set[int] = set()
    roots, lcs = [], []
    bound = max(9, sum(k - 1 for f in arch.filters for k in f))   # room for distinct roots
    for f in arch.filters:
        axes = []
        for k in f:
            deg = k - 1 if stretch_first == 1 else (k - 1) // stretch_first
            rs = []
            while len(rs) < deg:
                v = rng.randint(-bound, bound)
                if v not in used:
                    used.add(v)
                    rs.append(v)
            axes.append(rs)
            stretch_first = 1
        roots.append(axes)
        lcs.append(rng.choice([-3, -2, -1, 1, 2, 3]))
    return roots, lcs


def _assemble(arch: Any, roots: list, lcs: list, s_first: int = 1) -> list[int]:
    flat = []
    for l, (f, axes) in enumerate(zip(arch.filters, roots)):
        polys = [_poly_from_roots(rs, lcs[l] if a == 0 else 1) for a, rs in enumerate(axes)]
        if l == 0 and s_first > 1:
            polys[0] = _stretch(polys[0], s_first)
        flat += _layer_from_axes(f, polys)
    return flat


def _root_moves(roots: list) -> Iterator[tuple[list, str]]:
    L = len(roots)
    for l in range(L):
        for m in range(l + 1, L):
            for a in range(len(roots[l])):
                if roots[l][a] and roots[m][a]:
                    new = [[list(rs) for rs in axes] for axes in roots]
                    new[l][a][0], new[m][a][0] = roots[m][a][0], roots[l][a][0]
                    yield new, (f"root {roots[l][a][0]} of layer {l + 1} and root {roots[m][a][0]} of layer "
                                f"{m + 1} exchanged (axis {a + 1})")


def _generic_candidates(mu: Any, seed: int) -> Iterator[tuple[list, list, str]]:
    arch = mu.architecture
    rng = random.Random(seed)
    theta = [rng.randint(-9, 9) or 1 for _ in range(mu.num_parameters)]
    layers = [theta[lo:hi] for lo, hi in mu.layer_slices]
    for l in range(len(layers)):
        for m in range(l + 1, len(layers)):
            if arch.filters[l] == arch.filters[m]:
                q = list(layers)
                q[l], q[m] = layers[m], layers[l]
                yield theta, [v for layer in q for v in layer], f"layers {l + 1} and {m + 1} swapped"
    if arch.ndim == 1 and arch.activation is None:
        roots, lcs = _split_points(arch, rng)
        theta = _assemble(arch, roots, lcs)
        for new, how in _root_moves(roots):
            yield theta, _assemble(arch, new, lcs), how + " (layers with distinct real roots)"


def _special_candidates(mu: Any, seed: int) -> Iterator[tuple[list, list, str]]:
    arch = mu.architecture
    if arch.activation is not None:
        return
    rng = random.Random(seed + 1)
    if arch.ndim == 2:
        roots, lcs = _split_points(arch, rng)
        theta = _assemble(arch, roots, lcs)
        for new, how in _root_moves(roots):
            yield theta, _assemble(arch, new, lcs), how + " (separable layers)"
    s1 = arch.strides[0][0]
    if arch.ndim == 1 and arch.num_layers == 2 and s1 > 1 and (arch.filters[0][0] - 1) % s1 == 0 \
            and arch.filters[0][0] > 1 and arch.filters[1][0] > 1:
        roots, lcs = _split_points(arch, rng, stretch_first=s1)
        theta = _assemble(arch, roots, lcs, s_first=s1)
        for new, how in _root_moves(roots):
            yield (theta, _assemble(arch, new, lcs, s_first=s1),
                   how.replace("root", "root (in y = x^%d)" % s1, 1) + f" (layer 1 a polynomial in x^{s1})")


def paper_claim_applies(arch: Any) -> bool:
    """Whether [AKR25]'s stated setting covers ``arch``: linear, and ``D >= 2`` or all strides
    (of the layers before the last) ``> 1``.

    Examples
    --------
    >>> from lcnalg import Architecture
    >>> [paper_claim_applies(Architecture.parse(a)) for a in ("2,2", "2,2 s=2", "2x2,2x2", "2,2 s=2 r=2")]
    [False, True, True, False]
    """
    if arch.activation is not None or arch.channels is not None:
        return False
    return arch.ndim >= 2 or all(s[0] > 1 for s in arch.strides[:-1])


def _local_rank(mu: Any, point: list[int], seed: int) -> int:
    """The rank of the Jacobian of ``(μ, δ)`` at ``point`` (algorithm (a)): exact for a linear
    network; for a monomial activation, modulo :data:`~lcnalg.polys.modular.LIFT_PRIME` with
    ``E·Jμ`` for ``Jμ`` (a lower bound of the rank over Q, equal to it unless the prime or the
    inputs are special; rank ``N`` is then proved)."""
    n = mu.num_parameters
    pt = [flint.fmpz(v) for v in point]
    grads = [[h.derivative(j)(*pt) for j in range(n)] for h in conserved_quantities(mu)]
    if mu.architecture.activation is None:
        rows = mu.jacobian_at(point).tolist() + [[flint.fmpq(v) for v in g] for g in grads]
        return flint.fmpq_mat(rows).rank()
    p = LIFT_PRIME
    E = mu.evaluation_jacobian(point, p, seed=seed)
    return flint.nmod_mat(E.tolist() + [[int(v) % p for v in g] for g in grads], p).rank()


def metric(mu: Any, *, seed: int = 0) -> MetricResult:
    """Decide whether the metric ``K = Jμ Jμᵀ`` is determined by the end-to-end filter and ``δ``.

    Parameters
    ----------
    mu : Parameterization or PolynomialParameterization
    seed : int
        Seed of the random points.

    Returns
    -------
    MetricResult
        ``locally_determined`` (the rank at a random point: exact, or modulo a prime for a
        monomial activation), ``globally_determined`` (False with a generic
        ``counterexample``; True when proved: two linear layers by elimination, or any network
        whose generic fibre is one rescaling orbit, by the monotone argument of
        docs/theory.md#metric-fibre; else None: undecided), ``special_counterexample`` (a pair at a
        special filter, or None), and [AKR25]'s claim with whether it applies.

    Examples
    --------
    >>> from lcnalg.parameterization import parameterize
    >>> res = metric(parameterize("2,2"))
    >>> res.locally_determined, res.globally_determined, res.counterexample.description
    (True, False, 'layers 1 and 2 swapped')
    """
    mu = checks.parameterization(mu)
    start = time.perf_counter()
    seed = checks.seed(seed)
    check_jacobian_size(mu, what=" (the rank of (mu, delta) and the metrics compared)")
    arch = mu.architecture
    n = mu.num_parameters
    rng = random.Random(seed)
    point = [rng.randint(-2**20, 2**20) for _ in range(n)]
    rank = _local_rank(mu, point, seed)
    locally = rank == n
    counter = None
    for theta, q, how in _generic_candidates(mu, seed):
        counter = compare_metrics(mu, theta, q, description=how)
        if counter is not None:
            break
    special = None
    if counter is None:
        for theta, q, how in _special_candidates(mu, seed):
            special = compare_metrics(mu, theta, q, description=how)
            if special is not None:
                break
    special_set = ""
    if special is not None:
        if arch.ndim == 2:
            special_set = ("contains the products of separable layers p_l = a_l(x) b_l(y) whose univariate factors "
                           "can be regrouped among the layers with the same filter sizes (stride one)")
        else:
            s1 = arch.strides[0][0]
            special_set = (f"contains the filters w(x) = g(x^{s1}) with g a product of factors of degrees "
                           f"{(arch.filters[0][0] - 1) // s1} and {arch.filters[1][0] - 1} in more than one way "
                           f"(layer 1 a polynomial in x^{s1}): two factorizations, equal delta, different K")
    globally = False if counter is not None else None
    formula = None
    if counter is None and arch.activation is None and arch.num_layers == 2 \
            and n + mu.ambient_dimension <= _MAX_FORMULA_VARIABLES:
        formula = two_layer_metric_formula(mu, seed=seed, points=3)
        if formula.available:
            globally = True
    fibre = None
    if counter is None and globally is None:
        try:
            fibre = degree_by_fibre(mu, seed=seed)
        except ResourceLimitError:
            fibre = None
        if fibre is not None and fibre.fibre_size == 1:
            globally = True
    by_fibre = fibre is not None and globally is True and formula is None
    return MetricResult(
        architecture=str(arch),
        locally_determined=locally,
        jacobian_rank=rank,
        num_parameters=n,
        globally_determined=globally,
        counterexample=counter,
        special_counterexample=special,
        special_set=special_set,
        paper_claim=PAPER_CLAIM,
        paper_claim_applies=paper_claim_applies(arch),
        method=(("exact rank of the Jacobian of (mu, delta)" if arch.activation is None else
                 "rank modulo p of the Jacobian of (mu, delta), mu evaluated at N random inputs,")
                + " at a random integer point; pairs of parameter points "
                "with equal mu (layer swaps, root exchanges) rescaled to equal delta, exact or certified-ball "
                "comparison of K = J J^T"),
        certified=locally and globally is not None and (not by_fibre or fibre.certified),
        failure_probability=fibre.failure_probability if by_fibre and not fibre.certified else None,
        how_to_certify=("count the generic fibre exactly (over Q, at a point proved generic)"
                        if by_fibre and not fibre.certified else ""),
        seed=seed,
        seconds=time.perf_counter() - start,
        argument=("rank N at one point gives an immersion on a dense open set (K locally a function of (w, delta)); "
                  "the pair, at a point where (mu, delta) is a local diffeomorphism onto its image at both ends, "
                  "persists on an open set of (w, delta)") if counter is not None else (
                  "two linear layers: every u_i v_j is a rational function N/D of w (elimination), so at w with "
                  "D(w) != 0 every real factorization is (c u, v/c); delta fixes c^2 > 0 and K depends on c^2 only: "
                  "K = (rho(G1 + G2) + delta(G1 - G2))/(2P), rho = sqrt(delta^2 + 4P)") if globally and not by_fibre
            else ("the generic fibre of mu is one rescaling orbit (" + fibre.method + "): real points with the same "
                  "generic w differ by a real rescaling s (w_l -> s_l w_l, prod s_l^{d_l} = 1); equal delta means "
                  "r_l t_{l+1}|w_{l+1}|^2 - t_l|w_l|^2 = delta_l for t_l = s_l^2 > 0, so every t_l is an increasing "
                  "affine function of t_1 and prod t_l^{d_l} = 1 has the one positive solution t = 1: s_l = +-1, "
                  "and K = sum_l J_l J_l^T / t_l is unchanged (docs/theory.md#metric-fibre)") if by_fibre else "",
        limitations=("" if globally is not None else
                     "no pair of generic factorizations with different K found among layer swaps and root "
                     "exchanges; that K is globally a function of (w, delta) was not proved (the generic fibre of mu "
                     "modulo rescaling was not computed"
                     + ("; for two linear layers beyond 12 weights plus coordinates, lcnalg metric --formula "
                        "can prove it" if arch.activation is None and arch.num_layers == 2 else "") + ")"),
    )
