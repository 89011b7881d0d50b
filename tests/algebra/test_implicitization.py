"""Implicit equations: known invariants, two independent routes, exactness, certification."""

from __future__ import annotations

import json
import math
import random
from collections import Counter

import flint
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lcnalg import FunctionSpace, InputError, Limits, Parameterization, ResourceLimitError
from lcnalg.algebra import implicitization as impl, interpolation
from lcnalg.algebra.grading import grading_work
from lcnalg.algebra.certify import complete_up_to_degree, verify_equations
from lcnalg.polys.groebner import groebner_basis
from lcnalg.algebra.length_certificate import length_certificate
from lcnalg.algebra.implicitization import (EquationsBasis, certify_by_elimination, graph_ideal, graph_multigrading,
                                            implicit_equations)
from lcnalg.polys.monomials import elimination
from lcnalg.parameterization import parameterize
from lcnalg.cli import main

from tests.strategies import architectures

# Measured with Singular and Macaulay2 (docs/theory.md#measured-invariants, issue 4): degree histogram, dim, degree.
KNOWN = [
    ("2,2 s=2", {2: 1}, 3, 2),
    ("3,2 s=2", {3: 1}, 4, 3),
    ("2,2,2 s=2,2", {2: 9}, 4, 6),
    ("3,3 s=3", {2: 9}, 5, 6),
    ("2,3 s=3", {1: 2, 2: 3}, 4, 3),
    ("2,2,2 s=3,2", {1: 3, 2: 9}, 4, 6),
    ("2x2,2x2 s=2x2", {2: 36}, 7, 20),
    ("2x2,2x2", {6: 39}, 7, 10),
    ("3,3 s=2", {3: 4}, 5, 6),
]


@pytest.mark.parametrize("arch, histogram, dim, degree", KNOWN)
def test_measured_invariants(arch, histogram, dim, degree):
    r = FunctionSpace(arch).implicit_equations(certify=False)
    assert dict(Counter(r.degrees)) == histogram
    assert (r.dimension, r.degree) == (dim, degree)
    assert r.complete_up_to_degree >= max(histogram)
    assert all(verify_equations(Parameterization(arch), r.polynomials))


@pytest.mark.parametrize("arch", ["2,2 s=2", "3,2 s=2", "2,3 s=3", "2,2,2 s=3,2", "3,3 s=3"])
def test_certified_small_cases(arch):
    r = FunctionSpace(arch).implicit_equations()
    assert r.certified and r.status == "certified"
    # the torus-orbit closures among them close by the toric certificate, the others by the
    # length certificate (1D: deg V is certified and these V are Cohen-Macaulay); the length
    # and elimination certificates, independent routes, agree on every one
    closed_by = "toric certificate" if "toric" in r.certificate else "length certificate"
    assert closed_by in r.certificate and closed_by in r.method
    assert (arch == "3,2 s=2") == (closed_by == "length certificate")   # the one that is not toric
    assert length_certificate(r.polynomials, dimension=r.dimension, degree=r.variety_degree,
                              degree_certified=True).certified
    assert certify_by_elimination(Parameterization(arch), r.polynomials)[0]


@pytest.mark.slow
def test_certified_2x2_2x2():
    r = FunctionSpace("2x2,2x2").implicit_equations(certify=True)
    assert r.certified and r.num_generators == 39


@pytest.mark.parametrize("arch", ["3,2", "2,2,2", "4,3,2", "3,3,2,2"])
def test_stride_one_1d_is_the_zero_ideal(arch):
    r = FunctionSpace(arch).implicit_equations()
    assert r.num_generators == 0 and r.equations == ()
    assert r.dimension == r.ambient_dimension and r.degree == 1
    assert "full-dimensional" in r.stopped_by and "filling" in r.to_text()
    assert r.certified and "Zariski dense" in r.certificate


def test_dropping_a_generator_is_never_certified():
    mu = Parameterization("2,2,2 s=2,2")
    r = implicit_equations(mu, certify=False)
    polys = list(r.polynomials)
    for drop in range(len(polys)):
        rest = polys[:drop] + polys[drop + 1:]
        ok, why = certify_by_elimination(mu, tuple(rest))
        assert not ok
        assert complete_up_to_degree(mu, rest, 3) < 2
    assert certify_by_elimination(mu, tuple(polys))[0]
    assert complete_up_to_degree(mu, polys, 3) == 3


def test_dropping_a_sextic_lowers_the_proved_degree():
    mu = Parameterization("2x2,2x2")
    polys = list(implicit_equations(mu, certify=False, max_degree=6).polynomials)
    assert complete_up_to_degree(mu, polys, 6) == 6
    assert complete_up_to_degree(mu, polys[1:], 6) == 5


def _reduced_gb_mod_p(polys, nvars, p=2147483629):
    dicts = [{tuple(int(x) for x in m): int(c) for m, c in f.terms()} for f in polys]
    dicts = [d for d in dicts if d]
    if not dicts:
        return []
    return sorted(map(lambda d: tuple(sorted(d.items())),
                      groebner_basis(dicts, "degrevlex", modulus=p, nvars=nvars).polys))


def _elimination_ideal(mu):
    """Route 2: eliminate w from the graph ideal <c - μ(w)> (our Gröbner engine, mod p)."""
    graph, grading = graph_ideal(mu)
    N = mu.num_parameters
    gb = groebner_basis(graph, elimination(N), modulus=2147483629, nvars=len(grading), grading=grading)
    return [mu.coordinate_ring.from_dict({tuple(k[N:]): int(v) for k, v in g.items()})
            for g in gb.polys if all(not any(k[:N]) for k in g)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=9, reduced=True))
