"""The last degree read from the elimination basis (docs/theory.md#degree-from-elimination): the
same minimal generators and the same closed sandwich as the degree interpolated at sample points,
and no degree at all when the basis does not fit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings

from lcnalg import Limits, Parameterization
from lcnalg.algebra.elimination_certificate import GraphIdeal, eliminate
from lcnalg.algebra.implicitization import READ_FROM_ELIMINATION, implicit_equations
from lcnalg.algebra.certify import verify_equations
from lcnalg.algebra.interpolation import (InterpolationState, degree_from_basis, degree_from_elimination,
                                          interpolate_degree)
from lcnalg.polys.groebner import groebner_basis
from lcnalg.polys.modular import PRIMES_31

from tests.strategies import architectures


def _top(made):
    return max(sum(next(iter(g))) for g in made.eliminated)


def _two_states_before(mu, degree):
    """Two interpolations of ``mu`` complete up to ``degree - 1`` (bases kept)."""
    a, b = InterpolationState.start(mu), InterpolationState.start(mu)
    for _ in range(degree - 1):
        interpolate_degree(a)
        interpolate_degree(b)
    return a, b


def _snapshot(state):
    return (len(state.reports), len(state.generators), sorted(state.leads), sorted(state.primes_used))


def _compare_with_interpolation(mu):
    made = eliminate(GraphIdeal.of(mu), PRIMES_31[0], Limits())
    assert made.eliminated is not None
    if not made.eliminated or _top(made) < 2:
        return None  # no equation, or linear ones only: nothing to read
    top = _top(made)
    a, b = _two_states_before(mu, top)
    read = degree_from_elimination(a, made.eliminated, made.modulus)
    done = interpolate_degree(b)
    assert read is not None
    assert read.degree == done.degree == top
    assert read.tight and done.tight
    assert (read.hilbert_lower, read.hilbert_upper) == (done.hilbert_lower, done.hilbert_upper)
    assert read.new_generators == done.new_generators
    # the same polynomials, piece by piece (each the reduced echelon vector of its leading
    # monomial, or the image of its representative's under a symmetry)
    assert sorted(map(str, a.generators)) == sorted(map(str, b.generators))
    assert sorted(a.leads[top]) == sorted(b.leads[top])
    return read


@pytest.mark.parametrize("arch", ["3,3,3 s=2,2", "4,4 s=2", "3,2,2,2 s=2,2,2", "2x2,2x2 s=2x1",
                                  "2,3 s=3", "2,2,2 s=3,2", "3x2,2x3 s=2x2"])
def test_degree_read_from_the_elimination_is_the_degree_interpolated(arch):
    """Architectures with linear equations (vanishing coordinates: ``2,3 s=3``, ``2,2,2 s=3,2``),
    symmetries (2D), and generators in several degrees; the top degree of the elimination basis
    read from it equals the one interpolated."""
    _compare_with_interpolation(Parameterization(arch))


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(architectures(max_layers=3, max_size=3, max_stride=2, max_ambient=10, reduced=True))
def test_degree_read_from_the_elimination_on_random_architectures(arch):
    mu = Parameterization(arch)
    assume(mu.num_parameters <= 12)
    _compare_with_interpolation(mu)


def test_a_basis_that_does_not_fit_reads_nothing_and_leaves_the_state_alone():
    mu = Parameterization("3,3,3 s=2,2")   # cubics and quartics
    made = eliminate(GraphIdeal.of(mu), PRIMES_31[0], Limits())
    a, _ = _two_states_before(mu, 4)
    before = _snapshot(a)
    # another prime than the kernel bases'
    assert degree_from_elimination(a, made.eliminated, PRIMES_31[1]) is None
    # the state one degree short: the basis reaches above the degree to read
    short, _ = _two_states_before(mu, 3)
    assert degree_from_elimination(short, made.eliminated, made.modulus) is None
    # a cubic left out: three more standard monomials in degree 3 than proved
    cubic = next(i for i, g in enumerate(made.eliminated) if sum(next(iter(g))) == 3)
    assert degree_from_elimination(a, made.eliminated[:cubic] + made.eliminated[cubic + 1:], made.modulus) is None
    # the quartics with their last coefficient changed: they no longer vanish on mu modulo the
    # other primes, and nothing is read
    def changed(g):
        g = dict(g)
        last = list(g)[-1]
        g[last] = (g[last] + 2) % made.modulus
        return g
    tampered = tuple(changed(g) if sum(next(iter(g))) == 4 and len(g) > 1 else g for g in made.eliminated)
    assert degree_from_elimination(a, tampered, made.modulus) is None
    assert _snapshot(a) == before
    # the untouched basis reads the degree
    assert degree_from_elimination(a, made.eliminated, made.modulus) is not None
    assert _snapshot(a) != before


def test_a_run_that_reads_its_last_degree_gives_the_equations_and_verdict_of_one_that_interpolates(monkeypatch):
    """With the threshold lowered (and the wait long enough for a loaded machine), the degree-4
    of ``3,3,3 s=2,2`` is read from the background elimination: the same certified equations as
    the run in one process, which interpolates it (and may go on to degree 5)."""
    monkeypatch.setattr("lcnalg.algebra.implicitization.READ_DEGREE_WORK", 1_000_000)
    monkeypatch.setattr("lcnalg.algebra.implicitization.BACKGROUND_PATIENCE", 120.0)
    monkeypatch.setattr("lcnalg.algebra.implicitization.READ_DEGREE_WAIT", 120.0)
    mu = Parameterization("3,3,3 s=2,2")
    read = implicit_equations(mu, jobs=2, progress=True)   # (the progress display says what it waits for)
    interpolated = implicit_equations(mu, jobs=1)
    assert read.stopped_by.startswith(READ_FROM_ELIMINATION)
    assert not interpolated.stopped_by.startswith(READ_FROM_ELIMINATION)
    assert read.certified and interpolated.certified
    assert read.equations == interpolated.equations
    assert (read.degree, read.hilbert_series) == (interpolated.degree, interpolated.hilbert_series)
    assert read.complete_up_to_degree == 4 <= interpolated.complete_up_to_degree
    assert read.hilbert_function == interpolated.hilbert_function[:5]
    assert read.method.endswith("; degree 4 read from the elimination basis; whole ideal by the elimination "
                                "certificate")
    assert "read from" not in interpolated.method


def test_an_elimination_that_ends_during_the_degree_is_read_from_then(monkeypatch):
    """The degree does not wait for the background elimination: here it is not done when degree 4
    of ``3,3,3 s=2,2`` starts (its first answer is "not yet"), and ends while the degree's pieces
    run (each later question waits for it).  The pieces are dropped and the degree read: the
    equations and verdict of the run that interpolates it."""
    from lcnalg.algebra.elimination_certificate import BackgroundElimination

    monkeypatch.setattr("lcnalg.algebra.implicitization.READ_DEGREE_WORK", 1_000_000)
    monkeypatch.setattr("lcnalg.algebra.implicitization.BACKGROUND_PATIENCE", 120.0)
    asked = []
    original = BackgroundElimination.ready

    def ready(self, timeout=0.0):
        asked.append(timeout)
        return False if len(asked) == 1 else original(self, 120.0)
    monkeypatch.setattr(BackgroundElimination, "ready", ready)
    mu = Parameterization("3,3,3 s=2,2")
    read = implicit_equations(mu, jobs=2)
    monkeypatch.setattr(BackgroundElimination, "ready", original)
    interpolated = implicit_equations(mu, jobs=1)
    assert asked[0] == 0.0 and len(asked) >= 2   # asked at the start without waiting, then again
    assert read.stopped_by.startswith(READ_FROM_ELIMINATION)
    assert read.certified and interpolated.certified
    assert read.equations == interpolated.equations
    assert read.hilbert_function == interpolated.hilbert_function[:5]


def test_a_degree_refused_by_the_work_bound_is_read_from_the_elimination_the_same_with_one_or_two_processes():
    """``2,4,3,2 s=2,1,2``: degree 6 is refused by the whole run's bound; its elimination (within
    ``max_read_entries``) ends at degree 6, which is read from it, and the equations are
    certified -- the ideal of the run asked for degree 6 with the certificate, and the same
    answer whether the elimination is made in this process or in the background."""
    mu = Parameterization("2,4,3,2 s=2,1,2")
    one = implicit_equations(mu, jobs=1, progress=True)
    two = implicit_equations(mu, jobs=2)
    # degree 6 interpolated (its estimate is a loose upper bound: 2·10^10 operations, 1-2 s)
    asked = implicit_equations(mu, max_degree=6, certify=True, jobs=1, limits=Limits(max_equations_work=10**11))
    assert "read" not in asked.stopped_by
    assert one.certified and two.certified and asked.certified
    assert one.equations == two.equations == asked.equations
    assert one.stopped_by.startswith("resource bound at degree 6") and "degree 6 was read" in one.stopped_by
    # in the background the elimination may be done by degree 5 (estimated at 5·10^8 or more), and
    # degrees 5 and 6 are then both read from it: the same equations, proved by the same argument
    assert one.stopped_by == two.stopped_by or (two.stopped_by.startswith(READ_FROM_ELIMINATION)
                                                and "degrees 5-6 were read" in two.stopped_by)
    assert one.complete_up_to_degree == 6 and max(one.degrees) == 6
    assert "degree 6 read from the elimination basis" in one.method and "read from" not in asked.method


def test_an_elimination_beyond_max_read_entries_leaves_the_refusal_standing():
    mu = Parameterization("2,4,3,2 s=2,1,2")
    small = implicit_equations(mu, jobs=1, limits=Limits(max_read_entries=1000))
    assert not small.certified and small.complete_up_to_degree == 5
    # the degree reported is that of the equations' ideal, whose zero set is larger than V here
    assert (small.dimension, small.ideal_dimension, small.degree) == (8, 9, 8)
    whole = implicit_equations(mu, jobs=1)
    assert (whole.ideal_dimension, whole.degree) == (whole.dimension, whole.variety_degree) == (8, 42)
    assert "was not completed (its Macaulay matrices need more than 1000 entries in all)" in small.stopped_by
    # the refusal itself is unchanged, and how to go further is still named
    assert small.stopped_by.startswith("resource bound at degree 6: refused:")
    assert "max_equations_work" in small.stopped_by


def test_the_elimination_within_a_bound_is_the_same_made_here_or_in_the_background():
    from lcnalg.algebra.elimination_certificate import BackgroundElimination, elimination_within

    mu = Parameterization("3,3,3 s=2,3")
    here = elimination_within(mu, 10**7, Limits())
    job = BackgroundElimination(mu, Limits())
    there = elimination_within(mu, 10**7, Limits(), job, wait=120.0)
    job.cancel()
    assert here.eliminated is not None and here.eliminated == there.eliminated and here.entries == there.entries
    # a bound below what it needs: the background's basis is not used, made here it is refused
    tight = here.entries - 1
    job = BackgroundElimination(mu, Limits())
    from_background = elimination_within(mu, tight, Limits(), job, wait=120.0)
    job.cancel()
    made_here = elimination_within(mu, tight, Limits())
    assert from_background.eliminated is None and made_here.eliminated is None
    assert from_background.error == made_here.error


def test_a_read_that_covers_the_background_s_bound_waits_for_it(monkeypatch):
    """Within the bound the background runs in (``max_certify_entries`` by default), the read is
    that very elimination: it waits for the background, however long it takes, and does not make
    it again beside it (``2x2,1x3,1x3 s=2x1,2x2``: 17.7 s with both, 11.7 s waiting)."""
    from lcnalg.algebra.elimination_certificate import BackgroundElimination, elimination_within

    mu = Parameterization("3,3,3 s=2,3")
    here = elimination_within(mu, Limits().max_certify_entries, Limits())
    job = BackgroundElimination(mu, Limits())
    monkeypatch.setattr("lcnalg.algebra.elimination_certificate.eliminate",
                        lambda *args, **kwargs: pytest.fail("made again beside the background"))
    there = elimination_within(mu, Limits().max_certify_entries, Limits(), job, wait=0.0)
    job.cancel()
    assert here.eliminated is not None and there.eliminated == here.eliminated and there.entries == here.entries



def test_a_read_below_the_background_s_bound_follows_it_until_it_passes(monkeypatch):
    """Below the bound the background runs in, the read follows the background's entries so
    far instead of making the elimination again beside it: the failure made here when the
    bound is passed (a small bound: at once, the background going on), and the background's
    basis when it is not; a paused background goes on for it."""
    from lcnalg.algebra.elimination_certificate import BackgroundElimination, elimination_within

    mu = Parameterization("3,3,3 s=2,3")
    here = elimination_within(mu, Limits().max_certify_entries, Limits())
    small = elimination_within(mu, 1000, Limits())
    job = BackgroundElimination(mu, Limits())
    assert job.pause()
    monkeypatch.setattr("lcnalg.algebra.elimination_certificate.eliminate",
                        lambda *args, **kwargs: pytest.fail("made again beside the background"))
    there = elimination_within(mu, 1000, Limits(), job)
    assert not job.paused and there.eliminated is None and there.error == small.error
    assert job.entries > 1000 or job.ready()
    assert job.within(1000) == (True, None) or job.ready()
    enough = elimination_within(mu, here.entries, Limits(), job)
    job.cancel()
    assert enough.eliminated == here.eliminated and enough.entries == here.entries

def test_a_degree_read_beside_beyond_the_default_size_is_interpolated_after_all(monkeypatch):
    """With ``max_certify_degree = 3`` the certificate tried by default would not judge the
    quartics of ``3,3,3 s=2,2``: the degree read from the elimination is undone (the state as
    before it) and interpolated, so the answer is the one-process run's."""
    monkeypatch.setattr("lcnalg.algebra.implicitization.READ_DEGREE_WORK", 1_000_000)
    monkeypatch.setattr("lcnalg.algebra.implicitization.BACKGROUND_PATIENCE", 120.0)
    monkeypatch.setattr("lcnalg.algebra.implicitization.READ_DEGREE_WAIT", 120.0)
    read = []
    original = degree_from_elimination

    def spy(*args, **kwargs):
        got = original(*args, **kwargs)
        read.append(got is not None)
        return got
    monkeypatch.setattr("lcnalg.algebra.implicitization.degree_from_elimination", spy)
    mu = Parameterization("3,3,3 s=2,2")
    limits = Limits(max_certify_degree=3)
    two = implicit_equations(mu, jobs=2, limits=limits)
    one = implicit_equations(mu, jobs=1, limits=limits)
    assert read == [True]   # read, then undone
    assert READ_FROM_ELIMINATION not in two.stopped_by
    assert two.equations == one.equations and two.status == one.status
    assert two.complete_up_to_degree == one.complete_up_to_degree and two.hilbert_function == one.hilbert_function
    assert two.primes == one.primes


