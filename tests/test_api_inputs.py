"""Every bad argument of a public function is an :class:`~lcnalg.LCNAlgError` naming the
parameter; huge numbers are refused before conversion; numpy integers are exact input.

The reproducers come first (one test each), then a hypothesis test feeding garbage to every
checked parameter of every public function, then one comparing numpy integer input with
Python ints.
"""

from __future__ import annotations

import warnings
from fractions import Fraction
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lcnalg
import lcnalg.hessian
import lcnalg.regions
import lcnalg.groups
import lcnalg.singularities
from lcnalg import (Architecture, ArchitectureError, FunctionSpace, InputError, LCNAlgError, Limits,
                    Parameterization, checks)
from lcnalg.cli import main
from lcnalg.export.report import latex_report
from lcnalg.polys.groebner import groebner_basis
from lcnalg import theorems
from tests.alarm import Overrun, alarm
from tests.strategies import architectures

NINES = "9" * 5000
#: A small rectifier network (2 inputs, 3 hidden units) in its JSON form.
_NET = {"input": [2], "layers": [{"type": "dense", "weights": [[1, 0], [0, 1], [1, 1]], "bias": [0, 0, -1]},
                                 {"type": "dense", "weights": [[1, 1, 1]]}]}


# ------------------------------------------------------------------ reproducers: silent nonsense
def test_random_point_needs_a_seed():
    with pytest.raises(InputError, match="^seed: expected an integer"):
        Parameterization("2,2").random_point(seed=None)


def test_evaluate_refuses_a_dict():
    mu = Parameterization("2,2 s=2")
    with pytest.raises(InputError, match="^point: expected 4 weights"):
        mu.evaluate({0: 5, 1: 7, 2: 1, 3: 1})
    with pytest.raises(InputError, match=r"^point \(layer 2\): expected a filter"):
        mu.evaluate([[1, 2], {0: 5, 1: 7}])


def test_evaluate_refuses_a_0d_array():
    for call in (lambda mu: mu.evaluate(np.array(5)), lambda mu: mu.jacobian_at(np.array(5)),
                 lambda mu: mu.evaluate_mod(np.array(5), 7)):
        with pytest.raises(InputError, match="^point: expected"):
            call(Parameterization("2,2"))


def test_max_monomials_negative_is_refused_not_an_empty_answer():
    with pytest.raises(InputError, match="^max_monomials: expected a positive integer, got -1"):
        lcnalg.implicit_equations(Parameterization("2,2 s=2"), max_monomials=-1)
    with pytest.raises(InputError, match="^max_monomials"):
        FunctionSpace("2,2 s=2").implicit_equations(max_monomials=-1)


@pytest.mark.parametrize("function", [lcnalg.inequalities, lcnalg.boundary])
def test_inequalities_jobs_and_max_degree_checked_even_when_unused(function):
    # "2,2" is 1D stride one: neither jobs nor max_degree is used, both are still checked
    with pytest.raises(InputError, match="^jobs: expected a positive integer"):
        function("2,2", jobs=-5)
    with pytest.raises(InputError, match="^max_degree: expected a positive integer"):
        function("2,2", max_degree=-5)
    with pytest.raises(InputError, match="^seed"):
        function("2,2", seed="x")


def test_zero_never_means_default():
    with pytest.raises(InputError, match="max_nodes"):
        lcnalg.contains("2,2", [1, 0, 1], max_nodes=0)
    with pytest.raises(InputError, match="jobs"):
        FunctionSpace("2,2").inequalities(jobs=0)


def test_jobs_above_the_cores_capped_with_one_warning():
    with mock.patch.object(checks, "available_cores", lambda: 1), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        r = lcnalg.implicit_equations(Parameterization("2,2 s=2"), jobs=64)
    assert r.equations == ("c1*c2 - c0*c3",)
    assert len(caught) == 1 and "jobs=64 exceeds the 1 cores" in str(caught[0].message)


@pytest.mark.parametrize("name, value", [("certify", "x"), ("progress", 1), ("executor", "x"), ("seed", None),
                                         ("max_degree", 1.5), ("jobs", "2"), ("dimension", "x")])
def test_implicit_equations_arguments(name, value):
    with pytest.raises(InputError, match=f"^{name}: "):
        lcnalg.implicit_equations(Parameterization("2,2 s=2"), **{name: value})
    if name != "dimension" and name != "seed":
        with pytest.raises(InputError, match=f"^{name}: "):
            FunctionSpace("2,2 s=2").implicit_equations(**{name: value})


def test_implicit_equations_needs_a_parameterization():
    with pytest.raises(InputError, match="^mu: expected a Parameterization"):
        lcnalg.implicit_equations("2,2 s=2")


