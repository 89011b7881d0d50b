"""Is the function space Zariski closed, ``M = V(R)``? (docs/theory.md#closedness).

Decided by one of these exact arguments, else reported undecided:

* **M is everything** (1D stride one with ``m ≤ d mod 2``): ``M = R^k = V(R)``.
* **Segre embedding**: when the Kronecker exponents ``Σ_l j_l t_{l−1}`` of the terms
  ``w1_{j_1} ⋯ wL_{j_L}`` are pairwise distinct, μ places the entries of the tensor
  ``w_1 ⊗ ⋯ ⊗ w_L`` at distinct coordinates (the others vanish identically), so ``V`` is
  a coordinate copy of the Segre cone and ``V(R)`` = real tensors of complex rank ≤ 1 =
  real tensors of real rank ≤ 1 (their flattenings are real matrices of rank ≤ 1) = ``M``.
* **1D stride one, m ≥ 2**: ``M`` is full-dimensional so ``V(R) = R^k``, and the form
  ``(z^2 + 1)^{⌊d/2⌋} z^{d mod 2}`` (``z^d + 1`` for ``d`` above
  :data:`STRIDE_ONE_BINOMIAL_DEGREE`) has fewer than ``m`` real roots: a witness in
  ``V(R) \\ M``.
* **1D, two layers, stride s ≥ 2** (:func:`_two_layers_1d`): ``M = V(R)`` iff
  ``n_2 = k_2 − 1`` is even or ``n_1 = k_1 − 1 < s`` (root-orbit parity argument);
  otherwise a witness checked by :func:`~lcnalg.real.membership.contains`.
* **2D, two layers of the same shape, stride one** (:func:`_two_equal_layers_2d`): the
  witness ``q q̄`` with ``q`` absolutely irreducible by Gao's Newton-polygon criterion.
* **1D with strides**: a witness ``(z^t − a)(z^t − ā)``, ``a`` non-real, built from
  complex layers ``q_l = w − a`` (stride ``t``) and ``q_{l'} = w^{t/t'} − ā`` (stride
  ``t' | t``, ``n_{l'} ≥ t/t'``); it is real, lies in ``V(C) ∩ R^k = V(R)`` (over C the
  image is Zariski closed), and :func:`~lcnalg.real.membership.contains` decides exactly
  that it is not in ``M``.
* **2D, at most one layer extending along both axes** (:func:`_pure_layers_2d`; any
  number of layers, any strides): by unique factorization in ``C[x, y]`` the contents of
  ``P`` and its primitive part are forced, so ``M = V(R)`` iff the 1D architectures of the
  layers along each axis plus the mixed layer's content are closed (decided in 1D).
* **1D, any strides** (:func:`_orbit_tilings_1d`, :mod:`lcnalg.real.orbit_tilings`): an
  exhaustive search over root configurations (classes ``z^T = a`` tiled by the layers'
  root orbits) decides ``M = V(R)`` exactly; a configuration tiled over ``C`` but with no
  conjugation-invariant tiling is a witness, given as an exact polynomial (confirmed by
  :func:`~lcnalg.real.membership.contains` when rational).
* **Witness searches** (:func:`_witness_search_2d`, :func:`_witness_search_1d`): real
  points of ``V`` built from complex layers with Gaussian-integer coefficients (2D: ``q``
  in one layer, ``q̄`` times a real filler in another; 1D: an orbit ``z^t = ρ^t`` in one
  layer, the conjugate orbit shared out as cosets among layers with smaller strides), each
  decided exactly by :func:`~lcnalg.real.membership.contains` (2D through the absolute
  factorization, :mod:`lcnalg.real.planar_real`).  A rejected candidate is a witness,
  ``M ⊊ V(R)``.  At most ``limits.max_witness_candidates`` candidates are tried, and their
  membership tests together may cost at most ``limits.max_witness_work`` (root work,
  ``degree²`` each, counted by :class:`WitnessWork` before each test; a confirmation of a
  witness that an exact argument already gives is skipped beyond it).

Otherwise the result is **undecided** and says so: in 2D when two or more layers extend
along both axes (and they are not two equal stride-one layers) and no candidate witness was
rejected, or a 1D sub-architecture is undecided; in 1D only when the tiling search exceeds its
state bound (``max_states``) or its work bound (``max_search_work``, estimated before it starts).
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from typing import Any, Callable

import flint

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, LCNAlgError, ResourceLimitError, check
from lcnalg.limits import Budget, Limits
from lcnalg.parameterization import Parameterization
from lcnalg.polys.bivariate import newton_polygon_indecomposable
from lcnalg.printing import function_space_symbol
from lcnalg.real.contents import axis_architecture
from lcnalg.real.decision import Decision
from lcnalg.real.embedding import coordinate_embedding
from lcnalg.real.membership import contains
from lcnalg.real.orbit_tilings import (decide_closedness_1d, describe_blocks, orbit_model, search_work_estimate,
                                      witness_polynomial)
from lcnalg.results import Result, Status, Witness

__all__ = ["ClosednessResult", "is_zariski_closed", "segre_embedding", "ROUTES", "WitnessWork"]


class WitnessWork:
    """The root work of the membership tests of one closedness decision's candidate
    witnesses, counted against ``limits.max_witness_work`` before each test.

    A test of a filter of degree ``d`` (``d = d_x + d_y`` in 2D) is counted as ``d² + d²/8``:
    its factorization over Z and one root isolation (the units of ``max_root_work``).

    Examples
    --------
    >>> work = WitnessWork(Limits(max_witness_work=200))
    >>> work.cost([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), work.affordable([1, 0, 1])
    (112, True)
    >>> work.charge([1] * 11); work.charge([1] * 11)
    Traceback (most recent call last):
    ...
    lcnalg.errors.ResourceLimitError: refused: root work of the candidate witnesses' membership tests estimated at 224, above the bound 200; to allow it, raise limits=Limits(max_witness_work=...) (CLI: --max-witness-work)
    """

    def __init__(self, limits: Limits) -> None:
        self.budget: Budget = limits.budget("max_witness_work", "root work of the candidate witnesses' "
                                            "membership tests")
        #: the end-to-end shape of a 2D architecture (its degrees), None in 1D
        self.shape: tuple[int, ...] | None = None

    def cost(self, wit: Any) -> int:
        """The estimated root work of deciding the filter ``wit`` (flat)."""
        d = len(wit) - 1 if self.shape is None else sum(n - 1 for n in self.shape)
        return d * d + d * d // 8

    def affordable(self, wit: Any) -> bool:
        """Whether testing ``wit`` stays within the bound."""
        return self.budget.used + self.cost(wit) <= self.budget.bound

    def charge(self, wit: Any) -> None:
        """Count the test of ``wit``; refuse (``limit == "max_witness_work"``) beyond the bound."""
        self.budget.spend(self.cost(wit))


def _work(arch: Architecture, limits: Limits, work: "WitnessWork | None") -> WitnessWork:
    if work is None:
        work = WitnessWork(limits)
    if arch.ndim > 1:
        work.shape = tuple(arch.end_to_end_filter_shape)
    return work


def _test(arch: Architecture, wit: Any, limits: Limits, work: "WitnessWork | None"):
    """``contains(arch, wit)`` after counting its root work (refused beyond the bound)."""
    _work(arch, limits, work).charge(wit)
    return contains(arch, wit, limits=limits)


@dataclass(frozen=True, kw_only=True)
class ClosednessResult(Result):
    """Whether ``M = V(R)``.

    Attributes
    ----------
    closed : bool or None
        ``None`` when undecided.
    evidence : Witness or None
        When not closed: ``evidence.filter`` is a real filter in ``V(R)`` but not in ``M``,
        and ``evidence.layers`` (when known) complex layer filters multiplying to it.
    argument : str
        The exact argument (or why undecided).

    ``decided``, ``witness`` (the filter) and ``witness_layers`` are read from these.
    """

    closed: bool | None
    evidence: Witness | None = None

    title = "Zariski closed"

    @classmethod
    def from_decision(cls, arch: Architecture | str, decision: Decision, seconds: float = 0.0) -> "ClosednessResult":
        """The result of a closedness route's :class:`~lcnalg.real.decision.Decision`.

        Examples
        --------
        >>> r = ClosednessResult.from_decision("2,2", Decision.undecided("none", "no route applies"))
        >>> r.decided, str(r.status), r.witness
        (False, 'undecided', None)
        """
        return cls(architecture=str(arch), closed=decision.answer, certified=decision.certified,
                   method=decision.method, argument=decision.argument or decision.reason,
                   evidence=decision.witness, seconds=seconds,
                   limitations="" if decision.decided else (decision.reason or decision.argument))

    @property
    def decided(self) -> bool:
        """False when no route decided."""
        return self.closed is not None

    @property
    def witness(self) -> tuple[str, ...] | None:
        """A real filter in ``V(R) \\ M`` (flat row-major), or None."""
        return self.evidence.filter if self.evidence is not None and self.evidence.filter else None

    @property
    def witness_layers(self) -> tuple[tuple[str, ...], ...] | None:
        """Complex layer filters multiplying to :attr:`witness`, or None."""
        return self.evidence.layers if self.evidence is not None and self.evidence.layers else None

    @property
    def status(self) -> Status:
        """Certified when decided, else undecided with the reason."""
        if self.decided and self.certified:
            return Status.certified()
        return Status.undecided(self.limitations or self.argument or "closedness undecided")

    def answer(self) -> bool | None:
        return self.closed

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["decided"] = self.decided
        data["witness"] = list(self.witness) if self.witness is not None else None
        data["witness_layers"] = [list(w) for w in self.witness_layers] if self.witness_layers is not None else None
        return data

    def to_text(self) -> str:
        head = {True: "yes: M = V(R)", False: "no: M ⊊ V(R)", None: "undecided"}[self.closed]
        lines = [f"Zariski closed, M[{self.architecture}]: {head}", f"argument: {self.argument}"]
        if self.witness is not None:
            lines.append(f"witness in V(R) \\ M: ({', '.join(self.witness)})")
        if self.witness_layers is not None:
            lines.append("  = product of complex layers " + "; ".join(
                "(" + ", ".join(w) + ")" for w in self.witness_layers))
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        if self.closed is None:
            return rf"{sym} = V(\mathbb{{R}})\ \text{{undecided}}"
        rel = "=" if self.closed else r"\subsetneq"
        return rf"{sym} {rel} V_{{\texttt{{{self.architecture}}}}}(\mathbb{{R}})"


def _polynomial_network(arch: Architecture) -> Decision:
    """``M = V(R)`` for every one-channel network with an activation ``r ≥ 2``.

    Peeling off the last layer (:mod:`lcnalg.real.membership_polynomial`) determines the
    inner form ``g`` from ``f`` rationally, given the tap of the first non-zero last weight,
    and then the last filter by a linear system with real coefficients; over ``C`` the same
    steps apply to any complex preimage.  So a real filter in the complex image has real
    preimages (induction over the layers): ``M = μ(C^N) ∩ R^n``.  The complex image is the
    affine cone over the image of a projective morphism (no base locus,
    docs/theory.md#polynomial-degree), closed, so it is ``V(C)`` and ``M = V(R)``.
    """
    return _verdict(True, method="peeling off the last layer (the inner form is a rational function of f)",
                    argument=("a real filter f in the complex image mu(C^N) has real preimages: given the tap "
                              "of the first non-zero last weight, the inner form g is determined by f rationally "
                              "(its leading coefficient normalised to 1 by a real rescaling), and the last filter "
                              "solves a linear system with real coefficients, so M = mu(C^N) ∩ R^n; mu(C^N) is "
                              "the affine cone over the image of a projective morphism (no base locus), hence "
                              "Zariski closed, and M = V(R)"))


def _verdict(closed: bool, *, method: str, argument: str, witness: tuple[str, ...] | None = None,
             witness_layers: tuple[tuple[str, ...], ...] | None = None) -> Decision:
    """A decided closedness route: the verdict, with the witness filter and its complex layers."""
    w = None
    if witness is not None or witness_layers is not None:
        w = Witness(filter=tuple(witness or ()), layers=tuple(witness_layers or ()),
                    note="a real filter in V(R) outside M")
    return Decision(closed, method, argument=argument, witness=w)


def segre_embedding(arch: Architecture, limits: Limits | None = None) -> bool | None:
    """Are the Kronecker exponents of the terms ``w1_{j_1} ⋯ wL_{j_L}`` pairwise distinct
    (``V`` a coordinate copy of the Segre cone)?  None when the terms exceed
    ``limits.max_segre_terms`` (not examined).

    Examples
    --------
    >>> segre_embedding(Architecture.parse("2,2 s=2")), segre_embedding(Architecture.parse("2,2"))
    (True, False)
    """
    limits = Limits.coerce(limits)
    if math.prod(math.prod(f) for f in arch.filters) > limits.max_segre_terms:   # before building mu
        return None
    mu = Parameterization(arch, limits=limits)
    if math.prod(len(e) for e in mu.layer_exponents) > limits.max_segre_terms:
        return None
    seen = set()
    for combo in itertools.product(*mu.layer_exponents):
        s = sum(combo)
        if s in seen:
            return False
        seen.add(s)
    return True


def _cx(z: complex) -> str:
    """A Gaussian integer as a sympy-readable string (``1+2*I``)."""
    return _gtext((int(z.real), int(z.imag)))


def _two_layers_1d(arch: Architecture, layers, d: int, limits: Limits,
                   work: WitnessWork | None = None) -> Decision | None:
    """The rule for ``p = w_1(z) w_2(z^s)`` (1D, two layers, stride ``s ≥ 2``).

    In homogeneous coordinates the roots of ``w_2(z^s)`` are ``n_2`` orbits
    ``O_a = {z : z^s = a}`` (``a ∈ P^1``; ``O_0``, ``O_∞`` are one point of multiplicity
    ``s``), pairwise disjoint for distinct ``a``, and ``conj(O_a) = O_ā``: an orbit is
    self-conjugate iff ``a`` is real.  For a real ``p ≠ 0`` in ``V`` let ``n_a`` be how
    often ``O_a`` fits into the roots ``R`` of ``p``; ``n_a = n_ā``.  A real
    factorization is a conjugation-closed choice ``c_a = c_ā ≤ n_a`` with ``Σ c_a = n_2``:
    non-real orbits come in pairs, so it exists iff ``n_2`` is even or some real
    ``a`` has ``n_a ≥ 1``.  If ``n_1 < s`` the orbit ``O_ā`` of a non-real orbit of
    ``w_2`` cannot lie in the ``n_1`` roots of ``w_1``, so the hyperroots of ``w_2``
    are closed under conjugation and ``w_2`` is real.  Hence ``M = V(R)`` iff ``n_2``
    is even or ``n_1 < s``; otherwise the real filter ``Π_k (z^{2s} + k^2) · g(z)``
    (``(n_2 + 1)/2`` conjugate orbit pairs ``z^s = ±ki``, ``g`` with ``n_1 − s`` positive
    distinct roots) lies in ``V`` and has no self-conjugate orbit, and :func:`contains`
    confirms that it is not in ``M``.
    """
    (n1, _), (n2, s) = layers
    if n2 % 2 == 0 or n1 < s:
        why = "n_2 is even" if n2 % 2 == 0 else f"n_1 = {n1} < s = {s}"
        return _verdict(True, method="root orbits of two 1D layers (exact argument)",
                    argument=f"two layers, stride {s}: {why}, so every real point of V has a conjugation-"
                             f"closed choice of n_2 = {n2} root orbits (see lcnalg.real.closedness._two_layers_1d)")
    prod = flint.fmpz_poly([1])
    for k in range(1, (n2 + 1) // 2 + 1):
        prod *= flint.fmpz_poly([k * k] + [0] * (2 * s - 1) + [1])  # (z^s - ki)(z^s + ki)
    for j in range(n1 - s):
        prod *= flint.fmpz_poly([-(j + 2), 1])
    wit = [int(c) for c in prod.coeffs()]
    wit = wit + [0] * (d + 1 - len(wit))
    res = _test(arch, wit, limits, work)
    if res.contained is not False:
        return None
    return _verdict(False, witness=tuple(map(str, wit)),
                method="root orbits of two 1D layers; exact membership test",
                argument=(f"n_2 = {n2} is odd and n_1 = {n1} ≥ s = {s}: the real filter Π_k (z^{2 * s} + k^2) · "
                          f"Π_j (z − j − 2) lies in V (w_2 takes (n_2 + 1)/2 orbits z^{s} = ki and (n_2 − 1)/2 of "
                          f"their conjugates, w_1 the last conjugate orbit and the real roots) but has no "
                          f"self-conjugate orbit; contains() proves it is not in M: {res.reason}"))


def _two_equal_layers_2d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """2D, two layers of the same shape ``a × b`` (``a, b ≥ 2``), stride one: a witness.

    ``q = 1 + i x^{a−1} + x y^{b−1}`` has the Newton polygon with vertices ``(0,0)``,
    ``(a−1,0)``, ``(1,b−1)``, integrally indecomposable (checked by
    :func:`~lcnalg.polys.bivariate.newton_polygon_indecomposable`), so ``q`` and ``q̄`` are
    absolutely irreducible (Gao 2001).  ``p = q q̄ = (1 + x y^{b−1})^2 + x^{2(a−1)}`` is
    real and lies in ``V`` (layers ``q``, ``q̄``).  By unique factorization in
    ``C[x, y]`` its only factorizations into two polynomials of the layer box are
    ``(λq, λ^{−1}q̄)`` and the swap (``q q̄`` has degree ``2(a−1)`` in ``x``: it does not
    fit in one box), and ``λq`` is never real (its coefficients at ``1`` and
    ``x^{a−1}`` have the non-real ratio ``i``).  So ``p ∈ V(R) \\ M``.
    """
    if arch.num_layers != 2 or any(t != (1, 1) for t in arch.cumulative_strides[:2]):
        return None
    (a, b), (a2, b2) = arch.filters
    if (a, b) != (a2, b2) or a < 2 or b < 2:
        return None
    if not newton_polygon_indecomposable([(0, 0), (a - 1, 0), (1, b - 1)]):
        return None  # pragma: no cover - a genuine triangle with a primitive edge
    nx, ny = arch.end_to_end_filter_shape
    wit = [[0] * ny for _ in range(nx)]
    # (1 + x y^{b-1})^2 + x^{2(a-1)}
    wit[0][0] += 1
    wit[1][b - 1] += 2
    wit[2][2 * (b - 1)] += 1
    wit[2 * (a - 1)][0] += 1
    flat = tuple(str(v) for row in wit for v in row)

    def layer(sign: str) -> tuple[str, ...]:
        f = [["0"] * b for _ in range(a)]
        f[0][0] = "1"
        f[a - 1][0] = f"{sign}I" if a - 1 else f"1 {sign} I"
        f[1][b - 1] = "1"
        return tuple(v for row in f for v in row)

    return _verdict(False, witness=flat, witness_layers=(layer(""), layer("-")),
                method="absolutely irreducible complex layer q and its conjugate (exact argument)",
                argument=(f"q = 1 + i x^{a - 1} + x y^{b - 1} has an integrally indecomposable Newton polygon, so "
                          f"q and conj(q) are absolutely irreducible (Gao); the real filter q·conj(q) = "
                          f"(1 + x y^{b - 1})^2 + x^{2 * (a - 1)} lies in V, its only factorizations into two "
                          f"{a}x{b} layers are (λq, conj(q)/λ) by unique factorization in C[x, y], and λq is "
                          f"never real; so it is a point of V(R) outside M"))


# ------------------------------------------------------------------ witness searches
Gauss = tuple[int, int]          # a + b i, exact


def _gmul(u: Gauss, v: Gauss) -> Gauss:
    return (u[0] * v[0] - u[1] * v[1], u[0] * v[1] + u[1] * v[0])


def _gpoly_mul(a: dict, b: dict) -> dict:
    out: dict = {}
    for m, c in a.items():
        for n, d in b.items():
            k = tuple(x + y for x, y in zip(m, n))
            e = _gmul(c, d)
            o = out.get(k, (0, 0))
            out[k] = (o[0] + e[0], o[1] + e[1])
    return {k: v for k, v in out.items() if v != (0, 0)}


def _gtext(c: Gauss) -> str:
    re, im = c
    if im == 0:
        return str(re)
    imt = "I" if im == 1 else "-I" if im == -1 else f"{im}*I"
    if re == 0:
        return imt
    return f"{re}{'+' if im > 0 else '-'}{imt.lstrip('-')}"


def _gconj(q: dict) -> dict:
    return {m: (c[0], -c[1]) for m, c in q.items()}


def _real_filter(prod: dict, shape: tuple[int, ...]) -> list[int] | None:
    """The flat real integer filter of a Gaussian product, or None if not real / too big."""
    flat = [0] * math.prod(shape)
    for m, (re, im) in prod.items():
        if im != 0:
            return None  # pragma: no cover - the candidates are conjugation-closed
        if any(e >= n for e, n in zip(m, shape)):
            return None
        idx = 0
        for e, n in zip(m, shape):
            idx = idx * n + e
        flat[idx] = re
    return flat


def _search_verdict(arch: Architecture, layer_polys: list[dict], boxes: list[tuple[int, ...]],
                    strides: list[tuple[int, ...]], limits: Limits, why: str,
                    work: WitnessWork | None = None) -> Decision | None:
    """Multiply the complex layers out; if the real product is not in M, a decided witness."""
    prod: dict = {tuple(0 for _ in boxes[0]): (1, 0)}
    for q, st in zip(layer_polys, strides):
        prod = _gpoly_mul(prod, {tuple(e * t for e, t in zip(m, st)): c for m, c in q.items()})
    wit = _real_filter(prod, arch.end_to_end_filter_shape)
    if wit is None or not any(wit):
        return None
    _work(arch, limits, work).charge(wit)   # beyond the bound: the search stops (undecided)
    try:
        res = contains(arch, wit, limits=limits)
    except LCNAlgError:
        return None
    if res.contained is not False or not res.decided:
        return None
    layers_text = []
    for q, box in zip(layer_polys, boxes):
        flat = []
        for m in itertools.product(*[range(n + 1) for n in box]):
            flat.append(_gtext(q.get(m, (0, 0))))
        layers_text.append(tuple(flat))
    return _verdict(False, witness=tuple(map(str, wit)), witness_layers=tuple(layers_text),
                method="complex-layer witness search, exact membership test",
                argument=(f"{why}; the complex layers shown multiply to this real filter, a point of "
                          f"V(C) ∩ R^k = V(R) (over C the image is Zariski closed); contains() decides exactly "
                          f"that it is not in M: {res.reason}"))


def _fillers(box: tuple[int, int]) -> list[dict]:
    """Real candidate layer polynomials filling a 2D box (in layer variables)."""
    r1, r2 = box
    one = {(0, 0): (1, 0)}
    if r1 < 0 or r2 < 0:
        return []
    if r1 == 0 and r2 == 0:
        return [one]
    out = [one, {(0, 0): (1, 0), (r1, r2): (1, 0)}]
    if r1 and r2:
        out.append({(0, 0): (1, 0), (r1, 0): (1, 0), (r1, r2): (1, 0)})
        out.append({(0, 0): (1, 0), (0, r2): (1, 0), (r1, r2): (1, 0)})
    else:
        out.append({(0, 0): (2, 0), (r1, r2): (1, 0), (r1 // 2 if r1 else 0, r2 // 2 if r2 else 0): (3, 0)})
    return out


def _search_note(arch: Architecture, limits: Limits) -> tuple[str, list[str]]:
    """Why the 1D root-orbit search gave no answer, and the bounds that stopped it."""
    if arch.ndim != 1:
        return (f"in 1D the root-orbit search exceeded max_states = {limits.max_states}", ["max_states"])
    estimate = search_work_estimate(orbit_model(arch))
    if estimate > limits.max_search_work:
        return (f"the 1D root-orbit search was not started: its set-up (coset tilings) is estimated at "
                f"{estimate} steps, above max_search_work = {limits.max_search_work}", ["max_search_work"])
    return (f"the 1D root-orbit search exceeded max_states = {limits.max_states} states or "
            f"max_search_work = {limits.max_search_work} steps", ["max_states", "max_search_work"])


def _no_argument(arch: Architecture, limits: Limits, searched: str, also: str | None = None) -> str:
    """The reason of an undecided verdict: no exact argument applied and ``searched`` (what the
    witness search found); ``also`` names a second bound that stopped it."""
    note, fields = _search_note(arch, limits)
    fields = fields + ([also] if also else [])
    raise_ = ", ".join(f"{f}=..." for f in fields)
    options = ", ".join(Limits.option(f) for f in fields)
    return ("no exact argument applies (not a coordinate Segre embedding; "
            f"{note}; in 2D two or more layers extend along both "
            f"axes, or a 1D part is undecided) and {searched}; M = V(R) is neither proved nor refuted "
            f"(raise limits=Limits({raise_}), CLI {options})")


def _candidates_exhausted(arch: Architecture, limits: Limits) -> Decision:
    """Undecided: a witness search stopped at ``limits.max_witness_candidates``."""
    return Decision.undecided("none", _no_argument(
        arch, limits, f"none of the first max_witness_candidates = {limits.max_witness_candidates} complex-layer "
        "witness candidates was outside M", also="max_witness_candidates"))


def _witness_search_2d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """2D: complex layer ``q`` in one layer, ``q̄`` times a real filler in another, real fillers
    elsewhere; :func:`contains` (exact, through the absolute factorization) decides each real
    product.  ``q ∈ {X + i, Y + i, 1 + iX + XY}`` in the layer's own variables
    ``X = x^a, Y = y^b``; ``q̄`` must be a polynomial in the other layer's variables."""
    boxes = [(f[0] - 1, f[1] - 1) for f in arch.filters]
    strides = [tuple(t) for t in arch.cumulative_strides[:len(boxes)]]
    tried = 0
    for l, l2 in itertools.permutations(range(len(boxes)), 2):
        (n1, n2), (a, b) = boxes[l], strides[l]
        (m1, m2), (a2, b2) = boxes[l2], strides[l2]
        if a % a2 or b % b2:
            continue
        qs = []
        if n1 >= 1:
            qs.append({(1, 0): (1, 0), (0, 0): (0, 1)})
        if n2 >= 1:
            qs.append({(0, 1): (1, 0), (0, 0): (0, 1)})
        if n1 >= 1 and n2 >= 1:
            qs.append({(0, 0): (1, 0), (1, 0): (0, 1), (1, 1): (1, 0)})
        for q in qs:
            ra, rb = a // a2, b // b2
            qbar = {(i * ra, j * rb): c for (i, j), c in _gconj(q).items()}
            dx, dy = max(m[0] for m in qbar), max(m[1] for m in qbar)
            if dx > m1 or dy > m2:
                continue
            own = _fillers((n1 - max(m[0] for m in q), n2 - max(m[1] for m in q)))[:2]
            others = [(_fillers(boxes[k])[:2] if k not in (l, l2) else [None]) for k in range(len(boxes))]
            for f2 in _fillers((m1 - dx, m2 - dy)):
                for f1 in own:
                    for rest in itertools.product(*others):
                        tried += 1
                        if tried > limits.max_witness_candidates:
                            return _candidates_exhausted(arch, limits)
                        polys = [r for r in rest]
                        polys[l] = _gpoly_mul(q, f1)
                        polys[l2] = _gpoly_mul(qbar, f2)
                        found = _search_verdict(arch, polys, boxes, strides, limits,
                                                f"layer {l + 1} takes q, layer {l2 + 1} takes conj(q)", work)
                        if found is not None:
                            return found
    return None


def _witness_search_1d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """1D: layer ``l`` (stride ``t``) takes the orbit ``z^t = a``, ``a = ρ^t`` non-real; the
    conjugate orbit ``{ζ ρ̄ : ζ^t = 1}`` is shared out as ``μ_{t''}``-cosets among layers with
    stride ``t'' | t`` and ``t/t'' ∈ {1, 2, 4}`` (so every layer has Gaussian-integer
    coefficients), the remaining capacity left to roots at infinity or filled with real
    roots; :func:`contains` decides each real product exactly."""
    t = [x[0] for x in arch.cumulative_strides]
    layers = [(f[0] - 1, t[l]) for l, f in enumerate(arch.filters)]
    tried = 0
    for l, (n, tl) in enumerate(layers):
        if n < 1 or tl < 2:
            continue
        for rho in ((1, 1), (2, 1), (1, 2)):
            a = (1, 0)
            for _ in range(tl):
                a = _gmul(a, rho)
            if a[1] == 0:
                continue
            rbar = (rho[0], -rho[1])
            free = {k: (layers[k][0] - (1 if k == l else 0)) for k in range(len(layers))}
            remaining = set(range(tl))           # σ_k = ζ_t^k ρ̄
            share: dict[int, list[int]] = {k: [] for k in range(len(layers))}
            for k in sorted(range(len(layers)), key=lambda k: -layers[k][1]):
                tk = layers[k][1]
                if tl % tk or (tl // tk) not in (1, 2, 4):
                    continue
                m = tl // tk
                for start in sorted(remaining):
                    coset = {(start + j * m) % tl for j in range(tk)}
                    if free[k] > 0 and coset <= remaining:
                        remaining -= coset
                        free[k] -= 1
                        share[k].append(start)
            if remaining:
                continue
            for fill in (False, True):
                tried += 1
                if tried > limits.max_witness_candidates:
                    return _candidates_exhausted(arch, limits)
                polys = []
                root = 2
                for k, (nk, tk) in enumerate(layers):
                    q = {(0,): (1, 0)}
                    if k == l:
                        q = _gpoly_mul(q, {(1,): (1, 0), (0,): (-a[0], -a[1])})
                    m = tl // tk if tl % tk == 0 else 1
                    for start in share[k]:
                        # root σ^{t_k} = i^{4·start/m} · ρ̄^{t_k}
                        w = (1, 0)
                        for _ in range(tk):
                            w = _gmul(w, rbar)
                        for _ in range((4 * start // m) % 4 if m in (1, 2, 4) else 0):
                            w = _gmul(w, (0, 1))
                        q = _gpoly_mul(q, {(1,): (1, 0), (0,): (-w[0], -w[1])})
                    if fill:
                        for _ in range(free[k]):
                            q = _gpoly_mul(q, {(1,): (1, 0), (0,): (-root, 0)})
                            root += 1
                    polys.append(q)
                found = _search_verdict(arch, polys, [(nk,) for nk, _ in layers], [(tk,) for _, tk in layers],
                                        limits, f"layer {l + 1} takes the orbit z^{tl} = {_gtext(a)}, the "
                                                  f"conjugate orbit is shared out among layers "
                                                  + ", ".join(str(k + 1) for k in share if share[k]), work)
                if found is not None:
                    return found
    return None


def _pure_layers_2d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """2D, every layer but at most one along a single axis (any number of layers, any strides).

    Call a layer *pure along x* (``y``) when its extent along ``y`` (``x``) is 1 and *mixed*
    otherwise; at most one layer ``q`` is mixed, of degrees ``(m_x, m_y)`` in
    ``(u, v) = (x^a, y^b)`` (its cumulative strides).  In ``C[x, y]`` (a UFD, Gauss's lemma)
    ``q = c(u) c'(v) r(u, v)`` with ``r`` primitive in both directions, and
    ``P = A(x) · B(y) · r(x^a, y^b)`` with ``A = X·c`` the ``y``-content of ``P`` (``X`` the
    product of the layers pure along ``x``), ``B = Y·c'`` its ``x``-content.  These three
    factors are unique up to scalars, so for real ``P`` they are real.  Write ``A^x_e`` for
    the 1D architecture of the layers pure along ``x`` plus a layer of size ``e + 1`` at
    ``q``'s stride (``0 ≤ e ≤ m_x``; ``e`` = ``m_x − deg_u r``).  Then ``P ∈ M`` iff
    ``A ∈ M(A^x_e)`` and ``B ∈ M(A^y_{e'})``, and ``P ∈ V(R)`` iff the same holds with
    ``V(R)`` (over C the images are Zariski closed).  Hence ``M = V(R)`` iff every
    ``A^x_e`` and ``A^y_{e'}`` is closed.  A 1D witness ``A_w ∈ V(R) \\ M`` of ``A^x_e``
    gives the witness ``A_w(x) · r`` with ``r = u^i v^{m_y} + u + v`` (``i = m_x − e ≥ 1``,
    primitive of ``u``-degree exactly ``i``, which forces ``deg c ≤ e``) or ``r = 1``
    (``e = m_x``, or no mixed layer).
    """
    if arch.ndim != 2 or arch.activation:
        return None
    cum = arch.cumulative_strides
    mixed = [l for l, f in enumerate(arch.filters) if f[0] >= 2 and f[1] >= 2]
    if len(mixed) > 1:
        return None
    q = mixed[0] if mixed else None
    names = ("x", "y")
    verdicts = []
    for axis in (0, 1):
        pure = [(l, f[axis], cum[l][axis]) for l, f in enumerate(arch.filters)
                if f[1 - axis] == 1 and l != q]
        m = arch.filters[q][axis] - 1 if q is not None else 0
        for e in range(m + 1):
            layers = sorted(pure + ([(q, e + 1, cum[q][axis])] if q is not None else []))
            one = axis_architecture([(k, t) for _, k, t in layers])
            if one is None or one.num_layers == 1:
                verdicts.append((axis, e, one, None))
                continue
            r = is_zariski_closed(one, limits=limits)
            if not r.decided:
                return None
            verdicts.append((axis, e, one, r))
    arg = ("at most one layer extends along both axes, so by unique factorization in C[x, y] (Gauss's lemma) "
           "P = A(x)·B(y)·r with A, B the contents of P and r its primitive part, all three real for real P and "
           "forced by P; P ∈ M (resp. V(R)) iff A and B lie in M (resp. V(R)) of the 1D architectures A^x_e, "
           "A^y_e of the layers along one axis plus the mixed layer's content of degree e")
    listed = "; ".join(f"A^{names[ax]}_{e} = {one if one is not None else 'constants'} "
                       + ("(one layer or none: closed)" if r is None else
                          "closed" if r.closed else "NOT closed")
                       for ax, e, one, r in verdicts)
    bad = [(ax, e, one, r) for ax, e, one, r in verdicts if r is not None and not r.closed]
    method = "unique factorization in C[x, y] (contents and primitive part) + 1D closedness"
    if not bad:
        return _verdict(True, method=method, argument=f"{arg}: {listed}; so M = V(R)")
    ax, e, one, r1 = bad[0]
    if r1.witness is None:
        return None
    import sympy  # deferred: only this witness construction needs sympy's exact algebraic numbers

    coeffs = [sympy.sympify(c) for c in r1.witness]
    # the 1D witness is a polynomial in z^{t_1}, t_1 = cumulative stride of its first layer
    t1 = min(cum[l][ax] for l, f in enumerate(arch.filters)
             if (l == q and e >= 1) or (l != q and f[1 - ax] == 1 and f[ax] >= 2))
    if q is None or e == arch.filters[q][ax] - 1:
        r_terms = [((0, 0), 1)]
        r_text = "1"
    else:
        i, j = arch.filters[q][ax] - 1 - e, arch.filters[q][1 - ax] - 1
        a, b = cum[q][ax], cum[q][1 - ax]
        r_terms = [((i * a, j * b), 1), ((a, 0), 1), ((0, b), 1)]
        other = names[1 - ax]
        r_text = f"{names[ax]}^{i * a}·{other}^{j * b} + {names[ax]}^{a} + {other}^{b}"
    prod: dict = {}
    for k, c in enumerate(coeffs):
        if c == 0:
            continue
        for (ea, eb), rc in r_terms:
            key = (k * t1 + ea, eb) if ax == 0 else (eb, k * t1 + ea)
            prod[key] = prod.get(key, 0) + c * rc
    shape = arch.end_to_end_filter_shape
    if any(i >= n for key in prod for i, n in zip(key, shape)):   # pragma: no cover - degrees fit
        return None
    flat = [sympy.Integer(0)] * math.prod(shape)
    for (i0, i1), c in prod.items():
        flat[i0 * shape[1] + i1] = sympy.nsimplify(c) if c.is_Rational else sympy.simplify(c)
    argument = (f"{arg}: {listed}. A^{names[ax]}_{e} = {one} has the witness ({', '.join(r1.witness)}) in its "
                f"V(R) \\ M ({r1.argument}); times r = {r_text} (primitive, degree {arch.filters[q][ax] - 1 - e if q is not None else 0} "
                f"in the mixed layer's {names[ax]}-variable) it is a real point of V whose content is that witness, "
                "so it is not in M")
    wit = tuple(str(c) for c in flat)
    work = _work(arch, limits, work)
    if all(c.is_Rational for c in flat) and work.affordable(wit):   # a confirmation: skipped beyond the bound
        res = _test(arch, wit, limits, work)
        if res.contained is True:
            return None   # the two exact routes disagree: report nothing rather than a wrong verdict
        if res.contained is False:
            argument += f"; contains() agrees: {res.reason}"
            method += "; witness confirmed outside M by contains()"
    return _verdict(False, witness=wit, method=method, argument=argument)


def _orbit_tilings_1d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """The exhaustive root-orbit decision of :mod:`lcnalg.real.orbit_tilings`."""
    res = decide_closedness_1d(arch, limits=limits)
    if res is None:
        return None
    model = res["model"]
    levels = ", ".join(f"T={t}: degrees {list(d)}" for t, d in zip(model.levels, model.degrees))
    method = f"exhaustive root-orbit tiling search ({res['states']} configuration states; levels {levels})"
    if res["closed"]:
        return _verdict(True, method=method,
                    argument=("every configuration of root classes z^T = a (pairs a, ā; real a of either "
                              "sign; 0 and ∞) that can be tiled by the layers' root orbits over C can also "
                              "be tiled conjugation-invariantly with enough real roots per level, so every "
                              "real point of V has a real factorization: M = V(R) "
                              "(lcnalg.real.orbit_tilings)"))
    words = describe_blocks(model, res["blocks"])
    wit = witness_polynomial(model, res["blocks"])
    argument = (f"the root configuration [{words}] is tiled by the layers' root orbits over C, so its "
                "real polynomial lies in V(C) ∩ R^k = V(R) (over C the image is Zariski closed), but no "
                "conjugation-invariant tiling with enough real roots per level exists, so it is not in M")
    work = _work(arch, limits, work)
    if wit is not None and all(c.is_Rational for c in wit) and work.affordable(wit):  # skipped beyond the bound
        confirm = _test(arch, [str(c) for c in wit], limits, work)
        if confirm.contained is not False:
            return None   # the two exact routes disagree: report nothing rather than a wrong verdict
        return _verdict(False, witness=tuple(str(c) for c in wit), method=method
                        + "; witness confirmed outside M by contains()",
                        argument=argument + f"; contains(): {confirm.reason}")
    return _verdict(False,
                witness=tuple(str(c) for c in wit) if wit is not None else None, method=method,
                argument=argument + ("" if wit is not None else "; (no exact witness polynomial was "
                                     "formed: the configuration above is the witness)"))


# ------------------------------------------------------------------ the routes
def _route_segre(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    if not segre_embedding(arch, limits):
        return None
    return _verdict(True, method="Segre embedding (distinct Kronecker exponents)",
                    argument="μ places the entries of w_1 ⊗ … ⊗ w_L at distinct coordinates, so V(R) = real "
                             "tensors of complex rank ≤ 1 = real tensors of real rank ≤ 1 = M")


def _route_embedding(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    emb = coordinate_embedding(arch)
    if emb is None or emb.inner.ndim > 2:
        return None
    inner = is_zariski_closed(emb.inner, limits=limits)
    witness = None
    if inner.evidence is not None:
        witness = Witness(filter=emb.embed(inner.witness) if inner.witness is not None else (),
                          layers=emb.embed_layers(inner.witness_layers) if inner.witness_layers is not None else (),
                          note=inner.evidence.note)
    return Decision(inner.closed, f"coordinate copy of {emb.inner} (lcnalg.real.embedding); {inner.method}",
                    reason=inner.limitations, witness=witness,
                    argument=(f"M and V are coordinate copies of those of {emb.inner} ({emb.reason}), so "
                              f"M = V(R) iff it holds there: {inner.argument}"))


def _layers_and_degree(arch: Architecture) -> tuple[list[tuple[int, int]], int]:
    t = [x[0] for x in arch.cumulative_strides]
    return [(f[0] - 1, t[l]) for l, f in enumerate(arch.filters)], arch.end_to_end_filter_shape[0] - 1


def _stride_one(arch: Architecture) -> bool:
    return all(tt == 1 for _, tt in _layers_and_degree(arch)[0])


#: Largest degree whose stride-one witness is ``(z^2+1)^⌊d/2⌋ z^{d mod 2}`` (beyond it the
#: binomial coefficients have thousands of digits and ``z^d + 1`` is used instead).
STRIDE_ONE_BINOMIAL_DEGREE = 1000


def _route_stride_one_1d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision:
    """1D stride one: everything when ``m ≤ d mod 2``, else the witness ``(z^2+1)^⌊d/2⌋ z^{d mod 2}``
    (``z^d + 1`` above degree :data:`STRIDE_ONE_BINOMIAL_DEGREE`; both have ``d mod 2`` real
    roots), confirmed by :func:`contains` when its root work is within ``max_witness_work``."""
    layers, d = _layers_and_degree(arch)
    m = sum(1 for n, _ in layers if n % 2 == 1)
    if m <= d % 2:
        return _verdict(True, method="real-root condition of docs/theory.md#stride-one",
                        argument=f"m = {m} ≤ d mod 2, so M = R^{d + 1} = V(R)")
    if d <= STRIDE_ONE_BINOMIAL_DEGREE:
        k = d // 2
        base = [math.comb(k, j // 2) if j % 2 == 0 else 0 for j in range(2 * k + 1)]
        wit = ([0] + base) if d % 2 else base
        form = f"(z^2+1)^{k}·z^{d % 2}"
    else:
        wit = [1] + [0] * (d - 1) + [1]
        form = f"z^{d} + 1"
    work = _work(arch, limits, work)
    method = "real-root condition of docs/theory.md#stride-one"
    count = (f"{form} has {d % 2} < m = {m} real roots (" + ("none" if d % 2 == 0 else "only z = -1" if d > STRIDE_ONE_BINOMIAL_DEGREE else "only z = 0")
             + ", and no root at infinity)")
    if work.affordable(wit):
        res = _test(arch, wit, limits, work)
        check(res.contained is False, f"the stride-one witness {form} lies in M")
        method += "; exact real-root count"
        count = f"{form} has {d % 2} < m = {m} real roots ({res.reason})"
    return _verdict(False, witness=tuple(map(str, wit)), method=method,
                    argument=f"M is full-dimensional (stride one), so V(R) = R^{d + 1}; the witness {count}")


def _route_two_layers_1d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    layers, d = _layers_and_degree(arch)
    return _two_layers_1d(arch, layers, d, limits, work)


def _route_complex_layers_1d(arch: Architecture, limits: Limits, work: WitnessWork | None = None) -> Decision | None:
    """1D with strides: the witness ``(z^t − a)(z^t − ā)`` from complex layers ``w − a`` (stride
    ``t``) and ``w^{t/t'} − ā`` (stride ``t'``), decided outside ``M`` by :func:`contains`."""
    layers, d = _layers_and_degree(arch)
    for (l, (n, tl)), (l2, (n2, tl2)) in itertools.permutations(list(enumerate(layers)), 2):
        if tl <= 1 or n < 1 or tl % tl2 or n2 < tl // tl2:
            continue
        r = tl // tl2
        for a in (1j, 1 + 1j, 2j, 1 + 2j):
            # (z^t - a)(z^t - ā) = z^{2t} - 2 Re(a) z^t + |a|^2
            wit = [0] * (d + 1)
            wit[0] = int(abs(a) ** 2 + 0.5)
            wit[tl] = -2 * int(a.real)
            if 2 * tl > d:
                continue
            wit[2 * tl] += 1
            res = _test(arch, wit, limits, work)
            if res.contained is False:
                layer_filters = []
                for k, (nk, _) in enumerate(layers):
                    f = ["0"] * (nk + 1)
                    if k == l:
                        f[0], f[1] = _cx(-a), "1"
                    elif k == l2:
                        f[0], f[r] = _cx(-a.conjugate()), "1"
                    else:
                        f[0] = "1"
                    layer_filters.append(tuple(f))
                return _verdict(False, witness=tuple(map(str, wit)), witness_layers=tuple(layer_filters),
                                method="complex-layer witness, exact membership test",
                                argument=(f"layer {l + 1} (stride {tl}) = w − ({_cx(a)}) and layer {l2 + 1} "
                                          f"(stride {tl2}) = w^{r} − ({_cx(a.conjugate())}) multiply to the real "
                                          f"filter (z^{tl} − a)(z^{tl} − ā) in V(C) ∩ R^k = V(R) (over C the image "
                                          f"is Zariski closed); contains() proves it is not in M: {res.reason}"))
    return None


def _is_1d(arch: Architecture) -> bool:
    return arch.ndim == 1


def _is_2d(arch: Architecture) -> bool:
    return arch.ndim == 2


#: The closedness routes, in the order they are tried: ``(name, applies, decide)``.  ``applies``
#: is a cheap test on the architecture; ``decide(arch, limits, work)`` returns a Decision, or None
#: when its argument does not settle this architecture (the next route is tried); ``work``
#: (a :class:`WitnessWork`) counts the membership tests of candidate witnesses.
ROUTES: tuple[tuple[str, Callable[[Architecture], bool],
                    Callable[[Architecture, Limits, "WitnessWork | None"], Decision | None]], ...] = (
    ("Segre embedding", lambda arch: True, _route_segre),
    ("coordinate copy", lambda arch: arch.ndim >= 3, _route_embedding),
    ("2D contents and primitive part", _is_2d, _pure_layers_2d),
    ("2D two equal layers", _is_2d, _two_equal_layers_2d),
    ("1D stride one", lambda arch: _is_1d(arch) and _stride_one(arch), _route_stride_one_1d),
    ("1D two layers", lambda arch: (_is_1d(arch) and arch.num_layers == 2
                                    and _layers_and_degree(arch)[0][0][1] == 1
                                    and _layers_and_degree(arch)[0][1][1] >= 2), _route_two_layers_1d),
    ("1D root-orbit tilings", _is_1d, _orbit_tilings_1d),
    ("1D complex layers", _is_1d, _route_complex_layers_1d),
    ("2D witness search", _is_2d, _witness_search_2d),
    ("1D witness search", _is_1d, _witness_search_1d),
)


def is_zariski_closed(arch: Architecture | str, *, limits: Limits | None = None,
                      max_states: int | None = None) -> ClosednessResult:
    """Decide ``M = V(R)`` with an exact argument or a witness, or report undecided.

    The routes of :data:`ROUTES` are tried in order (the module docstring gives their
    arguments); the first that decides answers.  A network with an activation ``r ≥ 2`` is
    always closed (:func:`_polynomial_network` gives the argument).

    Parameters
    ----------
    arch : Architecture or str
    limits : Limits, optional
        The resource bounds, handed unchanged to every membership test of a witness:
        ``max_states`` bounds the configuration states of the 1D root-orbit search (beyond it
        that route gives up and the result may be undecided), ``max_search_work`` its time (its
        set-up is estimated before it starts), ``max_segre_terms`` the Segre test,
        ``max_witness_candidates`` the witness searches, ``max_witness_work`` the root work of
        all their membership tests together (:class:`WitnessWork`, counted before each test),
        ``max_root_work`` (with ``max_nodes`` and ``max_precision``) each one.
    max_states : int, optional
        Overrides ``limits.max_states``.

    Returns
    -------
    ClosednessResult

    Raises
    ------
    InputError
        For a network with channels and an activation.

    Examples
    --------
    >>> is_zariski_closed("2,2,2").closed, is_zariski_closed("3,2").closed
    (False, True)
    >>> r = is_zariski_closed("3,2 s=2"); r.closed, r.witness
    (False, ('1', '0', '0', '0', '1'))
    >>> is_zariski_closed("2,2 s=2").closed       # a coordinate Segre embedding
    True
    >>> r = is_zariski_closed("2x2,2x1"); r.closed, r.witness   # 1 + x^2 = (x − i)·(x + i)
    (False, ('1', '0', '0', '0', '1', '0'))
    >>> is_zariski_closed("1x2,2x1,1x3").closed   # (y-part 2,3 and x-part 2 are closed in 1D)
    True
    >>> is_zariski_closed("2,2,2 s=2,1 r=2").closed
    True
    """
    start = time.perf_counter()
    arch = Architecture.coerce(arch)
    limits = Limits.coerce(limits, max_states=max_states)
    if arch.activation is not None:
        if arch.channels is not None:
            raise InputError(f"architecture {arch}: closedness is decided for one channel (drop c=)")
        return ClosednessResult.from_decision(arch, _polynomial_network(arch), time.perf_counter() - start)
    work = WitnessWork(limits)   # one bound for every candidate witness of this decision
    for _name, applies, decide in ROUTES:
        if applies(arch):
            try:
                decision = decide(arch, limits, work)
            except ResourceLimitError as err:
                if err.limit != "max_witness_work":
                    raise
                decision = Decision.undecided("none", _no_argument(
                    arch, limits, f"no candidate witness tested was shown outside M before their membership "
                    f"tests reached max_witness_work = {limits.max_witness_work}", also="max_witness_work"))
            if decision is not None:
                return ClosednessResult.from_decision(arch, decision, time.perf_counter() - start)
    undecided = Decision.undecided("none", _no_argument(arch, limits, "none of the complex-layer witness "
                                                         "candidates was outside M"))
    return ClosednessResult.from_decision(arch, undecided, time.perf_counter() - start)
