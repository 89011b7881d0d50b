"""Families of cases other than architectures: groups with actions, seeded random rectifier
networks, and architectures with filter bases.

A catalogued statement is indexed by one *family kind* (:attr:`Theorem.family_kind
<lcnalg.theorems.base.Theorem.family_kind>`): ``architectures`` (the default, an
:class:`~lcnalg.architecture.Architecture`), ``groups`` (a :class:`GroupCase`: a finite
permutation group and the sets ``X``, ``Y`` it acts on), ``regions`` (a :class:`RegionsCase`: a
dense rectifier network with ``n_0`` inputs, given hidden widths and exact rational weights drawn
from a seed) and ``bases`` (a :class:`BasisCase`: an architecture and a filter basis).  A case is
a frozen value whose text names it completely, so a counterexample's witness can be reproduced
from that text alone.

A family specification of such a kind starts with the kind's word, followed by whitespace
separated ``key=value`` fields (:data:`KIND_FIELDS`):

* ``groups group=C3..6,D3..4,S3..4 on=points,pairs to=points``: every group of the list (a letter
  C, D, S or A with a degree or a range of degrees, or ``icosahedron``; D needs a degree of at
  least 3) with every set ``on`` and every set ``to`` (``points``, ``pairs``, ``regular``,
  ``tuples:<k>`` with k from 1 to 3; ``faces``, ``vertices``, ``edges`` of the icosahedron);
* ``regions inputs=1..3 layers=1 neurons=2..6 seeds=0..2``: every input dimension, every
  number of hidden layers, every width of each hidden layer (chosen independently) and every
  seed; the network's weights are integers in ``[-9, 9]`` and its biases rationals with
  denominators up to 5, drawn with the seed (:meth:`RegionsCase.network`);
* ``bases ndim=1 layers=2 filters=2..3 strides=1..2 basis=identity,polynomial,haar,separable
  size=1..2``: every architecture of the architecture fields (as in
  :mod:`lcnalg.theorems.verify`, linear and one channel) with every basis family and size (the
  identity basis has no size).

:func:`lcnalg.theorems.verify.family` forms the cases; their number is computed from the fields
before any case is formed and refused beyond ``Limits.max_family_size``.  A malformed
specification is one :class:`~lcnalg.errors.InputError` line naming ``--family``.

Examples
--------
>>> kind, fields = parse_kind_family("regions inputs=2 neurons=3 seeds=1")
>>> kind, fields["inputs"], fields["layers"], fields["seeds"]
('regions', (2,), (1,), (1,))
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any, ClassVar

from lcnalg import checks
from lcnalg.errors import InputError, InternalError, LCNAlgError
from lcnalg.limits import Limits
from lcnalg.theorems.base import NOT_APPLICABLE, UNDECIDED, Check, Theorem

__all__ = ["CaseTheorem", "GroupCase", "RegionsCase", "BasisCase", "KINDS", "KIND_FIELDS", "kind_of", "split_kind",
           "parse_kind_family"]

#: The family kinds: the word a specification starts with, and what a case is.
KINDS = {"architectures": "architectures (the default)", "groups": "groups with actions",
         "regions": "seeded random rectifier networks", "bases": "architectures with filter bases"}
#: Per kind other than architectures: field -> (default, what a value is).
KIND_FIELDS = {
    "groups": {"group": ("C3..6,D3..5", "C<n>, D<n>, S<n>, A<n> (n or a..b, 1 to 9) or icosahedron"),
               "on": ("points", "points, pairs, regular, tuples:<k> (k 1 to 3), faces, vertices, edges"),
               "to": ("points", "as on")},
    "regions": {"inputs": ("1..3", "1 to 4"), "layers": ("1", "hidden layers, 1 to 3"),
                "neurons": ("2..5", "width of each hidden layer, 1 to 8"), "seeds": ("0..1", "0 to 999")},
    "bases": {"ndim": ("1", "1 to 2"), "layers": ("2", "1 to 4"), "filters": ("2..3", "1 to 5"),
              "strides": ("1", "1 to 4"), "basis": ("identity,polynomial,haar", "identity, polynomial, haar, separable"),
              "size": ("1..2", "1 to 4")},
}
_RANGES = {("regions", "inputs"): (1, 4), ("regions", "layers"): (1, 3), ("regions", "neurons"): (1, 8),
           ("regions", "seeds"): (0, 999), ("bases", "ndim"): (1, 2), ("bases", "layers"): (1, 4),
           ("bases", "filters"): (1, 5), ("bases", "strides"): (1, 4), ("bases", "size"): (1, 4)}
_SETS = ("points", "pairs", "regular", "faces", "vertices", "edges")
_BASES = ("identity", "polynomial", "haar", "separable")
_GROUP = re.compile(r"^([CDSA])(\d{1,2})(?:\.\.(\d{1,2}))?$")
_VALUE = re.compile(r"^(\d{1,4})(?:\.\.(\d{1,4}))?$")
_TUPLES = re.compile(r"^tuples:([123])$")


@dataclass(frozen=True)
class GroupCase:
    """A finite permutation group (its name, :func:`lcnalg.groups.parse_group`) acting on ``X``
    (``on``) and ``Y`` (``to``), named as :func:`lcnalg.groups.parse_action` names them.

    Examples
    --------
    >>> str(GroupCase("S4", "pairs", "points"))
    'S4: pairs -> points'
    """

    group: str
    on: str = "points"
    to: str = "points"
    kind = "groups"

    def __post_init__(self) -> None:
        for name in ("group", "on", "to"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value or len(value) > 200:
                raise InputError(f"{name}: expected the text of a {'group' if name == 'group' else 'set'} "
                                 f"(e.g. 'S4', 'pairs'), got {checks.short(value, 40, quote=True)}")

    def __str__(self) -> str:
        return f"{self.group}: {self.on} -> {self.to}"

    def resolve(self, limits: Limits) -> tuple[Any, Any, Any]:
        """The group and its two actions (within ``limits``)."""
        from lcnalg.groups import parse_action, parse_group  # deferred: the catalog listing does not need the groups

        group = parse_group(self.group, limits)
        return group, parse_action(group, self.on, limits, name="on"), parse_action(group, self.to, limits, name="to")


@dataclass(frozen=True)
class RegionsCase:
    """A dense rectifier network: ``inputs`` inputs, hidden layers of ``widths`` units, one linear
    output, exact weights drawn with ``seed`` (:meth:`network`).

    Examples
    --------
    >>> c = RegionsCase(2, (3,), 0)
    >>> net = c.network()
    >>> [len(layer["weights"]) for layer in net["layers"]], net["input"]
    ([3, 1], [2])
    >>> c.network() == net
    True
    """

    inputs: int
    widths: tuple[int, ...]
    seed: int = 0
    kind = "regions"

    def __post_init__(self) -> None:
        form = "an integer from 1 to 100"
        object.__setattr__(self, "inputs", checks.integer(self.inputs, "inputs", low=1, high=101, form=form))
        items = checks.sequence(self.widths, "widths", "a non-empty list of hidden-layer widths")
        if not 1 <= len(items) <= 10:
            raise InputError(f"widths: expected 1 to 10 hidden layers, got {len(items)}")
        object.__setattr__(self, "widths", tuple(checks.integer(w, f"widths[{i}]", low=1, high=101, form=form)
                                                 for i, w in enumerate(items)))
        object.__setattr__(self, "seed", checks.seed(self.seed))

    def __str__(self) -> str:
        return f"regions inputs={self.inputs} widths={','.join(map(str, self.widths))} seed={self.seed}"

    def network(self) -> dict[str, Any]:
        """The network in the JSON form of :mod:`lcnalg.regions.network`: weights are integers in
        ``[-9, 9]`` (non-zero), biases ``p/q`` with ``|p| <= 9``, ``1 <= q <= 5``, drawn with
        :class:`random.Random` seeded by the case's seed, its input dimension and widths."""
        rng = random.Random(f"{self.seed}:{self.inputs}:{self.widths}")
        layers = []
        fan_in = self.inputs
        for width in (*self.widths, 1):
            weights = [[rng.choice([v for v in range(-9, 10) if v]) for _ in range(fan_in)] for _ in range(width)]
            bias = [f"{rng.randint(-9, 9)}/{rng.randint(1, 5)}" for _ in range(width)]
            layers.append({"type": "dense", "weights": weights, "bias": bias})
            fan_in = width
        return {"input": [self.inputs], "layers": layers}