def test_interpolation_and_elimination_give_the_same_ideal(arch):
    mu = Parameterization(arch)
    if mu.num_parameters + mu.ambient_dimension > 20:
        return
    r = implicit_equations(mu, certify=False)
    assert all(verify_equations(mu, r.polynomials))
    n = mu.ambient_dimension
    assert _reduced_gb_mod_p(r.polynomials, n) == _reduced_gb_mod_p(_elimination_ideal(mu), n)
    # so the elimination certificate must close on them, and never on the set without its last
    # generator (a minimal generator: a strictly smaller ideal over Q)
    ok, why = certify_by_elimination(mu, r.polynomials)
    assert ok, why
    if r.polynomials:
        assert not certify_by_elimination(mu, r.polynomials[:-1])[0]
    else:
        assert "zero" in why


def test_elimination_certificate_of_the_zero_ideal():
    # stride one in 1D fills its space: no equation, and the eliminants prove it
    ok, why = certify_by_elimination(Parameterization("3,2,2"), ())
    assert ok and "no w-free element" in why and "merged" in why


def _points_on_slice(polys, n, dim, seed, p=2147483629):
    """deg V(J) as the number of points (with multiplicity) of the projective slice of
    V(J) by dim-1 random hyperplanes: the degree of a one-dimensional cone."""
    rng = random.Random(seed)
    eqs = [{tuple(int(x) for x in m): int(c) % p for m, c in f.terms()} for f in polys]
    for _ in range(dim - 1):
        eqs.append({tuple(int(i == j) for j in range(n)): rng.randrange(1, p) for i in range(n)})
    gb = groebner_basis(eqs, "degrevlex", modulus=p, nvars=n)
    assert gb.dimension() == 1
    return gb.degree()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=9, reduced=True))
def test_dimension_and_degree_by_independent_routes(arch):
    fs = FunctionSpace(arch)
    r = fs.implicit_equations(certify=False)
    assert r.dimension == fs.dimension.value  # Jacobian rank route
    if r.num_generators:
        gb = groebner_basis([{tuple(int(x) for x in m): int(c) for m, c in f.terms()} for f in r.polynomials],
                            "degrevlex", modulus=2147483629, nvars=r.ambient_dimension)
        assert gb.dimension() == r.dimension  # Hilbert series route
        assert _points_on_slice(r.polynomials, r.ambient_dimension, r.dimension, seed=1) == r.degree
    t = arch.cumulative_strides
    if arch.ndim == 1 and arch.num_layers > 1 and all(s[0] > 1 for s in arch.strides[:-1]):
        # docs/theory.md#degree: 1D, all strides > 1: generic fibre 1 modulo rescaling, so
        # deg V = multinomial(Σ n_l; n_1, ..., n_L) with n_l = k_l - 1.
        ns = [k[0] - 1 for k in arch.filters]
        assert r.degree == math.factorial(sum(ns)) // math.prod(math.factorial(x) for x in ns)


def test_equations_are_primitive_sorted_and_parse_in_sympy():
    import sympy

    r = FunctionSpace("2,2,2 s=3,2").implicit_equations(certify=False)
    assert list(r.degrees) == sorted(r.degrees)
    for text, poly in zip(r.equations, r.polynomials):
        assert poly.content() == 1 and poly.leading_coefficient() > 0
        expr = sympy.sympify(text)
        assert sympy.expand(expr - sympy.sympify(str(poly).replace("^", "**"))) == 0


def test_jobs_give_the_same_answer():
    a = FunctionSpace("3,3 s=2").implicit_equations(certify=False, jobs=1)
    b = FunctionSpace("3,3 s=2").implicit_equations(certify=False, jobs=2)
    assert a.equations == b.equations


def test_a_long_check_of_few_equations_is_shared_among_the_processes(monkeypatch):
    """Fewer equations than PARALLEL_CHECK go to the executor when the first one's check,
    times their number, reaches PARALLEL_CHECK_SECONDS (the first is checked here), and stay in
    this process below it; the equations and the verdict are the same either way, and the same
    as without an executor.  (A check that failed anywhere would stop the run.)"""
    from concurrent.futures import ThreadPoolExecutor

    class Recording(ThreadPoolExecutor):
        def __init__(self):
            super().__init__(max_workers=2)
            self.submitted = 0

        def submit(self, fn, *args, **kwargs):
            self.submitted += 1
            return super().submit(fn, *args, **kwargs)

    mu = Parameterization("2x2,2x2")          # 39 sextics: fewer than PARALLEL_CHECK
    plain = impl.implicit_equations(mu, jobs=1)
    runs = []
    for seconds in (0.0, 1e9):
        monkeypatch.setattr(impl, "PARALLEL_CHECK_SECONDS", seconds)
        with Recording() as pool:
            r = impl.implicit_equations(mu, executor=pool)
        runs.append(pool.submitted)
        assert r.polynomials == plain.polynomials and r.certified == plain.certified
    assert len(plain.polynomials) < impl.PARALLEL_CHECK
    assert runs[0] > runs[1]   # the same pieces in both runs; the check's chunks only in the first


def test_max_degree_gives_an_honest_verdict():
    r = FunctionSpace("2x2,2x2").implicit_equations(max_degree=5, certify=False)
    assert r.num_generators == 0 and r.complete_up_to_degree == 5 and not r.certified
    assert r.status == "complete up to degree 5" and "max_degree" in r.stopped_by


