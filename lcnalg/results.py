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
from lcnalg.printing import align, function_space_symbol, html_table, notebook_latex, poly_latex, polynomial_expr

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

        lines = [(poly_latex(sympy.Symbol(name)), poly_latex(polynomial_expr(text)))
                 for name, text in self.parameterization.items()]
        return f"% lcnalg info {self.architecture}\n{self._headline()}\n" + align(lines)

    def _repr_latex_(self) -> str:
        return self._headline()
