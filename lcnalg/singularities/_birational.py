"""``Sing V`` read off the parameterization when ``μ`` is birational (linear networks, 1D and 2D).

**The map.**  For a linear network without channels, ``μ(w_1, …, w_L)`` is the product of the
layer polynomials ``p_l(x^{t_l})`` (``t_l`` the cumulative strides), multilinear in the layers,
and non-zero when no layer is zero (``C[x]`` is a domain).  So ``μ`` descends to a morphism
``μ̄: X = P(C^{k_1}) × ⋯ × P(C^{k_L}) → P^{n-1}`` with image ``Y = P(V)``; ``X`` is projective,
so ``μ̄`` is proper.  Its fibres are finite: ``μ̄(θ') = μ̄(θ)`` makes every ``p'_l(x^{t_l})`` a
product of irreducible factors of ``μ(θ)`` up to a scalar (unique factorization), and there are
finitely many such choices.  Proper with finite fibres, ``μ̄`` is finite.  When
``dim V = N − L + 1`` its generic fibre has ``|F|`` points (the fibre size of
:mod:`lcnalg.algebra.degree`); ``μ̄`` is *birational* onto ``Y`` iff ``|F| = 1``.

**Theorem.**  Let ``μ̄`` be birational.  A point ``y`` of ``Y`` is singular iff its fibre is not
one point at which ``dμ̄`` is injective.  So, with ``Crit μ = {θ : rank Jμ(θ) < dim V}`` and
``N = {θ : the fibre of μ(θ) has at least two points}`` (both unions of torus orbits),

    ``Sing V = closure μ(Crit μ ∪ N)``,   together with the vertex ``0`` when ``V`` is no linear space,

and ``dim Sing V = max(dim μ(Crit μ), dim μ(N))`` (affine cones; ``μ`` maps the zero layers,
which are critical, to the vertex).  ``dμ̄`` is injective at ``[θ]`` iff ``rank Jμ(θ) = dim V``:
``Jμ`` kills the ``L − 1`` directions of the rescaling torus and contains ``μ(θ)`` in its image
(Euler: ``Jμ(θ)(0, …, w_l, …, 0) = μ(θ)``), which the differential of ``C^n ∖ 0 → P^{n-1}``
kills, so ``rank dμ̄ = rank Jμ − 1`` and ``dim Y = dim V − 1``.

*Proof.*  (Smooth points.)  Let ``μ̄^{-1}(y) = {x}`` with ``dμ̄_x`` injective.  ``μ̄`` being
finite, ``A = (μ̄_* O_X)_y`` is a finite ``O_{Y,y}``-algebra whose maximal ideals are the points
over ``y``: one, so ``A = O_{X,x}``.  ``dμ̄_x`` injective means ``m_y O_{X,x} = m_x`` (both have
residue field ``C``), so by Nakayama ``O_{Y,y} → O_{X,x}`` is onto; it is injective because
``μ̄: X → Y`` is dominant and ``X`` integral.  So ``O_{Y,y} ≅ O_{X,x}`` is regular (``X`` is
smooth).  (Singular points.)  Let ``y`` be smooth, so ``O_{Y,y}`` is normal.  Over an affine
normal neighbourhood ``U`` of ``y``, ``O_U → μ̄_* O_X`` is finite and birational (``|F| = 1``),
so it is an isomorphism (``O_U`` is integrally closed in its fraction field, which is that of
``X``): ``μ̄`` is an isomorphism over ``U``, the fibre of ``y`` is one point and ``dμ̄`` is
injective there.  ``V ∖ 0 → Y`` is a ``C*``-bundle, so ``V`` is smooth at ``c ≠ 0`` iff ``Y`` is at
``[c]``; the vertex is singular iff ``V`` is no linear space, iff ``deg V > 1``, and
``deg V = `` the Segre degree ``/ |F|`` (:mod:`lcnalg.algebra.degree`).  ∎

**Deciding ``|F| = 1`` exactly.**  1D: :func:`~lcnalg.algebra.degree.fibre_size_1d` counts the
generic fibre exactly (root orbits); 2D: the exact routes of
:func:`~lcnalg.algebra.degree.degree_by_fibre`, or one point ``θ₀`` whose fibre is exactly one
point (:func:`~lcnalg.algebra.degree.fibre_at_sample_2d`: the factors of ``μ(θ₀)`` certified
absolutely irreducible, squarefree, one grouping) with ``rank Jμ(θ₀) = dim V``.  The first part
of the proof then makes ``μ̄`` an isomorphism over a neighbourhood of ``μ̄(θ₀)``, so the generic
fibre is one point: no genericity of ``θ₀`` is needed.

**Lower bound: certified families, without the equations of V.**  A polynomial family
``φ: C^a → Θ`` has an irreducible image closure ``P`` of dimension ``≥ rank J(μ∘φ)(t₀)``.

* *Critical families*: if ``rank_{Q(t)} Jμ(φ(t)) < dim V`` (the bordered minors of
  ``Jμ∘φ`` around a non-zero ``ρ × ρ`` minor at ``t₀`` vanish identically in ``Z[t]``,
  :func:`~lcnalg.singularities._sandwich.rank_drop_certificate`), every point of the family is
  critical, so ``P ⊆ Sing V``.
* *Exchange families* (double points): layers ``l < m`` with stride ratio ``r = t_m / t_l`` (per
  axis), ``p_l = q_l · R(x^r)`` and ``p_m = q_m · R'(x)`` with ``R``, ``R'`` of one box ``σ``; the
  family ``φ'`` with ``R`` and ``R'`` exchanged has ``μ∘φ' = μ∘φ`` (checked in ``Z[t]``), and at
  ``t₀`` the two points are not in one torus orbit (a layer's two filters are not proportional,
  exact).  On the non-empty open set where that holds, the fibre has two points: ``P ⊆ Sing V``.

Neither certificate reads the implicit equations, so the lower bound holds whatever their
status.

**Two layers: the exact answer.**  Let ``L = 2`` (two layers, as given),
``μ = p_1(x) P_2(x)`` with ``P_2 = p_2(x^r)``, ``r = t_2`` (per axis), and ``G = μ_{r_1} × ⋯``
the group of roots of unity acting by ``x_a ↦ ζ_a x_a``; the elements of the second layer's space
``S_2 = {p_2(x^r)}`` are ``G``-invariant, the first layer's space ``S_1`` is all polynomials of
its box.

*Claim.*  Every point of ``Crit μ ∪ N`` off the zero layers is ``φ_σ(q_1, R, R', q_2)`` for an
exchange family of a box ``σ ≠ 0`` (``p_1 = q_1 R(x^r)``, ``p_2 = q_2 R'``; ``R = R'`` for the
critical points), and the generic point of each ``φ_σ`` is a double point.  Hence
``Sing V ∖ 0 = ⋃_σ closure μ(φ_σ)`` and ``dim Sing V = max_σ rank_{Q(t)} J(μ∘φ_σ)`` (``0`` with no
``σ`` when ``V`` is no linear space).

*Semi-invariants.*  If ``u a`` and ``u a'`` are ``G``-invariant, ``u ≠ 0`` and ``gcd(a, a') = 1``,
then ``a = A(x^r)``, ``a' = A'(x^r)`` and ``u = U(x^r)``.  Indeed for an irreducible ``f`` and
``g ∈ G``, ``v_f(a') − v_f(a) = v_{f^g}(a') − v_{f^g}(a)`` (invariance of both products), and by
coprimality at most one term is non-zero: so ``a`` and ``a'`` are products of whole
``G``-orbits of irreducibles, semi-invariants, as is ``u``, and ``χ(u)χ(a) = 1 = χ(u)χ(a')``.
A semi-invariant of character ``χ = (i_a mod r_a)`` is ``x^i F(x^r)`` with ``0 ≤ i_a < r_a``; a
non-trivial ``χ`` would put a variable into both ``a`` and ``a'``.  So ``χ = 1``.

*Double points.*  ``p_1 P_2 = p'_1 P'_2`` with ``[θ] ≠ [θ']``: let ``g = gcd(p_1, p'_1)``,
``p_1 = g a``, ``p'_1 = g a'``; then ``a P_2 = a' P'_2``, so ``P_2 = a' b`` and ``P'_2 = a b``.
With ``u = b``: ``a = R(x^r)``, ``a' = R'(x^r)``, ``b = B(x^r)``, so ``θ = (g R(x^r), R' B)``,
``θ' = (g R'(x^r), R B)``; ``R ≁ R'`` (else ``[θ] = [θ']``), and with ``σ`` the larger of their
boxes (non-zero), ``g`` fits the box of ``q_1`` and ``B`` that of ``q_2``: ``θ = φ_σ(g, R, R', B)``.

*Critical points.*  ``Jμ(θ)(v_1, v_2) = v_1 P_2 + p_1 V_2`` (``V_2 = v_2(x^r)``).  With
``g = gcd(p_1, P_2)``, ``p_1 = g a``, ``P_2 = g b``: the kernel is ``{(a h, −b h)}`` over
``H = {h : a h ∈ S_1, b h ∈ S_2}``, which contains ``g`` (the torus direction); ``θ`` is critical
iff ``dim H ≥ 2`` (``dim V = N − 1``).  For ``h ∈ H`` not proportional to ``g`` let
``c = gcd(h, g)``, ``h = c h'``, ``g = c g'``; ``(b c) h'`` and ``(b c) g'`` lie in ``S_2``, so
``h' = H'(x^r)``, ``g' = G'(x^r)``, ``b c = C(x^r)``, and ``θ = (a c G'(x^r), C G')`` with
``a c H'(x^r) ∈ S_1`` and ``C H' ∈ S_2``, ``H' ≁ G'``: ``θ = φ_σ(a c, G', G', C)`` with ``σ`` the
larger box of ``G'`` and ``H'`` (non-zero: ``H'`` is not constant if ``G'`` is).

*Generic points.*  At a point of ``φ_σ`` with ``R ≁ R'`` (a non-empty open set, ``σ ≠ 0``) the
exchanged point is another point of the fibre: ``φ_σ`` lies in the closure of ``N``.  ∎

The generic rank of ``J(μ∘φ_σ)`` is computed exactly: its rank ``ρ`` at ``t₀`` is a lower bound,
and the bordered ``(ρ+1)``-minors vanishing in ``Z[t]`` prove it is the rank over ``Q(t)``
(:func:`image_dimension`).  With three or more layers the same families give the lower bound
only; :mod:`lcnalg.singularities.singular_locus` combines it with the sandwich's upper bound
(or ``dim V − 1``).
"""