def test_resource_limit_is_refused_up_front():
    with pytest.raises(ResourceLimitError, match="max_monomials"):
        FunctionSpace("3x3,3x3").implicit_equations(max_degree=12)
    with pytest.raises(InputError):
        FunctionSpace("3,2 s=2").implicit_equations(max_degree=0)


def test_cli_json_latex_scripts(capsys):
    assert main(["equations", "2,3 s=3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ["architecture", "equations", "degrees", "num_generators", "dimension", "degree",
                "hilbert_series", "certified", "complete_up_to_degree", "method", "primes", "seconds"]:
        assert key in data
    assert data["num_generators"] == 5 and data["degrees"] == [1, 1, 2, 2, 2] and data["certified"]
    assert main(["equations", "2,2 s=2", "--latex"]) == 0
    out = capsys.readouterr().out
    assert r"\begin{align*}" in out and "c_{1} c_{2}" in out
    assert main(["equations", "2,2 s=2", "--m2"]) == 0
    assert "kernel" in capsys.readouterr().out
    assert main(["equations", "2,2 s=2", "--singular"]) == 0
    assert "ring" in capsys.readouterr().out
    assert main(["equations", "3x3,3x3", "--max-degree", "12"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "--max-monomials" in err


@pytest.mark.parametrize("arch, degree", [("2x2,2x2", 10), ("2x2,2x2 s=2x2", 20), ("2x1,1x2", 2),
                                          ("2x2,2x1", 4)])
def test_degree_by_fibre_matches_the_equations(arch, degree):
    """Two routes to deg V: the Hilbert series of the certified/complete ideal, and
    Segre degree / generic fibre size (docs/theory.md#degree)."""
    from lcnalg.algebra.degree import degree_by_fibre

    r = FunctionSpace(arch).implicit_equations(certify=False)
    fib = degree_by_fibre(Parameterization(arch), seed=3)
    assert r.degree == fib.degree == degree == r.variety_degree


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(ndim=2, max_layers=2, max_size=3, max_stride=2, max_ambient=9, reduced=True))
def test_degree_by_fibre_on_random_2d(arch):
    from lcnalg.algebra.degree import degree_by_fibre

    fib = degree_by_fibre(Parameterization(arch), seed=1)
    if fib.degree is None:
        return
    r = FunctionSpace(arch).implicit_equations(certify=False)
    if r.degree is not None and r.dimension < r.ambient_dimension:
        assert r.degree == fib.degree


def test_stopping_rule_needs_the_degree_of_v():
    """The 7 quadrics of 3x2,2x2 s=1x2 cut out a complete intersection of the right
    dimension (9) but degree 128: the rule must go on to the quartics and sextics
    (Singular 4.3: 7 quadrics, 35 quartics, 7 sextics, degree 56); degree 6 is beyond the
    default bound of Limits() (2.9e9 in all), within that of lcnalg equations."""
    from lcnalg import Limits

    r = FunctionSpace("3x2,2x2 s=1x2", limits=Limits(max_equations_work=9 * 10**9)).implicit_equations(certify=False)
    assert dict(Counter(r.degrees)) == {2: 7, 4: 35, 6: 7}
    assert (r.dimension, r.degree, r.variety_degree) == (9, 56, 56)
    assert "degree 56 of V" in r.stopped_by


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(ndim=1, max_layers=3, max_size=4, max_stride=3, max_ambient=10, reduced=True))
def test_fibre_degree_1d_matches_the_certified_ideal(arch):
    """deg V = Segre degree / |F| with |F| counted from root orbits, against the Hilbert
    series of the ideal certified by elimination (or the filling case)."""
    from lcnalg.algebra.degree import degree_by_fibre

    fib = degree_by_fibre(Parameterization(arch))
    r = FunctionSpace(arch).implicit_equations(certify=True)
    assert r.certified
    assert fib.degree == r.degree


@st.composite
def _mixed_strides_1d(draw):
    """1D, 3 layers, strides 1 and 2 both present before the last layer, ambient <= 11."""
    from lcnalg import Architecture

    sizes = [draw(st.integers(2, 3)) for _ in range(3)]
    strides = draw(st.sampled_from([(1, 2), (2, 1)]))
    arch = Architecture(tuple((k,) for k in sizes), tuple((s,) for s in strides) + ((1,),))
    return arch


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_mixed_strides_1d(), st.integers(0, 2**30))
def test_layers_joined_by_stride_one_merge_over_c(arch, seed):
    """merged_over_c keeps the vanishing ideal: the equations of each architecture vanish
    exactly at integer points of the other's parameterization, and the dimensions agree."""
    merged = arch.merged_over_c()
    assert merged.end_to_end_filter_shape == arch.end_to_end_filter_shape
    assert all(s != (1,) for s in merged.strides[:-1])
    rng = random.Random(seed)
    ra = FunctionSpace(arch).implicit_equations(certify=False)
    rb = FunctionSpace(merged).implicit_equations(certify=False)
    assert ra.dimension == rb.dimension
    for r, other in ((ra, merged), (rb, arch)):
        mu = Parameterization(other)
        for _ in range(3):
            point = [[rng.randint(-9, 9) for _ in range(n)] for n in other.filter_sizes]
            value = [int(v) for v in mu.evaluate(point)]
            assert all(p(*value) == 0 for p in r.polynomials)


