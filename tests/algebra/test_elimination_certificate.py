"""The elimination certificate's elimination run in another process: the same basis, and the
same certificate as in process, with the fall-backs when the process fails or meets its bound."""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcnalg import FunctionSpace, Limits, Parameterization
from lcnalg.algebra import elimination_certificate as ec
from lcnalg.algebra import implicitization
from lcnalg.algebra.elimination_certificate import (BackgroundElimination, GraphIdeal, WeightMonomialCounts,
                                                   graph_elimination_basis, graph_positions)
from lcnalg.algebra.implicitization import implicit_equations
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.modular import PRIMES_31

from tests.strategies import architectures


def _as_set(polys):
    return {frozenset(g.items()) for g in polys}


@pytest.mark.parametrize("arch", ["2,2 s=2", "3,3,3 s=2,3", "2,2,2 s=1,2", "2x2,2x2 s=2x2", "2,2 s=2 r=2"])
def test_background_elimination_is_the_elimination_in_process(arch):
    """The w-free part sent back by the other process equals the one of the basis computed here
    (of the architecture with its stride-one layers merged, as the certificate eliminates it)."""
    mu = Parameterization(arch) if " r=" not in arch else FunctionSpace(arch).parameterization
    merged = mu.architecture.merged_over_c()
    target = Parameterization(merged) if merged != mu.architecture and type(mu) is Parameterization else mu
    here = GraphIdeal.of(target)
    expected = here.eliminated(graph_elimination_basis(target, PRIMES_31[0]))
    made = BackgroundElimination(mu, Limits()).result()
    assert made is not None and made.modulus == PRIMES_31[0] and made.error == ""
    assert _as_set(made.eliminated) == _as_set(expected) and expected   # each has an equation


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=12, reduced=True))
def test_background_elimination_is_the_elimination_in_process_on_random_architectures(arch):
    """Within a small bound (some of these graph ideals take minutes: 3x2,2x2), the other process
    completes exactly when this one does, with the same w-free part, or meets the same bound,
    also when it was paused on the way (about half of the draws)."""
    limits = Limits(max_total_entries=2 * 10**6, max_certify_entries=2 * 10**6)
    mu = Parameterization(arch)
    merged = arch.merged_over_c()
    here = ec.eliminate(GraphIdeal.of(Parameterization(merged) if merged != arch else mu), PRIMES_31[0], limits)
    job = BackgroundElimination(mu, limits)
    if hasattr(signal, "SIGSTOP") and len(str(arch)) % 2:   # paused at once, on half of them
        assert job.pause()
    made = job.result()
    assert made is not None and made.error == here.error
    assert (made.eliminated is None) == (here.eliminated is None)
    if here.eliminated is not None:
        assert _as_set(made.eliminated) == _as_set(here.eliminated)


def test_cancelled_background_elimination_gives_no_result_and_leaves_no_process():
    job = BackgroundElimination(Parameterization("4,4,4 s=2,2"), Limits())   # far from done in a moment
    job.cancel()
    assert job.ready() and job.result() is None
    assert not multiprocessing.active_children()


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="pausing a process needs SIGSTOP")
def test_a_paused_background_elimination_goes_on_to_the_same_result():
    """A paused process is not waited for (``ready`` with a timeout answers at once), goes on
    when its result is asked for, and sends the elimination made in process; a paused process
    can be cancelled without a hang."""
    import time

    mu = Parameterization("3,3,3 s=2,3")
    # (the bounds of a certificate tried by default, which the process works within)
    expected = ec.eliminate(GraphIdeal.of(mu), PRIMES_31[0], Limits(max_total_entries=Limits().max_certify_entries))
    job = BackgroundElimination(mu, Limits())
    assert job.pause() and job.paused
    start = time.monotonic()
    assert not job.ready(5.0) and time.monotonic() - start < 2.5
    made = job.result()
    assert not job.paused and made is not None and made.entries == expected.entries
    assert _as_set(made.eliminated) == _as_set(expected.eliminated)
    job = BackgroundElimination(Parameterization("4,4,4 s=2,2"), Limits())
    assert job.pause()
    job.cancel()
    assert job.ready() and job.result() is None and not multiprocessing.active_children()


@pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="pausing a process needs SIGSTOP")
def test_a_background_paused_while_the_degrees_take_every_core_is_used_at_the_end(monkeypatch):
    """With no patience and every degree worth the pool, the degrees after the first (which
    starts the background elimination) pause it instead of stopping it; the end of the run lets it go
    on and judges it, so no elimination is made in this process, and the answer is the one of
    a single process."""
    one = implicit_equations(Parameterization("2x2,2x2"), jobs=1)
    monkeypatch.setattr(implicitization, "BACKGROUND_START", 1)
    monkeypatch.setattr(implicitization, "BACKGROUND_PATIENCE", 0.0)
    monkeypatch.setattr(implicitization, "PARALLEL_WORK", 1)
    paused = []
    original = BackgroundElimination.pause
    monkeypatch.setattr(BackgroundElimination, "pause", lambda self: paused.append(1) or original(self))
    calls = _count(monkeypatch)
    two = implicit_equations(Parameterization("2x2,2x2"), jobs=2)
    assert paused and calls == []
    assert one.certified and two.certified and "elimination certificate" in two.method
    assert (two.polynomials, two.certificate) == (one.polynomials, one.certificate)


def _count(monkeypatch):
    """Count the eliminations made in this process (the other process inherits the counter, not
    its count)."""
    calls = []
    original = ec.eliminate

    def counted(graph, modulus, limits, **kwargs):
        calls.append(os.getpid())
        return original(graph, modulus, limits, **kwargs)
    monkeypatch.setattr(ec, "eliminate", counted)
    return calls


@pytest.mark.parametrize("arch", ["3,3,3 s=2,3", "2x2,2x2,2x1 s=2x2,1x1"])
def test_two_processes_certify_with_the_background_elimination_as_one_process_does(arch, monkeypatch):
    calls = _count(monkeypatch)
    mu = Parameterization(arch)
    one = implicit_equations(mu, jobs=1)
    assert calls == [os.getpid()]       # made here with one process
    del calls[:]
    two = implicit_equations(mu, jobs=2)
    assert calls == []                  # with two, made in the other process and used
    assert one.certified and two.certified and "elimination certificate" in two.method
    assert (two.polynomials, two.certificate, two.stopped_by) == (one.polynomials, one.certificate, one.stopped_by)


def test_a_background_process_that_fails_leaves_the_elimination_to_this_process(monkeypatch):
    parent = os.getpid()
    original = ec.eliminate
    calls = []

    def broken_elsewhere(graph, modulus, limits):
        if os.getpid() != parent:
            raise RuntimeError("the other process fails")
        calls.append(modulus)
        return original(graph, modulus, limits)
    monkeypatch.setattr(ec, "eliminate", broken_elsewhere)
    r = implicit_equations(Parameterization("3,3,3 s=2,3"), jobs=2)
    assert r.certified and "elimination certificate" in r.method and calls == [PRIMES_31[0]]


def test_background_elimination_within_the_default_bound_is_redone_with_the_larger_one_when_asked(monkeypatch):
    """The process works within max_certify_entries (the bound of a certificate tried by
    default); with certify=True a run it could not finish is made here within max_total_entries."""
    calls = _count(monkeypatch)
    limits = Limits(max_certify_entries=1000)
    mu = Parameterization("3,3,3 s=2,3")
    bounded = implicit_equations(mu, jobs=2, limits=limits)
    assert not bounded.certified and "max_certify_entries = 1000" in bounded.how_to_certify and calls == []
    forced = implicit_equations(mu, jobs=2, limits=limits, certify=True)
    assert forced.certified and calls == [os.getpid()]


def _starts(monkeypatch):
    """Record the background eliminations started."""
    started = []
    original = BackgroundElimination.__init__

    def spy(self, *args, **kwargs):
        started.append(args)
        original(self, *args, **kwargs)
    monkeypatch.setattr(BackgroundElimination, "__init__", spy)
    return started


def test_a_run_over_before_a_degree_of_some_work_starts_no_background_process(monkeypatch):
    """2x2,2x1,2x1 s=2x1,1x1 ends at degree 3 before any degree is estimated at 10^6
    operations: its elimination is made here, at the end, and no process is started for it."""
    calls = _count(monkeypatch)
    started = _starts(monkeypatch)
    r = implicit_equations(Parameterization("2x2,2x1,2x1 s=2x1,1x1"), jobs=2)
    assert r.certified and "elimination certificate" in r.method
    assert started == [] and calls == [os.getpid()]