@dataclass(frozen=True)
class BasisCase:
    """An architecture (linear, one channel) with its filters in a basis: ``identity`` (the
    unrestricted network) or a family of :meth:`lcnalg.filter_basis.FilterBasis.family` with a
    size.

    Examples
    --------
    >>> str(BasisCase("3,2 s=2", "haar", 1)), str(BasisCase("3,2", "identity"))
    ('3,2 s=2 basis=haar:1', '3,2 basis=identity')
    """

    architecture: str
    basis: str = "identity"
    size: int = 0
    kind = "bases"

    def __post_init__(self) -> None:
        from lcnalg.architecture import Architecture  # deferred: the architecture parser

        object.__setattr__(self, "architecture", str(Architecture.coerce(self.architecture)))
        if not isinstance(self.basis, str) or self.basis not in _BASES:
            raise InputError(f"basis: expected one of {', '.join(_BASES)}, got {checks.short(self.basis, 40, quote=True)}")
        if self.basis == "identity":
            if self.size not in (0, None):
                raise InputError("size: the identity basis has no size (leave it out)")
            object.__setattr__(self, "size", 0)
        else:
            object.__setattr__(self, "size", checks.integer(self.size, "size", low=1, high=10,
                                                            form="an integer from 1 to 9"))

    def __str__(self) -> str:
        return f"{self.architecture} basis={self.basis}" + (f":{self.size}" if self.basis != "identity" else "")

    def filter_basis(self) -> Any:
        """The :class:`~lcnalg.filter_basis.FilterBasis` of the case."""
        from lcnalg.filter_basis import FilterBasis  # deferred: the catalog listing does not need it

        if self.basis == "identity":
            return FilterBasis.identity(self.architecture)
        return FilterBasis.family(self.basis, self.architecture, self.size)