from __future__ import annotations

import itertools
import random
from typing import Any, Callable

import flint

from lcnalg.algebra.degree import degree_by_fibre, fibre_at_sample_2d, fibre_size_1d, segre_veronese_degree
from lcnalg.limits import Limits
from lcnalg.singularities._sandwich import Family, composed_entries, image_rank, make_family, rank_drop_certificate

__all__ = ["birational_certificate", "exchange_families", "certify_critical_family", "certify_exchange",
           "origin_singular", "image_dimension"]


def birational_certificate(mu: Any, dim_v: int, *, seed: int = 0,
                           limits: Limits | None = None) -> tuple[bool | None, str]:
    """Decide exactly whether ``μ̄`` is birational onto ``P(V)`` (generic fibre of one point).

    Returns ``(True, how)``, ``(False, why)`` (a generic fibre of several points, or of positive
    dimension, or a network outside the theorem: activation, channels, more than two axes) or
    ``(None, why)`` (the sample points did not decide).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> birational_certificate(Parameterization("3x2,2x2 s=2x2"), 9)[0]
    True
    >>> birational_certificate(Parameterization("2x2,2x2"), 7)   # |F| = 2: the layers swap
    (False, 'the generic fibre has 2 points (deg V = 20 / 2, exact)')
    """
    limits = Limits.coerce(limits)
    arch = mu.architecture
    if arch.activation is not None or getattr(arch, "channels", None) is not None or arch.ndim > 2:
        return False, "stated for linear networks without channels in 1D and 2D"
    N, L = mu.num_parameters, arch.num_layers
    if dim_v != N - L + 1:
        return False, f"dim V = {dim_v} < N - L + 1 = {N - L + 1}: the generic fibre has positive dimension"
    if arch.ndim == 1:
        size = fibre_size_1d(arch, limits=limits)
        if size is None:
            return None, "the 1D fibre count was refused by max_fibre_order"
        return size == 1, (f"the generic fibre has {size} point(s) (1D root orbits, exact)")
    deg = degree_by_fibre(mu, seed=seed, limits=limits)
    if deg.certified and deg.fibre_size is not None:
        return (deg.fibre_size == 1,
                f"the generic fibre has {deg.fibre_size} point(s)" if deg.fibre_size == 1 else
                f"the generic fibre has {deg.fibre_size} points (deg V = {deg.segre_degree} / "
                f"{deg.fibre_size}, exact)")
    whys = []
    for trial in range(3):
        theta, size, why = fibre_at_sample_2d(mu, seed=seed, trial=trial, squarefree=True, limits=limits)
        if size == 1 and mu.jacobian_rank(theta) == dim_v:
            return True, (f"the fibre of mu({list(theta)}) is one point (absolutely irreducible squarefree "
                          f"factors, one grouping) with rank J mu = dim V = {dim_v}: mu is an isomorphism "
                          "near it, so the generic fibre is one point")
        whys.append(why or f"fibre of {size} point(s) at a sample point")
    return None, "not decided: " + "; ".join(whys)


