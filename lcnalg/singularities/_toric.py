"""Singular locus of a *toric* neurovariety, exactly, through its torus orbits.

Let ``T`` be the torus of the finest grading (:func:`~lcnalg.algebra.grading.finest_grading`):
``t · c_j = t^{a_j} c_j`` with weight vectors ``a_j ∈ Z^r``.  ``T`` preserves ``I`` (it is
homogeneous for that grading), hence ``V`` and ``Sing V``.  ``c⁰ = μ(1, …, 1)`` has every
not-identically-zero coordinate positive, and its orbit ``T·c⁰ ⊂ V`` has dimension
``rank(a_j) = r``.  **When ``r = dim V``** (computed, not assumed) ``V`` is the closure of that
orbit: a (possibly non-normal) affine toric variety, e.g. every coordinate-Segre case such as
``2x2,2x2 s=2x2``.  Then [standard toric geometry, Sturmfels, *Gröbner bases and convex
polytopes*, ch. 4]:

* ``V`` is the finite union of the orbits ``T·c⁰_S`` (``c⁰_S``: ``c⁰`` with the coordinates
  outside ``S`` set to 0) over the *faces* ``S`` of the cone spanned by the ``a_j``; a support
  ``S`` is a face iff ``c⁰_S ∈ V`` — tested exactly (``g(c⁰_S) = 0`` for every generator);
* ``dim T·c⁰_S = rank(a_j : j ∈ S)``; the orbit closure is ``V ∩ {c_j = 0 : j ∉ S}``;
* ``T`` acts by linear automorphisms of ``V``, so ``rank J_g`` is constant on each orbit.

Hence ``Sing V`` is the union of the closures of the orbits whose base point has
``rank J_g(c⁰_S) < codim V`` — finitely many exact rank computations over Q, no minors.
The components are the orbit closures of the maximal singular faces; their degrees come from
a Gröbner basis over Q (certified) of ``I|_{c_j = 0, j ∉ S} + (c_j : j ∉ S)`` (``I`` is
generated in fibres of the grading, so this is the prime ideal of the face).
"""

from __future__ import annotations

from typing import Any, Sequence

import flint

from lcnalg.algebra.grading import finest_grading
from lcnalg.polys.groebner import groebner_basis
from lcnalg.limits import Limits

__all__ = ["toric_data", "toric_singular_locus"]


def toric_data(mu: Any, dim_v: int) -> tuple[tuple[int, ...], tuple[tuple[int, ...], ...]] | None:
    """``(variables, weights)`` of the finest grading when ``V`` is toric, else None.

    ``V`` is toric here iff the weights of the non-zero coordinates have rank ``dim V``.

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> toric_data(Parameterization("2,2 s=2"), 3)[0]
    (0, 1, 2, 3)
    >>> toric_data(Parameterization("3,3 s=2"), 5) is None
    True
    """
    gr = finest_grading(mu)
    if gr.rank != dim_v:
        return None
    return gr.variables, gr.degrees


def _rank(vectors: Sequence[Sequence[int]]) -> int:
    if not vectors:
        return 0
    return flint.fmpq_mat([list(v) for v in vectors]).rank()