def test_result_protocol_status_and_text_convention():
    import sympy

    r = FunctionSpace("3,2 s=2").implicit_equations()
    assert r.status == "certified" and r.status.is_certified and r.argument == r.certificate
    assert "^" in r.equations[0] and "**" not in r.equations[0]
    assert sympy.expand(sympy.sympify(r.equations[0], convert_xor=True) - sympy.sympify(
        str(r.polynomials[0]).replace("^", "**"))) == 0
    data = json.loads(r.to_json())
    assert "polynomials" not in data and data["status"] == "certified"
    assert r.provenance().startswith("certified")
    # Jupyter renders math in dollars or a LaTeX environment MathJax knows
    assert r._repr_latex_().startswith(("$", r"\begin{align*}"))
    partial = FunctionSpace("2x2,2x2").implicit_equations(max_degree=3, certify=False)
    assert partial.status.kind.name == "COMPLETE_TO_DEGREE" and partial.status.degree == 3
    assert json.loads(partial.to_json())["status_detail"]["degree"] == 3
    many = FunctionSpace("2,2,2 s=2,2").implicit_equations()
    text = many.to_text(max_equations=2)
    assert "--all" not in text and "7 more equations not shown" in text
    assert not hasattr(many, "to_macaulay2") and not hasattr(many, "to_singular")


def test_bounds_are_limits_fields():
    from lcnalg import Limits

    with pytest.raises(ResourceLimitError) as err:
        implicit_equations(Parameterization("3x3,3x3"), max_degree=12)
    assert err.value.limit == "max_monomials"
    r = implicit_equations(Parameterization("2,2,2 s=2,2"), limits=Limits(max_summary_generators=1))
    assert r.degree is None and "max_summary_generators" in r.stopped_by
    r = implicit_equations(Parameterization("3,3 s=2"), limits=Limits(max_certify_generators=1))
    assert r.certified and "length certificate" in r.certificate  # the size rule is the elimination's
    r = implicit_equations(Parameterization("3,3 s=2"),
                           limits=Limits(max_certify_generators=1, max_total_entries=1))
    assert not r.certified and "max_certify_generators" in r.certificate
    assert "max_total_entries" in r.certificate  # the length certificate's bound


@pytest.mark.parametrize("arch", ["3,3,3 s=2,2", "2x2,2x2"])
def test_summary_bound_gives_up_the_summary_only(arch):
    """Beyond ``max_summary_entries`` the Gröbner summary is given up, and named; the equations
    and the verdict are those of the unbounded run (a certificate then makes its own basis).
    3,3,3 s=2,2 is certified by the length certificate, so its degree and Hilbert series are
    lost; 2x2,2x2 by the elimination's generating degree, which gives them without the summary's
    basis: the same as the unbounded run's."""
    from lcnalg import Limits

    full = implicit_equations(Parameterization(arch))
    cut = implicit_equations(Parameterization(arch), limits=Limits(max_summary_entries=1000))
    assert full.degree is not None and full.hilbert_series is not None
    assert "--max-summary-entries" not in full.stopped_by
    if "generating-degree" in full.certificate:
        assert arch == "2x2,2x2" and "generating-degree" in cut.certificate
        assert (cut.degree, cut.hilbert_series) == (full.degree, full.hilbert_series)
        assert "--max-summary-entries" not in cut.stopped_by
    else:
        assert arch == "3,3,3 s=2,2" and "length certificate" in full.method
        assert cut.degree is None and cut.hilbert_series is None
        assert "--max-summary-entries" in cut.stopped_by
    assert cut.polynomials == full.polynomials
    assert (cut.certified, cut.complete_up_to_degree) == (full.certified, full.complete_up_to_degree)


# -- every request bounded up front -------------------------------------------------------

def _one_line_refusal(argv, option, capsys):
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert not out and len(err.strip().splitlines()) == 1 and option in err, err