def origin_singular(arch: Any) -> bool:
    """With ``|F| = 1``: the vertex is singular iff ``deg V`` = the Segre degree ``> 1``.

    Examples
    --------
    >>> from lcnalg import Architecture
    >>> origin_singular(Architecture.parse("3,2 s=2")), origin_singular(Architecture.parse("3"))
    (True, False)
    """
    return segre_veronese_degree(arch) > 1


def _boxes(arch: Any) -> list[tuple[int, ...]]:
    return [tuple(int(k) - 1 for k in f) for f in arch.filters]


def _product_entries(shape: tuple[int, ...], q: dict, qbox: tuple[int, ...], R: dict,
                     rbox: tuple[int, ...], r: tuple[int, ...]) -> list:
    """Entries (row-major over ``shape``) of ``q(z) · R(z^r)`` with parameter dictionaries
    ``q``, ``R`` keyed by multi-indices."""
    out: dict[tuple[int, ...], list] = {j: [] for j in itertools.product(*(range(k) for k in shape))}
    for i in itertools.product(*(range(b + 1) for b in qbox)):
        for s in itertools.product(*(range(b + 1) for b in rbox)):
            j = tuple(a + rr * b for a, rr, b in zip(i, r, s))
            out[j].append((1, (q[i], R[s])))
    return [out[j] or None for j in itertools.product(*(range(k) for k in shape))]


