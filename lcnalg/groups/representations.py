r"""The complex irreducible representations of a small finite group, exactly over ``Q(ζ_e)``.

``e`` is the exponent of ``G`` (the least common multiple of the element orders).  By Brauer's
theorem every irreducible representation is realisable over ``Q(ζ_e)``; lcnalg computes the
character table and then, wherever the construction below applies, the matrices themselves, with
every value an element of ``Q(ζ_e) = Q[x]/(Φ_e)`` (a FLINT ``fmpq_poly`` reduced modulo ``Φ_e``).

Algorithm
---------
1. *Classes.*  The elements (:meth:`~lcnalg.groups.PermutationGroup.elements`, identity first),
   the multiplication table ``t[i][j] = index(e_i e_j)``, inverses, orders, and the conjugacy
   classes ``C_1 = {1}, …, C_k`` (orbits of conjugation by the generators).
2. *Characters (Dixon's method).*  The class sums ``K_j`` span the centre of ``C[G]``,
   ``K_j K_l = Σ_i a_{jli} K_i``; each irreducible ``χ`` gives the algebra homomorphism
   ``ω_χ(K_j) = |C_j| χ(g_j)/χ(1)``, so ``x = (ω_χ(K_i))_i`` is a common eigenvector of the
   matrices ``(A_j)_{l,i} = a_{jli}`` with ``x_1 = 1``.  Modulo a prime ``p ≡ 1 (mod e)`` with
   ``p > 2|G|`` (so ``p ∤ |G|``: the class algebra stays split semisimple, its ``k`` common
   eigenlines are the reductions of the ``ω_χ``), the eigenspaces of ``A_1, A_2, …`` are
   intersected until every piece is a line.  The degree follows from
   ``Σ_i ω(K_i) ω(K_{i'}) / |C_i| = |G|/χ(1)²`` (``i'`` the class of the inverses; ``d ≤ √|G|``
   and ``d² < p`` make ``d`` unique), and ``χ(g_i) = χ(1) ω(K_i)/|C_i|``.  With ``z`` a primitive
   ``e``-th root of unity modulo ``p`` (the image of ``ζ_e``), the multiplicity of the eigenvalue
   ``ζ_o^a`` of ``ρ(g)`` (``o`` the order of ``g``) is ``m_a = (1/o) Σ_j χ(g^j) z^{−(e/o) j a}``,
   an integer in ``0..χ(1) < p``, read off exactly; then ``χ(g) = Σ_a m_a ζ_e^{(e/o) a}`` exactly.
3. *Matrices.*  A linear ``χ`` is its own representation.  For ``χ(1) = d > 1`` a class
   representative ``h`` and an ``a`` with ``m_a = 1`` are sought: ``ψ(h^i) = ζ_o^{ai}`` is a linear
   character of ``H = ⟨h⟩`` with ``⟨χ|_H, ψ⟩ = 1``.  By Frobenius reciprocity ``χ`` occurs once
   in ``Ind_H^G ψ ≅ C[G] ε_ψ`` (``ε_ψ = (1/o) Σ_i ψ(h^i)^{−1} h^i``), and the central idempotent
   ``P_χ = (d/|G|) Σ_g \bar χ(g) g`` cuts out that copy: the left ideal ``C[G] P_χ ε_ψ`` is an
   irreducible module of dimension ``d``.  It is spanned by the orbit of ``u = P_χ ε_ψ`` under the
   generators (spinning, Gauss–Jordan over ``Q(ζ_e)``), and ``ρ(g)`` is left multiplication by
   ``g`` in the reduced echelon basis ``b_1..b_d`` with pivots ``π_1..π_d``:
   ``ρ(g)_{ji} = b_i[g^{−1} π_j]`` (a coordinate of ``g b_i``).  When no such ``(h, a)`` exists the
   representation is reported as not computed (its character is still exact).

Verification (exact, every time)
--------------------------------
The orthogonality relations ``Σ_g χ(g) \bar ψ(g) = |G| δ_{χψ}`` and ``Σ χ(1)² = |G|``; for each
computed ``ρ``: ``ρ(1) = I``, ``ρ(s) ρ(g) = ρ(s g)`` for every generator ``s`` and every ``g`` (so
``ρ`` is a homomorphism, by induction on word length), and ``tr ρ(g) = χ(g)`` for every ``g``.  So
each ``ρ`` is a representation with character ``χ``, irreducible (``⟨χ, χ⟩ = 1``), pairwise
inequivalent, and there are as many as classes: all of them.  Dixon's reduction is only a way of
finding the candidates; the verification does not depend on it.

Fourier transform
-----------------
``\hat f(ρ) = Σ_g f(g) ρ(g)`` (:func:`group_fourier`) is multiplicative, ``\widehat{a · b} = \hat a \hat b``
for the product of :func:`~lcnalg.groups.group_algebra_product`, since ``ρ(gh) = ρ(g)ρ(h)``, and
invertible (:func:`inverse_group_fourier`):
``f(g) = (1/|G|) Σ_ρ d_ρ tr(ρ(g^{−1}) \hat f(ρ))`` (Fourier inversion, from the Schur orthogonality
of matrix coefficients), with ``C[G] ≅ ⊕_ρ Mat_{d_ρ}(C)``.

Bounds: ``Limits.max_group_order`` and ``Limits.max_equivariant_work``, the latter against the
estimate ``|S| · |G|^{5/2} · φ(e)`` (``|S|`` generators; the homomorphism check costs
``|S| · |G| · Σ d³ ≤ |S| · |G|^{5/2}`` products in ``Q(ζ_e)``, each of about ``φ(e)`` coefficients),
checked before anything beyond the enumeration and the table.

References
----------
.. [Dix67] J. D. Dixon, *High speed computation of group characters*, Numer. Math. 10 (1967).
.. [Ser77] J.-P. Serre, *Linear Representations of Finite Groups*, Springer (1977), §2 (characters,
   orthogonality, the regular representation, Fourier inversion) and §7 (induction, Frobenius).

Examples
--------
>>> R = irreducible_representations("S3")
>>> R.degrees, R.exponent
((1, 1, 2), 6)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import flint

from lcnalg import checks
from lcnalg.errors import InputError, check
from lcnalg.groups.permutation_group import PermutationGroup
from lcnalg.groups.permutations import compose
from lcnalg.printing import latex_escape
from lcnalg.groups.spec import parse_group
from lcnalg.limits import Limits

__all__ = ["IrreducibleRepresentations", "irreducible_representations", "group_fourier", "inverse_group_fourier",
           "cyclotomic_conjugate", "cyclotomic_matrix",
           "left_ideal_matrices", "verify_representation"]


@dataclass(frozen=True)
class IrreducibleRepresentations:
    """Every complex irreducible representation of a finite group, exact over ``Q(ζ_e)``.

    Values in ``Q(ζ_e)`` are ``flint.fmpq_poly`` in ``x = ζ_e`` reduced modulo ``Φ_e``.

    Attributes
    ----------
    group : str
        The group's name.
    elements : tuple of permutations
        The enumerated elements, identity first (the coordinates of ``R[G]``).
    table : tuple of tuple of int
        ``table[i][j] = index(e_i e_j)``.
    exponent : int
        ``e``; the field is ``Q(ζ_e)``.
    classes : tuple of tuple of int
        The conjugacy classes (element indices), the identity's first.
    characters : tuple of tuple of fmpq_poly
        ``characters[c][i] = χ_c(g)`` for ``g`` in class ``i``.
    degrees : tuple of int
        ``χ_c(1)``, in the order of the characters (ascending).
    matrices : tuple
        ``matrices[c][g]`` the ``d × d`` matrix ``ρ_c(e_g)`` (list of rows), or None when not computed.
    prime : int
        The prime of Dixon's reduction (``p ≡ 1 mod e``, ``p > 2|G|``).
    not_computed : tuple of int
        Characters whose matrices were not computed (no cyclic subgroup with a multiplicity-one
        linear character).
    class_of : tuple of int
        ``class_of[g]``: the index of the class of ``e_g``.
    """

    group: str
    elements: tuple
    table: tuple
    exponent: int
    classes: tuple
    characters: tuple
    degrees: tuple
    matrices: tuple
    prime: int
    not_computed: tuple
    class_of: tuple

    @property
    def order(self) -> int:
        return len(self.elements)

    def character(self, c: int, g: int) -> Any:
        """``χ_c(e_g)``."""
        return self.characters[c][self.class_of[g]]

    def to_dict(self) -> dict:
        return {"group": self.group, "order": self.order, "exponent": self.exponent,
                "classes": [len(c) for c in self.classes], "degrees": list(self.degrees),
                "characters": [[_text(v, self.exponent) for v in row] for row in self.characters],
                "prime": self.prime, "not_computed": list(self.not_computed)}

    def to_text(self) -> str:
        lines = [f"{self.group}: order {self.order}, {len(self.classes)} classes, exponent {self.exponent}; "
                 f"irreducible degrees {', '.join(map(str, self.degrees))} (sum of squares {self.order})",
                 "class sizes: " + ", ".join(str(len(c)) for c in self.classes)]
        for c, row in enumerate(self.characters):
            lines.append(f"chi{c + 1}: " + ", ".join(_text(v, self.exponent) for v in row))
        if self.not_computed:
            lines.append("matrices not computed for: " + ", ".join(f"chi{c + 1}" for c in self.not_computed))
        return "\n".join(lines)

    def to_latex(self) -> str:
        r"""The degrees and the character table (an ``array`` in display math, one column per
        conjugacy class headed by its size, the values in ``Q(\zeta_e)``).

        Examples
        --------
        >>> print(irreducible_representations("C3").to_latex())
        Irreducible representations of \texttt{C3} (order 3, 3 classes, verified): degrees $1, 1, 1$; character table, $\zeta_{3} = e^{2\pi i/3}$:
        \[\begin{array}{c|ccc}
        |C| & 1 & 1 & 1 \\ \hline
        \chi_{1} & 1 & 1 & 1 \\
        \chi_{2} & 1 & -1 - \zeta_{3} & \zeta_{3} \\
        \chi_{3} & 1 & \zeta_{3} & -1 - \zeta_{3} \\
        \end{array}\]
        """
        e = self.exponent
        lines = [rf"Irreducible representations of \texttt{{{latex_escape(self.group)}}} (order {self.order}, "
                 rf"{len(self.classes)} classes, verified): degrees ${', '.join(map(str, self.degrees))}$; "
                 rf"character table, $\zeta_{{{e}}} = e^{{2\pi i/{e}}}$:",
                 r"\[\begin{array}{c|" + "c" * len(self.classes) + "}",
                 r"|C| & " + " & ".join(str(len(c)) for c in self.classes) + r" \\ \hline"]
        for c, row in enumerate(self.characters):
            lines.append(rf"\chi_{{{c + 1}}} & " + " & ".join(_latex(v, e) for v in row) + r" \\")
        lines.append(r"\end{array}\]")
        if self.not_computed:
            lines.append("Matrices not computed for " + ", ".join(rf"$\chi_{{{c + 1}}}$" for c in self.not_computed)
                         + ".")
        return "\n".join(lines)


def _text(v: Any, e: int) -> str:
    coeffs = v.coeffs()
    terms = []
    for k, c in enumerate(coeffs):
        if c == 0:
            continue
        mono = "" if k == 0 else (f"z{e}" if k == 1 else f"z{e}^{k}")
        if not mono:
            terms.append(str(c))
        elif c == 1:
            terms.append(mono)
        elif c == -1:
            terms.append("-" + mono)
        else:
            terms.append(f"{c}*{mono}")
    return " + ".join(terms).replace("+ -", "- ") or "0"


def _latex(v: Any, e: int) -> str:
    r"""A value of ``Q(ζ_e)`` (an ``fmpq_poly`` in ``ζ_e``) in LaTeX, as :func:`_text` writes it."""
    terms = []
    for k, c in enumerate(v.coeffs()):
        if c == 0:
            continue
        mono = "" if k == 0 else (rf"\zeta_{{{e}}}" if k == 1 else rf"\zeta_{{{e}}}^{{{k}}}")
        num, den = abs(int(c.p)), int(c.q)
        size = str(num) if den == 1 else rf"\tfrac{{{num}}}{{{den}}}"
        if not mono:
            body = size
        elif num == den == 1:
            body = mono
        else:
            body = f"{size} {mono}"
        terms.append(("-" if c < 0 else "+", body))
    if not terms:
        return "0"
    out = ("-" if terms[0][0] == "-" else "") + terms[0][1]
    return out + "".join(f" {sign} {body}" for sign, body in terms[1:])


# ------------------------------------------------------------------ the group
def _group(group: Any, limits: Limits) -> PermutationGroup:
    if isinstance(group, str):
        return parse_group(group, limits)
    if not isinstance(group, PermutationGroup):
        raise InputError(f"group: expected a PermutationGroup or a group text such as 'S4', 'D5', 'C3xC2', "
                         f"got {checks.short(group, 40, quote=True)}")
    return group


def _prime_factors(n: int) -> list[int]:
    out, q = [], 2
    while q * q <= n:
        if n % q == 0:
            out.append(q)
            while n % q == 0:
                n //= q
        q += 1
    if n > 1:
        out.append(n)
    return out


def _is_prime(n: int) -> bool:
    return n >= 2 and all(n % q for q in range(2, math.isqrt(n) + 1))


def irreducible_representations(group: PermutationGroup | str, *,
                                limits: Limits | None = None) -> IrreducibleRepresentations:
    """Every complex irreducible representation of ``group``, as exact matrices over ``Q(ζ_e)``.

    The character table by Dixon's method (modulo a prime, recovered exactly), the matrices from
    the left ideals ``C[G] P_χ ε_ψ``, everything verified exactly (module docstring).

    Parameters
    ----------
    group : PermutationGroup or str
        The group, or its text (``S4``, ``D5``, ``A5``, ``icosahedron``, ``C3xC2``, ...).
    limits : Limits, optional
        ``max_group_order``; ``max_equivariant_work`` against ``|S| · |G|^{5/2} · φ(e)``.

    Returns
    -------
    IrreducibleRepresentations

    Raises
    ------
    InputError
        For something that is not a group.
    ResourceLimitError
        When the group is too large for the bounds (before the characters are computed).

    Examples
    --------
    >>> R = irreducible_representations("D4")
    >>> R.degrees, sorted(len(c) for c in R.classes)
    ((1, 1, 1, 1, 2), [1, 1, 2, 2, 2])
    >>> irreducible_representations("A5").degrees
    (1, 3, 3, 4, 5)

    References
    ----------
    .. [1] J. D. Dixon, *High speed computation of group characters*, Numer. Math. 10 (1967).
    .. [2] J.-P. Serre, *Linear Representations of Finite Groups*, Springer (1977), §2, §7.
    """
    limits = Limits.coerce(limits)
    G = _group(group, limits)
    elements = G.elements(limits)
    n = len(elements)
    limits.check("max_equivariant_work", f"operations of the multiplication table of {G.name}",
                 n * n * G.degree)
    index = {g: i for i, g in enumerate(elements)}
    table = tuple(tuple(index[compose(a, b)] for b in elements) for a in elements)
    inv = [row.index(0) for row in table]
    orders = []
    for g in range(n):
        k, h = 1, g
        while h != 0:
            h, k = table[g][h], k + 1
        orders.append(k)
    e = math.lcm(*orders)
    phi_e = sum(1 for k in range(1, e + 1) if math.gcd(k, e) == 1)
    gens = [index[s] for s in G.generators]
    limits.check("max_equivariant_work", f"operations computing and verifying the irreducible representations of "
                 f"{G.name} (|S| |G|^(5/2) phi(e))", int(len(gens) * n ** 2.5 * phi_e) + 1)
    # 1. classes
    cls = [-1] * n
    classes: list[list[int]] = []
    for x in range(n):
        if cls[x] >= 0:
            continue
        cls[x] = len(classes)
        orbit = [x]
        for y in orbit:
            for s in gens:
                z = table[table[s][y]][inv[s]]
                if cls[z] < 0:
                    cls[z] = len(classes)
                    orbit.append(z)
        classes.append(sorted(orbit))
    k = len(classes)
    reps = [c[0] for c in classes]
    inv_class = [cls[inv[r]] for r in reps]
    # 2. characters modulo p
    p = 2 * n + 1
    while not (p % e == 1 and _is_prime(p)):
        p += 1
    a = [[[0] * k for _ in range(k)] for _ in range(k)]       # a[j][l][i]: K_j K_l = sum_i a_jli K_i
    for j, cj in enumerate(classes):
        for x in cj:
            for i, z in enumerate(reps):
                a[j][cls[table[inv[x]][z]]][i] += 1
    spaces = [flint.nmod_mat(k, k, [int(r == c) for r in range(k) for c in range(k)], p)]
    for j in range(k):
        if all(B.ncols() == 1 for B in spaces):
            break
        A = flint.nmod_mat([[a[j][l][i] for i in range(k)] for l in range(k)], p)
        roots = [int(r) for r, _ in A.charpoly().roots()]
        new = []
        for B in spaces:
            if B.ncols() == 1:
                new.append(B)
                continue
            for lam in roots:
                M = (A - flint.nmod_mat(k, k, [lam * int(r == c) for r in range(k) for c in range(k)], p)) * B
                X, nullity = M.nullspace()
                if nullity:
                    N = flint.nmod_mat(B.ncols(), nullity, [int(X[r, c]) for r in range(B.ncols())
                                                           for c in range(nullity)], p)
                    new.append(B * N)
        spaces = new
    check(len(spaces) == k and all(B.ncols() == 1 for B in spaces),
          f"Dixon's splitting of the class algebra modulo {p} gave {[B.ncols() for B in spaces]}, not {k} lines")
    # a primitive e-th root of unity modulo p
    qs = _prime_factors(e)
    z = next(zz for zz in (pow(b, (p - 1) // e, p) for b in range(2, p))
             if all(pow(zz, e // q, p) != 1 for q in qs))
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(e))
    power = [flint.fmpq_poly([0] * t + [1]) % phi for t in range(e)]
    powers_of = []                     # class of g^j for each class representative
    for r in reps:
        seq, h = [], 0
        for _ in range(orders[r]):
            seq.append(cls[h])
            h = table[r][h]
        powers_of.append(seq)
    zp = [pow(z, t, p) for t in range(e)]
    zlog = {v: t for t, v in enumerate(zp)}
    found = []
    for B in spaces:
        x = [int(B[i, 0]) for i in range(k)]
        scale = pow(x[0], -1, p)
        omega = [v * scale % p for v in x]
        s = sum(omega[i] * omega[inv_class[i]] * pow(len(classes[i]), -1, p) for i in range(k)) % p
        d2 = n * pow(s, -1, p) % p
        d = next((d for d in range(1, math.isqrt(n) + 1) if d * d % p == d2), None)
        check(d is not None, f"no degree d <= sqrt|G| with d^2 = {d2} mod {p}")
        chi_p = [d * omega[i] * pow(len(classes[i]), -1, p) % p for i in range(k)]
        mult, values, sparse = [], [], []
        for i, r in enumerate(reps):
            o = orders[r]
            step = e // o
            if d == 1:                     # a linear character: chi(g) is itself a power of zeta_o
                a = zlog.get(chi_p[i])
                check(a is not None and a % step == 0, f"a linear character value is no o-th root modulo {p}")
                ms = [0] * o
                ms[a // step] = 1
            else:
                cv = [chi_p[c] for c in powers_of[i]]
                inv_o = pow(o, -1, p)
                ms = [sum(cv[j] * zp[(-(step * j * t)) % e] for j in range(o)) * inv_o % p for t in range(o)]
                check(all(m <= d for m in ms) and sum(ms) == d, f"eigenvalue multiplicities {ms} modulo {p}")
            mult.append(ms)
            sparse.append([((step * t) % e, m) for t, m in enumerate(ms) if m])
            acc = [0] * e
            for a, m in sparse[-1]:
                acc[a] += m
            values.append(flint.fmpq_poly(acc) % phi)
        found.append((d, values, mult, sparse))
    found.sort(key=lambda t: (t[0], any(v != t[0] for v in t[1]), [str(v) for v in t[1]]))  # trivial first
    # verify exactly: orthogonality (sum_g chi(g) conj psi(g), as an integer vector in the powers of zeta_e)
    for c1, (d1, v1, _, sp1) in enumerate(found):
        for c2 in range(c1, len(found)):
            sp2 = found[c2][3]
            acc = [0] * e
            for i in range(k):
                w = len(classes[i])
                for a, m in sp1[i]:
                    for b, m2 in sp2[i]:
                        acc[(a - b) % e] += w * m * m2
            inner = flint.fmpq_poly(acc) % phi
            check(inner == (n if c1 == c2 else 0), f"characters {c1 + 1}, {c2 + 1} are not orthonormal")
        check(v1[0] == d1, "chi(1) is not the degree")
    check(sum(t[0] ** 2 for t in found) == n, "the squares of the degrees do not sum to |G|")
    conj = [power[(-t) % e] for t in range(e)]

    def bar(v: Any) -> Any:
        coeffs = v.coeffs()
        return sum((c * conj[t] for t, c in enumerate(coeffs) if c != 0), flint.fmpq_poly(0)) % phi

    # 3. matrices
    matrices = []
    missing = []
    for c, (d, values, mult, _) in enumerate(found):
        if d == 1:
            rho = tuple(((values[cls[g]],),) for g in range(n))
        else:
            rho = _module(d, values, mult, reps, orders, cls, table, inv, gens, e, phi, power, bar, n)
            if rho is None:
                missing.append(c)
                matrices.append(None)
                continue
        _verify(rho, d, values, cls, table, gens, phi, n)
        matrices.append(rho)
    return IrreducibleRepresentations(
        group=G.name, elements=elements, table=table, exponent=e, classes=tuple(tuple(c) for c in classes),
        characters=tuple(tuple(t[1]) for t in found), degrees=tuple(t[0] for t in found),
        matrices=tuple(matrices), prime=p, not_computed=tuple(missing), class_of=tuple(cls))


def cyclotomic_conjugate(v: Any, e: int, phi: Any) -> Any:
    """Complex conjugation ``x^t ↦ x^{−t}`` on ``Q[x]/(Φ_e)``, ``x`` standing for ``ζ_e``.

    Parameters
    ----------
    v : fmpq_poly
        An element of ``Q(ζ_e)`` as a polynomial in ``x`` of degree below ``e``.
    e : int
        The order of ``ζ_e``.
    phi : fmpq_poly
        The cyclotomic polynomial ``Φ_e``.

    Returns
    -------
    fmpq_poly
        The conjugate, reduced modulo ``phi``.

    Examples
    --------
    >>> phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(4))     # x^2 + 1: x = i
    >>> cyclotomic_conjugate(flint.fmpq_poly([2, 3]), 4, phi)    # 2 + 3i -> 2 - 3i
    (-3)*x + 2
    """
    out = [0] * e
    for t, c in enumerate(v.coeffs()):
        if c != 0:
            out[(-t) % e] += c
    return flint.fmpq_poly(out) % phi


def cyclotomic_matrix(M: Any, d: int, name: str, e: int) -> list[list[Any]]:
    """A ``d x d`` matrix over ``Q(ζ_e)`` given by the user, its entries reduced modulo ``Φ_e``
    (``fmpq_poly`` in ``x = ζ_e``, or rationals), or an :class:`InputError` naming ``name``.

    Examples
    --------
    >>> cyclotomic_matrix([[flint.fmpq_poly([0, 0, 1])]], 1, "M", 4)    # ζ_4^2 = -1
    [[(-1)]]
    >>> cyclotomic_matrix([[1, 2]], 1, "M", 4)
    Traceback (most recent call last):
    ...
    lcnalg.errors.InputError: M: expected a 1 x 1 matrix
    """
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(e))
    rows = checks.sequence(M, name, f"a {d} x {d} matrix")
    if len(rows) != d or any(len(checks.sequence(r, name, f"a {d} x {d} matrix")) != d for r in rows):
        raise InputError(f"{name}: expected a {d} x {d} matrix")
    try:
        return [[flint.fmpq_poly(x) % phi for x in r] for r in rows]
    except (TypeError, ValueError):
        raise InputError(f"{name}: expected entries in Q(zeta_{e}) (fmpq_poly or rationals)") from None


def _inverse(v: Any, phi: Any) -> Any:
    g, u, _ = v.xgcd(phi)
    return (u / g[0]) % phi


def _module(d, values, mult, reps, orders, cls, table, inv, gens, e, phi, power, bar, n):
    """``ρ(g)`` on the left ideal ``C[G] P_χ ε_ψ`` (module docstring, step 3), or None."""
    choice = next(((i, t) for i in sorted(range(len(reps)), key=lambda i: -orders[reps[i]])
                   for t in range(orders[reps[i]]) if mult[i][t] == 1), None)
    if choice is None:
        return None
    i, t = choice
    h, o = reps[i], orders[reps[i]]
    zero = flint.fmpq_poly(0)
    eps = [zero] * n
    x = 0
    for j in range(o):                         # ε_ψ = (1/o) Σ ψ(h^j)^{-1} h^j
        eps[x] = power[(-(e // o) * t * j) % e] / o
        x = table[h][x]
    P = [bar(values[cls[g]]) * flint.fmpq(d, n) for g in range(n)]
    u = [zero] * n
    for g1 in range(n):
        for g2 in range(n):
            if eps[g2] != 0:
                u[table[g1][g2]] += P[g1] * eps[g2]
    rho = left_ideal_matrices([v % phi for v in u], d, table, gens, phi)
    check(rho is not None, "P_chi e_psi is zero although <chi|_H, psi> = 1")
    return rho


def left_ideal_matrices(u: list, d: int, table: Any, gens: Any, phi: Any) -> tuple | None:
    """``ρ(g)`` = left multiplication by ``g`` on the left ideal spanned by the ``G``-orbit of ``u``.

    Spinning: the orbit of ``u ∈ K[G]`` (``K = Q[x]/(φ)``, entries ``fmpq_poly`` reduced modulo ``φ``)
    under the generators is reduced to a reduced row echelon basis ``b_1..b_d`` with pivots
    ``π_1..π_d`` (Gauss–Jordan over ``K``), and ``ρ(g)_{ji} = b_i[g^{−1} π_j]`` (a coordinate of
    ``g b_i``, whose pivot entries are its coordinates in that basis).  Gauss–Jordan stays in the
    field generated by the entries of ``u``: real entries give real matrices.

    Parameters
    ----------
    u : list of fmpq_poly
        ``|G|`` coefficients, indexed like the multiplication table.
    d : int
        The expected dimension of the ideal.
    table : sequence of sequence of int
        ``table[i][j] = index(e_i e_j)``, identity at index 0.
    gens : sequence of int
        Indices of generators of ``G``.
    phi : fmpq_poly
        The modulus of ``K`` (``Φ_e``).

    Returns
    -------
    tuple or None
        ``ρ(e_g)`` for every ``g`` (``d × d`` tuples of rows), or None when ``u = 0``.

    Raises
    ------
    lcnalg.errors.InternalError
        When the spun ideal does not have dimension ``d``.
    """
    n = len(table)
    zero = flint.fmpq_poly(0)
    inv = [row.index(0) for row in table]
    basis: list[tuple[int, list]] = []       # (pivot, row with 1 at pivot)

    def reduce(v: list) -> list:
        for piv, row in basis:
            c = v[piv]
            if c != 0:
                v = [(a - c * b) % phi for a, b in zip(v, row)]
        return v

    def add(v: list) -> bool:
        v = reduce(v)
        piv = next((j for j, a in enumerate(v) if a != 0), None)
        if piv is None:
            return False
        w = _inverse(v[piv], phi)
        v = [(a * w) % phi for a in v]
        for idx, (p2, row) in enumerate(basis):
            c = row[piv]
            if c != 0:
                basis[idx] = (p2, [(a - c * b) % phi for a, b in zip(row, v)])
        basis.append((piv, v))
        return True

    if not add(list(u)):
        return None
    queue = [basis[0][1]]
    for v in queue:
        for s in gens:
            sv = [zero] * n
            for g, a in enumerate(v):
                sv[table[s][g]] = a
            if add(sv):
                queue.append(sv)
                check(len(basis) <= d, "the spun module is larger than the degree")
    check(len(basis) == d, f"the spun module has dimension {len(basis)}, not {d}")
    pivots = [piv for piv, _ in basis]
    rows = [row for _, row in basis]
    return tuple(tuple(tuple(rows[b][table[inv[g]][pivots[a]]] for b in range(d)) for a in range(d))
                 for g in range(n))


def _matmul(A, B, phi):
    d = len(A)
    return tuple(tuple(sum((A[i][m] * B[m][j] for m in range(d)), flint.fmpq_poly(0)) % phi for j in range(d))
                 for i in range(d))


def _verify(rho, d, values, cls, table, gens, phi, n) -> None:
    verify_representation(rho, [values[cls[g]] for g in range(n)], table, gens, phi)


def verify_representation(rho: Any, character: Any, table: Any, gens: Any, phi: Any) -> None:
    """Check exactly that ``ρ`` is a representation with character ``χ``: ``ρ(1) = I``,
    ``ρ(s)ρ(g) = ρ(sg)`` for generators ``s`` and all ``g`` (a homomorphism, by induction on word
    length), and ``tr ρ(g) = χ(g)``.

    Parameters
    ----------
    rho : sequence of matrices
        ``rho[g]`` a ``d × d`` tuple of rows over ``Q[x]/(φ)``.
    character : sequence of fmpq_poly
        ``χ(e_g)`` per element.
    table, gens, phi
        As for :func:`left_ideal_matrices`.

    Raises
    ------
    lcnalg.errors.InternalError
        When a check fails.
    """
    n = len(table)
    d = len(rho[0])
    check(all(rho[0][i][j] == int(i == j) for i in range(d) for j in range(d)), "rho(1) is not the identity")
    for s in gens:
        for g in range(n):
            check(_matmul(rho[s], rho[g], phi) == rho[table[s][g]], "rho is not a homomorphism")
    for g in range(n):
        check(sum((rho[g][i][i] for i in range(d)), flint.fmpq_poly(0)) % phi == character[g],
              "trace rho(g) differs from chi(g)")


# ------------------------------------------------------------------ Fourier transform
def group_fourier(f: Any, reps: IrreducibleRepresentations) -> tuple:
    r"""``\hat f(ρ) = Σ_g f(g) ρ(g)`` at every irreducible representation, exact over ``Q(ζ_e)``.

    Parameters
    ----------
    f : sequence of exact numbers
        ``|G|`` coefficients, indexed like ``reps.elements``.
    reps : IrreducibleRepresentations
        With every matrix computed.

    Returns
    -------
    tuple of matrices
        One ``d × d`` tuple of rows of ``fmpq_poly`` per representation.

    Raises
    ------
    InputError
        For a wrong length, inexact entries, or representations whose matrices are not all computed.

    Examples
    --------
    >>> R = irreducible_representations("S3")
    >>> F = group_fourier([1, 0, 0, 0, 0, 0], R)      # the identity: identity matrices
    >>> [len(m) for m in F], F[2][0][0] == 1, F[2][0][1] == 0
    ([1, 1, 2], True, True)
    """
    values, e, phi = _fourier_input(f, reps)
    out = []
    for rho in reps.matrices:
        d = len(rho[0])
        out.append(tuple(tuple(sum((flint.fmpq(v.numerator, v.denominator) * rho[g][i][j]
                                    for g, v in enumerate(values) if v), flint.fmpq_poly(0)) % phi
                               for j in range(d)) for i in range(d)))
    return tuple(out)


def _fourier_input(f: Any, reps: Any) -> tuple:
    if not isinstance(reps, IrreducibleRepresentations):
        raise InputError(f"reps: expected the IrreducibleRepresentations of irreducible_representations(group), "
                         f"got {checks.short(reps, 40, quote=True)}")
    if reps.not_computed:
        raise InputError(f"reps: the matrices of {len(reps.not_computed)} representation(s) of {reps.group} "
                         f"were not computed")
    items = checks.sequence(f, "f", f"{reps.order} exact numbers")
    if len(items) != reps.order:
        raise InputError(f"f: expected {reps.order} exact numbers (one per element), got {len(items)}")
    values = [checks.exact(x, "f") for x in items]
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(reps.exponent))
    return values, reps.exponent, phi


def inverse_group_fourier(fhat: Any, reps: IrreducibleRepresentations) -> tuple[Fraction, ...]:
    r"""Fourier inversion: ``f(g) = (1/|G|) Σ_ρ d_ρ tr(ρ(g^{−1}) \hat f(ρ))``.

    Parameters
    ----------
    fhat : sequence of matrices
        As returned by :func:`group_fourier` (one ``d_ρ × d_ρ`` matrix over ``Q(ζ_e)`` per
        representation).
    reps : IrreducibleRepresentations

    Returns
    -------
    tuple of Fraction
        ``f`` when ``fhat`` is the transform of a rational ``f``.

    Raises
    ------
    InputError
        For matrices of the wrong shapes, or a ``fhat`` whose inverse is not rational.

    Examples
    --------
    >>> R = irreducible_representations("S3")
    >>> [str(v) for v in inverse_group_fourier(group_fourier([1, 2, 0, 0, 0, -1], R), R)]
    ['1', '2', '0', '0', '0', '-1']
    """
    _fourier_input([0] * getattr(reps, "order", 0), reps)
    phi = flint.fmpq_poly(flint.fmpz_poly.cyclotomic(reps.exponent))
    blocks = checks.sequence(fhat, "fhat", "one matrix per representation")
    if len(blocks) != len(reps.matrices):
        raise InputError(f"fhat: expected {len(reps.matrices)} matrices (one per representation), got {len(blocks)}")
    clean = [cyclotomic_matrix(M, d, f"fhat[{c}]", reps.exponent) for c, (M, d) in enumerate(zip(blocks, reps.degrees))]
    n = reps.order
    inv = [row.index(0) for row in reps.table]
    out = []
    for g in range(n):
        total = flint.fmpq_poly(0)
        for rho, M, d in zip(reps.matrices, clean, reps.degrees):
            R = rho[inv[g]]
            total += d * sum((R[i][m] * M[m][i] for i in range(d) for m in range(d)), flint.fmpq_poly(0))
        total = (total % phi) / n
        if total.degree() > 0:
            raise InputError(f"fhat: its inverse transform is not rational at element {g}")
        c = total.coeffs()[0] if total.coeffs() else flint.fmpq(0)
        out.append(Fraction(int(c.p), int(c.q)))
    return tuple(out)
