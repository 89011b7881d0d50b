"""Check catalogued theorems over a family of architectures.

A *family* is given by a specification, whitespace-separated ``key=value`` fields:

* ``ndim`` (number of axes D, 1 or 2; default 1),
* ``layers`` (L, 1 to 6; default 2),
* ``filters`` (filter size along each axis, 1 to 9; default ``2..3``),
* ``strides`` (stride of layers 1..L-1 along each axis, 1 to 9; default 1),
* ``r`` (activation exponent, 1 = linear, 1 to 5; default 1),
* ``channels`` (every width c_0, ..., c_L of a linear network, 1 to 4; default 1: one channel;
  widths above 1 are combined with r = 1 only),

each value an integer ``3``, a range ``2..4`` or a list ``1,3``.  The family is every
architecture with a value of each field (every axis and layer drawn independently), in a fixed
order; its size, the product of the choices (an upper bound when ``r`` and ``channels`` both
exceed 1 somewhere, or ``layers=1`` meets ``r`` above 1: those are skipped), is computed before any architecture is formed and
refused beyond ``Limits.max_family_size``.  :func:`random_family` draws architectures from a
specification with a seed instead.

A specification that starts with ``groups``, ``regions`` or ``bases`` is a family of another kind
(groups with actions, seeded random rectifier networks, architectures with filter bases; its
fields are in :mod:`lcnalg.theorems.cases`); :func:`family` then returns those cases, and the
statements of that kind are the ones checked on them.

:func:`verify` runs every theorem's :meth:`~lcnalg.theorems.base.Theorem.check` on every
architecture (in a process pool with ``jobs > 1``) and gathers the outcomes into a
:class:`VerificationResult`.  Each check compares lcnalg's computation with the
statement's formula, so a tally is a test of both.

Examples
--------
>>> from lcnalg.theorems.verify import family, verify
>>> [str(a) for a in family("layers=2 filters=2 strides=1..2")]
['2,2', '2,2 s=2']
>>> res = verify(["dimension"], family("layers=2 filters=2..3"))
>>> res.rows()
[('dimension', 'proved', 4, 4, 0, 0, 0)]
"""

from __future__ import annotations

import concurrent.futures
import itertools
import os
import random
import re
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from lcnalg import checks
from lcnalg.architecture import Architecture
from lcnalg.errors import InputError
from lcnalg.limits import VERIFY_LIMITS, Limits
from lcnalg.processes import start_worker
from lcnalg.results import Result, Status
from lcnalg.theorems.registry import catalog, get
from lcnalg.theorems.base import COUNTEREXAMPLE, ERROR, HELD, NOT_APPLICABLE, Check, Theorem
from lcnalg.theorems.cases import BasisCase, GroupCase, RegionsCase, kind_of, parse_kind_family

__all__ = ["family", "random_family", "parse_family", "family_size", "verify", "FIELDS", "DEFAULT_RANDOM_FAMILY", "CHEAP_LIMITS",
           "verify_limits"]


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

#: The fields of a family specification: (default, lowest, highest).
FIELDS = {"ndim": ("1", 1, 2), "layers": ("2", 1, 6), "filters": ("2..3", 1, 9), "strides": ("1", 1, 9),
          "r": ("1", 1, 5), "channels": ("1", 1, 4)}
#: The bounds a verification uses unless told otherwise (kept in :mod:`lcnalg.limits`, where the
#: command line's help reads them without loading the catalog).
CHEAP_LIMITS = VERIFY_LIMITS
#: The family ``--random`` draws from when no specification is given.
DEFAULT_RANDOM_FAMILY = "ndim=1..2 layers=2..3 filters=1..3 strides=1..2 r=1..2"
FORM = ("whitespace-separated key=value with keys " + ", ".join(FIELDS)
        + ", each value an integer, a range a..b or a list a,b (e.g. 'ndim=1 layers=2..3 filters=2..3 strides=1..2')")
_VALUE = re.compile(r"^(\d{1,3})(?:\.\.(\d{1,3}))?$")


