"""The base class of the theorem catalog: a statement lcnalg can test on one architecture.

A :class:`Theorem` carries its statement (text and LaTeX), its source and status as
docs/theory.md gives them, its hypotheses as a predicate on architectures (:meth:`Theorem.applies`)
and :meth:`Theorem.check`, which computes the quantity with lcnalg and compares it with the
prediction of the statement's formula.  The prediction is always evaluated from the formula
(never read from the computation) and the observation always comes from lcnalg's algorithm, so
a held check is a comparison of two independent routes; a counterexample carries an exact
witness (the architecture and both values, or the exact filter); a computation refused by the
limits, or an answer that is not certified, gives ``undecided`` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from lcnalg.architecture import Architecture
from lcnalg.errors import InputError, LCNAlgError
from lcnalg.limits import Limits

__all__ = ["Theorem", "Check", "certainty", "linear_one_channel", "ERROR", "HELD", "COUNTEREXAMPLE", "UNDECIDED", "NOT_APPLICABLE", "STATUSES"]

HELD = "held"
COUNTEREXAMPLE = "counterexample"
UNDECIDED = "undecided"
NOT_APPLICABLE = "not applicable"
#: A check that raised something other than an LCNAlgError: a bug in lcnalg, reported, never hidden.
ERROR = "error"
#: The statuses a catalogued statement may carry: proved (literature or proved in docs/theory.md),
#: qualified (holds only in the qualified form stated), open (conjectural).
STATUSES = ("proved", "qualified", "open")


@dataclass(frozen=True)
class Check:
    """The outcome of checking one theorem on one architecture.

    Attributes
    ----------
    theorem : str
        The theorem's name.
    architecture : str
        The normalised architecture string, or the text of the case for a statement indexed by
        another family kind (:mod:`lcnalg.theorems.cases`).
    outcome : str
        ``"held"``, ``"counterexample"``, ``"undecided"``, ``"not applicable"``, or ``"error"``
        (the computation raised an internal error: a bug in lcnalg, with its message in ``reason``;
        only :func:`lcnalg.theorems.verify.verify` records it, ``check`` itself raises).
    predicted, observed : str
        The statement's prediction and lcnalg's computed value (as text).
    witness : str
        For a counterexample, the exact witness (what was computed, where).
    reason : str
        For undecided or not applicable, why; for held, how sure the observation is.
    """

    theorem: str
    architecture: str
    outcome: str
    predicted: str = ""
    observed: str = ""
    witness: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The fields as JSON-ready data."""
        return {"theorem": self.theorem, "architecture": self.architecture, "outcome": self.outcome,
                "predicted": self.predicted, "observed": self.observed, "witness": self.witness,
                "reason": self.reason}