def test_huge_max_degree_is_decided_at_once(capsys):
    """The degree pre-check is one closed-form count (no loop over 10^9 degrees); a space
    that fills its coordinates stops after degree 1 whatever max_degree says."""
    _one_line_refusal(["equations", "2,2", "--max-degree", "1000000000"], "--max-monomials", capsys)
    assert main(["equations", "1", "--max-degree", "1000000000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["certified"] and data["num_generators"] == 0


def test_interpolation_work_bound_gives_a_partial_answer():
    """Beyond max_interpolation_work the degree loop stops with `complete up to degree d`
    naming the bound (with or without max_degree); raised, the answer is complete."""
    from lcnalg import Limits

    small = Limits(max_interpolation_work=10_000)   # degree 3 of 2x2,2x2 is estimated at 26122
    for max_degree in (None, 6):
        r = implicit_equations(Parameterization("2x2,2x2"), max_degree=max_degree, certify=False,
                               limits=small)
        assert r.status == "complete up to degree 2" and r.num_generators == 0
        assert "max_interpolation_work" in r.stopped_by and "--max-interpolation-work" in r.stopped_by
    r = implicit_equations(Parameterization("2x2,2x2"), certify=False,
                           limits=Limits(max_interpolation_work=10**7))
    assert r.num_generators == 39 and "max_interpolation_work" not in r.stopped_by


@pytest.fixture(scope="module")
def interpolated_to_degree_8():
    """1x2,3x3 s=2x1 with every degree up to 8 interpolated in one process, without certificate
    (about 3 s; shared by the tests that compare other routes with it)."""
    from lcnalg import Limits

    return implicit_equations(Parameterization("1x2,3x3 s=2x1"), jobs=1, max_degree=8, certify=False,
                              limits=Limits(max_equations_work=10**11))


def test_run_ended_by_a_work_bound_is_certified_by_default_when_complete(interpolated_to_degree_8):
    """1x2,3x3 s=2x1 cut by max_equations_work at degree 8 already holds its whole ideal (24
    equations): the default elimination certificate is tried on a run a work bound ended and
    certifies the same equations as a run with a hundred times the work that interpolates
    every degree up to 8."""
    from lcnalg import Limits

    mu = Parameterization("1x2,3x3 s=2x1")
    # (max_read_entries = 1: the refused degree is not read from the elimination)
    cut = implicit_equations(mu, limits=Limits(max_equations_work=10**9, max_read_entries=1))
    assert cut.stopped_by.startswith("resource bound at degree 8") and cut.complete_up_to_degree == 7
    assert cut.certified and "elimination Gröbner basis" in cut.argument
    # (one process: degree 8 interpolated, not read from an elimination beside it)
    more = interpolated_to_degree_8
    assert more.complete_up_to_degree == 8 and not more.certified
    assert cut.polynomials == more.polynomials
    # by default the refused degree 8 is read from the elimination (which ends there): the same
    # equations, complete up to degree 8 (docs/theory.md#degree-from-elimination)
    read = implicit_equations(mu, limits=Limits(max_equations_work=10**9))
    assert read.stopped_by.startswith("resource bound at degree 8") and "degree 8 was read" in read.stopped_by
    assert read.complete_up_to_degree == 8 and read.certified and read.polynomials == more.polynomials
    # 2x2,2x2 cut at degree 6 holds no equation: nothing to certify, and not certified
    none = implicit_equations(Parameterization("2x2,2x2"), limits=Limits(max_equations_work=3 * 10**7))
    assert none.num_generators == 0 and not none.certified
    # 3x2,2x2 s=1x2 cut at degree 5 misses its 7 sextics: the bound stopped it right after its
    # quartics, so the default does not try the certificate; forced, it fails
    mu = Parameterization("3x2,2x2 s=1x2")
    short = implicit_equations(mu, limits=Limits(max_equations_work=10**8))
    assert short.num_generators == 42 and not short.certified and short.complete_up_to_degree == 4
    assert "right after the last equation's degree" in short.how_to_certify
    assert not certify_by_elimination(mu, short.polynomials)[0]



def test_past_the_size_rule_a_refused_degree_is_read_from_the_certificate_s_own_elimination(interpolated_to_degree_8):
    """Past the size rule of the membership test (24 equations > max_certify_generators = 10),
    equations complete beyond their highest degree (6, complete up to 7) are judged at the end
    by the generating degree of the elimination made anyway within max_certify_entries; the
    degree 8 that the work bound refuses is read from that very elimination, whatever
    max_read_entries says: certified, with the equations of the run that interpolates degree 8,
    one process or two (3x2,2x2 s=2x1 is such a run by default, with 413 equations)."""
    from lcnalg import Limits

    mu = Parameterization("1x2,3x3 s=2x1")
    more = interpolated_to_degree_8
    assert more.complete_up_to_degree == 8
    for jobs in (None, 1):
        read = implicit_equations(mu, jobs=jobs, limits=Limits(max_equations_work=10**9, max_read_entries=1,
                                                                max_certify_generators=10))
        assert "degree 8 was read" in read.stopped_by and read.complete_up_to_degree == 8
        assert read.certified and "generating-degree" in read.argument and read.polynomials == more.polynomials
    # (within the size rule the read keeps max_read_entries: the test above)


def test_candidate_stop_closed_by_a_certificate_skips_the_next_degree_check(monkeypatch):
    """At a candidate stop of the stopping rule (the leading ideal up to degree e has the
    dimension and degree of V) the length certificate that closes ends the run: degree e + 1
    is not checked (check_degree is not called), and the equations are those of a run that
    checks it (certify=False).  The elimination certificate is not tried there: on 3x2,2x3
    s=2x2 the candidate stop after degree 3 still misses the 45 quartics, and the elimination
    is judged once, at the end, on all 227 equations complete up to degree 5 (by its generating
    degree, which closes, so the membership test is not needed)."""
    from lcnalg import Limits

    checked, eliminations = [], []
    original, eliminate = impl.check_degree, impl.attempt_elimination_certificate
    by_degree = impl.certify_by_generating_degree

    def spy(state, **kwargs):
        checked.append(state.degree + 1)
        return original(state, **kwargs)

    def counted(*args, **kwargs):
        eliminations.append(len(args[1]))
        return eliminate(*args, **kwargs)

    def judged(made, hilbert_function, nvars, **kwargs):
        eliminations.append(f"complete up to {len(hilbert_function) - 1}")
        return by_degree(made, hilbert_function, nvars, **kwargs)
    monkeypatch.setattr(impl, "check_degree", spy)
    monkeypatch.setattr(impl, "attempt_elimination_certificate", counted)
    monkeypatch.setattr(impl, "certify_by_generating_degree", judged)
    mu = Parameterization("3,2 s=2")
    closed = implicit_equations(mu)
    assert closed.certified and "length certificate" in closed.method
    assert closed.complete_up_to_degree == 3 and 4 not in checked and "so degree 4 was not checked" in closed.stopped_by
    plain = implicit_equations(mu, certify=False)
    assert 4 in checked and plain.complete_up_to_degree == 4 and not plain.certified
    assert plain.polynomials == closed.polynomials
    whole = implicit_equations(Parameterization("3x2,2x3 s=2x2"), limits=Limits(max_equations_work=10**10))
    assert whole.certified and whole.num_generators == 227 and eliminations == ["complete up to 5"]
    assert "generating-degree" in whole.certificate
    # with a bound that stops the run right after the cubics (182 equations): no default
    # elimination certificate there, the degree above the last equation's was never looked at
    # (the bound is met while lifting the quartics, after the degree's linear algebra: the degree
    # is not read from the elimination, which only stands for a degree refused by its estimate)
    cut = implicit_equations(Parameterization("3x2,2x3 s=2x2"), limits=Limits(max_equations_work=7 * 10**8))
    assert cut.num_generators == 182 and not cut.certified and eliminations == ["complete up to 5"]
    assert "right after the last equation's degree" in cut.how_to_certify and "read" not in cut.stopped_by
    # 3,3,3 s=2,3: the length certificate fails at the candidate stop (R/I is not
    # Cohen-Macaulay), the check of degree 4 brings nothing, and it is not run again at the end
    lengths = []
    length = impl.length_certificate
    monkeypatch.setattr(impl, "length_certificate", lambda *a, **k: lengths.append(1) or length(*a, **k))
    again = implicit_equations(Parameterization("3,3,3 s=2,3"))
    assert again.certified and "elimination certificate" in again.method and lengths == [1]


def test_grading_work_is_refused_up_front(capsys):
    """The finest grading of a huge architecture (an integer nullspace of terms x parameters)
    is estimated before the symbolic mu is built."""
    _one_line_refusal(["equations", "20x20,20x20"], "--max-grading-work", capsys)
    _one_line_refusal(["equations", "500,500"], "--max-grading-work", capsys)


def test_interpolation_work_estimate_against_the_work_done():
    """The estimate of each degree, made before any elimination, against the operations of the
    eliminations done, counted the same way: an upper bound when the degree brings no new
    equation (each piece is then one elimination of u + 8 points), within 30% when it does
    (each new equation adds a column to the products the estimate sizes by u), and never a
    crude overestimate."""
    from lcnalg.algebra.interpolation import InterpolationState, interpolate_degree

    for arch, top in (("2x2,2x2", 6), ("3,2,3 s=2,2", 4), ("2,3,2 s=1,2", 4), ("3,3 s=2", 4)):
        state = InterpolationState.start(Parameterization(arch))
        for _ in range(top):
            r = interpolate_degree(state)
            assert r.work > 0 and r.estimate > 0
            if r.new_generators == 0:
                assert r.work <= r.estimate <= 2 * r.work, (arch, r)
            else:
                assert r.work <= 1.3 * r.estimate and r.estimate <= 2 * r.work, (arch, r)


def test_interpolation_work_without_standard_monomials_doubles_the_points():
    """Without the standard monomials a piece of size s <= 256 is one elimination of all s
    points (s x s, rank at most s) and the products in its s free columns: by hand for the
    pieces of degree 2 of 2,2 s=2 (eight of one monomial, one of two)."""
    from lcnalg.algebra.interpolation import interpolation_work
    from lcnalg.algebra.sampling import pieces_of_degree

    from lcnalg.algebra.grading import finest_grading
    pieces = pieces_of_degree(finest_grading(Parameterization("2,2 s=2")), 2)
    assert sorted(len(v) for v in pieces.values()) == [1] * 8 + [2]

    def elimination(rows, cols, rank, read):   # Gaussian elimination + 100 per entry moved
        forward = sum((rows - 1 - i) * (cols - i) for i in range(rank))
        return forward + rank * (rank - 1) // 2 * (cols - rank) + 100 * (rows * cols + read)

    def piece(s):     # all s points, the pivots scanned (s entries), products (s + 10) x s
        return elimination(s, s, s, s) + elimination(s + 10, s, s, 0)
    assert interpolation_work(pieces) == 8 * piece(1) + piece(2)


def test_progress_announces_the_estimates(capsys):
    implicit_equations(Parameterization("2,2 s=2"), progress=True)
    err = capsys.readouterr().err
    assert "max_interpolation_work" in err and "2,2 s=2 in 4 coordinates" in err


def _hilbert_and_plain(arch, order, p, mu=None, fast=True, multi=True):
    """The bases of the graph ideal without Hilbert function, with the one of each degree, and
    with the one of each multidegree of the grading by layers (``fast=False`` or ``multi=False``:
    that one is not computed, None in its place)."""
    mu = Parameterization(arch) if mu is None else mu
    graph, grading = graph_ideal(mu)
    N = mu.num_parameters
    order = elimination(N) if order == "elimination" else order
    plain = groebner_basis(graph, order, modulus=p, nvars=len(grading), grading=grading)
    by_degree = by_layers = None
    if fast:
        by_degree = groebner_basis(graph, order, modulus=p, nvars=len(grading), grading=grading,
                                   hilbert_function=lambda d: math.comb(d + N - 1, N - 1))
    if multi:
        rows, hf = graph_multigrading(mu)
        assert [sum(col) for col in zip(*rows)] == grading  # the layers' degrees add up to the degree
        by_layers = groebner_basis(graph, order, modulus=p, nvars=len(grading), grading=rows, hilbert_function=hf)
    return plain, by_degree, by_layers


@pytest.mark.parametrize("arch", ["2x2,2x2 s=2x2", "4,3 s=2", "2,2,2,2 s=2,2,2", "3,2,2 s=2,2"])
@pytest.mark.parametrize("order, p", [("elimination", 2147483629), ("elimination", 2**61 - 1),
                                      ("degrevlex", 2147483629)])
def test_hilbert_driven_graph_ideal_basis_is_the_plain_one(arch, order, p):
    """F_p[w, c]/<c - mu(w)> is F_p[w]: with its Hilbert function (w-monomials of degree d, or
    of each multidegree by layers) the engine skips pairs (these graph ideals have some) and
    must return the same basis."""
    plain, fast, multi = _hilbert_and_plain(arch, order, p)
    assert fast.stats["hilbert_skipped_pairs"] > 0
    assert multi.stats["hilbert_skipped_pairs"] >= fast.stats["hilbert_skipped_pairs"]
    assert fast.polys == plain.polys == multi.polys


@pytest.mark.parametrize("arch, p", [("2,2,2 s=2,2", 2147483629), ("2,2,2 s=2,2", 2**61 - 1),
                                     ("3,3 s=2", 2147483629), ("3,3 s=2", 2**61 - 1),
                                     pytest.param("3,3,3 s=2,2", 2147483629, marks=pytest.mark.slow)])
def test_multidegree_skipping_keeps_the_elimination_basis(arch, p):
    """The elimination bases of graph ideals the certificate computes are the same with the
    skipping by multidegree (sorted, element by element) as without any skipping."""
    plain, _, multi = _hilbert_and_plain(arch, "elimination", p, fast=False)
    assert sorted(sorted(g.items()) for g in multi.polys) == sorted(sorted(g.items()) for g in plain.polys)


@pytest.mark.parametrize("arch", ["2,2 r=2", "3,2 r=3"])
def test_multidegree_skipping_on_polynomial_networks(arch):
    """With a monomial activation a coordinate has degree r^(L-l) in layer l: the rows of the
    grading by layers give c those degrees, and the basis is still the plain one."""
    mu = parameterize(arch)
    rows, _ = graph_multigrading(mu)
    assert [row[-1] for row in rows] == list(mu.layer_degrees)
    plain, fast, multi = _hilbert_and_plain(arch, "elimination", 2147483629, mu=mu)
    assert fast.polys == plain.polys == multi.polys


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=12, reduced=True))
def test_hilbert_driven_elimination_of_random_architectures(arch):
    mu = Parameterization(arch)
    if mu.num_parameters + mu.ambient_dimension > 22:
        return
    plain, fast = _hilbert_and_plain(arch, "elimination", 2147483629, multi=False)[:2]
    assert fast.polys == plain.polys


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=12, reduced=True))
def test_multidegree_driven_elimination_of_random_architectures(arch):
    """Skipping by multidegree (grading by layers) and by degree give one basis."""
    mu = Parameterization(arch)
    if mu.num_parameters + mu.ambient_dimension > 20:
        return
    graph, grading = graph_ideal(mu)
    N = mu.num_parameters
    by_degree = groebner_basis(graph, elimination(N), modulus=2147483629, nvars=len(grading), grading=grading,
                               hilbert_function=lambda d: math.comb(d + N - 1, N - 1))
    rows, hf = graph_multigrading(mu)
    multi = groebner_basis(graph, elimination(N), modulus=2147483629, nvars=len(grading), grading=rows,
                           hilbert_function=hf)
    assert multi.polys == by_degree.polys