def test_checked_before_the_cache():
    fs = FunctionSpace("2,2 s=2")
    fs.implicit_equations()
    with pytest.raises(InputError, match="^certify"):
        fs.implicit_equations(certify="yes")


@pytest.mark.parametrize("function", [lcnalg.critical_locus, lcnalg.singular_locus, lcnalg.stratification])
@pytest.mark.parametrize("seed", [None, "x", 1.5, [1], True])
def test_singularities_seed(function, seed):
    with pytest.raises(InputError, match="^seed: "):
        function("2,2", seed=seed)


def test_singular_locus_method_and_randomized():
    fs = FunctionSpace("2,2 s=2")
    for value in ("x", None, ["auto"]):
        with pytest.raises(InputError, match="^method: "):
            fs.singular_locus(method=value)
        with pytest.raises(InputError, match="^method: "):
            lcnalg.singular_locus("2,2 s=2", method=value)
    with pytest.raises(InputError, match="^randomized: "):
        lcnalg.singular_locus("2,2 s=2", randomized="no")


def test_function_space_seed_and_limits():
    for seed in (None, "1", 1.5, True):
        with pytest.raises(InputError, match="^seed: "):
            FunctionSpace("2,2", seed=seed)
    with pytest.raises(InputError, match="^limits: "):
        FunctionSpace("2,2", limits={"max_nodes": 3})
    assert FunctionSpace("2,2", seed=np.int64(4)).seed == 4


# ------------------------------------------------------------------ reproducers: handed-down results
def test_equations_of_another_type_or_architecture_refused():
    other = lcnalg.implicit_equations(Parameterization("2,2 s=2"))
    for function in (lcnalg.stratification, lcnalg.singular_locus, lcnalg.inequalities, lcnalg.boundary):
        with pytest.raises(InputError, match="^equations: expected"):
            function("1", equations="x")
        with pytest.raises(InputError, match="^equations: computed for the architecture '2,2 s=2'"):
            function("3,2 s=2", equations=other)
    with pytest.raises(InputError, match="^equations: expected"):
        lcnalg.stratification("2,2", equations=False)   # only the real descriptions take a flag
    assert lcnalg.inequalities("2,2 s=2", equations=other).closed is True   # its own: used


def test_dimension_and_closedness_of_another_architecture_refused():
    with pytest.raises(InputError, match="^dimension: 4 exceeds the dimension 3"):
        lcnalg.critical_locus("2,2", dimension=4)
    with pytest.raises(InputError, match="^dimension: computed for the architecture"):
        lcnalg.boundary("2,2", dimension=lcnalg.function_space_dimension(Parameterization("3,2")))
    with pytest.raises(InputError, match="^dimension: "):
        lcnalg.singularities.is_critical("2,2", [1, 1, 1, 1], dimension="3")
    with pytest.raises(InputError, match="^closedness: computed for the architecture"):
        lcnalg.inequalities("3,2 s=2", closedness=lcnalg.is_zariski_closed("2,2 s=2"))
    with pytest.raises(InputError, match="^closedness: expected"):
        lcnalg.boundary("3,2 s=2", closedness=True)
    dim = lcnalg.function_space_dimension(Parameterization("2,2"))
    assert lcnalg.critical_locus("2,2", dimension=dim).dimension == lcnalg.critical_locus("2,2").dimension


def test_function_space_cache_keys_on_checked_values():
    fs = FunctionSpace("2,2")
    first = fs.contains(np.array([1, 0, 1]))
    assert fs.contains([1, 0, 1]) is first and fs.contains("1,0,1") is first   # one exact key
    for value in ([True, 0, 1], {0: 1}, [[1, 0, 1]]):
        with pytest.raises(InputError, match="^filter"):
            fs.contains(value)
    for method, kwargs in (("implicit_equations", {"max_degree": [1]}), ("is_zariski_closed", {"max_states": {}}),
                           ("critical_locus", {"modulus": np.array([7])}), ("boundary", {"jobs": [1]}),
                           ("singular_locus", {"method": np.array(["auto", "toric"])}),
                           ("stratification", {"max_minors": np.array([1, 2])})):
        with pytest.raises(InputError, match=f"^{next(iter(kwargs))}: "):
            getattr(fs, method)(**kwargs)


def test_limits_methods_name_a_field():
    for name in (None, "x", np.array(["a"]), 10**5000):
        for call in (lambda: Limits().check(name, "nodes", 1), lambda: Limits().refuse(name, "nodes", 1),
                     lambda: Limits().budget(name, "nodes"), lambda: Limits.help(name), lambda: Limits.option(name)):
            with pytest.raises(InputError, match="^name: expected the name of a field of Limits"):
                call()
    with pytest.raises(InputError, match="^estimate: "):
        Limits().check("max_nodes", "nodes", float("nan"))   # NaN would pass every bound
    with pytest.raises(InputError, match="^what: "):
        Limits().budget("max_nodes", None)
    assert "about 2^16609" in str(Limits().refuse("max_nodes", "nodes", 10**5000))
    assert Limits.help("max_nodes") and Limits.option("max_nodes") == "--max-nodes"