def test_a_run_past_the_default_certificate_size_starts_or_keeps_no_background_process(monkeypatch):
    """The equations only grow, and past the membership test's size rule (max_certify_generators)
    the elimination is likely large: 3,3,3 s=2,3 has 30 quadrics before its degree-3 work (3·10^6
    operations) would start the elimination, so with a bound of 20 none is started (with 200
    one is, and used); the test by the generating degree then makes it here, at the end, and
    certifies; with a degree bound of 1 it is not tried at all."""
    started = _starts(monkeypatch)
    mu = Parameterization("3,3,3 s=2,3")
    calls = _count(monkeypatch)
    r = implicit_equations(mu, jobs=2, limits=Limits(max_certify_generators=20))
    assert started == [] and calls == [os.getpid()] and r.certified
    r = implicit_equations(mu, jobs=1, limits=Limits(max_certify_degree=1))
    assert not r.certified and "degree <= 1" in r.how_to_certify and calls == [os.getpid()]
    r = implicit_equations(mu, jobs=2, limits=Limits(max_certify_generators=200))
    assert len(started) == 1 and r.certified and "elimination certificate" in r.method


def test_many_equations_are_certified_by_the_generating_degree_by_default(monkeypatch):
    """The test by the generating degree needs no basis of the equations, so the size rule
    (max_certify_generators) does not keep it from a default run: with a bound of 20 below its
    equations, 3,3,3 s=2,3 is still certified by default, and no membership test (nor basis of
    the equations) is made; when the elimination does not end within max_certify_entries, the
    answer names both bounds."""
    mu = Parameterization("3,3,3 s=2,3")
    tested = []
    monkeypatch.setattr(implicitization, "attempt_elimination_certificate",
                        lambda *a, **k: tested.append(1) or (False, "not expected"))
    r = implicit_equations(mu, jobs=1, limits=Limits(max_certify_generators=20))
    assert len(r.equations) > 20 and r.certified and "generate the whole ideal" in r.certificate
    assert tested == []
    r = implicit_equations(mu, jobs=1, limits=Limits(max_certify_generators=20, max_certify_entries=10))
    assert not r.certified and tested == []
    assert "max_certify_entries" in r.how_to_certify and "at most 20 equations" in r.how_to_certify


def _in_a_daemon(queue):
    job = BackgroundElimination(Parameterization("2,2 s=2"), Limits())
    r = implicit_equations(Parameterization("3,3,3 s=2,3"), jobs=2)
    queue.put((job.ready(), job.result(), r.certified, "elimination certificate" in r.method))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs the fork start method")
def test_inside_a_daemonic_process_no_background_starts_and_the_certificate_is_made_in_process():
    """A daemonic process (a worker of a pool) may not have children: the background gives
    nothing at once, and the run certifies with the elimination made in its own process."""
    queue = multiprocessing.get_context("fork").Queue()
    worker = multiprocessing.get_context("fork").Process(target=_in_a_daemon, args=(queue,), daemon=True)
    worker.start()
    assert queue.get(timeout=120) == (True, None, True, True)
    worker.join()


# -- the elimination judged by its generating degree (docs/theory.md#generating-degree) --------

def _series(numerator, nvars, top):
    """The Hilbert function up to ``top`` from ``N(t)/(1 - t)^nvars``, dividing by ``1 - t``
    ``nvars`` times (partial sums), independent of the module's binomial sum."""
    values = [int(c) for c in numerator] + [0] * (top + 1)
    for _ in range(nvars):
        for i in range(1, len(values)):
            values[i] += values[i - 1]
    return values[:top + 1]


