"""Every result class of lcnalg.real renders on a decided and on an undecided instance: status
(a Status), provenance, text, JSON, LaTeX; the witness is one typed Witness."""

from __future__ import annotations

import json

import pytest

from lcnalg.errors import UndecidedError
from lcnalg.real.boundary import BoundaryResult, boundary
from lcnalg.real.closedness import ClosednessResult, is_zariski_closed
from lcnalg.real.decision import Decision
from lcnalg.real.inequalities import InequalitiesResult, inequalities
from lcnalg.real.membership import ContainmentResult, contains
from lcnalg.results import Status, Witness


def _instances():
    undecided_contains = ContainmentResult.from_decision(
        "2,2", (0, 1, 0), Decision.undecided("none", "no route applies"))
    return [
        (contains("3,2 s=2", "4,8,17,10,15"), True),
        (undecided_contains, False),
        (is_zariski_closed("3,2 s=2"), True),
        (is_zariski_closed("1x3,1x3,1x3 s=1x2,1x2", max_states=5), False),
        (inequalities("2,2"), True),
        (inequalities("2x2x2,2x2x2", equations=False), False),
        (boundary("2,2,2"), True),
        (BoundaryResult(architecture="2,2", decided=False, certified=False, method="none",
                        limitations="not derived here"), False),
    ]


@pytest.mark.parametrize("res, decided", _instances())
def test_every_result_renders(res, decided):
    assert isinstance(res.status, Status)
    assert res.status.is_certified is decided
    if not decided:
        assert res.status == "undecided" and res.status.reason
    assert res.provenance().startswith("certified" if decided else "undecided")
    assert res.to_text()
    data = json.loads(res.to_json())
    assert data["status"] == ("certified" if decided else "undecided")
    assert "polynomials" not in data and "inner" not in data
    assert res.to_latex() and res._repr_latex_().startswith("$")


def test_one_typed_witness():
    r = contains("3,2 s=2", "4,8,17,10,15")
    assert isinstance(r.evidence, Witness) and r.evidence.layers == r.witness and r.evidence.exact
    assert r.evidence.filter == r.filter
    c = is_zariski_closed("2x2,2x2")
    assert isinstance(c.evidence, Witness) and c.evidence.filter == c.witness
    assert c.evidence.layers == c.witness_layers
    assert isinstance(inequalities("2,2"), InequalitiesResult) and isinstance(c, ClosednessResult)


def test_bool_of_undecided_membership_raises():
    r = ContainmentResult.from_decision("2,2", (0, 1, 0), Decision.undecided("none", "no route applies"))
    with pytest.raises(UndecidedError, match="no route applies"):
        bool(r)
    assert bool(contains("2,2", [1, 0, -1])) is True


def test_composite_requests_forward_the_limits():
    """inequalities → is_zariski_closed → contains hand the same Limits down: a tiny node
    bound refuses the membership test of the closedness witness, naming the field."""
    from lcnalg.errors import ResourceLimitError
    from lcnalg.limits import Limits

    tiny = Limits(max_nodes=1)
    for call in (lambda: is_zariski_closed("3,2 s=2", limits=tiny),
                 lambda: inequalities("3,2 s=2", limits=tiny, equations=False),
                 lambda: boundary("3,2 s=2", limits=tiny, equations=False),
                 lambda: contains("3,2 s=2", "4,8,17,10,15", limits=tiny)):
        with pytest.raises(ResourceLimitError) as err:
            call()
        assert err.value.limit == "max_nodes" and "--max-nodes" in str(err.value)
    assert is_zariski_closed("3,2 s=2", limits=Limits(max_nodes=10_000)).closed is False