def test_groebner_basis_arguments():
    with pytest.raises(InputError, match="^polys: "):
        groebner_basis(polys=None, max_total_entries=np.array([1.5, 2.5]))
    with pytest.raises(InputError, match="^max_total_entries: "):
        groebner_basis([{(1, 0): 1}], max_total_entries=np.array([1.5, 2.5]))
    for kwargs, name in (({"polys": "x"}, "polys"), ({"polys": [{(1,): "x"}]}, r"polys\[0\]"),
                         ({"polys": [{(-1,): 1}]}, r"polys\[0\]"), ({"polys": [{(1 << 20,): 1}]}, r"polys\[0\]"),
                         ({"polys": [[1, 2]]}, r"polys\[0\]"), ({"order": 5}, "order"), ({"nvars": 1.5}, "nvars"),
                         ({"grading": "x"}, "grading"), ({"ideal_test": 3}, "ideal_test"),
                         ({"modulus": 10**5000}, "modulus"), ({"max_primes": 1.5}, "max_primes"),
                         ({"max_matrix_entries": "x"}, "max_matrix_entries"), ({"limits": "x"}, "limits")):
        with pytest.raises(InputError, match=f"^{name}: "):
            groebner_basis(**{"polys": [{(1,): 1}], **kwargs})
    assert groebner_basis([{(np.int64(2),): np.int64(3)}]).polys == [{(2,): 1}]   # numpy integers are exact


@pytest.mark.parametrize("function, kwargs", [
    (lcnalg.boundary, {"dimension": 10**5000}), (lcnalg.inequalities, {"jobs": Fraction(10**5000, 7)}),
    (lcnalg.stratification, {"dimension": Fraction(10**5000, 7)}), (lcnalg.critical_locus, {"modulus": 10**5000}),
    (lcnalg.singular_locus, {"method": 10**5000}), (lcnalg.singular_locus, {"randomized": 10**5000}),
])
def test_huge_numbers_in_keyword_arguments_are_named(function, kwargs):
    with pytest.raises(InputError, match=f"^{next(iter(kwargs))}: .*(<int|<Fraction) of about 5001 digits>"):
        function("2,2", **kwargs)


def test_huge_numbers_in_methods_are_named():
    fs, mu = FunctionSpace("2,2"), Parameterization("2,2")
    for call, name in ((lambda: fs.singular_locus(method=10**5000), "method"),
                       (lambda: fs.singular_locus(randomized=10**5000), "randomized"),
                       (lambda: fs.critical_locus(modulus=Fraction(10**5000, 3)), "modulus"),
                       (lambda: mu.jacobian_rank([1, 2, 3, 4], modulus=10**5000), "modulus")):
        with pytest.raises(InputError, match=f"^{name}: "):
            call()


def test_public_lists_hold_what_users_call():
    import lcnalg.singularities as sing

    assert not {"candidate_families", "certify_family", "section_upper_bound", "toric_singular_locus"} & set(sing.__all__)
    assert all(hasattr(sing, name) for name in sing.__all__)


# ------------------------------------------------------------------ reproducers: huge numbers
def test_huge_filter_entry_refused_before_conversion():
    for filt in ("1,1," + NINES + ",1", [1, 1, NINES, 1], [1, 1, "1/" + NINES, 1]):
        with pytest.raises(InputError) as info:
            lcnalg.contains("3,2", filt)
        assert str(info.value).startswith("filter (entry 2): the number ") and len(str(info.value)) < 200


@pytest.mark.parametrize("text, field", [("3," + NINES, "filters (layer 2)"), ("3,2 s=" + NINES, "strides (layer 1)"),
                                         ("3,2 c=1," + NINES + ",1", "channels (c)"),
                                         ("3,2 r=" + NINES, "activation (r)"),
                                         ("3," + "9" * 30, "filters (layer 2)")])
def test_huge_architecture_numbers(text, field):
    with pytest.raises(ArchitectureError) as info:
        Architecture.parse(text)
    assert str(info.value).startswith(field + ": ") and len(str(info.value)) < 300


def test_huge_point_entry():
    with pytest.raises(InputError, match=r"^point \(layer 2\): the number 9{20}…"):
        Parameterization("2,2").evaluate([1, 1, 1, NINES])


@pytest.mark.parametrize("argv", [
    ["contains", "3,2", "1,1," + NINES + ",1"],
    ["info", "3," + NINES],
    ["info", "3,2 s=" + NINES],
    ["info", "3,2 c=1," + NINES + ",1"],
    ["closed", "3," + NINES],
])
def test_cli_huge_numbers_one_line(argv, capsys):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and len(err) < 300 and "Traceback" not in err


