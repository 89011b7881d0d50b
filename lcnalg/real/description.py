"""What the semi-algebraic description and the boundary of ``M`` share.

:class:`RealDescription` is the base of :class:`~lcnalg.real.inequalities.InequalitiesResult`
and :class:`~lcnalg.real.boundary.BoundaryResult` (the fields both carry), and
:func:`closed_case` is the stage both run outside 1D stride one: decide ``M = V(R)`` and,
when it holds, take the dimension and the implicit equations, from the caller when given
(``dimension=``, ``equations=``, ``closedness=``) and from the low-level functions otherwise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Sequence

from lcnalg.algebra.implicitization import ImplicitEquations, implicit_equations
from lcnalg.architecture import Architecture
from lcnalg.algebra.dimension import function_space_dimension
from lcnalg.errors import InputError
from lcnalg.limits import Limits
from lcnalg.parameterization import Parameterization, parameterize
from lcnalg.printing import poly_latex
from lcnalg.real.closedness import ClosednessResult, is_zariski_closed
from lcnalg.real.membership import contains
from lcnalg.results import Result, Status
from lcnalg.rings import coordinate_names, to_sympy

__all__ = ["stride_one_1d", "min_real_roots", "RealDescription", "ClosedCase", "closed_case", "linear_architecture", "one_channel_architecture", "ambient", "equations_limitation",
           "undecided_text", "embedding_head", "vanish", "ambient"]


def stride_one_1d(arch: Architecture) -> bool:
    """True for a 1D architecture whose layers are joined by stride one (the last stride is
    free: it does not change the function space)."""
    return arch.ndim == 1 and all(s == (1,) for s in arch.strides[:-1])


def min_real_roots(arch: Architecture) -> int:
    """``m``: the number of layers of even filter size, each of which has a real root (odd
    degree); in 1D stride one, ``M`` is the set of filters with at least ``m`` real roots
    (see docs/theory.md#stride-one)."""
    return sum(1 for f in arch.filters if f[0] % 2 == 0)


@dataclass(frozen=True, kw_only=True)
class RealDescription(Result):
    """The fields a description of ``M`` (inequalities or boundary) carries.

    Attributes
    ----------
    decided : bool
        False when no description was derived (then ``limitations`` says why).
    everything : bool or None
        True when ``M`` is the whole space of filters.
    m : int or None
        Required number of real roots with multiplicity (1D stride one).
    discriminant : str
        The discriminant of the form of formal degree ``d`` (``^`` for powers).
    description : str
        The exact description in words and formulas.
    closed : bool or None
        Outside 1D stride one: the verdict of
        :func:`~lcnalg.real.closedness.is_zariski_closed` (``M = V(R)``?).
    equations : tuple of str
        When ``M = V(R)``: the implicit equations, whose real zero set is ``M``.
    equations_status : str
        ``"certified"`` (the vanishing ideal), ``"complete up to degree d"``, or
        ``"not computed"``.
    embedded_architecture : str
        When ``M`` is a coordinate copy of a smaller function space
        (:mod:`lcnalg.real.embedding`): that architecture; the fields above are carried back
        (coordinates renamed) and ``vanishing`` lists the coordinates that are 0 on ``M``.
    vanishing : tuple of str
    polynomials, expressions, inner, embedding
        Not exported: the equations as polynomials, the other displayed polynomials
        (Sturm–Habicht coefficients or discriminant, for LaTeX), the smaller model's result and
        the embedding (used by the exact point tests).
    """

    decided: bool
    everything: bool | None = None
    m: int | None = None
    discriminant: str = ""
    description: str = ""
    closed: bool | None = None
    equations: tuple[str, ...] = ()
    equations_status: str = ""
    embedded_architecture: str = ""
    vanishing: tuple[str, ...] = ()
    polynomials: tuple[Any, ...] = field(default=(), repr=False, compare=False, metadata={"export": False})
    expressions: tuple[Any, ...] = field(default=(), repr=False, compare=False, metadata={"export": False})
    inner: Any = field(default=None, repr=False, compare=False, metadata={"export": False})
    embedding: Any = field(default=None, repr=False, compare=False, metadata={"export": False})

    @property
    def status(self) -> Status:
        """Certified when a description was derived, else undecided with the reason."""
        if self.decided and self.certified:
            return Status.certified()
        return Status.undecided(self.limitations or "no description derived")

    def answer(self) -> str:
        return self.description

    def latex_polynomials(self, texts: Sequence[str], polys: Sequence[Any]) -> list[str]:
        """LaTeX of displayed polynomials: from the stored FLINT polynomials when they are the
        ones displayed (not carried back from a coordinate copy), else from their text."""
        if polys and len(polys) == len(texts) and not self.embedded_architecture:
            return [poly_latex(to_sympy(p)) for p in polys]
        import sympy  # deferred: only text carried back from a coordinate copy is parsed

        return [poly_latex(sympy.sympify(t)) for t in texts]


def vanish(res: RealDescription, c: Sequence[Fraction], limits: Limits | None = None) -> bool:
    """``c ∈ M = V(R)``: do the certified implicit equations vanish at ``c``?  They are
    homogeneous (``V`` is a cone), so the denominators are cleared first.  Without certified
    equations the exact membership test :func:`~lcnalg.real.membership.contains` decides
    (within ``limits``)."""
    if res.equations_status != "certified":
        return bool(contains(res.architecture, list(c), limits=limits).contained)
    den = math.lcm(*(Fraction(x).denominator for x in c))
    ints = [int(Fraction(x) * den) for x in c]
    return all(p(*ints) == 0 for p in res.polynomials)


@dataclass(frozen=True)
class ClosedCase:
    """The outcome of :func:`closed_case`.

    Attributes
    ----------
    closedness : ClosednessResult
    limitations : str
        When ``M = V(R)`` is not proved: why no description follows from closedness.
    verdict : str
        The closedness verdict in one line.
    everything : bool
        ``M = V(R) = R^k`` (certified dimension ``k``).
    dimension : int or None
    dimension_certified : bool
    equations, polynomials, equations_status
        The implicit equations when ``M = V(R)`` is a proper subvariety.
    ambient : int or None
        The number of coordinates, when ``M = V(R)`` was decided (:func:`ambient`).
    """

    closedness: ClosednessResult
    limitations: str = ""
    verdict: str = ""
    everything: bool = False
    dimension: int | None = None
    dimension_certified: bool = False
    equations: tuple[str, ...] = ()
    polynomials: tuple[Any, ...] = ()
    equations_status: str = ""
    ambient: int | None = None

    @property
    def closed(self) -> bool | None:
        return self.closedness.closed


def _dimension(arch: Architecture, dimension: Any, seed: int, limits: Limits) -> tuple[int, bool]:
    """``(dim M, certified)`` from the caller's ``dimension`` (an int, taken as exact, or a
    :class:`~lcnalg.results.DimensionResult`), else computed (within ``limits``)."""
    if dimension is None:
        dimension = function_space_dimension(parameterize(arch, limits=limits), seed=seed)
    if isinstance(dimension, bool) or not isinstance(dimension, int) and not hasattr(dimension, "value"):
        raise InputError(f"dimension: expected an int or a DimensionResult, got {dimension!r:.60}")
    if isinstance(dimension, int):
        return dimension, True
    return int(dimension.value), bool(dimension.certified)


def closed_case(arch: Architecture, *, limits: Limits, seed: int = 0, dimension: Any = None,
                equations: Any = None, closedness: ClosednessResult | None = None,
                max_degree: int | None = None, jobs: int = 1, executor: Any = None) -> ClosedCase:
    """Outside 1D stride one: decide ``M = V(R)``; when it holds, ``M`` is the real zero set of
    the implicit equations.

    Parameters
    ----------
    arch : Architecture
    limits : Limits
        Handed unchanged to :func:`~lcnalg.real.closedness.is_zariski_closed`, to the
        dimension and to the implicit equations (whose bounds refuse a description too large
        to build, such as the Jacobian of a long filter).
    seed : int
        Seed of the random choices (dimension, implicit equations).
    dimension : int or DimensionResult, optional
        ``dim M`` when the caller has it (an int is taken as exact).
    equations : ImplicitEquations or bool, optional
        The implicit equations when the caller has them; ``False`` not to compute them;
        ``None`` or ``True`` to compute them when needed.
    closedness : ClosednessResult, optional
        The verdict of :func:`~lcnalg.real.closedness.is_zariski_closed` when the caller has it.
    max_degree, jobs, executor : optional
        Passed to :func:`~lcnalg.algebra.implicitization.implicit_equations`.

    Returns
    -------
    ClosedCase
    """
    verdict = closedness if closedness is not None else is_zariski_closed(arch, limits=limits)
    if verdict.closed is not True:
        if verdict.closed is False:
            wit = ", ".join(verdict.witness) if verdict.witness is not None else "see is_zariski_closed"
            line = f"M ⊊ V(R): witness ({wit}) in V(R) \\ M; {verdict.method}"
            why = (f"M ⊊ V(R): M is not Zariski closed (witness ({wit}) in V(R) \\ M; {verdict.method}), so "
                   "inequalities are needed; ")
        else:
            line = "M = V(R) is undecided (" + verdict.argument + ")"
            why = "M = V(R) is undecided (" + verdict.argument + "); "
        return ClosedCase(verdict, limitations=why + undecided_text(arch), verdict=line)
    # handed-down equations know the number of coordinates (a network with an activation would
    # otherwise build its parameterization for it)
    k = equations.ambient_dimension if isinstance(equations, ImplicitEquations) else ambient(arch, limits)
    dim, certified = _dimension(arch, dimension, seed, limits)
    if dim == k and certified:
        return ClosedCase(verdict, everything=True, dimension=dim, dimension_certified=certified,
                          equations_status="certified", ambient=k)
    if equations is False:
        return ClosedCase(verdict, dimension=dim, dimension_certified=certified, equations_status="not computed",
                          ambient=k)
    if equations is None or equations is True:
        equations = implicit_equations(parameterize(arch, limits=limits), max_degree=max_degree, jobs=jobs,
                                       executor=executor, seed=seed, dimension=dim, limits=limits)
    status = ("certified" if equations.certified
              else f"complete up to degree {equations.complete_up_to_degree}")
    return ClosedCase(verdict, dimension=dim, dimension_certified=certified, equations=tuple(equations.equations),
                      polynomials=tuple(equations.polynomials), equations_status=status, ambient=k)


def ambient(arch: Architecture | str, limits: Limits | None = None) -> int:
    """Number of coordinates (of an architecture or its string): entries of the end-to-end
    filter, or the monomials of the output form of a network with an activation.

    Examples
    --------
    >>> ambient(Architecture.parse("3,2 s=2")), ambient(Architecture.parse("2,2 r=2"))
    (5, 5)
    """
    arch = Architecture.coerce(arch)
    if arch.activation is None:
        return math.prod(arch.end_to_end_filter_shape)
    return parameterize(arch, limits=limits).ambient_dimension


def one_channel_architecture(arch: Architecture | str) -> Architecture:
    """The parsed architecture; networks with channels are refused (activations are kept: a
    network with an activation ``r ≥ 2`` has ``M = V(R)``, docs/theory.md#polynomial-real)."""
    arch = Architecture.coerce(arch)
    if not isinstance(arch, Architecture):
        raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
    if arch.channels is not None:
        raise InputError(f"architecture {arch}: the real description covers networks with one channel (drop c=)")
    return arch


def linear_architecture(arch: Architecture | str) -> Architecture:
    """The parsed architecture; networks with activations or channels are refused."""
    arch = Architecture.coerce(arch)
    if not isinstance(arch, Architecture):
        raise InputError(f"architecture: expected an Architecture or a string, got {type(arch).__name__}")
    if arch.activation is not None or arch.channels is not None:
        raise InputError(f"architecture {arch}: the real description covers linear networks with one channel "
                         "(drop r=, c=)")
    return arch


def equations_limitation(status: str) -> str:
    if status == "certified":
        return ""
    if status == "not computed":
        return "the implicit equations were not computed ('lcnalg equations ARCH' gives them)"
    return (f"the implicit equations are {status}: their real zero set contains M and equals it once the "
            "ideal is certified")


def undecided_text(arch: Architecture) -> str:
    if arch.ndim == 2:
        strided = [tuple(t) for t in arch.cumulative_strides[:arch.num_layers] if tuple(t) != (1, 1)]
        if strided and arch.activation is None:
            a, b = strided[0]
            return ("2D with two or more layers along both axes and a layer at cumulative stride "
                    f"({a}, {b}): such a layer takes a group of irreducible factors only if their product lies in "
                    f"R[x^{a}, y^{b}], which depends on how x -> ζx, y -> ξy (ζ^{a} = ξ^{b} = 1) permutes the "
                    "absolute factors (their off-lattice coefficients), not on their bidegrees alone; the "
                    "factorization patterns of the stride-one case (docs/theory.md#factorization-patterns) would "
                    "need this orbit data and are not derived; membership is decided exactly pointwise by "
                    "contains() (grouping of the real irreducible factors, off-lattice coefficients tested exactly)")
    if arch.ndim != 1:
        return (f"{arch.ndim}D: no semi-algebraic description is derived (membership is decided pointwise "
                "by contains(), exactly where the factors are absolutely irreducible)")
    return ("strides > 1: no closed-form semi-algebraic description is derived; membership is decided "
            "exactly pointwise by contains() (root-orbit search)")


def embedding_head(emb: Any) -> str:
    outer = coordinate_names(emb.outer)
    inner = coordinate_names(emb.inner)
    pairs = ", ".join(f"{i} = {outer[p]}" for i, p in zip(inner, emb.positions) if i != outer[p])
    return (f"M is a coordinate copy of M[{emb.inner}] ({emb.reason})"
            + (f"; the coordinates {', '.join(emb.vanishing)} vanish on M" if emb.vanishing else "")
            + (f"; its coordinates are {pairs} here (polynomials below are written in the names here)" if pairs
               else ""))


