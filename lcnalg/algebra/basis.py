"""The function space of a network with filters in a fixed basis, against the unrestricted one.

Let ``μ`` be the unrestricted parameterization and ``μ_B = μ ∘ diag(B_1, …, B_L)``
(:class:`~lcnalg.basis_parameterization.BasisParameterization`), ``M_B = μ_B(R^{Σ r_l})`` and
``M = μ(R^N)``.

* **Dimension.** The generic rank of ``J μ_B``, bounded below by its exact rank modulo ``p`` at
  a point and above by ``min(Σ_l r_l − (L−1), #non-zero coordinates)``: rescaling
  ``a_l ↦ λ_l a_l`` with ``Π λ_l = 1`` scales ``B_l a_l`` the same way and keeps ``μ_B`` fixed,
  and where every ``a_l ≠ 0`` (so every ``B_l a_l ≠ 0``, ``B_l`` having full column rank) its
  orbits have dimension ``L − 1``.  Equal bounds certify the dimension
  (:func:`~lcnalg.algebra.dimension.function_space_dimension` applies as it is).
* **Equations.** The multigraded interpolation of :mod:`lcnalg.algebra.interpolation` over the
  finest grading of ``μ_B`` itself, degree after degree up to ``max_degree``; every equation is
  verified exactly by substitution (``g(μ_B(a)) = 0`` in ``Z[a]``), and the rank sandwich proves
  that the ones found generate every equation of degree ``≤ max_degree``.  No coordinate
  symmetry is used: those of ``M`` (filter reversal, transposition) need not preserve ``M_B``.
  The whole ideal is certified only when ``M_B`` is full-dimensional in its non-zero coordinates
  (then the vanishing coordinates generate it).
* **Comparison.** ``M_B ⊆ M``, and both closures are irreducible (images of affine spaces), so
  ``M_B`` is a proper subvariety exactly when ``dim M_B < dim M`` (equal dimensions force equal
  closures).  An equation ``g`` of ``M_B`` is *added* when it is not in ``I(M)``; since ``I(M)`` is
  the kernel of ``c ↦ μ(w)`` (over the infinite field Q), that is decided exactly by substitution:
  ``g(μ(w)) ≠ 0`` in ``Z[w]``.

References
----------
.. [QCCS18] Qiu, Cheng, Calderbank, Sapiro, *DCFNet: Deep Neural Network with Decomposed
   Convolutional Filters*, ICML 2018.
.. [KMST24] Kohn, Montúfar, Shahverdi, Trager, *Function Space and Critical Points of Linear
   Convolutional Networks*, SIAGA 8 (2024).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from lcnalg import checks
from lcnalg.algebra.certify import verify_equations
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.algebra.implicitization import ImplicitEquations, implicit_equations
from lcnalg.algebra.plain_interpolation import equations_up_to_degree
from lcnalg.basis_parameterization import BasisParameterization
from lcnalg.errors import InputError, check
from lcnalg.limits import Limits
from lcnalg.printing import align, function_space_symbol, poly_latex
from lcnalg.results import Result

__all__ = ["basis_equations", "compare_basis"]


@dataclass(frozen=True, kw_only=True)
class BasisComparison(Result):
    """Filters in a fixed basis against the unrestricted architecture (:func:`lcnalg.algebra.basis.compare_basis`).

    Attributes
    ----------
    basis : str
        The basis (a family with its size, or ``user``).
    ranks : tuple of int
        Basis vectors per layer.
    dimension, unrestricted_dimension, ambient_dimension : int
    proper : bool or None
        Whether the restricted function space is a proper subvariety (the dimension drops);
        None when a dimension is not certified.
    equations, unrestricted_equations : tuple of str
        Minimal generators up to :attr:`complete_up_to_degree` of both ideals.
    added_equations : tuple of str
        The restricted generators that are not in the unrestricted ideal (exact substitution).
    complete_up_to_degree : int
    seconds_restricted, seconds_unrestricted : float
        Wall time of each side (dimension and equations).

    Examples
    --------
    >>> r = BasisComparison(architecture="2,2", method="m", certified=True, basis="user", ranks=(1, 2),
    ...     dimension=2, unrestricted_dimension=3, ambient_dimension=3, proper=True, equations=("c0 - c1",),
    ...     unrestricted_equations=(), added_equations=("c0 - c1",), complete_up_to_degree=2,
    ...     seconds_restricted=0.0, seconds_unrestricted=0.0)
    >>> print(r.to_text().splitlines()[1])
    dimension    2 (unrestricted 3, ambient 3): a proper subvariety
    """

    basis: str
    ranks: tuple[int, ...]
    dimension: int
    unrestricted_dimension: int
    ambient_dimension: int
    proper: bool | None
    equations: tuple[str, ...]
    unrestricted_equations: tuple[str, ...]
    added_equations: tuple[str, ...]
    complete_up_to_degree: int
    seconds_restricted: float = 0.0
    seconds_unrestricted: float = 0.0

    title = "filters in a fixed basis"

    def answer(self) -> bool | None:
        return self.proper

    def _verdict(self) -> str:
        if self.proper is None:
            return "undecided (a dimension is not certified)"
        return "a proper subvariety" if self.proper else "the same function space (equal closures)"

    def to_text(self) -> str:
        lines = [f"{self.title}: {self.architecture}, basis {self.basis} (ranks {', '.join(map(str, self.ranks))})",
                 f"dimension    {self.dimension} (unrestricted {self.unrestricted_dimension}, "
                 f"ambient {self.ambient_dimension}): {self._verdict()}",
                 f"equations    {len(self.equations)} restricted, {len(self.unrestricted_equations)} unrestricted, "
                 f"{len(self.added_equations)} added (complete up to degree {self.complete_up_to_degree})",
                 f"verdict      {self.status}  [{self.provenance()}]",
                 f"seconds      restricted {self.seconds_restricted:.2f}, unrestricted {self.seconds_unrestricted:.2f}"]
        if self.added_equations:
            lines.append("added equations")
            lines += [f"  {e} = 0" for e in self.added_equations]
        return "\n".join(lines)

    def to_latex(self) -> str:
        sym = function_space_symbol(self.architecture)
        rel = r"\subsetneq" if self.proper else ("=" if self.proper is False else r"\subseteq")
        head = (rf"\dim \overline{{{sym}^B}} = {self.dimension},\ \dim \overline{{{sym}}} = "
                rf"{self.unrestricted_dimension},\ \overline{{{sym}^B}} {rel} \overline{{{sym}}}")
        if not self.added_equations:
            return head
        # deferred: sympy (~0.5 s) only to typeset the added equations
        import sympy

        rows = [(poly_latex(sympy.sympify(e, convert_xor=True)), "0") for e in self.added_equations]
        return head + "\n% added equations\n" + align(rows)


__all__ += ["BasisComparison"]

#: Default highest degree of the equations of a restricted function space.
DEFAULT_MAX_DEGREE = 2


def _check(mu: Any, max_degree: Any, seed: Any) -> tuple[BasisParameterization, int, int]:
    if not isinstance(mu, BasisParameterization):
        raise InputError("mu: expected a BasisParameterization (e.g. BasisParameterization(\"3,2\", "
                         f"FilterBasis.family(\"polynomial\", \"3,2\", 2))), got {type(mu).__name__}")
    max_degree = checks.integer(DEFAULT_MAX_DEGREE if max_degree is None else max_degree, "max_degree",
                                low=1, form="a positive integer")
    return mu, max_degree, checks.seed(seed)


def basis_equations(mu: BasisParameterization, *, max_degree: int | None = None, seed: int = 0,
                    limits: Limits | None = None, dimension: int | None = None,
                    certify: bool | None = None) -> ImplicitEquations:
    """Minimal generators, up to ``max_degree``, of the vanishing ideal of ``M_B`` (module docstring).

    Parameters
    ----------
    mu : BasisParameterization
    max_degree : int, optional
        Highest degree (default 2).
    seed : int
    limits : Limits, optional
        Bounds of the interpolation (``max_monomials``, ``max_piece``, ``max_interpolation_work``).
    dimension : int, optional
        The dimension of ``M_B`` if known.
    certify : bool or None
        Attempt the exact whole-ideal certificate (elimination Gröbner basis of the graph ideal
        of ``μ_B`` modulo a prime, :func:`~lcnalg.algebra.implicitization.certify_by_elimination`):
        always (True), never (False), or (None, the default) when the equations are at most
        ``limits.max_certify_generators`` of degree at most ``limits.max_certify_degree``, within
        ``limits.max_certify_entries`` matrix entries.

    Returns
    -------
    ImplicitEquations
        Complete up to ``max_degree`` (proved); certified when ``M_B`` fills its non-zero
        coordinates or the elimination certificate succeeds.

    Raises
    ------
    ResourceLimitError
        When a degree exceeds the limits.

    Examples
    --------
    >>> from lcnalg.filter_basis import FilterBasis
    >>> mu = BasisParameterization("3,3", FilterBasis.family("polynomial", "3,3", 2))
    >>> r = basis_equations(mu)
    >>> r.dimension, r.summary()
    (3, '2 generators: 2 of degree 1')
    """
    mu, max_degree, seed = _check(mu, max_degree, seed)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    dimension, certify = checks.arguments(dimension=dimension, certify=certify)
    dimension = getattr(dimension, "value", dimension)
    return equations_up_to_degree(
        mu, max_degree=max_degree, seed=seed, dimension=dimension, certify=certify, limits=limits,
        architecture=f"{mu.architecture} (filters in the basis {mu.basis.name})",
        method=lambda g: (f"filters in the basis {mu.basis.name} (ranks {', '.join(map(str, mu.basis.ranks))}): "
                          f"multigraded interpolation over GF(p) (finest grading of the restricted map, "
                          f"{g.rank} weights, no symmetry), rational reconstruction, exact substitution check"),
        how_to_certify="certify=True (elimination of the graph ideal of the restricted map)")


def compare_basis(mu: BasisParameterization, *, max_degree: int | None = None, seed: int = 0,
                  limits: Limits | None = None) -> BasisComparison:
    """``M_B`` against the unrestricted ``M``: dimensions, proper or not, and the added equations.

    Parameters
    ----------
    mu : BasisParameterization
    max_degree : int, optional
        Highest degree of the equations compared (default 2).
    seed : int
    limits : Limits, optional

    Returns
    -------
    BasisComparison

    Examples
    --------
    >>> from lcnalg.filter_basis import FilterBasis
    >>> mu = BasisParameterization("3,3", FilterBasis.family("polynomial", "3,3", 2))
    >>> r = compare_basis(mu)
    >>> r.proper, r.dimension, r.unrestricted_dimension, r.added_equations
    (True, 3, 5, ('c0 - 4*c2 + 10*c3 - 9*c4', 'c1 - 4*c2 + 9*c3 - 8*c4'))
    """
    mu, max_degree, seed = _check(mu, max_degree, seed)
    limits = mu.limits if limits is None else Limits.coerce(limits)
    unrestricted = mu.unrestricted
    start = time.perf_counter()
    dim_b = function_space_dimension(mu, seed=seed)
    eq_b = basis_equations(mu, max_degree=max_degree, seed=seed, limits=limits, dimension=dim_b.value,
                           certify=False)
    seconds_b = time.perf_counter() - start
    start = time.perf_counter()
    dim_u = function_space_dimension(unrestricted, seed=seed)
    eq_u = implicit_equations(unrestricted, max_degree=max_degree, seed=seed, certify=False,
                              dimension=dim_u.value, limits=limits, progress=False)
    seconds_u = time.perf_counter() - start
    in_u = verify_equations(unrestricted, list(eq_b.polynomials))
    added = tuple(t for t, ok in zip(eq_b.equations, in_u) if not ok)
    both = dim_b.certified and dim_u.certified
    proper = (dim_b.value < dim_u.value) if both else None
    if proper is False:
        check(not added, "equal dimensions but an equation of the restricted space is not one of the unrestricted")
    return BasisComparison(
        architecture=str(mu.architecture),
        method=("dimensions by exact Jacobian ranks against the torus bounds; equations by multigraded "
                "interpolation up to degree "
                f"{max_degree}; membership in the unrestricted ideal by exact substitution of its parameterization"),
        certified=both,
        how_to_certify="" if both else "certify both dimensions (see their methods)",
        argument=("the closures are irreducible and nested: proper exactly when the dimension drops"),
        seed=seed,
        seconds=seconds_b + seconds_u,
        basis=mu.basis.name,
        ranks=mu.basis.ranks,
        dimension=dim_b.value,
        unrestricted_dimension=dim_u.value,
        ambient_dimension=mu.ambient_dimension,
        proper=proper,
        equations=eq_b.equations,
        unrestricted_equations=eq_u.equations,
        added_equations=added,
        complete_up_to_degree=min(eq_b.complete_up_to_degree or 0, eq_u.complete_up_to_degree or 0),
        seconds_restricted=seconds_b,
        seconds_unrestricted=seconds_u,
    )