# ------------------------------------------------------------------ reproducers: API types
@pytest.mark.parametrize("modulus", [-7, 0, 1, 2**64 + 13, "7", 7.0, None, 91])
def test_evaluate_mod_modulus(modulus):
    mu = Parameterization("2,2")
    with pytest.raises(InputError, match="^modulus: "):
        mu.evaluate_mod([1, 2, 3, 5], modulus)
    if modulus is not None:  # None: the rank over Q
        with pytest.raises(InputError, match="^modulus: "):
            mu.jacobian_rank([1, 2, 3, 5], modulus=modulus)
    with pytest.raises(InputError, match="^modulus: "):
        mu.random_point_mod(0, modulus)


@pytest.mark.parametrize("value", ["x", 1.5, 0, -1, True])
def test_max_bounds_given_as_garbage(value):
    with pytest.raises(InputError, match="^max_terms: "):
        Parameterization("2,2", max_terms=value)
    with pytest.raises(InputError, match="^max_monomials: "):
        lcnalg.implicit_equations(Parameterization("2,2 s=2"), max_monomials=value)
    with pytest.raises(InputError, match="^max_piece: "):
        FunctionSpace("2,2 s=2").implicit_equations(max_piece=value)
    with pytest.raises(InputError, match="^max_minors: "):
        lcnalg.critical_locus("2,2", max_minors=value)
    with pytest.raises(InputError, match="^max_minors: "):
        FunctionSpace("2,2").critical_locus(max_minors=value)


def test_max_bounds_none_means_the_limits():
    assert Parameterization("2,2", max_terms=None).max_terms == Limits().max_terms


@pytest.mark.parametrize("modulus", ["x", 1.5, 4, -7, True])
def test_critical_and_singular_modulus(modulus):
    with pytest.raises(InputError, match="^modulus: "):
        lcnalg.critical_locus("2,2", modulus=modulus)
    with pytest.raises(InputError, match="^modulus: "):
        FunctionSpace("2,2").critical_locus(modulus=modulus)
    with pytest.raises(InputError, match="^modulus: "):
        FunctionSpace("2,2 s=2").singular_locus(modulus=modulus)


def test_executor_garbage():
    with pytest.raises(InputError, match="^executor: expected None or a concurrent.futures.Executor"):
        lcnalg.implicit_equations(Parameterization("2,2 s=2"), executor="x")


def test_numpy_integers_are_exact_input():
    mu = Parameterization("2,2 s=2")
    assert mu.evaluate(np.array([3, 5, 1, 2])) == mu.evaluate([3, 5, 1, 2]) == (3, 5, 6, 10)
    assert mu.evaluate([np.int64(3), np.int8(5), 1, np.uint16(2)]) == (3, 5, 6, 10)
    assert mu.evaluate_mod(np.array([3, 5, 1, 2]), np.int64(7)) == (3, 5, 6, 3)
    assert lcnalg.contains("2x1,1x2", np.array([[1, 2], [3, 6]])).contained
    assert not lcnalg.contains("2,2", np.array([1, 0, 1])).contained
    assert Architecture((np.int64(3), np.int64(2)), strides=(np.int32(2),)) == Architecture.parse("3,2 s=2")
    for bad in (np.array([1.5, 0, 1]), np.array([True, False, True])):
        with pytest.raises(InputError, match=r"^filter \(entry 0\)"):
            lcnalg.contains("2,2", bad)


# ------------------------------------------------------------------ hypothesis: garbage everywhere
GARBAGE_VALUES = [None, "x", "7", 1.5, float("nan"), -1, 0, True, 2**70, -(2**70), np.int64(-3), np.int64(0),
                  np.int64(3), np.int64(5), [[1]], [1, [2]], {0: 1}, {1}, np.array(5), NINES, "1/0", b"1", object(),
                  10**5000, Fraction(10**5000, 7), [], np.array([1.5, 2.5])]
GARBAGE = st.sampled_from(GARBAGE_VALUES)

