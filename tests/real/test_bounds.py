"""The real-geometry requests are bounded in time, not only in nodes: each search estimates
what it builds before it starts, counts the work of every step, and stops with a partial
answer or a refusal that names the bound (``max_search_work``, ``max_root_work``)."""

from __future__ import annotations

import random
import time

import flint
import pytest
from hypothesis import given, settings, strategies as st

from lcnalg import Architecture, Limits, ResourceLimitError
from lcnalg.polys.univariate import RootData, real_root_count
from lcnalg.real.closedness import is_zariski_closed
from lcnalg.real.inequalities import inequalities
from lcnalg.real.membership import contains
from lcnalg.real.orbit_tilings import decide_closedness_1d, orbit_model, search_work_estimate
from tests.alarm import alarm


@pytest.mark.parametrize("arch", ["2,5,3,2,3,4 s=2,2,2,2,3", "50,50,50 s=2,2"])
def test_tiling_search_is_estimated_before_it_starts(arch):
    a = Architecture.parse(arch)
    assert search_work_estimate(orbit_model(a)) > Limits().max_search_work
    start = time.perf_counter()
    assert decide_closedness_1d(a) is None
    assert time.perf_counter() - start < 1.0


def test_tiling_search_counts_its_steps():
    # the set-up of 4,4,4 s=2,2 fits (13244 steps) but the search itself does not
    a = Architecture.parse("4,4,4 s=2,2")
    assert decide_closedness_1d(a, limits=Limits(max_search_work=14_000)) is None
    assert decide_closedness_1d(a)["closed"] is False


def test_closed_reproducer_is_undecided_naming_the_work_bound():
    with alarm(30):
        r = is_zariski_closed("2,5,3,2,3,4 s=2,2,2,2,3")
    assert r.closed is None and str(r.status) == "undecided"
    assert "max_search_work" in r.limitations and "--max-search-work" in r.limitations
    assert "estimated at" in r.limitations


def test_inequalities_real_stages_of_a_long_filter_are_quick():
    # 10000,3 s=2 is closed (n_2 = 2 even); the stages of the real geometry answer at once
    # (the dimension and the equations are bounded by their own fields)
    with alarm(30):
        r = inequalities("10000,3 s=2", dimension=10002, equations=False)
    assert r.decided and r.closed is True and r.equations_status == "not computed"


def test_membership_of_a_long_filter_is_answered():
    # degree 343: the real-root count no longer runs a Sturm sequence over Q (minutes)
    rng = random.Random(1)
    filt = [rng.randint(-9, 9) for _ in range(344)]
    with alarm(60):
        r = contains("50,50,50 s=2,2", filt)
    assert r.contained is False and r.decided


def test_root_isolation_is_refused_before_factoring():
    rng = random.Random(0)
    p = flint.fmpz_poly([rng.randint(-9, 9) for _ in range(6001)] + [1])   # 6001^2 / 8 > 3 * 10^6
    start = time.perf_counter()
    with pytest.raises(ResourceLimitError) as err:
        RootData(p)
    assert err.value.limit == "max_root_work" and time.perf_counter() - start < 1.0
    with pytest.raises(ResourceLimitError, match="--max-root-work"):
        contains("6001,2", [int(c) for c in p.coeffs()])
    # a power of a small polynomial factors at once: only its squarefree part counts
    assert RootData(flint.fmpz_poly([1, 0, 1]) ** 3000).factors[0][1] == 3000
    # degree 4: factoring costs 4^2 // 8 = 2, the isolations 16 + ...; each is counted
    with pytest.raises(ResourceLimitError, match="max_root_work"):
        contains("3,2 s=2", [4, 8, 17, 10, 15], limits=Limits(max_root_work=15))
    assert contains("3,2 s=2", [4, 8, 17, 10, 15], limits=Limits(max_root_work=100)).contained is True


def test_class_polynomials_are_refused_before_their_resultants():
    # grouping the roots of a degree-d filter by r^t takes resultants of about 4e-11 d^3 t^2
    # seconds (d = 363, t = 81: 7 s); they are estimated and refused before they start, and run
    # when allowed: the same question is then decided
    rng = random.Random(3)
    filt = [rng.randint(-3, 3) for _ in range(102)]     # 3,3,2 s=9,9: degree 101, T = 81
    with pytest.raises(ResourceLimitError, match=r"class polynomials res_z\(f, w - z\^81\) .* estimated at \d+, "
                                                 r"above the bound 100000") as err:
        contains("3,3,2 s=9,9", filt, limits=Limits(max_root_work=10**5))
    assert err.value.limit == "max_root_work"
    assert contains("3,3,2 s=9,9", filt).decided
    rng = random.Random(1)
    with alarm(20), pytest.raises(ResourceLimitError, match="class polynomials"):
        contains("4,4,4,4,4 s=3,3,3,3", [rng.randint(-3, 3) for _ in range(364)])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-5, 5), min_size=2, max_size=12).filter(lambda c: any(c[1:])))
def test_real_roots_from_isolation_match_sturm(coeffs):
    """The membership test counts real roots from the certified isolation; Sturm agrees."""
    p = flint.fmpz_poly(coeffs)
    rd = RootData(p)
    from_isolation = rd.zero_multiplicity + sum(m for m, re in zip(rd.multiplicity, rd.real) if re)
    assert from_isolation == real_root_count(p)


def test_pointwise_descriptions_check_their_sturm_work():
    ineq = inequalities("2,2,2")
    assert ineq.holds_at([0, -1, 0, 1], limits=Limits(max_root_work=27)) is True
    with pytest.raises(ResourceLimitError, match="max_root_work"):
        ineq.holds_at([0, -1, 0, 1], limits=Limits(max_root_work=26))      # degree 3: 27
    strided = inequalities("3,2 s=2")
    with pytest.raises(ResourceLimitError, match="max_root_work"):
        strided.holds_at([1, 0, 0, 0, 1], limits=Limits(max_root_work=63))  # degree 4: 64
    from lcnalg.real.boundary import boundary
    with pytest.raises(ResourceLimitError, match="max_root_work"):
        boundary("2,2,2").is_boundary_point([-2, 5, -4, 1], limits=Limits(max_root_work=26))
    # a long filter is refused at once instead of running a Sturm sequence for minutes
    long = inequalities("1000,2,2", equations=False)      # d = 1001, m = 2
    with alarm(5), pytest.raises(ResourceLimitError, match="--max-root-work"):
        long.holds_at([1] * 1002)
