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
  outside ``S`` set to 0) over the *faces* ``S`` of the cone ``C`` spanned by the ``a_j`` (``S``:
  the ``j`` with ``a_j`` on the face); a support ``S`` is a face iff ``c⁰_S ∈ V``;
* ``dim T·c⁰_S = rank(a_j : j ∈ S)``; the orbit closure is ``V ∩ {c_j = 0 : j ∉ S}``;
* ``T`` acts by linear automorphisms of ``V``, so ``rank J_g`` is constant on each orbit.

**The faces** are found from the facets, not by testing the ``2^n`` supports.  ``C`` is pointed
(``I`` is homogeneous, so some ``ℓ`` has ``ℓ·a_j = 1`` for every ``j``) and spans ``R^r``, so its
facet normals are the extreme rays of the dual cone ``C* = {ℓ : ℓ·a_j ≥ 0 ∀j}``, computed by the
double description method [Motzkin et al. 1953; Fukuda and Prodon, *Double description method
revisited*, 1996]: start from the simplicial cone of ``r`` independent constraints (its rays are
the columns of the inverse matrix), then add one constraint ``a`` at a time, keeping the rays with
``ℓ·a ≥ 0`` and adding ``(ℓ⁺·a) ℓ⁻ − (ℓ⁻·a) ℓ⁺`` for every *adjacent* pair (``ℓ⁺·a > 0 > ℓ⁻·a``;
adjacent iff the constraints tight at both have rank ``r − 2``, exact rank over Q).  Every face of
``C`` is ``C ∩ {ℓ = 0 : ℓ`` in a set of facet normals``}`` (a polyhedral cone's faces are the
intersections of its facets), so the supports of the faces are the intersections of the facets'
supports, closed under intersection by a search from ``C`` itself.  Every support found is also
checked algebraically (``g(c⁰_S) = 0`` for every generator ``g``, exact): a disagreement would be
an internal error.

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
from lcnalg.errors import InternalError
from lcnalg.limits import Limits

__all__ = ["cone_facets", "cone_faces", "toric_data", "toric_singular_locus"]


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