def test_a_refused_check_of_the_stopping_rule_is_decided_by_the_elimination(monkeypatch):
    """After its last equations (degree 6), ``2x2,2x2``'s stopping rule checks degree 7; with
    that check refused by a work bound, the elimination (within ``max_read_entries``) shows the
    equations complete (its w-free part ends at degree 7, read from it) and certifies them: the same
    equations as the run whose check passed.  Beyond ``max_read_entries`` the refusal stands."""
    from lcnalg.algebra import implicitization

    mu = Parameterization("2x2,2x2")
    whole = implicit_equations(mu, jobs=1)

    def refuse(cost, degree, limits, work):
        raise limits.refuse("max_interpolation_work", f"field operations of the check of degree {degree}", cost)

    monkeypatch.setattr(implicitization, "_check_work", refuse)
    checked = implicit_equations(mu, jobs=1)
    assert checked.certified and checked.equations == whole.equations
    # its reduced basis has elements of degree 7 (none new as minimal generators): degree 7 is read
    assert checked.stopped_by.startswith("resource bound at degree 7") and "degree 7 was read" in checked.stopped_by
    assert "generating degree" in checked.certificate or "generate the whole ideal" in checked.certificate
    small = implicit_equations(mu, jobs=1, limits=Limits(max_read_entries=1000))
    assert not small.certified and "was not completed" in small.stopped_by