@st.composite
def _ideal_with_zero_coordinates(draw):
    """Forms in k variables, the positions of those among n coordinates (the others vanish),
    and a form of the whole ring: a combination of the forms and of the vanishing coordinates,
    plus (sometimes) a random term."""
    k = draw(st.integers(1, 3))
    n = k + draw(st.integers(0, 2))
    variables = tuple(sorted(draw(st.permutations(range(n)))[:k]))
    zeros = tuple(m for m in range(n) if m not in variables)
    exps = st.lists(st.integers(0, 2), min_size=k, max_size=k).map(tuple)
    local = [draw(st.dictionaries(exps, st.integers(-3, 3).filter(bool), min_size=1, max_size=3))
             for _ in range(draw(st.integers(1, 2)))]

    def lift(e):
        v = [0] * n
        for i, x in zip(variables, e):
            v[i] = x
        return v

    gens = [{tuple(lift(e)): c for e, c in g.items()} for g in local]
    for m in zeros:
        v = [0] * n
        v[m] = 1
        gens.append({tuple(v): 1})
    f: dict = {}
    for g in gens:
        shift = draw(st.lists(st.integers(0, 1), min_size=n, max_size=n))
        c = draw(st.integers(-2, 2))
        for e, a in g.items():
            t = tuple(x + y for x, y in zip(e, shift))
            f[t] = f.get(t, 0) + c * a
    if draw(st.booleans()):
        t = tuple(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
        f[t] = f.get(t, 0) + draw(st.integers(1, 3))
    return k, variables, zeros, local, gens, {e: c for e, c in f.items() if c}


@settings(max_examples=60, deadline=None)
@given(_ideal_with_zero_coordinates())
def test_equations_basis_membership_matches_the_whole_ring(data):
    """Membership through the basis of the forms in the non-vanishing coordinates (what the
    summary computes) is membership in the ideal they generate with the vanishing coordinates."""
    k, variables, zeros, local, gens, f = data
    p = 2147483629
    J = EquationsBasis(groebner_basis(local, "degrevlex", modulus=p, nvars=k), variables, zeros)
    whole = groebner_basis(gens, "degrevlex", modulus=p, nvars=len(variables) + len(zeros))
    assert J.nvars == len(variables) + len(zeros)
    assert J.contains(f) == (whole.contains(f) if f else True)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["2,2,2 s=2,2", "3,3 s=2", "2x2,2x2 s=2x2", "4,3 s=2", "3,2,2 s=2,2"]),
       st.sampled_from(["elimination", "degrevlex"]))