def _primitive(v: Sequence[Any]) -> tuple[int, ...]:
    """The primitive integer vector on the ray of the rational vector ``v``."""
    q = [flint.fmpq(x) for x in v]
    den = 1
    for x in q:
        den = den * int(x.q) // flint.fmpz(den).gcd(int(x.q))
    ints = [int(x * den) for x in q]
    g = 0
    for x in ints:
        g = int(flint.fmpz(g).gcd(x))
    return tuple(x // g for x in ints) if g else tuple(ints)


def cone_facets(vectors: Sequence[Sequence[int]], *, limits: Limits | None = None) -> list[tuple[int, ...]]:
    """Primitive inner facet normals of the cone spanned by integer ``vectors`` (double description).

    The cone must be pointed and span ``R^r`` (``r`` the length of the vectors); its facet normals
    are the extreme rays of the dual cone ``{ℓ : ℓ·a ≥ 0 for every a}`` (module docstring).

    Parameters
    ----------
    vectors : sequence of sequences of int
        The generators ``a_j`` (rank ``r``).
    limits : Limits, optional
        ``max_supports`` bounds the rays kept at any step.

    Returns
    -------
    list of tuple of int
        One primitive normal ``ℓ`` per facet (``ℓ·a_j ≥ 0``, zero exactly on the facet).

    Raises
    ------
    InternalError
        When the vectors do not have full rank ``r``.
    ResourceLimitError
        When the rays exceed ``limits.max_supports``.

    Examples
    --------
    The cone over a square (the weights of the 2x2 determinant) has 4 facets:

    >>> sorted(cone_facets([(1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)]))
    [(0, 0, 1), (0, 1, 0), (1, -1, 0), (1, 0, -1)]
    """
    limits = Limits.coerce(limits)
    A = [tuple(int(x) for x in a) for a in vectors]
    r = len(A[0]) if A else 0
    # r independent constraints, greedily
    basis: list[int] = []
    for j in range(len(A)):
        if _rank([A[i] for i in basis + [j]]) > len(basis):
            basis.append(j)
            if len(basis) == r:
                break
    if len(basis) != r:
        raise InternalError(f"cone_facets: the {len(A)} vectors have rank {len(basis)} < {r}")
    inv = flint.fmpq_mat([list(A[i]) for i in basis]).inv()
    # rays: (normal, mask of the tight constraints among those processed)
    rays = []
    for k in range(r):
        col = _primitive([inv[i, k] for i in range(r)])
        rays.append((col, sum(1 << basis[i] for i in range(r) if i != k)))
    done = set(basis)
    for j in range(len(A)):
        if j in done:
            continue
        a = A[j]
        vals = [sum(x * y for x, y in zip(ell, a)) for ell, _ in rays]
        pos = [i for i, v in enumerate(vals) if v > 0]
        neg = [i for i, v in enumerate(vals) if v < 0]
        new = []
        for ip in pos:
            for im in neg:
                z = rays[ip][1] & rays[im][1]
                if bin(z).count("1") < r - 2:
                    continue
                # adjacency (combinatorial test): no other ray is tight on all of z
                if any(k not in (ip, im) and rays[k][1] & z == z for k in range(len(rays))):
                    continue
                vp, vm = vals[ip], vals[im]
                ell = _primitive([vp * x - vm * y for x, y in zip(rays[im][0], rays[ip][0])])
                new.append((ell, z | (1 << j)))
        rays = ([(ell, m | (1 << j)) if vals[i] == 0 else (ell, m) for i, (ell, m) in enumerate(rays)
                 if vals[i] >= 0] + new)
        done.add(j)
        limits.check("max_supports", f"rays of the dual weight cone ({len(rays)} after {len(done)} of "
                     f"{len(A)} constraints)", len(rays))
    return [ell for ell, _ in rays]


def cone_faces(vectors: Sequence[Sequence[int]], *, limits: Limits | None = None) -> list[int]:
    """Supports of the faces of the cone spanned by ``vectors``, as bit masks over their indices.

    A face's support is the set of ``j`` with ``a_j`` on it; the supports are the intersections
    of the facets' supports (:func:`cone_facets`), including the whole cone and, the cone being
    pointed, the vertex (support 0).

    Parameters
    ----------
    vectors : sequence of sequences of int
    limits : Limits, optional
        ``max_supports`` bounds the number of faces.

    Returns
    -------
    list of int
        The supports, sorted.

    Examples
    --------
    The square's cone: itself, 4 facets, 4 rays and the vertex.

    >>> [bin(S) for S in cone_faces([(1, 0, 0), (1, 1, 0), (1, 0, 1), (1, 1, 1)])]
    ['0b0', '0b1', '0b10', '0b11', '0b100', '0b101', '0b1000', '0b1010', '0b1100', '0b1111']
    """
    limits = Limits.coerce(limits)
    A = [tuple(int(x) for x in a) for a in vectors]
    facets = [sum(1 << j for j, a in enumerate(A) if sum(x * y for x, y in zip(ell, a)) == 0)
              for ell in cone_facets(A, limits=limits)]
    top = (1 << len(A)) - 1
    seen = {top}
    stack = [top]
    while stack:
        F = stack.pop()
        for G in facets:
            H = F & G
            if H not in seen:
                seen.add(H)
                limits.check("max_supports", f"faces of the weight cone (more than {len(seen) - 1} found)",
                             len(seen))
                stack.append(H)
    return sorted(seen)


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
        when the facets of the weight cone or its faces (see :func:`cone_faces`) exceed it.
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
    faces = cone_faces(weights, limits=limits)
    for S in faces:
        if any(sum(v for m, v in terms if m & S == m) != 0 for terms in gens_terms):
            raise InternalError(f"toric route: the face with support {S:b} of the weight cone is not an orbit "
                                "of V (its base point fails an equation)")
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
