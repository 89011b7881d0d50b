"""Tests of lcnalg.polys.hilbert against brute-force counting of standard monomials."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from lcnalg.polys.hilbert import (
    dimension_and_degree,
    hilbert_function_values,
    hilbert_numerator,
    hilbert_series_of_monomials,
    StandardMonomialCounter,
    standard_monomial_count,
    standard_monomial_counts,
)
from lcnalg.polys.monomial_ideals import minimal_monomial_generators
from lcnalg.errors import InputError


def brute_force_hf(gens, n, up_to, weights=None):
    w = weights or [1] * n
    counts = [0] * (up_to + 1)
    for e in itertools.product(range(up_to + 1), repeat=n):
        d = sum(a * b for a, b in zip(e, w))
        if d > up_to:
            continue
        if not any(all(a >= b for a, b in zip(e, g)) for g in gens):
            counts[d] += 1
    return counts


@st.composite
def monomial_ideals(draw, nvars=(1, 4), generators=(0, 5), top=3):
    """``(n, generators, weights or None)``: ``n`` and the number of generators in the given
    ranges, exponents up to ``top``."""
    n = draw(st.integers(*nvars))
    k = draw(st.integers(*generators))
    gens = [tuple(draw(st.lists(st.integers(0, top), min_size=n, max_size=n))) for _ in range(k)]
    weights = draw(st.one_of(st.none(), st.lists(st.integers(1, 3), min_size=n, max_size=n)))
    return n, gens, weights


@settings(max_examples=80, deadline=None)
@given(monomial_ideals())
def test_hilbert_function_matches_brute_force(data):
    n, gens, weights = data
    up_to = 7
    assert hilbert_function_values(gens, n, up_to, weights) == brute_force_hf(gens, n, up_to, weights)


@settings(max_examples=60, deadline=None)
@given(monomial_ideals())
def test_series_expansion_matches_numerator(data):
    n, gens, weights = data
    t = sympy.Symbol("t")
    hs = hilbert_series_of_monomials(gens, n, weights)
    up_to = 6
    # the power series of the rational function num/den (den(0) != 0), by the recurrence of
    # num = den * series (sympy.series gives the same coefficients, ten times slower)
    num, den = sympy.fraction(sympy.cancel(sympy.together(hs)))
    a = sympy.Poly(num, t).all_coeffs()[::-1]
    b = sympy.Poly(den, t).all_coeffs()[::-1]
    assert b[0] != 0
    coeffs: list = []
    for i in range(up_to + 1):
        rest = (a[i] if i < len(a) else 0) - sum(b[j] * coeffs[i - j] for j in range(1, min(i, len(b) - 1) + 1))
        coeffs.append(sympy.Rational(rest, b[0]))
    assert [int(c) for c in coeffs] == brute_force_hf(gens, n, up_to, weights)
    assert all(c.is_integer for c in coeffs)


@settings(max_examples=60, deadline=None)
@given(monomial_ideals(nvars=(2, 3), generators=(7, 16), top=2))   # beyond inclusion-exclusion
def test_numerator_of_many_generators_is_the_brute_force_one(data):
    """N(t) of an ideal with many generators, every term: N = HS * prod (1 - t^w_i), with the
    Hilbert function counted monomial by monomial up to the degree D of the lcm of the
    generators (N has no term above D)."""
    n, gens, weights = data
    w = weights or [1] * n
    D = sum(max([g[i] for g in gens] + [0]) * w[i] for i in range(n))
    num = hilbert_numerator(gens, n, weights)
    assert len(num) <= D + 1
    expected = brute_force_hf(gens, n, D, weights)
    for wi in w:  # times (1 - t^wi), truncated at D
        expected = [c - (expected[k - wi] if k >= wi else 0) for k, c in enumerate(expected)]
    assert num + [0] * (D + 1 - len(num)) == expected


@settings(max_examples=40, deadline=None)
@given(monomial_ideals(nvars=(2, 3), generators=(7, 16), top=2), st.integers(0, 40))
def test_numerator_within_a_node_budget_is_the_numerator_or_none(data, nodes):
    """With max_nodes the numerator is the unbounded one or None (never another answer), and it
    comes back with a budget as large as the recursion of the brute-force-checked numerator."""
    n, gens, weights = data
    full = hilbert_numerator(gens, n, weights)
    bounded = hilbert_numerator(gens, n, weights, max_nodes=nodes)
    assert bounded is None or bounded == full
    assert hilbert_numerator(gens, n, weights, max_nodes=10**6) == full
    with pytest.raises(InputError, match="max_nodes"):
        hilbert_numerator(gens, n, weights, max_nodes=-1)


def test_numerator_reaches_the_degree_of_the_lcm():
    """Seven pure powers x_i^(i % 3 + 1) (weights 1, 2): N = prod (1 - t^{deg}), whose top term
    has the degree of the lcm of all the generators, the degree the recursion is truncated at."""
    n = 7
    gens = [tuple((i % 3 + 1) if j == i else 0 for j in range(n)) for i in range(n)]
    weights = [1 + i % 2 for i in range(n)]
    t = sympy.Symbol("t")
    expected = sympy.Poly(sympy.prod([1 - t ** ((i % 3 + 1) * weights[i]) for i in range(n)]), t)
    assert hilbert_numerator(gens, n, weights) == [int(c) for c in expected.all_coeffs()[::-1]]


@settings(max_examples=60, deadline=None)
@given(monomial_ideals())
def test_dimension_is_largest_free_coordinate_set(data):
    n, gens, _ = data
    num = hilbert_numerator(gens, n)
    dim, deg = dimension_and_degree(num, n)
    # independent route: Krull dimension of R/M = max |S| with no generator supported in S
    if any(all(a == 0 for a in g) for g in gens):
        assert dim == -1
        return
    best = 0
    for r in range(n + 1):
        for S in itertools.combinations(range(n), r):
            if not any(all(g[i] == 0 for i in range(n) if i not in S) for g in gens):
                best = max(best, r)
    assert dim == best
    # degree: the leading coefficient of the Hilbert polynomial times dim!
    if dim >= 1:
        big = 30
        hf = hilbert_function_values(gens, n, big)
        # finite differences of order dim-1 of HF stabilize at deg
        diffs = hf
        for _ in range(dim - 1):
            diffs = [b - a for a, b in zip(diffs, diffs[1:])]
        assert diffs[-1] == deg
    elif dim == 0:
        assert deg == sum(hilbert_function_values(gens, n, 20))


def test_known_series():
    t = sympy.Symbol("t")
    # twisted cubic lead monomials under degrevlex: c1^2, c1 c2, c2^2
    lead = [(0, 2, 0, 0), (0, 1, 1, 0), (0, 0, 2, 0)]
    hs = hilbert_series_of_monomials(lead, 4)
    assert sympy.simplify(hs - (1 + 2 * t) / (1 - t) ** 2) == 0
    assert dimension_and_degree(hilbert_numerator(lead, 4), 4) == (2, 3)
    # complete intersection x^a, y^b in n variables
    for a, b, n in [(2, 3, 3), (3, 3, 4)]:
        g = [tuple([a] + [0] * (n - 1)), tuple([0, b] + [0] * (n - 2))]
        hs = hilbert_series_of_monomials(g, n)
        assert sympy.simplify(hs - (1 - t**a) * (1 - t**b) / (1 - t) ** n) == 0
        assert dimension_and_degree(hilbert_numerator(g, n), n) == (n - 2, a * b)
    # weighted: k[x, y] with deg y = 3 modulo y: 1/(1-t)
    assert sympy.simplify(hilbert_series_of_monomials([(0, 1)], 2, (1, 3)) - 1 / (1 - t)) == 0


def test_minimal_generators_and_errors():
    assert minimal_monomial_generators([(1, 1), (1, 0), (2, 3)]) == [(1, 0)]
    assert hilbert_numerator([], 2) == [1]
    assert dimension_and_degree(hilbert_numerator([(0, 0)], 2), 2) == (-1, 0)
    with pytest.raises(InputError):
        hilbert_numerator([(1, 2, 3)], 2)
    with pytest.raises(InputError):
        hilbert_numerator([(1, 2)], 2, weights=(1, 0))


@given(st.lists(st.tuples(*[st.integers(0, 2)] * 5), max_size=8))
@settings(max_examples=150, deadline=None)
def test_monomial_dimension_equals_hilbert_dimension(monos):
    from lcnalg.polys.hilbert import monomial_dimension

    monos = [m for m in monos if any(m)]
    dim, _ = dimension_and_degree(hilbert_numerator(monos, 5), 5)
    assert monomial_dimension(monos, 5) == dim


@st.composite
def larger_monomial_ideals(draw):
    """Up to 14 generators, so that the pivot recursion runs before the small-ideal count."""
    n = draw(st.integers(1, 4))
    k = draw(st.integers(0, 14))
    gens = [tuple(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))) for _ in range(k)]
    weights = draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))
    return n, gens, weights


@settings(max_examples=80, deadline=None)
@given(larger_monomial_ideals(), st.integers(0, 8))
def test_standard_monomial_count_matches_brute_force(data, degree):
    """The truncated pivot recursion counts what enumerating every monomial of the degree counts."""
    n, gens, weights = data
    got = standard_monomial_count(np.array(gens, dtype=np.int64).reshape(-1, n), weights, degree)
    assert got == brute_force_hf(gens, n, degree, weights)[degree]
    # with a budget of steps the count is the same or given up (None), never another number
    assert standard_monomial_count(np.array(gens, dtype=np.int64).reshape(-1, n), weights, degree,
                                   max_nodes=3) in (got, None)


@st.composite
def multigraded_monomial_ideals(draw):
    """A monomial ideal with a multigrading: 1-3 rows of non-negative degrees, no zero column."""
    n, gens, _ = draw(larger_monomial_ideals())
    r = draw(st.integers(1, 3))
    rows = [draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)) for _ in range(r)]
    for i in range(n):
        if not any(row[i] for row in rows):
            rows[draw(st.integers(0, r - 1))][i] = draw(st.integers(1, 2))
    return n, gens, rows


@settings(max_examples=80, deadline=None)
@given(multigraded_monomial_ideals(), st.integers(0, 7))
def test_standard_monomial_counts_match_brute_force(data, degree):
    """The multigraded truncated recursion counts, in every multidegree of the total degree, what
    enumerating the monomials counts; the counts add up to the single-grading count."""
    n, gens, rows = data
    G = np.array(gens, dtype=np.int64).reshape(-1, n)
    got = standard_monomial_counts(G, rows, degree)
    w = [sum(col) for col in zip(*rows)]
    expected: dict[tuple[int, ...], int] = {}
    for e in itertools.product(range(degree + 1), repeat=n):
        if sum(a * b for a, b in zip(e, w)) != degree:
            continue
        if not any(all(a >= b for a, b in zip(e, g)) for g in gens):
            md = tuple(sum(a * b for a, b in zip(e, row)) for row in rows)
            expected[md] = expected.get(md, 0) + 1
    assert {a: c for a, c in got.items() if c} == expected
    assert sum(got.values()) == standard_monomial_count(G, w, degree)
    some = sorted(got)[::2]
    assert standard_monomial_counts(G, rows, degree, some) == {a: got[a] for a in some}
    assert standard_monomial_counts(G, rows, degree, max_nodes=3) in (got, None)


def test_standard_monomial_counts_refuses_bad_degrees():
    with pytest.raises(InputError, match="degrees"):
        standard_monomial_counts([[1, 1]], [[1, 0]], 2)  # a zero column
    with pytest.raises(InputError, match="degrees"):
        standard_monomial_counts([[1, 1]], [1, 1], 2)  # not a matrix
    with pytest.raises(InputError, match="multidegrees"):
        standard_monomial_counts([[1, 1]], [[1, 0], [0, 1]], 2, [(1, 2)])
    assert standard_monomial_counts([[1, 1]], [[1, 0], [0, 1]], -1, [(0, -1)]) == {(0, -1): 0}


def monomials_of_weighted_degree(w, d):
    """The exponent tuples of weighted degree exactly ``d`` for positive weights ``w``."""
    if not w:
        if d == 0:
            yield ()
        return
    for a in range(d // w[0] + 1):
        for rest in monomials_of_weighted_degree(w[1:], d - a * w[0]):
            yield (a,) + rest


def brute_force_counts(gens, rows, degree):
    """``{multidegree: standard monomials}`` of one total degree, by enumerating its monomials."""
    w = [sum(col) for col in zip(*rows)]
    out: dict[tuple[int, ...], int] = {}
    for e in monomials_of_weighted_degree(w, degree):
        if not any(all(a >= b for a, b in zip(e, g)) for g in gens):
            md = tuple(sum(a * b for a, b in zip(e, row)) for row in rows)
            out[md] = out.get(md, 0) + 1
    return out


@st.composite
def sparse_multigraded_ideals(draw):
    """Up to 9 variables and 12 generators, most of them powers of one or two variables, so that
    the recursion meets pairwise coprime generators sharing multidegrees (its product case)."""
    n = draw(st.integers(1, 9))
    gens = []
    for _ in range(draw(st.integers(0, 12))):
        g = [0] * n
        for _ in range(draw(st.integers(1, 2))):
            g[draw(st.integers(0, n - 1))] = draw(st.integers(1, 3))
        gens.append(tuple(g))
    r = draw(st.integers(1, 2))
    rows = [draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)) for _ in range(r)]
    for i in range(n):
        if not any(row[i] for row in rows):
            rows[draw(st.integers(0, r - 1))][i] = 1
    return n, gens, rows


@settings(max_examples=60, deadline=None)
@given(sparse_multigraded_ideals(), st.integers(0, 5))
def test_standard_monomial_counts_of_sparse_ideals_match_brute_force(data, degree):
    """Many variables, pairwise coprime generators: the counts are those of the enumeration."""
    n, gens, rows = data
    got = standard_monomial_counts(np.array(gens, dtype=np.int64).reshape(-1, n), rows, degree)
    assert {a: c for a, c in got.items() if c} == brute_force_counts(gens, rows, degree)


@settings(max_examples=80, deadline=None)
@given(st.one_of(multigraded_monomial_ideals(), sparse_multigraded_ideals()), st.integers(0, 4),
       st.lists(st.integers(0, 8), min_size=1, max_size=14), st.data())
def test_counter_kept_up_to_date_equals_the_count_from_scratch(data, slack, degrees, draw):
    """Generators added one at a time (or a few at once), counts asked in any order of degrees:
    the numerator kept up to date by N(M + <m>) = N(M) - t^deg m N(M : m) gives the counts of
    the truncated pivot recursion from scratch, whatever the slack."""
    n, gens, rows = data
    counter = StandardMonomialCounter(rows, slack=slack)
    added: list[tuple[int, ...]] = []
    k = 0
    for degree in degrees:
        step = draw.draw(st.integers(0, 3))
        new = gens[k:k + step]
        k += step
        counter.add(np.array(new, dtype=np.int64).reshape(-1, n))
        added += new
        expected = standard_monomial_counts(np.array(added, dtype=np.int64).reshape(-1, n), rows, degree)
        assert counter.counts(degree) == expected
        some = sorted(expected)[::3]
        assert counter.counts(degree, some) == {a: expected[a] for a in some}
    assert sorted(map(tuple, counter.generators.tolist())) == sorted(minimal_monomial_generators(added))


@pytest.mark.parametrize("kept", [0, 3, 1_000_000])
def test_counter_counts_do_not_depend_on_the_leaves_kept(monkeypatch, kept):
    """The coprime leaves' products are kept for the recursion's other visits, within
    LEAF_MEMO_TERMS terms (emptied beyond): any bound gives the counts from scratch."""
    monkeypatch.setattr("lcnalg.polys.hilbert.LEAF_MEMO_TERMS", kept)
    rows = [[1, 1, 1, 1, 1, 1], [1, 1, 1, 0, 0, 0]]
    gens = [[2, 0, 0, 0, 0, 0], [0, 2, 0, 0, 0, 0], [0, 0, 2, 0, 0, 0], [0, 0, 0, 3, 0, 0],
            [0, 0, 0, 0, 2, 0], [0, 0, 0, 0, 0, 2], [1, 1, 0, 0, 0, 0], [0, 0, 1, 1, 0, 0],
            [0, 0, 0, 0, 1, 1], [1, 0, 0, 0, 0, 1]]
    counter = StandardMonomialCounter(rows, slack=2)
    counter.add(gens[:6])
    for degree in range(9):
        assert counter.counts(degree) == standard_monomial_counts(np.array(gens[:6]), rows, degree)
    counter.add(gens[6:])
    for degree in range(9):
        assert counter.counts(degree) == standard_monomial_counts(np.array(gens), rows, degree)


@pytest.mark.parametrize("flush_or_recount", [0, 3])
def test_counter_updates_wait_for_a_count_and_survive_a_generator_that_leaves(monkeypatch, flush_or_recount):
    """Updates are made when a count needs them (one by one, or by a count from scratch when
    many wait: FLUSH_OR_RECOUNT, 0 for never); a new generator dividing earlier ones (which
    leave M) makes the waiting updates first.  Every count equals the count from scratch."""
    monkeypatch.setattr("lcnalg.polys.hilbert.FLUSH_OR_RECOUNT", flush_or_recount)
    rows = [[1, 1, 1], [1, 0, 0]]
    added = [[2, 1, 0], [0, 2, 1], [1, 1, 1], [1, 0, 0], [0, 0, 3], [0, 1, 1]]
    for counts_between in (False, True):
        counter = StandardMonomialCounter(rows, slack=3)
        counter.counts(2)   # a numerator up to degree 5, kept up to date from here on
        for k, g in enumerate(added):
            counter.add([g])
            if counts_between:
                counter.counts(k % 5)
        for degree in range(7):
            assert counter.counts(degree) == standard_monomial_counts(np.array(added, dtype=np.int64), rows, degree)
        assert sorted(map(tuple, counter.generators.tolist())) == sorted(minimal_monomial_generators(added))


@settings(max_examples=25, deadline=None)
@given(st.integers(65, 90), st.data())
def test_counter_in_more_than_64_variables_equals_the_count_from_scratch(n, draw):
    """Past 64 variables the colon by a new generator is made minimal without support masks (a
    different path): generators on a few of many variables, some sharing them, added one at a
    time; every count equals the count from scratch, in one and in two gradings."""
    gens = []
    for _ in range(draw.draw(st.integers(1, 12))):
        g = [0] * n
        for _ in range(draw.draw(st.integers(1, 3))):
            g[draw.draw(st.integers(0, 5)) * (n // 6)] += draw.draw(st.integers(1, 2))
        gens.append(g)
    split = draw.draw(st.integers(1, n - 1))
    for rows in ([[1] * n], [[1] * split + [0] * (n - split), [0] * split + [1] * (n - split)]):
        counter = StandardMonomialCounter(rows, slack=draw.draw(st.integers(0, 3)))
        counter.counts(1)   # a numerator to keep up to date from the first generator on
        for k, g in enumerate(gens):
            counter.add([g])
            degree = draw.draw(st.integers(0, 4))
            assert counter.counts(degree) == standard_monomial_counts(
                np.array(gens[:k + 1], dtype=np.int64), rows, degree)


@settings(max_examples=40, deadline=None)
@given(multigraded_monomial_ideals(), st.integers(0, 7), st.integers(0, 40))
def test_counter_with_a_budget_counts_right_or_gives_up(data, degree, max_nodes):
    """With ``max_nodes`` a count is the exact one or None, never another number, and an update
    that gives up leaves the next count to a count from scratch."""
    n, gens, rows = data
    counter = StandardMonomialCounter(rows, max_nodes=max_nodes, slack=2)
    for i, g in enumerate(gens):
        counter.add([g])
        got = counter.counts(degree)
        assert got in (standard_monomial_counts(np.array(gens[:i + 1], dtype=np.int64).reshape(-1, n),
                                                rows, degree), None)


def test_counter_that_gave_up_waits_for_a_new_generator():
    """A count from scratch that gave up is not tried again at a higher degree until a
    generator is added; then it is, and it is exact."""
    rows = [[1, 1, 1, 1]]
    gens = [[2, 1, 0, 0], [0, 2, 1, 0], [0, 0, 2, 1], [1, 0, 0, 2], [1, 1, 1, 0], [0, 1, 1, 1],
            [3, 0, 1, 0], [0, 3, 0, 1], [1, 0, 3, 0]]  # more than inclusion-exclusion takes at once
    counter = StandardMonomialCounter(rows, max_nodes=1, slack=0)
    counter.add(gens[:8])
    assert counter.counts(5) is None
    nodes = counter.nodes
    assert counter.counts(6) is None and counter.nodes == nodes  # not tried again
    counter.max_nodes = None
    assert counter.counts(7) is None  # still the same generators
    counter.add([gens[8]])
    assert counter.counts(7) == standard_monomial_counts(np.array(gens), rows, 7)


@st.composite
def refined_monomial_ideals(draw):
    """A multigraded monomial ideal and 1-2 refining rows (entries 0-4: positions, parities)."""
    n, gens, rows = draw(st.one_of(multigraded_monomial_ideals(), sparse_multigraded_ideals()))
    fine = [draw(st.lists(st.integers(0, 4), min_size=n, max_size=n)) for _ in range(draw(st.integers(1, 2)))]
    return n, gens, rows, fine


def brute_force_refined_counts(gens, rows, fine, degree):
    """``{multidegree: standard monomials}`` of one total degree (the sum of ``rows``), the
    multidegree being the entries of ``rows`` followed by those of ``fine``."""
    w = [sum(col) for col in zip(*rows)]
    out: dict[tuple[int, ...], int] = {}
    for e in monomials_of_weighted_degree(w, degree):
        if not any(all(a >= b for a, b in zip(e, g)) for g in gens):
            md = tuple(sum(a * b for a, b in zip(e, row)) for row in rows + fine)
            out[md] = out.get(md, 0) + 1
    return out


@pytest.mark.parametrize("table_entries, array_terms", [(1 << 22, 256), (0, 256), (1 << 22, 1)])
@settings(max_examples=40, deadline=None)
@given(refined_monomial_ideals(), st.lists(st.integers(0, 6), min_size=1, max_size=6), st.data())
def test_counter_with_refining_rows_equals_the_enumeration(table_entries, array_terms, data, degrees, draw):
    """Rows that refine the grading without counting towards the total (total_rows): generators
    added a few at a time, every count in the refined multidegrees (those of the monomials of
    the degree, and some that hold none) is the enumeration's.  The numbers of monomials are
    read from a table or counted one by one (MONOMIAL_TABLE_ENTRIES 0), the coprime leaves
    multiplied out on dictionaries or on arrays (ARRAY_LEAF_TERMS 1): the same counts."""
    import lcnalg.polys.hilbert as hilbert
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(hilbert, "MONOMIAL_TABLE_ENTRIES", table_entries)
        mp.setattr(hilbert, "ARRAY_LEAF_TERMS", array_terms)
        n, gens, rows, fine = data
        counter = StandardMonomialCounter(rows + fine, total_rows=len(rows), slack=draw.draw(st.integers(0, 3)))
        added: list[tuple[int, ...]] = []
        k = 0
        for degree in degrees:
            step = draw.draw(st.integers(0, 4))
            counter.add(np.array(gens[k:k + step], dtype=np.int64).reshape(-1, n))
            added += gens[k:k + step]
            k += step
            expected = brute_force_refined_counts(added, rows, fine, degree)
            everything = brute_force_refined_counts([], rows, fine, degree)   # the monomials' multidegrees
            wanted = sorted(everything) + [tuple(a[:len(rows)]) + tuple(x + 50 for x in a[len(rows):])
                                           for a in sorted(everything)[:2]]
            got = counter.counts(degree, wanted)
            assert got == {a: expected.get(a, 0) for a in wanted}


@pytest.mark.parametrize("array_terms", [1, 4, 256])
def test_refined_counts_of_many_coprime_generators_are_the_enumeration(monkeypatch, array_terms):
    """Pure powers of nine of ten variables (pairwise coprime leaves of the recursion, whose
    products go on arrays past ARRAY_LEAF_TERMS terms) and two mixed generators, a position row:
    every refined count is the enumeration's, whichever way the leaves are multiplied out."""
    monkeypatch.setattr("lcnalg.polys.hilbert.ARRAY_LEAF_TERMS", array_terms)
    n = 10
    gens = [tuple(2 + (i % 2) if j == i else 0 for j in range(n)) for i in range(9)]
    gens += [(1, 1) + (0,) * 8, (0,) * 7 + (1, 0, 1)]
    rows, fine = [[1] * n], [list(range(n))]
    for slack in (0, 3):
        counter = StandardMonomialCounter(rows + fine, total_rows=1, slack=slack)
        counter.add(gens[:9])
        for degree in range(7):
            expected = brute_force_refined_counts(gens[:9], rows, fine, degree)
            assert counter.counts(degree, sorted(expected)) == expected
        counter.add(gens[9:])
        for degree in range(7):
            expected = brute_force_refined_counts(gens, rows, fine, degree)
            wanted = sorted(brute_force_refined_counts([], rows, fine, degree))
            assert counter.counts(degree, wanted) == {a: expected.get(a, 0) for a in wanted}