def test_no_equation_below_a_refused_degree_says_so_and_certify_reads_them():
    """``2,2,2 s=2,2`` has its 9 equations in degree 2; with degree 2 refused and the default
    read bound too small, no equation is found: the answer says that none exists up to degree
    1 and that V's lie higher, instead of reading like the zero ideal; ``certify=True`` reads
    degree 2 from the elimination within ``max_total_entries`` (not ``max_read_entries``) and
    certifies the same 9 equations as the run without the bounds."""
    mu = Parameterization("2,2,2 s=2,2")
    tight = Limits(max_interpolation_work=1000, max_read_entries=10)
    none = implicit_equations(mu, jobs=1, limits=tight)
    assert not none.certified and none.equations == () and none.complete_up_to_degree == 1
    assert "no equation of degree <= 1 exists" in none.how_to_certify and "dim V = 4 < 8" in none.how_to_certify
    assert "within max_read_entries = 10," in none.stopped_by
    read = implicit_equations(mu, jobs=1, certify=True, limits=tight)
    whole = implicit_equations(mu, jobs=1)
    assert read.certified and read.equations == whole.equations and len(read.equations) == 9
    assert "degree 2 was read" in read.stopped_by
    # the larger bound is the one named when it too is met
    cut = implicit_equations(mu, jobs=1, certify=True, limits=Limits(max_interpolation_work=1000, max_total_entries=10))
    assert not cut.certified and "within max_total_entries = 10," in cut.stopped_by