def _error(message: str) -> InputError:
    return InputError(f"--family: {message}; expected {FORM}")


def _values(key: str, value: str) -> tuple[int, ...]:
    low, high = FIELDS[key][1], FIELDS[key][2]
    chosen: list[int] = []
    for item in value.split(","):
        m = _VALUE.match(item.strip())
        if not m:
            raise _error(f"{key}={checks.short(value, 30)!r} is not an integer, range or list")
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if not low <= a <= b <= high:
            raise _error(f"{key}={checks.short(value, 30)!r}: values from {low} to {high}, ranges increasing")
        chosen += [v for v in range(a, b + 1) if v not in chosen]
    return tuple(chosen)


def parse_family(spec: object) -> dict[str, tuple[int, ...]]:
    """The choices of every field of a family specification.

    Raises
    ------
    InputError
        For anything but the form described in the module (one line, naming ``--family``).

    Examples
    --------
    >>> parse_family("layers=2..3 filters=2,4")["filters"]
    (2, 4)
    """
    if not isinstance(spec, str):
        raise _error(f"expected a string, got {type(spec).__name__}")
    out: dict[str, tuple[int, ...]] = {}
    for part in spec.split():
        key, eq, value = part.partition("=")
        if not eq or key not in FIELDS:
            raise _error(f"{checks.short(part, 30)!r} is not a field")
        if key in out:
            raise _error(f"{key} given twice")
        out[key] = _values(key, value)
    for key, (default, _, _) in FIELDS.items():
        out.setdefault(key, _values(key, default))
    return out


def _size_for(choices: dict[str, tuple[int, ...]], D: int, L: int) -> int:
    return (len(choices["filters"]) ** (D * L) * len(choices["strides"]) ** (D * (L - 1)) * len(choices["r"])
            * len(choices["channels"]) ** (L + 1))


def family_size(spec: object) -> int:
    """Number of architectures of a family, computed without forming them.

    Examples
    --------
    >>> family_size("ndim=1..2 layers=2 filters=2..3")
    20
    >>> family_size("groups group=C3..6 to=points,pairs")
    8

    For groups, a set of the icosahedron (faces, vertices, edges) goes with the icosahedron only,
    so the size is an upper bound when both are listed.
    """
    kind, c = parse_kind_family(spec)
    if kind == "groups":
        return len(c["group"]) * len(c["on"]) * len(c["to"])
    if kind == "regions":
        return len(c["inputs"]) * len(c["seeds"]) * sum(len(c["neurons"]) ** L for L in c["layers"])
    if kind == "bases":
        per_arch = sum(1 if b == "identity" else len(c["size"]) for b in c["basis"])
        return family_size(_basis_architectures(c)) * per_arch
    c = parse_family(c["spec"][0])
    return sum(_size_for(c, D, L) for D in c["ndim"] for L in c["layers"])


def _basis_architectures(c: dict[str, tuple]) -> str:
    """The architecture specification of the architecture fields of a family of bases."""
    return " ".join(f"{k}={','.join(map(str, c[k]))}" for k in ("ndim", "layers", "filters", "strides"))


def _kind_family(kind: str, c: dict[str, tuple], limits: Limits) -> list[Any]:
    if kind == "groups":  # the icosahedron's sets belong to it alone
        solid = ("faces", "vertices", "edges")
        return [GroupCase(g, on, to) for g in c["group"] for on in c["on"] for to in c["to"]
                if g == "icosahedron" or (on not in solid and to not in solid)]
    out: list[Any] = []
    if kind == "regions":
        for n0 in c["inputs"]:
            for L in c["layers"]:
                for widths in itertools.product(c["neurons"], repeat=L):
                    out += [RegionsCase(n0, tuple(widths), s) for s in c["seeds"]]
        return out
    for arch in family(_basis_architectures(c), limits=limits):
        for b in c["basis"]:
            out += [BasisCase(str(arch), b)] if b == "identity" else [BasisCase(str(arch), b, m) for m in c["size"]]
    return list(dict.fromkeys(out))


