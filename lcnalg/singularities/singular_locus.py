"""The singular locus of the neurovariety ``V`` (Jacobian criterion).

``I = (g_1..g_m)`` from :meth:`FunctionSpace.implicit_equations`, ``c = codim V``.  Since
``I`` is prime, ``Sing V = V(I + (c×c minors of ∂g_i/∂c_j))``.  The minors are exact integer
polynomials; the dimension is read off a Gröbner basis **modulo a prime** (equal to the
dimension over Q for all but finitely many primes; not certified).

When the minors are too many (``C(m, c) C(n, c) > max_minors``) and ``randomized=True``,
the ideal is replaced by ``I + (det(A_i J B_i))_{i ≤ dim V + 1}`` with random integer ``A_i``,
``B_i``: by Cauchy–Binet each is a combination of minors, so the zero set contains
``Sing V``; at a point of ``V`` with ``rank J = c`` a random ``det(AJB)`` is non-zero except on
a hypersurface of ``(A, B)`` of degree ``2c`` (Schwartz–Zippel), so ``dim V + 1`` of them cut
every non-singular component away: probabilistic, with that bound per cut and component.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, ResourceLimitError
from lcnalg.results import Result
from lcnalg.singularities._minors import GF_PRIME, all_minors, count_minors, random_projected_minors

__all__ = ["SingularLocusResult", "singular_locus", "DEFAULT_MAX_MINORS", "DEFAULT_MAX_TERMS"]

DEFAULT_MAX_MINORS = 5_000
#: Bound on the estimated number of terms of one projected determinant (randomized mode).
DEFAULT_MAX_TERMS = 200_000
_BOUND = 2**15


@dataclass(frozen=True, kw_only=True)
class SingularLocusResult(Result):
    """Singular locus of the Zariski closure of the function space.

    Attributes
    ----------
    dimension : int
        Dimension of ``Sing V`` (``-1``: empty), from a Gröbner basis mod ``primes[0]``.
    dimension_of_variety, ambient_dimension, codimension : int
    num_equations : int
        Generators of ``I``.
    num_minors : int
        Minors (or projected determinants) added to ``I``.
    exact_ideal : bool
        True when all ``c×c`` minors were used (the ideal is exact over Z).
    description : str
    """

    dimension: int
    dimension_of_variety: int
    ambient_dimension: int
    codimension: int
    num_equations: int
    num_minors: int
    exact_ideal: bool
    description: str
    generators: tuple = field(default=(), repr=False, compare=False)

    title = "singular locus"

    @property
    def status(self) -> str:
        if self.exact_ideal:
            return "exact ideal; dimension mod p"
        return "probabilistic ideal (random projections); dimension mod p"

    def answer(self) -> int:
        return self.dimension

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data.pop("generators", None)
        return data

    def to_text(self) -> str:
        return (f"singular locus of V[{self.architecture}]: dimension {self.dimension} "
                f"(V: dimension {self.dimension_of_variety} in C^{self.ambient_dimension}); "
                f"{self.description}  [{self.status}; {self.method}]")

    def to_latex(self) -> str:
        from lcnalg.export.latex import function_space_symbol

        return rf"\dim \operatorname{{Sing}} \overline{{{function_space_symbol(self.architecture)}}} = {self.dimension}"


def singular_locus(arch: Architecture | str, *, max_minors: int = DEFAULT_MAX_MINORS,
                   randomized: bool = False, seed: int = 0, modulus: int = GF_PRIME,
                   max_terms: int = DEFAULT_MAX_TERMS) -> SingularLocusResult:
    """Singular locus of the neurovariety by the Jacobian criterion.

    Parameters
    ----------
    arch : Architecture or str
    max_minors : int
        Refuse exact minors beyond this count (:class:`ResourceLimitError`) unless ``randomized``.
    randomized : bool
        Above ``max_minors``, use ``dim V + 1`` random projected determinants (probabilistic).
    seed : int
    modulus : int
        Prime of the Gröbner basis that gives the dimension.
    max_terms : int
        Randomized mode: refuse when one determinant may have more terms than this.

    Examples
    --------
    >>> r = singular_locus("3,2 s=2")
    >>> r.dimension_of_variety, r.dimension, r.exact_ideal
    (4, 3, True)
    >>> singular_locus("2,2").dimension   # V = C^3 is smooth
    -1
    """
    from lcnalg.algebra.groebner import groebner_basis
    from lcnalg.function_space import FunctionSpace

    start = time.perf_counter()
    fs = FunctionSpace(arch, seed=seed)
    arch_s = str(fs.architecture)
    n = fs.ambient_dimension
    dim_v = fs.dimension.value
    eqs = list(fs.implicit_equations().polynomials)
    codim = n - dim_v
    common = dict(architecture=arch_s, seed=seed, primes=(modulus,), dimension_of_variety=dim_v,
                  ambient_dimension=n, codimension=codim, num_equations=len(eqs))
    if not eqs:
        return SingularLocusResult(
            method="V is the whole space", certified=True, dimension=-1, num_minors=0, exact_ideal=True,
            description="V = C^n has no singular points", seconds=time.perf_counter() - start, **common)
    ctx = eqs[0].context()
    jac = [[g.derivative(j) for j in range(n)] for g in eqs]
    zero = ctx.from_dict({})
    total = count_minors(len(eqs), n, codim)
    if total <= max_minors:
        minors = all_minors(jac, codim, zero, max_minors=max_minors,
                            what="minors of the Jacobian of the implicit equations")
        exact = True
        method = f"I + all {codim}x{codim} minors of the Jacobian (exact over Z); Groebner basis mod {modulus}"
        fp = None
    else:
        if not randomized:
            raise ResourceLimitError(
                f"{codim}x{codim} minors of the {len(eqs)}x{n} Jacobian of the implicit equations",
                total, max_minors, "pass max_minors= or randomized=True (CLI: --max-minors / --randomized)")
        deg = codim * max(e.total_degree() - 1 for e in eqs)
        terms = math.comb(n + deg - 1, deg)
        if terms > max_terms:
            raise ResourceLimitError(
                f"terms of one projected {codim}x{codim} determinant (degree {deg} in {n} variables)",
                terms, max_terms, "pass max_terms=")
        minors = random_projected_minors(jac, codim, dim_v + 1, zero, seed=seed, bound=_BOUND)
        exact = False
        method = (f"I + {dim_v + 1} random projections det(A J B) (Cauchy-Binet); Groebner basis mod {modulus}")
        fp = min(1.0, (dim_v + 1) * 2 * codim / (2 * _BOUND + 1))
    gb = groebner_basis(eqs + [m for m in minors if not m.is_zero()], "degrevlex", modulus=modulus)
    dim = gb.dimension()
    if dim < 0:
        desc = "empty: V is smooth"
    elif dim == 0:
        desc = "only the origin (V is a cone, smooth away from its vertex)"
    else:
        desc = (f"a cone of dimension {dim}; its components are not computed (see the image "
                "strata of the critical locus in stratification())")
    return SingularLocusResult(
        method=method, certified=False, failure_probability=fp,
        how_to_certify="recompute the Groebner basis over Q (and use all minors)",
        dimension=dim, num_minors=len(minors), exact_ideal=exact, description=desc,
        generators=tuple(eqs) + tuple(minors), seconds=time.perf_counter() - start, **common)
