"""Polynomials in one variable over a number field ``K = Q[T]/(φ)``, exactly.

An element of ``K`` is an ``fmpq_poly`` in ``T`` reduced modulo the irreducible ``φ``
(:class:`~lcnalg.polys.real_algebraic.RealAlgebraicPoint` gives the elements of a real
point); it is zero iff its representative is.  A polynomial of ``K[z]`` is the list of its
coefficients, constant term first, with a non-zero leading coefficient (``[]`` is ``0``).
``K`` is a field: a non-zero element is inverted by the extended gcd with ``φ``
(``a s + φ t = 1``), and Euclid's algorithm gives gcds (:func:`euclidean_gcd`), but its
remainders, made monic by such inverses, grow far beyond the gcd itself (inputs of 16 bits over a
field of degree 28: 6 s for a gcd ``1``).  :func:`gcd` is modular instead.

Algorithm
---------
Products and division by a monic divisor are the schoolbook ones with every coefficient reduced
modulo ``φ``; the squarefree decomposition is Yun's (``K`` has characteristic 0): with
``c = gcd(f, f')``, ``w = f/c``, ``y = f'/c`` and repeatedly ``z = y − w'``, ``g = gcd(w, z)``,
the ``g`` found at step ``e`` is the product of the roots of multiplicity ``e``.

*Modular gcd* (after Encarnación and Langemyr–McCallum).  Let ``Φ ∈ Z[T]`` be the numerator of
``φ`` (degree ``d``) and ``G`` the monic gcd of ``a, b ∈ K[z]`` (``a ≠ 0``, both of degree ≥ 1).
A prime ``p`` is *admissible* when ``p ∤ lc(Φ)``, ``Φ mod p`` is squarefree, ``p`` divides no
denominator of the coefficients (polynomials in ``T`` of degree ``< d``) of ``a`` and ``b``, and
the leading coefficients of ``a`` and ``b`` are units of ``R_p = F_p[T]/(Φ_p)``.  Euclid's
algorithm in ``R_p[z]``, each remainder made monic, is run when every leading coefficient it meets
is a unit (otherwise ``p`` is dropped); it returns a monic ``g_p`` generating the ideal
``(a_p, b_p)`` of ``R_p[z]`` (each step keeps the ideal; the last remainder divides the one before).

*Lemma.*  For admissible ``p``, ``deg g_p ≥ deg G``.  Let ``θ`` be the class of ``T`` and
``Λ = Z_(p)[θ] ≅ Z_(p)[T]/(Φ)`` (``θ`` is integral over ``Z_(p)`` since ``p ∤ lc(Φ)``), so
``Λ/pΛ = R_p``.  Since ``Φ_p`` is squarefree of degree ``d``, the discriminant of ``Φ/lc(Φ)`` is a
unit of ``Z_(p)``; it is the square of the index of ``Λ`` in the integral closure ``O`` of
``Z_(p)`` in ``K`` times the discriminant of ``O``, so ``Λ = O``.  ``Λ`` is finite over the local
ring ``Z_(p)``, so ``pΛ`` lies in its Jacobson radical and an element whose image in ``R_p`` is a
unit is a unit of ``Λ``: ``a/lc(a)`` is a monic polynomial of ``Λ[z]``.  Its roots are integral
over ``Λ``, so the coefficients of ``G`` (elementary symmetric functions of some of them) are
integral over ``Z_(p)``, i.e. in ``O = Λ``; dividing ``a`` and ``b`` by the monic ``G`` stays in
``Λ[z]``, so the image ``G_p`` divides ``a_p`` and ``b_p``, hence the generator ``g_p``, and
``deg G = deg G_p ≤ deg g_p``.

*Algorithm.*  For the primes below ``2^62`` in decreasing order: a ``g_p = 1`` proves ``G = 1``;
when ``deg g_p`` is ``deg a`` (or ``deg b``), ``a | b`` (or ``b | a``) is tested first by one
division over ``K`` (then ``G`` is ``a`` or ``b`` made monic);
the images of the least degree ``k`` seen so far are kept (a smaller degree discards them); their
``d k`` coefficients (in ``F_p``, of ``T^i z^j``) are combined by the Chinese remainder theorem
and lifted to rationals by rational reconstruction (numerator and denominator at most
``√(M/2)`` for the product ``M`` of the primes, a common denominator carried along), with attempts
at geometrically spaced numbers of primes.  A candidate ``C`` that agrees with the image of the
next prime is tested by exact division over ``K``: if ``C | a`` and ``C | b`` then ``C | G``, so
``deg C ≤ deg G``; and ``deg C = k = deg g_p ≥ deg G`` for an admissible ``p`` by the lemma, so
``C = G`` (both monic).  The answer is thus proved by the division alone, whatever the
reconstruction did.  Only finitely many primes are not admissible or unlucky (the remainder
sequence over ``K`` has finitely many leading coefficients and denominators, and for the other
primes it reduces to the sequence over ``R_p``, with ``g_p = G_p``), so the images end in degree
``deg G`` and the reconstruction succeeds once ``√(M/2)`` exceeds the common denominator ``D`` of
``G``'s coefficients and their numerators over ``D``.  After a bounded number of primes (``max_primes``) :func:`gcd` falls back to
Euclid's algorithm over ``K``.

*Multimodular norm* (:func:`norm`).  Let ``F ∈ Z[T][z]`` have degree ``n`` in ``z`` and ``e`` in
``T``, and ``Φ ∈ Z[T]`` degree ``d ≥ 1``.  ``N(z) = res_T(Φ, F(z, T))`` is the determinant of the
``(d + e) × (d + e)`` Sylvester matrix ``S(z)`` (``e`` shifted rows of the coefficients of ``Φ``,
``d`` of those of ``F`` in ``T``, which are polynomials of degree ``≤ n`` in ``z``), so
``N ∈ Z[z]`` has degree ``≤ dn`` and is determined by its values at the ``dn + 1`` integers
``z_i = z_0 + i``, ``z_0 = −⌊dn/2⌋``.

*Bound.*  ``N(z_i) = det S(z_i)`` is an integer, and by Hadamard's inequality (each row of
``S(z_i)`` is a shifted coefficient vector of ``Φ`` or of ``F(z_i, T)``)
``|N(z_i)| ≤ ‖Φ‖_2^e ‖F(z_i, T)‖_2^d < 2^β`` with
``β = max_i ⌈(e·bitlen(‖Φ‖_2^2) + d·bitlen(‖F(z_i, T)‖_2^2)) / 2⌉``, computed exactly from
integers before any prime is used.

*Images.*  For a prime ``p ∤ lc(Φ)``, ``S(z_i) mod p`` is the Sylvester matrix of ``Φ_p`` and
``G = F(z_i, T) mod p`` in the formal degrees ``(d, e)``.  If ``G ≠ 0`` has degree ``e' ≤ e``,
``Res_{d,e}(Φ_p, G) = lc(Φ_p)^{e−e'} Res_{d,e'}(Φ_p, G)`` (both are ``lc(Φ_p)^k Π_α G(α)`` over
the roots ``α`` of ``Φ_p`` in an algebraic closure, ``k`` the formal degree of ``G``), and
``Res_{d,e'}`` is the resultant of the two polynomials over ``F_p``; ``N(z_i) ≡ 0`` when
``G = 0`` (a zero row).

*Reconstruction.*  Primes ``p > 2^61`` not dividing ``lc(Φ)`` are taken until their product
``M`` reaches ``2^{β+1}``: then ``|N(z_i)| < M/2`` and ``N(z_i)`` is the residue of the Chinese
remainder theorem in ``(−M/2, M/2]``.  ``N`` is Newton's interpolant on consecutive integers,
``N(z) = Σ_k (Δ^k N(z_0)/k!) Π_{i<k} (z − z_0 − i)``, with exact divisions (in the basis of the
binomials ``C(z − z_0, k)`` a polynomial of ``Z[z]`` has integer coordinates divisible by ``k!``,
as ``x^j = Σ_k k!·S(j, k)·C(x, k)`` with Stirling numbers ``S(j, k)``).  Every step is an
identity, so the result is exact with no trial check, and the number of primes is known before
the first: at most ``⌈(β + 1)/61⌉`` plus the at most ``⌊bitlen(lc Φ)/61⌋`` primes above ``2^61``
that divide ``lc(Φ)``.  Beyond ``max_primes`` :func:`norm` is :func:`norm_by_charpoly`.
Reconstructing values rather than coefficients costs about ``d n log_2(dn/2)`` more bits (the
values at ``|z| ≤ dn/2``; a Goldstein–Graham bound would bound the coefficients instead) but no
interpolation modulo each prime: the cost is ``dn + 1`` resultants of degree ``d`` per prime.

References
----------
.. [Yun76] D. Y. Y. Yun, *On square-free decomposition algorithms*, SYMSAC 1976.
.. [Enc95] M. J. Encarnación, *Computing GCDs of polynomials over algebraic number fields*,
   J. Symbolic Comput. 20 (1995).
.. [LM89] L. Langemyr, S. McCallum, *The computation of polynomial greatest common divisors over
   an algebraic number field*, J. Symbolic Comput. 8 (1989).

Examples
--------
>>> import flint
>>> phi = flint.fmpq_poly([-2, 0, 1])                      # K = Q(√2)
>>> r2 = flint.fmpq_poly([0, 1])
>>> f = mul([-r2, flint.fmpq_poly([1])], [-r2, flint.fmpq_poly([1])], phi)   # (z − √2)^2
>>> [(h, e) for h, e in squarefree(f, phi)] == [([-r2, 1], 2)]
True
"""