def _arch(D: int, filters: Sequence[Sequence[int]], strides: Sequence[Sequence[int]], r: int,
          widths: Sequence[int] = ()) -> Architecture:
    text = ",".join("x".join(map(str, f)) for f in filters)
    if strides:
        text += " s=" + ",".join("x".join(map(str, s)) for s in strides)
    if r > 1:
        text += f" r={r}"
    if any(c > 1 for c in widths):
        text += " c=" + ",".join(map(str, widths))
    return Architecture.parse(text)


def family(spec: object, *, limits: Limits | None = None) -> list[Any]:
    """Every architecture (or case of another kind) of a family specification, in a fixed order.

    Returns
    -------
    list
        :class:`~lcnalg.architecture.Architecture` objects, or for a specification starting
        with ``groups``, ``regions`` or ``bases`` the cases of :mod:`lcnalg.theorems.cases`.

    Raises
    ------
    InputError
        For a malformed specification.
    ResourceLimitError
        When the family has more than ``limits.max_family_size`` members.

    Examples
    --------
    >>> [str(c) for c in family("groups group=C3..4 on=points to=points,pairs")]
    ['C3: points -> points', 'C3: points -> pairs', 'C4: points -> points', 'C4: points -> pairs']
    >>> [str(c) for c in family("regions inputs=2 neurons=3 seeds=0..1")]
    ['regions inputs=2 widths=3 seed=0', 'regions inputs=2 widths=3 seed=1']
    >>> [str(c) for c in family("bases layers=2 filters=3 basis=identity,haar size=1")]
    ['3,3 basis=identity', '3,3 basis=haar:1']
    """
    limits = Limits.coerce(limits)
    kind, choices = parse_kind_family(spec)
    what = "architectures" if kind == "architectures" else "cases"
    limits.check("max_family_size", f"{what} of the family {checks.short(spec, 60)!r}", family_size(spec))
    if kind != "architectures":
        return _kind_family(kind, choices, limits)
    c = parse_family(choices["spec"][0])
    out: list[Architecture] = []
    for D in c["ndim"]:
        for L in c["layers"]:
            shapes = list(itertools.product(c["filters"], repeat=D))
            steps = list(itertools.product(c["strides"], repeat=D))
            for filters in itertools.product(shapes, repeat=L):
                for strides in itertools.product(steps, repeat=L - 1):
                    for r in c["r"]:
                        if r > 1 and L < 2:
                            continue  # an activation needs two layers
                        for widths in itertools.product(c["channels"], repeat=L + 1):
                            if r > 1 and any(w > 1 for w in widths):
                                continue  # channels are for linear networks
                            out.append(_arch(D, filters, strides, r, widths))
    return list(dict.fromkeys(out))


def random_family(n: object, *, seed: object = 0, spec: object = DEFAULT_RANDOM_FAMILY,
                  limits: Limits | None = None) -> list[Architecture]:
    """``n`` architectures drawn with ``seed`` from a family specification (repetitions allowed).

    Raises
    ------
    InputError
        For ``n`` not a positive integer, a seed that is not an integer or a malformed specification.
    ResourceLimitError
        When ``n`` exceeds ``limits.max_family_size``.

    Examples
    --------
    >>> [str(a) for a in random_family(2, seed=1)] == [str(a) for a in random_family(2, seed=1)]
    True
    """
    limits = Limits.coerce(limits)
    n = checks.positive_int(n, "random")
    rng = random.Random(checks.seed(seed))
    c = parse_family(spec)
    limits.check("max_family_size", "architectures drawn at random (--random)", n)
    out = []
    for _ in range(n):
        D, L = rng.choice(c["ndim"]), rng.choice(c["layers"])
        r = rng.choice(c["r"]) if L > 1 else 1
        filters = [[rng.choice(c["filters"]) for _ in range(D)] for _ in range(L)]
        strides = [[rng.choice(c["strides"]) for _ in range(D)] for _ in range(L - 1)]
        widths = [rng.choice(c["channels"]) for _ in range(L + 1)] if r == 1 else []
        out.append(_arch(D, filters, strides, r, widths))
    return out