# ------------------------------------------------------------- every degree from the basis alone


def _same_ideal(a, b, nvars):
    """Whether two lists of integer polynomials (exponent dicts) generate one ideal of Q[c]:
    their reduced Gröbner bases over Q, computed exactly, are equal."""
    return groebner_basis(a, nvars=nvars).polys == groebner_basis(b, nvars=nvars).polys


def _read_every_degree_after(mu, first):
    """Degrees ``first + 1`` to the top of the elimination basis read by degree_from_basis
    after ``first`` interpolated, against all of them interpolated."""
    made = eliminate(GraphIdeal.of(mu), PRIMES_31[0], Limits())
    assert made.eliminated is not None
    top = max((sum(next(iter(g))) for g in made.eliminated), default=0)
    a, b = _two_states_before(mu, first + 1)
    for d in range(first + 1, top + 1):
        read = degree_from_basis(a, made.eliminated, made.modulus)
        done = interpolate_degree(b)
        assert read is not None and read.degree == done.degree == d
        assert read.tight and done.tight
        assert (read.hilbert_lower, read.new_generators) == (done.hilbert_lower, done.new_generators)
        assert read.monomials == done.monomials and read.pieces == done.pieces
    nvars = len(a.grading.variables)
    mine, theirs = [g[2] for g in a.generators], [g[2] for g in b.generators]
    assert sorted((g[0], g[1]) for g in a.generators) == sorted((g[0], g[1]) for g in b.generators)
    if mine:
        assert _same_ideal(mine, theirs, nvars)
    # every equation read vanishes exactly on mu
    assert all(verify_equations(mu, [a.grading.to_full(p, mu.coordinate_ring) for p in mine]))
    return top