def kind_of(case: object) -> str:
    """The family kind of a case: ``architectures`` for an architecture (or its text).

    Examples
    --------
    >>> kind_of("3,2"), kind_of(GroupCase("C3"))
    ('architectures', 'groups')
    """
    return getattr(case, "kind", "architectures") if isinstance(case, (GroupCase, RegionsCase, BasisCase)) \
        else "architectures"


def _form(kind: str) -> str:
    fields = ", ".join(f"{k} ({what}; default {default})" for k, (default, what) in KIND_FIELDS[kind].items())
    return f"'{kind}' then whitespace-separated key=value with keys {fields}; each value an item, a range a..b or a list"


def _error(kind: str, message: str) -> InputError:
    return InputError(f"--family: {message}; expected {_form(kind)}")


def split_kind(spec: object) -> tuple[str, str]:
    """The kind a specification starts with and the rest (``architectures`` when it starts with a
    field).

    Examples
    --------
    >>> split_kind("groups group=C3"), split_kind("layers=2")
    (('groups', 'group=C3'), ('architectures', 'layers=2'))
    """
    if not isinstance(spec, str):
        raise InputError(f"--family: expected a string, got {type(spec).__name__}")
    head, _, rest = spec.strip().partition(" ")
    if head in KINDS:
        return head, rest
    if "=" not in head and head:
        raise InputError(f"--family: {checks.short(head, 30)!r} is neither a family kind ({', '.join(KINDS)}) "
                         "nor a key=value field")
    return "architectures", spec


def _numbers(kind: str, key: str, value: str) -> tuple[int, ...]:
    low, high = _RANGES[kind, key]
    out: list[int] = []
    for item in value.split(","):
        m = _VALUE.match(item.strip())
        a = int(m.group(1)) if m else -1
        b = int(m.group(2)) if m and m.group(2) else a
        if not m or not low <= a <= b <= high:
            raise _error(kind, f"{key}={checks.short(value, 30)!r}: integers from {low} to {high}, "
                               "ranges increasing")
        out += [v for v in range(a, b + 1) if v not in out]
    return tuple(out)