from __future__ import annotations

import math
from typing import Any

import flint

from lcnalg.checks import positive_int, short
from lcnalg.errors import InputError, check
from lcnalg.polys.modular import rational_reconstruction_bounded

__all__ = ["KPoly", "trim", "inverse", "monic", "mul", "divmod_monic", "gcd", "euclidean_gcd", "derivative",
           "squarefree", "norm", "norm_by_charpoly", "enclose", "ball_value"]

#: Coefficients in ``Q[T]/(φ)``, constant term first, non-zero leading coefficient.
KPoly = list


def trim(f: KPoly, phi: Any) -> KPoly:
    """``f`` with every coefficient reduced modulo ``φ`` and the zero leading ones dropped."""
    f = [flint.fmpq_poly(c) % phi for c in f]
    while f and f[-1] == 0:
        f.pop()
    return f


def inverse(a: Any, phi: Any) -> Any:
    """The inverse of a non-zero element ``a`` of ``Q[T]/(φ)``."""
    g, s, _ = flint.fmpq_poly(a).xgcd(phi)
    check(g.degree() == 0 and g != 0, "number field: an element is not invertible")
    return (s / g[0]) % phi


def monic(f: KPoly, phi: Any) -> KPoly:
    """``f`` divided by its leading coefficient (``f ≠ 0``)."""
    f = trim(f, phi)
    inv = inverse(f[-1], phi)
    return [(c * inv) % phi for c in f]