#: (name, call with one keyword set to the garbage value).  Each is small: a valid value
#: (for example seed=-1 or modulus=np.int64(5)) runs the computation on a tiny architecture.
CALLS = {
    "Architecture": lambda k, v: Architecture(**{"filters": ((2,), (2,)), k: v}),
    "Architecture.parse": lambda k, v: Architecture.parse(v),
    "Limits": lambda k, v: Limits(**{k: v}),
    "Parameterization": lambda k, v: Parameterization(**{"arch": "2,2", k: v}),
    "parameterize": lambda k, v: lcnalg.parameterize(**{"arch": "2,2 r=2", k: v}),
    "PolynomialParameterization": lambda k, v: lcnalg.PolynomialParameterization(**{"arch": "2,2 r=2", k: v}),
    "ChannelParameterization": lambda k, v: lcnalg.ChannelParameterization(**{"arch": "2,2 c=1,2,1", k: v}),
    "evaluate": lambda k, v: Parameterization("2,2").evaluate(v),
    "evaluate_mod": lambda k, v: Parameterization("2,2").evaluate_mod(**{"theta": [1, 2, 3, 4], "modulus": 7, k: v}),
    "jacobian_rank": lambda k, v: Parameterization("2,2").jacobian_rank(**{"theta": [1, 2, 3, 4], k: v}),
    "random_point": lambda k, v: Parameterization("2,2").random_point(**{"seed": 0, k: v}),
    "random_point_mod": lambda k, v: Parameterization("2,2").random_point_mod(**{"seed": 0, "modulus": 7, k: v}),
    "FunctionSpace": lambda k, v: FunctionSpace(**{"arch": "2,2", k: v}),
    "fs.implicit_equations": lambda k, v: FunctionSpace("2,2 s=2").implicit_equations(**{k: v}),
    "fs.contains": lambda k, v: FunctionSpace("2,2").contains(**{"filt": [1, 0, 1], k: v}),
    "fs.inequalities": lambda k, v: FunctionSpace("2,2").inequalities(**{k: v}),
    "fs.boundary": lambda k, v: FunctionSpace("2,2").boundary(**{k: v}),
    "fs.critical_locus": lambda k, v: FunctionSpace("2,2").critical_locus(**{k: v}),
    "fs.singular_locus": lambda k, v: FunctionSpace("2,2 s=2").singular_locus(**{k: v}),
    "fs.is_zariski_closed": lambda k, v: FunctionSpace("2,2").is_zariski_closed(**{k: v}),
    "fs.stratification": lambda k, v: FunctionSpace("2,2").stratification(**{k: v}),
    "implicit_equations": lambda k, v: lcnalg.implicit_equations(**{"mu": Parameterization("2,2 s=2"), k: v}),
    "function_space_dimension": lambda k, v: lcnalg.function_space_dimension(**{"mu": Parameterization("2,2"),
                                                                                 k: v}),
    "contains": lambda k, v: lcnalg.contains(**{"arch": "2,2", "filt": [1, 0, 1], k: v}),
    "inequalities": lambda k, v: lcnalg.inequalities(**{"arch": "2,2", k: v}),
    "boundary": lambda k, v: lcnalg.boundary(**{"arch": "2,2", k: v}),
    "is_zariski_closed": lambda k, v: lcnalg.is_zariski_closed(**{"arch": "2,2", k: v}),
    "critical_locus": lambda k, v: lcnalg.critical_locus(**{"arch": "2,2", k: v}),
    "singular_locus": lambda k, v: lcnalg.singular_locus(**{"arch": "2,2 s=2", k: v}),
    "stratification": lambda k, v: lcnalg.stratification(**{"arch": "2,2", k: v}),
    "Limits.check": lambda k, v: Limits().check(**{"name": "max_nodes", "what": "nodes", "estimate": 1, k: v}),
    "Limits.refuse": lambda k, v: Limits().refuse(**{"name": "max_nodes", "what": "nodes", "estimate": 1, k: v}),
    "Limits.budget": lambda k, v: Limits().budget(**{"name": "max_nodes", "what": "nodes", k: v}),
    "Limits.help": lambda k, v: Limits.help(v),
    "Limits.option": lambda k, v: Limits.option(v),
    "groebner_basis": lambda k, v: groebner_basis(**{"polys": [{(1, 1): 1, (0, 0): -1}], k: v}),
    "sweep_family": lambda k, v: lcnalg.hessian.sweep_family(**{"family": "filters=2..3", k: v}),
    "rank_sweep": lambda k, v: lcnalg.hessian.rank_sweep(**{"family": ["2,2", "3,3"], k: v}),
    "power_law_fit": lambda k, v: lcnalg.hessian.power_law_fit(**{"x": [1, 2, 3], "y": [1, 2, 4], k: v}),
    "dense_hessian_entries": lambda k, v: lcnalg.hessian.dense_hessian_entries(v),
    "linear_regions": lambda k, v: lcnalg.linear_regions(**{"network": _NET, k: v}),
    "regions.interior_point": lambda k, v: lcnalg.regions.interior_point(
        **{"rows": [((1, 1), -1)], "dimension": 2, k: v}),
    "regions.read_box": lambda k, v: lcnalg.regions.read_box(**{"box": (0, 1), "dimension": 2, k: v}),
    "regions.read_network": lambda k, v: lcnalg.regions.read_network(v),
    "regions.arrangement_bound": lambda k, v: lcnalg.regions.arrangement_bound(**{"units": 3, "dimension": 2, k: v}),
    "regions.serra_bound": lambda k, v: lcnalg.regions.serra_bound(**{"input_dimension": 2, "widths": [3], k: v}),
    "regions.product_bound": lambda k, v: lcnalg.regions.product_bound(**{"input_dimension": 2, "widths": [3], k: v}),
    "regions.montufar_lower_bound": lambda k, v: lcnalg.regions.montufar_lower_bound(
        **{"input_dimension": 2, "widths": [3], k: v}),
    "latex_report": lambda k, v: latex_report(**{"space": "2,2", "sections": "summary", k: v}),
    "FilterBasis": lambda k, v: lcnalg.FilterBasis(**{"layers": [[[1, 1]], [[1, 0], [0, 1]]], "arch": "2,2", k: v}),
    "FilterBasis.family": lambda k, v: lcnalg.FilterBasis.family(**{"name": "haar", "arch": "2,2", "size": 1,
                                                                    k: v}),
    "FilterBasis.from_json": lambda k, v: lcnalg.FilterBasis.from_json(**{"data": {"family": "haar", "size": 1},
                                                                          "arch": "2,2", k: v}),
    "BasisParameterization": lambda k, v: lcnalg.BasisParameterization(
        **{"arch": "2,2", "basis": lcnalg.FilterBasis("2,2", [[[1, 1]], [[1, 0], [0, 1]]]), k: v}),
    "basis_evaluate": lambda k, v: _basis_mu().evaluate(v),
    "basis_jacobian_rank": lambda k, v: _basis_mu().jacobian_rank(**{"theta": [1, 2, 3], k: v}),
    "compare_basis": lambda k, v: lcnalg.compare_basis(**{"mu": _basis_mu(), k: v}),
    "basis_equations": lambda k, v: lcnalg.basis_equations(**{"mu": _basis_mu(), k: v}),
    "fs.compare_basis": lambda k, v: FunctionSpace("2,2", basis={"family": "haar", "size": 1}).compare_basis(**{k: v}),
    "FunctionSpace(basis=)": lambda k, v: FunctionSpace(**{"arch": "2,2", k: v}),
    "equivariant_maps": lambda k, v: lcnalg.equivariant_maps(**{"group": "S3", "on": "points", "to": "pairs", k: v}),
    "PermutationGroup": lambda k, v: lcnalg.groups.PermutationGroup(**{"generators": [[1, 2, 0]], k: v}),
    "parse_action": lambda k, v: lcnalg.groups.parse_action(**{"group": lcnalg.groups.parse_group("S3"),
                                                               "text": "pairs", k: v}),
    "convolution_matrix": lambda k, v: lcnalg.groups.convolution_matrix(
        **{**_s3_points(), "kernel": [1, 1, 0, 0, 0, 0], k: v}),
    "read_generators": lambda k, v: lcnalg.groups.read_generators(v),
    "irreducible_representations": lambda k, v: lcnalg.groups.irreducible_representations(**{"group": "S3", k: v}),
    "group_fourier": lambda k, v: lcnalg.groups.group_fourier(**{"f": [1, 0, 0, 0, 0, 0], "reps": _s3_reps(), k: v}),
    "inverse_group_fourier": lambda k, v: lcnalg.groups.inverse_group_fourier(
        **{"fhat": [[[1]], [[1]], [[1, 0], [0, 1]]], "reps": _s3_reps(), k: v}),
    "theorems.get": lambda k, v: theorems.get(v),
    "Theorem.check": lambda k, v: theorems.get("dimension").check(**{"arch": "2,2", k: v}),
    "Theorem.applies": lambda k, v: theorems.get("filling").applies(v),
    "theorems.verify": lambda k, v: theorems.verify(**{"theorems": ["dimension"], "architectures": ["2,2"], k: v}),
    "theorems.family": lambda k, v: theorems.family(**{"spec": "layers=2 filters=2", k: v}),
    "theorems.random_family": lambda k, v: theorems.random_family(**{"n": 2, k: v}),
    "theorems.parse_family": lambda k, v: theorems.parse_family(v),
    "theorems.family_size": lambda k, v: theorems.family_size(v),
    "theorems.verify_limits": lambda k, v: theorems.verify_limits(v),
    "CaseTheorem.check": lambda k, v: theorems.get("burnside-orbits").check(**{"case": theorems.GroupCase("C3"), k: v}),
    "CaseTheorem.applies": lambda k, v: theorems.get("kondor-trivedi").applies(v),
    "GroupCase": lambda k, v: theorems.get("burnside-orbits").check(theorems.GroupCase(**{"group": "S3", k: v})),
    "RegionsCase": lambda k, v: theorems.get("str18-upper-bound").check(
        theorems.RegionsCase(**{"inputs": 2, "widths": [2], "seed": 0, k: v})),
    "BasisCase": lambda k, v: theorems.get("basis-dimension-bound").check(
        theorems.BasisCase(**{"architecture": "2,2", "basis": "haar", "size": 1, k: v})),
    "verify(cases)": lambda k, v: theorems.verify(**{"architectures": [theorems.GroupCase("C3")], k: v}),
}
PARAMETERS = {
    "Architecture": ["filters", "strides", "activation", "channels"],
    "Architecture.parse": ["text"],
    "Limits": ["max_nodes", "max_terms"],
    "Parameterization": ["arch", "max_terms", "limits"],
    "parameterize": ["arch", "limits"],
    "PolynomialParameterization": ["arch", "max_terms", "limits"],
    "ChannelParameterization": ["arch", "max_terms", "limits"],
    "evaluate": ["theta"],
    "evaluate_mod": ["theta", "modulus"],
    "jacobian_rank": ["theta", "modulus"],
    "random_point": ["seed", "bound"],
    "random_point_mod": ["seed", "modulus"],
    "FunctionSpace": ["arch", "seed", "limits"],
    "fs.implicit_equations": ["max_degree", "certify", "jobs", "progress", "executor", "max_monomials", "max_piece"],
    "fs.contains": ["filt", "max_nodes", "max_field_work", "max_precision"],
    "fs.inequalities": ["max_degree", "jobs", "executor"],
    "fs.boundary": ["max_degree", "jobs", "executor"],
    "fs.critical_locus": ["modulus", "max_minors"],
    "fs.singular_locus": ["method", "randomized", "modulus", "max_minors"],
    "fs.is_zariski_closed": ["max_states"],
    "fs.stratification": ["max_minors"],
    "implicit_equations": ["mu", "max_degree", "jobs", "seed", "certify", "progress", "max_monomials", "max_piece",
                           "executor", "dimension", "limits"],
    "function_space_dimension": ["mu", "seed", "trials"],
    "contains": ["arch", "filt", "limits", "max_nodes", "max_field_work", "max_precision"],
    "inequalities": ["arch", "limits", "seed", "dimension", "equations", "closedness", "max_degree", "jobs",
                     "max_states", "executor"],
    "boundary": ["arch", "limits", "seed", "dimension", "equations", "closedness", "max_degree", "jobs",
                 "max_states", "executor"],
    "is_zariski_closed": ["arch", "limits", "max_states"],
    "critical_locus": ["arch", "dimension", "seed", "modulus", "max_minors", "limits"],
    "singular_locus": ["arch", "method", "dimension", "equations", "randomized", "seed", "modulus", "max_minors",
                       "max_terms", "limits"],
    "stratification": ["arch", "seed", "dimension", "equations", "max_minors", "limits"],
    "Limits.check": ["name", "what", "estimate"],
    "Limits.refuse": ["name", "what", "estimate"],
    "Limits.budget": ["name", "what"],
    "Limits.help": ["name"],
    "Limits.option": ["name"],
    "groebner_basis": ["polys", "order", "modulus", "nvars", "grading", "max_matrix_entries", "max_total_entries",
                       "max_primes", "ideal_test", "limits"],
    "sweep_family": ["family", "limits"],
    "rank_sweep": ["family", "samples", "seed", "limits"],
    "power_law_fit": ["x", "y", "target"],
    "dense_hessian_entries": ["arch"],
    "linear_regions": ["network", "box", "limits"],
    "regions.interior_point": ["rows", "dimension", "box", "start"],
    "regions.read_box": ["box", "dimension"],
    "regions.read_network": ["network"],
    "regions.arrangement_bound": ["units", "dimension"],
    "regions.serra_bound": ["input_dimension", "widths"],
    "regions.product_bound": ["input_dimension", "widths"],
    "regions.montufar_lower_bound": ["input_dimension", "widths"],
    "latex_report": ["space", "sections", "seed", "limits", "path"],
    "FilterBasis": ["layers", "arch"],
    "FilterBasis.family": ["name", "arch", "size", "of"],
    "FilterBasis.from_json": ["data", "arch"],
    "BasisParameterization": ["arch", "basis", "limits"],
    "basis_evaluate": ["theta"],
    "basis_jacobian_rank": ["theta", "modulus"],
    "compare_basis": ["mu", "max_degree", "seed", "limits"],
    "basis_equations": ["mu", "max_degree", "seed", "limits", "dimension", "certify"],
    "fs.compare_basis": ["max_degree"],
    "FunctionSpace(basis=)": ["basis"],
    "equivariant_maps": ["group", "on", "to", "dense", "limits"],
    "irreducible_representations": ["group", "limits"],
    "group_fourier": ["f", "reps"],
    "inverse_group_fourier": ["fhat", "reps"],
    "PermutationGroup": ["generators", "name", "point_name"],
    "parse_action": ["group", "text", "limits"],
    "convolution_matrix": ["group", "on", "to", "kernel", "limits"],
    "read_generators": ["path"],
    "theorems.get": ["name"],
    "Theorem.check": ["arch", "seed", "limits", "space"],
    "Theorem.applies": ["arch"],
    "theorems.verify": ["theorems", "architectures", "seed", "limits", "jobs", "description", "progress"],
    "theorems.family": ["spec", "limits"],
    "theorems.random_family": ["n", "seed", "spec", "limits"],
    "theorems.parse_family": ["spec"],
    "theorems.family_size": ["spec"],
    "theorems.verify_limits": ["limits"],
    "CaseTheorem.check": ["case", "seed", "limits", "space"],
    "CaseTheorem.applies": ["case"],
    "GroupCase": ["group", "on", "to"],
    "RegionsCase": ["inputs", "widths", "seed"],
    "BasisCase": ["architecture", "basis", "size"],
    "verify(cases)": ["theorems", "seed", "limits", "jobs"],
}
CASES = [(name, param) for name, params in PARAMETERS.items() for param in params]