def exchange_families(mu: Any, *, limits: Limits | None = None) -> list[tuple[Family, Family, Family]]:
    """Triples ``(φ, φ', φ_=)`` of the exchange families (module docstring).

    For layers ``l < m`` with integer stride ratios ``r = t_m / t_l`` and each non-zero box ``σ``
    with ``r σ`` inside layer ``l``'s box and ``σ`` inside layer ``m``'s: ``φ`` has
    ``p_l = q_l R(x^r)``, ``p_m = q_m R'(x)``; ``φ'`` exchanges ``R`` and ``R'``; ``φ_=`` has
    ``R' = R`` (a candidate critical family).  The other layers are free.  ``φ`` and ``φ'`` share
    the parameters ``t``; ``φ_=`` has no parameters for ``R'``.  Refused by
    ``limits.max_family_work`` (triples times the entries of ``Jμ``) before any is built.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> [f.name for f, _, _ in exchange_families(Parameterization("3x2,2x2 s=2x2"))]
    ['exchange 1<->2 (r=2x2, box 1x0)']
    """
    limits = Limits.coerce(limits)
    arch = mu.architecture
    L = arch.num_layers
    if L < 2:
        return []
    shapes = [tuple(int(k) for k in f) for f in arch.filters]
    boxes = _boxes(arch)
    t = arch.cumulative_strides
    slices = mu.layer_slices
    out: list[tuple[Family, Family, Family]] = []

    def free_layer(l: int) -> Callable:
        size = slices[l][1] - slices[l][0]
        return lambda fresh: [fresh() for _ in range(size)]

    count = sum(1 for l in range(L) for m in range(l + 1, L)
                if not any(int(t[m][a]) % int(t[l][a]) for a in range(arch.ndim))
                for sigma in itertools.product(*(range(b + 1) for b in boxes[m]))
                if any(sigma) and all((int(t[m][a]) // int(t[l][a])) * s <= b
                                      for a, (s, b) in enumerate(zip(sigma, boxes[l]))))
    limits.check("max_family_work", f"entries of J mu over the {count} exchange families of the singular locus "
                 f"({count} x 3 x {mu.ambient_dimension} x {mu.num_parameters})",
                 3 * count * mu.ambient_dimension * mu.num_parameters)
    for l in range(L):
        for m in range(l + 1, L):
            if any(int(t[m][a]) % int(t[l][a]) for a in range(arch.ndim)):
                continue
            r = tuple(int(t[m][a]) // int(t[l][a]) for a in range(arch.ndim))
            for sigma in itertools.product(*(range(b + 1) for b in boxes[m])):
                if not any(sigma) or any(rr * s > b for rr, s, b in zip(r, sigma, boxes[l])):
                    continue
                qlbox = tuple(b - rr * s for b, rr, s in zip(boxes[l], r, sigma))
                qmbox = tuple(b - s for b, s in zip(boxes[m], sigma))
                one = (1,) * arch.ndim

                def builders(kind: str, l: int = l, m: int = m, r: tuple = r, sigma: tuple = sigma,
                             qlbox: tuple = qlbox, qmbox: tuple = qmbox) -> list[Callable]:
                    shared: dict[str, dict] = {}

                    def params(fresh: Callable, box: tuple) -> dict:
                        return {i: fresh() for i in itertools.product(*(range(b + 1) for b in box))}

                    def layer_l(fresh: Callable) -> list:
                        shared["ql"] = params(fresh, qlbox)
                        shared["R"] = params(fresh, sigma)
                        shared["R2"] = params(fresh, sigma) if kind != "shared" else shared["R"]
                        R = shared["R2"] if kind == "exchanged" else shared["R"]
                        return _product_entries(shapes[l], shared["ql"], qlbox, R, sigma, r)

                    def layer_m(fresh: Callable) -> list:
                        qm = params(fresh, qmbox)
                        R = shared["R"] if kind == "exchanged" else shared["R2"]
                        return _product_entries(shapes[m], qm, qmbox, R, sigma, one)
                    return [layer_l if i == l else layer_m if i == m else free_layer(i) for i in range(L)]

                rs = "x".join(map(str, r))
                box = "x".join(map(str, sigma))
                name = f"exchange {l + 1}<->{m + 1} (r={rs}, box {box})"
                desc = (f"layer {l + 1} = q_{l + 1}(z) R(z^{rs}) and layer {m + 1} = q_{m + 1}(z) R'(z), R and R' "
                        f"of degrees {box}: exchanging R and R' keeps mu")
                fam = make_family(mu, name, desc, builders("plain"))
                other = make_family(mu, name + " exchanged", desc, builders("exchanged"))
                same = make_family(mu, f"shared {l + 1}<->{m + 1} (r={rs}, box {box})",
                                   f"layer {l + 1} = q_{l + 1}(z) R(z^{rs}) and layer {m + 1} = q_{m + 1}(z) R(z), "
                                   f"one R of degrees {box}", builders("shared"))
                out.append((fam, other, same))
    return out


def _point(fam: Family, seed: int) -> tuple[list[int], list[int]]:
    rng = random.Random(seed)
    t0 = [rng.randint(-97, 97) or 1 for _ in range(fam.ctx.nvars())]
    vals = [flint.fmpz(v) for v in t0]
    return t0, [int(p(*vals)) for p in fam.theta]


def certify_critical_family(mu: Any, fam: Family, dim_v: int, *, seed: int = 0,
                            limits: Limits | None = None) -> dict[str, Any]:
    """Decide whether every point of the family ``φ`` is a critical point of ``μ``.

    Returns a dict: ``name``, ``description``, ``dimension`` (exact rank of ``J(μ∘φ)`` at a random
    ``t₀``: a lower bound on the dimension of the image), ``jacobian_rank`` (``rank Jμ(φ(t₀))``),
    ``critical`` (True: ``rank_{Q(t)} Jμ(φ(t)) < dim V`` proved by bordered minors in ``Z[t]``;
    False: full rank at ``t₀``; None: the family maps to the origin, or the certificate was
    refused or ``t₀`` was special), ``certificate`` and ``sample`` (``θ₀``).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> mu = Parameterization("3x2,2x2 s=2x2")
    >>> _, _, same = exchange_families(mu)[0]
    >>> r = certify_critical_family(mu, same, 9)
    >>> r["critical"], r["jacobian_rank"], r["dimension"]
    (True, 8, 4)
    """
    limits = Limits.coerce(limits)
    t0, theta0 = _point(fam, seed)
    out: dict[str, Any] = {"name": fam.name, "description": fam.description, "sample": tuple(theta0)}
    out["dimension"] = image_rank(mu, fam, t0)
    G0 = mu.jacobian_at(theta0)
    rho = G0.rank()
    out["jacobian_rank"] = rho
    if not any(mu.evaluate(theta0)):
        out["critical"] = None
        out["certificate"] = "the family maps to the origin at a random point"
        return out
    if rho >= dim_v:
        out["critical"] = False
        out["certificate"] = f"rank J mu = {rho} = dim V at an integer point of the family"
        return out
    entry = composed_entries(mu.jacobian, fam.theta, fam.ctx, limits,
                             f"terms of one entry of J mu on the family {fam.name}")
    proved, why = rank_drop_certificate(entry, G0, rho, fam.ctx.from_dict({}), limits)
    out["critical"] = True if proved else None
    out["certificate"] = (f"all {why} bordered {rho + 1}-minors of J mu(phi(t)) vanish identically in Z[t] "
                          f"(rank over Q(t) = {rho} < dim V = {dim_v}): every point is critical") if proved else why
    return out


def certify_exchange(mu: Any, fam: Family, other: Family, *, seed: int = 0,
                     limits: Limits | None = None) -> dict[str, Any]:
    """Decide whether the image of ``φ`` lies in ``μ(N)``, the double points.

    Proved when ``μ∘φ = μ∘φ'`` in ``Z[t]`` and at a random ``t₀`` the points ``φ(t₀)``,
    ``φ'(t₀)`` are not in one torus orbit (some layer's two filters are not proportional) and
    ``μ(φ(t₀)) ≠ 0``: then on a non-empty open set of ``t`` the fibre of ``μ(φ(t))`` has two
    points.  Returns a dict as :func:`certify_critical_family` with ``double`` in place of
    ``critical``.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> mu = Parameterization("3x2,2x2 s=2x2")
    >>> fam, other, _ = exchange_families(mu)[0]
    >>> r = certify_exchange(mu, fam, other)
    >>> r["double"], r["dimension"]
    (True, 5)
    """
    limits = Limits.coerce(limits)
    t0, theta0 = _point(fam, seed)
    vals = [flint.fmpz(v) for v in t0]
    theta1 = [int(p(*vals)) for p in other.theta]
    out: dict[str, Any] = {"name": fam.name, "description": fam.description, "sample": tuple(theta0),
                           "dimension": image_rank(mu, fam, t0),
                           "jacobian_rank": mu.jacobian_rank(theta0)}
    if not any(mu.evaluate(theta0)):
        out["double"] = None
        out["certificate"] = "the family maps to the origin at a random point"
        return out
    apart = [l + 1 for l, (lo, hi) in enumerate(mu.layer_slices)
             if flint.fmpq_mat([theta0[lo:hi], theta1[lo:hi]]).rank() == 2]
    if not apart:
        out["double"] = None
        out["certificate"] = "the two parameterizations meet one torus orbit at a random point"
        return out
    for c in mu.coordinates:
        a, b = c.compose(*fam.theta, ctx=fam.ctx), c.compose(*other.theta, ctx=other.ctx)
        limits.check("max_certificate_terms", f"terms of a coordinate of mu on the family {fam.name}", len(a))
        if a != b:
            out["double"] = False
            out["certificate"] = "mu differs on the two parameterizations"
            return out
    out["double"] = True
    out["certificate"] = (f"mu(phi(t)) = mu(phi'(t)) in Z[t] and the filters of layer(s) {apart} are not "
                          "proportional at a random point: the fibre has two points on an open set")
    return out


def image_dimension(mu: Any, fam: Family, *, seed: int = 0,
                    limits: Limits | None = None) -> tuple[int, bool, str]:
    """The dimension of the closure of ``μ(φ(C^a))``: the rank of ``J(μ∘φ)`` over ``Q(t)``.

    Its rank ``ρ`` at a random integer ``t₀`` is a lower bound; when every bordered
    ``(ρ+1)``-minor around a non-zero ``ρ × ρ`` minor vanishes identically in ``Z[t]``
    (:func:`~lcnalg.singularities._sandwich.rank_drop_certificate`) it is the rank over
    ``Q(t)``, which is the dimension of the image (characteristic 0).

    Returns
    -------
    (int, bool, str)
        ``ρ``, whether it is proved to be the dimension, and the certificate or the reason.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> mu = Parameterization("3x2,2x2 s=2x2")
    >>> fam, _, _ = exchange_families(mu)[0]
    >>> image_dimension(mu, fam)[:2]
    (5, True)
    """
    limits = Limits.coerce(limits)
    t0, theta0 = _point(fam, seed)
    vals = [flint.fmpz(v) for v in t0]
    a = fam.ctx.nvars()
    coords = []
    for c in mu.coordinates:
        v = c.compose(*fam.theta, ctx=fam.ctx)
        limits.check("max_certificate_terms", f"terms of a coordinate of mu on the family {fam.name}", len(v))
        coords.append(v)
    G0 = flint.fmpq_mat([[int(c.derivative(j)(*vals)) for j in range(a)] for c in coords])
    rho = G0.rank()
    if rho == min(G0.nrows(), a):
        return rho, True, f"rank {rho} of J(mu o phi) at an integer point is the largest possible"
    proved, why = rank_drop_certificate(lambda i, j: coords[i].derivative(j), G0, rho, fam.ctx.from_dict({}),
                                        limits)
    if proved:
        return rho, True, (f"rank {rho} of J(mu o phi) at an integer point, and all {why} bordered "
                           f"{rho + 1}-minors vanish identically in Z[t]")
    return rho, False, why