def mul(a: KPoly, b: KPoly, phi: Any) -> KPoly:
    """The product ``a b``."""
    if not a or not b:
        return []
    out = [flint.fmpq_poly([]) for _ in range(len(a) + len(b) - 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            out[i + j] += x * y
    return trim(out, phi)


def divmod_monic(a: KPoly, b: KPoly, phi: Any) -> tuple[KPoly, KPoly]:
    """Quotient and remainder of ``a`` by a monic ``b``."""
    r = trim(a, phi)
    q = [flint.fmpq_poly([]) for _ in range(max(len(r) - len(b) + 1, 0))]
    while len(r) >= len(b):
        c, shift = r[-1], len(r) - len(b)
        q[shift] = c
        for i, y in enumerate(b):
            r[shift + i] = (r[shift + i] - c * y) % phi
        r = trim(r, phi)
    return trim(q, phi), r


def euclidean_gcd(a: KPoly, b: KPoly, phi: Any) -> KPoly:
    """The monic gcd of ``a ≠ 0`` and ``b`` by Euclid's algorithm over ``K`` (every remainder made
    monic by an inverse in ``K``): the reference route of :func:`gcd`, whose coefficients can grow
    far beyond those of the result.

    Examples
    --------
    >>> phi = flint.fmpq_poly([-2, 0, 1])
    >>> r2 = flint.fmpq_poly([0, 1])
    >>> euclidean_gcd([-2, 0, 1], [r2, 1], phi) == [r2, 1]           # gcd(z^2 − 2, z + √2)
    True
    """
    a, b = monic(a, phi), trim(b, phi)
    while b:
        b = monic(b, phi)
        a, b = b, divmod_monic(a, b, phi)[1]
    return a


def gcd(a: KPoly, b: KPoly, phi: Any, *, max_primes: int = 4096) -> KPoly:
    """The monic gcd of ``a ≠ 0`` and ``b`` (``[1]`` for coprime polynomials), by the modular
    algorithm of the module docstring: images over ``F_p[T]/(φ_p)`` for word-size primes, combined
    by the Chinese remainder theorem and rational reconstruction, the candidate verified by exact
    division over ``K``.  After ``max_primes`` primes without a verified candidate it returns
    :func:`euclidean_gcd` (the same polynomial).

    Examples
    --------
    >>> phi = flint.fmpq_poly([-2, 0, 1])
    >>> r2 = flint.fmpq_poly([0, 1])
    >>> gcd([-2, 0, 1], [r2, 1], phi) == [r2, 1]                     # gcd(z^2 − 2, z + √2)
    True
    >>> gcd([-2, 0, 1], [-3, 0, 1], phi)
    [1]
    """
    a, b = trim(a, phi), trim(b, phi)
    check(bool(a), "number field: the gcd of a zero polynomial")
    if not b:
        return monic(a, phi)
    if len(a) == 1 or len(b) == 1:
        return [flint.fmpq_poly([1])]
    out = _modular_gcd(a, b, flint.fmpq_poly(phi), max_primes)
    return out if out is not None else euclidean_gcd(a, b, phi)


def _primes() -> Any:
    """The primes below ``2^62``, decreasing (cached: the same primes in every call)."""
    i = 0
    while True:
        while i >= len(_PRIMES):
            n = _PRIMES[-1] - 2 if _PRIMES else (1 << 62) - 1
            while not flint.fmpz(n).is_prime():
                n -= 2
            _PRIMES.append(n)
        yield _PRIMES[i]
        i += 1


_PRIMES: list[int] = []


def _reduce(f: list, p: int) -> list | None:
    """The image modulo ``p`` of a polynomial given as ``[(numerator fmpz_poly, denominator)]``,
    or ``None`` when ``p`` divides a denominator."""
    out = []
    for num, den in f:
        dp = den % p
        if dp == 0:
            return None
        out.append(flint.nmod_poly(num, p) * pow(dp, -1, p))
    return out


def _unit_inverse(c: Any, phi_p: Any) -> Any:
    """The inverse of ``c`` in ``F_p[T]/(φ_p)``, or ``None`` when ``c`` is not a unit."""
    g, s, _ = c.xgcd(phi_p)
    return s % phi_p if g.is_one() else None


def _monic_gcd_mod(a: list, b: list, phi_p: Any) -> list | None:
    """Euclid's algorithm in ``R[z]``, ``R = F_p[T]/(φ_p)``: the monic generator of the ideal
    ``(a, b)`` (both with unit leading coefficients), or ``None`` when a remainder's leading
    coefficient is a zero divisor."""
    def made_monic(f: list) -> list | None:
        inv = _unit_inverse(f[-1], phi_p)
        return None if inv is None else [(c * inv) % phi_p for c in f]

    a = made_monic(a)
    b = made_monic(b) if a is not None else None
    while a is not None and b is not None:
        r = a[:]
        n = len(b) - 1
        while len(r) > n:
            c, shift = r[-1], len(r) - 1 - n
            if not c.is_zero():
                for i in range(n):
                    r[shift + i] = (r[shift + i] - c * b[i]) % phi_p
            r.pop()
        while r and r[-1].is_zero():
            r.pop()
        if not r:
            return b
        a, b = b, made_monic(r)
    return None


def _modular_gcd(a: KPoly, b: KPoly, phi: Any, max_primes: int) -> KPoly | None:
    """The monic gcd of the trimmed ``a, b`` (degrees ≥ 1) by the modular algorithm, or ``None``
    when ``max_primes`` primes give no verified candidate."""
    d = phi.degree()
    big_phi = phi.numer()
    lead = int(big_phi[d])
    A = [(c.numer(), int(c.denom())) for c in a]
    B = [(c.numer(), int(c.denom())) for c in b]
    best = -1                      # the degree of the images kept (−1: none yet)
    residues: list[list[int]] = []
    modulus, count, next_try = 1, 0, 1
    candidate: KPoly | None = None
    for _, p in zip(range(max_primes), _primes()):
        if lead % p == 0:
            continue
        phi_p = flint.nmod_poly(big_phi, p)
        if phi_p.gcd(phi_p.derivative()).degree() > 0:
            continue
        ap, bp = _reduce(A, p), _reduce(B, p)
        if ap is None or bp is None:
            continue
        g = _monic_gcd_mod(ap, bp, phi_p)
        if g is None:
            continue
        k = len(g) - 1
        if k == 0:                 # deg gcd ≤ deg g_p = 0
            return [flint.fmpq_poly([1])]
        if best != -1 and k > best:
            continue               # p is unlucky: a smaller degree was seen
        if k < best or best == -1:  # every earlier prime was unlucky
            best, residues, modulus, count, next_try, candidate = k, [[0] * d for _ in range(k)], 1, 0, 1, None
            if k in (len(a) - 1, len(b) - 1):   # the image is a_p or b_p made monic: does a | b or b | a?
                f, h = (a, b) if k == len(a) - 1 else (b, a)
                c = monic(f, phi)
                if not divmod_monic(h, c, phi)[1]:
                    return c
        if candidate is not None:
            images = _reduce([(c.numer(), int(c.denom())) for c in candidate[:-1]], p)
            if images is not None and all(x == y for x, y in zip(images, g)):
                if not divmod_monic(a, candidate, phi)[1] and not divmod_monic(b, candidate, phi)[1]:
                    return candidate
            candidate = None
        minv = pow(modulus % p, -1, p)
        for j in range(k):
            row = residues[j]
            cs = [int(x) for x in g[j].coeffs()]
            for i in range(d):
                x = row[i]
                t = ((cs[i] if i < len(cs) else 0) - x) * minv % p
                row[i] = x + modulus * t
        modulus *= p
        count += 1
        if count >= next_try:
            next_try = max(count + 1, count * 5 // 4)
            candidate = _reconstruct(residues, modulus)
    return None


def _reconstruct(residues: list[list[int]], modulus: int) -> KPoly | None:
    """The monic polynomial whose coefficients ``Σ_i c_ji T^i`` have the rationals ``c_ji`` of
    numerator and denominator at most ``N = ⌊√(modulus/2)⌋`` congruent to ``residues[j][i]``, or
    ``None``.  A common denominator ``D`` of the coefficients found so far is carried along: a
    residue ``x`` with ``D·x`` already small needs no extended gcd."""
    N = math.isqrt(modulus // 2)
    D = 1
    out = []
    for row in residues:
        coeffs = []
        for x in row:
            y = D * x % modulus
            if y > modulus // 2:
                y -= modulus
            if abs(y) <= N:
                coeffs.append(flint.fmpq(y, D))
                continue
            r = rational_reconstruction_bounded(int(y), modulus, N, N // D)
            if r is None:
                return None
            coeffs.append(flint.fmpq(r[0], r[1] * D))
            D *= r[1]
        out.append(flint.fmpq_poly(coeffs))
    return out + [flint.fmpq_poly([1])]


def derivative(f: KPoly, phi: Any) -> KPoly:
    """``f'``."""
    return trim([c * i for i, c in enumerate(f)][1:], phi)


def squarefree(f: KPoly, phi: Any) -> list[tuple[KPoly, int]]:
    """Yun's squarefree decomposition of a monic ``f``: ``[(h_e, e)]`` with ``deg h_e > 0``,
    ``h_e`` monic, squarefree and pairwise coprime, ``f = Π h_e^e``."""
    out = []
    df = derivative(f, phi)
    c = gcd(f, df, phi)
    w = divmod_monic(f, c, phi)[0]
    y = divmod_monic(df, c, phi)[0]
    e = 1
    while len(w) > 1:
        dw = derivative(w, phi)
        n = max(len(y), len(dw))
        z = trim([(y[i] if i < len(y) else 0) - (dw[i] if i < len(dw) else 0) for i in range(n)], phi)
        g = gcd(w, z, phi) if z else w
        if len(g) > 1:
            out.append((g, e))
        w = divmod_monic(w, g, phi)[0]
        y = divmod_monic(z, g, phi)[0] if z else []
        e += 1
    return out


def norm(f: KPoly, phi: Any, *, max_primes: int = 4096) -> flint.fmpz_poly:
    """The norm ``res_T(Φ(T), F(z, T))`` of ``f ∈ K[z]`` as an integer polynomial in ``z``: ``F = den·f``
    with ``den`` the common denominator of ``f``'s coefficients as given, ``Φ`` the numerator of
    ``φ``.  It is ``lc(Φ)^e den^d Π_σ σ(f)`` over the embeddings ``σ`` of ``K`` (``d = deg φ``,
    ``e`` the degree of ``F`` in ``T``), so a non-zero rational multiple of ``Π_σ σ(f)`` unless
    ``f`` is ``0`` in ``K[z]`` (then ``0``).

    Multimodular (*Multimodular norm* in the module docstring): its values at ``d n + 1``
    consecutive integers around ``0`` (``n`` the degree of ``f`` in ``z``) are resultants of
    images in ``F_p[T]`` for word-size primes ``p``, combined by the Chinese remainder theorem
    beyond Hadamard's bound on the values and interpolated exactly.  When that bound needs more
    than ``max_primes`` primes the norm is :func:`norm_by_charpoly` (the same polynomial).

    Parameters
    ----------
    f : list
        The coefficients of ``f``, constant term first: rational polynomials in ``T``, not
        necessarily reduced modulo ``φ``.
    phi : fmpq_poly
        The minimal polynomial of ``K`` (degree at least 1).
    max_primes : int, optional
        Primes the multimodular route may use (the count is known before the first prime; a
        larger one selects :func:`norm_by_charpoly`).

    Returns
    -------
    fmpz_poly

    Raises
    ------
    InputError
        When ``phi`` is not a rational polynomial of degree at least 1, a coefficient of ``f``
        not a rational polynomial, or ``max_primes`` not a positive integer.

    Examples
    --------
    >>> phi = flint.fmpq_poly([-2, 0, 1])
    >>> norm([-flint.fmpq_poly([0, 1]), flint.fmpq_poly([1])], phi)     # (z − √2)(z + √2)
    x^2 + (-2)
    >>> # with φ = 2T^2 − 4 and F = 2z − T: lc(Φ)^e = 2, den^d = 4, Π_σ σ(f) = z^2 − 1/2
    >>> norm([flint.fmpq_poly([0, -1, 0]) / 2, flint.fmpq_poly([1])], flint.fmpq_poly([-4, 0, 2]))
    8*x^2 + (-4)
    """
    max_primes = positive_int(max_primes, "max_primes")
    phi, f = _field_input(f, phi)
    if not trim(f, phi):       # every coefficient vanishes at every root of φ
        return flint.fmpz_poly(0)
    den = math.lcm(1, *(int(q.denom()) for c in f for q in c.coeffs()))
    big = [(c * den).numer() for c in f]
    while big[-1] == 0:
        big.pop()
    big_phi = phi.numer()
    d, e, n = phi.degree(), max(c.degree() for c in big if c != 0), len(big) - 1
    lead = int(big_phi[d])
    first = -(d * n // 2)
    points = range(first, first + d * n + 1)
    # Hadamard: |res(Φ, G)| ≤ ‖Φ‖^e ‖G‖^d for G = F(z_i, T) (rows of the Sylvester matrix)
    phi_norm = sum(int(c) ** 2 for c in big_phi.coeffs()).bit_length()
    bits = 0
    for z in points:
        g = _horner(big, z)
        g_norm = sum(int(c) ** 2 for c in g.coeffs()).bit_length()
        bits = max(bits, -(-(e * phi_norm + d * g_norm) // 2))
    # primes > 2^61 with a product > 2^(bits+1), plus at most bit_length(lc Φ)/61 dividing lc(Φ)
    if -(-(bits + 1) // 61) + lead.bit_length() // 61 > max_primes:
        return norm_by_charpoly(f, phi)
    primes, residues = [], []
    modulus, target = 1, 1 << (bits + 1)
    for p in _primes():
        if modulus >= target:
            break
        check(p > 1 << 61, "number field: the primes of the norm fell below 2^61")
        if lead % p == 0:
            continue
        primes.append(p)
        residues.append(_norm_values_mod(big, big_phi, e, points, p))
        modulus *= p
    values = _crt(primes, residues)
    return _interpolate(values, first)


def _field_input(f: Any, phi: Any) -> tuple[flint.fmpq_poly, list]:
    """``φ`` and the coefficients of ``f`` as ``fmpq_poly``, or an :class:`InputError` naming the
    argument."""
    try:
        phi = flint.fmpq_poly(phi)
    except (TypeError, ValueError):
        raise InputError(f"phi: expected a rational polynomial, got {short(phi)}") from None
    if phi.degree() < 1:
        raise InputError(f"phi: expected a polynomial of degree at least 1, got {short(phi)}")
    if isinstance(f, (str, bytes)) or not hasattr(f, "__iter__"):
        raise InputError(f"f: expected a list of rational polynomials, got {short(f)}")
    try:
        f = [flint.fmpq_poly(c) for c in f]
    except (TypeError, ValueError):
        raise InputError(f"f: expected a list of rational polynomials, got {short(f)}") from None
    return phi, f


def _horner(big: list, z: Any) -> Any:
    """``Σ_j big[j]·z^j`` (``big`` a list of polynomials in ``T``, ``z`` a scalar)."""
    acc = big[-1]
    for c in reversed(big[:-1]):
        acc = acc * z + c
    return acc


def _norm_values_mod(big: list, big_phi: flint.fmpz_poly, e: int, points: range, p: int) -> list[int]:
    """``res_T(Φ, F(z, T)) mod p`` (``F`` of formal degree ``e`` in ``T``) at the consecutive integers
    ``points``, for a prime ``p ∤ lc(Φ)``; ``F(z, T) mod p`` steps from one point to the next by
    its table of forward differences in ``z`` (``Δ^n`` is constant for ``F`` of degree ``n``)."""
    phi_p = flint.nmod_poly(big_phi, p)
    res = phi_p.resultant
    lead = int(phi_p[phi_p.degree()])
    images = [flint.nmod_poly(c, p) for c in big]
    n = len(images) - 1
    table = [_horner(images, z % p) for z in points[:n + 1]]
    for k in range(1, n + 1):          # table[k] = Δ^k F(points[0], T)
        for i in range(n, k - 1, -1):
            table[i] = table[i] - table[i - 1]
    out = []
    for _ in points:
        g = table[0]
        k = g.degree()
        if k < 0:
            out.append(0)
        else:                          # Res_{d,e}(Φ, g) = lc(Φ)^(e − deg g) Res(Φ, g)
            r = int(res(g))
            out.append(r * pow(lead, e - k, p) % p if k < e else r)
        for i in range(n):
            table[i] = table[i] + table[i + 1]
    return out


def _crt(primes: list[int], residues: list[list[int]]) -> list[int]:
    """The integers of absolute value below half the product ``M`` of the ``primes`` with the given
    residues (``residues[k][i]`` modulo ``primes[k]``): ``Σ_k r_k (M/p_k) [(M/p_k)^{-1} mod p_k]``
    reduced modulo ``M``, for all ``i`` at once as one integer matrix product."""
    m = flint.fmpz(1)
    for p in primes:
        m *= p
    weights = []
    for p in primes:
        q = m // p
        weights.append([q * pow(int(q % p), -1, p)])
    sums = flint.fmpz_mat(residues).transpose() * flint.fmpz_mat(weights)
    half = m // 2
    out = []
    for i in range(sums.nrows()):
        x = sums[i, 0] % m
        out.append(int(x - m) if x > half else int(x))
    return out


def _interpolate(values: list[int], first: int) -> flint.fmpz_poly:
    """The integer polynomial of degree ``< len(values)`` taking ``values[i]`` at ``first + i``:
    Newton's form on consecutive integers, ``Σ_k (Δ^k v_0 / k!) Π_{i<k} (z − first − i)``, whose
    divisions are exact for a polynomial with integer coefficients (``z^j`` has the integer
    coefficients ``k!·S(j, k)`` on the binomials ``C(z − first, k)``)."""
    diffs = [flint.fmpz(v) for v in values]
    newton = []
    fact = flint.fmpz(1)
    for k in range(len(values)):
        if k:
            fact *= k
            diffs = [b - a for a, b in zip(diffs, diffs[1:])]
        q, r = divmod(diffs[0], fact)
        check(r == 0, "number field: the values of the norm are not those of an integer polynomial")
        newton.append(q)
    out = flint.fmpz_poly([newton[-1]])
    for k in range(len(newton) - 2, -1, -1):
        out = out * flint.fmpz_poly([-(first + k), 1]) + newton[k]
    return out


def norm_by_charpoly(f: KPoly, phi: Any) -> flint.fmpz_poly:
    """The polynomial :func:`norm` computes, by a characteristic polynomial over ``Q``: the reference
    route of :func:`norm` (and its fallback).

    Computed without a bivariate resultant: with ``F = den·f`` (``den`` the common denominator of
    ``f``'s coefficients as given), ``Φ`` the numerator of ``φ`` (degree ``d``) and ``e`` the
    degree of ``F`` in ``T``, ``res_T(Φ, F) = lc(Φ)^e Π_τ F(z, τ) = lc(Φ)^e den^d N(g_n) χ(z)``
    over the roots ``τ`` of ``φ``, where ``g = Σ g_j z^j`` is ``f`` with its coefficients reduced
    modulo ``φ`` (same values at every ``τ``), ``N(g_n) = Π_τ g_n(τ)`` the norm of its leading
    coefficient (the determinant of multiplication by ``g_n`` on ``K``) and ``χ`` the
    characteristic polynomial of multiplication by ``z`` on the ``Q``-space ``K[z]/(g/g_n)``
    (``Π_τ`` of the monic ``g/g_n`` at ``τ``: the ``K``-linear map has those conjugates as its
    characteristic polynomials).  FLINT's multimodular characteristic polynomial of the
    ``dn × dn`` rational matrix is far cheaper than the subresultants of ``Z[z][T]``: the norm
    of a quartic over a field of degree 28 (coefficients of 33,000 bits) took 58 s as a bivariate
    resultant, 8 s by this route and 1.3 s by :func:`norm`, whose images modulo word-size primes
    avoid the rational matrix.

    Examples
    --------
    >>> phi = flint.fmpq_poly([-2, 0, 1])
    >>> norm_by_charpoly([-flint.fmpq_poly([0, 1]), flint.fmpq_poly([1])], phi)     # (z − √2)(z + √2)
    x^2 + (-2)
    """
    phi, f = _field_input(f, phi)
    d = phi.degree()
    if not any(c != 0 for c in f):
        return flint.fmpz_poly(0)
    den = math.lcm(1, *(int(q.denom()) for c in f for q in c.coeffs()))
    e = max(c.degree() for c in f if c != 0)
    big_phi = phi.numer()
    g = trim(f, phi)
    if not g:  # every coefficient vanishes at every root of φ
        return flint.fmpz_poly(0)
    n = len(g) - 1
    lead = _multiplication(g[-1], phi)
    scale = flint.fmpq(int(big_phi[d])) ** e * flint.fmpq(den) ** d * lead.det()
    if n == 0:
        chi = flint.fmpq_poly([1])
    else:
        inv = inverse(g[-1], phi)
        M = flint.fmpq_mat(d * n, d * n)
        for b in range(n - 1):  # z · T^a z^b = T^a z^(b+1)
            for a in range(d):
                M[(b + 1) * d + a, b * d + a] = 1
        for j in range(n):  # z · T^a z^(n-1) = −Σ_j c_j T^a z^j, c_j = g_j / g_n
            C = _multiplication((g[j] * inv) % phi, phi)
            for r in range(d):
                for c in range(d):
                    if C[r, c] != 0:
                        M[j * d + r, (n - 1) * d + c] = -C[r, c]
        chi = M.charpoly()
    out = chi * scale
    check(all(int(q.denom()) == 1 for q in out.coeffs()), "number field: the norm is not integral")
    return out.numer()


def _multiplication(a: Any, phi: Any) -> flint.fmpq_mat:
    """The matrix of multiplication by ``a ∈ K = Q[T]/(φ)`` in the basis ``1, T, …, T^{d−1}``
    (column ``k``: the coefficients of ``a·T^k mod φ``)."""
    d = phi.degree()
    M = flint.fmpq_mat(d, d)
    col = flint.fmpq_poly(a) % phi
    t = flint.fmpq_poly([0, 1])
    for k in range(d):
        for r, q in enumerate(col.coeffs()):
            M[r, k] = q
        col = (col * t) % phi
    return M


def enclose(elem: Any, tau: Any) -> flint.arb:
    """A real ball containing the element ``elem`` of ``K = Q(τ)`` (a polynomial in ``τ``), given a ball
    ``tau`` containing the real number ``τ`` (Horner's rule in ball arithmetic).

    Examples
    --------
    >>> enclose(flint.fmpq_poly([1, 2]), flint.arb(2).sqrt()).contains(1 + 2 * flint.arb(2).sqrt())
    True
    """
    acc = flint.arb(0)
    for c in reversed(flint.fmpq_poly(elem).coeffs()):
        acc = acc * tau + flint.arb(c)
    return acc


def ball_value(coeffs: list, r: Any) -> flint.acb:
    """The value at the complex ball ``r`` of the polynomial with ball coefficients ``coeffs`` (constant
    term first), by Horner's rule in ball arithmetic.

    Examples
    --------
    >>> ball_value([flint.arb(-2), flint.arb(0), flint.arb(1)], flint.acb(flint.arb(2).sqrt())).contains(0)
    True
    """
    acc = flint.acb(0)
    for c in reversed(coeffs):
        acc = acc * r + c
    return acc