def _groups(value: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in value.split(","):
        item = item.strip()
        if item.lower() == "icosahedron":
            out.append("icosahedron")
            continue
        m = _GROUP.match(item.upper())
        a = int(m.group(2)) if m else 0
        b = int(m.group(3)) if m and m.group(3) else a
        if not m or not 1 <= a <= b <= 9:
            raise _error("groups", f"group={checks.short(value, 30)!r}: a letter C, D, S or A with a degree or a "
                                   "range of degrees from 1 to 9 (D from 3), or icosahedron")
        low = 3 if m.group(1) == "D" else 1
        if b < low:
            raise _error("groups", f"group={checks.short(value, 30)!r}: the dihedral group D<n> needs n >= 3")
        out += [f"{m.group(1)}{n}" for n in range(max(a, low), b + 1)]
    return tuple(dict.fromkeys(out))


def _words(kind: str, key: str, value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    out = []
    for item in value.split(","):
        item = item.strip()
        if item not in allowed and not (key in ("on", "to") and _TUPLES.match(item)):
            raise _error(kind, f"{key}={checks.short(value, 30)!r}: expected {KIND_FIELDS[kind][key][1]}")
        out.append(item)
    return tuple(dict.fromkeys(out))


def parse_kind_family(spec: object) -> tuple[str, dict[str, tuple]]:
    """The kind of a family specification and the choices of its fields (for a family of
    architectures, the rest of the specification unparsed under ``"spec"``).

    Raises
    ------
    InputError
        For a malformed specification (one line, naming ``--family``).

    Examples
    --------
    >>> parse_kind_family("groups group=C3..4,S3 to=pairs")[1]["group"]
    ('C3', 'C4', 'S3')
    >>> parse_kind_family("layers=2")
    ('architectures', {'spec': ('layers=2',)})
    """
    kind, rest = split_kind(spec)
    if kind == "architectures":
        return kind, {"spec": (rest,)}
    return kind, _parse(kind, rest)


def _parse(kind: str, rest: str) -> dict[str, tuple]:
    out: dict[str, tuple] = {}
    for part in rest.split():
        key, eq, value = part.partition("=")
        if not eq or key not in KIND_FIELDS[kind]:
            raise _error(kind, f"{checks.short(part, 30)!r} is not a field of a {kind} family")
        if key in out:
            raise _error(kind, f"{key} given twice")
        out[key] = _field(kind, key, value)
    for key, (default, _) in KIND_FIELDS[kind].items():
        out.setdefault(key, _field(kind, key, default))
    return out


def _field(kind: str, key: str, value: str) -> tuple:
    if key == "group":
        return _groups(value)
    if key in ("on", "to"):
        return _words(kind, key, value, _SETS)
    if key == "basis":
        return _words(kind, key, value, _BASES)
    return _numbers(kind, key, value)


_CASES = {"groups": GroupCase, "regions": RegionsCase, "bases": BasisCase}


class CaseTheorem(Theorem):
    """A catalogued statement indexed by cases of another family kind than architectures.

    Subclasses set :attr:`family_kind` (``groups``, ``regions`` or ``bases``) and implement
    :meth:`hypotheses` and :meth:`compare` on a case of that kind (:class:`GroupCase`,
    :class:`RegionsCase`, :class:`BasisCase`).  :meth:`check` turns a refusal by the limits into
    ``undecided``; an :class:`~lcnalg.errors.InternalError` (a bug) is raised, so that
    :func:`~lcnalg.theorems.verify.verify` lists it as an error.

    Examples
    --------
    >>> from lcnalg.theorems import get
    >>> t = get("burnside-orbits")
    >>> t.family_kind, t.check(GroupCase("D4", "points", "pairs")).outcome
    ('groups', 'held')
    """

    family_kind: ClassVar[str] = "groups"

    def _case(self, case: object) -> Any:
        expected = _CASES[self.family_kind]
        if not isinstance(case, expected):
            raise InputError(f"case: {self.name} is a statement about {KINDS[self.family_kind]}; expected a "
                             f"{expected.__name__}, got {checks.short(case, 40, quote=True)}")
        return case

    def applies(self, case: Any) -> tuple[bool, str]:  # type: ignore[override]
        """Whether the hypotheses hold for ``case``: ``(True, "")`` or ``(False, reason)``.

        Raises
        ------
        InputError
            For a case of another kind.
        """
        reason = self.hypotheses(self._case(case))
        return (True, "") if reason is None else (False, reason)

    def check(self, case: Any, *, seed: int = 0, limits: Limits | None = None,  # type: ignore[override]
              space: Any = None) -> Check:
        """Check the statement on ``case`` (``space`` is not used: there is no function space).

        Returns
        -------
        Check
            Its ``architecture`` field holds the case's text.

        Raises
        ------
        InputError
            For a case of another kind or a bad seed.
        """
        case = self._case(case)
        seed = checks.seed(seed)
        limits = Limits.coerce(limits)
        if space is not None:
            raise InputError(f"space: {self.name} is a statement about {KINDS[self.family_kind]}, which have no "
                             "function space; leave space out")
        try:
            reason = self.hypotheses(case)
            if reason is not None:
                return Check(self.name, str(case), NOT_APPLICABLE, reason=reason)
            return self.compare(case, seed=seed, limits=limits, space=None)
        except InternalError:
            raise
        except LCNAlgError as exc:  # refused by a bound
            return Check(self.name, str(case), UNDECIDED, reason=f"{type(exc).__name__}: {exc}")

    def _bound(self, case: Any, bound: Any, observed: Any, *, how: str = "", what: str = "") -> Check:
        """Held when ``observed <= bound``, else a counterexample."""
        if observed <= bound:
            return Check(self.name, str(case), "held", f"<= {bound}", str(observed), reason=how)
        return Check(self.name, str(case), "counterexample", f"<= {bound}", str(observed),
                     witness=f"{case}: {what or 'value'} computed {observed}, above the bound {bound}"
                     + (f" ({how})" if how else ""))