def _eliminated(mu, limits=None):
    merged = mu.architecture.merged_over_c()
    target = Parameterization(merged) if merged != mu.architecture else mu
    return ec.eliminate(GraphIdeal.of(target), PRIMES_31[0], limits or Limits())


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=12, reduced=True))
def test_generating_degree_agrees_with_the_membership_test(arch):
    """Two routes from one elimination: the generating degree with the proved Hilbert function,
    and the membership of the w-free part in a Gröbner basis of the equations.  On complete
    equations whose elimination reaches no degree above the one proved complete both close;
    then the Hilbert series read off the elimination equals the one of a Gröbner basis of the
    equations modulo another prime, degree by degree."""
    limits = Limits(max_total_entries=2 * 10**6, max_certify_entries=2 * 10**6)
    mu = Parameterization(arch)
    r = implicit_equations(mu, jobs=1, certify=False, limits=limits)
    made = _eliminated(mu, limits)
    if made.eliminated is None or not r.polynomials:
        return
    complete = r.complete_up_to_degree
    hf = list(r.hilbert_function[:complete + 1])
    found = ec.certify_by_generating_degree(made, hf, mu.ambient_dimension)
    member, _ = ec.certify_by_elimination(mu, r.polynomials, limits=limits, first=made)
    top = max(sum(next(iter(g))) for g in made.eliminated)
    assert found.degree == top
    assert found.closed == (member and top <= complete)
    if found.closed:
        equations = [{tuple(int(x) for x in m): int(c) for m, c in g.terms()} for g in r.polynomials]
        gb = groebner_basis(equations, "degrevlex", modulus=PRIMES_31[1], nvars=mu.ambient_dimension)
        ours = _series(found.numerator, mu.ambient_dimension, complete + 3)
        theirs = _series(gb.hilbert_numerator([1] * mu.ambient_dimension), mu.ambient_dimension, complete + 3)
        assert ours == theirs and ours[:complete + 1] == hf


def test_generating_degree_needs_the_degrees_and_the_exact_hilbert_function():
    """2x2,2x2: the w-free part reaches degree 7 (the 39 sextics and basis elements of degree 7),
    so equations proved complete only up to degree 6 leave it open, and so does a Hilbert
    function wrong by one in any degree (it cannot be the one of R/I: the prime would be unlucky);
    an elimination that met its bound gives nothing to judge."""
    mu = Parameterization("2x2,2x2")
    r = implicit_equations(mu, jobs=1)
    made = _eliminated(mu)
    hf = list(r.hilbert_function[:r.complete_up_to_degree + 1])
    assert r.complete_up_to_degree == 7 and hf == [1, 9, 45, 165, 495, 1287, 2964, 6190]
    found = ec.certify_by_generating_degree(made, hf, 9)
    assert found.closed and found.degree == 7 and "degrees <= 7" in found.text
    assert _series(found.numerator, 9, 10) == _series([1, 2, 3, 4, 5, 6, -32, 36, -21, 7, -1], 7, 10)
    short = ec.certify_by_generating_degree(made, hf[:7], 9)
    assert not short.closed and "reaches degree 7, above the degree 6" in short.text
    for d in range(1, 8):
        wrong = hf[:d] + [hf[d] + 1] + hf[d + 1:]
        off = ec.certify_by_generating_degree(made, wrong, 9)
        assert not off.closed and f"in degree {d}," in off.text
    bounded = _eliminated(mu, Limits(max_total_entries=1000))
    assert bounded.eliminated is None
    assert not ec.certify_by_generating_degree(bounded, hf, 9).closed


def test_equations_cut_below_the_generating_degree_are_not_certified_by_it():
    """3x2,2x2 s=1x2 has 7 quadrics, 35 quartics and 7 sextics.  Cut at degree 5 (certify=True)
    the equations are complete up to degree 5 but the w-free part reaches degree 6: the generating
    degree leaves it open, and the membership test finds the w-free part outside their ideal."""
    r = implicit_equations(Parameterization("3x2,2x2 s=1x2"), jobs=1, max_degree=5, certify=True)
    assert r.num_generators == 42 and r.complete_up_to_degree == 5
    assert not r.certified and "generating-degree" not in r.certificate
    assert "is not in the ideal of the equations" in r.certificate


@settings(max_examples=25, deadline=None)
@given(architectures(max_layers=3, max_size=3, max_stride=3, max_ambient=30))
def test_graph_ideal_is_homogeneous_for_the_positions(arch):
    """Each position row grades every generator c_m - mu_m(w) (each term's entries add up to the
    entry of c_m), gives c_m its index along its axis, and the weights positions inside the
    end-to-end filter; one row per axis."""
    mu = Parameterization(arch)
    rows = graph_positions(mu)
    graph = GraphIdeal.of(mu)
    assert len(rows) == arch.ndim and graph.position_rows == rows
    N = mu.num_parameters
    shape = arch.end_to_end_filter_shape
    for a, row in enumerate(rows):
        for m in range(mu.ambient_dimension):
            index = m
            for b in range(arch.ndim - 1, a, -1):
                index //= shape[b]
            assert row[N + m] == index % shape[a]
        assert all(0 <= x < shape[a] for x in row[:N])
        for g in graph.generators:
            assert len({sum(x * e for x, e in zip(row, exps)) for exps in g}) == 1


