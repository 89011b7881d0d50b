"""Every resource bound of :class:`lcnalg.limits.Limits` is reachable from the command line.

For each field that can stop a request, one command line hits it with a small value: the
request is refused (exit status 2, one line on stderr naming the option ``--max-...``) or,
where the computation keeps what it has, answered partially with a verdict that names the
bound.  The same command line with the bound raised to its default is answered (exit 0)
without that bound being named.  Every field of :class:`Limits` is either in the table or in
:data:`NOT_A_STOP`, with the reason.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lcnalg.limits import Limits
from tests.cli.runner import run

_LOSS_DATA = str(Path(__file__).resolve().parents[1] / "landscape" / "data_2_2_s2.csv")
_NETWORK = str(Path(__file__).resolve().parents[1] / "regions" / "net_2_3_2.json")
_N = 10**30
_CLOSE_ROOTS = f"{_N + 1},{-2 * _N - 1},{2 * _N + 1},{-2 * _N - 1},{_N}"

#: (field, small value, command line without the bound, outcome): with the small value the
#: request is "refused" (exit 2, one line on stderr naming the option), answered "partial"ly
#: (exit 0, the verdict names the bound that stopped it: undecided, complete up to a degree,
#: a note), or "either" where both are right (a bound met by a step that may keep a partial
#: answer, such as the optional certificate of the equations).
ROWS = [
    ("max_real_critical_solutions", 26, ["critical-points", "2,2 s=2", "--real"], "refused"),  # Bezout 27
    ("max_descent_work", 1000, ["descend", "2,2 s=2", "--runs", "2"], "refused"),
    ("max_terms", 3, ["info", "3,2 s=2"], "refused"),  # 6 terms
    ("max_coordinates", 9, ["info", "3,2 s=2"], "refused"),  # 5 weights + 5 coordinates
    ("max_symbolic_entries", 29, ["info", "3,2 s=2"], "refused"),  # 6 terms x 5 weights
    ("max_jacobian_entries", 24, ["info", "3,2 s=2"], "refused"),  # 5 x 5
    ("max_monomials", 2, ["equations", "3,2 s=2", "--max-degree", "3"], "refused"),
    ("max_piece", 3, ["equations", "2x2,2x2", "--max-degree", "3"], "refused"),
    # the equations of this basis have coefficients of about 150 bits: three primes do not lift
    # them, and the degrees before are kept (complete up to degree 0)
    ("lift_primes", 3, ["equations", "3,2 s=2", "--basis", str(Path(__file__).resolve().parent /
                                                             "basis_large_coefficients.json")], "partial"),
    # degree 3 of 2x2,2x2 is estimated at 1907 field operations: complete up to degree 2
    ("max_interpolation_work", 1000, ["equations", "2x2,2x2"], "partial"),
    # building mu (32 x 6 terms x 5 weights) and the echelon form of its 1 exponent difference: 965
    ("max_grading_work", 149, ["equations", "3,2 s=2"], "refused"),
    # 2x2,2x2: grading 4488, the monomials and pieces of degrees 1-2 bring it to 31491, degree 3 to 114161
    ("max_equations_work", 50_000, ["equations", "2x2,2x2"], "partial"),
    # a lift over Q needs 2 primes; in 2D deg V is probabilistic, so the length certificate (mod p)
    # does not certify and the elimination over Q runs
    # the exact critical points lift a Groebner basis over Q from several primes
    ("max_primes", 1, ["critical-points", "2,2 s=2", "--exact"], "refused"),
    ("max_auto_degree", 3, ["equations", "2x2,2x2"], "partial"),  # its equations have degree 6
    # the summary (degree, Hilbert series) is given up; the equations and verdict are the same
    ("max_summary_entries", 1, ["equations", "2,2,2 s=2,2"], "partial"),
    ("max_matrix_entries", 1, ["equations", "2,3 s=3", "--certify"], "either"),
    ("max_total_entries", 1, ["equations", "3,3 s=2", "--certify"], "either"),
    ("max_nodes", 1, ["contains", "3,3 s=2", "1,0,2,0,1,0,1"], "refused"),
    ("max_field_work", 1, ["contains", "2x2,2x2", "1,2,1;2,5,2;1,2,1"], "refused"),
    # (z - 1)(N z - N - 1)(1 + z^2), N = 10^30: two roots 10^-30 apart need > 64 bits
    ("max_precision", 8, ["contains", "3,2 s=2", _CLOSE_ROOTS], "refused"),
    ("max_states", 3, ["closed", "4,4,4 s=2,2"], "partial"),
    ("max_witness_candidates", 1, ["closed", "4,4,4 s=2,2", "--max-states", "3"], "partial"),
    # the first candidate witness (degree 21) costs 21^2 + 21^2/8 = 496
    ("max_witness_work", 1, ["closed", "4,4,4 s=2,2", "--max-states", "3"], "partial"),
    ("max_symbolic_degree", 2, ["inequalities", "2,2,2"], "partial"),  # Sturm-Habicht of degree 3
    # 2x2,2x2: counting the patterns costs 2 x 9 x 9 x 3 = 486 steps, the enumeration 533
    ("max_pattern_work", 100, ["inequalities", "2x2,2x2", "--no-equations"], "refused"),
    # three layers: the minors come first (two layers are answered by their families alone)
    # three layers: beyond the minors' bounds, the certified families' bounds, naming the bound
    ("max_minors", 1, ["critical-locus", "2,2,2 s=2,2"], "partial"),
    ("max_subminors", 2, ["critical-locus", "2,2,2 s=2,2"], "partial"),
    ("max_minor_terms", 1, ["critical-locus", "2,2,2 s=2,2"], "partial"),
    # the residual minors' Groebner basis needs 96 entries: its dimension is bounded instead
    # without the families, which prove the dimension whatever the residual part
    ("max_locus_entries", 1, ["critical-locus", "3,2 s=2", "--max-family-work", "1"], "partial"),
    ("max_supports", 2, ["strata", "2,2 s=2"], "partial"),  # toric route: a note of the strata
    ("max_strata", 2, ["strata", "2,2,2"], "refused"),  # 3 shared-root families
    # the strata of 3,3 s=2: 9 families x 4 equations x 7 coordinates; a note names the bound
    ("max_family_work", 100, ["strata", "3,3 s=2"], "partial"),
    # the 1D tiling search's set-up is estimated (13244 steps) before it starts
    ("max_search_work", 3, ["closed", "4,4,4 s=2,2"], "partial"),
    # (1 + 2z + 3z^2)(4 + 5z^2): isolating its roots costs 4^2 = 16
    ("max_root_work", 3, ["contains", "3,2 s=2", "4,8,17,10,15"], "refused"),
    # the fibre system of 2,2 r=2 has multihomogeneous Bezout number 6: info leaves the degree undecided
    ("max_fibre_solutions", 5, ["info", "2,2 r=2"], "partial"),
    # the three fibre charts of S3: 3,2 have Bezout numbers 6 + 3 + 1 = 10: the fibre step is not run
    ("max_fibre_chart_work", 9, ["group-conv", "S3: 3,2", "--contains", "3,0,-3,0,6,0"], "partial"),
    # f = (2, 3, 0, 3, 0, 0): the chart w1_0 = w2_0 = 1 is a curve no slice meets; its Lagrange system has degrees
    # 3, 2, 3 in 4 weights, estimate 108
    ("max_lagrange_points", 107, ["group-conv", "C3xC2: 2,2,2", "--contains", "2,3,0,3,0,0"], "partial"),
    ("max_critical_solutions", 26, ["critical-points", "2,2 s=2"], "refused"),  # (2L-1)^r = 3^3
    ("max_exact_critical_solutions", 26, ["critical-points", "2,2 s=2", "--exact"], "refused"),
    # 6 samples x 1 output x (16 + 4) products
    ("max_loss_work", 119, ["critical-points", "2,2 s=2", "--data", _LOSS_DATA], "refused"),
    # 5 weights + 5 coordinates
    ("max_elimination_variables", 9, ["metric", "3,2 s=2", "--formula"], "refused"),
    # the integration stops and says which bound stopped it
    ("max_flow_evaluations", 50, ["flow", "2,2 s=2", "--data", _LOSS_DATA, "--t-max", "1"], "partial"),
    ("max_hessian_entries", 15, ["hessian-rank", "2,2"], "refused"),  # Hessian 4 x 4
    ("max_sweep_members", 2, ["hessian-rank", "--sweep", "filters=2..4"], "refused"),  # 3 architectures
    # the floor of the estimate (every prefix bound 1) is already 1258; with the bounds 20746
    ("max_region_work", 1000, ["regions", _NETWORK], "refused"),
    ("max_group_order", 100, ["equivariant", "S5"], "refused"),  # 5! = 120
    # the orbit basis of S4 on pairs -> pairs: 15 matrices of 16 x 16 entries
    ("max_equivariant_work", 1000, ["equivariant", "S4", "--on", "pairs", "--to", "pairs"], "refused"),
    ("max_commutant_entries", 100, ["equivariant", "C6", "--dense"], "refused"),  # 1 generator x 36^2
    ("max_family_size", 3, ["verify", "dimension", "--family", "layers=2 filters=2 strides=1..4"], "refused"),  # 4
]

#: Fields no command line can turn into a refusal or a partial answer that names them, and why.
NOT_A_STOP = {
    # thresholds choosing how much is *reported*; the answer itself is complete either way
    "max_summary_generators": "above it the Groebner summary (degree, Hilbert series) is not formed",
    "max_summary_degree": "as max_summary_generators",
    "max_certify_generators": "above it certify=None does not try the certificate's membership test (--certify forces it)",
    "max_certify_degree": "as max_certify_generators",
    "max_certify_entries": "beyond it certify=None gives up the elimination certificate (--certify allows max_total_entries)",
    "max_read_entries": "beyond it a degree refused by a work bound is not read from the elimination (the refusal stands)",
    # bounds of a cross-check or of one route among several: beyond them another route answers
    "max_hilbert_nodes": "beyond it the Hilbert numerator is taken by another route",
    "max_fibre_order": "beyond it the fibre count (a cross-check of the degree) is skipped",
    "max_fibre_factors": "as max_fibre_order",
    "max_segre_terms": "beyond it closedness is decided by the other arguments",
    "max_exact_entries": "beyond it the minors ideal is reduced mod p instead of over Q",
    "max_locus_terms": "bounds the randomized singular-locus route, which the CLI does not offer",
    # singular-locus certificates: reached only inside `strata`, which reports the singular
    # locus's status (certified or bounds), not which certificate stopped
    "max_certificate_terms": "a family whose certificate stops is left uncertified (strata show the status)",
    "max_bordered": "as max_certificate_terms",
    "max_quotient_dimension": "critical-points --real meets max_real_critical_solutions first (the quotient is at most the Bezout number)",
    "max_section_terms": "an upper bound whose section stops is not proved (strata show the status)",
    "max_section_entries": "as max_section_terms",
    "max_sample_entries": "bounds the public sample_image; the pools interpolation draws are far below it",
}


def _named(text: str, field: str) -> bool:
    return Limits.option(field) in text or field in text


def test_every_field_is_accounted_for():
    rows = [r[0] for r in ROWS]
    assert len(rows) == len(set(rows)), "a field has two rows"
    assert not set(rows) & set(NOT_A_STOP)
    assert set(rows) | set(NOT_A_STOP) == set(Limits.names())


@pytest.mark.parametrize("field, small, argv, outcome", ROWS, ids=[r[0] for r in ROWS])
def test_bound_stops_and_raised_lets_through(field, small, argv, outcome, capsys):
    option = Limits.option(field)
    code, out, err = run(argv + [option, str(small)], capsys)
    refused = code == 2 and not out and len(err.strip().splitlines()) == 1 and option in err
    partial = code == 0 and _named(out, field)
    assert {"refused": refused, "partial": partial, "either": refused or partial}[outcome], \
        (code, out[-600:], err)
    code, raised, err = run(argv + [option, str(getattr(Limits(), field))], capsys)
    assert code == 0 and raised and not _named(raised, field), (code, raised[-600:], err)