def test_graph_ideal_basis_mod_p_is_the_certified_rational_one(arch, order):
    """Degrees of these graph ideals take several steps (more pairs than one matrix takes), so
    the symbolic preprocessing reuses the reducers and standard monomials of earlier steps; the
    basis mod p is the reduction of the basis over Q, which is certified by exact S-pair checks
    independent of the engine's pair criteria and reducer choices."""
    mu = Parameterization(arch)
    graph, grading = graph_ideal(mu)
    N = mu.num_parameters
    o = elimination(N) if order == "elimination" else order
    p = 2147483629
    gp = groebner_basis(graph, o, modulus=p, nvars=len(grading), grading=grading)
    gq = groebner_basis(graph, o, nvars=len(grading), grading=grading)
    assert gq.certified
    mod_p = set()
    for g in gq.polys:
        items = {e: int(c) % p for e, c in g.items() if int(c) % p}
        lead = items[max(items, key=gq.order.key)]
        inv = pow(lead, -1, p)
        mod_p.add(frozenset((e, c * inv % p) for e, c in items.items()))
    assert mod_p == {frozenset(g.items()) for g in gp.polys}


def test_latex_of_no_equation_found_on_a_thin_space_does_not_say_the_ideal_is_zero():
    thin = FunctionSpace("2x2,2x2").implicit_equations(max_degree=3)   # the first equations are sextics
    assert not thin.polynomials and thin.dimension < thin.ambient_dimension
    assert "full-dimensional" not in thin.to_latex() and "not zero" in thin.to_latex()
    full = FunctionSpace("2,2").implicit_equations()
    assert "= 0$ (the function space is full-dimensional)" in full.to_latex()