def verify_limits(limits: Limits | None = None, **given: Any) -> Limits:
    """The bounds of a verification: ``limits`` when given, else :data:`CHEAP_LIMITS` over the
    defaults; then the fields in ``given`` that are not None.

    Examples
    --------
    >>> verify_limits().max_jacobian_entries, verify_limits(max_terms=7).max_terms
    (20000, 7)
    """
    base = Limits(**CHEAP_LIMITS) if limits is None else Limits.coerce(limits)
    return Limits.coerce(base, **given)


def _theorems(theorems: object) -> list[Theorem]:
    if theorems is None:
        return catalog()
    if isinstance(theorems, (str, Theorem)):
        theorems = [theorems]
    items = checks.sequence(theorems, "theorems", "a sequence of theorem names or Theorem objects")
    out = []
    for t in items:
        out.append(t if isinstance(t, Theorem) else get(t))
    if not out:
        raise InputError("theorems: expected at least one theorem name or Theorem object")
    return out


def _run(theorems: list[Theorem], case: Any, seed: int, limits: Limits) -> list[Check]:
    """Every theorem's check on one architecture (as text) or case (the unit of work of the pool)."""
    space = None
    if kind_of(case) == "architectures":
        from lcnalg.function_space import FunctionSpace  # deferred: imported in the worker process

        space = FunctionSpace(case, seed=seed, limits=limits)
    out = []
    for t in theorems:
        try:
            out.append(t.check(case, seed=seed, limits=limits, space=space))
        except Exception as exc:  # noqa: BLE001 - a bug in one computation is reported, the run goes on
            out.append(Check(t.name, str(case), ERROR, reason=f"internal error (a bug in lcnalg, please report it): "
                                                              f"{type(exc).__name__}: {checks.short(str(exc), 300)}"))
    return out


def _cases(items: list[Any]) -> tuple[str, list[Any]]:
    """The one kind of the cases and the cases (architectures normalised to their text)."""
    kinds = {kind_of(c) for c in items}
    if len(kinds) > 1:
        raise InputError(f"architectures: expected cases of one family kind, got {', '.join(sorted(kinds))}")
    kind = kinds.pop() if kinds else "architectures"
    if kind == "architectures":
        return kind, [str(Architecture.coerce(a)) for a in items]
    return kind, list(items)