def toric_singular_locus(mu: Any, eqs: Sequence[Any], dim_v: int, *,
                         max_supports: int | None = None, degrees: bool = True,
                         limits: Limits | None = None) -> dict[str, Any] | None:
    """Faces, singular orbits and components of a toric ``V`` (None if ``V`` is not toric).

    Parameters
    ----------
    mu : Parameterization
    eqs : sequence of fmpz_mpoly
        Generators of ``I`` (homogeneous for the finest grading).
    dim_v : int
    max_supports : int, optional
        Overrides ``limits.max_supports``: refuse (:class:`~lcnalg.errors.ResourceLimitError`)
        when ``2^(non-zero coordinates)`` exceeds it.
    degrees : bool
        Compute the degree of each component (a Gröbner basis over Q each).
    limits : Limits, optional

    Returns
    -------
    dict or None
        ``faces`` (list of dicts: ``support``, ``dimension``, ``jacobian_rank``, ``singular``),
        ``dimension`` of ``Sing V`` (``-1`` if empty) and ``components`` (maximal singular faces).

    Examples
    --------
    >>> from lcnalg import Parameterization
    >>> from lcnalg.algebra.implicitization import implicit_equations
    >>> mu = Parameterization("2,2 s=2")
    >>> out = toric_singular_locus(mu, implicit_equations(mu).polynomials, 3)
    >>> out["dimension"], len(out["faces"]), [c["dimension"] for c in out["components"]]
    (0, 10, [0])
    """
    data = toric_data(mu, dim_v)
    if data is None:
        return None
    variables, weights = data
    nv = len(variables)
    limits = Limits.coerce(limits, max_supports=max_supports)
    limits.check(
        "max_supports", f"candidate supports 2^{nv} of the toric face test", 2 ** nv)
    n = mu.ambient_dimension
    codim = n - dim_v
    ones = [1] * mu.num_parameters
    c0 = [int(x) for x in mu.evaluate(ones)]
    # terms of the generators: (support mask over local indices, value at c0, coefficient)
    local = {v: i for i, v in enumerate(variables)}
    gens_terms = []
    for g in eqs:
        terms = []
        for e, coef in zip(g.monoms(), g.coeffs()):
            mask, val, ok = 0, int(coef), True
            for j, k in enumerate(e):
                if k:
                    if j not in local:
                        ok = False
                        break
                    mask |= 1 << local[j]
                    val *= c0[j] ** int(k)
            if ok:
                terms.append((mask, val))
        gens_terms.append(terms)
    faces = []
    for S in range(1 << nv):
        if all(sum(v for m, v in terms if m & S == m) == 0 for terms in gens_terms):
            faces.append(S)
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    out_faces = []
    for S in faces:
        idx = [variables[i] for i in range(nv) if S >> i & 1]
        point = [c0[j] if j in idx else 0 for j in range(n)]
        vals = [flint.fmpz(x) for x in point]
        M = flint.fmpq_mat([[int(e(*vals)) for e in row] for row in jac]) if jac else None
        rk = M.rank() if M is not None else 0
        out_faces.append({"support": tuple(idx), "dimension": _rank([weights[local[j]] for j in idx]),
                          "jacobian_rank": rk, "singular": rk < codim, "point": tuple(point)})
    sing = [f for f in out_faces if f["singular"]]
    maximal = [f for f in sing if not any(set(f["support"]) < set(g["support"]) for g in sing)]
    comps = []
    names = mu.coordinate_names
    for f in sorted(maximal, key=lambda f: (-f["dimension"], f["support"])):
        zero = [names[j] for j in range(n) if j not in f["support"]]
        comp: dict[str, Any] = {
            "dimension": f["dimension"], "support": [names[j] for j in f["support"]],
            "description": ("torus-orbit closure V ∩ {" + ", ".join(zero) + " = 0}") if zero
            else "V itself", "certified": True}
        if degrees:
            comp["degree"] = _face_degree(eqs, f["support"], n, limits)
        comps.append(comp)
    return {"faces": out_faces, "dimension": max((f["dimension"] for f in sing), default=-1),
            "components": comps, "num_faces": len(faces)}


def _face_degree(eqs: Sequence[Any], support: Sequence[int], n: int, limits: Limits) -> int:
    """Degree of ``V ∩ {c_j = 0, j ∉ support}`` from a Gröbner basis over Q (certified)."""
    keep = set(support)
    if not keep:
        return 1
    polys = []
    for g in eqs:
        d = {tuple(int(x) for x in e): int(c) for e, c in zip(g.monoms(), g.coeffs())
             if all(e[j] == 0 for j in range(n) if j not in keep)}
        if d:
            polys.append(d)
    for j in range(n):
        if j not in keep:
            polys.append({tuple(int(i == j) for i in range(n)): 1})
    return groebner_basis(polys, "degrevlex", nvars=n, limits=limits).degree()
