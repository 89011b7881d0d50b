"""verify: families, the planted false statement, the report, the command line."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import InputError, ResourceLimitError
from lcnalg.cli import main
from lcnalg.limits import Limits
from lcnalg.theorems import family, family_size, parse_family, random_family, verify
from lcnalg.theorems.function_space import DegreeSegre


class WrongDegree(DegreeSegre):
    """A planted false statement: deg V * |F| = (sum n_l)! (forgetting the division by prod n_l!)."""

    name = "planted-wrong-degree"
    statement = "deg V * |F| = (sum_l n_l)!  (false)"

    def compare(self, arch, *, seed, limits, space):
        import math

        deg = space.degree
        predicted = math.factorial(sum(f[0] - 1 for f in arch.filters))
        return self._verdict(arch, predicted, deg.value * deg.fibre_size, what="deg V * |F|")

    def hypotheses(self, arch):
        reason = super().hypotheses(arch)
        return reason if reason is not None else (None if arch.ndim == 1 else "1D only")


class Broken(DegreeSegre):
    """A check whose computation raises (standing for a bug in lcnalg)."""

    name = "planted-broken"

    def compare(self, arch, *, seed, limits, space):
        raise RuntimeError(f"broken at {arch}")


FAMILY = "layers=2 filters=2..3 strides=1..2"


def test_the_planted_false_statement_is_caught_with_a_witness():
    res = verify([WrongDegree(), "degree"], family(FAMILY), description=FAMILY)
    planted, true = res.tallies
    assert true["counterexamples"] == [] and true["held"] == 8
    # (n1 + n2)! differs from the binomial exactly when both n_l >= 1 ... and here always n_l >= 1
    bad = {c["architecture"] for c in planted["counterexamples"]}
    assert "3,3" in bad and "2,2" not in bad  # 2! = 2 = binomial(2,1); 4! = 24 != 6
    witness = next(c for c in planted["counterexamples"] if c["architecture"] == "3,3")
    assert witness["predicted"] == "24" and witness["observed"] == "6" and "3,3" in witness["witness"]
    assert res.counterexamples == len(bad)
    text = res.to_text()
    assert "COUNTEREXAMPLE planted-wrong-degree at 3,3" in text
    assert "counterexample at" in res.to_latex()
    assert res.to_dict()["tallies"][0]["counterexamples"]


def test_the_planted_statement_in_a_process_pool():
    res = verify([WrongDegree()], ["3,3", "2,2"], jobs=2)
    assert [c["architecture"] for c in res.tallies[0]["counterexamples"]] == ["3,3"]


def test_cli_on_real_theorems(capsys):
    code = main(["verify", "dimension", "degree", "--family", "layers=2 filters=2..3", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    data = json.loads(out)
    assert [t["name"] for t in data["tallies"]] == ["dimension", "degree"]
    assert all(t["held"] == 4 and not t["counterexamples"] for t in data["tallies"])
    assert main(["verify", "--list"]) == 0
    assert "akr25-metric" in capsys.readouterr().out


@pytest.mark.parametrize("spec", ["bogus=1", "layers", "layers=0", "layers=x", "filters=3..2", "ndim=3",
                                  "layers=2 layers=3", "filters=" + "9" * 5000, 7])
def test_bad_spec_is_one_line_naming_family(spec, capsys):
    with pytest.raises(InputError) as info:
        parse_family(spec)
    message = str(info.value)
    assert message.startswith("--family: ") and "\n" not in message and len(message) < 1000
    if isinstance(spec, str):
        assert main(["verify", "--family", spec]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "--family" in err


def test_family_size_is_capped_up_front():
    with pytest.raises(ResourceLimitError, match="max-family-size"):
        family("ndim=2 layers=6 filters=1..9 strides=1..9")
    with pytest.raises(ResourceLimitError, match="max_family_size"):
        random_family(5, limits=Limits(max_family_size=4))
    with pytest.raises(InputError, match="^theorem: "):
        verify(["no-such-theorem"], ["2,2"])


@settings(max_examples=30, deadline=None)
@given(ndim=st.integers(1, 2), layers=st.integers(2, 3), fl=st.integers(1, 3), fh=st.integers(1, 3),
       sh=st.integers(1, 2), r=st.integers(1, 2))
def test_family_size_counts_the_family(ndim, layers, fl, fh, sh, r):
    spec = f"ndim={ndim} layers={layers} filters={min(fl, fh)}..{max(fl, fh)} strides=1..{sh} r={r}"
    if family_size(spec) > 300:
        return
    archs = family(spec)
    assert len(archs) == family_size(spec) == len(set(archs))
    assert all(a.ndim == ndim and a.num_layers == layers for a in archs)


def test_random_family_is_seeded():
    a, b = random_family(8, seed=3), random_family(8, seed=3)
    assert a == b and random_family(8, seed=4) != a
    assert all(2 <= x.num_layers <= 3 for x in a)


def test_an_internal_error_is_reported_and_the_run_goes_on():
    res = verify([Broken(), "dimension"], ["2,2", "3,2 s=2"])
    broken, dimension = res.tallies
    assert [e["architecture"] for e in broken["errors"]] == ["2,2", "3,2 s=2"]
    assert "RuntimeError: broken at 2,2" in broken["errors"][0]["reason"]
    assert dimension["held"] == 2 and res.counterexamples == 0 and not res.certified
    assert "ERROR planted-broken at 2,2" in res.to_text()


def test_a_channel_family_checks_the_dense_hessian_formulas():
    archs = family("layers=2 filters=1 channels=1..2")
    assert len(archs) == family_size("layers=2 filters=1 channels=1..2") == 8
    assert {str(a) for a in archs} >= {"1,1", "1,1 c=2,2,2", "1,1 c=1,2,1"}
    res = verify(["sbh21-dense-hessian", "hessian-block-bounds"], archs)
    assert res.counterexamples == 0
    assert [t["held"] for t in res.tallies] == [8, 8], res.to_text()


def test_a_large_family_runs_on_every_core_by_default(capsys, monkeypatch):
    """``lcnalg verify``: a family of 50 architectures or more runs in as many processes as
    there are cores (a family of 729 takes half the time on two), a smaller one in this process;
    ``--jobs`` overrides both.  The processes asked for are recorded, the checks run here."""
    import importlib
    import os

    module = importlib.import_module("lcnalg.theorems.verify")  # the module (the package exports the function)

    asked = []
    real = module.verify

    def recording(*args, jobs=1, **kwargs):
        asked.append(jobs)
        return real(*args, jobs=1, **kwargs)

    monkeypatch.setattr(module, "verify", recording)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    large = "ndim=1 layers=2 filters=1..5 strides=1..2"   # 50 architectures
    for argv in (["dimension", "--family", large], ["dimension", "--family", "ndim=1 layers=2 filters=2..3"],
                 ["dimension", "--family", large, "--jobs", "1"]):
        assert main(["verify", *argv, "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["tallies"][0]["held"] > 0
    assert asked == [cores, 1, 1]