def verify(theorems: object = None, architectures: Iterable[Any] = (), *, seed: int = 0,
           limits: Limits | None = None, jobs: int = 1, description: str = "",
           progress: Callable[[int, int], None] | None = None) -> VerificationResult:
    """Check theorems on architectures and tally the outcomes.

    Parameters
    ----------
    theorems : sequence of str or Theorem, optional
        Names in the catalog or :class:`~lcnalg.theorems.base.Theorem` objects (for example a
        statement under test); default every catalogued theorem.
    architectures : iterable of Architecture or str, or of cases
        The family (:func:`family`, :func:`random_family`): architectures, or cases of one
        other kind (:class:`~lcnalg.theorems.cases.GroupCase`,
        :class:`~lcnalg.theorems.cases.RegionsCase`, :class:`~lcnalg.theorems.cases.BasisCase`).
        With ``theorems`` left out, the catalogued statements of the family's kind are checked;
        a named statement of another kind is refused.
    seed : int
        Seed of every random choice of the checks.
    limits : Limits, optional
        Bounds of every computation (a refused one is undecided) and ``max_family_size``;
        default :data:`CHEAP_LIMITS` over the defaults of :class:`~lcnalg.limits.Limits`.
    jobs : int
        Worker processes (capped at the cores available).
    description : str
        How the family was given, for the report.
    progress : callable, optional
        Called with ``(done, total)`` after each architecture.

    Returns
    -------
    VerificationResult
        ``counterexamples`` is 0 exactly when no statement failed.  A check whose computation
        raised an internal error (a bug in lcnalg) is listed under ``errors`` with the message;
        the other checks go on.

    Raises
    ------
    InputError
        For an unknown theorem, a malformed architecture or bad arguments.
    ResourceLimitError
        For more than ``limits.max_family_size`` architectures.

    Examples
    --------
    >>> res = verify(None, family("groups group=C3,S3 on=points to=points,pairs"))
    >>> [(name, tried, held) for name, _, tried, held, *_ in res.rows()]
    [('burnside-orbits', 4, 4), ('kondor-trivedi', 2, 2)]

    References
    ----------
    Each theorem's ``source``; docs/theory.md.
    """
    start = time.perf_counter()
    seed = checks.seed(seed)
    limits = verify_limits(limits)
    jobs = checks.jobs(jobs)
    if not isinstance(description, str):
        raise InputError(f"description: expected a string, got {type(description).__name__}")
    if progress is not None and not callable(progress):
        raise InputError(f"progress: expected a callable or None, got {type(progress).__name__}")
    if isinstance(architectures, (str, Architecture)):
        architectures = [architectures]
    archs = checks.sequence(architectures, "architectures", "a sequence of architectures")
    limits.check("max_family_size", "architectures to verify", len(archs))
    kind, archs = _cases(archs)
    if not archs:
        raise InputError("architectures: expected at least one architecture (an empty family)")
    chosen = [t for t in catalog() if t.family_kind == kind] if theorems is None else _theorems(theorems)
    for t in chosen:
        if t.family_kind != kind:
            raise InputError(f"theorems: {t.name} is a statement about {t.family_kind}, the family is of {kind}; "
                             f"give a family of {t.family_kind} (lcnalg verify --list shows each statement's kind)")
    results: list[list[Check]] = [[] for _ in archs]
    if jobs > 1 and len(archs) > 1:
        # one BLAS thread per worker: the jobs processes already fill the cores
        with concurrent.futures.ProcessPoolExecutor(max_workers=jobs, initializer=start_worker,
                                                    initargs=(os.getpid(),)) as pool:
            futures = {pool.submit(_run, chosen, a, seed, limits): i for i, a in enumerate(archs)}
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                results[futures[future]] = future.result()
                if progress is not None:
                    progress(done, len(archs))
    else:
        for i, a in enumerate(archs):
            results[i] = _run(chosen, a, seed, limits)
            if progress is not None:
                progress(i + 1, len(archs))
    tallies = []
    for j, t in enumerate(chosen):
        outcomes = [r[j] for r in results]
        tallies.append({
            "name": t.name, "status": t.status, "source": t.source, "statement": t.statement, "latex": t.latex,
            "note": t.note,
            "tried": sum(c.outcome != NOT_APPLICABLE for c in outcomes),
            "held": sum(c.outcome == HELD for c in outcomes),
            "not_applicable": sum(c.outcome == NOT_APPLICABLE for c in outcomes),
            "counterexamples": [{"architecture": c.architecture, "predicted": c.predicted, "observed": c.observed,
                                 "witness": c.witness} for c in outcomes if c.outcome == COUNTEREXAMPLE],
            "undecided": [{"architecture": c.architecture, "reason": c.reason, "predicted": c.predicted,
                           "observed": c.observed} for c in outcomes if c.outcome == "undecided"],
            "errors": [{"architecture": c.architecture, "reason": c.reason} for c in outcomes if c.outcome == ERROR],
        })
    undecided = sum(len(t["undecided"]) + len(t["errors"]) for t in tallies)
    held_reasons = {c.reason for r in results for c in r if c.outcome == HELD}
    exact = all(h == "certified" or not h.startswith("probabilistic") for h in held_reasons)
    return VerificationResult(
        architecture=description or f"{len(archs)} architectures", seed=seed,
        method="each theorem's check: lcnalg's computation compared with the statement's formula",
        certified=undecided == 0 and exact, family_kind=kind,
        failure_probability=None,
        limitations=("" if undecided == 0 else f"{undecided} checks undecided (reasons listed)")
        + ("" if exact else "; some observations are probabilistic (their bounds are in the checks)"),
        seconds=time.perf_counter() - start,
        argument="a counterexample is a computed value that differs from the statement's prediction",
        num_architectures=len(archs), tallies=tuple(tallies))