@settings(max_examples=30, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2)), min_size=1, max_size=3),
                min_size=1, max_size=3), st.integers(1, 2), st.data())
def test_weight_monomial_counts_are_the_enumeration(layers, axes, draw):
    """The count of w-monomials per layer degrees and position sums is the enumeration's (every
    multiset of weights of each layer), on one and two axes, and beyond the positions reached."""
    positions = [[p[:axes] for p in layer] for layer in layers]
    hf = WeightMonomialCounts(positions)
    degrees = tuple(draw.draw(st.integers(0, 3)) for _ in layers)
    expected: dict[tuple[int, ...], int] = {}
    for pick in itertools.product(*[itertools.combinations_with_replacement(layer, d)
                                    for layer, d in zip(positions, degrees)]):
        where = tuple(sum(p[a] for chosen in pick for p in chosen) for a in range(axes))
        expected[where] = expected.get(where, 0) + 1
    for where in itertools.product(*[range(3 * 3 * len(layers) + 2)] * axes):
        assert hf(degrees + where) == expected.get(where, 0)
    assert hf(tuple(-1 if i == 0 else d for i, d in enumerate(degrees)) + (0,) * axes) == 0


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(architectures(max_layers=3, max_size=3, max_stride=2, max_ambient=12, reduced=True))
def test_elimination_with_the_positions_is_the_elimination_without(arch):
    """The positions refine the Hilbert function the engine is given; the basis is the same as
    with the layer grading alone (where both complete within a small bound)."""
    limits = Limits(max_total_entries=2 * 10**6)
    graph = GraphIdeal.of(Parameterization(arch))
    fine = ec.eliminate(graph, PRIMES_31[0], limits)
    coarse = ec.eliminate(dataclasses.replace(graph, position_rows=()), PRIMES_31[0], limits)
    if fine.eliminated is not None and coarse.eliminated is not None:
        assert _as_set(fine.eliminated) == _as_set(coarse.eliminated)


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="finds the child processes through /proc")
def test_the_background_elimination_ends_with_a_killed_parent():
    """A parent killed without a chance to stop its children (SIGKILL, as `timeout -s KILL` or the
    out-of-memory killer do) does not leave the elimination of 2x2x2,2x2x2 running on a core."""
    code = ("import time\n"
            "from lcnalg import Limits, Parameterization\n"
            "from lcnalg.algebra.elimination_certificate import BackgroundElimination\n"
            "job = BackgroundElimination(Parameterization('2x2x2,2x2x2'), Limits())\n"
            "time.sleep(0.5)\n"
            "print('started', flush=True)\n"
            "time.sleep(60)\n")
    assert children_left_by_a_killed_parent(code, 1) == []


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="finds the child processes through /proc")
def test_pool_workers_busy_with_a_piece_end_with_a_killed_parent():
    """The process pools' workers (lcnalg.processes.start_worker) do not finish a long piece for a
    parent that was killed."""
    code = ("import os, time\n"
            "from concurrent.futures import ProcessPoolExecutor\n"
            "from lcnalg.processes import start_worker\n"
            "pool = ProcessPoolExecutor(2, initializer=start_worker, initargs=(os.getpid(),))\n"
            "busy = [pool.submit(time.sleep, 60) for _ in range(2)]\n"
            "time.sleep(0.5)\n"
            "print('started', flush=True)\n"
            "time.sleep(60)\n")
    assert children_left_by_a_killed_parent(code, 2) == []


def children_left_by_a_killed_parent(code: str, children: int) -> list[int]:
    """Run ``code`` in a parent process until it prints ``started``, check that it then has
    ``children`` running child processes, SIGKILL it, and return those still running 10 s later."""
    import subprocess
    import sys
    import time

    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "started"
        with open(f"/proc/{parent.pid}/task/{parent.pid}/children") as f:
            pids = [int(pid) for pid in f.read().split()]
        assert len(pids) == children and all(map(process_running, pids))
    finally:
        parent.kill()
        parent.wait()
    end = time.monotonic() + 10
    while any(map(process_running, pids)) and time.monotonic() < end:
        time.sleep(0.05)
    return [pid for pid in pids if process_running(pid)]


def process_running(pid: int) -> bool:
    """Whether the process ``pid`` runs (neither gone nor a zombie), read from /proc."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return "zombie" not in status.read()
    except FileNotFoundError:
        return False