@pytest.mark.parametrize("arch", ["2,2,2 s=1,1 r=4", "2x1,2x1,1x2 s=1x1,1x1 r=3", "3,2,2 s=1,1 r=2"])
def test_linear_equations_lower_bound_is_below_the_interpolated_count(arch):
    """The up-front lower bound of the linear equations (coordinates minus the distinct
    monomials of the weights in them) never exceeds the number the interpolation finds."""
    state = interpolation.InterpolationState.start(parameterize(arch))
    bound = impl.linear_equations_lower_bound(state)
    assert 0 <= bound <= interpolation.interpolate_degree(state).new_generators


def test_linear_equations_refused_before_any_point_is_sampled(monkeypatch):
    """A run whose linear equations alone exceed max_equations_work stops at degree 1 naming
    the option, before a single image point is drawn (the sampler fails if called)."""
    mu = parameterize("2x1,2x1,1x2 s=1x1,1x1 r=3")
    state = interpolation.InterpolationState.start(mu)
    n, lower = len(state.grading.variables), impl.linear_equations_lower_bound(state)
    assert lower > 0
    bound = grading_work(mu) + impl.MONOMIAL_WORK * n + impl.GENERATOR_WORK * lower - 1

    def no_sampling(*args, **kwargs):
        raise AssertionError("image points drawn before the work was estimated")
    monkeypatch.setattr(interpolation, "ImagePool", no_sampling)
    monkeypatch.setattr(interpolation, "integer_image", no_sampling)
    result = impl.implicit_equations(mu, limits=Limits(max_equations_work=bound), progress=False)
    assert result.complete_up_to_degree == 0 and not result.equations
    assert "resource bound at degree 1" in result.stopped_by and "max_equations_work" in result.stopped_by
    assert f"at least {lower} linear equations" in result.stopped_by


def test_the_check_of_the_next_degree_is_bounded_like_a_degree_of_the_interpolation():
    """4,4,4 s=2,2: after degree 5 the leading ideal has the dimension and degree of V (its 1023
    minimal leading monomials are counted with the summary's bound raised to 2000; the summary
    itself is kept out by its degree bound), and the check of degree 6 (the ranks of its
    standard monomials, about 1.8·10^11 operations) is refused by max_interpolation_work (10^11)
    as degree 6 itself would be, even when the whole run may spend far more."""
    limits = Limits(max_equations_work=10**15, max_summary_generators=2000, max_summary_degree=3)
    r = implicit_equations(Parameterization("4,4,4 s=2,2"), limits=limits)
    assert r.num_generators == 1023 and r.complete_up_to_degree == 5 and not r.certified
    assert "the check of degree 6" in r.stopped_by and "max_interpolation_work" in r.stopped_by


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=14), st.integers(1, 5))
def test_piece_sizes_count_the_monomials_that_pieces_of_degree_lists(arch, degree):
    """The sizes of the graded pieces from the generating function (no monomial listed) are the
    lengths of the listed pieces, 1D and 2D."""
    from lcnalg.algebra.grading import finest_grading
    from lcnalg.algebra.sampling import count_monomials, piece_sizes, pieces_of_degree

    grading = finest_grading(Parameterization(arch))
    sizes = piece_sizes(grading, degree)
    assert sizes == {k: len(v) for k, v in pieces_of_degree(grading, degree).items()}
    assert sum(sizes.values()) == count_monomials(len(grading.variables), degree)