def test_counter_refuses_bad_refining_rows():
    with pytest.raises(InputError, match="total_rows"):
        StandardMonomialCounter([[1, 1], [0, 1]], total_rows=0)
    with pytest.raises(InputError, match="total_rows"):
        StandardMonomialCounter([[1, 0], [0, 1]], total_rows=1)   # the first row leaves y at total 0
    with pytest.raises(InputError, match="total_rows"):
        StandardMonomialCounter([[1, 1]], total_rows=True)
    counter = StandardMonomialCounter([[1, 1], [0, 1]], total_rows=1)
    with pytest.raises(InputError, match="multidegrees"):
        counter.counts(2)   # the refined multidegrees of a total are to be named
    with pytest.raises(InputError, match="multidegrees"):
        counter.counts(2, [(1, 1)])   # total 1, not 2
    assert counter.counts(2, [(2, 0), (2, 1), (2, 2), (2, 3)]) == {(2, 0): 1, (2, 1): 1, (2, 2): 1, (2, 3): 0}


def test_counter_refuses_bad_input():
    with pytest.raises(InputError, match="degrees"):
        StandardMonomialCounter([[1, 0]])  # a zero column
    with pytest.raises(InputError, match="degrees"):
        StandardMonomialCounter([1, 1])  # not a matrix
    with pytest.raises(InputError, match="slack"):
        StandardMonomialCounter([[1, 1]], slack=-1)
    with pytest.raises(InputError, match="slack"):
        StandardMonomialCounter([[1, 1]], slack=1.5)
    with pytest.raises(InputError, match="max_nodes"):
        StandardMonomialCounter([[1, 1]], max_nodes=-1)
    counter = StandardMonomialCounter([[1, 0], [0, 1]])
    with pytest.raises(InputError, match="leads"):
        counter.add([[1, 1, 1]])  # three exponents for two variables
    with pytest.raises(InputError, match="leads"):
        counter.add([[1, -1]])
    with pytest.raises(InputError, match="leads"):
        counter.add([[1.5, 0]])  # not an integer exponent
    with pytest.raises(InputError, match="multidegrees"):
        counter.counts(2, [(1, 2)])  # total 3, not 2
    with pytest.raises(InputError, match="degree"):
        counter.counts(1 << 30)  # beyond the coded multidegrees
    assert counter.counts(-1) == {} and counter.counts(-(1 << 40), [(0, -(1 << 40))]) == {(0, -(1 << 40)): 0}
    assert counter.counts(0) == {(0, 0): 1}
    counter.add([[0, 0]])  # the unit ideal: no standard monomial at all
    assert counter.counts(3) == {(0, 3): 0, (1, 2): 0, (2, 1): 0, (3, 0): 0}