def _basis_mu() -> "lcnalg.BasisParameterization":
    return lcnalg.BasisParameterization("2,2", lcnalg.FilterBasis("2,2", [[[1, 1]], [[1, 0], [0, 1]]]))
def _s3_reps() -> "lcnalg.groups.IrreducibleRepresentations":
    return lcnalg.groups.irreducible_representations("S3")


def _s3_points() -> dict:
    G = lcnalg.groups.parse_group("S3")
    X = lcnalg.groups.TupleAction(G, 1)
    return {"group": G, "on": X, "to": X}


def test_every_public_function_is_covered():
    public = {n for n in lcnalg.__all__ if callable(getattr(lcnalg, n)) and not isinstance(getattr(lcnalg, n), type)}
    assert public <= set(CALLS)
    catalog_functions = {f"theorems.{n}" for n in theorems.__all__
                         if callable(getattr(theorems, n)) and not isinstance(getattr(theorems, n), type)}
    assert catalog_functions - {"theorems.catalog"} <= set(CALLS)  # catalog() takes no argument
    assert set(CALLS) == set(PARAMETERS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=st.sampled_from(CASES), value=GARBAGE)
def test_garbage_is_an_lcnalg_error_or_a_valid_answer(case, value):
    name, param = case
    _call_with_garbage(name, param, value)