@pytest.mark.parametrize("arch, first", [("3,3,3 s=2,2", 1), ("3x2,2x2 s=2x2", 1),
                                         ("2,3 s=3", 1), ("3x2,2x3 s=2x2", 2), ("4,4 s=2", 1), ("2x2,2x2", 5)])
def test_every_degree_read_from_the_basis_is_the_degree_interpolated(arch, first):
    """Generators in several degrees (``3x2,2x2 s=2x2``: 2, 3 and 4), vanishing coordinates
    (``2,3 s=3``), symmetries (2D), a basis element of degree 7 that is no minimal generator
    (``2x2,2x2``: its 39 sextics generate it): the same counts, Hilbert function and ideal as
    interpolated, degree after degree.  (A gap between degrees, ``2,4,3,2 s=2,1,2``'s 2 and 6,
    is read in the run below.)"""
    assert _read_every_degree_after(Parameterization(arch), first) >= first


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(architectures(max_layers=3, max_size=3, max_stride=2, max_ambient=10, reduced=True))
def test_every_degree_read_from_the_basis_on_random_architectures(arch):
    mu = Parameterization(arch)
    assume(mu.num_parameters <= 12)
    _read_every_degree_after(mu, 1)


def test_a_basis_that_does_not_fit_reads_no_degree_from_the_basis():
    mu = Parameterization("3,3,3 s=2,2")   # cubics and quartics
    made = eliminate(GraphIdeal.of(mu), PRIMES_31[0], Limits())
    a, _ = _two_states_before(mu, 3)
    before = _snapshot(a)
    assert degree_from_basis(a, made.eliminated, PRIMES_31[1]) is None   # another prime
    cubic = next(i for i, g in enumerate(made.eliminated) if sum(next(iter(g))) == 3)
    # a cubic with its last coefficient changed
    tampered = tuple(dict(g) for g in made.eliminated)
    last = list(tampered[cubic])[-1]
    tampered[cubic][last] = (tampered[cubic][last] + 2) % made.modulus
    assert degree_from_basis(a, tampered, made.modulus) is None   # no longer vanishes on mu
    assert _snapshot(a) == before
    assert degree_from_basis(a, made.eliminated, made.modulus) is not None
    # degree 3 read: a basis without a cubic leaves one more standard monomial in degree 3 than
    # proved (an unlucky prime would show so), and degree 4 is not read from it
    assert degree_from_basis(a, made.eliminated[:cubic] + made.eliminated[cubic + 1:], made.modulus) is None
    assert degree_from_basis(a, made.eliminated, made.modulus) is not None


@pytest.mark.parametrize("arch", ["3,3,3 s=2,2", "2,4,3,2 s=2,1,2", "3x2,2x2 s=2x2"])
def test_a_run_refused_early_reads_every_degree_above_from_the_elimination(arch):
    """A per-degree bound that refuses degree 2 or 3: every degree from there to the top of the
    elimination basis is read from it, and the equations are certified; the ideal is the one of
    the run that interpolates every degree."""
    mu = Parameterization(arch)
    whole = implicit_equations(mu, jobs=1)
    early = implicit_equations(mu, jobs=1, limits=Limits(max_interpolation_work=10**4))
    assert early.certified and whole.certified
    assert "read from the certificate's elimination basis" in early.stopped_by
    assert "degrees 2-" in early.method or "degrees 3-" in early.method
    assert sorted(early.degrees) == sorted(whole.degrees)
    assert early.hilbert_function == whole.hilbert_function[:len(early.hilbert_function)]
    assert (early.degree, early.hilbert_series) == (whole.degree, whole.hilbert_series)
    assert groebner_basis(list(early.polynomials)).polys == groebner_basis(list(whole.polynomials)).polys
