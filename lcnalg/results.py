"""Result objects: the answer, how it was obtained, and how sure it is.

Every computation of lcnalg returns a frozen :class:`Result`.  It carries the
answer, the ``method``, the ``seed`` and ``primes`` used, whether the answer is
``certified`` (proved by an exact computation) and, when it is not, the
``failure_probability`` bound of the randomized argument together with how to
certify it.  The CLI only formats these objects: ``to_text()``, ``to_json()``,
``to_latex()``; notebooks show ``_repr_latex_()`` (``to_latex()`` made fit for MathJax by
:func:`~lcnalg.printing.notebook_latex`, one rule for every result) and, for the results that
are tables (the :class:`Tabular` ones: strata, critical points, descent statistics, components),
``_repr_html_()`` (their :meth:`Tabular.table` through :func:`~lcnalg.printing.html_table`).

How sure an answer is is one :class:`Status`: certified; probabilistic with its failure
bound; complete up to degree ``d``; bounds ``lo..hi``; or undecided with the reason.
Every result exposes it as ``status``, derived from its fields, so it cannot disagree with
them.  A found witness (a point, a filter, a factorization) is a :class:`Witness`.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from lcnalg import checks
from lcnalg.printing import align, function_space_symbol, html_table, notebook_latex, poly_latex

__all__ = ["Result", "Tabular", "ArchitectureSummary", "DimensionResult", "DegreeResult", "Status", "StatusKind", "Witness", "jsonable"]


def jsonable(value: Any) -> Any:
    """Convert a value to plain JSON types (exact numbers become ints or strings).

    Examples
    --------
    >>> from fractions import Fraction
    >>> jsonable({"a": (1, Fraction(1, 2))})
    {'a': [1, '1/2']}
    """
    if isinstance(value, Status):
        return value.label
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("export", True)}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, Fraction):
        return str(value) if value.denominator != 1 else value.numerator
    return str(value)


class StatusKind(enum.Enum):
    """The kinds of :class:`Status`."""

    CERTIFIED = "certified"
    PROBABILISTIC = "probabilistic"
    COMPLETE_TO_DEGREE = "complete up to degree"
    BOUNDS = "bounds"
    UNDECIDED = "undecided"


@dataclass(frozen=True, eq=False)
class Status:
    """How sure an answer is: one of five kinds, with the data each kind needs.

    Build one with the constructors :meth:`certified`, :meth:`probabilistic`,
    :meth:`complete_to_degree`, :meth:`bounds` and :meth:`undecided`.  A status compares
    equal to its :attr:`label` (``status == "certified"``) and to an equal status.

    Attributes
    ----------
    kind : StatusKind
    failure_bound : float or None
        Probabilistic: a proved upper bound on the probability that the answer is wrong.
    how_to_certify : str
        Probabilistic or partial: the exact computation that would certify the answer.
    degree : int or None
        Complete up to degree ``degree``: nothing of degree at most ``degree`` is missing.
    lo, hi : int or None
        Bounds: the answer lies in ``lo..hi`` (both proved).
    reason : str
        Why the answer is not certified (for undecided and partial answers).

    Examples
    --------
    >>> Status.certified() == "certified", Status.certified().is_certified
    (True, True)
    >>> s = Status.probabilistic(1e-12, "run with certify=True")
    >>> s.label, s.failure_bound
    ('probabilistic', 1e-12)
    >>> str(Status.complete_to_degree(5)), str(Status.bounds(2, 3))
    ('complete up to degree 5', 'bounds 2..3')
    >>> Status.undecided("no route applies").describe()
    'undecided: no route applies'
    """

    kind: StatusKind
    failure_bound: float | None = None
    how_to_certify: str = ""
    degree: int | None = None
    lo: int | None = None
    hi: int | None = None
    reason: str = ""

    @classmethod
    def certified(cls) -> "Status":
        """Proved by an exact computation."""
        return cls(StatusKind.CERTIFIED)

    @classmethod
    def probabilistic(cls, failure_bound: float, how_to_certify: str = "") -> "Status":
        """Right except with probability at most ``failure_bound`` over the random choices."""
        return cls(StatusKind.PROBABILISTIC, failure_bound=failure_bound, how_to_certify=how_to_certify)

    @classmethod
    def complete_to_degree(cls, degree: int, reason: str = "", how_to_certify: str = "") -> "Status":
        """Complete in degrees ``<= degree`` (proved); higher degrees not examined."""
        return cls(StatusKind.COMPLETE_TO_DEGREE, degree=degree, reason=reason, how_to_certify=how_to_certify)

    @classmethod
    def bounds(cls, lo: int, hi: int, reason: str = "") -> "Status":
        """The answer lies between the proved bounds ``lo`` and ``hi``."""
        return cls(StatusKind.BOUNDS, lo=lo, hi=hi, reason=reason)

    @classmethod
    def undecided(cls, reason: str) -> "Status":
        """No answer; ``reason`` says why."""
        return cls(StatusKind.UNDECIDED, reason=reason)

    @property
    def is_certified(self) -> bool:
        """True exactly for the kind CERTIFIED."""
        return self.kind is StatusKind.CERTIFIED

    @property
    def label(self) -> str:
        """Short label: ``certified``, ``probabilistic``, ``complete up to degree d``,
        ``bounds lo..hi`` or ``undecided``."""
        if self.kind is StatusKind.COMPLETE_TO_DEGREE:
            return f"complete up to degree {self.degree}"
        if self.kind is StatusKind.BOUNDS:
            return f"bounds {self.lo}..{self.hi}"
        return self.kind.value

    def describe(self) -> str:
        """The label with its failure bound, reason and how to certify, in one line."""
        parts = [self.label]
        if self.kind is StatusKind.PROBABILISTIC and self.failure_bound is not None:
            parts.append(f"wrong with probability at most {self.failure_bound:.3g}")
        if self.reason:
            parts.append(self.reason)
        if self.how_to_certify:
            parts.append(f"to certify: {self.how_to_certify}")
        return parts[0] + (": " + "; ".join(parts[1:]) if len(parts) > 1 else "")

    def to_dict(self) -> dict[str, Any]:
        """The kind and its data, JSON-ready."""
        data: dict[str, Any] = {"kind": self.kind.name.lower(), "label": self.label}
        for name in ("failure_bound", "how_to_certify", "degree", "lo", "hi", "reason"):
            value = getattr(self, name)
            if value not in (None, ""):
                data[name] = value
        return data

    def __str__(self) -> str:
        return self.label

    def __format__(self, spec: str) -> str:
        return format(self.label, spec)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, str):
            return self.label == other
        if isinstance(other, Status):
            return dataclasses.astuple(self) == dataclasses.astuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(dataclasses.astuple(self))


@dataclass(frozen=True)
class Witness:
    """A witness of an answer: an end-to-end filter, its layers, or both, as exact text.

    Attributes
    ----------
    filter : tuple of str
        End-to-end filter coefficients (exact numbers, or Arb balls when ``exact`` is False),
        in the order of :attr:`lcnalg.Architecture.end_to_end_filter_shape` flattened.
    layers : tuple of tuple of str
        One filter per layer, first layer first (empty when only the filter is known).
    exact : bool
        True when every entry is an exact number; otherwise entries are certified balls
        ``[mid +/- rad]`` enclosing the true values.
    note : str
        What the witness shows, in words.

    Examples
    --------
    >>> w = Witness(filter=("1", "0", "1"), layers=(("1", "1"), ("1", "-1")), note="z^2 + 1")
    >>> w.exact, len(w.layers)
    (True, 2)
    """

    filter: tuple[str, ...] = ()
    layers: tuple[tuple[str, ...], ...] = ()
    exact: bool = True
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Result:
    """Base of every result.

    Attributes
    ----------
    architecture : str
        The normalised architecture string the result is about.
    method : str
        How the answer was obtained, in words a reader can check.
    certified : bool
        True when an exact argument proves the answer.
    failure_probability : float or None
        For an uncertified answer, a proved upper bound on the probability that it
        is wrong (over the random choices); ``None`` when certified.
    how_to_certify : str
        For an uncertified answer, what exact computation would certify it.
    seed : int or None
        Seed of the random choices, if any.
    primes : tuple of int
        Primes used in modular steps.
    seconds : float
        Wall time of the computation.
    argument : str
        Why the answer holds (the proof, in words), when it is not evident from ``method``.
    limitations : str
        What the result does not claim.

    The :attr:`status` is derived from these fields (subclasses refine it from theirs).
    """

    architecture: str
    method: str
    certified: bool
    failure_probability: float | None = None
    how_to_certify: str = ""
    seed: int | None = None
    primes: tuple[int, ...] = ()
    seconds: float = 0.0
    argument: str = ""
    limitations: str = ""

    #: Short name of the answer, used by ``to_text``.
    title = "result"

    @property
    def status(self) -> Status:
        """How sure the answer is (a :class:`Status`; subclasses refine it from their fields)."""
        if self.certified:
            return Status.certified()
        if self.failure_probability is not None:
            return Status.probabilistic(self.failure_probability, self.how_to_certify)
        return Status.undecided(self.limitations or "not certified")

    def answer(self) -> Any:
        """The answer itself (subclasses override)."""
        raise TypeError(f"{type(self).__name__} has no single answer")

    def to_dict(self) -> dict[str, Any]:
        """All fields as JSON-ready data, plus ``status``."""
        data = jsonable(self)
        status = self.status
        data["status"] = status.label
        data["status_detail"] = status.to_dict()
        return data

    def to_json(self, indent: int | None = 2) -> str:
        """One JSON object with every field (exact numbers as ints or strings).

        Parameters
        ----------
        indent : int or None
            Spaces per level (0 to 16), or None for one line.
        """
        if indent is not None:
            indent = checks.integer(indent, "indent", low=0, high=17, form="an integer from 0 to 16, or None")
        # deferred: only JSON output needs it, and text output starts faster without it
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def provenance(self) -> str:
        """One line: the status with its failure bound or reason, and the method.

        Examples
        --------
        >>> from lcnalg import FunctionSpace
        >>> FunctionSpace("3,2 s=2").dimension.provenance()  # doctest: +ELLIPSIS
        'certified (...)'
        """
        status = self.status
        head = f"{status.label} ({self.method})"
        rest = status.describe()[len(status.label) + 2:]
        return f"{head}; {rest}" if rest else head

    def to_text(self) -> str:
        """Plain text for a terminal (subclasses override)."""
        return f"{self.title}: {self.answer()}  [{self.provenance()}]"

    def to_latex(self) -> str:
        """LaTeX, ready to paste (subclasses override)."""
        return str(self.answer())

    def _repr_latex_(self) -> str:
        """What Jupyter typesets: :meth:`to_latex` through :func:`~lcnalg.printing.notebook_latex`."""
        return notebook_latex(self.to_latex())

    def __str__(self) -> str:
        return self.to_text()


class Tabular:
    """Mixin of the results that are tables: they give :meth:`table`, and notebooks show it as
    an HTML table (``_repr_html_``, every text escaped) under a caption, with the status and
    the notes underneath.

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> s = FunctionSpace("2,2").stratification()
    >>> isinstance(s, Tabular), s.table()[0][:2]
    (True, ('stratum', 'dimension'))
    >>> s._repr_html_().startswith("<table><caption>strata of M[2,2]</caption>")
    True
    """

    def table(self) -> tuple[tuple[str, ...], list[tuple[Any, ...]]]:
        """The column names and the rows (a cell that is a tuple or list holds one item a line)."""
        raise NotImplementedError

    def table_caption(self) -> str:
        """The caption of :meth:`table`."""
        return f"{self.title} of {self.architecture}"   # type: ignore[attr-defined]

    def _repr_html_(self) -> str:
        header, rows = self.table()
        notes = [self.provenance()] + list(getattr(self, "notes", ()))   # type: ignore[attr-defined]
        return html_table(self.table_caption(), header, rows, notes)


@dataclass(frozen=True, kw_only=True)
class DimensionResult(Result):
    """Dimension of the function space, with the bounds that prove or support it.

    Attributes
    ----------
    value : int
        The dimension (the largest Jacobian rank found).
    lower_bound : int
        A proved lower bound: the exact rank of the Jacobian at a point.
    upper_bound : int
        A proved upper bound: parameters minus the ``L-1`` rescaling directions, and at
        most the number of coordinates that are not identically zero.
    ambient_dimension : int
        Number of entries of the end-to-end filter.

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> d = FunctionSpace("2x2,2x2").dimension
    >>> d.value, d.certified, int(d) == 7
    (7, True, True)
    """

    value: int
    lower_bound: int
    upper_bound: int
    ambient_dimension: int

    title = "dimension"

    def answer(self) -> int:
        return self.value

    def __int__(self) -> int:
        return self.value

    def __index__(self) -> int:
        return self.value

    def to_latex(self) -> str:
        return rf"\dim {function_space_symbol(self.architecture)} = {self.value}"

    def to_text(self) -> str:
        return f"{self.value}  [{self.provenance()}]"




@dataclass(frozen=True, kw_only=True)
class DegreeResult(Result):
    """Degree of the neurovariety ``V`` from the generic fibre of μ: ``deg V = deg SV / |F|``.

    Attributes
    ----------
    value : int or None
        ``deg V`` (None when undecided).
    fibre_size : int or None
        ``|F|``, the points of a generic fibre of μ modulo rescaling.
    segre_degree : int
        Degree of the Segre (linear network) or Segre–Veronese (activation ``r ≥ 2``) variety
        that μ projects finitely onto ``V``.

    Its :attr:`status` is certified (exact 1D count), probabilistic (with the failure bound of
    the random choices it covers, or none known) or undecided (with the reason).

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> d = FunctionSpace("2,2,2 r=2").degree
    >>> d.value, d.fibre_size, d.segre_degree, d.status == "probabilistic"
    (48, 1, 48, True)
    >>> FunctionSpace("3,2 s=2").degree.to_text()  # doctest: +ELLIPSIS
    '3  [certified (...)]'
    """

    value: int | None
    fibre_size: int | None
    segre_degree: int

    title = "degree"

    @property
    def status(self) -> Status:
        """Certified, probabilistic (failure bound possibly unknown) or undecided."""
        if self.value is None:
            return Status.undecided(self.limitations or "the fibre count did not decide")
        if self.certified:
            return Status.certified()
        return Status(StatusKind.PROBABILISTIC, failure_bound=self.failure_probability,
                      how_to_certify=self.how_to_certify, reason=self.limitations)

    def answer(self) -> int | None:
        return self.value

    def to_text(self) -> str:
        return f"{'undecided' if self.value is None else self.value}  [{self.provenance()}]"

    def to_latex(self) -> str:
        value = "?" if self.value is None else str(self.value)
        return rf"\deg {function_space_symbol(self.architecture)} = {value}"


@dataclass(frozen=True, kw_only=True)
class ArchitectureSummary(Result):
    r"""An architecture at a glance: its shape, its parameterization and its function space.

    Returned by :meth:`lcnalg.FunctionSpace.summary` (and printed by ``lcnalg info``).  Its
    :attr:`status` is that of the dimension, the only computed answer in it.

    Attributes
    ----------
    D : int
        Number of axes (1 for sequences, 2 for images, ...).
    L : int
        Number of layers.
    filters, strides : tuple of tuple of int
        Filter size and stride of each layer along each axis.
    end_to_end_filter_shape : tuple of int
        Shape of the end-to-end filter.
    num_parameters : int
        Number of weights.
    parameterization : dict of str to str
        Each coordinate name with its polynomial in the weights (``*`` and ``^``).
    dimension : int
        Dimension of the function space.
    dimension_status : Status
        How sure the dimension is.
    ambient_dimension : int
        Number of entries of the end-to-end filter.
    is_filling : bool
        True when the dimension equals the ambient dimension (otherwise the space is thin).
    degree : DegreeResult or None
        Degree of the neurovariety with its status (None when not asked for).

    Examples
    --------
    >>> from lcnalg import FunctionSpace
    >>> s = FunctionSpace("3,2 s=2").summary()
    >>> s.dimension, s.ambient_dimension, s.is_filling, s.status == "certified"
    (4, 5, False, True)
    >>> print(s.to_text())  # doctest: +ELLIPSIS
    architecture       3,2 s=2
    axes (D)           1
    layers (L)         2
    filters            3, 2
    strides            2, 1
    end-to-end filter  5
    parameters         5
    parameterization
      c0 = w1_0*w2_0
      c1 = w1_1*w2_0
      c2 = w1_2*w2_0 + w1_0*w2_1
      c3 = w1_1*w2_1
      c4 = w1_2*w2_1
    dimension          4  [certified (...)]
    ambient dimension  5
    filling            no (thin)
    degree             3  [certified (...)]
    >>> s.to_latex().splitlines()[1]
    '$\\dim \\mathcal{M}_{\\texttt{3,2 s=2}} = 4$ in $\\mathbb{R}^{5}$ (thin; certified).'
    """

    D: int
    L: int
    filters: tuple[tuple[int, ...], ...]
    strides: tuple[tuple[int, ...], ...]
    end_to_end_filter_shape: tuple[int, ...]
    num_parameters: int
    parameterization: dict[str, str] = field(default_factory=dict, hash=False)
    dimension: int
    dimension_status: Status
    ambient_dimension: int
    is_filling: bool
    degree: "DegreeResult | None" = None

    title = "architecture summary"
    #: Terms shown per coordinate, and coordinates shown, unless ``full``.
    ABBREVIATE_TERMS = 6
    ABBREVIATE_COORDINATES = 12

    @property
    def status(self) -> Status:
        """The status of the dimension."""
        return self.dimension_status

    def answer(self) -> int:
        """The dimension of the function space."""
        return self.dimension

    def to_dict(self) -> dict[str, Any]:
        """All fields, with ``degree`` the degree of V (or None), ``degree_status`` its status
        label and ``degree_detail`` the whole degree result."""
        data = super().to_dict()
        if self.degree is not None:
            data["degree"] = self.degree.value
            data["degree_status"] = self.degree.status.label
            data["degree_detail"] = self.degree.to_dict()
        return data

    @staticmethod
    def abbreviate(text: str, max_terms: int | None) -> str:
        """A polynomial's text cut after ``max_terms`` terms, with the number of terms.

        Examples
        --------
        >>> ArchitectureSummary.abbreviate("x^3 + 3*x^2*y + 3*x*y^2 + y^3", 2)
        'x^3 + 3*x^2*y + … (4 terms)'
        >>> ArchitectureSummary.abbreviate("-x - y", 2)
        '-x - y'
        """
        cuts = [i for i in range(1, len(text) - 2) if text[i] == " " and text[i + 1] in "+-"
                and text[i + 2] == " "]
        if max_terms is None or len(cuts) < max_terms:
            return text
        return f"{text[:cuts[max_terms - 1]]} + … ({len(cuts) + 1} terms)"

    def to_text(self, full: bool = False) -> str:
        """The summary as aligned rows; coordinates abbreviated unless ``full``."""
        full = checks.flag(full, "full", none=False)
        width = 19
        rows = [
            ("architecture", self.architecture),
            ("axes (D)", str(self.D)),
            ("layers (L)", str(self.L)),
            ("filters", ", ".join("x".join(map(str, f)) for f in self.filters)),
            ("strides", ", ".join("x".join(map(str, s)) for s in self.strides)),
            ("end-to-end filter", "x".join(map(str, self.end_to_end_filter_shape))),
            ("parameters", str(self.num_parameters)),
        ]
        out = [f"{k:<{width}}{v}" for k, v in rows]
        out.append("parameterization")
        coords = list(self.parameterization.items())
        shown = coords if full or len(coords) <= self.ABBREVIATE_COORDINATES else coords[:self.ABBREVIATE_COORDINATES]
        for name, text in shown:
            out.append(f"  {name} = {self.abbreviate(text, None if full else self.ABBREVIATE_TERMS)}")
        if len(shown) < len(coords):
            out.append(f"  … {len(coords) - len(shown)} more coordinates (use --full)")
        out.append(f"{'dimension':<{width}}{self.dimension}  [{self.provenance()}]")
        out.append(f"{'ambient dimension':<{width}}{self.ambient_dimension}")
        out.append(f"{'filling':<{width}}{'yes (filling)' if self.is_filling else 'no (thin)'}")
        if self.degree is not None:
            out.append(f"{'degree':<{width}}{self.degree.to_text()}")
        return "\n".join(out)

    def _headline(self) -> str:
        kind = "filling" if self.is_filling else "thin"
        return (f"$\\dim {function_space_symbol(self.architecture)} = {self.dimension}$ in "
                f"$\\mathbb{{R}}^{{{self.ambient_dimension}}}$ "
                f"({kind}; {'certified' if self.certified else 'probabilistic'}).")

    def to_latex(self) -> str:
        """A comment line, the dimension sentence and every coordinate in an ``align*``."""
        import sympy  # sympy is imported only when LaTeX is asked for

        lines = [(poly_latex(sympy.Symbol(name)), poly_latex(sympy.sympify(text.replace("^", "**"))))
                 for name, text in self.parameterization.items()]
        return f"% lcnalg info {self.architecture}\n{self._headline()}\n" + align(lines)

    def _repr_latex_(self) -> str:
        return self._headline()




@dataclass(frozen=True, kw_only=True)
class CriticalPointsResult(Result):
    r"""Complex critical points of a quadratic loss over a network, counted exactly.

    Returned by :func:`lcnalg.landscape.critical_points` and
    :meth:`lcnalg.FunctionSpace.critical_points`.  Its :attr:`status` is probabilistic (the
    random chart and saturation, docs/theory.md#loss-critical-points) with the failure bound
    in ``failure_probability``, or undecided when the system is not zero-dimensional.

    Attributes
    ----------
    data : str
        The loss: its kind and where it comes from.
    complex_critical_points : int or None
        Critical points in parameter space modulo rescaling at which μ is not critical,
        counted with multiplicity (None when there are infinitely many).
    distinct_critical_points : int or None
        The same, counted without multiplicity.
    function_space_critical_points : int or None
        Their distinct images: the critical points of the loss on the neurovariety (at
        μ-regular points); for a generic form the ED degree.
    fibre_sizes : dict of int to int
        Fibre size (with multiplicity) → number of function-space critical points with it.
    ed_degree_segre : int
        The generic ED degree of the Segre ``P^{|k_1|-1} × ⋯ × P^{|k_L|-1}`` (closed formula);
        with an activation ``r ≥ 2`` still the Segre value of the same filter sizes (the linear
        network's), kept for comparison.
    bezout_number : int
        ``(2L-1)^r``, the Bézout bound of the system.
    loss_kind : str
        ``data``, ``generic``, ``identity`` or ``given``.
    mu_critical_points : int or None
        Isolated critical points (with multiplicity, modulo rescaling, last layer non-zero) at
        which μ is critical, found and set aside; None when they were removed by saturation
        without being counted.
    over_q : bool
        True when counted over Q (verified Gröbner basis), False for a count modulo a prime.
    real_critical_points : tuple or None
        The real critical points, exactly isolated and classified
        (:class:`lcnalg.landscape.real_critical_points.RealCriticalPoint`), when asked for.
    ed_degree_segre_veronese : int or None
        With an activation ``r ≥ 2``: the generic ED degree of the Segre–Veronese variety
        ``P^{|k_1|-1} × ⋯ × P^{|k_L|-1}`` embedded by ``O(r^{L-1}, …, r, 1)``, of which μ is a
        linear image (closed formula); None for a linear network (there it is ``ed_degree_segre``).

    Examples
    --------
    >>> r = CriticalPointsResult(architecture="2,2 s=2", method="m", certified=False,
    ...     failure_probability=1e-6, data="generic", complex_critical_points=6,
    ...     distinct_critical_points=6, function_space_critical_points=6, fibre_sizes={1: 6},
    ...     ed_degree_segre=6, bezout_number=27, loss_kind="generic")
    >>> r.answer(), r.status == "probabilistic", r.matches_segre
    (6, True, True)
    """

    data: str
    complex_critical_points: int | None
    distinct_critical_points: int | None
    function_space_critical_points: int | None
    fibre_sizes: dict[int, int] = field(default_factory=dict, hash=False)
    ed_degree_segre: int
    bezout_number: int
    loss_kind: str
    mu_critical_points: int | None = None
    over_q: bool = False
    real_critical_points: tuple[Any, ...] | None = None
    ed_degree_segre_veronese: int | None = None

    title = "complex critical points"

    def answer(self) -> int | None:
        """The number of complex critical points (with multiplicity), None if infinite."""
        return self.complex_critical_points

    @property
    def matches_segre(self) -> bool | None:
        """Whether the count equals the Segre ED degree (None when not counted)."""
        if self.complex_critical_points is None:
            return None
        return self.complex_critical_points == self.ed_degree_segre

    @property
    def matches_segre_veronese(self) -> bool | None:
        """Whether the count equals the Segre–Veronese ED degree (None when not counted or linear)."""
        if self.complex_critical_points is None or self.ed_degree_segre_veronese is None:
            return None
        return self.complex_critical_points == self.ed_degree_segre_veronese

    def to_text(self) -> str:
        """Aligned rows: the counts, the Segre value, the fibres and the provenance."""
        def show(v: Any) -> str:
            return "infinitely many" if v is None else str(v)
        rows = [
            ("architecture", self.architecture),
            ("loss", self.data),
            ("parameter space", f"{show(self.complex_critical_points)} with multiplicity, "
                                f"{show(self.distinct_critical_points)} distinct (modulo rescaling)"),
            ("function space", show(self.function_space_critical_points)),
            ("mu critical", "not counted" if self.mu_critical_points is None
                            else f"{self.mu_critical_points} isolated critical points set aside"),
            ("fibre sizes", ", ".join(f"{n} point(s) with fibre {s}" for s, n in self.fibre_sizes.items()) or "-"),
            ("Segre ED degree", f"{self.ed_degree_segre}"
                                + (" (the linear network's, for comparison)" if self.ed_degree_segre_veronese is not None
                                   else "" if self.matches_segre is None else
                                   " (equal)" if self.matches_segre else " (different)")),
            ("status", self.provenance()),
        ]
        if self.ed_degree_segre_veronese is not None:
            rows.insert(-1, ("S-Veronese ED", f"{self.ed_degree_segre_veronese}"
                                              + ("" if self.matches_segre_veronese is None else
                                                 " (equal)" if self.matches_segre_veronese else " (different)")))
        text = "\n".join(f"{k:<17}{v}" for k, v in rows)
        if self.real_critical_points is not None:
            lines = [f"real points      {len(self.real_critical_points)} (exact, classified)"]
            lines += [p.line(i) for i, p in enumerate(self.real_critical_points, 1)]
            text += "\n" + "\n".join(lines)
        return text

    def to_latex(self) -> str:
        """One sentence with the counts and the Segre value."""
        n = "\\infty" if self.complex_critical_points is None else str(self.complex_critical_points)
        f = "\\infty" if self.function_space_critical_points is None else str(self.function_space_critical_points)
        return (f"% lcnalg critical-points {self.architecture}\n"
                f"${function_space_symbol(self.architecture)}$: ${n}$ complex critical points in parameter "
                f"space (modulo rescaling), ${f}$ on the neurovariety; generic ED degree of the Segre "
                f"variety ${self.ed_degree_segre}$ ({self.status.label}).")


@dataclass(frozen=True, kw_only=True)
class InvariantsResult(Result):
    r"""Conserved quantities of the gradient flows of every loss ``ℓ∘μ``, and their number.

    Returned by :func:`lcnalg.flow.invariants` and :meth:`lcnalg.FunctionSpace.invariants`.
    Certified when the identities hold in ``Z[w]`` and the Lie-algebra bound meets the
    number of independent quantities (docs/theory.md#conserved-quantities-monomial);
    otherwise its status gives the bounds ``lower..upper``.

    Attributes
    ----------
    invariants : tuple of str
        ``δ_l = r‖w_{l+1}‖² − ‖w_l‖²`` as sympy-parsable strings in the parameter names.
    num_independent : int or None
        The number of independent conserved functions (``L − 1``) when proved, else None.
    lower, upper : int
        Proved bounds on that number (independent quantities found; ``N`` minus the Lie rank).
    euler_identities, orthogonality : bool
        Whether Euler's identities and ``⟨∇δ_l, ∇μ_m⟩ = 0`` hold as identities in ``Z[w]``.
    gradients_rank : int
        Exact rank of the gradients of the ``δ_l`` at the random point.
    lie_rank, lie_depth : int
        Rank at the random point of the brackets of the fields ``∇μ_m``, and the depth reached.
    lie_rank_by_depth : tuple of int
    num_parameters : int

    Examples
    --------
    >>> r = InvariantsResult(architecture="2,2", method="m", certified=True, invariants=("w2_0**2 - w1_0**2",),
    ...     num_independent=1, lower=1, upper=1, euler_identities=True, orthogonality=True,
    ...     gradients_rank=1, lie_rank=3, lie_depth=1, lie_rank_by_depth=(3,), num_parameters=4)
    >>> r.answer(), r.status.label
    (1, 'certified')
    """

    invariants: tuple[str, ...]
    num_independent: int | None
    lower: int
    upper: int
    euler_identities: bool
    orthogonality: bool
    gradients_rank: int
    lie_rank: int
    lie_depth: int
    lie_rank_by_depth: tuple[int, ...]
    num_parameters: int

    title = "conserved quantities"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        return Status.bounds(self.lower, self.upper, self.limitations)

    def answer(self) -> int | None:
        """The number of independent conserved functions (None when only bounded)."""
        return self.num_independent

    def to_text(self) -> str:
        """The quantities, one a line, then the count and the checks."""
        rows = [("architecture", self.architecture)]
        rows += [(f"delta_{l}", q) for l, q in enumerate(self.invariants, start=1)]
        count = self.num_independent if self.num_independent is not None else f"{self.lower}..{self.upper}"
        rows += [
            ("independent", f"{count} (N = {self.num_parameters}, Lie rank {self.lie_rank} at depth {self.lie_depth})"),
            ("identities", f"Euler {'holds' if self.euler_identities else 'FAILS'}, "
                           f"<grad delta, grad mu> = 0 {'holds' if self.orthogonality else 'FAILS'} in Z[w]"),
            ("status", self.provenance()),
        ]
        return "\n".join(f"{k:<14}{v}" for k, v in rows)

    def to_latex(self) -> str:
        """The quantities as a LaTeX list with the count."""
        import sympy

        items = ",\\quad ".join(f"\\delta_{{{l}}} = {poly_latex(sympy.sympify(q))}"
                                for l, q in enumerate(self.invariants, start=1))
        count = self.num_independent if self.num_independent is not None else f"{self.lower}..{self.upper}"
        return (f"% lcnalg invariants {self.architecture}\n"
                f"${items}$ ({count} independent conserved function(s), {self.status.label}).")


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


@dataclass(frozen=True, kw_only=True)
class FlowResult(Result):
    r"""A numerically integrated gradient-flow trajectory, with what it must conserve.

    Returned by :func:`lcnalg.flow.flow`.  Numerical (float64): its status is undecided with
    the reason, and the drift of the conserved quantities and the function-space residual
    measure its accuracy.

    Attributes
    ----------
    loss : str
        Where the loss comes from.
    t_max, rtol, atol : float
    success : bool
        Whether the integrator reached ``t_max``.
    message : str
        The integrator's message, or why it stopped.
    evaluations : int
        Right-hand-side evaluations.
    times : tuple of float
    parameters, functions : tuple of tuple of float
        ``θ(t)`` and ``w(t) = μ(θ(t))`` at the reported times.
    losses : tuple of float
    invariants_initial : tuple of float
        ``δ_l(θ(0))``.
    drift : tuple of float
        ``max_t |δ_l(θ(t)) − δ_l(θ(0))|`` per conserved quantity.
    function_space_residual : float or None
        Largest relative residual of ``ẇ = −K ∇ℓ(w)`` at the reported times.
    loss_non_increasing : bool
    nearest_critical_point : dict or None
        The exact real critical point of the loss nearest to the end point in function space
        (label, distance, its loss, whether it is the global minimum, whether the distance is
        below a quarter of the least separation of the exact points); a distance, not a proof
        that the flow converges there.
    """

    loss: str
    t_max: float
    rtol: float
    atol: float
    success: bool
    message: str
    evaluations: int
    times: tuple[float, ...]
    parameters: tuple[tuple[float, ...], ...]
    functions: tuple[tuple[float, ...], ...]
    losses: tuple[float, ...]
    invariants_initial: tuple[float, ...]
    drift: tuple[float, ...]
    function_space_residual: float | None
    loss_non_increasing: bool
    nearest_critical_point: dict[str, Any] | None = None

    title = "gradient flow"

    def answer(self) -> dict[str, Any]:
        """The final loss and the largest drift."""
        return {"final_loss": self.losses[-1], "max_drift": max(self.drift, default=0.0)}

    def to_text(self) -> str:
        """Aligned rows: the run, the end point, the drift and the checks."""
        fmt = lambda xs: ", ".join(f"{x:.6g}" for x in xs)  # noqa: E731
        res = "-" if self.function_space_residual is None else f"{self.function_space_residual:.3g}"
        rows = [
            ("architecture", self.architecture),
            ("loss", self.loss),
            ("integration", f"{'reached' if self.success else 'STOPPED before'} t = {self.t_max:g} "
                            f"({self.evaluations} evaluations): {self.message}"),
            ("loss", f"{self.losses[0]:.6g} -> {self.losses[-1]:.6g}"
                     + ("" if self.loss_non_increasing else " (NOT monotone)")),
            ("final theta", fmt(self.parameters[-1])),
            ("final w", fmt(self.functions[-1])),
            ("delta(0)", fmt(self.invariants_initial) or "-"),
            ("drift", fmt(self.drift) or "-"),
            ("w' = -K grad", f"largest relative residual {res}"),
        ]
        if self.nearest_critical_point is not None:
            p = self.nearest_critical_point
            rows.append(("nearest exact", f"{p['label']}{' (global minimum)' if p['is_global_minimum'] else ''} at "
                                          f"distance {p['distance']:.3g}, loss {p['loss']:.6g}"
                                          + (" (within a quarter of their separation)"
                                             if p['within_quarter_separation'] else "")))
        rows += [
            ("status", self.provenance()),
        ]
        return "\n".join(f"{k:<14}{v}" for k, v in rows)

    def to_latex(self) -> str:
        """One sentence: the loss decrease and the drift."""
        return (f"% lcnalg flow {self.architecture}\n"
                f"${function_space_symbol(self.architecture)}$: gradient flow to $t = {self.t_max:g}$, loss "
                f"${self.losses[0]:.6g} \\to {self.losses[-1]:.6g}$, largest drift of a conserved $\\delta_l$ "
                f"${max(self.drift, default=0.0):.3g}$ (DOP853, float64"
                + ("" if self.success else f"; stopped before $t_{{\\max}}$: {self.message}") + ").")


@dataclass(frozen=True, kw_only=True)
class MetricFormulaResult(Result):
    r"""The metric ``K`` of a two-layer linear network as an explicit function of ``(w, δ)``.

    Returned by :func:`lcnalg.flow.closed_form.two_layer_metric_formula`:
    ``K = (ρ(G_1 + G_2) + δ(G_1 − G_2)) / (2P)`` with ``ρ = √(δ² + 4P)``.

    Attributes
    ----------
    available : bool
        False when the Segre coordinates ``u_i v_j`` are not rational in ``w`` (then no
        formula of this form exists; ``argument`` says which).
    P : str
        ``‖u‖²‖v‖²`` as a rational function of ``w``.
    G1, G2 : tuple of tuple of str
        ``‖u‖² K_1(v)`` and ``‖v‖² K_2(u)`` as rational functions of ``w``.
    formula : str
    points_checked : int
        Random rational points where the formula was verified exactly.
    """

    available: bool
    P: str
    G1: tuple[tuple[str, ...], ...]
    G2: tuple[tuple[str, ...], ...]
    formula: str
    points_checked: int

    title = "metric formula"

    def answer(self) -> str:
        return self.formula if self.available else "none"

    def to_text(self) -> str:
        """The formula and the rational functions, one a line."""
        if not self.available:
            return f"architecture  {self.architecture}\nformula       none: {self.argument}"
        m = len(self.G1)
        lines = [f"architecture  {self.architecture}", f"formula       {self.formula}", f"P             {self.P}"]
        for name, G in (("G1", self.G1), ("G2", self.G2)):
            for i in range(m):
                for j in range(i, m):
                    if G[i][j] != "0":
                        lines.append(f"{name}[{i},{j}]{'':<{max(1, 7 - len(str(i)) - len(str(j)))}}{G[i][j]}")
        lines.append(f"checked       exactly at {self.points_checked} random rational points")
        lines.append(f"status        {self.provenance()}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        """The formula and ``P``."""
        import sympy

        if not self.available:
            return f"% lcnalg metric --formula {self.architecture}\nno formula: {self.argument}"
        return (f"% lcnalg metric --formula {self.architecture}\n"
                f"$K = \\frac{{\\rho (G_1 + G_2) + \\delta (G_1 - G_2)}}{{2P}},\\ \\rho = \\sqrt{{\\delta^2 + 4P}},\\ "
                f"P = {sympy.latex(sympy.sympify(self.P))}$")


@dataclass(frozen=True, kw_only=True)
class HessianRankResult(Result):
    """Ranks of the loss Hessian ``H_L = H_o + H_F`` of a linear network at one point.

    Attributes
    ----------
    num_parameters : int
        Number of weights.
    rank_loss, rank_outer, rank_functional : int
        Exact ranks of ``H_L``, ``H_o``, ``H_F`` at the point (over Q): lower bounds for the
        generic ranks over the weights, for these data.
    bounds : dict
        Upper bounds, each ``{"loss", "outer", "functional", "status", "source"}``.
    num_samples, data_rank : int
        ``N`` and the rank of ``X Xᵀ``.
    certified_parts : dict
        Per part: True when the rank meets a proved upper bound of the generic rank.
    """

    num_parameters: int
    rank_loss: int
    rank_outer: int
    rank_functional: int
    bounds: dict
    num_samples: int
    data_rank: int
    certified_parts: dict
    title = "Hessian ranks"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        open_parts = ", ".join(k for k, v in self.certified_parts.items() if not v)
        sketched = ("" if self.failure_probability is None else
                    f"; the ranks at the point are sketched: equal to the modular ranks except with probability "
                    f"<= {self.failure_probability:.1e} (to confirm: {self.how_to_certify})")
        return Status.undecided(f"generic rank of {open_parts}: the rank at a random point is a lower bound, "
                                "below the proved upper bounds" + sketched)

    def answer(self) -> dict[str, int]:
        return {"loss": self.rank_loss, "outer": self.rank_outer, "functional": self.rank_functional}

    def to_text(self) -> str:
        lines = [f"{self.title} of {self.architecture} ({self.num_parameters} weights, N={self.num_samples}, "
                 f"rank XX^T={self.data_rank}): H_L {self.rank_loss}, H_o {self.rank_outer}, "
                 f"H_F {self.rank_functional}  [{self.provenance()}]"]
        for name, b in self.bounds.items():
            lines.append(f"  bound {name} ({b['status']}): H_L <= {b['loss']}, H_o <= {b['outer']}, "
                         f"H_F <= {b['functional']}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        return (rf"\operatorname{{rank}} H_L = {self.rank_loss},\ \operatorname{{rank}} H_o = {self.rank_outer},"
                rf"\ \operatorname{{rank}} H_F = {self.rank_functional}")
__all__ += ["HessianRankResult"]


@dataclass(frozen=True)
class PowerLawFit:
    """Least-squares fit of ``log y = a + b log x`` (a power law ``y ≈ e^a x^b``).

    A statistic of floating-point logarithms: the normal equations are solved exactly over Q
    on the float logs, so the only rounding is that of the logarithms themselves.

    Attributes
    ----------
    exponent : float
        ``b``.
    intercept : float
        ``a``.
    stderr : float or None
        Standard error of ``b``, ``sqrt(RSS / (n − 2) / Σ (log x_i − mean)²)``; None with
        fewer than three points.
    points : int
        ``n``, the points fitted.
    residual : float
        ``RSS``, the sum of the squared residuals of the logs.
    target : float
        The exponent the fit is compared with (``1/2`` for the Hessian ranks).
    near_target : bool or None
        ``|b − target| ≤ 2 · stderr``; None when there is no standard error.
    """

    exponent: float
    intercept: float
    stderr: float | None
    points: int
    residual: float
    target: float
    near_target: bool | None

    def verdict(self) -> str:
        """The comparison with the target exponent, in words."""
        if self.near_target is None:
            return f"undecided whether b is near {self.target:g} (fewer than 3 points: no standard error)"
        gap = abs(self.exponent - self.target)
        word = "near" if self.near_target else "not near"
        return f"b is {word} {self.target:g}: |b - {self.target:g}| = {gap:.3g} vs 2 stderr = {2 * self.stderr:.3g}"


@dataclass(frozen=True, kw_only=True)
class HessianSweepResult(Result):
    """Hessian ranks over a family of architectures, with the fitted growth exponent.

    Attributes
    ----------
    members : tuple of HessianRankResult
        One result per architecture, in the order of the family.
    fit : PowerLawFit or None
        ``log rank H_L = a + b log num_parameters`` over the members of positive rank; None
        with fewer than two distinct numbers of parameters.
    excluded : tuple of str
        Members left out of the fit (rank 0 has no logarithm).

    The ranks are exact; the fit is a floating-point statistic of them (never certified by
    itself); the result is certified when every member's ranks are.
    """

    members: tuple
    fit: PowerLawFit | None
    excluded: tuple[str, ...] = ()
    title = "Hessian rank sweep"

    @property
    def status(self) -> Status:
        if self.certified:
            return Status.certified()
        open_members = [m.architecture for m in self.members if not m.certified]
        shown = ", ".join(open_members[:5]) + (f" and {len(open_members) - 5} more" if len(open_members) > 5 else "")
        return Status.undecided(f"generic ranks of {shown}: the rank at a random point is a lower bound, "
                                "below the proved upper bounds")

    def answer(self) -> dict[str, Any]:
        if self.fit is None:
            return {"exponent": None, "stderr": None, "near_half": None}
        return {"exponent": self.fit.exponent, "stderr": self.fit.stderr, "near_half": self.fit.near_target}

    def table(self) -> list[tuple[str, int, int, int, int, bool]]:
        """Rows ``(architecture, num_parameters, rank_loss, rank_outer, rank_functional, certified)``."""
        return [(m.architecture, m.num_parameters, m.rank_loss, m.rank_outer, m.rank_functional, m.certified)
                for m in self.members]

    def fit_text(self) -> str:
        """The fitted line and the verdict, in one line."""
        if self.fit is None:
            return "fit: fewer than two distinct numbers of parameters of positive rank; no exponent"
        f = self.fit
        se = "n/a" if f.stderr is None else f"{f.stderr:.3g}"
        return (f"fit log(rank H_L) = a + b log(num_parameters) over {f.points} architectures (least squares "
                f"of float logs): b = {f.exponent:.4f} (stderr {se}), a = {f.intercept:.4f}; {f.verdict()}")

    def to_text(self) -> str:
        header = ("architecture", "params", "rank H_L", "rank H_o", "rank H_F", "certified")
        rows = [tuple(str(v) if not isinstance(v, bool) else ("yes" if v else "no") for v in row)
                for row in self.table()]
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = [f"{self.title} over {len(self.members)} architectures (seed {self.seed})"]
        for row in [header, *rows]:
            lines.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        lines.append(self.fit_text())
        if self.excluded:
            lines.append("left out of the fit (rank H_L = 0): " + ", ".join(self.excluded))
        lines.append(f"[{self.provenance()}]")
        return "\n".join(lines)

    def to_latex(self) -> str:
        body = [r"\begin{tabular}{lrrrrl}", r"architecture & $n$ & $\operatorname{rank} H_L$ & "
                r"$\operatorname{rank} H_o$ & $\operatorname{rank} H_F$ & certified \\ \hline"]
        for arch, n, rl, ro, rf, cert in self.table():
            body.append(rf"\texttt{{{arch}}} & {n} & {rl} & {ro} & {rf} & {'yes' if cert else 'no'} \\")
        body.append(r"\end{tabular}")
        if self.fit is not None:
            se = "" if self.fit.stderr is None else rf" \pm {self.fit.stderr:.3g}"
            body.append(rf"\[ \log \operatorname{{rank}} H_L \approx {self.fit.intercept:.4f} + "
                        rf"({self.fit.exponent:.4f}{se}) \log n \]")
        return "\n".join(body)
__all__ += ["PowerLawFit", "HessianSweepResult"]


@dataclass(frozen=True, kw_only=True)
class RegionsResult(Result):
    r"""The exact number of linear (activation) regions of a rectifier network, with the bounds
    of the literature beside it.

    Returned by :func:`lcnalg.regions.linear_regions`.  ``architecture`` describes the network
    (its layers); the count is certified (exact rational linear programming).

    Attributes
    ----------
    count : int
        Activation patterns of the hidden units whose region has nonempty interior in the domain
        (adjacent regions with the same affine map are *not* merged).
    domain : str
        ``R^n`` or the box.
    input_dimension : int
    hidden_widths : tuple of int
    upper_bound : int
        Serra, Tjandraatmadja and Ramalingam (2018), Theorem 1.
    product_bound : int
        ``prod_l sum_{j <= d_l} C(n_l, j)``, ``d_l = min(n_0..n_l)`` (Montúfar 2017).
    arrangement_bound : int or None
        ``sum_{j <= n} C(N, j)`` for one hidden layer of ``N`` units (Zaslavsky); ``None``
        for other depths.
    max_lower_bound : int or None
        Montúfar et al. (2014): the largest count over all weights of this dense architecture
        is at least this (``None`` for convolutions or a hidden layer narrower than the input).
    linear_programs : int
        Exact linear programs solved.
    work : int
        Tableau entries updated (what ``max_region_work`` bounds).
    regions : tuple of (str, tuple of str)
        Each region's activation pattern (one bit per hidden unit, layers separated by ``|``)
        and an exact point of it (every pre-activation nonzero there).
    """

    count: int
    domain: str
    input_dimension: int
    hidden_widths: tuple[int, ...]
    upper_bound: int
    product_bound: int
    arrangement_bound: int | None
    max_lower_bound: int | None
    linear_programs: int
    work: int
    regions: tuple[tuple[str, tuple[str, ...]], ...] = ()

    title = "linear regions"

    def answer(self) -> int:
        return self.count

    def to_text(self) -> str:
        """The count, the bounds beside it and the status, one a line."""
        lines = [f"network            {self.architecture}",
                 f"domain             {self.domain}",
                 f"linear regions     {self.count}  (activation patterns with nonempty interior)",
                 f"upper bound        {self.upper_bound}  (Serra, Tjandraatmadja, Ramalingam 2018, Theorem 1)",
                 f"product bound      {self.product_bound}  (Montufar 2017: prod_l sum_(j<=d_l) C(n_l, j))"]
        if self.arrangement_bound is not None:
            lines.append(f"arrangement bound  {self.arrangement_bound}  (one hidden layer: sum_(j<=n) C(N, j), "
                         "reached in general position)")
        if self.max_lower_bound is not None:
            lines.append(f"max over weights   >= {self.max_lower_bound}  (Montufar, Pascanu, Cho, Bengio 2014)")
        lines.append(f"linear programs    {self.linear_programs} exact ({self.work} tableau entries updated)")
        lines.append(f"status             {self.provenance()}")
        return "\n".join(lines)

    def to_latex(self) -> str:
        """A small table: the count and the bounds."""
        rows = [("linear regions", self.count), ("upper bound (Serra et al. 2018, Thm.~1)", self.upper_bound),
                ("product bound (Mont\\'ufar 2017)", self.product_bound)]
        if self.arrangement_bound is not None:
            rows.append(("arrangement bound $\\sum_{j\\le n}\\binom{N}{j}$", self.arrangement_bound))
        if self.max_lower_bound is not None:
            rows.append(("max.\\ over weights $\\ge$ (Mont\\'ufar et al. 2014)", self.max_lower_bound))
        body = " \\\\\n".join(f"{name} & {value}" for name, value in rows)
        return (f"% lcnalg regions: {self.architecture}; domain {self.domain}\n"
                f"\\begin{{tabular}}{{lr}}\n{body} \\\\\n\\end{{tabular}}")
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
def _tex_text(text: str) -> str:
    """Plain text made safe inside a LaTeX tabular cell."""
    out = str(text)
    for a, b in (("\\", r"\textbackslash{}"), ("&", r"\&"), ("%", r"\%"), ("$", r"\$"), ("#", r"\#"),
                 ("_", r"\_"), ("{", r"\{"), ("}", r"\}"), ("^", r"\^{}"), ("~", r"\~{}")):
        out = out.replace(a, b) if a != "\\" else out.replace(a, "\0")
    return out.replace("\0", r"\textbackslash{}")


@dataclass(frozen=True, kw_only=True)
class VerificationResult(Result):
    """The catalogued theorems checked over a family of architectures (``lcnalg verify``).

    Returned by :func:`lcnalg.theorems.verify.verify`.  ``architecture`` is the family's description.

    Attributes
    ----------
    num_architectures : int
        Architectures (or cases of another kind) in the family.
    family_kind : str
        ``architectures``, or the kind of the cases (``groups``, ``regions``, ``bases``).
    tallies : tuple of dict
        One per theorem: ``name``, ``status`` (proved/qualified/open), ``source``, ``statement``,
        ``latex``, ``tried`` (architectures it applies to), ``held``, ``not_applicable``,
        ``counterexamples`` (each ``architecture``, ``predicted``, ``observed``, ``witness``),
        ``undecided`` (each ``architecture``, ``reason``, and ``predicted`` and ``observed`` where
        a value was computed without certificate) and ``errors`` (checks whose computation
        raised an internal error, a bug in lcnalg: each ``architecture``, ``reason``).
    """

    num_architectures: int
    tallies: tuple
    family_kind: str = "architectures"
    title = "verification"

    @property
    def counterexamples(self) -> int:
        """Number of counterexamples over all theorems."""
        return sum(len(t["counterexamples"]) for t in self.tallies)

    @property
    def status(self) -> Status:
        if self.counterexamples:
            return Status.certified() if self.certified else Status.undecided(self.limitations)
        open_ = sum(len(t["undecided"]) for t in self.tallies)
        return Status.certified() if self.certified else Status.undecided(
            f"{open_} checks undecided" if open_ else (self.limitations or "not every check is certified"))

    def answer(self) -> dict[str, int]:
        return {t["name"]: len(t["counterexamples"]) for t in self.tallies}

    def rows(self) -> list[tuple[str, str, int, int, int, int, int]]:
        """``(theorem, status, tried, held, counterexamples, undecided, errors)`` per theorem."""
        return [(t["name"], t["status"], t["tried"], t["held"], len(t["counterexamples"]), len(t["undecided"]),
                 len(t.get("errors", ()))) for t in self.tallies]

    def to_text(self) -> str:
        """A table per theorem, then every counterexample with its witness and every undecided
        case with its reason."""
        head = ("theorem", "status", "tried", "held", "counterex.", "undecided", "errors")
        rows = [tuple(map(str, r)) for r in self.rows()]
        widths = [max(len(x) for x in col) for col in zip(head, *rows)]
        line = lambda r: "  ".join(x.ljust(w) for x, w in zip(r, widths)).rstrip()  # noqa: E731
        what = "architectures" if self.family_kind == "architectures" else f"cases ({self.family_kind})"
        out = [f"{self.title} of {len(self.tallies)} theorems on {self.num_architectures} {what} "
               f"({self.architecture}, seed {self.seed})", line(head)]
        out += [line(r) for r in rows]
        for t in self.tallies:
            for c in t["counterexamples"]:
                out.append(f"COUNTEREXAMPLE {t['name']} at {c['architecture']}: predicted {c['predicted']}, "
                           f"computed {c['observed']}; witness: {c['witness']}")
            for u in t["undecided"]:
                values = (f" (computed {u['observed']}, predicted {u['predicted']})"
                          if u.get("observed") and u.get("predicted") else "")
                out.append(f"undecided {t['name']} at {u['architecture']}{values}: {u['reason']}")
            for e in t.get("errors", ()):
                out.append(f"ERROR {t['name']} at {e['architecture']}: {e['reason']}")
        return "\n".join(out)

    def to_latex(self) -> str:
        """A ``tabular`` with one row per theorem, its statement and source, and the witnesses."""
        out = [f"% lcnalg verify: {self.architecture} (seed {self.seed})",
               r"\begin{tabular}{llrrrrr}",
               r"theorem & status & tried & held & counterexamples & undecided & errors \\ \hline"]
        out += [" & ".join(_tex_text(x) for x in map(str, r)) + r" \\" for r in self.rows()]
        out.append(r"\end{tabular}")
        out.append(r"\begin{itemize}")
        for t in self.tallies:
            out.append(rf"\item \texttt{{{_tex_text(t['name'])}}} ({_tex_text(t['status'])}; "
                       rf"{_tex_text(t['source'])}): ${t['latex']}$")
            for c in t["counterexamples"]:
                out.append(rf"  counterexample at \texttt{{{_tex_text(c['architecture'])}}}: {_tex_text(c['witness'])}")
            for e in t.get("errors", ()):
                out.append(rf"  internal error at \texttt{{{_tex_text(e['architecture'])}}}: {_tex_text(e['reason'])}")
        out.append(r"\end{itemize}")
        return "\n".join(out)
__all__ += ["VerificationResult"]