class Theorem:
    """A statement of docs/theory.md that lcnalg computes.

    Subclasses set the class attributes and implement :meth:`hypotheses` (``None`` when the
    statement applies, else the reason) and :meth:`compare` (compute and compare on an
    architecture the statement applies to).

    Attributes
    ----------
    name : str
        A slug, unique in the catalog.
    statement : str
        The statement in words.
    latex : str
        The statement in LaTeX.
    source : str
        The paper (and theorem number where docs/theory.md gives one) or the section of
        docs/theory.md that proves it.
    status : str
        ``proved``, ``qualified`` or ``open`` (:data:`STATUSES`).
    note : str
        The qualification, for a qualified or open statement.
    family_kind : str
        What the statement is indexed by: ``architectures`` here; ``groups``, ``regions`` or
        ``bases`` for the statements of :class:`lcnalg.theorems.cases.CaseTheorem`.

    Examples
    --------
    >>> from lcnalg.theorems import get
    >>> t = get("dimension")
    >>> t.applies("3,2 s=2"), t.check("3,2 s=2").outcome
    ((True, ''), 'held')
    """

    name: ClassVar[str] = ""
    statement: ClassVar[str] = ""
    latex: ClassVar[str] = ""
    source: ClassVar[str] = ""
    status: ClassVar[str] = "proved"
    note: ClassVar[str] = ""
    family_kind: ClassVar[str] = "architectures"

    def __repr__(self) -> str:
        return f"<Theorem {self.name}>"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def hypotheses(self, arch: Architecture) -> str | None:
        """``None`` when the statement applies to ``arch``, else the reason it does not."""
        raise NotImplementedError

    def compare(self, arch: Architecture, *, seed: int, limits: Limits, space: Any) -> Check:
        """Compute with lcnalg on ``arch`` (through ``space``, its
        :class:`~lcnalg.FunctionSpace` with ``seed`` and ``limits``) and compare with the
        statement's prediction."""
        raise NotImplementedError

    def applies(self, arch: Architecture | str) -> tuple[bool, str]:
        """Whether the hypotheses hold for ``arch``: ``(True, "")`` or ``(False, reason)``.

        Raises
        ------
        ArchitectureError
            For a malformed architecture string.
        """
        arch = Architecture.coerce(arch)
        reason = self.hypotheses(arch)
        return (True, "") if reason is None else (False, reason)

    def check(self, arch: Architecture | str, *, seed: int = 0, limits: Limits | None = None,
              space: Any = None) -> Check:
        """Check the statement on ``arch``.

        Parameters
        ----------
        arch : Architecture or str
        seed : int
            Seed of every random choice of the computation.
        limits : Limits, optional
            Resource bounds; a computation they refuse gives ``undecided`` with the refusal.
        space : FunctionSpace, optional
            The function space of ``arch`` with this seed and these limits, shared by several
            checks so that each invariant is computed once (default: a new one).

        Returns
        -------
        Check
        """
        from lcnalg import checks  # deferred: keeps this module's imports to the architecture

        arch = Architecture.coerce(arch)
        seed = checks.seed(seed)
        limits = Limits.coerce(limits)
        reason = self.hypotheses(arch)
        if reason is not None:
            return Check(self.name, str(arch), NOT_APPLICABLE, reason=reason)
        from lcnalg.function_space import FunctionSpace  # deferred: the facade imports every algorithm

        if space is None:
            space = FunctionSpace(arch, seed=seed, limits=limits)
        elif not isinstance(space, FunctionSpace) or (space.architecture, space.seed, space.limits) != (arch, seed, limits):
            raise InputError("space: expected the FunctionSpace of the same architecture, seed and limits")
        try:
            return self.compare(arch, seed=seed, limits=limits, space=space)
        except LCNAlgError as exc:  # refused by a bound, or a case the algorithm does not cover
            return Check(self.name, str(arch), UNDECIDED, reason=f"{type(exc).__name__}: {exc}")

    # helpers for subclasses -----------------------------------------------------------
    def _verdict(self, arch: Architecture, predicted: Any, observed: Any, *, sure: bool = True,
                 how: str = "", what: str = "") -> Check:
        """Held when ``predicted == observed``; a counterexample when they differ and the
        observation is sure; undecided otherwise."""
        if not sure:
            return Check(self.name, str(arch), UNDECIDED, str(predicted), str(observed),
                         reason=f"the computed {what or 'value'} is not certified: {how}")
        if predicted == observed:
            return Check(self.name, str(arch), HELD, str(predicted), str(observed), reason=how)
        return Check(self.name, str(arch), COUNTEREXAMPLE, str(predicted), str(observed),
                     witness=f"{arch}: {what or 'value'} computed {observed}, statement predicts {predicted}"
                     + (f" ({how})" if how else ""))


def certainty(result: Any) -> tuple[bool, str]:
    """Whether a result decides its answer (certified, or probabilistic with a failure bound)
    and the words saying how sure it is."""
    if getattr(result, "certified", False):
        return True, "certified"
    bound = getattr(result, "failure_probability", None)
    if bound is not None:
        return True, f"probabilistic, failure probability <= {bound:.1e}"
    return False, str(getattr(result, "limitations", "") or "not certified")


def linear_one_channel(arch: Architecture) -> str | None:
    """The reason a linear single-channel statement does not apply, or ``None``."""
    if arch.channels is not None:
        return "channels (c=): the statement is about one channel"
    if arch.activation is not None:
        return f"activation r={arch.activation}: the statement is about linear networks"
    return None
