"""Statements indexed by other families than architectures: groups with actions, seeded random
rectifier networks, architectures with filter bases.  Every new statement holds on a small
family; a planted false statement of each kind is caught with a witness; the command line and
the family specifications."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError
from lcnalg.cli import main
from lcnalg.theorems import BasisCase, GroupCase, RegionsCase, catalog, family, family_size, get, verify
from lcnalg.theorems.bases import BasisDimensionBound
from lcnalg.theorems.base import HELD, NOT_APPLICABLE
from lcnalg.theorems.groups import BurnsideOrbits
from lcnalg.theorems.regions import ArrangementCount

GROUPS = "groups group=C3..5,D4,S3..4,A4 on=points,pairs,regular to=points,pairs"
REGIONS = "regions inputs=1..3 layers=1..2 neurons=1..3 seeds=0..1"
BASES = "bases layers=2 filters=2..3 strides=1..2 basis=identity,polynomial,haar size=1..2"
NEW = {"groups": ["burnside-orbits", "kondor-trivedi"],
       "regions": ["zaslavsky-arrangement", "str18-upper-bound", "product-upper-bound"],
       "bases": ["basis-identity", "basis-dimension-bound"]}


class WrongOrbitCount(BurnsideOrbits):
    """Planted: dim Hom_G = (orbits on X) * (orbits on Y) (false: C_n on points has n maps, not 1)."""

    name = "planted-orbit-product"

    def predict(self, elements, on, to):
        return len(on.orbits()) * len(to.orbits())


class WrongArrangement(ArrangementCount):
    """Planted: N generic hyperplanes cut R^n into sum_{j < n} C(N, j) regions (the j = n term forgotten)."""

    name = "planted-arrangement"

    def predict(self, n0, widths):
        return sum(math.comb(widths[0], j) for j in range(n0))


class WrongBasisBound(BasisDimensionBound):
    """Planted: dim M_B <= sum_l r_l - L (one too few)."""

    name = "planted-basis-bound"

    def predict(self, ranks, nonzero):
        return min(sum(ranks) - len(ranks), nonzero)


@pytest.mark.parametrize("spec, names", [(GROUPS, NEW["groups"]), (REGIONS, NEW["regions"]), (BASES, NEW["bases"])])
def test_every_new_statement_holds_on_a_small_family(spec, names):
    res = verify(None, family(spec), description=spec)
    assert [t["name"] for t in res.tallies] == names  # the statements of the family's kind, by default
    assert res.counterexamples == 0 and res.certified, res.to_text()
    for t in res.tallies:
        assert t["held"] == t["tried"] >= 2, t
        assert t["tried"] + t["not_applicable"] == len(family(spec))


def test_the_kinds_of_the_catalog():
    kinds = {}
    for t in catalog():
        kinds.setdefault(t.family_kind, []).append(t.name)
    assert len(kinds["architectures"]) == 23
    assert {k: kinds[k] for k in NEW} == NEW


@pytest.mark.parametrize("planted, spec, witness_case, predicted, observed", [
    (WrongOrbitCount(), "groups group=C3..4 on=points to=points", "C3: points -> points", "1", "orbit basis 3, nullity 3"),
    (WrongArrangement(), "regions inputs=1..2 neurons=2..3 seeds=0", "regions inputs=1 widths=2 seed=0", "1", "3"),
    (WrongBasisBound(), "bases layers=2 filters=2..3 basis=identity", "2,2 basis=identity", "<= 2", "3"),
])
def test_a_planted_false_statement_of_each_kind_is_caught(planted, spec, witness_case, predicted, observed):
    res = verify([planted], family(spec))
    bad = res.tallies[0]["counterexamples"]
    assert res.counterexamples == len(bad) == len(family(spec)), res.to_text()
    c = next(c for c in bad if c["architecture"] == witness_case)
    assert (c["predicted"], c["observed"]) == (predicted, observed)
    assert witness_case in c["witness"]
    assert f"COUNTEREXAMPLE {planted.name} at {witness_case}" in res.to_text()


def test_cli_exit_codes_for_the_new_kinds(capsys, monkeypatch):
    import lcnalg.theorems.registry as registry

    assert main(["verify", "burnside-orbits", "kondor-trivedi", "--family", "groups group=C4,S3 to=points,pairs",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(t["name"], t["tried"], t["held"]) for t in data["tallies"]] == [("burnside-orbits", 4, 4),
                                                                              ("kondor-trivedi", 2, 2)]
    assert main(["verify", "--family", "regions inputs=2 neurons=2..3 seeds=0"]) == 0
    assert "on 2 cases (regions)" in capsys.readouterr().out
    monkeypatch.setattr(registry, "CATALOG", registry.CATALOG + (WrongArrangement,))
    assert main(["verify", "planted-arrangement", "--family", "regions inputs=2 neurons=3 seeds=0", "--latex"]) == 1
    out = capsys.readouterr().out
    assert r"counterexample at \texttt{regions inputs=2 widths=3 seed=0}" in out
    assert main(["verify", "--list", "--json"]) == 0
    kinds = {t["name"]: t["family_kind"] for t in json.loads(capsys.readouterr().out)}
    assert kinds["planted-arrangement"] == "regions" and kinds["dimension"] == "architectures"


@pytest.mark.parametrize("argv", [
    ["--family", "groups group=Z3"], ["--family", "groups group=D2"], ["--family", "groups on=circles"],
    ["--family", "groups group=C3 group=C4"], ["--family", "regions neurons=9"], ["--family", "regions inputs=x"],
    ["--family", "regions depth=2"], ["--family", "bases basis=fourier"], ["--family", "bases size=0"],
    ["--family", "bogus layers=2"], ["--family", "regions neurons=" + "9" * 5000],
    ["dimension", "--family", "groups group=C3"], ["kondor-trivedi", "--family", "layers=2"],
])
def test_bad_family_specs_are_one_line_errors(argv, capsys):
    assert main(["verify", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and len(err) < 1000
    assert "--family" in err or "THEOREM" in err


def test_a_statement_of_another_kind_is_refused_or_not_applicable():
    with pytest.raises(InputError, match="^theorems: dimension is a statement about architectures"):
        verify(["dimension"], [GroupCase("C3")])
    with pytest.raises(InputError, match="^architectures: expected cases of one family kind"):
        verify(None, [GroupCase("C3"), "2,2"])
    with pytest.raises(InputError, match="^case: burnside-orbits is a statement about groups"):
        get("burnside-orbits").check("2,2")
    assert get("kondor-trivedi").check(GroupCase("S3", "pairs")).outcome == NOT_APPLICABLE
    assert get("zaslavsky-arrangement").check(RegionsCase(2, (2, 2))).outcome == NOT_APPLICABLE
    assert get("basis-identity").applies(BasisCase("3,2", "haar", 1))[0] is False


def test_non_generic_weights_are_not_applicable_to_zaslavsky():
    from lcnalg.theorems.regions import general_position

    assert general_position([[1, 1], [2, 2]], [0, 1]) == "normals (0, 1) are dependent"
    assert general_position([[1], [2]], [1, 2]) == "hyperplanes (0, 1) meet in a point"  # both at x = -1


def test_refused_by_the_limits_is_undecided():
    from lcnalg import Limits

    c = get("str18-upper-bound").check(RegionsCase(3, (6, 6), 0), limits=Limits(max_region_work=1000))
    assert c.outcome == "undecided" and "max_region_work" in c.reason
    c = get("burnside-orbits").check(GroupCase("S5", "pairs", "pairs"), limits=Limits(max_commutant_entries=10))
    assert c.outcome == HELD and "beyond max_commutant_entries" in c.reason  # the orbit basis alone decides


@settings(max_examples=10, deadline=None)
@given(n0=st.integers(1, 3), widths=st.lists(st.integers(1, 4), min_size=1, max_size=2), seed=st.integers(0, 999))
def test_region_statements_on_random_networks(n0, widths, seed):
    case = RegionsCase(n0, tuple(widths), seed)
    for name in NEW["regions"]:
        assert get(name).check(case).outcome in (HELD, NOT_APPLICABLE), (name, case)


@pytest.mark.parametrize("spec", [GROUPS, REGIONS, BASES, "groups group=icosahedron,C3 on=faces,points"])
def test_family_size_counts_the_cases(spec):
    cases = family(spec)
    assert len(cases) == len(set(cases)) <= family_size(spec)
    if "icosahedron" not in spec:
        assert len(cases) == family_size(spec)
    assert len({type(c) for c in cases}) == 1