@pytest.mark.parametrize("name, param", CASES)
def test_every_garbage_value_on_every_parameter(name, param):
    for value in GARBAGE_VALUES:
        _call_with_garbage(name, param, value)


def _call_with_garbage(name: str, param: str, value: object) -> None:
    # one core: jobs above it are capped (and warned about) without starting a process pool
    with mock.patch.object(checks, "available_cores", lambda: 1), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            with alarm(30):
                CALLS[name](param, value)
        except LCNAlgError as err:
            message = str(err)
            assert "\n" not in message and len(message) < 400, message
        except (Exception, Overrun) as err:  # noqa: BLE001 - the point of the test
            pytest.fail(f"{name}({param}={value!r:.40}) raised {type(err).__name__}: {err}")


# ------------------------------------------------------------------ hypothesis: numpy = int
@settings(max_examples=40, deadline=None)
@given(arch=architectures(max_layers=2, max_ambient=12), data=st.data())
def test_numpy_integers_give_the_same_answers(arch, data):
    mu = Parameterization(arch)
    dtype = data.draw(st.sampled_from([np.int8, np.int16, np.int32, np.int64]))
    theta = data.draw(st.lists(st.integers(-9, 9), min_size=mu.num_parameters, max_size=mu.num_parameters))
    assert mu.evaluate(np.array(theta, dtype=dtype)) == mu.evaluate(theta)
    assert mu.evaluate([dtype(x) for x in theta]) == mu.evaluate(theta)
    assert mu.evaluate_mod(np.array(theta, dtype=dtype), np.int64(101)) == mu.evaluate_mod(theta, 101)
    assert mu.jacobian_rank(np.array(theta, dtype=dtype)) == mu.jacobian_rank(theta)
    seed = data.draw(st.integers(-5, 5))
    assert mu.random_point(np.int64(seed)) == mu.random_point(seed)
    filt = [int(x) for x in mu.evaluate(theta)]
    got, expected = lcnalg.contains(arch, np.array(filt, dtype=np.int64)), lcnalg.contains(arch, filt)
    assert (got.filter, got.contained) == (expected.filter, expected.contained)


def test_a_huge_bound_is_shown_by_its_size():
    err = Limits(max_nodes=10**5000).refuse("max_nodes", "nodes", 10**6000)
    assert "above the bound about 2^16609" in str(err) and err.bound == 10**5000 and err.estimate == 10**6000
